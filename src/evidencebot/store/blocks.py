"""The method library's data that the demo needs: the service profile and the
shipped answer blocks (corpus/library). The blocks' search, approval and use
in answers live in :mod:`evidencebot.compose.library`."""

from __future__ import annotations

import calendar
import datetime as dt

from sqlite_utils import Database

from evidencebot.errors import InputError

PROFILE_FIELDS = ("service", "provider", "area", "commissioner", "hours", "team", "caseload", "partners", "pathways")
"""The service profile: each fills the ``{field}`` placeholders of the blocks."""


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def get_profile(db: Database) -> dict[str, str]:
    if not db["service_profile"].exists():
        return {}
    return {r["field"]: r["value"] for r in db.query("select field, value from service_profile") if r["value"]}


def set_profile(db: Database, values: dict) -> dict[str, str]:
    """Set profile fields (unknown fields are refused, blank values clear a field)."""
    unknown = [k for k in values if k not in PROFILE_FIELDS]
    if unknown:
        raise InputError(f"unknown profile field {unknown[0]!r} (known: {', '.join(PROFILE_FIELDS)})")
    stamp = dt.datetime.now().replace(microsecond=0).isoformat()
    with db.atomic():
        for k, v in values.items():
            text = " ".join(str(v or "").split())
            if text:
                db["service_profile"].upsert({"field": k, "value": text, "updated_at": stamp}, pk="field")
            elif db["service_profile"].count_where("field = ?", [k]):
                db["service_profile"].delete(k)
    return get_profile(db)


def load_demo_library(db: Database) -> int:
    """Load corpus/library (blocks.yaml, profile.yaml) as approved blocks and the profile.

    Blocks from the corpus replace earlier copies of themselves; blocks written
    by users are never touched. Returns the number of blocks loaded.
    """
    import yaml

    from evidencebot import locations
    from evidencebot.errors import ConfigError

    folder = locations.packaged_dir("corpus") / "library"
    try:
        data = yaml.safe_load((folder / "blocks.yaml").read_text(encoding="utf-8")) or {}
        profile = yaml.safe_load((folder / "profile.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{folder}: the demo library cannot be read ({exc})") from None
    reviewed = dt.date.fromisoformat(str(data.get("reviewed")))
    rows = []
    for spec in data.get("blocks") or []:
        if not spec.get("id") or not spec.get("title") or not spec.get("body"):
            raise ConfigError(f"{folder / 'blocks.yaml'}: every block needs id, title and body")
        last = dt.date.fromisoformat(str(spec.get("reviewed") or reviewed))
        due = dt.date.fromisoformat(str(spec["due"])) if spec.get("due") else _add_months(last, 12)
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
    with db.atomic():
        db.execute("delete from answer_blocks where source = 'corpus/library/blocks.yaml'")
        db["answer_blocks"].insert_all(rows)
        set_profile(db, {k: v for k, v in profile.items() if k in PROFILE_FIELDS})
    return len(rows)
