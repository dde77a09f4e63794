"""The grammar words the over-claim checks read: ``phrasebank/grammar.yaml`` as Python objects.

The checks hold no word lists of their own (a test reads their source to make
sure). Every list of words, parse labels, verb inflections and trigger
patterns they use lives in ``grammar.yaml`` and is read here into ``W``:
``W.be_forms`` is a :class:`WordList` (a frozenset that iterates in file
order), ``W.irregular_verbs`` a mapping, ``W.period_re`` a compiled
regular expression.

``W`` is filled from the phrasebank the engine was compiled with
(:meth:`Words.use`); until then, the first lookup reads the shipped and user
``grammar.yaml`` from the search path.
"""

from __future__ import annotations

import re
import threading
from typing import Any

SECTIONS = ("words", "labels", "maps", "regexes")


class WordList(frozenset):
    """A set of words that iterates in file order (``tuple(words)`` for ``str.endswith``).

    ``in`` is the frozenset's own lookup, in C: the checks test membership about
    200,000 times on a 20,000-word document, and a Python ``__contains__`` (as when
    this was a tuple that looked words up in a set) cost a fifth of their time."""

    _items: tuple

    def __new__(cls, items):
        items = tuple(items)
        self = super().__new__(cls, items)
        self._items = items
        return self

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __repr__(self) -> str:
        return f"WordList({list(self._items)!r})"


def compile_grammar(data: dict[str, Any], where: str = "grammar.yaml") -> dict[str, Any]:
    """The sections of a grammar file as one flat mapping of Python objects."""
    from evidencebot.errors import ConfigError

    out: dict[str, Any] = {}
    for section in SECTIONS:
        for name, value in (data.get(section) or {}).items():
            if section in ("words", "labels"):
                out[name] = WordList(value)
            elif section == "maps":
                out[name] = value
            else:
                flags = 0
                for flag in value.get("flags", []):
                    flags |= getattr(re, flag)
                try:
                    out[name] = re.compile(value["pattern"], flags)
                except re.error as exc:
                    raise ConfigError(f"{where}: regexes {name}: field 'pattern': bad regular expression: {exc}") from None
    return out


class Words:
    """Attribute access to the grammar words (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._source: int | None = None

    def use(self, grammar: dict[str, Any]) -> None:
        """Switch to ``grammar`` (a :func:`compile_grammar` mapping)."""
        if self._source == id(grammar):
            return
        with self._lock:
            self.__dict__.update(grammar)
            self._source = id(grammar)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._source is None:
            from evidencebot.language.phrasebank import load_grammar

            self.use(load_grammar())
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(f"grammar.yaml has no entry {name!r}")


W = Words()
