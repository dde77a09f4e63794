"""Check ``effect_claim``: a clause-level reading of "our effect on an outcome".

The other structure checks read one frame each (an agent as the subject of a causal
verb, a copular attribution cue, a vague size). This one reads the three parts of a
claim wherever the clause chain puts them, so that wording none of those frames
models is still read:

* **an outcome**: a noun of the rule's outcome term lists, or of an outcome word
  family (a noun ending in one of ``outcome_suffixes``: "loneliness",
  "homelessness", "absenteeism"), or the people we support as the ones who changed
  ("fewer people ended up in hospital", "got families back on their feet");
* **a change** of it: a verb of the rule's change classes governing the outcome
  (object, subject, passive subject, prepositional object, result phrase), a change
  noun whose "in"/"of" phrase is the outcome ("the fall in arrears"), or a
  comparative on it ("fewer evictions", "people are less isolated");
* **our agency**: a provider mention (we, our, us, the team's work, our
  programme...) that is the subject or by-agent of the change, or of a clause that
  governs it (a cleft "it was our team who ...", a relative clause on our noun, a
  "which"-clause about our work), or that follows a causal link
  ("thanks to", "down to", "because of", "the result of", "through") in the same
  clause chain as the change.

The careful-language exits are read at the clause that carries the claim (the change
word and each verb above it up to the provider): negated, hedged, an aim, a
conditional, a question, a future (unless the rule reads promises), and the
sentence exits of the rule's options (a named source, a small-number caution).

Every word comes from the rule's options (``$lists`` in ``vocabulary.yaml``) and
``grammar.yaml``; ``evidencebot rules explain`` shows which parts were found.
"""

from __future__ import annotations

from evidencebot.language.overclaim.claims import _only_can
from evidencebot.language.overclaim.common import Candidate, Terms, _span_text, _toks, check, derived, option_words, subject_of
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule
from evidencebot.text import has_phrase


def _build(o: dict) -> dict:
    s: dict = dict(
        agents=option_words(o.get("agents")),
        people=option_words(o.get("people")),
        change_verbs=option_words(o.get("change_verbs")),
        change_nouns=option_words(o.get("change_nouns")),
        change_adjectives=option_words(o.get("change_adjectives")),
        links=option_words(o.get("links")),
        result_verbs=option_words(o.get("result_verbs")),
        particles=option_words(o.get("change_particles")),
        people_words=option_words(o.get("people_words")),
        link_verbs=option_words(o.get("link_verbs")),
        frame_verbs=option_words(o.get("frame_verbs")),
        light_verbs=option_words(o.get("light_verbs")),
        assured_verbs=option_words(o.get("assured_verbs")),
        assured_adjectives=option_words(o.get("assured_adjectives")),
        credit_nouns=option_words(o.get("credit_nouns")),
        states=option_words(o.get("well_states")),
        result_governors=option_words(o.get("result_governors")),
        results=option_words(o.get("result_nouns")),
        transform_words=option_words(o.get("transform_words")),
        scopes=list(o.get("scope_terms") or []),
        areas=option_words(o.get("area_words")),
        not_agents=option_words(o.get("not_agents")),
        outcomes=list(o.get("outcomes") or []),
        suffixes=tuple(str(x).lower() for x in (o.get("outcome_suffixes") or [])),
        not_outcomes=option_words(o.get("not_outcomes")),
        exits=option_words(o.get("sentence_exits")),
        heads=option_words(o.get("outcome_heads")),
        achieve=option_words(o.get("achieve_verbs")),
        quantities=option_words(o.get("quantities")),
        enabling_verbs=option_words(o.get("enabling_verbs")),
        enabling_words=option_words(o.get("enabling_words")),
        counter_outcomes=option_words(o.get("counterfactual_outcomes")),
        counter_preps=option_words(o.get("counterfactual_preps")),
        counter_modals=option_words(o.get("counterfactual_modals")),
        people_possessives=option_words(o.get("people_possessives")),
        interventions=option_words(o.get("intervention_nouns")),
        provision_verbs=option_words(o.get("provision_verbs")),
    )
    s["trigger"] = (s["change_verbs"] | s["change_nouns"] | s["change_adjectives"] | s["result_verbs"] | s["results"]
                    | s["transform_words"]
                    | s["enabling_verbs"]
                    | {v.split()[0] for v in s["change_verbs"] if " " in v})
    return s


