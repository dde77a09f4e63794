"""Importing CSV and XLSX exports (and Markdown stories) into the database.

The one entry point is :func:`import_file`; the command line
(``evidencebot import``) and the terminal app both call it and print the
:class:`ImportReport` it returns. The column contracts are the ``TABLES``
below and are documented for users in ``docs/import.md``.

How an import runs:

* the file is read lazily (``csv`` module, or openpyxl in read-only mode), so
  memory does not grow with the file; only the set of keys seen so far is kept
  (to report duplicates) plus the ids of the people and goals rows may point at;
* every row is validated; each problem becomes a :class:`RowProblem` naming
  file, row (as a spreadsheet shows it: the header is row 1), column, value and
  reason;
* valid rows are written in batches with ``executemany`` of an
  ``INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE <something changed>``, so
  importing the same file twice changes nothing;
* everything happens in ONE transaction: if the process dies half way, SQLite
  rolls it back and the database is as it was;
* all-or-nothing by default: after the first bad row nothing more is written,
  the rest is still checked so that every problem is reported, and the
  transaction is rolled back. With ``partial=True`` the valid rows are
  committed and the rejected ones are written to a CSV with a ``reason`` column.

File-level problems (unknown table, unreadable file, not UTF-8, missing
required columns) raise :class:`~evidencebot.errors.InputError`.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from sqlite_utils import Database

from evidencebot.errors import InputError
from evidencebot.inputs import MB, check_input, limit_bytes
from evidencebot.outputs import AtomicOutput, check_output
from evidencebot.store import declare
from evidencebot.store import values as V
from evidencebot.store.audit import record
from evidencebot.store.backup import main_file
from evidencebot.store.stories import SECTIONS as STORY_HEADINGS
from evidencebot.store.stories import read_story_file, story_record
from evidencebot.store.workflow import imported_approval_problem

BATCH_ROWS = 5_000
PROBLEMS_KEPT = 1_000  # RowProblems kept in the report; all are counted and written to the rejects file
IMPORT_CACHE_KIB = 32_768  # SQLite page cache while importing (KiB)

Progress = Callable[[int, int], None]
"""``progress(done, total)``: bytes for CSV files, rows for XLSX, files for story folders."""

# One problem found in a row, before it gets its file and row number.
Problem = tuple[str, str, str]  # (column, value as written, reason)


# --------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------


@dataclass
class RowProblem:
    file: str
    row: int | None  # spreadsheet row (header = 1); None for a Markdown story file
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file} row {self.row}"
        value = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        shown = f"{value!r}" if self.value else "(empty)"
        return f"{_one_line(where, 300)}, column {self.column}: {shown}: {_one_line(self.reason, 300)}"


@dataclass
class ImportReport:
    table: str
    path: str
    partial: bool = False
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    """The first :data:`PROBLEMS_KEPT` problems (``problem_count`` counts them all)."""
    rejected_rows: int = 0
    problem_count: int = 0
    rejects_path: str | None = None
    warnings: list[str] = field(default_factory=list)
    committed: bool = False
    downgraded: int = 0
    """Stories marked approved that were imported as submitted (approver missing, or not a second person)."""

    @property
    def ok(self) -> bool:
        return self.rejected_rows == 0

    @property
    def valid_rows(self) -> int:
        return self.rows_read - self.rejected_rows

    def add_problem(self, problem: RowProblem) -> None:
        self.problem_count += 1
        if len(self.rejected) < PROBLEMS_KEPT:
            self.rejected.append(problem)

    def summary(self) -> str:
        """One line saying what happened."""
        name = Path(self.path).name
        counts = f"{self.inserted:,} inserted, {self.updated:,} updated, {self.unchanged:,} unchanged"
        read = _n(self.rows_read, "row")
        if self.committed and self.ok:
            return f"{name} -> {self.table}: {read} read; {counts}"
        if self.committed:
            where = f" (written to {self.rejects_path})" if self.rejects_path else ""
            return f"{name} -> {self.table}: {read} read; {counts}; {self.rejected_rows:,} rejected{where}"
        return (
            f"{name}: nothing imported: {self.rejected_rows:,} of {read} "
            f"{'has' if self.rows_read == 1 else 'have'} problems "
            f"(fix them, or use --partial to import the {_n(self.valid_rows, 'valid row')})"
        )


def _one_line(text: object, limit: int = 80) -> str:
    """Text for a one-line message: whitespace and control characters collapsed, shortened."""
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 3] + "..."


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


# --------------------------------------------------------------------------
# Column contracts
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], object] | None = None  # None: free text, kept as written (trimmed)
    required: bool = False
    default: object = None  # stored when the column is present but the cell is blank


Check = Callable[[dict], "list[Problem] | None"]


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    refs: tuple[tuple[str, str, str], ...] = ()  # (column, table, what) that must already exist
    checks: tuple[Check, ...] = ()
    header_aliases: Mapping[str, str] = field(default_factory=dict)
    header_required: tuple[str, ...] = ()  # columns that must be present even if cells may be blank
    keyed_by_index: bool = True  # False: no unique index on the key, matched by lookup

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required or c.name in self.header_required)


def _order(earlier: str, later: str) -> Check:
    """``later`` must not be before ``earlier`` (dates compared by day)."""

    def check(rec: dict):
        a, b = rec.get(earlier), rec.get(later)
        if a is None or b is None:
            return None
        if b[:10] < a[:10] or (len(a) > 10 and len(b) > 10 and b < a):
            return [(later, b, f"date order: {later} {b} is before {earlier} {a}")]
        return None

    return check


def _score_in_range(rec: dict):
    instrument, score = rec.get("instrument"), rec.get("score")
    if instrument is None or score is None:
        return None
    reason = V.check_score(instrument, score)
    return [("score", V.cell_text(score), reason)] if reason else None


def _codes(table: str, hint: str = "") -> V.Codes:
    """A :class:`~evidencebot.store.values.Codes` from one line (or ``|``-separated part) per allowed code, in
    order: the code, then the other names it is written as (read as codes are: any case, a space or hyphen as
    ``_``); ``#`` starts a comment."""
    allowed: list[str] = []
    aliases: dict[str, str] = {}
    for line in re.split(r"[\n|]", table):
        words = shlex.split(line, comments=True)
        if words:
            allowed.append(words[0])
            aliases.update(dict.fromkeys(words[1:], words[0]))
    return V.Codes(allowed, aliases, hint=hint)


