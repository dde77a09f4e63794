"""The buyer's review timings and who runs what win over our blocks' (issue 12, session 20).

s19's contradiction reader (tests/data/heldout/s19/panel/contradictions.md, spent) found two firm contradictions left
in both answer sets to q05: "an external fidelity review is carried out each year" against the buyer's "an external
review by IPS Grow at months 6 and 12 and yearly after that"; and IPS "delivered with the local IPS service", people
"referred ... to the local IPS service", where "Lot 2 includes an Individual Placement and Support (IPS) service" (the
provider runs it). The question below is s19 q05's background, cut short.
"""

from __future__ import annotations

import pytest

from evidencebot.compose import buyer_facts as bf

Q5 = """## Question 5 – Employment Support (IPS Fidelity)

### Background

Lot 2 includes an Individual Placement and Support (IPS) service with a caseload of around 140 people at any time.
Fidelity will be assessed against the 25-item IPS fidelity scale, with an external review by IPS Grow at months 6 and
12 and yearly after that.

### Question

How will you deliver an IPS service that reaches good fidelity by month 12 of the contract?
"""

OURS_REVIEW = ("The IPS service goes through each specialist's caseload and job starts with them every fortnight, and an "
               "external fidelity review is carried out each year; the locality team leader agrees an action plan with "
               "the IPS service for any item scored below good fidelity.")


def _kinds(text: str, facts) -> list[tuple[str, str]]:
    return [(c.fact.kind, c.said) for c in bf.check(text, facts)]


def test_the_buyers_review_timing_is_read_and_ours_that_misses_month_6_contradicts_it():
    facts = bf.read(Q5)
    cadence = [f for f in facts if f.kind == "cadence"]
    assert [f.value for f in cadence] == ["at months 6 and 12 and yearly after that"]
    assert cadence[0].data[1] == (6.0, 12.0, 24.0, 36.0)
    assert ("cadence", "each year") in _kinds(OURS_REVIEW, facts)


@pytest.mark.parametrize("ours", [
    "An external fidelity review is carried out every six months.",  # more often: every date of the buyer's is met
    "An external fidelity review is carried out at months 6 and 12 and every year after that.",
    "The team leader reviews each person's housing plan every year.",  # another review: nothing of the buyer's words
])
def test_a_schedule_that_keeps_every_buyer_date_or_another_review_is_not_a_contradiction(ours):
    assert not [c for c in bf.check(ours, bf.read(Q5)) if c.fact.kind == "cadence"]


def test_a_service_the_lot_includes_is_never_an_outside_service_we_refer_to():
    facts = bf.read(Q5)
    runs = [f for f in facts if f.kind == "runs"]
    assert [f.data for f in runs] == [("Individual Placement and Support", "IPS")]
    said = _kinds("Anyone who wants paid work is referred, with their agreement, to the local Individual Placement and "
                  "Support (IPS) service within two weeks.", facts)
    assert said == [("runs", "the local Individual Placement and Support (IPS) service")]
    # our own IPS team, or IPS named without an outside service, is not
    assert not _kinds("Our IPS service holds a weekly meeting with each recovery team.", facts)


def test_hold_writes_our_block_on_the_buyers_terms_and_the_result_is_clean():
    facts = bf.read(Q5)
    held, clashes = bf.hold(OURS_REVIEW, facts)
    assert held == ("Our IPS service goes through each specialist's caseload and job starts with them every fortnight, "
                    "and an external fidelity review is carried out at months 6 and 12 and yearly after that; the "
                    "locality team leader agrees an action plan with our IPS service for any item scored below good "
                    "fidelity.")
    assert {c.fact.kind for c in clashes} == {"cadence", "runs"}
    assert not bf.check(held, facts)
    delivered = bf.hold("Individual Placement and Support (IPS) for the people we support is delivered with the local "
                        "IPS service.", facts)[0]
    assert delivered == "Individual Placement and Support (IPS) for the people we support is delivered by our IPS service."


def test_without_the_buyers_facts_our_block_stands():
    plain = bf.read("## Question 5 – Employment\n\n### Question\n\nHow will you help people into paid work?\n")
    assert bf.hold(OURS_REVIEW, plain) == (OURS_REVIEW, [])


# s18 q10 (spent; contradictions A11/B12, firm)
Q10 = """## Question 10 – Co-production

### Background

The Commissioners require the Provider to:

- run a Lived Experience Advisory Group that meets at least quarterly;
- include at least two people with lived experience as members of the service's governance board;

### Question

How will people with lived experience shape the service?
"""


def test_fewer_members_of_the_buyers_board_than_it_requires_contradicts_it_and_the_sentence_goes():
    facts = bf.read(Q10)
    assert [(f.kind, f.data) for f in facts if f.kind == "members"] == [("members", (2.0, "governance board"))]
    ours = ("Panel members are paid for their time, and one attends the Harbour Lane Trust governance board every "
            "quarter to present the panel's view of the quarterly report.")
    assert _kinds(ours, facts) == [("members", "one attends the Harbour Lane Trust governance board")]
    assert bf.hold(ours, facts)[0] is None
    # as many as the buyer's, or another body, stand
    assert not _kinds("Two people with lived experience sit on the governance board as full members.", facts)
    assert not _kinds("One panel member attends the monthly quality and safety meeting.", facts)


# s18 q11 (spent; contradictions A10/B11, firm)
Q11 = """## Question 11 – Equality

### Background

By the end of Year 2 of the contract (30 September 2028), the ethnicity profile of people supported must be within 3
percentage points of the Harrowden adult population for each ethnic group.

### Question

How will you monitor equality of access, experience and outcome?
"""


def test_a_target_the_buyer_sets_for_each_group_replaces_targets_we_would_propose():
    facts = bf.read(Q11)
    assert [f.kind for f in facts if f.kind == "group_target"] == ["group_target"]
    ours = ("For each under-represented group, we propose a target for its share of referrals, set between its current "
            "share and its share of the local population, with a step for each contract year.")
    held, clashes = bf.hold(ours, facts)
    assert [c.fact.kind for c in clashes] == ["group_target"]
    assert held == ("We will work to the buyer's target: by the end of Year 2 of the contract (30 September 2028), the "
                    "ethnicity profile of people supported will be within 3 percentage points of the Harrowden adult "
                    "population for each ethnic group.")
    assert bf.hold("The targets are agreed with the ICB in the first quarter.", facts)[0] is None
    # without the buyer's target, ours stands
    assert bf.hold(ours, bf.read("## Question 11\n\nHow will you monitor equality of access?\n")) == (ours, [])