def _settings(rule: Rule) -> dict:
    return derived(rule, _build)


# --- the three parts -------------------------------------------------------------------


def _is_people(tok, s: dict) -> bool:
    return tok.lemma_.lower() in s["people"] or tok.lower_ in s["people"]


def _outcome(tok, s: dict, terms: Terms, modifier: bool = False) -> bool:
    """Is this token an outcome (a noun of the outcome lists or word families)? A term that
    only modifies another noun ("crisis" in "crisis team") is not, unless ``modifier`` (the
    noun it modifies is a change: "attendance rise")."""
    if tok.pos_ not in W.effect_outcome_pos and tok.tag_ != "VBG" and not tok.lower_.endswith(s["suffixes"] or ("\0",)):
        return False
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in s["not_outcomes"] or lemma in s["not_outcomes"] or lemma in s["agents"]:
        # "referrals" and "visits" are ours, "crisis referrals" and "GP visits" outcomes
        return any(e - st > 1 and st <= tok.i < e for name in s["outcomes"] for st, e in terms.spans(name))
    if any(terms.covers(name, tok.i) for name in s["outcomes"]):
        return modifier or tok.dep_ not in W.compound_amod_nmod or tok.head.pos_ not in ("NOUN", "PROPN") or any(
            terms.covers(name, tok.head.i) for name in s["outcomes"]) or tok.head.lower_ in W.measure_nouns
    if tok.pos_ == "NOUN" and (lemma in s["heads"] or low in s["heads"]):
        return modifier or tok.dep_ not in W.compound_amod_nmod or tok.head.lower_ in W.measure_nouns
    return tok.pos_ == "NOUN" and bool(s["suffixes"]) and low.endswith(s["suffixes"]) and len(low) > 7


def _ours(tok, s: dict) -> bool:
    """A provider mention: "we"/"us", or a noun phrase of ours ("our team", "the team's
    work", "the programme") that is not the people we support."""
    low = tok.lower_
    if low in W.provider_pronouns_short and low != "our":
        return tok.dep_ not in ("relcl",) and not _inside_people(tok, s)
    if tok.pos_ not in ("NOUN", "PROPN") or _is_people(tok, s) or tok.lemma_.lower() in s["not_agents"]:
        return False
    for c in tok.children:
        if c.dep_ == "poss" and (c.lower_ in W.provider_pronouns_short or (
                c.lemma_.lower() in s["agents"] and not _is_people(c, s))):
            return True
        if c.dep_ == "prep" and (c.lower_ in W.belonging_preps or c.lower_ in W.agent_link_preps):
            for g in c.children:
                if g.dep_ == "pobj" and not _is_people(g, s) and _ours(g, s):
                    return True
                if (c.lower_ in W.agent_link_preps and g.dep_ == "pobj" and _delivered(tok, s)
                        and (g.lemma_.lower() in s["agents"] or g.lower_ in s["agents"]) and not _is_people(g, s)):
                    return True  # "weekly visits from a support worker", "sessions with a coach"
        if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "we" for g in c.children):
            return True  # "the crisis plan we wrote", "the triage car we staff"
    if tok.lemma_.lower() in s["agents"] or low in s["agents"] or (tok.pos_ == "PROPN" and tok.is_title):
        return any(c.dep_ == "det" and c.lower_ in W.definite_dets for c in tok.children)
    return False


