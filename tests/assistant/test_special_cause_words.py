"""The chat's indicator reply names a special-cause rule in the same plain words as the review:
"8 months in a row below the mean", not the engine's "8 points below the mean (shift)" (which reads
as a fall of 8 units)."""

from __future__ import annotations

import re

from evidencebot.assistant.conversation import Conversation


def test_the_indicator_reply_says_months_in_a_row_not_points_or_rule_codes(demo_factory):
    conversation = Conversation(demo_factory())
    replies = [conversation.respond(f"how are we doing on all indicators in {q}?").markdown
               for q in ("2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2")]
    special = [line for md in replies for line in md.splitlines() if line.startswith("Special cause:")]
    assert special, "the demo has special-cause signals in these quarters"
    text = "\n".join(special)
    assert not re.search(r"\d+ points (?:below|above) the mean", text)
    assert "(shift)" not in text and "(trend)" not in text
    assert re.search(r"\d+ months in a row (?:below|above) the mean", text)
