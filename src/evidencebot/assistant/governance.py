"""Approval, consent and the audit log, in the conversation.

Thin answers over :mod:`evidencebot.store.workflow` and
:mod:`evidencebot.store.audit`, the same core calls as ``evidencebot stories
submit|approve|withdraw`` and ``evidencebot audit``:

* ``/submit ID`` and ``/approve ID``: draft -> submitted -> approved, with the
  four-eyes rule (the approver is not the person who submitted the story).
  Without an id, the stories that are waiting are listed.
* ``/withdraw ID [note]``: consent withdrawn; the reply lists every document
  that already used the story (:func:`~evidencebot.store.workflow.documents_using`),
  so they can be recalled.
* ``/audit [story id | table | action] [N] [since YYYY-MM-DD]``: the newest
  entries of the audit log.

Who "you" are is the settings user name (``[user] name`` in config.toml), as
everywhere else. Refusals are :class:`~evidencebot.errors.InputError` and become
a reply that says why; nothing here touches the UI.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidencebot.assistant.intents import Intent, parse
from evidencebot.assistant.replies import Context, Reply
from evidencebot.assistant.story_capture import check_story, findings_lines, submit_problems
from evidencebot.errors import InputError
from evidencebot.store import audit, changes, workflow

AUDIT_LIMIT = 20
LISTED = 10
_SINCE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$")
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_NOISE = frozenset({"for", "of", "on", "about", "the", "log", "trail", "story", "entries", "me", "please",
                    "show", "last", "latest", "newest", "recent", "since"})


def _title(row: dict) -> str:
    return f"`{row['story_id']}` “{row.get('title') or 'untitled'}”"


def _when(stamp: str | None) -> str:
    return str(stamp or "?")[:16].replace("T", " ")


def _second_person_hint(exc: InputError, story_id: str) -> str:
    text = str(exc)
    if "second person" in text:
        text = text.split(" (a colleague", 1)[0]
        return (f"{text}. A colleague approves it in their own evidencebot (`/approve {story_id}`); "
                "the name used is `[user] name` in config.toml.")
    return text


# ---------------------------------------------------------------- submit and approve


def _waiting(ctx: Context, status: str) -> list[dict]:
    return workflow.list_stories(ctx.db, status=status)


def submit(ctx: Context, intent: Intent) -> Reply:
    story_id = intent.argument.strip()
    if not story_id:
        drafts = _waiting(ctx, "draft")
        lines = ["Which story? Type `/submit ID`, e.g. `/submit S0001`. A story needs a title and all four "
                 "parts before it can be submitted."]
        if drafts:
            lines += ["", f"**Drafts** ({len(drafts)}):", ""]
            for row in drafts[:LISTED]:
                missing = workflow.missing_parts(row)
                state = "ready to submit" if not missing else "still needs " + ", ".join(missing)
                lines.append(f"- {_title(row)} · {state}")
            if len(drafts) > LISTED:
                lines.append(f"- … and {len(drafts) - LISTED} more (`evidencebot stories list --status draft`)")
        else:
            lines += ["", "There are no draft stories."]
        return Reply("\n".join(lines), intent="submit_story", ok=False)
    if not intent.confirmed:
        return _ask_to_confirm(ctx, intent, "submit_story", "Submit", lambda: submit_question(ctx.db, story_id),
                               f"/submit {story_id} confirm")
    try:
        row = submit_story_checked(ctx.db, story_id)
    except InputError as exc:
        return Reply(f"I couldn't submit it: {exc}.", intent="submit_story", ok=False)
    ctx.state.story_id = row["story_id"]
    return Reply(
        f"Story {_title(row)} is **submitted** by **{row['submitted_by']}**. It now needs approval by "
        f"someone else: a colleague types `/approve {row['story_id']}` (or runs "
        f"`evidencebot stories approve {row['story_id']}`).",
        intent="submit_story", payload={"story_id": row["story_id"], "status": row["status"]})


def submit_question(db, story_id: str) -> str:
    """The question asked before a story is submitted, naming it and the change; ``InputError`` when it
    cannot be submitted (already submitted or approved, an empty part, personal data left in it)."""
    row = workflow.get_story(db, story_id)
    workflow.refuse_resubmission(row)
    problems = submit_problems(row)
    if problems:
        raise InputError(f"story {story_id} cannot be submitted yet: " + " | ".join(problems))
    return (f"Submit story {_title(row)} for approval? Its status goes from draft to **submitted**, by you; "
            "a colleague then approves it.")


def submit_story_checked(db, story_id: str) -> dict:
    """Submit a story once nothing stands in the way: no empty part, no personal data left in it
    (checked as ``evidencebot check`` checks), then the workflow's own rules."""
    problems = submit_problems(workflow.get_story(db, story_id))
    if problems:
        raise InputError(f"story {story_id} cannot be submitted yet: " + " | ".join(problems))
    return workflow.submit_story(db, story_id)


