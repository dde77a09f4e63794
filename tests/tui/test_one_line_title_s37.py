"""A question pasted in the chat on one line ('Question 3 Employer engagement (Maximum 500 words; 6%). Describe how you
will: (a) ...') gives the draft its reference and title, 'Question 3 – Employer engagement', in the editor and in the
file name the export suggests, not its first ask ('How you will ...': issue 12, session 37). The question is written
for this test."""

from __future__ import annotations

from helpers import draft_in_editor, run, settle

SIZE = (160, 45)

QUESTION = ("draft an answer to: Question 3 Employer engagement (Maximum 500 words; 6%). Describe how you will: (a) find "
            "and keep employers who offer work that suits the people you support; (b) help employers make reasonable "
            "adjustments; and (c) stay in touch with each employer after a person starts work.")


def test_a_one_line_question_titles_the_draft_and_its_file_by_reference_and_title(make, isolated_home):
    async def go():
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await draft_in_editor(pilot, QUESTION)
            editor = app.screen
            assert editor.doc.title == "Question 3 – Employer engagement"
            assert editor.sub_title == "Question 3 – Employer engagement"
            assert len(editor.doc.plan.points) == 3
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            assert app.current_mode == "export"
            path = app.screen.query_one("#ex-path").value
            name = path.rsplit("/", 1)[-1]
            assert name.startswith("question-3-employer-engagement."), name
            assert "how-you-will" not in name
    run(go())
