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
        # (o19) the share word may open a later clause ("Of those discharged, a clear majority ..."): a
        # comma among the sentence's first ``opening_reach`` words starts one
        reach=int(o.get("opening_reach", 12)),
        # (o19) a share of any plural noun it counts ("three quarters of growers", "half the men"), when no
        # listed people word follows: the noun's tags
        counted_tags=option_words(o.get("counted_tags")),
        # (o19) outcomes of a service said for a share: seen or answered in time ("are seen within a
        # fortnight"), dependence on us ("could not carry on without us"), a bad thing no longer needed
        timely_verbs=option_words(o.get("timely_verbs")),
        timely_marks=[str(x).lower() for x in (o.get("timely_marks") or [])],
        dependence_preps=option_words(o.get("dependence_preps")),
        group_deps=option_words(o.get("group_deps")),
        group_openers=option_words(o.get("group_openers")),
        clause_openers=option_words(o.get("clause_openers")),
        # (o19) verbs of motion that are a change only with a particle ("come down", not "came from GPs")
        motion=option_words(o.get("motion_verbs")),
        # (o19) a verb of benefit in what the share says ("tell us it helps")
        benefit=option_words(o.get("benefit_verbs")),
        benefit_deps=option_words(o.get("benefit_deps")),
        # (o19) what a service counts of its own work ("two thirds of referrals are seen within a fortnight")
        items=option_words(o.get("service_items")),
        population=option_words(o.get("population_words")),
        fractions=option_words(o.get("fraction_words")),
    )
    return s


def _counted(q, T, end: int, s: dict):
    """The plural noun a share word counts when no people word follows it: the object of its "of"
    ("three quarters of growers"), or the noun right after it ("half the men")."""
    for t in T[q.i + 1:min(end, q.i + 1 + s["window"])]:
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";"):
            return None
        if t.tag_.lower() in s["counted_tags"] and t.lower_ not in W.measure_nouns and t.lemma_.lower() not in W.measure_nouns:
            return t
    return None


def _defined_group(people, s: dict) -> bool:
    """A group defined by what it did or where it is ("everyone who completes a course", "the men on
    the wing", "those discharged from the crisis house"): a claim about a service's people."""
    return any(c.dep_ in s["group_deps"] for c in people.children)


