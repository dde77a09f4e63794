"""Check ``causal_system_outcome``: the provider as the cause of an outcome it does not control."""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    Vocab,
    _clause,
    _is_target,
    _surface_subject,
    _toks,
    check,
    is_verbal,
    subject_of,
    verb_forms,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def agent_of(tok):
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # surface: "by our service" right after the verb
    doc = tok.doc
    for i in range(tok.i + 1, min(len(doc), tok.i + 3)):
        if doc[i].lower_ == "by":
            for j in range(i + 1, min(len(doc), i + 5)):
                if doc[j].pos_ in W.noun_propn_pron:
                    return doc[j]
            break
    return None




def _object_term(doc, v, end_verb: int, terms: Terms, lists: list[str], window: int = 8):
    """A term from ``lists`` in the object of verb ``v``: first by the surface (a term within
    ``window`` words after the verb with only noun-phrase words between), then by the parse
    (a term whose path up to the verb passes only through object and prepositional links)."""
    limit = min(len(doc), end_verb + window, v.sent.end)
    for i in range(end_verb, limit):
        for name in lists:
            e = terms.at(name, i)
            if e is not None:
                return i, e
        t = doc[i]
        if t.is_punct and t.lower_ not in W.object_gap_punct:
            break
        if t.lower_ in W.object_gap_words:
            continue
        if t.pos_ not in W.object_gap_pos or (t.pos_ == "ADV" and t.lower_ not in ("down", "back")):
            if not (t.tag_ == "RP" or t.lower_ in W.particles):
                break
    allowed = W.dobj_pobj_prep_etc
    for name in lists:
        for s, e in terms.spans(name):
            if s < end_verb or s > v.i + 14:
                continue
            tok = doc[s:e].root
            cur = tok
            ok = False
            for _ in range(7):
                if cur.head is cur:
                    break
                if cur.dep_ not in allowed:
                    break
                if cur.head.i == v.i:
                    ok = cur.dep_ not in W.nsubj_nsubjpass_auxpass
                    break
                cur = cur.head
            if ok:
                return s, e
    return None


def _is_provider(tok, vocab: Vocab) -> bool:
    """Could this subject be the provider (or part of it)? Anything but a known outside
    agent ("the lockdown", "the trust", "she") counts: in a bid, the subject of a causal
    verb is nearly always the bidder."""
    if tok is None:
        return False
    external = vocab.set("external_agents")
    if tok.lower_ in W.provider_pronouns:
        return True
    if tok.lower_ in external or tok.lemma_.lower() in external:
        return any(t.lower_ in ("our", "we") for t in tok.subtree)
    if tok.pos_ in W.noun_propn_pron_etc:
        return True
    return _is_named_provider(tok, vocab)


def _is_named_provider(tok, vocab: Vocab) -> bool:
    if tok is None:
        return False
    agents = vocab.set("provider_agents")
    if tok.lower_ in agents or tok.lemma_.lower() in agents:
        return True
    for t in tok.subtree:
        if abs(t.i - tok.i) > 6:
            continue
        if t.lower_ in W.provider_pronouns:
            return True
        if t.lemma_.lower() in agents and t.pos_ in W.noun_pron_propn:
            return True
    return tok.pos_ == "PROPN"


def _quantity_after(doc, i: int, limit: int = 6) -> bool:
    for t in doc[i:min(len(doc), i + limit)]:
        if t.like_num or t.lower_ in W.quantity_words:
            return True
    return False


