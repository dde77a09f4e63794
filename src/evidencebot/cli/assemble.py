"""``evidencebot assemble`` (tender answers, contract reviews, variance notes)
and ``evidencebot library`` (the bid library)."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_db

FORMAT_CHOICE = click.Choice(["md", "html", "docx"], case_sensitive=False)


def register(group: click.Group) -> None:
    group.add_command(assemble)
    group.add_command(library)


@click.group()
def assemble() -> None:
    """Assemble narratives from your data: tender answers and contract reviews."""


def _read_question(question: str | None, question_file: str | None) -> tuple[str, int | None]:
    """The question text and any word limit given in a question file's front matter."""
    from evidencebot.errors import InputError

    if bool(question) == bool(question_file):
        raise InputError("give the question with --question TEXT or --question-file FILE (one of them)")
    if question:
        return question, None
    import re

    from evidencebot.inputs import check_input, load_yaml

    path = check_input(question_file, limit="check_mb", what="question file")  # not a pipe, not huge
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file") from None
    limit = None
    front = re.match(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.S)
    if front:
        meta = load_yaml(front.group(1), str(path)) or {}  # bounded: no aliases, one-line errors
        if isinstance(meta, dict) and meta.get("word_limit") is not None:
            try:
                limit = int(meta["word_limit"])
            except (TypeError, ValueError):
                raise InputError(f"{path}: word_limit {str(meta['word_limit'])[:40]!r} is not a whole number") from None
        text = text[front.end():]
    if not text.strip():
        raise InputError(f"{path}: the question is empty")
    return text, limit


def _emit(db, doc, fmt: str, output: str | None, force: bool, kind: str,
          plain_markdown: str | None = None) -> None:
    """Write the document to -o FILE, or print it (Markdown and HTML only) to stdout.

    Either way the export is recorded with the stories it uses before it is
    written (:func:`evidencebot.compose.export.write_recorded` /
    :func:`~evidencebot.compose.export.recorded`), so
    ``evidencebot stories show ID`` lists it; a story that may not leave the
    service refuses the export and nothing is written.
    """
    from evidencebot.compose import export
    from evidencebot.errors import InputError

    fmt = export.guess_format(output, fmt)
    if output is not None:  # -o "" is refused by the path check, never printed
        path = export.write_recorded(db, doc, output, fmt, kind=kind, force=force)
        extra = export.companion_paths(doc, path, fmt)
        if not extra:
            click.echo(f"written: {path}", err=True)
            return
        # which file is which: the one to submit holds no comment or note for the writer; those are in the review copy
        notes = sum(1 for m, n in doc.writer_notes if m and n)
        for p, role in export.file_roles(path, list(extra.values()), notes, gaps=export.writer_gaps(doc),
                                                attach=export.writer_attachments(doc)).items():
            click.echo(f"written: {p} ({role})", err=True)
        return
    if fmt == "docx":
        raise InputError("a Word document cannot be printed: give a file with -o FILE.docx")
    text = export.to_html(doc) if fmt == "html" else (
        plain_markdown if plain_markdown is not None else export.to_markdown(doc))
    with export.recorded(db, "stdout", kind, export.used_story_ids(doc), text=export.document_text(doc)):
        click.echo(text, nl=False)


def _check_output(output: str | None, force: bool, fmt: str | None, kind: str | None = None) -> None:
    """Refuse an output file that exists (without --force), Word to stdout, or a broken Word template of the
    user's own for a document of ``kind``, before any slow work (a review takes seconds to assemble; the
    template's error was only found after it). The shipped templates are not checked again."""
    from evidencebot.compose import export, word
    from evidencebot.errors import InputError

    if output is not None:
        export.check_target(output, force=force)
    elif export.guess_format(None, fmt) == "docx":
        raise InputError("a Word document cannot be printed: give a file with -o FILE.docx")
    if kind is not None and export.guess_format(output, fmt) == "docx":
        template, users = word.template_for(kind)
        if users:
            word.check_template(template, kind)


