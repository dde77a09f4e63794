"""Check ``proof_frame``: a before/after observation offered as proof that the service works.

Read from the clause, not a phrase list: a word of proof (a verb such as "prove", "show",
"demonstrate", "confirm", or a noun such as "proof", "evidence") whose claim (its clause
complement, object or "of"/"that" phrase) says that something works or caused an outcome,
and whose basis is an observation in the same sentence: the proof word hangs off a
preceding clause (", which shows ...", ", proving ...", ", proof that ...") or its subject
is that observation ("the change in scores confirms ..."). Hedged, negated, conditional
and question contexts pass ("which is encouraging but does not show cause and effect").
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import Candidate, Terms, _toks, check, derived, option_words, subject_of
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    return derived(rule, lambda o: dict(
        verbs=option_words(o.get("proof_verbs")),
        nouns=option_words(o.get("proof_nouns")),
        efficacy=option_words(o.get("efficacy")),
        causal=option_words(o.get("causal_verbs")) | option_words(o.get("result_verbs")),
        basis=option_words(o.get("basis_words")),
        strong=option_words(o.get("strong_verbs")),
        evidence=option_words(o.get("evidence_words")),
        agents=option_words(o.get("agents")),
        works=option_words(o.get("works_verbs")),
        particle_heads=frozenset(v.split()[0] for v in option_words(o.get("proof_verbs")) if " " in v),
        certain=option_words(o.get("certainty_adjectives")),
        signs=option_words(o.get("sign_nouns")),
        colon_nouns=option_words(o.get("colon_nouns")),
        effect_nouns=option_words(o.get("effect_nouns")),
        plain=option_words(o.get("plain_words")),
        copulas=option_words(o.get("copulas")),
        owner_preps=option_words(o.get("owner_preps")),
        present_tags=frozenset(o.get("present_tags") or ()),
        verdict_deps=option_words(o.get("verdict_deps")),
        verdict_adverbs=option_words(o.get("verdict_adverbs")),
        verdict_clause_deps=frozenset(o.get("verdict_clause_deps") or ()),
        total_verbs=option_words(o.get("total_verbs")),
        totality=option_words(o.get("totality_words")),
        no_words=option_words(o.get("no_words")),
        verdict_fragments=[str(x).lower() for x in o.get("verdict_fragments") or ()],
    ))


def _about_us(tok, s: dict) -> bool:
    """(o22) The words under ``tok`` after it name us or a service of ours ("about what our project achieves", "of
    what the group achieves"; not a clause of its own later in the sentence: "..., and we will know more")."""
    return any(t.i > tok.i and (t.lower_ in W.provider_pronouns_short or (
        t.lemma_.lower() in s["agents"] and t.pos_ == "NOUN")) for t in tok.subtree)


def _total_proofs(doc, s: dict, ctx: Context) -> list:
    """(o22) An observation said to tell everything about what we do, or to be beyond any clearer proof: a verb of
    telling or showing whose subject points back ("that", "this") and whose object is everything ("That tells you
    everything about what our project achieves", "This says it all about the café"), or a proof noun with "no" and
    a comparative ("There could be no clearer demonstration of what the group achieves"), about us."""
    out = []
    for tok in _toks(doc):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in s["total_verbs"]:
            subj = subject_of(tok)
            if subj is None or subj.lower_ not in W.proof_pointers:
                continue
            if not any(c.dep_ == "dobj" and (c.lower_ in s["totality"] or any(
                    g.lower_ in s["totality"] for g in c.children)) for c in tok.children):
                continue
        elif tok.pos_ == "NOUN" and (tok.lower_ in s["nouns"] or tok.lower_ in s["colon_nouns"]):
            kids = list(tok.children)
            if not (any(c.dep_ == "det" and c.lower_ in s["no_words"] for c in kids)
                    and any(c.dep_ == "amod" and c.tag_ in ("JJR", "RBR") for c in kids)):
                continue
        else:
            continue
        if not _about_us(tok, s):
            continue
        anchor = tok if tok.pos_ != "NOUN" else tok.head
        if ctx.question(anchor) or ctx.conditional(anchor) or tok.pos_ != "NOUN" and (
                ctx.negated(tok) or ctx.hedged(tok)):
            continue  # ("there could be no clearer proof": the modal of a rhetorical "no clearer" is no hedge)
        out.append((tok, anchor))
    return out


def _certain(tok, s: dict) -> bool:
    """A proof word said to be beyond doubt ("clear proof that ...", "a sure sign that ...",
    "undeniable evidence of ..."): whatever it says is proven, it is offered as settled."""
    return any(c.dep_ == "amod" and (c.lower_ in s["certain"] or c.lemma_.lower() in s["certain"])
               and not any(g.dep_ == "neg" for g in c.children) for c in tok.children)


def _claim_tokens(tok) -> list:
    """What the proof word says is proven: its clause complement, object or prepositional
    phrase (for a noun: "proof that ...", "evidence of ...")."""
    out = []
    for c in tok.children:
        if c.dep_ in W.proof_claim_deps and c.i > tok.i:
            out.extend(c.subtree)
        elif c.dep_ == "amod" and c.i > tok.i:
            # "proof positive that ...": the clause hangs off the adjective after the noun
            out.extend(t for g in c.children if g.dep_ in W.proof_claim_deps for t in g.subtree)
    return out


# how many words after a proof noun its "that" clause may start, past an aside ("proof, if it were needed, that")
_ASIDE_WINDOW = 9


def _later_clause(noun) -> list:
    """(o21) The "that" clause a proof noun introduces when an aside parts them and the small model hangs the
    clause elsewhere ("proof, if it were needed, that outreach works", "evidence if any were needed that our
    model prevents readmission"): the clause of the first "that" within a few words after the noun."""
    doc = noun.doc
    for t in doc[noun.i + 1:min(noun.sent.end, noun.i + _ASIDE_WINDOW)]:
        if t.lower_ not in W.proof_that_words:
            continue
        verb = t.head if t.dep_ in W.proof_that_deps else None
        if verb is None or verb.i <= t.i or verb.pos_ not in ("VERB", "AUX"):
            return []
        return [x for x in verb.subtree if x.i > t.i]
    return []


def _says_it_works(toks, s: dict) -> bool:
    for t in toks:
        low, lemma = t.lower_, t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in s["works"] and not _verdict_shape(t, s):
            continue  # (o23) "shows that the duty worker works from the Leeds office": where, not whether
        if low in s["efficacy"] or lemma in s["efficacy"]:
            return True
        if t.pos_ in ("VERB", "AUX") and lemma in s["causal"] and any(c.dep_ == "dobj" for c in t.children):
            return True  # "tenancy support prevents homelessness" (transitive: an agent causes it)
    return False


def _misread_clause_verb(tok) -> bool:
    """(oc2 s33) A verb in -s the small model read as a plural noun at the head of a "that" clause ("proof that the
    champions scheme works", "works/NNS"): a noun takes no "that" of a clause, so it is the clause's verb."""
    return tok.tag_ in W.misread_verb_tags and any(c.dep_ == "mark" and c.lower_ in W.proof_that_words
                                                   for c in tok.children)


def _causal_claim(toks, s: dict) -> bool:
    """A claim of cause or efficacy in the clause (not a word that only names a value): a
    causal verb with an object ("peer support is what drives recovery") or a verb of working
    with a subject ("the course works")."""
    for t in toks:
        if t.pos_ not in ("VERB", "AUX") and not _misread_clause_verb(t):
            continue
        lemma = t.lemma_.lower()
        if lemma in s["causal"] and any(c.dep_ == "dobj" for c in t.children):
            return True
        if lemma in s["works"] and any(c.i < t.i and (c.dep_ in ("nsubj", "csubj") or c.pos_ in ("NOUN", "PROPN"))
                                       for c in t.children):
            return True  # (a subject, or a noun the small model hung on it: "peer support works")
    return False


def _ours_proven(tok, s: dict) -> bool:
    """A strong proof verb whose object is our service or way of working ("the pilot has
    validated our model", "the figures vindicate the approach")."""
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        if (c.lemma_.lower() in s["agents"] or c.lower_ in s["agents"]) and any(
                g.dep_ in ("poss", "det") and (g.lower_ in W.provider_pronouns_short or g.lower_ in W.definite_dets)
                for g in c.children):
            return True
        if any(g.lower_ in W.provider_pronouns_short and g.lower_ != "our" for g in c.subtree):
            return True  # "vindicate the decision to fund us"
    return False


def _efficacy_object(tok, s: dict) -> bool:
    """The proof verb's object names efficacy ("demonstrate the impact of the service", "prove
    the effectiveness of peer support")."""
    return any(c.dep_ == "dobj" and (c.lower_ in s["efficacy"] or c.lemma_.lower() in s["efficacy"])
               for c in tok.children)


def _evidence_subject(tok, s: dict) -> bool:
    """The proof verb's subject is a body of evidence ("six months of feedback forms", "the
    pilot", "comparing scores at the first and last session")."""
    if tok.pos_ in ("VERB", "AUX"):
        subj = subject_of(tok)
    else:  # "the results are proof that ...": the subject of the copula
        subj = subject_of(tok.head) if tok.dep_ in W.proof_predicate_deps else None
    return subj is not None and any(t.lower_ in s["evidence"] or t.lemma_.lower() in s["evidence"]
                                    for t in subj.subtree)


def _observed(tok, s: dict) -> bool:
    """The proof word rests on an observation in the sentence: it hangs off a preceding clause
    or its subject is a change, a figure or "this"/"which"."""
    sent = tok.sent
    before = [t for t in sent if t.i < tok.i]
    attached = tok.dep_ in W.proof_attached_deps or (tok.pos_ == "NOUN" and tok.dep_ in W.proof_noun_deps)
    if tok.pos_ in ("VERB", "AUX"):
        subj = subject_of(tok)
    else:  # "which is clear evidence that ...": the subject of the copula
        subj = subject_of(tok.head) if tok.dep_ in W.proof_predicate_deps else None
    pointer = subj is not None and subj.lower_ in W.proof_pointers and subj.i == sent.start
    if pointer or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and not any(t.is_alpha for t in before)):
        # (o23) a sentence that opens by pointing back ("This shows the crisis plans are working.") or is a proof
        # noun on its own ("Proof that supported housing works."): its basis is the sentence or two before it
        before = _previous_sentences(sent) + before
    if not before:
        return False
    if subj is not None and (subj.tag_ in W.relative_tags or subj.lower_ in W.proof_pointers):
        attached = True
    if subj is not None and any(t.lower_ in s["basis"] or t.lemma_.lower() in s["basis"] for t in subj.subtree):
        return True  # "the change in scores confirms ..." (not "our results show ...": a report of data)
    if not attached:
        return False
    return any(t.lower_ in s["basis"] or t.lemma_.lower() in s["basis"] or t.like_num for t in before)