@check("causal_system_outcome")
def causal_system_outcome(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """A provider claiming to have caused a change in an outcome it does not control.

    Options: ``verbs`` (lemmas, default ``$causal_verbs``), ``objects`` (term list names,
    default ``[system_outcome_terms]``), ``mode``: ``claim`` (statements of fact) or
    ``future`` (promises with will/shall/going to), ``result_verbs``, ``attribution``.
    """
    v = ctx.v
    opts = rule.options
    mode = opts.get("mode", "claim")
    cache = rule.__dict__.setdefault("_derived", {})  # per-rule derived data (inflected forms)
    if "forms" not in cache:
        verbs_ = set(opts.get("verbs") or v.data.get("causal_verbs", []))
        forms_ = {}
        for lemma in verbs_:
            for f in verb_forms(lemma):
                forms_.setdefault(f, lemma)
        result_forms_ = {}
        for lemma in opts.get("result_verbs", []) or []:
            for f in verb_forms(lemma):
                result_forms_.setdefault(f, lemma)
        cache.update(verbs=verbs_, forms=forms_, result_forms=result_forms_)
    verbs, forms = cache["verbs"], cache["forms"]
    object_lists = opts.get("objects") or ["system_outcome_terms"]
    places = opts.get("places", "system_places")
    particle_verbs = v.data.get("causal_particle_verbs", {}) or {}
    counterfactual = v.set("counterfactual_verbs")
    result_forms = cache["result_forms"]
    decrease_nouns = v.set("decrease_nouns")
    decrease_adjs = v.set("decrease_adjectives")
    any_object = set(opts.get("any_object_verbs", []))
    process_nouns = v.set("process_nouns")
    if not any_object and not any(terms.any(n) for n in object_lists) and not terms.any(places):
        return []
    out: list[Candidate] = []

    def decide(tok, s: int, e: int, passive: bool, object_span) -> None:
        if ctx.question(tok) or ctx.negated(tok) or ctx.conditional(tok):
            return
        if ctx.hedged(tok):
            return
        future = ctx.future(tok)
        if mode == "claim" and future:
            return
        if mode == "future" and not future:
            return
        if ctx.aim(tok):
            return
        if future and _dated_target(tok):
            return  # (o23) "We will reduce the waiting list to under six weeks by March 2028": a commitment
        # who did it?
        if passive:
            agent = agent_of(tok)
            if agent is not None:
                if not _is_provider(agent, v):
                    return
            elif lemma_of(tok) not in counterfactual:
                return
        else:
            subj = subject_of(tok)
            if subj is None or tok.dep_ in W.amod_compound_acl:
                subj = _surface_subject(doc, tok) or subj
            if subj is None:
                # a fragment: "Reduced admissions by 30%." claims only with a quantity
                if not (tok.i == tok.sent.start or doc[tok.i - 1].is_punct) or not _quantity_after(doc, object_span[1]):
                    if not future:
                        return
            elif subj.lower_ in W.expletive_subjects and subj.dep_ == "expl":
                return
            elif not _is_provider(subj, v):
                return
        out.append(Candidate(rule, s, e, tok.i))

    def lemma_of(tok):
        return forms.get(tok.lower_) or tok.lemma_.lower()

    def decide_prediction(tok) -> None:
        if ctx.question(tok) or ctx.negated(tok) or ctx.conditional(tok) or ctx.hedged(tok) or not ctx.future(tok):
            return
        if ctx.aim(tok) or _is_target(tok.sent):
            return
        out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))

    multi = "_causal_multiword" if opts.get("multiword", True) else None
    if "cand" not in cache:
        multi_first = set()
        for phrase in v.data.get("causal_multiword", []):
            multi_first.update(verb_forms(phrase.split()[0]))
        cache["cand"] = frozenset(forms) | frozenset(result_forms) | multi_first | {"responsible"}
        cache["fall"] = frozenset(f for lemma in W.fall_verbs for f in verb_forms(lemma))
    cand = cache["cand"] | (cache["fall"] if mode == "future" else frozenset())
    lemma_cand = verbs | (W.fall_verbs if mode == "future" else set())
    scan = _toks(doc) if (ctx.lower_set & cand or ctx.lemma_set & lemma_cand) else ()
    for tok in scan:
        low = tok.lower_
        if low not in cand and tok.lemma_.lower() not in lemma_cand:
            continue
        if multi is not None:
            m_end = terms.at(multi, tok.i)
            if m_end is not None and is_verbal(tok):
                obj = _object_term(doc, tok, m_end, terms, object_lists, window=10)
                if obj is None and mode == "future":
                    obj = _future_object(doc, tok, m_end, terms, object_lists, places)
                    if obj is None and (forms.get(low) or tok.lemma_.lower()) in any_object | W.end_phrase_verbs:
                        obj = _any_object(doc, tok, m_end, process_nouns)
                if obj is not None:
                    decide(tok, tok.i, m_end, False, obj)
                continue
        lemma = forms.get(low)
        if lemma is None and tok.lemma_.lower() in verbs and is_verbal(tok):
            lemma = tok.lemma_.lower()
        if lemma is not None and is_verbal(tok) and not (tok.tag_ in ("NN", "NNS") and low in W.noun_verb_homographs):
            if tok.tag_ in ("JJR", "JJ") and low in W.adjective_verb_forms:
                continue
            if lemma == "keep" and any(t.lower_ in W.keep_states for c in tok.children
                                       if c.dep_ in W.keep_state_deps for t in c.subtree):
                continue  # "keep the crisis café open": a service kept running, not an outcome (s17 review 1)
            end_verb = tok.i + 1
            particles = particle_verbs.get(lemma)
            if particles:
                nxt = doc[end_verb] if end_verb < len(doc) else None
                if nxt is not None and nxt.lower_ in particles:
                    end_verb += 1
                elif not any(c.dep_ in ("prt", "advmod") and c.lower_ in particles for c in tok.children) and not any(
                        t.lower_ in particles for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 9)]):
                    # "drive" and "bring" claim nothing without "down"
                    continue
            elif end_verb < len(doc) and doc[end_verb].tag_ == "RP" and not any(
                    terms.at(n, end_verb) is not None for n in object_lists):
                end_verb += 1
            obj = _object_term(doc, tok, end_verb, terms, object_lists)
            if obj is None and lemma in W.keep_out_verbs:
                obj = _place_object(doc, tok, terms, places, object_lists)
            if obj is None and mode == "future":
                obj = _future_object(doc, tok, end_verb, terms, object_lists, places)
                if obj is None and lemma in any_object:
                    obj = _any_object(doc, tok, end_verb, process_nouns)
            if obj is not None:
                decide(tok, tok.i, end_verb, False, obj)
                continue
            # passive: "admissions were reduced (by our service)"
            if tok.tag_ in W.vbn_jj_vbd:
                subj = next((c for c in tok.children if c.dep_ in ("nsubjpass",)), None)
                span = None
                if subj is not None:
                    for name in object_lists:
                        for s, e in terms.spans(name):
                            if s <= subj.i < e or any(s <= t.i < e for t in _head_words(subj)):
                                span = (s, e)
                                break
                elif tok.i >= 2 and doc[tok.i - 1].lower_ in W.be_forms:
                    j = tok.i - 2
                    while j >= tok.sent.start and doc[j].lower_ in W.be_forms | W.have_forms | W.passive_fillers:
                        j -= 1
                    for name in object_lists:
                        if terms.covers(name, j):
                            span = (j, j + 1)
                if span is not None:
                    if mode == "future" and agent_of(tok) is None and lemma not in counterfactual:
                        decide_prediction(tok)  # "relapse rates will be halved": a firm forecast
                    else:
                        decide(tok, tok.i, tok.i + 1, True, span)
                    continue
            # "40 admissions avoided", "with 300 bed days saved"
            if lemma in counterfactual and tok.i > 0 and any(terms.covers(n, tok.i - 1) for n in object_lists):
                if tok.dep_ in W.acl_amod_root_etc or tok.tag_ in ("VBN", "VBD"):
                    decide_fragment = tok.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in tok.children)
                    if decide_fragment:
                        decide(tok, tok.i, tok.i + 1, True, (tok.i - 1, tok.i))
                        continue
        # a system outcome as the subject of "will fall", "will halve": a firm prediction
        if mode == "future" and tok.lemma_.lower() in W.fall_verbs and is_verbal(tok):
            # "admissions will fall", and the passive "relapse rates will be halved"
            subj = subject_of(tok) or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and any(terms.covers(n, t.i) for n in object_lists for t in _head_words(subj)):
                decide_prediction(tok)
                continue
        # result verbs: "led to a reduction in admissions", "achieved fewer admissions",
        # "is responsible for fewer detentions"
        rlemma = result_forms.get(low)
        if rlemma is None and low == "responsible" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "for" and result_forms:
            rlemma = "responsible"
        if rlemma is not None and (is_verbal(tok) or rlemma == "responsible"):
            hit = _result_object(doc, tok, terms, object_lists, decrease_nouns, decrease_adjs)
            if hit is not None:
                decide(tok, tok.i, hit, False, (tok.i, hit))
    # attribution: "admissions fell as a result of our service"
    if opts.get("attribution") and terms.any("attribution_phrases"):
        for s, e in terms.spans("attribution_phrases"):
            sent = doc[s].sent
            phrase = doc[s:e].text.lower()
            if phrase in ("the reason", "credit for"):
                # "our crisis line is the reason admissions fell": the provider comes first
                cs, _ = _clause(doc, s)
                after = doc[cs:s]
            else:
                after = doc[e:min(sent.end, e + 6)]
            if not any(t.lower_ in v.set("provider_agents") or t.lower_ in W.provider_pronouns_short for t in after
                       if t.pos_ in W.pron_noun_propn_etc):
                continue
            has_outcome = any(terms.covers(n, i) for n in object_lists for i in range(sent.start, sent.end))
            has_change = any(
                (t.lemma_.lower() in v.set("change_verbs") or t.lower_ in decrease_nouns or t.lower_ in decrease_adjs
                 or t.lower_ in forms)
                for t in sent
            )
            if has_outcome and has_change:
                anchor = next((t for t in sent if t.dep_ == "ROOT"), doc[s])
                if ctx.negated(anchor) or ctx.hedged(anchor) or ctx.conditional(anchor) or ctx.question(anchor):
                    continue
                if (mode == "future") != ctx.future(anchor):
                    continue
                if phrase in ("the reason", "credit for"):
                    out.append(Candidate(rule, s, e, anchor.i))
                else:
                    out.append(Candidate(rule, s, e + len([t for t in after[:4] if t.pos_ in W.pron_det_noun_etc]), anchor.i))
    return out


