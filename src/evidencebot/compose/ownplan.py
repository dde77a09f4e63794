"""An ask for the provider's own plan is not answered by taking part in someone else's.

The s28 panel marked FIRM an answer that said 'we take part in the ICB's PCREF action plan rather than running a
separate one' where the buyer asked for the provider's own action plan (issue 12, session 29). The words are data
(``phrasebank/own_plan.yaml``).

* :func:`asks_own` - the ask says the plan, strategy or policy is the bidder's ('your race equality action plan');
* :func:`contributing` - a block (its title or text) is about taking part in another body's plan;
* :func:`misfit` - why a block is not enough on its own under an ask for the bidder's own plan.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidencebot.compose.filters import load_word_lists

PHRASEBANK = "own_plan.yaml"


def _alt(phrases) -> str:
    words = sorted({" ".join(str(p).replace("’", "'").split()) for p in phrases or []} - {""}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) or "(?!)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = load_word_lists(PHRASEBANK)
    noun = rf"(?:{_alt(data.get('plan_nouns'))})"
    gap = r"(?:\s+[\w'-]+){0,4}?"  # a few words between: 'your PCREF action plan', 'your race equality strategy'
    other = r"(?:the|an?)\s+(?!provider's|bidder's)[\w-]+'s"  # another body's: 'the ICB's', 'the Council's'
    return {
        "own": re.compile(rf"(?<![\w-])(?:{_alt(data.get('own_possessives'))})(?P<between>{gap})\s+{noun}(?![\w-])",
                          re.I),
        "verb": re.compile(rf"(?<![\w-])(?:{_alt(data.get('own_verbs'))})(?P<between>{gap})\s+{noun}(?![\w-])", re.I),
        "other": re.compile(other, re.I),
        "contributing": re.compile(rf"(?<![\w-])(?:{_alt(data.get('contributing'))})\s+{other}{gap}\s+{noun}(?![\w-])",
                                   re.I),
        "instead": re.compile(rf"(?<![\w-])(?:{_alt(data.get('instead_of_own'))})(?![\w-])", re.I),
        "noun": re.compile(rf"(?<![\w-]){noun}(?![\w-])", re.I),
    }


def _plain(text: str) -> str:
    return " ".join((text or "").replace("’", "'").split())


def asks_own(ask: str) -> bool:
    """``ask`` says the plan, strategy or policy it asks about is the bidder's own: 'your' (or 'the provider's')
    before it, or a verb of making it ('how you will put in place a race equality action plan'), with no other body's
    name between ('how you will implement the ICB's strategy', 'your role in the ICB's plan' ask for our part in
    theirs)."""
    text = _plain(ask)
    p = _patterns()
    return any(not p["other"].search(m.group("between")) for kind in ("own", "verb") for m in p[kind].finditer(text))


def contributing(block) -> bool:
    """``block`` is about taking part in another body's plan: its title or text says so ('Contributing to the ICB's
    PCREF action plan'), or that no plan of our own is kept ('rather than running a separate one')."""
    p = _patterns()
    text = _plain(f"{getattr(block, 'title', '')}. {getattr(block, 'body', '')}")
    return bool(p["contributing"].search(text) or p["instead"].search(text))


def misfit(ask: str, block, beside=()) -> str | None:
    """Why ``block`` is not placed under ``ask``: the ask is for the bidder's own plan and the block only takes part
    in another body's, with no block ``beside`` it (the part's others) setting out a plan of ours. None otherwise."""
    if not contributing(block) or not asks_own(ask):
        return None
    noun = _patterns()["noun"]
    if any(b is not block and not contributing(b) and noun.search(_plain(getattr(b, "body", ""))) for b in beside):
        return None
    return f"{block.block_id} takes part in another body's plan, where the part asks for the provider's own"
