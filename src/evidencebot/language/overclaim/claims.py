"""Check ``causal_claim``: a causal or attribution claim read from the structure of the clause.

Generalises by structure, not vocabulary: a claim is

* **active**: an agent (the provider: "we", "our counsellors", "the recovery
  college") as the subject of a verb from a broad class of causal verbs
  ("cured", "prevented", "improved", "got ... into") or of an efficacy
  predicate ("is effective in reducing"), with an outcome in the verb's object;
* **attribution**: an outcome (often changed: "the fall in admissions", "better
  recovery rates") as the subject of a copular or passive frame that names the
  provider as its cause ("is down to our team", "was driven by our service",
  "is the direct result of our programme"), the provider as "the reason" for an
  outcome, or a fronted cause ("Thanks to our tenancy support, families kept
  their homes").

Either is dropped when the rule's context filters say the verb is hedged,
negated (unless ``negated_claims``), conditional, a question, an aim or (for statements) a future. All the
words come from the rule's options (``$lists`` in ``vocabulary.yaml``). With
``agents: any`` and ``outcomes: any`` the check reads any unhedged causal
statement (the claim-strength benchmark uses this to measure the structure
itself on research prose).
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _lower_text,
    _text,
    _toks,
    blocked as _blocked,
    check,
    denied,
    derived,
    governing_verb,
    option_words,
    subject_of,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule
from evidencebot.text import has_phrase


def _build(o: dict) -> dict:
    s = dict(
        frame=o.get("frame", "active"),
        any_agent=o.get("agents") == "any",
        agents=option_words(o.get("agents")),
        verbs=option_words(o.get("verbs")),
        result_verbs=option_words(o.get("result_verbs")),
        efficacy=option_words(o.get("efficacy")),
        cause_nouns=option_words(o.get("cause_nouns")),
        change=option_words(o.get("change_words")),
        any_outcome=o.get("outcomes") == "any",
        outcomes=[] if o.get("outcomes") == "any" else list(o.get("outcomes") or []),
        cues=o.get("cues"),
        vague=option_words(o.get("vague_words")),
        effect_verbs=option_words(o.get("effect_verbs")),
        effect_nouns=option_words(o.get("effect_nouns")),
        people=option_words(o.get("people")),
        strong=option_words(o.get("strong_verbs")),
        not_outcomes=option_words(o.get("not_outcomes")),
        harm_events=option_words(o.get("harm_events")),
        harm_behaviours=option_words(o.get("harm_behaviours")),
        changed_any=bool(o.get("changed_any")),
        vague_verbs=option_words(o.get("vague_verbs")),
        change_verbs=option_words(o.get("change_verbs")),
        external=option_words(o.get("external")),
        users=option_words(o.get("user_nouns")),
        use_verbs=option_words(o.get("use_verbs")),
        degree_phrases=list(o.get("degree_phrases") or []),
        vanish_verbs=option_words(o.get("vanish_verbs")),
        vague_changes=list(o.get("vague_changes") or []),
        size_verbs=option_words(o.get("size_verbs")),
        vanish_subjects=option_words(o.get("vanish_subjects")),
        vanish_suffixes=tuple(str(x).lower() for x in (o.get("vanish_suffixes") or [])),
        scope=option_words(o.get("scope_words")),
        future_only=o.get("tense") == "future",
        frame_verbs=option_words(o.get("frame_verbs")),
        frame_nouns=option_words(o.get("frame_nouns")),
        linked_passive=bool(o.get("linked_passive")),
        # (m20) a negated causal verb is still a causal claim ("X did not reduce Y" states that X has no effect on
        # Y): the research rule reads claim strength as the claim-strength corpora do; our own rules never do
        negated_claims=bool(o.get("negated_claims")),
        # (o19) copular frames of credit: "the reason is our link workers", "the fall in evictions is our
        # team's doing", "it is our team that accounts for the lowest figures in a decade"
        reason_nouns=option_words(o.get("reason_nouns")),
        credit_nouns=option_words(o.get("credit_nouns")),
        cleft_verbs=option_words(o.get("cleft_verbs")),
        copulas=option_words(o.get("copulas")),
        # "is our own doing" owns a failing, it does not claim credit
        own_words=option_words(o.get("own_words")),
        # (o20) agents read from the structure of the subject, not only "our"/"the" + an agent noun: a role of
        # ours with anyone's possessive or none ("her youth worker", "peer mentors"), an activity of ours with no
        # determiner ("Befriending ends ...", "Digital inclusion sessions reduce ..."), "our" anywhere before the
        # head ("Our benefits checks raise ..."), and a service's name ("Step Forward reduces ...")
        role_agents=option_words(o.get("role_agents")),
        bare_agents=option_words(o.get("bare_agents")),
        named_agents=bool(o.get("named_agents")),
        not_named=option_words(o.get("not_named")),
        # (o21) heads that a role of ours before them makes ours ("the link worker role"); verbs of taking part
        # whose object is something of a service's ("completing a recovery college course")
        role_heads=option_words(o.get("role_heads")),
        taking_part=option_words(o.get("taking_part_verbs")),
        taking_part_objects=option_words(o.get("taking_part_objects")),
        # (o21) verbs that link a result to its cause in the passive ("traced to", "attributed to", "credited to")
        link_verbs=option_words(o.get("link_verbs")),
        link_preps=option_words(o.get("link_preps")),
        # (o23) an outcome as the subject of a verb of origin whose phrase names us ("owes much to our offer", "came
        # straight from our model"), and our own verb of linking in the active ("which we attribute to our café")
        source_verbs=option_words(o.get("source_verbs")),
        source_preps=option_words(o.get("source_preps")),
        pointer_words=option_words(o.get("pointer_words")),
        source_complements=option_words(o.get("source_complements")),
        # (oc29) a causal link said as a general truth, whoever's the cause ("isolation brings on relapse",
        # "debt advice lowers the risk of suicide"): any common noun phrase as the subject of a present-simple
        # causal verb with an outcome in its object; see :func:`_general_fact`
        general=bool(o.get("general")),
        general_determiners=option_words(o.get("general_determiners")),
        general_limiters=option_words(o.get("general_limiters")),
        general_reporting=option_words(o.get("general_reporting")),
        general_own_knowing=option_words(o.get("general_own_knowing")),
        general_sources=list(o.get("general_sources") or []),
        general_outcomes=option_words(o.get("general_outcomes")),
        general_object_preps=option_words(o.get("general_object_preps")),
        general_degree_verbs=option_words(o.get("general_degree_verbs")),
        general_degree_words=option_words(o.get("general_degree_words")),
        general_amount_verbs=option_words(o.get("general_amount_verbs")),
        general_amount_words=option_words(o.get("general_amount_words")),
        general_state_words=option_words(o.get("general_state_words")),
        general_change_nouns=option_words(o.get("general_change_nouns")),
        general_change_preps=option_words(o.get("general_change_preps")),
        general_person_outcome_verbs=option_words(o.get("general_person_outcome_verbs")),
        general_reason_nouns=option_words(o.get("general_reason_nouns")),
        general_reason_adverbs=option_words(o.get("general_reason_adverbs")),
        general_harm_states=option_words(o.get("general_harm_states")),
        general_quantity_words=option_words(o.get("general_quantity_words")),
        general_intensifiers=option_words(o.get("general_intensifiers")),
        general_people_pronouns=option_words(o.get("general_people_pronouns")),
        general_rate_nouns=option_words(o.get("general_rate_nouns")),
    )
    s["vague_verb_heads"] = frozenset(v.split()[0] for v in s["vague_verbs"])
    # verbs with a particle ("turn around"): the first word triggers, the particle decides
    s["particle_heads"] = frozenset(v.split()[0] for v in s["verbs"] if " " in v)
    # the verb classes whose lemma must be in a text for the structure check to read it
    s["trigger"] = (s["verbs"] | s["result_verbs"] | s["efficacy"] | s["effect_verbs"] | s["particle_heads"]
                    | s["cause_nouns"] | s["frame_verbs"]
                    # (oc31) "early help means fewer crises": the verbs of degree and amount trigger the read too
                    | s["general_degree_verbs"] | s["general_amount_verbs"] | s["general_reason_nouns"]
                    | s["general_reason_adverbs"])  # (oc35) "X is why ..."
    return s


def _compound_subject(tok):
    """(o19) The subject the small model read as a compound of the verb: "Higher fruit intake lowers the risk of
    stroke" ("intake" parsed as a compound of "lowers", which has no subject)."""
    if any(c.dep_ in W.nsubj_nsubjpass_csubj for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")), None)


def _misread_root_verb(tok) -> bool:
    """(o19) A verb in -s the small model tagged as a plural noun at the root of a sentence with no finite verb,
    with a noun before it and an object or preposition after it ("Higher fruit intake lowers the risk of stroke")."""
    if tok.dep_ != "ROOT" or tok.tag_ != "NNS" or not tok.lower_.endswith("s"):
        return False
    if any(t.tag_ in W.claim_finite_tags for t in tok.sent):
        return False
    before = any(c.i < tok.i and c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("compound", "nsubj") for c in tok.children)
    after = any(c.i > tok.i and c.dep_ in ("dobj", "prep") for c in tok.children)
    return before and after


def _misread_past(tok) -> bool:
    """(o19) A past tense tagged as a participle at the root, with its own subject and object and no auxiliary
    ("The use of chlorhexidine reduced catheter infections")."""
    return (tok.dep_ == "ROOT" and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
            and any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children))


def _settings(rule: Rule) -> dict:
    return derived(rule, _build)


def _present_read_as_base(tok) -> bool:
    """A present-tense verb the tagger read as a base form ("Statins reduce ...", "our groups
    cut ..." tagged VB): a main, complement or conjoined verb with a subject of its own and
    no auxiliary, "to" or modal before it (nor on the verb it is conjoined to)."""
    if tok.tag_ != "VB" or tok.dep_ not in W.base_read_deps:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    if tok.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in tok.head.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or (
        tok.dep_ == "conj" and tok.head.tag_ in W.claim_finite_tags)


