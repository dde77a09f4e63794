"""Guided capture of an outcome story, in the four parts commissioners expect.

The capture screen asks the questions in :data:`STEPS` in order, saves every
field as it is typed (:func:`evidencebot.store.search.save_story_draft`) and
shows the privacy findings for each part as the user writes
(:func:`privacy_findings`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from evidencebot.assistant.checking import check
from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker
from evidencebot.language.findings import Finding, locate
from evidencebot.language.privacy import find_privacy
from evidencebot.store.search import export_blockers
from evidencebot.store.stories import SECTIONS
from evidencebot.text import sentences as text_sentences


@dataclass(frozen=True)
class Step:
    field: str
    heading: str
    prompt: str
    hint: str
    kind: str = "text"
    """``text`` (several lines), ``line`` (one line), ``domains`` or ``consent``."""


STEPS: tuple[Step, ...] = (
    Step("title", "Title", "A short title for the story.",
         "Say what changed, not who it happened to: “Keeping a tenancy through a hard winter”.", "line"),
    Step("context", "Context",
         "What was happening for the person when support began?",
         "Their situation and typical pattern at onboarding (how often things escalated, common triggers), "
         "in their words where you can. No names, dates of birth, addresses or NHS numbers: use a pseudonym or “the person”."),
    Step("support_approach", "Support approach",
         "What did the service set out to do, and why?",
         "The plan agreed with the person: goals, early warning signs, the crisis plan, who else was involved "
         "and how the approach was adapted when things changed."),
    Step("delivery", "Day-to-day delivery",
         "What did support look like week to week?",
         "Contacts, check-ins and practical help; how escalation was handled and reviewed; handovers and "
         "communication with partners (GP, CMHT, housing, crisis team)."),
    Step("evidence", "How change is evidenced",
         "How do you know something changed, and what did the service contribute?",
         "Measures before and after (e.g. SWEMWBS, goal reviews), escalations against the onboarding baseline, "
         "records and the person's feedback. Say “contributed to” or “supported”, not “caused”; name what sits "
         "outside the service's control."),
    Step("domains", "Domains", "Which outcome domains does the story evidence?",
         "Any of safety, stability and experience.", "domains"),
    Step("goal_ids", "Linked goals", "Goal ids this story relates to (optional).",
         "Separate several with commas, e.g. G00042-1, G00042-2.", "line"),
    Step("consent", "Consent", "What has the person agreed to?",
         "external: may appear in tenders and reviews; internal: for learning inside the service only; "
         "none: not yet asked or refused. Only approved stories with external consent can be exported.",
         "consent"),
)
TEXT_FIELDS = tuple(s.field for s in STEPS if s.kind in ("text", "line"))


def step(field: str) -> Step:
    for s in STEPS:
        if s.field == field:
            return s
    raise KeyError(field)


_gate = None
_gate_lock = threading.Lock()


def _gate_checker():
    """The privacy checker of the story gate: every privacy rule, on the plain text, whatever the
    text (inline switches, HTML) or the user's ``disabled_rules`` say; None without the checker module."""
    global _gate
    if _gate is None:
        with _gate_lock:
            if _gate is None:
                _gate = Checker(CheckerSettings(), ["privacy"], honour_switches=False)
    return _gate


def privacy_findings(text: str) -> list[Finding]:
    """Personal data in one part of a story: the privacy family of the checker ``evidencebot check``
    runs (with the language model's names and parse), read as plain text with no switch or disabled
    rule honoured, so a story cannot be submitted or approved with personal data ``check`` finds
    (review s8 item 2: a comment in the text or a user's config used to turn the gate off). One pass:
    the rules without the model run only when the checker module is not installed (session 9: a
    second pass of the rules alone, on 3,736 labelled sentences, added only 12 titled things the
    parse clears, such as "watched Mrs Doubtfire", and cost every privacy regex twice per key)."""
    if not text.strip():
        return []
    checker = _gate_checker()
    found = list(checker.check_text(text, markup="text")) if checker is not None else find_privacy(text)
    if found and not found[0].line:
        locate(found, text)
    found.sort(key=lambda f: (f.start, f.end, f.rule))
    return found


