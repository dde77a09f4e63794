"""Question intake: the buyer's asks, not the buyer's background lists (issue 12 item 1, session 19).

On questions written fresh (s18, spent; the s19 development set, tests/data/labelled/questions_dev_s19.jsonl) a
list of what a protocol requires, of partners or of KPIs was taken as the question's sub-points and the real asks
were lost; weightings written as marks were unread. A list is asks when its lead-in is said to the bidder
('Please explain how you will meet each of the following standards:', 'Your response should include:'); it is
context when its lead-in states what the buyer, a protocol or the specification requires, includes or names, says
it is for information, or it sits under 'Background'. Context lists are kept (QuestionPlan.requirements and the
stem), never parts. The texts below are written for these tests, in the shapes of those sets.
"""

from __future__ import annotations

import re

import pytest

from evidencebot.compose.questions import parse_question, plan_question, read_limits, split_question


def _points(text: str) -> list[str]:
    """The sub-points as asked, without an item's own marks (its weight, read by plan_question)."""
    return [re.sub(r"\s*\(\d+ marks\)$", "", t).rstrip(".?;") for _, t in split_question(text)[1]]


PROTOCOL = ("Question 3 – Leaving hospital\n\n### Background\n\nThe Discharge Protocol requires the Provider to:\n\n"
            "- meet the person on the ward before discharge where the date is known 48 hours ahead;\n"
            "- make first contact within 48 hours of discharge;\n"
            "- provide step-down support for up to 8 weeks.\n\n"
            "### Question\n\nDescribe how you will support people leaving the ward, and how you will follow them up "
            "after discharge.\n\nMaximum 600 words\n\nWeighting: 10%")


def test_what_a_protocol_requires_is_the_buyers_requirement_not_a_part():
    q = parse_question(PROTOCOL)
    assert [t for _, t in q.points] == ["Describe how you will support people leaving the ward",
                                        "how you will follow them up after discharge"]
    assert q.requirements[1] == "The Discharge Protocol requires the Provider to make first contact within 48 hours " \
                                "of discharge"
    plan = plan_question(PROTOCOL)
    assert plan.requirements == q.requirements and len(plan.points) == 2
    assert "first contact within 48 hours" in plan.stem  # the answer must meet it: the question's context


@pytest.mark.parametrize("lead, items", [
    ("The service will sit within the county's partnership programme. Key partners include:",
     ["the housing teams of the two councils;", "the community mental health teams;", "the police."]),
    ("The contract will be monitored against these KPIs:",
     ["at least 30% of people in paid work at any one time;", "a first employer contact within four weeks."]),
    ("Relevant local arrangements (for information):",
     ["the Multi-Agency Safeguarding Procedures", "the children's partnership threshold guidance"]),
])
def test_partners_kpis_and_information_listed_before_the_asks_are_context(lead, items):
    text = ("9. Partnership working (20 marks)\n\n" + lead + "\n" + "\n".join(f"- {i}" for i in items) +
            "\n\n9.1 Explain how you will take part in the partnership board's planning. (10 marks)\n"
            "9.2 Give two examples of joint work with statutory partners. (10 marks)\n")
    assert _points(text) == ["Explain how you will take part in the partnership board's planning",
                             "Give two examples of joint work with statutory partners"]
    assert read_limits(text).weighting == 20  # the question's marks, in its title, before its parts'


@pytest.mark.parametrize("text, expected", [
    ("Q8 Tell us how your staff will recognise people at risk of suicide.\n\n"
     "The Partnership will monitor the contract using these indicators:\n"
     "• staff trained within 3 months – target 100%\n• number of onward referrals to the bereavement service\n",
     ["Tell us how your staff will recognise people at risk of suicide"]),
    ("4.5 Out-of-hours sanctuary\n\nTell us how your sanctuary will help people in distress in the evenings.\n\n"
     "For information, the following services already operate out of hours:\n• NHS 111 (option 2);\n"
     "• the Samaritans branch.\n\n(5 marks; no more than two sides of A4)",
     ["Tell us how your sanctuary will help people in distress in the evenings"]),
    ("Q9 Mobilisation\n\nThe subcontract starts on 1 April. Key dates:\n1. Contract award: 10 January\n"
     "2. Service go-live: 1 April\n\na. Provide a mobilisation plan from award to go-live.\n"
     "b. Identify the main risks to mobilisation.\n",
     ["Provide a mobilisation plan from award to go-live", "Identify the main risks to mobilisation"]),
    ("Question 12: Carers\n\nBackground\nThe Local Carer Strategy commits the Partnership to:\n"
     "1. identify carers early;\n2. increase access to short breaks.\n\nWhat you need to tell us\n"
     "Bidders should describe how staff will identify carers and refer them to the Carers Centre.",
     ["how staff will identify carers and refer them to the Carers Centre"]),
])
def test_a_list_that_states_or_is_labelled_context_beside_an_ask(text, expected):
    assert _points(text) == expected


