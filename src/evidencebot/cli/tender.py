"""``evidencebot tender``: a buyer's questionnaire in, checked answers and a response out.

    evidencebot tender import FILE            read a Word or Excel questionnaire
    evidencebot tender profile [--buyer ...]  the tender's own facts (buyer, area, start, incumbent or new)
    evidencebot tender status                 the compliance matrix
    evidencebot tender assign REF --owner --due
    evidencebot tender limit REF --words N    the buyer's limit, where the document's could not be read
    evidencebot tender draft REF | --all      draft (and check) answers
    evidencebot tender export -o response.docx

Commands work on the latest imported tender unless ``--tender ID`` says otherwise.
"""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_db


def register(group: click.Group) -> None:
    group.add_command(tender)


@click.group()
def tender() -> None:
    """Tenders: import a buyer's questionnaire, draft and check answers, export the response."""


def _tender_option(func):
    return click.option("--tender", "tender_id", type=int, metavar="ID",
                        help="Which imported tender (default: the latest).")(func)


@tender.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--title", help="A title for the tender (default: from the document).")
@db_option
@click.pass_context
def import_cmd(ctx, files, title, db):
    """Read a buyer's questionnaire (.docx or .xlsx) into a tender with its questions; or several
    question files (.md or .txt, one question each) as one tender, so that the buyer, its localities
    and whether we would be new are decided once, from all of them."""
    from evidencebot.compose import tender_store

    with open_db(ctx, db) as database:
        source = list(files) if len(files) > 1 else files[0]
        skipped: list[str] = []
        tid, questions = tender_store.import_questionnaire(database, source, title=title, skipped=skipped)
        named = files[0] if len(files) == 1 else f"{len(files)} files"
        click.echo(f"imported tender {tid}: {len(questions)} question{'s' if len(questions) != 1 else ''} from {named}")
        for text in skipped:  # never silent: what looked like a question and was not read as one
            click.echo(f"skipped (no question reference, not imported): \"{text}\"; if it is a question, give it "
                       "its reference in the document ('Q3.5 ...') and import the document again", err=True)
        for q in questions:
            points = len(q["points"])
            weight = f"{q['weighting']:g}%" if q["weighting"] is not None else "-"
            click.echo(f"  {q['ref']}: {points} sub-point{'s' if points != 1 else ''}, "
                       f"{q['limit'] or 'no limit'}, weighting {weight}")
        unlimited = [q["ref"] for q in questions if not q["limit"]]
        if unlimited:  # said now, not when drafting stops short
            click.echo(f"no limit stated for {', '.join(unlimited)}: give the buyer's with "
                       f"'evidencebot tender limit REF --words N' (or --chars N, --pages N) before drafting")
        _echo_profile(database, tid)
        blind = tender_store.tender_facts(database, tid).get("blind_evaluation")
        if blind:
            click.echo(f"blind evaluation (read from the questionnaire: \"{blind}\"): every answer is drafted and "
                       "exported with no provider, service or staff name")


def _echo_profile(database, tender_id) -> None:
    from evidencebot.compose import tender_store

    t, rows = tender_store.tender_profile_rows(database, tender_id)
    click.echo(f"tender {t['tender_id']}'s own facts (the answers use these over the service profile):")
    for r in rows:
        click.echo(f"  {r['label']}: {r['value'] or '-'} ({r['source']})")


@tender.command("profile")
@click.option("--buyer", help="The buyer (commissioner) as the answers should name it.")
@click.option("--area", help="The area the service covers.")
@click.option("--service", help="The service as the buyer names it.")
@click.option("--start", metavar="DATE", help="When the contract starts (e.g. '1 April 2026' or 2026-04-01).")
@click.option("--length", help="How long the contract runs (e.g. 'three years, with an option to extend by two').")
@click.option("--premises", help="Where the service will be delivered from (e.g. 'two bases, one in each locality').")
@click.option("--localities", help="The buyer's localities (e.g. 'Hartmoor City, Wendle Vale and Northfell').")
@click.option("--base", help="The buyer's places the service works from or runs, separated by ';' "
                             "(e.g. 'the Hartmoor Wellbeing Hub; the Saltby Safe Haven'): ours, never a partner.")
@click.option("--incumbent/--new", "incumbent", default=None,
              help="Whether we run the service now (--incumbent) or would be a new provider (--new).")
@click.option("--clear", "clear", multiple=True, metavar="FIELD",
              type=click.Choice(["buyer", "area", "service", "start", "length", "provider", "premises", "localities",
                                 "base"]),
              help="Forget a fact (it is then taken from the service profile for our own buyer, or not known).")
