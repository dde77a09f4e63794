"""The posts a contract adds to our team said as a plan, and the buyer's carers' assessor over our profile (issue 12,
session 21).

s20's panel (tests/data/heldout/s20/panel, spent): the workforce answer said "Our current team is 14.0 WTE ... a
shortfall of 24.5 WTE against the requirement today", which worried the panel and offered no plan (Q8 (i)); the carers
answer sent carers to "the council's adult social care team" for a Care Act assessment where the buyer said another
named organisation carries them out on the Council's behalf (Q11). The buyers and wordings below are written for these
tests.
"""

from __future__ import annotations

import pytest

from evidencebot.compose import buyer_facts as F
from evidencebot.compose import buyer_scale as bs
from evidencebot.compose.buyer_terms import posts_plan

OUR_ASSESSMENT = ("a referral, with the carer's agreement, to the council's adult social care team for a carer's "
                  "assessment under the Care Act 2014")


def test_the_staff_in_scope_of_tupe_are_read_with_their_wte():
    text = "31 employees (27.5 WTE) employed by Arden Wellbeing are at present judged to be in scope of TUPE."
    q = next(q for q in bs.read(text) if q.kind == "tupe_staff")
    assert (q.value, q.groups.get("wte")) == (31.0, "27.5")


def test_the_posts_added_are_a_plan_by_the_contract_start():
    with_tupe = posts_plan(20.0, 34.0, (22.0, 16.5), "1 October 2027")
    assert with_tupe == ("we will staff this contract at 34.0 WTE, so 20.0 WTE of posts are filled by the contract "
                         "start on 1 October 2027: 16.5 WTE by the 22 staff expected to transfer to us under TUPE and "
                         "3.5 WTE recruited during mobilisation")
    assert posts_plan(6.0) == "6.0 WTE of posts are filled by the contract start, all recruited during mobilisation"
    assert posts_plan(6.0, tupe=(9.0, None)).endswith(
        ": first by the 9 staff expected to transfer to us under TUPE, and the rest recruited during mobilisation")
    assert posts_plan(5.0, 19.0, (12.0, 8.0)).endswith("by the 12 staff expected to transfer to us under TUPE (8.0 WTE)")


@pytest.mark.parametrize("buyer", [
    "The Ashcombe Carers Network carries out Carers Assessments on behalf of the Council.",
    "Care Act carers' assessments for Ashcombe are completed on the Council's behalf by the Ashcombe Carers Network.",
])
def test_who_carries_out_carers_assessments_is_read_by_structure(buyer):
    facts = [f for f in F.read(buyer) if f.kind == "assessor"]
    assert [f.value for f in facts] == ["the Ashcombe Carers Network"]
    assert F.adapt_profile({"carers_assessment": OUR_ASSESSMENT}, facts)["carers_assessment"] == (
        "a referral, with the carer's agreement, to the Ashcombe Carers Network for a carer's assessment under the "
        "Care Act 2014")
    held, clashes = F.hold("Family members are referred to the local authority's adult care team for a carer's "
                           "assessment.", facts)
    assert held == "Family members are referred to the Ashcombe Carers Network for a carer's assessment."
    assert clashes
    assert not F.check("Carers are referred to the Ashcombe Carers Network for a carer's assessment.", facts)


def test_we_are_no_assessor_of_the_buyers():
    assert not [f for f in F.read("We carry out carers' assessments at the first review.") if f.kind == "assessor"]


WORKFORCE = """## Section 5 – Staffing the Ashcombe Recovery Service

Ashcombe Council expects a minimum establishment of 30.0 WTE for the service.

Describe your proposed staffing structure, in WTE, and how you will recruit to it.

Maximum 400 words.
"""

TRANSFER = ("The contract will commence on 1 October 2027 for an initial term of three years. 15 staff (12.0 WTE) employed by the current provider are in scope "
            "of TUPE.")

CARERS = """## Section 7 – Carers

Carers' assessments under the Care Act 2014 are carried out on the Council's behalf by the Ashcombe Carers Network.

Describe how you will identify and support carers, including referral for a carer's assessment.

Maximum 300 words.
"""


def test_the_workforce_answer_plans_the_posts_it_adds(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender
    answer = assemble_tender(demo_db, WORKFORCE, checker=checker, buyer_context=TRANSFER)
    assert not answer.findings
    text = answer.markdown
    assert "shortfall" not in text
    assert ("Our current team is 14.0 WTE, and we will staff this contract at 30.0 WTE, so 16.0 WTE of posts are "
            "filled by the contract start on 1 October 2027: 12.0 WTE by the 15 staff expected to transfer to us under "
            "TUPE and 4.0 WTE recruited during mobilisation.") in text


def test_the_carers_answer_refers_to_the_buyers_assessor(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender
    answer = assemble_tender(demo_db, CARERS, checker=checker)
    assert not answer.findings
    text = answer.markdown
    assert "adult social care team" not in text
    assert "to the Ashcombe Carers Network for a carer's assessment" in text
