"""Story search (FTS5, ranked, filtered) and saving a story as it is typed."""

from __future__ import annotations

import time

import pytest

from evidencebot.errors import InputError
from evidencebot.store.search import (
    export_blockers,
    fts_query,
    latest_draft_story,
    load_story,
    new_story_id,
    save_story_draft,
    search_stories,
    search_terms,
)


def test_terms_and_query():
    assert search_terms("step-down and housing") == ["step-down", "housing"]
    assert search_terms('"crisis plan" sleep') == ["crisis plan", "sleep"]
    assert fts_query(["step-down", "housing"]) == '"step down" OR "housing"'
    assert fts_query([]) == ""


def test_ranked_search_puts_the_story_with_both_terms_first(evidence_db):
    hits = search_stories(evidence_db, "step-down and housing")
    ids = [h.story_id for h in hits]
    assert set(ids[:2]) == {"T01", "T04"}  # the two that mention step-down and housing
    assert ids.index("T02") > 1  # housing only
    assert hits[0].matched == ["step-down", "housing"]
    assert hits[ids.index("T02")].matched == ["housing"]
    assert "**" in hits[0].snippet  # the matched words are marked
    assert all(h.rank is not None for h in hits)


def test_stemming_finds_other_forms(evidence_db):
    assert [h.story_id for h in search_stories(evidence_db, "warnings")][:1] == ["T03"]


def test_filters(evidence_db):
    safety = search_stories(evidence_db, "", domains=["safety"])
    assert {h.story_id for h in safety} == {"T02", "T03", "T06"}
    external = search_stories(evidence_db, "", consent="external", status="approved")
    assert {h.story_id for h in external} == {"T01", "T02", "T03"}
    assert all(h.external_ok for h in external)
    with pytest.raises(InputError, match="unknown domain"):
        search_stories(evidence_db, "", domains=["wellbeing"])


def test_no_match(evidence_db):
    assert search_stories(evidence_db, "zebra crossing") == []


def test_save_story_draft_creates_then_updates_as_typed(evidence_db):
    story_id = new_story_id(evidence_db)
    assert story_id == "S0001"
    row = save_story_draft(evidence_db, story_id, {"context": "  J. was  struggling\n"})
    assert row["context"] == "  J. was  struggling\n"  # exactly as typed
    assert row["title"] == "Untitled story" and row["status"] == "draft" and row["consent"] == "none"
    first = row["updated_at"]
    time.sleep(1.05)
    row = save_story_draft(evidence_db, story_id, {"title": "A winter", "domains": ["stability", "safety"],
                                                   "consent": "internal"})
    assert row["context"] == "  J. was  struggling\n"  # untouched
    assert row["title"] == "A winter"
    assert row["domains"] == "safety;stability"  # canonical order
    assert row["consent"] == "internal"
    assert row["updated_at"] > first
    assert row["created_at"] == first
    assert new_story_id(evidence_db) == "S0002"
    assert latest_draft_story(evidence_db)["story_id"] == story_id
    # the full-text index follows the typing
    assert [h.story_id for h in search_stories(evidence_db, "struggling")] == [story_id]


def test_save_story_draft_rejects_bad_values(evidence_db):
    with pytest.raises(InputError, match="consent"):
        save_story_draft(evidence_db, "S0009", {"consent": "maybe"})
    with pytest.raises(InputError, match="not a story field"):
        save_story_draft(evidence_db, "S0009", {"approved_by": "me"})  # approval is not typed here
    with pytest.raises(InputError):
        load_story(evidence_db, "S0009")


def test_export_blockers(evidence_db):
    assert export_blockers(load_story(evidence_db, "T01")) == []
    assert export_blockers(load_story(evidence_db, "T04")) == ["not approved (status: draft)"]
    assert export_blockers(load_story(evidence_db, "T05")) == ["consent is 'internal' only, not external"]
    assert export_blockers(load_story(evidence_db, "T06")) == [
        "no consent for external use", "not approved (status: draft)"]
