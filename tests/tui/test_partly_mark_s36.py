"""The app's editor marks a part the assembled answer covers only partly as partly, not ✓ (issue 12, session 36).

In the s35 user's run the part on keeping registration with a workforce register held a block matched on the words of
the register's name, its coverage row said 'partly', and the editor's status line still ticked it. The question is
written for this test (the buyer is invented)."""

from __future__ import annotations

from helpers import draft_in_editor, run, settle

SIZE = (160, 45)

QUESTION = ("draft an answer to: Corran Water Health and Social Care Trust. Question 7 Workforce. Your answer should "
            "cover: (a) how you will induct new workers in their first month; and (b) how you will keep each worker's "
            "registration with the Northern Ireland Social Care Council (NISCC) up to date. Maximum 300 words.")


def test_the_editor_marks_a_partly_covered_part_as_partly_and_keeps_the_register_part_on_its_subject(make):
    async def go():
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await draft_in_editor(pilot, QUESTION)
            editor = app.screen
            rows = {r.key: r.status for r in editor.doc.assembled.coverage}
            partly = [k for k, s in rows.items() if s.startswith("partly")]
            assert partly, rows  # the register part says what it still lacks
            await settle(pilot, 0.8)
            status = str(editor.query_one("#editor-status").render())
            sub_points = status.split("sub-points ", 1)[1].split(" · ")[0]
            for key in partly:
                assert f"{key}◐" in sub_points and f"{key}✓" not in sub_points
            assert "partly covered" in sub_points
            # the parts line marks it the same way
            assert "◐" in status.split("parts: ", 1)[1]
            text = editor.text_area.text
            register = next(s for s in text.split("\n## ") if "registration" in s.splitlines()[0].lower())
            assert "older people" not in register.lower() and "crisis plan" not in register.lower()
    run(go())
