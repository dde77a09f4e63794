"""(perf36, issue 15) The lower-case name slot reads its phrases split once per loaded word lists."""

from __future__ import annotations


def test_the_slot_phrases_are_split_once_and_kept(privacy):
    names = next(r.names for r in privacy.rules if r.names is not None)
    kept = names.lower_slot_before()
    assert kept is names.lower_slot_before()
    phrases = list(names.context.get("lower_slot_before", ()))
    assert phrases and [words for words, _ in kept] == [p.split() for p in phrases]
    assert all(size == len(words) for words, size in kept)


def test_a_name_typed_in_lower_case_after_a_greeting_or_owning_a_thing_is_still_found(privacy):
    """The slot before (a greeting), the sender's colon and the possessive are read at the word's end of the text
    itself now (no copy of the next 40 or 4 characters): the same names are found."""
    assert privacy.covered("hi thaddeus, can you call me back", "thaddeus")
    assert privacy.covered("nenita: running late, there in ten", "nenita")
