"""Periods past the data (issue 14, item 1): partial periods are marked and compared
like with like; a period wholly after the data is refused; an incomplete month is
left out of the SPC series; "previous quarter" is never "this quarter"."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.errors import InputError
from evidencebot.metrics import indicators as ind
from evidencebot.metrics.periods import cover, parse_period, year_earlier


@pytest.fixture(scope="module")
def demo(tmp_path_factory, default_demo):
    import shutil

    from evidencebot.store.db import connect

    # the default demo, 400 people, 24 months to 2026-09 (data to 30 September 2026): a copy of the run's build
    path = shutil.copyfile(default_demo, tmp_path_factory.mktemp("demo") / "demo.db")
    database = connect(path)
    yield database, str(path)
    database.close()


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_cover_marks_a_period_past_the_data_as_partial():
    cov = cover(parse_period("2026/27"), dt.date(2026, 9, 30))
    assert cov.partial and cov.months_covered == 6 and cov.months_in_period == 12
    assert (cov.covered.start, cov.covered.end) == (dt.date(2026, 4, 1), dt.date(2026, 9, 30))
    assert cov.text() == "Apr-Sep 2026, to date: 6 of 12 months"
    assert year_earlier(cov.covered).label == "2025-04..2025-09"
    # a month the data end inside is not complete: left out while a complete month is left
    cov = cover(parse_period("2026-Q3"), dt.date(2026, 9, 15))
    assert cov.partial and cov.covered.end == dt.date(2026, 8, 31) and cov.months_covered == 2
    # a complete period is untouched
    assert not cover(parse_period("2026-Q3"), dt.date(2026, 9, 30)).partial


def test_cover_refuses_a_period_wholly_after_the_data():
    with pytest.raises(InputError, match="starts after the latest data"):
        cover(parse_period("2026-Q4"), dt.date(2026, 9, 30))


@pytest.mark.parametrize("latest", [dt.date(2026, 9, 30), dt.date(2026, 9, 12), dt.date(2026, 3, 31)])
def test_previous_is_never_this(latest):
    for unit in ("month", "quarter", "financial year"):
        this = parse_period(f"this {unit}", latest=latest)
        previous = parse_period(f"previous {unit}", latest=latest)
        assert previous.label != this.label and previous.end < this.start
        assert previous.end + dt.timedelta(days=1) == this.start


def test_metrics_on_a_partial_year_compares_the_same_months(demo):
    _, path = demo
    result = run("metrics", "--db", path, "-p", "2026/27", "--format", "json", "-i", "crisis_rate")
    assert result.exit_code == 0, result.output
    (r,) = json.loads(result.stdout)
    assert r["partial"] is True
    assert r["coverage"]["months_covered"] == 6 and r["coverage"]["first_month"] == "2026-04"
    assert r["coverage"]["last_month"] == "2026-09"
    assert r["compare_period"] == "2025-04..2025-09"
    assert (r["extra"]["compare_start"], r["extra"]["compare_end"]) == ("2025-04-01", "2025-09-30")
    assert (r["extra"]["period_start"], r["extra"]["period_end"]) == ("2026-04-01", "2026-09-30")
    table = run("metrics", "--db", path, "-p", "2026/27")
    assert "PARTIAL PERIOD: Apr-Sep 2026, to date: 6 of 12 months" in table.stdout


def test_partial_rate_equals_the_same_months_computed_directly(demo):
    db, _ = demo
    partial = ind.compute(db, "crisis_rate", "2026/27")
    direct = ind.compute(db, "crisis_rate", "2026-04..2026-09", compare="2025-04..2025-09")
    assert (partial.numerator, partial.denominator) == (direct.numerator, direct.denominator)
    assert partial.compare_value == pytest.approx(direct.compare_value)


def test_metrics_refuses_a_period_after_the_data_with_one_line(demo):
    _, path = demo
    result = run("metrics", "--db", path, "-p", "2026-Q4")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "2026-Q4" in result.stderr


def test_an_incomplete_month_is_left_out_of_the_spc_series(db):
    db["people"].insert({"person_id": "P", "referral_date": "2024-01-01"})
    rows = []
    for m in range(1, 10):  # Jan..Sep 2025, Sep only to the 10th
        for day in (1, 5, 10, 20, 28):
            if m == 9 and day > 10:
                continue
            rows.append({"contact_id": f"c{m}-{day}", "person_id": "P", "contact_at": f"2025-{m:02d}-{day:02d}T10:00",
                         "kind": "planned", "attendance": "dna" if day == 1 else "attended"})
    db["contacts"].insert_all(rows)
    r = ind.compute(db, "dna_rate", "2025-Q3")
    assert r.partial and r.coverage["last_month"] == "2025-08"
    months = [m for m, v in r.spc["series"] if v is not None]
    assert months[-1] == "2025-08" and "2025-09" not in months
