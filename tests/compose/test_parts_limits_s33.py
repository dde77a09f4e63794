"""A buyer's part held to a limit of its own kind is a part (session 33, from the spent s32 q12: '12.1 ...
(weighting 7%; maximum 3 sides of A4)' beside '12.2 ... (weighting 5%; maximum 600 words)' was read as one run of
sub-points held to 600 words). Each test's question is written here for it; the shapes are those found in the
spent sets (bench/parts_read.py)."""

from __future__ import annotations

from evidencebot.compose.questions import WORDS_PER_SIDE, limit_cell, numbered_parts, plan_question, read_limits

SIDES_AND_WORDS = (
    "Question 9 – Moving in and giving back\n\n"
    "This question is in two parts, scored separately.\n\n"
    "9.1 Moving in (weighting 6%; maximum 2 sides of A4, Arial 11)\n\n"
    "Describe how you will open the service, including:\n"
    "(i) how you will recruit the team before the opening day;\n"
    "(ii) how you will move people from the old service without a gap.\n\n"
    "9.2 Giving back (weighting 4%; maximum 400 words)\n\n"
    "Describe what you will give back to the town, covering:\n"
    "- paid placements for local people;\n"
    "- how you will cut the miles your staff drive.\n"
)


def _parts(text: str) -> list[tuple[str, int, float | None]]:
    return [(p.label, p.limit, p.pages) for p in numbered_parts(text)[0]]


def test_a_part_held_to_sides_beside_one_held_to_words_is_a_part_each():
    assert _parts(SIDES_AND_WORDS) == [("9.1", 2 * WORDS_PER_SIDE, 2.0), ("9.2", 400, None)]
    plan = plan_question(SIDES_AND_WORDS)
    assert [(p.part, p.part_limit) for p in plan.points] == [("9.1", 1000)] * 2 + [("9.2", 400)] * 2
    # each kind of limit read as stated (the words and the sides are each a part's); the answer's words are the
    # parts' own together
    limits = read_limits(SIDES_AND_WORDS)
    assert (limits.words, limits.pages) == (400, 2.0)
    assert plan.word_limit == 1400
    # each part's budget is within its own limit, and the log says how the sides were converted
    assert sum(p.budget for p in plan.points if p.part == "9.2") <= 400
    assert "9.1: 2 sides of A4, taken as 1,000 words" in plan.limit_note


def test_a_parts_label_on_a_line_that_is_only_its_limit_is_no_second_part():
    text = ("Part A — Opening the hub\n\nDescribe your plan for the first three months, including who leads each "
            "step and how you will tell local GPs.\n\nPart A: no more than 2 sides of A4.\n\n"
            "Part B — Local jobs\n\nDescribe the local jobs you will create, with numbers and dates.\n\n"
            "Part B: Maximum 300 words.\n")
    assert [(p.label, p.limit) for p in numbered_parts(text)[0]] == [("Part A", 1000), ("Part B", 300)]


def test_the_parts_limits_listed_once_before_them_are_each_parts_own():
    text = ("This question is in two parts: 4.1 (weighting 5%, maximum 600 words) and 4.2 (weighting 3%, maximum "
            "300 words).\n\n4.1 Running the drop-in\n\nDescribe how the drop-in will run each evening.\n\n"
            "4.2 Working alone\n\nExplain how staff visiting people at home alone will stay safe.\n")
    assert [(p.label, p.limit) for p in numbered_parts(text)[0]] == [("4.1", 600), ("4.2", 300)]
    assert read_limits(text).words == 900


def test_sections_titled_by_their_key_alone_hold_their_bullets():
    text = ("Word limits: Section 1 – 500 words; Section 2 – 300 words.\n\nPlease respond under the two sections "
            "below.\n\n1. Opening plan\n   - your plan from award to opening day\n   - the main risks and how you "
            "will handle them\n\n2. Staff moving across\n   - how you will consult staff who move to you\n"
            "   - how you will keep their terms the same\n")
    plan = plan_question(text)
    held = {p.text: (p.part, p.part_limit) for p in plan.points}
    assert next(v for t, v in held.items() if "from award to opening day" in t) == ("Section 1", 500)
    assert next(v for t, v in held.items() if "consult staff" in t) == ("Section 2", 300)
    assert {p.part_title for p in plan.points} == {"Section 1 – Opening plan", "Section 2 – Staff moving across"}


