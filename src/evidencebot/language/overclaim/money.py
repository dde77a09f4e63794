"""Check ``money_claim``: money saved, released or returned, stated with no source or method.

Read from the parse, not a phrase list: an amount of money (a currency sign, a number with
a money unit after it, or a money noun such as "savings" or "money") whose governing verb
(climbing through its number, preposition and object) is a verb of financial benefit
("save", "release", "generate", "avoid", "return") or a verb of paying back with a multiple
("pays back three times over"), in a sentence about the provider (an agent of ours as the
subject, or "we"/"our" in the sentence). The engine's ``exceptions`` (a named source or
method in the sentence) and ``skip_when`` contexts (hedged, conditional, aims, negated,
questions) apply; our own costs ("we cut our printing costs by £2,000") are a process.
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import Candidate, Terms, _toks, check, derived, option_words, subject_of
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    return derived(rule, lambda o: dict(
        verbs=option_words(o.get("verbs")),
        payback=option_words(o.get("payback_verbs")),
        multiples=option_words(o.get("multiples")),
        signs=option_words(o.get("currency_signs")),
        units=option_words(o.get("money_units")),
        nouns=option_words(o.get("money_nouns")),
        agents=option_words(o.get("agents")),
        funding=option_words(o.get("funding_nouns")),
        earn_back=option_words(o.get("earn_back_verbs")),
    ))


def _is_money(tok, s: dict, toks) -> bool:
    if tok.text in s["signs"] or (tok.lower_ in s["nouns"] and tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "compound"):
        return True  # ("a return", not "people return to work" nor "money advice")
    if tok.like_num and tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ in s["units"]:
        return True
    return False


def _governing_verb(tok):
    """The verb an amount belongs to: up through numbers, prepositions, objects and nouns."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in W.amod_acl_relcl:
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _lemma(verb) -> str:
    lemma = verb.lemma_.lower()
    prt = next((c for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma} {prt.lower_}" if prt is not None else lemma


def _ours(verb, s: dict, sent_toks) -> bool:
    subj = subject_of(verb)
    if subj is not None and (subj.lower_ in W.provider_pronouns_short or subj.lemma_.lower() in s["agents"]
                             or subj.lower_ in s["agents"]
                             or (subj.tag_ == "VBG" or subj.dep_ == "csubj")):
        return True
    return any(t.lower_ in W.provider_pronouns_short for t in sent_toks)


def _own_cost(verb) -> bool:
    """"cut our printing costs", "reduced our spending on agency staff": our own budget."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and any(
                g.dep_ == "poss" and g.lower_ in W.provider_pronouns_short for g in c.children):
            return True
    return False


def _paid_back(verb, s: dict):
    """The funding a verb of paying back says it has earned back ("has repaid its grant",
    "recoups the cost of the post"): the funding word, or None."""
    if _lemma(verb) not in s["earn_back"] and verb.lemma_.lower() not in s["earn_back"]:
        return None  # ("paid travel costs" is spending, not paying back)
    if any(c.dep_ in ("prep", "dative") and c.lower_ in W.money_handover_preps for c in verb.children):
        return None  # "repaid the grant to the funder": money handed back, not earned back
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in s["funding"] or c.lower_ in s["funding"]):
            return c
    return None


def _saved_in_phrase(tok, s: dict):
    """A verb of financial benefit used as an adjective on a cost or money noun in the amount's own phrase
    ("£8,000 of **avoided** costs", "£900 per person supported in **avoided** costs"), or None."""
    head = tok if tok.like_num else tok.head
    for t in head.subtree:
        if t.i > head.i and t.dep_ == "amod" and t.lemma_.lower() in s["verbs"] \
                and t.head.pos_ == "NOUN" and (t.head.lemma_.lower() in s["funding"] | s["nouns"]
                                               or t.head.lower_ in s["funding"] | s["nouns"]):
            return t  # (of costs or money: not "£20,000 of reduced-rate office space")
    return None


@check("money_claim")
def money_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    funded = bool(s["funding"] and ctx.lemma_set & s["earn_back"] and ctx.lemma_set & s["funding"])
    if not (ctx.lower_set & (s["signs"] | s["units"] | s["nouns"] | s["multiples"]) or funded):
        return []
    toks = _toks(doc)
    out: list[Candidate] = []
    seen: set[int] = set()
    if funded:
        for verb in toks:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            paid = _paid_back(verb, s)
            if paid is None or _own_cost(verb) and paid.lemma_.lower() not in s["funding"]:
                continue
            if not _ours(verb, s, toks[verb.sent.start:verb.sent.end]):
                continue
            seen.add(verb.i)
            out.append(Candidate(rule, verb.i, paid.i + 1, verb.i))
    for tok in toks:
        multiple = tok.lower_ in s["multiples"]
        if not multiple and not _is_money(tok, s, toks):
            continue
        saved = None if multiple else _saved_in_phrase(tok, s)
        if saved is not None and saved.i not in seen and _ours(saved, s, toks[saved.sent.start:saved.sent.end]):
            # "£8,000 of avoided housing costs", "£900 per person in avoided costs": the saving is
            # named in the amount's own phrase, whatever verb carries it ("represents", "is worth")
            seen.add(saved.i)
            out.append(Candidate(rule, min(tok.i, saved.i), max(tok.i, saved.i) + 1, saved.head.i))
            continue
        verb = _governing_verb(tok)
        if verb is None or verb.i in seen:
            continue
        lemma = _lemma(verb)
        if multiple:
            if lemma not in s["payback"]:
                continue
        elif lemma not in s["verbs"] and verb.lemma_.lower() not in s["verbs"]:
            continue
        sent = toks[verb.sent.start:verb.sent.end]
        if _own_cost(verb) or not _ours(verb, s, sent):
            continue
        seen.add(verb.i)
        start, end = min(verb.i, tok.i), max(verb.i, tok.i) + 1
        out.append(Candidate(rule, start, end, verb.i))
    return out