def _promised(ctx: Context, tok) -> bool:
    """A promise: the verb is future ("will get"), the infinitive of an adjective of certainty
    ("is sure to reduce", "is certain to") or of a verb of commitment ("we undertake to
    deliver", "we pledge to end"); not an aim ("sets out to get")."""
    if any(c.dep_ == "aux" and c.lower_ in W.future_aux for c in tok.children):
        return not _process_object(tok)
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return tok.head.lemma_.lower() in W.promise_verbs or tok.head.lower_ in W.promise_adjectives


def _process_object(tok) -> bool:
    """"will improve how we record outcomes", "will keep waiting times under review": a promise
    about our own process (a clause of ours, or a process word after a preposition)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and any(t.lower_ in W.provider_pronouns_short for t in c.subtree):
            return True
    return any(t.dep_ == "pobj" and t.i > tok.i and t.lemma_.lower() in W.process_pobjs for t in tok.subtree)


def _subject(tok):
    """The subject of a claim verb: through a relative pronoun to its antecedent ("our café,
    which prevents admissions"), and the subject of the verb of finding ("our model has been
    shown to reduce relapse")."""
    subj = subject_of(tok)
    if subj is None and _reported_as_fact(tok):
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ in W.relative_tags and tok.dep_ == "relcl":
        return tok.head
    return subj


def _is_agent(np, s: dict) -> bool:
    """Is this noun phrase the provider? ("we", "our counsellors", "the recovery college")"""
    if np is None:
        return False
    if s["any_agent"]:
        return np.dep_ != "expl" and np.tag_ not in W.relative_tags
    if np.lower_ in W.provider_pronouns_short:
        return True
    if np.lemma_.lower() in s["agents"] or np.lower_ in s["agents"]:
        if np.pos_ in W.noun_propn_pron:
            if any(t.lower_ in W.provider_pronouns_short or t.lower_ in W.articles
                   for t in np.subtree) or np.lower_ in W.provider_pronouns_short:
                return True
    return (bool(s["people"]) and _ours(np, s)) or _structural_agent(np, s)


def _own_doing(verb, subj, s: dict) -> bool:
    """(o20) A name read as our service whose verb acts on his, her or their own outcome is a person doing it
    ("Tom Barnes reduced his drinking after he retired"), not a claim."""
    if not s["named_agents"] or subj is None or subj.pos_ != "PROPN" or _is_agent(subj, {**s, "named_agents": False}):
        return False
    return any(c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in W.people_possessives for g in c.children)
               for c in verb.children)


def _structural_agent(np, s: dict) -> bool:
    """(o20) The provider read from the shape of the subject when no "our"/"the" + agent noun names it: "our"
    before the head ("Our benefits checks"), a role of ours owned by anyone or no one ("her youth worker", "peer
    mentors"), an activity with no determiner ("Befriending", "Digital inclusion sessions", "Floating support"),
    or a service's name of two or more capitalised words ("Step Forward", "Housing First in Lowther Vale")."""
    if np.pos_ not in ("NOUN", "PROPN") or _is_people(np, s):
        return False
    lemma, low = np.lemma_.lower(), np.lower_
    if any(t.lower_ in W.provider_pronouns_short and t.dep_ == "poss" for t in np.subtree if t.i < np.i):
        return True
    if lemma in s["role_agents"] or low in s["role_agents"]:
        return True
    if (lemma in s["role_heads"] or low in s["role_heads"]) and any(
            c.dep_ == "compound" and (c.lemma_.lower() in s["role_agents"] or c.lower_ in s["role_agents"])
            for c in np.children):
        return True  # (o21) "the housing link worker role", "the peer mentor post"
    bare = not any(t.dep_ in ("det", "poss") for t in np.children)
    if (lemma in s["bare_agents"] or low in s["bare_agents"]) and bare:
        return True
    if bare and any(c.dep_ == "prep" and any(g.dep_ == "pobj" and (
            g.lemma_.lower() in s["bare_agents"] or g.lower_ in s["bare_agents"]) for g in c.children)
            for c in np.children):
        return True  # (o21) an activity named by how it is given: "art on prescription", "walks with support"
    if not s["named_agents"] or not (np.is_title or np.is_upper):
        return False
    # the run of capitalised words (and the small words inside a name: "Arts on Prescription") around the head
    doc, first = np.doc, np.left_edge.i
    if doc[first].dep_ == "det":
        first += 1
    run, i = [], first
    while i < np.sent.end and (doc[i].is_title or doc[i].is_upper or (
            doc[i].lower_ in W.name_inner_words and i + 1 < len(doc) and doc[i + 1].is_title)):
        run.append(doc[i])
        i += 1
    caps = [t for t in run if t.is_title or t.is_upper]
    return (np.i < i and len(caps) >= 2 and any(t.i != t.sent.start for t in caps)
            and not any(t.lower_ in s["not_named"] or t.lemma_.lower() in s["not_named"] for t in run)
            and not any(c.dep_ == "poss" for c in np.children))


def _ours(np, s: dict) -> bool:
    """Anything of ours that is not the people we support: "our peer mentors", "our
    counselling", "weekly walks with our volunteers", "attending our groups" (a gerund)."""
    if np.tag_ == "VBG" or np.dep_ == "csubj":
        if np.lower_ in s["bare_agents"] and not any(c.dep_ in ("det", "poss") for c in np.children):
            return True  # (o21) an activity the small model reads as a verb: "Befriending ends loneliness"
        if np.lemma_.lower() in s["taking_part"] and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in s["agents"] or c.lemma_.lower() in s["taking_part_objects"]
                                      or c.lower_ in s["bare_agents"]) for c in np.children):
            return True  # (o21) taking part in something of a service's: "completing a recovery college course"
        return any(t.lower_ in W.provider_pronouns_short for t in np.subtree)
    if np.pos_ not in ("NOUN", "PROPN") or _is_people(np, s):
        return False
    for c in np.children:
        if c.dep_ == "poss" and c.lower_ in W.provider_pronouns_short:
            return True
        if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ in W.provider_pronouns_short
                                     for g in c.children):
            return True  # (o21) "the debt advice we provide", "the sessions we run"
        if c.dep_ == "prep" and c.lower_ in W.agent_link_preps:
            for g in c.children:
                if g.dep_ == "pobj" and not _is_people(g, s) and any(
                        x.dep_ == "poss" and x.lower_ in W.provider_pronouns_short for x in g.children):
                    return True
    return False


def _is_people(tok, s: dict) -> bool:
    return tok.lemma_.lower() in s["people"] or tok.lower_ in s["people"]


def _people_outcome(verb, s: dict):
    """An outcome read from the structure rather than a word list: something that belongs to
    the people we support ("people's quality of life", "the job prospects of everyone", "school
    attendance for the pupils") or the people themselves moved somewhere by the verb
    ("lifted families out of poverty", "stops older people becoming lonely")."""
    for c in verb.children:
        if c.dep_ in W.result_clause_deps and c.tag_ == "VBG" and c.i > verb.i and any(
                g.dep_ == "nsubj" and (_is_people(g, s) or g.lower_ in W.people_pronouns) for g in c.children):
            return c.i, c.i + 1
    for d in verb.children:
        if d.dep_ not in ("dobj", "nsubjpass") or d.i < verb.i and d.dep_ == "dobj":
            continue
        if _is_people(d, s) or d.lower_ in W.people_pronouns:
            for c in list(verb.children) + list(d.children):
                if c.i <= d.i:
                    continue
                if c.dep_ in W.result_particle_deps and c.lower_ in W.result_particles:
                    return d.i, c.i + 1
                if c.dep_ in W.result_clause_deps and c.tag_ == "VBG":
                    return d.i, c.i + 1
            continue
        if not (d.pos_ == "NOUN" or (d.pos_ == "PROPN" and d.is_lower)) or _not_outcome(d, s):
            continue  # (a lower-case word the small model calls a name: "my client's agoraphobia")
        # (o20) the people's prepositional phrase may hang from the verb: "raise household incomes | for carers"
        verb_preps = [c for c in verb.children if c.i > d.i and d.dep_ == "dobj"]
        for c in [*d.children, *verb_preps]:
            if c.dep_ == "poss" and (_is_people(c, s) or c.lower_ in W.people_possessives):
                return d.i, d.i + 1
            if c.dep_ == "prep" and c.lower_ in W.belonging_preps:
                if any(g.dep_ == "pobj" and (_is_people(g, s) or g.lower_ in W.people_pronouns) for g in c.children):
                    return d.i, d.i + 1
    return None


def _activity_before(words, s: dict) -> bool:
    """(o21) The words before a misread verb name an activity of a service's with no other owner: a bare activity
    or role ("Weekly befriending", "Structured befriending"), or taking part in something ("Coming to the men's
    shed", "Joining the walking group") at the start of the sentence. Not a person's, an outside body's or a
    problem's ("Debt", "The council's cuts")."""
    if not words or any(t.lower_ in s["not_named"] or t.lemma_.lower() in s["not_named"] for t in words):
        return False
    first = words[0]
    if first.tag_ == "VBG" and first.lemma_.lower() in s["taking_part"]:
        return True
    if any(t.dep_ == "poss" or t.lower_ in W.articles for t in words):
        return False  # ("the council's", "a debt"): owned or determined, read by the other frames
    return any(t.lemma_.lower() in s["bare_agents"] or t.lower_ in s["bare_agents"]
               or t.lemma_.lower() in s["role_agents"] for t in words)


