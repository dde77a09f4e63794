"""Check ``comparison_claim``: our service or the people we support said to do better than others, unsourced.

"Our approach works better than standard care", "Our patients recover faster than those at other
practices", "Children in our reading scheme achieve higher grades than their classmates", "Compared with
the old service, ours is simply more effective": a comparison with other providers, areas, services or
people that gives no figure and no source. Read from the structure, not a list of phrases:

* a **comparative** (a word the tagger marks as comparative, "better", "faster", "healthier", or "more" /
  "less" before an adjective or adverb: "more effective"), not one of the rule's ``not_comparatives``
  (quantity words such as "more" alone, and comparatives that admit a shortfall: "slower", "longer");
* a **standard**: "than" after the comparative, or "compared with / to" in the sentence;
* **ours**: "we", "our", "us" or "ours" in the sentence, or a subject from the rule's ``agents``;
* **no figure or source** in the sentence: no number, and none of the rule's ``source_words``
  ("according to", "audit", "evaluation"): a comparison with its figures and source is what we ask for.

The rule's ``skip_when`` drops hedged, negated, conditional, aim and question sentences.
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _sents,
    _toks,
    check,
    derived,
    governing_verb,
    option_words,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _build(o: dict) -> dict:
    return dict(
        agents=option_words(o.get("agents")),
        not_comparatives=option_words(o.get("not_comparatives")),
        degree_heads=option_words(o.get("degree_words")),
        standards=option_words(o.get("standard_words")),
        compared=option_words(o.get("compared_words")),
        sources=[str(x).lower() for x in (o.get("source_words") or [])],
        not_figures=option_words(o.get("not_figures")),
        window=int(o.get("window", 10)),
        # (o19) comparisons said without a comparative: a word that ranks us over others ("ahead of every other
        # team", "rate our support above what the council offers", "outperforms other services"), a superlative
        # over any other ("the best completion rates of any provider"), an equative that no other matches
        # ("nowhere else do refugees get support as good as ours") and idioms ("results others can only dream of")
        ranking=option_words(o.get("ranking_words")),
        others=option_words(o.get("other_words")),
        any_dets=option_words(o.get("any_words")),
        among=option_words(o.get("among_words")),
        none_phrases=[str(x).lower() for x in (o.get("no_other_phrases") or [])],
        idioms=[str(x).lower() for x in (o.get("idioms") or [])],
    )


def _ours_subject(noun, s: dict) -> bool:
    """The noun is what we have or are ("we have the best rates of any ...", "our team has the ...")."""
    subj = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in W.provider_pronouns or subj.lemma_.lower() in s["agents"] or any(
        c.dep_ == "poss" and c.lower_ in W.provider_pronouns for c in subj.children))


def _padded(words) -> str:
    return " " + " ".join(t.lower_ for t in words) + " "


def _ranked(words, T, end: int, s: dict):
    """The word that ranks us over others, or None: a ranking word with one of the other words after it, a
    superlative whose noun is set among any others, an equative that no other matches, or an idiom."""
    text = _padded(words)
    for t in words:
        if t.lower_ in s["ranking"] or t.lemma_.lower() in s["ranking"]:
            # the others are what it governs ("ahead of every other team"), not a neighbour ("we work above
            # the ward office, next to other charities")
            if any(x.i > t.i and (x.lower_ in s["others"] or x.lower_ in s["any_dets"]) for x in t.subtree):
                return t
        if t.tag_ == "JJS" and t.dep_ == "amod" and t.head.dep_ in ("dobj", "attr") and _ours_subject(t.head, s):
            noun = t.head
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in s["among"]):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    if any(c.dep_ == "det" and c.lower_ in s["any_dets"] for c in obj.children) or obj.lower_ in s["others"]:
                        return t  # "the best completion rates of any provider"
        if t.lower_ == "as" and t.dep_ == "advmod" and t.head.pos_ in ("ADJ", "ADV") and any(
                p in text for p in s["none_phrases"]):
            return t.head  # "nowhere else ... as good as ours"
    for idiom in s["idioms"]:
        k = text.find(f" {idiom} ")
        if k != -1:
            first = idiom.split()[0]
            return next((t for t in words if t.lower_ == first), None)
    return None


def _idiom_end(ranked, s: dict) -> int:
    """(oc28) The end of the idiom that starts at ``ranked`` ("can only dream of": the finding is the whole idiom,
    not its first word, so '{match}' in the message and a suggestion put in its place are the idiom's), or the
    word after ``ranked`` when no idiom starts there."""
    doc = ranked.doc
    for idiom in s["idioms"]:
        parts = idiom.split()
        end = ranked.i + len(parts)
        if end <= len(doc) and [t.lower_ for t in doc[ranked.i:end]] == parts:
            return end
    return ranked.i + 1


def _comparative(t, s: dict):
    """The comparative word at ``t`` ("better"; "more effective": the adjective), or None."""
    low = t.lower_
    if low in s["degree_heads"]:
        head = t.head
        if t.dep_ == "advmod" and head.pos_ in ("ADJ", "ADV") and head.i > t.i and head.lower_ not in s["not_comparatives"]:
            return head
        return None
    if t.tag_ in ("JJR", "RBR") and low not in s["not_comparatives"] and t.lemma_.lower() not in s["not_comparatives"]:
        return t
    return None


@check("comparison_claim")
def comparison_claim(rule: Rule, doc, ctx: Context, terms: Terms | None) -> list[Candidate]:
    s = derived(rule, _build)
    lowers = ctx.lower_set
    if not (lowers & s["standards"] or lowers & s["compared"] or lowers & s["ranking"] or lowers & s["others"]
            or lowers & s["any_dets"]):
        return []
    T = _toks(doc)
    out: list[Candidate] = []
    for sent in _sents(doc):
        words = T[sent.start:sent.end]
        if any(any(ch.isdigit() for ch in t.text) or (t.like_num and t.dep_ in W.comparison_figure_deps
                                                     and t.lower_ not in s["not_figures"]) for t in words):
            continue  # a figure: a comparison with its numbers is other rules' business
        text = sent.text.lower()
        if any(src in text for src in s["sources"]):
            continue
        ours = any(t.lower_ in W.provider_pronouns for t in words)
        compared = any(t.lower_ in s["compared"] and any(c.dep_ == "prep" for c in t.children) for t in words)
        ranked = _ranked(words, T, sent.end, s) if (ours or any(
            x.lemma_.lower() in s["agents"] for x in words)) else None
        if ranked is not None:
            out.append(Candidate(rule, ranked.i, _idiom_end(ranked, s), governing_verb(ranked).i))
            continue
        for t in words:
            comp = _comparative(t, s)
            if comp is None:
                continue
            # the standard belongs to this comparative ("better than", "higher grades than"), not to
            # another clause's ("... better job retention, and we would rather understate this than ...")
            standard = compared or any(x.lower_ in s["standards"] and (x.head.i == comp.i or x.head.i == comp.head.i
                                                                       or x.head.head.i == comp.i)
                                       for x in T[comp.i + 1:min(sent.end, comp.i + 1 + s["window"])])
            if not standard:
                continue
            verb = governing_verb(comp)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and (subj.lemma_.lower() in W.measure_nouns or subj.lower_ in W.measure_nouns):
                continue  # a measure set against a standard ("our DNA rate is higher than the regional average")
            agent = subj is not None and any(x.lemma_.lower() in s["agents"] for x in subj.subtree)
            if not (ours or agent):
                continue
            out.append(Candidate(rule, t.i, comp.i + 1, verb.i))
            break
    return out
