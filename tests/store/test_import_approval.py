"""Imported stories marked approved obey the four-eyes rule of workflow.approve_story:
an approver must be named and must not be the author (or the submitter on record).
Otherwise the story is imported as submitted, and a warning names the file, row,
column, value and why."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.errors import InputError
from evidencebot.store import audit, workflow
from evidencebot.store.importers import APPROVAL_WARNINGS_SHOWN, import_file

SECTIONS = """
## Context
Rent arrears had built up after a benefits change.

## Support approach
Weekly visits and a joint plan with the housing officer.

## Day-to-day delivery
Letters were opened together; a payment plan was agreed.

## How change is evidenced
No arrears for four months; escalations fell from three to none.
"""
CSV_HEADER = "story_id,title,consent,author,approved_by,status,context,support_approach,delivery,evidence\n"
CSV_PARTS = "Arrears.,Weekly visits.,Letters opened together.,No arrears for four months."


def story_file(folder, name, **front):
    lines = ["---", "title: Keeping a tenancy", "consent: external", "date: 2025-11-20"]
    lines += [f"{k}: {v}" for k, v in front.items()]
    path = folder / f"{name}.md"
    path.write_text("\n".join(lines + ["---"]) + SECTIONS, encoding="utf-8")
    return path


@pytest.mark.parametrize("approver", ["Ana Writer", "ana  writer", "ANA WRITER "])
def test_an_approval_by_the_author_is_imported_as_submitted_with_a_warning(db, tmp_path, approver):
    path = story_file(tmp_path, "S1", author="Ana Writer", approved_by=f"'{approver}'")
    report = import_file(db, "stories", path)
    assert report.committed and report.ok and report.inserted == 1 and report.downgraded == 1
    [warning] = report.warnings
    assert warning.startswith(f"{path}, column approved_by: '{approver.strip()}': the approver is also the author")
    assert "imported as submitted" in warning
    row = workflow.get_story(db, "S1")
    assert row["status"] == "submitted" and row["approved_by"] is None and row["approved_at"] is None
    assert row["submitted_by"] == "Ana Writer"
    assert not workflow.is_exportable(row) and workflow.exportable_stories(db) == []
    # the same rule in the app: the author cannot approve it, a colleague can
    audit.set_user(db, "Ana Writer")
    with pytest.raises(InputError, match="second person"):
        workflow.approve_story(db, "S1")
    audit.set_user(db, "Ben Approver")
    assert workflow.is_exportable(workflow.approve_story(db, "S1"))


def test_an_approval_by_a_second_person_is_kept_as_approved_elsewhere(db, tmp_path):
    # issue 18: an approval the app did not record waits for a colleague to confirm it here
    report = import_file(db, "stories", story_file(tmp_path, "S1", author="Ana Writer",
                                                    approved_by="Service manager"))
    assert report.committed and report.downgraded == 1
    assert "approved elsewhere by Service manager" in report.warnings[0]
    row = workflow.get_story(db, "S1")
    assert (row["status"], row["approved_by"], row["submitted_by"]) == ("submitted", None, "Ana Writer")
    assert row["approved_elsewhere_by"] == "Service manager" and not workflow.is_exportable(row)


def test_approved_without_an_approver_is_imported_as_submitted(db, tmp_path):
    path = story_file(tmp_path, "S1", author="Ana Writer", status="approved")
    report = import_file(db, "stories", path)
    [warning] = report.warnings
    assert warning.startswith(f"{path}, column status: 'approved': the story is marked approved, "
                              "but nobody is named as the approver")
    assert workflow.get_story(db, "S1")["status"] == "submitted"


def test_a_draft_or_a_story_without_an_author_is_left_alone(db, tmp_path):
    story_file(tmp_path, "S1", author="Ana Writer", status="draft")
    story_file(tmp_path, "S2", approved_by="Service manager")  # nobody to compare with: approved elsewhere
    report = import_file(db, "stories", tmp_path)
    assert report.committed and len(report.warnings) == 1 and "approved elsewhere" in report.warnings[0]
    s1, s2 = workflow.get_story(db, "S1"), workflow.get_story(db, "S2")
    assert (s1["status"], s1["submitted_by"]) == ("draft", None)
    assert (s2["status"], s2["approved_elsewhere_by"]) == ("submitted", "Service manager")


def test_the_submitter_on_record_cannot_approve_by_re_importing(db, tmp_path):
    story_file(tmp_path, "S1")
    import_file(db, "stories", tmp_path / "S1.md")
    workflow.submit_story(db, "S1", user="Ben Approver")
    report = import_file(db, "stories", story_file(tmp_path, "S1", approved_by="Ben Approver"))
    assert "the approver also submitted the story" in report.warnings[0]
    row = workflow.get_story(db, "S1")
    assert (row["status"], row["submitted_by"], row["approved_by"]) == ("submitted", "Ben Approver", None)


def test_a_csv_row_warning_names_the_row_and_a_reimport_changes_nothing(db, tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text(CSV_HEADER
                    + f"ST1,A tenancy,external,Ana Writer,Service manager,,{CSV_PARTS}\n"
                    + f"ST2,A job,external,Peer worker,Peer Worker,approved,{CSV_PARTS}\n", encoding="utf-8")
    report = import_file(db, "stories", path)
    assert report.inserted == 2
    assert report.warnings[1:] == [f"{path} row 3, column approved_by: 'Peer Worker': the approver is also the "
                                   "author: approval needs a second person; imported as submitted, for a "
                                   "colleague to approve"]
    assert report.warnings[0].startswith(f"{path} row 2, column approved_by: 'Service manager': approved elsewhere")
    assert [r["status"] for r in workflow.list_stories(db)] == ["submitted", "submitted"]
    again = import_file(db, "stories", path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)


def test_a_refused_import_gives_no_approval_warnings(db, tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text(CSV_HEADER
                    + f"ST1,A tenancy,external,Ana Writer,Ana Writer,,{CSV_PARTS}\n"
                    + f"ST2,,external,Peer worker,,,{CSV_PARTS}\n", encoding="utf-8")
    report = import_file(db, "stories", path)
    assert not report.committed and report.warnings == [] and db["stories"].count == 0


def test_many_downgrades_are_summarised(db, tmp_path):
    path = tmp_path / "stories.csv"
    n = APPROVAL_WARNINGS_SHOWN + 5
    path.write_text(CSV_HEADER + "".join(f"ST{i},Story {i},external,Ana,Ana,,{CSV_PARTS}\n" for i in range(n)),
                    encoding="utf-8")
    report = import_file(db, "stories", path)
    assert report.downgraded == n and len(report.warnings) == APPROVAL_WARNINGS_SHOWN + 1
    assert report.warnings[-1] == "... and 5 more stories marked approved were imported as submitted"


def test_the_command_line_prints_the_warning_and_succeeds(tmp_path):
    path = story_file(tmp_path, "S1", author="Ana Writer", approved_by="Ana Writer")
    result = CliRunner().invoke(cli, ["import", "stories", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "the approver is also the author" in result.stderr
    assert "1 inserted" in result.stdout