@assemble.command("tender")
@click.option("--question", "question", metavar="TEXT", help="The tender question.")
@click.option("--question-file", type=click.Path(dir_okay=False), metavar="FILE",
              help="A file holding the question (front matter word_limit is read).")
@click.option("--words", type=int, metavar="N", help="The word limit (default: the one the question states).")
@click.option("--period", metavar="P", help="Period for the figures (default: the 12 months up to the latest data).")
@click.option("--compare", metavar="P", help="Period to compare with (default: the one before).")
@click.option("--format", "fmt", type=FORMAT_CHOICE, help="md (default), html or docx (docx needs -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of printing.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--save", is_flag=True, help="Also save the answer in the bid library.")
@click.option("--story", metavar="ID", help="Use this story, in the sub-point it fits best.")
@click.option("--anonymous", is_flag=True, default=None,
              help="For blind evaluation: no provider or service name in the answer or its Word header ('our "
                   "organisation', 'our service'). On by itself when the question asks that the bidder not be named.")
@click.option("--name-provider", is_flag=True, default=None,
              help="Name the provider in the Word page header and the file's properties (author, company). "
                   "Off by default: a submitted answer is blind ([documents] name_provider in config.toml).")
@db_option
@click.pass_context
def tender_cmd(ctx, question, question_file, words, period, compare, fmt, output, force, save, story, anonymous,
               name_provider, db):
    """Draft a checked tender answer within the word limit.

    Each sub-point gets its own part: approved method text from the library,
    adapted with the service profile, then a figure or two, a story where it
    fits, and what it means. The answer goes to stdout (ready to paste) or to
    -o FILE; the coverage table, the word count and how words were counted go
    to stderr. Exit 1 when a finding of the checker (run with the database,
    any severity) remains in the answer: it is printed, and the answer is not
    called checked; or when the answer states something the question's own
    facts contradict (its buyer, contract start, incumbent or new provider).
    """
    from evidencebot.compose import export
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.errors import InputError
    from evidencebot.inputs import without_controls

    text, file_limit = _read_question(question, question_file)
    text = without_controls(text)  # never echo terminal escapes from a question
    limit = words if words is not None else file_limit
    if limit is not None and limit <= 0:
        raise InputError(f"--words must be a positive number, not {limit}")
    _check_output(output, force, fmt, "tender")
    with open_db(ctx, db) as database:
        facts, whole, shared = None, "", None
        if question_file:
            # the other questions of the same tender in the folder (same buyer, ITT reference, lot): their facts bind
            # this answer too, as they do for a tender imported from those files
            from evidencebot.compose.tender_store import question_file_context

            facts, whole, used = question_file_context(database, question_file)
            if used:
                click.echo(f"read the buyer's facts of {len(used)} other question file{'s' if len(used) != 1 else ''} "
                           f"of this tender (same header): {', '.join(p.name for p in used)}", err=True)
                # the blocks those answers used (drafted into this database before this one) are avoided where another
                # fits, as 'tender draft' avoids them across a tender: no generic paragraph word for word in several
                # answers of one tender (s33 panel)
                from evidencebot.compose.tender import TenderShared
                from evidencebot.compose.tender_store import sibling_blocks

                before = sibling_blocks(database, used)
                if before:
                    shared = TenderShared(blocks=before)
                    click.echo(f"avoided where another block fits: {len(before)} block{'s' if len(before) != 1 else ''} "
                               "the other answers of this tender use", err=True)
        answer = assemble_tender(database, text, limit, period=period, compare=compare, story=story,
                                 anonymous=True if anonymous else None, tender=facts or None, buyer_context=whole,
                                 shared=shared)
        if answer.nation:
            from evidencebot.compose import nations

            click.echo(nations.log_line(answer.nation, answer.nation_cue), err=True)
        if answer.anonymous:
            click.echo("anonymous: no provider or service name in the answer or its header (blind evaluation)"
                       + ("" if anonymous else ": the question asks that the bidder not be named"), err=True)
        from evidencebot.compose.words import counts

        if counts(answer.markdown).words == 0:  # e.g. --words 1: never an empty answer with exit 0
            raise InputError(f"a {answer.word_limit:,}-word limit leaves no room for any sentence of the answer; "
                             "give a larger --words")
        doc = answer.to_export()
        if name_provider:
            doc.name_provider = True
        _emit(database, doc, fmt, output, force, "tender", plain_markdown=answer.markdown)
        if output and export.guess_format(output, fmt) == "docx":
            click.echo(f"header: {export.provider_note(doc)}", err=True)
        click.echo("", err=True)
        click.echo(answer.coverage_table(), err=True)
        if answer.placement_notes():
            click.echo("", err=True)
            click.echo(answer.placement_notes(), err=True)
        click.echo("", err=True)
        click.echo(answer.summary_line(), err=True)
        for edit in answer.edits:
            where = "the title" if edit.point == "title" else f"a sentence in {edit.point}"
            click.echo(f"checker: {edit.action} {where} ({edit.rule})", err=True)
        for b in answer.stale:
            click.echo(f"warning: block {b.block_id} is past its review date ({b.review_due}): "
                       "review it before submitting ('evidencebot library reviewed {b.block_id}')", err=True)
        from evidencebot.compose import library

        library.record_use(database, answer.blocks, "assemble tender", answer.question)
        if answer.findings:
            for f in answer.findings:
                click.echo(f"finding left: {f.severity} {f.rule} {f.match!r}: {f.message}", err=True)
            click.echo(f"NOT checked clean: {len(answer.findings)} finding(s) of the checker remain", err=True)
        else:
            click.echo("checked: no finding from the checker with the database", err=True)

        for earlier in library.similar(database, answer.question, limit=3):
            score = f"scored {earlier.score:g}/{earlier.max_score:g}" if earlier.score is not None else "unscored"
            stale = "; past its review date: check every figure" if earlier.overdue else ""
            click.echo(f"library: earlier answer #{earlier.bid_id} ({earlier.created_at}, {score}{stale}) "
                       f"shares: {', '.join(earlier.shared_terms[:5])}", err=True)
        if save:
            bid_id = library.save(database, answer.question, answer.markdown,
                                  word_limit=answer.word_limit, period=answer.period.label)
            click.echo(f"saved in the bid library as #{bid_id}", err=True)
        for clash in answer.tender_clashes:  # the tender's own facts, and one fact stated two ways in the answer
            click.echo(f"consistency: {clash.describe()}", err=True)
        if answer.tender_clashes:
            n = len(answer.tender_clashes)
            click.echo(f"NOT consistent: {n} contradiction{'s' if n != 1 else ''} (above): correct the answer or the "
                       "service profile", err=True)
        if answer.findings or answer.tender_clashes:
            ctx.exit(1)


