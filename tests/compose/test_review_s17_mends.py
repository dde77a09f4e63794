"""Session 17 review findings on the buyer-commitment work (g17), mended: questions written for this test, in
wording unlike the reviewer's and unlike s12-s16's."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from evidencebot.compose import commitments as C
from evidencebot.compose import tender as T
from evidencebot.compose.questions import SubPoint

EVENING = """Question 4 – Help in the evening

Tell us how adults in distress will get help after 5pm. Your answer should cover: where people can go in the evening; how the phone line is staffed overnight; and how you will follow people up after a crisis contact.

Minimum standards (Schedule 5, section 1)
The crisis café must be open 6pm-midnight seven days a week. The phone line must be answered 24/7.

Maximum 600 words.
"""


def test_our_commitment_is_never_reworded_by_the_checkers_suggestion():
    # before: 'We will aims to reduce the crisis café open ...' went into the submitted text (review finding 1)
    text = "We will keep the crisis café open 6pm-midnight seven days a week, as Schedule 5 requires."
    unit = T.Unit(text, refs=[f"block:{T.COMMITMENT}"])
    finding = SimpleNamespace(family="overclaim", suggestions=["aims to reduce"], start=8, end=12, match="keep")
    assert not T._rewrite(unit, finding, 0)
    assert unit.text == text and not unit.rewritten
    ours = T.Unit("We will keep admissions down.", refs=["block:some-method"])
    assert T._rewrite(ours, SimpleNamespace(family="overclaim", suggestions=["aims to reduce"], start=8, end=12,
                                            match="keep"), 0)  # our method text is still mended as before


def test_a_commitment_the_checker_left_out_is_named_in_the_coverage():
    point = SubPoint("a", "where people can go in the evening", "Where people can go in the evening")
    said = "We will keep the crisis café open 6pm-midnight seven days a week, as Schedule 5 requires."
    sec = T.Section(point, [T.Unit(said, refs=[f"block:{T.COMMITMENT}"], kept=False, why="checker: overclaim.x"),
                            T.Unit("People can drop in to the café.", refs=["block:cafe"])])
    row = T._coverage([sec], "People can drop in to the café.")[0]
    assert "the buyer's requirement left out" in row.status and said in row.status


def test_keeping_a_place_open_is_no_promised_outcome():
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    checker = Checker(settings=CheckerSettings())
    assert not checker.check_text("We will keep the crisis café open 6pm-midnight seven days a week, as Schedule 5 "
                                  "requires.")
    assert [f.rule for f in checker.check_text("We will keep people in crisis out of hospital.")] == [
        "overclaim.promised-outcome"]


@pytest.fixture(scope="module")
def evening(demo_db):
    return T.assemble_tender(demo_db, EVENING, today="2026-12-03")


def test_the_cafe_commitment_reads_as_english_in_the_answer(evening):
    text = evening.markdown
    assert "will aims" not in text
    assert "We will keep the crisis café open 6pm" in text
    assert not evening.findings
