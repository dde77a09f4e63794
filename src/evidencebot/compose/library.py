"""The bid library: earlier tender answers, how they scored, and when their
figures need checking again.

Answers are stored in the ``bids`` table (migration ``m005_bid_library``) with
full-text search over question and answer. :func:`similar` ranks earlier
answers against a new question and flags those past their review date, whose
figures may be stale.
"""

from __future__ import annotations

import contextvars
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlite_utils import Database

from evidencebot.compose import nations
from evidencebot.compose.file_errors import unreadable
from evidencebot.compose.words import count_words
from evidencebot.errors import InputError
from evidencebot.store import bids as bid_rows
from evidencebot.store import blocks as block_store
from evidencebot.store import workflow
from evidencebot.store.blocks import (OPTIONAL_PROFILE_FIELDS, PROFILE_FIELDS, get_profile,  # noqa: F401
                                      load_demo_library, set_profile)
from evidencebot.text import letter_words, list_marker

REVIEW_MONTHS = 12
OUTCOMES = ("pending", "won", "lost", "withdrawn")

_STOP = set(
    """a about above across after again all also an and any are as at be been before being
    below between both but by can could describe do does each explain for from how if in
    include including into is it its may more most must need of on or other our out over
    please provide set should such than that the their them then there these they this those
    through to under up use used using we what when where which while who will with within
    would you your answer cover covers demonstrate detail details evidence example examples
    outline service services""".split()
)


@dataclass
class SimilarBid:
    bid_id: int
    question: str
    score: float | None
    max_score: float | None
    created_at: str
    review_date: str | None
    overdue: bool
    """True when the answer is past its review date: check every figure before reuse."""
    rank: float
    shared_terms: list[str]


def _today(today=None) -> _dt.date:
    if today is None:
        return _dt.date.today()
    if isinstance(today, str):
        return _dt.date.fromisoformat(today)
    return today


def save(
    db: Database,
    question: str,
    answer: str,
    *,
    word_limit: int | None = None,
    period: str | None = None,
    review_date: str | None = None,
    score: float | None = None,
    max_score: float | None = None,
    feedback: str | None = None,
    outcome: str = "pending",
    today=None,
) -> int:
    """Store an answer; returns its ``bid_id``. Review date defaults to a year on."""
    if not (question or "").strip() or not (answer or "").strip():
        raise InputError("a library entry needs both a question and an answer")
    if outcome not in OUTCOMES:
        raise InputError(f"unknown outcome {outcome!r} (allowed: {', '.join(OUTCOMES)})")
    _check_score(score, max_score)
    now = _today(today)
    if review_date:
        _parse_date(review_date, "review date")
    row = {
        "question": question.strip(),
        "answer": answer.strip(),
        "word_limit": word_limit,
        "words": count_words(answer),
        "period": period,
        "created_at": now.isoformat(),
        "review_date": review_date or block_store.add_months(now, REVIEW_MONTHS).isoformat(),
        "score": score,
        "max_score": max_score,
        "feedback": feedback,
        "outcome": outcome,
    }
    return bid_rows.insert_bid(db, row)


