"""Where a story's text has gone: drafts, the bid library and tender answers
that hold it, found by overlapping word 5-grams (shingles), so a lightly
edited copy or a short quote is found as well as a verbatim one.

How a text is said to hold a story
----------------------------------
Both are reduced to lower-case words (letters and digits; Markdown marks,
punctuation and spacing ignored) and then to the set of their overlapping
runs of :data:`SHINGLE` (5) words. The story's set is made from its title
and its four parts. Runs the story shares with a story that **may** be
exported do not count as evidence of quoting it: they are the service's
common phrasing, and a document may legitimately carry them through the
other story. The text holds the story when what is left shares

* at least :data:`MIN_SHARED` (8) runs with the text: as much as one exact
  12-word passage, a 20-word quote (16 runs), or a copy with every 8th word
  changed over about 22 words (3 of every 8 runs survive such an edit); or
* for a short story (fewer than ``2 * MIN_SHARED`` runs of its own), at
  least :data:`SHORT_SHARE` (a third) of its runs, and at least 3.

A title longer than 12 characters found in the text also counts (as before).

Measured on the demo (bench/robustness_bench.py, case "withdrawal near
copies"): each story's own text, an every-8th-word edit of it and a 20-word
quote of it are found; the demo review and tender answer hold none of the
stories that may not be exported.

Used by :func:`evidencebot.store.workflow.withdraw_consent` (the documents a
withdrawal reaches), the library commands (an entry holding a withdrawn story
is shown as withdrawn, its text hidden) and the app's draft export
(:func:`evidencebot.assistant.exporting.quoted_stories`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sqlite_utils import Database

from evidencebot.store.dataversion import data_version
from evidencebot.store.stories import EXPORTABLE_SQL

SHINGLE = 5
MIN_SHARED = 8
SHORT_SHARE = 1 / 3
STORY_FIELDS = ("title", "context", "support_approach", "delivery", "evidence")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (letters and digits; apostrophes kept inside a word)."""
    return [m.group().casefold().replace("’", "'") for m in _WORD.finditer(text or "")]


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    """The set of overlapping ``n``-word runs of ``text``."""
    ws = words(text)
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def story_text(row: dict) -> str:
    return "\n".join(str(row.get(k) or "") for k in STORY_FIELDS)


@dataclass
class Holding:
    """A text found to hold a story: how many of the story's runs it shares, of how many."""

    story_id: str
    shared: int
    of: int
    by_title: bool = False

    def describe(self) -> str:
        if self.by_title and not self.shared:
            return "its title"
        return f"{self.shared} of its {self.of} five-word runs"


def _exportable_counts(db: Database) -> tuple[Counter, dict]:
    """How many exportable stories hold each run, and each exportable story's runs."""
    counts: Counter = Counter()
    runs_of = {}
    for row in db.query(f"SELECT s.* FROM stories s WHERE {EXPORTABLE_SQL}"):
        runs_of[row["story_id"]] = shingles(story_text(row))
        counts.update(runs_of[row["story_id"]])
    return counts, runs_of


def _exportable_shingles(db: Database, exclude: str | None = None) -> set:
    """Runs held by an exportable story other than ``exclude``."""
    counts, runs_of = _exportable_counts(db)
    own = runs_of.get(exclude, set())
    return {r for r, n in counts.items() if n - (r in own) > 0}


def holds(story: dict, text: str, *, common: set | frozenset = frozenset()) -> Holding | None:
    """Whether ``text`` holds ``story`` (see the module's rules); None when it does not.

    ``common``: runs that do not count (those other exportable stories hold).
    """
    return _decide(story, shingles(story_text(story)) - common, shingles(text),
                   " ".join((text or "").split()).casefold())


def _index(db: Database, only: str | None) -> list[tuple[dict, set]]:
    """Each story (matching ``only``) with its own runs: the runs no *other* exportable story holds.

    Kept on the connection until the data change (the checker calls this once per paragraph).
    """
    version = data_version(db)
    cache: tuple[tuple, dict[str | None, list]] | None = getattr(db, "_evidencebot_reach", None)
    if cache is None or cache[0] != version:
        cache = (version, {})
    if only in cache[1]:
        return cache[1][only]
    rows = list(db.query("SELECT s.* FROM stories s" + (f" WHERE {only}" if only else "") + " ORDER BY s.story_id"))
    counts, runs_of = _exportable_counts(db)
    out = []
    for row in rows:
        mine = runs_of.get(row["story_id"], set())
        runs = shingles(story_text(row))
        out.append((row, {r for r in runs if counts.get(r, 0) - (r in mine) <= 0}))
    cache[1][only] = out
    try:
        db._evidencebot_reach = cache  # type: ignore[attr-defined]
    except AttributeError:  # an object that takes no attributes: no caching
        pass
    return out


