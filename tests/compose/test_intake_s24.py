"""Question intake on questions written by people who never read the parser (issue 12, session 24).

The s24 writers bolded every limit's label ('**Weighting:** 12%'), gave weightings as marks ('Weighting: 10 marks',
'Question 2 (15 marks)', '... words. 15 marks.') and closed each numbered part on its own weighting; the weighting
was unread or a percentage in the buyer's text was taken. The texts below are written for these tests.
"""

from __future__ import annotations

import pytest

from evidencebot.compose.questions import read_limits, split_question


def _points(text: str) -> list[str]:
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


@pytest.mark.parametrize("text, words, weight", [
    ("Describe your training offer.\n\n**Word limit:** 900 words max\n**Weighting:** 11%\n", 900, 11),
    ("Describe your training offer.\n\n**Word limit:** 700 words. Diagrams do not count.\n**Weighting:** 9 marks\n",
     700, 9),
    ("Describe how you will audit records; all audits must be completed (100%).\n\n**Weighting:** 8 marks\n",
     None, 8),
    ("### Question 3 (14 marks)\n\nDescribe how you will run the peer groups.\n\nMaximum 600 words.", 600, 14),
    ("**Question 4 – (5 marks)**\n\nDescribe how you will support carers.\n\nMaximum 400 words.", 400, 5),
    ("**Question 5** (650 words max; 12 marks)\n\nDescribe how you will work with housing.", 650, 12),
    ("Question 6: Reporting\n\nWord limit: 1,100 words. 13 marks.\n\nDescribe how you will report.", 1100, 13),
    ("**13 marks. 1,000 words max.**\n\nDescribe how you will plan discharge.", 1000, 13),
])
def test_weightings_written_in_bold_or_as_marks_are_read(text, words, weight):
    limits = read_limits(text)
    assert (limits.words, limits.weighting) == (words, weight)


def test_a_bare_q_reference_with_marks_is_still_not_a_weighting():
    assert read_limits("Q7 (20 marks)\nExplain how you will work with the GP practices.").weighting is None


@pytest.mark.parametrize("first, second, total", [
    ("(maximum 400 words; weighting 5%)", "(maximum 200 words; weighting 3%)", 8),
    ("(maximum 400 words) Weighting: 5%", "(maximum 200 words) Weighting: 3%", 8),
])
def test_numbered_parts_each_with_a_weighting_add_up(first, second, total):
    text = ("This question has two parts.\n\n**3.1** Describe how you will assess each person's needs.\n"
            f"{first}\n\n**3.2** Describe how you will review each plan with the person.\n{second}\n")
    assert read_limits(text).weighting == total


def test_part_marks_after_the_title_add_up():
    text = ("**4.1 Team structure (maximum 500 words) – 7 marks**\n\nDescribe your proposed team.\n\n"
            "**4.2 Recruitment (maximum 300 words) – 3 marks**\n\nDescribe how you will recruit.")
    assert read_limits(text).weighting == 10


def test_the_whole_questions_weighting_before_its_parts_is_kept():
    text = ("Weighting: 8%\n\n**3.1** Describe how you will assess needs.\n(maximum 400 words; weighting 5%)\n\n"
            "**3.2** Describe how you will review plans.\n(maximum 200 words; weighting 3%)\n")
    assert read_limits(text).weighting == 8


def test_a_table_of_the_buyers_figures_with_a_figure_in_its_header_is_context():
    """'| Role | Minimum staffing | Maximum caseload per 1.0 WTE |': the table is the buyer's, not questionnaire rows."""
    text = ("## Question 5: Staffing\n\nThe minimum staffing is set below.\n\n"
            "| Team | Minimum posts | Caseload per 1.0 WTE |\n|---|---|---|\n| Team leader | 1.0 WTE | n/a |\n"
            "| Support workers | at least 9.0 WTE | 22 people |\n| Peer workers | at least 3.0 WTE | 12 people |\n\n"
            "Describe how you will staff the service. Your answer should cover:\n"
            "- how you will recruit the roles above;\n- how you will keep caseloads within the caps.\n\n"
            "Word limit: 800 words\nWeighting: 10%")
    assert _points(text) == ["how you will recruit the roles above", "how you will keep caseloads within the caps"]
    assert read_limits(text).weighting == 10


