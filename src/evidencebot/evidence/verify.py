"""Check the figures and claims of change in a draft against the service's data.

For every claim found by :func:`evidencebot.evidence.extract.extract_claims`:

* the figure is compared with the indicator it names, for the period it names
  (``figure-mismatch`` when the data say otherwise, with the true value,
  numerator, denominator and period in the message). A figure passes when it
  equals the computed value *to the precision it is written in*: "82%" stands
  for anything from 81.5% to 82.5%. Changes ("fell by 30%") are compared as
  relative changes or as percentage points, whichever the writer meant; a
  change written as a round number (a multiple of 5) is allowed +/-2.5,
  "halved"/"doubled" +/-10 points, "by a quarter" and similar +/-5;
* a figure that names no indicator and matches no registered fact is
  ``figure-unsupported``; one that matches a fact past its review date is
  ``fact-stale``;
* a figure in a target or trajectory of ours ("with a target that 60% of new
  starters ...", "rising to 30% by year 3", "10% below the baseline in year 2";
  ``our_aims`` in phrasebank/buyer_standards.yaml) is an aim, not a result: it
  is listed as "our aim" and needs no source;
* a claimed fall or rise is compared with the SPC verdict of the indicator's
  monthly series: common cause gives ``change-within-noise`` with careful
  wording to use instead; special-cause improvement in the claimed direction
  is accepted, with a suggestion-level note naming the rule and the figures
  (``change-supported``);
* ``small-denominator`` (fewer than 10 behind a percentage), ``missing-period``
  and ``missing-denominator`` say what a commissioner would ask for;
* in an external document, ``suppressed-disclosed`` flags a count the
  suppression rules would hide (1-4).

Every figure the data support is listed with its provenance (indicator,
period, numerator, denominator, definition): the evidence appendix.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.gather import waiting_times
from evidencebot.errors import InputError
from evidencebot.evidence.extract import Claim, Figure, extract_claims
from evidencebot.evidence.facts import list_facts, matching_fact
from evidencebot.language.findings import Finding
from evidencebot.mentions import denominator, period_mentions
from evidencebot.metrics.catalogue import load_catalogue
from evidencebot.metrics.indicators import compute, latest_data_date
from evidencebot.metrics.periods import parse_period, range_period
from evidencebot.store import records

FAMILY = "evidence"
SMALL_DENOMINATOR = 10
FRAGMENT_WORDS = 5  # fewer words than this is a table cell or a label, not a sentence
PERCENT_LIKE = ("percent",)


@dataclass
class Provenance:
    """Where a supported figure comes from."""

    figure: str
    indicator: str | None
    title: str
    period: str | None
    value: float | None
    unit: str | None
    numerator: object = None
    denominator: object = None
    definition: str = ""
    source: str = "computed from the service's records"
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class EvidenceReport:
    findings: list[Finding] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def _fmt(value: float | None, unit: str | None, decimals: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not available"
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    return {
        "percent": f"{text}%",
        "per_100": f"{text} per 100 people",
        "hours": f"{text} hours",
        "days": f"{text} days",
    }.get(unit or "", text)


def _tolerance(fig: Figure, *, change: bool = False) -> float:
    if fig.kind == "multiple":
        return 10.0
    if change and fig.kind == "change" and fig.value is not None and fig.decimals == 0:
        if fig.text and any(w in fig.text.lower() for w in ("half", "third", "quarter", "fifth")):
            return 5.0
        if fig.value % 5 == 0:
            return 2.5
    return 0.5 * 10 ** (-fig.decimals) + 1e-9


def _from_to(result) -> str:
    """'from 19% in 2025/26 Q2 to 13% in 2025/26 Q3': the comparison a change is about."""
    decimals = 0 if result.unit == "percent" else 1
    return (f"from {_fmt(result.compare_value, result.unit, decimals)} in {result.compare_period} "
            f"to {_fmt(result.value, result.unit, decimals)} in {result.period}")


def _counts(result) -> str:
    if result.numerator is None or result.denominator is None:
        return ""
    return f"{result.numerator} of {result.denominator}"


class EvidenceChecker:
    """Checks drafts against one database. Results are cached per period by the
    indicator module while the data are unchanged, so re-checking is cheap."""

    def __init__(self, db, *, external: bool = False, today: dt.date | None = None):
        self.db = db
        self.external = external
        self.today = today or dt.date.today()
        self.catalogue = load_catalogue()
        self.latest = latest_data_date(db)
        self.facts = list_facts(db)
        self.targets = _contract_targets(db, self.catalogue)
        self.recorded = _recorded_figures(db)
        self.definitions = [_norm(ind.definition) for ind in self.catalogue.values()]

    # -- helpers -------------------------------------------------------------

    def _finding(self, claim: Claim, fig: Figure | None, rule: str, severity: str, message: str,
                 suggestions: list[str] | None = None) -> Finding:
        start, end = (fig.start, fig.end) if fig else (claim.start, claim.end)
        return Finding(
            rule=f"{FAMILY}.{rule}", family=FAMILY, severity=severity, message=message,
            start=start, end=end, match=(fig.text if fig else claim.sentence), suggestions=suggestions or [],
        )

    def _period(self, text: str | None):
        if not text:
            return None
        try:
            return parse_period(text, latest=self.latest, now=self.today)
        except InputError:
            return None

    def _indicator_id(self, claim: Claim, fig: Figure) -> str | None:
        ind = claim.indicator
        if ind is None:
            return None
        if ind in self.catalogue:
            return ind
        # A family such as reliable_improvement: pick the instrument named in the sentence.
        options = [i for i in self.catalogue if i.startswith(ind + ".")]
        lowered = claim.sentence.lower().replace("-", "").replace(" ", "")
        for option in options:
            if option.split(".", 1)[1] in lowered:
                return option
        return options[0] if len(options) == 1 else None

    def _compute(self, indicator_id: str, period, compare):
        return compute(self.db, indicator_id, period, compare=compare, external=False)

    def _fact_for(self, fig: Figure, indicator_id: str | None):
        if fig.value is None:
            return None
        return matching_fact(self.facts, fig.value, fig.unit, fig.decimals, indicator_id)

    # -- the checks ------------------------------------------------------------

    def check(self, text: str) -> EvidenceReport:
        report = EvidenceReport(claims=extract_claims(text))
        for claim in report.claims:
            self._check_claim(claim, report)
        report.findings.sort(key=lambda f: (f.start, f.rule))
        return report

    def _check_claim(self, claim: Claim, report: EvidenceReport) -> None:
        if self._is_definition(claim.sentence):
            return  # an indicator's own definition ("more than 7 days later") states no result
        figures = [f for f in claim.figures if f.kind != "standard" and not _in_name(claim, f)]
        if claim.denominator is None:
            claim.denominator = stated_base(claim.sentence)
        if self.external:
            for fig in figures:
                for n in (fig.numerator, fig.denominator, fig.value if fig.kind == "count" else None):
                    if n is not None and 1 <= n < 5:
                        report.findings.append(self._finding(
                            claim, fig, "suppressed-disclosed", "error",
                            f"'{fig.text}' quotes a count below 5 in a document for outside the service: "
                            "small numbers can identify people. Write '<5' or describe it without the count.",
                            ["fewer than five"],
                        ))
                        break
        for fig in figures:
            indicator_id = self._indicator_id(claim, fig)
            target = self._target_for(claim, fig, indicator_id)
            if target is not None:
                # "below the 80% target", "the contract target is at least 80%": the
                # contract's own figure, from the targets table, not a result to compare
                report.provenance.append(Provenance(
                    figure=fig.text, indicator=target["indicator_id"], title=target["title"], period=None,
                    value=target["value"], unit=target["unit"], definition="contract target",
                    source=target["source"], start=fig.start, end=fig.end,
                ))
                continue
            if _quoted_from_buyer(claim, fig):
                # "the buyer's target ... is 60% in Year 1", "from the buyer's current figure of 38%": the buyer's
                # own figure, quoted from its question and said to be the buyer's, not a result of ours
                report.provenance.append(Provenance(
                    figure=fig.text, indicator=None, title="the buyer's figure", period=None, value=fig.value,
                    unit=fig.unit, definition="quoted from the buyer's question", source="the buyer",
                    start=fig.start, end=fig.end,
                ))
                continue
            if _our_aim(claim, fig):
                # "a target that 60% of new starters ...", "rising to 30% by year 3": our commitment, not a result
                report.provenance.append(Provenance(
                    figure=fig.text, indicator=None, title="our aim", period=None, value=fig.value, unit=fig.unit,
                    definition="a target or trajectory of ours (a commitment, not a result)", source="this document",
                    start=fig.start, end=fig.end,
                ))
                continue
            derived = self._derived_for(claim, fig)
            if derived is not None:
                report.provenance.append(derived)
                continue
            recorded = self._recorded_for(fig) if indicator_id is None else None
            if recorded is not None:
                report.provenance.append(Provenance(
                    figure=fig.text, indicator=None, title=recorded["title"], period=recorded["period"],
                    value=fig.value, unit=fig.unit, definition="recorded figure",
                    source=recorded["source"], start=fig.start, end=fig.end,
                ))
                continue
            fact = self._fact_for(fig, indicator_id)
            if fact is not None:
                self._fact_note(claim, fig, fact, report)
                continue
            if indicator_id is None:
                # A fragment (a table cell, a label) cannot say what it measures:
                # only sentences are held to naming their measure.
                fragment = len(claim.sentence.split()) < FRAGMENT_WORDS
                if not fragment and fig.kind in ("percent", "rate", "fraction", "from_to", "change", "multiple"):
                    report.findings.append(self._finding(
                        claim, fig, "figure-unsupported", "warning",
                        f"'{fig.text}' matches no indicator evidencebot computes and no registered fact. "
                        "Name the measure it describes, or register its source with 'evidencebot facts add'.",
                    ))
                continue
            self._check_against_indicator(claim, fig, indicator_id, report)

    def _target_for(self, claim: Claim, fig: Figure, indicator_id: str | None) -> dict | None:
        """The contract target a figure quotes: its value equals a stored target (of the
        indicator the sentence names, else of any indicator in the same unit) and the word
        'target' stands next to it in the same clause ('the 80% target', 'target is at
        least 80%', 'target of 48 hours')."""
        if fig.value is None or fig.kind not in ("percent", "rate", "time", "standard") or not self.targets:
            return None
        a, b = fig.start - claim.start, fig.end - claim.start
        before, after = claim.sentence[max(0, a - 40):a], claim.sentence[b:b + 25]
        near_before = re.search(r"\btargets?\b:?(?:\s+(?:is|was|of|set at|at))?(?:\s+(?:at least|at most|"
                                r"less than|more than|under|over|above|below))?\s*$", before, re.I)
        near_after = re.match(r"\s*(?:-\s*)?(?:hour\s+|day\s+)?targets?\b", after, re.I)
        if not (near_before or near_after):
            return None
        unit = fig.unit
        candidates = [t for t in self.targets if t["unit"] == unit or (unit == "hours" and t["unit"] == "hours")]
        if indicator_id is not None and any(t["indicator_id"] == indicator_id for t in candidates):
            candidates = [t for t in candidates if t["indicator_id"] == indicator_id]
        tol = _tolerance(fig)
        for t in candidates:
            if abs(fig.value - t["value"]) <= tol:
                return t
        return None

    def _is_definition(self, sentence: str) -> bool:
        """True when the sentence is (part of) a catalogue definition, as the evidence
        appendix quotes them."""
        text = _norm(re.sub(r"^\W*definition\W*", "", sentence, flags=re.I))
        return len(text) > 20 and any(text in d for d in self.definitions)

    def _derived_for(self, claim: Claim, fig: Figure) -> Provenance | None:
        """A figure the contract review derives from the records beside the indicators: the
        share of people referred in a period who were seen within 14 days of referral, of
        those seen ("88% of those seen were seen within 14 days"). Matched when the figure
        equals it for the period the sentence names; a different value is left to the
        other rules (it is not this figure)."""
        if fig.kind != "percent" or fig.value is None or not _WAITS.search(claim.sentence):
            return None
        # the cohort's period: "people referred in 2026/27 Q2" (or "in Jul-Sep 2026", "in Apr 2025 to Mar
        # 2026": any period the mentions module reads, a span as one range), else the sentence's first period
        named = re.search(r"\breferred in\s+(?:the\s+)?", claim.sentence)
        said = next((m for m in period_mentions(claim.sentence) if named and m.start == named.end()), None)
        period = self._span(said.text, said.other) if said else self._period(claim.period_text)
        if period is None:
            return None

        waits = waiting_times(self.db, period, self.latest)
        if not waits.seen:
            return None
        share = 100 * waits.within_14 / waits.seen
        if abs(fig.value - share) > _tolerance(fig):
            return None
        return Provenance(
            figure=fig.text, indicator=None, title="People referred who were seen within 14 days (of those seen)",
            period=period.label, value=share, unit="percent", numerator=waits.within_14, denominator=waits.seen,
            definition="referral to first attended contact of any kind, for people referred in the period",
            source="derived from the service's records", start=fig.start, end=fig.end,
        )

    def _recorded_for(self, fig: Figure) -> dict | None:
        """A figure the service recorded rather than computed (workforce and supervision,
        the contracted activity plan): a percentage equal to a recorded percentage, or
        "12.6 of 14" whose two numbers are recorded for the same period."""
        if not self.recorded:
            return None
        if fig.kind == "fraction":
            for a in self.recorded:
                if a["value"] == fig.numerator:
                    for b in self.recorded:
                        if b["period"] == a["period"] and b["value"] == fig.denominator and b is not a:
                            return {"title": f"{a['title']} of {b['title']}", "period": a["period"],
                                    "source": a["source"]}
            return None
        if fig.kind == "percent":
            tol = _tolerance(fig)
            return next((r for r in self.recorded if r["unit"] == "percent" and abs(r["value"] - fig.value) <= tol),
                        None)
        return None

    def _fact_note(self, claim: Claim, fig: Figure, fact, report: EvidenceReport) -> None:
        if fact.is_stale(self.today):
            report.findings.append(self._finding(
                claim, fig, "fact-stale", "warning",
                f"'{fig.text}' quotes a registered fact ({fact.statement}; {fact.source}, {fact.source_date}) "
                f"whose review date {fact.review_by} has passed: check it is still true before using it.",
            ))
        report.provenance.append(Provenance(
            figure=fig.text, indicator=fact.indicator_id, title=fact.statement, period=fact.period,
            value=fact.value, unit=fact.unit, definition="registered fact",
            source=f"{fact.source} ({fact.source_date})", start=fig.start, end=fig.end,
        ))

    def _periods(self, claim: Claim, fig: Figure):
        """(period, compare period or None) a figure is about.

        A change ("fell from X to Y between P1 and P2") is about the claim's
        pair of periods; any other figure about its own period, where a span
        ("Oct 2025 to Sep 2026") is one range from the start of the first to
        the end of the second.
        """
        if fig.kind in ("from_to", "change", "multiple"):
            period = self._period(claim.period_text)
            compare = self._period(claim.compare_text) if claim.compare_text else None
            return period, compare
        return self._span(fig.period_text or claim.period_text, fig.period_from), None

    def _span(self, text: str | None, first_text: str | None):
        """The period ``text`` names, or, with ``first_text`` ("Oct 2025 to Sep 2026"), one range from the start of the
        first to the end of the second; None when ``text`` is no period."""
        period = self._period(text)
        if period is not None and first_text:
            first = self._period(first_text)
            if first is not None and first.start <= period.end:
                period = range_period((first.start.year, first.start.month), (period.end.year, period.end.month))
        return period

    def _check_against_indicator(self, claim: Claim, fig: Figure, indicator_id: str, report: EvidenceReport) -> None:
        ind = self.catalogue[indicator_id]
        period, compare = self._periods(claim, fig)
        if period is None:
            if fig.kind in ("percent", "rate", "fraction", "from_to", "change", "multiple", "time"):
                named = fig.period_text or claim.period_text
                where = f"'{named}' is not a period evidencebot can read. " if named else ""
                report.findings.append(self._finding(
                    claim, fig, "missing-period", "warning",
                    f"{where}'{fig.text}' ({ind.title}) needs the period it covers, e.g. 'in 2025/26 Q3', "
                    "so that a commissioner can check it.",
                ))
            return
        try:
            result = self._compute(indicator_id, period, compare)
        except InputError as exc:  # a period the data do not reach: nothing to check the figure against
            report.findings.append(self._finding(
                claim, fig, "figure-unsupported", "warning",
                f"'{fig.text}' ({ind.title}) is about {period.label}, which the data do not cover: {exc}.",
            ))
            return
        where = f"{ind.title}, {result.period}"
        counts = _counts(result)
        true_text = _fmt(result.value, result.unit)
        detail = f"{true_text} ({counts}, {where})" if counts else f"{true_text} ({where})"

        ok = self._figure_matches(fig, result)
        if ok is False and fig.kind in ("change", "multiple", "from_to") and result.compare_value \
                and result.value is not None:
            # a claimed change is answered with the change the data show, not the level
            moved = 100 * (result.value - result.compare_value) / abs(result.compare_value)
            detail = (f"{_from_to(result)} ({'a fall' if moved < 0 else 'a rise'} of {abs(moved):.0f}%; "
                      f"{ind.title})")
        if ok is False:
            report.findings.append(self._finding(
                claim, fig, "figure-mismatch", "error",
                f"The data say {detail}, not '{fig.text}'. Definition: {result.definition}",
                [self._replacement(fig, result)],
            ))
        elif ok is True:
            report.provenance.append(Provenance(
                figure=fig.text, indicator=indicator_id, title=ind.title, period=result.period,
                value=result.value, unit=result.unit, numerator=result.numerator,
                denominator=result.denominator, definition=result.definition, start=fig.start, end=fig.end,
            ))

        denominator = claim.denominator or fig.denominator
        if fig.unit in PERCENT_LIKE and fig.kind in ("percent", "fraction", "from_to"):
            n = denominator if denominator is not None else result.denominator
            if isinstance(n, (int, float)) and 0 < n < SMALL_DENOMINATOR:
                report.findings.append(self._finding(
                    claim, fig, "small-denominator", "warning",
                    f"'{fig.text}' rests on {int(n)} people or events: a percentage of so few can mislead. "
                    f"Give the count instead ({counts or 'x of n'}).",
                    [counts] if counts else [],
                ))
            elif denominator is None and fig.kind != "fraction" and counts:
                report.findings.append(self._finding(
                    claim, fig, "missing-denominator", "suggestion",
                    f"'{fig.text}' gives no denominator: add it so the figure can be audited ({counts}).",
                    [f"{fig.text} ({counts})"],
                ))

        if claim.direction and fig.kind in ("change", "from_to", "multiple") and ok is not False:
            # a wrong figure is an error on its own: never "supported" beside it
            self._check_change(claim, fig, result, report)

    def _figure_matches(self, fig: Figure, result) -> bool | None:
        """True/False when the figure can be compared with the result, None when it cannot."""
        if result.value is None or (isinstance(result.value, float) and math.isnan(result.value)):
            return None
        tol = _tolerance(fig)
        if fig.kind == "fraction":
            if result.unit != "percent":
                return None
            return fig.numerator == result.numerator and fig.denominator == result.denominator
        if fig.kind in ("percent", "rate", "time"):
            if fig.unit != result.unit:
                return None
            return abs(fig.value - result.value) <= tol
        if fig.kind == "count":
            return fig.value in (result.numerator, result.denominator) or None
        if fig.kind == "from_to":
            if fig.unit not in (None, result.unit):
                return None
            if result.compare_value is None:
                return abs(fig.value - result.value) <= tol if fig.value is not None else None
            return abs(fig.value - result.value) <= tol and abs(fig.baseline - result.compare_value) <= tol
        if fig.kind in ("change", "multiple"):
            if result.compare_value is None:
                return None
            actual_points = result.value - result.compare_value
            actual_direction = "fall" if actual_points < 0 else "rise" if actual_points > 0 else None
            if fig.direction and actual_direction and fig.direction != actual_direction:
                return False
            tol = _tolerance(fig, change=True)
            candidates = []
            if result.compare_value:
                candidates.append(abs(actual_points) / abs(result.compare_value) * 100)
            if fig.unit in ("points", "percent") and result.unit == "percent":
                candidates.append(abs(actual_points))
            if fig.unit in ("count", "hours", "days") and result.unit in ("hours", "days", "per_100"):
                candidates.append(abs(actual_points))
            return any(abs(fig.value - c) <= tol for c in candidates) if candidates else None
        return None

    def _replacement(self, fig: Figure, result) -> str:
        if fig.kind == "fraction":
            return _counts(result)
        if fig.kind in ("change", "multiple", "from_to") and result.compare_value is not None:
            return _from_to(result)
        return _fmt(result.value, result.unit, max(fig.decimals, 0 if result.unit == "percent" else 1))

    @staticmethod
    def _straddles(result, step: dict) -> bool:
        """True when the comparison period ends before the service change and the
        period ends after it (the claim compares the levels either side)."""
        change = _month_of(step.get("change"))
        extra = getattr(result, "extra", None) or {}
        before, now = _month_of(extra.get("compare_end")), _month_of(extra.get("period_end"))
        return bool(change and before and now) and before < change <= now

    def _check_change(self, claim: Claim, fig: Figure, result, report: EvidenceReport) -> None:
        spc = result.spc or {}
        verdict = spc.get("verdict")
        improvement = result.direction  # "increase" | "decrease" | "neutral"
        claimed_good = (
            (claim.direction == "fall" and improvement == "decrease")
            or (claim.direction == "rise" and improvement == "increase")
        )
        points = spc.get("points")
        span = _from_to(result) if result.compare_value is not None and result.value is not None else ""
        step = spc.get("step_change") or {}
        stepped = step.get("level_shift_type") if self._straddles(result, step) else None
        if stepped == "improvement" and claimed_good and verdict in ("common_cause", "too_few_points"):
            report.findings.append(self._finding(
                claim, fig, "change-supported", "suggestion",
                f"Supported (a step improvement at a recorded change): since the service change on "
                f"{step.get('change')} the monthly mean of "
                f"{result.title} has been {_fmt(step.get('post_mean'), result.unit, 1)}, beyond the limits "
                f"before it (mean {_fmt(step.get('pre_mean'), result.unit, 1)}); the chart was recalculated "
                f"at the change. {span + '. ' if span else ''}Definition: {result.definition}",
            ))
            return
        if verdict in ("common_cause", "too_few_points"):
            why = ("shows only common-cause variation" if verdict == "common_cause"
                   else "has too few monthly points to tell")
            report.findings.append(self._finding(
                claim, fig, "change-within-noise", "warning",
                f"The monthly series of {result.title} ({points} months to {result.period}) {why}: "
                f"the data do not show a real {'fall' if claim.direction == 'fall' else 'rise'}. "
                "Describe it without claiming a change.",
                [s for s in (f"was similar to {result.compare_period}",
                             f"{'fell' if claim.direction == 'fall' else 'rose'} {span}, within normal variation" if span else "",
                             ) if s],
            ))
        elif verdict == "improvement" and claimed_good:
            report.findings.append(self._finding(
                claim, fig, "change-supported", "suggestion",
                f"Supported: {result.title} shows special-cause improvement ({spc.get('rule')}). "
                f"{span + '. ' if span else ''}Definition: {result.definition}",
            ))
        elif verdict == "concern" and claimed_good:
            report.findings.append(self._finding(
                claim, fig, "figure-mismatch", "error",
                f"The monthly series of {result.title} shows special-cause concern ({spc.get('rule')}), "
                f"the opposite of the claimed {'fall' if claim.direction == 'fall' else 'rise'}.",
                [span] if span else [],
            ))


def _contract_targets(db, catalogue: dict) -> list[dict]:
    """The contract targets stored with the data (``targets``), with each indicator's unit."""
    out = []
    for row in records.target_rows(db):
        ind = catalogue.get(row["indicator_id"])
        if ind is None or row.get("target") is None:
            continue
        out.append({"indicator_id": row["indicator_id"], "title": f"{ind.title}: contract target",
                    "value": float(row["target"]), "unit": ind.unit,
                    "source": row.get("source") or "contract targets"})
    return out


def stated_base(sentence: str) -> float | None:
    """The base a sentence states in the words our documents use: "numerator about 90;
    denominator about 95", "denominator 97", "12 of about 95" (rounded counts are a base
    too: the reader knows how many cases stand behind the figure): :func:`evidencebot.mentions.denominator`."""
    return denominator(sentence)


def _in_name(claim: Claim, fig: Figure) -> bool:
    """True when a figure is part of the indicator name the sentence uses ("People with
    no attended contact in the last 8 weeks", "Transitions completed with planned support
    (12 weeks)"): a duration in a name is a definition, not a result."""
    term = claim.indicator_term
    if not term or fig.kind not in ("time",):
        return False
    lowered = claim.sentence.lower()
    at = lowered.find(term.lower())
    while at >= 0:
        a, b = claim.start + at, claim.start + at + len(term)
        if a <= fig.start and fig.end <= b + 1:
            return True
        at = lowered.find(term.lower(), at + 1)
    # a title whose bracketed part is the duration: "... support (12 weeks)"
    tail = claim.sentence[fig.end - claim.start:fig.end - claim.start + 1]
    head = claim.sentence[max(0, fig.start - claim.start - 1):fig.start - claim.start]
    return head == "(" and tail == ")" and lowered.find(term.lower()) >= 0


def _norm(text: str) -> str:
    return " ".join(str(text or "").lower().split()).rstrip(".")


_WAITS = re.compile(r"\bseen within 14 days\b", re.I)
def _words(items) -> str:
    return "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in sorted(items or [], key=len, reverse=True)
                    if str(w).strip()) or r"(?!)"


