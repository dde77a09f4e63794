"""Check ``credited_cause``: a person's outcome given a cause of ours in a clause of cause.

Read from the structure of the sentence, not from a phrase (issue 15 part 2): a main clause whose subject is
one of the people we support (a name, a people noun, "he" or "she", or something of theirs: "Priya's eating
disorder") and which states an outcome (an outcome term, or a verb of keeping, passing or recovering), with a clause or phrase of cause hanging from its verb ("because ...", "because of ...",
"thanks to ...", "through ...") that names us: "our", "we", a role or service of ours ("her youth worker", "the
befriending sessions") or a service's name ("the Listening Post"). "Jodie kept her place at college because her
youth worker met her every week" claims that we kept her there. Negated, hedged, conditional, aimed and
questioned clauses pass, and so does a main clause with no outcome ("she left the course because our sessions
clashed with her shifts").
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import Candidate, Terms, _toks, check, derived, names_period, option_words
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    return derived(rule, lambda o: dict(
        outcomes=list(o.get("outcomes") or []),
        people=option_words(o.get("people")),
        person_pronouns=option_words(o.get("person_pronouns")),
        agents=option_words(o.get("agents")),
        providers=option_words(o.get("provider_words")),
        not_named=option_words(o.get("not_named")),
        cause_marks=option_words(o.get("cause_marks")),
        cause_heads=option_words(o.get("cause_heads")),
        cause_deps=option_words(o.get("cause_deps")),
        achieve_verbs=option_words(o.get("achieve_verbs")),
        outcome_words=option_words(o.get("outcome_words")),
        denials=option_words(o.get("denial_words")),
        subject_deps=option_words(o.get("subject_deps")),
        help_preps=option_words(o.get("help_preps")),
        help_nouns=option_words(o.get("help_nouns")),
    ))


def _person(np, s: dict) -> bool:
    """One of the people we support, or something of theirs ("Priya's eating disorder", "his drinking")."""
    if np is None:
        return False
    low, lemma = np.lower_, np.lemma_.lower()
    if low in s["person_pronouns"] or lemma in s["people"] or low in s["people"]:
        return True
    if low in s["agents"] or lemma in s["agents"] or low in s["providers"]:
        return False
    if any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ in s["providers"] for g in c.children)
           for c in np.children):
        return True  # "the apprentices we coached"
    if np.pos_ in ("PROPN", "NOUN") and (np.tag_ == "NNP" or (np.is_title and np.tag_ == "NN")) and not any(
            c.dep_ == "det" for c in np.children):
        return True  # a name ("Derek", "Mrs O"; "Grace", which the small model reads as a noun; not "Referrals")
    return np.pos_ == "NOUN" and any(c.dep_ == "poss" and (c.tag_ == "NNP" or c.lower_ in W.people_possessives)
                                     for c in np.children)


def _ours(toks, s: dict) -> bool:
    """Does the clause of cause name us ("our", "we", a role or service of ours, a service's name)?"""
    for t in toks:
        if t.lower_ in s["providers"]:
            return True
        if t.pos_ == "NOUN" and (t.lemma_.lower() in s["agents"] or t.lower_ in s["agents"]):
            return True
        if t.pos_ == "PROPN" and t.is_title and t.lower_ not in s["not_named"] and any(
                c.dep_ == "det" for c in t.children):
            return True  # "the Listening Post", "the Shed"
    return False


def _causes(verb, s: dict):
    """The clauses and phrases of cause hanging from ``verb``, each as its tokens: "because her worker met her",
    "because of the sessions", "thanks to her befriender"."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in s["cause_marks"] for m in c.children):
            yield list(c.subtree)
        elif c.dep_ in s["cause_deps"] and c.lower_ in s["cause_heads"]:
            yield list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in s["help_preps"] and any(
                g.dep_ == "pobj" and g.lemma_.lower() in s["help_nouns"] for g in c.children):
            yield list(c.subtree)  # (o21) "with our help, students stay on their courses"


def _states_outcome(verb, cause_ids: set[int], s: dict, terms: Terms) -> bool:
    """Does the main clause (without the clause of cause) state an outcome: a verb of keeping, passing or
    recovering, or an outcome word or term ("no longer feels alone", "is in remission")?"""
    if verb.lemma_.lower() in s["achieve_verbs"]:
        return True
    clause = [t for t in verb.subtree if t.i not in cause_ids]
    if any(t.lower_ in s["outcome_words"] or t.lemma_.lower() in s["outcome_words"] for t in clause):
        return True
    return any(terms.covers(name, t.i) for t in clause for name in s["outcomes"])


def _denied(verb, s: dict) -> bool:
    """A "not" or "never" on the verb denies the outcome ("no longer feels alone" states one)."""
    return any(c.dep_ == "neg" and c.lower_ in s["denials"] for c in verb.children)


@check("credited_cause")
def credited_cause(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    if not (ctx.lower_set & (s["cause_marks"] | s["cause_heads"] | s["help_preps"])):
        return []
    out: list[Candidate] = []
    for verb in _toks(doc):
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj"):
            continue
        cause = next((c for c in _causes(verb, s) if _ours(c, s)), None)
        if cause is None:
            continue
        subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
        if not _person(subj, s) or _denied(verb, s):
            continue
        if not _states_outcome(verb, {t.i for t in cause}, s, terms):
            continue
        if cause[0].lower_ in s["help_preps"] and verb.lemma_.lower() not in s["achieve_verbs"]:
            continue  # (o21) "with our help" credits a kept or reached outcome, not a step taken ("filled in a form")
        if ctx.question(verb) or ctx.conditional(verb) or ctx.aim(verb):
            continue
        out.append(Candidate(rule, min(t.i for t in cause), max(t.i for t in cause) + 1, verb.i))
    return out


def _with_words(rule: Rule) -> dict:
    """:func:`_settings`, and every other list option of the rule as a lower-cased word set under its own name
    ('copulas', 'counterfactual_modals'): one home for the cleft and counterfactual checks' settings."""
    return derived(rule, lambda o: {**{k: option_words(v) for k, v in o.items() if isinstance(v, list)},
                                    **_settings(rule)})


def _ours_focus(np, s: dict) -> bool:
    """The focus of a cleft or the subject of "is what / is why / is the reason" is ours: "our", "we", "us" in it
    ("our peer worker", "working with us"), a role or service with a determiner ("the carers' group"), a
    service's name ("the Men's Shed"), or taking part in something ("joining the pottery group")."""
    clauses = {t.i for c in np.children if c.dep_ in W.credit_clause_deps for t in c.subtree}
    if _ours([t for t in np.subtree if t.i not in clauses], s):
        return True
    return np.tag_ == "VBG" and np.lemma_.lower() in s["taking_part_verbs"]


def _persons_object(verb, s: dict) -> bool:
    """A person as what the verb acts on: "kept Maureen going", "got him clean", "lifted Edna's depression",
    "allowed Sam to rebuild ...", "got Dev sober"."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in W.credit_person_deps and (
                c.lower_ in s["object_pronouns"] or c.tag_ == "NNP" or c.lemma_.lower() in s["people"]):
            return True
        if c.dep_ == "dobj" and any(g.dep_ == "poss" and (g.tag_ == "NNP" or g.lower_ in W.people_possessives
                                                          or g.lemma_.lower() in s["people"]) for g in c.children):
            return True
        if c.dep_ in W.credit_complement_deps and any(
                g.dep_ in ("nsubj", "compound") and (g.tag_ == "NNP" or g.lower_ in s["object_pronouns"]
                                                    or g.lemma_.lower() in s["people"]) for g in c.children):
            return True
    return False


def _persons_outcome(clause, s: dict, terms: Terms) -> bool:
    """A clause about a person that states an outcome: "he stayed out of hospital", "these young people are
    still here", "one man did not end his life", "Mr Lee finally accepted treatment for his psychosis"."""
    subj = next((c for c in clause.children if c.dep_ in s["subject_deps"]), None)
    if not _person(subj, s):
        return False
    if clause.lemma_.lower() in s["achieve_verbs"] or clause.lemma_.lower() in s["result_verbs"]:
        return True
    if any(c.dep_ in ("advmod", "neg") and c.lower_ in s["state_words"] for c in clause.children):
        return True
    toks = list(clause.subtree)
    if any(t.lower_ in s["outcome_words"] or t.lemma_.lower() in s["outcome_words"] for t in toks):
        return True
    return any(terms.covers(name, t.i) for t in toks for name in s["outcomes"])


def _ours_head(np, s: dict) -> bool:
    """(o22) The noun phrase's head is ours ("we", "our petition", "the advocates"), not only a word before it ("staff
    shortages")."""
    return _ours([np], s) or any(c.dep_ == "poss" and c.lower_ in s["providers"] for c in np.children)


def _bodys_act(clause, s: dict) -> bool:
    """(o22) A clause in which a public body or service acts ("the council finally agreed to a transit site", "the
    ward changed its visiting policy"): its subject a body's noun (``bodies``), its verb a finite one that is not
    negated. Given a cause of ours ("we were the reason ..."), the writer takes the credit for what the body did."""
    subj = next((c for c in clause.children if c.dep_ in s["subject_deps"]), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or not (
            subj.lower_ in s["bodies"] or subj.lemma_.lower() in s["bodies"]):
        return False
    if any(c.dep_ == "neg" for c in clause.children) or clause.pos_ not in ("VERB", "AUX"):
        return False
    return clause.tag_ in W.finite_tags or any(c.dep_ in ("aux", "auxpass") for c in clause.children)


@check("cleft_credit")
def cleft_credit(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _with_words(rule)
    if not (ctx.lemma_set & s["copulas"]) or not (
            ctx.lower_set & (s["focus_pronouns"] | s["reason_nouns"] | s["reason_adverbs"])):
        return []  # (no "that", "what", "who", "why" or "reason": no cleft or reason frame to read)
    out: list[Candidate] = []
    for cop in _toks(doc):
        if cop.lemma_.lower() not in s["copulas"] or cop.pos_ not in ("AUX", "VERB"):
            continue
        subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        attr = next((c for c in cop.children if c.dep_ == "attr"), None)
        claimed = None
        if subj is not None and subj.lower_ in s["expletives"] and attr is not None and _ours_focus(attr, s):
            # "it was the carers' group that kept Maureen going"
            v = next((c for c in [*attr.children, *cop.children] if c.dep_ in ("relcl", "ccomp") and any(
                g.dep_ == "nsubj" and g.lower_ in s["focus_pronouns"] for g in c.children)), None)
            if v is not None and v.lemma_.lower() in s["result_verbs"] and _persons_object(v, s):
                claimed = v
        elif subj is not None and _ours_focus(subj, s):
            for c in cop.children:
                if c.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" and g.lower_ in s["focus_pronouns"]
                                                        for g in c.children):
                    # "the Men's Shed is what has kept him that way"
                    if c.lemma_.lower() in s["result_verbs"] and _persons_object(c, s):
                        claimed = c
                elif c.dep_ in ("ccomp", "advcl") and any(g.dep_ == "advmod" and g.lower_ in s["reason_adverbs"]
                                                          for g in c.children):
                    # "our outreach worker is why Mr Lee finally accepted treatment"; (oc2 s33) as with "the reason",
                    # a body's act ("our petition is why the council reopened the library")
                    if _persons_outcome(c, s, terms) or (_bodys_act(c, s) and _ours_head(subj, s)):
                        claimed = c
                elif c.dep_ == "attr" and c.lemma_.lower() in s["reason_nouns"]:
                    # "our peer worker is the reason he stayed out of hospital"
                    clause = next((g for g in c.children if g.dep_ in W.credit_clause_deps), None)
                    if clause is not None and (_persons_outcome(clause, s, terms) or (
                            _bodys_act(clause, s) and _ours_head(subj, s))):
                        claimed = clause
                if claimed is not None:
                    break
        if claimed is None or _denied(cop, s):
            continue
        out.append(Candidate(rule, min(cop.i, claimed.i), max(cop.i, claimed.i) + 1, cop.i))
    return out


def _governed_away(verb, s: dict, within: frozenset[int] = frozenset()) -> bool:
    """Is the counterfactual inside a denial ("we are not able to show that ... would have been"), a question
    ("whether people would have been admitted"), a hedge ("it seems likely that ...") or a person's own words ("Mr Evans says he would not be alive
    ...")?"""
    cur = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in s["doubt_marks"] for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.head.i in within:
            return False  # (the negated condition the parser made the head is the claim's own "not")
        cur = cur.head
        if any(c.dep_ == "neg" for c in cur.children):
            return True
        if cur.lemma_.lower() in s["doubt_governors"] or any(
                c.dep_ == "acomp" and c.lower_ in s["doubt_governors"] for c in cur.children):
            return True  # "it seems likely that some students would have ..."
        if cur.lemma_.lower() in s["reporting_verbs"] and not any(
                c.dep_ in s["subject_deps"] and c.lower_ in s["providers"] for c in cur.children):
            return True
    return False


def _counterfactual_cause(verb, s: dict):
    """The phrase or clause that takes us away: "without our worker", "but for the helpline", "if it were not for
    the drop-in", "were it not for our service", "had our nurse not visited", "if we had not been there", "if he
    had not found the Shed" (a negated condition, "if" or inverted, that names us anywhere in it)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in s["counterfactual_preps"] and (
                _ours(list(c.subtree), s) or _service_name(list(c.subtree), s) or _our_means(c.subtree, s)):
            return list(c.subtree)
        if c.dep_ == "advcl" and c.lemma_.lower() in s["left_verbs"] and c.tag_ == "VBN" and not any(
                g.dep_ in s["subject_deps"] for g in c.children) and (any(
                t.lower_ in s["alone_words"] for t in c.subtree) and _ours(list(c.sent), s) or any(
                g.dep_ == "prep" and g.lower_ in s["counterfactual_preps"] and _ours(list(g.subtree), s)
                for g in c.children)):
            return list(c.subtree)  # (m26) "Left to statutory services alone, ...", "Left without our help, ..."
        if c.dep_ == "advmod" and c.lower_ in s["otherwise_words"] and (
                _ours(list(verb.sent), s) or _counted_who(verb) or _counted_who(verb, s["none_words"])) and (any(
                g.dep_ == "aux" and g.lower_ in W.have_forms for g in verb.children) or (
                verb.tag_ == "VBG" and any(g.dep_ == "aux" and g.lower_ in W.be_forms for g in verb.children))):
            # (o23) "(of the people we saw,) most would otherwise have ended up in A&E": what would have happened
            # ("most people would otherwise wait six weeks, so we offer ..." says why we offer something)
            # (oc2, s35) or what would be going on now: "the women at the hub would otherwise be sleeping in cars"
            return [c]
        if c.dep_ in ("prep", "conj") and c.lower_ in s["for_words"] and c.i > 0 and c.doc[c.i - 1].lower_ in s[
                "for_openers"] and _ours(list(c.subtree), s):
            return list(c.subtree)  # "but for the night-time helpline"
        if c.dep_ in W.counterfactual_clause_deps and _ours_ended(c, s):
            return list(c.subtree)  # (o23) "had the college closed in 2024, ...": a condition that takes us away
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in s["absence_words"] and any(
                o.dep_ == "prep" and _ours(list(o.subtree), s) for o in g.children) for g in c.children):
            return list(c.subtree)  # (m26) "in the absence of our service"
        if c.dep_ in W.counterfactual_clause_deps or c.dep_ in s["condition_deps"]:
            taken = _taken_away(c, s)
            if taken is not None:
                return taken
        if c.dep_ not in W.counterfactual_clause_deps or not any(g.dep_ == "neg" for g in c.children):
            continue
        if any(g.dep_ == "auxpass" for g in c.children) and c.lower_ not in s["state_participles"]:
            continue  # "if the pilot had not been extended": something done to us, not what we did
        inverted = c.doc[c.left_edge.i].lower_ in s["inverted_auxiliaries"]
        if (inverted or any(g.dep_ == "mark" and g.lower_ in s["if_marks"] for g in c.children)) and (_ours(
                list(c.subtree), s) and not _others_act(list(c.subtree), s) or _backed_us(c, s)):
            return list(c.subtree)
    return _opening_condition(verb, s)


def _taken_away(clause, s: dict):
    """(m26) A condition read by its structure, wherever the parser hangs its verb: it opens with "if" or an
    inverted "had"/"were" ("Had the recovery college closed", "had the home treatment team not existed", "Were the
    sanctuary service to close", "Had we declined the referral") and a verb in it (the clause's own or the clause
    it frames) either is negated or ends or refuses something (not both: "had the college not closed" kept us),
    with a subject that is ours (a service or role of ours, a service's name). Not something done to us ("had the
    pilot not been extended")."""
    inverted = clause.lower_ in s["inverted_auxiliaries"] or clause.doc[clause.left_edge.i].lower_ in s[
        "inverted_auxiliaries"]
    if not (inverted or any(g.dep_ == "mark" and g.lower_ in s["if_marks"] for g in clause.children)):
        return None
    own = next((g for g in clause.children if g.dep_ in s["subject_deps"]), None)
    verbs = [clause, *(g for g in clause.children if g.dep_ in s["condition_deps"] or g.dep_ in
                       W.counterfactual_clause_deps)]
    if own is not None:  # "Were the club to close": the parser may hang "to close" on the subject
        verbs.extend(g for g in own.children if g.dep_ in s["condition_deps"] and g.pos_ == "VERB")
    for v in verbs:
        subj = next((g for g in v.children if g.dep_ in s["subject_deps"]), None) or own
        if subj is None or not (_ours(list(subj.subtree), s) or _service_name(list(subj.subtree), s)):
            continue
        if any(g.dep_ == "auxpass" for g in v.children) and v.lower_ not in s["state_participles"]:
            continue
        if any(g.dep_ == "neg" for g in (*v.children, *clause.children)):
            if v.lemma_.lower() not in s["ending_verbs"]:
                return list(clause.subtree)
        elif v.lemma_.lower() in s["ending_verbs"] and (inverted or any(
                g.dep_ == "aux" and g.lower_ in W.have_forms for g in v.children)):
            return list(clause.subtree)  # "had we declined", "were the club to close"; not "if the club closed"
    return None


def _our_means(toks, s: dict) -> bool:
    """(m26) What we are paid or given to run, taken away: "without this grant", "without the step-down flats",
    "if not for the outreach van" (a determiner or "our" on a word of ``means_words``)."""
    return any(t.dep_ == "pobj" and t.lemma_.lower() in s["means_words"] and any(
        g.dep_ in ("det", "poss") for g in t.children) for t in toks)


def _opening_condition(verb, s: dict):
    """(o22) The condition read on the surface when the parser hangs it elsewhere (it often makes "Had our nurses not
    been out ..." or "Were it not for our team" the root and the clause with "would" its dependent): the
    sentence opens with a condition ("if", an inverted "had" or "were", "but for", "without") that runs to the first
    comma before the verb, is negated (or is "but for" or "without") and names us."""
    doc = verb.doc
    start = verb.sent.start
    comma = next((t.i for t in doc[start:verb.i] if t.is_punct and t.lower_ == ","), None)
    if comma is None or comma - start < 2:
        return None
    toks = list(doc[start:comma])
    first, second = toks[0].lower_, toks[1].lower_
    if first in s["for_openers"] and second in s["for_words"] or first in s["counterfactual_preps"]:
        if first in s["counterfactual_preps"] and _service_name(toks, s):
            return toks  # (o23) "Without Harbour House, ..."
        # "But for our outreach workers, ..."; "Without our team, ..."; (o23) "Absent our team, ..." (read as a verb)
    elif not ((first in s["if_marks"] or first in s["inverted_auxiliaries"]) and any(t.dep_ == "neg" for t in toks)):
        return None
    if any(t.dep_ == "auxpass" and t.head.lower_ not in s["state_participles"] for t in toks):
        return None  # ("had the pilot not been extended"; not "had our worker not been involved")
    if not (_ours(toks, s) or _our_means(toks, s)) or _others_act(toks, s):
        return None
    return toks


def _backed_us(clause, s: dict) -> bool:
    """(o24) A condition in which someone else did not fund, commission or refer to us ("had the PCN not commissioned
    us", "if the council had not funded our service"): what we did, taken away. The object is us or a service of
    ours by its head ("us", "our service"), not a thing of ours ("had the council not cut our funding")."""
    if clause.lemma_.lower() not in s["backing_verbs"]:
        return False
    return any(g.dep_ == "dobj" and (g.lower_ in s["providers"] or (g.lemma_.lower() in s["agents"] and any(
        d.dep_ == "poss" and d.lower_ in s["providers"] for d in g.children))) for g in clause.children)


def _modal_perfect(verb, s: dict) -> bool:
    """(o24) "would have + past participle" or "would be + -ing" ("would have been evicted", "would now be facing"):
    a definite statement of what would have happened, not "would find" or "would struggle"."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if not any(c.lower_ in s["counterfactual_modals"] for c in auxes):
        return False
    if verb.tag_ == "VBN":
        return any(c.lower_ in W.have_forms for c in auxes)
    return verb.tag_ == "VBG" and any(c.lemma_.lower() in s["copulas"] for c in auxes)


def _wider_subject(verb, subj, cause_ids: set[int], s: dict, terms: Terms) -> bool:
    """(o24) With a condition that takes us away and a modal perfect, the subject need not be a person: a body or a
    team ("the council would have faced 30 more applications", "the local crisis team would have been
    overwhelmed"), a quantity of anything ("none of these appeals would have succeeded"), "the outcome". Said of us
    ("we would have lost at least one skipper", "we would be looking at far more young people in crisis"), the
    clause must name people or an outcome; "we would have had to close the café" is about us."""
    if subj is None or subj.lower_ in s["expletives"] or subj.lower_ in s["empty_subjects"] or subj.pos_ == "PRON" and (
            subj.lower_ not in s["providers"]):
        return False
    if subj.lower_ not in s["providers"]:
        # (m26) a service that is not ours overwhelmed ("the crisis line would have been swamped")
        return not _ours(list(subj.subtree), s) or verb.lemma_.lower() in s["pressure_verbs"] and not any(
            t.lower_ in s["providers"] for t in subj.subtree)
    clause = [t for t in verb.subtree if t.i not in cause_ids and t.i != subj.i]
    if verb.lemma_.lower() in s["loss_verbs"] and any(c.dep_ == "prep" and c.lower_ in s["loss_preps"]
                                                       for c in verb.children):
        return True  # "we would have lost at least one skipper to suicide"
    return any(t.lemma_.lower() in s["people"] or t.lower_ in s["people"] for t in clause) or any(
        terms.covers(name, t.i) for t in clause for name in s["outcomes"])


def _ours_ended(clause, s: dict) -> bool:
    """(o23) A condition in which something of ours ends, in the past perfect, inverted or after "if" ("Had the college
    closed in 2024", "if our drop-in had shut that winter"): what would have happened without us."""
    if clause.lemma_.lower() not in s["ending_verbs"] or any(g.dep_ in ("neg", "auxpass") for g in clause.children):
        return False
    if not any(g.dep_ == "aux" and g.lower_ in s["inverted_auxiliaries"] for g in clause.children):
        return False
    subj = next((g for g in clause.children if g.dep_ in s["subject_deps"]), None)
    return subj is not None and subj.i < clause.i and (_ours(list(subj.subtree), s) or _service_name(
        list(subj.subtree), s))


def _service_name(toks, s: dict) -> bool:
    """(o23) A name of two or more capitalised words ending in a service's noun, and no one else's ("Harbour House",
    "the Moorside Crisis Hub"; not "Universal Credit"): in a counterfactual, a service taken away."""
    names = [t for t in toks if t.pos_ == "PROPN" and t.is_title and t.i != t.sent.start]
    if len(names) < 2 or any(t.lower_ in s["not_named"] or t.lemma_.lower() in s["not_named"] for t in toks):
        return False
    return any(a.i + 1 == b.i and b.lower_ in s["agents"] for a, b in zip(names, names[1:]))


def _others_act(toks, s: dict) -> bool:
    """(o22) Is the condition what someone else did ("had the council not cut our funding"): a subject in it that is
    neither ours, nor the person ("if he had not found the Shed"), nor the empty "it" of "if it were not for"?"""
    return any(t.dep_ == "nsubj" and t.lower_ not in s["expletives"] and not _person(t, s)
               and not _ours(list(t.subtree), s) for t in toks)


def _counterfactual_subject(subj, s: dict, terms: Terms) -> bool:
    """A person or people we support ("this father", "Rhys", "none of these young people", "most of these
    families"), not us; or an outcome ("the waiting list", "a hospital admission")."""
    if subj is None or subj.lower_ in s["providers"]:
        return False
    of_people = any(c.dep_ == "prep" and g.dep_ == "pobj" and (g.lemma_.lower() in s["people"] or _plural_others(
        g, s) and (subj.lower_ in s["none_words"] or subj.pos_ == "NUM")) for c in subj.children for g in c.children)
    if subj.lower_ in s["none_words"] and not of_people:
        # (o23) the people named before the quantity ("Of the 940 people we saw, the majority would ...")
        of_people = any(c.dep_ == "prep" and c.i < subj.i and g.dep_ == "pobj" and g.lemma_.lower() in s["people"]
                        for c in subj.head.children for g in c.children)
    if subj.lower_ in s["none_words"] or subj.pos_ == "NUM" and subj.dep_ in s["subject_deps"] or of_people:
        # "most of these families", (o22) any quantity of them: "a dozen of the people we saw", "a lot of people"
        return of_people
    if _person(subj, s) or (subj.is_title and subj.pos_ in W.noun_propn_pron and not _ours([subj], s)):
        return True
    if _plural_others(subj, s) and any(c.dep_ == "nummod" or (c.dep_ in ("amod", "det") and c.lower_ in s[
            "none_words"]) for c in subj.children):
        return True  # (oc2, s36) a count or a quantity of people not ours: "several drivers who came to the clinic"
    if subj.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in s["more_words"] for c in subj.children):
        return not _ours(list(subj.subtree), s)  # (o23) "more farms would have gone under", "fewer families"
    return not _ours(list(subj.subtree), s) and any(
        terms.covers(name, t.i) for t in subj.subtree for name in s["outcomes"])


def _plural_others(noun, s: dict) -> bool:
    """(m26) "six of our regulars", "four of the lads", "some of our older neighbours": a plural noun after a quantity
    that is not a role or service of ours ("most of our volunteers")."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() not in s["agents"] and noun.lower_ not in s["agents"]


def _counterfactual_verb(verb, s: dict) -> bool:
    """A verb with "would" ("would not be alive"), or a copula whose complement says the outcome was bound to
    happen ("an admission was inevitable")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in s["counterfactual_modals"] for c in verb.children) or (
        verb.lemma_.lower() in s["copulas"] and any(
            c.dep_ == "acomp" and c.lower_ in s["bound_words"] for c in verb.children))


def _counted_who(verb, quantities: frozenset = frozenset()) -> bool:
    """(oc36) A counted number of people as the one of whom "would otherwise" is said ("40 families who would
    otherwise have been sleeping rough"): a count of what would have happened, whoever's help it credits (a donor's
    "your gifts meant that ...")."""
    subj = next((c for c in verb.children if c.dep_ in W.nsubj_nsubjpass_csubj), None)
    if subj is not None and subj.tag_ in W.relative_tags and verb.dep_ == "relcl":
        subj = verb.head
    if subj is not None and subj.pos_ == "NUM" and subj.like_num and any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children) for c in subj.children):
        return True  # (oc2, s36) a count of some of them: "eleven of the people I saw would otherwise have been ..."
    # (oc2, s36) or a quantity of them ("several riders who joined would otherwise have lost ...")
    return subj is not None and subj.pos_ == "NOUN" and any(
        c.dep_ == "nummod" or (c.dep_ in ("amod", "det") and c.lower_ in quantities) for c in subj.children)


@check("counterfactual_credit")
def counterfactual_credit(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _with_words(rule)
    if ctx.lower_set & s["removal_verbs"] and ctx.lower_set & s["removal_particles"]:
        taken = _take_away(rule, doc, ctx, s, terms)
        if taken:
            return taken
    if not (ctx.lower_set & (s["counterfactual_modals"] | s["bound_words"])) or not (
            ctx.lower_set & (s["counterfactual_preps"] | s["if_marks"] | s["inverted_auxiliaries"] | s["for_words"]
                             | s["otherwise_words"] | s["absence_words"] | s["alone_words"])):
        return []
    out: list[Candidate] = []
    for verb in _toks(doc):
        if not _counterfactual_verb(verb, s):
            continue
        subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
        if subj is not None and subj.lower_ in s["relative_subjects"] and verb.dep_ == "relcl":
            subj = verb.head  # (m26) "Eleven participants who would otherwise have been admitted ..."
        person = _counterfactual_subject(subj, s, terms)
        if not person and not _modal_perfect(verb, s) and verb.lemma_.lower() not in s["pressure_verbs"]:
            continue
        cause = _counterfactual_cause(verb, s)
        if cause is None and verb.dep_ == "conj":
            cause = _counterfactual_cause(verb.head, s)  # (m26) "..., the line would be overwhelmed and people would die"
        if cause is None or ctx.question(verb) or _governed_away(verb, s, frozenset(t.i for t in cause)):
            continue  # ("would" is itself read as a hedge: not asked here)
        if not person and not _wider_subject(verb, subj, {t.i for t in cause}, s, terms):
            continue
        toks = [*cause, verb]
        out.append(Candidate(rule, min(t.i for t in toks), max(t.i for t in toks) + 1, verb.i))
    return out


def _take_away(rule: Rule, doc, ctx: Context, s: dict, terms: Terms) -> list[Candidate]:
    """(m26) "Take away the peer support workers and this cohort goes straight back ...", "Take our link worker out
    of the picture and Grace would have been discharged ...": an imperative that takes something of ours away,
    joined by "and" to a clause about a person or an outcome (with or without "would")."""
    out: list[Candidate] = []
    for take in _toks(doc):
        if take.lemma_.lower() not in s["removal_verbs"] or take.tag_ != "VB" or any(
                c.dep_ in s["subject_deps"] for c in take.children):
            continue
        if not any(c.lower_ in s["removal_particles"] for c in take.children):
            continue
        obj = next((c for c in take.children if c.dep_ == "dobj"), None)
        if obj is None or not (_ours(list(obj.subtree), s) or _service_name(list(obj.subtree), s)):
            continue
        for verb in (c for c in take.children if c.dep_ == "conj" and c.i > obj.i):
            subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
            if not _counterfactual_subject(subj, s, terms) or ctx.question(verb):
                continue
            out.append(Candidate(rule, take.i, verb.i + 1, verb.i))
    return out


def _change_subject(subj, s: dict) -> bool:
    """(o24) A subject that names a change or a result ("the reduction in crisis presentations", "the borough's
    improved figures", "every recovery story", "the trust meeting its access target", "greater use of ..."), not
    something we made ("this report", "the new website") and not us."""
    if subj is None or _ours_head(subj, s) or subj.lower_ in s["providers"]:
        return False
    if subj.lemma_.lower() in s["change_nouns"] or subj.lower_ in s["change_nouns"]:
        return True
    for c in subj.children:
        if c.dep_ in ("amod", "compound") and (c.lower_ in s["change_modifiers"] or c.lemma_.lower() in s[
                "change_nouns"]):
            return True
        if c.dep_ == "acl" and c.lemma_.lower() in s["reach_verbs"]:
            return True  # "the trust meeting its target"
    return subj.dep_ == "csubj" and subj.lemma_.lower() in s["reach_verbs"]  # "the ICB meeting the target"


def _credited_to_us(cop, s: dict):
    """(o24) The other side of a copula that gives the credit to us: "our work", "all our doing", "our success", "a
    result of our work", "thanks entirely to our specialists", "down to our team", "something our clinicians
    achieved". Returns the token that says so, or None."""
    for c in cop.children:
        if c.dep_ not in W.credit_frame_deps:
            continue
        lemma = c.lemma_.lower()
        if lemma in s["credit_nouns"] and any(g.dep_ == "poss" and g.lower_ in s["providers"] for g in c.children):
            return c  # "is our success", "is all our doing"
        if lemma in s["result_nouns"] and any(g.dep_ == "prep" and g.lower_ in s["of_words"] and _ours(
                list(g.subtree), s) for g in c.children):
            return c  # "is a result of our work"
        if (c.lower_ in s["thanks_words"] or c.lower_ in s["to_words"]) and any(
                g.dep_ in ("prep", "pobj") and _ours(list(g.subtree), s) for g in [c, *c.children]
                if g.lower_ in s["to_words"] or g.dep_ == "pobj"):
            return c  # "is thanks entirely to our specialists", "is down to our team"
        if c.dep_ == "attr" and any(g.dep_ == "relcl" and g.lemma_.lower() in s["reach_verbs"] and any(
                h.dep_ == "nsubj" and (h.lower_ in s["providers"] or _ours_head(h, s)) for h in g.children)
                for g in c.children):
            return c  # "is something our clinicians achieved"
    return None


@check("credit_frame")
def credit_frame(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _with_words(rule)
    if not (ctx.lemma_set & s["copulas"]) or not (ctx.lower_set & s["providers"]):
        return []
    out: list[Candidate] = []
    for cop in _toks(doc):
        if cop.lemma_.lower() not in s["copulas"] or cop.pos_ not in ("AUX", "VERB"):
            continue
        subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None or not _change_subject(subj, s):
            continue
        credit = _credited_to_us(cop, s)
        if credit is None or _denied(cop, s) or any(
                c.dep_ == "advmod" and c.lower_ in s["share_words"] for c in [*cop.children, *credit.children]):
            continue
        if any(c.dep_ == "aux" and c.lower_ in s["hedge_modals"] for c in cop.children) or _governed_away(cop, s):
            continue  # "may be a result of our work", "it is possible that ...", "we cannot say that ..."
            # (the context's own hedge reads "commissioners should recognise that ..." as one: not asked here)
        out.append(Candidate(rule, min(subj.left_edge.i, cop.i), credit.right_edge.i + 1, cop.i))
    return out


def _all_people(subj, verb, s: dict) -> bool:
    """(o24) A subject that is everyone we support: "everyone who comes", "nobody", "every young person we work
    with", "all tenants referred through the pathway", "all of the young people", "none of the families"; or
    people with "always" or "never" on the verb ("clients always complete ...", "women supported through our
    pathway never go on to ..."), or "they" after "once someone has ..."."""
    if subj is None or any(t.lower_ in s["staff_words"] or t.lemma_.lower() in s["staff_words"] for t in subj.subtree):
        return False  # "every member of staff completes ...": a process
    if any(c.dep_ == "nummod" for c in subj.children):
        return False  # "all four care leavers kept their tenancy": a count (the small-numbers rule reads it)
    low, lemma = subj.lower_, subj.lemma_.lower()
    if low in s["universal_pronouns"]:
        return True
    people = lemma in s["people"] or low in s["people"]
    if people and any(c.dep_ in ("det", "predet") and c.lower_ in s["universal_dets"] and not any(
            g.lower_ in s["softeners"] for g in c.children) and not (c.i > 0 and c.doc[c.i - 1].lower_ in (
                s["softeners"] | s["denial_words"])) for c in subj.children):
        return True
    if low in s["universal_dets"] and any(c.dep_ == "prep" and any(
            g.dep_ == "pobj" and (g.lemma_.lower() in s["people"] or g.lower_ in s["people"]) for g in c.children)
            for c in subj.children):
        return True  # "all of the young people", "none of the families"
    always = any(c.dep_ in ("advmod", "neg") and c.lower_ in s["always_words"] for c in verb.children)
    if always and people and subj.tag_ in ("NNS", "NNPS"):
        return True
    return always and low in s["person_pronouns"] and any(
        c.dep_ == "advcl" and any(g.lower_ in s["once_words"] for g in c.children) for c in verb.children)


def _outcome_predicate(verb, s: dict, terms: Terms) -> bool:
    """(o24) A predicate of a person's outcome: staying in school, sustaining a tenancy, completing a plan or a
    course, stopping self-harm, going on to develop an illness, leaving better equipped."""
    lemma = verb.lemma_.lower()
    if lemma not in s["outcome_predicates"]:
        return False
    rest = [t for t in verb.subtree if t.i > verb.i and not names_period(t)]  # (oc2, s36: not "working day")
    objects = any(t.lemma_.lower() in s["outcome_objects"] or t.lower_ in s["outcome_objects"] for t in rest)
    if lemma in s["complete_verbs"]:
        return objects  # "complete their support plans"; not "complete the wellbeing scale" or "the training"
    if lemma in s["leave_verbs"]:
        # "leaves better equipped"; not "nobody leaves without a safety plan"
        return not any(t.lower_ in s["counterfactual_preps"] for t in rest) and any(
            t.tag_ in ("JJR", "RBR") for t in rest)
    if objects or any(terms.covers(name, t.i) for t in rest for name in s["outcomes"]):
        return True
    if lemma in s["stop_verbs"] and any(c.dep_ in W.stopped_habit_deps and c.tag_ == "VBG" for c in verb.children):
        return True  # "they stop self-harming"
    return False


@check("absolute_people_outcome")
def absolute_people_outcome(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _with_words(rule)
    if not (ctx.lower_set & (s["universal_pronouns"] | s["universal_dets"] | s["always_words"])):
        return []
    out: list[Candidate] = []
    for verb in _toks(doc):
        if verb.pos_ != "VERB" or verb.tag_ in ("VBG", "VB") and not any(c.dep_ == "aux" for c in verb.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ in s["hedge_modals"] for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
        if subj is None and verb.dep_ in ("advcl", "dep") and verb.tag_ in W.finite_tags and verb.head.i < verb.i and (
                verb.head.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.head.children)):
            # the small model reads "all tenants referred through the pathway sustain ..." as "tenants referred" and
            # the real verb as its clause: the subject is the participle's
            subj = next((c for c in verb.head.children if c.dep_ in s["subject_deps"]), None)
        if subj is None and verb.dep_ == "xcomp":
            subj = next((c for c in verb.head.children if c.dep_ in s["subject_deps"]), None)  # "go on to develop"
            if subj is not None and not _all_people(subj, verb.head, s):
                continue
        elif not _all_people(subj, verb, s):
            continue
        if subj is None or not _outcome_predicate(verb, s, terms) or _denied(verb, s) or _governed_away(verb, s):
            continue
        start = min(subj.left_edge.i, verb.i)
        out.append(Candidate(rule, start, verb.i + 1, verb.i))
    return out
