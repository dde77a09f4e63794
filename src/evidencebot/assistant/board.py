"""The one-page board summary, built from the contract review's pieces.

:func:`board_summary` assembles the contract review for the period
(:func:`evidencebot.compose.review.assemble_review`, so the figures, the
variation verdicts, the target assurance and the suppression are the review's
own) and keeps what a board reads first: a few key indicators with their
variation and assurance, the targets not met, the top risks and the open
actions. Nothing here computes a figure. The page's own text is checked as the
review's is (:func:`~evidencebot.compose.review.clean_markdown`); the full
review's prose is not assembled-and-checked for it (bench/board_bench.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from evidencebot.assistant.indicator_views import short_title, value_cell
from evidencebot.compose import filters, gather
from evidencebot.compose.review import STATUS_WORDS, assemble_review, clean_markdown
from evidencebot.compose.tender import get_checker
from evidencebot.metrics import periods as _periods

KEY_INDICATORS = 8
TOP = 3


@dataclass
class BoardSummary:
    markdown: str
    review: object


def _cell(text: str) -> str:
    return " ".join(str(text or "").replace("|", "/").split())


def board_summary(db, period) -> BoardSummary:
    # The board page needs the review's figures, not its prose: the review's text is not checked here
    # (that was nearly all of the time); the page's own text is, below.
    review = assemble_review(db, period, check=False)
    p = review.period
    coverage = _periods.cover(p, gather.latest_data_date(db))
    results = [r for r in review.results if not (r.suppressed and r.value is None)]
    with_target = [r for r in results if r.target]
    special = [r for r in results if filters.verdict(r) in ("improvement", "concern") and r not in with_target]
    key = (with_target + special)[:KEY_INDICATORS] or results[:KEY_INDICATORS]
    missed = [r for r in with_target if r.target.get("status") == "not_met"]
    concerns = [r for r in results if filters.verdict(r) == "concern"]
    risks = list({r.id: r for r in missed + concerns}.values())[:TOP]

    when = gather.heading_period(p)
    partial = f" ({coverage.text()})" if coverage.partial else ""
    lines = [f"## Board summary: {when}{partial}", ""]
    if coverage.partial:
        lines += [f"_The quarter is not over: figures cover {coverage.text()}, compared with the same months a "
                  "year earlier._", ""]
    lines += [f"{len(results)} indicators were computed; {len(with_target)} have a contract target "
              f"({sum(1 for r in with_target if r.target.get('status') == 'met')} met, {len(missed)} not met).", "",
              "### Key indicators", "",
              f"| indicator | {p.label} | target | variation | assurance |", "|---|---|---|---|---|"]
    for r in key:
        target = filters.rate(r.target.get("value"), r.unit) if r.target else "none"
        assurance = filters.assurance(r) if r.target else ""
        lines.append(f"| {_cell(short_title(r))} | {_cell(value_cell(r))} | {_cell(target)} | "
                     f"{_cell(filters.verdict_label(r))} | {_cell(assurance) or '–'} |")
    lines += ["", "### Targets not met", ""]
    if missed:
        for r in missed:
            lines.append(f"- **{short_title(r)}**: {STATUS_WORDS['not_met']} in {p.label} (the figure and the target "
                         "are in the table above)")
    else:
        lines.append("- None in this period.")
    lines += ["", "### Top risks", ""]
    if risks:
        for r in risks:
            lines.append(f"- **{short_title(r)}**: {filters.chart_text(r)}.")
    else:
        lines.append("- No indicator shows special-cause concern and no target was missed.")
    counted = coverage.covered
    as_of = gather.latest_data_date(db) or counted.end
    open_actions = [a for a in gather.review_actions(db, counted, as_of)
                    if not str(a.get("status", "")).startswith("closed")][:TOP]
    lines += ["", "### Actions", ""]
    if open_actions:
        for a in open_actions:
            due = f", due {filters.fmt_date(a['due_on'])}" if a.get("due_on") else ""
            lines.append(f"- {a['action']} ({a.get('owner') or 'owner not assigned'}{due}; {a['status']})")
    else:
        lines.append("- No incident action is open.")
    lines += ["", f"_From the contract review for {when}: figures with intervals, variance notes and sources are "
                  "in the full review (`/review`)._"]
    markdown, _edits = clean_markdown("\n".join(lines), get_checker(db, external=True))
    return BoardSummary(markdown, review)