def _parse_date(text: str, what: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(str(text))
    except ValueError:
        raise InputError(f"{what} {text!r} is not a date (use YYYY-MM-DD)") from None


def _check_score(score, max_score) -> None:
    if score is None and max_score is None:
        return
    if score is None or max_score is None:
        raise InputError("give both a score and the maximum score (for example 4 out of 5)")
    if max_score <= 0 or score < 0 or score > max_score:
        raise InputError(f"score {score} out of {max_score} is not possible")


def get(db: Database, bid_id: int) -> dict:
    try:
        row = bid_rows.bid_row(db, int(bid_id))
    except ValueError:
        row = None
    if row is None:
        raise InputError(f"no library entry {bid_id} (see 'evidencebot library list')")
    return row


def record_score(
    db: Database, bid_id: int, score: float, max_score: float,
    feedback: str | None = None, outcome: str | None = None,
) -> dict:
    """Record the evaluator's score and feedback for an answer."""
    get(db, bid_id)
    _check_score(score, max_score)
    update = {"score": score, "max_score": max_score}
    if feedback is not None:
        update["feedback"] = feedback
    if outcome is not None:
        if outcome not in OUTCOMES:
            raise InputError(f"unknown outcome {outcome!r} (allowed: {', '.join(OUTCOMES)})")
        update["outcome"] = outcome
    bid_rows.update_bid(db, int(bid_id), update)
    return get(db, bid_id)


def all_bids(db: Database) -> list[dict]:
    return bid_rows.list_bids(db)


def search(db: Database, text: str, limit: int = 20) -> list[dict]:
    """Full-text search over questions and answers, best match first."""
    if not (text or "").strip():
        raise InputError("give some words to search for")
    return bid_rows.search_bids(db, text, limit)


def terms(text: str) -> list[str]:
    """The content words of a question (lower case, de-duplicated, in order)."""
    seen: list[str] = []
    for word in letter_words(text, 3):
        w = word.lower().strip("'-")
        if w not in _STOP and w not in seen:
            seen.append(w)
    return seen


GENERIC = {"people", "person", "service", "support", "provide", "ensure", "approach", "work", "contract",
           "will", "using", "make", "sure", "staff", "team", "teams", "local", "also", "deliver", "delivery",
           "organisation", "bidder", "bidders", "commissioner", "user", "users", "new"}
"""Words too common in our answers to show what a sentence is about (left out of :func:`content_stems`)."""


def content_stems(text: str) -> set[str]:
    """Content-word stems; a hyphenated word gives its parts too ('step-down': step, down)."""
    out = set()
    for w in terms(text):
        if w in GENERIC:
            continue
        out.add(stem(w))
        if "-" in w:
            out.update(stem(p) for p in w.split("-") if len(p) > 2 and p not in GENERIC)
    return out


def _any_of(words: list[str]) -> str:
    """An FTS5 expression matching any of ``words``."""
    return " OR ".join(f'"{w}"' for w in words)


def similar(db: Database, question: str, *, limit: int = 5, today=None) -> list[SimilarBid]:
    """Earlier answers ranked against ``question``.

    Ranked by SQLite FTS5 bm25 over any of the question's content words
    (question text weighted three times the answer), then by score. Answers
    past their review date are still listed, flagged ``overdue``.
    """
    words = terms(question)
    if not words or not bid_rows.has_bids(db):
        return []
    rows = bid_rows.match_bids(db, _any_of(words), limit)
    now = _today(today)
    out = []
    for row in rows:
        qwords = set(terms(row["question"]))
        out.append(
            SimilarBid(
                bid_id=row["bid_id"],
                question=row["question"],
                score=row["score"],
                max_score=row["max_score"],
                created_at=row["created_at"],
                review_date=row["review_date"],
                overdue=bool(row["review_date"]) and _dt.date.fromisoformat(row["review_date"]) < now,
                rank=row["rank"],
                shared_terms=[w for w in words if w in qwords],
            )
        )
    return out


# ---------------------------------------------------------------- the method library: answer blocks
#
# Blocks are paragraphs of method text (who does what, when, how often) written
# once, approved by a second person and reused in tender answers. They follow
# the stories' four-eyes rule: draft -> submitted -> approved, the approver
# must not be the person who submitted, and a change to the title, body,
# 'means' or tags puts an approved block back to draft (trigger
# workflow_block_text_changed, migration m012). A block past its review date
# is *stale*: it is still found, flagged, and used only with a warning.

BLOCK_STATUSES = ("draft", "submitted", "approved")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BLOCK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


@dataclass
class Block:
    block_id: str
    title: str
    body: str
    means: str
    tags: list[str]
    owner: str
    source: str
    status: str
    approved_by: str | None
    last_reviewed: str | None
    review_due: str | None
    stale: bool
    rank: float = 0.0
    matched: list[str] = field(default_factory=list)  # the query's content words the block shares
    buyer: str = ""
    """The buyer whose tender it was written for ('' for a general block: any buyer's answer may use it)."""
    ask: str = ""
    """The part's ask it was written for (a gap filled in the app), '' otherwise."""

    @property
    def approved(self) -> bool:
        return self.status == "approved" and bool((self.approved_by or "").strip())


BUYER_SCOPE: contextvars.ContextVar[str | None] = contextvars.ContextVar("evidencebot_block_buyer", default=None)
"""The buyer of the draft under way (:func:`buyer_key`), set while a tender answer is assembled
(:func:`evidencebot.compose.gapflow.buyer_scope`); None outside a draft."""


def buyer_key(name: str | None) -> str:
    """A buyer's name as blocks are scoped by it ('' for none: a general block)."""
    return " ".join(re.sub(r"[^\w]+", " ", (name or "").lower()).split())


def usable_for_buyer(row: dict) -> bool:
    """Whether a block row may be used in the draft under way: a block written for one buyer's tender (its ``buyer``)
    is kept out of another buyer's answer until someone marks it general; outside a draft every block is."""
    scope, own = BUYER_SCOPE.get(), buyer_key(row.get("buyer"))
    return scope is None or not own or own == scope


def _block(row: dict, today=None, rank: float = 0.0) -> Block:
    due = row.get("review_due")
    stale = bool(due) and _dt.date.fromisoformat(due) < _today(today)
    return Block(block_id=row["block_id"], title=row["title"], body=row["body"], means=row.get("means") or "",
                 tags=[t for t in (row.get("tags") or "").split(";") if t], owner=row.get("owner") or "",
                 source=row.get("source") or "", status=row.get("status") or "draft",
                 approved_by=row.get("approved_by"), last_reviewed=row.get("last_reviewed"), review_due=due,
                 stale=stale, rank=rank, matched=[], buyer=row.get("buyer") or "", ask=row.get("ask") or "")


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    return slug[:50].strip("-") or "block"


def _unique_id(db: Database, base: str) -> str:
    ident, n = base, 1
    while block_store.block_exists(db, ident):
        n += 1
        ident = f"{base}-{n}"
    return ident


def add_block(db: Database, title: str, body: str, *, tags=(), owner: str | None = None, source: str = "written in the app",
              means: str = "", block_id: str | None = None, last_reviewed: str | None = None,
              review_due: str | None = None, today=None) -> str:
    """Add a draft block; returns its id. It must be submitted and approved before answers use it."""
    title, body = " ".join((title or "").split()), " ".join((body or "").split())
    if not title or not body:
        raise InputError("an answer block needs a title and some method text")
    if block_id is not None and not _BLOCK_ID.match(block_id):
        raise InputError(f"block id {block_id!r}: use lower-case letters, digits and hyphens")
    now = _today(today)
    reviewed = _parse_date(last_reviewed, "last reviewed date") if last_reviewed else now
    due = _parse_date(review_due, "review due date") if review_due else block_store.add_months(reviewed, REVIEW_MONTHS)
    ident = block_id or _unique_id(db, _slug(title))
    if block_store.block_exists(db, ident):
        raise InputError(f"there is already a block {ident!r}")
    stamp = _dt.datetime.now().replace(microsecond=0).isoformat()
    block_store.insert_block(db, {
        "block_id": ident, "title": title, "body": body, "means": " ".join((means or "").split()),
        "tags": ";".join(t.strip() for t in tags if t and t.strip()),
        "owner": owner or workflow._user(db, None), "source": source, "status": "draft",
        "last_reviewed": reviewed.isoformat(), "review_due": due.isoformat(),
        "created_at": stamp, "updated_at": stamp,
    })
    return ident


def get_block(db: Database, block_id: str, today=None) -> Block:
    row = block_store.block_row(db, block_id)
    if row is None:
        raise InputError(f"no answer block {block_id!r} (see 'evidencebot library blocks')")
    return _block(row, today)


def list_blocks(db: Database, *, status: str | None = None, stale: bool | None = None, today=None) -> list[Block]:
    out = [_block(r, today) for r in block_store.block_rows(db, status) if usable_for_buyer(r)]
    return [b for b in out if stale is None or b.stale == stale]


def submit_block(db: Database, block_id: str, *, user: str | None = None) -> Block:
    """draft -> submitted."""
    who = workflow._user(db, user)
    with db.atomic():
        block = get_block(db, block_id)
        if block.status != "draft":
            raise InputError(f"block {block_id} is already {block.status}")
        block_store.mark_block_submitted(db, block_id, who, workflow._now())
    return get_block(db, block_id)


def approve_block(db: Database, block_id: str, *, user: str | None = None) -> Block:
    """submitted -> approved, by someone other than the person who submitted it (four eyes)."""
    who = workflow._user(db, user)
    with db.atomic():
        row = block_store.block_row(db, block_id)
        if row is None:
            raise InputError(f"no answer block {block_id!r} (see 'evidencebot library blocks')")
        workflow.refuse_approval(row, f"block {block_id}", who,
                                 submit_hint=f" ('evidencebot library submit {block_id}')")
        workflow.record_approval(db, "answer_blocks", block_id, f"block {block_id}", who)
    return get_block(db, block_id)


def review_block(db: Database, block_id: str, *, today=None) -> Block:
    """Record that the block was reviewed today: its next review is due a year on."""
    get_block(db, block_id)
    now = _today(today)
    block_store.set_block_review(db, block_id, now.isoformat(), block_store.add_months(now, REVIEW_MONTHS).isoformat())
    return get_block(db, block_id, today)


def record_use(db: Database, block_ids, used_in: str, question: str = "", *, user: str | None = None) -> None:
    """Note where blocks were used (an assembled answer, a tender question)."""
    ids = [b for b in dict.fromkeys(block_ids) if b]
    if not ids:
        return
    who, now = workflow._user(db, user), workflow._now()
    block_store.insert_uses(db, [{"block_id": b, "used_in": used_in, "question": (question or "")[:500],
                                  "used_at": now, "used_by": who} for b in ids])


def uses(db: Database, block_id: str) -> list[dict]:
    return block_store.use_rows(db, block_id)


# ---------------------------------------------------------------- search

_STEM_END = re.compile(r"(?:ing|ed|es|s|ly|ment|ments|ion|ions|ation|ations|abilit(?:y|ies)|ibilit(?:y|ies)|able|ible"
                       r"|ity|ities|ate|ates|ated|ating)$")


@lru_cache(maxsize=65536)  # a pure function of the word, asked 1.8 million times in one test file's tender placing
def stem(word: str) -> str:
    """A rough stem for matching words across forms (engage/engagement/engaging,
    accountable/accountability, deteriorate/deterioration, family/families)."""
    w = word.lower().strip("'-")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) in (4, 5) and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]  # hours, risks, needs, gaps
    if len(w) > 5:
        cut = _STEM_END.sub("", w)
        w = cut if len(cut) >= 4 else w  # 'action' stays 'action', not 'act'

    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # stepp(ing) -> step
    return w.rstrip("e") if len(w) > 4 else w


