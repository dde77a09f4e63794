"""What the checker reports: one :class:`Finding` per problem found.

Offsets are character offsets into the original text (the whole file, not a
paragraph), so a finding can always be mapped back to ``line:column``.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2}


@dataclass
class Finding:
    rule: str
    """Rule id, e.g. ``overclaim.causal-system-outcome`` or ``privacy.nhs-number``."""
    family: str
    """``overclaim``, ``privacy`` or ``evidence``."""
    severity: str
    """``error``, ``warning`` or ``suggestion``."""
    message: str
    start: int
    """Offset of the first character of the match in the original text."""
    end: int
    """Offset just past the last character of the match."""
    match: str
    suggestions: list[str] = field(default_factory=list)
    line: int = 0
    """1-based line of ``start`` (filled in by :func:`locate`)."""
    column: int = 0
    """1-based column of ``start``."""
    end_line: int = 0
    end_column: int = 0
    """1-based column of the last character of the match (inclusive)."""

    def to_dict(self, path: str | None = None) -> dict:
        data = asdict(self)
        if path is not None:
            data = {"path": path, **data}
        return data


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of ``text`` start (a line ends at ``\n`` only), found with
    ``str.find`` rather than a Python loop over every character."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def locate(findings: list[Finding], text: str) -> list[Finding]:
    """Fill in line and column numbers from the offsets (1-based): those of ``start`` and
    of the last character of the match. A 20,000-word document takes well under 1 ms."""
    if not findings:
        return findings
    starts = line_starts(text)
    for f in findings:
        line = bisect.bisect_right(starts, f.start) - 1
        f.line, f.column = line + 1, f.start - starts[line] + 1
        last = max(f.start, f.end - 1)
        end_line = bisect.bisect_right(starts, last) - 1
        f.end_line, f.end_column = end_line + 1, last - starts[end_line] + 1
    return findings
