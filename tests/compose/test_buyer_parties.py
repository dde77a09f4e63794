"""Answers that do not contradict the buyer (issue 12, session 24): one role's minimum in a staffing table is not the
whole workforce; the provider the buyer says is outgoing is a party to the handover, never an ongoing partner; the
buyer's own policy for a thing is the one an answer works to. The buyer below is written here (Westmarsh), unlike
any held-out set's."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import buyer_facts, buyer_mobilisation, buyer_terms
from evidencebot.compose.requirements import Requirement
from evidencebot.compose.tender import _buyer_policies_over_ours, _without_outgoing

STAFFING = """| Role | Minimum | Caseload cap |
|---|---|---|
| Team Manager | at least 1.0 WTE | none |
| Wellbeing Coaches (the two locality teams) | at least 16.0 WTE across both teams | 25 people |
| Peer Mentors | at least 5.0 WTE | 12 people |
"""


def test_a_role_row_in_a_staffing_table_is_not_the_workforce():
    assert [f for f in buyer_terms.read_figures(STAFFING) if f.what == "workforce"] == []


def test_a_total_row_is_still_the_workforce():
    got = buyer_terms.read_figures(STAFFING + "| Total establishment | at least 22.0 WTE | |\n")
    assert [(f.what, f.value) for f in got if f.what == "workforce"] == [("workforce", 22.0)]


def test_a_workforce_sentence_is_still_read():
    got = buyer_terms.read_figures("The service must have a workforce of at least 31 WTE across the two teams.")
    assert [(f.what, f.value) for f in got] == [("workforce", 31.0)]


# ---------------------------------------------------------------- the outgoing provider

HANDOVER = """Q6 Transition

