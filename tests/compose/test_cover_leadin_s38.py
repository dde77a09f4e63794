"""A buyer's lead-in that tells the bidder what to write is an ask, not a requirement said back as ours."""

from __future__ import annotations

import re

from evidencebot.compose import commitments
from evidencebot.compose.questions import plan_question


def test_a_lead_in_telling_the_bidder_what_to_cover_is_never_said_back_as_ours():
    # lead, session 38 (s38 q11, spent: 'Our answer will cover: how commitments will be reported …' in the answer)
    question = ("# Question 6 – Volunteering\n\n1. Describe your volunteering offer.\n2. Explain how volunteers are "
                "supported.\n\nThe service must offer at least 12 volunteering places each year.\n\n"
                "Your answer should also cover: how volunteering will be reported each quarter; who is accountable for "
                "it; and what you will do if fewer places are filled.\n\n(maximum 500 words)\n")
    read = commitments.read(question, plan_question(question).points)
    said = [c.text for found in read.values() for c in found]
    assert not any(re.search(r"(?i)\b(?:our|your) answer\b", t) for t in said), said
    assert any("12 volunteering places" in t for t in said), said  # the service's own requirement is still read
