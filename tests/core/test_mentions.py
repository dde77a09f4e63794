"""evidencebot.mentions: figures, periods, denominators and baselines in a sentence."""

from __future__ import annotations

import pytest

from evidencebot import mentions as M


def kinds(sentence: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in M.figures(sentence)]


# -------------------------------------------------------------------- figures

def test_from_to_gives_value_baseline_unit_and_direction():
    (f,) = M.figures("Crisis presentations fell from 19% to 13.5% this year.")
    assert (f.kind, f.value, f.baseline, f.unit, f.direction, f.decimals) == ("from_to", 13.5, 19.0, "percent", "fall", 1)


def test_offsets_are_shifted_by_the_offset_given():
    s = "Waits rose by 30%."
    (f,) = M.figures(s, offset=100)
    assert (f.start, f.end) == (100 + s.index("rose"), 100 + s.index("%") + 1)
    assert (f.kind, f.value, f.unit, f.direction) == ("change", 30.0, "percent", "rise")


@pytest.mark.parametrize("sentence, expected", [
    ("37 of 45 people met a goal.", [("fraction", "37 of 45")]),
    ("It was 6.7 per 100 people.", [("rate", "6.7 per 100 people")]),
    ("Readmissions halved.", [("multiple", "halved")]),
    ("We saw 120 referrals.", [("count", "120 referrals")]),
    ("Most were seen within 48 hours.", [("standard", "within 48 hours")]),
    ("It was 82% (95% CI 53% to 82%).", [("percent", "82%")]),
    ("It fell by a quarter.", [("change", "fell by a quarter")]),
])
def test_each_kind_of_figure(sentence, expected):
    assert kinds(sentence) == expected


def test_a_fraction_larger_than_its_base_is_not_a_figure():
    assert M.figures("45 of 37 rooms") == []


def test_figures_do_not_overlap():
    found = M.figures("Falls dropped from 40% to 20% among 1,200 people (n=1,200).")
    spans = [(f.start, f.end) for f in found]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# -------------------------------------------------------------------- periods

@pytest.mark.parametrize("sentence, periods", [
    ("In 2025/26 Q3 it was 40%.", [("2025/26 Q3", None)]),
    ("Between Q1 and Q4 2025/26 waits fell.", [("Q4 2025/26", "2025/26 Q1")]),
    ("From Oct 2025 to Sep 2026 it rose.", [("Sep 2026", "Oct 2025")]),
    ("In May 2025 it was 40%.", [("May 2025", None)]),
    ("Over the last twenty-four months it fell.", [("last 24 months", None)]),
    ("In the past seven months it fell.", [("last 7 months", None)]),
    ("During the previous quarter it fell.", [("last quarter", None)]),
    ("In Q3 it was 40%.", []),  # a bare quarter names no year
    ("We may see it fall.", []),
])
def test_period_mentions(sentence, periods):
    assert [(m.text, m.other) for m in M.period_mentions(sentence)] == periods
    assert M.has_period(sentence) is bool(periods)


def test_period_offsets_point_into_the_sentence():
    s = "It fell in 2025/26 Q3 and again in 2026-q1."
    assert [s[m.start:m.end] for m in M.period_mentions(s)] == ["2025/26 Q3", "2026-q1"]


def test_figure_period_prefers_the_period_after_the_figure_in_its_clause():
    s = "In 2024/25 it was 40%; it was 78% in Oct 2025 to Sep 2026."
    found = M.figures(s)
    periods = M.period_mentions(s)
    assert [M.figure_period(s, 0, f, periods).text for f in found] == ["2024/25", "Sep 2026"]


# --------------------------------------------------------------- denominators

@pytest.mark.parametrize("sentence, base", [
    ("82% were seen (n=45).", 45),
    ("82% were seen (n ≈ 1,200).", 1200),
    ("82% were seen (base about 40).", 40),
    ("82% were seen (base of 40).", 40),
    ("73% (numerator about 160; denominator about 220).", 220),
    ("73%; the denominator was 220.", 220),
    ("73% (numerator: 160; denominator: 220)", 220),
    ("It was 73%: 160 of about 220.", 220),
    ("Most of 45 people were seen.", 45),
    ("37 of 45 met a goal.", 45),
    ("82% were seen.", None),
])
def test_denominator(sentence, base):
    assert M.denominator(sentence) == base


