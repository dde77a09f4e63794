"""The buyer's scoring descriptors: what its top mark names (issue 12, parts 3-4).

A question may publish what each mark means ("5 (Excellent): co-production runs through governance, recruitment
and review, with clear examples and resources"). The top descriptor's elements are what a panel looks for: the
composer uses them to choose and order method blocks, and the review copy lists any element nothing in the answer
covers. Descriptors are not sub-points (intake leaves them out, rightly): nothing here makes a part of them.

A descriptor made only of words every descriptor uses ("fully addresses every element with detailed, specific and
credible proposals") names no element. The vocabulary is phrasebank/answer_fill.yaml.
"""

from __future__ import annotations

import re

from evidencebot.compose import blockmatch
from evidencebot.compose.filters import load_phrasebank

_LINE = re.compile(r"^\s*(?:[-*\u2022]\s*|\|\s*)?(?P<score>\d{1,2})\b(?P<head>[^:|\n]{0,30})[:|]\s*(?P<text>.+?)\s*\|?\s*$")
"""A descriptor line: '- 5 (Excellent): ...', '5 – Excellent: ...', '| 5 – Excellent | ... |'."""

_PIECES = re.compile(r"\s*(?:[,;]|\b(?:and|with|through|throughout|including|across|in|of|by|via|so that)\b)\s*", re.I)


def vocabulary() -> dict:
    """phrasebank/answer_fill.yaml: the descriptors' words and the fill step's."""
    return load_phrasebank("answer_fill.yaml")


def top_descriptor(question: str) -> str:
    """The text of the highest mark's descriptor when the question publishes one labelled as the top mark
    ('Excellent'); '' otherwise."""
    labels = [str(x).lower() for x in vocabulary().get("descriptor_labels") or []]
    best: tuple[int, str] | None = None
    for line in (question or "").splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        head = m.group("head").lower()
        if not any(re.search(r"\b" + re.escape(lab) + r"\b", head) for lab in labels):
            continue
        score = int(m.group("score"))
        if best is None or score > best[0]:
            best = (score, m.group("text").strip().strip("|").strip())
    return best[1] if best else ""


def elements(question: str) -> list[str]:
    """The top descriptor's elements in its own words ('co-production', 'governance', 'recruitment', 'review',
    'resources'), each once, in order; [] when the question publishes no top descriptor or it names nothing
    particular to the question."""
    text = top_descriptor(question)
    if not text:
        return []
    generic = {str(w).lower() for w in vocabulary().get("descriptor_generic") or []}
    out: list[str] = []
    for piece in _PIECES.split(text.rstrip(".")):
        words = [w for w in re.findall(r"[A-Za-z][\w'-]*", piece)
                 if w.lower() not in generic and blockmatch.tokens(w)]
        phrase = " ".join(words)
        if phrase and phrase.lower() not in (o.lower() for o in out):
            out.append(phrase)
    return out


def later_phase(block) -> bool:
    """Whether a block's title or tags say it is about review, learning or assurance: it comes after the blocks
    that say who does what, when and how often."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join([block.title, *block.tags]))}
    return bool(words & {str(w).lower() for w in vocabulary().get("later_phase") or []})
