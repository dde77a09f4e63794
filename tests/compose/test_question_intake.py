"""Question intake on the labelled dev set (tests/data/labelled/questions_dev.jsonl) and on
the shapes the issue lists. The matching rule is bench/question_intake.py's (documented there)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evidencebot.compose.questions import make_heading, parse_question, read_limits, split_question
from evidencebot.errors import InputError
from tests.compose.intake_bench import bench

ROOT = Path(__file__).resolve().parents[2]


def test_dev_set_sub_point_precision_and_recall_are_at_least_095():
    rows = [json.loads(line) for line in (ROOT / "tests/data/labelled/questions_dev.jsonl").open(encoding="utf-8")
            if line.strip()]
    assert len(rows) >= 70 and all(r["split"] == "dev" for r in rows)
    m = bench().measure(rows)
    assert m["precision"] >= 0.95, m
    assert m["recall"] >= 0.95, m
    n = m["n"]
    for key in ("word_limit_right", "char_limit_right", "page_limit_right", "weighting_right"):
        assert m[key] >= 0.95 * n, (key, m)
    assert m["headings_cut"] == 0 and m["headings_cut_start"] == 0, m


def test_session6_dev_set_in_shapes_the_other_sets_lack():
    """Twelve questions written for the shapes the fresh held-out questions tripped on: a phrase cut
    at its head ('evidence of ...'), guidance after the question, several questions in one box,
    spreadsheet rows pasted with their header (bars or tabs), nested lists, 'including A and B'
    inside a sentence, 'including but not limited to'."""
    rows = [json.loads(line) for line in (ROOT / "tests/data/labelled/questions_dev_s6i.jsonl").open(encoding="utf-8")
            if line.strip()]
    assert len(rows) >= 12 and all(r["split"] == "dev" for r in rows)
    m = bench().measure(rows)
    assert m["precision"] >= 0.95 and m["recall"] >= 0.95, m
    assert m["headings_cut"] == 0 and m["headings_cut_start"] == 0, m
    assert m["instructions_as_points"] == 0, m
    for key in ("word_limit_right", "char_limit_right", "page_limit_right", "weighting_right"):
        assert m[key] == m["n"], (key, m)


@pytest.mark.parametrize("heading, question, cut", [
    ("Of existing relationships in the voluntary sector", "Give evidence of existing relationships in the voluntary "
     "sector.", True),
    ("But not limited to", "Describe X, including but not limited to: a; b; and c.", True),
    ("At referral", "Explain how you will work with the team: (i) at referral, (ii) at discharge.", False),
    ("Evidence of existing relationships", "Give evidence of existing relationships.", False),
])
def test_the_bench_finds_headings_that_start_mid_phrase(heading, question, cut):
    assert bench().starts_mid_phrase(heading, "", question) is cut


def test_a_heading_keeps_the_head_of_the_buyers_phrase():
    assert make_heading("evidence of existing relationships in the voluntary sector") == \
        "Evidence of existing relationships in the voluntary sector"
    assert make_heading("How will people who use the service influence how it is run?") == \
        "How will people who use the service influence how it is run"  # never 'How will people'
    assert make_heading("How you will identify adults at risk. Give examples of the indicators staff notice.") == \
        "Identifying adults at risk"


@pytest.mark.parametrize("text", [
    "Ref | Question | Guidance | Max words | Weighting\n5.1 | Describe your approach to supervision. | Your answer "
    "should include: how often it happens; who provides it; how you record it. | 500 | 7.5%",
    "Ref\tQuestion\tGuidance\tWord limit\tWeighting\n5.1\tDescribe your approach to supervision.\tYour answer "
    "should include: how often it happens; who provides it; how you record it.\t500\t7.5%",
    "5.1 | Describe your approach to supervision. | Your answer should include: how often it happens; who provides "
    "it; how you record it. | 500 | 7.5%",
])
def test_a_spreadsheet_row_pasted_as_text_is_read_by_its_cells(text):
    q = parse_question(text)
    assert [t for _, t in q.points] == ["how often it happens", "who provides it", "how you record it"]
    assert (q.word_limit, q.weighting) == (500, 7.5)


def test_including_inside_a_sentence_qualifies_its_ask():
    q = parse_question("Describe how you will recruit volunteers, including people with lived experience and "
                       "carers, and how you will train and support them. Max 400 words")
    assert [t for _, t in q.points] == [
        "Describe how you will recruit volunteers, including people with lived experience and carers",
        "how you will train and support them"]
    q = parse_question("Your response should include: how people can raise a concern, including in accessible "
                       "formats; and your timescales for replying. Max 300 words")
    assert [t for _, t in q.points] == ["how people can raise a concern, including in accessible formats",
                                        "your timescales for replying"]


def test_guidance_after_the_question_that_lists_elements_gives_the_sub_points():
    q = parse_question("How will you measure the difference the service makes?\nGuidance: Bidders should set out "
                       "the measures they will use, how often they will be collected and how results will be shared."
                       "\nWord limit: 600")
    assert [t for _, t in q.points] == ["the measures they will use", "how often they will be collected",
                                        "how results will be shared"]


def test_a_nested_list_under_a_noun_phrase_is_framed_by_its_items():
    q = parse_question("Please describe:\na) your recruitment approach, including:\n   i. how you will attract local "
                       "applicants;\n   ii. how you will recruit people with lived experience;\nb) your induction "
                       "programme.\nMax 750 words")
    assert [t for _, t in q.points] == ["how you will attract local applicants",
                                        "how you will recruit people with lived experience", "your induction programme."]


def test_session5_dev_set_with_instruction_lines():
    """Questions written with the buyer's format, scoring and attachment lines (12 by the engineer,
    15 by an independent writer): those lines are never sub-points, and are kept as instructions."""
    rows = [json.loads(line) for line in (ROOT / "tests/data/labelled/questions_dev_s5.jsonl").open(encoding="utf-8")
            if line.strip()]
    assert len(rows) >= 25
    m = bench().measure(rows)
    assert m["precision"] >= 0.95 and m["recall"] >= 0.95, m
    assert m["instructions"] >= 40 and m["instructions_as_points"] == 0, m
    assert m["instructions_kept"] >= 0.6 * m["instructions"], m
    assert m["headings_cut"] == 0 and m["headings_cut_start"] == 0, m
    for key in ("word_limit_right", "char_limit_right", "page_limit_right", "weighting_right"):
        assert m[key] == m["n"], (key, m)


@pytest.mark.parametrize("line", [
    "Response to be, minimum font size Arial 11.",
    "Text beyond 2 sides of A4 will not be evaluated.",
    "Generic statements that are not specific to this service will score poorly.",
    "Attach your organisational chart as Appendix 3.",
    "Your response will be scored against the evaluation criteria in Section 5.",
    "Please use the headings above to structure your response.",
])
def test_instruction_lines_are_instructions_not_sub_points(line):
    q = parse_question("Describe how you will support people with housing.\n" + line + "\nMaximum 300 words.")
    assert [t for _, t in q.points] == ["Describe how you will support people with housing."]
    assert q.instructions == [line]


def test_a_limit_written_for_an_attachment_is_not_the_answer_limit():
    q = parse_question("Describe your staffing model.\n(max. 750 words)\n"
                       "Organograms will not count towards the word limit but must be no more than 1 side of A4.")
    assert (q.word_limit, q.page_limit) == (750, None)


def test_nested_elements_ending_in_semicolons_are_sub_points_of_their_own():
    q = parse_question("Your answer should address:\n(a) how staff will support healthy lifestyles, covering:\n"
                       "    (i) smoking cessation;\n    (ii) physical activity and healthy eating;\n"
                       "(b) how you will support access to screening.\nMaximum 500 words.")
    assert [t for _, t in q.points] == ["how staff will support healthy lifestyles", "smoking cessation",
                                        "physical activity and healthy eating", "how you will support access to screening."]
    assert [k for k, _ in q.points] == ["a", "a.i", "a.ii", "b"]


@pytest.mark.parametrize("text, heading", [
    ("how you will assess, document and review risk", "Assessing, documenting and reviewing risk"),
    ("how you will recruit, develop, supervise and retain staff", "Recruiting, developing, supervising and retaining staff"),
    ("how you will work with GPs, the crisis team and housing", "Working with GPs, the crisis team and housing"),
])
def test_a_run_of_verbs_reads_as_one_heading(text, heading):
    assert make_heading(text) == heading


def test_the_matching_rule_is_one_to_one():
    b = bench()
    assert b.match(["crisis plans and housing"], ["crisis plans", "housing support"]) == [(0, 0)]
    assert b.match(["how you identify early warning signs"], ["identifying early warning signs"]) == [(0, 0)]
    assert b.match(["safeguarding"], ["housing"]) == []


@pytest.mark.parametrize("text, expected", [
    ("Describe how you will reduce crisis escalation. Your answer should cover: how you identify early warning "
     "signs; how you step up support; how you work with the crisis team; and how you report outcomes.",
     ["how you identify early warning signs", "how you step up support", "how you work with the crisis team",
      "how you report outcomes"]),
    ("Describe your approach to risk. Include risk assessment, safety planning and positive risk-taking.",
     ["risk assessment", "safety planning", "positive risk-taking"]),
    ("Describe your approach to self-neglect, including how you will recognise it and how you will work with "
     "the person.", ["how you will recognise it", "how you will work with the person"]),
    ("What will you do if someone stops engaging? When will you close a case, and who makes that decision?",
     ["What will you do if someone stops engaging", "When will you close a case", "who makes that decision"]),
    ("Describe your outcomes framework.\n(1) Personal outcomes\n    (a) the measures you will use\n"
     "    (b) how often\n(2) System outcomes", None),
])
def test_shapes_from_the_issue(text, expected):
    q = parse_question(text)
    got = [t for _, t in q.points]
    if expected is None:
        assert len(got) == 2 and got[0].startswith("Personal outcomes") and "measures" in got[0]
        assert q.headings[0] == "Personal outcomes"
    else:
        assert [g.rstrip(".?") for g in got] == expected


def test_guidance_after_a_list_adds_only_what_it_asks_for():
    q = parse_question("Describe how you will share information.\n- how you seek consent\n- how you record decisions\n"
                       "You should also explain how you will listen to families.\nEvaluators will look for named roles.\n"
                       "Please do not attach policies.\n(Maximum 500 words)")
    assert [t for _, t in q.points] == ["how you seek consent", "how you record decisions", "how you will listen to families."]
    assert q.word_limit == 500


@pytest.mark.parametrize("text, words, chars, pages, weighting", [
    ("Describe X. 500 words max", 500, None, None, None),
    ("Describe X. (maximum 500 words)", 500, None, None, None),
    ("Describe X. Max. 2,000 characters", None, 2000, None, None),
    ("Describe X. No more than 2 sides of A4. Weighting: 15%", None, None, 2, 15),
    ("Q4.6 (Weighting – 5 per cent)\nDescribe X.", None, None, None, 5),
    ("Describe X. (500 words, 10%)", 500, None, None, 10),
    ("4.3\tDescribe X.\t750 words\t7.5%", 750, None, None, 7.5),
    ("What will you do when someone deteriorates? 350 words", 350, None, None, None),
])
def test_limits_and_weighting(text, words, chars, pages, weighting):
    q = parse_question(text)
    assert (q.word_limit, q.char_limit, q.page_limit, q.weighting) == (words, chars, pages, weighting)


def test_pages_are_converted_and_the_conversion_is_stated():
    limits = read_limits("No more than 2 sides of A4.")
    assert limits.word_budget == 1000
    assert "500 words a side" in limits.describe()
    assert read_limits("Max. 2,100 characters").word_budget == 300


def test_an_unreadable_limit_is_an_error_when_strict():
    with pytest.raises(InputError, match="not a number"):
        read_limits("Describe X. Word limit: TBC", strict=True)
    assert read_limits("Describe X. Word limit: TBC").word_budget is None


@pytest.mark.parametrize("text, heading", [
    ("how you identify early warning signs", "Identifying early warning signs"),
    ("What steps will you take to ensure the service is accessible?", "Ensuring the service is accessible"),
    ("What is your approach to working with the Safeguarding Adults Board?", "Approach to working with the Safeguarding Adults Board"),
    ("how plans are made accessible, for example easy read versions", "Making plans accessible"),
])
def test_headings(text, heading):
    assert make_heading(text) == heading


def test_bullets_pasted_from_word_with_a_tab_are_a_list():
    """Word's bullets and numbers pasted as text keep a tab after the marker ('•\\tthe first
    thing'). The tab was read as a cell break (and turned into a new line), so the list was
    lost and the question came back with one sub-point taken from its last instruction."""
    from evidencebot.compose.questions import parse_question

    question = ("Describe your approach to supporting carers. Your answer should address:\n\n"
                "•\thow you identify carers at first contact\n"
                "•\thow you involve families in care planning while respecting confidentiality\n"
                "•\thow carers can get their own assessment\n\n"
                "(max. 400 words)\n\nPlease do not attach your carers policy.\n")
    tabbed = parse_question(question)
    spaced = parse_question(question.replace("•\t", "• "))
    assert [p for _, p in tabbed.points] == [p for _, p in spaced.points]
    assert len(tabbed.points) == 3
    assert tabbed.points[0][1].startswith("how you identify carers")
    assert tabbed.limits.words == 400
    numbered = parse_question(question.replace("•\t", "1.\t", 1).replace("•\t", "2.\t", 1).replace("•\t", "3.\t", 1))
    assert len(numbered.points) == 3


def test_a_row_pasted_with_tabs_is_still_a_row():
    """The tab rule above leaves a spreadsheet row alone: its tabs are cells."""
    from evidencebot.compose.questions import parse_question

    row = "4.2\tDescribe how you will recruit and retain staff, including supervision and training.\t\t600\t8%"
    parsed = parse_question(row)
    assert parsed.limits.words == 600
    assert parsed.limits.weighting == 8


def test_headings_double_the_last_consonant_where_english_does():
    """'embed that learning' made the heading 'embeding that learning' (seen on a rendered answer)."""
    from evidencebot.compose.questions import gerund

    assert [gerund(v) for v in ("embed", "plan", "flag", "swap", "review", "make", "visit")] == [
        "embedding", "planning", "flagging", "swapping", "reviewing", "making", "visiting"]



# ---------------------------------------------------------------- session 7 (issue 12, i12m): shapes the s6 questions tripped on


def _points(text):
    return [t for _, t in parse_question(text).points]


def test_a_parent_item_that_only_frames_its_children_is_not_a_sub_point():
    q = ("Describe how people will find and use the service. Please set out:\n\n"
         "(a) how people will get into the service:\n"
         "    (i) the routes by which people may be referred, including by themselves;\n"
         "    (ii) how quickly you will see them after referral;\n"
         "(b) how you will plan support with each person; and\n"
         "(c) how people leave the service.\n\nMaximum 800 words.")
    pts = _points(q)
    assert len(pts) == 4, pts
    assert not any(p.startswith("how people will get into") for p in pts), pts


def test_facts_listed_before_the_asks_are_context_not_sub_points():
    q = ("Mobilisation\n\n"
         "- The contract is expected to be awarded in May 2026.\n"
         "- About 12 staff may transfer to the new provider.\n"
         "- The service has 300 people on its caseload.\n\n"
         "Please set out how you will mobilise the service. Please address:\n\n"
         "1. Your mobilisation plan and who leads it.\n"
         "2. How you will keep people safe during the change.\n"
         "3. The main risks and how you will reduce them.\n\nMaximum 600 words.")
    pts = _points(q)
    assert len(pts) == 3, pts
    assert not any("awarded" in p or "caseload" in p for p in pts), pts


def test_a_limit_sentence_after_the_asks_leaves_nothing_behind():
    q = ("How will you involve people in running the service? How will you thank and reward them? "
         "Give an example of something that changed because of them.\n\n"
         "Answers longer than 600 words will not be read past that point.\nWeighting: 5%")
    pts = _points(q)
    assert len(pts) == 3, pts
    assert not any("read" in p for p in pts), pts
    assert all("read past" not in h and "will not" not in h for h in parse_question(q).headings)


def test_weighting_and_word_limit_on_separate_lines_without_units():
    q = "2.2 Staffing\n\nWeighting 6\nWord limit: 900\n\nDescribe your staffing model."
    lim = read_limits(q)
    assert lim.words == 900 and lim.weighting == 6


def test_a_character_cell_with_a_note_is_read_as_characters():
    q = ("Ref | Question | Guidance | Max characters | Weighting\n"
         "Q2.4 | Describe how you will keep records safe. | Cover training and audits. | 2,500 (including spaces) | 5%")
    lim = read_limits(q)
    assert lim.chars == 2500 and lim.words is None


def test_such_as_belongs_to_the_item_before_it():
    q = ("Describe the social value you will add, including how you will create jobs for local people who are out of "
         "work, such as people leaving prison, and how you will buy from local suppliers. Maximum 500 words.")
    pts = _points(q)
    assert len(pts) == 2, pts
    assert "such as people leaving prison" in pts[0]


def test_an_include_list_mixing_noun_phrases_and_how_clauses_is_split():
    q = ("Explain how you will make the service fair for people from every community in the borough. Include your approach to the Accessible "
         "Information Standard, how you will use your monitoring data to find and close gaps, and the adjustments "
         "you will make for people with sensory impairments. Maximum 700 words.")
    pts = _points(q)
    assert len(pts) == 4, pts
    assert any(p.startswith("the adjustments") for p in pts), pts


def test_an_including_list_in_the_question_cell_survives_a_cover_list_in_the_guidance():
    q = ("Ref | Question | Guidance | Max words | Weighting\n"
         "Q4.4 | Describe how you will keep personal data safe, including your Cyber Essentials certification and "
         "how you will meet the data protection law. | Your response should cover: who is responsible for records; "
         "how staff are trained; and how you will handle a lost laptop. | 500 | 5%")
    pts = _points(q)
    assert len(pts) == 5, pts
    assert any("Cyber Essentials" in p for p in pts)


def test_one_thing_its_benefit_and_how_it_is_evaluated_are_three_asks():
    q = ("Describe one change you would test in the first year, the difference you expect it to make and how you "
         "would know whether it worked. Word limit: 400 words.")
    pts = _points(q)
    assert len(pts) == 3, pts


@pytest.mark.parametrize("text, want", [
    ("How will people who use the service be involved in its governance throughout the contract?",
     "Involving people who use the service in its governance"),
    ("How will you recognise and reward their contribution?", "Recognising and rewarding their contribution"),
    ("How staff will be trained in data security", "Training staff in data security"),
])
def test_headings_read_as_headings(text, want):
    assert make_heading(text) == want


def test_a_heading_never_ends_on_so():
    h = make_heading("how you will manage demand so that waiting times are brought within the specification standard")
    assert h.startswith("Managing demand") and not h.endswith(" so"), h


@pytest.mark.parametrize("text", [
    "What will you do to make sure that those involved reflect the diversity of the local population?",
    "How will you make sure that people who cannot, or do not want to, use digital channels are not disadvantaged?",
])
def test_headings_never_end_on_a_subject_without_its_verb(text):
    h = make_heading(text)
    assert not h.lower().endswith(("make sure", "sure", "that people", "sure that people")), h
    assert len(h.split()) >= 4, h


def test_session7_dev_set_the_s6_held_out_questions_now_spent():
    """The 14 session-6 held-out ITT questions (measured twice in session 6, now dev): before this
    session's changes P 0.918 R 0.931, word limit and weighting 13/14, a heading 'Managing demand so'."""
    rows = [json.loads(line) for line in (ROOT / "tests/data/labelled/questions_dev_s7.jsonl").open(encoding="utf-8")
            if line.strip()]
    m = bench().measure(rows)
    assert m["precision"] >= 0.97 and m["recall"] >= 0.97, m
    for key in ("word_limit_right", "char_limit_right", "page_limit_right", "weighting_right"):
        assert m[key] == m["n"], (key, m)
    assert m["headings_cut"] == 0 and m["headings_cut_start"] == 0, m
    heads = [h for r in rows for h in parse_question(r["text"]).headings]
    assert not any(h.lower().endswith((" so", " sure", "that people")) or "will not be read" in h for h in heads), heads


