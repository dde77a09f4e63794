"""Value parsers used by the importers: dates, booleans, numbers, codes, instruments."""

from __future__ import annotations

import datetime as dt

import pytest

from evidencebot.store import values as V
from evidencebot.store.importers import ATTENDANCE, MODES, SETTINGS, TRIGGERS
from evidencebot.store.values import ValueProblem


@pytest.mark.parametrize(
    "text, stored",
    [
        ("2025-04-01", "2025-04-01"),
        ("01/04/2025", "2025-04-01"),  # UK: day first
        ("1/4/2025", "2025-04-01"),
        ("01-04-2025", "2025-04-01"),
        ("01.04.2025", "2025-04-01"),
        ("1 April 2025", "2025-04-01"),
        ("01-Apr-2025", "2025-04-01"),
        ("2024-02-29", "2024-02-29"),  # leap year
        ("2025-04-01T00:00", "2025-04-01"),  # spreadsheets export dates with midnight
        ("01/04/2025 00:00:00", "2025-04-01"),
    ],
)
def test_dates_uk_and_iso(text, stored):
    assert V.parse_date(text) == stored


@pytest.mark.parametrize(
    "text, stored",
    [
        ("2025-04-01", "2025-04-01"),
        ("2025-04-01T09:30", "2025-04-01T09:30"),
        ("2025-04-01 09:30:00", "2025-04-01T09:30"),  # zero seconds dropped
        ("2025-04-01 09:30:15", "2025-04-01T09:30:15"),
        ("2025-04-01T09:30:15.250", "2025-04-01T09:30:15"),
        ("01/04/2025 9:05", "2025-04-01T09:05"),
        ("01/04/2025 23:59:59", "2025-04-01T23:59:59"),
    ],
)
def test_date_times(text, stored):
    assert V.parse_datetime(text) == stored


@pytest.mark.parametrize(
    "text, words",
    [
        ("31/02/2025", "February 2025 has 28 days"),
        ("2025-02-29", "February 2025 has 28 days"),
        ("31/06/2025", "June 2025 has 30 days"),
        ("2025-13-01", "no month 13"),
        ("04/13/2025", "no month 13"),  # US order is not guessed
        ("01/04/25", "four-digit year"),
        ("45748", "serial number"),
        ("2025-04-01T09:30Z", "time-zone"),
        ("2025-04-01T09:30+01:00", "time-zone"),
        ("1899-12-31", "outside 1900"),
        ("yesterday", "expected YYYY-MM-DD or DD/MM/YYYY"),
        ("2025/04/01", "expected"),
    ],
)
def test_bad_dates_say_why(text, words):
    with pytest.raises(ValueProblem) as exc:
        V.parse_datetime(text)
    assert str(exc.value).startswith("bad date")
    assert words in str(exc.value)


@pytest.mark.parametrize("text", ["2025-04-01 24:00", "2025-04-01 10:60", "01/04/2025 12:00:61"])
def test_bad_times(text):
    with pytest.raises(ValueProblem, match="bad time"):
        V.parse_datetime(text)


def test_date_column_refuses_a_time_of_day():
    with pytest.raises(ValueProblem, match="without a time"):
        V.parse_date("2025-04-01 10:30")


@pytest.mark.parametrize(
    "text, stored",
    [("yes", 1), ("YES", 1), ("y", 1), ("True", 1), ("1", 1),
     ("no", 0), ("N", 0), ("false", 0), ("FALSE", 0), ("0", 0)],
)
def test_booleans(text, stored):
    assert V.parse_bool(text) == stored


@pytest.mark.parametrize("text", ["maybe", "2", "ja", "t"])
def test_bad_booleans(text):
    with pytest.raises(ValueProblem, match="yes/no"):
        V.parse_bool(text)


def test_integers_with_range_and_unicode_minus():
    level = V.integer(-2, 2)
    assert level("-2") == -2
    assert level("\u22121") == -1  # the minus sign Word and Excel sometimes write
    assert level("+2") == 2
    assert level("1.0") == 1
    with pytest.raises(ValueProblem, match="out of range: should be from -2 to 2"):
        level("3")
    with pytest.raises(ValueProblem, match="not a whole number"):
        level("1.5")
    with pytest.raises(ValueProblem, match="at least 0"):
        V.integer(lo=0)("-1")


def test_numbers_refuse_nan_and_infinity():
    parse = V.number()
    assert parse("19.25") == 19.25
    for text in ("nan", "inf", "-inf", "1_000", "ten"):
        with pytest.raises(ValueProblem, match="not a number"):
            parse(text)
    with pytest.raises(ValueProblem, match="more than 0"):
        V.number(above=0)("0")


