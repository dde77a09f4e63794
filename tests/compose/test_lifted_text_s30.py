"""Text lifted from another service type or another topic, placed under a part it does not answer (issue 12, s30).

The s29 blind panel read a crisis house's missing-resident procedure under 'people who have missed checks before' in a
physical health question (another question of the tender named a partner's crisis house), physical health text under
'checking in where there is no signal' (lone working), an evening outreach paragraph under 'keeping people in work when
the season ends', and a subject access paragraph under safeguarding governance ('how concerns are ... recorded'). Each
is judged worse than an honest gap."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import askfit, blockmatch, settings
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question

PARTNER_HOUSE = ("Q1 Service model. The partner sites that the Provider does not run include Lantern Rise, the "
                 "five-bed crisis house in Eastmere run by the Calder Housing Trust, where people stay for up to a week.")
OUR_HOUSE = "The provider will also run Alder House, a crisis house with five beds for stays of up to seven nights."

HEALTH_CHECKS = ("Q6 Physical health. Describe how you will help people on your caseload have their annual health "
                 "check. In particular: (a) how you will support people to attend their check, including people who "
                 "have missed checks before; (b) how you will follow up the results with their GP practice.")


def _block(block_id: str, title: str, body: str = "", tags=()):
    return SimpleNamespace(block_id=block_id, title=title, body=body, tags=list(tags), means="")


def test_a_partners_crisis_house_named_in_another_question_is_not_this_questions_setting():
    house = "crisis or residential house"
    # the tender names a crisis house, but another body runs it and this question never speaks of it
    assert house in settings.named(f"{HEALTH_CHECKS}\n{PARTNER_HOUSE}")
    assert house not in settings.named_for(HEALTH_CHECKS, PARTNER_HOUSE)
    # a question that names the house, or one whose place the tender calls a crisis house, is about it
    assert house in settings.named_for("Q2 Describe how people leave Lantern Rise safely.", PARTNER_HOUSE)
    assert house in settings.named_for("Q2 Describe how you will follow up people who leave the crisis house.",
                                       PARTNER_HOUSE)
    # a house the provider runs is part of the service every question is about
    assert house in settings.named_for(HEALTH_CHECKS, OUR_HOUSE)
    # a setting of the whole area (villages) is still named for every question by any one
    assert "rural areas and villages" in settings.named_for(HEALTH_CHECKS, "Most people live in villages.")


def test_a_house_block_is_not_placed_under_a_health_check_part_for_a_partners_house(demo_db):
    plan = plan_question(HEALTH_CHECKS, 500)
    methods = T.choose_methods(demo_db, plan, fill=True, buyer_text=PARTNER_HOUSE)
    placed = [b for p in plan.points for b in methods[p.key].blocks]
    house = [b.block_id for b in placed if "crisis or residential house" in settings.unnamed(b, "")]
    assert not house, house


def test_a_part_naming_a_topic_of_another_question_is_a_gap_not_the_nearest_block_of_this_one(demo_db):
    question = ("Q9 Staffing and lone working. Describe your staffing model, including the physical health support "
                "workers who help people with their annual health checks. In particular: (a) how you will recruit and "
                "keep staff; (b) how staff will check in and out where there is no signal.")
    plan = plan_question(question, 600)
    signal = next(p for p in plan.points if "signal" in p.text)
    offered = [b.block_id for b in T.block_options(demo_db, plan)[signal.key]]
    # the health check blocks share the verb 'check' only
    assert not [b for b in offered if "health" in b or "smi" in b], offered


def test_keeping_or_moving_into_work_is_employment_not_outreach():
    ask = "how you will support people who find seasonal work to keep or move into work when the season ends"
    assert "employment" in askfit.scenes(ask)
    outreach = _block("x", "Reaching seasonal workers in shared houses with evening outreach sessions")
    assert askfit.text_misfit(ask, outreach.title)
    assert askfit.text_misfit(ask, "Individual Placement and Support: job search with an employment specialist") is None


def test_a_thing_recorded_is_not_the_records_topic():
    said = {h.topic.name for h in blockmatch.topic_hits(
        "your safeguarding governance, including how concerns are escalated and recorded")}
    assert "records" not in said, said
    assert "records" in {h.topic.name for h in blockmatch.topic_hits("how you will keep accurate records")}
    assert "records" in {h.topic.name for h in blockmatch.topic_hits("recording decisions with the person")}


def test_a_part_asking_to_measure_in_its_later_clause_opens_with_its_own_method(demo_db):
    """'Sharing information with GPs ...' opened with how timeliness will be tracked against KPIs: a reader of the
    heading took it for text from another topic. The part's own method comes first, the measures after it."""
    question = ("Q4 Partnership working. Describe how you will work with partners. Your answer should cover:\n"
                "- how you will share information with GPs, crisis teams and housing providers, and how you will "
                "track timeliness;\n- how you will take part in multi-agency meetings.\n(600 words)")
    answer = T.assemble_tender(demo_db, question)
    part = next(s for s in answer.markdown.split("\n## ") if s.lstrip("# ").startswith("Sharing information"))
    paragraphs = [p for p in part.split("\n\n")[1:] if p.strip()]
    assert paragraphs and not paragraphs[0].startswith("To track"), paragraphs[:2]
    assert any("track" in p for p in paragraphs[1:]), paragraphs  # the later ask is still answered
