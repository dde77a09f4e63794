"""The contract review after the fourth commissioner reading (issue 14, score sheet s4a):
the reader's contradictions, each fixed at the cause. One count from one source for the
actions; an overdue action says whether a reason and a new date are recorded. Each test
reads the sentence, not only the value."""

from __future__ import annotations

import re

from types import SimpleNamespace

import pytest

from evidencebot.compose import export as X
from evidencebot.compose import review as R

PERIOD = "2026/27 Q2"


@pytest.fixture(scope="module")
def full(q2_review):
    """The review the reader scores (tests/compose/conftest.py)."""
    return q2_review


def section(text: str, heading: str) -> str:
    return text.split(f"## {heading}")[1].split("\n## ")[0]


def _rows(table_text: str) -> list[list[str]]:
    return [[c.strip() for c in ln.strip().strip("|").split(" | ")] for ln in table_text.splitlines()
            if ln.startswith("| ") and not ln.startswith("|---")]


def test_action_counts_agree_between_summary_plan_and_table(full):
    """The reader saw '0 are overdue' under a table with an action 10 months overdue."""
    plan = section(full.text, "Action plan")
    overdue_in_table = [r for r in _rows(plan) if r[3].startswith("overdue")]
    assert overdue_in_table, "the demo has an overdue action"
    summary = next(p for p in full.summary.split("\n\n") if p.startswith("**Actions.**"))
    footnote = next(p for p in plan.split("\n\n") if p.startswith("Of the "))
    for text in (summary, footnote):
        assert "0 are overdue" not in text
        for r in overdue_in_table:
            assert f'"{r[0].rstrip(".")}" (due {r[2]})' in text
        assert ("Neither a reason for the delay nor a new due date is recorded for it, a gap to take up at the "
                "meeting.") in text
    # the same sentence in both places: one count from one source
    assert summary.removeprefix("**Actions.** ") in footnote


def test_actions_text_counts_and_words():
    tally = {"total": 2, "closed_on_time": 1, "closed_late": 0, "overdue": 1, "open": 0, "moved": [],
             "overdue_older": [{"action": "Fix the rota.", "due": "1 May 2026"},
                               {"action": "Train staff", "due": "2 June 2026"}]}
    text = R.actions_text(tally, "Q2")
    assert text.startswith("Of the 2 actions due in Q2, 1 closed by its due date, none closed late, 1 is overdue.")
    assert ('2 actions due before Q2 are still overdue: "Fix the rota" (due 1 May 2026) and "Train staff" '
            "(due 2 June 2026). Neither a reason for the delay nor a new due date is recorded for them") in text
    assert R.actions_text({"total": 0, "moved": [], "overdue_older": []}, "Q2") == ""


def test_rounded_counts_are_said_to_be_rounded_separately(full):
    """The reader found 130 + 25 - 45 = 110 against 115 printed, and -16% against 25 vs 32."""
    summary = full.summary
    assert ("Each count is rounded on its own, so rounded counts may not add up and the difference between two "
            "of them may be off by up to 5; every percentage, rate and variance against plan is computed from the "
            "unrounded counts.") in summary
    activity = section(full.text, "Activity against plan")
    assert ("The counts in this table are each rounded on their own (the rule is in the summary), so they may not "
            "add up; the against-plan column is computed from the unrounded counts.") in activity


def test_activity_note_says_whether_the_unrounded_caseload_reconciles():
    adds_up = SimpleNamespace(caseload_start=130, caseload_end=113, referrals=27, discharges=44)
    text = R.activity_note(adds_up, True)
    assert text.endswith("Before rounding, the caseload at the start plus referrals received less support ended "
                         "equals the caseload at the end.")
    off = SimpleNamespace(caseload_start=130, caseload_end=115, referrals=27, discharges=44)
    assert "differs from the caseload at the end by 2 (" in R.activity_note(off, True)
    assert R.activity_note(adds_up, False) == ""


def test_discharge_keeps_its_defined_meaning(full):
    """The Terms paragraph says people whose support ended are not called discharges; the
    caseload definition used to say 'not discharged before the period start' for them."""
    assert "they are not called discharges" in full.summary
    assert "not discharged" not in full.text
    crisis = full.text.split("### Crisis events per 100 people on the caseload")[1].split("\n### ")[0]
    assert ("per 100 people on the caseload at any time in the period (referred on or before the period end, and "
            "support from this service not ended before the period start)") in crisis


def test_featured_story_dates_and_facts_agree(full):
    """The reader found 'support in August 2025; approved 18 August 2025' beside two weeks of
    contact and no readmission within 30 days, a title 'within two days' beside evidence
    'within 24 hours', and 'the admission record' cited for a discharge."""
    story = section(full.text, "Outcome story")
    head = story.strip().splitlines()[0]
    assert "support in " not in head  # the story's date is its own date, not the date support began
    # "A visit the day after discharge" holds a planted postcode the checker would cut, so
    # it is passed over (s5 reader point 4): the featured story is one printed whole
    assert not head.startswith("**A visit the day after discharge**")
    assert re.search(r"\(story dated \w+ \d{4}; shared with the person's consent; approved \d+ \w+ \d{4}\)", head)
    assert "within 24 hours" not in story and "admission record" not in story


