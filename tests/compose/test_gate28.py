"""The buyer's gate opens its part; milestones come with our steps; the buyer's hours for our places are our
commitment (issue 12, session 28).

The s27 panel (tests/data/heldout/s27/panel/, spent) capped Q11 at 2: the required confirmation about the buyer's
step-up house was missing (the checker had read the house's name as a person's and cut the sentence); the mobilisation
part said the buyer's milestone table back with no step under any row; and the service model never committed to the
hours the buyer set for the single point of access and the hubs. The buyers, places and sentences below are made up.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from evidencebot.compose import buyer_mobilisation, gates, service_model
from evidencebot.compose.tender import COMMITMENT, Section, Unit, _hold_to_buyer_facts, assemble_tender
from evidencebot.language.checker import Checker


def _unit(text: str, paragraph: int) -> Unit:
    return Unit(text=text, priority=0, refs=[f"block:{COMMITMENT}"], paragraph=paragraph)


def _gate(sentence: str, key: str = "b") -> gates.Gate:
    g = gates.read(sentence)[0]
    g.key, g.commitment = key, gates.our_sentence(g)
    return g


def test_an_added_gate_sentence_is_the_first_paragraph_of_its_part():
    g = _gate('Answers will not score above 1 unless they include the statement: "We confirm that Linnet Court will '
              'open to its first resident on 3 May 2027."')
    sec = Section(point=SimpleNamespace(key="b", label="b"), units=[
        Unit(text="The house manager keeps a rota of two staff on each night shift.", paragraph=0),
        Unit(text="Residents meet their key worker on the day they arrive.", paragraph=1)])
    gates.as_worded([g], [sec], _unit)
    assert sec.paragraphs()[0] == "We confirm that Linnet Court will open to its first resident on 3 May 2027."
    assert len(sec.paragraphs()) == 3


def test_a_gate_sentence_already_said_late_in_its_part_is_moved_to_open_it():
    g = _gate("Responses will not score above 2 unless the bidder confirms that it will answer the Fenwick advice "
              "line from 9am to 9pm every day.")
    said = "We will answer the Fenwick advice line from 9am to 9pm every day."
    sec = Section(point=SimpleNamespace(key="b", label="b"), units=[
        Unit(text="Calls go to the duty worker first.", paragraph=0),
        Unit(text="A senior practitioner reviews any call about risk the same day.", paragraph=1),
        _unit(said, 2)])
    gates.as_worded([g], [sec], _unit)
    assert sec.paragraphs()[0] == said
    assert sum(p.count(said) for p in sec.paragraphs()) == 1


def test_a_gate_sentence_another_sentence_leans_on_is_left_where_it_is():
    g = _gate("Responses will not score above 2 unless the bidder confirms that it will answer the Fenwick advice "
              "line from 9am to 9pm every day.")
    said = "We will answer the Fenwick advice line from 9am to 9pm every day."
    sec = Section(point=SimpleNamespace(key="b", label="b"), units=[
        Unit(text="Calls go to the duty worker first.", paragraph=0), _unit(said, 1),
        Unit(text="Outside those hours a message gives the crisis number.", paragraph=1, parent=1)])
    gates.as_worded([g], [sec], _unit)
    assert sec.paragraphs()[0] == "Calls go to the duty worker first."


def test_a_building_named_for_its_outlook_is_not_read_as_a_person():
    found = Checker().check_text("We confirm that Quarry View will be registered with the CQC and ready to take "
                                 "its first admission on 2 June 2027.")
    assert not [f for f in found if f.rule.startswith("privacy.")], found


def test_each_buyer_milestone_gets_steps_with_a_role_and_a_time_relative_to_it():
    said = buyer_mobilisation.steps("CQC registration application for Linnet Court submitted")
    assert len(said) >= 2
    for s in said:
        assert re.search(r"\b(?:before|after|by|on|at|from|each|during|within)\b", s.split(",")[0], re.I), s
        assert re.search(r"\bthe (?:service manager|nominated individual|head of people|clinical lead|director|"
                         r"data and quality officer|locality team leaders|mobilisation group)\b", s), s
    # no date of our own reckoning: the buyer's date is the row's
    assert not any(re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", s) for s in said)
    # a milestone we have no steps written for still gets an owner and a weekly check, not nothing
    other = buyer_mobilisation.steps("Ferry timetable for staff agreed with the harbour board")
    assert other and all("this milestone" in s or "this date" in s for s in other)
    # the start of the service and its staff transfer is the start, not a TUPE consultation
    assert "opens the service" in " ".join(buyer_mobilisation.steps("Service Commencement Date and TUPE transfer"))


def test_the_steps_pass_our_own_checker():
    text = "\n\n".join(" ".join(buyer_mobilisation.steps(m)) for m in (
        "Contract signed", "Employee liability information received from the current providers",
        "Caseload transfer plan agreed", "Readiness review (go/no-go)", "Linnet Court lease signed and keys handed over",
        "Records migrated and systems tested", "First quarterly performance report"))
    assert not Checker().check_text(text)


ISLAND = """## Question 2 – Service model

