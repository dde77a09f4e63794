"""Issue 18, defects 3 and the importer parts of 9 and 10: no silent row loss,
bounded resources, and every bad file is one line and exit 2.

Each test failed on the code before the fix."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

from evidencebot.errors import InputError
from evidencebot.store.db import connect
from evidencebot.store.importers import import_file

from .conftest import invoke_cli, run_cli

HEADER = "escalation_id,person_id,raised_at,level,triggers,warning_signs,action_taken,rationale,reviewed_at,outcome\n"


@pytest.fixture
def db(tmp_path):
    database = connect(tmp_path / "svc.db")
    database["people"].insert_all([{"person_id": "P1", "referral_date": "2025-01-01"}])
    yield database
    database.close()


def test_an_unterminated_quote_is_refused_with_the_line_it_opened_on(db, tmp_path):
    rows = [f"E{i},P1,2025-04-1{i},2,,calm,called,\"safety\",,resolved\n" for i in range(1, 6)]
    rows[1] = 'E2,P1,2025-04-12,2,,"went quiet,called,none,,resolved\n'  # the quote never closes
    path = tmp_path / "esc.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(db, "escalations", path)
    message = str(caught.value)
    assert "line 3" in message and "quote" in message, message
    assert db["escalations"].count == 0


def test_an_unterminated_quote_at_the_end_of_the_file_is_refused(db, tmp_path):
    rows = [f"E{i},P1,2025-04-1{i},2,,calm,called,none,,resolved\n" for i in range(1, 6)]
    rows[2] = 'E3,P1,2025-04-13,2,,"went quiet,called,none,,resolved\n'
    path = tmp_path / "esc.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    r = invoke_cli("import", "escalations", path, "--db", tmp_path / "svc.db")
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1 and "line 4" in r.stderr and "quote" in r.stderr
    assert db["escalations"].count == 0


def test_quoted_fields_over_several_lines_still_import(db, tmp_path):
    path = tmp_path / "esc.csv"
    path.write_text(HEADER + 'E1,P1,2025-04-11,2,,"first line\nsecond line",called,none,,resolved\n'
                    'E2,P1,2025-04-12,2,,calm,"said ""no""",none,,resolved\n', encoding="utf-8")
    report = import_file(db, "escalations", path)
    assert report.ok and report.inserted == 2
    assert db["escalations"].get("E1")["warning_signs"] == "first line\nsecond line"


def _rewrite(path: Path, member: str, edit) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == member:
                data = edit(data.decode("utf-8")).encode("utf-8")
            z.writestr(info.filename, data)


def _people_book(path: Path, n: int = 5) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "people"
    sheet.append(["person_id", "referral_date"])
    for i in range(n):
        sheet.append([f"X{i}", "2025-02-01"])
    book.save(path)
    return path


def test_xlsx_rows_out_of_order_are_all_read(db, tmp_path):
    path = _people_book(tmp_path / "people.xlsx")

    def swap(xml):
        rows = re.findall(r"<row [^>]*>.*?</row>", xml, flags=re.S)
        assert len(rows) == 6
        reordered = [rows[0], rows[4], rows[5], rows[1], rows[2], rows[3]]  # rows 5, 6 before 2, 3, 4
        return xml.replace("".join(rows), "".join(reordered))

    _rewrite(path, "xl/worksheets/sheet1.xml", swap)
    report = import_file(db, "people", path)
    assert report.ok and report.rows_read == 5 and report.inserted == 5, report.summary()


def test_xlsx_rows_beyond_a_wrong_dimension_are_read(db, tmp_path):
    path = _people_book(tmp_path / "people.xlsx")
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:B2"', xml))
    report = import_file(db, "people", path)
    assert report.rows_read == 5 and report.inserted == 5, report.summary()