def approve_problems(db, story_id: str) -> list[str]:
    """What stops an approval beyond the workflow's rules: empty parts, personal data still in the story."""
    return submit_problems(workflow.get_story(db, story_id))


def approve(ctx: Context, intent: Intent) -> Reply:
    story_id = intent.argument.strip()
    if not story_id:
        waiting = _waiting(ctx, "submitted")
        me = audit.current_user(ctx.db)
        lines = ["Which story? Type `/approve ID`, e.g. `/approve S0001`. You can approve a story "
                 "someone else submitted, not your own."]
        if waiting:
            lines += ["", f"**Waiting for approval** ({len(waiting)}):", ""]
            for row in waiting[:LISTED]:
                by = row.get("submitted_by") or row.get("author") or "someone"
                yours = " (yours: a colleague must approve it)" if workflow.same_person(by, me) else ""
                lines.append(f"- {_title(row)} · submitted by {by}{yours}")
            if len(waiting) > LISTED:
                lines.append(f"- … and {len(waiting) - LISTED} more (`evidencebot stories list --status submitted`)")
        else:
            lines += ["", "No story is waiting for approval."]
        return Reply("\n".join(lines), intent="approve_story", ok=False)
    if not intent.confirmed:
        return _ask_to_confirm(ctx, intent, "approve_story", "Approve", lambda: _approval_question(ctx, story_id),
                               f"/approve {story_id} confirm")

    try:
        problems = approve_problems(ctx.db, story_id)
        if problems:
            raise InputError(f"story {story_id} cannot be approved while it has: " + " | ".join(problems))
        change = changes.approve(ctx.db, story_id)
    except InputError as exc:
        return Reply(f"I couldn't approve it: {_second_person_hint(exc, story_id)}", intent="approve_story",
                     ok=False)
    ctx.state.last_change = change
    row = workflow.get_story(ctx.db, story_id)
    ctx.state.story_id = row["story_id"]
    blockers = workflow.story_blockers(row)
    after = ("It may now be used in documents that leave the service." if not blockers
             else f"It still may not be used externally: {'; '.join(blockers)}.")
    return Reply(f"Story {_title(row)} is **approved** by **{row['approved_by']}** "
                 f"({_when(row['approved_at'])}). {after} {UNDO_HINT}",
                 intent="approve_story", payload={"story_id": row["story_id"], "status": row["status"],
                                                  "change": change.summary()})


UNDO_HINT = "`/undo` puts it back until the next export."


def _approval_question(ctx: Context, story_id: str) -> str:
    row = workflow.get_story(ctx.db, story_id)
    status = row.get("status") or "draft"
    if status == "approved":
        raise InputError(f"story {story_id} is already approved (by {row.get('approved_by')})")
    if status != "submitted":
        raise InputError(f"story {story_id} is a draft: submit it first (`/submit {story_id}`)")

    me = audit.current_user(ctx.db)
    if workflow.same_person(row.get("submitted_by"), me):
        raise InputError(_second_person_hint(InputError(
            f"story {story_id} was submitted by {me}: approval needs a second person (a colleague"), story_id))
    problems = approve_problems(ctx.db, story_id)
    if problems:
        raise InputError(f"story {story_id} cannot be approved while it has: " + " | ".join(problems)
                         + ". Send it back to the author to fix")
    lines = [f"Approve story {_title(row)}? Its status goes from submitted to **approved**, by you."]
    findings = story_findings(row)
    if findings:
        lines += ["", f"**The checker found {len(findings)} thing{'s' if len(findings) != 1 else ''} in it:**", ""]
        lines += [f"- {line}" for line in findings]
    return "\n".join(lines)


def story_findings(row: dict) -> list[str]:
    """Every checker finding in a story, one line each (both families; see :mod:`evidencebot.assistant.story_capture`)."""
    return findings_lines(check_story(row))


def _ask_to_confirm(ctx: Context, intent: Intent, name: str, label: str, question, command: str) -> Reply:
    """A change to consent or approval is made only once confirmed: say exactly what would change."""
    try:
        text = question()
    except InputError as exc:
        return Reply(f"I couldn't {label.lower()} it: {str(exc).rstrip('.')}.", intent=name, ok=False)
    ctx.state.pending = command
    return Reply(text + f"\n\nType `yes` (or `{command}`) to confirm; anything else leaves it as it is.",
                 intent=name, ok=True,
                 payload={"confirm": {"question": text, "command": command, "label": label}})


