"""Headings whole and in our voice, names as the buyer writes them, one sentence per standard (issue 12, session 27:
the s26 panel's quotes). Sentences of our own, in the shapes the panel quoted; cheap: no answer is assembled."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import buyer_standards, buyer_terms
from evidencebot.compose.buyer_kpis import KpiRow, row_sentence
from evidencebot.compose.buyer_scale import _singular_role
from evidencebot.compose.commitments import from_statement
from evidencebot.compose.filters import figure_subject
from evidencebot.compose.questions import heading_fault, make_heading
from evidencebot.compose.tender import in_our_voice


def test_heading_not_cut_inside_a_time():
    h = make_heading("how the advice line will run between 09:30 and 17:30, Monday to Saturday, including calls from "
                     "carers, pharmacists and housing officers")
    assert not re.search(r"\b09$", h)
    assert "09:30" in h


def test_heading_keeps_both_infinitives_and_their_object():
    h = make_heading("how you will compare waiting times by district, age and ethnicity to find and close the gaps "
                     "between groups")
    assert not h.endswith("to find")
    assert "find and close the gaps" in h


def test_heading_list_of_actions_is_not_cut_before_its_last():
    source = ("how the respite house will take referrals, agree a plan within 2 days and admit the person that week, "
              "and who keeps medical responsibility")
    assert heading_fault("How the respite house will take referrals, agree a plan", source)
    h = make_heading(source)
    assert not h.endswith("agree a plan")
    assert h.startswith("How the respite house will take referrals")


def test_buyers_guidance_is_never_a_heading():
    h = make_heading("Answers should explain how the team will support people who cannot use a telephone")
    assert not h.lower().startswith("answers")
    assert "people who cannot use a telephone" in h


def test_heading_in_our_voice_not_the_buyers_second_or_third_person():
    assert in_our_voice("Which case record system they will use for referrals") == \
        "Which case record system we will use for referrals"
    assert in_our_voice("Who their named Caldicott Guardian will be") == "Who our named Caldicott Guardian will be"
    said = in_our_voice(make_heading("how you will review complaints about your service and act on what you hear."))
    assert not re.search(r"\byou\b|\byour\b", said, re.I)
    assert "acting on what we hear" in said
    # the person's own 'they' further on is theirs: 'where they wish' is not ours
    assert "where they wish" in in_our_voice("Writing plans with the person and, where they wish, a carer")


def test_heading_keeps_a_negated_clauses_adverb():
    h = make_heading("how you will make letters accessible to people who do not speak English fluently, whose sight "
                     "is poor, or who live in boats on the canal")
    assert h.endswith("who do not speak English fluently")


def test_figure_sentence_agrees_with_a_plural_count():
    assert figure_subject({"title": "Referrals seen within 5 days", "unit": "percent"}) == \
        "The share of referrals seen within 5 days was"
    assert figure_subject({"title": "People with a named keyworker", "unit": "percent"}) == \
        "The share of people with a named keyworker was"
    # a statistic or a rate is one thing
    assert figure_subject({"title": "Days from referral to contact (median)", "unit": "days"}).endswith(") was")
    assert figure_subject({"title": "Falls per 100 people", "unit": "per_100"}) == "Falls per 100 people was"


def test_role_name_said_in_the_singular_as_the_buyer_would():
    assert _singular_role("Family Support Coaches") == "Family Support Coach"
    assert _singular_role("Gypsy, Roma and Traveller Outreach Workers") == "Gypsy, Roma and Traveller Outreach Worker"
    assert _singular_role("Benefits Advisers") == "Benefits Adviser"


def test_kpi_measure_opening_on_a_name_keeps_its_capitals():
    said = row_sentence(KpiRow(ref="", measure="Birch House bed occupancy", steps=[("90%", "")], reported="Monthly"))
    assert "Birch House bed occupancy" in said
    said = row_sentence(KpiRow(ref="", measure="Referrals triaged", steps=[("95%", "")]))
    assert "for referrals triaged" in said


def test_buyers_volume_is_not_our_promise():
    assert from_statement("The service is expected to see about 1,400 referrals a year by 2029.") == ""
    assert from_statement("The Provider is expected to contact every person within 48 hours.").startswith("We will")


def test_plural_name_the_buyer_never_writes_after_the():
    buyer = "Housing partners: Marsh Lane Homes and the Tollgate Council Housing Team. The two Recovery Hubs open daily."
    assert buyer_terms.without_article("Marsh Lane Homes", buyer)
    assert not buyer_terms.without_article("Tollgate Council Housing Team", buyer)
    assert not buyer_terms.without_article("Recovery Hubs", buyer)  # 'The two Recovery Hubs'
    assert buyer_terms.drop_article("We will agree with the Marsh Lane Homes and the Tollgate Council Housing Team "
                                    "how we refer.", ["Marsh Lane Homes"]) == \
        "We will agree with Marsh Lane Homes and the Tollgate Council Housing Team how we refer."


def test_one_standard_read_once_from_the_statement_to_confirm():
    text = ("The Harewood Step-Up Protocol requires a decision on any step-up referral within 6 hours. This question "
            "will not score above 2 unless the response includes the following statement: \"We confirm that Oak "
            "Lodge will accept step-up admissions between 09:00 and 21:00, with a decision within 6 hours of "
            "referral.\"")
    assert [s.matter for s in buyer_standards.timescales(text)] == ["step_up_decision"]


def test_heading_from_a_bare_verb_is_a_gerund_not_an_order():
    assert make_heading("arrange a first visit to the day centre within 5 working days of referral") == \
        "Arranging a first visit to the day centre"


def test_heading_you_as_an_object_is_us():
    assert in_our_voice("Signs that would prompt you to review a plan") == "Signs that would prompt us to review a plan"
    assert in_our_voice("Adults you support at home") == "Adults we support at home"


def test_buyers_reason_after_given_that_is_no_part_of_the_heading():
    assert make_heading("how housing will be addressed before discharge, given that in 2025/26 delays on the "
                        "Ashby Ward where housing was the cause averaged 9 days each") == \
        "Addressing housing before discharge"


def test_role_keeps_the_name_the_buyer_writes_inside_it():
    from evidencebot.compose.buyer_scale import role_name
    assert role_name("Alder Grange night staff") == "Alder Grange night staff"
    assert role_name("Community Link Workers") == "community link workers"  # a role in title case, said as ours


@pytest.mark.parametrize("heading, said", [
    ("How people tell you what matters to them", "How people tell us what matters to them"),
    ("How staff will help you understand the risks", "How staff will help us understand the risks"),
    ("What support they will receive after discharge", "What support they will receive after discharge"),
    ("Which record system they will use", "Which record system we will use"),
])
def test_the_bidder_as_an_object_is_us_and_the_persons_they_stays_theirs(heading, said):
    """(s27 review) 'you' after a verb it is the object of became 'we' ('How people tell we what matters'), and the
    person's 'they' was made ours ('What support we will receive after discharge')."""
    from evidencebot.compose.tender import in_our_voice

    assert in_our_voice(heading) == said


@pytest.mark.parametrize("ask, heading", [
    ("how you will support people who have to travel to the mainland on the Kessel Point car ferry (Dunmouth to "
     "Arlow) or the fast boat", "Supporting people who have to travel to the mainland"),
    ("how you will support people who use drugs", "Supporting people who use drugs"),
])
def test_a_heading_keeps_the_relative_clause_that_says_whom_the_part_is_for(ask, heading):
    """(s27 q01 panel, after its measurement) cut before 'who', the heading was 'Supporting people', a cut label."""
    from evidencebot.compose.questions import make_heading

    assert make_heading(ask) == heading


def test_a_passive_ask_with_two_verbs_is_a_question_heading_not_a_stranded_gerund():
    """(s27 q01 panel, after its measurement) 'how people will be referred to and access the service' was headed
    'Referring people to and access the service'."""
    from evidencebot.compose.questions import make_heading

    assert make_heading("how carers will be referred to and use the support line, including at weekends") == \
        "How carers are referred to and use the support line"
    assert make_heading("how people will be referred to the service") == "Referring people to the service"
