"""One bid, one buyer, one set of facts (issue 12, session 9).

A tender assembled from several question files decides who the buyer is once, from all of them
(the localities it lists, the places it says the service works from or runs, whether we would be
new), shows it for the bid team to confirm, and every answer uses it: the buyer's hub is where we
work, a service its Lot includes is ours to run, never a partner's; a figure the buyer states in
one question is answered in that question's answer, not in the first part of another answer that
happens to speak of staff. The questions below are written in another buyer's words (not s8's)."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import tender_profile as tp

PERIOD = "2025-10..2026-09"

MODEL = (
    "D1.1 Service model\n"
    "The service will support around 400 adults at any one time across three localities (Dunmore Town, "
    "Kelsey Bay and Ashby Fields). Describe your service model. Your answer should cover: how referrals will "
    "be received and screened; how the service will operate from the Dunmore Community Hub and across the "
    "other two localities; and how people will be supported to leave the service well.\n"
    "Maximum 500 words"
)
CRISIS = (
    "D2.4 Crisis alternatives\n"
    "The contract also includes the Kelsey Bay Crisis Café, open from 6pm to midnight every day. Describe:\n"
    "(a) how people will be helped to plan for a crisis with their worker; and\n"
    "(b) how you will staff and run the Kelsey Bay Crisis Café safely.\n"
    "Maximum 450 words"
)
PEOPLE = (
    "D3.2 Workforce\n"
    "Of the workforce, no fewer than 5 WTE must be peer support workers with lived experience. Describe:\n"
    "(a) the workforce you will put in place, including peer support workers; and\n"
    "(b) how you will supervise and support staff.\n"
    "Maximum 450 words"
)
START = (
    "D4.1 Mobilisation\n"
    "The contract starts on 1 July 2027. The outgoing provider has said that 20 staff may transfer under TUPE. "
    "Describe your mobilisation plan, including how you will keep people's support going through the change "
    "of provider.\nMaximum 400 words"
)


def test_localities_and_the_places_we_would_work_from_or_run_are_read():
    facts = tp.read_facts(MODEL + "\n" + CRISIS)
    assert facts["localities"].value == "Dunmore Town, Kelsey Bay and Ashby Fields"
    assert facts["base"].value == "the Dunmore Community Hub; the Kelsey Bay Crisis Café"
    assert tp.is_base("Kelsey Bay Crisis Café", facts["base"].value) == "Kelsey Bay Crisis Café"
    assert tp.is_base("Kelsey Bay Crisis", facts["base"].value) == "Kelsey Bay Crisis Café"  # read short of 'Café'
    assert tp.is_base("Kelsey Bay", facts["base"].value) == ""  # the locality is not the café
    # a partner's service based at a hub does not make the hub, or the partner's place, ours
    partner = "The council's housing team, which is provided by another organisation, is based at the Ashby Centre."
    assert "base" not in tp.read_facts(partner)
    assert "base" not in tp.read_facts("Housing Options are based at the Dene Centre.")
    # review s9 item 4: another organisation's team or service based at a place, or a place someone else runs
    for theirs in ["The NHS crisis resolution team is based at the Dene Centre.",
                   "The local authority Housing Options service is delivered from the Civic Centre.",
                   "The community mental health team working from the Ashby House sees people weekly.",
                   "The specification includes the Saltby Safe Haven, run by the voluntary sector partner."]:
        assert "base" not in tp.read_facts(theirs), theirs
    assert tp.read_facts("The service will operate from the Dene Centre.")["base"].value == "the Dene Centre"


def test_an_office_house_the_service_operates_from_is_a_base_not_a_crisis_place_we_run(demo_db):
    """Review s9 item 20: 'X House' the buyer says the service operates from or is based at is where we work
    from; only the buyer's 'includes / run / staff' makes a place one we run."""
    from evidencebot.compose.tender import assemble_tender

    for where in ["The service will operate from Bridge House, the council offices in Dunmore town centre.",
                  "The team will be based at Kingsway House in Dunmore."]:
        question = ("Q5 Service model\n" + where + " Describe how the service will work with the crisis team and "
                    "where people will be seen.\nMaximum 400 words")
        text = assemble_tender(demo_db, question, period=PERIOD).markdown
        assert "We will run the" not in text, text
        assert "staffed place to go" not in text, text


