"""Question intake that keeps every ask (session-10 review, /work/coord/s10/review.md findings 4, 7, 8, 12, 13):
lists under labels that look like context, Part A / Part B questions, per-part word limits."""

from __future__ import annotations

from evidencebot.compose.questions import split_question


def _texts(question: str) -> list[str]:
    return [t for _, t in split_question(question)[1]]


def test_questions_under_an_information_or_background_label_are_asks_not_facts():
    """Review finding 4: 'Information sharing:' and 'Background checks and vetting:' over questions were read as
    context labels and their questions thrown away (2 of 4 sub-points kept); the next group's label was glued to
    the item before it ('... consent to share? Joint working')."""
    assert _texts("Partnership working. Please answer both parts.\n"
                  "Information sharing:\n"
                  "- How will you share information with the crisis team and GPs?\n"
                  "- How will you record consent to share?\n"
                  "Joint working:\n"
                  "- How will you hold joint reviews with the CMHT?\n"
                  "- Who will attend the monthly interface meeting?") == [
        "How will you share information with the crisis team and GPs?",
        "How will you record consent to share?",
        "How will you hold joint reviews with the CMHT?",
        "Who will attend the monthly interface meeting?"]
    assert _texts("Safer recruitment. Describe your recruitment process.\n"
                  "Background checks and vetting:\n"
                  "- how you carry out enhanced DBS checks and how often they are renewed\n"
                  "- how you check references and employment gaps\n"
                  "Retention:\n"
                  "- how you will keep staff turnover below 15%\n"
                  "- how you will support staff wellbeing") == [
        "how you carry out enhanced DBS checks and how often they are renewed",
        "how you check references and employment gaps",
        "how you will keep staff turnover below 15%",
        "how you will support staff wellbeing"]


def test_facts_under_a_background_label_beside_asks_stay_context():
    """The label still makes statements context (f3c4d45's case), only not questions."""
    assert _texts("Background information:\n"
                  "- The service received 1,200 referrals last year.\n"
                  "- About 40% of people referred were living in temporary accommodation.\n"
                  "Please address:\n"
                  "1. How you will manage demand\n"
                  "2. How you will support people with housing") == [
        "How you will manage demand", "How you will support people with housing"]


def _plan(question: str):
    from evidencebot.compose.questions import plan_question
    return plan_question(question)


Q9 = ("Question 4 - Safeguarding\n\n"
      "Part A (Pass/Fail)\n"
      "1. Do you have a safeguarding adults policy approved by your board?\n"
      "2. Do you have a Freedom to Speak Up policy?\n"
      "3. Do you have a modern slavery statement?\n"
      "4. Do you have a complaints policy?\n\n"
      "Part B (scored): Describe how you will respond to a safeguarding concern, and how you will learn from "
      "Safeguarding Adults Reviews.\n\n"
      "Your response to Part A and Part B together must not exceed 250 words in total.")


def test_part_b_in_prose_after_a_part_a_list_is_kept_and_shares_the_limit():
    """Review finding 7 (q9.txt): Part B written on its label's line after Part A's numbered list was dropped (only
    the four confirmations were planned), and 'Part A and Part B together ... 250 words' was read as Part B's
    limit (the confirmations got no words, the summary read '0 words of 250 allowed')."""
    plan = _plan(Q9)
    kinds = [p.kind for p in plan.points]
    assert kinds.count("confirm") == 4, kinds
    scored = [p for p in plan.points if p.kind != "confirm"]
    assert [p.text for p in scored] == ["Describe how you will respond to a safeguarding concern",
                                        "how you will learn from Safeguarding Adults Reviews"]
    assert all(p.budget > 0 for p in plan.points), [(p.key, p.budget) for p in plan.points]
    assert sum(p.budget for p in plan.points) <= 250
    assert sum(p.budget for p in scored) >= 125  # the confirmations take at most half of a shared limit


def test_part_a_is_kept_when_part_b_has_an_inline_list():
    """Review finding 7 (q7.txt): with 'Your answer should cover: A; and B.' in Part B, the Part A statement was
    lost (no part, no coverage row)."""
    plan = _plan("Question 12 - Social value (weighting 10%)\n\n"
                 "Part A (Pass/Fail)\nDo you confirm that you pay all staff at least the Real Living Wage?\n\n"
                 "Part B (scored): Describe your social value offer. Your answer should cover: how you will pay the Real "
                 "Living Wage across your workforce and supply chain; and your targets for local employment. "
                 "(max. 500 words)")
    assert [(p.kind, p.text) for p in plan.points] == [
        ("confirm", "Do you confirm that you pay all staff at least the Real Living Wage?"),
        ("", "how you will pay the Real Living Wage across your workforce and supply chain"),
        ("", "your targets for local employment")], [(p.kind, p.text) for p in plan.points]


