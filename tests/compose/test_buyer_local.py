"""The buyer's local facts said inside our method text (issue 12, session 24): own sentences, no held-out text."""

from evidencebot.compose import buyer_local
from evidencebot.compose.tender import _fill, _with_local_facts

QUESTIONNAIRE = """
The provider will run Heron Row House, Eastleigh (5-bed step-up/step-down house, staffed 24/7).
Fernside Crisis House (3 beds) is run by another trust and is not part of this contract.
The service works with Kilnworth CMHT (Market Street) and Dunmoor and Vale CMHT (Station Road).

Question 4. Step-down stays are for a maximum of 21 days, extendable to 35 days with Commissioner agreement.
People discharged may return without a new referral within 3 months of discharge.
Housing partners include the two borough housing options teams, Larchmere Homes and Tollgate Housing Association.
"""


def test_reads_each_local_fact_from_the_whole_questionnaire():
    facts = buyer_local.read(QUESTIONNAIRE)
    assert facts["local_house"] == "Heron Row House"  # not the crisis house another trust runs
    assert facts["local_housing"] == ("the two borough housing options teams, Larchmere Homes and "
                                      "Tollgate Housing Association")
    assert facts["local_housing_options"] == "the two borough housing options teams"
    assert (facts["local_max_stay"], facts["local_extended"], facts["local_extender"]) == ("21", "35", "the Commissioner")
    assert facts["local_return_window"] == "3"
    assert facts["local_cmhts"] == "Kilnworth CMHT and Dunmoor and Vale CMHT"


def test_a_fact_the_buyer_does_not_state_is_not_read():
    facts = buyer_local.read("The service covers the whole county. Referrals come from GPs and the CMHT.")
    assert facts == {}


def test_the_block_says_the_buyers_facts_in_place_of_its_generic_words():
    profile = _with_local_facts({"service": "the service"}, QUESTIONNAIRE)
    body = ("For housing we work with the council's housing options team and the housing associations in the area. "
            "Referrals for a stay in the house come to the duty clinical lead. Each stay has an expected end date, "
            "and a short extension agreed with the commissioner is the last resort. Anyone discharged can refer "
            "themselves back within six months. Each CMHT has a named link worker.")
    out, _ = _fill(body, profile)
    # never 'we work with' the buyer's named partners as if we did now
    assert "we will work with the two borough housing options teams, Larchmere Homes and Tollgate Housing Association." in out
    assert "a stay in Heron Row House come" in out
    assert "an expected end date (within the 21-day maximum)" in out
    assert "an extension up to 35 days agreed with the Commissioner" in out
    assert "back within 3 months" in out
    assert "Each CMHT (Kilnworth CMHT and Dunmoor and Vale CMHT) will have" in out  # theirs: not yet ours


def test_without_the_buyers_facts_the_block_keeps_its_own_words():
    body = "We refer people to the council's housing options team when a move is needed, and visit the house."
    out, _ = _fill(body, _with_local_facts({}, "A questionnaire that names no local service."))
    assert out == body


def test_hubs_by_place_or_by_name_and_not_a_partners_hub():
    listed = buyer_local.read("The provider will run the two Recovery Hubs at the Corn Exchange (Alderby) and "
                              "Pier Street (Saltcote); and outreach in the villages.")
    assert listed["local_hubs"] == "one of the hubs at the Corn Exchange (Alderby) and Pier Street (Saltcote)"
    named = buyer_local.read("| East Wellbeing Hub, Bell Yard | provider |\n| West Wellbeing Hub, Quay Road | provider |\n"
                             "| Alderby Carers Hub | run by a charity |")
    assert named["local_hubs"] == "one of the hubs (East Wellbeing Hub and West Wellbeing Hub)"
    out, _ = _fill("People can drop in to a locality base or phone the duty worker.", {"local_hubs": named["local_hubs"]})
    assert out == "People can drop in to one of the hubs (East Wellbeing Hub and West Wellbeing Hub) or phone the duty worker."


# ---------------------------------------------------------------- the buyer's numbers in our method (session 25)

NUMBERS = """
Question 2. Expected demand is about 1,150 referrals per year, with an active caseload of approx. 420.
Every referral must be acknowledged within 2 working days; urgent referrals are contacted within 6 hours.
**Opening hours.** Teams and hubs: 9am to 7pm Monday to Friday and 10am to 2pm on Saturdays.
Support plans are reviewed with the person every 8 weeks.
People may make a re-referral within 4 months without a new assessment.
"""
REFERRAL = ("We accept referrals from GPs and people themselves. Each referral is screened by a clinical lead within "
            "two working days, with first contact within ten working days, sooner when risk is higher. People not "
            "accepted are helped to reach another service. Plans are looked at again at each 12-weekly review.")


def test_reads_the_buyers_numbers_each_with_its_unit():
    facts = buyer_local.read(NUMBERS)
    assert facts["local_referrals"] == "1,150"
    assert facts["local_caseload"] == "420"
    assert facts["local_acknowledge"] == "2 working days"
    assert facts["local_urgent"] == "6 hours"
    assert (facts["local_review"], facts["local_review_adj"]) == ("8 weeks", "8-weekly")
    assert facts["local_hours"] == "9am to 7pm Monday to Friday and 10am to 2pm on Saturdays"
    assert facts["local_return_window"] == "4"


