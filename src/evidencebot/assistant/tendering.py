"""Tenders in the app: a buyer's questionnaire in, the compliance matrix, drafts, the response out.

Thin faces over the functions ``evidencebot tender import|status|draft|export`` call
(:mod:`evidencebot.compose.tender_store`): the same import, the same drafting (the tender's own facts, the answers
drafted before it, the whole questionnaire's figures), so a question drafted here reads exactly as the command line
drafts it for the same database. The conversation runs these in a worker thread (:meth:`Conversation.respond`); the
long ones say where they are through ``ctx.progress``.

    /tender import FILE        a Word or Excel questionnaire
    /tender status             the compliance matrix
    /tender draft REF | all    draft and check one answer, or every one
    /tender export FILE        the response (.docx, .md or .html) and, for an Excel questionnaire, the buyer's workbook
    /tender limit REF N words  the buyer's limit, where the document's could not be read
    /tender keep               the open draft, edited in the editor, as its question's answer (checked again)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evidencebot.assistant.editing import DraftDoc
from evidencebot.assistant.exporting import documents_folder
from evidencebot.assistant.intents import Intent
from evidencebot.assistant.replies import Context, Reply, wait_for_language
from evidencebot.compose import gaps, tender_store
from evidencebot.compose.export import file_roles
from evidencebot.errors import InputError

USAGE = ("`/tender import FILE` (a buyer's .docx or .xlsx questionnaire), `/tender status`, "
         "`/tender draft REF` or `/tender draft all`, `/tender export FILE` (e.g. `response.docx`), "
         "`/tender limit REF N words`, `/tender keep` (the open draft, edited, as its question's answer)")


def _db(ctx: Context) -> Any:
    """The conversation's database connection (a sqlite_utils Database)."""
    return ctx.db


def _path(text: str) -> Path:
    text = text.strip().strip("\"'“”‘’")
    return Path(text).expanduser()


def tender(ctx: Context, intent: Intent) -> Reply:
    """``/tender import|status|draft|export`` and the plain-English forms (:func:`intents._tender_intent`)."""
    what, _, rest = intent.argument.strip().partition(" ")
    what, rest = what.lower(), rest.strip()
    handler = {"import": import_file, "status": status, "draft": draft, "export": export, "limit": limit,
               "keep": keep}.get(what)
    if handler is None:
        return Reply(f"Tender commands: {USAGE}.", intent="tender", ok=not what)
    try:
        return handler(ctx, rest)
    except InputError as exc:  # the core's advice names the command line's commands: said as the chat's
        return Reply(f"I couldn't do that: {in_chat_words(str(exc))}", intent="tender", ok=False)


def in_chat_words(text: str) -> str:
    """The core's advice with the command line's tender commands written as the chat's."""
    import re

    text = re.sub(r"'evidencebot tender limit (\S+) --words N'(?: \(or --chars N, --pages N\))?",
                  r"`/tender limit \1 N words` (or `characters`, `pages`)", text)
    text = re.sub(r"'evidencebot tender draft --all'", "`/tender draft all`", text)
    text = re.sub(r"'evidencebot tender import FILE'", "`/tender import FILE`", text)
    text = re.sub(r"'evidencebot tender status'", "`/tender status`", text)
    return re.sub(r"'evidencebot tender limit REF --words N'", "`/tender limit REF N words`", text)


def import_file(ctx: Context, rest: str) -> Reply:
    if not rest:
        found = _questionnaires_nearby()
        listed = ("\n\nQuestionnaires in this folder: " + ", ".join(f"`{p}`" for p in found)) if found else ""
        return Reply("Which questionnaire? Type `/tender import FILE`, e.g. `/tender import ~/bids/itt.docx` "
                     "(a Word or Excel file from the buyer)." + listed, intent="tender", ok=False)
    path = _path(rest)
    ctx.progress(f"reading {path.name}…")
    skipped: list[str] = []
    tid, questions = tender_store.import_questionnaire(_db(ctx), str(path), skipped=skipped)
    lines = [f"### Imported tender {tid}: {len(questions)} question{'s' if len(questions) != 1 else ''} "
             f"from {path.name}", "", "| ref | sub-points | limit | weighting |", "|---|---:|---|---:|"]
    for q in questions:
        weight = f"{q['weighting']:g}%" if q["weighting"] is not None else "-"
        lines.append(f"| {q['ref']} | {len(q['points'])} | {q['limit'] or 'no limit'} | {weight} |")
    notes = [f"Skipped (no question reference, not imported): “{text}”. If it is a question, give it its "
             "reference in the document ('Q3.5 ...') and import it again." for text in skipped]
    unlimited = [q["ref"] for q in questions if not q["limit"]]
    if unlimited:
        notes.append(f"No limit stated for {', '.join(unlimited)}: give the buyer's with "
                     "`/tender limit REF N words` (or `characters`, `pages`) before drafting.")
    blind = tender_store.tender_facts(_db(ctx), tid).get("blind_evaluation")
    if blind:
        notes.append(f"Blind evaluation (the questionnaire says “{blind}”): every answer is drafted and exported "
                     "with no provider, service or staff name.")
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    lines += ["", "Next: `/tender status` (the compliance matrix), `/tender draft all`, then "
                  "`/tender export response.docx`."]
    return Reply("\n".join(lines), intent="tender", payload={"tender_id": tid})


