"""Where the editor draws the checker's findings (no app needed)."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.tui.widgets.checked_text_area import CheckedTextArea


def _finding(text: str, words: str, family: str = "privacy", severity: str = "error"):
    start = text.index(words)
    return SimpleNamespace(start=start, end=start + len(words), family=family, severity=severity, match=words)


def test_findings_are_drawn_at_byte_offsets_on_their_lines_across_crlf():
    area = CheckedTextArea("Café staff\r\nsaw Ann Smith at\r\nhome.")
    text = area.text
    area.set_findings([_finding(text, "Ann Smith"), _finding(text, "staff\r\nsaw", "overclaim", "warning"),
                       _finding(text, "Café"), _finding(text, "home.", "evidence", "suggestion")])
    assert dict(area._highlights) == {
        0: [(6, 11, "finding.overclaim.warning"), (0, 5, "finding.privacy.error")],  # "é" is two bytes
        1: [(4, 13, "finding.privacy.error"), (0, 3, "finding.overclaim.warning")],
        2: [(0, 5, "finding.evidence.suggestion")],
    }


def test_a_finding_whose_words_moved_is_not_drawn():
    area = CheckedTextArea("one two\nthree")
    found = _finding(area.text, "three")
    area.load_text("one two\nfour three")
    area.set_findings([found])
    assert not any(area._highlights.values())
