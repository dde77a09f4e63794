"""Reporting periods: months, calendar quarters, UK financial years and ranges.

Every period is a whole number of calendar months. :func:`parse_period` reads
what people type (case and spacing do not matter):

=====================  ==========================================  ============
form                   examples                                    kind
=====================  ==========================================  ============
month                  ``2026-03``, ``Mar 2026``, ``March 2026``   ``month``
calendar quarter       ``2026-Q1``, ``Q1 2026``                    ``quarter``
financial year         ``2025/26``, ``2025-26``, ``FY2025/26``     ``fy``
financial-year quarter ``2025/26 Q3``, ``Q3 2025/26``              ``fy_quarter``
range (inclusive)      ``2025-04..2026-03``, ``Apr 2025 to Mar     ``range``
                       2026``
relative               ``last 6 months``, ``last quarter`` ...     see below
=====================  ==========================================  ============

A UK financial year runs from 1 April to 31 March: ``2025/26`` is 1 April 2025
to 31 March 2026. Its quarters are Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec and
Q4 = Jan–Mar (of the second calendar year). The second year must be the year
after the first (``1999/00`` is fine, ``2025/27`` is an error).

``YYYY-NN`` is read as a month when NN is 01–12 and as a financial year only
when it cannot be a month (``2025-26``). So ``2011-12`` is December 2011; write
``2011/12`` for that financial year.

Relative forms are resolved against today, bounded by ``latest``, the date of
the latest data (:func:`relative_period`, the one rule every face uses: the chat,
``assemble review --period``, ``metrics``, the evidence checker). "Now" below is
today or the latest data, whichever is earlier; a unit is complete when it ended
before today and the data reach its last day. So, asked in December 2026 with
data to 30 September 2026, ``last quarter`` is July to September 2026 and ``this
quarter`` is July to September 2026 too (October to December has no data yet);
:func:`bound_note` says so whenever the data stop before what the words name.
Below, ``latest`` stands for that "now" (the latest data, or today when the data
run past it):

- ``this month``: the month containing ``latest`` (it may be incomplete).
- ``last month``: the last complete calendar month: the month of ``latest``
  when ``latest`` is its last day, else the month before.
- ``previous month``: the month before ``this month``, always (so it is never
  the same month as ``this month``).
- ``last N months`` / ``past N months``: the N months ending with the month of
  ``latest``, that month included (complete or current). Kind ``relative``.
- ``last year`` / ``past year`` / ``last 12 months``: the 12 months ending with
  the month of ``latest`` (a rolling year, not a calendar year). Kind ``relative``.
- ``this quarter``: the calendar quarter containing ``latest``.
- ``last quarter``: the last complete calendar quarter (the same months as the
  last complete financial-year quarter): the quarter of ``latest`` when
  ``latest`` is its last day and today is after it (data extracted on 30
  September cover July to September), else the quarter before.
- ``previous quarter``: the quarter before ``this quarter``, always.
- ``this financial year`` / ``this FY``: the financial year containing
  ``latest`` (1 April to 31 March, even if the data stop earlier).
- ``last financial year`` / ``last FY``: the last complete one (the financial
  year of ``latest`` when ``latest`` is 31 March).
- ``previous financial year`` / ``previous FY``: the one before ``this financial
  year``, always.

Periods and the data (:func:`cover`): a period that runs past the latest data
is *partial*: only its months with data are counted (complete months; the month
of ``latest`` too when no complete month is left), it is compared with the same
months a year earlier (:func:`year_earlier`), and every output says so. A
period that starts after the latest data is refused.

The words a request uses for a month span are read too (the same reading as the
chat's, :func:`evidencebot.mentions.find_period`): ``July to September 2026``,
``Jul-Sep 2026``, ``the quarter ending September 2026``, ``the year to March
2026`` (each a range of months).

Relative forms other than rolling windows resolve to the concrete period they
name (``last quarter`` on 2026-03-15 is the period ``2025-Q4`` of kind
``quarter``), so :meth:`Period.previous` works in that period's own style.
The documents, the board summary and the chat read periods through
:func:`evidencebot.compose.gather.read_period`, which says every quarter as
the financial-year quarter of the same months (:func:`as_financial`: ``2025/26
Q4``, described 'Jan-Mar 2026 (2025/26 Q4)'), so one document never mixes the
two labels; ``evidencebot metrics`` keeps the form typed.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from evidencebot.errors import InputError
from evidencebot.mentions import find_period
from evidencebot.text import MONTHS

ACCEPTED_FORMS = """\
Accepted periods (case and spacing do not matter):
  month               2026-03, Mar 2026, March 2026
  calendar quarter    2026-Q1, Q1 2026
  financial year      2025/26, 2025-26, FY2025/26   (1 April 2025 to 31 March 2026)
  financial quarter   2025/26 Q3, Q3 2025/26        (Q1 Apr-Jun ... Q4 Jan-Mar)
  range of months     2025-04..2026-03, Apr 2025 to Mar 2026, July to September 2026,
                      Jul-Sep 2026, the quarter ending September 2026, the year to March 2026
  relative to today, bounded by the latest data
                      this month, last month, last 6 months, last year (12 months),
                      this quarter, last quarter, this financial year, last financial year"""

KINDS = ("month", "quarter", "fy", "fy_quarter", "range", "relative")

_MONTH_NAMES = MONTHS  # every spelling, lower case, to its number (evidencebot.text)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months: add_months(2026, 1, -1) == (2025, 12)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> datetime.date:
    """The last day of a month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


