"""An answer's title when its question has no title line (issue 12, session 18): the question's reference and first
words, as a bid writer would title it, never 'Tender answer'."""

from __future__ import annotations

import pytest

PERIOD = "2025-10..2026-09"


@pytest.mark.parametrize("question, title", [
    ("Describe how you will reduce crisis escalation. Your answer should cover: how you identify early warning signs; "
     "how you step up support; and how you work with the crisis team. (400 words)", "Reducing crisis escalation"),
    ("Q3 How will you keep people safe when they stop engaging with the service? Maximum 300 words.",
     "Q3 Keeping people safe when they stop engaging with the service"),
    ("4.1 Describe how you will learn from incidents and complaints. 300 words", "4.1 Learning from incidents and complaints"),
    # a background first states the buyer's facts: the title is what the question asks
    ("The service must be open seven days a week.\n\nHow will you support people leaving hospital? 300 words",
     "Supporting people leaving hospital"),
])
def test_an_untitled_questions_answer_is_titled_by_its_reference_and_first_words(demo_db, question, title):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, question, period=PERIOD, check=False)
    assert answer.to_export(charts=False).title == title


def test_a_titled_questions_answer_keeps_the_buyers_title():
    from evidencebot.compose.questions import answer_title

    assert answer_title("Q4.1 Service model and pathway\nDescribe your service model. 500 words") == \
        "Q4.1 Service model and pathway"