def _bare_works(toks, s: dict) -> bool:
    """(o23) A bare verdict that something works in the claim ("... confirms that social prescribing pays off", "...
    shows the plans are working"): a verb of working in the present with a subject and nothing after it but a particle
    or an adverb of certainty ("the team works weekends", "works from the Leeds office" say how or where)."""
    for verb in toks:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in s["works"]:
            continue
        present = verb.tag_ in s["present_tags"] or (verb.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_.lower() in s["copulas"] for c in verb.children))
        if not present or not any(c.dep_ in ("nsubj", "csubj") and c.i < verb.i for c in verb.children):
            continue
        if _verdict_shape(verb, s):
            return True
    return False


def _verdict_shape(verb, s: dict) -> bool:
    """Nothing after the verb of working but a particle or an adverb of certainty ("pays off", "works, clearly")."""
    return all(c.is_punct or c.dep_ == "prt" or c.dep_ in s["verdict_deps"] and c.lower_ in s["verdict_adverbs"]
               for c in verb.children if c.i > verb.i)


def _opening_proof(tok) -> bool:
    """(o23) The proof word opens its sentence, pointing back or on its own ("This shows the plans are working.",
    "Proof that supported housing works."): its claim is a verdict on what the sentences before it observed."""
    sent = tok.sent
    if tok.pos_ == "NOUN":
        return tok.dep_ == "ROOT" and not any(t.is_alpha for t in sent if t.i < tok.i)
    subj = subject_of(tok)
    return subj is not None and subj.i == sent.start and subj.lower_ in W.proof_pointers


