"""The indicator catalogue: ``catalogue.yaml`` (shipped beside this module) read
into :class:`Indicator` records.

The YAML is the single place where an indicator's meaning is written down; the
computations in :mod:`evidencebot.metrics.indicators` follow it. Loading checks
every entry and names the entry and field at fault, so a broken edit fails
loudly rather than producing a silently different report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from evidencebot.errors import ConfigError, InputError
from evidencebot.locations import parse_yaml

CATALOGUE_PATH = Path(__file__).with_name("catalogue.yaml")

DOMAINS = ("safety", "stability", "experience")
DIRECTIONS = ("increase", "decrease", "neutral")
UNITS = ("percent", "per_100", "hours", "days", "score", "count")
STATISTICS = ("wilson", "rate", "median", "mean")
REQUIRED = (
    "id", "title", "domain", "definition", "numerator", "denominator",
    "direction", "unit", "statistic", "source",
)
OPTIONAL = ("short_title", "instruments", "instrument_notes")
SHORT_TITLE_MAX = 24

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SUFFIX = re.compile(r"^[a-z][a-z0-9]*$")


@dataclass(frozen=True)
class Indicator:
    """One indicator as the catalogue defines it."""

    id: str
    title: str
    domain: str
    definition: str
    numerator: str
    denominator: str
    direction: str
    unit: str
    statistic: str
    source: str
    short_title: str = ""
    family: str = ""
    """The catalogue entry this came from (``reliable_improvement`` for
    ``reliable_improvement.swemwbs``); equal to ``id`` otherwise."""
    instrument: str | None = None
    """Display name of the instrument for per-instrument indicators."""

    @property
    def label(self) -> str:
        """The short title when there is one, else the title."""
        return self.short_title or self.title


def _fail(where: str, message: str) -> ConfigError:
    return ConfigError(f"{CATALOGUE_PATH.name}: {where}: {message}")


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"field '{key}' must be non-empty text, got {value!r}")
    return " ".join(value.split())


def _choice(entry: dict, key: str, allowed: tuple[str, ...], where: str) -> str:
    value = _text(entry, key, where)
    if value not in allowed:
        raise _fail(where, f"field '{key}' is {value!r}; allowed: {', '.join(allowed)}")
    return value


def parse_catalogue(data: object) -> dict[str, Indicator]:
    """Check a parsed catalogue document and expand it into indicators by id."""
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise _fail("top level", "expected a mapping with a list under 'indicators'")
    result: dict[str, Indicator] = {}
    for position, entry in enumerate(data["indicators"], start=1):
        where = f"entry {position}"
        if not isinstance(entry, dict):
            raise _fail(where, "each indicator must be a mapping of field: value")
        if isinstance(entry.get("id"), str):
            where = f"indicator '{entry['id']}'"
        missing = [k for k in REQUIRED if k not in entry]
        if missing:
            raise _fail(where, f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise _fail(where, f"unknown field {', '.join(unknown)} (known: {', '.join(REQUIRED + OPTIONAL)})")
        ident = _text(entry, "id", where)
        if not _ID.match(ident):
            raise _fail(where, f"field 'id' {ident!r} must be lower case letters, digits and _")
        base = {
            "title": _text(entry, "title", where),
            "definition": _text(entry, "definition", where),
            "numerator": _text(entry, "numerator", where),
            "denominator": _text(entry, "denominator", where),
            "source": _text(entry, "source", where),
            "short_title": _text(entry, "short_title", where) if "short_title" in entry else "",
        }
        fixed = {
            "domain": _choice(entry, "domain", DOMAINS, where),
            "direction": _choice(entry, "direction", DIRECTIONS, where),
            "unit": _choice(entry, "unit", UNITS, where),
            "statistic": _choice(entry, "statistic", STATISTICS, where),
        }
        instruments = entry.get("instruments")
        if instruments is None:
            variants = [(ident, None)]
        else:
            if not isinstance(instruments, dict) or not instruments:
                raise _fail(where, "field 'instruments' must map id suffixes to display names")
            variants = []
            for suffix, name in instruments.items():
                if not isinstance(suffix, str) or not _SUFFIX.match(suffix):
                    raise _fail(where, f"field 'instruments': suffix {suffix!r} must be lower case letters and digits")
                if not isinstance(name, str) or not name.strip():
                    raise _fail(where, f"field 'instruments': {suffix} needs a display name")
                variants.append((f"{ident}.{suffix}", name.strip()))
        notes = entry.get("instrument_notes") or {}
        if not isinstance(notes, dict):
            raise _fail(where, "field 'instrument_notes' must map id suffixes to a sentence")
        for full_id, instrument in variants:
            texts = dict(base)
            if instrument is not None:
                texts = {k: v.replace("{instrument}", instrument) for k, v in texts.items()}
                # a sentence that applies to one instrument only (SWEMWBS raw totals)
                note = notes.get(full_id.rsplit(".", 1)[-1])
                if note:
                    texts["definition"] = f"{texts['definition']} {str(note).strip()}"
            if len(texts["short_title"]) > SHORT_TITLE_MAX:
                raise _fail(
                    where,
                    f"field 'short_title' {texts['short_title']!r} is longer than {SHORT_TITLE_MAX} characters",
                )
            if full_id in result:
                raise _fail(where, f"field 'id': {full_id!r} is defined twice")
            result[full_id] = Indicator(
                id=full_id, family=ident, instrument=instrument, **texts, **fixed
            )
    return result


@lru_cache(maxsize=1)
def _load_cached(text: str) -> dict[str, Indicator]:
    import yaml

    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise _fail("top level", f"not valid YAML: {exc}") from None
    return parse_catalogue(data)


def load_catalogue() -> dict[str, Indicator]:
    """Every indicator in the shipped catalogue, by id, in catalogue order."""
    return dict(_load_cached(CATALOGUE_PATH.read_text(encoding="utf-8")))


def close_matches(ident: str, catalogue: dict[str, Indicator] | None = None, n: int = 4) -> list[str]:
    """Catalogue ids that look like ``ident`` (for "did you mean" messages)."""
    import difflib

    ids = list(catalogue or load_catalogue())
    found = difflib.get_close_matches(ident, ids, n=n, cutoff=0.5)
    for candidate in ids:  # prefixes and families: "reliable_improvement" -> its instruments
        if len(found) >= n:
            break
        if candidate not in found and (candidate.startswith(ident) or ident in candidate) and len(ident) >= 3:
            found.append(candidate)
    return found


def get_indicator(ident: str, catalogue: dict[str, Indicator] | None = None) -> Indicator:
    """The indicator with this id, or an :class:`InputError` naming close matches."""
    catalogue = catalogue or load_catalogue()
    key = ident.strip()
    if key in catalogue:
        return catalogue[key]
    near = close_matches(key, catalogue)
    hint = f"; did you mean: {', '.join(near)}?" if near else "; 'evidencebot metrics --list' shows them all"
    raise InputError(f"unknown indicator '{ident}'{hint}")