def test_the_part_label_leaves_the_scored_point():
    """Review finding 7 (q7b.txt): the scored point's text and heading began 'Part B (scored): Describe ...'."""
    plan = _plan("Question 12 - Social value (weighting 10%)\n\n"
                 "Part A (Pass/Fail)\nDo you confirm that you pay all staff at least the Real Living Wage?\n\n"
                 "Part B (scored): Describe how you will recruit local people. (max. 500 words)")
    scored = [p for p in plan.points if p.kind != "confirm"]
    assert len(plan.points) == 2 and len(scored) == 1
    assert not scored[0].text.lower().startswith("part") and "Part B" not in scored[0].label, scored[0]
    assert scored[0].budget == 500


def test_a_part_label_over_an_instruction_is_not_a_part_of_its_own():
    """'Part A: Pass/Fail. Part B: Weighted 6%' says how parts are scored: no sub-point (s9 blind writer q04)."""
    texts = _texts("PART A (Pass/Fail)\nPlease answer each of the following:\n"
                   "- Do you have a safeguarding adults policy?\n- Do you have a complaints policy?\n\n"
                   "PART B (scored)\nDescribe how you will keep adults safe from harm.\n\n"
                   "Part B: (max. 500 words)\nPart A: Pass/Fail. Part B: Weighted 6%")
    assert texts == ["Do you have a safeguarding adults policy?", "Do you have a complaints policy?",
                     "Describe how you will keep adults safe from harm."], texts


def test_a_table_of_pass_fail_statements_gives_one_point_each():
    """s10 blind writer q04 (spent): Part A's statements were rows of a Markdown table ('| Ref | Statement |
    Yes / No |'); all five were lost in the stem (3 of 8 sub-points). Each row's statement is a confirmation."""
    plan = _plan("4.4 SAFEGUARDING ADULTS AND CHILDREN\n\n"
                 "This question is in two parts. Part A is assessed on a Pass/Fail basis. Part B is scored.\n\n"
                 "PART A – Confirmation statements (Pass/Fail)\n\n"
                 "Please confirm Yes or No against each statement.\n\n"
                 "| Ref | Statement | Yes / No |\n|-----|-----------|----------|\n"
                 "| A1 | The Bidder will comply with the Safeguarding Adults Board procedures. | |\n"
                 "| A2 | All staff will have an enhanced DBS check before starting work. | |\n\n"
                 "PART B – Scored\n\n"
                 "Describe how you will make safeguarding personal within the Hubs.\n\n"
                 "Part B response: not to exceed 750 words.\nPart A: Pass/Fail. Part B Weighting: 5%.")
    assert [(p.kind, p.text) for p in plan.points] == [
        ("confirm", "The Bidder will comply with the Safeguarding Adults Board procedures."),
        ("confirm", "All staff will have an enhanced DBS check before starting work."),
        ("", "Describe how you will make safeguarding personal within the Hubs.")], [(p.kind, p.text) for p in plan.points]
    assert plan.word_limit == 750 and plan.points[-1].budget == 750


Q12 = ("Question 8 - Crisis and recovery\n\n"
       "B1 Describe how you will support people in a crisis, including out of hours. (100 words)\n"
       "B2 Describe how you will help people stay well after a crisis, including crisis plans, early warning signs, "
       "step-down support, follow-up after discharge, housing and money support, and peer support. (100 words)\n\n"
       "Total for B1 and B2: 500 words")


def test_each_part_s_own_limit_caps_its_budget():
    """Review finding 8 (q12.txt): with 'Total for B1 and B2: 500 words' read, the parts' own '(100 words)' were
    ignored (budgets 250 and 250; B1 came out at 351 words). The buyer's keys B1, B2 are kept."""
    plan = _plan(Q12)
    assert plan.word_limit == 500
    assert [(p.key, p.limit, p.budget) for p in plan.points] == [("B1", 100, 100), ("B2", 100, 100)]
    # no total: the parts' limits together are the answer's
    plan = _plan(Q12.replace("Total for B1 and B2: 500 words", ""))
    assert plan.word_limit == 200 and [p.budget for p in plan.points] == [100, 100]
    # a part with a lower limit than its share leaves the rest to the others
    plan = _plan("1. Describe how you will support people in a crisis. (50 words)\n"
                 "2. Describe how you will help people keep their tenancies.\n\nMaximum 400 words in total.")
    assert [(p.limit, p.budget) for p in plan.points] == [(50, 50), (None, 350)]


