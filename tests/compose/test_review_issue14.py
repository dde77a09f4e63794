"""The contract review as a commissioner uses it (issue 14): targets judged on the
unpublished figure, no verdict read against the numbers, variance notes for every
deterioration, one status per action, sections for data not held, partial periods."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import filters
from evidencebot.compose import review as R
from evidencebot.compose.words import split_sentences
from evidencebot.metrics.indicators import compute_all

UP = ("up from", "rose", "increased", "higher than", "rising")
DOWN = ("down from", "fell", "decreased", "lower than", "falling")
DEMO_QUARTERS = [f"{fy} Q{q}" for fy in ("2024/25", "2025/26", "2026/27") for q in (1, 2, 3, 4)]


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory, default_demo):
    """The default demo (400 people, 24 months to September 2026): a copy of the run's build."""
    import shutil

    from evidencebot.store.db import connect

    db = connect(shutil.copyfile(default_demo, tmp_path_factory.mktemp("demo14") / "demo.db"))
    yield db
    db.close()


def contradictions(text: str, result) -> list[str]:
    """Sentences that pair a direction word with a verdict that contradicts it."""
    lower = filters.lower_is_better(result.direction)
    if lower is None:
        return []
    good, bad = (DOWN, UP) if lower else (UP, DOWN)
    found = []
    for sentence in split_sentences(text):
        s = sentence.lower()
        if re.search(r"special[- ]cause improvement", s) and any(w in s for w in bad):
            found.append(sentence)
        if re.search(r"special[- ]cause (variation of )?concern", s) and any(w in s for w in good):
            found.append(sentence)
    return found


def test_no_sentence_pairs_a_direction_with_a_contradicting_verdict(full_demo):
    checked = 0
    for quarter in DEMO_QUARTERS:
        if quarter in ("2024/25 Q1", "2024/25 Q2", "2026/27 Q3", "2026/27 Q4"):  # outside the data
            continue
        for external in (True, False):
            for r in compute_all(full_demo, quarter, external=external):
                for text in (filters.describe(r, external=external), filters.brief(r, external=external)):
                    assert not contradictions(text, r), (quarter, r.id, text)
                    checked += 1
    assert checked > 400


def test_a_movement_against_the_verdict_says_still(full_demo):
    # a made-up result: higher is better, the figure went down, the chart shows improvement
    r = compute_all(full_demo, "2026/27 Q1", ids=["rationale_recorded"])[0]
    r.value, r.compare_value = 94.0, 95.0
    r.spc = dict(r.spc, verdict="improvement", rule="12 points above the mean (shift)", step_change=None)
    text = filters.describe(r, external=False)
    first, second = split_sentences(text)[:2]
    assert "down from 95%" in first and "improvement" not in first
    assert second.startswith("The monthly chart still shows special-cause improvement")


def test_q1_review_names_72_hour_follow_up_as_below_target(full_demo):
    review = R.assemble_review(full_demo, "2026/27 Q1", check=False)
    text = review.markdown
    summary = text.split("## Activity against plan")[0]
    assert "Contract targets in 2026/27 Q1: 3 met (" in summary
    assert "), 1 not met." in summary
    assert " Discharges followed up within 72 hours: below the 80% target in 2026/27 Q1 (" in summary
    assert "No target was missed" not in text and "Every target was assessed and met" not in text
    # the contract targets table: target, comparison, this quarter, the one before, 12 months, chart
    row = next(line for line in text.splitlines() if line.startswith("| Discharges followed up within 72 hours | 80% |"))
    assert row.startswith("| Discharges followed up within 72 hours | 80% | at least | not met (too few to publish) |")
    assert "| 12 months to June 2026 |" in text
    notes = text.split("## Variance notes")[1].split("## What changed")[0]
    assert "### Discharges followed up within 72 hours" in notes
    assert "Why this note: below the 80% target in 2026/27 Q1 (numbers too small to publish)" in notes


def test_every_deterioration_has_a_variance_note(full_demo):
    for quarter in ("2026/27 Q1", "2026/27 Q2", "2025/26 Q3"):
        review = R.assemble_review(full_demo, quarter, check=False)
        notes = review.markdown.split("## Variance notes")[1].split("## What changed")[0]
        for r in review.results:
            worse = R.interval_excludes(r) and R.interval_excludes(r) == R.worse_side(r)
            if filters.verdict(r) == "concern" or worse or (r.target or {}).get("status") == "not_met":
                assert f"### {r.title}" in notes, (quarter, r.id)


