"""The language checker: Markdown-aware, batched, cached by paragraph.

    >>> from evidencebot.language.checker import Checker
    >>> findings = Checker().check_text("Our team reduced A&E attendances.")
    >>> findings[0].rule
    'overclaim.causal-system-outcome'

Families are plugged in through :func:`register_family`: a family is a function
``(text, doc) -> list[Finding]`` with offsets into ``text`` (one prose block:
a paragraph, heading, list item or table cell). ``overclaim`` and ``privacy``
are registered here; another module adds its own with::

    register_family("evidence", my_function, skip_quotes=False)

How a check runs:

1. :func:`evidencebot.language.markdown.extract_blocks` finds the prose blocks
   (chunk-cached, so an unchanged part of a document is not re-parsed);
2. blocks whose text is not in the paragraph cache are parsed together with
   ``nlp.pipe`` a sentence at a time (:func:`~evidencebot.language.pipeline.pipe_blocks`:
   a sentence parsed before, in this document or an earlier check, is taken from a
   cache, so a re-check after an edit parses only the changed sentences), the
   sentences are joined back into one doc per block and every family runs on it. The
   named-entity recogniser, half of the parse, runs only on the sentences whose entities
   may change a finding of the family that needs it (:mod:`evidencebot.language.ner_gate`:
   privacy's names; a sentence with no word that could be a name is parsed without it);
3. findings are cached per (family, block text) with offsets relative to the
   block (a family registered with ``reads_lines``, privacy, also reads a block
   that spans several lines as those lines, without a parse: :func:`line_text`),
   then filtered (quotes, inline switches, disabled rules) and mapped
   back to offsets in the original document. A check keeps its own blocks'
   findings until it is done, so a document with more blocks than the cache
   holds is still parsed once, in batches (the cache then keeps the last
   :data:`CACHE_SIZE` entries).

Very long blocks (a whole draft with no blank line in it) are joined into pieces
of at most :data:`evidencebot.language.pipeline.MAX_PIECE` characters (a sentence
longer than that is cut at a line break or a space by
:func:`~evidencebot.language.pipeline.split_long`); each family runs on each piece and the findings are shifted back to offsets in
the block, so the cache and everything after it see one block as before. This
keeps the parser's memory bounded (it needs about 3.5 KB per character parsed
at once) and avoids spaCy's refusal of texts over 1,000,000 characters.

Quoted speech: for families registered with ``skip_quotes=True`` (over-claim)
findings inside quotation marks or a Markdown blockquote are dropped: a
person's own words are not the provider's claim. Privacy still checks them.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from evidencebot.config import load_settings
from evidencebot.errors import ConfigError
from evidencebot.language import markdown, ner_gate, pipeline, privacy
from evidencebot.language.findings import Finding, locate
from evidencebot.language.markdown import quote_spans  # re-exported: used by families too
from evidencebot.language.overclaim import load_overclaim_rules
from evidencebot.language.overclaim.common import remember_text
from evidencebot.language.overclaim.learned import model_key, one_check
from evidencebot.language.overclaim.voice import others_speech

FamilyFunc = Callable[[str, object], list]


@dataclass
class FamilySpec:
    name: str
    factory: Callable[[], FamilyFunc | None]
    """Returns the family's function, or None when the family is unavailable. Called once
    per :class:`Checker` (so edited rule files are picked up by a new checker); the
    factories cache their compiled rules while the files are unchanged."""
    skip_quotes: bool = False
    needs_ner: bool = False
    reads_hidden: bool = False
    """Also run on the text a Markdown file carries outside its prose (alt text, link
    targets, code, comments, front matter: :func:`evidencebot.language.markdown.hidden_blocks`)."""
    reads_lines: bool = False
    """(s37) Also read a block that spans several lines as its lines (:func:`line_text`) with the function's
    ``lines(text)``, no parse; what that finds where the reading of the joined prose found nothing is added."""
    default: bool = True
    """Run when no ``families`` are named."""
    quote_filter: Callable[[str, list[tuple[int, int]]], list[tuple[int, int]]] | None = None
    """With ``skip_quotes``: given a block and its quoted spans, the spans whose findings are dropped (oc28: the
    over-claim family keeps a quote in our own voice, :mod:`evidencebot.language.overclaim.voice`); None drops all."""
    unavailable: str = ""
    """Why the family could not be loaded (empty when it is fine)."""


_REGISTRY: "OrderedDict[str, FamilySpec]" = OrderedDict()
_registry_lock = threading.RLock()


def register_family(
    name: str,
    func: FamilyFunc | None = None,
    *,
    factory: Callable[[], FamilyFunc | None] | None = None,
    skip_quotes: bool = False,
    needs_ner: bool = False,
    default: bool = True,
    reads_hidden: bool = False,
    reads_lines: bool = False,
    quote_filter: Callable[[str, list[tuple[int, int]]], list[tuple[int, int]]] | None = None,
) -> None:
    """Plug a family of rules into the checker.

    Give either ``func(text, doc) -> list[Finding]`` or a ``factory()`` that returns
    it (called on first use, so heavy imports wait until a check runs). A family
    registered again replaces the previous registration.
    """
    if (func is None) == (factory is None):
        raise ValueError("give exactly one of func or factory")
    if not re.match(r"^[a-z][a-z0-9_]*$", name):
        raise ValueError(f"family name {name!r} should be lower_case")
    with _registry_lock:
        _REGISTRY[name] = FamilySpec(
            name=name,
            factory=factory or (lambda: func),
            skip_quotes=skip_quotes,
            needs_ner=needs_ner,
            default=default,
            reads_hidden=reads_hidden,
            reads_lines=reads_lines,
            quote_filter=quote_filter,
        )
        _CACHE.clear()


def unregister_family(name: str) -> None:
    with _registry_lock:
        _REGISTRY.pop(name, None)
        _CACHE.clear()


def families() -> list[str]:
    """Names of the registered families."""
    return list(_REGISTRY)


def family_spec(name: str) -> FamilySpec:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown checker family {name!r} (known: {', '.join(_REGISTRY)})") from None


# --- built-in families ---------------------------------------------------------------------


def _overclaim_factory(enabled: Iterable[str] = ()):
    rules = load_overclaim_rules(enabled=sorted(enabled))

    def run(text, doc):
        remember_text(doc, text)  # (the doc is parsed from ``text``: its text need not be joined again)
        return rules.find(doc)

    # (the learned scorer's weights file is data too: a new file is a new version)
    run.version = ("overclaim", id(rules), model_key())  # type: ignore[attr-defined]
    run.one_check = one_check  # type: ignore[attr-defined]  # (the weights file read once per check call)
    return run


_overclaim_factory.takes_enabled = True  # type: ignore[attr-defined]


def _privacy_factory():
    rules = privacy.load_privacy_rules()

    def run(text, doc):
        if rules is None:
            return privacy.find_privacy(text, doc=doc)
        return privacy.find_privacy(text, doc=doc, rules=rules)

    run.version = ("privacy", _privacy_version(rules))  # type: ignore[attr-defined]
    # (s37) a block's lines, read by the rules that need no parse (the regex and combination rules: a label opening
    # a line, an export's rows under its header): the names the model finds and the learned check keep reading the
    # joined prose they were tuned on (reading lines with a second parse lost 13 of 167 records found on the spent
    # sets' rows over several lines and made 2 false alarms, "Agenda", "Office": bench/lines_s37.md)
    if rules is not None:
        # (every rule but the learned one runs, so the filters that read the name rule's lists and contexts, such as
        # a team's mailbox, work as in the joined reading; only the regex and combination rules' findings are kept)
        line_rules = [r for r in rules if r.kind != "learned"]
        kept = frozenset(r.id for r in rules if r.kind in ("regex", "combination"))

        def lines(text):
            return [f for f in privacy.find_privacy(text, None, line_rules) if f.rule in kept]

        run.lines = lines  # type: ignore[attr-defined]
        run.stretch_rules = frozenset(r.id for r in rules if r.kind == "learned")  # type: ignore[attr-defined]
    if rules is not None:  # the sentences whose entities may change a finding (the NER runs on those only)
        run.ner_gate = ner_gate.make_gate(rules)  # type: ignore[attr-defined]
    return run


def _privacy_version(rules) -> tuple:
    # load_privacy_rules returns a new list when its files change; the rule objects
    # are kept while they do not, so their ids identify the version.
    if rules is None:
        return ()
    return tuple(id(r) for r in rules)




# --- quotes ------------------------------------------------------------------------------------


def _inside(spans, start, end) -> bool:
    return any(a <= start and end <= b for a, b in spans) or any(a <= start < b for a, b in spans)


def _outside_quotes(found: list, spans: list[tuple[int, int]]) -> list:
    """The findings not :func:`_inside` any of ``spans``, in O(log n) per finding."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    reach = []  # reach[i]: the furthest end among spans[:i + 1]
    furthest = -1
    for _, b in spans:
        furthest = max(furthest, b)
        reach.append(furthest)
    out = []
    for f in found:
        i = bisect.bisect_right(starts, f.start) - 1
        # some span starting at or before f.start either contains the finding
        # (f.end <= b) or has f.start inside it (f.start < b)
        if i >= 0 and reach[i] >= min(f.start + 1, f.end):
            continue
        out.append(f)
    return out