| Ref | Question | Guidance |
|---|---|---|
| Q2 | Describe the service model you will operate, including how you will deliver the service from the Wrenford Recovery Hub, the Eastmoor Recovery Hub and Linnet Court. | The provider will run the single point of access, the Wrenford Recovery Hub (Mill Street, Wrenford), the Eastmoor Recovery Hub (Dock Road, Eastmoor), Linnet Court (6 bedrooms, 4 Chapel Row, Wrenford) and the outreach service itself. The Tern Safe Haven, run by Coastal Minds, opens 6pm to midnight. The single point of access must be open 9am to 9pm, seven days a week, by telephone and text; both Recovery Hubs must be open 9am to 6pm Monday to Friday and 10am to 2pm on Saturdays; Linnet Court step-up/step-down house is staffed 24 hours a day, 365 days a year. |
"""


def test_the_hours_the_buyer_sets_for_our_places_are_read_as_our_commitment():
    model = service_model.read(ISLAND)
    said = [c.sentence for c in model.cover]
    assert "We will keep the single point of access open 9am to 9pm, seven days a week." in said
    assert ("We will keep both Recovery Hubs open 9am to 6pm Monday to Friday and 10am to 2pm on Saturdays." in said)
    assert "We will staff Linnet Court step-up/step-down house 24 hours a day, 365 days a year." in said
    # a partner's place: its hours are not ours to promise
    assert not any("Tern" in s or "midnight" in s for s in said)


def test_the_cover_opens_the_first_part_given_the_model_and_is_said_once():
    model = service_model.read(ISLAND)
    first = service_model.render(model, ["bases", "hours"], {"local_hours": "9am to 5pm Monday to Friday"}, cover=True)
    lines = [ln for ln in first.splitlines() if ln.strip()]
    assert lines[0].startswith("[0] We will keep the single point of access open 9am to 9pm")
    # the buyer sets the hours: our current service's own hours are not said beside them
    assert "9am to 5pm" not in first
    later = service_model.render(model, ["hours"], {}, cover=False)
    assert "We will staff Linnet Court" not in later


def test_the_buyers_hours_said_by_us_are_not_cut_as_our_current_services_hours():
    said = "We will keep the single point of access open 9am to 9pm, seven days a week."
    sec = Section(point=SimpleNamespace(key="a", label="a"), units=[Unit(text=said)])
    _hold_to_buyer_facts([sec], [], "seven days a week", {said})
    assert sec.units[0].kept
    other = Section(point=SimpleNamespace(key="a", label="a"),
                    units=[Unit(text="Our duty line is open seven days a week.")])
    _hold_to_buyer_facts([other], [], "seven days a week", {said})
    assert not other.units[0].kept


MOBILISATION = """## Question 6 – Mobilisation

The Commissioners expect the following milestones:

| Milestone | Date |
|---|---|
| Contract signed | by 6 November 2026 |
| Mobilisation kick-off meeting with the Commissioners | week commencing 16 November 2026 |
| Employee liability information received from the current provider | by 11 December 2026 |
| CQC registration application for Linnet Court submitted | by 15 January 2027 |
| Readiness review with the Commissioners | 12 March 2027 |
| Service Commencement Date | 1 April 2027 |

Please describe how you will mobilise the service. Your answer should address:

(a) your mobilisation governance and team;

(b) how you will transfer the people currently supported without a break in their support.

Limit: 700 words.
"""


@pytest.fixture(scope="module")
def mobilised(demo_db, checker):
    return assemble_tender(demo_db, MOBILISATION, checker=checker)


def test_a_part_on_mobilising_takes_the_buyers_milestones_each_with_a_step_of_ours(mobilised):
    part = re.split(r"(?m)^## ", mobilised.markdown)[1]
    assert part.lower().startswith("a) mobilisation governance")
    paragraphs = [p for p in part.split("\n\n")[1:] if p.strip()]
    for milestone in ("Contract signed", "Mobilisation kick-off meeting", "Employee liability information",
                      "CQC registration application for Linnet Court", "Readiness review", "Service Commencement Date"):
        para = next((p for p in paragraphs if milestone in p), "")
        assert para, milestone
        after = para[para.find(milestone):].split(". ", 1)[1:]
        assert after and re.search(r"\b(?:before|by this date|on the day|at the meeting)\b", after[0], re.I), para
    # the buyer's week, said so that it does not read as a contract start on that day
    assert "In the week of 16 November 2026: Mobilisation kick-off meeting" in part
    assert mobilised.checked and not mobilised.findings


def test_the_moved_gate_sentence_is_first_in_the_part_so_the_checker_can_find_it():
    g = _gate("Responses will not score above 2 unless the bidder confirms that it will answer the Fenwick advice "
              "line from 9am to 9pm every day.")
    lean = Unit(text="The duty worker takes those calls.", paragraph=1)
    sec = Section(point=SimpleNamespace(key="b", label="b"), units=[
        Unit(text="Calls go to the duty worker first.", paragraph=0), lean,
        Unit(text="Each call is logged.", paragraph=1, parent=1)])
    gates.as_worded([g], [sec], _unit)
    assert sec.units[0].text == gates.our_sentence(g)
    # a sentence that leaned on another still leans on the same one after the move
    assert sec.units[sec.units[3].parent] is lean
