"""Question intake that transfers between buyers (issue 12 item 1, session 22, spent s22 set).

The s22 writer labels a how-ask inside an including-clause ('..., including how you will X') as a sub-point of its
own; the spent sets' majority (session 23: 8 of 14) keep one with its head, and split two or more. An
including-list of nouns, or one that mixes a how-clause with nouns, stays with its head. The texts below are
written for these tests, in other words.
"""

from __future__ import annotations

import pytest

from evidencebot.compose.questions import split_question


def _points(text: str) -> list[str]:
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


def _listed(item: str) -> str:
    return ("Describe how the Service will run its drop-in. Your response should include:\n\n"
            f"- {item};\n- how you will record each visit.\n\n500 words max.")


@pytest.mark.parametrize("item, parts", [
    # one including-how qualifies its ask (session 23: 8 of 14 spent questions keep it whole)
    ("how the cafe, the allotment and the workshop will run as one programme across the town, including how you "
     "will cover the Saturday sessions",
     ["how the cafe, the allotment and the workshop will run as one programme across the town, including how you "
      "will cover the Saturday sessions"]),
    ("how you will find and train volunteer drivers for the rural villages, including how you will vet them, "
     "and how you will keep them insured",
     ["how you will find and train volunteer drivers for the rural villages", "how you will vet them",
      "how you will keep them insured"]),
    ("how the Bidder will hand people over to the housing team at the end of support, including how the Bidder "
     "will agree each handover date with the tenant and how the Bidder will tell the tenant's GP",
     ["how the Bidder will hand people over to the housing team at the end of support",
      "how the Bidder will agree each handover date with the tenant", "how the Bidder will tell the tenant's GP"]),
])
def test_how_asks_in_an_including_clause_are_sub_points_of_their_own_when_two_or_more(item, parts):
    assert _points(_listed(item)) == parts + ["how you will record each visit"]


@pytest.mark.parametrize("item", [
    "how you will run the evening groups, including the venues, the facilitators and the session plans",
    "how you will run the evening groups, including how you will choose the venues, your facilitators' training, "
    "and who signs off each session plan",
    "how you will run the evening groups, including what you will do when a facilitator is off sick",
    "your offer on debt advice, including how you will refer people to the credit union",
])
def test_an_including_list_of_nouns_or_a_mixed_list_stays_with_its_head(item):
    assert _points(_listed(item)) == [item, "how you will record each visit"]


def test_a_how_ask_in_an_including_clause_of_a_sentence_is_its_own_sub_point():
    text = ("Explain how you will support tenants moving out of the hostel into their own flats, including how you "
            "will take part in move-on planning with hostel staff and how you will work with the two landlords to "
            "avoid rent arrears. (400 words)")
    assert _points(text) == [
        "Explain how you will support tenants moving out of the hostel into their own flats",
        "how you will take part in move-on planning with hostel staff",
        "how you will work with the two landlords to avoid rent arrears"]


@pytest.mark.parametrize("guidance", [
    "Bidders should explain hands-on help, such as phoning people the day before, going with them to the surgery "
    "and booking checks in the clinic, and not only giving out leaflets.",
    "Bidders should set out active follow-up, for example home visits, texts on the morning of the appointment and "
    "lifts to the clinic, rather than letters alone.",
    "Bidders should describe direct support, e.g. help with forms, calls to the landlord and visits to the "
    "benefits office, and not just referral to the advice line.",
])
def test_guidance_examples_are_never_sub_points(guidance):
    text = ("Describe how you will help tenants keep their homes. (400 words)\n\n### Guidance\n\n" + guidance)
    points = _points(text)
    assert len(points) <= 2
    assert not any(p.lower().startswith(("such as", "for example", "e.g.", "not only", "not just", "rather than"))
                   for p in points)


@pytest.mark.parametrize("sentence, middle", [
    ("Include your approach to booking health checks, your support for diet, exercise and sleep, and how you will "
     "tell GPs the results.", "your support for diet, exercise and sleep"),
    ("Include the staff you will deploy, your training for de-escalation, first aid and lone working, and how you "
     "will check competence.", "your training for de-escalation, first aid and lone working"),
    ("Include your plan for the first month, the partners for housing, debt and employment advice, and how you will "
     "review the plan.", "the partners for housing, debt and employment advice"),
])
def test_a_bare_noun_list_inside_an_element_stays_in_that_element(sentence, middle):
    points = _points("Describe how the Service will support people at home. " + sentence + " (500 words)")
    assert len(points) == 3
    assert points[1] == middle


@pytest.mark.parametrize("sentence", [
    "Explain how you will keep records safely, including how you will meet the Council's retention schedule.",
    "Bidders should describe how complaints will be handled, including how they will tell people the outcome.",
    "Set out how you will report each measure, including how you will show trends over the year.",
])
def test_one_how_ask_in_a_sentence_s_including_clause_qualifies_its_ask(sentence):
    points = _points(sentence + " (300 words)")
    assert len(points) == 1
    assert sentence.rstrip(".").endswith(points[0])


@pytest.mark.parametrize("facts", [
    ["Complaints must be acknowledged within 2 working days of receipt.",
     "Where a complaint concerns a child, the Service must tell the Council's duty team the same day.",
     "The Service will have a named Complaints Lead at manager level."],
    ["Referrals are screened by the duty worker within 24 hours of arrival.",
     "The Provider shall keep a waiting list report that is updated every week.",
     "If a person misses two appointments, the Service must write to their GP within 5 days."],
    ["Data is submitted to the national dataset by the 10th working day of each month.",
     "The Service will attend the quarterly contract review meeting with the Council.",
     "All incidents must be reported to the Commissioners within 2 working days."],
])
def test_the_buyers_stated_standards_over_the_asks_are_context_not_sub_points(facts):
    text = ("Please describe how you will handle feedback from people, and how you will learn from complaints and "
            "incidents across the Service.\n\n**Limit:** 400 words\n\n### What the Council will look for\n\n"
            + "\n".join(f"- {f}" for f in facts))
    points = _points(text)
    assert not any(p.rstrip(".") in [f.rstrip(".") for f in facts] for p in points)
    assert any("handle feedback" in p for p in points)