# --- lines ------------------------------------------------------------------------------------------


def line_text(block, original: str) -> str:
    """``block.text`` with each space that stands for a line break of ``original`` given back as "\n" (same length,
    so offsets map back through ``block.runs`` unchanged). A paragraph's lines are joined with spaces for the prose
    (a wrapped sentence is one sentence); a record pasted over several lines ("Name of person referred:" above "Ilse
    van Dijk") is read as it was typed by the families with ``reads_lines`` (s37). A "\r" before "\n" stays a
    space inside a run; at a run's end (Markdown's soft break in a CRLF file) it is the break."""
    text = block.text
    runs = block.runs
    if not runs or "\n" not in original:
        return text
    last_p, last_o = runs[-1]
    if original.find("\n", runs[0][1], last_o + len(text) - last_p) == -1:
        return text
    chars = None
    for k, (p, o) in enumerate(runs):
        end = runs[k + 1][0] if k + 1 < len(runs) else len(text)
        i = original.find("\n", o, o + end - p)
        while i != -1:
            at = p + i - o
            if text[at] == " ":
                if chars is None:
                    chars = list(text)
                chars[at] = "\n"
            i = original.find("\n", i + 1, o + end - p)
        tail = o + end - p - 1  # the run's last character
        if end > p and text[end - 1] == " " and original[tail:tail + 2] == "\r\n":
            if chars is None:
                chars = list(text)
            chars[end - 1] = "\n"
    return text if chars is None else "".join(chars)