@assemble.command("review")
@click.option("--period", metavar="P", help="Review period, in any form the chat reads: 2026/27 Q2, 'July to September "
              "2026', 'last quarter' (default: the last complete quarter).")
@click.option("--compare", metavar="P", help="Period to compare with (default: the one before).")
@click.option("--format", "fmt", type=FORMAT_CHOICE, help="md (default), html or docx (docx needs -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of printing.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--no-suppress", is_flag=True,
              help="Show exact small counts (internal use only; the document says so).")
@click.option("--no-charts", is_flag=True, help="Leave SPC charts out of Word and HTML files.")
@db_option
@click.pass_context
def review_cmd(ctx, period, compare, fmt, output, force, no_suppress, no_charts, db):
    """Assemble the contract review narrative for a period."""
    from evidencebot.compose import gather
    from evidencebot.compose.review import assemble_review

    _check_output(output, force, fmt, "review")
    with open_db(ctx, db) as database:
        p, bound = gather.read_period(database, period)  # the chat's reading of the same words
        if bound:
            click.echo(f"note: {bound}", err=True)
        review = assemble_review(database, p, compare, suppress=not no_suppress)
        doc = review.to_export(charts=not no_charts)
        _emit(database, doc, fmt, output, force, "review")
        if no_suppress:
            click.echo("note: small-number suppression is off; do not send this document outside the service",
                       err=True)
        for edit in review.edits:
            click.echo(f"checker: {edit.action} text ({edit.rule})", err=True)
        for hint in review.hints:
            click.echo(f"hint: {hint}", err=True)


