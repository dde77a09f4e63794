"""Structural readings generalised in session 19 (o19, issue 15) from the kinds the spent s18/s18b sets missed.

Each group names the rule that must report the sentence (not just "some rule"), so a test fails when the
reading is lost even if another rule happens to flag the sentence. Sentences written for this test; none is
from a labelled or held-out set.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported as _rules


# --- base-less proportions: a share with no count, base or period, said to reach an outcome -------------------

@pytest.mark.parametrize("text", [
    # the share counts a plural noun that is not a listed people word, defined by where they are
    "Three quarters of allotment members on the Friday plot report calmer moods.",
    # the group is named in an opening phrase before the share
    "Of those who finish the course, a clear majority do not go back to hospital.",
    # a share word that is a proportion noun, and a change said as a participle
    "A large proportion of tenants reported reduced arrears.",
    # a service's own items seen in time
    "Two thirds of referrals are now seen within a week.",
    # dependence on us
    "The majority of carers say they could not manage without us.",
    # no longer needing something, said for a share of a group defined by taking part
    "Most people who see our link worker no longer need their GP for housing problems.",
    # what they say of the service: it helps
    "Most of those who come to the drop-in say it helps.",
])
def test_a_baseless_share_said_to_reach_an_outcome_is_flagged(overclaim_checker, text):
    assert "overclaim.baseless-share" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Two thirds of callers are under 25.",
    "A high proportion of callers ring after midnight.",
    "Of those who finish the course, the majority live alone.",
    "Most referrals came from GPs, followed by self-referral and schools.",
    "Most of the people we support need help with forms.",
    "Most of the people we support work part-time.",
    "In the 2025 survey, most of the 48 members who replied said they slept better.",
    "We hope that most of those who finish the course will not go back to hospital.",
])
def test_a_share_that_describes_or_is_sourced_passes(overclaim_checker, text):
    assert "overclaim.baseless-share" not in _rules(overclaim_checker, text)


# --- a time limit met with no exception; a bad outcome a group is said never to suffer ------------------------

@pytest.mark.parametrize("text", [
    "Every young carer referred to us is phoned within two days, without fail.",
    "Our outreach workers visit the same day, every single time.",
    "Each family is contacted within 24 hours, no exceptions.",
])
def test_a_time_limit_met_without_exception_is_flagged(overclaim_checker, text):
    assert "overclaim.no-exception-timeliness" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # a time limit alone is a process fact; an aim; a sourced, dated figure; a negated claim
    "Each family is contacted within 24 hours.",
    "We aim to phone every young carer within two days, without fail.",
    "In 2025, 97% of families were contacted within 24 hours, according to our log.",
    "We do not claim that every family is contacted within 24 hours without fail.",
])
def test_a_time_limit_as_process_aim_or_sourced_figure_passes(overclaim_checker, text):
    assert "overclaim.no-exception-timeliness" not in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Prisoners who complete our through-the-gate course do not reoffend.",
    "Drinkers who finish the group don't relapse.",
])
def test_a_group_said_not_to_relapse_is_flagged(overclaim_checker, text):
    assert "overclaim.no-relapse" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Some drinkers who finish the group do not relapse.",
    "Drinkers who finish the group do not pay for the sessions.",
    "Drinkers who finish the group might not relapse.",
])
def test_part_of_a_group_or_a_process_or_a_hedge_passes_no_relapse(overclaim_checker, text):
    assert "overclaim.no-relapse" not in _rules(overclaim_checker, text)


# --- comparisons with others said without a comparative -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Our crisis café is miles ahead of every other service in the county for evening support.",
    "Parents rate our family support above what the local authority offers elsewhere.",
    "We have the strongest outcomes of any befriending scheme in the region.",
    "No other charity in the city gives veterans support as personal as ours.",
    "Our peer workers achieve outcomes other trusts can only dream of.",
])
def test_a_comparison_without_a_comparative_is_flagged(overclaim_checker, text):
    assert "overclaim.comparison-claim" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Our completion rate was above the regional average last year.",
    "We are ahead of our own recruitment plan.",
    "The highest need of any group we see is for debt advice.",
    "Our base is above the ward office, next to other charities.",
])
def test_a_measure_a_plan_a_need_or_a_place_is_no_comparison(overclaim_checker, text):
    assert "overclaim.comparison-claim" not in _rules(overclaim_checker, text)


# --- attribution in a copular frame: a reason, a credit noun or a cleft gives the outcome's cause as us -------

@pytest.mark.parametrize("text", [
    "Falls among older tenants eased over the winter, and the reason is our handyperson service.",
    "The drop in school exclusions across the town is our youth workers' doing.",
    "It is our liaison team that accounts for the lowest detention figures the county has recorded.",
])
def test_a_copular_frame_giving_us_the_credit_is_flagged(overclaim_checker, text):
    assert "overclaim.attribution" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "The reason is our volunteers' availability on weekday mornings.",
    "The referral form is our admin team's work.",
    "It is our team that runs the evening line.",
    "We cannot say that the reason is our handyperson service.",
])
def test_a_copular_frame_with_no_change_or_a_process_passes(overclaim_checker, text):
    assert "overclaim.attribution" not in _rules(overclaim_checker, text)


# --- careful text that must pass: disclaimers, pressing others, wishes, indirect questions, others' research,
# --- few-cases warnings, names in capitals ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a disclaimer in the progressive
    "The trust is careful to say it isn't claiming the hub has cut admissions.",
    # pressing others to act is an aim, not a guarantee
    "We will keep pressing the council to make sure that no family is turned away.",
    # a wish
    "What we are hoping for is a dramatic fall in waiting times, but that is the dream for now.",
    # an indirect question a study will ask
    "A researcher will interview 15 tenants next year to explore whether the visits reduce arrears.",
    # someone else's research, reported
    "A 2021 national review found evidence that peer support can prevent some relapses.",
    # a report's figure
    "The council's annual public health report states that about one in seven residents is a carer.",
    # a few-cases warning
    "The 100% satisfaction rate came from six replies and is unlikely to be repeated.",
    "Only eight people have finished so far, so please don't read too much into the 100% figure.",
    "Figures based on fewer than five carers are not shown.",
    "The case study shows how the handover works in practice, not that it works.",
    # a name in capitals
    "She was referred to Guaranteed Pathways, the county's employment scheme, in March.",
])
def test_careful_text_passes(overclaim_checker, text):
    assert not _rules(overclaim_checker, text), _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # the careful frames do not rescue our own claims
    "Our 2024 review found that our team cut readmissions by half.",
    "We guarantee that no family is turned away.",
    "Our pilot shows that the model works.",
])
def test_our_own_claims_in_those_frames_are_still_flagged(overclaim_checker, text):
    assert _rules(overclaim_checker, text)


def test_a_size_word_in_others_research_is_not_read_as_our_claim(overclaim_checker):
    # the rules leave a trial's finding alone; the learned scorer still reads this sentence (its anchor is the
    # verb of finding itself, which the sentence-scope record cannot cover: a known limit)
    text = "The Dutch randomised trial found supported employment significantly improved job retention."
    assert not _rules(overclaim_checker, text) - {"overclaim.learned-claim"}


@pytest.mark.parametrize("text", [
    # credit shared with the whole system
    "Our café is one part of the county's crisis offer, and any fall in admissions reflects the work of all partners.",
    # an aim or target in a copular frame
    "Our target is for nine in ten carers to be offered a break within a month.",
    "Ending the wait for a first appointment is the goal we have set for next year.",
    # few-cases warnings in other words
    "All four people who came on the first night said it helped; we report this as feedback, not a finding.",
    "The 100% figure rests on two tenants and should be read as an anecdote.",
    # disclaimers in other words
    "Nothing in the feedback allows us to say the group is better than other services.",
    "The article should not be taken to mean the project has transformed anyone's life.",
])
def test_shared_credit_aims_cautions_and_disclaimers_pass(overclaim_checker, text):
    assert not _rules(overclaim_checker, text), _rules(overclaim_checker, text)


def test_naming_the_whole_system_is_not_sharing_credit(overclaim_checker):
    """Only 'the work of the whole system' shares credit: a claim about the whole system is still read."""
    text = "Our crisis team is the reason admissions fell across the whole system."
    assert _rules(overclaim_checker, text) & {"overclaim.attribution", "overclaim.causal-system-outcome"}


def test_a_share_reads_its_outcome_in_its_own_clause(overclaim_checker):
    # "stop support" belongs to the next clause, not to the share of people (a method-library block)
    text = ("Most people with mental health needs pose no such risk, and a concern is handled as a safeguarding "
            "matter, not a reason to stop support.")
    assert "overclaim.baseless-share" not in _rules(overclaim_checker, text)


def test_an_enumerator_is_not_a_share(overclaim_checker):
    # "Third," counts the steps of a plan (a method-library block), it is not a share of people
    text = ("Third, planned endings for people who have met their goals are brought forward, with their "
            "agreement, to free caseload places.")
    assert "overclaim.baseless-share" not in _rules(overclaim_checker, text)
