"""A bid writer's job in the app, start to finish (issue 12): a buyer's questionnaire imported from the chat, the
compliance matrix, an answer drafted and checked in a worker (the chat stays usable), the response exported; the
command palette reaches each step."""

from __future__ import annotations

from helpers import chat_replies, run, send, settle


def questionnaire(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Quality"
    ws.append(["Ref", "Question", "Guidance", "Max words", "Weighting", "Response"])
    ws.append(["Q1", "Describe how you will support people to step down from the service.",
               "Cover the timescale and follow-up after discharge.", 250, "10%", None])
    wb.save(path)
    return path


def test_a_tender_from_questionnaire_to_response_in_the_app(make, tmp_path):
    async def go():
        from evidencebot.tui.commands import palette_commands

        source = questionnaire(tmp_path / "buyer.xlsx")
        before = source.read_bytes()
        out = tmp_path / "response.docx"
        app = make()
        async with app.run_test(size=(120, 40)) as pilot:
            names = [name for name, _run, _help in palette_commands(app)]
            assert {"Tender: import a buyer's questionnaire…", "Tender: status (the compliance matrix)",
                    "Tender: draft every answer", "Tender: export the response"} <= set(names)

            await send(pilot, f"/tender import {source}")
            reply = chat_replies(app)[-1]
            assert reply.markdown.startswith("### Imported tender 1: 1 question from buyer.xlsx")
            assert "| Q1 | 2 | 250 words | 10% |" in reply.markdown

            await send(pilot, "tender status")
            reply = chat_replies(app)[-1]
            assert "| Q1 |" in reply.markdown and "not started" in reply.markdown

            await send(pilot, "draft question Q1")
            await settle(pilot, 0.2)
            reply = chat_replies(app)[-1]
            assert reply.markdown.startswith("### Drafted 1 of 1")
            assert "#### Q1: " in reply.markdown and "words of 250 allowed" in reply.markdown
            assert app.conversation.state.draft.title == "Q1 answer"

            await send(pilot, f"export the response to {out}")
            reply = chat_replies(app)[-1]
            assert "### Exported the response" in reply.markdown, reply.markdown
            assert out.exists() and (tmp_path / "response-compliance.xlsx").exists()
            assert (tmp_path / "response-buyer.xlsx").exists() and source.read_bytes() == before
            assert app.current_mode == "chat"

            await send(pilot, "/tender import")  # no file: asks for one, says how
            reply = chat_replies(app)[-1]
            assert "`/tender import FILE`" in reply.markdown and reply.has_class("-warning")
    run(go())
