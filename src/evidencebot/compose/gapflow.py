"""From a gap in a drafted answer to an approved method block (issue 12 items 3 and 6).

A drafted answer shows its gaps honestly: a part no approved block answers ('nothing in the library: write this
part'), a name or standard the buyer gives in a part that no sentence speaks to ('the buyer names X here: write how
you will ...'), an item the buyer lists that the part leaves out ('(write this)'), a part drafted from the question's
own words, a part with figures and no method, a buyer's figure said back with no method, a statement to confirm, a
document to attach. The writer fills a gap in the editor; this module keeps what
they wrote for the next bid:

* :func:`answer_gaps` lists an answer's gaps, each with the part it is in and where that part starts;
* :func:`part_text` reads what the writer wrote under a part's heading (the gap markers left out);
* :func:`save_part_as_block` makes that text a *draft* method block: title from the part's heading, topic tags from
  the ask, owner the current user, source the tender question and part, the ask it answers and the buyer whose tender
  it was written for. It then goes through the library's four-eyes approval (``library submit`` / ``approve``, not by
  its author) like any block;
* :func:`asked_pins` gives a later draft of the same ask the approved block for that part, so the gap is gone;
* :func:`buyer_scope` keeps a block written for one buyer out of another buyer's answers until someone marks it
  general (:func:`mark_general`).

Nothing here imports the user interface: the editor and the command line call these.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass

from sqlite_utils import Database

from evidencebot.compose import blockmatch, gaps, library, tender_profile
from evidencebot.errors import InputError
from evidencebot.store import blocks as block_store
from evidencebot.text import MD_HEADING

KINDS = ("to write", "write the method", "buyer names: write how", "listed item: write it", "figure: write how",
         "drafted from the question: confirm", "confirmation needed", "to attach")
"""The kinds of gap, in the order the editor lists them in a part."""

_NAMED = re.compile(r"the buyer (?:names|sets) (?P<what>.+?) here: write (?P<how>[^;]+)")
_LISTED = re.compile(r"the buyer lists here, not in this part: (?P<what>.+?) \((?:write this|said back in the buyer's words: write how)\)")
_FIGURE = re.compile(r"the buyer's figure said back with no method: write who does it, when and how \((?P<what>[^)]*)\)?")
MIN_WORDS = 8
"""A part's text shorter than this is not method text to keep (a heading's worth, a marker)."""


@dataclass(frozen=True)
class WriterGap:
    part: str
    """The part's heading (its sub-point's label); '' for an answer without parts."""
    kind: str
    """One of :data:`KINDS`."""
    detail: str
    """What is missing, in the writer's terms ('Quality Questionnaire: how you will meet it (who, when)')."""
    heading: str = ""
    """The part's heading as the answer prints it ('' when it has none): what is saved as the block's title."""
    key: str = ""
    """The sub-point's key in the answer's plan ('' when not known)."""
    offset: int = -1
    """Where the part's heading starts in the answer's Markdown (-1 when the part has no heading there)."""

    def line(self) -> str:
        where = self.part or "the answer"
        return f"{where} ({self.kind})" + (f": {self.detail}" if self.detail and self.detail != self.part else "")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", (text or "").lower()).split())


def headings(markdown: str) -> list[tuple[int, int, str]]:
    """(start, end of the heading line, heading text) for each Markdown heading, in order."""
    out, pos = [], 0
    for line in (markdown or "").splitlines(keepends=True):
        m = MD_HEADING.match(line.rstrip("\n"))
        if m:
            out.append((pos, pos + len(line), m.group(1).strip()))
        pos += len(line)
    return out


def _heading_for(markdown: str, part: str) -> tuple[int, int, str] | None:
    """The heading of ``part``: the same words, else one that starts with them or they start with, else the one
    sharing most of its content words (the answer says 'our model' where the buyer's part says 'your model', and
    may print a shortened heading)."""
    want = _norm(part)
    if not want:
        return None
    found = headings(markdown)
    for h in found:
        if _norm(h[2]) == want:
            return h
    for h in found:
        have = _norm(h[2])
        if have and (have.startswith(want) or want.startswith(have)):
            return h
    words = set(blockmatch.tokens(part)) - blockmatch.HEAD_GENERIC
    best, share = None, 0.6
    for h in found:
        theirs = set(blockmatch.tokens(h[2])) - blockmatch.HEAD_GENERIC
        if not words or len(theirs) < 2:
            continue
        # a heading shortened from the part ('How our model will achieve first contact' for '... with at least 90%
        # of people within 5 working days of referral'): most of the heading's words are the part's
        score = max(len(words & theirs) / max(len(words), len(theirs)), 0.9 * len(words & theirs) / len(theirs))
        if score >= share:
            best, share = h, score
    return best


