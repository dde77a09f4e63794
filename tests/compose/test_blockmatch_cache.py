"""Block matching remembers its results per topic table (compose/blockmatch.py: topic_hits, block_topics): the
remembered results follow the table, never outlive it. These guard the caches; they pass on the code before
them too (that code worked everything out again on every call)."""

from __future__ import annotations

import os
from types import SimpleNamespace

from evidencebot.compose import blockmatch


def _write_topics(isolated_home, blocks: list[str], mtime: int) -> None:
    path = isolated_home / "config" / "corpus" / "library" / "topics.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("topics:\n  night_cover:\n    cues: [night cover, out of hours]\n"
                    f"    blocks: [{', '.join(blocks)}]\n", encoding="utf-8")
    os.utime(path, (mtime, mtime))  # a new version of the file, as an edit a second later is


def test_an_edited_topic_table_is_read_again_not_answered_from_the_old_one(isolated_home):
    text = "How will you provide night cover?"
    _write_topics(isolated_home, ["duty-worker"], 1_700_000_000)
    first = blockmatch.topic_hits(text)
    assert [(h.topic.name, h.topic.blocks) for h in first] == [("night_cover", ["duty-worker"])]
    block = SimpleNamespace(block_id="duty-worker", title="Duty worker", tags=[])
    assert blockmatch.block_topics(block, blockmatch.load_topics()) == {"night_cover"}

    _write_topics(isolated_home, ["on-call-rota"], 1_700_000_060)
    again = blockmatch.topic_hits(text)
    assert [(h.topic.name, h.topic.blocks) for h in again] == [("night_cover", ["on-call-rota"])]
    # 'duty-worker' is no longer listed, and its title holds no cue: it answers no topic now
    assert blockmatch.block_topics(block, blockmatch.load_topics()) == set()
    titled = SimpleNamespace(block_id="duty-worker", title="Out of hours duty worker", tags=[])
    assert blockmatch.block_topics(titled, blockmatch.load_topics()) == {"night_cover"}


def test_a_caller_changing_a_result_does_not_change_the_next_answer():
    hits = blockmatch.topic_hits("How will you manage staff shortages and sickness absence?")
    names = [h.topic.name for h in hits]
    assert names
    hits.clear()
    assert [h.topic.name for h in blockmatch.topic_hits("How will you manage staff shortages and sickness absence?")] \
        == names
    toks = blockmatch.tokens("staff shortages")
    toks.append("changed")
    assert blockmatch.tokens("staff shortages") == [t for t in toks if t != "changed"]
    placed = SimpleNamespace(block_id="workforce-resilience", title="Workforce resilience", tags=[])
    topics = blockmatch.load_topics()
    found = blockmatch.block_topics(placed, topics)
    found.add("changed")
    assert "changed" not in blockmatch.block_topics(placed, topics)


def test_a_cached_hit_cannot_be_changed_by_a_caller():
    # session 13: the hits topic_hits remembers are handed to every caller; TopicHit is frozen
    import dataclasses

    import pytest

    hit = blockmatch.topic_hits("How will you manage staff shortages and sickness absence?")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.weight = 99  # type: ignore[misc]
