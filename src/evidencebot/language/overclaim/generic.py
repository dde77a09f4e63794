"""Check ``generic_outcome``: an outcome said of the people we support as a general truth, with no exception.

Read from the clause (o21, issue 15 part 2), not from a phrase: the people we support as the subject
("clients", "learners who finish the course", "our tenants", "everyone who joins", "no carer we support")
of a present-tense verb with no modal, made universal by the clause itself:

* an adverb that rules out exceptions on the verb ("always", "never", "ever": ``universal_adverbs``);
* a quantifier over the whole group ("all", "every", "each", "no", "everyone", "nobody", "none of ...");
* "do not" on the verb of a group that is defined by what it does with us or a named kind of the
  people ("learners who finish the course do not relapse", "recovery college learners do not
  relapse");
* none of these, for a group defined by taking part ("carers who attend the workshops stop feeling
  isolated"), when the verb itself is a change in the person (``change_verbs``) or a state of theirs.

What the verb says must be an outcome of the person's: a verb that is one by itself (``outcome_verbs``:
relapse, recover, miss, lose ...), or any verb but a fact of the service's process (``plain_verbs``:
receive, get, wait, have ...) whose complements name an outcome (an outcome term, a state of wellbeing, an
achievement such as goals or their education, "better"). "Clients always receive a copy of their plan",
"all service users have a crisis plan" and "every member of staff completes the training" pass; so does a
part of the group ("some learners ...", "most tenants ..."), a denial over the claim ("we do not claim that
learners never relapse"), a modal, a hedge, an aim, a condition and a question.
"""

from __future__ import annotations

from typing import Any

from evidencebot.language.overclaim.common import Candidate, Terms, _toks, check, derived, option_words
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    return derived(rule, _build)


def _build(o: dict) -> dict:
    s: dict[str, Any] = dict(
        people=option_words(o.get("people")),
        pronouns=option_words(o.get("pronouns")),
        generic_pronouns=option_words(o.get("generic_pronouns")),
        antecedents=option_words(o.get("antecedents")),
        dets=option_words(o.get("determiners")),
        none=option_words(o.get("no_words")),
        one_words=option_words(o.get("one_words")),
        parts=option_words(o.get("part_words")),
        not_people=option_words(o.get("not_people")),
        adverbs=option_words(o.get("universal_adverbs")),
        outcome_verbs=option_words(o.get("outcome_verbs")),
        change_verbs=option_words(o.get("change_verbs")),
        plain=option_words(o.get("plain_verbs")),
        on_verbs=option_words(o.get("go_on_verbs")),
        states=option_words(o.get("state_words")),
        achievements=option_words(o.get("achievement_nouns")),
        outcomes=list(o.get("outcomes") or []),
        providers=option_words(o.get("provider_words")),
        taking_part=option_words(o.get("taking_part_verbs")),
        present_tags=frozenset(o.get("present_tags") or ()),
        subject_deps=option_words(o.get("subject_deps")),
        complement_deps=option_words(o.get("complement_deps")),
        group_deps=option_words(o.get("group_deps")),
        quantifier_deps=option_words(o.get("quantifier_deps")),
        no_longer=option_words(o.get("no_longer_words")),
        bad_states=option_words(o.get("bad_states")),
        need_verbs=option_words(o.get("need_verbs")),
        destination_verbs=option_words(o.get("destination_verbs")),
        destinations=option_words(o.get("destinations")),
        back_words=option_words(o.get("back_words")),
        habit_verbs=option_words(o.get("habit_verbs")),
        denials=option_words(o.get("denial_words")),
    )
    # the words a sentence needs (or a verb of taking part) for the check to read it
    s["gate_words"] = frozenset().union(s["adverbs"], s["dets"], s["none"], s["pronouns"], s["no_longer"], s["denials"],
                                        s["providers"])
    return s


def _lemma(t) -> str:
    return t.lemma_.lower()


def _is_people(t, s: dict) -> bool:
    return t.lower_ in s["people"] or _lemma(t) in s["people"]


