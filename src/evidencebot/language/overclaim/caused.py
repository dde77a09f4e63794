"""Check ``caused_change``: a change in an outcome given a service of ours as its cause by the clause's frame.

Read from the clause (oc38, issue 15). The subject is an outcome that changed: a noun phrase holding a word of
change or a comparative ("the fall in evictions", "fewer missed appointments", "healthier turnover figures"), or
any outcome as the subject of a verb of change ("waiting times came down", "loneliness scores improved"). The
clause gives us, or a service, as the cause by one of four frames:

* a phrase or clause of cause on the verb: "... came down as a result of our triage volunteers", "... improved
  over the year owing to the shed", "... went up because of IPS", "... dropped because the peer workers built
  trust";
* a passive of a verb of causing or changing with the service as its agent: "... were produced by the mindfulness
  course", "family breakdown has been reduced by the respite breaks", "... was caused by Safewards";
* a verb of origin with the service after "from": "fewer missed appointments came from the text reminder
  project", "... follow from our tenancy sustainment work";
* a verb of showing whose object is the effect of the service: "the decline in repeat calls reflects the success
  of the Calm Space initiative".

The cause is a service when it is ours ("our", "we", "the sessions we run"), a service's name in capitals, or a
noun of a service ("the course", "the respite breaks", "the shed") that no outside body owns; a cause that is a
problem ("staff shortages", "the closure of ...") or an outside event is none. Shared or partial credit
("partly", "alongside", "in part"), a hedge ("can" alone is a capability), a denial, a condition, an aim or a
question: no claim. Every word is in the rule's options (phrasebank/overclaim.yaml).
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
    word_in,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.phrasebank import Rule


def _cue_spans(toks: list, cues: list) -> list[tuple[int, int]]:
    """Token spans of the phrases of cause ``cues`` ("as a direct result of", "owing to") in a sentence's tokens."""
    out = []
    for phrase in cues:
        n = len(phrase)
        for k in range(len(toks) - n + 1):
            if all(toks[k + j].lower_ == phrase[j] for j in range(n)):
                out.append((toks[k].i, toks[k].i + n))
    return out


def _window(doc, start: int, s: dict) -> list:
    """The words of a cause after its cue: up to the next comma, semicolon or clause opener, at most a dozen."""
    out: list = []
    sent_end = doc[start].sent.end if start < len(doc) else start
    for i in range(start, min(sent_end, start + 12)):
        t = doc[i]
        if t.is_punct and t.lower_ not in s["joining_punct"]:
            break
        if out and t.lower_ in s["clause_openers"]:
            break
        out.append(t)
    return out


def _names_service(words, s: dict) -> bool:
    """Is the cause (its words after the cue) ours or a service? See the module docstring."""
    nouns = [t for t in words if t.pos_.lower() in s["noun_pos"] or t.dep_ in s["noun_deps"]]
    if not nouns:
        return False
    if any(word_in(t, s["problem_nouns"]) or word_in(t, s["not_named"]) for t in words):
        return False
    if any(t.dep_ == "poss" and t.lower_ not in s["provider_words"] and not word_in(t, s["service_nouns"])
           for t in words):
        return False  # someone else's ("the council's scheme", "her sister's help")
    if any(t.lower_ in s["provider_words"] for t in words):
        return True
    if any(word_in(t, s["people_nouns"]) for t in nouns):
        return False
    # a noun of a service, or a service's name ("Safewards", "IPS"; not a place, a date or a person)
    return any(word_in(t, s["service_nouns"]) for t in nouns) or any(
        (t.is_title or t.is_upper) and t.i != t.sent.start and t.is_alpha
        and t.ent_type_.lower() not in s["not_entities"]
        for t in nouns)


def _marks_change(t, s: dict) -> bool:
    """A word of change, or a comparative on a noun ("fewer calls", "healthier figures"; not "an earlier draft")."""
    if word_in(t, s["change_words"]):
        return True
    return t.tag_.lower() in s["comparative_tags"] and t.dep_ in s["modifier_deps"] and not word_in(t, s["time_words"])


