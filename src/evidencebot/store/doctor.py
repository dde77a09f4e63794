"""``evidencebot doctor``: is the database healthy, and if not, what to do.

:func:`diagnose` reads only (it opens the file with plain ``sqlite3``: no
migration, no change of journal mode) and returns one :class:`Check` per
topic, each with what was found and, for a problem, how to fix it:

* the file is a SQLite database at all;
* ``PRAGMA integrity_check`` (damaged pages or indexes);
* ``PRAGMA foreign_key_check`` (rows pointing at people or goals that are not there);
* the full-text indexes (``stories_fts``, ``bids_fts``): FTS5 ``integrity-check``
  and the number of rows indexed against the number in the table;
* file permissions of the database, its ``-wal``/``-shm`` files and the backups
  (owner only);
* WAL journaling;
* pending schema migrations;
* the audit and workflow triggers are all in place;
* (warnings, not problems) approved stories nobody is named as approving.

:func:`repair` fixes what can be fixed safely: rebuilds search indexes,
``REINDEX`` for damaged indexes, owner-only permissions, WAL mode, pending
migrations (a backup is taken first), missing triggers. Damage to the data
itself cannot be repaired in place: the fix is to restore a backup, and the
check says which one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

from evidencebot import locations
from evidencebot.errors import InputError
from evidencebot.store import audit, retention, workflow
from evidencebot.store import migrations as schema
from evidencebot.store.backup import backup_dir, list_backups
from evidencebot.store.db import BUSY_TIMEOUT_MS, connect, set_busy_timeout

FTS_COLUMNS = {
    "stories": ["title", "domains", "context", "support_approach", "delivery", "evidence"],
    "bids": ["question", "answer"],
}
FTS_TABLES = {"stories_fts": ("stories", "story search index"), "bids_fts": ("bids", "bid library search index")}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None
    repair: str | None = None
    """Key of the automatic repair :func:`repair` can run (None: none)."""
    warning: bool = False
    items: list[str] = field(default_factory=list)

    @property
    def problem(self) -> bool:
        return not self.ok and not self.warning


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _latest_backup_hint(db_path: Path) -> str:
    try:
        mine = [p for p, _size, _when in list_backups() if p.name.startswith(db_path.stem + "-")]
    except OSError:  # the data folder may be unusable too
        mine = []
    if mine:
        return (f"close evidencebot and restore the latest backup, e.g. 'cp {mine[0]} {db_path}' "
                "(keep the damaged file aside first)")
    return "close evidencebot and restore a backup copy of the file; none was found in the backups folder"


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    set_busy_timeout(conn)
    return conn


def diagnose(path: str | Path) -> list[Check]:
    """Check the database file at ``path``; never changes it."""
    path = Path(path).expanduser()
    checks: list[Check] = []
    if not path.exists():
        return [Check("file", False, f"{path}: no such file",
                      "build one with 'evidencebot demo' or import data with 'evidencebot import'")]
    if not path.is_file():
        return [Check("file", False, f"{path}: not a file")]
    try:
        conn = _open(path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        return [Check("file", False, f"not a readable SQLite database ({exc})", _latest_backup_hint(path))]
    def guarded(name: str, check, *args) -> list[Check]:
        """A check that cannot even read what it checks reports the file as damaged (no traceback)."""
        try:
            found = check(*args)
        except sqlite3.DatabaseError as exc:
            return [Check(name, False, f"could not be read: {exc}; the file is damaged", _latest_backup_hint(path),
                          repair=DAMAGED)]
        return found if isinstance(found, list) else [found]

    try:
        checks.append(Check("file", True, f"{path} ({path.stat().st_size / 1_048_576:.1f} MB)"))
        checks.append(_permissions(path))
        checks.append(_leftovers(path))
        checks += guarded("integrity", _integrity, conn, path)
        checks += guarded("foreign keys", _foreign_keys, conn)
        for fts, (base, label) in FTS_TABLES.items():
            checks += guarded(label, _fts, conn, fts, base, label)
        checks += guarded("journal", _wal, conn)
        checks += guarded("schema", _migrations, conn)
        checks += guarded("audit", _triggers, conn)
        checks += guarded("approvals", _governance, conn)
        checks += guarded("draft retention", _draft_retention, conn)
    finally:
        conn.close()
    return checks


DAMAGED = "damaged"
"""The ``repair`` key of a check that found the file itself damaged: nothing is repaired then."""


def damage(checks: list[Check]) -> Check | None:
    """The first check saying the file itself is damaged (None when it is not)."""
    for c in checks:
        if c.repair == DAMAGED:
            return c
    return None


def _app_folders() -> list[tuple[str, Path]]:
    """The config, data and cache folders in use (not created here)."""
    import platformdirs

    home = locations._home()
    if home is not None:
        return [(n, home / n) for n in ("config", "data", "cache")]
    return [("config", Path(platformdirs.user_config_dir(locations.APP_NAME))),
            ("data", Path(platformdirs.user_data_dir(locations.APP_NAME))),
            ("cache", Path(platformdirs.user_cache_dir(locations.APP_NAME)))]


def _permissions(path: Path) -> Check:
    loose = []
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        mode = _mode(p)
        if mode is not None and mode & 0o077:
            loose.append(f"{p.name} is {oct(mode)[2:]}")
    try:
        folder = backup_dir(create=False)
        mode = _mode(folder)
        if mode is not None and mode & 0o077:
            loose.append(f"backups folder is {oct(mode)[2:]}")
        for p in folder.glob("*.db"):
            mode = _mode(p)
            if mode is not None and mode & 0o077:
                loose.append(f"backup {p.name} is {oct(mode)[2:]}")
    except OSError:
        pass
    for label, folder in _app_folders():
        mode = _mode(folder)
        if mode is not None and mode & 0o077:
            loose.append(f"{label} folder {folder} is {oct(mode)[2:]}")
    if loose:
        return Check("permissions", False, "other users can read health data: " + "; ".join(loose[:6]),
                     "run 'evidencebot doctor --fix' to make them readable by you only (600; folders 700)",
                     repair="permissions", items=loose)
    return Check("permissions", True, "database and backups readable by their owner only")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def stale_partials(db_path: Path) -> list[Path]:
    """Half-made copies left by a backup that was killed (their process is gone)."""
    found = []
    for folder in {backup_dir(create=False), db_path.parent}:
        if not folder.is_dir():
            continue
        for p in folder.glob(".*.partial-*"):
            pid = p.name.rsplit("-", 1)[-1]
            if pid.isdecimal() and not _pid_alive(int(pid)):
                found.append(p)
    return sorted(found)


def _leftovers(path: Path) -> Check:
    found = stale_partials(path)
    if found:
        return Check("leftover copies", False,
                     f"{len(found)} unfinished backup cop{'ies' if len(found) > 1 else 'y'} left by an interrupted "
                     f"backup ({', '.join(p.name for p in found[:3])}); they hold health data",
                     "run 'evidencebot doctor --fix' to delete them", repair="partials", items=[str(p) for p in found])
    return Check("leftover copies", True, "no unfinished backup copies")


def _integrity(conn: sqlite3.Connection, path: Path) -> Check:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows == ["ok"]:
        return Check("integrity", True, "PRAGMA integrity_check: ok")
    only_indexes = all(("index" in r.lower()) for r in rows)
    if only_indexes:
        return Check("integrity", False, f"damaged indexes: {rows[0]}" + (f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""),
                     "run 'evidencebot doctor --fix' to rebuild the indexes (REINDEX)", repair="reindex", items=rows)
    return Check("integrity", False, f"the file is damaged: {rows[0]}" + (f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""),
                 _latest_backup_hint(path), repair=DAMAGED, items=rows)


def _foreign_keys(conn: sqlite3.Connection) -> Check:
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return Check("foreign keys", False, f"could not be checked ({exc})")
    if not rows:
        return Check("foreign keys", True, "every row points at people and goals that exist")
    by = {}
    for table, _rowid, parent, _fk in rows:
        by[(table, parent)] = by.get((table, parent), 0) + 1
    items = [f"{n:,} {table} rows point at missing {parent}" for (table, parent), n in sorted(by.items())]
    return Check("foreign keys", False, "; ".join(items),
                 "import the missing people (or goals) first, or correct and re-import those rows", items=items)


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None


def _fts(conn: sqlite3.Connection, fts: str, base: str, label: str) -> Check:
    if not _exists(conn, fts):
        if _exists(conn, base):
            return Check(label, False, f"{fts} is missing",
                         "run 'evidencebot doctor --fix' to rebuild it", repair=f"fts:{fts}")
        return Check(label, True, "not in this database (older schema)")
    problems = []
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                       [base])}
    missing = [t for t in (f"{base}_ai", f"{base}_ad", f"{base}_au") if t not in have]
    if missing:
        problems.append(f"trigger(s) {', '.join(missing)} missing, so the index drifts from the table")
    try:
        conn.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES('integrity-check')")
        conn.commit()
    except sqlite3.DatabaseError as exc:
        conn.rollback()
        problems.append(f"integrity-check failed ({exc})")
    rows = 0
    try:
        rows = conn.execute(f"SELECT count(*) FROM [{base}]").fetchone()[0]
        indexed = conn.execute(f"SELECT count(*) FROM [{fts}_docsize]").fetchone()[0]
        if rows != indexed:
            problems.append(f"the index holds {indexed:,} rows but {base} has {rows:,}")
        counted = rows == indexed
    except sqlite3.DatabaseError as exc:
        problems.append(f"cannot be counted ({exc})")
        counted = False
    if counted and rows <= CONTENT_CHECK_ROWS:
        stale = _fts_stale_rows(conn, fts, base)
        if stale:
            problems.append(f"{stale:,} {base} rows are indexed with old text (search finds the wrong ones)")
    if problems:
        return Check(label, False, "; ".join(problems),
                     f"run 'evidencebot doctor --fix' to rebuild the {label}", repair=f"fts:{fts}")
    return Check(label, True, f"{rows:,} rows, index consistent")


CONTENT_CHECK_ROWS = 50_000
"""Up to this many rows, the index is compared word by word with a fresh one."""


def _fts_stale_rows(conn: sqlite3.Connection, fts: str, base: str) -> int:
    """Rows whose indexed words differ from their text (an external-content index
    that missed an update). FTS5's own integrity-check does not compare with the
    content table in every SQLite version, so a fresh index of the same columns
    is built in the temp schema and the two are compared through ``fts5vocab``."""
    import re

    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [fts]).fetchone()[0] or ""
    m = re.search(r"tokenize\s*=\s*('(?:[^']|'')*'|\"[^\"]*\"|\w+)", sql, re.I)
    tokenize = f", tokenize={m.group(1)}" if m else ""
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info([{fts}])").fetchall()]
    quoted = ", ".join(f'"{c}"' for c in cols)
    try:
        conn.execute("DROP TABLE IF EXISTS temp.eb_fresh_vocab")
        conn.execute("DROP TABLE IF EXISTS temp.eb_index_vocab")
        conn.execute("DROP TABLE IF EXISTS temp.eb_fresh")
        conn.execute(f"CREATE VIRTUAL TABLE temp.eb_fresh USING fts5({quoted}{tokenize})")
        conn.execute(f"INSERT INTO temp.eb_fresh (rowid, {quoted}) SELECT rowid, {quoted} FROM main.[{base}]")
        conn.execute(f"CREATE VIRTUAL TABLE temp.eb_index_vocab USING fts5vocab(main, '{fts}', 'instance')")
        conn.execute("CREATE VIRTUAL TABLE temp.eb_fresh_vocab USING fts5vocab(temp, 'eb_fresh', 'instance')")
        stale = conn.execute(
            "SELECT count(DISTINCT doc) FROM ("
            "SELECT term, doc, col, offset FROM temp.eb_index_vocab EXCEPT "
            "SELECT term, doc, col, offset FROM temp.eb_fresh_vocab UNION ALL "
            "SELECT * FROM (SELECT term, doc, col, offset FROM temp.eb_fresh_vocab EXCEPT "
            "SELECT term, doc, col, offset FROM temp.eb_index_vocab))"
        ).fetchone()[0]
    except sqlite3.DatabaseError:
        return 0  # cannot compare (an unusual tokenizer): the other checks still ran
    finally:
        for t in ("eb_fresh_vocab", "eb_index_vocab", "eb_fresh"):
            try:
                conn.execute(f"DROP TABLE IF EXISTS temp.{t}")
            except sqlite3.DatabaseError:
                pass
        conn.commit()
    return stale


def _wal(conn: sqlite3.Connection) -> Check:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() == "wal":
        return Check("journal", True, "WAL (readers never block the writer)")
    return Check("journal", False, f"journal mode is {mode}, not WAL: two people at once may be blocked",
                 "run 'evidencebot doctor --fix' to switch to WAL", repair="wal")


def _migrations(conn: sqlite3.Connection) -> Check:
    from sqlite_utils import Database

    pending = [m.name for m in schema.migrations.pending(Database(conn))]
    if pending:
        return Check("schema", False, f"{len(pending)} pending migration(s): {', '.join(pending)}",
                     "run 'evidencebot doctor --fix' (or any command) to upgrade; a backup is taken first",
                     repair="migrate", items=pending)
    return Check("schema", True, "up to date")


def _triggers(conn: sqlite3.Connection) -> Check:
    from sqlite_utils import Database

    if not _exists(conn, "audit_log"):
        return Check("audit", False, "no audit log (the schema is older than m007_governance)",
                     "run 'evidencebot doctor --fix' to upgrade the schema", repair="migrate")
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    wanted = audit.expected_triggers(Database(conn)) + list(workflow.EXPECTED_TRIGGERS)
    if _exists(conn, "work_accounts"):
        wanted += list(workflow.ACCOUNT_TRIGGERS)
    missing = [t for t in wanted if t not in have]
    if missing:
        return Check("audit", False, f"{len(missing)} audit or workflow trigger(s) missing: {', '.join(missing[:6])}; "
                     "changes are not being recorded",
                     "run 'evidencebot doctor --fix' to put them back", repair="triggers", items=missing)
    n, broken = audit.verify_chain(conn)
    if broken:
        return Check("audit", False, f"the audit log's hash chain is broken: {broken}",
                     "the log was changed outside evidencebot: compare with a backup "
                     f"({_latest_backup_hint(_db_file(conn))}) and find out who had access to the file")
    untraced = audit.untraced_changes(conn)
    if untraced:
        return Check("audit", False, f"{len(untraced)} story approval(s) changed without an audit entry: "
                     f"{'; '.join(untraced[:3])}",
                     "the database was changed outside evidencebot: check these stories against a backup",
                     items=untraced)
    return Check("audit", True, f"{n:,} entries, hash chain intact; every audit and workflow trigger in place")


def _db_file(conn: sqlite3.Connection) -> Path:
    for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return Path("evidencebot.db")


def _governance(conn: sqlite3.Connection) -> list[Check]:
    out = []
    if not _exists(conn, "stories"):
        return out
    cols = {r[1] for r in conn.execute("PRAGMA table_info(stories)")}
    if "approved_by" in cols:
        ids = [r[0] for r in conn.execute(
            "SELECT story_id FROM stories WHERE status = 'approved' AND coalesce(trim(approved_by), '') = '' "
            "ORDER BY story_id")]
        if ids:
            out.append(Check("approvals", False,
                             f"{len(ids)} approved stories name no approver ({', '.join(ids[:5])}"
                             f"{' ...' if len(ids) > 5 else ''}); they are kept out of exports",
                             "submit and approve them again with 'evidencebot stories submit/approve'",
                             warning=True, items=ids))
    if _exists(conn, "audit_log"):
        kinds = {"stories": "story", "drafts": "draft", "answer_blocks": "block"}
        same = [f"{kinds.get(t, t)} {k}" for t, k in conn.execute(
            "SELECT table_name, row_key FROM audit_log WHERE action = 'same-account' ORDER BY audit_id")]
        if same:
            out.append(Check("approvals", False,
                             f"{len(same)} approval(s) made from the same account that wrote or submitted the item "
                             f"([governance] shared_account = true): {', '.join(same[:5])}"
                             f"{' ...' if len(same) > 5 else ''}",
                             "four eyes rests on the names people typed: confirm these approvals with the approvers",
                             warning=True, items=same))
    return out


def _draft_retention(conn: sqlite3.Connection) -> Check:
    text = retention.describe(conn)
    if retention.versions_due(conn):
        return Check("draft retention", False, text, "'evidencebot doctor --fix' prunes them",
                     repair="prune-drafts", warning=True)
    return Check("draft retention", True, text)


# --------------------------------------------------------------------------
# Repairs
# --------------------------------------------------------------------------


def repair(path: str | Path, checks: list[Check] | None = None) -> list[str]:
    """Run the automatic repairs the checks call for; return what was done."""
    path = Path(path).expanduser()
    checks = checks if checks is not None else diagnose(path)
    broken = damage(checks)
    if broken is not None:  # repairs would write to a file SQLite cannot read: change nothing

        raise InputError(f"{path}: the database file is damaged ({broken.name}: {broken.detail}); "
                         f"doctor --fix changed nothing; {broken.fix}")
    wanted = []
    for c in checks:
        if (c.problem or c.repair == "prune-drafts") and c.repair and c.repair not in wanted:
            wanted.append(c.repair)
    if not wanted:
        return []
    done: list[str] = []
    if "permissions" in wanted:
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if p.exists():
                os.chmod(p, 0o600)

        folder = backup_dir(create=False)
        if folder.is_dir():
            os.chmod(folder, 0o700)
            for p in folder.glob("*.db"):
                os.chmod(p, 0o600)
        for _label, app_folder in _app_folders():
            if app_folder.is_dir():
                os.chmod(app_folder, 0o700)
        done.append("made the database, backups and evidencebot's folders readable by you only")
    if "partials" in wanted:
        found = stale_partials(path)
        for p in found:
            p.unlink(missing_ok=True)
        done.append(f"deleted {len(found)} unfinished backup copies")

    if "wal" in wanted:
        conn = _open(path)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        done.append("switched to WAL journaling")
    db = connect(path, migrate=False)
    try:
        if "migrate" in wanted:
            applied = schema.migrate(db)  # looked up when it runs (tests/conftest.py swaps it)
            done.append(f"applied migrations: {', '.join(applied)}" if applied else "no migrations were pending")
        if "prune-drafts" in wanted:
            done.append(f"pruned {retention.prune_versions(db)} saved draft versions past the retention period")
        if "reindex" in wanted:
            db.execute("REINDEX")
            done.append("rebuilt every index (REINDEX)")
        for key in wanted:
            if key.startswith("fts:"):
                fts = key[4:]
                base, label = FTS_TABLES[fts]
                triggers = {r[0] for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [base])}
                if db[fts].exists() and {f"{base}_ai", f"{base}_ad", f"{base}_au"} <= triggers:
                    with db.atomic():
                        db.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES('rebuild')")
                else:  # recreate the index and its triggers (sqlite-utils' own), then fill it
                    columns = [c for c in db[fts].columns_dict] if db[fts].exists() else FTS_COLUMNS[base]
                    db[base].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)
                    with db.atomic():
                        db.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES('rebuild')")
                done.append(f"rebuilt the {label}")
        if db["audit_log"].exists():
            # always: a rebuilt search index comes with sqlite-utils' own update trigger
            with db.atomic():
                workflow.install_triggers(db)
                audit.install_triggers(db)
                if db["audit_chain"].exists():
                    audit.install_chain(db, backfill=False)
            if "triggers" in wanted:
                done.append("put back the audit and workflow triggers")
    finally:
        db.close()
    return done
