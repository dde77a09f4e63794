"""Exporting the open draft or a story, with the refusals that protect people.

A story reaches an export only with consent for external use **and**
approval; otherwise :class:`ExportRefused` lists every reason. A draft is
refused when it quotes a story that may not be used externally (its title or
a passage of it appears in the text) or when the privacy rules find personal
data at error level (an NHS number, a date of birth, a name ...), and the
reasons say where.

Files are written by :func:`evidencebot.compose.export.write_recorded`
(Markdown, HTML, Word), which records the stories used before writing and
never overwrites a file unless asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from evidencebot import locations
from evidencebot.assistant.checking import checker_for
from evidencebot.compose import export
from evidencebot.compose.export import ExportDoc, from_draft
from evidencebot.compose.wordcheck import annotated_markdown
from evidencebot.compose.words import count_words
from evidencebot.config import load_settings
from evidencebot.errors import ConfigError, InputError
from evidencebot.language.findings import locate
from evidencebot.language.privacy import find_privacy
from evidencebot.outputs import check_output
from evidencebot.store import workflow
from evidencebot.store.backup import main_file
from evidencebot.store.db import has_table
from evidencebot.store.reach import stories_in
from evidencebot.store.search import export_blockers, load_story
from evidencebot.store.stories import SECTIONS
from evidencebot.store.workflow import ExportNotAllowed

FORMAT_LABELS = {"docx": "Word (.docx)", "html": "HTML (.html)", "md": "Markdown (.md)",
                 "comments": "Word with findings as comments (.docx)"}
COMMENTS = "comments"
"""The export format of a draft opened from Word: a Word copy with each finding as a comment."""


class ExportRefused(InputError):
    """The export was refused; ``reasons`` says why, one line each."""

    def __init__(self, what: str, reasons: list[str]):
        self.reasons = reasons
        super().__init__(f"{what} was not exported: " + "; ".join(reasons))


@dataclass
class ExportResult:
    path: Path
    format: str
    what: str


def documents_folder() -> Path:
    """Where the app exports to: ``[documents] folder`` in config.toml, else ``documents`` in the data
    directory (created, readable only by you), never the working directory."""
    try:
        folder = load_settings().documents.folder
    except ConfigError:
        folder = ""
    path = Path(folder).expanduser() if folder else locations.data_dir() / "documents"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def shown_folder(folder: Path) -> str:
    """A folder as the user knows it: under ``$EVIDENCEBOT_HOME`` or ``~`` when it is."""
    import os

    for label, root in (("$EVIDENCEBOT_HOME", os.environ.get("EVIDENCEBOT_HOME")), ("~", str(Path.home()))):
        if root:
            try:
                return f"{label}/{folder.resolve().relative_to(Path(root).expanduser().resolve())}"
            except ValueError:
                continue
    return str(folder)


def default_path(folder: Path, name: str, fmt: str) -> Path:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:50] or "evidencebot-export"
    return folder / f"{stem}.{fmt}"


def quoted_stories(db: Database, text: str) -> list[dict]:
    """Stories whose title or text the draft holds, verbatim or nearly (a lightly edited copy,
    a short quote): :func:`evidencebot.store.reach.stories_in`."""
    return [row for row, _ in stories_in(db, text)]


def draft_blockers(db: Database, text: str) -> list[str]:
    """Why a draft may not leave the service (empty when it may)."""
    reasons: list[str] = []

    for row, held in stories_in(db, text):
        why = export_blockers(row)
        if why:
            reasons.append(f"it quotes story {row['story_id']} “{row.get('title')}” ({held.describe()}), which "
                           f"may not be used externally ({'; '.join(why)})")

    personal = [f for f in locate(find_privacy(text), text) if f.severity == "error"]
    for f in personal[:5]:
        reasons.append(f"line {f.line}: {f.message.split('.')[0]} (“{f.match}”)")
    if len(personal) > 5:
        reasons.append(f"and {len(personal) - 5} more pieces of personal data")
    return reasons


def _write_and_record(db: Database, document, path, fmt: str, kind: str, story_ids: list[str],
                      force: bool, what: str) -> Path:
    """Record which stories the document uses, then write it (both or neither).

    The same core step as ``evidencebot assemble`` (:func:`evidencebot.compose.export.write_recorded`):
    a story that may not leave the service (it changed status since the
    checks above) refuses the export before anything is written.
    """
    try:
        return export.write_recorded(db, document, path, fmt, kind=kind, story_ids=story_ids, force=force)
    except ExportNotAllowed as exc:
        raise ExportRefused(what, exc.reasons) from None


def story_document(row: dict):
    """An export document for one story: title, the four parts, no personal ids."""
    body = []
    for key, heading in SECTIONS.items():
        body += [f"## {heading}", "", (row.get(key) or "").strip(), ""]
    context = []
    if row.get("domains"):
        context.append(("Domains", ", ".join(d for d in row["domains"].split(";") if d)))
    if row.get("story_date"):
        context.append(("Date", row["story_date"]))
    return ExportDoc(title=row.get("title") or "Outcome story", body="\n".join(body).strip() + "\n",
                     kind="story", context=context)


def draft_document(doc):
    """An export document for the open draft: the same core function as the command line's."""
    return from_draft(doc.text, kind=doc.kind, title=doc.title, question=doc.question, word_limit=doc.word_limit,
                      period=doc.period, assembled=getattr(doc, "assembled", None))


