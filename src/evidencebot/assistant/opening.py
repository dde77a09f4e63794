"""Opening a draft from a file: ``/open draft.docx`` (or ``.md``, ``.txt``).

A Word draft is read as Markdown for the editor
(:func:`evidencebot.compose.wordcheck.docx_to_markdown`: headings, lists and
tables kept, tracked changes accepted, comments, headers and footers left
out); Markdown and text files are read as they are. The draft is kept in the
``drafts`` table like any other (:func:`evidencebot.assistant.editing.save_draft`)
and checked; the file itself is only read, never written. A file that is
missing, too big, damaged, password-protected or not UTF-8 text is a one-line
:class:`~evidencebot.errors.InputError` naming it, and nothing is changed.
"""

from __future__ import annotations

from pathlib import Path

from evidencebot.assistant.checking import check, findings_markdown
from evidencebot.assistant.editing import DraftDoc, save_draft
from evidencebot.assistant.replies import Reply, wait_for_language
from evidencebot.compose.wordcheck import docx_to_markdown
from evidencebot.compose.words import count_words
from evidencebot.errors import InputError
from evidencebot.inputs import check_input

SUFFIXES = {".docx": "Word", ".md": "Markdown", ".markdown": "Markdown", ".txt": "text"}


def clean_path(text: str) -> str:
    """A path as typed or dropped into the terminal: quotes removed, ``\\ `` as a space."""
    text = text.strip()
    if len(text) >= 2 and text[0] in "\"'“‘" and text[-1] in "\"'”’":
        text = text[1:-1]
    return text.replace("\\ ", " ").strip()


def read_draft_file(path: str | Path) -> str:
    """The file's text as Markdown for the editor (see the module docstring)."""
    path = Path(path).expanduser()
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: I can open Word (.docx), Markdown (.md) or text (.txt) drafts; "
                         "save it in one of those")
    check_input(path, limit="check_mb", what="draft")  # there, a regular file, not over the size limit
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if kind == "Word":
        text = docx_to_markdown(path, data)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        raise InputError(f"{path}: has no text to open")
    return text


def open_file(ctx, intent):
    """The ``open_file`` action: the file in the editor as a saved draft, with its findings."""
    typed = clean_path(intent.argument)
    if not typed:
        return Reply("Which file? For example `/open ~/Documents/bid-answer.docx` (Word, Markdown or text).",
                     intent="open_file", ok=False)
    path = Path(typed).expanduser()
    text = read_draft_file(path)
    word = path.suffix.lower() == ".docx"
    doc = DraftDoc(text=text, kind="text", title=path.stem, source=str(path.resolve()))
    save_draft(ctx.db, doc)
    ctx.state.draft = doc
    ctx.state.front = "editor"
    wait_for_language(ctx, "the checker reads grammar, not just words")
    ctx.progress(f"checking {path.name}…")
    report = check(text, db_path=ctx.db_path)
    how = (" (from Word: tracked changes accepted; comments, headers and footers left out)" if word else "")
    lines = [f"Opened **{path.name}** in the editor as draft {doc.draft_id}: {count_words(text):,} words{how}. "
             "The file itself is not changed.", "", findings_markdown(report, text)]
    if word:
        lines += ["", "Export (F5) can write it back to Word with each finding as a comment."]
    return Reply("\n".join(lines), intent="open_file", open="editor",
                 payload={"draft": doc, "findings": len(report.findings)})