def test_a_passive_pair_of_verbs_reads_as_two_gerunds():
    assert make_heading("how risk will be assessed and formulated, including safety planning").startswith(
        "Assessing and formulating risk")


@pytest.mark.parametrize("text, title", [
    ("SECTION 3 – QUALITY\n\nQ3.1 Service model and pathway\n\nDescribe the model. Maximum 500 words.",
     "Q3.1 Service model and pathway"),
    ("Q3.2 Safeguarding (10% of the quality score)\n\nPlease describe how you will safeguard adults.", "Q3.2 Safeguarding"),
    ("5.3 Business continuity and emergency planning (Pass/Fail)\n\nDescribe your plan.",
     "5.3 Business continuity and emergency planning"),
    ("Q6.1 Social value (Weighting: 10%)\nDescribe the social value you will add.", "Q6.1 Social value"),
    ("Ref | Question | Guidance | Word limit | Weighting\nQ3.7 | Describe how you will work with GPs. | Cover MDTs. | 600 | 7%",
     "Q3.7"),
    ("Question 4: Staff wellbeing\nHow will you support staff?", "Question 4: Staff wellbeing"),
    # a specification or annex reference beside the title is the buyer's note, not the title (session 7:
    # 'Annex B' in the title was read as a person's name by the checker)
    ("Q4.1  Service model and pathway (Specification ref: 3.1–3.6; Annex B, indicative pathway diagram)\n\nDescribe it.",
     "Q4.1 Service model and pathway"),
    ("Q5.1 Housing and money (Spec. ref 6.2)\nDescribe.", "Q5.1 Housing and money"),
    ("Q2.1 Step-down (adults leaving hospital)\nDescribe.", "Q2.1 Step-down (adults leaving hospital)"),
    # the limit beside the title is the buyer's note too, and leaves no stray punctuation (review s7 items 6-7)
    ("3.1 Workforce – max 500 words\nDescribe your staffing model.", "3.1 Workforce"),
    ("Social value (Weighting: 10%). Max 300 words\nDescribe the social value you will add.", "Social value"),
])
def test_the_answer_is_titled_with_the_buyers_reference_and_title(text, title):
    from evidencebot.compose.questions import question_title

    assert question_title(text) == title


