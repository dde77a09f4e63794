"""The buyer's scoring gates: statements an answer must make or be capped (issue 12, session 22; s21 panel, spent).

A question may cap the score of an answer that does not make a statement: 'Responses that do not set out who holds
clinical responsibility when a person is stepped up, including out of hours, will not score above 2' (s21 q03: the
answer never said it and both bidders were capped at 2), 'Responses will not score above 2 unless the Bidder confirms
that it will meet every minimum in Table 6A', 'Answers that make no reference to the Protocol v3.2 will be scored 0'.
Each is read at intake (:func:`read`, ``QuestionPlan.gates``) as a required statement and placed in the sub-point
whose words it shares most (:func:`place`). A statement of what the bidder will do is made as our commitment in the
buyer's words ('We will meet every minimum in Table 6A from the Service Commencement Date.'); any other (who holds
responsibility, a protocol named) must be said by the part's method text, and :func:`made` says whether the part
says it. One the answer does not make is named in the coverage and by the command: never a silent cap.

The cap words, the words for answers and for the bidder, and the ways of asking for a statement are data:
``phrasebank/gates.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.library import stem

PHRASEBANK = "gates.yaml"
COVERED = 0.75
"""The share of a statement's content words a part must say for the statement to count as made."""


@dataclass
class Gate:
    sentence: str
    """The buyer's sentence, as written."""
    statement: str
    """What the answer must say, in the buyer's words ('who holds clinical responsibility ... out of hours')."""
    cap: str = ""
    """The score an answer without it cannot go above ('2', '0'), '' when the sentence only obliges it."""
    will: str = ""
    """What the bidder will do, when the statement is that ('meet every minimum in Table 6A ...'): the assembler says it
    as our commitment (:data:`commitment`), '' otherwise."""
    commitment: str = ""
    """Our sentence saying it ('We will meet every minimum in Table 6A ...'), set by the assembler."""
    key: str = ""
    """The sub-point it is placed in (:func:`place`)."""

    @property
    def note(self) -> str:
        """How the coverage names it when the answer does not make it."""
        cap = (f" (the buyer scores an answer without it no more than {self.cap})" if self.cap and self.cap != "0"
               else " (the buyer scores an answer without it 0)" if self.cap == "0" else "")
        return f"the buyer's required statement is not made: {self.statement}{cap}: write it, or add an approved block"


def _alternatives(words) -> str:
    words = [str(w).strip() for w in words or [] if str(w).strip()]
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _patterns() -> dict[str, re.Pattern]:
    data = load_phrasebank(PHRASEBANK) or {}
    alt = {k: _alternatives(data.get(k)) for k in ("caps", "answers", "without", "unless", "asking", "confirming",
                                                   "no_mention", "bidder", "must", "naming")}
    cap = rf"(?P<cap>{alt['caps']})\s*(?P<n>\d+|zero|nil)?"
    return {
        "unless": re.compile(rf"^(?:all\s+|any\s+|an?\s+|the\s+)?(?:{alt['answers']})\s+{cap}\s*(?:marks?|points?)?\s*,?\s*"
                             rf"(?:{alt['unless']})\s+(?P<rest>.+?)[.;]?$", re.I),
        "without": re.compile(rf"^(?:all\s+|any\s+|an?\s+|the\s+)?(?:{alt['answers']})\s+(?:{alt['without']})\s+(?P<rest>.+?)\s*,?\s+"
                              rf"{cap}\s*(?:marks?|points?)?(?:\s+for\s+this\s+question)?[.;]?$", re.I),
        "must": re.compile(rf"^(?:(?:all\s+)?(?:{alt['answers']}|you)\s+)(?:{alt['must']})\s+(?P<rest>.+?)[.;]?$", re.I),
        "asking": re.compile(rf"^(?:{alt['asking']})\s+", re.I),
        "confirming": re.compile(rf"^(?:{alt['confirming']})\s+", re.I),
        "no_mention": re.compile(rf"^(?:{alt['no_mention']})\s+", re.I),
        "naming": re.compile(rf",?\s+and\s+(?:to\s+)?(?:{alt['naming']})\s+(?P<named>(?:the|a|an)\s+.+)$", re.I),
        "we_will": re.compile(rf"^(?:that\s+)?(?:{alt['bidder']}|we)\s+(?:will|would|shall)\s+(?P<what>.+)$", re.I),
    }


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*(])|\s*\|\s*|\n\s*\n|\n(?=\s*(?:[-*#>]|\(?\w{1,3}[.)]\s))|\n(?=[^\n]*\|)"
                       r"|<br\s*/?>|\u2022")
"""Where a sentence ends: its full stop, a table's cell, a blank line, a line opening a list item, heading or row (a
line wrapped inside a sentence is not an end: 'the minimum staffing\nestablishment in Table 5')."""


def _sentences(text: str) -> list[str]:
    out = []
    for s in _SENTENCE.split(text or ""):
        s = re.sub(r"[*_]{1,2}", "", s).strip(" -\u2013\u2022\t")
        s = re.sub(r"^[A-Z][\w ]{0,30}:\s+(?=\w)", "", s)  # 'Scoring note: responses that do not ...'
        if s:
            out.append(" ".join(s.split()))
    return out


def read(question: str) -> list[Gate]:
    """The statements the question's scoring gates require, in its order, each once."""
    p = _patterns()
    out: list[Gate] = []
    for s in _sentences(question):
        m = p["unless"].match(s) or p["without"].match(s)
        must = None if m else p["must"].match(s)
        found = m or must
        if found is None:
            continue
        rest = found.group("rest").strip(" ,")
        # the score after the cap words, or ending them ('will be scored 0')
        n = (m.group("n") or m.group("cap").split()[-1]).lower() if m else ""
        n = n if re.fullmatch(r"\d+|zero|nil", n) else ""
        cap = "0" if n in ("zero", "nil") else n
        confirming = bool(must) or bool(p["confirming"].match(rest))
        rest = p["asking"].sub("", p["no_mention"].sub("", rest, count=1), count=1).strip(" ,")
        rest = re.sub(r"^that\s+", "", rest, flags=re.I) if confirming else rest
        will = p["we_will"].match(rest)
        what = will.group("what").strip(" ,.") if will else ""
        what = re.sub(r"\bits\b", "our", what)  # 'the Bidder will submit its application': ours
        named = p["naming"].search(what) if what else None
        if named:  # '... and name the role that will act as Safeguarding Lead': a statement of its own
            what = what[:named.start()].strip(" ,.")
        rest = what or rest
        if not rest or any(g.statement == rest for g in out):
            continue
        out.append(Gate(sentence=s, statement=rest, cap=cap, will=what))
        if named:
            out.append(Gate(sentence=s, statement=named.group("named").strip(" ,."), cap=cap))
    return out


def _generic() -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_phrasebank(PHRASEBANK) or {}).get("generic") or [])


