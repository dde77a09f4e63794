"""The method library's tables: ``answer_blocks`` (with full-text search), ``block_uses`` and
``service_profile`` (migration m012), and the shipped blocks the demo loads (corpus/library).

The rules (the four-eyes approval, review dates, ranking, filling the profile into a block)
live in :mod:`evidencebot.compose.library`; this module only reads and writes rows."""

from __future__ import annotations

import calendar
import datetime as dt

from sqlite_utils import Database

from evidencebot import locations
from evidencebot.errors import ConfigError, InputError
from evidencebot.store.declarations import set_declaration
from evidencebot.store.facts import insert_fact

PROFILE_FIELDS = ("service", "provider", "area", "commissioner", "hours", "team", "caseload", "partners", "pathways",
                  "team_wte", "provider_status", "contract_start", "service_manager", "clinical_lead",
                  "safeguarding_lead", "caldicott_guardian", "siro", "dspt_status", "staff_turnover", "premises",
                  # service standards and the team's shape (session 7): each stated once, here, so that
                  # no two blocks can state it differently
                  "capacity", "team_by_locality", "provider_roles", "first_contact_standard",
                  "escalation_review_standard", "supervision_standard", "vacancy_cover", "carers_assessment", "prom",
                  # session 10: timescales and frequencies the s9 panel found stated two ways across answers
                  "governance_board_frequency", "safeguarding_adult_standard", "safeguarding_child_standard",
                  "discharge_summary_standard", "discharge_follow_up_standard",
                  # session 21: what each role of the team is for, said where a tender's establishment has a
                  # role the buyer's does not list ('clinical leads: clinical review of step-ups and ...')
                  "role_purposes")
"""The service profile: each fills the ``{field}`` placeholders of the blocks."""
OPTIONAL_PROFILE_FIELDS = ("role_map",)
"""Profile fields no block fills and the demo leaves unset: the writer's own titles for our roles in a tender whose
buyer sets its establishment ('recovery worker = Wellbeing Practitioner; clinical lead = Senior Practitioner';
session 35, compose/buyer_scale.role_map)."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved on by whole ``months`` (the 31st becomes the month's last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def get_profile(db: Database) -> dict[str, str]:
    if not db["service_profile"].exists():
        return {}
    return {r["field"]: r["value"] for r in db.query("select field, value from service_profile") if r["value"]}


def set_profile(db: Database, values: dict) -> dict[str, str]:
    """Set profile fields (unknown fields are refused, blank values clear a field)."""
    unknown = [k for k in values if k not in PROFILE_FIELDS + OPTIONAL_PROFILE_FIELDS]
    if unknown:
        raise InputError(f"unknown profile field {unknown[0]!r} (known: "
                         f"{', '.join(PROFILE_FIELDS + OPTIONAL_PROFILE_FIELDS)})")
    stamp = dt.datetime.now().replace(microsecond=0).isoformat()
    with db.atomic():
        for k, v in values.items():
            text = " ".join(str(v or "").split())
            if text:
                db["service_profile"].upsert({"field": k, "value": text, "updated_at": stamp}, pk="field")
            elif db["service_profile"].count_where("field = ?", [k]):
                db["service_profile"].delete(k)
    return get_profile(db)


LIBRARY_FILES = "blocks*.yaml"
"""The method library's files in corpus/library (blocks.yaml, blocks_more.yaml, ...), read in name order."""


def library_files() -> list[str]:
    """The shipped method library's file names in name order ('blocks.yaml' before 'blocks_more.yaml');
    a block id in a later file replaces the same id in an earlier one."""
    return sorted(p.name for p in (locations.packaged_dir("corpus") / "library").glob(LIBRARY_FILES))


