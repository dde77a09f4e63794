"""r24 (issue 12): a part answers with its method, not with the buyer's words said back.

The blind panels of s20-s23 marked parts down for "question restated as an answer": 'We will be aware that the
<house> criteria set a maximum stay of 28 days', and the buyer's requirements committed to ahead of the method that
says how, crowding it out. Sentences here are our own, written for these tests.
"""

from __future__ import annotations

from evidencebot.compose import commitments as C
from evidencebot.compose import tender as T
from evidencebot.compose.questions import SubPoint
from tests.compose.plan_points import Point


def test_a_note_to_bidders_said_back_is_a_fact_not_a_commitment():
    assert C.as_fact("We will be aware that the Elm House criteria set a maximum stay of 30 days.") == \
        "The Elm House criteria set a maximum stay of 30 days."
    assert C.as_fact("We will note that about 20 staff are expected to transfer.") == \
        "About 20 staff are expected to transfer."
    assert C.as_fact("We will note the Council's expectation.") == ""  # no clause to use: said nowhere
    assert C.as_fact("We will run Elm House from the first day of the contract.") is None


def test_read_gives_the_notes_fact_to_its_part():
    question = ("Bidders should be aware that the Elm House criteria set a maximum stay of 30 days.\n\n"
                "(a) How you will manage length of stay at Elm House\n(b) How you will train staff\n")
    found = C.read(question, [Point("a", "How you will manage length of stay at Elm House"),
                              Point("b", "How you will train staff")])
    facts = [c for c in found["a"] if c.source == C.FACT]
    assert [c.text for c in facts] == ["The Elm House criteria set a maximum stay of 30 days."]
    assert not any(c.text.startswith("We will be aware") for cs in found.values() for c in cs)


def test_the_fact_is_said_inside_the_method_sentence_that_speaks_of_it():
    method = T.Method(units=[
        {"text": "We will run Elm House from the first day.", "priority": 1, "block": "buyer-run", "cont": False,
         "template": True},
        {"text": "Each stay has an end date agreed with the person when they arrive.", "priority": 1,
         "block": "house-stay", "cont": False},
        {"text": "The weekly review checks each stay against its end date.", "priority": 2, "block": "house-stay",
         "cont": True},
    ])
    fact = C.Commitment("The Elm House criteria set a maximum stay of 30 days.", "", C.FACT)
    T._weave_facts(method, [fact])
    assert method.units[1]["text"] == ("The Elm House criteria set a maximum stay of 30 days: each stay has an end date "
                                       "agreed with the person when they arrive.")
    assert method.units[0]["text"] == "We will run Elm House from the first day."
    # no method sentence speaks of it: not said at all
    other = T.Method(units=[{"text": "Supervision is monthly.", "priority": 1, "block": "sup", "cont": False}])
    T._weave_facts(other, [fact])
    assert other.units[0]["text"] == "Supervision is monthly."


def test_commitments_opening_alike_are_one_sentence():
    found = [C.Commitment("We will meet the standard of 90% for a call back within 2 hours.", "", "context", ["90%"]),
             C.Commitment("We will work to the Elm Protocol.", "", "context", [], names=["Elm Protocol"]),
             C.Commitment("We will meet the standard of 80% for a visit within 5 days.", "", "context", ["80%"])]
    assert T._merged_commitments(found) == [
        "We will meet the standard of 90% for a call back within 2 hours, and of 80% for a visit within 5 days.",
        "We will work to the Elm Protocol."]


def test_a_listed_standard_with_its_share_after_a_comma_is_the_standards_share():
    said = [c.text for c in C._introduced_standards("The standards for this part are: a call back within 2 hours of "
                                                     "a missed visit, 90%; a review within 10 days, 80%")]
    assert said == ["We will meet the standard of 90% for a call back within 2 hours of a missed visit.",
                    "We will meet the standard of 80% for a review within 10 days."]


def _section(units):
    point = SubPoint(key="a", text="How you will manage stays", label="Managing stays", budget=30)
    return T.Section(point=point, units=units)


def test_the_parts_last_method_sentence_outlasts_the_commitments():
    units = [T.Unit(text="Each stay has an end date agreed with the person when they arrive at the house.", priority=1,
                    refs=["block:house-stay"]),
             T.Unit(text="We will meet the standard of 90% for stays of 21 days or fewer at the house.", priority=1,
                    refs=[f"block:{T.COMMITMENT}"]),
             T.Unit(text="We will work to the Elm House Stay and Discharge Criteria from the first day.", priority=1,
                    refs=[f"block:{T.COMMITMENT}"])]
    sec = _section(units)
    T._fit_section(sec, 30)
    assert sec.units[0].kept


def test_a_part_of_commitments_alone_is_reported_restated():
    units = [T.Unit(text="We will meet the standard of 90% for stays of 21 days or fewer.", priority=1,
                    refs=[f"block:{T.COMMITMENT}"]),
             T.Unit(text="The specification asks for a review within 5 days. We will work to that timescale.",
                    priority=1, refs=["block:buyer-standard-timescale"])]
    sec = _section(units)
    rows = T._coverage([sec], "\n\n".join(u.text for u in units))
    assert rows[0].status.startswith("restated: write the method")
    sec.units.append(T.Unit(text="Each stay has an end date agreed with the person.", priority=1,
                            refs=["block:house-stay"]))
    assert T._coverage([sec], "")[0].status.startswith("method only")


def test_the_buyers_forecast_of_demand_is_not_said_as_ours():
    assert C.fallback("The service will receive approx. 1,800 referrals per year and hold a caseload of about 700") == []
    assert [c.text for c in C.fallback("The Service will hold at least 4 carers' forums a year")] == \
        ["We will hold at least 4 carers' forums a year."]


def test_an_instructions_verb_is_no_word_of_the_documents_name():
    assert C.versioned_documents("Read with the Elmdale Community Recovery Operating Model v1.3 and Section 2.") == \
        ["Elmdale Community Recovery Operating Model v1.3"]


def test_words_joined_by_a_slash_stay_in_the_documents_name():
    # (s25 panel: 'Step-Down Admission and Discharge Protocol v1.3' for the buyer's Step-Up/Step-Down protocol)
    assert C.versioned_documents("Moves between teams follow the Step-Up/Step-Down Referral Protocol v2.1.") == \
        ["Step-Up/Step-Down Referral Protocol v2.1"]
