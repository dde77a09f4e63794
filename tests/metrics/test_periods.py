"""Reporting periods: every accepted form, the relative forms and the errors."""

from __future__ import annotations

import datetime as dt

import pytest

from evidencebot.errors import InputError
from evidencebot.metrics.periods import (
    ACCEPTED_FORMS,
    Period,
    fy_period,
    fy_quarter_period,
    month_period,
    parse_period,
    quarter_period,
)

D = dt.date


def span(p: Period) -> tuple[dt.date, dt.date, str, str]:
    return (p.start, p.end, p.kind, p.label)


# ---------------------------------------------------------------- fixed forms


@pytest.mark.parametrize(
    "text",
    ["2026-03", " 2026-03 ", "2026-3", "Mar 2026", "march 2026", "MARCH  2026", "mar-2026", "Mar. 2026"],
)
def test_month_forms(text):
    assert span(parse_period(text)) == (D(2026, 3, 1), D(2026, 3, 31), "month", "2026-03")


def test_month_lengths_and_leap_years():
    assert parse_period("2024-02").end == D(2024, 2, 29)
    assert parse_period("2025-02").end == D(2025, 2, 28)
    assert parse_period("2025-12").end == D(2025, 12, 31)
    assert parse_period("sept 2025").label == "2025-09"


@pytest.mark.parametrize("text", ["2026-Q1", "2026-q1", "2026 Q1", "2026Q1", "Q1 2026", "q1-2026"])
def test_calendar_quarter_forms(text):
    assert span(parse_period(text)) == (D(2026, 1, 1), D(2026, 3, 31), "quarter", "2026-Q1")


def test_calendar_quarter_four():
    assert span(parse_period("2025-Q4")) == (D(2025, 10, 1), D(2025, 12, 31), "quarter", "2025-Q4")


@pytest.mark.parametrize(
    "text", ["2025/26", "2025-26", "FY2025/26", "fy 2025/26", "2025 / 26", "2025/2026", "2025-2026"]
)
def test_financial_year_forms(text):
    assert span(parse_period(text)) == (D(2025, 4, 1), D(2026, 3, 31), "fy", "2025/26")


def test_financial_year_across_the_century():
    p = parse_period("1999/00")
    assert (p.start, p.end, p.label) == (D(1999, 4, 1), D(2000, 3, 31), "1999/00")
    assert parse_period("2009/10").label == "2009/10"


@pytest.mark.parametrize("text", ["2025/27", "2025/25", "2025-2027", "FY2025/24"])
def test_financial_year_second_part_must_follow(text):
    with pytest.raises(InputError, match="second year must follow"):
        parse_period(text)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2025/26 Q1", D(2025, 4, 1), D(2025, 6, 30)),
        ("2025/26 Q2", D(2025, 7, 1), D(2025, 9, 30)),
        ("2025/26 Q3", D(2025, 10, 1), D(2025, 12, 31)),
        ("2025/26 Q4", D(2026, 1, 1), D(2026, 3, 31)),
    ],
)
def test_financial_quarters(text, start, end):
    p = parse_period(text)
    assert span(p) == (start, end, "fy_quarter", text)


@pytest.mark.parametrize(
    "text", ["2025/26 Q3", "2025/26Q3", "2025/26   q3", "2025-26 Q3", "FY2025/26 Q3", "Q3 2025/26", "q3 fy2025/26"]
)
def test_financial_quarter_forms(text):
    assert span(parse_period(text)) == (D(2025, 10, 1), D(2025, 12, 31), "fy_quarter", "2025/26 Q3")


def test_month_wins_over_financial_year_when_both_could_apply():
    # 2011-12 is December 2011; 2011/12 is the financial year
    assert parse_period("2011-12").kind == "month"
    assert parse_period("2011/12").kind == "fy"


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "text", ["2025-04..2026-03", "2025-04 .. 2026-03", "Apr 2025 to Mar 2026", "2025-04 to 2026-03"]
)
def test_range_forms(text):
    p = parse_period(text)
    assert span(p) == (D(2025, 4, 1), D(2026, 3, 31), "range", "2025-04..2026-03")
    assert len(p.months()) == 12


def test_range_of_quarters_and_years():
    p = parse_period("2025-Q3..2025/26 Q4")
    assert (p.start, p.end, p.label) == (D(2025, 7, 1), D(2026, 3, 31), "2025-07..2026-03")


def test_single_month_range():
    assert parse_period("2026-03..2026-03").months() == [(2026, 3)]


