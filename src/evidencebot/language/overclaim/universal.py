"""Checks ``universal_clause`` and ``never_again``: an outcome said of everyone, or said never to fail.

Read from the clause (oc30, issue 15), not from a phrase list:

* **universal_clause**: a universal quantifier over the people we support ("everyone who ...", "nobody",
  "no young person on our caseload", "every family who ...", "not one carer") as the subject of a predicate of
  their outcome. The predicate is found from the subject's head verb or, when the small model misreads the clause,
  from the first verb after the subject's own words. An outcome predicate is a verb that is an outcome in itself
  (relapse, recover, reoffend ...) or a verb of staying, leaving or ending up with an outcome beside it (a
  comparative, "well", "back on the ward", "the help they need", an outcome noun). "Every referral is seen",
  "everyone is offered a review", "nobody waits" are the service's process and pass; "almost", "not every",
  a hedge, an aim, a condition, a question pass.
* **never_again**: the people we support (a plural, "our residents", or he/she/they standing for someone we
  worked with after "once ...") with "never", or "not ... again", on a present or future outcome predicate:
  "our residents never relapse", "he will not need crisis services again". A past "he never returned" tells
  what happened to one person and passes; so does staff's process ("we never turn anyone away").

Every word the checks read is in their rules' options (phrasebank/overclaim.yaml).
"""

from __future__ import annotations


from evidencebot.language.overclaim import claims
from evidencebot.language.overclaim.common import Candidate, Terms, _toks, all_option_words, check, derived
from evidencebot.language.overclaim.context import Context
from evidencebot.language.phrasebank import Rule


def _people(tok, s: dict) -> bool:
    return (tok.lower_ in s["people"] or tok.lemma_.lower() in s["people"]) and tok.lower_ not in s["staff_words"]


