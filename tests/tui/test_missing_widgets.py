"""A widget that is not there (yet) is waited for or skipped; any other error is raised, not swallowed.

The stories tab of the evidence browser mounts lazily, a story's privacy panel may be gone, a selection list is
drawn one line past its last option: Textual says so with NoMatches / OptionDoesNotExist, and only those are
caught. Before session 18 each caught ``Exception``, so a bug there (a wrong widget type, a TypeError) was a
retry every 50 ms for ever, a panel silently not updated, or a line drawn without its tick; the second test of
each pair fails on that code.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.css.query import NoMatches
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from evidencebot.tui.screens.evidence import EvidenceScreen
from evidencebot.tui.screens.story import StoryScreen
from evidencebot.tui.widgets.toggles import GlyphSelectionList


class _Screen:
    """Stands in for a screen whose ``query_one`` raises ``error``; records the timers it is asked to set."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.timers: list[float] = []
        self._start_stories = lambda: None  # (what the retry timer would call)

    def query_one(self, *args, **kwargs):
        raise self.error

    def set_timer(self, delay, callback) -> None:
        self.timers.append(delay)


def test_a_stories_tab_still_mounting_is_waited_for():
    screen = _Screen(NoMatches("#story-query"))
    EvidenceScreen._start_stories(screen)
    assert screen.timers == [0.05]


def test_a_bug_while_finding_the_story_query_is_raised_not_retried():
    screen = _Screen(TypeError("a bug"))
    with pytest.raises(TypeError):
        EvidenceScreen._start_stories(screen)
    assert screen.timers == []


def test_a_privacy_panel_that_is_not_there_is_skipped():
    StoryScreen._show_privacy(_Screen(NoMatches("#privacy-context")), {"context": [], "evidence": []})


def test_a_bug_while_finding_a_privacy_panel_is_raised():
    with pytest.raises(TypeError):
        StoryScreen._show_privacy(_Screen(TypeError("a bug")), {"context": []})


@pytest.fixture
def glyph_list(monkeypatch):
    """A GlyphSelectionList with two options, 'b' ticked, drawing each line as 'x', ' ', <label>."""
    widget = GlyphSelectionList(("a", 1), ("b", 2, True))
    monkeypatch.setattr(SelectionList, "render_line", lambda self, y: Strip([Segment("x"), Segment(" "), Segment("o")]))
    return widget


def test_a_line_past_the_last_option_is_drawn_as_it_is(glyph_list):
    assert [s.text for s in glyph_list.render_line(1)] == ["x", "✓", "o"]  # (the ticked option)
    assert [s.text for s in glyph_list.render_line(5)] == ["x", " ", "o"]


def test_a_bug_while_finding_a_lines_option_is_raised(glyph_list, monkeypatch):
    monkeypatch.setattr(glyph_list, "get_option_at_index", lambda index: (_ for _ in ()).throw(TypeError("a bug")))
    with pytest.raises(TypeError):
        glyph_list.render_line(0)
    monkeypatch.setattr(glyph_list, "get_option_at_index",
                        lambda index: (_ for _ in ()).throw(OptionDoesNotExist(f"no option at {index}")))
    assert [s.text for s in glyph_list.render_line(0)] == ["x", " ", "o"]
