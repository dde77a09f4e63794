"""No sub-point pasted back as a promise; a place's 'we will run it' paragraph only where the part asks about running it;
no partner paragraph given twice with only the name changed (issue 12, session 27; s26 panel, spent).

The sentences here are written for these tests (a made-up county: Greyfold, Tollway, Wexley)."""

from __future__ import annotations

from evidencebot.compose import commitments as C
from evidencebot.compose.tender import _commitments, _partner_turn, Method


class _Block:
    def __init__(self, block_id):
        self.block_id = block_id


def test_a_shape_with_no_role_of_ours_to_lead_it_names_a_person_not_a_role_we_lack():
    _, lines = C.shaped("how you will reach people who live on narrowboats along the Tollway canal", "Narrowboats",
                        {"team": "Recovery Practitioners and Hub Coordinators"})
    assert lines[0].startswith("For people who live on narrowboats along the Tollway canal, a named member of our team ")


def test_a_partner_paragraph_another_answer_gave_passes_to_the_next_one_not_given():
    templates = {f"buyer named partner {n}": _Block(f"p{n}") for n in (2, 3)}
    base = _Block("p1")
    partners = ["Greyfold Foodbank Trust", "Tollway Carers Hub", "Wexley Crisis Team", "Wexley Housing Options"]
    free = _partner_turn(base, "Wexley Housing Options", partners, templates).block_id
    # four partners, three paragraphs: the fourth's turn comes round to a paragraph another answer already said
    given = _partner_turn(base, "Wexley Housing Options", partners, templates, told={free}).block_id
    assert given != free
    # every paragraph said already: it keeps its own turn (the coverage still lists the partner)
    assert _partner_turn(base, "Wexley Housing Options", partners, templates, told={"p1", "p2", "p3"}).block_id == free


def test_a_part_with_a_method_drops_the_named_ask_said_back_but_keeps_the_buyers_standard():
    named = C.Commitment("We will accept step-down referrals from the Wexley Ward and Tollway House.",
                         "Accepting step-down referrals from the Wexley Ward and Tollway House", "point",
                         names=["Wexley Ward", "Tollway House"])
    timed = C.Commitment("We will agree a planned admission within 2 working days of referral.",
                         "how you will agree a planned admission within 2 working days of referral", "point",
                         ["2 working days"])
    method = Method(units=[{"text": "The clinical lead reads each ward referral the day it arrives.", "priority": 1,
                            "block": "ward-referrals", "cont": False}])
    _commitments({"a": method}, {"a": [named, timed]})
    said = [u["text"] for u in method.units]
    assert named.text not in said and timed.text in said
    assert method.said_back == [named.asked]  # the coverage says it is not answered


def test_a_place_is_run_only_where_the_ask_is_about_running_it():
    assert C.runs_place("how you will run and staff Tollway House from the first day")
    assert C.runs_place("the components of the service and how they will work together")
    assert not C.runs_place("how the service will reach people who cannot travel to a Greyfold Hub")
    assert not C.runs_place("Agree a planned admission to Tollway House or a Wexley flat")


def test_a_partners_short_name_after_a_or_each_is_any_such_place_not_the_partner():
    from evidencebot.compose.tender import short_mention

    name = "Tollway Veterans' Wellbeing Hub"
    assert short_mention(name, "how you will refer people to the Wellbeing Hub", frozenset({"tollway"}))
    assert not short_mention(name, "how you will reach people who cannot travel to a Wellbeing Hub", frozenset({"tollway"}))
    assert not short_mention(name, "staff at each Wellbeing Hub", frozenset({"tollway"}))


def test_two_partners_named_together_are_their_staff_not_its():
    _, lines = C.shaped("how you will work with Tollway House and the Greyfold Night Café", "Crisis places",
                        {"team": "two locality team leaders"})
    assert "Tollway House and the Greyfold Night Café" in lines[0] and "their staff" in lines[0]


def test_an_expected_quantity_of_our_work_is_a_requirement_not_the_buyers_forecast():
    """(s27 review) the forecast reading ('The service is expected to handle around 2,600 referrals a year': demand,
    not a promise) also swallowed 'The Provider is expected to offer 6 sessions to each carer', a requirement."""
    from evidencebot.compose import commitments

    assert commitments.from_statement("The service is expected to handle around 2,600 referrals a year.") == ""
    assert commitments.from_statement("The Provider is expected to offer 6 sessions to each carer.") == \
        "We will offer 6 sessions to each carer."