def test_a_headings_own_limit_in_brackets_inside_its_words_holds_it():
    text = ("You must use the three headings below. Indicative limits apply to each heading; the overall maximum "
            "is 900 words.\n\no  Opening plan (max. 400 words) – the steps from award to opening day;\n"
            "o  Staff moving across (max. 300 words) – how you will consult the staff who move;\n"
            "o  Risks (max. 200 words) – the three largest risks and what you will do about each.\n")
    assert [p.limit for p in plan_question(text).points] == [400, 300, 200]


def test_a_tables_rows_keyed_by_order_are_each_held_to_their_row():
    text = ("Ref | Requirement | Guidance | Word limit | Weighting\n"
            "R1 | Evening opening | Describe how you will staff the drop-in each evening and cover sickness. | 500 | 6%\n"
            "R2 | Links with the helpline | Explain how a caller can be offered a place the same evening. | 300 | 4%\n")
    plan = plan_question(text)
    assert {(p.part, p.part_limit) for p in plan.points} == {("R1", 500), ("R2", 300)}


def test_a_number_joined_to_its_noun_in_a_table_is_no_limit():
    assert limit_cell("90-day review") is None
    assert limit_cell("24-hour line") is None
    assert limit_cell("500 words") == "Maximum 500 words"


def test_a_question_that_only_introduces_its_numbered_parts_is_no_question_of_its_own(tmp_path):
    from docx import Document

    from evidencebot.compose.questionnaire import read_questionnaire

    d = Document()
    d.add_heading("Quality questions", 0)
    d.add_heading("Question 7 – Opening and giving back", 1)
    d.add_paragraph("This question is in two parts, scored separately.")
    d.add_paragraph("7.1 Opening (weighting 6%; maximum 2 sides of A4)")
    d.add_paragraph("Describe how you will open the drop-in on time, with named leads.")
    d.add_paragraph("7.2 Giving back (weighting 4%; maximum 400 words)")
    d.add_paragraph("Describe the paid placements you will offer local people.")
    d.save(tmp_path / "itt.docx")
    q = read_questionnaire(tmp_path / "itt.docx")
    assert [(x.ref, x.page_limit, x.word_limit) for x in q.questions] == [("7.1", 2.0, None), ("7.2", None, 400)]


def test_their_and_them_stay_with_what_the_ask_itself_names():
    text = ("Describe your plan, including:\n(i) how you will manage TUPE consultation and welcome transferring staff;\n"
            "(ii) how you will transfer people currently receiving support without a break in their care;\n"
            "(iii) the main risks to the move and how you will manage them.\nMaximum 600 words.")
    labels = [p.label for p in plan_question(text).points]
    assert "staff care" not in " ".join(labels)
    assert not any(label.endswith("manage people") for label in labels)


def test_the_status_table_gives_each_parts_own_limit_under_its_number():
    from evidencebot.compose.tender_store import parts_held

    held = parts_held(SIDES_AND_WORDS)
    assert [(label, said) for label, _, said, _ in held] == [
        ("9.1", "2 sides of A4, taken as 1,000 words (500 words a side)"), ("9.2", "400 words")]


def test_short_headings_keep_a_coordination_whole_and_both_verbs_in_one_form():
    from evidencebot.compose.questions import make_heading

    assert make_heading("how your staff will be trained to work with deaf adults and adults with sight loss",
                        short=True).endswith("adults with sight loss")
    assert make_heading("how you will work with schools, youth clubs and the library to find and reach young carers "
                        "who need support", short=True).startswith("Finding and reaching")
    assert make_heading("how you will retain and engage transferring staff, and any plans to align their pay scales",
                        short=True).endswith("to align their pay scales")