def test_the_assembled_answer_keeps_each_part_within_its_own_limit(demo_db, checker):
    from evidencebot.compose import tender as T

    answer = T.assemble_tender(demo_db, Q12, period="2025-10..2026-09", checker=checker)
    rows = {r.key: r for r in answer.coverage}
    assert set(rows) == {"B1", "B2"}
    assert all(r.limit == 100 and 0 < r.words <= 100 for r in rows.values()), [(r.key, r.words) for r in rows.values()]
    assert "| part limit |" in answer.coverage_table()
    # six elements in 100 words cannot all be answered: the coverage says which are left out, never just 'covered'
    b2 = rows["B2"]
    said = [e for e in ("crisis plans", "early warning signs", "step-down support", "follow-up after discharge",
                        "housing and money support", "peer support") if e not in b2.status]
    assert "the buyer lists here, not in this part:" in b2.status and len(said) <= 2, b2.status
    if "hour" not in answer.markdown.split("## B2")[0].lower():  # 'including out of hours' said when it is not there
        assert "not in this part: out of hours" in rows["B1"].status, rows["B1"].status


def test_listed_elements():
    from evidencebot.compose.questions import listed_elements

    assert listed_elements("Describe how you will help people stay well after a crisis, including crisis plans, "
                           "early warning signs and peer support.") == ["crisis plans", "early warning signs",
                                                                        "peer support"]
    assert listed_elements("Describe how you will support people in a crisis, including out of hours.") == ["out of hours"]
    assert listed_elements("Describe how you will support people in a crisis.") == []


def test_an_ask_added_after_a_lettered_list_continues_its_keys():
    """Review finding 12: 'Finally, describe how ...' after a) and b) was keyed 'p1' and kept its full stop."""
    _, points = split_question("Describe how you will manage risk:\n"
                               "a) how you will identify risk at assessment\n"
                               "b) how you will review risk plans\n"
                               "Finally, describe how you will learn from serious incidents.")
    assert points == [("a", "how you will identify risk at assessment"), ("b", "how you will review risk plans"),
                      ("c", "how you will learn from serious incidents")], points


def test_a_clause_with_an_action_of_its_own_is_an_ask_even_when_it_points_back():
    """Review finding 13: any short 'how/what ... each' or '... as a result' clause was glued to the ask before it;
    checking competence and what you will change are elements a panel marks on their own. Clauses that only name
    who owns each thing, or what an example led to, still stay with it (6bf024b)."""
    assert _texts("Describe the training staff will receive and how you will check competence in each.") == [
        "Describe the training staff will receive", "how you will check competence in each"]
    assert _texts("Describe your approach to co-production and what you will change as a result.") == [
        "Describe your approach to co-production", "what you will change as a result"]
    assert _texts("Describe the partners you will work with and how you will evaluate each.") == [
        "Describe the partners you will work with", "how you will evaluate each"]
    assert len(_texts("Describe your mobilisation plan for the first 100 days, with the key milestones and who will "
                      "lead each one.")) == 1


def test_headings_keep_the_buyer_s_nouns_and_say_whose():
    """Review finding 18: 'staff' in 'keep people and staff informed' was gerunded ('staffing'); 'their wellbeing'
    after '... recruit and retain staff' was headed 'Supporting their wellbeing' (and took figures about the people
    supported)."""
    from evidencebot.compose.questions import make_heading

    assert make_heading("how you will keep people and staff informed during a cyber attack or severe weather") == \
        "Keeping people and staff informed during a cyber attack or severe weather"
    assert make_heading("how you will identify early warning signs and respond to them") == \
        "Identifying early warning signs and responding to them"
    plan = _plan("Describe how you will recruit and retain staff, and how you will support their wellbeing. (500 words)")
    assert [p.label for p in plan.points] == ["Recruiting and retaining staff", "Supporting staff wellbeing"]
    assert plan.points[1].text == "how you will support their wellbeing"  # the buyer's words stay as written


