"""Check ``credit_claim``: the writer takes the credit for an outcome, or names us as the reason it changed.

Read from the clause (o21, issue 15 part 2), in three frames:

* **credit taken**: we (or something of ours) as the subject of a verb of taking or claiming (``take_verbs``:
  take, claim, deserve ...) whose object is a noun of credit ("full credit", "the lion's share of the credit")
  for a change or an outcome ("for the fall in withdrawals", "for lower bed occupancy"). A part of the credit
  ("some of the credit", "a share of the credit") is shared credit and passes;
* **credit given to us**: a noun of credit as the subject of a verb or copula that places it (``give_verbs``:
  belong, go, lie, rest ...) with us ("the credit for that belongs to our service", "the credit is ours"), in a
  sentence that says what changed;
* **us as the reason**: we, or something of ours, as the subject of "be" with a noun of reason ("the reason",
  "the cause") whose clause says what changed or what was achieved ("we were the reason the locality met its
  target", "our volunteers are the reason she is thriving"). "Our rota is the reason she sees a different
  worker each week" says nothing changed and passes.

Negated, hedged (but "can", a capability), conditional, aimed and questioned clauses pass.
"""

from __future__ import annotations

from evidencebot.language.overclaim import claims
from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _span_text,
    _toks,
    all_option_words,
    check,
    derived,
    option_words,
    word_in,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule
from evidencebot.text import has_phrase


def _settings(rule: Rule) -> dict:
    return derived(rule, _settings_from)


def _settings_from(o: dict) -> dict:
    """The settings read from a rule's options (the certainty check reads its words of change the same way)."""
    return {**claims._build(o), **dict(
        credit_nouns=option_words(o.get("credit_nouns")),
        take_verbs=option_words(o.get("take_verbs")),
        partial=option_words(o.get("partial_words")),
        big_owners=option_words(o.get("big_share_owners")),
        share_nouns=option_words(o.get("share_nouns")),
        give_verbs=option_words(o.get("give_verbs")),
        give_preps=option_words(o.get("give_preps")),
        reason_nouns=option_words(o.get("reason_nouns")),
        force_nouns=option_words(o.get("force_nouns")),
        behind_preps=option_words(o.get("behind_preps")),
        new_words=option_words(o.get("new_words")),
        copulas=option_words(o.get("copulas")),
        outcome_verbs=option_words(o.get("outcome_verbs")),
        achieve_verbs=option_words(o.get("achieve_verbs")),
        target_nouns=option_words(o.get("target_nouns")),
        change_particles=option_words(o.get("change_particles")),
        own_words=option_words(o.get("own_words")),
        clause_deps=option_words(o.get("clause_deps")),
        comparative_tags=frozenset(o.get("comparative_tags") or ()),
        modifier_deps=option_words(o.get("modifier_deps")),
        place_deps=option_words(o.get("place_deps")),
        portion_words=option_words(o.get("portion_words")),
        deontic_modals=option_words(o.get("deontic_modals")),
        thank_verbs=option_words(o.get("thank_verbs")),
        thank_preps=option_words(o.get("thank_preps")),
        owned_nouns=option_words(o.get("owned_nouns")),
        own_pronouns=option_words(o.get("own_pronouns")),
        record_nouns=option_words(o.get("record_nouns")),
        won_verbs=option_words(o.get("won_verbs")),
        fought_verbs=option_words(o.get("fought_verbs")),
        first_person=option_words(o.get("first_person")),
        won_nouns=option_words(o.get("won_nouns")),
        won_restore_verbs=option_words(o.get("won_restore_verbs")),
        why_words=option_words(o.get("why_words")),
        now_words=option_words(o.get("now_words")),
        won_change_nouns=option_words(o.get("won_change_nouns")),
        won_change_preps=option_words(o.get("won_change_preps")),
        sole_words=option_words(o.get("sole_words")),
        sole_help_nouns=option_words(o.get("sole_help_nouns")),
        sole_help_dets=option_words(o.get("sole_help_dets")),
        sole_help_preps=option_words(o.get("sole_help_preps")),
        build_verbs=option_words(o.get("build_verbs")),
        sole_agents=option_words(o.get("sole_agents")),
        name_dets=option_words(o.get("name_dets")),
    )}


def _ours(np, s: dict) -> bool:
    """We, or something of ours ("our service", "our volunteers", "the recovery college", a service's name)."""
    if np is None:
        return False
    if any(t.lower_ in s["not_named"] for t in np.subtree):
        return False  # "the ICB's commissioning team"
    if np.lower_ in W.provider_pronouns or claims._is_agent(np, s):
        return True
    return any(c.dep_ == "poss" and c.lower_ in W.provider_pronouns for c in np.children)


def _says_change(toks, s: dict, terms: Terms) -> bool:
    """Do these words say what changed or what was achieved: a word of change ("the fall in", "lower",
    "improved"), an outcome term, a verb of a person's outcome ("thriving"), a verb of change with "up" or
    "down" ("went up"), or a target met ("met its follow-up target")?"""
    for t in toks:
        if word_in(t, s["change"]) or word_in(t, s["outcome_verbs"]) or t.tag_ in s["comparative_tags"]:
            return True
        if any(terms.covers(name, t.i) for name in s["outcomes"]) and not claims._modifier_only(t, terms, s):
            return True
        if t.pos_ == "VERB" and any(c.dep_ in ("prt", "advmod") and c.lower_ in s["change_particles"]
                                       for c in t.children):
            return True
        if word_in(t, s["achieve_verbs"]) and any(c.dep_ == "dobj" and word_in(c, s["target_nouns"]) for c in t.children):
            return True
        if t.dep_ == "advmod" and word_in(t, s["now_words"]) and t.head.pos_ in ("VERB", "AUX"):
            return True  # (oc36) what is so "now" and was not before ("the governing body now expects ...")
    return False