def test_a_question_without_a_title_has_none():
    from evidencebot.compose.questions import question_title

    assert question_title("Describe how you will support carers. Maximum 300 words.") == ""


def test_what_x_will_you_use_to_y_reads_as_x_to_y():
    assert make_heading("What digital tools will you use to improve access to the service?") == \
        "Digital tools to improve access to the service"


_ASK = "Describe how you will step people down."


@pytest.mark.parametrize("text,limits", [
    # a title line above the row (the row was not read at all: its cells became one sub-point)
    (f"Q4.3 Step-down\nQ4.3 | {_ASK} | 750 | 10%", (750, None, None, 10)),
    (f"Section 4\n\nQ4.3 | {_ASK} | 750 words | 10%", (750, None, None, 10)),
    # a Markdown table: its rule line is not a row
    (f"| Ref | Question | Word limit | Weighting |\n|---|---|---|---|\n| Q4.3 | {_ASK} | 750 | 10% |", (750, None, None, 10)),
    # limit cells the word patterns did not read on their own
    (f"Q4.3 | {_ASK} | 750 words (excluding headings) | 10%", (750, None, None, 10)),
    (f"Q4.3 | {_ASK} | 750 words per answer | 10%", (750, None, None, 10)),
    (f"Q4.3 | {_ASK} | 1000 (words) | 10%", (1000, None, None, 10)),
    (f"Q4.3 | {_ASK} | 1000w | 10%", (1000, None, None, 10)),
    (f"Q4.3 | {_ASK} | 750 max | 10%", (750, None, None, 10)),
    (f"Q4.3 | {_ASK} | Max. 750 | 10%", (750, None, None, 10)),
    (f"Q4.3 | {_ASK} | 3000 characters | 10%", (None, 3000, None, 10)),
    (f"Q4.3 | {_ASK} | 2 pages | 10%", (None, None, 2, 10)),
    (f"7.2 | {_ASK} | Max 2 sides A4 | N/A", (None, None, 2, None)),
    (f"Ref: Q4.3 | Question: {_ASK} | Limit: 1000 | Weighting: 10%", (1000, None, None, 10)),
    # a bare number after the limit is the weighting
    (f"Q4.3 | Step-down | {_ASK} | 1000 | 15", (1000, None, None, 15)),
    (f"Q4.3\tStep-down\t{_ASK}\t\t750\t10%", (750, None, None, 10)),
])
def test_a_pasted_row_s_limit_and_weighting_cells_are_read(text, limits):
    q = parse_question(text)
    assert (q.word_limit, q.char_limit, q.page_limit, q.weighting) == limits
    assert [t for _, t in q.points] == [_ASK]  # no cell, bar or rule line left in the sub-point


def test_a_row_under_a_title_line_or_in_a_markdown_table_keeps_its_reference_as_the_title():
    from evidencebot.compose.questions import question_title

    assert question_title(f"Q4.3 Step-down\nQ4.3 | {_ASK} | 750 | 10%") == "Q4.3 Step-down"
    md = f"| Ref | Question | Word limit | Weighting |\n|---|---|---|---|\n| Q4.3 | {_ASK} | 750 | 10% |"
    assert question_title(md) == question_title(md, or_question=True) == "Q4.3"
    assert question_title(f"Q4.3 | {_ASK} | 750 | 10%", or_question=True) == "Q4.3"  # not the question's words
    assert question_title(f"Q4.3 | Step-down | {_ASK} | 1000 | 15") == "Q4.3 Step-down"
    assert question_title(f"Section 4\n\nQ4.3 | {_ASK} | 750 | 10%", or_question=True) == "Q4.3"


def test_an_excel_cell_copied_with_line_breaks_stays_one_cell():
    text = ('5.2\t"Describe how you will reduce disengagement.\n- how you will contact people who miss appointments\n'
            '- when you would close a case\n- how risk is reviewed before closure"\t\t1000 words\t10%')
    q = parse_question(text)
    assert [t for _, t in q.points] == ["how you will contact people who miss appointments",
                                        "when you would close a case", "how risk is reviewed before closure"]
    assert (q.word_limit, q.weighting) == (1000, 10)


def test_a_header_row_with_a_question_cell_over_two_lines():
    text = (f"Ref | Question | Guidance | Word limit | Weighting\nQ4.3 | {_ASK}\nInclude: how you plan it; how you "
            "review it. | Evaluators want named roles. | 750 | 10%")
    q = parse_question(text)
    assert [t for _, t in q.points] == ["how you plan it", "how you review it"]
    assert (q.word_limit, q.weighting) == (750, 10)


@pytest.mark.parametrize("cell,header,expected", [
    ("750", "Word limit", "Maximum 750 words"),
    ("3,000", "Max characters", "Maximum 3,000 characters"),
    ("2", "Pages", "Maximum 2 sides of A4"),
    ("1,000-word limit", "", "Maximum 1,000 words"),
    ("Max 2 sides A4", "", "Maximum 2 sides of A4"),
    ("Character limit: 2000", "", "Maximum 2000 characters"),
    ("10%", "Weighting", None),
    ("Describe how you will work with 3 partners", "", None),
    ("TBC", "Word limit", None),
])
def test_limit_cell(cell, header, expected):
    from evidencebot.compose.questions import limit_cell

    assert limit_cell(cell, header) == expected


def test_word_bullets_pasted_as_text_nest_by_their_glyph():
    # Word pastes '•', 'o', '▪' with tabs and no indent: 'o' and '▪' items belong to the '•' item above
    text = ("Describe how you will improve physical health. Your answer should address:\n"
            "•\tannual physical health checks:\no\thow people receive all six elements of the check\n"
            "o\thow results are followed up with the GP practice\n•\tsmoking cessation support\n"
            "•\tinvolving families, including:\n▪\tsharing crisis plans with a named carer\n"
            "▪\tagreeing what is shared\nMaximum 900 words")
    points = [t for _, t in parse_question(text).points]
    assert "how people receive all six elements of the check" in points  # a topic's items are asked for
    assert "how results are followed up with the GP practice" in points
    assert "smoking cessation support" in points
    assert not any(t.startswith("sharing crisis plans") for t in points)  # 'including:' items detail their parent
    assert any(t.startswith("involving families") and "named carer" in t for t in points)


@pytest.mark.parametrize("text,expected", [
    ("How will you involve the wider system? In your answer cover 1. the VCSE partners you will work with, "
     "2. your role in the local Mental Health Alliance, and 3. how you will share information with GP practices. "
     "600 words",
     ["the VCSE partners you will work with", "your role in the local Mental Health Alliance",
      "how you will share information with GP practices"]),
    ("What outcome measures will you use, how often will they be completed, and how will you report outcomes "
     "to commissioners? Max 500 words",
     ["What outcome measures will you use", "how often will they be completed",
      "how will you report outcomes to commissioners"]),
    ("Provide your organisation chart for the service and describe the lines of clinical accountability. "
     "Max 500 words",
     ["Provide your organisation chart for the service", "describe the lines of clinical accountability"]),
    ("Please confirm that you will meet the requirements in Schedule 8 and describe how you will: (a) complete "
     "the Data Security and Protection Toolkit each year; (b) report and learn from data breaches. Max 500 words",
     ["confirm that you will meet the requirements in Schedule 8",
      "complete the Data Security and Protection Toolkit each year", "report and learn from data breaches"]),
    ("Describe the social value you will deliver.\nYou must use the following headings in your response:\n"
     "Local employment\nVolunteering and lived experience roles\nEnvironmental sustainability\n"
     "Commitments will be reported quarterly.\nResponse limit: 4 pages of A4.",
     ["Local employment", "Volunteering and lived experience roles", "Environmental sustainability"]),
])
def test_asks_written_in_less_usual_shapes(text, expected):
    assert [t.rstrip(".") for _, t in parse_question(text).points] == expected