def _previous_sentences(sent, count: int = 2) -> list:
    """(o23) The tokens of the (at most ``count``) sentences before ``sent`` in its text."""
    doc = sent.doc
    starts = [x.start for x in doc.sents if x.start < sent.start][-count:]
    return list(doc[starts[0]:sent.start]) if starts else []


def _ours(np, s: dict) -> bool:
    """We, or something of ours: "our step-up beds", "the service we run" (a provider word in the phrase)."""
    return np.lower_ in W.provider_pronouns or any(t.lower_ in W.provider_pronouns_short for t in np.subtree)


def _colon_proof(tok, s: dict) -> bool:
    """(o21) A strong proof noun that introduces an observation after a colon, about us ("Here is the proof: 12
    self-referrals in January and 30 in June, after our outreach campaign")."""
    doc = tok.doc
    if tok.lower_ not in s["colon_nouns"] or tok.i + 1 >= tok.sent.end or doc[tok.i + 1].text != ":":
        return False
    rest = doc[tok.i + 2:tok.sent.end]
    return any(t.like_num for t in rest) and any(t.lower_ in W.provider_pronouns for t in rest)


def _plain_effects(doc, s: dict, ctx: Context) -> list:
    """(o21) Our effect said to be plain to see: a noun of effect of ours ("the effect of our step-up beds",
    "our groups' impact") followed at once by a copula whose complement says it is beyond doubt ("is plain to
    see", "is obvious", "is undeniable"). Read from the words' order as well as the parse: the small model often
    hangs such a subject on the wrong word."""
    out = []
    for noun in _toks(doc):
        if noun.pos_ != "NOUN" or not (noun.lower_ in s["effect_nouns"] or noun.lemma_.lower() in s["effect_nouns"]):
            continue
        owner = any(c.dep_ == "poss" and (c.lower_ in W.provider_pronouns or _ours(c, s)) for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ in s["owner_preps"] and any(g.dep_ in ("pobj", "agent") and _ours(g, s)
                                                                       for g in c.subtree) for c in noun.children) or any(
            c.dep_ == "relcl" and _ours(c, s) for c in noun.children)  # "the difference our volunteers make"
        end = noun.right_edge.i + 1
        if not owner or end >= noun.sent.end:
            continue
        cop = doc[end]
        if cop.lemma_.lower() not in s["copulas"]:
            continue
        plain = next((c for c in cop.children if c.dep_ == "acomp" and c.lower_ in s["plain"]), None)
        if plain is None or ctx.negated(cop) or ctx.hedged(cop) or ctx.question(cop) or ctx.conditional(cop):
            continue
        if any(c.dep_ == "neg" for c in plain.children):
            continue
        out.append((noun, plain, cop))
    return out