def test_denominator_uses_the_figures_given():
    s = "37 of 45 met a goal."
    assert M.denominator(s, M.figures(s)) == 45 and M.denominator(s, []) is None


# ------------------------------------------------------------------ baselines

@pytest.mark.parametrize("sentence, has", [
    ("It fell from 19% to 13%.", True),
    ("It was 13%, down from 19%.", True),
    ("It was 13% compared with 19% in 2024/25.", True),
    ("Between Q1 and Q4 2025/26 it fell to 13%.", True),
    ("It was 13% against a baseline of 19%.", True),
    ("It was higher than in 2024/25.", True),
    ("It was 13%.", False),
    ("We work against stigma every day.", False),
    ("It fell to 13% in 2025/26.", False),
])
def test_has_baseline(sentence, has):
    assert M.has_baseline(sentence) is has


# ------------------------------------------------------------------ direction

@pytest.mark.parametrize("sentence, direction", [
    ("Readmissions halved.", "fall"), ("Waits lengthened.", "rise"), ("It stayed the same.", None),
])
def test_direction_word(sentence, direction):
    assert M.direction_word(sentence) == direction


# ------------------------------------------------------------ periods asked for

@pytest.mark.parametrize("request_text, period", [
    ("show indicators for 2025/26 Q3", "2025/26 Q3"),
    ("indicators fy 2025-26, q2 please", "fy 2025-26, q2"),
    ("waits from Oct 2025 – Sep 2026", "Oct 2025 to Sep 2026"),
    ("how did we do over the last 6 months?", "last 6 months"),
    ("the current quarter", "this quarter"),
    ("may we see the figures", None),
])
def test_find_period_reads_a_request(request_text, period):
    found, span = M.find_period(request_text)
    assert found == period
    if period is not None:
        assert span is not None and " ".join(request_text[span[0]:span[1]].split()).lower().endswith(period.split()[-1].lower())
    else:
        assert span is None


@pytest.mark.parametrize("request_text, period, label", [
    # a manager asking for a quarter by its months got the last month alone ("September 2026")
    ("draft the contract review for July to September 2026", "July 2026 to September 2026", "2026-07..2026-09"),
    ("review for Jul-Sep 2026", "July 2026 to September 2026", "2026-07..2026-09"),
    ("the quarter ending September 2026", "July 2026 to September 2026", "2026-07..2026-09"),
    ("indicators for the year to March 2026", "April 2025 to March 2026", "2025-04..2026-03"),
    ("the 12 months to September 2026", "October 2025 to September 2026", "2025-10..2026-09"),
    ("winter: November to February 2026", "November 2025 to February 2026", "2025-11..2026-02"),
])
def test_find_period_reads_months_that_share_one_year(request_text, period, label):
    from evidencebot.metrics.periods import parse_period

    found, span = M.find_period(request_text)
    assert found == period
    assert request_text[span[0]:span[1]].endswith(period.split()[-1])
    assert parse_period(found).label == label


@pytest.mark.parametrize("sentence, periods", [
    ("Crisis events were 21 per 100 people in Jul-Sep 2026, against 18 in Apr-Jun 2026.",
     ["2026-07..2026-09", "2026-04..2026-06"]),
    ("From July to September 2026 the rate held.", ["2026-07..2026-09"]),
    ("Over Nov–Feb 2026 it rose.", ["2025-11..2026-02"]),
    ("It rose between Oct 2025 and Sep 2026.", ["Sep 2026"]),  # a pair of periods stays a pair
])
def test_months_of_one_year_in_prose_are_one_period(sentence, periods):
    assert [m.text for m in M.period_mentions(sentence)] == periods


def test_find_period_and_parse_period_agree():
    import datetime

    from evidencebot.metrics.periods import parse_period

    for request_text in ("indicators for 2025/26 Q3", "show Oct 2025 to Sep 2026", "last 6 months", "this quarter"):
        found, _ = M.find_period(request_text)
        assert found is not None
        period = parse_period(found, latest=datetime.date(2026, 11, 30))
        assert period.start <= period.end