def _credit_noun(obj, s: dict):
    """The noun of credit in an object: "full credit", "the credit", "the lion's share of the credit"; None for
    a part of it ("some of the credit", "a share of the credit")."""
    if word_in(obj, s["share_nouns"]):
        big = any(c.dep_ == "poss" and word_in(c, s["big_owners"]) for c in obj.children)
        if not big:
            return None
        obj = next((g for c in obj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), obj)
    if not word_in(obj, s["credit_nouns"]):
        return None  # ("some of the credit": the object is the part)
    if any(word_in(c, s["partial"]) for c in obj.children if c.dep_ in s["modifier_deps"]):
        return None
    return obj


def _blocked(ctx: Context, verb, T, s: dict | None = None) -> bool:
    if ctx.negated(verb) or ctx.conditional(verb) or ctx.question(verb) or ctx.aim(verb):
        return True
    return ctx.hedged(verb) and not claims._only_can(T, verb.sent, ctx) and not (
        s is not None and _only_deontic(verb, T, ctx, s))


def _only_deontic(verb, T, ctx: Context, s: dict) -> bool:
    """(o23) "the credit must go to our peer mentors", "should rightly go to": a modal of duty on a verb that places
    the credit says where it belongs, it does not doubt it; no other hedge in the sentence."""
    modals = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ctx.v.set("hedge_modals")]
    if not modals or not all(c.lower_ in s["deontic_modals"] for c in modals):
        return False
    hedges = (ctx.v.set("hedge_adverbs") | ctx.v.set("hedge_modals")) - s["deontic_modals"]
    sent = T[verb.sent.start:verb.sent.end]
    return not any(t.lower_ in hedges for t in sent) and not any(
        has_phrase(_span_text(verb.sent).lower(), p) for p in ctx.v.data.get("hedge_phrases", ()))


def _credit_subject(subj, s: dict):
    """The noun of credit the subject is, or (o23) a portion of it: "much of the credit", "most of the credit"."""
    if word_in(subj, s["credit_nouns"]):
        return subj
    if word_in(subj, s["portion_words"]):
        return next((g for c in subj.children if c.dep_ == "prep" for g in c.children
                     if g.dep_ == "pobj" and word_in(g, s["credit_nouns"])), None)
    return None