@lru_cache(maxsize=4)
def _buyer_phrase_re(nouns: tuple, verbs: tuple, qualifiers: tuple, steps: tuple, stops: tuple,
                     owners: tuple = ("buyer's",)) -> tuple:
    value = (rf"(?:(?:{_words(qualifiers)})\s+)?\d+(?:[.,]\d+)*\s*(?:%|per\s*cent\b|(?:working\s+|calendar\s+)?days?\b|"
             r"weeks?\b|hours?\b)?")
    # a step of the buyer's trajectory: 'in Year 1', 'by Month 12', '95% or above from Month 6'
    # and, session 14, the dates of a buyer's KPI table: 'by September 2028', 'by Q4 2027/28', 'from 2029/30'
    year = (r"(?:\s+or\s+(?:above|below|lower|higher|more|less|over|under))?\s+(?:in|from|by(?:\s+the\s+end\s+of)?)\s+"
            r"(?:(?:Contract\s+)?(?:Year|Month)\s+\d+|(?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December)\s+(?:19|20)\d\d|(?:Q[1-4]\s+)?(?:19|20)\d\d/\d\d)")
    owner = _words(owners or ("buyer's",)).replace("'", "['’]")  # 'the buyer's target', 'the commissioners' target'
    head = re.compile(rf"\bthe\s+(?:{owner})\s+(?:{_words(nouns)})\b", re.I)
    body = re.compile(
        rf"(?:(?!\b(?:{_words(stops)})\b)[^.;:?!])*?\s*\b(?:{_words(verbs)})\s+{value}(?:{year})?"
        rf"(?:(?:\s*,\s*(?:(?:{_words(steps)})\s+)?|\s+(?:{_words(steps)})\s+){value}{year})*(?:\s*\([^()]*\))?", re.I)
    return head, body


