"""(s30) A thing the provider will record is not the records topic: 'how you will record sexual orientation and
gender identity' is about asking and recording two questions well, and took the subject access block (s30 q05.2,
found after the s30 measurement, declared). Records as a noun still are. Sentences
written for these tests."""

from __future__ import annotations

from evidencebot.compose import blockmatch


def _topics(text: str) -> set[str]:
    return {h.topic.name for h in blockmatch.topic_hits(text)}


def test_a_verb_after_a_modal_or_a_pronoun_is_no_records_noun():
    assert "records" not in _topics("how you will record the languages people speak and use what you learn")
    assert "records" not in _topics("how you sensitively record disability, and how we record it again at each review")


def test_records_as_a_noun_still_find_the_topic():
    assert "records" in _topics("how the records held about each person are stored and kept up to date")
    assert "records" in _topics("how you will keep records up to date")