The service is currently delivered by Westmarsh Wellbeing Collective. The crisis line is run by Fenwick Health NHS
Trust, which will stay the crisis line's provider. TUPE is expected to apply to about 30 staff from Westmarsh Wellbeing
Collective and 4 staff from Fenwick Health NHS Trust.
"""


def test_the_outgoing_provider_is_read_and_one_that_goes_on_is_not():
    assert buyer_facts.outgoing(buyer_facts.read(HANDOVER)) == ["Westmarsh Wellbeing Collective"]


def test_the_outgoing_provider_as_a_partner_clashes():
    facts = buyer_facts.read(HANDOVER)
    partner = ("We will work with the Westmarsh Wellbeing Collective from the start of the contract, and review how "
               "each service refers to the other every six months.")
    assert [c.fact.kind for c in buyer_facts.check(partner, facts)] == ["outgoing"]
    assert buyer_facts.hold(partner, facts)[0] is None
    # as a party to the handover it is what the buyer says
    handover = "We will agree the TUPE consultation timetable and the transfer of records with Westmarsh Wellbeing Collective."
    assert buyer_facts.check(handover, facts) == []
    # the provider that goes on is a partner
    assert buyer_facts.check("We will work with Fenwick Health NHS Trust from the start of the contract.", facts) == []


def test_the_outgoing_provider_is_no_named_partner_of_the_answer():
    reqs = [Requirement("Westmarsh Wellbeing Collective", "name", "..."), Requirement("Fenwick Health NHS Trust", "name", "...")]
    kept = _without_outgoing(reqs, buyer_facts.read(HANDOVER))
    assert [r.name for r in kept] == ["Fenwick Health NHS Trust"]


# ---------------------------------------------------------------- the buyer's policy over ours, in every part


def _unit(text: str, block: str, cont: bool = False) -> dict:
    return {"text": text, "block": block, "cont": cont, "priority": 2}


def test_our_policy_for_the_buyers_matter_goes_from_every_part():
    methods = {
        "a": SimpleNamespace(units=[_unit("Volunteers' expenses are paid under the Quayside Care involvement payment "
                                          "policy within a week.", "pay"),
                                    _unit("Travel is covered on top.", "pay", cont=True)]),
        "b": SimpleNamespace(units=[_unit("Lone working follows the Quayside Care lone working policy.", "safe")]),
    }
    _buyer_policies_over_ours(methods, ["Westmarsh ICB Involvement Payment Policy"], "Quayside Care",
                              frozenset({"westmarsh"}))
    assert [u["text"] for u in methods["a"].units] == ["Travel is covered on top."]
    assert methods["a"].units[0]["cont"] is False  # the block's next sentence opens it
    assert [u["text"] for u in methods["b"].units] == ["Lone working follows the Quayside Care lone working policy."]


# ---------------------------------------------------------------- nothing agreed with a new buyer before award

def test_a_plan_said_as_agreed_with_a_new_buyer_is_one_we_will_agree():
    buyer = "Westmarsh Council"
    said = buyer_facts.not_yet_agreed("Our lone working plan, agreed with Westmarsh Council, covers home visits.", buyer)
    assert said == ("Our lone working plan, which we will agree with Westmarsh Council during mobilisation, covers "
                    "home visits.")
    said = buyer_facts.not_yet_agreed("We follow the escalation plan agreed with Westmarsh Council: a call first.", buyer)
    assert said == "We follow the escalation plan we will agree with Westmarsh Council during mobilisation: a call first."


def test_an_agreement_that_says_when_is_left_as_it_is():
    text = "Definitions are agreed with Westmarsh Council at mobilisation."
    assert buyer_facts.not_yet_agreed(text, "Westmarsh Council") == text
    assert buyer_facts.not_yet_agreed("Our plan, agreed with Fenwick ICB, follows PSIRF.", "Westmarsh Council") == (
        "Our plan, agreed with Fenwick ICB, follows PSIRF.")


# ---------------------------------------------------------------- one measure set, the buyer's

def test_a_clause_adding_a_measure_the_buyer_never_names_goes():
    named = buyer_facts.buyer_measures("The service must use DIALOG at assessment and at discharge.")
    ours = ("We will use DIALOG as the primary measure at every review; CORE-10 continues alongside it for the first "
            "year.")
    assert buyer_facts.without_other_measures(ours, named) == "We will use DIALOG as the primary measure at every review."
    # a buyer that names both: nothing cut; a buyer that names none: nothing cut
    both = buyer_facts.buyer_measures("Providers will use DIALOG and CORE-10.")
    assert buyer_facts.without_other_measures(ours, both) == ours
    assert buyer_facts.without_other_measures(ours, frozenset()) == ours


def test_the_incumbent_named_in_apposition_and_one_that_remains():
    text = ("The recovery service is delivered by the incumbent, Harrowgate Recovery Partnership, until 31 March 2027. "
            "The crisis line is currently run by Fenwick Health NHS Trust, which remains its provider.")
    assert buyer_facts.outgoing(buyer_facts.read(text)) == ["Harrowgate Recovery Partnership"]
    assert buyer_facts.outgoing(buyer_facts.read("Brookside Care Trust (the incumbent) employs 30 staff in scope.")) == [
        "Brookside Care Trust"]


def test_a_handover_meeting_until_go_live_is_the_transitions():
    facts = buyer_facts.read(HANDOVER)
    assert buyer_facts.check("Our transition lead meets Westmarsh Wellbeing Collective every week until go-live to "
                             "plan the transfer of records.", facts) == []
    assert buyer_facts.check("We meet Westmarsh Wellbeing Collective every quarter to plan the transfer of records.",
                             facts) != []


def test_the_mobilisation_plan_names_the_outgoing_provider_when_no_end_date_is_given():
    text = ("- Contract award (expected): 12 October 2026.\n- Service go-live: 1 April 2027.\n\n"
            "The service is currently delivered by Westmarsh Wellbeing Collective, and TUPE is expected to apply to "
            "about 30 staff.\n")
    tt = buyer_mobilisation.read(text)
    assert tt is not None and tt.incumbent == "Westmarsh Wellbeing Collective"
