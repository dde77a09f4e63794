"""Check ``vague_size``: the size of a change given by an evaluative word instead of a figure.

Read from the grammar, not from a list of the evaluative words: any adjective that modifies a
noun of change ("a striking rise in hope", "remarkable gains in confidence", "a massive drop in
missed appointments"), any degree adverb on a verb of change ("greatly reduced", "has slowed
sharply") or on a comparative ("cope significantly better", "far fewer people"), in a sentence
with no figure. What the word is does not matter, only where it sits, so a word no list holds
("a seismic shift", "whopping gains") is read like "huge". The words that size a change as
small or only classify it ("a slight fall", "a seasonal rise", "the overall change") pass;
they are data (``modest_size_words`` in ``phrasebank/vocabulary.yaml``), as are the nouns and
verbs of change. A change that is not an outcome (a change *to* our forms, rota or process,
``process_nouns``), a change said of the world outside (an external agent as the subject,
"across the country") and the engine's contexts (negated, hedged, aim, conditional, question)
pass. It defers to every other over-claim rule.
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import Candidate, Terms, _sents, _toks, check, derived, option_words, subject_of
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    return derived(rule, lambda o: dict(
        nouns=option_words(o.get("change_nouns")),
        verbs=option_words(o.get("change_verbs")) - option_words(o.get("not_change_verbs")),
        comparatives=option_words(o.get("comparatives")),
        modest=option_words(o.get("modest_words")),
        process=option_words(o.get("process_nouns")),
        external=option_words(o.get("external")),
        scope=option_words(o.get("wide_scope")),
        size_deps=option_words(o.get("size_deps")),
        degree_deps=option_words(o.get("degree_deps")),
        object_preps=option_words(o.get("object_preps")),
        size_verbs=option_words(o.get("size_verbs")),
        motion_verbs=option_words(o.get("not_change_verbs")),
        particles=option_words(o.get("change_particles")),
    ))


def _evaluative(tok, s: dict) -> bool:
    """A word that sizes: an adjective (or an -ly adverb) not among the modest or classifying words, and not a
    label in brackets ("special cause improvement (high)": a chart's verdict names a direction, not a size)."""
    low = tok.lower_
    if low in s["modest"] or tok.lemma_.lower() in s["modest"] or tok.like_num:
        return False
    doc = tok.doc
    if 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")":
        return False
    if tok.dep_ in s["size_deps"] and tok.pos_ == "ADJ":
        return True
    return tok.dep_ in s["degree_deps"] and tok.pos_ == "ADV" and (low.endswith("ly") or low in s["comparatives"])


def _evaluative_predicate(adj, s: dict) -> bool:
    """An adjective after a copula that sizes its subject: not a modest or classifying word, and not
    one that takes a complement ("due to", "down to", "similar to", "consistent with": a cause or a
    comparison, not a size)."""
    if adj.lower_ in s["modest"] or adj.lemma_.lower() in s["modest"]:
        return False
    return not any(c.dep_ in W.complement_deps for c in adj.children)


def _changed_thing(noun, s: dict):
    """The object of a change noun ("the drop in arrears": arrears), or None."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in s["object_preps"]:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _about_process(thing, s: dict) -> bool:
    """A change to our own paperwork, rota or process ("a big change to our referral form")."""
    if thing is None:
        return False
    return thing.lemma_.lower() in s["process"] or thing.lower_ in s["process"]


@check("vague_size")
def vague_size(rule: Rule, doc, ctx: Context, terms: Terms | None) -> list[Candidate]:
    s = _settings(rule)
    toks = _toks(doc)
    out: list[Candidate] = []
    for sent in _sents(doc):
        stoks = toks[sent.start:sent.end]
        if any((t.text[:1].isdigit() or (t.like_num and t.pos_ == "NUM" and t.lower_ != "one"))
               and not (t.dep_ == "nummod" and t.head.lemma_.lower() in W.period_units
                        and any(c.lower_ in W.period_pointers for c in t.head.children)) for t in stoks):
            continue  # a figure sizes the change (the rule's exceptions read table and page numbers)
        if any(t.lower_ in s["scope"] for t in stoks):
            continue  # "across the country", "nationally": a change in the world, not ours
        for tok in stoks:
            lemma = tok.lemma_.lower()
            head = None
            if tok.pos_ == "NOUN" and (lemma in s["nouns"] or tok.lower_ in s["nouns"]):
                # (an adjective before a compound modifies the compound: "our experienced approach changes")
                word = next((c for c in tok.children if _evaluative(c, s) and not any(
                    k.dep_ == "compound" and c.i < k.i < tok.i for k in tok.children)), None)
                if word is None or _about_process(_changed_thing(tok, s), s):
                    continue
                head = tok
            elif tok.pos_ not in ("NOUN", "PROPN") and (lemma in s["verbs"] or tok.lower_ in s["comparatives"] or (
                    lemma in s["motion_verbs"] and any(c.dep_ == "prt" and c.lower_ in s["particles"]
                                                       for c in tok.children))):  # (o21) "have come down dramatically"
                word = next((c for c in tok.children if _evaluative(c, s) and c.i < tok.i + 3), None)
                if word is None and tok.pos_ == "VERB" and (lemma in s["size_verbs"] or tok.lower_ in s["size_verbs"]):
                    word = tok  # a verb that is a size in itself: "waiting times have plummeted"
                if word is None:
                    continue
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if _about_process(obj, s):
                    continue
                head = tok
            elif tok.pos_ == "VERB" and (lemma in s["size_verbs"] or tok.lower_ in s["size_verbs"]):
                word = head = tok  # a verb that is a size in itself: "waiting times have plummeted"
            elif tok.dep_ == "acomp" and tok.pos_ == "ADJ" and _evaluative_predicate(tok, s):
                # a change sized by its predicate: "the change in attendance has been staggering"
                subj = subject_of(tok.head)
                if subj is None or subj.pos_ != "NOUN" or not (
                        subj.lemma_.lower() in s["nouns"] or subj.lower_ in s["nouns"]):
                    continue
                if _about_process(_changed_thing(subj, s), s):
                    continue
                word, head = subj, tok
            else:
                continue
            verb = head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # (spaCy makes a new Token each time)
                verb = verb.head
            subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            if subj is not None and any(t.lower_ in s["external"] or t.lemma_.lower() in s["external"]
                                        for t in subj.subtree):
                continue  # "the cost of living crisis has had a dramatic effect", "demand has grown enormously"
            start, end = sorted((word.i, head.i))
            out.append(Candidate(rule, start, end + 1, verb.i))
    return out


def _person(tok, s: dict) -> bool:
    return tok.lemma_.lower() in s["people"] or tok.lower_ in s["people"]


def _universal_people(subj, s: dict):
    """The quantifier word when ``subj`` is everyone, nobody, no one, every/each/all/no + people, or
    "all (of) the" + people ("all of the people we support", "every young person who finishes"); else None."""
    low = subj.lower_
    if low in s["pronouns"]:
        return subj
    kids = list(subj.children)
    if low in s["dets"] and subj.pos_ in ("DET", "PRON"):
        of = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return subj if obj is not None and _person(obj, s) else None
    if not _person(subj, s):
        return None
    q = next((c for c in kids if c.dep_ in s["quantifier_deps"] and (c.lower_ in s["dets"] or c.lower_ in s["none"])), None)
    if q is None and low in s["one_words"]:
        q = next((c for c in kids if c.lower_ in s["none"]), None)
    return q


@check("universal_outcome")
def universal_outcome(rule: Rule, doc, ctx: Context, terms: Terms | None) -> list[Candidate]:
    """A universal quantifier over people as the subject of a verb that says what happens to them:
    "all of the people we support stay out of crisis", "every young person who finishes the course
    returns to education", "nobody leaves our care without a home". Read from the grammar: the
    subject's quantifier and its head noun being people (``people_nouns``, ``service_user_nouns``),
    the verb active, finite, with no modal, and not a verb of the service's own process
    (``process_verbs``: offer, receive, attend, complete ...) or of being or having ("everyone is
    welcome", "every tenant has a named worker"). A modal is a hedge ("everyone can recover"), except a
    modal of the future with a verb of a person's outcome (``promised_verbs``): "every participant will
    recover" promises an outcome for everyone."""
    s = _universal_settings(rule)
    out: list[Candidate] = []
    for tok in _toks(doc):
        if tok.dep_ not in s["subject_deps"]:
            continue
        verb = tok.head
        if verb.pos_ != "VERB" or verb.i == tok.i:
            continue
        lemma = verb.lemma_.lower()
        if lemma in s["process"] and lemma not in s["outcome"] or lemma in s["plain"]:
            continue
        kids = list(verb.children)
        if any(c.dep_ in s["passive_deps"] for c in kids):
            continue
        modals = [c for c in kids if c.tag_ in s["modal_tags"]]
        if modals:
            # a promise: "every participant will recover", "no one on our caseload will reach crisis";
            # only with a modal of the future and a verb of a person's outcome (not "will receive a call")
            if not all(m.lower_ in s["future_modals"] for m in modals) or lemma not in s["promised"]:
                continue
        elif not (verb.tag_ in s["finite_tags"] or any(c.dep_ == "aux" and c.tag_ in s["finite_tags"] for c in kids)):
            continue
        q = _universal_people(tok, s)
        if q is None:
            continue
        if any(c.dep_ == "neg" for c in [*q.children, *tok.children]):
            continue  # (o20) "Not every young person on the scheme found work": the quantifier denied
        start = min(q.i, tok.i)
        if any(t.text in W.clause_breaks for t in doc[start:verb.i]):
            continue  # "All 14 women ... filled in both questionnaires; 9 of the 14 showed": a misparse across clauses
        out.append(Candidate(rule, start, verb.i + 1, verb.i))
    return out


def _universal_settings(rule: Rule) -> dict:
    return derived(rule, lambda o: dict(
        people=option_words(o.get("people")),
        pronouns=option_words(o.get("pronouns")),
        dets=option_words(o.get("determiners")),
        none=option_words(o.get("no_words")),
        one_words=option_words(o.get("one_words")),
        process=option_words(o.get("process_verbs")),
        outcome=option_words(o.get("outcome_verbs")),
        plain=option_words(o.get("plain_verbs")),
        subject_deps=option_words(o.get("subject_deps")),
        quantifier_deps=option_words(o.get("quantifier_deps")),
        passive_deps=option_words(o.get("passive_deps")),
        modal_tags=frozenset(o.get("modal_tags") or ()),
        finite_tags=frozenset(o.get("finite_tags") or ()),
        future_modals=option_words(o.get("future_modals")),
        promised=option_words(o.get("promised_verbs")),
    ))
