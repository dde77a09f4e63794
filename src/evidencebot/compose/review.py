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
from evidencebot.compose.env import make_env, render
from evidencebot.compose.filters import SHARE_WORDS, share_text  # noqa: F401 (review's names; the answers use them too)
from evidencebot.compose.charts import Chart
from evidencebot.compose.document import SUPPRESSION_RULE, ExportDoc
from evidencebot.compose.consistency import _contradicts, _open_actions, _split_sentences
from evidencebot.compose.tender import Edit, get_checker, provenance
from evidencebot.compose.words import split_sentences
from evidencebot.config import load_settings
from evidencebot.errors import InputError
from evidencebot.evidence.extract import indicator_terms
from evidencebot.metrics import periods as _periods
from evidencebot.metrics import suppression
from evidencebot.metrics.catalogue import get_indicator
from evidencebot.metrics.indicators import compute_all
from evidencebot.store import variance, workflow
from evidencebot.store.blocks import get_profile
from evidencebot.text import lower_words

PATHWAY_IDS = ["crisis_rate", "repeat_crisis", "step_up_rate", "review_72h", "crisis_episode_days",
               "followup_48h", "followup_72h", "readmission_30d", "transition_completed",
               "handover_complete", "housing_confirmed", "engaged_14d"]
PARTNER_IDS = ["partner_comms_timely", "handover_complete"]
GOVERNANCE_IDS = ["escalation_review_hours", "rationale_recorded", "safeguarding_timely",
                  "actions_closed_on_time", "crisis_plan_current"]
ADAPTED_TERMS = ["adapted", "adjusted", "changed approach", "relapse", "stalled", "increased contact",
                 "re-engage", "step-up", "tried again", "different approach"]
MAX_CHARTS = 8
NOT_RECORDED = "not yet recorded"


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
    period_text: str = ""
    """The period as the document names it ('2026/27 (Apr-Sep 2026, to date: 6 of 12 months)')."""
    header: list = field(default_factory=list)
    provider: str = ""
    """The service profile's provider (for the Word header)."""
    """(label, value) lines naming the provider, service, commissioner and the date the data run to."""
    chart_notes: list[str] = field(default_factory=list)
    """Under the variation and assurance table: the indicators with a target that have no chart."""
    hints: list[str] = field(default_factory=list)
    """What the user could import or record to fill the gaps the document names in plain
    words; the CLI prints them on stderr (tool notes never go in the document)."""

    def to_export(self, *, charts: bool = True):
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
            title=f"Contract review: {gather.heading_period(self.period)}",
            body=self.markdown,
            kind="review",
            organisation=self.provider,
            context=[*self.header[:2],
                     ("Period", self.period_text or gather.heading_period(self.period)),
                     ("Compared with", gather.prose_period(self.compare)), *self.header[2:]],
            counted=self.markdown,
            figures=self.figures,
            sources=self.sources,
            charts=chart_list,
            notes=notes,
            chart_notes=self.chart_notes,
            appendix_note=("Every figure in this document, traced to the data it was computed from, "
                           "with counts rounded as the summary says." if self.external else None),
        )


# ---------------------------------------------------------------- variance notes


ACTIVITY_NOTE = "activity."
"""Variance notes about activity against plan use ids 'activity.<measure>' (e.g.
'activity.referrals'): one notes table for indicators and activity."""


def save_variance_note(db: Database, indicator_id: str, period: str, reason: str, owner: str,
                       due_on: str, *, action: str | None = None, recovery_on: str | None = None,
                       today=None) -> dict:
    """Record (or replace) a variance note: the cause (``reason``), the action, who acts
    and by when, and when the measure is expected back on target (``recovery_on``)."""
    if indicator_id.startswith(ACTIVITY_NOTE):
        if indicator_id[len(ACTIVITY_NOTE):] not in ACTIVITY_LABELS:
            raise InputError(f"'{indicator_id}' is not an activity measure (one of: "
                             f"{', '.join(ACTIVITY_NOTE + k for k in ACTIVITY_LABELS)})")
    else:
        cat = gather.catalogue()
        if indicator_id not in cat:
            get_indicator(indicator_id, cat)  # raises InputError naming close matches
    if not (reason or "").strip() or not (owner or "").strip():
        raise InputError("a variance note needs a reason and an owner")
    for what, day in (("due date", due_on), ("recovery date", recovery_on)):
        if day is None and what == "recovery date":
            continue
        try:
            _dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            raise InputError(f"{what} {day!r} is not a date (use YYYY-MM-DD)") from None
    row = {
        "indicator_id": indicator_id,
        "period": period,
        "reason": reason.strip(),
        "owner": owner.strip(),
        "due_on": due_on,
        "created_at": (today or _dt.date.today()).isoformat(),
        "action": (action or "").strip() or None,
        "recovery_on": recovery_on,
    }
    variance.save_note(db, row)
    return row


def variance_notes(db: Database, period_label: str) -> dict[str, dict]:
    return variance.notes_for(db, period_label)


def _rolling_end(rolling: dict) -> str:
    """'September 2026': the month the rolling 12 months end ('' without any)."""
    for r in rolling.values():
        end = ((r.extra or {}).get("period_end") or "")[:7]
        if end:
            return filters.fmt_month(end)
    return ""


def target_notes(results: list, rolling: dict, period_text: str, external: bool) -> list[str]:
    """What a target's status needs said beside it: a median judged again with the cases
    it leaves out counted as the longest, and a target the monthly chart's limits
    straddle (hit and miss: met this quarter, but months that miss it are to be
    expected) or lie beyond (consistently failing)."""
    out = []
    for r in results:
        t = r.target or {}
        if not t:
            continue
        name = filters.sentence_case(filters.title_lower(r.title))
        target = filters.rate(t.get("value"), r.unit)
        if t.get("worst_case"):
            left = filters.count_prose((r.extra or {}).get("unreviewed"), external)
            if t["worst_case"] == "met" and t["status"] == "met":
                out.append(f"{name}: the median leaves out the escalations with no recorded clinical review "
                           f"({left}). Even with those escalations counted as the slowest of the period, the "
                           f"median stays within the target of {target}, so the target is met either way.")
            else:
                out.append(f"{name}: the median leaves out the escalations with no recorded clinical review "
                           f"({left}). With those escalations counted as the slowest of the period, the median "
                           "would be past the target, so the target cannot be judged until they are checked.")
        key = (r.spc or {}).get("assurance")
        if filters.verdict(r) == "too_few_points":
            continue
        if key == "inconsistent":
            now = {"met": f"met in {period_text}", "not_met": f"not met in {period_text}"}.get(
                t.get("status"), f"not assessable in {period_text}")
            out.append(f"{name}: {now}, but the monthly chart's process limits lie on both sides of the {target} "
                       "target (hit and miss), so months that miss it are to be expected while the service "
                       "works as it does now.")
        elif key == "consistent_fail":
            out.append(f"{name}: the monthly chart's process limits lie wholly on the failing side of the {target} "
                       "target (consistently failing), so it will not be met without a change to how the "
                       "service works.")
    return out


# ---------------------------------------------------------------- assembling

STATUS_WORDS = {"met": "met", "not_met": "not met", "not_assessable": "not assessable (too few cases)"}


def _target_text(result, target: float) -> str:
    return filters.rate(target, result.unit)


def _target_words(result) -> str:
    """'at least 80%' from the target stored with the result."""
    t = result.target or {}
    return f"{t.get('words', '')} {filters.rate(t.get('value'), result.unit)}".strip()


def _side_words(result, *, figure: bool = True) -> str:
    """'below the 80% target' (at least), 'above the 15% target' (at most), 'not below the
    15% target' (less than), 'not above the 80% target' (more than): a target not met."""
    t = result.target or {}
    side = {">=": "below", ">": "not above", "<=": "above", "<": "not below"}.get(t.get("comparison"), "short of")
    if not figure:
        return f"{side} its target"
    return f"{side} the {filters.rate(t.get('value'), result.unit)} target"


def target_cell(result, rolling=None) -> tuple[str, str, str]:
    """(target, met if, status): the target, the contract's comparison in words, and its
    status on the unsuppressed figure, with the rolling 12 months beside a quarter too
    small to publish or to assess. The comparison has a column of its own so that no
    cell reads as a claim ('at least 80%')."""
    t = result.target
    if not t:
        return "none", "", ""
    status = STATUS_WORDS[t["status"]]
    if t["status"] == "not_met" and result.value is None:
        status = f"not met ({_side_words(result, figure=False)}; numbers too small to publish)"
    if rolling is not None and (result.value is None or t["status"] == "not_assessable"):
        rt = rolling.target or {}
        end = (rolling.extra.get("period_end") or "")[:7]
        status += f"; rolling 12 months to {filters.fmt_month(end) if end else 'the period end'}: " \
                  f"{STATUS_WORDS.get(rt.get('status'), 'not assessed')}"
    return filters.rate(t.get("value"), result.unit), t.get("words", ""), status


HIDDEN = "not published"


def hidden_words(share: str | None, target_status: str | None = None, numerator=None, denominator=None) -> str:
    """A figure too small to publish, with its verdict in words and no number:
    'not published: fewer than 5 of about 90; target met' (the rule is stated once, in the
    summary, so a cell need not repeat why)."""
    if share == "no_cases":
        return "no cases"
    words = share_text(share, numerator, denominator)
    parts = [words] if words else []
    if target_status in ("met", "not_met"):
        parts.append(f"target {STATUS_WORDS[target_status]}")
    return f"{HIDDEN}: {'; '.join(parts)}" if parts else HIDDEN


