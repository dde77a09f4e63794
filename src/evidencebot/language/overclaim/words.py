"""The grammar words the over-claim checks read: ``phrasebank/grammar.yaml`` as Python objects.

The checks hold no word lists of their own (a test reads their source to make
sure). Every list of words, parse labels, verb inflections and trigger
patterns they use lives in ``grammar.yaml`` and is read here into ``W``:
``W.be_forms`` is a :class:`~evidencebot.language.phrasebank.WordList` (a frozenset that iterates in file
order), ``W.irregular_verbs`` a mapping, ``W.period_re`` a compiled
regular expression.

``W`` is filled from the phrasebank the engine was compiled with
(:meth:`Words.use`); until then, the first lookup reads the shipped and user
``grammar.yaml`` from the search path.
"""

from __future__ import annotations

import threading
from typing import Any

from evidencebot.language.phrasebank import load_grammar


class Words:
    """Attribute access to the grammar words (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._source: int | None = None

    def use(self, grammar: dict[str, Any]) -> None:
        """Switch to ``grammar`` (a :func:`~evidencebot.language.phrasebank.compile_grammar` mapping)."""
        if self._source == id(grammar):
            return
        with self._lock:
            self.__dict__.update(grammar)
            self._source = id(grammar)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._source is None:
            self.use(load_grammar())
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(f"grammar.yaml has no entry {name!r}")


W = Words()
