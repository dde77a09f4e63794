"""Assembling a tender answer: plan, gather, render, trim, check, report.

1. **Plan** (:mod:`evidencebot.compose.questions`): sub-points, topics and a
   word budget for each.
2. **Gather** (:mod:`evidencebot.compose.gather`): for each sub-point, the
   indicators of its topics with their SPC verdicts for the period,
   case-review learning (escalation log, incidents, safeguarding, partner
   communications, crisis plans, dated service changes) and one outcome story
   found by full-text search. Only stories that may leave the service are ever
   read (:data:`evidencebot.store.workflow.EXPORTABLE_SQL`: consent for external
   use, approved by a named second person). Each piece of evidence is used once
   in the answer: the first sub-point that asks for it gets it.
3. **Render** each sub-point with ``tender_point.md.j2`` into *units*: whole
   sentences with a priority (see the template's header).
4. **Trim**: each sub-point is cut to its budget by dropping its
   lowest-priority units (later ones first), never part of a sentence; words
   left over by short sub-points are then given back to dropped units in
   priority order. The answer is laid out with ``tender_answer.md.j2`` and
   counted with :func:`evidencebot.compose.words.count_words`; while it is
   over the limit the lowest-priority unit left is dropped.
5. **Check** the whole answer with the language checker (every family). A
   sentence with an error-level finding is rewritten once with the finding's
   first suggestion (over-claiming only, never a story's own words, and only
   where the suggestion reads as English) or else dropped; the answer is then
   re-trimmed and re-checked until no error is left.
6. **Report**: a coverage table (sub-point, budget, words used, paragraphs,
   evidence, status) and the provenance of every figure used.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot import locations
from evidencebot.mentions import NUMBER_OR_WORD, UNIT_DAYS
from evidencebot.compose import (ages, anonymity, askfit, blockmatch, buyer_facts, buyer_kpis, buyer_local,
                                 buyer_mobilisation, buyer_scale, buyer_scope, buyer_standards, buyer_tables,
                                 buyer_terms, commitments,
                                 confirmations, consistency, deadlines,
                                 descriptors, figure_clauses, filters, frequencies, gates, gather, groups, library,
                                 ownplan, partfit, patterns, places, proofread, repeats, service_model, settings, site_roles,
                                 tender_profile, timings)
from evidencebot.compose import env as compose_env
from evidencebot.compose import gapflow
from evidencebot.compose import named as named_elements
from evidencebot.compose import nations
from evidencebot.compose.blockmatch import HEAD_GENERIC, library_words
from evidencebot.compose.compliance import part_counts
from evidencebot.compose.charts import Chart
from evidencebot.compose.consistency import _contradicts, _open_actions, _split_sentences, place_kind_unsaid
from evidencebot.compose.document import ExportDoc
from evidencebot.compose.gaps import attach_lines
from evidencebot.compose.filters import count_prose, fmt_month, join_and, load_phrasebank, partner
from evidencebot.compose.library import _PLACEHOLDER, GENERIC, content_stems, fill, stem, terms
from evidencebot.compose.personnel import with_staff_names
from evidencebot.compose.questions import _words as intake_words
from evidencebot.compose.questions import _words_pattern
from evidencebot.compose.questions import (
    END_BAD,
    RELATIVE_OPENERS,
    MIN_WORDS_PER_POINT,
    MAX_HEADING_WORDS,
    PART_MARGIN,
    QuestionPlan,
    SubPoint,
    answer_title,
    heading_fault,
    asked_elements,
    load_indicator_terms,
    part_reserve,
    plan_question,
    question_focus,
    title_reference,
)
from evidencebot.compose.requirements import Requirement, mentions, named_terms, read_requirements
from evidencebot.compose.tender_profile import FIELDS as _TENDER_FIELDS
from evidencebot.compose.tender_profile import PLAIN, crisis_place, describe_unknown, is_base, key_words, place_kind
from evidencebot.compose.word import organisation_name
from evidencebot.config import load_settings
from evidencebot.compose.words import WORD_RULE, Counts, count_words, counts
from evidencebot.errors import InputError
from evidencebot.evidence.family import EvidenceFamily
from evidencebot.language.checker import Checker
from evidencebot.language.phrasebank import load_vocabulary
from evidencebot.metrics import periods
from evidencebot.store import variance, workflow
from evidencebot.store.declarations import get_declarations
from evidencebot.store.search import story_row
from evidencebot.store.blocks import block_rows, get_profile, library_files
from evidencebot.text import match_form, sentences, straight_quotes

HEADING_MIN_WORDS = 60
"""Sub-point headings are used only when every sub-point has at least this many words."""
MAX_CHECK_ROUNDS = 6

LOG_SOURCES = {
    "escalations": ("Escalation log", "escalations rows with raised_at from {start} to {end}: count, "
                    "triggers, reviewed_at (median hours from raised_at)"),
    "crisis_plans": ("Crisis plans", "crisis_plans rows created by {end}: people with a plan, plans created "
                     "or reviewed from {start} to {end}, easy_read = 1"),
    "safeguarding": ("Safeguarding log", "safeguarding rows with concern_on from {start} to {end}: count, "
                     "multi_agency_plan = 1"),
    "partner_comms": ("Partner communications", "partner_comms rows with sent_on from {start} to {end}: "
                      "count by partner, days_to_send of 2 or fewer"),
}

_UNIT = re.compile(r"^\[(\d)(\+)?((?:\s+[a-z_]+:[^\s\]]+)*)\s*\]\s*(.*)$")

_CHECKER = None


_BOUND: dict = {}


def get_checker(db=None, *, external: bool = True):
    """The language checker, built once and reused (its model and caches stay warm).

    With ``db`` the evidence family runs too, bound to that database: every
    figure an assembled document states is checked against the data (and, for
    an ``external`` document, counts under 5 are errors).
    """
    global _CHECKER
    if db is not None:
        key = (id(db), external)
        hit = _BOUND.get(key)
        if hit is None or hit[0] is not db:
            # the profile's named staff (key personnel) are named on purpose; any other name is still flagged
            hit = (db, with_staff_names(Checker(extra={"evidence": EvidenceFamily(db, external=external)}), db))
            _BOUND[key] = hit
        return hit[1]
    if _CHECKER is None:
        _CHECKER = Checker()
    return _CHECKER


# ---------------------------------------------------------------- units and sections


@dataclass
class Unit:
    text: str
    priority: int = 2
    refs: list[str] = field(default_factory=list)
    parent: int | None = None
    """Index (in the section) of the unit this one continues."""
    paragraph: int = 0
    kept: bool = True
    why: str = ""
    """Why it was dropped: 'budget', 'limit' or 'checker: <rule>'."""
    rewritten: bool = False
    short: str | None = None
    """A shorter wording the trimmer may switch to before dropping the unit."""
    full: str | None = None
    """The longer wording, kept while the short one is in use."""
    said_short: tuple[str, str] | None = None
    """(the text before, the text after) when :func:`repeats.apply` said a long name in it by its short form."""
    told: list[str] = field(default_factory=list)
    """For a sentence referring to an earlier answer (:func:`_refer_to_earlier`): the sentences of that answer it
    stands for (:func:`said_key`), re-checked when that answer is drafted again (review s17 finding 3)."""
    counted: tuple[str, str] | None = None
    """(the words before, the words after) when :func:`repeats.counts_agree` said its announced count as the number
    of items its part keeps ('five risks' -> 'four risks')."""
    opened: tuple[str, str, dict] | None = None
    """(the text before, the text after, each wording before) when :func:`proofread.vary_openers` said its opener as
    another (a third 'In our current service, ...' in one answer -> 'Today, ...')."""

    @property
    def words(self) -> int:
        return count_words(self.text)

    def shorten(self) -> bool:
        if self.short and self.short != self.text:
            self.full, self.text, self.short = self.text, self.short, None
            return True
        return False

    def lengthen(self) -> bool:
        if self.full:
            self.short, self.text, self.full = self.text, self.full, None
            return True
        return False


@dataclass
class Section:
    point: SubPoint
    units: list[Unit]
    heading: str | None = None
    heading_kept: bool = False
    evidence: dict = field(default_factory=dict)
    note: str = ""
    """For the writer, never in the answer: why a part is a gap (the compliance sheet and a Word comment
    on its '[To write: ...]' marker say it)."""

    def kept_units(self) -> list[Unit]:
        return [u for u in self.units if u.kept]

    short: str = ""
    """The heading as printed when ``heading`` is still ``short_for``: at most ten words (SubPoint.heading)."""
    short_for: str = ""

    def heading_text(self) -> str | None:
        if not (self.heading_kept and self.kept_units()):
            return None
        return self.short if self.short and self.heading == self.short_for else self.heading

    def words(self) -> int:
        n = sum(u.words for u in self.kept_units())
        # counted with the longer heading the drafting uses, so the short one printed never needs more room
        head = self.heading if self.heading_kept and self.kept_units() else None
        return n + (count_words(head) if head else 0)

    def paragraphs(self) -> list[str]:
        paras: dict[int, list[str]] = {}
        for u in self.kept_units():
            paras.setdefault(u.paragraph, []).append(u.text)
        return [" ".join(parts) for _, parts in sorted(paras.items())]

    def drop(self, index: int, why: str) -> None:
        unit = self.units[index]
        if not unit.kept:
            return
        unit.kept, unit.why = False, why
        for other in self.units:
            if other.parent == index and other.kept:
                other.kept, other.why = False, why


@dataclass
class CoverageRow:
    key: str
    label: str
    budget: int
    words: int
    paragraphs: list[int]
    evidence: str
    status: str
    why: str = ""
    """Why each block used is in this part: the words of the ask it answers (askfit.why)."""
    left_out: str = ""
    """Blocks the part's words matched but that were written for another situation, and why."""
    limit: int | None = None
    """The part's own word limit set by the buyer ('B1 ... (100 words)'), None when only the question has one."""
    note: str = ""
    """For the writer: why the part is a gap ('No approved method block ... matches'), kept out of the answer."""
    marker: str = ""
    """The gap's marker in the answer ('[To write: <heading>]', '[To confirm: <heading>]'), the note's anchor."""
    part: str = ""
    """The buyer's part the sub-point is in when limits are set per part ('Part 1'), '' otherwise."""
    part_limit: int | None = None
    """That part's own word limit, shared by its sub-points."""


@dataclass
class Edit:
    point: str
    original: str
    action: str
    """'rewritten' or 'dropped'."""
    rule: str
    result: str = ""


@dataclass
class TenderAnswer:
    question: str
    plan: QuestionPlan
    period: object
    compare: object
    markdown: str
    counts: Counts
    coverage: list[CoverageRow]
    figures: list[dict]
    sources: list[dict]
    edits: list[Edit]
    findings: list = field(default_factory=list)
    """Error-level findings left in the answer (always empty unless the checker is unavailable)."""
    checked: bool = True
    word_rule: str = WORD_RULE
    results: list = field(default_factory=list)
    """Indicator results cited in the answer (for charts)."""
    provider: str = ""
    """The service profile's provider (for the Word header); empty for an anonymous answer."""
    anonymous: bool = False
    """Written for blind evaluation: no provider or service name in it or its Word header."""
    blocks: list[str] = field(default_factory=list)
    """Ids of the method blocks the answer uses (record them with library.record_use)."""
    stale: list = field(default_factory=list)
    """Blocks used although past their review date (a warning is printed)."""
    method_words: int = 0
    """Words of method text from the library (and its 'what it means' lines) in the answer."""
    body_words: int = 0
    """Words of the answer's sentences (headings not counted)."""
    pins: dict = field(default_factory=dict)
    """Blocks the writer chose for a part ({sub-point key: block id}); see :func:`swap_block`."""
    tender: dict = field(default_factory=dict)
    """The tender's facts as given to :func:`assemble_tender` (kept for :func:`swap_block`)."""
    tender_facts: dict = field(default_factory=dict)
    """The tender's facts the answer used: given, or read from the question."""
    tender_unknown: list = field(default_factory=list)
    """Tender facts the answer needed but nothing gave (left out, and said in the coverage)."""
    requirements: list = field(default_factory=list)
    """The buyer's named requirements ({name, kind, part, in_library}): the part of the answer that mentions
    each ('' when none does) and whether any approved block names it."""
    tender_clashes: list = field(default_factory=list)
    """Sentences of the answer that the tender's facts contradict (:func:`tender_profile.check_against`)."""
    comparisons: list = field(default_factory=list)
    """The buyer's figures against ours ({label, buyer, ours, status}): status 'met', 'planned: in <part>'
    (ours is short; the part says so and how the buyer's will be met) or 'not met: ...'."""
    commitments: list = field(default_factory=list)
    """What the answer says from an approved template on the buyer's terms ({part, template, text}): the buyer's
    named partners, programmes, localities, standards and figures, each a commitment the bid team confirms before
    submission (the compliance sheet's 'Commitments to confirm')."""
    buyer_held: list = field(default_factory=list)
    """What was changed or left out of our method text because it contradicted the buyer's facts (a note per sentence,
    :func:`_hold_to_buyer_facts`), listed for the writer after the coverage table (s32 contradictions: a library
    sentence allowing family members to interpret where the buyer forbids it, dropped with no word in the table)."""
    confirm_notes: list = field(default_factory=list)
    """(sentence, note) for each sentence of the submitted text the writer must confirm, said in the review copy as a
    Word comment on it, never in the text: a commitment to the buyer's standard our declarations do not hold, our
    method text said with the buyer's timescale in place of ours (issue 12, s17)."""
    named: str = ""
    """The answer's title when the question has no title line of its own: its reference and first words
    (:func:`answer_title`), checked as the title is; '' when the question has a title (``plan.title``)."""
    descriptor: list = field(default_factory=list)
    """The elements of the buyer's top scoring descriptor (:func:`descriptors.elements`), each with whether the answer
    covers it ({element, covered}): a panel looks for each; the review copy lists those nothing covers."""
    gates: list = field(default_factory=list)
    """The statements the buyer's scoring gates require ({statement, part, cap, made}: :func:`_gate_rows`)."""
    buyer: str = ""
    """The buyer the answer was drafted for (:func:`evidencebot.compose.gapflow.draft_buyer`): a gap's text saved as a
    block is scoped to it."""
    nation: str = ""
    """The buyer's nation read from its text (:func:`nations.read`): 'England' unless it names another."""
    nation_cue: str = ""
    """The words of the buyer's text that say its nation ('' for England by default)."""
    told: list = field(default_factory=list)
    """The answer's references to other answers of the tender ({ref, said: [:func:`said_key` of each sentence of
    that answer it stands for], text}): stored with the answer and re-checked whenever that answer is drafted again
    (``tender_store.stale_references``)."""

    @property
    def word_limit(self) -> int:
        return self.plan.word_limit

    def coverage_table(self) -> str:
        """The coverage table as Markdown."""
        own = any(row.limit for row in self.coverage)  # the buyer set limits per part: a column for them
        lines = [
            "| sub-point |" + (" part limit |" if own else "") + " budget | words | paragraphs | evidence | status |",
            "|---|" + ("---:|" if own else "") + "---:|---:|---|---|---|",
        ]
        for row in self.coverage:
            paras = ", ".join(str(p) for p in row.paragraphs) or "none"
            label = row.label
            limit = (f" {row.limit} |" if row.limit else " none |") if own else ""
            lines.append(
                f"| {_cell(label)} |{limit} {row.budget} | {row.words} | {paras} | {_cell(row.evidence)} | {_cell(row.status)} |"
            )
        parts = part_counts(self.coverage)
        if parts:  # the buyer's parts, each against its own limit (headings count, as a panel counts them)
            lines += ["", "The buyer's parts, each against its own limit:"]
            lines += [f"- {label}: {used} of {cap} words" + ("" if used <= cap else " (OVER)")
                      for label, used, cap in parts]
        noted = [row for row in self.coverage if row.note]
        if noted:  # why a part is a gap: for the writer here, never in the answer
            lines += ["", "Gaps and parts drafted from the question (why, for the writer; never in the answer):"]
            lines += [f"- {row.label}: {row.note}" for row in noted]
        if self.requirements:
            lines += ["", "The buyer names (a panel will look for each):"]
            for r in self.requirements:
                if r["part"]:
                    where = f"in '{r['part']}'"
                elif r["in_library"]:
                    where = "not in this answer; an approved block names it (swap it in, or write it)"
                else:
                    where = "not in this answer; no block mentions it: write it, or add an approved block"
                lines.append(f"- {r['name']}: {where}")
        if self.descriptor:  # the top mark's elements: what the panel looks for beyond the sub-points
            lines += ["", "The buyer's top scoring descriptor looks for: "
                      + ", ".join(d["element"] for d in self.descriptor) + "."]
            missing = [d["element"] for d in self.descriptor if not d["covered"]]
            lines.append("Nothing in this answer covers: " + ", ".join(missing) + " (write it, or add an approved block)."
                         if missing else "The answer speaks of each.")
        if self.gates:  # 'will not score above 2 unless ...': each statement, made or not
            lines += ["", "The buyer's required statements (its scoring caps an answer without one):"]
            lines += [f"- {g['statement']}: " + (f"made in '{g['part']}'" if g["made"] else
                                                  f"NOT MADE (in '{g['part']}': write it, or add an approved block)")
                      for g in self.gates]
        if self.buyer_held:
            lines += ["", "Changed or left out as it contradicted the buyer's facts (write it again to the buyer's terms "
                          "if the part needs it):"]
            lines += [f"- {n}" for n in self.buyer_held]
        if self.comparisons:
            lines += ["", "The buyer's figures against ours:"]
            for c in self.comparisons:
                lines.append(f"- {c['label']}: the buyer's {c['buyer']}; ours {c['ours'] or 'not in the profile'}: "
                             f"{c['status']}")
        if self.commitments:
            lines += ["", "Written from a template on the buyer's terms (confirm each before submission):"]
            for c in self.commitments:
                lines.append(f"- {c['part']} ({c['template']}): {c['text']}")
        if self.plan.instructions:
            lines += ["", "The buyer's instructions (followed, not answered as sub-points):"]
            lines += [f"- {i}" for i in self.plan.instructions]
        if self.tender_unknown:
            lines += ["", "Not known for this tender, so not stated: " + describe_unknown(self.tender_unknown)]
        return "\n".join(lines)

    def placement_notes(self) -> str:
        """Why each block is where it is: for each part, the words of the ask each block answers, and the
        blocks its words matched that were left out as written for another situation ('' when none)."""
        placed = [r for r in self.coverage if r.why or r.left_out]
        if not placed:
            return ""
        lines = ["Why each block is where it is:"]
        for r in placed:
            said = "; ".join(x for x in (r.why, f"left out {r.left_out}" if r.left_out else "") if x)
            lines.append(f"- {r.label}: {said}")
        return "\n".join(lines)

    def summary_line(self) -> str:
        line = f"{self.counts.describe(self.word_limit)} ({self.word_rule})"
        if self.word_limit and self.counts.words < UNDER_FILLED * self.word_limit:
            # s19 (spent): q11 drafted 151 words of 500 and the command said only '151 words of 500 allowed'
            line += (f"; this uses {self.counts.words * 100 // self.word_limit}% of the limit: a panel reads an answer "
                     "well under its limit as thin, so add method text from the library or your own")
        missing = [g["statement"] for g in self.gates if not g["made"]]
        if missing:  # said by the command too, never only in the table (issue 12, session 22)
            line += "; the buyer's required statement not made (its score is capped): " + "; ".join(missing)
        return f"{line}; {self.plan.limit_note}" if self.plan.limit_note else line

    def descriptor_notes(self) -> list[tuple[str, str]]:
        """The review copy's comment on the answer's title naming the top descriptor's elements nothing in the answer
        covers ([] when it covers each, or the question publishes none)."""
        missing = [d["element"] for d in self.descriptor if not d["covered"]]
        title = self.named or self.plan.title
        if not missing or not title:
            return []
        return [(title, "The buyer's top scoring descriptor looks for " + ", ".join(d["element"] for d in self.descriptor)
                 + "; nothing in this answer covers " + ", ".join(missing) + ": write it, or add an approved block.")]

    def to_export(self, *, charts: bool = True):
        """The answer as an :class:`~evidencebot.compose.document.ExportDoc`."""
        chart_list = [c for c in (Chart.from_result(r) for r in self.results) if c] if charts else []
        return ExportDoc(
            title=self.named or self.plan.title or "Tender answer",
            body=self.markdown,
            kind="tender",
            organisation=self.provider,
            anonymous=self.anonymous,
            quote=self.question,
            context=[
                ("Word limit", f"{self.word_limit:,}"),
                ("Figures for", gather.prose_period(self.period)),
                ("Compared with", gather.prose_period(self.compare)),
            ],
            counted=_titled(self.plan.title, self.markdown),
            word_limit=self.word_limit,
            figures=self.figures,
            sources=self.sources,
            charts=chart_list,
            compliance=[dataclasses.asdict(row) for row in self.coverage],
            writer_notes=self.descriptor_notes() + [(row.marker, row.note) for row in self.coverage if row.note]
            + list(self.confirm_notes)
            + [(line, ATTACH_NOTE) for line in attach_lines(self.markdown)],
            commitments=list(self.commitments),
        )


def _cell(text: str) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text or not re.search(r"\w", text):
        return ""
    return text if text[-1] in ".!?]" else text + "."


def parse_units(rendered: str) -> list[Unit]:
    """Read the rendered point template into units (see its header)."""
    units: list[Unit] = []
    paragraph = 0
    parent: int | None = None
    for raw in rendered.splitlines():
        line = raw.strip()
        if not line:
            if units and units[-1].paragraph == paragraph:
                paragraph += 1
            continue
        m = _UNIT.match(line)
        if m:
            priority = int(m.group(1))
            cont = bool(m.group(2))
            refs = m.group(3).split()
            text = m.group(4).strip()
        else:
            priority, cont, refs, text = 2, False, [], line
        text = re.sub(r"\s+", " ", text)
        short = None
        if " || " in text:
            text, short = (part.strip() for part in text.split(" || ", 1))
            short = _sentence(short) or None
        text = _sentence(text)
        if not text:
            continue
        index = len(units)
        units.append(Unit(text=text, priority=priority, refs=refs,
                          parent=parent if cont else None, paragraph=paragraph, short=short))
        if not cont:
            parent = index
    # renumber paragraphs densely
    mapping = {p: i for i, p in enumerate(sorted({u.paragraph for u in units}))}
    for u in units:
        u.paragraph = mapping[u.paragraph]
    return units


# ---------------------------------------------------------------- gathering


def _base(result) -> int:
    """A result's denominator as a number (published text such as '15' or '<5' too)."""
    den = result.denominator
    if isinstance(den, str):
        den = den.replace(",", "")
        return int(den) if den.isdigit() else 0
    return int(den or 0)


def _top_triggers(esc) -> list[str]:
    named = [gather.trigger_words(t) for t, _ in esc.triggers if t != "other"]
    return named[:2]


def _partner_top(summary) -> list[str]:
    return [partner(p) for p, _ in summary.partners[:2]]


_FIGURE_WEAK = {"review", "hour", "day", "week", "month", "period", "percentag", "number", "median", "count", "record",
                "latest", "time", "within"}
"""Words a figure's title or definition shares with many asks without being about them ('Hours from escalation to
clinical review' under 'The first 72 hours and the first week' after a discharge)."""


def figure_fits(text: str, indicator_id: str, catalogue: dict | None = None) -> bool:
    """Whether a figure is about what a part asks: its title or definition (an instrument's figure is an outcome
    measure) shares a content word with the part's text beyond the generic and the timing words. 'Goals met or
    exceeded at review' is no figure for 'how you will begin joint planning with CAMHS ... from age 17½' (s10 q06),
    though both match the young adults' topics. An id the catalogue does not hold (a fact, an external figure)
    is not judged here. ``catalogue``: the indicators by id, read once by a caller that asks many times."""
    ind = (catalogue if catalogue is not None else gather.catalogue()).get(indicator_id)
    if ind is None:
        return True
    about = f"{ind.title} {ind.definition or ''}" + (" outcome measure" if "." in indicator_id else "")
    return bool((content_stems(about) & content_stems(text)) - HEAD_GENERIC - _FIGURE_WEAK)


def direct_figure_fits(text: str, indicator_id: str, catalogue: dict | None = None) -> bool:
    """Whether a figure the part's wording names directly (``indicator_terms``) is about what the part asks: the words
    that named it say the figure's subject (a word of its title: 'crisis plans' for 'People with a current crisis
    plan'), or the figure's title or definition shares a word with the part (:func:`figure_fits`). 'up to date' in
    'keep registration with the Social Care Council up to date' names the crisis plan figure by a phrase any ask may
    use: that figure stays out."""
    cat = catalogue if catalogue is not None else gather.catalogue()
    ind = cat.get(indicator_id)
    if ind is None or figure_fits(text, indicator_id, cat):
        return True
    title = content_stems(ind.title) - HEAD_GENERIC - _FIGURE_WEAK
    said = [m.group(0) for pat in load_indicator_terms().get(indicator_id, []) for m in pat.finditer(text or "")]
    return any(content_stems(term) & title for term in said)


class _Evidence:
    """Evidence for the whole answer, each item handed to one sub-point.

    Items go first to the sub-point whose *main* topic lists them, then to the
    first sub-point with any topic that lists them; a sub-point left without a
    figure borrows the first figure its topics have.
    """

    def __init__(self, db: Database, plan: QuestionPlan, period, compare, *, external: bool = True):
        self.db, self.plan, self.period, self.compare = db, plan, period, compare
        self.external = external
        # figures and records are chosen by what each sub-point is about (the topic
        # table), not by the question's topic as a whole: a part about training gets
        # no crisis figure, and a part with no fitting figure gets none
        # ... and by the situation it asks about: a discharge measure is not a figure for 'complete the
        # Core Competency Standard within 12 weeks of starting', though both say '12 weeks' (askfit)
        # ... and by what its words are about: a figure whose title and definition share nothing with the part's
        # text is left out, however its topics matched (figure_fits)
        cat = gather.catalogue()  # read once, not once per part and figure
        own_ids = {p.key: [i for i in gather.expand_ids(blockmatch.indicators_for(p.text), cat)
                           if not askfit.figure_misfit(situated(p), i) and figure_fits(p.text, i, cat)]
                   for p in plan.points}
        # ... and a figure the part's wording names only by words that are not the figure's subject ('keep
        # registration ... up to date' named the crisis plan figure by 'up to date'; issue 12, s35) is no figure for it
        direct = {p.key: [i for i in gather.expand_ids(p.direct) if not askfit.figure_misfit(p.text, i)
                          and direct_figure_fits(p.text, i, cat)]
                  for p in plan.points}
        wanted: list[str] = []
        for p in plan.points:
            for i in direct[p.key] + own_ids[p.key]:
                if i not in wanted:
                    wanted.append(i)
        self.results = gather.indicators(db, period, compare, wanted, external=external) if wanted else {}
        self.notes = _action_notes(db, [i for i in self.results if _worse(self.results[i])])
        self.changes = gather.service_changes(db, period)
        self.period_text = gather.prose_period(period)
        self.compare_text = gather.prose_period(compare) if compare is not None else None
        self.used_stories: set[str] = set()
        self.pinned: dict | None = None
        self.max_figures: dict[str, int] = {}
        self.pinned_point: str | None = None
        self.stories_wanted = True
        self.used_changes: set[int] = set()
        self.used_incidents: set[str] = set()
        self.indicator_plan: dict[str, list[str]] = {p.key: [] for p in plan.points}
        self.learning_plan: dict[str, list[str]] = {p.key: blockmatch.learning_for(p.text) for p in plan.points}
        # each figure goes to the sub-point that names it, else to the one whose most
        # specific topic lists it earliest, else the earlier sub-point
        best_ind: dict[str, tuple] = {}
        for pi, p in enumerate(plan.points):
            for pos, i in enumerate(direct[p.key]):
                key = (-1, pos, pi)
                if i in self.results and (i not in best_ind or key < best_ind[i][0]):
                    best_ind[i] = (key, p.key)
            for pos, i in enumerate(own_ids[p.key]):
                key = (0, pos, pi)
                if i in self.results and (i not in best_ind or key < best_ind[i][0]):
                    best_ind[i] = (key, p.key)
        for i, (_key, owner) in sorted(best_ind.items(), key=lambda kv: kv[1][0]):
            self.indicator_plan[owner].append(i)
        # a figure that got worse is used only with what the service is doing about it
        for key, ids in self.indicator_plan.items():
            self.indicator_plan[key] = [i for i in ids if not _worse(self.results[i]) or i in self.notes]
        self.repeats: dict[str, set[str]] = {p.key: set() for p in plan.points}

    def for_point(self, point: SubPoint, *, logs: bool = True) -> dict:
        """The evidence for one sub-point (``logs``: also the record counts the template
        prints only for a part without method text; they are slow on a large service)."""
        # one instrument per family is plenty in a word-limited answer: the published
        # one with the largest base; published figures before suppressed ones
        planned = self.indicator_plan[point.key]
        chosen, families = [], set()
        for i in planned:
            fam = i.split(".")[0]
            if "." in i:
                if fam in families:
                    continue
                members = [m for m in planned if m.split(".")[0] == fam]
                i = max(members, key=lambda m: (not self.results[m].suppressed, _base(self.results[m])))
            families.add(fam)
            chosen.append(i)
        published = [i for i in chosen if not self.results[i].suppressed]
        # a figure too small to publish is said only when the sub-point has no published one:
        # in a word-limited answer it would take the words a method or an example needs
        chosen = (published or chosen[:1])[:self.max_figures.get(point.key, 2)]
        results = [self.results[i] for i in chosen]
        repeats = {i for i in chosen if i.split(".")[0] in {r.split(".")[0] for r in self.repeats[point.key]}}
        learning = self.learning_plan[point.key] if logs else [
            x for x in self.learning_plan[point.key] if x in ("incidents", "service_changes")]
        ev: dict = {
            "indicators": results, "repeats": repeats, "esc": None, "plans": None, "safeguarding": None,
            "partners": None, "incidents": [], "changes": [], "story": None,
        }
        if "escalations" in learning:
            esc = gather.escalations(self.db, self.period)
            esc.top_triggers = _top_triggers(esc)
            ev["esc"] = esc
        if "crisis_plans" in learning:
            ev["plans"] = gather.crisis_plans(self.db, self.period)
        if "safeguarding" in learning:
            ev["safeguarding"] = gather.safeguarding(self.db, self.period)
        if "partner_comms" in learning:
            partners = gather.partner_comms(self.db, self.period)
            partners.top = _partner_top(partners)
            ev["partners"] = partners
        if "incidents" in learning:
            rows = [r for r in gather.incidents(self.db, self.period, with_learning=True)
                    if r["incident_id"] not in self.used_incidents and (r.get("action") or "").strip()
                    and record_fits(point, r)]
            ev["incidents"] = rows[:2]
            self.used_incidents.update(r["incident_id"] for r in ev["incidents"])
        relevant = gather.changes_for(self.changes, chosen) if chosen else []
        if "service_changes" in learning:
            # a change told beside no figure it concerns is about what the part asks: its words are the part's
            # ('step-up trigger set introduced' is not for 'the first 72 hours' after a discharge, s11 q06)
            relevant += [c for c in self.changes if c not in relevant and (any(
                w.isalpha() for w in content_stems(" ".join(str(v) for v in c.values() if isinstance(v, str)))
                & content_stems(situated(point)) - _FIGURE_WEAK - HEAD_GENERIC))]
        else:
            relevant = [c for c in relevant if (c.get("indicators") or "").strip()]
        ev["changes"] = [c for c in relevant if c["change_id"] not in self.used_changes][:1]
        self.used_changes.update(c["change_id"] for c in ev["changes"])

        found = []
        if self.pinned and self.pinned["story_id"] not in self.used_stories and point.key == self.pinned_point:
            found = [self.pinned]
        elif self.stories_wanted:
            found = relevant_stories(self.db, situated(point), exclude=self.used_stories)[:1]
        if found:
            story = found[0]
            if not workflow.is_exportable(story):  # belt and braces: never reach an export
                raise AssertionError(f"story {story['story_id']} lacks external consent or approval")
            ev["story"] = story
            self.used_stories.add(story["story_id"])
        return ev


def record_fits(point: SubPoint, record: dict) -> bool:
    """Whether a logged record's learning note may be told under this part: the part names the record's kind (the
    type's own word: an 'incident' or 'near miss' where incidents are asked about, a 'complaint', a 'compliment'),
    and it asks how we learn, or the record's learning and action share a word of what the part is about. The s17
    panel found a compliment's learning note under 'Notifying the commissioner of deaths and serious incidents'
    (spent s17 q08): that part names incidents, not compliments, and asks about notifying, not learning."""
    asked = set(blockmatch.tokens(situated(point)))
    kind = (record.get("type") or "incident").replace("_", " ")
    named = set(blockmatch.tokens(kind))
    if kind == "near miss":
        named |= set(blockmatch.tokens("incident"))  # a near miss is an incident that did no harm
    if not named & asked:
        return False
    if "learn" in asked:
        return True
    told = set(blockmatch.tokens(" ".join(str(record.get(k) or "") for k in ("summary", "learning", "action"))))
    return bool((told & asked) - named - _FIGURE_WEAK - HEAD_GENERIC)


def _worse(result) -> bool:
    """True when a figure moved the worse way since the comparison period, or misses its target."""
    if (result.target or {}).get("status") == "not_met":
        return True
    if result.value is None or result.compare_value is None:
        return False
    if result.direction == "increase":
        return result.value < result.compare_value
    if result.direction == "decrease":
        return result.value > result.compare_value
    return False


def _action_notes(db: Database, ids: list[str]) -> dict[str, str]:
    """For each figure that got worse, what the service is doing about it: the action of
    its latest variance note (the notes the contract review uses), with owner and date."""
    latest = variance.latest_notes(db, ids)
    out = {}
    for i in ids:
        row = latest.get(i)
        if row is None:
            continue
        reason = " ".join((row.get("reason") or "").split())
        m = re.search(r"\baction:\s*(.+)", reason, re.I)
        action = (m.group(1) if m else "").strip().rstrip(".")
        if not action or re.match(r"(?i)no action\b", reason):
            continue
        owner = (row.get("owner") or "").strip()
        due = fmt_month(row["due_on"]) if row.get("due_on") else ""
        who = f"led by the {owner[:1].lower() + owner[1:]}" if owner else ""
        when = f"due {due}" if due else ""
        tail = ", ".join(x for x in (who, when) if x)
        out[i] = f"We are acting on this: we will {action[:1].lower() + action[1:]}" + (f" ({tail})." if tail else ".")
    return out


# ---------------------------------------------------------------- trimming


_TIMESCALE_CHECK = re.compile(r"\b" + _words_pattern(intake_words("leans_on_timescale")) + r"\b", re.I)
_TIMESCALE = re.compile(rf"\b(?:(?:{NUMBER_OR_WORD})(?:\s+|-)(?:{'|'.join(UNIT_DAYS)})s?|same\s+(?:working\s+)?day)\b",
                        re.I)


def _leans_on(sec: Section, index: int) -> int | None:
    """The earlier sentence of its own block a block's later sentence only makes sense after, or None: the one just
    before it, for a sentence that opens pointing back ('They ...', 'This ...'); the nearest one that states a
    timescale, for a sentence that checks one without stating it ('... checks each month that plans were shared on
    time' after '... shared ... within five working days')."""
    unit = sec.units[index]
    head = unit.parent
    if head is None:
        return None
    group = [i for i in range(head, index) if i == head or sec.units[i].parent == head]
    if not group:
        return None
    if _leans_back(unit.text):
        return group[-1]
    if _TIMESCALE_CHECK.search(unit.text) and not _TIMESCALE.search(unit.text):
        return next((i for i in reversed(group) if _TIMESCALE.search(sec.units[i].text)), None)
    return None


def _drop_with_followers(sec: Section, index: int, why: str) -> None:
    """Drop a unit and every kept later sentence of its block that leans on it (:func:`_leans_on`), so that trimming
    never leaves a follow-up whose lead is gone."""
    sec.drop(index, why)
    for i in range(index + 1, len(sec.units)):
        lead = _leans_on(sec, i)
        if lead is not None and not sec.units[lead].kept and sec.units[i].kept:
            sec.drop(i, why)


TRIM_GENERIC, TRIM_MEANS, TRIM_FIGURE_MORE, TRIM_STORY, TRIM_METHOD, TRIM_NEVER = range(6)
"""The trim order (issue 12 item 4, session 34), lowest value first: generic lines (the 'other services' caveat, log
counts, a dated change), the 'what it means' line, a figure's second sentence or a part's second figure, story
excerpts and case-review learning, then method text (library blocks, the buyer's templates, drafted text, markers for
the writer) with the part's first figure, which the part's priorities order among themselves; a scoring gate's
statement (priority 0) is never trimmed for room. The panel scores what we do, who does it, when and how: s31 q12
lost its Real Living Wage sentence on subcontracts while the parts sharing its 3,000 characters kept their 'what it
means' lines."""


def _trim_rank(sec: Section, index: int, means: "Unit | None" = None) -> int:
    """Where a unit stands in the trim order (:data:`TRIM_METHOD` and the others); ``means`` is the part's 'what it
    means' line (:func:`_means_unit`), passed when the caller has it."""
    unit = sec.units[index]
    if unit.priority <= 0:
        return TRIM_NEVER
    if means is None:
        means = _means_unit(sec)
    if unit is means:
        return TRIM_MEANS
    refs = unit.refs
    if any(r.startswith(("block:", "todo:", REFERRED)) or r == DRAFTED for r in refs):
        return TRIM_METHOD
    if any(r.startswith("ind:") for r in refs):
        if unit.parent is not None or any(any(r.startswith("ind:") for r in sec.units[i].refs)
                                          and sec.units[i].parent is None for i in range(index)):
            return TRIM_FIGURE_MORE
        return TRIM_METHOD  # a part's first figure: how we know the method works, weighed by its priority
    if "buyer:figure" in refs:
        return TRIM_METHOD
    if any(r.startswith("story:") for r in refs):
        head = sec.units[unit.parent] if unit.parent is not None else unit
        return TRIM_METHOD if head.priority <= 1 else TRIM_STORY  # a part asking for an example keeps it
    if any(r.startswith("incident:") for r in refs):
        return TRIM_STORY
    if (refs and all(r.startswith(("log:", "change:")) for r in refs)) or (not refs and unit.priority >= 3):
        return TRIM_GENERIC  # (a line of no source at the lowest priority: the 'other services' caveat)
    return TRIM_METHOD


def _fit_section(sec: Section, budget: int) -> None:
    """Cut a section to its budget.

    For each priority from the least important (3) to the most (1): first
    switch its units to their shorter wording, later units first, then drop
    them, later units first. A continuation of the same priority as its head
    goes together with the head. The heading goes before the last sentence.
    """
    elements = asked_elements(sec.point.text) if sec.point and sec.words() > budget else []
    while sec.words() > budget:
        kept = [i for i, u in enumerate(sec.units) if u.kept]
        if not kept:
            sec.heading_kept = False
            return
        if len(kept) == 1 and sec.heading_kept:
            # one heading per sub-point: the part keeps its heading and one sentence; the limit is enforced over the
            # whole answer, which drops a part whose one sentence is over its share ('squeezed: nothing fitted'
            # with 60 words to spare, found by test_any_question_any_limit): a whole sentence that fits goes in its
            # place, method text first
            _keep_one_that_fits(sec, budget)
            return
        # the trim order first (:data:`TRIM_METHOD`): a 'what it means' line, a figure or a story goes before a method
        # sentence of any priority; then, within a rank, the least important priority
        means = _means_unit(sec)
        rank = {i: _trim_rank(sec, i, means) for i in kept}
        low = min(rank.values())
        level = max(sec.units[i].priority for i in kept if rank[i] == low)
        shorter = [i for i in kept if sec.units[i].short and rank[i] == low and sec.units[i].priority == level]
        if shorter and (level <= 2 or low < TRIM_METHOD):
            target = max(shorter, key=lambda i: (sec.units[i].priority, i))
            sec.units[target].shorten()
            continue
        # of equal priority, a sentence naming the buyer's own partner, programme or standard (its template) goes
        # last: the panel looks for each (s10 q05's Tobacco Dependence Service went before a general sentence); the
        # timescale template's procedure sentences name none of it and go first, before the method text of the block
        # that answers the part (s18 q06: 'During mobilisation the service manager writes the buyer's timescale into
        # our procedure' was kept and 'Staff are trained to recognise ...' cut)
        # then one naming the cue the part was matched by goes after the rest of its priority ('Who acts on a positive
        # screen': 'A positive screen is acted on by ...' was cut and the PHQ-9 sentence before it kept, issue 12)
        cues = [set(blockmatch.tokens(h.cue)) for h in blockmatch.topic_hits(sec.point.text)] if sec.point else []
        # then a sentence naming none of the elements the sub-point lists goes before one naming an element: the least
        # specific text is cut before the short form of an element's block (s28 q08)
        worst = max(kept, key=lambda i: (-rank[i], sec.units[i].priority, _procedure_filler(sec.units[i]),
                                         not any(r.startswith("block:buyer-") for r in sec.units[i].refs),
                                         f"block:{COMMITMENT}" not in sec.units[i].refs,
                                         not any(c <= set(blockmatch.tokens(sec.units[i].text)) for c in cues),
                                         not any(element_said(e, sec.units[i].text) for e in elements), i))
        unit = sec.units[worst]
        if unit.parent is not None and sec.units[unit.parent].kept and \
                sec.units[unit.parent].priority >= unit.priority and rank.get(unit.parent, TRIM_METHOD) <= rank[worst]:
            worst = unit.parent  # a group's core goes as one: never its head without its end (a figure's second
            # sentence goes alone, before the figure)
        # the part's last sentence of the library's method goes after the
        # buyer's requirements said back: a part keeps one sentence of how (r24, s23 q04 (iii) and q05: the
        # commitments kept, the method cut); a scoring gate's statement (priority 0) stays
        hows = [i for i in kept if _says_how_unit(sec.units[i])]
        if hows == [worst]:
            instead = [i for i in kept if f"block:{COMMITMENT}" in sec.units[i].refs and sec.units[i].priority > 0]
            if instead:
                worst = max(instead, key=lambda i: (sec.units[i].priority, i))
        _drop_with_followers(sec, worst, "budget")
    if not sec.kept_units():
        _keep_one_that_fits(sec, budget)


def _says_how_unit(unit: Unit) -> bool:
    """A head sentence of the library's own method, never a buyer template's (its partner paragraph kept over the
    buyer's TUPE and pensions requirement in s23 q10) nor the buyer's requirement said back."""
    return unit.parent is None and any(r.startswith("block:") and not r.startswith("block:buyer-") for r in unit.refs)


def _procedure_filler(unit: Unit) -> bool:
    """A sentence of the buyer's timescale template that says how we hold to a timescale (who writes it into the
    procedure, who checks it), not the timescale itself: generic, the same for every standard."""
    return "block:buyer-standard-timescale" in unit.refs and not unit.text.startswith((_ASKS_FOR, "We will "))


def _best_whole_unit(sec: Section, most: int, *, kept: bool = True) -> int | None:
    """The unit a part keeps when it can keep one sentence of at most ``most`` words: a whole sentence (not a group's
    continuation), kept now (when ``kept``) or left out only for room, method text first (a part must say what we
    do), then the shortest. None when none is that short."""
    fits = [i for i, u in enumerate(sec.units) if u.parent is None and u.words <= most
            and ((kept and u.kept) or (not u.kept and u.why in _CUT_FOR_ROOM))]
    if not fits:
        return None
    return min(fits, key=lambda i: (not any(r.startswith("block:") for r in sec.units[i].refs), sec.units[i].words, i))


def _keep_one_that_fits(sec: Section, budget: int) -> None:
    """When what a part keeps does not fit its budget (nothing, or one sentence over it): keep instead the shortest
    whole sentence that does fit (often the 'what it means' line), method text first (a part must say what we do).
    Nothing changes when no sentence fits."""
    kept = sec.kept_units()
    if kept and sum(u.words for u in kept) <= budget:
        return
    best = _best_whole_unit(sec, budget)
    if best is None:
        return
    for i, u in enumerate(sec.units):
        if u.kept and i != best:
            sec.drop(i, "budget")
    sec.units[best].kept, sec.units[best].why = True, ""


def _total(sections: list[Section]) -> int:
    return sum(s.words() for s in sections)


def _fit_answer(sections: list[Section], room: int) -> None:
    """Cut the parts sharing one limit until together they fit ``room`` words (issue 12 item 4, session 34).

    Each part's budget is its share of the limit by sub-point and weighting, and a part over its share is cut first;
    the room a part does not use is the others': nothing is cut once the answer fits (s33 q03 dropped a method block
    while it used 436 of 1,000 words). Across the parts the trim order holds (:data:`TRIM_METHOD`): of the parts over
    their share, the one whose least valued sentence is lowest in it loses that sentence (or its shorter wording is
    used), then the fuller part (its words over its budget); a 'what it means' line or a generic line goes before a
    method sentence of a part over its share even in a part within it. A part's last sentence is left to the limit's
    own trim (:func:`_enforce_limit`), which takes it only after every other part is down to its last."""
    for part in dict.fromkeys(s.point.part for s in sections if s.point.part_limit):
        # a buyer's part held to its own limit ('12.1 ... Maximum 3,000 characters') is the limit its headings
        # share: the room one leaves is the others' in that part (s33 q12: 12.1's lived experience part was cut to
        # its share while the part beside it, a gap, used 36 of its 209 words)
        mine = [s for s in sections if s.point.part == part]
        _fit_within(mine, _part_room(sections, mine[0].point) + _total(mine))
    _fit_within(sections, room)


def _fit_within(sections: list[Section], room: int) -> None:
    """:func:`_fit_answer` for the parts sharing ``room`` words."""
    spent: set[int] = set()
    while _total(sections) > room:
        best = None
        for si, sec in enumerate(sections):
            kept = [i for i, u in enumerate(sec.units) if u.kept]
            if si in spent or not kept:
                continue
            over = sec.words() > sec.point.budget
            if len(kept) == 1:
                # a part down to one sentence is never emptied here (the limit's own trim takes a part's last
                # sentence only when every part is down to its last): one over its share is swapped for a shorter
                # whole sentence of its own that fits the share, if it has one
                if over:
                    _keep_one_that_fits(sec, sec.point.budget)
                spent.add(si)
                continue
            means = _means_unit(sec)
            ranked = [(_trim_rank(sec, i, means), sec.units[i].priority, i) for i in kept]
            low = min(r for r, _, _ in ranked)
            if not over and low > TRIM_MEANS:
                continue  # within its share: only its generic and 'what it means' lines go for another part's room
            if low >= TRIM_NEVER:
                continue
            if not over:
                i = max((p, i) for r, p, i in ranked if r == low)[1]
                key = (-low, sec.units[i].priority, 0.0, si)
            else:
                key = (-low, max(p for r, p, _ in ranked if r == low),
                       sec.words() / max(sec.point.budget, 1), si)
                i = -1
            if best is None or key > best[0]:
                best = (key, si, i)
        if best is None:
            return
        _, si, i = best
        sec = sections[si]
        before = sec.words()
        state = [(u.kept, u.why, u.text, u.short, u.full) for u in sec.units]
        if i >= 0:
            _drop_with_followers(sec, i, "budget")
        else:
            _fit_section(sec, before - 1)  # one step of the part's own trim (a shorter wording, or a sentence)
        if not sec.kept_units():  # the step took the part's one group whole: undone, the limit's trim decides
            for u, (kept_, why, text, short, full) in zip(sec.units, state):
                u.kept, u.why, u.text, u.short, u.full = kept_, why, text, short, full
        if sec.words() >= before:
            spent.add(si)  # nothing more this part can give


def _refill(sections: list[Section], limit: int) -> None:
    """Give words left over back, most important first.

    Within each priority, shortened units get their full wording back first,
    then dropped units return, taking turns across the sub-points.
    """
    for _ in range(3):
        spare = limit - _total(sections)
        if spare <= 0:
            return
        candidates = []
        for si, sec in enumerate(sections):
            nth = 0
            for ui, u in enumerate(sec.units):
                if u.kept and u.full:
                    # a figure's long wording (its SPC detail) comes back after the method text
                    later = 3 if any(r.startswith("ind:") for r in u.refs) else u.priority
                    candidates.append((-_trim_rank(sec, ui), later, 0, False, nth, si, ui))
                    nth += 1
                elif not u.kept and u.why in ("budget", "method share"):
                    # what comes back, in the trim order reversed: method text first (:data:`TRIM_METHOD`); the timescale
                    # template's procedure sentences come back after the method text of the part
                    candidates.append((-_trim_rank(sec, ui), u.priority, 1, _procedure_filler(u), nth, si, ui))
                    nth += 1
        changed = False
        for _, _, kind, _, _, si, ui in sorted(candidates):
            sec = sections[si]
            u = sec.units[ui]
            room = sec.point.limit - sec.words() if sec.point.limit else spare  # a part's own limit holds too
            if sec.point.part_limit:  # and the limit of the buyer's part it is in, shared with its other headings
                room = min(room, _part_room(sections, sec.point))
            if kind == 0:
                extra = count_words(u.full) - u.words
                if u.kept and u.full and extra <= min(spare, room):
                    u.lengthen()
                    spare -= extra
                    changed = True
                continue
            if u.kept or (u.parent is not None and not sec.units[u.parent].kept):
                continue
            if (lead := _leans_on(sec, ui)) is not None and not sec.units[lead].kept:
                continue  # a follow-up comes back only with the sentence it leans on
            # a unit comes back with the continuations of equal priority that complete it
            group = [u] + [c for c in sec.units if c.parent == ui and not c.kept
                           and c.why in ("budget", "method share") and c.priority <= u.priority]
            cost = sum(g.words for g in group)
            if sec.heading_kept and not sec.kept_units() and sec.heading:
                cost += count_words(sec.heading)
            if cost <= min(spare, room):
                for g in group:
                    g.kept, g.why = True, ""
                spare -= cost
                changed = True
        if not changed:
            return


def _part_room(sections: list[Section], point: SubPoint) -> int:
    """Words left in the buyer's part ``point`` is in: its own limit, less the margin, less what its sections and its
    own heading (:func:`part_heading`) hold."""
    cap = (point.part_limit or 0) - part_reserve(point.part_limit or 0)
    head = part_heading(point) if _in_parts(sections) and not any(
        _keyed_alone(s, sections) for s in sections if s.point.part == point.part) else ""
    return cap - sum(s.words() for s in sections if s.point.part == point.part) - (count_words(head) if head else 0)


def _in_parts(sections: list[Section]) -> bool:
    """The answer is written part by part under the buyer's numbering: two or more parts, each with its own limit,
    and every section in one of them."""
    return bool(sections) and all(s.point.part and s.point.part_limit for s in sections) \
        and len({s.point.part for s in sections}) >= 2


def _keyed_alone(section: Section, sections: list[Section]) -> bool:
    """``section`` is the only one of its part and keyed with the part's number ('6.1' under '**6.1** Describe ...'):
    its heading is the part's, under the buyer's numbering, and needs no other above it."""
    part = section.point.part
    return section.point.key.strip("()").lower() == part.lower() \
        and sum(1 for s in sections if s.point.part == part) == 1


def part_heading(point: SubPoint) -> str:
    """The heading of the buyer's part ``point`` is in, under the buyer's numbering: '4.1 Returning home from a
    mainland admission', 'Part 2 – Leaving hospital', '6a'. A title longer than MAX_HEADING_WORDS words is not
    kept (the part's label alone), so no heading of ours runs on; the s27 panel could not tell where 4.1 ended and
    4.2 began, nor hold each to its own limit."""
    label, title = point.part.strip(), " ".join((point.part_title or "").split())
    if title.lower().startswith(label.lower()):
        title = title[len(label):].strip(" :.–—-")
        head = point.part_title.strip() if count_words(title) <= MAX_HEADING_WORDS else label
        return head if title else label
    return f"{label} {title}" if title and count_words(title) <= MAX_HEADING_WORDS else label


def _drop_globally(sections: list[Section], why: str) -> bool:
    """Drop the least important unit left in the answer, a part's last sentence only when every part is down to its
    last; False when none is left."""
    best = None
    for si, sec in enumerate(sections):
        if sec.point.kind == "confirm" and why == "limit":
            continue  # a Pass/Fail statement is answered whole or it fails: never cut to fit (its heading may go)
        over = sec.words() - sec.point.budget
        # a part's last sentence goes after every other part's (the buyer's sub-point would vanish with its heading:
        # s18 q02 (d), spent, whose answer went from c) to e) under its character limit)
        last = sec.heading_kept and len(sec.kept_units()) == 1
        means = _means_unit(sec)
        for ui, u in enumerate(sec.units):
            if u.kept:
                # the trim order across every part sharing the limit (:data:`TRIM_METHOD`): a 'what it means' line of one
                # part goes before a method sentence of another (s31 q12)
                key = (not last, -_trim_rank(sec, ui, means), u.priority, over, ui, si)
                if best is None or key > best[0]:
                    best = (key, si, ui)
    if best is None:
        return False
    _, si, ui = best
    sec = sections[si]
    # a part's last sentence that says how goes after its commitments (r24; as in :func:`_fit_section`)
    kept = [i for i, u in enumerate(sec.units) if u.kept]
    if [i for i in kept if _says_how_unit(sec.units[i])] == [ui]:
        instead = [i for i in kept if f"block:{COMMITMENT}" in sec.units[i].refs and sec.units[i].priority > 0]
        if instead:
            ui = max(instead, key=lambda i: (sec.units[i].priority, i))
    if sec.heading_kept and len(sec.kept_units()) == 1:
        # a part's last sentence: a shorter whole sentence of the same part cut for room takes its place before the
        # part goes (test_any_question_any_limit: a 60-word share, a 55-word lead and two headings over 120 words
        # emptied part b while its 16-word sentences waited)
        best_i = _best_whole_unit(sec, sec.units[ui].words - 1, kept=False)
        if best_i is not None:
            sec.drop(ui, why)
            sec.units[best_i].kept, sec.units[best_i].why = True, ""
            return True
    sec.drop(ui, why)
    return True


_CUT_FOR_ROOM = ("budget", "limit")
"""Why a unit was left out when it was only for room (not a checker finding, not said elsewhere): such a unit may
come back in a part's last place."""


def _layout(sections: list[Section], env) -> str:
    for s in sections:  # a long name said once in full per part, then short (s20: the buyer's name five times in 12.1)
        repeats.counts_agree(s.units)  # 'starts with five risks' says how many the part keeps (s20 q12.1: four)
        repeats.apply([s.kept_units()])
    data = [{"heading": s.heading_text(), "paragraphs": s.paragraphs(), "key": s.point.key, "part_heading": "",
             "level": 2} for s in sections]
    if _in_parts(sections):  # the buyer's parts each under its own heading, the sub-points' headings below them
        seen = set()
        for row, s in zip(data, sections):
            if _keyed_alone(s, sections):
                continue  # '6.1) Making sure ...': the part's one heading carries its number already
            if s.point.part not in seen:
                seen.add(s.point.part)
                row["part_heading"] = part_heading(s.point)
            row["level"] = 3
    text = compose_env.render("tender_answer.md.j2", {"sections": data}, env=env)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n" if text else ""


PANEL_MARGIN = PART_MARGIN
"""Kept free below the buyer's limit, as a share of it (at least 3 words, 20 characters): a panel counts
with its own tool (Word's count, a portal's), and 'follow-up', '24/7', 'Q4.5' or '1)' may come out a word
more or less there than by our rule; words past the limit are not read."""


def panel_reserve(word_limit: int, title: str = "") -> int:
    """Words of the limit the answer's sections may not use: the title (a panel counts it, as it counts
    headings and table text) and the margin a part keeps below its own limit (:func:`questions.part_reserve`)."""
    return count_words(title or "") + part_reserve(word_limit)


def char_reserve(char_limit: int, title: str = "") -> int:
    """Characters of a character limit kept for the title (and the blank line after it) and the margin."""
    return (len(title) + 2 if title else 0) + max(20, math.ceil(char_limit * PANEL_MARGIN))


def part_chars(sections: list[Section], part: str, env=None) -> int:
    """Characters, spaces included, the buyer's part ``part`` comes to as laid out: its sections' text and
    headings, and the part's own heading above them when the answer is written part by part."""
    mine = [s for s in sections if s.point.part == part]
    if not mine:
        return 0
    text = _layout(mine, env).rstrip()
    if _in_parts(sections) and not any(_keyed_alone(s, sections) for s in mine):
        # under the part's heading each sub-point's heading is one level down ('### ' for '## ')
        text += "\n" * 2 + "#" * 3 + " " + part_heading(mine[0].point) + "#" * len(mine)
    return len(text)


def _titled(title: str, text: str) -> str:
    """The answer as a panel counts it: its title, then the text (headings and table text are in it)."""
    return f"# {title}\n\n{text}" if title else text


def _enforce_limit(sections: list[Section], limit: int, env, char_limit: int | None = None) -> str:
    for sec in sections:  # a part with a limit of its own ('B1 ... (100 words)') is cut to it first
        if sec.point.limit and sec.words() > sec.point.limit:
            _fit_section(sec, sec.point.limit)
            while sec.words() > sec.point.limit and len(sec.kept_units()) > 1:
                sec.drop(max(i for i, u in enumerate(sec.units) if u.kept), "limit")
    for part in dict.fromkeys(s.point.part for s in sections if s.point.part_limit):
        # a buyer's part ('Part 2: 500 words') holds its headings' words together: the least important go first
        mine = [s for s in sections if s.point.part == part]
        while _part_room(sections, mine[0].point) < 0 and _drop_globally(mine, "limit"):
            pass
    for part in dict.fromkeys(s.point.part for s in sections if s.point.part_chars):
        # a part held to characters ('Character limit: 3,000 characters including spaces' under '12.1 Social
        # value', s31 q12): its own text box holds its text and headings, whatever its words come to
        mine = [s for s in sections if s.point.part == part]
        while part_chars(sections, part, env) > (mine[0].point.part_chars or 0) - char_reserve(
                mine[0].point.part_chars or 0) and _drop_globally(mine, "limit"):
            pass
    text = _layout(sections, env)
    while count_words(text) > limit or (char_limit and len(text.rstrip()) > char_limit):
        if not _drop_globally(sections, "limit"):
            # nothing left but template text: give up on headings too
            for s in sections:
                s.heading_kept = False
            text = _layout(sections, env)
            break
        text = _layout(sections, env)
    return text


# ---------------------------------------------------------------- checking


def _locate(text: str, sections: list[Section]) -> list[tuple[int, int, int, int]]:
    """(start, end, section index, unit index) of every kept unit in the answer text.

    Units are laid out in order, so each is searched for after the last one
    found; -1 as unit index marks a heading.
    """
    spans = []
    cursor = 0
    for si, sec in enumerate(sections):
        head = sec.heading_text()
        if head:
            pos = text.find(head, cursor)
            if pos >= 0:
                spans.append((pos, pos + len(head), si, -1))
                cursor = pos + len(head)
        for ui, u in enumerate(sec.units):
            if not u.kept:
                continue
            pos = text.find(u.text, cursor)
            if pos < 0:
                continue
            spans.append((pos, pos + len(u.text), si, ui))
            cursor = pos + len(u.text)
    return spans


_REPLACEABLE = re.compile(r"^[\w%£$&'’ ,.-]{1,60}$")


# words after which a suggestion needs a noun phrase to follow ("a reduction in ...")
_NEEDS_OBJECT = {"in", "of", "to", "for", "on", "with", "from", "by", "the", "a", "an"}
# words that cannot start that noun phrase
_NOT_OBJECT = {"during", "after", "before", "while", "when", "since", "until", "in", "on", "at", "by",
               "for", "with", "from", "to", "of", "and", "or", "but", "because", "as", "than", "so"}


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,160})[\"”]|(?<![\w])['‘]([^'‘’\n]{1,120}?)['’](?![\w])")


def buyer_words(text: str, start: int, end: int, question: str) -> bool:
    """The words ``text[start:end]`` are the buyer's, not our claim to reword: inside quotation marks (a grade, a
    programme, a document: 'an "Exemplary" rating'), or copied from the question with a word beside them ('the
    Best Start in Life programme', 'Total Recovery college' when the question names them). The checker may still
    flag them; the self-check never puts its suggestion in their place (session 16, s15 panel: 'an ambition of
    "local"' where the buyer's fidelity grade "Exemplary" had been)."""
    if any(m.start() < end and start < m.end() for m in _QUOTED.finditer(text)):
        return True
    if not question:
        return False
    asked = " ".join(straight_quotes(question).split())
    match = text[start:end]
    before = re.findall(r"[\w'’-]+", text[:start])[-1:]
    after = re.findall(r"[\w'’-]+", text[end:])[:1]
    for phrase in ([*before, match], [match, *after]):
        said = " ".join(straight_quotes(" ".join(phrase)).split())
        # the buyer's case: 'Best Start' names a programme, 'the best support' is ours (the first letter either way)
        first = f"[{re.escape(said[:1].lower())}{re.escape(said[:1].upper())}]"
        if len(said.split()) >= 2 and re.search(r"(?<!\w)" + first + re.escape(said[1:]) + r"(?!\w)", asked):
            return True
    return False


def _rewrite(unit: Unit, finding, offset: int, question: str = "") -> bool:
    """Apply the finding's first suggestion inside the unit; True when done.

    A story's sentences are the words the person and the approver agreed to, so they
    are never reworded (the sentence is dropped instead); nor is a suggestion put
    where it would not read as English ("a reduction in" before "during the stay"),
    nor in place of the buyer's words (:func:`buyer_words`: quoted, or copied from ``question``).
    """
    if finding.family != "overclaim" or not finding.suggestions or unit.rewritten:
        return False
    if any(ref.startswith("story:") for ref in unit.refs) or f"block:{COMMITMENT}" in unit.refs:
        # our commitment to the buyer's requirement is never reworded by a word-swap ('We will aims to reduce the
        # crisis café open ...', s17 review 1): a sentence the checker still flags is left out, and the coverage says so
        return False
    suggestion = str(finding.suggestions[0]).strip()
    if not _REPLACEABLE.match(suggestion):  # no braces, nothing empty
        return False
    start = finding.start - offset
    end = finding.end - offset
    if start < 0 or end > len(unit.text) or unit.text[start:end] != finding.match:
        return False
    if buyer_words(unit.text, start, end, question):
        return False
    if suggestion.split()[-1].lower() in _NEEDS_OBJECT:
        following = re.match(r"\s*([\w'’-]+)", unit.text[end:])
        if following is None or following.group(1).lower() in _NOT_OBJECT:
            return False
    before = unit.text[:start].split()
    said = suggestion.split()
    for k in range(min(len(before), len(said) - 1), 0, -1):  # "We" + "we will work towards": say "We" once
        if [w.lower() for w in before[-k:]] == [w.lower() for w in said[:k]]:
            suggestion = " ".join(said[k:])
            break
    if start == 0:
        suggestion = suggestion[:1].upper() + suggestion[1:]
    unit.text = unit.text[:start] + suggestion + unit.text[end:]
    unit.rewritten = True
    return True


def must_fix(finding) -> bool:
    """Findings an assembled answer may not keep: every finding of the checker, at any severity."""
    return True


def _heading_before(heading: str, offset: int) -> str:
    """The heading cut before the words a finding covers ('... the diversity of Riverside's population' ->
    '... the diversity'), ending on a word that can end a phrase; '' when too little is left."""
    prefix = re.sub(r"^#+\s*", "", heading[:max(0, offset)]) if heading.startswith("#") else heading[:max(0, offset)]
    words = prefix.split()
    if words and not heading[:max(0, offset)].endswith((" ", "\t")):
        words = words[:-1]  # the flagged word itself
    while words and words[-1].lower().strip(",;:") in END_BAD:
        words.pop()
    if _QUANTIFIER_END.search(" ".join(words)):
        # 'At least' (s18 q07, cut before '25%'): a quantity's words without the quantity are no heading; a clause
        # that ends on one is cut off whole ('... in a city where vacancy rates ... are above': s25 q08 panel)
        words = _before_last_clause(words)
        if not words:
            return ""
    # the buyer's reference is no word of the heading: 'c) Achieving' is a cut mid-phrase, not a heading
    content = words[1:] if words and re.fullmatch(r"\(?[a-z0-9]{1,4}(?:\.[a-z0-9]{1,3})*[.)]", words[0], re.I) else words
    cut = " ".join(words).rstrip(",;:") if len(words) >= 2 and len(content) >= 2 else ""
    # what the intake's own test calls no heading is none here either: 'Making sure' (an aim cut before what it aims
    # at, s23 q05 panel), 'How the person' (a question word without its verb)
    return "" if cut and heading_fault(cut, re.sub(r"^#+\s*", "", heading)) else cut


_QUANTIFIER_END = re.compile(r"\b(?:at\s+least|at\s+most|up\s+to|no\s+(?:more|less|fewer)\s+than|more\s+than|less\s+than|"
                             r"fewer\s+than|over|under|about|around|approximately|a\s+minimum\s+of|a\s+maximum\s+of|"
                             r"above|below|exceeding|exceeds?)[\s,;:]*$", re.I)


_YOUR = re.compile(r"\b(?:(?P<your>your)|(?P<you>you)\s+(?P<modal>will|would|can|need\s+to|plan\s+to|"
                   r"(?!(?:to|and|or|as|in|on|at|for|with|from|by)\b)[a-z]+)|(?P<object>you)(?=\s+to\b))\b", re.I)
_THEIR_OPENING = re.compile(r"^(?P<wh>(?:\(?[a-z0-9]{1,4}[.)]\s+)?(?:how|what|which|who|when|where|whether)\s+"
                            r"(?:(?:[\w-]+\s+){0,3}?(?=they\s+(?:will|would|can|plan\s+to|intend\s+to)\b)|(?:[\w-]+\s+)?"
                            r"(?=their\b)))(?P<who>they|their)\b", re.I)
"""A heading whose question word's subject is the bidder in the third person ('Which system they will use', 'Who their
named Safeguarding Lead will be': s26 q07/q11 panel read them as pasted questions)."""


def in_our_voice(heading: str) -> str:
    """A heading in the buyer's words said as ours: the bidder the buyer calls 'you' is us ('Developing and supporting
    your peer support workers' -> '... our peer support workers'; 'the supervision you will give' -> 'we will give':
    s25 q08 panel). A heading the buyer mandates is never changed (the caller keeps it)."""
    objects = intake_words("you_object_after", within="heading")
    person_verbs = intake_words("they_person_verbs", within="heading")

    def ours(m: re.Match) -> str:
        before = heading[:m.start()].split()
        if m.group("object") or (m.group("you") and before and before[-1].lower() in objects):
            # 'Triggers that will lead you to increase support'; 'How people tell you what matters' (s27 review)
            return "us" + ("" if m.group("object") else m.group(0)[3:])
        word = "our" if m.group("your") else "we " + m.group("modal")
        return word[0].upper() + word[1:] if m.group(0)[0].isupper() else word

    def theirs(m: re.Match) -> str:
        after = heading[m.end():].split()
        verb = after[1] if m.group("who").lower() == "they" and len(after) > 1 else ""
        if verb.lower().strip(",.;:?") in person_verbs:
            return m.group(0)  # 'What support they will receive': the person's, not ours
        return m.group("wh") + ("we" if m.group("who").lower() == "they" else "our")
    heading = _THEIR_OPENING.sub(theirs, heading)
    return _YOUR.sub(ours, heading)


def _before_last_clause(words: list[str]) -> list[str]:
    """The heading's words before the last clause that describes what comes before it ('Recruiting and keeping staff in
    a city where vacancy rates are above' -> 'Recruiting and keeping staff in a city'); [] when fewer than three
    words or a word a phrase cannot end on would be left."""
    for i in range(len(words) - 1, 2, -1):
        if words[i].lower().strip(",;:") in RELATIVE_OPENERS:
            kept = [w.rstrip(",;:") if j == i - 1 else w for j, w in enumerate(words[:i])]
            return [] if kept[-1].lower() in END_BAD else kept
    return []


def _heading_without(heading: str, flagged: str, checker) -> str:
    """The heading without the few words a finding covers, when what is left still reads as a heading and passes
    the checker ('Achieving the 70% paired score target' -> 'Achieving the paired score target'); '' otherwise.
    s18 q09: the cut before '70%' left 'Achieving', too short, and the part lost its heading: its text ran on
    under the part before it (the s18 answer's heading had been 'How they will achieve')."""
    flagged = flagged.strip()
    start = heading.find(flagged) if flagged else -1
    if start < 0 or len(flagged.split()) > 2 or not re.search(r"\d", flagged):
        # a clause or an aim, not a figure: without it the heading says something else ('Making sure no young person
        # falls between services' would state an absolute as fact, review s8 item 9)
        return ""
    end = start + len(flagged)
    ref = _HEADING_REF.match(heading, len(heading) - len(heading.lstrip("# ")))
    if ref and start < ref.end():
        # the finding is on the buyer's reference ('4.2' read as a date): a label is never cut ('**) Planning ...'
        # in s22 q04); the buyer's words stand without it, or not at all
        rest = heading[ref.end():].strip()
        return "" if len(rest.split()) < 3 or any(must_fix(f) for f in checker.check_text(rest)) else rest
    quantity = _QUANTIFIER_END.search(heading[:start])
    if quantity:
        # 'At least 25% of frontline posts' without its figure reads 'At least of frontline posts': the quantity goes
        # whole, with its 'of', where words are left around it ('Making sure at least 85% of people discharged ...
        # are followed up within 72 hours' -> 'Making sure people discharged ...': s25 q04, the part lost its heading)
        after = re.match(r"\s+of\s+(?=\w)", heading[end:])
        if quantity.start() == len(heading) - len(heading.lstrip("# ")) or not after:
            return ""
        start, end = quantity.start(), end + after.end() - 1

    left = " ".join((heading[:start] + " " + heading[end:]).split())
    left = re.sub(r"\s+([,;:.])", r"\1", left).strip(" ,;:")
    words = re.sub(r"^#+\s*", "", left).split()
    if len(words) < 3 or words[-1].lower().strip(",;:") in END_BAD:
        return ""
    return "" if any(must_fix(f) for f in checker.check_text(left)) else left


_HEADING_REF = re.compile(r"\(?[a-z0-9]{1,4}(?:\.[a-z0-9]{1,3})*[.)]\s+", re.I)
"""A heading's leading reference, the buyer's label for the part ('4.2) ', 'b) ', '(ii) ', 'B3) ')."""


def _heading_reference(heading: str, checker) -> str:
    """The buyer's reference alone ('b)') when a finding covers the opening words of a heading ('b) Making
    sure no young person falls between services'); '' when the heading has none. The rest of the buyer's
    words are not kept: without the aim that opened them ('Making sure', 'Ensuring') they state an absolute
    as fact ('No young person falls between services'), which the checker does not catch."""
    key = _HEADING_REF.match(heading)
    out = key.group(0).strip() if key else ""
    return "" if out and any(must_fix(f) for f in checker.check_text(out)) else out


def _checked_title(title: str, checker, edits: list[Edit]) -> str:
    """The answer's title (the buyer's reference and title) as the checker passes it: when the buyer's
    words carry a finding ('Annex B' read as a name), the reference alone, else no title of ours."""
    found = [f for f in checker.check_text(title) if must_fix(f)] if title else []
    if not found:
        return title
    ref = title_reference(title)
    shorter = ref if ref and not any(must_fix(f) for f in checker.check_text(ref)) else ""
    edits.append(Edit("title", title, "rewritten" if shorter else "dropped", found[0].rule, shorter))
    return shorter


def _check_round(text: str, sections: list[Section], checker, edits: list[Edit], question: str = "") -> list:
    """Fix the findings ``must_fix`` selects; return them. The buyer's words (``question``) are never reworded."""
    errors = [f for f in checker.check_text(text) if must_fix(f)]
    if not errors:
        return []
    spans = _locate(text, sections)
    handled: set[tuple[int, int]] = set()
    for f in sorted(errors, key=lambda f: -f.start):
        hits = [s for s in spans if s[0] < max(f.end, f.start + 1) and f.start < s[1]]
        for start, _end, si, ui in hits:
            sec = sections[si]
            if ui == -1:
                if (si, ui) in handled:
                    continue  # a second finding on the same words ('70%': unsupported figure and change) is fixed already
                handled.add((si, ui))
                # the buyer's words carry a finding: the heading is cut before them, else to its reference, else dropped
                # a Pass/Fail statement's row keeps the buyer's reference whole ('A4.'), never a cut ('A4. We')
                shorter = (_heading_before(sec.heading or "", f.start - start) or _heading_without(
                    sec.heading or "", text[f.start:f.end], checker) if sec.point.kind != "confirm" else "") \
                    or _heading_reference(sec.heading or "", checker)
                edits.append(Edit(sec.point.key, sec.heading or "", "rewritten" if shorter else "dropped", f.rule,
                                  shorter))
                if shorter:
                    sec.heading = shorter
                else:
                    sec.heading_kept = False
                continue
            if (si, ui) in handled:
                continue
            unit = sec.units[ui]
            original = unit.text
            if len(hits) == 1 and _rewrite(unit, f, start, question):
                edits.append(Edit(sec.point.key, original, "rewritten", f.rule, unit.text))
            else:
                sec.drop(ui, f"checker: {f.rule}")
                edits.append(Edit(sec.point.key, original, "dropped", f.rule))
            handled.add((si, ui))
        if not hits:
            # a finding in text the template added around the units: drop the nearest unit
            near = min(spans, key=lambda s: abs(s[0] - f.start), default=None)
            if near is not None and near[3] >= 0:
                sec = sections[near[2]]
                edits.append(Edit(sec.point.key, sec.units[near[3]].text, "dropped", f.rule))
                sec.drop(near[3], f"checker: {f.rule}")
    return errors


# ---------------------------------------------------------------- the assembler


def assemble_tender(db: Database, question: str, word_limit: int | None = None, **kwargs) -> TenderAnswer:
    """Plan, gather, render, trim and check an answer to ``question`` (:func:`_assemble_tender`), with the blocks
    written for another buyer's tender kept out (:func:`evidencebot.compose.gapflow.buyer_scope`)."""
    with gapflow.buyer_scope(None), filters.files_checked_once():  # the word lists' files looked at once per answer
        return _assemble_tender(db, question, word_limit, **kwargs)


def _assemble_tender(
    db: Database,
    question: str,
    word_limit: int | None = None,
    *,
    period: str | object | None = None,
    compare: str | object | None = None,
    checker=None,
    check: bool = True,
    env=None,
    story: str | None = None,
    today=None,
    shared: "TenderShared | None" = None,
    pins: dict[str, str] | None = None,
    tender: dict[str, str] | None = None,
    buyer_context: str = "",
    anonymous: bool | None = None,
) -> TenderAnswer:
    """Plan, gather, render, trim and check an answer to ``question``.

    ``anonymous`` (default: when the question asks for it, :func:`anonymity.asked`): for blind evaluation, no
    provider or service name in the answer ('our organisation', 'our service') or its Word header.

    ``shared`` carries what earlier answers of the same tender used: their
    blocks are avoided where another fits, their stories, incident learning
    and service changes are not told again, and no sentence of theirs that is
    not method text (a figure sentence, a 'what it means' line) is repeated.

    Each sub-point gets its own part: the best-matching approved method
    block(s) adapted with the service profile, one or two figures (each in a
    sentence shape used once in the answer), a story only where it fits the
    sub-point (``story`` pins one to the sub-point it fits best), and what it
    means. At least half of the answer is method text.

    ``tender`` holds the tender's own facts (buyer, area, service name, contract start and
    length, incumbent or new: :mod:`evidencebot.compose.tender_profile`), stored with an
    imported tender or set by the bid team; facts the question's own text states are read
    too. They fill the blocks' placeholders over the service profile, decide which
    mobilisation blocks ('provider new' / 'provider incumbent') may be used, and a fact the
    answer needs that neither gives is left out and named in the coverage.

    The buyer's figures (:mod:`evidencebot.compose.buyer_terms`: a first-contact standard, a
    minimum workforce, the people open), read from the question and ``buyer_context`` (the rest of
    the tender's text, so that every answer of one tender reads the same figures), are set against
    the service profile: where ours falls short, no block states ours as if it met theirs, and the
    part that speaks of it says what ours is and how theirs will be met. A local thing the buyer
    names that no block names (their protocol, hub, policy, pledge) gets the approved template of
    its kind, filled with the buyer's name for it, rather than a part to write.
    """
    env = env or compose_env.make_env()
    plan = plan_question(question, word_limit)
    p = period if hasattr(period, "start") else gather.parse(db, period, default="tender")
    # the buyer's facts (hours, timescales, targets, the required measure, versions, contract dates, its timetable)
    # from the whole tender: a fact in Q1's background holds for Q3's answer (s18)
    held_facts = buyer_facts.read(buyer_facts.sources(question, "\n".join(
        x for x in (buyer_context or "", (tender or {}).get(buyer_terms.FACT, "")) if x)))
    due = buyer_facts.deadline(held_facts)
    if period is None and due is not None and p.end > due:
        # no figure for a period that had not ended when the bid is submitted (s18: 'Oct 2025 to Sep 2026' against a
        # notice of intention to award on 26 June 2026): the 12 months up to the last full month before it
        last = periods.add_months(due.year, due.month, -1)
        p = periods.range_period(periods.add_months(*last, -11), last)
    if compare is None:
        c = p.previous()
    else:
        c = compare if hasattr(compare, "start") else gather.parse(db, compare)
    evidence = _Evidence(db, plan, p, c)
    shared = shared if shared is not None else TenderShared()
    evidence.used_stories |= shared.stories
    evidence.used_incidents |= shared.incidents
    evidence.used_changes |= shared.changes
    service_profile = get_profile(db)
    given = {k: f.value for k, f in tender_profile.facts_for(question, service_profile, tender, drafting=True,
                                                              context=buyer_context or "").items()}
    resolved = tender_profile.resolve(service_profile, given)
    unstated = given.get("commissioner") == tender_profile.UNSTATED_BUYER
    draft_buyer = gapflow.draft_buyer(resolved.profile.get("commissioner"))
    gapflow.set_scope(draft_buyer)  # a block written for another buyer's tender is not used
    # a buyer the question does not name is named as the question words it ('the ICB'), or plainly
    worded = tender_profile.buyer_as_worded(f"{question}\n{buyer_context or ''}") if unstated else None
    buyer_text = "\n".join([question, buyer_context or "", (tender or {}).get(buyer_terms.FACT, "")])
    figures = buyer_terms.read_figures(buyer_text)
    routine = buyer_standards.routine_contact(buyer_text)
    if routine and not any(f.what == "first_contact" for f in figures):
        # 'contact within 4 hours for urgent referrals and 5 working days for routine referrals'
        figures.append(buyer_terms.BuyerFigure("first_contact", routine[1], routine[0], routine[2]))
    comparisons = buyer_terms.compare(figures, resolved.profile)
    fill_profile = buyer_terms.adapt_profile(resolved.profile, comparisons, figures)
    # the buyer's caseload cap, people open, staff, localities and discharge contact over our current service's:
    # never our profile's figure stated as the tender's (issue 12; s11 panel, contradictions 1-4)
    quantities = buyer_scale.read(buyer_text)
    # the buyer's minimum for each role ('8.0 WTE Peer Support Workers', 'a dedicated Carers Lead') is met by the
    # establishment every answer of the tender states, with one sentence on where ours differs (s20 q08, B2-B4)
    role_minimums = buyer_scale.role_minimums(buyer_text)
    # where the buyer sets its establishment role by role, the answer speaks in its roles (session 35, s34 panel FIRM
    # throughout): our role as the buyer's title of its kind; one the buyer has none of named to the writer; our
    # locality structure's words only to a buyer with localities of its own
    buyer_localities = buyer_scale.locality_names(buyer_text)
    has_localities = bool(buyer_localities) or any(q.kind == "localities" for q in quantities) \
        or not resolved.other_buyer
    role_map = buyer_scale.role_map(buyer_scale.staffing(buyer_text), service_profile, localities=has_localities)
    rota = buyer_scale.rota_rules(buyer_text)
    # a role of ours is not said to be for a service the buyer puts with another lot ('housing and money adviser ...,
    # for housing, benefits and debt advice' to a Lot 2 that 'does not deliver' debt advice; session 37)
    fill_profile = _scoped_purposes(fill_profile, buyer_text)
    fill_profile, scaled = buyer_scale.adapt(fill_profile, quantities, other_buyer=resolved.other_buyer,
                                             localities=buyer_localities,
                                             current=_scoped_purposes(service_profile, buyer_text),
                                             minimums=role_minimums, subsets=buyer_scale.role_subsets(buyer_text),
                                             roles=role_map)
    team_differs = fill_profile.pop(buyer_scale.DIFFERS, "")
    # the blocks fill with the buyer's hours and measure, and no sentence of ours says otherwise (s18)
    fill_profile = buyer_facts.adapt_profile(fill_profile, held_facts)
    fill_profile = _with_local_facts(fill_profile, buyer_text)
    if worded:
        fill_profile["commissioner"] = worded
    # Pass/Fail and yes/no statements are answered from the organisation's declarations, never with method text:
    # the blocks, the buyer's templates and standards go to the scored sub-points only
    full_plan, plan = plan, _scored_plan(plan)
    # a part whose ask a writer answered in an earlier draft (a gap saved as a block and approved) takes that block
    pins = gapflow.asked_pins(db, plan, draft_buyer, pins, today=today)
    methods = choose_methods(db, plan, today=today, avoid_blocks=shared.blocks, pins=pins, profile=fill_profile,
                             fill=True, buyer_text=buyer_text)
    for m in methods.values():
        # a sentence for one kind of place ('In rural areas workers plan visits by area') is said only to a buyer whose
        # text speaks of such places (s22 panel: said to a metropolitan borough)
        _drop_units(m, lambda u: bool(place_kind_unsaid(u["text"], buyer_text)
                                      or settings.sentence_unnamed(u["text"], buyer_text)))
    if resolved.other_buyer:
        # to another buyer, what is left of our current service's size is said as our current practice, not as
        # this contract's
        frame = buyer_scale.current_framer(service_profile, fill_profile)
        for m in methods.values():
            for u in m.units:
                u["text"] = frame(u["text"])
    if resolved.other_buyer:
        # before award nothing is agreed with a buyer we do not yet work for (s23 A20/B22)
        _not_yet_agreed(methods, fill_profile.get("commissioner") or "")
    _buyer_measures_only(methods, buyer_facts.buyer_measures(buyer_text))
    # the provider handing over: never a partner here; nor one this question names only in the handover (s21 q10:
    # 'TUPE transfer of staff from ... Eastfold Housing Trust', a housing partner in Q4, got a referral paragraph)
    reqs = _without_outgoing(read_requirements(question, known=_parties(service_profile, given)),
                             held_facts + buyer_facts.outgoing_facts(question))
    listed = library.list_blocks(db, status="approved", today=today)
    pattern_blocks = patterns.approved(listed)  # filled only with the buyer's named elements (_pattern_sentences)
    approved_now = settings.fitting([b for b in patterns.ordinary(listed) if b.approved],
                                    buyer_text, keep=(pins or {}).values())
    # a block that will say the buyer's local fact ('Saltmarsh Homes' for 'the housing associations in the area') names it
    local_profile = _with_local_facts(resolved.profile, buyer_text)  # read once: the buyer's text is the same for each
    library_text = [_block_text(b, local_profile) for b in fits_provider(approved_now, resolved.profile)]
    # no approved block names it; a thing the buyer calls its own ('the ICB's Mobilisation Board') is not named by
    # a block about ours of the same kind ('our monthly mobilisation board')
    unnamed = [r for r in reqs if buyer_terms.owned_by_buyer(r.name, r.sentence)
               or not any(mentions(r, t) for t in library_text)]
    # one set of facts for the bid: a named local thing an approved block already speaks of as ours ('the local
    # IPS service') is answered by that block under the buyer's name, never planned as new by a template
    local_words = tender_profile.key_words(" ".join(resolved.profile.get(k) or "" for k in ("commissioner", "area"))) \
        | buyer_terms.place_words(buyer_text) | buyer_terms.proper_words(buyer_text)
    covered = _named_by_library(plan, methods, reqs, unnamed, fits_provider(approved_now, resolved.profile),
                                fill_profile, local_words, told=shared.blocks)
    unnamed = [r for r in unnamed if r not in covered]
    # a figure another question of the tender states belongs to that question's answer (one set of facts:
    # the plan is written once, where the buyer asks for it), not to the first part here that speaks of staff
    own, others = " ".join(question.split()), " ".join((buyer_context or "").split())
    elsewhere = {c.what for c in comparisons if " ".join(c.sentence.split()) not in own
                 and " ".join(c.sentence.split()) in others}
    buyer_blocks = buyer_terms.templates(today)  # read once per answer: placed, standing, named and commitments
    # the buyer's names for things our blocks speak of generically, from the whole tender (another question may
    # name what this answer's blocks speak of): one name for one thing in every answer
    kinds = [(r, buyer_terms.local_kind(r.name, r.sentence, local_words)) for r in reqs + (
        _without_outgoing(read_requirements(buyer_context, known=_parties(service_profile, given)), held_facts)
        if buyer_context else []) if r.kind == "name"]
    tender_names = [r.name for r, kind in kinds if kind]
    placed = _buyer_templates(plan, methods, reqs, unnamed, [c for c in comparisons if c.what not in elsewhere], figures,
                              buyer_blocks, fill_profile, resolved.profile, told=shared.blocks,
                              buyer_text=buyer_text, local=local_words,
                              partners=[kind[1] for _, kind in kinds if kind and kind[0] == "partner"])
    placed.update({what: "asked elsewhere" for what in elsewhere})
    _buyer_policies_over_ours(methods, [kind[1] for _, kind in kinds if kind and kind[0] == "policy"],
                              fill_profile.get("provider") or "", local_words)
    # and a body the buyer says what it is of ('Turning Tides Recovery Partnership, the Council-commissioned drug and
    # alcohol service'): our 'the local drug and alcohol service' said by its name
    described = buyer_terms.described_as(buyer_text)
    # the buyer's own terms first: its defined 'the Trust', the services of another lot, its route for national data
    _buyer_scope(methods, buyer_text)
    other_lot = buyer_scope.other_lot(buyer_text)  # a lot the buyer procures apart: {} for none
    for m in methods.values():
        _name_generic(m.units, list(dict.fromkeys(tender_names)) + described, local_words)
    standards = buyer_standards.read(buyer_text)
    standing = _standard_templates(db, plan, methods, standards, question, buyer_blocks,
                                   dict(fill_profile, buyer=resolved.profile.get("commissioner") or worded or "the commissioner"),
                                   p, env, told=shared.blocks, context=buyer_context or "",
                                   confirmed=[pt.text for pt in full_plan.points if pt.kind == "confirm"])
    _kpi_rows(plan, methods, question, buyer_blocks, approved_now)
    _mobilisation_rows(plan, methods, buyer_text, buyer_blocks, fill_profile.get("commissioner") or "", question)
    placed.update(_service_model_parts(plan, methods, question, buyer_text, buyer_blocks, fill_profile, env))
    _measures_template(plan, methods, question, buyer_blocks,
                       dict(fill_profile, buyer=resolved.profile.get("commissioner") or worded or "the commissioner"))
    # the buyer's partners, policies and systems each sub-point names: its part names each at least once (s20 panel)
    named = {pt.key: _own_names(pt, reqs, local_words) for pt in plan.points}
    asks = commitments.read(question, plan.points, named)  # the buyer's requirements per part, read once per answer
    unplaced = asks.pop(commitments.UNPLACED, [])  # no part speaks of them: listed in the coverage (s17 review 4)
    gate_said = _gate_commitments(plan, asks)
    unmet = _commitments(methods, asks, gate_said)
    _shape_thin_parts(plan, methods, fill_profile, pins or {})
    _lead_with_the_heading_group(plan, methods, fill_profile, pins or {})
    # a requirement a standard's template of this answer commits to (or writes a gap for) is not committed to twice
    # (s18): its commitment goes once it has put out our sentences that contradict it
    # a timescale read from the very sentence a commitment says back in the buyer's words is not: the commitment says
    # it as the buyer wrote it ('We will notify the Authority of every serious incident within 24 hours'), and the
    # template's restatement of the matter ('The specification asks for patient safety incidents to be reported ...')
    # goes (:func:`_one_statement_of_a_timescale`); session 22, the s21 merge
    own_words = [match_form(c.asked) for found in asks.values() for c in found]
    templated = [" ".join(x for x in (st.values.get("_asked", ""), st.time, st.text) if x) for st, _, _ in standing
                 if not (st.kind == "timescale" and _said_back(st.sentence, own_words))]
    twice = {c.text for found in asks.values() for c in found if commitments.committed_elsewhere(c, templated)
             and c.text not in gate_said}
    for m in methods.values():
        m.units = [u for u in m.units if not (u.get("block") == COMMITMENT and u["text"] in twice)]
        _one_statement_of_a_timescale(m)
    # the buyer's timescales and review intervals from the whole tender (a standard in Q1's background holds for Q3's
    # answer too: s17, crisis plans 'reviewed at least every 3 months' against our 'every six months')
    held = _hold_to_buyer(methods, question, buyer_text)
    # the buyer's caseload cap for a role holds in every sentence of ours that gives that role one (s20 q08: our '25
    # per practitioner' against its '12 per Registered Mental Health Practitioner')
    caps = next((q.roles for q in quantities if q.kind == "caseload_cap"), [])
    _hold_units(methods, held, lambda text: buyer_scale.hold_caps(text, caps))
    # one event, one timing, in every answer (s27 contradictions #6, #20, FIRM): a first contact we offer after a
    # referral, a release or a discharge is never slower than the buyer's standard for it anywhere in the tender, nor,
    # where the buyer gives none, than the fastest our approved library gives (answers drafted one file at a time then
    # still agree)
    one_timing = _one_timing(db, buyer_text)
    if one_timing:
        _hold_units(methods, held, lambda text: timings.hold(text, one_timing))
    # one step on a referral, one timing, in this answer (s32 contradictions #1, FIRM: 'We will triage every referral
    # on the same working day' beside 'A clinical lead screens each referral within two working days'): the fastest
    # the answer or the buyer gives, never the library's (a block this answer does not use commits it to nothing)
    step_timing = timings.step_fastest([u["text"] for m in methods.values() for u in m.units] + [buyer_text])
    if step_timing:
        _hold_units(methods, held, lambda text: timings.hold_steps(text, step_timing), mark=STEP_HELD)
    # a report due after a month or a quarter ends is due no later than the buyer's deadline for it (s29
    # contradictions FIRM: 'within 15 working days of the end of each quarter' against 'by the 20th day of the month
    # after the quarter ends')
    due = deadlines.standards(buyer_text)
    if due:
        _hold_units(methods, held, lambda text: deadlines.hold(text, due))
    # the buyer's dated milestones hold over our own timings of the same step (s22 q10, FIRM: 'within four weeks of
    # award we send the measures letter' against the buyer's '11 January 2027 | Measures letter sent')
    dates = buyer_mobilisation.dated(buyer_text)
    for key, m in methods.items():
        for u in m.units if dates else []:
            if u.get("block") == COMMITMENT or str(u.get("block") or "").startswith(("buyer-standard", "buyer-mobilisation")):
                # the buyer's requirement in the buyer's words holds its own timing (s22 q07: 'within 1 working day of
                # the concern' said 'by 1 March 2027', a Q10 milestone, and the checker cut it; f23); so does our
                # commitment to a buyer standard (s27 q03, FIRM: 'within 20 working days of starting with the service'
                # became 'by 12 February 2027', a mobilisation milestone's date)
                continue
            text, moved = buyer_mobilisation.hold_to_dates(u["text"], dates)
            if moved:
                u["text"] = text
                u["held"] = list(u.get("held") or []) + moved
                held.setdefault(key, []).extend(moved)
    _beside_establishment(methods, fill_profile.get("team_wte") or "", team_differs,
                          plan.points if len(role_minimums) >= 2 else None,
                          {g.key: g.statement for g in plan.gates if g.key})
    for m in methods.values():
        # the buyer's reporting standard to a board says how we report to it: the general board template goes
        said = " ".join(u["text"] for u in m.units if u.get("block") == "buyer-standard-reporting")
        board = next((u["text"] for u in m.units if u.get("block") == "buyer-board"), "")
        named = re.match(r"We will report to the (.+?) in the form", board)
        if named and named.group(1) in said:
            m.units = [u for u in m.units if u.get("block") != "buyer-board"]
            m.blocks = [b for b in m.blocks if b.block_id != "buyer-board"]
    # the buyer's policy that a standard's template already commits to (the ICB Involvement Payments Policy's rate, s13
    # q07) needs no paragraph of its own in a part that does not ask about it
    standard_text = " ".join(u["text"] for m in methods.values() for u in m.units
                             if str(u.get("block") or "").startswith("buyer-standard"))
    for key, m in methods.items():
        policy = next((re.match(r"We will (?:follow|work to) the (.+?) (?:for the life|from the first day)", u["text"]) for u in m.units
                       if u.get("block") == "buyer-policy" and u["text"].startswith("We will ")), None)
        asked_here = next((pt.text for pt in plan.points if pt.key == key), "")
        if policy and policy.group(1) in standard_text and policy.group(1) not in asked_here:
            m.units = [u for u in m.units if u.get("block") != "buyer-policy"]
            m.blocks = [b for b in m.blocks if b.block_id != "buyer-policy"]
    capped = fill_profile.get("caseload") != service_profile.get("caseload") and fill_profile.get("caseload")
    if capped and any(st.matter == "caseload_ceiling" for st, _, _ in standing):
        # the buyer's cap is committed to once, by its requirement's sentence; a block filled with it says no more
        for m in methods.values():
            _drop_units(m, lambda u: not u.get("template") and capped in u["text"])
    # the buyer's names for the group our reports go to, what they are and where its KPIs are defined, in the blocks
    # and the templates on the buyer's terms alike
    pairs = buyer_scale.swaps(quantities)
    scaled += buyer_scale.swapped(quantities, [u["text"] for m in methods.values() for u in m.units])
    for m in methods.values():
        for u in m.units:
            # the buyer's names in a grammatical frame: 'Annex C', 'section 5 of the Specification', never 'the Reference
            # the Kelderton Carers Strategy' (s16 q08) or 'the Annex C'
            u["text"] = commitments.frame_names(buyer_scale.rewrite(u["text"], pairs))
        if m.means:
            m.means["text"] = commitments.frame_names(m.means["text"])
    _means_as_aims(methods.values())
    plan = full_plan
    for point in plan.points:
        methods.setdefault(point.key, Method())
    withheld = {k for k in resolved.profile if k not in fill_profile}  # on purpose: not 'the profile lacks it'
    for m in methods.values():
        m.missing_profile = [f for f in m.missing_profile if f not in withheld]
    _standards_once(plan, methods, fill_profile)
    said_once(plan, methods)
    one_timeline(plan, methods)
    for point in plan.points:
        evidence.max_figures[point.key] = 2 if point.budget >= 150 else 1
    if story:
        evidence.pinned, evidence.pinned_point = _pin_story(db, story, plan)

    use_headings = len(plan.points) > 1 and all(pt.budget >= HEADING_MIN_WORDS for pt in plan.points
                                                if pt.kind != "confirm")
    buyer_cited = _buyer_figures_by_part(plan, question)
    named_refs = {f"block:{i}" for i in buyer_terms.named_ids(buyer_blocks)}
    sections: list[Section] = []
    shape = 0
    cited: set[str] = set()
    open_actions = _open_actions(db)
    declared = _declarations(db) if any(pt.kind == "confirm" for pt in plan.points) else {}
    library_sentences = [(b.block_id, x) for b in fits_provider(approved_now, resolved.profile)
                         for x in sentences(_fill(b.body, fill_profile)[0])] if declared is not None and any(
        pt.kind == "confirm" for pt in plan.points) else []
    for point in plan.points:
        if point.kind == "confirm":
            sections.append(_confirmation_section(point, declared, today, methods[point.key], use_headings,
                                                  library_sentences, other_lot=other_lot))
            continue
        ev = evidence.for_point(point, logs=not methods[point.key].units)
        # a figure whose measure states a longer timescale than the buyer's ('referred by the next working day'
        # beside 'reported on the same working day') is not set beside it
        ev["indicators"] = [r for r in ev["indicators"] if not any(
            buyer_standards.weaker(r.title, st) for st in standards if st.kind == "timescale")]
        if ev.get("story") and any(_contradicts(t, open_actions) for t in _split_sentences(
                " ".join(str(ev["story"].get(k) or "") for k in ("context", "support_approach", "delivery", "evidence")))):
            ev["story"] = None  # the story tells as practice an action the incident log still has open
        shapes = {}
        kept = []
        for r in ev["indicators"]:
            if r.id in cited:
                continue  # each figure is said once in an answer
            cited.add(r.id)
            if shape >= FIGURE_SHAPES:
                break  # every figure sentence shape is used once: no more figures
            shapes[r.id] = shape
            shape += 1
            kept.append(r)
        ev["indicators"] = kept
        topics = plan.topic_list(point)
        chosen = methods[point.key]
        # a part with no method block that answers it gets the marked placeholder alone, never a
        # loosely related sentence in its place
        lead = ""
        context = dict(ev, point=point, write_marker=write_marker(point.label), lead=lead, period_text=evidence.period_text,
                       compare_text=evidence.compare_text, method=chosen.units, means=chosen.means,
                       shapes=shapes, notes=evidence.notes,
                       asks_example=asks_example(point.text) or (bool(story) and point.key == evidence.pinned_point),
                       system=any(t.system for t in topics) and any(
                           r.id.split(".")[0] in {"readmission_30d", "crisis_rate", "repeat_crisis"}
                           for r in ev["indicators"]))
        units = parse_units(compose_env.render("tender_point.md.j2", context, env=env))
        drafted = _drafted_units(point, units, chosen, asks.get(point.key, []), fill_profile)
        # a part naming several of the buyer's partners keeps a sentence for each before its closing line and the
        # buyer's figure (s10 q05: the figure and 'what it means' pushed out the Trust's Physical Health Team)
        named_units = [u for u in units if any(r in named_refs for r in u.refs)]
        crowded = len(named_units) >= 2
        if crowded and chosen.means:
            for u in units:
                if u.text.rstrip(".") == chosen.means["text"].rstrip(".") and u not in named_units:
                    u.priority = 3
        if point.key in buyer_cited and any(r.startswith("block:") for u in units for r in u.refs):
            # the buyer's own figure for what the part addresses, said as the buyer's, before our method
            for u in units:
                u.parent = u.parent + 1 if u.parent is not None else None
            units.insert(0, Unit(text=buyer_cited[point.key], priority=2 if crowded else 1, refs=["buyer:figure"],
                                 paragraph=0))
        wanted = _named_here(point, plan, reqs)
        for u in units:  # a method sentence that names what the buyer asks for is the last to be trimmed
            if wanted and u.priority > 1 and any(r.startswith("block:") and not r.startswith("block:buyer-locality")
                                                 for r in u.refs) \
                    and any(mentions(r, u.text) for r in wanted):
                u.priority = 1
        # the buyer's mandated heading stands word for word, without our numbering in front of it
        label = point.label if point.mandated else in_our_voice(point.label)
        heading = f"{point.key}) {label}" if not point.key.startswith("p") and not point.mandated else label
        # the heading printed is the short one (at most ten words: SubPoint.heading); the drafting goes on with the
        # label's, as before session 28, so what is placed under it does not change with it
        short = in_our_voice(point.heading) if point.heading and not point.mandated else ""
        short = f"{point.key}) {short}" if short and not point.key.startswith("p") else short
        note = "" if chosen.units else " ".join(x for x in (
            f'No approved method block in the library matches "{point.label}" yet.',
            DRAFTED_NOTE if drafted == "drafted" else ECHO_NOTE if drafted == "echo" else "",
            gap_note([r for r in _named_here(point, plan, reqs) if r in unnamed]),
            "The buyer requires here: " + "; ".join(unmet[point.key]) + "." if unmet.get(point.key) else "",
            writing_brief(db, point, used=[b.block_id for m in methods.values() for b in m.blocks])) if x)
        sections.append(Section(point=point, units=units, heading=heading,
                                heading_kept=use_headings, evidence=dict(ev, blocks=chosen), note=note,
                                short=short, short_for=heading))

    notes = attachment_notes(plan.instructions)
    if notes and sections:  # the buyer's appendix numbers, echoed as a marked note for the writer
        last = sections[-1]
        para = max((u.paragraph for u in last.units), default=0) + 1
        last.units += [Unit(text=n, priority=1, refs=["todo:attach"], paragraph=para) for n in notes]
    titles = {b.block_id: b.title for b in [*approved_now, *buyer_blocks]}
    for sec in sections:
        means = _means_unit(sec)
        for u in sec.units:
            told = u.text in shared.sentences
            if told and (u is means or not any(r.startswith("block:") for r in u.refs)):
                u.kept, u.why = False, "said in another answer"
        _refer_to_earlier(sec, shared, titles)
        for u in sec.units:  # a continuation goes with its head
            if u.parent is not None and not sec.units[u.parent].kept and u.kept:
                u.kept, u.why = False, "said in another answer"
    _said_once_in_answer(sections)
    _document_said_once(sections)
    # to another buyer whose tender states no hours, our current service's are not said as the contract's (s18: Q3's
    # answer gave ours where Q1 had set the buyer's)
    withheld_hours = fill_profile.get("hours", "") if resolved.other_buyer and not unstated and not any(
        f.kind == "hours" for f in held_facts) else ""
    held_notes = _hold_to_buyer_facts(sections, held_facts, withheld_hours,
                                      {c.sentence for c in service_model.read(question).cover} if withheld_hours else set())
    _quote_buyer_figures(sections, buyer_text)
    _buyer_age_floor(sections, buyer_text)
    # one reader of the places' roles (our base, a partner's site, the buyer's building, an outreach venue) over the old
    # one's sites: the base the buyer says we run is ours wherever it is named (s34 panel, FIRM)
    place_roles = site_roles.read(buyer_text)
    sites = places.sites_with(places.read(buyer_text), place_roles)
    _our_sites(sections, sites)
    asks_now = [(sec.point.key, f"{sec.point.label}. {sec.point.text}") for sec in sections if sec.point.kind != "confirm"]
    stem_named = named_elements.from_stem(plan.stem, asks_now)
    # the names and clock times of the question's facts a part refers to without naming them: read for its coverage
    # row only (s33: 'each partner site', 'the daily shared triage' were called covered with no site, no 10:00)
    for key, found in named_elements.from_context(question, asks_now).items():
        have = {e.text.lower() for e in stem_named.get(key, [])}
        stem_named.setdefault(key, []).extend(e for e in found if e.text.lower() not in have)
    _buyer_named_elements(sections, buyer_text, {g.commitment for g in plan.gates if g.commitment}, stem_named)
    _pattern_sentences(sections, pattern_blocks, fill_profile, sites, shared.blocks, place_roles)
    _our_base_held(sections, place_roles, buyer_text)
    _local_commitments(sections, question, buyer_text, asks_now, stem_named)
    scaled += _speak_buyer_roles(sections, role_map)
    nation, nation_cue = nations.read(buyer_text)
    nation_swaps, nation_cuts = _buyer_nation(sections, nation, buyer_text)
    if nation_cuts or any(u.why.startswith(NATION_WHY) for sec in sections for u in sec.units):
        # a sentence left out as said earlier, where the earlier one was then left out for the buyer's nation, comes
        # back (s34 q07: the think-family block's 'referred to children's services' was left out for the Children
        # Act 1989 sentence of another block, itself then left out in Scotland)
        _said_once_in_answer(sections)
        more_swaps, more_cuts = _buyer_nation(sections, nation, buyer_text)  # what came back, said to the buyer too
        nation_swaps.update(more_swaps)
        for key, cut in more_cuts.items():
            nation_cuts.setdefault(key, []).extend(cut)
    if anonymous is None:
        anonymous = anonymity.asked(f"{question}\n{buyer_context or ''}\n{(tender or {}).get(anonymity.FACT, '')}")
    ours: dict[str, str] = {}
    if anonymous:  # blind evaluation (s13 q09): our names said as 'our organisation' / 'our service', then checked
        ours = anonymity.names({**service_profile, **{k: v for k, v in resolved.profile.items() if k == "service"}},
                               organisation_name())
        ours.update(anonymity.names(service_profile))
    elif not load_settings().documents.name_provider and not anonymity.names_asked(question):
        # the answer to submit is blind by default (its header since s20): the body names our staff by their roles
        # ('The safeguarding lead, Priya Raman' in the s22 panel's answers); our organisation's name stays, as the
        # declarations of a Pass/Fail row give it ('approved by the Trust Board')
        ours = {k: v for k, v in anonymity.names(service_profile).items() if v.startswith("the ")}
    if ours:
        for sec in sections:
            for u in sec.units:
                u.text = anonymity.anonymise(u.text, ours)
                u.short = anonymity.anonymise(u.short, ours) if u.short else u.short
                u.full = anonymity.anonymise(u.full, ours) if u.full else u.full
    scored = [sec for sec in sections if sec.point.kind != "confirm"]
    # the buyer's tables given back row for row, its columns in its order, the cells we can fill filled and the rest
    # said as unknown (issue 12, session 37: s36 q09 'Table 9B not completed', q10 'Table 10A not followed milestone
    # by milestone'); a table the buyer counts takes its words off the parts' room
    tables = _buyer_tables(question, fill_profile, role_map, plan)
    table_notes: list[str] = []
    facts_checker = None
    if check and tables:
        facts_checker = buyer_facts.Checked(checker or get_checker(db, external=True), held_facts,
                                            home=_home(question))
        # a table the checker finds fault with is left out whole (never a row of the buyer's dropped): the checker
        # reads a table as one sentence, so a row's target is held against the first KPI named above it (s33 q09)
        # (round 2 kept a table whose only finding was on a cell the buyer wrote, s37 q08's "80% of completed
        # MHTRs"; the lead took that out: `check --db` on the answer still reported it, and an answer is not called
        # checked while our own checker reports anything in it. buyer_tables.buyers_own stays for a checker that
        # knows the buyer's words). The table is checked on its own, so before the parts are given their room: a
        # table left out after the trim kept its words off the parts' room, and the answer came out thin (session
        # 38: s37 q08 at d4ab0494, 592 words of 800, its MHSDS-from-month-one and paired-measure sentences trimmed
        # for a 173-word KPI table the checker then left out)
        dropped = [tm for tm in tables if any(must_fix(f) for f in facts_checker.check_text(tm[1]))]
        tables = [tm for tm in tables if tm not in dropped]
        table_notes = [f"the buyer's {tm[0].title or tm[0].kind + ' table'} is not given: the checker flags it"
                       for tm in dropped]
    reserve = panel_reserve(plan.word_limit, plan.title) + sum(count_words(md) for t, md in tables if t.counted)
    # a confirmation that counts inside the limit (it has a budget) takes its words off the parts' room, so that the
    # trim order, not the limit's last trim, decides what goes (review, session 34)
    inside = sum(sec.words() for sec in sections if sec.point.kind == "confirm" and sec.point.budget)
    _fit_answer(scored, plan.word_limit - reserve - inside)

    def limit() -> int:  # the words the layout may hold: the confirmations' own on top when outside the limit
        extra = sum(sec.words() for sec in sections if sec.point.kind == "confirm" and not sec.point.budget)
        return plan.word_limit - reserve + extra

    room = plan.word_limit - reserve - inside
    chars = plan.char_limit - char_reserve(plan.char_limit, plan.title) if plan.char_limit else None
    _refill(scored, room)
    _keep_method_half(scored)
    text = _enforce_limit(sections, limit(), env, chars)
    # the ask said back to name the buyer's partners and policies goes where the part's kept text names them all; its
    # words go back to what was trimmed, and it comes back if the trimmer then cuts the sentence that named them
    naming = {c.text: c.names for found in asks.values() for c in found if c.names}
    for _ in range(2):
        if not _names_said(scored, naming):
            break
        _refill(scored, room)
        _keep_method_half(scored)
        text = _enforce_limit(sections, limit(), env, chars)

    # the buyer's gates said as worded, once, after every rewrite of our text; and our text proofread for the errors
    # a substitution leaves (a unit said twice, a verb that no longer agrees, a count that no longer matches)
    proofread_notes = _gates_and_proofread(plan, sections)
    if _other_lot_offered(sections, other_lot) or proofread_notes:
        text = _enforce_limit(sections, limit(), env, chars)

    edits: list[Edit] = []
    remaining: list = []
    checked = False
    # a question without a title line of its own: titled by its reference and first words (s18), not 'Tender answer'
    untitled = not plan.title or plan.title == title_reference(plan.title)
    named = answer_title(question) if untitled else ""
    if check:
        # the buyer's facts are checked with the language checker: a finding the composer could not avoid is handled
        # as any other, and 'checked' includes them
        checker = facts_checker or buyer_facts.Checked(checker or get_checker(db, external=True), held_facts,
                                                       home=_home(question))
        checked = True
        for _ in range(MAX_CHECK_ROUNDS):
            if not _check_round(text, sections, checker, edits, question):
                break
            _remark_undrafted(sections)  # a drafted part the checker emptied is a gap again (checked next round)
            _refill(scored, room)  # words the checker freed go back to what was trimmed
            _said_once_in_answer(sections)  # a first copy the checker cut gives its place to the later one
            _keep_method_half(scored)
            text = _enforce_limit(sections, limit(), env, chars)
        else:
            remaining = [f for f in checker.check_text(text) if must_fix(f)]
            # last resort: drop every unit that still carries a finding
            while remaining:
                _check_round(text, sections, _Fixed(remaining), edits, question)
                before, text = text, _enforce_limit(sections, limit(), env, chars)
                remaining = [f for f in checker.check_text(text) if must_fix(f)]
                if text == before:
                    break
        plan.title = _checked_title(plan.title, checker, edits)
        if untitled:  # the question's reference and first words, checked as the buyer's title is; when the checker
            # flags the buyer's words, the first words cut shorter at a phrase boundary, else the reference alone
            named = next((t for t in dict.fromkeys([named, answer_title(question, max_words=6)])
                          if t and not any(must_fix(f) for f in checker.check_text(t))), plan.title)
        if _unconfirm_changed(sections):  # a Yes the checker reworded or cut is no Yes: say what must be confirmed
            text = _enforce_limit(sections, limit(), env, chars)
        if _names_said(scored, naming, back_only=True):  # the checker cut the sentence that named them
            text = _enforce_limit(sections, limit(), env, chars)

    # a commitments table says the targets the answer's text states for its rows (session 38, s37 q11)
    tables = _said_commitments(tables, sections, checker if check else None)
    counted_text = text if limit() == room else _layout(scored, env)
    counted_text = _with_tables(counted_text, sections, [tm for tm in tables if tm[0].counted])
    text = _with_tables(text, sections, tables)
    figures_cited = _figures(sections, evidence)
    for sec in sections:
        for u in sec.kept_units():
            shared.sentences.add(u.text)
            if shared.ref and not any(r.startswith(REFERRED) for r in u.refs):
                shared.said_in.setdefault(said_key(u.text), shared.ref)
            for ref in u.refs:
                kind, _, ident = ref.partition(":")
                if kind == "story":
                    shared.stories.add(ident)
                elif kind == "incident":
                    shared.incidents.add(ident)
                elif kind == "change":
                    shared.changes.add(int(ident) if ident.isdigit() else ident)
                elif kind == "block":
                    shared.blocks.add(ident)
    method_words, body_words = _method_words(scored)
    needed = sorted({f for sec in sections for f in sec.evidence["blocks"].missing_profile
                     if f in tender_profile.FIELDS and f not in PLAIN}
                    | ({"provider_status"} if any(m.provider_unknown for m in methods.values()) else set()),
                    key=list(tender_profile.FIELDS).index)
    listed = []
    for r in reqs:
        part = next((sec.point.label for sec in sections if mentions(r, _said_text(sec.kept_units()))), "")
        listed.append({"name": r.name, "kind": r.kind, "part": part, "in_library": r not in unnamed})
    compared = []
    asked_here = " ".join([plan.stem] + [pt.text for pt in plan.points])
    for bc in comparisons:  # not 'c': that is the comparison period, kept for TenderAnswer.compare
        where = placed.get(bc.what, "")
        if not bc.short and not buyer_terms.WHERE[bc.what].search(asked_here) and bc.sentence not in question:
            continue
        if bc.short and not where and not buyer_terms.WHERE[bc.what].search(asked_here) and bc.sentence not in question:
            continue  # another question's figure, on a subject this question does not ask about
        sec = next((x for x in sections if x.point.key == where), None)
        said = sec is not None and any(u.kept and f"block:{placed.get(bc.what + ':block')}" in u.refs for u in sec.units)
        status = "met" if not bc.short else (f"planned: in '{sec.point.label}'" if said else
                                             "planned: said in another answer of this tender" if where == "told" else
                                             "planned: in the answer to the question that states it"
                                             if where == "asked elsewhere" else
                                             "not met: not in this answer (write how it will be met)")
        compared.append({"label": bc.label, "buyer": bc.buyer, "ours": bc.ours, "status": status})
    for st, key, ours in standing:
        sec = next((x for x in sections if x.point.key == key), None)
        key_text = (st.time or st.text or st.baseline).lower()
        said = sec is not None and any(u.kept and key_text in u.text.lower() and any(
            r.startswith("block:buyer-standard") or r == f"block:{COMMITMENT}" for r in u.refs) for u in sec.units)
        differs = ours.startswith(DIFFERS)
        compared.append({"label": _STANDARD_LABEL.get(st.kind, st.kind) + (f" ({st.label})" if st.label else ""),
                         "buyer": st.text or st.baseline, "ours": ours[len(DIFFERS):] if differs else ours,
                         "status": "to confirm: ours differs (a gap in '" + (sec.point.label if sec else "") + "')"
                         if differs else f"planned: in '{sec.point.label}'" if said else "not met: not in this answer"})
    for a in scaled:  # the buyer's quantity put in place of our current service's, and why
        compared.append({"label": a.label, "buyer": a.buyer, "ours": a.ours, "status": a.action})
    rows = _coverage(sections, text)
    for row, sec in zip(rows, sections):
        said = _said_text(sec.kept_units())
        lacking = [r.name for r in reqs if mentions(r, sec.point.text) and not mentions(r, said)]
        if lacking:
            row.status += "; the buyer names " + ", ".join(lacking) + ": not in this part"
        row.status += _sites_status(said, sec.point.text, sites) if sec.point.kind != "confirm" else ""
        row.status += _roles_status(said, role_map, has_localities, rota) if sec.point.kind != "confirm" else ""
        row.status += _place_roles_status(sec.point.text, place_roles) if sec.point.kind != "confirm" else ""
        row.status += _named_status(sec, said, lacking, stem_named.get(sec.point.key, [])) \
            if sec.point.kind != "confirm" else ""
        row.status += _nation_status(sec, nation, nation_cuts.get(sec.point.key, []))
        row.status += patterns.note(sec.kept_units(), {p.block_id for p in pattern_blocks if p.block.stale})
        # 'B2 ... including crisis plans, early warning signs, ...': which block names each, and what the part leaves out
        row.status += _element_rows(sec, said, sections)
        for ours, theirs in held.get(sec.point.key, []):
            row.status += f"; the buyer's {theirs} said where our method text says {ours}: confirm it"
        if sec.point.kind != "confirm" and any(u.text.startswith("[To confirm] The buyer requires")
                                               for u in sec.kept_units()):
            row.status += "; to confirm: the buyer's requirement differs from our service profile"
    for row, sec in zip(rows, sections):
        for note in proofread_notes.get(sec.point.key, []):
            row.status += "; " + note
    if table_notes and rows:
        rows[0].status += "; " + "; ".join(table_notes)
    gate_rows = _gate_rows(plan, rows, sections)
    _partly(rows)
    if unplaced and rows:  # the buyer's requirement no part speaks of, never dropped silently (s17 review 4)
        row = next((r for r, sec in zip(rows, sections) if sec.point.kind != "confirm"), rows[0])
        row.status += "; not placed in any part, write where it is met: " + "; ".join(
            f"the buyer requires: {c.asked.strip().rstrip('.')}" for c in unplaced)
    # the sentences of the submitted text the writer confirms in the review copy, never by a marker in the text
    # (s16 panel: '[To confirm]' read in the answer): a commitment to the buyer's standard our declarations do not
    # hold, and our method text said with the buyer's timescale in place of ours
    held_texts = {u["text"]: u["held"] for m in methods.values() for u in m.units if u.get("held")}
    flagged = {u["text"]: u["confirm"] for m in methods.values() for u in m.units if u.get("confirm")}
    declared_now = _declarations(db)
    confirm_notes: list[tuple[str, str]] = _held_notes(sections, held_notes)
    for sec in sections:
        for u in sec.kept_units():
            if f"block:{COMMITMENT}" in u.refs and not commitments.declared(u.text, declared_now):
                confirm_notes.append((u.text, commitments.confirm_note(u.text)))
            elif u.text in flagged:
                confirm_notes.append((u.text, flagged[u.text]))
            elif u.text in held_texts:
                ours, theirs = held_texts[u.text][0]
                confirm_notes.append((u.text, commitments.HELD_NOTE.format(ours=ours, theirs=theirs)))
    # the establishment sized from the buyer's figures: how it was derived, on the sentence that states it (review copy)
    sized = next((a for a in scaled if a.kind == "establishment"), None)
    if sized is not None and fill_profile.get("team_wte"):
        stated = next((u.text for sec in sections for u in sec.kept_units() if fill_profile["team_wte"] in u.text), None)
        if stated:
            confirm_notes.append((stated, sized.action[:1].upper() + sized.action[1:] + "."))
    # every sentence written from a template on the buyer's terms is a commitment to confirm before submission
    buyer_ids = {b.block_id for b in buyer_blocks}
    to_sign = [{"part": sec.point.label, "template": "the buyer's figure" if ref == "buyer:figure" else ref[len("block:"):],
                    "text": u.text}
                   for sec in sections for u in sec.kept_units() for ref in u.refs[:1]
                   if ref == "buyer:figure" or ref.startswith("block:") and ref[len("block:"):] in buyer_ids - {"buyer-measures"}]
    # (the measures paragraph commits to our own reporting cycle; the buyer's KPIs it names are listed in their rows)
    # the buyer's scoring gate made as our sentence in its words ('We confirm that access to the service will not
    # depend on a diagnosis ...': s32 q05) is written on the buyer's terms too: signed off before submission
    signed = {t["text"] for t in to_sign}
    gate_said = {g.commitment for g in plan.gates if g.commitment} - signed
    to_sign += [{"part": sec.point.label, "template": "the buyer's required statement", "text": u.text}
                for sec in sections for u in sec.kept_units() if u.text in gate_said]
    # a Pass/Fail statement answered Yes from the method library is the organisation's commitment: signed off too
    to_sign += [{"part": sec.point.label, "template": "Yes to the buyer's statement (Pass/Fail)",
                     "text": " ".join(u.text for u in sec.kept_units())}
                    for sec in sections if sec.point.kind == "confirm" and any(
                        "commit:library" in u.refs for u in sec.kept_units())]
    # a library sentence whose slower time on a referral step was said with the buyer's faster one
    # (:func:`timings.hold_steps`) is on the buyer's terms too: listed with the other template commitments (s32 review)
    stepped = {u["text"] for m in methods.values() for u in m.units if u.get(STEP_HELD)} - {t["text"] for t in to_sign}
    to_sign += [{"part": sec.point.label, "template": STEP_TEMPLATE, "text": u.text}
                for sec in sections for u in sec.kept_units() if u.text in stepped]
    # a term of one nation said as the buyer's own nation's equivalent (:func:`_buyer_nation`): on the buyer's terms
    signed = {t["text"] for t in to_sign}  # (built once, not for each unit)
    to_sign += [{"part": sec.point.label, "template": f"the buyer's nation ({nation_swaps[u.text]})", "text": u.text}
                for sec in sections for u in sec.kept_units()
                if u.text in nation_swaps and u.text not in signed]
    told = [{"ref": r[len(REFERRED):], "said": list(u.told), "text": u.text}
            for sec in sections for u in sec.kept_units() for r in u.refs if r.startswith(REFERRED)]
    return TenderAnswer(
        nation=nation, nation_cue=nation_cue,
        descriptor=descriptor_coverage(question, text),
        told=told, gates=gate_rows, buyer=draft_buyer,
        buyer_held=[f"{sections[si].point.label}: {note}" for si, _, note in held_notes if not note.startswith(HOURS_NOTE)],
        named=named,
        commitments=to_sign,
        confirm_notes=confirm_notes,
        requirements=listed,
        comparisons=compared,
        pins=dict(pins or {}),
        tender=dict(tender or {}),
        tender_facts=dict(resolved.facts),
        tender_unknown=needed,
        tender_clashes=tender_profile.check_against(resolved, [("answer", text)], service_profile, buyer_text)
        + _self_contradictions(sections),
        provider="" if anonymous else service_profile.get("provider", ""),
        anonymous=bool(anonymous),
        method_words=method_words,
        body_words=body_words,
        question=question.strip(),
        plan=plan,
        period=p,
        compare=c,
        markdown=text,
        counts=counts(_titled(plan.title, counted_text)),
        coverage=rows,
        figures=figures_cited,
        sources=_sources(sections, evidence),
        edits=edits,
        findings=remaining,
        checked=checked,
        results=[evidence.results[f["id"]] for f in figures_cited],
        blocks=[b for sec in sections for b in sec.evidence["blocks"].used_ids(sec)] + _patterns_used(sections),
        stale=[b for sec in sections for b in sec.evidence["blocks"].stale if b.block_id in
               sec.evidence["blocks"].used_ids(sec)]
        + [p.block for p in pattern_blocks if p.block.stale and p.block_id in _patterns_used(sections)],
    )


def descriptor_coverage(question: str, text: str) -> list[dict]:
    """Each element of the buyer's top scoring descriptor with whether ``text`` speaks of it (:func:`_says`)."""
    return [{"element": e, "covered": _says(e, text)} for e in descriptors.elements(question)]


def _home(question: str) -> str:
    """The question's reference as :func:`buyer_facts.buyer_lines` names it ('Q9'), '' when it has none."""
    lines = buyer_facts.buyer_lines(question)
    return lines[-1][0].split()[0] if lines and lines[-1][0].startswith("Q") else ""


HOURS_NOTE = "Our current service's opening hours"
"""How :func:`_hold_to_buyer_facts`'s note on our current service's hours opens: the tender does not state them, so
it is no clash with the buyer's facts; every other note it makes is one (:attr:`TenderAnswer.buyer_held`)."""


def _hold_to_buyer_facts(sections: list[Section], facts: list, hours: str = "",
                         cover: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, Unit, str]]:
    """Each sentence of ours that the buyer's facts contradict (:func:`buyer_facts.check`: our opening hours against
    the buyer's, 'within 72 hours of discharge' against its 48, DIALOG as primary against its ReQoL-10) says the
    buyer's value instead where it reads as a drop-in, and is left out where it does not. Returns (section index,
    unit, note) for the review copy: the buyer's fact wins, and the writer is told what was changed or left out."""
    out: list[tuple[int, Unit, str]] = []
    if not facts and not hours:
        return out
    for si, sec in enumerate(sections):
        for ui, u in enumerate(sec.units):
            if not u.kept or any(r.startswith("story:") or r == "buyer:figure" for r in u.refs):
                # a story is the person's own words: never reworded; the checker drops it if it still clashes. The
                # buyer's own figure said as the buyer's is its baseline, never to be held to one of its targets (s30
                # q04: the buyer's '58% ... in 2025/26' became another question's '75%' target)
                continue
            if f"block:{COMMITMENT}" in u.refs:
                # our commitment says the buyer's requirement back in the buyer's words: another of its facts is no
                # drop-in for them (s22 q07: 'within 1 working day of the concern being identified' became 'by 1 March
                # 2027 being identified', a milestone of Q10, and the checker cut the commitment; f23)
                continue
            # ``hours``: our current service's, which this tender does not set; ``cover``: our sentences saying the
            # hours the buyer sets for its places (:mod:`service_model`), which may hold ours word for word (s27 q01)
            if hours and hours in u.text and u.text not in cover:
                bare = buyer_facts.without_hours(u.text, hours)
                note = (f"{HOURS_NOTE} ({hours}) were left out: the tender does not state the "
                        "contract's. Give the buyer's hours here if it sets them elsewhere.")
                if bare is None:
                    sec.drop(ui, "buyer: hours")
                    out.append((si, u, note))
                    continue
                u.text = bare
                u.short = buyer_facts.without_hours(u.short, hours) if u.short else u.short
                u.full = buyer_facts.without_hours(u.full, hours) if u.full else u.full
                out.append((si, u, note))
            new, clashes = buyer_facts.hold(u.text, facts)
            if not clashes:
                continue
            said = "; ".join(f"the buyer's {c.fact.value!r} for {c.fact.label} ({c.fact.where})" for c in clashes)
            ours = ", ".join(repr(c.said) for c in clashes)
            if new is None and all(c.fact.kind in buyer_facts.KEPT_WHEN_ALONE for c in clashes) and not any(
                    x.kept and x is not u and x.parent != ui for x in sec.units):
                # the part's only sentence: left out, the part would say nothing; kept, and the writer told (s32)
                out.append((si, u, f"Kept, as the part has nothing else, though it contradicts {said}: {u.text!r}. "
                                   "Write it again to the buyer's terms before submission."))
                continue
            if new is None:
                sec.drop(ui, f"buyer: {clashes[0].fact.kind}")
                out.append((si, u, f"Left out of this part, as it contradicts {said}: {u.text!r}. Write it again to "
                                   "the buyer's terms if the part needs it."))
                continue
            u.text = new
            for attr in ("short", "full"):
                other = getattr(u, attr)
                if other:
                    setattr(u, attr, buyer_facts.hold(other, facts)[0])
            if any(not c.replacement for c in clashes):
                out.append((si, u, f"A clause of this sentence that said {ours} was left out, as it contradicts {said}. "
                                   "Write it again to the buyer's terms if the part needs it."))
            elif all(c.fact.kind in buyer_facts.CUT_KINDS for c in clashes):
                out.append((si, u, f"Our method text said {ours}; what contradicts {said} was taken out. Confirm the "
                                   "sentence still says what we mean."))
            else:
                out.append((si, u, f"Our method text said {ours}; it now says {said}. Confirm that we can meet it."))
    return out


def _held_notes(sections: list[Section], held: list[tuple[int, Unit, str]]) -> list[tuple[str, str]]:
    """The notes of :func:`_hold_to_buyer_facts` anchored on a sentence of the submitted text: the changed sentence
    itself, or for one left out, the first sentence still in its part (no note when the part has none)."""
    out = []
    for si, u, note in held:
        if u.kept:
            out.append((u.text, note))
            continue
        anchor = next((x for x in sections[si].units if x.kept), None)
        if anchor is not None:
            out.append((anchor.text, note))
    return out


def _self_contradictions(sections: list[Section]) -> list:
    """The library's consistency check (:func:`consistency.check_answers`, ``corpus/library/facts.yaml``) over the
    answer's own parts: one fact stated two ways inside the answer ('fortnightly supervision' in a requirement's
    sentence and 'monthly supervision' in a block's) is a contradiction the command prints and fails on."""
    parts = [(f"'{sec.point.label}'", " ".join(u.text for u in sec.kept_units())) for sec in sections]
    return [c for c in consistency.check_answers(parts) if c.kind == "fact"]


def _scored_plan(plan: QuestionPlan) -> QuestionPlan:
    """The plan without its confirmation sub-points (the ones method text never answers)."""
    if not any(pt.kind == "confirm" for pt in plan.points):
        return plan
    return dataclasses.replace(plan, points=[pt for pt in plan.points if pt.kind != "confirm"])


def _declarations(db: Database) -> dict:
    return get_declarations(db)


def _confirmation_section(point: SubPoint, declared: dict, today, method: "Method", headings: bool,
                          library: list[tuple[str, str]] | None = None, other_lot: dict | None = None) -> Section:
    """A Pass/Fail statement's part: 'Yes.', the statement restated and its evidence, from the declarations; a
    commitment the approved method library backs, 'Yes.' and the sentence saying how we meet it (``library``:
    (block id, sentence) pairs); or the '[To confirm]' line (:mod:`confirmations`). Never 'No'. Never trimmed: a
    confirmation is whole or it fails."""
    import datetime as _dt

    day = today if isinstance(today, _dt.date) else _dt.date.fromisoformat(str(today)) if today else None
    conf = confirmations.answer(point.text, declared, day)
    refs = [f"confirm:{t}" for t in conf.topics] if conf.status == "confirmed" else ["todo:confirm"]
    if conf.status != "confirmed" and not confirmations.sign_off(point.text):
        # s13 q04 Part A: a commitment left '[To confirm]' fails the bid; it is a Yes the bid team signs off
        found = confirmations.library_commitment(point.text, library or [])
        if found and library is not None:
            library.remove(found)  # one sentence answers one statement: the next takes its own or the buyer's words
        conf = confirmations.committed(point.text, found)
        refs = ([f"block:{found[0]}"] if found else []) + ["commit:library"]
    elif conf.status != "confirmed" and other_lot and buyer_scope.confirms_none_of(point.text) == other_lot.get("lot"):
        # 'Confirm that your Lot 1 offer contains no element of the Lot 2 services' (a gate: an offer that cannot say
        # it is not evaluated; s37 q10 left it '[To confirm]'): our text is kept clear of that lot's services
        # (:func:`_buyer_scope`), so it is said, in the buyer's words; :func:`_other_lot_offered` takes it back if a
        # kept sentence of the answer offers one of them all the same
        conf = confirmations.committed(point.text, None)
        refs = [OTHER_LOT_CLEAR, "commit:library"]  # signed off before submission, as a Yes from the library is
    lines, note = list(conf.lines), ""
    if conf.status not in ("confirmed", "committed"):  # the marker in the answer; what the record lacks: the note
        lines, note = [confirm_marker(point.label)], _unmarked(conf.lines)
    units = [Unit(text=line, priority=0, refs=list(refs), paragraph=0) for line in lines]
    # the buyer's reference before the statement ('A4. We will follow ...'): the row keeps it when a finding in the
    # buyer's words takes the rest of the heading (:func:`_heading_reference`)
    ref = point.key if re.fullmatch(r"(?!p\d)[A-Za-z]{1,2}\d{1,2}(?:\.\d{1,2})*[a-z]?", point.key or "") else ""
    # in our words where the buyer's would read as a promise of an outcome ('will follow' -> 'will work to')
    label = confirmations.our_words(point.label)
    return Section(point=point, units=units, heading=f"{ref}. {label}" if ref else label, heading_kept=headings,
                   evidence={"blocks": method, "confirmation": conf}, note=note)


DRAFTED = "draft:question"
"""The reference of a sentence drafted from the sub-point's own words (:func:`commitments.drafted`)."""


def writing_brief(db: Database, point: SubPoint, *, used=()) -> str:
    """For the writer of a part no approved block answers (a Word comment in the review copy and the compliance
    sheet's note, never the answer): what the buyer asked in full, the approved blocks that came nearest by full-text
    rank (a start, or a block to adapt and approve) and the facts the part needs (who does it, when, how often, how
    we know it worked, and the buyer's own figures in the ask, each to be answered)."""
    asked = " ".join((point.text or point.label).split()).rstrip(".?")
    out = [f'The buyer asks: "{asked}".']
    try:
        near = [b for b in patterns.ordinary(library.search_blocks(db, asked, limit=6)) if b.block_id not in set(used)][:3]
    except sqlite3.OperationalError:  # a library without its full-text index names no neighbour; the note stands
        near = []
    if near:
        out.append("Nearest approved blocks (on another ask, so not placed): "
                   + "; ".join(f"{b.block_id} ({b.title})" for b in near) + ".")
    figures = list(dict.fromkeys(m.group(0) for m in _ASK_FIGURE.finditer(asked)))
    out.append("Facts needed: who does it, when and how often, with which partner, and how we will know it worked"
               + (f"; and how we meet the buyer's {', '.join(figures)}" if figures else "") + ".")
    return " ".join(out)


_ASK_FIGURE = re.compile(r"\b\d[\d,.]*(?:%|\s*(?:per\s?cent|working\s+days?|days?|hours?|weeks?|months?|years?)\b)", re.I)


DRAFTED_NOTE = ("Drafted from the question's own words and the service profile, as no approved block answers it (a method "
                "by the ask's shape, with the buyer's names: never the ask said back): the writer confirms who leads it, "
                "when and how (or replaces it) before submission.")


ECHO_NOTE = ("Nothing is drafted here: said back from the question, the paragraph would add no one who leads it, and "
             "no what, when or how beyond the buyer's own words (a panel scores a restated ask as it scores a gap). "
             "Write how we will do it: who does it, when, how often and with whom.")


def _drafted_units(point: SubPoint, units: list[Unit], chosen: "Method", found: list, profile: dict) -> str:
    """A part no approved block answers gets, in place of its '[To write: ...]' marker, a short paragraph drafted
    from its own words and the service profile (:func:`commitments.drafted`: what we will do, who leads it, when it
    is agreed and reported), marked for the writer in the part's note, never in the text (issue 12: the s15 panel
    gave 1s to answers holding placeholders). ``found``: the buyer's requirements :func:`commitments.read` found for
    the part. The marker stays when nothing can be drafted, and when the paragraph would only say the ask back: with
    no role of the team to lead it (a tender whose buyer's establishment replaces our team's) it adds no who, what,
    when or how to the buyer's words ('We will recruit and keep staff. We will bring agency use down to below 5% ...
    We will agree the detail with the ICB ...': the s15 and s16 panels scored such a restatement as they scored the
    placeholder), issue 12, session 17. 'drafted' when drafted, 'echo' when only an echo could be, else ''."""
    at = next((i for i, u in enumerate(units) if "todo:part" in u.refs), None)
    if chosen.units or at is None:
        return ""
    lines = commitments.drafted(point.text, point.label, profile, found=found)
    if not lines:
        return ""
    if not commitments.lead_role(f"{point.label} {point.text}", profile) and not commitments.shaped(
            point.text, point.label, profile)[1]:
        return "echo"  # the marker stays; the note says what to write
    para = units[at].paragraph
    # the later sentences lean on the first ('... will lead this'): they go when it goes
    made = [Unit(text=t, priority=1 if n == 0 else 2, refs=[DRAFTED], paragraph=para, parent=None if n == 0 else at)
            for n, t in enumerate(lines)]
    units[at:at + 1] = made
    for u in units[at + len(made):]:  # indexes of continuations after the marker move on
        if u.parent is not None and u.parent > at:
            u.parent += len(made) - 1
    return "drafted"


def _remark_undrafted(sections: list[Section]) -> bool:
    """A part drafted from the question whose drafted sentences the checker cut (a buyer's figure it cannot source)
    holds its '[To write: ...]' marker again, so that no part is an empty heading or a lone figure. True when any."""
    changed = False
    for sec in sections:
        # a part's own '[To write: ...]' marker the checker cut (it said the buyer's figure) is a marker again too
        drafted = [u for u in sec.units if DRAFTED in u.refs or ("todo:part" in u.refs and u.why.startswith("checker"))]
        if not drafted or any(u.kept for u in drafted) or any(
                u.kept and any(r.startswith("block:") for r in u.refs) for u in sec.units):
            continue
        # in the heading's words as the checker left them (a buyer's figure it cannot source is not said again)
        # a heading cut to its key ('d)') names no part: 'part d' (review s16 finding 4: '[To write: d)]')
        label = re.sub(r"^(?:[\w.]{1,6}\)|[A-Za-z]{0,2}\d[\d.]*[a-z]?\.)\s*", "", sec.heading or "").strip() \
            if sec.heading_kept else ""
        # (a heading the checker dropped may hold what it flagged: the part's key, never its words)
        if not label or any(u.text == write_marker(label) for u in drafted):
            label = "this part" if re.fullmatch(r"p\d+", sec.point.key) else f"part {sec.point.key}"
        sec.units.insert(0, Unit(text=write_marker(label), priority=1, refs=["todo:part"],
                                 paragraph=drafted[0].paragraph))
        for u in sec.units[1:]:
            if u.parent is not None:
                u.parent += 1
        sec.note = sec.note.replace(" " + DRAFTED_NOTE, "")
        changed = True
    return changed


REFERRED = "told:"
"""The reference of a sentence that points to an earlier answer of the tender ('told:<question reference>')."""
REFER_MIN_WORDS = 8
"""A block's sentence this long or longer, said in an earlier answer of the tender, is referred to, not pasted."""


_REFERABLE_TEMPLATES = {"buyer-measures"}
"""Templates on the buyer's terms whose title says the method they hold (how we measure, report and act), so that a
later answer may refer to it; the others' titles say only what the buyer named ('a policy the buyer names')."""


def _title_as_said() -> set[str]:
    """The first words with which a block title is said as it stands after 'sets out' ('the innovation we would
    introduce', 'how staff identify ...'); any other title is said after 'our approach to'
    (``reference_title_starts`` in phrasebank/commitments.yaml)."""
    return {str(w).lower() for w in load_phrasebank(commitments.PHRASEBANK).get("reference_title_starts") or []}


def said_key(text: str) -> str:
    """A sentence as compared across the answers of one tender: lower-case words and figures only."""
    return " ".join(re.findall(r"[a-z0-9%]+", text.lower()))


def answer_name(ref: str) -> str:
    """How an answer of the same bid is named in another: 'Q1.2' and 'QUESTION 1.2' as 'question 1.2', 'SV1' as
    'question SV1'. The 'q' goes only from a reference that is 'q' and a number ('q01-crisis-escalation', a file's
    name, is not made '01-crisis-escalation': review s17 finding 6)."""
    ref = " ".join(ref.split()).rstrip(".:")
    bare = re.sub(r"(?i)^(?:question\s*|q\.?\s*(?=\d+(?:\.\d+)*[a-z]?$))", "", ref)
    return f"question {bare or ref}"


def _file_named(ref: str) -> bool:
    """A question reference that is our file's name, not the buyer's number ('q01-crisis-escalation' from
    q01-crisis-escalation.md): words joined by hyphens or underscores."""
    return bool(re.search(r"[-_][A-Za-z]{2,}", ref))


def answer_phrase(ref: str, title: str = "") -> str:
    """How a later answer names an earlier one: by the buyer's reference ('our answer to question 3.1'), or, for a
    question imported from a file whose name is its only reference, by what it is about ('our answer on reducing
    crisis escalation': its title, else the file name's words)."""
    if not _file_named(ref):
        return f"our answer to {answer_name(ref)}"
    about = " ".join(title.split()).rstrip(".:") or " ".join(
        re.sub(r"(?i)^q?\d+(?:\.\d+)*[-_ ]*", "", ref).replace("_", " ").replace("-", " ").split())
    return f"our answer on {in_sentence(about)}" if about else f"our answer to {answer_name(ref)}"


def _lower_case_words() -> set[str]:
    """Words the library writes in lower case inside its sentences (block bodies): a title's first word among them is
    a common word ('Clinical', 'Measuring'), any other a name ('Oliver', 'Caldicott')."""

    def build(_path, data: dict) -> set[str]:
        out: set[str] = set()
        for b in data.get("blocks") or []:
            # the bodies and the titles after their first word, without placeholders ('{caldicott_guardian}')
            said = re.sub(r"\{[^}]*\}", " ", " ".join([str(b.get("body", "")), *map(str, b.get("tags") or []),
                                                       *str(b.get("title", "")).split()[1:]]))
            out.update(re.findall(r"(?<![\w'{_-])[a-z][a-z'-]+(?![\w}])", said))
        return out

    return set().union(*(locations.read_data_yaml("corpus", f"library/{name}", build) or set() for name in library_files()))


def in_sentence(title: str) -> str:
    """A block or question title as said inside a sentence: its first word lower-cased only when it is a common word
    the library writes in lower case ('Clinical and managerial supervision' -> 'clinical and ...'); a name keeps the
    title's own capitals ('Oliver McGowan Mandatory Training ...', 'Making Safeguarding Personal', 'Caldicott
    guardian ...', 'DIALOG ...'): review s17 finding 6."""
    words = title.split()
    if not words:
        return title
    first = words[0].rstrip(",;:")
    if first.lower() in _title_as_said():  # 'The Mental Capacity Act ...', 'A safe service for women'
        return first[:1].lower() + title[1:]
    second = words[1].rstrip(",;:") if len(words) > 1 else ""
    if first[1:] != first[1:].lower() or (second[:1].isupper() and not second.isupper()):
        return title  # 'DIALOG', 'McGowan'; a name of several capitalised words ('Making Safeguarding Personal')
    if first.lower() not in _lower_case_words() and not re.fullmatch(r"[A-Z][a-z]{2,}ing", first):
        return title  # a name the library never writes in lower case ('Caldicott guardian ...'); not 'Measuring'
    return first[:1].lower() + title[len(first[:1]):]


def _refer_to_earlier(sec: Section, shared: "TenderShared", titles: dict[str, str]) -> None:
    """A library block (or buyer template) whose sentences an earlier answer of the same tender already said is not
    pasted again: those sentences are left out and the first of them becomes one sentence naming that answer ('Our
    answer to question 3.1 sets out crisis plans written with the person, and the same applies here.'), issue 12: a
    panel reads a bid's answers together ('the paragraph on opening hours is in q01, q02 and q06'). A block none of
    whose longer sentences was said before is left alone; a sentence this answer's own text differs in is kept."""
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(sec.units):
        block = next((r[len("block:"):] for r in u.refs if r.startswith("block:")), None)
        if block is None or not u.kept or any(r.startswith(REFERRED) for r in u.refs):
            continue
        if block.startswith("buyer-") and block not in _REFERABLE_TEMPLATES:
            continue  # a template on the buyer's terms says the buyer's own thing: its title names no method
        groups.setdefault(block, []).append(i)
    for block, mine in groups.items():
        told = [i for i in mine if said_key(sec.units[i].text) in shared.said_in]
        if not any(sec.units[i].words >= REFER_MIN_WORDS for i in told):
            continue
        rest = [i for i in mine if i > told[0] and i not in told]
        if rest and told[0] == mine[0]:
            # the earlier answer said only the block's opening (its budget cut the rest): this part says it whole,
            # rather than a reference followed by sentences that lean on what it replaced ('Both are charted ...')
            continue
        # the reference stands where the block's told text began, or after this part's own sentences of it when
        # they are mixed ('To evidence X we will use A. We will report them every year ... Our answer to ...')
        anchor = told[-1] if rest else told[0]
        where = shared.said_in[said_key(sec.units[anchor].text)]
        title = " ".join((titles.get(block) or "").split()).rstrip(".")
        what = in_sentence(title) if title else ""
        if what and what.split()[0].lower() not in _title_as_said():
            what = "our approach to " + what  # 'Clinical and managerial supervision', 'Measuring whether ...'
        what = what or "how we do this"
        ref = sec.units[anchor]
        ref.told = [said_key(sec.units[i].text) for i in told]
        said = answer_phrase(where, shared.names.get(where, ""))
        ref.text = f"{said[:1].upper()}{said[1:]} sets out {what}, and the same applies here."
        ref.short = ref.full = ref.parent = None  # said on its own: it continues nothing that was left out
        ref.refs = [r for r in ref.refs if r.startswith("block:")] + [REFERRED + where]
        for i in told:
            if i != anchor:
                sec.units[i].kept, sec.units[i].why = False, "said in another answer"


NAMED_IN_PART = "named in its part"
"""Why the ask said back to name the buyer's partners and policies (:func:`commitments.naming`) left its part."""


def _names_said(sections: list[Section], naming: dict[str, list[str]], *, back_only: bool = False) -> bool:
    """Each part's sentence made to name the buyer's partners, policies and systems its sub-point names
    (``naming``: {its text: the names}) is kept only while the part's other kept sentences do not name them all (s20
    q10 (d): British Sign Language said in the adjustments block already); one left out comes back when they no
    longer do. ``back_only``: only bring back. True when any changed."""
    changed = False
    for sec in sections:
        for u in sec.units:
            names = naming.get(u.text)
            if not names or f"block:{COMMITMENT}" not in u.refs or not (u.kept or u.why == NAMED_IN_PART):
                continue
            others = " ".join(" ".join(x.text for x in sec.kept_units() if x is not u).lower().split())
            named = all(" ".join(n.split()).lower() in others for n in names)
            if u.kept and named and not back_only:
                u.kept, u.why = False, NAMED_IN_PART
                changed = True
            elif not u.kept and not named:
                u.kept, u.why = True, ""
                changed = True
    return changed


_BARE_DOCUMENT = re.compile(r"^We will (?:work to|follow) the (?P<name>.+?) (?P<version>v\d+(?:\.\d+)*)\.$")


def _document_said_once(sections: list[Section]) -> None:
    """A buyer's document committed to twice, once bare with its version ('We will work to the Council's Social Value
    Policy v3.1.') and once by the policy template ('We will work to the Council's Social Value Policy from the first
    day of the contract, and the governance board reviews ...'), is said once: the template's sentence, with the
    version (s25 q09 panel: 'Q9 repeats one sentence')."""
    kept = [u for sec in sections for u in sec.units if u.kept]
    for bare in kept:
        m = _BARE_DOCUMENT.match(bare.text)
        if not m:
            continue
        name = m.group("name")
        fuller = next((u for u in kept if u is not bare and u.kept and re.match(
            rf"We will (?:work to|follow) the {re.escape(name)} (?!v\d)", u.text)), None)
        if fuller is not None:
            fuller.text = fuller.text.replace(f"the {name} ", f"the {name} {m.group('version')} ", 1)
            bare.kept, bare.why = False, "said with the document's fuller commitment"


def _said_once_in_answer(sections: list[Section]) -> None:
    """A sentence of eight words or more is said once in an answer: a later copy (a buyer template's sentence for a
    second KPI, a block sentence under a second heading, or another library block's sentence saying it almost word for
    word, :func:`_restates`) is left out, unless it would leave its part empty or a
    sentence continuing it would stand alone (issue 12: 'the same paragraph under two sub-points of one answer').
    Run again after each checker round (review s16 finding 3): a later copy left out comes back first, so that when
    the checker cut the first copy the later one is said in its place."""
    for sec in sections:
        for u in sec.units:
            if not u.kept and u.why == "said earlier in this answer" and (u.parent is None or sec.units[u.parent].kept):
                u.kept, u.why = True, ""
    seen: set[str] = set()
    library: list[tuple[str, set[str]]] = []  # (block, long words) of each library sentence said so far
    said: list[str] = []  # every method sentence kept so far, for a later one that says it again in other words
    for sec in sections:
        if sec.point.kind == "confirm":
            continue
        for i, u in enumerate(sec.units):
            if not u.kept:
                continue
            # method text only (a figure's sentences share one frame), and never the buyer's requirement said back as
            # ours, which a block's sentence saying how we meet it may well repeat in part
            method = any(r.startswith("block:") for r in u.refs) and f"block:{COMMITMENT}" not in u.refs
            if method and any(repeats.says_again(t, u.text) for t in said):
                # the same thing said again in other words ('Every worker is briefed on the framework ...' and '... on the
                # procedure ...' under two headings; the plan and its goals each 'reviewed with the person every 12
                # weeks'): the first stays (session 21)
                alone = [c for c in sec.units if c.parent == i and c.kept]
                if not alone and len(sec.kept_units()) > 1:
                    u.kept, u.why = False, "said earlier in this answer"
                    continue
            if method:
                said.append(u.text)
            key = " ".join(re.findall(r"[a-z0-9%]+", u.text.lower()))
            if len(key.split()) < 8:
                continue
            block = next((r[len("block:"):] for r in u.refs if r.startswith("block:") and not r.startswith(
                "block:buyer-")), None)
            words = _long_words(u.text) if block else set()
            if key not in seen:
                seen.add(key)
                # two library blocks that open the same way ('From the start of the new contract DIALOG is our primary
                # patient-reported outcome measure ...' in prom-primary and outcome-measures, s16 q07: 'the paragraph
                # on DIALOG is repeated almost word for word'): the later one's sentence is said already
                again = block and any(b != block and _restates(words, w) for b, w in library)
                if block:
                    library.append((block, words))
                if not again:
                    continue
            alone = [c for c in sec.units if c.parent == i and c.kept]
            if alone or len(sec.kept_units()) <= 1:
                continue
            u.kept, u.why = False, "said earlier in this answer"


RESTATES_MIN_WORDS = 8
RESTATES_SHARE = 0.8


def _long_words(text: str) -> set[str]:
    """The words of five letters or more: what two sentences of one frame ('The X reports Y') do not share."""
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 5}


def _restates(a: set[str], b: set[str]) -> bool:
    """True when one sentence's long words are nearly all the other's (:data:`RESTATES_SHARE` of the shorter's, which
    has at least :data:`RESTATES_MIN_WORDS`): said almost word for word."""
    small = min(len(a), len(b))
    return small >= RESTATES_MIN_WORDS and len(a & b) >= RESTATES_SHARE * small


def confirm_marker(label: str) -> str:
    """What a Pass/Fail part holds until the organisation confirms it: '[To confirm: <heading>]'."""
    return f"[To confirm: {label}]"


def write_marker(label: str) -> str:
    """What a part no approved method block answers holds: '[To write: <heading>]' (tender_point.md.j2 gets it
    as ``write_marker``; the compliance sheet's note is anchored on it)."""
    return f"[To write: {label}]"


def _unmarked(lines: list[str]) -> str:
    return " ".join(x[len(confirmations.MARKER):].strip() if x.startswith(confirmations.MARKER) else x for x in lines)


OTHER_LOT_CLEAR = "commit:other-lot-clear"
"""The reference of a confirmation that our offer holds no element of another lot's services, made because the answer's
text holds none (:func:`_confirmation_section`)."""


def _other_lot_offered(sections: list[Section], other: dict) -> bool:
    """A confirmation that our offer holds none of the ``other`` lot's services becomes the '[To confirm]' line when a
    kept sentence of the answer offers one of them (:func:`buyer_scope.offers`); True when one did."""
    said = [u.text for sec in sections if sec.point.kind != "confirm" for u in sec.kept_units()]
    offered = [t for t in said if buyer_scope.offers(t, other)]
    changed = False
    for sec in sections:
        if sec.point.kind != "confirm" or not any(OTHER_LOT_CLEAR in u.refs for u in sec.units) or not offered:
            continue
        conf = sec.evidence.get("confirmation")
        if conf is not None:
            conf.status, conf.reason = "needed", f"the answer offers a {other.get('lot')} service: '{offered[0]}'"
        sec.units = [Unit(text=confirm_marker(sec.point.label), priority=0, refs=["todo:confirm"], paragraph=0)]
        sec.note = _unmarked([f"{confirmations.MARKER} \"{confirmations.statement(sec.point.text)}\": not Yes, "
                              f"because the answer offers a {other.get('lot')} service: '{offered[0]}'"])
        changed = True
    return changed


def _unconfirm_changed(sections: list[Section]) -> bool:
    """A confirmation the checker rewrote ('will work towards' for 'will') or cut is not the statement the buyer
    asked about: its part becomes the '[To confirm]' line, so that no hedged or partial Yes goes out."""
    changed = False
    for sec in sections:
        conf = sec.evidence.get("confirmation")
        if sec.point.kind != "confirm" or conf is None:
            continue
        if not any(u.rewritten or (not u.kept and u.why.startswith("checker")) for u in sec.units):
            continue
        if conf.status in ("confirmed", "committed"):
            line = (f"{confirmations.MARKER} Answer Yes or No to: \"{confirmations.statement(sec.point.text)}\". This "
                    f"draft does not say Yes because the checker changed the confirmation; confirm it in the buyer's words.")
            conf.status, conf.reason = "needed", "the checker changed the confirmation"
        else:  # the '[To confirm]' line itself was cut or reworded: the part still says what must be confirmed
            line = (f"{confirmations.MARKER} Answer Yes or No to: \"{confirmations.statement(sec.point.text)}\". This "
                    f"draft does not say Yes; {sec.note or 'the record does not confirm it'}")
        sec.units = [Unit(text=confirm_marker(sec.point.label), priority=0, refs=["todo:confirm"], paragraph=0)]
        sec.note = _unmarked([line])
        changed = True
    return changed


def _template_units(block, values: dict, *, lead: bool) -> list[dict]:
    """A buyer template's sentences as method units (a sentence with a value nobody gave is left out)."""
    body, _ = fill(block.body, values)
    units = []
    for sentence in _split_sentences(body):
        if _PLACEHOLDER.search(sentence):
            continue
        first = not units
        units.append({"text": sentence, "priority": 1 if first or (lead and len(units) == 1) else (2 if lead else 3),
                      "block": block.block_id, "cont": not first, "template": True})
    return units


TABLE_SHARE = 0.5
"""The most of the word limit the buyer's tables that count in it may take; past it they are not given (the parts
would have too little room left to answer the question)."""


def _buyer_tables(question: str, profile: dict, role_map, plan: QuestionPlan) -> list[tuple]:
    """(table, its Markdown) for each of the buyer's tables the answer gives back (:mod:`buyer_tables`): our
    establishment's WTE for the buyer's roles (the adapted profile's ``team_wte``), our roles said in the buyer's
    titles. None in a character-limited text box (a portal's box holds no table) unless the buyer keeps the table out
    of the limit, and none that count when together they would take more than :data:`TABLE_SHARE` of the limit."""
    ours = buyer_tables.establishment_roles(profile.get("team_wte") or "")

    def speak(text: str) -> str:
        return buyer_scale.speak_roles(text, role_map)[0]

    # a table of our own rows (asked for in words) takes every role of the establishment, a noted one too
    whole = buyer_tables.establishment_roles(profile.get("team_wte") or "", noted=True)
    out = [(t, buyer_tables.markdown(t, whole if t.ours else ours, speak)) for t in buyer_tables.read(question)
           if buyer_tables.given(t) and not (plan.char_limit and t.counted) and not (t.ours and not whole)]
    if sum(count_words(md) for t, md in out if t.counted) > TABLE_SHARE * (plan.word_limit or 0):
        out = [(t, md) for t, md in out if not t.counted]
    return out


def _said_commitments(tables: list[tuple], sections: list[Section], checker) -> list[tuple]:
    """``tables`` with each commitments table's target and measure cells said from the commitments the answer's kept
    text states for its rows (:func:`buyer_tables.said_from_answer`; session 38: s37 q11's table said 'To confirm with
    the commissioner before contract award' in every cell while the paragraph under it stated each year's targets). A
    stated commitment is about the row whose words, with the kept text of the part that answers that row, share the
    most of its words (none on a tie or no word shared). Rows are said one by one: a row that would make the table take
    more of a counted limit, or that the checker (``checker``, None: unchecked) would flag, stays as it was."""
    scored = [s for s in sections if s.point.kind != "confirm"]
    if not any(t.kind == "social value" for t, _ in tables):
        return tables
    said = " ".join(u.text for sec in scored for u in sec.kept_units())
    stated = buyer_tables.stated_targets(said)
    if not stated:
        return tables
    out = []
    for table, md in tables:
        if table.kind != "social value":
            out.append((table, md))
            continue
        row_words = []
        for row in table.rows:
            item = set(blockmatch.tokens(row[0] if row else "")) - HEAD_GENERIC
            part = max(scored, key=lambda sec: len(item & set(blockmatch.tokens(sec.point.text))), default=None)
            near = set(blockmatch.tokens(" ".join(u.text for u in part.kept_units()))) if part is not None and \
                item & set(blockmatch.tokens(part.point.text)) else set()
            row_words.append((item, near))

        def row_of(st, row_words=row_words):
            own = set(blockmatch.tokens(st.said)) - HEAD_GENERIC
            ranked = sorted(((2 * len(own & item) + len(own & near), r) for r, (item, near) in enumerate(row_words)),
                            reverse=True) + [(0, -1)]
            return ranked[0][1] if ranked[0][0] > 0 and ranked[0][0] > ranked[1][0] else None

        out.append((table, _said_rows(table, md, stated, row_of, checker)))
    return out


def _said_rows(table, md: str, stated: list, row_of, checker) -> str:
    """``md`` (a commitments table) with its rows said from ``stated`` one by one (:func:`_said_commitments`): a row
    whose cells the checker would flag keeps its 'To confirm ...' (the checker reads the table as one sentence: a bare
    share in a cell can read as a change), first its target and measure, else its target alone; the others are said."""
    def only(rows: set[int]):
        return lambda st: n if (n := row_of(st)) in rows else None

    def render(targets: set[int], measures: set[int]) -> str:
        return buyer_tables.said_from_answer(
            table, buyer_tables.said_from_answer(table, md, stated, only(measures)), stated, only(targets),
            measures=False)

    said, taken, measured = md, set(), set()
    for r in range(len(table.rows)):
        for with_measure in (True, False):
            filled = render(taken | {r}, measured | ({r} if with_measure else set()))
            if filled == said or (table.counted and count_words(filled) > count_words(md)) or (
                    checker is not None and any(must_fix(f) for f in checker.check_text(filled))):
                continue
            said, taken = filled, taken | {r}
            measured |= {r} if with_measure else set()
            break
    return said


def _with_tables(text: str, sections: list[Section], tables: list[tuple]) -> str:
    """``text`` with each of the buyer's ``tables`` (table, Markdown) under the heading of the part that names it
    (:func:`buyer_tables.home`), before the part's text; at the top of the answer when no part does, or the part's
    heading is not in the text."""
    if not tables:
        return text
    parts = [(s.point.key, f"{s.point.label} {s.point.text}") for s in sections if s.point.kind != "confirm"]
    lines = text.split("\n")
    top: list[str] = []
    for table, md in tables:
        key = buyer_tables.home(table, parts)
        sec = next((s for s in sections if s.point.key == key), None)
        heading = sec.heading_text() if sec is not None else None
        at = next((i for i, ln in enumerate(lines) if heading and re.fullmatch(r"#{2,3} " + re.escape(heading),
                                                                                ln.strip())), None)
        if at is None:
            top.append(md)
            continue
        lines[at + 1:at + 1] = ["", md]
    body = "\n".join(lines)
    return ("\n\n".join(top) + "\n\n" + body if top else body).replace("\n\n\n", "\n\n")


def _kpi_rows(plan: QuestionPlan, methods: dict, question: str, buyer_blocks: list, approved: list) -> None:
    """The buyer's KPI table answered a row per KPI (:mod:`buyer_kpis`) in the part that asks how its trajectories
    will be reached: each KPI's targets in the buyer's phrase, then the library's method for it (s13 q09: 'None of the 7
    trajectories is addressed', the part was '[To write]'). Nothing when the question gives no KPI rows or no part
    asks about them."""
    rows = buyer_kpis.read(question)
    block = next((b for b in buyer_blocks if b.block_id == "buyer-kpi-table"), None)
    point = buyer_kpis.home([p for p in plan.points if p.kind != "confirm"], lambda p: p.text)
    if not rows or block is None or point is None:
        return
    # a part that asks about one KPI ('Reaching the paired-outcome trajectory for L2-03', s12 q09) answers that one
    named = [r for r in rows if re.search(r"(?<![\w-])" + re.escape(r.ref) + r"(?![\w-])", point.text)]
    rows = named or rows
    units = []
    for (row, how), kpi in zip(buyer_kpis.sentences(rows, approved, question), rows):
        units.append({"text": row, "priority": 1, "block": block.block_id, "cont": False, "template": True})
        if how:
            units.append({"text": how, "priority": 2, "block": block.block_id, "cont": True, "template": True})
        else:  # no block says how: the review copy asks for the method, the submitted text holds no marker (s17)
            units[-1]["confirm"] = buyer_kpis.NO_METHOD.format(ref=kpi.ref)
    _place(methods[point.key], block, units, {}, lead=True)


def _mobilisation_rows(plan: QuestionPlan, methods: dict, buyer_text: str, buyer_blocks: list, buyer: str,
                       question: str = "") -> None:
    """The buyer's mobilisation timetable as dated milestones with owners by role (:mod:`buyer_mobilisation`), first in
    the part that asks for the mobilisation plan or its milestones (s19 q12: 'by twelve weeks before the start' and no
    date, where the buyer gave the award, go-live, the incumbent and the staff who transfer). Nothing when no part asks
    for it or the tender gives no award and start."""
    block = next((b for b in buyer_blocks if b.block_id == "buyer-mobilisation-milestones"), None)
    point = next((p for p in plan.points if p.kind != "confirm" and buyer_mobilisation.asks(p.text)), None)
    timetable = buyer_mobilisation.read(buyer_text) if block is not None and point is not None else None
    # the buyer's own milestone table, where it gives one, is the plan's timetable (its dates, not ours reckoned from
    # the award: s22 q10, dev23 q08)
    if point is None and block is not None and len(buyer_mobilisation.dated(question)) >= 3:
        point = next((p for p in plan.points if p.kind != "confirm"
                      and buyer_mobilisation.asks_with_table(f"{p.label} {p.text}")), None)
    own = buyer_mobilisation.dated(question) if block is not None and point is not None else []
    if block is None or point is None or (timetable is None and len(own) < 3):
        return
    said = buyer_mobilisation.buyer_milestones(own) if len(own) >= 3 else \
        buyer_mobilisation.milestones(timetable, buyer) if timetable is not None else []
    units = []
    for n, t in enumerate(said):
        units.append({"text": t, "priority": 1, "block": block.block_id, "cont": False, "template": True})
        # under each of the buyer's own milestones, the steps we take to reach it: who, what, by when (s27 q11, panel:
        # 'the milestone table is copied as a list with no steps under any row')
        # the first step (the earliest: how far ahead we start) is kept with its row; the later ones go first when the
        # part is over its budget
        for k, step in enumerate(buyer_mobilisation.steps(own[n][1]) if len(own) >= 3 else []):
            units.append({"text": step, "priority": 1 if k == 0 else 2, "block": block.block_id, "cont": True,
                          "template": True})
    _place(methods[point.key], block, units, {}, lead=True)
    if len(own) >= 3:  # the rows with their first steps take room from the question's other parts, as a model does
        _room_for_the_model(plan, point.key, sum(count_words(u["text"]) for u in units if u["priority"] == 1),
                            {point.key}, 2)


MODEL_ROOM = 0.4
"""A part given the service model may grow by this share of its budget for each aspect of the model it says (up to the
words its model takes), from the other parts of its question; the panel calls it 'the first and most important
sub-point' (s26 scorer 1)."""
MODEL_GIVE = 0.25
"""The most of its budget another part gives to it."""


def _room_for_the_model(plan: QuestionPlan, key: str, words: int, model_keys: set[str], aspects: int = 1) -> None:
    """Widen the budget of the part ``key`` toward the ``words`` its service model takes (by at most :data:`MODEL_ROOM`
    of its budget for each of its ``aspects``), taking the words evenly from the other scored parts of the same question part that have no
    limit of their own (each gives at most :data:`MODEL_GIVE` of its budget); the total is unchanged."""
    point = next((p for p in plan.points if p.key == key), None)
    if point is None or point.limit:
        return
    extra = min(words, int(point.budget * (1 + MODEL_ROOM * aspects))) - point.budget
    donors = [p for p in plan.points if p.kind != "confirm" and p.key not in model_keys and not p.limit
              and p.part == point.part and p.budget > 0]
    if extra <= 0 or not donors:
        return
    each = -(-extra // len(donors))
    for p in donors:
        give = min(each, int(p.budget * MODEL_GIVE), extra)
        p.budget -= give
        point.budget += give
        extra -= give


def _service_model_parts(plan: QuestionPlan, methods: dict, question: str, buyer_text: str, buyer_blocks: list,
                         profile: dict, env) -> dict[str, str]:
    """The service model the buyer sets out, described in the parts that ask for it (:mod:`service_model`): the
    components and how they hand over, the person's journey in steps, the bases by locality, the hours and routes in;
    each aspect once, in the first part that asks for it (the journey with the components when no part asks for it
    alone). A part given the model keeps no 'we will run the ... ourselves' paragraph, and the one-sentence form of
    it goes from every part (s26 panel: 'We will run the Wellbeing Hubs ourselves from the first day ...' under
    'reaching people who cannot travel'). Returns {'service model:<aspect>': part key}."""
    block = next((b for b in buyer_blocks if b.block_id == service_model.BLOCK), None)
    points = [p for p in plan.points if p.kind != "confirm"]
    wanted = [(p, service_model.asks(p.text)) for p in points] if block is not None else []
    if not any(aspects for _, aspects in wanted):
        return {}
    model = service_model.read(question, buyer_text)
    if not model.ours():
        return {}
    given: dict[str, SubPoint] = {}
    for p, aspects in wanted:
        for a in aspects:
            given.setdefault(a, p)
    if "components" in given and "journey" not in given:
        given["journey"] = given["components"]
    by_point: dict[str, list[str]] = {}
    for a in service_model.ASPECTS:
        if a in given:
            by_point.setdefault(given[a].key, []).append(a)
    placed: dict[str, str] = {}
    for n, (key, aspects) in enumerate(by_point.items()):
        units, previous = [], -1
        # the hours and staffing cover the buyer sets for our places, as our commitment, in the first part given the
        # model (s27 q01, panel: the single point of access's and the hubs' hours 'never committed to')
        for u in parse_units(service_model.render(model, aspects, profile, env, cover=n == 0)):
            units.append({"text": u.text, "priority": u.priority, "block": block.block_id,
                          "cont": u.paragraph == previous, "template": True})
            previous = u.paragraph
        if not units:
            continue
        _drop_units(methods[key], lambda u: u.get("block") in ("buyer-run", "buyer-base"))
        for u in methods[key].units if set(aspects) - {"hours"} else []:
            u["priority"] = max(u["priority"], 2)  # the part's other text is trimmed before the model it asks for
        _place(methods[key], block, units, {}, lead=True)
        # first in the part, so that of equal priority (a sentence naming what the part asks for is raised to 1 when
        # the part is drafted) the other text goes first
        methods[key].units[:] = units + [u for u in methods[key].units if not any(u is x for x in units)]
        placed.update({f"service model:{a}": key for a in aspects})
        _room_for_the_model(plan, key, sum(count_words(u["text"]) for u in units), set(by_point), len(aspects))
    if placed:
        shorts = buyer_terms.short_forms()
        said = [re.compile(re.escape(" ".join(shorts[b].split())).replace(re.escape("{named}"), ".+?"))
                for b in ("buyer-run", "buyer-base") if shorts.get(b)]
        for m in methods.values():
            _drop_units(m, lambda u: any(p.fullmatch(u["text"]) for p in said))
    return placed


COMMITMENT = "buyer-commitment"
"""The ref of a sentence saying back the buyer's own requirement as ours (:mod:`commitments`)."""


def _marker_unit(unit: Unit) -> bool:
    """A writer's marker ('[To write: ...]', '[To confirm: ...]'), not text of the answer."""
    return any(str(r).startswith("todo:") for r in (unit.refs or []))


_MARKER_TEXT = re.compile(r"\[To (?:write|confirm)(?::[^\]]*)?\]")


def _said_text(units) -> str:
    """What kept units say to a panel: never a writer's marker, whole ('[To write: Working with Waymark Recovery
    Brackenford]', its unit) or inside a sentence, which repeats the buyer's words of the part and names nothing we do
    (s33: a part whose only text was its marker counted the buyer's partner named in that marker as said)."""
    return " ".join(_MARKER_TEXT.sub(" ", u.text) for u in units if u.kept and not _marker_unit(u)).strip()


STEP_HELD = "step_held"
"""The mark of a method unit whose slower time on a referral step :func:`timings.hold_steps` said with the faster one."""
STEP_TEMPLATE = "the buyer's faster time on a referral step"
"""How the list of sentences written on the buyer's terms names such a sentence's template."""

PARTLY = "partly: "
"""The lead of a coverage status whose part has method text but leaves unsaid an element the buyer names or lists
for it, or a required statement: never 'method + evidence' alone (s33: five panels marked such parts 'Not' or
'Partly' where our row read as covered). A figure of the buyer's said back beside the method keeps its own note
('write who does it, when and how') and does not make the part partly: the part's method may answer it."""
_SHORT = re.compile(r"here: write\b|: not in this part\b|the buyer lists here, not in this part:|"
                    r"sites we run, not named here|required statement is not made")


def _partly(rows: list) -> None:
    """A row whose status calls the part answered by method text ('method + evidence', 'method only') and whose notes
    name an element of the buyer's the part leaves unsaid leads with :data:`PARTLY`, so that neither the writer nor the
    status bar reads it as covered."""
    for row in rows:
        if row.status.startswith("method") and _SHORT.search(row.status):
            row.status = PARTLY + row.status


def _gate_rows(plan: QuestionPlan, rows: list, sections: list) -> list[dict]:
    """Each statement the buyer's scoring gates require, with the part it belongs to and whether the part makes it
    ({statement, part, cap, made}); a part that does not make its statement says so in its coverage status."""
    out = []
    for g in plan.gates:
        at = next(((row, sec) for row, sec in zip(rows, sections) if sec.point.key == g.key), None)
        # a '[To write: ...]' marker repeats the buyer's words of the part: it makes no statement
        said = _said_text(at[1].kept_units()) if at else ""
        made = gates.made(g, said)
        if at and not made:
            at[0].status += "; " + g.note
        out.append({"statement": g.statement, "part": at[1].point.label if at else "", "cap": g.cap, "made": made})
    return out


GATE_ALONE = "the buyer's confirmation stands alone"
"""Why a unit beside a gate's confirmation with no block on the gate's subject was left out."""


def _gates_and_proofread(plan: QuestionPlan, sections: list) -> dict[str, list[str]]:
    """Each gate's sentence put back as worded in its part (:func:`gates.as_worded`), then every part proofread
    (:func:`proofread.mend_sections`); returns what was done and what is flagged, per part key (for the coverage)."""
    notes = gates.as_worded(plan.gates, sections, lambda text, paragraph: Unit(
        text=text, priority=0, refs=[f"block:{COMMITMENT}"], paragraph=paragraph))
    for g in plan.gates:
        # a gate's confirmation part with no block on the gate's subject: the confirmation alone, never a paragraph
        # drafted from the ask, a story or a figure beside it (:func:`_gate_parts_on_subject`; the coverage says what
        # method to write)
        sec = next((x for x in sections if x.point.key == g.key), None)
        method = sec.evidence.get("blocks") if sec is not None else None
        want = gates.said(g.commitment)
        holding = [u for u in sec.units if u.kept and want and want in gates.said(u.text)] if sec else []
        if not getattr(method, "gate_alone", "") or not holding:
            continue
        for i, u in enumerate(sec.units):
            if u.kept and u not in holding:
                sec.drop(i, GATE_ALONE)
                notes.setdefault(sec.point.key, []).append(f"left out beside the buyer's confirmation: '{u.text}'")
    for key, said in proofread.mend_sections(sections).items():
        notes.setdefault(key, []).extend(said)
    return notes


def _gate_commitments(plan: QuestionPlan, asks: dict) -> set[str]:
    """A statement of what the bidder will do that the buyer's scoring gate requires ('Responses will not score above
    2 unless the Bidder confirms that it will meet every minimum in Table 6A ...') is made as our commitment in its
    part, in the buyer's words ('We will meet every minimum in Table 6A ...'), once: added to ``asks`` (what
    :func:`commitments.read` found) in place of a commitment there that says it in other words. Returns the sentences
    made."""
    made: set[str] = set()
    for g in plan.gates:
        # a statement of what a named place or service of the contract will do ('... unless the Bidder states that
        # Alder Court will accept step-up admissions 24 hours a day, 365 days a year': the s23 dev buyer's q02), or of
        # what will be so ('... states that no person will be refused a service ...') is made in the buyer's words as
        # they stand (:func:`gates.our_sentence`)
        said = gates.our_sentence(g)
        if not said or not any(p.key == g.key for p in plan.points):
            continue
        g.commitment = said
        found = asks.setdefault(g.key, [])
        # the buyer's statement word for word, once, every qualifier kept ('from the Service Commencement Date': s23
        # q08 was 'Not met as worded' when our own requirement's wording stood for it): a commitment of the part that
        # makes it in other words, and says little else, gives way to it (one that says more stays: s21 q08, 'recruit
        # and retain staff to meet the minimums in Table 8.1 ..., including in hard-to-recruit areas such as ...')
        found[:] = [c for c in found if not (gates.made(g, c.text) and gates.within(c.text, g.statement))]
        what = g.will or g.statement
        found.insert(0, commitments.Commitment(g.commitment, what, "gate", commitments.figures(what)))
        made.add(g.commitment)
    return made


def _versions_into_names(units: list[dict], found: list) -> None:
    """A sentence of the part that names the buyer's document without the version the buyer gives it ('the Stanmere
    and Dunholt Crisis Care Pathway Operating Procedure') names it with its version ('... Procedure v3.2'): the s22
    panel marked the gate unmet for the version alone (f23). ``found``: the part's commitments, whose ``names`` hold
    the documents with their versions."""
    for c in found:
        for name in c.names:
            ver = re.search(r"\s+(?:v\d+(?:\.\d+)*|\([^()]*\d[^()]*\))$", name)
            if ver is None:
                continue
            bare = name[:ver.start()]
            for u in units:
                if u.get("block") == COMMITMENT or bare not in u["text"] or name in u["text"]:
                    continue
                for attr in ("text", "short", "full"):
                    if u.get(attr) and bare in u[attr] and name not in u[attr]:
                        u[attr] = u[attr].replace(bare, name, 1)
                break


COMMITMENT_BUDGET = 2
"""Commitments to the buyer's requirements a part keeps at priority 1 (after merging): the rest are trimmed first."""


def _merged_commitments(found: list) -> list[str]:
    """Our sentences for the part's commitments, those opening alike merged into one ('We will meet the standard for
    A, 95%.' and 'We will meet the standard for B, 90%.' -> 'We will meet the standard for A, 95%, and for B, 90%.'),
    those with a figure or a name of the buyer's first (a panel checks those), each group in the buyer's order."""
    ranked = sorted(found, key=lambda c: (not c.figures, not c.names))
    groups: list[list[str]] = []
    for c in ranked:
        words = c.text.split()
        group = next((g for g in groups if len(words) > 6 and g[0].split()[:5] == words[:5]
                      and not any(";" in x for x in g + [c.text])), None)
        if group is None:
            groups.append([c.text])
        else:
            group.append(c.text)
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        head = " ".join(g[0].split()[:5])
        rests = [x.split(maxsplit=5)[5].rstrip(". ") for x in g]
        out.append(f"{head} {', '.join(rests[:-1])}, and {rests[-1]}.")
    return out


def _weave_facts(method: Method, facts: list) -> None:
    """Each fact a note to bidders states (:data:`commitments.FACT`) said inside the first method sentence of the part
    that speaks of the same thing ('The Foundry Lodge criteria set a maximum stay of 28 days: each stay has an
    expected end date agreed with the person on the first day ...'); one no method sentence shares a word with is not
    said (a fact alone is the buyer's words read back, never credited)."""
    for fact in facts:
        want = commitments._stems(fact.text)
        lead = fact.text.rstrip(". ").split(": ")[0]
        # the library's own method sentence sharing the most words with it, before a template's (s23 q04: the stay
        # criteria with 'Each stay has an expected end date ...', not with 'We will run the Foundry Lodge ...')
        scored = [(not u.get("template"), len(want & commitments._stems(u["text"])), -i, u)
                  for i, u in enumerate(method.units) if u.get("block") != COMMITMENT and not u.get("cont")]
        best = max(((lib, n, i, u) for lib, n, i, u in scored if n), key=lambda x: x[:3], default=None)
        if best is None or lead in best[3]["text"]:
            continue
        u = best[3]
        u["priority"] = 0  # the buyer's fact and our method in one sentence: the part's last to go
        for attr in ("text", "short", "full"):
            said = u.get(attr)
            if said:
                first = said.split(maxsplit=1)[0]
                low = first in commitments._DETERMINERS or first == "We"
                u[attr] = f"{lead}: {said[:1].lower() + said[1:] if low else said}"


def _commitments(methods: dict, asks: dict, gates_made: set[str] | frozenset = frozenset()) -> dict[str, list[str]]:
    """Each part opens with our commitment to the buyer's measurable requirements it asks about (:mod:`commitments`:
    'We will reduce the median wait ... to no more than 14 days by the end of Contract Year 1.'), in the buyer's
    words and pairings, before the method that says how; a requirement the part's text already states (the buyer's
    hours in our hours sentence, a KPI row) is not said again. A part with no method keeps its '[To write]' marker:
    returns {part key: the buyer's words of each requirement it leaves unmet}, for the part's note. ``asks``: what
    :func:`commitments.read` found in the question, per part."""
    unmet: dict[str, list[str]] = {}
    facts: dict[str, list] = {}
    for key, found in asks.items():
        method = methods.get(key)
        if method is None:
            continue
        # a name is named where the trimmer keeps it: in a block's first sentence (a later one may be cut; s20 q11: the
        # Moorvale Carers Centre only in the triangle-of-care block's second sentence, which the limit cut)
        _versions_into_names(method.units, found)
        have = " ".join(u["text"] for u in method.units)
        firm = " ".join(u["text"] for u in method.units if u.get("priority", 2) <= 1)
        # a document we work to is said once: where a sentence of the part names it (now with its version), that is
        # the commitment (s22 q03: 'We will work to the ... Procedure v3.2.' beside the template's 'We will work to the
        # ... Procedure from the first day of the contract'; f23)
        # a note to bidders' fact ('the Foundry Lodge criteria set a maximum stay of 28 days') goes inside a method
        # sentence of the part, or nowhere (r24: 'We will be aware that ...' read as the question restated)
        # (woven last: the buyer's own figures in it are no sentence of ours for the contradiction check below)
        facts[key] = [c for c in found if c.source == commitments.FACT]
        found = [c for c in found if c.source != commitments.FACT]
        todo = [c for c in found if not commitments.said_already(c, firm if c.names else have)
                and not (c.names and not c.figures and c.text.startswith("We will work to ")
                         and all(n in have for n in c.names))
                and not buyer_scale.minimums_stated(buyer_scale.role_minimums(c.asked), have)]
        # the sub-point said back with no measure and no name the method does not name already is the question
        # restated: where the part has a method, the method answers it (r24, s23 panel: "Question restated as an answer")
        if any(u.get("block") != COMMITMENT for u in method.units):
            todo = [c for c in todo if c.source != "point" or c.figures or commitments.measurable(c.asked)
                    or c.names and not all(n in have for n in c.names)]
        # the ask said back to name the buyer's partners or places, committing to nothing checkable ('We will support
        # people ... leaving HMP Saltmoor ...'), is not said: the coverage says the part does not answer it (s25 panel:
        # "pasted back, not answered")
        if not method.units:
            if todo:
                unmet[key] = [c.asked for c in todo]
            continue
        back = [c for c in todo if c.text not in gates_made and commitments.uncheckable(c)]
        method.said_back += [c.asked for c in back]
        todo = [c for c in todo if c not in back]
        if not todo:
            continue
        # each its own unit, never a continuation: one the checker cuts does not take the others with it (s13 q06: the
        # ICB's 90% target went with 'We will support 72-hour follow-up ...', cut for its '28 days' period); after the
        # part's first method block, never before it, and one or two sentences at priority 1, the rest trimmed before the
        # method's first sentences (r24, s23 q04 and q05: the commitments crowded out the failed-contact escalation and
        # the shared-risk paragraph)
        # (a scoring gate's statement, ``gates_made``, at priority 0: cut last, never for the method)
        said = [c.text for c in todo if c.text in gates_made] + _merged_commitments([c for c in todo
                                                                                     if c.text not in gates_made])
        units = [{"text": t, "priority": 0 if t in gates_made else 1 if i < COMMITMENT_BUDGET else 2,
                  "block": COMMITMENT, "cont": False, "template": True} for i, t in enumerate(said)]
        # (after the library's first method block: a template's block may go later, as a named place's does in a part
        # that is not its own)
        start = next((i for i, u in enumerate(method.units) if not u.get("template")), 0)
        first = method.units[start].get("block")
        at = next((i for i, u in enumerate(method.units) if i > start and u.get("block") != first), len(method.units))
        if first == COMMITMENT:
            at = 0
        method.units[at:at] = units
    # a method sentence stating the same fact with another value (our 'from the age of 17 and a half' beside the
    # buyer's 'from age 17') goes: the answer never keeps both
    said = [u["text"] for m in methods.values() for u in m.units if u.get("block") == COMMITMENT]
    for m in methods.values():
        # a block built on our own hours of opening goes whole where the buyer sets theirs: its later sentences lean on
        # ours ('For the hours we are closed, we agree with the local safe haven ...' under the buyer's safe haven
        # hours, s16 q01 part 2, where the safe havens are the Lot's own)
        # (the buyer's hours committed to in this part: a block of another part keeps its own subject's hours, s17 review 7:
        # our evening sessions' hours are not the buyer's crisis café's, and the part was left '[To write]')
        here = [u["text"] for u in m.units if u.get("block") == COMMITMENT]
        ours_hours = {u["block"] for u in m.units if u.get("block") != COMMITMENT and not u.get("template")
                      and any(commitments.other_hours(c, u["text"]) for c in here)}
        _drop_units(m, lambda u, gone=ours_hours: u.get("block") in gone and not u.get("template"))
        if ours_hours:  # the block and its 'why' (aligned by position) go together
            keep = [i for i, b in enumerate(m.blocks) if b.block_id not in ours_hours]
            m.why = [m.why[i] for i in keep if i < len(m.why)]
            m.blocks = [m.blocks[i] for i in keep]
        if m.means and m.means.get("block") in ours_hours:
            m.means = None
        # (hours of opening only beside the buyer's hours in this part: a sentence of another part speaks of its own
        # subject's hours, and its going leaves the next sentence's 'these sessions' with nothing before it; s17 review 7)
        _drop_units(m, lambda u, here=here: u.get("block") != COMMITMENT and any(
            commitments.contradicts(c, u["text"], hours=c in here) for c in said))
        # in any part, our longer timescale for the same thing from the same event goes too (s16 q08 (a): 'within 72
        # hours of discharge' under the buyer's 48 hours of the CRHT discharge decision; s17 review 4: our 'sees the
        # person within five working days of release' in part (c), the buyer's 24 hours committed to in part (a))
        _drop_units(m, lambda u: u.get("block") != COMMITMENT and any(commitments.slower(c, u["text"]) for c in said))
    for key, found in facts.items():
        _weave_facts(methods[key], found)
    return unmet


SHAPED = "ask-shape"
"""The block reference of a method built by the shape of a part's ask (:func:`commitments.shaped`)."""
SHAPE_THIN_WORDS = 40
"""A part with no library block whose buyer templates hold fewer words than this (one short sentence naming a partner
or a place) takes the method its ask's shape gives, before them."""


def _shape_thin_parts(plan: QuestionPlan, methods: dict, profile: dict, pins: dict) -> None:
    """A part no library block answers, holding only a short sentence of a buyer template ('During mobilisation we
    will agree with the Colbury Veterans' Wellbeing Hub how referrals ... pass between us.' under 'how the service
    will reach people who cannot travel to a Wellbeing Hub', s26 q01), opens with the method its ask's shape gives
    (:func:`commitments.shaped`: an access offer for the group, a partner's mechanics, a setting's), in the buyer's
    names; the part with nothing at all is drafted where its marker is (:func:`_drafted_units`). Issue 12, session 27."""
    for point in plan.points:
        method = methods.get(point.key)
        if method is None or point.key in pins or not method.units:
            continue
        if any(not u.get("template") and u.get("block") != COMMITMENT for u in method.units) \
                or sum(len(u["text"].split()) for u in method.units) >= SHAPE_THIN_WORDS:
            continue
        _, lines = commitments.shaped(point.text, point.label, profile)
        method.units[0:0] = [{"text": t, "priority": 1 if n == 0 else 2, "block": SHAPED, "cont": n > 0,
                              "template": True} for n, t in enumerate(lines)]


def _quote_buyer_figures(sections: list[Section], buyer_text: str) -> None:
    """A sentence giving a figure as the buyer's target or current figure quotes the buyer (:func:`buyer_standards.
    unpublished`): a current figure the buyer did not publish is taken out of it (', from the buyer's current figure
    of 10%' where KPI 9 says only 'below 10%': s20 q09), and a sentence left attributing a figure the buyer never
    gave for that measure is not said (s20 q09: 'The buyer's target for people contacted within 72 hours of discharge
    is 95%')."""
    for sec in sections:
        for u in sec.units:
            if not u.kept:
                continue
            if u.short and buyer_standards.unpublished(u.short, buyer_text):
                u.short = None
            wrong = buyer_standards.unpublished(u.text, buyer_text)
            for clause in wrong:
                cut = re.sub(r",\s+(?:from|against|with)\s+" + re.escape(clause.rstrip(". ")), "", u.text, count=1)
                if cut != u.text:
                    u.text = cut
            if wrong and buyer_standards.unpublished(u.text, buyer_text):
                u.kept, u.why = False, "a figure given as the buyer's that the buyer does not state"


def _buyer_named_elements(sections: list[Section], buyer_text: str, gates: set[str],
                          stem_named: dict[str, list] | None = None) -> None:
    """Each scored part (:mod:`named_elements`): a promise that only says its ask back is left out (s29 q11.2: 'We will decide
    when a visit needs two workers'; a gate's commitment in the buyer's words stays; one holding the buyer's figure
    stays, marked so that the coverage asks for its method); a sentence that sends elsewhere
    what the buyer says the Provider, or a body it names, does is left out (s29 FIRM: 'referred to the local IPS
    service' where 'The Service must deliver IPS'); a team the ask names that our method text calls by its kind is
    called by the buyer's name ('the crisis team' -> 'the WPFT CRHTT'); a document the ask requires us to meet or follow that the part
    does not name gets the plain commitment to follow it."""
    found = named_elements.duties(buyer_text)
    ways = named_elements.routes(buyer_text)
    for sec in sections:
        if sec.point.kind == "confirm":
            continue
        ask = f"{sec.point.label}. {sec.point.text}"
        for i, u in enumerate(sec.units):
            if not u.kept or u.text in gates:
                continue
            # the buyer's 'all referrals from professionals come through <route>' (any question of the tender): a
            # direct route of ours for such a referrer goes through the buyer's, or is left out (s30 FIRM #7)
            if ways and (way := named_elements.direct_route(u.text, ways)) is not None:
                if now := named_elements.through_route(u.text, way):
                    u.text, u.short, u.full = now, None, None
                else:
                    sec.drop(i, NAMED_ROUTE)
                    continue
            # a thing the buyer says a named body holds the contract for, referred by us to another body: referred to
            # the buyer's body (s30 FIRM #6: carers' assessments)
            if found and named_elements.who_does_what(u.text, found) \
                    and (now := named_elements.to_holder(u.text, found)) \
                    and not named_elements.who_does_what(now, found):
                u.text, u.short, u.full = now, None, None
            if named_elements.restates(u.text, ask):
                if named_elements.bare(u.text):
                    sec.drop(i, NAMED_RESTATES)
                else:
                    u.refs.append(NAMED_SAID_BACK)
            elif named_elements.who_does_what(u.text, found):
                # the sentences continuing it that stand alone stay (s29 q08: the IPS fidelity method went with the
                # sentence saying IPS was delivered with a local service)
                for other in sec.units:
                    if other.parent == i and named_elements.stands_alone(other.text):
                        other.parent = None
                sec.drop(i, NAMED_WHO)
        asked = named_elements.in_ask(sec.point.text)  # read once: the teams below, then the documents
        for e in asked:
            # a team the ask names, said by our method text as its kind ('the crisis team'): said by the buyer's name
            if not named_elements.said(e, " ".join(u.text for u in sec.kept_units())):
                for u in sec.kept_units():
                    if f"block:{COMMITMENT}" not in u.refs and (now := named_elements.by_name(u.text, e)) != u.text:
                        u.text = now
                        u.short = named_elements.by_name(u.short, e) if u.short else u.short
                        u.full = named_elements.by_name(u.full, e) if u.full else u.full
                        break
        said = _said_text(sec.kept_units())
        para = max((u.paragraph for u in sec.units), default=0) + 1
        for e in asked + (stem_named or {}).get(sec.point.key, []):
            if e.kind == "document" and e.required and not named_elements.said(e, said):
                sec.units.append(Unit(text=named_elements.follow_sentence(e), priority=1, refs=[f"block:{COMMITMENT}"],
                                      paragraph=para))


NAMED_LOCAL = "named:local"
"""A sentence committing, in our voice and the buyer's words, to a fact of the buyer's that the part's ask refers to
(:func:`named.commitment`): its days with places, times, named sites, teams, policies with versions, local figures."""
LOCAL_PER_PART = 2
NAMED_LOCAL_WHOLE = "said whole in the commitment to the buyer's fact"


def _local_commitments(sections: list[Section], question: str, buyer_text: str, asks: list[tuple[str, str]],
                       stem_named: dict[str, list] | None = None) -> None:
    """Each scored part: the buyer's facts that hold an element the part's ask names or refers to (:func:`named.
    in_ask`, :func:`named.from_stem`, :func:`named.context_facts`) and its text leaves unsaid are said in one sentence
    each that commits to them in our voice, the buyer's words kept exactly (s35 panel: 'it does not mention Tullyvar
    Mon, Ballinreagh Wed, Owenbeg Thu or Coolnagard Fri'; 'Lone Working Policy v4.2 not mentioned'; 'the 97/51 local
    data is not used'). At most :data:`LOCAL_PER_PART` a part, a fact naming the Provider's own duty first, then one
    with days, times or names, then figures; each fact once in the answer; never one said back from the ask
    (:func:`named.restates`). The sentence is method text of the buyer's (a commitment: cut after the library's generic
    text); an element no fact of the buyer's gives stays a named gap in the coverage row."""
    context = named_elements.context_facts(question, asks)
    used = {" ".join(u.text.split()) for sec in sections for u in sec.kept_units()}
    done: set[str] = set()
    for sec in sections:
        if sec.point.kind == "confirm":
            continue
        ask = f"{sec.point.label}. {sec.point.text}"
        said = _said_text(sec.kept_units())
        facts: dict[str, list] = {}
        for f in context.get(sec.point.key, []):
            facts.setdefault(f.sentence, []).extend(f.elements)
        for e in named_elements.in_ask(sec.point.text) + list((stem_named or {}).get(sec.point.key, [])):
            if e.kind != "name" or not named_elements.said(e, said):
                fact = named_elements.fact_naming(e, question, asks)
                if fact:
                    facts.setdefault(fact, []).append(e)
        ranked = []
        for fact, elements in facts.items():
            unsaid = [e for e in elements if not named_elements.said(e, said)]
            if not unsaid or fact in done:
                continue
            text = named_elements.commitment(fact, buyer_text)
            # a fact we only plan around, said back in the buyer's words, is the background restated: the s36 panel
            # gave it no marks ('it just repeats the buyer's background'; many ITTs say so), so its element stays a
            # named gap for the writer (what we do with it), and only a fact that is our own duty is said as ours
            if not text or text.startswith(named_elements.AROUND) or " ".join(text.split()) in used \
                    or named_elements.restates(text, ask) or not any(named_elements.said(e, text) for e in unsaid):
                continue
            ranked.append((-len(unsaid), len(ranked), fact, text))
        chosen = []
        for _n, _i, fact, text in sorted(ranked)[:LOCAL_PER_PART]:  # the fact naming most unsaid elements first
            done.add(fact)
            used.add(text)
            chosen.append(text)
        if not chosen:
            continue
        for i, u in enumerate(sec.units):  # a shorter sentence of the same fact (a pattern's first clause of it) goes
            if u.kept and len(u.text) > 40 and any(u.text.rstrip(". ") in text for text in chosen):
                sec.drop(i, NAMED_LOCAL_WHOLE)
        # the part opens with them, in its first paragraph: what the buyer set, then how we do it (s35 panel: the
        # huddle's day, time and venue were looked for first)
        para = min((u.paragraph for u in sec.units), default=1)
        for u in sec.units:
            if u.parent is not None:
                u.parent += len(chosen)
        sec.units[:0] = [Unit(text=text, priority=1, paragraph=para, refs=[f"block:{COMMITMENT}", NAMED_LOCAL])
                         for text in chosen]


def _pattern_sentences(sections: list[Section], found: list, profile: dict, sites: places.Sites, told=(),
                       place_roles=()) -> None:
    """Each scored part: one sentence per role (partner, site, group, language) naming together the buyer's
    elements of that role its ask names and its text leaves unsaid, from the best-fitting approved pattern block
    (:mod:`patterns`), one not used yet in this answer or the bid (``told``) first; an element with no fitting pattern
    stays a gap in the coverage row. The sentence is method text: it goes at the end of the part's method paragraphs,
    before the figures, the example and the 'what it means' line (s31 panel: after that line it read as an
    afterthought); in a part with no method text, in a paragraph of its own at the end."""
    if not found:
        return
    ours = tuple(s.name for s in sites.run)
    used = set(told)
    for sec in sections:
        if sec.point.kind == "confirm":
            continue
        said = _said_text(sec.kept_units())
        para = _method_paragraph(sec)
        for w in patterns.write(sec.point.text, said, found, profile, not_ours=ours, avoid=used):
            used.add(w.pattern.block_id)
            # a place the buyer visits on named days: the sentence's 'at least once a week' said as those days (s34:
            # Tornish on the first and third Wednesday of each month)
            text = site_roles.with_schedule(w.sentence, [e.name for e in w.elements], list(place_roles)) \
                if w.role == "site" else w.sentence
            sec.units.append(Unit(text=text, priority=1, paragraph=para,
                                  refs=[f"block:{w.pattern.block_id}", patterns.REF, patterns.covered_ref(w)]))


OUR_BASE_AS_PARTNER = "a partner site's sentence said of our own base"
RARE_AT_BASE = "a once-a-week drop-in at our base, which the buyer opens to walk-ins all its hours"


def _our_base_held(sections: list[Section], place_roles: list, buyer_text: str) -> None:
    """Our sentences about the base the buyer says we run (:mod:`site_roles`; s34 panel, FIRM): one written for a
    partner's site naming it ('agree with the staff of <base> a written timetable', 'Staff at <base> will be able to
    call our duty worker') is left out, and so is a drop-in offered there once a week where the buyer sets the base's
    opening hours and walk-in access; the part then keeps its other text or shows its honest gap."""
    if not any(p.role == "ours" for p in place_roles):
        return
    for sec in sections:
        for i, u in enumerate(sec.units):
            if not u.kept:
                continue
            if site_roles.partner_subject(u.text, list(place_roles)):
                sec.drop(i, OUR_BASE_AS_PARTNER)
            elif site_roles.rare_session_at_base(u.text, list(place_roles), buyer_text):
                sec.drop(i, RARE_AT_BASE)


def _place_roles_status(asked: str, place_roles: list) -> str:
    """The coverage row's words on the places a part's ask names, each with its role and the buyer's words that give
    it ('Tobar House: our base (Q1: 'The building ... will be run by the Provider.')')."""
    named = site_roles.names(asked, list(place_roles))
    return "; the buyer's places: " + "; ".join(site_roles.row(p) for p in named) if named else ""


def _method_paragraph(sec: Section) -> int:
    """The paragraph of a part's last sentence of method text (the library's own, else a buyer template's; never a
    block's 'what it means' line nor a commitment said back), or a new paragraph at the end when it has none."""
    means = _means_unit(sec)
    method = [u for u in sec.units if u is not means and f"block:{COMMITMENT}" not in u.refs
              and patterns.REF not in u.refs and any(r.startswith("block:") for r in u.refs)]
    own = [u for u in method if not any(r.startswith("block:buyer-") for r in u.refs)]
    last = (own or method)[-1:]
    return last[0].paragraph if last else max((u.paragraph for u in sec.units), default=0) + 1


def _patterns_used(sections: list[Section]) -> list[str]:
    """The pattern blocks whose sentences the answer keeps (recorded where used, as every block is)."""
    return list(dict.fromkeys(r[len("block:"):] for sec in sections for u in sec.kept_units()
                              if patterns.REF in u.refs for r in u.refs if r.startswith("block:")))


NAMED_RESTATES = "the ask said back"
NAMED_SAID_BACK = "named:said-back"
"""A promise kept that says the ask back with the buyer's own figure: the coverage row asks for its method."""
NAMED_WHO = "said another body does what the buyer says is done by the Provider or a body it names"
NAMED_ROUTE = "a direct referral route where the buyer says all such referrals come through its named route"


def _named_status(sec: Section, said: str, lacking: list[str], stem_named: list | None = None) -> str:
    """The coverage row's words for the buyer's named elements the part leaves unsaid, its ask's own and those of the
    question's text given to it (``stem_named``: :func:`named.from_stem`, :func:`named.from_context`) and the teams
    its ask names in lower case (:func:`named.lower_teams`); those :func:`mentions` already reported
    are not said twice; and for the sentences :func:`_buyer_named_elements` left out."""
    reported = " ".join(lacking).lower()
    unsaid = [e for e in named_elements.in_ask(sec.point.text) + named_elements.lower_teams(sec.point.text)
              + list(stem_named or [])
              if not named_elements.said(e, said) and e.text.lower() not in reported
              and not any(n.lower() in e.text.lower() for n in lacking)]
    out = named_elements.gap_note(unsaid)
    gone = [u for u in sec.units if not u.kept and u.why in (NAMED_RESTATES, NAMED_WHO)]
    if any(u.why == NAMED_RESTATES for u in gone):
        out += "; left out, the ask said back with no who, when or how: write the method for it"
    back = [u.text for u in sec.kept_units() if NAMED_SAID_BACK in u.refs]
    if back:
        out += "; the buyer's figure said back with no method: write who does it, when and how (" + \
            " ".join(back)[:120] + ")"
    if any(u.why == NAMED_ROUTE for u in sec.units if not u.kept):
        out += "; left out, a direct referral route where the buyer says such referrals come through its named route"
    if any(u.why == NAMED_WHO for u in gone):
        out += "; left out, a sentence sending elsewhere what the buyer says is done by the Provider or a body it names"
    return out


NATION_WHY = "nation: "


def _buyer_nation(sections: list[Section], nation: str, buyer_text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Our sentences said to a buyer outside England (:mod:`nations`; s33 panel, FIRM: 'Care Act 2014 s42', 'Op COURAGE',
    'Duty to Refer', an interpreter for Welsh where the buyer requires Welsh speakers): a term that does not hold in
    the buyer's nation is written as the equivalent the buyer's text names, else its clause is cut or the sentence left
    out (said in the part's coverage row). Returns {new text: what was swapped} for the commitments to confirm, and
    {part key: the terms cut from its sentences}."""
    swaps: dict[str, str] = {}
    cuts: dict[str, list[str]] = {}
    if nation == nations.ENGLAND:
        return swaps, cuts
    welsh = nations.welsh_speakers_required(buyer_text)
    for sec in sections:
        for i, u in enumerate(sec.units):
            if not u.kept:
                continue
            said = nations.rewrite(u.text, nation, buyer_text, welsh)
            if said.text is None:
                sec.drop(i, NATION_WHY + said.cut[-1])
                continue
            if said.text != u.text:
                u.text, u.short, u.full = said.text, None, None
                if said.swapped:
                    swaps[u.text] = "; ".join(f"{a} written as {b}" for a, b in said.swapped)
                cuts.setdefault(sec.point.key, []).extend(said.cut)
    for sec in sections:
        # a block whose every sentence was left out for the buyer's nation takes its 'what it means' line with it:
        # alone it is no method (s34 q05: 'every concern reaches the agency with the legal duty to act' stood alone
        # under the GIRFEC part once the Care Act block's sentences were gone)
        means = getattr(sec.evidence.get("blocks"), "means", None)
        if not means:
            continue
        ref = f"block:{means['block']}"
        gone = [u for u in sec.units if ref in u.refs and not u.kept and u.why.startswith(NATION_WHY)]
        tail = means["text"][1:].rstrip(".").lower()
        left = [i for i, u in enumerate(sec.units) if u.kept and (ref in u.refs or tail in u.text.lower())]
        if gone and left and all(tail in sec.units[i].text.lower() for i in left):
            for i in left:
                sec.drop(i, gone[0].why)
            if not sec.kept_units():  # the part is a gap, marked as one for the writer
                label = re.sub(r"^(?:[\w.]{1,6}\)|[A-Za-z]{0,2}\d[\d.]*[a-z]?\.)\s*", "", sec.heading or "").strip()
                sec.units.append(Unit(text=write_marker(label or f"part {sec.point.key}"), priority=1,
                                      refs=["todo:part"], paragraph=0))
    return swaps, cuts


def _nation_status(sec: Section, nation: str, cut: list[str]) -> str:
    """The coverage row's words for the terms :func:`_buyer_nation` cut from the part or the sentences it left out."""
    labels: list[str] = []
    for label in [u.why[len(NATION_WHY):] for u in sec.units if not u.kept and u.why.startswith(NATION_WHY)] + cut:
        if label not in labels:
            labels.append(label)
    return "".join("; " + nations.note(label, nation) for label in labels)


def _buyer_age_floor(sections: list[Section], buyer_text: str) -> None:
    """An age range in our text starts no lower than the buyer's service (:mod:`ages`; s28 q04: 'young people aged 16
    to 25' in a service for adults 18 and over)."""
    lowest = ages.floor(buyer_text)
    if lowest is None:
        return
    for sec in sections:
        for u in sec.units:
            u.text = ages.lift(u.text, lowest)
            if u.short:
                u.short = ages.lift(u.short, lowest)


def _our_sites(sections: list[Section], sites: places.Sites) -> None:
    """The buyer's sites in our text (:mod:`places`; s28 panel: 'weekly groups in each locality' where the buyer names
    the two hubs we will run, and 'an information sharing agreement with the Foundry Hub', a hub we run): a sentence
    written for a partner relationship that names a site we run is left out, with what continues it and the rest of
    its block's sentences in the part; our generic place words are said with the sites we run where the sentence is
    about where people come (groups, sessions, drop-ins)."""
    if not sites.run:
        return
    for sec in sections:
        wrong: set[str] = set()
        for u in sec.units:
            if u.kept and places.partner_misuse(u.text, sites):
                u.kept, u.why = False, "a partner's sentence said of a site we run"
                wrong |= {r for r in u.refs if r.startswith("block:buyer-partner")}
        for u in sec.units:
            if not u.kept:
                continue
            if (wrong & set(u.refs)) or (u.parent is not None and not sec.units[u.parent].kept
                                         and sec.units[u.parent].why.startswith("a partner's")):
                u.kept, u.why = False, "a partner's sentence said of a site we run"
                continue
            u.text = places.place(u.text, sites)
            if u.short:
                u.short = places.place(u.short, sites)
            if u.full:
                u.full = places.place(u.full, sites)


def _sites_status(said: str, asked: str, sites: places.Sites) -> str:
    """The coverage row's word on the buyer's sites we run: those this part names, and those its ask names (or all of
    them, when it asks where: 'each of the two hubs') that it does not; '' when neither."""
    if not sites.run:
        return ""
    named = places.named(said, sites.run)
    wanted = places.named(asked, sites.run) or (sites.run if places.asks_where(asked) else [])
    missing = [s for s in wanted if s not in named]
    out = ""
    if named:
        out += "; the buyer's sites we run named here: " + join_and([s.said for s in named])
    if missing:
        out += "; the buyer's sites we run, not named here: " + join_and([s.said for s in missing])
    return out


def _beside_establishment(methods: dict, team_wte: str, sentence: str, points: list | None = None,
                          required: dict[str, str] | None = None) -> None:
    """The sentence on where the establishment offered differs from the buyer's, and why (:func:`buyer_scale.differs`),
    set after the sentence of a block that states that establishment, once in the answer (s20 q08: 38.5 WTE with half
    the buyer's peer support workers and none of its named leads, and no word on why). With the buyer's role minimums
    (``points``: the answer's parts) and no block of the answer stating the establishment, it is stated, with that
    sentence, in the first part that asks about the minimums or the staffing (s21 q08: 'how you will recruit and
    retain staff to meet the minimums in Table 8.1' was answered with no WTE at all), or in the part the buyer's
    scoring gate requires it of (``required``: {part key: the gate's statement}; s22 q08: '(a) recruit, retain and
    deploy staff to meet Table 8.1' under 'will not score above 1 unless the Bidder states that it will maintain at
    least the minimum staffing establishment in Table 8.1' stated no establishment)."""
    if not team_wte:
        return
    for m in methods.values():
        for i, u in enumerate(m.units):
            if not u.get("template") and team_wte in u["text"]:
                if sentence:
                    m.units.insert(i + 1, {"text": sentence, "priority": u.get("priority", 2), "block": u.get("block"),
                                           "cont": True})
                return
    spec = load_phrasebank(buyer_scale.PHRASEBANK).get("establishment") or {}
    asks = re.compile(str(spec.get("asked") or r"(?!)"), re.I)
    home = next((p for p in points or [] if p.key in methods and asks.search(p.text)), None) or next(
        (p for p in points or [] if p.key in methods and asks.search((required or {}).get(p.key, ""))), None)
    if home is None:
        return
    units = [{"text": str(spec.get("stated") or "{team_wte}.").format(team_wte=team_wte), "priority": 1,
              "block": "buyer-establishment", "cont": False, "template": True}]
    if sentence:
        units.append({"text": sentence, "priority": 2, "block": "buyer-establishment", "cont": True, "template": True})
    method = methods[home.key]
    at = next((i for i, u in enumerate(method.units) if not u.get("template")), len(method.units))
    method.units[at:at] = units


def _one_timing(db: Database, buyer_text: str) -> dict[timings.Key, timings.Timing]:
    """The timing every answer of the tender gives for each first contact after an event: the fastest of the buyer's
    (its whole tender's text) and our approved library's (:mod:`evidencebot.compose.timings`)."""
    held = dict(timings.library_fastest([str(r.get("body") or "") for r in block_rows(db, "approved")]))
    for key, t in timings.standards(buyer_text).items():
        if key not in held or t.days <= held[key].days + 1e-9:
            held[key] = t
    return held


def _hold_to_buyer(methods: dict, question: str, tender_text: str = "") -> dict[str, list[tuple[str, str]]]:
    """Our method text never gives a weaker timescale or a later age than the question sets for the same thing: a
    block's or the service profile's default ('training in their first six months', 'transition planning from the age
    of 17 and a half') is said with the buyer's figure ('in their first 12 weeks', 'from the age of 17') in whatever
    part it stands (:func:`figure_clauses.hold_to_buyer`: the same thing by the dependency parse of both clauses).
    Returns {part key: [(ours, the buyer's)]}, for the part's status: the writer confirms each (s13 q02: the buyer's
    12 weeks, ours six months). ``tender_text``: the whole tender's text; its standards outside the question hold too,
    where both say alike what the time runs from (s18: Q1's review interval in Q3's answer; never Q2's step-up 4 hours
    for Q1's first contact within 5 working days of referral)."""
    theirs = figure_clauses.standards(question)
    own = {(f.sentence, f.start) for f in theirs}
    elsewhere = [f for f in figure_clauses.standards(tender_text) if (f.sentence, f.start) not in own] if tender_text else []
    held: dict[str, list[tuple[str, str]]] = {}
    for key, m in methods.items():  # what the buyer's timescale standards changed already (:func:`_standard_templates`)
        for u in m.units:
            if u.get("held"):
                held.setdefault(key, []).extend(u["held"])
    for key, m in methods.items():
        for u in m.units if theirs or elsewhere else []:
            if u.get("template") or not figure_clauses.FIGURE.search(u["text"]):
                continue
            text, changed = figure_clauses.hold_to_buyer(u["text"], theirs, elsewhere=elsewhere)
            if changed:
                u["text"] = text
                u["held"] = list(u.get("held") or []) + list(changed)  # the review copy says what was changed (s17)
                held.setdefault(key, []).extend(changed)
    _hold_frequencies(methods, "\n".join([question, tender_text]), held)
    return held


def _hold_units(methods: dict, held: dict[str, list[tuple[str, str]]], hold, mark: str = "") -> None:
    """Each method unit's text through ``hold`` (text -> (text, [(ours, the buyer's)])); what it changed is kept on the
    unit and in ``held`` under the part's key, for the part's status (caps, timings, deadlines); with ``mark``, the
    unit is marked so (``u[mark] = True``)."""
    for key, m in methods.items():
        for u in m.units:
            text, changed = hold(u["text"])
            if changed:
                if mark:
                    u[mark] = True
                u["text"] = text
                u["held"] = list(u.get("held") or []) + list(changed)
                held.setdefault(key, []).extend(changed)


def _hold_frequencies(methods: dict, buyer_text: str, held: dict[str, list[tuple[str, str]]]) -> None:
    """How often we do a recurring thing is never less often than the buyer sets anywhere in the tender for the same
    thing (s28 contradictions #2, #3, FIRM: our 'reported to the commissioner every two weeks' against its milestone
    row 'weekly mobilisation reports'; our street shift 'each week' against 'at least two joint street outreach
    sessions a week'): said with the buyer's frequency in our sentence's own form (:func:`frequencies.hold`), the
    thing read from the sentence and the paragraph its block gives, and recorded in ``held`` for the part's status."""
    theirs = frequencies.read_buyer(buyer_text)
    if not theirs:
        return
    for key, m in methods.items():
        for u in m.units:
            if u.get("template") or u.get("block") == COMMITMENT:
                continue
            paragraph = " ".join(x["text"] for x in m.units if x.get("block") == u.get("block"))
            text, changed = frequencies.hold(u["text"], theirs, paragraph)
            if changed:
                u["text"] = text
                u["held"] = list(u.get("held") or []) + list(changed)
                held.setdefault(key, []).extend(changed)


_MEASURE_VERB = r"(?:know|measur|evidenc|show|monitor|track|demonstrat)"
_MEASURE_ASK = re.compile(
    r"(?:\bhow\s+(?:you|we)\s+will|\bhow\s+will\s+(?:you|we)|\bmeasures?\s+(?:you|we)\s+will\s+use\s+to|^\s*(?=measuring|"
    r"monitoring|evidencing|showing|tracking))\s*(?P<verbs>" + _MEASURE_VERB + r"\w*(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)"
    r"(?:know|measur|evidenc|show|monitor|track|demonstrat|report|use|assess|evaluat)\w*)*)\s+(?P<what>\S.+)", re.I | re.S)
"""A sub-point that asks how we will know, measure, evidence, show or monitor something ('how you will know whether
the support has made a difference', 'Measures you will use to show whether the gaps are narrowing', 'Monitoring and
reporting delivery against your commitments each quarter'): its answer names measures, not only a process."""
_BODY = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w'’&-]*\s+(?:and\s+|of\s+|for\s+)?){1,7}"
                   r"(?:Board|Group|Meeting|Forum|Committee|Panel))\b")
_EVERY = re.compile(r"\b(?:(?:each|every)\s+(month|quarter|year)|(monthly|quarterly|annually|yearly))\b", re.I)
_EVERY_WORD = {"monthly": "month", "quarterly": "quarter", "annually": "year", "yearly": "year"}


_VERB_BASE = {"know": "know", "measur": "measure", "evidenc": "evidence", "show": "show", "monitor": "monitor",
              "track": "track", "demonstrat": "demonstrate"}


def measure_verb(text: str) -> str:
    """The ask's own first measuring verb, in its base form ('Monitoring ...' -> 'monitor'; 'show' when none)."""
    m = _MEASURE_ASK.search(" ".join((text or "").split()))
    first = re.match(_MEASURE_VERB, m.group("verbs"), re.I) if m else None
    return _VERB_BASE.get(first.group(0).lower(), "show") if first else "show"


def measure_ask(text: str) -> str | None:
    """The object of a measuring ask in our words ('whether the gaps are narrowing', 'delivery against our
    commitments'), or None when ``text`` does not ask how something will be known or measured."""
    m = _MEASURE_ASK.search(" ".join((text or "").split()))
    if not m:
        return None
    what = re.split(r"\s*(?:[;:(]|\s[–-]\s|,\s*(?:including|with|setting|and\s+(?:how|what|when|who|where|why)\b))", m.group("what"))[0]
    what = _EVERY.sub(" ", what)
    # whom it is shown to is the audience, not what is shown ('show the Partnership Board what has changed', 'show us')
    what = re.sub(r"^(?:to\s+)?(?:us|them|the\s+(?:[A-Z][\w'’&-]*\s+)+)[\s,]*(?=(?:what|whether|how|that)\b)", "", what)
    what = re.sub(r"\s*,\s*(?:,\s*)+", ", ", what).strip(" ,")
    what = re.sub(r"\s+(?:to|with)\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s*)+$", "", what)  # 'to the Partnership Board'
    what = re.sub(r"\b[Yy]our\b", "our", what)
    what = re.sub(r"\byou\s+(?=\w+)", "we ", what)
    what = re.sub(r"\s+,", ",", re.sub(r"\s+(?:and|or|,)?\s*$", "", " ".join(what.split()))).rstrip(".?, ")
    words = what.split()
    if not words or len(words) > 22:
        return None
    if m.group("verbs").lower().startswith("show") and not re.match(r"(?:what|whether|that|how\s+much|the\s+difference)\b",
                                                                  what, re.I):
        return None  # 'Showing change over time honestly': how figures are shown, not what is measured
    if re.match(r"(?:it|this|these|they)\b", what):
        return "that " + what  # 'how you will know it is working'
    if len(words) <= 3 and not re.match(r"(?:what|whether|how|that|the\s+difference)\b", what):
        return "progress on " + what  # 'Measuring and reporting delivery each quarter'
    return what


_MEASURE_REF = re.compile(r"(?<![\w-])(?!LOT\d)((?:[A-Z]{2,4}-[A-Z]{1,4}|[A-Z]{2,4})\d{1,2}(?:\.\d{1,2})?|KPI\s?\d+|[A-Z]\d-\d{2})(?![\w-])")
_MEASURE_LINE = re.compile(r"(?i)\b(?:measures?|KPIs?|targets?|indicators?|commitments?|outcomes?|themes?)\b|%")


def buyer_measure_refs(question: str) -> list[str]:
    """The buyer's own references for its measures ('SV02', 'FEK1.1', 'KPI 3', 'L2-03'), in order, from the lines of
    the question that speak of measures, targets or commitments (a postcode district in an address line is none)."""
    out: list[str] = []
    for line in (question or "").splitlines():
        if not _MEASURE_LINE.search(line) and not line.lstrip().startswith("|"):  # a table row is a measure's row
            continue
        for ref in _MEASURE_REF.findall(line):
            if ref not in out:
                out.append(ref)
    # a theme whose measures are numbered under it ('FEK1' over 'FEK1.1', 'FEK1.2') is not a measure of its own
    return [r for r in out if not any(o.startswith(r + ".") for o in out)]


def _measures_template(plan: QuestionPlan, methods: dict, question: str, buyer_blocks: list, values: dict) -> None:
    """A part that asks how we will know or measure something leads with the measures paragraph (buyer-measures):
    which measures (the buyer's KPIs it names or shares words with, then the catalogue's figures for its topic), how
    often they are reported (the ask's own 'each quarter', else every quarter), to whom (the body the part or the
    question names, else the buyer) and what happens when one is off track. A part the buyer's KPI table or a KPI
    standard already answers is left as it is."""
    block = next((b for b in buyer_blocks if b.block_id == "buyer-measures"), None)
    if block is None:
        return
    rows = buyer_kpis.read(question)
    cat = gather.catalogue()
    for point in plan.points:
        what = measure_ask(point.text) if point.kind != "confirm" else None
        method = methods.get(point.key)
        if not what or method is None or any(b.block_id in ("buyer-kpi-table", "buyer-standard-kpi", "buyer-measures")
                                             for b in method.blocks):
            continue
        want = set(blockmatch.tokens(what)) - blockmatch.HEAD_GENERIC
        about = set(blockmatch.tokens(f"{point.text} {plan.title}")) - blockmatch.HEAD_GENERIC - _GAP_GENERIC
        measures = []
        for r in rows:
            named = re.search(r"(?<![\w-])" + re.escape(r.ref) + r"(?![\w-])", point.text)
            if named or len(want & set(blockmatch.tokens(r.measure))) >= 2:
                measures.append(f"the buyer's {r.ref} ({' '.join(r.measure.split())})")
        # what the ask itself says is counted ('the difference the Hubs make to uptake of checks and follow-up')
        counted = re.search(r"\b(?:uptake|take-up|share|number|rate|proportion|use)\s+of\s+[^,;]+", what)
        if counted and not measures:
            measures.append(f"the {counted.group(0).strip()} among the people we support, from our own records")
        refs = [] if measures else buyer_measure_refs(question)
        if len(refs) > 4:
            measures.append(f"each of the buyer's {len(refs)} measures ({refs[0]} to {refs[-1]})")
        elif refs:
            measures.append("the buyer's measure " + refs[0] if len(refs) == 1
                            else "the buyer's measures " + ", ".join(refs[:-1]) + " and " + refs[-1])
        for ind in blockmatch.indicators_for(point.text):
            if len(measures) >= 3:
                break
            # a figure for the whole service ('goals met or exceeded at review') is no measure of what the part asks
            # about (s12 q05, spent: goals met offered as the Hubs' physical-health impact): its title shares a word
            # with the part or the question's title
            if ind in cat and not askfit.figure_misfit(point.text, ind) and about & (
                    set(blockmatch.tokens(cat[ind].title)) - blockmatch.HEAD_GENERIC - _GAP_GENERIC):
                title = cat[ind].title
                measures.append(title[:1].lower() + title[1:] if re.match(r"[A-Z][a-z]", title) else title)
        buyer = values.get("buyer") or "the commissioner"
        if not measures:
            measures = [f"the measures for it that we agree with {buyer} during mobilisation"]
        said = (measures[0] if len(measures) == 1 else ", ".join(measures[:-1]) + " and " + measures[-1])
        every = _EVERY.search(point.text)
        when = f"every {every.group(1) or _EVERY_WORD[every.group(2).lower()]}" if every else "every quarter"
        # whom: the body the part names, else one the question says it reports to (not a forum it names for another role)
        body = _BODY.search(point.text) or next(
            (m for line in re.split(r"(?<=[.?!;])\s+|\n", question) if re.search(r"(?i)\breport", line)
             for m in [_BODY.search(line)] if m), None)
        audience = f"the {body.group(1).strip()}" if body and not body.group(1).lower().startswith("our ") else buyer
        mine = dict(values, measure_verb=measure_verb(point.text), measure_what=what, measures=said, report_when=when,
                    audience=audience)
        # a part whose measuring is its later ask ('how you will share information with GPs ..., and how you will track
        # timeliness') leads with what it asks first: the measures paragraph follows the part's own method (demo q05:
        # the part headed 'Sharing information with GPs ...' opened with tracking KPIs; the panel read it as lifted)
        later = any(u.get("block") and not u.get("template") for u in method.units) \
            and not measure_ask(_SECOND_ASK.split(point.text)[0])
        units = _template_units(block, mine, lead=not later)
        for i, u in enumerate(units):  # which measures, to whom and the action when off track stay; the counting goes first
            u["priority"] = 2 if i == 1 else 1
        _place(method, block, units, mine, lead=not later)


def _place(method: Method, block, units: list[dict], values: dict, *, lead: bool) -> None:
    if not units:
        return
    if lead or not method.units:
        # after the templates placed before it (in the buyer's order), before the library's blocks
        at = next((i for i, u in enumerate(method.units) if not u.get("template")), len(method.units))
        method.units[at:at] = units
    else:
        method.units += units
    method.blocks.append(block)
    if block.stale:
        method.stale.append(block)
    if method.means is None and block.means:
        means, _ = fill(block.means, values)
        if not _PLACEHOLDER.search(means):
            method.means = {"text": means, "block": block.block_id}


def _buyer_figures_by_part(plan: QuestionPlan, question: str) -> dict[str, str]:
    """For each scored part, the buyer's figure its question gives about what the part addresses (the figure's
    sentence shares two or more words with the part's, the most of any part), as a sentence in the buyer's phrase
    (:func:`buyer_terms.figure_sentences`): each figure once, one per part. A part about a locality the buyer names
    has its figures from its template instead."""
    places = set(blockmatch.tokens(" ".join(buyer_terms.place_words(question)))) | set(
        blockmatch.tokens("january february march april may june july august september october november december"))

    def stems(text: str) -> set[str]:  # 'disengage' and 'did not engage' are one matter; places and months are none
        words = set(blockmatch.tokens(text)) - blockmatch.HEAD_GENERIC - places
        return words | {w[3:] for w in words if w.startswith("dis") and len(w) > 7}

    points = [p for p in plan.points if p.kind != "confirm" and not buyer_terms.locality_gap(p.text)]
    out: dict[str, str] = {}
    for said, sentence in buyer_terms.figure_sentences(question, [p.text for p in plan.points]):
        # the figure's own measure first ('discharges recorded as "did not engage"'), then its whole sentence
        for want, least in ((stems(said), 1), (stems(sentence), 2)):
            scored = sorted(((len(want & stems(p.text)), i) for i, p in enumerate(points)), reverse=True) + [(0, -1)]
            best, second = scored[0], scored[1]
            if best[0] >= least and best[0] > second[0]:
                if points[best[1]].key not in out:
                    out[points[best[1]].key] = said
                break
    return out


def _partner_turn(block, name: str, partners: list[str] | None, templates: dict, told=frozenset()):
    """The partner paragraph for ``name``: the tender's partners (``partners``, every answer's) take the library's
    partner templates in turn, by their names' alphabetical order, so that no two partners of one bid get the same
    paragraph word for word (s22 panel: 'named link ... attends its meetings as agreed' for three partners). A turn
    another answer of the tender has used (``told``) passes to the next one it has not: the tender names more partners
    than there are templates, and two took one paragraph with only the name changed (s26 panel: 'We ask people who use
    both services how the move between them went ...' for The Hollybank Centre in Q4 and the EHP Physical Health Check
    Team in Q6.1; session 27)."""
    turns = [block] + [b for b in (templates.get(f"buyer named partner {n}") for n in range(2, 10)) if b is not None]
    order = sorted({" ".join(p.lower().split()) for p in partners or []} | {" ".join(name.lower().split())})
    at = order.index(" ".join(name.lower().split())) % len(turns)
    return next((b for b in turns[at:] + turns[:at] if b.block_id not in told), turns[at])


def _buyer_templates(plan: QuestionPlan, methods: dict, reqs: list[Requirement], unnamed: list[Requirement],
                     comparisons: list, figures: list, approved: list, fill_profile: dict, profile: dict,
                     told=frozenset(), buyer_text: str = "", local: frozenset[str] | set[str] = frozenset(),
                     partners: list[str] | None = None) -> dict:
    """Fill the buyer templates (:mod:`buyer_terms`) into the parts that need them: for each buyer figure
    ours falls short of, its template leads the first part that speaks of it; for each local thing the
    buyer names that no approved block names, the template of its kind goes into the part that names it
    (leading it when the part asks about it). A figure's template another answer of the tender has used
    (``told``) is not said again: this answer works to the same standard, and the coverage says where it was
    said. Returns {figure: part key or 'told', figure + ':block': block id}."""
    templates = {t.strip().lower(): b for b in approved for t in b.tags}
    # the buyer's places: from its name when known, and from the names its text gives (a question drafted alone
    # rarely names the buyer: s10 q07's 'Wyke Living Well Partnership Board', q10's 'Tarrow and Wyke ... Protocol')
    # (``local``, read once by assemble_tender for the whole answer)
    placed: dict[str, str] = {}
    # the posts this contract adds to our current team, as a plan: the establishment offered (when the buyer's figures
    # sized it), the staff the buyer says are in scope of TUPE, the contract start (s20 q08)
    offered = re.match(r"\s*(\d+(?:\.\d+)?)\s+whole-time-equivalent\s+posts\s+for\s+this\s+contract",
                       fill_profile.get("team_wte") or "")
    tupe = next(((q.value, float(q.groups["wte"]) if q.groups.get("wte") else None)
                 for q in buyer_scale.read(buyer_text) if q.kind == "tupe_staff"), None)
    start = str(fill_profile.get("contract_start") or "")
    if not start and any(c.short and c.what in ("workforce", "peer_workforce") for c in comparisons):
        # a question drafted without its tender: the start the buyer's facts give
        day = next((f.data[1] for f in buyer_facts.read(buyer_text) if f.kind == "contract" and f.data[:1] == ("start",)),
                   None)
        start = f"{day.day} {day:%B %Y}" if day else ""
    values = dict(fill_profile, **buyer_terms.template_values(
        comparisons, figures, profile, profile, offered=float(offered.group(1)) if offered else None, tupe=tupe,
        start=start))
    done: set[str] = set()
    for c in comparisons:
        name = buyer_terms.TEMPLATE_OF[c.what]
        block = templates.get(f"buyer figure {name}")
        if not c.short or block is None:
            continue
        point = _template_home(plan.points, c.what, block)
        if point is None:
            continue
        if block.block_id in told:
            placed[c.what] = "told"
            continue
        placed[c.what], placed[c.what + ":block"] = point.key, block.block_id
        if name in done:
            continue
        done.add(name)
        lead = c.what != "open"  # the room we have comes after the team we will have
        _place(methods[point.key], block, _template_units(block, values, lead=lead), values, lead=lead)
    base = profile.get("base") or ""
    todo = []
    roles = buyer_scale.staff_roles(buyer_text)  # the buyer's staff roles: ours, never partners
    run_sites = places.sites_with(places.read(buyer_text), site_roles.read(buyer_text)).run
    colocated = buyer_terms.colocation(buyer_text)
    values["colocated_with"] = ("the " + buyer_terms.with_article(colocated[0]) if colocated[0]
                                else "the community mental health teams")
    for r in reqs:
        if r.kind != "name" or r not in unnamed:
            continue
        place, listed = is_base(r.name, base), ""
        if place:
            # the buyer's hub we work from, or a service its Lot includes (a safe haven): ours, never a partner
            # by the buyer's verb ('operate from' / 'based at': a base; 'includes' / 'run': a place we run); a place
            # set without the buyer's sentence is one we run only when it is a crisis place (review s9 item 20)
            # (or by the buyer's heading over the table or list it is in: '**Facilities the Provider will run itself**';
            # then said only in a part that asks about it, never in one on KPIs that merely names it: s22 dev q09)
            # (a crisis place's paragraph is the run template's own subject, said wherever the buyer's sentence naming
            # it is nearest, as before 'The Lantern Safe Haven' was read as the place it is: dev s24 q01, q06, q08)
            listed = "" if place_kind(place, r.sentence) or crisis_place(place) else place_kind(place, buyer_text)
            kind = place_kind(place, r.sentence) or listed or ("run" if crisis_place(place) else "base")
            found = (kind, place)
        else:
            found = buyer_terms.local_kind(r.name, r.sentence, local)
            if found and found[0] == "partner" and buyer_scale.is_role(found[1], roles):
                continue  # a role in the buyer's staffing table is our staff group, not a partner
            if found and found[0] == "partner" and places.named(found[1], run_sites):
                continue  # a site the buyer says we run is never a partner (s28 panel: 'an information sharing
                # agreement with the Foundry Hub', a hub the provider runs)
            if found and found[0] == "partner" and buyer_terms.site_only(found[1], buyer_text):
                # a building where another body is ('... CMHT at Harbour House'): a site, not a partner; where our
                # teams share it, the buildings are said once, each with its team (the 'buyer named colocated' block)
                if not any(found[1] in c.split(" at ")[-1] for c in colocated[1]) or \
                        any(t[0][0] == "colocated" for t in todo):
                    continue
                found = ("colocated", join_and(colocated[1]))
        block = templates.get(f"buyer named {found[0]}") if found else None
        if block is None:
            continue
        if found[0] in ("base", "run", "colocated") and block.block_id in told:
            continue  # said once for the tender, in the answer that asks about it first
        asked = [p for p in plan.points if mentions(r, p.text) or short_mention(found[1], p.text, local)]
        if found[0] == "partner":
            # a part naming the partner only as the place where our own work happens ('staff evening and Saturday
            # opening at Canolfan Afon and sessions at Y Lloches Sanctuary') asks about our staffing there, not about
            # working with the partner: its working-agreement paragraph is no answer (s33 q10)
            asked = [p for p in asked if _PARTNERSHIP.search(p.text) or not _named_as_place(found[1], p.text)]
        if found[0] == "colocated":
            # the part that asks about our teams the buyer's sentence says share the buildings ('Three community
            # recovery teams, co-located with ...'): 'how the community recovery teams ... will work as one service'
            who = re.search(r"((?:[a-z-]+\s+){1,2}teams?)\b[^.:;]{0,20}?\bco-located\b", r.sentence)
            asked = [p for p in plan.points if who and who.group(1).lower() in p.text.lower()]
        if listed and not asked:
            continue
        near = asked or [p for p in plan.points if r in _named_here(p, plan, reqs)]
        if not near:
            want = set(blockmatch.tokens(r.sentence)) - blockmatch.HEAD_GENERIC
            scored = sorted(plan.points, key=lambda p: -len(want & set(blockmatch.tokens(p.text))))
            near = scored[:1]
        if found[0] == "partner" and not asked:
            # a partner's paragraph goes under the part that asks about it or about working with others, never
            # under the part that merely shares words with the buyer's sentence naming it (s10 q04: the Adult
            # Safeguarding Hub of a Pass/Fail statement, five times under 'Making Safeguarding Personal and the
            # Mental Capacity Act')
            near = [p for p in near if _PARTNERSHIP.search(p.text) or r.name.lower() in p.text.lower()
                    and not _named_as_place(found[1], p.text)]
        if not asked:
            # a paragraph on a subject every part must ask for (the service manager as the named contact for the
            # buyer's boards) goes only under a part that asks about it, never as a filler under the part nearest in
            # words (s33: under movement between services, isolation, information sharing, digital skills)
            near = [p for p in near if partfit.subject_misfit(situated(p), block.title) is None]
        if found[0] in ("run", "base"):
            # the paragraph on running a place answers a part about running it (its staffing, opening, the service's
            # components), never one naming the place as where something else happens (s26 panel: 'We will run the
            # Wellbeing Hubs ourselves ...' under 'Reaching people who cannot travel', 'Agree a planned admission to
            # Cedar Lodge' and activity at Cedar Lodge); with no such part it is not said (session 27)
            near = [p for p in near if commitments.runs_place(p.text)]
        if not near:
            continue
        if found[0] == "policy" and any(buyer_terms.with_article(found[1]).lower() in " ".join(said.split()).lower()
                                        for said in [g.statement for g in plan.gates or []]
                                        + [pt.text for pt in plan.points if pt.kind == "confirm"]):
            # the buyer's statement to confirm commits to it already, with its version: 'We will work to the EHP ...
            # Policy' beside it says the one commitment twice, once without the version (s26 q07 panel)
            continue
        todo.append((found, block, near[0], bool(asked)))
    # a buyer's short name for a place it also names in full ('Linden House' beside 'Linden House Crisis House') is
    # one place: said once, by its full name (s22 q04: 'the Linden House and the Linden House Crisis House')
    fulls = [t[0][1] for t in todo]
    todo = [t for t in todo
            if not any(f != t[0][1] and f.lower().startswith(t[0][1].lower() + " ") for f in fulls)]
    # several things one part names each get a sentence of their own (the template's short form), rather than
    # the first template's whole paragraph crowding out the rest (s10 q05: four partners in two parts)
    many = {key for key in (t[2].key for t in todo) if sum(t[2].key == key for t in todo) > 1}
    shorts = buyer_terms.short_forms()
    # several partners of one part in the same short form are named together in one sentence, not in sentences of
    # one shape one after another (s10 q05: 'During mobilisation we will agree with X how referrals ...' twice)
    together: dict[tuple[str, str], list[str]] = {}
    for found, block, point, _ in todo:
        short = shorts.get(block.block_id, "")
        if point.key in many and short.count("{named}") == 1 and not re.search(r"\b(?:it|its)\b", short) \
                and found[0] != "policy":
            together.setdefault((point.key, block.block_id), []).append(buyer_terms.with_article(found[1]))
    # what a part's sub-point names comes before what the question names elsewhere and the part is nearest to: of equal
    # priority the later sentence is trimmed first (s13 q07)
    ours_said: set[str] = set()  # the places of ours this answer has given the whole paragraph to
    turned: set[str] = set()  # the partner paragraphs this answer has given
    for found, block, point, asked in sorted(todo, key=lambda t: not t[3]):
        named = buyer_terms.with_article(found[1])
        if found[0] in ("base", "run") and block.block_id in shorts:
            # several places the buyer says we run (s22 dev: a Recovery Line, two hubs and a step-up house): the
            # template's whole paragraph once, then one sentence for each other place
            if block.block_id in ours_said:
                block = dataclasses.replace(block, body=shorts[block.block_id], means="")
            ours_said.add(block.block_id)
        names = together.get((point.key, block.block_id), [])
        if len(names) > 1:
            if named != names[0]:
                continue  # said with the first
            the = "the " if "the {named}" in shorts[block.block_id] else ""  # 'the A and the B', as each alone
            # (but a plural name the buyer never writes after 'the': 'Pellingford Homes', s26 q04 panel)
            art = {n: "" if buyer_terms.without_article(n, buyer_text) else the for n in names}
            named = ", ".join([names[0]] + [art[n] + n for n in names[1:-1]]) + " and " + art[names[-1]] + names[-1]
        if found[0] == "partner" and point.key not in many and len(names) <= 1:
            block = _partner_turn(block, found[1], partners, templates, set(told) | turned)
            turned.add(block.block_id)  # nor twice in this answer
        mine = dict(values, named=named)
        method = methods[point.key]
        if found[0] == "policy" and fill_profile.get("provider"):
            # the buyer's policy is the one followed: a sentence setting the same matter by our own policy goes
            # ('The rate is set in the Harbour Lane Trust involvement payment policy'); our policy on another
            # matter (safeguarding, lone working) stays (review s8 item 5)
            same = ours_on_same_matter(named, fill_profile["provider"], local)
            _drop_units(method, lambda u, same=same: same(u["text"]))
        units = None
        # the strategy template's short form offers a programme to people ('We will offer the Wykeham Active Lives
        # programme at each review'); a strategy or plan is worked to, in the template's whole paragraph (s13 q10's
        # Homelessness Prevention and Rough Sleeping Strategy 2026–2031)
        offered = not (found[0] == "strategy" and re.search(r"\b(?:strategy|plan|approach)(?:\s+\d{4}(?:[–-]\d{4})?)?$",
                                                            named, re.I))
        if point.key in many and block.block_id in shorts and offered:
            # one sentence each, after the library's method for the part (which says what the part asks we do)
            block = dataclasses.replace(block, body=shorts[block.block_id], means="")
            units = _template_units(block, mine, lead=asked)
            for u in units:
                # the part's sub-point names it: its one sentence is kept before the library's method is cut, and
                # before that of a thing named elsewhere in the question (s13 q07: the Lived Experience Network and
                # the Carers' Forum the part asks about went for budget, the Standard of the question's opening stayed)
                u["priority"] = 1 if asked else 2
            asked = asked and not any(not u.get("template") for u in method.units)
        units = units if units is not None else _template_units(block, mine, lead=asked)
        bare = [n for n in (names or [named]) if buyer_terms.without_article(n, buyer_text)]
        for u in units if bare else []:
            u["text"] = buyer_terms.drop_article(u["text"], bare)
        _place(method, block, units, mine, lead=asked)
    # a gap the buyer names in one of its localities: the buyer's own figures for it against the area, then the method
    block = templates.get("buyer named locality")
    for point in plan.points if block is not None else []:
        place = buyer_terms.locality_gap(point.text)
        if not place or any(b.block_id == block.block_id for b in methods[point.key].blocks):
            continue
        mine = dict(values, named=place, locality_figures=buyer_terms.locality_figures(buyer_text, place))
        units = _template_units(block, mine, lead=True)
        for i, u in enumerate(units):  # the buyer's figures and the first step are kept; the rest goes first when short
            u["priority"] = 1 if i < 2 else 3
        _place(methods[point.key], block, units, mine, lead=True)
        placed["locality:" + point.key] = block.block_id
    return placed


_GROWTH = re.compile(r"\b(?:grow|increas|expand|extend|doubl|widen|rais)\w*\s+(?:[\w'’-]+\s+){0,4}?from\s+[\d,]+\b"
                     r"|\b(?:grow|increas|expand|widen|doubl)\w*\s+(?:the\s+|our\s+|your\s+)?(?:access|reach|numbers?|"
                     r"uptake)\b", re.I)
"""An ask to change a volume ('grow access from 431 people to 1,150 people a year', 'increase uptake'): its direction
is reach and numbers, not how fast one referral is answered nor who staffs the service (s15 panel: a first-contact
paragraph under 'growing access from N to M people a year')."""


def _template_home(points: list, what: str, block) -> "SubPoint | None":
    """The part a buyer figure's template goes in: of the parts whose words speak of it (``buyer_terms.WHERE``), the
    one that shares the template's situation or topic (askfit scenes, the topic table), else the first; never a part
    written about another situation (its scenes and the template's are disjoint) nor, for a first-contact or staffing
    template, a part asking to grow a volume. None when no part fits: the comparison row then says it is not in this
    answer, rather than the paragraph standing under the wrong heading."""
    topics = blockmatch.load_topics()
    scenes, mine = askfit.block_scenes(block), blockmatch.block_topics(block, topics)
    best = None
    for p in points:
        if not buyer_terms.WHERE[what].search(p.text):
            continue
        if what != "open" and _GROWTH.search(p.text):
            continue
        asked = askfit.scenes(p.text)
        if scenes and asked and not asked & scenes:
            continue
        shared = bool(asked & scenes) + bool(mine & {h.topic.name for h in blockmatch.topic_hits(p.text, topics)})
        if best is None or shared > best[0]:
            best = (shared, p)
    return best[1] if best else None


def _named_as_place(name: str, text: str) -> bool:
    """True when every mention of ``name`` (a partner the buyer names) in ``text`` is a place something happens at
    ('sessions at Y Lloches Sanctuary', 'opening in the Lloches Sanctuary'), none of them the partner as a party."""
    words = name.split()
    key = re.escape(" ".join(words[-2:]) if len(words) > 2 else name)
    seen = list(re.finditer(key, text or "", re.I))
    at = _PLACE_BEFORE
    return bool(seen) and all(at.search(text[max(0, m.start() - 60):m.start()]) for m in seen)


# a place preposition just before a name ('sessions at the Anchor Drop-in'); compiled once (review, session 34)
_PLACE_BEFORE = re.compile(r"\b(?:at|in|from|on)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$")
_PARTNERSHIP = re.compile(r"\b(?:partner(?:s|ship|ships)?|work(?:s|ing)?\s+(?:jointly\s+)?(?:with|alongside)|joint(?:ly)?|"
                         r"multi-agency|interface|link(?:s|ing)?\s+(?:\w+\s+){0,2}(?:with|to)|connect\w*\s+(?:\w+\s+){0,2}(?:with|to)|liais\w*|other\s+(?:agencies|services|organisations|"
                         r"providers)|referr\w*\s+(?:to|from|between)|information\s+sharing|share\s+information)\b",
                         re.I)
"""A part that asks about working with others: where a partner the buyer names elsewhere may be answered."""


def short_mention(name: str, text: str, local=frozenset()) -> bool:
    """``text`` names the buyer's thing by the short form the buyer uses after naming it in full ('the
    Partnership Board' for 'the Hartmoor and Wendle Mental Health Partnership Board'): the last two words
    of the name or more, capitalised as in the name, with its place words left out. Never after 'a', 'an', 'any',
    'each' or 'every': 'people who cannot travel to a Wellbeing Hub' speaks of any of the buyer's hubs, not the
    Colbury Veterans' Wellbeing Hub, whose partner paragraph went under it (s26 q01, session 27)."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in local and w.lower() != "and"]
    for n in range(2, len(words)):
        tail = words[-n:]
        if re.search(r"(?<!\ba\s)(?<!\ban\s)(?<!\bany\s)(?<!\beach\s)(?<!\bevery\s)\b"
                     + r"\s+".join(re.escape(w) for w in tail) + r"\b", text or ""):
            return True
    return False


_LOCAL_PHRASE = re.compile(r"\b(?:the|a|our)\s+local\s+((?:[\w'’()-]+\s+){0,6}[\w'’()-]+)", re.I)
_FILLER = {"and", "of", "the", "for", "to", "in", "a", "an", "its", "their"}


def _word_key(w: str) -> str:
    w = re.sub(r"['’]s?$", "", w.lower().strip("()"))
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def generic_phrase(name: str, text: str, local=frozenset()) -> str:
    """The words in ``text`` that speak of the buyer's named thing generically, as ours everywhere
    ('the local safeguarding children partnership's procedures' for 'the Wendle Safeguarding Children
    Partnership procedures'; 'the local Individual Placement and Support (IPS) service' for 'the Wendle
    Works IPS service'), or ''. The phrase ends in the name's head noun and shares the name's acronym, or
    all its other words, or at least two of them; the place words (``local``) are left out of the name."""
    words = re.findall(r"[\w'’-]+", name)
    keys = [_word_key(w) for w in words if w.lower() not in local and w.lower() not in _FILLER]
    if len(keys) < 2:
        return ""
    head, rest = keys[-1], set(keys[:-1])
    acronyms = {_word_key(w) for w in words if re.fullmatch(r"[A-Z]{2,6}", w)}
    for m in _LOCAL_PHRASE.finditer(text or ""):
        said = m.group(1).split()
        for end in range(1, len(said) + 1):
            if _word_key(said[end - 1].rstrip(",.;:")) != head:
                continue
            got = {_word_key(w.rstrip(",.;:")) for w in said[:end]} - _FILLER
            # words that are not the name's speak of something else ('the local Safeguarding Adults Board and
            # safeguarding children partnership'), unless they spell out the name's acronym ('(IPS)')
            # or the words of its kind, the name's last two or more ('the local safe haven' for 'The Lantern Safe
            # Haven'; s25 panel: the named safe haven never said)
            kind = len(got) >= 2 and [_word_key(w.rstrip(",.;:")) for w in said[:end] if _word_key(w) not in _FILLER] \
                == keys[-len(got):]
            if (acronyms & got) or kind or (got <= set(keys) and (rest <= got or len(rest & got) >= 2)):
                return text[m.start():m.start(1)] + " ".join(said[:end]).rstrip(",.;:")
            break
    return ""


def _name_generic(units: list[dict], names: list, local) -> None:
    """Each method unit that speaks of one of the buyer's named things generically ('the local IPS service')
    names it as the buyer does ('the Wendle Works IPS service'): one name for one thing in every answer. A name may
    come with what the buyer calls it, (description, name): the generic words are matched to the description."""
    for u in units:
        for entry in names:
            said_as, name = entry if isinstance(entry, tuple) else (entry, entry)
            for _ in range(3):  # each time a unit says it
                found = generic_phrase(said_as, u["text"], local)
                if not found:
                    break
                lead = "our" if found.lower().startswith("our") else "the"
                said = f"{lead} {buyer_terms.with_article(name)}"
                if isinstance(entry, tuple):  # a body named with its article as the buyer writes it
                    said = name[:1].upper() + name[1:] if found[:1].isupper() else name
                u["text"] = u["text"].replace(found, said, 1)


def _named_by_library(plan: QuestionPlan, methods: dict, reqs: list[Requirement], unnamed: list[Requirement],
                      approved: list, values: dict, local, told=frozenset()) -> list[Requirement]:
    """The buyer's named local things (in ``unnamed``) that an approved block already speaks of as ours,
    generically ('the local IPS service' for 'the Wendle Works IPS service'): the block, naming the thing as
    the buyer does, answers the part that asks about it instead of a template that would plan for it as new,
    so a thing is not planned in one answer and described as current practice in another. A block another
    answer of the tender has used (``told``) counts too: that answer said it. Returns those things."""
    covered = []
    chosen = {b.block_id for m in methods.values() for b in m.blocks}
    for r in unnamed:
        if r.kind != "name" or buyer_terms.local_kind(r.name, r.sentence, local) is None:
            continue
        block = next((b for b in approved if generic_phrase(r.name, _block_text(b, values), local)), None)
        if block is None:
            continue
        covered.append(r)
        if block.block_id in chosen or block.block_id in told:
            continue
        asked = [p for p in plan.points if mentions(r, p.text)]
        if not asked:
            continue
        units = _template_units(block, values, lead=True)
        for u in units:
            u.pop("template", None)
        _place(methods[asked[0].key], block, units, values, lead=True)
        chosen.add(block.block_id)
    return covered


def _value_of(text: str) -> float | None:
    m = re.search(r"\d+(?:\.\d+)?", text or "")
    return float(m.group(0)) if m else None


_STANDARD_LABEL = {"timescale": "a timescale", "training": "a training level", "payment": "a payment rate",
                   "requirement": "a named requirement",
                   "reporting": "reporting", "kpi": "a KPI and its baseline"}


def _standard_values(db: Database, st, period, env, timed: bool = False,
                     incumbent: bool = False) -> tuple[dict[str, str], str]:
    """The values a ``buyer standard`` template is filled with, and our figure as the coverage states it. When
    we are the incumbent the buyer's baseline is a figure for the service we run now: our own figure for the
    measure is stated beside it only when it is the same, never a second, different value for one service."""
    if st.kind == "timescale":
        # the buyer's standard said as our commitment, with its percentage and who does it and how (s18-s25 panels:
        # "The specification asks for X. We will work to that timescale" read as restated, not committed to)
        return {"std_says": st.text, "std_commit": buyer_standards.commitment(st) or f"We will meet {st.text}."}, ""
    if st.kind == "requirement":
        check = st.who[:1].upper() + st.who[1:] + "." if st.who else ""
        return {"req_commit": st.text, "req_check": check}, ""
    if st.kind == "training":
        who = st.who[:1].upper() + st.who[1:] if st.who else "All staff"
        subject = st.matter or "the training"
        if not re.search(r"\b(?:training|standard|framework|programme|course)\b", subject, re.I):
            subject += " training"
        commit = f"{who} will complete {subject} at {st.text}" + (f" {st.when}" if st.when else "")
        check = ("Each worker's training is booked in their induction plan, and the team leader checks the training "
                 "record before the worker is put on the rota for work it covers." if st.when.lower().startswith("before")
                 else "Each worker's training is booked in their induction plan and its progress is checked at monthly "
                 "supervision until it is complete.")
        return {"training_commit": commit, "training_check": check}, ""
    if st.kind == "payment":
        return {"pay_policy": st.matter or "buyer's involvement payment policy", "pay_rate": st.text}, ""
    if st.kind == "reporting":
        return {"report_lead": f"We will report to the {st.matter} {st.text}" + (f" against {st.when}" if st.when else ""),
                # a mobilisation board meets before the contract starts: the reports start with mobilisation
                "report_start": "from the start of mobilisation" if buyer_standards.reports_before_start(st)
                else "from the first full quarter of the contract",
                "report_figures": "gives each figure with its period and the number of people it covers"
                + (f", broken down by {st.who}" if st.who else "")}, ""
    when = buyer_standards.baseline_when(st.baseline_sentence)
    base = f"{st.baseline} ({when})" if when and st.baseline else st.baseline
    if st.matter == "median_wait":
        buyer = f"The buyer's current median wait from referral to first contact is {base}."
    elif st.text and st.baseline:
        buyer = f"The commissioners' target for {st.label} is {st.text}, from the buyer's current figure of {base}."
    elif st.text:
        # said to the buyer as the commissioners' (s25 panel: 'The buyer's target ...' is the bid team's note)
        buyer = f"The commissioners' target for {st.label} is {st.text}."
    else:
        buyer = f"The buyer's current figure for {st.label} is {base}."
    ours, said = "", ""
    if st.matter == "median_wait":
        waits = gather.waiting_times(db, period)
        if waits.median_days is not None and waits.seen:
            said = f"{waits.median_days:g} days"
            ours = (f"In our current service the median wait from referral to first attended contact was {said} in "
                    f"{gather.prose_period(period)} ({count_prose(waits.seen, True)} people seen).")
    elif st.indicator:
        r = gather.indicators(db, period, None, [st.indicator]).get(st.indicator)
        if r is not None and r.value is not None:
            f = env.filters
            basis = f["fraction"](r)
            said = f["value"](r)
            ours = (f"In our current service the same measure ({f['title'](r)[:1].lower() + f['title'](r)[1:]}) was "
                    f"{said} in {gather.prose_period(period)}" + (f" ({basis})." if basis else "."))
    if ours and incumbent and st.baseline and _value_of(said) != _value_of(st.baseline):
        # the buyer's baseline is for the service we run now: a different figure of ours beside it would contradict
        # the commissioner's own data with nothing to reconcile them (review s9 item 11)
        ours, said = ("Our own records for the service we run now give a different figure for this measure, so we "
                      "will reconcile the two counts with the buyer before go-live and report one figure, to the "
                      "buyer's definition."), f"{said} in our records (not stated: we run the service now)"
    # nothing of ours to set beside it: ours stays '' and the template goes on with how we will count it (s25 panel:
    # 'Our current service does not report this measure' read as the bid team's note)
    aim = "the trajectory for the year" if re.search(r"\bYear\s+\d", st.text) else \
        "the trajectory for the month" if re.search(r"\bMonth\s+\d", st.text) else (
        "the target" if st.text else "the standard the specification sets" if timed else
        "the buyer's current figure")
    return {"kpi_buyer": buyer, "kpi_ours": ours, "kpi_aim": aim}, said or "not reported in this form"


def _standard_templates(db: Database, plan: QuestionPlan, methods: dict, standards: list, question: str,
                        approved: list, values: dict, period, env, told=frozenset(), context: str = "",
                        confirmed: list[str] | None = None) -> list[tuple]:
    """The buyer's standards beyond first contact and workforce (:mod:`buyer_standards`): a method sentence
    of ours stating a longer timescale than the buyer's on the same matter is left out of every part; each
    standard's template (``buyer standard <kind>``) goes into the part that asks about it (leading it), or,
    when the buyer's sentence is this question's, the part sharing most words with it. A template another
    answer of the tender has used says only its first sentences here. Returns [(standard, part key, ours)]."""
    templates = {t.strip().lower(): b for b in approved for t in b.tags}
    slow = [st for st in standards if st.kind == "timescale"]
    for method in methods.values():
        # ours said with the buyer's time on the same matter (s20: 'within 72 hours of the step-up' against the buyer's
        # 4 hours; the discharge summary 'within five working days' against its 2): what the method says stays
        for u in method.units:
            if not u.get("template"):
                text, changed = buyer_standards.hold(u["text"], slow)
                if changed:
                    u["text"] = text
                    u["held"] = list(u.get("held") or []) + changed
        _drop_units(method, lambda u: not u.get("template") and any(buyer_standards.weaker(u["text"], st) for st in slow))
        _drop_units(method, lambda u: not u.get("template") and any(buyer_standards.agrees_later(u["text"], st)
                                                                    for st in standards))
    out = []
    used: set[str] = set()
    own = {(st.kind, st.text) for st in buyer_standards.read(question)}  # what this question itself states
    # what the tender's other questions state (a standard in the questionnaire's introduction only is in neither)
    others = {(st.kind, st.text) for st in buyer_standards.read(context)} if context else set()
    for st in standards:
        block = templates.get(f"buyer standard {st.kind}")
        if buyer_standards.hold_only(st):
            continue  # it holds our sentences to the buyer's time (above); the buyer's sentence is echoed as written
        if block is None or st.kind == "kpi" and not (st.text.strip() or st.baseline.strip()):
            continue  # a KPI with no figure of the buyer's: its template would say a figure it does not have
        if (st.kind, st.text) not in own and (st.kind, st.text) in others:
            # a standard another question of the tender states is that answer's to commit to (one set of facts for
            # the bid); here our weaker sentence on the matter is still left out, above
            continue
        said = " ".join(st.sentence.split()).rstrip(". ")
        if said and any(said in " ".join(c.split()) or " ".join(c.split()).rstrip(". ") in said for c in confirmed or ()):
            # a statement the answer confirms Yes or No to ('A4 The Bidder will raise any concern ... on the same working
            # day') is committed to by that confirmation: not a second time under another part's heading (s10 q04)
            continue
        point, asked = buyer_standards.where(st, plan.points)
        if not asked and st.kind == "timescale" and buyer_standards.kpi_line(st.sentence):
            # a KPI listed for information ('KPI 5: step-up requests responded to within 4 hours – 95%') is no part's
            # to commit to unless the part asks about it: ours on its matter is still said with its time (above)
            continue
        flat = " ".join(question.split())  # the buyer's sentence as read, its wrapped lines joined
        if point is None or (not asked and " ".join(st.sentence.split()) not in flat
                             and not (st.baseline_sentence and " ".join(st.baseline_sentence.split()) in flat)):
            continue
        mine, ours = _standard_values(db, st, period, env, timed=buyer_standards.sets_standard_for(st, slow),
                                      incumbent=(values.get("provider_status") or "").strip().lower() == "incumbent")
        mine = dict(values, **mine)
        units = _template_units(block, mine, lead=asked)
        for u in units:
            u["from"] = [st.sentence]  # the buyer's sentence it was read from (:func:`_one_statement_of_a_timescale`)
            if st.kind == "timescale":
                u["matter"] = st.matter
        differs = buyer_standards.profile_conflict(st, values) if st.kind == "requirement" else ""
        if differs:
            # ours differs from the buyer's figure: no commitment beside our own contrary figure (review s10 item 6)
            units = [{"text": f"[To confirm] The buyer requires \"{st.values.get('_asked') or st.text}\"; our service "
                              f"profile gives \"{differs}\". Confirm which this bid commits to, and how it will be met, "
                              f"before submitting.", "priority": 1, "block": block.block_id, "cont": False,
                      "template": True}]
            ours = DIFFERS + differs
        if st.kind == "kpi":
            for u in units[:2]:
                u["priority"] = 1
        if (block.block_id in used or block.block_id in told) and st.kind != "requirement":
            # its method is said once per answer (a named requirement's check is its own: each keeps it)
            units = units[:2] if st.kind == "kpi" else units[:1]
        method = methods[point.key]
        if st.kind == "timescale":
            # how we know (recorded where, reported when) is the same for every standard: a sentence of its own, the
            # first to go for the part's budget, never taking the commitment with it
            for u in units[1:]:
                u["cont"], u["priority"] = False, 4
        if st.kind == "timescale" and any(not u.get("template") for u in method.units):
            # the part's own method blocks say how (s20 q07: the template's generic procedure pushed the PSIRF method
            # out of the part): the buyer's timescale and our commitment to it lead them, and the template's procedure
            # is the first to go for the part's budget
            for u in units[2:]:
                u["priority"] = 4
        used.add(block.block_id)
        if st.kind == "payment" and values.get("provider"):
            same = ours_on_same_matter(mine["pay_policy"], values["provider"])
            _drop_units(method, lambda u, same=same: same(u["text"]))
        _place(method, block, units, mine, lead=asked)
        out.append((st, point.key, ours))
    return out


DIFFERS = "differs: "
"""How :func:`_standard_templates` marks our profile's figure for a requirement it differs from."""

_ASKS_FOR = "The specification asks for "


def _one_statement_of_a_timescale(method: Method) -> None:
    """A part whose commitment only says the buyer's standard back ('We will send discharge summaries to the GP and
    the EPFT CMHT within 1 working day of discharge.', read from the buyer's own sentence) does not say it beside the
    timescale template's commitment to it, which says it in our words with who does it and how ('We will send every
    discharge summary ... within 1 working day of discharge: the recovery worker writes it ...'): the said-back
    sentence goes (s25 panel: "restated with no who, what or how"; s18 q06, where two restatements took the part's
    words). A commitment that says more than the buyer's standard (a policy adopted, a gate's words) stays."""
    heads = [u for u in method.units if u.get("block") == "buyer-standard-timescale" and u["text"].startswith("We will ")]
    if not heads:
        return
    said = [(set(blockmatch.tokens(h["text"])), {m.group(0).lower() for m in _TIMESCALE.finditer(h["text"])},
             h.get("matter")) for h in heads]

    def restates(u: dict) -> bool:
        if u.get("block") != COMMITMENT:
            return False
        times = {m.group(0).lower() for m in _TIMESCALE.finditer(u["text"])}
        want = set(blockmatch.tokens(u["text"])) - blockmatch.HEAD_GENERIC
        if not times or not want:
            return False
        if any(times <= t and len(want & w) >= 0.8 * len(want) for w, t, _ in said):
            return True
        # the buyer's sentence said back on the same matter and timescale ('We will make sure that at least 85% of
        # people discharged from Windward House are followed up within 72 hours'), never a scoring gate's statement
        # (priority 0) nor one that adopts a named document
        # (nor one naming a party or programme ours does not: 'We will notify the Authority of every serious incident
        # ... under PSIRF')
        mine = buyer_standards.matters_in(u["text"])
        named = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b|(?<=\bthe )[A-Z][a-z]+", u["text"])}
        return u.get("priority", 1) > 0 and not re.search(r"\bv\d", u["text"]) and any(
            m in mine and times <= t and named <= {x.lower() for x in re.findall(r"[A-Za-z]+", h)}
            for (_, t, m), h in zip(said, (x["text"] for x in heads)))

    _drop_units(method, restates)


_TIMESCALE = re.compile(r"\bwithin\s+(?:\d+|[a-z]+)\s+(?:working\s+|calendar\s+)?(?:days?|hours?|weeks?)|\bsame\s+(?:working\s+)?day",
                        re.I)


def _said_back(sentence: str, asked: list[str]) -> bool:
    """The buyer's ``sentence`` (its words, not its list marker or full stop) is what one of the commitments was
    made from (``asked``: each commitment's buyer words, :func:`match_form`)."""
    own = match_form(sentence or "").strip(" .;:")
    return bool(own) and any(own in a for a in asked)


def _buyer_policies_over_ours(methods: dict, policies: list[str], provider: str, local=frozenset()) -> None:
    """Every part's sentence that sets a matter by our own policy where the tender names the buyer's policy for it
    (:func:`ours_on_same_matter`) is left out, in every part of every answer of the tender, not only in the part the
    buyer's policy template goes to (s22 q09, s23 contradictions A8/B7: 'The rate is set in the Harbour Lane Trust
    involvement payment policy' beside 'the ICB's Lived Experience Payment Policy (version 2.0)', which sets the rates)."""
    if not provider:
        return
    for policy in dict.fromkeys(policies):
        same = ours_on_same_matter(policy, provider, local)
        for method in methods.values():
            _drop_units(method, lambda u, same=same: same(u["text"]))


def ours_on_same_matter(policy: str, provider: str, local=frozenset()):
    """``same(sentence)``: the sentence sets a matter by the provider's own policy on the matter of the buyer's
    ``policy`` ('the Harbour Lane Trust involvement payment policy' beside the 'Riverside ICB Involvement Payment
    Policy'); our policy on another matter ('the Harbour Lane Trust lone working policy') is not (review s8 item 5).
    The matter is the distinctive words of the buyer's policy name, without its place (``local``)."""
    ours = re.compile(re.escape(provider) + r"(?P<of>[^.]*?)\bpolic(?:y|ies)\b(?:\s+(?:on|for|about)\s+(?P<on>[^.,;]*))?",
                      re.I)
    matter = set(blockmatch.tokens(" ".join(sorted(key_words(policy) - set(local))))) - set(
        blockmatch.tokens("policy policies"))

    def same(sentence: str) -> bool:
        return any(matter & set(blockmatch.tokens(f"{m.group('of')} {m.group('on') or ''}"))
                   for m in ours.finditer(sentence or ""))

    return same


def _drop_units(method: Method, gone) -> None:
    """Leave out the method units ``gone(unit)`` says; a block's next sentence opens it when its first goes."""
    kept: list[dict] = []
    for i, u in enumerate(method.units):
        if gone(u):
            if not u["cont"]:
                nxt = next((x for x in method.units[i + 1:] if x["block"] == u["block"]), None)
                if nxt is not None:
                    nxt["cont"] = False
                    nxt["priority"] = min(nxt["priority"], u["priority"])
            continue
        kept.append(u)
    method.units[:] = kept


STANDARD_FIELDS = ("first_contact_standard", "escalation_review_standard", "supervision_standard", "vacancy_cover",
                   "carers_assessment", "caseload", "capacity")
"""Service standards filled into blocks from the profile: each is said once per answer."""


def _standards_once(plan: QuestionPlan, methods: dict, profile: dict) -> None:
    """Each service standard once per answer: a later method sentence that states a standard an earlier
    sentence of the answer stated already (two blocks filling one placeholder, such as the carer's
    assessment route) is left out; when it opened its block, the block's next sentence opens it instead."""
    said: set[str] = set()
    values = {k: profile[k].lower() for k in STANDARD_FIELDS if len(profile.get(k) or "") >= 12}

    def again(u: dict) -> bool:
        here = {k for k, v in values.items() if v in u["text"].lower()}
        if here & said:
            return True
        said.update(here)
        return False

    for point in plan.points:
        _drop_units(methods[point.key], again)


REPEAT_SHARE = 0.85
"""A method sentence whose content words (weighted by how rare they are in the shipped blocks) are at least
this share in the answer's earlier method text, from another block, says nothing new: it is left out."""


def said_once(plan: QuestionPlan, methods: dict) -> None:
    """Each thing said once per answer: a method sentence whose rare words the answer's earlier method
    sentences (of other blocks) already hold is left out ('Our standard ... is a first contact within ten
    working days of referral' under both 'Referral' and 'First contact'; two blocks that each say 'we publish a
    "you said, we did" summary every quarter'). Only a block's later sentences go (its first opens it, and what
    follows leans on it: 'Together they ...'); a part never loses its last sentence this way. A library block whose
    first sentence an earlier block's first sentence says almost word for word (:func:`_restates`) goes whole from a
    part that has another block."""
    weight = _rarity()
    by_block: dict[str, set[str]] = {}
    opening: dict[str, set[str]] = {}  # each library block's first sentence said so far: its long words
    for point in plan.points:
        method = methods[point.key]
        # a second library block that opens as an earlier one did, almost word for word ('From the start of the new
        # contract DIALOG is our primary patient-reported outcome measure ...' in prom-primary and outcome-measures,
        # s16 q07: 'the paragraph on DIALOG is repeated almost word for word'), goes from a part it is not alone in
        for u in list(method.units):
            block = str(u.get("block") or "")
            if u.get("cont") or not block or block.startswith("buyer-") or block in opening:
                continue
            words = _long_words(u["text"])
            others = {x.get("block") for x in method.units} - {block}
            if others and any(_restates(words, w) for b, w in opening.items() if b != block):
                # the block, its 'why' (aligned with the blocks by position: the coverage table zips them) and its
                # 'what it means' line go together (review s17 finding 10)
                _leave_block(method, block)
                continue
            opening[block] = words

        def again(u: dict, method=method) -> bool:
            have = content_stems(u["text"])
            earlier = set().union(*(w for b, w in by_block.items() if b != u.get("block")))
            total = sum(weight(t) for t in have)
            if len(have) < 4 or total <= 0 or len(method.units) <= 1 or not u.get("cont"):
                return False  # a block's first sentence stays: what follows it leans on it ('Together they ...')
            return sum(weight(t) for t in have & earlier) / total >= REPEAT_SHARE

        kept_before = list(method.units)
        _drop_units(method, again)
        if not method.units and kept_before:
            method.units[:] = kept_before[:1]
        for u in method.units:
            by_block.setdefault(u.get("block"), set()).update(content_stems(u["text"]))


def _leave_block(method: Method, block_id: str) -> None:
    """A block leaves a part whole: its sentences, its entry among the blocks, its 'why' (aligned with the blocks by
    position) and its 'what it means' line."""
    method.units[:] = [u for u in method.units if u.get("block") != block_id]
    keep = [i for i, b in enumerate(method.blocks) if b.block_id != block_id]
    method.why[:] = [method.why[i] for i in keep if i < len(method.why)]
    method.blocks[:] = [method.blocks[i] for i in keep]
    if method.means and method.means.get("block") == block_id:
        method.means = None


def one_timeline(plan: QuestionPlan, methods: dict) -> None:
    """An answer walks through its timeline once: of the blocks whose sentences are a timeline
    (:func:`repeats.is_timeline`: the buyer's dated milestones, 'by twelve weeks before the start ...', 'Weeks 3 to 6:
    ...'), the first placed is kept and each later one leaves its part, unless it is the part's only block (s20 q12.1:
    "the same timeline then appears twice more in other words, which wastes space")."""
    seen = False
    for point in plan.points:
        method = methods.get(point.key)
        if method is None:
            continue
        order = list(dict.fromkeys(str(u.get("block") or "") for u in method.units))
        for block in order:
            if not block or block == COMMITMENT:
                continue
            text = " ".join(u["text"] for u in method.units if u.get("block") == block)
            if not repeats.is_timeline(text):
                continue
            others = [b for b in order if b and b != block and b != COMMITMENT]
            if seen and others:
                _leave_block(method, block)
            seen = True


def _rarity():
    """weight(stem): log-inverse of the share of shipped block sentences that use the stem."""
    def build(_path, data: dict) -> dict:
        counts: dict[str, int] = {}
        n = 0
        for b in data.get("blocks") or []:
            for sentence in _split_sentences(str(b.get("body", ""))):
                n += 1
                for t in content_stems(sentence):
                    counts[t] = counts.get(t, 0) + 1
        return {"n": n, "counts": counts}

    n, counts = _library_counts(build)
    return lambda t: math.log((n + 1) / (counts.get(t, 0) + 1))


def _library_counts(build) -> tuple[int, dict[str, int]]:
    """``build``'s {"n": ..., "counts": {...}} of each library file (blocks.yaml, blocks_more.yaml, ...; each read
    and built once, cached by :func:`locations.read_data_yaml`) added together."""
    n, counts = 0, dict[str, int]()
    for name in library_files():
        table = locations.read_data_yaml("corpus", f"library/{name}", build) or {"n": 0, "counts": {}}
        n += table["n"]
        for w, c in table["counts"].items():
            counts[w] = counts.get(w, 0) + c
    return n, counts


FIGURE_SHAPES = 5
"""Figure sentence shapes in tender_point.md.j2: each is used at most once per answer."""
STORY_MIN_SHARED = 2


@dataclass
class TenderShared:
    """What the answers of one tender have used so far (see :func:`assemble_tender`)."""

    blocks: set = field(default_factory=set)
    stories: set = field(default_factory=set)
    incidents: set = field(default_factory=set)
    changes: set = field(default_factory=set)
    sentences: set = field(default_factory=set)
    said_in: dict = field(default_factory=dict)
    """Which answer said each sentence first ({:func:`said_key`: the question's reference}), for the reference a
    later answer makes to it in place of the same method text (:func:`_refer_to_earlier`)."""
    ref: str = ""
    """The reference of the question being drafted (set by ``tender draft`` before each answer)."""
    names: dict = field(default_factory=dict)
    """Each question's title ({reference: title}), to name an answer whose reference is only a file's name
    (:func:`answer_phrase`)."""


@dataclass
class Method:
    """The method text chosen for one sub-point."""

    units: list[dict] = field(default_factory=list)
    means: dict | None = None
    blocks: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    missing_profile: list[str] = field(default_factory=list)
    dropped_open_actions: list[str] = field(default_factory=list)
    provider_unknown: bool = False
    """A block written for the incumbent or for a new provider would have answered this part,
    but the tender does not say which we would be."""
    left_out: list[str] = field(default_factory=list)
    """Blocks matched by the part's words but written for another situation, each with why (askfit)."""
    why: list[str] = field(default_factory=list)
    """For each block placed, the words of the ask it answers (askfit.why)."""
    filled: list[str] = field(default_factory=list)
    """The blocks added to fill the part toward its budget (:func:`_fill_to_budget`), not its first matches."""
    gate_alone: str = ""
    """A gate's confirmation part with no approved block on the gate's subject: that subject's words (the coverage
    says what method to write; :func:`_gate_parts_on_subject`)."""
    said_back: list[str] = field(default_factory=list)
    """The buyer's asks of the part that only the ask said back would have met (:func:`commitments.uncheckable`): not
    said; the coverage names each ('left out (the ask said back is no answer)'), as still to write where the part holds no
    library block."""

    def used_ids(self, sec: "Section") -> list[str]:
        refs = {r for u in sec.kept_units() for r in u.refs}
        return [b.block_id for b in self.blocks if f"block:{b.block_id}" in refs]


def _block_score(block, want: set[str]) -> tuple[int, int]:
    """(words shared with the title and tags, title words counting twice; words shared anywhere)."""
    title = content_stems(block.title)
    head = title | content_stems(" ".join(block.tags))
    body = content_stems(block.body)
    return len(want & head) + len(want & title), len(want & (head | body))


def _lexical_candidates(db: Database, plan: QuestionPlan, point: SubPoint, exclude, today, profile: dict) -> list:
    """The old word-overlap match, for a sub-point that matches no topic of the table.

    A block qualifies when it shares at least two of the sub-point's content
    words (stems) in its title, tags or text, one of them in its title or tags;
    a sub-point of one or two content words needs one in the title or tags.
    """
    # a deadline ('by the end of Contract Year 2') is not what is asked: its words matched blocks about the end of
    # the contract, or any block that says 'year'
    said = blockmatch.without_deadlines(point.text)
    # nor are the words of the names it holds: a block sharing 'social care' with 'the Northern Ireland Social Care
    # Council' is not about registering with it (issue 12, s35); kept when the part says nothing else
    own = blockmatch.without_names(content_stems(said), said)
    for query, need_own in ((said + " " + blockmatch.without_deadlines(point.label), False),
                            (said + " " + plan.stem, True)):
        found = fits_provider(library.search_blocks(db, query, limit=12, exclude=exclude, today=today), profile)
        want = blockmatch.without_names(content_stems(query), query)
        scored = []
        for b in found:
            in_head, total = _block_score(b, want)
            own_head, own_total = _block_score(b, own)
            ok = (total >= 2 and in_head >= 1) or (len(own) <= 2 and own_head >= 1)
            if need_own:
                ok = ok and own_total >= 1
            if ok:
                scored.append(((own_head, own_total, in_head, total, -b.rank, 0 if b.stale else 1), b))
        scored.sort(key=lambda x: x[0], reverse=True)
        if scored:
            return [b for _, b in scored[:1]]
    return []


_SECOND_ASK = re.compile(r",?\s+and\s+(?=(?:how|what|when|where|who|whether|why|learn|pay|report)\b)", re.I)
"""Where a sub-point starts its second ask ('..., and how will you pay them', '... and learn from them')."""

UNDER_FILLED = 0.8
"""Below this share of its word limit an answer is said to be short (the command's summary line): a panel reads a
151-word answer to a 500-word question as thin (s19 q11, spent)."""

MAX_BLOCKS_PER_POINT = 5
BLOCK_WORDS = 120
"""A part takes at most 1 + budget // BLOCK_WORDS blocks (2 to MAX_BLOCKS_PER_POINT)."""
FILL_SHARE = 0.75
"""Another method block is added to a part while its blocks' words are under this share of its budget."""


def _claim(text: str, block) -> int:
    """How specifically ``text`` names a topic that lists ``block``: its longest cue's word count."""
    hay = (block.title + " " + " ".join(block.tags) + " " + block.body).lower()
    if any(re.sub(r"\s+\d{4}$", "", t).lower() in hay for t in named_terms(text)):
        return 100  # the block names the buyer's act, framework or role ('Implementing PCREF')
    topics = blockmatch.load_topics()
    return max((h.weight for h in blockmatch.topic_hits(text, topics)
                if block.block_id in h.topic.blocks or h.topic.name in blockmatch.block_topics(block, topics)),
               default=0)


def fits_provider(blocks: list, profile: dict) -> list:
    """The blocks written for the provider the profile describes: a block tagged 'provider new'
    (written as the incoming provider: TUPE from the outgoing one, a change of provider) is left
    out when ``provider_status`` is 'incumbent', and one tagged 'provider incumbent' when it is
    'new', so no two answers speak as different providers. When it is neither (a tender that
    does not say, for another buyer), both kinds are left out: the answer does not guess."""
    status = (profile.get("provider_status") or "").strip().lower()
    skip = {"incumbent": {"provider new"}, "new": {"provider incumbent"}}.get(status, {"provider new", "provider incumbent"})
    # a block written for a place someone else runs ('run by another: safe haven') is left out when the
    # tender's places make that kind of place ours ('the Saltby Safe Haven' in the Lot)
    ours = (profile.get("base") or "").lower()

    def fold(text: str) -> str:  # 'Café' and 'Cafe' are one place
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))

    # any crisis place of ours (a sanctuary, a crisis house: phrasebank/question_terms.yaml crisis_places) makes
    # a block about someone else's crisis place contradict the answer (review s9 item 10)
    runs_one = any(crisis_place(p) for p in ours.split(";"))

    def elsewhere(tags: set[str]) -> bool:
        return any(t.startswith("run by another:") and (runs_one or fold(t.split(":", 1)[1].strip()) in fold(ours))
                   for t in tags)

    # a pattern block ('{partner}') is placed only filled, by _pattern_sentences
    return [b for b in patterns.ordinary(blocks)
            if not skip & (tags := {t.strip().lower() for t in b.tags}) and not elsewhere(tags)]


def _with_local_facts(profile: dict, buyer_text: str) -> dict:
    """``profile`` with the buyer's local facts (its step-up/step-down house, housing partners, maximum stay, return
    window, named CMHTs) read from the whole questionnaire (:mod:`buyer_local`), for :func:`_fill` to say in place of a
    block's generic phrase (issue 12, session 24: every blind panel found our method never used them)."""
    return {**profile, **buyer_local.read(buyer_text)}


def _fill(text: str, profile: dict) -> tuple[str, list[str]]:
    """:func:`library.fill`, with a fact nobody gave named plainly where that names no one
    ('the service', 'the area', 'the commissioner'); the fields missing are still returned."""
    out, missing = fill(text, profile)
    out = buyer_local.say(out, profile)  # the buyer's named house, housing partners, limits for our generic words
    # a tender's fact the service profile has no field for ('{contract_length}') is missing too
    missing += [k for k in _PLACEHOLDER.findall(text or "") if k in _TENDER_FIELDS and not profile.get(k)
                and k not in missing]
    plain = {k: v for k, v in PLAIN.items() if k in missing}
    if plain:
        out, _ = fill(text, {**plain, **profile})
        out = buyer_local.say(out, profile)
    return out, missing


def _for_a_provider(block) -> bool:
    return bool({"provider new", "provider incumbent"} & {t.strip().lower() for t in block.tags})


def _stands_in_for(block, first, topics) -> bool:
    """``block`` is what a topic offers where its blocks for a new and for an incumbent provider are left out (the
    topic lists it after both), and ``first``, the part's own block, is one of those: service-risk-register after
    mobilisation-risks-new and -incumbent (no labelled set accepts it beside them; it answers s22 q10's risks part
    when the provider is not known)."""
    if not _for_a_provider(first) or _for_a_provider(block):
        return False
    for t in topics:
        if first.block_id in t.blocks and block.block_id in t.blocks:
            own = [i for i, bid in enumerate(t.blocks) if bid.endswith(("-new", "-incumbent"))]
            if len(own) >= 2 and t.blocks.index(block.block_id) > max(own):
                return True
    return False


def _block_words(b) -> int:
    return count_words(b.body) + count_words(b.means or "")


def block_options(db: Database, plan: QuestionPlan, *, today=None, profile: dict | None = None,
                  approved: list | None = None) -> dict[str, list]:
    """For each sub-point, the approved blocks that may answer it, best first (what the
    editor offers when the writer swaps a part's block). ``profile``: the one the answer
    fills its blocks from (default: the service profile); ``approved``: the blocks to
    choose from (default: every approved block written for that profile's provider)."""
    if approved is None:
        approved = fits_provider([b for b in library.list_blocks(db, status="approved", today=today) if b.approved],
                                 get_profile(db) if profile is None else profile)
    plan = _read_in_context(plan)
    prof = get_profile(db) if profile is None else profile
    reqs = read_requirements(plan.question, known=_parties(prof))
    lead = plan.stem
    for point in plan.points:  # the question's own words, without its sub-points
        lead = lead.replace(point.text, " ")
    topics = blockmatch.load_topics()
    focus = _question_topics(plan, topics)
    out: dict[str, list] = {}
    for point in plan.points:
        found = [b for _, b in blockmatch.candidates(point.about or point.text, approved, context=plan.stem)]
        if focus:
            # a block of another topic, matched by one word only ('benefit' in an innovation question), is
            # not this question's: dropped (an honest gap beats it), unless its title and tags name two of
            # the sub-point's words ('Feedback from people and carers')
            want = set(blockmatch.tokens(point.text)) - blockmatch.HEAD_GENERIC
            found = [b for b in found if _of_this_question(point, b, focus, topics) or _answers_head(point, b, topics)]
            if not any(blockmatch.in_question_topic(b, focus, topics) for b in found):
                # none is of the question's topic: 'raise concerns' in a safeguarding question is a
                # safeguarding concern, not a complaint; that topic's blocks naming two of its words come first
                known = {b.block_id for b in found}
                def named(b, want: set[str] = want) -> int:
                    return len(want & set(blockmatch.tokens(b.title + " " + " ".join(b.tags))))

                joined = sorted((b for b in approved if b.block_id not in known
                                 and blockmatch.in_question_topic(b, focus, topics) and named(b) >= 2), key=lambda b: -named(b))
                if joined and (not found or named(joined[0]) > named(found[0])):
                    found = joined[:1] + found  # it names more of the sub-point than the best of another topic
        head = re.split(r",?\s+(?:including|such\s+as|for\s+example|e\.g\.)\b", point.text, maxsplit=1)[0]
        asked_names = [r for r in reqs if r.kind == "name" and mentions(r, head)]  # what the part is about, not a detail
        if asked_names and found:
            # among the closest matches (as strong a claim as the best), a block that names what the buyer asks
            # for (DIALOG, NHS 111 option 2) comes before one that does not
            best = _claim(point.text, found[0])
            top = sorted(found[:3], key=lambda b: not (_claim(point.text, b) >= best and blockmatch.fits_heading(point.label, b)
                                                       and any(mentions(r, _block_text(b, prof)) for r in asked_names)))
            found = top + found[3:]
        if not found and lead.strip() and not blockmatch.topic_hits(point.text, topics):
            # the sub-point names no topic ('working with prescribers'): the question's own
            # topics decide, and among their blocks those sharing the sub-point's words come first. One that names a
            # topic whose blocks are not this question's is an honest gap, never the nearest block of the question's
            # topics ('how staff will check in and out where there is no signal' took the physical health block for
            # 'check', s29 q11; the panel: text lifted from another topic)
            want = set(blockmatch.tokens(point.text))
            # a block of the question's topics on a subject the part never names is a drift, not an answer: 'Time-limited
            # step-down support' under 'delivered from the three Recovery and Wellbeing Hubs and community venues'
            # (issue 12, s25): its title's subject must be among the part's words (blockmatch.own_subject)
            inside = [b for _, b in blockmatch.candidates(lead, approved) if blockmatch.own_subject(point.text, b)]
            found = sorted(inside, key=lambda b: -len(want & set(blockmatch.tokens(b.title + " " + b.body))))
        # the ask's key object ('Key milestones ...', 'the main risks ...'): a block whose title or tags name it
        # comes before one that only mentions it in passing ('Keeping the commissioner involved during
        # mobilisation' holds milestones and risks in its text)
        key = blockmatch.head_terms(point.label)
        if key and found:
            def naming(b, key=key) -> int:
                return len(key & set(blockmatch.tokens(b.title + " " + " ".join(b.tags))))

            if not naming(found[0]) and max(naming(b) for b in found):  # those naming the most of it first
                found = sorted(found, key=lambda b: -naming(b))
        out[point.key] = found
    return out


def gap_note(missing: list[Requirement]) -> str:
    """What a gap says about the buyer's named requirements no approved block mentions."""
    if not missing:
        return ""
    names = [r.name for r in missing]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"The buyer names {listed}; no block mentions {'it' if len(names) == 1 else 'them'}."


def _buyer_measures_only(methods: dict, named: frozenset[str]) -> None:
    """Every method sentence without the clause that adds an outcome measure of ours the buyer names nowhere
    (:func:`buyer_facts.without_other_measures`): one measure set, the buyer's, in every answer."""
    if not named:
        return
    for m in methods.values():
        for u in m.units:
            u["text"] = buyer_facts.without_other_measures(u["text"], named)


def _scoped_purposes(profile: dict, buyer_text: str) -> dict:
    """``profile`` with its ``role_purposes`` saying no service the buyer puts with another lot (:mod:`buyer_scope`)."""
    services = buyer_scope.elsewhere(buyer_text)
    if not services or not profile.get("role_purposes"):
        return profile
    return dict(profile, role_purposes=buyer_scope.without_elsewhere(str(profile["role_purposes"]), services))


def _buyer_scope(methods: dict, buyer_text: str) -> None:
    """Every method sentence without the services the buyer puts with another lot, saying the national data set's
    route as the buyer sets it, and its defined name for a body ('the Trust') where ours speaks of that body
    generically (:mod:`buyer_scope`; session 37, s36 panel FIRM #3, #6-#8)."""
    services = buyer_scope.elsewhere(buyer_text)
    route = buyer_scope.data_route(buyer_text)
    defined = buyer_scope.defined(buyer_text)
    other = buyer_scope.other_lot(buyer_text)
    if not services and not route and not defined and not other:
        return
    for m in methods.values():
        for u in m.units:
            text = buyer_scope.follow_route(buyer_scope.without_elsewhere(u["text"], services), route)
            # a clause offering a service of a lot the buyer procures apart goes ('Recovery workers give harm reduction
            # advice ...' to a Lot 1 that 'must not offer any substance misuse treatment'; session 38, s37 q10)
            u["text"] = buyer_scope.as_defined(buyer_scope.without_other_lot(text, other), defined)
        if other and any(not u["text"].strip() for u in m.units):
            m.units = [u for u in m.units if u["text"].strip()]


def _not_yet_agreed(methods: dict, buyer: str) -> None:
    """Every method sentence that says a plan of ours is already agreed with ``buyer`` says we will agree it during
    mobilisation (:func:`buyer_facts.not_yet_agreed`)."""
    for m in methods.values():
        for u in m.units:
            u["text"] = buyer_facts.not_yet_agreed(u["text"], buyer)


def _without_outgoing(reqs: list[Requirement], facts: list) -> list[Requirement]:
    """``reqs`` without the providers the buyer says hand the service over (:func:`buyer_facts.outgoing`): a party to
    the transition (TUPE, handover, records), never a named partner our templates plan referrals and reviews with (s23
    contradictions A6/B5: 'We will work with the Lighthouse Wellbeing Trust from the start of the contract')."""
    gone = {" ".join(n.lower().split()) for n in buyer_facts.outgoing(facts)}
    if not gone:
        return reqs
    return [r for r in reqs if re.sub(r"^the\s+", "", " ".join(r.name.lower().split())) not in gone]


def _parties(profile: dict, facts: dict | None = None) -> list[str]:
    """Names that are parties to the tender, not requirements of the answer (buyer, provider, service)."""
    keys = ("service", "provider", "commissioner", "buyer")
    return [str(v) for src in (profile, facts or {}) for k, v in src.items() if k in keys and v]


def _block_text(block, profile: dict) -> str:
    return " ".join([block.title, " ".join(block.tags), _fill(block.body, profile)[0]])


def _named_here(point: SubPoint, plan: QuestionPlan, reqs: list[Requirement]) -> list[Requirement]:
    """The requirements a part should carry: those named in its own words, and those the buyer names
    outside every sub-point (stem and guidance) whose words the part shares."""
    own = [r for r in reqs if mentions(r, point.text)]
    others = [p.text for p in plan.points if p.key != point.key]
    want = set(blockmatch.tokens(point.text)) - blockmatch.HEAD_GENERIC
    loose = [r for r in reqs if r not in own and not any(mentions(r, t) for t in others)
             and len(want & set(blockmatch.tokens(r.sentence))) >= 2]
    return own + loose


def _own_names(point: SubPoint, reqs: list[Requirement], local=frozenset()) -> list[str]:
    """The buyer's names (partners, policies with their versions, systems) a sub-point's own words hold as written; a
    name the sub-point gives a version is named with it ('the Northfold Adult Safeguarding Procedures v3.2': s20, the
    buyer's documents named without their versions). The buyer's own: a name with a version, an acronym of the buyer's
    (BMPFT, ISA-MH-07) or one holding a word of its place (``local``); a national one (the NHS Long Term Plan) is ours to
    answer in our words, never said back (review s8 item 4)."""
    said = " ".join(point.text.split())  # as written: 'Carers and Families' (the question's title) is not 'carers and families'
    national = buyer_terms.national_words()
    out = []
    for r in reqs:
        name = " ".join(r.name.split())
        if r.kind != "name" or name not in said:
            continue
        version = re.search(re.escape(name) + r"\s+(v\d+(?:\.\d+)*)\b", said)
        words = re.findall(r"[\w'’+-]+", name)
        acronym = any(re.fullmatch(r"[A-Z][A-Z0-9+-]{2,}", w) and w.lower() not in national for w in words)
        if version or acronym or any(w.lower() in local for w in words):
            out.append(f"{name} {version.group(1)}" if version else name)
    return list(dict.fromkeys(out))


def _of_this_question(point: SubPoint, block, focus: set[str], topics: list) -> bool:
    """Whether a block may answer a part of this question: it is of a topic the whole question is
    about, or the sub-point names its topic with a cue of two or more words, or the block's title and
    tags name two of the sub-point's words. A block of another topic matched by one word ('benefit' in
    an innovation question: money and benefits) is not."""
    if not focus or blockmatch.in_question_topic(block, focus, topics) or _claim(point.text, block) >= 2:
        return True
    want = set(blockmatch.tokens(point.text)) - blockmatch.HEAD_GENERIC
    return len(want & set(blockmatch.tokens(block.title + " " + " ".join(block.tags)))) >= 2


def _answers_head(point: SubPoint, block, topics: list) -> bool:
    """Whether a block answers what the part itself asks, before its examples: it is of a topic the part's head names
    (the words before 'in particular', 'covering': :func:`blockmatch.head_of`) and its own subject (title, tags, first
    sentence) speaks of the heading's subject and action (:func:`blockmatch.subject_fits`). 'Making the Service
    accessible to the groups who use it least, in particular residents of ... wards, students, and people leaving HMP
    Saltmoor' (s25 q01) is answered by the access blocks, a topic of one word the question as a whole is not about,
    not by the ward discharge-planning block its examples' words ('wards', 'leaving') matched."""
    head = blockmatch.head_of(point.text)
    if head == point.text:
        return False
    named = {h.topic.name for h in blockmatch.topic_hits(head, topics)}
    return bool(named & blockmatch.block_topics(block, topics)) and blockmatch.subject_fits(point.label, block)


def _question_topics(plan: QuestionPlan, topics: list) -> set[str]:
    return {h.topic.name for h in blockmatch.topic_hits(question_focus(plan), topics)}


_ANAPHOR = re.compile(r"\b(?:(?P<pron>they|them|it)|(?:these|those|such)\s+(?P<noun>[a-z]+))\b", re.I)


def _referent(text: str, stem: str, before: list[str], topics: list) -> str:
    """What a sub-point that names no topic of its own refers back to: 'how often will they be completed'
    after 'What outcome measures will you use' (the sub-point before), 'how you will identify these problems
    early' after 'People ... often have problems with housing, debt and benefits' (the sentence of the stem
    or the sub-point before that holds the noun); '' when it names a topic or refers to nothing."""
    m = _ANAPHOR.search(text or "")
    if not m or blockmatch.topic_hits(text, topics):
        return ""
    if m.group("pron"):
        return before[-1] if before else ""
    noun = m.group("noun").lower().rstrip("s")
    for sentence in reversed(before + sentences(stem or "")):
        if re.search(rf"\b{re.escape(noun)}", sentence, re.I) and sentence.strip() != text.strip():
            return sentence
    return ""


def in_part(point: SubPoint) -> bool:
    """Whether the sub-point's part has a title that says more than its label ('Part 2 – Leaving hospital')."""
    return bool(point.part_title) and len(point.part_title.split()) > len(point.part.split())


def situated(point: SubPoint) -> str:
    """The sub-point read in its part: 'the first 72 hours' of 'Part 2 – Leaving hospital' (:func:`in_part`)."""
    return f"{point.text} ({point.part_title})" if in_part(point) else point.text


_DEFINED = re.compile(r"\b((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|in|on|&)\s+)*){1,8}[A-Z][\w'’-]*)\s+\(([A-Z][A-Za-z]{1,9})\)")


def _spell_defined(text: str, question: str) -> str:
    """``text`` with each acronym the buyer defines in the question ('the Thornbury and Wendle Lived Experience
    Network (TWLEN)') followed by its full name, for matching only: 'Working with TWLEN' names no topic, the
    network's name does (s17 q10, spent: the part was '[To write]'). An acronym whose letters are not the
    initials of the words before it is left."""
    if not text or not question:
        return text
    out = text
    for m in _DEFINED.finditer(question):
        name, acronym = m.group(1), m.group(2)
        words = [w for w in re.split(r"\s+", name) if w[:1].isupper()]
        letters = acronym.replace("s", "") if acronym.endswith("s") and acronym[:-1].isupper() else acronym
        # the name's last words whose initials spell the acronym ('The ... Network (TWLEN)' starts at Thornbury)
        initials = "".join(w[0] for w in words).upper()
        if not letters.isupper() or not initials.endswith(letters.upper()):
            continue
        full = " ".join(name.split()[-_span(name, len(letters)):])
        if re.search(rf"\b{re.escape(acronym)}\b", out) and full.lower() not in out.lower():
            out = re.sub(rf"\b{re.escape(acronym)}\b", f"{full} ({acronym})", out, count=1)
    return out


def _span(name: str, capitals: int) -> int:
    """How many words at the end of ``name`` hold its last ``capitals`` capitalised words."""
    words = name.split()
    seen = 0
    for n, w in enumerate(reversed(words), 1):
        if w[:1].isupper():
            seen += 1
            if seen == capitals:
                return n
    return len(words)


def _read_in_context(plan: QuestionPlan) -> QuestionPlan:
    """The plan with each sub-point's ambiguous acronyms written out as this question means them
    ('SARs' in a safeguarding question: Safeguarding Adults Reviews), for matching only."""
    context = question_focus(plan) + " " + plan.stem
    points = [dataclasses.replace(p, text=blockmatch.expand_acronyms(p.text, context)) for p in plan.points]
    topics = blockmatch.load_topics()
    # a sub-point whose own words name no topic ('Working with TWLEN') is read with the acronyms the buyer defines
    # in the question written out; one that names a topic keeps its words (the 'Data Security and Protection
    # Toolkit' behind 'DSPT' would pull a data-breach part towards data protection)
    points = [p if blockmatch.topic_hits(p.text, topics) else
              dataclasses.replace(p, text=_spell_defined(p.text, plan.question),
                                  label=_spell_defined(p.label, plan.question)) for p in points]
    for n, p in enumerate(points):
        ref = _referent(p.text, plan.stem, [q.text for q in plan.points[:n]], topics)
        if ref:
            points[n] = dataclasses.replace(p, text=f"{p.text} ({ref})")
    if all(a.text == b.text and a.label == b.label for a, b in zip(points, plan.points)):
        return plan
    return dataclasses.replace(plan, points=points)


CLAIM_STRONG = 3
"""A sub-point naming a block's topic by a cue of this many words keeps the block against one naming it by fewer."""


def _keeps_subject(point: SubPoint, block, strict: bool) -> bool:
    """True when ``block`` may stand in a part that lost its best block to another part: when some candidate speaks of
    the heading's first phrase, the block's own subject (title, tags, first sentence) does too
    (:func:`blockmatch.subject_fits`). (Asking also that the title's subject be among the part's words,
    :func:`blockmatch.own_subject`, lost synonyms and pronouns: 'Working with prescribers' for 'monitoring of
    antipsychotic side-effects', 'Personal outcome measures' for 'how often will they be completed'; part_coverage
    dev_s8 answered 48 -> 45.)"""
    return not strict or blockmatch.subject_fits(point.label, block)


def choose_methods(db: Database, plan: QuestionPlan, *, today=None, avoid_blocks=(), pins=None,
                   profile: dict | None = None, fill: bool = False, buyer_text: str = "") -> dict[str, Method]:
    """For each sub-point, the approved blocks that answer it (each block used once per answer).

    Blocks are matched by topic (:mod:`evidencebot.compose.blockmatch`): only
    blocks of the topics a sub-point is about qualify, never one that merely
    shares a word. Each sub-point first gets its best block; when two want the
    same block, the better match keeps it and the other takes its next best.
    Then each part adds further blocks of its topics, best first, while its
    blocks' words are under :data:`FILL_SHARE` of its budget (at most one per
    :data:`BLOCK_WORDS` of budget, two to :data:`MAX_BLOCKS_PER_POINT`). A sub-point that matches no topic falls back
    to word overlap (:func:`_lexical_candidates`). ``avoid_blocks`` (used by
    other answers of the same tender) are taken only when nothing else fits.
    ``pins`` ({sub-point key: block id}, the writer's choice in the editor)
    puts that block first in its part, before any other claim.
    Sentences that describe as current practice an action that is still open
    in the incident log are left out (the answer would contradict the log).

    ``profile`` (default: the service profile) fills the blocks' placeholders; a
    placeholder it cannot fill is named plainly where that names no one ('the
    service'), otherwise the sentence is left out; either way the field is listed
    in ``Method.missing_profile``.

    ``fill`` (what an assembled answer asks): a part still well under its budget then takes the next blocks of its
    own options that fit it (:func:`_fill_to_budget`), listed in ``Method.filled``. Without it, the blocks that
    answer each part (what bench/part_coverage.py measures).

    A block that takes for granted a setting (a crisis house, a ward, villages, a Traveller site) that neither the
    question nor ``buyer_text`` (the rest of the tender) names is not offered (:mod:`evidencebot.compose.settings`):
    the part takes its next candidate, else is an honest gap. A pinned block stays.
    """
    topics = blockmatch.load_topics()
    plan = _read_in_context(plan)
    focus = _question_topics(plan, topics)
    profile = get_profile(db) if profile is None else profile
    open_actions = _open_actions(db)
    every = [b for b in library.list_blocks(db, status="approved", today=today) if b.approved]
    vocab = block_words(every)  # the words of this database's approved library, not the shipped file's
    approved = fits_provider(every, profile)
    # a block written for another kind of service (a crisis house's 'before anyone leaves the house', a county's
    # 'so people in rural areas can join') only where the buyer's words name that setting (s28 panel)
    approved = settings.fitting(approved, buyer_text, keep=(pins or {}).values(), question=plan.question)
    avoid = set(avoid_blocks)
    cands: dict[str, list] = {}
    offered = block_options(db, plan, today=today, profile=profile, approved=approved)
    unsure = None  # incumbent or new not known: the parts a block written for either would have answered
    if len(approved) < len(every) and not (profile.get("provider_status") or "").strip():
        unsure = {k for k, bl in block_options(db, plan, today=today, approved=every).items()
                  if bl and _for_a_provider(bl[0])}
    pins = dict(pins or {})
    by_id = {b.block_id: b for b in approved}
    kept_out = {b.block_id for b in every} - set(by_id)
    strict_of: dict[str, bool] = {}
    for bid in pins.values():
        if bid not in by_id:
            raise InputError(f"block {bid!r} is not an approved block (see 'evidencebot library blocks')")
    for point in plan.points:
        found = offered[point.key]
        if point.key in pins:  # the writer chose this block for this part: it comes first
            found = [by_id[pins[point.key]]] + [b for b in found if b.block_id != pins[point.key]]
        # only blocks that answer the sub-point compete for it (an honest gap beats a loose block); the
        # heading's first phrase decides when some candidate speaks of it, else anything the heading names
        strict = any(blockmatch.fits_heading(point.label, b) for b in found)
        strict_of[point.key] = strict
        found = [b for b in found if (point.key in pins and b.block_id == pins[point.key])
                 or (answers_point(point, b, strict=strict, vocab=vocab) and not blockmatch.when_clash(point.text, b))]
        if strict and point.key not in pins and found and not blockmatch.subject_fits(point.label, found[0]):
            # a block whose own subject meets the heading leads the part, not one naming it only later in its body
            own = next((b for b in found if blockmatch.subject_fits(point.label, b)), None)
            if own is not None:
                found = [own] + [b for b in found if b is not own]
        named = [b for b in offered[point.key] if blockmatch.named_in(b, point.label)]
        if named and point.key not in pins:
            # a standard the heading names as a name, one of a block's own tags, is the part's point: its block leads
            # ('... roles to be paid at least the Real Living Wage', s25 q09: the peer-roles block led, the minimum
            # was never said). Taken from the offered blocks on purpose: the heading's first phrase ('All peer support
            # and lived experience roles') is what the fit filter above reads, and it turned the named block away
            found = named + [b for b in found if b not in named]
        fresh = [b for b in found if b.block_id not in avoid]
        cands[point.key] = fresh or found[:1]
    used: set[str] = set()
    chosen: dict[str, list] = {p.key: [] for p in plan.points}
    # first blocks: the strongest claims first, so a later sub-point is not robbed by a weaker one
    pending = [p for p in plan.points if cands[p.key]]
    for p in list(pending):  # a block the writer chose is placed before any other claim
        if p.key in pins and pins[p.key] not in used:
            chosen[p.key].append(cands[p.key][0])
            used.add(pins[p.key])
            pending.remove(p)
    while pending:
        best = None
        for p in pending:
            options = [b for b in cands[p.key] if b.block_id not in used]
            if options and options[0] is not cands[p.key][0]:
                # its best block went to another part: a next one of the same topic answers it as well; one of another
                # topic (a block sharing one word, 'risk' or 'discharge', written for another ask) must speak of what
                # the heading asks in its own subject, or the part is an honest gap (issue 12, s25)
                lost = blockmatch.block_topics(cands[p.key][0], topics)
                options = [b for b in options if blockmatch.block_topics(b, topics) & lost
                           or _keeps_subject(p, b, strict_of.get(p.key, True))]
            if not options:
                continue
            rank = cands[p.key].index(options[0])
            # on equal rank the sub-point naming the buyer's act or framework the block names keeps it
            # then a sub-point naming the block's topic by a cue of three or more words ('within 72 hours of
            # discharge' over 'after discharge', s24 q04): a block that answers another part better goes there (any
            # longer cue first moved 2 of dev_s8's blocks: bench/part_coverage.py)
            claim = _claim(p.text, options[0])
            key = (rank, -(claim >= 100), -(claim >= CLAIM_STRONG), len(options), plan.points.index(p))
            if best is None or key < best[0]:
                best = (key, p, options[0])
        if best is None:
            break
        _, p, b = best
        chosen[p.key].append(b)
        used.add(b.block_id)
        pending.remove(p)
    for point in plan.points:
        if not chosen[point.key] and not cands[point.key]:
            # a sub-point that names a topic whose blocks do not answer its heading is a gap, not a block of
            # another topic sharing a word ('organisation chart' is not the SPC 'charts' block)
            own = {h.topic.name for h in blockmatch.topic_hits(point.text, topics)}
            # never a block kept out above (written for a setting this question does not name: the missing-resident
            # procedure of a crisis house under 'people who have missed checks before', s29 q07)
            picks = [b for b in _lexical_candidates(db, plan, point, used | kept_out, today, profile)
                     if _of_this_question(point, b, focus, topics)
                     and (not own or own & blockmatch.block_topics(b, topics))]
            chosen[point.key] = picks
            used.update(b.block_id for b in picks)
    # an honest gap beats a loosely related block: a part keeps only blocks that answer what
    # the sub-point asks (its next candidate that does, or a block naming the buyer's term), or none
    for point in plan.points:
        if point.key in pins or not chosen[point.key] or answers_point(point, chosen[point.key][0], vocab=vocab,
                                                                       strict=strict_of.get(point.key, True)):
            continue
        for b in chosen[point.key]:
            used.discard(b.block_id)
        nxt = [b for b in cands[point.key] if b.block_id not in used and _keeps_subject(point, b, strict_of.get(point.key, True))]
        if not nxt:
            nxt = [b for b in approved if b.block_id not in used and _names_terms(point.text, b)
                   and blockmatch.fits_heading(point.label, b, strict=False)]
        chosen[point.key] = nxt[:1]
        used.update(b.block_id for b in nxt[:1])
    # a framework or act the question names in its stem ('in line with PCREF') is echoed: when no
    # chosen block names it, the block that does joins the part with the most words to spare
    # (session 7: only into a part the block is a candidate for, so an echo is never a loose block
    # - 'KPIs' brought the KPI block under 'supporting VCSE organisations' - and never for a
    # heading in capitals ('SECTION 6 - SOCIAL VALUE' brought a block that says 'consent section')
    told = " ".join(b.title + " " + b.body for bl in chosen.values() for b in bl).lower()
    for term in named_terms(question_focus(plan)):  # the question's own asks, not the facts it gives as context
        bare = re.sub(r"\s+\d{4}$", "", term)
        if bare.isupper() and (" " in bare or len(bare) > 5):
            continue  # a heading in capitals, not a named framework
        said = re.compile(r"\b" + re.escape(bare.lower()) + r"\b")
        if said.search(told) or not [p for p in plan.points if chosen[p.key]]:
            continue
        naming = [b for b in approved if b.block_id not in used and said.search((b.title + " " + b.body).lower())]
        for b in naming:
            homes = [p for p in plan.points if chosen[p.key] and b in offered[p.key]]
            if not homes:
                continue
            roomy = max(homes, key=lambda p: p.budget - sum(_block_words(x) for x in chosen[p.key]))
            chosen[roomy.key].append(b)
            used.add(b.block_id)
            told += " " + (b.title + " " + b.body).lower()
            break
    # a sub-point that asks two things in two clauses ('... sit in your governance, and how will you pay
    # them?', 'handle complaints and learn from them') gets, for each later clause, the first block of
    # that clause's own topic among the part's candidates, past FILL_SHARE: its first sentence is kept
    # as firmly as the part's first ('asks'), and its later sentences are trimmed first
    asks: dict[str, set[str]] = {p.key: set() for p in plan.points}
    for point in plan.points:
        have = chosen[point.key]
        if not have or point.key in pins:
            continue
        for clause in _SECOND_ASK.split(point.text)[1:]:
            if len(have) >= min(MAX_BLOCKS_PER_POINT, max(2, 1 + point.budget // BLOCK_WORDS)):
                break
            hits = blockmatch.topic_hits(clause, topics)[:1]  # the clause's own topic, if a chosen block has not answered it
            if not hits or any(b.block_id in hits[0].topic.blocks for b in have):
                continue
            mine = {b.block_id: b for b in cands[point.key] if b.block_id not in used}
            nxt = next((mine[bid] for bid in hits[0].topic.blocks if bid in mine), None)
            if nxt is not None:
                have.append(nxt)
                used.add(nxt.block_id)
                asks[point.key].add(nxt.block_id)
    # a statement the buyer's scoring gate requires of a part ('who holds clinical responsibility when a person is
    # stepped up, including out of hours': s21 q03, capped at 2 without it) that none of its blocks makes takes the
    # block of the statement's own topic that makes it, its first sentence and the one making it kept firm
    gate_lines: dict[str, set[str]] = {p.key: set() for p in plan.points}
    for g in plan.gates:
        have = chosen.get(g.key)
        if have is None or g.will or g.key in pins or any(gates.made(g, b.body) for b in have):
            continue
        hits = blockmatch.topic_hits(g.statement, topics)
        ids = [bid for h in hits for bid in h.topic.blocks if bid in by_id and bid not in used]
        # the first of the statement's topic blocks that makes it; else the one saying most of it, when that is at
        # least half (the coverage still says what the part leaves unsaid, :func:`_gate_rows`)
        ranked = sorted(ids, key=lambda bid: -gates.share(g, f"{by_id[bid].title} {by_id[bid].body}"))
        best = next((bid for bid in ids if gates.made(g, by_id[bid].body)), None) or next(
            (bid for bid in ranked[:1] if gates.share(g, by_id[bid].body) >= 0.5), None)
        if best is None:
            continue  # an honest gap: the coverage names the statement (:func:`_gate_rows`)
        nxt = by_id[best]
        have.append(nxt)
        used.add(nxt.block_id)
        asks[g.key].add(nxt.block_id)
        gate_lines[g.key].add(nxt.block_id)
    # each element the sub-point lists ('including domestic abuse, exploitation, self-neglect and modern slavery') that
    # no chosen block names takes the approved block that names it, its first sentence kept as firmly as the part's
    # first and its second before its later ones (s28 q08: the coverage said 'the buyer lists here, not in this part:
    # ... MARAC, Channel (Prevent) panels' while the library held a block for each; the panel: 'Not covered')
    element_blocks = _element_blocks(plan, chosen, used, avoid, approved, offered, cands, focus, topics, pins)
    for key, ids in element_blocks.items():
        asks[key] |= set(ids)
    # further blocks, taking turns across the sub-points
    for _ in range(MAX_BLOCKS_PER_POINT - 1):
        for point in plan.points:
            have = chosen[point.key]
            if not have or len(have) >= min(MAX_BLOCKS_PER_POINT, max(2, 1 + point.budget // BLOCK_WORDS)):
                continue
            words = sum(_block_words(b) for b in have)
            outside = re.sub(r"\([^()]*\)", " ", point.text)
            for b in cands[point.key]:
                if b.block_id in used:
                    continue
                if outside != point.text and not _claim(outside, b):
                    continue  # matched only by words in brackets ('(..., safeguarding lead)'): no padding from it
                mine = cands[point.key].index(b)
                if focus and not blockmatch.in_question_topic(b, focus, topics) and not (
                        blockmatch.block_topics(b, topics) & blockmatch.block_topics(have[0], topics)) \
                        and not _tag_named(point.text, b):
                    # padding stays with the question's topic or the part's own ('raise concerns': no complaints),
                    # or is a block the part's words name ('domestic abuse, exploitation and self-neglect': the
                    # domestic abuse block beside the exploitation one, s11 q04 c; the panel: 'domestic abuse is not
                    # addressed')
                    continue
                if any(q.key != point.key and b in cands[q.key] and cands[q.key].index(b) < mine
                       and _claim(q.text, b) >= _claim(point.text, b) for q in plan.points):
                    continue  # padding never takes a block another part wants more ('paired measures')
                if _stands_in_for(b, have[0], topics):
                    continue  # placed only where the provider's own block is not known, never beside it
                if words < point.budget * FILL_SHARE:
                    have.append(b)  # the trimmer cuts its later sentences if the part runs over
                    used.add(b.block_id)
                break
    # a block must answer the ask, not only share its words: one written for another situation (business
    # continuity under 'Core Competency Standard', becoming unwell under 'the first 72 hours after discharge')
    # is left out, and the part takes its next candidate that fits, or is an honest gap (askfit)
    left_out: dict[str, list[str]] = {p.key: [] for p in plan.points}
    for point in plan.points:
        if point.key in pins:
            continue
        have = chosen[point.key]
        # read in the buyer's part it sits in: 'Part 2 – Leaving hospital' says 'the first 72 hours' are after a
        # discharge, not after becoming unwell (s11 q06); the part's title judges the situation only, never which
        # of its headings a block answers best
        # nor one that never speaks of the group of people the part asks about, or is written for a group the question
        # never names (s27 panel: seasonal workers over prison release, older carers over young carers; groups)
        # nor, under an ask for the provider's own plan, a block that only takes part in another body's (s28 panel,
        # FIRM: 'we take part in the ICB's PCREF action plan rather than running a separate one'; ownplan)
        wrong = [(b, askfit.misfit(situated(point), b) or groups.block_misfit(point.text, b, plan.question)
                  or ownplan.misfit(point.text, b, have)) for b in have]
        wrong = [(b, why) for b, why in wrong if why]
        if not wrong:
            continue
        for b, why in wrong:
            have.remove(b)
            used.discard(b.block_id)
            left_out[point.key].append(why)
        if not have:
            # the one that takes its place must be written for the situation asked about (not merely not against it);
            # where only the group was wrong, any next candidate that speaks of the group and is not against the ask
            situation = any(askfit.misfit(situated(point), b) for b, _ in wrong)

            def takes(b, ask: str = situated(point), situation: bool = situation, point: SubPoint = point) -> bool:
                return (askfit.fits(ask, b) if situation else askfit.misfit(ask, b) is None) \
                    and groups.block_misfit(point.text, b, plan.question) is None \
                    and ownplan.misfit(point.text, b) is None

            nxt = next((b for b in cands[point.key] if b.block_id not in used and takes(b)), None)
            if nxt is None and not situation:
                # a block written for the group the part asks about, though its topic words matched another ('how the
                # service will be accessible to seasonal workers ...': the seasonal workers' outreach block)
                asked = groups.asked(point.text)
                nxt = next((b for b in approved if b.block_id not in used and groups.named(b.title) & asked
                            and answers_point(point, b, strict=False, vocab=vocab) and takes(b)), None)
            if nxt is None and in_part(point):
                # the blocks the heading read in its part is offered (after a discharge: the follow-up blocks)
                read = dataclasses.replace(point, text=situated(point))
                more = block_options(db, dataclasses.replace(plan, points=[read]), today=today, profile=profile,
                                     approved=approved)[point.key]
                nxt = next((b for b in more if b.block_id not in used and answers_point(read, b, strict=False, vocab=vocab)
                            and takes(b, read.text)), None)
            if nxt is None and any(askfit.direction_misfit(situated(point), b) for b, _ in wrong):
                # a part whose block faced the other way takes the block that fits it best from a part holding two or
                # more, which keeps the rest (s16 q08: (a) 'discharged from the CRHT' lost the escalation block while
                # (c), the overnight ED discharge, held both first contact after discharge and the follow-up tracker);
                # the block must be among the part's topic options and written for the situation it asks about
                ranked = [b.block_id for b in offered[point.key]]
                spare = [(ranked.index(b.block_id), q.key, b) for q in plan.points
                         if q.key != point.key and q.key not in pins and len(chosen[q.key]) >= 2
                         for b in chosen[q.key] if b.block_id in ranked and takes(b)]
                if spare:
                    _, donor, nxt = min(spare, key=lambda t: t[0])
                    chosen[donor].remove(nxt)
            if nxt is not None:
                have.append(nxt)
                used.add(nxt.block_id)
    _each_group_spoken_of(plan, chosen, used, approved, vocab, pins)
    _gate_parts_on_subject(plan, chosen, used, approved, topics, pins, left_out)
    filled = _fill_to_budget(plan, chosen, used, avoid, approved, offered, cands, focus, topics, pins) if fill else []
    alone = _gate_parts_on_subject(plan, chosen, used, approved, topics, pins, left_out)  # nor padding on another one
    out: dict[str, Method] = {}
    for point in plan.points:
        method = Method(provider_unknown=bool(unsure and point.key in unsure), left_out=left_out[point.key],
                        why=[askfit.why(point.text, b) for b in chosen[point.key]],
                        filled=[b.block_id for b in chosen[point.key] if b.block_id in filled],
                        gate_alone=alone.get(point.key, ""))
        for n, b in enumerate(chosen[point.key]):
            method.blocks.append(b)
            if b.stale:
                method.stale.append(b)
            body, missing = _fill(b.body, profile)
            method.missing_profile += missing
            for sentence in _split_sentences(body):
                if _PLACEHOLDER.search(sentence):
                    continue  # a fact nobody gave ('{contract_start}'): not stated, and said in the coverage
                if _contradicts(sentence, open_actions) and not consistency.SAYS_OPEN.search(sentence):
                    method.dropped_open_actions.append(sentence)  # (a sentence in the future tense is a plan, not practice)
                    continue
                # a block's later sentences continue its first ('Each has ...', 'It reports ...'):
                # they may be trimmed, but never kept without it
                first = not any(u["block"] == b.block_id for u in method.units)
                lead = n == 0 or b.block_id in asks[point.key]
                priority = (1 if lead else 2) if first else (2 if n == 0 else 3)
                element = element_blocks.get(point.key, {}).get(b.block_id)
                mine = [u for u in method.units if u["block"] == b.block_id]
                if not first and element is not None:
                    # a listed element's block, in short: its first two sentences when the first names the element;
                    # else the first sentence that names it, on its own when it stands alone (it is kept before the
                    # block's first, 'A high risk score ... leads to a MARAC referral' of the domestic abuse block
                    # under 'the Brackenford MARAC'), or as the second; the rest is trimmed first
                    names = element_said(element, sentence) and not any(element_said(element, u["text"]) for u in mine)
                    if names and len(mine) >= 2 and not _leans_back(sentence):
                        mine[0]["priority"] = max(mine[0]["priority"], 2)
                        method.units.append({"text": sentence, "priority": 1, "block": b.block_id, "cont": False})
                        continue
                    if names or (len(mine) == 1 and element_said(element, mine[0]["text"])):
                        priority = 2
                if b.block_id in gate_lines[point.key] and (first or any(
                        g.key == point.key and gates.share(g, sentence) >= 0.5 for g in plan.gates)):
                    # the sentence making the gate's statement, and its block's first that it continues, go last: the
                    # buyer caps the answer without it (s21 q03: the block was placed, then cut for the part's budget)
                    priority = 0
                method.units.append({"text": sentence, "priority": priority, "block": b.block_id, "cont": not first})
            if n == 0 and b.means:
                means, missing = _fill(b.means, profile)
                method.missing_profile += missing
                if not _PLACEHOLDER.search(means):
                    method.means = {"text": means, "block": b.block_id}
        out[point.key] = method
    return out


def gate_subject(gate: gates.Gate, topics: list, about: str | None = None) -> list[str]:
    """The topics a gate's statement is about, most specific first: those its words after the subject's verb name
    (:func:`gates.subject_text`: 'be PVG scheme members before starting work', read with our library's words for
    another nation's terms: recruitment, by 'DBS check'); when those name none, the statement's most specific topic
    alone. Never a topic named only by the people the statement is about ('staff and volunteers': volunteering).
    ``about`` is the gate's subject text when the caller has read it already."""
    hits = blockmatch.topic_hits(gates.subject_text(gate) if about is None else about, topics)
    if not hits:
        whole = blockmatch.topic_hits(gate.statement, topics)
        hits = [h for h in whole if h.weight == whole[0].weight] if whole else []
    return list(dict.fromkeys(h.topic.name for h in hits))


def _gate_parts_on_subject(plan: QuestionPlan, chosen: dict, used: set, approved: list, topics: list, pins: dict,
                           left_out: dict) -> dict[str, str]:
    """A part that is a gate's confirmation itself (:func:`gates.confirming_part`: 'confirmation that every member of
    staff and volunteer in regulated work will be a member of the PVG scheme before starting work') keeps, beside the
    confirmation (said by :func:`gates.as_worded`), only blocks on the gate's subject (:func:`gate_subject`): s34 q07's
    PVG part held the social-value block, matched by 'volunteer' (FIRM: 'belongs in another answer'). A block on
    another subject goes (named in ``left_out``); a part left with none takes the first approved block of the
    subject's topics that fits its ask (askfit), else the confirmation stands alone. Returns, for each part left with
    no block, the gate's subject words, for the coverage to say what method to write. A part the writer pinned stays."""
    by_id = {b.block_id: b for b in approved}
    alone: dict[str, str] = {}
    for g in plan.gates:
        point = next((p for p in plan.points if p.key == g.key), None)
        if point is None or point.key in pins or point.kind == "confirm" or not gates.confirming_part(g, point.text):
            continue
        about = gates.subject_text(g)
        subject = gate_subject(g, topics, about)
        on = set(subject)
        have = chosen.get(point.key) or []
        keep = [b for b in have if on & blockmatch.block_topics(b, topics)]
        for b in have:
            if b not in keep:
                used.discard(b.block_id)
                left_out[point.key].append(f"{b.block_id} (its subject is not the buyer's confirmation's: {about})")
        if not keep and subject:
            named = {t.name: t for t in topics}
            nxt = next((by_id[bid] for name in subject for bid in named[name].blocks
                        if bid in by_id and bid not in used and askfit.misfit(situated(point), by_id[bid]) is None), None)
            if nxt is not None:
                keep = [nxt]
                used.add(nxt.block_id)
        chosen[point.key] = keep
        if not keep:
            alone[point.key] = about
    return alone


FILL_AIM = 0.85
"""A part whose chosen blocks hold fewer words than this share of its budget takes the next block that fits it
(:func:`_fill_to_budget`): s19 (spent) drafted 151 words of 500 for q11 and 350 of 1,000 for q09 while the library
held blocks that answer them; a panel reads such an answer as 'limited, generic'."""
FILL_BLOCK_WORDS = 50
"""The fill step takes at most 1 + budget // FILL_BLOCK_WORDS blocks for a part (the words decide, not a count)."""
FILL_MIN_BUDGET = 250
"""Parts with a smaller budget are not filled: one or two blocks make them (bench/part_coverage.py: filling every part
placed blocks outside the labelled answers, dev_s8 misplaced 14 -> 28)."""
FILL_CONTEXT = 0.3
"""The weight of the question's own words (its stem, its title) against the part's in ranking blocks for a part."""


def _each_group_spoken_of(plan: QuestionPlan, chosen: dict, used: set, approved: list, vocab: set[str],
                          pins: dict) -> None:
    """A part asking about several groups of people gets, for each group none of its blocks speaks of, the approved
    block written for that group (its title names it), when one fits the ask (askfit, :func:`answers_point`): s27 q01's
    'accessible to seasonal workers living in caravans ..., and to men released from HMP Hollins Down' held the
    prison-release block only, under a heading the panel read as seasonal workers (issue 12, session 28)."""
    for point in plan.points:
        have = chosen[point.key]
        if point.key in pins or point.kind == "confirm":
            continue
        for group in sorted(groups.asked(point.text, details=True)):
            if len(have) >= MAX_BLOCKS_PER_POINT or any(group in groups.named(b.body) for b in have):
                continue
            nxt = next((b for b in approved if b.block_id not in used and group in groups.named(b.title)
                        and group in groups.named(b.body) and askfit.misfit(situated(point), b) is None
                        and groups.block_misfit(point.text, b, plan.question) is None
                        and answers_point(point, b, strict=False, vocab=vocab)), None)
            if nxt is not None:
                have.append(nxt)
                used.add(nxt.block_id)
        # the block speaking of the group the heading names leads the part, so it is the last to be trimmed (s27 q01:
        # the heading read 'seasonal workers living in caravans', the prison-release block led and the seasonal
        # workers' block was trimmed away)
        heading = groups.asked(point.label)
        lead = next((b for b in have if heading & groups.named(b.body)), None) if heading else None
        if lead is not None and lead is not have[0]:
            have.remove(lead)
            have.insert(0, lead)


def _lead_with_the_heading_group(plan: QuestionPlan, methods: dict, profile: dict, pins: dict) -> None:
    """A part whose heading names a group of people that none of its text names opens with the method its ask's
    shape gives for that group (:func:`commitments.shaped`, which names it), so the text under the heading answers
    the heading: s27 q05's 'Supporting carers who are themselves older or in poor health' stood over two paragraphs
    about young carers, the next group its ask named (issue 12, session 28). Without such a shape the part is left
    as it is."""
    for point in plan.points:
        method = methods.get(point.key)
        if method is None or point.key in pins or not method.units or point.kind == "confirm":
            continue
        heading = groups.asked(point.label)
        if not heading or heading & groups.named(" ".join(u["text"] for u in method.units)):
            continue
        _, lines = commitments.shaped(point.label, point.label, profile)
        if not lines or not heading & groups.named(" ".join(lines)):
            continue
        method.units[0:0] = [{"text": t, "priority": 1 if n == 0 else 2, "block": SHAPED, "cont": n > 0,
                              "template": True} for n, t in enumerate(lines)]


def _idf(blocks: list) -> dict[str, float]:
    """How rare each word (stem) is in ``blocks`` (title, tags and text): log(N / (1 + df)), never below 0.1. Read
    from the library at hand, so the ranking follows the library as it grows."""
    df: dict[str, int] = {}
    for b in blocks:
        for t in set(blockmatch.tokens(" ".join([b.title, *b.tags, b.body]))):
            df[t] = df.get(t, 0) + 1
    n = max(1, len(blocks))
    return {t: max(0.1, math.log(n / (1 + d))) for t, d in df.items()}


def _weighted(text: str, idf: dict[str, float], weight: float = 1.0) -> dict[str, float]:
    out: dict[str, float] = {}
    for t in blockmatch.tokens(text):
        if t in _GAP_GENERIC or t in HEAD_GENERIC or t not in idf:
            continue
        out[t] = max(out.get(t, 0.0), weight * idf[t])
    return out


def _relevance(want: dict[str, float], block) -> float:
    """The block's relevance to weighted words: each word it uses counts its weight, twice in its title or tags."""
    head = set(blockmatch.tokens(" ".join([block.title, *block.tags])))
    body: dict[str, int] = {}
    for t in blockmatch.tokens(block.body):
        body[t] = body.get(t, 0) + 1
    # a word in the title or tags counts twice; in the text by how often it is used, up to three times (a block
    # about employers says 'employers' more than one that says it once)
    return sum(w * ((2 if t in head else 0) + min(body.get(t, 0), 3) / 3) for t, w in want.items())


IDLE_PART_WORDS = 60
"""Words a part with no method block keeps of its budget (its '[To write: ...]' marker, its heading) when the rest is
lent to the parts that have blocks (:func:`lent_budgets`)."""


def lent_budgets(plan: QuestionPlan, chosen: dict) -> dict[str, int]:
    """Each part's budget for filling with blocks: its own share of the limit, and a share, by the parts' own budgets
    (their weighting), of the budgets of the parts sharing its limit that have no method block to fill them (all but
    :data:`IDLE_PART_WORDS` of each). Parts held to a limit of their own keep to it; a buyer's part's words are lent
    only within that part. s33 q03: a guidance sub-point and a part the library cannot answer took 400 of 1,000 words,
    the three parts with blocks fell to 200 words each, below :data:`FILL_MIN_BUDGET`, and the isolation part lost
    its second block while the answer used 436 words."""
    scored = [p for p in plan.points if p.kind != "confirm"]
    out = {p.key: p.budget for p in plan.points}
    for part in dict.fromkeys(p.part if p.part_limit else "" for p in scored):
        mine = [p for p in scored if (p.part if p.part_limit else "") == part]
        idle = [p for p in mine if not chosen.get(p.key)]
        takers = [p for p in mine if chosen.get(p.key) and not p.limit]
        spare = sum(max(0, p.budget - IDLE_PART_WORDS) for p in idle)
        weight = sum(p.budget for p in takers)
        if spare <= 0 or weight <= 0:
            continue
        for p in takers:
            out[p.key] = p.budget + spare * p.budget // weight
    return out


def _fill_to_budget(plan: QuestionPlan, chosen: dict, used: set, avoid: set, approved: list, offered: dict,
                    answering: dict, focus: set, topics: list, pins: dict) -> list[str]:
    """Fill each part of at least :data:`FILL_MIN_BUDGET` words toward its budget (:data:`FILL_AIM`) with the next
    approved blocks that fit it, best first; the ids of the blocks added.

    A block fits a part when it is one of the part's own topic options (:func:`block_options`: it was left out of the
    part's first choices only because the heading's first phrase names something else, 'carers' in s19 q11's 'people
    who use the service, and their carers, shape how it is designed'), is written for the situation the part asks
    about (askfit), stays with the question's topic or the part's own (as choose_methods' padding does), and speaks
    of the part's words or of an element of the buyer's top scoring descriptor: two of them, or one in its title or
    tags. Blocks are ranked by relevance (rare words weigh more) to the part's words and the top descriptor's
    elements, the question's own words weighing less (:data:`FILL_CONTEXT`); a block goes to the part whose words it
    speaks of most. A part with no block keeps its honest gap (s16 q04: 'the requirement in Specification section
    6.4' took the crisis alternatives block by its 'safe haven'). Outside a part's options only a block of the
    question's topic whose title or tags name a top-descriptor element is taken, after them (without that rule the
    social value block came under s19 q07's 'requirements listed above'). Review and learning blocks come after
    those that say who does what and how often (:func:`descriptors.later_phase`). Parts take turns, the emptiest
    first, so no part takes everything."""
    idf = _idf(approved)
    element_words = _weighted(" ".join(descriptors.elements(plan.question)), idf)
    context = _weighted(" ".join([plan.title or "", plan.stem or ""]), idf, FILL_CONTEXT)
    common = _common_words()
    weak = set(blockmatch.tokens(" ".join(str(w) for w in descriptors.vocabulary().get("weak_fit_words") or [])))
    # the words of the buyer's names ('Brackenford Recovery Partnership', 'Joint Working Protocol v2.0', 'Moorvale Carers
    # Centre') speak of the named thing, never of a block that uses one of them ('the place-based partnership', 'a shared
    # care protocol with the GP'): a block fills a part by what the part asks, and names the buyer's thing whole (s20
    # q05 5.2: the partnership and GP protocol blocks filled the part on joint working with the drug and alcohol service)
    names = {p.key: name_words(p.text) for p in plan.points}
    own_words = {p.key: {t: w for t, w in _weighted(blockmatch.without_deadlines(p.text + " " + p.label), idf).items()
                         if t not in names[p.key]} for p in plan.points}
    timelines: dict[str, bool] = {}

    def timeline(b) -> bool:
        if b.block_id not in timelines:
            timelines[b.block_id] = repeats.is_timeline(b.body)
        return timelines[b.block_id]
    want = {p.key: {**context, **element_words, **own_words[p.key]} for p in plan.points}

    def speaks_of(point: SubPoint, b) -> bool:
        own = (set(own_words[point.key]) | set(element_words)) - common - weak
        head = set(blockmatch.tokens(" ".join([b.title, *b.tags])))
        shared = own & (head | set(blockmatch.tokens(b.body)))
        return len(shared) >= 2 or bool(shared & head)

    def fits(point: SubPoint, b) -> bool:
        have = chosen[point.key]
        if not have or b.block_id in used or b.block_id in avoid or askfit.misfit(situated(point), b) \
                or groups.block_misfit(point.text, b, plan.question) or ownplan.misfit(point.text, b, have):
            return False
        if timeline(b) and any(timeline(x) for bl in chosen.values() for x in bl):
            return False  # the answer walks through its timeline once (:func:`one_timeline`): no second one to fill
        if b not in offered[point.key]:
            # outside the part's options only a block of the question's topic whose title or tags name an element of
            # the buyer's top descriptor ('governance' in s19 q11: 'Lived experience in governance')
            head = set(blockmatch.tokens(" ".join([b.title, *b.tags])))
            return bool(head & set(element_words)) and blockmatch.in_question_topic(b, focus, topics) \
                and speaks_of(point, b)
        # a block that answers the part (``answering``: choose_methods' candidates) may be of another topic ('Turning
        # findings into changes in practice' under s19 q07's 'learning from a safeguarding adults review'); any other
        # stays with the question's topic or the part's own ('raise concerns' in a safeguarding question: no complaints)
        if b not in answering[point.key] and focus and not blockmatch.in_question_topic(b, focus, topics) and not (
                blockmatch.block_topics(b, topics) & blockmatch.block_topics(have[0], topics)) \
                and not _tag_named(point.text, b):
            return False
        return speaks_of(point, b)

    def home(b, short: list) -> str:  # of the parts still short that it fits, the one whose own words it speaks of most
        return max(short, key=lambda p: (_relevance(own_words[p.key], b), -plan.points.index(p))).key

    added: dict[str, list] = {p.key: [] for p in plan.points}
    budget = lent_budgets(plan, chosen)
    while True:
        short = []
        for point in plan.points:
            own = budget[point.key]
            if point.key in pins or point.kind == "confirm" or own < FILL_MIN_BUDGET:
                continue
            words = sum(_block_words(b) for b in chosen[point.key])
            if words < own * FILL_AIM and len(chosen[point.key]) < 1 + own // FILL_BLOCK_WORDS:
                short.append((words / own, point))
        took = False
        short.sort(key=lambda x: x[0])
        for _, point in short:
            ranked = sorted((b for b in (offered[point.key] + approved if element_words else offered[point.key])
                             if fits(point, b)
                             and home(b, [p for _, p in short if p is point or fits(p, b)]) == point.key),
                            key=lambda b: (b not in offered[point.key], -_relevance(want[point.key], b), b.stale,
                                           b.block_id))
            if not ranked:
                continue
            room = budget[point.key] - sum(_block_words(b) for b in chosen[point.key])
            pick = next((b for b in ranked if _block_words(b) <= room), ranked[0])
            chosen[point.key].append(pick)
            added[point.key].append(pick)
            used.add(pick.block_id)
            took = True
        if not took:
            break
    for point in plan.points:
        have = chosen[point.key]
        if added[point.key] and len(have) > 2:  # who and what first, then when and how often, then review and learning
            have[1:] = sorted(have[1:], key=descriptors.later_phase)
    return [b.block_id for bl in added.values() for b in bl]


ELEMENT_AT_MOST = 4
"""A part takes at most this many blocks for the elements its sub-point lists (:func:`_element_blocks`); the rest are
named in its coverage row as still to write."""


def _element_core(element: str) -> set[str]:
    """The words (stems) that name a listed element: its content words, less generic ones and the buyer's own place
    words no approved block could use ('Brackenford' of 'the Brackenford MARAC': capitalised, outside the library's
    vocabulary)."""
    vocab = library_words()
    local = {t for w in re.findall(r"\b[A-Z][a-z][\w'-]*", element) for t in blockmatch.tokens(w) if t not in vocab}
    return set(blockmatch.tokens(element)) - _GAP_GENERIC - HEAD_GENERIC - local


def _enough(core: set[str], have: set[str]) -> bool:
    return len(core & have) >= (len(core) if len(core) <= 2 else (len(core) + 1) // 2)


def element_said(element: str, text: str) -> bool:
    """Whether ``text`` names a listed element: all its naming words (:func:`_element_core`) when it has one or two
    ('domestic abuse', 'MARAC' of 'the Brackenford MARAC'), half of them when more ('Channel (Prevent) panels')."""
    core = _element_core(element)
    if not core:
        return _says(element, text)
    return _enough(core, set(blockmatch.tokens(text)))


_ELEMENT_TAIL = re.compile(r"\s+(?:for|of|with|to|at|from|by|on|in|during|before|after|when|where|who)\s+", re.I)


def element_met(element: str, text: str) -> bool:
    """Whether ``text`` says a listed element well enough for the coverage to call it met: :func:`element_said`, and
    every naming word of its head (its words before 'for', 'of', 'with' ...: 'joint visits' of 'joint visits for care
    leavers') when the element has a tail; the s32 panel read 'met' rows where only the tail was said ('care leavers')
    as 'does not mention joint visits'."""
    if not element_said(element, text):
        return False
    head = _ELEMENT_TAIL.split(element, maxsplit=1)
    if len(head) < 2:
        return True
    core = _element_core(head[0])
    return not core or core <= set(blockmatch.tokens(text))


def element_block_names(element: str, block) -> bool:
    """Whether an approved block is written about a listed element: its title and tags name it (:func:`_enough` of the
    element's naming words), never a word or two of its body ('exploitation' said in passing by the multi-agency
    block)."""
    core = _element_core(element)
    return bool(core) and _enough(core, set(blockmatch.tokens(" ".join([block.title, *block.tags]))))


def _element_blocks(plan: QuestionPlan, chosen: dict, used: set, avoid: set, approved: list, offered: dict,
                    answering: dict, focus: set, topics: list, pins: dict) -> dict[str, dict[str, str]]:
    """For each scored sub-point, the approved blocks added for the elements it lists (:func:`asked_elements`) that
    none of its chosen blocks names: for each such element, the block whose title or tags name it
    (:func:`element_block_names`), written for the situation and the group the part asks about (askfit, groups), of
    the question's topic or among the part's own options, not used elsewhere in the answer (one used by another answer
    of the tender only when no other names it), whose text says it too. An element no block honestly names stays a
    gap, said in the coverage. {sub-point key: {block id: the element it names}}."""
    out: dict[str, dict[str, str]] = {}
    for point in plan.points:
        have = chosen[point.key]
        if point.kind == "confirm" or point.key in pins or not have:
            continue  # a part with no block is a gap the writer fills; an element block would not answer its ask
        told = " ".join(b.body for b in have)  # what the part will say: a tag names, the text says
        added: dict[str, str] = {}
        for element in asked_elements(point.text):
            if len(added) >= ELEMENT_AT_MOST:
                break
            if element_said(element, told):
                continue

            def honest(b, element: str = element, point: SubPoint = point) -> bool:
                return element_block_names(element, b) and element_said(element, b.body) and b.block_id not in used \
                    and (b in offered[point.key] or b in answering[point.key]
                         or blockmatch.in_question_topic(b, focus, topics)) \
                    and askfit.misfit(situated(point), b) is None \
                    and groups.block_misfit(point.text, b, plan.question) is None

            found = sorted((b for b in approved if honest(b)),
                           key=lambda b: (b.block_id in avoid, b.stale, not element_said(element, _short_form(b)),
                                          b not in offered[point.key], not element_said(element, b.title),
                                          _block_words(b), b.block_id))
            if not found:
                continue
            pick = found[0]
            have.append(pick)
            used.add(pick.block_id)
            added[pick.block_id] = element
            told += f" {pick.body}"
        if added:
            out[point.key] = added
    return out


_LEANS_BACK = intake_words("leans_back_openers")


def _leans_back(sentence: str) -> bool:
    """Whether a sentence opens with a word pointing to the one before it ('They ...', 'This ...'), so cannot stand
    alone."""
    first = re.match(r"[A-Za-z']+", sentence.strip())
    return bool(first) and first.group(0).lower() in _LEANS_BACK


def _short_form(block) -> str:
    """A block's first two sentences: what a part keeps of it for a listed element when its budget is tight."""
    return " ".join(_split_sentences(block.body)[:2])


def _element_rows(sec: Section, said: str, sections: list[Section] | None = None) -> str:
    """The coverage's account of the elements a sub-point lists: each one its part names with the block that names
    it, those another part says (move or repeat it), and those no part says, to write ('' when it lists none)."""
    elements = asked_elements(sec.point.text)
    if not elements or sec.point.kind == "confirm":
        return ""
    met, unmet = [], []
    for e in elements:
        if not element_met(e, said):
            there = next((o.point.label for o in sections or [] if o is not sec
                          and element_met(e, _said_text(o.kept_units()))), None)
            unmet.append(f"{e} (said in '{there}': move or repeat it)" if there else f"{e} (write this)")
            continue
        naming = [u for u in sec.kept_units() if not _marker_unit(u) and element_met(e, u.text)]
        if naming and all(f"block:{COMMITMENT}" in u.refs for u in naming):
            # named only by the buyer's requirement said back as ours ('We will also deliver regular sessions at
            # partner sites' for 'how often each session will run'): the s28 panel's 'Not', no frequency given
            unmet.append(f"{e} (said back in the buyer's words: write how)")
            continue
        by = next((r.partition(":")[2] for u in naming for r in u.refs if r.startswith("block:")), "")
        met.append(f"{e} ({by})" if by else e)
    out = ""
    if met:
        out += "; the buyer lists here, met: " + ", ".join(met)
    if unmet:
        out += "; the buyer lists here, not in this part: " + ", ".join(unmet)
    return out


def _tag_named(text: str, block) -> bool:
    """Whether ``text`` names one of the block's tags of two or more specific words ('domestic abuse', 'mental
    capacity', 'young adults'; not 'young people', whose 'people' says nothing of the block)."""
    low = " ".join(text.lower().split())
    for tag in block.tags:
        words = re.findall(r"[a-z0-9]+", tag.lower())
        if len(words) >= 2 and all(w not in GENERIC and stem(w) not in HEAD_GENERIC for w in words) \
                and re.search(r"\b" + re.escape(" ".join(tag.lower().split())) + r"\b", low):
            return True
    return False


def _names_terms(text: str, block) -> bool:
    """True when the block names the sub-point's central named term (or its acronym)."""
    terms = _central_terms(text)
    if not terms:
        return False
    hay = " ".join([block.title, " ".join(block.tags), block.body]).lower()
    for term in terms:
        term = re.sub(r"\s+\d{4}$", "", term)  # 'Mental Capacity Act 2005': the act, with or without its year
        acronym = "".join(w[0] for w in term.split() if w[0].isupper()) if " " in term else ""
        if term.lower().rstrip("s") in hay or (len(acronym) >= 3 and re.search(rf"\b{acronym.lower()}\b", hay)):
            return True
        # a local body of a kind every area has ('Kestrel Vale Safeguarding Adults Board'): the block that
        # names the kind (three words or more, the place's name left off) names it
        words = term.split()
        if any(" ".join(words[i:]).lower().rstrip("s") in hay for i in range(1, len(words) - 2)):
            return True
    return False


def _central_terms(text: str) -> list[str]:
    """Named terms that are what the sub-point is about: once they are taken out, at most one
    content word is left ('how you will apply Making Safeguarding Personal')."""
    terms = named_terms(text)
    if not terms:
        return []
    rest = text
    for t in terms:
        rest = rest.replace(t, " ")
    left = [w for w in blockmatch.tokens(rest) if w not in _GAP_GENERIC]
    if left and all(_COMPANION.search(text[:text.find(t)]) for t in terms):
        # 'support people after a crisis, working with the Riverside Safe Haven': the partner is who we do it
        # with, the ask is the crisis support; a method block answers it and the partner is named beside it
        return []
    return terms if len(left) <= 1 else []


_COMPANION = re.compile(r"(?i)\b(?:with|alongside)\s+(?:the\s+|our\s+|their\s+)?$")  # 'in partnership with', 'jointly with' too


_GAP_GENERIC = {"appli", "apply", "use", "current", "status", "who", "work", "servic", "service", "support", "peopl",
                "people", "team", "staff", "practic", "practice", "day", "implement", "approach", "make", "way"}


def _says(element: str, text: str) -> bool:
    """Whether ``text`` speaks of a listed element: all its content words when it has one or two ('peer support'),
    half of them when more ('follow-up after discharge')."""
    want = set(blockmatch.tokens(element)) - _GAP_GENERIC
    if not want:
        return True
    have = set(blockmatch.tokens(text))
    return len(want & have) >= (len(want) if len(want) <= 2 else (len(want) + 1) // 2)


def name_words(text: str) -> set[str]:
    """The stems only the buyer's names of ``text`` use: its capitalised words inside a sentence (:func:`_proper_stems`),
    less those it also writes in lower case ('joint' in 'Joint Working Protocol' and 'joint reviews' is asked)."""
    lower = set(blockmatch.tokens(" ".join(re.findall(r"\b[a-z][\w'-]*", text or ""))))
    return _proper_stems(text) - lower


def _proper_stems(text: str) -> set[str]:
    """The stems of the capitalised words inside ``text`` (not its first word): the buyer's names of places,
    bodies and schemes ('Upper Esk and Haldon Coast', 'Zelborough')."""
    names = re.findall(r"(?<![.?!:]\s)(?<!^)\b[A-Z][\w'-]*", (text or "").strip())
    return set(blockmatch.tokens(" ".join(names)))


def block_words(blocks) -> set[str]:
    """Every word (stem) ``blocks`` use, in title, tags or text: the vocabulary of a library."""
    out: set[str] = set()
    for b in blocks:
        out |= set(blockmatch.tokens(" ".join([b.title] + list(b.tags) + [b.body])))
    return out


ASKED_UNKNOWN_SHARE = 1 / 3
ASKED_UNKNOWN_MIN = 2
"""A sub-point that names no topic of ours and has at least two words no approved block uses (not names, not in
an example), making up at least a third of its own words, asks about something the library does not hold ('the
Zelborough greyhound hydrotherapy scheme'): no block answers it. One such word ('significant staff absence') is not
enough, nor unknown words beside a topic ('prioritise referrals when waits exceed 28 days')."""


def answers_point(point: SubPoint, block, *, strict: bool = True, vocab: set[str] | None = None) -> bool:
    """Whether ``block`` answers the sub-point, not only its neighbourhood.

    A sub-point about a named thing ('Making Safeguarding Personal', 'your DSPT status',
    'who your Caldicott Guardian is') is answered only by a block that names it. A
    sub-point that matches no topic of its own (its block came from the question's
    stem or from shared words) needs a block sharing one of its own content words in
    the title or tags, or two in the text.
    """
    if not blockmatch.fits_heading(point.label, block, strict=strict):
        return False  # the block is not about what the heading names ('Learning from ...', 'Feedback from ...')
    if _central_terms(point.text):
        return _names_terms(point.text, block)
    if _answers_head(point, block, blockmatch.load_topics()):
        return True  # of the topic the part's head asks about, its subject the heading's: the examples' words aside
    words = set(blockmatch.tokens(blockmatch.without_deadlines(point.text))) - _GAP_GENERIC
    if not words:
        return True  # nothing but words every ask uses: the topic match decides
    # the words of a body, scheme or place the part names are not what it asks ('keep registration with the Northern
    # Ireland Social Care Council': 'social care' is the council's name, not the ask; issue 12, s35)
    words = blockmatch.without_names(words, point.text)
    known = vocab if vocab is not None else (library_words() or words)
    # names no approved block uses (the buyer's places: 'Upper Esk and Haldon Coast') cannot show whether a block
    # answers: they leave the count; the buyer's other words no block uses ('greyhound hydrotherapy') are what
    # is asked, and no block answers an ask made mostly of them
    unknown = words - known
    # an example the buyer gives ('..., for example during a pandemic') is not what is asked
    example = re.split(r"(?i),?\s+(?:for\s+example|for\s+instance|such\s+as|e\.g\.|including)\b", point.text, maxsplit=1)
    asked = (unknown & set(blockmatch.tokens(example[0]))) - _proper_stems(point.text)
    own = words - (unknown - asked)
    if not own & known:
        return False
    topics = blockmatch.load_topics()
    hits = blockmatch.topic_hits(point.text, topics)
    if not hits and len(asked) >= ASKED_UNKNOWN_MIN and len(asked) >= ASKED_UNKNOWN_SHARE * len(own):
        return False  # no topic of ours, and what it names no approved block speaks of
    own &= known
    for h in hits:
        # a cue of two or more words ('team structure', 'did not attend') names what is asked
        if h.weight >= 2 and (block.block_id in h.topic.blocks or h.topic.name in blockmatch.block_topics(block, topics)):
            return True
    # a part asking several things in one ('how you will recruit, retain and deploy staff to meet Table 8.1,
    # including ... vacancies, sickness and annual leave', s22 q08, spent): a block of two of its topics answers it,
    # though it holds no third of the part's many words (the part was left empty)
    if len({h.topic.name for h in hits if block.block_id in h.topic.blocks
            or h.topic.name in blockmatch.block_topics(block, topics)}) >= 2:
        return True
    head = set(blockmatch.tokens(" ".join([block.title] + list(block.tags))))
    body = set(blockmatch.tokens(block.body))
    if not hits:
        # no topic of its own: words most blocks use ('review', 'risk', 'plan') prove nothing
        own -= _common_words()
        if not own:
            return False
    shared = own & (head | body)
    return len(shared) >= max(1, round(ANSWER_SHARE * len(own))) and bool(own & head or len(shared) >= 2)


COMMON_SHARE = 0.15
"""A word in more than this share of the shipped blocks is common: it cannot show on its own that a
block answers a sub-point that names no topic."""


def _common_words() -> set[str]:
    """Words in more than :data:`COMMON_SHARE` of the blocks of every library file together."""
    def build(_path, data: dict) -> dict:
        blocks = data.get("blocks") or []
        counts: dict[str, int] = {}
        for b in blocks:
            for w in set(blockmatch.tokens(" ".join([str(b.get("title", "")), " ".join(b.get("tags") or []),
                                                     str(b.get("body", ""))]))):
                counts[w] = counts.get(w, 0) + 1
        return {"n": len(blocks), "counts": counts}

    n, counts = _library_counts(build)
    return {w for w, c in counts.items() if c > COMMON_SHARE * max(1, n)}


ANSWER_SHARE = 0.34
"""A block answers a sub-point when it holds at least this share of the sub-point's content words
(tuned on the session-5 dev questions: below it the blocks answered something else)."""


_ATTACH_NOTE = re.compile(
    r"(?:(?P<verb>attach|provide|complete|include|submit|enclose)\w*\s+(?P<thing1>(?:your|the|a|an)\s+[^.;]*?)\s+"
    r"|(?P<thing2>(?:your|the|a|an)\s+[^.;]*?)\s+(?:may|must|should|can)\s+be\s+(?:attached|provided|included|submitted)\s+)"
    r"(?P<prep>as|in|at)\s+(?P<ref>(?:appendix|annex|attachment|schedule)\s+[\w.]+)",
    re.I,
)


ATTACH_NOTE = ("The buyer asks for this document by its number: send it with the answer. The file to submit leaves "
               "this line out (a bracketed note reads to a panel as an unfinished draft).")
"""The review copy's comment on a '[To attach]' line (:func:`attachment_notes`)."""


def attachment_notes(instructions: list[str]) -> list[str]:
    """A marked note for each attachment the buyer asks for by number ('Attach your organisational chart
    as Appendix 3' -> '[To attach] Organisational chart as Appendix 3.'): the answer uses the buyer's
    own numbering, and the writer sees what still has to go with it."""
    out = []
    for line in instructions:
        for m in _ATTACH_NOTE.finditer(line):
            thing = re.sub(r"^(?:your|the|a|an)\s+", "", (m.group("thing1") or m.group("thing2")).strip(), flags=re.I)
            ref = m.group("ref").rstrip(".")
            ref = ref[:1].upper() + ref[1:]
            verb = "[To complete]" if (m.group("verb") or "").lower() == "complete" else "[To attach]"
            prep = "in" if verb == "[To complete]" else "as"
            note = f"{verb} {thing[:1].upper() + thing[1:]} {prep} {ref}."
            if note not in out:
                out.append(note)
    return out


def asks_example(text: str) -> bool:
    """True when a sub-point asks for an example or case study ('for example ...' inside it does not)."""
    return bool(re.search(r"(?<!for )\bexamples?\b|\bcase stud(?:y|ies)\b|\binstance where\b", text, re.I))


_NAMED = re.compile(r"\b[A-Z][\w'’-]*(?:(?:,?\s+(?:and|of|for|the|on)\s+|,?\s+)[A-Z][\w'’-]*){2,}")
"""A run of three or more capitalised words (joined by 'and', 'of', 'for', 'the', 'on' or commas): the name of a
body, service or document ('Kelderton Mental Health, Learning Disability and Autism', 'Mental Health Services Data
Set')."""


def relevant_stories(db: Database, text: str, *, exclude=()) -> list[dict]:
    """Exportable stories about one of ``text``'s topics (its title, context and approach match
    a topic ``text`` matches, when ``text`` matches any), ranked by how many of ``text``'s content
    words they share (at least :data:`STORY_MIN_SHARED`), then by BM25. Unless ``text`` asks for an
    example, a story must be clearly about (a topic its title names, or one of weight two or more in
    its opening) what ``text`` is mainly about (its topics of at least half the heaviest one's weight)."""
    want = content_stems(text)
    words = [w for w in terms(text) if w not in GENERIC]
    if not words:
        return []
    rows = workflow.match_exportable_stories(db, " OR ".join(f'"{w}"' for w in words))
    # a story must be about what the sub-point is about (its topics), not merely share words
    hits = blockmatch.topic_hits(text)
    # its main topic, and any named by a cue of two or more words: a one-word side match
    # ('assess' in 'assess and review risk') does not make a benefits story about risk
    point_topics = {h.topic.name for n, h in enumerate(hits) if n == 0 or h.weight >= 2}
    # what the sub-point is mainly about: its topics of at least half the heaviest one's weight ('co-occurring
    # conditions' and 'Oliver McGowan', not 'safety planning', in a training programme that lists it among its modules)
    # read without the names of bodies and documents it cites: the 'Kelderton Mental Health, Learning Disability and
    # Autism (MHLDA) Delivery Group' a report goes to does not make an MHSDS part about learning disability (s16 q07)
    main_hits = blockmatch.topic_hits(_NAMED.sub(" ", text)) or hits
    top = max((h.weight for h in main_hits), default=0)
    point_main = {h.topic.name for h in main_hits if h.weight >= max(1, top / 2)}
    example = asks_example(text)
    scored = []
    for r in rows:
        if r["story_id"] in exclude:
            continue
        story_text = " ".join(str(r.get(k) or "") for k in ("title", "domains", "context", "support_approach",
                                                             "delivery", "evidence"))
        # what a story is about: its title and the first sentence of its context
        about = " ".join([str(r.get("title") or ""), _split_sentences(str(r.get("context") or ""))[:1][0]
                          if (r.get("context") or "").strip() else ""])
        about_hits = blockmatch.topic_hits(about)
        if point_topics and not point_topics & {h.topic.name for h in about_hits}:
            continue
        clearly = {h.topic.name for h in about_hits if h.weight >= 2} | {
            h.topic.name for h in blockmatch.topic_hits(str(r.get("title") or ""))}  # its opening's main topics, its title's
        if point_main and not example and not point_main & clearly:
            # a story is told where it is mainly about what the part is mainly about, not where one word of its
            # opening touches a side topic (issue 12, s16 panel: a story about a person with a learning disability
            # under 'MHSDS submission' and 'Training programme'; a GP-practice change under 'Feedback and closing
            # the loop'); a part that asks for an example keeps the looser match
            continue
        if askfit.text_misfit(text, about + " " + str(r.get("title") or "")):
            continue  # a story set in another situation (an escalation told under 'first contact and assessment')
        if partfit.story_misfit(text, story_text):
            continue  # a story that never speaks of what the part asks for (a benefits sanction under 'Making payments
            # without affecting members' welfare benefits', a prescription transfer as the co-production example: s31)
        have = content_stems(story_text)
        shared = len(want & have)
        # a sub-point that asks for an example takes a story that shares one of its words
        # a story whose title is about the sub-point's main topic needs one shared word, one
        # about any of its topics two; otherwise three
        titled = bool(hits) and hits[0].topic.name in {h.topic.name for h in blockmatch.topic_hits(r.get("title") or "")}
        enough = 1 if (asks_example(text) or titled) else (STORY_MIN_SHARED if point_topics else 3)
        if shared >= enough:
            scored.append((-shared, r["rank"], r["story_id"], r))
    return [r for *_, r in sorted(scored, key=lambda x: x[:3])]


def _pin_story(db: Database, story_id: str, plan: QuestionPlan) -> tuple[dict, str]:
    """The pinned story and the sub-point it fits best (refused unless it may be used externally)."""
    row = story_row(db, story_id)
    if row is None:
        raise InputError(f"no story with id '{story_id}' (see 'evidencebot stories list')")
    if not workflow.is_exportable(row):
        raise InputError(f"story {story_id} may not be used in a tender answer: "
                         + "; ".join(workflow.story_blockers(row)))
    have = content_stems(" ".join(str(row.get(k) or "") for k in ("title", "context", "support_approach", "delivery",
                                                           "evidence")))
    best = max(plan.points, key=lambda pt: (len(content_stems(pt.text) & have), -plan.points.index(pt)))
    return row, best.key


def _method_words(sections: list[Section]) -> tuple[int, int]:
    method = total = 0
    for sec in sections:
        for u in sec.kept_units():
            total += u.words
            if any(r.startswith("block:") for r in u.refs):  # drafted text is no library method (s16 finding 11)
                method += u.words
    return method, total


AIM_FRAMES = ("The aim is that {}", "Our intention is that {}", "We want this to mean that {}")
"""How a 'what it means' line that states an outcome as fact is said as what we aim for, taken in turn through an
answer so that no two neighbouring parts close on the same words."""


def _means_as_aims(methods) -> None:
    """Each 'what it means' line that states an outcome for people as settled fact ('Housing problems are dealt with
    before they turn into a crisis', 'The quality of care is checked at every level, and problems reach people who
    can act on them': the s17 panel's examples, which our checker passes) said as an aim. A line that already
    hedges near its start (a modal of the phrasebank's ``hedge_modals``: 'People should ...') or is our own
    commitment ('We will ...') is left as it is."""
    n = 0
    for m in methods:
        if not m.means or not m.means.get("text"):
            continue
        framed = as_aim(m.means["text"], n)
        if framed != m.means["text"]:
            m.means["text"] = framed
            n += 1


def as_aim(text: str, n: int = 0) -> str:
    """``text`` (a 'what it means' line) as an aim, in the ``n``-th of :data:`AIM_FRAMES`; unchanged when it
    already hedges before its first comma within its first eight words, or is a commitment ('We will ...')."""
    line = " ".join((text or "").split())
    if not line:
        return text
    words = re.findall(r"[A-Za-z']+", line.split(",")[0])[:8]
    lowered = [w.lower() for w in words]
    if lowered[:2] == ["we", "will"] or set(lowered) & _hedge_modals() or any(
            line.lower().startswith(f.split("{}")[0].lower()) for f in AIM_FRAMES):
        return text
    # already an aim ('The service aims to cut its emissions ...'): framed again it reads as an aim of an aim (s32 q12,
    # s33 q12: 'We want this to mean that the service aims to ...')
    if _our_aim(lowered):
        return text
    first, _, rest = line.partition(" ")
    if first[1:] == first[1:].lower() and first not in ("I",):
        first = first[:1].lower() + first[1:]
    return AIM_FRAMES[n % len(AIM_FRAMES)].format(f"{first} {rest}".strip())


@functools.lru_cache(maxsize=1)
def _aim_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the vocabulary's one-word aim governors, 'aim', 'intend', 'seek'; the provider's own subject words, 'we',
    'service', 'team', with 'the')."""
    vocab = load_vocabulary()
    verbs = frozenset(w for w in vocab.get("aim_governors") or () if " " not in w)
    return verbs, frozenset(vocab.get("provider_agents") or ()) | {"the"}


def _our_aim(lowered: list[str]) -> bool:
    """The line opens with our own aim: the provider as its subject (every word before the verb one of its words),
    then an aim governor in any person and 'to' ('the service aims to', 'our outreach team plans to'), not a
    relative clause inside a statement ('people who want to stop smoking get ...')."""
    verbs, ours = _aim_words()
    for i, w in enumerate(lowered[1:4], start=1):
        verb = w[:-1] if w.endswith("s") and w[:-1] in verbs else w
        if verb in verbs and lowered[i + 1:i + 2] == ["to"]:
            # (straight after 'the' it is a noun: 'the plan to reach every village is written with the hubs')
            return lowered[i - 1] != "the" and all(x in ours for x in lowered[:i])
    return False


@functools.lru_cache(maxsize=1)
def _hedge_modals() -> frozenset[str]:
    return frozenset(load_vocabulary().get("hedge_modals") or ())


def _means_unit(sec: Section):
    means = sec.evidence.get("blocks").means if sec.evidence.get("blocks") else None
    if not means:
        return None
    return next((u for u in sec.units if u.text == means["text"] or u.text.rstrip(".") == means["text"].rstrip(".")), None)


def _keep_method_half(sections: list[Section]) -> None:
    """Drop evidence units (lowest priority, latest first) until method text is at least half the answer."""
    while True:
        method, total = _method_words(sections)
        if total == 0 or method * 2 >= total:
            return
        worst = None
        for si, sec in enumerate(sections):
            if len(sec.kept_units()) <= 1:
                continue  # never empty a part to reach the share
            for ui, u in enumerate(sec.units):
                if u.kept and not any(r.startswith("block:") or r == DRAFTED for r in u.refs) and "todo:part" not in u.refs:
                    key = (-_trim_rank(sec, ui), u.priority, ui, si)
                    if worst is None or key > worst[0]:
                        worst = (key, si, ui)
        if worst is None:
            return
        sections[worst[1]].drop(worst[2], "method share")


class _Fixed:
    """A stand-in checker that returns a fixed list of findings (no rewrites allowed)."""

    def __init__(self, findings):
        self.findings = findings

    def check_text(self, text):
        for f in self.findings:
            f.suggestions = []
        return self.findings


def _says_how(kept: list[Unit], method) -> bool:
    """A kept sentence of the part says how: method text of a block that is not the buyer's requirement said back (a
    commitment, the timescale template's 'The specification asks for ...', a note to bidders' 'We will be aware that
    ...') and not the block's 'what it means' line."""
    means = (method.means or {}).get("text", "").rstrip(". ") if method is not None else ""
    for u in kept:
        if not any(r.startswith("block:") for r in u.refs) or f"block:{COMMITMENT}" in u.refs:
            continue
        if u.text.startswith((_ASKS_FOR, "We will work to that")) or commitments.as_fact(u.text) is not None:
            continue
        if means and u.text.rstrip(". ") == means:
            continue
        return True
    return False


def _paragraph_numbers(text: str, sections: list[Section]) -> dict[str, list[int]]:
    """Which answer paragraphs (1-based, headings not counted) hold each sub-point."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith("#")]
    out: dict[str, list[int]] = {}
    for sec in sections:
        mine = sec.paragraphs()
        nums = [i + 1 for i, p in enumerate(paras) if any(m and (m == p or m in p) for m in mine)]
        out[sec.point.key] = nums
    return out


def _speak_buyer_roles(sections: list[Section], role_map: "buyer_scale.RoleMap") -> list:
    """Our role words in every part said as the buyer's titles (:func:`buyer_scale.speak_roles`), once every block,
    template and pattern sentence is in place; an :class:`buyer_scale.Adapted` row for each role said so (session 35)."""
    spoken: set[str] = set()
    if not role_map.say:
        return []
    names = _privacy_checker()
    units = [u for sec in sections for u in sec.units]
    said = [[buyer_scale.speak_roles(t, role_map) if t else (t, []) for t in (u.text, u.short, u.full)] for u in units]
    # the buyer's title in its capitals read as a person's name anywhere ('A Team Leader, or a named deputy', s34 q01):
    # every title of the answer said as a common noun, so that one answer writes a role one way
    if any(changed and _names_in(names, out) > _names_in(names, t)
           for u, row in zip(units, said) for t, (out, changed) in zip((u.text, u.short, u.full), row) if t):
        plain = role_map.plain()
        said = [[buyer_scale.speak_roles(t, plain) if t else (t, []) for t in (u.text, u.short, u.full)] for u in units]
    for u, ((text, changed), (short, _), (full, _)) in zip(units, said):
        u.text, u.short, u.full = text, short, full
        spoken.update(o for o, _ in changed)
    return [buyer_scale.Adapted("role", f"our role '{r}'", role_map.say[r], r,
                                f"said as the buyer's '{role_map.say[r]}' ({role_map.why.get(r, '')})")
            for r in sorted(spoken) if role_map.why.get(r) != buyer_scale.NO_LOCALITIES]


@functools.lru_cache(maxsize=1)
def _privacy_checker() -> Checker:
    return Checker(families=["privacy"])


def _names_in(checker: Checker, text: str) -> int:
    """The person-name findings of the privacy check in ``text``."""
    return sum(1 for f in checker.check_text(text) if f.rule == "privacy.person-name")


def _roles_status(said: str, role_map: "buyer_scale.RoleMap", localities: bool,
                  rota: list["buyer_scale.RotaRule"] | None = None) -> str:
    """The coverage's words on our roles the buyer's establishment has no role of the kind of, and on our locality
    structure to a buyer with none, where a part's text names them outside the establishment's own sentences (which say
    them as roles our model adds: session 35); and on a sentence that breaks the buyer's rule on who is on site."""
    said_sentences = _split_sentences(said)
    broken = next(((x, r) for x in said_sentences for r in rota or [] if buyer_scale.breaks_rota(x, r)), None)
    rest = " ".join(x for x in said_sentences if not re.search(
        r"whole-time-equivalent posts|our model of care", x))
    out = "".join(f"; our role '{r}' is not in the buyer's establishment: say who does this"
                  for r in buyer_scale.roles_absent_in(rest, role_map))
    if not localities:
        where = buyer_scale.locality_said(rest)
        if where:
            out += f"; our model's localities ('{where[0]}'): the buyer names none: say it for its base"
    if broken:
        out += (f"; the buyer's rule '{broken[1].sentence}' is not met by '{broken[0]}': name one of "
                f"{' or '.join(broken[1].roles)}")
    return out


def _coverage(sections: list[Section], text: str) -> list[CoverageRow]:
    """One row per sub-point, with an honest status:

    * ``method + evidence``: library method text and at least one figure, story or record;
    * ``method only: no evidence found for this part``;
    * ``evidence only: write the method`` (no approved block matched);
    * ``nothing in the library: write this part``;
    * ``squeezed: ...`` when nothing fitted its share of the limit.
    """
    numbers = _paragraph_numbers(text, sections)
    rows = []
    for sec in sections:
        kept = sec.kept_units()
        refs = {ref for u in kept for ref in u.refs}
        kinds: dict[str, int] = {}
        for ref in refs:
            kinds[ref.split(":")[0]] = kinds.get(ref.split(":")[0], 0) + 1
        parts = []
        blocks = sorted(r.split(":", 1)[1] for r in refs if r.startswith("block:"))
        if blocks:
            parts.append("method: " + ", ".join(blocks))
        if kinds.get("draft"):
            parts.append("drafted from the question")
        if kinds.get("ind"):
            parts.append(f"{kinds['ind']} figure{'s' if kinds['ind'] != 1 else ''}")
        if kinds.get("story"):
            parts.append("1 story")
        if kinds.get("incident") or kinds.get("change") or kinds.get("log"):
            parts.append("case-review learning")
        evidence = any(kinds.get(k) for k in ("ind", "story", "incident", "change", "log"))
        budget = sec.point.budget
        if sec.point.kind == "confirm":
            conf = sec.evidence.get("confirmation")
            rows.append(CoverageRow(sec.point.key, sec.point.label, budget, sec.words(), numbers.get(sec.point.key, []),
                                    "declaration: " + ", ".join(conf.topics) if conf and conf.status == "confirmed"
                                    else ("method: " + ", ".join(dict.fromkeys(r[len("block:"):] for u in kept for r in u.refs
                                                                              if r.startswith("block:"))) or "the buyer's words")
                                    if conf and conf.status == "committed" and any(r.startswith("block:") for u in kept
                                                                                  for r in u.refs)
                                    else "the buyer's words" if conf and conf.status == "committed" else "none", conf.coverage if conf else "confirmation needed",
                                    note=sec.note if any("todo:confirm" in u.refs for u in kept) else "",
                                    marker=confirm_marker(sec.point.label)))
            continue
        if not kept:
            status = (f"squeezed: {budget}-word share is below {MIN_WORDS_PER_POINT}"
                      if budget < MIN_WORDS_PER_POINT else "squeezed: nothing fitted")
        elif kinds.get("draft") and not blocks:
            status = "drafted from the question: confirm with the writer" + ("; with evidence" if evidence else "")
        elif blocks and not _says_how(kept, sec.evidence.get("blocks")):
            # the buyer's standard said back as ours is no method: how we meet it is still to write (s17); nor is the
            # buyer's requirement restated by a template ('The specification asks for ... We will work to that
            # timescale'), with or without the block's 'what it means' line (r24: "restated", as "evidence only")
            status = "restated: write the method" + ("; with evidence" if evidence else "")
        elif blocks and evidence:
            status = "method + evidence"
        elif blocks:
            status = "method only: no evidence found for this part"
        elif evidence:
            status = "evidence only: write the method"
        else:
            status = "nothing in the library: write this part"
        method = sec.evidence.get("blocks")
        if method is not None:
            stale = [b.block_id for b in method.stale if b.block_id in blocks]
            if stale:
                status += f"; stale block used ({', '.join(stale)}: past its review date)"
            own = sorted(set(f for f in method.missing_profile if f not in _TENDER_FIELDS))
            if own:
                status += f"; service profile lacks {', '.join(own)}"
            told = [f for f in _TENDER_FIELDS if f in method.missing_profile and f not in PLAIN] + \
                (["provider_status"] if method.provider_unknown else [])
            if told:
                status += "; not known for this tender, left out: " + ", ".join(_TENDER_FIELDS[f][0] for f in told)
            if method.dropped_open_actions:
                status += "; a method sentence was left out: it describes an incident action that is still open"
            if method.gate_alone:
                status += (f"; the buyer's confirmation stands alone: no approved block on '{method.gate_alone}': write "
                           "how we make sure of it (who checks, when, before anyone starts, and the record kept)")
            if method.said_back:
                # with a library block the part may answer the ask by its method: the writer checks it does
                status += ("; left out (the ask said back is no answer): " + "; ".join(method.said_back) + (
                    ": the method above must answer it, or write it" if blocks and any(
                        not b.startswith("buyer-") for b in blocks) else ": nothing in the library: write this part"))
        if any(u.why.startswith("checker") for u in sec.units):
            status += "; checker removed text"
        for u in sec.units:
            if not u.kept and u.why.startswith("checker") and f"block:{COMMITMENT}" in u.refs:
                status += f"; the buyer's requirement left out (the checker flagged our wording of it): {u.text}"
        why = left = ""
        if method is not None:
            why = "; ".join(w for w, b in zip(method.why, method.blocks) if b.block_id in blocks)
            left = "; ".join(method.left_out)
        rows.append(CoverageRow(sec.point.key, sec.point.label, budget, sec.words(),
                                numbers.get(sec.point.key, []), ", ".join(parts) or "none", status, why, left,
                                sec.point.limit, sec.note if any("todo:part" in u.refs or DRAFTED in u.refs for u in kept)
                                else "", next((u.text for u in kept if DRAFTED in u.refs or "todo:part" in u.refs),
                                              write_marker(sec.point.label))))
    for row, sec in zip(rows, sections):
        row.part, row.part_limit = sec.point.part, sec.point.part_limit
    return rows


def _figures(sections: list[Section], evidence: _Evidence) -> list[dict]:

    seen, out = set(), []
    for sec in sections:
        for u in sec.kept_units():
            for ref in u.refs:
                kind, _, ident = ref.partition(":")
                if kind != "ind" or ident in seen or ident not in evidence.results:
                    continue
                seen.add(ident)
                out.append(provenance(evidence.results[ident], external=evidence.external))
    return out


def provenance(r, *, external: bool = True) -> dict:
    """The evidence-appendix entry for one indicator result."""
    return {
        "id": r.id,
        "title": r.title,
        "period": r.period,
        # a figure not published reads as the answer says it (filters.hidden_figure), and its rounded
        # numerator is left out: 'numerator 35; denominator 35' beside it would read as all of them
        "value": (("not published: " + filters.hidden_figure(r)) if filters.hidden_figure(r) else "suppressed")
        if r.suppressed and r.value is None else filters.value(r),
        "numerator": "-" if r.suppressed and r.value is None and filters.hidden_figure(r)
        else filters.count(r.numerator, external) if r.numerator is not None else "n/a",
        "denominator": filters.count(r.denominator, external) if r.denominator is not None else "n/a",
        "ci": filters.ci(r) or "n/a",
        "compare": f"{filters.compare_value(r)} in {r.compare_period}" if r.compare_period and r.compare_value is not None else "n/a",
        "verdict": filters.verdict_label(r),
        "definition": r.definition,
    }


def _sources(sections: list[Section], evidence: _Evidence) -> list[dict]:
    out, seen = [], set()
    for sec in sections:
        for u in sec.kept_units():
            for ref in u.refs:
                kind, _, ident = ref.partition(":")
                if kind == "ind" or ref in seen:
                    continue
                seen.add(ref)
                ev = sec.evidence
                if kind == "story" and ev.get("story") and ev["story"]["story_id"] == ident:
                    s = ev["story"]
                    out.append({"kind": "story", "id": ident, "title": s["title"],
                                "detail": f"consent: {s['consent']}; approved {s.get('approved_at') or ''}".strip()})
                elif kind == "incident":
                    row = next((i for i in ev.get("incidents", []) if i["incident_id"] == ident), None)
                    if row:
                        out.append({"kind": "incident", "id": ident, "title": row["type"].replace("_", " "),
                                    "detail": f"occurred {row['occurred_on'][:7]}; owner {row.get('owner') or 'n/a'}"})
                elif kind == "log" and ident in LOG_SOURCES:
                    start, end = evidence.period.start.isoformat(), evidence.period.end.isoformat()
                    title, detail = LOG_SOURCES[ident]
                    out.append({"kind": "record count", "id": ident, "title": title,
                                "detail": detail.format(start=start, end=end)
                                + "; counts rounded to the nearest 5, below 5 shown as fewer than 5"})
                elif kind == "change":
                    row = next((c for c in ev.get("changes", []) if str(c["change_id"]) == ident), None)
                    if row:
                        out.append({"kind": "service change", "id": ident, "title": row["title"],
                                    "detail": f"from {row['changed_on']}"})
    return out


# ---------------------------------------------------------------- the writer's choices (the editor)


MARK_COVERED, MARK_PARTLY, MARK_NOT_COVERED = "✓", "◐", "✗"
"""The marks a status bar gives a part: covered by method text, partly covered, not covered."""


def coverage_mark(status: str) -> str:
    """The mark for a part's coverage status (:attr:`CoverageRow.status`): ✓ only for method text that answers it
    ('method + evidence', 'method only', a gate's 'Yes: ...'), ◐ for a part that is 'partly' covered (its row says
    what is missing), ✗ for the rest ('evidence only', 'nothing in the library'). The s35 user's run saw ✓ beside a
    'partly' part whose block was off its subject."""
    head = (status or "").strip().lower()
    if head.startswith("partly"):
        return MARK_PARTLY
    return MARK_COVERED if head.startswith(("method", "yes")) else MARK_NOT_COVERED


def coverage_brief(answer: TenderAnswer) -> str:
    """One line for a status bar: each part's label (shortened), its mark (:func:`coverage_mark`) and coverage
    status."""
    marks = []
    for row in answer.coverage:
        label = row.label if len(row.label) <= 28 else row.label[:27] + "…"
        marks.append(f"{coverage_mark(row.status)} {label}: {row.status.split(';')[0]}")
    return "parts: " + " | ".join(marks)


def swap_choices(db: Database, answer: TenderAnswer, *, limit: int = 4) -> list[tuple[str, str, object]]:
    """Blocks the writer may put in place of a part's first block: (sub-point key, a line
    naming the part, its coverage status and the block offered, the block), best first,
    at most ``limit`` per part; blocks the answer already uses are not offered."""
    options = block_options(db, answer.plan)
    in_use = set(answer.blocks)
    status = {row.key: row.status.split(";")[0] for row in answer.coverage}
    out = []
    for point in answer.plan.points:
        offered = [b for b in options.get(point.key, []) if b.block_id not in in_use][:limit]
        for b in offered:
            line = f"{point.label} [{status.get(point.key, '')}] → {b.title} ({b.block_id})"
            out.append((point.key, line, b))
    return out


def swap_block(db: Database, answer: TenderAnswer, point_key: str, block_id: str, **kwargs) -> TenderAnswer:
    """The answer assembled again with ``block_id`` as the first block of part ``point_key``
    (earlier choices kept), checked as any answer is."""
    if point_key not in {p.key for p in answer.plan.points}:
        raise InputError(f"the answer has no part {point_key!r}")
    pins = dict(answer.pins)
    pins[point_key] = block_id
    kwargs.setdefault("anonymous", answer.anonymous or None)
    return assemble_tender(db, answer.question, answer.word_limit, period=answer.period, compare=answer.compare,
                           pins=pins, tender=kwargs.pop("tender", answer.tender), **kwargs)
