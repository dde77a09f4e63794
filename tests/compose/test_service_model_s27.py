"""The service model described from what the buyer states (issue 12, session 27).

Every panel since s22 marked Q1 'service model and access' at 1-2: the components of the service and how they work
together, the person's journey from first contact to discharge, and the bases in each district got no part, or a line
saying we will run the buyer's places ourselves from the first day. The buyer below is made up for these tests.
"""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import service_model
from evidencebot.compose.tender import assemble_tender

QUESTION = """**Buyer:** Marrowby Borough Council, jointly with NHS Marrowby Integrated Care Board

## Question 1 – Service model

The borough's two community mental health teams are run by Marrowby Care NHS Foundation Trust:

- Eastholme CMHT – Larch House, Eastholme
- Westcliff CMHT – Quarry Clinic, Westcliff (outreach clinic in Saltney)

| Facility / function | Location | Operating hours | Run by |
|---|---|---|---|
| Single Point of Access (telephone and online self-referral) | Borough-wide | 09:00–19:00, Monday to Saturday | Provider |
| Heron Lodge step-up/step-down house (6 beds) | Eastholme | 24 hours a day | Provider |
| Millbrook Wellbeing Hub | Westcliff | 10:00–17:00 Monday to Friday | Provider |
| Kestrel House crisis house (4 beds) | Westcliff | 24 hours a day | Tansy Mind |
| Crisis Resolution and Home Treatment Team | Eastholme | 24 hours a day | Marrowby Care NHS Foundation Trust |

Urgent referrals must be contacted within 4 hours.

| Ref | Question | Word limit |
|---|---|---|
| Q1 | Describe your service model. Your answer should cover: the components of the service and how they will work together; how a person moves through the service from first contact to discharge, naming the bases you will use in each locality; and how you will reach people who rarely use services. | 900 words |
"""


def test_the_buyers_model_is_read_ours_and_partners():
    model = service_model.read(QUESTION)
    ours = {c.short: c.kind for c in model.ours()}
    assert ours == {"Single Point of Access": "access", "Heron Lodge": "stepup", "Millbrook Wellbeing Hub": "hub"}
    partners = {c.short: c.runner for c in model.partners()}
    assert partners["Kestrel House"] == "Tansy Mind"
    assert [(loc.cmht, loc.base) for loc in model.localities] == [("Eastholme CMHT", "Larch House"),
                                                                  ("Westcliff CMHT", "Quarry Clinic")]
    assert model.localities[1].outreach == ["outreach clinic at Saltney"]
    assert model.timescales.get("urgent_contact") == "within 4 hours"


@pytest.mark.parametrize("part, aspects", [
    ("the components of the service and how they will work together", ["components", "journey"]),
    ("how a person moves through the service from first contact to discharge", ["journey"]),
    ("the bases and outreach locations you will use in each district", ["bases"]),
    ("how the Single Point of Access will operate, including self-referral", ["hours"]),
    ("how you will make the service accessible to older people", []),
    ("how you will hand over to the crisis team outside your operating hours", []),
])
def test_which_parts_ask_for_the_model(part, aspects):
    assert service_model.asks(part) == aspects


def test_a_step_has_only_the_timescales_the_buyer_or_profile_gives():
    text = service_model.render(service_model.read(QUESTION), ["journey"], {})
    assert "within 4 hours" in text
    # no triage or assessment time is stated by this buyer, and the profile given holds none: none is invented
    assert not re.search(r"\bwithin\s+\d+\s+(?:working\s+)?days\b", text)


def test_partners_places_are_said_with_who_runs_them():
    text = service_model.render(service_model.read(QUESTION), ["components"], {})
    assert "Kestrel House, run by Tansy Mind, for a crisis stay outside hospital" in text
    assert "We will run the Single Point of Access, Heron Lodge and the Millbrook Wellbeing Hub as one service" in text


@pytest.fixture(scope="module")
def answer(demo_db, checker):
    return assemble_tender(demo_db, QUESTION, checker=checker)


