"""(s30, found in a tmux run of the bid writer's job) A sub-point split from the one before it that calls its people
'them' is headed and matched as about those people ('involve them in safety planning' under carers took a block on
a lived experience panel), while the sub-point keeps the buyer's words. Sentences written for these tests."""

from __future__ import annotations

from evidencebot.compose.questions import plan_question


def test_them_takes_the_people_the_ask_before_names():
    plan = plan_question("Describe how you will welcome new volunteers, and how you will train them for home visits.")
    last = plan.points[-1]
    assert last.text == "how you will train them for home visits"  # the buyer's words
    assert last.heading == "Training new volunteers for home visits"


def test_them_stays_when_no_people_come_before_or_the_ask_names_its_own():
    # people named before, but not right after the ask's verb: 'them' is not read as them
    plan = plan_question("Describe how you will assess risk with carers, and how you will review the plan with them.")
    assert "carers" not in plan.points[-1].heading and not plan.points[-1].about
    plan = plan_question("Describe how you will support carers, and how you will help families to tell them apart.")
    assert "carers" not in plan.points[-1].heading


def test_the_blocks_for_them_are_about_the_people_the_ask_before_names(demo_db):
    from evidencebot.compose import tender as T
    plan = plan_question("Describe how you will support carers, and how you will involve them in crisis and safety "
                         "planning. (Maximum 400 words)")
    assert plan.points[-1].about == "how you will involve carers in crisis and safety planning"
    methods = T.choose_methods(demo_db, plan, fill=True)
    titles = " ".join(b.title.lower() for b in methods[plan.points[-1].key].blocks)
    assert "carer" in titles or "famil" in titles, titles
