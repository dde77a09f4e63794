"""Commitments the checker used to cut are said as the buyer's target, by structure (kpi23, issue 12): a target the
buyer names as its own and a share of cases after our duty. Own sentences; readers only, plus the checker's verdict
on the sentence (the checker is not changed)."""

from __future__ import annotations


from evidencebot.compose import commitments

from tests.compose.plan_points import Point


QUESTION = """## Question 6 - Medicines and safety

### Requirements the Council will look for

- Missed depot injections must be reported to the prescriber within 2 working days of the missed dose, in 100% of cases.
- The Service will keep a medicines log at each base.

Describe:

(a) how you will support people with their medicines, including missed depot injections;

(b) how you will keep people safe.
"""

POINTS = [Point("a", "how you will support people with their medicines, including missed depot injections"),
          Point("b", "how you will keep people safe")]


def _duty() -> list[str]:
    return [c.text for cs in commitments.read(QUESTION, POINTS).values() for c in cs if "depot" in c.text]


def _said(sentence: str) -> list[str]:
    return [c.text for c in commitments.fallback(sentence)]


def test_a_target_the_buyer_names_as_its_own_is_said_as_the_buyers_target():
    said = _said("The Council's target is that, by the end of Year 3, at least 80% of people on the Service's "
                 "caseload who smoke have a quit attempt recorded in the previous 6 months.")
    assert said and said[0].startswith("We will meet the commissioners' target of at least 80% for ")
    assert "recorded in the previous 6 months" in said[0]


def test_a_share_of_cases_after_our_duty_is_the_buyers_target_not_our_result():
    said = _duty()
    assert said and said[0].endswith(", to the buyer's target of 100%.")
    assert "in 100% of cases" not in said[0]


def test_our_sentences_pass_the_checker(checker):
    for s in (_said("The Council's target is that, by the end of Year 3, at least 80% of people on the Service's "
                    "caseload who smoke have a quit attempt recorded in the previous 6 months.")
              + _duty()):
        assert not [f for f in checker.check_text(s) if f.rule.startswith("overclaim")], s


def test_a_list_introduced_by_its_standards_is_committed_item_by_item():
    said = [c.text for c in commitments.fallback(
        "Standards that apply to this question: a call back to every self-referral within 3 working days, 92% of the "
        "time; discharge summaries sent to the GP within 5 working days; a review within 28 days of starting for 85% "
        "of people.")]
    assert said == ["We will meet the standard of 92% for a call back to every self-referral within 3 working days.",
                    "We will meet the standard for discharge summaries sent to the GP within 5 working days.",
                    "We will meet the standard of 85% for a review within 28 days of starting."]


def test_a_gate_on_the_question_itself_is_read():
    from evidencebot.compose import gates
    found = gates.read("This question will not score above 2 unless the Bidder states that Rowan Lodge will take "
                       "admissions at weekends.")
    assert [g.statement for g in found] == ["Rowan Lodge will take admissions at weekends"]


def test_the_share_of_cases_is_held_to_its_own_questions_figure():
    from evidencebot.compose import buyer_facts
    facts = buyer_facts.read([("", "## Question 6\n\nMissed depot injections must be reported to the prescriber within 2 "
                                   "working days of the missed dose, in 100% of cases.\n"),
                              ("", "## Question 3\n\nReviews of missed appointments should take place within 5 working "
                                   "days of the missed dose being identified (target 90%).\n")])
    said = _duty()[0]
    home = next(f.where.split()[0] for f in facts if "depot" in f.quote)
    assert not buyer_facts.check(said, facts, home=home)