def _row_heading(markdown: str, row: dict) -> tuple[int, int, str] | None:
    """A coverage row's heading in the answer: the one its gap marker names, else the one nearest its label."""
    named = gaps.writer_marker_names(str(row.get("marker") or ""))
    for name in named:
        head = _heading_for(markdown, name)
        if head is not None:
            return head
    return _heading_for(markdown, str(row.get("label") or ""))


def part_span(markdown: str, part: str) -> tuple[int, int] | None:
    """(start, end) of the text under ``part``'s heading: from after the heading line to the next heading."""
    head = _heading_for(markdown, part)
    if head is None:
        return None
    after = [h[0] for h in headings(markdown) if h[0] > head[0]]
    return head[1], (after[0] if after else len(markdown or ""))


def part_text(markdown: str, part: str) -> str:
    """What is written under ``part``'s heading, without gap markers or notes for the bid team; '' when the part
    has no heading in ``markdown``."""
    span = part_span(markdown, part)
    if span is None:
        return ""
    body = gaps.strip_writer_markers(markdown[span[0]:span[1]])
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", body) if p.strip())


def _row(row) -> dict:
    if isinstance(row, dict):
        return row
    return {k: getattr(row, k, "") for k in ("key", "label", "status", "marker")}


def status_gaps(status: str) -> list[tuple[str, str]]:
    """(kind, detail) of each gap a part's coverage status names."""
    status = status or ""
    out: list[tuple[str, str]] = []
    if "nothing in the library: write this part" in status:
        out.append(("to write", ""))
    if status.startswith("evidence only: write the method") or "write the method for it" in status:
        out.append(("write the method", ""))  # figures and no approved block; or the ask said back, left out
    if status.startswith("drafted from the question"):
        out.append(("drafted from the question: confirm", ""))
    out += [("buyer names: write how", f"{m.group('what')}: {m.group('how').strip()}") for m in _NAMED.finditer(status)]
    out += [("listed item: write it", m.group("what")) for m in _LISTED.finditer(status)]
    out += [("figure: write how", m.group("what").strip()) for m in _FIGURE.finditer(status)]
    return out


def answer_gaps(markdown: str, coverage=()) -> list[WriterGap]:
    """The gaps of a drafted answer, in reading order: from each part's coverage row (a ``CoverageRow`` or a dict
    with label, status and key, as ``tender_questions.coverage`` stores them) and from the markers in ``markdown``
    ('[To write: ...]', '[To confirm: ...]', '[To attach] ...') that no row names."""
    out: list[WriterGap] = []
    seen: set[tuple[str, str]] = set()
    for raw in coverage or ():
        row = _row(raw)
        label = str(row.get("label") or "")
        head = _row_heading(markdown, row)
        for kind, detail in status_gaps(str(row.get("status") or "")):
            out.append(WriterGap(part=label, kind=kind, detail=detail, heading=head[2] if head else "",
                                 key=str(row.get("key") or ""), offset=head[0] if head else -1))
            seen |= {(_norm(label), kind), (_norm(head[2]) if head else "", kind)}
    for g in gaps.find_gaps(markdown):
        kind = {"To write": "to write", "To confirm": "confirmation needed"}.get(g.marker, "to attach")
        if (_norm(g.part), kind) in seen:
            continue
        seen.add((_norm(g.part), kind))
        head = _heading_for(markdown, g.part) if kind != "to attach" else None
        offset = head[0] if head else (markdown or "").find("[" + g.marker)
        out.append(WriterGap(part=g.part, kind=kind, detail=g.text if kind == "to attach" else "",
                             heading=head[2] if head else "", offset=offset))
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda g: (g.offset if g.offset >= 0 else len(markdown or ""), order.get(g.kind, 9)))


