"""Every part answers its own sub-point, in the buyer's terms (issue 12, session 21; s20 panel sheets, spent).

The s20 blind panel (mean 2.0 of 5) marked parts down because the buyer's requirements of a sub-point were never
committed to ("report ... to the Commissioners within 2 working days", "Level 3 ... within 3 months"), because a part
never named the partner, policy or system its heading named (a part headed "Working with the Moorvale Carers Centre"
never named the Centre, and sent carers' assessments elsewhere), because a block written as the outgoing provider sat
under a question about taking a service over, and because one answer said its timeline three times and announced "five
risks" before listing four. The questions here are written for these tests, with other buyers, wordings and numbers.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from evidencebot.compose import askfit, buyer_facts, buyer_scale, buyer_standards, repeats
from evidencebot.compose import commitments as C

PERIOD = "2025-10..2026-09"

# wording 1: a bulleted list of bare verbs under 'explain how you will meet each of the following requirements:'
LISTED = """## 4.2 Keeping people safe

The Authority expects every provider in the partnership to follow the Northfold Adult Safeguarding Procedures v3.2.

Please explain how you will meet each of the following requirements:

- raise safeguarding concerns with the Northfold Safeguarding Adults Hub in line with the Northfold Adult Safeguarding Procedures v3.2;
- ensure all frontline staff complete Level 2 safeguarding training within 6 weeks of starting;
- notify the Authority of every serious incident within 24 hours and learn from it under PSIRF.

Maximum 600 words.
"""

# wording 2: a numbered list under 'Set out how you would deliver the following:'
NUMBERED = """Q2. Working with partners (500 words)

Set out how you would deliver the following:

1. share each person's crisis plan with the Eastmere Crisis Team within 2 working days of agreeing it;
2. review every shared care plan with the Eastmere Recovery Service at least every 8 weeks;
3. describe your approach to joint training.
"""

# wording 3: a 'How will you ...?' question naming the buyer's partner, whose background says who carries out a task
CARERS = """Question 6 - Families

Carers' assessments under the Care Act 2014 are carried out on the Council's behalf by the Kilnworth Carers Hub.

(a) How will you identify carers at the first contact?

(b) How will you work with the Kilnworth Carers Hub, including referral for a carer's assessment?

