"""A tender's own facts (issue 12): the buyer, area, service name, contract start and length, and
whether we would be the incumbent or a new provider, read from the buyer's text or set with
``evidencebot tender profile``, used by the answers over the service profile (which describes
the service we run now, for another buyer), and never contradicted by them."""

from __future__ import annotations

import pytest
from evidencebot.compose import tender_profile as tp
from evidencebot.compose.consistency import check_answers

PERIOD = "2025-10..2026-09"

HALBROOK = (
    "Q1 Mobilisation (Weighting 10%)\n"
    "NHS Halbrook Integrated Care Board intends that the Halbrook Community Recovery Service will commence on "
    "1 April 2026. Staff employed by the incumbent provider may transfer to you under TUPE.\n"
    "Describe your plan for mobilising the service. Your answer should cover:\n"
    "a) your mobilisation plan and key milestones to the start date;\n"
    "b) how you will manage the transfer of staff under TUPE;\n"
    "c) how people already supported will experience no gap in support.\n"
    "(Maximum 600 words)"
)


def test_the_buyers_facts_are_read_with_the_words_they_come_from():
    facts = tp.read_facts(
        "Halbrook Borough Council and NHS Halbrook ICB jointly commission the service. The contract is for an "
        "initial period of three (3) years with an option to extend for a further two years. Bids must be "
        "submitted by 5 January 2026. Go-live: 01/04/2026. Staff of the current provider may transfer under TUPE.")
    assert facts["commissioner"].value == "Halbrook Borough Council and NHS Halbrook ICB"  # named together: joint
    assert facts["area"].value == "Halbrook"
    assert facts["contract_start"].value == "1 April 2026"  # not the submission date
    assert "01/04/2026" in facts["contract_start"].quote
    assert facts["contract_length"].value == "three years, with an option to extend by two years"
    assert facts["provider_status"].value == "new"
    assert "current provider" in facts["provider_status"].quote


@pytest.mark.parametrize("text", [
    "If you are the incumbent provider, describe how you will move to the new specification.",
    "Describe how you will build on existing providers in the area.",
    "Tenders must be submitted by 1 April 2026.",
    "Describe how you will work with Dene County Council's adult social care team.",  # a partner, not the buyer
])
def test_what_the_buyer_does_not_state_is_not_read(text):
    facts = tp.read_facts(text)
    assert "provider_status" not in facts and "contract_start" not in facts and "commissioner" not in facts


def test_the_incumbent_the_buyer_speaks_of_is_us_when_the_buyer_is_ours():
    ours = {"commissioner": "Riverside Integrated Care Board", "provider_status": "incumbent"}
    text = "Riverside Integrated Care Board: staff of the incumbent provider may transfer under TUPE."
    assert "provider_status" not in tp.facts_for(text, ours)
    assert tp.facts_for(text.replace("Riverside", "Halbrook"), ours)["provider_status"].value == "new"


def test_another_buyers_tender_never_inherits_our_services_buyer_specific_facts():
    ours = {"commissioner": "Riverside Integrated Care Board", "area": "the Riverside borough",
            "service": "Riverside Community Wellbeing Service", "provider_status": "incumbent",
            "contract_start": "1 April 2027", "provider": "Harbour Lane Trust", "hours": "8am to 8pm"}
    r = tp.resolve(ours, {"commissioner": "Dene County Council"})
    assert r.other_buyer and r.profile["area"] == "Dene" and r.profile["provider"] == "Harbour Lane Trust"
    assert r.incumbent is None and "contract_start" not in r.profile and "service" not in r.profile
    assert {"contract_start", "provider_status", "service"} <= set(r.unknown)
    joint = tp.resolve(ours, {"commissioner": "NHS Halbrook and Dene ICB and Halbrook Borough Council"})
    assert joint.profile["area"] == "Halbrook and Dene"  # the place in the first buyer's name
    same = tp.resolve(ours, {"contract_start": "1 May 2027"})  # our own buyer: the profile fills the rest
    assert not same.other_buyer and same.incumbent is True and same.profile["contract_start"] == "1 May 2027"


