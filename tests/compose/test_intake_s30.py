"""Question intake shapes a parser tuned on earlier sets did not know (issue 12 item 1, session 30).

Each test's question is written here for the test, in other words than the development set it stands for
(tests/data/labelled/intake_dev29, d01-d27): a table whose evidence column asks, statements of what the
answer does ('The Contractor will describe ...'), asks divided by semicolons with a list inside one of them,
a title line with a reference in it, limits whose unit is said elsewhere, per-part limits under three-level
numbering, and marks written as a share of a total or as a score times a multiplier.
"""

from __future__ import annotations

from evidencebot.compose.questions import is_instruction, parse_question, plan_question, read_limits, split_question


def _points(text: str) -> list[str]:
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


# ------------------------------------------------------------------ a table's evidence column


TABLE = """B3 Volunteering
Max 400 words
Standard | Evidence needed
Volunteers are matched to a trained mentor | How you will pair each volunteer with a mentor
Expenses are paid within 10 days | Explain how you will keep to this deadline when claims peak
Volunteer roles are reviewed yearly | The form and timing of the annual review (a template may be attached and is not counted)
"""


def test_an_evidence_column_is_what_each_row_asks():
    points = _points(TABLE)
    assert len(points) == 3
    assert points[0] == "How you will pair each volunteer with a mentor"
    # the ask that points back at its row ('this deadline') carries the row's standard
    assert points[1] == "Expenses are paid within 10 days: Explain how you will keep to this deadline when claims peak"
    # a noun phrase under the evidence column is still asked, its bracketed aside is no instruction
    assert points[2].startswith("The form and timing of the annual review")
    assert not any("Volunteers are matched" in p for p in points)


def test_a_bracketed_format_note_does_not_make_what_is_asked_an_instruction():
    assert not is_instruction("A staffing plan naming each role (an organogram may be attached and is not counted)")
    assert is_instruction("Attach your staffing plan as Appendix 2 (not counted in the word limit)")


def test_how_each_will_be_dealt_with_stays_with_what_it_counts():
    text = "Set out the following.\n\n- The three largest risks to the move and how each will be reduced\n" \
           "- How you will tell families about the move\n\n500 words"
    assert _points(text) == ["The three largest risks to the move and how each will be reduced",
                             "How you will tell families about the move"]


# ------------------------------------------------------------------ statements and semicolons


def test_semicolons_divide_imperative_asks_before_a_list_inside_one_is_read():
    text = ("Q2 Day services\nDescribe how the day centre will open across the two market towns; explain how a "
            "new member will be welcomed in their first week; set out how activities will be chosen with members, "
            "including the forum you will hold each month; and explain how members who stop coming will be "
            "contacted.\nWord count: 600")
    points = _points(text)
    assert len(points) == 4
    assert points[2].startswith("set out how activities will be chosen with members")
    assert points[3].startswith("explain how members who stop coming")


def test_a_numbered_statement_of_what_the_contractor_will_describe_asks_each_clause():
    text = ("Lot 1: Helpline\nAnswers in this lot are limited by characters, including spaces.\n"
            "4.2 The Contractor will describe how calls will be answered within three rings; how call handlers will "
            "pass a caller at risk to the crisis team; and how the Contractor will report call volumes each month.\n"
            "Limit: 1200\nWeighting: 6%")
    points = _points(text)
    assert points == ["how calls will be answered within three rings",
                      "how call handlers will pass a caller at risk to the crisis team",
                      "how the Contractor will report call volumes each month"]
    limits = read_limits(text)
    assert limits.chars == 1200 and limits.words is None


def test_will_before_an_ask_verb_leads_the_ask_and_before_another_verb_does_not():
    from evidencebot.compose.questions import _shape

    assert _shape("should_ask").match("The Provider will describe how callers are triaged")
    assert _shape("should_ask").match("The Contractor will also set out its rota")
    # 'will provide' states what the service does; only describe/explain/set out/... ask
    assert not _shape("should_ask").match("The Provider will provide a helpline open every evening")
    assert "how callers are triaged" in _points("The Provider will provide a helpline open every evening. The "
                                                "Provider will describe how callers are triaged.\n(300 words)")


def test_a_title_line_with_a_reference_and_a_dash_is_a_title():
    text = ("Schedule ref. 7.2 – Method Statement M4: Move-on support\n"
            "The Provider shall set out how it will find move-on homes for residents.\n"
            "The Provider shall also set out how it will keep in touch for three months after a move.\n"
            "Response: 2 sides of A4. Weighting: 10%")
    points = _points(text)
    assert len(points) == 2
    assert not any("Schedule" in p or p.startswith("Response") for p in points)


