"""Keys that open screens: one list for the app (hidden, work everywhere) and
the chat screen (shown in its footer)."""

from textual.binding import Binding

#: (key, action, footer label, binding id, tooltip)
SCREEN_KEYS = [
    ("f2", "app.open_mode('editor')", "Editor", "open-editor",
     "The draft editor: live checking, word count, one-key fixes."),
    ("f3", "app.open_mode('evidence')", "Evidence", "open-evidence", "Indicators with SPC charts, and story search."),
    ("f4", "app.new_story", "New story", "new-story", "Capture an outcome story, saved as you type."),
    ("f5", "app.export_here", "Export", "open-export",
     "Export what is in front of you: the draft in the editor, the story in the story form."),
]


def screen_bindings(*, show: bool) -> list[Binding]:
    return [Binding(key, action, label, id=ident, tooltip=tip, show=show)
            for key, action, label, ident, tip in SCREEN_KEYS]
