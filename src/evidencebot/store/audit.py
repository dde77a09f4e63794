"""The audit log: who changed what, and when.

Commissioners and the CQC ask who approved a story, who imported a file and
who changed a figure. Every answer is in the ``audit_log`` table (migration
``m007_governance``):

* **Row changes** to stories, drafts, draft versions, facts, the bid library
  and variance notes are written by SQLite triggers, so no code path (the app,
  the command line, an import, a future module) can skip them. The trigger
  calls two SQL functions registered on every connection by
  :func:`register_functions` (``store.db.connect`` does it):
  ``evidencebot_user()`` (the settings user name) and
  ``evidencebot_audit_diff()`` (which fields changed). A connection that has
  not registered them cannot change an audited table at all ("no such
  function: evidencebot_user"): an edit from outside evidencebot fails rather
  than going unrecorded.
* **Imports** write one summary row each (table, file name, rows inserted,
  updated, unchanged and rejected), not one per row, so a million-row import
  stays fast. Story imports also get the per-row trigger records.
* **Exports, backups, migrations and consent withdrawals** write one row each
  through :func:`record`.

No personal data in the log: values are recorded only for columns on an
allow-list (ids, codes, dates, statuses, the staff names that approved or
saved something). Every other column (story sections and titles, draft
bodies, fact statements ...) is recorded as its length and the first 16 hex
digits of its SHA-256, e.g. ``{"chars": 812, "sha256": "3f2a..."}``: enough to
show that the text changed, and to match it against a copy, but not the text.

The log is append-only: triggers refuse ``UPDATE`` and ``DELETE`` on it.
Times are UTC, ``YYYY-MM-DDTHH:MM:SS.sssZ``.

It is also **hash-chained** (migration ``m016_audit_chain``): a trigger gives
every new entry, in ``audit_chain``, the SHA-256 of the previous entry's hash
and its own fields. :func:`verify_chain` (run by ``evidencebot doctor``)
reports the first entry that was edited, added or removed outside
evidencebot, or back-dated; :func:`untraced_changes` reports stories whose
approval differs from what the log last recorded. What this does not stop:
someone who can write the database file (a local administrator) can drop the
triggers, change rows and recompute the whole chain with the published
algorithm; the chain makes such an edit detectable only against a copy made
before it (a backup) or a chain head noted elsewhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database

from evidencebot.config import _whoami, load_settings
from evidencebot.errors import ConfigError, InputError

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

#: Tables whose every row change is written to the audit log by triggers,
#: with the columns whose values may be logged (all others: length + hash).
AUDITED: dict[str, frozenset[str]] = {
    "stories": frozenset({
        "story_id", "person_id", "domains", "goal_ids", "consent", "consent_date", "approved_by",
        "approved_at", "status", "story_date", "created_at", "submitted_by", "submitted_at",
        "consent_withdrawn_at", "consent_withdrawn_by",
    }),
    "drafts": frozenset({
        "draft_id", "kind", "word_limit", "period", "status", "created_by", "created_at",
        "submitted_by", "submitted_at", "approved_by", "approved_at",
    }),
    "draft_versions": frozenset({"draft_id", "version", "saved_at", "saved_by"}),
    "facts": frozenset({
        "fact_id", "value", "unit", "indicator_id", "period", "source_date", "review_by",
        "created_at", "created_by",
    }),
    "bids": frozenset({
        "bid_id", "word_limit", "words", "period", "created_at", "review_date", "score",
        "max_score", "outcome",
    }),
    "variance_notes": frozenset({"indicator_id", "period", "due_on", "created_at"}),
    "answer_blocks": frozenset({
        "block_id", "owner", "source", "status", "submitted_by", "submitted_at", "approved_by", "approved_at",
        "last_reviewed", "review_due", "created_at",
    }),
    "service_profile": frozenset({"field", "value"}),
    "declarations": frozenset({"topic", "approved_by", "approved_on", "reviewed_on"}),
}
#: Columns never compared: touching ``updated_at`` alone is not a change.
IGNORED = frozenset({"updated_at"})
TRIGGER_PREFIX = "audit_"
ACTIONS = ("insert", "update", "delete", "import", "import-rejected", "export", "backup",
           "migrate", "consent-withdrawn", "same-account")


# --------------------------------------------------------------------------
# SQL functions
# --------------------------------------------------------------------------


def default_user() -> str:
    """The settings user name (``[user] name`` in config.toml, else the login name)."""
    try:
        name = load_settings().user.name
    except ConfigError:
        return f"{_whoami()} (settings unreadable)"
    name = " ".join(str(name).split())
    return name or _whoami()


def os_account() -> str:
    """The computer account running evidencebot, as the operating system knows it:
    ``name (uid N)`` from the process's real user id (not from $USER or $LOGNAME, which
    anyone can set). On a system without user ids: the login name."""
    try:
        import pwd

        uid = os.getuid()
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:  # a uid with no entry (containers)
            name = "?"
        return f"{name} (uid {uid})"
    except (ImportError, AttributeError):
        import getpass

        return getpass.getuser()


def account_of(user: str) -> str:
    """The computer account acting for the declared ``user``: always the real account
    (:func:`os_account`); the name is what a person can change, the account is not.
    (The test suite replaces this to act as several people in one process.)"""
    return os_account()


class _User:
    """Who the connection is acting for; resolved on first use."""

    def __init__(self, name: str | None = None):
        self.name = name

    def __call__(self) -> str:
        if not self.name:
            self.name = default_user()
        return self.name


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def redact(value: Any) -> Any:
    """What the log keeps of a value that may hold personal data."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(value)
    else:
        text = str(value)
    return {"chars": len(text), "sha256": digest(text)}