def test_each_safety_signal_has_its_action_or_says_none_is_recorded(full):
    """The reader: a late safeguarding referral and a new 30-day readmission with no action,
    owner or date. The demo now records an action for each (session 5); one with no
    variance-note section of its own is said in full, with owner and date."""
    line = next(p for p in full.summary.split("\n\n") if p.startswith("**Safety.**"))
    assert ("At least one safeguarding concern raised in 2026/27 Q2 was not referred by the next working day (as in "
            "2026/27 Q1). The action recorded for it: name a safeguarding lead on every weekend cover rota, and audit "
            "each late referral with the worker in supervision (Safeguarding lead, by 15 November 2026).") in line
    assert ("At least one discharge in 2026/27 Q2 was followed by a readmission within 30 days (none in 2026/27 "
            "Q1). The action recorded for it: finish the joint review with the ward and bring what it finds to the "
            "Q3 meeting (Team leader South, by 30 November 2026).") in line
    assert "gap for the meeting" not in line
    # and in the action plan, once each
    plan = section(full.text, "Action plan")
    assert plan.count("| Safeguarding concerns referred by the next working day: Name a safeguarding lead") == 1
    assert ("each needs checking. The variance note on hours from escalation to clinical review (median) gives "
            "the action: Clinical lead, by 31 October 2026.") in line


def test_a_safety_signal_with_a_variance_note_names_its_owner_and_date():
    notes = {"safeguarding_timely": {"action": "Audit every late referral.", "owner": "Safeguarding lead",
                                     "due_on": "2026-11-15", "reason": "Cover gaps."}}
    title = SimpleNamespace(title="Safeguarding concerns referred by the next working day")
    assert R.signal_action("safeguarding_timely", notes, {"safeguarding_timely": title}) == (
        "the variance note on safeguarding concerns referred by the next working day gives the action: "
        "Safeguarding lead, by 15 November 2026")
    # a cause alone is not an action
    notes["safeguarding_timely"] = {"reason": "Cover gaps.", "owner": "Safeguarding lead", "due_on": "2026-11-15"}
    assert R.signal_action("safeguarding_timely", notes, {}).startswith("no action, owner or date is recorded")


def test_what_changed_says_what_it_covers_and_lists_actions_put_in_place(full):
    """The reader: the section listed only the July 2025 change while the quarter had others."""
    changed = section(full.text, "What changed and why")
    assert changed.strip().startswith("The service-change log records no change starting in 2026/27 Q2; the "
                                      "changes it records earlier are listed here because the charts are judged "
                                      "from them.")
    assert ('Actions from the action plan put in place in 2026/27 Q2: ' in changed
            and '"Set up daily checks of the discharge inbox" (7 September 2026).' in changed)
    assert "example of good practice" not in changed  # a compliment's action is not a service change
    assert ("Other changes in 2026/27 Q2 are described where they explain a figure (see Activity against plan "
            "and Variance notes); only the log's changes recalculate the charts.") in changed


def test_changes_text_when_the_log_has_a_change_in_the_period():
    changes = [{"changed_on": "2026-08-01", "title": "New rota"}]
    assert R.changes_in_period_text(changes, [], "2026-07-01", "2026-09-30", "Q2") == ""
    acts = [{"action": "Fix the rota.", "closed_on": "2026-08-03", "source": "incident July 2026"}]
    text = R.changes_in_period_text(changes, acts, "2026-07-01", "2026-09-30", "Q2")
    assert text.startswith('Actions from the action plan put in place in Q2: "Fix the rota" (3 August 2026).')


def test_charts_line_names_earlier_concern_points(full):
    """The reader: the crisis-events chart shows concern points in 2024-25 while the summary
    said 'no special-cause concern'."""
    line = next(p for p in full.summary.split("\n\n") if p.startswith("**Charts.**"))
    assert "no special-cause concern in the latest months (earlier months do show concern points: " in line
    assert "crisis events per 100 people on the caseload, between October 2024 and April 2025" in line
    assert "no special-cause concern;" not in line


def test_chart_captions_give_the_unit_and_the_months():
    """The reader: charts are monthly rates while the table is quarterly, and neither said so."""
    from evidencebot.compose.charts import Chart, caption

    chart = Chart(indicator_id="crisis_rate", title="Crisis events per 100 people on the caseload",
                  labels=["2024-10", "2024-11", "2024-12"], values=[None, 8.0, 9.0], unit="per_100",
                  verdict="Common cause", verdict_key="common_cause")
    assert chart.y_title == "Rate per 100 people, per month"
    assert caption(chart).endswith(
        "Each point is one month's figure (a rate per 100 people), November 2024 to December 2024; a table's "
        "figure covers its whole period, so a quarter's rate there is usually larger than a month's rate here.")
    points = Chart(indicator_id="", title="t", labels=["1", "2"], values=[1.0, 2.0], unit="percent", x_title="Point")
    assert points.scale_words == "" and points.y_title == "Per cent (%)"
    md = X.summary_markdown([chart])
    assert ("The variation and assurance come from charts of one value per month; the tables above give the figure "
            "for each whole period, so a rate per 100 people there is usually larger than a month's.") in md


def test_one_escalation_without_review_is_said_in_plural_when_hidden():
    esc = SimpleNamespace(total=40, reviewed=39)
    hidden = R.safety_signals({}, esc, "Q2", "Q1", True)
    assert hidden[0] == ("fewer than 5 escalations raised in Q2 have no recorded clinical review, so they are "
                         "left out of the median hours to review; each needs checking")
    shown = R.safety_signals({}, esc, "Q2", "Q1", False)
    assert shown[0].startswith("1 escalation raised in Q2 has no recorded clinical review, so it is left out")
