"""Planning a tender answer: split the question into sub-points, map each to
evidence, and give each a word budget.

How a question is split (the first that applies):

1. Lettered or numbered items: "Your answer should cover: a) ... b) ..." or
   "(i) ... (ii) ...", inline or one per line; "1." / "2)" at the start of lines.
2. Bullet lists: lines starting with -, *, or a bullet sign.
3. Otherwise each sentence of the question is a sub-point.

In every case a sentence starting "Include ..." / "Please include ..." /
"Provide examples ..." that is not already an item becomes a sub-point of
its own. Word-limit and weighting notes ("Maximum 500 words", "(20%)") are
read, not answered. Text before the list (the stem) is kept as context: a
sub-point whose words match no topic borrows the stem's topics.

Weights come from the question where it gives them ("(20%)", "(5 marks)"),
otherwise every sub-point weighs 1. Budgets are shares of the word limit in
proportion to weight (largest remainders get the spare words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidencebot.errors import ConfigError, InputError

MIN_WORDS_PER_POINT = 25
"""Below this budget a sub-point cannot be answered in a sentence: it is squeezed."""


@dataclass
class Topic:
    name: str
    label: str
    terms: list[str]
    domains: list[str]
    indicators: list[str]
    stories: list[str]
    learning: list[str]
    system: bool
    leads: list[str]
    lead_when: list[list[re.Pattern]] = field(default_factory=list, repr=False)
    """For each lead, the terms that make it the preferred lead (empty: any sub-point)."""
    patterns: list[re.Pattern] = field(default_factory=list, repr=False)

    def hits(self, text: str) -> int:
        """How strongly ``text`` matches: the total length of the terms found,
        so a specific phrase ("outside your control") outweighs a common word."""
        return sum(len(m.group(0)) for p in self.patterns for m in p.finditer(text))


@dataclass
class SubPoint:
    key: str
    """'a', 'b', 'ii', '3', or 'p1', 'p2' for sentences and bullets."""
    text: str
    """The sub-point as the question words it."""
    label: str
    """A short heading made from the wording."""
    weight: float = 1.0
    topics: list[str] = field(default_factory=list)
    borrowed: bool = False
    """True when the topics came from the question's stem, not the point itself."""
    budget: int = 0
    direct: list[str] = field(default_factory=list)
    """Indicator ids the wording names directly (``indicator_terms``), best first."""

    @property
    def ref(self) -> str:
        return f"{self.key})" if not self.key.startswith("p") else f"point {self.key[1:]}"


@dataclass
class QuestionPlan:
    question: str
    stem: str
    points: list[SubPoint]
    word_limit: int
    stated_limit: int | None = None
    """A word limit written in the question itself, if any."""
    topics: dict[str, Topic] = field(default_factory=dict)

    def topic_list(self, point: SubPoint) -> list[Topic]:
        return [self.topics[t] for t in point.topics if t in self.topics]

    @property
    def squeezed(self) -> list[SubPoint]:
        return [p for p in self.points if p.budget < MIN_WORDS_PER_POINT]


# ---------------------------------------------------------------- vocabulary


def _term_pattern(term: str) -> re.Pattern:
    term = term.strip().lower()
    stem = term.endswith("*")
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\w-]*" if stem else r"(?:s|es)?"
    return re.compile(rf"(?<![\w&-]){body}{tail}(?![\w&])", re.I)


def load_topics() -> dict[str, Topic]:
    """Topics from ``phrasebank/question_terms.yaml`` (user copy first)."""
    from evidencebot.compose.filters import load_phrasebank

    data = load_phrasebank("question_terms.yaml")
    raw = data.get("topics")
    if not isinstance(raw, dict) or not raw:
        raise ConfigError("question_terms.yaml: 'topics' is missing or empty")
    topics: dict[str, Topic] = {}
    known = {"label", "terms", "domains", "indicators", "stories", "learning", "system", "lead", "leads"}
    for name, spec in raw.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"question_terms.yaml: topic {name} should be a mapping")
        unknown = set(spec) - known
        if unknown:
            raise ConfigError(f"question_terms.yaml: topic {name}: unknown keys {', '.join(sorted(unknown))}")
        if not spec.get("terms"):
            raise ConfigError(f"question_terms.yaml: topic {name} has no terms")
        terms = [str(t) for t in spec.get("terms") or []]
        leads = spec.get("leads") if spec.get("leads") is not None else spec.get("lead")
        if isinstance(leads, str):
            leads = [leads]
        if not isinstance(leads or [], list):
            raise ConfigError(f"question_terms.yaml: topic {name}: leads should be a list of sentences")
        lead_texts, lead_when = [], []
        for item in leads or []:
            if isinstance(item, dict):
                unknown = set(item) - {"text", "when"}
                if unknown or not item.get("text"):
                    raise ConfigError(f"question_terms.yaml: topic {name}: a lead needs 'text' (and optional 'when')")
                lead_texts.append(" ".join(str(item["text"]).split()))
                lead_when.append([_term_pattern(str(t)) for t in item.get("when") or []])
            elif str(item).strip():
                lead_texts.append(" ".join(str(item).split()))
                lead_when.append([])
        topics[name] = Topic(
            name=name,
            label=str(spec.get("label") or name.replace("_", " ").capitalize()),
            terms=terms,
            domains=[str(d) for d in spec.get("domains") or []],
            indicators=[str(i) for i in spec.get("indicators") or []],
            stories=[str(s) for s in spec.get("stories") or []],
            learning=[str(s) for s in spec.get("learning") or []],
            system=bool(spec.get("system")),
            leads=lead_texts,
            lead_when=lead_when,
            patterns=[_term_pattern(t) for t in terms],
        )
    return topics