def _works_verdicts(doc, s: dict, ctx: Context) -> list:
    """(o21) A bare verdict that a thing of ours works, closing an observation of change before it in the text
    ("After we started, A&E visits dropped: our model works.", "Calls fell after we opened - the café is
    working."): a verb of working in the present with our service as its subject and nothing after it but an
    adverb of certainty ("works, clearly"), when an earlier clause of the text holds a word of change or a figure."""
    out = []
    toks = _toks(doc)
    for verb in toks:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in s["works"]:
            continue
        present = verb.tag_ in s["present_tags"] or (verb.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_.lower() in s["copulas"] for c in verb.children))
        if not present or any(not (c.dep_ in s["verdict_deps"] and c.lower_ in s["verdict_adverbs"])
                              for c in verb.children if c.i > verb.i and not c.is_punct):
            continue  # ("our team works hard", "works from the Leeds office": how or where, not whether)
        if verb.dep_ not in s["verdict_clause_deps"] or any(c.tag_ in W.relative_tags for c in verb.children):
            continue  # a verdict stands as a clause of its own, not "a change to how we work"
        subj = subject_of(verb)
        if subj is None or subj.pos_ == "PRON" or not (_ours(subj, s) or (subj.lemma_.lower() in s["agents"] and any(
                c.dep_ == "det" and c.lower_ in W.definite_dets for c in subj.children))):
            continue  # (a thing of ours, "our model", "the café"; not "we work", which is what we do)
        start = subj.left_edge.i
        if not any(t.lower_ in s["basis"] or t.lemma_.lower() in s["basis"] or t.like_num for t in toks[:start]):
            continue  # nothing observed before it: a claim of efficacy, read by the other rules
        if ctx.negated(verb) or ctx.hedged(verb) or ctx.question(verb) or ctx.conditional(verb):
            continue
        out.append((subj, verb))
    return out


