"""Caseloads read by their structure, not one phrasing (issue 12, session 18).

An answer to "no recovery worker holds a caseload of more than 30 people" kept our block's "7.0 WTE recovery workers
at up to 55 each", and the answer's own consistency check (``tender_clashes``) was empty: the buyer's "holds" and our
"at up to 55 each" were phrasings no reader knew.
"""

from __future__ import annotations

import pytest

PERIOD = "2025-10..2026-09"


@pytest.mark.parametrize("sentence, n, role", [
    ("No recovery worker holds a caseload of more than 30 people.", 30, "recovery worker"),
    ("No recovery practitioner will hold a caseload of more than 22 people.", 22, "recovery practitioner"),
    ("The team has room for about 435 people: 7.0 WTE recovery workers at up to 55 each.", 55, "recovery worker"),
    ("Caseloads are up to 55 people for each whole-time recovery worker.", 55, "recovery worker"),
    ("Recovery workers hold up to thirty people each.", 30, "recovery worker"),
    ("We will keep a caseload of no more than 18 people per recovery worker.", 18, "recovery worker"),
])
def test_a_caseload_is_read_by_number_bound_and_worker(sentence, n, role):
    from evidencebot.compose.consistency import caseloads

    assert [(c.n, c.role) for c in caseloads(sentence)][:1] == [(n, role)]


def test_another_roles_caseload_and_a_count_of_people_in_step_down_are_not_a_recovery_workers():
    from evidencebot.compose.consistency import caseloads

    said = caseloads("7.0 WTE recovery workers at up to 55 each and two peer support workers at up to 25 each; no worker "
                     "holds more than eight people in step-down at once.")
    assert [(c.n, c.role) for c in said] == [(55, "recovery worker"), (25, "peer support worker")]


def test_one_caseload_limit_said_two_ways_across_answers_is_a_contradiction():
    from evidencebot.compose.consistency import check_answers

    found = check_answers([("Q4", "No recovery worker holds a caseload of more than 30 people."),
                           ("Q7", "The team has room for about 435 people: 7.0 WTE recovery workers at up to 55 each.")])
    assert [c.kind for c in found] == ["fact"]
    assert {s.ref for s in found[0].statements} == {"Q4", "Q7"}


def test_an_answer_to_a_caseload_cap_keeps_no_higher_caseload_of_ours(demo_db):
    from evidencebot.compose.tender import assemble_tender

    question = ("## Question 4: Workforce and caseloads\n\nThe Council requires that no recovery worker holds a caseload "
                "of more than 30 people.\n\nPlease describe:\n\n1. Your staffing model and the capacity of the service."
                "\n2. How you will manage caseloads.\n\nMaximum 500 words.")
    answer = assemble_tender(demo_db, question, period=PERIOD, check=False)
    assert "up to 55" not in answer.markdown
    assert "more than 30 people" in answer.markdown
    assert not [c for c in answer.tender_clashes if "caseload" in c.label]
