"""The bid library: saving, scoring, searching and ranking earlier answers."""

from __future__ import annotations

import pytest

from evidencebot.compose import library
from evidencebot.errors import InputError


@pytest.fixture
def filled(db):
    a = library.save(db, "Describe how you will reduce crisis escalation.", "We log every escalation.",
                     word_limit=500, period="2025/26", today="2025-01-10")
    b = library.save(db, "How will you support step-down from hospital?", "Named leads follow up in 48 hours.",
                     word_limit=750, today="2026-05-01", review_date="2027-05-01")
    c = library.save(db, "Explain your safeguarding arrangements.", "Concerns are referred the same day.",
                     today="2026-06-01")
    return db, a, b, c


def test_migration_creates_the_tables(db):
    assert {"bids", "bids_fts", "variance_notes"} <= set(db.table_names())
    assert db["variance_notes"].pks == ["indicator_id", "period"]


def test_save_counts_words_and_sets_a_review_date(filled):
    db, a, _, _ = filled
    row = library.get(db, a)
    assert row["words"] == 4
    assert row["created_at"] == "2025-01-10"
    assert row["review_date"] == "2026-01-10"
    assert row["outcome"] == "pending"


def test_score_and_feedback(filled):
    db, a, _, _ = filled
    row = library.record_score(db, a, 4, 5, "Good use of data; more on partners.", "won")
    assert (row["score"], row["max_score"], row["outcome"]) == (4, 5, "won")
    with pytest.raises(InputError, match="not possible"):
        library.record_score(db, a, 6, 5)
    with pytest.raises(InputError, match="no library entry"):
        library.record_score(db, 999, 1, 5)


def test_search_uses_full_text(filled):
    db, _, b, _ = filled
    assert [r["bid_id"] for r in library.search(db, "hospital")] == [b]
    assert [r["bid_id"] for r in library.search(db, "escalations")]  # stemming finds "escalation"
    with pytest.raises(InputError):
        library.search(db, "  ")


def test_similar_ranks_by_shared_terms_and_flags_stale_answers(filled):
    db, a, b, c = filled
    found = library.similar(db, "How will you reduce crisis escalation and repeat crisis use?", today="2026-07-01")
    assert found[0].bid_id == a
    assert found[0].overdue is True            # review date 2026-01-10 has passed
    assert "crisis" in found[0].shared_terms
    found = library.similar(db, "Safe step-down from hospital", today="2026-07-01")
    assert found[0].bid_id == b and found[0].overdue is False
    assert library.similar(db, "the and of", today="2026-07-01") == []


def test_save_rejects_bad_input(db):
    with pytest.raises(InputError):
        library.save(db, "", "answer")
    with pytest.raises(InputError, match="outcome"):
        library.save(db, "q", "a", outcome="maybe")
    with pytest.raises(InputError, match="review date"):
        library.save(db, "q", "a", review_date="next year")
