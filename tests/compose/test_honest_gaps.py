"""An ask the approved library does not answer is a gap, never a block that shares a generic word with it
(session-10 review finding 5: 'how you will run the Zelborough greyhound hydrotherapy scheme' was 'answered' by a
crisis-café or crisis-grants block, 'method only')."""

from __future__ import annotations

from evidencebot.compose import library as lib
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question

Q1 = ("Crisis and housing support. Your answer should cover: how you will support people when they are in crisis; "
      "how you will run the Zelborough greyhound hydrotherapy scheme; and how you will help people keep their "
      "tenancies.\n(600 words)")


def _placed(db, question):
    plan = plan_question(question)
    methods = T.choose_methods(db, plan)
    return {p.text: sorted({u.get("block") for u in methods[p.key].units}) for p in plan.points}


def test_an_ask_made_of_words_no_approved_block_uses_is_a_gap(demo_db):
    placed = _placed(demo_db, Q1)
    assert placed["how you will run the Zelborough greyhound hydrotherapy scheme"] == [], placed
    # its neighbours are still answered
    assert placed["how you will support people when they are in crisis"], placed
    assert placed["how you will help people keep their tenancies"], placed


def test_the_vocabulary_is_the_database_s_approved_library(demo_copy):
    """A block the provider wrote and approved in their own library (not in the shipped file) answers the ask
    its words name."""
    db = demo_copy
    ident = lib.add_block(db, "Greyhound hydrotherapy scheme",
                          "The Zelborough greyhound hydrotherapy scheme is run by two volunteers every Tuesday; "
                          "people walk the dogs to the hydrotherapy pool with a recovery worker.",
                          tags=["greyhound hydrotherapy", "scheme"], owner="Team leader")
    lib.submit_block(db, ident, user="Ann Author")
    lib.approve_block(db, ident, user="Bea Approver")
    placed = _placed(db, Q1)
    assert placed["how you will run the Zelborough greyhound hydrotherapy scheme"] == [ident], placed


def test_the_buyer_s_place_names_do_not_make_an_ask_a_gap(demo_db):
    """Names no block uses ('Upper Esk and Haldon Coast') leave the count: the ask is still answered."""
    placed = _placed(demo_db, "Describe how you will help people keep their tenancies in Upper Esk and Haldon Coast. "
                              "(300 words)")
    assert any(placed.values()), placed


def test_a_cue_that_says_when_needs_its_when_word():
    """'support people in a crisis' matched the after-a-crisis cue 'support people after a crisis' (the tokens drop
    'after'), so q12's B1 ('... in a crisis, including out of hours') got the follow-up-after-a-crisis block."""
    from evidencebot.compose import blockmatch

    assert "after_crisis" not in {h.topic.name for h in blockmatch.topic_hits(
        "Describe how you will support people in a crisis, including out of hours.")}
    assert "after_crisis" in {h.topic.name for h in blockmatch.topic_hits("how you will support people after a crisis")}
    assert "after_crisis" in {h.topic.name for h in blockmatch.topic_hits("post-crisis support")}
