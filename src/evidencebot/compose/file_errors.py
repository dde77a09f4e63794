"""Why a Word document or an Excel workbook cannot be read, in the writer's words (one line, never an exception's
name): used wherever such a file is opened (a buyer's questionnaire, earlier answers to import)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from evidencebot.errors import InputError

_PACKAGE = {"docx": ("Word document", "word/document.xml", ".docx"),
            "xlsx": ("Excel workbook", "xl/workbook.xml", ".xlsx")}


def unreadable(p: Path, kind: str) -> InputError:
    """The one-line error for a file that is not a readable Word document (``kind`` 'docx') or Excel workbook
    ('xlsx'): the file and why, in the writer's words (what the file is instead, what is missing or damaged) and
    what to do, never a Python exception's name."""
    what, main_part, suffix = _PACKAGE[kind]
    other = next(v for k, v in _PACKAGE.items() if k != kind)
    try:
        head = p.read_bytes()[:8]
        size = p.stat().st_size
    except OSError as exc:
        return InputError(f"{p}: cannot be read ({exc.strerror or 'no access'})")
    save_as = f"open it in {what.split()[0]} and save it as {suffix} (File > Save As), then import that copy"
    if size == 0:
        why = "the file is empty (0 bytes): it may not have finished downloading or copying"
    elif head.startswith(b"%PDF"):
        why = f"it is a PDF, not a {what}: ask the buyer for the {what.split()[0]} version, or {save_as}"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        why = (f"it is an older-format ({'.doc' if kind == 'docx' else '.xls'}) file or a password-protected one, "
               f"not a {suffix} {what}: remove the password if there is one, and {save_as}")
    elif head.startswith(b"PK") and not zipfile.is_zipfile(p):
        why = "the file is damaged or cut short (its zip package is incomplete): download or copy it again"
    elif not zipfile.is_zipfile(p):
        try:
            p.read_text(encoding="utf-8")
            why = "it is plain text"
        except (UnicodeDecodeError, OSError):
            why = f"it is not a {suffix} file (a {suffix} file is a zip package; this one is not)"
        why += f": {save_as}"
    else:
        try:
            with zipfile.ZipFile(p) as z:
                names = set(z.namelist())
                bad = z.testzip()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            names, bad = set(), "the package"
        if bad:
            why = f"the file is damaged ({bad} cannot be read): download or copy it again"
        elif other[1] in names:
            article = "an" if other[0][0] in "AEIOU" else "a"
            why = f"it is {article} {other[0]} named {suffix}: rename it to {other[2]} and import it again"
        elif main_part not in names:
            why = f"it is a zip file but not a {what} (it has no {main_part}): {save_as}"
        else:
            why = f"its {main_part} cannot be read (the file may be damaged): {save_as}"
    return InputError(f"{p}: not a readable {what}: {why}")
