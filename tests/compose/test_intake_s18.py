"""Question intake on shapes written by buyers who never read the parser (issue 12 item 1; the s18 development
set, tests/data/labelled/questions_dev_s18.jsonl): limits and weightings given per part, per row or per item,
marks as a weighting, the quality envelope's percentage, a table of the buyer's KPIs."""

from __future__ import annotations

from evidencebot.compose.questions import plan_question, read_limits, split_question


def test_the_quality_envelopes_percentage_is_not_the_questions_weighting():
    """'Tender questions – Quality (60% of the total score)' heads every question: the question's own 'worth 15%'
    (or '10 marks (10% of the total score)') is its weighting; 60 was read (s18 dev q21, q25)."""
    head = "Better Minds: Community Wellbeing Service\nTender questions – Quality (60% of the total score)\n\n"
    assert read_limits(head + "Question 1: How your service will work\nThis question is worth 15% of the quality "
                              "score. Please write up to 800 words.\nTell us how you will help people.").weighting == 15
    assert read_limits(head + "Question 5: Social value\nWorth: 10 marks (10% of the total score)\n"
                              "Please tell us your commitments.").weighting == 10
    assert read_limits("Section 4 – Award Criteria: Quality (70%)\nAward Criterion 4.3 – Fair Work\n"
                       "Part 2 (Scored, weighted 8%)\nDescribe your approach.").weighting == 8


def test_marks_in_a_titled_question_are_its_weighting_and_a_kpi_table_is_not():
    """'Method Statement MS3: Outcomes ... (12 marks)' over a KPI table ('| KPI 1 | ... | 95% | Monthly |'): the
    KPI's target 95% was read as the weighting (the table's header names no question column, so it is the
    buyer's facts). A bare 'Q4 (20 marks)' stays unread (the s6i labels)."""
    q = ("Method Statement MS3: Outcomes and Reporting (12 marks)\n\nBackground\n"
         "| KPI | Description | Target | Reporting |\n|---|---|---|---|\n"
         "| KPI 1 | Referrals contacted within 5 working days | 95% | Monthly |\n"
         "| KPI 2 | Service Users with a recovery plan within 28 days | 90% | Monthly |\n\n"
         "Question\nExplain how you will report performance against the KPIs.\nMax. 6,000 characters including spaces.")
    assert read_limits(q).weighting == 12
    assert read_limits("Q10 Peer support workforce (10 marks). Max 2 sides A4.\n10.1 Your peer support model."
                       ).weighting == 10
    assert read_limits("Q4 (20 marks)\nExplain how you will work with the CMHT. Maximum 1,000 words.").weighting is None


def test_weightings_and_limits_given_per_part_are_added_up():
    """'Weighting: Part A 4%; Part B 4%' is 8% (4 was read); part titles '(750 words; 6%)' and '(500 words; 4%)'
    under a Welsh label are 1,250 words and 10% (750 and 6 were read); each part keeps its own limit."""
    assert read_limits("Method Statement MS5: Social Value\nWeighting: Part A 4%; Part B 4%\n\n"
                       "Part A – Local employment (maximum 500 words)\nDescribe your commitments.\n\n"
                       "Part B – Community (maximum 500 words)\nDescribe how you will support the VCS.").weighting == 8
    q = ("Question C5: Quality and Safety\n\n"
         "Rhan A / Part A – Clinical governance and incident management (750 words; 6%)\n"
         "Describe the governance arrangements that will assure the Health Board.\n\n"
         "Rhan B / Part B – Diogelu / Safeguarding (500 words; 4%)\n"
         "Describe how you will safeguard adults at risk.")
    limits = read_limits(q)
    assert (limits.words, limits.weighting) == (1250, 10)
    plan = plan_question(q)
    assert plan.word_limit == 1250
    assert [p.part_limit for p in plan.points] == [750, 500]


