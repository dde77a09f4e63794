"""Load and validate the phrasebank: rules kept as data (see ``phrasebank/README.md``).

A phrasebank file is YAML::

    family: overclaim            # default family of the rules in this file
    rules:
      - id: overclaim.superlative
        severity: suggestion
        kind: phrase             # phrase | token | dependency | check
        message: ...
        patterns: [...]
        ...

Where files come from (:func:`evidencebot.locations.search_path`): the user's
``<config dir>/phrasebank/`` first, then the shipped folder. A user file with
the same name as a shipped file replaces it; any other user file adds rules
(and a user rule with the id of a shipped rule replaces that rule). Rules are
switched off by ``disabled: true`` in the record, or by ``[checker]
disabled_rules`` in ``config.toml`` (a rule id or a whole family).

Every problem is a :class:`~evidencebot.errors.ConfigError` naming the FILE,
the RULE and the FIELD, so a typo in a user file is one clear line.

This module does not import spaCy: patterns are checked for shape here and
compiled (with spaCy's own validation) by the family that uses them.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from evidencebot.errors import ConfigError
from evidencebot.language.findings import SEVERITIES
from evidencebot.locations import parse_yaml, search_path

VOCABULARY_FILE = "vocabulary.yaml"
GRAMMAR_FILE = "grammar.yaml"
KINDS = ("phrase", "token", "dependency", "check")
RULE_KEYS = {
    "id", "family", "severity", "message", "kind", "check", "patterns", "exceptions",
    "suggestions", "examples", "options", "skip_when", "disabled", "description", "link",
    "note", "defer_to", "opt_in",
}
REQUIRED_KEYS = ("id", "severity", "message", "kind")
#: Context filters a rule may ask for (evaluated on the parse by the family).
SKIP_WHEN = ("negated", "hedged", "speculative", "aim", "conditional", "question", "future", "cautioned", "disclaimed")
#: Where a context record looks for its trigger (each a ``_scope_<name>`` method of
#: ``overclaim.context.Context``; a test checks the two agree).
SCOPES = ("chain", "denied_governor", "dependents", "gerund", "governors", "infinitive", "limited_clause",
          "opening_clause", "sentence", "sentence_end", "subject", "verb_group", "window")
#: Where a context record's trigger stands relative to its target.
DIRECTIONS = ("forward", "backward", "bidirectional")
#: Shapes of an exception entry (besides a plain string: a phrase overlapping the match).
EXCEPTION_KEYS = ("in_sentence", "unless_in_sentence", "head", "followed_by", "preceded_by", "pos", "dep", "regex",
                  "names_a_grade", "clause_about")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_.-]*$")


@dataclass
class Rule:
    id: str
    family: str
    severity: str
    message: str
    kind: str
    check: str | None = None
    patterns: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    examples: dict[str, list[str]] = field(default_factory=lambda: {"flag": [], "pass": []})
    options: dict = field(default_factory=dict)
    skip_when: list[str] = field(default_factory=list)
    disabled: bool = False
    opt_in: bool = False
    """Off unless ``[checker] enabled_rules`` names it (a rule set for other kinds of text)."""
    description: str = ""
    link: str = ""
    note: str = ""
    defer_to: list[str] = field(default_factory=list)
    """Rule ids: a finding of this rule that overlaps a finding of one of them is dropped."""
    source: str = ""
    """The file the rule was read from."""
    extended_by: list[str] = field(default_factory=list)
    """Files whose ``extends:`` records added to this rule."""

    @property
    def name(self) -> str:
        """The part of the id after the family: ``superlative`` for ``overclaim.superlative``."""
        return self.id.split(".", 1)[1]


@dataclass
class Phrasebank:
    rules: list[Rule]
    vocabulary: dict[str, Any]
    files: list[Path]
    disabled: frozenset[str] = frozenset()
    grammar: dict[str, Any] = field(default_factory=dict)
    enabled_ids: frozenset[str] = frozenset()
    """Opt-in rules switched on (``[checker] enabled_rules``)."""
    context: list = field(default_factory=list)
    """The context records of the ``skip_when`` filters (``context.yaml``)."""
    """The grammar words of the parse-aware checks (``grammar.yaml``), compiled."""

    def enabled(self, rule: Rule) -> bool:
        if rule.opt_in and rule.id not in self.enabled_ids:
            return False
        return not (rule.disabled or rule.id in self.disabled or rule.family in self.disabled)

    @property
    def active(self) -> list[Rule]:
        return [r for r in self.rules if self.enabled(r)]

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def family(self, name: str) -> list[Rule]:
        return [r for r in self.active if r.family == name]


# --- reading files ------------------------------------------------------------


def _yaml_load(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: not valid YAML{where}: {problem}") from None


@dataclass(frozen=True)
class SourceFile:
    path: Path
    rel: str
    """Name relative to its phrasebank folder, e.g. ``overclaim.yaml`` or ``overclaim/local.yaml``."""
    rank: int
    """0 for the user's folder, higher for folders later in the search path (the shipped one)."""

    @property
    def family(self) -> str:
        """The family a file is named for: ``overclaim.yaml``, ``overclaim-local.yaml``, ``overclaim/x.yaml``."""
        first = self.rel.split("/", 1)[0]
        if "/" in self.rel:
            return first
        return re.split(r"[-_.]", Path(first).stem, maxsplit=1)[0]


