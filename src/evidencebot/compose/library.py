"""The bid library: earlier tender answers, how they scored, and when their
figures need checking again.

Answers are stored in the ``bids`` table (migration ``m005_bid_library``) with
full-text search over question and answer. :func:`similar` ranks earlier
answers against a new question and flags those past their review date, whose
figures may be stale.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from sqlite_utils import Database

from evidencebot.errors import InputError

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


def _add_months(day: _dt.date, months: int) -> _dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    import calendar

    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
    from evidencebot.compose.words import count_words

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
        "review_date": review_date or _add_months(now, REVIEW_MONTHS).isoformat(),
        "score": score,
        "max_score": max_score,
        "feedback": feedback,
        "outcome": outcome,
    }
    with db.atomic():
        table = db["bids"].insert(row)
    return table.last_pk


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
    from sqlite_utils.db import NotFoundError

    try:
        return db["bids"].get(int(bid_id))
    except (NotFoundError, ValueError):
        raise InputError(f"no library entry {bid_id} (see 'evidencebot library list')") from None


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
    with db.atomic():
        db["bids"].update(int(bid_id), update)
    return get(db, bid_id)


def all_bids(db: Database) -> list[dict]:
    return list(db.query("select * from bids order by created_at desc, bid_id desc"))


def search(db: Database, text: str, limit: int = 20) -> list[dict]:
    """Full-text search over questions and answers, best match first."""
    if not (text or "").strip():
        raise InputError("give some words to search for")
    return list(db["bids"].search(text, quote=True, limit=limit))


def terms(text: str) -> list[str]:
    """The content words of a question (lower case, de-duplicated, in order)."""
    seen: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text or ""):
        w = word.lower().strip("'-")
        if w not in _STOP and w not in seen:
            seen.append(w)
    return seen


def similar(db: Database, question: str, *, limit: int = 5, today=None) -> list[SimilarBid]:
    """Earlier answers ranked against ``question``.

    Ranked by SQLite FTS5 bm25 over any of the question's content words
    (question text weighted three times the answer), then by score. Answers
    past their review date are still listed, flagged ``overdue``.
    """
    words = terms(question)
    if not words or not db["bids"].exists() or db["bids"].count == 0:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    rows = db.query(
        """
        select bids.*, bm25(bids_fts, 3.0, 1.0) as rank
        from bids_fts join bids on bids.rowid = bids_fts.rowid
        where bids_fts match :match
        order by rank, coalesce(bids.score * 1.0 / nullif(bids.max_score, 0), 0) desc, bids.bid_id desc
        limit :limit
        """,
        {"match": match, "limit": limit},
    )
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
