"""The app's "draft an answer to" with a Scottish question whose last part is a PVG confirmation gate (issue 12,
session 35: in s34 the lead's run in tmux got "[To write: ...]" for that part, though our safer-recruitment block
says how every check is made before anyone starts, in England's words). The question is written for this test."""

from __future__ import annotations

from helpers import draft_in_editor, run

SIZE = (160, 45)

QUESTION = ("draft an answer to: Strathlorn Health and Social Care Partnership. Describe how you will recruit and vet "
            "staff safely. Your response should cover: (a) how you will keep the service registered with the Care "
            "Inspectorate; and (b) confirmation that every member of staff and volunteer in regulated work will be a "
            "PVG scheme member before starting work. Responses that do not confirm this will not score above 2. "
            "Maximum 400 words")


def test_the_pvg_part_drafted_in_the_app_holds_the_confirmation_and_the_safer_recruitment_method(make):
    async def go():
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await draft_in_editor(pilot, QUESTION)
            text = app.screen.text_area.text
            part = text[text.index("## b)"):]
            assert "[To write" not in part
            # the confirmation in the buyer's words opens the part, then our method in the buyer's term
            assert part.split("\n\n")[1].startswith("We confirm that every member of staff and volunteer in regulated "
                                                    "work will be a PVG scheme member before starting work.")
            assert "PVG scheme membership, two references" in part
            assert "DBS" not in text and "social value" not in part.lower()
    run(go())