def test_requirements_summarised_beside_lettered_asks_are_context():
    """s10 blind writer q02 (spent): the buyer's minimum requirements bulleted under 'In summary:' were taken as the
    sub-points and the lettered asks (a) to (d) after them were lost (0 of 7 matched)."""
    texts = _texts(
        "The Commissioners want a mixed workforce. Specification Section 7 sets out minimum requirements. In summary:\n\n"
        "- a registered Clinical Lead of at least 1.0 WTE in each locality;\n"
        "- peer support workers to make up no less than 30% of frontline WTE in each Hub;\n"
        "- an active caseload of no more than 22 people per full-time practitioner.\n\n"
        "For information, the incumbent services reported a frontline vacancy rate of 17% in March 2026.\n\n"
        "(a) Set out your proposed staffing structure, and explain how it meets each minimum requirement above.\n\n"
        "(b) Recruitment:\n"
        "    (i) how you will fill posts that are hard to recruit to;\n"
        "    (ii) how you will build a workforce that reflects the communities it serves.\n\n"
        "(c) How you will keep services safe when staffing falls below planned levels.")
    assert texts[0].startswith("Set out your proposed staffing structure") and len(texts) == 4, texts
    assert not any("Clinical Lead" in t for t in texts), texts


def test_asks_under_your_response_must_keep_their_own_words():
    """s10 blind writer q12 (spent): under 'Your response must:' each item was prefixed with the lead ('Your response
    must identify ...'), its heading began 'Response must ...', and the first item ('identify the measures ... in
    Annex H') was dropped as an attachment note ('identify' was not read as an ask)."""
    from evidencebot.compose.questions import parse_question

    q = parse_question("Social value.\n\nYour response must:\n\n"
                       "–  identify the measures you have chosen and your commitments for Year 1, consistent with the "
                       "figures you enter in Annex H;\n"
                       "–  explain how you will deliver each commitment, who will be accountable, and what resources are "
                       "in place;\n"
                       "–  say what you will do if you are falling behind on a commitment.\n\nMaximum 750 words")
    assert [t for _, t in q.points] == [
        "identify the measures you have chosen and your commitments for Year 1, consistent with the figures you enter "
        "in Annex H",
        "explain how you will deliver each commitment, who will be accountable, and what resources are in place",
        "say what you will do if you are falling behind on a commitment."], q.points
    assert not any(h.startswith("Response must") for h in q.headings), q.headings
    # the label the blocks are fitted by (ParsedQuestion.headings is the printed heading since session 38)
    assert q.labels[-1] == "What you will do if you are falling behind on a commitment"
    assert not q.headings[-1].lower().startswith("say"), q.headings


def test_a_table_of_the_buyer_s_figures_holds_no_weighting_and_marks_out_of_100_are_one():
    """s10 blind writer q08/q09 (spent): a table of figures in the question ('| Men aged 18–34 | 14.9% | 8.6% |') was
    unpacked as questionnaire rows, its first percentage read as the weighting (14.2, 70.0 instead of 6 and 8);
    q03/q10: 'Evaluation: 6 marks out of 100.' and '5 marks (of the 100 available).' were not read."""
    from evidencebot.compose.questions import read_limits

    q = ("Equality of access. Selected figures are below.\n\n"
         "| Group | Share of adult population (18+, Census 2021) | Share of referrals, 2025/26 |\n"
         "|---|---|---|\n"
         "| Black, Asian, mixed and other minority ethnic groups | 14.2% | 7.9% |\n"
         "| Men aged 18–34 | 14.9% | 8.6% |\n"
         "| Adults aged 65 and over | 24.1% | 6.3% |\n\n"
         "Describe how you will make the Hubs accessible to the groups above.\n\nMaximum 750 words\nWeighting: 6%")
    assert read_limits(q).weighting == 6
    assert _texts(q) == ["Describe how you will make the Hubs accessible to the groups above."]
    assert read_limits("Describe X. Maximum 500 words.\n\nEvaluation: 6 marks out of 100.").weighting == 6
    assert read_limits("Describe X. Maximum 500 words.\n\n5 marks (of the 100 available).").weighting == 5
    assert read_limits("A score of 4 is worth 4/5 × 5 = 4.0 marks.").weighting is None


