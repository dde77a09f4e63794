"""A report's deadline after a period ends is never later than the buyer's (issue 12, session 29).

The s29 third reader marked FIRM an answer that sent "a quarterly report within 15 working days of the end of each
quarter" where the buyer wants quarterly KPIs "by the 20th day of the month after the quarter ends": fifteen working
days always runs past the 20th. :func:`standards` reads the buyer's deadlines for monthly and quarterly reporting
("by the 10th working day of the following month", "by the 20th day of the month after the quarter ends");
:func:`hold` says a later deadline of ours for the same period in the buyer's words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencebot.mentions import NUMBER_OR_WORD, number_or_word

_BUYER = re.compile(r"\bby\s+the\s+(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?P<wd>working\s+|calendar\s+)?day\s+of\s+the\s+"
                    r"(?:following\s+month|next\s+month|month\s+(?:after|following)\s+the\s+(?P<end>quarter|month)"
                    r"(?:\s+(?:ends?|end))?)", re.I)
_PERIOD = re.compile(r"\b(?P<p>monthly|quarterly|quarter|month)\b", re.I)
_OURS = re.compile(rf"\bwithin\s+(?P<n>{NUMBER_OR_WORD})\s+(?P<wd>working\s+|calendar\s+)?days\s+of\s+the\s+end\s+of\s+"
                   r"(?:each|the|every)\s+(?P<p>quarter|month)\b", re.I)


@dataclass(frozen=True)
class Deadline:
    period: str
    """'month' or 'quarter': the period whose end the time runs from."""
    days: float
    """Calendar days after the period ends (a working day counted as 7/5 of a day)."""
    words: str


def _calendar(n: float, unit: str) -> float:
    return n * 7 / 5 if unit.strip().lower() == "working" else n


def _period(word: str) -> str:
    return "quarter" if word.lower().startswith("quarter") else "month"


def standards(buyer_text: str) -> dict[str, Deadline]:
    """The buyer's earliest deadline for each period's report: {'month': ..., 'quarter': ...}."""
    out: dict[str, Deadline] = {}
    text = " ".join((buyer_text or "").split())
    for m in _BUYER.finditer(text):
        clause = re.split(r"[.;]|\band\b", text[max(0, m.start() - 120):m.start()])[-1]
        said = list(_PERIOD.finditer(clause))
        period = _period(said[-1].group("p")) if said else _period(m.group("end") or "month")
        d = Deadline(period, _calendar(int(m.group("n")), m.group("wd") or ""), m.group(0))
        if period not in out or d.days < out[period].days:
            out[period] = d
    return out


def hold(text: str, held: dict[str, Deadline]) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each deadline of ours later than the buyer's for the same period said as the buyer's. Returns
    (the text, [(ours, the buyer's)])."""
    changes = []
    for m in sorted(_OURS.finditer(text or ""), key=lambda x: -x.start()):
        std = held.get(_period(m.group("p")))
        n = number_or_word(m.group("n"))
        if std is None or n is None or _calendar(n, m.group("wd") or "") <= std.days:
            continue
        text = text[:m.start()] + std.words + text[m.end():]
        changes.append((m.group(0), std.words))
    return text, changes
