"""Approval and consent: draft -> submitted -> approved, four eyes, an edit
withdraws approval, consent history, withdrawal and the documents that used a story."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evidencebot.errors import InputError
from evidencebot.store import audit, workflow
from evidencebot.store.search import save_story_draft
from evidencebot.store.stories import SECTIONS

from .conftest import FOUR_PARTS, act_as, approved


def test_submit_then_approve_records_who_and_when(story_db):
    row = workflow.submit_story(story_db, "S0001")
    assert row["status"] == "submitted" and row["submitted_by"] == "Ana Writer" and row["submitted_at"]
    audit.set_user(story_db, "Ben Approver")
    row = workflow.approve_story(story_db, "S0001")
    assert row["status"] == "approved"
    assert row["approved_by"] == "Ben Approver" and row["approved_at"] >= row["submitted_at"]


def test_approval_needs_a_second_person(story_db):
    workflow.submit_story(story_db, "S0001")
    with pytest.raises(InputError, match="second person"):
        workflow.approve_story(story_db, "S0001")
    assert workflow.get_story(story_db, "S0001")["status"] == "submitted"


def test_cannot_approve_a_draft_or_submit_twice(story_db):
    audit.set_user(story_db, "Ben Approver")
    with pytest.raises(InputError, match="submit it first"):
        workflow.approve_story(story_db, "S0001")
    workflow.submit_story(story_db, "S0001")
    with pytest.raises(InputError, match="already submitted"):
        workflow.submit_story(story_db, "S0001")


def test_an_unfinished_story_cannot_be_submitted(story_db):
    save_story_draft(story_db, "S0002", {"title": "Half written", "context": "Only the context so far."})
    with pytest.raises(InputError, match="Support approach.*Day-to-day delivery.*How change is evidenced"):
        workflow.submit_story(story_db, "S0002")
    save_story_draft(story_db, "S0003", {k: v for k, v in FOUR_PARTS.items() if k != "title"})
    with pytest.raises(InputError, match="a title"):
        workflow.submit_story(story_db, "S0003")


def test_unknown_story_is_a_clear_error(story_db):
    with pytest.raises(InputError, match="no story with id 'nope'"):
        workflow.submit_story(story_db, "nope")


@pytest.mark.parametrize("field", ["title", "context", "support_approach", "delivery", "evidence"])
def test_editing_the_text_of_an_approved_story_withdraws_the_approval(story_db, field):
    approved(story_db)
    save_story_draft(story_db, "S0001", {field: "Changed after approval."})
    row = workflow.get_story(story_db, "S0001")
    assert row["status"] == "draft"
    assert row["approved_by"] is None and row["approved_at"] is None and row["submitted_by"] is None
    assert not workflow.is_exportable(row)
    assert workflow.exportable_stories(story_db) == []
    # the audit log keeps who had approved it and who changed it
    entries = audit.recent(story_db, table="stories", key="S0001", limit=None)
    reset = [e for e in entries if e.changes and e.changes.get("status") == ["approved", "draft"]]
    assert reset and reset[0].changes["approved_by"] == ["Ben Approver", None]
    assert reset[0].user == "Ben Approver"  # the connection last acted as Ben


def test_editing_a_submitted_story_sends_it_back_to_draft(story_db):
    workflow.submit_story(story_db, "S0001")
    save_story_draft(story_db, "S0001", {"context": "Rewritten while waiting for approval."})
    assert workflow.get_story(story_db, "S0001")["status"] == "draft"


def test_raw_sql_edit_cannot_skip_the_rule(story_db):
    approved(story_db)
    story_db.execute("UPDATE stories SET evidence = 'edited by hand' WHERE story_id = 'S0001'")
    assert workflow.get_story(story_db, "S0001")["status"] == "draft"


def test_metadata_changes_keep_the_approval(story_db):
    approved(story_db)
    save_story_draft(story_db, "S0001", {"domains": "stability;safety", "story_date": "2025-02-01"})
    row = workflow.get_story(story_db, "S0001")
    assert row["status"] == "approved" and workflow.is_exportable(row)


def test_changing_the_person_withdraws_the_approval(story_db):
    story_db["people"].insert_all([{"person_id": p, "referral_date": "2024-01-01"} for p in ("P1", "P2")])
    save_story_draft(story_db, "S0001", {"person_id": "P1"})
    approved(story_db)
    save_story_draft(story_db, "S0001", {"person_id": "P2"})
    assert workflow.get_story(story_db, "S0001")["status"] == "draft"


def test_search_index_stays_consistent_through_approval_resets(story_db):
    approved(story_db)
    for i in range(5):
        save_story_draft(story_db, "S0001", {"context": f"version {i} mentions tenancy{i}"})
        approved(story_db, consent=None)
    story_db.execute("INSERT INTO stories_fts(stories_fts) VALUES('integrity-check')")
    assert [r["story_id"] for r in story_db["stories"].search("tenancy4")] == ["S0001"]
    assert list(story_db["stories"].search("tenancy3")) == []


def test_reimported_story_file_with_a_new_approval_is_approved_elsewhere(story_db, tmp_path):
    from evidencebot.store.importers import import_file
    from evidencebot.store.stories import story_markdown

    row = approved(story_db)
    path = tmp_path / "S0001.md"
    text = story_markdown({**row, "context": "Edited in the file"}).replace(
        "approved_by:", "approved_at: '2099-01-01'\napproved_by:")
    path.write_text(text, encoding="utf-8")
    report = import_file(story_db, "stories", path)
    assert report.committed and report.updated == 1
    row = workflow.get_story(story_db, "S0001")
    # issue 18: an approval named in a file is "approved elsewhere" until confirmed here
    assert row["status"] == "submitted" and row["approved_elsewhere_by"] == "Ben Approver"
    assert row["approved_elsewhere_at"] == "2099-01-01" and not workflow.is_exportable(row)
    # the same edit without a new approval date: back to draft
    path.write_text(story_markdown({**row, "context": "Edited again", "approved_at": "2099-01-01"})
                    .replace("approved_by:", "approved_at: '2099-01-01'\napproved_by:"), encoding="utf-8")
    import_file(story_db, "stories", path)
    assert workflow.get_story(story_db, "S0001")["status"] == "draft"


def test_return_sends_back_to_draft(story_db):
    approved(story_db)
    row = workflow.return_story(story_db, "S0001")
    assert row["status"] == "draft" and row["approved_by"] is None
    with pytest.raises(InputError, match="already a draft"):
        workflow.return_story(story_db, "S0001")


# ---------------------------------------------------------------- consent


def test_every_consent_change_is_in_the_history_whoever_makes_it(story_db):
    workflow.record_consent(story_db, "S0001", "internal", date="2025-01-10", note="verbal, noted in record")
    audit.set_user(story_db, "Cat Capture")
    save_story_draft(story_db, "S0001", {"consent": "external"})  # the capture screen's path
    history = workflow.consent_history(story_db, "S0001")
    assert [(h["consent"], h["event"], h["recorded_by"]) for h in history] == [
        ("none", "recorded", "Ana Writer"),
        ("internal", "recorded", "Ana Writer"),
        ("external", "recorded", "Cat Capture"),
    ]
    assert history[1]["consent_date"] == "2025-01-10" and history[1]["note"] == "verbal, noted in record"


def test_consent_dates_are_checked(story_db):
    import datetime as dt

    soon = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    with pytest.raises(InputError, match="future"):
        workflow.record_consent(story_db, "S0001", "external", date=soon)
    with pytest.raises(InputError, match="consent date"):
        workflow.record_consent(story_db, "S0001", "external", date="31/02/2025")
    with pytest.raises(InputError, match="unknown consent"):
        workflow.record_consent(story_db, "S0001", "everyone")


def test_exportable_needs_external_consent_and_approval(story_db):
    workflow.record_consent(story_db, "S0001", "external", date="2025-01-10")
    assert workflow.exportable_stories(story_db) == []  # not approved
    approved(story_db, consent=None)
    assert [r["story_id"] for r in workflow.exportable_stories(story_db)] == ["S0001"]
    workflow.record_consent(story_db, "S0001", "internal")
    assert workflow.exportable_stories(story_db) == []


def test_approved_without_a_named_approver_is_not_exportable(story_db):
    story_db.execute("UPDATE stories SET status = 'approved', consent = 'external' WHERE story_id = 'S0001'")
    row = workflow.get_story(story_db, "S0001")
    assert workflow.story_blockers(row) == ["approved, but nobody is named as the approver"]
    assert workflow.exportable_stories(story_db) == []


def test_withdrawal_removes_from_exports_and_lists_documents(story_db, tmp_path):
    approved(story_db)
    save_story_draft(story_db, "S0002", {**FOUR_PARTS, "title": "Another story"})
    approved(story_db, "S0002")
    workflow.record_export(story_db, tmp_path / "tender-q1.docx", "tender", ["S0001", "S0002"])
    workflow.record_export(story_db, tmp_path / "review-2025Q1.md", "review", ["S0001"])
    audit.set_user(story_db, "Dee Manager")
    change = workflow.withdraw_consent(story_db, "S0001", note="phoned the team")
    assert [d["document"] for d in change.documents] == [str(tmp_path / "tender-q1.docx"),
                                                          str(tmp_path / "review-2025Q1.md")]
    assert [r["story_id"] for r in workflow.exportable_stories(story_db)] == ["S0002"]
    row = change.story
    assert row["consent"] == "none" and row["consent_withdrawn_by"] == "Dee Manager"
    assert workflow.story_blockers(row)[0].startswith("consent was withdrawn on")
    assert workflow.consent_history(story_db, "S0001")[-1]["event"] == "withdrawn"
    # a later export may not use it
    with pytest.raises(InputError, match="S0001: consent was withdrawn"):
        workflow.record_export(story_db, tmp_path / "later.md", "tender", ["S0001", "S0002"])
    assert len(workflow.documents_using(story_db, "S0002")) == 1  # the refused export recorded nothing
    # withdrawing twice is refused
    with pytest.raises(InputError, match="already withdrawn"):
        workflow.withdraw_consent(story_db, "S0001")


def test_an_edit_cannot_undo_a_withdrawal_but_new_consent_can(story_db):
    approved(story_db)
    workflow.withdraw_consent(story_db, "S0001")
    save_story_draft(story_db, "S0001", {"consent": "external"})  # someone ticks "external" again
    assert workflow.exportable_stories(story_db) == []
    workflow.record_consent(story_db, "S0001", "external", date="2025-04-01", note="new signed form")
    assert [r["story_id"] for r in workflow.exportable_stories(story_db)] == ["S0001"]


def test_lowering_external_consent_counts_as_withdrawal(story_db, tmp_path):
    approved(story_db)
    workflow.record_export(story_db, tmp_path / "a.md", "review", ["S0001"])
    change = workflow.record_consent(story_db, "S0001", "internal")
    assert change.lost_external and len(change.documents) == 1
    assert change.story["consent_withdrawn_at"]


def test_record_export_refuses_unknown_and_unapproved_stories(story_db, tmp_path):
    with pytest.raises(InputError, match="S9: story S9 does not exist|story S9 does not exist"):
        workflow.record_export(story_db, tmp_path / "x.md", "tender", ["S9"])
    with pytest.raises(InputError, match="no consent for external use; not approved"):
        workflow.record_export(story_db, tmp_path / "x.md", "tender", ["S0001"])
    assert story_db["document_stories"].count == 0
    assert workflow.record_export(story_db, tmp_path / "x.md", "tender", []) == 0


def test_exportable_sql_matches_the_python_rule(story_db):
    rows = []
    for i, (consent, status, by, withdrawn) in enumerate([
        ("external", "approved", "B", None), ("external", "approved", None, None),
        ("external", "approved", "B", "2025-01-01"), ("internal", "approved", "B", None),
        ("external", "submitted", None, None), ("none", "draft", None, None),
        ("external", "approved", "B", None),  # X6: everything but one part, which is blank
    ]):
        parts = {key: "written" for key in SECTIONS}
        if i == 6:
            parts["context"] = "  \n"
        rows.append({"story_id": f"X{i}", "title": "t", "consent": consent, "status": status,
                     "approved_by": by, "consent_withdrawn_at": withdrawn, **parts})
    story_db["stories"].insert_all(rows)
    by_sql = {r["story_id"] for r in workflow.exportable_stories(story_db)}
    by_python = {r["story_id"] for r in workflow.list_stories(story_db) if workflow.is_exportable(r)}
    assert by_sql == by_python == {"X0"}
    assert "'Context' is empty" in workflow.story_blockers(workflow.get_story(story_db, "X6"))


# ---------------------------------------------------------------- drafts


def test_drafts_follow_the_same_rules(story_db):
    from evidencebot.assistant.editing import DraftDoc, save_draft, save_version

    doc = DraftDoc(text="Our answer.", question="How do you do it?", word_limit=100, kind="tender", title="Q1")
    draft_id = save_draft(story_db, doc, author="Ana Writer")
    row = workflow.submit_draft(story_db, draft_id)
    assert row["status"] == "submitted"
    with pytest.raises(InputError, match="second person"):
        workflow.approve_draft(story_db, draft_id)
    audit.set_user(story_db, "Ben Approver")
    row = workflow.approve_draft(story_db, draft_id)
    assert workflow.draft_is_approved(row)
    doc.text = "Our answer, changed."
    save_version(story_db, doc, author="Ana Writer")
    row = workflow.get_draft(story_db, draft_id)
    assert row["status"] == "draft" and not workflow.draft_is_approved(row)
    tables = {e.table for e in audit.recent(story_db, limit=None)}
    assert {"drafts", "draft_versions"} <= tables


# ---------------------------------------------------------------- the command line


def test_stories_commands_end_to_end(story_db, isolated_home, tmp_path):
    from evidencebot.cli import cli

    path = str(tmp_path / "stories.db")
    story_db.close()
    runner = CliRunner()

    def run(*args, ok=True):
        result = runner.invoke(cli, [*args, "--db", path])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    act_as(isolated_home, "Ana Writer")
    assert "submitted by Ana Writer" in run("stories", "submit", "S0001").output
    refused = run("stories", "approve", "S0001", ok=False)
    assert refused.exit_code == 2 and "second person" in refused.output
    act_as(isolated_home, "Ben Approver")
    out = run("stories", "approve", "S0001").output
    assert "approved by Ben Approver" in out
    out = run("stories", "consent", "S0001", "external", "--date", "2025-02-03").output
    assert "none -> external" in out
    listed = json.loads(run("stories", "list", "--format", "json").output)
    assert listed[0]["exportable"] is True and listed[0]["approved_by"] == "Ben Approver"
    assert "S0001" in run("stories", "list", "--exportable").output
    out = run("stories", "show", "S0001").output
    assert "approved:" in out and "Ben Approver" in out and "Consent history" in out and "sha256" in out
    out = run("stories", "withdraw", "S0001", "--note", "by phone").output
    assert "will not appear in any new export" in out and "No document has used it" in out
    assert run("stories", "list", "--exportable").output.strip() == "no stories match"
    assert "withdrawn" in run("stories", "list").output
    missing = run("stories", "show", "S404", ok=False)
    assert missing.exit_code == 2 and "no story with id" in missing.output