def source_files(dirs: Iterable[Path] | None = None) -> list[SourceFile]:
    """The files in effect: a user file shadows the shipped file of the same relative name."""
    if dirs is None:
        dirs = search_path("phrasebank")
    seen: dict[str, SourceFile] = {}
    for rank, folder in enumerate(dirs):  # first folder wins
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".yaml", ".yml") or not path.is_file():
                continue
            rel = path.relative_to(folder).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            seen.setdefault(rel, SourceFile(path, rel, rank))
    return [seen[k] for k in sorted(seen)]


def phrasebank_files(dirs: Iterable[Path] | None = None) -> list[Path]:
    return [f.path for f in source_files(dirs)]


# --- vocabulary -----------------------------------------------------------------


def _check_vocabulary(data, path: Path) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the vocabulary should be a mapping of list names to lists")
    for name, value in data.items():
        if not isinstance(name, str) or not re.match(r"^[a-z][a-z0-9_]*$", name):
            raise ConfigError(f"{path}: vocabulary list name {name!r} should be lower_case_with_underscores")
        if isinstance(value, list):
            bad = [v for v in value if not isinstance(v, str)]
            if bad:
                raise ConfigError(f"{path}: vocabulary {name}: entries should be text, got {bad[0]!r}")
        elif isinstance(value, dict):
            for key, sub in value.items():
                if not isinstance(sub, list) or not all(isinstance(v, str) for v in sub):
                    raise ConfigError(f"{path}: vocabulary {name}.{key}: should be a list of text")
        else:
            raise ConfigError(f"{path}: vocabulary {name}: should be a list, got {type(value).__name__}")
    return data


def load_vocabulary(dirs: Iterable[Path] | None = None) -> dict[str, Any]:
    """The shared word lists (``vocabulary.yaml``, plus user ``vocabulary-*.yaml`` extensions)."""
    files = phrasebank_files(dirs)
    vocab: dict[str, Any] = {}
    base = [p for p in files if p.name == VOCABULARY_FILE]
    extra = [p for p in files if p.name != VOCABULARY_FILE and p.stem.startswith("vocabulary")]
    for path in base + extra:
        data = _check_vocabulary(_yaml_load(path), path)
        for name, value in data.items():
            if path.name == VOCABULARY_FILE or name not in vocab:
                vocab[name] = copy.deepcopy(value)
            elif isinstance(value, list):
                vocab[name] = list(vocab[name]) + [v for v in value if v not in vocab[name]]
            else:
                merged = dict(vocab[name])
                merged.update(value)
                vocab[name] = merged
    return {k: ([v.lower() for v in val] if isinstance(val, list) else val) for k, val in vocab.items()}


#: The sections of a grammar file (``grammar.yaml``).
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


def load_grammar(dirs: Iterable[Path] | None = None) -> dict[str, Any]:
    """The words, parse labels, inflections and patterns the checks read (``grammar.yaml``).

    A user ``grammar.yaml`` replaces the shipped one; a user ``grammar-*.yaml`` adds
    words to the lists it names (and adds new entries), like ``vocabulary-*.yaml``.
    """
    files = phrasebank_files(dirs)
    base = [p for p in files if p.name == GRAMMAR_FILE]
    extra = [p for p in files if p.name != GRAMMAR_FILE and p.stem.startswith("grammar")]
    merged: dict[str, dict] = {s: {} for s in SECTIONS}
    for path in base + extra:
        data = _yaml_load(path) or {}
        if not isinstance(data, dict) or set(data) - set(SECTIONS):
            raise ConfigError(f"{path}: a grammar file is a mapping with sections {', '.join(SECTIONS)}")
        for section, entries in data.items():
            if not isinstance(entries, dict):
                raise ConfigError(f"{path}: section '{section}' should be a mapping of names to entries")
            for name, value in entries.items():
                where = f"{path}: {section} {name}"
                if section in ("words", "labels"):
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        raise ConfigError(f"{where}: should be a list of text (quote words such as \"no\")")
                    old = merged[section].get(name)
                    if path.name != GRAMMAR_FILE and old is not None:
                        value = list(old) + [v for v in value if v not in old]
                elif section == "regexes":
                    if not isinstance(value, dict) or not isinstance(value.get("pattern"), str):
                        raise ConfigError(f"{where}: field 'pattern': should be text")
                elif not isinstance(value, dict):
                    raise ConfigError(f"{where}: should be a mapping")
                merged[section][name] = copy.deepcopy(value)
    return compile_grammar(merged, str(base[0]) if base else GRAMMAR_FILE)


