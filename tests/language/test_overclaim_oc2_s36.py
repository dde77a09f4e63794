"""(oc2, session 36 round 2, issue 15) Structures the s36 misses and false alarms share with the spent sets, read by
the parse:

* credit: a clause under an adjective of feeling ("should be proud that ...")
  is taken as true; we alone (or with no help) winning or building a new service; "this paper's" as the owner of a
  cleft's focus; firms named as a definite set as the body made to act; one of our kinds of body with "the" set
  against everyone else in a cleft; a body named for the people it serves ("the carers' centre", "the tenants'
  union") as the one an outside body's new thing exists because of;
* counterfactual: "would otherwise have ..." said of a count or a quantity of people ("nine of the tenants", "several
  drivers who ...");
* false alarms: a guarantee word ending a name in capitals; "the next working day" is a time, not work; an answer
  by a set time is a service standard; "our hope is that ..." is an aim; a warning that the numbers are small; credit
  shared at the end of the sentence ("..., of which our team was one part"); a report that "puts" a figure "at" one in
  four is its source.

Every sentence here is new (written for these tests).
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,rule", [
    ("Volunteers can be proud that the club alone won the town's new skate park.", "overclaim.credit-claim"),
    ("The forum alone secured the county's new carers' hub.", "overclaim.credit-claim"),
    ("Without help from anyone, the charity launched the city's first peer-run crisis café.",
     "overclaim.credit-claim"),
    ("It was this newspaper's campaign that made the council restore the night bus.", "overclaim.credit-causative"),
    ("Our petition persuaded the two biggest banks to open a branch in the town.",
     "overclaim.credit-causative"),
    ("It was the drop-in club, and no one else, that got the allotments reopened.", "overclaim.contrast-cleft"),
    ("The borough's new hoarding guidance exists because the tenants' union pushed for it.",
     "overclaim.credit-causative"),
    ("Nine of the tenants I visited would otherwise have been evicted before Christmas.",
     "overclaim.counterfactual-credit"),
    ("Several drivers who came to the clinic would otherwise have lost their licences.",
     "overclaim.counterfactual-credit"),
])
def test_flags(text: str, rule: str, overclaim_checker) -> None:
    assert rule in rules_reported(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # alone, but not a new service; alone, but not ours
    "The forum alone secured a room for its meetings.",
    "The council alone built the new depot.",
    # a person's own independence, not a service won
    "She filled in her housing form with no help from anyone.",
    # a bare count of firms is not one body
    "Our volunteers persuaded 12 firms to offer work tasters.",
    # names and service standards
    "Tenants on the landlord's Safe Homes Pledge must have a gas check every year.",
    "We promise that every carer who phones us will get a reply by noon the next working day.",
    "Our hope is that the peer group will lower readmissions, and we will report whether it does.",
    "The council's new bereavement leaflet exists because the widows' families asked for it.",
    "Many callers would otherwise wait until Monday, so we open the line on Sundays.",
    "Admissions for self-harm fell because of efforts by many organisations, of which our helpline was one part.",
    "The borough's latest census profile puts the share of carers in poor health at one in four.",
    "Eight carers is a very small group, and the changes in stress we saw are within what chance alone could produce.",
])
def test_passes(text: str, overclaim_checker) -> None:
    assert not rules_reported(overclaim_checker, text), rules_reported(overclaim_checker, text)


def test_an_outside_body_set_against_everyone_is_no_credit_of_ours(overclaim_checker) -> None:
    text = "It was the health board, and no one else, that closed the ward."
    assert "overclaim.contrast-cleft" not in rules_reported(overclaim_checker, text)