def _observation_before(sent, s: dict, end: int | None = None) -> bool:
    """(o23) A figure or a word of change in the sentence or two before ``sent`` (or in ``sent`` before ``end``)."""
    toks = _previous_sentences(sent) + [t for t in sent if end is not None and t.i < end]
    return any(t.like_num or t.lower_ in s["basis"] or t.lemma_.lower() in s["basis"] for t in toks)


def _unbeatable_proofs(doc, s: dict, ctx: Context) -> list:
    """(o23) An observation's proof said to be beyond improving, after the observation ("Evictions fell from nine to
    two. The evidence could not be clearer."): a proof noun as the subject of a negated copula whose complement is a
    comparative of plainness ("could not be clearer", "couldn't be plainer"). Its "not" is the claim's own word."""
    out = []
    for cop in _toks(doc):
        if cop.lemma_.lower() not in s["copulas"] or not any(c.dep_ == "neg" for c in cop.children):
            continue
        subj = subject_of(cop)
        if subj is None or not (subj.lower_ in s["nouns"] or subj.lower_ in s["colon_nouns"]):
            continue
        if not any(c.dep_ == "acomp" and c.tag_ in ("JJR", "RBR") and c.lemma_.lower() in s["plain"]
                   for c in cop.children):
            continue
        if _observation_before(cop.sent, s, subj.left_edge.i) and not (ctx.question(cop) or ctx.conditional(cop)):
            out.append((subj, cop))
    return out


def _verdict_fragments(doc, s: dict) -> list:
    """(o23) A sentence that is only a verdict on the observation before it ("... it was 11. Enough said.")."""
    out = []
    for sent in doc.sents:
        words = " ".join(t.lower_ for t in sent if t.is_alpha)
        if words in s["verdict_fragments"] and _observation_before(sent, s):
            out.append(sent)
    return out