def test_a_sentence_with_a_numbered_figure_is_not_an_inline_list():
    # '2. ...' without a '1.' is not a list; nor a section number
    q = parse_question("Describe how you will meet the standard in section 2. the panel will read Annex 3. "
                       "Max 300 words")
    assert len(q.points) == 1


@pytest.mark.parametrize("text,limits", [
    ("Describe how you will help people into work.\nLimit: 500 words", (500, None)),
    ("Q7 Employment (Weighting 10%, 700 words)\nDescribe how you will help people into work.", (700, 10)),
    ("Q7 Employment (10%, 700 words)\nDescribe how you will help people into work.", (700, 10)),
])
def test_limits_written_beside_a_label_or_in_a_title_note(text, limits):
    q = parse_question(text)
    assert (q.word_limit, q.weighting) == limits


def test_a_heading_is_not_cut_to_two_words_that_name_nothing():
    assert make_heading("how you will support people who want to get into or stay in work, including links "
                        "with IPS") == "Supporting people who want to get into or stay in work"


def test_a_character_limit_s_spaces_note_is_not_left_in_a_sub_point():
    q = parse_question("Who will people contact at weekends? How will contacts be passed to the team the next "
                       "working day? Max. 2000 chars incl. spaces.")
    assert q.char_limit == 2000
    assert not any("spaces" in t for _, t in q.points), q.points


@pytest.mark.parametrize("text,heading", [
    ("one example of a decision that co-production has changed in a service you run",
     "One example of a decision that co-production has changed in a service you run"),
    ("how you will support people who use drugs or alcohol alongside their mental health needs",
     "Supporting people who use drugs or alcohol alongside their mental health needs"),
])
def test_a_heading_keeps_what_a_short_head_is_about(text, heading):
    assert make_heading(text) == heading


def test_a_response_limit_and_its_counting_note():
    q = parse_question("Describe how people can give feedback.\nResponse limit: 750 words. Weighting 6%.")
    assert (q.word_limit, q.weighting) == (750, 6)
    q = parse_question("Please give the targets you will commit to and explain how progress will be reported.\n"
                       "Word limit 500 (headings and tables are included in the count)\nWeighting 3%")
    assert q.word_limit == 500
    assert not any("count" in t for _, t in q.points), q.points


def test_a_workbook_row_with_a_quoted_multi_line_question_reads_its_character_limit_and_guidance():
    """s8 q09: tab-separated cells, the question cell quoted over several lines, a header 'Guidance for
    bidders' (help for the bidder, not the answer column) and 'Response limit: 4,000 characters': no limit
    was read, so the answer could not be drafted, and the guidance cell was dropped."""
    from evidencebot.compose.questions import parse_question, unpack_row

    row = ("Lot 2 - Quality Response Workbook\n"
           "Ref\tTheme\tQuestion\tGuidance for bidders\tLimit\tWeighting\n"
           'Q7\tFeedback\t"Describe how people will give feedback on the service. Address:\n'
           "▪ how you will collect feedback from people who use the service\n"
           '▪ how you will tell people what changed as a result"\t'
           '"Evaluators will look for named roles."\tResponse limit: 3,000 characters\tWeighted 6%')
    q = parse_question(row)
    assert q.limits.chars == 3000
    assert q.weighting == 6
    assert len(q.points) == 2
    assert "Evaluators will look for named roles." in unpack_row(row)


@pytest.mark.parametrize("text, chars, pages", [
    ("Response limit: 4,000 characters", 4000, None),
    ("Answer limit: 2 pages", None, 2.0),
    ("Limit: 2,500 characters", 2500, None),
])
def test_a_limit_cell_named_response_or_answer_limit(text, chars, pages):
    from evidencebot.compose.questions import read_limits

    got = read_limits(text)
    assert (got.chars, got.pages) == (chars, pages)


@pytest.mark.parametrize("header, kind", [
    ("Guidance for bidders", "guidance"),
    ("Notes to suppliers", "guidance"),
    ("Bidder response", "answer"),
    ("Your response", "answer"),
    ("Response limit", "limit"),
    ("Question", "question"),
    # review s9 item 23: a limit or a note beside the answer noun does not make the answer column another one
    ("Supplier response - 1000 words max", "answer"),
    ("Supplier notes / response", "answer"),
    ("Bidder response (max 500 words)", "answer"),
    ("Max answer length", "limit"),
    ("Word limit", "limit"),
])
def test_a_header_naming_the_bidder_is_the_answer_column_only_when_it_is_not_guidance(header, kind):
    from evidencebot.compose.columns import column_kind

    assert column_kind(header) == kind


# ---------------------------------------------------------------- session 9: shapes written before the parser was read


def test_session9_dev_set_and_the_spent_s8_questions_keep_their_scores():
    """dev_s9 (20 questions written by i12m before reading the parser, tuned on) and the spent s8 questions."""
    for name, floor_p, floor_r in (("tests/data/labelled/questions_dev_s9.jsonl", 0.98, 0.98),
                                   ("tests/data/heldout/s8/questions_s8.jsonl", 0.98, 0.97)):
        rows = [json.loads(line) for line in (ROOT / name).open(encoding="utf-8") if line.strip()]
        m = bench().measure(rows)
        assert m["precision"] >= floor_p and m["recall"] >= floor_r, (name, m)
        for k in ("word_limit_right", "char_limit_right", "page_limit_right", "weighting_right"):
            assert m[k] == len(rows), (name, k, m)
        assert m["headings_cut"] == 0 and m["headings_cut_start"] == 0, (name, m)


def _texts(text: str) -> list[str]:
    return [t.rstrip(".") for _, t in parse_question(text).points]


def test_items_under_an_open_lead_in_each_carry_the_whole_ask():
    got = _texts("Set out how your workers will identify and respond to:\n- hoarding;\n- financial abuse by a relative;\n"
                 "- a person who stops eating.\nMaximum 400 words.")
    assert got == ["how your workers will identify and respond to hoarding",
                   "how your workers will identify and respond to financial abuse by a relative",
                   "how your workers will identify and respond to a person who stops eating"]
    nested = _texts("Your answer should set out:\n* how you will link with:\n  - the memory clinic\n  - district nurses\n"
                    "* how you will record decisions\n(500 words)")
    assert nested == ["how you will link with the memory clinic", "how you will link with district nurses",
                      "how you will record decisions"]
    assert make_heading(nested[0]) == "Linking with the memory clinic"


def test_children_under_an_ask_only_parent_or_a_label_are_the_sub_points():
    got = _texts("(a) With regard to out-of-hours cover, explain:\n    (i) who is on call and how they are reached; and\n"
                 "    (ii) how you will escalate to the crisis team.\n(b) How will you review the rota each year?\n"
                 "600 words")
    assert got == ["who is on call and how they are reached", "how you will escalate to the crisis team",
                   "How will you review the rota each year?"]
    labelled = _texts("a) Volunteers\n   i. set out how volunteers are recruited;\n   ii. describe their supervision;\n"
                      "b) Describe your training offer.\n500 words")
    assert labelled == ["set out how volunteers are recruited", "describe their supervision", "Describe your training offer"]


def test_a_list_under_the_buyers_guidance_is_not_a_list_of_sub_points():
    got = _texts("Describe your complaints process. Your answer should include:\n- how complaints are logged\n"
                 "- how people are kept informed\nGuidance\nThe panel will look for:\n- named roles\n- timescales\n"
                 "Word limit 300")
    assert got == ["how complaints are logged", "how people are kept informed"]


def test_numbered_sub_questions_start_at_the_first_and_parts_are_read_one_by_one():
    got = _texts("4 Quality\n4.1 What audits will you run?\n4.2 How will you act on the results?\nTotal word limit for 4.1 "
                 "to 4.2: 600 words. Weighting for Question 4: 9%")
    assert got == ["What audits will you run?", "How will you act on the results?"]
    q = parse_question("4 Quality\n4.1 What audits will you run?\n4.2 How will you act on the results?\nTotal word limit "
                       "for 4.1 to 4.2: 600 words. Weighting for Question 4: 9%")
    assert (q.word_limit, q.weighting) == (600, 9)
    parts = parse_question("Part A (Pass/Fail)\nConfirm that you:\n1. hold CQC registration for this activity;\n"
                           "2. will appoint a named lead.\nPart B (Scored – 6%)\nDescribe how you will learn from "
                           "complaints and share that learning with staff.\nPart B word limit: 300 words.")
    assert [t.rstrip(".") for _, t in parts.points] == [
        "hold CQC registration for this activity", "will appoint a named lead",
        "Describe how you will learn from complaints and share that learning with staff"]
    assert (parts.word_limit, parts.weighting) == (300, 6)


def test_asks_in_the_buyers_voice_and_mandated_headings_in_a_sentence():
    got = _texts("Describe how you will support carers. In particular, we want to understand how you will identify "
                 "young carers. We would also like to know how you will refer carers for an assessment. Finally, tell us "
                 "how you will gather carers' views.")
    assert len(got) == 4 and got[1] == "how you will identify young carers"
    assert got[2] == "how you will refer carers for an assessment"
    heads = _texts("Describe your crisis café. Use the headings Opening hours, Staffing, Referral routes and Safety. "
                   "(400 words)")
    assert heads == ["Opening hours", "Staffing", "Referral routes", "Safety"]


@pytest.mark.parametrize("text, want", [
    ("Tell us which tools you will use, how often they will be reviewed, and how results will be shared.",
     ["Tell us which tools you will use", "how often they will be reviewed", "how results will be shared"]),
    ("Describe how you will end the contract well, including the handover of open cases and the handover of records.",
     ["the handover of open cases", "the handover of records"]),
    ("Explain how you will use data on who is, and who is not, reaching the service.",
     ["Explain how you will use data on who is, and who is not, reaching the service"]),
    # review s9 item 15: 'they' refers back to the risks the first clause names: one ask
    ("Describe the main risks to mobilisation and how they will be mitigated.",
     ["Describe the main risks to mobilisation and how they will be mitigated"]),
])
def test_inline_series(text, want):
    assert _texts(text) == want