# MHSDS AttendOrDNACode (metrics.md 5.2): 6 arrived late but was seen, so counts as attended; 7 arrived
# late and could not be seen: the person was not seen, not the service's doing.
ATTENDANCE = _codes("""
    attended  5
    dna  3  7  did_not_attend  arrived_late_not_seen
    cancelled_by_person  2  cancelled_by_patient  cancelled_by_client  patient_cancelled
    cancelled_by_service  4  cancelled_by_provider  provider_cancelled  service_cancelled
    late  6  attended_late  arrived_late_but_seen
""", hint="; or MHSDS AttendOrDNACode 2-7")
KINDS = _codes("planned | unplanned | crisis | step_up stepup | review")
MODES = _codes("""
    face_to_face  f2f  in_person  face2face
    phone  telephone  tel
    video  video_call  videocall
    text  sms  text_message
    other
""")
TRIGGERS = _codes("""
    sleep
    housing
    benefits  benefit
    relationship  relationships
    medication  medicines
    substance  substances  substance_use  alcohol  drugs
    other
""")
ESCALATION_OUTCOMES = _codes("resolved | stepped_up | crisis_referral | admitted | other")
SETTINGS = _codes("""
    a_and_e  ae  a_e  accident_and_emergency  emergency_department  ed
    crisis_team  crisis_resolution_team  crisis_resolution_home_treatment  crht
    police_s136  s136  section_136
    ambulance
    crisis_line  helpline
    crisis_house
    other
""")
DISCHARGE_TYPES = _codes("planned | unplanned self_discharge | transfer transferred | death died")
INCIDENT_TYPES = _codes("incident | near_miss nearmiss | complaint | compliment")
PARTNERS = _codes("""
    gp  general_practice
    cmht  community_mental_health_team
    crisis_team  crht
    housing
    police
    social_care  adult_social_care
    voluntary  voluntary_sector  vcse  third_sector
    other
""")

TARGET_COMPARISONS = _codes("""
    >=  at_least  =>
    >  more_than
    <=  at_most  =<
    <  less_than
""")

PERSON = ("person_id", "people", "person")

PARSERS: dict[str, Callable[[str], object]] = {
    "date": V.parse_date,
    "datetime": V.parse_datetime,
    "bool": V.parse_bool,
    "number": V.number(),
    "amount": V.number(lo=0),
    "weight": V.number(above=0),
    "count": V.integer(lo=0),
    "level": V.integer(1, 4),  # an escalation's level
    "goal_level": V.integer(-2, 2),
    "ids": V.id_list,
    "instrument": V.canonical_instrument,
    "kind": KINDS,
    "mode": MODES,
    "attendance": ATTENDANCE,
    "triggers": V.CodeList(TRIGGERS),
    "escalation_outcome": ESCALATION_OUTCOMES,
    "setting": SETTINGS,
    "discharge_type": DISCHARGE_TYPES,
    "incident_type": INCIDENT_TYPES,
    "partner": PARTNERS,
    "comparison": TARGET_COMPARISONS,
}
"""The parsers a column declaration names (``when:date``); a column without one is free text."""

TABLES: dict[str, TableSpec] = {}


def _table(name: str, columns: str, **options: Any) -> None:
    """Register table ``name``'s import contract: ``columns`` declared as in ``store.declare``
    (``name[:parser][*][!][=default]``: the parser named in ``PARSERS``, ``*`` the key in column order,
    ``!`` required, the default written as a cell and read by the column's parser); ``options`` are the
    rest of its :class:`TableSpec`."""
    declared = declare.columns(columns, name)
    found: list[Column] = []
    for column in declared:
        parse = PARSERS[column.type] if column.type else None
        default = column.default if parse is None or column.default is None else parse(column.default)
        found.append(Column(column.name, parse, required=column.required, default=default))
    key = tuple(column.name for column in declared if column.key)
    TABLES[name] = TableSpec(name, tuple(found), key=key, **options)


