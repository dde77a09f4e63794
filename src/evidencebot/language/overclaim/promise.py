"""Check ``promised_for_all``: an outcome promised for everyone (or a harm promised for no one).

Read from the clause: a verb with a modal of the future ("will", "shall") whose subject is
everyone or no one among the people we support ("every young person who completes the
programme", "no carer on our books", "nobody", "not one person") and whose predicate is an
outcome, not a process: the first noun of its complement is a health or social outcome ("will
leave with a job", "will be free of debt", "will move into settled housing"), or, with a
negative subject, the verb is one of being left without or falling through ("no carer will
be left without a break", "nobody will slip through the net"). An existential future that
rules a harm out is read the same way: "there will be no suicides among people on our
caseload". A promise of a process ("every participant will be offered a call", "there will
be no charge", "everyone will get help with housing": the first noun is ours) passes, as do
the engine's contexts. All the words are the rule's options.
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import Candidate, Terms, _toks, check, derived, option_words, word_in
from evidencebot.language.overclaim.context import Context
from evidencebot.language.phrasebank import Rule


def _build(o: dict) -> dict:
    return dict(
        outcomes=list(o.get("outcomes") or []),
        harms=option_words(o.get("harm_nouns")),
        people=option_words(o.get("people")),
        everyone=option_words(o.get("everyone_words")),
        nobody=option_words(o.get("nobody_words")),
        every=option_words(o.get("every_determiners")),
        no=option_words(o.get("no_determiners")),
        modals=option_words(o.get("future_modals")),
        deprived=option_words(o.get("deprivation_verbs")),
        complement_deps=option_words(o.get("complement_deps")),
        not_outcomes=option_words(o.get("not_outcomes")),
        expletives=option_words(o.get("expletives")),
        aims=option_words(o.get("aim_nouns")),
        quantifier_deps=option_words(o.get("quantifier_deps")),
        climb_deps=option_words(o.get("denial_climb_deps")),
        subject_deps=option_words(o.get("subject_deps")),
        modifier_deps=option_words(o.get("modifier_deps")),
    )


def _quantified(subj, s: dict) -> str | None:
    """"all" for everyone among people, "none" for no one, else None."""
    if subj is None:
        return None
    if subj.lower_ in s["everyone"]:
        return "all"
    if subj.lower_ in s["nobody"]:
        return "none"
    kids = list(subj.children)
    of_people = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj" and word_in(g, s["people"])), None)
    if not (word_in(subj, s["people"]) or of_people is not None):
        return None
    for c in kids:
        if c.dep_ in s["quantifier_deps"]:
            if c.lower_ in s["every"]:
                return "all"
            if c.lower_ in s["no"]:
                return "none"
    if subj.lower_ in s["every"]:  # "each of the men"
        return "all"
    return None


def _future(verb, s: dict) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in s["modals"] for c in verb.children)


def _outcome_noun(tok, terms: Terms | None, s: dict) -> bool:
    if word_in(tok, s["not_outcomes"]):
        return False
    if word_in(tok, s["harms"]):
        return True
    return terms is not None and any(terms.covers(name, tok.i) for name in s["outcomes"])


def _first_noun(verb, s: dict):
    """The first noun of the verb's complements (objects, predicates, prepositional phrases): the head of its noun
    phrase, not a noun that only says what kind it is (oc33: "will have a written crisis and safety plan" is a plan,
    a document every person gets, not a crisis; "will stay out of debt" is debt)."""
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i < verb.i or c.dep_ not in s["complement_deps"]:
            continue
        for t in c.subtree:
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
                for _ in range(4):  # (a modifier's conjunct, "crisis and safety", then the modifier's head)
                    head = t.head
                    if head is t or head.i < t.i or head.pos_ not in ("NOUN", "PROPN") or (
                            t.dep_ not in s["modifier_deps"]):
                        break
                    t = head
                return t
    return None


def _aimed(verb, s: dict) -> bool:
    """The clause of a copula whose subject is an aim: "our goal is that every tenant will ..."."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in s["aims"] for c in head.children)


def _denied(verb, s: dict) -> bool:
    """A "not" on the verb or on a verb it is the complement of ("we cannot promise that every ..."):
    the negative quantifier of the subject ("no carer", "there will be no ...") is the promise itself."""
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "neg" for c in cur.children):
            return True
        if cur.dep_ not in s["climb_deps"] or cur.head is cur:
            return False
        cur = cur.head
    return False


@check("promised_for_all")
def promised_for_all(rule: Rule, doc, ctx: Context, terms: Terms | None) -> list[Candidate]:
    s = _settings(rule)
    if ctx.lower_set.isdisjoint(s["modals"]):
        return []  # no modal of the future in the text: nothing promised
    out: list[Candidate] = []
    for tok in _toks(doc):
        if tok.pos_ not in ("VERB", "AUX") or not _future(tok, s) or _denied(tok, s) or _aimed(tok, s):
            continue
        kids = list(tok.children)
        subj = next((c for c in kids if c.dep_ in s["subject_deps"]), None)
        if subj is None:
            continue
        if subj.lower_ in s["expletives"] and subj.dep_ == "expl":
            # "there will be no suicides among people on our caseload"
            attr = next((c for c in kids if c.dep_ == "attr"), None)
            if attr is not None and any(c.lower_ in s["no"] for c in attr.children) and _outcome_noun(attr, terms, s):
                out.append(Candidate(rule, subj.i, attr.i + 1, tok.i))
            continue
        q = _quantified(subj, s)
        if q is None:
            continue
        noun = _first_noun(tok, s)
        if noun is not None and _outcome_noun(noun, terms, s):
            out.append(Candidate(rule, subj.i, noun.i + 1, tok.i))
        elif q == "none" and tok.lemma_.lower() in s["deprived"]:
            out.append(Candidate(rule, subj.i, tok.i + 1, tok.i))
    return out


def _settings(rule: Rule) -> dict:
    return derived(rule, _build)
