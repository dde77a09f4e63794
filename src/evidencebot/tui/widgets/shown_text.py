"""Put text in a :class:`~textual.widgets.Static` only when it changes, and without a layout when it cannot.

``Static.update`` asks for a layout of the whole screen, every widget on it, even when the text is the same
and even when the widget's size cannot depend on its text (a status line one row high across the screen).
The story form and the editor set their status line on every key ("not saved yet…") and their panels
after every save: with :func:`show_text` the same text does nothing, and new text in a widget of fixed size
(no ``auto`` width or height) repaints that widget only. A widget whose size follows its text (``height:
auto``) still gets its layout when its text changes.
"""

from __future__ import annotations

from textual.widgets import Static


def show_text(widget: Static, text: str) -> None:
    """Show ``text`` in ``widget``: nothing if it already shows it; a repaint, not a layout, if its size is fixed."""
    if isinstance(widget.content, str) and widget.content == text:
        return
    widget.update(text, layout=bool(widget.styles.auto_dimensions))