_table("people", """
    person_id*!  service  referral_date:date!  discharge_date:date  age_band
    baseline_escalations_per_month:amount  housing_status
""", checks=(_order("referral_date", "discharge_date"),))
_table(
    "contacts",
    "contact_id*!  person_id!  contact_at:datetime!  kind:kind!  mode:mode  attendance:attendance!",
    refs=(PERSON,),
    header_aliases={"attendordnacode": "attendance", "attend_or_dna_code": "attendance",
                    "attendstatus": "attendance", "attend_status": "attendance"},
)
_table("escalations", """
    escalation_id*!  person_id!  raised_at:datetime!  level:level!  triggers:triggers  warning_signs
    action_taken  rationale  reviewed_at:datetime  outcome:escalation_outcome
""", refs=(PERSON,), checks=(_order("raised_at", "reviewed_at"),))
_table("crisis_events", "event_id*!  person_id!  started_on:date!  setting:setting!  ended_on:date",
       refs=(PERSON,), checks=(_order("started_on", "ended_on"),))
_table("admissions", """
    spell_id*!  person_id!  admitted_on:date!  discharged_on:date  discharge_type:discharge_type
    first_followup_at:datetime  housing_confirmed:bool  engaged_within_14_days:bool  handover_complete:bool
""", refs=(PERSON,), checks=(_order("admitted_on", "discharged_on"), _order("discharged_on", "first_followup_at")))
_table("crisis_plans", "person_id*!  created_on:date*!  reviewed_on:date  easy_read:bool",
       refs=(PERSON,), checks=(_order("created_on", "reviewed_on"),))
_table("goals", """
    goal_id*!  person_id!  domain!  description  set_on:date!  baseline_level:goal_level=-1  weight:weight=1.0
""", refs=(PERSON,))
_table("goal_reviews", "goal_id*!  reviewed_on:date*!  level:goal_level!", refs=(("goal_id", "goals", "goal"),))
_table("measures", "person_id*!  instrument:instrument*!  measured_on:date*!  score:number!",
       refs=(PERSON,), checks=(_score_in_range,))
_table("safeguarding", """
    concern_id*!  person_id  concern_on:date!  referred_on:date  multi_agency_plan:bool  outcome
""", refs=(PERSON,), checks=(_order("concern_on", "referred_on"),))
_table("incidents", """
    incident_id*!  occurred_on:date!  type:incident_type!  severity  summary  learning  action  owner
    due_on:date  closed_on:date
""", checks=(_order("occurred_on", "closed_on"),))
_table("partner_comms", "comm_id*!  sent_on:date!  partner:partner!  person_id  purpose  days_to_send:count",
       refs=(PERSON,))
_table("service_changes", "changed_on:date*!  title*!  description  indicators:ids", keyed_by_index=False)
_table("targets", "indicator_id*!  target:number!  set_on:date  source  comparison:comparison")

# Contract-review inputs the service records do not hold (migration m011).
# measure codes are free text; the review names the ones it knows.
_table("activity_plan", "period*!  measure*!  planned:amount!  source")
_table("workforce", "period*!  measure*!  value:amount!  note")
_table("requests", "request_id*!  raised_on:date!  request!  background  owner  status")

# Stories: a CSV/XLSX with the front-matter fields and the four sections, or
# Markdown files read by evidencebot.store.stories.
STORY_SECTIONS = ("context", "support_approach", "delivery", "evidence")
STORY_DATES = {"consent_date": V.parse_date, "story_date": V.parse_date, "approved_at": V.parse_datetime}
_table(
    "stories",
    "story_id*!  title!  person_id  domains  goal_ids  consent  consent_date  author  approved_by  approved_at"
    "  status  story_date  " + "  ".join(STORY_SECTIONS),
    refs=(PERSON,),
    header_aliases={
        "id": "story_id",
        "date": "story_date",
        "goals": "goal_ids",
        "approach": "support_approach",
        "day_to_day_delivery": "delivery",
        "day_to_day_delivery_detail": "delivery",
        "how_change_is_evidenced": "evidence",
    },
    header_required=STORY_SECTIONS,
)
STORY_COLUMNS = (
    "story_id", "title", "person_id", "domains", "goal_ids", "consent", "consent_date", "author",
    "approved_by", "approved_at", "status", "story_date", *STORY_SECTIONS, "source", "submitted_by",
    "approved_elsewhere_by", "approved_elsewhere_at",
)
APPROVAL_WARNINGS_SHOWN = 20
"""Stories imported as submitted instead of approved: how many are named one by one in the warnings."""


def _story_approval(record: dict, on_record: str | None, existing: tuple | None = None) -> tuple[str, str, str] | None:
    """Apply the four-eyes rule to an imported story (changes ``record``).

    A story marked approved keeps its approval only when an approver is named
    who is neither its author nor the person on record as having submitted it
    (:func:`evidencebot.store.workflow.imported_approval_problem`, the rule
    ``approve_story`` applies). Otherwise it is imported as **submitted**,
    its approval cleared, and a problem ``(column, value, reason)`` is
    returned for the warning. ``submitted_by`` is the author (else the
    submitter on record) for submitted and approved stories, so a later
    approval in the app is refused to that person too.
    """
    found = None
    status = record.get("status") or "draft"
    submitter = record.get("author") or on_record
    if status == "approved":
        why = imported_approval_problem(record.get("approved_by"), author=record.get("author"),
                                        submitted_by=on_record)
        if why:
            column = "approved_by" if record.get("approved_by") else "status"
            value = record.get("approved_by") or "approved"
            found = (column, value, f"{why}; imported as submitted, for a colleague to approve")
            record.update(status="submitted", approved_by=None, approved_at=None)
            status = "submitted"
        else:
            # Two different people *recorded by this app*: an approval named in a file
            # is kept as "approved elsewhere by NAME" and the story waits, submitted,
            # until someone other than the author confirms it here (approve_story).
            name = str(record.get("approved_by")).strip()
            elsewhere_at = record.get("approved_at")
            if existing and existing[1] == "approved" and existing[2] and existing[3] == name:
                # confirmed here already: a re-import of the same file keeps that approval
                record.update(approved_by=existing[2], approved_at=existing[4], approved_elsewhere_by=name,
                              approved_elsewhere_at=existing[5] or elsewhere_at)
            else:
                record.update(status="submitted", approved_by=None, approved_at=None,
                              approved_elsewhere_by=name, approved_elsewhere_at=elsewhere_at)
                status = "submitted"
                found = ("approved_by", name, f"approved elsewhere by {name}: not exportable until a colleague "
                         "other than the author confirms it here ('evidencebot stories approve')")
    record["submitted_by"] = submitter if status in ("submitted", "approved") else None
    return found


