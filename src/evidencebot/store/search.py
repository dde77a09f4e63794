"""Outcome stories: full-text search, and saving a story while it is typed.

Search uses the ``stories_fts`` FTS5 index (porter stemming, kept in step with
``stories`` by triggers made in migration ``m002``). Results are ranked with
BM25, best first, and can be filtered by domain tag, consent and status.

:func:`save_story_draft` is what the story-capture screen calls as the user
types: every field is written exactly as typed (no trimming), ``updated_at``
is stamped on every write, and a story that does not exist yet is created as
a draft. A story captured this way is never approved here: approval is a
separate, deliberate step.
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot.errors import InputError
from evidencebot.store.audit import current_user
from evidencebot.store.stories import CONSENT_VALUES, DOMAINS, SECTIONS, STATUSES
from evidencebot.store.workflow import story_blockers
from evidencebot.text import WORD

#: Fields the capture screen may write, in the order it asks for them.
EDITABLE_FIELDS = (
    "title",
    "context",
    "support_approach",
    "delivery",
    "evidence",
    "domains",
    "goal_ids",
    "consent",
    "consent_date",
    "person_id",
    "author",
    "story_date",
)
LIST_FIELDS = ("domains", "goal_ids")
UNTITLED = "Untitled story"

_WORD = WORD  # evidencebot.text: letters or digits with inner apostrophes or hyphens
_ID = re.compile(r"^S(\d+)$")


@dataclass
class StoryHit:
    """One story found by :func:`search_stories`."""

    story_id: str
    title: str
    domains: list[str]
    consent: str
    status: str
    story_date: str | None
    snippet: str
    rank: float | None = None
    """BM25 score (lower is better); ``None`` when listed without a query."""
    matched: list[str] = field(default_factory=list)
    """Search terms found in this story."""

    blockers: list[str] = field(default_factory=list)
    """Why the story may not appear in an external document (empty when it may)."""

    @property
    def external_ok(self) -> bool:
        """True when the story may appear in an external document."""
        return not self.blockers


def _now() -> str:
    return _dt.datetime.now().replace(microsecond=0).isoformat()


def search_terms(query: str) -> list[str]:
    """Split a query into terms: quoted phrases stay whole, ``and``/``or`` go.

    ``step-down and housing`` gives ``['step-down', 'housing']``;
    ``"crisis plan" sleep`` gives ``['crisis plan', 'sleep']``.
    """
    terms: list[str] = []
    for quoted, bare in re.findall(r'"([^"]+)"|(\S+)', query or ""):
        if quoted:
            words = _WORD.findall(quoted)
            if words:
                terms.append(" ".join(words).lower())
            continue
        for word in _WORD.findall(bare):
            low = word.lower()
            if low in {"and", "or", "not", "the", "a", "an", "of", "about", "on", "with", "for", "in"}:
                continue
            if low not in terms:
                terms.append(low)
    return terms


def fts_query(terms: list[str]) -> str:
    """An FTS5 expression: each term a quoted phrase, any of them matching.

    Hyphens and apostrophes split words the same way the index does, so
    ``step-down`` becomes the phrase ``"step down"``. BM25 ranks stories that
    hold more of the terms (and rarer ones) first.
    """
    parts = []
    for term in terms:
        words = re.findall(r"[^\W_]+", term, re.UNICODE)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " OR ".join(parts)


def _list(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


def _filters(domains, consent, status) -> tuple[list[str], dict]:
    where: list[str] = []
    args: dict = {}
    if domains:
        bad = [d for d in domains if d not in DOMAINS]
        if bad:
            raise InputError(f"unknown domain {', '.join(bad)} (known: {', '.join(DOMAINS)})")
        ors = []
        for i, d in enumerate(domains):
            args[f"d{i}"] = f"%;{d};%"
            ors.append(f"(';' || coalesce(s.domains, '') || ';') like :d{i}")
        where.append("(" + " or ".join(ors) + ")")
    for column, wanted, known, prefix in (("consent", consent, CONSENT_VALUES, "c"), ("status", status, STATUSES, "st")):
        if not wanted:
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        bad = [v for v in values if v not in known]
        if bad:
            raise InputError(f"unknown {column} {', '.join(bad)} (known: {', '.join(known)})")
        where.append(f"s.{column} in (" + ", ".join(f":{prefix}{i}" for i in range(len(values))) + ")")
        args.update({f"{prefix}{i}": v for i, v in enumerate(values)})
    return where, args


def _first_words(text: str, n: int = 24) -> str:
    words = (text or "").split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def search_stories(
    db: Database,
    query: str = "",
    *,
    domains: list[str] | None = None,
    consent: str | list[str] | None = None,
    status: str | list[str] | None = None,
    limit: int = 10,
) -> list[StoryHit]:
    """Stories matching ``query`` (best first), or all stories newest first.

    ``domains`` keeps stories tagged with any of them; ``consent`` and
    ``status`` keep those with one of the given values.
    """
    if not db["stories"].exists():
        return []
    where, args = _filters(domains, consent, status)
    terms = search_terms(query)
    match = fts_query(terms)
    args["limit"] = int(limit)
    if match:
        args["q"] = match
        extra = "".join(f" and {w}" for w in where)
        sql = (
            "select s.*, bm25(stories_fts) as rank, "
            "snippet(stories_fts, -1, '**', '**', '…', 14) as snip "
            "from stories_fts join stories s on s.rowid = stories_fts.rowid "
            f"where stories_fts match :q{extra} order by rank, s.story_id limit :limit"
        )
    else:
        clause = (" where " + " and ".join(where)) if where else ""
        sql = (
            f"select s.*, null as rank, null as snip from stories s{clause} "
            "order by coalesce(s.updated_at, s.story_date, '') desc, s.story_id limit :limit"
        )
    hits = []
    for row in db.query(sql, args):
        body = " ".join(row.get(k) or "" for k in SECTIONS)
        low = (row.get("title", "") + " " + body).lower()
        matched = [t for t in terms if all(w in low for w in re.findall(r"[^\W_]+", t))]
        hits.append(
            StoryHit(
                story_id=row["story_id"],
                title=row["title"],
                domains=_list(row.get("domains")),
                consent=row.get("consent") or "none",
                status=row.get("status") or "draft",
                story_date=row.get("story_date"),
                snippet=(row.get("snip") or _first_words(row.get("context") or body)).replace("\n", " "),
                rank=row.get("rank"),
                matched=matched,
                blockers=export_blockers(row),
            )
        )
    return hits


# ---------------------------------------------------------------- capture


def new_story_id(db: Database) -> str:
    """The next free id of the form ``S0001`` (ids from files are left alone)."""
    highest = 0
    if db["stories"].exists():
        for (sid,) in db.execute("select story_id from stories where story_id like 'S%'").fetchall():
            m = _ID.match(sid or "")
            if m:
                highest = max(highest, int(m.group(1)))
    return f"S{highest + 1:04d}"


def _clean_field(name: str, value):
    if name not in EDITABLE_FIELDS:
        raise InputError(f"'{name}' is not a story field that can be edited here "
                         f"(fields: {', '.join(EDITABLE_FIELDS)})")
    if name in LIST_FIELDS:
        if value is None:
            return ""
        items = value if isinstance(value, (list, tuple, set)) else re.split(r"[;,]", str(value))
        items = [str(v).strip() for v in items if str(v).strip()]
        if name == "domains":
            items = [v.lower() for v in items]
            bad = [v for v in items if v not in DOMAINS]
            if bad:
                raise InputError(f"unknown domain {', '.join(bad)} (known: {', '.join(DOMAINS)})")
            items = [d for d in DOMAINS if d in items]  # canonical order, no repeats
        return ";".join(dict.fromkeys(items))
    if name == "consent":
        value = (value or "none").strip().lower()
        if value not in CONSENT_VALUES:
            raise InputError(f"unknown consent '{value}' (known: {', '.join(CONSENT_VALUES)})")
        return value
    if value is None:
        return None
    return str(value)  # exactly as typed: no trimming


def save_story_draft(db: Database, story_id: str, fields: dict) -> dict:
    """Write ``fields`` of story ``story_id`` as typed; create it if new.

    Only the fields given are changed. ``updated_at`` is set on every call;
    ``created_at``, ``status`` (``draft``) and a placeholder title are set
    when the story is created. Returns the stored row.
    """
    if not story_id or not str(story_id).strip():
        raise InputError("a story needs an id")
    values = {name: _clean_field(name, value) for name, value in fields.items()}
    if "title" in values and values["title"] is None:
        values["title"] = ""  # the column is NOT NULL; an empty title is still "as typed"
    now = _now()
    table = db["stories"]
    with db.atomic():
        exists = db.execute("select 1 from stories where story_id = ?", [story_id]).fetchone()
        if exists:
            if values:
                sets = ", ".join(f"[{k}] = :{k}" for k in values)
                db.execute(
                    f"update stories set {sets}, updated_at = :updated_at where story_id = :story_id",
                    {**values, "updated_at": now, "story_id": story_id},
                )
            else:
                db.execute("update stories set updated_at = ? where story_id = ?", [now, story_id])
        else:
            row = {
                "story_id": story_id,
                "author": _current_user(db),
                "title": UNTITLED,
                "consent": "none",
                "status": "draft",
                "source": "captured",
                "created_at": now,
                "updated_at": now,
            }
            row.update(values)
            if row.get("title") is None:
                row["title"] = UNTITLED
            table.insert(row)
    return load_story(db, story_id)


def _current_user(db: Database) -> str | None:
    try:
        return current_user(db)
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith("no such function"):
            raise
        return None  # no audit functions on this connection: leave the author blank


def story_row(db: Database, story_id: str) -> dict | None:
    """The stored row of one story, or None."""
    rows = list(db.query("select * from stories where story_id = ?", [story_id]))
    return rows[0] if rows else None


def load_story(db: Database, story_id: str) -> dict:
    """The stored row of one story (``InputError`` when there is none)."""
    row = story_row(db, story_id)
    if row is None:
        raise InputError(f"no story with id '{story_id}'")
    return row


def latest_draft_story(db: Database) -> dict | None:
    """The most recently edited captured draft, to offer to carry on with it."""
    rows = list(
        db.query(
            "select * from stories where status = 'draft' and source = 'captured' "
            "order by updated_at desc, story_id desc limit 1"
        )
    )
    return rows[0] if rows else None


def export_blockers(row: dict) -> list[str]:
    """Why a story may not appear in an external document (empty when it may).

    The rules are :func:`evidencebot.store.workflow.story_blockers` (consent
    for external use, approval with a named approver, consent not withdrawn).
    """
    return story_blockers(row)