def library_blocks(folder=None) -> list[tuple[dict, dict]]:
    """Every block of the method library as (spec, file data), files read in name order, a later file's
    block replacing an earlier one with the same id in its place. ``folder``: corpus/library by default."""
    import yaml

    folder = folder or locations.packaged_dir("corpus") / "library"
    out: dict[str, tuple[dict, dict]] = {}
    for path in sorted(folder.glob(LIBRARY_FILES)):
        try:
            data = locations.parse_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: the demo library cannot be read ({exc})") from None
        for spec in data.get("blocks") or []:
            if not spec.get("id") or not spec.get("title") or not spec.get("body"):
                raise ConfigError(f"{path}: every block needs id, title and body")
            out[str(spec["id"])] = (spec, data)
    return list(out.values())


def load_demo_library(db: Database) -> int:
    """Load corpus/library (blocks*.yaml, profile.yaml) as approved blocks and the profile.

    Blocks from the corpus replace earlier copies of themselves; blocks written
    by users are never touched. Returns the number of blocks loaded.
    """
    import yaml

    folder = locations.packaged_dir("corpus") / "library"
    try:
        profile = locations.parse_yaml((folder / "profile.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{folder}: the demo library cannot be read ({exc})") from None
    rows = []
    for spec, data in library_blocks(folder):
        reviewed = dt.date.fromisoformat(str(data.get("reviewed")))
        last = dt.date.fromisoformat(str(spec.get("reviewed") or reviewed))
        due = dt.date.fromisoformat(str(spec["due"])) if spec.get("due") else add_months(last, 12)
        rows.append({
            "block_id": spec["id"], "title": spec["title"], "body": " ".join(str(spec["body"]).split()),
            "means": " ".join(str(spec.get("means") or "").split()), "tags": ";".join(spec.get("tags") or []),
            "owner": spec.get("owner") or data.get("owner"), "source": "corpus/library/blocks.yaml",
            "status": "approved", "submitted_by": spec.get("owner") or data.get("owner"),
            "submitted_at": f"{last.isoformat()}T09:00:00", "approved_by": data.get("approver"),
            "approved_at": f"{last.isoformat()}T15:00:00", "last_reviewed": last.isoformat(),
            "review_due": due.isoformat(), "created_at": f"{last.isoformat()}T09:00:00",
            "updated_at": f"{last.isoformat()}T15:00:00",
        })
    facts = []
    for spec in profile.get("facts") or []:  # the profile's figures from outside the data, with their source
        if not spec.get("statement") or not spec.get("source") or not spec.get("source_date"):
            raise ConfigError(f"{folder / 'profile.yaml'}: every fact needs statement, source and source_date")
        start = dt.date.fromisoformat(str(spec["source_date"]))
        facts.append({"statement": str(spec["statement"]), "value": spec.get("value"), "unit": spec.get("unit"),
                      "indicator_id": None, "period": None, "source": str(spec["source"]),
                      "source_date": start.isoformat(), "review_by": add_months(start, 12).isoformat(),
                      "created_at": f"{start.isoformat()}T09:00:00", "created_by": "corpus/library/profile.yaml"})
    with db.atomic():
        db.execute("delete from answer_blocks where source = 'corpus/library/blocks.yaml'")
        db["answer_blocks"].insert_all(rows)
        set_profile(db, {k: v for k, v in profile.items() if k in PROFILE_FIELDS})
        _load_declarations(db, folder / "declarations.yaml")
        if facts:
            if db["facts"].exists():
                db.execute("delete from facts where created_by = 'corpus/library/profile.yaml'")
            for row in facts:
                insert_fact(db, row)
    return len(rows)


def _load_declarations(db: Database, path) -> None:
    """The demo provider's declarations (corpus/library/declarations.yaml), replacing earlier copies."""
    import yaml

    if not path.exists() or not db["declarations"].exists():
        return
    try:
        data = locations.parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: the demo declarations cannot be read ({exc})") from None
    for spec in data.get("declarations") or []:
        if not spec.get("topic") or not spec.get("statement"):
            raise ConfigError(f"{path}: every declaration needs topic and statement")
        set_declaration(db, spec["topic"], statement=spec["statement"], evidence=spec.get("evidence") or "",
                        approved_by=spec.get("approved_by") or "", approved_on=str(spec.get("approved_on") or ""),
                        reviewed_on=str(spec.get("reviewed_on") or ""), user=str(path.name))


# ---------------------------------------------------------------- answer blocks and their uses


def block_exists(db: Database, block_id: str) -> bool:
    return db.execute("select 1 from answer_blocks where block_id = ?", [block_id]).fetchone() is not None


def insert_block(db: Database, row: dict) -> None:
    with db.atomic():
        db.table("answer_blocks").insert(row)


def block_row(db: Database, block_id: str) -> dict | None:
    rows = list(db.query("select * from answer_blocks where block_id = ?", [block_id]))
    return rows[0] if rows else None


def block_rows(db: Database, status: str | None = None) -> list[dict]:
    """Every block (or those with ``status``) by id; none when the table is missing."""
    if not db["answer_blocks"].exists():
        return []
    return list(db.query("select * from answer_blocks" + (" where status = ?" if status else "") + " order by block_id",
                         [status] if status else []))


def mark_block_submitted(db: Database, block_id: str, who: str, at: str) -> None:
    with db.atomic():
        db.execute("update answer_blocks set status = 'submitted', submitted_by = ?, submitted_at = ? where block_id = ?",
                   [who, at, block_id])


def set_block_scope(db: Database, block_id: str, **values: str) -> None:
    """Set a block's ``ask`` and/or ``buyer`` (migration m028)."""
    cols = [k for k in values if k in ("ask", "buyer")]
    if not cols:
        return
    with db.atomic():
        db.execute(f"update answer_blocks set {', '.join(f'{c} = ?' for c in cols)} where block_id = ?",
                   [values[c] for c in cols] + [block_id])


def asked_rows(db: Database) -> list[dict]:
    """The blocks written for a part's ask (a gap filled in the app), by id; none before m028."""
    if not db["answer_blocks"].exists() or "ask" not in db["answer_blocks"].columns_dict:
        return []
    return list(db.query("select * from answer_blocks where coalesce(ask, '') <> '' order by block_id"))


def set_block_review(db: Database, block_id: str, last_reviewed: str, review_due: str) -> None:
    with db.atomic():
        db.execute("update answer_blocks set last_reviewed = ?, review_due = ? where block_id = ?",
                   [last_reviewed, review_due, block_id])


def match_blocks(db: Database, match: str, limit: int, *, approved_only: bool = True) -> list[dict]:
    """Blocks matching the FTS5 expression ``match`` ranked by bm25 (title weighted 4, tags 3, body 1),
    each with its ``rank``; with ``approved_only`` only blocks approved by someone. None when the table is missing."""
    if not db["answer_blocks"].exists():
        return []
    where = "and b.status = 'approved' and coalesce(trim(b.approved_by), '') <> ''" if approved_only else ""
    return list(db.query(
        f"""
        select b.*, bm25(answer_blocks_fts, 4.0, 3.0, 1.0) as rank
        from answer_blocks_fts join answer_blocks b on b.rowid = answer_blocks_fts.rowid
        where answer_blocks_fts match :match {where}
        order by rank limit :limit
        """,
        {"match": match, "limit": limit},
    ))


def insert_uses(db: Database, rows: list[dict]) -> None:
    """Note block uses (``block_id``, ``used_in``, ``question``, ``used_at``, ``used_by``); nothing when the
    table is missing (a database before m012)."""
    if not rows or not db["block_uses"].exists():
        return
    with db.atomic():
        db.table("block_uses").insert_all(rows)


def blocks_used_for(db: Database, used_in: str, questions) -> set[str]:
    """The ids of the blocks noted as used in ``used_in`` for any of ``questions`` (as :func:`insert_uses` stores
    them); empty when the table is missing (a database before m012)."""
    asked = sorted(set(questions))
    if not asked or not db["block_uses"].exists():
        return set()
    marks = ", ".join("?" for _ in asked)
    rows = db.query(f"select distinct block_id from block_uses where used_in = ? and question in ({marks})",
                    [used_in, *asked])
    return {str(r["block_id"]) for r in rows}


def use_rows(db: Database, block_id: str) -> list[dict]:
    return list(db.query("select * from block_uses where block_id = ? order by used_at desc", [block_id]))
