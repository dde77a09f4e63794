"""Named read queries of the indicator engine (:mod:`evidencebot.metrics.indicators`).

Shared reads (the span of the records, people's caseload days, service changes, indexes and
targets) and one read per indicator family. Dates are ISO text; ``start`` is the first day in and
``end`` the first day after (``col >= start and col < end`` also holds for date-times). Each call is
one query (or a handful of PRAGMAs) returning plain tuples; the engine caches what it reads per data
version (:mod:`evidencebot.store.dataversion`) and per run of months.

The queries are written for the indexes in :data:`RECOMMENDED_INDEXES` (made by the migrations);
where an index changes which form is cheaper, the engine asks (:func:`index_columns`) and says
which form to run.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import quote

from sqlite_utils import Database

from evidencebot.store.backup import main_file
from evidencebot.store.db import BUSY_TIMEOUT_MS, set_busy_timeout

RECORD_DATES = (
    ("contacts", "contact_at"),
    ("escalations", "raised_at"),
    ("crisis_events", "started_on"),
    ("admissions", "admitted_on"),
    ("admissions", "discharged_on"),
)
"""The dated records whose first and last days bound the data."""

ATTENDED = ("attended", "late")
"""Attendance codes that mean the person was seen ('late' = arrived late but seen)."""
DNA = ("dna",)
"""Did not attend (the importer also files 'arrived late and could not be seen' here)."""
CANCELLED = ("cancelled_by_person", "cancelled_by_service")
NOT_ELIGIBLE_DISCHARGE = ("transfer", "death")
"""Discharge types that need no follow-up."""


def _sql_list(codes: tuple[str, ...]) -> str:
    return "(" + ",".join(f"'{c}'" for c in codes) + ")"


_SQL_ATTENDED = _sql_list(ATTENDED)
_SQL_NOT_CANCELLED = _sql_list(ATTENDED + DNA)
_SQL_ELIGIBLE = "coalesce(a.discharge_type,'') not in ({})".format(
    ",".join(f"'{t}'" for t in NOT_ELIGIBLE_DISCHARGE)
)
_SQL_MONTH = (
    "(case when {0} is null or {0} = '' then null "
    "else cast(substr({0},1,4) as integer) * 12 + cast(substr({0},6,2) as integer) - 1 end)"
)
"""SQL for the month index (year * 12 + month - 1) of a date column, null when empty."""
NO_RATIONALE = "(rationale is null or trim(rationale) = '')"
"""SQL for an escalation without a rationale (the partial index below uses the same text)."""

RECOMMENDED_INDEXES = (
    ("contacts", "idx_contacts_kind_attendance_at", "(kind, attendance, contact_at, person_id)", None),
    ("contacts", "idx_contacts_person_at_kind", "(person_id, contact_at, kind, attendance)", None),
    ("escalations", "idx_escalations_raised_reviewed", "(raised_at, reviewed_at, person_id)", None),
    ("escalations", "idx_escalations_person_reviewed", "(person_id, reviewed_at)", None),
    ("escalations", "idx_escalations_no_rationale", "(raised_at)", NO_RATIONALE),
    ("goal_reviews", "idx_goal_reviews_reviewed_on", "(reviewed_on, goal_id, level)", None),
    ("partner_comms", "idx_partner_comms_sent_days", "(sent_on, days_to_send)", None),
)
"""Indexes the indicator queries are written for (table, name, columns, partial-index WHERE).

They are not created here (the schema belongs to store/migrations.py); without
them every result is the same, only slower. See :func:`index_sql`."""


def index_sql() -> list[str]:
    """CREATE INDEX statements for :data:`RECOMMENDED_INDEXES`."""
    out = []
    for table, name, columns, where in RECOMMENDED_INDEXES:
        tail = f" WHERE {where}" if where else ""
        out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table}{columns}{tail}")
    return out


# ------------------------------------------------------------------ the connection


def database_file(db: Database) -> str | None:
    """The file behind the connection's main database (None in memory or when it cannot be read)."""
    try:
        path = main_file(db.conn)
    except sqlite3.Error:
        return None
    return str(path) if path else None


def open_read_only(path: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """A read-only connection of its own to the database file at ``path`` (usable from another
    thread); the caller closes it (``db.close()``)."""
    conn = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, check_same_thread=False)
    try:
        set_busy_timeout(conn, busy_timeout_ms)
    except BaseException:
        conn.close()
        raise
    return Database(conn)


