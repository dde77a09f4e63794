"""The core never imports Textual; the app's module imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "evidencebot.assistant", "evidencebot.assistant.intents", "evidencebot.assistant.actions",
    "evidencebot.assistant.conversation", "evidencebot.assistant.editing", "evidencebot.assistant.checking",
    "evidencebot.assistant.indicator_views", "evidencebot.assistant.exporting", "evidencebot.assistant.story_capture",
    "evidencebot.assistant.model_loader", "evidencebot.assistant.shell", "evidencebot.store.search",
    "evidencebot.assistant.governance", "evidencebot.assistant.layout",
]


def _loaded_after(imports: list[str], watch: tuple[str, ...]) -> list[str]:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in imports)
        + f"print(','.join(m for m in {watch!r} if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [m for m in proc.stdout.strip().split(",") if m]


def test_assistant_core_has_no_ui_imports():
    assert _loaded_after(CORE, ("textual", "rich", "textual_plotext")) == []


def test_assistant_core_does_not_load_spacy_on_import():
    assert _loaded_after(CORE, ("spacy", "matplotlib", "docx")) == []


def test_tui_app_module_is_light():
    assert _loaded_after(["evidencebot.tui.app"], ("spacy", "matplotlib", "docx", "jinja2", "textual_plotext",
                                                   "evidencebot.metrics.indicators")) == []