@assemble.command("note")
@click.argument("indicator")
@click.option("--period", required=True, metavar="P", help="The review period the note belongs to.")
@click.option("--reason", required=True, help="The cause: why the target was missed (or the measure moved).")
@click.option("--action", default=None, help="What will be done about it.")
@click.option("--owner", required=True, help="Who will act (a role, not a person's name).")
@click.option("--due", required=True, metavar="YYYY-MM-DD", help="When the action is due.")
@click.option("--recovery", default=None, metavar="YYYY-MM-DD",
              help="When the measure is expected back on target.")
@db_option
@click.pass_context
def note_cmd(ctx, indicator, period, reason, action, owner, due, recovery, db):
    """Record a variance note for a missed target or an activity measure off plan
    ('activity.referrals'), shown in the contract review."""
    from evidencebot.compose import gather
    from evidencebot.compose.review import save_variance_note

    with open_db(ctx, db) as database:
        p = gather.parse(database, period)
        save_variance_note(database, indicator, p.label, reason, owner, due, action=action, recovery_on=recovery)
        click.echo(f"variance note saved for {indicator} in {p.label}")


# ---------------------------------------------------------------- the bid library


@click.group()
def library() -> None:
    """The bid library: earlier answers, their scores and review dates."""


@library.command("list")
@db_option
@click.pass_context
def library_list(ctx, db):
    """List saved answers, newest first."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        rows = lib.all_bids(database)
        if not rows:
            click.echo("the bid library is empty (save answers with 'evidencebot assemble tender --save')")
        for r in rows:
            click.echo(_line(r, database))


def _withdrawn_note(database, r: dict) -> str:
    """``withdrawn story S0001 (consent withdrawn 2026-12-01)`` when the entry holds a withdrawn story, else ""."""
    from evidencebot.store import reach

    held = reach.hidden_entry(database, r)
    return "; ".join(f"withdrawn story {row['story_id']} (consent withdrawn {str(row['consent_withdrawn_at'])[:10]})"
                     for row, _ in held)


def _line(r: dict, database=None) -> str:
    import datetime as dt

    score = f"{r['score']:g}/{r['max_score']:g}" if r.get("score") is not None else "unscored"
    overdue = ""
    if r.get("review_date") and r["review_date"] < dt.date.today().isoformat():
        overdue = "  [past review date]"
    withdrawn = _withdrawn_note(database, r) if database is not None else ""
    question = "(question hidden)" if withdrawn else " ".join(r["question"].split())
    if len(question) > 70:
        question = question[:67] + "..."
    if withdrawn:
        overdue += f"  [holds {withdrawn}: text hidden]"
    return f"#{r['bid_id']:<4} {r['created_at']}  {r['words'] or 0:>5} words  {score:<9} {question}{overdue}"


@library.command("search")
@click.argument("text")
@db_option
@click.pass_context
def library_search(ctx, text, db):
    """Full-text search of questions and answers."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        rows = lib.search(database, text)
        if not rows:
            click.echo("no saved answer matches")
        for r in rows:
            click.echo(_line(r, database))