def test_a_list_under_a_requirements_label_that_asks_nothing_is_no_sub_point():
    text = ("Describe how you will support people's housing needs, and how you will work with the district "
            "housing teams.\n\nKey requirements:\n\n- Provider to employ at least 2.0 WTE housing advisers.\n"
            "- Joint case review with the housing team within 5 working days.\n\n750 words max.")
    points = _points(text)
    assert not any("WTE" in p or "Joint case review" in p for p in points)
    assert any("housing needs" in p for p in points)


def test_a_requirement_table_of_short_labels_is_no_sub_point():
    text = ("Include your commitments for the county, and how you will report on them each quarter.\n\n"
            "| Requirement | Minimum |\n|---|---|\n| Volunteering | 200 hours a year |\n"
            "| Apprentices | Two a year from the county |\n| Reporting | Quarterly to the contract board |\n\n"
            "Weighting: 5%")
    points = _points(text)
    assert not any(p in ("Volunteering", "Apprentices", "Reporting") for p in points)
    assert any("report on them each quarter" in p for p in points)


def test_guidance_on_how_to_write_beside_the_asks_is_no_sub_point():
    text = ("Explain how you will plan each move with the ward team, and how you will contact every person within "
            "three days of the move.\n\nMaximum 600 words\n\n### Guidance\n\nBidders should describe the practical "
            "steps taken before, during and after the move, naming who is responsible at each stage.\n\nBidders "
            "should also explain how benefits will be sorted out before the move.")
    points = _points(text)
    assert not any(p.startswith(("the practical steps", "naming who")) for p in points)
    assert any(p.startswith("how benefits will be sorted out") for p in points)


def test_several_asks_before_a_cover_list_are_its_frame():
    """A table row's question cell that asks three things over a guidance cell 'Your answer should address: a; b;
    c': the writers label the list."""
    text = ("| Ref | Question | Guidance | Word limit | Weighting |\n|---|---|---|---|---|\n"
            "| 2.1 | Describe how you will spot a relapse, how you will increase support, and how you will work with "
            "the crisis team. | Your answer should address: how warning signs are recorded; the triggers staff will "
            "use; and how information will be shared in a crisis. | 700 words | 8% |")
    assert _points(text) == ["how warning signs are recorded", "the triggers staff will use",
                             "how information will be shared in a crisis"]


def test_what_a_frame_includes_is_still_asked_over_a_cover_list():
    text = ("Describe how you will keep records safe, including your current toolkit status and how you will meet "
            "the data protection law. Your response should cover: who is accountable for records; and how staff "
            "will be trained.")
    points = _points(text)
    assert "how you will meet the data protection law" in points and "how staff will be trained" in points


def test_a_bold_limit_with_a_bound_before_its_number_is_read_when_files_are_imported(tmp_path):
    """s24 q09 (spent): '**Word limit:** no more than 800 words' read with its bold marks as blanks looked like a
    limit given in words ('Word limit:   no more than 800 word'): the file could not be imported, and drafting its
    siblings one at a time passed over its facts (the buyer's monthly reference group, q08)."""
    from evidencebot.compose.questionnaire import read_question_files
    from evidencebot.errors import InputError

    good = tmp_path / "q1.md"
    good.write_text("Describe how you will involve carers.\n\n**Word limit:** no more than 800 words\n", encoding="utf-8")
    assert read_question_files([good]).questions[0].word_limit == 800
    bad = tmp_path / "q2.md"
    bad.write_text("Describe how you will involve carers.\n\n**Word limit:** to be confirmed\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a number"):
        read_question_files([bad])