def _misread_claim(tok, s: dict, terms: Terms):
    """A causal verb the small model read as a plural noun ("The programme eradicates
    loneliness", "Our benefits advice lifts households out of debt"): read from the surface.
    The words before it (in its clause) must be ours, the words after it an outcome."""
    doc = tok.doc
    low = tok.lower_
    if not low.endswith("s") or tok.i == tok.sent.start or tok.i + 1 >= tok.sent.end:
        return None
    # (o21) a noun-verb homograph ("ends", "stops", "cuts") is read as the verb only with an outcome term right after
    # it ("Befriending ends loneliness")
    if low in W.noun_verb_homographs and not any(terms.covers(n, tok.i + 1) for n in s["outcomes"]):
        return None
    prev = doc[tok.i - 1]
    if prev.pos_ not in W.misread_prev_pos:
        return None
    start = tok.i - 1
    while start > tok.sent.start and (doc[start - 1].pos_ in W.misread_subject_pos
                                      or doc[start - 1].dep_ in W.compound_amod_nmod):  # ("the befriending service")
        start -= 1
    before = doc[start:tok.i]
    if not (any(t.lower_ in W.provider_pronouns_short for t in before) or (
            prev.lemma_.lower() in s["agents"] and any(t.lower_ in W.articles for t in before))
            or _activity_before(doc[tok.sent.start:tok.i], s)):
        return None
    end = tok.i + 1
    while end < tok.sent.end and not doc[end].is_punct:
        end += 1
    after = list(doc[tok.i + 1:end])
    hit = _outcome_in(terms, s, after)
    if hit is None and after and _is_people(after[0], s) or (
            len(after) > 1 and after[0].pos_ == "ADJ" and _is_people(after[1], s)):
        if any(t.lower_ in W.result_particles for t in after[1:4]):
            hit = (tok.i + 1, end)
    return hit


def _not_outcome(t, s: dict, measures: bool = False) -> bool:
    low, lemma = t.lower_, t.lemma_.lower()
    return (low in s["not_outcomes"] or lemma in s["not_outcomes"] or (low in W.measure_nouns and not measures)
            or _is_people(t, s) or lemma in s["agents"])