def norm_word(word: str) -> str:
    """A word as the context records hold it: lower case, with a curly apostrophe made straight."""
    return word.lower().replace("\u2019", "'")


@dataclass
class ContextRecord:
    """One trigger record (see ``phrasebank/context.yaml``)."""

    category: str
    scope: str
    direction: str = "bidirectional"
    trigger: tuple[str, ...] = ()
    dep: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    not_dep: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    limits: frozenset[str] = frozenset()
    #: words or phrases that, anywhere in the target's sentence, stop the record applying ("surely" makes a
    #: question rhetorical: a claim put as a question)
    unless: tuple[str, ...] = ()
    lexical: bool = False
    nonlexical: bool = False
    nonlexical_within: int = 0
    size: int = 0
    note: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        self.words = frozenset(t for t in self.trigger if " " not in t)
        self.phrases = tuple(tuple(t.split()) for t in self.trigger if " " in t)
        self.unless_phrases = tuple(tuple(t.split()) for t in self.unless)
        self.unless_firsts = frozenset(p[0] for p in self.unless_phrases if p)

    def unless_hit(self, sent, words: list[str] | None = None) -> bool:
        """Does the sentence hold one of the record's ``unless`` words or phrases? ``words``: the sentence's words
        as :func:`norm_word` gives them, when the caller has them (made once per sentence, not once per record)."""
        if words is None:
            words = [norm_word(t.text) for t in sent]
        firsts = self.unless_firsts
        return any(w in firsts and any(tuple(words[k:k + len(p)]) == p for p in self.unless_phrases if p[0] == w)
                   for k, w in enumerate(words))

    def word_hit(self, tok) -> bool:
        """Is ``tok`` (by its lower-case form or lemma) a one-word trigger, or the start of a phrase one?"""
        if not self.trigger:
            return True
        low = norm_word(tok.text)
        if low in self.words or tok.lemma_.lower() in self.words:
            return True
        if self.phrases:
            doc = tok.doc
            for words in self.phrases:
                if low == words[0] and tok.i + len(words) <= len(doc) and all(
                        norm_word(doc[tok.i + k].text) == w for k, w in enumerate(words[1:], 1)):
                    return True
        return False

    def filters_ok(self, tok) -> bool:
        if self.dep and tok.dep_ not in self.dep:
            return False
        if self.pos and tok.pos_ not in self.pos:
            return False
        if self.not_dep and tok.dep_ in self.not_dep:
            return False
        if self.exclude and (norm_word(tok.text) in self.exclude or tok.lemma_.lower() in self.exclude):
            return False
        return True


CONTEXT_FILE = "context.yaml"
CONTEXT_KEYS = {"trigger", "category", "direction", "scope", "dep", "pos", "not_dep", "exclude", "lexical",
                "nonlexical", "nonlexical_within", "size", "note", "limits", "unless"}


def load_context_records(dirs: Iterable[Path] | None = None,
                         vocab: dict[str, Any] | None = None) -> list[ContextRecord]:
    """The context records of the ``skip_when`` filters (``context.yaml``, see that file).

    A user ``context.yaml`` replaces the shipped one; a user ``context-*.yaml`` adds records.
    Problems are one line naming the file, the record (its number and category) and the field.
    """
    if vocab is None:
        vocab = load_vocabulary(dirs)
    files = phrasebank_files(dirs)
    base = [p for p in files if p.name == CONTEXT_FILE]
    extra = [p for p in files if p.name != CONTEXT_FILE and p.stem.startswith("context")]
    out = []
    for path in base + extra:
        data = _yaml_load(path) or {}
        if not isinstance(data, dict) or set(data) - {"records"} or not isinstance(data.get("records", []), list):
            raise ConfigError(f"{path}: a context file is a mapping with one field 'records' (a list)")
        for n, item in enumerate(data.get("records") or [], 1):
            name = f"record {n}"
            if isinstance(item, dict) and isinstance(item.get("category"), str):
                name += f" ({item['category']})"

            def bad(fieldname: str, problem: str, _name=name, _path=path):
                raise ConfigError(f"{_path}: context {_name}: field '{fieldname}': {problem}")

            if not isinstance(item, dict):
                raise ConfigError(f"{path}: context {name}: should be a mapping, got {item!r}")
            unknown = sorted(set(item) - CONTEXT_KEYS)
            if unknown:
                bad(unknown[0], f"unknown field (known: {', '.join(sorted(CONTEXT_KEYS))})")
            for key, allowed in (("category", SKIP_WHEN), ("scope", SCOPES), ("direction", DIRECTIONS)):
                value = item.get(key, "bidirectional" if key == "direction" else None)
                if value not in allowed:
                    bad(key, f"should be one of {', '.join(allowed)}, got {value!r}")
            where = f"{path}: context {name}"
            lists = {}
            for key in ("trigger", "dep", "pos", "not_dep", "exclude", "limits", "unless"):
                value = resolve(item.get(key, []), vocab, f"{where}: field '{key}'")
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                    bad(key, "should be a list of words (quote words such as \"no\", which YAML reads as false)")
                lists[key] = value
            if item["scope"] in ("window", "verb_group") and not (isinstance(item.get("size"), int) and item["size"] > 0):
                bad("size", f"a {item['scope']} record needs a whole number of words > 0")
            if item["scope"] not in ("gerund", "infinitive", "dependents") and not lists["trigger"]:
                bad("trigger", f"a {item['scope']} record needs at least one trigger")
            for key in ("lexical", "nonlexical"):
                if not isinstance(item.get(key, False), bool):
                    bad(key, "should be true or false")
            for key in ("size", "nonlexical_within"):
                if not isinstance(item.get(key, 0), int) or isinstance(item.get(key, 0), bool):
                    bad(key, "should be a whole number")
            out.append(ContextRecord(
                category=item["category"], scope=item["scope"], direction=item.get("direction", "bidirectional"),
                trigger=tuple(norm_word(w) for w in lists["trigger"]),
                dep=frozenset(lists["dep"]), pos=frozenset(lists["pos"]), not_dep=frozenset(lists["not_dep"]),
                exclude=frozenset(norm_word(w) for w in lists["exclude"]),
                limits=frozenset(norm_word(w) for w in lists["limits"]),
                unless=tuple(norm_word(w) for w in lists["unless"]),
                lexical=item.get("lexical", False), nonlexical=item.get("nonlexical", False),
                nonlexical_within=item.get("nonlexical_within", 0), size=item.get("size", 0),
                note=item.get("note", ""), source=str(path),
            ))
    return out