def privacy_summary(findings_by_field: dict[str, list[Finding]]) -> str:
    """One line per finding, naming the part of the story it is in."""
    lines = []
    for field, findings in findings_by_field.items():
        heading = step(field).heading if field in TEXT_FIELDS else field
        for f in findings:
            advice = f.suggestions[0] if f.suggestions else ""
            lines.append(f"{heading}, line {f.line}: “{f.match}” — {f.message.split('. ')[0].rstrip('.')}."
                         + (f" Try: {advice}" if advice else ""))
    return "\n".join(lines)


def completeness(row: dict) -> list[str]:
    """The parts still empty."""
    return [s.heading for s in STEPS if s.kind == "text" and not (row.get(s.field) or "").strip()]


def story_markdown_preview(row: dict) -> str:
    """A story as Markdown for reading on screen: title, tags, use, the four parts."""
    blockers = export_blockers(row)
    use = "✓ may be used in tenders and reviews" if not blockers else "✗ internal only: " + "; ".join(blockers)
    tags = ", ".join(d for d in (row.get("domains") or "").split(";") if d) or "no domain"
    lines = [f"### {row.get('title') or 'Untitled story'}", "",
             f"`{row.get('story_id')}` · {tags} · {use}", ""]
    for key, heading in SECTIONS.items():
        lines += [f"**{heading}**", "", (row.get(key) or "_not written yet_").strip(), ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- checking a story as `check` does


def check_part(text: str) -> list[Finding]:
    """Every finding in one part of a story: the same checker, families and rules as ``evidencebot check``
    (over-claiming and personal data; the over-claiming rules need the language model)."""
    if not (text or "").strip():
        return []
    return list(check(text).findings)


def check_story(row: dict) -> dict[str, list[Finding]]:
    """The findings in each written part of a story (title, the four parts, linked goals)."""
    return {field: check_part(row.get(field) or "") for field in TEXT_FIELDS}


def findings_lines(findings_by_field: dict[str, list[Finding]]) -> list[str]:
    """One line per finding, naming the part it is in, its family and severity."""
    lines = []
    for field, findings in findings_by_field.items():
        heading = step(field).heading if field in TEXT_FIELDS else field
        for f in findings:
            what = "personal data" if f.family == "privacy" else ("over-claiming" if f.family == "overclaim"
                                                                   else f.family)
            lines.append(f"{heading}: “{f.match}” — {what} ({f.severity}): {f.message.split('. ')[0].rstrip('.')}.")
    return lines


def privacy_blockers(row: dict) -> list[str]:
    """Personal data still in a story, one line per finding: a story with any cannot be submitted or approved."""
    return findings_lines({f: privacy_findings(row.get(f) or "") for f in TEXT_FIELDS})


def submit_problems(row: dict) -> list[str]:
    """Why a story cannot be submitted or approved yet, beyond the workflow's own rules:
    empty parts and personal data (each named)."""
    problems = [f"{s.heading} is empty" for s in STEPS if s.kind == "text" and not (row.get(s.field) or "").strip()]
    problems += privacy_blockers(row)
    return problems


# ---------------------------------------------------------------- using a story in a draft

EXCERPT_WORDS = 70


def story_excerpt(row: dict, words: int = EXCERPT_WORDS) -> str:
    """A short excerpt for a tender answer: what the service did and how change is evidenced,
    cut at a sentence end within ``words`` words, introduced by the story's title."""
    sentences = []
    for key in ("support_approach", "evidence"):
        sentences += text_sentences(row.get(key) or "")
    kept, count = [], 0
    for sentence in sentences:
        n = len(sentence.split())
        if kept and count + n > words:
            break
        kept.append(sentence)
        count += n
    title = (row.get("title") or "").strip()
    return (f"*Example: {title}.* " if title else "") + " ".join(kept)
