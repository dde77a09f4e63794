"""Reading the values found in CSV and XLSX exports.

Every parser takes the text of one cell (already stripped, never empty) and
either returns the value to store or raises :class:`ValueProblem`, whose
message is the reason shown to the user ("bad date: ...", "unknown code ...").
Nothing here knows about files, rows or the database; the importers add those.

Stored forms (see ``store/migrations.py``):

* dates ``YYYY-MM-DD``; date-times ``YYYY-MM-DDTHH:MM`` or
  ``YYYY-MM-DDTHH:MM:SS`` when the seconds are not zero;
* booleans ``0`` / ``1``;
* codes in lower case with underscores (``face_to_face``);
* lists ``;``-separated.

The parsers are on the hot path of a million-row import, so the common cases
are served from small caches.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
import re
from typing import Iterable, Mapping

from evidencebot.text import MONTHS

MIN_YEAR = 1900
MAX_YEAR = 2100

DATE_FORMATS_HELP = "YYYY-MM-DD or DD/MM/YYYY, optionally with a time HH:MM"


class ValueProblem(ValueError):
    """A cell value that cannot be accepted; ``str(exc)`` is the reason."""


# --------------------------------------------------------------------------
# Header names and codes
# --------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-_/.]+")


def norm_header(name: object) -> str:
    """``"Person ID"``, ``"person_id"`` and ``" PERSON-ID "`` all become ``person_id``."""
    text = "" if name is None else str(name)
    text = text.replace("\ufeff", "").strip().lower()
    return _SEPARATORS.sub("_", text).strip("_")


_CODE_SEPARATORS = re.compile(r"[\s\-/]+")
_WHOLE_FLOAT = re.compile(r"\d+\.0*")


def norm_code(text: str) -> str:
    """Case-insensitive, spaces and hyphens to underscores, ``&`` to ``and``.

    ``"Face to face"`` -> ``face_to_face``; ``"A&E"`` -> ``a_and_e``;
    ``"05"`` and ``"5.0"`` -> ``5``.
    """
    t = text.strip().lower().replace("&", " and ")
    t = _CODE_SEPARATORS.sub("_", t)
    t = re.sub(r"_+", "_", t).strip("_")
    if t.isdecimal():  # not isdigit(): int() refuses "²"
        return str(int(t))
    if _WHOLE_FLOAT.fullmatch(t):
        return str(int(t.split(".")[0]))
    return t


class Codes:
    """A parser for one list of allowed codes (plus aliases such as MHSDS numbers).

    >>> Codes(["face_to_face", "phone"])("Face to face")
    'face_to_face'
    """

    def __init__(self, allowed: Iterable[str], aliases: Mapping[str, str] | None = None, hint: str = ""):
        self.allowed = tuple(allowed)
        self.aliases = dict(aliases or {})
        self._map = {c: c for c in self.allowed}
        for alias, code in self.aliases.items():
            if code not in self._map:
                raise ValueError(f"alias {alias!r} points at unknown code {code!r}")
            self._map[norm_code(alias)] = code
        self.hint = hint
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        code = self._map.get(norm_code(text))
        if code is None:
            raise ValueProblem(f"unknown code (allowed: {', '.join(self.allowed)}{self.hint})")
        if len(self._cache) < 10_000:
            self._cache[text] = code
        return code


class CodeList:
    """A ``;``-separated list of codes (``,`` is accepted too); stored ``;``-separated."""

    def __init__(self, codes: Codes):
        self.codes = codes

    def __call__(self, text: str) -> str:
        out: list[str] = []
        for part in re.split(r"[;,|]", text):
            part = part.strip()
            if not part:
                continue
            try:
                code = self.codes(part)
            except ValueProblem:
                raise ValueProblem(
                    f"unknown code {part!r} in the list (allowed: {', '.join(self.codes.allowed)}; "
                    "separate several with ;)"
                ) from None
            if code not in out:
                out.append(code)
        return ";".join(out)


def id_list(text: str) -> str:
    """Free identifiers separated by ``;`` or ``,``: stored ``;``-separated."""
    parts = [p.strip() for p in re.split(r"[;,]", text)]
    return ";".join(p for p in parts if p)


# --------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------

_TIME = r"(?:[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_UK = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})" + _TIME.replace("[T ]+", "[T ,]+"))
_NAMED = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,\-]*(\d{4})" + _TIME.replace("[T ]+", "[T ,]+"))
_ZONE = re.compile(r".*\d(?:Z|[+-]\d{2}:?\d{2})")
_TWO_DIGIT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?:\D.*)?")

_MONTHS = MONTHS  # every spelling, lower case, to its number (evidencebot.text)

_DATE_CACHE: dict[tuple[str, str, str], str] = {}


def _ymd(y: str, m: str, d: str) -> str:
    key = (y, m, d)
    hit = _DATE_CACHE.get(key)
    if hit is not None:
        return hit
    yi, mi, di = int(y), int(m), int(d)
    if not MIN_YEAR <= yi <= MAX_YEAR:
        raise ValueProblem(f"bad date: year {yi} is outside {MIN_YEAR}-{MAX_YEAR}")
    if not 1 <= mi <= 12:
        raise ValueProblem(f"bad date: there is no month {mi} (dates are read day first: DD/MM/YYYY)")
    days = calendar.monthrange(yi, mi)[1]
    if not 1 <= di <= days:
        raise ValueProblem(
            f"bad date: day {di} does not exist ({calendar.month_name[mi]} {yi} has {days} days)"
        )
    out = f"{yi:04d}-{mi:02d}-{di:02d}"
    if len(_DATE_CACHE) < 50_000:
        _DATE_CACHE[key] = out
    return out


def _hms(h: str, m: str, s: str | None) -> str:
    hi, mi = int(h), int(m)
    si = int(s) if s else 0
    if hi > 23 or mi > 59 or si > 59:
        raise ValueProblem(f"bad time: {h}:{m}{':' + s if s else ''} does not exist (use 00:00-23:59)")
    if si:
        return f"{hi:02d}:{mi:02d}:{si:02d}"
    return f"{hi:02d}:{mi:02d}"


def _split_date_time(text: str) -> tuple[str, str | None]:
    """(``YYYY-MM-DD``, ``HH:MM[:SS]`` or None) for any accepted format."""
    m = _ISO.fullmatch(text)
    if m:
        date = _ymd(m.group(1), m.group(2), m.group(3))
        return date, (_hms(m.group(4), m.group(5), m.group(6)) if m.group(4) else None)
    m = _UK.fullmatch(text)
    if m:
        date = _ymd(m.group(4), m.group(3), m.group(1))
        return date, (_hms(m.group(5), m.group(6), m.group(7)) if m.group(5) else None)
    m = _NAMED.fullmatch(text)
    if m and m.group(2).lower() in _MONTHS:
        date = _ymd(m.group(3), str(_MONTHS[m.group(2).lower()]), m.group(1))
        return date, (_hms(m.group(4), m.group(5), m.group(6)) if m.group(4) else None)
    raise ValueProblem(_why_not_a_date(text))


def _why_not_a_date(text: str) -> str:
    if _ZONE.fullmatch(text):
        return "bad date: time-zone offsets are not accepted (give UK local time without Z or +01:00)"
    if _TWO_DIGIT_YEAR.fullmatch(text):
        return "bad date: use a four-digit year (DD/MM/YYYY)"
    if text.isdigit() and 4 <= len(text) <= 6:
        return (
            "bad date: looks like a spreadsheet serial number "
            "(format the column as a date before exporting)"
        )
    return f"bad date: expected {DATE_FORMATS_HELP}"


def parse_date(text: str) -> str:
    """A calendar date, stored ``YYYY-MM-DD``.

    A time of exactly midnight is accepted and dropped (spreadsheets export
    dates that way); any other time is a problem, so that no information is
    thrown away silently.
    """
    date, time = _split_date_time(text)
    if time is not None and time != "00:00":
        raise ValueProblem("bad date: expected a date without a time of day")
    return date


def parse_datetime(text: str) -> str:
    """A date or a date-time: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS]``."""
    date, time = _split_date_time(text)
    return date if time is None else f"{date}T{time}"


# --------------------------------------------------------------------------
# Booleans and numbers
# --------------------------------------------------------------------------

_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0"}


def parse_bool(text: str) -> int:
    """yes/no, true/false, y/n, 1/0 in any case: stored 1/0."""
    t = text.strip().lower()
    if t in _TRUE:
        return 1
    if t in _FALSE:
        return 0
    if t in ("1.0", "0.0"):
        return int(float(t))
    raise ValueProblem("not a yes/no value (use yes/no, true/false, y/n or 1/0)")


def _clean_number(text: str) -> str:
    return text.strip().replace("\u2212", "-").replace("\u2013", "-")


_INT = re.compile(r"[+-]?\d+(?:\.0*)?")


def integer(lo: int | None = None, hi: int | None = None):
    """A parser for whole numbers, optionally within ``lo``..``hi`` inclusive."""

    def parse(text: str) -> int:
        t = _clean_number(text)
        if not _INT.fullmatch(t):
            wanted = _range_text(lo, hi)
            raise ValueProblem(f"not a whole number ({wanted})" if wanted else "not a whole number")
        value = int(t.split(".")[0])
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise ValueProblem(f"out of range: should be {_range_text(lo, hi)}")
        return value

    return parse


def number(lo: float | None = None, hi: float | None = None, *, above: float | None = None):
    """A parser for finite decimal numbers within ``lo``..``hi`` (or strictly above ``above``)."""

    def parse(text: str) -> float:
        t = _clean_number(text)
        try:
            value = float(t)
        except ValueError:
            raise ValueProblem("not a number") from None
        if not math.isfinite(value) or "_" in t:
            raise ValueProblem("not a number")
        if above is not None and not value > above:
            raise ValueProblem(f"out of range: should be more than {_fmt(above)}")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise ValueProblem(f"out of range: should be {_range_text(lo, hi)}")
        return value

    return parse


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _range_text(lo, hi) -> str:
    if lo is not None and hi is not None:
        return f"from {_fmt(lo)} to {_fmt(hi)}"
    if lo is not None:
        return f"at least {_fmt(lo)}"
    if hi is not None:
        return f"at most {_fmt(hi)}"
    return ""


# --------------------------------------------------------------------------
# Outcome measures
# --------------------------------------------------------------------------

# canonical name -> (lowest score, highest score, whole numbers only)
INSTRUMENTS: dict[str, tuple[float, float, bool]] = {
    "PHQ-9": (0, 27, True),
    "GAD-7": (0, 21, True),
    "CORE-10": (0, 40, False),  # prorated when one item is missing
    "WEMWBS": (14, 70, True),
    "SWEMWBS": (7, 35, False),  # metric (Rasch-converted) scores have decimals
    "ReQoL-10": (0, 40, True),
    "DIALOG": (1, 7, False),  # mean item score
    "HoNOS": (0, 48, True),
}


def _instrument_key(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", text.lower())


_INSTRUMENT_KEYS = {_instrument_key(name): name for name in INSTRUMENTS}
_INSTRUMENT_KEYS["shortwemwbs"] = "SWEMWBS"


def canonical_instrument(text: str) -> str:
    """``"phq9"``, ``"PHQ 9"`` and ``"Phq-9"`` -> ``"PHQ-9"``."""
    name = _INSTRUMENT_KEYS.get(_instrument_key(text))
    if name is None:
        raise ValueProblem(f"unknown instrument (allowed: {', '.join(INSTRUMENTS)})")
    return name


def check_score(instrument: str, score: float) -> str | None:
    """None when ``score`` is possible for ``instrument``, else the reason."""
    lo, hi, whole = INSTRUMENTS[instrument]
    if not lo <= score <= hi:
        return f"out-of-range score: {instrument} scores run from {_fmt(lo)} to {_fmt(hi)}"
    if whole and not float(score).is_integer():
        return f"out-of-range score: {instrument} scores are whole numbers"
    return None


# --------------------------------------------------------------------------
# Spreadsheet cells
# --------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """The text of an XLSX cell as openpyxl returns it (numbers, dates, booleans)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.replace(microsecond=0, tzinfo=None).isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.time):
        return value.replace(microsecond=0).isoformat()
    return str(value)