# ------------------------------------------------------------------ shared reads


def _day(db: Database, sql: str) -> str | None:
    row = db.execute(sql).fetchone()
    return row[0][:10] if row and row[0] else None


def latest_record_day(db: Database) -> str | None:
    """The latest day (ISO) in the dated records, or None when they are empty."""
    days = [d for d in (_day(db, f"select max({col}) from {table}") for table, col in RECORD_DATES) if d]
    return max(days) if days else None


def earliest_record_day(db: Database) -> str | None:
    """The earliest day (ISO) in the dated records (dates before the year 1000 are typing slips), or None."""
    days = [d for d in (_day(db, f"select min({col}) from {table} where {col} >= '1000'") for table, col in RECORD_DATES)
            if d]
    return min(days) if days else None


def people_days(db: Database) -> list[tuple[str, int, int | None, float | None]]:
    """(person, referral day, discharge day or None, onboarding baseline) for every person with a valid
    referral date; days are ordinals (:meth:`datetime.date.toordinal`) worked out by SQLite."""
    # julianday - 1721424.5 is the proleptic Gregorian ordinal
    return db.execute(
        "select person_id, cast(julianday(referral_date) - 1721424.5 as integer), "
        "case when discharge_date is null or discharge_date = '' then null "
        "else cast(julianday(discharge_date) - 1721424.5 as integer) end, "
        "baseline_escalations_per_month from people "
        "where julianday(referral_date) is not null").fetchall()


def service_change_dates(db: Database) -> list[tuple[str, str | None]]:
    """(changed on, the indicators it names as recorded) for every service change."""
    return db.execute("select changed_on, indicators from service_changes").fetchall()


def index_columns(db: Database, table: str) -> list[tuple[str, ...]]:
    """The columns of each index on ``table``, in index order."""
    out = []
    for row in db.execute(f"PRAGMA index_list({table})").fetchall():
        out.append(tuple(r[2] for r in db.execute(f"PRAGMA index_info({row[1]})").fetchall()))
    return out


def targets_with_comparison(db: Database) -> dict[str, tuple[float, str | None]]:
    """Indicator id (or family) -> (target, comparison as stored, None in a database before comparisons)."""
    has_comparison = any(r[1] == "comparison" for r in db.execute("PRAGMA table_info(targets)").fetchall())
    column = "comparison" if has_comparison else "null"
    return {i: (t, c) for i, t, c in db.execute(f"select indicator_id, target, {column} from targets").fetchall()}


# ------------------------------------------------------------------ safety


def crisis_events_by_month(db: Database, start: str, end: str) -> list[tuple[str, int]]:
    """('YYYY-MM', crisis events started that month) for events started in [start, end)."""
    return db.execute(
        "select substr(started_on,1,7), count(*) from crisis_events "
        "where started_on >= ? and started_on < ? group by 1", (start, end)).fetchall()


def crisis_events_started(db: Database, start: str, end: str) -> list[tuple[str, str, str, str | None]]:
    """(started on, person, event, ended on) for crisis events started in [start, end), by start."""
    return db.execute(
        "select started_on, person_id, event_id, ended_on from crisis_events "
        "where started_on >= ? and started_on < ? order by started_on", (start, end)).fetchall()


def crisis_events_ended(db: Database, start: str, end: str) -> list[tuple[str, str, float | None]]:
    """(ended on, event, days from start to end) for crisis events ended in [start, end), by end."""
    return db.execute(
        "select ended_on, event_id, julianday(ended_on) - julianday(started_on) from crisis_events "
        "where ended_on >= ? and ended_on < ? order by ended_on", (start, end)).fetchall()


def contact_counts_by_month(db: Database, start: str, end: str) -> list[tuple[str, str, str, int]]:
    """('YYYY-MM', kind, attendance, contacts) for contacts in [start, end): one pass over the table
    (cheaper than a range of the contact_at index with a table lookup per contact, when there is no
    index on (kind, attendance, contact_at))."""
    return db.execute(
        "select substr(contact_at,1,7), kind, attendance, count(*) from contacts not indexed "
        "where contact_at >= ? and contact_at < ? group by 1, 2, 3", (start, end)).fetchall()


