"""The key bar at the foot of every screen: Textual's Footer, rebuilt only when what it shows changes."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's Footer removes and mounts all its keys again every time the screen's bindings are
    refreshed: on every focus change and every key press that may enable or disable an action,
    whether or not a key, its label or its state changed (512 key widgets mounted in one
    story-picker test). This one rebuilds when the keys it would show differ from the keys it shows;
    what it shows, and when a change appears, are Textual's own."""

    _shown: tuple[Any, ...] | None = None

    def _keys(self) -> tuple[Any, ...]:
        """Everything Textual's ``compose`` reads to draw the keys: the bindings it shows (``show``), in
        order, and the command palette's."""
        app = self.app
        active = self.screen.active_bindings
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        return (
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
            palette and (palette.binding, app.get_key_display(palette.binding), palette.enabled, palette.tooltip),
            tuple(
                (binding, app.get_key_display(binding), enabled, tooltip)
                for (_, binding, enabled, tooltip) in active.values()
                if binding.show
            ),
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()
