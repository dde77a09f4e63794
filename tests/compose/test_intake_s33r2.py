"""Question intake, session 33 round 2 (issue 12 item 1): a table of the buyer's facts is no table of limits.

A Markdown table whose header names neither a question column nor a limit of words, characters or pages (nor a
weighting) holds the buyer's staffing figures, targets or caps: its bare numbers are no word limit and no weighting.
The texts below are written for these tests.
"""

from __future__ import annotations

from evidencebot.compose.questions import read_limits


_STAFF_TABLE = (
    "Maximum length: 3 sides of A4.\n"
    "Weighting: 12%\n\n"
    "The team we expect to see:\n\n"
    "| Post | Least WTE | Of which able to work in Welsh (Level 3 or higher) | Cases held per 1.0 WTE |\n"
    "|---|---|---|---|\n"
    "| Recovery Worker | 6.0 | 2.0 | 28 |\n"
    "| Carer Link Worker | 1.5 | 0.5 | 35 |\n"
    "| Team Leader | 1.0 | Preferred | Does not apply |\n\n"
    "Other points:\n\n"
    "- Caps are pro rata for part-time posts.\n\n"
    "Explain how you will build and keep this team, and how you will watch caseloads against the caps.\n")


def test_a_staffing_table_s_figures_are_no_word_limit_or_weighting():
    limits = read_limits(_STAFF_TABLE)
    assert limits.words is None  # '1.0' WTE is not a one-word limit
    assert limits.pages == 3.0
    assert limits.weighting == 12.0  # the stated 12%, not a caseload cap of 28


def test_a_kpi_table_with_a_target_column_gives_no_limit():
    text = ("Describe how you will report on the measures below.\n\n"
            "| Measure | Target for the people seen in each month | Reported |\n"
            "|---|---|---|\n"
            "| First contact within 5 working days | 90 | Monthly |\n"
            "| Plans reviewed at 12 weeks | 80 | Quarterly |\n\n"
            "Say what you will do when a measure falls short of its target.\n")
    limits = read_limits(text)
    assert limits.words is None and limits.weighting is None


def test_a_table_whose_header_names_a_word_limit_still_gives_its_limits():
    text = ("| Ref | Question | Max words | Weighting |\n"
            "|---|---|---|---|\n"
            "| 1 | Explain how you will recruit peer workers. | 400 | 5 |\n"
            "| 2 | Describe how you will train them for the lead role of each group. | 300 | 5 |\n")
    limits = read_limits(text)
    assert limits.words == 700


# ---- sub-points (the texts are written for these tests)

def _points(text: str) -> list[str]:
    from evidencebot.compose.questions import split_question
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


def test_a_colon_list_naming_the_set_a_second_wh_ask_names_stays_inside_that_ask():
    text = ("Describe how families will help plan the drop-in sessions, including a carers' forum that meets each month, "
            "and how your plan follows the four values of the county's carers' charter: respect, choice, openness and "
            "fairness.")
    assert _points(text) == [
        "Describe how families will help plan the drop-in sessions, including a carers' forum that meets each month",
        "how your plan follows the four values of the county's carers' charter: respect, choice, openness and fairness"]


def test_a_piece_opened_by_against_or_a_participle_goes_on_with_the_element_before_it():
    text = ("Your response should set out your plan to train local volunteers, against the Board's aim that half of "
            "them live in the two towns, and how you will cut the paper you print, recording the reams bought each month.")
    assert _points(text) == [
        "your plan to train local volunteers, against the Board's aim that half of them live in the two towns",
        "how you will cut the paper you print, recording the reams bought each month"]


def test_an_ask_before_a_sentence_that_asks_also_is_asked_too():
    text = ("Describe the benefits to the local area you will bring through this contract. You must confirm that every "
            "worker, including agency workers, will be paid at least the hourly rate the Foundation sets. Your response "
            "should also set out how you will buy from firms in the county, and how you will report what you spent.")
    points = _points(text)
    assert points[0] == "Describe the benefits to the local area you will bring through this contract"
    assert "how you will buy from firms in the county" in points
    assert "how you will report what you spent" in points


def test_an_ask_spelled_out_by_the_sentences_after_it_is_still_their_frame():
    text = ("Describe how you will support carers. Your response should set out how you will find carers who are "
            "not known to services, and how you will involve them in crisis plans.")
    assert _points(text) == ["how you will find carers who are not known to services",
                             "how you will involve them in crisis plans"]


def test_a_guidance_sentence_asking_for_named_examples_is_a_sub_point():
    text = ("(a) Explain how you will run the Friday drop-in at the harbour.\n"
            "(b) Explain how you will reach people on the outlying farms.\n\n"
            "Guidance\n\nBidders should give named examples of the halls and clubs they will work from.")
    assert _points(text)[-1].endswith("named examples of the halls and clubs they will work from")


def test_a_count_of_characters_said_with_its_spaces_is_the_character_limit():
    assert read_limits("Response format: web form, 6,500 characters including spaces.").chars == 6500
    assert read_limits("Enter up to 3,000 characters (including spaces) in the box.").chars == 3000