def indicator_contact_counts(db: Database, start: str, end: str) -> list[tuple[str, str, int]]:
    """(kind, attendance, contacts) in [start, end) for the kinds and attendances indicators count
    (a walk over the (kind, attendance, contact_at) index alone)."""
    return db.execute(
        "select kind, attendance, count(*) from contacts "
        "where kind in ('planned','review','step_up') and attendance in "
        "('attended','late','dna','cancelled_by_person','cancelled_by_service') "
        "and contact_at >= ? and contact_at < ? group by kind, attendance", (start, end)).fetchall()


def escalation_review_hours(db: Database, start: str, end: str) -> list[float | None]:
    """Hours from raised to reviewed (None when not reviewed) of the escalations raised in
    [start, end) (the (raised_at, reviewed_at) index alone)."""
    return [h for (h,) in db.execute(
        "select (julianday(reviewed_at) - julianday(raised_at)) * 24 from escalations "
        "where raised_at >= ? and raised_at < ?", (start, end)).fetchall()]


def escalation_review_hours_by_month(db: Database, start: str, end: str) -> list[tuple[str, float | None]]:
    """('YYYY-MM', hours from raised to reviewed or None) for escalations raised in [start, end), by
    a scan of the table (cheaper than the raised_at index plus a table lookup per escalation)."""
    return db.execute(
        "select substr(raised_at,1,7), (julianday(reviewed_at) - julianday(raised_at)) * 24 "
        "from escalations where +raised_at >= ? and +raised_at < ?", (start, end)).fetchall()


def step_up_reviews_by_month(db: Database, pending_from: str, start: str, end: str, *,
                             by_kind_index: bool) -> list[tuple[str, int, int, int]]:
    """('YYYY-MM', step-ups due, reviewed within 72 hours, pending) for step-up contacts (booked, not
    cancelled) in [start, end); a step-up dated on or after ``pending_from`` is pending. Reviewed: an
    attended review contact or an escalation review within 72 hours. ``by_kind_index``: there is an
    index led by (kind, attendance, contact_at); without it a scan of the table is cheaper than the
    contact_at index (a table lookup per contact to read its kind)."""
    at = "contact_at" if by_kind_index else "+contact_at"
    sql = f"""
        with s as materialized (
          select person_id, contact_at, substr(contact_at,1,7) as m, contact_at >= ? as pending,
                 strftime('%Y-%m-%dT%H:%M:%S', contact_at, '+72 hours') as until
          from contacts
          where kind = 'step_up' and attendance in {_SQL_NOT_CANCELLED}
            and {at} >= ? and {at} < ?)
        select m, sum(not pending), sum(not pending and case
            when exists (select 1 from contacts r
                         where r.person_id = s.person_id and r.contact_at >= s.contact_at
                           and r.contact_at <= s.until and r.kind = 'review'
                           and r.attendance in {_SQL_ATTENDED}) then 1
            when exists (select 1 from escalations e
                         where e.person_id = s.person_id and e.reviewed_at >= s.contact_at
                           and e.reviewed_at <= s.until) then 1
            else 0 end),
          sum(pending)
        from s group by m
    """
    return db.execute(sql, (pending_from, start, end)).fetchall()


def safeguarding_concerns(db: Database, start: str, end: str) -> list[tuple[str, str | None]]:
    """(concern raised on, referred on) for safeguarding concerns raised in [start, end)."""
    return db.execute(
        "select concern_on, referred_on from safeguarding where concern_on >= ? and concern_on < ?",
        (start, end)).fetchall()


