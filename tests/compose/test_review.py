"""Contract review: sections, suppression, variance notes, stories and checking."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import review as R
from evidencebot.compose.tender import must_fix

PERIOD = "2026/27 Q2"
SECTIONS = [
    "## Summary", "## Terms used", "## Activity against plan", "## Waiting times", "## Indicators",
    "## Variance notes", "## What changed and why", "## Workforce and supervision", "## Risks and issues",
    "## Action plan", "## Requests to the commissioner", "## Partner coordination",
    "## Examples of adapted support", "## Outcome story",
]


@pytest.fixture(scope="module")
def default_review(demo_db):
    from evidencebot.compose.tender import get_checker

    return R.assemble_review(demo_db, PERIOD, checker=get_checker())


def test_every_section_in_order(default_review):
    text = default_review.markdown
    positions = [text.index(h) for h in SECTIONS]
    assert positions == sorted(positions)
    for part in ("### Context", "### Support approach", "### Day-to-day delivery", "### How change is evidenced"):
        assert part in text  # the outcome story in its four parts


def test_default_period_is_the_last_complete_financial_quarter(demo_db, checker):
    r = R.assemble_review(demo_db, checker=checker)
    assert r.period.label == "2026/27 Q2" and r.compare.label == "2026/27 Q1"


def test_suppression_is_on_by_default(default_review, demo_db, checker):
    text = default_review.markdown
    assert "<5" in text and "Counts are rounded" in text
    # no count of 1-4 appears as a figure in a table cell
    assert not re.search(r"\|\s*[1-4]\s*\|", text)
    internal = R.assemble_review(demo_db, PERIOD, suppress=False, checker=checker)
    assert "<5" not in internal.markdown
    assert "internal use only" in internal.to_export().notes[0]


def test_every_missed_target_has_a_variance_note(demo_copy, checker):
    db = demo_copy
    # make a target that the demo cannot meet, then record why
    db["targets"].upsert({"indicator_id": "goals_met", "target": 99.0, "set_on": "2024-10-01"}, pk="indicator_id")
    db.conn.commit()
    r = R.assemble_review(db, PERIOD, checker=checker)
    section = r.markdown.split("## Variance notes")[1].split("## What changed")[0]
    assert "### Goals met or exceeded at review" in section
    note = section.split("### Goals met or exceeded at review")[1].split("###")[0]
    # nothing recorded: said plainly, as a gap for the meeting, and no made-up action in the plan
    assert "- **Cause:** not yet known (none is recorded)." in note
    assert "- **Action:** no action is recorded in the data. This is a gap for the meeting" in note
    assert "Goals met or exceeded at review:" not in r.markdown.split("## Action plan")[1]
    # a cause alone is not an action: the gap stays
    R.save_variance_note(db, "goals_met", "2026/27 Q2", "Reviews slipped during a vacancy.",
                         "Service manager", "2026-12-31")
    r = R.assemble_review(db, PERIOD, checker=checker)
    note = r.markdown.split("### Goals met or exceeded at review")[1].split("###")[0]
    assert "- **Cause:** Reviews slipped during a vacancy." in note
    assert "no action is recorded in the data" in note
    # cause, action, owner, date and recovery: each said, and the action is in the plan
    R.save_variance_note(db, "goals_met", "2026/27 Q2", "Reviews slipped during a vacancy.",
                         "Service manager", "2026-12-31", action="Book every overdue goal review.",
                         recovery_on="2027-03-31")
    r = R.assemble_review(db, PERIOD, checker=checker)
    note = r.markdown.split("### Goals met or exceeded at review")[1].split("###")[0]
    assert "- **Action:** Book every overdue goal review." in note
    assert "- **Owner:** Service manager" in note and "- **By:** 31 December 2026" in note
    assert "- **Expected back on target by:** 31 March 2027" in note
    plan = r.markdown.split("## Action plan")[1].split("## Requests to the commissioner")[0]
    assert "Goals met or exceeded at review: Book every overdue goal review." in plan
    summary = r.markdown.split("## Activity against plan")[0]
    assert ("Its variance note gives the cause and the action (Service manager, by 31 December 2026), and "
            "expects the target to be met again by 31 March 2027.") in summary


def test_variance_note_checks_its_input(demo_copy):
    from evidencebot.errors import InputError

    with pytest.raises(InputError, match="unknown indicator"):
        R.save_variance_note(demo_copy, "goals_mett", "2026/27 Q2", "x", "y", "2026-12-31")
    with pytest.raises(InputError, match="not a date"):
        R.save_variance_note(demo_copy, "goals_met", "2026/27 Q2", "x", "y", "soon")


def test_service_change_and_its_indicators(default_review):
    part = default_review.markdown.split("## What changed and why")[1].split("## Workforce")[0]
    assert "1 July 2025: Step-up trigger set introduced." in part
    assert "hours from escalation to clinical review" in part.lower()


def test_only_external_approved_stories(default_review, demo_db):
    allowed = {r["story_id"] for r in demo_db.query(
        "select story_id from stories where consent = 'external' and status = 'approved'")}
    used = {s["id"] for s in default_review.sources if s["kind"] == "story"}
    assert used and used <= allowed
    for row in demo_db.query("select title from stories where not (consent = 'external' and status = 'approved')"):
        assert row["title"] not in default_review.markdown


def test_review_passes_the_checker(default_review, checker):
    bad = [f for f in checker.check_text(default_review.markdown) if must_fix(f)]
    assert not bad, [(f.rule, f.match) for f in bad]
    # the planted address in a story was removed as a whole sentence
    assert "BD7" not in default_review.markdown


@pytest.mark.parametrize("period", [PERIOD, "2025/26"])
def test_the_review_trips_no_warning_and_loses_no_figure(demo_db, checker, period):
    # table cells such as "100%" or "89% to 100%" are figures, not claims: nothing in the
    # generated text may be flagged, so nothing is replaced by "[removed]"
    review = R.assemble_review(demo_db, period, checker=checker)
    assert "[removed]" not in review.markdown
    assert [(f.rule, f.match) for f in checker.check_text(review.markdown)] == []


class FlagWord:
    def __init__(self, word, family="privacy"):
        self.word, self.family = word, family

    def check_text(self, text):
        from evidencebot.language.findings import Finding

        return [Finding(rule=f"{self.family}.test", family=self.family, severity="error", message="t",
                        start=m.start(), end=m.end(), match=m.group(0))
                for m in re.finditer(self.word, text)]


def test_clean_markdown_handles_tables_list_items_and_prose():
    text = ("## Heading\n\nFirst sentence. Second has Zed in it. Third.\n\n"
            "- Only Zed here.\n- Keep me.\n- **Owner:** Zed\n\n| a | b |\n|---|---|\n| Zed | 1 |\n")
    out, edits = R.clean_markdown(text, FlagWord("Zed"))
    assert "Zed" not in out
    assert "First sentence. Third." in out
    assert "- Keep me." in out and "Only" not in out
    assert "| [removed] | 1 |" in out and "- **Owner:** [removed]" in out
    assert len(edits) == 4
