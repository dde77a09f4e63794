"""The data version: how long a result computed from the database stays valid.

Indicator values (:mod:`evidencebot.metrics.indicators`), the evidence checker
(:mod:`evidencebot.evidence.family`) and the story index (:mod:`evidencebot.store.reach`)
are kept in memory on a connection and reused while :func:`data_version` returns the
same value. It moves when

* another connection, in this process or another, commits (``PRAGMA data_version``);
* the schema changes (``PRAGMA schema_version``: a migration added a table);
* this connection writes to any table except the :data:`BOOKKEEPING` ones: temporary
  triggers (this connection's own, in its ``temp`` schema: nothing is stored in the
  file) call a function that counts those writes. Saving a draft, a tender answer,
  a library block or the audit trail they write therefore keeps the computed
  indicators; importing contacts, changing a target or a fact, approving or
  withdrawing a story empties them;
* inside a transaction, this connection writes anything (``total_changes``), and
  again when the transaction ends: a result read from uncommitted rows is never
  reused after a commit or a rollback.

The triggers are made the first time a connection's version is read, so an import or a
demo build on a connection of its own pays nothing; on a watched connection each row written
to a data table costs about 1.6 microseconds more (500,000 inserts into an in-memory table:
1.3 s of CPU without the triggers, 2.1 s with them).

A connection that cannot take the triggers (one that accepts no attributes, or
a first call inside a transaction) falls back to counting every write on it,
as before: slower, never stale.
"""

from __future__ import annotations

import sqlite3

BOOKKEEPING = frozenset({
    "drafts", "draft_versions", "draft_privacy_warnings", "document_stories",
    "tenders", "tender_questions", "tender_facts", "answer_blocks", "block_uses", "bids", "service_profile", "declarations",
    "audit_log", "audit_chain", "work_accounts",
})
"""Tables no cached result reads: what the writer drafts and the records of it (drafts and
their versions, tender answers and each tender's own facts, the method and bid library, where
blocks were used, the service profile that fills block placeholders, the audit trail and whose
account wrote).
Every other table, including one added later, counts as data."""

_PREFIX = "evidencebot_dv_"
_FUNCTION = "evidencebot_data_write"


class _Watch:
    """The counter of data writes on one connection and the schema it has triggers for."""

    def __init__(self) -> None:
        self.writes = 0
        self.schema: int | None = None
        self.failed: int | None = None
        """The schema version the triggers could not be made for (not tried again for it)."""

    def __call__(self) -> None:
        self.writes += 1


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables of the main schema a trigger can watch (not virtual tables, their
    shadow tables or SQLite's own)."""
    rows = conn.execute("PRAGMA main.table_list").fetchall()  # schema, name, type, ...
    virtual = [r[1] for r in rows if r[2] == "virtual"]
    return [r[1] for r in rows
            if r[2] == "table" and not r[1].startswith("sqlite_")
            and not any(r[1].startswith(v + "_") for v in virtual)]


def _install(conn: sqlite3.Connection, watch: _Watch, schema: int) -> None:
    """(Re)create this connection's temporary triggers for the current tables."""
    for (name,) in conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE ?", [_PREFIX + "%"]).fetchall():
        conn.execute(f'DROP TRIGGER IF EXISTS temp."{name}"')
    for n, table in enumerate(t for t in _tables(conn) if t not in BOOKKEEPING):
        quoted = table.replace('"', '""')
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(f'CREATE TEMP TRIGGER "{_PREFIX}{n}_{op.lower()}" AFTER {op} ON main."{quoted}" '
                         f"BEGIN SELECT {_FUNCTION}(); END")
    watch.schema = schema


def _watch(conn: sqlite3.Connection, schema: int) -> _Watch | None:
    watch = getattr(conn, "_evidencebot_data_watch", None)
    if watch is not None and watch.schema == schema:
        return watch
    if conn.in_transaction or (watch is not None and watch.failed == schema):
        return None  # triggers made in a transaction would go with a rollback: count every write this time
    try:
        if watch is None:
            watch = _Watch()
            conn._evidencebot_data_watch = watch  # type: ignore[attr-defined]
            conn.create_function(_FUNCTION, 0, watch)
        _install(conn, watch, schema)
    except (AttributeError, sqlite3.Error):
        if watch is not None:
            watch.schema, watch.failed = None, schema
        return None
    return watch


def data_version(db) -> tuple:
    """A value that changes whenever the data cached results are computed from may have
    changed (see the module's description); cheap to read (two pragmas)."""
    conn = db.conn
    changed_elsewhere = conn.execute("PRAGMA data_version").fetchone()[0]
    schema = conn.execute("PRAGMA schema_version").fetchone()[0]
    watch = _watch(conn, schema)
    if watch is None:
        return ("every write", changed_elsewhere, schema, conn.total_changes)
    # inside a transaction every write counts, and its end changes the version again
    in_transaction = conn.total_changes if conn.in_transaction else None
    return (changed_elsewhere, schema, watch.writes, in_transaction)