def export_story(db: Database, story_id: str, path: str | Path, fmt: str | None = None, *,
                 force: bool = False) -> ExportResult:
    row = load_story(db, story_id)
    reasons = export_blockers(row)

    text = "\n".join(row.get(k) or "" for k in SECTIONS)
    personal = [f for f in find_privacy(text) if f.severity == "error"]
    if personal:
        reasons.append("it holds personal data: " + ", ".join(f"“{f.match}”" for f in personal[:3]))
    if reasons:
        raise ExportRefused(f"Story {story_id} “{row.get('title')}”", reasons)
    fmt = export.guess_format(path, fmt)
    what = f"Story {story_id} “{row.get('title')}”"
    written = _write_and_record(db, story_document(row), path, fmt, "story", [story_id], force, what)
    return ExportResult(written, fmt, f"story {story_id}")


def export_draft(db: Database, doc, path: str | Path, fmt: str | None = None, *,
                 force: bool = False) -> ExportResult:
    if doc is None or not doc.text.strip():
        raise InputError("there is no draft to export: draft an answer or open the editor first")
    reasons = draft_blockers(db, doc.text)
    if reasons:
        raise ExportRefused("The draft", reasons)
    fmt = export.guess_format(path, fmt)
    used = [row["story_id"] for row in quoted_stories(db, doc.text)]
    assembled = getattr(doc, "assembled", None)
    for source in getattr(assembled, "sources", None) or []:
        if source.get("kind") == "story" and source.get("id") not in used:
            used.append(source["id"])
    for story_id in getattr(doc, "used_stories", None) or []:  # put in with /use story
        if story_id not in used:
            used.append(story_id)
    document = draft_document(doc)
    written = _write_and_record(db, document, path, fmt, doc.kind or "draft", used, force, "The draft")
    review = export.companion_paths(document, written, fmt).get("review")
    said = "" if review is None else (  # the file named is the one to submit: the writer's notes are in the review copy
        f" (no comments in it; the notes for the writer are Word comments in the review copy {review.name}, "
        "not for submission)")
    return ExportResult(written, fmt, "the draft" + said + _over_limit(doc))


def _over_limit(doc) -> str:
    """`` (327 words: over its 300-word limit …)`` for a draft longer than its word limit, else ""."""
    limit = getattr(doc, "word_limit", None)
    if not limit:
        return ""
    words = count_words(doc.text)
    if words <= limit:
        return ""
    return (f" ({words:,} words: over its {limit:,}-word limit by {words - limit:,}; a buyer may not read "
            "beyond the limit, so cut it before you submit)")


def from_word(doc) -> bool:
    """True when the draft was opened from a Word file (it can go back to Word with its findings as comments)."""
    source = getattr(doc, "source", None)
    return bool(source) and str(source).lower().endswith(".docx")


def comments_path(folder: Path, doc) -> Path:
    """The default file for a draft's Word copy with comments: ``<name>-with-comments.docx``."""
    stem = Path(doc.source).stem if getattr(doc, "source", None) else (doc.title or "draft")
    return default_path(folder, f"{stem} with comments", "docx")


def export_draft_with_comments(db: Database, doc, path: str | Path, *, db_path=None,
                               force: bool = False) -> ExportResult:
    """Write the draft as it stands as a Word copy with each checker finding as a comment.

    The same refusals as :func:`export_draft` (quoted stories, personal data);
    the file the draft came from is never written (refused even with
    ``force``), nor the database; an existing file only with ``force``; the
    export is recorded like any other (:func:`evidencebot.compose.export.recorded`).
    """
    if doc is None or not doc.text.strip():
        raise InputError("there is no draft to export: open a Word draft with /open first")
    reasons = draft_blockers(db, doc.text)
    if reasons:
        raise ExportRefused("The draft", reasons)
    target = Path(str(path)).expanduser()
    if target.suffix.lower() != ".docx":
        raise InputError(f"{target}: the copy with comments is a Word file; end the name with .docx")
    sources = [doc.source] if getattr(doc, "source", None) else []
    target = check_output(target, force=force, protect=[main_file(db.conn)], inputs=sources, what="document")
    with checker_for(db_path) as checker:
        rows, data = annotated_markdown(doc.text, checker, title=doc.title or "Draft", name=target.name)
    used = [row["story_id"] for row in quoted_stories(db, doc.text)]
    try:
        with export.recorded(db, target.absolute(), doc.kind or "draft", used, text=doc.text):
            export.place_file(target, data)
    except ExportNotAllowed as exc:
        raise ExportRefused("The draft", exc.reasons) from None
    n = len(rows)
    return ExportResult(target, FORMAT_LABELS["docx"], f"the draft ({n} finding{'' if n == 1 else 's'} as comments)")


def story_choices(db: Database) -> list[tuple[str, str, list[str]]]:
    """(story id, title, reasons it may not be exported) for every story."""
    if not has_table(db, "stories"):
        return []
    return [(r["story_id"], r["title"], export_blockers(r)) for r in workflow.list_stories(db)]