def confirm(ctx: Context, intent: Intent) -> Reply:
    """"yes" to the last question: run the change it named."""
    command = ctx.state.pending
    ctx.state.pending = None
    if not command:
        return Reply("Nothing is waiting for a yes. I ask before submitting a story or changing its consent or "
                     "approval (`/submit ID`, `/approve ID`, `/consent ID external`, `/withdraw ID`).",
                     intent="confirm", ok=False)
    again = parse(command)
    handler = {"approve_story": approve, "withdraw_consent": withdraw, "consent": consent,
               "submit_story": submit}[again.name]
    return handler(ctx, again)


def undo(ctx: Context, intent: Intent) -> Reply:
    change = ctx.state.last_change
    if change is None:
        return Reply("There is no consent or approval change to undo in this session.", intent="undo", ok=False)
    try:
        changes.undo(ctx.db, change)
    except InputError as exc:
        return Reply(f"I couldn't undo it: {exc}.", intent="undo", ok=False)
    ctx.state.last_change = None
    return Reply(f"Undone: the {changes.WHAT[change.what]} of story `{change.story_id}` “{change.title}” is back "
                 f"to {changes.describe_move(change.what, change.after, change.before).split(' → ')[1]} "
                 "(recorded in the audit log).", intent="undo", payload={"story_id": change.story_id})


# ---------------------------------------------------------------- consent


def _document_line(d: dict) -> str:
    where = d["document"]
    if d.get("found"):  # a library entry, draft or tender answer holding the text
        return f"- **{where}** · {d['kind']}: holds {d['found']}"
    done = f"{d['kind']}, exported {_when(d['exported_at'])} by {d.get('exported_by') or '?'}"
    if where == "stdout":
        return f"- **printed to the screen** (not saved by evidencebot) · {done}"
    return f"- **{Path(where).name}** · {done} · `{where}`"


def documents_markdown(documents: list[dict]) -> str:
    """The documents that used a story, as a Markdown list (empty: a sentence saying so)."""
    if not documents:
        return "No document has used it."
    n = len(documents)
    lines = [f"**It was already used in {n} document{'s' if n != 1 else ''}:** recall or correct "
             f"{'them' if n != 1 else 'it'}.", ""]
    lines += [_document_line(d) for d in documents]
    return "\n".join(lines)


def withdraw(ctx: Context, intent: Intent) -> Reply:
    story_id = intent.argument.strip()
    if not story_id:
        rows = [r for r in workflow.list_stories(ctx.db) if (r.get("consent") or "none") != "none"
                and not r.get("consent_withdrawn_at")]
        lines = ["Which story? Type `/withdraw ID` and, if you like, a short note on how the withdrawal "
                 "was received (no personal details), e.g. `/withdraw S0001 phoned the team`."]
        if rows:
            lines += ["", f"**Stories with consent** ({len(rows)}):", ""]
            for row in rows[:LISTED]:
                used = len(workflow.documents_using(ctx.db, row["story_id"]))
                lines.append(f"- {_title(row)} · consent {row['consent']} · used in {used} document"
                             f"{'s' if used != 1 else ''}")
            if len(rows) > LISTED:
                lines.append(f"- … and {len(rows) - LISTED} more (`evidencebot stories list`)")
        return Reply("\n".join(lines), intent="withdraw_consent", ok=False)
    if not intent.confirmed:
        def question() -> str:
            row = workflow.get_story(ctx.db, story_id)
            if row.get("consent_withdrawn_at") and (row.get("consent") or "none") == "none":
                raise InputError(f"consent for story {story_id} was already withdrawn on "
                                 f"{str(row['consent_withdrawn_at'])[:10]}")
            used = len(workflow.documents_reached(ctx.db, story_id))  # exports, library entries, drafts
            return (f"Record that consent was **withdrawn** for story {_title(row)}? Consent goes from "
                    f"{row.get('consent') or 'none'} to none and the story leaves every future export"
                    + (f"; it was used in {used} document{'s' if used != 1 else ''}, which I will list." if used
                       else "."))
        command = f"/withdraw {story_id} confirm" + (f" {intent.body}" if intent.body else "")
        return _ask_to_confirm(ctx, intent, "withdraw_consent", "Withdraw consent", question, command)

    try:
        change = changes.withdraw(ctx.db, story_id, note=intent.body or None)
    except InputError as exc:
        return Reply(f"I couldn't record the withdrawal: {exc}.", intent="withdraw_consent", ok=False)
    ctx.state.last_change = change
    row = workflow.get_story(ctx.db, story_id)
    ctx.state.story_id = row["story_id"]
    note = f" Note: “{intent.body}”." if intent.body else ""
    lines = [
        f"### Consent withdrawn for {_title(row)}",
        "",
        f"Recorded by **{row['consent_withdrawn_by']}** at {_when(row['consent_withdrawn_at'])} "
        f"(consent was {change.before.get('consent') or 'none'}).{note} The story will not appear in any new "
        "export, even if someone ticks *external* again; only a new, dated consent "
        f"(`/consent {row['story_id']} external`) brings it back. {UNDO_HINT}",
        "",
        documents_markdown(change.documents),
    ]
    return Reply("\n".join(lines), intent="withdraw_consent",
                 payload={"story_id": row["story_id"], "documents": [d["document"] for d in change.documents],
                          "change": change.summary()})