def diff(table: str, old: dict | None, new: dict | None) -> dict | None:
    """Changed fields as ``{field: [old, new]}``; ``None`` when nothing changed.

    Columns not on the table's allow-list are replaced by :func:`redact`.
    """
    allowed = AUDITED.get(table, frozenset())
    old = old or {}
    new = new or {}
    out: dict[str, list] = {}
    for name in list(old) + [k for k in new if k not in old]:
        if name in IGNORED:
            continue
        a, b = old.get(name), new.get(name)
        if a == b and type(a) is type(b):
            continue
        if a is None and b is None:
            continue
        if name in allowed:
            out[name] = [a, b]
        else:
            out[name] = [redact(a), redact(b)]
    return out or None


def _sql_diff(table, old_json, new_json):
    try:
        old = json.loads(old_json) if old_json is not None else None
        new = json.loads(new_json) if new_json is not None else None
        changes = diff(table, old, new)
    except Exception as exc:  # never let the audit make a write fail silently
        return json.dumps({"audit_error": type(exc).__name__})
    if changes is None:
        return None
    return json.dumps(changes, ensure_ascii=False, sort_keys=True)


def chain_hash(prev: str | None, audit_id, at, user, table, key, action, changes) -> str:
    """The hash of one audit entry, chained to the hash of the entry before it."""
    text = json.dumps([prev or "", audit_id, at, user, table, key, action, changes], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def register_functions(conn: sqlite3.Connection, user: str | None = None) -> None:
    """Register ``evidencebot_user()``, ``evidencebot_audit_diff()`` and
    ``evidencebot_audit_hash()`` on ``conn``."""
    holder = _User(user)
    conn.create_function("evidencebot_user", 0, holder)
    conn.create_function("evidencebot_account", 0, lambda: account_of(holder()))
    conn.create_function("evidencebot_audit_diff", 3, _sql_diff)
    conn.create_function("evidencebot_audit_hash", 8, chain_hash, deterministic=True)
    try:
        conn._evidencebot_user = holder  # type: ignore[attr-defined]
    except AttributeError:  # a plain sqlite3.Connection has no attributes
        pass


def set_user(db: Database, name: str) -> None:
    """Act as ``name`` on this connection from now on (the app, tests)."""
    name = " ".join(str(name or "").split())
    if not name:
        raise InputError("a user name cannot be empty")
    register_functions(db.conn, name)


def current_user(db: Database) -> str:
    ensure_functions(db)
    return db.execute("select evidencebot_user()").fetchone()[0]


def ensure_functions(db: Database) -> None:
    """Register the functions unless the connection already has them."""
    try:
        db.conn.execute("select evidencebot_user()").fetchone()
    except sqlite3.OperationalError:
        register_functions(db.conn)


# --------------------------------------------------------------------------
# Schema: the log table and the triggers
# --------------------------------------------------------------------------


def create_log_table(db: Database) -> None:
    db.conn.execute(
        """
        CREATE TABLE IF NOT EXISTS audit_log (
            audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_key TEXT,
            action TEXT NOT NULL,
            changes TEXT
        )
        """
    )
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_audit_log_at ON audit_log (at)")
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_audit_log_table_at ON audit_log (table_name, at)")
    for op in ("UPDATE", "DELETE"):
        db.conn.execute(
            f"CREATE TRIGGER IF NOT EXISTS audit_log_no_{op.lower()} BEFORE {op} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END"
        )


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _json_row(columns: list[str], alias: str) -> str:
    parts = []
    for c in columns:
        ref = f"{alias}.{_q(c)}"
        parts.append(f"{_lit(c)}, CASE typeof({ref}) WHEN 'blob' THEN 'blob of ' || length({ref}) || ' bytes' ELSE {ref} END")
    return "json_object(" + ", ".join(parts) + ")"


def _key_expr(pks: list[str], alias: str) -> str:
    return " || '/' || ".join(f"coalesce(CAST({alias}.{_q(k)} AS TEXT), '')" for k in pks)


def trigger_names(table: str) -> list[str]:
    return [f"{TRIGGER_PREFIX}{table}_{op}" for op in ("insert", "update", "delete")]


CHAIN_TRIGGERS = ["audit_log_chain", "audit_chain_no_update", "audit_chain_no_delete"]


def install_chain(db: Database, *, backfill: bool = True) -> int:
    """The hash chain (migration m016): every audit entry gets, in ``audit_chain``,
    ``sha256(previous hash, the entry's fields)``, written by a trigger on
    ``audit_log`` in the same transaction. Entries already in the log are chained
    in order. Returns how many were chained now."""
    conn = db.conn
    conn.execute("CREATE TABLE IF NOT EXISTS audit_chain (audit_id INTEGER PRIMARY KEY, hash TEXT NOT NULL)")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_chain")
    conn.execute(
        "CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN "
        "INSERT INTO audit_chain (audit_id, hash) VALUES (NEW.audit_id, evidencebot_audit_hash("
        "(SELECT hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1), NEW.audit_id, NEW.at, NEW.user, "
        "NEW.table_name, NEW.row_key, NEW.action, NEW.changes)); END"
    )
    for op in ("UPDATE", "DELETE"):
        conn.execute(
            f"CREATE TRIGGER IF NOT EXISTS audit_chain_no_{op.lower()} BEFORE {op} ON audit_chain "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END"
        )
    if not backfill:  # doctor --fix puts the trigger back: it never blesses entries added meanwhile
        return 0
    last = conn.execute("SELECT hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1").fetchone()
    prev = last[0] if last else None
    rows = conn.execute(
        "SELECT audit_id, at, user, table_name, row_key, action, changes FROM audit_log "
        "WHERE audit_id NOT IN (SELECT audit_id FROM audit_chain) ORDER BY audit_id").fetchall()
    for row in rows:
        prev = chain_hash(prev, *row)
        conn.execute("INSERT INTO audit_chain (audit_id, hash) VALUES (?, ?)", [row[0], prev])
    return len(rows)


BACKDATED_SECONDS = 300
"""An entry dated this much before the one logged before it is reported as back-dated."""


def verify_chain(conn: sqlite3.Connection) -> tuple[int, str | None]:
    """Walk the log in order: ``(entries checked, first problem or None)``.

    Finds an entry edited or added outside evidencebot (its hash does not follow
    from the one before), an entry removed (its chain hash is left over), and an
    entry dated well before the one logged before it (back-dated).
    """
    import datetime as _dt

    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "audit_chain" not in names:
        return 0, "the audit log has no hash chain (the schema is older than m016)"
    prev = None
    prev_at = None
    n = 0
    rows = conn.execute(
        "SELECT l.audit_id, l.at, l.user, l.table_name, l.row_key, l.action, l.changes, c.hash "
        "FROM audit_log l LEFT JOIN audit_chain c ON c.audit_id = l.audit_id ORDER BY l.audit_id")
    for audit_id, at, user, table, key, action, changes, stored in rows:
        n += 1
        expected = chain_hash(prev, audit_id, at, user, table, key, action, changes)
        if stored != expected:
            why = "has no chain hash (added outside evidencebot)" if stored is None else \
                "does not match its chain hash (edited, or written outside evidencebot)"
            return n, f"entry {audit_id} ({at}, {user}, {table} {key or ''} {action}) {why}"
        try:
            when = _dt.datetime.fromisoformat(str(at).replace("Z", "+00:00"))
        except ValueError:
            return n, f"entry {audit_id} has an unreadable time {str(at)[:40]!r}"
        if prev_at is not None and (prev_at - when).total_seconds() > BACKDATED_SECONDS:
            return n, f"entry {audit_id} is dated {at}, before the entry logged before it (back-dated)"
        prev, prev_at = stored, when
    orphan = conn.execute("SELECT min(audit_id) FROM audit_chain WHERE audit_id NOT IN "
                          "(SELECT audit_id FROM audit_log)").fetchone()[0]
    if orphan is not None:
        return n, f"entry {orphan} was removed from the log (its chain hash is still there)"
    return n, None


def untraced_changes(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """Stories whose status or approver differ from what the log last recorded for them
    (changed with the triggers dropped, or through stub SQL functions)."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"audit_log", "stories"} <= names:
        return []
    last: dict[str, dict] = {}
    for key, action, changes in conn.execute(
            "SELECT row_key, action, changes FROM audit_log WHERE table_name = 'stories' "
            "AND action IN ('insert', 'update', 'delete') ORDER BY audit_id"):
        if action == "delete":
            last.pop(key, None)
            continue
        try:
            data = json.loads(changes) if changes else {}
        except ValueError:
            continue
        seen = last.setdefault(key, {})
        for field_name in ("status", "approved_by"):
            if isinstance(data.get(field_name), list) and len(data[field_name]) == 2:
                seen[field_name] = data[field_name][1]
    out = []
    for story_id, status, approved_by in conn.execute("SELECT story_id, status, approved_by FROM stories"):
        seen = last.get(str(story_id))
        if not seen:
            continue  # never logged (older than the log)
        for field_name, value in (("status", status), ("approved_by", approved_by)):
            if field_name in seen and seen[field_name] != value:
                out.append(f"story {story_id}: {field_name} is {value!r} but the log last recorded "
                           f"{seen[field_name]!r}")
                break
        if len(out) >= limit:
            break
    return out


def expected_triggers(db: Database) -> list[str]:
    names = ["audit_log_no_update", "audit_log_no_delete"]
    if db["audit_chain"].exists():
        names += CHAIN_TRIGGERS
    for table in AUDITED:
        if db[table].exists():
            names += trigger_names(table)
    return names


def install_triggers(db: Database) -> list[str]:
    """(Re)create the audit triggers for every audited table that exists.

    The triggers name every column the table has now, so a migration that
    adds a column to an audited table must call this again.
    """
    conn = db.conn
    made = []
    for table in AUDITED:
        if not db[table].exists():
            continue
        info = conn.execute(f"PRAGMA table_info({_q(table)})").fetchall()
        columns = [r[1] for r in info]
        pks = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or ["rowid"]
        t = _lit(table)
        for name in trigger_names(table):
            conn.execute(f"DROP TRIGGER IF EXISTS {_q(name)}")
        ins, upd, dele = trigger_names(table)
        conn.execute(
            f"CREATE TRIGGER {_q(ins)} AFTER INSERT ON {_q(table)} BEGIN "
            f"INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES "
            f"({NOW_SQL}, evidencebot_user(), {t}, {_key_expr(pks, 'new')}, 'insert', "
            f"evidencebot_audit_diff({t}, NULL, {_json_row(columns, 'new')})); END"
        )
        conn.execute(
            f"CREATE TRIGGER {_q(upd)} AFTER UPDATE ON {_q(table)} BEGIN "
            f"INSERT INTO audit_log (at, user, table_name, row_key, action, changes) "
            f"SELECT {NOW_SQL}, evidencebot_user(), {t}, {_key_expr(pks, 'new')}, 'update', d FROM "
            f"(SELECT evidencebot_audit_diff({t}, {_json_row(columns, 'old')}, {_json_row(columns, 'new')}) AS d) "
            f"WHERE d IS NOT NULL; END"
        )
        conn.execute(
            f"CREATE TRIGGER {_q(dele)} AFTER DELETE ON {_q(table)} BEGIN "
            f"INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES "
            f"({NOW_SQL}, evidencebot_user(), {t}, {_key_expr(pks, 'old')}, 'delete', "
            f"evidencebot_audit_diff({t}, {_json_row(columns, 'old')}, NULL)); END"
        )
        made += [ins, upd, dele]
    return made


# --------------------------------------------------------------------------
# Writing and reading
# --------------------------------------------------------------------------


def record(db: Database, *, table: str, action: str, key: str | None = None,
           changes: dict | None = None) -> None:
    """Write one audit entry (imports, exports, backups ...). Ids and counts only.

    Runs in the caller's transaction when there is one.
    """
    ensure_functions(db)
    db.conn.execute(
        f"INSERT INTO audit_log (at, user, table_name, row_key, action, changes) "
        f"VALUES ({NOW_SQL}, evidencebot_user(), ?, ?, ?, ?)",
        [table, key, action,
         json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes is not None else None],
    )


@dataclass
class AuditEntry:
    audit_id: int
    at: str
    user: str
    table: str
    key: str | None
    action: str
    changes: dict | None

    def as_dict(self) -> dict:
        return asdict(self)

    def summary(self, width: int = 100) -> str:
        """The changes on one line: ``status: draft -> submitted; context: (812 chars, changed)``."""
        if not self.changes:
            return ""
        parts = []
        for name, value in self.changes.items():
            if isinstance(value, list) and len(value) == 2:
                parts.append(f"{name}: {_show(value[0])} -> {_show(value[1])}")
            else:
                parts.append(f"{name}: {_show(value)}")
        text = "; ".join(parts)
        return text if len(text) <= width else text[: width - 3] + "..."


def _show(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict) and set(value) == {"chars", "sha256"}:
        return f"<{value['chars']} chars #{value['sha256'][:8]}>"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _since(text: str) -> str:
    """A ``--since`` value as the UTC text the log is compared with."""
    text = str(text).strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return day.isoformat()
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"--since {text!r}: give a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM)") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds") + "Z"


def recent(db: Database, limit: int | None = 50, *, table: str | None = None,
           since: str | None = None, action: str | None = None, key: str | None = None) -> list[AuditEntry]:
    """Audit entries, newest first (``limit=None``: all of them)."""
    if not db["audit_log"].exists():
        return []
    where, args = [], []
    if table:
        where.append("table_name = ?")
        args.append(table)
    if since:
        where.append("at >= ?")
        args.append(_since(since))
    if action:
        where.append("action = ?")
        args.append(action)
    if key is not None:
        where.append("row_key = ?")
        args.append(str(key))
    sql = "SELECT audit_id, at, user, table_name, row_key, action, changes FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY audit_id DESC"
    if limit is not None:
        if int(limit) <= 0:
            raise InputError("the limit must be a positive number")
        sql += f" LIMIT {int(limit)}"
    out = []
    for row in db.conn.execute(sql, args):
        try:
            changes = json.loads(row[6]) if row[6] else None
        except ValueError:
            changes = {"unreadable": row[6][:40]}
        out.append(AuditEntry(row[0], row[1], row[2], row[3], row[4], row[5], changes))
    return out


def tables_logged(db: Database) -> list[str]:
    if not db["audit_log"].exists():
        return []
    return [r[0] for r in db.conn.execute("SELECT DISTINCT table_name FROM audit_log ORDER BY 1")]