def table_names() -> list[str]:
    return list(TABLES)


def get_spec(table: str) -> TableSpec:
    spec = TABLES.get(V.norm_header(table))
    if spec is None:
        raise InputError(f"unknown table {table!r} (known: {', '.join(TABLES)})")
    return spec


# --------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------


class _Source:
    """Rows of a CSV or XLSX file: the header and then (row number, cells)."""

    label: str
    header: list[str]
    total: int = 0

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        raise NotImplementedError

    def position(self) -> int:
        return 0

    def close(self) -> None:
        pass


MAX_RECORD_LINES = 200
"""A CSV record may span at most this many lines (a quoted cell with line breaks)."""


class _CsvSource(_Source):
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)
        try:
            self.total = path.stat().st_size
            raw = open(path, "rb", buffering=1 << 20)
        except OSError as exc:
            raise InputError(f"{path}: cannot read this file ({exc.strerror or exc})") from None
        try:
            head = raw.read(4)
            if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
                raise InputError(
                    f"{path}: this is UTF-16 text, not UTF-8: save it as 'CSV UTF-8 (comma delimited)'"
                )
            raw.seek(0)
            self.text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            try:
                first = self.text.readline()
            except UnicodeDecodeError:
                raise self._not_utf8() from None
            if not first.strip():
                what = "the first line is blank" if self.total > len(first.encode()) else "the file is empty"
                raise InputError(f"{path}: {what} (expected the header row first)")
            delimiter = _sniff_delimiter(first, path)
            self.text.seek(0)
            self.reader = csv.reader(self.text, delimiter=delimiter, strict=True)
            try:
                self.header = next(self.reader)
            except csv.Error:
                raise self._unclosed(1, self.reader.line_num) from None
            self.rownum = 1
        except BaseException:
            raw.close()
            raise

    def _not_utf8(self) -> InputError:
        line, byte = _first_bad_line(self.path)
        return InputError(
            f"{self.path}: not UTF-8 text (byte 0x{byte:02x} on line {line}): "
            "save it as 'CSV UTF-8 (comma delimited)'"
        )

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Records with their row numbers; an unclosed quote is refused with the line it opened on.

        A quote that is never closed would swallow every following line into one
        cell. The reader is strict (a quote must be followed by the delimiter or
        the end of the line, and must close before the end of the file), and a
        record spanning several lines may neither hold more cells than the header
        nor span more than :data:`MAX_RECORD_LINES` lines.
        """
        rownum = 1
        width = len(self.header)
        start = self.reader.line_num + 1
        try:
            for cells in self.reader:
                end = self.reader.line_num
                if end > start and (len(cells) > width or end - start >= MAX_RECORD_LINES):
                    raise self._unclosed(start, end)
                rownum += 1
                if any(cells):
                    yield rownum, cells
                start = end + 1
        except UnicodeDecodeError:
            raise self._not_utf8() from None
        except csv.Error as exc:
            text = str(exc)
            if "expected after" in text or "end of data" in text or "field larger" in text:
                raise self._unclosed(start, self.reader.line_num) from None
            raise InputError(f"{self.path} line {start}: cannot read this CSV row ({_one_line(exc, 200)})") from None

    def _unclosed(self, start: int, end: int) -> InputError:
        runs = f" and runs on to line {end:,}" if end > start else ""
        return InputError(
            f"{self.path} line {start}: a quote (\") opened on this line is not closed where the cell ends{runs}; "
            "close it, or double it (\"\") inside a quoted cell. Nothing was imported"
        )

    def position(self) -> int:
        try:
            return self.text.buffer.tell()
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        self.text.close()


def _sniff_delimiter(first_line: str, path: Path) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _first_bad_line(path: Path) -> tuple[int, int]:
    """(line number, offending byte) of the first line that is not UTF-8."""
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                return number, line[exc.start]
    return 0, 0


XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_COLUMNS = 16_384


def _check_workbook_size(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than ``[limits] xlsx_unpacked_mb``.

    A few kilobytes of zip can unpack to gigabytes (one huge shared string),
    and the shared strings are held in memory whole: the sizes the zip
    declares are checked before anything is unpacked (reading stops at the
    declared size).
    """
    import zipfile

    limit = limit_bytes("xlsx_unpacked_mb")
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__}: {_one_line(exc, 200)})") from None
    for part in parts:
        if part.file_size > limit:
            raise InputError(
                f"{path}: the workbook part {_one_line(part.filename, 80)} is {part.file_size / MB:,.0f} MB unpacked, "
                f"more than the {limit / MB:,.0f} MB allowed ([limits] xlsx_unpacked_mb in config.toml)"
            )


