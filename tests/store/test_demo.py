"""The demo service: shape, determinism, the service change, chance-only
indicators, seasonality, stories, --force and the command line.

Expected values are worked out here with plain SQL and arithmetic, never
copied from the generator's output.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import statistics
import tomllib
from pathlib import Path

import pytest

from evidencebot.errors import InputError
from evidencebot.store.db import connect
from evidencebot.store.demo import build_demo

ROOT = Path(__file__).resolve().parents[2]
RECIPE = tomllib.loads((ROOT / "corpus" / "demo_recipe.toml").read_text(encoding="utf-8"))
DEMO_TABLES = [
    "people", "contacts", "escalations", "crisis_events", "admissions", "crisis_plans",
    "goals", "goal_reviews", "measures", "safeguarding", "incidents", "partner_comms",
    "stories", "service_changes", "targets",
]
# Default window: the 24 months ending 2026-09.
START, LAST = "2024-10-01", "2026-09-30"
WINTER, SUMMER = ("12", "01", "02"), ("06", "07", "08")


def _build(path: Path, **kwargs) -> sqlite3.Connection:
    database = connect(path)
    try:
        build_demo(database, **kwargs)
    finally:
        database.close()
    return sqlite3.connect(path)


@pytest.fixture(scope="module")
def demo(default_demo) -> sqlite3.Connection:
    """The default demo service (400 people, 24 months to 2026-09): the run's one build of it
    (tests/conftest.py ``default_demo``, what ``build_demo`` makes with its defaults), opened read only."""
    con = sqlite3.connect(f"{default_demo.as_uri()}?mode=ro", uri=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> sqlite3.Connection:
    """A bigger service, for rates that need more events to be stable."""
    con = _build(tmp_path_factory.mktemp("large") / "large.db", people=3000, months=24, seed=7)
    yield con
    con.close()


def one(con, sql, *args):
    return con.execute(sql, args).fetchone()[0]


def col(con, sql, *args):
    return [r[0] for r in con.execute(sql, args)]


def month_list(start: str, months: int) -> list[str]:
    y, m = int(start[:4]), int(start[5:7])
    out = []
    for _ in range(months):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def longest_run_one_side(series: list[float]) -> int:
    """Longest run of consecutive points on one side of the series mean."""
    mean = sum(series) / len(series)
    best = cur = side = 0
    for x in series:
        s = (x > mean) - (x < mean)
        cur = cur + 1 if s != 0 and s == side else (1 if s != 0 else 0)
        side = s
        best = max(best, cur)
    return best


# ----------------------------------------------------------------- shape


def test_every_service_table_has_rows_in_plausible_numbers(demo):
    counts = {t: one(demo, f"select count(*) from {t}") for t in DEMO_TABLES}
    assert all(n > 0 for n in counts.values()), counts
    assert counts["people"] == 400
    # A caseload of ~130 seen weekly to fortnightly for two years.
    assert 8_000 <= counts["contacts"] <= 30_000
    assert 1_500 <= counts["escalations"] <= 6_000
    assert 200 <= counts["crisis_events"] <= 1_200
    assert 30 <= counts["admissions"] <= 300
    assert 400 <= counts["goals"] <= 1_200  # 1-3 goals each
    assert counts["crisis_plans"] >= 0.9 * 400 * RECIPE["crisis_plans"]["p_plan"]
    assert counts["stories"] == len(list((ROOT / "corpus" / "stories").glob("*.md")))
    assert counts["service_changes"] == 1
    assert counts["targets"] == len(RECIPE["targets"])


def test_person_ids_are_pseudonymised_and_contiguous(demo):
    ids = col(demo, "select person_id from people order by person_id")
    assert all(re.fullmatch(r"P\d{5}", i) for i in ids)
    assert ids == [f"P{n:05d}" for n in range(1, 401)]


def test_caseload_is_rolling_and_roughly_steady(demo):
    def caseload(month_end: str, month_start: str) -> int:
        return one(
            demo,
            "select count(*) from people where referral_date <= ? and (discharge_date is null or discharge_date >= ?)",
            month_end, month_start,
        )

    first = caseload("2024-10-31", "2024-10-01")
    last = caseload("2026-09-30", "2026-09-01")
    assert 80 <= first <= 200 and 80 <= last <= 200
    assert abs(first - last) / first < 0.35
    referred_inside = one(demo, "select count(*) from people where referral_date >= ?", START)
    assert 200 <= referred_inside <= 320  # most people arrive during the window
    stays = col(
        demo,
        "select julianday(discharge_date) - julianday(referral_date) from people "
        "where discharge_date is not null",
    )
    typical = [s for s in stays if 6 * 30 <= s <= 19 * 31]
    assert len(typical) / len(stays) > 0.7
    assert one(demo, "select count(*) from people where discharge_date is null") > 50


DATE_COLUMNS = [
    ("people", "discharge_date"),
    ("contacts", "contact_at"),
    ("escalations", "raised_at"),
    ("escalations", "reviewed_at"),
    ("crisis_events", "started_on"),
    ("crisis_events", "ended_on"),
    ("admissions", "admitted_on"),
    ("admissions", "discharged_on"),
    ("admissions", "first_followup_at"),
    ("crisis_plans", "created_on"),
    ("crisis_plans", "reviewed_on"),
    ("goals", "set_on"),
    ("goal_reviews", "reviewed_on"),
    ("measures", "measured_on"),
    ("safeguarding", "concern_on"),
    ("safeguarding", "referred_on"),
    ("incidents", "occurred_on"),
    ("incidents", "closed_on"),
    ("partner_comms", "sent_on"),
]


@pytest.mark.parametrize("table,column", DATE_COLUMNS)
def test_dates_lie_inside_the_window(demo, table, column):
    low, high = demo.execute(f"select min(substr({column},1,10)), max(substr({column},1,10)) from {table}").fetchone()
    assert low is not None, f"{table}.{column} is always empty"
    assert START <= low and high <= LAST, (low, high)
    bad = one(demo, f"select count(*) from {table} where {column} is not null and date(substr({column},1,10)) is null")
    assert bad == 0


def test_referrals_before_the_window_are_the_initial_caseload(demo):
    assert one(demo, "select max(referral_date) from people") <= LAST
    # Anyone referred before the window was still on the caseload when it opened.
    assert one(
        demo,
        "select count(*) from people where referral_date < ? and discharge_date is not null and discharge_date < ?",
        START, START,
    ) == 0
    assert one(demo, "select min(referral_date) from people") >= "2023-03-01"  # at most 19 months before


def test_events_are_in_a_sensible_order(demo):
    checks = [
        "select count(*) from people where discharge_date < referral_date",
        "select count(*) from escalations where reviewed_at <= raised_at",
        "select count(*) from crisis_events where ended_on < started_on",
        "select count(*) from admissions where discharged_on < admitted_on",
        "select count(*) from admissions where substr(first_followup_at,1,10) <= discharged_on",
        "select count(*) from safeguarding where referred_on < concern_on",
        "select count(*) from incidents where closed_on < occurred_on or due_on < occurred_on",
        "select count(*) from crisis_plans where reviewed_on <= created_on",
        "select count(*) from goal_reviews r join goals g using(goal_id) where r.reviewed_on <= g.set_on",
        # contacts fall between referral and discharge
        "select count(*) from contacts c join people p using(person_id) "
        "where substr(c.contact_at,1,10) < max(p.referral_date, '2024-10-01') "
        "or (p.discharge_date is not null and substr(c.contact_at,1,10) > p.discharge_date)",
    ]
    for sql in checks:
        assert one(demo, sql) == 0, sql


def test_foreign_keys_are_clean(demo):
    assert demo.execute("PRAGMA foreign_key_check").fetchall() == []
    assert one(demo, "select count(*) from goal_reviews where goal_id not in (select goal_id from goals)") == 0


def test_codes_and_ranges(demo):
    assert set(col(demo, "select distinct kind from contacts")) == {"planned", "review", "unplanned", "crisis", "step_up"}
    assert set(col(demo, "select distinct mode from contacts")) <= {"face_to_face", "phone", "video"}
    assert set(col(demo, "select distinct attendance from contacts")) == {
        "attended", "dna", "cancelled_by_person", "cancelled_by_service", "late",
    }
    assert set(col(demo, "select distinct level from escalations")) == {1, 2, 3, 4}
    allowed = {"sleep", "housing", "benefits", "relationship", "medication", "substance", "other"}
    seen = set()
    for triggers in col(demo, "select triggers from escalations"):
        parts = triggers.split(";")
        assert parts and set(parts) <= allowed and len(parts) == len(set(parts))
        seen |= set(parts)
    assert seen == allowed
    assert set(col(demo, "select distinct setting from crisis_events")) == {
        "a_and_e", "crisis_team", "police_s136", "ambulance", "crisis_line", "crisis_house", "other",
    }
    assert set(col(demo, "select distinct discharge_type from admissions where discharge_type is not null")) <= {
        "planned", "unplanned", "transfer", "death",
    }
    assert {"planned", "unplanned"} <= set(col(demo, "select distinct discharge_type from admissions"))
    assert set(col(demo, "select distinct baseline_level from goals")) == {-1, -2}
    assert set(col(demo, "select distinct weight from goals")) == {1.0, 2.0, 3.0}
    assert set(col(demo, "select distinct level from goal_reviews")) <= {-2, -1, 0, 1, 2}
    assert one(demo, "select count(*) from goal_reviews where level >= 1") > 0
    assert one(demo, "select min(baseline_escalations_per_month) from people") > 0
    assert set(col(demo, "select distinct type from incidents")) == {"incident", "near_miss", "complaint", "compliment"}
    assert set(col(demo, "select distinct partner from partner_comms")) <= {
        "gp", "cmht", "crisis_team", "housing", "police", "social_care", "voluntary", "other",
    }


def test_contacts_are_within_working_hours(demo):
    assert one(demo, "select count(*) from contacts where substr(contact_at,12,5) < '08:00' or substr(contact_at,12,5) >= '20:00'") == 0
    # Planned and review contacts are booked 09:00-16:59 ...
    assert one(
        demo,
        "select count(*) from contacts where kind in ('planned','review') and substr(contact_at,12,5) not between '09:00' and '16:59'",
    ) == 0
    # ... on weekdays, apart from follow-ups after discharge and reviews after a step-up.
    weekend = one(demo, "select count(*) from contacts where kind in ('planned','review') and strftime('%w', contact_at) in ('0','6')")
    assert 0 < weekend < 0.05 * one(demo, "select count(*) from contacts where kind in ('planned','review')")


def test_escalation_records_are_mostly_but_not_always_complete(demo):
    total = one(demo, "select count(*) from escalations")
    with_rationale = one(demo, "select count(*) from escalations where rationale is not null and rationale <> ''")
    reviewed = one(demo, "select count(*) from escalations where reviewed_at is not null")
    assert 0.7 < with_rationale / total < 1.0
    assert 0.9 < reviewed / total < 1.0
    assert one(demo, "select count(*) from escalations where warning_signs is null or action_taken is null or outcome is null") == 0


# ----------------------------------------------------------------- the service change


def test_service_change_sits_40_percent_through_the_window(demo):
    row = demo.execute("select changed_on, title, indicators from service_changes").fetchone()
    # 24 months from 2024-10: 40% is 9.6 months, rounded down to 9 -> 2025-07.
    months = month_list("2024-10", 24)
    assert row[0] == months[int(0.4 * 24)] + "-01" == "2025-07-01"
    assert row[1] == "Step-up trigger set introduced"
    assert set(row[2].split(";")) == {"escalation_review_hours", "review_72h", "repeat_crisis",
                                      "rationale_recorded", "step_up_rate"}


def _review_hours(con, where: str, *args) -> list[float]:
    return col(
        con,
        "select (julianday(reviewed_at) - julianday(raised_at)) * 24 from escalations "
        f"where reviewed_at is not null and {where}",
        *args,
    )


def test_escalation_review_time_really_shortens(demo):
    change = one(demo, "select changed_on from service_changes")
    before = statistics.median(_review_hours(demo, "raised_at < ?", change))
    after = statistics.median(_review_hours(demo, "raised_at >= ?", change))
    esc = RECIPE["escalations"]
    intended_before = esc["review_median_hours_before"]
    intended_after = esc["review_median_hours_after"]
    assert abs(before - intended_before) < 0.15 * intended_before
    assert abs(after - intended_after) < 0.15 * intended_after
    assert abs((before - after) - (intended_before - intended_after)) < 0.2 * (intended_before - intended_after)
    # The monthly medians show a sustained shift (7+ points on one side of the mean).
    series = [statistics.median(_review_hours(demo, "substr(raised_at,1,7) = ?", m)) for m in month_list("2024-10", 24)]
    assert longest_run_one_side(series) >= 7
    assert max(series[9:]) < min(series[:9])


def _repeat_share(con, where: str, *args) -> tuple[int, int]:
    """Crisis events, and how many had another for the same person in the 30 days before."""
    return con.execute(
        "select count(*), coalesce(sum(exists(select 1 from crisis_events p where p.person_id = c.person_id "
        "and p.started_on < c.started_on and julianday(c.started_on) - julianday(p.started_on) <= 30)), 0) "
        f"from crisis_events c where {where}",
        args,
    ).fetchone()


def test_repeat_crisis_use_really_falls(demo):
    change = one(demo, "select changed_on from service_changes")
    n_before, rep_before = _repeat_share(demo, "started_on < ?", change)
    n_after, rep_after = _repeat_share(demo, "started_on >= ?", change)
    assert rep_before / n_before > 0.4
    assert rep_after / n_after < 0.5 * rep_before / n_before
    series = []
    for m in month_list("2024-10", 24):
        n, k = _repeat_share(demo, "substr(started_on,1,7) = ?", m)
        series.append(k / n if n else 0.0)
    assert longest_run_one_side(series) >= 7
    # People with two or more presentations within 30 days also fall.
    def people_share(where):
        return one(
            demo,
            "select 1.0 * count(distinct case when exists(select 1 from crisis_events p where p.person_id = c.person_id "
            "and p.started_on < c.started_on and julianday(c.started_on) - julianday(p.started_on) <= 30) "
            f"then c.person_id end) / count(distinct c.person_id) from crisis_events c where {where}",
            change,
        )
    assert people_share("started_on >= ?") < people_share("started_on < ?")


def test_review_within_72_hours_of_step_up_rises(demo):
    change = one(demo, "select changed_on from service_changes")
    sql = (
        "select count(*), sum(exists(select 1 from contacts r where r.person_id = s.person_id and r.kind = 'review' "
        "and r.contact_at > s.contact_at and (julianday(r.contact_at) - julianday(s.contact_at)) * 24 <= 72)) "
        "from contacts s where s.kind = 'step_up' and {}"
    )
    n_b, k_b = demo.execute(sql.format("s.contact_at < ?"), (change,)).fetchone()
    n_a, k_a = demo.execute(sql.format("s.contact_at >= ?"), (change,)).fetchone()
    assert k_b / n_b < 0.75
    assert k_a / n_a > 0.85


# ----------------------------------------------------------------- chance-only indicators


def test_readmission_probability_is_constant(large):
    mid = "2025-10-01"
    sql = (
        "select count(*), sum(exists(select 1 from admissions b where b.person_id = a.person_id "
        "and b.admitted_on > a.discharged_on and julianday(b.admitted_on) - julianday(a.discharged_on) < 30)) "
        "from admissions a where a.discharge_type in ('planned', 'unplanned') and a.discharged_on < '2026-09-01' and {}"
    )
    n1, k1 = large.execute(sql.format("a.discharged_on < ?"), (mid,)).fetchone()
    n2, k2 = large.execute(sql.format("a.discharged_on >= ?"), (mid,)).fetchone()
    r1, r2 = k1 / n1, k2 / n2
    p = RECIPE["admissions"]["p_readmit_30d"]
    assert n1 > 150 and n2 > 150
    assert abs(r1 - p) < 0.06 and abs(r2 - p) < 0.06
    assert abs(r1 - r2) < 0.06


def test_dna_rate_is_in_range_and_constant(demo, large):
    sql = (
        "select 1.0 * sum(attendance = 'dna') / sum(attendance in ('attended', 'late', 'dna')) "
        "from contacts where kind in ('planned', 'review') and {}"
    )
    overall = one(demo, sql.format("1"))
    assert 0.12 <= overall <= 0.18
    first = one(large, sql.format("contact_at < ?"), "2025-10-01")
    second = one(large, sql.format("contact_at >= ?"), "2025-10-01")
    assert abs(first - second) < 0.015
    assert one(demo, "select count(*) from contacts where attendance = 'late'") > 0
    assert one(demo, "select count(*) from contacts where attendance like 'cancelled%'") > 0


def test_follow_up_after_discharge_is_mostly_but_not_always_within_3_days(demo):
    n, within, missing = demo.execute(
        "select count(*), sum(julianday(substr(first_followup_at,1,10)) - julianday(discharged_on) <= 3), "
        "sum(first_followup_at is null) from admissions "
        "where discharge_type in ('planned','unplanned') and discharged_on <= '2026-09-20'"
    ).fetchone()
    assert 0.65 < within / n < 0.95
    assert missing > 0
    assert one(demo, "select count(*) from admissions where housing_confirmed = 0") > 0
    assert one(demo, "select count(*) from admissions where handover_complete = 0") > 0
    assert one(demo, "select count(*) from admissions where engaged_within_14_days = 1") > 0


# ----------------------------------------------------------------- seasonality


def _monthly_average(con, sql: str, months: tuple[str, ...]) -> float:
    rows = con.execute(sql).fetchall()
    values = [n for month, n in rows if month[5:7] in months]
    return sum(values) / len(values)


def test_winter_has_more_crisis_events_and_unplanned_contacts(demo):
    crisis = "select substr(started_on,1,7), count(*) from crisis_events group by 1"
    assert _monthly_average(demo, crisis, WINTER) > 1.15 * _monthly_average(demo, crisis, SUMMER)
    unplanned = "select substr(contact_at,1,7), count(*) from contacts where kind = 'unplanned' group by 1"
    assert _monthly_average(demo, unplanned, WINTER) > 1.15 * _monthly_average(demo, unplanned, SUMMER)


# ----------------------------------------------------------------- outcomes, plans, safeguarding, incidents


def test_measures_are_partly_paired_in_range_and_improve_on_average(demo):
    with_any, paired = demo.execute(
        "select count(*), sum(n >= 2) from (select person_id, instrument, count(*) n from measures group by 1, 2)"
    ).fetchone()
    assert 0.40 <= paired / with_any <= 0.90
    assert set(col(demo, "select distinct instrument from measures")) == {"SWEMWBS", "ReQoL-10", "CORE-10"}
    assert one(demo, "select count(*) from measures where instrument = 'SWEMWBS' and score not between 7 and 35") == 0
    assert one(demo, "select count(*) from measures where instrument in ('ReQoL-10','CORE-10') and score not between 0 and 40") == 0
    change_sql = (
        "select avg(last.score - first.score) from measures first join measures last using (person_id, instrument) "
        "where first.instrument = ? "
        "and first.measured_on = (select min(measured_on) from measures m where m.person_id = first.person_id and m.instrument = first.instrument) "
        "and last.measured_on = (select max(measured_on) from measures m where m.person_id = first.person_id and m.instrument = first.instrument) "
        "and last.measured_on > first.measured_on"
    )
    assert one(demo, change_sql, "SWEMWBS") > 0
    assert one(demo, change_sql, "ReQoL-10") > 0
    assert one(demo, change_sql, "CORE-10") < 0  # lower is better
    # Noise: not everyone improves.
    worse = one(
        demo,
        "select count(*) from measures a join measures b using (person_id, instrument) "
        "where a.instrument = 'SWEMWBS' and b.measured_on > a.measured_on and b.score < a.score",
    )
    assert worse > 0


def test_crisis_plans_some_stale_some_easy_read(demo):
    open_people = "select person_id from people where discharge_date is null"
    latest = (
        "select p.person_id, coalesce(max(p.reviewed_on), max(p.created_on)) last_touch from crisis_plans p "
        f"where p.person_id in ({open_people}) group by p.person_id"
    )
    stale = one(demo, f"select count(*) from ({latest}) where last_touch < date(?, '-6 months')", LAST)
    fresh = one(demo, f"select count(*) from ({latest}) where last_touch >= date(?, '-6 months')", LAST)
    assert stale > 0 and fresh > stale
    assert 0 < one(demo, "select count(*) from crisis_plans where easy_read = 1") < one(demo, "select count(*) from crisis_plans")


def test_escalation_below_baseline_for_most_but_not_all(demo):
    rows = demo.execute(
        "select p.baseline_escalations_per_month, "
        "(select count(*) from escalations e where e.person_id = p.person_id), "
        "julianday(coalesce(p.discharge_date, ?)) - julianday(max(p.referral_date, ?)) + 1 "
        "from people p",
        (LAST, START),
    ).fetchall()
    long_enough = [(b, n, days) for b, n, days in rows if days >= 120]
    below = sum(1 for b, n, days in long_enough if n / (days / 30.44) < b)
    assert 0.5 < below / len(long_enough) < 0.95


def test_safeguarding_incidents_and_comms_have_realistic_gaps(demo, large):
    lags = col(demo, "select julianday(referred_on) - julianday(concern_on) from safeguarding where referred_on is not null")
    assert min(lags) == 0 and max(lags) > 2
    sql = (
        "select sum(closed_on <= due_on), sum(closed_on > due_on), sum(closed_on is null) "
        "from incidents where type in ('incident','near_miss','complaint')"
    )
    on_time, late, still_open = demo.execute(sql).fetchone()
    assert on_time > 0 and late > 0 and still_open > 0
    # With more incidents: most actions close on time, some late, fewer still open.
    on_time, late, still_open = large.execute(sql).fetchone()
    assert on_time > late > still_open > 0
    assert one(demo, "select count(*) from incidents where learning is null or action is null or owner is null") == 0
    days = col(demo, "select days_to_send from partner_comms")
    assert min(days) == 0 and max(days) >= 7
    assert one(demo, "select count(*) from partner_comms where sent_on <> date(sent_on)") == 0


def test_targets(demo):
    targets = dict(demo.execute("select indicator_id, target from targets").fetchall())
    assert targets["followup_72h"] == 80.0
    assert targets["dna_rate"] == 15.0
    assert targets["review_72h"] == 90.0


# ----------------------------------------------------------------- stories


def _nhs_number_valid(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


SLIPS = {
    "st09-easy-read-plan": r"Mrs Patricia Holloway",
    "st10-discharge-follow-up": r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b",
    "st08-relationship-conflict": r"\b07\d{3} ?\d{6}\b",
    "st11-substance-use": r"\b\d{3} \d{3} \d{4}\b",
    "st16-first-assessment": r"born \d{2}/\d{2}/\d{4}",
}


def _story_text(con, story_id: str) -> str:
    row = con.execute(
        "select title || ' ' || context || ' ' || support_approach || ' ' || delivery || ' ' || evidence "
        "from stories where story_id = ?",
        (story_id,),
    ).fetchone()
    return row[0]


def test_stories_have_mixed_consent_and_four_parts(demo):
    states = demo.execute("select consent, status, count(*) from stories group by 1, 2").fetchall()
    by = {(c, s): n for c, s, n in states}
    assert by.get(("external", "approved"), 0) >= 10
    assert by.get(("external", "submitted"), 0) >= 2
    assert sum(n for (c, _), n in by.items() if c == "internal") >= 2
    assert sum(n for (c, _), n in by.items() if c == "none") >= 2
    assert one(
        demo,
        "select count(*) from stories where coalesce(context,'') = '' or coalesce(support_approach,'') = '' "
        "or coalesce(delivery,'') = '' or coalesce(evidence,'') = ''",
    ) == 0
    assert one(demo, "select count(*) from stories where approved_by is not null and status <> 'approved'") == 0
    domains = set()
    for value in col(demo, "select domains from stories"):
        domains |= set(value.split(";"))
    assert domains == {"safety", "stability", "experience"}
    linked = col(demo, "select person_id from stories where person_id is not null")
    assert len(linked) >= 15 and set(linked) <= {f"P{n:05d}" for n in range(1, 11)}
    # Full-text search over stories works on the demo data.
    hits = col(demo, "select rowid from stories_fts where stories_fts match 'housing'")
    assert hits


def test_planted_privacy_slips_are_present(demo):
    approved_external = set(col(demo, "select story_id from stories where consent = 'external' and status = 'approved'"))
    for story_id, pattern in SLIPS.items():
        assert re.search(pattern, _story_text(demo, story_id)), story_id
    nhs = re.search(r"\b(\d{3}) (\d{3}) (\d{4})\b", _story_text(demo, "st11-substance-use"))
    assert _nhs_number_valid("".join(nhs.groups()))
    assert approved_external & set(SLIPS), "at least one slip must be in an external, approved story"
    # Stories without slips carry no such patterns.
    for story_id in col(demo, "select story_id from stories"):
        if story_id in SLIPS:
            continue
        text = _story_text(demo, story_id)
        for pattern in SLIPS.values():
            assert not re.search(pattern, text), (story_id, pattern)


def test_story_files_read_cleanly():
    from evidencebot.store.stories import read_story_file

    files = sorted((ROOT / "corpus" / "stories").glob("*.md"))
    assert 18 <= len(files) <= 24
    for path in files:
        record, problems = read_story_file(path)
        assert problems == [], (path.name, problems)
        assert record["domains"]


def test_question_files_have_word_limits_and_sub_points():
    import yaml

    files = sorted((ROOT / "corpus" / "questions").glob("*.md"))
    assert 4 <= len(files) <= 6
    for path in files:
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---")[1])
        assert front["word_limit"] in (250, 300, 500, 750, 1000)
        assert f"({front['word_limit']} words)" in text
        assert "Your answer should cover:" in text
        assert len(re.findall(r"^- ", text, re.M)) >= 3


# ----------------------------------------------------------------- determinism and arguments


def _table_digest(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    digests = {}
    for table in DEMO_TABLES:
        pk = [r[1] for r in sorted(con.execute(f"pragma table_info({table})"), key=lambda r: r[5]) if r[5]]
        rows = con.execute(f"select * from {table} order by {', '.join(pk)}").fetchall()
        digests[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    con.close()
    return digests


def test_same_arguments_build_the_same_database(tmp_path):
    args = dict(people=80, months=12, end="2026-03", seed=11)
    _build(tmp_path / "a.db", **args).close()
    _build(tmp_path / "b.db", **args).close()
    _build(tmp_path / "c.db", **{**args, "seed": 12}).close()
    a, b, c = (_table_digest(tmp_path / f"{x}.db") for x in "abc")
    assert a == b
    assert a["contacts"] != c["contacts"]


def test_other_window_moves_the_change_date_and_dates(tmp_path):
    con = _build(tmp_path / "w.db", people=120, months=36, end="2025-12")
    # 36 months from 2023-01: floor(0.4 * 36) = 14 months in -> 2024-03.
    assert one(con, "select changed_on from service_changes") == month_list("2023-01", 36)[14] + "-01"
    assert one(con, "select min(contact_at) from contacts") >= "2023-01-01"
    assert one(con, "select max(contact_at) from contacts") < "2026-01-01"
    assert one(con, "select min(substr(contact_at,1,7)) from contacts") == "2023-01"
    con.close()


def test_smallest_service_keeps_story_links(tmp_path):
    con = _build(tmp_path / "s.db", people=10, months=6)
    assert one(con, "select count(*) from people") == 10
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    linked = set(col(con, "select person_id from stories where person_id is not null"))
    assert linked and linked <= set(col(con, "select person_id from people"))
    for n in range(1, 11):
        assert one(con, "select count(*) from goals where goal_id = ?", f"G{n:05d}-1") == 1
    con.close()


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"people": 9}, "at least 10"),
        ({"people": "many"}, "whole number"),
        ({"months": 5}, "between 6 and 120"),
        ({"months": 121}, "between 6 and 120"),
        ({"end": "2026-13"}, "month"),
        ({"end": "2026/09"}, "YYYY-MM"),
        ({"end": "26-09"}, "YYYY-MM"),
        ({"seed": "x"}, "whole number"),
    ],
)
def test_bad_arguments_raise_input_error(db, kwargs, message):
    with pytest.raises(InputError, match=message):
        build_demo(db, **kwargs)
    assert db["people"].count == 0


def test_refuses_to_overwrite_then_force_rebuilds_and_keeps_drafts(tmp_path):
    path = tmp_path / "f.db"
    database = connect(path)
    build_demo(database, people=60, months=12)
    database["drafts"].insert({"draft_id": 1, "kind": "tender", "title": "Keep me", "body": "text"})
    with pytest.raises(InputError, match="already holds 60 people"):
        build_demo(database, people=70, months=12)
    assert database["people"].count == 60
    summary = build_demo(database, people=70, months=12, force=True)
    assert summary.startswith("70 people")
    assert database["people"].count == 70
    assert database["service_changes"].count == 1
    assert database["stories"].count == len(list((ROOT / "corpus" / "stories").glob("*.md")))
    assert database["drafts"].count == 1
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    database.close()


def test_force_rebuild_is_one_transaction(tmp_path, monkeypatch):
    from evidencebot.store import demo as demo_module

    path = tmp_path / "t.db"
    database = connect(path)
    build_demo(database, people=60, months=12)
    before = database["contacts"].count

    def broken(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo_module._Generator, "_service_rows", broken)
    with pytest.raises(RuntimeError):
        build_demo(database, people=90, months=12, force=True)
    assert database["people"].count == 60
    assert database["contacts"].count == before
    database.close()


def test_incomplete_recipe_is_a_config_error(db, monkeypatch):
    from evidencebot.errors import ConfigError
    from evidencebot.store import demo as demo_module

    broken = tomllib.loads((ROOT / "corpus" / "demo_recipe.toml").read_text(encoding="utf-8"))
    del broken["crisis"]["p_admit"]
    monkeypatch.setattr(demo_module, "load_recipe", lambda path=None: broken)
    with pytest.raises(ConfigError, match="p_admit"):
        build_demo(db, people=20, months=6)
    assert db["people"].count == 0


def test_refuses_when_other_service_data_is_present(db):
    db["incidents"].insert({"incident_id": "X1", "occurred_on": "2025-01-01", "type": "incident"})
    with pytest.raises(InputError, match="incidents"):
        build_demo(db, people=20, months=6)


def test_summary_line(db):
    summary = build_demo(db, people=40, months=12, end="2025-06")
    assert "\n" not in summary
    assert summary.startswith("40 people, ")
    contacts = db["contacts"].count
    assert f"{contacts:,} contacts" in summary
    assert summary.endswith("2024-07 to 2025-06")


# ----------------------------------------------------------------- command line


def test_cli_builds_then_refuses(tmp_path):
    from click.testing import CliRunner

    from evidencebot.cli import cli

    path = tmp_path / "cli.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["demo", "--db", str(path), "--people", "60", "--months", "12"])
    assert result.exit_code == 0, result.output
    assert "60 people" in result.output
    con = sqlite3.connect(path)
    assert one(con, "select count(*) from people") == 60
    assert one(con, "select min(substr(contact_at,1,7)) from contacts") == "2025-10"
    con.close()
    again = runner.invoke(cli, ["demo", "--db", str(path), "--people", "60", "--months", "12"])
    assert again.exit_code == 2
    lines = again.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "--force" in lines[0]
    forced = runner.invoke(cli, ["demo", "--db", str(path), "--people", "65", "--months", "12", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "65 people" in forced.output


@pytest.mark.parametrize(
    "args",
    [
        ["--people", "5"],
        ["--people", "lots"],
        ["--months", "200"],
        ["--end", "2026-00"],
        ["--end", "September"],
        ["--seed", "1.5"],
    ],
)
def test_cli_bad_arguments_exit_2_with_one_line(tmp_path, args):
    from click.testing import CliRunner

    from evidencebot.cli import cli

    path = tmp_path / "bad.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path), *args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    assert not path.exists()  # nothing created for bad arguments


def test_first_run_builds_the_default_demo(isolated_home, capsys):
    from evidencebot.cli.common import first_run_db

    path, built = first_run_db(None)
    assert built and path.exists() and str(path).startswith(str(isolated_home))
    assert "building the demo service" in capsys.readouterr().err
    assert first_run_db(None) == (path, False)  # the second start opens it as it is
    con = sqlite3.connect(path)
    assert one(con, "select count(*) from people") == 400
    assert one(con, "select changed_on from service_changes") == "2025-07-01"
    con.close()