def _staff(subj, s: dict) -> bool:
    """A subject that is, or is of, our staff ("every member of staff", "all our volunteers", "peer workers")."""
    near = [subj, *(c for c in subj.children if c.dep_ == "compound"),
            *(g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    return any(t.lower_ in s["not_people"] or _lemma(t) in s["not_people"] for t in near)


def _part(subj, s: dict) -> bool:
    """A part of the group, not all of it ("some learners", "most of the tenants", "a few carers")."""
    return any(t.lower_ in s["parts"] and t.i <= subj.i for t in subj.subtree) or any(
        t.lower_ in s["parts"] for t in subj.children)


def _group(subj, s: dict) -> bool:
    """A group defined by what it does with us or by its kind: a relative clause or participle ("learners who
    finish the course", "people discharged to our flats"), a noun before the head ("recovery college learners"),
    "our" ("our tenants")."""
    for c in subj.children:
        if c.dep_ in s["group_deps"]:
            return True
        if c.dep_ == "poss" and c.lower_ in s["providers"]:
            return True
        if c.dep_ == "compound" and c.i < subj.i:
            return True
    return False


def _taking_part(subj, s: dict) -> bool:
    """A group defined by taking part with us: "carers who attend the workshops", "people who use our café"."""
    for c in subj.children:
        if c.dep_ not in s["group_deps"]:
            continue
        if _lemma(c) in s["taking_part"] or any(t.lower_ in s["providers"] for t in c.subtree):
            return True
    return False


def _universal(subj, verb, s: dict) -> str | None:
    """How the clause rules out exceptions: ``adverb``, ``quantifier``, ``denied`` (do not), else None."""
    if any(c.dep_ in ("advmod", "neg") and c.lower_ in s["adverbs"] for c in verb.children):
        return "adverb"
    low = subj.lower_
    if any(c.dep_ == "neg" for c in subj.children) and low not in s["one_words"] and not any(
            c.lower_ in s["one_words"] for c in subj.children):
        return None  # (oc36) "not every person on our caseload stays well", "not everyone ...": the universal denied
        # ("not one of them relapsed" is still a universal: none)
    if low in s["pronouns"]:
        return "quantifier"
    kids = list(subj.children)
    if low in s["none"] or low in s["dets"]:
        return "quantifier" if _of_people(subj, s) else None
    if any(c.dep_ in s["quantifier_deps"] and (c.lower_ in s["dets"] or c.lower_ in s["none"])
           and not any(g.dep_ == "neg" for g in c.children) for c in kids):
        return "quantifier"
    if low in s["one_words"] and any(c.lower_ in s["none"] for c in kids):
        return "quantifier"
    if any(c.dep_ == "neg" for c in verb.children) and any(
            c.dep_ == "aux" and _lemma(c) == "do" and c.tag_ in s["present_tags"] for c in verb.children):
        return "denied"
    if any(c.dep_ == "advmod" and c.lower_ in s["no_longer"] and any(g.lower_ in s["none"] for g in c.children)
           for c in verb.children):
        return "ended"  # (o21) "carers who use the sitting service no longer feel exhausted"
    return None


def _of_people(subj, s: dict) -> bool:
    """"none of our clients", "all of the tenants": the quantifier's people."""
    return any(g.dep_ == "pobj" and _is_people(g, s) for c in subj.children if c.dep_ == "prep" for g in c.children)


def _present_read_as_base(verb) -> bool:
    """A present tense the tagger read as a base form ("Parents who come ... stop feeling anxious", tagged VB):
    the main verb, with a subject and no auxiliary."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _complements(verb, s: dict) -> list:
    return [t for c in verb.children if c.dep_ in s["complement_deps"] and c.i > verb.i for t in c.subtree]


def _names_outcome(toks, s: dict, terms: Terms) -> bool:
    """An outcome among the complements: an outcome term (not only naming the kind of a process noun: "a
    crisis plan"), a state of wellbeing ("calmer", "isolated"), an achievement ("their goals", "their
    education")."""
    for t in toks:
        if t.lower_ in s["states"] or _lemma(t) in s["states"]:
            return True
        if t.pos_ == "NOUN" and (t.lower_ in s["achievements"] or _lemma(t) in s["achievements"]):
            return True
        if any(terms.covers(name, t.i) for name in s["outcomes"]):
            if t.dep_ in W.compound_amod_nmod and t.head.pos_ in ("NOUN", "PROPN") and not any(
                    terms.covers(name, t.head.i) for name in s["outcomes"]):
                continue  # "a crisis plan", "a recovery worker": the kind of a noun that is no outcome
            return True
    return False


def _outcome(verb, s: dict, terms: Terms, strict: bool) -> bool:
    """Does the verb say an outcome of the person's? ``strict`` (a group with no word of universality): only a
    verb of change in the person, or a state or "better" after the verb."""
    lemma = _lemma(verb)
    if lemma in s["on_verbs"]:
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if nxt is not None:  # "go on to complete their education"
            return _outcome(nxt, s, terms, strict)
    comps = _complements(verb, s)
    if _destination(verb, comps, s):
        return True  # "always return to school", "go back to work"
    if lemma in s["plain"]:
        return False
    if strict:
        return lemma in s["change_verbs"] and (lemma in s["outcome_verbs"] or any(
            t.lower_ in s["states"] or _lemma(t) in s["states"] for t in comps))
    return lemma in s["outcome_verbs"] or _names_outcome(comps, s, terms)


def _destination(verb, comps, s: dict) -> bool:
    """(o21) A verb of going back or staying with a place of a person's life as its goal ("return to school", "go
    back to work", "stay in education")."""
    lemma = _lemma(verb)
    back = any(c.lower_ in s["back_words"] for c in verb.children if c.dep_ in ("advmod", "prt"))
    if lemma not in s["destination_verbs"] and not (back and lemma in s["on_verbs"]):
        return False
    if (back or lemma in s["habit_verbs"]) and any(_habit(t) for t in comps):
        return True  # (o22) going back to a habit: "never go back to hoarding", "no one returns to gambling"
    return any(t.lower_ in s["destinations"] and t.dep_ == "pobj" for t in comps)


def _habit(t) -> bool:
    """(o22) A doing named as a thing, the object of "to" ("back to hoarding", "return to using"): a gerund, whatever
    its word."""
    return t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "to" and (
        t.tag_ == "VBG" or t.pos_ == "NOUN" and t.lower_.endswith("ing") and t.lemma_.lower() == t.lower_)


def _misread_verb(verb, s: dict) -> bool:
    """(o22) A verb the tagger read as a noun at the root, with a subject and "never" on it ("Patients who
    complete our programme never relapse": 'relapse' tagged NN, 'reoffend' JJ; "None of our patients relapses"), with no
    determiner of a noun on it: a person's outcome verb."""
    if not (verb.pos_ in ("NOUN", "ADJ") and verb.dep_ == "ROOT" and _lemma(verb) in s["outcome_verbs"]):
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("det", "poss") for c in kids):
        return False
    return any(c.dep_ in ("advmod", "neg") and c.lower_ in s["adverbs"] for c in kids) or any(
        c.dep_ in s["subject_deps"] and (c.lower_ in s["none"] or c.lower_ in s["pronouns"]) for c in kids)


def _ended_outcome(verb, s: dict, terms: Terms) -> bool:
    """(o21) What "no longer" ends is a bad state or a need of the person's ("no longer feel exhausted", "no longer
    need their GP")."""
    comps = _complements(verb, s)
    if any(t.lower_ in s["bad_states"] or _lemma(t) in s["bad_states"] for t in comps):
        return True
    return _lemma(verb) in s["need_verbs"] and _names_outcome(comps, s, terms)


def _denied_above(verb, ctx: Context) -> bool:
    """A denial on a word governing the verb ("we do not claim that learners never relapse")."""
    for t, _lexical in ctx.chain(verb):
        tok: Any = t
        if tok.i != verb.i and any(c.dep_ == "neg" for c in tok.children):
            return True
    return False


def _antecedent(verb, s: dict) -> bool:
    """"they" standing for the people of a clause on the verb ("once someone has a plan, they never need ...")."""
    return any(c.dep_ == "advcl" and any(g.dep_ in s["subject_deps"] and (
        g.lower_ in s["antecedents"] or _is_people(g, s)) for g in c.children) for c in verb.children)


@check("generic_outcome")
def generic_outcome(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    if not (ctx.lower_set & s["gate_words"] or ctx.lemma_set & s["taking_part"]):
        return []  # no word of universality, of ours or of taking part: no group the check could read
    out: list[Candidate] = []
    for subj in _toks(doc):
        if subj.dep_ not in s["subject_deps"]:
            continue
        verb = subj.head
        misread = _misread_verb(verb, s)
        if verb.pos_ != "VERB" and not misread or verb.i == subj.i or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        kids = list(verb.children)
        if any(c.tag_ == "MD" for c in kids):
            continue  # a modal: a hedge, a possibility or a promise (other rules read promises)
        if not (verb.tag_ in s["present_tags"] or any(c.dep_ == "aux" and c.tag_ in s["present_tags"] for c in kids)
                or _present_read_as_base(verb) or misread):
            continue
        pronoun = subj.lower_ in s["generic_pronouns"]
        if pronoun and not _antecedent(verb, s):
            continue
        people = pronoun or subj.lower_ in s["pronouns"] or _is_people(subj, s) or (
            (subj.lower_ in s["none"] or subj.lower_ in s["dets"]) and _of_people(subj, s))
        if not people or _staff(subj, s) or _part(subj, s):
            continue
        how = _universal(subj, verb, s)
        if how == "denied" and not _group(subj, s):
            continue
        if how is None and not (_taking_part(subj, s) and not any(c.dep_ == "det" for c in subj.children)):
            continue
        if how == "ended":
            if not _ended_outcome(verb, s, terms):
                continue
        elif not _outcome(verb, s, terms, strict=how is None):
            continue
        if _denied_above(verb, ctx):
            continue
        out.append(Candidate(rule, min(subj.left_edge.i, verb.i), verb.i + 1, verb.i))
    return out