def search_blocks(db: Database, text: str, *, limit: int = 10, approved_only: bool = True, today=None,
                  exclude=()) -> list[Block]:
    """Blocks ranked against ``text`` by SQLite FTS5 BM25 (title weighted 4, tags 3, body 1).

    Any of the text's content words may match; each result says which of them
    it shares (``matched``). Stale blocks are returned too, flagged.
    """
    # another nation's arrangement the text names is searched in our library's words too ('PVG': our 'DBS check')
    words = terms(nations.in_our_words(text))
    if not words:
        return []
    rows = block_store.match_blocks(db, _any_of(words), limit + len(exclude), approved_only=approved_only)
    out = []
    for row in rows:
        if row["block_id"] in exclude or not usable_for_buyer(row):
            continue
        block = _block(row, today, row["rank"])
        have = {stem(w) for w in terms(" ".join([block.title, " ".join(block.tags), block.body]))}
        block.matched = [w for w in words if stem(w) in have]
        out.append(block)
    return out[:limit]


# ---------------------------------------------------------------- the service profile


# a service's name of four words or more ending in its common noun; a determiner or possessive just before it
_LONG_SERVICE = re.compile(r"^(?!the\s)(?:\S+\s+){3,}Services?$", re.I)
_DETERMINED = re.compile(r"\b(?:the|a|an|our|their|its|this|that|your)\s*$|['’]s\s*$", re.I)


