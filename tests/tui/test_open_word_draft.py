"""A Word draft in the app: ``/open draft.docx`` puts it in the editor as Markdown (kept as a draft,
checked), and export writes it back to Word with each finding as a comment; the original is never written."""

from __future__ import annotations

import io

import pytest
from helpers import chat_replies, paste_text, run, send, settle

SIZES = [(80, 24), (120, 40)]
CLAIM = "Our team reduced A&E attendances by a quarter."
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_draft(path):
    """A draft as Word writes it: a heading, an over-claim, a table and a tracked change."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("Crisis support", level=1)
    document.add_paragraph(CLAIM)
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Contact", (0, 1): "Notes", (1, 0): "Ring the office.",
                         (1, 1): "Weekly review."}.items():
        table.cell(r, c).text = text
    tracked = document.add_paragraph()
    tracked.add_run("We meet ")
    tracked._p.append(parse_xml(f'<w:del {W} w:id="901" w:author="A. Writer" w:date="2026-01-05T10:00:00Z">'
                                '<w:r><w:delText xml:space="preserve">now and then </w:delText></w:r></w:del>'))
    tracked._p.append(parse_xml(f'<w:ins {W} w:id="902" w:author="A. Writer" w:date="2026-01-05T10:00:00Z">'
                                '<w:r><w:t xml:space="preserve">every week </w:t></w:r></w:ins>'))
    tracked.add_run("with the crisis team.")
    document.save(path)
    return path


@pytest.mark.parametrize("size", SIZES)
def test_open_a_word_draft_edit_it_and_export_it_with_findings_as_comments(make, isolated_home, tmp_path, size):
    async def go():
        import docx

        from evidencebot.assistant.editing import load_draft
        from evidencebot.compose.wordcheck import comment_anchors
        from evidencebot.tui.screens.confirm import ConfirmChange

        source = word_draft(tmp_path / "draft.docx")
        original = source.read_bytes()
        app = make()
        async with app.run_test(size=size) as pilot:
            await send(pilot, f"/open {source}")
            assert app.current_mode == "editor"
            editor = app.screen
            text = editor.text_area.text
            assert text.startswith("# Crisis support\n\n" + CLAIM)
            assert "| Contact | Notes |\n|---|---|\n| Ring the office. | Weekly review. |" in text
            assert "We meet every week with the crisis team." in text and "now and then" not in text
            await settle(pilot, 0.8)
            matches = [f.match for f in editor.findings]
            assert any("reduced" in m for m in matches), matches
            doc = app.conversation.state.draft
            assert doc.source == str(source) and doc.draft_id is not None
            # the edit goes into the exported copy
            await pilot.press("ctrl+end")
            await paste_text(pilot, "\n\nWe eliminated waiting lists.")
            await settle(pilot, 0.8)
            db = app.conversation.connect()
            try:
                assert "We eliminated waiting lists." in load_draft(db, doc.draft_id).text
            finally:
                db.close()
            assert any("eliminated" in f.match for f in editor.findings)
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            screen = app.screen
            assert app.current_mode == "export"
            formats = screen.query_one("#ex-format")
            assert formats.pressed_button.id == "fmt-comments" and screen.query_one("#fmt-comments").display
            folder = isolated_home / "data" / "documents"
            out = folder / "draft-with-comments.docx"
            assert screen.query_one("#ex-path").value == str(out)
            await pilot.press("ctrl+s")
            await settle(pilot)
            result = str(screen.query_one("#ex-result").render())
            assert "Exported the draft (" in result and "as comments) as Word (.docx)" in result and str(out) in result, result
            copy = docx.Document(io.BytesIO(out.read_bytes()))
            anchors = comment_anchors(copy)
            comments = {anchors[c.comment_id]: c.text for c in copy.comments}
            on_claim = [words for words in comments if "reduced" in words]
            assert on_claim and all(words in CLAIM for words in on_claim)
            assert any("eliminated" in words for words in comments)
            assert all(c.author == "evidencebot" for c in copy.comments)
            assert [[c.text for c in r.cells] for r in copy.tables[0].rows][1] == ["Ring the office.",
                                                                                   "Weekly review."]
            # writing over the file it came from is refused, even after saying yes
            screen.query_one("#ex-path").value = str(source)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmChange)
            await pilot.press("y")
            await settle(pilot)
            assert "is the input file" in str(screen.query_one("#ex-result").render())
        assert source.read_bytes() == original
    run(go())


@pytest.mark.parametrize("size", SIZES)
def test_a_file_that_cannot_be_opened_is_one_line_naming_it_and_changes_nothing(make, tmp_path, size):
    async def go():
        from evidencebot import locations

        missing = tmp_path / "gone.docx"
        locked = tmp_path / "locked.docx"
        locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)  # as Word saves a password
        cut = tmp_path / "cut.docx"
        cut.write_bytes(word_draft(tmp_path / "whole.docx").read_bytes()[:900])
        big = tmp_path / "big.md"
        big.write_text("Words. " * 300_000, encoding="utf-8")  # about 2 MB
        locations.config_file().write_text("[limits]\ncheck_mb = 1\n", encoding="utf-8")
        app = make()
        async with app.run_test(size=size) as pilot:
            for path, why in [(missing, "no such file"), (locked, "password-protected"),
                              (cut, "not a zip package"), (big, "larger than the 1 MB")]:
                await send(pilot, f"open {path}")
                reply = chat_replies(app)[-1]
                assert app.current_mode == "chat" and reply.has_class("-warning")
                lines = reply.markdown.strip().splitlines()
                assert len(lines) == 1 and str(path) in lines[0] and why in lines[0], reply.markdown
            assert app.conversation.state.draft is None
            db = app.conversation.connect()
            try:
                assert db["drafts"].count == 0
            finally:
                db.close()
    run(go())


def test_help_lists_open(make):
    async def go():
        app = make()
        async with app.run_test(size=(120, 40)) as pilot:
            await send(pilot, "/help")
            assert "`/open <file.docx/.md/.txt>`" in chat_replies(app)[-1].markdown
    run(go())