def test_range_must_run_forwards():
    with pytest.raises(InputError, match="starts after it ends"):
        parse_period("2026-03..2025-04")


def test_range_with_a_bad_end():
    with pytest.raises(InputError, match="2026-13"):
        parse_period("2025-04..2026-13")


# ---------------------------------------------------------------- relative forms

LATEST = D(2026, 3, 15)  # in March 2026, which is 2025/26 Q4 and 2026-Q1


def test_last_n_months_ends_with_the_latest_month():
    p = parse_period("last 6 months", latest=LATEST)
    assert (p.start, p.end, p.kind) == (D(2025, 10, 1), D(2026, 3, 31), "relative")
    assert p.months() == [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)]
    assert p.label == "last 6 months (2025-10..2026-03)"
    assert str(p) == p.label


@pytest.mark.parametrize("text", ["Last 6 Months", "past 6 months", "  last   6  months ", "the last 6 months"])
def test_last_n_months_spellings(text):
    assert parse_period(text, latest=LATEST).start == D(2025, 10, 1)


def test_last_one_month_and_last_twelve():
    assert parse_period("last 1 month", latest=LATEST).months() == [(2026, 3)]
    year = parse_period("last 12 months", latest=LATEST)
    assert (year.start, year.end) == (D(2025, 4, 1), D(2026, 3, 31))


def test_last_year_is_a_rolling_twelve_months():
    p = parse_period("last year", latest=D(2026, 1, 20))
    assert (p.start, p.end, p.kind) == (D(2025, 2, 1), D(2026, 1, 31), "relative")


def test_this_and_last_month():
    assert parse_period("this month", latest=LATEST).label == "2026-03"
    assert parse_period("last month", latest=LATEST).label == "2026-02"
    assert parse_period("last month", latest=D(2026, 1, 1)).label == "2025-12"
    assert parse_period("last month", latest=D(2026, 1, 31)).label == "2026-01"
    assert parse_period("last month", latest=D(2026, 2, 28)).label == "2026-02"


def test_this_and_last_quarter():
    this = parse_period("this quarter", latest=LATEST)
    assert (this.label, this.kind) == ("2026-Q1", "quarter")
    last = parse_period("last quarter", latest=LATEST)
    assert span(last) == (D(2025, 10, 1), D(2025, 12, 31), "quarter", "2025-Q4")
    # data that end on a quarter's last day cover that quarter: it is the last complete one
    assert parse_period("last quarter", latest=D(2026, 3, 31)).label == "2026-Q1"
    assert parse_period("last quarter", latest=D(2026, 3, 30)).label == "2025-Q4"
    assert parse_period("last quarter", latest=D(2026, 4, 1)).label == "2026-Q1"
    assert parse_period("last quarter", latest=D(2026, 9, 30)).label == "2026-Q3"


def test_this_and_last_financial_year():
    assert parse_period("this financial year", latest=LATEST).label == "2025/26"
    assert parse_period("last financial year", latest=LATEST).label == "2024/25"
    # April starts a new financial year
    assert parse_period("this financial year", latest=D(2026, 4, 1)).label == "2026/27"
    assert parse_period("this FY", latest=D(2026, 3, 31)).label == "2025/26"
    assert parse_period("last fy", latest=D(2026, 4, 30)).label == "2025/26"
    assert parse_period("last financial year", latest=D(2026, 3, 31)).label == "2025/26"
    assert parse_period("last financial year", latest=D(2026, 3, 30)).label == "2024/25"


def test_latest_may_be_a_datetime():
    assert parse_period("this month", latest=dt.datetime(2026, 3, 31, 23, 59)).label == "2026-03"


@pytest.mark.parametrize("text", ["last 6 months", "last quarter", "this month", "last financial year"])
def test_relative_needs_the_latest_data_date(text):
    with pytest.raises(InputError, match="latest data"):
        parse_period(text)


def test_last_zero_months_is_an_error():
    with pytest.raises(InputError, match="at least 1"):
        parse_period("last 0 months", latest=LATEST)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "text, why",
    [
        ("2026-13", "month 13"),
        ("2026-00", "month 00"),
        ("2026-Q5", "Q5"),
        ("Q0 2026", "Q0"),
        ("2025/26 Q5", "Q5"),
        ("Foo 2026", ""),
        ("next year", ""),
        ("", "empty"),
        ("2026", "calendar 2026-01..2026-12"),
    ],
)
def test_bad_periods_show_the_accepted_forms(text, why):
    with pytest.raises(InputError) as info:
        parse_period(text)
    message = str(info.value)
    assert why in message
    assert "2025/26 Q3" in message and "last 6 months" in message and "2025-04..2026-03" in message