def _inside_people(tok, s: dict) -> bool:
    """"we" in "the people we support": a relative clause on the people."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl" and _is_people(cur.head, s):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _change_of(tok, s: dict, terms: Terms):
    """The outcome this change word changes, or None.

    verb: its object, its subject (intransitive "admissions fell"), its passive subject, a
    prepositional object, a complement clause ("overhauled how schools respond to self-harm"),
    or the people moved or stopped by it ("got people into work", "stops young people
    reoffending"); a participle on an outcome ("the falling suicide rate"); noun: its
    "in"/"of" phrase ("the fall in arrears"); adjective: the noun it modifies or the subject of
    its copula ("fewer evictions", "people are less isolated")."""
    lemma = tok.lemma_.lower()
    if tok.dep_ == "amod" and tok.tag_ in ("VBG", "VBN") and _change_verb(tok, s) and _outcome_np(tok.head, s, terms):
        return tok.head  # "the falling suicide rate", "improved wellbeing scores"
    if tok.pos_ == "VERB" and lemma in s["enabling_verbs"] and any(
            c.dep_ in W.effect_enabling_deps and c.lower_ in s["enabling_words"] for c in tok.children):
        # "her return to college was made possible by ...", "our team made his recovery possible"
        for c in tok.children:
            if c.dep_ in ("nsubjpass", "dobj") and c.pos_ == "NOUN" and _outcome_np(c, s, terms, owned=True):
                return c
        return None
    if tok.pos_ in ("VERB", "AUX") and (_change_verb(tok, s) or lemma in s["result_verbs"]):
        change = _change_verb(tok, s)
        transitive = any(c.dep_ == "dobj" for c in tok.children)
        for c in tok.children:
            if c.dep_ == "nsubj" and transitive:
                continue  # the subject of "prevents suicide" is the cause, not the outcome
            if change and c.dep_ in W.effect_changed_deps and _outcome_np(
                    c, s, terms, owned=c.dep_ == "dobj"):
                return c
            if change and c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" and _outcome(c, s, terms, modifier=True):
                return c  # "has stopped drinking", "gave up self-harming"
            if change and c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG" and any(
                    g.dep_ == "nsubj" and (_is_people(g, s) or g.lower_ in W.individuals or g.lower_ in W.people_pronouns)
                    for g in c.children):
                return c  # "stops young people reoffending"
            if change and c.dep_ == "ccomp" and c.i > tok.i and not any(
                    g.dep_ == "nsubj" and g.lower_ in W.provider_pronouns_short for g in c.children):
                hit = next((t for t in c.subtree if _outcome(t, s, terms)), None)
                if hit is not None:
                    return hit  # "overhauled how every school responds to self-harm"
            if change and c.dep_ in ("prep", "dative") and c.lower_ in W.effect_preps:
                hit = _prep_outcome(c, s, terms)
                if hit is not None:
                    return hit
            if c.dep_ in ("dobj", "nsubjpass") and (_is_people(c, s) or c.lower_ in W.individuals
                                                     or c.lower_ in W.people_pronouns or c.pos_ == "PROPN"
                                                     or _people_counted(c, s)):
                if _moved(tok, c) or _stopped(c, s):
                    return c
        return None
    if (lemma in s["transform_words"] or tok.lower_ in s["transform_words"]) and _area_wide(tok.sent, s):
        # "crisis care in the county looks completely different", "transformed care across the borough"
        subj = subject_of(tok if tok.pos_ in ("VERB", "AUX") else tok.head)
        for c in ([subj] if subj is not None else []) + [c for c in tok.children if c.dep_ in W.effect_changed_deps]:
            if any(terms.covers(n, t.i) for t in c.subtree for n in s["scopes"]):
                return c
    if tok.pos_ == "NOUN" and lemma in s["results"] and tok.dep_ in W.nsubj_nsubjpass_csubj_expl:
        return tok  # "her recovery is down to our staff": a result, given a cause of ours
    if tok.pos_ == "NOUN" and (lemma in s["change_nouns"] or tok.lower_ in s["change_nouns"]):
        preps = [c for c in tok.children if c.dep_ == "prep"]
        if tok.dep_ == "dobj":
            # a light verb's preposition: "put an end to rough sleeping", "made a dent in arrears"
            preps += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
        for c in preps:
            if c.lower_ in W.effect_preps:
                hit = _prep_outcome(c, s, terms)
                if hit is not None:
                    return hit
        for c in tok.children:
            if c.dep_ in W.compound_amod_nmod and _outcome(c, s, terms, modifier=True):
                return c
        return None
    if tok.lower_ in s["change_adjectives"] or lemma in s["change_adjectives"]:
        if tok.dep_ == "amod" and (_outcome_np(tok.head, s, terms) or _is_people(tok.head, s)):
            return tok.head
        if tok.dep_ in ("acomp", "advmod") or tok.head.dep_ == "acomp":
            verb = tok.head if tok.dep_ != "advmod" or tok.head.pos_ in ("VERB", "AUX") else tok.head.head
            subj = subject_of(verb)
            if subj is not None and (_outcome_np(subj, s, terms) or _is_people(subj, s)):
                return subj
    return None


def _achieved(verb, s: dict, terms: Terms):
    """The people we support as the subject of a verb of attaining, with an outcome as its
    object or destination, or a state of wellbeing ("participants found stable jobs", "Sara
    kept her flat", "Kai went back to school", "Tom is now in his own flat", "Dev is sober"):
    a result, when something of ours is given as its cause."""
    if verb.lemma_.lower() not in s["achieve"]:
        return None
    subj = subject_of(verb)
    if subj is None or not (_is_people(subj, s) or subj.lower_ in W.individuals or subj.pos_ == "PROPN"):
        return None
    for c in verb.children:
        # "found work": a listed outcome as the object of attaining, even one that is also a
        # word for our own activity ("work")
        if c.dep_ == "dobj" and (_outcome_np(c, s, terms, owned=True) or any(terms.covers(n, c.i) for n in s["outcomes"])):
            return c
        if c.dep_ in W.effect_destination_deps:
            for g in c.subtree:
                if g.dep_ == "pobj" and (_outcome_np(g, s, terms) or any(terms.covers(n, g.i) for n in s["outcomes"])):
                    return g
        if c.dep_ in W.effect_state_deps and c.lower_ in s["states"]:
            return c
    return None


def _relieved(verb, s: dict, terms: Terms, ctx: Context):
    """A bad outcome said not to happen to the people we support ("Jo has not self-harmed since
    ...", "Mrs K never went back into hospital", "no longer sleeps rough"): the outcome word."""
    subj = subject_of(verb)
    if subj is None or not (_is_people(subj, s) or subj.lower_ in W.individuals or subj.pos_ == "PROPN"):
        return None
    if not ctx.negated(verb):
        return None
    if verb.lower_ in s["counter_outcomes"] or verb.lemma_.lower() in s["counter_outcomes"]:
        return verb
    for t in verb.subtree:
        if t.i > verb.i and (t.lower_ in s["counter_outcomes"] or _outcome(t, s, terms)):
            return t
    return None


def _stopped(people, s: dict) -> bool:
    """The people with a verbal complement or a state of wellbeing: "stops young people
    reoffending", "stopped people being readmitted", "keeps young people safe"."""
    return any(c.i > people.i and c.tag_ == "VBG" for c in people.children) or any(
        c.i > people.i and (c.tag_ == "VBG" or c.lower_ in s["states"]) and c.dep_ in W.effect_clause_comp_deps
        for c in people.head.children)


def _prep_outcome(prep, s: dict, terms: Terms):
    """The outcome a preposition introduces: its object (or the object of its clause, "in
    waiting times"), else, when the parse left it without one, a noun in the next few words."""
    for g in prep.children:
        if g.dep_ in ("pobj", "pcomp") and _outcome_np(g, s, terms):
            return g
        if g.dep_ == "pcomp":
            for x in g.children:
                if x.dep_ == "dobj" and _outcome_np(x, s, terms):
                    return x
    if not any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
        doc = prep.doc
        for t in doc[prep.i + 1:min(prep.i + 5, prep.sent.end)]:
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
            if _outcome(t, s, terms, modifier=True):
                return t
    return None


def _area_wide(sent, s: dict) -> bool:
    return any(t.lower_ in s["areas"] for t in sent)


def _change_verb(tok, s: dict) -> bool:
    """A verb of the change class, or a verb with a change particle ("pushed down", "gave up",
    "brought down"): the particle makes the change."""
    lemma = tok.lemma_.lower()
    if lemma in s["change_verbs"] or tok.lower_ in s["change_verbs"]:
        return True
    return any(c.dep_ == "prt" and (c.lower_ in s["particles"] or f"{lemma} {c.lower_}" in s["change_verbs"])
               for c in tok.children)


def _outcome_np(np, s: dict, terms: Terms, owned: bool = False) -> bool:
    """The head of this noun phrase is an outcome; or the head is a measure or a quantity
    ("the rate of evictions", "dozens of detentions", "the number of people claiming sickness
    benefits", "use of restraint") with an outcome, or anything, in its "of" phrase; or it is
    something of the people we support ("people's relationships", "their tenancy")."""
    if _outcome(np, s, terms):
        # "the wait for a callback" is our process, not an outcome
        return not any(c.dep_ == "prep" and any(g.dep_ == "pobj" and _not_outcome(g, s) for g in c.children)
                       for c in np.children if c.lower_ == "for")
    measure = np.lower_ in W.measure_nouns or np.lemma_.lower() in W.measure_nouns
    if measure or np.lower_ in s["quantities"] or np.pos_ == "NUM":
        if any(t.i != np.i and _outcome(t, s, terms, modifier=True) for t in np.subtree):
            return True
        if measure and any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "NOUN"
                           and not _not_outcome(g, s) for g in c.children) for c in np.children):
            return True
    if owned and np.pos_ == "NOUN" and not _not_outcome(np, s) and not _is_people(np, s):
        for c in np.children:
            if c.dep_ == "poss" and (_is_people(c, s) or c.lower_ in s["people_possessives"]
                                     or c.lower_ in W.individuals or c.pos_ == "PROPN"):
                return True
    return False


def _not_outcome(t, s: dict) -> bool:
    return (t.lower_ in s["not_outcomes"] or t.lemma_.lower() in s["not_outcomes"]
            or t.lemma_.lower() in s["agents"])


def _people_counted(tok, s: dict) -> bool:
    """A count of people with no figure: "hundreds of people", "dozens of families"."""
    return tok.lower_ in s["quantities"] and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _is_people(g, s) for g in c.children)
        for c in tok.children)


