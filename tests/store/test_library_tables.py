"""store.bids, store.blocks and store.tenders: the library's and the tenders' rows, read and written only here."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from evidencebot.store import bids, blocks, tenders, workflow


def _bid(question: str, answer: str, created: str, score=None, max_score=None) -> dict:
    return {"question": question, "answer": answer, "word_limit": None, "words": len(answer.split()),
            "period": None, "created_at": created, "review_date": "2027-01-01", "score": score,
            "max_score": max_score, "feedback": None, "outcome": "pending"}


def test_bids_are_stored_read_updated_and_matched(db):
    assert not bids.has_bids(db) and bids.list_bids(db) == []
    first = bids.insert_bid(db, _bid("How do you reduce crisis escalation?", "We review every escalation.", "2026-01-01"))
    second = bids.insert_bid(db, _bid("How do you reduce waiting times?", "Triage within a day.", "2026-02-01", 3, 5))
    assert bids.has_bids(db) and second == first + 1
    assert [r["bid_id"] for r in bids.list_bids(db)] == [second, first]  # newest first
    bids.update_bid(db, first, {"score": 5, "max_score": 5, "feedback": "clear"})
    row = bids.bid_row(db, first)
    assert (row["score"], row["max_score"], row["feedback"]) == (5, 5, "clear")
    assert bids.bid_row(db, 999) is None
    assert [r["bid_id"] for r in bids.search_bids(db, "escalation")] == [first]
    # both match "reduce": the better-scored answer first when bm25 ties on the shared word
    ranked = bids.match_bids(db, '"reduce"', 5)
    assert {r["bid_id"] for r in ranked} == {first, second} and all("rank" in r for r in ranked)
    assert [r["bid_id"] for r in bids.match_bids(db, '"triage" OR "waiting"', 5)] == [second]
    assert len(bids.match_bids(db, '"reduce"', 1)) == 1


def _block(block_id: str, title: str, body: str, status: str = "draft") -> dict:
    return {"block_id": block_id, "title": title, "body": body, "means": "", "tags": "safety;risk",
            "owner": "Asha", "source": "test", "status": status, "last_reviewed": "2026-01-01",
            "review_due": "2027-01-01", "created_at": "2026-01-01T09:00:00", "updated_at": "2026-01-01T09:00:00"}


def test_blocks_move_through_review_and_record_their_uses(db):
    assert blocks.block_rows(db) == [] and not blocks.block_exists(db, "crisis-plan")
    blocks.insert_block(db, _block("crisis-plan", "Crisis plans", "Every person has a crisis plan reviewed monthly."))
    blocks.insert_block(db, _block("b-other", "Waiting list", "Named workers call people on the waiting list."))
    assert blocks.block_exists(db, "crisis-plan")
    assert [r["block_id"] for r in blocks.block_rows(db)] == ["b-other", "crisis-plan"]
    assert blocks.match_blocks(db, '"crisis"', 5) == []  # nothing approved yet
    assert [r["block_id"] for r in blocks.match_blocks(db, '"crisis"', 5, approved_only=False)] == ["crisis-plan"]

    blocks.mark_block_submitted(db, "crisis-plan", "Asha", "2026-02-01T10:00:00")
    row = blocks.block_row(db, "crisis-plan")
    assert (row["status"], row["submitted_by"], row["submitted_at"]) == ("submitted", "Asha", "2026-02-01T10:00:00")
    workflow.record_approval(db, "answer_blocks", "crisis-plan", "block crisis-plan", "Ben")
    assert blocks.block_row(db, "crisis-plan")["approved_by"] == "Ben"
    assert [r["block_id"] for r in blocks.block_rows(db, "approved")] == ["crisis-plan"]
    assert [r["block_id"] for r in blocks.match_blocks(db, '"crisis"', 5)] == ["crisis-plan"]

    blocks.set_block_review(db, "crisis-plan", "2026-03-01", "2027-03-01")
    row = blocks.block_row(db, "crisis-plan")
    assert (row["last_reviewed"], row["review_due"]) == ("2026-03-01", "2027-03-01")
    assert blocks.block_row(db, "nothing") is None

    blocks.insert_uses(db, [])
    blocks.insert_uses(db, [{"block_id": "crisis-plan", "used_in": "tender 1 question 2", "question": "Q",
                             "used_at": t, "used_by": "Asha"} for t in ("2026-04-01", "2026-05-01")])
    assert [u["used_at"] for u in blocks.use_rows(db, "crisis-plan")] == ["2026-05-01", "2026-04-01"]
    assert blocks.use_rows(db, "b-other") == []


def test_add_months_keeps_the_day_or_the_months_last_day():
    assert blocks.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert blocks.add_months(dt.date(2026, 11, 15), 12) == dt.date(2027, 11, 15)
    assert blocks.add_months(dt.date(2026, 12, 1), 1) == dt.date(2027, 1, 1)


def test_a_tender_and_its_questions_are_stored_together(db):
    assert not tenders.has_tenders(db) and tenders.tender_row(db) is None
    questions = [{"position": n, "ref": f"Q{n}", "question": f"Question {n}?", "guidance": None, "word_limit": 500,
                  "char_limit": None, "page_limit": None, "limit_text": "500 words", "weighting": 10.0,
                  "status": "not started", "row": None} for n in (2, 1)]
    tender = {"title": "Crisis service", "source_file": "/tmp/q.docx", "source_kind": "docx", "answer_column": None,
              "sheet": None, "imported_at": "2026-01-01T09:00:00", "imported_by": "Asha"}
    first = tenders.insert_tender(db, tender, questions)
    second = tenders.insert_tender(db, {**tender, "title": "Later"}, questions[:1])
    assert tenders.has_tenders(db)
    assert tenders.tender_row(db)["tender_id"] == second  # the latest when none is named
    assert tenders.tender_row(db, first)["title"] == "Crisis service"
    assert tenders.tender_row(db, 999) is None
    rows = tenders.question_rows(db, first)
    assert [r["ref"] for r in rows] == ["Q1", "Q2"]  # in the questionnaire's order
    assert [r["ref"] for r in tenders.question_rows(db, second)] == ["Q2"]
    tenders.update_question(db, rows[0]["id"], {"owner": "Ben", "due_on": "2026-02-01"})
    assert {(r["ref"], r["owner"]) for r in tenders.question_rows(db, first)} == {("Q1", "Ben"), ("Q2", None)}


def test_a_failed_question_insert_leaves_no_tender(db):
    tender = {"title": "T", "source_file": "/tmp/q.docx", "source_kind": "docx", "imported_at": "2026-01-01T09:00:00"}
    with pytest.raises(sqlite3.Error):
        tenders.insert_tender(db, tender, [{"position": 1, "ref": "Q1", "no_such_column": 1}])
    assert not tenders.has_tenders(db)


def _note(indicator_id: str, period: str, due_on: str | None, reason: str = "Cause.") -> dict:
    return {"indicator_id": indicator_id, "period": period, "reason": reason, "owner": "Team leader",
            "due_on": due_on, "created_at": "2026-01-01", "action": None, "recovery_on": None}


def test_variance_notes_are_replaced_per_period_and_the_latest_found_in_one_read(db):
    from evidencebot.store import variance

    assert variance.notes_for(db, "2026/27 Q1") == {} and variance.latest_notes(db, ["a"]) == {}
    variance.save_note(db, _note("a", "2026/27 Q1", "2026-09-01"))
    variance.save_note(db, _note("a", "2026/27 Q1", "2026-10-01", "Replaced."))  # same indicator and period
    variance.save_note(db, _note("a", "2026/27 Q2", "2026-12-01", "Later."))
    variance.save_note(db, _note("b", "2026/27 Q1", None))
    variance.save_note(db, _note("b", "2026/27 Q2", None, "Later period, no due date."))
    q1 = variance.notes_for(db, "2026/27 Q1")
    assert set(q1) == {"a", "b"} and q1["a"]["reason"] == "Replaced."
    latest = variance.latest_notes(db, ["a", "b", "c", "a"])
    assert set(latest) == {"a", "b"}  # no note for c
    assert latest["a"]["reason"] == "Later." and latest["b"]["reason"] == "Later period, no due date."
    assert "latest_rank" not in latest["a"] and set(latest["a"]) == set(_note("a", "x", None))


def test_a_tender_answer_takes_the_action_of_each_figures_latest_variance_note(db):
    from evidencebot.compose.tender import _action_notes
    from evidencebot.store import variance

    variance.save_note(db, _note("a", "2026/27 Q1", "2026-09-01", "Vacancy. Action: recruit two workers."))
    variance.save_note(db, _note("a", "2026/27 Q2", "2026-12-01", "Sickness. Action: cover the rota from the bank."))
    variance.save_note(db, _note("b", "2026/27 Q2", "2026-12-01", "No action needed: a one-off."))
    assert _action_notes(db, ["a", "b", "c"]) == {
        "a": "We are acting on this: we will cover the rota from the bank (led by the team leader, due December 2026)."}
