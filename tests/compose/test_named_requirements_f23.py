"""The buyer's named requirements committed in the part that asks for them (f23, issue 12; s22 panels: the access
standards, protocol versions, shares and escalations the buyer stated were never said). Cheap: the readers only."""

from __future__ import annotations


from evidencebot.compose import commitments

from tests.compose.plan_points import Point


QUESTION = """## Question 4 - Access and discharge

**Response standards (Schedule 5)**

- Self-referrals answered by the duty worker within 2 working days: 92%
- Carers contacted within 5 working days of the person's discharge: 85%

The Provider will work to the Harwick Discharge and Transfer Protocol v2.6 and the Harwick Carers Charter v1.0.
The standard for this contract is that 80% of people leaving the recovery house are seen by their worker within 48 hours of leaving.
Where a person on the intensive list misses two planned visits, the Provider must start its escalation procedure and tell the GP the same day.

Describe:

(a) how you will take referrals and meet the response standards above;

(b) how you will plan discharge from the recovery house and follow people up after they leave;

(c) how you will support carers under the Carers Charter.
"""

POINTS = [Point("a", "how you will take referrals and meet the response standards above"),
          Point("b", "how you will plan discharge from the recovery house and follow people up after they leave"),
          Point("c", "how you will support carers under the Carers Charter")]


def _read() -> dict[str, list[str]]:
    return {k: [c.text for c in cs] for k, cs in commitments.read(QUESTION, POINTS).items()}


def test_a_list_of_standards_the_sub_point_meets_above_is_committed_one_by_one_in_that_part():
    said = _read()["a"]
    assert "We will meet the response standard of 92% for self-referrals answered by the duty worker within 2 working " \
           "days." in said
    assert "We will meet the response standard of 85% for carers contacted within 5 working days of the person's " \
           "discharge." in said


def test_documents_named_with_their_versions_are_committed_each_in_the_part_that_speaks_of_it():
    out = _read()
    assert "We will work to the Harwick Discharge and Transfer Protocol v2.6." in out["b"]
    assert "We will work to the Harwick Carers Charter v1.0." in out["c"]


def test_a_share_the_buyer_sets_is_said_as_the_standard_we_meet_never_as_our_result():
    assert "We will meet the standard of 80% for people leaving the recovery house seen by their worker within 48 " \
           "hours of leaving." in _read()["b"]
    # the buyer's current position is never a standard to meet
    assert commitments.share_as_standard("In 2025/26, 61% of people discharged are seen within 48 hours") == ""


def test_a_duty_after_its_condition_is_said_as_ours_with_the_condition():
    said = [c.text for c in commitments.fallback(
        "Where a person on the intensive list misses two planned visits within 7 days, the Provider must start its "
        "escalation procedure and tell the GP the same day.")]
    assert said == ["Where a person on the intensive list misses two planned visits within 7 days, we will start our "
                    "escalation procedure and tell the GP the same day."]


def test_a_scoring_gate_is_left_to_the_gate_reader():
    assert commitments.fallback("Answers that make no reference to the Harwick Carers Charter v1.0 will be scored 0.") == []


def test_a_note_to_bidders_is_read_clause_by_clause():
    said = [c.text for c in commitments.fallback(
        "Bidders should note that the Council expects at least 40% of volunteers to be recruited from Harwick by the "
        "end of Year 3, that all volunteers are paid travel costs within 14 days, and that claims follow the Harwick "
        "Expenses Policy v2.2 (currently 45p a mile).")]
    assert said == ["We will meet the Council's expectation of at least 40% for volunteers recruited from Harwick by "
                    "the end of Year 3.",
                    "All volunteers will be paid travel costs within 14 days.",
                    "We will work to the Harwick Expenses Policy v2.2."]
