"""The buyer's facts that beat our library's default wording (issue 12, session 24).

The s24 contradiction sheet (tests/data/heldout/s24/panel/contradictions.md) found four FIRM contradictions in both
bids, one family: a fact the buyer states once (a place the provider runs, a group's minimum frequency, a count of
roles, the base of a KPI) lost to our library's default sentence. The places, names and numbers below are ours.
"""

from __future__ import annotations

import pytest

from evidencebot.compose import tender_profile as P


@pytest.mark.parametrize("text, ours, not_ours", [
    # a verb's aside closed by a colon before the list of places
    ("**Sites.** The provider will run, and be registered with the regulator where required: Heron Row House, Kelby "
     "(5 beds, staffed day and night); and the Dunmere Wellbeing Hub. The following are run by partners: the Ashby "
     "Crisis House (run by the Trust).", ["the Heron Row House"], ["the Ashby Crisis House"]),
    # a name whose head is no place word, with its aside, opens the list
    ("The Provider will run Alder Court (6-bed step-up house, Thorne) and The Beacon Safe Haven (Mill Street). "
     "Brook Crisis House is run by the Trust.", ["the Alder Court", "the Beacon Safe Haven"], ["the Brook Crisis House"]),
    # a table with a column saying who runs each row
    ("**Table 2 – Premises**\n\n| Site | Use | Operated by |\n|---|---|---|\n"
     "| Alder Court, Thorne | Step-up house, 6 beds | The successful provider |\n"
     "| Fenwick Recovery Hub, Market Street | Hub | Provider |\n"
     "| Brook Crisis House, Ayle | Crisis house | Northfold Partnership NHS Foundation Trust |\n",
     ["the Alder Court", "the Fenwick Recovery Hub"], ["the Brook Crisis House"]),
])
def test_places_the_buyer_says_the_provider_runs_in_other_wordings(text, ours, not_ours):
    """s24 (spent) q01: 'The provider will run, and be registered for where required: <House>, ...' read no place, so
    five answers agreed 'with the <House> how referrals and information pass between us' and attended its meetings."""
    names = [name for name, _ in P.base_names(text)]
    assert set(ours) <= set(names) and not set(not_ours) & set(names), names


def test_a_run_by_column_of_partners_names_no_place_of_ours():
    text = ("| Site | Run by |\n|---|---|\n| Brook Crisis House | Northfold Trust |\n| Ayle Recovery Hub | Ayle Mind |\n")
    assert P.base_names(text) == []


# the buyer's minimum frequency for a group against our library's default ------------------------------------------

_GROUP = ("The Council expects the service to be guided by a Carers' Voice Forum that meets at least monthly, chaired "
          "by a carer.")


@pytest.mark.parametrize("ours, held", [
    ("A carers' voice panel of family members meets every quarter, with a peer support worker.",
     "A carers' voice panel of family members meets monthly, with a peer support worker."),
    # as often or more often than the buyer's minimum: left alone
    ("The carers' voice panel meets every week.", "The carers' voice panel meets every week."),
    # another body: left alone
    ("The governance board meets every quarter.", "The governance board meets every quarter."),
])
def test_a_group_meets_at_least_as_often_as_the_buyer_requires(ours, held):
    """s24 (spent) q09: 'A lived experience panel ... meets every quarter' against the buyer's 'Lived Experience
    Reference Group that meets at least monthly'."""
    from evidencebot.compose import buyer_facts as B

    facts = [f for f in B.read(_GROUP) if f.kind == "meets"]
    assert [f.value for f in facts] == ["monthly"]
    assert B.hold(ours, facts)[0] == held


# the people a KPI's share is of, as the buyer names them ------------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("The target is that 85% of people supported for 3 months or longer have a paired outcome measure recorded.\n\n"
     "(b) how you will reach the 85% paired-measure target;",
     "people supported for 3 months or longer with a paired outcome measure"),
    ("KPI 4: 85% of people discharged with a paired outcome measure.\n\n(b) how you will reach the 85% paired-measure "
     "target;", "people discharged with a paired outcome measure"),
])
def test_a_kpi_is_labelled_with_the_people_the_buyer_counts(text, label):
    """s24 (spent) q02: 'The buyer's target for people discharged with a paired outcome measure is 90%' where the
    buyer's KPI is '90% of people open to the service for 6 months or more'."""
    from evidencebot.compose import buyer_standards as S

    assert [st.label for st in S.kpis(text) if st.matter == "paired_outcome"] == [label]


# the buyer's lived-experience posts against our count of lived-experience roles -------------------------------------

_STAFFING = ("| Role | Minimum staffing |\n|---|---|\n| Team Manager | 1.0 WTE |\n| Peer mentors | at least 5.5 WTE |\n"
             "| Lived Experience Lead | 1.0 WTE |\n| Support workers | at least 12.0 WTE |\n")


@pytest.mark.parametrize("ours, held", [
    ("Paid roles for people with lived experience rise from three in year 1 to five in year 3, with volunteering.",
     "Paid roles for people with lived experience number at least 7 from the start of the contract, with volunteering."),
    ("Paid roles for people with lived experience rise from eight in year 1 to ten in year 3.",
     "Paid roles for people with lived experience rise from eight in year 1 to ten in year 3."),
])
def test_lived_experience_roles_are_at_least_the_buyers_posts(ours, held):
    """s24 (spent) q09: 'paid roles for people with lived experience ... rise from four in year 1 to six in year 3'
    beside the buyer's 8.0 WTE peer support workers and a lived-experience lead."""
    from evidencebot.compose import buyer_facts as B

    facts = [f for f in B.read(_STAFFING) if f.kind == "peer_roles"]
    assert [f.data for f in facts] == [(7,)]
    assert B.hold(ours, facts)[0] == held


def test_a_requirements_table_row_and_a_bare_wte_column_transfer():
    """s24 dev: the group's minimum in a table row ('| <Group> | Meets at least 6 times a year |') and staffing cells
    without 'WTE' ('| Peer Support Workers | 6.0 | 12 |', the column says WTE)."""
    from evidencebot.compose import buyer_facts as B

    text = ("| Requirement | Minimum |\n|---|---|\n| Carers' Voice Forum | Meets at least 6 times a year; paid |\n\n"
            "| Role | Minimum WTE | Cap |\n|---|---|---|\n| Peer Mentor Lead | 1.0 | 8 |\n| Peer Mentors | 4.0 | 12 |\n"
            "| Support Workers | 12.0 | 25 |\n")
    facts = [f for f in B.read(text) if f.kind in ("meets", "peer_roles")]
    assert B.hold("A carers' voice panel of family members meets every quarter.", facts)[0] == \
        "A carers' voice panel of family members meets 6 times a year."
    assert B.hold("Paid roles for people with lived experience rise from two in year 1 to four in year 3.", facts)[0] == \
        "Paid roles for people with lived experience number at least 5 from the start of the contract."


def test_another_body_that_shares_only_the_services_words_is_not_ours():
    """s23 (spent): 'the Ashbrook Mental Health Forum, a service-user-led group that meets monthly' is not our 'lived
    experience panel of people who use ... the Community Mental Health Service'."""
    from evidencebot.compose import buyer_facts as B

    facts = [f for f in B.read("We expect you to attend the Dunmere Mental Health Forum, a group that meets monthly.")
             if f.kind == "meets"]
    ours = "A lived experience panel of people who use the Dunmere Mental Health Service meets every quarter."
    assert B.hold(ours, facts)[0] == ours