def _output_object(verb, s: dict) -> set[int]:
    """The topic of the verb's object when the object is our own output ("eleven training sessions on
    perinatal mental health", "two days of training on trauma-informed practice"): the words under the
    prepositions of the object (or of the noun after its "of") when that is a ``not_outcomes`` word."""
    for d in verb.children:
        if d.dep_ != "dobj":
            continue
        chain = [d]
        for _ in range(2):
            cur = chain[-1]
            if cur.lower_ in s["not_outcomes"] or cur.lemma_.lower() in s["not_outcomes"]:
                # (the topic may hang from the verb: "delivered six sessions | on perinatal mental health")
                topics = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in W.topic_preps]
                return {t.i for n in chain + topics
                        for t in [n, *(t for c in n.children if c.dep_ == "prep" for t in c.subtree)]} | {
                    t.i for c in topics for t in c.subtree}
            nxt = next((g for c in cur.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
            if nxt is None:
                break
            chain.append(nxt)
    return set()


def _open_object(verb, s: dict):
    """The object of a strong causal verb ("cure", "eliminate", "prevent") is an outcome unless
    it is our own process or output ("stopped the session", "ended the contract")."""
    for d in verb.children:
        if d.dep_ == "dobj" and d.pos_ == "NOUN" and not _not_outcome(d, s):
            return d.i, d.i + 1
    return None


def _owned_by_person(noun, s: dict) -> bool:
    """Does ``noun`` belong to one of the people we support ("her", "his", "their", "Sam's", "the
    young people's", "of the clients")?"""
    for c in noun.children:
        if c.dep_ == "poss" and (_is_people(c, s) or c.lower_ in W.people_possessives
                                 or (c.pos_ == "PROPN" and any(g.tag_ == "POS" for g in c.children))):
            return True
        if c.dep_ == "prep" and c.lower_ in W.belonging_preps and any(
                g.dep_ == "pobj" and (_is_people(g, s) or g.lower_ in W.people_pronouns) for g in c.children):
            return True
    return False


def _harm_to_person(verb, s: dict, terms: Terms):
    """A strong verb ("stop", "end", "prevent") whose object is a harm that belongs to a person, read from
    the structure when the noun is not an outcome word itself: the person's events that carry a harm
    ("her crisis calls", "his calls to the crisis line", "their A&E attendances": ``harm_events`` with an
    outcome word under them) or the person's own harmful behaviour ("her self-harming", "his drinking":
    ``harm_behaviours``). "We stopped the calls" (no person) and "we ended her sessions" (our own output)
    are not."""
    for d in verb.children:
        if d.dep_ != "dobj" or d.i < verb.i or not _owned_by_person(d, s):
            continue
        lemma, low = d.lemma_.lower(), d.lower_
        if d.tag_ == "VBG" or lemma in s["harm_behaviours"] or low in s["harm_behaviours"]:
            # the gerund with the words joined to it ("self-harming" is three tokens)
            words = "".join(t.text_with_ws for t in d.subtree if t.i <= d.i and t.dep_ != "poss").strip().lower()
            if low in s["harm_behaviours"] or lemma in s["harm_behaviours"] or words in s["harm_behaviours"]:
                return d.i, d.i + 1
            continue
        if lemma in s["harm_events"] or low in s["harm_events"]:
            # (the harm may hang from the verb: "stopped his calls | to the crisis line")
            after = [t for c in verb.children if c.dep_ == "prep" and c.i > d.i for t in c.subtree]
            for t in [*d.subtree, *after]:
                if t.i != d.i and any(terms.covers(name, t.i) for name in s["outcomes"]):
                    return d.i, d.i + 1
    return None


def _frame_noun(verb, s: dict) -> bool:
    """A verb that joins the class only with one of the frame's nouns in its object ("marked a new
    era", "heralds a new chapter", "turned the borough's approach on its head")."""
    return any(t.lemma_.lower() in s["frame_nouns"] and t.dep_ in ("dobj", "pobj") and t.i > verb.i
               for t in verb.subtree)


def _linked_to_us(verb) -> bool:
    """An agentless passive whose adverbial names us: "since we arrived, ... has been reimagined"."""
    return any(c.dep_ in ("advcl", "prep") and any(t.lower_ in W.provider_pronouns_short for t in c.subtree)
               for c in verb.children)


def _scoped_object(verb, s: dict, include_subject: bool = False) -> tuple[int, int] | None:
    """The verb's object when its clause reaches a whole area or system ("mental health support
    in the borough", "community mental health for the entire region", "the way the local
    system responds"): the object, else the first noun after the verb. With ``include_subject``
    (a passive) the subject is the object: "suicide prevention in the district has been reimagined"."""
    subj = subject_of(verb) if not include_subject else None
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    after = [t for t in verb.subtree if (t.i > verb.i or include_subject) and t.i not in skip
             and not (include_subject and t.dep_ in ("advcl", "mark"))]
    if not any((t.lower_ in s["scope"] or t.lemma_.lower() in s["scope"]) and (
            t.lower_ not in W.scope_modifiers or t.head.lower_ in s["scope"]) for t in after):
        return None  # ("the whole county", not "the whole building")
    for t in after:
        if t.pos_ in ("NOUN", "PROPN") and not _not_outcome(t, s):
            return t.i, t.i + 1
    return None


def _outcome_in(terms: Terms, s: dict, toks) -> tuple[int, int] | None:
    if s["any_outcome"]:
        for t in toks:
            if t.pos_ in ("NOUN", "PROPN"):
                return t.i, t.i + 1
        return None
    for t in toks:
        for name in s["outcomes"]:
            if terms.covers(name, t.i) and not _modifier_only(t, terms, s):
                return t.i, t.i + 1
    return None


def _modifier_only(t, terms: Terms, s: dict) -> bool:
    """An outcome word that only names the kind of a noun that is not an outcome: "recovery"
    in "recovery workers", "crisis" in "the crisis team", "housing" in "housing officer"."""
    if t.dep_ not in W.compound_amod_nmod or t.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = t.head
    if head.lemma_.lower() in W.measure_nouns or head.lower_ in W.measure_nouns:
        return False  # "homelessness figures", "readmission rates" measure the outcome
    return not any(terms.covers(name, head.i) for name in s["outcomes"])


def _object_tokens(verb):
    """The verb's complements (not its subject): objects, prepositional phrases, clauses."""
    out = []
    for c in verb.children:
        if c.dep_ in W.claim_object_deps and c.i > verb.i:
            out.extend(c.subtree)
    return out


def _reported_as_fact(tok) -> bool:
    """An infinitive that a verb of finding or proof states as fact: "was shown to reduce",
    "has been found to improve", "proved to prevent"."""
    return (tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.lemma_.lower() in W.finding_verbs)


def _changed(np_tokens, s: dict, terms: Terms) -> bool:
    return any(t.lower_ in s["change"] or t.lemma_.lower() in s["change"] for t in np_tokens)


def _changed_outcome(terms: Terms, s: dict, toks):
    """An outcome from the list, or (with ``changed_any``) whatever a change word is about: "the
    halving of crisis referrals", "shorter waits", "the drop in police time"."""
    hit = _outcome_in(terms, s, toks)
    if hit is not None or not s["changed_any"]:
        return hit
    for t in toks:
        if t.lower_ not in s["change"] and t.lemma_.lower() not in s["change"]:
            continue
        if t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in W.belonging_preps:
                    for g in c.children:
                        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and not _not_outcome(g, s, True):
                            return g.i, g.i + 1
        elif t.dep_ in W.change_modifier_deps and t.head.pos_ == "NOUN" and (
                not _not_outcome(t.head, s, True) or _is_people(t.head, s)):
            return t.head.i, t.head.i + 1  # "shorter waits", "fewer people (were sent out of area)"
        elif t.lower_ in W.comparatives and t.i + 1 < len(t.doc):
            nxt = t.doc[t.i + 1]  # "Shorter waits" read as a name and a verb
            if nxt.is_alpha and nxt.is_lower and nxt.lower_.endswith("s") and not _not_outcome(nxt, s, True):
                return nxt.i, nxt.i + 1
    return None


@check("causal_claim")
def causal_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    if (not s["any_outcome"] and not s["people"] and not s["strong"] and not s["changed_any"]
            and not any(terms.any(n) for n in s["outcomes"]) and not ctx.lower_set & s["scope"]):
        return []
    if s["frame"] == "attribution":
        return _attribution(rule, doc, ctx, terms, s)
    if s["frame"] == "magnitude":
        if not (ctx.lower_set & s["vague"] or ctx.lemma_set & s["vague_verb_heads"] or ctx.lemma_set & s["vanish_verbs"]
                or ctx.lemma_set & s["size_verbs"]
                or any(p in _lower_text(doc) for p in s["vague_changes"]) or (
                s["degree_phrases"] and _has_degree_phrase(doc, s))):
            return []
        return _magnitude(rule, doc, ctx, terms, s)
    if not ctx.lemma_set & s["trigger"]:
        return []  # no verb or predicate of the classes in the text: nothing to read
    out: list[Candidate] = []
    verbs, results, efficacy = s["verbs"], s["result_verbs"], s["efficacy"]
    promise = s["future_only"]

    def agent_ok(subj, verb) -> bool:
        return _general_fact(verb, subj, s, ctx) if s["general"] else _is_agent(subj, s)

    def blocked(tok) -> bool:
        # a rule with ``tense: future`` reads promises ("will get people back into work", "is
        # sure to reduce demand", "we undertake to deliver a fall in ..."): only those
        if promise:
            if not _promised(ctx, tok):
                return True
            pledged = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in W.promise_verbs
            return (ctx.question(tok) or ctx.negated(tok) or ctx.conditional(tok)
                    or (ctx.aim(tok) and not pledged) or (pledged and ctx.negated(tok.head)))
        return _blocked(ctx, tok, negated_ok=s["negated_claims"])
    for tok in _toks(doc):
        lemma = tok.lemma_.lower()
        if lemma in s["cause_nouns"] and tok.pos_ == "NOUN" and tok.dep_ == "attr" and any(
                c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
            # "X is a risk factor for Y", "X is a key driver of Y" (the copula's subject as the cause)
            if s["general"] and any(c.lower_ in W.general_evidenced for c in tok.children):
                continue  # (oc29) "is the recorded cause of": the data say so
            if agent_ok(subject_of(tok.head), tok.head) and not blocked(tok.head):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.head.i))
            continue
        if s["general"] and lemma in s["general_reason_nouns"] and tok.pos_ == "NOUN" and tok.dep_ == "attr":
            # (oc33) "language barriers are the reason men ... don't seek help": a general subject given as the reason
            # for what people do (a clause on the noun whose subject is people); "our rota is the reason ..." (ours)
            # and "the weather is the reason ..." (not_named) fail the general subject's test
            clause = next((c for c in tok.children if c.dep_ in W.general_reason_clause_deps), None)
            if clause is not None and _people_harm_clause(clause, s, terms):
                if agent_ok(subject_of(tok.head), tok.head) and not blocked(tok.head):
                    out.append(Candidate(rule, tok.i, tok.i + 1, tok.head.i))
            continue
        if s["general"] and lemma in s["general_reason_nouns"] and tok.pos_ == "NOUN" and tok.dep_ == "nsubj":
            # (oc35) the reason as the subject: "the reason people miss appointments is that the letters confuse"
            if _reason_is_that(tok, s, terms, ctx) and not blocked(tok.head):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.head.i))
            continue
        if s["general"] and tok.lower_ in W.general_present_be and tok.dep_ == "ROOT":
            # (oc35) "X is why <people> <come to harm>": the copula's other side a clause of "why"
            clause = next((c for c in tok.children if c.dep_ in W.general_why_clause_deps and c.i > tok.i and any(
                g.dep_ == "advmod" and g.lower_ in s["general_reason_adverbs"] for g in c.children)), None)
            if clause is not None and _people_harm_clause(clause, s, terms) and agent_ok(
                    subject_of(tok), tok) and not blocked(tok):
                why = next(g for g in clause.children if g.lower_ in s["general_reason_adverbs"])
                out.append(Candidate(rule, tok.i, why.i + 1, tok.i))
            continue
        conj_of_predicate = tok.dep_ == "conj" and tok.head.dep_ in ("acomp", "attr")  # "was safe and effective"
        if lemma in efficacy and tok.pos_ == "ADJ" and (
                tok.dep_ in ("acomp", "attr") or conj_of_predicate
                or (tok.dep_ == "amod" and tok.head.dep_ == "attr")):
            # "X is effective in reducing Y"; "X is an effective treatment for Y"
            verb = tok.head.head if tok.dep_ == "amod" or conj_of_predicate else tok.head
            holder = tok if tok.dep_ != "amod" else tok.head
            obj = _outcome_in(terms, s, [t for c in holder.children if c.dep_ == "prep" for t in c.subtree])
            if s["any_outcome"]:
                obj = obj or (tok.i, tok.i + 1)  # "X is effective": the outcome is left implicit
            if obj is not None and agent_ok(subject_of(verb), verb) and not blocked(verb):
                out.append(Candidate(rule, tok.i, tok.i + 1, verb.i))
            continue
        if lemma in s["particle_heads"]:
            prt = next((c for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == tok.i + 1)), None)
            if prt is not None and f"{lemma} {prt.lower_}" in verbs:
                lemma = f"{lemma} {prt.lower_}"
            else:  # a verb with its preposition ("turned those services into one system")
                prep = next((c for c in tok.children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in verbs), None)
                if prep is not None:
                    lemma = f"{lemma} {prep.lower_}"
        if lemma in s["frame_verbs"] and lemma not in verbs and _frame_noun(tok, s):
            lemma = next(iter(verbs), lemma)  # "marked a new era for", "turned ... on its head": a verb of the class
        if s["general"] and lemma in s["general_degree_verbs"] | s["general_amount_verbs"]:
            # (oc29) "damp housing makes depression worse", "early help means fewer crises"
            subj = _pseudo_cleft_subject(tok, _subject(tok))  # (oc33) "isolation is what makes people relapse"
            if tok.pos_ == "VERB" and _general_fact(tok, subj, s, ctx) and (
                    _general_degree(tok, s, terms) or _made_to_harm(tok, s, terms) is not None) and not blocked(tok):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            continue
        if lemma not in verbs and lemma not in results and lemma not in s["effect_verbs"]:
            continue
        misparsed = tok.tag_ in W.misread_verb_tags or (s["general"] and tok.tag_ in W.misread_base_tags) or (
            tok.tag_ == "VBZ" and tok.dep_ in W.compound_amod_nmod and _subject(tok) is None)  # ("ends" as a compound)
        if s["general"] and misparsed:
            if _general_misread(tok, s, terms) and not blocked(tok):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            continue
        if s["people"] and misparsed:
            hit = _misread_claim(tok, s, terms)
            if hit is not None and not blocked(tok):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            continue
        needs = W.result_preps.get(lemma) if lemma not in verbs else None
        if needs and s["general"] and any(c.dep_ == "xcomp" and any(
                g.dep_ == "aux" and g.lower_ in needs for g in c.children) for c in tok.children):
            needs = None  # (oc29) "leads to relapse" read as "to" and an infinitive
        if needs and not any(c.dep_ == "prep" and c.lower_ in needs for c in tok.children):
            continue  # "lead" and "result" claim a result only with "to" and "in"
        misread = s["any_agent"] and (_misread_root_verb(tok) or _misread_past(tok))
        if tok.pos_ not in ("VERB", "AUX") and not misread:
            continue
        progressive = tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in W.be_forms for c in tok.children)
        # (m20) a base form finite through "do" ("did not reduce", "does not affect"): the form negation takes,
        # read only by a rule that reads negated causes (``negated_claims``)
        do_support = s["negated_claims"] and tok.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lemma_.lower() == "do" and c.tag_ in W.claim_finite_tags for c in tok.children)
        if tok.tag_ not in W.claim_finite_tags and not _reported_as_fact(tok) and not progressive and not (
                promise and tok.tag_ == "VB") and not (not promise and _present_read_as_base(tok)) and not misread \
                and not do_support:
            continue
        if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and not misread:
            continue
        if lemma in s["effect_verbs"]:
            # "has a beneficial effect on relapse", "had a positive impact on housing"
            noun = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in s["effect_nouns"]), None)
            if noun is None or denied(noun):
                continue
            obj = _outcome_in(terms, s, [t for c in noun.children if c.dep_ == "prep" for t in c.subtree])
            if obj is not None and agent_ok(subject_of(tok), tok) and not blocked(tok):
                out.append(Candidate(rule, tok.i, noun.i + 1, tok.i))
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if passive and s["general"]:
            # (oc29) the passive of a general truth: "relapse is driven by isolation" (present, no modal)
            if _general_passive(tok, s, terms, ctx) and not blocked(tok):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            continue
        if passive:
            # "relapse was prevented by our team"; with any agent, also "relapse was prevented"
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if subj is None or not (_is_agent(agent, s) or (s["any_agent"] and agent is None) or (
                    agent is None and s["linked_passive"] and _linked_to_us(tok))):
                continue
            if s["linked_passive"] and s["scope"] and _scoped_object(tok, s, include_subject=True) is not None:
                if not blocked(tok):
                    out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
                continue
            if _outcome_in(terms, s, list(subj.subtree)) is None or blocked(tok):
                continue
            out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            continue
        subj = _subject(tok)
        if subj is None and s["any_agent"]:
            subj = _compound_subject(tok)
        if s["general"]:
            subj = _pseudo_cleft_subject(tok, subj)
            obj = _general_object(tok, s, terms) if _general_fact(tok, subj, s, ctx) else None
            if obj is not None and not blocked(tok):
                out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            continue
        if not _is_agent(subj, s) or _own_doing(tok, subj, s):
            continue
        complements = _object_tokens(tok)
        if lemma in results and lemma not in verbs:
            # "delivered eleven training sessions on perinatal mental health": the object is our own
            # output, and an outcome word under it is its topic, not a result
            output = _output_object(tok, s)
            complements = [t for t in complements if t.i not in output]
        obj = _outcome_in(terms, s, complements)
        if obj is None and s["people"]:
            obj = _people_outcome(tok, s)
        if obj is None and lemma in s["strong"]:
            obj = _open_object(tok, s) or (_harm_to_person(tok, s, terms) if s["harm_events"] or s["harm_behaviours"]
                                           else None)
        if obj is None and s["scope"]:
            obj = _scoped_object(tok, s)
        if obj is None or blocked(tok):
            continue
        out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
    return out


