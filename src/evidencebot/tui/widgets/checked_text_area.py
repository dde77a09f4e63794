"""A text area that underlines the checker's findings by family and severity."""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from textual.widgets import TextArea

SEVERITY_COLOURS = {"error": "#e05252", "warning": "#e0a030", "suggestion": "#5aa0e0"}


def _style(family: str, severity: str) -> Style:
    colour = SEVERITY_COLOURS.get(severity, "#e0a030")
    if family == "privacy":  # personal data: impossible to miss
        return Style(color="#ffffff", bgcolor="#a03030" if severity == "error" else "#806020", bold=True)
    if family == "evidence":  # a figure that does not match the data
        return Style(color=colour, underline=True, italic=True)
    return Style(color=colour, underline=True, bold=severity == "error")


FINDING_STYLES = {
    f"finding.{family}.{severity}": _style(family, severity)
    for family in ("overclaim", "privacy", "evidence")
    for severity in SEVERITY_COLOURS
}


class CheckedTextArea(TextArea):
    """A plain-text TextArea whose highlights are the checker's findings.

    Findings are kept as character offsets into the text that was checked;
    after an edit, only findings whose words are still at the same place are
    drawn, until the next check replaces them.
    """

    def __init__(self, *args, **kwargs) -> None:
        self._marks: list[tuple[int, int, str, str]] = []
        super().__init__(*args, **kwargs)

    def set_findings(self, findings) -> None:
        self._marks = [(f.start, f.end, f"finding.{f.family}.{f.severity}", f.match) for f in findings]
        self._build_highlight_map()
        self.refresh()

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        self._theme.syntax_styles = {**self._theme.syntax_styles, **FINDING_STYLES}

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        marks = getattr(self, "_marks", None)
        if not marks:
            return
        document = self.document
        lines = document.lines
        text = document.text
        # where each line starts in ``text``, worked out once: Document.get_location_from_index
        # joins the whole text and walks every line on each call, and this runs on every keystroke
        starts, at, newline = [], 0, len(document.newline)
        for line in lines:
            starts.append(at)
            at += len(line) + newline

        def location(index: int) -> tuple[int, int]:
            row = bisect_right(starts, index) - 1
            return row, index - starts[row]

        for start, end, name, match in marks:
            if end > len(text) or text[start:end] != match:
                continue  # the words moved or changed since the check
            first_row, first_col = location(start)
            last_row, last_col = location(end)
            for row in range(first_row, last_row + 1):
                line = lines[row]
                a = first_col if row == first_row else 0
                b = last_col if row == last_row else len(line)
                if b > a:
                    highlights[row].append((len(line[:a].encode()), len(line[:b].encode()), name))
