"""Narratives pick stories by the one export rule (workflow.EXPORTABLE_SQL), not an older, looser one."""

from __future__ import annotations

import pytest

from evidencebot.compose import gather
from evidencebot.store import workflow

STORY = {
    "title": "Keeping a tenancy through the winter", "domains": "stability", "consent": "external",
    "context": "Rent arrears had built up after a benefits change.",
    "support_approach": "Weekly visits and a joint plan with the housing officer.",
    "delivery": "Letters were opened together; a payment plan was agreed.",
    "evidence": "No arrears for four months; escalations fell from three to none.",
    "story_date": "2025-06-01", "source": "tests",
}


@pytest.fixture
def four(db):
    """A1 may be used; A2 has no approver named; A3 had consent withdrawn; A4 is internal only."""
    rows = [
        {"story_id": "A1", "status": "approved", "approved_by": "Ben Approver"},
        {"story_id": "A2", "status": "approved", "approved_by": None},
        {"story_id": "A3", "status": "approved", "approved_by": "Ben Approver"},
        {"story_id": "A4", "status": "approved", "approved_by": "Ben Approver", "consent": "internal"},
    ]
    for r in rows:
        db["stories"].insert({**STORY, **r})
    workflow.withdraw_consent(db, "A3", user="Ana Writer")
    db.execute("UPDATE stories SET consent = 'external' WHERE story_id = 'A3'")  # an edit cannot undo it
    return db


def test_the_old_names_are_the_workflow_rule(four):
    assert gather.EXTERNAL_STORY_SQL == workflow.EXPORTABLE_SQL
    for row in workflow.list_stories(four):
        assert gather.story_is_external(row) == workflow.is_exportable(row)
    assert [r["story_id"] for r in gather.external_stories(four)] == ["A1"]


def test_search_and_domain_fallback_return_only_exportable_stories(four):
    assert [r["story_id"] for r in gather.stories(four, ["tenancy", "arrears"], limit=5)] == ["A1"]
    assert [r["story_id"] for r in gather.stories(four, ["zzz"], domains=["stability"], limit=5)] == ["A1"]
