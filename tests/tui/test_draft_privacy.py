"""Drafts and personal data: the editor warns once when a draft holds personal data and F9
removes it; saved draft versions follow the retention setting, and `doctor` states it."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import paste_text, run, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_editor_warns_once_and_removes_personal_data(make, evidence_db_path, size):
    async def go():
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            await paste_text(pilot, "We supported her at 14 Elm Road, Leeds LS6 2AB.")
            await settle(pilot, 1.0)
            await settle(pilot)
            warnings = [n for n in app._notifications if n.title == "Personal data"]
            assert len(warnings) == 1 and "“14 Elm Road, Leeds LS6 2AB”" in warnings[0].message and "F9" in warnings[0].message
            await paste_text(pilot, " Her number is 943 476 5919.")
            await settle(pilot, 1.0)
            await settle(pilot)
            assert len([n for n in app._notifications if n.title == "Personal data"]) == 1  # once
            await pilot.press("f9")
            await settle(pilot, 1.0)
            await settle(pilot)
            text = app.screen.text_area.text
            assert "Elm Road" not in text and "LS6" not in text and "5919" not in text
            assert text.startswith("We supported her at [removed]")
        db = connect(evidence_db_path)
        bodies = [r["body"] for r in db.query("select body from drafts")]
        db.close()
        assert bodies and "Elm Road" not in bodies[0] and "[removed]" in bodies[0]
    run(go())


def test_draft_versions_past_the_retention_period_are_pruned_and_doctor_says_so(evidence_db_path, isolated_home):
    from click.testing import CliRunner

    from evidencebot.assistant.editing import DraftDoc, save_version
    from evidencebot.cli import cli
    from evidencebot.store.db import connect
    from evidencebot.store.retention import versions_due

    (isolated_home / "config").mkdir(parents=True, exist_ok=True)
    (isolated_home / "config" / "config.toml").write_text("[drafts]\nkeep_versions_days = 30\n", encoding="utf-8")
    db = connect(evidence_db_path)
    doc = DraftDoc(text="first", title="Answer")
    save_version(db, doc)
    old = (dt.datetime.now() - dt.timedelta(days=45)).replace(microsecond=0).isoformat()
    db.execute("update draft_versions set saved_at = ? where version = 1", [old])
    db.conn.commit()
    assert versions_due(db) == 1
    db.close()
    result = CliRunner().invoke(cli, ["doctor", "--db", str(evidence_db_path)])
    assert "saved draft versions are kept 30 days ([drafts] keep_versions_days); 1 older version due to be pruned" \
        in result.output
    db = connect(evidence_db_path)
    doc.text = "second"
    assert save_version(db, doc) == 2  # saving a version applies the setting
    versions = [r["version"] for r in db.query("select version from draft_versions order by version")]
    body = db["drafts"].get(doc.draft_id)["body"]
    db.close()
    assert versions == [2] and body == "second"
    result = CliRunner().invoke(cli, ["doctor", "--db", str(evidence_db_path)])
    assert "kept 30 days ([drafts] keep_versions_days); none older" in result.output


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_warning_is_given_once_per_draft_across_sessions(make, evidence_db_path, size):
    from evidencebot.store.db import connect

    async def first_session():
        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            await paste_text(pilot, "We met at 14 Elm Road.")
            await settle(pilot, 1.0)
            await settle(pilot)
            assert len([n for n in app._notifications if n.title == "Personal data"]) == 1
            await settle(pilot, 0.6)

    async def next_session():
        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await paste_text(pilot, "/editor")  # the latest draft, opened from the database
            await pilot.press("enter")
            await settle(pilot)
            await settle(pilot)
            assert "14 Elm Road" in app.screen.text_area.text
            app.screen.text_area.move_cursor(app.screen.text_area.document.end)
            await paste_text(pilot, " Then 22 Oak Street.")
            await settle(pilot, 1.0)
            await settle(pilot)
            assert any(f.family == "privacy" for f in app.screen.findings)  # found, shown in the list ...
            assert not [n for n in app._notifications if n.title == "Personal data"]  # ... but not warned again

    run(first_session())
    db = connect(evidence_db_path)
    recorded = [r["draft_id"] for r in db.query("select draft_id from draft_privacy_warnings")]
    db.close()
    assert len(recorded) == 1
    run(next_session())
