"""Intent -> core call -> Markdown reply.

Each action takes the conversation's :class:`Context` and an
:class:`~evidencebot.assistant.intents.Intent`, calls the core (store,
metrics, compose, language) and returns a :class:`Reply`: Markdown for the
chat pane, plus, when the request opens a screen (the editor, story capture,
the evidence browser, export), which one and with what.

Errors meant for the user (:class:`~evidencebot.errors.EvidencebotError`)
become a reply that says what went wrong and what to type instead. A
capability whose core module has not landed says so; nothing is invented.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidencebot.assistant import checking, governance, opening, tendering
from evidencebot.assistant import indicator_views as views
from evidencebot.assistant.board import board_summary
from evidencebot.assistant.checking import shared_database
from evidencebot.assistant.editing import DraftDoc, latest_draft
from evidencebot.assistant.exporting import COMMENTS, FORMAT_LABELS, from_word
from evidencebot.assistant.intents import SLASH_COMMANDS, Intent
from evidencebot.assistant.replies import Context, Reply, wait_for_language
from evidencebot.assistant.story_capture import story_excerpt
from evidencebot.compose import review as review_module
from evidencebot.compose.filters import rule_words
from evidencebot.compose.questions import answer_title, plan_question, stated_word_limit
from evidencebot.compose.tender import assemble_tender
from evidencebot.errors import EvidencebotError, InputError
from evidencebot.store import search
from evidencebot.store.summary import data_range, table_counts


# ---------------------------------------------------------------- help

EXAMPLES = [
    ("how are we doing on crisis escalation this quarter?", "indicator table with SPC verdicts"),
    ("show follow-up after discharge for 2025/26", "named indicators for a financial year"),
    ("find stories about step-down and housing", "outcome stories, best match first"),
    ("draft an answer to: How will you reduce crisis escalation? in 500 words", "a planned, checked tender answer"),
    ("check this: Our service reduced A&E attendances by 40%.", "over-claiming and personal data, with safer wording"),
    ("contract review for 2025/26 Q3", "review narrative with variance notes and actions"),
    ("new story", "capture an outcome story in four parts, saved as you type"),
    ("export to Word", "export the draft or a story"),
    ("import the questionnaire ~/bids/itt.docx", "a buyer's Word or Excel questionnaire in; then `tender status`, "
                                                 "`draft all the answers`, `export the response to response.docx`"),
    ("open ~/bids/answer.docx", "a Word (or Markdown) draft in the editor, checked; export puts the findings "
                                "back as Word comments"),
    ("approve story S0001", "approve a story a colleague submitted (`submit story S0001` first)"),
    ("withdraw consent for S0001: phoned the team", "keep it out of exports; lists the documents that used it"),
    ("show the audit log", "who changed what, newest first (`/audit S0001` for one story)"),
]

PERIOD_HELP = ("Periods: `2026-03`, `Q1 2026`, `2025/26`, `2025/26 Q3`, `2025-04..2026-03`, "
               "`this quarter`, `last quarter`, `last 6 months`, `this financial year`. "
               "Domains: `safety`, `stability`, `experience`.")


def help_markdown() -> str:
    lines = ["### What you can ask", "", "Plain English works. For example:", ""]
    lines += [f"- `{q}` — {what}" for q, what in EXAMPLES]
    lines += ["", PERIOD_HELP, "", "### Slash commands", "", "| command | what it does |", "|---|---|"]
    for name, (_intent, args, what) in SLASH_COMMANDS.items():
        lines.append(f"| `/{name}{(' ' + args) if args else ''}` | {what} |")
    lines += ["", "Keys: **F1** help · **F2** editor · **F3** evidence · **F4** new story · "
              "**F5** export · **Ctrl+P** all commands · **Ctrl+T** light/dark · **Ctrl+Q** quit."]
    return "\n".join(lines)


_CLOSE_STOP = frozenset("""a an the and or of to for in on at me my our we you i it this that with can could would
please make do get give show want need what how is are be some""".split())
_CLOSE_ALIASES = {"email": "export", "send": "export", "print": "export", "file": "export", "word": "export",
                  "pdf": "export", "chart": "indicators", "graph": "indicators", "plot": "indicators",
                  "report": "review", "quarterly": "review", "board": "board", "case": "stories",
                  "delete": "withdraw", "remove": "withdraw", "publish": "approve", "sign": "approve",
                  "write": "draft", "tender": "draft", "bid": "draft", "proofread": "check", "spell": "check",
                  "history": "audit", "changes": "audit", "consent": "consent", "undo": "undo"}


def closest_commands(text: str, n: int = 3) -> list[str]:
    """The slash commands whose name or description shares most words with ``text``."""
    words = {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _CLOSE_STOP}
    scores: dict[str, int] = {}
    for order, (name, (_intent, _args, what)) in enumerate(SLASH_COMMANDS.items()):
        vocab = {w.rstrip("s") for w in re.findall(r"[a-z]+", f"{name} {what}".lower()) if w not in _CLOSE_STOP}
        hits = sum(1 for w in words if w.rstrip("s") in vocab) + sum(2 for w in words if _CLOSE_ALIASES.get(w) == name)
        if hits:
            scores[name] = hits * 100 - order
    return sorted(scores, key=lambda k: -scores[k])[:n]


def can_do_instead(text: str) -> str:
    """A short, specific reply to a request the assistant cannot do: what it can do that comes closest."""
    shown = text if len(text) <= 60 else text[:57] + "…"
    close = closest_commands(text)
    lines = [f"I can't do “{shown}” here, and I won't guess. I can:", ""]
    if close:
        for name in close:
            _intent, args, what = SLASH_COMMANDS[name]
            lines.append(f"- `/{name}{(' ' + args) if args else ''}`: {what}")
    else:
        lines += [f"- `{q}`: {what}" for q, what in EXAMPLES[:4]]
    lines += ["", "`/help` lists everything I can do."]
    return "\n".join(lines)


# ---------------------------------------------------------------- summary


def summary(ctx: Context) -> str:
    counts = table_counts(ctx.db)
    first, last = data_range(ctx.db)
    if not counts.get("people"):
        return (f"The database `{ctx.db_path}` holds no service data yet. Import exports with "
                "`evidencebot import`, or build the demo with `evidencebot demo`.")
    rows = "\n".join(f"| {t} | {n:,} |" for t, n in counts.items() if n)
    span = f"Records run from **{first}** to **{last}**." if first else ""
    return f"`{ctx.db_path}` — {span}\n\n| table | rows |\n|---|---:|\n{rows}"


def holdings(ctx: Context) -> str:
    """One sentence: what the database holds and the dates it covers."""
    counts = table_counts(ctx.db)
    if not counts.get("people"):
        return (f"`{ctx.db_path}` holds no service data yet: import exports with `evidencebot import`, "
                "or build the demo with `evidencebot demo`.")
    first, last = data_range(ctx.db)
    named = [("people", "people"), ("contacts", "contacts"), ("escalations", "escalations"),
             ("admissions", "admissions"), ("stories", "stories")]
    listed = ", ".join(f"{counts[t]:,} {label}" for t, label in named if counts.get(t))
    span = f", {first[:7]} to {last[:7]}" if first else ""
    return f"`{Path(ctx.db_path).name}`: {listed}{span}."


def welcome(ctx: Context) -> Reply:
    parts = ["## Welcome to evidencebot", ""]
    if ctx.state.first_run:
        parts += ["There was no database yet, so I **built the demo service**: synthetic people and "
                  "records, not real data, to try things on.", ""]
    parts += [holdings(ctx), "",
              "Ask in plain English, e.g. `how are we doing on crisis escalation this quarter?` "
              "or `find stories about step-down and housing`. `/help` lists everything."]
    return Reply("\n".join(parts), intent="welcome")


# ---------------------------------------------------------------- indicators


def indicators(ctx: Context, intent: Intent) -> Reply:

    period, bound = views.resolve_period_note(ctx.db, intent.period or ctx.state.period)
    selection = views.select_indicators(ids=intent.indicators, domains=intent.domains, topics=intent.topics)
    ctx.progress(f"computing {len(selection.ids) if selection.ids else 'all'} indicators for {period.label}…")
    results = views.compute(ctx.db, period, ids=selection.ids)
    ctx.state.period = period.label
    compare = period.previous()
    if not results:
        return Reply(f"No indicator could be computed for {period.describe()}: the database holds no "
                     "records in that period.", intent="indicators", ok=False)
    cat = views.catalogue()
    md = [f"### {selection.heading} — {period.describe()}", ""]
    partial = views.coverage_note(ctx.db, period)
    for note in (bound, partial):
        if note:
            md += [f"_{note}_", ""]
    md += [views.table_markdown(results, cat), ""]
    notable = [r for r in results if r.verdict in ("improvement", "concern")]
    if notable:
        md.append("Special cause: " + "; ".join(
            f"**{views.short_title(r, cat)}** {r.verdict_text().split(' ', 1)[-1]}"
            + (f" ({rule_words(r.spc.get('rule'))})" if r.spc.get("rule") else "") for r in notable) + ".")
    else:
        md.append("No special-cause change: every series is within normal variation "
                  "(or has too few points to judge). Describe figures as similar, not improved.")
    md += ["", f"_Value with count (n/N) and 95% interval for {period.label}; “before” is {compare.label}. "
               "Verdicts from the monthly series (NHS Making Data Count rules)._"]
    if len(results) <= 2:
        charts = [views.chart_data(r, cat) for r in results]
    else:  # one chart: the first special-cause signal, else the first indicator
        charts = [views.chart_data((notable or results)[0], cat)]
        md.append(f"_The chart below is {charts[0].title}; press F3 for the evidence browser with an "
                  "SPC chart of each indicator._")
    return Reply("\n".join(md), intent="indicators", charts=[c for c in charts if c.plottable],
                 payload={"period": period.label, "ids": [r.id for r in results]})


# ---------------------------------------------------------------- stories


def stories(ctx: Context, intent: Intent) -> Reply:
    hits = search.search_stories(ctx.db, intent.query, domains=intent.domains or None,
                          consent=intent.consent, status=intent.status, limit=8)
    filters = []
    if intent.domains:
        filters.append("tagged " + " or ".join(intent.domains))
    if intent.consent:
        filters.append(f"with {intent.consent} consent")
    if intent.status:
        filters.append(intent.status)
    about = f" about “{intent.query}”" if intent.query else ""
    where = (" (" + ", ".join(filters) + ")") if filters else ""
    if not hits:
        return Reply(f"No stories{about}{where}. Try fewer or different words, or `new story` to capture one.",
                     intent="stories", ok=False)
    lines = [f"**{len(hits)} {'story' if len(hits) == 1 else 'stories'}**{about}{where}"
             + (", best match first:" if intent.query else ", newest first:"), ""]
    for i, h in enumerate(hits, 1):
        ok = "✓ may be used externally" if h.external_ok else f"✗ internal only ({h.blockers[0]})"
        tags = ", ".join(h.domains) or "no domain"
        lines.append(f"{i}. **{h.title}** `{h.story_id}` · {tags} · {ok}")
        lines.append(f"   {h.snippet}")
    picks = [{"story_id": h.story_id, "title": h.title, "usable": h.external_ok,
              "why": "" if h.external_ok else h.blockers[0]} for h in hits]
    return Reply("\n".join(lines), intent="stories", payload={"ids": [h.story_id for h in hits], "hits": picks})


# ---------------------------------------------------------------- drafting


def draft(ctx: Context, intent: Intent) -> Reply:
    question = intent.question.strip()
    if not question:
        return Reply("Give me the question after a colon, and the word limit, e.g. "
                     "`draft an answer to: How will you support people after discharge? in 500 words`.",
                     intent="draft", ok=False)
    limit = intent.word_limit or stated_word_limit(question)
    if not limit:
        return Reply("How many words may the answer use? Add it at the end, e.g. `… in 500 words`.",
                     intent="draft", ok=False)
    plan = plan_question(question, limit)
    doc = DraftDoc(question=question, word_limit=limit, kind="tender", plan=plan, title=answer_title(question))
    wait_for_language(ctx, "the answer is checked before you see it")
    ctx.progress("planning, gathering evidence and checking the answer…")
    if ctx.db_path == ":memory:":
        answer = assemble_tender(ctx.db, question, limit, period=intent.period)
    else:
        with shared_database(ctx.db_path) as db:  # its indicators stay cached for the editor's checks
            answer = assemble_tender(db, question, limit, period=intent.period)
    doc.text = answer.markdown
    doc.assembled = answer
    doc.period = getattr(answer.period, "label", None)
    ctx.state.draft = doc
    lines = [f"### Draft answer — {answer.summary_line()}", "", answer.markdown.strip(), "",
             "#### Coverage", "", answer.coverage_table()]
    if answer.edits:
        lines += ["", f"_The checker rewrote or removed {len(answer.edits)} sentence(s) that over-claimed "
                      "or held personal data._"]
    lines += ["", "Opened in the editor (F2): findings are highlighted as you edit."]
    return Reply("\n".join(lines), intent="draft", open="editor", payload={"draft": doc})


def check(ctx: Context, intent: Intent) -> Reply:
    body = intent.body
    doc = ctx.state.draft
    if not body:
        if doc is None or not doc.text.strip():
            return Reply("Paste the text after a colon, e.g. `check this: Our support reduced admissions.` "
                         "— or open a draft in the editor (F2) and it is checked as you type.",
                         intent="check", ok=False)
        body = doc.text
    else:
        doc = DraftDoc(text=body, kind="text", title="Checked text")
        ctx.state.draft = doc
    wait_for_language(ctx, "the checker reads grammar, not just words")
    report = checking.check(body, db_path=ctx.db_path)
    md = checking.findings_markdown(report, body)
    if report.findings:
        md += ("\n\nPress **F2** to open the text in the editor: findings are highlighted and **Ctrl+R** "
               "applies a suggested alternative (you choose when there are several).")
    return Reply(md, intent="check", payload={"draft": doc, "findings": len(report.findings)})


def review(ctx: Context, intent: Intent) -> Reply:
    period, bound = views.resolve_period_note(ctx.db, intent.period or intent.argument or None)
    wait_for_language(ctx, "the narrative is checked before you see it")
    ctx.progress(f"assembling the contract review for {period.label}…")
    result = review_module.assemble_review(ctx.db, period)
    text = getattr(result, "markdown", result)
    doc = DraftDoc(text=str(text), kind="review", title=f"Contract review {period.label}", period=period.label,
                   assembled=result if hasattr(result, "to_export") else None)  # exported as the CLI does
    ctx.state.draft = doc
    said = f"\n\n_{bound}_" if bound else ""
    return Reply(str(text).strip() + said + "\n\n_Opened in the editor (F2) so you can edit, check and export it._",
                 intent="review", open="editor", payload={"draft": doc})


def board(ctx: Context, intent: Intent) -> Reply:
    period, bound = views.resolve_period_note(ctx.db, intent.period or intent.argument or None)
    wait_for_language(ctx, "the summary is checked before you see it")
    ctx.progress(f"assembling the board summary for {period.label}…")
    summary = board_summary(ctx.db, period)
    doc = DraftDoc(text=summary.markdown, kind="review", title=f"Board summary {period.label}", period=period.label)
    ctx.state.draft = doc
    said = f"\n\n_{bound}_" if bound else ""
    return Reply(summary.markdown + said + "\n\n_It is now the open draft: **F2** to edit and check it, **F5** to export it._",
                 intent="board", payload={"draft": doc, "period": period.label})


def use_story(ctx: Context, intent: Intent) -> Reply:
    """``/use story ID``: an excerpt of an approved, consented story into the open draft (the editor puts it
    under the sub-point the cursor is in); refused, with the reasons, for a story that may not leave the service."""
    story_id = intent.argument.strip()
    if not story_id:
        return Reply("Which story? Type `/use story ID`, e.g. `/use story S0001`; `find stories about …` "
                     "lists them, and the evidence browser (F3, Stories) has **Use in draft**.",
                     intent="use_story", ok=False)
    row = search.load_story(ctx.db, story_id)
    blockers = search.export_blockers(row)
    if blockers:
        return Reply(f"Story `{story_id}` “{row.get('title')}” cannot go into a draft that may leave the service: "
                     + "; ".join(blockers) + ".", intent="use_story", ok=False)
    excerpt = story_excerpt(row)
    doc = ctx.state.draft
    if doc is None:
        doc = DraftDoc(kind="tender", title="New draft")
        ctx.state.draft = doc
    if story_id not in doc.used_stories:
        doc.used_stories.append(story_id)
    ctx.state.insert = excerpt
    return Reply(f"Putting an excerpt of story `{story_id}` “{row.get('title')}” into the draft, under the "
                 f"sub-point you were in:\n\n> {excerpt}\n\nIt is listed with the document when you export it.",
                 intent="use_story", open="editor", payload={"story_id": story_id, "excerpt": excerpt})


# ---------------------------------------------------------------- screens


def new_story(ctx: Context, intent: Intent) -> Reply:
    wanted = intent.argument.strip() if intent.source == "slash" else ""
    if wanted:
        row = search.load_story(ctx.db, wanted)
        ctx.state.story_id = row["story_id"]
        return Reply(f"Opening story `{row['story_id']}` “{row['title']}”.", intent="new_story",
                     open="story", payload={"story_id": row["story_id"], "new": False})
    if "continue" in intent.text.lower():
        row = search.latest_draft_story(ctx.db)
        if row is None:
            return Reply("There is no captured story in progress. Type `new story` to start one.",
                         intent="new_story", ok=False)
        ctx.state.story_id = row["story_id"]
        return Reply(f"Carrying on with story `{row['story_id']}` “{row['title']}”.", intent="new_story",
                     open="story", payload={"story_id": row["story_id"], "new": False})
    story_id = search.new_story_id(ctx.db)
    ctx.state.story_id = story_id
    return Reply(
        f"New story `{story_id}`: I'll ask for the four parts (context, support approach, day-to-day "
        "delivery, how change is evidenced), then domains, goals and consent. Everything is saved as you type.",
        intent="new_story", open="story", payload={"story_id": story_id, "new": True})


def export(ctx: Context, intent: Intent) -> Reply:
    fmt = intent.format or ctx.state.export_format or "docx"
    ctx.state.export_format = fmt
    has_draft = ctx.state.draft is not None and bool(ctx.state.draft.text.strip())
    what = "the open draft" if has_draft else "a story"
    word = has_draft and from_word(ctx.state.draft)
    if fmt in ("docx", COMMENTS):  # as the export screen preselects: comments for a draft opened from Word
        fmt = COMMENTS if word else "docx"
    shown = FORMAT_LABELS[COMMENTS].split(" (")[0] if fmt == COMMENTS else fmt
    return Reply(f"Choose the format and file to export {what} ({shown} preselected).", intent="export",
                 open="export", payload={"format": fmt, "draft": ctx.state.draft, "story_id": ctx.state.story_id})


def evidence_screen(ctx: Context, intent: Intent) -> Reply:
    return Reply("Opening the evidence browser.", intent="evidence", open="evidence",
                 payload={"period": ctx.state.period})


def editor(ctx: Context, intent: Intent) -> Reply:
    doc = ctx.state.draft
    if doc is None:
        doc = latest_draft(ctx.db) or DraftDoc(kind="text", title="New draft")
        ctx.state.draft = doc
    return Reply("Opening the draft editor.", intent="editor", open="editor", payload={"draft": doc})


# ---------------------------------------------------------------- approval, consent, the audit log


# ---------------------------------------------------------------- dispatch

ACTIONS = {
    "indicators": indicators,
    "stories": stories,
    "draft": draft,
    "check": check,
    "review": review,
    "new_story": new_story,
    "export": export,
    "evidence": evidence_screen,
    "editor": editor,
    "submit_story": governance.submit,
    "approve_story": governance.approve,
    "withdraw_consent": governance.withdraw,
    "audit": governance.audit_log,
    "consent": governance.consent,
    "undo": governance.undo,
    "confirm": governance.confirm,
    "board": board,
    "open_file": opening.open_file,
    "use_story": use_story,
    "tender": tendering.tender,
}


def run(ctx: Context, intent: Intent) -> Reply:
    """Answer one intent; user-facing errors become a reply, never a traceback."""
    if intent.name == "empty":
        return Reply("", intent="empty")
    if intent.name != "confirm":
        ctx.state.pending = None  # a question about a change is answered by the very next message only
    if intent.name == "help":
        return Reply(help_markdown(), intent="help")
    if intent.name == "summary":
        return Reply("### Your evidence base\n\n" + summary(ctx), intent="summary")
    if intent.name == "clear":
        return Reply("", intent="clear")
    if intent.name == "unknown":
        if intent.source == "slash":
            return Reply(f"There is no command `/{intent.argument}`. I can:" + can_do_instead(intent.text).split("\n", 1)[1],
                         intent="unknown", ok=False)
        return Reply(can_do_instead(intent.text), intent="unknown", ok=False)
    action = ACTIONS[intent.name]
    try:
        return action(ctx, intent)
    except InputError as exc:
        return Reply(f"I couldn't do that: {exc}", intent=intent.name, ok=False)
    except EvidencebotError as exc:
        return Reply(f"I couldn't do that: {exc}", intent=intent.name, ok=False)


def db_label(path) -> str:
    return str(Path(path)) if path else ":memory:"