def test_a_block_for_a_place_someone_else_runs_is_left_out_when_the_tender_makes_that_place_ours():
    from evidencebot.compose.tender import fits_provider

    elsewhere = SimpleNamespace(tags=["crisis café", "run by another: crisis café"])
    plain = SimpleNamespace(tags=["crisis café"])
    assert fits_provider([elsewhere, plain], {"provider_status": "new"}) == [elsewhere, plain]
    assert fits_provider([elsewhere, plain], {"provider_status": "new", "base": "the Kelsey Bay Crisis Café"}) == [plain]
    # review s9 item 10: the same kind of place written without the accent, or as a sanctuary or crisis house
    for base in ["the Kelsey Bay Crisis Cafe", "the Saltby Crisis Sanctuary", "the Dene Crisis House"]:
        assert fits_provider([elsewhere, plain], {"provider_status": "new", "base": base}) == [plain], base
    shipped = SimpleNamespace(tags=["crisis alternatives offer", "run by another: safe haven",
                                    "run by another: crisis café"])
    assert fits_provider([shipped], {"provider_status": "new", "base": "the Dene Crisis House"}) == []


def test_a_tender_from_question_files_decides_the_buyer_once_and_every_answer_uses_it(question_files, run, demo_copy, tmp_path):
    imported = run("tender", "import", *question_files(MODEL, CRISIS, PEOPLE, START))
    assert imported.exit_code == 0, imported.output
    assert "imported tender 1: 4 questions from 4 files" in imported.output
    assert "the buyer's localities: Dunmore Town, Kelsey Bay and Ashby Fields (read from the questionnaire" \
        in imported.output
    assert "the Dunmore Community Hub; the Kelsey Bay Crisis Café" in imported.output
    # decided from all the questions: the outgoing provider is in the last file only
    assert "incumbent or new provider: new" in imported.output
    status = run("tender", "status").output
    assert "Who the buyer is (every answer uses this; confirm it" in status
    assert "D1.1" in status and "D4.1" in status
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code == 0, drafted.output
    answers = {r["ref"]: r["answer"] for r in demo_copy.query("select ref, answer from tender_questions")}
    assert set(answers) == {"D1.1", "D2.4", "D3.2", "D4.1"}
    # the hub is where we work, the café is ours to run: never a partner, never someone else's service
    assert "based at the Dunmore Community Hub" in answers["D1.1"]
    assert "We will run the Kelsey Bay Crisis Café" in answers["D2.4"]
    every = "\n".join(answers.values())
    assert "We will work with the Dunmore Community Hub" not in every
    assert "we agree with the local safe haven or crisis café" not in every
    assert "current provider" not in every and "Riverside" not in every
    # the peer-worker figure is stated in D3.2: its plan is written there, not in the café's staffing part
    assert "at least 5 WTE peer support workers" in answers["D3.2"]
    assert "5 WTE" not in answers["D2.4"]
    # the bid team can correct what was read; the answers then use the correction
    changed = run("tender", "profile", "--base", "the Dunmore Community Hub")
    assert changed.exit_code == 0 and "places the service works from or runs: the Dunmore Community Hub (set by" \
        in changed.output
    exported = run("tender", "export", "-o", str(tmp_path / "response.md"))
    assert exported.exit_code == 0, exported.output
    headings = [ln for ln in (tmp_path / "response.md").read_text().splitlines() if ln.startswith("## ")]
    assert len(headings) == 4 and not any(h.count("D1.1") > 1 for h in headings), headings


def test_question_files_must_be_text_when_several_are_given(run, tmp_path):
    (tmp_path / "a.md").write_text(MODEL, encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"not a document")
    bad = run("tender", "import", str(tmp_path / "a.md"), str(tmp_path / "b.docx"))
    assert bad.exit_code == 2 and "b.docx" in bad.output and "one question each" in bad.output


def test_a_named_thing_our_blocks_speak_of_generically_is_named_as_the_buyer_names_it():
    from evidencebot.compose.tender import generic_phrase

    place = {"dunmore"}
    assert generic_phrase("Dunmore Works IPS", "is referred to the local Individual Placement and Support (IPS) "
                          "service within two weeks", place) == "the local Individual Placement and Support (IPS)"
    assert generic_phrase("Dunmore Safeguarding Children Partnership",
                          "following the local safeguarding children partnership's procedures.", place) \
        == "the local safeguarding children partnership's"
    # another body in the same phrase is not swallowed into the buyer's name
    assert generic_phrase("Dunmore Safeguarding Children Partnership", "represent us at the local Safeguarding "
                          "Adults Board and safeguarding children partnership when asked", place) == ""
    assert generic_phrase("Dunmore Works IPS", "the local drug and alcohol service", place) == ""


def test_a_board_the_buyer_names_is_reported_to_not_treated_as_a_referral_partner():
    from evidencebot.compose import buyer_terms

    kind, _ = buyer_terms.local_kind("Dunmore Mental Health Partnership Board", "", {"dunmore"})
    assert kind == "board"
    board = next(b for b in buyer_terms.templates() if "buyer named board" in b.tags)
    assert "referrals" not in board.body and "We will report to the {named}" in board.body


