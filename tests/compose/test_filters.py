"""Filters: figures, suppression and careful descriptions of change."""

from __future__ import annotations

import pytest

from evidencebot.compose import filters as F
from evidencebot.metrics.results import IndicatorResult


def result(**kw):
    base = dict(
        id="followup_72h", title="Discharges followed up within 72 hours", domain="stability",
        period="2025/26 Q3", value=78.2, unit="percent", numerator=92, denominator=118,
        ci_low=70.0, ci_high=84.6, compare_period="2025/26 Q2", compare_value=75.0,
        direction="increase", suppressed=False,
        spc={"verdict": "common_cause", "rule": None, "points": 24, "trial": False},
        definition="Of the eligible discharges...",
    )
    base.update(kw)
    return IndicatorResult(**base)


@pytest.mark.parametrize(
    "value, unit, expected",
    [(63.24, "percent", "63%"), (4.25, "per_100", "4.2 per 100 people"), (14.0, "hours", "14 hours"),
     (1, "days", "1 day"), (3.5, "days", "3.5 days"), (52.13, "score", "52.1"), (135.4, "per_100", "135 per 100 people"),
     (None, "percent", "n/a")],
)
def test_rate_formats_each_unit(value, unit, expected):
    assert F.rate(value, unit) == expected


@pytest.mark.parametrize("n, shown", [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (7, "5"), (8, "10"), (12, "10"), (13, "15"), (1234, "1,235")])
def test_suppression_hides_small_counts_and_rounds_the_rest(n, shown):
    assert F.suppress(n) == shown


def test_count_prose_and_counts_already_published():
    assert F.count_prose(3) == "fewer than 5"
    assert F.count_prose(83) == "about 85"
    assert F.count_prose(83, external=False) == "83"
    assert F.count("<5") == "<5"              # a result's published text passes through
    assert F.count_prose("15") == "about 15"


@pytest.mark.parametrize(
    "verdict, must, must_not",
    [
        ("improvement", ["special-cause improvement", "3 months in a row above the mean"], ["normal variation", "3 points"]),
        ("concern", ["special-cause concern"], ["improvement"]),
        ("common_cause", ["common-cause variation only"], ["improv", "reduc", "increas"]),
        ("too_few_points", ["too few points on its current limits to judge change"], ["improv", "normal variation"]),
    ],
)
def test_change_wording_follows_the_verdict(verdict, must, must_not):
    r = result(spc={"verdict": verdict, "rule": "3 points above the mean (shift)", "points": 24})
    text = F.change(r)
    for word in must:
        assert word in text
    for word in must_not:
        assert word not in text
    assert "(shift)" not in text  # the rule code is not repeated in brackets


def test_describe_gives_direction_and_verdict_in_separate_sentences():
    text = F.describe(result(), "Oct to Dec 2025", "Jul to Sep 2025", external=False)
    assert text == (
        "For discharges followed up within 72 hours, the figure for Oct to Dec 2025 was 78% "
        "(92 of 118; 95% CI 70% to 85%), up from 75% in Jul to Sep 2025. The monthly chart shows "
        "common-cause variation only, so the difference is not evidence of a change."
    )
    external = F.describe(result(numerator="90", denominator="120"), "Q3")
    assert "(base about 120; 95% CI 70% to 85%)" in external  # rounded counts never sit side by side


def test_suppressed_figure_is_not_shown():
    r = result(value=None, ci_low=None, ci_high=None, suppressed=True, numerator="<5", denominator="<5")
    text = F.describe(r, "Q3")
    assert "too small to publish" in text and "%" not in text.replace("95%", "")
    # hidden for a small complement or a small base too, so it never claims "fewer than 5 cases"
    assert "too small to publish" in F.brief(r, "Q3")
    assert "fewer than 5 cases" not in F.brief(r, "Q3")


def test_trial_limits_and_change_rules_read_plainly():
    r = result(spc={"verdict": "improvement", "points": 20, "trial": True,
                    "rule": "point below the lower process limit, since the service change on 2025-07"})
    text = F.change(r)
    assert "point below the lower process limit, since the service change in July 2025" in text
    assert "trial limits" in text
    assert text.count("(") == text.count(")")
    # a step at a recorded change is said without a direction word or a verdict
    r = result(spc={"verdict": "common_cause", "points": 24, "step_change": {"change": "2025-07", "level_shift": -1}})
    step = F.chart_text(r).split(". ")[-1]
    assert step.startswith("Since the service change in July 2025, the level of the monthly chart lies beyond")
    assert "improvement" not in step and "down" not in step


def test_moves_compare_formatted_figures():
    assert F.move(result(value=75.2, compare_value=74.9)) == "same"
    assert F.move(result(value=80.0)) == "up"
    assert F.move(result(value=70.0)) == "down"
    assert F.move(result(compare_value=None)) == "none"


def test_lower_first_leaves_names_and_acronyms():
    assert F.lower_first("Two DNAs were missed") == "two DNAs were missed"
    assert F.lower_first("Flag not visible") == "Flag not visible"
    assert F.lower_first("S. kept the tenancy") == "S. kept the tenancy"
    assert F.title_lower("SWEMWBS change") == "SWEMWBS change"
    assert F.title_lower("People with a plan") == "people with a plan"


def test_user_phrasebank_replaces_change_phrases(isolated_home):
    from evidencebot import locations
    from evidencebot.errors import ConfigError

    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True)
    (folder / "change_phrases.yaml").write_text("verdicts: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="verdicts.improvement"):
        F.change(result())
