from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "assistant"))
import fixture_db  # noqa: E402
import helpers  # noqa: E402


@pytest.fixture(scope="session")
def evidence_template(tmp_path_factory, demo_factory) -> Path:
    return fixture_db.build(tmp_path_factory.mktemp("evidence-template") / "template.db", demo_factory())


@pytest.fixture
def evidence_db_path(evidence_template, tmp_path) -> Path:
    return fixture_db.copy_of(evidence_template, tmp_path)


@pytest.fixture(scope="session", autouse=True)
def quicker_idle_checks():
    """Textual's pilot waits for the app to go idle after every key and pause: it sleeps 20 ms at a time
    until a slice passes with under 1 ms of CPU. With 5 ms slices (under 0.25 ms of CPU: the same 5%)
    the pilot still waits for the same quiet, but stops sleeping sooner once it is there. Measured: the
    pilots slept about as long as they computed (610 slices, 12 s asleep, in a story-form test that
    used 8 s of CPU)."""
    from textual import _wait

    saved = _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE
    _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE = 1 / 200, 1 / 200 / 20
    yield
    _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE = saved


@pytest.fixture(scope="session", autouse=True)
def pilot_waits_for_busy_widgets_only():
    """After every key and pause the pilot waits until each widget on the screen has handled the messages
    queued before (``Pilot._wait_for_screen``): it posts a callback to the app and to every widget and waits
    for all of them to run. A widget waiting for its next message with none queued handles such a callback
    at once; so here only the app, the screen and the widgets with work (a message queued, a callback to
    run, a handler running, not started yet) get one, and the pilot still waits for every one of those.
    Measured: with a chat reply on screen, 150 callbacks a key, most of the CPU a typed key cost."""
    from textual.pilot import Pilot

    real = Pilot._wait_for_screen
    Pilot._wait_for_screen = helpers.wait_for_busy_widgets
    yield
    Pilot._wait_for_screen = real


@pytest.fixture(scope="session", autouse=True)
def css_parsed_once_per_worker():
    """Textual parses the CSS (the app's, every widget's DEFAULT_CSS) again for every app and for every
    reparse after a theme change: its parse cache belongs to one Stylesheet, and each app and each reparse
    makes a new Stylesheet. Here the parsed rules are kept for the worker, keyed by everything the parse
    reads (the CSS text, where it came from, default or not, tie-breaker, scope, and the stylesheet's
    variables), so each distinct source is parsed once. The rules are read only after parsing (the
    per-stylesheet cache already shares them), and an invalid source still raises on every parse.
    Measured: the CSS parse was 7% of tests/tui/test_story_submit.py's CPU (cProfile)."""
    from textual.css.stylesheet import Stylesheet

    real = Stylesheet._parse_rules
    parsed: dict = {}

    def _parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = real(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = _parse_rules
    yield
    Stylesheet._parse_rules = real


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """Cursors stay still, so screenshots do not depend on timing (as Harlequin does)."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def make(evidence_db_path):
    """The app on a private copy of the fixed evidence base (no language model unless asked)."""
    from evidencebot.tui.app import make_app

    def factory(**kwargs):
        kwargs.setdefault("load_language", False)
        return make_app(evidence_db_path, **kwargs)

    return factory
