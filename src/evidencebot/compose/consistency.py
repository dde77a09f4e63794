"""Reading the answers of one tender together: facts stated differently, open
actions told as current practice.

A panel reads every answer of a bid side by side. :func:`check_answers` finds
the facts of ``corpus/library/facts.yaml`` (review intervals, response times,
meeting frequencies) in every sentence, converts each value to one unit and
reports a fact stated with two different values. It also reports any sentence
that describes as current practice an incident action the log still has open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidencebot import locations
from evidencebot.errors import ConfigError

_NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
            "thirty": 30, "single": 1}
_DAYS = {"hour": 1 / 24, "day": 1.0, "working day": 1.4, "week": 7.0, "month": 30.4, "quarter": 91.3, "year": 365.0}
_ADVERBS = {"daily": (1, "day"), "weekly": (1, "week"), "fortnightly": (2, "week"), "monthly": (1, "month"),
            "quarterly": (1, "quarter"), "yearly": (1, "year"), "annually": (1, "year")}


@dataclass
class Fact:
    name: str
    label: str
    patterns: list[re.Pattern]
    needs: str = ""


@dataclass
class Statement:
    ref: str
    value: str
    sentence: str
    key: tuple = ()


@dataclass
class Contradiction:
    kind: str
    """'fact' (one fact, two values) or 'open action' (an open action told as practice)."""
    label: str
    statements: list[Statement] = field(default_factory=list)

    def describe(self) -> str:
        if self.kind == "open action":
            s = self.statements[0]
            return f"{s.ref}: describes as current practice an incident action that is still open ({self.label}): {s.sentence!r}"
        parts = "; ".join(f"{s.ref}: {s.value!r} ({s.sentence[:90]}{'...' if len(s.sentence) > 90 else ''})"
                          for s in self.statements)
        return f"{self.label} stated differently: {parts}"


_SAYS_OPEN = re.compile(r"\(open\b|\bstill open\b|\bwe will\b|\bwe plan to\b|\bdue (?:in|by)\b", re.I)


def load_facts() -> list[Fact]:
    """The facts answers must state one way (``corpus/library/facts.yaml``, user copy first)."""
    return locations.read_data_yaml("corpus", "library/facts.yaml", _build_facts) or []


def _build_facts(path, data: dict) -> list[Fact]:
    out = []
    for name, spec in (data.get("facts") or {}).items():
        if not isinstance(spec, dict) or not spec.get("patterns"):
            raise ConfigError(f"{path}: fact {name} needs 'patterns'")
        pats = []
        for p in spec["patterns"]:
            try:
                pat = re.compile(str(p), re.I)
            except re.error as exc:
                raise ConfigError(f"{path}: fact {name}: pattern {p!r} is not a regular expression ({exc})") from None
            if "v" not in pat.groupindex:
                raise ConfigError(f"{path}: fact {name}: pattern {p!r} has no group named v")
            pats.append(pat)
        out.append(Fact(str(name), str(spec.get("label") or name), pats, str(spec.get("needs") or "")))
    return out


def normalise(value: str) -> tuple | None:
    """A timescale or frequency as a length in days (rounded), or None when unreadable.

    '12-weekly' -> 84, 'three-monthly' -> 91, 'every quarter' -> 91, 'the same day' -> 0,
    'by the next working morning' -> 1, 'within two working days' -> 2.8.
    """
    v = " ".join(value.lower().replace("-", " ").split())
    if "same" in v:
        return (0.0,)
    if "next working" in v:
        return (1.0,)
    for word, (n, unit) in _ADVERBS.items():
        if v == word or v.endswith(" " + word) and len(v.split()) == 2 and v.split()[0] in ("each", "every"):
            return (round(n * _DAYS[unit], 1),)
    m = re.search(r"(\d+|[a-z]+)?\s*(working day|day|hour|week|month|quarter|year)s?\b", v)
    if m is None:
        m2 = re.match(r"^(\d+|[a-z]+) (weekly|monthly)$", v)
        if not m2:
            return None
        count = _count(m2.group(1))
        unit = "week" if m2.group(2) == "weekly" else "month"
        return None if count is None else (round(count * _DAYS[unit], 1),)
    n = (_count(m.group(1)) if m.group(1) else 1) or 1  # 'every quarter', 'every month': one
    return (round(n * _DAYS[m.group(2)], 1),)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _sentences(text: str) -> list[str]:
    from evidencebot.compose.tender import _split_sentences

    out = []
    for para in re.split(r"\n\s*\n", text or ""):
        para = para.strip()
        if not para or para.startswith("#"):
            continue
        out.extend(_split_sentences(para))
    return out


def statements(answers: list[tuple[str, str]], facts: list[Fact] | None = None) -> dict[str, list[Statement]]:
    """Every statement of every fact in the answers ((ref, text) pairs)."""
    facts = load_facts() if facts is None else facts
    found: dict[str, list[Statement]] = {}
    for ref, text in answers:
        for sentence in _sentences(text):
            for fact in facts:
                if fact.needs and fact.needs.lower() not in sentence.lower():
                    continue
                for pat in fact.patterns:
                    for m in pat.finditer(sentence):
                        key = normalise(m.group("v"))
                        if key is None:
                            continue
                        found.setdefault(fact.name, []).append(Statement(ref, m.group("v"), sentence, key))
    return found


def check_answers(answers: list[tuple[str, str]], *, db=None, facts: list[Fact] | None = None) -> list[Contradiction]:
    """Contradictions across (and within) the answers of one tender, given as (ref, text) pairs."""
    facts = load_facts() if facts is None else facts
    labels = {f.name: f.label for f in facts}
    out: list[Contradiction] = []
    for name, said in statements(answers, facts).items():
        values = {s.key for s in said}
        if len(values) > 1:
            # one statement per distinct value, the first of each
            firsts: dict[tuple, Statement] = {}
            for s in said:
                firsts.setdefault(s.key, s)
            out.append(Contradiction("fact", labels[name], list(firsts.values())))
    if db is not None:
        from evidencebot.compose.tender import _contradicts, _open_actions

        actions = _open_actions(db)
        if actions:
            for ref, text in answers:
                for sentence in _sentences(text):
                    if _SAYS_OPEN.search(sentence):
                        continue  # the sentence itself says the action is still to be done
                    if _contradicts(sentence, actions):
                        out.append(Contradiction("open action", "see the incident log", [Statement(ref, "", sentence)]))
    return out