# Nouns whose modifier is the thing measured: "readmission rates", "admission numbers".


def _dated_target(verb) -> bool:
    """(o23) A level and a date in the verb's clause: "(will reduce the waiting list) to under six weeks by March
    2028", "to 12% by the end of year two". A tender's dated target is a commitment the buyer holds us to, not a
    claim that we can change an outcome ("will reduce A&E attendances by 20%" names no level and no date)."""
    toks = [t for t in verb.subtree if t.sent.start == verb.sent.start]
    level = any(t.lower_ in W.target_level_preps and any(
        g.like_num and g.lower_ not in W.zero_level_words for g in t.doc[t.i + 1:min(t.i + 4, t.sent.end)])
        for t in toks)
    if not level:
        return False
    return any(t.lower_ in W.deadline_preps and W.deadline_re.search(
        t.doc[t.i + 1:min(t.i + 6, t.sent.end)].text) for t in toks)


def _head_words(subj):
    """The subject's words that can carry its meaning: the subtree without modifiers of
    nouns that are not themselves the point. "crisis" in "crisis plans will be kept
    current" names the kind of plan, so the subject is the plans, not crises; "the
    number of admissions" keeps "admissions" (a prepositional object)."""
    out = []
    for t in subj.subtree:
        if (t is not subj and t.dep_ in W.compound_amod_nmod_etc and t.head.pos_ in ("NOUN", "PROPN")
                and t.head.lemma_.lower() not in W.measure_nouns):
            continue
        out.append(t)
    return out