def _part(markdown: str, heading_word: str) -> str:
    for section in re.split(r"(?m)^## ", markdown):
        if section.lower().startswith(heading_word):
            return section
    return ""


def test_the_components_part_names_each_facility_and_a_journey_follows(answer):
    part = _part(answer.markdown, "components")
    for name in ("Single Point of Access", "Heron Lodge", "Millbrook Wellbeing Hub"):
        assert name in part
    steps = re.findall(r"(?m)^(\d)\. ", part)
    assert steps == ["1", "2", "3", "4"]
    assert "step down through Heron Lodge" in part


def test_the_bases_are_said_by_locality_with_the_cmht_and_outreach(answer):
    bases = _part(answer.markdown, "how a person moves")
    assert "Eastholme: Heron Lodge; CMHT link: Eastholme CMHT at Larch House" in bases
    assert "Westcliff: the Millbrook Wellbeing Hub; CMHT link: Westcliff CMHT at Quarry Clinic; outreach: outreach " \
           "clinic at Saltney" in bases


def test_no_run_it_ourselves_boilerplate_and_the_answer_is_checked(answer):
    assert "ourselves from the first day" not in answer.markdown
    assert answer.checked


NO_PARTNERS = """## Question 1 – Service model

| Facility / function | Location | Operating hours | Run by |
|---|---|---|---|
| Single Point of Access (telephone and online self-referral) | Borough-wide | 09:00–19:00, Monday to Saturday | Provider |
| Alder Court step-down flats (5 flats) | Northgate | 24 hours a day | Provider |

Describe the components of the service and how they will work together, and how a person moves through the service
from first contact to discharge. (600 words)
"""


def test_a_buyer_with_no_partner_crisis_team_and_flats_but_no_house_gets_a_journey_that_invents_no_stay():
    """(s27 review) with no partner at all the template failed ('No first item, sequence was empty'); with step-down
    flats and no step-up house it offered 'a short stay with us' that the buyer never named."""
    model = service_model.read(NO_PARTNERS)
    assert not model.partners() and model.ours("stepdown")
    text = service_model.render(model, ["components", "journey"], {})
    assert "Alder Court" in text and "3. Step-down: people leaving hospital step down into" in text
    assert "short stay" not in text and "In a crisis" not in text


PROSE = ("The provider will run the single point of access, the Ashcombe Recovery Hub (Mill Lane, Ashcombe) and the "
         "Tarrow Recovery Hub (Pier Street, Tarrow) itself. The Beacon safe haven (run by Coastal Minds) and the Dunmore "
         "drug and alcohol service are run by partners and are not part of this contract. The CMHTs are Ashcombe CMHT "
         "(Elm House, Ashcombe) and Tarrow CMHT (Pier Clinic, Tarrow, with an outreach clinic at Fenby Cottage "
         "Hospital).\n" + """

| Ref | Question | Word limit |
|---|---|---|
| Q1 | Describe how you will deliver the service from the Ashcombe Recovery Hub and the Tarrow Recovery Hub. | 500 words |
""")


def test_places_said_in_a_comma_list_sentence_are_read_and_each_cmht_keeps_its_own_outreach():
    """(s27, after its measurement: its q01 said the provider's places in one comma sentence, and named three CMHTs in
    one sentence; the model was not read and the third CMHT's outreach clinic went to the second)."""
    model = service_model.read(PROSE)
    assert {c.short for c in model.ours()} >= {"Ashcombe Recovery Hub", "Tarrow Recovery Hub"}
    assert "Coastal Minds" in {c.runner for c in model.partners()}
    outreach = {loc.cmht: loc.outreach for loc in model.localities}
    assert outreach["Ashcombe CMHT"] == [] and outreach["Tarrow CMHT"] == ["outreach clinic at Fenby Cottage Hospital"]
    assert service_model.asks("how you will deliver the service from the Ashcombe Recovery Hub") == ["bases"]