def _universal(tok, s: dict):
    """The first token of a universal over people at ``tok`` ("everyone", "no young person", "not one carer",
    "none of our visitors", "every single family"); else None."""
    low = tok.lower_
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if low in s["universal_pronouns"]:
        start = tok
    elif low in s["none_words"] and tok.pos_.lower() in s["none_pos"]:
        of = next((c for c in tok.children if c.dep_ == "prep"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is None or not _people(obj, s):
            return None
        start = tok
    elif tok.pos_.lower() in s["people_pos"] and _people(tok, s):
        dets = [c for c in tok.children if c.i < tok.i and (c.lower_ in s["universal_dets"] or c.lower_ in s["one_words"])]
        if not dets:
            return None
        det = dets[0]
        if det.lower_ in s["one_words"]:
            # "not one carer": a denial that makes it absolute; "one carer" alone is a count
            before = tok.doc[det.i - 1] if det.i > 0 else None
            if before is None or before.lower_ not in s["negators"]:
                return None
            start = before
        else:
            start = det
    else:
        return None
    first = tok.doc[start.i - 1] if start.i > 0 else None
    if first is not None and (first.lower_ in s["softeners"] or (first.lower_ in s["negators"] and start is not first
                                                                  and start.lower_ not in s["one_words"])):
        return None  # "almost everyone", "not every family"
    if prev is not None and prev.lower_ in s["negators"] and start is tok:
        return None  # "not everyone"
    return start


def _clause_end(tok, s: dict) -> int:
    sent = tok.sent
    for t in tok.doc[tok.i + 1:sent.end]:
        if t.text in s["clause_breaks"]:
            return t.i
    return sent.end


def _predicates(tok, s: dict) -> list:
    """The verbs a universal subject's clause may be about: its head when it is the subject, then the verbs of
    the lists after the subject, leaving out the verb of its relative clause (the small model misreads "Every
    family who comes ... leaves better ..." and "Every young person we work with stays in school")."""
    found = []
    if tok.dep_ in s["subject_deps"] and tok.head.i > tok.i:
        found.append(tok.head)
    end = _clause_end(tok, s)
    for t in tok.doc[tok.i + 1:end]:
        if t.lower_ in s["scan_stops"]:
            break  # "nobody is discharged only because they missed ...": the reason is not the outcome
        if t.dep_ == "relcl" and t.head.i == tok.i:
            continue
        if t.dep_ in s["modifier_deps"]:
            continue  # "a missed appointment": a verb as a noun's modifier says nothing of the subject
        if _verbal(t, s) and (_lemma(t, s) in s["strong_verbs"] or _lemma(t, s) in s["weak_verbs"]):
            found.append(t)
    return found


def _verbal(t, s: dict) -> bool:
    """A verb, or a verb the small model read as a plural noun ("Every young person we work with stays ...");
    not the noun of "drop-in" or "a relapse"."""
    if t.pos_ in ("VERB", "AUX"):
        return True
    # a noun with words of its own ("complex emotional needs") is a noun
    if not (t.tag_.lower() in s["misread_tags"] and t.lower_.endswith("s")):
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return False  # "needs pathway": a noun before a noun
    return not any(c.dep_ in s["noun_modifier_deps"] and c.tag_ == "JJ" for c in t.children)


def _lemma(t, s: dict) -> str:
    """The verb's lemma; a misread plural's is the word without its "s" ("leaves" is not "leaf")."""
    if t.pos_ in ("VERB", "AUX"):
        return t.lemma_.lower()
    return t.lower_[:-1]


def _outcome_beside(verb, s: dict, end: int) -> bool:
    """An outcome next to a verb of staying, leaving or ending up: a comparative, a word of an outcome
    ("well", "safe", "equipped"), or an outcome noun, in the verb's clause after it."""
    for t in verb.doc[verb.i + 1:end]:
        low, lemma = t.lower_, t.lemma_.lower()
        if t.tag_.lower() in s["comparative_tags"] or low in s["outcome_complements"] or lemma in s["outcome_complements"]:
            return True
        if (lemma in s["outcome_nouns"] or low in s["outcome_nouns"]) and t.pos_ in ("NOUN", "PROPN") and not (
                t.dep_ in s["modifier_deps"] and any(a.lower_ in s["having_preps"] for a in t.ancestors)):
            return True  # an outcome, not the name of a thing one leaves with ("without a crisis plan")
    return False


def _outcome_predicate(verb, s: dict, end: int) -> bool:
    lemma = _lemma(verb, s)
    if lemma in s["process_verbs"] and lemma not in s["strong_verbs"] and lemma not in s["weak_verbs"]:
        return False
    if lemma in s["strong_verbs"]:
        return True
    return lemma in s["weak_verbs"] and _outcome_beside(verb, s, end)


def _denied_above(verb) -> bool:
    """A clause that denies or doubts the claim it holds: "we don't know that everyone improves", "it isn't
    true that everyone ... gets better"."""
    return any(any(c.dep_ == "neg" for c in a.children) for a in verb.ancestors)


def _blocked(ctx: Context, verb, start: int, s: dict) -> bool:
    if _denied_above(verb):
        return True
    if any(t.lemma_.lower() in s["aim_words"] or t.lower_ in s["aim_words"] for t in verb.doc[verb.sent.start:start]):
        return True  # "making sure no young person falls between services": what we set out to do
    if ctx.hedged(verb) or ctx.aim(verb) or ctx.conditional(verb) or ctx.question(verb) or ctx.cautioned(verb):
        return True
    return any(t.lower_ in s["hedge_modals"] for t in verb.doc[start:verb.i])


@check("universal_clause")
def universal_clause(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """A universal over the people we support as the subject of an outcome predicate (module docstring)."""
    s = derived(rule, all_option_words)
    out: list[Candidate] = []
    taken: set[int] = set()
    for tok in _toks(doc):
        start = _universal(tok, s)
        if start is None or tok.i in taken or tok.dep_ in s["object_deps"]:
            continue  # "staff ask each visitor ...", "we call everyone on the list": the service's act on them
        verb = next((v for v in _predicates(tok, s) if _outcome_predicate(v, s, _clause_end(v, s))), None)
        if verb is None or _blocked(ctx, verb, start.i, s):
            continue
        if verb.i == tok.i + 1 and verb.tag_.lower() in s["participle_tags"] and not any(
                c.dep_ in s["auxiliary_deps"] for c in verb.children):
            continue  # "follows up every one missed": a participle after its noun is a reduced relative
        taken.add(tok.i)
        out.append(Candidate(rule, start.i, verb.i + 1, verb.i))
    return out


def _never(verb, s: dict):
    """The word of "never" on ``verb`` ("never relapse", "will not ... again", "never again"); else None."""
    kids = list(verb.children)
    never = next((c for c in kids if c.lower_ in s["never_words"]), None)
    if never is not None:
        return never
    neg = next((c for c in kids if c.lower_ in s["negators"]), None)
    if neg is None:
        return None  # (s31) no negator: the words after the verb are not read (they were, for every verb)
    again = next((c for c in verb.doc[verb.i + 1:verb.sent.end] if c.lower_ in s["again_words"]), None)
    return neg if again is not None else None


def _ours(subj, s: dict, verb) -> bool:
    """The people we support as the subject: a plural people noun (not staff), "our residents", or he/she/they
    after a clause of "once ..." in the same sentence."""
    if subj.lower_ in s["person_pronouns"]:
        sent = verb.sent
        return any(t.lower_ in s["once_words"] and t.i < subj.i for t in sent)
    if not _people(subj, s):
        return False
    if subj.tag_ == "NNS":
        return True
    return any(c.lower_ in s["provider_words"] for c in subj.children)


@check("never_again")
def never_again(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """The people we support said never to meet a bad outcome, or never again (module docstring)."""
    s = derived(rule, all_option_words)
    out: list[Candidate] = []
    for verb in _toks(doc):
        if verb.pos_.lower() not in s["never_pos"]:
            continue
        never = _never(verb, s)
        if never is None:
            continue
        subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
        if subj is None or not _ours(subj, s, verb):
            continue
        modal = [c for c in verb.children if c.tag_ == "MD"]
        if modal and not all(m.lower_ in s["future_modals"] for m in modal):
            continue
        if not modal and verb.tag_.lower() not in s["present_tags"]:
            continue  # "he never returned to the group": what happened once
        end = _clause_end(verb, s)
        target = verb
        xcomp = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i), None)
        if not _outcome_predicate(target, s, end) and (xcomp is None or not _outcome_predicate(xcomp, s, end)):
            continue
        if ctx.hedged(verb) or ctx.aim(verb) or ctx.conditional(verb) or ctx.question(verb):
            continue
        out.append(Candidate(rule, min(subj.i, never.i), verb.i + 1, verb.i))
    return out


def _universal_after(gov, s: dict):
    """The first universal word after ``gov`` in its sentence: a universal pronoun or determiner, "none",
    "never"; else None."""
    for t in gov.doc[gov.i + 1:gov.sent.end]:
        if t.lower_ in s["universal_pronouns"] or t.lower_ in s["never_words"] or t.lower_ in s["none_words"]:
            return t
        if t.lower_ in s["universal_dets"] and t.dep_ == "det":
            return t
    return None


def _outcome_after(q, s: dict) -> bool:
    """An outcome after the universal word: an outcome predicate, or a bad outcome or an outcome noun."""
    end = q.sent.end
    for t in q.doc[q.i + 1:end]:
        if _verbal(t, s) and _outcome_predicate(t, s, end):
            return True
        if t.pos_ in s["noun_pos"] and (t.lemma_.lower() in s["bad_outcomes"] or t.lower_ in s["bad_outcomes"]):
            return True
    return False


def _through_a_noun(gov, q) -> bool:
    """The universal sits in a clause about a noun the assurance governs ("we commit to the actions that support
    that no one ..."): the commitment is to the actions, not to everyone's outcome."""
    path: list = []
    own = q.head if q.dep_ == "det" else q  # "every child": the universal's own noun
    for a in own.ancestors:
        if a.i == gov.i:
            return any(t.pos_ in ("NOUN", "PROPN") for t in path)
        path.append(a)
    return False


@check("assured_universal")
def assured_universal(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """A word of assurance (assure, promise, guarantee, commit, ensure, make sure, be confident, be certain)
    over a clause that says every person (or none) will have an outcome: "we can assure the Commission that no
    medication error will occur", "commissioners can be completely confident that every veteran ... will be
    stabilised", "one thing is certain: no fisherman will ever again have to struggle alone". A promise of the
    service's process ("we will ensure every tenant has a named worker") names no outcome and passes; so do an
    aim ("we aim to ensure"), a hedge other than "can", a denial, a condition and a question."""
    s = derived(rule, all_option_words)
    out: list[Candidate] = []
    T = _toks(doc)
    for gov in T:
        if gov.lemma_.lower() not in s["assurance_words"] and gov.lower_ not in s["assurance_words"]:
            continue
        q = _universal_after(gov, s)
        if q is None or not _outcome_after(q, s) or _through_a_noun(gov, q):
            continue
        own = q.head if q.dep_ == "det" else q
        if q.lower_ not in s["never_words"] and own.dep_ not in s["subject_deps"]:
            continue  # "we commit to triage every referral": the service's act on each, not an outcome
        anchor = gov if gov.pos_ in ("VERB", "AUX") else gov.head
        if ctx.negated(anchor) or ctx.aim(anchor) or ctx.conditional(anchor) or ctx.question(anchor):
            continue
        if ctx.hedged(anchor) and not claims._only_can(T, anchor.sent, ctx):
            continue
        if any(t.lemma_.lower() in s["aim_words"] for t in doc[gov.sent.start:gov.i]):
            continue
        out.append(Candidate(rule, gov.i, q.i + 1, anchor.i))
        break
    return out
