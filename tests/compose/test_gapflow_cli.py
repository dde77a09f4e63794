"""``evidencebot library from-gap REF [PART]``: the gaps of a tender question's answer, and what the writer wrote in
one saved as a draft block for this tender's buyer; ``library general ID`` lifts the buyer scope. The same core
functions as the editor's Ctrl+G / Ctrl+N (compose/gapflow.py)."""

from __future__ import annotations

WRITTEN = ("Two trained volunteers run the scheme every Tuesday morning; a recovery worker walks with each person and "
           "the dogs to the pool, and the team leader reviews who takes part each month with the volunteers.")


def _questionnaire(path):
    from docx import Document

    d = Document()
    d.add_heading("Quality questions", 0)
    d.add_heading("1.1 Crisis and housing support", 1)
    d.add_paragraph("Your answer should cover:\na) how you will support people when they are in crisis;\n"
                    "b) how you will run the Zelborough greyhound hydrotherapy scheme.")
    d.add_paragraph("Maximum 400 words.")
    d.save(path)
    return path


def test_from_gap_lists_saves_and_the_approved_block_fills_the_next_draft(run, demo_copy, tmp_path):
    from evidencebot.compose import gapflow, tender_store
    from evidencebot.compose import library as lib

    assert run("tender", "import", str(_questionnaire(tmp_path / "itt.docx"))).exit_code == 0
    assert run("tender", "draft", "1.1").exit_code in (0, 1)
    listed = run("library", "from-gap", "1.1").output
    lines = [x.strip() for x in listed.splitlines()[1:]]
    number = next(x.split(".", 1)[0] for x in lines if "greyhound" in x.lower())
    assert "gap" in listed.splitlines()[0]

    row = tender_store.find_question(demo_copy, "1.1")
    gap = gapflow.find_gap(gapflow.stored_gaps(row), number)
    heading = gap.heading or gap.part
    span = gapflow.part_span(row["answer"], heading)
    text = row["answer"][:span[0]] + "\n" + WRITTEN + "\n\n" + row["answer"][span[1]:]
    tender_store.keep_answer(demo_copy, "1.1", text)  # the writer's text, as the app's /tender keep stores it

    added = run("library", "from-gap", "1.1", number)
    assert added.exit_code == 0, added.output
    ident = added.output.split("added block ", 1)[1].split()[0]
    b = lib.get_block(demo_copy, ident)
    assert b.status == "draft" and b.body == WRITTEN and b.title == gapflow.title_of(heading)
    assert b.source.startswith("tender ") and "1.1" in b.source and b.buyer and b.ask
    assert run("library", "submit", ident).exit_code == 0
    lib.approve_block(demo_copy, ident, user="Bea Approver")  # a colleague, not the author

    assert run("tender", "draft", "1.1").exit_code in (0, 1)
    row = tender_store.find_question(demo_copy, "1.1")
    assert WRITTEN.split(";")[0] in row["answer"]
    left = run("library", "from-gap", "1.1").output
    assert not [x for x in left.splitlines() if "greyhound" in x.lower()], left
    shown = run("library", "blocks").output
    assert "until marked general" in shown
    assert run("library", "general", ident).exit_code == 0
    assert lib.get_block(demo_copy, ident).buyer == ""
