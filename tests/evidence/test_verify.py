"""Claims in drafts checked against a hand-built service (see fixture_claims)."""

from __future__ import annotations

import datetime as dt

import pytest

from evidencebot.evidence.facts import add_fact
from evidencebot.evidence.verify import check_evidence

from .fixture_claims import build


@pytest.fixture
def service(db):
    build(db)
    return db


def rules(report):
    return [f.rule for f in report.findings]


def test_true_figure_passes_with_provenance(service):
    report = check_evidence(service, "In 2025/26 Q3, 8 of 10 discharges were followed up within 72 hours.")
    assert rules(report) == []
    [prov] = report.provenance
    assert (prov.indicator, prov.period, prov.numerator, prov.denominator) == ("followup_72h", "2025/26 Q3", 8, 10)
    assert prov.value == pytest.approx(80.0)
    assert "72" in prov.definition or "three" in prov.definition.lower() or "3" in prov.definition


def test_wrong_figure_is_flagged_with_the_true_value(service):
    text = "In 2025/26 Q3, 90% of discharges were followed up within 72 hours (n = 10)."
    report = check_evidence(service, text)
    [finding] = [f for f in report.findings if f.rule == "evidence.figure-mismatch"]
    assert finding.severity == "error"
    assert "80%" in finding.message and "8 of 10" in finding.message and "2025/26 Q3" in finding.message
    assert text[finding.start:finding.end] == "90%"
    assert finding.suggestions == ["80%"]


@pytest.mark.parametrize("figure,ok", [("13%", True), ("13.3%", True), ("13.33%", True), ("13.4%", False), ("14%", False), ("12%", False)])
def test_rounding_within_the_reported_precision(service, figure, ok):
    # 4 of 30 = 13.333...%
    report = check_evidence(service, f"Missed appointments were {figure} of planned contacts in 2025/26 Q3 (n = 30).")
    assert ("evidence.figure-mismatch" not in rules(report)) is ok


@pytest.mark.parametrize(
    "period",
    ["in 2025/26 Q3", "in Q3 2025/26", "in 2025-Q4", "in Q4 2025", "in 2025-10..2025-12", "last quarter"],
)
def test_every_period_form_resolves_to_the_same_quarter(service, period):
    # Oct-Dec 2025 is 2025/26 Q3 and calendar 2025-Q4; "last quarter" is the last complete
    # quarter before the latest data (2026-03-10), which is also Oct-Dec 2025.
    report = check_evidence(service, f"Missed appointments were 13.3% of planned contacts {period} (n = 30).")
    assert rules(report) == []
    assert report.provenance[0].numerator == 4 and report.provenance[0].denominator == 30


def test_month_period(service):
    # November 2025: 2 of 10 planned contacts were missed.
    assert rules(check_evidence(service, "In November 2025, 20% of planned contacts were missed appointments (n = 10).")) == []
    assert "evidence.figure-mismatch" in rules(check_evidence(service, "In November 2025, 10% of planned contacts were missed appointments (n = 10)."))


def test_reduction_on_common_cause_is_within_noise(service):
    text = "Missed appointments fell from 16.7% to 13.3% of planned contacts between 2025/26 Q2 and 2025/26 Q3."
    report = check_evidence(service, text)
    assert "evidence.figure-mismatch" not in rules(report)
    [noise] = [f for f in report.findings if f.rule == "evidence.change-within-noise"]
    assert noise.severity == "warning"
    assert any("similar to 2025/26 Q2" in s for s in noise.suggestions)
    assert any("within normal variation" in s for s in noise.suggestions)


def test_reduction_with_special_cause_improvement_is_supported(service):
    text = ("The median escalation-to-review time fell from 60 hours to 20 hours "
            "between 2024/25 Q3 and 2025/26 Q3.")
    report = check_evidence(service, text)
    assert "evidence.change-within-noise" not in rules(report)
    assert "evidence.figure-mismatch" not in rules(report)
    [note] = [f for f in report.findings if f.rule == "evidence.change-supported"]
    assert note.severity == "suggestion" and "improvement" in note.message
    assert report.provenance and report.provenance[0].indicator == "escalation_review_hours"


def test_wrong_baseline_in_from_to_is_a_mismatch(service):
    report = check_evidence(service, "The median escalation-to-review time fell from 80 hours to 20 hours between 2024/25 Q3 and 2025/26 Q3.")
    assert "evidence.figure-mismatch" in rules(report)


def test_figure_without_period(service):
    report = check_evidence(service, "Missed appointments fell by 30%.")
    assert rules(report) == ["evidence.missing-period"]


def test_small_denominator(service):
    report = check_evidence(service, "In 2025/26 Q2, 100% of discharges were followed up within 72 hours.")
    assert "evidence.small-denominator" in rules(report)
    assert "evidence.figure-mismatch" not in rules(report)


def test_missing_denominator_is_a_suggestion(service):
    report = check_evidence(service, "In 2025/26 Q3, 80% of discharges were followed up within 72 hours.")
    [f] = report.findings
    assert (f.rule, f.severity) == ("evidence.missing-denominator", "suggestion")
    assert "8 of 10" in f.message


def test_unsupported_figure_then_a_registered_fact(service):
    text = "Satisfaction with the service was 94% in 2025/26 Q3."
    assert rules(check_evidence(service, text)) == ["evidence.figure-unsupported"]
    add_fact(service, "Service user survey satisfaction", value=94, unit="percent",
             source="Annual survey 2025", source_date="2025-12-15")
    report = check_evidence(service, text, today=dt.date(2026, 1, 10))
    assert rules(report) == []
    assert report.provenance[0].source.startswith("Annual survey 2025")
    stale = check_evidence(service, text, today=dt.date(2027, 1, 10))
    assert rules(stale) == ["evidence.fact-stale"]


def test_external_document_must_not_quote_small_counts(service):
    text = "In 2025/26 Q3, 3 people had a crisis event."
    assert "evidence.suppressed-disclosed" not in rules(check_evidence(service, text))
    assert "evidence.suppressed-disclosed" in rules(check_evidence(service, text, external=True))


def test_a_span_of_months_is_one_period_and_comparisons_take_their_own(service):
    # Jul-Dec 2025: DNAs 2+1+2+1+2+1 = 9 of 60 = 15%; Jan-Jun 2025: 1+2+1+2+1+2 = 9 of 60 = 15% too.
    text = ("Missed appointments were 15% of planned contacts in Jul 2025 to Dec 2025 (95% CI 8% to 26%), "
            "compared with 15% in Jan 2025 to Jun 2025.")
    report = check_evidence(service, text)
    assert [f.rule for f in report.findings if f.severity != "suggestion"] == []
    assert [(p.period, p.numerator, p.denominator) for p in report.provenance] == [
        ("2025-07..2025-12", 9, 60), ("2025-01..2025-06", 9, 60)]
    wrong = check_evidence(service, text.replace("compared with 15%", "compared with 25%"))
    assert [f.rule for f in wrong.findings if f.severity != "suggestion"] == ["evidence.figure-mismatch"]
    assert "25%" in [f.match for f in wrong.findings if f.rule == "evidence.figure-mismatch"]


def test_table_cells_are_not_unsupported_sentences(service):
    assert rules(check_evidence(service, "22.2 per 100 people")) == []
    assert rules(check_evidence(service, "Satisfaction with the service was 94% in 2025/26 Q3.")) == ["evidence.figure-unsupported"]