def _moved(verb, people) -> bool:
    """The people are moved by the verb's result phrase ("got people into work", "kept
    families in their homes", "helped tenants off the streets")."""
    return any(c.i > people.i and (c.dep_ in W.effect_moved_deps and c.lower_ in W.result_particles)
               for c in list(verb.children) + list(people.children))


def _agency(tok, s: dict, ctx: Context, steps: int = 8):
    """The provider mention that claims the change ``tok``, and the verbs between: up the
    parse from the change word, at each step reading the subject, by-agent and causal links of
    the clause reached; a relative clause hands over to its antecedent, a cleft ("it was our
    team who ...") or a "means" clause ("choosing us means ...") to its focus. A clause with a
    subject of its own that is the complement of a verb of saying, knowing or treating ("we
    treat this as ...", "we know that admissions fell") is not claimed by that verb's subject."""
    path = []
    cur = tok
    for _ in range(steps):
        verbal = cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT"
        if verbal:
            path.append(cur)
            found = _agent_of_clause(cur, s)
            if found is not None:
                return found, path
        link = _link_in(cur, s)
        if link is not None:
            return link, path
        if cur.dep_ == "relcl" and _ours(cur.head, s):
            return cur.head, path
        if verbal and cur.lemma_.lower() in s["assured_verbs"] and tok.i > cur.i:
            return cur, path  # "commissioners can count on a fall in ...": we are the one promising
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "dobj" and cur.pos_ == "NOUN" and cur.head.lemma_.lower() not in s["light_verbs"] and not (
                _change_verb(cur.head, s)) and any(c.dep_ == "nsubj" and _ours(c, s) for c in cur.head.children):
            break  # "we treat the fall in arrears as ...", "we measure the drop in ..."
        if verbal and cur.dep_ in W.clause_deps and any(
                c.dep_ in W.nsubj_nsubjpass_csubj_expl for c in cur.children):
            head = cur.head
            assured = head if head.lower_ in s["assured_adjectives"] else next(
                (c for c in head.children if c.dep_ == "acomp" and c.lower_ in s["assured_adjectives"]), None)
            if cur.dep_ == "ccomp" and assured is not None:
                # ("can be certain that ...": the clause hangs off the adjective or its copula)
                reader = subject_of(assured.head if assured.dep_ == "acomp" else assured)
                if reader is not None and reader.lower_ not in W.provider_pronouns_short and reader.lower_ != "i":
                    path.append(assured)
                    return assured, path  # "commissioners can be certain that readmissions will fall"
            if cur.dep_ == "ccomp" and head.lemma_.lower() in s["frame_verbs"]:
                found = _agent_of_clause(head, s)
                if found is not None:
                    path.append(head)
                    return found, path
            break
        cur = cur.head
    return None, path


