"""The method library is read from several files (issue 12, item 3; session 22).

corpus/library/blocks.yaml, then blocks_more.yaml (and any later ``blocks*.yaml``), in name order: a block id in
a later file replaces the same id in an earlier one, in its place. blocks_more.yaml holds the session-22 blocks
for sub-points spent panels found the library had nothing specific for (a stay in a step-up or step-down house we
run, a named substance-use screening tool, LGPS pensions under TUPE, milestones set against the buyer's own
table, learning from crisis episodes); each loads approved, sits in the topic table and is the block chosen
for an ask worded here (not the panels' or the development questions' wording).
"""

from __future__ import annotations

import pytest
import yaml

from evidencebot.compose import blockmatch
from evidencebot.compose import library as lib
from evidencebot.compose import tender as T
from evidencebot.errors import ConfigError
from evidencebot.store.blocks import library_blocks, library_files


def _write(folder, name: str, ids_bodies: list[tuple[str, str]]) -> None:
    data = {"reviewed": "2026-01-01", "owner": "Service manager",
            "blocks": [{"id": i, "title": f"Title {i}", "body": body} for i, body in ids_bodies]}
    (folder / name).write_text(yaml.safe_dump(data), encoding="utf-8")


def test_files_are_read_in_name_order_and_a_later_id_replaces_an_earlier_one(tmp_path):
    _write(tmp_path, "blocks.yaml", [("a", "first a"), ("b", "first b")])
    _write(tmp_path, "blocks_more.yaml", [("b", "second b"), ("c", "second c")])
    _write(tmp_path, "buyer_blocks.yaml", [("z", "not a method block")])  # another kind of file, not read
    got = [(spec["id"], spec["body"]) for spec, _ in library_blocks(tmp_path)]
    assert got == [("a", "first a"), ("b", "second b"), ("c", "second c")]


def test_a_block_without_a_body_names_its_file(tmp_path):
    _write(tmp_path, "blocks.yaml", [("a", "text")])
    _write(tmp_path, "blocks_more.yaml", [("b", "")])
    with pytest.raises(ConfigError, match="blocks_more.yaml"):
        library_blocks(tmp_path)


def test_the_shipped_files_load_approved_and_are_placed_in_the_topic_table(demo_db):
    assert library_files()[:2] == ["blocks.yaml", "blocks_more.yaml"]
    more = [spec["id"] for spec, data in library_blocks() if data.get("reviewed") == "2026-12-06"]
    assert len(more) >= 20
    loaded = {b.block_id: b for b in lib.list_blocks(demo_db, status="approved")}
    listed = {b for t in blockmatch.load_topics() for b in t.blocks}
    for bid in more:
        assert bid in loaded and bid in listed, bid
        assert loaded[bid].approved_by != loaded[bid].owner, bid  # four eyes
    # their words count as the library's ('naloxone' was already there; 'LGPS' is only in blocks_more.yaml)
    assert blockmatch.tokens("LGPS")[0] in blockmatch.library_words()


@pytest.mark.parametrize("ask, want", [
    ("How will you decide on and admit people referred for a step-up bed in the crisis house?",
     "house-step-up-admission"),
    ("How will you keep residents' length of stay within the limit when there is no move-on accommodation?",
     "house-length-of-stay"),
    ("Which screening tool will staff use for alcohol and drug use, and what happens after screening?",
     "substance-screening-tools"),
    ("How will you protect the pensions of staff who are members of the LGPS?", "pension-lgps-admitted-body"),
    ("Explain how you will learn from readmissions and re-presentations to crisis services.",
     "crisis-episode-learning"),
    ("What happens when a resident goes missing and the police decline to attend?", "house-missing-resident"),
])
def test_an_ask_gets_the_new_block_that_answers_it(demo_db, ask, want):
    from evidencebot.compose.questions import plan_question

    plan = plan_question(ask, 800)
    chosen = T.choose_methods(demo_db, plan)
    got = [b.block_id for b in chosen[plan.points[0].key].blocks]
    assert got[:1] == [want], got
