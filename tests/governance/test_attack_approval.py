"""Issue 18, defect 6: four-eyes approval cannot be bypassed with an imported
story file that names an approver. An imported approval is kept as
"approved elsewhere by NAME" and is not exportable until someone other than
the author confirms it in the app. The test failed on the code before."""

from __future__ import annotations

import pytest

from evidencebot.errors import InputError
from evidencebot.store import audit, workflow
from evidencebot.store.importers import import_file

from .conftest import FOUR_PARTS

SECTIONS = (f"\n## Context\n{FOUR_PARTS['context']}\n\n## Support approach\n{FOUR_PARTS['support_approach']}\n\n"
            f"## Day-to-day delivery\n{FOUR_PARTS['delivery']}\n\n## How change is evidenced\n{FOUR_PARTS['evidence']}\n")


def story_file(folder, **front):
    lines = ["---", "title: Keeping a tenancy", "consent: external", "consent_date: 2025-03-01", "date: 2025-11-20"]
    lines += [f"{k}: {v}" for k, v in front.items()]
    path = folder / "S9.md"
    path.write_text("\n".join(lines + ["---"]) + SECTIONS, encoding="utf-8")
    return path


def test_an_imported_approval_is_approved_elsewhere_until_confirmed_here(tmp_path):
    from evidencebot.store.db import connect

    db = connect(tmp_path / "a.db", user="Ana Writer")
    path = story_file(tmp_path, story_id="S9", author="Ana Writer", approved_by="Any Other Name")
    report = import_file(db, "stories", path)
    assert report.committed and report.inserted == 1
    row = workflow.get_story(db, "S9")
    assert row["status"] == "submitted" and not row["approved_by"]
    assert row["approved_elsewhere_by"] == "Any Other Name"
    assert not workflow.is_exportable(row) and workflow.exportable_stories(db) == []
    assert any("approved elsewhere by Any Other Name" in b for b in workflow.story_blockers(row))
    assert any("approved elsewhere by Any Other Name" in w for w in report.warnings)
    # the author cannot confirm it; a colleague can
    audit.set_user(db, "Ana Writer")
    with pytest.raises(InputError, match="second person"):
        workflow.approve_story(db, "S9")
    audit.set_user(db, "Ben Approver")
    row = workflow.approve_story(db, "S9")
    assert workflow.is_exportable(row) and row["approved_by"] == "Ben Approver"
    # importing the same file again does not undo the confirmation
    report = import_file(db, "stories", path)
    assert report.committed
    assert workflow.is_exportable(workflow.get_story(db, "S9"))
    db.close()


def test_the_export_refuses_an_imported_approval(tmp_path):
    from evidencebot.store.db import connect

    db = connect(tmp_path / "a.db", user="Ana Writer")
    import_file(db, "stories", story_file(tmp_path, story_id="S9", author="Ana Writer", approved_by="Ben Approver"))
    with pytest.raises(workflow.ExportNotAllowed):
        workflow.record_export(db, tmp_path / "out.md", "review", ["S9"])
    db.close()
