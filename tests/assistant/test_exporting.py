"""Export refuses what may not leave the service, and says why."""

from __future__ import annotations

import pytest

from evidencebot.assistant import exporting
from evidencebot.assistant.editing import DraftDoc
from evidencebot.errors import InputError


def test_unapproved_and_non_consented_stories_are_refused(evidence_db, tmp_path):
    with pytest.raises(exporting.ExportRefused) as refused:
        exporting.export_story(evidence_db, "T06", tmp_path / "t06.docx")
    assert refused.value.reasons == ["no consent for external use", "not approved (status: draft)"]
    with pytest.raises(exporting.ExportRefused, match="not approved"):
        exporting.export_story(evidence_db, "T04", tmp_path / "t04.md")
    assert not (tmp_path / "t06.docx").exists() and not (tmp_path / "t04.md").exists()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_an_approved_consented_story_is_exported(evidence_db, tmp_path, fmt):
    result = exporting.export_story(evidence_db, "T01", tmp_path / f"story.{fmt}")
    assert result.path.exists() and result.format == fmt
    if fmt == "md":
        text = result.path.read_text()
        assert "Leaving hospital with a key already in hand" in text
        assert "## How change is evidenced" in text


def test_existing_files_are_not_overwritten(evidence_db, tmp_path):
    target = tmp_path / "story.md"
    target.write_text("keep me")
    with pytest.raises(InputError, match="already exists"):
        exporting.export_story(evidence_db, "T01", target)
    assert target.read_text() == "keep me"
    exporting.export_story(evidence_db, "T01", target, force=True)
    assert "Leaving hospital" in target.read_text()


def test_a_draft_quoting_a_non_consented_story_is_refused(evidence_db, tmp_path):
    doc = DraftDoc(text="Our stories show it: A story kept for internal learning tells how.", title="Answer")
    with pytest.raises(exporting.ExportRefused) as refused:
        exporting.export_draft(evidence_db, doc, tmp_path / "a.md")
    assert "T05" in refused.value.reasons[0] and "internal" in refused.value.reasons[0]


def test_a_draft_with_personal_data_is_refused(evidence_db, tmp_path):
    doc = DraftDoc(text="Please call about NHS number 943 476 5919.", title="Answer")
    with pytest.raises(exporting.ExportRefused, match="NHS number"):
        exporting.export_draft(evidence_db, doc, tmp_path / "a.md")


def test_a_clean_draft_is_exported_with_its_word_count(evidence_db, tmp_path):
    doc = DraftDoc(text="We follow up discharges within 72 hours.", question="How?", word_limit=100,
                   kind="tender", title="Answer")
    result = exporting.export_draft(evidence_db, doc, tmp_path / "answer.md")
    text = result.path.read_text()
    assert "We follow up discharges within 72 hours." in text
    assert "100" not in text  # a submitted answer is the answer only: the limit and count go to the bid team
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "answer-compliance.xlsx")["Compliance"]
    labels = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert labels["Words used"] == 7 and labels["Word limit"] == 100
    assert result.what == "the draft"  # within its limit: nothing to say


def test_a_draft_over_its_word_limit_is_exported_with_the_overrun_said(evidence_db, tmp_path):
    """Seen in tmux: an excerpt put in with /use story took a 278-word answer to 327 of 300, and the export
    said nothing. The export still writes the file (the writer may want to cut it in Word) but says so."""
    doc = DraftDoc(text="We follow up discharges within 72 hours. " * 3, question="How?", word_limit=10,
                   kind="tender", title="Answer")
    result = exporting.export_draft(evidence_db, doc, tmp_path / "answer.md")
    assert result.path.exists()
    assert "21 words: over its 10-word limit by 11" in result.what


def test_nothing_to_export(evidence_db, tmp_path):
    with pytest.raises(InputError, match="no draft"):
        exporting.export_draft(evidence_db, None, tmp_path / "a.md")


def test_exports_are_recorded_with_the_stories_they_used(evidence_db, tmp_path):
    from evidencebot.store.workflow import documents_using

    exporting.export_story(evidence_db, "T01", tmp_path / "t01.md")
    doc = DraftDoc(text="As one story shows: Keeping a tenancy through a hard winter.", title="Answer")
    exporting.export_draft(evidence_db, doc, tmp_path / "answer.md")
    used = [(d["kind"], d["document"].rsplit("/", 1)[-1]) for d in documents_using(evidence_db, "T01")]
    assert used == [("story", "t01.md")]
    assert [d["document"].rsplit("/", 1)[-1] for d in documents_using(evidence_db, "T02")] == ["answer.md"]


def test_a_withdrawn_consent_blocks_the_story(evidence_db, tmp_path):
    from evidencebot.store.workflow import withdraw_consent

    withdraw_consent(evidence_db, "T02")
    with pytest.raises(exporting.ExportRefused, match="consent was withdrawn"):
        exporting.export_story(evidence_db, "T02", tmp_path / "t02.md")


def test_the_app_records_before_writing_with_the_same_core_step_as_the_command_line(evidence_db, tmp_path,
                                                                                    monkeypatch):
    """If a story's status changes after the screen's own checks, the record refuses and nothing is written."""
    from evidencebot.compose import export

    calls = []
    real = export.write_recorded
    monkeypatch.setattr(export, "write_recorded", lambda *a, **k: calls.append(k["kind"]) or real(*a, **k))
    monkeypatch.setattr(exporting, "export_blockers", lambda row: [])  # the checks were passed earlier
    with pytest.raises(exporting.ExportRefused) as refused:
        exporting.export_story(evidence_db, "T06", tmp_path / "t06.md")
    assert calls == ["story"]
    assert "story T06: no consent for external use" in refused.value.reasons[0]
    assert not (tmp_path / "t06.md").exists()
    assert evidence_db["document_stories"].count == 0
    # a refused export with "replace the file" ticked leaves the old file as it was
    # (it used to be overwritten, then deleted when the record was refused)
    kept = tmp_path / "kept.md"
    kept.write_text("keep me", encoding="utf-8")
    with pytest.raises(exporting.ExportRefused):
        exporting.export_story(evidence_db, "T06", kept, force=True)
    assert kept.read_text(encoding="utf-8") == "keep me"
    result = exporting.export_story(evidence_db, "T01", tmp_path / "t01.md")
    from evidencebot.store.workflow import documents_using

    assert [d["document"] for d in documents_using(evidence_db, "T01")] == [str(result.path.absolute())]