def _owned_credit(verb, s: dict):
    """(oc29) The complement of a copula that makes what changed ours: "ours", or a noun of achievement with our
    possessive ("our work", "our achievement", "our doing"); None for "our own doing" or a part ("partly ours")."""
    for c in verb.children:
        if c.dep_ not in ("attr", "acomp"):
            continue
        if any(word_in(g, s["partial"]) or word_in(g, s["own_words"]) for g in c.subtree) or any(
                g.dep_ in W.owned_clause_deps for g in [*c.children, *verb.children]):
            return None  # "partly ours", "our own doing", "ours to explain"
        if c.lower_ in s["own_pronouns"]:
            subj = next((g for g in verb.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            # "the better attendance figures are ours" may only say whose figures they are
            return None if subj is None or word_in(subj, W.measure_nouns) or word_in(subj, s["record_nouns"]) else c
        if word_in(c, s["owned_nouns"]) and any(g.dep_ == "poss" and g.lower_ in W.provider_pronouns for g in c.children):
            return c
    return None


@check("credit_claim")
def credit_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    if not (ctx.lemma_set & (s["credit_nouns"] | s["reason_nouns"] | s["thank_verbs"] | s["owned_nouns"]
                             | s["force_nouns"])
            or ctx.lower_set & (s["own_pronouns"] | s["behind_preps"] | s["why_words"])
            or ctx.lower_set & s["first_person"] and ctx.lemma_set & s["won_verbs"]
            or ctx.lemma_set & s["won_verbs"] and ctx.lemma_set & s["won_change_nouns"]
            or ctx.lemma_set & (s["won_verbs"] | s["build_verbs"]) and ctx.lower_set & (
                s["sole_words"] | s["sole_help_nouns"])):
        return []
    T = _toks(doc)
    out: list[Candidate] = []
    for verb in T:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "conj" and word_in(verb, s["won_verbs"]):
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # "I fought for, and won, ..."
        if subj is None:
            continue
        sent = T[verb.sent.start:verb.sent.end]
        lemma = verb.lemma_.lower()
        hit = None
        if lemma in s["take_verbs"] and _ours(subj, s):
            # "we take full credit for the fall in ...", "we can claim the lion's share of the credit for ..."
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                noun = _credit_noun(obj, s)
                if noun is None:
                    continue
                what = [t for c in [*obj.children, *noun.children, *verb.children]
                        if c.dep_ == "prep" and c.i > noun.i for t in c.subtree]
                if _says_change(what, s, terms):
                    hit = (subj.i if subj.i < verb.i else verb.i, noun.i + 1)
        elif _credit_subject(subj, s) is not None and lemma in s["give_verbs"]:
            # "the credit for that belongs to our service", "the credit is ours", "the credit goes to our team"
            places = [g for c in verb.children if c.dep_ in s["place_deps"] for g in (
                [c] if c.dep_ == "attr" else [x for x in c.subtree if x.dep_ == "pobj"])]
            if any(_ours(p, s) for p in places) and _says_change(sent, s, terms):
                hit = (subj.i, max(p.i for p in places) + 1)
        elif lemma in s["thank_verbs"] and not _ours(subj, s):
            # (oc28) someone told to thank us for a change: "tenants can thank our money advisers for the fall in
            # evictions", "the council should thank our officers for the drop in ..." (what changed said in the
            # "for" phrase, or in the sentence when that phrase is a pronoun: "... can thank our team for it")
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None and verb.dep_ in s["clause_deps"] and verb.head.lemma_.lower() in s["copulas"]:
                # a cleft: "it is our officers the council should thank for the drop in ..."
                obj = next((c for c in verb.head.children if c.dep_ == "attr"), None)
            why = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in s["thank_preps"]]
            if obj is None or not why or not _ours(obj, s):
                continue
            what = [t for c in why for t in c.subtree]
            pronoun = all(g.pos_ == "PRON" for c in why for g in c.children if g.dep_ == "pobj")
            if _says_change(what, s, terms) or (pronoun and _says_change(
                    [t for t in sent if not (verb.i <= t.i <= why[-1].right_edge.i)], s, terms)):
                hit = (min(obj.i, subj.i), why[-1].right_edge.i + 1)
        elif lemma in s["copulas"] and s["owned_nouns"] and not _ours(subj, s) and _says_change(
                list(subj.subtree), s, terms):
            # (oc29) what changed said to be ours: "that stabilisation was our work", "the family's new stability is
            # our achievement", "these outcomes are ours" (not "our own doing", nor "partly our work")
            owned = _owned_credit(verb, s)
            if owned is None:
                continue
            hit = (subj.i, owned.i + 1)
        elif lemma in s["copulas"] and _ours(subj, s) and (force_end := _force_behind(verb, s, terms)) is not None:
            # (oc31) "our peer mentors were the driving force behind the borough's new protocol"
            hit = (subj.i, force_end + 1)
        elif lemma in s["copulas"] and _ours(subj, s):
            # "we were the reason the locality met its target", "our volunteers are the reason she is thriving"
            attr = next((c for c in verb.children if c.dep_ == "attr" and word_in(c, s["reason_nouns"])), None)
            # (oc36) or "is why" a clause: "our network is why social prescribing now appears in every plan"
            why_clause = next((c for c in verb.children if c.dep_ in W.general_why_clause_deps and c.i > verb.i
                               and any(g.dep_ == "advmod" and word_in(g, s["why_words"]) for g in c.children)), None)
            if why_clause is not None:
                attr = verb
            if attr is None or any(word_in(c, s["own_words"]) for c in attr.children):
                continue
            clause = why_clause if why_clause is not None else next(
                (c for c in attr.children if c.dep_ in s["clause_deps"]), None)
            if clause is None or not _says_change(list(clause.subtree), s, terms):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") and word_in(c, s["not_outcomes"]) for c in clause.children):
                continue  # "our team is the reason the referral form is shorter": our own process
            hit = (subj.i, clause.i + 1)
        elif lemma in s["won_verbs"] and (won_change := _won_change(verb, subj, s)) is not None:
            # (oc2, s35) "our lobbying won the change to how injury is assessed", "it was the service's campaign that
            # secured the change in the rules": we, or what we did, as the one who won a change others made
            hit = (min(subj.i, verb.i), won_change.right_edge.i + 1)
        elif lemma in s["won_verbs"] | s["build_verbs"] and _sole_doer(verb, subj, s):
            # (oc2, s36) "the union alone won the council's new rest-stop scheme", "with no help from anyone, the
            # project built the borough's first ... pathway": we, alone, as the ones who won or built a new service
            won = _won_service(verb, s)
            if won is not None and won.i > subj.i:
                hit = (min(subj.i, verb.i), won.i + 1)
        elif lemma in s["won_verbs"] and subj.lower_ in s["first_person"]:
            # (oc2, s34) "I secured the new crisis café for the town", "I fought for the new crisis service and I
            # delivered it": the writer alone as the one who won a new public service
            won = _won_service(verb, s)
            if won is not None and won.i > subj.i:
                hit = (subj.i, won.i + 1)
        if hit is None or _blocked(ctx, verb, T, s if lemma in s["give_verbs"] | s["thank_verbs"] else None):
            continue
        out.append(Candidate(rule, hit[0], hit[1], verb.i))
    return out


def _sole_doer(verb, subj, s: dict) -> bool:
    """(oc2, s36) The subject of ``verb`` is ours (we, the writer, something of ours, or one of our kinds of body with
    "the": "the union", "the project") and is said to have acted alone: "alone" on the subject or the verb, or a
    phrase of no help ("with no help from anyone", "without help"). "The council alone funds it" is not ours; "the
    union won the new scheme" says nothing of acting alone."""
    ours = subj.lower_ in s["first_person"] or _ours(subj, s) or (word_in(subj, s["sole_agents"]) and any(
        t.dep_ == "det" and t.lower_ in s["name_dets"] for t in subj.subtree if t.i < subj.i) and not any(
        word_in(t, s["not_named"]) for t in subj.subtree))
    if not ours:
        return False
    if any(word_in(c, s["sole_words"]) for c in [*subj.children, *verb.children] if c.dep_ == "advmod"):
        return True
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and word_in(g, s["sole_help_nouns"])):
            if prep.lower_ in s["sole_help_preps"] or any(
                    c.dep_ == "det" and c.lower_ in s["sole_help_dets"] for c in noun.children):
                return True
    return False