def consent(ctx: Context, intent: Intent) -> Reply:
    """``/consent ID external|internal|none``: record the consent the person gave, once confirmed."""
    story_id = intent.argument.strip()
    wanted = (intent.consent or "").strip().lower()
    if not story_id or wanted not in ("external", "internal", "none"):
        return Reply("Which story, and what consent? Type `/consent ID external`, `/consent ID internal` or "
                     "`/consent ID none`, e.g. `/consent S0001 external`. external: may appear in tenders and "
                     "reviews; internal: learning inside the service only; none: not asked or refused.",
                     intent="consent", ok=False)
    if not intent.confirmed:
        return _ask_to_confirm(ctx, intent, "consent", "Change consent",
                               lambda: changes.preview_consent(ctx.db, story_id, wanted),
                               f"/consent {story_id} confirm {wanted}")
    try:
        change = changes.change_consent(ctx.db, story_id, wanted)
    except InputError as exc:
        return Reply(f"I couldn't record the consent: {exc}.", intent="consent", ok=False)
    ctx.state.last_change = change
    ctx.state.story_id = story_id
    row = workflow.get_story(ctx.db, story_id)
    blockers = workflow.story_blockers(row)
    use = ("It may now be used in documents that leave the service." if not blockers
           else f"It may not be used externally: {'; '.join(blockers)}.")
    lines = [f"Consent for story {_title(row)} is now **{wanted}** (was {change.before.get('consent') or 'none'}), "
             f"recorded by **{change.by}**. {use} {UNDO_HINT}"]
    if change.documents:
        lines += ["", documents_markdown(change.documents)]
    return Reply("\n".join(lines), intent="consent", payload={"story_id": story_id, "change": change.summary()})


# ---------------------------------------------------------------- the audit log


def audit_filters(text: str, tables=()) -> dict:
    """``recent()`` arguments from what was typed: a number is the limit, a date
    (or ``since DATE``) the start, a table or action name filters by it, and
    anything else is a row key (a story id)."""
    out: dict = {"limit": AUDIT_LIMIT}
    known_tables = set(audit.AUDITED) | set(tables) | {"document_stories"}
    for word in text.replace(",", " ").split():
        low = word.lower()
        if low in _NOISE:
            continue
        if word.isdigit():
            out["limit"] = int(word)
        elif _SINCE.match(word):
            out["since"] = word
        elif low in known_tables:
            out["table"] = low
        elif low in audit.ACTIONS or low in ("exports", "imports", "withdrawals"):
            out["action"] = {"exports": "export", "imports": "import", "withdrawals": "consent-withdrawn"}.get(low, low)
        elif _ID.match(word):
            if "key" in out:
                raise InputError(f"give one story id or row key, not '{out['key']}' and '{word}'")
            out["key"] = word
        else:
            raise InputError(f"'{word}' is not a story id, table, action, number or date")
    if out["limit"] <= 0:
        raise InputError("the number of entries must be 1 or more")
    return out


def _cell(text: str) -> str:
    return " ".join(str(text).replace("|", "/").split())


def audit_log(ctx: Context, intent: Intent) -> Reply:
    try:
        filters = audit_filters(intent.argument, audit.tables_logged(ctx.db))
        entries = audit.recent(ctx.db, **filters)
    except InputError as exc:
        return Reply(f"I couldn't read the audit log: {exc}. For example: `/audit`, `/audit S0001`, "
                     "`/audit stories 50`, `/audit export since 2026-01-01`.", intent="audit", ok=False)
    described = [f"`{filters[k]}`" for k in ("key", "table", "action") if filters.get(k)]
    if filters.get("since"):
        described.append(f"since {filters['since']}")
    about = (" — " + ", ".join(described)) if described else ""
    if not entries:
        return Reply(f"No audit entries{about}.", intent="audit", payload={"entries": 0})
    lines = [f"### Audit log{about}", "",
             f"The newest {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, newest first. Times are UTC; "
             "text fields are shown as their length and a hash, never the text.", "",
             "| when (UTC) | who | what | changes |", "|---|---|---|---|"]
    for e in entries:
        what = f"{e.action} {e.table}" + (f" `{_cell(e.key)}`" if e.key else "")
        lines.append(f"| {_when(e.at)} | {_cell(e.user)} | {what} | {_cell(e.summary(80)) or '–'} |")
    if len(entries) == filters["limit"]:
        lines += ["", f"_Older entries: `/audit {filters['limit'] * 2}` shows more; "
                      "`evidencebot audit --limit 0` shows all._"]
    return Reply("\n".join(lines), intent="audit", payload={"entries": len(entries)})