def resolve(value, vocab: dict[str, Any], where: str):
    """Replace ``"$name"`` references to vocabulary lists, recursively."""
    if isinstance(value, str) and value.startswith("$") and len(value) > 1:
        name = value[1:]
        if name not in vocab:
            raise ConfigError(f"{where}: unknown vocabulary list {value!r} (known: {', '.join(sorted(vocab))})")
        return copy.deepcopy(vocab[name])
    if isinstance(value, list):
        out = []
        for item in value:
            resolved = resolve(item, vocab, where)
            # "$list" inside a list of words splices the list in place.
            if isinstance(item, str) and item.startswith("$") and isinstance(resolved, list):
                out.extend(resolved)
            else:
                out.append(resolved)
        return out
    if isinstance(value, dict):
        return {k: resolve(v, vocab, where) for k, v in value.items()}
    return value


# --- rules ----------------------------------------------------------------------


def line_of(path: Path, rule_id: str) -> int | None:
    """The line of ``id: RULE`` (or ``extends: RULE``) in ``path``, for error messages."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*-?\s*(?:id|extends)\s*:\s*['\"]?{re.escape(str(rule_id))}['\"]?\s*(?:#.*)?$")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), None)


def _where(path: Path, rule_id: str) -> str:
    line = line_of(path, rule_id)
    return f"{path}:{line}" if line else str(path)


def _fail(path: Path, rule_id: str, fieldname: str, problem: str):
    raise ConfigError(f"{_where(path, rule_id)}: rule {rule_id}: field '{fieldname}': {problem}")


def _check_token_pattern(pattern, path, rid, fieldname):
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        _fail(path, rid, fieldname, "a token pattern should be a non-empty list of token objects, "
              'e.g. [{"LOWER": "best"}, {"LOWER": "in"}]')
    for tok in pattern:
        for key, value in tok.items():
            if not isinstance(key, str) or key != key.upper():
                _fail(path, rid, fieldname, f"token attribute {key!r} should be upper case (LOWER, LEMMA, POS, OP...)")
            _check_text_value(key, value, path, rid, fieldname)


TEXT_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "SHAPE", "ENT_TYPE", "MORPH", "OP"}


def _check_text_value(key, value, path, rid, fieldname):
    """Catch YAML's surprises: an unquoted no, yes, on or off is read as true/false."""
    if key not in TEXT_ATTRS:
        return
    values = [value]
    if isinstance(value, dict):
        values = [v for sub in value.values() for v in (sub if isinstance(sub, list) else [sub])]
    for v in values:
        if isinstance(v, bool) or v is None:
            _fail(path, rid, fieldname, f"{key} has the value {v!r}: quote words such as \"no\", "
                  "\"yes\", \"on\" and \"off\", which YAML otherwise reads as true/false")


def _check_dependency_pattern(pattern, path, rid, fieldname):
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        _fail(path, rid, fieldname, "a dependency pattern should be a non-empty list of node objects")
    first = pattern[0]
    if "RIGHT_ID" not in first or "RIGHT_ATTRS" not in first or "LEFT_ID" in first:
        _fail(path, rid, fieldname, "the first node of a dependency pattern needs RIGHT_ID and RIGHT_ATTRS (the anchor)")
    for node in pattern[1:]:
        missing = [k for k in ("LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS") if k not in node]
        if missing:
            _fail(path, rid, fieldname, f"node {node.get('RIGHT_ID', '?')!r} is missing {', '.join(missing)}")
    for node in pattern:
        attrs = node.get("RIGHT_ATTRS")
        if not isinstance(attrs, dict):
            _fail(path, rid, fieldname, f"node {node.get('RIGHT_ID', '?')!r}: RIGHT_ATTRS should be a token object")
        for key, value in attrs.items():
            _check_text_value(key, value, path, rid, fieldname)


