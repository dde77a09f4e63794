"""The contract review as an independent commissioner-reader marked it down (issue 14,
second reading): no tool notes in the document, suppression that cannot mislead,
definitions that promise only what is reported."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import export as X
from evidencebot.compose import review as R
from evidencebot.compose.document import SUPPRESSION_RULE
from evidencebot.metrics.catalogue import load_catalogue

PERIODS = ["2026/27 Q2", "2026/27 Q1", "2025/26 Q4"]
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


@pytest.fixture(scope="module")
def documents(demo_db, checker):
    out = {}
    for period in PERIODS:
        review = R.assemble_review(demo_db, period, checker=checker)
        out[period] = (review, X.to_markdown(review.to_export(charts=False)))
    return out


@pytest.fixture(scope="module")
def full_demo_q2(tmp_path_factory, default_demo):
    """The default demo (400 people, 24 months to September 2026): the one the reader scored (a copy of the
    run's build)."""
    import shutil

    from evidencebot.store.db import connect

    db = connect(shutil.copyfile(default_demo, tmp_path_factory.mktemp("demo14b") / "demo.db"))
    review = R.assemble_review(db, "2026/27 Q2")
    yield review, X.to_markdown(review.to_export(charts=False))
    db.close()


@pytest.mark.parametrize("period", PERIODS)
def test_no_tool_commands_config_keys_or_field_names_in_the_document(documents, period):
    _, text = documents[period]
    assert "`" not in text
    assert "evidencebot" not in text.lower()
    assert SNAKE.findall(text) == []
    assert "[metrics]" not in text and "MHSDS code" not in text


def test_data_not_held_is_one_plain_line_and_the_tool_hint_goes_to_the_user(demo_copy, checker):
    # the demo writes a plan, workforce figures and requests; a database without them
    # says so in one plain line and names the gap, and the import is a hint for the user
    for table in ("activity_plan", "workforce", "requests"):
        demo_copy.execute(f"delete from {table}")
    demo_copy.conn.commit()
    review = R.assemble_review(demo_copy, "2026/27 Q2", checker=checker)
    text = review.markdown
    assert ("Workforce and supervision figures (posts funded and filled, vacancies, sickness, supervision "
            "held against due) are not held for 2026/27 Q2: a gap for the meeting.") in text
    assert "The contracted activity plan is not held for 2026/27 Q2, so activity is not compared with plan" in text
    assert any("evidencebot import workforce" in h for h in review.hints)
    assert any("evidencebot import activity_plan" in h for h in review.hints)
    # one source for requests: the ask in the summary is the row in the requests section
    summary = text.split("## Activity against plan")[0]
    requests = text.split("## Requests to the commissioner")[1].split("##")[0]
    assert "**Asks of the commissioner.** Confirm the contracted activity plan for 2026/27" in summary
    assert "| in this review | Confirm the contracted activity plan for 2026/27" in requests
    assert "No open requests" not in text


def test_the_rounding_rule_is_stated_once_in_the_same_words(documents):
    for _, text in documents.values():
        assert text.count(SUPPRESSION_RULE) == 1
        assert text.count("rounded to the nearest 5") == 1
        assert "counts below 5" not in text


def test_a_hidden_figure_still_has_its_verdict_in_words():
    assert R.hidden_words("some") == "not published: some but not all"
    assert R.hidden_words("all") == "not published: all of them"
    assert R.hidden_words(None, "not_met") == "not published: target not met"
    assert R.hidden_words("all", "met") == "not published: all of them; target met"
    assert R.hidden_words("no_cases") == "no cases"
    # with the published counts: how many, in words that give away no small count
    assert R.hidden_words("some", None, "5", "10") == "not published: about 5 of about 10"
    assert R.hidden_words("all_but_few", None, "90", "90") == \
        "not published: all but fewer than 5 of about 90"
    assert R.hidden_words("few", None, "<5", "30") == "not published: fewer than 5 of about 30"
    assert R.hidden_words("none", "not_met", "0", "5") == "not published: none of about 5; target not met"


def test_every_hidden_percentage_in_the_table_says_what_it_hides(documents):
    review, text = documents["2026/27 Q2"]
    rows = [ln for ln in text.splitlines() if ln.startswith("| ") and R.HIDDEN_MARK in ln]
    assert rows
    # one footnote says what the mark means, once
    assert text.count(f"A cell marked {R.HIDDEN_MARK} is not published because the numbers are small") == 1
    for r in review.results:
        if r.unit != "percent" or not (r.suppressed and r.value is None):
            continue
        line = next(ln for ln in rows if ln.startswith(f"| {r.title} |"))
        cell = line.split("|")[2].strip()
        assert cell == "no cases" or re.fullmatch(
            r"(all|none|some but not all|all but <5|<5|about \d+)( of (about \d+|<5))?\u00a0†", cell), (r.id, cell)


def test_a_true_zero_is_shown_as_zero_not_as_fewer_than_5(demo_db):
    from evidencebot.metrics.indicators import compute_all

    zeros = [r for q in PERIODS for r in compute_all(demo_db, q, external=True)
             if r.numerator == "0" and r.denominator not in ("<5", "0", None)]
    assert zeros, "the demo should have at least one true zero over five or more cases"
    published = []
    for r in zeros:
        if r.value is None:  # a base under SMALL_BASE (10): said in words, never as "<5"
            assert r.unit == "percent" and r.extra["share"] == "none", r.id
            assert "none of about" in R._row(r, None, True)["value"], r.id
        else:
            assert r.value == 0 and not r.suppressed, r.id
            published.append(r)
    assert published
    assert R._row(published[0], None, True)["value"].startswith("0")


def test_rounded_counts_beside_a_published_rate_say_they_are_rounded(documents):
    _, text = documents["2026/27 Q2"]
    appendix = text.split("## Evidence appendix", 1)[1]
    for line in appendix.splitlines():
        m = re.search(r"\*\*\d+%\*\* \(numerator ([^;]+); denominator ([^;)]+)", line)
        if m:
            for count in m.groups():
                assert count == "0" or count.startswith("about ") or count == "<5", line


def test_definitions_promise_only_what_is_reported():
    cat = load_catalogue()
    for ident, ind in cat.items():
        assert "reported beside" not in ind.definition, ident
        assert "given with the result" not in ind.definition, ident
        assert SNAKE.findall(ind.definition) == [], (ident, SNAKE.findall(ind.definition))
    swemwbs = "SWEMWBS scores that are whole numbers are read as raw totals"
    assert swemwbs in cat["reliable_improvement.swemwbs"].definition
    for other in ("reliable_improvement.reqol10", "reliable_improvement.core10"):
        assert swemwbs not in cat[other].definition
        assert cat[other].definition.endswith("the percentage of pairs that show reliable improvement.")


def _action(ident, action, occurred, due, closed, kind="incident"):
    from evidencebot.compose.gather import action_status
    import datetime as dt

    row = {"incident_id": ident, "action": action, "type": kind, "occurred_on": occurred,
           "due_on": due, "closed_on": closed, "owner": "Team leader"}
    row["status"] = action_status(row, dt.date(2026, 9, 30))
    return row


def test_an_action_raised_again_is_listed_once_with_one_status():
    rows = [
        _action("A1", "Introduce a welfare check rule.", "2026-06-11", "2026-08-06", "2026-07-10"),
        _action("A2", "Introduce a welfare check rule.", "2026-08-28", "2026-10-23", None),
        _action("B1", "Set up daily checks of the inbox.", "2025-06-29", "2025-07-27", None, "near_miss"),
        _action("B2", "Set up daily checks of the inbox.", "2026-06-19", "2026-08-14", "2026-09-07", "near_miss"),
    ]
    out = {a["action"]: a for a in R.group_actions(rows)}
    assert len(out) == 2
    assert out["Introduce a welfare check rule."]["status"] == (
        "reopened after a later incident (last closed 10 July 2026); open (due 23 October 2026)")
    assert out["Set up daily checks of the inbox."]["status"] == (
        "closed late (7 September 2026); due date moved from 27 July 2025 to 14 August 2026")
    assert out["Set up daily checks of the inbox."]["moved_from"] == "2025-07-27"
    assert out["Set up daily checks of the inbox."]["source"] == "near miss June 2025, near miss June 2026"


def test_the_incident_log_counts_by_type_and_never_calls_a_compliment_an_incident(documents):
    _, text = documents["2026/27 Q2"]
    risks = text.split("### Incidents and learning")[1].split("## Action plan")[0]
    assert "incidents and near misses occurred" not in risks
    first = risks.strip().splitlines()[0]
    if "compliments (" in first:
        assert "Compliments are listed with the learning they gave; they are not incidents." in first
    assert re.search(r"No incident was recorded as serious\.|Incidents recorded as serious: [^.]+\.", first)
    learning = [ln for ln in risks.splitlines() if ln.startswith("| ") and not ln.startswith("| month")]
    keys = [tuple(c.strip() for c in ln.split("|")[1:4]) for ln in learning]
    assert len(set(keys)) == len(keys)  # a repeated entry is one row, marked as repeated


def test_incident_summary_counts_types_apart_and_merges_repeated_learning():
    rows = [{"occurred_on": "2026-08-03", "type": "incident", "severity": "low", "learning": "Two DNAs."},
            {"occurred_on": "2026-08-20", "type": "incident", "severity": "moderate", "learning": "Two DNAs."},
            {"occurred_on": "2026-08-21", "type": "compliment", "severity": None, "learning": "Good."},
            {"occurred_on": "2026-07-01", "type": "near_miss", "severity": "serious", "learning": "Inbox."}]
    out = R.incident_summary(rows, external=False)
    assert dict(out["by_type"]) == {"incidents": "2", "compliments": "1", "near misses": "1"}
    assert out["absent"] == ["complaints"] and out["serious"] == 1
    assert [e["entries"] for e in out["learning"]] == [2, 1, 1]


def test_no_chart_verdict_or_assurance_on_trial_limits(documents):
    from evidencebot.compose import filters

    for period, (review, text) in documents.items():
        too_few = 0
        for r in review.results:
            info = r.spc or {}
            if info.get("trial"):
                assert filters.verdict(r) == "too_few_points", (period, r.id)
                assert not info.get("assurance"), (period, r.id)
            too_few += filters.verdict(r) == "too_few_points"
        assert (f"{too_few} indicators have too few months with enough cases, or too few months since the last "
                "recalculation of the limits, for a verdict") in text
        assert "(trial limits)" not in text


def test_a_variance_note_says_the_interval_and_the_chart_in_the_words_of_the_interval_list(full_demo_q2):
    review, text = full_demo_q2
    notes = text.split("## Variance notes")[1].split("## What changed")[0]
    listed = text.split("## Variance notes")[0]
    disagreements = 0
    for r in review.results:
        words = R.disagreement(r, "2026/27 Q2", "2026/27 Q1")
        if not words or f"### {r.title}" not in notes:
            continue
        disagreements += 1
        note = notes.split(f"### {r.title}")[1].split("###")[0]
        assert words.rstrip(".") in note
        assert "is not evidence of a change" not in note
        # the list of disagreements is complete, and points to the note
        bullet = next(line for line in listed.splitlines() if line.startswith("- **") and r.title in line)
        assert bullet.endswith(" (see its variance note)."), bullet
        assert words.rstrip(".")[1:] in bullet, bullet
    assert disagreements  # the escalation-to-review median on the full demo
    for m in re.finditer(r"\(a step change([^)]*)\)", text):
        assert m.group(1) in (" for the better", " for the worse"), m.group(0)


def test_a_missed_target_note_gives_the_base_cause_action_and_recovery(full_demo_q2):
    review, text = full_demo_q2
    note = text.split("### Discharges followed up within 72 hours")[1].split("###")[0]
    assert ("Why this note: below the 80% target in 2026/27 Q2 (numbers too small to publish); in 2026/27 Q1 "
            "the target was not met.") in note
    assert "- **Base:** about 5 of about 10 eligible discharges in 2026/27 Q2." in note
    assert "- **Cause:** Notice of a ward discharge often reached our duty inbox" in note
    assert "- **Action:** Check the duty inbox every day" in note
    assert "- **Owner:** Team leader South" in note and "- **By:** 30 November 2026" in note
    assert "- **Expected back on target by:** 31 March 2027" in note
    assert '- **Related action in the plan:** "Set up daily checks of the discharge inbox"' in note
    assert "not yet known" not in note.lower()


def test_related_actions_share_a_word_stem_with_the_indicator():
    actions = [{"action": "Set up daily checks of the discharge inbox.", "source": "near miss"},
               {"action": "Share at team meeting and in supervision.", "source": "compliment"}]
    assert [a["action"] for a in R.related_actions("Discharges followed up within 72 hours", actions)] == [
        "Set up daily checks of the discharge inbox."]
    assert R.related_actions("Goals met or exceeded at review", actions) == []


def test_the_summary_reads_as_a_person_would_write_it(full_demo_q2):
    review, text = full_demo_q2
    summary = text.split("## Summary")[1].split("## Terms used")[0]
    paragraphs = [p for p in summary.split("\n\n") if p.strip()]
    assert 6 <= len(paragraphs) <= 12
    assert ("**Targets.** Contract targets in 2026/27 Q2: 3 met (hours from escalation to clinical review, "
            "step-ups reviewed within 72 hours and planned and review contacts not attended), 1 not met.") in summary
    assert ("Discharges followed up within 72 hours: below the 80% target in 2026/27 Q2 (about 5 of about 10 "
            "eligible discharges in 2026/27 Q2; too few to publish as a percentage), and also not met in "
            "2026/27 Q1.") in summary
    assert "People on the caseload fell from about 130 to about 115 over 2026/27 Q2" in summary
    assert "too few cases 0" not in summary


def test_the_header_names_the_provider_the_service_and_the_date_the_data_run_to(full_demo_q2):
    _, text = full_demo_q2
    head = text.split("## Summary")[0]
    assert "**Provider:** Harbour Lane Trust, Riverside Community Wellbeing Service" in head
    assert "**Data to:** 30 September 2026" in head


def test_waiting_times_give_a_share_within_14_days_and_the_longest_wait():
    from evidencebot.compose.gather import Waits

    assert R.within_14_words(Waits(referrals=60, seen=50, within_14=44), True) == \
        "88% of those seen were seen within 14 days"
    # 22 of 25 would give away that 3 waited longer: said in words (the complement is a count)
    assert R.within_14_words(Waits(referrals=30, seen=25, within_14=22), True) == \
        "all but fewer than 5 of those seen were seen within 14 days"
    assert R.within_14_words(Waits(referrals=30, seen=25, within_14=22), False) == \
        "88% of those seen were seen within 14 days"
    # 3 of 4 may not be published: said in words
    assert R.within_14_words(Waits(referrals=5, seen=4, within_14=3), True) == \
        "some but not all of those seen were seen within 14 days"
    assert R.within_14_words(Waits(referrals=0), True) == ""


def test_the_waiting_times_paragraph_is_not_three_rounded_counts(full_demo_q2):
    _, text = full_demo_q2
    waits = text.split("## Waiting times")[1].split("##")[0]
    assert "of those seen were seen within 14 days, and the longest wait was" in waits


@pytest.mark.parametrize("now, before, external, words", [
    # two counts that round to the same words, for a month: the sentence said "in both quarters over 2026-09"
    (117, 113, True, "were about 115 at the start and at the end of 2026-09"),
    (117, 113, False, "rose from 113 to 117 over 2026-09"),
    (25, 25, True, "stayed at about 25 over 2026-09"),
])
def test_caseload_movement_names_the_period_asked_for(now, before, external, words):
    from evidencebot.compose.review import _move

    assert _move(now, before, external, "2026-09") == words


def test_disagreements_with_the_same_words_are_said_once_naming_each_indicator():
    items = [{"title": "A rate", "text": "The 95% CI moved."}, {"title": "B count", "text": "The chart says so."},
             {"title": "C median", "text": "The 95% CI moved."}]
    got = R.grouped_disagreements(items)
    assert [g["title"] for g in got] == ["A rate; C median", "B count"]
    assert [g["titles"] for g in got] == [["A rate", "C median"], ["B count"]]


@pytest.mark.parametrize("period", PERIODS)
def test_the_review_says_each_disagreement_once(documents, period):
    _, text = documents[period]
    listed = text.split("## Variance notes")[0].split("Where the interval and the chart say different things:")[-1]
    bullets = [line.split(".** ", 1)[1] for line in listed.splitlines() if line.startswith("- **")]
    assert bullets and len(bullets) == len(set(bullets)), bullets
