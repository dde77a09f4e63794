"""(s38, issue 15) Privacy kinds generalised by structure (sentences written for these tests; none is from a held-out
set): a name one gives oneself ("calls herself", "introduces himself as"); a nickname in quotation marks with whom it
is used by or the real name in brackets; a prison number in lower case or with spaces near a word of the justice
system, and after "inmate" or "NOMS"; any label of one or two words that names an identifier, then a code's shape, with
a person near; a room, cabin or bay at a named place where the sentence says someone lives or sleeps; a character of a
work named by its common noun ("In the book, Mr Rochester ..."). Passes: a thing's, a document's or the service's code;
a meeting room; a nationality one claims; a real person beside a work ("watched the film with Mr Obi")."""

from __future__ import annotations

import pytest

from evidencebot.language import privacy as P

LEARNED = ("privacy.learned-private-detail", "privacy.learned-identifier")


@pytest.mark.parametrize("text, part", [
    # a name one gives oneself
    ("She calls herself Moth online and posts about the ward.", "Moth"),
    ("He introduces himself as Gizmo at every group.", "Gizmo"),
    # a nickname in quotation marks, then whom it is used by, or the real name in brackets
    ("Wojciech, 'Wojtek' to everyone at the gym, has stopped coming since the fall.", "Wojtek"),
    ("Met 'Pebble' (real name Darren) at the bus station again.", "Pebble"),
    # a prison number typed in lower case or with spaces, near a word of the justice system; after "NOMS" or "inmate"
    ("release plan for k4410mb: GP registration before the gate", "k4410mb"),
    ("He came out of HMP Stanmoor last week, number R 7731 PD on the licence.", "R 7731 PD"),
    ("NOMS number K2291JD was on the licence conditions she showed me.", "K2291JD"),
    ("inmate no t5520lb, released 9am friday, needs a script", "t5520lb"),
    # a label that names an identifier, then a code's shape, with a person near
    ("Her choir member code CH-4471 is on the list she signed.", "CH-4471"),
    ("His allotment plot code AL-7741 is on the letter he got from the council.", "AL-7741"),
    # a room, cabin or bay at a named place where someone lives or sleeps
    ("Room 9 at the Salvation Army lodge is where he's been staying since the fire.", "Room 9 at the Salvation Army lodge"),
    ("Cabin 3 at Ferncliffe holiday park is where he's been since the eviction.", "Cabin 3 at Ferncliffe holiday park"),
])
def test_the_structures_are_found(privacy, text, part):
    assert privacy.covered(text, part, without=LEARNED)


@pytest.mark.parametrize("text", [
    # a thing's, a document's or the service's code, with a person in the sentence
    "Quote service code SC4471 when you order leaflets for her.",
    "The item code 44718 is for the hygiene packs she asked for.",
    "Order number PO-22918 was for her new bed.",
    # a meeting room, and a room where someone works, not lives
    "Room 3 at the library is where she has been working.",
    "Room 2 at the Civic Centre is where she's been volunteering.",
    # a character of a work named by its common noun
    "In the book, Mr Rochester keeps his first wife locked in the attic.",
    "She loves the series, especially when Dr Foster confronts her husband.",
    "Captain Hook was the favourite costume at the panto workshop.",
])
def test_the_look_alikes_pass(privacy, text):
    assert privacy.found(text) == []


@pytest.mark.parametrize("text, part", [
    # a real person beside a work, or a time a work was read: still a name
    ("He watched the film with Mr Obi and cried.", "Mr Obi"),
    ("We read the novel when Mrs Adeyemi was in hospital.", "Mrs Adeyemi"),
    ("In the book club, Mrs Obi said she felt low.", "Mrs Obi"),
    ("She loves the show, Kayden said.", "Kayden"),
])
def test_a_person_beside_a_work_is_still_a_name(privacy, text, part):
    assert privacy.covered(text, part, without=LEARNED)


def test_the_work_frame_reads_its_lead_and_link():
    ctx = {"fiction_nouns": frozenset({"book", "series"}), "fiction_not_after": frozenset({"club"}),
           "fiction_verbs": frozenset({"love"})}
    assert P._work_before_name("In the book, ", ctx)
    assert P._work_before_name("She loves the series, especially when ", ctx)
    assert not P._work_before_name("In the book club, ", ctx)  # a group, not a work
    assert not P._work_before_name("She loves the series, ", ctx)  # no link: the name may be the speaker
    assert not P._work_before_name("We sat down and in the book, ", ctx)  # "in" not opening the sentence
    assert not P._work_before_name("In the book, ", {})  # no nouns listed: no frame


def test_the_work_after_a_name_and_the_learned_stretch_read_the_same_frame():
    """(review s38) the work named after a name ("Esther from the book") is read by one helper for the name finder and
    the learned check's stretch; a group that meets about works is not a work."""
    ctx = {"fiction_nouns": frozenset({"book", "novel"}), "fiction_not_after": frozenset({"club"}),
           "fiction_verbs": frozenset({"love"})}
    text = "Esther from the book was kind."
    assert P._work_after_name(text, len("Esther"), len(text), ctx)
    club = "Mrs Obi from the book club said she felt low."
    assert not P._work_after_name(club, len("Mrs Obi"), len(club), ctx)
    assert not P._work_after_name(text, len("Esther"), len(text), {**ctx, "fiction_nouns": frozenset({"film"})})
    for story in ("Ms Harrow from the novel reminded her of her own mum.", "In the book, Mr Rochester is cruel."):
        assert P._fiction_stretch(story, 0, len(story), ctx), story
        assert not P._fiction_stretch(story, 0, len(story), {}), story  # no nouns listed: no frame
    for real in (club, "He watched the film with Mr Obi and cried.", "We read the novel when Mrs Adeyemi was ill."):
        assert not P._fiction_stretch(real, 0, len(real), ctx), real
