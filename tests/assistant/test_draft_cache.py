"""A chat draft computes its indicators on the connection the editor's checks use, so checking
the draft (and drafting again) reuses them (:func:`evidencebot.assistant.checking.shared_database`)."""

from __future__ import annotations

from evidencebot.assistant import checking
from evidencebot.assistant.conversation import Conversation


def test_the_editor_check_of_a_chat_draft_reuses_its_indicators(demo_copy_factory, count_computations):
    path = demo_copy_factory()
    calls = count_computations()
    conversation = Conversation(path)
    reply = conversation.respond("draft an answer to: How will you reduce crisis escalation? in 300 words")
    assert reply.ok, reply.markdown
    drafted = len(calls)
    assert drafted > 0
    text = conversation.state.draft.text
    assert any(ch.isdigit() for ch in text)  # the answer states figures the check verifies
    report = checking.check(text, db_path=path)
    assert "evidence" in report.families
    assert len(calls) == drafted  # checked against the indicators the draft computed
    again = conversation.respond("draft an answer to: How will you reduce crisis escalation? in 300 words")
    assert again.ok
    assert len(calls) == drafted
    assert conversation.state.draft.text == text


def test_swapping_a_block_reuses_the_drafts_indicators(demo_copy_factory, count_computations):
    from evidencebot.assistant import screen_services

    path = demo_copy_factory()
    conversation = Conversation(path)
    assert conversation.respond("draft an answer to: How will you reduce crisis escalation? in 300 words").ok
    answer = conversation.state.draft.assembled
    choices = screen_services.block_swap_choices(conversation, answer)
    assert choices
    key, _line, block = choices[0]
    calls = count_computations()
    swapped = screen_services.swap_block(conversation, answer, key, block.block_id)
    assert block.block_id in swapped.blocks
    assert calls == []  # the figures the chat draft computed, not worked out again