Maximum 400 words.
"""


def _parts(markdown: str) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in re.finditer(r"(?m)^## (.+)\n((?:(?!^## ).*\n?)*)", markdown)}


# ---------------------------------------------------------------- requirements of a listed sub-point are ours


def test_a_listed_item_that_starts_with_a_verb_is_an_ask_when_the_list_asks_how_we_will():
    assert C.listed_asks(LISTED) and C.listed_asks(NUMBERED) and not C.listed_asks(CARERS)
    said = C.from_ask("notify the Authority of every serious incident within 24 hours and learn from it under PSIRF",
                      listed=True)
    assert [c.text for c in said] == ["We will notify the Authority of every serious incident within 24 hours and "
                                      "learn from it under PSIRF."]
    # not read as an ask outside such a list, nor an item that is the buyer's own ask verb
    assert C.from_ask("notify the Authority of every serious incident within 24 hours") == []
    assert C.from_ask("describe your approach to joint training every 6 months", listed=True) == []


def test_ensure_is_said_as_what_our_people_will_do_not_as_a_guarantee():
    said = C.from_ask("ensure all frontline staff complete Level 2 safeguarding training within 6 weeks of starting",
                      listed=True)
    assert said[0].text == "All frontline staff will complete Level 2 safeguarding training within 6 weeks of starting."
    # a subject that takes no bare verb is left as it was (the checker decides)
    assert C.from_ask("ensure the team has a plan within 3 days", listed=True)[0].text.startswith("We will ensure")


def test_a_sub_point_naming_the_buyers_partner_is_said_back_naming_it():
    from evidencebot.compose.questions import plan_question

    plan = plan_question(NUMBERED)
    named = {p.key: [n for n in ("Eastmere Crisis Team", "Eastmere Recovery Service") if n in p.text] for p in plan.points}
    found = C.read(NUMBERED, plan.points, named)
    texts = [c.text for cs in found.values() for c in cs]
    assert "We will share each person's crisis plan with the Eastmere Crisis Team within 2 working days of agreeing it." in texts
    assert any("Eastmere Recovery Service at least every 8 weeks" in t for t in texts)
    # said once: the naming commitment and the measurable one are one sentence
    assert len([t for t in texts if "Eastmere Crisis Team" in t]) == 1
    c = C.naming("how you will work with the Kilnworth Carers Hub, including referral for a carer's assessment",
                 ["Kilnworth Carers Hub"])
    assert c.text == "We will work with the Kilnworth Carers Hub, including referral for a carer's assessment."
    assert C.said_already(c, "Carers are referred to the Kilnworth Carers Hub.")
    assert not C.said_already(c, "Carers are referred to the local carers' centre.")


def test_each_part_commits_to_its_own_requirements_and_names_its_partners(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, LISTED, period=PERIOD, checker=checker)
    assert not answer.findings
    parts = list(_parts(answer.markdown).items())
    assert len(parts) == 3, answer.markdown
    (_, refer), (_, train), (_, incident) = parts
    assert "Northfold Safeguarding Adults Hub" in refer and "v3.2" in refer, refer
    assert "Level 2 safeguarding training within 6 weeks of starting" in train, train
    assert re.search(r"notify the Authority of every serious incident within 24 hours", incident), incident
    assert answer.counts.words <= 600


# ---------------------------------------------------------------- who the buyer says carries out a task


def test_the_buyers_party_for_a_task_fills_our_blocks_and_another_party_is_a_clash():
    facts = [f for f in buyer_facts.read(CARERS) if f.kind == "assessor"]
    assert [f.value for f in facts] == ["the Kilnworth Carers Hub"]
    ours = "a referral, with the carer's agreement, to the council's adult social care team for a carer's assessment"
    assert buyer_facts.adapt_profile({"carers_assessment": ours}, facts)["carers_assessment"] == (
        "a referral, with the carer's agreement, to the Kilnworth Carers Hub for a carer's assessment under the Care Act "
        "2014")
    clash = buyer_facts.check("Carers are offered a referral to adult social care for a carer's assessment.", facts)
    assert clash and clash[0].replacement == "the Kilnworth Carers Hub"
    assert not buyer_facts.check("Carers are offered a referral to the Kilnworth Carers Hub for a carer's assessment.",
                                 facts)


def test_the_part_about_a_named_partner_names_it_and_sends_assessments_there(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, CARERS, period=PERIOD, check=False)
    parts = _parts(answer.markdown)
    hub = next(body for head, body in parts.items() if head.startswith("b)"))
    assert "Kilnworth Carers Hub" in hub, hub
    assert not re.search(r"adult social care(?: team)? for a carer's assessment", answer.markdown), answer.markdown


# ---------------------------------------------------------------- the side a block is written from


def test_a_block_written_as_the_outgoing_provider_does_not_answer_a_takeover():
    exit_block = SimpleNamespace(block_id="x", title="Working with a successor provider", tags=["exit"],
                                 body="In the last three months of a contract we name an exit lead.")
    ask = "how you will keep support going for people transferring from the incumbent, including their records"
    assert askfit.misfit(ask, exit_block)
    assert askfit.misfit("how you will hand the service over at the end of the contract", exit_block) is None


def test_one_requirement_for_one_span_of_the_buyers_words():
    found = buyer_standards.requirements("The provider must attend monthly Transition Board meetings from contract "
                                         "award. The provider must attend monthly Transition Board meetings from "
                                         "contract award.")
    assert [s.matter for s in found] == ["assurance_meeting"], found


def test_staff_in_scope_of_tupe_are_read():
    found = buyer_scale.read("31 employees (25.4 WTE) employed by Ashby Care Ltd are currently identified as being in "
                             "scope of TUPE.")
    assert [(q.kind, q.value) for q in found] == [("tupe_staff", 31.0)]


# ---------------------------------------------------------------- said once, counted right


def test_a_timeline_is_told_once_per_answer():
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question

    dated = ["By 3 May 2027: the plan is agreed.", "By 7 June 2027: premises are ready.", "1 July 2027 (go-live): we open."]
    weeks = ["Weeks 1 and 2 after award: the group meets.", "Weeks 3 to 6: staff are consulted.",
             "Eight weeks before: records are tested."]
    risks = ["The register starts with two risks.", "Staff leaving: one-to-one meetings.",
             "Records late: a test transfer eight weeks before the start."]
    assert repeats.is_timeline(" ".join(dated)) and repeats.is_timeline(" ".join(weeks))
    assert not repeats.is_timeline(" ".join(risks))  # one date among its sentences is no timeline

    def method(*blocks):
        m = T.Method()
        for bid, sentences in blocks:
            m.blocks.append(SimpleNamespace(block_id=bid))
            m.why.append(bid)
            m.units += [{"text": t, "priority": 1, "block": bid, "cont": n > 0} for n, t in enumerate(sentences)]
        return m

    plan = plan_question("Describe:\n\n(a) your mobilisation plan;\n\n(b) your approach to risks.\n\nMaximum 800 words.")
    a, b = (p.key for p in plan.points)
    methods = {a: method(("dated", dated), ("weekly", weeks)), b: method(("risks", risks))}
    T.one_timeline(plan, methods)
    assert [x.block_id for x in methods[a].blocks] == ["dated"] and methods[b].blocks[0].block_id == "risks"


def test_an_announced_count_says_how_many_items_the_part_keeps():
    from evidencebot.compose.tender import Unit

    said = ["Our plan names three risks.", "Late data: we ask in week one.", "Staff leaving: early recruitment.",
            "Phones not ready: numbers kept.", "Each risk has an owner."]
    units = [Unit(text=t, refs=["block:r"]) for t in said]
    units[2].kept = False
    repeats.counts_agree(units)
    assert units[0].text == "Our plan names two risks."
    units[2].kept = True
    repeats.counts_agree(units)  # put back when the list is whole again
    assert units[0].text == "Our plan names three risks."
    assert repeats.count_mismatches("Our plan names three risks. Late data: we ask. Staff leaving: we recruit.") == [
        "three risks: 2 listed"]


@pytest.mark.parametrize(("earlier", "later", "again"), [
    ("Every worker is briefed on the guidance at induction before the service goes live, and new staff within their "
     "first month.", "Every worker is briefed on the policy at induction before the service goes live, and new staff "
     "within their first month.", True),
    ("The plan is reviewed with the person every 10 weeks and whenever their circumstances change.",
     "Goals are reviewed with the person every 10 weeks, and sooner when their circumstances change.", True),
    # the same frame naming another partner says something new
    ("We will offer the Oakley Walking Group at each review where the person's goals include it.",
     "We will offer the Oakley Stop Smoking Service at each review where the person's goals include it.", False),
    # a shared phrase is not a repeat when most of the later sentence is new
    ("Recovery workers complete naloxone training run with the local drug and alcohol service.",
     "At the first visit the worker asks about substance use and refers them to the local drug and alcohol service.",
     False),
])
def test_a_sentence_that_says_an_earlier_one_again_is_found(earlier, later, again):
    assert repeats.says_again(earlier, later) is again
    assert repeats.near_duplicates([earlier, later]) == ([(0, 1)] if again else [])
