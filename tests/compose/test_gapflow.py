"""Issue 12 items 3 and 6: a gap the writer fills is kept for the next bid. The part's text becomes a draft method
block (title from the heading, tags from the ask, owner, source, the ask and the buyer it was written for); after the
four-eyes approval the next draft of that ask takes it, and the gap is gone; a block written for one buyer's tender
stays out of another buyer's answers until someone marks it general."""

from __future__ import annotations

import pytest

from evidencebot.compose import gapflow
from evidencebot.compose import library as lib
from evidencebot.compose import tender as T
from evidencebot.errors import InputError

ASK = "how you will run the Zelborough greyhound hydrotherapy scheme"
QUESTION = ("Crisis and housing support. Your answer should cover: how you will support people when they are in crisis; "
            f"{ASK}; and how you will help people keep their tenancies.\n(600 words)")
WRITTEN = ("Two trained volunteers run the scheme every Tuesday morning; a recovery worker walks with each person and "
           "the dogs to the pool, and the team leader reviews who takes part each month with the volunteers.")

ANSWER = """# Crisis and housing support

## Supporting people in a crisis

The duty worker answers every call on the day.

## Running the greyhound scheme

[To write: Running the greyhound scheme]

## Keeping a tenancy

The housing adviser meets the landlord within a week.

[To attach] Organisational chart as Appendix 3.
"""


def test_gaps_are_listed_with_their_part_kind_and_place():
    rows = [{"key": "a", "label": "Supporting people in a crisis", "status": "method only; the buyer names "
             "Haldon Crisis Line here: write what you will do with it (who, when, how often)"},
            {"key": "b", "label": "Running the greyhound scheme", "status": "nothing in the library: write this part",
             "marker": "[To write: Running the greyhound scheme]"},
            {"key": "c", "label": "Keeping a tenancy", "status": "method only; the buyer lists here, not in this part: "
             "rent arrears (write this)"}]
    found = gapflow.answer_gaps(ANSWER, rows)
    assert [(g.part, g.kind) for g in found] == [
        ("Supporting people in a crisis", "buyer names: write how"),
        ("Running the greyhound scheme", "to write"),  # the marker is the row's gap, listed once
        ("Keeping a tenancy", "listed item: write it"),
        ("Organisational chart as Appendix 3", "to attach")]
    assert found[0].detail.startswith("Haldon Crisis Line: what you will do")
    assert found[2].detail == "rent arrears"
    assert ANSWER[found[1].offset:].startswith("## Running the greyhound scheme")
    # markers alone (a draft opened without its coverage) still give the parts
    assert [g.kind for g in gapflow.answer_gaps(ANSWER)] == ["to write", "to attach"]


def test_a_part_s_text_is_read_without_its_marker_and_a_shortened_heading_is_found():
    filled = ANSWER.replace("[To write: Running the greyhound scheme]", "[To write: Running the greyhound scheme]\n\n"
                            + WRITTEN)
    assert gapflow.part_text(filled, "Running the greyhound scheme") == WRITTEN
    assert gapflow.part_text(filled, "Keeping a tenancy").startswith("The housing adviser")
    assert "Appendix 3" not in gapflow.part_text(filled, "Keeping a tenancy")
    # the answer's heading says 'our' where the buyer's part says 'your', and is shorter
    assert gapflow.part_span("## How our model will achieve first contact\n\nText.\n",
                             "How your model will achieve first contact within 5 working days of referral")