def _credited_in(np, s: dict):
    """A relative clause inside the changed outcome's phrase whose subject is ours and whose
    verb claims a result ("the lower readmission rate, which our coaching delivered")."""
    for t in np.subtree:
        if t.dep_ == "relcl" and (t.lemma_.lower() in s["change_verbs"] or t.lemma_.lower() in s["result_verbs"]):
            subj = next((g for g in t.children if g.dep_ == "nsubj"), None)
            if subj is not None and _ours(subj, s):
                return subj
    return None


def _agent_of_clause(verb, s: dict):
    credited = any(c.dep_ == "nsubj" and c.lemma_.lower() in s["credit_nouns"] for c in verb.children)
    if verb.lemma_.lower() in s["link_verbs"] or credited:
        # (and "the credit for ... goes to our team": a verb whose subject is the credit)
        # "can be credited to our team", "stems from our scheme", "reflects the work of our line"
        for c in verb.children:
            if c.dep_ in W.effect_complement_deps and c.i > verb.i:
                found = next((t for t in c.subtree if t.i - verb.i <= 10 and _ours(t, s)), None)
                if found is not None:
                    return found
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") and (_ours(c, s) or _ours_gerund(c, s) or _ours_users(c, s)):
            return c
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and _ours(g, s):
                    return g
        link = _link_child(c, s)
        if link is not None:
            return link
        if c.dep_ in ("attr",) and _ours(c, s):
            return c  # "it was our team who ..." (the cleft's focus)
    for t in verb.subtree:
        # "..., which is testament to our team", "..., which is down to our navigators": a
        # which-clause on the clause (or on its last word) that gives its cause as ours
        if t.dep_ in W.relcl_acl and t.i > verb.i and any(g.dep_ == "nsubj" and g.tag_ == "WDT" for g in t.children):
            for c in t.children:
                link = _link_child(c, s)
                if link is not None:
                    return link
    return None