def test_answers_are_read_against_the_tenders_facts():
    ours = {"commissioner": "Riverside Integrated Care Board", "service": "Riverside Community Wellbeing Service"}
    r = tp.resolve(ours, {"commissioner": "NHS Halbrook ICB", "contract_start": "1 April 2026",
                          "provider_status": "new"})
    clashes = tp.check_against(r, [
        ("Q1", "As the current provider, our staff already work for us. We report to Riverside Integrated Care Board."),
        ("Q2", "Our transition plan works back from the contract start on 1 April 2027."),
        ("Q3", "We report to NHS Halbrook ICB every quarter, from the contract start on 1 April 2026."),
    ], ours)
    said = {c.label: [s.ref for s in c.statements[1:]] for c in clashes}
    assert said == {"the tender's provider (we would be new)": ["Q1"], "the tender's buyer": ["Q1"],
                    "the tender's area or service": ["Q1"], "the tender's contract start": ["Q2"]}
    assert all(c.statements[0].ref == "tender" for c in clashes)


def test_a_council_the_buyers_own_text_names_is_a_partner_not_another_buyer():
    """A shire county's district councils hold housing: an answer that works with 'the Tollmere District Council housing
    team', which the question names, is not writing to another buyer (s26: the answer was refused for it)."""
    ours = {"commissioner": "Riverside Integrated Care Board", "service": "Riverside Community Wellbeing Service"}
    r = tp.resolve(ours, {"commissioner": "Westry County Council and NHS Westry ICB"})
    question = "Describe how you will work with Tollmere District Council and Brayford Borough Council on housing."
    answer = [("Q4", "During mobilisation we will agree with the Tollmere District Council housing team how referrals "
                     "pass between us."),
              ("Q5", "We report to Riverside Integrated Care Board every quarter.")]
    said = {c.label: [s.value for s in c.statements[1:]] for c in tp.check_against(r, answer, ours, question)}
    assert said["the tender's buyer"] == ["Riverside Integrated Care Board"]
    assert [c.label for c in tp.check_against(r, answer[:1], ours)] == ["the tender's buyer"]  # unnamed by the buyer


def test_an_answer_to_another_buyer_names_that_buyer_and_writes_as_a_new_provider(demo_db):
    from evidencebot.compose.library import list_blocks
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, HALBROOK, period=PERIOD)
    assert not answer.findings
    text = answer.markdown
    assert "NHS Halbrook Integrated Care Board" in text
    assert "Riverside" not in text and "2027" not in text and "current provider" not in text
    tags = {b.block_id: {t.lower() for t in b.tags} for b in list_blocks(demo_db, status="approved")}
    used = [tags[b] for b in answer.blocks]
    assert any("provider new" in t for t in used)
    assert not any("provider incumbent" in t for t in used)
    assert answer.tender_facts["contract_start"] == "1 April 2026" and answer.tender_clashes == []
    assert check_answers([("Q1", text)], db=demo_db) == []


def test_as_incumbent_for_another_buyer_the_answer_gives_the_tenders_start_date(demo_db):
    from evidencebot.compose.tender import assemble_tender

    question = ("Describe how you will move to the new contract without a gap in support, with the key dates "
                "of your transition plan. (400 words)")
    facts = {"commissioner": "NHS Halbrook ICB", "contract_start": "1 April 2026", "provider_status": "incumbent"}
    answer = assemble_tender(demo_db, question, period=PERIOD, tender=facts)
    assert "1 April 2026" in answer.markdown and "2027" not in answer.markdown
    assert "Riverside" not in answer.markdown
    assert answer.tender_clashes == [] and not answer.findings


def test_an_unknown_fact_is_left_out_and_said_in_the_coverage(demo_db):
    from evidencebot.compose.library import list_blocks
    from evidencebot.compose.tender import assemble_tender

    question = ("Describe how you will move to the new contract without a gap in support, with the key dates "
                "of your transition plan. (400 words)")
    # another buyer who says neither when the contract starts nor whether there is a provider now
    answer = assemble_tender(demo_db, question, period=PERIOD, tender={"commissioner": "Dene County Council"})
    tags = {b.block_id: {t.lower() for t in b.tags} for b in list_blocks(demo_db, status="approved")}
    assert not any({"provider new", "provider incumbent"} & tags[b] for b in answer.blocks)
    assert "2027" not in answer.markdown and "Riverside" not in answer.markdown
    assert "provider_status" in answer.tender_unknown
    assert "incumbent or new provider" in answer.coverage_table()
    assert "evidencebot tender profile" in answer.coverage_table()
    assert any("not known for this tender" in row.status for row in answer.coverage)


def halbrook_docx(path):
    from docx import Document

    d = Document()
    d.add_paragraph("Halbrook Community Recovery Service: Invitation to Tender")
    d.add_paragraph("NHS Halbrook Integrated Care Board invites bids. The contract will commence on 1 April 2026 "
                    "for an initial period of three years. Staff employed by the incumbent provider may transfer "
                    "under TUPE.")
    d.add_paragraph("1.1 Describe how you will mobilise the service, with your plan and milestones to the start "
                    "date. (400 words)")
    d.add_paragraph("1.2 How will you keep the commissioner informed of performance? (250 words)")
    d.save(path)
    return path


