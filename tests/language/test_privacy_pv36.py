"""(pv36, session 36, issue 15) Privacy causes that recurred across the fresh held-out sets, fixed by structure
(sentences written for these tests; none is from a held-out set): one of a kind within a scope the reader already
knows ("in the town", "on the team") with something private or ours said of them; a place word as a surname
straight after a first name; a nickname given after a name with "known as"; a name that is also a word keeping
up something only a person does; a surname or a real name said in so many words; a role at a place that has one of them, of one said to be ours
in an apposition or who keeps contacting our service. Passes: a uniqueness with nothing private said; a hospital ward named after a person with two names; a
place or a body "known as" something; a quality "has been" doing something."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, part", [
    # one of a kind within the town, the county or the team, then what is private of them (or that they are ours)
    ("The only woman blacksmith in the valley has been signed off with depression since March.",
     "The only woman blacksmith in the valley has been signed off with depression since March"),
    ("Our only Gujarati-speaking befriender is on long-term sick leave after her stroke.",
     "Our only Gujarati-speaking befriender is on long-term sick leave after her stroke"),
    ("The county's only male health visitor came to us after his breakdown in the autumn.",
     "The county's only male health visitor came to us after his breakdown in the autumn"),
    ("One tenant is the only harpist in the town and plays at the open day.", "the only harpist in the town"),
    # ... and where a description of one person found by another rule stops at the scope, the private clause
    # that runs on from it is taken into that finding
    ("The only male midwife on the birth unit is off with anxiety, so the rota is short.",
     "The only male midwife on the birth unit is off with anxiety"),
    # a role at a place that has one of them, said of one who is ours in an apposition, or who keeps contacting us
    ("Our client, the groundsman at the village cricket club, has agreed to speak to the paper.",
     "the groundsman at the village cricket club"),
    ("The caretaker of the village's only chapel has been ringing our support line most nights.",
     "The caretaker of the village's only chapel"),
    # a place word as a surname right after a first name
    ("Gráinne Ward and her brother were both at the carers' evening.", "Gráinne Ward"),
    # a nickname given after a name set off by a comma
    ("Old Tommy Lyons, known as Sparrow round the market, has been sleeping rough again.", "Sparrow"),
    # a name that is also a word, keeping up what only a person does
    ("Faith has been coming to the Tuesday walk since the spring.", "Faith"),
    # a surname or a real name said in so many words
    ("He has asked us to leave out his surname, Kilbride, when the story goes in the newsletter.", "Kilbride"),
    ("Blaze is his real name; the lads shortened it years ago.", "Blaze"),
])
def test_the_recurring_kinds_are_found(privacy, text, part):
    assert privacy.covered(text, part, without=("privacy.learned-private-detail", "privacy.learned-identifier"))


@pytest.mark.parametrize("text", [
    # one of a kind with nothing private said: a staff member doing the job, a service
    "The only Urdu speaker on the team leads the Thursday clinic.",
    "The only evening group in the town meets in the library on Wednesdays.",
    "The only late-night cafe in the town is run by volunteers and closes at eleven.",
    # a role at a place with nothing said of the person being ours
    "The caretaker at the village hall unlocks the doors for our Tuesday group.",
    # a ward named after a person by both names; a body known by a short name
    "Mary Seacole Ward reopened after its refurbishment in January.",
    "The Old Library, known as The Hub, opens at nine on weekdays.",
    # a quality that "has been" doing something is no one's name
    "Hope has been growing across the team since the new lead started.",
])
def test_the_look_alikes_pass(privacy, text):
    assert privacy.found(text) == []