def _won_change(verb, subj, s: dict):
    """(oc2, s35) A change won by us: the verb's object a noun of change (``won_change_nouns``) with what changed after
    it ("the change to how ...", "a change in the rules"), its subject ours, something ours owns ("our lobbying",
    "the service's lobbying") or, in a cleft, a relative pronoun whose focus is one of those. The phrase of what
    changed, or None ("we won the quiz", "our team secured a change of venue")."""
    if subj.tag_ in W.relative_tags and verb.dep_ == "relcl":
        subj = verb.head
    elif subj.tag_ in W.relative_tags and verb.dep_ == "ccomp":  # (the cleft read as the copula's complement)
        subj = next((c for c in verb.head.children if c.dep_ == "attr"), subj)
    if not (_ours(subj, s) or any(c.dep_ == "poss" and (_ours(c, s) or c.lower_ in W.provider_pronouns)
                                  for c in subj.children)):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj" and word_in(c, s["won_change_nouns"])):
        what = next((c for c in [*obj.children, *verb.children] if c.dep_ == "prep" and c.i > obj.i
                     and c.lower_ in s["won_change_preps"]), None)
        if what is not None and not any(c.dep_ == "poss" and c.lower_ in W.provider_pronouns
                                        for t in what.subtree for c in t.children):
            return what  # (not a change to our own things: "the change to our rota")
    return None


