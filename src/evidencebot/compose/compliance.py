"""The bid team's compliance sheet (``.xlsx``) for a tender answer.

What a commissioner must not see but the bid team needs: the word count and
how words were counted, each sub-point with its word budget, the words used,
the paragraphs that answer it, the evidence and its status, and every figure
with its indicator id, period, numerator and denominator. Written beside the
answer as ``<answer>-compliance.xlsx`` (openpyxl, imported when used).
"""

from __future__ import annotations

import io

from evidencebot.compose.words import WORD_RULE, counts

COVERAGE_COLUMNS = ("sub-point", "word budget", "words used", "paragraphs", "evidence", "status", "note for the writer")
COMMITMENT_COLUMNS = ("part", "template", "what the answer commits to", "status")
FIGURE_COLUMNS = ("indicator id", "indicator", "period", "value", "numerator", "denominator", "95% CI",
                  "SPC verdict", "definition")


def part_counts(rows) -> list[tuple[str, int, int]]:
    """(part, words used, its own limit) for each of the buyer's parts with a limit of its own, in order; ``rows``
    are coverage rows or their dicts."""
    out: dict[str, list[int]] = {}
    for row in rows:
        values = row if isinstance(row, dict) else vars(row)
        part, cap = str(values.get("part") or ""), int(values.get("part_limit") or 0)
        if part and cap:
            out.setdefault(part, [0, cap])[0] += int(values.get("words") or 0)
    return [(label, used, cap) for label, (used, cap) in out.items()]


def compliance_xlsx(doc) -> bytes:
    """The workbook for an :class:`~evidencebot.compose.document.ExportDoc` (sheets: Compliance, Commitments to confirm
    when the answer has any, Figures)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Compliance"
    bold = Font(bold=True)
    ws.append(["Document", doc.title])
    if doc.quote:
        ws.append(["Question", " ".join(doc.quote.split())])
    for label, value in doc.context:
        ws.append([label, str(value)])
    if doc.counted is not None:
        c = counts(doc.counted)
        ws.append(["Words used", c.words])
        ws.append(["Word limit", doc.word_limit if doc.word_limit else "none"])
        ws.append(["Characters (with spaces)", c.chars])
        ws.append(["Within the limit", "yes" if not doc.word_limit or c.words <= doc.word_limit else "NO"])
        for label, used, cap in part_counts(doc.compliance or []):  # each of the buyer's parts against its own limit
            ws.append([f"{label}: words used (its own limit {cap})", used])
            ws.append([f"{label}: within its limit", "yes" if used <= cap else "NO"])
        ws.append(["How words were counted", WORD_RULE])
    for row in ws.iter_rows(min_col=1, max_col=1):
        row[0].font = bold
    ws.append([])
    ws.append(list(COVERAGE_COLUMNS))
    for cell in ws[ws.max_row]:
        cell.font = bold
    for row in doc.compliance:
        paras = row.get("paragraphs") or []
        label = row.get("label", "")
        key = str(row.get("key") or "")
        if key and not key.startswith("p"):
            label = f"{key}) {label}"
        if row.get("limit"):
            label = f"{label} (the buyer's limit for this part: {row['limit']} words)"
        ws.append([label, row.get("budget"), row.get("words"),
                   ", ".join(str(p) for p in paras) or "none", row.get("evidence"), row.get("status"),
                   row.get("note") or ""])
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 40
    for col in "CDEF":
        ws.column_dimensions[col].width = 16
    ws.column_dimensions["G"].width = 60
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    if getattr(doc, "commitments", None):
        # what the answer says on the buyer's terms from a template (a partner, a programme, a locality, a standard):
        # each is a commitment the bid team confirms with the service before submission
        sheet = wb.create_sheet("Commitments to confirm")
        sheet.append(list(COMMITMENT_COLUMNS))
        for cell in sheet[1]:
            cell.font = bold
        for c in doc.commitments:
            sheet.append([c.get("part"), c.get("template"), c.get("text"), "to confirm before submission"])
        for col, width in zip("ABCD", (40, 22, 90, 24)):
            sheet.column_dimensions[col].width = width
        for row in sheet.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")

    figures = wb.create_sheet("Figures")
    figures.append(list(FIGURE_COLUMNS))
    for cell in figures[1]:
        cell.font = bold
    for f in doc.figures:
        figures.append([f.get("id"), f.get("title"), f.get("period"), f.get("value"), f.get("numerator"),
                        f.get("denominator"), f.get("ci"), f.get("verdict"), f.get("definition")])
    for col, width in zip("ABCDEFGHI", (18, 40, 14, 16, 11, 12, 20, 36, 70)):
        figures.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