def status(ctx: Context, rest: str = "") -> Reply:
    return Reply(status_markdown(tender_store.status_table(_db(ctx), markdown=True)), intent="tender")


def status_markdown(text: str) -> str:
    """``status_table(markdown=True)`` for the chat pane: its title a heading, indented lines a list (a Markdown
    renderer would run them into one paragraph), the table as it is."""
    out = []
    for n, line in enumerate(text.splitlines()):
        if n == 0:
            out.append(f"### {line}")
        elif line.startswith("  ") and line.strip():
            out.append(f"  - {line.strip()}" if line.startswith("    ") else f"- {line.strip()}")
        elif line and not line.startswith(("|", "-", "#")) and out and out[-1].startswith(("- ", "  - ")):
            out += ["", line]
        else:
            out.append(line)
    return "\n".join(out)


def draft(ctx: Context, rest: str) -> Reply:
    ref = rest.strip()
    if not ref:
        return Reply("Which question? `/tender draft 4.1` drafts one, `/tender draft all` every one "
                     "(`/tender status` lists them).", intent="tender", ok=False)
    every = ref.lower() in ("all", "--all", "every", "everything", "all questions", "all answers")

    wait_for_language(ctx, "every answer is checked before you see it")

    def progress(n: int, total: int, at: str) -> None:
        ctx.progress(f"drafting {at} ({n} of {total}) and checking it…")

    results = tender_store.draft(_db(ctx), None if every else ref, progress=progress)
    clashes = tender_store.contradictions(_db(ctx))
    flagged = tender_store.lines_to_change(results, clashes)
    done = [r for r in results if r["answer"] is not None]
    left = [r for r in results if r["answer"] is None]
    clean = [r for r in done if not r["answer"].findings]
    summary = f"### Drafted {len(done)} of {len(results)}: {len(clean)} checked clean"
    if flagged or left:
        summary += f"; {len(flagged) + len(left)} thing{'s' if len(flagged) + len(left) != 1 else ''} to change (below)"
    lines = [summary]
    for r in done:
        answer = r["answer"]
        lines += ["", f"#### {r['ref']}: {answer.summary_line()}", ""] + ([f"_{r['because']}._", ""] if r.get(
            "because") else []) + [_demote(answer.markdown.strip()), "", answer.coverage_table()]
        for b in answer.stale:
            lines += ["", f"_Uses block {b.block_id}, past its review date ({b.review_due}): review it before "
                          "submitting._"]
    # last, where the chat scrolls to and the writer reads: what to change, each with the line it is in
    if flagged:
        lines += ["", f"**To change before submitting ({len(flagged)}):**", ""] + [f"- {f}" for f in flagged]
    if left:
        lines += ["", f"**Not drafted ({len(left)}):**", ""] + [f"- {r['ref']}: {r['reason']}: set the buyer's limit with `/tender limit {r['ref']} N words`"
                                                         if not r.get("because") else f"- {r['ref']}: {r['reason']}"
                                                         for r in left]
    asked = [r for r in done if not r.get("because")]  # (not an answer drafted again for a stale reference)
    if len(asked) == 1:  # one answer: it is the open draft, for the editor (F2) and export (F5)
        r = asked[0]
        answer = r["answer"]
        doc = DraftDoc(question=tender_store.draft_text(r["row"]), word_limit=answer.word_limit, kind="tender",
                       title=f"{r['ref']} answer", text=answer.markdown, assembled=answer, tender_ref=r["ref"])
        ctx.state.draft = doc
        lines += ["", "It is the open draft: **F2** to edit it (**Ctrl+G** there lists its gaps, **Ctrl+N** keeps a "
                      "part you wrote as a library block), then `/tender keep` to make your edits the "
                      f"answer to {r['ref']} (checked again); `/tender export FILE` writes the whole response."]
    else:
        lines += ["", "Next: `/tender status`, then `/tender export response.docx`."]
    return Reply("\n".join(lines), intent="tender", ok=not (flagged or left),
                 payload={"results": [{"ref": r["ref"], "answer": r["answer"].markdown if r["answer"] else None}
                                      for r in results], "flagged": flagged})


def _demote(markdown: str) -> str:
    """An answer's part headings under the reply's own: '##' becomes '#####'."""
    import re

    return re.sub(r"^(#{1,4}) ", lambda m: "#" * min(6, len(m.group(1)) + 3) + " ", markdown, flags=re.M)


