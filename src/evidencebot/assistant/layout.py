"""Markdown replies that stay readable in a narrow terminal.

A reply's tables are written for a wide window. In 80 columns a table of
five columns wraps every cell into a narrow strip, one word a line, and a row
takes five lines or more. :func:`fit_tables` keeps a table as it is when every
column can be given a readable width (:data:`MIN_COLUMN` characters, or less
when its widest cell is narrower), and otherwise writes it as a list, one item
per row: the first cell in bold, then the other cells as ``header: value``
separated by semicolons.
The text of the reply is not changed, only its shape; the chat widget calls
this with the width it has, again whenever that width changes.

Pure text in, text out: no UI imports, so it is tested without the app.
"""

from __future__ import annotations

import re
import unicodedata

MIN_COLUMN = 24
"""A column narrower than this (unless all its cells are shorter) is too narrow to read."""
CELL_PADDING = 2
"""Characters a rendered table adds to each column (one space each side)..."""
RULE = 1
"""... and each vertical rule (one more than the number of columns)."""

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
_MARKUP = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


def split_row(line: str) -> list[str]:
    """The cells of a table row (``\\|`` is a pipe inside a cell)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current).strip())
    return cells


def cell_width(text: str) -> int:
    """Terminal columns the cell's text takes once its Markdown markup is rendered."""
    plain = _MARKUP.sub("", text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in plain)


def needed_width(header: list[str], rows: list[list[str]], min_column: int = MIN_COLUMN) -> int:
    """The narrowest readable width of a table: each column at its widest cell, at most ``min_column``."""
    columns = len(header)
    total = RULE * (columns + 1) + CELL_PADDING * columns
    for index in range(columns):
        widest = max([cell_width(header[index])] + [cell_width(r[index]) for r in rows if index < len(r)])
        total += min(widest, min_column)
    return total


def _plain(cell: str) -> str:
    return cell.strip()


def as_list(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table as a Markdown list: ``- **first cell** — header: value; header: value``."""
    out = []
    for row in rows:
        row = row + [""] * (len(header) - len(row))
        first = _plain(row[0]) or "–"
        if not first.startswith(("**", "`")):
            first = f"**{first}**"
        parts = []
        for name, value in zip(header[1:], row[1:]):
            value = _plain(value)
            if not value or value in ("–", "-"):
                continue
            name = _plain(name)
            parts.append(f"{name}: {value}" if name else value)
        # a sentence's full stop before the semicolon is dropped ("their source.; try" reads badly)
        parts = [p[:-1] if p.endswith(".") and not p.endswith("..") and i < len(parts) - 1 else p
                 for i, p in enumerate(parts)]
        out.append(f"- {first}" + (" — " + "; ".join(parts) if parts else ""))
    return out


def fit_tables(markdown: str, width: int | None, *, min_column: int = MIN_COLUMN) -> str:
    """``markdown`` with every table too wide for ``width`` columns written as a list.

    ``width`` is the width the reply is shown in; None or 0 (not known yet)
    leaves the text alone. Tables inside fenced code blocks are left alone.
    """
    if not width or "|" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    fenced = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
        if (not fenced and "|" in line and i + 1 < len(lines) and _DELIMITER.match(lines[i + 1])
                and "|" in lines[i + 1] + line):
            header = split_row(line)
            if len(split_row(lines[i + 1])) == len(header):
                end = i + 2
                while end < len(lines) and lines[end].strip() and "|" in lines[end]:
                    end += 1
                rows = [split_row(r) for r in lines[i + 2:end]]
                if needed_width(header, rows, min_column) <= width:
                    out.extend(lines[i:end])
                else:
                    out.extend(as_list(header, rows))
                    if end < len(lines) and lines[end].strip():
                        out.append("")  # the next line must not run on into the last item
                i = end
                continue
        out.append(line)
        i += 1
    return "\n".join(out)
