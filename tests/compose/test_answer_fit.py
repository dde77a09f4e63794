"""Does this block answer this heading (issue 12, session 7): the heading's object, acronyms read in
the question's context, the topic of the whole question; an honest gap beats a wrong block."""

from __future__ import annotations

from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question


def _first_blocks(db, question: str) -> list[str | None]:
    plan = plan_question(question, 600)
    methods = T.choose_methods(db, plan)
    return [(methods[p.key].blocks[0].block_id if methods[p.key].blocks else None) for p in plan.points]


def _all_blocks(db, question: str) -> list[list[str]]:
    plan = plan_question(question, 600)
    methods = T.choose_methods(db, plan)
    return [[b.block_id for b in methods[p.key].blocks] for p in plan.points]


LEARNING = {"sar-learning", "incident-learning", "serious-incident-review", "learning-into-practice", "psirf-response"}


def test_learning_from_safeguarding_reviews_is_a_learning_block_not_the_law(demo_db):
    q = ("Q2.1 Safeguarding\n\nPlease describe how you will safeguard adults at risk. Your answer should address:\n"
         "- how staff will raise a safeguarding concern\n"
         "- how you will learn from Safeguarding Adults Reviews and incidents and embed that learning in practice")
    first = _first_blocks(demo_db, q)
    assert first[1] in LEARNING, first


def test_sar_in_a_safeguarding_question_is_not_a_subject_access_request(demo_db):
    q = "Q2.1 Safeguarding\n\nPlease describe:\n(a) how you will raise concerns;\n(b) how you will learn from SARs.\nMaximum 400 words."
    placed = _all_blocks(demo_db, q)
    assert "subject-access" not in placed[1], placed
    # 'raise concerns' in a safeguarding question is a safeguarding concern, not a complaint
    assert "complaints-handling" not in placed[0], placed


def test_sar_in_an_information_governance_question_is_a_subject_access_request(demo_db):
    q = ("Q5.1 Information governance\n\nDescribe how you will handle SARs from people who use the service. "
         "Maximum 300 words.")
    assert _first_blocks(demo_db, q)[0] == "subject-access"


def test_feedback_from_carers_is_answered_by_a_feedback_block(demo_db):
    q = ("3.9 Carers and families\n\nUse the following headings:\n- Identifying carers\n"
         "- Feedback from carers and families and how it will be used\nMaximum 500 words.")
    first = _first_blocks(demo_db, q)
    assert first[1] in {"carers-feedback", "feedback", "carers-concerns", "triangle-of-care"}, first


def test_reward_is_never_answered_by_an_outcome_reporting_block(demo_db):
    q = ("3.5 Co-production\n\nHow will people who use the service be involved in its governance? "
         "How will you recognise and reward their contribution? Maximum 500 words.")
    placed = _all_blocks(demo_db, q)
    assert "contribution-not-attribution" not in placed[1], placed
    assert placed[1][:1] in ([], ["involvement-payment"]), placed


def test_the_bid_is_answered_by_the_bid_block_or_left_as_a_gap_never_by_carers(demo_db):
    q = ("3.5 Co-production\n\nDescribe how people with lived experience, and carers, have been involved in "
         "developing your bid. How will people who use the service be involved in its governance? Maximum 500 words.")
    placed = _all_blocks(demo_db, q)
    assert placed[0][:1] in ([], ["bid-coproduction"]), placed
    assert not {"carers", "carers-support", "early-warning-signs"} & set(placed[0]), placed
    assert placed[1], placed


def test_the_benefit_of_an_innovation_is_not_money_and_benefits(demo_db):
    q = ("Q3.8 Digital and innovation\n\nDescribe one innovation you would introduce in the first two years, the "
         "benefit you expect it to deliver and how you would evaluate it. Word limit: 600 words.")
    placed = [b for bl in _all_blocks(demo_db, q) for b in bl]
    assert "money-and-benefits" not in placed and "debt-advice" not in placed, placed


def test_prioritising_by_risk_in_a_continuity_question_is_not_the_risk_register(demo_db):
    q = ("5.3 Business continuity\n\nPlease describe:\n(a) how you will maintain critical services during a disruption;\n"
         "(b) how you will prioritise people according to risk if the service has to run at reduced capacity.\n"
         "(max. 500 words)")
    first = _first_blocks(demo_db, q)
    assert first[1] != "service-risk-register", first


def test_jobs_for_people_facing_barriers_to_work_is_social_value_not_access(demo_db):
    q = ("Q6.1 Social value\n\nDescribe the social value you will deliver, including how you will create employment "
         "and training opportunities for local people who face barriers to work, and how you will support local "
         "VCSE organisations. 750 words maximum.")
    first = _first_blocks(demo_db, q)
    assert first[0] not in {"access-barriers", "accessible-contacts"}, first


# ---------------------------------------------------------------- answer shape: one heading per sub-point

SIX_PARTS = ("Ref | Question | Guidance | Max characters | Weighting\n"
             "Q5.1 | Information governance: describe how you will protect personal data, including your current DSPT "
             "status and how you will comply with UK GDPR and the Data Protection Act 2018. | Your response should cover: "
             "who is accountable for information governance; how you will share information lawfully with partners; "
             "how staff will be trained in data security; and how you will manage data breaches. | 3,000 | 4%")


