"""Checkboxes, radio buttons and selection lists that show their state with a glyph, not colour alone.

Textual draws the same mark for on and off and tells them apart by colour,
which colour-blind users and monochrome terminals cannot see. These draw ✓
(or ●) when on and a blank when off.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

ON_TICK, ON_DOT, OFF = "✓", "●", " "


class GlyphCheckbox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name)
        return ON_TICK if self.value else OFF


class GlyphRadioButton(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name)
        return ON_DOT if self.value else OFF


class GlyphSelectionList(SelectionList):
    """A selection list whose ticked items show ✓."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:  # past the last option
            return strip
        if len(segments) < 2:
            return strip
        inner = segments[1]
        glyph = ON_TICK if selection.value in self._selected else OFF
        segments[1] = Segment(glyph, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
