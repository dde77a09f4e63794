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

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _toks,
    check,
    derived,
    option_words,
    subject_of,
    verb_forms,
)
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
        benefit_nouns=option_words(o.get("benefit_nouns")),
        sized_nouns=option_words(o.get("sized_benefit_nouns")),
        benefit_to=option_words(o.get("benefit_to_preps")),
        # (oc38) a multiple of the money put in, after a verb of benefit ("generates five times its grant", "delivers
        # ten times the value", "saves three times that"): what the multiple is of
        outlay_nouns=option_words(o.get("outlay_nouns")),
        outlay_verbs=option_words(o.get("outlay_verbs")),
        outlay_pointers=option_words(o.get("outlay_pointers")),
        back_particles=option_words(o.get("back_particles")),
        # (oc38) "is worth £90,000 a year to local practices"; "more than covers its costs"
        worth_words=option_words(o.get("worth_words")),
        cover_verbs=option_words(o.get("cover_verbs")),
        own_cost_owners=option_words(o.get("own_cost_owners")),
        # inflected forms of the verbs of benefit (the lemmatiser reads "spared" as "spar")
        verb_forms=frozenset(f for v in option_words(o.get("verbs")) if " " not in v for f in verb_forms(v)),
    ))


def _is_money(tok, s: dict, toks) -> bool:
    if tok.text in s["signs"] or (tok.lower_ in s["nouns"] and tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "compound"):
        return True  # ("a return", not "people return to work" nor "money advice")
    if tok.like_num and tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ in s["units"]:
        return True
    return _unit_glued(tok.lower_, s)


def _unit_glued(low: str, s: dict) -> bool:
    """A number with its money unit in the same token: "300k", "1.2m", "2bn" (the tokenizer keeps them whole)."""
    for unit in s["units"]:
        if len(low) > len(unit) and low.endswith(unit):
            head = low[:-len(unit)].replace(",", "")
            if head.replace(".", "", 1).isdigit():
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


def _lemma(verb, s: dict | None = None) -> str:
    """The verb's lemma with its particle ("pay back"); with the settings ``s``, a particle read as an adverb too."""
    lemma = verb.lemma_.lower()
    prt = next((c for c in verb.children if c.dep_ == "prt"), None)
    if prt is None and s is not None:
        # (oc38) a particle the parser reads as an adverb, on the verb or a few words on ("get | back three times what
        # they spend", "get three times their money | back")
        doc = verb.doc
        prt = next((t for t in doc[verb.i + 1:min(verb.sent.end, verb.i + 7)] if t.lower_ in s["back_particles"]
                    and t.dep_ in ("advmod", "prt")), None)
    return f"{lemma} {prt.lower_}" if prt is not None else lemma


def _multiple_of_outlay(tok, toks, s: dict) -> bool:
    """(oc38) The multiple is of the money put in: a noun of outlay or value in its phrase ("five times its grant",
    "ten times the value", "four times their money"), a clause of spending ("three times what they spend"), or a
    word pointing back to a cost just named ("costs £15,000 and saves three times that")."""
    end = min(tok.sent.end, tok.i + 6)
    after = toks[tok.i + 1:end]
    if after and after[0].lower_ in s["outlay_pointers"]:
        return True
    for t in after:
        if t.is_punct:
            break
        if t.lower_ in s["outlay_nouns"] or t.lemma_.lower() in s["outlay_nouns"]:
            return True
        rest = toks[t.i + 1:min(end + 3, t.sent.end)]
        if t.tag_ == "WP" and any(x.lemma_.lower() in s["outlay_verbs"] for x in rest):
            return True
    return False


def _worth_to_someone(tok, s: dict):
    """(oc38) An amount that sizes "worth" said of something to someone else ("the listening service is worth
    £90,000 a year to local GP practices", "volunteers worth half a million pounds a year to the hospital"):
    the word "worth", or None. Worth to us ("worth £2m to us") is our income, not a benefit claimed."""
    cur = tok
    for _ in range(4):
        if cur.lower_ in s["worth_words"]:
            break
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    else:
        return None
    for c in cur.children:
        if c.dep_ == "prep" and c.lower_ in s["benefit_to"]:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ not in W.provider_pronouns_short and not any(
                    g.dep_ == "poss" and g.lower_ in W.provider_pronouns_short for g in obj.children):
                return cur
    return None


