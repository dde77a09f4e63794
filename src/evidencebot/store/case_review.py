"""Named read queries for the escalation patterns and case-review prompts
(:mod:`evidencebot.metrics.patterns`). Dates are ISO text; ``start`` is the first day in, ``after``
the first day after. Each returns plain tuples, one query per call, never one per person.
"""

from __future__ import annotations

from sqlite_utils import Database

_ON_CASELOAD = ("{p}referral_date <= ? and ({p}discharge_date is null or {p}discharge_date = '' "
                "or {p}discharge_date >= ?)")


def trigger_counts(db: Database, start: str, after: str) -> list[tuple[str, str | None, int]]:
    """(day raised, triggers as recorded, escalations) for escalations raised in [start, after)."""
    return db.execute(
        "select substr(raised_at,1,10), triggers, count(*) from escalations "
        "where raised_at >= ? and raised_at < ? group by 1, 2", (start, after)).fetchall()


def people_on_caseload(db: Database, first: str, last: str) -> list[tuple[str, str, str | None, float | None]]:
    """(person, referral date, discharge date, onboarding baseline) for everyone on the caseload at
    some time from ``first`` to ``last`` (inclusive)."""
    return db.execute(
        "select person_id, referral_date, discharge_date, baseline_escalations_per_month from people where "
        + _ON_CASELOAD.format(p=""), (last, first)).fetchall()


def crisis_starts(db: Database, start: str, after: str) -> list[tuple[str, str]]:
    """(person, start) of crisis events that started in [start, after), by person then start."""
    return db.execute(
        "select person_id, started_on from crisis_events where started_on >= ? and started_on < ? "
        "order by person_id, started_on", (start, after)).fetchall()


def unplanned_contacts(db: Database, before_start: str, recent_start: str,
                       after: str) -> list[tuple[str, int, int]]:
    """(person, unplanned contacts in [recent_start, after), in [before_start, recent_start)) for booked
    unplanned contacts (attended, late or not attended)."""
    return db.execute(
        "select person_id, sum(contact_at >= ?), sum(contact_at < ?) from contacts "
        "where kind = 'unplanned' and attendance in ('attended','late','dna') "
        "and contact_at >= ? and contact_at < ? group by person_id",
        (recent_start, recent_start, before_start, after)).fetchall()


def escalations_by_person(db: Database, start: str, after: str) -> list[tuple[str, int]]:
    """(person, escalations raised in [start, after))."""
    return db.execute(
        "select person_id, count(*) from escalations where raised_at >= ? and raised_at < ? group by person_id",
        (start, after)).fetchall()


def discharges_to_follow_up(db: Database, start: str, after: str) -> list[tuple[str, str, str, str | None]]:
    """(person, spell, discharged on, first follow-up) for discharges in [start, after) that need a
    follow-up (not a transfer or a death), by discharge date."""
    return db.execute(
        "select person_id, spell_id, discharged_on, first_followup_at from admissions "
        "where discharged_on >= ? and discharged_on < ? "
        "and coalesce(discharge_type,'') not in ('transfer','death') order by discharged_on",
        (start, after)).fetchall()


def crisis_without_plan(db: Database, start: str, after: str, end: str,
                        window: str) -> list[tuple[str, int, str]]:
    """(person, crisis events in [start, after), latest start) for people on the caseload at ``end``
    whose crisis plan was neither created nor reviewed from ``window`` to ``end`` (any review in
    the plan history counts, when the database holds one)."""
    history = db.execute("select 1 from sqlite_master where name = 'crisis_plan_reviews'").fetchone() is not None
    extra = ("and not exists (select 1 from crisis_plan_reviews r where r.person_id = e.person_id "
             "and r.reviewed_on >= ? and r.reviewed_on <= ?)" if history else "")
    return db.execute(
        f"""select e.person_id, count(*), max(e.started_on) from crisis_events e
            join people p on p.person_id = e.person_id
            where e.started_on >= ? and e.started_on < ?
              and {_ON_CASELOAD.format(p="p.")}
              and not exists (select 1 from crisis_plans c where c.person_id = e.person_id
                              and ((c.created_on >= ? and c.created_on <= ?)
                                   or (c.reviewed_on >= ? and c.reviewed_on <= ?)))
              {extra}
            group by e.person_id""",
        (start, after, end, end, window, end, window, end, *((window, end) if history else ())),
    ).fetchall()


def without_attended_contact(db: Database, window: str, end: str, after: str) -> list[tuple[str, str | None]]:
    """(person, last attended contact before ``after``) for people on the caseload for the whole of
    ``window`` to ``end`` (referred by ``window``, not discharged before ``end``) with no attended
    contact in [window, after)."""
    return db.execute(
        """select p.person_id, (select max(c.contact_at) from contacts c where c.person_id = p.person_id
                                 and c.contact_at < ? and c.attendance in ('attended','late'))
           from people p
           where """ + _ON_CASELOAD.format(p="p.") + """
             and not exists (select 1 from contacts c where c.person_id = p.person_id
                             and c.contact_at >= ? and c.contact_at < ? and c.attendance in ('attended','late'))""",
        (after, window, end, window, after)).fetchall()
