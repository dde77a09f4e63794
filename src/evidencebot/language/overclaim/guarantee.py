"""Check ``guarantee``: promises of a result."""

from __future__ import annotations

from evidencebot.language.overclaim.causal import _any_object
from evidencebot.language.overclaim.common import (
    Candidate,
    _clause,
    _has_caveat,
    _has_signal,
    _is_target,
    _plainly_negated,
    _quantified_noun,
    _toks,
    _words_in,
    check,
    names_period,
    subject_of,
    verb_forms,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


@check("guarantee")
def guarantee(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Promises of outcomes: "we guarantee", "we promise", "the ICB is assured of",
    "ensures that no one ...", "make certain that nobody is ever ...", "without fail".

    A hedge does not rescue a guarantee ("should guarantee", "expect to guarantee");
    negation does ("there is no guarantee", "we cannot promise"). A guarantee of a
    service standard (a call back within four hours, a named worker) is not an outcome
    promise: ``process_words`` lists the words that mark one.
    """
    v = ctx.v
    opts = rule.options
    # (perf35) the rule's word sets, built once per loaded phrasebank (were rebuilt for every doc)
    verbs, verb_forms_, assure_forms, ensure_forms, process_words, asked, triggers = v.memo(
        f"guarantee:{rule.id}", lambda: _rule_sets(opts))
    people = v.set("people_nouns")
    signals = v.set("outcome_signals")
    negatives = v.set("negative_outcome_words")
    process_verbs = v.set("process_verbs")
    outcome_verbs = v.set("outcome_verbs")
    out: list[Candidate] = []

    def outcome_in(s: int, e: int) -> bool:
        words, text = _words_in(doc, s, e)
        # (oc2, s36) a word that only names a period ("the next working day") says nothing of an outcome
        timed = {w for t in doc[s:e] if names_period(t) for w in (t.lower_, t.lemma_.lower())}
        if timed:
            words = words - timed
            text = " " + " ".join(t.lower_ for t in doc[s:e] if t.lower_ not in timed) + " "
        if _has_signal(words, text, signals) or words & negatives:
            return True
        return any(terms.covers("system_outcome_terms", k) or terms.covers("problem_terms", k) for k in range(s, e)) or (
            _changed_health(doc, s, e, terms))

    if opts.get("future_outcomes", True):
        out.extend(_future_outcomes(rule, doc, ctx, terms, outcome_in))
    if not (ctx.lower_set & triggers or ctx.lemma_set & verbs):
        return out
    for tok in _toks(doc):
        low = tok.lower_
        if low not in triggers and tok.lemma_.lower() not in verbs:
            continue
        i = tok.i
        cs, ce = _clause(doc, i)
        if low in verb_forms_ or tok.lemma_.lower() in verbs:
            if _plainly_negated(ctx, tok) or ctx.negated(tok) or ctx.question(tok) or ctx.conditional(tok):
                continue
            if tok.is_title and i > tok.sent.start and i + 1 < len(doc) and doc[i + 1].is_title and tok.pos_ == "PROPN":
                continue  # (o19) a name in capitals mid-sentence: "referred to Guaranteed Futures, the employment team"
            if tok.is_title and tok.pos_ == "PROPN" and i - 1 > tok.sent.start and doc[i - 1].is_title:
                continue  # (oc2, s36) ... or ending one: "signed up to the city's Fair Pay Pledge"
            if tok.pos_ == "NOUN" and not any(c.lower_ in W.promise_scope_words for c in doc[max(cs, i - 3):i]):
                continue  # "there is no guarantee", "the guarantee of confidentiality"
            words, _ = _words_in(doc, i + 1, ce)
            if process_words and (words & process_words) and not outcome_in(i + 1, ce):
                continue
            if _asked_of_others(tok, asked):
                continue  # (oc2 s33) "pressing the government to guarantee ...": someone else's guarantee, asked for
            out.append(Candidate(rule, i, i + 1, i))
            continue
        if low in assure_forms or (low == "rest" and i + 1 < len(doc) and doc[i + 1].lower_ == "assured"):
            if ctx.negated(tok) or ctx.question(tok) or ctx.conditional(tok):
                continue
            if outcome_in(i + 1, ce):
                out.append(Candidate(rule, i, i + 1, i))
            continue
        ensure_end = None
        if low in ensure_forms:
            ensure_end = i + 1
        elif tok.lemma_.lower() == "make" and i + 1 < len(doc) and doc[i + 1].lower_ in ("sure", "certain"):
            ensure_end = i + 2
        if ensure_end is not None:
            if ctx.negated(tok) or ctx.hedged(tok) or ctx.conditional(tok) or ctx.question(tok):
                continue
            if ctx.aim(tok) and not ctx.future(tok):
                continue
            if any(t.lemma_.lower() in (v.set("aim_governors") | v.set("pressing_governors")) for t in doc[tok.sent.start:i]):
                continue
            span = doc[ensure_end:ce]
            lows = [t.lower_ for t in span]
            strong = any(w in W.ever_words for w in lows)
            quant = None
            for t in span[:6]:
                if t.lower_ in W.universal_people:
                    quant = t
                    break
                if t.lower_ in W.quantifiers and _quantified_noun(doc, t, people) is not None:
                    quant = t
                    break
            if quant is None and not strong:
                continue
            if (quant is None or (quant.lower_ not in W.no_one_words and not strong)) and process_words & {
                    t.lower_ for t in span} and not outcome_in(ensure_end, ce):
                continue  # "the rota ensures that a manager is always on call", "we will ensure every
                # tenant has a named worker": a process (for everyone), not an outcome
            verb = next((t for t in span if t.pos_ == "VERB" and t.dep_ not in W.amod_acl_relcl), None)
            if verb is not None and verb.lemma_.lower() in process_verbs and verb.lemma_.lower() not in outcome_verbs and not strong:
                continue
            negative_quant = quant is not None and quant.lower_ in W.no_one_words
            future_people = quant is not None and (ctx.future(tok) or any(t.lower_ in W.future_aux for t in doc[tok.sent.start:i]))
            if strong or negative_quant or future_people or outcome_in(ensure_end, ce):
                out.append(Candidate(rule, i, ensure_end, i))
            continue
        if low == "no" and i >= 3 and [t.lower_ for t in doc[i - 3:i]] == W.there_will_be:
            if outcome_in(i + 1, ce) and not ctx.question(tok) and not (
                    {t.lemma_.lower() for t in doc[tok.sent.start:i]} & (v.set("aim_governors") | v.set("pressing_governors"))):
                out.append(Candidate(rule, i - 3, i + 1, i))
            continue
        if low == "no" and i + 1 < len(doc) and doc[i + 1].lower_ in ("longer", "more"):
            if any(t.lower_ in W.future_aux for t in doc[cs:i]) and outcome_in(i + 2, ce) and not ctx.question(tok) and not (
                    {t.lemma_.lower() for t in doc[tok.sent.start:i]} & (v.set("aim_governors") | v.set("pressing_governors"))) and not ctx.hedged(tok.head):
                out.append(Candidate(rule, i, i + 2, i))
            continue
        if low == "zero" and i > 0:
            sent = tok.sent
            before = {t.lemma_.lower() for t in doc[sent.start:i]}
            if before & W.commitment_words and not (
                    before & ((v.set("aim_governors") | v.set("pressing_governors")) - {"commit"})) and not ctx.question(tok) and not ctx.negated(tok):
                end = i + 1
                while end < min(sent.end, i + 5) and doc[end].pos_ in W.noun_adj_propn_etc and doc[end].text not in W.sentence_marks:
                    end += 1
                out.append(Candidate(rule, i, end, i))
            continue
        if low == "without" and i + 1 < len(doc) and doc[i + 1].lower_ == "fail":
            sent = tok.sent
            words, text = _words_in(doc, sent.start, sent.end)
            if ("will" in words or outcome_in(sent.start, sent.end) or "%" in words) and not ctx.question(tok):
                out.append(Candidate(rule, i, i + 2, i))
    return out




def _changed_health(doc, s: int, e: int, terms) -> bool:
    """(oc2, s35) A health outcome as the object of a verb of change ("guaranteed to lower stress within a week"):
    a time limit on a change in how people feel is no response time."""
    return any(terms.covers("health_outcome_terms", k) and doc[k].dep_ == "dobj" and (
        doc[k].head.lemma_.lower() in W.guarantee_change_verbs or doc[k].head.lower_ in W.guarantee_change_verbs)
        for k in range(s, e))


def _named_object(obj, outcome_words: frozenset[str]) -> bool:
    """Is the object ``obj`` part of a capitalised name of two or more words, inside the sentence ("the EHP Transfer
    of Care and Discharge Policy v5.1", "the Ellandshire Recovery and Wellbeing Policy"), that does not end on an
    outcome word? Following, or working to, a document is a process whatever its name holds ("Recovery",
    "Discharge", "Care"); "the Mental Health Outcomes of Harbury" ends on an outcome and is read as before. The
    name runs over the capitalised words around ``obj`` and the small words between two of them
    (``name_link_words``)."""
    sent = obj.sent
    doc = obj.doc

    def cap(t) -> bool:
        return t.i > sent.start and t.text[:1].isupper() and not t.is_punct

    if not cap(obj):
        return False
    start = end = obj.i
    while start - 1 > sent.start and cap(doc[start - 1]):
        start -= 1
    j = end + 1
    while j < sent.end:
        if cap(doc[j]):
            end = j
        elif doc[j].lower_ not in W.name_link_words:
            break
        j += 1
    caps = [t for t in doc[start:end + 1] if cap(t)]
    last = doc[end]
    return len(caps) >= 2 and last.lower_ not in outcome_words and last.lemma_.lower() not in outcome_words


def _future_outcomes(rule: Rule, doc, ctx: Context, terms, outcome_in) -> list[Candidate]:
    """Unhedged promises of results for people, read from the parse:

    * "will" + an outcome verb: "people who join the programme will recover", "our service
      will transform the lives of everyone it supports", "carers will feel less stressed
      after four sessions" (weak verbs such as feel, be, achieve need an outcome word);
    * "is certain to", "is bound to", "is sure to" + a verb, with an outcome in the clause:
      "recovery is certain to follow", "the intervention is bound to improve outcomes";
    * "commit to" + an ending verb on a problem: "we commit to eliminating waiting lists".

    Hedges, aims, targets, conditions, questions and negation make them pass, and so do
    processes ("people will be offered a review", "we will improve the referral form")."""
    v = ctx.v
    opts = rule.options
    strong = frozenset(opts.get("future_outcome_verbs") or v.set("future_outcome_verbs"))
    weak = frozenset(opts.get("future_weak_verbs") or v.set("future_weak_verbs"))
    objects = frozenset(opts.get("outcome_objects") or v.set("outcome_objects"))
    end_verbs = frozenset(opts.get("end_verbs", W.end_verbs))
    people = v.set("people_nouns")
    provider = v.set("provider_agents")
    adjectives = v.set("outcome_adjectives")
    words_ = v.set("outcome_words")
    negatives = v.set("negative_outcome_words")
    process_verbs = v.set("process_verbs")
    process_nouns = v.set("process_nouns")
    aims = (v.set("aim_governors") | v.set("pressing_governors"))
    hedge_words = v.set("hedge_modals") | v.set("hedge_adverbs")
    T = _toks(doc)
    lows = ctx.lower_set
    if not (lows & (W.future_aux | W.promise_adjectives | W.commit_forms | {"going"})):
        return []
    out: list[Candidate] = []

    def blocked(verb) -> bool:
        if ctx.question(verb) or ctx.conditional(verb) or ctx.negated(verb) or ctx.hedged(verb):
            return True
        if _is_target(verb.sent) or _has_caveat(doc, verb, v.set("small_number_caveats")):
            return True
        if any(t.lower_ in hedge_words for t in T[verb.sent.start:verb.sent.end]):
            return True  # "people will recover at different speeds, and some may need longer"
        sent = verb.sent
        before = {t.lemma_.lower() for t in T[sent.start:verb.i]}
        if before & aims or before & W.belief_verbs:
            return True
        return ctx.aim(verb) and ctx.infinitive(verb)

    def subject_kind(verb) -> str | None:
        subj = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "dep" and verb.head is not verb:
            subj = subject_of(verb.head)  # misparsed "people referred to us will get well"
        if subj is None:
            return None
        low = subj.lower_
        if low in W.individual_subjects or subj.pos_ == "PROPN":
            return None
        lemma = subj.lemma_.lower()
        if low in W.everyone_words or lemma in people or low in people:
            return "people"
        if low in objects or lemma in objects:
            return "outcome"
        if low in ("we", "us") or low in provider or lemma in provider or any(t.lower_ in ("our", "we") for t in subj.subtree):
            return "provider"
        return None

    def predicate(verb) -> tuple[set, str]:
        toks = [t for c in verb.children if c.dep_ not in W.nsubj_nsubjpass_aux_etc
                for t in c.subtree if t.i > verb.i and t.i - verb.i < 12]
        toks = sorted((t for t in toks if not names_period(t)), key=lambda t: t.i)
        words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
        return words, " " + " ".join(t.lower_ for t in toks) + " "

    for tok in T:
        low = tok.lower_
        # -- "will recover", "will transform the lives of", "will feel safer"
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and any(
                c.dep_ == "aux" and c.lower_ in W.future_aux for c in tok.children):
            lemma = tok.lemma_.lower()
            if lemma not in strong and lemma not in weak:
                continue
            kind = subject_kind(tok)
            if kind is None:
                continue
            words, text = predicate(tok)
            if lemma in weak:
                if kind not in ("people", "outcome"):
                    continue
                if lemma in process_verbs and lemma not in W.stay_verbs:
                    continue
                if not (words & adjectives or words & words_ or _has_signal(words, text, negatives) or words & objects):
                    continue
            else:
                dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if dobj is not None:
                    if _named_object(dobj, objects | people | words_):
                        continue  # "we will follow the EHP Transfer of Care and Discharge Policy v5.1": a name
                    sub = {t.lower_ for t in dobj.subtree} | {t.lemma_.lower() for t in dobj.subtree}
                    if not (sub & objects or sub & people or {"everyone", "everybody"} & sub):
                        continue  # "we will improve the referral form"
                elif kind == "provider":
                    continue
            if blocked(tok):
                continue
            aux = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ in W.future_aux)
            out.append(Candidate(rule, min(aux.i, tok.i), tok.i + 1, tok.i))
            continue
        # -- "is certain to follow", "is bound to improve"
        if low in W.promise_adjectives and tok.i + 2 < len(T) and T[tok.i + 1].lower_ == "to" and T[tok.i + 2].tag_ == "VB":
            verb = T[tok.i + 2]
            cs, ce = _clause(doc, tok.i)
            vl = verb.lemma_.lower()
            if vl not in strong and vl not in weak and vl not in end_verbs and vl not in v.set("causal_verbs"):
                continue  # "she is sure to ask about her benefits"
            if vl in W.weak_future_verbs:
                continue
            subj = subject_of(tok.head) if tok.head is not tok else None
            if subj is not None and (subj.lower_ in W.individual_subjects or subj.pos_ == "PROPN"):
                continue
            if not outcome_in(cs, ce):
                continue
            if ctx.question(tok) or ctx.conditional(tok) or ctx.negated(tok) or _plainly_negated(ctx, tok.head):
                continue
            out.append(Candidate(rule, tok.i, tok.i + 3, tok.i))
            continue
        # -- "we commit to eliminating waiting lists"
        if low in W.commit_forms and tok.pos_ == "VERB" and tok.i + 2 < len(T) and T[tok.i + 1].lower_ == "to":
            verb = T[tok.i + 2]
            if verb.lemma_.lower() not in end_verbs and verb.lower_ not in {f for x in end_verbs for f in verb_forms(x)}:
                continue
            obj = _any_object(doc, verb, verb.i + 1 + (1 if verb.i + 1 < len(T) and T[verb.i + 1].tag_ == "RP" else 0), process_nouns)
            if obj is None:
                continue
            if ctx.question(tok) or ctx.conditional(tok) or ctx.negated(tok):
                continue
            out.append(Candidate(rule, tok.i, verb.i + 1, tok.i))
    return out


def _rule_sets(opts: dict) -> tuple[frozenset[str], ...]:
    """The guarantee rule's word sets from its options: verbs, their forms, the forms of assure and of the ensure
    verbs, the process words, the verbs that ask someone else for a guarantee, and every word the check starts at."""
    verbs = frozenset(opts.get("verbs", ["guarantee", "promise"]))
    verb_forms_ = frozenset(f for x in verbs for f in verb_forms(x))
    assure_forms = frozenset(verb_forms("assure")) | {"reassured"}
    ensure_forms = frozenset(f for x in opts.get("ensure_verbs", ["ensure"]) for f in verb_forms(x))
    process_words = frozenset(w.lower() for w in opts.get("process_words", []))
    asked = frozenset(str(w).lower() for w in opts.get("asked_of_others") or ())
    triggers = verb_forms_ | assure_forms | ensure_forms | W.zero_target_words
    return verbs, verb_forms_, assure_forms, ensure_forms, process_words, asked, triggers


def _asked_of_others(tok, asked: frozenset[str]) -> bool:
    """(oc2 s33) Is the guarantee verb the infinitive of a verb of asking or pressing whose object is someone else
    ("we keep pressing the government to guarantee ...", "we asked the council to promise ...")? Then it is their
    guarantee that is asked for, not ours."""
    head = tok.head
    if tok.dep_ != "xcomp" or head is tok or head.lemma_.lower() not in asked:
        return False
    return any(c.dep_ == "dobj" and c.lower_ not in W.provider_pronouns_short for c in head.children)