def _covers_own_cost(verb, s: dict):
    """(oc38) A verb of covering whose object is the subject's own cost ("the service more than covers its costs",
    "peer workers cover their own cost through reduced bed use"): the cost noun, or None."""
    if verb.lemma_.lower() not in s["cover_verbs"]:
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and (c.lemma_.lower() in s["funding"] or c.lower_ in s["funding"]) and any(
                g.lower_ in s["own_cost_owners"] for g in c.children if g.dep_ in ("poss", "amod")):
            return c
    return None


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


def _benefit_noun(tok, verb, s: dict):
    """A noun of financial benefit that the amount sizes, in the amount's clause: on the path from the
    amount up to its verb, or the verb's subject or object ("the annual saving ... at £200k", "a net
    benefit to the public purse of £3.4 million", "our social value is estimated at £2.3 million").
    A noun of value counts only with an adjective that says what kind ("social value", not "contract
    value"); one with a compound before it is a named thing ("housing benefit")."""
    cands = []
    cur = tok
    for _ in range(6):
        cands.append(cur)
        if cur.head is cur or (verb is not None and cur.i == verb.i):
            break
        cur = cur.head
    if verb is not None:
        cands += [c for c in verb.children if c.dep_ in W.money_verb_arg_deps]
    for c in cands:
        if c.pos_ != "NOUN" or any(g.dep_ == "compound" and g.lemma_.lower() not in s["funding"] for g in c.children):
            continue  # ("housing benefit" is a named thing; "cost avoidance", "cost savings" are not)
        low = c.lower_
        if low in s["benefit_nouns"] or (
                low in s["sized_nouns"] and any(g.dep_ == "amod" for g in c.children)):
            return c
    return None


def _benefit_to_someone(noun, s: dict) -> bool:
    """"a saving to the police", "a benefit for the council": the benefit is said to land on someone
    (the preposition on the noun, or on its verb: "puts the saving to the police at £200k")."""
    heads = [noun] + ([noun.head] if noun.dep_ in ("dobj", "nsubjpass") else [])
    return any(c.dep_ == "prep" and c.lower_ in s["benefit_to"] for h in heads for c in h.children)


@check("money_claim")
def money_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    funded = bool(s["funding"] and (ctx.lemma_set & s["earn_back"] or ctx.lemma_set & s["cover_verbs"])
                  and ctx.lemma_set & s["funding"])
    if not (ctx.lower_set & (s["signs"] | s["units"] | s["nouns"] | s["multiples"]) or funded
            or any(_unit_glued(w, s) for w in ctx.lower_set if w[:1].isdigit())):
        return []
    toks = _toks(doc)
    out: list[Candidate] = []
    seen: set[int] = set()
    if funded:
        for verb in toks:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            paid = _paid_back(verb, s) or _covers_own_cost(verb, s)
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
        worth = None if multiple else _worth_to_someone(tok, s)
        if worth is not None and worth.i not in seen:
            seen.add(worth.i)
            out.append(Candidate(rule, min(tok.i, worth.i), max(tok.i, worth.i) + 1, worth.head.i))
            continue
        verb = _governing_verb(tok)
        figure = tok.text in s["signs"] or tok.like_num or _unit_glued(tok.lower_, s)
        if figure and s["benefit_nouns"] and (verb is None or verb.i not in seen):
            # an amount (a figure, not a money noun) that sizes a noun of benefit
            noun = _benefit_noun(tok, verb, s)
            if noun is not None and noun.i not in seen and noun.i != tok.i and (
                    _benefit_to_someone(noun, s) or _ours(verb or noun, s, toks[noun.sent.start:noun.sent.end])):
                seen.add(noun.i)
                if verb is not None:
                    seen.add(verb.i)
                out.append(Candidate(rule, min(tok.i, noun.i), max(tok.i, noun.i) + 1, (verb or noun).i))
                continue
        if verb is None or verb.i in seen:
            continue
        lemma = _lemma(verb, s)
        benefit = lemma in s["verbs"] or verb.lemma_.lower() in s["verbs"] or verb.lower_ in s["verb_forms"]
        outlay = multiple and _multiple_of_outlay(tok, toks, s)
        # a multiple needs a verb of paying back, or of benefit with the multiple of the money put in
        if not ((lemma in s["payback"] or benefit and outlay) if multiple else benefit):
            continue
        sent = toks[verb.sent.start:verb.sent.end]
        # (oc38) a multiple of the money put in is a claim of return whoever gets it back ("funders get back three
        # times what they put in")
        if _own_cost(verb) or not (outlay or _ours(verb, s, sent)):
            continue
        seen.add(verb.i)
        start, end = min(verb.i, tok.i), max(verb.i, tok.i) + 1
        out.append(Candidate(rule, start, end, verb.i))
    return out
