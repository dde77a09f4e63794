"""What the buyer forbids, requires or dates, against a sentence of ours (session 32, issue 12: the s32 contradiction
reader's FIRM points; sentences here are written for the tests, not the held-out set's)."""

from __future__ import annotations

from evidencebot.compose import timings
from evidencebot.compose.buyer_facts import check, hold, read

FORBIDS = read("Bidders must not use friends or young relatives as translators at any appointment.")


def test_a_sentence_letting_a_forbidden_person_do_the_role_goes_and_a_clause_after_the_first_alone_goes():
    alone = "Friends translate at short notice when no booked translator can join."
    assert hold(alone, FORBIDS)[0] is None
    two = "A booked translator joins every first meeting; friends, and never young relatives, translate out of hours."
    assert hold(two, FORBIDS)[0] == "A booked translator joins every first meeting."


def test_a_sentence_that_forbids_it_too_is_no_clash():
    assert check("We never ask friends to translate for the person.", FORBIDS) == []
    assert check("Questions about safety are asked without young relatives translating.", FORBIDS) == []


def test_a_required_attendance_weakened_with_or_loses_the_alternative():
    facts = read("The Provider will attend the Riverside case panel whenever a person on its caseload is listed.")
    said = "The key worker attends the case panel or emails a short report, and actions go into the plan."
    new, clashes = hold(said, facts)
    assert new == "The key worker attends the case panel, and actions go into the plan."
    assert [c.fact.kind for c in clashes] == ["must_or"]
    assert check("The key worker attends the case panel and records the actions.", facts) == []


def test_the_buyer_naming_who_provides_an_assessment_holds_over_ours():
    facts = read("Oakmere Carers Link provides carers' assessments on behalf of the borough.")
    said = "Carers are offered a referral to the borough's social work team for a carer's assessment."
    clashes = check(said, facts)
    assert [c.fact.kind for c in clashes] == ["assessor"]
    assert "Oakmere Carers Link" in hold(said, facts)[0]


def test_a_target_set_for_a_later_year_than_the_buyer_holds_us_to_it_loses_that_clause():
    facts = read("The Provider will be held to the KPIs listed here from 3 May 2029.")
    said = "We will plan monthly steps towards the recovery target, set for the end of the first contract year, and report them."
    assert hold(said, facts)[0] == "We will plan monthly steps towards the recovery target, and report them."
    assert check("We will report each target monthly from the start.", facts) == []


def test_one_step_on_a_referral_one_timing():
    """A slower timing for screening beside a same-day triage is said as the faster."""
    held = timings.step_fastest(["Each referral is triaged on the same working day by the duty worker."])
    text, changed = timings.hold_steps("The team leader screens every referral within three working days.", held)
    assert text == "The team leader screens every referral on the same working day."
    assert changed == [("within three working days", "on the same working day")]
    assert timings.hold_steps("The team leader screens every referral the same day.", held)[1] == []


QUESTION = """# Question 4: Domestic abuse

Weighting: 10%. Maximum 400 words.

Context

The high-risk domestic abuse conference for the district meets every other Wednesday. The Provider will attend the
MARAC whenever a person open to the service is discussed.

Describe how you will:

(a) ask people about domestic abuse;
(b) respond when someone discloses abuse, including referral to the MARAC.
"""


def test_assemble_says_the_required_attendance_and_lists_the_change_for_the_writer(run, tmp_path):
    """The demo library's domestic abuse block says the worker 'attends the MARAC or sends a written update': held to
    the buyer's 'will attend the MARAC', the alternative goes and the writer's notes after the table say so."""
    q = tmp_path / "q04.md"
    q.write_text(QUESTION, encoding="utf-8")
    result = run("assemble", "tender", "--question-file", str(q), "-o", str(tmp_path / "answer.md"))
    assert result.exit_code == 0, result.output
    answer = (tmp_path / "answer.md").read_text(encoding="utf-8")
    assert "attends the MARAC" in answer
    assert "or sends a written update" not in answer
    assert "Changed or left out as it contradicted the buyer's facts" in result.output
    assert "'attends the MARAC or sends a written update'" in result.output


def test_a_milestone_for_the_staff_information_gets_no_measures_letter_step():
    """s32 #5: 'TUPE information from current provider' took the transfer's steps, so the measures letter went 30 days
    before the information arrived; it now takes the employee liability information's steps."""
    from evidencebot.compose.buyer_mobilisation import steps

    said = " ".join(steps("TUPE data from the outgoing provider"))
    assert "measures letter" not in said
    assert "outgoing provider" in said
    assert "measures letter" in " ".join(steps("TUPE transfer of staff"))