def _people_subject(c, s: dict) -> bool:
    """(oc35) People as a clause's subject: a people word, a quantity of them ("so many of our drivers") or any
    plural common noun (the clause's harm is the test that matters: "trains arrive late" names none)."""
    if c.dep_ not in W.nsubj_nsubjpass_csubj:
        return False
    if _people_noun(c, s):
        return True
    return (c.lower_ in s["general_quantity_words"]) and any(
        g.dep_ == "pobj" and (_is_people(g, s) or g.tag_ in W.plural_noun_tags)
        for p in c.children if p.dep_ == "prep" for g in p.children)


def _people_noun(c, s: dict) -> bool:
    """(oc35) A people word, or a plural common noun that is no outside body ("drivers", "tenants")."""
    return _is_people(c, s) or (c.pos_ == "NOUN" and c.tag_ in W.plural_noun_tags and c.lower_ not in s[
        "not_named"] and c.lemma_.lower() not in s["not_named"])


def _people_harm_clause(clause, s: dict, terms: Terms) -> bool:
    """(oc33) A clause in which people do not do something, do what harms them, or meet an outcome ("men don't seek
    help", "people relapse", "drivers develop sleep problems"); "people arrive at ten" says nothing of an outcome."""
    if not any(_people_subject(c, s) for c in clause.children):
        return False
    verb = clause.lemma_.lower()
    prt = next((c.lower_ for c in clause.children if c.dep_ == "prt"), None)
    return (any(c.dep_ == "neg" for c in clause.children) or verb in s["general_person_outcome_verbs"]
            or (prt is not None and f"{verb} {prt}" in s["general_person_outcome_verbs"])
            or any(_is_outcome(t, s, terms) for t in clause.subtree))


def _reason_is_that(reason, s: dict, terms: Terms, ctx: Context) -> bool:
    """(oc35) "The reason people miss their appointments is that the letters are confusing": "the reason" (with
    "the" and nothing that makes it one of several) as the subject of a present "is", a clause on it in which people
    come to harm, and a "that" clause as the copula's complement, its subject not us (an admission of our own
    failing is no claim); not limited to some people and not reported from a source."""
    cop = reason.head
    if cop.lower_ not in W.general_present_be or any(c.dep_ in W.general_no_aux_deps for c in cop.children):
        return False
    if [c.lower_ for c in reason.children if c.dep_ == "det"] != ["the"] or any(
            c.dep_ in W.reason_several_deps for c in reason.children if c.i < reason.i):
        return False
    clause = next((c for c in reason.children if c.dep_ in W.general_reason_clause_deps), None)
    if clause is None or not _people_harm_clause(clause, s, terms):
        return False
    that = next((c for c in cop.children if c.dep_ == "ccomp" and c.i > cop.i and any(
        g.dep_ == "mark" for g in c.children)), None)
    if that is None or any(g.dep_ in W.nsubj_nsubjpass_csubj and g.lower_ in W.provider_pronouns_short
                           for g in that.children):
        return False
    sent = reason.sent
    low = sent.text.lower()
    return not _limited(sent, s) and not any(has_phrase(low, p) for p in s["general_sources"])


def _limited(tokens, s: dict) -> bool:
    """A word among ``tokens`` that limits a claim to some people or some of the time ("many", "often"), but not
    one lifted by an intensifier before it (oc2, s35: "so many men" says how many, it does not limit)."""
    return any(t.lower_ in s["general_limiters"] and not (t.i > 0 and t.doc[t.i - 1].lower_ in s[
        "general_intensifiers"]) for t in tokens)


def _pseudo_cleft_subject(verb, subj):
    """(oc31) The cause in a pseudo-cleft, "exam pressure is what drives self-harm": when the verb's subject is
    "what" and its clause the complement of a present "is" or "are", the copula's subject (else ``subj``)."""
    if subj is None or subj.lower_ not in W.free_relatives:
        return subj
    cop = verb.head
    if cop.lower_ not in W.general_present_be:
        return subj
    if verb.dep_ in W.pseudo_cleft_reversed_deps and verb.i < cop.i:
        # (oc36) the other order, "what pushes people into debt is the lack of ...": the clause of "what" is the
        # copula's subject and the cause its complement after it
        return next((c for c in cop.children if c.dep_ in W.pseudo_cleft_focus_deps and c.i > cop.i), subj)
    if verb.dep_ not in W.pseudo_cleft_deps:
        return subj
    # (oc33) or a clause in -ing as the copula's subject: "masking all day at work is what drives burnout"
    return next((c for c in cop.children if c.dep_ in W.pseudo_cleft_subject_deps and c.i < verb.i), subj)


def _general_fact(verb, subj, s: dict, ctx: Context, tense: bool = True) -> bool:
    """(oc29) Is ``verb`` a causal link said as a general truth? Its subject is a common noun phrase (a condition
    or a piece of help: "isolation", "stable housing", "early diagnosis", an activity in -ing), not a person, a
    pronoun, a name, an outside body or something someone owns ("her drinking", "this rota"); the verb is in the
    present simple with no auxiliary (no modal, perfect or "do"); nothing limits it to some people or some of
    the time ("for many", "often"); and it is not reported from a source ("research suggests that ...",
    "according to ...", a citation in brackets), unless we are the ones who know it ("we know that ...")."""
    if subj is None or subj.dep_ == "expl" or subj.tag_ in W.relative_tags:
        return False
    if not (subj.pos_ == "NOUN" or (subj.tag_ == "VBG" and subj.dep_ in W.nsubj_nsubjpass_csubj)
            or _noun_read_as_adjective(subj)):
        return False
    if _is_people(subj, s) or subj.lemma_.lower() in s["not_named"] or subj.lower_ in s["not_named"]:
        return False
    for c in subj.children:
        if c.dep_ == "poss" or (c.dep_ in ("det", "predet") and c.lower_ not in s["general_determiners"]):
            return False
        if c.dep_ in ("compound", "amod") and ((c.pos_ == "PROPN" and c.i != c.sent.start)
                                              or c.lower_ in s["not_named"]):
            return False  # a name ("Public Health England's"), not a capital at the start ("Group work")
    finite = verb.tag_ in W.general_present_tags or _present_read_as_base(verb)
    head = verb.head if verb.dep_ == "conj" else verb
    if tense and (not finite or any(c.dep_ in W.general_no_aux_deps for c in [*verb.children, *head.children])):
        return False
    if _limited(verb.subtree, s):
        return False
    sent = verb.sent
    low = sent.text.lower()
    if any(has_phrase(low, p) for p in s["general_sources"]):
        return False
    toks = list(sent)
    for i, t in enumerate(toks):
        if t.like_num and len(t.text) == 4 and any(x.text == "(" for x in toks[max(0, i - 6):i]):
            return False  # a citation: "(Marmot 2010)"
    cur = verb
    for _ in range(6):
        if cur.head is cur:
            break
        gov = cur.head
        if any(c.dep_ == "neg" or (c.dep_ in W.nsubj_nsubjpass_csubj and any(
                g.dep_ == "det" and g.lower_ in W.no_one_words for g in c.children)) for c in gov.children):
            return False  # "no claim is made that ...", "we do not say that ..."
        if gov.lemma_.lower() in s["general_reporting"]:
            said_by = subject_of(gov)
            if said_by is None or said_by.lower_ not in W.provider_pronouns_short or (
                    gov.lemma_.lower() not in s["general_own_knowing"]):
                return False
        cur = gov
    return True


def _noun_read_as_adjective(subj) -> bool:
    """(oc31) A one-word subject opening the sentence that the small model tagged an adjective ("Bereavement
    causes depression ...", "Bereavement/JJ"): an adjective is not a subject on its own, so it is a noun misread."""
    return subj.pos_ == "ADJ" and subj.dep_ == "nsubj" and subj.i == subj.sent.start and not list(subj.children)