def count_by_kind(found: list[WriterGap]) -> dict[str, int]:
    out = {k: 0 for k in KINDS}
    for g in found:
        out[g.kind] = out.get(g.kind, 0) + 1
    return out


# ---------------------------------------------------------------- the buyer a block is written for


def buyer_key(name: str | None) -> str:
    """A buyer's name as the library compares it ('' for none: a general block)."""
    return library.buyer_key(name)


NO_BUYER = "a tender that names no buyer"
"""The buyer of a draft whose question names none and whose tender sets none: a block written there is used only in
such drafts until marked general (it may speak of a buyer the next tender is not)."""


def scope_words(buyer: str | None) -> str:
    """How a block's buyer scope is said to the writer ('' for a general block)."""
    if not buyer:
        return ""
    if buyer_key(buyer) == buyer_key(NO_BUYER):
        return "for tenders that name no buyer"
    return f"for {buyer}'s answers"


def draft_buyer(commissioner: str | None) -> str:
    """The buyer a draft is scoped to, from the commissioner its drafting resolved."""
    name = (commissioner or "").strip()
    return NO_BUYER if not name or name == tender_profile.UNSTATED_BUYER else name


@contextmanager
def buyer_scope(buyer: str | None):
    """While drafting for ``buyer``: blocks written for another buyer are not used (:func:`library.usable_for_buyer`)."""
    token = library.BUYER_SCOPE.set(buyer_key(buyer))
    try:
        yield
    finally:
        library.BUYER_SCOPE.reset(token)


def set_scope(buyer: str | None) -> None:
    """Name the buyer of the draft under way (inside :func:`buyer_scope`, which puts the earlier value back)."""
    library.BUYER_SCOPE.set(buyer_key(buyer))


# ---------------------------------------------------------------- saving a part as a block


def ask_tags(ask: str, limit: int = 6) -> list[str]:
    """Topic tags for a block written for ``ask``: the topic cues the ask uses (the buyer's words for each topic the
    library knows), else its content words."""
    tags: list[str] = []
    for hit in blockmatch.topic_hits(ask):
        cue = hit.cue.strip().lower()
        if cue and cue not in tags:
            tags.append(cue)
    if len(tags) < 2:
        tags += [w for w in library.terms(ask) if len(w) > 3 and w not in library.GENERIC and w not in tags
                 and w not in blockmatch.HEAD_GENERIC][: limit - len(tags)]
    return tags[:limit]


def title_of(part: str) -> str:
    """A block title from a part's heading: its words, without a trailing colon or full stop, at most 90 characters."""
    title = " ".join((part or "").split()).rstrip(" .:;")
    return title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"


def save_part_as_block(db: Database, *, part: str, text: str, ask: str = "", buyer: str = "", source: str = "",
                       owner: str | None = None, today=None) -> str:
    """A draft method block from the text a writer wrote for a gap; returns its id. ``part``: the part's heading (the
    title), ``ask``: the buyer's words for the part (the tags and the ask a later draft matches), ``buyer``: whose
    tender it was written for ('' for general), ``source``: the tender question and part."""
    body = " ".join(gaps.strip_writer_markers(text or "").split())
    if len(body.split()) < MIN_WORDS:
        raise InputError(f"the part '{title_of(part) or 'answer'}' has {len(body.split())} words of its own: write "
                         f"the method (who does what, when, how often) before saving it as a block")
    if gaps.WRITER_MARKER.search(body):
        raise InputError("take the gap marker out of the part's text first")
    ident = library.add_block(db, title_of(part) or " ".join(body.split()[:6]), body, tags=ask_tags(ask or part),
                              owner=owner, source=source or "written in the app", today=today)
    block_store.set_block_scope(db, ident, ask=" ".join((ask or part).split()), buyer=buyer_key(buyer))
    return ident


def mark_general(db: Database, block_id: str) -> library.Block:
    """A block written for one buyer's tender may be used in any buyer's answer from now on."""
    library.get_block(db, block_id)
    block_store.set_block_scope(db, block_id, buyer="")
    return library.get_block(db, block_id)


# ---------------------------------------------------------------- a later draft of the same ask

SAME_ASK = 0.8
"""How much of two asks' content words must be shared (of the larger set) for a block written for one to answer the
other: the same ask reworded a little ('the Service' for 'the service', a word added), not another ask."""