def _changed_subject(subj, verb, s: dict, marked_only: bool = False) -> bool:
    """The subject is an outcome that changed: a word of change or a comparative in it, or (unless ``marked_only``)
    any outcome as the subject of a verb of change (with its particle: "came down", "went up")."""
    if subj is None or subj.lower_ in s["subject_pronouns"] or subj.tag_.lower() in s["relative_tags"]:
        return False
    words = list(subj.subtree)
    marked = any(_marks_change(t, s) for t in words)
    if word_in(subj, s["people_nouns"]) and not any(
            c.dep_ in s["modifier_deps"] and _marks_change(c, s)
            for c in subj.children):
        return False  # "Joan improved because of ...": a person, not a figure ("fewer women", a count, is one)
    if subj.pos_ not in ("NOUN", "PROPN") and subj.tag_.lower() not in s["misread_noun_tags"] and not marked:
        # (a plural noun the small model reads as a verb: "Rent arrears/VBZ ... came down")
        return False
    if marked or marked_only:
        return marked
    lemma = verb.lemma_.lower()
    if lemma in s["change_verbs"]:
        return True
    parts = {c.lower_ for c in verb.children if c.dep_ in s["particle_deps"]}
    return lemma in s["phrasal_change_heads"] and bool(parts & s["change_particles"])


def _prep(tok, words: frozenset):
    """The first preposition of ``words`` hanging on ``tok`` ("credited | to", "came | from"), or None."""
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in words), None)


def _after(head) -> list:
    """The words under a preposition or an agent, without it: the cause it names."""
    return [t for t in head.subtree if t.i != head.i]


def _verb_of(tok, end: int):
    """The verb a cue hangs on: the nearest verb among its heads outside the cue ("owing" is no verb here)."""
    t = tok
    while t.head.i != t.i and (t.pos_ not in ("VERB", "AUX") or tok.i <= t.i < end):
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") and not tok.i <= t.i < end else None


def _subject(verb, s: dict):
    subj = next((c for c in verb.children if c.dep_ in s["subject_deps"]), None)
    if subj is None and verb.dep_ in s["participle_deps"] and verb.head.i != verb.i:
        # "..., reflecting the impact of our service": the clause it hangs on says what changed
        subj = next((c for c in verb.head.children if c.dep_ in s["subject_deps"]), None)
    return subj


def _shared(sent, s: dict) -> bool:
    low = " " + _span_text(sent).lower() + " "
    return any(t.lower_ in s["shared_words"] for t in sent) or any(f" {p} " in low for p in s["shared_phrases"])


def _blocked(ctx: Context, verb, s: dict) -> bool:
    if ctx.negated(verb) or ctx.conditional(verb) or ctx.question(verb) or ctx.aim(verb):
        return True
    if not ctx.hedged(verb) or claims._only_can(_toks(verb.doc), verb.sent, ctx):
        return False
    # a modal of duty on a verb that places the credit ("must be put down to", "should be credited to") says where
    # it belongs; any other hedge in the sentence still drops it
    modals = [c for c in verb.children if c.dep_ in s["aux_deps"] and c.tag_.lower() in s["modal_tags"]]
    hedges = (ctx.v.set("hedge_adverbs") | ctx.v.set("hedge_modals")) - s["deontic_modals"]
    return not (verb.lemma_.lower() in s["placing_verbs"] and modals
                and all(c.lower_ in s["deontic_modals"] for c in modals)
                and not any(t.lower_ in hedges for t in verb.sent))


def _build(o: dict) -> dict:
    s = all_option_words(o)
    s["_verbs"] = s["cause_verbs"] | s["origin_verbs"] | s["reflect_verbs"] | s["link_verbs"] | s["belong_verbs"]
    s["_cues"] = [tuple(p.split()) for p in sorted(s["cause_phrases"], key=lambda p: -len(p.split()))]
    return s