def test_a_lead_in_said_to_the_bidder_keeps_its_list_as_asks():
    """'Please explain how you will meet each of the following standards:' asks to address each item; 'Your
    response should include:' after a list of the buyer's services gives the asks."""
    standards = ("Q11 Suicide prevention\n\nThe Strategy sets minimum standards for every service. Please explain how "
                 "you will meet each of the following standards:\n\n1. All front-line staff complete suicide awareness "
                 "training within three months.\n2. Anyone with suicidal thoughts has a safety plan written with them.\n")
    assert len(_points(standards)) == 2 and _points(standards)[0].startswith("All front-line staff")
    services = ("Level 1 will be delivered by front-line staff in these services:\n- the Emergency Department;\n"
                "- Police Scotland;\n- GP practices.\n\nDescribe how you will deliver Level 2. Your response should "
                "include:\n- how you will contact every person referred within 24 hours\n"
                "- the training your practitioners will receive\n")
    assert _points(services) == ["how you will contact every person referred within 24 hours",
                                 "the training your practitioners will receive"]
    assert parse_question(services).requirements[0] == "Level 1 will be delivered by front-line staff in these " \
                                                       "services: the Emergency Department"


def test_a_section_label_over_a_list_is_not_a_statement_of_facts():
    text = ("Describe how you will support people with their housing.\n\nThings to think about:\n"
            "- how you will work with private landlords\n- the help you will give with rent arrears\n")
    got = _points(text)  # a guard: the list stays the question's, as on main (a label is no statement of facts)
    assert len(got) == 2 and got[0].endswith("how you will work with private landlords") \
        and got[1].endswith("the help you will give with rent arrears")


def test_a_list_with_no_ask_beside_it_stays_the_questions():
    """Nothing else asks: the list is what there is to answer, whatever its lead-in."""
    text = "The service must:\n- accept self-referrals;\n- offer evening appointments."
    assert _points(text) == ["accept self-referrals", "offer evening appointments"]
    assert parse_question(text).requirements == []


@pytest.mark.parametrize("text, weighting", [
    ("Describe how you will keep people safe.\n\n(10 marks)\n\nMaximum 5,000 characters.", 10),
    ("Question 7: Connectors (15 marks in total)\n\n(i) How will connectors receive referrals? (5 marks)\n"
     "(ii) How will you keep a directory up to date? (10 marks)", 15),
    ("Q15 How will you make sure that carers are recognised? (5 marks, 400 words)", 5),
    ("Describe your approach to safeguarding.\nMarks available: 12", 12),
])
def test_weightings_written_as_marks(text, weighting):
    assert read_limits(text).weighting == weighting


def test_the_marks_of_a_sub_question_do_not_take_its_ask():
    """'(10 marks)' after '9.1 Explain how ...' was read with the whole line before it: the ask was lost."""
    assert _points("9.1 Explain how you will take part in planning. (10 marks)\n"
                   "9.2 Give two examples of joint work. (10 marks)") == [
        "Explain how you will take part in planning", "Give two examples of joint work"]


@pytest.mark.parametrize("text, words, weighting", [
    ("9.1 How will staff raise a concern?\n9.2 What will you do about exploitation?\n\n"
     "Each part: maximum 250 words (750 words in total).", 750, None),
    ("Maximum 400 words per part (1,600 words overall).", 1600, None),
    ("Describe how you will involve carers.\n\n(Weighting: 6%. Limit 750 words.)", 750, 6),
    ("| Question 2 | Distress Brief Intervention |\n|---|---|\n| Weighting | 15% |\n| Word limit | 1,200 |\n\n"
     "Describe how you will deliver Level 2.", 1200, 15),
    ("1.1 Describe how you will recruit peer workers.\n\n| Weighting | Word limit |\n|---|---|\n"
     "| 20% | 1,000 words across 1.1 and 1.2 |", 1000, 20),
])
def test_limits_as_a_total_after_the_parts_and_in_a_table(text, words, weighting):
    limits = read_limits(text)
    assert (limits.words, limits.weighting) == (words, weighting)


def test_fields_joined_by_bars_are_read_each():
    assert read_limits("Tell us how you will measure wellbeing.\n\nWeighting: 10% | Limit: 5,000 characters").chars == 5000