def test_tender_import_reads_the_facts_and_tender_profile_shows_and_sets_them(run, demo_copy, tmp_path):
    imported = run("tender", "import", str(halbrook_docx(tmp_path / "itt.docx")))
    assert imported.exit_code == 0, imported.output
    assert "buyer: NHS Halbrook Integrated Care Board (read from the questionnaire" in imported.output
    assert "contract start: 1 April 2026" in imported.output
    assert "incumbent or new provider: new" in imported.output
    shown = run("tender", "profile")
    assert shown.exit_code == 0 and "contract length: three years" in shown.output
    changed = run("tender", "profile", "--start", "2026-05-01", "--incumbent", "--clear", "length")
    assert changed.exit_code == 0, changed.output
    assert "contract start: 1 May 2026 (set by" in changed.output
    assert "incumbent or new provider: incumbent (set by" in changed.output
    assert "contract length: - (not known: set it with --length)" in changed.output
    rows = {r["field"]: r for r in demo_copy.query("select * from tender_facts")}
    assert rows["contract_start"]["value"] == "1 May 2026" and rows["contract_start"]["source"] == "set"
    assert "contract_length" not in rows
    status = run("tender", "status").output
    assert "Not known for this tender (answers leave out what needs it): contract length" in status
    bad = run("tender", "profile", "--start", "next spring")
    assert bad.exit_code == 2 and "is not a date" in bad.output
    assert demo_copy.execute("select value from tender_facts where field = 'contract_start'").fetchone()[0] == "1 May 2026"


def test_tender_draft_uses_the_tenders_facts_and_finds_no_contradiction(run, demo_copy, tmp_path):
    assert run("tender", "import", str(halbrook_docx(tmp_path / "itt.docx"))).exit_code == 0
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code == 0, drafted.output
    assert "consistency: 0 contradictions across 2 drafted answers" in drafted.stderr
    answers = [r["answer"] for r in demo_copy.query("select answer from tender_questions order by position")]
    assert any("NHS Halbrook Integrated Care Board" in a for a in answers)
    assert not any("Riverside" in a or "2027" in a or "current provider" in a for a in answers)
    # a contradiction planted in a stored answer is found by the tender's read-through
    from evidencebot.compose import tender_store

    demo_copy.execute("update tender_questions set answer = answer || ? where ref = '1.2'",
                      ["\n\nAs the current provider, we report to Riverside Integrated Care Board."])
    labels = {c.label for c in tender_store.contradictions(demo_copy)}
    assert {"the tender's provider (we would be new)", "the tender's buyer"} <= labels


