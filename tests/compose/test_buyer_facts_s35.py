"""The buyer and the service read from a Northern Irish tender's header (session 35, the lead; tuned on spent s35)."""

from __future__ import annotations

from evidencebot.compose import tender_profile as T

HEADER = (
    "**Buyer:** Glenmore Valley Health and Social Care Trust (procurement run for the Trust by the Regional "
    "Procurement and Logistics Service)\n"
    "**Lot 2:** Community Wellbeing and Recovery Service\n\n"
    "Describe how you will work with Ballyard District Council's community planning team.\n"
)


def test_a_health_and_social_care_trust_is_the_buyer_not_a_council_named_later():
    facts = T.read_facts(HEADER)
    assert facts["commissioner"].value == "Glenmore Valley Health and Social Care Trust"


def test_the_body_running_the_procurement_is_not_the_service_tendered():
    facts = T.read_facts(HEADER)
    assert facts["service"].value == "Community Wellbeing and Recovery Service"