def has_crisis_plan_history(db: Database) -> bool:
    """Whether the database keeps every crisis plan review (the crisis_plan_reviews table)."""
    return bool(db.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'crisis_plan_reviews'").fetchall())


def crisis_plan_months(db: Database, first_end: str, last_end: str, *,
                       history: bool) -> list[tuple[str, int | None, int | None, int | None, int | None]]:
    """(person, month of the plan's creation, month of its review, first and last month the person is
    on the caseload at a month end) for the crisis plans (and with ``history`` every review in
    crisis_plan_reviews) of people on the caseload at some day from ``first_end`` to ``last_end``, by
    person. Months are month indices (year * 12 + month - 1); the last month is one less when the
    discharge is not on a month end."""
    caseload = """
            from {table} c join people p on p.person_id = c.person_id
            where p.referral_date <= ? and (p.discharge_date is null or p.discharge_date = ''
                                            or p.discharge_date >= ?)"""
    person = (f"{_SQL_MONTH.format('p.referral_date')}, {_SQL_MONTH.format('p.discharge_date')}"
              " - (date(p.discharge_date, '+1 day') not like '%-01')")
    sql = (f"select c.person_id, {_SQL_MONTH.format('c.created_on')}, "
           f"{_SQL_MONTH.format('c.reviewed_on')}, {person} " + caseload.format(table="crisis_plans"))
    params: tuple = (last_end, first_end)
    if history:
        sql += (f" union all select c.person_id, null, {_SQL_MONTH.format('c.reviewed_on')}, {person} "
                + caseload.format(table="crisis_plan_reviews"))
        params += (last_end, first_end)
    return db.execute(sql + " order by 1", params).fetchall()


def has_no_rationale_index(db: Database) -> bool:
    """Whether escalations have a partial index over the rows without a rationale."""
    return any(
        (row[4] or 0) and "rationale" in (db.execute(
            "select sql from sqlite_master where type = 'index' and name = ?", (row[1],)).fetchall()[0][0] or "")
        for row in db.execute("PRAGMA index_list(escalations)").fetchall()
    )


def rationale_by_month(db: Database, start: str, end: str) -> list[tuple[str, int, int | None]]:
    """('YYYY-MM', escalations raised, of them without a rationale) for [start, end): one grouped pass
    over the table."""
    return db.execute(
        f"select substr(raised_at,1,7), count(*), sum({NO_RATIONALE}) from escalations "
        "where +raised_at >= ? and +raised_at < ? group by 1", (start, end)).fetchall()


def escalations_raised(db: Database, start: str, end: str) -> int:
    """Escalations raised in [start, end)."""
    return db.execute(
        "select count(*) from escalations where raised_at >= ? and raised_at < ?", (start, end)).fetchall()[0][0]


def escalations_without_rationale(db: Database, start: str, end: str) -> int:
    """Escalations raised in [start, end) with no rationale (the partial index alone)."""
    return db.execute(
        f"select count(*) from escalations where raised_at >= ? and raised_at < ? and {NO_RATIONALE}",
        (start, end)).fetchall()[0][0]


# ------------------------------------------------------------------ stability (discharges)


@dataclass(frozen=True)
class DischargeOutcome:
    """What a discharge indicator counts, as SQL over admissions ``a``: ``met`` is true when the
    discharge meets it, ``missing`` when the recorded flag is missing (reported as not recorded)."""

    met: str
    missing: str = "0"

    @property
    def flag(self) -> bool:
        """Whether the outcome is a recorded flag (so a discharge can lack it)."""
        return self.missing != "0"


def followed_up(first_day: int, last_day: int) -> DischargeOutcome:
    """Followed up on days ``first_day``..``last_day`` after the discharge (day 0): the earliest of
    first_followup_at and any attended contact after it."""
    return DischargeOutcome(
        "(a.first_followup_at is not null and a.first_followup_at <> '' and "
        "julianday(substr(a.first_followup_at,1,10)) - julianday(a.discharged_on) "
        f"between {first_day} and {last_day}) or exists (select 1 from contacts c "
        "where c.person_id = a.person_id "
        f"and c.contact_at >= date(a.discharged_on, '+{first_day} days') "
        f"and c.contact_at < date(a.discharged_on, '+{last_day + 1} days') "
        f"and c.attendance in {_SQL_ATTENDED})"
    )


def readmitted(days: int) -> DischargeOutcome:
    """Another admission of the person within ``days`` days of the discharge (days 0..days)."""
    return DischargeOutcome(
        "exists (select 1 from admissions b where b.person_id = a.person_id "
        "and b.spell_id <> a.spell_id and b.admitted_on >= a.discharged_on "
        f"and b.admitted_on <= date(a.discharged_on, '+{days} days'))"
    )


def seen_every_four_weeks(blocks: int) -> DischargeOutcome:
    """An attended planned or review contact in each of the ``blocks`` four-week blocks after the discharge."""
    parts = []
    for k in range(blocks):
        lo = f"date(a.discharged_on, '+{28 * k} days')"
        hi = f"date(a.discharged_on, '+{28 * (k + 1)} days')"
        parts.append(
            "exists (select 1 from contacts c where c.person_id = a.person_id "
            f"and c.contact_at >= {lo} and c.contact_at < {hi} "
            f"and c.kind in ('planned','review') and c.attendance in {_SQL_ATTENDED})"
        )
    return DischargeOutcome(" and ".join(parts))


DISCHARGE_FLAGS = frozenset({"housing_confirmed", "handover_complete", "engaged_within_14_days"})
"""The yes/no columns of admissions a discharge indicator can count."""


def flag_set(column: str) -> DischargeOutcome:
    """The admission's yes/no ``column`` (one of :data:`DISCHARGE_FLAGS`) is set; missing when null."""
    if column not in DISCHARGE_FLAGS:
        raise ValueError(f"admissions has no yes/no column {column!r}")
    return DischargeOutcome(f"coalesce(a.{column}, 0) = 1", f"a.{column} is null")


def discharges_by_month(db: Database, outcome: DischargeOutcome, window_days: int | None, latest: str,
                        start: str, end: str) -> list[tuple[str, int, int, int, int, int]]:
    """('YYYY-MM', eligible discharges due, of them meeting ``outcome``, eligible pending, not eligible
    (transfer or death), due with the flag missing) for discharges in [start, end). ``window_days``:
    the last day of the window counted from the discharge (day 0); a discharge whose window ends after
    ``latest`` (the latest data day) is pending; None: nothing is pending."""
    pending = "0" if window_days is None else f"date(a.discharged_on, '+{window_days} days') > ?"
    params = () if window_days is None else (latest,)
    sql = f"""
        select m, sum(elig and not pend), sum(elig and not pend and ok), sum(elig and pend),
               sum(not elig), sum(elig and not pend and miss)
        from (
          select substr(a.discharged_on,1,7) as m,
                 {_SQL_ELIGIBLE} as elig,
                 {pending} as pend,
                 ({outcome.met}) as ok,
                 ({outcome.missing}) as miss
          from admissions a
          where a.discharged_on >= ? and a.discharged_on < ?
        ) group by m
    """
    return db.execute(sql, (*params, start, end)).fetchall()


def people_at_or_above_baseline(db: Database, spans: list[tuple[int, str, str, str, str, int]],
                                days_per_month: float) -> dict[int, int]:
    """Span number -> people with a baseline whose escalations per month in the span are at or above
    it. ``spans``: (number, first day, first day after, last day, latest referral day that counts,
    days in the span). Exposure: the span's length for people on the caseload all through it, else
    from their referral or to their discharge. Only people with escalations can count."""
    values = ",".join("(?,?,?,?,?,?)" for _ in spans)
    sql = f"""
        with spans(k, start, after, last_day, ref_max, days) as (values {values}),
        g as (
          select s.k, e.person_id, count(*) as n
          from spans s join escalations e on e.raised_at >= s.start and e.raised_at < s.after
          group by s.k, e.person_id)
        select g.k, count(*)
        from g join spans s on s.k = g.k join people p on p.person_id = g.person_id
        where p.baseline_escalations_per_month > 0
          and p.referral_date <= s.ref_max
          and (p.discharge_date is null or p.discharge_date = '' or p.discharge_date >= s.start)
          and g.n * {days_per_month} >= p.baseline_escalations_per_month * (
              case when p.referral_date <= s.start and (p.discharge_date is null or p.discharge_date = ''
                                                        or p.discharge_date >= s.last_day) then s.days
              else julianday(case when p.discharge_date is null or p.discharge_date = ''
                                  or p.discharge_date > s.last_day then s.last_day else p.discharge_date end)
                 - julianday(case when p.referral_date > s.start then p.referral_date else s.start end) + 1
              end)
        group by g.k
    """
    return dict(db.execute(sql, [x for r in spans for x in r]).fetchall())


# ------------------------------------------------------------------ experience


def disengaged_at(db: Database, ends: list[tuple[str, str, str]]) -> dict[str, tuple[int, int | None]]:
    """Span end -> (people in the cohort, of them with no attended contact in the window). ``ends``:
    (last day E, first day of the window, first day after E); the cohort: on the caseload at E and
    referred by the window's first day. One query for every end."""
    values = ",".join("(?,?,?)" for _ in ends)
    sql = f"""
        with ends(e, w, e1) as (values {values}),
        p as materialized (
          select person_id, referral_date, discharge_date from people
          where referral_date <= ? and (discharge_date is null or discharge_date = '' or discharge_date >= ?))
        select e, count(*), sum(not exists (
            select 1 from contacts c where c.person_id = p.person_id
              and c.contact_at >= ends.w and c.contact_at < ends.e1 and c.attendance in {_SQL_ATTENDED}))
        from ends join p on p.referral_date <= ends.w
          and (p.discharge_date is null or p.discharge_date = '' or p.discharge_date >= ends.e)
        group by e
    """
    params = [x for t in ends for x in t] + [max(t[1] for t in ends), min(t[0] for t in ends)]
    return {e: (n, gone) for e, n, gone in db.execute(sql, params).fetchall()}


def goal_reviews(db: Database, start: str, end: str) -> list[tuple[str, str, str, float, int | None]]:
    """(reviewed on, goal, person, goal weight (1 when none), level) for goal reviews in [start, end),
    by date then goal."""
    return db.execute(
        "select r.reviewed_on, r.goal_id, g.person_id, coalesce(g.weight, 1.0), r.level "
        "from goal_reviews r join goals g on g.goal_id = r.goal_id "
        "where r.reviewed_on >= ? and r.reviewed_on < ? order by r.reviewed_on, r.goal_id", (start, end)).fetchall()


def measure_instruments(db: Database) -> list[str]:
    """Every instrument name as stored in measures."""
    return [stored for (stored,) in db.execute("select distinct instrument from measures").fetchall()]


def _marks(names: list[str]) -> str:
    return ",".join("?" * len(names))


def scores_between(db: Database, names: list[str], start: str, end: str) -> list[tuple[str, str, float]]:
    """(measured on, person, score) of the instrument (spelled any of ``names``) in [start, end), by
    date then person; scores that are null are left out."""
    return db.execute(
        f"select measured_on, person_id, score from measures where instrument in ({_marks(names)}) "
        "and measured_on >= ? and measured_on < ? and score is not null order by measured_on, person_id",
        (*names, start, end)).fetchall()


def first_scores(db: Database, names: list[str], start: str, end: str) -> list[tuple[str, str, float | None]]:
    """(person, day, score) of the first score ever of the instrument for each person scored in
    [start, end) (dates from the index; then one lookup each)."""
    marks = _marks(names)
    return db.execute(
        f"select m.person_id, m.measured_on, m.score from measures m join (select person_id, "
        f"min(measured_on) as first from measures where instrument in ({marks}) and person_id in "
        f"(select person_id from measures where instrument in ({marks}) and measured_on >= ? "
        f"and measured_on < ?) group by person_id) f on m.person_id = f.person_id "
        f"and m.measured_on = f.first and m.instrument in ({marks})",
        (*names, *names, start, end, *names)).fetchall()


def first_score_dates(db: Database, names: list[str]) -> dict[str, str]:
    """Person -> the day of their first score of the instrument (answered from the index alone)."""
    return dict(db.execute(
        f"select person_id, min(measured_on) from measures where instrument in ({_marks(names)}) "
        "group by person_id", names).fetchall())


def partner_comms_sent(db: Database, start: str, end: str) -> tuple[int, int | None, int | None]:
    """(messages sent in [start, end), of them within 2 days, with no days recorded): the
    (sent_on, days_to_send) index alone."""
    return db.execute(
        "select count(*), sum(days_to_send <= 2), sum(days_to_send is null) from partner_comms "
        "where sent_on >= ? and sent_on < ?", (start, end)).fetchall()[0]


def actions_by_due_month(db: Database, latest: str, start: str,
                         end: str) -> list[tuple[str, int, int, int, int]]:
    """('YYYY-MM', actions due, closed by their due day, pending (open, due after ``latest``), open and
    overdue) for incident actions due in [start, end)."""
    return db.execute("""
        select substr(due_on,1,7),
          sum(not pending), sum(not pending and ok), sum(pending), sum(not pending and open)
        from (
          select due_on,
            (closed_on is not null and closed_on <> '' and closed_on <= due_on) as ok,
            (closed_on is null or closed_on = '') as open,
            ((closed_on is null or closed_on = '') and due_on > ?) as pending
          from incidents where due_on >= ? and due_on < ?
        ) group by 1
    """, (latest, start, end)).fetchall()
