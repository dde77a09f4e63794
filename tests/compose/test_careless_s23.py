"""What a panel reads as careless: names, labels, repeats and self-contradiction (issue 12, session 23).

The s22 panel (tests/data/heldout/s22/panel) read a bid whose service name was cut at its slash ('Step-Down and
Wellbeing Service' for '... Recovery, Step-Up/Step-Down and Wellbeing Service'), that named our safeguarding lead in a
blind answer, whose '4.2' heading came out as '**) Planning ...**' ('4.2' read as a date beside 'discharge'), that
said one partner paragraph word for word for three partners, and that contradicted itself: day hours under a night
question, a 'monthly' contract review where the buyer's is quarterly, 'clinical leads 7.7' beside the buyer's one
Clinical Lead, two establishments (89.2 and 65.1 WTE) and a rural sentence to a metropolitan borough. The buyers,
names and numbers below are ours.
"""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import anonymity, askfit, buyer_facts, consistency, tender_profile
from evidencebot.compose import buyer_scale as bs
from evidencebot.compose.tender import _heading_without, _partner_turn, must_fix

# 1. a service name with a slash or a comma in it -------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("**Lot:** Lot 3 – Adult Recovery, Crisis Café/Sanctuary and Peer Support Service (adults aged 18+)\n\n"
     "The Adult Recovery, Crisis Café/Sanctuary and Peer Support Service will start on 1 May 2027.",
     "Adult Recovery, Crisis Café/Sanctuary and Peer Support Service"),
    ("Northfold City Council is commissioning one Northfold Wellbeing, Step-In/Step-Out and Housing Support Service "
     "(the Service) for adults.", "Northfold Wellbeing, Step-In/Step-Out and Housing Support Service"),
])
def test_a_slash_or_a_comma_in_the_buyers_service_name_does_not_cut_it(text, name):
    assert tender_profile.read_facts(text)["service"].value == name


# 2. a blind answer names roles, never our staff --------------------------------------------------------------------

STAFF = {"provider": "Kestrel Row Trust", "safeguarding_lead": "Tomasz Ilić", "service_manager": "Grace Mbeki",
         "service": "Kestrel Row Recovery Service"}


@pytest.mark.parametrize("sentence, said", [
    ("Tomasz Ilić is the named safeguarding lead for the service: they advise on every concern.",
     "We have a named safeguarding lead for the service: they advise on every concern."),
    ("The safeguarding lead, Tomasz Ilić, runs a learning session every quarter.",
     "The safeguarding lead runs a learning session every quarter."),
    ("Mobilisation is led by the service manager, Grace Mbeki, who reports to the Kestrel Row Trust board.",
     "Mobilisation is led by the service manager who reports to our board."),
])
def test_our_staff_are_said_by_their_role(sentence, said):
    assert anonymity.anonymise(sentence, anonymity.names(STAFF)) == said


def test_the_answer_to_submit_names_no_member_of_staff_unless_asked(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.store.blocks import get_profile

    profile = get_profile(demo_db)
    question = ("Question 6.1 – Safeguarding leadership\n\nDescribe who leads safeguarding in the service, how "
                "concerns are escalated and how staff learn from safeguarding reviews. (Maximum 250 words)\n")
    answer = assemble_tender(demo_db, question, checker=checker, today="2026-12-02")
    assert not answer.anonymous  # the buyer did not ask: the body names roles by default all the same
    for name in (profile["safeguarding_lead"], profile["service_manager"]):
        assert name not in answer.markdown, name
    assert "safeguarding lead" in answer.markdown.lower() and not answer.findings


# 3. a part's numbered label stays whole ----------------------------------------------------------------------------


@pytest.mark.parametrize("heading", [
    "6.1) Planning each person's discharge from the Harlow Ward and follow-up after they leave",
    "3.2) How people are discharged from Fenwick House and followed up",
])
def test_a_numbered_label_beside_discharge_is_no_date(checker, heading):
    assert not [f for f in checker.check_text(heading) if must_fix(f)]


class _Flags:
    """A checker that flags nothing (the heading's rest is clean)."""

    def check_text(self, text):
        return []


@pytest.mark.parametrize("heading, flagged, rest", [
    ("4.2) Planning each discharge from Alder Court", "4.2", "Planning each discharge from Alder Court"),
    ("## B3) Leaving Fenwick House with a named worker", "B3", "Leaving Fenwick House with a named worker"),
])
def test_a_finding_on_the_label_never_cuts_it(heading, flagged, rest):
    out = _heading_without(heading, flagged, _Flags())
    assert out == rest and not out.startswith((")", "."))


# 4. one partner paragraph is never said for several partners -------------------------------------------------------


class _Block:
    def __init__(self, block_id):
        self.block_id = block_id


def test_each_partner_of_a_tender_gets_its_own_paragraph_whichever_answer_names_it():
    templates = {f"buyer named partner {n}": _Block(f"p{n}") for n in (2, 3, 4)}
    base = _Block("p1")
    partners = ["Ouseburn Recovery Partnership", "Move More Harlow", "Harlow Voices network"]
    got = {p: _partner_turn(base, p, partners, templates).block_id for p in partners}
    assert len(set(got.values())) == 3, got
    # the same partner gets the same paragraph whatever order the tender's questions name them in
    assert _partner_turn(base, partners[1], list(reversed(partners)), templates).block_id == got[partners[1]]


# 5. contradictions within one answer set ---------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [
    "## (c) Keeping Fenwick House safe overnight\n\nLate sessions within our opening hours (9am to 9pm on weekdays) "
    "are staffed on a rota.",
    "**Staffing the crisis house at night and at weekends**\n\nEach session between 10am and 6pm has a duty worker "
    "and a peer support worker on shift.",
])
def test_day_hours_under_a_night_question_are_found(answer):
    found = consistency.check_answers([("Q4", answer)])
    assert [c.kind for c in found] == ["night"], [c.describe() for c in found]