def _check_exceptions(value, path, rid):
    if not isinstance(value, list):
        _fail(path, rid, "exceptions", "should be a list")
    for item in value:
        if isinstance(item, str):
            continue
        if isinstance(item, dict) and len(item) == 1:
            key, words = next(iter(item.items()))
            if key not in EXCEPTION_KEYS:
                _fail(path, rid, "exceptions", f"unknown exception kind {key!r} (known: {', '.join(EXCEPTION_KEYS)})")
            if key == "regex":
                if not isinstance(words, str):
                    _fail(path, rid, "exceptions", "regex should be one text pattern")
                try:
                    re.compile(words)
                except re.error as exc:
                    _fail(path, rid, "exceptions", f"bad regex {words!r}: {exc}")
            elif key == "clause_about":
                if not isinstance(words, dict) or set(words) - {"words", "claims"} or not all(
                        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in words.values()):
                    _fail(path, rid, "exceptions", "clause_about should be a mapping of lists 'words' and 'claims'")
            elif key == "names_a_grade" and isinstance(words, dict):
                unknown = sorted(set(words) - {"near", "scales", "own"})
                if unknown or not isinstance(words.get("near"), list) or not all(
                        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in words.values()):
                    _fail(path, rid, "exceptions", "names_a_grade should be a list of words or a mapping of lists "
                          "'near' (required), 'scales' and 'own'")
            elif not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                _fail(path, rid, "exceptions", f"{key} should be a list of words")
            continue
        _fail(path, rid, "exceptions", f"each exception is a phrase or a one-key mapping, got {item!r}")


def _rule_from_dict(data, path: Path, default_family: str | None, vocab, checks: Iterable[str] | None) -> Rule:
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: each entry under 'rules' should be a mapping, got {data!r}")
    rid = data.get("id")
    if not isinstance(rid, str) or not rid:
        raise ConfigError(f"{path}: rule without an id: field 'id' is required ({str(data)[:60]}...)")
    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        _fail(path, rid, unknown[0], f"unknown field (known: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED_KEYS:
        if key not in data:
            _fail(path, rid, key, "is required")
    family = data.get("family", default_family)
    if not isinstance(family, str) or not family:
        _fail(path, rid, "family", "is required (in the rule or at the top of the file)")
    if not ID_RE.match(rid) or not rid.startswith(family + "."):
        _fail(path, rid, "id", f"should look like '{family}.some-name' (lower case, starting with the family)")
    severity = data["severity"]
    if severity not in SEVERITIES:
        _fail(path, rid, "severity", f"should be one of {', '.join(SEVERITIES)}, got {severity!r}")
    if not isinstance(data["message"], str) or not data["message"].strip():
        _fail(path, rid, "message", "should be non-empty text")
    kind = data["kind"]
    if kind not in KINDS:
        _fail(path, rid, "kind", f"should be one of {', '.join(KINDS)}, got {kind!r}")
    check = data.get("check")
    if kind == "check":
        if not isinstance(check, str):
            _fail(path, rid, "check", "a rule of kind 'check' names its check")
        if checks is not None and check not in checks:
            _fail(path, rid, "check", f"unknown check {check!r} (known: {', '.join(sorted(checks))})")
    elif check is not None:
        _fail(path, rid, "check", f"only rules of kind 'check' name a check (this one is kind {kind!r})")
    where = f"{path}: rule {rid}"
    patterns = resolve(data.get("patterns", []), vocab, f"{where}: field 'patterns'")
    if not isinstance(patterns, list):
        _fail(path, rid, "patterns", "should be a list")
    if kind != "check" and not patterns:
        _fail(path, rid, "patterns", f"a {kind} rule needs at least one pattern")
    for i, pattern in enumerate(patterns):
        fieldname = f"patterns[{i}]"
        if kind == "phrase":
            if isinstance(pattern, bool):
                _fail(path, rid, fieldname, f"got {pattern!r}: quote words such as \"no\" and \"on\" (YAML reads them as true/false)")
            if not isinstance(pattern, str) or not pattern.strip():
                _fail(path, rid, fieldname, "a phrase pattern is non-empty text")
        elif kind == "token":
            _check_token_pattern(pattern, path, rid, fieldname)
        elif kind == "dependency":
            _check_dependency_pattern(pattern, path, rid, fieldname)
        elif kind == "check" and not isinstance(pattern, (str, list)):
            _fail(path, rid, fieldname, "should be a phrase or a token pattern")
    exceptions = resolve(data.get("exceptions", []), vocab, f"{where}: field 'exceptions'")
    _check_exceptions(exceptions, path, rid)
    suggestions = data.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) and s.strip() for s in suggestions):
        _fail(path, rid, "suggestions", "should be a list of non-empty text")
    examples = data.get("examples", {"flag": [], "pass": []})
    if not isinstance(examples, dict) or set(examples) - {"flag", "pass"}:
        _fail(path, rid, "examples", "should be a mapping with 'flag' and 'pass' lists")
    for key in ("flag", "pass"):
        items = examples.get(key, [])
        if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
            _fail(path, rid, f"examples.{key}", "should be a list of non-empty text")
    examples = {"flag": list(examples.get("flag", [])), "pass": list(examples.get("pass", []))}
    if not data.get("disabled") and not examples["flag"]:
        _fail(path, rid, "examples.flag", "every rule needs at least one example that must flag")
    options = resolve(data.get("options", {}), vocab, f"{where}: field 'options'")
    if not isinstance(options, dict):
        _fail(path, rid, "options", "should be a mapping")
    skip_when = data.get("skip_when", [])
    if not isinstance(skip_when, list) or any(s not in SKIP_WHEN for s in skip_when):
        _fail(path, rid, "skip_when", f"should be a list drawn from {', '.join(SKIP_WHEN)}")
    defer_to = data.get("defer_to", [])
    if isinstance(defer_to, str):
        defer_to = [defer_to]
    if not isinstance(defer_to, list) or not all(
            isinstance(d, str) and (ID_RE.match(d) or ID_RE.match(d.removesuffix(".*") + ".x")) for d in defer_to):
        _fail(path, rid, "defer_to", "should be a list of rule ids (or family.* for every other rule of a family)")
    disabled = data.get("disabled", False)
    if not isinstance(disabled, bool):
        _fail(path, rid, "disabled", "should be true or false")
    opt_in = data.get("opt_in", False)
    if not isinstance(opt_in, bool):
        _fail(path, rid, "opt_in", "should be true or false")
    for key in ("description", "link", "note"):
        if key in data and not isinstance(data[key], str):
            _fail(path, rid, key, "should be text")
    return Rule(
        id=rid, family=family, severity=severity, message=data["message"].strip(), kind=kind,
        check=check, patterns=patterns, exceptions=exceptions,
        suggestions=[s.strip() for s in suggestions], examples=examples, options=options,
        skip_when=list(skip_when), disabled=disabled, opt_in=opt_in, description=data.get("description", ""),
        link=data.get("link", ""), note=data.get("note", ""), source=str(path),
        defer_to=list(defer_to) + [d for d in (options.get("defer_to") or []) if d not in defer_to],
    )