def _won_service(verb, s: dict):
    """(oc2, s34) The new service ``verb`` (a verb of winning: secure, win, deliver) says the writer won: its object a
    new service ("the new crisis café"), or "it" when the verb is joined to one of fighting for that service ("I
    fought for the new crisis café and I delivered it"); None for a person's own gain ("I won a place on the course",
    "I secured a new flat")."""
    def new_service(np) -> bool:
        return word_in(np, s["won_nouns"]) and any(  # ("the new night bus route": "new" on a word before it)
            t.dep_ == "amod" and word_in(t, s["new_words"]) for t in np.subtree if t.i < np.i)

    head = verb.head if verb.dep_ == "conj" else verb
    # a joined verb with a subject of its own has its own object only ("The council built the new clinic and I
    # delivered the training": the council's clinic is not what the writer delivered; review, session 34)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        head = verb
    fought = [g for v in (head, *head.conjuncts) if word_in(v, s["fought_verbs"]) for c in v.children
              if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # (a noun after the verb read as its conjunct: "won, the new youth hub")
    def restored(np) -> bool:  # (oc36) "the funding that reopened the library": a service kept or brought back
        return any(c.dep_ in W.won_restore_deps and word_in(c, s["won_restore_verbs"]) and any(
            g.dep_ == "dobj" and word_in(g, s["won_nouns"]) for g in c.children) for c in np.children)

    for obj in (c for c in [*verb.children, *head.children] if c.dep_ == "dobj" or (
            c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > verb.i)):
        if new_service(obj) or restored(obj) or (obj.pos_ == "PRON" and any(new_service(g) for g in fought)):
            return obj
    return None


def _force_behind(verb, s: dict, terms: Terms) -> int | None:
    """(oc31) The end of "the driving force behind X" as a copula's complement, where X is something new ("the new
    safety rules"), someone else's ("the county's pathway") or a change ("the fall in ..."); None otherwise ("the
    driving force behind the Friday lunch club", "behind our own rota")."""
    hosts = [c for c in verb.children if c.dep_ == "attr" and word_in(c, s["force_nouns"]) and not any(
        word_in(g, s["partial"]) for g in c.children if g.dep_ in s["modifier_deps"])]  # ("a small force behind")
    # (oc36) or "behind" on the copula itself: "our people are behind the county's record employment figures"
    for attr in [*hosts, verb]:
        for prep in (c for c in attr.children if c.dep_ == "prep" and c.lower_ in s["behind_preps"]):
            what = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if what is None or _ours(what, s) or any(word_in(c, s["own_words"]) for c in what.subtree):
                continue
            owner = [c for c in what.children if c.dep_ == "poss"]
            # (someone else's thing only with a noun of force: "our office is behind the council's depot" is a place)
            if (attr is not verb and any(not _ours(c, s) and c.lower_ not in W.provider_pronouns for c in owner)) or any(
                    c.dep_ == "amod" and word_in(c, s["new_words"]) for c in what.children) or _says_change(
                    list(what.subtree), s, terms):
                return prep.right_edge.i
    return None


def _ours_np(np, provider: frozenset) -> bool:
    """We ("we", "us"), or something we own ("our campaign", "our advocates")."""
    return np.lower_ in provider or any(t.dep_ == "poss" and t.lower_ in provider for t in np.subtree if t.i < np.i)


def _our_causer(verb, s: dict) -> bool:
    """(oc29) Is the subject of ``verb`` us: "we", "our campaign", through a relative pronoun to its antecedent in
    a cleft ("it was our advocates who got ..."), or "the ones" we say we were ("we were the ones who pushed ...")?"""
    provider = s["provider"]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.tag_ in W.relative_tags and verb.dep_ == "ccomp":
        # a cleft the small model reads as a complement of the copula: "it was our data that convinced ..."
        return any(c.dep_ == "attr" and (_ours_np(c, provider) or _this_ours(c, s)) for c in verb.head.children)
    if subj.tag_ in W.relative_tags and verb.dep_ == "relcl":
        np = verb.head
        if _ours_np(np, provider) or (np.dep_ == "attr" and _this_ours(np, s)) or (
                np.dep_ == "attr" and word_in(np, s["agents"]) and not any(
                c.dep_ == "poss" for c in np.children)):
            return True  # (oc31) the focus of a cleft one of our kinds of service: "it was the federation that ..."
        cop = np.head
        # (oc31) "our housing worker was the one who got ...", not only "we were the ones who ..."
        return np.dep_ == "attr" and any(c.dep_ == "nsubj" and _ours_np(c, provider) for c in cop.children)
    return _ours_np(subj, provider)


def _this_ours(np, s: dict) -> bool:
    """(oc2, s35) The focus of a cleft as "this"/"these" on one of our own kinds of body: "it was this office that
    got the housing board to ...", "it was this administration that ..." (the writer's own, pointed at)."""
    if any(c.dep_ == "poss" and _this_ours(c, s) for c in np.children):
        return True  # (oc2, s36) what this body of ours did: "it was this paper's reporting that forced ..."
    return word_in(np, s["own_bodies"]) and any(c.dep_ == "det" and c.lower_ in s["own_dets"] for c in np.children)


def _a_body(np, s: dict) -> bool:
    """An outside body: a word of ``bodies`` ("the council", "the trust"), or (oc33) any other organisation named
    as someone who acts: a noun of an agent (``body_suffixes``: "operators", "supplier") with "the", or a thing
    owned by a body or such an agent ("the coroner's office"); not a pronoun, a number of them, one of the people we
    support or ours. "We got her to come", "we persuaded 14 employers", "we made the room feel warmer" are not."""
    if word_in(np, s["bodies"]):
        return True
    if word_in(np, s["firm_nouns"]) and any(c.dep_ == "det" and c.lower_ in s["body_dets"] for c in np.children):
        return True  # (oc2, s36) "the three biggest delivery platforms": firms named as a definite set, not "14 firms"
    if np.pos_ != "NOUN" or word_in(np, s["people"]) or _ours_np(np, s["provider"]):
        return False
    kids = list(np.children)
    if any(c.dep_ == "nummod" for c in kids):
        return False

    def agentive(t) -> bool:  # a noun of someone who acts ("operators", "supplier", "coroner"), not a thing
        return t.pos_ == "NOUN" and t.lower_.endswith(s["body_suffixes"])

    owner = next((c for c in kids if c.dep_ == "poss"), None)
    if owner is not None:
        return word_in(owner, s["bodies"]) or agentive(owner)
    return agentive(np) and any(c.dep_ == "det" and c.lower_ in s["body_dets"] for c in kids)


def _moved_body(verb, s: dict):
    """(oc29) The outside body ``verb`` makes act, and the act: "got the council | to reopen ...", "made the ICB
    | rethink ...", "pushed the trust | into adopting ...". None when the object is not a body (a person, "14
    employers") or nothing says what the body did."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubj") and c.i > verb.i and _a_body(c, s):
            body = c
            break
        if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i:
            body = next((g for g in c.children if g.dep_ == "nsubj" and _a_body(g, s)), None)
            if body is not None:
                return body, c
    else:
        return None
    for c in [*verb.children, *body.children]:
        if c.i <= body.i:
            continue
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            return body, c
        if c.dep_ in ("advcl", "acl") and c.pos_ == "VERB" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                  for g in c.children):
            return body, c  # "got the council | to reopen ..." read as a clause of purpose
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i == body.right_edge.i + 1:
            return body, c  # (oc36) "stopped the trust | closing the clinic": the act in -ing right after the body
        if c.dep_ == "prep" and c.lower_ in s["into_preps"] and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return body, c
    return None


def _causative_settings(o: dict) -> dict:
    return dict(verbs=option_words(o.get("verbs")), bodies=option_words(o.get("bodies")),
                into_preps=option_words(o.get("into_preps")), provider=option_words(o.get("provider_words")),
                happen_verbs=option_words(o.get("happen_verbs")), change_verbs=option_words(o.get("change_verbs")),
                agents=option_words(o.get("cleft_agents")), exist_verbs=option_words(o.get("exist_verbs")),
                because_marks=option_words(o.get("because_marks")), places=option_words(o.get("place_nouns")),
                comparative_tags=frozenset(o.get("comparative_tags") or ()), map_verbs=option_words(o.get("map_verbs")),
                map_preps=option_words(o.get("map_preps")), map_nouns=option_words(o.get("map_nouns")),
                people=option_words(o.get("people")), body_dets=option_words(o.get("body_dets")),
                body_suffixes=tuple(o.get("body_suffixes") or ()), turn_verbs=option_words(o.get("turn_verbs")),
                turn_particles=option_words(o.get("turn_particles")),
                turn_measures=option_words(o.get("turn_measures")),
                compass_words=option_words(o.get("compass_words")), way_nouns=option_words(o.get("way_nouns")),
                turn_pronouns=option_words(o.get("turn_pronouns")), spread_preps=option_words(o.get("spread_preps")),
                every_words=option_words(o.get("every_words")), own_dets=option_words(o.get("own_dets")),
                own_bodies=option_words(o.get("own_bodies")), firm_nouns=option_words(o.get("firm_nouns")), rank_tags=frozenset(o.get("rank_tags") or ()),
                name_dets=option_words(o.get("name_dets")), not_named=option_words(o.get("not_named")),
                body_act_verbs=option_words(o.get("body_act_verbs")), cause_heads=option_words(o.get("cause_heads")),
                new_words=option_words(o.get("new_words")), cause_our_nouns=option_words(o.get("cause_our_nouns")),
                way_clause_deps=frozenset(o.get("way_clause_deps") or ()),
                singular=option_words(o.get("singular_provider_words")))


def _put_on_map(verb, s: dict):
    """(oc31) "our link workers put social prescribing on the map in this part of the county": the idiom of making a
    thing known across a place, said of us. The phrase with "on", or None ("put the leaflets on the table")."""
    if not word_in(verb, s["map_verbs"]) or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    # (oc2, s35) "on the map" hung on the object ("put | peer-led groups on the map") as well as on the verb
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return next((c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in s["map_preps"] and any(
        g.dep_ == "pobj" and word_in(g, s["map_nouns"]) and not any(x.dep_ == "prep" and x.lower_ == "of" for x in g.children)
        for g in c.children)), None)  # ("on the map of the ward" is a real map)


def _made_place_better(verb, s: dict):
    """(oc31) "we made the town a safer place for older people", "our outreach made the borough safer": a verb of
    making whose clause puts a shared place (a town, a borough, an estate) in a better state (a comparative). The
    clause, or None ("made the café safer": our own premises; "made the town's bus route shorter": not the place)."""
    for c in verb.children:
        if c.dep_ not in W.made_state_deps or c.i < verb.i:
            continue
        place = next((g for g in c.children if g.dep_ in ("nsubj", "dobj") and (word_in(g, s["places"]) or any(
            x.dep_ == "compound" and word_in(x, s["places"]) for x in g.children))), None)  # ("the city centre")
        if place is None or any(g.dep_ == "poss" for g in place.children):
            continue
        if c.tag_ in s["comparative_tags"] or any(g.dep_ == "amod" and g.tag_ in s["comparative_tags"]
                                                  for g in c.children):
            return c
    return None


def _exists_because_of_us(verb, s: dict):
    """(oc31) "the university's new strategy exists because our counselling team pushed for it", "the government's
    decision ... happened because we refused to stay quiet": an outside body's act or thing as the subject of a
    verb of coming to be, with a clause of cause whose subject is us. The clause of cause, or None ("the new rota
    exists because our staff asked for it": nobody else's; "... because the council funded it": not us)."""
    if not word_in(verb, s["exist_verbs"]):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or _ours_np(subj, s["provider"]):
        return None
    if _spread(verb, s):
        # (oc2, s35) a thing found across a place, there "because of" us: "men's sheds exist across the county
        # because of our network" (the credit for a movement many people built)
        of_us = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in s["because_marks"] and any(
            g.dep_ == "pobj" and _ours_np(g, s["provider"]) for g in c.subtree)), None)
        if of_us is not None:
            return of_us
    if not any(t.dep_ in W.body_owner_deps and word_in(t, s["bodies"]) for t in subj.subtree if t.i < verb.i):
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and any(g.dep_ == "mark" and g.lower_ in s["because_marks"]
                                                      for g in c.children):
            who = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if who is not None and (_ours_np(who, s["provider"]) or _service_subject(who, s)):
                return c  # (oc2, s35) or one of our kinds of service, named with "the" ("because the hub pushed")
    return None