@pytest.mark.parametrize("text, words, pages, weighting", [
    ("Describe X. Your answer must be no longer than 3 pages.", None, 3.0, None),
    ("Part B (Scored – 5%)\nDescribe X.", None, None, 5.0),
    ("Describe X.\nWeighting: Part A Pass/Fail; Part B 12%", None, None, 12.0),
    ("Describe X. (c. 500 words)", 500, None, None),
    ("Describe X.\nWord guide: 450", 450, None, None),
    ("Describe X.\nMaximum response: 800 words", 800, None, None),
    ("Describe X.\nWords: 800", 800, None, None),
    ("Describe X. Please answer in under 500 words.", 500, None, None),
    ("Describe X.\nLength: max 2 x A4", None, 2.0, None),
    ("Describe X. (5% of total)", None, None, 5.0),
    ("Describe X.\nWeighting (%): 6", None, None, 6.0),
    ("Describe how you will see fewer than 10 people a day.", None, None, None),
    # review s9 item 27: a word or page count in the buyer's content is not the limit
    ("Describe how you will keep your easy-read leaflets under 300 words.\nMaximum 500 words", 500, None, None),
    ("Describe how you will support people who read fewer than 100 words a minute.\nMaximum 500 words",
     500, None, None),
    ("Explain how you will keep each discharge summary to less than two pages so that GPs read it.\n"
     "Maximum 500 words", 500, None, None),
    ("Describe X. Responses must be less than 2 pages.", None, 2.0, None),
    # review s9 item 13: the buyer's 'N% of the total <thing>' is not the weighting
    ("Q4 Young people\nAround 12% of the total caseload are aged 18 to 25. Describe how you will support young "
     "adults moving from children's services.\nMaximum 400 words", 400, None, None),
    ("Describe X.\nWeighting: 8% of the total", None, None, 8.0),
])
def test_more_limit_and_weighting_wordings(text, words, pages, weighting):
    got = read_limits(text)
    assert (got.words, got.pages, got.weighting) == (words, pages, weighting)


@pytest.mark.parametrize("text, heading", [
    ("how staff will recognise and respond to self-harm", "Recognising and responding to self-harm"),
    ("how you will keep the people who use the service informed during the change",
     "Keeping the people who use the service informed during the change"),
    ("how you will learn from reviews, and show the ICB that the learning has changed practice",
     "Learning from reviews, and showing the ICB that the learning has changed practice"),
])
def test_headings_from_other_subjects_and_inner_clauses(text, heading):
    assert make_heading(text) == heading


def test_more_session9_shapes():
    assert _texts("What is your approach to supervision? Include in your answer: how often supervision happens; who "
                  "provides it; and how you record it.\n(300 words)") == [
        "how often supervision happens", "who provides it", "how you record it"]
    q = parse_question("How will you work with the voluntary sector? Please limit your answer to 500 words.")
    assert q.word_limit == 500
    assert _texts("Question:\nHow will you reach people in rural areas?\nWord limit:\n400") == [
        "How will you reach people in rural areas?"]
    assert _texts("Explain how you will involve carers in (a) recruitment, (b) training staff and (c) service design. "
                  "400 words.") == ["how you will involve carers in recruitment", "how you will involve carers in training staff",
                                    "how you will involve carers in service design"]
    kpis = _texts("Please describe how you will meet the following Key Performance Indicators:\nKPI 1 – 95% of referrals "
                  "acknowledged within 2 working days\nKPI 2 – 80% of people with a support plan within 4 weeks\n(600 words)")
    assert kpis == ["95% of referrals acknowledged within 2 working days", "80% of people with a support plan within 4 weeks"]
    long_lead = _texts("Describe how you will support people who are homeless or at risk of homelessness, with particular "
                       "reference to:\n- the Duty to Refer;\n- the local Housing First scheme.\nWord limit: 500")
    assert long_lead == ["the Duty to Refer", "the local Housing First scheme"]


def test_parallel_clauses_lists_inside_a_plan_and_an_open_question_lead():
    assert _texts("A man has missed three visits. Describe what your team would do in the first 48 hours, who would be "
                  "involved, and how his wishes would be respected.\nMax 400 words") == [
        "Describe what your team would do in the first 48 hours", "who would be involved",
        "how his wishes would be respected"]
    assert _texts("Please provide a mobilisation plan that covers the period from award to go-live, detailing key "
                  "activities, milestones, owners and risks. Max 2 pages.") == [
        "key activities", "milestones", "owners", "risks"]
    assert _texts("How will you make the service accessible to: people who are Deaf, people who do not read English, "
                  "and people with a learning disability? (350 words)") == [
        "How will you make the service accessible to people who are Deaf",
        "How will you make the service accessible to people who do not read English",
        "How will you make the service accessible to people with a learning disability?"]
    # a statement of what the provider must do is context: its items are not joined to it
    assert _texts("The provider will be expected to:\n• attend the monthly flow meeting\n• submit data monthly\n"
                  "(300 words)")[0] == "attend the monthly flow meeting"


def test_facts_listed_under_a_statement_are_context_and_form_labels_are_dropped():
    got = _texts("The current service:\n• receives around 1,200 referrals a year;\n• is based at the Fenmarsh Resource "
                 "Centre.\nDescribe how you will deliver the service. Your answer should cover:\n• how you will manage "
                 "referrals;\n• how you will grow the peer workforce.\nMaximum 800 words.")
    assert got == ["how you will manage referrals", "how you will grow the peer workforce"]
    q = parse_question("Background\nIn 2025/26, 38% of people had paired outcome measures.\nQuestion\nDescribe how you will "
                       "raise the share of people with paired measures to 70%.\nWord limit\n600\nWeighting\n8%")
    assert [t for _, t in q.points] == ["Describe how you will raise the share of people with paired measures to 70%."]
    assert (q.word_limit, q.weighting) == (600, 8)


def test_one_line_bullets_limit_scope_and_joined_capitals():
    assert _texts("Describe your approach to safeguarding: • training • supervision • escalation • learning from reviews "
                  "(500 words)") == ["training", "supervision", "escalation", "learning from reviews"]
    assert _texts("Please answer both parts.\nPart 1: How will you involve carers?\nPart 2: How will you support carers' "
                  "own wellbeing?\nLimit: 600 words across both parts.")[-1] == "How will you support carers' own wellbeing?"
    got = _texts("Describe how you will:\n1. Identify people at risk of falling through gaps\n2. Work with the Community "
                 "Mental Health Team to agree who leads\nMax word count: 700")
    assert got == ["how you will identify people at risk of falling through gaps",
                   "how you will work with the Community Mental Health Team to agree who leads"]
    assert make_heading(got[1]) == "Working with the Community Mental Health Team to agree who leads"


def test_sibling_items_are_read_alike_and_in_your_response_is_not_context():
    got = _texts("(a) how you will work with the two hospitals, in particular:\n    (i) the stroke unit; and\n"
                 "    (ii) the diabetes service;\n(b) how therapists will be trained.\n800 words")
    assert got == ["how you will work with the two hospitals", "the stroke unit", "the diabetes service",
                   "how therapists will be trained"]
    got = _texts("The Council wants people to stay at home. In your response, explain how you will identify people early, "
                 "how you will support family carers, and how you will work with the memory service. In particular, "
                 "describe what happens when a carer can no longer cope. (Maximum 900 words)")
    assert len(got) == 4 and got[1:3] == ["how you will support family carers", "how you will work with the memory service"]


def test_a_lead_about_another_thing_is_not_carried_into_each_item():
    got = _texts("Describe:\na. the model of the café;\nb. how the café will work with:\n   i. the NHS 111 mental health "
                 "option;\n   ii. the police;\nc. how you will know whether it works.\n(800 words)")
    assert got[1:3] == ["the NHS 111 mental health option", "the police"]


@pytest.mark.parametrize("text, ask", [
    ("Q8 KPIs\nThe contract has these KPIs:\nKPI 1 - 80% of referrals contacted within 5 working days\n"
     "KPI 2 - 70% of people with a paired outcome measure\n"
     "Explain how you will report against these KPIs and act when one is off track.\nMaximum 400 words",
     "Explain how you will report against these KPIs and act when one is off track"),
    ("Q9 Outcomes\nThe service has three outcomes:\nOutcome 1: people stay well at home\nOutcome 2: fewer crisis admissions\n"
     "Outcome 3: people return to work or study\nDescribe how you will measure progress against each outcome.\n"
     "Maximum 400 words", "Describe how you will measure progress against each outcome"),
    ("Q8 KPIs\nThe contract has these KPIs:\n- 80% of referrals contacted within 5 working days\n"
     "- 70% of people with a paired outcome measure\n"
     "Explain how you will report against these KPIs and act when one is off track.\nMaximum 400 words",
     "Explain how you will report against these KPIs and act when one is off track"),
])
def test_a_list_the_buyer_states_is_context_for_the_ask_after_it(text, ask):
    # review s9 item 14: the buyer's KPIs under 'The contract has these KPIs:' are not the sub-points
    stem, points = split_question(text)
    assert [t.rstrip(".") for _, t in points] == [ask]
    assert "80% of referrals" in stem or "people stay well at home" in stem


@pytest.mark.parametrize("tail", [
    "In addition, please explain how you will escalate concerns where housing is behind a crisis.",
    "In your response you should also describe how you will escalate concerns where housing is behind a crisis.",
])
def test_an_ask_added_after_a_list_is_a_sub_point_of_its_own(tail):
    """Session 1's writer added an ask after the lettered items ('In addition, please explain how ...',
    'In your response you should also describe how ...'); it was dropped as context."""
    text = ("Describe how you will work with housing providers.\n"
            "a) how you will identify people at risk of eviction early\n"
            "b) how you will support people to keep tenancies after a hospital stay\n" + tail + "\n(750 words maximum)")
    _, points = split_question(text)
    assert len(points) == 3, points
    assert points[-1][1].rstrip(".") == "how you will escalate concerns where housing is behind a crisis"