def _buyer_phrases(sentence: str) -> list[tuple[int, int]]:
    """The spans of ``sentence`` that are the buyer's own phrase with its figure: 'the buyer's target for X is 55% in
    Year 1, 65% in Year 2 and 75% in Year 3'; 'the buyer's current figure of 45% (2025/26)'. The words come from
    ``quoted`` in phrasebank/buyer_standards.yaml."""
    data = (load_phrasebank("buyer_standards.yaml") or {}).get("quoted") or {}
    head, body = _buyer_phrase_re(*(tuple(data.get(k) or ()) for k in ("nouns", "verbs", "qualifiers", "steps",
                                                                         "measure_stops", "owners")))
    out = []
    for m in head.finditer(sentence):
        b = body.match(sentence, m.end())
        if b:
            out.append((m.start(), b.end()))
    return out


def _quoted_from_buyer(claim: Claim, fig: Figure) -> bool:
    """True when the figure is inside the buyer's own phrase ('the buyer's target for X is 60% in Year 1, rising to
    70% from Year 2'; 'from the buyer's current figure of 38%'): a figure of the buyer's question, quoted as such.
    A figure after it in the same sentence is ours ('Against the buyer's baseline of 38%, 61% of people ...'; 'the
    buyer's target of 60%, at 75%'), and another party's figure in any other words (the ICB's dashboard, a CQC
    report) is a registered fact or unsupported."""
    a, b = fig.start - claim.start, fig.end - claim.start
    return any(s <= a and b <= e for s, e in _buyer_phrases(claim.sentence))