def test_an_excel_questionnaire_states_its_facts_above_the_header(run, demo_copy, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Dene County Council: community recovery service. Contract start date: 1 October 2026."])
    ws.append([])
    ws.append(["Ref", "Question", "Word count", "Weighting %", "Bidder response"])
    ws.append(["4.1", "How will you keep the commissioner informed of performance?", "250", "10"])
    wb.save(tmp_path / "itt.xlsx")
    imported = run("tender", "import", str(tmp_path / "itt.xlsx"))
    assert imported.exit_code == 0, imported.output
    assert "buyer: Dene County Council (read from the questionnaire" in imported.output
    assert "contract start: 1 October 2026" in imported.output
    # another buyer that does not say whether there is a provider now: not known, not our profile's 'incumbent'
    assert "incumbent or new provider: - (not known: set it with --incumbent / --new)" in imported.output


def test_our_current_premises_are_not_offered_to_another_buyer(demo_db):
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.store.blocks import get_profile

    question = "Describe the premises from which you will deliver the service and how people will reach them. (300 words)"
    ours = get_profile(demo_db)["premises"]
    same = assemble_tender(demo_db, question, period=PERIOD, tender={"commissioner": "Riverside Integrated Care Board"})
    other = assemble_tender(demo_db, question, period=PERIOD, tender={"commissioner": "Dene County Council"})
    unsaid = assemble_tender(demo_db, question, period=PERIOD)  # no buyer named or set: not assumed to be ours
    assert ours.split(",")[0] in same.markdown  # our own buyer: the profile's premises
    assert ours.split(",")[0] not in unsaid.markdown and "premises" in unsaid.tender_unknown
    assert ours.split(",")[0] not in other.markdown and "premises" in other.tender_unknown
    assert "premises" in other.coverage_table()


# ---------------------------------------------------------------- a buyer the text does not name (session 9)

OURS = {"commissioner": "Riverside Integrated Care Board", "area": "the Riverside borough, in two localities (North and South)",
        "service": "Riverside Community Wellbeing Service", "provider_status": "incumbent", "contract_start": "1 April 2027",
        "team_by_locality": "North: a team leader; South: a team leader", "provider": "Harbour Lane Trust"}

HARTMOOR = (
    "4.1 Access and the Hartmoor Wellbeing Hub\n"
    "The service covers four localities (Hartmoor City, Wendle Vale, Saltby Coast and Northfell). Staff will work "
    "with the Wendle Safeguarding Children Partnership, Wendle Works and the Saltby Safe Haven.\n"
    "Describe how people will be referred to the service and how you will work with partners.\n"
    "(Maximum 500 words)"
)


def test_local_bodies_that_are_not_ours_mean_another_buyer_the_text_does_not_name():
    assert {w for _, place in tp.local_names(HARTMOOR) for w in place} >= {"hartmoor", "wendle", "saltby", "northfell"}
    facts = tp.facts_for(HARTMOOR, OURS)
    assert facts["commissioner"].value == tp.UNNAMED_BUYER
    r = tp.resolve(OURS, {k: f.value for k, f in facts.items()})
    assert r.other_buyer and "commissioner" not in r.profile and "commissioner" not in r.facts
    assert not {"area", "service", "contract_start", "provider_status", "team_by_locality"} & set(r.profile)
    assert r.profile["provider"] == "Harbour Lane Trust" and r.incumbent is None
    # the outgoing provider the text speaks of is not us
    moving = HARTMOOR + "\nThe outgoing provider has indicated that 37 staff may transfer under TUPE."
    assert tp.facts_for(moving, OURS)["provider_status"].value == "new"


@pytest.mark.parametrize("text", [
    "Describe how you will work with NHS England, the CQC, Samaritans, Mind and Op COURAGE, and apply Right Care "
    "Right Person and the Care Act 2014. (Maximum 500 words)",
    "Describe how you will work with the Riverside Safeguarding Adults Board and the Hartmoor Wellbeing Hub.",
    "The service covers two localities (North and South). Describe how you will work with the Local Safeguarding "
    "Children Partnership, the Community Mental Health Team and the Suicide Prevention Strategy.",
    "Describe how you will support the Council's Carers Strategy and the Crisis Resolution and Home Treatment Team.",
    "Describe how you will meet the Accessible Information Standard and the Trauma-Informed Practice Standard.",
])
def test_national_bodies_and_our_own_area_do_not_make_another_buyer(text):
    assert "commissioner" not in tp.facts_for(text, OURS)


def test_the_outgoing_provider_in_a_text_naming_no_buyer_is_not_us():
    text = "The contract starts on 1 October 2027. The outgoing provider has indicated that 37 staff may transfer " \
           "under TUPE. Describe your mobilisation plan."
    facts = tp.facts_for(text, OURS)
    assert facts["provider_status"].value == "new" and facts["commissioner"].value == tp.UNNAMED_BUYER
    # 'the incumbent provider' with no buyer named may still be us (unchanged)
    assert "provider_status" not in tp.facts_for(text.replace("outgoing", "incumbent"), OURS)
    # and our own buyer named: unchanged
    assert "provider_status" not in tp.facts_for("Riverside Integrated Care Board: " + text, OURS)


def test_an_answer_to_an_unnamed_buyer_names_none_of_ours(demo_db):
    from evidencebot.compose.tender import assemble_tender

    question = ("Question 11 - Mobilisation and TUPE\nThe service includes the Hartmoor Wellbeing Hub and the Saltby "
                "Safe Haven. The outgoing provider has indicated that 37 staff may transfer under TUPE.\n"
                "Please provide your mobilisation plan, addressing:\n"
                "1. Your mobilisation team and governance, and how you will report progress to the ICB\n"
                "2. How you will manage the TUPE transfer, including consultation with staff and trade unions\n"
                "Maximum 600 words")
    answer = assemble_tender(demo_db, question, period=PERIOD)
    text = answer.markdown
    assert "Riverside" not in text and "North and South" not in text and "current provider" not in text
    assert answer.tender_clashes == [] and check_answers([("Q1", text)], db=demo_db) == []


# ---------------------------------------------------------------- a question that names no buyer at all (issue 12)

NO_BUYER = (
    "Partnership working and mobilisation (maximum 500 words). Please set out how you will work with the "
    "Commissioners and partner agencies from the start of the contract. Your response should include: how you will "
    "report performance and quality to the ICB each quarter; how risks to delivery will be escalated; how people "
    "currently supported will move to the new contract without a break in their care; and your key milestones."
)


def test_a_text_naming_no_buyer_leaves_the_buyer_unknown_when_drafting():
    facts = tp.facts_for(NO_BUYER, OURS, drafting=True)
    assert facts["commissioner"].value == tp.UNSTATED_BUYER
    r = tp.resolve(OURS, {k: f.value for k, f in facts.items()})
    assert "commissioner" not in r.profile and "commissioner" not in r.facts
    assert not {"area", "service", "provider_status", "contract_start"} & set(r.profile)
    assert r.incumbent is None and r.profile["provider"] == "Harbour Lane Trust"
    assert tp.buyer_as_worded(NO_BUYER) == "the commissioners"
    assert tp.buyer_as_worded("Describe how you will report to the ICB and Council.") == "the ICB and council"
    assert tp.buyer_as_worded("Describe your approach.") is None
    # read at import (no drafting) nothing is concluded: the rest of the tender may name the buyer
    assert "commissioner" not in tp.facts_for(NO_BUYER, OURS)


@pytest.mark.parametrize("named", [
    "Riverside Integrated Care Board", "the Riverside ICB", "people living in Riverside"])
def test_a_text_naming_our_own_buyer_or_area_keeps_our_buyer(named):
    text = NO_BUYER.replace("the Commissioners", named)
    facts = tp.facts_for(text, OURS, drafting=True)
    r = tp.resolve(OURS, {k: f.value for k, f in facts.items()})
    assert tp.same_buyer(r.profile["commissioner"], OURS["commissioner"]) and not r.other_buyer
    assert r.profile["service"] == "Riverside Community Wellbeing Service"
    # the buyer set for the tender: ours, whatever the question says
    given = tp.facts_for(NO_BUYER, OURS, {"commissioner": "Riverside Integrated Care Board"}, drafting=True)
    assert tp.resolve(OURS, {k: f.value for k, f in given.items()}).profile["service"] == OURS["service"]


def test_an_answer_to_a_question_naming_no_buyer_names_none_of_ours_and_claims_no_incumbency(demo_db):
    from evidencebot.compose.library import list_blocks
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, NO_BUYER, period=PERIOD)
    text = answer.markdown
    assert "Riverside" not in text and "North and South" not in text
    assert "current provider" not in text.lower() and "we run the service now" not in text.lower()
    tags = {b.block_id: {t.lower() for t in b.tags} for b in list_blocks(demo_db, status="approved")}
    assert not any({"provider new", "provider incumbent"} & tags[b] for b in answer.blocks)
    assert "commissioner" not in answer.tender_facts  # named plainly, as the question does: 'the commissioners'
    assert "the commissioners" in text
    assert answer.tender_clashes == [] and not answer.findings
    assert check_answers([("Q1", text)], db=demo_db) == []


