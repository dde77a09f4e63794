"""Opening hours said with who covers them promise no more than a team's clinical leads can give (issue 12, s31).

The s31 contradiction reader marked FIRM: 'a clinical lead [is] on shift for every one of those hours' over 67 hours a
week, beside an establishment of 1.6 WTE clinical leads. The buyer's hours now come with the clinical lead on site or
on call to the duty worker. The block sentence and the hours here are written for this test.
"""

from evidencebot.compose import buyer_local

BLOCK = ("A duty recovery worker and a clinical lead are on shift during opening hours to answer calls from "
         "partners.")


def test_the_buyers_hours_put_the_clinical_lead_on_site_or_on_call():
    out = buyer_local.say(BLOCK, {"local_hours": "8am to 8pm every day"})
    assert "every one of those hours" in out, out
    assert "on shift for every one" not in out, out
    assert "on site or on call to the duty worker" in out, out


def test_with_no_hours_from_the_buyer_the_block_is_as_written():
    assert buyer_local.say(BLOCK, {"local_house": "Elm House"}) == BLOCK
