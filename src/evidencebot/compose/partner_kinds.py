"""The kind of body a buyer's named element is, read from the words of its name (issue 12, session 36).

A block written for one kind of body is filled only with a name of that kind: a risk handover with a clinical team, a
working agreement or joint plan with a partner organisation; never a group of people ('the Brazilian and East Timorese
workers'), never a body that represents the public, buys, commissions or inspects (the s35 panel's FIRM contradictions:
a rising-risk handover to the Patient and Client Council in one answer and to the CMHT in another). The words are in
``phrasebank/partner_kinds.yaml``; a name holding none of them is an ``organisation``.
"""

from __future__ import annotations

import re

from evidencebot.compose.filters import built_once, load_phrasebank

PHRASEBANK = "partner_kinds.yaml"
ORGANISATION = "organisation"
POPULATION = "population"
REPRESENTATIVE = "representative"
OVERSIGHT = "oversight"
CLINICAL = "clinical"


def _spec() -> dict:
    """``partner_kinds.yaml`` (a user's copy first), the same dict until the file changes: what is built from it is
    built once per loaded file (:func:`built_once`), so a user's copy edited while the app runs is read."""
    return load_phrasebank(PHRASEBANK) or {}


def _words(kind: str) -> re.Pattern | None:
    return built_once(_spec(), f"partner_kinds.words.{kind}", lambda: _make_words(kind))


def _make_words(kind: str) -> re.Pattern | None:
    words = [" ".join(str(w).split()) for w in ((_spec().get("kinds") or {}).get(kind) or {}).get("words") or []]
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w-])")


def _people() -> frozenset[str]:
    spec = _spec()
    return built_once(spec, "partner_kinds.people", lambda: frozenset(
        str(w) for w in ((spec.get("kinds") or {}).get(POPULATION) or {}).get("last_lower") or []))


def kind_of(name: str) -> str:
    """The kind of body ``name`` is, as the buyer writes it: 'population' (its last word a lower-case people noun:
    'Polish and Lithuanian workers'), 'representative', 'oversight', 'clinical' (by the words it holds after its
    owner's name, in that order; a name ending in a team's word is never the first two), else 'organisation'."""
    whole = " ".join((name or "").split())
    # the name after its owner: "the Council's Housing Options Service" is a service, "the Trust's Community Addiction
    # Team" a clinical team
    words = re.split(r"['’]s\s+", whole)[-1].split()
    if words and words[-1] in _people():
        return POPULATION
    text = " ".join(words)
    team = bool(words) and words[-1] in {str(w) for w in _spec().get("team_heads") or []}
    for kind in (REPRESENTATIVE, OVERSIGHT, CLINICAL):
        if team and kind != CLINICAL:
            continue  # 'the District Council housing team': a team of the council's, a partner
        pattern = _words(kind)
        if pattern is not None and pattern.search(text):
            return kind
    return ORGANISATION


def kinds_for(tags) -> frozenset[str]:
    """The kinds of body a partner block with ``tags`` may be filled with (phrasebank ``needs``, else
    ``partner_default``)."""
    have = {str(t).lower() for t in tags or ()}
    for row in _spec().get("needs") or []:
        if have & {str(t).lower() for t in row.get("tags") or []}:
            return frozenset(str(k) for k in row.get("kinds") or [])
    return frozenset(str(k) for k in _spec().get("partner_default") or [])


def representative_role() -> str | None:
    """The pattern role a representative body named as a partner takes instead (it is involved and heard)."""
    role = _spec().get("representative_role")
    return str(role) if role else None