@library.command("show")
@click.argument("bid_id", type=int)
@db_option
@click.pass_context
def library_show(ctx, bid_id, db):
    """Show one saved answer with its question, score and feedback."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        r = lib.get(database, bid_id)
        withdrawn = _withdrawn_note(database, r)
        click.echo(f"# Library entry {r['bid_id']}\n")
        if not withdrawn:
            click.echo(f"**Question:** {r['question']}\n")
        click.echo(f"**Saved:** {r['created_at']}; **review by:** {r['review_date']}; "
                   f"**words:** {r['words']} of {r['word_limit'] or 'no limit'}\n")
        if r.get("score") is not None:
            click.echo(f"**Score:** {r['score']:g} out of {r['max_score']:g} ({r['outcome']})\n")
        if withdrawn:  # consent withdrawn: none of the entry's own words are shown
            click.echo(f"**Withdrawn:** this entry holds the text of {withdrawn}; its question, feedback and "
                       "answer are hidden and it must not be reused while consent stays withdrawn.")
            return
        if r.get("feedback"):
            click.echo(f"**Feedback:** {r['feedback']}\n")
        click.echo(r["answer"])


@library.command("score")
@click.argument("bid_id", type=int)
@click.option("--score", "score", type=float, required=True, help="The score the answer received.")
@click.option("--max", "max_score", type=float, required=True, help="The highest score possible.")
@click.option("--feedback", help="The evaluator's feedback.")
@click.option("--outcome", type=click.Choice(["pending", "won", "lost", "withdrawn"]), help="How the bid ended.")
@db_option
@click.pass_context
def library_score(ctx, bid_id, score, max_score, feedback, outcome, db):
    """Record the score and feedback an answer received."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        r = lib.record_score(database, bid_id, score, max_score, feedback, outcome)
        click.echo(f"#{r['bid_id']}: scored {r['score']:g} out of {r['max_score']:g}")


# ---------------------------------------------------------------- the method library (answer blocks)


def _block_line(b) -> str:
    state = b.status if b.status != "approved" else f"approved by {b.approved_by}"
    stale = f"; STALE: review was due {b.review_due}" if b.stale else f"; review due {b.review_due}"
    from evidencebot.compose.gapflow import scope_words

    scope = f"; {scope_words(b.buyer)} until marked general" if b.buyer else ""
    return f"{b.block_id}: {b.title} [{', '.join(b.tags) or 'no tags'}] ({state}; owner {b.owner}{stale}{scope})"


@library.command("blocks")
@click.option("--stale", is_flag=True, help="Only blocks past their review date.")
@db_option
@click.pass_context
def library_blocks(ctx, stale, db):
    """Method blocks: approval, owner and review date (stale ones flagged)."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        blocks = lib.list_blocks(database, stale=True if stale else None)
        if not blocks:
            click.echo("no method blocks" + (" past their review date" if stale else
                                             " (add them with 'evidencebot library import FILE' or 'library add')"))
        for b in blocks:
            click.echo(_block_line(b))


@library.command("find")
@click.argument("text")
@click.option("--all", "all_", is_flag=True, help="Include blocks not yet approved.")
@db_option
@click.pass_context
def library_find(ctx, text, all_, db):
    """Search the method blocks (SQLite FTS5, BM25 ranking), best match first."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        hits = lib.search_blocks(database, text, approved_only=not all_)
        if not hits:
            click.echo("no block matches")
        for b in hits:
            click.echo(f"{_block_line(b)}\n    shares: {', '.join(b.matched) or '-'}")


@library.command("block")
@click.argument("block_id")
@db_option
@click.pass_context
def library_block(ctx, block_id, db):
    """One block: its text, 'what it means', approval, review dates and where it was used."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        b = lib.get_block(database, block_id)
        click.echo(_block_line(b))
        click.echo("")
        click.echo(b.body)
        if b.means:
            click.echo(f"\nWhat it means: {b.means}")
        click.echo(f"\nsource: {b.source}; last reviewed {b.last_reviewed}")
        used = lib.uses(database, block_id)
        click.echo(f"used {len(used)} time{'s' if len(used) != 1 else ''}" + (":" if used else ""))
        for u in used[:20]:
            click.echo(f"  {u['used_at']} {u['used_in']} ({u['used_by']})")


@library.command("add")
@click.option("--title", required=True)
@click.option("--text", "body", required=True, help="The method text ({service}, {team} ... are filled from the profile).")
@click.option("--means", default="", help="What this means for the people supported (one sentence).")
@click.option("--tags", default="", help="Topic tags, comma-separated.")
@click.option("--owner", help="Who owns the block (default: you).")
@db_option
@click.pass_context
def library_add(ctx, title, body, means, tags, owner, db):
    """Write a new method block (a draft until a second person approves it)."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        ident = lib.add_block(database, title, body, means=means, owner=owner,
                              tags=[t.strip() for t in tags.split(",") if t.strip()])
        click.echo(f"added block {ident} (draft: 'evidencebot library submit {ident}', then a colleague approves it)")


