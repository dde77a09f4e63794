"""Pilot tests of each flow: the real app, driven by keys, checked by its messages and widgets."""

from __future__ import annotations

from helpers import chat_replies, paste_text, run, settle, type_text

from evidencebot.tui.messages import ReplyReady


async def ask(pilot, text: str) -> None:
    await paste_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def test_welcome_says_the_demo_was_built(make):
    async def go():
        app = make(first_run=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            [welcome] = chat_replies(app)
            assert "built the demo service" in welcome.markdown
            assert "evidence.db" in welcome.markdown and "120 people" in welcome.markdown
            assert app.screen.query_one("#prompt").has_focus
    run(go())


def test_ask_for_indicators(make):
    async def go():
        messages = []
        app = make()
        async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
            await settle(pilot)
            await ask(pilot, "how are we doing on crisis escalation this quarter?")
            replies = {id(m): m.reply for m in messages if isinstance(m, ReplyReady) and m.text}
            [reply] = list(replies.values())
            assert reply.intent == "indicators" and reply.payload["period"] == "2026/27 Q2"
            last = chat_replies(app)[-1]
            assert "| indicator | value | 95% CI | before | SPC verdict |" in last.markdown
            users = [w.text for w in app.screen.query("UserMessage")]
            assert users == ["how are we doing on crisis escalation this quarter?"]
    run(go())


def test_named_indicators_draw_spc_charts_in_the_chat(make):
    async def go():
        from evidencebot.tui.widgets.spc_chart import SPCChart

        app = make()
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            await ask(pilot, "show follow-up after discharge for 2025/26")
            charts = list(chat_replies(app)[-1].query(SPCChart))
            assert [c.chart.id for c in charts] == ["followup_48h", "followup_72h"]
    run(go())


def test_unknown_message_says_what_it_can_do(make):
    async def go():
        app = make()
        async with app.run_test() as pilot:
            await settle(pilot)
            await ask(pilot, "make me a sandwich")
            last = chat_replies(app)[-1]
            assert "won't guess" in last.markdown and last.has_class("-warning")
    run(go())


def test_prompt_history(make):
    async def go():
        app = make()
        async with app.run_test() as pilot:
            await settle(pilot)
            await ask(pilot, "/summary")
            await ask(pilot, "/help")
            prompt = app.screen.query_one("#prompt")
            await pilot.press("up")
            assert prompt.value == "/help"
            await pilot.press("up")
            assert prompt.value == "/summary"
            await pilot.press("down")
            assert prompt.value == "/help"
            await pilot.press("down")
            assert prompt.value == ""
    run(go())


def test_search_stories_in_chat_and_in_the_evidence_browser(make):
    async def go():
        from textual.widgets import Markdown, OptionList

        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await ask(pilot, "find stories about step-down and housing")
            assert "Leaving hospital with a key already in hand" in chat_replies(app)[-1].markdown
            app.open_mode("evidence", "stories")
            await settle(pilot, 0.2)
            await paste_text(pilot, "sleep")
            await settle(pilot)
            hits = app.screen.query_one("#story-hits", OptionList)
            assert hits.get_option_at_index(0).id == "T03"
            await settle(pilot)
            preview = app.screen.query_one("#story-preview", Markdown)
            assert "Sleep as the first warning sign" in preview.source
    run(go())


def test_evidence_browser_lists_indicators_and_charts_the_selected_one(make):
    async def go():
        from textual.widgets import DataTable, Select

        from evidencebot.tui.widgets.spc_chart import SPCChart

        app = make()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("f3")
            await settle(pilot)
            table = app.screen.query_one("#ev-table", DataTable)
            assert table.row_count > 20
            chart = app.screen.query_one("#ev-chart", SPCChart)
            assert chart.chart.id == "crisis_rate"
            table.focus()
            await pilot.press("down")
            await settle(pilot)
            assert chart.chart.id == "repeat_crisis"
            app.screen.query_one("#ev-domain", Select).value = "experience"
            await settle(pilot)
            keys = [k.value for k in table.rows]
            assert "dna_rate" in keys and "crisis_rate" not in keys
    run(go())


def test_check_then_apply_a_fix_in_the_editor(make):
    async def go():
        from textual.widgets import OptionList

        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await ask(pilot, "check this: Her NHS number is 943 476 5919 and she is doing well.")
            assert "[NHS number removed]" in chat_replies(app)[-1].markdown
            await pilot.press("f2")
            await settle(pilot, 0.1)
            editor = app.screen
            assert editor.text_area.text == "Her NHS number is 943 476 5919 and she is doing well."
            assert any(f.rule == "privacy.nhs-number" for f in editor.findings)
            options = editor.query_one("#findings", OptionList)
            options.highlighted = [f.rule for f in editor.findings].index("privacy.nhs-number")
            await pilot.press("ctrl+r")
            assert editor.text_area.text == "Her NHS number is [NHS number removed] and she is doing well."
            await settle(pilot, 0.8)  # the live re-check after the edit
            assert not any(f.rule == "privacy.nhs-number" for f in editor.findings)
            status = str(editor.query_one("#editor-status").render())
            assert "words" in status
    run(go())


def test_typing_in_the_editor_is_checked_when_typing_pauses(make):
    async def go():
        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            await type_text(pilot, "Call 943 476 5919.")
            await settle(pilot, 0.8)
            editor = app.screen
            assert [f.match for f in editor.findings if f.family == "privacy"] == ["943 476 5919"]
            highlighted = [name for row in editor.text_area._highlights.values() for *_, name in row]
            assert "finding.privacy.error" in highlighted
    run(go())


def test_draft_an_answer_opens_the_editor_with_its_question(make):
    async def go():
        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await ask(pilot, "draft an answer to: How will you support people after discharge from hospital? "
                             "Your answer should cover: a) follow-up b) housing in 300 words")
            await settle(pilot, 0.8)
            assert app.current_mode == "editor"
            editor = app.screen
            assert editor.doc.word_limit == 300 and editor.doc.question.startswith("How will you support")
            status = str(editor.query_one("#editor-status").render())
            assert "/300 words" in status and "sub-points a" in status
    run(go())


def test_capture_screen_writes_each_field_as_typed(make, evidence_db_path):
    async def go():
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            assert app.current_mode == "story"
            await type_text(pilot, "A winter")
            await settle(pilot, 0.5)
            db = connect(evidence_db_path)
            assert db["stories"].get("S0001")["title"] == "A winter"
            await pilot.press("tab")
            await type_text(pilot, "J. told Mrs Okafor")
            await settle(pilot, 0.5)
            row = db["stories"].get("S0001")
            assert row["context"] == "J. told Mrs Okafor"
            assert row["status"] == "draft" and row["source"] == "captured"
            privacy = app.screen.query_one("#privacy-context")
            assert privacy.display and "Mrs Okafor" in str(privacy.render())
            await pilot.press("escape")
            await ask(pilot, "continue my story")
            assert app.current_mode == "story"
            await settle(pilot)
            assert app.screen.query_one("#field-context").text == "J. told Mrs Okafor"
            db.close()
    run(go())


def test_export_refuses_a_story_without_consent_then_exports_an_approved_one(make, tmp_path):
    async def go():
        from textual.widgets import Input, Select

        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await ask(pilot, "export to Word")
            assert app.current_mode == "export"
            await settle(pilot)
            screen = app.screen
            screen.query_one("#ex-story", Select).value = "T06"
            await settle(pilot)
            screen.query_one("#ex-path", Input).value = str(tmp_path / "t06.docx")
            await pilot.press("ctrl+s")
            await settle(pilot)
            result = str(screen.query_one("#ex-result").render())
            assert "no consent for external use" in result and "not approved" in result
            assert not (tmp_path / "t06.docx").exists()
            screen.query_one("#ex-story", Select).value = "T01"
            await settle(pilot)
            screen.query_one("#ex-path", Input).value = str(tmp_path / "t01.docx")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert (tmp_path / "t01.docx").exists()
            assert "Exported story T01 as docx" in str(screen.query_one("#ex-result").render())
    run(go())


def test_command_palette_reaches_every_action(make):
    async def go():
        from evidencebot.tui.commands import palette_commands

        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            names = [name for name, _run, _help in palette_commands(app)]
            for needed in ("New story", "Open the draft editor", "Open the evidence browser", "Export…",
                           "Check the open draft", "Contract review: last complete quarter", "Find stories…"):
                assert needed in names
            await pilot.press("ctrl+p")
            await pilot.pause(0.2)
            await paste_text(pilot, "new story")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(pilot, 0.2)
            assert app.current_mode == "story"
    run(go())


def test_a_failing_worker_becomes_a_notification_not_a_traceback(make, monkeypatch):
    async def go():
        from evidencebot.assistant.conversation import Conversation

        def broken(self, text, progress=None):
            raise RuntimeError("the disk is full")

        app = make()
        async with app.run_test() as pilot:
            await settle(pilot)
            monkeypatch.setattr(Conversation, "respond", broken)
            await ask(pilot, "hello")
            notes = [n.message for n in app._notifications]
            assert any("Answering failed: the disk is full" in m for m in notes)
            assert "the disk is full" in chat_replies(app)[-1].markdown
            monkeypatch.undo()
            await ask(pilot, "/summary")  # still answering
            assert "people" in chat_replies(app)[-1].markdown
    run(go())


def test_language_model_loads_in_the_background(make):
    async def go():
        app = make(load_language=True)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert "loading language model" in app.language_text or "ready" in app.language_text
            await settle(pilot)
            assert app.language_text.startswith("✓ language model ready")
            assert "language model ready" in str(app.screen.query_one("#status").render())
            assert app.conversation.understand("find stories about sleep").source == "spacy"
            assert app.first_paint_ms is not None
    run(go())


def test_theme_toggle(make):
    async def go():
        app = make()
        async with app.run_test() as pilot:
            await settle(pilot)
            dark = app.theme
            await pilot.press("ctrl+t")
            assert app.theme != dark and app.theme == "textual-light"
    run(go())


def test_every_binding_has_an_id_and_a_tooltip():
    from evidencebot.tui.app import EvidencebotApp
    from evidencebot.tui.screens.chat import ChatScreen
    from evidencebot.tui.screens.editor import EditorScreen
    from evidencebot.tui.screens.evidence import EvidenceScreen
    from evidencebot.tui.screens.export import ExportScreen
    from evidencebot.tui.screens.story import StoryScreen
    from evidencebot.tui.screens.story_picker import StoryPicker
    from evidencebot.tui.screens.suggestions import SuggestionPicker
    from evidencebot.tui.widgets.chat import PromptInput

    for owner in (EvidencebotApp, ChatScreen, EditorScreen, StoryScreen, EvidenceScreen, ExportScreen, PromptInput,
                  SuggestionPicker, StoryPicker):
        for binding in owner.BINDINGS:
            assert binding.id and binding.tooltip, (owner.__name__, binding.key)


def test_a_missing_language_model_is_reported_and_the_chat_still_works(make, monkeypatch):
    async def go():
        from evidencebot.errors import ConfigError
        from evidencebot.language import pipeline

        def missing():
            raise ConfigError("no English spaCy model is installed")

        monkeypatch.setattr(pipeline, "get_nlp", missing)
        app = make(load_language=True)
        async with app.run_test() as pilot:
            await settle(pilot)
            assert app.language_text.startswith("✗ language model unavailable: no English spaCy model")
            notes = [n.message for n in app._notifications]
            assert any("Loading the language model failed" in m for m in notes)
            await ask(pilot, "find stories about sleep")  # the regex reader takes over
            assert "Sleep as the first warning sign" in chat_replies(app)[-1].markdown
    run(go())