@pytest.mark.parametrize("text, whole", [
    ("Set out: your mobilisation plan with key milestones and who is responsible for each; how you will manage "
     "the TUPE transfer; and the main risks to mobilisation.",
     "your mobilisation plan with key milestones and who is responsible for each"),
    ("Describe your mobilisation plan for the first 100 days, with the key milestones and who will lead each one.",
     "with the key milestones and who will lead each one"),
    ("Describe how you will work with partners. Please include at least one example of a partnership you have "
     "built elsewhere and what changed as a result.",
     "at least one example of a partnership you have built elsewhere and what changed as a result"),
])
def test_a_clause_that_only_points_back_is_not_an_ask_of_its_own(text, whole):
    """'... and who is responsible for each', '... and what changed as a result' (s9 blind writer q11, the
    s10 questions): the clause is about the thing before it, not a second sub-point."""
    _, points = split_question(text)
    assert any(whole in t for _, t in points), points
    assert not any(re.match(r"^(?:who|what)\b", t) for _, t in points), points


def test_facts_listed_under_background_are_context_and_asks_keep_the_buyers_order():
    """s9 blind writer q06: four facts bulleted under 'Background', then a paragraph with 'Include A, B,
    and C', then 'In particular, tell us about:' and three dash items. The facts were taken as sub-points
    and the paragraph was glued to the last fact; the Include items came after the list."""
    text = ("Q3.6 Housing and money\n\nBackground\n"
            "▪ 23% of people open to the service were living in temporary or insecure accommodation.\n"
            "▪ 11% were in paid work; a further 6% were in education or volunteering.\n\n"
            "The Commissioners want practical support. Describe how you will deliver this with partners. Include "
            "the partners you will work with, how referrals between you and them will be made, and how you will "
            "know whether the support has made a difference.\n\n"
            "In particular, tell us about:\n"
            "– preventing homelessness, including the Duty to Refer;\n"
            "– benefits, debt and money advice.\n\nWeighted 7%")
    _, points = split_question(text)
    got = [t.rstrip(".") for _, t in points]
    assert got == ["the partners you will work with", "how referrals between you and them will be made",
                   "how you will know whether the support has made a difference",
                   "preventing homelessness, including the Duty to Refer", "benefits, debt and money advice"], got


def test_the_sentence_after_an_inline_list_is_not_part_of_its_last_item():
    """'(iii) how you will report waiting times each month. Please also tell us how ...' followed by a limit
    paragraph: the last item took the next sentence with it (s10 f10-08)."""
    text = ("Explain how you will manage demand, including (i) how you will prioritise referrals when waits are long, "
            "(ii) how you will signpost people elsewhere, and (iii) how you will report waiting times each month. "
            "Please also tell us how you will plan staffing for the winter months.\n\nLimit: 700 words | Weighting: 9%")
    _, points = split_question(text)
    got = [t.rstrip(".") for _, t in points]
    assert got[-2:] == ["how you will report waiting times each month",
                        "how you will plan staffing for the winter months"], got


def test_a_question_including_two_actions_keeps_the_question_and_splits_the_actions():
    """s9 blind writer q05: 'How will you work with ward staff ..., including attending discharge planning
    meetings and agreeing who does what in the first week?' was one sub-point; the question is asked and
    each action is an element beside it ('housing and funding' are not actions)."""
    _, points = split_question("How will you work with ward staff before a person is discharged, including attending "
                               "discharge planning meetings and agreeing who does what in the first week? What will "
                               "happen in the first 72 hours?")
    assert [t for _, t in points] == [
        "How will you work with ward staff before a person is discharged?", "attending discharge planning meetings",
        "agreeing who does what in the first week", "What will happen in the first 72 hours?"]
    _, points = split_question("Describe how you will work with partners, including housing providers in the borough "
                               "and funding bodies for the voluntary sector.")
    assert len(points) == 1, points


def test_what_evaluators_look_for_adds_only_an_ask_of_its_own():
    """s9 blind writer q07: 'Evaluators will look for a clear method, realistic timescales, and an explanation of
    how you will treat small numbers ...' names a part of the answer the numbered asks do not; qualities
    ('a clear method', 'named roles') and what the asks already name are not sub-points."""
    base = "Please explain:\n1. How you will record data.\n2. How you will report it each quarter.\n\n"
    _, points = split_question(base + "Guidance: Do not list the KPIs in Annex D. Evaluators will look for a clear "
                               "method, realistic timescales, and an explanation of how you will treat small numbers "
                               "and data you do not control (for example, readmission data held by the Trust).")
    assert [t for _, t in points][-1] == "how you will treat small numbers and data you do not control", points
    for guidance in ("Evaluators will look for named roles and clear timescales.",
                     "Evaluators will look for an explanation of how you will report it each quarter."):
        _, points = split_question(base + guidance)
        assert len(points) == 2, points


@pytest.mark.parametrize("text, heading", [
    ("How you will record and submit data to the MHSDS, and check its quality before submission.",
     "Recording and submitting data to the MHSDS, and checking its quality before submission"),
    ("how you will manage the performance of subcontractors and hold them to account",
     "Managing the performance of subcontractors and holding them to account"),
    ("How will you ensure staff recognise and report concerns?", "Ensuring staff recognise and report concerns"),
    ("How and when DIALOG (and any other measures you propose) will be completed with people, and how you will "
     "reach the paired outcome measure trajectory.", "How and when DIALOG will be completed with people"),
    ("How staff, people who use the service and the Commissioners will use the results to improve the service.",
     "Using the results to improve the service"),
    ("how outcome stories will be captured, consented and used alongside the data",
     "How outcome stories will be captured, consented and used alongside the data"),
    ("how incidents will be reported, investigated and learned from",
     "How incidents will be reported, investigated and learned from"),
])
def test_headings_keep_the_grammar_of_the_buyers_phrase(text, heading):
    """Headings from the s9 and s1 questions that broke the buyer's phrase: a second verb left ungerunded
    ('Recording and submit data'), a verb after 'ensure staff' gerunded ('recognise and reporting'), a
    'How and when X will be done' read as a passive ('Completing and when DIALOG'), a heading cut after
    a list of subjects ('How staff, people')."""
    assert make_heading(text) == heading


def test_a_cover_list_ending_on_a_clause_is_split_into_its_elements():
    """s1 writer q-030: 'Your answer should include: annual physical health checks, support to stop smoking and
    how you will work with GP practices ...' gave 'annual physical health checks, support to stop smoking' as one."""
    _, points = split_question("Explain how the service will support physical health. Your answer should include: annual "
                               "physical health checks, support to stop smoking and how you will work with GP practices "
                               "to follow up abnormal results. Maximum 500 words.")
    assert [t for _, t in points] == ["annual physical health checks", "support to stop smoking",
                                      "how you will work with GP practices to follow up abnormal results"], points


def test_a_question_before_a_list_with_a_lead_in_of_its_own_is_asked_too():
    """s1 writer q-081: 'How will people ... access recovery education? Describe your recovery college offer:'
    + (i)-(iii): the question was dropped as the list's frame. Under 'Your answer should cover:' it still is."""
    items = "\n(i) the courses offered\n(ii) who can attend\n(iii) how you will measure the impact of courses"
    _, points = split_question("How will people be able to access recovery education? Describe your recovery "
                               "college offer:" + items)
    assert [t for _, t in points][0] == "How will people be able to access recovery education?", points
    assert len(points) == 4
    _, points = split_question("How will people be able to access recovery education? Your answer should cover:" + items)
    assert len(points) == 3, points


def test_a_total_limit_over_parts_with_their_own_limits_is_the_answer_limit():
    """s10 f10-07: 'B1 ... (300 words)' / 'B2 ... (200 words)' / 'Total for B1 and B2: 500 words.' read 300 and
    left 'Total for B1 and B2:' as a sub-point."""
    text = ("B1 Describe your mobilisation plan for the first 100 days. (300 words)\n"
            "B2 Explain how you will keep the service running while the contract changes hands. (200 words)\n\n"
            "Total for B1 and B2: 500 words. Weighting for Section B: 7.5%")
    assert read_limits(text).words == 500
    assert len(parse_question(text).points) == 2


def test_sub_questions_keyed_letter_and_number_lose_their_keys():
    """'B1 Describe ...' / 'B2 Explain ...' (s10 f10-07): the keys stayed in the sub-points and the headings."""
    q = parse_question("Section B: Mobilisation\n\nB1 Describe your mobilisation plan for the first 100 days. (300 words)\n"
                       "B2 Explain how you will keep the service running during the change. (200 words)\n\n"
                       "Total for B1 and B2: 500 words.")
    assert [t for _, t in q.points] == ["Describe your mobilisation plan for the first 100 days.",
                                        "Explain how you will keep the service running during the change."], q.points
    assert not any(h.startswith("B") for h in q.headings), q.headings


@pytest.mark.parametrize("text, heading", [
    ("How will you recognise early that a person is becoming unwell again and arrange a quick return to more "
     "intensive support?", "Recognising early that a person is becoming unwell again"),
    ("how you will meet the sharing and review timescales in the Shared Safety Plan Protocol",
     "Meeting the sharing and review timescales in the Shared Safety Plan Protocol"),
    ("How will you review the death of any person using the service, and share the learning with partners?",
     "Reviewing the death of any person using the service, and sharing the learning with partners"),
])
def test_headings_of_long_asks_name_what_is_asked(text, heading):
    """s9 blind writer q05 gave 'Recognising early' (cut before what is recognised); q03 gave 'Meeting the
    sharing and reviewing timescales' ('review' names the timescales)."""
    assert make_heading(text) == heading


def test_facts_opening_a_question_are_context_but_statements_the_answer_must_show_are_asks():
    """Statements under 'Your response should demonstrate that:' are what the answer must show, even beside a
    list of the contract's targets (the fact-list rule must not take them); facts bulleted under 'Context' at
    the top of a question, with the asks in prose after them, are context."""
    _, points = split_question(
        "Describe how you will meet the service standards. Your response should demonstrate that:\n"
        "• Every person referred is contacted within five working days.\n"
        "• Every person has a co-produced support plan within four weeks.\n\n"
        "The contract also sets these targets:\n- 80% of people seen within 28 days\n- 90% of plans reviewed every 12 weeks")
    assert [t for _, t in points] == ["Every person referred is contacted within five working days.",
                                      "Every person has a co-produced support plan within four weeks."], points
    _, points = split_question(
        "Context\n- The service runs from two hubs in the borough and is open six days a week.\n"
        "- About 40% of referrals come from GPs and 20% are self-referrals.\n\n"
        "Describe your approach to access. Include your triage process and how you will keep in touch with people who wait.")
    assert [t for _, t in points] == ["your triage process", "how you will keep in touch with people who wait"], points


