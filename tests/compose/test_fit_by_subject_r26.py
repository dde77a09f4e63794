"""A block fits a part by what the part asks, not by shared generic words, and the ask said back is no answer
(issue 12, session 26; the s25 panel: "content under the wrong heading", "pasted back, not answered")."""

from __future__ import annotations

from evidencebot.compose import blockmatch, commitments
from evidencebot.compose import tender as T
from evidencebot.compose.commitments import Commitment
from evidencebot.compose.questions import plan_question

DISCHARGE = {"discharge-planning-meetings", "step-down-handover", "step-down-first-contact"}


def _hit_names(text: str) -> set[str]:
    return {h.topic.name for h in blockmatch.topic_hits(text)}


def test_the_groups_a_part_names_after_in_particular_are_whom_it_is_for_not_what_it_asks():
    ask = ("how you will open the Service to the people who use it least, in particular tenants of the Eastgate and "
           "Millbrook wards, apprentices, and people leaving HMP Dunmoor")
    assert blockmatch.head_of(ask) == "how you will open the Service to the people who use it least"
    assert blockmatch.head_of("how you will triage referrals") == "how you will triage referrals"


def test_access_for_the_groups_who_use_the_service_least_is_not_a_ward_discharge(demo_db):
    q = ("Q4 Reaching everyone. Your answer must explain: how you will make the Service accessible to the groups who "
         "use it least, in particular residents of the Eastgate, Millbrook and Harrow Lane wards, apprentices, and "
         "people leaving HMP Dunmoor; and how you will make sure nobody referred is left without a next step.")
    plan = plan_question(q, 600)
    part = next(p for p in plan.points if "least" in p.text)
    ids = [b.block_id for b in T.choose_methods(demo_db, plan)[part.key].blocks]
    assert not DISCHARGE & set(ids), ids
    assert ids, "the access blocks answer the part's own ask"
    assert all("access" in " ".join(b.tags).lower() for b in T.choose_methods(demo_db, plan)[part.key].blocks)


def test_a_cue_made_only_of_generic_words_matches_as_its_phrase_not_word_by_word():
    # 'own their plan' is the co-produced plan topic's cue; its one content word is in almost every heading
    assert "plan_coproduced" in _hit_names("how people will own their plans and hold a copy")
    assert "plan_coproduced" not in _hit_names("how a high blood pressure reading leads to a change in the person's plan")
    assert "plan_coproduced" not in _hit_names("what you will do when a KPI is missed, including a remedial action plan")


def test_a_health_check_follow_up_part_does_not_take_the_plan_sharing_block(demo_db):
    q = ("Q7 Physical health. Describe how you will support people to take up and complete all six elements of their "
         "annual physical health check, and how you will make sure that abnormal results lead to follow-up and a "
         "change in the person's plan.")
    plan = plan_question(q, 600)
    part = next(p for p in plan.points if "abnormal" in p.text)
    ids = [b.block_id for b in T.choose_methods(demo_db, plan)[part.key].blocks]
    assert "plans-shared-care-coordinator-gp" not in ids, ids


def test_the_ask_said_back_with_an_empty_verb_is_no_commitment():
    vague = Commitment("We will support adults leaving HMP Dunmoor in their first month, including naloxone.",
                       "how you will support adults leaving HMP Dunmoor in their first month, including naloxone",
                       "point", names=["HMP Dunmoor"])
    timed = Commitment("We will agree a joint plan with Northway Recovery within 10 working days.",
                       "how you will agree a joint plan with Northway Recovery within 10 working days", "point",
                       ["10 working days"], names=["Northway Recovery"])
    document = Commitment("We will work to the Dunmoor Release Protocol v2.0.", "Dunmoor Release Protocol v2.0",
                          "context", names=["Dunmoor Release Protocol v2.0"])
    assert commitments.uncheckable(vague)
    assert not commitments.uncheckable(timed)
    assert not commitments.uncheckable(document)


def test_the_said_back_sentence_is_left_out_and_the_coverage_says_the_part_is_still_to_write():
    vague = Commitment("We will make the Service welcoming to carers from the Eastgate ward.",
                       "how you will make the Service welcoming to carers from the Eastgate ward", "point",
                       names=["Eastgate"])
    method = T.Method(units=[{"text": "A carers' lead meets each new carer within a week.", "priority": 1,
                              "block": "carers", "cont": False}])
    T._commitments({"p1": method}, {"p1": [vague]})
    assert [u["text"] for u in method.units] == ["A carers' lead meets each new carer within a week."]
    assert method.said_back == [vague.asked]


def test_the_services_its_is_said_as_ours_and_another_things_its_is_kept():
    said = commitments.fallback("The Service will use the Tidemark tool as its main care-planning record at "
                                "every review and at discharge.")
    assert said and said[0].text.startswith("We will use the Tidemark tool as our main care-planning record")
    kept = commitments.fallback("The Service will review each plan and its goals every 12 weeks.")
    assert kept and "each plan and its goals" in kept[0].text


def test_within_so_many_hours_is_a_length_of_time_not_out_of_hours():
    ask = "how you will make sure people leaving the crisis house are followed up within 72 hours"
    assert "out_of_hours_follow_up" not in _hit_names(ask)
    assert "out_of_hours_follow_up" in _hit_names("how contacts made out of hours are followed up the next morning")