@_tender_option
@db_option
@click.pass_context
def profile_cmd(ctx, buyer, area, service, start, length, premises, localities, base, incumbent, clear, tender_id, db):
    """The tender's own facts: show them (no options), or set them. Answers use them over the
    service profile's, and leave out a fact the tender needs but nobody gave."""
    from evidencebot.compose import tender_store

    names = {"buyer": "commissioner", "area": "area", "service": "service", "start": "contract_start",
             "length": "contract_length", "provider": "provider_status", "premises": "premises",
             "localities": "localities", "base": "base"}
    values: dict = {names[c]: None for c in clear}
    for key, value in (("commissioner", buyer), ("area", area), ("service", service), ("contract_start", start),
                       ("contract_length", length), ("premises", premises), ("localities", localities),
                       ("base", base)):
        if value is not None:
            values[key] = value
    if incumbent is not None:
        values["provider_status"] = "incumbent" if incumbent else "new"
    with open_db(ctx, db) as database:
        if values:
            tender_store.set_tender_profile(database, values, tender_id)
        _echo_profile(database, tender_id)


@tender.command("status")
@click.option("--markdown", is_flag=True, help="One Markdown table (sub-points in it), to paste into a document.")
@_tender_option
@db_option
@click.pass_context
def status_cmd(ctx, markdown, tender_id, db):
    """The compliance matrix: reference, question, sub-points, limit, weighting, words used, status, owner, due;
    then each question's sub-points, the buyer's instructions and what is left to do."""
    from evidencebot.compose import tender_store

    with open_db(ctx, db) as database:
        click.echo(tender_store.status_table(database, tender_id, markdown=markdown))


@tender.command("assign")
@click.argument("ref")
@click.option("--owner", help="Who writes this answer (a role or name on the bid team).")
@click.option("--due", metavar="YYYY-MM-DD", help="When the answer is due.")
@_tender_option
@db_option
@click.pass_context
def assign_cmd(ctx, ref, owner, due, tender_id, db):
    """Set a question's owner and due date."""
    from evidencebot.compose import tender_store

    with open_db(ctx, db) as database:
        tender_store.assign(database, ref, owner=owner, due=due, tender_id=tender_id)
        click.echo(f"{ref}: owner {owner or '-'}, due {due or '-'}")


@tender.command("limit")
@click.argument("ref")
@click.option("--words", type=int, metavar="N", help="The word limit.")
@click.option("--chars", type=int, metavar="N", help="The character limit (spaces included).")
@click.option("--pages", type=float, metavar="N", help="The limit in sides of A4.")
@click.option("--weighting", type=float, metavar="PERCENT", help="The question's weighting (e.g. 10 for 10%).")
@_tender_option
@db_option
@click.pass_context
def limit_cmd(ctx, ref, words, chars, pages, weighting, tender_id, db):
    """Set a question's limit (and weighting) as the buyer gives it, without importing again: for a
    question whose limit the document does not state, or states in words the import could not read.
    It replaces the limit read from the document; an answer drafted for another limit is dropped."""
    from evidencebot.compose import tender_store

    with open_db(ctx, db) as database:
        row = tender_store.set_limit(database, ref, words=words, chars=chars, pages=pages, weighting=weighting,
                                     tender_id=tender_id)
        weight = f"{row['weighting']:g}%" if row["weighting"] is not None else "-"
        click.echo(f"{row['ref']}: limit {tender_store.limit_label(row) or 'none'}, weighting {weight}, "
                   f"status {row['status']}")