def test_a_tables_rows_and_numbered_items_with_limits_of_their_own_add_up():
    """A table of two sub-questions, each with its 'Max words' and 'Weighting' cell, is 900 words and 10% (500
    and 6 were read); '7.1 ... Max 300 words.' / '7.2 ... Max 200 words.' with no total is 500 (300 was read);
    'Max 1,000 words for Q8 in total' over items without limits stays 1,000."""
    table = ("Award Criterion 4.4 – Working in Partnership\n\n"
             "| Ref | Question | Guidance | Max words | Weighting |\n|---|---|---|---|---|\n"
             "| 4.4a | Describe how you will work with the CMHTs. | Bidders should explain how referrals will operate. "
             "| 500 | 6% |\n"
             "| 4.4b | Describe how you will work with third sector organisations. | Bidders should include examples. "
             "| 400 | 4% |\n")
    limits = read_limits(table)
    assert (limits.words, limits.weighting) == (900, 10)
    items = ("Q7 Mobilisation. Weighting 8%.\n7.1 Mobilisation plan: key milestones; risks and mitigations. "
             "Max 300 words.\n7.2 TUPE: approach to any staff transferring. Max 200 words.\n"
             "7.3 Attach Gantt chart as Appendix 7A. Not scored.")
    assert (read_limits(items).words, read_limits(items).weighting) == (500, 8)
    assert read_limits("Q9 Outcomes (10%)\n9.1 How will you achieve KPI-02? 400 words.\n9.2 How will you submit "
                       "data? 300 words.\n9.3 Give one example. 300 words.").words == 1000
    assert read_limits("Q8 Interface. Weighting 12%. Max 1,000 words for Q8 in total.\n8.1 How will you integrate?"
                       "\n8.2 Describe the process for escalating risk.").words == 1000


def _texts(question: str) -> list[str]:
    return [t.rstrip(".") for _, t in split_question(question)[1]]


LIST = ("Award Criterion 4.2 – Responding to Distress (maximum 750 words)\n\nQuestion\n"
        "Please describe how your service will respond to people in distress, covering:\n"
        "* your approach to contact within 24 hours of referral;\n"
        "* how staff will be trained in trauma-informed practice.\n\n")


def test_what_the_guidance_asks_bidders_for_after_a_list_is_a_sub_point():
    """'Bidders should describe how they will keep people safe ...' under 'Guidance' after the list was lost (only
    'Bidders should also ...' was read), as was 'Guidance: Bidders should state the number of ...' (s18 dev q07,
    q10, q19, q27). The guidance label on a line of its own no longer runs into the sentence under it."""
    assert _texts(LIST + "Guidance\nBidders should describe how they will keep people safe while they wait for a "
                         "response, including any contact offered between referral and first appointment.") == [
        "your approach to contact within 24 hours of referral",
        "how staff will be trained in trauma-informed practice",
        "how they will keep people safe while they wait for a response, including any contact offered between "
        "referral and first appointment"]
    assert _texts("Q10 Peer support workforce (10 marks).\n10.1 Your peer support model.\n10.2 Supervision "
                  "arrangements for peer support workers.\nGuidance: Bidders should state the number of peer support "
                  "WTE proposed. Lived experience is an essential criterion for all peer roles.")[-1] == \
        "the number of peer support WTE proposed"
    assert _texts(LIST + "Bidders should include examples of existing local relationships and say how they will "
                         "avoid duplication with services already funded.")[-2:] == [
        "examples of existing local relationships", "how they will avoid duplication with services already funded"]


def test_guidance_on_how_to_write_is_not_a_sub_point():
    """What earlier labellers left out stays out: 'Bidders should describe what will actually happen, by whom and
    when' (s17 q01), '... practical arrangements, not aspirations' (s11 q05), 'Bidders should demonstrate
    familiarity with ...' (s5); 'Bidders should set out A, how B and how C' is still split into its elements."""
    for note in ("Bidders should describe what will actually happen, by whom and when.",
                 "Bidders should describe practical arrangements, not aspirations.",
                 "Bidders should give examples of what staff will do in practice.",
                 "Guidance: Bidders should demonstrate familiarity with the Safeguarding Adults Board policy."):
        assert len(_texts(LIST + "Guidance\n" + note)) == 2, note
    assert _texts("Q12 Outcomes\nHow will you measure the difference the service makes?\nGuidance: Bidders should set "
                  "out the outcome measures they will use, how often they will be collected and how the results "
                  "will be shared with people who use the service.\nWord limit: 600") == [
        "the outcome measures they will use", "how often they will be collected",
        "how the results will be shared with people who use the service"]


def test_asks_made_before_an_in_particular_list_stay_asked():
    """'The Tenderer shall describe how it will X, and how it will Y.' + 'In particular, the Tenderer shall
    address:' + (i)-(ii): the list details the asks before it, which were lost (s18 dev q02)."""
    got = _texts("Method Statement MS2: Safeguarding\n\nThe Tenderer shall describe how it will identify, assess and "
                 "manage risk to Service Users, and how it will discharge its safeguarding duties under the Care Act "
                 "2014.\n\nIn particular, the Tenderer shall address:\n(i) the risk assessment tool(s) to be used;\n"
                 "(ii) the process for escalating concerns outside normal operating hours.")
    assert got == ["how it will identify, assess and manage risk to Service Users",
                   "how it will discharge its safeguarding duties under the Care Act 2014",
                   "the risk assessment tool(s) to be used",
                   "the process for escalating concerns outside normal operating hours"]