def test_mandatory_headings_numbered_heading_n_are_the_sub_points():
    # s10 q06 shape: 'You MUST structure your response using the four headings below' + 'Heading 1: Title – how you ...'
    # (before: one sub-point, the stem, so the answer had no headings and 'text outside them will not be evaluated')
    question = ("Describe how you will support people at points of transition. You MUST structure your response "
                "using the three headings below.\n\n"
                "Heading 1: Leaving children's services – how you will begin joint planning from age 17½.\n\n"
                "Heading 2: After a hospital stay – how you will make contact within 2 working days of discharge.\n\n"
                "Heading 3: Families at transition – how you will involve families and carers.\n\n"
                "Max 3000 chars (incl. spaces and headings)")
    from evidencebot.compose.questions import plan_question

    parsed = parse_question(question)
    assert [text.split(" – ")[0] for _, text in parsed.points] == [
        "Leaving children's services", "After a hospital stay", "Families at transition"]
    assert parsed.points[1][1].startswith("After a hospital stay – how you will make contact within 2 working days")
    assert [p.label for p in plan_question(question).points] == [
        "Leaving children's services", "After a hospital stay", "Families at transition"]
    assert all(p.mandated for p in plan_question(question).points)


def test_mandated_headings_are_the_buyers_words_whole():
    # s8 q05's shape: 'Use the following headings:' over bare headings; before, 'Training, including the ...'
    # was cut to 'Training' and 'How the model will work ...' reworded: a panel looks for the headings verbatim
    from evidencebot.compose.questions import mandated_headings, plan_question

    question = ("Describe the workforce you will put in place. Use the following headings:\n\n"
                "1. Recruitment and retention\n2. Training, including the Trauma-Informed Practice Standard\n"
                "3. How the model will work across the four localities\n\nMax. 3,000 characters (including spaces)")
    assert parse_question(question).headings == [
        "Recruitment and retention", "Training, including the Trauma-Informed Practice Standard",
        "How the model will work across the four localities"]
    assert [p.label for p in plan_question(question).points] == parse_question(question).headings
    # a counting note names headings but mandates none
    assert not mandated_headings("Describe how you will recruit staff. Max 3000 chars (incl. spaces and headings)")
    assert not mandated_headings("Describe how you will recruit staff. Headings and tables count towards the limit.")


@pytest.mark.parametrize("text, heading", [
    # s10 (spent) headings that read as the question cut short, or garbled; each was so before this change
    ("How will the Hubs help people with SMI to take up their annual physical health check, and the follow-up "
     "interventions that come out of it, working with the PCN SMI Health Check Workers",
     "Helping people with SMI to take up their annual physical health check and follow-up interventions"),
    ("What will you offer directly to support people to stop smoking, be more active, eat well and manage their weight",
     "Supporting people to stop smoking, be more active, eat well and manage their weight"),
    ("how will this link with the Wykeham Active Lives programme", "Linking with the Wykeham Active Lives programme"),
    ("how you will co-produce, share and review a personal safety plan using the Shared Safety Plan template",
     "Co-producing, sharing and reviewing a personal safety plan using the Shared Safety Plan template"),
    ("how peer support workers will receive peer-specific supervision and have a route to progress",
     "Receiving peer-specific supervision and having a route to progress"),
    ("how you will build on, rather than replace, the Open Door peer support pilot",
     "Building on, rather than replacing, the Open Door peer support pilot"),
    ("Set out your proposed staffing structure by role, band/grade and WTE, and explain how it meets each minimum "
     "requirement above.", "Proposed staffing structure by role, band/grade and WTE"),
    ("which outcome measures you will use, when they will be completed, and how you will make sure they are "
     "meaningful to the person", "Outcome measures"),
    ("explain how you will deliver each commitment, who will be accountable, and what resources are in place",
     "Delivering each commitment"),
    ("The core offer in each Hub, showing how recovery education, one-to-one wellbeing support, peer support and "
     "housing-related support will be joined up rather than run as four services", "Core offer in each Hub"),
    ("The Bidder will raise any concern that appears to meet the Section 42 criteria with the Adult Safeguarding Hub",
     "Bidder will raise any concern that appears to meet the Section 42 criteria with the Adult Safeguarding Hub"),
    ("how you will be ready to flow complete and accurate MHSDS data from the April 2027 period, including systems",
     "Being ready to flow complete and accurate MHSDS data from the April 2027 period"),
    ("Set out how you will have your clinical record system and information governance arrangements in place by the "
     "Service Commencement Date.",
     "Having your clinical record system and information governance arrangements in place by the Service Commencement Date"),
    ("what you will do to look after staff wellbeing and bring turnover down.",
     "Looking after staff wellbeing and bringing turnover down"),
    ("how people will be connected out of hours to the Mental Health Crisis Line (NHS 111, option 2) and to the Safe Havens",
     "Connecting people out of hours to the Mental Health Crisis Line and to the Safe Havens"),
    # unchanged: a subject of its own keeps its verb ('your staff recognise')
    ("How will your staff recognise and escalate physical health concerns, including possible side effects of "
     "antipsychotic medication?",
     "Recognising and escalating physical health concerns"),
])
def test_headings_are_headings_not_the_question_cut_short(text, heading):
    assert make_heading(text) == heading


@pytest.mark.parametrize("line, listed, total", [
    ("Word limits: Section (a) – 600 words; Section (b) – 400 words.", "Section (a): 600 words; Section (b): 400 words", 1000),
    ("Limits: Question 4.5a: 300 words; Question 4.5b: 200 words.", "Question 4.5a: 300 words; Question 4.5b: 200 words", 500),
])
def test_limits_given_only_per_part_name_the_parts_and_their_sum(line, listed, total):
    # s11 q06 and a second buyer's shape: no whole limit, so the draft stopped with 'no word limit' and
    # 'give one with --words', although the question states its limits part by part. Where the sub-points cannot
    # be placed in the parts (no 'Section (a)' title line, no key naming one), it still asks for --words
    # (tests/compose/test_intake_parts.py: the parts placed and held to their own limits)
    from evidencebot.compose.questions import part_word_limits, plan_question

    question = f"Part 1: describe how you will plan discharge.\nPart 2: describe how you will work with housing.\n{line}"
    assert sum(n for _, n in part_word_limits(question)) == total
    with pytest.raises(InputError) as caught:
        plan_question(question)
    assert listed in str(caught.value) and f"--words {total}" in str(caught.value)
    plan = plan_question(question, total)  # with the total given, it drafts, within it
    assert len(plan.points) == 2 and 0 < sum(p.budget for p in plan.points) <= total


def test_a_question_with_no_limit_at_all_is_drafted_to_a_stated_length():
    # a buyer's question with no limit (many guidance-led questions have none) stopped the draft with
    # 'no word limit: give one with --words', so the panel got no answer at all; it is now drafted to about
    # 150 words a sub-point (400 to 1,000 in all) and the plan says so, for the writer
    from evidencebot.compose.questions import (UNSTATED_MAX_WORDS, UNSTATED_MIN_WORDS, UNSTATED_WORDS_PER_POINT,
                                               plan_question)

    one = plan_question("Describe how you will involve carers.")
    assert one.word_limit == UNSTATED_MIN_WORDS and one.stated_limit is None
    assert f"at most {UNSTATED_MIN_WORDS:,} words" in one.limit_note and "--words" in one.limit_note
    four = plan_question("Please describe:\n1. how you will involve carers;\n2. how you will share information;\n"
                         "3. how you will review support;\n4. how you will end support.")
    assert len(four.points) == 4 and four.word_limit == 4 * UNSTATED_WORDS_PER_POINT
    assert sum(p.budget for p in four.points) <= four.word_limit
    many = plan_question("Please describe:\n" + "\n".join(f"{n}. how you will do task {n};" for n in range(1, 12)))
    assert many.word_limit == UNSTATED_MAX_WORDS
    stated = plan_question("Describe how you will involve carers. (max. 300 words)")
    assert stated.word_limit == 300 and stated.limit_note == ""
    given = plan_question("Describe how you will involve carers.", 250)
    assert given.word_limit == 250 and given.limit_note == ""


def test_limits_per_part_over_parts_the_question_labels_need_no_words_option():
    from evidencebot.compose.questions import plan_question

    plan = plan_question("Part 1: describe how you will plan discharge.\nPart 2: describe how you will work with "
                         "housing.\nWord limits apply to each part separately: Part 1: 600 words; Part 2: 500 words.")
    assert plan.word_limit == 1100
    assert [(p.part, p.part_limit) for p in plan.points] == [("Part 1", 600), ("Part 2", 500)]


@pytest.mark.parametrize("lead", ["In your response you should:", "In your response, you must:",
                                  "In your submission you should:"])
def test_an_instruction_lead_in_is_not_carried_into_each_sub_point(lead):
    # 'In your response you should:' was joined to every item below it, so each heading read
    # 'In your response you should Set out how ...' and a nested item 'In your response you should how ...'
    question = (f"Please describe the service model you will deliver. {lead}\n"
                "1. Set out how people will be referred into the service.\n"
                "2. Describe your assessment process, including:\n"
                "   (a) how a single assessment will replace the three existing ones; and\n"
                "   (b) how you will decide, with the person, the level of support.\n"
                "3. Explain how the service will offer support outside 9am to 5pm.\n"
                "Maximum 1,000 words.")
    _, points = split_question(question)
    assert [key for key, _text in points] == ["1", "2.a", "2.b", "3"]
    for _key, text in points:
        assert not re.search(r"\b(?:response|submission)\b", text, re.I), text
    headings = [make_heading(text) for _key, text in points]
    assert not any(h.lower().startswith("in your") for h in headings), headings


