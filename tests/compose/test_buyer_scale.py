"""The buyer's quantities over our service profile's (issue 12; the s11 panel's contradictions 1-4).

On e5ae978 (session 13's start) the answer to a workforce question whose buyer caps caseloads at 30, names four
localities, employs 118 WTE and transfers 104 staff said "Caseloads are up to 55 people for each whole-time recovery
worker", "two locality team leaders", "cover from the other locality", "The funded establishment is 14.0
whole-time-equivalent posts" and "room for about 435 people at any one time"; the answer to a discharge question
asking for contact within 48 hours of being told of a discharge said "first contact within 72 hours of discharge";
and an answer to another buyer stated our team's size as the contract's. Each test here fails on that code."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import buyer_scale

WORKFORCE_Q = """Q5.2 Workforce

The three incumbent services currently employ 118 WTE staff between them, across four localities (Northgate; Eastholme
and Vale; Tarnside; Westerby). The Commissioners' staff list identifies 104 staff who may transfer under TUPE. The
Specification requires no practitioner to hold a caseload above 30 people.

Bidders should set out their proposed workforce model. Your response must address the following:

- the proposed staffing establishment by role, banding and locality, and how it links to forecast demand
- how you will cover vacancies and sickness
- how you will keep caseloads safe and within the cap of 30, and what you will do when the cap is reached

Maximum 600 words."""

DISCHARGE_Q = """4.3 Leaving hospital

At 31 March 2026 there were 2,150 people on open caseloads. The Specification requires the provider to make contact
within 48 hours of being told of a discharge and to see the person face to face within 7 days.

Describe how you will support people referred to the service when they leave hospital or crisis care, and how you
will manage caseloads and capacity as demand grows.

Maximum 500 words."""

OTHER_BUYER_Q = """Question 7 - Staffing (NHS Westmoor Integrated Care Board)

Describe your staffing structure and caseload sizes, and how you will cover vacancies.

Maximum 400 words."""


def _sentences(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#") and "[To " not in line)
    return [s for s in re.split(r"(?<=[.;])\s+", body) if s.strip()]


@pytest.fixture(scope="module")
def workforce(demo_db):
    from evidencebot.compose.tender import assemble_tender

    return assemble_tender(demo_db, WORKFORCE_Q, today="2026-12-02")


@pytest.fixture(scope="module")
def discharge(demo_db):
    from evidencebot.compose.tender import assemble_tender

    return assemble_tender(demo_db, DISCHARGE_Q, today="2026-12-02")


def test_the_buyers_quantities_are_read():
    got = {q.kind: q.value for q in buyer_scale.read(WORKFORCE_Q + "\n" + DISCHARGE_Q)}
    assert got == {"caseload_cap": 30, "open_caseload": 2150, "workforce": 118, "tupe_staff": 104, "localities": 4,
                   "discharge_contact": 48}
    # a per-worker cap is never the number of people open, and our own profile's words are not the buyer's
    assert buyer_scale.read("No recovery worker may hold a caseload of more than 25 people.")[0].kind == "caseload_cap"
    assert not buyer_scale.read("Describe how you will keep caseloads safe.")


def test_caseloads_commit_to_the_buyers_cap_never_our_55(workforce):
    text = workforce.markdown
    assert "up to 55" not in text and "55 each" not in text
    assert re.search(r"more than 30 people|no more than 30 people", text)
    row = next(c for c in workforce.comparisons if c["label"] == "caseload per practitioner")
    assert "55" in row["ours"] and row["status"].startswith("committed to the buyer's cap of 30")
    assert not workforce.findings and not workforce.tender_clashes


def test_four_localities_are_not_answered_with_our_two(workforce):
    text = workforce.markdown
    assert "two locality team leaders" not in text and "the other locality" not in text
    assert "North:" not in text
    # what stands instead: the comparison is listed for the writer, and the cover sentence is kept, reworded
    # (the absences above alone would pass on a part emptied to '[To write]')
    assert "localities" in {c["label"] for c in workforce.comparisons}
    assert "cover from another locality" in text and "Each locality has a team leader" in text


def test_our_establishment_is_not_given_beside_the_buyers_118_wte_and_104_transferring(workforce):
    text = workforce.markdown
    assert "14.0 whole-time-equivalent" not in text and "14.0 WTE" not in text
    labels = {c["label"] for c in workforce.comparisons}
    assert {"staff employed in the services now", "staff who may transfer under TUPE"} <= labels


def test_our_capacity_is_not_given_beside_the_buyers_people_open(discharge):
    assert "435" not in discharge.markdown
    assert any(c["label"] == "people open to the service" for c in discharge.comparisons)


REFERRAL_Q = """4.1 Referral