def test_a_numbered_items_own_semicolon_list_gives_its_elements():
    """'8.1 How will ...? Cover: a; b; c.' and '7.1 Mobilisation plan: a; b.' were one sub-point each (s18 dev q16,
    q17, q20): the elements are the sub-points (the ask before 'Cover:' is what they detail). A nested list joined
    as 'Parent: child; child' is read as before (the dev labels keep its parent)."""
    assert _texts("Q8 Interface with Trust clinical teams. Weighting 12%.\n8.1 How will connectors integrate with the "
                  "Trust's CMHTs? Cover: attendance at MDT/huddles; access to RiO; joint supervision.\n8.2 How will "
                  "you manage a person who declines to engage after referral?") == [
        "attendance at MDT/huddles", "access to RiO", "joint supervision",
        "How will you manage a person who declines to engage after referral?"]
    assert _texts("Q7 Mobilisation. Weighting 8%.\n7.1 Mobilisation plan: key milestones to service start date; risks "
                  "and mitigations. Max 300 words.\n7.2 TUPE: approach to any staff transferring. Max 200 words.") == [
        "key milestones to service start date", "risks and mitigations", "TUPE: approach to any staff transferring"]
    nested = ("Describe how the crisis house will operate.\n1. Referral and admission\n   a. who can refer\n"
              "   b. the criteria for admission\n2. Length of stay\n3. Staffing levels, day and night")
    assert _texts(nested)[0].startswith("Referral and admission")


def test_a_question_asked_outright_stays_beside_an_include_sentence():
    """'How will you involve people ...?' + 'Include how you'll pay people, how you'll support them, and how you'll
    show what changed': the question was lost (s18 dev q24); over 'Include: A; B; C' (a colon's list, s8-02) it is
    still left out, as the writer's rule and the s8 labels have it."""
    got = _texts("4. How will you involve people with lived experience in shaping and running the service? Include how "
                 "you'll pay people for their time, how you'll support them, and how you'll show what changed "
                 "because of their input.")
    assert got[0] == "How will you involve people with lived experience in shaping and running the service?"
    assert len(got) == 4
    got = _texts("Q2.2 | How will you recruit and retain a workforce? | Include: your staffing model by role and WTE; "
                 "how you will recruit in a tight labour market; induction and mandatory training. | 750 words | 8%")
    assert got == ["your staffing model by role and WTE", "how you will recruit in a tight labour market",
                   "induction and mandatory training"]


def test_a_written_out_scoring_matrix_is_not_a_sub_point_and_we_d_like_to_know_is_an_ask():
    """'How we'll score this' + '0 – No answer, or the answer doesn't address the question.' was a sub-point, and
    'We'd also like to know how you'll support staff ...' was lost (s18 dev q23)."""
    got = _texts("Question 3: Keeping people safe\nWeighting: 10%\n\nTell us how you'll spot when someone's risk is "
                 "increasing.\n\nThings to think about\nYou should also explain how you'll work with our suicide "
                 "prevention partnership. We'd also like to know how you'll support staff after a death by suicide of "
                 "someone using the service.\n\nHow we'll score this\n0 – No answer, or the answer doesn't address the "
                 "question.\n1 – Poor: very little detail.\n5 – Excellent: all of the question is answered in full.\n\n"
                 "Please keep your answer to 750 words or fewer.")
    assert got[-1] == "how you'll support staff after a death by suicide of someone using the service"
    assert not any("answer doesn't address" in t or "Poor" in t or "Excellent" in t for t in got), got


def test_each_row_of_a_table_of_sub_questions_is_asked():
    """A Markdown table under a title line ('Award Criterion 4.4 – Working in Partnership'): the first row's question
    ran into the title and was lost; the guidance 'Bidders should explain how A, B and C will operate, with
    reference to X' was cut into three; the second row's 'Bidders should include A and say how B' made the first
    row's asks its frame (s18 dev q09)."""
    got = _texts("Award Criterion 4.4 – Working in Partnership\n\n"
                 "| Ref | Question | Guidance | Max words | Weighting |\n|---|---|---|---|---|\n"
                 "| 4.4a | Describe how you will work with the CMHTs, GP practices and Community Link Workers. | Bidders "
                 "should explain how referrals, shared care plans and information sharing will operate, with reference "
                 "to the Protocol. | 500 | 6% |\n"
                 "| 4.4b | Describe how you will work with third sector organisations. | Bidders should include examples "
                 "of existing local relationships and say how they will avoid duplication. | 400 | 4% |\n")
    assert got == ["Describe how you will work with the CMHTs, GP practices and Community Link Workers",
                   "how referrals, shared care plans and information sharing will operate, with reference to the "
                   "Protocol",
                   "Describe how you will work with third sector organisations",
                   "examples of existing local relationships", "how they will avoid duplication"]


