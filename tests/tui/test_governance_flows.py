"""Approval, consent withdrawal and the audit log in the app, at 80x24, driven by keys."""

from __future__ import annotations

from helpers import chat_replies, paste_text, run, settle

SMALL = (80, 24)


def act_as(home, name: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'[user]\nname = "{name}"\n', encoding="utf-8")


async def ask(pilot, text: str) -> None:
    await paste_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def test_submit_then_a_colleague_approves(make, evidence_db_path, isolated_home):
    async def go():
        from evidencebot.store import workflow
        from evidencebot.store.db import connect

        act_as(isolated_home, "Ana Writer")
        app = make()
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            await ask(pilot, "/submit T04")
            from evidencebot.tui.screens.confirm import ConfirmChange

            assert isinstance(app.screen, ConfirmChange) and "Submit story `T04`" in app.screen.question
            await pilot.press("y")
            await settle(pilot)
            reply = chat_replies(app)[-1]
            assert "is **submitted** by **Ana Writer**" in reply.markdown and not reply.has_class("-warning")
            await ask(pilot, "/approve T04")
            refused = chat_replies(app)[-1]
            assert refused.has_class("-warning") and "approval needs a second person" in refused.markdown
            act_as(isolated_home, "Ben Approver")  # a colleague, at their own desk
            await ask(pilot, "approve story T04")
            assert isinstance(app.screen, ConfirmChange)  # the dialog names the story and the change
            assert "Approve story `T04`" in app.screen.question and "submitted to **approved**" in app.screen.question
            await pilot.press("enter")  # Cancel has the focus: Enter alone changes nothing
            await settle(pilot)
            assert "Left as it was" in app.screen.query("AssistantMessage").last().markdown
            db = connect(evidence_db_path)
            assert workflow.get_story(db, "T04")["status"] == "submitted"
            db.close()
            await ask(pilot, "approve story T04")
            await pilot.press("y")
            await settle(pilot)
            assert "is **approved** by **Ben Approver**" in chat_replies(app)[-1].markdown
        db = connect(evidence_db_path)
        assert workflow.is_exportable(workflow.get_story(db, "T04"))
        db.close()
    run(go())


def test_withdrawing_consent_lists_the_documents_in_the_reply(make, evidence_db_path, tmp_path):
    async def go():
        from evidencebot.assistant import exporting
        from evidencebot.store.db import connect
        from textual.widgets import Markdown

        db = connect(evidence_db_path)
        exporting.export_story(db, "T01", tmp_path / "t01.docx")
        db.close()
        app = make()
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            await ask(pilot, "/withdraw T01 phoned the team")
            await pilot.press("y")
            await settle(pilot)
            reply = chat_replies(app)[-1]
            assert reply.markdown.startswith("### Consent withdrawn for `T01`")
            assert "**It was already used in 1 document:**" in reply.markdown
            assert "**t01.docx** · story" in reply.markdown
            assert reply.query_one(Markdown).source == reply.shown
            await ask(pilot, "/withdraw T01 confirm")
            assert "already withdrawn" in chat_replies(app)[-1].markdown
    run(go())


def test_the_audit_log_at_80_columns_is_a_list_and_at_120_a_table(make):
    async def go():
        from textual.widgets._markdown import MarkdownTable

        app = make()
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            await ask(pilot, "/submit T04 confirm")
            await ask(pilot, "show the audit log")
            reply = chat_replies(app)[-1]
            assert reply.markdown.startswith("### Audit log")
            assert "| when (UTC) | who | what | changes |" in reply.markdown  # the reply as written
            assert not list(reply.query(MarkdownTable))  # ... shown as a list at this width
            assert "status: draft -> submitted" in reply.shown and "- **" in reply.shown
            await pilot.resize_terminal(120, 30)
            await settle(pilot)
            reply = chat_replies(app)[-1]
            assert reply.shown == reply.markdown and len(list(reply.query(MarkdownTable))) == 1
    run(go())


def test_palette_entries_for_approval_consent_and_the_audit_log(make):
    async def go():
        from evidencebot.tui.commands import palette_commands

        app = make()
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            names = [name for name, _run, _help in palette_commands(app)]
            for needed in ("Submit a story for approval…", "Approve a story…", "Withdraw consent for a story…",
                           "Audit log: recent changes"):
                assert needed in names
            await pilot.press("ctrl+p")
            await pilot.pause(0.2)
            await paste_text(pilot, "audit log")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(pilot, 0.2)
            assert app.current_mode == "chat"
            assert chat_replies(app)[-1].markdown.startswith("### Audit log")
    run(go())


def test_help_lists_the_new_commands(make):
    async def go():
        app = make()
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            await ask(pilot, "/help")
            text = chat_replies(app)[-1].markdown
            for command in ("/submit", "/approve", "/withdraw", "/audit"):
                assert f"`{command}" in text
    run(go())