_add_months = add_months  # older private names, still used by callers
_month_end = month_end


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


@dataclass(frozen=True)
class Period:
    """A reporting period of whole calendar months; ``end`` is inclusive."""

    label: str
    start: datetime.date
    end: datetime.date
    kind: str

    def __str__(self) -> str:
        return self.label

    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) in the period, in order."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = _add_months(year, month, 1)
        return result

    @property
    def n_months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def contains(self, d: datetime.date) -> bool:
        if isinstance(d, datetime.datetime):
            d = d.date()
        return self.start <= d <= self.end

    def previous(self) -> Period:
        """The period of the same length in months just before this one.

        Months, quarters, financial years and financial quarters keep their
        style (2025/26 Q1 -> 2024/25 Q4); ranges and rolling windows become a
        range of the same number of months.
        """
        if self.kind == "month":
            return month_period(*_add_months(self.start.year, self.start.month, -1))
        if self.kind == "quarter":
            year, month = _add_months(self.start.year, self.start.month, -3)
            return quarter_period(year, (month - 1) // 3 + 1)
        if self.kind == "fy":
            return fy_period(self.start.year - 1)
        if self.kind == "fy_quarter":
            year, month = _add_months(self.start.year, self.start.month, -3)
            fy_start = year if month >= 4 else year - 1
            return fy_quarter_period(fy_start, ((month - 4) % 12) // 3 + 1)
        n = self.n_months
        first = _add_months(self.start.year, self.start.month, -n)
        last = _add_months(self.start.year, self.start.month, -1)
        return range_period(first, last)

    def describe(self) -> str:
        """A longer label for prose: 'March 2026', 'Oct-Dec 2025 (2025/26 Q3)'."""
        first, last = self.start, self.end
        if self.kind == "month":
            return f"{calendar.month_name[first.month]} {first.year}"
        span = (
            f"{calendar.month_abbr[first.month]}-{calendar.month_abbr[last.month]} {last.year}"
            if first.year == last.year
            else f"{calendar.month_abbr[first.month]} {first.year} to "
            f"{calendar.month_abbr[last.month]} {last.year}"
        )
        if self.kind in ("range", "relative"):
            return span
        return f"{span} ({self.label})"


# ---------------------------------------------------------------- constructors


def month_period(year: int, month: int) -> Period:
    if not 1 <= month <= 12:
        raise InputError(f"month {month} is not 1-12")
    return Period(_ym(year, month), datetime.date(year, month, 1), _month_end(year, month), "month")


def quarter_period(year: int, quarter: int) -> Period:
    """Calendar quarter: Q1 = Jan-Mar ... Q4 = Oct-Dec."""
    if not 1 <= quarter <= 4:
        raise InputError(f"quarter Q{quarter} is not Q1-Q4")
    first = 3 * (quarter - 1) + 1
    return Period(
        f"{year:04d}-Q{quarter}",
        datetime.date(year, first, 1),
        _month_end(year, first + 2),
        "quarter",
    )


def fy_period(start_year: int) -> Period:
    """UK financial year starting 1 April of ``start_year``."""
    return Period(
        _fy_label(start_year),
        datetime.date(start_year, 4, 1),
        datetime.date(start_year + 1, 3, 31),
        "fy",
    )


def fy_quarter_period(start_year: int, quarter: int) -> Period:
    """Quarter of the financial year starting in April ``start_year`` (Q1 = Apr-Jun)."""
    if not 1 <= quarter <= 4:
        raise InputError(f"quarter Q{quarter} is not Q1-Q4")
    year, month = _add_months(start_year, 4, 3 * (quarter - 1))
    end_year, end_month = _add_months(year, month, 2)
    return Period(
        f"{_fy_label(start_year)} Q{quarter}",
        datetime.date(year, month, 1),
        _month_end(end_year, end_month),
        "fy_quarter",
    )


def is_quarter(period: Period) -> bool:
    """True when ``period`` is exactly the months of one quarter (Jan-Mar, Apr-Jun, Jul-Sep or Oct-Dec)."""
    return period.n_months == 3 and period.start.month in (1, 4, 7, 10)


def financial_quarter(period: Period) -> Period:
    """The financial-year quarter with the months of the calendar quarter ``period`` (2026-Q3 -> 2026/27 Q2)."""
    year, month = period.start.year, period.start.month
    return fy_quarter_period(year if month >= 4 else year - 1, ((month - 4) % 12) // 3 + 1)


def as_financial(period: Period) -> Period:
    """``period`` with its quarter said the way our documents say quarters: months that make exactly one
    quarter (a calendar quarter such as ``last quarter`` or ``2026-Q3``, or a range such as ``Jul-Sep
    2026``) become that financial-year quarter (described 'Jul-Sep 2026 (2026/27 Q2)'); anything else is
    returned as it is."""
    if period.kind in ("quarter", "range") and is_quarter(period):
        return financial_quarter(period)
    return period


def range_period(first: tuple[int, int], last: tuple[int, int], *, kind: str = "range",
                 label: str | None = None) -> Period:
    """Months ``first`` to ``last`` inclusive, each a (year, month) pair."""
    if first > last:
        raise InputError(
            f"the range {_ym(*first)}..{_ym(*last)} starts after it ends "
            "(write the earlier month first)"
        )
    return Period(
        label or f"{_ym(*first)}..{_ym(*last)}",
        datetime.date(first[0], first[1], 1),
        _month_end(*last),
        kind,
    )


# ---------------------------------------------------------------- parsing


def financial_years(period: Period) -> str:
    """The financial year(s) a period falls in, as a plan or a contract names them: '2026/27', or
    '2025/26 and 2026/27' for a period that crosses 1 April."""
    first, last = (d.year if d.month >= 4 else d.year - 1 for d in (period.start, period.end))
    return _fy_label(first) if first == last else " and ".join(_fy_label(y) for y in range(first, last + 1))


def _bad(text: str, why: str = "") -> InputError:
    reason = f" ({why})" if why else ""
    return InputError(f"'{text}' is not a period I understand{reason}.\n{ACCEPTED_FORMS}")


def _fy_start(first: str, second: str, original: str) -> int:
    start = int(first)
    expected = (start + 1) % 100 if len(second) == 2 else start + 1
    if int(second) != expected:
        raise _bad(
            original,
            f"a financial year's second year must follow the first, e.g. {_fy_label(start)}",
        )
    return start


_RE_MONTH = re.compile(r"^(\d{4})\s*-\s*(\d{1,2})$")
_RE_MONTH_NAME = re.compile(r"^([a-z]+)\.?\s*[-\s]?\s*(\d{4})$")
_RE_QUARTER = re.compile(r"^(\d{4})\s*-?\s*q(\d)$")
_RE_QUARTER_FIRST = re.compile(r"^q(\d)\s*-?\s*(\d{4})$")
_FY = r"(fy\s*)?(\d{4})\s*([/-])\s*(\d{4}|\d{2})"
_RE_FY = re.compile(rf"^{_FY}$")
_RE_FY_QUARTER = re.compile(rf"^{_FY}\s*[-,]?\s*q(\d)$")
_RE_FY_QUARTER_FIRST = re.compile(rf"^q(\d)\s*[-,]?\s*{_FY}$")
_RE_LAST_N = re.compile(r"^(?:the\s+)?(?:last|past|previous)\s+(\d+)\s+months?$")
_RE_RANGE = re.compile(r"^(.+?)\s*(?:\.\.|\bto\b)\s*(.+)$")


def _parse_fixed(text: str, original: str) -> Period | None:
    """Every non-relative, non-range form; None when nothing matches."""
    m = _RE_MONTH.match(text)
    if m:
        year, number = int(m.group(1)), int(m.group(2))
        if 1 <= number <= 12:
            return month_period(year, number)
        if len(m.group(2)) == 2 and number == (year + 1) % 100:
            return fy_period(year)
        raise _bad(original, f"month {m.group(2)} is not 01-12")
    m = _RE_MONTH_NAME.match(text)
    if m and m.group(1) in _MONTH_NAMES:
        return month_period(int(m.group(2)), _MONTH_NAMES[m.group(1)])
    for pattern, q_group, y_group in ((_RE_QUARTER, 2, 1), (_RE_QUARTER_FIRST, 1, 2)):
        m = pattern.match(text)
        if m:
            quarter = int(m.group(q_group))
            if not 1 <= quarter <= 4:
                raise _bad(original, f"quarter Q{quarter} is not Q1-Q4")
            return quarter_period(int(m.group(y_group)), quarter)
    m = _RE_FY.match(text)
    if m:
        return fy_period(_fy_start(m.group(2), m.group(4), original))
    for pattern, q_index, fy_offset in ((_RE_FY_QUARTER, 5, 0), (_RE_FY_QUARTER_FIRST, 1, 1)):
        m = pattern.match(text)
        if m:
            groups = m.groups()
            quarter = int(groups[q_index - 1])
            first, second = groups[fy_offset + 1], groups[fy_offset + 3]
            start = _fy_start(first, second, original)
            if not 1 <= quarter <= 4:
                raise _bad(original, f"quarter Q{quarter} is not Q1-Q4")
            return fy_quarter_period(start, quarter)
    return None


RELATIVE_WORDS = (
    "this month", "last month", "previous month", "the last month",
    "this quarter", "last quarter", "previous quarter", "the last quarter",
    "last year", "past year", "the last year", "the past year",
    "this financial year", "this fy", "current financial year",
    "last financial year", "last fy", "previous financial year", "previous fy",
)
_ROLLING_YEAR = {"last year", "past year", "the last year", "the past year"}


def today() -> datetime.date:
    """Today's date, as relative periods count it (one place, so a test can set it)."""
    return datetime.date.today()


def _as_date(d):
    return d.date() if isinstance(d, datetime.datetime) else d


def _is_relative(text: str) -> bool:
    return bool(_RE_LAST_N.match(text)) or text in RELATIVE_WORDS


def _relative(text: str, latest: datetime.date | None, original: str,
              now: datetime.date | None = None) -> Period | None:
    """A relative form resolved on the day ``now`` (default: today), bounded by the data's ``latest`` date."""
    if not _is_relative(text):
        return None
    if latest is None:
        raise InputError(
            f"'{original}' is relative, so it needs the date of the latest data "
            "(none was given); or name the period, e.g. 2026-03, 2025/26 Q3, 2025-04..2026-03"
        )
    now = _as_date(now) or today()
    latest = _as_date(latest)
    # "this X" is the X holding today, or the latest data when they stop earlier; "last X" the last X that
    # ended before today and whose last day the data reach
    return _relative_at(text, original, min(now, latest), min(now - datetime.timedelta(days=1), latest))


def _relative_at(text: str, original: str, current: datetime.date, done: datetime.date) -> Period:
    """The relative form ``text`` when ``current`` is the day it is 'this' of and ``done`` the last day
    that is over (and counted)."""
    m = _RE_LAST_N.match(text)
    year, month = current.year, current.month
    if m or text in _ROLLING_YEAR:
        n = int(m.group(1)) if m else 12
        if n < 1:
            raise _bad(original, "the number of months must be at least 1")
        if n > 1200:
            raise _bad(original, "that is more than 100 years")
        first = _add_months(year, month, -(n - 1))
        word = "month" if n == 1 else "months"
        return range_period(
            first,
            (year, month),
            kind="relative",
            label=f"last {n} {word} ({_ym(*first)}..{_ym(year, month)})",
        )
    if text == "this month":
        return month_period(year, month)
    if text.startswith("previous"):  # the one before "this ...", never the same
        if text.endswith("month"):
            return month_period(year, month).previous()
        if text.endswith("quarter"):
            return quarter_period(year, (month - 1) // 3 + 1).previous()
        return fy_period((year if month >= 4 else year - 1) - 1)
    if text == "this quarter":
        return quarter_period(year, (month - 1) // 3 + 1)
    if text.startswith(("this", "current")):
        return fy_period(year if month >= 4 else year - 1)
    # "last X" is the last complete X: the X of ``done`` when ``done`` is its final day, else the one before
    if text.endswith("month"):
        unit = month_period(done.year, done.month)
    elif text.endswith("quarter"):
        unit = quarter_period(done.year, (done.month - 1) // 3 + 1)
    else:
        unit = fy_period(done.year if done.month >= 4 else done.year - 1)
    return unit if done == unit.end else unit.previous()


def relative_period(text: str, *, latest: datetime.date | None, now: datetime.date | None = None) -> Period | None:
    """The period a relative form ("last quarter", "this financial year", "last 6 months") names on the day
    ``now`` (default: today), bounded by the data's ``latest`` date; None when ``text`` is not relative.
    :func:`parse_period` reads every relative form through this."""
    return _relative(" ".join(str(text or "").lower().split()), latest, str(text or "").strip(), now)


def bound_note(text: str | None, period: Period, *, latest: datetime.date | None,
               now: datetime.date | None = None) -> str:
    """A sentence for the reader when the data stop before what relative words name: 'Asked today, “last
    quarter” is Jul-Sep 2026 (2026/27 Q2); the data stop on 28 September 2026, so the figures are for Apr-Jun
    2026 (2026/27 Q1).' Quarters are said as financial-year quarters (:func:`as_financial`).
    '' when ``text`` is not relative or the data reach the period the words name."""
    norm = " ".join(str(text or "").lower().split())
    if latest is None or not _is_relative(norm):
        return ""
    now, latest = _as_date(now) or today(), _as_date(latest)
    named = _relative_at(norm, str(text).strip(), now, now - datetime.timedelta(days=1))
    if (named.start, named.end) == (period.start, period.end) or latest >= named.end:
        return ""
    return (f"Asked today, “{' '.join(str(text).split())}” is {as_financial(named).describe()}; the data stop "
            f"on {latest.day} {calendar.month_name[latest.month]} {latest.year}, so the figures are for "
            f"{as_financial(period).describe()}.")


def parse_period(text: str, *, latest: datetime.date | None = None, now: datetime.date | None = None) -> Period:
    """Read a period as typed by a person; see the module docstring for the forms.

    ``latest`` is the date of the latest data; relative forms ("last 6 months")
    need it, and count from ``now`` (default: today) bounded by it
    (:func:`relative_period`). Anything unreadable raises :class:`InputError`
    listing the forms.
    """
    try:
        return _parse_period(text, latest=latest, now=now)
    except (ValueError, OverflowError):  # a date the calendar cannot hold: 9999/00, 0000-01
        raise _bad(str(text).strip(), "its dates fall outside the years 0001 to 9998") from None


def _request_words(original: str, norm: str) -> str | None:
    """The period as the chat reads it from a request (:func:`evidencebot.mentions.find_period`) when those
    words are the whole text and read differently ('July to September 2026' -> 'July 2026 to September
    2026'); else None."""
    found, span = find_period(original)
    if not found or span is None:
        return None
    rest = (original[:span[0]] + original[span[1]:]).strip(" .?!,").lower()
    if rest not in ("", "the", "in", "for", "during", "over"):
        return None
    found = " ".join(found.lower().split())
    return found if found != norm else None


def _parse_period(text: str, *, latest: datetime.date | None = None, now: datetime.date | None = None,
                  reread: bool = True) -> Period:
    if not isinstance(text, str) or not text.strip():
        raise _bad(str(text or ""), "it is empty")
    original = text.strip()
    norm = re.sub(r"\s+", " ", original.lower())
    relative = _relative(norm, latest, original, now)
    if relative is not None:
        return relative
    if reread:
        words = _request_words(original, norm)
        if words is not None:
            try:
                return _parse_period(words, latest=latest, now=now, reread=False)
            except InputError:
                pass  # said below in the words as typed
    m = _RE_RANGE.match(norm)
    if m:
        ends = []
        for part in (m.group(1), m.group(2)):
            period = _parse_fixed(part.strip(), original)
            if period is None:
                raise _bad(original, f"'{part.strip()}' is not a month, quarter or year")
            ends.append(period)
        return range_period(
            (ends[0].start.year, ends[0].start.month), (ends[1].end.year, ends[1].end.month)
        )
    period = _parse_fixed(norm, original)
    if period is not None:
        return period
    if re.fullmatch(r"(fy\s*)?\d{4}", norm):
        year = int(norm[-4:])
        raise _bad(
            original,
            f"say which year: calendar {year}-01..{year}-12, or financial year "
            f"{_fy_label(year)} (or {_fy_label(year - 1)})",
        )
    raise _bad(original)


# ---------------------------------------------------------------- periods and the data


@dataclass(frozen=True)
class Coverage:
    """How much of a period the data cover.

    ``covered`` has the asked period's label and kind, but ends with the last
    month counted; ``partial`` is True when that is before the period's end.
    """

    asked: Period
    covered: Period
    partial: bool
    latest: datetime.date | None
    complete_last_month: bool = True
    """False when the last month counted is itself incomplete (no complete month was left)."""

    @property
    def months_covered(self) -> int:
        return self.covered.n_months

    @property
    def months_in_period(self) -> int:
        return self.asked.n_months

    def span_text(self) -> str:
        """'Apr-Sep 2026' for the months counted."""
        return range_period((self.covered.start.year, self.covered.start.month),
                            (self.covered.end.year, self.covered.end.month)).describe()

    def text(self) -> str:
        """'Apr-Sep 2026, to date: 6 of 12 months' ('' for a complete period)."""
        if not self.partial:
            return ""
        if not self.complete_last_month:
            return (f"{self.span_text()}, to date: data to {self.latest.day} "
                    f"{calendar.month_name[self.latest.month]} {self.latest.year} only")
        return f"{self.span_text()}, to date: {self.months_covered} of {self.months_in_period} months"

    def to_dict(self) -> dict:
        return {
            "partial": self.partial,
            "months_covered": self.months_covered,
            "months_in_period": self.months_in_period,
            "first_month": _ym(self.covered.start.year, self.covered.start.month),
            "last_month": _ym(self.covered.end.year, self.covered.end.month),
            "complete_last_month": self.complete_last_month,
            "text": self.text(),
        }


def cover(period: Period, latest: datetime.date | None) -> Coverage:
    """The part of ``period`` that the data reach (see the module docstring).

    Raises :class:`InputError` when the period starts after ``latest``.
    """
    if isinstance(latest, datetime.datetime):
        latest = latest.date()
    if latest is None or period.end <= latest:
        return Coverage(period, period, False, latest)
    if period.start > latest:
        raise InputError(
            f"{period.label} starts after the latest data ({latest.isoformat()}): there is nothing "
            f"to report for it; choose a period up to {_ym(latest.year, latest.month)}"
        )
    last = (latest.year, latest.month)
    complete = latest == _month_end(*last)
    if not complete:
        before = _add_months(*last, -1)
        if before >= (period.start.year, period.start.month):
            last, complete = before, True
    end = _month_end(*last)
    return Coverage(period, Period(period.label, period.start, end, period.kind), True, latest, complete)


def year_earlier(period: Period) -> Period:
    """The same months one year earlier, as a range ('2025-04..2025-09')."""
    first = (period.start.year - 1, period.start.month)
    last = (period.end.year - 1, period.end.month)
    return range_period(first, last)


def clip_months(period: Period, months: int) -> Period:
    """The first ``months`` months of ``period`` (the period itself when it is no longer)."""
    if period.n_months <= months:
        return period
    last = _add_months(period.start.year, period.start.month, months - 1)
    return range_period((period.start.year, period.start.month), last)