def same_ask(a: str, b: str) -> bool:
    if _norm(a) == _norm(b):
        return bool(_norm(a))
    x = set(blockmatch.tokens(a)) - blockmatch.HEAD_GENERIC
    y = set(blockmatch.tokens(b)) - blockmatch.HEAD_GENERIC
    return bool(x and y) and len(x & y) / max(len(x), len(y)) >= SAME_ASK


def asked_pins(db: Database, plan, buyer: str | None, pins: dict | None = None, *, today=None) -> dict[str, str]:
    """``pins`` with, for each part no pin holds, the approved block written for that part's ask (a gap filled in an
    earlier draft): one written for ``buyer`` before a general one; a block written for another buyer never."""
    out = dict(pins or {})
    rows = [r for r in block_store.asked_rows(db) if r.get("status") == "approved" and (r.get("approved_by") or "").strip()]
    if not rows:
        return out
    own = buyer_key(buyer)
    rows = [r for r in rows if not buyer_key(r.get("buyer")) or buyer_key(r.get("buyer")) == own]
    rows.sort(key=lambda r: (buyer_key(r.get("buyer")) != own, str(r.get("approved_at") or "")), reverse=False)
    taken = set(out.values())
    for point in plan.points:
        if point.key in out or getattr(point, "kind", "") == "confirm":
            continue
        for r in rows:
            if r["block_id"] not in taken and same_ask(point.text, str(r.get("ask") or "")):
                if library.get_block(db, r["block_id"], today).stale:
                    continue
                out[point.key] = r["block_id"]
                taken.add(r["block_id"])
                break
    return out


# ---------------------------------------------------------------- the two faces' entry points


def point_ask(plan, gap: WriterGap) -> str:
    """The buyer's words for the gap's part (its sub-point's text), else its label."""
    for point in getattr(plan, "points", None) or []:
        if (gap.key and point.key == gap.key) or (not gap.key and _norm(point.label) == _norm(gap.part)):
            return point.text
    return gap.part


def answer_buyer(answer, profile: dict) -> str:
    """The buyer an assembled answer was drafted for (:func:`draft_buyer`); for an answer from before that was kept,
    the tender's commissioner, else the service profile's."""
    if getattr(answer, "buyer", ""):
        return str(answer.buyer)
    facts = getattr(answer, "tender_facts", None) or {}
    return draft_buyer(str(facts.get("commissioner") or profile.get("commissioner") or ""))


def save_answer_gap(db: Database, answer, markdown: str, gap: WriterGap, *, source: str,
                    user: str | None = None, today=None) -> str:
    """The text the writer wrote in ``gap``'s part of ``markdown`` (the editor's text of an assembled ``answer``) as a
    draft block; returns its id."""
    heading = gap.heading or gap.part
    text = part_text(markdown, heading)
    return save_part_as_block(db, part=heading, text=text, ask=point_ask(getattr(answer, "plan", None), gap),
                              buyer=answer_buyer(answer, block_store.get_profile(db)), source=source, owner=user,
                              today=today)


def stored_gaps(row: dict) -> list[WriterGap]:
    """The gaps of a tender question's stored answer (``tender_questions`` row: answer and coverage)."""
    import json

    try:
        rows = json.loads(row.get("coverage") or "{}").get("rows", [])
    except (ValueError, AttributeError):
        rows = []
    return answer_gaps(row.get("answer") or "", rows)


def find_gap(found: list[WriterGap], part: str) -> WriterGap:
    """The gap ``part`` names: its number in the list (1, 2, ...), its part's heading or label, or the start of
    either."""
    if part.strip().isdigit() and 1 <= int(part) <= len(found):
        return found[int(part) - 1]
    want = _norm(part)
    for test in (lambda g: want in (_norm(g.heading), _norm(g.part)),
                 lambda g: bool(want) and (_norm(g.heading).startswith(want) or _norm(g.part).startswith(want))):
        hits = [g for g in found if test(g)]
        if hits:
            return hits[0]
    listed = "; ".join(f"{i}. {g.line()}" for i, g in enumerate(found, 1)) or "none"
    raise InputError(f"no gap in part {part!r} (the gaps: {listed})")