HIDDEN_MARK = "†"
"""Marks a table cell whose figure is not published; one footnote under the table says why."""


def short_hidden(share: str | None, numerator=None, denominator=None) -> str:
    """A table cell for a figure too small to publish, short enough for a narrow column:
    '<5 of 30 †', 'all but <5 of 90 †', '5 of 10 †', 'all †'. The counts are rounded as
    everywhere else (the footnote under the table says so)."""
    if share == "no_cases":
        return "no cases"
    words = share_text(share, numerator, denominator)
    words = words.replace("fewer than 5", "<5").replace(" of them", "")
    return f"{words or HIDDEN}\u00a0{HIDDEN_MARK}"  # a no-break space: the mark never wraps alone


def _row(result, rolling, external: bool) -> dict:
    """One indicator's row: the figure for the period and the one before (a figure too
    small to publish in counts, marked), the interval and the chart's verdict. Targets
    have a table of their own (:func:`target_rows`)."""
    hidden = result.value is None and result.suppressed
    target, met_if, status = target_cell(result, rolling)
    extra = result.extra or {}
    before = extra.get("compare") or {}
    if result.compare_value is not None:
        compare = filters.compare_value(result)
    elif result.compare_period and before.get("suppressed"):
        compare = short_hidden(before.get("share"), before.get("numerator"), before.get("denominator"))
    else:
        compare = "n/a"
    return {
        "domain": result.domain,
        "title": result.title,
        "value": (short_hidden(extra.get("share"), result.numerator, result.denominator) if hidden
                  else filters.value(result)),
        "hidden": hidden or compare.endswith(HIDDEN_MARK),
        "compare": compare,
        "ci": (filters.ci(result) or "n/a").replace("95% CI ", ""),
        "target": target,
        "met_if": met_if,
        "status": status,
        "verdict": filters.verdict_label(result),
    }


DOMAIN_TITLES = {"safety": "Safety", "stability": "Stability after discharge", "experience": "Experience and outcomes"}


def row_groups(rows: list[dict]) -> list[dict]:
    """The indicator rows in one table per domain, in the table's order."""
    groups: list[dict] = []
    for row in rows:
        if not groups or groups[-1]["domain"] != row["domain"]:
            groups.append({"domain": row["domain"],
                           "title": DOMAIN_TITLES.get(row["domain"], str(row["domain"]).capitalize()),
                           "rows": []})
        groups[-1]["rows"].append(row)
    return groups


ASSURANCE_SHORT = {"consistent_pass": "consistently passing", "consistent_fail": "consistently failing",
                   "inconsistent": "hit and miss"}


def assurance_short(result) -> str:
    """The chart against the target in two or three words (the Terms section defines them)."""
    if filters.verdict(result) == "too_few_points":
        return "too few points to judge"
    return ASSURANCE_SHORT.get(str((result.spc or {}).get("assurance") or ""), "not judged")


def _status_short(status: str | None, hidden: bool) -> str:
    if status == "not_met" and hidden:
        return "not met (too few to publish)"
    return STATUS_WORDS.get(status or "", "not assessed")


def target_rows(results: list, rolling: dict, period_text: str) -> list[dict]:
    """The contract targets table: each target with its status in the period, the period
    before and the rolling 12 months, and what the monthly chart says against it."""
    out = []
    for r in results:
        t = r.target
        if not t:
            continue
        before = (r.extra or {}).get("compare") or {}
        roll = rolling.get(r.id)
        status = _status_short(t["status"], r.value is None)
        if t.get("worst_case") == "met" and t["status"] == "met":
            status = "met (see the note below)"
        elif t.get("worst_case") and t["status"] == "not_assessable" and r.value is not None:
            status = "cannot be judged (see the note below)"
        out.append({
            "id": r.id,
            "title": r.title,
            "target": filters.rate(t.get("value"), r.unit),
            "met_if": t.get("words", ""),
            "status": status,
            "before": _status_short(before.get("target_status"), r.compare_value is None),
            "rolling": _status_short((roll.target or {}).get("status"), roll.value is None) if roll is not None
            else "not assessed",
            "assurance": assurance_short(r),
        })
    return out


def interval_excludes(result) -> int:
    """+1 / -1 when this period's 95% interval lies wholly above / below the comparison
    value, 0 when it includes it (or there is nothing to compare)."""
    low, high, before = result.ci_low, result.ci_high, result.compare_value
    if low is None or high is None or before is None:
        return 0
    return 1 if low > before else (-1 if high < before else 0)


def worse_side(result) -> int:
    """+1 when a higher value is worse, -1 when a lower value is, 0 for neutral."""
    lower = filters.lower_is_better(result.direction)
    return 0 if lower is None else (1 if lower else -1)


def disagreement(result, period_text: str, compare_text: str) -> str:
    """Plain words when the interval test and the chart disagree ('' when they agree).
    No figure is repeated: they are in the table."""
    side = interval_excludes(result)
    v = filters.verdict(result)
    if side and v == "common_cause":
        return (f"The 95% CI for {period_text} does not include the {compare_text} figure, so the difference "
                "between the two periods is larger than chance alone would usually give; the monthly chart, "
                "which looks at every month, shows common-cause variation only, so it is not yet evidence of "
                "a lasting change.")
    if not side and v in ("improvement", "concern") and result.compare_value is not None and result.ci_low is not None:
        return (f"The monthly chart shows special-cause {v} over the longer run, while the 95% CI for "
                f"{period_text} still includes the {compare_text} figure, so the difference between the two "
                "periods alone could be chance.")
    return ""


def grouped_disagreements(items: list[dict]) -> list[dict]:
    """The disagreements with the same words said once, naming every indicator they are true of (a reader met
    four bullets of one sentence in the Q1 review), in the order of their first indicator; ``titles`` lists them."""
    groups: dict[str, dict] = {}
    for d in items:
        g = groups.setdefault(d["text"], {"titles": [], "text": d["text"]})
        g["titles"].append(d["title"])
    for g in groups.values():
        g["title"] = "; ".join(g["titles"])
    return list(groups.values())


def deterioration_reasons(result, period_text: str, compare_text: str) -> list[str]:
    """Why an indicator needs a variance note: a missed target, an SPC concern, or an
    interval that excludes last period's value in the worse direction."""
    reasons = []
    t = result.target or {}
    if t.get("status") == "not_met":
        # the figure itself is in the summary and the table (each figure once)
        text = f"{_side_words(result)} in {period_text}"
        if result.value is None:
            text += " (numbers too small to publish)"
        before = ((result.extra or {}).get("compare") or {}).get("target_status")
        if before in STATUS_WORDS:
            text += f"; in {compare_text} the target was {STATUS_WORDS[before]}"
        reasons.append(text)
    if filters.verdict(result) == "concern":
        reasons.append(f"special-cause concern on the monthly chart ({filters.rule_words((result.spc or {}).get('rule'))})")
    side = interval_excludes(result)
    if side and side == worse_side(result):
        reasons.append(f"the 95% CI for {period_text} excludes the {compare_text} figure on the worse side")
    return reasons


def earlier_concern(results) -> list[str]:
    """Charts whose verdict is not concern but which mark earlier points as special-cause
    concern: 'crisis events per 100 people on the caseload, October 2024 to April 2025'.
    A reader who sees orange points on a chart the summary calls free of concern is told
    which months they are."""
    out = []
    for r in results:
        spc = r.spc or {}
        if filters.verdict(r) == "concern":
            continue
        series = spc.get("series") or []
        months = [series[c[0]][0] for c in spc.get("chart_points") or []
                  if len(c) > 1 and c[1] == "concern" and c[0] < len(series)]
        if months:
            first, last = filters.fmt_month(months[0]), filters.fmt_month(months[-1])
            span = first if first == last else f"between {first} and {last}"
            out.append(f"{filters.title_lower(r.title)}, {span}")
    return out


def _verdict_names(results) -> dict[str, list[str]]:
    names = {v: [] for v in filters.VERDICTS}
    for r in results:
        names[filters.verdict(r)].append(filters.title_lower(r.title))
    return names


def _change_effects(changes, results_by_id, period_text, compare_text, external) -> dict:
    """For each service change, what the charts of the indicators it names show since it."""
    effects = {}
    for c in changes:
        named = [i.strip() for i in (c.get("indicators") or "").split(";") if i.strip()]
        lines = []
        for ident in gather.expand_ids(named) if named else []:
            r = results_by_id.get(ident)
            if r is None:
                continue
            step = (r.spc or {}).get("step_change") or {}
            name = filters.sentence_case(filters.title_lower(r.title))
            if step.get("post_mean") is not None:
                # the chart's words carry no figure, so a quarter too small to publish
                # still has them (the table gives the same verdict)
                better = {"improvement": " for the better", "concern": " for the worse"}.get(
                    step.get("level_shift_type"), "")
                where = (f"beyond the limits before the change (a step change{better})" if step.get("level_shift")
                         else "within the limits before the change (no step change)")
                label = filters.verdict_label(r)
                lines.append(f"{name}: the level of the monthly chart since the change lies {where}; on the "
                             f"limits recalculated at the change the chart shows {label[:1].lower() + label[1:]}.")
            elif r.suppressed and r.value is None:
                lines.append(f"{name}: numbers too small to publish, and no chart of the change.")
        effects[c["change_id"]] = lines
    return effects


NOTE_SOURCES = ("variance note", "risks and issues", "activity against plan")
"""Where an action from a note is given (the action plan's source column); note actions are
counted with their notes, not in the plan's tally of incident actions."""


