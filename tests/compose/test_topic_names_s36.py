"""The words of a body, scheme or place a part names are not its subject, and a block or figure placed in a part must
be about what the part asks (issue 12, session 36).

In the s35 user's run the part 'keep registration with the Northern Ireland Social Care Council (NISCC) up to date'
held the older adults' joint-working block (its tags say 'adult social care': matched on the council's name) and the
crisis plan figure (named by 'up to date'), while the editor ticked it. The questions below were written for these
tests; the buyer in them is invented."""

from __future__ import annotations

from evidencebot.compose import blockmatch
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question

PERIOD = "2025-10..2026-09"

REGISTER = ("Corran Water Health and Social Care Trust. Question 7 Workforce. Confirm that every worker will have an "
            "enhanced AccessNI check before their first shift, and describe how you will keep each worker's "
            "registration with the Northern Ireland Social Care Council (NISCC) up to date. Maximum 300 words.")


def _register_part(plan):
    return next(p for p in plan.points if "registration" in p.label.lower())


def test_the_words_of_a_name_are_left_out_of_what_a_part_asks():
    ask = "keep registration with the Northern Ireland Social Care Council up to date"
    named = blockmatch.name_stems(ask)
    assert {"social", "care", "council"} <= named
    assert "registr" not in named
    assert "registr" in blockmatch.without_names(set(blockmatch.tokens(ask)), ask)
    assert not {"social", "care"} & blockmatch.without_names(set(blockmatch.tokens(ask)), ask)
    # a word also said outside the name stays: 'care plans' is asked
    both = "review care plans with the Northern Ireland Social Care Council"
    assert "care" not in blockmatch.name_stems(both)
    # a part that only names something is about that thing: its words are kept
    only = "the Kestrel Vale Safeguarding Adults Board"
    assert blockmatch.without_names(set(blockmatch.tokens(only)), only) == set(blockmatch.tokens(only))


def test_a_heading_read_loosely_is_not_met_by_the_words_of_a_name():
    heading = "Keeping registration with the Northern Ireland Social Care Council up to date"
    loose = blockmatch.head_terms(heading, strict=False)
    assert "registr" in loose and not {"social", "care", "council"} & loose


def test_a_register_part_takes_the_registration_method_not_a_block_sharing_the_councils_name(demo_db):
    plan = plan_question(REGISTER)
    part = _register_part(plan)
    methods = T.choose_methods(demo_db, plan, fill=True)
    ids = [b.block_id for b in methods[part.key].blocks]
    assert ids and ids[0] == "workforce-registration"
    assert "older-adults-joint-work" not in ids
    # and the older adults' block does not answer the part, read however loosely
    old = next(b for b in T.library.list_blocks(demo_db, status="approved") if b.block_id == "older-adults-joint-work")
    assert not T.answers_point(part, old, strict=False)


def test_a_figure_named_only_by_a_phrase_any_ask_uses_stays_out():
    ask = "describe how you will keep registration with the Social Care Council up to date"
    assert not T.direct_figure_fits(ask, "crisis_plan_current")
    # named by its own subject, it stays
    assert T.direct_figure_fits("how you will keep crisis plans up to date", "crisis_plan_current")


def test_the_assembled_register_part_holds_no_crisis_plan_figure(demo_db, checker):
    answer = T.assemble_tender(demo_db, REGISTER, period=PERIOD, checker=checker)
    text = answer.markdown
    part = next(s for s in text.split("\n## ") if "registration" in s.splitlines()[0].lower())
    assert "crisis plan" not in part.lower()
    assert "renewal date" in part


def test_a_partly_covered_part_is_not_marked_as_covered():
    assert T.coverage_mark("partly: method + evidence; the buyer names X here") == T.MARK_PARTLY
    assert T.coverage_mark("method + evidence") == T.MARK_COVERED
    assert T.coverage_mark("Yes: a commitment, how we meet it from the method library") == T.MARK_COVERED
    assert T.coverage_mark("evidence only: write the method") == T.MARK_NOT_COVERED
    assert T.coverage_mark("nothing in the library: write this part") == T.MARK_NOT_COVERED


def test_the_editors_sub_point_marks_follow_the_assembled_rows():
    from evidencebot.assistant.editing import CoverageItem, EditorStatus

    items = [CoverageItem("p1", "Checks", 100, True, [1], 40), CoverageItem("p2", "Registration", 200, True, [2], 90),
             CoverageItem("p3", "Training", 100, False, [], 0)]
    status = EditorStatus(words=130, limit=400, coverage=items)
    plain = status.coverage_text()
    assert "p1✓" in plain and "p2✓" in plain and "p3✗" in plain
    rows = {"p1": "method only: no evidence found", "p2": "partly: method + evidence; left out ...",
            "p3": "partly: method only"}
    marked = status.coverage_text(rows)
    assert "p1✓" in marked and "p2◐" in marked and "p2✓" not in marked
    assert "p3✗" in marked  # no paragraph under it: not covered, whatever the row said
    assert "1 partly covered" in marked and "1 not covered" in marked


def test_a_worker_named_in_passing_is_not_the_named_worker_topic():
    # 'who their worker is' was a cue of one word once its small words were left out: 'each worker's registration'
    # and 'induct new workers' took the named worker's contact card
    for ask in ("keep each worker's registration up to date", "how you will induct new workers in their first month"):
        assert "named_worker" not in {h.topic.name for h in blockmatch.topic_hits(ask)}
    assert "named_worker" in {h.topic.name for h in blockmatch.topic_hits("make sure each person knows who their worker is")}
