"""`check --db` knows the contract review's own figures (issue 14): contract targets from the
targets table, recorded workforce and plan figures, the derived waiting-time share, a base
written as "numerator about N; denominator about D", a duration inside an indicator's name,
and the catalogue's own definitions. Each is accepted only as what it is: a different value
is still a finding."""

from __future__ import annotations

import pytest

from evidencebot.evidence.verify import EvidenceChecker, stated_base


@pytest.fixture(scope="module")
def checker(demo_factory):
    from evidencebot.store.db import connect

    db = connect(demo_factory(people=120, months=24, end="2026-09"))
    yield EvidenceChecker(db, external=True)
    db.close()


def rules(checker, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in checker.check(text).findings]


def test_a_contract_target_is_read_as_the_target(checker):
    text = ("Discharges followed up within 72 hours: below the 80% target in 2026/27 Q2. "
            "The contract target is at least 80%, and it was also not met in 2026/27 Q1.")
    report = checker.check(text)
    assert report.findings == []
    assert {p.definition for p in report.provenance} == {"contract target"}
    # a figure next to 'target' that is no stored target is still checked
    assert rules(checker, "Discharges followed up within 72 hours: below the 85% target in 2026/27 Q2.")


def test_recorded_workforce_figures_are_known(checker):
    text = ("At the end of 2026/27 Q2: 12.6 of 14 funded posts filled (whole-time equivalent); sickness "
            "absence 5.1% of working days; 34 of 40 supervision sessions held.")
    assert rules(checker, text) == []
    assert ("evidence.figure-unsupported", "6.3%") in rules(
        checker, "At the end of 2026/27 Q2 sickness absence was 6.3% of working days across the team.")


def test_the_waiting_time_share_is_a_derived_figure(checker):
    from evidencebot.compose.gather import waiting_times
    from evidencebot.metrics.periods import parse_period

    waits = waiting_times(checker.db, parse_period("2026/27 Q2"), checker.latest)
    share = round(100 * waits.within_14 / waits.seen)
    sentence = ("Of the people referred in 2026/27 Q2, most had an attended first contact by 30 September 2026; "
                f"{share}% of those seen were seen within 14 days.")
    report = checker.check(sentence)
    assert report.findings == []
    assert report.provenance[0].numerator == waits.within_14 and report.provenance[0].denominator == waits.seen
    wrong = sentence.replace(f"{share}%", f"{(share + 20) % 100}%")
    assert rules(checker, wrong)


@pytest.mark.parametrize("period, written", [
    ("2025-04..2026-03", "Apr 2025 to Mar 2026"),  # a review for 12 months asked by their months
    ("2026-07..2026-09", "Jul-Sep 2026"),          # a quarter asked by its months
])
def test_the_waiting_time_share_for_a_span_of_months_is_the_derived_figure(checker, period, written):
    # the cohort's period was read by a regex of its own that knew '2026/27 Q2' and 'March 2026' but not a span,
    # so our own year review's '94% of those seen were seen within 14 days' was 'unsupported'
    from evidencebot.compose.gather import waiting_times
    from evidencebot.metrics.periods import parse_period

    waits = waiting_times(checker.db, parse_period(period), checker.latest)
    share = round(100 * waits.within_14 / waits.seen)
    sentence = (f"Of the people referred in {written}, most had an attended first contact by 30 September 2026; "
                f"{share}% of those seen were seen within 14 days.")
    report = checker.check(sentence)
    assert report.findings == []
    assert report.provenance[0].denominator == waits.seen
    assert rules(checker, sentence.replace(f"{share}%", f"{(share + 20) % 100}%"))


def test_numerator_and_denominator_about_n_is_a_base():
    assert stated_base("**78%** (numerator about 100; denominator about 130; 95% CI 70% to 84%)") == 130
    assert stated_base("(numerator 160; denominator 220)") == 220
    assert stated_base("12 of about 95 people") == 95
    assert stated_base("78% in 2026/27 Q2") is None


def test_the_appendix_line_and_definition_give_no_finding(checker):
    text = ("People escalating less often than at onboarding in 2026/27 Q2: **78%** (numerator about 100; "
            "denominator about 130; 95% CI 70% to 84%). SPC verdict: Common cause.\n\n"
            "*Definition.* Of the people with at least one crisis event started in the period, the percentage with "
            "two or more crisis episodes started in the period. An episode is a run of crisis events in which each "
            "event starts no more than 7 days after the last day (the end date, else the start date) of the events "
            "before it; an event starting more than 7 days later starts a new episode.")
    found = rules(checker, text)
    assert not [r for r in found if r[0] in ("evidence.missing-denominator", "evidence.missing-period")], found


def test_a_duration_in_an_indicator_name_is_not_a_figure(checker):
    text = ("Transitions completed with planned support (12 weeks) is in the table. "
            "People with no attended contact in the last 8 weeks are followed up.")
    assert not [m for r, m in rules(checker, text) if m in ("12 weeks", "8 weeks")]
    # a duration that is a result still needs its period
    assert ("evidence.missing-period", "21.9 hours") in rules(
        checker, "Hours from escalation to clinical review (median) came to 21.9 hours for the whole team.")
