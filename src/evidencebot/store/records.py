"""Named read queries over the service's records for the narratives (the contract review and tender
answers): people, contacts, escalations, incidents and their actions, safeguarding concerns, partner
communications, crisis plans, service changes, targets, the activity plan, workforce and requests.

Each function takes the period's first and last day as ISO dates (``start``, ``end``) where it needs
them and returns plain rows; the summaries built on them live in :mod:`evidencebot.compose.gather`.
Tables that older databases may not hold (targets, activity_plan, workforce, requests) give ``None``
or an empty result, as each function says.
"""

from __future__ import annotations

from sqlite_utils import Database

def _optional(db: Database, table: str, sql: str, params: dict | None = None) -> list[dict] | None:
    """Rows of a table older databases may not hold; None when it is missing."""
    if not db[table].exists():
        return None
    return list(db.query(sql, params or {}))


_ACTIVE = "(discharge_date is null or discharge_date = '' or discharge_date {op} :{day})"


def targets(db: Database) -> dict[str, float]:
    """Indicator id -> target (empty when the table is missing)."""
    rows = _optional(db, "targets", "select indicator_id, target from targets") or []
    return {r["indicator_id"]: r["target"] for r in rows}


def target_rows(db: Database) -> list[dict]:
    """Every stored target row (empty when the table is missing)."""
    return _optional(db, "targets", "select * from targets") or []


def escalations_raised(db: Database, start: str, end: str) -> list[dict]:
    """Escalations raised in the period: level, triggers, raised/reviewed times, rationale and outcome."""
    return list(db.query(
        "select level, triggers, raised_at, reviewed_at, rationale, outcome from escalations "
        "where substr(raised_at,1,10) between :s and :e", {"s": start, "e": end}))


def incidents(db: Database, start: str, end: str, *, with_learning: bool = False) -> list[dict]:
    """Incidents and near misses that occurred in the period (only those with learning recorded when
    ``with_learning``), newest first."""
    sql = ("select * from incidents where occurred_on between :s and :e"
           + (" and coalesce(trim(learning),'') != ''" if with_learning else "")
           + " order by occurred_on desc, incident_id")
    return list(db.query(sql, {"s": start, "e": end}))


def actions_open_at(db: Database, end: str) -> list[dict]:
    """Incidents whose action was not closed by ``end`` (any age), by due date."""
    return list(db.query(
        "select * from incidents where coalesce(trim(action),'') != '' and occurred_on <= :e "
        "and (closed_on is null or closed_on = '' or closed_on > :e) order by due_on, incident_id",
        {"e": end}))


def actions_due_or_open(db: Database, start: str, end: str) -> list[dict]:
    """Incidents whose action fell due in the period or was still open at its end, by due date."""
    return list(db.query(
        "select * from incidents where coalesce(trim(action),'') != '' and occurred_on <= :e and ("
        "(due_on between :s and :e) or closed_on is null or closed_on = '' or closed_on > :e) "
        "order by due_on, incident_id", {"s": start, "e": end}))


def open_action_texts(db: Database) -> list[str]:
    """The distinct text of every incident action not yet closed (none when incidents have no actions)."""
    if not db["incidents"].exists() or "action" not in db["incidents"].columns_dict:
        return []
    return [r["action"] for r in db.query(
        "select distinct action from incidents where closed_on is null and coalesce(trim(action), '') <> ''")]


def safeguarding_concerns(db: Database, start: str, end: str) -> list[dict]:
    return list(db.query("select * from safeguarding where concern_on between :s and :e", {"s": start, "e": end}))


def partner_messages(db: Database, start: str, end: str) -> list[dict]:
    return list(db.query("select * from partner_comms where sent_on between :s and :e", {"s": start, "e": end}))


def crisis_plan_counts(db: Database, start: str, end: str) -> tuple[int, int, int]:
    """People with a crisis plan made by ``end``; of them, plans made or reviewed in the period; easy-read plans."""
    row = db.execute(
        "select count(distinct person_id), "
        "count(distinct case when coalesce(reviewed_on, created_on) between :s and :e then person_id end), "
        "count(distinct case when easy_read = 1 then person_id end) "
        "from crisis_plans where created_on <= :e", {"s": start, "e": end}).fetchone()
    return (row[0], row[1], row[2]) if row else (0, 0, 0)