Set out how people will be referred into the service, including self-referral.

Maximum 300 words."""


def test_contact_after_discharge_is_the_buyers_48_hours_from_another_question_of_the_tender(demo_db, discharge):
    # the step-down route's sentence is kept with the buyer's timescale (another question of the tender states it),
    # not dropped as slower than the buyer's nor said with our 72 hours
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, REFERRAL_Q, today="2026-12-02", buyer_context=DISCHARGE_Q)
    assert "first contact within 48 hours of being told of a discharge" in answer.markdown
    assert "72 hours of discharge" not in answer.markdown + discharge.markdown
    assert not answer.findings and not discharge.findings


def test_tupe_staff_alone_keep_our_establishment_out():
    profile = {"team_wte": "14.0 whole-time-equivalent posts: ...", "team": "a service manager and ...",
               "capacity": "about 435 people at any one time", "caseload": "up to 55 people for each worker"}
    out, notes = buyer_scale.adapt(profile, buyer_scale.read("There are 104 staff who may transfer under TUPE."),
                                   other_buyer=True)
    assert not {"team_wte", "team", "capacity"} & {k for k, v in out.items() if v}
    assert out["caseload"] == profile["caseload"] and [n.kind for n in notes] == ["tupe_staff"]
    # a buyer whose figures ours meets changes nothing
    out, notes = buyer_scale.adapt(profile, buyer_scale.read("Caseloads must not exceed 60."), other_buyer=True)
    assert out == profile and not notes


def test_our_current_size_is_said_as_current_practice_to_another_buyer(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, OTHER_BUYER_Q, today="2026-12-02")
    said = [s for s in _sentences(answer.markdown) if re.search(r"14\.0 whole-time|up to 55 people|about 435", s)]
    assert said, answer.markdown
    # a repeated 'In our current service, ' opener is varied with another current-practice opener
    # (phrasebank/proofread.yaml, polish38), never said as this contract's
    assert all(re.match(r"(?:In our current service|At present|Today|In the service we run now), ", s) for s in said), said
    assert not answer.findings


def test_framing_leaves_the_buyers_figure_and_other_sentences_alone():
    profile = {"caseload": "up to 55 people for each whole-time recovery worker",
               "team_wte": "14.0 whole-time-equivalent posts: service manager 1.0"}
    filled = dict(profile, caseload="no more than 30 people for each practitioner, the specification's cap")
    assert buyer_scale.frame_current("The funded establishment is 14.0 whole-time-equivalent posts: service manager 1.0.",
                                     profile, filled) == \
        "In our current service, the funded establishment is 14.0 whole-time-equivalent posts: service manager 1.0."
    caps = "Caseloads are no more than 30 people for each practitioner, the specification's cap."
    assert buyer_scale.frame_current(caps, profile, filled) == caps
    assert buyer_scale.frame_current("Each locality has a team leader.", profile, filled) == "Each locality has a team leader."
    frame = buyer_scale.current_framer(profile, filled)  # one answer's sentences, the answer-wide work done once
    for text in ("The funded establishment is 14.0 whole-time-equivalent posts: service manager 1.0.", caps,
                 "Each locality has a team leader.", "Today the team is 14.0 whole-time-equivalent posts: service manager 1.0."):
        assert frame(text) == buyer_scale.frame_current(text, profile, filled)


def test_one_home_for_the_size_fields_the_sentences_and_the_swap_patterns():
    """The size of our current team is one list (``scale.size_fields``) read by buyer_terms and buyer_scale alike;
    the buyer's sentences are split once per tender text (fails on the old code: a new list each call); a swap's
    pattern is compiled once."""
    from evidencebot.compose import buyer_standards, buyer_terms

    assert buyer_terms.size_fields() == ["team", "team_wte", "capacity", "team_by_locality"]
    text = "Caseloads must not exceed 30. There are 104 staff who may transfer under TUPE; both localities."
    assert buyer_standards._sentences(text) is buyer_standards._sentences(text)
    got = buyer_scale.read("You will report performance and outcomes to the Lot 3 Quality and Performance Review Group.")
    first, again = buyer_scale.swaps(got), buyer_scale.swaps(got)
    assert len(first) == 5 and all(a is b for (a, _), (b, _) in zip(first, again))


OUTCOMES_Q = """4.5 Outcomes measurement and reporting

The core outcome measure for the service will be DIALOG, with ReQoL-10 and Goal-Based Outcomes (GBO) used in the young
adults 16-25 pathway. Full definitions in Annex D, KPI Schedule.

