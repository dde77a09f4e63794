"""Headings from asks with an aside before the verb, or a 'make sure no one is ...' ask (issue 12, session 29).

The spent s28 panel saw 'c) How your staff' over a part that asked how staff 'including the 2.0 WTE dual diagnosis
practitioners ... will be trained, supervised and supported', and 'a)' with no words at all where the buyer asked how
we make sure 'no one is turned away' (our checker reads 'Making sure no one is ...' as a guarantee and the heading was
cut to its reference). The asks below are written for this test."""

from __future__ import annotations

import pytest

from evidencebot.compose import questions as Q


@pytest.mark.parametrize("ask, verb", [
    ("how your outreach workers, including the two posts funded by the district councils, will be deployed across "
     "the coastal towns", "deploy"),
    ("how the duty team, such as the senior practitioners on the rota, will be supervised at weekends", "upervis"),
])
def test_an_aside_between_subject_and_verb_leaves_the_verb_in_the_heading(ask, verb):
    for short in (False, True):
        heading = Q.make_heading(ask, short=short)
        assert verb in heading, heading
        assert "including" not in heading and "such as" not in heading


@pytest.mark.parametrize("ask, want", [
    ("how you will make sure that no one is turned away because they are not registered with a GP, or asked to "
     "prove an address", "Not turning anyone away"),
    ("how you will ensure nobody is discharged without a crisis plan agreed with them", "Not discharging anyone"),
])
def test_a_make_sure_no_one_ask_becomes_what_we_do_not_do(ask, want):
    heading = Q.make_heading(ask, short=True)
    assert heading.startswith(want), heading
    assert not heading.lower().startswith(("making sure", "ensuring"))


def test_the_not_form_passes_our_own_checker():
    from evidencebot.language.checker import Checker  # the heading is printed in the answer: it must pass
    heading = Q.make_heading("how you will make sure no one is turned away because they use alcohol", short=True)
    findings = [f for f in Checker().check_text("## a) " + heading) if f.severity == "error"]
    assert findings == [], findings
