"""Careless reading, second pass (issue 12, session 23; w23b): the s22 panel's items w23 left open, by structure.

One place said twice by its short and long name; a stray unit in the establishment list; the buyer's long service name
without its article; the buyer's own staff group ('the ... team') written as a partner; our own bare timing of a step
the buyer has dated. The buyers, names and dates below are ours.
"""

from __future__ import annotations

import pytest

from evidencebot.compose import buyer_mobilisation as bm
from evidencebot.compose import buyer_scale as bs
from evidencebot.compose.library import fill

# 3. the buyer's long service name takes 'the' ----------------------------------------------------------------------

LONG = {"service": "Tarnmoor Recovery, Crisis Café/Sanctuary and Peer Support Service"}


@pytest.mark.parametrize("template, said", [
    ("Anyone discharged from {service} can come back.",
     "Anyone discharged from the Tarnmoor Recovery, Crisis Café/Sanctuary and Peer Support Service can come back."),
    ("{service} is open late.", "The Tarnmoor Recovery, Crisis Café/Sanctuary and Peer Support Service is open late."),
    ("People who use the {service} meet.",
     "People who use the Tarnmoor Recovery, Crisis Café/Sanctuary and Peer Support Service meet."),
])
def test_the_buyers_long_service_name_is_said_with_its_article(template, said):
    assert fill(template, LONG)[0] == said


def test_a_short_service_name_of_our_own_keeps_no_article():
    assert fill("Anyone discharged from {service} can come back.", {"service": "Tarnmoor Recovery Hub"})[0] == \
        "Anyone discharged from Tarnmoor Recovery Hub can come back."


# 2. no stray unit in the establishment list ------------------------------------------------------------------------


def test_a_role_named_by_its_place_takes_its_article_not_a_unit_on_the_figure_before_it():
    said = bs._roles_text([("service lead", 1.0), ("wellbeing practitioners", 2.0), ("Fenwick Lodge manager", 1.0),
                           ("peer lead", 1.0)])
    assert said == "service lead 1.0, wellbeing practitioners 2.0, the Fenwick Lodge manager 1.0 and peer lead 1.0"
    assert "WTE" not in said


# 4. the team of a staff group the buyer sets is ours ---------------------------------------------------------------

STAFFING = ("| Role | Minimum |\n|---|---|\n| Recovery workers | at least 20.0 WTE |\n"
            "| Fenwick Lodge support workers | at least 12.0 WTE |\n| Fenwick Lodge nurses | at least 5.0 WTE |\n")


@pytest.mark.parametrize("name, ours", [
    ("the Fenwick Lodge team", True),
    ("Fenwick Lodge support workers", True),
    ("the Tarnmoor North CMHT", False),
    ("the Home Treatment team", False),
])
def test_the_team_of_a_staff_group_the_buyer_sets_is_ours(name, ours):
    assert bs.is_role(name, bs.staff_roles(STAFFING)) is ours


# 5. the buyer's dated milestone on the same event holds over our bare timing ----------------------------------------

MILESTONES = ("| 3 February 2027 | Contract signed |\n| 2 March 2027 | Clinical record system live in test |\n"
              "| 15 March 2027 | Readiness review with the commissioners |\n| 1 April 2027 | Service start |\n")


def test_our_bare_timing_of_the_buyers_dated_event_says_its_date():
    text, moved = bm.hold_to_dates("The commissioner signs off our readiness checklist two weeks before go-live.",
                                   bm.dated(MILESTONES))
    assert text == "The commissioner signs off our readiness checklist by 15 March 2027."
    assert moved == [("two weeks before go-live", "15 March 2027")]


@pytest.mark.parametrize("sentence", [
    "The clinical lead signs off the induction plan two weeks before go-live.",  # a word of a milestone, not its event
    "We hold a welcome day for the team one week before go-live.",  # no milestone named
])
def test_a_bare_timing_of_a_step_the_buyer_has_not_dated_stays(sentence):
    assert bm.hold_to_dates(sentence, bm.dated(MILESTONES)) == (sentence, [])


def test_the_buyers_table_read_twice_still_names_its_event():
    # the question's table and the tender's facts both hold it (s22 q10: the draft kept 'two weeks before go-live')
    text, _ = bm.hold_to_dates("We sign off the readiness checklist two weeks before go-live.",
                               bm.dated(MILESTONES + "\n" + MILESTONES))
    assert text == "We sign off the readiness checklist by 15 March 2027."