def test_assemble_tender_drafts_a_question_with_no_limit_and_says_how_long(run, tmp_path):
    # the whole command, as a bid writer runs it: exit 0, an answer within the length it chose, and the
    # summary on stderr naming that length and --words (it exited 2 before)
    from evidencebot.compose.questions import UNSTATED_WORDS_PER_POINT
    from evidencebot.compose.words import counts

    question = tmp_path / "q.md"
    question.write_text("Please describe:\n1. how you will involve carers in support plans;\n"
                        "2. how you will escalate concerns about a person's risk.\n", encoding="utf-8")
    out = tmp_path / "a.md"
    result = run("assemble", "tender", "--question-file", str(question), "-o", str(out))
    limit = max(400, 2 * UNSTATED_WORDS_PER_POINT)
    assert result.exit_code == 0, result.output
    assert "the question states no limit" in result.output and f"at most {limit:,} words" in result.output
    assert 0 < counts(out.read_text(encoding="utf-8")).words <= limit


@pytest.mark.parametrize("lead", ["In answering this question you should:", "Bidders should:",
                                  "Your response must:", "In answering this question you should also:"])
def test_a_lead_in_that_names_who_answers_is_not_joined_to_each_item(lead):
    # s17 q08 (spent; seen after measurement): 'In answering this question you should:' ended on a modal, so it
    # was joined before every bullet and every heading read 'In answering this question you should describe ...'
    from evidencebot.compose.questions import plan_question

    plan = plan_question(f"Describe your governance.\n\n{lead}\n\n- describe the structure of your governance;\n"
                         "- explain how staff escalate concerns about risk;\n"
                         "- explain how you will learn from incidents.\n\n(max. 600 words)")
    assert [p.label for p in plan.points] == ["Structure of your governance", "How staff escalate concerns about risk",
                                              "Learning from incidents"]
    assert not any(lead.rstrip(":").lower() in p.text.lower() for p in plan.points)


def test_a_series_of_clauses_is_split_whatever_their_subjects():
    # a comma series whose clauses have subjects other than 'you', its last item a thing of its own (pl26)
    assert _texts("Describe how the 300 people on the waiting list will be moved without a gap, how carers and "
                  "staff will be told, and the main risks with their mitigations.\nMax 500 words") == [
        "Describe how the 300 people on the waiting list will be moved without a gap", "how carers and staff will be told",
        "the main risks with their mitigations"]
    # after 'Include', the last item a thing the bidder will do ('the sleep advice you will offer')
    got = _texts("Explain how you will improve sleep for people in the hostels. Include how you will get people to the "
                 "sleep clinic, how you will make sure that poor results change the plan, and the sleep advice you will "
                 "offer on caffeine, screens and exercise.")
    assert got[-2:] == ["how you will make sure that poor results change the plan",
                        "the sleep advice you will offer on caffeine, screens and exercise"]
    # a run-on of clauses with no commas between them
    assert _texts("Tell us how people who use the hubs will shape them from the start how you will thank them for "
                  "their time what say they will have over hiring staff.") == [
        "Tell us how people who use the hubs will shape them from the start", "how you will thank them for their time",
        "what say they will have over hiring staff"]
    # a noun list inside one clause is no series
    assert _texts("Describe how you will involve carers, families, and the wider community in planning.") == [
        "Describe how you will involve carers, families, and the wider community in planning"]


def test_imperatives_divided_by_semicolons_are_each_asked():
    assert _texts("Set out your plan for the garden project, with dates, against the Council's green themes; explain "
                  "how you will involve carers, in line with the Carers Pledge; and describe how you will report "
                  "progress every quarter.\n(400 words)") == [
        "Set out your plan for the garden project, with dates, against the Council's green themes",
        "explain how you will involve carers, in line with the Carers Pledge",
        "describe how you will report progress every quarter"]


def test_what_bidders_should_note_is_the_buyers_statement_not_asks():
    got = _texts("Describe how you will run the drop-in café.\n\nBidders should note that the Council expects, as a "
                 "minimum: the café to open five days a week; a volunteer rota agreed with the tenants; and free "
                 "drinks for people on low incomes.\n\nMaximum 300 words")
    assert got == ["Describe how you will run the drop-in café"]


def test_a_guidance_sentence_that_asks_to_name_someone_is_asked():
    got = _texts("Describe how you will open the new hub.\n\nBidders should also name the person who will run the "
                 "opening and state the hours they will give to it.\n\n(250 words)")
    assert len(got) == 2 and got[1].startswith("the person who will run the opening")


def test_an_item_naming_three_things_asks_for_each():
    got = _texts("1. Describe the route for raising a concern with the ward, the response times, and the named roles "
                 "involved.\n2. How will you support a person who stops attending?")
    assert got == ["Describe the route for raising a concern with the ward", "the response times",
                   "the named roles involved", "How will you support a person who stops attending?"]


def test_a_very_long_heading_is_cut_before_a_clause_of_when_or_where():
    assert make_heading("how you will move the approximately 600 people expected to be on the caseload at 1 March "
                        "2027 without any break in their support") == \
        "Moving the approximately 600 people expected to be on the caseload"
    assert make_heading("how tenants and their families will be communicated with") == \
        "Communicating with tenants and their families"
    # a passive whose participle is not made with -ed, coordinated, with a particle, or with a pronoun subject
    assert make_heading("how menus will be written with the tenants") == "Writing menus with the tenants"
    assert make_heading("how complaints will be made and followed up") == "Making and following up complaints"
    assert make_heading("how they will be thanked or rewarded for their help") == \
        "Thanking or rewarding them for their help"


def test_what_evaluators_will_also_consider_is_asked_whatever_the_subject():
    # 'Evaluators will also consider how the Bidder will A, and how the workforce will B' (pl27: two asks were lost)
    got = _texts("Describe how you will staff the night service.\n\nEvaluators will also consider how the Bidder will "
                 "train bank staff before their first shift, and how the rota will protect rest breaks.\n\n(400 words)")
    assert got[-2:] == ["how the Bidder will train bank staff before their first shift",
                        "how the rota will protect rest breaks"]


def test_a_clause_saying_more_of_the_thing_before_it_is_no_ask_of_its_own():
    got = _texts("Describe how you will handle complaints.\n\nBidders should explain how complaints will be logged "
                 "under the Council's Complaints Procedure v2.1, which the Provider will be expected to follow for "
                 "every site.\n\n(300 words)")
    assert not any(t.startswith("which the Provider") for t in got)
    assert any(t.startswith("how complaints will be logged") and "every site" in t for t in got)


def test_a_clause_whose_subject_points_back_stays_with_what_it_points_at():
    got = _texts("Describe your records. Your answer should cover: the record system you will use and how it will "
                 "connect to the hospital's patient record, how you will train staff to use it, and how you will audit "
                 "entries each quarter.\n\nBidders should explain which booking tool they will use for reviews, and how "
                 "it will link with the council's social care record.\n\n(600 words)")
    assert got == ["the record system you will use and how it will connect to the hospital's patient record",
                   "how you will train staff to use it", "how you will audit entries each quarter",
                   "which booking tool they will use for reviews, and how it will link with the council's social care "
                   "record"]
    # the same subject in both clauses: two asks of one bidder
    assert len(_texts("Bidders should explain how it will recruit volunteers from the estate, and how it will train "
                      "them before they start.")) == 2


def test_a_guidance_series_of_how_how_and_who_asks_each():
    got = _texts("Describe how you will keep people safe.\n\nBidders should also describe how the Mental Health Act "
                 "1983 will be respected in everyday work, how serious incidents will be reviewed under the Trust's "
                 "learning framework, and who their named Clinical Lead will be.\n\nBidders should be open about which "
                 "targets they expect to meet in Year 1 and which will take longer.\n\n(900 words)")
    # the ask before 'Bidders should also describe' is asked too: 'also' adds to it (dev q-011, dev_s18 q30 and s33
    # q12.2 label it; s26 q07, where this series came from, has a list between them and is unchanged)
    assert got == ["Describe how you will keep people safe",
                   "how the Mental Health Act 1983 will be respected in everyday work",
                   "how serious incidents will be reviewed under the Trust's learning framework",
                   "who their named Clinical Lead will be",
                   "which targets they expect to meet in Year 1 and which will take longer"]


def test_the_buyers_ask_after_a_semicolon_is_asked():
    got = _texts("Describe how you will manage risk.\n\nCommissioners do not expect risk scores to be used to decide who "
                 "gets a service; we want to see how safety plans are shared with the person and their GP.\n\n"
                 "Please do not copy the specification back to us; we want to know how you will deliver it.\n\n(800 words)")
    assert got == ["Describe how you will manage risk", "how safety plans are shared with the person and their GP"]


def test_a_table_or_a_gate_between_lettered_parts_is_no_part_of_them():
    got = _texts("Set out how you will open the new flats. Please cover:\n\n(a) your plan for the first month, with the "
                 "lead roles;\n(b) how you will choose the first tenants with the housing team;\n\n| Flat | Ready by |\n"
                 "|---|---|\n| Flat 1 | 3 May 2027 |\n\n(c) how you will furnish the flats before each tenant arrives;\n"
                 "(d) links with the local GP practice and pharmacy.\n\nThis question will not score above 2 unless the "
                 "response confirms that every flat will be ready by the date in the table.\n\n(e) how you will ask "
                 "tenants what they think after three months.\n\nMaximum 900 words.")
    assert got == ["your plan for the first month, with the lead roles",
                   "how you will choose the first tenants with the housing team",
                   "how you will furnish the flats before each tenant arrives",
                   "links with the local GP practice and pharmacy",
                   "how you will ask tenants what they think after three months"]


def test_a_very_long_heading_is_cut_before_a_phrase_a_comma_sets_off_on_an_ing_form():
    assert make_heading("how you will plan each tenant's move into the new flats, starting at least three months before "
                        "the lease ends") == "Planning each tenant's move into the new flats"
    # a list of things ending in -ing is no such phrase
    got = make_heading("how you will recognise and respond to self-neglect, hoarding and gambling among people living "
                       "alone in their own tenancies")
    assert not got.endswith("self-neglect") and "hoarding and gambling" in got


def test_what_answers_should_say_is_asked_without_its_lead():
    got = _texts("Describe how people will reach the garden project.\n\nAnswers should say how the project will reach "
                 "people who cannot leave their homes.\n\n(500 words)")
    assert got[-1] == "how the project will reach people who cannot leave their homes"
