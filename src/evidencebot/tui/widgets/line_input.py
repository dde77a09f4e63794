"""A one-line text box that does not lay out the whole screen on every key.

Textual's :class:`~textual.widgets.Input` records the width of its text as its
scrollable (virtual) size whenever its value changes, and that size change asks
for a layout of the whole screen, every widget on it, on every key press. The
box's own size never depends on its text (its width and height are not
``auto`` here), so only the scroll range changes: :class:`LineInput` keeps the
new scroll range and repaints itself, without the layout. A box whose width or
height is ``auto`` still gets the layout. With a long conversation on screen
that layout was most of the cost of typing in the chat prompt.
"""

from __future__ import annotations

from textual.widgets import Input


class LineInput(Input):
    """:class:`~textual.widgets.Input` whose typing repaints the box instead of laying out the screen."""

    _value_changing = False

    def _watch_value(self, value: str) -> None:
        self._value_changing = True
        try:
            super()._watch_value(value)
        finally:
            self._value_changing = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        if layout and self._value_changing and not self.styles.auto_dimensions:
            layout = False  # the value changed the scroll range only; the box keeps its size
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