def _actions(p, notes_needed, incident_actions, as_of, other_notes: list[dict] | None = None) -> list[dict]:
    """Every action in one list, each with one status from one source. A variance note's
    action is listed when one is recorded; a note with no action adds nothing (the note
    says plainly that no action is recorded). ``other_notes`` are the period's other
    notes with an action (on a safety signal, a target that is hit and miss, activity
    off plan): their actions are in the plan too, with the section that gives them."""
    actions = []
    for n in [*notes_needed, *(other_notes or [])]:
        note = n["note"] or {}
        text = note_action(note)
        if not text:
            continue
        actions.append({
            "action": f"{n['title']}: {text}",
            "owner": note["owner"],
            "due": filters.fmt_date(note["due_on"]),
            "due_on": note["due_on"][:10],
            "status": (f"overdue (due {filters.fmt_date(note['due_on'])})" if note["due_on"] < as_of.isoformat()
                       else f"open (due {filters.fmt_date(note['due_on'])})"),
            "kind": "overdue" if note["due_on"] < as_of.isoformat() else "open",
            "source": n.get("source", "variance note"),
            "note_for": n["id"],
        })
    actions += group_actions(incident_actions)
    return actions


def note_action(note: dict) -> str:
    """The action a variance note records ('' when none): its action field, else the part
    of an older one-text note after 'Action:'. A reason alone is a cause, not an action;
    'No action: ...' is a decision not to act."""
    if not note:
        return ""
    if (note.get("action") or "").strip():
        return str(note["action"]).strip()
    parts = re.split(r"\bAction:\s*", note.get("reason") or "", maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def note_cause(note: dict) -> str:
    """The cause a variance note records ('' when none or not yet known)."""
    reason = (note or {}).get("reason") or ""
    if not note or not note.get("action"):
        # an older note holds the cause and the action in one text: the part before 'Action:'
        reason = re.split(r"\bAction:", reason)[0]
    reason = reason.strip()
    if re.match(r"(cause )?(not yet known|unknown|not known)", reason, re.I) or reason.lower().startswith("no action"):
        return ""
    return reason


# ---------------------------------------------------------------- activity, workforce, asks

ACTIVITY_LABELS = {
    "referrals": "referrals received",
    "caseload_start": "people on the caseload at the start",
    "caseload_end": "people on the caseload at the end",
    "discharges": "people whose support ended (left the caseload)",
    "contacts_attended": "contacts attended (all kinds)",
    "contacts_planned": "planned and review contacts booked (attended or not attended; cancellations left out)",
    "unplanned": "unplanned contacts attended",
}
PLAN_TOLERANCE = 10.0
"""Activity this many percent or more off plan (as the table rounds it) is named, with its reason or the lack of one."""


def activity_rows(now, before, notes: dict, external: bool) -> tuple[list[dict], list[dict]]:
    """The activity table (this period, the one before, plan, difference from plan) and
    the measures more than PLAN_TOLERANCE percent off plan, each with its variance note."""
    rows, off = [], []
    for key, label in ACTIVITY_LABELS.items():
        value, previous = getattr(now, key), getattr(before, key)
        planned = (now.plan or {}).get(key)
        diff = None if not planned else 100 * (value - planned) / planned
        row = {"key": key, "label": label, "now": filters.count(value, external),
               "before": filters.count(previous, external),
               "plan": (filters.number(planned) if planned is not None
                        else "" if now.plan else "not held"),
               "vs_plan": "" if diff is None else f"{diff:+.0f}%"}
        rows.append(row)
        # judged on the percentage as the table prints it, so a row shown as -10% is on the
        # list that says "a tenth or more" (never left off by an unrounded -9.6%)
        if diff is not None and abs(round(diff)) >= PLAN_TOLERANCE:
            note = notes.get(ACTIVITY_NOTE + key) or {}
            cause, action = note_cause(note), note_action(note)
            clash = cause_clash(cause, value, previous)
            if cause and clash:
                text = (f"The recorded cause speaks of a {clash}, but the figure {_move_words(value, previous)} "
                        "since the previous quarter, so the cause is not given here: it needs agreeing at the meeting.")
            else:
                text = f"Cause: {_stop(cause)}" if cause else "No cause is recorded."
            if action:
                text += f" Action: {_stop(action)} ({note['owner']}, by {filters.fmt_date(note['due_on'])})"
            else:
                text += " No action is recorded: a gap for the meeting."
            off.append({**row, "name": label, "direction": "above" if diff > 0 else "below",
                        "words": (f"{filters.count_prose(value, external)} against {filters.number(planned)} "
                                  "planned"), "text": text})
    return rows, off


# "the endings fell in this quarter" is a date, not a movement: a verb followed by 'in',
# 'on' or 'within' is not read as one
_NOT_MOVE = r"(?!\s+(?:in|on|within|into|due)\b)"
_FALL = re.compile(rf"\b(fell|fallen|dropped|declined|decreased|reduced|went down){_NOT_MOVE}", re.I)
_RISE = re.compile(rf"\b(rose|risen|grew|increased|went up|climbed){_NOT_MOVE}", re.I)


def cause_clash(cause: str, now, before) -> str:
    """'fall' or 'rise' when a recorded cause tells of a movement the figures do not show
    (a fall of referrals when they stayed level or rose): such a cause explains nothing
    the reader can see. '' when the cause fits, or says nothing of a movement."""
    if not cause or now is None or not before:
        return ""
    change = (now - before) / before
    if _FALL.search(cause) and change > -0.05:
        return "fall"
    if _RISE.search(cause) and change < 0.05:
        return "rise"
    return ""


def _move_words(now, before) -> str:
    change = (now - before) / before if before else 0
    return "stayed about level" if abs(change) <= 0.05 else ("rose" if change > 0 else "fell")


def changes_in_period_text(changes: list[dict], actions: list[dict], start: str, end: str, period: str) -> str:
    """What 'What changed and why' covers: whether the service-change log holds a change
    starting in the period, and the actions from the action plan completed in it (a
    change put in place, with its date), so the section never reads as the whole list of
    what changed in the quarter when it is not."""
    logged = [c for c in changes if start <= (c.get("changed_on") or "")[:10] <= end]
    done = sorted((a for a in actions if a.get("closed_on") and start <= a["closed_on"] <= end
                   and not a.get("source", "").startswith("compliment")),
                  key=lambda a: a["closed_on"])
    parts = []
    if not logged:
        parts.append(f"The service-change log records no change starting in {period}; the changes it records "
                     "earlier are listed here because the charts are judged from them.")
    if done:
        named = _join([f'"{a["action"].rstrip(".")}" ({filters.fmt_date(a["closed_on"])})' for a in done])
        parts.append(f"Actions from the action plan put in place in {period}: {named}.")
    if parts:
        parts.append(f"Other changes in {period} are described where they explain a figure (see Activity "
                     "against plan and Variance notes); only the log's changes recalculate the charts.")
    return " ".join(parts)


def activity_note(now, external: bool) -> str:
    """One sentence under the activity table: the counts are rounded separately, the
    against-plan column is from the unrounded counts, and whether the unrounded caseload
    at the start plus referrals less endings gives the caseload at the end."""
    if not external:
        return ""
    text = ("The counts in this table are each rounded on their own (the rule is in the summary), so they may "
            "not add up; "
            "the against-plan column is computed from the unrounded counts.")
    start, end = getattr(now, "caseload_start", None), getattr(now, "caseload_end", None)
    refs, ended = getattr(now, "referrals", None), getattr(now, "discharges", None)
    if None not in (start, end, refs, ended):
        if start + refs - ended == end:
            text += (" Before rounding, the caseload at the start plus referrals received less support ended "
                     "equals the caseload at the end.")
        else:
            gap = end - (start + refs - ended)
            text += (f" Before rounding, the caseload at the start plus referrals received less support ended "
                     f"differs from the caseload at the end by {abs(gap)} (people who came back to the caseload "
                     "without a new referral, or left it without a recorded ending).")
    return text


def _stop(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text[-1:] in ".!?" else text + "."


WORKFORCE_LABELS = {
    "posts_funded_wte": "posts funded (whole-time equivalent)",
    "posts_filled_wte": "posts filled (whole-time equivalent)",
    "vacancies_wte": "vacancies (whole-time equivalent)",
    "agency_wte": "agency and bank cover (whole-time equivalent)",
    "sickness_absence_pct": "sickness absence (% of working days)",
    "supervision_due": "supervision sessions due",
    "supervision_held": "supervision sessions held",
    "caseload_per_worker": "people on the caseload per filled post",
}


def workforce_rows(now: list[dict] | None, before: list[dict] | None) -> list[dict]:
    """Workforce measures for the period beside the one before, in a fixed order, with
    plain labels (unknown measure codes are listed after, as written)."""
    if not now:
        return []
    prev = {r["measure"]: r["value"] for r in before or []}
    order = {k: i for i, k in enumerate(WORKFORCE_LABELS)}
    out = []
    for r in sorted(now, key=lambda r: (order.get(r["measure"], 99), r["measure"])):
        label = WORKFORCE_LABELS.get(r["measure"], r["measure"].replace("_", " "))
        one = 1 if r["measure"].endswith(("_wte", "_pct", "_worker")) else 0
        out.append({"measure": r["measure"], "label": label, "value": filters.number(r["value"], one),
                    "before": filters.number(prev[r["measure"]], one) if r["measure"] in prev else "not held",
                    "note": r.get("note") or "", "raw": r["value"]})
    return out


def review_asks(requests: list[dict] | None, activity_plan: dict, year: str) -> list[dict]:
    """Every request to the commissioner, from one list: the open requests recorded in the
    data and the ones this review itself raises (an activity plan that is not held). The
    summary and the requests section both read this list, so they cannot disagree."""
    asks = [{"request": q["request"].strip(), "background": (q.get("background") or "").strip(),
             "owner": (q.get("owner") or "").strip(), "raised": filters.fmt_date(q["raised_on"]),
             "status": (q.get("status") or "open").strip()} for q in requests or []]
    if not activity_plan:
        asks.append({"request": f"Confirm the contracted activity plan for {year}, so that activity can be "
                                "reported against it.",
                     "background": "The activity plan is not held, so activity is not compared with plan.",
                     "owner": "", "raised": "in this review", "status": "open"})
    return asks


# ---------------------------------------------------------------- safety signals

def signal_action(indicator_id: str, notes: dict | None, results_by_id: dict, noted: set | None = None) -> str:
    """What is being done about a safety signal, as a variance note says it: the action
    with its owner and date from the note on the indicator, or plainly that none is
    recorded (a gap for the meeting), as for an activity line off plan."""
    note = (notes or {}).get(indicator_id) or {}
    action = note_action(note)
    if action and note.get("owner") and note.get("due_on") and noted is not None and indicator_id not in noted:
        # no section of its own under "Variance notes": the action is said here in full
        said = _stop(action)[:-1]
        return (f"the action recorded for it: {said[:1].lower() + said[1:]} "
                f"({note['owner']}, by {filters.fmt_date(note['due_on'])})")
    if action and note.get("owner") and note.get("due_on"):
        r = results_by_id.get(indicator_id)
        name = filters.title_lower(r.title) if r is not None else indicator_id.replace("_", " ")
        return f"the variance note on {name} gives the action: {note['owner']}, by {filters.fmt_date(note['due_on'])}"
    return "no action, owner or date is recorded for this: a gap for the meeting"


def safety_signals(results_by_id: dict, esc, period_text: str, compare_text: str, external: bool,
                   notes: dict | None = None, noted: set | None = None) -> list[str]:
    """What a commissioner would want named even when the figure is small or has no
    target: a safeguarding concern not referred by the next working day, escalations with
    no recorded clinical review (left out of the median review time), readmissions
    within 30 days. Each is said in words that publish no small count, and each is
    followed by its action with owner and date, or by the plain statement that none is
    recorded."""
    out = []
    r = results_by_id.get("safeguarding_timely")
    if r is not None:
        share = (r.extra or {}).get("share")
        late = share in ("some", "few", "all_but_few", "none") if r.value is None else (r.value < 100)
        if late:
            before = (r.extra or {}).get("compare") or {}
            late_before = (before.get("share") in ("some", "few", "all_but_few", "none") if r.compare_value is None
                           else r.compare_value < 100)
            when = (f" (as in {compare_text})" if late_before
                    else f" (none in {compare_text})" if before.get("share") == "all" or r.compare_value == 100
                    else "")
            out.append(f"at least one safeguarding concern raised in {period_text} was not referred by the next "
                       f"working day{when}")
            out.append(signal_action("safeguarding_timely", notes, results_by_id, noted))
    if esc is not None and esc.total:
        missing = esc.total - esc.reviewed
        if missing:
            words = filters.count_prose(missing, external)
            one = words == "1"  # 'fewer than 5' is plural even when the count is 1
            out.append(f"{words} escalation{'' if one else 's'} raised in "
                       f"{period_text} {'has' if one else 'have'} no recorded clinical review, so "
                       f"{'it is' if one else 'they are'} left out of the median hours to review; "
                       f"{'it needs' if one else 'each needs'} checking")
            out.append(signal_action("escalation_review_hours", notes, results_by_id, noted))
    r = results_by_id.get("readmission_30d")
    if r is not None:
        extra = r.extra or {}
        before = extra.get("compare") or {}
        now_any = (r.value or 0) > 0 if r.value is not None else extra.get("share") not in (None, "none", "no_cases")
        before_none = (r.compare_value == 0) if r.compare_value is not None else before.get("share") == "none"
        if now_any:
            text = f"at least one discharge in {period_text} was followed by a readmission within 30 days"
            if before_none:
                text += f" (none in {compare_text})"
            out.append(text)
            out.append(signal_action("readmission_30d", notes, results_by_id, noted))
    return out


# ---------------------------------------------------------------- the outcome story

_VARIATION_CLAIMS = (
    (re.compile(r"within (?:normal|the usual|expected) (?:limits|variation|range)|common[- ]cause|"
                r"no (?:special[- ]cause )?signal|stable|steady", re.I), "common_cause"),
    (re.compile(r"special[- ]cause improvement|(?:has|have) (?:fallen|fell|improved|reduced|dropped)", re.I),
     "improvement"),
    (re.compile(r"special[- ]cause concern|(?:has|have) (?:risen|rose|worsened|increased)", re.I), "concern"),
)


def frame_story(text: str, results_by_id: dict) -> tuple[str, list[str]]:
    """Keep a featured story's framing in line with the indicator table: a clause that
    says how an indicator has varied ('the rate has varied within normal limits') is kept
    only when the table's chart verdict for that indicator says the same; otherwise the
    clause (or, when it is the whole sentence, the sentence) is taken out. Returns the
    text and the clauses removed."""
    terms = indicator_terms()
    removed = []
    out = text
    for sentence in split_sentences(text):
        claims = [(m, v) for pattern, v in _VARIATION_CLAIMS for m in [pattern.search(sentence)] if m]
        if not claims:
            continue
        named = None
        for pattern, ind, _term in terms:
            if pattern.search(sentence):
                named = ind
                break
        if named is None:
            continue
        ids = [named] if named in results_by_id else [k for k in results_by_id if k.startswith(named + ".")]
        verdicts = {filters.verdict(results_by_id[k]) for k in ids}
        if not verdicts or all(v in verdicts for _, v in claims):
            continue
        # the clause holding the claim: from the last ', ' or '; ' before it to the end
        at = claims[0][0].start()
        cut = max(sentence.rfind(", ", 0, at), sentence.rfind("; ", 0, at))
        if cut > 0:
            new = sentence[:cut].rstrip(" ,;") + "."
        else:
            new = ""
        removed.append(sentence[cut + 2 if cut > 0 else 0:])
        out = out.replace(sentence, new).replace("  ", " ").strip()
    return out, removed


STORY_PARTS = ("title", "context", "support_approach", "delivery", "evidence")


def pseudonym(story: dict) -> str:
    """The initial a story calls its person by ('T.'), '' when it uses none."""
    m = re.match(r"\s*([A-Z])\.\s", str(story.get("context") or ""))
    return m.group(1) if m else ""


def story_cuts(story: dict, checker, *, excerpt: bool = False) -> list:
    """The findings that would make the checker cut or reword the story text the review
    prints (the whole story, or with ``excerpt`` the title and the first sentence of
    three parts, as "Examples of adapted support" prints it): the same test
    :func:`clean_markdown` applies to the document. A story with any is not used."""
    if excerpt:
        text = " ".join([str(story.get("title") or "")] + [
            filters.first_sentence(story.get(k) or "") for k in ("context", "support_approach", "delivery")])
    else:
        text = "\n\n".join(" ".join(str(story.get(k) or "").split()) for k in STORY_PARTS)
    return [f for f in checker.check_text(text) if f.family != "evidence" or f.severity == "error"]


TYPE_PLURALS = {"incident": "incidents", "near_miss": "near misses", "complaint": "complaints",
                "compliment": "compliments"}
SERIOUS = ("serious", "severe", "major", "high", "catastrophic")


def incident_summary(rows: list[dict], external: bool) -> dict:
    """The log by type (compliments are counted as compliments, never as incidents), the
    number recorded as serious, and the learning with repeated entries shown once."""
    counts = dict(gather.incident_types(rows))
    by_type = [(TYPE_PLURALS.get(t, t.replace("_", " ")), filters.count_prose(n, external))
               for t, n in counts.items()]
    absent = [TYPE_PLURALS[t] for t in ("incident", "near_miss", "complaint") if t not in counts]
    serious = sum(1 for r in rows if r["type"] in ("incident", "near_miss")
                  and (r.get("severity") or "").lower() in SERIOUS)
    learning: dict[tuple, dict] = {}
    for r in rows:
        key = (r["occurred_on"][:7], r["type"], (r.get("learning") or "").strip())
        entry = learning.setdefault(key, {"occurred_on": r["occurred_on"], "type": r["type"],
                                          "learning": r.get("learning"), "entries": 0})
        entry["entries"] += 1
    return {"by_type": by_type, "absent": absent, "serious": serious, "learning": list(learning.values())}


_NOT_KEYWORDS = {"within", "people", "period", "followed", "contacts", "recorded", "review", "reviewed"}


def related_actions(title: str, actions: list[dict]) -> list[dict]:
    """Actions in the plan about the same thing as an indicator (a shared word stem of six
    letters or more, e.g. 'discharge'), so a variance note can point to them."""
    stems = {w[:6] for w in lower_words(title) if len(w) >= 6 and w not in _NOT_KEYWORDS}
    out = []
    for a in actions:
        words = {w[:6] for w in lower_words(a["action"]) if len(w) >= 6}
        if stems & words:
            out.append(a)
    return out


def _status_words(status: str) -> str:
    """'closed late (2026-08-19)' -> 'closed late (19 August 2026)'; 'overdue (due ...)' alike."""
    return re.sub(r"\d{4}-\d{2}-\d{2}", lambda m: filters.fmt_date(m.group(0)), status)


def group_actions(rows: list[dict]) -> list[dict]:
    """One row per action: the same action raised by several incidents is listed once,
    with the status of its latest instance (by due date), 'reopened' once when an
    earlier instance was closed and a later one is not, the first due date when an
    earlier instance was never closed, and every source."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(" ".join(row["action"].split()).lower(), []).append(row)
    out = []
    for items in groups.values():
        items.sort(key=lambda r: ((r.get("due_on") or "9999")[:10], r.get("incident_id") or ""))
        last = items[-1]
        status = _status_words(last["status"])
        done = last["status"].startswith("closed")
        earlier = items[:-1]
        closed_before = [r for r in earlier if r["status"].startswith("closed")]
        # an earlier instance never closed and the action raised again with a later due
        # date: the due date was moved, and the document says so with both dates
        never_closed = [r for r in earlier if r["status"].startswith("overdue") and r.get("due_on")]
        moved_from = never_closed[0]["due_on"][:10] if never_closed and last.get("due_on") else None
        if not done and closed_before:
            when = filters.fmt_date(max(r["closed_on"][:10] for r in closed_before))
            status = f"reopened after a later {last['type'].replace('_', ' ')} (last closed {when}); {status}"
        elif moved_from:
            status += (f"; due date moved from {filters.fmt_date(moved_from)} to "
                       f"{filters.fmt_date(last['due_on'][:10])}")
        sources = [f"{r['type'].replace('_', ' ')} {filters.fmt_month(r['occurred_on'][:7])}" for r in items]
        out.append({
            "action": last["action"],
            "owner": last.get("owner") or "not assigned",
            "due": filters.fmt_date(last["due_on"]) if last.get("due_on") else "not set",
            "due_on": (last.get("due_on") or "")[:10],
            "status": status,
            "kind": last["status"].split(" (")[0],
            "moved_from": moved_from,
            "closed_on": (last.get("closed_on") or "")[:10] if done else "",
            "source": ", ".join(dict.fromkeys(sources)),
        })
    out.sort(key=lambda a: (a["due_on"] or "9999", a["action"]))
    return out


def _rolling(db, results, p, coverage, external) -> dict:
    """The rolling 12 months to the end of the counted period, for every indicator with a
    target (the targets table has a column for it; a quarter too small to publish or to
    assess can still be judged over the year)."""
    wanted = [r.id for r in results if r.target]
    if not wanted:
        return {}
    end = (coverage.covered.end.year, coverage.covered.end.month)
    first = _periods.add_months(*end, -11)
    window = _periods.range_period(first, end)

    return {r.id: r for r in compute_all(db, window, ids=wanted, external=external)}


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
    env = env or make_env()
    p = period if hasattr(period, "start") else gather.parse(db, period, default="review")
    latest = gather.latest_data_date(db)
    coverage = _periods.cover(p, latest)  # refuses a period after the data
    if compare is None:  # a partial period is compared with the same months a year earlier
        c = _periods.year_earlier(coverage.covered) if coverage.partial else p.previous()
    else:
        c = compare if hasattr(compare, "start") else gather.parse(db, compare)
        if coverage.partial:
            c = _periods.clip_months(c, coverage.months_covered)
    external = suppress
    period_text, compare_text = gather.prose_period(p), gather.prose_period(c)
    counted = coverage.covered
    document_period = gather.heading_period(p)  # the Period line: 'Jul-Sep 2026 (2026/27 Q2)'
    if coverage.partial:
        # the header and the banner at the top give the months covered; sentences say
        # "2026/27 to date" (a month range inside every sentence reads as a period of its own)
        document_period = f"{document_period} ({coverage.text()})"
        period_text = f"{period_text} to date"

    results_by_id = gather.indicators(db, p, c, None, external=external)
    cat = gather.catalogue()
    order = {k: i for i, k in enumerate(cat)}
    results = sorted(results_by_id.values(), key=lambda r: (filters_domain_order(r.domain), order.get(r.id, 999)))
    notes = variance_notes(db, p.label)
    rolling = _rolling(db, results, p, coverage, external)

    rows = [_row(r, rolling.get(r.id), external) for r in results]
    targets_table = target_rows(results, rolling, period_text)
    with_target = [r for r in results if r.target]
    by_status = {k: [filters.title_lower(r.title) for r in with_target if r.target["status"] == k]
                 for k in STATUS_WORDS}
    notes_needed, disagreements = [], []
    for r in results:
        hidden = r.suppressed and r.value is None
        reasons = deterioration_reasons(r, period_text, compare_text)
        words = disagreement(r, period_text, compare_text) if not hidden else ""
        if reasons:
            chart = "" if hidden else filters.sentence_case(filters.chart_text(r))
            if words:
                # the interval and the chart disagree: the note says it in the words of the
                # list below (once, here), and names the direction of any step
                way = "rose" if interval_excludes(r) > 0 else "fell"
                reasons = [x for x in reasons if "95% CI" not in x] + [
                    f"{filters.title_lower(r.title)} {way} since {compare_text}, the worse direction for this measure"]
                step = filters.step_text(r)
                chart = words.rstrip(".") + (f". {step}" if step else "")
                # the list of disagreements is complete: this one is there too, pointing here
                disagreements.append({"title": r.title, "text": words.rstrip(".") + " (see its variance note)."})
            notes_needed.append({
                "id": r.id, "title": r.title, "reasons": reasons, "note": notes.get(r.id),
                "assurance": filters.assurance(r) if r.target else "",
                "chart": chart,
            })
        elif words:
            disagreements.append({"title": r.title, "text": words})
    disagreements = grouped_disagreements(disagreements)

    changes = gather.service_changes(db, p)
    esc = gather.escalations(db, counted)
    esc.top_triggers = [gather.trigger_words(t) for t, _ in esc.triggers if t != "other"][:2]
    esc.levels = list(esc.by_level.items())
    incidents = gather.incidents(db, counted)
    as_of = latest or counted.end
    incident_actions = gather.review_actions(db, counted, as_of)
    noted_ids = {n["id"] for n in notes_needed}
    other_notes = []
    for key, note in notes.items():
        if key in noted_ids or not note_action(note) or not note.get("owner") or not note.get("due_on"):
            continue
        if re.match(r"(none needed|no action)", note_action(note), re.I):
            continue  # a decision not to act is said beside its figure, not listed as an action
        if key.startswith(ACTIVITY_NOTE):
            label = ACTIVITY_LABELS.get(key[len(ACTIVITY_NOTE):])
            if label:
                other_notes.append({"id": key, "title": filters.sentence_case(label), "note": note,
                                    "source": "activity against plan"})
        elif key in results_by_id:
            other_notes.append({"id": key, "title": results_by_id[key].title, "note": note,
                                "source": "risks and issues"})
    actions = _actions(p, notes_needed, incident_actions, as_of, other_notes)
    for n in notes_needed:
        n["related"] = related_actions(n["title"], [a for a in actions if a["source"] not in NOTE_SOURCES])
        n["detail"] = note_details(n, results_by_id[n["id"]], actions, period_text, compare_text, external)
    start_iso, end_iso = counted.start.isoformat(), counted.end.isoformat()
    due_rows = [a for a in actions if a.get("due_on") and start_iso <= a["due_on"] <= end_iso
                and a["source"] not in NOTE_SOURCES]
    due_tally = {"total": len(due_rows)}
    for kind in ("closed on time", "closed late", "overdue", "open"):
        due_tally[kind.replace(" ", "_")] = sum(1 for a in due_rows if a.get("kind") == kind)
    due_tally["moved"] = [f"first due {filters.fmt_date(a['moved_from'])}" for a in due_rows if a.get("moved_from")]
    # actions due before the period and still not closed: counted here, once, for the
    # summary and the action plan alike
    due_tally["overdue_older"] = [a for a in actions if a.get("kind") == "overdue" and a not in due_rows]
    # a story that tells as practice an action the incident log still has open (a rule
    # that is being introduced again after an incident) is not used: the action plan says
    # otherwise (the same test the tender answer applies)
    open_now = _open_actions(db)

    def contradicts_plan(s: dict) -> bool:
        return any(_contradicts(t, open_now) for t in _split_sentences(
            " ".join(str(s.get(k) or "") for k in ("context", "support_approach", "delivery", "evidence"))))

    # a story is printed whole or not at all: one that the checker would cut (a postcode,
    # a name, a claim it would rewrite) is passed over, so no excerpt reads as broken
    story_checker = None
    if check:
        story_checker = checker = checker or get_checker(db, external=external)

    def needs_cutting(s: dict, excerpt: bool = False) -> bool:
        return story_checker is not None and bool(story_cuts(s, story_checker, excerpt=excerpt))

    story_rows = [s for s in gather.stories(db, ["outcome", "recovery", "goal", "crisis", "step-down"],
                                            domains=["safety", "stability", "experience"], limit=8)
                  if not contradicts_plan(s) and not needs_cutting(s)][:3]
    story = story_rows[0] if story_rows else None
    if story:
        # the story's framing agrees with the table, or it makes no claim about an indicator
        story = dict(story)
        story["evidence"], _ = frame_story(story.get("evidence") or "", results_by_id)
    adapted = []
    for s in gather.stories(db, ADAPTED_TERMS, exclude={story["story_id"]} if story else set(), limit=8):
        # two people called 'T.' in one document read as one person: one initial each
        taken = {pseudonym(x) for x in ([story] if story else []) + adapted} - {""}
        if not contradicts_plan(s) and not needs_cutting(s, True) and pseudonym(s) not in taken and len(adapted) < 2:
            adapted.append(s)
    for s in ([story] if story else []) + adapted:
        if not workflow.is_exportable(s):
            raise AssertionError(f"story {s['story_id']} lacks external consent or approval")
    activity_now, activity_before = gather.activity(db, counted), gather.activity(db, c)
    work_now, requests_open = gather.workforce(db, p), gather.requests(db, counted)
    activity_table, activity_off = activity_rows(activity_now, activity_before, notes, external)
    series_end = max((r.spc or {}).get("series", [[None]])[-1][0] or "" for r in results) if results else ""

    context = {
        "period_text": period_text,
        "compare_text": compare_text,
        "period_label": p.label,
        "partial": coverage.partial,
        "coverage_text": coverage.text(),
        "external": external,
        "suppression_rule": SUPPRESSION_RULE,
        "activity": activity_now,
        "activity_previous": activity_before,
        "activity_rows": activity_table,
        "activity_off_plan": activity_off,
        "activity_note": activity_note(activity_now, external),
        "rolling": rolling,
        "safety": safety_signals(results_by_id, esc, period_text, compare_text, external, notes,
                                 {n["id"] for n in notes_needed}),
        "workforce_rows": workforce_rows(work_now, gather.workforce(db, c)),
        "asks": review_asks(requests_open, activity_now.plan, _periods.financial_years(p)),
        "period_start": start_iso,
        "period_end": end_iso,
        "waits": gather.waiting_times(db, counted, latest),
        "rows": rows,
        "glossary": glossary(results, bool(work_now)),
        "row_groups": row_groups(rows),
        "hidden_cells": any(r["hidden"] for r in rows),
        "hidden_mark": HIDDEN_MARK,
        "targets_table": targets_table,
        "target_notes": target_notes(results, rolling, period_text, external),
        "rolling_end": _rolling_end(rolling),
        "names": _verdict_names(results),
        "series_end": series_end,
        "with_target": with_target,
        "by_status": by_status,
        "notes_needed": notes_needed,
        "disagreements": disagreements,
        "changes": changes,
        "change_effects": _change_effects(changes, results_by_id, period_text, compare_text, external),
        "adapted": adapted,
        "incidents": incidents,
        "incident_types": gather.incident_types(incidents),
        "log": incident_summary(incidents, external),
        "partners": gather.partner_comms(db, counted),
        "actions": actions,
        "as_of": as_of,
        "due_in_period": due_tally,
        "story": story,
        "esc": esc,
        "safeguarding": gather.safeguarding(db, counted),
        "workforce": work_now,
        "requests": requests_open,
    }
    # cohorts whose window had not closed by the data date are pending: the table counts
    # only the closed ones, and says so beside it (a partial cohort, not a partial period)
    context["pending"] = [
        {"title": filters.title_lower(r.title), "n": filters.count_prose((r.extra or {}).get("pending"), external)}
        for r in results if str((r.extra or {}).get("pending", 0) or 0) not in ("0", "None", "")]
    context["plan_tolerance"] = f"{PLAN_TOLERANCE:.0f}"
    context["changes_text"] = changes_in_period_text(changes, actions, start_iso, end_iso, period_text)
    context["wait_ask"] = any("waiting" in a["request"].lower() for a in context["asks"])
    context["actions_text"] = actions_text(due_tally, period_text)
    context["summary_lines"] = summary_lines(context, results, external)
    context["register"] = risk_register(context, results, results_by_id, notes, external)
    context["within_14_words"] = within_14_words(context["waits"], external)
    text = render("contract_review.md.j2", context, env=env)
    hints = _hints(context, p.label)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    edits: list = []
    if check:
        text, edits = clean_markdown(text, checker or get_checker(db, external=external))

    # every indicator in the table is a figure in the document; a rounded count beside a
    # published rate says it is rounded ("about 10"), so 89% beside it does not read as 10 of 10
    figures = [_about_counts(provenance(r, external=external), external) for r in results]
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
    chart_results += [r for r in results if any(n["id"] == r.id for n in notes_needed) and r not in chart_results]
    # every published indicator with a contract target has its assurance in the summary table
    chart_results += [r for r in results if r.target and r not in chart_results and not r.suppressed]
    changed = set(gather.expand_ids([i.strip() for c in changes for i in (c.get("indicators") or "").split(";")
                                     if i.strip()]))
    chart_results += [r for r in results if r.id in changed and r not in chart_results and not r.suppressed]
    charted = chart_results[:MAX_CHARTS]
    drawn = {r.id for r in charted if Chart.from_result(r) is not None}
    uncharted = [t for t in targets_table if t["id"] not in drawn]
    chart_notes = []
    if uncharted:
        named = _join([f"{filters.title_lower(t['title'])} (assurance: {t['assurance']})" for t in uncharted])
        chart_notes.append(f"Not charted here, because their monthly numbers are too small to publish: {named}. "
                           "Their target status is in the Contract targets table.")
    return ContractReview(
        chart_notes=chart_notes,
        period=p, compare=c, markdown=text, results=results, figures=figures, sources=sources,
        edits=edits, external=external, charts=charted, period_text=document_period,
        hints=hints, header=_header(db, as_of), provider=get_profile(db).get("provider", ""),
    )


def _header(db: Database, as_of) -> list[tuple[str, str]]:
    """Provider and service (from the service profile, else the organisation in the config),
    the commissioner, and the date the data run to."""
    profile = get_profile(db)
    provider = profile.get("provider")
    if not provider:
        provider = (getattr(getattr(load_settings(), "documents", None), "organisation", "") or "").strip()
    who = ", ".join(x for x in (provider, profile.get("service")) if x)
    out = [("Provider", who)] if who else []
    if profile.get("commissioner"):
        out.append(("Commissioner", profile["commissioner"]))
    out.append(("Data to", filters.fmt_date(as_of)))
    return out


def _move(now, before, external: bool, period: str) -> str:
    """How the caseload moved from the end of the period before to the end of this one: 'fell from about
    130 to about 115 over Jul-Sep 2026', 'stayed at 25 over ...', 'were about 115 at the start and at the
    end of ...' (two counts that round to the same words). The period may be a month or a year, so the
    sentence never says 'quarters'."""
    n, b = filters.count_prose(now, external), filters.count_prose(before, external)
    if n == b:
        return f"were {n} at the start and at the end of {period}" if now != before else f"stayed at {n} over {period}"
    return f"{'rose' if now > before else 'fell'} from {b} to {n} over {period}"


TERMS = ("**Terms.** A *discharge* in this review is a person on our caseload leaving a hospital ward or a "
         "crisis house (an admission spell; transfers and deaths are not counted): the follow-up, readmission, "
         "housing, handover and engagement measures count these. People whose support from this service ended "
         "are counted separately as *support ended*; they are not called discharges.")


GLOSSARY: tuple[tuple[str, str, str], ...] = (
    # (term, definition, when it is needed: 'always', an indicator title word, or a rule word)
    ("SWEMWBS", "the Short Warwick-Edinburgh Mental Wellbeing Scale: seven questions about how a person has "
     "felt over the last two weeks; a higher score means better wellbeing.", "SWEMWBS"),
    ("ReQoL-10", "Recovering Quality of Life, the 10-question version: a questionnaire about quality of life "
     "written with people who use mental health services; a higher score is better.", "ReQoL"),
    ("CORE-10", "Clinical Outcomes in Routine Evaluation, the 10-question version: a short questionnaire "
     "about psychological distress; a lower score means less distress.", "CORE-10"),
    ("Reliable improvement", "a change between a person's first and latest score on a questionnaire that is "
     "larger than the questionnaire's own measurement error (its published reliable-change threshold), so it "
     "is unlikely to be noise.", "Reliable improvement"),
    ("GAS (goal attainment scaling)", "each personal goal is rated at review from -2 (much less than expected) "
     "to +2 (much more than expected), 0 being the expected outcome; the ratings are combined into a T-score "
     "on which 50 means goals met as expected and a higher score is better.", "GAS"),
    ("DNA", "did not attend: a booked contact the person missed.", "DNA"),
    ("Step-up", "extra contact arranged at short notice because a person's early warning signs or crisis "
     "plan called for it.", "Step-up"),
    ("Escalation", "a concern about a person's safety or wellbeing recorded in the escalation log for a "
     "clinician to review. Its level says how serious it was: 1 increased distress, 2 risk indicators, 3 "
     "urgent support needed, 4 a referral to the crisis team.", "always"),
    ("95% confidence interval (CI)", "the range within which the true figure for the period very probably "
     "lies, given how many cases stand behind it; a wide interval means few cases. When it leaves out last "
     "period's figure, the difference is larger than chance alone would usually give.", "always"),
    ("Monthly chart (SPC chart)", "a statistical process control chart: one point a month over up to 24 "
     "months, with the mean as a solid line and the process limits as dashed lines.", "always"),
    ("Process limits", "also called control limits: the band within which a process that is working in a "
     "steady way keeps its monthly points nearly always (three standard deviations either side of the mean, "
     "estimated from the month-to-month changes).", "always"),
    ("Common cause", "the ordinary month-to-month ups and downs of a steady process: no signal that anything "
     "has changed, whichever way the latest figure moved.", "always"),
    ("Special cause", "a pattern unlikely to arise by chance in a steady process: a point outside the process "
     "limits, a shift (7 or more months in a row on one side of the mean), a trend (7 or more months in a row "
     "each higher, or each lower, than the last) or two of three months close to a limit. It is an "
     "improvement or a concern depending on which direction is better for the measure.", "always"),
    ("Step change and recalculated limits", "when a dated service change is recorded, the chart's mean and "
     "limits are worked out again from the months after it, once there are 12 of them; with fewer, the new "
     "limits are shown as trial limits and no verdict rests on them.", "always"),
    ("Assurance", "what the process limits say about a target: consistently passing (both limits on the "
     "passing side, so the target will nearly always be met), consistently failing (both on the failing "
     "side) or hit and miss (the target lies between the limits, so it will be met in some months and "
     "missed in others).", "target"),
    ("Variance note", "the provider's note on a figure that needs one (a missed target, a special-cause "
     "concern, or a change the interval shows is for the worse): its cause, the action, who owns it and by "
     "when.", "always"),
    ("WTE", "whole-time equivalent: posts counted as full-time jobs, so two half-time posts are 1 WTE.",
     "workforce"),
)


def glossary(results: list, has_workforce: bool) -> list[tuple[str, str]]:
    """The terms this review uses, each with a plain definition: the measures' names,
    the chart and interval words, and the target words (only those that appear)."""
    titles = " ".join(r.title for r in results)
    has_target = any(r.target for r in results)
    out = []
    for term, definition, need in GLOSSARY:
        if need == "always" or (need == "target" and has_target) or (need == "workforce" and has_workforce) \
                or (need not in ("target", "workforce") and need.lower() in titles.lower()):
            out.append((term, definition))
    return out


NO_OWNER = "none recorded"
NO_ACTION = "none recorded: to agree at the meeting"


def _owned(note: dict | None, indicator: bool = False) -> tuple[str, str]:
    """(owner, action and date) from a variance note, or the plain gap. An indicator's note
    is given by its first step only, pointing to the note (its action is said in full
    there, once)."""
    note = note or {}
    action = note_action(note)
    if action and note.get("owner"):
        due = filters.fmt_date(note["due_on"]) if note.get("due_on") else ""
        if indicator:
            first = re.split(r";\s", action)[0].rstrip(". ")
            return note["owner"], f"{first}; see its variance note{' (by ' + due + ')' if due else ''}."
        return note["owner"], _stop(action)[:-1] + (f" (by {due})" if due else "") + "."
    return NO_OWNER, NO_ACTION


def risk_register(ctx: dict, results: list, results_by_id: dict, notes: dict, external: bool) -> list[dict]:
    """The risks and issues this review's own data show, each with an owner and an
    action from the note or action that covers it, or the plain statement that none is
    recorded: targets missed or hit and miss, safety signals, overdue actions, activity
    off plan, vacancies, and indicators with too few cases to watch month by month.
    'Issue' is happening now; 'risk' could happen."""
    period = ctx["period_text"]
    noted = {n["id"] for n in ctx["notes_needed"]}
    out: list[dict] = []

    def add(what: str, kind: str, note_id: str = "", owner_action: tuple[str, str] | None = None):
        # an action said in full in a variance note is pointed to, not repeated
        owner, action = owner_action or _owned(notes.get(note_id), note_id in noted)
        out.append({"what": what, "kind": kind, "owner": owner, "action": action})

    for r in results:
        t = r.target or {}
        name = filters.sentence_case(_bare(filters.title_lower(r.title)))
        target = filters.rate(t.get("value"), r.unit)
        if t.get("status") == "not_met":
            add(f"{name} missed its {target} target in {period}.", "issue", r.id)
        elif t.get("status") == "not_assessable":
            add(f"{name}: too few cases in {period} to judge the {target} target.", "risk", r.id)
        if (r.spc or {}).get("assurance") == "inconsistent" and filters.verdict(r) != "too_few_points":
            add(f"{name} is hit and miss against its {target} target: some months will miss it.", "risk", r.id)
    signals = ctx["safety"]
    for text in signals[::2]:  # each signal is followed by its action line
        indicator = ("safeguarding_timely" if "safeguarding" in text else
                     "escalation_review_hours" if "escalation" in text else
                     "readmission_30d" if "readmission" in text else "")
        add(filters.sentence_case(text) + ".", "issue", indicator)
    for a in ctx["due_in_period"].get("overdue_older") or []:
        add(f'Action overdue since {a["due"]}: "{a["action"].rstrip(".")}".', "issue",
            owner_action=(a["owner"], "no reason for the delay and no new date are recorded."))
    for o in ctx["activity_off_plan"]:
        key = o["key"]
        # the figures are in the activity table and list (each figure once)
        add(f"{filters.sentence_case(o['name'])} a tenth or more {o['direction']} plan (see Activity against "
            "plan).", "issue", ACTIVITY_NOTE + key)
    work = {w["measure"]: w for w in ctx["workforce_rows"]}
    vac = work.get("vacancies_wte")
    if vac and vac.get("raw"):
        add(f"Posts vacant at the end of {period} (see Workforce and supervision).", "issue",
            owner_action=(NO_OWNER, _stop(work.get("posts_filled_wte", {}).get("note") or NO_ACTION)))
    few = [filters.title_lower(r.title) for r in results if filters.verdict(r) == "too_few_points"]
    if few:
        add(f"{len(few)} indicators have too few cases a month for a chart verdict, so a change in them would "
            "be slow to show; the tables give their counts and the contract targets table their 12-month status.",
            "risk", owner_action=(NO_OWNER, NO_ACTION))
    return out


def _den_phrase(r, period_text: str) -> str:
    ind = gather.catalogue().get(r.id)
    den = re.sub(r"\s*\([^)]*\)", "", ind.denominator) if ind else "cases"
    den = re.sub(r"\bdna\b", "not attended", den, flags=re.I)
    return den.replace("in the period", f"in {period_text}").replace("the period", period_text)


def base_words(r, period_text: str, external: bool) -> str:
    """The base of an indicator's figure in words that publish no small count:
    'about 5 of about 10 eligible discharges in 2026/27 Q2'; for a median, the cases it
    is taken over and those left out."""
    ind = gather.catalogue().get(r.id)
    n, d = filters.count_prose(r.numerator, external), filters.count_prose(r.denominator, external)
    if n in ("", "n/a") or d in ("", "n/a"):
        return ""
    den = _den_phrase(r, period_text)
    if ind is not None and ind.statistic in ("median", "mean"):
        extra = r.extra or {}
        left = extra.get("unreviewed")
        if left not in (None, 0, "0") and extra.get("invalid") in (None, 0, "0"):
            # the cases left out, counted once and rounded once, so that the safety line's
            # "about 5 ... no recorded review" and this base say the same
            return (f"the {ind.statistic} is taken over the {den} that have the time recorded: all but "
                    f"{filters.count_prose(left, external)} of {d}")
        return f"the {ind.statistic} is taken over the {den} that have the time recorded: {n} of {d}"
    if r.value is None:
        words = share_text((r.extra or {}).get("share"), r.numerator, r.denominator)
        if words.endswith(" of them"):  # 'none of them' with a base too small to give: name the base
            return f"{words[:-len(' of them')]} of the {den} ({d})"
        return f"{words} {den}" if words else f"{n} of {d} {den}"
    return f"{n} of {d} {den}"


def note_details(n: dict, r, actions: list[dict], period_text: str, compare_text: str, external: bool) -> dict:
    """What a variance note says beyond why it is there: the base, the cause, what happens
    next (the note's action, else an open related action in the plan, else plainly that
    no action is recorded: a gap for the meeting), who and by when, and when the measure
    is expected back."""
    note = n["note"] or {}
    cause = note_cause(note)
    action = note_action(note)
    no_action = (note.get("reason") or "").strip() if (note.get("reason") or "").lower().startswith("no action") else ""
    owner = note.get("owner") if action or no_action else ""
    due = filters.fmt_date(note["due_on"]) if (action or no_action) and note.get("due_on") else ""
    if not action and not no_action:
        open_related = [a for a in n.get("related", []) if a.get("kind") in ("open", "overdue")]
        if open_related:
            a = open_related[0]
            action, owner, due = f'"{a["action"].rstrip(".")}" (in the action plan)', a["owner"], a["due"]
    recovery = filters.fmt_date(note["recovery_on"]) if note.get("recovery_on") else ""
    return {
        "base": base_words(r, period_text, external),
        "cause": cause,
        "action": action,
        "no_action": no_action,
        "owner": owner,
        "due": due,
        "recovery": recovery,
        "recovery_words": ("back on target by" if (r.target or {}).get("status") == "not_met"
                           else f"back to its {compare_text} level by"),
        "gap": not action and not no_action,
    }


def _bare(title: str) -> str:
    """A title without its closing bracket ('... (median)', '... (DNA)'), for a list in brackets."""
    return re.sub(r"\s*\([^)]*\)$", "", title)


def _join(items: list[str]) -> str:
    return filters.join_and(items) if items else ""


def summary_lines(ctx: dict, results: list, external: bool) -> list[str]:
    """The summary a manager would write: the terms used, targets with their figures, base
    and what happens next, safety signals, activity against plan, workforce, the charts in
    one line, the action plan (late closures and moved due dates said as such), and the
    asks of the commissioner (from the same list as the requests section). Every line is
    about this review's own figures, and each agrees with the section it summarises."""
    period, compare = ctx["period_text"], ctx["compare_text"]
    lines = [TERMS]
    targets = [r for r in results if r.target]
    if targets:
        met = [r for r in targets if r.target["status"] == "met"]
        missed = [r for r in targets if r.target["status"] == "not_met"]
        unknown = [r for r in targets if r.target["status"] == "not_assessable"]
        line = f"**Targets.** Contract targets in {period}: {len(met)} met"
        if met:
            line += f" ({_join([_bare(filters.title_lower(r.title)) for r in met])})"
        line += f", {len(missed)} not met"
        if unknown:
            why = ("too few cases, or cases left out of a median" if any(r.target.get("worst_case") for r in unknown)
                   else "too few cases")
            line += f", {len(unknown)} not assessable ({why}; see Contract targets)."
        else:
            line += "."
        for r in met:
            name = filters.sentence_case(_bare(filters.title_lower(r.title)))
            target = filters.rate(r.target.get("value"), r.unit)
            if (r.spc or {}).get("assurance") == "inconsistent" and filters.verdict(r) != "too_few_points":
                line += (f" {name} met the target in {period}, but it is hit and miss: the monthly chart's "
                         f"process limits lie on both sides of the {target} target, so some months will miss it.")
            if r.target.get("worst_case") == "met":
                line += (f" {name} meets the {target} target even when the escalations with no recorded review "
                         "are counted as the slowest.")
        for r in missed:
            name = filters.sentence_case(filters.title_lower(r.title))
            line += f" {name}: {_side_words(r)} in {period}"
            if r.value is not None:
                line += f" at {filters.value(r)}"
                base = base_words(r, period, external)
                if base:
                    line += f" ({base})"
            else:
                base = base_words(r, period, external)
                line += f" ({base}; too few to publish as a percentage)" if base else " (numbers too small to publish)"
            before = ((r.extra or {}).get("compare") or {}).get("target_status")
            line += f", and also not met in {compare}." if before == "not_met" else "."
            roll = ctx["rolling"].get(r.id)
            if roll is not None and r.value is None and (roll.target or {}).get("status") in ("met", "not_met"):
                end = (roll.extra.get("period_end") or "")[:7]
                line += (f" Over the 12 months to {filters.fmt_month(end)} the target was "
                         f"{STATUS_WORDS[roll.target['status']]}.")
            note = next((n for n in ctx["notes_needed"] if n["id"] == r.id), None)
            d = (note or {}).get("detail") or {}
            if d.get("cause") and d.get("action"):
                line += f" Its variance note gives the cause and the action ({d['owner']}, by {d['due']})"
            elif d.get("action"):
                line += (f" The cause is not yet known; the variance note gives the action "
                         f"({d['owner']}, by {d['due']})")
            elif d.get("cause"):
                line += " Its variance note gives the cause, but no action is recorded: a gap for the meeting"
            else:
                line += " No cause or action is recorded: a gap for the meeting"
            line += f", and expects the target to be met again by {d['recovery']}." if d.get("recovery") else "."
        lines.append(line)
    signals = ctx["safety"]
    if signals:
        lines.append("**Safety.** " + " ".join(filters.sentence_case(x) + "." for x in signals))
    a, b = ctx["activity"], ctx["activity_previous"]
    line = f"**Activity.** People on the caseload {_move(a.caseload_end, b.caseload_end, external, period)}."
    off = ctx["activity_off_plan"]
    if a.plan:
        if off:
            line += " A tenth or more off the contracted plan: " + "; ".join(
                f"{o['name']}, {o['words']}" for o in off) + " (see Activity against plan)."
        else:
            line += " All activity was less than a tenth off the contracted plan."
    else:
        line += (f" Support ended for {filters.count_prose(a.discharges, external)} people and "
                 f"{filters.count_prose(a.referrals, external)} were referred; the contracted activity plan "
                 "is not held, so activity is not compared with plan.")
    lines.append(line)
    work = {w["measure"]: w for w in ctx["workforce_rows"]}
    if work:
        parts = []
        if "posts_filled_wte" in work and "posts_funded_wte" in work:
            parts.append(f"{work['posts_filled_wte']['value']} of {work['posts_funded_wte']['value']} funded posts "
                         "filled (whole-time equivalent)")
        if "sickness_absence_pct" in work:
            parts.append(f"sickness absence {work['sickness_absence_pct']['value']}% of working days")
        if "supervision_held" in work and "supervision_due" in work:
            parts.append(f"{work['supervision_held']['value']} of {work['supervision_due']['value']} supervision "
                         "sessions held")
        if parts:
            lines.append(f"**Workforce.** At the end of {period}: " + "; ".join(parts) + ".")
    names = ctx["names"]
    chart = []
    if names["improvement"]:
        chart.append(f"special-cause improvement in {filters.join_and(names['improvement'])}")
    earlier = earlier_concern(results)
    chart.append(f"special-cause concern in {filters.join_and(names['concern'])}" if names["concern"]
                 else "no special-cause concern in the latest months" + (
                     f" (earlier months do show concern points: {'; '.join(earlier)})" if earlier else ""))
    few = len(names["too_few_points"])
    lines.append(f"**Charts.** On the monthly charts (up to 24 months), {'; '.join(chart)}; "
                 f"{few} indicator{'s have' if few != 1 else ' has'} too few months with enough cases, or too few "
                 "months since the last recalculation of the limits, for a verdict.")
    text = actions_text(ctx["due_in_period"], period)
    if text:
        lines.append("**Actions.** " + text)
    asks = [x["request"].rstrip(".") for x in ctx["asks"]]
    if asks:
        asks = [asks[0]] + [x[:1].lower() + x[1:] if not x[:2].isupper() else x for x in asks[1:]]
        lines.append("**Asks of the commissioner.** " + "; and ".join(asks) + " (see Requests to the commissioner).")
    else:
        lines.append("**Asks of the commissioner.** None this quarter.")
    return lines


def actions_text(tally: dict, period: str) -> str:
    """The action counts in words, from the one tally the summary and the action plan
    share: the actions due in the period by status, then the older actions still overdue,
    each with its reason and new date or the plain statement that none is recorded."""
    parts = []
    if tally["total"]:
        line = (f"Of the {tally['total']} action{'s' if tally['total'] != 1 else ''} due in {period}, "
                f"{tally['closed_on_time']} closed by {'its' if tally['closed_on_time'] == 1 else 'their'} "
                f"due date, {tally['closed_late'] or 'none'} closed late")
        if tally["overdue"]:
            line += f", {tally['overdue']} {'is' if tally['overdue'] == 1 else 'are'} overdue"
        if tally["open"]:
            line += f", {tally['open']} still open"
        parts.append(line + ".")
        moved = tally["moved"]
        if moved:
            parts.append(f"{len(moved)} of {'them' if tally['total'] != 1 else 'it'} had "
                         f"{'its' if len(moved) == 1 else 'their'} due date moved from an earlier one "
                         f"({_join(moved)}).")
    older = tally.get("overdue_older") or []
    if older:
        n = len(older)
        named = _join([f'"{a["action"].rstrip(".")}" (due {a["due"]})' for a in older])
        parts.append(f"{n} action{'s' if n != 1 else ''} due before {period} {'are' if n != 1 else 'is'} "
                     f"still overdue: {named}. Neither a reason for the delay nor a new due date is recorded "
                     f"for {'them' if n != 1 else 'it'}, a gap to take up at the meeting.")
    return " ".join(parts)


def within_14_words(waits, external: bool) -> str:
    """'92% of those seen were seen within 14 days' (from the unrounded counts), or the
    same in words when the percentage may not be published (the same rules as an
    indicator's: small counts, a small complement, a small base)."""
    if not waits.seen:
        return ""
    share = waits.within_14 / waits.seen * 100
    if not external or not suppression.suppress_rate(share, waits.within_14, waits.seen, complement=True,
                                                     small_base=suppression.SMALL_BASE):
        return f"{filters.rate(share, 'percent')} of those seen were seen within 14 days"
    late = waits.seen - waits.within_14
    if waits.within_14 == waits.seen:
        return "all of those seen were seen within 14 days"
    if waits.within_14 == 0:
        return "none of those seen was seen within 14 days"
    if 0 < late < 5 <= waits.within_14:
        return "all but fewer than 5 of those seen were seen within 14 days"
    if 0 < waits.within_14 < 5 <= late:
        return "fewer than 5 of those seen were seen within 14 days"
    return "some but not all of those seen were seen within 14 days"


def _hints(context: dict, label: str) -> list[str]:
    """Tool notes for the person assembling the review (never in the document)."""
    out = []
    if not context["with_target"]:
        out.append("no contract targets: import them with 'evidencebot import targets FILE'")
    if not context["activity"].plan:
        out.append(f"no activity plan for {label}: import it with 'evidencebot import activity_plan FILE' "
                   "(columns period, measure, planned)")
    if not context["workforce"]:
        out.append(f"no workforce figures for {label}: import them with 'evidencebot import workforce FILE' "
                   "(columns period, measure, value, note)")
    if context["requests"] is None:
        out.append("no requests to the commissioner: import them with 'evidencebot import requests FILE'")
    for n in context["notes_needed"]:
        if not n["note"]:
            out.append(f"no variance note for {n['id']}: record one with 'evidencebot assemble note "
                       f"{n['id']} --period \"{label}\" --reason ... --owner ... --due YYYY-MM-DD'")
    return out


def _about_counts(fig: dict, external: bool) -> dict:
    if not external:
        return fig
    for key in ("numerator", "denominator"):
        v = str(fig.get(key) or "")
        if v and v[0].isdigit() and v != "0":
            fig[key] = f"about {v}"
    return fig


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
    def must_fix(f) -> bool:
        # every privacy and over-claiming finding; from the evidence family only
        # errors (a warning such as "8 weeks needs a period" inside an indicator's
        # title in the table is not a figure to remove)
        return f.family != "evidence" or f.severity == "error"

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
