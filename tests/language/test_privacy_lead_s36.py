"""The DWP's local offices are an organisation, not a person; a person's name beside them still is."""


def test_jobcentre_plus_is_not_a_person(privacy):
    assert privacy.found("Members are often also seen by Jobcentre Plus advisers on Tuesdays.", "privacy.person-name") == []
    assert privacy.found("Some people come to us through their JobCentre Plus work coach.", "privacy.person-name") == []


def test_a_named_client_beside_the_jobcentre_is_still_found(privacy):
    text = "Jobcentre Plus referred Darnell Okafor to us after his sanction in March."
    assert privacy.covered(text, "Darnell Okafor")