def fill(text: str, profile: dict[str, str]) -> tuple[str, list[str]]:
    """Fill ``{field}`` placeholders from the profile; returns the text and the fields missing."""
    missing: list[str] = []

    def sub(m: re.Match) -> str:
        key = m.group(1)
        if profile.get(key):
            value = profile[key]
            before = m.string[:m.start()]
            if key == "service" and _LONG_SERVICE.search(value) and not _DETERMINED.search(before):
                # a buyer's long name for a service ('Community Mental Health Recovery, ... and Wellbeing Service')
                # takes 'the', as a writer says it (s22 q04: 'discharged from Community Mental Health Recovery, ...')
                return "the " + value
            return value
        if key in PROFILE_FIELDS:
            missing.append(key)
        return m.group(0)

    out = _PLACEHOLDER.sub(sub, text or "")
    out = out[:1].upper() + out[1:] if out else out
    return re.sub(r"(?<=[.!?] )([a-z])", lambda m: m.group(1).upper(), out), missing


# ---------------------------------------------------------------- import


def split_answers(text: str) -> list[tuple[str, str]]:
    """Earlier answers (Markdown) split into (title, body) blocks: one per heading's section,
    or one per paragraph when there are no headings. Lists are kept with their paragraph."""
    sections: list[tuple[str, list[str]]] = []
    title, paras, current = None, [], []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        head = re.match(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line) or re.match(r"^\s*\*\*([^*]{3,80})\*\*\s*$", line)
        if head:
            if current:
                paras.append(" ".join(current))
                current = []
            if title is not None or paras:
                sections.append((title, paras))
            title, paras = head.group(1).strip(), []
        elif not line.strip():
            if current:
                paras.append(" ".join(current))
                current = []
        else:
            current.append(list_marker(numbers="digits").sub("", line.strip()))
    if current:
        paras.append(" ".join(current))
    if title is not None or paras:
        sections.append((title, paras))
    out = []
    for title, paras in sections:
        if not any(len(p.split()) >= 8 for p in paras):
            continue  # a heading with a line or two under it is not method text
        if title:
            out.append((title, " ".join(paras)))
        else:
            for p in paras:
                if len(p.split()) >= 8:
                    out.append((" ".join(p.split()[:6]).rstrip(",.;:"), p))
    return out