def test_an_answer_to_our_own_commissioner_is_unchanged(demo_db):
    from evidencebot.compose.tender import assemble_tender

    ours = NO_BUYER.replace("the Commissioners", "Riverside Integrated Care Board")
    named = assemble_tender(demo_db, ours, period=PERIOD)
    given = assemble_tender(demo_db, NO_BUYER, period=PERIOD, tender={"commissioner": "Riverside Integrated Care Board"})
    for answer in (named, given):
        assert "Riverside Integrated Care Board" in answer.markdown
        assert "we run the service now" in answer.markdown.lower() and "1 April 2027" in answer.markdown
        assert not answer.findings


def test_a_service_the_buyer_names_with_last_years_figures_is_not_the_tendered_service():
    # s10 q03 (spent): 'In 2025/26 the Community Wellbeing Support Service made 312 onward referrals ...' became the
    # name our answer gave our own service ('Community Wellbeing Support Service is open 8am to 8pm ...')
    from evidencebot.compose.tender_profile import read_facts

    facts = read_facts("In 2025/26 the Community Wellbeing Support Service made 312 onward referrals to crisis services. "
                       "Describe how you will identify risk and respond to crisis. (500 words)")
    assert "service" not in facts
    facts = read_facts("The Commissioners are procuring the Dunmoor Recovery Hub Service from 1 April 2027. The Talking "
                       "Space Service, run by Wyke Valley Wellbeing, currently offers drop-in support. Describe your model.")
    assert facts["service"].value == "Dunmoor Recovery Hub Service"
