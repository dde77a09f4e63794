"""One tender's buyer facts hold across its answers (issue 12, session 18).

s17's panel (contradictions A1-A3, firm): the buyer's hours ("available 8am to 8pm, seven days a week, including bank
holidays") were stated in Q1's background, yet Q3's answer said our "10am to 4pm at weekends"; crisis plans were
"reviewed at least every six months" against the buyer's 3 months; DIALOG was proposed as the primary measure where
the buyer had chosen ReQoL-10. The buyer's facts are read from every question of the tender (and its header), and
each answer is held to them.
"""

from __future__ import annotations

PERIOD = "2025-10..2026-09"

BACKGROUND = (
    "The service must be available 8am to 8pm, seven days a week, including bank holidays. "
    "Every crisis plan must be reviewed at least every 3 months or after any crisis episode. "
    "The Authority has chosen ReQoL-10 as the patient-reported outcome measure (PROM) for this service.")


def tender_docx(path):
    """A buyer's Word questionnaire: Q1 states the hours, a review interval and the outcome measure in its background;
    Q3 (crisis plans) and Q5 (outcomes) state none of them."""
    from docx import Document

    d = Document()
    d.add_heading("Lot 2 community recovery service: quality questions", 0)
    d.add_heading("Q1 Service model", 1)
    d.add_paragraph("Background: " + BACKGROUND)
    d.add_paragraph("Describe how you will receive and screen referrals and allocate each person a named worker.")
    d.add_paragraph("Maximum 400 words. Weighting: 10%")
    d.add_heading("Q2 Housing", 1)
    d.add_paragraph("Describe how you will help people keep their tenancy and manage their money.")
    d.add_paragraph("Maximum 300 words. Weighting: 5%")
    d.add_heading("Q3 Crisis plans", 1)
    d.add_paragraph("Describe how crisis plans are written and reviewed with people, and what your staff will do when "
                    "a person is in crisis during and outside service hours.")
    d.add_paragraph("Maximum 500 words. Weighting: 10%")
    d.add_heading("Q4 Supervision", 1)
    d.add_paragraph("Describe how staff will be supervised and supported.")
    d.add_paragraph("Maximum 300 words. Weighting: 5%")
    d.add_heading("Q5 Outcome measures", 1)
    d.add_paragraph("Describe the outcome measures you will use with people, when they are completed, and how "
                    "scores are used in each person's review.")
    d.add_paragraph("Maximum 400 words. Weighting: 10%")
    d.save(path)
    return path


def _answers(db) -> dict[str, str]:
    return {r["ref"]: r["answer"] or "" for r in db.query("select ref, answer from tender_questions")}


def test_the_buyers_facts_in_one_question_hold_for_every_answer_of_the_tender(run, demo_copy, tmp_path):
    path = tender_docx(tmp_path / "lot2.docx")
    assert run("tender", "import", str(path)).exit_code == 0
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code in (0, 1), drafted.output
    answers = _answers(demo_copy)
    assert set(answers) == {"Q1", "Q2", "Q3", "Q4", "Q5"}
    everything = "\n".join(answers.values())
    # the hours: Q3's crisis block speaks of our opening hours, in the buyer's hours
    assert "10am to 4pm at weekends" not in everything
    assert "8am to 8pm, seven days a week" in answers["Q3"]
    # the review interval: never less often than the buyer's every 3 months
    assert "every six months" not in everything
    assert "every 3 months" in answers["Q3"]
    # the outcome measure the buyer chose is ours as the primary one, not DIALOG
    assert "use DIALOG as the primary" not in everything and "DIALOG is our primary" not in everything
    assert "ReQoL-10 as the primary" in answers["Q5"] or "ReQoL-10 is our primary" in answers["Q5"]


def test_a_question_files_background_holds_for_all_of_its_parts(demo_db):
    """One question file: the review interval its background states holds in the part about crisis, whose block says
    'our standard is a review at least every six months' (s17 q03: the same answer said both)."""
    from evidencebot.compose.tender import assemble_tender

    question = ("## Question Q3: Crisis plans\n\n**Background**\n\nCrisis plans must be shared with the crisis team "
                "within 2 working days of being agreed, and reviewed at least every 3 months or after any crisis "
                "episode.\n\n**Question**\n\nHow will you develop crisis plans with people? Your answer should cover: "
                "how crisis plans are written with the person; how plans are shared with the crisis team; and what "
                "your staff will do when a person is in crisis.\n\nMaximum 600 words.")
    answer = assemble_tender(demo_db, question, period=PERIOD, check=False)
    assert "every six months" not in answer.markdown
    assert "at least every 3 months" in answer.markdown


def test_the_buyers_facts_in_the_questionnaires_introduction_hold_for_every_answer(run, demo_copy, tmp_path):
    """Facts stated once in the document's own introduction, before any question, hold for each answer."""
    from docx import Document

    d = Document()
    d.add_heading("Lot 2 community recovery service: quality questions", 0)
    d.add_paragraph("Introduction. The service must be available 8am to 8pm, seven days a week, including bank "
                    "holidays. The Authority has chosen ReQoL-10 as the patient-reported outcome measure (PROM) for "
                    "this service.")
    d.add_heading("Q1 Crisis plans", 1)
    d.add_paragraph("Describe how crisis plans are written with people, and what your staff will do when a person is "
                    "in crisis during and outside service hours.")
    d.add_paragraph("Maximum 500 words. Weighting: 10%")
    d.add_heading("Q2 Outcome measures", 1)
    d.add_paragraph("Describe the outcome measures you will use with people, when they are completed, and how scores "
                    "are used in each person's review.")
    d.add_paragraph("Maximum 400 words. Weighting: 10%")
    path = tmp_path / "intro.docx"
    d.save(path)
    assert run("tender", "import", str(path)).exit_code == 0
    assert run("tender", "draft", "--all", "--period", PERIOD).exit_code in (0, 1)
    answers = _answers(demo_copy)
    assert "10am to 4pm at weekends" not in answers["Q1"] and "8am to 8pm, seven days a week" in answers["Q1"]
    assert "DIALOG" not in answers["Q2"] and "ReQoL-10" in answers["Q2"]


def _held(unit: str, question: str, tender: str) -> str:
    from evidencebot.compose.tender import Method, _hold_to_buyer

    method = Method()
    method.units = [{"text": unit, "priority": 2, "block": "b", "cont": False}]
    _hold_to_buyer({"a": method}, question, tender)
    return method.units[0]["text"]


def test_another_questions_timescale_holds_only_what_runs_from_the_same_start():
    q1 = "The Authority requires that every new referral is contacted within 5 working days of receipt."
    q2 = ("When a person reports an early warning sign, the provider must make contact with the person within 4 hours "
          "(during service hours).")
    q4 = "The provider must make a follow-up contact within 72 hours of discharge from inpatient care."
    tender = "\n".join([q1, q2, q4])
    # s17 (after the tender's text was read whole): Q2's step-up 4 hours turned Q1's first contact into '4 hours of
    # referral'; a timescale from another question holds ours only when both run from the same start
    assert _held("Our standard is a first contact within 5 working days of referral.", q1, tender) == \
        "Our standard is a first contact within 5 working days of referral."
    assert _held("Our standard is first contact within 96 hours of discharge.", q2, tender) == \
        "Our standard is first contact within 72 hours of discharge."
    assert _held("Anyone who has been in crisis has a planned contact within two weeks.", q1, tender) == \
        "Anyone who has been in crisis has a planned contact within two weeks."
