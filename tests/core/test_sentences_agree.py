"""Every part of evidencebot sees the same sentences in the same paragraph.

Before ``evidencebot.text`` the claims reader (evidence/extract.py), the composer
(compose/words.py), the question reader (compose/questions.py), the tender
drafter (compose/tender.py), the story excerpt (assistant/story_capture.py) and the
checker (language/pipeline.py: its long-text cutter and spaCy's own sentences)
each split sentences their own way: on the first paragraph below they returned 6, 4,
6 and 5 pieces. Now they all call :func:`evidencebot.text.sentence_spans`.
"""

from __future__ import annotations

import pytest

from evidencebot import text
from evidencebot.assistant import story_capture
from evidencebot.compose import questions, tender, words
from evidencebot.evidence import extract
from evidencebot.language import pipeline

PARAGRAPHS = [
    'We link people to practical help, e.g. Housing Options and debt advice. Dr. Patel leads the clinical review. '
    'She said "Nobody waits alone." The team agreed.',
    'Crisis presentations fell from 19% to 13% (n=212) between Q1 and Q4 2025/26. The median wait was 4.5 days, '
    'i.e. NICE guidance was met. Mr. J. R. Okafor chaired the review.',
    '"Did it help?" asked the commissioner. It did: 37 of 45 people (82%) met a goal. Referrals rose by 5 '
    'percentage points! No. 4 ward closed in May 2025.',
    'We offer group work, peer support etc. The service opened in March 2024. About 40 people (approx. 12%) were '
    "discharged early. St. Anne's ward took the rest.",
    'Waits got shorter (from 20 to 12 days.) Most people stayed... Then {provider} took over. £40 was saved per '
    'person. See para. 3 for the base (numerator about 160; denominator about 220).',
    'Is it safe? \u201cYes,\u201d she said. \u2018It works.\u2019 The panel vs. Last year\'s panel disagreed. '
    'Use the form. then send it.',
]

EXPECTED = [
    ['We link people to practical help, e.g. Housing Options and debt advice.', 'Dr. Patel leads the clinical review.',
     'She said "Nobody waits alone."', 'The team agreed.'],
    ['Crisis presentations fell from 19% to 13% (n=212) between Q1 and Q4 2025/26.',
     'The median wait was 4.5 days, i.e. NICE guidance was met.', 'Mr. J. R. Okafor chaired the review.'],
    ['"Did it help?" asked the commissioner.', 'It did: 37 of 45 people (82%) met a goal.',
     'Referrals rose by 5 percentage points!', 'No. 4 ward closed in May 2025.'],
    ['We offer group work, peer support etc.', 'The service opened in March 2024.',
     'About 40 people (approx. 12%) were discharged early.', "St. Anne's ward took the rest."],
    ['Waits got shorter (from 20 to 12 days.)', 'Most people stayed...', 'Then {provider} took over.',
     '£40 was saved per person.', 'See para. 3 for the base (numerator about 160; denominator about 220).'],
    ['Is it safe?', '\u201cYes,\u201d she said.', '\u2018It works.\u2019', "The panel vs. Last year's panel disagreed.",
     'Use the form. then send it.'],
]


def _flat(parts: list[str]) -> list[str]:
    return [" ".join(p.split()) for p in parts]


@pytest.mark.parametrize("paragraph, expected", list(zip(PARAGRAPHS, EXPECTED)))
def test_the_text_module_splits_the_tricky_paragraphs(paragraph, expected):
    assert text.sentences(paragraph) == expected


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_every_caller_sees_the_same_sentences(paragraph):
    want = text.sentences(paragraph)
    assert [paragraph[a:b] for a, b in extract.sentences(paragraph)] == want
    assert [c.sentence for c in extract.extract_claims(paragraph)] == [
        s for s in want if extract.extract_claims(s)]
    assert words.split_sentences(paragraph) == want
    assert questions._sentences(paragraph) == [questions._clean(s) for s in want]  # its own tidy-up ("..." -> ".")
    assert tender._split_sentences(paragraph) == _flat(want)
    assert story_capture.story_excerpt({"support_approach": paragraph}, words=1000) == " ".join(want)
    # cut within a word budget: whole sentences only
    first_two = len(" ".join(want[:2]).split())
    assert story_capture.story_excerpt({"evidence": paragraph}, words=first_two) == " ".join(want[:2])


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_the_same_sentences_across_line_breaks(paragraph):
    """A single line break is a space to every caller (a wrapped paragraph)."""
    wrapped = paragraph.replace(". ", ".\n").replace(", ", ",\n")
    want = _flat(text.sentences(paragraph))
    assert _flat(text.sentences(wrapped)) == want
    assert _flat([wrapped[a:b] for a, b in extract.sentences(wrapped)]) == want
    assert _flat(words.split_sentences(wrapped)) == want
    assert questions._sentences(wrapped) == [questions._clean(s) for s in want]
    assert tender._split_sentences(wrapped) == want


def test_the_checker_cuts_long_text_where_the_others_see_a_sentence_start():
    """split_long (the checker's cut of a text too long to parse at once) ends a piece at a
    sentence start whenever one lies in the last half of the piece's allowance."""
    whole = " ".join(PARAGRAPHS)
    starts = {a for a, _ in text.sentence_spans(whole)}
    checked = 0
    for limit in range(60, 400, 13):
        pieces = pipeline.split_long(whole, limit)
        assert "".join(p for _, p in pieces) == whole
        for (offset, _), (cut, _) in zip(pieces, pieces[1:]):
            window = range(offset + limit // 2 + 1, offset + limit)
            if any(s in starts for s in window):
                assert cut in starts, (limit, whole[cut - 20:cut + 20])
                checked += 1
    assert checked > 50


def test_the_checkers_parse_has_the_same_sentences():
    """The spaCy pipeline marks text.py's sentence starts before the parser, which keeps them:
    the over-claim rules' ``doc.sents`` are the sentences above (spaCy alone split the last two
    paragraphs into 6 and 6)."""
    nlp = pipeline.get_nlp()
    assert pipeline.SENTENCES in nlp.pipe_names
    assert nlp.pipe_names.index(pipeline.SENTENCES) < nlp.pipe_names.index("parser")
    for paragraph, doc in zip(PARAGRAPHS, pipeline.pipe(PARAGRAPHS)):
        assert [s.text.strip() for s in doc.sents] == text.sentences(paragraph)
    wrapped = "Outcomes\n\n" + PARAGRAPHS[0].replace(". ", ".\n")
    doc = pipeline.parse(wrapped, disable=["ner"])
    assert [" ".join(s.text.split()) for s in doc.sents] == [" ".join(s.split()) for s in text.sentences(wrapped)]


@pytest.mark.parametrize("sentence", [
    "Follow-up within 72 hours was 73% (numerator about 160; denominator about 220).",
    "Follow-up within 72 hours was 73% (base about 220).",
    "Follow-up within 72 hours was 73% (n=220).",
])
def test_the_checker_reads_the_base_the_claims_reader_reads(sentence, checker_factory):
    """A figure whose base evidencebot.mentions reads is not "without context" to the checker
    (the appendix's "numerator about N; denominator about D" was flagged before)."""
    from evidencebot import mentions

    assert mentions.denominator(sentence) == 220
    bare = sentence[: sentence.index(" (")] + "."
    assert mentions.denominator(bare) is None
    checker = checker_factory("overclaim")
    assert "overclaim.unsupported-change" in {f.rule for f in checker.check_text(bare)}
    assert "overclaim.unsupported-change" not in {f.rule for f in checker.check_text(sentence)}