@library.command("from-gap")
@click.argument("ref")
@click.argument("part", required=False)
@click.option("--tender", "tender_id", type=int, metavar="ID", help="The tender (default: the latest imported).")
@db_option
@click.pass_context
def library_from_gap(ctx, ref, part, tender_id, db):
    """Save what you wrote for a gap of tender question REF's answer as a draft block (PART: the gap's number, or its
    part's heading); without PART, list the answer's gaps. The block is for this tender's buyer until someone marks it
    general ('library general ID'); once approved, the next draft of that part takes it."""
    from evidencebot.compose import gapflow, tender_store

    with open_db(ctx, db) as database:
        if not part:
            row = tender_store.find_question(database, ref, tender_id)
            found = gapflow.stored_gaps(row)
            click.echo(f"{row['ref']}: " + (f"{len(found)} gap{'s' if len(found) != 1 else ''}" if found else "no gaps"))
            for i, g in enumerate(found, 1):
                click.echo(f"  {i}. {g.line()}")
            return
        ident, gap = tender_store.save_tender_gap(database, ref, part, tender_id=tender_id)
        b = gapflow.library.get_block(database, ident)
        click.echo(f"added block {ident} from {ref} '{gap.heading or gap.part}' (draft; tags: {', '.join(b.tags) or '-'}"
                   + (f"; {gapflow.scope_words(b.buyer)}" if b.buyer else "") + f"): 'evidencebot library submit {ident}', "
                   "then a colleague approves it")


@library.command("general")
@click.argument("block_id")
@db_option
@click.pass_context
def library_general(ctx, block_id, db):
    """Mark a block written for one buyer's tender general: any buyer's answer may use it."""
    from evidencebot.compose import gapflow

    with open_db(ctx, db) as database:
        gapflow.mark_general(database, block_id)
        click.echo(f"block {block_id} is general: any buyer's answer may use it")


@library.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--tags", default="", help="Tags for every block, comma-separated.")
@db_option
@click.pass_context
def library_import(ctx, file, tags, db):
    """Split earlier answers (.docx, .md or .txt) into draft blocks: one per heading's section."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        ids = lib.import_answers(database, file, tags=[t.strip() for t in tags.split(",") if t.strip()])
        click.echo(f"imported {len(ids)} draft block{'s' if len(ids) != 1 else ''} from {file}: {', '.join(ids)}")


@library.command("submit")
@click.argument("block_id")
@db_option
@click.pass_context
def library_submit(ctx, block_id, db):
    """Put a draft block forward for approval."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        lib.submit_block(database, block_id)
        click.echo(f"block {block_id} submitted: a second person approves it with 'evidencebot library approve'")


