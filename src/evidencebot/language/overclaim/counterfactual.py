"""Check ``counterfactual_outcome``: what would have happened without the service, said as known.

Read from the sentence (oc30, issue 15): a condition that takes a service or a person's help away and a result
with "would" that names a bad outcome.

* the condition: a preposition of absence ("without", "absent", "minus") before the result; "were it not for",
  "but for"; an "if" clause or an inverted "had ... not" whose verb is past perfect or "were" and is denied ("if
  the peer line hadn't picked up", "had Dami not been referred") or says something of ours ended ("if the
  centre had closed"); or an imperative of taking away ("take the peer workers away and ...", with "will" or a
  present verb after "and");
* the result: a verb with "would" ('d, wouldn't) whose clause names an outcome: an outcome noun (prison, the
  streets, crisis, harm, readmission, a serious incident), a verb of harm (die, relapse, collapse, overwhelm), a
  state going on ("would still be ..."), or being alive or here denied ("wouldn't be here").

It passes when the claim is hedged ("might", "could", "likely"), denied or doubted above ("we cannot say that
..."), reported by someone else ("Mr Shaw says he would ..."), or about our own business ("we would have lost
the contract", "we would have had to close the café": no outcome named). Words are in the rule's options.
"""

from __future__ import annotations


from evidencebot.language.overclaim.common import Candidate, Terms, all_option_words, blocked, check, derived
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _condition(sent, s: dict):
    """The first token of a counterfactual condition in ``sent``, or None; and whether it is a take-away
    imperative (whose result may be "will" or a present verb)."""
    toks = list(sent)
    for k, t in enumerate(toks):
        low = t.lower_
        if low in s["absence_preps"] and t.dep_ in s["absence_deps"]:
            return t, False
        if low in s["for_words"] and k and toks[k - 1].lower_ in (s["for_openers"] | s["negators"]):
            return toks[k - 1], False
        if low in s["if_marks"] or (low in s["inverted_auxiliaries"] and t.dep_ != "ROOT" and _inverted(t, toks, k)):
            verb = t.head if low in s["if_marks"] else _clause_verb(t)
            if verb is not None and _counterfactual_verb(verb, s):
                return t, False
        if (k == 0 or toks[k - 1].is_punct) and t.lemma_.lower() in s["removal_verbs"] and t.tag_ == "VB" and any(
                u.lower_ in s["removal_particles"] for u in toks[k + 1:k + 8]):
            return t, True
    return None, False


def _inverted(t, toks, k: int) -> bool:
    """"Had Dami not been referred", "were it not for": an auxiliary before its subject, with a denial near."""
    nxt = toks[k + 1:k + 6]
    return bool(nxt) and not nxt[0].is_punct and any(u.lower_ in ("not", "n't") for u in nxt)


def _clause_verb(aux):
    if aux.pos_ == "AUX" and aux.head.i != aux.i and aux.dep_ in ("aux", "auxpass"):
        return aux.head
    return aux


def _counterfactual_verb(verb, s: dict) -> bool:
    """A past perfect or "were" clause that is denied ("hadn't picked up", "had not funded", "nobody had
    answered") or says something ended ("had closed")."""
    kids = list(verb.children)
    perfect = any(c.lower_ in s["inverted_auxiliaries"] for c in kids) or verb.lower_ in s["inverted_auxiliaries"]
    if not perfect:
        return False
    if any(c.dep_ == "neg" for c in kids) or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in s["nobody_words"]
                                                  for c in kids):
        return True
    return verb.lemma_.lower() in s["ending_verbs"]


def _results(sent, s: dict, imperative: bool) -> list:
    """The verbs of the result: those with "would" ('d), and after a take-away imperative, "will" or a present
    verb after "and"."""
    out = []
    for t in sent:
        kids = list(t.children)
        if any(c.lower_ in s["result_modals"] and c.tag_ == "MD" for c in kids):
            out.append(t)
        elif imperative and t.dep_ == "conj" and (t.tag_ in ("VBZ", "VBP") or any(
                c.lower_ in s["future_modals"] for c in kids)):
            out.append(t)
    return out


def _outcome_named(verb, s: dict) -> bool:
    """An outcome in the result's clause: a verb of harm, an outcome noun in its words, "still", or being alive
    or here denied."""
    if verb.lemma_.lower() in s["harm_verbs"]:
        return True
    words = [t for t in verb.subtree if t.i >= verb.i or t.dep_ in s["before_deps"]]
    for t in words:
        if t.lower_ in s["still_words"] and t.head.i == verb.i:
            return True
        if t.lemma_.lower() in s["harm_verbs"] and t.head.i == verb.i:
            return True
        if t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in s["outcome_nouns"] or t.lower_ in s["outcome_nouns"]):
            return True
    if any(c.dep_ == "neg" for c in verb.children) and any(t.lower_ in s["alive_words"] for t in words):
        return True
    return False