PARTS = ("4.3 Transitions\n\n"
         "Word limits apply to each part separately and cannot be carried across: Part 1: 300 words; "
         "Part 2: 200 words.\n\n"
         "You must structure your answer using the headings given below.\n\n"
         "Part 1 – Young people moving on from CAMHS\n\n"
         "Heading 1: \"Planning ahead\" – how you will work with CAMHS to identify young people from age 17.\n\n"
         "Heading 2: \"Young people with additional needs\" – how the pathway will meet the needs of care leavers.\n\n"
         "Part 2 – Leaving hospital\n\n"
         "Heading 3: \"Before discharge\" – how you will be involved before the person leaves hospital, including "
         "attendance at discharge planning meetings.\n\n"
         "Heading 4: \"Housing and practical needs\" – how you will help people who are leaving hospital without a "
         "settled home.")


def test_limits_set_per_part_hold_each_part_s_headings_to_that_part_s_limit():
    """s11 q06 (spent): 'Part 1: 600 words; Part 2: 500 words' over headings 1-3 and 4-6 stopped the draft with
    'give --words'; with --words 1100 the six headings shared 1,100 words and Part 2 ran to about 700 words, so the
    panel never read heading 6. Now each heading is in its part, the answer's limit is the parts' sum, and each
    part's budgets fit its own limit less the margin. The buyer's quoted headings are the headings, quotes and
    ask left out ('"Before discharge" – how you will ..., including ...' was the heading)."""
    from evidencebot.compose.questions import part_reserve

    plan = _plan(PARTS)
    assert plan.word_limit == 500
    assert [(p.label, p.part, p.part_limit) for p in plan.points] == [
        ("Planning ahead", "Part 1", 300), ("Young people with additional needs", "Part 1", 300),
        ("Before discharge", "Part 2", 200), ("Housing and practical needs", "Part 2", 200)]
    for part, cap in (("Part 1", 300), ("Part 2", 200)):
        assert sum(p.budget for p in plan.points if p.part == part) == cap - part_reserve(cap)


def test_the_assembled_answer_keeps_each_buyer_part_within_its_limit(demo_db, checker):
    import io

    from openpyxl import load_workbook

    from evidencebot.compose import tender as T
    from evidencebot.compose.compliance import compliance_xlsx

    answer = T.assemble_tender(demo_db, PARTS, period="2025-10..2026-09", checker=checker)
    used = {}
    for r in answer.coverage:
        used[r.part] = used.get(r.part, 0) + r.words
    assert set(used) == {"Part 1", "Part 2"} and used["Part 1"] <= 300 and 0 < used["Part 2"] <= 200, used
    assert f"- Part 2: {used['Part 2']} of 200 words" in answer.coverage_table()
    sheet = load_workbook(io.BytesIO(compliance_xlsx(answer.to_export(charts=False))))["Compliance"]
    cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert cells["Part 1: words used (its own limit 300)"] == used["Part 1"]
    assert cells["Part 2: within its limit"] == "yes"


NUMBERED_PARTS = (
    "Q4  CARERS AND FAMILIES\n\nWeighting: 6%\nPart 1: 250 words; Part 2: 450 words.\n\n"
    "Part 1\nDescribe how carers are involved in planning the support of the person they care for. Give one recent "
    "example.\n\n"
    "Part 2\nThe county has about 9,000 unpaid carers of adults with mental illness. Please set out:\n\n"
    "- how you will identify carers at the first contact;\n"
    "- how you will support carers in their own right, including referral for a carer's assessment;\n"
    "- how you will collect and act on carers' feedback.")


def test_a_line_listing_numbered_parts_limits_is_no_sub_point_and_each_part_keeps_its_limit():
    """s15 q08 (spent; found by the lead after measurement): 'Part 1: 300 words; Part 2: 700 words.' on a line of
    its own before the 'Part 1' and 'Part 2' title lines was split at 'Part 1:' into a sub-point of its own ('300
    words; Part 2: 700 words.'), so no sub-point could be placed in the parts and the draft stopped with exit 2:
    nothing was submitted for the question. The limits line is read as limits only; each part keeps its own."""
    _, items = split_question(NUMBERED_PARTS)
    assert not any("words" in text for _, text in items), items
    plan = _plan(NUMBERED_PARTS)
    assert plan.word_limit == 700
    assert [(p.part, p.part_limit) for p in plan.points] == [("Part 1", 250)] * 2 + [("Part 2", 450)] * 3
    assert plan.points[2].label.startswith("Identifying carers")