def read_rule_file(path: Path, default_family: str | None = None) -> tuple[str, list]:
    """The family and the raw rule records of one phrasebank file (shape checked, not the rules)."""
    data = _yaml_load(path)
    if data is None:
        return default_family or "", []
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a phrasebank file is a mapping with 'family' and 'rules'")
    unknown = sorted(set(data) - {"family", "rules", "description"})
    if unknown:
        raise ConfigError(f"{path}: unknown top-level field {unknown[0]!r} (known: family, rules, description)")
    family = data.get("family", default_family or re.split(r"[-_.]", path.stem, maxsplit=1)[0])
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise ConfigError(f"{path}: field 'rules' should be a list of rule records")
    return family, rules


def load_rule_file(
    path: Path, vocab: dict[str, Any], checks: Iterable[str] | None = None, default_family: str | None = None
) -> list[Rule]:
    """Read and validate one phrasebank file."""
    family, rules = read_rule_file(path, default_family)
    out = []
    seen = set()
    for item in rules:
        rule = _rule_from_dict(item, path, family, vocab, checks)
        if rule.id in seen:
            _fail(path, rule.id, "id", "is used twice in this file")
        seen.add(rule.id)
        out.append(rule)
    return out


# --- one set of rules from many files: replace by id, extend, defer -----------------------

EXTENDABLE_NOTE = ("extends: adds to an existing rule's lists (patterns, exceptions, suggestions, examples, "
                   "word lists); to change anything else, write a rule with the same id")


@dataclass
class RawRecord:
    rank: int
    """0 for the user's folder; higher for folders later in the search path."""
    path: Path
    record: dict
    extended_by: list[str] = field(default_factory=list)


def _extend(base: dict, ext: dict, path: Path, target: str) -> dict:
    out = copy.deepcopy(base)
    for key, value in ext.items():
        if key in ("extends", "note", "description", "family"):
            continue
        old = out.get(key)
        if isinstance(value, list) and (old is None or isinstance(old, list)):
            old = list(old or [])
            out[key] = old + [v for v in value if v not in old]
        elif isinstance(value, dict) and (old is None or isinstance(old, dict)):
            merged = dict(old or {})
            for sub, items in value.items():
                prev = merged.get(sub)
                if isinstance(items, list) and (prev is None or isinstance(prev, list)):
                    prev = list(prev or [])
                    merged[sub] = prev + [v for v in items if v not in prev]
                elif sub not in merged:
                    merged[sub] = items
                else:
                    raise ConfigError(f"{_where(path, target)}: rule {target}: field '{key}.{sub}': {EXTENDABLE_NOTE}")
            out[key] = merged
        else:
            raise ConfigError(f"{_where(path, target)}: rule {target}: field '{key}': {EXTENDABLE_NOTE}")
    return out