def test_night_cover_said_with_its_hours_is_not_a_contradiction():
    answer = ("## Keeping Fenwick House safe overnight\n\nTwo waking night staff are on shift from 9pm to 8am, with a "
              "manager on call.")
    assert not consistency.check_answers([("Q4", answer)])


def test_the_evening_sessions_block_does_not_answer_a_night_question():
    assert askfit.text_misfit("how you will keep the crisis house safe at night and at weekends",
                              "Staffing the evening and weekend sessions")
    assert askfit.text_misfit("staffing in the evenings, at night and at weekends",
                              "Staffing the evening and weekend sessions") is None


@pytest.mark.parametrize("sentence, buyer, kind", [
    ("In rural areas workers plan visits by area on set days.", "Harlow City Council, an inner-city borough", "rural"),
    ("Across coastal communities we run drop-ins at the harbour.", "Wexmoor County, a rural county", "coastal"),
])
def test_a_sentence_for_a_kind_of_place_the_buyer_never_names_is_found(sentence, buyer, kind):
    assert consistency.place_kind_unsaid(sentence, buyer) == kind
    found = consistency.against_buyer([("Q1", sentence)], [("q01", buyer)])
    assert [c.kind for c in found] == ["place"]
    assert not consistency.place_kind_unsaid(sentence, buyer + f", with {kind} areas")


def test_two_establishments_in_one_bid_are_found():
    found = consistency.check_answers([
        ("Q2", "The funded establishment is 71.4 whole-time-equivalent posts for this contract."),
        ("Q8", "The funded establishment is 58.0 whole-time-equivalent posts for this contract, meeting every minimum.")])
    assert [c.kind for c in found] == ["fact"] and "establishment" in found[0].label


@pytest.mark.parametrize("sentence, months", [
    ("The Provider must submit to the data set every month from May 2027, attend quarterly contract review meetings "
     "and publish an annual report.", 3.0),
    ("Bidders will report waits each month and attend six-monthly contract review meetings with the Council.", 6.0),
])
def test_a_reviews_schedule_is_the_one_nearest_it(sentence, months):
    (_, _, sch), = buyer_facts._reviews(sentence)
    assert sch.months[0] == months, sch.text


TABLE = """\
The Service must have a Team Manager (1.0 WTE) and a Clinical Lead (1.0 WTE) from the start date.

| Role | Minimum establishment | Caseload cap |
|---|---|---|
| Recovery Workers | at least {rw} WTE | no more than {cap} people per 1.0 WTE |
| Peer Support Workers | at least 6.0 WTE | no more than 12 people per 1.0 WTE |
"""
OURS = {"caseload": "up to 25 people for each whole-time recovery worker",
        "capacity": "about 300 people at any one time",
        "team_wte": "13.0 whole-time-equivalent posts: service manager 1.0, clinical leads 2.0 (two posts), recovery "
                    "workers 8.0 and peer support workers 2.0"}


@pytest.mark.parametrize("rw, cap, people", [("20.0", 25, 560), ("30.0", 20, 650)])
def test_the_establishment_is_the_buyers_minimums_when_they_hold_its_people(rw, cap, people):
    table = TABLE.format(rw=rw, cap=cap)
    alone = bs.adapt(OURS, bs.read(table), other_buyer=True, minimums=bs.role_minimums(table))[0]["team_wte"]
    whole = table + f"\nAn active caseload of approximately {people} people at any one time.\n"
    told = bs.adapt(OURS, bs.read(whole), other_buyer=True, minimums=bs.role_minimums(whole))[0]["team_wte"]
    # one establishment, whether or not the answer's text gives the people open; with them, the sum of the people its
    # capped roles hold at the caps is said after the roles (session 28)
    assert told.split("; at the specification's caseload caps")[0] == alone, (told, alone)
    assert f"for the {people} people open" in told
    roles = dict(re.findall(r"([a-z][a-z ]+?) (\d+\.\d)", alone.split(":", 1)[1]))
    assert float(roles["clinical leads"]) == 2.0  # the buyer's one Clinical Lead: ours unscaled
    assert float(roles["recovery workers"]) == float(rw)


