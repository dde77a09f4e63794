"""Check ``certainty_claim``: the reader told to be certain of an outcome, read from the clause.

(o21, issue 15 part 2) A word of certainty whose "that" clause says what changes or is achieved, in three frames:

* an adjective of certainty as the complement of "be" said of the reader or anyone but us ("commissioners can be
  completely confident that our project will hit every outcome");
* an adjective of certainty that "make ... it" puts on a clause ("the data make it abundantly clear that
  wellbeing has improved");
* a noun of certainty that a verb of saying is done "with" ("we can say with total confidence that befriending
  reduces loneliness"), or that "it is" ("it is a certainty that the new pathway will halve waiting times").

What the clause says must be an outcome or a change (a word of change, an outcome term, a verb of a person's
outcome, a target or outcome met): "we are confident the new rota will be ready by April" is about our process
and passes, as does a clause with a modal of possibility ("confident that the groups could help"). Negated,
conditional and questioned frames pass; the frame's own modal ("can be sure") is not a hedge.
"""

from __future__ import annotations

from evidencebot.language.overclaim import credit
from evidencebot.language.overclaim.common import Candidate, Terms, _toks, check, derived, option_words
from evidencebot.language.overclaim.context import Context
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    def build(o: dict) -> dict:
        # the words of change and outcome are read as the credit check reads them (the rule carries the same options)
        base = credit._settings_from(o)
        return {**base, "change": base["change"] - option_words(o.get("not_change_words")), **dict(
            adjectives=option_words(o.get("certainty_adjectives")),
            make_verbs=option_words(o.get("make_verbs")),
            nouns=option_words(o.get("certainty_nouns")),
            say_verbs=option_words(o.get("say_verbs")),
            with_preps=option_words(o.get("with_preps")),
            copulas=option_words(o.get("copulas")),
            possible=option_words(o.get("possibility_modals")),
            clause_deps=option_words(o.get("clause_deps")),
            own=option_words(o.get("own_subjects")),
            expletives=option_words(o.get("expletives")),
        )}
    return derived(rule, build)


def _clause(word, s: dict):
    """The clause a word of certainty governs ("confident | that our project will ..."), or None."""
    return next((c for c in word.children if c.dep_ in s["clause_deps"] and c.pos_ in ("VERB", "AUX")), None)


def _claims_outcome(clause, s: dict, terms: Terms) -> bool:
    """The clause says what changes or is achieved, with no modal of possibility ("could help")."""
    if any(c.dep_ == "aux" and c.lower_ in s["possible"] for c in clause.children):
        return False
    return credit._says_change(list(clause.subtree), s, terms)


@check("certainty_claim")
def certainty_claim(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    if not (ctx.lower_set & (s["adjectives"] | s["nouns"])):
        return []
    out: list[Candidate] = []
    for w in _toks(doc):
        low = w.lower_
        frame = None
        if low in s["adjectives"] and w.pos_ == "ADJ":
            head = w.head
            if w.dep_ == "acomp" and head.lemma_.lower() in s["copulas"] and not any(
                    c.dep_ == "nsubj" and c.lower_ in s["own"] for c in head.children):
                frame = head  # "commissioners can be completely confident that ..." (not "we are certain ...")
            elif head.lemma_.lower() in s["make_verbs"] and any(
                    c.dep_ in ("nsubj", "dobj") and c.lower_ == "it" for c in [*w.children, *head.children]):
                frame = head  # "the data make it abundantly clear that ..."
            clause = _clause(w, s) if frame is not None else None
        elif low in s["nouns"] and w.dep_ == "pobj" and w.head.lower_ in s["with_preps"]:
            frame = w.head.head  # "we can say with total confidence that ..."
            clause = _clause(frame, s) if frame.lemma_.lower() in s["say_verbs"] else None
        elif low in s["nouns"] and w.dep_ == "attr" and w.head.lemma_.lower() in s["copulas"] and any(
                c.dep_ in ("nsubj", "expl") and c.lower_ in s["expletives"] for c in w.head.children):
            frame = w.head  # "it is a certainty that the new pathway will halve waiting times"
            clause = _clause(frame, s) or _clause(w, s)
        else:
            continue
        if frame is None or clause is None or not _claims_outcome(clause, s, terms):
            continue
        if ctx.negated(frame) or ctx.conditional(frame) or ctx.question(frame) or ctx.disclaimed(frame):
            continue
        out.append(Candidate(rule, min(w.i, frame.i), w.i + 1, frame.i))
    return out