def _delivered(tok, s: dict) -> bool:
    """A piece of help given to people: an intervention noun ("visits", "sessions", "a course")."""
    return tok.lemma_.lower() in s["interventions"] or tok.lower_ in s["interventions"]


def _ours_gerund(c, s: dict) -> bool:
    """Taking part in, or being given, help as a subject: "Joining our groups", "Working with
    our advisers", "Completing a recovery college course", "Adopting the model", "Giving him a
    daily routine"."""
    if c.tag_ != "VBG":
        return False
    if any(_ours(t, s) for t in c.subtree):
        return True
    for g in c.children:
        if g.dep_ in ("dobj", "prep") and (_delivered(g, s) or g.lemma_.lower() in s["agents"]) and not _is_people(g, s):
            return True  # (a preposition: "working with a coach")
        if g.dep_ == "prep":
            if any(x.dep_ == "pobj" and (_delivered(x, s) or x.lemma_.lower() in s["agents"]) and not _is_people(x, s)
                   for x in g.children):
                return True
    if c.lemma_.lower() in s["provision_verbs"]:
        # "Giving him a routine", "offering people a named worker": help given to someone
        return any(g.dep_ in ("dative", "dobj") and (_is_people(g, s) or g.lower_ in W.individuals
                                                   or g.lower_ in W.people_pronouns) for g in c.children)
    return False


def _link_child(c, s: dict):
    """A causal link among a word's dependents: "thanks to our team", "down to the work of our
    volunteers", "because of us", "the direct product of our flats", "through our programme",
    or a clause of cause whose subject is ours ("because our mentor showed him ...")."""
    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in s["links"] for m in c.children):
        # "because our mentor showed him ...", "since she started seeing our counsellor"
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (_ours(subj, s) or _ours_users(subj, s)):
            return subj
        return next((t for t in c.subtree if t.i - c.left_edge.i <= 8 and _ours(t, s)), None)
    if c.lower_ not in s["links"] or c.dep_ in W.effect_not_link_deps:
        return None
    for t in c.subtree:
        if t.i > c.i and t.i - c.i <= 8 and _ours(t, s):
            return t
    return None