def caseload(db: Database, start: str, end: str) -> int:
    """People on the caseload at any time in the period (referred by its end, not discharged before its start)."""
    return db.execute(
        "select count(*) from people where referral_date <= :e and " + _ACTIVE.format(op=">=", day="s"),
        {"s": start, "e": end}).fetchone()[0]


def activity_counts(db: Database, start: str, end: str) -> dict[str, int]:
    """Caseload at the period's start and end, referrals, discharges, attended, booked and unplanned contacts."""
    sql = {
        "caseload_start": "select count(*) from people where referral_date <= :s and " + _ACTIVE.format(op=">=", day="s"),
        "caseload_end": "select count(*) from people where referral_date <= :e and " + _ACTIVE.format(op=">", day="e"),
        "referrals": "select count(*) from people where referral_date between :s and :e",
        "discharges": "select count(*) from people where discharge_date between :s and :e",
        "contacts_attended": "select count(*) from contacts where substr(contact_at,1,10) between :s and :e "
                             "and attendance in ('attended','late')",
        "contacts_planned": "select count(*) from contacts where substr(contact_at,1,10) between :s and :e "
                            "and kind in ('planned','review') and attendance in ('attended','late','dna')",
        "unplanned": "select count(*) from contacts where substr(contact_at,1,10) between :s and :e "
                     "and kind = 'unplanned' and attendance in ('attended','late')",
    }
    return {k: db.execute(q, {"s": start, "e": end}).fetchone()[0] or 0 for k, q in sql.items()}


def first_contacts(db: Database, start: str, end: str) -> list[tuple[str, str | None]]:
    """For each person referred in the period: (referral date, day of the first attended contact on or
    after it, or None)."""
    return db.execute(
        "select p.referral_date, (select min(substr(c.contact_at,1,10)) from contacts c "
        "where c.person_id = p.person_id and c.attendance in ('attended','late') "
        "and substr(c.contact_at,1,10) >= p.referral_date) from people p "
        "where p.referral_date between :s and :e", {"s": start, "e": end}).fetchall()


def service_changes(db: Database, end: str, since: str | None = None) -> list[dict]:
    """Dated service changes up to ``end`` (and from ``since``), oldest first."""
    params = {"e": end}
    sql = "select * from service_changes where changed_on <= :e"
    if since is not None:
        params["s"] = since
        sql += " and changed_on >= :s"
    return list(db.query(sql + " order by changed_on, change_id", params))


def activity_plan(db: Database, period: str) -> dict[str, float] | None:
    """Measure -> planned value for the period label; None when the table is missing."""
    rows = _optional(db, "activity_plan", "select measure, planned from activity_plan where period = :p", {"p": period})
    return None if rows is None else {r["measure"]: r["planned"] for r in rows}


def activity_plan_rows(db: Database) -> list[dict]:
    """Every planned value (period, measure, planned); empty when the table is missing."""
    return _optional(db, "activity_plan", "select period, measure, planned from activity_plan") or []


def workforce(db: Database, period: str) -> list[dict] | None:
    """Workforce and supervision figures for the period label; None when the table is missing."""
    return _optional(db, "workforce", "select measure, value, note from workforce where period = :p order by measure",
                     {"p": period})


def workforce_rows(db: Database) -> list[dict]:
    """Every workforce figure (period, measure, value); empty when the table is missing."""
    return _optional(db, "workforce", "select period, measure, value from workforce") or []


def open_requests(db: Database, end: str) -> list[dict] | None:
    """Requests to the commissioner raised by ``end`` and not closed or withdrawn; None when the table is missing."""
    return _optional(db, "requests", "select * from requests where raised_on <= :e and "
                     "coalesce(status,'') not in ('closed','withdrawn') order by raised_on", {"e": end})