def load_indicator_terms() -> dict[str, list[re.Pattern]]:
    """``indicator_terms`` from question_terms.yaml: indicator id -> patterns."""
    from evidencebot.compose.filters import load_phrasebank

    raw = load_phrasebank("question_terms.yaml").get("indicator_terms") or {}
    if not isinstance(raw, dict):
        raise ConfigError("question_terms.yaml: indicator_terms should map indicator ids to lists of words")
    return {str(k): [_term_pattern(str(t)) for t in (v or [])] for k, v in raw.items()}


def match_indicators(text: str, terms: dict[str, list[re.Pattern]]) -> list[str]:
    """Indicator ids named by ``text``, longest matching term first."""
    found = []
    for ident, patterns in terms.items():
        best = max((len(m.group(0)) for p in patterns for m in p.finditer(text)), default=0)
        if best:
            found.append((-best, ident))
    return [i for _, i in sorted(found)]


def fallback_topics() -> list[str]:
    from evidencebot.compose.filters import load_phrasebank

    return [str(t) for t in load_phrasebank("question_terms.yaml").get("fallback") or []]


def match_topics(text: str, topics: dict[str, Topic], limit: int = 3) -> list[str]:
    """Topic names whose terms occur in ``text``, most hits first (ties: file order)."""
    scored = []
    for order, (name, topic) in enumerate(topics.items()):
        n = topic.hits(text)
        if n:
            scored.append((-n, order, name))
    return [name for _, _, name in sorted(scored)[:limit]]


# ---------------------------------------------------------------- splitting

