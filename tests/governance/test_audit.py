"""The audit log: every change to stories, drafts and facts by trigger, one
row per import, the settings user, no personal data, append-only."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from click.testing import CliRunner

from evidencebot.store import audit, workflow
from evidencebot.store.db import connect
from evidencebot.store.importers import import_file
from evidencebot.store.search import save_story_draft

from .conftest import FOUR_PARTS, act_as

NHS = "943 476 5919"  # a made-up number in NHS format
SECRET_TEXT = f"Jo Bloggs (NHS {NHS}) of 12 Acacia Avenue said the plan helped."


def _log_text(db) -> str:
    return "\n".join(" ".join(str(v) for v in row) for row in db.execute("SELECT * FROM audit_log"))


def test_story_insert_update_delete_are_logged_with_fields(story_db):
    save_story_draft(story_db, "S0001", {"domains": "safety"})
    story_db["stories"].delete("S0001")
    entries = list(reversed(audit.recent(story_db, table="stories", limit=None)))
    assert [e.action for e in entries] == ["insert", "update", "delete"]
    assert all(e.key == "S0001" and e.user == "Ana Writer" for e in entries)
    assert entries[1].changes == {"domains": [None, "safety"]}
    assert entries[0].changes["status"] == [None, "draft"]
    assert entries[2].changes["status"] == ["draft", None]


def test_text_fields_are_logged_as_length_and_hash_never_text(story_db):
    save_story_draft(story_db, "S0001", {"context": SECRET_TEXT, "title": "Jo Bloggs's story"})
    entry = audit.recent(story_db, table="stories", limit=1)[0]
    old, new = entry.changes["context"]
    assert new == {"chars": len(SECRET_TEXT), "sha256": audit.digest(SECRET_TEXT)}
    assert old == {"chars": len(FOUR_PARTS["context"]), "sha256": audit.digest(FOUR_PARTS["context"])}
    text = _log_text(story_db)
    for secret in (NHS, "Bloggs", "Acacia", "tenancy", "arrears"):
        assert secret not in text


def test_touching_only_updated_at_is_not_a_change(story_db):
    before = story_db["audit_log"].count
    save_story_draft(story_db, "S0001", {})
    save_story_draft(story_db, "S0001", {"context": FOUR_PARTS["context"]})  # same text again
    assert story_db["audit_log"].count == before


def test_facts_and_drafts_are_logged(story_db):
    from evidencebot.assistant.editing import DraftDoc, save_draft
    from evidencebot.evidence.facts import add_fact, remove_fact

    fact = add_fact(story_db, "ICB dashboard: 87% seen within 7 days", source="ICB dashboard",
                    source_date="2025-01-05", value=87, unit="percent", created_by="Ana Writer")
    remove_fact(story_db, fact.fact_id)
    draft_id = save_draft(story_db, DraftDoc(text="An answer naming Jo Bloggs", question="Q?", kind="tender"))
    entries = audit.recent(story_db, limit=None)
    facts = [e for e in entries if e.table == "facts"]
    assert [e.action for e in facts] == ["delete", "insert"]
    assert facts[1].changes["value"] == [None, 87] and facts[1].changes["unit"] == [None, "percent"]
    assert "chars" in facts[1].changes["statement"][1]  # the statement is text: hashed
    drafts = [e for e in entries if e.table == "drafts"]
    assert drafts[0].key == str(draft_id) and drafts[0].action == "insert"
    assert "Bloggs" not in _log_text(story_db)


def test_the_user_comes_from_settings(isolated_home, tmp_path):
    act_as(isolated_home, "Priya Manager")
    db = connect(tmp_path / "u.db")
    try:
        assert audit.current_user(db) == "Priya Manager"
        save_story_draft(db, "S1", {"title": "t"})
        assert audit.recent(db, table="stories", limit=1)[0].user == "Priya Manager"
    finally:
        db.close()


def test_a_broken_settings_file_still_records_someone(isolated_home, tmp_path):
    (isolated_home / "config").mkdir(parents=True, exist_ok=True)
    (isolated_home / "config" / "config.toml").write_text("[user\nname=", encoding="utf-8")
    db = connect(tmp_path / "u.db")
    try:
        assert audit.current_user(db).endswith("(settings unreadable)")
    finally:
        db.close()


def test_the_log_is_append_only(story_db):
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        story_db.execute("UPDATE audit_log SET user = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        story_db.execute("DELETE FROM audit_log")


def test_a_connection_without_the_functions_cannot_change_audited_tables(story_db, tmp_path):
    raw = sqlite3.connect(tmp_path / "stories.db")
    try:
        with pytest.raises(sqlite3.OperationalError, match="evidencebot_"):
            raw.execute("UPDATE stories SET context = 'sneaky' WHERE story_id = 'S0001'")
        raw.rollback()
    finally:
        raw.close()
    assert workflow.get_story(story_db, "S0001")["context"] == FOUR_PARTS["context"]


def _contacts(path, n, bad_every=0):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        for i in range(n):
            person = NHS if bad_every and i % bad_every == 0 else "P1"
            w.writerow([f"C{i:06d}", person, "2025-04-01T10:00", "planned", "phone", "attended"])
    return path


def test_an_import_writes_one_summary_row(story_db, tmp_path):
    story_db["people"].insert({"person_id": "P1", "referral_date": "2024-01-01"})
    before = story_db["audit_log"].count
    report = import_file(story_db, "contacts", _contacts(tmp_path / "c.csv", 12_000, bad_every=1000), partial=True)
    assert report.committed and report.rejected_rows == 12
    assert story_db["audit_log"].count == before + 1
    entry = audit.recent(story_db, limit=1)[0]
    assert (entry.table, entry.action, entry.key, entry.user) == ("contacts", "import", "c.csv", "Ana Writer")
    assert entry.changes == {"rows_read": 12_000, "inserted": 11_988, "updated": 0, "unchanged": 0,
                             "rejected": 12, "partial": True}
    assert NHS not in _log_text(story_db)
    # importing it again: nothing changed, still logged
    import_file(story_db, "contacts", tmp_path / "c.csv", partial=True)
    assert audit.recent(story_db, limit=1)[0].changes["unchanged"] == 11_988


def test_a_rejected_import_leaves_no_trace(story_db, tmp_path):
    before = story_db["audit_log"].count
    report = import_file(story_db, "contacts", _contacts(tmp_path / "c.csv", 50, bad_every=7))
    assert not report.committed
    assert story_db["audit_log"].count == before


def test_story_import_logs_each_story_and_the_summary(story_db, tmp_path):
    folder = tmp_path / "md"
    folder.mkdir()
    for i in range(3):
        (folder / f"st{i}.md").write_text(
            f"---\ntitle: Story {i}\nconsent: internal\n---\n## Context\nc\n## Support approach\ns\n"
            "## Day-to-day delivery\nd\n## How change is evidenced\ne\n", encoding="utf-8")
    import_file(story_db, "stories", folder)
    entries = audit.recent(story_db, limit=4)
    assert entries[0].action == "import" and entries[0].changes["inserted"] == 3
    assert sorted(e.key for e in entries[1:]) == ["st0", "st1", "st2"]


def test_recent_filters(story_db):
    save_story_draft(story_db, "S0002", {"title": "x"})
    assert {e.table for e in audit.recent(story_db, table="stories", limit=None)} == {"stories"}
    assert audit.recent(story_db, since="2999-01-01") == []
    assert len(audit.recent(story_db, since="2000-01-01", limit=None)) == story_db["audit_log"].count
    assert [e.key for e in audit.recent(story_db, action="insert", table="stories", limit=None)] == ["S0002", "S0001"]
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        audit.recent(story_db, since="last tuesday")


def test_audit_command(story_db, tmp_path):
    from evidencebot.cli import cli

    path = str(tmp_path / "stories.db")
    save_story_draft(story_db, "S0001", {"context": SECRET_TEXT})
    runner = CliRunner()
    result = runner.invoke(cli, ["audit", "--db", path, "--table", "stories"])
    assert result.exit_code == 0, result.output
    assert "S0001" in result.output and "Ana Writer" in result.output and "chars" in result.output
    assert NHS not in result.output and "Bloggs" not in result.output
    result = runner.invoke(cli, ["audit", "--db", path, "--format", "json", "--since", "2000-01-01"])
    data = json.loads(result.output)
    assert data[0]["table"] == "stories" and data[0]["changes"]["context"][1]["chars"] == len(SECRET_TEXT)
    bad = runner.invoke(cli, ["audit", "--db", path, "--since", "yesterday-ish"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    missing = runner.invoke(cli, ["audit", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such database" in missing.output
    assert not (tmp_path / "none.db").exists()


def test_diff_allow_list_is_explicit():
    changes = audit.diff("stories", {"status": "draft", "context": "a"}, {"status": "approved", "context": "b",
                                                                          "brand_new_column": "Jo Bloggs"})
    assert changes["status"] == ["draft", "approved"]
    assert changes["brand_new_column"][1] == {"chars": 9, "sha256": audit.digest("Jo Bloggs")}
    assert audit.diff("stories", {"updated_at": "1"}, {"updated_at": "2"}) is None


def test_every_audited_table_has_its_triggers_and_records(story_db):
    names = {r[0] for r in story_db.execute("select name from sqlite_master where type = 'trigger'")}
    for table in audit.AUDITED:
        assert set(audit.trigger_names(table)) <= names, table
    story_db["bids"].insert({"question": "How do you keep people safe?", "answer": "Jo Bloggs says ...",
                             "words": 4})
    story_db["variance_notes"].insert({"indicator_id": "crisis_rate", "period": "2025-Q1",
                                       "reason": "Staff sickness in the North team", "owner": "Team leader",
                                       "due_on": "2025-06-30"})
    bid, note = audit.recent(story_db, limit=2)[::-1]
    assert bid.table == "bids" and bid.changes["words"] == [None, 4] and "chars" in bid.changes["answer"][1]
    assert note.table == "variance_notes" and note.key == "crisis_rate/2025-Q1"
    assert note.changes["due_on"] == [None, "2025-06-30"] and "chars" in note.changes["reason"][1]


def test_governance_doc_names_every_command():
    from pathlib import Path

    from evidencebot.cli import cli

    text = (Path(__file__).resolve().parents[2] / "docs" / "governance.md").read_text(encoding="utf-8")
    for group in ("stories", "drafts"):
        for name in cli.commands[group].commands:
            assert f"{group} {name}" in text or f"{group} list|submit|approve" in text, (group, name)
    for name in ("audit", "backup", "doctor"):
        assert f"evidencebot {name}" in text
