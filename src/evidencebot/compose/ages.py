"""The buyer's age floor in our text: an age range we write starts no lower than the service the buyer buys.

The s28 panel read "For young people aged 16 to 25 …" (a library block written for a 16-25 offer) in an answer for a
service "for adults (18 and over)", FIRM: the range is the buyer's to set. :func:`floor` reads the youngest age the
buyer's text admits; :func:`lift` raises the lower end of each age range in a sentence of ours to it."""

from __future__ import annotations

import re

_FLOOR = re.compile(
    r"\badults?\b[^.;\n]{0,60}?\(?\b(?:aged\s+)?(?P<n>1[6-9]|2[0-5])\s*(?:\+|(?:years\s+)?(?:and|or)\s+(?:over|older|above))"
    r"|\b(?:for|supports?|serves?)\s+(?:people|anyone)\s+aged\s+(?P<m>1[6-9]|2[0-5])\s*(?:\+|(?:and|or)\s+(?:over|older|above))",
    re.I)
_RANGE = re.compile(r"\b(?P<lead>aged\s+|ages\s+)(?P<lo>\d{1,2})(?P<sep>\s*(?:to|-|–)\s*)(?P<hi>\d{1,2})\b", re.I)


def floor(buyer_text: str) -> int | None:
    """The youngest age the buyer's service admits ('for adults (18 and over)', 'adults aged 18+', 'for people aged
    18 and over'), None when the text states none. Two floors stated: the higher (the service, not a wider system)."""
    found = [int(m.group("n") or m.group("m")) for m in _FLOOR.finditer(buyer_text or "")]
    return max(found) if found else None


def lift(text: str, lowest: int | None) -> str:
    """``text`` with each age range that starts below ``lowest`` and ends at or above it starting at ``lowest``
    ('aged 16 to 25' -> 'aged 18 to 25' for an 18+ service); other ranges and text unchanged. A range inside a name
    ('the Joint Transitions Protocol for Young People Aged 16 to 25': capitals) is the buyer's and stays as written
    (s29 contradictions FIRM, found after its measurement: the protocol's title was changed to '18 to 25')."""
    if not lowest:
        return text

    def raise_(m: re.Match) -> str:
        lo, hi = int(m.group("lo")), int(m.group("hi"))
        before = text[max(0, m.start() - 40):m.start()]
        if m.group("lead")[:1].isupper() or re.search(r"\b[A-Z][a-z]+\s+(?:[A-Z][a-z]+\s+)?$", before):
            return m.group(0)  # a title's words ('... for Young People Aged 16 to 25'): a name, not our range
        if lo < lowest <= hi:
            return f"{m.group('lead')}{lowest}{m.group('sep')}{hi}"
        return m.group(0)

    return _RANGE.sub(raise_, text)
