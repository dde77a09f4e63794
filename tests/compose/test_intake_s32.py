"""Question intake, session 32 (issue 12 item 1): asks the intake lost on the intake_dev32 set's tuning half.

Two ask verbs in one item, gates that name their question after the cap, a note's lead or a title line before a
gate, an ask after a statement in a context paragraph, a requirement label over an asking guidance cell, an
including-clause followed by a new wh-ask, spreadsheet rows pasted as comma-separated values and a 'What we need to
see' column. The texts below are written for these tests.
"""

from __future__ import annotations

from evidencebot.compose.gates import read as read_gates
from evidencebot.compose.questions import read_limits, split_question


def _points(text: str) -> list[str]:
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


def test_two_ask_verbs_in_one_lettered_item_ask_twice():
    text = ("Please answer each part.\n"
            "(a) Give the opening date of each community hub and say who will hold the keys for each one.\n"
            "(b) Set out how you will keep the site safe after dark.")
    assert _points(text) == ["Give the opening date of each community hub",
                             "say who will hold the keys for each one",
                             "Set out how you will keep the site safe after dark"]


def test_two_ask_verbs_in_a_bullet_split_even_after_where_and_how():
    text = ("In your response:\n"
            "• describe where and how often the walking group will meet each week and explain how you will decide on "
            "new routes;\n"
            "• tell us how people with limited mobility can join in.")
    assert _points(text)[:2] == ["describe where and how often the walking group will meet each week",
                                 "explain how you will decide on new routes"]


def test_a_second_ask_verb_that_points_back_stays_with_the_first():
    text = ("(a) Set out the hours you will staff in each of the three towns, and explain how you arrived at these "
            "hours.\n(b) Describe your rota.")
    assert _points(text)[0] == ("Set out the hours you will staff in each of the three towns, and explain how you "
                                "arrived at these hours")


def test_a_conditional_item_with_two_verbs_stays_one_ask():
    text = ("1. Give your current waiting time for a first visit. If you have no such figure, say so and explain "
            "how you will measure it from the start.\n2. Describe your referral form.")
    assert len(_points(text)) == 2


def test_two_verbs_under_one_how_you_will_stay_one_ask():
    text = ("(a) Explain how you will log calls and send weekly totals to the commissioner.\n"
            "(b) Describe how calls are answered out of hours.")
    assert _points(text)[0] == "Explain how you will log calls and send weekly totals to the commissioner"


def test_a_gate_that_names_its_question_after_the_cap_is_read():
    gates = read_gates("Q4 Premises\nBidders will score 0 for Question 4 unless they confirm that the hub will "
                       "have step-free access from the first day.\nDescribe the hub's layout.")
    assert [(g.statement, g.cap) for g in gates] == [("the hub will have step-free access from the first day", "0")]


def test_a_gate_after_a_note_lead_and_a_gate_without_a_confirmation_are_read():
    one = read_gates("Please note that a bidder will score 0 for Question 2.2 unless it confirms that it holds "
                     "Cyber Essentials.")
    two = read_gates("Bidders that do not confirm use of the county's shared care record will score 0 for Question "
                     "6.3.")
    assert [g.cap for g in one] == ["0"] and "Cyber Essentials" in one[0].statement
    assert [g.statement for g in two] == ["use of the county's shared care record"]


def test_a_must_confirm_lead_over_a_list_is_no_gate_of_its_own():
    # a guard: with a question's title line now apart from the sentence under it, the lead-in alone must not be a gate
    text = ("5.1 Minimum standards (Pass/Fail)\nBidders must confirm that:\n"
            "• all staff will have a DBS check;\n• records will be kept for eight years.")
    assert not any(g.statement.rstrip(":").lower() in ("that", "") for g in read_gates(text))


def test_an_ask_after_a_statement_in_a_context_paragraph_is_asked():
    text = ("Last winter many of our older tenants went without heating, and the wardens only heard about it "
            "weeks later, so please tell us how you would hear about such problems within a day. "
            "The Trust has a repairs line.\n"
            "Describe how your staff will check on tenants during a cold spell.")
    points = _points(text)
    assert "please tell us how you would hear about such problems within a day" in points
    assert len(points) == 2


def test_a_requirement_label_over_an_asking_guidance_cell_does_not_swallow_the_ask():
    text = ("Ref | Requirement | Bidder response guidance | Word limit | Weighting\n"
            "A1 | Weekend cover | Describe how you will staff Saturdays and Sundays. | 300 | 5%\n"
            "A2 | Links with the hospital | Explain how a ward can refer a patient on the day of discharge. | 300 | 5%")
    assert _points(text) == ["Describe how you will staff Saturdays and Sundays",
                             "Explain how a ward can refer a patient on the day of discharge"]


def test_after_an_including_clause_a_wh_clause_of_another_subject_asks_anew():
    text = ("(a) Describe how you will plan each person's support, including their own goals, and how progress "
            "will be reviewed with their family.\n(b) Describe your exit process.")
    assert _points(text)[:2] == ["Describe how you will plan each person's support, including their own goals",
                                 "how progress will be reviewed with their family"]


def test_after_an_including_clause_the_bidders_next_how_stays_in_the_ask():
    text = ("(a) Describe how people will reach the service, including self-referral, and how you will answer "
            "every call within two rings.\n(b) Describe your exit process.")
    assert _points(text)[0].startswith("Describe how people will reach the service, including self-referral, and how")


def test_comma_separated_spreadsheet_rows_are_read_as_a_table():
    text = ('Ref,Question,Guidance,Max words,Weight\n'
            '3,"Describe your approach to hoarding, including how you will work with the fire service.",'
            '"The landlord uses a clutter scale.",400,5%\n'
            '4,"Explain how you will support a tenant after a move.","Please also state how long support lasts.",'
            '300,5%')
    points = _points(text)
    assert points[:2] == ["Describe your approach to hoarding, including how you will work with the fire service",
                          "Explain how you will support a tenant after a move"]
    assert len(points) == 3 and points[2].endswith("how long support lasts")
    limits = read_limits(text)
    assert limits.words == 700 and limits.weighting == 10


def test_a_what_we_need_to_see_column_asks_in_each_row():
    text = ("Part 2 – Day service\n"
            "| Area | What we need to see |\n"
            "| Lunch | How a member with a special diet is catered for. |\n"
            "| Transport | Please confirm the pick-up times you will offer. |\n"
            "Answer in no more than 600 words.")
    points = _points(text)
    assert any(p.startswith("How a member with a special diet is catered for") for p in points)
    assert any(p.startswith("Please confirm the pick-up times you will offer") for p in points)
    assert not any(p.lstrip().startswith("|") for p in points)