def merge_records(entries: Iterable[tuple[int, Path, dict]]) -> list[RawRecord]:
    """The rules in effect, from ``(rank, file, record)`` in reading order.

    The same for every family: each file adds its rules; a rule with the id of a
    rule from a folder later in the search path (the shipped one) replaces it; two
    rules with one id in the same folder are an error; a record ``extends: ID``
    adds its lists to rule ID (wherever that is defined). Every problem names the
    file, the rule and the field.
    """
    chosen: dict[str, RawRecord] = {}
    order: list[str] = []
    extensions: list[tuple[Path, dict]] = []
    for rank, path, record in entries:
        if isinstance(record, dict) and "extends" in record:
            target = record["extends"]
            if not isinstance(target, str) or not ID_RE.match(target):
                raise ConfigError(f"{path}: rule {record.get('id', '?')}: field 'extends': should be a rule id")
            if "id" in record and record["id"] != target:
                raise ConfigError(f"{path}: rule {record['id']}: field 'extends': a record that extends a rule "
                                  "has no id of its own (it adds to rule {target})")
            extensions.append((path, record))
            continue
        rid = record.get("id") if isinstance(record, dict) else None
        if not isinstance(rid, str):
            chosen[f"#{len(order)}"] = RawRecord(rank, path, record)  # the family's parser reports it
            order.append(f"#{len(order)}")
            continue
        previous = chosen.get(rid)
        if previous is None:
            order.append(rid)
            chosen[rid] = RawRecord(rank, path, record)
        elif rank < previous.rank:
            chosen[rid] = RawRecord(rank, path, record)  # the user's rule replaces the shipped one
        elif rank == previous.rank:
            raise ConfigError(f"{_where(path, rid)}: rule {rid}: field 'id': is also defined in {previous.path}")
    for path, record in extensions:
        target = record["extends"]
        base = chosen.get(target)
        if base is None:
            raise ConfigError(f"{_where(path, target)}: rule {target}: field 'extends': no rule {target} is loaded")
        chosen[target] = RawRecord(base.rank, base.path, _extend(base.record, record, path, target),
                                   base.extended_by + [str(path)])
    return [chosen[i] for i in order]


def check_defer_to(rules: Iterable, known: Iterable[str]) -> None:
    """Every ``defer_to`` names a loaded rule (else: file, rule, field)."""
    known = set(known)
    for rule in rules:
        for target in getattr(rule, "defer_to", []) or []:
            if target not in known and not (target.endswith(".*") and target[:-2] == rule.family):
                raise ConfigError(f"{_where(rule.source, rule.id)}: rule {rule.id}: field 'defer_to': "
                                  f"no rule {target} is loaded")


_CACHE: dict[tuple, Phrasebank] = {}


def _signature(files: list[SourceFile]) -> tuple:
    sig = []
    for f in files:
        try:
            st = f.path.stat()
            sig.append((str(f.path), st.st_mtime_ns, st.st_size))
        except OSError:
            sig.append((str(f.path), 0, 0))
    return tuple(sig)


def _is_vocabulary(f: SourceFile) -> bool:
    return f.family in ("vocabulary", "grammar", "context")


def load_phrasebank(
    families: Iterable[str] | None = None,
    *,
    disabled: Iterable[str] = (),
    enabled: Iterable[str] = (),
    dirs: Iterable[Path] | None = None,
    checks: dict[str, Iterable[str]] | None = None,
) -> Phrasebank:
    """Load the rules of ``families`` (every rule file when None).

    ``disabled`` lists rule ids or family names switched off (from settings);
    ``enabled`` the opt-in rules switched on.
    ``checks`` maps a family to the names of the Python checks it implements,
    so an unknown ``check:`` is reported at load time.

    A file is read when it is named for a wanted family (``overclaim.yaml``,
    ``overclaim-extra.yaml``, ``overclaim/*.yaml``) or, for any other name,
    when its top-level ``family:`` is a wanted family. Files named for another
    family (``privacy.yaml``) are left to that family's own loader.
    """
    dirs = list(dirs) if dirs is not None else None
    files = source_files(dirs)
    wanted = set(families) if families is not None else None
    check_key = tuple(sorted((k, tuple(sorted(v))) for k, v in (checks or {}).items()))
    key = (_signature(files), tuple(sorted(wanted)) if wanted is not None else None, check_key)
    cached = _CACHE.get(key)
    if cached is None:
        cached = _load(files, wanted, dirs, checks)
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = cached
    return Phrasebank(
        rules=cached.rules, vocabulary=cached.vocabulary, files=cached.files,
        disabled=frozenset(disabled), grammar=cached.grammar, context=cached.context,
        enabled_ids=frozenset(enabled),
    )


