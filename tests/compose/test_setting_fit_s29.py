"""Blocks written for another kind of service, and asks for the provider's own plan (issue 12, session 29).

The s28 blind panel found a crisis house's follow-up ('before anyone leaves the house') under 'a person who does not
attend' in a community service run from two hubs, a group 'so people in rural areas can join' in a city bid, and an
ask for the provider's own PCREF action plan answered with 'we take part in the ICB's plan rather than running a
separate one'. A block that takes a setting for granted is placed only where the buyer's words name the setting; a
block that only joins another body's plan does not answer an ask for ours."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from evidencebot.compose import ownplan, settings
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question
from evidencebot.store.blocks import library_blocks

HUBS = ("The provider will run two hubs in the city centre: the Mill Street Hub, open on weekdays until 8pm, and the "
        "Riverside Wellbeing Hub. The service is not a crisis service.")
HOUSE = "The provider will also run Alder House, a crisis house with five beds for stays of up to seven nights."

NOT_ATTENDING = ("Q8 Engagement. Describe what happens when a person does not attend an appointment or cannot be "
                 "contacted, including how quickly you follow them up and when you escalate concerns.")


def _block(block_id: str, title: str, body: str, tags=()):
    return SimpleNamespace(block_id=block_id, title=title, body=body, tags=list(tags), means="")


def test_every_block_that_takes_a_setting_for_granted_says_so_in_its_tags():
    """A bid writer browsing the library sees the setting a block was written for among its tags, and the settings
    check reads the same words: a block whose text takes a setting for granted carries a tag naming that setting."""
    whole_block = {s.name for s in settings.table() if not s.sentence}
    missing = []
    for spec, _ in library_blocks():
        tags = [str(t) for t in spec.get("tags") or []]
        text = " ".join([str(spec["title"]), *tags, str(spec["body"]), str(spec.get("means") or "")])
        lacking = (settings.presumed(text) & whole_block) - settings.presumed(" | ".join(tags))
        if lacking:
            missing.append((spec["id"], sorted(lacking)))
    assert not missing, missing


def test_a_setting_is_read_from_the_words_that_take_it_for_granted_and_named_only_by_the_buyer():
    assert "crisis or residential house" in settings.presumed("Before anyone goes home from the house we book a call.")
    assert settings.presumed("We book a follow-up call before the person goes home.") == frozenset()
    # a named hostel with beds, or an electoral ward, is not a crisis house or an inpatient ward
    hostels = "Hostels in the city hold 200 beds; the largest is St Anne's House. Need is highest in the inner wards."
    assert not {"crisis or residential house", "inpatient ward"} & settings.named(hostels)
    assert "crisis or residential house" in settings.named(HOUSE)
    assert "rural areas and villages" not in settings.named(HUBS)
    assert "rural areas and villages" in settings.named("Half the county's people live in villages.")


def test_localities_are_out_of_place_only_where_the_buyer_names_hubs_instead():
    sentence = "Peer support workers run a weekly group in each locality."
    assert settings.sentence_unnamed(sentence, HUBS) == "localities"
    assert settings.sentence_unnamed(sentence, HUBS + " Each locality has a team.") == ""
    assert settings.sentence_unnamed(sentence, "The service covers the whole borough.") == ""
    # a block whose title is about localities is kept out whole; one saying the word in passing is not
    titled = _block("x", "The offer in each locality", sentence)
    passing = _block("y", "Peer support groups", sentence)
    assert settings.out_of_place(titled, HUBS) and settings.out_of_place(passing, HUBS) is None


def test_a_crisis_house_block_is_not_placed_for_a_buyer_who_names_no_house(demo_db):
    plan = plan_question(NOT_ATTENDING, 600)
    for buyer, house_ok in ((HUBS, False), (HUBS + " " + HOUSE, True)):
        methods = T.choose_methods(demo_db, plan, fill=True, buyer_text=buyer)
        placed = [b for p in plan.points for b in methods[p.key].blocks]
        taken = [b.block_id for b in placed if "crisis or residential house" in settings.unnamed(b, "")]
        if house_ok:
            # the library's house follow-up block answers this ask where the buyer runs a house: the check above is
            # not passing because no such block is a candidate
            assert taken, [b.block_id for b in placed]
        else:
            assert not taken, taken
            assert placed  # the part took its next candidate, not nothing


def test_a_pinned_block_stays_whatever_setting_it_takes_for_granted():
    house = _block("house-only", "Leaving the house", "Before anyone leaves the house, their worker books a call.")
    other = _block("plain", "Calls after support", "The worker books a call with the person.")
    assert settings.fitting([house, other], HUBS) == [other]
    assert settings.fitting([house, other], HUBS, keep=["house-only"]) == [house, other]


JOIN = _block("join", "Contributing to the ICB's race equality action plan",
              "We take part in the ICB's race equality action plan and send it our figures each quarter.")
REFUSE = _block("refuse", "Race equality with the ICB",
                "We work within the ICB's action plan rather than running a separate one.")
OURS = _block("ours", "Our race equality action plan",
              "Our race equality action plan is written in the first three months and reviewed every quarter.")


def test_an_ask_for_your_own_plan_is_told_from_an_ask_about_someone_elses():
    assert ownplan.asks_own("Set out your race equality action plan for the first year.")
    assert ownplan.asks_own("Describe the provider's own suicide prevention strategy.")
    assert ownplan.asks_own("Explain how you will put in place an anti-racism action plan.")
    assert not ownplan.asks_own("Explain how you will support the Council's suicide prevention strategy.")
    assert not ownplan.asks_own("What is your role in the ICB's race equality plan?")
    assert ownplan.contributing(JOIN) and ownplan.contributing(REFUSE) and not ownplan.contributing(OURS)


def test_joining_another_bodys_plan_is_not_enough_on_its_own_for_an_ask_for_ours():
    mine = "Set out your race equality action plan for the first year."
    theirs = "Explain how you will contribute to the ICB's race equality action plan."
    assert ownplan.misfit(mine, JOIN)
    assert ownplan.misfit(theirs, JOIN) is None
    # beside a block setting out a plan of ours, taking part in the ICB's as well is fine
    assert ownplan.misfit(mine, JOIN, [JOIN, OURS]) is None
    # but never one saying we keep no plan of our own
    assert ownplan.misfit(mine, REFUSE, [REFUSE, OURS])


def test_the_library_block_joining_the_icbs_pcref_plan_is_left_out_of_an_own_plan_ask(demo_db):
    own = plan_question("Q3 Race equality. Describe your PCREF action plan for the first 12 months of the contract "
                        "and who in your organisation is accountable for it.", 500)
    join = plan_question("Q3 Race equality. Describe how you will contribute to the ICB's PCREF action plan.", 500)
    own_ids = [b.block_id for p in own.points for b in T.choose_methods(demo_db, own, fill=True)[p.key].blocks]
    join_ids = [b.block_id for p in join.points for b in T.choose_methods(demo_db, join, fill=True)[p.key].blocks]
    assert "pcref-action-plan" in join_ids  # the block is the library's answer where the ask is to join theirs
    assert "pcref-action-plan" not in own_ids, own_ids
    assert "pcref-own-action-plan" in own_ids, own_ids  # the part takes the block setting out a plan of ours


def test_the_coastal_seasonal_workers_block_needs_the_buyer_to_name_the_coast():
    block = next(b for b in (SimpleNamespace(block_id=str(s["id"]), title=str(s["title"]), body=str(s["body"]),
                                             tags=list(s.get("tags") or []), means=str(s.get("means") or ""))
                             for s, _ in library_blocks()) if b.block_id == "seasonal-workers-shared-houses")
    assert settings.out_of_place(block, "seasonal workers living in caravan parks")
    assert settings.out_of_place(block, "seasonal workers living in caravan parks on the coast") is None
    assert settings.out_of_place(block, "seasonal workers on the island over the summer") is None


@pytest.mark.parametrize("setting", [s.name for s in settings.table()])
def test_every_setting_has_words_that_name_it_and_words_that_take_it_for_granted(setting):
    s = next(x for x in settings.table() if x.name == setting)
    assert s.cues.pattern and s.named_by.pattern