def _cause_is_us(verb, s: dict):
    """(oc36) A cause of ``verb`` that is us: a clause of "because" whose subject is us or one of our kinds of service
    ("because we kept pushing"), or a phrase of cause whose object is ours ("because of our campaign", "thanks to
    our pressure"). The clause or phrase, or None."""
    def acting(np) -> bool:  # we, or ours that acts ("our staff", "our campaign"), not a thing ("our lease")
        return np.lower_ in s["provider"] or (_ours_np(np, s["provider"]) and (
            word_in(np, s["agents"]) or word_in(np, s["own_bodies"]) or word_in(np, s["cause_our_nouns"])))

    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in s["because_marks"] for g in c.children):
            who = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if who is not None and (acting(who) or _service_subject(who, s)):
                return c
        if c.dep_ in W.cause_phrase_deps and word_in(c, s["cause_heads"]) and any(
                g.dep_ == "pobj" and acting(g) for g in c.subtree):
            return c
    return None


def _body_acted_because_of_us(verb, s: dict):
    """(oc36) An outside body's decision put down to us: "because we kept pushing, the trust scrapped its
    eighteen-week wait", "thanks to our pressure, the ICB dropped the charge" (a body as the subject of a verb of
    deciding or changing what it does, and a cause that is us); "the new crisis café exists because of our staff"
    (a new thing there because of us). The cause, or None ("because we asked, the group met on Friday": no body;
    "because we asked, the council sent the minutes": no decision)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or _ours_np(subj, s["provider"]):
        return None
    decided = word_in(verb, s["body_act_verbs"]) and _a_body(subj, s)
    new = word_in(verb, s["exist_verbs"]) and any(c.dep_ == "amod" and word_in(c, s["new_words"]) for c in subj.children)
    if not (decided or new):
        return None
    return _cause_is_us(verb, s)


def _spread(verb, s: dict) -> bool:
    """(oc2, s35) A verb said of a whole place: "across the county", "throughout the region", "in every town"."""
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ in s["spread_preps"]:
            return True
        if any(g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in s["every_words"] for d in g.children)
               for g in c.children):
            return True
    return False


def _made_happen(verb, s: dict):
    """(oc31) "it was the federation that made that happen", "we were the ones who made it happen": a verb of making
    whose clause is a thing happening, said of us in a cleft (the clause ours alone: a plain "we made it happen"
    is left to the checks of what happened). What happened is a pronoun for the change said before, or something
    of an outside body's; "made the summer picnic happen" (our own event) passes."""
    if verb.dep_ not in W.cleft_clause_deps or next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in
                                                     W.relative_tags), None) is None:
        return None
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and word_in(c, s["happen_verbs"]):
            what = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if what is not None and (what.pos_ in W.pronoun_det_pos or any(
                    g.dep_ == "poss" and word_in(g, s["bodies"]) for g in what.children)):
                return c
    return None