def test_a_list_asked_also_leaves_the_ask_before_it_asked():
    """'Please tell us your commitments on A, B and C.' + 'Please also tell us:' + a./b.: the first ask was taken
    as the list's frame and lost (s18 dev q25)."""
    got = _texts("Question 5: Social value\n\nWe want this contract to leave our area better off. Please tell us your "
                 "commitments on local jobs, volunteering, and buying from local suppliers.\n\nPlease also tell us:\n"
                 "a. how you'll reduce your carbon footprint\nb. how you'll report to us on what you promised")
    assert got[0].startswith("Please tell us your commitments on local jobs") and len(got) == 3, got


def test_a_guidance_ask_of_how_and_the_steps_is_two_asks():
    """'The Tenderer shall describe how it will support A, and the steps it will take to B' (Part B of s18 dev q05)
    was one sub-point; with no title line over Part A, 'The Tenderer shall describe ...:' was not read as an ask
    ('shall' was no asking modal), so Part A was taken as an introduction and Part B lost."""
    got = _texts("Part A – Jobs (maximum 500 words)\nThe Tenderer shall describe the commitments it will make to:\n"
                 "- create employment opportunities for residents;\n- pay the London Living Wage.\n\n"
                 "Part B – Community (maximum 500 words)\nThe Tenderer shall describe how it will support the voluntary "
                 "sector in the Borough, and the steps it will take to reduce carbon emissions, including staff travel.")
    assert got[-2:] == ["how it will support the voluntary sector in the Borough",
                        "the steps it will take to reduce carbon emissions, including staff travel"]


def test_a_portal_exports_fields_are_read_one_by_one():
    """'Question Title: Social value ...' ran into 'Question Text: Describe the social value ..., including how you
    will A and how you will B' as one sentence that asked nothing: both asks were lost (s18 dev q30)."""
    got = _texts("Westmarsh County Council\nProject: DN714523 - Recovery Service\n\nSection: 4 - Social Value\n"
                 "Question Number: 4.1\nQuestion Title: Social value – local employment\n"
                 "Question Text: Describe the social value you will deliver through this contract, including how you "
                 "will create employment opportunities for residents and how you will support small local groups.\n"
                 "Guidance: Commitments must be entered in the Schedule (Appendix F) using the TOMs. You should also explain how you will report "
                 "progress each quarter.\nMax Length: 5000 characters\nWeighting: 10.00%\nResponse Type: Text\n"
                 "Mandatory: Yes")
    assert got == ["how you will create employment opportunities for residents",
                   "how you will support small local groups", "how you will report progress each quarter"]


def test_tell_us_about_before_an_include_sentence_is_asked():
    """'Tell us about paid roles as well as volunteering. Include how ...': the first ask was taken as the frame of
    the 'Include' list and lost (s18 dev q24)."""
    got = _texts("| Question | Guidance | Max words | Weighting |\n|---|---|---|---|\n| 4. How will you involve people "
                 "with lived experience? | Tell us about paid roles as well as volunteering. Include how you'll pay "
                 "people for their time, how you'll support them, and how you'll show what changed. | 600 | 8% |")
    assert "Tell us about paid roles as well as volunteering" in got and len(got) == 5, got


def test_a_guidance_asks_including_clause_gives_the_ask_and_its_elements():
    """'The Tenderer shall describe how it will X, including its arrangements for A and its approach to B' before an
    'In particular' list: X, A and B are each asked (the s18 writer's rule for an 'including' clause; s18 dev q02).
    Only a guidance ask ('The Tenderer shall / Bidders should ...') is read so: 'Describe your approach to X,
    including A and B' keeps the earlier sets' reading (A and B, X their frame)."""
    got = _texts("The Tenderer shall describe how it will discharge its safeguarding duties under the Care Act 2014, "
                 "including its arrangements for information sharing with the Safeguarding Adults Board and its "
                 "approach to Making Safeguarding Personal.\n\nIn particular, the Tenderer shall address:\n"
                 "(i) the risk assessment tool(s) to be used;\n(ii) the process for escalating concerns out of hours.")
    assert got[:3] == ["how it will discharge its safeguarding duties under the Care Act 2014",
                       "its arrangements for information sharing with the Safeguarding Adults Board",
                       "its approach to Making Safeguarding Personal"]
    assert _texts("Please describe your approach to co-production, including how people who use services will be "
                  "involved in recruiting staff and how they will be paid for their time.") == [
        "how people who use services will be involved in recruiting staff", "how they will be paid for their time"]