# ------------------------------------------------------------------ limits and weightings


def test_a_bare_limit_takes_its_unit_from_the_rest_of_the_question():
    assert read_limits("Describe your approach.\nLimit: 700\nAnswers over 700 words will be cut.").words == 700
    assert read_limits("All limits in this section are in characters.\nDescribe your approach.\nLimit: 900").chars == 900
    assert read_limits("Describe your approach.\nLimit: 450").words == 450  # no unit named anywhere: words


def test_three_level_numbered_parts_add_their_limits_under_their_title():
    text = ("5.3 Night shelter\n5.3.1 Describe how the shelter will be staffed each night. (250 words)\n"
            "5.3.2 Explain how guests will be helped into housing. (350 words)\n"
            "5.3.3 Explain how you will keep the neighbours informed. (150 words)")
    assert read_limits(text).words == 750


def test_character_limits_of_numbered_parts_add_up_and_hold_each_part():
    text = ("2.4 Reporting\n2.4.1 Which measures will you report? (Max 1,400 characters)\n"
            "2.4.2 How will you share the reports with the board? (Max 2,100 characters)")
    assert read_limits(text).chars == 3500
    plan = plan_question(text)
    assert [p.limit for p in plan.points] == [1400 // 7, 2100 // 7]


def test_marks_as_a_share_of_a_total_are_a_percentage():
    assert read_limits("Describe your approach. (500 words) (15 of the 300 marks available)").weighting == 5


def test_a_score_times_a_multiplier_is_its_highest_mark():
    assert read_limits("Describe your approach. (500 words)\nScore: 0–5 × 4").weighting == 20


def test_bracketed_marks_after_a_limit_are_the_weighting_but_not_after_a_bare_reference():
    assert read_limits("Describe your approach to carers.\nWord count: 500 (12 marks)").weighting == 12
    assert read_limits("Describe your approach to carers. (500 words) (12 marks)").weighting == 12
    assert read_limits("Q3 (12 marks)\nDescribe your approach to carers. Maximum 500 words.").weighting is None


def test_headings_of_the_new_shapes_are_whole():
    from evidencebot.compose.questions import heading_fault

    q = parse_question(TABLE)
    for h, (_, t) in zip(q.headings, q.points):
        assert not heading_fault(h, t), (h, t)


# ------------------------------------------------------------------ guidance lists after the question


def test_a_list_of_what_the_panel_will_consider_is_not_asked():
    text = ("Describe how your befriending service will reach older people who live alone. We are particularly "
            "interested in how volunteers will be matched and how you will know a match is working.\n"
            "Word count: 500\nAssessment criteria – the panel will consider the following; they are not headings:\n"
            "- Reach into rural villages\n- Volunteer retention")
    points = _points(text)
    assert points[1:] == ["how volunteers will be matched", "how you will know a match is working"]
    assert not any("Reach into" in p or "retention" in p for p in points)


def test_a_guidance_list_the_answer_must_address_point_by_point_keeps_the_question_asked():
    text = ("Describe how link workers will help people use community activities.\n"
            "What good looks like – please make sure your answer addresses each point:\n"
            "• people choose the activity\n• a first visit is made together\n• the GP hears how it went\n(500 words)")
    points = _points(text)
    assert points[0].startswith("Describe how link workers will help people use community activities")
    assert points[1:] == ["people choose the activity", "a first visit is made together", "the GP hears how it went"]


def test_a_guidance_list_of_what_responses_should_cover_spells_the_question_out():
    text = ("Describe how you will support tenants at risk of losing their home.\n\nGuidance:\nResponses should cover:\n"
            "- spotting arrears early;\n- working with the landlord;\n- how tenants give feedback.\n(400 words)")
    assert _points(text) == ["spotting arrears early", "working with the landlord", "how tenants give feedback"]


def test_a_confirmation_joined_to_an_attachment_is_still_asked():
    points = _points("Please confirm that you hold employer's liability insurance of at least £5m. Please also confirm "
                     "that your lone working policy was reviewed this year, and attach it as Appendix 3.")
    assert len(points) == 2
    assert "lone working policy was reviewed this year" in points[1] and "Appendix" not in points[1]


def test_a_scoring_guide_in_grade_words_is_not_asked():
    text = ("What will your club change for its members?\nTell us what members will gain in the first year.\n"
            "How we will assess your answer\nStrong – gains are specific and follow from the activities.\n"
            "Adequate – gains are named but broad.\nWeak – activities are listed instead of gains.")
    points = _points(text)
    assert not any(p.startswith(("Strong", "Adequate", "Weak", "Score", "How we")) for p in points)
    assert any("members will gain in the first year" in p for p in points)
