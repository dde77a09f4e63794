"""``evidencebot check``: the language checker on files or stdin, like Vale.

Text output, one finding per line with its suggestions under it::

    draft.md:3:12: error overclaim.causal-system-outcome 'reduced' claims ...
      suggestion: contributed to a reduction in
    1 error, 0 warnings, 0 suggestions in 1 file

JSON output (``--format json``) is a list of objects with ``path, line, column,
end_line, end_column, rule, family, severity, message, match, suggestions``.

A Word draft (``.docx``) is read as its reader sees it (tracked changes
accepted, comments left out): ``line`` is then the paragraph's number in reading
order (body, table cells, headers, footers), ``column`` counts characters in
that paragraph, and each finding also has ``where`` (``paragraph 4``,
``table 1, row 2, column 3``, ``header``). ``--annotate OUT.docx`` writes a
copy with every finding as a Word comment on the words concerned.

Exit status: 0 when there is no error-level finding, 1 when there is one, 2 when
an input cannot be read or is not UTF-8 text, or a Word file is damaged or
password-protected (one line on stderr, no traceback, nothing written).
"""

from __future__ import annotations

import sys

import click

from evidencebot.cli.common import db_option

FORMATS = ("text", "json")
WORD_SUFFIXES = (".docx", ".docm", ".dotx")


def _is_word(path: str) -> bool:
    return path != "-" and path.lower().endswith(WORD_SUFFIXES)


def register(group: click.Group) -> None:
    group.add_command(check)


def _read(path: str) -> str:
    from evidencebot.errors import InputError
    from evidencebot.inputs import limit_bytes, read_bytes

    if path == "-":
        cap = limit_bytes("check_mb")
        data = sys.stdin.buffer.read(cap + 1)
        if len(data) > cap:
            raise InputError(f"stdin: more than the {cap // 1_048_576:,} MB allowed for a draft "
                             "([limits] check_mb in config.toml)")
        name = "stdin"
    else:
        data, name = read_bytes(path, limit="check_mb", what="draft"), path
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None
    return text[1:] if text.startswith("\ufeff") else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--family", "families", multiple=True, metavar="F",
              help="Only run this family of rules (repeat for more): overclaim, privacy, evidence (with --db), "
                   "buyer (with --question-file or --tender).")
@click.option("--provenance", is_flag=True,
              help="With --db: list every supported figure with its indicator, period, numerator, "
                   "denominator and definition (the evidence appendix).")
@click.option("--external", is_flag=True,
              help="With --db: the draft is for outside the service, so counts under 5 must not appear.")
@click.option("--annotate", "annotate_to", type=click.Path(dir_okay=False), metavar="OUT.docx",
              help="For one Word draft: write a copy with each finding as a Word comment on the words "
                   "concerned (the original is not changed).")
@click.option("--force", is_flag=True, help="With --annotate: overwrite OUT.docx if it exists.")
@click.option("--question-file", "question_files", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The buyer's question (repeat for every question of the tender): the drafts are also held to "
                   "the buyer's facts it states (hours, timescales, targets, the outcome measure, versions, dates).")
@click.option("--tender", "tender_id", type=int, metavar="ID",
              help="With --db: hold the drafts to the buyer's facts of every question of this imported tender.")