def test_xlsx_with_a_duplicated_row_number_is_refused(db, tmp_path):
    path = _people_book(tmp_path / "people.xlsx")
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace('<row r="4"', '<row r="3"'))
    with pytest.raises(InputError, match="row 3"):
        import_file(db, "people", path)
    assert db["people"].count == 1


def _with_shared_string(path: Path, text: str) -> Path:
    """A people workbook whose cell A3 is a shared string holding ``text``."""
    _people_book(path, n=1)
    ss = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
          f"<si><t>{text}</t></si></sst>")
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            data = data.decode("utf-8")
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                                    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    "</Relationships>")
            elif name == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif name == "xl/worksheets/sheet1.xml":
                data = data.replace("</sheetData>", '<row r="3"><c r="A3" t="s"><v>0</v></c>'
                                    '<c r="B3" t="inlineStr"><is><t>2025-02-01</t></is></c></row></sheetData>')
            z.writestr(name, data)
        z.writestr("xl/sharedStrings.xml", ss)
    return path


def test_xlsx_shared_strings_are_bounded(db, tmp_path, isolated_home):
    small = _with_shared_string(tmp_path / "small.xlsx", "SS1")
    report = import_file(db, "people", small)  # the crafted workbook reads: its shared string is used
    assert report.ok and db["people"].get("SS1")
    (isolated_home / "config").mkdir(parents=True, exist_ok=True)
    (isolated_home / "config" / "config.toml").write_text("[limits]\nxlsx_unpacked_mb = 1\n", encoding="utf-8")
    path = _with_shared_string(tmp_path / "people.xlsx", "x" * 2_000_000)  # 2 MB of shared strings
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="sharedStrings.xml is 2 MB unpacked"):
        import_file(db, "people", path)
    assert db["people"].count == 3


def test_import_size_cap_and_non_regular_files(db, tmp_path, isolated_home):
    (isolated_home / "config").mkdir(parents=True, exist_ok=True)
    (isolated_home / "config" / "config.toml").write_text("[limits]\nimport_mb = 1\n", encoding="utf-8")
    big = tmp_path / "people.csv"
    big.write_text("person_id,referral_date\n" + "".join(f"Q{i},2025-02-01\n" for i in range(80_000)),
                   encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        import_file(db, "people", big)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    r = run_cli("import", "people", fifo, "--db", tmp_path / "svc.db", timeout=60)
    assert r.returncode == 2 and "named pipe" in r.stderr, r.stderr
    assert db["people"].count == 1


def test_a_5000_digit_number_is_a_rejected_row_not_a_crash(db, tmp_path):
    path = tmp_path / "targets.csv"
    path.write_text("indicator_id,target\ndna_rate," + "9" * 5000 + "\n", encoding="utf-8")
    r = invoke_cli("import", "targets", path, "--db", tmp_path / "svc.db")
    assert r.returncode == 1, (r.returncode, r.stderr[-500:])
    assert "Traceback" not in r.stderr and max(map(len, r.stderr.splitlines())) < 600
    import openpyxl

    book_path = tmp_path / "targets.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["indicator_id", "target"])
    book.active.append(["dna_rate", 1])
    book.save(book_path)
    _rewrite(book_path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("<v>1</v>", "<v>" + "7" * 5000 + "</v>"))
    r = invoke_cli("import", "targets", book_path, "--db", tmp_path / "svc.db")
    assert r.returncode in (1, 2) and "Traceback" not in r.stderr and "unexpected" not in r.stderr, r.stderr[-500:]


def test_yaml_front_matter_is_bounded(db, tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    ) + "---\n\n## Context\nSomething.\n"
    path = tmp_path / "story.md"
    path.write_text(bomb, encoding="utf-8")
    r = run_cli("import", "stories", path, "--db", tmp_path / "svc.db", timeout=60)
    assert r.returncode in (1, 2) and "Traceback" not in r.stderr
    assert max(map(len, r.stderr.splitlines())) < 1_000, max(map(len, r.stderr.splitlines()))
    assert "alias" in r.stderr.lower()
