"""Another named team's caseload is not the size of the service we bid for."""

from evidencebot.compose.buyer_terms import read_figures


def test_another_teams_caseload_is_not_ours():
    assert read_figures("The Riverbank Memory Assessment Unit has around 310 people open to it this year.") == []


def test_the_services_own_caseload_is_still_read():
    (fig,) = read_figures("The new service will have about 310 people open to it at any one time.")
    assert (fig.what, fig.value) == ("open", 310.0)