class _XlsxSource(_Source):
    """A sheet read row by row *by its row numbers* (``<row r="N">``).

    openpyxl's read-only rows drop a row that comes after a higher-numbered
    one and stop at the sheet's declared dimension; here every row the sheet
    holds is read, in file order, with its own number. A row number used
    twice, or one before the header row, is refused.
    """

    def __init__(self, path: Path, table: str):
        import warnings

        self.path = path
        self.label = str(path)
        _check_workbook_size(path)
        try:
            import openpyxl

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a bad file
            raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__}: {_one_line(exc, 200)})") from None
        try:
            sheets = self.book.sheetnames
            wanted = [s for s in sheets if V.norm_header(s) == table]
            name = wanted[0] if wanted else sheets[0]
            self.warning = (
                f"{path}: no sheet named '{table}', reading the first sheet '{name}'"
                if not wanted and len(sheets) > 1
                else None
            )
            self.label = str(path) if len(sheets) == 1 else f"{path} [{name}]"
            sheet = self.book[name]
            self.total = sheet.max_row or 0
            self._iter = self._numbered_rows(sheet)
            self.rownum = 0
            self.header_row = 0
            for number, cells in self._rows_raw():
                self.header = cells
                self.header_row = number
                break
            else:
                raise InputError(f"{path}: the sheet '{name}' is empty (expected a header row first)")
        except InputError:
            self.book.close()
            raise
        except Exception as exc:
            self.book.close()
            raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__}: {_one_line(exc, 200)})") from None

    def _numbered_rows(self, sheet) -> Iterator[tuple[int, list]]:
        from openpyxl.worksheet._reader import WorkSheetParser

        book = sheet.parent
        seen = bytearray(XLSX_MAX_ROWS // 8 + 1)
        with sheet._get_source() as src:
            parser = WorkSheetParser(src, sheet._shared_strings, data_only=True, epoch=book.epoch,
                                     date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
            for number, cells in parser.parse():
                if not 1 <= number <= XLSX_MAX_ROWS:
                    raise InputError(f"{self.label}: row number {number} is outside a sheet (1 to {XLSX_MAX_ROWS:,})")
                byte, bit = divmod(number, 8)
                if seen[byte] & (1 << bit):
                    raise InputError(f"{self.label} row {number}: the sheet holds two rows numbered {number}; "
                                     "open it in Excel and save it again")
                seen[byte] |= 1 << bit
                if self.header_row and number < self.header_row:
                    raise InputError(f"{self.label} row {number}: this row is stored after the header row "
                                     f"({self.header_row}) but numbered before it; open it in Excel and save it again")
                if not cells:
                    continue
                width = max(c["column"] for c in cells)
                if width > XLSX_MAX_COLUMNS:
                    raise InputError(f"{self.label} row {number}: a cell beyond the last column of a sheet")
                values = [None] * width
                for c in cells:
                    values[c["column"] - 1] = c["value"]
                yield number, values

    def _rows_raw(self) -> Iterator[tuple[int, list[str]]]:
        cell_text = V.cell_text
        try:
            for number, values in self._iter:
                self.rownum = number
                cells = [cell_text(v) for v in values]
                if any(c.strip() for c in cells):
                    yield number, cells
        except InputError:
            raise
        except Exception as exc:
            raise InputError(
                f"{self.path} row {self.rownum + 1}: cannot read the workbook ({type(exc).__name__}: {_one_line(exc, 200)})"
            ) from None

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        return self._rows_raw()

    def position(self) -> int:
        return min(self.rownum, self.total) if self.total else self.rownum

    def close(self) -> None:
        self.book.close()


def _open_source(path: Path, spec: TableSpec) -> _Source:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(f"{path}: old Excel .xls files cannot be read: save it as .xlsx or CSV UTF-8")
    if suffix in (".xlsx", ".xlsm"):
        return _XlsxSource(path, spec.name)
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise InputError(f"{path}: cannot read this file ({exc.strerror or exc})") from None
    if magic == b"PK\x03\x04":  # a workbook saved under another name
        return _XlsxSource(path, spec.name)
    return _CsvSource(path)


# --------------------------------------------------------------------------
# Validating rows
# --------------------------------------------------------------------------


def _map_header(spec: TableSpec, header: list[str], label: str) -> tuple[dict[str, int], list[str]]:
    """Column name -> index in the row, and the header texts that are ignored."""
    where: dict[str, int] = {}
    ignored: list[str] = []
    known = set(spec.names)
    for index, text in enumerate(header):
        name = V.norm_header(text)
        if not name:
            continue
        name = spec.header_aliases.get(name, name)
        if name not in known:
            ignored.append(_one_line(text, 40))
            continue
        if name in where:
            first = header[where[name]]
            raise InputError(
                f"{label}: columns {_one_line(first, 40)!r} and {_one_line(text, 40)!r} both mean {name}: keep one"
            )
        where[name] = index
    missing = [c for c in spec.required_columns if c not in where]
    if missing:
        raise InputError(
            f"{label}: missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"for {spec.name} (the header row has: "
            f"{_one_line(', '.join(_one_line(h, 40) for h in header if str(h).strip()), 300) or 'nothing'})"
        )
    return where, ignored


def _parse_rows(source: _Source, spec: TableSpec, where: dict[str, int]):
    """Yield (row number, cells, record, problems) for every non-blank row."""
    plan = [
        (where[c.name], c.name, c.parse, c.required, c.default)
        for c in spec.columns
        if c.name in where
    ]
    width = len(source.header)
    checks = spec.checks
    for rownum, cells in source.rows():
        rec: dict = {}
        problems: list[Problem] = []
        n = len(cells)
        for index, name, parse, required, default in plan:
            text = cells[index].strip() if index < n else ""
            if not text:
                if required:
                    problems.append((name, "", "missing required value"))
                rec[name] = default
            elif parse is None:
                rec[name] = text
            else:
                try:
                    rec[name] = parse(text)
                except V.ValueProblem as exc:
                    problems.append((name, text, str(exc)))
                    rec[name] = None
        if n > width and any(c.strip() for c in cells[width:]):
            extra = next(c for c in cells[width:] if c.strip())
            problems.append(
                ("(beyond the last column)", extra,
                 "more cells than the header has columns (a comma inside a value that is not in quotes?)")
            )
        for check in checks:
            found = check(rec)
            if found:
                problems.extend(found)
        yield rownum, cells, rec, problems


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _finish_story(record: dict, problems: list[Problem]) -> dict:
    """Normalise a story record's dates; add their problems to ``problems``."""
    for name, parse in STORY_DATES.items():
        value = record.get(name)
        if value in (None, ""):
            record[name] = None
            continue
        try:
            record[name] = parse(str(value).strip())
        except V.ValueProblem as exc:
            problems.append((name, str(value), str(exc)))
    for name in ("person_id", "author", "approved_by"):
        if record.get(name) == "":
            record[name] = None
    return record


_SECTION_KEYS = {heading: key for key, heading in STORY_HEADINGS.items()}


def _story_rows(source: _Source, spec: TableSpec, where: dict[str, int]):
    """Stories from a CSV/XLSX: each row goes through ``story_record``."""
    for rownum, cells, rec, problems in _parse_rows(source, spec, where):
        front = {k: v for k, v in rec.items() if k not in STORY_SECTIONS and v is not None}
        if "story_date" in front:
            front["date"] = front.pop("story_date")
        if "goal_ids" in front:
            front["goals"] = front.pop("goal_ids")
        sections = {k: rec.get(k) or "" for k in STORY_SECTIONS}
        for key in STORY_SECTIONS:
            if not sections[key]:
                problems.append((key, "", f"section '{STORY_HEADINGS[key]}' is missing or empty"))
        record, story_problems = story_record(front, sections, source=f"{source.label} row {rownum}")
        record["story_id"] = rec.get("story_id")
        for p in story_problems:
            column = _SECTION_KEYS.get(p.column, p.column)
            if column == "title" and any(q[0] == "title" for q in problems):
                continue  # already reported as a missing required value
            problems.append((column, p.value, p.reason))
        yield rownum, cells, _finish_story(record, problems), problems


# --------------------------------------------------------------------------
# Writing rows
# --------------------------------------------------------------------------


def _q(name: str) -> str:
    return f"[{name}]"


class _Writer:
    """Batched upserts on one table; ``changed`` counts rows inserted or altered."""

    def __init__(self, db: Database, spec: TableSpec, columns: list[str], *,
                 compare: list[str] | None = None):
        self.conn = db.conn
        self.columns = columns
        self.changed = 0
        self.batch: list[tuple] = []
        table = _q(spec.name)
        key = list(spec.key)
        compare = compare if compare is not None else [c for c in columns if c not in key]
        if spec.keyed_by_index:
            updates = [c for c in columns if c not in key and c != "created_at"]
            sql = (
                f"INSERT INTO {table} ({', '.join(map(_q, columns))}) "
                f"VALUES ({', '.join('?' for _ in columns)}) "
                f"ON CONFLICT ({', '.join(map(_q, key))}) "
            )
            if updates and compare:
                sql += (
                    f"DO UPDATE SET {', '.join(f'{_q(c)} = excluded.{_q(c)}' for c in updates)} "
                    f"WHERE {' OR '.join(f'{table}.{_q(c)} IS NOT excluded.{_q(c)}' for c in compare)}"
                )
            else:
                sql += "DO NOTHING"
            self.sql = sql
        else:
            self.key_index = [columns.index(k) for k in key]
            self.lookup = (
                f"SELECT rowid, {', '.join(map(_q, columns))} FROM {table} "
                f"WHERE {' AND '.join(f'{_q(k)} = ?' for k in key)} LIMIT 1"
            )
            self.insert = (
                f"INSERT INTO {table} ({', '.join(map(_q, columns))}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            self.update = f"UPDATE {table} SET {', '.join(f'{_q(c)} = ?' for c in columns)} WHERE rowid = ?"

    def add(self, row: tuple) -> None:
        self.batch.append(row)
        if len(self.batch) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        if hasattr(self, "sql"):
            cursor = self.conn.executemany(self.sql, self.batch)
            self.changed += max(cursor.rowcount, 0)
        else:
            for row in self.batch:
                found = self.conn.execute(self.lookup, [row[i] for i in self.key_index]).fetchone()
                if found is None:
                    self.conn.execute(self.insert, row)
                    self.changed += 1
                elif tuple(found[1:]) != tuple(row):
                    self.conn.execute(self.update, [*row, found[0]])
                    self.changed += 1
        self.batch.clear()

    def discard(self) -> None:
        self.batch.clear()


class _Rejects:
    """The rejected rows, written as they come: original columns plus ``reason``.

    They go to a private temporary file beside the target
    (:class:`evidencebot.outputs.AtomicOutput`), put in place only when the
    import finishes: a failure leaves whatever was at the target before.
    """

    def __init__(self, path: Path, header: list[str], *, force: bool = False):
        self.path = path
        self.header = list(header)
        reason = "reason"
        while reason in self.header:
            reason = "import_" + reason
        self.header.append(reason)
        # utf-8-sig so that Excel shows accents and the pound sign correctly.
        self.out = AtomicOutput(path, force=force, text=True, encoding="utf-8-sig", newline="")
        self.file = None
        self.writer = None

    def write(self, cells: list[str], reason: str) -> None:
        if self.file is None:
            self.file = self.out.open()
            self.writer = csv.writer(self.file)
            self.writer.writerow(self.header)
        width = len(self.header) - 1
        row = list(cells[:width]) + [""] * (width - len(cells))
        self.writer.writerow([*row, reason])

    def close(self, *, keep: bool) -> None:
        if self.file is None:
            return
        if keep:
            self.out.commit()
        else:
            self.out.discard()


def default_rejects_path(path: Path) -> Path:
    """``contacts.csv`` -> ``contacts.rejected.csv`` (a folder gets ``<folder>.rejected.csv``)."""
    if path.is_dir():
        return path.parent / f"{path.name}.rejected.csv"
    return path.with_name(f"{path.stem}.rejected.csv")


@contextmanager
def _transaction(db: Database):
    """One transaction for the whole import (a savepoint if one is already open).

    ``BEGIN IMMEDIATE`` takes the write lock at the start, so the row counts
    read at the start cannot be changed by another writer before we commit.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")


class _RollBack(Exception):
    pass


def _audit_import(db: Database, report: ImportReport) -> None:
    """One audit entry for the whole import, in its transaction: counts and the file name only."""
    if not db["audit_log"].exists():
        return  # a database from before migration m007

    record(db, table=report.table, action="import", key=Path(report.path).name, changes={
        "rows_read": report.rows_read, "inserted": report.inserted, "updated": report.updated,
        "unchanged": report.unchanged, "rejected": report.rejected_rows, "partial": report.partial,
    })


# --------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------


def import_file(
    db: Database,
    table: str,
    path: str | Path,
    *,
    partial: bool = False,
    rejects_path: str | Path | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> ImportReport:
    """Import one CSV/XLSX file (or, for stories, Markdown files) into ``table``.

    Returns an :class:`ImportReport`; raises :class:`InputError` for problems
    with the file as a whole. Rows with problems never raise: they are in the
    report (and, with ``partial`` or ``rejects_path``, in the rejects file).
    """
    spec = get_spec(table)
    path = check_input(path, limit="import_mb", what="file to import", folder_ok=spec.name == "stories")
    markdown = spec.name == "stories" and (path.is_dir() or path.suffix.lower() in (".md", ".markdown"))
    if path.is_dir() and not markdown:
        raise InputError(f"{path}: is a folder; give a CSV or XLSX file")
    rejects = rejects_path if rejects_path is not None else (default_rejects_path(path) if partial else None)
    if rejects_path is None and rejects is not None:
        force = True  # the default FILE.rejected.csv is this import's own report: a re-import replaces it
    if rejects is not None:
        # checked before anything is read or written (evidencebot.outputs): never the
        # database or its side files, never the input, replaced only with ``force``
        rejects = check_output(rejects, force=force, protect=[main_file(db.conn)], inputs=[path],
                               what="rejects file")

    report = ImportReport(table=spec.name, path=str(path), partial=partial)
    if markdown:
        items, header, total, position, close = _markdown_items(path)
        columns = list(STORY_COLUMNS)
    else:
        source = _open_source(path, spec)
        close = source.close
        try:
            where, ignored = _map_header(spec, [str(h) for h in source.header], source.label)
            if getattr(source, "warning", None):
                report.warnings.append(source.warning)
            if ignored:
                report.warnings.append(
                    f"{source.label}: ignored column{'s' if len(ignored) > 1 else ''} not in the "
                    f"{spec.name} contract: {', '.join(ignored)}"
                )
            if spec.name == "stories":
                items = _story_rows(source, spec, where)
                columns = list(STORY_COLUMNS)
            else:
                items = _parse_rows(source, spec, where)
                columns = [c for c in spec.names if c in where]
        except BaseException:
            source.close()
            raise
        header, total, position = source.header, source.total, source.position
    try:
        return _run(db, spec, items, columns, report, rejects, header, total, position, progress, force)
    finally:
        close()


def _markdown_items(path: Path):
    """Story files: one item per ``.md`` file (a single file or a folder of them)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".md", ".markdown"))
        if not files:
            raise InputError(f"{path}: no .md story files in this folder")
    else:
        files = [path]
    state = {"done": 0}

    def items():
        for file in files:
            state["done"] += 1
            try:
                record, story_problems = read_story_file(file)
            except UnicodeDecodeError:
                if len(files) == 1:
                    raise InputError(f"{file}: not UTF-8 text: save it as UTF-8") from None
                yield None, [str(file)], None, [("file", "", "not UTF-8 text: save it as UTF-8")]
                continue
            except OSError as exc:
                if len(files) == 1:
                    raise InputError(f"{file}: cannot read this file ({exc.strerror or exc})") from None
                yield None, [str(file)], None, [("file", "", f"cannot read ({exc.strerror or exc})")]
                continue
            except InputError as exc:  # e.g. YAML front matter with an impossible date (2025-13-45)
                yield None, [str(file)], None, [
                    ("front matter", "", f"cannot read the story ({type(exc).__name__}: {_one_line(exc, 200)})")
                ]
                continue
            problems = [(_SECTION_KEYS.get(p.column, p.column), p.value, p.reason) for p in story_problems]
            yield None, [str(file)], _finish_story(record, problems), problems

    return items(), ["file"], len(files), (lambda: state["done"]), (lambda: None)


def _run(db, spec, items, columns, report, rejects_path, header, total, position, progress,
         force=False) -> ImportReport:
    stories = spec.name == "stories"
    if stories:
        write_columns = columns + ["created_at", "updated_at"]
        compare = [c for c in columns if c not in spec.key and c != "source"]
        now = _now()
    else:
        write_columns, compare = columns, None
    key = spec.key
    single_key = key[0] if len(key) == 1 else None
    refs = [(col, table, what) for col, table, what in spec.refs if col in columns]
    rejects = _Rejects(rejects_path, header, force=force) if rejects_path is not None else None
    seen: dict = {}
    partial = report.partial
    failed = False
    label = report.path
    kept = False
    old_cache = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        with _transaction(db):
            known = {
                col: {r[0] for r in db.conn.execute(f"SELECT [{col}] FROM [{table}]")}
                for col, table, _ in refs
            }
            before = db.conn.execute(f"SELECT count(*) FROM [{spec.name}]").fetchone()[0]
            has_elsewhere = stories and any(r[1] == "approved_elsewhere_by" for r in
                                            db.conn.execute("PRAGMA table_info(stories)"))
            existing_rows = {r[0]: r for r in db.conn.execute(
                "SELECT story_id, status, approved_by, approved_elsewhere_by, approved_at, approved_elsewhere_at "
                "FROM stories")} if has_elsewhere else {}
            submitters = dict(db.conn.execute("SELECT story_id, submitted_by FROM stories")) if stories else {}
            downgraded: list[RowProblem] = []
            writer = _Writer(db, spec, write_columns, compare=compare)
            next_progress = 0
            for rownum, cells, rec, problems in items:
                report.rows_read += 1
                if rec is not None:
                    k = rec.get(single_key) if single_key else tuple(rec.get(c) for c in key)
                    if k is not None and (single_key or None not in k):
                        first = seen.get(k)
                        if first is not None:
                            where = f"row {first}" if first > 0 else "earlier in this import"
                            problems.append(
                                (key[-1] if single_key else ", ".join(key),
                                 str(k) if single_key else " / ".join(map(str, k)),
                                 f"duplicate id in the file (also on {where})")
                            )
                        else:
                            seen[k] = rownum or -1
                    for col, _table, what in refs:
                        value = rec.get(col)
                        if value is not None and value not in known[col]:
                            problems.append(
                                (col, value, f"unknown {what}: not in the database (import {_table} first)")
                            )
                if problems:
                    report.rejected_rows += 1
                    where = cells[0] if rownum is None else label
                    for column, value, reason in problems:
                        report.add_problem(RowProblem(where, rownum, column, value, reason))
                    if rejects is not None:
                        rejects.write(cells, "; ".join(f"{c}: {_one_line(r, 300)}" for c, _v, r in problems))
                    if not partial and not failed:
                        failed = True
                        writer.discard()
                elif not failed:
                    if stories:
                        found = _story_approval(rec, submitters.get(rec.get("story_id")),
                                                existing_rows.get(rec.get("story_id")))
                        if found is not None:
                            downgraded.append(RowProblem(cells[0] if rownum is None else label, rownum, *found))
                        writer.add((*[rec.get(c) for c in columns], now, now))
                    else:
                        writer.add(tuple([rec[c] for c in columns]))
                if progress is not None and report.rows_read >= next_progress:
                    next_progress = report.rows_read + 2_000
                    progress(position(), total)
            if failed:
                raise _RollBack()
            writer.flush()
            after = db.conn.execute(f"SELECT count(*) FROM [{spec.name}]").fetchone()[0]
            report.inserted = after - before
            report.updated = writer.changed - report.inserted
            report.unchanged = report.valid_rows - writer.changed
            _audit_import(db, report)
            report.committed = True
            report.warnings += [str(p) for p in downgraded[:APPROVAL_WARNINGS_SHOWN]]
            if len(downgraded) > APPROVAL_WARNINGS_SHOWN:
                report.warnings.append(f"... and {len(downgraded) - APPROVAL_WARNINGS_SHOWN:,} more stories "
                                       "marked approved were imported as submitted")
            report.downgraded = len(downgraded)
        kept = True
    except _RollBack:
        kept = True
    finally:
        db.conn.execute(f"PRAGMA cache_size = {old_cache}")
        if rejects is not None:
            rejects.close(keep=kept)
            if kept and rejects.file is not None:
                report.rejects_path = str(rejects.path)
    if progress is not None:
        progress(total, total)
    return report
