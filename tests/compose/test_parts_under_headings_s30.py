"""(s30) A question in numbered parts under Markdown headings, each part's number said again at the start of its ask
and each part with its own word limit: three parts, each held to its limit, and no list item runs on into the next
part's heading and context. The s30 q05 shape (found after the s30 measurement, declared). Sentences written for
these tests."""

from __future__ import annotations

from evidencebot.compose.questions import numbered_parts, parse_question, read_limits

QUESTION = """# Question 4 – Families and volunteers

This question has two parts, each scored on its own.

## 4.1 Families (Maximum 400 words; weighting 3%)

Context: the borough counts about 9,000 young carers. The Family Hub runs the council's parenting offer.

4.1 Describe how you will support families of the people you work with. In your answer, set out:
- how you will find out who the family are;
- how you will involve them in planning, including siblings.

## 4.2 Volunteers (Maximum 300 words; weighting 2%)

Context: the Volunteer Centre trains about 200 volunteers a year for the borough's charities.

4.2 Describe how you will recruit and keep volunteers. In your answer, set out:
- how you will recruit volunteers from the estates we serve;
- how you will thank and keep them.
"""


def test_parts_under_headings_keep_their_own_limits_when_the_ask_repeats_the_number():
    parts, total = numbered_parts(QUESTION)
    assert [(p.label, p.limit, p.title) for p in parts] == [("4.1", 400, "Families"), ("4.2", 300, "Volunteers")]
    assert total is None
    assert read_limits(QUESTION).words == 700


def test_a_list_item_stops_before_the_next_parts_heading_and_context():
    points = [text for _, text in parse_question(QUESTION).points]
    assert points[1] == "how you will involve them in planning, including siblings."
    assert not any("Volunteer Centre" in p or "##" in p for p in points)
    assert len(points) == 4


def test_a_number_said_again_after_another_part_is_still_no_parts():
    text = QUESTION + "\n4.1 Also say how the family's views change the plan. (Maximum 100 words)\n"
    assert numbered_parts(text) == ((), None)