@db_option
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str, families: tuple[str, ...], db: str | None,
          provenance: bool, external: bool, annotate_to: str | None, force: bool,
          question_files: tuple[str, ...] = (), tender_id: int | None = None) -> None:
    """Check Markdown, text or Word files (or - for stdin) for over-claiming and personal data.

    A Word draft (.docx) is read with tracked changes accepted and comments
    left out; findings say which paragraph or table cell they are in, and
    --annotate OUT.docx writes a copy with each one as a Word comment.

    With --db the evidence family also runs: every figure and claim of change is
    checked against the service's own data (see 'evidencebot facts' for figures
    from elsewhere).

    With --question-file (or --tender ID and --db) each draft is also held to the
    buyer's facts (family 'buyer'): "the buyer says X (Q1 background), this
    answer says Y".

    Exits with 1 when any error-level finding is reported, 2 when a file cannot be read.
    """
    from evidencebot.cli.common import pick_db
    from evidencebot.errors import InputError

    words = {}
    target = None
    if annotate_to:
        target = _annotate_target(paths, annotate_to, force)
    for path in paths:
        if _is_word(path):
            from evidencebot.compose.wordcheck import read_docx
            from evidencebot.inputs import read_bytes

            words[path] = read_docx(path, read_bytes(path, limit="check_mb", what="draft"))
    texts = [(words[path].text if path in words else _read(path), "<stdin>" if path == "-" else path)
             for path in paths]

    from evidencebot.language.checker import Checker

    db = pick_db(ctx, db)
    wanted = list(families)
    extra = {}
    family = None
    if db and (not wanted or "evidence" in wanted):
        from evidencebot.cli.common import open_db
        from evidencebot.evidence.family import EvidenceFamily

        family = EvidenceFamily(open_db(ctx, db), external=external)
        extra["evidence"] = family
    elif "evidence" in wanted:
        raise InputError("the evidence family needs a database: add --db PATH")
    elif provenance:
        raise InputError("--provenance needs a database: add --db PATH")
    registered = [f for f in wanted if f not in ("evidence", "buyer")]
    checker = Checker(families=registered or (None if not wanted else []), extra=extra)
    if family is not None:
        from evidencebot.compose.personnel import with_staff_names

        checker = with_staff_names(checker, family.db)  # the service profile's named staff are not flagged
    results = _check_all(checker, texts, words)
    held = _buyer_sources(ctx, question_files, tender_id, db) if not wanted or "buyer" in wanted else []
    if held:
        from evidencebot.compose import buyer_facts

        facts = buyer_facts.read(held)
        # a draft named as a question file ('q09.docx' and 'q09.md') answers that question: its targets come first
        homes = {ref.lower(): (buyer_facts.buyer_lines(text, ref) or [(ref, "")])[-1][0].split()[0] for ref, text in held}
        results = [sorted(list(found) + buyer_facts.findings(text, facts, home=homes.get(_stem(path), "")),
                          key=lambda f: (f.start, f.end))
                   for found, (text, path) in zip(results, texts)]
    for name, why in checker.unavailable.items():
        click.echo(f"note: {name} checks skipped: {why}", err=True)
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    if fmt == "json":
        import json

        rows = []
        for (_, path), findings in zip(texts, results):
            for row in _rows(path, findings, words):
                counts[row["severity"]] += 1
                rows.append(row)
        if provenance and family is not None:
            # One JSON document: the findings and the evidence appendix side by side.
            appendix = _provenance_rows(family, texts, words)
            click.echo(json.dumps({"findings": rows, "provenance": appendix}, indent=2,
                                  ensure_ascii=False, default=str))
        else:
            click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for (_, path), findings in zip(texts, results):
            for row in _rows(path, findings, words):
                counts[row["severity"]] += 1
                where = f" ({row['where']})" if "where" in row else ""
                click.echo(f"{path}:{row['line']}:{row['column']}: {row['severity']} {row['rule']} "
                           f"{row['message']}{where}")
                for s in row["suggestions"]:
                    click.echo(f"  suggestion: {s}")
        click.echo(
            f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
            f"{_plural(counts['suggestion'], 'suggestion')} in {_plural(len(texts), 'file')}"
        )
    if provenance and family is not None and fmt == "text":
        _print_provenance(_provenance_rows(family, texts, words))
    if target is not None:
        from evidencebot.compose.export import place_file
        from evidencebot.compose.wordcheck import annotate

        path = paths[0]
        rows = _rows(path, results[0], words)
        place_file(target, annotate(words[path], rows))
        click.echo(f"annotated: {target} ({_plural(len(rows), 'comment')})", err=True)
    if counts["error"]:
        sys.exit(1)


def _stem(path: str) -> str:
    from pathlib import Path

    return Path(path).stem.lower()