WORK = (
    "D5.3 Employment and safeguarding\n"
    "NHS Dunmore Integrated Care Board commissions this service. Describe:\n"
    "(a) how you will refer people to, and work jointly with, the Dunmore Works IPS service; and\n"
    "(b) how you will follow the Dunmore Safeguarding Children Partnership procedures.\n"
    "Maximum 500 words"
)


def test_a_named_local_service_our_method_already_covers_is_not_planned_as_new(demo_db):
    """s8 A20/A12: 'We will work with the Wendle Works IPS service from the start of the contract. During
    mobilisation ...' (a plan) beside 'Anyone who wants paid work is referred to the local IPS service' (current
    practice). Now the block answers, naming the buyer's service; no plan template for it."""
    from evidencebot.compose.tender import assemble_tender

    text = assemble_tender(demo_db, WORK, period=PERIOD).markdown
    assert "Dunmore Works IPS" in text and "the local Individual Placement and Support" not in text
    assert "We will work with the Dunmore Works IPS" not in text
    assert "We will work to the Dunmore Safeguarding Children Partnership" not in text


def test_a_part_that_names_the_buyers_body_by_its_short_form_is_where_its_template_goes():
    from evidencebot.compose.tender import short_mention

    name = "Hartmoor and Wendle Mental Health Partnership Board"
    place = {"hartmoor", "wendle"}
    assert short_mention(name, "Reporting KPIs and people's feedback to the Partnership Board", place)
    assert not short_mention(name, "Reporting KPIs to the board", place)
    assert not short_mention(name, "Working with the partnership", place)


SAFE = (
    "D6.1 Safeguarding\n"
    "You will report every safeguarding concern raised by the service to the Council's adult social care front door "
    "on the same working day. Describe:\n"
    "(a) how staff will recognise and report a safeguarding concern; and\n"
    "(b) how you will learn from safeguarding reviews.\n"
    "Maximum 400 words"
)
OUTCOMES = (
    "D7.2 Outcomes\n"
    "Describe:\n"
    "(a) the outcome measures you will use and how often; and\n"
    "(b) how you will report outcomes and use them to improve the service.\n"
    "Maximum 400 words"
)


def test_a_standard_one_question_states_is_committed_to_in_that_answer_only(question_files, run, demo_copy, tmp_path):
    """After the buyer's standards were read from the whole tender, every answer of a 12-question tender carried
    'The specification asks for every safeguarding concern to be reported on the same working day.' (35 such
    lone sentences in the s8 tender). The standard belongs to the answer whose question states it."""
    assert run("tender", "import", *question_files(SAFE, OUTCOMES)).exit_code == 0
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code == 0, drafted.output
    answers = {r["ref"]: r["answer"] for r in demo_copy.query("select ref, answer from tender_questions")}
    assert "same working day" in answers["D6.1"]
    assert "The specification asks for every safeguarding concern" not in answers["D7.2"]


def test_the_buyers_own_board_named_with_its_owner_is_reported_to():
    """s8 A23: 'report progress to the ICB's Mobilisation Board' was answered by our own mobilisation board with
    the commissioner invited to it: a block about our board counted as naming the buyer's."""
    from evidencebot.compose import buyer_terms

    said = "how you will report progress to the Council's Transition Board"
    assert buyer_terms.local_kind("Transition Board", said, set()) == ("board", "Council's Transition Board")
    assert buyer_terms.local_kind("Transition Board", "how you will report to a Transition Board", set()) is None


def test_a_mobilisation_answer_reports_to_the_buyers_board(demo_db):
    from evidencebot.compose.tender import assemble_tender

    question = ("D8.1 Mobilisation\nThe contract starts on 1 July 2027. Please set out:\n"
                "1. Your mobilisation team, and how you will report progress to the ICB's Mobilisation Board\n"
                "2. How you will manage the transfer of staff under TUPE\nMaximum 500 words")
    text = assemble_tender(demo_db, question, period=PERIOD).markdown
    assert "We will report to the ICB's Mobilisation Board" in text
    # review s9 item 3: with a frequency the buyer's reporting standard is read, and its template starts the
    # reports with mobilisation, not after it
    monthly = assemble_tender(demo_db, question.replace("report progress", "report progress monthly"),
                              period=PERIOD).markdown
    assert "We will report to the ICB's Mobilisation Board monthly" in monthly, monthly
    assert "first full quarter" not in monthly, monthly
    assert "from the start of mobilisation" in monthly, monthly
