"""One deadline for one first meeting across the shipped library (session 34, issue 12: answers of one tender must not
contradict each other).

s34 panel (contradictions, FIRM): one answer said the housing and money adviser sees a person whose home is at risk
within five working days, and, a paragraph later, anyone without settled accommodation within ten: a person with no
settled home at referral fell under both.
"""

import re
from pathlib import Path

import yaml

BLOCKS = Path(__file__).resolve().parents[2] / "corpus" / "library" / "blocks.yaml"


def _first_meeting_days(body: str) -> set[str]:
    return set(re.findall(r"\b(?:sees|meets|seen\s+by|met\s+by)\b[^.]{0,60}?\bwithin\s+(\w+)\s+working\s+days\b", body))


def test_the_housing_advisers_first_meeting_has_one_deadline():
    data = yaml.safe_load(BLOCKS.read_text(encoding="utf-8"))
    blocks = data["blocks"] if isinstance(data, dict) else data
    housing = [b for b in blocks if b.get("owner") == "Housing and money adviser"
               and re.search(r"\bhom(?:e|eless)|\baccommodation\b", b.get("body", ""))
               and re.search(r"\b(?:at risk|without settled)\b", b.get("body", ""))]
    days = set().union(*(_first_meeting_days(b["body"]) for b in housing))
    assert len(housing) >= 2 and len(days) == 1, (days, [b["id"] for b in housing])
