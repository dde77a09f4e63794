"""The draft behind the editor: its question, word limit, coverage and storage.

The editor screen shows three things computed here, never in the widget:

* the word count against the limit (counted as tender portals do,
  :mod:`evidencebot.compose.words`);
* which of the question's sub-points the text covers, paragraph by paragraph
  (:func:`coverage`);
* the checker's findings (:mod:`evidencebot.assistant.checking`).

Drafts are kept in the ``drafts`` table: :func:`save_draft` writes the body as
it is (the editor calls it, debounced, as the user types) and
:func:`save_version` adds a numbered copy to ``draft_versions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot.compose.questions import plan_question
from evidencebot.compose.tender import MARK_COVERED, MARK_NOT_COVERED, MARK_PARTLY, coverage_mark
from evidencebot.compose.words import count_words
from evidencebot.errors import InputError
from evidencebot.store import drafts
from evidencebot.store.retention import prune_versions as _prune
from evidencebot.text import letter_word_pattern

_STOP = set(
    """a about above across after all also an and any are as at be been being both but by can could
    describe demonstrate detail details do does each evidence example examples explain for from how
    if in include including into is it its may more most must of on or other our out outline over
    please provide set should such than that the their them then there these they this those
    through to under up use using we what when where which while who will with within would you
    your service services support supports answer cover give tell us""".split()
)
_WORD = letter_word_pattern(3)


@dataclass
class DraftDoc:
    """What the editor is working on."""

    text: str = ""
    question: str = ""
    word_limit: int | None = None
    kind: str = "tender"
    """``tender``, ``review`` or ``text`` (a pasted or free text)."""
    title: str = ""
    draft_id: int | None = None
    period: str | None = None
    plan: object | None = field(default=None, repr=False)
    assembled: object | None = field(default=None, repr=False)
    """The :class:`~evidencebot.compose.tender.TenderAnswer` it came from, if any
    (its figure provenance goes into the export's evidence appendix)."""
    source: str | None = None
    """The file it was opened from (``/open draft.docx``), if any: a draft from Word can be
    exported back to Word with its findings as comments (the file itself is never written)."""
    used_stories: list = field(default_factory=list, repr=False)
    """Stories put into the draft with ``/use story ID`` (listed with the document when it is exported)."""
    tender_ref: str | None = None
    """The tender question this draft answers (``/tender draft REF``): ``/tender keep`` puts the edited text back."""
    privacy_warned: bool = field(default=False, repr=False)
    """The editor has said once that this draft holds personal data."""

    def ensure_plan(self):
        """Plan the question's sub-points (once); None when there is no question."""
        if self.plan is None and self.question.strip():
            try:
                self.plan = plan_question(self.question, self.word_limit or 500)
            except InputError:
                self.plan = None
        return self.plan


@dataclass
class CoverageItem:
    key: str
    label: str
    budget: int
    covered: bool
    paragraphs: list[int]
    words: int


@dataclass
class EditorStatus:
    words: int
    limit: int | None
    coverage: list[CoverageItem]

    @property
    def over(self) -> bool:
        return self.limit is not None and self.words > self.limit

    def words_text(self) -> str:
        if self.limit:
            left = self.limit - self.words
            tail = f"{left} left" if left >= 0 else f"{-left} over"
            return f"{self.words}/{self.limit} words ({tail})"
        return f"{self.words} words"

    def coverage_text(self, assembled: dict[str, str] | None = None) -> str:
        """The sub-points and a mark for each: ✓ covered, ✗ not. ``assembled`` ({sub-point key or label: coverage
        status}, an assembled answer's rows): a part the draft still holds as assembled is marked by its row
        (:func:`tender.coverage_mark`), so a 'partly' part is ◐ partly, not ✓ because some paragraph sits under
        it; a part with no paragraph stays ✗."""
        if not self.coverage:
            return ""
        assembled = assembled or {}
        marks = []
        for c in self.coverage:
            row = assembled.get(c.key, assembled.get(c.label))
            marks.append(MARK_NOT_COVERED if not c.covered else (coverage_mark(row) if row is not None else MARK_COVERED))
        missing = marks.count(MARK_NOT_COVERED)
        partly = marks.count(MARK_PARTLY)
        tail = [f"{partly} partly covered"] * bool(partly) + [f"{missing} not covered"] * bool(missing)
        return f"sub-points {' '.join(c.key + m for c, m in zip(self.coverage, marks))}" + (
            f" ({', '.join(tail)})" if tail else "")


def paragraphs(text: str) -> list[tuple[str | None, str]]:
    """(heading above it, paragraph) for each prose paragraph."""
    out = []
    heading = None
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        lines = block.splitlines()
        while lines and lines[0].lstrip().startswith("#"):
            heading = lines[0].lstrip("# ").strip()
            lines = lines[1:]
        body = " ".join(line.strip() for line in lines).strip()
        if body:
            out.append((heading, body))
    return out


def _content_words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _WORD.findall(text) if w.lower() not in _STOP}


