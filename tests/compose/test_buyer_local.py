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
