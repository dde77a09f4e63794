"""A bid's answers are read together (issue 12, session 17): no library paragraph pasted into a second answer of the
same tender, no story told twice or under a heading it has nothing to do with, no part that only says the ask back.

The s15 and s16 panels: "the same paragraph appears under three different questions" (the opening-hours paragraph in
q01, q02 and q06), "the same consented case story ... is reused in q07 d) and q08 d). In q07 it sits under MHSDS
submission". The questions below are written for these tests, in another buyer's words."""

from __future__ import annotations

import re

PERIOD = "2025-10..2026-09"

EVENINGS = (
    "C1 Crisis alternatives\n"
    "Describe how people will be able to get help in the evening and at weekends from a safe haven or crisis café "
    "rather than going to A&E.\n"
    "Maximum 250 words"
)
ALTERNATIVES = (
    "C2 Alternatives to A&E\n"
    "Describe how you will offer people in crisis an alternative to A&E in the evenings and at weekends, such as a "
    "safe haven or crisis café, and how you will know it is working.\n"
    "Maximum 250 words"
)


def _sentences(text: str) -> list[str]:
    body = " ".join(ln for ln in text.splitlines() if not ln.startswith("#"))
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\[])", " ".join(body.split())) if s.strip()]


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%]+", text.lower()))


def test_a_block_an_earlier_answer_of_the_tender_said_is_referred_to_not_pasted_again(question_files, run, demo_copy, tmp_path):
    """Before: C2 pasted the crisis-alternatives paragraph C1 had already given ('During our opening hours (8am to
    8pm ...) people can drop in ...'), as the s16 answers q01, Q1.2 and q06 did."""
    assert run("tender", "import", *question_files(EVENINGS, ALTERNATIVES)).exit_code == 0
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code == 0, drafted.output
    answers = {r["ref"]: r["answer"] for r in demo_copy.query("select ref, answer from tender_questions")}
    first, second = answers["C1"], answers["C2"]
    assert "During our opening hours" in first
    assert "During our opening hours" not in second
    # said once, in the answer that said it first; the later answer names it
    assert "Our answer to question C1 sets out our offer of crisis alternatives in the evening and at weekends" \
        in second
    said = {_key(s) for s in _sentences(first) if len(s.split()) >= 8}
    again = [s for s in _sentences(second) if _key(s) in said]
    assert again == [], again


def test_an_answer_is_named_as_a_reader_would_say_it():
    from evidencebot.compose.tender import answer_name

    assert answer_name("Q1.2") == "question 1.2"
    assert answer_name("QUESTION 4.10") == "question 4.10"
    assert answer_name("4.11") == "question 4.11"
    assert answer_name("SV1") == "question SV1"
    assert answer_name("Question SV1") == "question SV1"


def test_a_story_is_offered_only_where_it_is_mainly_about_what_the_part_asks(demo_db):
    """Before: the easy-read crisis-plan story was offered for a training programme that lists 'safety planning'
    among its modules, and the GP-practice story for 'feedback ... show them what changed' and for day-to-day work
    with GP practices (one word of the story's opening touching a side topic); the s14 and s16 answers told them
    there, under 'Training programme', 'Feedback and closing the loop' and 'Showing ... what has changed'."""
    from evidencebot.compose.tender import relevant_stories

    def offered(text):
        return [s["story_id"] for s in relevant_stories(demo_db, text)]

    assert offered("Your training programme for staff, which must include co-occurring mental health and substance "
                   "use, suicide prevention and safety planning, and trauma-informed practice") == []
    assert offered("How you will gather feedback from people who use the service and their carers, and show them "
                   "what changed as a result") == []
    assert offered("How your staff will work day to day with GP practices in each primary care network") == []
    # s16 q07 c): the easy-read crisis-plan story was told about people seeing their outcome data
    assert offered("How people who use the service and their carers will see, and help make sense of, the outcome "
                   "data") == []
    # s16 q07 d)-e) in the drafted bid: the same story under the MHSDS heading, matched by the name of the board the
    # quarterly report goes to ('... Mental Health, Learning Disability and Autism ...'), not by what the part asks
    assert offered("Set out how you will submit to the Mental Health Services Data Set each month, and describe the "
                   "quarterly report you will provide to the Westmere Mental Health, Learning Disability and Autism "
                   "Programme Board") == []
    # a story about what the part asks is still told there
    assert offered("How you will reduce detentions under section 136 by working with the police")[:1] == \
        ["st15-s136-avoided"]
    assert "st02-step-down-housing" in offered(
        "How you will support people in the first weeks after they are discharged from hospital")
    # a part that asks for an example keeps the looser match
    assert offered("Give an example of how you have supported someone whose crisis plan helped them")