@tender.command("draft")
@click.argument("ref", required=False)
@click.option("--all", "all_", is_flag=True, help="Draft every question.")
@click.option("--period", metavar="P", help="Period for the figures (default: the 12 months up to the latest data).")
@click.option("--story", metavar="ID", help="Pin this story to the sub-point it fits best (one question only).")
@_tender_option
@db_option
@click.pass_context
def draft_cmd(ctx, ref, all_, period, story, tender_id, db):
    """Draft and check answers (one REF, or --all), then read every drafted answer of the tender
    together for contradictions. With --all, a question that cannot be drafted (no limit) is
    left and listed at the end with the command that fixes it; the others are drafted. Exit 1
    if a checker finding remains in any answer, answers contradict, or a question was left."""
    from evidencebot.compose import tender_store
    from evidencebot.errors import InputError

    if bool(ref) == bool(all_):
        raise InputError("give one question reference, or --all")
    if story and all_:
        raise InputError("--story pins a story to one answer: give a question reference")
    with open_db(ctx, db) as database:
        def progress(n: int, total: int, ref: str) -> None:
            if total > 1:  # a long run says where it is (the answers follow once all are drafted)
                click.echo(f"drafting {ref} ({n} of {total})", err=True)

        results = tender_store.draft(database, None if all_ else ref, tender_id=tender_id, period=period,
                                     story=story, progress=progress)
        failed = 0
        for r in results:
            answer = r["answer"]
            if answer is None:
                continue  # listed at the end, with what to do
            if r.get("because"):  # drafted again: it referred to an answer that no longer says the method
                click.echo(r["because"], err=True)
            click.echo(f"## {r['ref']}\n")
            click.echo(answer.markdown)
            click.echo(answer.coverage_table(), err=True)
            if answer.placement_notes():
                click.echo(answer.placement_notes(), err=True)
            click.echo(f"{r['ref']}: {answer.summary_line()}", err=True)
            for b in answer.stale:
                click.echo(f"warning: {r['ref']} uses block {b.block_id}, past its review date ({b.review_due}): "
                           "review it before submitting", err=True)
            for f in answer.findings:
                click.echo(f"{r['ref']}: {f.severity} {f.rule} {f.match!r}: {f.message}", err=True)
            if answer.findings:
                failed += 1
                click.echo(f"{r['ref']}: NOT checked clean: {len(answer.findings)} finding(s) remain", err=True)
            else:
                click.echo(f"{r['ref']}: checked: no finding from the checker with the database", err=True)
        # the answers of one tender are read together, as a panel reads them
        clashes = _echo_contradictions(database, tender_id)
        drafted = len([r for r in tender_store.questions(database, tender_id)[1] if (r["answer"] or "").strip()])
        click.echo(f"consistency: {_count(len(clashes), 'contradiction')} across "
                   f"{_count(drafted, 'drafted answer')}", err=True)
        left = [r for r in results if r["answer"] is None]
        done = len(results) - len(left)
        click.echo(f"drafted {done} of {len(results)}: {done - failed} checked clean"
                   + (f", {failed} with findings left (above)" if failed else "")
                   + (f"; {_count(len(clashes), 'contradiction')} (above)" if clashes else ""),
                   err=True)
        flagged = tender_store.lines_to_change(results, clashes)
        if flagged:  # after the long answers, where the writer looks: each flag with the line to change
            click.echo(f"To change before submitting ({len(flagged)}):", err=True)
            for line in flagged:
                click.echo(f"  {line}", err=True)
        if left:  # last, where the writer looks: what was not drafted, why, and the command that fixes it
            click.echo(f"Not drafted ({len(left)} of {len(results)}):", err=True)
            for r in left:
                click.echo(f"  {r['ref']}: {r['reason']}: {r['fix']}", err=True)
        if failed or clashes or left:
            ctx.exit(1)


def _echo_contradictions(database, tender_id, *, prefix: str = "") -> list:
    """The contradictions between the tender's drafted answers (:func:`tender_store.contradictions`), each said on
    a line of its own on stderr ('<prefix>consistency: ...'): ``tender draft`` and ``tender export`` alike."""
    from evidencebot.compose import tender_store

    clashes = tender_store.contradictions(database, tender_id)
    for c in clashes:
        click.echo(f"{prefix}consistency: {c.describe()}", err=True)
    return clashes


def _count(n: int, noun: str) -> str:
    """'1 contradiction', '2 contradictions'."""
    return f"{n} {noun}{'s' if n != 1 else ''}"


@tender.command("export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The response document (.docx, .md or .html).")
@click.option("--force", is_flag=True, help="Overwrite the output files if they exist.")
@click.option("--anonymous", is_flag=True, default=None,
              help="For blind evaluation: no provider or service name in the answers, the header or the document's "
                   "properties. On by itself when a question asks that the bidder not be named.")
@click.option("--name-provider", is_flag=True, default=None,
              help="Name the provider in the Word page header and the file's properties (author, company). Off by "
                   "default: the response to submit is blind ([documents] name_provider in config.toml); the review "
                   "copy names it.")
@_tender_option
@db_option
@click.pass_context
def export_cmd(ctx, output, force, anonymous, name_provider, tender_id, db):
    """Write every answer under the buyer's numbering; for an Excel questionnaire also a
    copy of the buyer's workbook with the answers in the answer column (never the original).
    Parts still marked [To write] or [To attach] are listed on one line first (a warning), then every
    contradiction between the answers (one fact stated two ways: opening hours, meeting frequencies, ...),
    as a panel reading them side by side would find it."""
    from evidencebot.compose import export as ex
    from evidencebot.compose import gaps, tender_store

    with open_db(ctx, db) as database:
        rows = tender_store.questions(database, tender_id)[1]
        left = gaps.tender_gaps(rows)
        if left:  # said before anything is written, so the writer sees what still scores as no answer
            click.echo(f"warning: {gaps.gaps_line(left)}", err=True)
        if any((r["answer"] or "").strip() for r in rows):
            clashes = _echo_contradictions(database, tender_id, prefix="warning: ")
            if clashes:
                click.echo(f"warning: {_count(len(clashes), 'contradiction')} between the answers (above): correct "
                           "them before submitting", err=True)
        written = tender_store.export(database, output, tender_id=tender_id, force=force,
                                      anonymous=True if anonymous else None,
                                      name_provider=True if name_provider else None)
        # which file is which: the response to submit holds no comment or note for the writer (the review copy does)
        for path, role in ex.file_roles(written[0], written).items():
            click.echo(f"written: {path} ({role})", err=True)
        if written[0].suffix.lower() == ".docx":  # blind unless asked: say so, so an empty header is no surprise
            shape = ex.ExportDoc(title="", body="", kind="response", anonymous=bool(anonymous),
                                 name_provider=True if name_provider else None)
            click.echo(f"header: {ex.provider_note(shape)}", err=True)
