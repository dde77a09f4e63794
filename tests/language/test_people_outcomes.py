"""Causal claims about people and social outcomes read by structure (session 20, o20, issue 15 part 2).

Each group names the rule that must report the sentence, so a test fails when the reading is lost even if
another rule (the learned scorer) happens to flag the sentence. Sentences written for this test; none is from a
labelled or held-out set.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported as _rules


# --- the provider read from the shape of the subject of a causal verb ----------------------------------------

@pytest.mark.parametrize("text", [
    # a service's name of capitalised words, with the small words of a name inside it
    "Books on Prescription reduces anxiety among older readers.",
    "New Leaf reduces reoffending among women on probation.",
    # "our" before the head, not on it
    "Our welfare benefits checks raise household incomes for kinship carers.",
    # an activity of ours with no determiner
    "Peer mentoring reduces isolation among young fathers.",
    "Weekly befriending calls reduce loneliness among housebound men.",
    # a role of ours with no determiner
    "Trained mentors keep care leavers out of prison.",
])
def test_a_causal_verb_with_a_subject_of_ours_by_its_shape_is_flagged(overclaim_checker, text):
    assert "overclaim.causal-outcome" in _rules(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    # a person acting on his or her own outcome
    "Alan Price reduced his drinking after his daughter was born.",
    # someone else's body, named
    "Public Health England reduced loneliness funding for the region in 2023.",
    # hedged, negated or an aim
    "Peer mentoring may reduce isolation among young fathers.",
    "Peer mentoring did not reduce isolation among the young fathers we surveyed.",
    "Our aim is that peer mentoring reduces isolation among young fathers.",
])
def test_a_person_an_outside_body_or_a_careful_verb_is_not_our_causal_claim(overclaim_checker, text):
    assert "overclaim.causal-outcome" not in _rules(overclaim_checker, text), text


# --- a person's outcome with a clause or phrase of cause that names us ---------------------------------------

@pytest.mark.parametrize("text", [
    "Kayleigh kept her job at the bakery because her recovery worker phoned her manager.",
    "Because of the Tuesday Club, Bill no longer feels isolated.",
    "Thanks to his mentor, Liam is still in his tenancy a year on.",
    "Sunita's anorexia is in remission because our family team stayed with her.",
    "The apprentices we coached passed their assessments because of the sessions we ran.",
])
def test_a_persons_outcome_given_a_cause_of_ours_is_flagged(overclaim_checker, text):
    assert "overclaim.credited-cause" in _rules(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    # no outcome in the main clause
    "Kayleigh left the group early because our sessions clashed with her shifts.",
    "Bill no longer comes on Mondays because our club moved to Tuesdays.",
    "Liam is on the waiting list because our service is full.",
    # the cause is not ours
    "Because of the pandemic, Bill no longer feels safe on the bus.",
    # not a person
    "Referrals come from GPs, schools and self-referral through our website.",
    # denied or hoped
    "Kayleigh did not keep her job, although her recovery worker phoned her manager.",
    "We hope Liam will stay in his tenancy because his mentor visits him weekly.",
])
def test_no_outcome_another_cause_or_a_careful_clause_is_not_credited(overclaim_checker, text):
    assert "overclaim.credited-cause" not in _rules(overclaim_checker, text), text


# --- a copular frame whose focus is ours and whose other side is a person's outcome --------------------------

@pytest.mark.parametrize("text", [
    "It was the knitting circle that kept Elsie going through the winter.",
    "It was our art sessions that allowed Kieran to rebuild his friendships.",
    "The Thursday Circle is what got Pat off sleeping tablets.",
    "Our key worker is the reason Amir stayed out of hospital this year.",
    "Our peer mentor is why Lena finally went back to college.",
])
def test_a_cleft_or_reason_frame_crediting_us_with_a_persons_outcome_is_flagged(overclaim_checker, text):
    assert "overclaim.cleft-credit" in _rules(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    # the focus is someone else's
    "It was her brother who got Pat back into work.",
    # the verb acts on no person, or the clause is a process
    "It was our volunteers who kept the hall open on Boxing Day.",
    "Our rota is the reason he sees a different worker each month.",
    # denied or hedged
    "The reading group is not what kept Elsie going; her neighbours were.",
    "Our key worker may be the reason Amir stayed out of hospital this year.",
])
def test_someone_elses_credit_a_process_or_a_careful_frame_is_not_a_cleft_claim(overclaim_checker, text):
    assert "overclaim.cleft-credit" not in _rules(overclaim_checker, text), text


# --- careful text the dev set showed flagged (o20) -----------------------------------------------------------

def test_a_denied_universal_is_not_an_outcome_for_everyone(overclaim_checker):
    assert "overclaim.universal-outcome" not in _rules(
        overclaim_checker, "Not every carer on the course found paid work, and three left early.")
    # the rule still reads the universal itself
    assert "overclaim.universal-outcome" in _rules(overclaim_checker, "Every carer on the course found paid work.")


def test_a_kpi_is_a_target_not_an_unsupported_change(overclaim_checker):
    assert "overclaim.unsupported-change" not in _rules(overclaim_checker, "The KPI is a 25% fall in repeat calls by June 2027.")
    assert "overclaim.unsupported-change" in _rules(overclaim_checker, "Repeat calls fell by 25%.")


# --- a counterfactual that takes us away from a person's life ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Without our hoarding support worker, Mr Dale would not have kept his flat.",
    "Pam would still be housebound if it were not for the lunch club.",
    "Without our mentors, none of these care leavers would have finished college.",
])
def test_a_counterfactual_without_us_is_flagged(overclaim_checker, text):
    assert "overclaim.counterfactual-credit" in _rules(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    "Without the lottery grant, we would have closed the Saturday group.",
    "If it were not for the snow, the walk would have gone ahead.",
    "We cannot show that Pam would have gone back to hospital without us.",
    "Mr Dale says he would not have kept his flat without our worker.",
    "Nobody can tell whether these care leavers would have finished college without our mentors.",
])
def test_a_counterfactual_about_us_denied_asked_or_in_their_words_passes(overclaim_checker, text):
    assert "overclaim.counterfactual-credit" not in _rules(overclaim_checker, text), text
