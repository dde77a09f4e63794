"""Check ``outcome_ended``: a person's difficulty said to have ended, with our service as the implied cause.

Read from the clause, not from a list of sentences: the subject is an outcome that belongs to
the people we support (a health or social outcome term, a noun of difficulty, or anything a
person possesses that is not paperwork: "her panic attacks", "Tom's nightmares", "the clients'
dependence on sleeping tablets") and the verb says it ended, either

* **inchoative**: a verb of ending with no object ("ceased", "vanished", "faded away", "came to
  an end", "went into remission", "had gone"), or
* **passive**: a causal or result verb in the passive with no outside agent ("was resolved",
  "were wiped out", "was broken by our detox team", "were brought under control"),

and a phrase of the same clause ties the change to us: an agent, a prepositional phrase or an
adverbial clause that names us (we, our, us), a verb of taking part ("after joining the
group", "once she began attending") or one of the service's own nouns with a determiner
("within a month of the first home visit"). Two active shapes read the same way: "<ours> put
an end to <her binge eating>" and a gerund of taking part as the subject of a causal verb
("Attending the carers' circle relieved her exhaustion"). All the words are the rule's options
(``phrasebank/vocabulary.yaml``); the engine's contexts (negated, hedged, aim, conditional,
question) decide on the verb.
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _toks,
    check,
    derived,
    option_words,
    subject_of,
    word_in,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _build(o: dict) -> dict:
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for p in o.get("ended_phrases") or []:
        first, *rest = str(p).lower().split()
        phrases.setdefault(first, []).append(tuple(rest))
    passive_phrases: dict[str, list[tuple[str, ...]]] = {}
    for p in o.get("passive_phrases") or []:
        first, *rest = str(p).lower().split()
        passive_phrases.setdefault(first, []).append(tuple(rest))
    return dict(
        outcomes=list(o.get("outcomes") or []),
        ended=option_words(o.get("ended_verbs")),
        phrases=phrases,
        passive=option_words(o.get("passive_verbs")) | frozenset(k for k, v in passive_phrases.items() if () in v),
        passive_phrases=passive_phrases,
        difficulty=option_words(o.get("difficulty_nouns")),
        suffixes=tuple(str(x).lower() for x in (o.get("difficulty_suffixes") or [])),
        people=option_words(o.get("people")),
        not_outcomes=option_words(o.get("not_outcomes")),
        ours=option_words(o.get("provider_words")),
        agents=option_words(o.get("agents")),
        service=option_words(o.get("service_nouns")),
        taking_part=option_words(o.get("taking_part_verbs")),
        link_deps=option_words(o.get("link_deps")),
        against=option_words(o.get("concessive_words")),
        end_verbs=option_words(o.get("end_phrase_verbs")),
        end_nouns=option_words(o.get("end_nouns")),
        object_deps=option_words(o.get("blocking_object_deps")),
    )


def _settings(rule: Rule) -> dict:
    s = derived(rule, _build)
    if "trigger" not in s:
        # the lemmas one of which a text must hold for the check to read it
        s["trigger"] = (s["ended"] | s["passive"] | s["end_verbs"] | frozenset(s["phrases"])
                        | frozenset(s["passive_phrases"]))
    return s


def _person(tok, s: dict) -> bool:
    """A possessor that is a person: his, her, their, a name ("Tom's"), or a people noun ("the clients'")."""
    if tok.lower_ in W.people_possessives:
        return True
    if tok.lower_ in s["ours"]:
        return False
    return word_in(tok, s["people"]) or (tok.pos_ == "PROPN" and tok.dep_ == "poss")


def _outcome_subject(subj, terms: Terms | None, s: dict) -> bool:
    """The subject is an outcome of the people we support, not our own paperwork or process."""
    if subj is None:
        return False
    if subj.pos_ not in ("NOUN", "PROPN") and not (subj.tag_ == "VBG" and any(c.dep_ == "poss" for c in subj.children)):
        return False  # (a gerund a person owns is a noun: "Sarah's binge eating")
    if word_in(subj, s["not_outcomes"]) or word_in(subj, s["people"]) or word_in(subj, s["agents"]):
        return False
    if any(c.dep_ == "poss" and c.lower_ in s["ours"] for c in subj.children):
        return False  # "our backlog was cleared"
    heads = [subj] + [c for c in subj.children if c.dep_ in ("compound", "amod") and c.i < subj.i]
    if terms is not None and any(terms.covers(name, t.i) for t in heads for name in s["outcomes"]):
        return True
    low = subj.lower_
    if word_in(subj, s["difficulty"]) or (s["suffixes"] and len(low) > 7 and low.endswith(s["suffixes"])):
        return True
    return any(c.dep_ == "poss" and _person(c, s) for c in subj.children)


def _ours(tokens, s: dict) -> bool:
    """Words that name us: we/our/us, a verb of taking part, or a service noun with a determiner."""
    for t in tokens:
        low = t.lower_
        if low in s["ours"]:
            return True
        if t.pos_ == "VERB" and t.lemma_.lower() in s["taking_part"]:
            return True
        if t.pos_ in ("NOUN", "PROPN") and (word_in(t, s["service"]) or word_in(t, s["agents"])) and any(
                c.dep_ == "det" for c in t.children) and not any(
                c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in t.children):
            return True  # "the first home visit", not "the support of her family"
    return False


def _linked(verb, s: dict) -> bool:
    """A phrase of the verb's own clause that ties the change to us (not a conjoined clause: "and she
    told us ..." does not)."""
    for c in verb.children:
        if c.dep_ not in s["link_deps"]:
            continue
        sub = list(c.subtree)
        if any(t.lower_ in s["against"] for t in sub[:2]):
            continue  # "despite our support"
        if _ours(sub, s):
            return True
    return False


