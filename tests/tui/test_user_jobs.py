"""Each user's main job, start to finish, by keys alone (text put into fields as a terminal paste) at 100x30 (the
size the jobs were tried at in tmux): frontline staff write, tag, consent and submit a story; a manager
approves it, reads the board summary and the review (rendered) and exports the review; a bid writer drafts an
answer, puts a story found by search into it with the picker, and exports it with the story recorded."""

from __future__ import annotations

from helpers import act_as, chat_replies, focused_in, paste_text, run, settle, wait_until

SIZE = (100, 30)


async def ask(pilot, text: str) -> None:
    await settle(pilot)
    await paste_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def story_row(db_path, story_id: str) -> dict:
    from evidencebot.store.db import connect

    db = connect(db_path)
    try:
        return dict(db["stories"].get(story_id))
    finally:
        db.close()


def test_frontline_writes_tags_consents_and_submits_a_story(make, evidence_db_path, isolated_home):
    async def go():
        from evidencebot.tui.screens.confirm import ChooseConsent, ConfirmChange
        from evidencebot.tui.screens.story import StoryScreen

        act_as(isolated_home, "Fran Frontline")
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            # the story opens in a worker, with its form disabled until it is read: wait for the title's focus
            await wait_until(pilot, lambda: (field := focused_in(app, StoryScreen, "#field-title")) is not None
                             and not field.is_disabled, "the new story's title has the focus")
            for n, part in enumerate(["Back to the allotment", "Stopped going out.", "Weekly walks.",
                                      "Two visits a week.", "Goal reviews rose; family helped too."]):
                if n:
                    await pilot.press("tab")
                await paste_text(pilot, part)
            await pilot.press("tab")
            await pilot.press("space", "down", "space")  # safety and stability
            await pilot.press("tab", "tab")  # past the goals line to Change consent…
            screen = app.screen
            assert screen.focused.id == "consent-change"
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ChooseConsent)
            await pilot.press("enter")  # external
            await settle(pilot)
            assert isinstance(app.screen, ConfirmChange) and "from none to external" in app.screen.question
            await pilot.press("y")
            await settle(pilot)
            assert "(●) external" in str(screen.query_one("#consent-state").render())
            await pilot.press("f6")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmChange) and "Submit story `S0001`" in app.screen.question
            await pilot.press("y")
            await settle(pilot, 0.6)
            await settle(pilot)
            assert str(screen.query_one("#story-status").render()).startswith("Submitted story S0001")
        row = story_row(evidence_db_path, "S0001")
        assert (row["status"], row["submitted_by"], row["consent"], row["domains"]) == (
            "submitted", "Fran Frontline", "external", "safety;stability")
        assert row["evidence"] == "Goal reviews rose; family helped too."
    run(go())


def test_manager_approves_reads_the_board_summary_and_exports_the_review(make, evidence_db_path, isolated_home):
    async def go():
        act_as(isolated_home, "Ana Writer")
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await ask(pilot, "/submit T04")
            await pilot.press("y")
            act_as(isolated_home, "Mo Manager")
            await ask(pilot, "/approve T04")
            await pilot.press("y")
            await settle(pilot)
            assert "is **approved** by **Mo Manager**" in chat_replies(app)[-1].markdown
            await ask(pilot, "Write a one-page summary of this quarter for the board")
            board = chat_replies(app)[-1]
            assert board.markdown.startswith("## Board summary") and "### Top risks" in board.shown
            await ask(pilot, "/review")
            await settle(pilot)
            assert app.current_mode == "editor" and app.screen.previewing  # read as a document
            assert app.conversation.state.draft.kind == "review"
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            assert app.current_mode == "export"
            await pilot.press("ctrl+s")
            await settle(pilot)
            await settle(pilot)
            result = str(app.screen.query_one("#ex-result").render())
            assert result.startswith("Exported the draft"), result
        assert story_row(evidence_db_path, "T04")["status"] == "approved"
        written = list((isolated_home / "data" / "documents").glob("contract-review-*.docx"))
        assert len(written) == 1
    run(go())


def test_bid_writer_drafts_uses_a_found_story_via_the_picker_and_exports(make, evidence_db_path, isolated_home):
    async def go():
        from evidencebot.store import workflow
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await ask(pilot, "draft an answer to: How will you support people after discharge from hospital? "
                             "in 300 words")
            await settle(pilot, 0.8)
            assert app.current_mode == "editor" and app.screen.doc.word_limit == 300
            await pilot.press("escape")
            await ask(pilot, "find stories about tenancy")
            await pilot.press("f7")
            await settle(pilot)
            picker = app.screen
            usable = next(n for n, h in enumerate(picker.hits) if h["usable"])
            for _ in range(usable):
                await pilot.press("down")
            await pilot.press("enter")
            await settle(pilot)
            await settle(pilot)
            chosen = picker.hits[usable]
            assert app.current_mode == "editor"
            assert f"*Example: {chosen['title']}.*" in app.screen.text_area.text
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await settle(pilot)
            result = str(app.screen.query_one("#ex-result").render())
            assert result.startswith("Exported the draft"), result
        db = connect(evidence_db_path)
        used = workflow.documents_using(db, chosen["story_id"])
        db.close()
        assert len(used) == 1 and used[0]["kind"] == "tender"
    run(go())
