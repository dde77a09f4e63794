"""The answer's title is the question's own title line, not the buyer's name printed above it without a label (s28:
half the answers were titled 'Brackenford … Council and NHS … Integrated Care Board')."""

from evidencebot.compose.questions import answer_title

HEADER = ("Dunmere Borough Council and NHS Dunmere Integrated Care Board\nITT reference: DBC-2027-011\n"
          "Lot 3: Adult Wellbeing Service\nSchedule 4 – Quality Questionnaire\n\n")


def test_a_plain_question_line_under_an_unlabelled_buyer_line_is_the_title():
    q = HEADER + "Q2. Working with the drug and alcohol service\n\nMaximum 500 words\n\nDescribe how you will work with it."
    assert answer_title(q) == "Q2. Working with the drug and alcohol service"


def test_a_bold_numbered_line_standing_alone_is_the_title():
    q = HEADER + "**4. Young adults aged 18–25**\n\nMaximum 750 words | Weighting 6%\n\nPlease describe how you will reach them."
    assert answer_title(q) == "4. Young adults aged 18–25"


def test_a_markdown_heading_numbered_without_the_word_question_is_the_title():
    q = HEADER + "# 11. Mobilisation and TUPE\n\n**Weighting:** 7%\n\nPlease set out how you will mobilise."
    assert answer_title(q) == "11. Mobilisation and TUPE"


def test_a_reference_alone_does_not_displace_the_topic_line_above_it():
    q = "SOCIAL VALUE\nQuestion SV1\n\nWeighting: 10%\nMaximum 750 words\n\nDescribe your social value offer."
    assert answer_title(q) != "Question SV1"
    assert "Dunmere" not in answer_title(HEADER + "Question 6 | Digital offer\nMaximum 4,000 characters\n\nDescribe it.")


def test_a_numbered_ask_in_a_list_is_not_taken_for_the_title():
    q = HEADER + "Question 7 – Peer support\n\nPlease set out:\n\n1. How you will recruit peer workers\n"
    assert answer_title(q) == "Question 7 – Peer support"