def _outside_agent(verb, s: dict) -> bool:
    """A passive's agent that is not us ("was ended by the landlord")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return not _ours(list(c.subtree), s)
    return False


def _phrase_after(verb, rests: list[tuple[str, ...]]) -> int | None:
    """The end of the first of ``rests`` found in the words after the verb (an adverb may come between)."""
    doc = verb.doc
    for rest in rests:
        if not rest:
            continue
        i = verb.i + 1
        while i < verb.sent.end and doc[i].pos_ == "ADV" and doc[i].lower_ != rest[0]:
            i += 1
        if tuple(t.lower_ for t in doc[i:i + len(rest)]) == rest:
            return i + len(rest)
    return None


@check("outcome_ended")
def outcome_ended(rule: Rule, doc, ctx: Context, terms: Terms | None) -> list[Candidate]:
    s = _settings(rule)
    if ctx.lemma_set.isdisjoint(s["trigger"]):
        return []
    out: list[Candidate] = []
    for tok in _toks(doc):
        if tok.pos_ not in ("VERB", "AUX") and not (tok.tag_ == "VBN"):
            continue
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
        end = None
        if passive:
            rests = s["passive_phrases"].get(lemma)
            if rests:
                end = _phrase_after(tok, rests)
            if end is None and lemma in s["passive"]:
                end = tok.i + 1
            if end is None or _outside_agent(tok, s):
                end = None
            subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        else:
            rests = s["phrases"].get(lemma)
            if rests:
                end = _phrase_after(tok, rests)
            if end is None and lemma in s["ended"] and not any(
                    c.dep_ in s["object_deps"] for c in kids):
                end = tok.i + 1
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if end is not None:
            if subj is None and tok.dep_ == "conj":
                subj = subject_of(tok)
            if subj is not None and _outcome_subject(subj, terms, s) and _linked(tok, s):
                out.append(Candidate(rule, min(subj.i, tok.i), end, tok.i))
            continue
        if passive:
            continue
        # "<ours> put an end to <her binge eating>"; "Attending the circle relieved her exhaustion"
        subj = subject_of(tok)
        if subj is None:
            continue
        gerund = subj.dep_ == "csubj" and subj.lemma_.lower() in s["taking_part"]
        if lemma in s["end_verbs"]:
            noun = next((c for c in kids if c.dep_ == "dobj" and c.lower_ in s["end_nouns"]), None)
            if noun is None:
                continue
            obj = next((g for c in list(noun.children) + kids if c.dep_ == "prep" and c.lower_ == "to"
                        for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and _outcome_subject(obj, terms, s) and (gerund or _ours(list(subj.subtree), s)):
                out.append(Candidate(rule, tok.i, obj.i + 1, tok.i))
        elif gerund and lemma in s["passive"]:
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if obj is not None and _outcome_subject(obj, terms, s):
                out.append(Candidate(rule, subj.i, obj.i + 1, tok.i))
    return out
