"""(pv35, session 35, issue 15) Privacy by structure: a name of name words with an age straight after it, whatever
entity the model gave it; a lower-case name that says something of themselves or how they were in a note; another
country's phone number in its international form (and the UK's after "0044"). Passes: a one-word place a plural of
people travels from, a place's name with a Gaelic, Irish or Welsh link word, a product named in lower camel case,
a meeting's minute-taker, a second number of a public line, a number after a country's calling code read as a
phone's rest, a handle a named body posts its news on. Sentences written for these tests, none from a held-out set
(each marked "new" fails on main f424b414; the rest guard). Also: a titled person who is ours or our client's
relative ("Our client, the Reverend ...", "Cllr ...'s son, who we support"); a meeting's or a team's label ("Chair:",
"Team:") as a staff frame; Welsh and Irish words that open place names ("Ynys", "Cill"); a hospice's name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, part", [
    # new: the model reads the two words as an organisation; the age says a person
    ("Brannagh Keogh (aged 29) asked to move her review to a Friday.", "Brannagh Keogh"),
    # (a guard: found on main too)
    ("Orlaith Devane, 33, has not been back to the group since her father's funeral.", "Orlaith Devane"),
    # new: a note's lower-case name, then how she was
    ("note: fatou very tearful, asked about refuge spaces again", "fatou"),
    ("update - ngozika still not eating, sister worried", "ngozika"),
    # new: a name that is also a word, the subject of "said" with "she" after it
    ("ok so blessing said she'd come thurs if her childcare works out", "blessing"),
    # new: another country's number
    ("Her aunt in Kraków is on +48 512 880 431 most evenings.", "+48 512 880 431"),
    ("Text her brother on 00353 86 412 9087; he is in Limerick.", "00353 86 412 9087"),
    ("Contact his mother on 0044 7700 900 331; she speaks little English.", "0044 7700 900 331"),
    # new: a UK number after +44 is a phone, not an NHS number's 3-3-4 (on main only that rule's warning took its
    # last ten digits)
    ("Her brother in Leeds is on +44 161 496 0777 most evenings.", "+44 161 496 0777"),
    # (a guard: a personal number joined to a helpline's by "or" stays)
    ("Ring the helpline on 0800 123 4567 or her mobile 07700 900123 if it is closed.", "07700 900123"),
    # (a guard: a person's handle)
    ("Her son posts on @kyle_w07 most nights.", "@kyle_w07"),
    # new: a titled person who is ours, or a relative of someone we support, whatever the office
    ("Our client, the Reverend Alun Price, has asked for sessions away from the chapel.", "Reverend Alun Price"),
    ("Cllr Shona Bell's son, who we support, was sectioned on Friday.", "Shona Bell"),
    # new: a one-word name the model tags as a common noun, saying something of himself
    ("Suleiman from flat 12 told us he has not eaten for three days.", "Suleiman"),
    # (a guard: a surname with "an" after Nic is a person's)
    ("Màiri Nic an t-Saoir has asked for her letters in Gaelic.", "Màiri"),
])
def test_found(privacy, text, part):
    assert privacy.covered(text, part, without=("privacy.learned-private-detail",))


@pytest.mark.parametrize("text", [
    # new: a one-word place a plural of people travels from
    "Clients travel in from Llanrhaeadr-ym-Mochnant and Penrhyndeudraeth for the group.",
    "Carers commute from Dolgarrog to the Thursday session.",  # (a guard)
    # new: a place's name with a Gaelic or Welsh link word
    "Walks start from Cnoc an t-Sìthein and finish at Tràigh Mhòr.",
    "The hill walk goes up Pen y Fan on the first Saturday.",  # (a guard)
    # new: a product in lower camel case
    "Clients can log in to myGov Scot or the NHS App to see their letters.",
    # new: who took a meeting's minutes
    "Apologies: Eleri Vaughan, Jaspreet Gill. Minutes taken by Roisin Dunne.",
    # new: a public line's second number, and a number after a country's code
    "Call our helpline on 0800 123 4567 or, from abroad, on +44 20 7946 0321.",
    "Ring the advice line on 0300 123 9876 or, from outside the UK, on +44 161 496 0777.",
    "Our Dublin office can be reached on +353 1 555 0100 during business hours.",  # (a guard for the new pattern)
    # new: Welsh and Irish words that open place names; a hospice's name
    "Most referrals came from Ynys Môn and Gwynedd this quarter.",
    "Staff from St Oswald's Hospice ran the bereavement session.",
    # new: a meeting's or a team's label before its names
    "Minutes: Ifeanyi Okafor. Chair: Rhiannon Price. Apologies: none.",
    "Team: Olumide (lead), Carys, Ffion and Tadhg (support workers).",
    # (guards: an official in office, not ours)
    "The Lord Lieutenant opened our new garden in June and met the volunteers.",
    "Councillor Farida Begum, cabinet member for health, opened the new hub.",
    # new: a handle a named body posts its news on
    "The council posts gritting news on @leedscc_roads during the winter.",
    # (guards: plus signs that are no phone)
    "Scores improved by +12 points on average across 240 people.",
])
def test_passes(privacy, text):
    assert privacy.findings(text) == []


def test_a_team_label_does_not_pass_a_name_its_paragraph_ties_to_care(privacy):
    text = "Team: Kemi, Jo and Dev. Kemi's son was admitted to the ward on Friday."
    assert "Kemi" in privacy.found(text, "privacy.person-name")


def test_the_lists_made_once_hold_what_the_lookups_read(privacy):
    names = next(r.names for r in privacy.rules if r.names is not None and r.names.english_words)
    ctx = names.context
    assert "she" in names.not_lower_names() and "mum" in names.not_lower_names()
    assert names.not_lower_names() is names.not_lower_names()
    assert names.organisation_words() == names.veto_words | frozenset(names.place_words)
    assert set(ctx["place_name_links"]) >= {"an", "y"} and "come" in ctx["origin_verbs"]


def test_the_table_rows_a_place_column_and_the_view_read_alike():
    from evidencebot.language.privacy import _cells, _header_rows

    text = "Town | Referrals\nBarry | 54\nRhyl | 12\n\nName | Age | Town\nJo Bell | 40 | Barry"
    rows = [(text[header[0][0]:header[0][1]], text[cells[0][0]:cells[0][1]])
            for header, cells in _header_rows(text, _cells)]
    assert rows == [("Town", "Barry"), ("Town", "Rhyl"), ("Name", "Jo Bell")]