def test_a_number_the_buyer_does_not_give_is_not_read_nor_said():
    facts = buyer_local.read("Referrals come from GPs. Urgent referrals are seen quickly. Plans are reviewed often.")
    assert facts == {}
    out, _ = _fill(REFERRAL, _with_local_facts({}, "Referrals come from GPs."))
    assert out == REFERRAL


def test_the_buyers_numbers_are_met_by_our_method_sentences():
    out, _ = _fill(REFERRAL, _with_local_facts({}, NUMBERS))
    # volumes: one sentence with both figures, who watches them and when (not two sentences)
    assert out.startswith("We plan the service for about 1,150 referrals a year and about 420 people on the caseload "
                          "at any one time: the locality team leaders set each week's new referrals")
    assert out.count("We plan the service") == 1
    assert "The duty worker acknowledges each referral to the referrer within 2 working days. Each referral" in out
    assert "the duty clinical lead contacts anyone referred as urgent within 6 hours" in out
    assert ("answer referrals throughout the service's hours (9am to 7pm Monday to Friday and 10am to 2pm on "
            "Saturdays) on a rota the locality team leaders set") in out
    assert "at each 8-weekly review" in out and "12-weekly" not in out


def test_volumes_alone_are_said_without_a_caseload():
    out, _ = _fill(REFERRAL, _with_local_facts({}, "Planning assumption: 3,000 referrals per year."))
    assert out.startswith("We plan the service for about 3,000 referrals a year: the locality team leaders")
    assert "on the caseload" not in out


def test_a_maximum_stay_without_an_extension_is_read():
    facts = buyer_local.read("Average length of stay at Birch House at or below 14 days (maximum 21 days).")
    assert facts["local_max_stay"] == "21" and "local_extended" not in facts
    out, _ = _fill("Each stay has an expected end date, and a short extension agreed with the commissioner.", facts)
    assert "an expected end date (within the 21-day maximum)" in out
    assert "a short extension agreed with the commissioner" in out  # no extension the buyer did not give


def test_the_sentences_with_the_buyers_numbers_pass_our_checker(checker):
    out, _ = _fill(REFERRAL, _with_local_facts({}, NUMBERS))
    assert not checker.check_text(out)


def test_the_house_and_safe_haven_numbers_are_said_where_our_blocks_leave_them_to_the_contract():
    text = ("| Elm Yard Safe Haven, Mill Road | Safe haven, 19:00–01:00, every night | Provider |\n"
            "Rowan House takes approx. 90 admissions per year; the Safe Haven has approx. 2,100 visits per year.\n"
            "Step-up referral to Rowan House: admission decision within 6 hours of referral.\n"
            "Step-up contact must be made within 3 hours of a trigger being reported.")
    facts = buyer_local.read(text)
    assert (facts["local_safe_haven_hours"], facts["local_visits"], facts["local_admissions"]) == (
        "19:00–01:00", "2,100", "90")
    assert (facts["local_house_decision"], facts["local_stepup_contact"]) == ("6 hours", "3 hours")
    body = ("The safe haven is open at the hours the contract sets, staffed on every session. Visits, the routes "
            "people came by and where they went next are counted each month. Stays are decided by the duty clinical "
            "lead within the decision time the contract sets. The worker calls the person back the same day in our "
            "opening hours.")
    out, _ = _fill(body, facts)
    assert "The safe haven is open 19:00–01:00, staffed" in out
    assert "Visits (the safe haven is planned for about 2,100 a year), the routes" in out
    assert "within 6 hours of the referral" in out
    assert "calls the person back within 3 hours in our opening hours" in out


def test_the_step_down_limit_and_the_return_window_go_in_the_first_sentence_once():
    facts = buyer_local.read("Stays at Heron Row House are for a maximum of 21 days, extendable to 35 days with the "
                             "agreement of the ICB. People may return without a new referral within 3 months.")
    body = ("A step-down stay starts before discharge. The person writes a stay plan with the date it is expected to "
            "end. When support ends, the person keeps a letter saying how to come back.")
    out, _ = _fill(body, facts)
    assert out.startswith("A step-down stay starts before discharge and lasts at most 21 days. It runs on, up to 35 "
                          "days, only with the agreement of the ICB,")
    assert "the date it is expected to end." in out  # the limit is said once
    assert "saying how to come back without a new referral within 3 months of discharge" in out


def test_a_partner_teams_referrals_are_not_our_services_volume():
    """(s27 q01/q03, FIRM after its measurement) the crisis team's 'received 2,140 referrals in 2025/26' was planned as
    ours ('We plan the service for about 2,140 referrals a year'); the buyer's own '1,570 referrals' for the current
    services is the service's."""
    from evidencebot.compose import buyer_local

    text = ("In 2025/26 the current services received 1,570 referrals and the active caseload is about 650 people.\n\n"
            "The Crisis Resolution and Home Treatment Team works 24 hours a day and received 2,140 referrals in "
            "2025/26, 38% of them at night.")
    assert buyer_local.read(text).get("local_referrals") == "1,570"
    crisis_only = "The CRHTT received 2,140 referrals in 2025/26."
    assert "local_referrals" not in buyer_local.read(crisis_only)