def _ours_users(np, s: dict) -> bool:
    """The people who use our service as the ones a result is claimed for: "families who join
    the programme", "anyone who rings our crisis line" (a relative clause on the people with
    something of ours in it)."""
    if not (_is_people(np, s) or np.lower_ in W.people_pronouns or np.lower_ in s["people_words"]):
        return False
    for c in np.children:
        if c.dep_ in ("relcl", "acl"):
            if any(t.i != np.i and (_ours(t, s) or t.lower_ in W.provider_pronouns_short) for t in c.subtree):
                return True
    return False


def _link_in(tok, s: dict):
    for c in tok.children:
        found = _link_child(c, s)
        if found is not None:
            return found
    return None


def _blocked(ctx: Context, toks, s: dict | None = None) -> bool:
    """Questions, negations, conditionals, aims and hedges claim nothing; "can" alone ("can be
    credited to our team") states a capability, not a doubt; "go on to find work" is a result,
    not a purpose."""
    if any(ctx.question(t) or ctx.negated(t) or ctx.conditional(t) for t in toks):
        return True
    if any(ctx.aim(t) and not (s and _resultative(t, s)) for t in toks):
        return True
    governors = ctx.v.forms("hedge_governors")
    if any(t.lower_ in governors and t.lower_ not in ctx.v.set("assertive_governors") for t in toks[1:]):
        return True  # "contributed to a reduction in ...", "helped bring down ..." (on the way up)
    if any(ctx.hedged(t) for t in toks):
        sent = toks[0].sent
        return not _only_can(_toks(toks[0].doc), sent, ctx)
    return False


def _counterfactual_cause(tok, s: dict):
    """``tok`` opens a counterfactual cause of ours: "without our link worker", "but for the
    team", "had we not stepped in", "if it were not for our navigators", "if we had not ..."."""
    low = tok.lower_
    if low in s["counter_preps"] and tok.dep_ == "prep":
        return next((t for t in tok.subtree if t.i != tok.i and _ours(t, s)), None)
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl" and any(c.dep_ == "neg" for c in tok.children):
        inverted = any(c.lower_ == "had" and c.i < tok.i and c.i == tok.left_edge.i for c in tok.children)
        iffed = any(c.dep_ == "mark" and c.lower_ == "if" for c in tok.children)
        if inverted or iffed:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and _ours(subj, s):
                return subj
            if subj is not None and subj.lower_ == "it":  # "if it were not for our team"
                return next((t for t in tok.subtree if t.i > tok.i and _ours(t, s)), None)
    return None


def _counterfactuals(doc, s: dict, ctx: Context, terms: Terms, rule: Rule) -> list[Candidate]:
    """Our help claimed through what would have happened without it: a counterfactual cause of
    ours (``_counterfactual_cause``) and a main clause with "would" about an outcome ("Tom
    would be sleeping on the streets", "Denise would certainly have been readmitted")."""
    out: list[Candidate] = []
    hedges = ctx.v.set("hedge_adverbs")
    for tok in _toks(doc):
        if tok.lower_ not in s["counter_preps"] and not (tok.dep_ == "advcl" and tok.pos_ in ("VERB", "AUX")):
            continue
        agent = _counterfactual_cause(tok, s)
        if agent is None:
            continue
        verb = tok.head
        if not any(c.dep_ == "aux" and c.lower_ in s["counter_modals"] for c in verb.children):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in hedges for c in verb.children) or ctx.question(verb):
            continue
        cause = {t.i for t in tok.subtree}
        hit = next((t for t in verb.subtree if t.i not in cause and (
            _outcome(t, s, terms, modifier=True) or t.lower_ in s["counter_outcomes"]
            or t.lemma_.lower() in s["counter_outcomes"])), None)
        if hit is None or (s["exits"] and _has_phrase(verb.sent, s["exits"])):
            continue
        out.append(Candidate(rule, min(tok.i, verb.i), max(tok.i, verb.i) + 1, verb.i))
    return out