def _general_misread(tok, s: dict, terms: Terms) -> bool:
    """(oc29) A general causal verb in -s the small model read as a plural noun ("Overcrowding fuels anxiety in
    children", "Gambling harm results in family breakdown"), read from the surface: only words of a bare noun
    phrase before it from the start of the sentence (no pronoun, no owner, not a person or an outside body), and an
    outcome at the head of the noun phrase after it (after "in" or "to" for ``result`` and ``lead``)."""
    doc, sent = tok.doc, tok.sent
    if tok.i == sent.start or tok.i + 1 >= sent.end:
        return False
    base = not tok.lower_.endswith("s")
    if base and (tok.tag_ not in W.misread_base_tags or tok.lower_ != tok.lemma_.lower()):
        return False
    # (oc2 s33) only the verb's own clause: a verb after a comma is another clause's
    end = next((t.i for t in doc[tok.i + 1:sent.end] if t.text in W.misread_clause_ends), sent.end)
    if any(t.tag_ in W.general_finite_tags and not (t.i > tok.i and _is_outcome(t, s, terms))
           for t in doc[sent.start:end] if t.i != tok.i):
        return False  # the sentence has a verb of its own ("Funding cuts reduced ..."); (oc36) not the outcome
        # after the verb read as one in its place ("Isolation shortens/NNS lives/VBZ")
    before = doc[sent.start:tok.i]
    if len(before) > _GENERAL_SUBJECT_REACH or any(
            (t.pos_ not in W.general_subject_pos and not (0 < t.i - sent.start < len(before) - 1
                                                           and t.pos_ in W.general_subject_inner_pos)
             and not (t.i == sent.start and t.tag_ == "VBG"))  # (oc36) "Being in care results in ..."
            or (t.is_punct and t.tag_ != "HYPH") or t.dep_ == "neg" for t in before):
        return False
    if base and not (any(t.pos_ == "CCONJ" for t in before) or _plural_head(before)):
        return False  # (oc2 s33) "cause" as a verb agrees with a plural subject: "damp and mould ... cause"
    # (oc2 s33) people as the object of an activity in -ing are not its subject ("sending patients home ...")
    activity = before[0].tag_ == "VBG"
    if any(t.pos_ == "DET" and t.lower_ not in s["general_determiners"] for t in before) or any(
            (_is_people(t, s) and not (activity and t.i > sent.start)) or t.lower_ in s["not_named"]
            or t.lemma_.lower() in s["not_named"] for t in before):
        return False
    if before[-1].pos_ not in ("NOUN", "PROPN") and before[-1].tag_ != "VBG" and not (
            before[-1].pos_ == "ADJ" and before[-1].head.i == tok.i):  # (oc36) "without a structured routine/JJ"
        return False
    i = tok.i + 1
    needs = W.result_preps.get(tok.lemma_.lower())
    if needs is not None:
        if doc[i].lower_ not in needs:
            return False
        i += 1
    words: list = []
    while i < sent.end and (doc[i].pos_ in W.general_subject_pos and not (doc[i].is_punct and doc[i].tag_ != "HYPH")
                            or (doc[i].lower_ == "of" and words)):
        words.append(doc[i])  # (through "of": "the length of grief")
        i += 1
    if not words or any(t.lower_ in s["general_limiters"] for t in sent):
        return False
    if any(t.lemma_.lower() in s["not_outcomes"] for t in words[-1:]):
        return False
    return any(any(terms.covers(name, t.i) for name in s["outcomes"]) or t.lemma_.lower() in s["general_outcomes"]
               or t.lower_ in s["general_outcomes"] for t in words)


# (oc2 s33) how many words a general subject before a misread verb may run to ("sending patients home without a
# care package")
_GENERAL_SUBJECT_REACH = 10


def _plural_head(before) -> bool:
    """(oc2 s33) Is the head of the noun phrase ``before`` plural: its last noun before any preposition?"""
    head = None
    for t in before:
        if t.pos_ == "ADP":
            break
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
    return head is not None and head.tag_ in ("NNS", "NNPS")


def _general_passive(verb, s: dict, terms: Terms, ctx: Context) -> bool:
    """(oc29) "Relapse is driven by isolation", "most evictions are caused by debt": an outcome as the subject of a
    present-simple passive ("is", "are" and nothing else) whose agent would pass as a general subject."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ != "VBN" or len(aux) != 1 or aux[0].lower_ not in W.general_present_be:
        return False
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or subj is None or not any(_is_outcome(t, s, terms) for t in subj.subtree if t.i <= subj.i):
        return False
    if any(t.lower_ in s["general_limiters"] for t in verb.subtree):
        return False
    # the agent read as a general subject: the tense test is the passive's own (done above)
    return _general_fact(verb, agent, s, ctx, tense=False)


def _is_outcome(t, s: dict, terms: Terms) -> bool:
    return (any(terms.covers(name, t.i) for name in s["outcomes"]) or t.lemma_.lower() in s["general_outcomes"]
            or t.lower_ in s["general_outcomes"])


def _general_degree(verb, s: dict, terms: Terms) -> bool:
    """(oc29) An outcome made worse or better ("makes depression worse": a degree word as the verb's complement,
    the outcome its subject or the verb's object), or more or fewer of it ("means fewer crises")."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if lemma in s["general_degree_verbs"] and c.dep_ in W.general_degree_deps and c.i > verb.i and (
                c.lower_ in s["general_harm_states"]) and any(_people_subject(g, s) for g in c.children):
            return True  # (oc35) people put in a state of harm: "damp homes make children ill"
        if lemma in s["general_degree_verbs"] and c.dep_ in W.general_degree_deps and (
                c.lower_ in s["general_degree_words"]):
            held = [g for g in c.children if g.dep_ in ("nsubj", "dobj")]
            held += [g for g in verb.children if g.dep_ == "dobj"]
            if any(_is_outcome(t, s, terms) for g in held for t in g.subtree if t.i <= g.i):
                return True
        if lemma in s["general_amount_verbs"] and c.dep_ == "dobj" and any(
                g.dep_ == "amod" and g.lower_ in s["general_amount_words"] for g in c.children):
            if _is_outcome(c, s, terms):
                return True
    return False


def _made_to_harm(verb, s: dict, terms: Terms | None = None) -> tuple[int, int] | None:
    """(oc33) People made or driven to do what harms them: "makes people relapse", "drives students to drop out" (the
    people the verb's object or the subject of its clause, the clause's verb one of ``general_person_outcome_verbs``)."""
    # (oc2, s35) the small model may hang "to drink" on the verb as a clause of purpose, or on the people as a
    # relative clause ("drives so many men | to drink"): an infinitive with no subject of its own, either way
    misread = [c for c in [*verb.children, *(x for d in verb.children if d.dep_ == "dobj" for x in d.children)]
               if c.dep_ in W.general_person_infinitive_deps and any(g.dep_ == "aux" and g.lower_ == "to" for g in
                                                                    c.children)
               and not any(g.dep_ in W.nsubj_nsubjpass_csubj for g in c.children)]
    for c in [*(c for c in verb.children if c.dep_ in W.general_person_clause_deps), *misread]:
        prt = next((g.lower_ for g in c.children if g.dep_ == "prt"), None)  # (oc35) "burn out"
        # (oc36) or any clause on the people that names an outcome ("cause Deaf people to be misdiagnosed with
        # psychosis")
        if c.i > verb.i and (c.lemma_.lower() in s[
                "general_person_outcome_verbs"] or f"{c.lemma_.lower()} {prt}" in s["general_person_outcome_verbs"] or (
                terms is not None and any(_is_outcome(t, s, terms) for t in c.subtree if t.i > c.i))):
            who = [g for g in c.children if g.dep_ in W.nsubj_nsubjpass_csubj] + [
                g for g in verb.children if g.dep_ == "dobj"]
            if any(_people_noun(g, s) or _quantity_of_them(g, s) for g in who):
                return c.i, c.i + 1
    return None


def _quantity_of_them(c, s: dict) -> bool:
    """(oc2, s35) A quantity of people named by a pronoun: "drives so many of them to drink"."""
    return c.lower_ in s["general_quantity_words"] and any(
        g.dep_ == "pobj" and g.lower_ in s["general_people_pronouns"]
        for p in c.children if p.dep_ == "prep" for g in p.children)


def _general_object(verb, s: dict, terms: Terms) -> tuple[int, int] | None:
    """(oc29) The outcome a general causal verb acts on: the head of its object (or of its phrase after
    ``general_object_preps``: "leads to relapse", "protects people from exploitation", "keeps people out of
    crisis"), or the noun after its "of" ("the risk of suicide", "the length of grief"), when that is an
    outcome term or a ``general_outcomes`` word; not our own paperwork or process (``not_outcomes``)."""
    heads = []
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in ("dobj", "attr") or (c.dep_ == "xcomp" and c.pos_ == "NOUN"):
            heads.append(c)
        elif c.dep_ == "prep" and c.lower_ in s["general_object_preps"]:
            # the first noun under it ("out | of crisis")
            heads.extend([g for g in c.subtree if g.dep_ == "pobj"][:1])
        elif c.dep_ in ("prt", "advmod"):
            heads.extend(g for x in c.children if x.dep_ == "prep" for g in x.children if g.dep_ == "pobj")
            if c.dep_ == "prt":
                heads.append(c)  # (oc36) an object the small model read as a particle ("cause burnout/RP")
    heads += [c for d in heads for c in d.conjuncts]  # "leads to burnout and anxiety"
    harm = _made_to_harm(verb, s, terms)
    if harm is not None:
        return harm
    for d in list(heads):
        if d.dep_ == "dobj" and _people_noun(d, s) and any(
                c.dep_ in W.general_state_deps and (c.lower_ in s["general_state_words"] or c.lower_ in s[
                    "general_harm_states"]) for c in verb.children if c.i > d.i):
            return d.i, d.i + 1  # "keeps people well", "keeps young people safe", (oc35) "keeps women trapped"
        if d.dep_ == "dobj" and _is_people(d, s):
            heads.extend(g for c in d.children if c.dep_ == "prep" and c.lower_ in s["general_object_preps"]
                         for g in c.children if g.dep_ == "pobj")
    for n in heads:
        for _ in range(3):
            if n.lemma_.lower() in s["not_outcomes"] or n.lower_ in s["not_outcomes"]:
                break
            phrase = [t for t in n.subtree if t.i <= n.i and t.dep_ not in ("det", "poss")]
            # (oc36) an outcome in -ing the small model hangs on the head before it ("drives problem | drinking")
            phrase += [c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == n.i + 1]
            if any(any(terms.covers(name, t.i) for name in s["outcomes"]) for t in phrase) or any(
                    t.lemma_.lower() in s["general_outcomes"] or t.lower_ in s["general_outcomes"] for t in phrase):
                return n.i, n.i + 1
            # (oc35) a rate of anything is a measure of how often it befalls people: "drives the high rate of
            # childhood asthma" (the rate's "of" names what, whatever it is)
            if (n.lemma_.lower() in s["general_rate_nouns"] or n.lower_ in s["general_rate_nouns"]) and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                    for c in n.children):
                return n.i, n.i + 1
            # (oc33) or after "in" on a noun of change: "causes the spike in crisis presentations"
            changes = n.lemma_.lower() in s["general_change_nouns"] or n.lower_ in s["general_change_nouns"]
            n = next((g for c in n.children if c.dep_ == "prep" and (
                c.lower_ == "of" or (changes and c.lower_ in s["general_change_preps"]))
                      for g in c.children if g.dep_ == "pobj"), None)
            if n is None:
                break
    return None


