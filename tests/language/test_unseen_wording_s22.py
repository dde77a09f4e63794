"""Structural readings generalised in session 22 (o22, issue 15) from the kinds the spent s20/s21 sets missed.

Each group names the rule that must report the sentence, so a test fails when the reading is lost even if
another rule happens to flag it. Sentences written for this test; none is from a labelled or held-out set.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported as _rules


# --- a counterfactual whose condition opens the sentence and which the parser hangs elsewhere -----------------

@pytest.mark.parametrize("text", [
    # an inverted "had ... not" the parser makes the root
    "Had the mentors not stepped in, dozens of young people would have dropped out of college.",
    # "were it not for" as the root, the claim its dependent
    "Were it not for our befrienders, 40 older residents would have spent Christmas alone.",
    # "if it wasn't for", a quantity of people as the subject
    "If it wasn't for our drop-in, a lot of the tenants on the estate would have been evicted by now.",
    # "but for", a people noun made of two words
    "But for our outreach workers, several rough sleepers would have frozen.",
])
def test_an_opening_condition_that_takes_us_away_is_flagged(overclaim_checker, text):
    assert "overclaim.counterfactual-credit" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # what someone else did, not us
    "Had the council not cut our funding, more families would have been seen.",
    # about us, not a person's outcome
    "Were it not for the grant, we would have closed the café.",
    # a question
    "If our nurses had not been there, would anyone have died?",
])
def test_a_condition_about_others_or_about_us_passes(overclaim_checker, text):
    assert "overclaim.counterfactual-credit" not in _rules(overclaim_checker, text)


# --- no relapse: a verb the tagger reads as a noun, going back to a habit of any name ---------------------------

@pytest.mark.parametrize("text", [
    # 'relapse' tagged as a noun at the root
    "Tenants who complete our course never relapse.",
    # 'reoffend' tagged as an adjective
    "Young people who join our group never reoffend.",
    # a universal subject and a verb read as a plural noun
    "No one in our groups reoffends after the first year.",
    # going back to a habit the vocabulary does not list
    "Nobody who finishes our programme ever goes back to shoplifting.",
    "None of our clients ever goes back to gambling.",
    "No one who finishes our course ever goes back to bingeing.",
])
def test_a_group_said_never_to_relapse_is_flagged(overclaim_checker, text):
    assert "overclaim.generic-outcome" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Some members go back to smoking after the course.",
    "Staff never go back to checking the list by hand.",
    "None of our volunteers ever goes back to the office.",
    "We do not claim that tenants who complete our course never relapse.",
])
def test_part_of_a_group_staff_or_a_denial_passes_generic_outcome(overclaim_checker, text):
    assert "overclaim.generic-outcome" not in _rules(overclaim_checker, text)


# --- credit shared, then set aside: a concession before the claim is no hedge of it -----------------------------

@pytest.mark.parametrize("text", [
    # the sharing in a clause opened by a word of concession
    "Although housing is only one part of the picture, the fall in evictions was brought about by our tenancy team.",
    "While we are one part of a wider system, the drop in admissions was driven by our crisis café.",
    # a modal in the clause before "but": the clause after it has its own subject
    "Other services may have helped, but the drop in admissions was driven by our crisis café.",
])
def test_a_conceded_hedge_does_not_cover_the_claim_after_it(overclaim_checker, text):
    assert _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # the sharing after the claim still shares it
    "The drop in admissions was driven by our crisis café, although we are only one part of the system.",
    "Our service is one part of the crisis pathway, and any change in admissions reflects the work of the whole system.",
    # a modal shared by two verbs with one subject
    "We may have reduced admissions and cut waiting times.",
    "It is too early to say, but our service may have reduced admissions.",
])
def test_shared_credit_after_the_claim_or_a_shared_modal_still_passes(overclaim_checker, text):
    assert not _rules(overclaim_checker, text)


# --- a reason frame that credits us with what a public body did --------------------------------------------------

@pytest.mark.parametrize("text", [
    "We were the reason the housing department finally agreed to repair the flats.",
    "Our advocates were the reason the ward changed its visiting policy.",
    "Our team is the reason the trust now commissions peer support.",
])
def test_we_as_the_reason_a_body_acted_is_flagged(overclaim_checker, text):
    assert "overclaim.cleft-credit" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Staff shortages were the reason the service closed early.",
    "Our rota is the reason she sees a different worker each week.",
    "Our late report was not the reason the board delayed its decision.",
])
def test_a_reason_that_is_not_ours_or_denied_passes(overclaim_checker, text):
    assert "overclaim.cleft-credit" not in _rules(overclaim_checker, text)


# --- "rather than" inside the subject qualifies the subject, not the claim made of it -----------------------------

@pytest.mark.parametrize("text", [
    "Keeping patients in the community rather than in hospital saved the trust £3 million.",
    "Supporting tenants at home rather than in temporary flats saved the council £250,000 last year.",
    "Treating people at home rather than on the ward saved the ICB over £1 million in bed days.",
])
def test_rather_than_in_the_subject_does_not_negate_the_claim(overclaim_checker, text):
    assert _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "We report what we did rather than claim the service reduced admissions.",
    "Rather than say our team cut evictions, we describe the visits we made.",
])
def test_rather_than_before_the_claim_still_negates_it(overclaim_checker, text):
    assert not _rules(overclaim_checker, text)


# --- an observation said to tell everything, or to leave no clearer proof, about us ------------------------------

@pytest.mark.parametrize("text", [
    "Rent arrears halved in a year. That tells you everything about what our money advisers achieve.",
    "This says it all about the difference the befriending scheme makes.",
    "There can be no stronger evidence of what our peer workers do.",
])
def test_an_observation_offered_as_the_whole_proof_is_flagged(overclaim_checker, text):
    assert "overclaim.total-proof" in _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "The handbook tells you everything about our referral criteria.",
    "This does not tell you everything about our service, and the evaluation reports in June.",
    "Is there any clearer evidence of what our peer workers do?",
    "There is no clearer evidence yet, and we will know more after the evaluation.",
])
def test_a_guide_a_denial_or_a_question_is_no_total_proof(overclaim_checker, text):
    assert "overclaim.total-proof" not in _rules(overclaim_checker, text)


# --- a verb of saying in the writer's own voice asserts, it does not report ----------------------------------------

@pytest.mark.parametrize("text", [
    "Delighted to say the drop in evictions across the estate was driven by our tenancy coaches.",
    "We are proud to tell you that the fall in A&E visits was brought about by our night team.",
    "I can say with confidence that the rise in school attendance was down to our mentors.",
])
def test_our_own_saying_is_our_claim(overclaim_checker, text):
    assert _rules(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # (session 25) m25's refit scores this 0.96 over its 0.945 threshold: our own staff's report of our cause, which
    # the learned rule reads as ours (_said_by_some: only "some" of a group not ours is a report). The s22 writer
    # labelled it a pass; the fresh writers since label such reports by staff or carers as claims. Kept visible as a
    # writers' disagreement to settle with more labelled reports, not hidden
    # (oc28) the refit on every set, s27 included, scores it under its threshold: it passes, as the s22 writer
    # labelled it (the strict xfail above it turned into a pass)
    "Staff say the drop in evictions was driven by our tenancy coaches.",
    "Mrs Khan told us the befriending calls saved her life.",
    "We believe the fall in A&E visits was helped by our night team, among other changes.",
])
def test_reported_speech_and_belief_still_pass(overclaim_checker, text):
    assert not _rules(overclaim_checker, text)