Please set out:
(a) how you will collect outcome measures, and when and by whom they will be completed;
(b) how you will define and report each KPI;
(c) how you will report performance and outcomes to the Lot 3 Quality and Performance Review Group;
(d) what you will do if a KPI is not met for two consecutive quarters, with reference to the Remedial Action Plan process in Schedule 4 of the Contract.

Maximum 750 words."""


def test_the_buyers_measures_forum_and_kpi_schedule_are_read():
    got = {q.kind: q.groups for q in buyer_scale.read(OUTCOMES_Q)}
    assert got["reporting_forum"]["forum"] == "Lot 3 Quality and Performance Review Group"
    assert got["kpi_schedule"]["where"] == "Annex D, KPI Schedule"
    out, notes = buyer_scale.adapt({"prom": "DIALOG"}, buyer_scale.read(OUTCOMES_Q), other_buyer=True)
    assert out["prom"] == "DIALOG (with ReQoL-10 and GBO in the young adults 16-25 pathway)"
    # a buyer whose core measure is not ours: the buyer's measures
    out, _ = buyer_scale.adapt({"prom": "DIALOG"}, buyer_scale.read(
        "The primary outcome measure will be ReQoL-10, with SWEMWBS at discharge."), other_buyer=True)
    assert out["prom"] == "ReQoL-10 and SWEMWBS"
    # progress on mobilisation to a board is not where performance is reported
    assert not buyer_scale.read("Describe how you will report progress to the ICB's Mobilisation Board.")


def test_our_blocks_report_to_the_buyers_group_against_its_schedule_with_its_measures(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, OUTCOMES_Q, today="2026-12-02")
    text = answer.markdown
    assert "Schedule 4 Part C" not in text and "Annex D, KPI Schedule" in " ".join(_sentences(text))
    assert not re.search(r"to the commissioners? at each contract review", text)
    assert "ReQoL-10" in text and "GBO" in text
    assert "Lot 3 Quality and Performance Review Group" in " ".join(_sentences(text))
    assert not answer.findings


HUB_Q = """3.2 Hub crisis response

Please describe:
- what Hub staff will do when someone's mental health deteriorates or they arrive in crisis during Hub opening hours (09:00–20:00 Monday to Friday, 10:00–16:00 Saturday)
- how people can get help out of hours

Maximum 500 words."""


def test_the_buyers_hub_hours_are_the_hours_the_answer_gives(demo_db):
    # s10 panel, contradiction A1 (firm): 'open 8am to 8pm on weekdays and 10am to 4pm at weekends' against Hubs
    # open 09:00-20:00 on weekdays and 10:00-16:00 on Saturdays (closed on Sundays)
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, HUB_Q, today="2026-12-02")
    text = answer.markdown
    assert "8am to 8pm" not in text and "10am to 4pm at weekends" not in text
    assert "09:00–20:00 Monday to Friday, 10:00–16:00 Saturday" in " ".join(_sentences(text))
    assert not answer.findings


def test_more_shapes_of_the_buyers_quantities():
    got = {q.kind: q for q in buyer_scale.read(
        "- an active caseload of no more than 22 people per full-time Recovery and Wellbeing Practitioner;\n"
        "It lists 71 staff (62.4 WTE) who may be in scope to transfer. Around 2,150 people are expected to be "
        "receiving support on 31 March 2027. DIALOG and ReQoL-10 are required as a minimum. Report to the Board in a "
        "monthly dashboard and quarterly narrative report.")}
    assert got["caseload_cap"].value == 22 and got["caseload_cap"].groups["role"] == "Recovery and Wellbeing Practitioner"
    assert got["tupe_staff"].value == 71 and got["open_caseload"].value == 2150
    out, _ = buyer_scale.adapt({"prom": "DIALOG", "caseload": "up to 55 people for each whole-time recovery worker"},
                               list(got.values()), other_buyer=True)
    assert out["prom"] == "DIALOG (with ReQoL-10)"
    assert out["caseload"] == "no more than 22 people for each recovery and wellbeing practitioner, the specification's cap"
    said = buyer_scale.rewrite("We send the commissioner a quarterly report.", buyer_scale.swaps(list(got.values())))
    assert said == "We send the commissioner a monthly dashboard and quarterly narrative report."


def test_a_peer_share_above_ours_keeps_our_team_out():
    # s11 panel, contradiction A17: 'peer support workers 1.4 (two staff)' of 14.0 WTE (10%) against 'peer support
    # roles to be at least 15% of the practitioner workforce'
    profile = {"team_wte": "14.0 whole-time-equivalent posts: service manager 1.0, peer support workers 1.4 (two staff)",
               "team": "a service manager and two peer support workers", "caseload": "up to 55 people for each worker"}
    asked = "The Specification requires peer support roles to be at least 15% of the practitioner workforce."
    out, notes = buyer_scale.adapt(profile, buyer_scale.read(asked), other_buyer=True)
    assert "team_wte" not in out and "team" not in out and out["caseload"] == profile["caseload"]
    assert notes[0].kind == "peer_share" and notes[0].ours.startswith("10%")
    out, notes = buyer_scale.adapt(profile, buyer_scale.read(asked.replace("15%", "5%")), other_buyer=True)
    assert out == profile and not notes


HOURS_Q = """4.1 Service model