def _changed_body(verb, s: dict):
    """(oc31) "changed how the trust thinks about lived experience": a verb of change whose clause has an outside
    body as its subject (what the body does now is put down to us)."""
    if not word_in(verb, s["change_verbs"]):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and any(
                g.dep_ == "nsubj" and word_in(g, s["bodies"]) for g in c.children):
            return c
    return None


def _shared_turned(obj, s: dict) -> bool:
    """(oc2, s34) What a turn-around is said of that many parties share: a place ("the estate", "the east end":
    a place word, or a noun with a point of the compass), a measure ("the retention figures") or the way an outside
    body acts ("the way probation handles housing"); not our own thing, a person or a document."""
    if _ours_np(obj, s["provider"]) or word_in(obj, s["people"]):
        return False
    kids = [c for c in obj.children if c.dep_ in ("compound", "amod")]
    if word_in(obj, s["places"]) or any(word_in(c, s["places"]) or word_in(c, s["compass_words"]) for c in kids):
        return not any(c.dep_ == "poss" for c in obj.children)
    if word_in(obj, s["turn_measures"]):
        return True
    return word_in(obj, s["way_nouns"]) and any(
        c.dep_ in s["way_clause_deps"] and any(g.dep_ == "nsubj" and _a_body(g, s) for g in c.children)
        for c in obj.children)


def _named_service(subj, s: dict) -> bool:
    """(oc2, s35) A service named as the one who acts: "the" and a name ("the Recovery College", "the Harbour
    Project") or an acronym ("the DACT"), as the clause's subject; not an outside body's name or word ("the NHS",
    "the Council")."""
    if subj is None or not any(c.dep_ == "det" and c.lower_ in s["name_dets"] for c in subj.children):
        return False
    named = subj.pos_ == "PROPN" and subj.is_title or (subj.is_upper and subj.is_alpha and len(subj.text) > 1)
    if not named:
        return False
    return not any(word_in(t, s["not_named"]) or word_in(t, s["bodies"]) for t in subj.subtree)


def _service_subject(subj, s: dict) -> bool:
    """(oc2, s35) A named service, or one of our kinds of service with "the" and no owner ("the peer group")."""
    if subj is None:
        return False
    if _named_service(subj, s):
        return True
    owners = [c for c in subj.children if c.dep_ == "poss"]
    # (oc2, s36) or named for the people it serves: "the carers' centre", "the men's shed" (a plural of people with
    # "the" as the owner; not an outside body's: "the council's hub")
    if owners and all(o.tag_ == "NNS" and not word_in(o, s["bodies"]) for o in owners):
        return word_in(subj, s["agents"]) and any(c.dep_ == "det" and c.lower_ in s["name_dets"]
                                                for o in owners for c in o.children)
    return word_in(subj, s["agents"]) and not owners and any(c.dep_ == "det" and c.lower_ in s["name_dets"]
                                                           for c in subj.children)


def _it_ranked(obj, verb, s: dict) -> bool:
    """(oc2, s35) "... had the worst incident record in the region; my team turned it around": a pronoun for a
    thing the sentence has ranked or measured before the verb (a superlative, or a word of ``turn_measures``)."""
    if obj.dep_ != "dobj" or obj.lower_ not in s["turn_pronouns"]:
        return False
    return any(t.tag_ in s["rank_tags"] or word_in(t, s["turn_measures"]) for t in verb.sent if t.i < verb.i)


def _turned_around(verb, s: dict):
    """(oc2, s34) "we turned the east end around", "the student support team turned around the retention figures",
    "our charity turned around the way probation handles housing": a verb of turning with "around"/"round", its
    subject us or one of our kinds of service (not someone else's), its object a shared place, measure or an outside
    body's way of acting. The object, or None ("we turned the chairs around", "we turn referrals around in a day")."""
    if not word_in(verb, s["turn_verbs"]):
        return None
    part = next((c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in s["turn_particles"]), None)
    if part is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (_our_causer(verb, s) or _named_service(subj, s) or (word_in(subj, s["agents"]) and not any(
            c.dep_ == "poss" for c in subj.children))):
        return None
    # (the object read as an adverbial noun: "turned around | the way the landlord deals with damp")
    objs = [c for c in verb.children if c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.i > part.i] + [
        g for g in part.children if g.dep_ == "pobj"]
    return next((o for o in objs if _shared_turned(o, s) or _it_ranked(o, verb, s)), None)