def _content(text: str) -> set[str]:
    """The stems of the words that say what ``text`` is about (numbers kept: '72 hours', 'v3.2')."""
    generic = _generic()
    return {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z']*|\d+(?:\.\d+)?", text or "") if w.lower() not in generic}


def place(gates: list[Gate], points: list) -> list[Gate]:
    """Each gate in the sub-point sharing most content words with its statement (the first on a tie, or when none
    shares any: the question's first part answers it)."""
    if not points:
        return gates
    for g in gates:
        want = _content(g.statement)
        best = max(points, key=lambda pt: (len(want & _content(f"{pt.label} {pt.text}")), -points.index(pt)))
        g.key = best.key
    return gates


def share(gate: Gate, text: str) -> float:
    """The share of the gate's statement's content words ``text`` says."""
    want = _content(gate.statement)
    return len(want & _content(text)) / len(want) if want else 0.0


_SPLIT = re.compile(r"(?<=[.!?;])\s+")


def said_most(gate: Gate, text: str) -> float:
    """The most of the statement any two sentences of ``text`` in a row say (a statement is made in one place: its
    words scattered over a part, 'hours' from our opening hours beside 'clinical responsibility', do not make it)."""
    parts = [p for p in _SPLIT.split(text or "") if p.strip()]
    windows = [" ".join(parts[i:i + 2]) for i in range(max(len(parts) - 1, 1))]
    return max((share(gate, w) for w in windows), default=0.0)


_VERSION = re.compile(r"\b(?:v|version\s+|issue\s+|rev(?:ision)?\s+)\d+(?:\.\d+)*\b", re.I)
_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\b|\b[A-Z][a-z]+\s+\d{4}\b")
_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:and\s+|of\s+|for\s+|the\s+)?[A-Z][\w'.-]*)+")
_NUMBERED = re.compile(r"\b[A-Z][a-z]+\s+\d+[A-Za-z]?(?:\.\d+)*\b")  # 'Table 6A', 'Schedule 2', 'Table 8.1'
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
_FIGURE = re.compile(r"\b\d\w*(?:[.,]\d+)*%?")


def elements(statement: str) -> list[str]:
    """The named elements of a statement an answer must keep, every one, to make it in full: document names with
    their versions ('Operating Procedure v3.2'), dates ('30 November 2026'), figures, named roles, meetings and
    bodies ('Stanmere Crisis Pathway Review'), and how often a meeting is held ('monthly')."""
    often = _alternatives((load_phrasebank(PHRASEBANK) or {}).get("frequencies"))
    out: list[str] = []
    for rx in (_VERSION, _DATE, _NUMBERED, _NAME, _ACRONYM, _FIGURE, re.compile(rf"\b(?:{often})\b", re.I)):
        for m in rx.finditer(statement or ""):
            found = re.sub(r"^(?:The|A|An)\s+", "", m.group(0).strip())
            if found and not any(found.lower() in e.lower() for e in out):
                out.append(found)
    return out


def _norm(text: str) -> str:
    text = re.sub(r"\.(?!\d)|(?<!\w)-|-(?!\w)", " ", text or "")  # a full stop, not a version's point
    return " ".join(re.sub(r"[^\w.%-]+", " ", text).lower().split())


def missing(gate: Gate, text: str) -> list[str]:
    """The named elements of the gate's statement (:func:`elements`) ``text`` does not say."""
    said = f" {_norm(text)} "
    return [e for e in elements(gate.statement) if f" {_norm(e)} " not in said]


def made(gate: Gate, text: str) -> bool:
    """The part's ``text`` makes the gate's statement in full: our commitment to it, or most of its content words
    said in one place (:func:`said_most`), and every named element of it said (:func:`missing`: a version, a
    meeting, a date, a role)."""
    if missing(gate, text):
        return False
    if gate.commitment and " ".join(gate.commitment.split()).lower() in " ".join((text or "").split()).lower():
        return True
    return said_most(gate, text) >= COVERED
