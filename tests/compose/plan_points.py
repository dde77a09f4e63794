"""A sub-point as :func:`evidencebot.compose.commitments.read` takes one (its key, its text and kind), for tests that
place the buyer's requirements without planning a whole question."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Point:
    key: str
    text: str
    kind: str = ""
