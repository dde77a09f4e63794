"""Gaps left in drafted answers, listed for the writer before anything is exported.

An assembled answer marks what it could not write: ``[To write: <heading>]`` for a part
no approved method block answers (why goes to the compliance sheet and, in Word, a comment on the
marker: nothing internal is in the answer itself; ``[To write]`` with the note after it is read too), ``[To attach]`` or ``[To complete]`` for a
document the buyer asks for by number, ``[To confirm]`` for a Pass/Fail statement
the organisation has recorded no declaration for (a "confirmation needed"). A marker scores as no answer for that
part, so ``evidencebot tender status`` lists the gaps per question and part,
and ``evidencebot tender export`` warns with a one-line list before it writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencebot.text import MD_HEADING

MARKERS = ("To write", "To attach", "To complete", "To confirm")
_MARKER = re.compile(r"\[(" + "|".join(map(re.escape, MARKERS)) + r")(?::\s*(?P<label>[^\]\n]*))?\]\s*(?P<rest>[^\n]*)")
WRITER_MARKERS = ("To write", "To confirm")
"""The markers the file to submit leaves out (the review copy and the compliance sheet keep them): a panel reads a
bracketed '[To write: ...]' as an unfinished draft. '[To attach]' and '[To complete]' name a document to send."""
WRITER_MARKER = re.compile(r"\[(?:" + "|".join(map(re.escape, WRITER_MARKERS)) + r")(?::[^\]\n]*)?\]")
_MATCHES = re.compile(r'matches\s+["“](?P<label>[^"”]+)["”]')

ATTACH_LINE = re.compile(r"^[ \t]*\[To (?:attach|complete)\][^\n]*(?:\n|$)", re.M)
"""A line that is a note for the bid team ('[To attach] Gantt chart as Appendix M1.'): what still has to go with
the answer, never answer text. The panels of s10-s18 read it, printed in the submitted answer, as an unfinished
draft ("Visible placeholder")."""


def attach_lines(text: str) -> list[str]:
    """The '[To attach] ...' / '[To complete] ...' lines of ``text``, in order (each a note for the bid team)."""
    return [m.group(0).strip() for m in ATTACH_LINE.finditer(text or "")]


@dataclass(frozen=True)
class Gap:
    ref: str
    """The question's reference ('' for a single answer)."""
    part: str
    """The part the marker sits in: its heading, the sub-point it names, or the attachment."""
    marker: str
    """'To write', 'To attach' or 'To complete'."""
    text: str
    """The marked line, without the marker."""

    def brief(self) -> str:
        where = f"{self.ref} {self.part}".strip() if self.part else (self.ref or "answer")
        return f"{where} ({self.kind})"

    @property
    def kind(self) -> str:
        """How the gap is named to the writer ('to write', 'confirmation needed')."""
        if self.marker == DRAFTED_MARKER:
            return "drafted from the question: confirm"
        return "confirmation needed" if self.marker == "To confirm" else self.marker.lower()


DRAFTED_MARKER = "Drafted"
"""The gap marker of a part drafted from the question's own words (no approved block answers it): text the panel
can read, listed for the writer to confirm (its coverage status starts 'drafted from the question'). The drafted
sentences themselves carry the reference :data:`evidencebot.compose.tender.DRAFTED`."""


def find_gaps(markdown: str, ref: str = "") -> list[Gap]:
    """Every marker in ``markdown``, with the part it belongs to, in reading order."""
    out: list[Gap] = []
    heading = ""
    for line in (markdown or "").splitlines():
        head = MD_HEADING.match(line)
        if head:
            heading = head.group(1).strip()
            continue
        for m in _MARKER.finditer(line):
            marker, rest, label = m.group(1), m.group("rest").strip(), (m.group("label") or "").strip()
            if marker in ("To write", "To confirm"):
                named = _MATCHES.search(rest)
                part = heading or label or (named.group("label") if named else "")
                rest = rest or label
            else:  # an attachment is its own item, whatever part the note sits in
                part = rest.rstrip(".")
            out.append(Gap(ref=ref, part=part, marker=marker, text=rest))
    return out


def tender_gaps(rows: list[dict]) -> list[Gap]:
    """The gaps in a tender's drafted answers (rows with 'ref' and 'answer'), question by question."""
    import json

    out: list[Gap] = []
    for r in rows:
        out += find_gaps(r.get("answer") or "", str(r.get("ref") or ""))
        if not (r.get("answer") or "").strip():
            continue
        try:
            parts = json.loads(r.get("coverage") or "{}").get("rows", [])
        except (ValueError, AttributeError):
            parts = []
        out += [Gap(ref=str(r.get("ref") or ""), part=p.get("label") or "", marker=DRAFTED_MARKER, text=p.get("marker") or "")
                for p in parts if str(p.get("status") or "").startswith("drafted from the question")]
    return out


def gaps_line(gaps: list[Gap]) -> str:
    """One line for the writer: how many gaps, then each as 'ref part (kind)'."""
    n = len(gaps)
    return f"{n} gap{'s' if n != 1 else ''} left (a placeholder scores as no answer): " + "; ".join(g.brief() for g in gaps)


def gaps_by_question(gaps: list[Gap]) -> list[str]:
    """One Markdown list line per question that still has gaps."""
    order: dict[str, list[Gap]] = {}
    for g in gaps:
        order.setdefault(g.ref, []).append(g)
    return [f"- {ref}: " + "; ".join(f"{g.part or 'answer'} ({g.kind})" for g in items)
            for ref, items in order.items()]


_HEADING = re.compile(r"^\s*#{1,6}\s+\S")


def strip_writer_markers(text: str) -> str:
    """``text`` (Markdown) without its '[To write: ...]' and '[To confirm: ...]' markers (:data:`WRITER_MARKER`):
    a paragraph that held only a marker goes, and so does its heading when nothing else is under it. The one strip every submitted copy goes through
    (the Word, Markdown and HTML answer, the buyer's workbook). Its '[To attach] ...' / '[To complete] ...' lines
    (:data:`ATTACH_LINE`), notes for the bid team as a whole, go too."""
    if ATTACH_LINE.search(text or ""):
        text = ATTACH_LINE.sub("", text).rstrip("\n") + ("\n" if text.endswith("\n") else "")
    if not WRITER_MARKER.search(text or ""):
        return text
    paras: list[str] = []
    emptied: set[int] = set()  # the headings whose part held only a marker
    for para in re.split(r"\n\s*\n", text):
        if not WRITER_MARKER.search(para):
            paras.append(para)
            continue
        kept = " ".join(WRITER_MARKER.sub(" ", para).split())
        if kept:
            paras.append(kept)
        elif paras and _HEADING.match(paras[-1]) and "\n" not in paras[-1].strip():
            emptied.add(len(paras) - 1)
    # a part left with nothing under its heading is not printed as a heading alone (s21 panel: "the heading has no
    # text under it" read as an unanswered sub-point): the review copy keeps the heading and its marker, the coverage
    # and the command name the part still to write
    return "\n\n".join(p for i, p in enumerate(paras)
                         if i not in emptied or (i + 1 < len(paras) and not _HEADING.match(paras[i + 1])))


def writer_marker_names(text: str) -> list[str]:
    """What each '[To write: ...]' or '[To confirm: ...]' marker in ``text`` names, in order ('To write' for a bare
    marker): the parts :func:`strip_writer_markers` leaves out of the submitted copy."""
    return [m.group(0)[1:-1].split(":", 1)[-1].strip() for m in WRITER_MARKER.finditer(text or "")]
