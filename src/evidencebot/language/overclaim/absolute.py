"""Check ``absolute_outcome``: universal claims about outcomes or performance."""

from __future__ import annotations

import re

from evidencebot.language.overclaim.common import (
    all_option_words,
    _span_text,
    Candidate,
    _clause,
    _has_caveat,
    _has_signal,
    _is_target,
    _plainly_negated,
    _quantified_noun,
    _surface_subject,
    _toks,
    _words_in,
    blocked,
    check,
    denied,
    derived,
    is_verbal,
    subject_of,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _phrase_at(doc, i: int, phrases: frozenset, max_len: int = 5) -> int | None:
    """End of the longest phrase from ``phrases`` starting at token ``i``."""
    best = None
    words = []
    T = _toks(doc)
    for j in range(i, min(len(T), i + max_len)):
        words.append(T[j].lower_)
        joined = " ".join(words)
        if joined in phrases:
            best = j + 1
    return best


@check("absolute_outcome")
def absolute_outcome(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Universal claims about outcomes or performance in the writer's own voice:
    "every client improved", "100% of people felt safer", "nobody has been readmitted",
    "people always leave calmer", "our workers have never once missed...",
    "in all cases ...", "unanimously". Absolutes about processes ("all staff complete
    training", "every referral is triaged", "we never turn anyone away") pass.

    The clause is read on the surface (the small English model often misparses these
    sentences): the quantified noun must be the subject (no finite verb before it in its
    clause) and the rest of the clause must carry an outcome word; a process verb as the
    main verb, a hedge, an aim, "not" before the quantifier, a condition or a question
    makes it pass."""
    v = ctx.v
    people = v.set("people_nouns")
    groups = v.set("group_nouns")
    dets = v.set("absolute_determiners")
    pronouns = v.set("absolute_pronouns")
    signals = v.set("outcome_signals")
    negatives = v.set("negative_outcome_words")
    none_left = v.set("none_left_outcomes")
    process = v.set("process_verbs")
    outcome_verbs = v.set("outcome_verbs")
    provider = v.set("provider_agents")
    phrases = v.set("absolute_phrases")
    aims = (v.set("aim_governors") | v.set("pressing_governors"))
    out: list[Candidate] = []
    taken: set[int] = set()

    def skip(i: int, verb) -> bool:
        if i > 0 and doc[i - 1].lower_ in W.absolute_softeners:
            return True
        if verb is not None and _denied_subject(verb, i):
            return True  # (oc35) "no approach works for everyone": a universal denied by the subject
        anchor = verb if verb is not None else doc[i]
        if _plainly_negated(ctx, anchor) or ctx.hedged(anchor) or ctx.conditional(anchor) or ctx.question(anchor):
            return True
        sent = doc[i].sent
        before = {t.lemma_.lower() for t in doc[sent.start:i]
                  if t.lemma_.lower() != "work" or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in W.towards_words)}
        return bool(before & aims) or ctx.aim(anchor) and ctx.infinitive(anchor)

    def main_verb(s: int, e: int):
        verbs = [t for t in doc[s:e] if t.pos_ in ("VERB", "AUX") and t.dep_ not in W.relcl_acl_amod_etc_2
                 and t.tag_ != "VBG"]
        if not verbs:
            return None
        first = verbs[0]
        # "people referred to us said...", "nobody discharged into our flats has been...":
        # a participle right after the noun modifies it; the main verb comes later
        if first.i == s and first.tag_ in ("VBN", "VBD") and first.lower_.endswith("ed"):
            later = [t for t in doc[first.i + 1:e] if t.tag_ in W.finite_tags or t.dep_ in ("aux", "auxpass")]
            if later:
                rest = [t for t in verbs[1:] if t.i > later[0].i or t.i == later[0].i]
                if rest:
                    return rest[0]
                return next((t for t in doc[later[0].i:e] if t.pos_ == "VERB"), first)
        return first

    def outcome(s: int, e: int, negative: bool) -> bool:
        words, text = _words_in(doc, s, e)
        verb = main_verb(s, e)
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma in process and lemma not in outcome_verbs:
                return False
            if negative and lemma in process and _passive(verb) and not _has_signal(words, text, negatives):
                # "no one on the list was seen within the standard": a shortfall, not a result
                return False
        if _has_signal(words, text, signals):
            return True
        if negative and (_has_signal(words, text, negatives) or _has_signal(words, text, none_left) or any(
                terms and terms.covers("system_outcome_terms", k) for k in range(s, e))):
            return True
        # "nobody has lost their tenancy", "every client has moved on": a universal result
        if verb is not None and verb.tag_ == "VBN" and any(t.lower_ in W.have_auxiliaries for t in doc[s:verb.i]):
            lemma = verb.lemma_.lower()
            return lemma not in process and lemma not in W.receive_verbs
        return False

    T = _toks(doc)
    caveats = v.set("small_number_caveats")
    triggers = v.memo("absolute_triggers", lambda: frozenset(
        dets | pronouns | v.set("absolute_adverbs") | {p.split()[0] for p in phrases} | W.absolute_markers))
    trigger_lemmas = W.benefit_verbs | W.achieve_verbs
    if not (ctx.lower_set & triggers or ctx.lemma_set & trigger_lemmas):
        return []
    for tok in T:
        i = tok.i
        if i in taken:
            continue
        low = tok.lower_
        if low not in triggers and tok.lemma_.lower() not in trigger_lemmas:
            continue
        cs, ce = _clause(doc, i)
        # -- phrases: "without exception", "in all cases", "unanimously", "never once"
        pe = _phrase_at(doc, i, phrases)
        if pe is not None:
            phrase = " ".join(t.lower_ for t in doc[i:pe])
            verb = main_verb(cs, ce)
            if phrase.startswith("not "):
                if ctx.hedged(verb or tok) or ctx.question(tok) or ctx.conditional(verb or tok):
                    continue
            elif skip(i, verb):
                continue
            words, text = _words_in(doc, tok.sent.start, tok.sent.end)
            perf = any(t.tag_ == "VBD" and t.dep_ not in W.amod_acl_relcl for t in doc[cs:ce]) or (
                any(t.lower_ in W.have_auxiliaries for t in doc[cs:ce]) and any(t.tag_ == "VBN" for t in doc[cs:ce]))
            negative_phrase = phrase in W.not_a_single_phrases
            emphatic = phrase in W.emphatic_absolutes or phrase in v.set("emphatic_absolute_phrases")
            process_main = verb is not None and verb.lemma_.lower() in process and verb.lemma_.lower() not in outcome_verbs
            if verb is None and any((t.lemma_.lower() in process or t.lower_ in process) and t.lemma_.lower() not in outcome_verbs
                                    for t in doc[pe:ce]) and not _has_signal(words, text, signals):
                continue  # misparsed "across the board, staff complete training": a process
            thing = next((t for t in doc[pe:min(ce, pe + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
            if negative_phrase and thing is not None and thing.lower_ in v.set("performance_nouns"):
                continue  # "not a single target was met": a shortfall admitted
            if (phrase in W.emphatic_every
                    or phrase in v.set("emphatic_absolute_phrases")) and (verb is not None and _present_routine(verb)
                    and not _past_or_perfect(verb)
                    and (thing is None or (thing.lemma_.lower() not in people and thing.lower_ not in people))
                    and not _has_signal(words, text, signals)):
                continue  # "each and every concern is discussed at the huddle": a process
            if phrase == "a thing of the past" or _has_signal(words, text, signals) or (emphatic and not process_main) or (
                    phrase in W.emphatic_once and perf) or (
                    negative_phrase and perf) or (
                    negative_phrase and (words & negatives or any(
                        terms is not None and terms.covers("system_outcome_terms", k) for k in range(cs, ce)))):
                out.append(Candidate(rule, i, pe, (verb or tok).i))
                taken.update(range(i, pe))
            continue
        # -- "100%" with no count: "100% of referrals were seen within a day", "100% compliance"
        if (low == "100" and i + 1 < len(doc) and doc[i + 1].lower_ in W.percent_words) or low == "100%":
            sent = tok.sent
            if not W.count_re.search(_span_text(sent)) and not _is_target(sent) and _quantified_noun(doc, tok, people) is None:
                verb = main_verb(cs, ce) or tok.head
                if not skip(i, verb):
                    end = i + 2 if low == "100" else i + 1
                    out.append(Candidate(rule, i, end, verb.i))
                    taken.update(range(i, end))
                continue
        # -- every/all + a thing, in a claim about what happened: "every referral has been
        #    seen within five days", "all targets were met"
        if low in dets and i + 1 < len(doc) and _quantified_noun(doc, tok, people) is None:
            j = i + 1
            while j < ce and doc[j].lower_ in W.quantifier_gap_words:
                j += 1
            while j + 1 < ce and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j].pos_ in W.noun_propn_adj:
                j += 1
            nxt = doc[min(j, len(doc) - 1)]
            if nxt.pos_ == "NOUN" and not any(t.tag_ in W.finite_tags for t in doc[cs:i]):
                region = doc[nxt.i + 1:ce]
                perfect = any(t.lower_ in W.have_auxiliaries for t in region[:4]) and any(t.tag_ == "VBN" for t in region[:6])
                past_passive = any(t.lower_ in ("was", "were") for t in region[:3]) and any(t.tag_ == "VBN" for t in region[:5])
                achieved = any(t.lemma_.lower() in W.target_verbs for t in region)
                sourced = bool({t.lower_ for t in doc[tok.sent.start:cs]} & v.set("source_words"))
                if (perfect or past_passive) and (achieved or nxt.lower_ in v.set("performance_nouns")) and not sourced:
                    verb = main_verb(nxt.i + 1, ce)
                    if verb is not None and not skip(i, verb):
                        out.append(Candidate(rule, i, nxt.i + 1, verb.i))
                        taken.update(range(i, nxt.i + 1))
                        continue
        # -- no events: "there have been no readmissions", "we have not had a single
        #    eviction", "zero relapses among our tenants"
        ev = _no_event(doc, tok, cs, ce, negatives, people, provider, terms)
        if ev is not None:
            verb = ev[2]
            if low in W.negation_words:
                # the "not" is the claim itself ("has not been one relapse")
                skipped = ctx.hedged(verb) or ctx.question(verb) or ctx.conditional(verb)
            else:
                skipped = skip(i, verb)
            if not skipped and not _has_caveat(doc, tok, caveats):
                out.append(Candidate(rule, i, ev[1], verb.i))
                taken.update(range(i, ev[1]))
                continue
        # -- quantified subjects
        noun = None
        negative = False
        if low in dets:
            noun = _quantified_noun(doc, tok, people)
            if noun is None and i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in W.group_pronouns:
                noun = doc[i + 2]
        elif low in ("whole", "entire") and i > 0 and doc[i - 1].lower_ == "the":
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            noun = nxt if nxt is not None and (nxt.lower_ in groups or nxt.lower_ in people) else None
        elif low in pronouns or low == "noone":
            noun = tok if low != "none" else _quantified_noun(doc, tok, people)
            negative = low in W.nobody_words
        elif low in ("no", "zero") and i + 1 < len(doc):
            noun = _quantified_noun(doc, tok, people)
            if noun is not None and noun.i > i + 3:
                noun = None
            negative = True
        elif (low == "100" and i + 1 < len(doc) and doc[i + 1].lower_ in W.percent_words) or low == "100%":
            noun = _quantified_noun(doc, tok, people)
        if noun is not None:
            if _has_caveat(doc, tok, caveats):
                continue  # "all four people ..., but four is too small a number to generalise from"
            start = i - 1 if low in ("whole", "entire") else i
            # subject position: no finite verb earlier in the clause
            if any(t.tag_ in W.finite_tags for t in doc[cs:start]):
                continue
            verb = main_verb(noun.i + 1, ce) or _governing_verb(noun)
            if skip(start, verb):
                continue
            if outcome(noun.i + 1, ce, negative):
                out.append(Candidate(rule, start, noun.i + 1, (verb or tok).i))
                taken.update(range(start, noun.i + 1))
            continue
        # -- "works for all/everyone", "suits everybody", "benefits every client"
        if tok.lemma_.lower() in W.benefit_verbs and is_verbal(tok) and tok.tag_ != "VBG":
            j = i + 1
            if j < ce and doc[j].lower_ == "for":
                j += 1
            if j < ce and (doc[j].lower_ in W.everyone_words or (
                    doc[j].lower_ in ("all", "every") and (j + 1 >= ce or _quantified_noun(doc, doc[j], people) is not None
                                                           or doc[j + 1].is_punct))):
                if not skip(i, tok):
                    out.append(Candidate(rule, i, j + 1, i))
                    taken.update(range(i, j + 1))
                continue
        # -- "we met every target", "the team has hit all of its KPIs"
        if tok.lemma_.lower() in W.achieve_verbs and is_verbal(tok) and tok.tag_ != "VBG":
            j = i + 1
            if j < ce and doc[j].lower_ in dets | {"100%"}:
                k = j + 1
                while k < ce and doc[k].lower_ in W.quantifier_gap_words_short:
                    k += 1
                while k + 1 < ce and doc[k + 1].pos_ == "NOUN":
                    k += 1
                if k < ce and doc[k].lower_ in v.set("performance_nouns") and not skip(i, tok):
                    out.append(Candidate(rule, i, k + 1, i))
                    taken.update(range(i, k + 1))
                    continue
        # -- never / always
        if low in ("always", "invariably") and tok.dep_ in ("advmod",) and any(
                t.lower_ in v.set("report_nouns") for t in doc[cs:i]) and any(
                t.lower_ in W.praise_words for t in doc[i + 1:ce]):
            verb = tok.head
            if not skip(i, verb):
                out.append(Candidate(rule, i, i + 1, verb.i))
            continue
        if low in W.frequency_absolutes and tok.dep_ in W.advmod_neg_npadvmod_etc or low in ("never", "always"):
            verb = tok.head if is_verbal(tok.head) else None
            if verb is None:
                verb = next((t for t in doc[i + 1:ce] if is_verbal(t) and t.pos_ != "AUX"), None)
            if verb is None:
                continue
            subj = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or _surface_subject(doc, tok)
            if subj is None:
                continue
            slow = subj.lower_
            is_people = slow in W.universal_pronouns or (
                subj.tag_ in ("NNS", "NNPS") and (subj.lemma_.lower() in people or slow in people))
            is_provider = slow in ("we", "us") or (slow in provider and slow not in W.anaphors) or any(
                t.lower_ in ("our", "we") for t in subj.subtree)
            vlemma = verb.lemma_.lower()
            if not (is_people or is_provider):
                # "crises are always caught early", "concerns are never missed": performance
                if slow not in W.individual_pronouns and subj.pos_ != "PROPN" and (
                        vlemma in W.achieve_verbs | W.catch_verbs) and not skip(i, verb):
                    out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider and low == "never" and vlemma in W.miss_verbs and not skip(i, verb):
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if skip(i, verb):
                continue
            if is_people and outcome(i + 1, ce, low == "never"):
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider and any(t.lower_ in W.future_aux for t in doc[cs:i]) and outcome(i + 1, ce, low == "never"):
                # "we will never let anyone fall through the gaps"
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider and low == "always" and verb.lemma_.lower() in W.achieve_verbs and not any(
                    t.lemma_.lower() in W.striving_verbs for t in doc[cs:ce]):
                # "we always meet our targets", "the team always gets it right"
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider:
                perf = any(t.lower_ in W.have_auxiliaries for t in doc[cs:i]) or verb.tag_ == "VBD"
                achieved = low == "never" or verb.lemma_.lower() in W.achieve_verbs
                if perf and achieved and not any(t.lemma_.lower() in W.striving_verbs_short for t in doc[cs:ce]):
                    out.append(Candidate(rule, i, i + 1, verb.i))
    return out


def _passive(verb) -> bool:
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    T = _toks(verb.doc)
    return verb.tag_ == "VBN" and verb.i > 0 and T[verb.i - 1].lower_ in W.be_forms


def _past_or_perfect(verb) -> bool:
    """The verb itself reports what happened: "were met", "has moved on", "improved"."""
    if verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in W.past_auxiliaries for c in verb.children)


def _present_routine(verb) -> bool:
    """A present-tense statement of routine: "is discussed", "are reviewed", "meets"."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    T = _toks(verb.doc)
    return verb.tag_ == "VBN" and verb.i > 0 and T[verb.i - 1].lower_ in ("is", "are") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are") for c in verb.children)


INITIAL_RE = re.compile(r"^[A-Z]\.?$")


def _no_event(doc, tok, cs: int, ce: int, negatives, people, provider, terms):
    """``(start, end, verb)`` of "no <outcome event>" in a past or perfect clause about the
    service or its people: "there have been no readmissions", "we have not had a single
    eviction", "there has not been one relapse among the people we support", "zero
    relapses". A story about one person ("he has had no admissions since March"), beds
    or data that are missing ("there were no crisis beds") and present-tense facts pass."""
    T = _toks(doc)
    i = tok.i
    low = tok.lower_
    q_end = None
    if low in ("no", "zero"):
        q_end = i + 1
    elif low in W.negation_words:
        # "has not been one relapse", "have never had a single eviction", "never been a readmission"
        k = i + 1
        while k < ce and (T[k].lower_ in W.event_verb_group
                          or (k == i + 1 and T[k].tag_ in ("VBN", "VBD") and T[k].lower_ in negatives)):
            k += 1
        if k == i + 1 and low == "never":
            return None  # "never" straight before a noun or verb: handled as never/always
        if k + 1 < ce and T[k].lower_ == "a" and T[k + 1].lower_ == "single":
            q_end = k + 2
        elif k < ce and T[k].lower_ in W.single_determiners:
            q_end = k + 1
    if q_end is None or q_end >= ce:
        return None
    # the noun phrase after the quantifier, with "of ..." after a counting noun
    head = None
    for k in range(q_end, min(ce, q_end + 4)):
        t = T[k]
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
            if t.dep_ != "compound" and not (k + 1 < ce and T[k + 1].pos_ == "NOUN"):
                break
        elif head is not None or not (t.pos_ in W.adj_num_punct or t.text == "-"):
            break
    if head is None or head.lower_ in W.no_event_heads_not or head.lemma_.lower() in people or head.lower_ in people:
        return None
    end = head.i + 1
    if head.lower_ in W.event_nouns and (
            end + 1 < ce and T[end].lower_ == "of"):
        end = min(ce, max(t.i for t in T[end].subtree) + 1, end + 6)
    # the event is the noun phrase, with a verb of loss in front of it ("not lost a single tenancy")
    ev0 = i + 1 if low in W.negation_words else q_end
    words = {t.lower_ for t in T[ev0:end]} | {t.lemma_.lower() for t in T[ev0:end]}
    np_text = " " + " ".join(t.lower_ for t in T[ev0:end]) + " "
    event = _has_signal(words, np_text, negatives) or any(
        terms is not None and terms.covers("system_outcome_terms", k) for k in range(q_end, end))
    if not event:
        return None
    # a past or perfect clause: a claim about what happened
    clause = T[cs:ce]
    if not (any(t.tag_ in ("VBD", "VBN") for t in clause if t.i < q_end) or any(t.lower_ in W.have_auxiliaries for t in clause)):
        return None
    if any(t.lower_ in W.individuals for t in clause if t.i < i) or any(t.pos_ == "PROPN" and t.dep_ in ("nsubj",) for t in clause):
        return None
    # one person's story ("A. had no crisis presentation", "the client has had no admissions"):
    # a singular subject that is not the service
    first = next((t for t in clause if t.i < i and t.dep_ in W.nsubj_nsubjpass_expl), None)
    if first is None:
        first = next((t for t in clause if t.i < i and t.pos_ in W.noun_propn_pron), None)
    if first is not None and first.lower_ not in W.no_event_subjects and first.tag_ in ("NN", "NNP") and not (
            first.lower_ in provider or first.lemma_.lower() in provider or first.lower_ in W.caseload_nouns):
        return None
    if first is not None and INITIAL_RE.match(first.text):
        return None
    sent = tok.sent
    about_us = any(t.lower_ in W.provider_pronouns or t.lower_ in provider or t.lower_ in people or t.lemma_.lower() in people
                   for t in T[sent.start:sent.end] if t.pos_ in W.pron_noun_det_etc)
    if not about_us:
        return None
    verb = next((t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ in W.root_conj_ccomp_etc), tok)
    start = i
    return start, end, verb


def _governing_verb(noun):
    verb = _governing_verb_parse(noun)
    if verb is not None:
        return verb
    # misparsed "Everyone who completed the course recovered.": the first verb after
    # the noun's relative clause
    rel = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    if rel:
        for t in noun.doc[rel[0].i + 1:noun.sent.end]:
            if t.tag_ in W.vbd_vbz_vbp_etc and t.dep_ not in ("amod", "relcl"):
                return t
    return None


def _governing_verb_parse(noun):
    cur = noun
    for _ in range(4):
        if cur.dep_ in W.nsubj_nsubjpass_csubj:
            return cur.head
        if cur.dep_ in W.pobj_prep_compound_etc:
            cur = cur.head
            continue
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        return None
    return None


@check("no_exception_timeliness")
def no_exception_timeliness(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """(o19) A service's speed said to hold with no exception: "every veteran referred to us is seen within 48
    hours, without fail", "they ring back the same day, every single time, no exceptions". A performance claim
    a commissioner cannot check unless it gives how often, for how many, over what period. Read from the
    clause: a verb of seeing, answering or contacting people (``verbs``) with a time limit after it
    (``limits``: "within", "the same day"), in a sentence with a phrase that rules out exceptions
    (``phrases``). A time limit alone ("every referral gets a call back within a day") is a process fact and
    passes, as does a sentence that names its source or period (the rule's ``exceptions``)."""
    o = rule.options
    phrases = [str(p).lower() for p in (o.get("phrases") or [])]
    text = " " + " ".join(t.lower_ for t in _toks(doc)) + " "
    if not any(f" {p} " in text for p in phrases):
        return []
    verbs = {str(x).lower() for x in (o.get("verbs") or [])}
    limits = [str(x).lower() for x in (o.get("limits") or [])]
    T = _toks(doc)
    out: list[Candidate] = []
    for sent in doc.sents:
        stext = " " + " ".join(t.lower_ for t in T[sent.start:sent.end]) + " "
        if not any(f" {p} " in stext for p in phrases):
            continue
        for tok in T[sent.start:sent.end]:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
                continue
            after = " " + " ".join(t.lower_ for t in T[tok.i + 1:min(sent.end, tok.i + 8)]) + " "
            if not any(f" {m} " in after for m in limits):
                continue
            out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))
            break
    return out


def _denied_subject(verb, i: int) -> bool:
    """(oc35) The verb's subject, before the universal word at ``i`` and apart from it, is "no ..." or "not every
    ...": "no single approach works for everyone", "not everyone who comes stays well" deny a universal outcome."""
    subj = next((c for c in verb.children if c.dep_ in W.nsubj_nsubjpass_csubj), None)
    if subj is None or subj.left_edge.i <= i <= subj.right_edge.i or subj.i > i:
        return False
    return denied(subj)


def _universal_marker(verb, s: dict):
    """(oc35) What makes ``verb`` hold every time or for everyone: "always", "every time", "for everyone", "for every
    young person", "for all"; None when nothing does."""
    for c in verb.children:
        if c.dep_ in s["adverb_deps"] and c.lower_ in s["always_words"]:
            return c
        if c.dep_ in s["time_deps"] and c.lemma_.lower() in s["time_nouns"] and any(
                g.dep_ == "det" and g.lower_ in s["every_words"] for g in c.children):
            return c  # "every time", "each time"
        if c.dep_ == "prep" and c.lower_ in s["for_words"]:
            for g in c.children:
                if g.dep_ == "pobj" and (g.lower_ in s["everyone_words"] or any(
                        d.dep_ == "det" and d.lower_ in s["every_words"] for d in g.children)):
                    return g
    return None


@check("universal_efficacy")
def universal_efficacy(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """(oc35) A piece of help said to work every time or for everyone: "our mentoring always works", "social
    prescribing works for everyone", "talking always helps", "the group always helps bereaved people find a way
    through". The subject is a piece of help (a word of ``help_nouns`` at its head, or an activity in -ing), not
    people or staff ("our staff always help": a manner of working) nor a thing ("the lift always works"); the verb
    a verb of working or helping in the present simple with nothing else as its object (or people and what they are
    helped to do); the universal an adverb ("always"), "every time", or "for" everyone or every one of a kind. "No
    approach works for everyone", "it doesn't always work", a hedge, an aim, a condition and a question pass."""
    s = derived(rule, all_option_words)
    if not (ctx.lemma_set & s["verbs"] and ctx.lower_set & (s["always_words"] | s["every_words"] | s["everyone_words"])):
        return []
    out: list[Candidate] = []
    for verb in _toks(doc):
        # (oc36) the verb in -s the small model read as a plural noun at the root, its subject as a compound before
        # it ("Social prescribing works/NNS for everyone")
        misread = verb.tag_ in W.misread_verb_tags and verb.dep_ == "ROOT" and verb.i > verb.sent.start
        if verb.lemma_.lower() not in s["verbs"] or (
                not misread and (verb.pos_ != "VERB" or verb.tag_ not in W.general_present_tags)):
            continue
        subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
        if subj is None and misread:
            subj = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "compound"), None)
        if subj is None or not (subj.lemma_.lower() in s["help_nouns"] or subj.lower_ in s["help_nouns"] or (
                subj.tag_ == "VBG") or (subj.pos_ == "NOUN" and subj.lower_.endswith(tuple(s["activity_endings"])))):
            continue
        if denied(subj, s["denial_dets"]):
            continue  # "no approach works for everyone", "neither approach ..."
        # (a clause after a comma is not its object: "always works, whatever a crew member is going through")
        comma = next((t.i for t in doc[verb.i + 1:verb.sent.end] if t.is_punct), verb.sent.end)
        objs = [c for c in verb.children if c.dep_ in s["object_deps"] and c.i < comma]

        def people(t) -> bool:
            return t.lemma_.lower() in s["people"] or t.lower_ in s["people"]
        helped = [c for c in objs if c.dep_ == "dobj" and people(c)] + [
            g for c in objs if c.dep_ in s["clause_deps"] for g in c.children if g.dep_ == "nsubj" and people(g)]
        if objs and not (helped and any(c.dep_ in s["clause_deps"] for c in objs)):
            continue  # "works the night shift", "helps the team plan": an object of its own
        marker = _universal_marker(verb, s)
        if marker is None or any(c.dep_ == "neg" for c in verb.children):
            continue
        if blocked(ctx, verb, future_ok=True) or ctx.hedged(verb):
            continue
        start, end = min(subj.left_edge.i, verb.i), max(marker.i, verb.i) + 1
        out.append(Candidate(rule, start, end, verb.i))
    return out