def test_accepted_forms_lists_every_kind():
    for example in ("2026-03", "2026-Q1", "2025/26", "2025/26 Q3", "2025-04..2026-03", "last 6 months"):
        assert example in ACCEPTED_FORMS


# ---------------------------------------------------------------- Period methods


@pytest.mark.parametrize(
    "text, previous",
    [
        ("2026-03", "2026-02"),
        ("2026-01", "2025-12"),
        ("2026-Q1", "2025-Q4"),
        ("2025-Q3", "2025-Q2"),
        ("2025/26", "2024/25"),
        ("2000/01", "1999/00"),
        ("2025/26 Q3", "2025/26 Q2"),
        ("2025/26 Q1", "2024/25 Q4"),
        ("2025/26 Q4", "2025/26 Q3"),
        ("2025-04..2026-03", "2024-04..2025-03"),
        ("2025-11..2026-01", "2025-08..2025-10"),
    ],
)
def test_previous_keeps_the_style(text, previous):
    p = parse_period(text)
    prev = p.previous()
    assert prev.label == previous
    assert prev.kind == p.kind
    assert len(prev.months()) == len(p.months())
    assert prev.end == p.start - dt.timedelta(days=1)


def test_previous_of_a_relative_window_is_a_range_of_equal_length():
    p = parse_period("last 6 months", latest=LATEST)
    prev = p.previous()
    assert (prev.label, prev.kind) == ("2025-04..2025-09", "range")
    assert prev.end == D(2025, 9, 30)


def test_previous_of_resolved_relative_forms():
    assert parse_period("last quarter", latest=LATEST).previous().label == "2025-Q3"
    assert parse_period("this financial year", latest=LATEST).previous().label == "2024/25"


def test_months_and_contains():
    p = parse_period("2025/26 Q4")
    assert p.months() == [(2026, 1), (2026, 2), (2026, 3)]
    assert p.n_months == 3
    assert p.contains(D(2026, 1, 1)) and p.contains(D(2026, 3, 31))
    assert not p.contains(D(2025, 12, 31)) and not p.contains(D(2026, 4, 1))
    assert p.contains(dt.datetime(2026, 3, 31, 18, 0))
    fy = parse_period("2025/26")
    assert fy.months()[0] == (2025, 4) and fy.months()[-1] == (2026, 3) and len(fy.months()) == 12


def test_str_is_the_label_and_periods_are_values():
    assert str(parse_period("Q3 2025/26")) == "2025/26 Q3"
    assert parse_period("2026-03") == month_period(2026, 3)
    assert parse_period("2026-Q1") == quarter_period(2026, 1)
    assert parse_period("2025/26") == fy_period(2025)
    assert parse_period("2025/26 Q2") == fy_quarter_period(2025, 2)
    assert len({parse_period("2026-03"), parse_period("March 2026")}) == 1
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_period("2026-03").label = "x"  # frozen


def test_describe():
    assert parse_period("2026-03").describe() == "March 2026"
    assert parse_period("2025/26 Q3").describe() == "Oct-Dec 2025 (2025/26 Q3)"
    assert parse_period("2025/26").describe() == "Apr 2025 to Mar 2026 (2025/26)"


def test_month_helpers():
    from evidencebot.metrics.periods import add_months, month_end

    assert add_months(2026, 1, -1) == (2025, 12)
    assert add_months(2025, 12, 1) == (2026, 1)
    assert add_months(2025, 4, -27) == (2023, 1)
    assert month_end(2024, 2) == D(2024, 2, 29)


def test_describe_ranges_and_windows():
    assert parse_period("2025-04..2026-03").describe() == "Apr 2025 to Mar 2026"
    assert parse_period("last 3 months", latest=LATEST).describe() == "Jan-Mar 2026"


@pytest.mark.parametrize("text, years", [
    ("2026/27 Q2", "2026/27"),
    ("2026-07..2026-09", "2026/27"),
    ("2026-01..2026-03", "2025/26"),
    ("2025-11..2026-06", "2025/26 and 2026/27"),
    ("2024-10..2026-09", "2024/25 and 2025/26 and 2026/27"),
])
def test_financial_years_of_a_period(text, years):
    # a contract review asked for by months asked the commissioner for 'the activity plan for 2026-07..2026-09'
    # (the first word of the period's label); plans are set per financial year
    from evidencebot.metrics.periods import financial_years

    assert financial_years(parse_period(text)) == years