@check("total_proof")
def total_proof(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """(o22) See :func:`_total_proofs`. Its own rule: the "no" and the modal of "there could be no clearer proof"
    are the claim's own words, not a negation or a hedge of it (the rule skips questions and conditions only).
    (o23) Also :func:`_unbeatable_proofs` ("The evidence could not be clearer.") and :func:`_verdict_fragments`
    ("Enough said."), after an observation."""
    s = _settings(rule)
    out: list[Candidate] = []
    if ctx.lower_set & (s["nouns"] | s["colon_nouns"]) and ctx.lemma_set & s["plain"]:
        out.extend(Candidate(rule, subj.i, cop.i + 1, cop.i) for subj, cop in _unbeatable_proofs(doc, s, ctx))
    if s["verdict_fragments"] and len(doc) > 2:
        out.extend(Candidate(rule, sent.start, sent.end, sent.root.i) for sent in _verdict_fragments(doc, s))
    if not (ctx.lemma_set & s["total_verbs"] and ctx.lower_set & s["totality"] or ctx.lower_set & s["no_words"] and (
            ctx.lower_set & (s["nouns"] | s["colon_nouns"]))):
        return out
    return out + [Candidate(rule, tok.i, tok.i + 1, anchor.i) for tok, anchor in _total_proofs(doc, s, ctx)]


@check("proof_frame")
def proof_frame(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    out: list[Candidate] = []
    if ctx.lemma_set & s["works"]:
        out.extend(Candidate(rule, subj.i, verb.i + 1, verb.i) for subj, verb in _works_verdicts(doc, s, ctx))
    if ctx.lower_set & s["plain"] and ctx.lemma_set & s["effect_nouns"]:
        out.extend(Candidate(rule, noun.i, plain.i + 1, cop.i) for noun, plain, cop in _plain_effects(doc, s, ctx))
    if not (ctx.lemma_set & s["verbs"] or ctx.lower_set & (s["nouns"] | s["signs"])
            or ctx.lemma_set & s["particle_heads"]):
        return out
    for tok in _toks(doc):
        lemma = tok.lemma_.lower()
        if lemma in s["particle_heads"]:
            prt = next((c for c in tok.children if c.dep_ == "prt"), None)
            if prt is not None:
                lemma = f"{lemma} {prt.lower_}"  # "the figures bear out ..."
        if tok.pos_ in ("VERB", "AUX") and lemma in s["verbs"]:
            pass
        elif tok.lower_ in s["nouns"] and (tok.pos_ == "NOUN" or tok.dep_ == "attr"):
            pass  # ("are proof positive that ...": the small model reads "proof" as an adjective)
        elif tok.lower_ in s["signs"] and tok.pos_ == "NOUN" and _certain(tok, s):
            pass  # "a sure sign that ...": a sign only when it is said to be certain
        else:
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "too small a group to show an effect": an infinitive asserts nothing
        if tok.pos_ == "NOUN" and _colon_proof(tok, s):
            anchor = tok.head if tok.dep_ != "ROOT" else tok
            if not (ctx.negated(anchor) or ctx.hedged(anchor) or ctx.question(anchor) or ctx.conditional(anchor)):
                out.append(Candidate(rule, tok.i, tok.i + 1, anchor.i))
            continue
        claim = _claim_tokens(tok) or (_later_clause(tok) if tok.pos_ == "NOUN" else [])
        if not claim:
            continue
        if tok.pos_ == "NOUN" and _certain(tok, s) and _observed(tok, s):
            pass  # an observation offered as certain proof of anything: "..., clear proof that families trust us"
        elif not ((_says_it_works(claim, s) or _bare_works(claim, s) or _opening_proof(tok) and _causal_claim(claim, s))
                  and _observed(tok, s)):
            # evidence offered as proof of a cause: "six months of feedback demonstrate that peer
            # support drives recovery", "the pilot has validated our model", "comparing scores
            # shows the course works" (a strong proof verb, or a claim of cause or efficacy)
            strong = lemma in s["strong"]
            if not (_evidence_subject(tok, s) and (
                    _causal_claim(claim, s) or (strong and (_ours_proven(tok, s) or _efficacy_object(tok, s))))):
                continue
        anchor = tok if tok.pos_ != "NOUN" else tok.head
        if ctx.negated(tok) or ctx.negated(anchor) or ctx.hedged(tok) or ctx.question(tok) or ctx.conditional(tok):
            continue
        if any(c.dep_ == "neg" or c.lower_ in W.no_one_words for c in tok.children):
            continue
        out.append(Candidate(rule, tok.i, tok.i + 1, anchor.i))
    return out
