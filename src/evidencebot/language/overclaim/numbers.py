"""Check ``number_context``: change figures and percentages without their context."""

from __future__ import annotations

import re

from evidencebot.language.overclaim.common import (
    _span_text,
    Candidate,
    _anchor_verb,
    _ci_level,
    _is_target,
    _number,
    _sents,
    _toks,
    _words_in,
    check,
    subject_of,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule
from evidencebot.mentions import denominator, has_baseline, has_period


@check("number_context")
def number_context(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Figures that cannot be checked as written (Vale's "conditional" idea: a figure
    implies its context).

    * A change figure ("fell by 30%", "down 35%", "a 40% reduction", "halved", "2.5 days
      shorter", "three times fewer", "rose to 95%") needs a baseline ("from X to Y",
      "compared with", "than", "against") and a period or a denominator.
    * A percentage on its own ("stands at 92%", "an 85% satisfaction rate") needs a
      denominator ("n = 120", "41 of 58", "of planned contacts").

    Targets, aims and forecasts, conditions, questions, shortfalls admitted ("only 42%",
    "against a target of 75%") and SPC verdicts pass. Options: ``change_needs`` and
    ``static_needs`` (lists of baseline/period/denominator groups; a figure passes when
    every group has one member present).
    """
    v = ctx.v
    opts = rule.options
    change_verbs = v.set("change_verbs") | frozenset(v.forms("change_verbs"))
    change_nouns = v.set("change_nouns")
    skip_words = v.set("figure_skip_words")
    change_needs = opts.get("change_needs", [["baseline"], ["period", "denominator"]])
    static_needs = opts.get("static_needs", [["denominator"]])
    method = [str(p).lower() for p in opts.get("method_phrases") or ()]
    compounds = v.memo(f"number_context:compounds:{rule.id}",  # (perf35) once per loaded phrasebank, not per doc
                       lambda: frozenset(str(p).lower() for p in opts.get("compound_names") or ()))
    out: list[Candidate] = []
    if not any(t.like_num or t.text.endswith("%") or (t.text[-1:] in "xX" and t.text[:1].isdigit()) for t in _toks(doc)) and not (
            ctx.lower_set & W.change_words):
        return out
    for sent in _sents(doc):
        figures = _figures(doc, sent, change_verbs, change_nouns, compounds)
        if not figures:
            continue
        words, text = _words_in(doc, sent.start, sent.end)
        if words & skip_words or any(p in text for p in W.target_context_phrases):
            continue
        present = _figure_context(doc, sent)
        for s, e, anchor, kind in figures:
            if method and _method_figure(doc, sent, s, e, anchor, method):
                continue  # (o21) a figure of the method or the staffing ("a response rate of 23%", "staff turnover was 12%")
            needs = change_needs if kind == "change" else static_needs
            missing = [group for group in needs if not any(present[g] for g in group)]
            if not missing:
                continue
            a = doc[anchor]
            if ctx.conditional(a) or ctx.question(a) or ctx.future(a) or _is_target(sent):
                continue
            if ctx.aim(a) and a.tag_ != "VBG":
                continue
            if any(t.lower_ in v.set("hedge_modals") for t in doc[sent.start:s]):
                continue
            if _sourced(a):
                continue
            names = [" or ".join(group) for group in missing]
            message = rule.message.replace("{missing}", _and_list(["a " + n for n in names]))
            out.append(Candidate(rule, s, e, anchor, message=message))
            break
    return out


def _method_figure(doc, sent, s: int, e: int, anchor: int, phrases: list[str]) -> bool:
    """(o21) Is the figure one of the method's or the staffing's: one of ``phrases`` among the few words around it, in
    its own clause, or in the subject of its verb ("a response rate of 23%", "staff turnover was 12%, down from 19%",
    "22% of people could not be reached")?"""
    subj = subject_of(doc[anchor]) if doc[anchor].pos_ in ("VERB", "AUX") else None
    if subj is not None:
        said = " " + " ".join(t.lower_ for t in subj.subtree) + " "
        if any(f" {p} " in said for p in phrases):
            return True
    start = s
    while start > sent.start and s - start < _METHOD_REACH and doc[start - 1].text not in W.clause_breaks and not (
            doc[start - 1].text == "," and start - 1 > sent.start and doc[start].dep_ == "cc"):
        start -= 1
    end = min(sent.end, e + _METHOD_REACH)
    end = next((t.i for t in doc[e:end] if t.text in W.clause_breaks), end)
    text = " " + " ".join(t.lower_ for t in doc[start:end]) + " "
    return any(f" {p} " in text for p in phrases)


# how many words either side of a figure a phrase of the method may stand
_METHOD_REACH = 8


def _sourced(tok) -> bool:
    """The figure is reported from a source that is not us: it sits under a verb of reporting
    whose subject is someone else ("CQC's survey found that 68% ...", "the ONS reports ..."),
    or after "according to" with no "our" in the source."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in W.source_report_verbs:
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not any(t.i == tok.i for t in subj.subtree) and _named_source(subj):
                return True
        if cur.head is cur:
            break
        cur = cur.head
    sent = tok.sent
    low = [t.lower_ for t in sent]
    for i in range(len(low) - 1):
        if low[i] == "according" and low[i + 1] == "to":
            source = low[i + 2:i + 8]
            return not any(w in W.provider_pronouns_short for w in source)
    return False


def _named_source(subj) -> bool:
    """A named source that is not us: a proper name in it ("CQC's survey", "the ONS") or an
    owner that is not ours ("the council's cost model"); not people ("carers say")."""
    toks = list(subj.subtree)
    if any(t.lower_ in W.provider_pronouns_short for t in toks):
        return False
    return any(t.pos_ == "PROPN" for t in toks) or any(
        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in subj.children)


def _and_list(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _is_pct(doc, i: int) -> int | None:
    """End index of a percentage starting at token ``i`` ("30%", "30 per cent", "30 percent").
    The level of a confidence interval ("95% CI") is not counted."""
    T = _toks(doc)
    t = T[i]
    end = None
    if t.text.endswith("%") and any(ch.isdigit() for ch in t.text):
        end = i + 1
    elif not t.like_num:
        return None
    elif i + 1 < len(doc) and T[i + 1].lower_ in ("%", "percent"):
        end = i + 2
    elif i + 2 < len(doc) and T[i + 1].lower_ == "per" and T[i + 2].lower_ == "cent":
        end = i + 3
    if end is None or _ci_level(doc, end):
        return None
    return end


def _amount_after(doc, i: int, limit: int) -> int | None:
    """End of an amount ("30%", "a third", "40 minutes", "12 points") starting near ``i``."""
    T = _toks(doc)
    j = i
    seen = False
    while j < min(limit, i + 5):
        t = T[j]
        if t.like_num or t.lower_ in W.fraction_words:
            seen = True
            j += 1
            continue
        if t.lower_ in W.amount_words or (seen and t.pos_ == "NOUN" and j == i + 1 or seen and t.pos_ == "NOUN"):
            j += 1
            if seen and t.pos_ == "NOUN":
                break
            continue
        break
    return j if seen else None


def _named_compound(T, j: int, end: int, names: frozenset[str]) -> bool:
    """(oc2 s33) Is the change noun at ``j`` the first word of a hyphened name of a thing ("22 drop-in sessions": a
    count of sessions, not a drop of 22)? ``names`` as the tokenizer splits them ("drop - in")."""
    return j + 2 < end and T[j + 1].text == "-" and f"{T[j].lower_} - {T[j + 2].lower_}" in names


def _figures(doc, sent, change_verbs, change_nouns, names: frozenset[str] = frozenset()) -> list[tuple[int, int, int, str]]:
    """Change figures and percentages in a sentence: ``(start, end, anchor, kind)``."""
    T = _toks(doc)
    out = []
    used: set[int] = set()
    end = sent.end
    from_to = _from_to_spans(doc, sent)
    for tok in T[sent.start:sent.end]:
        i = tok.i
        if i in used:
            continue
        low = tok.lower_
        lemma = tok.lemma_.lower()
        # "by 30%", "by a third", "by 40 minutes" after a change verb
        if low == "by":
            amt = _amount_after(doc, i + 1, end)
            verb = None
            for j in range(i - 1, max(sent.start, i - 5) - 1, -1):
                if T[j].lemma_.lower() in change_verbs or T[j].lower_ in change_verbs or T[j].lower_ in ("down", "up"):
                    verb = T[j]
                    break
            if amt is not None and verb is not None:
                out.append((verb.i, amt, verb.i, "change"))
                used.update(range(verb.i, amt))
            continue
        # "twice what it was", "double the rate", "half the number"
        if low in W.multiple_words and i + 2 < end and (
                T[i + 1].lower_ == "what" or (T[i + 1].lower_ == "the" and T[i + 2].lower_ in W.measure_words)):
            out.append((i, i + 2, _anchor_verb(tok), "change"))
            used.update(range(i, i + 2))
            continue
        # "up a quarter", "down a third"
        if low in ("up", "down") and i + 2 < end and T[i + 1].lower_ == "a" and T[i + 2].lower_ in W.fraction_names and i > sent.start and (
                T[i - 1].lower_ in W.be_forms or T[i - 1].lemma_.lower() in change_verbs):
            out.append((i, i + 3, i, "change"))
            used.update(range(i, i + 3))
            continue
        # "up 20 points", "down 12 percentage points"
        if low in ("up", "down") and i + 2 < end and T[i + 1].like_num and T[i + 2].lower_ in W.points_words and (
                i > sent.start and (T[i - 1].lemma_.lower() in change_verbs or T[i - 1].lower_ in W.be_forms or T[i - 1].pos_ in W.noun_propn_verb)):
            stop = i + 3 + (1 if i + 3 < end and T[i + 3].lower_ in ("points", "point") else 0)
            out.append((i, stop, i, "change"))
            used.update(range(i, stop))
            continue
        # "cut in half", "climbed 30 points", "fell 12 percentage points"
        if lemma in change_verbs and tok.pos_ in ("VERB", "ADJ") and i + 2 < end:
            if T[i + 1].lower_ == "in" and T[i + 2].lower_ == "half":
                if any(c.dep_ == "dobj" for c in tok.children) or (i + 1 < end and T[i + 1].pos_ in W.det_noun_pron):
                    continue  # "we cut the form in half": an action, like "we halved the paperwork"
                out.append((i, i + 3, i, "change"))
                used.update(range(i, i + 3))
                continue
            if T[i + 1].like_num and T[i + 2].lower_ in W.points_words and not any(
                    a <= i + 1 < b for a, b in from_to):
                stop = i + 3 + (1 if i + 3 < end and T[i + 3].lower_ in ("points", "point") else 0)
                out.append((i, stop, i, "change"))
                used.update(range(i, stop))
                continue
        # "a 3x increase", "2.5x more referrals", "grew 2.5x"
        if MULTIPLE_RE.match(low) and i > sent.start and T[i - 1].lemma_.lower() in change_verbs:
            out.append((i - 1, i + 1, i - 1, "change"))
            used.update(range(i - 1, i + 1))
            continue
        if MULTIPLE_RE.match(low) and i + 1 < end and (T[i + 1].lower_ in change_nouns or T[i + 1].lower_ in W.comparatives):
            out.append((i, i + 2, _anchor_verb(T[i + 1]), "change"))
            used.update(range(i, i + 2))
            continue
        # "down 35%", "dropped 40%", "up 70%", "rose to 95%"
        if (lemma in change_verbs or low in ("down", "up")) and i + 1 < end:
            k = i + 1
            if T[k].lower_ == "to" and lemma in change_verbs:
                pe = _is_pct(doc, k + 1) if k + 1 < end else None
                if pe is not None and not any(a <= k + 1 < b for a, b in from_to):
                    out.append((i, pe, i, "change"))
                    used.update(range(i, pe))
                    continue
            pe = _is_pct(doc, k)
            if pe is not None and (low in ("down", "up") and (T[i - 1].lower_ in W.be_forms or T[i - 1].pos_ in ("NOUN", "PROPN"))
                                   or lemma in change_verbs):
                out.append((i, pe, i, "change"))
                used.update(range(i, pe))
                continue
        # "a threefold increase", "twice as many", "half as many", "a fifth fewer"
        if low.endswith("fold") and low[:-4] in W.small_number_words or low in ("twice", "double") and i + 2 < end and T[i + 1].lower_ == "as" or (
                low in W.fraction_names_short and i + 1 < end and T[i + 1].lower_ in W.comparatives | {"as"}):
            stop = min(end, i + 4)
            out.append((i, stop, _anchor_verb(tok), "change"))
            used.update(range(i, stop))
            continue
        # "waits dropped to nine days", "rose to 40 a month": a change with only its end point
        if lemma in change_verbs and tok.pos_ == "VERB" and i + 2 < end and T[i + 1].lower_ == "to" and T[i + 2].like_num and not any(
                a <= i + 2 < b for a, b in from_to):
            stop = i + 3 + (1 if i + 3 < end and T[i + 3].pos_ == "NOUN" else 0)
            out.append((i, stop, i, "change"))
            used.update(range(i, stop))
            continue
        # "nine in ten people", "4 in 5 carers": a rate with no count
        if (tok.like_num and i + 2 < end and T[i + 1].lower_ == "in" and T[i + 2].like_num
                and (_number(T[i + 2]) or 0) in (3, 4, 5, 10)):
            out.append((i, i + 3, _anchor_verb(tok), "static"))
            used.update(range(i, i + 3))
            continue
        # "halved", "doubled", "tripled"
        if lemma in W.multiply_verbs and tok.pos_ == "VERB":
            if any(c.dep_ == "dobj" for c in tok.children):
                continue  # "we halved the paperwork": an action, not a reported figure
            out.append((i, i + 1, i, "change"))
            used.add(i)
            continue
        # "a 40% reduction", "30% fewer", "three times fewer", "2.5 days shorter"
        if tok.like_num:
            pe = _is_pct(doc, i)
            j = pe if pe is not None else i + 1
            if j < end and T[j].lower_ == "-":
                j += 1
            if j < end and pe is None and T[j].lower_ in ("times", "fold"):
                j += 1
                if T[j - 1].lower_ == "fold" and any(T[k].lemma_.lower() in change_verbs for k in range(max(sent.start, i - 3), i)):
                    out.append((i, j, i, "change"))
                    used.update(range(i, j))
                    continue
            elif j < end and pe is None and T[j].pos_ == "NOUN" and T[j].lower_ not in change_nouns:
                j += 1  # "2.5 days shorter", "40 minutes faster"
            if j < end and (T[j].lower_ in change_nouns or T[j].lower_ in W.comparatives) and not _named_compound(T, j, end, names):
                if not (T[j].lower_ in ("more", "less") and j + 1 < end and T[j + 1].lower_ == "than"):
                    out.append((i, j + 1, _anchor_verb(T[j]), "change"))
                    used.update(range(i, j + 1))
                    continue
            if pe is not None and _share_of_count(T, i, sent.start):
                used.update(range(i, pe))
                continue  # "52 of them (90%)", "29 (45%) accepted": the share of a count the sentence gives
            if pe is not None and not any(a <= i < b for a, b in from_to):
                out.append((i, pe, _anchor_verb(tok), "static"))
                used.update(range(i, pe))
                continue
    return out


def _share_of_count(T, i: int, start: int) -> bool:
    """Is the percentage at ``i`` in brackets straight after a count ("52 of them (90%)", "97 people (28%)",
    "29 (45%)")? Then it restates a count the reader has, and is no figure without its base."""
    if i - 2 < start or T[i - 1].text not in W.open_brackets:
        return False
    if any(t.like_num and not t.text.endswith("%") and not W.year_re.match(t.text) for t in T[max(start, i - 4):i - 1]):
        return True
    # "Seventeen of the twenty-six parents who started in September (65%)": a count out of a base before it
    return any(T[k].like_num and T[k + 1].lower_ == "of" and any(
        x.like_num and not W.year_re.match(x.text) for x in T[k + 2:min(i, k + 5)]) for k in range(start, i - 2))


MULTIPLE_RE = re.compile(r"^\d+(?:\.\d+)?x$")


def _from_to_spans(doc, sent) -> list[tuple[int, int]]:
    """Token spans of "from X to Y" with numbers on both sides."""
    T = _toks(doc)
    spans = []
    for t in T[sent.start:sent.end]:
        if t.lower_ in ("from", "between"):
            a = next((k for k in range(t.i + 1, min(sent.end, t.i + 4)) if T[k].like_num or T[k].text.rstrip("%").replace(".", "").isdigit()), None)
            if a is None:
                continue
            sep = next((k for k in range(a + 1, min(sent.end, a + 9)) if T[k].lower_ in ("to", "and")), None)
            if sep is None:
                continue
            b = next((k for k in range(sep + 1, min(sent.end, sep + 4)) if T[k].like_num or T[k].text.rstrip("%").replace(".", "").isdigit()), None)
            if b is not None:
                spans.append((t.i, b + 2))
    return spans




def _figure_context(doc, sent) -> dict[str, bool]:
    """What the sentence gives its figures: the phrasebank's patterns, or what the claims
    reader finds (evidencebot.mentions: "(base about 40)", "numerator about 160;
    denominator about 220", "up from 40%", "the last six months")."""
    text = _span_text(sent)
    return {
        "baseline": bool(_from_to_spans(doc, sent)) or bool(W.baseline_re.search(text)) or has_baseline(text),
        "period": bool(W.period_re.search(text)) or has_period(text),
        "denominator": bool(W.denom_re.search(text)) or denominator(text) is not None,
    }
