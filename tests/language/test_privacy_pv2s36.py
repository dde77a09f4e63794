"""(pv2, session 36 round 2, issue 15) Causes behind the misses and false alarms of the spent s36 privacy set, fixed by
structure (every sentence here was written for these tests; none is a held-out row): an "Initials" column; a number a
worker holds ("courier ID", "driver no."); a code of up to three capitals, a space and four figures; a driving
licence's shape; a child's own school year at a named school; a romanised given name with a lower-case second
syllable ("Seo-yeon"); a nickname set off after a name with who calls the person by it; one of a kind in a choir or a
band, telling their recovery story. Passes: a firm named after a first name with its trade's word ("Grace Motors"); a
street named in one word ending "gate"; a word for an aunt or an elder used as a form of address."""

from __future__ import annotations

import pytest

_NOT_LEARNED = ("privacy.learned-private-detail", "privacy.learned-identifier")


@pytest.mark.parametrize("text, part", [
    # a column headed "Initials" is a name's column even with no "name" in the header
    ("Initials | Age band | Team\nK.L. | 40-49 | North\nD.O. | 30-39 | East", "D.O."),
    # a number a platform, a firm or an agency gives one worker, with a person near it
    ("Picker ID WH-440912 was stopped after she missed two shifts through her depression.", "WH-440912"),
    # up to three capitals, a space and four figures or more after a reference noun
    ("The agency gave him a new driver ID, TX 88310, after he came back from the hospital.", "TX 88310"),
    ("A steward, badge number ST 61180, he has been sleeping in his car since the split.", "ST 61180"),
    # a driving licence's number: five letters, six figures, then letters and a figure
    ("His provisional licence MORGA802114JB7XT came through the week he moved into the hostel.",
     "MORGA802114JB7XT"),
    # a child's own school year at a named school, as a sentence says it
    ("Her daughter missed her Year 9 exams at Hillcrest High after the move.", "Hillcrest High"),
    ("Her lad is in Year 8 at Brook Lane Primary and has been refusing to go in.", "Brook Lane Primary"),
    # a romanised given name whose second syllable is written in lower case
    ("Referral passed on: Ho Mei-ling, speaks Hakka, wants a woman worker.", "Ho Mei-ling"),
    # a nickname set off after a name, said to be what people call the person
    ("Margaret Oyelaran, Mama Peggy to everyone at the lunch club, was admitted on Tuesday.", "Mama Peggy"),
    ("Iqbal Hussain, Chacha to all the lads at the gym, has started coming to our Monday group.", "Chacha"),
    # one of a kind in a choir or a band, with something private or ours said
    ("The only tuba player in the colliery brass band told us about his gambling debts.",
     "The only tuba player in the colliery brass band"),
    ("Efua, the only alto in the chapel choir who also plays the organ, shared her recovery story at the AGM.",
     "the only alto in the chapel choir who also plays the organ"),
])
def test_the_s36_causes_are_found(privacy, text, part):
    assert privacy.covered(text, part, without=_NOT_LEARNED)


@pytest.mark.parametrize("text", [
    # a firm named after a first name, with its trade's word
    "Rides to the clinic are booked with Grace Motors on the client's behalf.",
    "The office move was done by Holly Removals at no cost to the charity.",
    # a street named in one word ending "gate"
    "The food bank van parks on Kirkgate every Friday morning.",
    "The housing office on Southgate now sees people without an appointment.",
    # a word for an aunt or an elder, used as a form of address for many people
    "Children at the Saturday school call the helpers 'Chacha' and 'Baji'.",
    # one of a kind in a band with nothing private said; a school year with no one's word before it
    "The only drummer in the church band plays every Sunday.",
    "We ran two sessions for Year 9 at Oakfield High on exam stress.",
    # a place after a comma and "to the": no nickname
    "The minibus runs from the hub, Leeds to the coast, every Saturday in summer.",
])
def test_the_s36_look_alikes_pass(privacy, text):
    assert privacy.found(text) == []
