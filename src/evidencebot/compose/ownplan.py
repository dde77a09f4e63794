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
        "ours": re.compile(rf"(?<![\w-])(?:{_alt(data.get('ours'))})(?P<between>{gap})\s+{noun}(?![\w-])", re.I),
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


def _text(block) -> str:
    return _plain(f"{getattr(block, 'title', '')}. {getattr(block, 'body', '')}")


def refuses_own(block) -> bool:
    """``block`` says no plan of our own is kept ('rather than running a separate one')."""
    return bool(_patterns()["instead"].search(_text(block)))


def contributing(block) -> bool:
    """``block`` is about taking part in another body's plan: its title or text says so ('Contributing to the ICB's
    PCREF action plan'), or that no plan of our own is kept (:func:`refuses_own`)."""
    return bool(_patterns()["contributing"].search(_text(block))) or refuses_own(block)


def sets_out_own(block) -> bool:
    """``block`` sets out a plan of the provider's own ('our race equality action plan'), no other body's name
    between."""
    return any(not _patterns()["other"].search(m.group("between")) for m in _patterns()["ours"].finditer(_text(block)))


def misfit(ask: str, block, beside=()) -> str | None:
    """Why ``block`` is not placed under ``ask``: the ask is for the bidder's own plan and the block only takes part
    in another body's, with no block ``beside`` it (the part's others) setting out a plan of ours
    (:func:`sets_out_own`); a block saying no plan of ours is kept goes whatever stands beside it. None otherwise."""
    if not contributing(block) or not asks_own(ask):
        return None
    if not refuses_own(block) and any(b is not block and not contributing(b) and sets_out_own(b) for b in beside):
        return None
    return f"{block.block_id} takes part in another body's plan, where the part asks for the provider's own"