def _attribution(rule: Rule, doc, ctx: Context, terms: Terms, s: dict) -> list[Candidate]:
    out: list[Candidate] = []
    T = _toks(doc)
    # passive with the provider as agent: "better recovery rates were delivered by our peer workers"
    for tok in T:
        if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is None and tok.lemma_.lower() in s["link_verbs"]:
            # (o21) a verb that links a result to its cause, with the cause after "to" and perhaps an adverb
            # between ("can be traced directly to our sessions", "is attributed largely to our team")
            agent = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in s["link_preps"]
                          for g in c.children if g.dep_ == "pobj"), None)
        if subj is None or agent is None or not _is_agent(agent, s):
            continue
        np = list(subj.subtree)
        if _changed_outcome(terms, s, np) is None or not _changed(np, s, terms) or _blocked(ctx, tok):
            continue
        if ctx.hedged(tok) and not _only_can(T, tok.sent, ctx):
            continue
        out.append(Candidate(rule, tok.i, agent.i + 1, tok.i))
    if s["source_verbs"] or s["link_verbs"]:
        out.extend(_sourced(rule, T, ctx, terms, s))
    # copular and fronted frames around a cue phrase: "is down to our team", "Thanks to our support, ..."
    cues = s["cues"]
    if cues and terms.any(cues):
        for cs, ce in terms.spans(cues):
            sent = T[cs].sent
            phrase = " ".join(t.lower_ for t in T[cs:ce])
            if phrase in W.agent_first_cues:
                # "our outreach team is the reason the figures improved": the provider comes first
                before = [t for t in T[sent.start:cs] if t.dep_ in ("nsubj", "nsubjpass")]
                if not any(_is_agent(t, s) for t in before):
                    continue
                rest = T[ce:sent.end]
                if _changed_outcome(terms, s, rest) is None or not _changed(rest, s, terms):
                    continue
            else:
                if any(t.lower_ in W.shared_credit_words for t in T[max(sent.start, cs - 2):cs]):
                    continue  # "alongside the work of our team": shared, not sole, credit
                after = T[ce:min(sent.end, ce + 8)]
                if cs == sent.start or (cs == sent.start + 1 and not T[sent.start].is_alpha):
                    # a fronted cause ends at its comma: "Because only six families took part, we
                    # treat ..." gives the families, not us, as the cause
                    comma = next((t.i for t in after if t.text == ","), None)
                    after = after if comma is None else T[ce:comma]
                heads = [t for t in after if t.pos_ in W.noun_propn_pron]
                if not any(_is_agent(t, s) for t in heads):
                    continue
                fronted = cs == sent.start or (cs == sent.start + 1 and not T[sent.start].is_alpha)
                if fronted:
                    rest = T[ce:sent.end]
                    comma = next((t.i for t in rest if t.text == ","), None)
                    if comma is None:
                        continue
                    clause = T[comma + 1:sent.end]
                    if _outcome_in(terms, s, clause) is None:
                        continue
                else:
                    clause = T[sent.start:cs]
                    if _changed_outcome(terms, s, clause) is None or not _changed(clause, s, terms):
                        continue
            anchor = next((t for t in T[sent.start:sent.end] if t.dep_ == "ROOT"), T[cs])
            if _blocked(ctx, anchor) or ctx.negated(T[cs]) or (
                    (ctx.hedged(T[cs]) or ctx.hedged(anchor)) and not _only_can(T, sent, ctx)):
                continue
            out.append(Candidate(rule, cs, ce, anchor.i))
    if s["copulas"]:
        out.extend(_copular_credit(rule, doc, ctx, terms, s))
    return out


def _names_us(np, s: dict) -> bool:
    """(o23) A phrase of cause that is ours: we or an agent of ours ("our tenancy sustainment model", "the project"),
    something we give ("the counselling we provide"), or the work of one ("the work of our navigators")."""
    if np is None:
        return False
    if _is_agent(np, s) or _ours_np(np, s) or _ours(np, s):
        return True
    return any(c.dep_ == "prep" and c.lower_ in W.belonging_preps and any(
        g.dep_ == "pobj" and (_is_agent(g, s) or _ours_np(g, s)) for g in c.children) for c in np.children)


def _source_of(verb, s: dict):
    """The object of the verb's phrase of origin or link ("to our offer", "from our model", "through the crisis house
    we run"), through a particle or adverb between ("came straight from", "put down to")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in s["source_preps"]:
            g = next((g for g in c.children if g.dep_ == "pobj"), None)
            if g is not None:
                return g
        if c.dep_ in ("prt", "advmod"):
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in s["source_preps"]:
                    g = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if g is not None:
                        return g
    return None


def _sourced(rule: Rule, T, ctx: Context, terms: Terms, s: dict) -> list[Candidate]:
    """(o23) An outcome that changed, as the subject of a verb of origin with us in its phrase ("The shrinking of the
    waiting list owes much to our pre-assessment offer", "the drop in evictions came straight from our model", "came
    about through the crisis house we run"); or we as the subject of a verb of linking in the active, whose object is
    the outcome or points back to it ("..., which we attribute to the counselling we provide", "we credit the fall in
    evictions to our tenancy team"). Negated, hedged (not "can"), conditional, an aim or a question: no claim."""
    out: list[Candidate] = []
    for verb in T:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or verb.tag_ in W.vbn_jj_vbd and any(
                c.dep_ == "auxpass" for c in verb.children):
            continue  # (the passive is read above)
        if lemma in s["source_verbs"] or lemma in s["copulas"] and any(
                c.dep_ in ("advmod", "acomp") and c.lower_ in s["source_complements"] for c in verb.children):
            # ("is down entirely to the mentoring scheme": a copula whose complement links, an adverb between)
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            what = list(subj.subtree)
        elif lemma in s["link_verbs"]:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if subj is None or obj is None or subj.lower_ not in W.provider_pronouns:
                continue
            if obj.lower_ in s["pointer_words"]:
                # "which" or "this": the clause it points back to, the verb's head's clause
                head = verb.head if verb.head.i != verb.i else verb
                what = [t for t in T[verb.sent.start:verb.sent.end] if t.i < verb.left_edge.i or (
                    head.i != verb.i and t.i in {x.i for x in head.subtree} and t.i not in {x.i for x in verb.subtree})]
            else:
                # (with the verb's own "in ..." when the parser hangs it there: "attribute the fall | in evictions")
                what = list(obj.subtree) + [t for c in verb.children if c.dep_ == "prep" and c.i > obj.i
                                            and c.lower_ in W.belonging_preps for t in c.subtree]
        else:
            continue
        source = _source_of(verb, s)
        if source is None or not _names_us(source, s):
            continue
        what = [t for t in what if t.i not in {x.i for x in source.subtree}]
        if _changed_outcome(terms, s, what) is None or not _changed(what, s, terms):
            continue
        if _blocked(ctx, verb) or (ctx.hedged(verb) and not _only_can(T, verb.sent, ctx)):
            continue
        out.append(Candidate(rule, verb.i, source.i + 1, verb.i))
    return out


def _ours_np(np, s: dict) -> bool:
    """The provider, or something of the provider's ("our link workers", "our housing team's")."""
    if np is None:
        return False
    if _is_agent(np, s) or np.lower_ in W.provider_pronouns:
        return True
    return any(c.dep_ == "poss" and (c.lower_ in W.provider_pronouns or _ours_np(c, s)) for c in np.children)


def _copular_credit(rule: Rule, doc, ctx: Context, terms: Terms, s: dict) -> list[Candidate]:
    """(o19) A copular frame that gives an outcome's cause or credit as us: the subject is a noun of reason
    ("the reason is our link workers", in a sentence that says what changed), or the complement is a noun of
    credit that is ours ("the fall in evictions is our housing team's doing"), or a cleft puts us as the one who
    accounts for an outcome ("it is our team that accounts for the lowest self-harm figures")."""
    out: list[Candidate] = []
    T = _toks(doc)
    for cop in T:
        if cop.lemma_.lower() not in s["copulas"] or cop.pos_ not in ("AUX", "VERB"):
            continue
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in cop.children if c.dep_ == "attr"), None)
        if subj is None or attr is None:
            continue
        sent = cop.sent
        words = T[sent.start:sent.end]
        hit = None
        if subj.lemma_.lower() in s["reason_nouns"] and _ours_np(attr, s) and _changed(words, s, terms):
            hit = (subj.i, attr.i + 1)  # "the reason is our link workers"
        elif (attr.lower_ in s["credit_nouns"] or attr.lemma_.lower() in s["credit_nouns"]) and any(
                c.dep_ == "poss" and _ours_np(c, s) for c in attr.children) and not any(
                c.lower_ in s["own_words"] for c in attr.children) and (
                _changed(list(subj.subtree), s, terms) and _changed_outcome(terms, s, list(subj.subtree)) is not None):
            hit = (cop.i, attr.i + 1)  # "is our housing team's doing"
        elif subj.lower_ == "it" and _ours_np(attr, s):
            clause = next((c for c in cop.children if c.dep_ in ("ccomp", "relcl") and c.lemma_.lower() in s["cleft_verbs"]),
                          None) or next((c for c in attr.children if c.dep_ == "relcl"
                                         and c.lemma_.lower() in s["cleft_verbs"]), None)
            if clause is not None:
                rest = [t for t in clause.subtree if t.i > clause.i]
                if _changed(rest, s, terms) or any(t.tag_ == "JJS" for t in rest) or _outcome_in(terms, s, rest):
                    hit = (attr.i, clause.i + 1)  # "it is our team that accounts for ..."
        if hit is None:
            continue
        if _blocked(ctx, cop) or ctx.hedged(cop):
            continue
        out.append(Candidate(rule, hit[0], hit[1], cop.i))
    return out