def export(ctx: Context, rest: str) -> Reply:
    if not rest:
        return Reply("Where to? Type `/tender export FILE`, e.g. `/tender export ~/bids/response.docx` (.docx, .md "
                     "or .html); add `--force` to replace files already there.", intent="tender", ok=False)
    force = False
    words = rest.split()
    if "--force" in words:
        force = True
        rest = " ".join(w for w in words if w != "--force")
    path = _path(rest)
    if not path.is_absolute():
        path = documents_folder() / path
    rows = tender_store.questions(_db(ctx))[1]
    warnings = []
    doc = ctx.state.draft
    if doc is not None and doc.tender_ref:  # edits in the editor not yet kept would be lost from the response
        stored = next((r for r in rows if r["ref"] == doc.tender_ref), None)
        if stored is not None and (stored["answer"] or "").strip() != doc.text.strip():
            return Reply(f"The open draft of {doc.tender_ref} has edits the tender does not have yet: `/tender keep` "
                         f"makes them its answer (checked again), then export. (`/tender draft {doc.tender_ref}` "
                         "drafts it again instead.)", intent="tender", ok=False)
    left = gaps.tender_gaps(rows)
    if left:
        warnings.append(gaps.gaps_line(left))
    if any((r["answer"] or "").strip() for r in rows):
        warnings += [c.describe() for c in tender_store.contradictions(_db(ctx))]
    ctx.progress(f"writing {path.name}…")
    written = tender_store.export(_db(ctx), str(path), force=force)

    # which file is which: the response to submit holds no comment or note for the writer (the review copy does)
    lines = ["### Exported the response", ""] + [f"- `{p}`: {role}" for p, role in file_roles(written[0], written).items()]
    if warnings:
        lines += ["", "**Before submitting:**", ""] + [f"- {w}" for w in warnings]
    return Reply("\n".join(lines), intent="tender", payload={"written": [str(p) for p in written]})


def keep(ctx: Context, rest: str = "") -> Reply:
    """``/tender keep``: the open draft (a tender answer, edited in the editor) becomes that question's answer,
    checked again with the database (:func:`tender_store.keep_answer`)."""
    doc = ctx.state.draft
    if doc is None or not doc.tender_ref:
        return Reply("The open draft is not a tender answer: `/tender draft REF` drafts one and opens it; edit it "
                     "(F2), then `/tender keep`.", intent="tender", ok=False)

    wait_for_language(ctx, "your text is checked before it is kept")
    ctx.progress(f"checking your {doc.tender_ref} and keeping it…")
    assembled = doc.assembled if doc.assembled is not None and \
        getattr(doc.assembled, "markdown", "").strip() == doc.text.strip() else None
    row, findings = tender_store.keep_answer(_db(ctx), doc.tender_ref, doc.text, answer=assembled)
    limit_text = tender_store.limit_label(row) or "no limit"
    lines = [f"Kept your text as the answer to {row['ref']}: {row['words']:,} words (limit: {limit_text}); status "
             f"{row['status']}."]
    flagged = tender_store.lines_to_change([{"ref": row["ref"], "answer": _Kept(row["answer"], findings)}], [])
    if flagged:
        lines += ["", f"**To change before submitting ({len(flagged)}):**", ""] + [f"- {f}" for f in flagged]
    # another answer that refers to this one for a method it no longer says (review s17 finding 3)
    stale = tender_store.stale_references(_db(ctx), row["tender_id"])
    if stale:
        lines += ["", f"**References to mend ({len(stale)}):**", ""] + [
            f"- {why.replace(': drafted again', '')}: `/tender draft {other['ref']}` says it there" for other, why in stale]
    return Reply("\n".join(lines), intent="tender", ok=row["status"].startswith("checked") and not stale)


class _Kept:
    """A kept answer as :func:`tender_store.lines_to_change` reads one: its text and the findings left."""

    def __init__(self, markdown: str, findings: list) -> None:
        self.markdown, self.findings = markdown, findings


def limit(ctx: Context, rest: str) -> Reply:
    """``/tender limit REF N [words|characters|pages]``: the buyer's limit for a question whose document does not
    state one (:func:`tender_store.set_limit`, as ``evidencebot tender limit`` sets it)."""
    import re


    m = re.fullmatch(r"(?P<ref>\S+)\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>words?|char(?:acter)?s?|pages?|sides?)?",
                     rest.strip(), re.I)
    if not m:
        return Reply("Give the question and its limit, e.g. `/tender limit 4.1 500 words` (or `2000 characters`, "
                     "`2 pages`).", intent="tender", ok=False)
    n = float(m.group("n").replace(",", ""))
    unit = (m.group("unit") or "words").lower()
    kind = "pages" if unit.startswith(("page", "side")) else "chars" if unit.startswith("char") else "words"
    row = tender_store.set_limit(_db(ctx), m.group("ref"), words=int(n) if kind == "words" else None,
                                 chars=int(n) if kind == "chars" else None, pages=n if kind == "pages" else None)
    return Reply(f"{row['ref']}: limit {tender_store.limit_label(row) or 'none'}, status {row['status']}. "
                 f"Draft it with `/tender draft {row['ref']}`.", intent="tender")


def _questionnaires_nearby(limit: int = 8) -> list[str]:
    here = Path.cwd()
    try:
        found = sorted(p.name for p in here.iterdir() if p.suffix.lower() in (".docx", ".xlsx") and p.is_file())
    except OSError:
        return []
    return found[:limit]
