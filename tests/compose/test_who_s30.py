"""Who does what, as the buyer set it in any question of the tender (issue 12, s30 contradictions #3, #6, #7, FIRM).

A buyer that says one named body holds its contract for a thing steers every answer: our referral of that thing to
another body is said as a referral to the buyer's body. A buyer rule that all referrals of a kind come through a
named route takes away a direct route of ours for such a referrer. A buyer's drop-in count at one named place and a
lower one 'at each of the other' places of that kind holds our frequency at 'the main' place to the first. The
tenders below are invented for these tests."""

from __future__ import annotations

from evidencebot.compose import frequencies
from evidencebot.compose import named as N

HOLDER = ("Background: Brookvale has about 6,000 unpaid carers. The Brookvale Carers Centre holds the Borough's "
          "contract for carers' assessments and short breaks.")
OURS_CARERS = ("With the carer's consent, the worker makes a referral to the borough's social work team for a carer's "
               "assessment under the Care Act 2014.")
ROUTE = ("- All referrals from professionals will come through the Millbrook Single Point of Access, which our "
         "partner trust runs with the provider.")


def test_a_body_holding_the_contract_for_a_thing_is_read_as_who_does_it():
    found = N.duties(HOLDER)
    assert any(d.by == "Brookvale Carers Centre" and "carers' assessments" in d.names for d in found)


def test_our_referral_of_that_thing_to_another_body_is_said_as_the_buyers_body():
    found = N.duties(HOLDER)
    assert N.who_does_what(OURS_CARERS, found)
    now = N.to_holder(OURS_CARERS, found)
    assert now == ("With the carer's consent, the worker makes a referral to Brookvale Carers Centre for a carer's "
                   "assessment under the Care Act 2014.")
    assert not N.who_does_what(now, found)


def test_a_referral_to_the_body_the_buyer_names_is_left_alone():
    found = N.duties(HOLDER)
    assert not N.who_does_what("We refer carers to the Brookvale Carers Centre for a carer's assessment.", found)


def test_a_rule_that_all_professional_referrals_come_through_a_route_is_read():
    (r,) = N.routes(ROUTE)
    assert r.route == "the Millbrook Single Point of Access" and "social workers" in r.referrers


def test_a_direct_route_for_a_professional_is_said_through_the_buyers_route():
    found = N.routes(ROUTE)
    way = N.direct_route("Social workers can refer directly to us.", found)
    assert way is not None
    assert N.through_route("Social workers can refer directly to us.", way) == \
        "Social workers can refer to us through the Millbrook Single Point of Access."


def test_a_direct_route_to_two_places_is_left_out_and_self_referral_is_not_touched():
    found = N.routes(ROUTE)
    sentence = "Probation officers can refer directly to us and to the housing team."
    way = N.direct_route(sentence, found)
    assert way is not None and N.through_route(sentence, way) == ""
    assert N.direct_route("People can refer themselves directly by phone or online.", found) is None
    assert N.direct_route("GPs refer through the Millbrook Single Point of Access directly.", found) is None


BUYER_DROPIN = ("The provider must hold at least two wellbeing drop-in sessions a week at Ashcombe Lodge and at least "
                "one a week at each of the other three hostels.")


def test_an_elided_count_for_the_other_places_takes_the_thing_and_the_place():
    two, one = frequencies.read_buyer(BUYER_DROPIN)
    assert (two.count, one.count) == (2, 1)
    assert one.kinds == two.kinds and one.rest and not two.rest
    assert "hostel" in two.places and "hostel" in one.places


def test_our_weekly_session_at_the_main_place_is_held_to_the_buyers_first_place():
    text, held = frequencies.hold("A support worker holds a weekly session at the main hostel.",
                                  frequencies.read_buyer(BUYER_DROPIN))
    assert text == "A support worker holds a twice-weekly session at the main hostel."
    assert held == [("weekly", "two wellbeing drop-in sessions a week")]


def test_a_weekly_session_at_each_of_the_smaller_hostels_meets_the_rest():
    text, held = frequencies.hold("A support worker holds a weekly session at each of the smaller hostels.",
                                  frequencies.read_buyer(BUYER_DROPIN))
    assert held == [] and "weekly session" in text


def test_the_route_is_its_capitalised_name_only():
    (r,) = N.routes("All referrals will come through the Eastmoor Access Hub before a worker is allocated.")
    assert r.route == "the Eastmoor Access Hub" and r.referrers == ()
    assert N.direct_route("People can refer themselves directly by phone.", [r]) is r


def test_direct_payments_in_a_referral_sentence_are_no_direct_route():
    found = N.routes(ROUTE)
    assert N.direct_route("GPs make a referral for direct payments through social care.", found) is None
    assert N.direct_route("GPs can make a direct referral to our team.", found) is not None
