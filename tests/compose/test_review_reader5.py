"""The fifth commissioner-reader's points on the demo's 2026/27 Q2 review (session 5).

Each test reads the sentence or the table the reader read, not only the value behind it:
1 the indicator table (one narrow table per domain, short marked cells, one footnote);
2 the terms (measures and SPC words) defined; 3 the Markdown copy says what the charts
show; 4 no story excerpt cut by the checker; 5 a median target judged with the cases it
leaves out; 6 hit and miss said beside a met target; 7 a cause that fits the movement;
8 a risks and issues register with owners and actions; 9 the contradictions.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from evidencebot.compose import export as X
from evidencebot.compose import review as R

PERIOD = "2026/27 Q2"
DOMAINS = ("Safety", "Stability after discharge", "Experience and outcomes")


@pytest.fixture(scope="module")
def full(q2_review):
    return q2_review


def section(text: str, heading: str, level: str = "## ") -> str:
    return text.split(f"{level}{heading}\n")[1].split(f"\n{level}")[0]


def table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in text.splitlines()
            if ln.startswith("| ") and not ln.startswith("|---")]


# ---------------------------------------------------------------- 1 the indicator tables


def test_indicators_are_one_five_column_table_per_domain_with_short_marked_cells(full):
    indicators = section(full.text, "Indicators")
    seen = 0
    for domain in DOMAINS:
        rows = table_rows(section(indicators, domain, "### "))
        assert rows[0] == ["indicator", PERIOD, "2026/27 Q1", "95% CI", "monthly chart"]
        for row in rows[1:]:
            assert len(row) == 5, row
            for cell in row[1:4]:  # figures: short enough for a narrow column
                assert len(cell) <= 32, cell
                assert "not published" not in cell
            hidden = [c for c in row[1:3] if c.endswith(R.HIDDEN_MARK)]
            if hidden:
                assert row[3] == "n/a"  # no interval for a figure that is not published
        seen += len(rows) - 1
    assert seen == len(full.review.results)
    # the mark is explained once, above the tables
    intro = indicators.split("### ")[0]
    assert intro.count(f"A cell marked {R.HIDDEN_MARK} is not published because the numbers are small: it gives "
                       "the counts instead, rounded as the summary says (<5 means 1 to 4), and no interval.") == 1
    assert full.text.count(f"A cell marked {R.HIDDEN_MARK}") == 1


def test_short_hidden_cells_keep_the_words_the_checker_reads_as_a_base():
    # a no-break space before the mark, so it never wraps onto a line of its own
    assert R.short_hidden("few", "<5", "30") == "<5 of about 30\u00a0†"
    assert R.short_hidden("all_but_few", "90", "90") == "all but <5 of about 90\u00a0†"
    assert R.short_hidden("some", "5", "10") == "about 5 of about 10\u00a0†"
    assert R.short_hidden("all") == "all\u00a0†"
    assert R.short_hidden("no_cases") == "no cases"


def test_targets_have_their_own_table_with_the_year_and_the_chart_against_the_target(full):
    table = section(section(full.text, "Indicators"), "Contract targets", "### ")
    rows = table_rows(table)
    assert rows[0] == ["indicator", "target", "met if", PERIOD, "2026/27 Q1",
                       "12 months to September 2026", "monthly chart against the target"]
    by_title = {r[0]: r for r in rows[1:]}
    assert len(by_title) == sum(1 for r in full.review.results if r.target)
    assert by_title["Discharges followed up within 72 hours"][1:] == [
        "80%", "at least", "not met (too few to publish)", "not met (too few to publish)",
        "not met", "too few points to judge"]
    assert by_title["Step-ups reviewed within 72 hours"][3] == "met"


# ---------------------------------------------------------------- 2 terms


def test_every_measure_and_chart_word_the_review_uses_is_defined(full):
    terms = section(full.text, "Terms used")
    rest = full.text.replace(terms, "")
    for name in ("SWEMWBS", "ReQoL-10", "CORE-10", "GAS", "DNA"):
        assert name in rest
        assert re.search(rf"^- \*\*{re.escape(name)}\b[^*]*\*\*: \S", terms, re.M), name
    for words in ("common cause", "special cause", "shift (7 or more months in a row on one side of the mean)",
                  "trend (7 or more months", "control limits", "hit and miss", "consistently passing",
                  "95% confidence interval", "trial limits", "whole-time equivalent",
                  "1 increased distress, 2 risk indicators, 3 urgent support needed, 4 a referral to the crisis team"):
        assert words in terms.replace("**", "").lower() or words in terms.replace("**", ""), words


def test_the_glossary_lists_only_measures_the_review_has():
    results = [SimpleNamespace(title="Reliable improvement on SWEMWBS", target=None)]
    terms = [t for t, _ in R.glossary(results, has_workforce=False)]
    assert "SWEMWBS" in terms and "Reliable improvement" in terms
    assert "CORE-10" not in terms and "ReQoL-10" not in terms and "WTE" not in terms and "Assurance" not in terms
    assert "Common cause" in terms  # the chart words are always used


# ---------------------------------------------------------------- 3 charts in the Markdown copy


def test_the_markdown_copy_says_what_each_chart_shows(full):
    doc = full.review.to_export()
    md = X.to_markdown(doc)
    words = md.split("### The charts in words")[1].split("\n---")[0]
    assert ("The Word and HTML copies of this document draw these charts; this Markdown copy cannot hold "
            "pictures, so it says what each chart shows.") in words
    assert doc.charts
    for chart in doc.charts:
        line = next(ln for ln in words.splitlines() if ln.startswith(f"- **{chart.title}** ("))
        assert chart.verdict.rstrip(".") in line
    crisis = next(ln for ln in words.splitlines() if ln.startswith("- **Crisis events per 100 people"))
    assert "Months marked as special-cause concern (orange): October 2024 to April 2025." in crisis
    # the Word copy draws them instead
    assert "The charts in words" not in X.to_html(doc)


def test_chart_words_name_the_special_months_and_the_recalculation():
    from evidencebot.compose.charts import Chart, Segment

    chart = Chart(indicator_id="x", title="Things done on time", labels=["2026-01", "2026-02", "2026-03", "2026-04"],
                  values=[80.0, 82.0, 60.0, 81.0], unit="percent", verdict="Special-cause concern",
                  verdict_key="concern", improvement="increase",
                  point_types=["common_cause", "common_cause", "concern", "common_cause"],
                  segments=[Segment(0, 1, 80.0, 70.0, 90.0), Segment(2, 3, 75.0, 65.0, 85.0)], changes=[2])
    text = X.chart_words(chart)
    assert text.startswith("**Things done on time** (4 months, January 2026 to April 2026): Special-cause concern.")
    assert "The mean and limits are recalculated from March 2026, after a recorded service change." in text
    assert "Months marked as special-cause concern (orange): March 2026." in text
    assert "The latest month is above the mean." in text


# ---------------------------------------------------------------- 4 stories printed whole


def test_no_story_is_printed_with_a_sentence_cut_out(full, checker):
    assert not [e for e in full.review.edits if e.rule.startswith("privacy")]
    used = [s["id"] for s in full.review.sources if s["kind"] == "story"]
    st10 = full.db["stories"].get("st10-discharge-follow-up")
    assert R.story_cuts(st10, checker)  # the planted postcode: the story would be cut...
    assert "st10-discharge-follow-up" not in used  # ...so it is not used
    featured = full.db["stories"].get(used[0])
    story = section(full.text, "Outcome story")
    for heading, key in (("Context", "context"), ("Support approach", "support_approach"),
                         ("Day-to-day delivery", "delivery")):
        printed = story.split(f"### {heading}\n")[1].split("\n### ")[0].strip()
        assert " ".join(printed.split()) == " ".join(str(featured[key]).split()), heading
    # two people in one document are never both called 'T.'
    initials = re.findall(r"\b([A-Z])\. \((?:a pseudonym|not their real name)\)", full.text)
    assert len(initials) == len(set(initials))


# ---------------------------------------------------------------- 5 a median that leaves cases out


def test_escalation_review_is_met_also_with_the_unreviewed_escalations(full):
    r = next(x for x in full.review.results if x.id == "escalation_review_hours")
    assert r.target["status"] == "met" and r.target["worst_case"] == "met"
    targets = section(section(full.text, "Indicators"), "Contract targets", "### ")
    row = next(x for x in table_rows(targets) if x[0] == r.title)
    assert row[3] == "met (see the note below)"
    assert re.search(r"- Hours from escalation to clinical review \(median\): the median leaves out the escalations "
                     r"with no recorded clinical review \((about \d+|fewer than 5)\)\. Even with those escalations "
                     r"counted as the slowest of the period, the median stays within the target of 48 hours, so "
                     r"the target is met either way\.", targets)


def test_a_median_target_that_unreviewed_escalations_could_break_cannot_be_judged(demo_copy, checker):
    from evidencebot.metrics.indicators import compute

    ids = [row["escalation_id"] for row in demo_copy.query(
        "select escalation_id from escalations where raised_at >= '2026-07-01' and raised_at < '2026-10-01' "
        "order by escalation_id")]
    for ident in ids[: len(ids) * 6 // 10]:  # most of the quarter's escalations lose their review
        demo_copy["escalations"].update(ident, {"reviewed_at": None})
    r = compute(demo_copy, "escalation_review_hours", PERIOD)
    assert r.value is not None and r.value <= 48
    assert r.target["worst_case"] == "not_met" and r.target["status"] == "not_assessable"
    text = R.assemble_review(demo_copy, PERIOD, checker=checker).markdown
    targets = section(section(text, "Indicators"), "Contract targets", "### ")
    row = next(x for x in table_rows(targets) if x[0] == r.title)
    assert row[3] == "cannot be judged (see the note below)"
    assert ("With those escalations counted as the slowest of the period, the median would be past the target, so "
            "the target cannot be judged until they are checked.") in targets
    assert "not assessable (too few cases, or cases left out of a median; see Contract targets)" in text


# ---------------------------------------------------------------- 6 hit and miss


def test_a_met_target_the_limits_straddle_is_called_hit_and_miss(full):
    line = next(p for p in full.summary.split("\n\n") if p.startswith("**Targets.**"))
    assert ("Planned and review contacts not attended met the target in 2026/27 Q2, but it is hit and miss: the "
            "monthly chart's process limits lie on both sides of the 15% target, so some months will miss it.") in line
    targets = section(section(full.text, "Indicators"), "Contract targets", "### ")
    row = next(x for x in table_rows(targets) if x[0].startswith("Planned and review contacts not attended"))
    assert row[3] == "met" and row[6] == "hit and miss"
    assert ("- Planned and review contacts not attended (DNA): met in 2026/27 Q2, but the monthly chart's process "
            "limits lie on both sides of the 15% target (hit and miss)") in targets


# ---------------------------------------------------------------- 7 causes that fit the movement


def test_a_cause_that_tells_of_a_movement_the_figures_do_not_show_is_not_given():
    cause = "Two GP practices moved to an online form in July 2026, and their referrals fell while it bedded in."
    assert R.cause_clash(cause, 25, 25) == "fall"
    assert R.cause_clash(cause, 18, 25) == ""
    assert R.cause_clash("A caseload review planned endings; the endings fell in this quarter.", 45, 25) == ""
    assert R.cause_clash("Demand rose after the winter campaign.", 20, 25) == "rise"
    now = SimpleNamespace(referrals=25, plan={"referrals": 32}, **{k: 0 for k in R.ACTIVITY_LABELS if k != "referrals"})
    before = SimpleNamespace(referrals=25, **{k: 0 for k in R.ACTIVITY_LABELS if k != "referrals"})
    notes = {"activity.referrals": {"reason": cause, "action": "Meet the practices.", "owner": "Service manager",
                                    "due_on": "2026-10-31"}}
    _, off = R.activity_rows(now, before, notes, True)
    assert off[0]["text"].startswith("The recorded cause speaks of a fall, but the figure stayed about level since "
                                     "the previous quarter, so the cause is not given here: it needs agreeing at the "
                                     "meeting. Action: Meet the practices.")


def test_the_demo_referral_cause_fits_referrals_that_stayed_level(full):
    activity = section(full.text, "Activity against plan")
    line = next(ln for ln in activity.splitlines() if ln.startswith("- **Referrals received:"))
    assert "Cause: Referrals dropped in April 2026 and have stayed below plan in both quarters of 2026/27" in line
    assert "recorded cause speaks of" not in activity


# ---------------------------------------------------------------- 8 risks and issues


def test_risks_and_issues_is_a_register_with_an_owner_and_an_action_on_every_line(full):
    risks = section(full.text, "Risks and issues")
    rows = table_rows(risks.split("### Incidents and learning")[0])
    assert rows[0] == ["issue or risk", "kind", "owner", "action"]
    register = {r[0]: r for r in rows[1:]}
    assert all(r[1] in ("issue", "risk") and r[2] and r[3] for r in rows[1:])
    missed = register["Discharges followed up within 72 hours missed its 80% target in 2026/27 Q2."]
    assert missed[2] == "Team leader South" and missed[3].endswith("(by 30 November 2026).")
    overdue = register['Action overdue since 28 November 2025: "Review consent-to-share at every care review".']
    assert overdue[2] == "Team leader North"
    assert register["Planned and review contacts not attended is hit and miss against its 15% target: some months "
                    "will miss it."][1] == "risk"
    assert any(k.startswith("Referrals received a tenth or more below plan") for k in register)
    assert "### Incidents and learning" in risks  # the incident digest follows the register


# ---------------------------------------------------------------- 9 contradictions


def test_the_unreviewed_escalations_are_one_count_in_the_summary_and_the_note(full):
    safety = next(p for p in full.summary.split("\n\n") if p.startswith("**Safety.**"))
    said = re.search(r"(About \d+|Fewer than 5) escalations raised in 2026/27 Q2 have no recorded clinical review",
                     safety).group(1).lower()
    note = full.text.split("### Hours from escalation to clinical review (median)")[1].split("###")[0]
    assert (f"- **Base:** the median is taken over the escalations raised in 2026/27 Q2 that have the time "
            f"recorded: all but {said} of about ") in note


def test_every_activity_row_a_tenth_or_more_off_plan_is_listed(full):
    activity = section(full.text, "Activity against plan")
    listed = [ln for ln in activity.splitlines() if ln.startswith("- **")]
    rows = [r for r in table_rows(activity)[1:] if r[4]]
    off = [r for r in rows if abs(int(r[4].rstrip("%"))) >= 10]
    assert any(r[4] == "-10%" for r in off)  # the boundary the reader found left out
    assert len(listed) == len(off)
    for r in off:
        assert any(ln.lower().startswith(f"- **{r[0].lower()}:") for ln in listed), r[0]
    assert "Activity a tenth or more above or below plan" in activity
    line = next(p for p in full.summary.split("\n\n") if p.startswith("**Activity.**"))
    assert "A tenth or more off the contracted plan:" in line and "more than a tenth" not in full.text
    for r in off:
        assert r[0] in line, r[0]


def test_the_interval_and_chart_list_names_every_disagreement_including_those_with_a_note(full):
    listed = section(full.text, "Indicators").split("Where the interval and the chart say different things:")[1]
    names = [r.title for r in full.review.results
             if not (r.suppressed and r.value is None) and R.disagreement(r, PERIOD, "2026/27 Q1")]
    assert "Hours from escalation to clinical review (median)" in names
    for name in names:
        assert f"- **{name}.**" in listed, name
    assert ("- **Hours from escalation to clinical review (median).** The 95% CI for 2026/27 Q2 does not include the "
            "2026/27 Q1 figure") in listed and "(see its variance note)." in listed


def test_every_target_is_in_the_assurance_table_or_named_beside_it(full):
    md = X.to_markdown(full.review.to_export())
    assurance = md.split("## Variation and assurance")[1].split("### The charts in words")[0]
    for r in full.review.results:
        if r.target:
            assert f"| {r.title} |" in assurance or R.filters.title_lower(r.title) in assurance, r.id
    assert ("Not charted here, because their monthly numbers are too small to publish: step-ups reviewed within 72 "
            "hours (assurance: consistently passing)") in assurance


def test_a_late_safeguarding_referral_says_whether_the_quarter_before_had_one(full):
    safety = next(p for p in full.summary.split("\n\n") if p.startswith("**Safety.**"))
    assert ("At least one safeguarding concern raised in 2026/27 Q2 was not referred by the next working day "
            "(as in 2026/27 Q1).") in safety


def test_a_complete_handover_and_late_ward_notice_are_told_apart(full):
    note = full.text.split("### Discharges followed up within 72 hours")[1].split("###")[0]
    assert ("(The ward's handover record was complete each time, which is what the handover measure counts; it "
            "was its late arrival that delayed the visit.)") in note


def test_a_signal_action_with_no_note_section_is_said_in_full_and_listed_in_the_plan(full):
    notes = {"safeguarding_timely": {"action": "Audit every late referral.", "owner": "Safeguarding lead",
                                     "due_on": "2026-11-15", "reason": "Cover gaps."}}
    title = {"safeguarding_timely": SimpleNamespace(title="Safeguarding concerns referred by the next working day")}
    # a note that has its own section under "Variance notes" is pointed to ...
    assert R.signal_action("safeguarding_timely", notes, title, {"safeguarding_timely"}).startswith(
        "the variance note on safeguarding concerns referred by the next working day gives the action")
    # ... one that has none is said in full, so the reader never looks for a note that is not there
    assert R.signal_action("safeguarding_timely", notes, title, set()) == (
        "the action recorded for it: audit every late referral (Safeguarding lead, by 15 November 2026)")
    plan = section(full.text, "Action plan")
    rows = table_rows(plan)
    sources = {r[0].split(":")[0]: r[4] for r in rows[1:]}
    assert sources["Readmissions within 30 days of discharge"] == "risks and issues"
    assert sources["Referrals received"] == "activity against plan"
    assert not any(r[0].startswith("Unplanned contacts attended") for r in rows)  # "none needed" is no action
    assert "(Actions from notes on indicators and activity are not in these counts.)" in plan


def test_a_partial_year_names_its_missed_target_with_its_base_and_the_checker_keeps_it(full, checker):
    """Sentences say '2026/27 to date' (the banner and header give the months): a month
    range inside a sentence was read by the checker as a period of its own, and the
    sentence naming the missed target was dropped as a mismatch."""
    review = R.assemble_review(full.db, "2026/27", checker=checker)
    assert not [e for e in review.edits if e.rule == "evidence.figure-mismatch"]
    assert review.period_text == "2026/27 (Apr-Sep 2026, to date: 6 of 12 months)"  # the header keeps the months
    line = next(p for p in review.markdown.split("\n\n") if p.startswith("**Targets.**"))
    assert re.search(r"Discharges followed up within 72 hours: below the 80% target in 2026/27 to date (at \d+% "
                     r"\(about \d+ of about \d+ eligible discharges in 2026/27 to date\)|\([^)]*too few to publish)",
                     line), line
