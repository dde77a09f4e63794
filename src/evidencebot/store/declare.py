"""Compact column declarations, read by the schema (``migrations.create_tables``) and the importers' table specs.

A declaration lists tables. A line that starts at the left margin names a table and begins its columns; an
indented line goes on with them; ``#`` starts a comment (the text is split as a shell would, so a value with a
space is quoted). A column is its name, then optionally ``:type`` and any of, in this order:

* ``*``: part of the table's key (primary key), the key's columns in the order they are declared;
* ``!``: required (NOT NULL);
* ``>table``: refers to the column of the same name in ``table``;
* ``=value``: the default, as text (each reader converts it).
"""

from __future__ import annotations

import re
import shlex
import textwrap
from dataclasses import dataclass

_COLUMN = re.compile(r"(?P<name>\w+)(?::(?P<type>\w+))?(?P<marks>[*!]*)(?:>(?P<refers>\w+))?(?:=(?P<default>.*))?")


@dataclass(frozen=True)
class Declared:
    name: str
    type: str | None  # None: text
    key: bool
    required: bool
    refers: str | None  # the table whose column of the same name this one refers to
    default: str | None


def tables(spec: str) -> list[tuple[str, list[Declared]]]:
    """The tables ``spec`` declares, in its order, each with its columns."""
    found: list[tuple[str, list[str]]] = []
    for line in textwrap.dedent(spec).splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        if line[0].isspace() and found:
            found[-1][1].extend(words)
        else:
            found.append((words[0], words[1:]))
    return [(name, [_column(name, word) for word in words]) for name, words in found]


def columns(spec: str, table: str) -> list[Declared]:
    """One table's columns: every word of ``spec``, its lines and comments read as in :func:`tables`."""
    return [_column(table, word) for line in spec.splitlines() for word in shlex.split(line, comments=True)]


def _column(table: str, word: str) -> Declared:
    column = _COLUMN.fullmatch(word)
    if column is None:
        raise ValueError(f"table {table}: cannot read column {word!r}")
    marks = column["marks"]
    return Declared(column["name"], column["type"], "*" in marks, "!" in marks, column["refers"], column["default"])
