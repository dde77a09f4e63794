"""Outcome stories: the four-part structure, read from Markdown files.

A story file has YAML front matter and four sections, headed (any heading
level, case-insensitive)::

    ---
    title: Keeping a tenancy through a hard winter
    person_id: P0042
    domains: [stability, safety]
    consent: external          # external | internal | none
    consent_date: 2025-11-02
    author: Support worker (Team North)
    approved_by: Service manager
    date: 2025-11-20
    goals: [G0042-1]
    ---
    ## Context
    ## Support approach
    ## Day-to-day delivery
    ## How change is evidenced

These are the four parts the commissioning articles use: context, support
approach, day-to-day delivery detail, and how effectiveness or change is
evidenced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from evidencebot.errors import InputError
from evidencebot.inputs import load_yaml

SECTIONS = {
    "context": "Context",
    "support_approach": "Support approach",
    "delivery": "Day-to-day delivery",
    "evidence": "How change is evidenced",
}
# Accepted heading texts for each section (lower case).
SECTION_ALIASES = {
    "context": "context",
    "support approach": "support_approach",
    "approach": "support_approach",
    "day-to-day delivery": "delivery",
    "day-to-day delivery detail": "delivery",
    "day to day delivery": "delivery",
    "delivery": "delivery",
    "how change is evidenced": "evidence",
    "how effectiveness or change is evidenced": "evidence",
    "evidence": "evidence",
}
CONSENT_VALUES = ("external", "internal", "none")
DOMAINS = ("safety", "stability", "experience")
STATUSES = ("draft", "submitted", "approved")

EXPORTABLE_SQL = (
    "s.consent = 'external' AND s.status = 'approved' AND s.consent_withdrawn_at IS NULL "
    "AND coalesce(trim(s.approved_by), '') <> ''"
    + "".join(f" AND trim(coalesce(s.[{key}], ''), char(32, 9, 10, 13)) <> ''" for key in SECTIONS)
)
"""The condition (on ``stories s``) every export must use to pick stories (the rules are
:mod:`evidencebot.store.workflow`'s, "Exports"; it is here, with the story columns, so that ``reach`` can read it
without importing ``workflow``, which imports ``reach``)."""


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


@dataclass
class StoryProblem:
    column: str
    value: str
    reason: str


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in re.split(r"[;,]", str(value)) if v.strip()]


def split_story_markdown(text: str) -> tuple[dict, dict[str, str], list[StoryProblem]]:
    """Split a story file into front matter, the four sections and problems found."""
    problems: list[StoryProblem] = []
    front: dict = {}
    body = text
    match = _FRONT.match(text)
    if match:
        try:  # bounded: no aliases, a size limit, one-line errors
            loaded = load_yaml(match.group(1), "front matter") or {}
        except InputError as exc:  # also an impossible date such as 2025-13-45
            problems.append(StoryProblem("front matter", "", str(exc).removeprefix("front matter: ")))
            loaded = {}
        if not isinstance(loaded, dict):
            problems.append(StoryProblem("front matter", "", "should be key: value lines"))
            loaded = {}
        front = {str(k).strip().lower().replace(" ", "_"): v for k, v in loaded.items()}
        body = text[match.end():]
    else:
        problems.append(StoryProblem("front matter", "", "missing: the file should start with ---"))

    sections: dict[str, str] = {}
    headings = list(_HEADING.finditer(body))
    for i, h in enumerate(headings):
        key = SECTION_ALIASES.get(h.group(1).strip().lower().rstrip(":"))
        end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
        if key:
            sections[key] = body[h.end():end].strip()
    for key, heading in SECTIONS.items():
        if not sections.get(key):
            problems.append(StoryProblem(heading, "", f"section '{heading}' is missing or empty"))
    return front, sections, problems


def story_record(front: dict, sections: dict[str, str], source: str = "") -> tuple[dict, list[StoryProblem]]:
    """Build a ``stories`` row from front matter and sections, validating values."""
    problems: list[StoryProblem] = []
    title = str(front.get("title") or "").strip()
    if not title:
        problems.append(StoryProblem("title", "", "missing required value"))
    consent = str(front.get("consent") or "none").strip().lower()
    if consent not in CONSENT_VALUES:
        problems.append(
            StoryProblem("consent", consent, f"unknown code (allowed: {', '.join(CONSENT_VALUES)})")
        )
    domains = [d.lower() for d in _as_list(front.get("domains"))]
    for d in domains:
        if d not in DOMAINS:
            problems.append(StoryProblem("domains", d, f"unknown domain (allowed: {', '.join(DOMAINS)})"))
    approved_by = str(front.get("approved_by") or "").strip() or None
    status = str(front.get("status") or ("approved" if approved_by else "draft")).strip().lower()
    if status not in STATUSES:
        problems.append(StoryProblem("status", status, f"unknown code (allowed: {', '.join(STATUSES)})"))
    record = {
        "story_id": str(front.get("id") or front.get("story_id") or "").strip() or None,
        "title": title,
        "person_id": (str(front["person_id"]).strip() if front.get("person_id") else None),
        "domains": ";".join(domains),
        "goal_ids": ";".join(_as_list(front.get("goals") or front.get("goal_ids"))),
        "consent": consent,
        "consent_date": _text(front.get("consent_date")),
        "author": _text(front.get("author")),
        "approved_by": approved_by,
        "approved_at": _text(front.get("approved_at")) or (_text(front.get("date")) if approved_by else None),
        "status": status,
        "story_date": _text(front.get("date")),
        "source": source,
        **{key: sections.get(key, "") for key in SECTIONS},
    }
    return record, problems


def _text(value) -> str | None:
    if value is None or value == "":
        return None
    return str(value).strip()


def read_story_file(path: Path) -> tuple[dict, list[StoryProblem]]:
    """Read one Markdown story; the id defaults to the file name without suffix."""
    text = path.read_text(encoding="utf-8")
    front, sections, problems = split_story_markdown(text)
    record, more = story_record(front, sections, source=str(path))
    if not record["story_id"]:
        record["story_id"] = path.stem
    return record, problems + more


def story_markdown(record: dict) -> str:
    """Write a story row back out in the file format (round-trips with read)."""
    import yaml

    front = {
        "title": record.get("title"),
        "person_id": record.get("person_id"),
        "domains": [d for d in (record.get("domains") or "").split(";") if d],
        "consent": record.get("consent") or "none",
        "consent_date": record.get("consent_date"),
        "author": record.get("author"),
        "approved_by": record.get("approved_by"),
        "status": record.get("status"),
        "date": record.get("story_date"),
        "goals": [g for g in (record.get("goal_ids") or "").split(";") if g],
    }
    front = {k: v for k, v in front.items() if v not in (None, [], "")}
    parts = ["---", yaml.safe_dump(front, sort_keys=False, allow_unicode=True).strip(), "---", ""]
    for key, heading in SECTIONS.items():
        parts += [f"## {heading}", "", (record.get(key) or "").strip(), ""]
    return "\n".join(parts)