def _with_lines(found: list, name: str, ver, func, lines: str) -> list:
    """``found`` (a block's findings on its joined text) and what ``func.lines`` finds in the block's ``lines``
    (cached by the lines' text) that is new: not a finding of the same rule overlapping it, nor one inside a finding
    of another rule ("12 High Street" inside the full address already flagged), unless that rule is one of
    ``func.stretch_rules``, whose findings cover a whole sentence or line (the learned check's) rather than the
    words of one detail: a name under its label inside such a stretch is still said."""
    key = (name + "/lines", ver, lines)
    extra = _cache_get(key)
    if extra is None:
        extra = list(func.lines(lines))
        _cache_put(key, extra)
    if not extra:
        return found
    stretch = getattr(func, "stretch_rules", frozenset())
    return found + [f for f in extra if not any(
        g.start < f.end and f.start < g.end and g.rule == f.rule
        or g.start <= f.start and f.end <= g.end and g.rule not in stretch for g in found)]


# --- the paragraph cache ------------------------------------------------------------------------

CACHE_SIZE = 20000
"""Entries kept, one per (family, block): 10,000 blocks with the two built-in families;
about 60 MB at most for long documents, usually far less."""
_CACHE: "OrderedDict[tuple, list[Finding]]" = OrderedDict()
_cache_lock = threading.Lock()


