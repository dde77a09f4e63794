"""Contract review narrative for a period, compared with another period.

Sections (template ``contract_review.md.j2``): summary; indicator table with
SPC verdicts and targets; a variance note for every missed target (reason,
owner and date, from the ``variance_notes`` table, or marked "not yet
recorded"); what changed and why (dated service changes and what the SPC
charts say since); examples of adapted support; incidents, near misses and
learning; partner coordination; action plan; one outcome story in its four
parts; crisis and step-down pathway evidence; governance and escalation.

Suppression is on by default (a review goes to the commissioner): counts are
rounded and small numbers hidden. Only approved stories with consent for
external use are read, whatever the suppression setting. The finished text is
checked with the language checker; a sentence with an error-level finding is
rewritten with the finding's suggestion or removed, and a table cell with
personal data is blanked.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot.compose import filters, gather
from evidencebot.errors import InputError
from evidencebot.store import workflow

PATHWAY_IDS = ["crisis_rate", "repeat_crisis", "step_up_rate", "review_72h", "crisis_episode_days",
               "followup_48h", "followup_72h", "readmission_30d", "transition_completed",
               "handover_complete", "housing_confirmed", "engaged_14d"]
PARTNER_IDS = ["partner_comms_timely", "handover_complete"]
GOVERNANCE_IDS = ["escalation_review_hours", "rationale_recorded", "safeguarding_timely",
                  "actions_closed_on_time", "crisis_plan_current"]
ADAPTED_TERMS = ["adapted", "adjusted", "changed approach", "relapse", "stalled", "increased contact",
                 "re-engage", "step-up", "tried again", "different approach"]
MAX_CHARTS = 8
NOT_RECORDED = "not yet recorded (add it with 'evidencebot assemble note')"


@dataclass
class ContractReview:
    period: object
    compare: object
    markdown: str
    results: list
    figures: list[dict]
    sources: list[dict]
    edits: list = field(default_factory=list)
    external: bool = True
    charts: list = field(default_factory=list)

    def to_export(self, *, charts: bool = True):
        from evidencebot.compose.export import Chart, ExportDoc

        chart_list = []
        if charts:
            for r in self.charts:
                c = Chart.from_result(r)
                if c is not None:
                    chart_list.append(c)
        notes = []
        if not self.external:
            notes.append("Small-number suppression is OFF: this document is for internal use only.")
        return ExportDoc(
            title=f"Contract review: {gather.prose_period(self.period)}",
            body=self.markdown,
            kind="review",
            context=[("Period", gather.prose_period(self.period)),
                     ("Compared with", gather.prose_period(self.compare))],
            counted=self.markdown,
            figures=self.figures,
            sources=self.sources,
            charts=chart_list,
            notes=notes,
        )


# ---------------------------------------------------------------- variance notes


def save_variance_note(db: Database, indicator_id: str, period: str, reason: str, owner: str,
                       due_on: str, *, today=None) -> dict:
    """Record (or replace) why a target was missed, who acts and by when."""
    cat = gather.catalogue()
    if indicator_id not in cat:
        from evidencebot.metrics.catalogue import get_indicator

        get_indicator(indicator_id, cat)  # raises InputError naming close matches
    if not (reason or "").strip() or not (owner or "").strip():
        raise InputError("a variance note needs a reason and an owner")
    try:
        _dt.date.fromisoformat(due_on)
    except (TypeError, ValueError):
        raise InputError(f"due date {due_on!r} is not a date (use YYYY-MM-DD)") from None
    row = {
        "indicator_id": indicator_id,
        "period": period,
        "reason": reason.strip(),
        "owner": owner.strip(),
        "due_on": due_on,
        "created_at": (today or _dt.date.today()).isoformat(),
    }
    with db.atomic():
        db["variance_notes"].upsert(row, pk=("indicator_id", "period"))
    return row


def variance_notes(db: Database, period_label: str) -> dict[str, dict]:
    if not db["variance_notes"].exists():
        return {}
    return {r["indicator_id"]: r for r in db.query(
        "select * from variance_notes where period = :p", {"p": period_label})}


# ---------------------------------------------------------------- assembling


def _target_text(result, target: float) -> str:
    return filters.rate(target, result.unit)


def _row(result, target, external: bool) -> dict:
    hidden = result.value is None and result.suppressed
    met = ""
    if target is not None and result.value is not None:
        met = " (missed)" if gather.missed_target(result, target) else " (met)"
    elif target is not None:
        met = " (not assessed)"
    return {
        "domain": result.domain,
        "title": result.title,
        "value": "<5 / hidden" if hidden else filters.value(result),
        "compare": filters.compare_value(result) if result.compare_value is not None else ("hidden" if result.compare_period else "n/a"),
        "ci": (filters.ci(result) or "n/a").replace("95% CI ", ""),
        "target": (_target_text(result, target) + met) if target is not None else "none",
        "verdict": filters.verdict_label(result),
    }


def _verdict_counts(results) -> dict[str, int]:
    counts = {v: 0 for v in filters.VERDICTS}
    for r in results:
        counts[filters.verdict(r)] += 1
    return counts


def _change_effects(changes, results_by_id, period_text, compare_text, external) -> dict:
    effects = {}
    for c in changes:
        named = [i.strip() for i in (c.get("indicators") or "").split(";") if i.strip()]
        lines = []
        for ident in gather.expand_ids(named) if named else []:
            r = results_by_id.get(ident)
            if r is not None:
                lines.append(filters.describe(r, period_text, compare_text, external))
        effects[c["change_id"]] = lines
    return effects


def _actions(db, p, missed, results, notes) -> list[dict]:
    actions = []
    for m in missed:
        note = notes.get(m["id"])
        actions.append({
            "action": f"Bring {filters.title_lower(m['title'])} back to target" + (f": {note['reason']}" if note else ""),
            "owner": note["owner"] if note else "not yet assigned",
            "due": filters.fmt_date(note["due_on"]) if note else "not set",
            "overdue": bool(note) and note["due_on"] < p.end.isoformat(),
            "source": "missed target",
        })
    for r in results:
        if filters.verdict(r) == "concern" and not any(m["id"] == r.id for m in missed):
            actions.append({
                "action": f"Review the cause of the concern signal in {filters.title_lower(r.title)}",
                "owner": "not yet assigned",
                "due": "not set",
                "overdue": False,
                "source": "SPC concern",
            })
    for row in gather.open_actions(db, p):
        actions.append({
            "action": row["action"],
            "owner": row.get("owner") or "not assigned",
            "due": filters.fmt_date(row["due_on"]) if row.get("due_on") else "not set",
            "overdue": bool(row.get("due_on")) and row["due_on"] < p.end.isoformat(),
            "source": f"{row['type'].replace('_', ' ')} {row['occurred_on'][:7]}",
        })
    return actions


def assemble_review(
    db: Database,
    period: str | object | None = None,
    compare: str | object | None = None,
    *,
    suppress: bool = True,
    checker=None,
    check: bool = True,
    env=None,
) -> ContractReview:
    """Build the contract review for ``period`` (default: the last complete financial quarter)."""
    from evidencebot.compose.env import make_env, render

    env = env or make_env()
    from evidencebot.metrics import periods as _periods

    p = period if hasattr(period, "start") else gather.parse(db, period, default="review")
    coverage = _periods.cover(p, gather.latest_data_date(db))  # refuses a period after the data
    if compare is None:  # a partial period is compared with the same months a year earlier
        c = _periods.year_earlier(coverage.covered) if coverage.partial else p.previous()
    else:
        c = compare if hasattr(compare, "start") else gather.parse(db, compare)
        if coverage.partial:
            c = _periods.clip_months(c, coverage.months_covered)
    external = suppress
    period_text, compare_text = gather.prose_period(p), gather.prose_period(c)
    if coverage.partial:
        period_text = f"{period_text} ({coverage.text()})"

    results_by_id = gather.indicators(db, p, c, None, external=external)
    cat = gather.catalogue()
    order = {k: i for i, k in enumerate(cat)}
    results = sorted(results_by_id.values(), key=lambda r: (filters_domain_order(r.domain), order.get(r.id, 999)))
    targets = gather.targets(db)
    notes = variance_notes(db, p.label)

    rows, missed = [], []
    targets_total = targets_hidden = 0
    for r in results:
        t = targets.get(r.id)
        rows.append(_row(r, t, external))
        if t is not None and r.value is not None:
            targets_total += 1
        elif t is not None:
            targets_hidden += 1
        if gather.missed_target(r, t):
            note = notes.get(r.id)
            missed.append({
                "id": r.id,
                "title": r.title,
                "sentence": filters.describe(r, period_text, compare_text, external),
                "assurance": filters.assurance(r),
                "target": _target_text(r, t),
                "reason": note["reason"] if note else NOT_RECORDED,
                "owner": note["owner"] if note else "not yet assigned",
                "due": filters.fmt_date(note["due_on"]) if note else "not set",
            })

    changes = gather.service_changes(db, p)
    esc = gather.escalations(db, p)
    esc.top_triggers = [gather.trigger_words(t) for t, _ in esc.triggers if t != "other"][:2]
    esc.levels = list(esc.by_level.items())
    incidents = gather.incidents(db, p)
    story_rows = gather.stories(db, ["outcome", "recovery", "goal", "crisis", "step-down"],
                                domains=["safety", "stability", "experience"], limit=1)
    story = story_rows[0] if story_rows else None
    adapted = gather.stories(db, ADAPTED_TERMS, exclude={story["story_id"]} if story else set(), limit=2)
    for s in ([story] if story else []) + adapted:
        if not workflow.is_exportable(s):
            raise AssertionError(f"story {s['story_id']} lacks external consent or approval")

    context = {
        "period_text": period_text,
        "compare_text": compare_text,
        "external": external,
        "caseload": gather.caseload(db, p),
        "rows": rows,
        "counts": _verdict_counts(results),
        "missed": missed,
        "targets_total": targets_total,
        "targets_hidden": targets_hidden,
        "changes": changes,
        "change_effects": _change_effects(changes, results_by_id, period_text, compare_text, external),
        "adapted": adapted,
        "incidents": incidents,
        "incident_types": gather.incident_types(incidents),
        "partners": gather.partner_comms(db, p),
        "partner_results": [results_by_id[i] for i in PARTNER_IDS if i in results_by_id],
        "actions": _actions(db, p, missed, results, notes),
        "story": story,
        "pathway": [results_by_id[i] for i in PATHWAY_IDS if i in results_by_id],
        "esc": esc,
        "safeguarding": gather.safeguarding(db, p),
        "governance_results": [results_by_id[i] for i in GOVERNANCE_IDS if i in results_by_id],
    }
    text = render("contract_review.md.j2", context, env=env)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    edits: list = []
    if check:
        from evidencebot.compose.tender import get_checker

        text, edits = clean_markdown(text, checker or get_checker(db, external=external))

    from evidencebot.compose.tender import provenance

    # every indicator in the table is a figure in the document
    figures = [provenance(r, external=external) for r in results]
    sources = []
    if story:
        sources.append({"kind": "story", "id": story["story_id"], "title": story["title"],
                        "detail": f"consent: {story['consent']}; approved {story.get('approved_at') or ''}".strip()})
    for s in adapted:
        sources.append({"kind": "story", "id": s["story_id"], "title": s["title"],
                        "detail": f"consent: {s['consent']}; approved {s.get('approved_at') or ''}".strip()})
    for ch in changes:
        sources.append({"kind": "service change", "id": str(ch["change_id"]), "title": ch["title"],
                        "detail": f"from {ch['changed_on']}"})
    chart_results = [r for r in results if filters.verdict(r) in ("improvement", "concern")]
    chart_results += [r for r in results if any(m["id"] == r.id for m in missed) and r not in chart_results]
    return ContractReview(
        period=p, compare=c, markdown=text, results=results, figures=figures, sources=sources,
        edits=edits, external=external, charts=chart_results[:MAX_CHARTS],
    )


def filters_domain_order(domain: str) -> int:
    return {"safety": 0, "stability": 1, "experience": 2}.get(domain, 3)


# ---------------------------------------------------------------- cleaning


_TABLE_ROW = re.compile(r"^\s*\|")
_FIELD_LINE = re.compile(r"^\s*[-*]\s+\*\*[^*]+:\*\*")  # "- **Owner:** ..." lines


def clean_markdown(text: str, checker, *, rounds: int = 6) -> tuple[str, list]:
    """Remove or rewrite what the checker marks as an error, sentence by sentence.

    In prose a sentence with an error is rewritten with the finding's first
    suggestion (over-claiming only, once) or removed; in a table row, a
    "- **Field:** value" line or a heading only the matched text is replaced
    by "[removed]".
    """
    from evidencebot.compose.tender import Edit, must_fix
    from evidencebot.compose.words import split_sentences

    edits: list = []
    rewritten: set[str] = set()
    for _ in range(rounds):
        errors = [f for f in checker.check_text(text) if must_fix(f)]
        if not errors:
            break
        for f in sorted(errors, key=lambda f: -f.start):
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.start)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            if _TABLE_ROW.match(line) or _FIELD_LINE.match(line) or line.lstrip().startswith("#"):
                if text[f.start:f.end] == f.match:
                    text = text[:f.start] + "[removed]" + text[f.end:]
                    edits.append(Edit("table", f.match, "removed", f.rule))
                continue
            # the sentence within this line that holds the finding
            prefix = re.match(r"^(\s*(?:[-*]|\d+\.)\s+)?", line).group(0)
            body_start = line_start + len(prefix)
            body = text[body_start:line_end]
            cursor = body_start
            target = None
            for sentence in split_sentences(body):
                pos = text.find(sentence, cursor, line_end)
                if pos < 0:
                    continue
                if pos <= f.start < pos + len(sentence) + 1:
                    target = (pos, pos + len(sentence), sentence)
                    break
                cursor = pos + len(sentence)
            if target is None:
                target = (body_start, line_end, body)
            s_start, s_end, sentence = target
            suggestion = (f.suggestions or [None])[0] if f.family == "overclaim" else None
            if (suggestion and sentence not in rewritten and s_start <= f.start and f.end <= s_end
                    and re.fullmatch(r"[\w%£$&'’ ,.-]{1,60}", str(suggestion))):
                new = text[s_start:f.start] + str(suggestion) + text[f.end:s_end]
                if f.start == s_start:
                    new = new[:1].upper() + new[1:]
                text = text[:s_start] + new + text[s_end:]
                rewritten.add(new)
                edits.append(Edit("review", sentence, "rewritten", f.rule, new))
            else:
                # drop the sentence and the space after it
                end = s_end
                while end < line_end and text[end] == " ":
                    end += 1
                text = text[:s_start] + text[end:]
                edits.append(Edit("review", sentence, "dropped", f.rule))
        text = re.sub(r"\n(?:[ \t]*(?:[-*]|\d+\.)[ \t]*\n)", "\n", text)  # empty list items
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text, edits
