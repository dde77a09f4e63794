"""(pv2, session 34, issue 15) Privacy by structure, second round: Scotland's CHI number under its label in any
grouping; a booking's or a grant's reference with a person near; initials given with a date of birth; a record
system's name before its ID (TrakCare); a fishing boat's port letters and number; a lower-case name before a
note's word for a text. Passes: a council's civic office before a name (Provost), a club's word ending a name
(Camanachd), a place after "out of", a vehicle an organisation keeps for its staff (a pool car).
Sentences written for these tests, none from a held-out set (each marked "new" fails on main 2e4a0498)."""

from __future__ import annotations

import pytest

# a rule's finding, not the learned scorer's warning (which covers a whole sentence)
LEARNED = ("privacy.learned-private-detail",)


@pytest.mark.parametrize("text, part", [
    # new: a CHI under its label, "as" between them
    ("The GP letter gives her CHI as 090692-4415, so use that on the form.", "090692-4415"),
    # (split by a hyphen after the birth date's six digits; found on main too: a guard)
    ("Quote CHI 010572-3318 on the letter to the consultant.", "010572-3318"),
    # (a phone's shape: found on main too, by the phone rule; a guard)
    ("Add CHI number 0111853372 to the top of the discharge letter.", "0111853372"),
    # new: a booking's reference with the person it is for
    ("Train booking ref K7PX2Q is under Ms Haddow, who travels on Monday.", "K7PX2Q"),
    # new: a grant's reference with a person's word near it
    ("His community care grant CCG/2025/004471 paid for the cooker and the bed.", "CCG/2025/004471"),
    # new: a hospital system's ID
    ("TrakCare ID GGC7741203 is on the ward's copy of the plan.", "GGC7741203"),
    # new: initials with a date of birth
    ("DW, dob 21/02/1984, asked for an interpreter at the next visit.", "DW"),
    # new: a fishing boat by its port letters and number
    ("Her husband's trawler, FR 227, has been laid up since his stroke.", "FR 227"),
    # new: a lower-case name before a note's word for a text
    ("kirushan txtd at 22:40 - cant get to sleep, wants a call tmrw", "kirushan"),
])
def test_found(privacy, text, part):
    assert privacy.covered(text, part, without=LEARNED)


@pytest.mark.parametrize("text", [
    # new: a civic office held in public
    "Provost Elaine Forbes presented the volunteer awards at the town hall.",
    # new: a club's name
    "Glenurquhart Camanachd let us use their clubhouse for the carers' lunch.",
    # where a fleet works from (passes on main too: a guard; the change is test_out_of_reads_as_one_place_word)
    "Most of the boats working out of Kinlochbervie now land on Mondays.",
    # new: an organisation's vehicle
    "The pool car YS22 HTN is parked behind the clinic for staff visits.",
    # a booking's or a grant's reference with no person near stays an organisation's
    "Booking ref HALL2291 holds the church hall for every Tuesday in March.",
    "Grant ref LF-2025-0117 from the Lottery covers the project's rent.",
    # initials that are an organisation's, and no date of birth
    "The NHS and the DWP both asked for the same form.",
    # a boat's-looking code with no boat near
    "The meeting is in room AB 12 on the second floor.",
])
def test_passes(privacy, text):
    assert privacy.findings(text) == []


def test_out_of_reads_as_one_place_word():
    # new: "out of" before a capitalised word is read as one word of place (place_prepositions lists it)
    from evidencebot.language.privacy import _PLACED

    m = _PLACED.search("Crews working out of ")
    assert m is not None and " ".join(m.group(1).split()) == "out of"
    m = _PLACED.search("a letter from the son of ")
    assert m is not None and " ".join(m.group(1).split()) == "son of"
