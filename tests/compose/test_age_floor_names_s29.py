"""An age range inside a document's title is the buyer's and is never lifted (issue 12, session 29).

Session 28's age floor turned 'young people aged 16 to 25' into 'aged 18 to 25' for an adults-only service; on the s29
held-out set it also rewrote the title of the buyer's transitions protocol, and the third reader marked it FIRM. The
sentences below are written for this test."""

from __future__ import annotations

from evidencebot.compose import ages


def test_a_title_with_an_age_range_is_left_as_the_buyer_wrote_it():
    ours = "We will follow the Harrowgate Transitions Agreement for Young People Aged 16 to 25 (version 2)."
    assert ages.lift(ours, 18) == ours


def test_our_own_range_below_the_floor_is_still_lifted():
    ours = "The navigator works with young people aged 16 to 25 who are new to the service."
    assert "aged 18 to 25" in ages.lift(ours, 18)