def test_a_table_of_asks_and_what_scores_well_is_its_asks():
    text = ("Q3. Reaching men at higher risk of suicide\n\n| What we are looking for | What scores well |\n|---|---|\n"
            "| Explain how you will reach men aged 35 to 64. Describe the settings you will use. | Named partners; "
            "realistic reach targets. |\n| Tell us how you will measure changes in wellbeing. | A clear baseline. |")
    assert _points(text) == ["Explain how you will reach men aged 35 to 64", "Describe the settings you will use",
                             "Tell us how you will measure changes in wellbeing"]


def test_an_ask_whose_preposition_opens_each_element_is_split():
    text = ("Describe how your service will help residents find and keep paid work. In particular, tell us about your "
            "links with Jobcentre Plus, about in-work support once someone starts a job, and about how you will help "
            "people who are worried about their benefits.")
    assert _points(text)[-3:] == ["your links with Jobcentre Plus", "in-work support once someone starts a job",
                                  "how you will help people who are worried about their benefits"]


def test_bold_references_and_a_cells_line_breaks():
    """'**7.1** How will you ...' are sub-questions as '7.1 How ...' are; a guidance cell's '<br>' are its lines."""
    bold = ("### Question\n\n**7.1** How will you recruit and retain peer workers?\n\n**7.2** What training will staff "
            "receive?\n\n**7.3** How will staff be supervised?")
    assert _points(bold) == ["How will you recruit and retain peer workers", "What training will staff receive",
                             "How will staff be supervised"]
    row = ("| Question | Guidance | Max words |\n|---|---|---|\n| **4.1** Describe how you will support people after "
           "discharge. | Bidders should:<br>• explain how you will meet the 48-hour contact standard;<br>• set out what "
           "step-down support will consist of. | 800 |")
    assert "explain how you will meet the 48-hour contact standard" in _points(row)


def test_a_guidance_ask_among_a_guidance_lists_items_is_asked():
    text = ("Describe your service model. Your response should set out:\n\n1. How referrals will be received.\n"
            "2. How you will staff the service.\n\n### Guidance\n\n"
            "- Evaluators will look for a single front door.\n"
            "- Bidders should describe how they will manage periods when demand exceeds capacity.\n\n"
            "(maximum 750 words)")
    assert "how they will manage periods when demand exceeds capacity" in _points(text)


@pytest.mark.parametrize("asked, heading", [
    ("Bidders should describe how staff will identify the carers of people using the service",
     "Identifying the carers of people using the service"),
    ("Your answer should include how staff will be trained", "Training staff"),
    ("Tenderers should explain how they will recruit staff", "Recruiting staff"),
])
def test_a_guidance_lead_in_is_not_kept_in_the_heading(asked, heading):
    from evidencebot.compose.questions import make_heading

    assert make_heading(asked) == heading


def test_a_section_label_that_reads_as_a_question_is_not_an_ask():
    """'What you need to tell us' over 'Bidders should describe how ...': a label, neither a sub-point of its own
    nor the first words of the ask under it."""
    text = ("Question 12: Carers\n\nBackground\nThe Carer Strategy commits the Partnership to:\n1. identify carers early;\n"
            "2. increase access to short breaks.\nThe Carers Centre prepares support plans.\n\n"
            "What you need to tell us\nBidders should describe how staff will identify carers. "
            "You should also explain how carers will be involved in crisis planning.\n\n(Weighting: 6%. Limit 750 words.)")
    assert _points(text) == ["how staff will identify carers", "how carers will be involved in crisis planning"]
def test_a_question_with_asks_of_its_own_over_a_bidders_should_list_is_asked_too():
    """'4.1 Describe how you will X, including how you will A and how you will B.' in the question cell, 'Bidders
    should:' and a list in the guidance cell: the list is the guidance's further asks, the question's own are
    asked too (s18 q04 lost them); one plain question over 'In answering this question you should:' + a list is
    framed by the list (s17 q08)."""
    row = ("| Question | Guidance | Max words |\n|---|---|---|\n| **4.1** Describe how you will support people leaving "
           "hospital, including how you will work with ward staff before discharge and how you will respond when a "
           "person cannot be contacted. | Bidders should:<br>• explain how you will meet the 48-hour contact standard;"
           "<br>• set out what step-down support will consist of. | 800 |")
    got = _points(row)
    assert "how you will work with ward staff before discharge" in got
    assert "how you will respond when a person cannot be contacted" in got
    assert "explain how you will meet the 48-hour contact standard" in got
    framed = ("**Question**\n\nDescribe the governance arrangements you will put in place.\n\n**Guidance**\n\n"
              "In answering this question you should:\n\n- describe the structure of your governance;\n"
              "- explain how you will report and learn from incidents.\n")
    assert _points(framed) == ["describe the structure of your governance",
                               "explain how you will report and learn from incidents"]