def coverage(plan, text: str) -> list[CoverageItem]:
    """Which sub-points of ``plan`` the paragraphs of ``text`` cover.

    A paragraph belongs to the sub-point whose heading it sits under ("b) ..."),
    else to the sub-point it shares most with: its topic terms (from the
    question vocabulary) and its own content words (two or more in common).
    """
    if plan is None:
        return []
    points = list(plan.points)
    keys = {p.key: p for p in points}
    own_words = {p.key: _content_words(p.text) for p in points}
    assigned: dict[str, list[int]] = {p.key: [] for p in points}
    words: dict[str, int] = {p.key: 0 for p in points}
    for number, (heading, para) in enumerate(paragraphs(text), start=1):
        chosen: list[str] = []
        if heading:
            m = re.match(r"^\(?([a-z]|[ivx]+|\d{1,2})[.)]\s", heading, re.I)
            if m and m.group(1).lower() in keys:
                chosen = [m.group(1).lower()]
            else:
                chosen = [p.key for p in points if heading.lower().startswith(p.label.lower()[:20])][:1]
        if not chosen:
            para_words = _content_words(para)
            scored = []
            for order, p in enumerate(points):
                overlap = len(own_words[p.key] & para_words)
                topic_hits = 0 if p.borrowed else sum(t.hits(para) for t in plan.topic_list(p))
                if overlap + topic_hits >= 2:
                    scored.append((-(overlap + topic_hits), order, p.key))
            chosen = [key for _, _, key in sorted(scored)]
        for i, key in enumerate(chosen):
            assigned[key].append(number)
            if i == 0:  # a paragraph's words count once, for the sub-point it serves best
                words[key] += count_words(para)
    return [
        CoverageItem(key=p.key, label=p.label, budget=p.budget, covered=bool(assigned[p.key]),
                     paragraphs=assigned[p.key], words=words[p.key])
        for p in points
    ]


def status(doc: DraftDoc, text: str) -> EditorStatus:
    return EditorStatus(words=count_words(text), limit=doc.word_limit, coverage=coverage(doc.ensure_plan(), text))


# ---------------------------------------------------------------- storage


def save_draft(db: Database, doc: DraftDoc, *, author: str | None = None) -> int:
    """Write the draft's body (creating the row the first time); return its id. A draft with no title of its
    own is titled from its question ("Untitled draft" without one), also when saved again."""
    title = doc.title or (doc.question[:80] if doc.question else "Untitled draft")
    fields = {"body": doc.text, "question": doc.question, "word_limit": doc.word_limit, "title": title,
              "period": doc.period}
    doc.draft_id = drafts.write_draft(db, doc.draft_id, fields, kind=doc.kind, author=author)
    return int(doc.draft_id)


def save_version(db: Database, doc: DraftDoc, *, author: str | None = None) -> int:
    """Save the body and add it as the next numbered version; return the version."""
    draft_id = save_draft(db, doc, author=author)
    return drafts.add_version(db, draft_id, doc.text, author=author)


def load_draft(db: Database, draft_id: int) -> DraftDoc:
    r = drafts.draft_row(db, draft_id)
    if r is None:
        raise InputError(f"no draft number {draft_id}")
    return DraftDoc(text=r["body"] or "", question=r["question"] or "", word_limit=r["word_limit"],
                    kind=r["kind"] or "tender", title=r["title"] or "", draft_id=r["draft_id"], period=r["period"],
                    privacy_warned=drafts.privacy_warned(db, r["draft_id"]))


def latest_draft(db: Database) -> DraftDoc | None:
    draft_id = drafts.latest_draft_id(db)
    return load_draft(db, draft_id) if draft_id is not None else None


# ---------------------------------------------------------------- personal data and retention

REDACTED = "[removed]"


def redact(text: str, findings) -> str:
    """``text`` with the span of every privacy finding replaced by ``[removed]`` (overlaps merged). A finding that
    holds others (the learned check's warning over a whole line beside the name or address found in it, p27) is their
    context: the findings inside are removed, not the whole line."""
    found = {(f.start, f.end) for f in findings if f.family == "privacy" and f.end > f.start}
    spans = sorted(s for s in found if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in found))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + REDACTED + text[end:]
    return text


def prune_versions(db: Database, days: int | None = None) -> int:
    """Apply the draft-version retention setting (:func:`evidencebot.store.retention.prune_versions`)."""
    return _prune(db, days)


def insert_under(text: str, excerpt: str, heading_line: int | None) -> str:
    """``text`` with ``excerpt`` as a paragraph at the end of the section that starts at line
    ``heading_line`` (0-based; None: at the end of the text)."""
    lines = text.split("\n")
    if heading_line is None or heading_line >= len(lines):
        return (text.rstrip() + "\n\n" if text.strip() else "") + excerpt + "\n"
    end = len(lines)
    for i in range(heading_line + 1, len(lines)):
        if lines[i].lstrip().startswith("#"):
            end = i
            break
    before = "\n".join(lines[:end]).rstrip()
    after = "\n".join(lines[end:])
    return before + "\n\n" + excerpt + ("\n\n" + after if after.strip() else "\n")


def current_heading(text: str, line: int) -> int | None:
    """The line of the heading above ``line`` (the sub-point the cursor is in), or None."""
    lines = text.split("\n")
    for i in range(min(line, len(lines) - 1), -1, -1):
        if lines[i].lstrip().startswith("#"):
            return i
    return None
