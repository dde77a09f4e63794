"""Checking text for the assistant and the draft editor.

:func:`check` runs the language checker (over-claiming, privacy, evidence)
when it is installed, reusing one :class:`~evidencebot.language.checker.Checker`
so its paragraph cache makes re-checks after a small edit cheap. If the
checker module is not part of this build yet, only the privacy rules run
(they need no language model) and the report says so plainly.

:func:`apply_suggestion` replaces a finding's span with one of its suggested
alternatives (:func:`replacement_choices` lists them); suggestions that are
advice ("use the pseudonymised id ...") rather than replacement text are
refused with a reason.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from evidencebot.compose.personnel import with_staff_names
from evidencebot.errors import InputError
from evidencebot.evidence.family import EvidenceFamily
from evidencebot.language.checker import Checker
from evidencebot.language.findings import SEVERITY_RANK, Finding, locate
from evidencebot.language.privacy import find_privacy
from evidencebot.store.db import connect

_lock = threading.Lock()
_checker = None
_checker_missing: str | None = None

ADVICE_START = re.compile(
    r"^(?:use|give|remove|replace|say|describe|rephrase|reword|add|state|name|cite|quote|show|"
    r"delete|drop|avoid|consider|check|refer|link|attribute|explain|write|keep|split|move|report|"
    r"anonymi[sz]e|pseudonymi[sz]e|ask|record|include|mention)\b",
    re.I,
)

PLACEHOLDER = re.compile(r"(?<![\w-])(?:X|Y|Z|N|P1|P2|…|\.\.\.)(?![\w-])")


@dataclass
class CheckReport:
    findings: list[Finding]
    families: list[str]
    """Families that were checked."""
    note: str = ""
    """Anything the user should know about what was not checked."""
    counts: dict = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")


def _get_checker():
    """The shared checker, or None when the module is not installed."""
    global _checker, _checker_missing
    if _checker is not None or _checker_missing is not None:
        return _checker
    with _lock:
        if _checker is None and _checker_missing is None:
            _checker = Checker()
    return _checker


def checker_available() -> bool:
    return _get_checker() is not None


_evidence: dict[str, object] = {}


def _evidence_checker(db_path):
    """A checker with the evidence family bound to the database at ``db_path``
    (one per database, reused so its caches stay warm)."""
    key = str(db_path)
    hit = _evidence.get(key)
    if hit is None:
        hit = (threading.Lock(), Checker(extra={"evidence": EvidenceFamily(connect(db_path))}))
        _evidence[key] = hit
    return hit


@contextmanager
def checker_for(db_path=None):
    """The checker :func:`check` uses (with the evidence family when ``db_path`` is given),
    held for the caller's use; :class:`InputError` when the checker is not part of this build."""
    checker = _get_checker()
    if checker is None:
        raise InputError("the over-claiming checker is not part of this build, so there are no findings "
                         "to put in the document")
    if db_path is None:
        yield checker
        return
    lock, bound = _evidence_checker(db_path)
    with lock:  # one connection per database: one check at a time
        yield bound


@contextmanager
def shared_database(db_path):
    """The long-lived connection the evidence checker uses for ``db_path``, held for the caller.

    Work done on it stays cached on it until the outcome data change (see
    :mod:`evidencebot.store.dataversion`): an answer drafted in the chat computes its indicators
    here, so the next draft and the editor's checks of it reuse them instead of working them
    out again on a connection of their own."""
    lock, bound = _evidence_checker(db_path)
    with lock:  # one connection per database: one user at a time
        yield bound.extra["evidence"].db


def check(text: str, db_path=None) -> CheckReport:
    """Findings in ``text``, most severe first, then in order of position.

    With ``db_path`` the evidence family also runs: every figure and claim of
    change is checked against that database.
    """
    checker = _get_checker()
    if checker is not None and db_path is not None:
        lock, bound = _evidence_checker(db_path)
        with lock:  # one connection per database: one check at a time
            # as `evidencebot check --db`: the profile's named staff are named on purpose (read on each
            # check, so a profile edited during the session counts at once); any other name is flagged
            findings = list(with_staff_names(bound, bound.extra["evidence"].db).check_text(text))
        families = list(bound.families)
        note = " ".join(f"{why}." for why in bound.unavailable.values())
    elif checker is not None:
        findings = list(checker.check_text(text))
        families = list(checker.families)
        note = " ".join(f"{why}." for why in checker.unavailable.values())
    else:
        findings = find_privacy(text)
        families = ["privacy"]
        note = ("The over-claiming checker is not part of this build yet: only the "
                "privacy rules were run.")
    if findings and not findings[0].line:
        locate(findings, text)
    findings.sort(key=lambda f: (f.start, SEVERITY_RANK.get(f.severity, 9)))
    counts: dict = {}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return CheckReport(findings=findings, families=families, note=note, counts=counts)