def _buyer_sources(ctx, question_files: tuple[str, ...], tender_id: int | None, db: str | None) -> list:
    """(ref, text) of each buyer's question the drafts are held to: the files given, and every question of the
    imported tender ``tender_id`` (which needs the database)."""
    from evidencebot.errors import InputError

    from evidencebot.compose.questionnaire import sibling_question_files

    out, seen = [], set()
    for path in question_files:
        out.append((_stem(path), _read(path)))
        seen.add(_stem(path))
    for path in question_files:
        # the other question files of the same tender in its folder (same buyer, ITT reference, lot): a fact stated in
        # one binds every answer, as for 'assemble tender --question-file'
        for sibling in sibling_question_files(path):
            if _stem(str(sibling)) not in seen:
                seen.add(_stem(str(sibling)))
                out.append((_stem(str(sibling)), _read(str(sibling))))
    if tender_id is not None:
        if not db:
            raise InputError("--tender needs a database: add --db PATH")
        from evidencebot.cli.common import open_db
        from evidencebot.compose import tender_store

        _, rows = tender_store.questions(open_db(ctx, db), tender_id)
        out += [(r["ref"], tender_store.draft_text(r)) for r in rows]
    return out


def _annotate_target(paths: tuple[str, ...], out: str, force: bool):
    """The --annotate output file, refused before any work when it cannot be written."""
    from pathlib import Path

    from evidencebot.compose.export import check_target
    from evidencebot.errors import InputError

    if len(paths) != 1 or not _is_word(paths[0]):
        raise InputError("--annotate works on one Word draft (.docx) at a time")
    if not out.lower().endswith(".docx"):
        raise InputError(f"{out}: the annotated copy must be a .docx file")
    if Path(out).expanduser().resolve() == Path(paths[0]).expanduser().resolve():
        raise InputError(f"{out}: the annotated copy must not replace the original; give another name")
    return check_target(out, force=force)


def _check_all(checker, texts, words) -> list:
    """Findings for every text: Markdown or plain text by file name, Word drafts as plain
    text (one block per paragraph), in the order given."""
    out: list = [None] * len(texts)
    plain = [i for i, (_, path) in enumerate(texts) if path in words]
    other = [i for i in range(len(texts)) if i not in set(plain)]
    for indices, markup in ((other, None), (plain, "text")):
        if indices:
            for i, found in zip(indices, checker.check_many([texts[i] for i in indices], markup=markup)):
                out[i] = found
    return out


def _rows(path: str, findings, words) -> list[dict]:
    """The JSON rows for one file's findings (Word drafts: by paragraph, with ``where``)."""
    if path in words:
        from evidencebot.compose.wordcheck import localise

        return [{"path": path, **row} for row in localise(findings, words[path].segments)]
    return [{
        "path": path, "line": f.line, "column": f.column, "end_line": f.end_line,
        "end_column": f.end_column, "rule": f.rule, "family": f.family,
        "severity": f.severity, "message": f.message, "match": f.match,
        "suggestions": list(f.suggestions),
    } for f in findings]


def _provenance_rows(family, texts, words=None) -> list[dict]:
    """The evidence appendix: every supported figure and where it comes from
    (in a Word draft: the paragraph's number and the column in it)."""
    rows = []
    for text, path in texts:
        from evidencebot.language.findings import Finding, locate

        for p in family.provenance(text, path=path):
            if words and path in words:
                from evidencebot.compose.wordcheck import place

                i, s, _ = place(words[path].segments, p.start, p.end)
                line, column = i + 1, s + 1
            else:
                probe = locate([Finding("", "", "", "", p.start, p.end, "")], text)[0]
                line, column = probe.line, probe.column
            rows.append({"path": path, "line": line, "column": column, **p.to_dict()})
    return rows


def _print_provenance(rows: list[dict]) -> None:
    click.echo("")
    click.echo(f"Evidence appendix: {len(rows)} supported figure{'' if len(rows) == 1 else 's'}")
    for r in rows:
        counts = f"{r['numerator']} of {r['denominator']}" if r["denominator"] is not None else "-"
        click.echo(f"{r['path']}:{r['line']}:{r['column']}: '{r['figure']}' = {r['title']}, {r['period'] or '-'}"
                   f" ({counts}); {r['source']}")
        if r["definition"]:
            click.echo(f"  definition: {r['definition']}")
