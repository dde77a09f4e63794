"""Message -> intent -> action -> Markdown reply, on a fixed evidence base."""

from __future__ import annotations

import pytest

from evidencebot.assistant.actions import help_markdown
from evidencebot.assistant.conversation import Conversation
from evidencebot.assistant.intents import SLASH_COMMANDS


@pytest.fixture
def conversation(evidence_db_path):
    return Conversation(evidence_db_path, first_run=True)


def test_welcome_says_the_demo_was_built(conversation):
    text = conversation.welcome().markdown
    assert "built the demo service" in text
    assert "120 people" in text and "6 stories" in text and "2024-10 to 2026-09" in text


def test_welcome_without_first_run(evidence_db_path):
    assert "built the demo" not in Conversation(evidence_db_path).welcome().markdown


def test_indicators_for_a_topic_and_a_relative_period(conversation):
    reply = conversation.respond("how are we doing on crisis escalation this quarter?")
    assert reply.intent == "indicators" and reply.ok
    md = reply.markdown
    assert md.startswith("### Crisis and escalation — Jul-Sep 2026 (2026/27 Q2)")
    assert "| indicator | value | 95% CI | before | SPC verdict |" in md
    assert "Repeat crisis use" in md and "Escalation to review" in md
    assert "“before” is 2026/27 Q1" in md
    assert reply.payload["period"] == "2026/27 Q2"
    assert "crisis_rate" in reply.payload["ids"]
    assert conversation.state.period == "2026/27 Q2"


def test_named_indicators_come_with_charts(conversation):
    reply = conversation.respond("show follow-up after discharge for 2025/26")
    assert reply.payload["ids"] == ["followup_48h", "followup_72h"]
    assert "Apr 2025 to Mar 2026 (2025/26)" in reply.markdown
    assert [c.id for c in reply.charts] == ["followup_48h", "followup_72h"]
    chart = reply.charts[0]
    assert len(chart.labels) == len(chart.values) and chart.labels[0] < chart.labels[-1]


def test_domain_and_slash_command(conversation):
    reply = conversation.respond("/indicators 2025/26 Q3 experience")
    assert reply.markdown.startswith("### Experience indicators — Oct-Dec 2025 (2025/26 Q3)")
    assert "DNA rate" in reply.markdown and "Follow-up" not in reply.markdown


def test_a_bad_period_is_explained(conversation):
    reply = conversation.respond("/indicators 2025/27")
    assert not reply.ok
    assert "financial year" in reply.markdown and "Traceback" not in reply.markdown


def test_story_search_reply(conversation):
    reply = conversation.respond("find stories about step-down and housing")
    assert reply.intent == "stories"
    assert reply.payload["ids"][:2] in (["T01", "T04"], ["T04", "T01"])
    assert "✓ may be used externally" in reply.markdown
    assert "✗ internal only (not approved (status: draft))" in reply.markdown


def test_story_search_with_filters(conversation):
    reply = conversation.respond("find approved stories in the safety domain")
    assert set(reply.payload["ids"]) == {"T02", "T03"}


def test_check_reply_and_draft_state(conversation):
    reply = conversation.respond("check this: Mrs Okafor's NHS number is 943 476 5919.")
    assert reply.intent == "check"
    assert "943 476 5919" in reply.markdown and "[NHS number removed]" in reply.markdown
    assert conversation.state.draft.text == "Mrs Okafor's NHS number is 943 476 5919."
    again = conversation.respond("check my draft")
    assert again.payload["findings"] == reply.payload["findings"]


def test_check_without_text_says_how(evidence_db_path):
    reply = Conversation(evidence_db_path).respond("check my draft")
    assert not reply.ok and "check this:" in reply.markdown


def test_draft_needs_a_word_limit(conversation):
    reply = conversation.respond("draft an answer to: How do you support carers?")
    assert not reply.ok and "How many words" in reply.markdown


def test_new_story_opens_capture(conversation):
    reply = conversation.respond("new story")
    assert reply.open == "story" and reply.payload == {"story_id": "S0001", "new": True}
    assert conversation.state.story_id == "S0001"
    nothing = conversation.respond("continue my story")
    assert not nothing.ok  # nothing typed yet, so nothing was saved


