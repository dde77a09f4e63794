"""A buyer that names who runs the service now tells us whether we would be new or the incumbent (issue 12, s29).

On spent s28 q11 the buyer wrote that the current service 'is delivered by' another named body; the provider status
stayed unknown and the part on no break in support at transfer was left empty, although the library has new-provider
blocks for it. The texts below are written for this test."""

from __future__ import annotations

from evidencebot.compose import tender_profile as T

OURS = {"provider": "Harbour Lane Trust", "commissioner": "NHS Riverside Integrated Care Board",
        "provider_status": "incumbent"}


def test_another_named_body_running_the_service_makes_us_the_new_provider():
    text = ("Greyfield County Council. The existing service is currently provided by Moorside Wellbeing CIC under a "
            "contract that expires on 31 March 2028. Describe how people will keep their support at the change.")
    status = T.facts_for(text, OURS).get("provider_status")
    assert status is not None and status.value == "new"
    assert "Moorside Wellbeing CIC" in status.quote


def test_our_own_name_as_the_body_running_it_makes_us_the_incumbent():
    text = ("Greyfield County Council. The current service is delivered by Harbour Lane Trust until 31 March 2028. "
            "Describe how you will move to the new specification.")
    status = T.facts_for(text, OURS).get("provider_status")
    assert status is not None and status.value == "incumbent"


def test_a_service_delivered_by_a_named_team_inside_the_question_is_not_read_without_the_current_service():
    text = "Talking therapies are delivered by the Greyfield Wellbeing Team. Describe how you will work with them."
    assert "provider_status" not in T.read_facts(text)
