"""Figures, periods and indicators found in prose, with exact offsets."""

from __future__ import annotations

import pytest

from evidencebot.evidence.extract import extract_claims, sentences


def one(text):
    claims = extract_claims(text)
    assert len(claims) == 1, claims
    return claims[0]


def test_from_to_with_period_range_and_indicator():
    c = one("Missed appointments fell from 19% to 13% of planned contacts between Q1 and Q4 2025/26.")
    f = c.figures[0]
    assert (f.kind, f.baseline, f.value, f.unit, f.direction) == ("from_to", 19.0, 13.0, "percent", "fall")
    assert c.indicator == "dna_rate"
    assert (c.period_text, c.compare_text) == ("Q4 2025/26", "2025/26 Q1")
    assert c.has_baseline and c.has_period


def test_bare_percentage_change_has_no_context():
    c = one("DNAs fell by 30%.")
    f = c.figures[0]
    assert (f.kind, f.value, f.unit, f.direction) == ("change", 30.0, "percent", "fall")
    assert c.indicator == "dna_rate"
    assert not c.has_period and not c.has_baseline and c.denominator is None


def test_fraction_gives_numerator_and_denominator():
    c = one("In 2025/26 Q3, 37 of 45 discharges were followed up within 72 hours.")
    f = c.figures[0]
    assert (f.numerator, f.denominator) == (37, 45)
    assert f.value == pytest.approx(82.22, abs=0.01)
    assert c.indicator == "followup_72h" and c.period_text == "2025/26 Q3"
    assert c.denominator == 45
    # "within 72 hours" is the standard's name, not a second result figure.
    assert [x.kind for x in c.figures] == ["fraction", "standard"]


def test_rate_per_100_and_decimals():
    c = one("There were 6.7 crisis events per 100 people on the caseload in 2026-Q1.")
    f = c.figures[0]
    assert (f.kind, f.value, f.unit, f.decimals) == ("rate", 6.7, "per_100", 1)
    assert c.indicator == "crisis_rate" and c.period_text == "2026-Q1"


@pytest.mark.parametrize(
    "text,direction,value",
    [
        ("Readmissions halved last year.", "fall", 50.0),
        ("Step-ups doubled in 2025/26.", "rise", 100.0),
        ("Repeat crisis use fell by a quarter in 2025/26.", "fall", 25.0),
    ],
)
def test_word_changes(text, direction, value):
    c = one(text)
    assert c.direction == direction
    assert c.figures[0].value == pytest.approx(value)


def test_relative_period_is_normalised():
    c = one("Over the past six months, 81% of discharges were followed up within 48 hours.")
    assert c.period_text == "last 6 months"
    assert c.indicator == "followup_48h"


def test_offsets_point_into_the_original_text():
    text = "Intro line without figures.\n\nThe median escalation-to-review time was 20 hours in March 2026."
    c = one(text)
    f = c.figures[0]
    assert text[f.start:f.end] == "20 hours"
    assert text[c.start:c.end].startswith("The median")
    assert c.period_text == "March 2026"


def test_sentences_keep_decimals_and_split_properly():
    text = "The rate was 6.7 per 100. It fell. \"Quoted.\" Next one"
    parts = [text[a:b] for a, b in sentences(text)]
    assert parts == ["The rate was 6.7 per 100.", "It fell.", "\"Quoted.\"", "Next one"]


def test_text_without_figures_has_no_claims():
    assert extract_claims("Our aim is to lower repeat presentations. A duty worker calls back the same day.") == []


def test_user_vocabulary_overrides_the_shipped_one(isolated_home):
    folder = isolated_home / "config" / "phrasebank"
    folder.mkdir(parents=True)
    (folder / "indicator_terms.yaml").write_text("dna_rate:\n  - no-shows\n")
    c = one("No-shows were 12% in 2026-Q1.")
    assert c.indicator == "dna_rate" and c.indicator_term == "no-shows"


def test_each_figure_takes_the_period_nearest_it():
    c = one("For follow-up within 72 hours, the figure for Oct 2025 to Sep 2026 was 69% (base about 35; "
            "95% CI 53% to 82%), compared with 78% in Oct 2024 to Sep 2025.")
    results = [f for f in c.figures if f.kind != "standard"]  # "within 72 hours" names the standard
    assert [f.text for f in results] == ["69%", "78%"]  # the interval is not a figure of its own
    now, before = results
    assert (now.period_from, now.period_text) == ("Oct 2025", "Sep 2026")
    assert (before.period_from, before.period_text) == ("Oct 2024", "Sep 2025")


def test_spc_descriptions_are_not_fractions():
    assert extract_claims("The shift rule fired: 12 of 12 points below the pre-change mean.") == []