def test_one_status_per_action_and_the_headline_agrees(full_demo):
    review = R.assemble_review(full_demo, "2026/27 Q1", check=False)
    plan = review.markdown.split("## Action plan")[1].split("## Requests")[0]
    rows = [line for line in plan.splitlines() if line.startswith("| ") and not line.startswith("| action")]
    actions = [line.split(" | ")[0] + line.split(" | ")[2] for line in rows]
    assert len(actions) == len(set(actions))  # no action twice (so never two statuses)
    assert "Incidents, near misses" not in review.markdown  # the old second table of statuses
    # the headline counts the rows of the table it sits under (by due date in the quarter)
    due = [line for line in rows if re.search(r" \| \d+ (April|May|June) 2026 \| ", line) and "| variance note |" not in line]
    m = re.search(r"Of the (\d+) actions? due in 2026/27 Q1, (\d+) closed by (?:its|their) due date, "
                  r"(\d+|none) closed late(?:, (\d+) (?:is|are) overdue)?", plan)
    assert m, plan
    total, on_time, late, overdue = (int(x) if x and x != "none" else 0 for x in m.groups())
    assert total == len(due)
    assert on_time == sum("| closed on time" in line for line in due)
    assert late == sum("| closed late" in line for line in due)
    assert overdue == sum("| overdue" in line or "; overdue" in line for line in due)


def test_sections_for_data_not_held_name_the_import(demo_copy):
    # the document says plainly what is not held; the import that would fill it is a
    # hint for the person assembling it (never a tool note in the document)
    for table in ("activity_plan", "workforce", "requests"):
        demo_copy.execute(f"delete from {table}")
    demo_copy.conn.commit()
    review = R.assemble_review(demo_copy, "2026/27 Q2", check=False)
    text = review.markdown
    assert "evidencebot" not in text
    assert "The contracted activity plan is not held for 2026/27 Q2" in text
    assert "Workforce and supervision figures" in text and "are not held for 2026/27 Q2: a gap for the meeting." in text
    assert any("evidencebot import activity_plan" in h for h in review.hints)
    assert any("evidencebot import workforce" in h for h in review.hints)


def test_imported_plan_and_workforce_are_used(demo_copy):
    demo_copy["activity_plan"].upsert({"period": "2026/27 Q2", "measure": "referrals", "planned": 40},
                                      pk=("period", "measure"))
    demo_copy["workforce"].insert({"period": "2026/27 Q2", "measure": "supervision_held_percent", "value": 92})
    demo_copy["requests"].insert({"request_id": "R1", "raised_on": "2026-08-01",
                                  "request": "Agree a shared crisis-line protocol", "status": "open"})
    text = R.assemble_review(demo_copy, "2026/27 Q2", check=False).markdown
    referrals = next(line for line in text.splitlines() if line.startswith("| referrals received"))
    assert "| 40 |" in referrals
    assert "supervision held percent" in text and "Agree a shared crisis-line protocol" in text


def test_each_indicator_figure_appears_once(full_demo):
    review = R.assemble_review(full_demo, "2026/27 Q2", check=False)
    prose = [line for line in review.markdown.splitlines() if not line.startswith("|")]
    assert not any("the figure for" in line for line in prose)  # figures live in the table only
    table = [line for line in review.markdown.splitlines() if line.startswith("| ")]
    for r in review.results:
        rows = [line for line in table if line.startswith(f"| {r.title} |") and line.count(" | ") == 4]
        assert len(rows) == 1, r.id


def test_a_partial_year_is_marked_and_compared_like_with_like(full_demo):
    review = R.assemble_review(full_demo, "2026/27", check=False)
    assert review.compare.label == "2025-04..2025-09"
    assert "This is a partial period: Apr-Sep 2026, to date: 6 of 12 months" in review.markdown
    assert ("Period", "2026/27 (Apr-Sep 2026, to date: 6 of 12 months)") in review.to_export().context


def test_a_review_after_the_data_is_refused(full_demo):
    from evidencebot.errors import InputError

    with pytest.raises(InputError, match="after the latest data"):
        R.assemble_review(full_demo, "2026/27 Q3", check=False)