_LIMIT = re.compile(
    r"(?:(?:maximum|max\.?|up to|no more than|not (?:to )?exceed(?:ing)?|limit(?:ed)? (?:of|to)|word limit:?|word count:?)\s*(?:of\s*)?"
    r"(\d[\d,]*)\s*words?|(\d[\d,]*)\s*words?\s*(?:maximum|max\.?|limit))",
    re.I,
)
_BARE_LIMIT = re.compile(r"\(\s*(\d[\d,]*)\s*words?\s*\)", re.I)
_WEIGHT = re.compile(
    r"[\(\[]\s*(?:weighting:?\s*|weight:?\s*)?(\d+(?:\.\d+)?)\s*(%|marks?|points?)\s*[\)\]]", re.I
)
_INSTRUCTION = re.compile(
    r"^(?:\(?\s*)?(?:maximum|max\.?|word limit|word count|up to \d|no more than \d|\d[\d,]* words?|"
    r"weighting|this question (?:is|carries)|font|please note|page limit)\b",
    re.I,
)
_LETTER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[:;,]))\(?([a-h]|i{1,3}|iv|vi{0,3}|ix|x)\)\s+", re.I)
_NUMBERED_LINE = re.compile(r"^\s*\(?(\d{1,2})[.)]\s+(.+)$")
_BULLET_LINE = re.compile(r"^\s*[-*•·▪◦–]\s+(.+)$")
_INCLUDE = re.compile(
    r"^(?:please\s+)?(?:you\s+(?:should|must)\s+)?(?:also\s+)?"
    r"(?:include|including|provide examples?|give examples?|tell us about|evidence)\b",
    re.I,
)
_COVER_LEADIN = re.compile(
    r"(?:your (?:answer|response)s? (?:should|must|will need to)\s+(?:cover|address|include|set out|describe)"
    r"|(?:please )?(?:cover|address)(?: the following)?|in particular|the following)\s*:?\s*$",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[\"'(]?[A-Z0-9])")


def stated_word_limit(question: str) -> int | None:
    """A word limit written in the question ("Maximum 500 words"), if any."""
    m = _LIMIT.search(question) or _BARE_LIMIT.search(question)
    if not m:
        return None
    digits = next(g for g in m.groups() if g)
    return int(digits.replace(",", ""))


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    text = re.sub(r"\s+([.?!,;:])", r"\1", text)
    text = re.sub(r"([.?!])[.?!\s]*[.](?=\s|$)", r"\1", text)
    return text.strip(" ;,")


def _is_instruction(text: str) -> bool:
    t = _clean(text)
    if not t or not re.search(r"[^\W_]", t):
        return True
    if _INSTRUCTION.match(t):
        return True
    if _LIMIT.fullmatch(t.rstrip(".")) or _BARE_LIMIT.fullmatch(t.rstrip(".")):
        return True
    # only a weighting, e.g. "(20%)"
    return bool(_WEIGHT.fullmatch(t.rstrip(".")))


def _weight(text: str) -> tuple[str, float | None]:
    m = _WEIGHT.search(text)
    if not m:
        return text, None
    cleaned = _clean(text[: m.start()] + text[m.end():])
    return cleaned, float(m.group(1))


def _sentences(text: str) -> list[str]:
    return [s for s in (_clean(p) for p in _SENTENCE.split(_clean(text))) if s]


def _strip_limits(text: str) -> str:
    text = _LIMIT.sub("", text)
    text = _BARE_LIMIT.sub("", text)
    return text


def split_question(question: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a question into (stem, [(key, sub-point text), ...])."""
    original = (question or "").replace("\r\n", "\n").strip()
    if not original:
        raise InputError("the question is empty")
    lines = [ln for ln in original.split("\n")]

    items: list[tuple[str, str]] = []
    stem_parts: list[str] = []
    trailing: list[str] = []

    # 1. numbered lines or bullet lines
    list_lines = [
        (i, _NUMBERED_LINE.match(ln), _BULLET_LINE.match(ln)) for i, ln in enumerate(lines)
    ]
    has_lines = [x for x in list_lines if x[1] or x[2]]
    letter_hits = list(_LETTER.finditer(original))
    if len(letter_hits) >= 2 and _letters_in_order(letter_hits):
        stem_parts.append(original[: letter_hits[0].start()])
        for n, m in enumerate(letter_hits):
            end = letter_hits[n + 1].start() if n + 1 < len(letter_hits) else len(original)
            chunk = original[m.end():end]
            # the last item may be followed by more sentences or instructions
            if n + 1 == len(letter_hits):
                chunk, rest = _split_tail(chunk)
                trailing.append(rest)
            items.append((m.group(1).lower(), chunk))
    elif len(has_lines) >= 2:
        first = has_lines[0][0]
        stem_parts.append("\n".join(lines[:first]))
        counter = 0
        last_item_line = has_lines[-1][0]
        for i, numbered, bullet in list_lines[first:]:
            if numbered:
                items.append((numbered.group(1), numbered.group(2)))
            elif bullet:
                counter += 1
                items.append((f"p{len(items) + 1}", bullet.group(1)))
            elif i <= last_item_line and items and lines[i].strip():
                # a wrapped continuation line of the previous item
                key, text = items[-1]
                items[-1] = (key, text + " " + lines[i].strip())
            elif i > last_item_line:
                trailing.append(lines[i])
    else:
        stem_parts.append(original)

    stem = _clean(" ".join(stem_parts))
    stem_sentences = [s for s in _sentences(_strip_limits(stem)) if not _is_instruction(s)]
    trail_sentences = [s for s in _sentences(_strip_limits(" ".join(trailing))) if not _is_instruction(s)]

    if items:
        points = []
        for key, text in items:
            text = _clean(_strip_limits(text))
            if text and not _is_instruction(text):
                points.append((key, text))
        extra = [s for s in stem_sentences + trail_sentences
                 if _INCLUDE.match(s) and not _COVER_LEADIN.search(s) and not s.rstrip().endswith(":")]
        for s in extra:
            points.append((f"p{len(points) + 1}", s))
        context = " ".join(s for s in stem_sentences if s not in extra and not _COVER_LEADIN.search(s))
        if not points:
            points = [("p1", s) for s in stem_sentences] or [("p1", stem)]
        return context, _renumber(points)

    # 3. separate sentences
    sentences = stem_sentences + trail_sentences
    sentences = [s for s in sentences if not _COVER_LEADIN.search(s)] or sentences
    if not sentences:
        raise InputError("the question holds only instructions (a word limit or weighting), nothing to answer")
    points = [(f"p{i + 1}", s) for i, s in enumerate(sentences)]
    return " ".join(sentences), points


def _renumber(points: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Make keys unique: p-keys are numbered after the explicit items."""
    out, used, n = [], set(), 0
    for key, text in points:
        if key.startswith("p") or key in used:
            n += 1
            key = f"p{n}"
            while key in used:
                n += 1
                key = f"p{n}"
        used.add(key)
        out.append((key, text))
    return out


def _letters_in_order(hits) -> bool:
    keys = [h.group(1).lower() for h in hits]
    letters = "abcdefgh"
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    for seq in (letters, romans):
        try:
            idx = [list(seq).index(k) for k in keys]
        except ValueError:
            continue
        if idx[0] == 0 and all(b == a + 1 for a, b in zip(idx, idx[1:])):
            return True
    return False


def _split_tail(chunk: str) -> tuple[str, str]:
    """Split the last list item from sentences that follow it."""
    if "\n\n" in chunk:
        head, rest = chunk.split("\n\n", 1)
        return head, rest
    sentences = _SENTENCE.split(chunk.strip())
    if len(sentences) > 1:
        # keep the first sentence as the item; later instructions or "Include" lines trail
        return sentences[0], " ".join(sentences[1:])
    return chunk, ""


# ---------------------------------------------------------------- labels and budgets

_LEADING = re.compile(
    r"^(?:please\s+)?(?:(?:briefly|clearly)\s+)?(?:describe|explain|set out|outline|tell us|detail|"
    r"demonstrate|show|provide|give|evidence|include|including|confirm|state|summarise|summarize)"
    r"(?:\s+(?:us|details? of|examples? of|evidence of|an? overview of))?\s+",
    re.I,
)


def make_label(text: str, max_words: int = 8) -> str:
    """A short heading from a sub-point's wording."""
    t = re.sub(r"\s*\([^()]*\)", "", _clean(text)).rstrip(".?!:;")
    t = _LEADING.sub("", t)
    t = re.sub(r"^(?:how|what|why|where|when)\s+(?:do|will|would|can|does)\s+(?:you|your (?:service|organisation))\s+", "", t, flags=re.I)
    t = re.sub(r"^(?:how|what|why|where|when)\s+(?:you|your (?:service|organisation))\s+(?:will\s+|would\s+|can\s+)?", "", t, flags=re.I)
    t = t.rstrip(".?!:; ")
    words = t.split()
    if len(words) > max_words:
        words = words[:max_words]
        while words and words[-1].lower().strip(",;:") in {
            "and", "or", "of", "the", "a", "an", "to", "for", "with", "in", "on", "at", "by", "from",
            "your", "how", "that", "which", "what", "when", "will", "you", "is", "are", "be", "into",
        }:
            words.pop()
    label = " ".join(words).strip(" ,;:")
    return label[:1].upper() + label[1:] if label else _clean(text)[:40]


def allocate(weights: list[float], total: int) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder)."""
    if not weights:
        return []
    s = sum(weights)
    if s <= 0:
        weights, s = [1.0] * len(weights), float(len(weights))
    raw = [total * w / s for w in weights]
    base = [int(r) for r in raw]
    spare = total - sum(base)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:spare]:
        base[i] += 1
    return base


def plan_question(question: str, word_limit: int | None = None, *, topics: dict[str, Topic] | None = None) -> QuestionPlan:
    """Split, map and budget a tender question."""
    stated = stated_word_limit(question)
    limit = word_limit if word_limit is not None else stated
    if limit is None:
        raise InputError("no word limit: give one with --words (the question does not state one)")
    if limit <= 0:
        raise InputError(f"the word limit must be a positive number, not {limit}")
    topics = topics if topics is not None else load_topics()
    stem, items = split_question(question)
    stem_topics = match_topics(stem, topics) if stem else []
    fallback = [t for t in fallback_topics() if t in topics]
    indicator_terms = load_indicator_terms()
    points: list[SubPoint] = []
    weighed = [_weight(text) for _, text in items]
    given = [w for _, w in weighed if w]
    default_weight = sum(given) / len(given) if given else 1.0
    for (key, _), (cleaned, weight) in zip(items, weighed):
        found = match_topics(cleaned, topics)
        borrowed = False
        if not found:
            found = stem_topics[:2] or fallback[:2]
            borrowed = True
        points.append(
            SubPoint(key=key, text=cleaned, label=make_label(cleaned), weight=weight or default_weight,
                     topics=found, borrowed=borrowed, direct=match_indicators(cleaned, indicator_terms))
        )
    for p, budget in zip(points, allocate([p.weight for p in points], limit)):
        p.budget = budget
    return QuestionPlan(question=question.strip(), stem=stem, points=points, word_limit=limit,
                        stated_limit=stated, topics=topics)