def test_a_tight_limit_keeps_one_heading_per_sub_point(demo_db, checker):
    a = T.assemble_tender(demo_db, SIX_PARTS, period="2025-10..2026-09", checker=checker)
    headings = [ln for ln in a.markdown.splitlines() if ln.startswith("## ")]
    answered = [s for s in a.coverage if s.words]
    assert len(headings) == len(answered) == len(a.plan.points), (headings, [s.label for s in a.coverage])
    assert len(a.markdown.rstrip()) <= 3000


class _FlagsAWordInHeadings:
    """A checker that flags one word wherever it stands, as the real one might flag a buyer's place name."""

    def __init__(self, word: str):
        self.word = word

    def check_text(self, text):
        from evidencebot.language.findings import Finding

        out = []
        for m in __import__("re").finditer(self.word, text):
            out.append(Finding(rule="privacy.person-name", family="privacy", severity="warning", message="a name",
                               start=m.start(), end=m.end(), match=m.group(0)))
        return out


def test_a_heading_the_checker_flags_is_shortened_not_dropped(demo_db):
    q = ("3.5 Co-production\n\nHow will people who use the service be involved in its governance? What will you do to "
         "make sure that those involved reflect the diversity of Riverside's population? Maximum 500 words.")
    a = T.assemble_tender(demo_db, q, period="2025-10..2026-09", checker=_FlagsAWordInHeadings("Riverside"))
    headings = [ln for ln in a.markdown.splitlines() if ln.startswith("## ")]
    assert len(headings) == 2, a.markdown
    assert "Riverside" not in a.markdown
    assert headings[1].startswith("## Making sure those involved reflect the diversity"), headings


def test_the_title_is_checked_with_the_answer_and_cut_to_the_reference_when_flagged(demo_db):
    """The buyer's title is part of what we hand in: a finding in it is fixed (the reference alone), never left
    behind an answer called checked (session 7: 'Annex B' in a title passed assemble, failed check --db)."""
    q = "Q9.9 Lessons from the Hartley case\n\nDescribe how you will learn from serious incidents. Maximum 300 words."
    a = T.assemble_tender(demo_db, q, period="2025-10..2026-09", checker=_FlagsAWordInHeadings("Hartley"))
    assert a.plan.title == "Q9.9"
    assert a.to_export().title == "Q9.9"
    assert any(e.point == "title" and e.result == "Q9.9" for e in a.edits), a.edits
    assert not a.findings


def test_part_coverage_on_the_spent_session6_questions_keeps_its_gains(demo_path, capsys):
    """bench/part_coverage.py on the 14 session-6 ITT questions (dev since session 7): at the session-7 start
    code 50 answered, 22 loose, 40 of 101 placed blocks misplaced; the floors below hold what this session won."""
    import importlib.util
    import re
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "part_coverage.py"
    spec = importlib.util.spec_from_file_location("part_coverage", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    # the s20 report (answers drafted beside the panel) is asserted nowhere here: left out, it was most of the cost
    assert bench.main(["--db", str(demo_path), "--no-s20"]) == 0
    out = capsys.readouterr().out
    rows = {m.group(1): m for m in re.finditer(
        r"^(\w+): (\d+) sub-points: answered (\d+), honest gaps (\d+) .*?loose (\d+) .*?blocks placed (\d+), misplaced (\d+)",
        out, re.M)}
    s7 = rows["dev_s7"]
    assert int(s7.group(3)) >= 66 and int(s7.group(5)) <= 4, out
    assert int(s7.group(7)) <= 0.1 * int(s7.group(6)), out
    for name in ("shipped", "dev_s6"):
        assert rows[name].group(2) == rows[name].group(3), out  # every sub-point answered
    # session 8's intake dev questions (labelled before the placement ran on them; i12c's 23 new blocks added
    # where they answer): at the session-8 start code 37 answered, 15 loose, 19 of 67 placed blocks misplaced
    s8 = rows["dev_s8"]
    # session 22 (l22's 23 new blocks, topics.yaml cues; intake changes): misplaced 14 -> 17 and loose 7 -> 8. One of
    # the 17 was a new block that answers its sub-point (caseload-transfer-by-risk for s8-01's caseload transfer; the
    # labels predate it, now added); the rest are old blocks moved between parts (mobilisation-week-by-week,
    # service-risk-register, accessible-contacts, paired-measures, consent-to-share): a regression accepted for the
    # library's reach, written down for session 23 to win back
    # session 23: sv-accountable (social value's owner) no longer fills a generic accountability part ('the lines of
    # clinical accountability'), and a topic's stand-in (listed after its -new and -incumbent blocks:
    # service-risk-register, mobilisation-week-by-week) no longer pads a part beside the provider's own block; it
    # still answers where the provider is not known (s22 q10 (iv)): misplaced 16 -> 13
    assert int(s8.group(3)) >= 48 and int(s8.group(5)) <= 8 and int(s8.group(7)) <= 13, out


def test_a_standard_the_heading_names_leads_its_part(demo_db):
    """s25 q09: a heading naming the buyer's minimum in capitals ('... paid at least the Real Living Wage') took the
    paid peer roles block, and the minimum was never said; the block tagged with the named standard leads."""
    question = ("Describe your social value offer. Your answer must cover:\n"
                "- how sessional peer workers and volunteers with lived experience will be paid at least the Real "
                "Living Wage\n- how you will recruit locally\n")
    first = _first_blocks(demo_db, question)
    assert first[0] == "real-living-wage", first