def _our_aim(claim: Claim, fig: Figure) -> bool:
    """True when the figure is a target or trajectory of ours in its own clause ('with a target that 60% of new
    starters live in the area'; 'rising to 30% by year 3'; '10% below the baseline in year 2'), and the clause
    states no result. The words come from ``our_aims`` in phrasebank/buyer_standards.yaml."""
    data = (load_phrasebank("buyer_standards.yaml") or {}).get("our_aims") or {}
    a, b = fig.start - claim.start, fig.end - claim.start
    s = claim.sentence
    start = s.rfind(";", 0, a) + 1
    ends = [i for i in (s.find(x, b) for x in ";:") if i >= 0]
    before, after = s[start:a], s[b:min(ends) if ends else len(s)]
    if any(re.search(str(p), before + " " + after, re.I) for p in data.get("not_when") or []):
        return False
    return any(re.search(str(p), before, re.I) for p in data.get("before") or []) or any(
        re.search(str(p), after, re.I) for p in data.get("after") or [])


def _recorded_figures(db) -> list[dict]:
    """Figures the service records for a contract review (migration m011): workforce and
    supervision, and the contracted activity plan, each with its period."""
    out = []
    for r in records.workforce_rows(db):
        out.append({"value": float(r["value"]), "period": r["period"],
                    "unit": "percent" if r["measure"].endswith("_pct") else None,
                    "title": r["measure"].replace("_", " "), "source": "workforce figures"})
    for r in records.activity_plan_rows(db):
        out.append({"value": float(r["planned"]), "period": r["period"], "unit": None,
                    "title": f"planned {r['measure'].replace('_', ' ')}", "source": "contracted activity plan"})
    return out


def _month_of(label) -> str:
    return str(label or "")[:7]


def check_evidence(db, text: str, *, external: bool = False, today: dt.date | None = None) -> EvidenceReport:
    """Check ``text`` against the database (a one-off convenience)."""
    return EvidenceChecker(db, external=external, today=today).check(text)