def is_replacement(suggestion: str) -> bool:
    """True when a suggestion is text to put in place of the match, not advice."""
    s = suggestion.strip()
    if not s:
        return True  # an empty suggestion means "delete the words"
    if s.startswith(("[", '"', "“", "'")):
        return True
    if PLACEHOLDER.search(s):
        return False  # a pattern to fill in ("fell from X to Y"), not words to paste
    return not ADVICE_START.match(s)


def replacement_text(suggestion: str) -> str:
    s = suggestion.strip()
    if len(s) >= 2 and s[0] in "\"“'" and s[-1] in "\"”'":
        s = s[1:-1]
    return s


def _span(text: str, finding: Finding) -> tuple[int, int]:
    """Where the finding's words are now (they may have moved since the check)."""
    if text[finding.start:finding.end] == finding.match:
        return finding.start, finding.end
    hits = [m.start() for m in re.finditer(re.escape(finding.match), text)] if finding.match else []
    if not hits:
        raise InputError(f"the words '{finding.match}' are no longer in the text: re-check first")
    start = min(hits, key=lambda h: abs(h - finding.start))
    return start, start + len(finding.match)


def suggestion_edit(text: str, finding: Finding, index: int = 0) -> tuple[int, int, str]:
    """The edit that applies suggestion ``index``: (start, end, replacement).

    The span is where the finding's words are now; a replacement at the start
    of a sentence is given a capital letter.
    """
    if not finding.suggestions:
        raise InputError(f"{finding.rule} has no suggested alternative: reword it by hand")
    if not 0 <= index < len(finding.suggestions):
        raise InputError(f"{finding.rule} has {len(finding.suggestions)} suggestion(s); there is no number {index + 1}")
    suggestion = finding.suggestions[index]
    if not is_replacement(suggestion):
        raise InputError(f"that suggestion is advice, not replacement text: {suggestion}")
    start, end = _span(text, finding)
    new = replacement_text(suggestion)
    original = text[start:end]
    before = text[:start].rstrip()
    if original[:1].isupper() and new[:1].islower() and (not before or before[-1] in ".!?:#\n"):
        new = new[:1].upper() + new[1:]
    return start, end, new


def apply_suggestion(text: str, finding: Finding, index: int = 0) -> tuple[str, int, int]:
    """Replace the finding's span with suggestion ``index``.

    Returns (new text, start, end of the inserted words).
    """
    start, end, new = suggestion_edit(text, finding, index)
    return text[:start] + new + text[end:], start, start + len(new)


def replacement_choices(finding: Finding) -> list[tuple[int, str]]:
    """(suggestion index, the words it puts in) for every suggestion that is
    replacement text, in the rule's order; advice is left out.

    The editor applies the only one at once, and lets the user pick when
    there are several.
    """
    return [(i, replacement_text(s)) for i, s in enumerate(finding.suggestions) if is_replacement(s)]


def first_replacement(finding: Finding) -> int | None:
    """Index of the first suggestion that is replacement text (None if all are advice)."""
    for i, s in enumerate(finding.suggestions):
        if is_replacement(s):
            return i
    return None


def findings_markdown(report: CheckReport, text: str, *, limit: int = 30) -> str:
    """The findings as a Markdown table with the safer alternatives."""
    if not report.findings:
        checked = " and ".join(report.families)
        lines = [f"No findings: nothing over-claimed or personal was found ({checked} checked)."]
        if report.note:
            lines += ["", f"_{report.note}_"]
        return "\n".join(lines)
    parts = []
    for sev in ("error", "warning", "suggestion"):
        if report.counts.get(sev):
            n = report.counts[sev]
            parts.append(f"{n} {sev}{'s' if n != 1 else ''}")
    lines = [f"**{', '.join(parts)}** in {len(text.split())} words.", "",
             "| where | severity | words | why | try instead |", "|---|---|---|---|---|"]
    for f in report.findings[:limit]:
        alt = next((replacement_text(s) for s in f.suggestions if is_replacement(s)), "")
        if not alt and f.suggestions:
            alt = f.suggestions[0]
        lines.append(
            f"| {f.line}:{f.column} | {f.severity} ({f.family}) | {_cell(f.match)} | {_cell(f.message)} | {_cell(alt) or '–'} |"
        )
    if len(report.findings) > limit:
        lines.append(f"\n… and {len(report.findings) - limit} more.")
    if report.note:
        lines += ["", f"_{report.note}_"]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(str(text).replace("|", "/").split())