TRANSPORT = """E2.1 Community connections (maximum 600 words)

Please describe:
a) how you will help people keep their tenancy when they fall behind with rent;
b) how you will keep the service's minibus roadworthy and insured in each locality.
"""


def test_a_part_that_would_only_say_the_ask_back_keeps_its_marker_and_says_what_to_write(demo_copy):
    """Before: with no role of the team to lead it (a tender whose buyer's establishment replaces our team's, as in
    s16 q04: 'We will recruit and keep staff. We will bring agency use down to below 5% ... We will agree the detail
    with the commissioner ...'), the part was drafted as the ask said back and 'we will agree the detail', which the
    s15 and s16 panels scored as they scored the placeholder. Now the marker stays and the writer's note says what to
    write."""
    from evidencebot.compose import tender
    from evidencebot.store.blocks import set_profile

    set_profile(demo_copy, {"team": ""})
    answer = tender.assemble_tender(demo_copy, TRANSPORT, period=PERIOD)
    part = next(p for p in re.split(r"^## ", answer.markdown, flags=re.M) if p.startswith("b)"))
    assert "We will keep the service's minibus roadworthy" not in part
    assert "[To write: Keeping the service's minibus roadworthy and insured in each locality]" in part
    row = next(r for r in answer.coverage if r.key == "b")
    assert row.status.startswith("nothing in the library")
    # (s27, said27: an ask said back is never written; the part is the library's gap, whose note says what to write)
    assert "Facts needed: who does it, when and how often" in row.note and row.note not in answer.markdown
    assert answer.checked and not answer.findings
    # (s27, said27) even with a role of the team to lead it, an ask of no shape (not a partner, a group or a setting)
    # is not said back with a leader added: the marker stays for the writer
    set_profile(demo_copy, {"team": "a service manager, two locality team leaders and eight recovery workers"})
    again = tender.assemble_tender(demo_copy, TRANSPORT, period=PERIOD)
    part = next(p for p in re.split(r"^## ", again.markdown, flags=re.M) if p.startswith("b)"))
    assert "We will keep the service's minibus roadworthy" not in part
    assert "[To write: Keeping the service's minibus roadworthy and insured in each locality]" in part


OUTCOMES = """F3.1 Measuring outcomes (maximum 500 words)

Please describe:
a) how you will use patient-reported outcome measures (PROMs) such as DIALOG with each person;
b) the personal outcome measures and tools you will track, including goal attainment and wellbeing.
"""


def test_two_library_blocks_that_open_almost_word_for_word_are_not_both_said(demo_db):
    """Before: part a opened with prom-primary ('From the start of the new contract DIALOG is our primary
    patient-reported outcome measure, in line with the national ...') and part b with outcome-measures ('From the
    start of the new contract we will use DIALOG as the primary patient-reported outcome measure, in line with the
    national ...'): s16 q07, 'the paragraph on DIALOG is repeated almost word for word'."""
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, OUTCOMES, period=PERIOD)
    openings = [p for p in answer.markdown.split("\n\n") if p.startswith("From the start of the new contract")]
    assert len(openings) == 1, openings
    assert "DIALOG is our primary patient-reported outcome measure" in openings[0]
    part_b = answer.markdown.split("## b)")[1]
    assert part_b.strip() and "[To write" not in part_b  # part b keeps its other method block
    assert answer.checked and not answer.findings


