"""``evidencebot stories ...`` and ``evidencebot drafts ...``: approval and consent.

Thin commands over :mod:`evidencebot.store.workflow`. The person acting is the
settings user name (``[user] name`` in config.toml).
"""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_existing


def register(group: click.Group) -> None:
    group.add_command(stories)
    group.add_command(drafts)


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _consent_label(row: dict) -> str:
    if row.get("consent_withdrawn_at"):
        return "withdrawn"
    return row.get("consent") or "none"


@click.group()
def stories() -> None:
    """Outcome stories: list, show, submit, approve, consent and withdraw consent."""


@stories.command("list")
@click.option("--status", type=click.Choice(["draft", "submitted", "approved"]), help="Only this status.")
@click.option("--consent", type=click.Choice(["external", "internal", "none"]), help="Only this consent.")
@click.option("--exportable", is_flag=True, help="Only stories an external document may use.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
@click.pass_context
def list_cmd(ctx, status, consent, exportable, fmt, db):
    """List stories with their status, consent and whether they may be exported."""
    import json

    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        rows = workflow.list_stories(database, status=status, consent=consent, exportable=exportable)
    if fmt == "json":
        keys = ("story_id", "title", "status", "consent", "consent_date", "consent_withdrawn_at",
                "submitted_by", "submitted_at", "approved_by", "approved_at", "story_date")
        click.echo(json.dumps([{**{k: r.get(k) for k in keys}, "exportable": workflow.is_exportable(r)}
                               for r in rows], ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo("no stories match")
        return
    w = min(28, max(4, *(len(r["story_id"]) for r in rows)))
    click.echo(f"{'id':<{w}} {'status':<10} {'consent':<10} {'export':<6} {'approved by':<18} title")
    for r in rows:
        ok = "yes" if workflow.is_exportable(r) else "no"
        click.echo(f"{_short(r['story_id'], w):<{w}} {r.get('status') or 'draft':<10} {_consent_label(r):<10} "
                   f"{ok:<6} {_short(r.get('approved_by'), 18):<18} {_short(r.get('title'), 50)}")


@stories.command("show")
@click.argument("story_id")
@db_option
@click.pass_context
def show_cmd(ctx, story_id, db):
    """Show one story: its text, approval, consent history and the documents that used it."""
    from evidencebot.store import audit, workflow
    from evidencebot.store.stories import SECTIONS

    with open_existing(ctx, db) as database:
        row = workflow.get_story(database, story_id)
        history = workflow.consent_history(database, story_id)
        documents = workflow.documents_reached(database, story_id)
    click.echo(f"# {row.get('title')}  [{row['story_id']}]\n")
    click.echo(f"status:     {row.get('status') or 'draft'}")
    if row.get("submitted_by"):
        click.echo(f"submitted:  {row['submitted_at']} by {row['submitted_by']}")
    if row.get("approved_elsewhere_by"):
        click.echo(f"approved elsewhere by {row['approved_elsewhere_by']} (imported; "
                   f"{'confirmed here' if row.get('status') == 'approved' else 'not exportable until confirmed here'})")
    if row.get("approved_by") or row.get("approved_at"):
        click.echo(f"approved:   {row.get('approved_at') or '?'} by {row.get('approved_by') or 'nobody named'}")
    click.echo(f"consent:    {_consent_label(row)}"
               + (f" (dated {row['consent_date']})" if row.get("consent_date") else ""))
    blockers = workflow.story_blockers(row)
    click.echo("export:     " + ("may be used in external documents" if not blockers
                                 else "not allowed: " + "; ".join(blockers)))
    text = "\n".join(row.get(k) or "" for k in SECTIONS)
    click.echo(f"text:       {len(text):,} characters, sha256 {audit.digest(text)}")
    for key, heading in SECTIONS.items():
        click.echo(f"\n## {heading}\n\n{(row.get(key) or '').strip()}")
    if history:
        click.echo("\n## Consent history\n")
        for h in history:
            note = f" ({h['note']})" if h.get("note") else ""
            click.echo(f"- {h['recorded_at'][:19].replace('T', ' ')} {h['event']}: {h['consent']}"
                       f"{' dated ' + h['consent_date'] if h.get('consent_date') else ''}"
                       f" by {h.get('recorded_by') or '?'}{note}")
    if documents:
        click.echo("\n## Used in\n")
        for d in documents:
            if d.get("found"):  # a library entry, draft or tender answer holding the text
                click.echo(f"- {d['document']} ({d['kind']}: holds {d['found']})")
            else:
                click.echo(f"- {d['document']} ({d['kind']}, {d['exported_at']} by {d.get('exported_by') or '?'})")


@stories.command("submit")
@click.argument("story_id")
@db_option
@click.pass_context
def submit_cmd(ctx, story_id, db):
    """Submit a finished story for approval (it needs a title, all four parts, and no personal data
    left in it: the same checks as 'evidencebot check')."""
    from evidencebot.assistant.governance import submit_story_checked

    with open_existing(ctx, db) as database:
        row = submit_story_checked(database, story_id)
    click.echo(f"story {story_id} submitted by {row['submitted_by']}; it now needs approval by someone else")


@stories.command("approve")
@click.argument("story_id")
@db_option
@click.pass_context
def approve_cmd(ctx, story_id, db):
    """Approve a submitted story (not one you submitted yourself, nor one with personal data left in it)."""
    from evidencebot.assistant.governance import approve_problems
    from evidencebot.errors import InputError
    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        problems = approve_problems(database, story_id)
        if problems:
            raise InputError(f"story {story_id} cannot be approved while it has: " + " | ".join(problems))
        row = workflow.approve_story(database, story_id)
        same = workflow.approved_from_same_account(database, "stories", story_id)
    click.echo(f"story {story_id} approved by {row['approved_by']} at {row['approved_at']}")
    if same:
        click.echo("note: approved from the same computer account that wrote or submitted it "
                   "([governance] shared_account = true); the audit log marks it and 'evidencebot doctor' lists it",
                   err=True)
    blockers = workflow.story_blockers(row)
    if blockers:
        click.echo(f"note: it still may not be used externally: {'; '.join(blockers)}", err=True)


@stories.command("return")
@click.argument("story_id")
@db_option
@click.pass_context
def return_cmd(ctx, story_id, db):
    """Send a submitted or approved story back to draft."""
    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        workflow.return_story(database, story_id)
    click.echo(f"story {story_id} is a draft again (any approval is withdrawn)")


def _print_documents(change) -> None:
    if change.documents:
        click.echo(f"It was already used in {len(change.documents)} document(s); recall or correct them:")
        for d in change.documents:
            if d.get("found"):  # a library entry, draft or tender answer holding the text
                click.echo(f"  - {d['document']} ({d['kind']}: holds {d['found']})")
            else:
                click.echo(f"  - {d['document']} ({d['kind']}, exported {d['exported_at']} by "
                           f"{d.get('exported_by') or '?'})")
    else:
        click.echo("No document has used it.")


@stories.command("consent")
@click.argument("story_id")
@click.argument("consent", type=click.Choice(["external", "internal", "none"]))
@click.option("--date", "date", metavar="YYYY-MM-DD", help="When the person gave it (default: today).")
@click.option("--note", help="How it was given (e.g. 'signed form, filed'). No personal details.")
@db_option
@click.pass_context
def consent_cmd(ctx, story_id, consent, date, note, db):
    """Record the consent the person has given: external, internal or none."""
    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        change = workflow.record_consent(database, story_id, consent, date=date, note=note)
    row = change.story
    click.echo(f"story {story_id}: consent {change.previous} -> {row['consent']} (dated {row['consent_date']})")
    if change.previous == "external" and consent != "external":
        click.echo("External consent withdrawn: the story will not appear in any new export.")
        _print_documents(change)
    blockers = workflow.story_blockers(row)
    if consent == "external" and blockers:
        click.echo(f"note: not yet usable externally: {'; '.join(blockers)}", err=True)


@stories.command("withdraw")
@click.argument("story_id")
@click.option("--note", help="How the withdrawal was received. No personal details.")
@db_option
@click.pass_context
def withdraw_cmd(ctx, story_id, note, db):
    """The person withdrew consent: keep the story out of every future export."""
    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        change = workflow.withdraw_consent(database, story_id, note=note)
    click.echo(f"Consent for story {story_id} withdrawn by {change.story['consent_withdrawn_by']}: "
               "it will not appear in any new export.")
    _print_documents(change)


# ---------------------------------------------------------------- drafts


@click.group()
def drafts() -> None:
    """Drafts (tender answers, reviews): list, submit and approve."""


@drafts.command("list")
@db_option
@click.pass_context
def drafts_list(ctx, db):
    """List drafts with their status."""
    from evidencebot.store.drafts import list_drafts

    with open_existing(ctx, db) as database:
        rows = list_drafts(database)
    if not rows:
        click.echo("no drafts yet")
        return
    click.echo(f"{'#':>5} {'kind':<8} {'status':<10} {'approved by':<18} title")
    for r in rows:
        click.echo(f"{r['draft_id']:>5} {_short(r.get('kind'), 8):<8} {r.get('status') or 'draft':<10} "
                   f"{_short(r.get('approved_by'), 18):<18} {_short(r.get('title'), 50)}")


@drafts.command("submit")
@click.argument("draft_id", type=int)
@db_option
@click.pass_context
def drafts_submit(ctx, draft_id, db):
    """Submit a draft for approval."""
    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        row = workflow.submit_draft(database, draft_id)
    click.echo(f"draft {draft_id} submitted by {row['submitted_by']}; it now needs approval by someone else")


@drafts.command("approve")
@click.argument("draft_id", type=int)
@db_option
@click.pass_context
def drafts_approve(ctx, draft_id, db):
    """Approve a submitted draft for external use (not one you submitted)."""
    from evidencebot.store import workflow

    with open_existing(ctx, db) as database:
        row = workflow.approve_draft(database, draft_id)
        same = workflow.approved_from_same_account(database, "drafts", draft_id)
    click.echo(f"draft {draft_id} approved by {row['approved_by']} at {row['approved_at']}")
    if same:
        click.echo("note: approved from the same computer account that wrote or submitted it "
                   "([governance] shared_account = true); the audit log marks it and 'evidencebot doctor' lists it",
                   err=True)
