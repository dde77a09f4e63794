"""A fresh database gets exactly the schema in tests/data/golden/schema.txt, byte for byte.

The golden file was written from main before the migrations' table declarations were made compact
(issue 17): every ``sqlite_master`` row (tables, indexes, triggers, views) in the order SQLite keeps
them, with the SQL each was created with. A database migrated one migration at a time, reopened in
between, must end with the same schema. Regenerate only for a new migration:
``python tests/store/test_schema_golden.py > tests/data/golden/schema.txt``.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from evidencebot.store.migrations import create_tables, migrate, migrations

pytestmark = pytest.mark.real_migrations

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "schema.txt"


def schema_text(db: Database) -> str:
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    return "".join(f"-- {kind} {name} on {table}\n{sql};\n\n" for kind, name, table, sql in rows)


def fresh_schema(path: Path) -> str:
    db = Database(sqlite3.connect(path))
    migrate(db, backup=False)
    text = schema_text(db)
    db.close()
    return text


def test_fresh_database_schema_is_the_golden_one(tmp_path):
    assert fresh_schema(tmp_path / "fresh.db") == GOLDEN.read_text(encoding="utf-8")


def test_step_by_step_migration_ends_with_the_golden_schema(tmp_path):
    path = tmp_path / "steps.db"
    names = [m.name for m in migrations._migrations]
    for following in names[1:]:
        db = Database(sqlite3.connect(path))
        migrations.apply(db, stop_before=following)
        assert [m.name for m in migrations.pending(db)][0] == following
        db.close()
    assert fresh_schema(path) == GOLDEN.read_text(encoding="utf-8")


def test_create_tables_reads_the_compact_declaration(tmp_path):
    db = Database(sqlite3.connect(tmp_path / "spec.db"))
    create_tables(db, """
        owners  owner_id:int*  name!
        pets  owner_id:int*!>owners  pet*  kind='small dog'  # a comment
              weight:float=1.5
    """)
    assert db["pets"].pks == ["owner_id", "pet"]
    assert db["pets"].columns_dict == {"owner_id": int, "pet": str, "kind": str, "weight": float}
    assert db["pets"].default_values == {"kind": "small dog", "weight": 1.5}
    assert [(fk.column, fk.other_table) for fk in db["pets"].foreign_keys] == [("owner_id", "owners")]
    with pytest.raises(ValueError, match=r"cannot read column 'name\?'"):
        create_tables(db, "broken  name?")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        sys.stdout.write(fresh_schema(Path(folder) / "golden.db"))