@check("caused_change")
def caused_change(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """A changed outcome given a service as its cause (module docstring)."""
    s = derived(rule, _build)
    if ctx.lower_set.isdisjoint(s["cause_marks"]) and ctx.lemma_set.isdisjoint(s["_verbs"]):
        return []
    T = _toks(doc)
    out: list[Candidate] = []
    seen: set[int] = set()

    def add(verb, subj, end: int) -> None:
        if verb.i in seen or _shared(verb.sent, s) or _blocked(ctx, verb, s):
            return
        seen.add(verb.i)
        out.append(Candidate(rule, min(subj.left_edge.i, verb.i), max(end, verb.i + 1), verb.i))

    # (only the phrases of cause whose every word is in the doc can match: most docs have none)
    cues = [p for p in s["_cues"] if ctx.lower_set.issuperset(p)]
    for sent in doc.sents:
        # 1. a phrase of cause on the verb ("... fell as a result of our triage volunteers")
        for cs, ce in _cue_spans(T[sent.start:sent.end], cues) if cues else ():
            if cs == sent.start:
                continue  # a fronted cause is read by overclaim.attribution
            verb = _verb_of(T[cs], ce)
            if verb is None or verb.i > cs:
                continue
            words = _window(doc, ce, s)
            if not _names_service(words, s):
                continue
            subj = _subject(verb, s)
            if _changed_subject(subj, verb, s):
                add(verb, subj, words[-1].i + 1)
    for verb in T:
        lemma = verb.lemma_.lower()
        subj = _subject(verb, s)
        if subj is None:
            continue
        # 1b. a clause of cause whose subject is ours or a service ("... went up because the peer workers ...")
        clause = next((c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in s["because_words"] for m in c.children)), None)
        if clause is not None:
            csubj = next((c for c in clause.children if c.dep_ in s["subject_deps"]), None)
            denied = any(c.dep_ in s["neg_deps"] for c in clause.children)  # "because we could not support them"
            if csubj is not None and not denied and _names_service(list(csubj.subtree), s) and _changed_subject(
                    subj, verb, s):
                add(verb, subj, csubj.right_edge.i + 1)
                continue
        passive = (lemma in s["cause_verbs"] or lemma in s["link_verbs"]) and any(
            c.dep_ == "auxpass" for c in verb.children)
        # 2. a passive of causing or changing, the service its agent ("... were produced by the course")
        if lemma in s["cause_verbs"] and passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is None:
                agent = next((g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "agent"),
                             None)
            if agent is not None and _names_service(_after(agent), s) and _changed_subject(subj, verb, s):
                add(verb, subj, agent.right_edge.i + 1)
                continue
        # 2b. a passive that links the change to the service ("much of the reduction can be credited to our callers",
        # "must be put down to our night shelter"); here, in 3 and in 4 the subject must hold a word of change
        if lemma in s["link_verbs"] and passive:
            prep = _prep(verb, s["link_preps"]) or next(
                (p for c in verb.children if c.dep_ in s["particle_deps"]
                 for p in [_prep(c, s["link_preps"])] if p is not None), None)
            if prep is not None and _names_service(_after(prep), s) and _changed_subject(subj, verb, s, True):
                add(verb, subj, prep.right_edge.i + 1)
                continue
        # 5. the credit for a change placed with the service ("the credit for ... belongs to our tenancy team", "an
        # achievement that belongs to the model")
        if lemma in s["belong_verbs"]:
            owner = subj.head if subj.tag_.lower() in s["relative_tags"] and verb.dep_ == "relcl" else subj
            if not word_in(owner, s["credit_nouns"]):
                # a portion of the credit ("much of the credit for ...")
                owner = next((g for c in owner.children if c.dep_ == "prep" and c.lower_ in s["of_words"]
                              for g in c.children if g.dep_ == "pobj" and word_in(g, s["credit_nouns"])), owner)
            prep = _prep(verb, s["link_preps"])
            if prep is not None and word_in(owner, s["credit_nouns"]) and not any(
                    c.lower_ in s["own_words"] for c in owner.children):
                if _names_service(_after(prep), s) and any(
                        _marks_change(t, s) or t.tag_.lower() in s["result_tags"]
                        for t in verb.sent if t.i < verb.i):
                    add(verb, owner, prep.right_edge.i + 1)
                    continue
        # 3. a verb of origin ("... came from the text reminder project")
        if lemma in s["origin_verbs"]:
            prep = _prep(verb, s["origin_preps"])
            if prep is not None and _names_service(_after(prep), s) and _changed_subject(subj, verb, s, True):
                add(verb, subj, prep.right_edge.i + 1)
                continue
        # 4. a verb of showing whose object is the service's effect ("... reflects the success of the initiative")
        if lemma in s["reflect_verbs"]:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and word_in(c, s["effect_nouns"])), None)
            prep = None if obj is None else _prep(obj, s["of_words"])
            if prep is not None and _names_service(_after(prep), s) and _changed_subject(subj, verb, s, True):
                add(verb, subj, prep.right_edge.i + 1)
    return out
