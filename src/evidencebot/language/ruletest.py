"""Run every loaded rule's own examples (``evidencebot rules test``), and describe rules.

Each ``examples.flag`` sentence must produce a finding of its rule (for a privacy
rule, one covering every ``[[...]]`` span); each ``examples.pass`` sentence must
produce none. Shipped and user rules alike: whatever the phrasebank search path
loads (see ``phrasebank/README.md``, "Your own rules").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from evidencebot.config import CheckerSettings
from evidencebot.errors import InputError
from evidencebot.language.checker import Checker
from evidencebot.language.phrasebank import load_phrasebank
from evidencebot.language.privacy import example_spans, load_privacy_rules


@dataclass
class RuleInfo:
    """One loaded rule, of any family, for listing and explaining."""

    id: str
    family: str
    severity: str
    kind: str
    message: str
    source: str
    examples: dict
    details: dict
    extended_by: list[str]
    disabled: bool = False
    opt_in: bool = False
    """An opt-in rule (shipped off; ``[checker] enabled_rules`` switches it on)."""


@dataclass
class ExampleFailure:
    rule: str
    expected: str
    """"flag" or "pass"."""
    sentence: str
    got: list[tuple[str, str]]
    source: str

    def line(self) -> str:
        if self.expected == "flag":
            seen = ", ".join(f"{r} on {m!r}" for r, m in self.got) or "no finding"
            return f"{self.rule}: should flag: {self.sentence!r} (got {seen}) [{self.source}]"
        marks = ", ".join(repr(m) for r, m in self.got if r == self.rule)
        return f"{self.rule}: should pass: {self.sentence!r} (flagged {marks}) [{self.source}]"


def loaded_rules(settings=None) -> list[RuleInfo]:
    """Every rule the checker loads: over-claim (and other phrasebank families) and privacy."""
    disabled = list(getattr(settings, "disabled_rules", []) or []) if settings is not None else []
    enabled = list(getattr(settings, "enabled_rules", []) or []) if settings is not None else []
    bank = load_phrasebank(["overclaim"], disabled=disabled, enabled=enabled)
    out = []
    for r in bank.rules:
        details = {k: v for k, v in {
            "check": r.check, "patterns": r.patterns, "exceptions": r.exceptions, "options": r.options,
            "skip_when": r.skip_when, "defer_to": r.defer_to, "suggestions": r.suggestions,
            "description": r.description,
        }.items() if v}
        out.append(RuleInfo(r.id, r.family, r.severity, r.kind, r.message, r.source, r.examples, details,
                            list(r.extended_by), disabled=not bank.enabled(r), opt_in=r.opt_in))
    privacy = load_privacy_rules()
    for r in privacy:
        details = {k: v for k, v in {
            "priority": r.priority, "patterns": [p.regex.pattern for p in r.patterns], "validate": r.validate,
            "defer_to": r.defer_to, "suggestions": r.suggestions,
        }.items() if v}
        out.append(RuleInfo(r.id, r.family, r.severity, r.kind, r.message, str(r.source), r.examples, details,
                            [], disabled=r.id in disabled or "privacy" in disabled))
    return out


def _matches(rule: RuleInfo, files: Iterable[Path]) -> bool:
    wanted = {Path(f).resolve() for f in files}
    sources = [rule.source, *rule.extended_by]
    return any(Path(s).resolve() in wanted for s in sources)


def run_examples(files: Iterable[str] = (), settings=None) -> tuple[int, int, list[ExampleFailure]]:
    """Run the examples; ``files`` limits the run to rules defined or extended in them.

    Returns (rules tested, examples run, failures).
    """
    # opt-in rules are tested too (switched on for the test), unless switched off by name
    switched_off = set(getattr(settings, "disabled_rules", []) or []) if settings is not None else set()
    rules = [r for r in loaded_rules(settings) if not r.disabled or (
        r.opt_in and r.id not in switched_off and r.family not in switched_off)]
    files = [Path(f) for f in files]
    if files:
        for f in files:
            if not f.exists():
                raise InputError(f"{f}: no such file")
        known = {Path(s).resolve() for r in rules for s in (r.source, *r.extended_by)}
        missing = [f for f in files if f.resolve() not in known]
        if missing:
            raise InputError(f"{missing[0]}: no rules from this file are loaded (put it in the phrasebank "
                             "folder shown by `evidencebot info`, named for its family, e.g. overclaim-local.yaml)")
        rules = [r for r in rules if _matches(r, files)]
    base = settings or CheckerSettings()
    opt_ins = [r.id for r in rules if r.opt_in]
    if opt_ins:
        base = replace(base, enabled_rules=sorted({*(getattr(base, "enabled_rules", []) or []), *opt_ins}))
    checker = Checker(settings=base,
                      families=sorted({r.family for r in rules} & {"overclaim", "privacy"}) or ["overclaim"])
    jobs = []
    for r in rules:
        for expected in ("flag", "pass"):
            for sentence in r.examples.get(expected, []):
                text, spans = example_spans(sentence) if r.family == "privacy" else (sentence, [])
                jobs.append((r, expected, sentence, text, spans))
    results = checker.check_many([(text, "example.txt") for _, _, _, text, _ in jobs])
    failures = []
    for (r, expected, sentence, text, spans), found in zip(jobs, results):
        mine = [f for f in found if f.rule == r.id]
        if expected == "flag":
            ok = bool(mine) and all(any(f.start <= s and e <= f.end for f in mine) for s, e in spans)
        else:
            ok = not mine
        if not ok:
            failures.append(ExampleFailure(r.id, expected, text if r.family == "privacy" else sentence,
                                           [(f.rule, f.match) for f in found], r.source))
    return len(rules), len(jobs), failures


TABLE_START = "<!-- rule table: generated by `evidencebot rules list --markdown`; a test checks it -->"
TABLE_END = "<!-- end of rule table -->"


def markdown_table(rules: list[RuleInfo]) -> str:
    """The phrasebank README's table of shipped rules: id, severity, engine, one flag example."""
    lines = ["| rule | severity | engine | flags, for example |", "|---|---|---|---|"]
    for r in rules:
        engine = f"check ({r.details['check']})" if r.details.get("check") else r.kind
        example = (r.examples.get("flag") or [""])[0].replace("[[", "").replace("]]", "").replace("|", "\\|")
        lines.append(f"| `{r.id}` | {r.severity} | {engine} | {example} |")
    return "\n".join(lines)