@library.command("approve")
@click.argument("block_id")
@db_option
@click.pass_context
def library_approve(ctx, block_id, db):
    """Approve a submitted block (not the person who submitted it)."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        b = lib.approve_block(database, block_id)
        click.echo(f"block {block_id} approved by {b.approved_by}: answers may now use it")


@library.command("reviewed")
@click.argument("block_id")
@db_option
@click.pass_context
def library_reviewed(ctx, block_id, db):
    """Record that a block was reviewed today (next review a year on)."""
    from evidencebot.compose import library as lib

    with open_db(ctx, db) as database:
        b = lib.review_block(database, block_id)
        click.echo(f"block {block_id} reviewed; next review due {b.review_due}")


@library.command("declare")
@click.argument("topic", required=False)
@click.option("--statement", help="What we confirm, in our words ('a Safeguarding Adults Policy approved by our board').")
@click.option("--evidence", default="", help="The evidence a panel is given ('the Trust Board approved it on 2 July 2026').")
@click.option("--approved-by", default="", help="Who approved it ('the Trust Board').")
@click.option("--approved-on", default="", metavar="YYYY-MM-DD", help="When it was approved.")
@click.option("--reviewed-on", default="", metavar="YYYY-MM-DD", help="When it was last reviewed.")
@click.option("--remove", is_flag=True, help="Remove the declaration for TOPIC.")
@db_option
@click.pass_context
def library_declare(ctx, topic, statement, evidence, approved_by, approved_on, reviewed_on, remove, db):
    """The organisation's declarations for Pass/Fail statements: with no TOPIC, list them and the topics.

    A Pass/Fail or yes/no statement in a question ("Do you have a safeguarding adults policy approved by your board
    and reviewed within the last 12 months?") is answered "Yes." only from a declaration recorded here for each
    topic it names (topics: phrasebank/confirmations.yaml), and only when the record meets every condition the buyer
    sets (an amount of cover, a grade, a training level, how often, a review date within the months asked) and
    covers each clause; the "Yes." gives the statement recorded here. Otherwise the part says "[To confirm]"."""
    from evidencebot.compose import confirmations
    from evidencebot.errors import InputError
    from evidencebot.store import declarations as D

    topics = list((confirmations._data().get("topics") or {}))
    with open_db(ctx, db) as database:
        if topic:
            if topic not in topics:
                raise InputError(f"unknown declaration topic {topic!r} (known: {', '.join(topics)})")
            if remove:
                if not D.remove_declaration(database, topic):
                    raise InputError(f"no declaration is recorded for {topic!r}")
                click.echo(f"removed: {topic}")
                return
            if not statement:
                raise InputError("--statement is needed: what we confirm, in our words")
            D.set_declaration(database, topic, statement=statement, evidence=evidence, approved_by=approved_by,
                              approved_on=approved_on, reviewed_on=reviewed_on)
        held = D.get_declarations(database)
        for key in topics:
            d = held.get(key)
            if d is None:
                click.echo(f"{key}: (none recorded: a statement on {confirmations.topic_label(key)} gets [To confirm])")
                continue
            dates = ", ".join(x for x in (f"approved {d['approved_on']}" if d.get("approved_on") else "",
                                          f"reviewed {d['reviewed_on']}" if d.get("reviewed_on") else "") if x)
            click.echo(f"{key}: {d['statement']}" + (f" ({dates})" if dates else ""))


@library.command("profile")
@click.option("--set", "values", multiple=True, metavar="FIELD=VALUE",
              help="Set a profile field (service, provider, area, commissioner, hours, team, team_wte, caseload, partners, "
                   "pathways, provider_status, contract_start, service_manager, clinical_lead, safeguarding_lead, "
                   "caldicott_guardian, siro, dspt_status, staff_turnover).")
@db_option
@click.pass_context
def library_profile(ctx, values, db):
    """The service profile that fills the blocks' {placeholders}."""
    from evidencebot.compose import library as lib
    from evidencebot.errors import InputError

    with open_db(ctx, db) as database:
        if values:
            pairs = {}
            for v in values:
                if "=" not in v:
                    raise InputError(f"--set {v!r}: write FIELD=VALUE")
                k, _, val = v.partition("=")
                pairs[k.strip()] = val
            lib.set_profile(database, pairs)
        profile = lib.get_profile(database)
        for field_name in lib.PROFILE_FIELDS + lib.OPTIONAL_PROFILE_FIELDS:
            click.echo(f"{field_name}: {profile.get(field_name, '(not set)')}")