def _resultative(tok, s: dict) -> bool:
    """An infinitive of result: "go on to find work", "went on to keep their tenancy"."""
    head = tok.head
    prt = next((c.lower_ for c in head.children if c.dep_ == "prt"), "")
    return f"{head.lemma_.lower()} {prt}".strip() in s["result_governors"]


def _has_phrase(sent, phrases) -> bool:
    """Does the sentence hold one of the phrases (word-bounded), before or after the claim?
    ("Admissions fell after the service opened; ... we cannot attribute this to us")"""
    text = _span_text(sent).lower().replace("\u2019", "'")
    return any(has_phrase(text, p) for p in phrases)


@check("effect_claim")
def effect_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """Our agency over a change in an outcome, anywhere in the clause chain (module docstring)."""
    s = _settings(rule)
    if not (ctx.lower_set & W.provider_pronouns_short or ctx.lemma_set & s["agents"]
            or ctx.lemma_set & s["assured_verbs"] or ctx.lemma_set & s["interventions"]
            or ctx.lower_set & s["assured_adjectives"]
            or ctx.lemma_set & s["provision_verbs"]):
        return []
    out: list[Candidate] = []
    exits = s["exits"]
    if ctx.lower_set & s["counter_modals"] and (ctx.lower_set & s["counter_preps"] or "not" in ctx.lower_set):
        out.extend(_counterfactuals(doc, s, ctx, terms, rule))
    if not (ctx.lemma_set & s["trigger"] or ctx.lower_set & s["trigger"] or ctx.lower_set & s["particles"]
            or ctx.lemma_set & s["achieve"] or ctx.lower_set & s["links"]):
        return out
    negation = bool(ctx.lower_set & ctx.v.set("negators"))  # (the relieved-outcome reading needs one)
    for tok in _toks(doc):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in s["achieve"]:
            got = _achieved(tok, s, terms)
            if got is not None:
                # "thanks to our coach, Priya has a job"; "most people who finish our course find work"
                agent, path = _agency(tok, s, ctx)
                if agent is not None and not _blocked(ctx, [tok, *path], s) and not (exits and _has_phrase(tok.sent, exits)):
                    out.append(Candidate(rule, min(tok.i, got.i), max(tok.i, got.i) + 1, tok.i))
                    continue
        if negation and tok.pos_ == "VERB" and tok.dep_ not in W.relcl_acl:
            bad = _relieved(tok, s, terms, ctx)
            if bad is not None:
                # only a cause of ours given by a link or a clause of cause claims it ("since she
                # started seeing our counsellor"); "we have not reduced ..." is a plain finding
                agent, path = _agency(tok, s, ctx)
                if agent is not None and agent.i not in {c.i for c in tok.children} and not (
                        ctx.question(tok) or ctx.conditional(tok) or ctx.aim(tok) or ctx.hedged(tok)) and not (
                        exits and _has_phrase(tok.sent, exits)):
                    out.append(Candidate(rule, min(tok.i, bad.i), max(tok.i, bad.i) + 1, tok.i))
                    continue
        if tok.lemma_.lower() not in s["trigger"] and tok.lower_ not in s["trigger"] and not (
                s["particles"] and tok.pos_ == "VERB" and _change_verb(tok, s)):
            continue
        outcome = _change_of(tok, s, terms)
        if outcome is None:
            continue
        agent, path = _agency(tok, s, ctx)
        if agent is None:
            agent = _credited_in(outcome if tok.dep_ != "amod" else tok.head, s)
            path = [agent.head] if agent is not None else path
        if agent is None:
            continue
        # an adverb of manner ("works differently") is read at its verb: its own governors are not
        # aims ("work" governs "to reduce", not "differently")
        own = [] if tok.dep_ == "advmod" and tok.pos_ == "ADV" and path and path[0].i == tok.head.i else [tok]
        if _blocked(ctx, [*own, *path], s):
            continue
        if exits and _has_phrase(tok.sent, exits):
            continue
        start, end = min(tok.i, outcome.i, agent.left_edge.i), max(tok.i, outcome.i, agent.i) + 1
        out.append(Candidate(rule, start, end, tok.i))
    return out