def _load(files, wanted, dirs, checks) -> Phrasebank:
    vocab = load_vocabulary(dirs)
    known_families = {f.family for f in files if not _is_vocabulary(f)}
    entries: list[tuple[int, Path, dict]] = []
    used: list[Path] = []
    for f in files:
        if _is_vocabulary(f) or f.path.stem.lower() == "readme":
            continue
        if f.family == "privacy":
            continue  # its own record format, read by language/privacy.py through merge_records
        if wanted is not None and f.family not in wanted:
            if f.family in known_families and f.family in ("evidence", "overclaim"):
                continue
            try:
                data = _yaml_load(f.path)
            except ConfigError:
                continue  # another tool's file: its own loader reports its problems
            if not isinstance(data, dict) or data.get("family") not in wanted:
                continue
        family, records = read_rule_file(f.path, f.family)
        for record in records:
            if not isinstance(record, dict):
                raise ConfigError(f"{f.path}: each entry under 'rules' should be a mapping, got {record!r}")
            rfamily = record.get("family", family)
            target = record.get("extends")
            if isinstance(target, str) and "." in target:
                rfamily = target.split(".", 1)[0]
            if wanted is not None and rfamily not in wanted:
                continue
            if "extends" not in record:
                record = {"family": family, **record}
            entries.append((f.rank, f.path, record))
        used.append(f.path)
    rules = []
    for raw in merge_records(entries):
        rule = _rule_from_dict(raw.record, raw.path, raw.record.get("family"), vocab, None)
        rule.extended_by = raw.extended_by
        if checks is not None and rule.kind == "check" and rule.family in checks:
            family_checks = set(checks[rule.family])
            if rule.check not in family_checks:
                _fail(raw.path, rule.id, "check",
                      f"unknown check {rule.check!r} (known: {', '.join(sorted(family_checks))})")
        rules.append(rule)
    check_defer_to(rules, [r.id for r in rules])
    overclaim = wanted is None or "overclaim" in wanted
    grammar = load_grammar(dirs) if overclaim else {}
    context = load_context_records(dirs, vocab) if overclaim else []
    return Phrasebank(rules=rules, vocabulary=vocab, files=used, grammar=grammar, context=context)


def clear_cache() -> None:
    _CACHE.clear()


_weights_lock = threading.Lock()
_weights: dict[tuple, dict] = {}


def load_weights(filename: str, validate: Callable[[Any, Path], None], dirs: Iterable[Path] | None = None) -> dict | None:
    """A learned scorer's JSON weights (``filename``) from the phrasebank search path, a user's file first, or None
    when no folder holds one. Read once per file version (path and modification time) and checked by ``validate``
    (which raises ConfigError naming the file and field); a file that is not JSON is a ConfigError naming it."""
    for folder in (dirs if dirs is not None else search_path("phrasebank")):
        path = Path(folder) / filename
        if path.is_file():
            key = (str(path), path.stat().st_mtime_ns)
            with _weights_lock:
                model = _weights.get(key)
                if model is None:
                    try:
                        model = json.loads(path.read_text(encoding="utf-8"))
                    except (OSError, ValueError) as exc:
                        raise ConfigError(f"{path}: not a readable weights file ({exc})") from None
                    validate(model, path)
                    _weights[key] = model
            return model
    return None


def weights_field_check(path: Path) -> Callable[[str, bool, str], None]:
    """``need(field, ok, what)``: a ConfigError naming ``path`` and the field when ``ok`` is false."""
    def need(field: str, ok: bool, what: str) -> None:
        if not ok:
            raise ConfigError(f"{path}: field {field!r}: should be {what}")
    return need


def check_weights(model: Any, path: Path, *, zero_threshold: bool = False) -> Callable[[str, bool, str], None]:
    """The fields every learned scorer's weights file has: the whole file a mapping, ``weights`` (feature name ->
    number), ``bias``, ``threshold`` (above 0, or from 0 with ``zero_threshold``, and below 1) and ``features``
    (its feature settings). Returns the field check, for the scorer's own fields."""
    need = weights_field_check(path)
    need("model", isinstance(model, dict), "a mapping (the whole file)")
    need("weights", isinstance(model.get("weights"), dict)
         and all(isinstance(v, (int, float)) for v in model["weights"].values()), "a mapping of feature names to numbers")
    need("bias", isinstance(model.get("bias"), (int, float)), "a number")
    low_ok = (lambda x: 0 <= x) if zero_threshold else (lambda x: 0 < x)
    need("threshold", isinstance(model.get("threshold"), (int, float)) and low_ok(model["threshold"])
         and model["threshold"] < 1, "a number from 0 up to (not including) 1" if zero_threshold
         else "a number between 0 and 1")
    need("features", isinstance(model.get("features"), dict), "a mapping (the feature settings)")
    return need