def test_a_pass_fail_part_s_title_with_how_to_answer_is_no_sub_point():
    """s15 q06 (spent; found by the lead after measurement): 'PART A – Confirmation statements (answer Yes or No to
    each; no narrative is required)' over A1-A4 became a sub-point of its own, drafted as a '## Confirmation
    statements' heading with '[To write: ...]' under it in a Pass/Fail part. With that note in the title (over 60
    characters) the title was not read as a part's title at all, and a one-sentence Part B after it was lost
    (found while writing this test). A statement that itself asks to confirm something keeps its place even
    when it says how to answer."""
    question = ("QUESTION 3: INFORMATION GOVERNANCE\n\nPart A is assessed on a Pass/Fail basis.\n\n"
                "PART A – Declarations (answer Yes or No to each; no narrative is required)\n\n"
                "A1. Please confirm that you will complete the Data Security and Protection Toolkit each year.   Yes / No\n\n"
                "A2. Please confirm that you hold cyber security certification (answer Yes or No).   Yes / No\n\n"
                "PART B – Records (Maximum 400 words)\n\nDescribe how you will keep records accurate and secure.")
    _, items = split_question(question)
    assert [k for k, _ in items][:2] == ["A1", "A2"]
    assert not any(text.startswith("Declarations") for _, text in items), items
    assert any("cyber security certification" in text for _, text in items)
    assert any(text.startswith("Describe how you will keep records") for _, text in items)


def test_a_number_s_thousands_separator_is_no_list_comma():
    """s15 q02 (spent; found by the lead after measurement): 'how you will grow access from 431 people to 1,150
    people a year' was split at '1,150' into 'how you will grow access from 431 people to 1' (drafted as a heading
    and a commitment 'We will grow access from 431 people to 1.') and '150 people a year'."""
    question = ("Your response should include how you will recruit volunteers, how you will raise enrolments from "
                "2,400 to 3,150 learners a year, and how you will report progress.")
    _, items = split_question(question)
    assert [t for _, t in items] == ["how you will recruit volunteers",
                                     "how you will raise enrolments from 2,400 to 3,150 learners a year",
                                     "how you will report progress"]


def test_verbs_that_share_one_object_are_one_ask():
    """s15 q02 (spent; found by the lead after measurement): 'how you will achieve, evidence and sustain the
    fidelity scores required' was split into 'how you will achieve' (a heading with nothing to answer) and
    'evidence and sustain the fidelity scores required'."""
    question = ("Your response should include how you will plan, deliver and review the induction programme, how you "
                "will recruit peer trainers, and how you will report to the board.")
    _, items = split_question(question)
    assert [t for _, t in items] == ["how you will plan, deliver and review the induction programme",
                                     "how you will recruit peer trainers", "how you will report to the board"]


def test_part_titles_set_in_markdown_bold_keep_both_parts_lists_and_limits():
    # s17 q04 (spent; found by the panel after measurement): '**Part A — Step-down (maximum 600 words)**' with a roman
    # list, then '**Part B — ... (maximum 400 words)**' with bullets. The bold title lines were not read as part titles:
    # Part A's list was lost, and Part A's 600 words were the answer's limit, so Part B's points ran past its 400
    from evidencebot.compose.questions import part_word_limits, plan_question

    question = ("**Question 4 — Leaving hospital**\n\n"
                "**Part A — Step-down (maximum 600 words)**\n\n"
                "Describe how you will support people leaving hospital, explaining:\n\n"
                "(i) how you will be involved before discharge;\n"
                "(ii) how support will change over the first 12 weeks;\n"
                "(iii) how you will hand over at the end of step-down.\n\n"
                "**Part B — Follow-up (maximum 400 words)**\n\n"
                "Describe how you will follow people up after discharge. Please include:\n\n"
                "- who makes the follow-up contact;\n"
                "- what happens if the person cannot be reached.\n")
    assert part_word_limits(question) == [("Part A", 600), ("Part B", 400)]
    plan = plan_question(question)
    assert plan.word_limit == 1000
    assert [p.part for p in plan.points] == ["Part A"] * 3 + ["Part B"] * 2
    for part, cap in (("Part A", 600), ("Part B", 400)):
        assert sum(p.budget for p in plan.points if p.part == part) <= cap
    # the same question without the asterisks reads the same
    plain = plan_question(question.replace("**", ""))
    assert [(p.text, p.part, p.budget) for p in plain.points] == [(p.text, p.part, p.budget) for p in plan.points]
