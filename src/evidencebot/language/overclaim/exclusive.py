"""Check ``exclusive_credit``: an outcome credited to the service alone.

Read from the sentence's structure, not from its outcome words: a word of exclusivity
("solely", "wholly", "entirely", "and no one else", "for no other reason", "our clinicians
alone") in a sentence that gives a cause (an attribution cue such as "because", "owe ... to",
"attributable to", "the product of", a cleft "it was ... who", or a word of change or
difference) and names the service as that cause (we, our, us, or one of the agents). Sole
credit is an over-claim whatever the outcome is called: outcomes have many causes. Negated,
hedged, conditional and question contexts pass ("not solely because of us").
"""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    Terms,
    _lower_text,
    _sents,
    _span_text,
    _toks,
    check,
    derived,
    governing_verb,
    option_words,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule
from evidencebot.text import has_phrase


def _settings(rule: Rule) -> dict:
    return derived(rule, lambda o: dict(
        exclusive=option_words(o.get("exclusive_words")),
        phrases=option_words(o.get("exclusive_phrases")),
        after_agent=option_words(o.get("after_agent_words")),
        cues=option_words(o.get("cause_phrases")),
        cue_lemmas=option_words(o.get("cue_lemmas")),
        change=option_words(o.get("change_words")),
        agents=option_words(o.get("agents")),
        providers=option_words(o.get("provider_words")),
        window=int(o.get("window", 10)),
    ))


def _provider(tok, s: dict) -> bool:
    """We, our, us; a noun with "our" ("our clinicians"); or one of the agents with "the" or "this"
    ("the housing support team")."""
    if tok.lower_ in s["providers"]:
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    agent = tok.lemma_.lower() in s["agents"] or tok.lower_ in s["agents"]
    return any(c.dep_ in ("det", "poss") and (c.lower_ in s["providers"] or (agent and c.lower_ in W.definite_dets))
               for c in tok.children)


@check("exclusive_credit")
def exclusive_credit(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    s = _settings(rule)
    toks = _toks(doc)
    out: list[Candidate] = []
    if ctx.lower_set.isdisjoint(s["exclusive"] | s["after_agent"]) and not any(
            has_phrase(_lower_text(doc), p) for p in s["phrases"]):
        return out
    for sent in _sents(doc):
        stoks = toks[sent.start:sent.end]
        text = " " + _span_text(sent).lower() + " "
        marker = None
        for t in stoks:
            if t.lower_ in s["exclusive"]:
                marker = t
            elif t.lower_ in s["after_agent"] and t.i > sent.start and _provider(toks[t.i - 1], s):
                marker = t  # "our clinicians alone", "we alone" (not "people living alone")
            if marker is not None:
                break
        if marker is None:
            hit = next((p for p in s["phrases"] if has_phrase(text, p)), None)
            if hit is None:
                continue
            first = hit.split()[0]
            marker = next((t for t in stoks if t.lower_ == first), stoks[0])
        if not any(_provider(t, s) for t in stoks if abs(t.i - marker.i) <= s["window"]):
            continue
        cause = any(has_phrase(text, c) for c in s["cues"]) or any(
            t.lemma_.lower() in s["cue_lemmas"] for t in stoks) or any(
            t.lower_ in s["change"] or t.lemma_.lower() in s["change"] for t in stoks)
        if not cause:
            continue
        anchor = toks[governing_verb(marker).i]
        if any(c.dep_ == "neg" for c in marker.head.children) or toks[max(sent.start, marker.i - 1)].lower_ in W.negation_words:
            continue  # "not solely", "not only because of us"
        end = sent.end
        while end > sent.start + 1 and toks[end - 1].is_punct:
            end -= 1
        # the sentence is the claim (so a rule it defers to, finding part of it, reports it once)
        out.append(Candidate(rule, sent.start, end, anchor.i))
    return out