def test_a_reference_to_an_answer_drafted_again_without_the_method_does_not_stay(question_files, run, demo_copy, tmp_path):
    """Review s17 finding 3. Before: after 'tender limit C1 --words 80' and 'tender draft C1', C1 no longer held the
    crisis-alternatives paragraph, yet C2 still said 'Our answer to question C1 sets out our offer of crisis
    alternatives ...': the bid said that method nowhere. Now C2, which refers to C1 for it, is drafted again."""
    assert run("tender", "import", *question_files(EVENINGS, ALTERNATIVES)).exit_code == 0
    assert run("tender", "draft", "--all", "--period", PERIOD).exit_code == 0
    answers = {r["ref"]: r["answer"] for r in demo_copy.query("select ref, answer from tender_questions")}
    assert "Our answer to question C1 sets out" in answers["C2"]  # the reference this test is about
    assert run("tender", "limit", "C1", "--words", "80").exit_code == 0
    redraft = run("tender", "draft", "C1", "--period", PERIOD)
    answers = {r["ref"]: r["answer"] for r in demo_copy.query("select ref, answer from tender_questions")}
    assert "During our opening hours" not in answers["C1"]  # C1 no longer says the method at 80 words
    # C2 says it itself now, and refers to nothing C1 no longer says
    assert "During our opening hours" in answers["C2"]
    assert "Our answer to question C1 sets out our offer of crisis alternatives" not in answers["C2"]
    assert "C2 referred to C1 for our offer of crisis alternatives" in redraft.output
    from evidencebot.compose import tender_store

    assert tender_store.stale_references(demo_copy, tender_store.questions(demo_copy)[0]["tender_id"]) == []


def test_a_block_said_once_takes_its_reason_and_its_means_line_with_it():
    """Review s17 finding 10. Before: ``said_once`` took outcome-measures (which opens as prom-primary did) out of
    ``method.blocks`` but left its ``method.why`` (aligned with the blocks by position) and its 'what it means' line, so
    the coverage table gave the next block the removed block's reason."""
    from types import SimpleNamespace

    from evidencebot.compose.tender import Method, said_once

    def block(block_id):
        return SimpleNamespace(block_id=block_id)

    prom = ("From the start of the new contract DIALOG is our primary patient-reported outcome measure, in line with "
            "the national community mental health patient-reported outcome measures (PROMs).")
    again = ("From the start of the new contract we will use DIALOG as the primary patient-reported outcome measure, "
             "in line with the national community mental health outcome measures.")
    wellbeing = "Each person sets up to three goals of their own and rates them at every review with their worker."
    plan = SimpleNamespace(points=[SimpleNamespace(key="a"), SimpleNamespace(key="b")])
    methods = {
        "a": Method(units=[{"text": prom, "block": "prom-primary", "cont": False}], blocks=[block("prom-primary")],
                    why=["patient-reported outcome measures"]),
        "b": Method(units=[{"text": again, "block": "outcome-measures", "cont": False},
                           {"text": wellbeing, "block": "goal-tools", "cont": False}],
                    blocks=[block("outcome-measures"), block("goal-tools")],
                    why=["outcome measures", "goal attainment"],
                    means={"text": "It means each person's progress is measured.", "block": "outcome-measures"}),
    }
    said_once(plan, methods)
    b = methods["b"]
    assert [u["block"] for u in b.units] == ["goal-tools"]  # the repeat went (as before)
    assert [x.block_id for x in b.blocks] == ["goal-tools"]
    assert b.why == ["goal attainment"]  # the reason of the block that stays, in its place
    assert b.means is None  # the removed block's 'what it means' line goes with it
    assert methods["a"].why == ["patient-reported outcome measures"] and methods["a"].blocks


def test_a_title_keeps_its_names_capitals_in_the_reference_sentence():
    """Review s17 finding 6. Before: 'sets out our approach to oliver McGowan Mandatory Training ...', '... making
    Safeguarding Personal', '... caldicott guardian and senior information risk owner' (the library's own titles)."""
    from evidencebot.compose.tender import in_sentence

    assert in_sentence("Oliver McGowan Mandatory Training and learning disability awareness") == \
        "Oliver McGowan Mandatory Training and learning disability awareness"
    assert in_sentence("Making Safeguarding Personal") == "Making Safeguarding Personal"
    assert in_sentence("Caldicott guardian and senior information risk owner") == \
        "Caldicott guardian and senior information risk owner"
    # a sentence-initial common word is still lowered
    assert in_sentence("Clinical and managerial supervision") == "clinical and managerial supervision"
    assert in_sentence("Measuring whether it works") == "measuring whether it works"
    assert in_sentence("The Mental Capacity Act in day-to-day practice") == \
        "the Mental Capacity Act in day-to-day practice"
    assert in_sentence("DIALOG and goal attainment") == "DIALOG and goal attainment"


