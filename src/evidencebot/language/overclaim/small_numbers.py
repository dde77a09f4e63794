"""Check ``small_denominator``: rates and generalisations resting on a handful of people."""

from __future__ import annotations

import re

from evidencebot.language.markdown import quote_spans
from evidencebot.language.overclaim.common import (
    Candidate,
    _anchor_verb,
    _ci_level,
    _has_signal,
    _number,
    _sents,
    _text,
    _toks,
    _words_in,
    check,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule

FRACTION_TOKEN_RE = re.compile(r"^(\d{1,2})/(\d{1,2})$")


@check("small_denominator")
def small_denominator(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Results from a handful of people presented as a rate or generalised:
    "100% (2 of 2)", "67% (n = 3)", "from three to one, a 67% fall", "our pilot with six
    people proves the model works".

    A sentence is flagged when it counts fewer than ``max_n`` people (or cases, surveys)
    and also gives a percentage or a generalising word ("shows", "proves", "works",
    "across the county"), outside quotation marks. A sentence that says the numbers are
    too small to generalise from ("with so few people", "an early signal only") passes.
    """
    T = _toks(doc)
    v = ctx.v
    opts = rule.options
    max_n = int(opts.get("max_n", 10))
    groups = v.set("small_group_nouns") | v.set("people_nouns")
    containers = W.pilot_nouns
    general = frozenset(w.lower() for w in opts.get("generalising", [])) or v.set("generalising_phrases")
    outcome_signals = v.set("outcome_signals")
    caveats = frozenset(w.lower() for w in opts.get("caveats", [])) or v.set("small_number_caveats")
    out: list[Candidate] = []
    if not any(t.like_num or t.text.endswith("%") for t in _toks(doc)) and not ctx.lower_set & W.small_group_words:
        return out
    text = _text(doc)
    quotes = quote_spans(text)

    def quoted(t) -> bool:
        return any(a <= t.idx < b for a, b in quotes)

    # explicit "67% (n = 3)", "100% (2 of 2)", "3/4 (75%)"
    explicit: set[int] = set()
    for regex in (W.small_fraction_re, W.fraction_pct_re):
        for m in regex.finditer(text):
            n = int(m.group("n") or m.group("n2"))
            if n >= max_n or n == 0:
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or quoted(span[0]):
                continue
            sent_words, sent_text = _words_in(doc, span.sent.start, span.sent.end)
            if _has_signal(sent_words, sent_text, caveats):
                continue
            out.append(Candidate(rule, span.start, span.end, _anchor_verb(span.root)))
            explicit.add(span.sent.start)
    for sent in _sents(doc):
        if sent.start in explicit:
            continue
        counts: list[tuple[int, int]] = []
        fractions: list[tuple[int, int]] = []
        for t in T[sent.start:sent.end]:
            if quoted(t):
                continue
            # "our small pilot", "a small sample", "a very small group"
            if t.lower_ in ("small", "tiny") and t.i + 1 < sent.end and T[t.i + 1].lower_ in containers | W.number_nouns:
                counts.append((t.i, t.i + 2))
                continue
            if t.lower_ == "few" and t.i > sent.start and T[t.i - 1].lower_ == "a" and t.i + 1 < sent.end and (
                    T[t.i + 1].lower_ in groups or T[t.i + 1].lemma_.lower() in groups):
                counts.append((t.i - 1, t.i + 2))
                continue
            # "both participants", "a handful of people", "a single service user"
            if t.lower_ in W.small_group_words_short and t.i + 1 < sent.end:
                k = t.i + 1
                while k < min(sent.end, t.i + 4) and T[k].lower_ in W.partitive_words:
                    k += 1
                both_of = t.lower_ == "both" and T[t.i + 1].lower_ == "of"
                if both_of and t.i + 2 < sent.end and T[t.i + 2].lower_ in ("whom", "which") and not any(
                        T[j].lower_ in groups or T[j].lemma_.lower() in groups for j in range(max(sent.start, t.i - 12), t.i)):
                    # 'a Board-level lead and an operational lead, both of whom will be in post': two named roles or
                    # things, not a result over two people (s15 q06, spent: the buyer's own statement restated)
                    continue
                if k < sent.end and (T[k].lower_ in groups or T[k].lemma_.lower() in groups) or both_of:
                    counts.append((t.i, min(k + 1, sent.end)))
                    continue
            # "2/3 of pilot participants", "3/4 carers": a fraction of a few written as one token
            fm = FRACTION_TOKEN_RE.match(t.text)
            if fm is not None and not quoted(t):
                k_, n_ = int(fm.group(1)), int(fm.group(2))
                after = T[t.i + 1] if t.i + 1 < sent.end else None
                if 0 < n_ < max_n and k_ <= n_ and after is not None and (
                        after.lower_ == "of" or after.lower_ in groups or after.lemma_.lower() in groups or after.text == "("):
                    counts.append((t.i, t.i + 1))
                    fractions.append((t.i, t.i + 1))
                continue
            value = _number(t)
            if value is None or value >= max_n or quoted(t):
                continue
            if t.i - 2 >= sent.start and T[t.i - 1].text in W.number_hyphens and T[t.i - 2].is_alpha and T[t.i - 2].like_num:
                continue  # 'twenty-six parents': the units of a larger number, not a count of six
            if t.i > sent.start and T[t.i - 1].lower_ in W.numbered_labels:
                continue  # 'Level 3 safeguarding adults ... training', 'Tier 2 staff': a label's number, not a count
            i = t.i
            if _not_a_count(T, i, sent.start, sent.end, max_n):
                continue
            nxt = [T[k] for k in range(i + 1, min(sent.end, i + 4))]
            # "three of the four people", "2 out of 2", "4 out of 5 carers": a rate over a few
            left = [T[k].lower_ for k in range(max(sent.start, i - 4), i)]
            if left and (left[-1] == "of" or left[-2:] == ["out", "of"] or left[-2:] == ["of", "the"]):
                k0 = i - (2 if left[-1] != "of" or left[-2:] == ["out", "of"] else 1)
                if left[-2:] == ["out", "of"]:
                    k0 = i - 3
                elif left[-2:] == ["of", "the"]:
                    k0 = i - 3
                else:
                    k0 = i - 2
                numerator = T[k0] if k0 >= sent.start else None
                after = next((n for n in nxt if n.pos_ in ("NOUN", "PROPN")), None)
                noun_ok = after is None or after.lower_ in groups or after.lemma_.lower() in groups or not nxt or nxt[0].is_punct
                if numerator is not None and _number(numerator) is not None and noun_ok and (
                        after is None or after.i <= i + 3):
                    counts.append((numerator.i, i + 1))
                    fractions.append((numerator.i, i + 1))
                    continue
            # "three young people", "five service users", "one person", "four members",
            # "a four-person pilot"
            for k, n in enumerate(nxt):
                if n.lower_ in groups or n.lemma_.lower() in groups:
                    counts.append((i, n.i + 1))
                    break
                if n.text == "-" and k == 0:
                    continue
                if n.pos_ not in W.adj_noun_propn or n.lower_ in W.linking_words:
                    break
            else:
                pass
            if counts and counts[-1][0] == i:
                continue
            # "a cohort of four", "with five", "from three to one"
            prev = T[i - 1] if i > sent.start else None
            prev2 = T[i - 2] if i - 1 > sent.start else None
            if prev is not None and prev.lower_ in ("=", "n=") or (prev is not None and prev2 is not None and prev.lower_ == "="
                                                                    and prev2.lower_ == "n"):
                counts.append((i, i + 1))
                fractions.append((i, i + 1))
            elif prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ in containers:
                counts.append((prev2.i, i + 1))
            elif prev is not None and prev.lower_ in ("from", "to") and not _in_interval(T, i, sent.start) and any(
                    (_number(T[k]) or max_n) < max_n for k in range(max(sent.start, i - 4), min(sent.end, i + 5)) if k != i):
                counts.append((i, i + 1))
            elif value in (1, 2) and t.lower_ in ("two",) and i + 2 < sent.end and T[i + 1].lower_ == "out":
                counts.append((i, i + 1))
        if not counts:
            continue
        words, stext = _words_in(doc, sent.start, sent.end)
        if _has_signal(words, stext, caveats):
            continue
        pct = not _large_base(T, sent.start, sent.end, max_n) and any(
            (tok.text.endswith("%") or tok.lower_ in W.rate_change_words
             or (tok.lower_ == "cent" and T[tok.i - 1].lower_ == "per"))
            and not quoted(tok) and not _ci_level(doc, tok.i + 1) and not _level(T, tok.i, sent.end) for tok in sent)
        unquoted = [tok for tok in sent if not quoted(tok)]
        u_words = {tok.lower_ for tok in unquoted} | {tok.lemma_.lower() for tok in unquoted if tok.pos_ == "VERB"}
        u_text = " " + " ".join(tok.lower_ for tok in unquoted) + " "
        generalises = _has_signal(u_words, u_text, general)
        if fractions and not (pct or generalises) and not (
                _has_signal(u_words, u_text, outcome_signals) or _has_signal(u_words, u_text, v.set("negative_outcome_words"))):
            continue  # "two of the four tenants asked for help with bills": a count, not a result
        if not (pct or generalises or fractions):
            continue
        s0, e0 = counts[0]
        anchor = T[s0]
        if ctx.question(anchor):
            continue
        if any(tok.dep_ == "neg" or tok.lower_ in ("not", "n't") for tok in unquoted) and not pct:
            continue
        out.append(Candidate(rule, s0, e0, _anchor_verb(anchor)))
    return out


def _in_interval(T, i: int, start: int) -> bool:
    """Is token ``i`` a bound of a confidence interval or range ("95% CI 1 to 3 days")?"""
    return any(T[k].lower_ in W.range_words
               for k in range(max(start, i - 5), i))


def _not_a_count(T, i: int, start: int, end: int, max_n: int) -> bool:
    """Is the small number at token ``i`` something other than a count of people: a threshold
    ("fewer than eight people", "under five", "at least three"), the base of a ratio said as a
    general rate ("one in four adults"), or the numerator of a large base ("7 of 94")?"""
    prev = T[i - 1].lower_ if i > start else ""
    prev2 = T[i - 2].lower_ if i - 1 > start else ""
    if prev in W.threshold_before or (prev == "than" and prev2 in W.threshold_comparatives):
        return True
    if prev == "in" and i - 1 > start and _number(T[i - 2]) is not None:
        return True
    k = i + 1
    if k < end and T[k].lower_ == "out":
        k += 1
    if k + 1 < end and T[k].lower_ == "of":
        base = _number(T[k + 1])
        if base is not None and base >= max_n:
            return True
    return False


def _large_base(T, start: int, end: int, max_n: int) -> bool:
    """Does the sentence give a base of ``max_n`` or more for its figures ("14 of 17 mothers (82%)",
    "58% of 210 participants", "n = 120")? Its percentage is then that base's, not a rate of a few."""
    for k in range(start + 1, end):
        base = _number(T[k])
        if base is None or base < max_n:
            continue
        prev = T[k - 1].lower_
        if prev in W.base_markers or (prev == "the" and T[k - 2].lower_ == "of" if k - 2 >= start else False):
            return True
    return False


def _level(T, i: int, end: int) -> bool:
    """Is the percentage at token ``i`` a target or a test level ("the 80% target", "at the 5% level")?"""
    k = i + 1
    while k < end and T[k].is_punct and T[k].text == "%":
        k += 1
    return k < end and T[k].lower_ in W.level_nouns
