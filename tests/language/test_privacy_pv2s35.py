"""(pv2 s35, session 35 round 2, issue 15) Privacy, the kinds the spent s35 set showed (read for kinds; these
sentences are written for these tests, none from a held-out set; each marked "new" fails on merge35 1ce5d35d):
a number labelled with the agency of a record one household or one farm holds (a housing executive's, a farm
department's); an age set off as one person's with the shift they work and the works it is at; first names of
origins the lists lacked (East Timorese, Polish short forms in messages, Irish). Passes: a service's own text line;
a service's or a club's vehicle; an Irish word for a ground opening its name; a garden's name; a one-word place by
its ending; the rest of a place's name after its opening word; a one-word line's name before a public number."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, part", [
    # new: a housing executive's reference, its agency named by its letters
    ("NIHE ref 4471203 is on the transfer form we sent on Monday.", "4471203"),
    # new: a farm department's number with a word between the agency and "ID"
    ("The DAERA herd ID 552 019 belongs to the brothers at the top of the lane.", "552 019"),
    # (a guard: found on merge35 too, by the owner's word)
    ("His RPA customer number 106 332 841 is on the letter about the late payment.", "106 332 841"),
    # new: an age, a shift and the works
    ("Ilse Brandt, 58, on the back shift at the creamery in Dromore, has stopped eating properly.",
     "58, on the back shift at the creamery in Dromore"),
    ("He is 29 and works nights at the sawmill, so home visits have to be after four.",
     "29 and works nights at the sawmill"),
    # first names the lists lacked, written with a surname (a guard: the model finds this one) or lower case in a
    # message (new)
    ("Domingos Pereira has asked for the letter in Portuguese, as his English is still poor.", "Domingos Pereira"),
    ("[21:05] gosia: can u ring jurek, he is not answering", "jurek"),
    ("msg from client 16:40: its fionnuala, im outside the chemist", "fionnuala"),
])
def test_found(privacy, text, part):
    assert privacy.covered(text, part, without=("privacy.learned-private-detail",))


def test_a_combination_that_runs_on_from_an_age_and_a_shift_is_reported_with_it(privacy):
    # new: the described worker is "the only man" too; one warning covers both descriptions
    text = "The client is 61, works the 7–3 in the packing room at the chicken plant in Ballymena, and is the only man on it."
    assert privacy.covered(text, "61, works the 7–3 in the packing room at the chicken plant in Ballymena")
    assert privacy.covered(text, "the only man on it")


@pytest.mark.parametrize("text", [
    # new: a service's own text line
    "Our evening support line is 07700 900 456, answered by staff until ten.",
    "The out-of-hours text line, 07700 900 321, is checked every hour.",
    # a service's or a club's vehicle (guards: these pass on merge35 too)
    # new: "the service van" (neither ours nor the service's by its possessive)
    "The service van, reg KLZ 5521, is parked behind the hall on Fridays.",
    "The project minibus, reg LKZ 4410, picks up from the library at ten.",
    "Our club van, reg MXZ 2207, takes the kit to away games.",
    # new: an Irish word for a ground opening its name
    "Páirc Seán Mac Diarmada was full for the league final on Sunday.",
    "Pairc Tailteann hosted the county final, and the money raised went to the men's shed.",
    # new: a garden named by its last word
    "The mindfulness walk meets by the Lily Garden behind the library.",
    # new: one word that ends as only place names do, which the model took for a person's
    "The bilingual map marks Cookstown (An Chorr Chríochach) on the western shore.",
    "Ask for the timetable: the 80 leaves Cookstown at ten past nine.",
    # one word that ends as only place names do (a guard: the model knows this one)
    "Our Thursday group moved from Middlesbrough to a hall nearer the station.",
    # new: a one-word name with a public line's number after it is the line's
    "Out of hours, ring Shoutline on 0300 123 4455 and a volunteer will answer.",
    # (guards) many workers, no one's age; a group's number
    "Most of the 40 workers on the night shift at the creamery are over 50.",
    "The group of 12, on the back shift at the mill, asked for a later start.",
])
def test_passes(privacy, text):
    assert privacy.findings(text) == []