def test_a_part_saved_as_a_block_is_a_draft_with_title_tags_owner_source_ask_and_buyer(demo_copy):
    ident = gapflow.save_part_as_block(demo_copy, part="Running the greyhound scheme", text=WRITTEN, ask=ASK,
                                       buyer="Haldon Council", source="tender ITT 7, 2.1: Running the greyhound scheme",
                                       owner="Ann Author")
    b = lib.get_block(demo_copy, ident)
    assert (b.title, b.status, b.owner, b.buyer, b.ask) == (
        "Running the greyhound scheme", "draft", "Ann Author", "haldon council", ASK)
    assert b.source == "tender ITT 7, 2.1: Running the greyhound scheme"
    assert b.tags and all(t in ASK.lower() for t in b.tags)
    assert "run" not in b.tags and "greyhound" in b.tags  # the ask's content words, not its verbs of three letters
    with pytest.raises(InputError, match="words of its own"):  # a marker or a line is no method text
        gapflow.save_part_as_block(demo_copy, part="X", text="[To write: X] To follow.", ask="x")


def _approved(db, buyer="Haldon Council"):
    ident = gapflow.save_part_as_block(db, part="Running the greyhound scheme", text=WRITTEN, ask=ASK, buyer=buyer,
                                       owner="Ann Author")
    lib.submit_block(db, ident, user="Ann Author")
    with pytest.raises(InputError):  # four eyes: not by the person who submitted it
        lib.approve_block(db, ident, user="Ann Author")
    lib.approve_block(db, ident, user="Bea Approver")
    return ident


def _gap_kinds(answer):
    return {(g.part, g.kind) for g in gapflow.answer_gaps(answer.markdown, answer.coverage)}


def test_the_next_draft_of_the_ask_takes_the_approved_block_and_the_gap_is_gone(demo_copy):
    db = demo_copy
    before = T.assemble_tender(db, QUESTION, period="2025-10..2026-09", tender={"commissioner": "Haldon Council"})
    key = next(p.key for p in before.plan.points if p.text == ASK)
    row = next(r for r in before.coverage if r.key == key)
    assert "nothing in the library: write this part" in row.status
    ident = _approved(db)
    after = T.assemble_tender(db, QUESTION, period="2025-10..2026-09", tender={"commissioner": "Haldon Council"})
    assert after.pins.get(key) == ident and ident in after.blocks
    row = next(r for r in after.coverage if r.key == key)
    assert row.status.startswith("method") and "write this part" not in row.status
    assert not [k for p, k in _gap_kinds(after) if k == "to write" and "greyhound" in p.lower()]
    assert "Tuesday morning" in after.markdown


def test_a_block_for_one_buyer_is_not_used_for_another_until_marked_general(demo_copy):
    db = demo_copy
    ident = _approved(db)
    other = T.assemble_tender(db, QUESTION, period="2025-10..2026-09", tender={"commissioner": "Wexmoor County Council"})
    assert ident not in other.blocks and "Tuesday morning" not in other.markdown
    with gapflow.buyer_scope("Wexmoor County Council"):  # nor offered by the library's search or list there
        assert ident not in [b.block_id for b in lib.search_blocks(db, ASK)]
        assert ident not in [b.block_id for b in lib.list_blocks(db, status="approved")]
    assert ident in [b.block_id for b in lib.list_blocks(db, status="approved")]  # outside a draft: listed
    assert gapflow.mark_general(db, ident).buyer == ""
    again = T.assemble_tender(db, QUESTION, period="2025-10..2026-09", tender={"commissioner": "Wexmoor County Council"})
    assert ident in again.blocks


def test_the_same_ask_reworded_a_little_is_the_same_ask_and_another_ask_is_not():
    assert gapflow.same_ask(ASK, "How will you run the Zelborough greyhound hydrotherapy scheme?")
    assert not gapflow.same_ask(ASK, "how you will run the Zelborough crisis café")


def test_a_scope_is_said_in_the_writer_s_words():
    assert gapflow.scope_words("haldon council") == "for haldon council's answers"
    assert gapflow.scope_words(gapflow.buyer_key(gapflow.NO_BUYER)) == "for tenders that name no buyer"
    assert gapflow.scope_words("") == ""
    from evidencebot.compose.tender_profile import UNSTATED_BUYER

    assert gapflow.draft_buyer(UNSTATED_BUYER) == gapflow.draft_buyer("") == gapflow.NO_BUYER