The new service must be organised around four localities. Core opening hours are set out in
Specification Section 6.3: 08:00–20:00 Monday to Friday and 09:00–13:00 on Saturdays, excluding bank holidays.

Please set out:
1. How a person moves through your service from referral to discharge.
2. Explain how you will meet the core opening hours, and what access (if any) you will offer outside them.

Maximum 500 words."""


def test_the_buyers_core_hours_set_out_in_a_section_are_the_hours_the_answer_gives(demo_db):
    # s13 panel, contradiction A1 (firm): 'open 8am to 8pm on weekdays and 10am to 4pm at weekends' against the
    # buyer's '08:00–20:00 Monday to Friday and 09:00–13:00 on Saturdays' (a clause before a colon, the Saturday
    # hours after 'and': neither read on the old pattern)
    from evidencebot.compose.tender import assemble_tender

    got = {q.kind: q for q in buyer_scale.read(HOURS_Q)}
    assert got["opening_hours"].groups["hours"] == ("08:00–20:00 Monday to Friday and 09:00–13:00 on Saturdays, "
                                                    "excluding bank holidays")
    answer = assemble_tender(demo_db, HOURS_Q, today="2026-12-02")
    text = " ".join(_sentences(answer.markdown))
    assert "10am to 4pm" not in text and "8am to 8pm" not in text
    assert "09:00–13:00 on Saturdays" in text
    assert not answer.findings


URGENT_Q = """3.3 Risk, crisis and safety planning

Your answer must address:
•  how you will respond when a person's risk increases, including meeting the Specification requirement that urgent
concerns raised by a person, carer or professional are responded to by a qualified practitioner within 4 working
hours (same day where raised before 16:00);
•  how families and carers can raise a concern about the person they care for.

Word limit: 600"""


def test_an_urgent_concern_is_answered_in_the_buyers_working_hours_not_our_same_day():
    # s13 panel, contradiction A8 (firm): our carers' block 'called back within two working days, or the same day if
    # they are worried about risk' against the buyer's 'within 4 working hours (same day where raised before 16:00)'
    got = {q.kind: q for q in buyer_scale.read(URGENT_Q)}
    q = got["urgent_response"]
    assert q.groups["when"] == "4 working hours (same day where raised before 16:00)"
    assert q.groups["who"] == "a qualified practitioner"
    said = buyer_scale.rewrite("The carer is called back within two working days, or the same day if they are worried "
                               "about risk.", buyer_scale.swaps(list(got.values())))
    assert said == ("The carer is called back within two working days, or, if they are worried about risk, by a "
                    "qualified practitioner within 4 working hours (same day where raised before 16:00).")
    none = buyer_scale.read("Urgent concerns are responded to within 4 working hours.")
    assert buyer_scale.rewrite("or the same day if they are worried about risk", buyer_scale.swaps(none)) == (
        "or within 4 working hours if they are worried about risk")


def test_the_carers_block_says_the_buyers_urgent_timescale(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, URGENT_Q, today="2026-12-02")
    text = " ".join(_sentences(answer.markdown))
    assert "the same day if they are worried about risk" not in text
    assert not answer.findings
    # what stands in its place: the buyer's timescale (a part emptied to '[To write]' would pass the absences)
    body = " ".join(line for line in answer.markdown.splitlines() if not line.startswith("#"))
    assert "if they are worried about risk, by a qualified practitioner within 4 working hours" in body


def test_the_safety_plan_is_first_written_in_the_buyers_timescale():
    # s12 panel, contradiction A7 (firm): 'Each person writes a crisis plan ... within four weeks of starting with the
    # service' against the buyer's 'first completed (the Specification requires this within 10 working days of first
    # contact)'
    got = buyer_scale.read("(a) your approach to collaborative safety planning: who writes the plan with the person, "
                           "when it is first completed (the Specification requires this within 7 working days of "
                           "first contact), and how often it is reviewed;")
    said = buyer_scale.rewrite("Each person writes a crisis plan with their recovery worker within four weeks of "
                               "starting with the service.", buyer_scale.swaps(got))
    assert said == ("Each person writes a crisis plan with their recovery worker within 7 working days of first "
                    "contact with the service.")