def test_export_opens_the_export_screen(conversation):
    reply = conversation.respond("export to Word")
    assert reply.open == "export" and reply.payload["format"] == "docx"
    assert conversation.state.export_format == "docx"


def test_unknown_says_what_it_can_do(conversation):
    reply = conversation.respond("make me a sandwich")
    assert not reply.ok
    assert "won't guess" in reply.markdown and "find stories about" in reply.markdown


def test_help_lists_every_slash_command():
    text = help_markdown()
    for name in SLASH_COMMANDS:
        assert f"`/{name}" in text


def test_summary(conversation):
    reply = conversation.respond("/summary")
    assert "| people | 120 |" in reply.markdown


def test_a_topic_reply_charts_one_indicator(conversation):
    reply = conversation.respond("how are we doing on crisis escalation this quarter?")
    assert len(reply.charts) == 1
    assert f"The chart below is {reply.charts[0].title}" in reply.markdown


def test_draft_an_answer_is_assembled_and_opens_the_editor(conversation):
    reply = conversation.respond(
        "draft an answer to: How will you support people after discharge from hospital? in 250 words")
    assert reply.intent == "draft" and reply.open == "editor"
    doc = reply.payload["draft"]
    assert doc is conversation.state.draft and doc.word_limit == 250
    from evidencebot.compose.words import count_words

    assert reply.ok, reply.markdown
    assert 0 < count_words(doc.text) <= 250
    assert "| sub-point | budget | words |" in reply.markdown


def test_contract_review_opens_in_the_editor(conversation):
    reply = conversation.respond("contract review for 2025/26 Q3")
    assert reply.intent == "review" and reply.ok, reply.markdown
    assert reply.open == "editor"
    assert conversation.state.draft.kind == "review" and conversation.state.draft.period == "2025/26 Q3"
    assert conversation.state.draft.text.strip() in reply.markdown


def test_chart_range_stays_within_what_the_unit_can_hold():
    from evidencebot.assistant.indicator_views import ChartData

    chart = ChartData(id="x", title="X", unit="percent", labels=["2025-01", "2025-02"], values=[40.0, 90.0],
                      mean=65.0, lower=-20.0, upper=150.0, verdict="", direction="increase")
    low, high = chart.display_range()
    assert low == 0.0 and high == 100.0
    hours = ChartData(id="h", title="H", unit="hours", labels=["a", "b"], values=[10.0, 20.0],
                      mean=15.0, lower=-5.0, upper=35.0, verdict="", direction="decrease")
    assert hours.display_range()[0] == 0.0 and hours.display_range()[1] > 35.0


def test_requests_that_need_the_model_wait_for_it(evidence_db_path):
    import threading

    from evidencebot.assistant.model_loader import LanguageModel

    language = LanguageModel()
    conversation = Conversation(evidence_db_path, language=language)
    progress: list[str] = []
    replies = []
    worker = threading.Thread(target=lambda: replies.append(
        conversation.respond("check this: Call 943 476 5919.", progress=progress.append)))
    worker.start()
    worker.join(timeout=0.5)
    assert worker.is_alive() and not replies  # waiting, in its own thread
    assert progress and "waiting for the language model" in progress[0]
    language.load()
    worker.join(timeout=60)
    assert replies and "943 476 5919" in replies[0].markdown
    assert conversation.understand("find stories about sleep").source == "spacy"


def test_a_broken_phrasebank_file_is_named_in_the_reply_and_not_remembered(conversation, isolated_home):
    """A YAML error in the user's copy of the intent vocabulary is a ConfigError naming the file, given as the
    reply; once the file is fixed the next message is understood (the failure was not cached as 'no topics')."""
    from evidencebot.assistant import intents

    folder = isolated_home / "config" / "phrasebank"
    folder.mkdir(parents=True, exist_ok=True)
    broken = folder / "question_terms.yaml"
    broken.write_text("topics: [unclosed\n", encoding="utf-8")
    intents._topics.cache_clear()
    try:
        reply = conversation.respond("show me the indicators about crisis for last quarter")
        assert not reply.ok
        assert "question_terms.yaml" in reply.markdown
        broken.unlink()
        reply = conversation.respond("show me the indicators about crisis for last quarter")
        assert reply.ok and reply.intent == "indicators", reply.markdown
    finally:
        intents._topics.cache_clear()