def _cache_get(key):
    with _cache_lock:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
        return hit


def _cache_put(key, value):
    with _cache_lock:
        _CACHE[key] = value
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)


def clear_cache() -> None:
    with _cache_lock:
        _CACHE.clear()
    markdown.clear_cache()
    pipeline.clear_sentence_cache()


# --- the checker ------------------------------------------------------------------------------------


def _settings_checker(settings):
    if settings is None:
        return load_settings().checker
    if hasattr(settings, "checker"):
        return settings.checker
    return settings


class Checker:
    """Check text for over-claiming and personal data (and any registered family).

    ``settings``: a :class:`~evidencebot.config.Settings` or ``CheckerSettings``
    (default: read ``config.toml``). ``families``: the families to run (default:
    every registered default family that is installed).
    """

    def __init__(self, settings=None, families: Iterable[str] | None = None, *, batch_size: int | None = None,
                 extra: dict[str, FamilyFunc] | None = None, honour_switches: bool = True):
        """``extra``: families bound to a context (e.g. the evidence family bound to a
        database), run after the registered ones. A function's ``version``
        attribute, when present, keys the paragraph cache (so results refresh when
        it changes). ``honour_switches=False``: inline switches in the text
        (``<!-- evidencebot off -->``, ``privacy=no``) are ignored (a gate the text
        must not be able to turn off)."""
        self.extra = dict(extra or {})
        self.honour_switches = honour_switches
        checker_settings = _settings_checker(settings)
        self.disabled = frozenset(getattr(checker_settings, "disabled_rules", []) or [])
        self.enabled = frozenset(getattr(checker_settings, "enabled_rules", []) or [])
        if families is None:
            names = [n for n, spec in _REGISTRY.items() if spec.default]
        else:
            names = list(dict.fromkeys(families))
            for n in names:
                family_spec(n)
        self.requested = [n for n in names if n not in self.disabled]
        self.batch_size = batch_size
        self._specs: list[tuple[FamilySpec, FamilyFunc]] | None = None
        self._specs_lock = threading.Lock()
        self.unavailable: dict[str, str] = {}

    # -- families --------------------------------------------------------------------

    def specs(self) -> list[tuple[FamilySpec, FamilyFunc]]:
        """The families that will run, with their functions (loaded on first call; threads that ask
        while another is loading them wait for it instead of loading them again)."""
        if self._specs is not None:
            return self._specs
        with self._specs_lock:
            if self._specs is not None:
                return self._specs
            specs = []
            for name in self.requested:
                spec = family_spec(name)
                if self.enabled and getattr(spec.factory, "takes_enabled", False):
                    func = spec.factory(enabled=self.enabled)  # type: ignore[call-arg]
                else:
                    func = spec.factory()
                if func is None:
                    self.unavailable[name] = spec.unavailable or f"the {name} family is not available"
                    continue
                specs.append((spec, func))
            for name, func in self.extra.items():
                if name not in self.disabled:
                    specs.append((FamilySpec(name=name, factory=lambda f=func: f, skip_quotes=True), func))
            self._specs = specs
        return self._specs

    @property
    def families(self) -> list[str]:
        return [s.name for s, _ in self.specs()]

    # -- checking --------------------------------------------------------------------

    def check_text(self, text: str, *, path: str = "-", markup: str | None = None) -> list[Finding]:
        """Findings for one document, sorted by position, with line and column filled in."""
        return self.check_many([(text, path)], markup=markup)[0]

    def check_many(self, texts: Sequence, *, markup: str | None = None) -> list[list[Finding]]:
        """Check several documents in one batch. Each item is a text or ``(text, path)``."""
        specs = self.specs()
        hidden = any(s.reads_hidden for s, _ in specs)
        docs = []
        for item in texts:
            text, path = (item if isinstance(item, tuple) else (item, "-"))
            if not isinstance(text, str):
                raise TypeError("check_many takes texts (str) or (text, path) pairs")
            docs.append((text, markdown.extract_blocks(text, markup=markup or markdown.markup_for(path), hidden=hidden)))
        if not specs:
            return [[] for _ in docs]
        versions = [(s.name, getattr(f, "version", id(f))) for s, f in specs]
        # Which block texts still need parsing? The findings of this call are kept in
        # ``known`` (cache hits taken now, new results as _fill makes them), so a
        # document with more blocks than the cache holds is still parsed once, in
        # batches: reading them back from the cache after the fill found most of them
        # evicted and re-parsed each one on its own (2 MB took almost 6 times as long as 1 MB).
        known: dict[tuple, list[Finding]] = {}
        todo: dict[str, None] = {}
        todo_hidden: dict[str, None] = {}  # run by the families that read hidden text only
        hidden_specs = [(sp, v) for sp, v in zip(specs, versions) if sp[0].reads_hidden]
        for _, blocks in docs:
            for b in blocks:
                wanted, pending = (hidden_specs, todo_hidden) if b.hidden else (list(zip(specs, versions)), todo)
                if (b.off and self.honour_switches) or b.text in pending:
                    continue
                for _spec, (name, ver) in wanted:
                    key = (name, ver, b.text)
                    if key in known:
                        continue
                    hit = _cache_get(key)
                    if hit is None:
                        pending[b.text] = None
                        break
                    known[key] = hit
        if todo or todo_hidden:  # a batched pass per set of families a block still needs (hidden findings
            # are kept only for the families that read hidden text, below)
            for texts_, only in self._missing(list(dict.fromkeys([*todo, *todo_hidden])), versions, known):
                self._fill(texts_, specs, versions, known, only=only)
        results = []
        for text, blocks in docs:
            out: list[Finding] = []
            honour = self.honour_switches
            for b in blocks:
                if b.off and honour:
                    continue
                for (spec, func), (name, ver) in zip(specs, versions):
                    if spec.skip_quotes and b.quote:
                        continue
                    if b.hidden and not spec.reads_hidden:
                        continue
                    if name in b.disabled and honour:
                        continue
                    found = known[(name, ver, b.text)]
                    if spec.reads_lines and not b.hidden and hasattr(func, "lines"):
                        lines = line_text(b, text)
                        if lines is not b.text:
                            found = _with_lines(found, name, ver, func, lines)
                    for f in found:
                        if f.rule in self.disabled or (f.rule in b.disabled and honour) or f.family in self.disabled:
                            continue
                        s, e = b.span_to_original(f.start, f.end)
                        e = markdown.Block.end_in(text, e)
                        out.append(Finding(f.rule, f.family, f.severity, f.message, s, e, f.match, list(f.suggestions)))
            if hidden:  # hidden text may overlap prose or other hidden text: one finding per place
                seen: set = set()
                out = [f for f in out if (f.rule, f.start, f.end) not in seen and not seen.add((f.rule, f.start, f.end))]
            out.sort(key=lambda f: (f.start, f.end, f.rule))
            results.append(locate(out, text))
        return results

    @staticmethod
    def _missing(texts: list[str], versions, known: dict) -> list[tuple[list[str], tuple[int, ...]]]:
        """The blocks to run, grouped by the families (their indices) whose findings for the block are neither
        in ``known`` nor in the cache: a block only one family lacks (the evidence family bound to another
        connection to a database) is run by that family only. Cache hits are put in ``known``."""
        groups: dict[tuple[int, ...], list[str]] = {}
        for text in texts:
            lacking = []
            for i, (name, ver) in enumerate(versions):
                key = (name, ver, text)
                if key in known:
                    continue
                hit = _cache_get(key)
                if hit is None:
                    lacking.append(i)
                else:
                    known[key] = hit
            if lacking:
                groups.setdefault(tuple(lacking), []).append(text)
        return [(group, only) for only, group in groups.items()]

    def _fill(self, texts: list[str], specs, versions, known: dict, *, only: Sequence[int] | None = None) -> None:
        """Parse ``texts`` (in batches), run every family (those at the indices ``only``) and cache the
        findings per block, also putting them in ``known`` (keyed like the cache). The parse is the one every
        family gets, whichever run: a family's findings do not depend on which others ran."""
        disable = pipeline.disabled_for(any(s.needs_ner for s, _ in specs))
        gate = _ner_gate(specs)
        if only is not None:
            specs, versions = [specs[i] for i in only], [versions[i] for i in only]
        # each block is parsed a sentence at a time (a sentence already parsed, in this
        # document or an earlier check, is not parsed again) and joined back into one doc
        # (or, past MAX_PIECE characters, into pieces with their offsets in the block)
        parsed = pipeline.pipe_blocks(texts, disable=disable, batch_size=self.batch_size or pipeline.SENTENCE_BATCH_SIZE,
                                      ner_gate=gate)
        with contextlib.ExitStack() as once:
            for _, func in specs:  # what a family reads once per check call (a weights file)
                if hasattr(func, "one_check"):
                    once.enter_context(func.one_check())
            self._run_blocks(texts, parsed, specs, versions, known)

    def _run_blocks(self, texts: list[str], parsed, specs, versions, known: dict) -> None:
        for text, pieces in zip(texts, parsed):
            found: list[list] = [[] for _ in specs]
            for offset, piece, doc in pieces:
                for j, (_, func) in enumerate(specs):
                    for f in func(piece, doc) or []:
                        if offset:
                            f = copy.copy(f)
                            f.start += offset
                            f.end += offset
                        found[j].append(f)
            self._store(text, found, specs, versions, known)

    @staticmethod
    def _store(text: str, found: list[list], specs, versions, known: dict) -> None:
        """Cache each family's findings for one block (quoted speech dropped where asked)."""
        quotes = None
        for ((spec, _), (name, ver)), items in zip(zip(specs, versions), found):
            if spec.skip_quotes and items:
                if quotes is None:
                    quotes = quote_spans(text)
                skipped = spec.quote_filter(text, quotes) if quotes and spec.quote_filter else quotes
                if skipped:
                    items = _outside_quotes(items, skipped)
            items = list(items)
            _cache_put((name, ver, text), items)
            known[(name, ver, text)] = items


def _ner_gate(specs):
    """One test of a sentence's parse saying whether the NER must read it (:mod:`evidencebot.language.ner_gate`),
    when every family that needs the NER gives one (``func.ner_gate``); else None (the NER reads every sentence)."""
    gates = [getattr(func, "ner_gate", None) for spec, func in specs if spec.needs_ner]
    if not gates or any(g is None for g in gates):
        return None
    if len(gates) == 1:
        return gates[0]

    def any_gate(doc) -> bool:
        return any(g(doc) for g in gates)

    any_gate.key = tuple(getattr(g, "key", g) for g in gates)  # type: ignore[attr-defined]
    return any_gate


def check_text(text: str, *, path: str = "-", families: Iterable[str] | None = None, settings=None) -> list[Finding]:
    """One-off convenience: ``Checker(settings, families).check_text(text, path=path)``."""
    return Checker(settings, families).check_text(text, path=path)


register_family("overclaim", factory=_overclaim_factory, skip_quotes=True, needs_ner=False,
                quote_filter=others_speech)
register_family("privacy", factory=_privacy_factory, skip_quotes=False, needs_ner=True, reads_hidden=True,
                reads_lines=True)