def _decide(story: dict, own: set, found: set, squashed: str) -> Holding | None:
    shared = len(own & found)
    title = " ".join(str(story.get("title") or "").split()).casefold()
    by_title = len(title) > 12 and title in squashed
    enough = shared >= MIN_SHARED or (
        len(own) < 2 * MIN_SHARED and shared >= 3 and shared >= SHORT_SHARE * len(own))
    if enough or by_title:
        return Holding(story["story_id"], shared, len(own), by_title)
    return None


def stories_in(db: Database, text: str, *, only: str | None = None) -> list[tuple[dict, Holding]]:
    """Stories (rows) the text holds, in story order, each with how it holds it.

    Runs shared with an exportable story count only for that story.
    ``only`` limits the search to stories matching an SQL condition on ``s``.
    """
    if not db["stories"].exists() or not (text or "").strip():
        return []
    found = shingles(text)
    squashed = " ".join(text.split()).casefold()
    out = []
    for row, own in _index(db, only):
        hit = _decide(row, own, found, squashed)
        if hit:
            out.append((dict(row), hit))
    return out


def span(story_runs: set, text: str) -> tuple[int, int] | None:
    """Character offsets in ``text`` from the first to the last word of the runs it shares with a story."""
    found = list(_WORD.finditer(text or ""))
    spots = [(m.start(), m.end(), w) for m, w in zip(found, words(text))]
    first: int | None = None
    last = 0
    for i in range(len(spots) - SHINGLE + 1):
        if tuple(w for _, _, w in spots[i:i + SHINGLE]) in story_runs:
            first = spots[i][0] if first is None else first
            last = spots[i + SHINGLE - 1][1]
    return None if first is None else (first, last)


def own_runs(db: Database, story_id: str) -> set:
    """A story's runs that no other exportable story holds (what :func:`stories_in` counts)."""
    for row, own in _index(db, None):
        if row["story_id"] == story_id:
            return own
    return set()


WITHDRAWN = "s.consent_withdrawn_at IS NOT NULL"


def withdrawn_in(db: Database, text: str) -> list[tuple[dict, Holding]]:
    """Withdrawn stories the text holds."""
    return stories_in(db, text, only=WITHDRAWN)


def holders(db: Database, story_id: str) -> list[dict]:
    """Library entries, drafts and tender answers holding a story's text.

    Each is ``{"document", "kind", "exported_at", "exported_by", "found"}`` like
    :func:`evidencebot.store.workflow.documents_using` rows (the dates empty:
    these were never exported as such), with ``found`` saying how much.
    """
    rows = list(db.query("SELECT * FROM stories WHERE story_id = ?", [story_id]))
    if not rows:
        return []
    story = rows[0]
    common = _exportable_shingles(db, exclude=story_id)
    out = []

    def scan(sql: str, kind: str, name) -> None:
        for r in db.query(sql):
            hit = holds(story, r["text"] or "", common=common)
            if hit:
                out.append({"document": name(r), "kind": kind, "exported_at": None, "exported_by": None,
                            "found": hit.describe()})

    if db["bids"].exists():
        scan("SELECT bid_id AS id, question || char(10) || answer AS text FROM bids ORDER BY bid_id",
             "library", lambda r: f"library entry #{r['id']}")
    if db["drafts"].exists():
        scan("SELECT draft_id AS id, coalesce(title, '') AS title, "
             "coalesce(title, '') || char(10) || coalesce(body, '') AS text FROM drafts ORDER BY draft_id",
             "draft", lambda r: f"draft #{r['id']}" + (f" “{r['title']}”" if r["title"] else ""))
    if db["tender_questions"].exists():
        scan("SELECT q.id, q.ref, q.tender_id, coalesce(q.answer, '') AS text FROM tender_questions q "
             "WHERE coalesce(q.answer, '') <> '' ORDER BY q.tender_id, q.position",
             "tender answer", lambda r: f"tender {r['tender_id']} answer {r['ref']}")
    return out


def hidden_entry(db: Database, row: dict) -> list[tuple[dict, Holding]]:
    """The withdrawn stories a library entry (a ``bids`` row) holds: when any, its text is not shown."""
    return withdrawn_in(db, f"{row.get('question') or ''}\n{row.get('answer') or ''}")