def _ours_business(verb, s: dict) -> bool:
    """Having to do something or being able to ("we would have had to close", "you would not be able to"):
    a duty or a means, not an outcome."""
    for t in (verb, *verb.children):
        if t.lemma_.lower() in s["duty_words"] and any(c.dep_ == "xcomp" for c in t.children):
            return True
    return False


@check("counterfactual_outcome")
def counterfactual_outcome(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """What would have happened without us, named as an outcome and said as known (module docstring)."""
    s = derived(rule, all_option_words)
    out: list[Candidate] = []
    for sent in doc.sents:
        if not any(t.lower_ in s["result_modals"] or t.lemma_.lower() in s["removal_verbs"] for t in sent):
            continue
        if any(t.lower_ in s["hedge_words"] for t in sent):
            continue
        cond, imperative = _condition(sent, s)
        if cond is None:
            continue
        for verb in _results(sent, s, imperative):
            if verb.i == cond.i or (cond.head.i == verb.i and cond.lower_ in s["if_marks"]):
                continue
            if not _outcome_named(verb, s) or _ours_business(verb, s):
                continue
            if _doubted_above(verb, s) or ctx.question(verb):
                continue
            out.append(Candidate(rule, verb.i, verb.i + 1, verb.i))
            break
    return out


def _doubted_above(verb, s: dict) -> bool:
    """A denial or another person's words above the result ("we cannot say that ...", "Mr Shaw says he
    would ...")."""
    for a in verb.ancestors:
        kids = list(a.children)
        if any(c.dep_ == "neg" for c in kids):
            return True
        if a.lemma_.lower() in s["reporting_verbs"]:
            subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ not in s["provider_words"]:
                return True
    return False


def _counted(obj, s: dict) -> bool:
    """(oc35) A counted outcome: a number on it ("412 admissions", "dozens of evictions": the number the head, the
    outcome after its "of")."""
    return any(c.dep_ == "nummod" for c in obj.children) or (obj.lower_ in s["count_words"] and any(
        c.dep_ == "prep" for c in obj.children)) or obj.like_num


def _outcome_noun(t, s: dict, terms: Terms) -> bool:
    return t.lemma_.lower() in s["outcome_nouns"] or t.lower_ in s["outcome_nouns"] or (
        terms is not None and any(terms.covers(name, t.i) for name in s["outcome_terms"]))


@check("counted_prevention")
def counted_prevention(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """(oc35) A number of harms said to have been prevented ("the virtual ward prevented 412 admissions", "the team
    avoided 118 care home placements", "spared 40 tenants from eviction"): a verb of preventing in the past, the
    perfect or the present, with a counted outcome as its object (or counted people kept from an outcome). The
    count is what would otherwise have happened, which nobody observed, whoever the subject is (ours or a service
    we name). People as the subject ("the tenants avoided 3 evictions" is theirs), a hedge, an aim, a denial, a
    condition, a question, a target ("to prevent 200 admissions") pass."""
    s = derived(rule, all_option_words)
    if not ctx.lemma_set & s["prevent_verbs"]:
        return []
    out: list[Candidate] = []
    for verb in doc:
        if verb.lemma_.lower() not in s["prevent_verbs"] or verb.pos_ != "VERB" or verb.tag_ not in W.claim_finite_tags:
            continue
        if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) and (
                verb.dep_ != "ROOT" or any(c.dep_ in ("auxpass", "aux") for c in verb.children)):
            continue  # (oc2, s35) a past the small model tagged a participle, as the root with its subject, is a past
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in s["person_pronouns"] or subj.lemma_.lower() in s["people"] or (
                subj.lower_ in s["people"]):
            continue
        hit = None
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if not _counted(obj, s):
                continue
            heads = [obj] + [g for c in obj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if any(_outcome_noun(t, s, terms) for h in heads for t in h.subtree if t.i <= h.i):
                hit = obj
            elif obj.lemma_.lower() in s["people"] or obj.lower_ in s["people"]:
                # counted people kept from an outcome ("spared 120 tenants from falling into arrears")
                frm = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in s["from_words"] for g in c.subtree]
                if any(_outcome_noun(t, s, terms) for t in frm):
                    hit = obj
        if hit is None or blocked(ctx, verb, future_ok=True) or ctx.hedged(verb) or ctx.infinitive(verb):
            continue
        out.append(Candidate(rule, verb.i, hit.right_edge.i + 1, verb.i))
    return out