def test_an_answer_imported_from_a_file_is_named_by_what_it_is_about_not_its_file_name():
    """Review s17 finding 6. Before: 'Our answer to question 01-crisis-escalation sets out ...' (the tender imported
    from corpus/questions/*.md, whose only reference is the file's name, its 'q' cut off)."""
    from evidencebot.compose.tender import answer_name, answer_phrase

    assert answer_phrase("q01-crisis-escalation") == "our answer on crisis escalation"
    assert answer_phrase("q01-crisis-escalation", "Reducing crisis escalation") == \
        "our answer on reducing crisis escalation"
    assert answer_name("q01-crisis-escalation") == "question q01-crisis-escalation"  # not 'question 01-crisis-...'
    assert answer_name("q3") == "question 3"
    # the buyer's references are said as before
    assert answer_phrase("Q1.2") == "our answer to question 1.2"
    assert answer_phrase("C1", "Crisis alternatives") == "our answer to question C1"


def test_a_tender_of_md_files_names_its_answers_without_a_mangled_file_name(run, demo_copy):
    """Review s17 finding 6, end to end: 'tender import corpus/questions/*.md' then 'tender draft --all' wrote, in
    q02 and q05, 'Our answer to question 01-crisis-escalation sets out how we will know it is working ...'."""
    from evidencebot import locations

    files = sorted(str(p) for p in (locations.packaged_dir("corpus") / "questions").glob("*.md"))
    assert run("tender", "import", *files).exit_code == 0
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert "drafted 5 of 5" in drafted.output, drafted.output[-800:]
    answers = " ".join(r["answer"] or "" for r in demo_copy.query("select answer from tender_questions"))
    # session 18 (r18): was 'Our answer on crisis escalation sets out'; with 'what it means' lines said as aims (a few
    # words longer) q01's measures part keeps only its library block, so the shared template is first said in q02 and
    # q05 refers to 'our answer on step down': the reference this test is about, named by its subject either way
    assert re.search(r"Our answer on (?:crisis escalation|step down) sets out", answers), "the reference this test is about"
    assert not re.search(r"question \d\d-", answers)
    assert not re.search(r"(?i)our answer to question q?\d\d-", answers)


def test_an_answer_holding_the_writers_edits_is_listed_not_overwritten_for_a_stale_reference(question_files, run, demo_copy,
                                                                                               tmp_path):
    """Review s17 finding 3, with the writer's own text: C2 kept by hand ('tender keep') is not drafted again over
    the writer's edits when C1 stops saying the method C2 refers to; the draft lists it, with the command."""
    from evidencebot.compose import tender_store

    assert run("tender", "import", *question_files(EVENINGS, ALTERNATIVES)).exit_code == 0
    assert run("tender", "draft", "--all", "--period", PERIOD).exit_code == 0
    c2 = next(demo_copy.query("select answer from tender_questions where ref = 'C2'"))["answer"]
    assert "Our answer to question C1 sets out" in c2
    edited = c2.rstrip() + "\n\nOur team reviews this each quarter with the commissioner.\n"
    tender_store.keep_answer(demo_copy, "C2", edited)
    assert run("tender", "limit", "C1", "--words", "80").exit_code == 0
    results = tender_store.draft(demo_copy, "C1", period=PERIOD)
    after = next(demo_copy.query("select answer from tender_questions where ref = 'C2'"))["answer"]
    assert after.strip() == edited.strip()  # the writer's text stands
    listed = [r for r in results if r["ref"] == "C2"]
    assert len(listed) == 1 and listed[0]["answer"] is None
    assert "C2 referred to C1 for our offer of crisis alternatives" in listed[0]["reason"]
    assert "tender draft C2" in listed[0]["fix"]


def test_tender_status_lists_a_reference_the_writers_edit_made_stale(question_files, run, demo_copy, tmp_path):
    """Review s17 finding 3 ('list it in tender status'): C1 kept by hand without the crisis-alternatives paragraph,
    C2 still referring to C1 for it; the status says so, with the command that mends it."""
    from evidencebot.compose import tender_store

    assert run("tender", "import", *question_files(EVENINGS, ALTERNATIVES)).exit_code == 0
    assert run("tender", "draft", "--all", "--period", PERIOD).exit_code == 0
    c1 = next(demo_copy.query("select answer from tender_questions where ref = 'C1'"))["answer"]
    assert "During our opening hours" in c1
    shorter = "\n\n".join(p for p in c1.split("\n\n") if "During our opening hours" not in p)
    tender_store.keep_answer(demo_copy, "C1", shorter)
    table = tender_store.status_table(demo_copy)
    assert "References to mend (1" in table
    assert "C2 referred to C1 for our offer of crisis alternatives" in table
    assert "evidencebot tender draft C2" in table
