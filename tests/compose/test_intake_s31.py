"""Question intake, session 31 (issue 12 item 1): asks the intake lost or took wrongly on the intake_dev31 set.

Conditional follow-ups, asks inside context paragraphs, tables whose header abbreviates, numbered Yes/No gates,
'Information only' items, tick boxes and per-row character limits. The texts below are written for these tests.
"""

from __future__ import annotations

from evidencebot.compose.questions import parse_question, read_limits, split_question


def _points(text: str) -> list[str]:
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


def test_a_conditional_follow_up_is_an_ask_of_its_own():
    text = ("Describe how your team will run the evening drop-in at the library.\n"
            "If you plan to use volunteers, set out how they will be vetted and supervised.\n"
            "Weighting: 5%")
    assert _points(text) == ["Describe how your team will run the evening drop-in at the library",
                             "If you plan to use volunteers, set out how they will be vetted and supervised"]


def test_a_conditional_follow_up_after_a_note_label_is_asked_and_kept_whole():
    text = ("Explain how you will deliver the befriending service in the two market towns.\n"
            "Note: If any part will be run by a partner, explain which part, which partner, and how you will check "
            "their work.\n"
            "Note: The Council will not fund vehicle purchases.")
    points = _points(text)
    assert points[-1] == ("If any part will be run by a partner, explain which part, which partner, and how you will "
                          "check their work")
    assert len(points) == 2  # the prohibition is no ask


def test_a_conditional_that_points_at_another_part_is_not_an_ask():
    text = ("1. Do you hold a current CQC registration? Yes / No\n"
            "2. Describe how you will keep records of each visit.\n"
            "If you answer No to 1, describe in part 2 how you will register before the start date.")
    assert not any(p.startswith("If you answer No") for p in _points(text))


def test_an_ask_after_a_turn_back_to_the_context_is_asked():
    text = ("Background:\n"
            "- 90 people used the crisis cafe last year.\n"
            "- Half of them came after 10pm.\n"
            "With this in mind, please explain how you will staff the cafe late in the evening.")
    assert _points(text) == ["please explain how you will staff the cafe late in the evening"]


def test_the_buyers_third_person_ask_inside_a_context_paragraph_is_asked():
    text = ("The district has one bus a day on most routes and no rail station. The Council would like bidders to "
            "explain how workers will reach people in outlying farms. Several parishes already run lunch clubs.")
    assert _points(text) == ["explain how workers will reach people in outlying farms"]
    text = ("The hostel has 40 beds and a waiting list. We would welcome an explanation of how your staff will work "
            "with the hostel's key workers. The hostel is open all year.")
    assert _points(text) == ["how your staff will work with the hostel's key workers"]


def test_a_short_ask_of_the_bidder_after_a_semicolon_is_its_own():
    text = ("Last winter 30 appointments were missed because of snow; we want to know what you would change. "
            "The Council grits the main roads only.")
    assert "what you would change" in _points(text)


def test_two_verbs_sharing_one_object_after_a_preposition_stay_one_ask():
    text = "Please explain how you will help young tenants prepare for and keep their first flat after leaving care."
    assert _points(text) == ["Please explain how you will help young tenants prepare for and keep their first flat after "
                             "leaving care"]


def test_a_table_whose_header_abbreviates_its_reference_column_is_read_row_by_row():
    text = ("No. | Requirement | Guidance | Word limit | Weighting\n"
            "A1 | Describe how you will run weekly walking groups. | The current groups meet on Tuesdays. | 300 | 4%\n"
            "A2 | Explain how you will recruit walk leaders. | Please also tell us how leaders will be trained. | 200 | 3%")
    points = _points(text)
    assert points[0] == "Describe how you will run weekly walking groups"
    assert "Explain how you will recruit walk leaders" in points
    limits = read_limits(text)
    assert (limits.words, limits.weighting) == (500, 7.0)


def test_a_numbered_yes_no_question_is_the_first_of_its_list_not_a_title():
    text = ("2.1 Are you registered with the Charity Commission? Yes / No\n"
            "2.2 Confirm that you will attend quarterly contract meetings. Yes / No")
    assert _points(text)[0].startswith("Are you registered with the Charity Commission")
    assert len(_points(text)) == 2


def test_an_information_only_item_is_not_a_sub_point():
    text = ("4.1 Confirm that you will use the shared referral form. Yes / No\n"
            "4.2 Confirm that you will report monthly. Yes / No\n"
            "4.3 Information only: the Board will supply the referral form.")
    assert len(_points(text)) == 2


def test_tick_boxes_end_the_statement_to_confirm():
    text = ("Bidders must confirm that all drivers hold a valid licence.   ☐ Yes   ☐ No\n"
            "A 'No' answer excludes the bid.\n"
            "If 'Yes', describe how you will check licences each year.")
    points = _points(text)
    assert "excludes" not in points[0]
    assert points[-1] == "If 'Yes', describe how you will check licences each year"


def test_arrow_bullets_are_list_items():
    text = ("Response must cover:\n→ how you will take referrals;\n→ how you will close cases.\nWeighting: 5%")
    assert _points(text) == ["how you will take referrals", "how you will close cases"]


def test_a_character_limit_a_row_is_summed_over_the_rows():
    text = ("Ref | Question | Guidance | Max chars | Weight\n"
            "B1 | Describe your outreach offer. | Name the venues. | 1500 | 5%\n"
            "B2 | Explain how you will take referrals. | None. | 1000 | 5%")
    assert read_limits(text).chars == 2500


def test_a_word_limit_said_across_the_parts_is_the_whole_answers():
    text = "(a) Tell us who will lead the service. (b) Describe your first month.\n(800 words across (a) and (b))"
    assert read_limits(text).words == 800
    assert len(parse_question(text).points) == 2


def test_a_weighting_line_naming_its_parts_with_one_percentage_is_the_questions():
    text = ("D2.1 Describe your complaints process. (300 words)\n"
            "D2.2 Confirm that you will publish complaint numbers each year. (Pass/Fail)\n"
            "Weighting: D2.1 – 6%; D2.2 – Pass/Fail")
    assert read_limits(text).weighting == 6.0
    assert read_limits("Explain how you will train staff.\nWeighting: parts 1-2 together 9%").weighting == 9.0


def test_a_letter_prefixed_section_number_keys_its_line_and_a_pass_fail_mark_is_no_ask():
    text = ("D2.1 Describe your complaints process. (300 words)\n"
            "D2.2 Confirm that you will publish complaint numbers each year. (Pass/Fail)\n"
            "Weighting: D2.1 – 6%; D2.2 – Pass/Fail")
    points = split_question(text)[1]
    assert [k for k, _ in points] == ["D2.1", "D2.2"]
    assert points[0][1].startswith("Describe your complaints process")


def test_a_listed_item_that_opens_with_a_statement_asks_only_what_follows():
    text = ("(a) Most of your staff will be new to the area. How will you induct them in the first month?\n"
            "(b) Confirm that you will attend the monthly provider forum.")
    assert _points(text)[0] == "How will you induct them in the first month"
    # an item whose first words are a label over its ask keeps the ask
    text = ("- Older adults Describe how you will reach people over 75 who live alone.\n"
            "- Carers Explain how you will support carers in their own right.")
    assert "Describe how you will reach people over 75" in _points(text)[0]