def _future_object(doc, v, end_verb: int, terms: Terms, object_lists, places: str):
    """A promise needs less: any outcome, problem or place term in the next words of the
    clause ("will stop people cycling back into hospital")."""
    limit = min(len(doc), end_verb + 9, v.sent.end)
    for i in range(end_verb, limit):
        t = doc[i]
        if t.text in W.clause_marks or (t.text == "," and i > end_verb + 1):
            break
        if terms.covers(places, i) or any(terms.covers(n, i) for n in object_lists):
            return i, i + 1
    return None


def _any_object(doc, v, end_verb: int, process_nouns):
    """The object of "will eliminate ...", "will put an end to ...": any noun that is not
    the provider's own paperwork or process."""
    for i in range(end_verb, min(len(doc), end_verb + 6, v.sent.end)):
        t = doc[i]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
            if t.lower_ in process_nouns or t.lemma_.lower() in process_nouns:
                return None
            return i, i + 1
        if t.is_punct and t.text not in ("-",):
            return None
    return None


def _place_object(doc, v, terms: Terms, places: str, object_lists):
    """"kept 30 people out of hospital", "prevented people from going to A&E"."""
    for c in v.children:
        if c.dep_ in W.prep_advmod_prt and c.lower_ in W.out_words:
            for t in c.subtree:
                if t.i - v.i > 12:
                    break
                if terms.covers(places, t.i) or any(terms.covers(n, t.i) for n in object_lists):
                    return t.i, t.i + 1
                if t.lemma_.lower() in W.system_event_verbs:
                    return t.i, t.i + 1
    # surface: "out of hospital" within a few words
    for i in range(v.i + 1, min(len(doc), v.i + 8, v.sent.end)):
        t = doc[i]
        if t.lower_ in W.out_words and i + 1 < len(doc):
            for j in range(i + 1, min(len(doc), i + 5)):
                if terms.covers(places, j):
                    return j, j + 1
                if doc[j].lemma_.lower() in W.system_event_verbs_short and doc[j].tag_ == "VBN":
                    return j, j + 1
        if t.is_punct:
            break
    return None


def _result_object(doc, v, terms: Terms, object_lists, decrease_nouns, decrease_adjs):
    """End index of "a (30%) reduction in admissions" / "fewer admissions" after a result verb."""
    limit = min(len(doc), v.i + 14, v.sent.end)
    seen_change = False
    for i in range(v.i + 1, limit):
        t = doc[i]
        low = t.lower_
        if low in decrease_nouns or low in decrease_adjs:
            seen_change = True
            continue
        if any(terms.covers(n, i) for n in object_lists) or (seen_change and t.lemma_.lower() in W.system_verbs):
            return i + 1 if seen_change else None
        if t.is_punct and low not in ("%", "-"):
            return None
        if t.pos_ in ("VERB",) and not t.tag_ == "VBN" and not seen_change:
            return None
    return None
