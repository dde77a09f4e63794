"""Check ``share_claim``: a share of the people we support said to reach an outcome, with no base.

"The majority of people we support move into settled housing", "Almost everyone who
completes the course feels less anxious", "A third of families leave the programme
debt-free": a proportion word with no count (majority, most, nearly all, a third,
three-quarters), the people we support as what it counts, and an outcome reached
or changed in the rest of the clause. Read from the surface as well as the parse
(the small model often reads "move" or "return" after such a subject as a noun):

* the share word opens the subject: it is within the first words of the sentence
  and a people word follows it within a few words;
* the people are ours: "our", "we", "us" in the sentence, or a word for the people
  who use a service ("participants", "callers");
* the rest of the sentence after the people word says they reached or changed an
  outcome: a verb of attaining or change, a comparative or a state of wellbeing, or
  an outcome term after a verb of attaining ("move into settled housing").

Figures with their count, period or source are other rules' business: a sentence
with a digit, or one of the rule's ``exceptions``, is left alone.
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _sents,
    _span_text,
    _toks,
    check,
    derived,
    governing_verb,
    option_words,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.effect import _build as _effect_build
from evidencebot.language.overclaim.effect import _has_phrase, _ours, _outcome
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _build(o: dict) -> dict:
    # the outcome, change and people classes of the effect reading (the rule shares its options)
    s = _effect_build(o)
    s.update(
        shares=option_words(o.get("share_words")),
        users=option_words(o.get("user_nouns")),
        attain=option_words(o.get("attain_verbs")),
        window=int(o.get("window", 6)),
        relief=option_words(o.get("relief_negators")),
    )
    return s


@check("share_claim")
def share_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = derived(rule, _build)
    if not ctx.lower_set & s["shares"]:
        return []
    out: list[Candidate] = []
    T = _toks(doc)
    for sent in _sents(doc):
        if any(ch.isdigit() for ch in _span_text(sent)):
            continue
        words = T[sent.start:sent.end]
        q = next((t for t in words[:4] if t.lower_ in s["shares"]), None)
        if q is None:
            continue
        people = next((t for t in T[q.i + 1:min(sent.end, q.i + 1 + s["window"])]
                       if t.lemma_.lower() in s["people"] or t.lower_ in s["people"] or t.lower_ in W.people_pronouns
                       or t.lower_ in s["users"]), None)
        if people is None or any(t.lower_ in W.measure_nouns for t in T[q.i + 1:people.i]):
            continue  # "half of the number of people ..." counts, it is not a share of people
        ours = any(t.lower_ in W.provider_pronouns or _ours(t, s) for t in words) or people.lower_ in s["users"] or (
            people.lemma_.lower() in s["users"])
        if not ours:
            continue
        rest = T[people.i + 1:sent.end]
        hit = None
        relieved = False
        for t in rest:
            if t.lower_ in s["relief"]:
                # "never go back to hospital", "no longer self-harm": a bad outcome said to stop,
                # which is the claim, not a negation of it
                hit = next((x for x in T[t.i + 1:min(sent.end, t.i + 6)] if x.lower_ in s["counter_outcomes"]
                            or x.lemma_.lower() in s["counter_outcomes"]), None)
                relieved = hit is not None
                break
        for t in ([] if relieved else rest):
            low, lemma = t.lower_, t.lemma_.lower()
            if (t.tag_ == "JJR" or low in s["change_adjectives"] or low in s["states"]) and t.i > people.i + 1:
                hit = t  # "feel less anxious", "feel calmer", "report better sleep"
            elif lemma in s["change_verbs"] and t.pos_ == "VERB" and lemma not in s["attain"]:
                hit = t  # "see their mood improve", "stop drinking"
            elif lemma in s["attain"] or low in s["attain"]:
                # "move into settled housing", "return to education", "keep their homes"
                hit = next((x for x in T[t.i + 1:min(sent.end, t.i + 6)] if _outcome(x, s, terms, modifier=True)
                            or any(terms.covers(n, x.i) for n in s["outcomes"])), None)
            if hit is not None:
                break
        if hit is None:
            continue
        anchor = governing_verb(people)
        if ctx.question(anchor) or (ctx.negated(anchor) and not relieved) or ctx.conditional(anchor) or ctx.aim(anchor) or (
                ctx.hedged(anchor) and anchor.lemma_.lower() not in s["attain"]):
            continue
        if s["exits"] and _has_phrase(sent, s["exits"]):
            continue
        out.append(Candidate(rule, q.i, people.i + 1, anchor.i))
    return out
