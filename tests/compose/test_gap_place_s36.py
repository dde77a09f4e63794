"""A gap 'in' a service's acronym is no locality's gap; a named locality still is."""

from evidencebot.compose.buyer_terms import locality_gap


def test_a_gap_in_a_services_reach_is_not_read_as_a_place():
    assert locality_gap("Describe how you will close the gap in CMHT uptake for people of Somali heritage.") is None
    assert locality_gap("How will you narrow the gap in EIP referrals among young Black men?") is None


def test_a_named_locality_gap_is_still_read():
    assert locality_gap("What will you do to close the gap in Fellgate North specifically?") == "Fellgate North"
    assert locality_gap("Explain how you will reduce the gap in Upper Marsh, where uptake is lowest.") == "Upper Marsh"
