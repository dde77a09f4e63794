"""A buyer figure's template goes under the part that asks about it, never under a part about another direction
(issue 12, s16). The s15 panel found a referral-triage paragraph (the buyer's first-contact standard) under "growing
access from N to M people a year": the template went to the first part whose words held 'access'. The question is
written for this test (its figures, places and parts are not those of any spent set)."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose.tender import _GROWTH, assemble_tender

QUESTION = """5.1 Growing the service (maximum 600 words)

The Council requires first contact within 3 working days of referral for every person referred.

Please describe:
a) how you will grow access from 300 people to 900 people a year;
b) how you will find and engage employers across the county;
c) how you will keep people informed while they wait.
"""


@pytest.mark.parametrize("ask, growth", [
    ("how you will grow access from 431 people to 1,150 people a year", True),
    ("how you will increase uptake among older men", True),
    ("how you will widen access for people who work shifts", True),
    ("how you will give people access to their records", False),
    ("how you will keep people informed while they wait", False),
])
def test_an_ask_to_grow_a_volume_is_told_apart(ask, growth):
    assert bool(_GROWTH.search(ask)) is growth


@pytest.fixture(scope="module")
def answer(demo_db):
    return assemble_tender(demo_db, QUESTION, today="2026-12-03")


def test_the_first_contact_template_goes_to_the_part_about_waiting_not_growing_access(answer):
    """Fails on the old code: the first-contact paragraph stood under a) 'Growing access from 300 people to 900'."""
    rows = {r.key: r for r in answer.coverage}
    assert "buyer-first-contact" not in rows["a"].evidence
    assert "buyer-first-contact" in rows["c"].evidence
    parts = {p[:2]: p for p in re.split(r"^## ", answer.markdown, flags=re.M) if p[:2] in ("a)", "b)", "c)")}
    assert "3 working days" not in parts["a)"] and "3 working days" in parts["c)"]
    assert not answer.findings