@pytest.mark.parametrize("buyer, ours", [
    ("The Bidder will take part in the monthly Harlow Crisis Pathway Review meeting.",
     "The service manager and a director attend the quarterly contract review with Harlow City Council."),
    ("Providers must attend the Wexmoor Discharge Review group every month.",
     "We report discharge figures at the quarterly contract review with Wexmoor County Council."),
])
def test_another_review_of_the_buyers_is_not_held_against_ours(buyer, ours):
    facts = [f for f in buyer_facts.read(buyer) if f.kind == "cadence"]
    assert facts  # the buyer's review is read ...
    assert buyer_facts.hold(ours, facts) == (ours, [])  # ... and ours, a review of something else, keeps its schedule


@pytest.mark.parametrize("ask, named", [
    ("Please give the named individuals who will lead the service.", True),
    ("Provide the names and roles of your key staff.", True),
    ("Describe how you will safeguard adults at risk, and who leads it.", False),
    ("Name the role that will attend the monthly review.", False),
])
def test_a_question_that_asks_for_people_by_name_keeps_them(ask, named):
    from evidencebot.compose import anonymity

    assert anonymity.names_asked(ask) is named


@pytest.mark.parametrize("sentence, ours, not_ours", [
    ("The Provider will run the three Community Recovery Teams, Foundry Lodge, the Market Row Wellbeing Hub and the "
     "Market Row Safe Haven.", ["the Foundry Lodge", "the Market Row Wellbeing Hub", "the Market Row Safe Haven"], []),
    ("The successful provider will staff the two Locality Teams, Birch Lodge and the Quayside Safe Haven.",
     ["the Birch Lodge", "the Quayside Safe Haven"], []),
    ("The Provider will run the four Recovery Teams, while the Lanterns Crisis House is run by Haven Minds.",
     [], ["the Lanterns Crisis House"]),
])
def test_places_the_buyer_says_we_run_after_a_list_item_that_is_no_place(sentence, ours, not_ours):
    """s23 (spent): 'The Provider will run the three Community Recovery Teams, Foundry Lodge, ...' read no place (the
    list opened with teams), so the answers agreed 'with the Market Row Safe Haven how referrals pass between us'."""
    from evidencebot.compose import tender_profile as P

    names = [name for name, _ in P.base_names(sentence)]
    assert set(ours) <= set(names) and not set(not_ours) & set(names), names


def test_the_provider_said_again_as_it_is_us():
    from evidencebot.compose import commitments as C

    said = [c.text for c in C.fallback("The Provider will run Birch Lodge and the Quayside Safe Haven; it will not run "
                                       "the crisis line or the street triage car.")]
    assert said == ["We will run Birch Lodge and the Quayside Safe Haven; we will not run the crisis line or the street "
                    "triage car."]
    assert C.our_voice("open the Safe Haven; it will open at 5pm") == "open the Safe Haven; it will open at 5pm"


def test_only_a_step_timed_from_the_contracts_timeline_yields_to_the_buyers_milestone_date():
    """s23 q11 (spent): 'we tell the commissioner within two working days of any serious incident' became 'by 30 October
    2026 serious incident' (the milestone 'Final mobilisation plan and risk register agreed', sharing 'risk register')."""
    from evidencebot.compose import buyer_mobilisation as B

    dates = [("2 November 2026", "Mobilisation plan and risk register signed off by the commissioners"),
             ("8 January 2027", "Measures letter sent to the outgoing provider")]
    incident = ("Between meetings we tell the commissioners within two working days of any serious incident and within "
                "five working days of any high risk on our register.")
    assert B.hold_to_dates(incident, dates) == (incident, [])
    text, changed = B.hold_to_dates("Within three weeks of award we send the outgoing provider the measures letter.", dates)
    assert text.startswith("By 8 January 2027 we send") and changed == [("Within three weeks of award", "8 January 2027")]


def test_a_note_on_how_to_write_is_no_sub_point():
    """s23 q04 (spent): 'Bidders should describe the Provider's contribution to that process rather than restate it'
    became a part headed "Provider's contribution to that process rather than restate it" (the writer's labels: no
    sub-point). Known gap: the same note in a question without a list before it is still read as an ask."""
    from pathlib import Path

    from evidencebot.compose.questions import plan_question

    q = (Path(__file__).parents[1] / "data/heldout/s23/questions/q04.md").read_text(encoding="utf-8")
    labels = [p.label for p in plan_question(q, None).points]
    assert len(labels) == 4 and not any("rather than" in label for label in labels), labels