@pytest.mark.parametrize(
    "text, code",
    [
        ("Face to face", "face_to_face"),
        ("FACE-TO-FACE", "face_to_face"),
        ("  face_to_face ", "face_to_face"),
        ("Telephone", "phone"),
    ],
)
def test_codes_are_normalised(text, code):
    assert MODES(text) == code


def test_a_and_e_and_s136():
    assert SETTINGS("A&E") == "a_and_e"
    assert SETTINGS("a and e") == "a_and_e"
    assert SETTINGS("Police S136") == "police_s136"
    assert SETTINGS("Section 136") == "police_s136"


@pytest.mark.parametrize(
    "code, stored",
    [
        ("2", "cancelled_by_person"),
        ("3", "dna"),
        ("4", "cancelled_by_service"),
        ("5", "attended"),
        ("6", "late"),  # arrived late but was seen
        ("7", "dna"),  # arrived late and could not be seen
        ("05", "attended"),
        ("5.0", "attended"),
    ],
)
def test_mhsds_attendance_codes(code, stored):
    assert ATTENDANCE(code) == stored


@pytest.mark.parametrize("code", ["1", "8", "0", "attended?", "²", "5²"])  # ²: isdigit() but not int()
def test_unknown_attendance_lists_the_allowed_codes(code):
    with pytest.raises(ValueProblem) as exc:
        ATTENDANCE(code)
    message = str(exc.value)
    assert message.startswith("unknown code")
    assert "attended, dna, cancelled_by_person, cancelled_by_service, late" in message
    assert "AttendOrDNACode" in message


def test_trigger_lists():
    triggers = V.CodeList(TRIGGERS)
    assert triggers("Sleep; housing") == "sleep;housing"
    assert triggers("sleep,sleep , other") == "sleep;other"  # duplicates dropped, comma accepted
    with pytest.raises(ValueProblem, match="'gambling'"):
        triggers("sleep;gambling")


@pytest.mark.parametrize(
    "text, name",
    [("phq9", "PHQ-9"), ("PHQ 9", "PHQ-9"), ("gad_7", "GAD-7"), ("Core-10", "CORE-10"),
     ("wemwbs", "WEMWBS"), ("SWEMWBS", "SWEMWBS"), ("reqol 10", "ReQoL-10"),
     ("Dialog", "DIALOG"), ("HONOS", "HoNOS")],
)
def test_instrument_names(text, name):
    assert V.canonical_instrument(text) == name


def test_unknown_instrument():
    with pytest.raises(ValueProblem, match="unknown instrument"):
        V.canonical_instrument("BDI-II")


@pytest.mark.parametrize(
    "instrument, score, ok",
    [
        ("PHQ-9", 0, True), ("PHQ-9", 27, True), ("PHQ-9", 28, False), ("PHQ-9", 10.5, False),
        ("GAD-7", 21, True), ("GAD-7", 22, False),
        ("CORE-10", 40, True), ("CORE-10", 41, False), ("CORE-10", 12.5, True),
        ("WEMWBS", 14, True), ("WEMWBS", 13, False), ("WEMWBS", 70, True), ("WEMWBS", 71, False),
        ("SWEMWBS", 7, True), ("SWEMWBS", 6.9, False), ("SWEMWBS", 35, True), ("SWEMWBS", 19.25, True),
        ("ReQoL-10", 40, True), ("ReQoL-10", -1, False),
        ("DIALOG", 1, True), ("DIALOG", 7, True), ("DIALOG", 4.6, True), ("DIALOG", 0.9, False), ("DIALOG", 7.1, False),
        ("HoNOS", 48, True), ("HoNOS", 49, False),
    ],
)
def test_score_ranges(instrument, score, ok):
    assert (V.check_score(instrument, score) is None) is ok


def test_header_names():
    for text in ("Person ID", "person_id", "PERSON ID", " person-id ", "\ufeffPerson Id"):
        assert V.norm_header(text) == "person_id"


def test_spreadsheet_cells():
    assert V.cell_text(None) == ""
    assert V.cell_text(12.0) == "12"
    assert V.cell_text(19.25) == "19.25"
    assert V.cell_text(True) == "true"
    assert V.cell_text(dt.datetime(2025, 4, 1)) == "2025-04-01"
    assert V.cell_text(dt.datetime(2025, 4, 1, 9, 30)) == "2025-04-01T09:30:00"
    assert V.cell_text(dt.date(2025, 4, 1)) == "2025-04-01"
