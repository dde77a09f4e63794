"""Checks ``credit_owed`` and ``shared_change_agent``: the credit for a change placed with us.

Read from the clause (oc30, issue 15):

* **credit_owed**: a change or an outcome (a word of change, a comparative, an outcome word; or "that", "this"
  pointing back to the sentence before) placed with a service or with us by a verb of owing or placing: "X is
  down to our team", "X belongs squarely to the directorate", "responsibility for the improved rating lies with
  the in-reach service", "Omar owes his recovery to the men's group", "you can thank our team for that", "those
  low readmissions are all you", "that's us". A duty placed with someone ("responsibility for safeguarding lies
  with the named nurse") names no change and passes; so does shared credit ("partly", "together with").
* **shared_change_agent**: we (or something of ours) as the subject of a verb of changing (bring down, fix, cut,
  turn around, secure) whose object is something other bodies share: owned by another body ("the county's
  place"), between bodies ("the pathway between the GP practices and the trust"), or named for one ("the CAMHS
  waiting list"). "We cut our own waiting list" is our own change and passes.

Every word is in the rules' options (phrasebank/overclaim.yaml).
"""

from __future__ import annotations


from evidencebot.language.overclaim import claims
from evidencebot.language.overclaim.common import Candidate, Terms, _toks, all_option_words, check, derived
from evidencebot.language.overclaim.context import Context
from evidencebot.language.phrasebank import Rule


def _receiver(tok, s: dict) -> bool:
    """A service or us: we, us, you, ourselves; a noun of a service or its people (team, group, worker ...)."""
    for t in (tok, *[c for c in tok.children if c.dep_ == "conj"]):
        if t.lower_ in s["receiver_pronouns"] or t.lemma_.lower() in s["receivers"] or t.lower_ in s["receivers"]:
            return True
        # (oc35) or any people or thing of ours ("our community champions", "our lobbying")
        if t.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in s["receiver_owners"] for c in t.children):
            return True
    return False


def _pobj(tok, preps: frozenset, deps: frozenset):
    for c in tok.children:
        if c.dep_ in deps and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _changed(span_tokens, s: dict) -> bool:
    return any(t.lower_ in s["change_words"] or t.lemma_.lower() in s["change_words"] or t.tag_ in ("JJR", "RBR")
               for t in span_tokens)


def _credited(thing, s: dict, doc) -> bool:
    """What is credited says what changed; a pointer ("that", "this", "those") reads the sentence before."""
    if thing is None:
        return False
    words = list(thing.subtree)
    if _changed(words, s):
        return True
    if thing.lower_ in s["pointers"] or any(t.lower_ in s["pointers"] for t in words[:1]):
        # the sentence before, or the clause before the pointer in its own sentence
        before = doc[max(0, thing.sent.start - 30):thing.i]
        return _changed(list(before), s)
    return False


def _shared(sent, s: dict) -> bool:
    low = sent.text.lower()
    return any(t.lower_ in s["shared_words"] for t in sent) or " in part" in low


def _subject(verb, s: dict):
    return next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)


def _blocked(ctx: Context, verb) -> bool:
    """Negated, conditional, asked, aimed or hedged; "can" alone is a capability ("you can thank our team")."""
    if ctx.negated(verb) or ctx.conditional(verb) or ctx.question(verb) or ctx.aim(verb):
        return True
    return ctx.hedged(verb) and not claims._only_can(_toks(verb.doc), verb.sent, ctx)


@check("credit_owed")
def credit_owed(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """A change placed with us by a verb of owing or placing (module docstring)."""
    s = derived(rule, all_option_words)
    out: list[Candidate] = []
    for verb in _toks(doc):
        lemma = verb.lemma_.lower()
        found = None
        if lemma in s["to_verbs"] or lemma in s["owe_verbs"]:
            rec = _pobj(verb, s["to_words"], s["prep_deps"])
            thing = next((c for c in verb.children if c.dep_ == "dobj"), _subject(verb, s))
            if rec is not None and _receiver(rec, s):
                found = (thing, rec)
        elif lemma in s["with_verbs"]:
            rec = _pobj(verb, s["with_words"], s["prep_deps"])
            if rec is not None and _receiver(rec, s):
                found = (_subject(verb, s), rec)
        elif lemma in s["thank_verbs"]:
            rec = next((c for c in verb.children if c.dep_ == "dobj"), None)
            thing = _pobj(verb, s["for_words"], s["prep_deps"])
            if rec is not None and _receiver(rec, s) and thing is not None:
                found = (thing, rec)
        elif lemma in s["reflect_verbs"]:
            rec = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if rec is not None and _receiver(rec, s) and any(t.lower_ in s["sole_words"] for t in verb.subtree):
                found = (_subject(verb, s), rec)
        elif lemma in s["copulas"]:
            down = next((c for c in verb.children if c.lower_ in s["down_words"]), None)
            rec = _pobj(down, s["to_words"], s["prep_deps"]) if down is not None else None
            if rec is None:
                # "those low readmissions are all you", "that's us"
                attr = next((c for c in verb.children if c.dep_ in s["attr_deps"]
                             and c.lower_ in s["receiver_pronouns"]), None)
                if attr is not None and (any(c.lower_ in s["all_words"] for c in attr.children)
                                         or any(c.lower_ in s["all_words"] for c in verb.children)
                                         or (_subject(verb, s) is not None and _subject(verb, s).lower_ in s["pointers"])):
                    rec = attr
            if rec is not None and _receiver(rec, s):
                found = (_subject(verb, s), rec)
        if found is None:
            continue
        thing, rec = found
        if not _credited(thing, s, doc) or _shared(verb.sent, s) or _blocked(ctx, verb):
            continue
        start = min(verb.i, rec.i) if thing is None else min(thing.left_edge.i, verb.i)
        out.append(Candidate(rule, start, max(rec.right_edge.i, verb.i) + 1, verb.i))
    return out


def _ours(subj, s: dict) -> bool:
    """We, something of ours, or the relative pronoun of a cleft on us ("it was us who secured ...")."""
    if subj.lower_ in s["provider_words"] or any(c.lower_ in s["provider_words"] for c in subj.children):
        return True
    if subj.lower_ in s["relative_words"]:
        head = subj.head.head
        return any(c.dep_ == "attr" and c.lower_ in s["provider_words"] for c in head.children)
    return False


def _shared_object(obj, s: dict) -> bool:
    """Something other bodies share: owned by or named for a body ("the county's place", "the CAMHS waiting
    list"), or between bodies."""
    for t in obj.subtree:
        if t.lower_ in s["own_words"]:
            return False
    for t in obj.subtree:
        if t.dep_ in s["body_deps"] and (t.lemma_.lower() in s["bodies"] or t.lower_ in s["bodies"]):
            return True
        if t.lower_ in s["between_words"]:
            return True
    return False


@check("shared_change_agent")
def shared_change_agent(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """We as the agent of a change to something other bodies share (module docstring)."""
    s = derived(rule, all_option_words)
    out: list[Candidate] = []
    for verb in _toks(doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in s["change_verbs"]:
            continue
        subj = _subject(verb, s)
        if subj is None or subj.dep_ != "nsubj" or not _ours(subj, s):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or not _shared_object(obj, s) or _shared(verb.sent, s) or _blocked(ctx, verb):
            continue
        if any(c.dep_ in ("aux",) and c.tag_ == "MD" for c in verb.children):
            continue  # a plan or a promise, read by other rules
        out.append(Candidate(rule, subj.i, obj.right_edge.i + 1, verb.i))
    return out