@check("credit_causative")
def credit_causative(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """(oc29) We, or something of ours, as the one who made an outside body act (a verb of making someone do
    something: get, make, persuade, push ...; its object a council, trust, ICB ...; and what the body did): the
    writer takes the credit for a change the body made. "We asked the council to ...", "we worked with the trust
    to ...", "we persuaded 14 employers to ..." (not a body) pass."""
    s = derived(rule, _causative_settings)
    if not (ctx.lemma_set & (s["verbs"] | s["change_verbs"] | s["exist_verbs"] | s["map_verbs"] | s["turn_verbs"])
            or ctx.lower_set & (s["because_marks"] | s["cause_heads"])):
        return []
    T = _toks(doc)
    if s["singular"] and ctx.lower_set & s["singular"] and not any(t.is_quote for t in T):
        # (oc35) the writer alone as us, in a text that quotes nobody ("I got the landlord to fix the damp")
        s = {**s, "provider": s["provider"] | s["singular"]}
    out: list[Candidate] = []
    for verb in T:
        turned = _turned_around(verb, s) if verb.pos_ == "VERB" else None
        if turned is not None and not _blocked(ctx, verb, T):
            out.append(Candidate(rule, verb.i, max(turned.right_edge.i, verb.i) + 1, verb.i))
            continue
        cause = (_exists_because_of_us(verb, s) or _body_acted_because_of_us(verb, s)) if verb.pos_ == "VERB" else None
        # (a denial in the clause of cause is still our doing: "because we would not let it drop")
        if cause is not None and not _blocked(ctx, verb, T) and not ctx.hedged(cause):
            out.append(Candidate(rule, verb.i, cause.i + 1, verb.i))
            continue
        if verb.pos_ != "VERB" or not (word_in(verb, s["verbs"]) or word_in(verb, s["change_verbs"]) or word_in(
                verb, s["map_verbs"])) or not (_our_causer(verb, s) or (word_in(verb, s["map_verbs"]) and _service_subject(
                next((c for c in verb.children if c.dep_ == "nsubj"), None), s))):
            continue  # (oc2, s35) "the Recovery College put co-production on the map": a named service, on the map
        moved = _moved_body(verb, s) if word_in(verb, s["verbs"]) else None
        if moved is None:
            done = (_made_happen(verb, s) or _made_place_better(verb, s)) if word_in(verb, s["verbs"]) else (
                _changed_body(verb, s) or _put_on_map(verb, s))
            moved = None if done is None else (None, done)
        if moved is None or _blocked(ctx, verb, T):
            continue
        if any(c.dep_ == "aux" and c.lower_ in W.future_aux for c in verb.children):
            continue  # (oc35) "I will be pressing ministers to ...": a promise to press, no change made yet
        if moved[0] is not None and any(c.dep_ == "poss" and c.lower_ in s["singular"] for c in moved[0].children):
            continue  # (oc35) "I got my landlord to fix the damp": a person's own landlord, in their own story
        out.append(Candidate(rule, verb.i, moved[1].i + 1, verb.i))
    return out


def _focus_ours(focus: list, s: dict) -> bool:
    """(oc35) The focus of a cleft is ours: "we", "us", "our ...", "my ...", or "this"/"these" on one of our kinds
    of body ("this administration", "this commissioning team"); not "this year", "the council"."""
    if any(t.lower_ in s["provider_words"] for t in focus):
        return True
    if bool(focus) and focus[0].lower_ in s["name_dets"]:
        # (oc2, s36) one of our kinds of body with "the", no one else's ("it was the day centre, and nobody else,
        # that ..."); "the council", "the trust" are outside bodies
        nouns = [t for t in focus[1:] if t.pos_ in ("NOUN", "PROPN")]
        return bool(nouns) and word_in(nouns[-1], s["service_focus"]) and not any(word_in(t, s["not_named"]) for t in focus)
    return bool(focus) and focus[0].lower_ in s["own_dets"] and any(
        t.pos_ == "NOUN" and (t.lower_ in s["own_bodies"] or t.lemma_.lower() in s["own_bodies"]) for t in focus[1:])


@check("contrast_cleft")
def contrast_cleft(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """(oc35) A cleft whose focus is ours and is set against everyone else: "it was this administration, not the
    last one, that cleared the backlog", "it was us, not the council, who got the trust to ...", "it was our team,
    and nobody else, that brought ...". Read on the surface (the small model hangs the relative clause on the
    contrasted noun): "it" + a form of "be", the focus up to a comma, the contrast ("not ...", "... else",
    "alone"), then "that"/"who" and a verb of its own. The contrast denies the others any share of what was done.
    "It was our team that ran the stall" (no contrast) and "it was the council, not us, that ..." (not ours) pass;
    so do a denial, a hedge, a condition, an aim and a question on the verb."""
    s = derived(rule, all_option_words)
    if not (ctx.lower_set & s["expletives"] and ctx.lower_set & (s["contrast_words"] | s["sole_words"])):
        return []
    T = _toks(doc)
    out: list[Candidate] = []
    for it in T:
        if it.lower_ not in s["expletives"] or it.i + 2 >= len(doc):
            continue
        cop = doc[it.i + 1]
        if cop.lemma_.lower() not in s["copulas"] or cop.sent != it.sent:
            continue
        end = it.sent.end
        rel = next((t for t in doc[cop.i + 2:min(end, cop.i + 16)] if t.lower_ in s["relatives"]), None)
        if rel is None or rel.i + 1 >= end:
            continue
        between = list(doc[cop.i + 1:rel.i])
        if not between or between[0].lower_ in s["denials"]:
            continue  # "it was not us that ..."
        cut = next((k for k, t in enumerate(between) if (t.is_punct and t.tag_ not in W.word_joining_tags)
                    or t.lower_ in s["contrast_words"]
                    or t.lower_ in s["conjunctions"]), len(between))
        focus, rest = between[:cut], between[cut:]
        contrast = any(t.lower_ in s["contrast_words"] for t in rest) or any(t.lower_ in s["sole_words"] for t in rest)
        if not focus or not rest or not contrast or not _focus_ours(focus, s):
            continue
        verb = next((t for t in doc[rel.i + 1:min(end, rel.i + 4)] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.tag_ not in W.claim_finite_tags or _blocked(ctx, verb, T):
            continue
        if verb.lemma_.lower() in s["copulas"] or any(c.dep_ == "neg" for c in verb.children):
            continue
        out.append(Candidate(rule, it.i, verb.i + 1, verb.i))
    return out