def _service_outcome(t, T, end: int, s: dict) -> bool:
    """Seen in time ("are seen within a fortnight", "are seen by us within their first week") or
    dependent on us ("could not carry on without us")."""
    if t.pos_ == "VERB" and t.lemma_.lower() in s["timely_verbs"]:
        after = " ".join(x.lower_ for x in T[t.i + 1:min(end, t.i + 8)])
        if any(after.startswith(m) or f" {m}" in after for m in s["timely_marks"]):
            return True
    if t.lower_ in s["dependence_preps"]:
        nxt = T[t.i + 1] if t.i + 1 < end else None
        return nxt is not None and (nxt.lower_ in W.provider_pronouns or nxt.lower_ in W.provider_pronouns_short)
    return False


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
        # the share word opens the sentence, or a clause after an opening phrase ("Of those discharged
        # from the crisis house, a clear majority ...", "In a typical quarter, a third of members ...")
        openings = [sent.start] + [t.i + 1 for t in words[:s["reach"]] if t.text == ","]
        # (a share word followed by punctuation is an enumerator, "Third, planned endings ...")
        q = next((t for o in openings for t in T[o:min(sent.end, o + 4)] if t.lower_ in s["shares"]
                  and not (t.i + 1 < sent.end and T[t.i + 1].is_punct)), None)
        if q is None:
            continue
        people = next((t for t in T[q.i + 1:min(sent.end, q.i + 1 + s["window"])]
                       if t.lemma_.lower() in s["people"] or t.lower_ in s["people"] or t.lower_ in W.people_pronouns
                       or t.lower_ in s["users"]), None)
        if people is None:
            people = _counted(q, T, sent.end, s)
        if people is None and T[sent.start].lower_ in s["group_openers"]:
            # "Of those discharged from the crisis house, a clear majority ...": the group is named first
            people = next((t for t in T[sent.start + 1:q.i] if t.lower_ in W.people_pronouns
                           or t.lemma_.lower() in s["people"] or t.lower_ in s["users"]), None)
        if people is None or any(t.lower_ in W.measure_nouns for t in T[q.i + 1:people.i]):
            continue  # "half of the number of people ..." counts, it is not a share of people
        named = any(t.lower_ in W.provider_pronouns or _ours(t, s) for t in words)
        ours = named or people.lower_ in s["users"] or (
            people.lemma_.lower() in s["users"]) or _defined_group(people, s) or people.lemma_.lower() in s["items"]
        # (o21) a sentence that speaks of a whole population ("two thirds of adults in the UK ...") is not about the
        # people we support unless it names us; people not named as ours at all ("three quarters of young people
        # report fewer episodes") are read on only after a fraction, for a change said of them (below)
        if not named and any(t.lower_ in s["population"] or t.lemma_.lower() in s["population"] for t in words):
            continue
        unowned = not ours
        if unowned and q.lower_ not in s["fractions"]:
            continue
        # (o19) the share's own clause: up to a comma that opens another clause (", and a concern is handled
        # ... not a reason to stop support") or a semicolon
        stop = next((t.i for t in T[people.i + 1:sent.end] if t.text == ";" or (
            t.text == "," and t.i + 1 < sent.end and T[t.i + 1].lower_ in s["clause_openers"])), sent.end)
        rest = T[people.i + 1:stop]
        hit = None
        relieved = False
        for t in rest:
            if t.lower_ in s["relief"]:
                # "never go back to hospital", "no longer self-harm": a bad outcome said to stop,
                # which is the claim, not a negation of it
                hit = next((x for x in T[t.i + 1:min(sent.end, t.i + 6)] if x.lower_ in s["counter_outcomes"]
                            or x.lemma_.lower() in s["counter_outcomes"]), None)
                if hit is None and t.lower_ == "longer" and t.i > 0 and T[t.i - 1].lower_ == "no":
                    # "no longer need their GP": whatever they no longer need or do has stopped
                    hit = next((x for x in T[t.i + 1:min(sent.end, t.i + 3)] if x.pos_ in ("VERB", "AUX")), None)
                relieved = hit is not None
                break
        for t in ([] if relieved else rest):
            low, lemma = t.lower_, t.lemma_.lower()
            if (t.tag_ == "JJR" or low in s["change_adjectives"] or low in s["states"]) and t.i > people.i + 1:
                hit = t  # "feel less anxious", "feel calmer", "report better sleep"
            elif t.tag_ == "VBN" and t.dep_ == "amod" and lemma in s["change_verbs"]:
                hit = t  # "reported reduced hospital use"
            elif t.pos_ == "VERB" and lemma in s["benefit"] and t.dep_ in s["benefit_deps"]:
                hit = t  # "tell us it helps", "say the group has changed their lives"
            elif _service_outcome(t, T, sent.end, s):
                hit = t  # "are seen within a fortnight", "could not carry on without us"
            elif lemma in s["change_verbs"] and t.pos_ == "VERB" and lemma not in s["attain"] and (
                    lemma not in s["motion"] or any(c.dep_ == "prt" for c in t.children)):
                hit = t  # "see their mood improve", "stop drinking"
            elif lemma in s["attain"] or low in s["attain"]:
                # "move into settled housing", "return to education", "keep their homes"
                hit = next((x for x in T[t.i + 1:min(sent.end, t.i + 6)] if _outcome(x, s, terms, modifier=True)
                            or any(terms.covers(n, x.i) for n in s["outcomes"])), None)
            if hit is not None:
                break
        if hit is None:
            continue
        if unowned and not (relieved or any(t.lower_ in s["states"] for t in rest)):
            continue  # not a change for the better, said of people not named as ours: perhaps a population's need
        anchor = governing_verb(people)
        if ctx.question(anchor) or (ctx.negated(anchor) and not relieved) or ctx.conditional(anchor) or ctx.aim(anchor) or (
                ctx.hedged(anchor) and anchor.lemma_.lower() not in s["attain"]):
            continue
        if s["exits"] and _has_phrase(sent, s["exits"]):
            continue
        out.append(Candidate(rule, min(q.i, people.i), max(q.i, people.i) + 1, anchor.i))
    return out