def docx_to_markdown(path) -> str:
    """A Word file's headings and paragraphs as Markdown (headings by style name)."""
    from docx import Document

    lines = []
    for para in Document(str(path)).paragraphs:
        text = para.text.strip()
        style = (para.style.name if para.style is not None else "") or ""
        if not text:
            lines.append("")
        elif style.lower().startswith(("heading", "title")):
            lines += ["", f"## {text}", ""]
        else:
            lines += [text, ""]
    return "\n".join(lines)


def import_answers(db: Database, path, *, owner: str | None = None, tags=(), today=None) -> list[str]:
    """Split an earlier answer file (.md, .txt or .docx) into draft blocks; all or nothing."""
    p = Path(path).expanduser()
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    suffix = p.suffix.lower()
    try:
        if suffix == ".docx":
            text = docx_to_markdown(p)
        elif suffix in (".md", ".txt", ".markdown"):
            text = p.read_text(encoding="utf-8-sig")
        else:
            raise InputError(f"{p}: give a .docx, .md or .txt file of earlier answers")
    except UnicodeDecodeError:
        raise InputError(f"{p}: not a UTF-8 text file") from None
    except InputError:
        raise
    except Exception:  # python-docx raises several kinds for a damaged file: say which file and why
        raise unreadable(p, "docx") from None
    pieces = split_answers(text)
    if not pieces:
        raise InputError(f"{p}: no paragraphs of eight words or more to turn into blocks")
    ids = []
    with db.atomic():
        for title, body in pieces:
            ids.append(add_block(db, title, body, tags=tags, owner=owner, source=f"imported from {p.name}",
                                 today=today))
    return ids