def _only_can(T, sent, ctx: Context) -> bool:
    """"can be traced to our team", "can be credited to": the modal states a capability, and
    with no other hedge in the sentence the attribution stands."""
    words = T[sent.start:sent.end]
    if not any(t.lower_ in W.capability_modals and t.dep_ in ("aux", "auxpass") for t in words):
        return False
    hedges = ctx.v.set("hedge_adverbs") | ctx.v.set("hedge_modals")
    return not any(t.lower_ in hedges and t.lower_ not in W.capability_modals for t in words)


def _magnitude(rule: Rule, doc, ctx: Context, terms: Terms, s: dict) -> list[Candidate]:
    """A vague size ("a huge impact", "a dramatic reduction") of a change the provider claims:
    the change noun is in the object of a verb whose subject is the provider, or the sentence
    says "there has been ... since we started"."""
    out: list[Candidate] = []
    T = _toks(doc)
    for tok in T:
        if tok.lower_ in s["vague"] and tok.dep_ == "acomp" and tok.head.pos_ == "AUX":
            # "the improvement in members' mood has been remarkable": a change as the subject of a
            # vague predicate, in a sentence about us or the people who use the service
            verb = tok.head
            subj = subject_of(verb)
            if subj is not None and (subj.lemma_.lower() in s["change"] or subj.lower_ in s["change"]) and (
                    _is_agent(subj, s) or _ours_in(tok.sent, s) or _users_own(subj, s)) and not (
                    _blocked(ctx, verb) or ctx.hedged(verb)):
                out.append(Candidate(rule, subj.i, tok.i + 1, verb.i))
            continue
        if tok.lower_ not in s["vague"] or tok.dep_ not in ("amod", "advmod"):
            continue
        noun = tok.head
        if noun.lemma_.lower() not in s["change"] and noun.lower_ not in s["change"]:
            continue
        verb = governing_verb(noun)
        subj = subject_of(verb)
        claimed = _is_agent(subj, s)
        if not claimed and subj is not None and subj.dep_ == "expl":
            sent = tok.sent
            claimed = any(t.lower_ in W.provider_pronouns_short for t in T[noun.i:sent.end])
        if not claimed and verb.pos_ not in ("VERB", "AUX") and verb.dep_ == "ROOT":
            # a headline with no verb ("Huge improvements all round for the families on our
            # programme!"): about us when it names us or the people who use the service
            claimed = _ours_in(tok.sent, s) or _users_own(noun, s)
        if claimed and not _blocked(ctx, verb):
            out.append(Candidate(rule, tok.i, noun.i + 1, verb.i))
    if s["vague_verbs"] or s["change_verbs"]:
        out.extend(_vague_change(rule, T, ctx, s))
    if s["vague_changes"]:
        out.extend(_vague_change_nouns(rule, doc, T, ctx, s))
    return out


def _vague_change_nouns(rule: Rule, doc, T, ctx: Context, s: dict) -> list[Candidate]:
    """A change named with its size built in and no figure ("a step change in how quickly
    people are seen", "a world of difference to carers"), in a sentence about us or the
    people who use the service."""
    out: list[Candidate] = []
    text = _lower_text(doc)
    for phrase in s["vague_changes"]:
        k = text.find(phrase)
        while k != -1:
            if k == 0 or not text[k - 1].isalnum():
                first = next((t for t in T if t.idx >= k), None)
                last = next((t for t in reversed(T) if t.idx < k + len(phrase)), None)
                if first is not None and last is not None:
                    verb = governing_verb(last)
                    subj = subject_of(verb)
                    if (_is_agent(subj, s) or _ours_in(first.sent, s) or _users_own(subj, s)) and not (
                            _blocked(ctx, verb) or ctx.hedged(verb)):
                        out.append(Candidate(rule, first.i, last.i + 1, verb.i))
            k = text.find(phrase, k + 1)
    return out


def _ours_in(sent, s: dict) -> bool:
    """The sentence is about us: "our", "we", "us", or a provider noun with an article
    ("since the groups began")."""
    return any(t.lower_ in W.provider_pronouns_short or (
        t.pos_ == "NOUN" and t.lemma_.lower() in s["agents"] and any(c.lower_ in W.articles for c in t.children))
        for t in sent)


def _users_own(subj, s: dict) -> bool:
    """The changing thing belongs to the people who use our service ("wellbeing among
    participants", "tenants' confidence", "our members' debts"): a claim about our own
    people's outcome, not a description of the population ("anxiety among young people")."""
    if subj is None or not s["users"] or subj.lemma_.lower() in W.number_nouns:
        return False  # "the number of callers has risen": a count of use, not their outcome
    if (subj.lower_ in s["users"] or subj.lemma_.lower() in s["users"]) and (
            subj.head.lemma_.lower() not in s["change_verbs"] and subj.head.lemma_.lower() not in s["vague_verbs"]):
        return True  # "members report far fewer panic attacks" (not "callers have risen sharply")
    for t in subj.subtree:
        if t.i == subj.i or t.dep_ not in W.owner_deps:
            continue
        if t.lower_ in s["users"] or t.lemma_.lower() in s["users"]:
            return True
        if _is_people(t, s) and any(c.dep_ == "relcl" and c.lemma_.lower() in s["use_verbs"] for c in t.children):
            return True  # "isolation among the older men who come to the shed"
        if _is_people(t, s) and any(c.dep_ == "prep" and any(
                g.dep_ == "pobj" and (g.lower_ in W.provider_pronouns_short or any(
                    x.dep_ == "poss" and x.lower_ in W.provider_pronouns_short for x in g.children))
                for g in c.children) for c in t.children):
            return True  # "the people on our caseload", "families with us"
    return False


def _bad_subject(verb, s: dict) -> bool:
    """The subject of a verb of vanishing is a bad outcome ("evictions", "rough sleeping",
    "loneliness"): a word of the lists or a word ending in one of its suffixes."""
    subj = subject_of(verb)
    if subj is None:
        return False
    low, lemma = subj.lower_, subj.lemma_.lower()
    if low in s["vanish_subjects"] or lemma in s["vanish_subjects"]:
        return True
    if any(t.lower_ in s["vanish_subjects"] for t in subj.children if t.dep_ == "compound"):
        return True  # "rough sleeping"
    return bool(s["vanish_suffixes"]) and len(low) > 7 and low.endswith(s["vanish_suffixes"])


def _has_degree_phrase(doc, s: dict) -> bool:
    text = _lower_text(doc)
    return any(phrase in text for phrase in s["degree_phrases"])


def _degree_phrase(verb, s: dict):
    """A change verb sized by a vague phrase after it ("grown beyond all recognition", "improved
    in leaps and bounds", "gone through the roof"): the end of the phrase, or None."""
    if not s["degree_phrases"]:
        return None
    after = [t for t in verb.subtree if t.i > verb.i]
    if not after:
        return None
    doc = verb.doc
    start = after[0].idx
    text = _text(doc)[start:after[-1].idx + len(after[-1])].lower()
    for phrase in s["degree_phrases"]:
        k = text.find(phrase)
        if k != -1 and (k == 0 or not text[k - 1].isalnum()):
            end_char = start + k + len(phrase)
            return max(t.i for t in after if t.idx < end_char) + 1
    return None


def _vague_change(rule: Rule, T, ctx: Context, s: dict) -> list[Candidate]:
    """A change verb or comparative sized by a vague word ("greatly reduced", "dropped
    sharply", "much lower", "vastly better") or phrase ("grown beyond recognition"), or a
    verb that is itself a vague size ("plummeted", "soared"), in a sentence about us (or about
    an outcome of the people who use our service) whose changing thing is not an outside
    force ("demand has grown hugely across the country" is not about us)."""
    out: list[Candidate] = []
    external = s["external"]
    for tok in T:
        lemma = tok.lemma_.lower()
        head = None
        prt = next((c for c in tok.children if c.dep_ == "prt"), None) if tok.pos_ == "VERB" else None
        if tok.pos_ == "VERB" and (lemma in s["vague_verbs"] or (
                prt is not None and f"{lemma} {prt.lower_}" in s["vague_verbs"])):
            head, start, end = tok, tok.i, (prt.i if prt is not None and prt.i > tok.i else tok.i) + 1
        elif tok.lower_ in s["vague"] and tok.dep_ in W.vague_degree_deps:
            h = tok.head
            if (h.pos_ == "VERB" and h.lemma_.lower() in s["change_verbs"]) or (
                    h.lower_ in W.comparatives or h.lemma_.lower() in s["change_verbs"]):
                head, start, end = h, min(tok.i, h.i), max(tok.i, h.i) + 1
        elif tok.pos_ == "VERB" and lemma in s["vanish_verbs"] and _bad_subject(tok, s):
            head, start, end = tok, tok.i, tok.i + 1
        elif tok.pos_ == "VERB" and lemma in s["size_verbs"] and _users_own(
                next((c for c in tok.children if c.dep_ == "nsubjpass"), None) or subject_of(tok), s):
            # "the lives of the people on our caseload have been transformed": a change whose
            # verb is its size, in an outcome of the people who use the service
            head, start, end = tok, tok.i, tok.i + 1
        elif tok.pos_ == "VERB" and lemma in s["change_verbs"] and s["degree_phrases"]:
            phrase_end = _degree_phrase(tok, s)
            if phrase_end is not None:
                head, start, end = tok, tok.i, phrase_end
        if head is None:
            continue
        verb = governing_verb(head, steps=3)
        subj = subject_of(verb)
        if subj is not None and (subj.lemma_.lower() in external or subj.lower_ in external):
            continue
        if not (_is_agent(subj, s) or _ours_in(tok.sent, s) or _users_own(subj, s)):
            continue
        if _blocked(ctx, verb) or ctx.hedged(verb):
            continue
        out.append(Candidate(rule, start, end, verb.i))
    return out
