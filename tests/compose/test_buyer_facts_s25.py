"""Never contradict the buyer (issue 12, session 25): facts read by their structure, not by a listed matter.

The s24 contradiction sheet and a read of the dev buyer's drafts found our sentences giving a place the provider runs
to a partner, a looser time than a KPI row allows, carers' assessments sent to our default team where the buyer names
who does them, a milestone before the award date of a timetable row, and fewer lived-experience roles than the
buyer's staffing table. The places, names and numbers below are ours.
"""

from __future__ import annotations

import pytest

from evidencebot.compose import buyer_facts as B

_PLACES = ("**Sites.** The provider will run, and be registered for where required: Heron Row House, Kelby (5 beds, "
           "staffed day and night); and the Dunmere Wellbeing Hub. The following are run by partners and are not part "
           "of this contract: the Ashby Crisis House (run by the Trust).")


@pytest.mark.parametrize("ours, clashes", [
    ("We will work with the Heron Row House from the start of the contract.", True),
    ("During mobilisation we agree with the Ashby Crisis House and the Heron Row House how referrals pass between us.",
     True),
    ("A team leader is our named link with the Heron Row House: they attend its meetings.", True),
    ("Heron Row House's weekly review checks progress against each stay's end date.", False),
    ("At Heron Row House there are two waking staff on every shift.", False),
    ("We will work with the Ashby Crisis House from the start of the contract.", False),
])
def test_a_place_the_provider_runs_is_never_a_partner(ours, clashes):
    facts = [f for f in B.read(_PLACES) if f.kind == "place"]
    assert B.places(facts) == ["Heron Row House", "Dunmere Wellbeing Hub"]
    assert bool(B.check(ours, facts)) is clashes
    if clashes:
        assert B.hold(ours, facts)[0] is None


_KPIS = ("## Key performance indicators\n\n| Target | Measure | Standard |\n|---|---|---|\n"
         "| 95% | Urgent referrals: first contact | within 6 hours |\n"
         "| 95% | Routine referrals: first contact | within 7 working days |\n"
         "| 90% | Shared care plan sent to the GP | within 3 working days |\n")


@pytest.mark.parametrize("ours, held", [
    # a looser time for the row's subject takes the row's
    ("Urgent referrals get a first contact within 2 working days.", "Urgent referrals get a first contact within 6 hours."),
    ("The shared care plan is sent to the GP within 10 working days.",
     "The shared care plan is sent to the GP within 3 working days."),
    # as quick or quicker: left alone
    ("Urgent referrals get a first contact within 3 hours.", "Urgent referrals get a first contact within 3 hours."),
    # two rows fit as well with other times: not sure which, left alone
    ("We offer a first contact after referral within 10 working days.",
     "We offer a first contact after referral within 10 working days."),
    # the row's qualifier unsaid ('urgent'): the routine row's subject, not the urgent one's
    ("Our standard is a first contact within 7 working days of referral.",
     "Our standard is a first contact within 7 working days of referral."),
])
def test_a_time_limit_is_read_by_its_subject(ours, held):
    facts = [f for f in B.read(_KPIS) if f.kind == "limit"]
    assert sorted(f.value for f in facts) == ["within 3 working days", "within 6 hours", "within 7 working days"]
    assert B.hold(ours, facts)[0] == held


def test_the_same_day_is_more_time_than_a_few_hours():
    facts = [f for f in B.read(_KPIS) if f.kind == "limit"]
    (c,) = B.check("Urgent referrals get a first contact the same day.", facts)
    assert (c.said, c.replacement) == ("the same day", "within 6 hours")


def test_who_carries_out_carers_assessments_after_a_first_verb_phrase():
    text = ("The Dunmere Carers Centre is funded separately by the Council and completes all statutory carers' "
            "assessments; the provider does not.")
    facts = [f for f in B.read(text) if f.kind == "assessor"]
    assert [f.value for f in facts] == ["the Dunmere Carers Centre"]
    ours = "Carers are offered a referral to the council's adult social care team for a carer's assessment."
    assert [c.said for c in B.check(ours, facts)] == ["the council's adult social care team"]


def test_the_award_date_of_a_timetable_row_given_date_first():
    text = ("The Service Commencement Date is 1 April 2027.\n\n| Date | Milestone |\n|---|---|\n"
            "| 3 February 2027 | Contract award |\n| By 1 March 2027 | Contract signed |\n")
    facts = [f for f in B.read(text) if f.kind == "contract"]
    assert ("award" in [f.data[0] for f in facts])
    assert B.check("Ten weeks before the start, premises and IT are in place.", facts)
    assert not B.check("Four weeks before the start, premises and IT are in place.", facts)


@pytest.mark.parametrize("ours", [
    "By the end of year 1 at least three paid roles held by people with lived experience are filled.",
    "By the end of year 2 we will have four paid lived experience roles.",
])
def test_any_count_of_lived_experience_roles_below_the_buyers_posts_goes(ours):
    text = "| Role | Minimum WTE |\n|---|---|\n| Peer Support Workers | 5.0 |\n| Peer Support Lead | 1.0 |\n"
    facts = [f for f in B.read(text) if f.kind == "peer_roles"]
    assert [f.data for f in facts] == [(6,)]
    assert B.hold(ours, facts)[0] is None
    assert not B.check("By the end of year 1 seven paid lived experience roles are filled.", facts)


@pytest.mark.parametrize("ours, held", [
    ("Within four weeks of award we send the outgoing employer our measures letter.",
     "Within four weeks of award we send each outgoing employer our measures letter."),
    ("The outgoing provider sends us its records.", "Each outgoing provider sends us its records."),
    ("We meet the outgoing providers every week.", "We meet the outgoing providers every week."),
])
def test_the_outgoing_provider_is_each_of_them_when_the_buyer_names_two(ours, held):
    text = ("About 40 staff are expected to transfer under TUPE: about 30 from Brookfield Recovery CIC and about 10 "
            "from Northfold Partnership NHS Foundation Trust (Alder Court).")
    facts = [f for f in B.read(text) if f.kind == "parties"]
    assert [f.data for f in facts] == [("Brookfield Recovery CIC", "Northfold Partnership NHS Foundation Trust")]
    assert B.hold(ours, facts)[0] == held
    one = "About 30 staff are expected to transfer under TUPE from Brookfield Recovery CIC."
    assert not [f for f in B.read(one) if f.kind == "parties"]
