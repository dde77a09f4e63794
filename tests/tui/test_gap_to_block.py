"""The bid writer's gap job in the app (issue 12 items 3 and 6): a drafted answer with a part the library cannot
write; Ctrl+G lists the answer's gaps and choosing one puts the cursor on it; the writer writes the part; Ctrl+N saves
it as a draft method block; a colleague approves it; the question drafted again takes the block and the gap is gone."""

from __future__ import annotations

from helpers import chat_replies, run, send, settle

ASK = "how you will run the Zelborough greyhound hydrotherapy scheme"
WRITTEN = ("wo trained volunteers run the scheme every Tuesday morning; a recovery worker walks with each person and "
           "the dogs to the pool, and the team leader reviews who takes part each month with the volunteers.")


def questionnaire(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Quality"
    ws.append(["Ref", "Question", "Guidance", "Max words", "Weighting", "Response"])
    ws.append(["Q1", "Crisis and housing support.",
               f"Your answer should cover: how you will support people when they are in crisis; {ASK}.", 400, "10%",
               None])
    wb.save(path)
    return path


async def _wait(pilot, done, tries: int = 120) -> None:
    for _ in range(tries):
        if done():
            return
        await settle(pilot, 0.5)
    raise AssertionError("the worker did not finish")


def test_a_gap_written_in_the_editor_is_saved_as_a_block_approved_and_the_next_draft_uses_it(make, tmp_path):
    async def go():
        from evidencebot.compose import library as lib
        from evidencebot.tui.screens.suggestions import SuggestionPicker

        app = make()
        async with app.run_test(size=(140, 44)) as pilot:
            await send(pilot, f"/tender import {questionnaire(tmp_path / 'buyer.xlsx')}")
            await send(pilot, "draft question Q1")
            await settle(pilot, 0.2)
            assert chat_replies(app)[-1].markdown.startswith("### Drafted 1 of 1")
            first = app.conversation.state.draft.assembled
            key = next(p.key for p in first.plan.points if "greyhound" in p.text)
            assert "write this part" in next(r for r in first.coverage if r.key == key).status

            app.open_mode("editor")
            await settle(pilot)
            editor = app.screen
            await pilot.press("ctrl+g")
            await settle(pilot)
            assert isinstance(app.screen, SuggestionPicker)
            title = str(app.screen.query_one("#pick-title").render())
            assert "gap" in title
            listed = [line for _i, line in app.screen.choices]
            number = next(i for i, line in enumerate(listed, 1) if "greyhound" in line.lower() and "to write" in line)
            await pilot.press(str(number))
            await settle(pilot)
            assert app.screen is editor
            area = editor.text_area
            assert area.selected_text.startswith("[To write")  # the cursor is on the gap: typing replaces the marker
            await pilot.press("T")  # the writer's text
            area.insert(WRITTEN)
            await settle(pilot)
            assert "[To write" not in area.text.split("greyhound", 1)[-1].split("##", 1)[0]

            await pilot.press("ctrl+n")
            await _wait(pilot, lambda: editor.saved_block is not None)
            ident = editor.saved_block
            db = app.conversation.connect()
            try:
                block = lib.get_block(db, ident)
                assert block.status == "draft" and block.body.startswith("Two trained volunteers")
                assert block.ask == next(p.text for p in first.plan.points if p.key == key)
                lib.submit_block(db, ident)  # the author puts it forward ...
                lib.approve_block(db, ident, user="Bea Approver")  # ... and a colleague approves it
            finally:
                db.close()

            await pilot.press("escape")
            await settle(pilot)
            await send(pilot, "draft question Q1")
            await settle(pilot, 0.2)
            again = app.conversation.state.draft.assembled
            assert again is not first and ident in again.blocks, (block.buyer, again.tender_facts, again.pins,
                                                                  first.tender_facts)
            row = next(r for r in again.coverage if r.key == key)
            assert row.status.startswith("method") and "write this part" not in row.status
            app.open_mode("editor")
            await settle(pilot)
            await pilot.press("ctrl+g")
            await settle(pilot)
            still = [line for _i, line in getattr(app.screen, "choices", [])]
            assert not [line for line in still if "greyhound" in line.lower() and "to write" in line]
    run(go())
