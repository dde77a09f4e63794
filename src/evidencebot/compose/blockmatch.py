"""Which method blocks answer a sub-point: matching by topic, not by a shared word.

The topic table (``corpus/library/topics.yaml``, a user copy in the config
dir first) lists for each topic its *cues* (words and phrases a buyer uses for
it), the blocks that answer it (best first) and the figures that can show the
method works. A sub-point's words are stemmed (:func:`tokens`) and compared
with every cue: a cue matches when all its words are in the sub-point, and a
cue of more words counts for more. A topic whose match is wholly explained by
a more specific cue of another topic is dropped: in "families in incident
reviews" the word 'families' was used by the incident-review topic, so the
carers topic does not match; in "consent to treatment" the word 'consent'
belongs to consent to treatment, not to consent to share.

Only blocks of the topics that remain may answer the sub-point, so a block is
never used because it shares a word with a sub-point about something else.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache

from evidencebot import locations
from evidencebot.compose import groups, nations, partner_kinds
from evidencebot.compose.filters import load_word_lists
from evidencebot.compose.library import stem
from evidencebot.compose.questions import gerund
from evidencebot.errors import ConfigError
from evidencebot.store.blocks import library_files

_WORD = re.compile(r"[a-z0-9&][a-z0-9&'/-]*")
# words that never decide what a sub-point is about
_NOISE = {
    "person", "staff", "provide", "ensure", "approach", "will", "using", "make", "sure", "also", "deliver", "delivery",
    "bidder", "bidders", "new", "you", "your", "our", "we", "they", "their", "them",
    "how", "what", "when", "who", "which", "why", "where", "whether", "describe", "explain", "set", "out",
    "please", "include", "including", "details", "detail", "evidence", "example", "examples", "outline",
    "demonstrate", "answer", "cover", "should", "would", "could", "can", "may", "must", "need", "needs", "any",
    "all", "each", "every", "other", "such", "this", "that", "these", "those", "the", "a", "an", "and", "or", "of",
    "to", "in", "on", "for", "with", "by", "from", "at", "as", "is", "are", "be", "been", "being", "it", "its",
    "into", "about", "after", "before", "during", "while", "within", "between", "over", "under", "up", "do",
    "does", "if", "not", "no", "than", "then", "there", "so", "more", "most", "some", "has", "have", "had",
    "i", "ii", "iii", "iv", "v", "vi", "b", "c", "d", "e", "own",
}


_JOINED = re.compile(r"\b(staff|agency)\s+(wellbeing|well-being|absence|absences|sickness|morale|staff|workers)\b")


_STEP = re.compile(r"\bstep(?:s|ped|ping)?(?:\s+(?P<what>[a-z]+(?:\s+[a-z]+)?))?[\s-]+(?P<dir>up|down)\b"
                   r"(?:\s+(?:and|or)\s+(?P<dir2>up|down)\b)?", re.I)


def normalise(text: str) -> str:
    """'stepping support up and down' -> 'step stepup step stepdown'; 'step-up', 'stepped down' -> 'step stepup',
    'step stepdown' (the direction is a word of its own: 'up' alone is noise to the matcher)."""
    def one(m: re.Match) -> str:
        words = [f"step step{m.group('dir').lower()}"]
        if m.group("dir2"):
            words.append(f"step step{m.group('dir2').lower()}")
        return " ".join(words)

    return _STEP.sub(one, text or "")


def tokens(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order (digits kept: '72 hours'), its paraphrases read in the
    library's words first (:func:`in_library_words`)."""
    return list(_tokens(text or ""))


@lru_cache(maxsize=1)
def _paraphrases() -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern of every wording in ``phrasebank/paraphrases.yaml`` (the longest first, whole phrases, any case,
    any white space between words) and, for each wording in lower case, the library's phrase it stands for."""
    data = load_word_lists("paraphrases.yaml").get("paraphrases") or {}
    said: dict[str, str] = {}
    for ours, spec in data.items():
        for wording in (spec or {}).get("say") or []:
            wording = " ".join(str(wording).lower().replace("’", "'").split())
            if wording:
                said.setdefault(wording, " ".join(str(ours).lower().split()))
    if not said:
        return None, {}
    alternatives = sorted(said, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in alternatives)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w'-])", re.I), said


def in_library_words(text: str) -> str:
    """``text`` with each buyer's wording the phrasebank lists (``paraphrases.yaml``) followed by the library's words for
    it: 'no break in support' -> 'no break in continuity of support', 'receiving support from the current service' ->
    '... currently supported' (s28 q11 (iii): the continuity block and the topic's cues said it in those words, and the
    part was left empty). The wording itself is kept: a block titled 'without a gap in support' still shares 'gap' with
    an ask about 'falling through the gaps'. Applied to every text the matcher compares (asks, headings, cues and
    blocks alike)."""
    pattern, said = _paraphrases()
    if pattern is None or not text:
        return text or ""

    def both(m: re.Match) -> str:
        ours = said.get(" ".join(m.group(0).lower().replace("’", "'").split()))
        return f"{m.group(0)} {ours}" if ours else m.group(0)

    return pattern.sub(both, text)


# A pure function of the text (constant tables and patterns), asked again and again for the same block titles,
# cues and sub-points while a tender is placed: tests/compose/test_answer_fit.py's part-coverage floor made
# 52,095 calls for far fewer texts (cProfile: 80 s of its 255 s under the profiler).
@lru_cache(maxsize=32768)
def _tokens(text: str) -> tuple[str, ...]:
    out = []
    # another nation's arrangement ('PVG scheme membership', 'the RQIA') is read with our library's word for it too
    text = in_library_words(nations.in_our_words(text))
    # 'GP practice' is a place, not practice: one word, so 'changed GP practice' is not 'changes in practice'
    text = re.sub(r"\bgp\s+practices?\b", "gppractice", (text or "").lower().replace("’", "'"))
    # 'step-up', 'stepping support up and down': one word per direction ('up' alone is noise, so 'step up'
    # was only 'step' and the step-down cue, one word longer, took 'stepping support up and down')
    text = normalise(text)
    # 'staff' is noise on its own ('how staff will...'), but 'staff wellbeing' is not people's wellbeing
    # and 'agency staff' is not 'multi-agency': such pairs are one word
    text = _JOINED.sub(lambda m: m.group(1) + m.group(2).replace("-", ""), text)
    for raw in _WORD.findall(text):
        w = raw.strip("'-/")
        if w.endswith("'s"):
            w = w[:-2]  # 'the ICB's target' names the ICB: the stem was "icb'", which no cue nor block holds
        if not w or w in _NOISE:
            continue
        if "-" in w and not w.replace("-", "").isalpha():
            w = w.replace("-", "")
        for part in (w.split("-") if "-" in w else [w]):
            if part and part not in _NOISE:
                # a house we run (a crisis or step-up house) is not housing (tenancies, homelessness): the rough stem
                # made both 'hous', so askfit read 'alcohol and drug use in the house' as a housing block (s22 q05)
                out.append("house" if part in ("house", "houses") else stem(part))
    return tuple(out)


@dataclass
class Topic:
    name: str
    cues: list[tuple[str, frozenset[str]]]
    blocks: list[str]
    indicators: list[str] = field(default_factory=list)
    learning: list[str] = field(default_factory=list)
    nouns: bool = False  # `nouns: true`: a one-word cue is not matched by a verb's past form ('recorded' for 'records')


@dataclass(frozen=True)
class TopicHit:
    """A topic the text is about: the longest cue matched and every cue word used. Frozen: :func:`topic_hits`
    hands the same cached hits to every caller."""

    topic: Topic
    weight: int
    cue: str
    used: frozenset[str]


def load_topics() -> list[Topic]:
    """The topic table (user copy first); read once per file version."""
    return locations.read_data_yaml("corpus", "library/topics.yaml", _build_topics) or []


def _build_topics(path, data: dict) -> list[Topic]:
    raw = data.get("topics")
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{path}: 'topics' is missing or empty")
    out = []
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not spec.get("cues") or not isinstance(spec.get("blocks", []), list):
            raise ConfigError(f"{path}: topic {name} needs 'cues' and a list of 'blocks'")
        cues = []
        for cue in spec["cues"]:
            toks = frozenset(tokens(str(cue)))
            if toks:
                cues.append((str(cue), toks))
        out.append(Topic(name=str(name), cues=cues, blocks=[str(b) for b in spec.get("blocks") or []],
                         indicators=[str(i) for i in spec.get("indicators") or []],
                         learning=[str(x) for x in spec.get("learning") or []], nouns=bool(spec.get("nouns"))))
    return out


_WHEN_WORDS = {"after", "before", "following", "during", "post", "pre", "since"}


def topic_hits(text: str, topics: list[Topic] | None = None) -> list[TopicHit]:
    """The topics ``text`` is about, most specific first (see the module's header)."""
    topics = topics if topics is not None else load_topics()
    known = _topic_index(topics)[2]
    if text not in known:
        if len(known) > 20_000:
            known.clear()
        known[text] = tuple(_topic_hits(text or "", topics))
    return list(known[text])


# a deadline names when, not what: 'reduce turnover ... by the end of Contract Year 2' is not about the end of the
# contract (the exit topic), nor 'targets for each group by the end of Contract Year 2' about social value's
# 'each contract year' (s13 q02, q08: exit and social value blocks under turnover and equality headings)
_DEADLINE = re.compile(r"\b(?:by|before|at|until|to|from|in|within|during)\s+(?:the\s+)?(?:end|start|close)\s+of\s+"
                       r"(?:the\s+)?(?:(?:first|second|third)\s+)?(?:contract\s+)?year\s*(?:\d+|one|two|three)\b", re.I)


_MONTH = "|".join(m for m in calendar.month_name if m)
# a calendar date ('30 June 2027', '1st April', 'July 2027'): when, never what about. Its words left the ask's own few
# ('on 30 June 2027' in s28 q11 (iii)) outnumbered by words no block uses, and 'June' stood among the heading's terms
_DATE = re.compile(rf"\b(?:(?:on|by|from|until|before|after)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})(?:\s+\d{{4}})?"
                   rf"|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|(?:{_MONTH})\s+\d{{4}})\b")


def without_dates(text: str) -> str:
    """``text`` without its calendar dates (:data:`_DATE`)."""
    return _DATE.sub(" ", text or "")


def without_deadlines(text: str) -> str:
    """``text`` without its deadlines ('by the end of Contract Year 2') and calendar dates ('on 30 June 2027'): they
    say when, never what about."""
    return without_dates(_DEADLINE.sub(" ", text or ""))


# a name of two or more capitalised words ('Alder Court', 'The Lantern Safe Haven', 'Recovery and Wellbeing Hubs',
# 'Ravensmoor Carers Hub'): the buyer's name for a place, team or service, not a word of what is asked. A cue of one
# common word is never matched inside one: 'Alder Court' is not the courts of the criminal justice topic (s22 q05),
# 'Safe Haven' not keeping people safe, 'Recovery College' not recovery outcomes (issue 12, s25). Acronyms ('CRHTT')
# are not name words: they are cues of their own.
_NAME_END = re.compile(r"\b([A-Z][\w'’-]*)\s+[A-Z][\w'’-]*\b(?!\s+[A-Z])")
_NAME_WORD = r"[A-Z][a-z][\w'’-]*"
_NAME = re.compile(rf"(?<![\w'’-]){_NAME_WORD}(?:\s+(?:(?:and|of|for|the|&)\s+)?{_NAME_WORD})+")
_GERUND_START = re.compile(r"^[A-Z][a-z]+ing$")


def unnamed(text: str) -> str:
    """``text`` with the words of its capitalised names blanked (:data:`_NAME`), for matching one-word cues; ``text``
    as it is when it is written in title case (no longer word in lower case: a heading, not names). A
    heading's first word is a name's only when the next is one too and it is not an '-ing' verb ('Supporting
    Ravensmoor residents' keeps 'supporting')."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text or "")
    if not any(w[:1].islower() and len(w) >= 4 for w in words):
        return text or ""  # 'Keeping People Safe From Harm': no lower-case word of four letters or more

    def blank(m: re.Match) -> str:
        name = m.group(0)
        first = name.split()[0]
        if m.start() == len(text) - len(text.lstrip()) and _GERUND_START.match(first):
            rest = name[len(first):]
            return first + (" " * len(rest) if len(rest.split()) >= 2 else rest)
        return " " * len(name)

    return _NAME.sub(blank, text or "")


@lru_cache(maxsize=4096)
def name_stems(text: str) -> frozenset[str]:
    """The stems ``text`` uses only inside its capitalised names (:func:`unnamed`): the words of a body, scheme, policy
    or place the buyer names ('Social' and 'Care' of 'the Northern Ireland Social Care Council'), not words the text
    also uses outside a name ('care' in 'care plans at the Social Care Council'). Empty for a title-case heading."""
    left = _NAME_ACRONYM.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), unnamed(text or ""))
    # a clinical team's name is the kind of service the part is about, not a body's label ('discharged from the IAMH
    # Crisis Resolution and Home Treatment Team' is about crisis and home treatment: s17's step-down part): its words stay
    kept = {t for m in _NAME.finditer(text or "") if partner_kinds.kind_of(m.group(0)) == "clinical"
            for t in tokens(m.group(0))}
    return frozenset(set(tokens(text or "")) - set(tokens(left)) - kept)


# a name's short form in brackets just after it ('the Northern Ireland Social Care Council (NISCC)'): the name's too
# (the nation rules read 'NISCC' as 'Social Work England', whose words would otherwise stay)
_NAME_ACRONYM = re.compile(r"(\s{3,})\(\s*[A-Z][A-Za-z]*[A-Z]\s*\)")


def without_names(words: set[str], text: str) -> set[str]:
    """``words`` (stems of ``text``) less those standing only inside its names (:func:`name_stems`), so that a block
    is never matched to a part by the words of a body's name (issue 12, s35: 'keep registration with the Northern
    Ireland Social Care Council' took the older adults' social care block); ``words`` as they are when nothing else
    is left (a part that only names something: the name is then what it is about)."""
    left = set(words) - name_stems(text)
    return left if left else set(words)


def _topic_hits(text: str, topics: list[Topic]) -> list[TopicHit]:
    text = without_deadlines(text)
    seq = tokens(text)
    have = set(seq)
    if not have:
        return []
    # a cue of one lower-case word is not matched by a word of a name ('The Lantern Safe Haven'); when the words
    # outside the names name no topic, the name is what the part is about ('Working with the Kestrel Vale Safeguarding
    # Adults Board'): then only a name's last word is left out ('Alder Court' is still not the courts)
    hits = _cue_hits(text, seq, have, set(tokens(unnamed(text))), topics)
    if not hits:
        hits = _cue_hits(text, seq, have, set(tokens(_NAME_END.sub(lambda m: m.group(1), text))), topics)
    hits.sort(key=lambda h: -h.weight)
    kept: list[TopicHit] = []
    claimed: set[str] = set()
    for h in hits:
        # a match wholly explained by a longer cue already kept is that cue's, not this topic's
        if any(k.weight > h.weight for k in kept) and h.used <= claimed:
            continue
        kept.append(h)
        claimed |= h.used
    return kept


def _cue_hits(text: str, seq, have: set[str], common: set[str], topics: list[Topic]) -> list[TopicHit]:
    """Every topic with a cue in ``text`` (one lower-case word counts only among ``common``)."""
    hits = []
    low = (text or "").lower()
    said = set(re.findall(r"[a-z]+", low))
    # the words not used as a verb right after a modal or a subject pronoun ('how you will record sexual
    # orientation ...' records nothing about records: s30 q05 took the subject access block)
    words = re.findall(r"[a-z]+", low)
    nounish = {w for i, w in enumerate(words) if not _after_verb_lead(words, i)}
    timed = _durations(tuple(seq)) & _CLOCK_WORDS
    for t in topics:
        best: tuple[int, str] | None = None
        used: set[str] = set()
        for cue, toks in t.cues:
            if timed and toks & timed and not _durations(tuple(tokens(cue))) & toks & timed:
                continue  # '72 hours' is how long, not 'out of hours' (s25 q04: follow-up after discharge took the
                # block on contacts made out of hours); a cue that is itself a duration ('72 hours') still matches
            # 'after', 'before', 'following' name when: 'support people after a crisis' is not 'support people in a
            # crisis' (the tokens drop them)
            if len(toks) == 1 and cue[:1].islower() and not toks <= common:
                continue
            if t.nouns and len(toks) == 1 and not _said_as_noun(next(iter(toks)), nounish):
                continue  # 'records' is not 'how concerns are ... recorded' (s29 q09: the subject access block stood
                # under safeguarding governance; the panel: text lifted from another topic)
            if toks <= have and _near(toks, seq) and _when_words(cue) <= said and _named_in(cue, text) \
                    and (not _generic_cue(cue, toks) or _phrase_in(cue, text)):
                used |= toks  # every matched cue's words are this topic's
                if best is None or len(toks) > best[0]:
                    best = (len(toks), cue)
        if best is not None:
            hits.append(TopicHit(t, best[0], best[1], frozenset(used)))
    return hits


_VERB_LEAD = frozenset("will shall would must should can could may might we you they i".split())
"""The words before a verb's base form: a modal or a subject pronoun (not 'to', which is as often a preposition:
'access to records')."""


def _after_verb_lead(words: list[str], i: int) -> bool:
    """``words[i]`` comes right after a modal or a subject pronoun, or after one and an adverb ('will sensitively
    record'): read as a verb. One look back per word (the text is read once, not once per word)."""
    if i and words[i - 1] in _VERB_LEAD:
        return True
    return i > 1 and words[i - 1].endswith("ly") and words[i - 2] in _VERB_LEAD


def _said_as_noun(tok: str, said: set[str]) -> bool:
    """Some word of the text reads as ``tok`` and is not a verb's past form ('recorded', 'escalated')."""
    return any(not w.endswith("ed") and _tokens(w) == (tok,) for w in said)


@lru_cache(maxsize=8192)
def _name_pattern(cue: str) -> re.Pattern | None:
    """A cue that is a name ('Children Act', 'Care Act', 'Mental Capacity Act': two or more words, each capitalised)
    as a phrase; None for any other cue."""
    words = cue.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", re.I)


def _named_in(cue: str, text: str) -> bool:
    """A name's words stand in the text as the name, in its order: 'identify and act on risks to children' holds the
    words of 'Children Act' and is not about it (s18 q06: the children's part got the Care Act referral block, and
    the children topic's Think Family block was never offered). Any other cue: True (its words may be apart)."""
    name = _name_pattern(cue)
    return name is None or bool(name.search(text or ""))


_CLOCK_WORDS = frozenset({"hour"})
"""Words that name a time of day as well as a length of time ('out of hours', 'within 72 hours'): after a number,
the length only. (Days, weeks and months after a number were left alone: 'Level 3 children', 'the first 28 days after
discharge' lost their topics.)"""


@lru_cache(maxsize=8192)
def _durations(seq: tuple[str, ...]) -> frozenset[str]:
    """The words of ``seq`` that stand only after a number ('hour' in 'within 72 hours'): a length of time there."""
    after = {w for i, w in enumerate(seq) if i and seq[i - 1][:1].isdigit()}
    return frozenset(w for w in after if all(i and seq[i - 1][:1].isdigit() for i, x in enumerate(seq) if x == w))


@lru_cache(maxsize=8192)
def _generic_cue(cue: str, toks: frozenset[str]) -> bool:
    """A cue of two or more words whose words, once the noise is gone, are all generic ('own their plan' -> plan,
    'each locality', 'levels of support'): said as a whole it names a topic, but its words alone are in every
    heading (s25 q06: 'a change in the person's plan' matched 'own their plan', and the plan-sharing block stood under
    'Making sure abnormal results lead to follow-up')."""
    return len(cue.split()) >= 2 and toks <= HEAD_GENERIC | _GENERIC_OBJECTS


_GENERIC_OBJECTS = frozenset({"plan"})
"""Words a heading's object often is without saying what it is about ('the person's plan', 'a support plan')."""


def _phrase_in(cue: str, text: str) -> bool:
    """The cue's words stand in ``text`` as its phrase, in its order (each word in the singular or plural)."""
    words = [re.escape(w) + r"(?:s|es)?" for w in re.findall(r"[\w'’-]+", cue.lower())]
    return bool(re.search(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", (text or "").lower()))


@lru_cache(maxsize=8192)
def _when_words(cue: str) -> frozenset[str]:
    """The words of a cue that say when ('after', 'before', 'following' ...): read once per cue, not once per
    cue and text (7 million ``re.findall`` calls in the part-coverage floor test)."""
    return frozenset(re.findall(r"[a-z]+", cue.lower())) & _WHEN_WORDS


def _near(toks: frozenset[str], seq: list[str]) -> bool:
    """True when a cue's words stand close together in the text: within a window of the
    cue's length plus two content words ('families in serious incident reviews' holds
    'families ... reviews'; 'support people ... to use their crisis plans' does not hold
    'support plan')."""
    if len(toks) == 1:
        return True
    width = len(toks) + 2
    for start, word in enumerate(seq):
        if word in toks and toks <= set(seq[start:start + width]):
            return True
    return False


def block_topics(block, topics: list[Topic]) -> set[str]:
    """Topics a block answers: those that list it, and those with a cue in its title or tags."""
    placed, by_head, _ = _topic_index(topics)
    names = placed.get(block.block_id)
    if names:
        return set(names)  # a block the table places is placed by the table alone
    key = (block.title, tuple(block.tags))
    if key not in by_head:
        head = set(tokens(" ".join([block.title] + list(block.tags))))
        by_head[key] = frozenset(t.name for t in topics if any(len(toks) >= 1 and toks <= head for _, toks in t.cues))
    return set(by_head[key])


# The topic tables block_topics and topic_hits have read, newest first: (table, {block id: topics that list it},
# {(title, tags): topics with a cue in them}, {text: its topic hits}). Held by identity (the table itself is kept,
# so its id is never another's); load_topics returns the same table until its file changes. In the part-coverage
# floor test (tests/compose/test_answer_fit.py) block_topics was asked 160,973 times, each reading every topic's
# block list (cProfile: 25 s of its 255 s), and topic_hits 3,678 times, each comparing every cue.
_Index = tuple[dict[str, frozenset[str]], dict[tuple, frozenset[str]], dict[str, tuple[TopicHit, ...]]]
_TOPIC_INDEXES: list[tuple[list[Topic], _Index]] = []


def _topic_index(topics: list[Topic]) -> _Index:
    for held, known in _TOPIC_INDEXES:
        if held is topics:
            return known
    listing: dict[str, set[str]] = {}
    for t in topics:
        for b in t.blocks:
            listing.setdefault(b, set()).add(t.name)
    index: _Index = ({b: frozenset(names) for b, names in listing.items()}, {}, {})
    _TOPIC_INDEXES.insert(0, (topics, index))
    del _TOPIC_INDEXES[4:]
    return index


# where a sub-point turns from what it asks to the list of what that should cover, or of whom it is for
# (only 'covering' and 'in particular': after 'including' or 'such as' come examples that are often the ask itself:
# 'manage risks such as overdose, including naloxone' asks for the overdose blocks, not the general risk one;
# bench/part_coverage.py. 'accessible to the groups who use it least, in particular residents of ...' names whom,
# s25 q01)
_LIST_TAIL = re.compile(r"(?i),?\s+(?:covering|that\s+covers?|in\s+particular)\b")


def head_of(text: str) -> str:
    """What a sub-point asks, before the list of what that should cover or whom it is for (:data:`_LIST_TAIL`)."""
    return _LIST_TAIL.split(text or "", maxsplit=1)[0]


NAMED_TAG = 150
"""What a block gains when the part names, in capitals, a standard or scheme that is one of the block's own tags of two
or more words ('... paid at least the Real Living Wage': s25 q09, where the paid-peer-roles block's four-word cue
outranked the Real Living Wage block and the answer never said the buyer's minimum). A named thing the buyer asks
for is the part's point, whatever else its words share."""


def named_in(block, text: str) -> bool:
    """``text`` names one of ``block``'s tags of two or more words written as a name (each word capitalised there)."""
    for tag in getattr(block, "tags", ()) or ():
        words = str(tag).split()
        if len(words) < 2:
            continue
        m = _phrase_pattern(tuple(w.lower() for w in words)).search(text)
        if m and all(w[:1].isupper() for w in m.group(0).split()):
            return True
    return False


@lru_cache(maxsize=1024)
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern:
    """The words as a whole phrase, in any case, any white space between them."""
    return re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w-])", re.I)


def candidates(text: str, blocks: list, *, context: str = "", topics: list[Topic] | None = None) -> list[tuple[float, object]]:
    """Blocks that may answer ``text``, best first, each with a score.

    Only blocks of the topics ``text`` matches qualify. Within them: the more
    specific the topic's cue, the earlier the block in the topic's list, the
    more words shared with the text, and a topic shared with ``context`` (the
    question's stem) rank higher. Empty when ``text`` matches no topic.
    """
    topics = load_topics() if topics is None else topics
    hits = topic_hits(text, topics)
    if not hits:
        return []
    # a block written for a group of people is another kind of bid's where neither the text nor its question names
    # that group: the garrison welfare block under 'support for carers and families', a veterans' workforce block under
    # care leavers (s27 panel: "lifted from other bids"; :func:`groups.out_of_place`)
    asked = f"{text} {context}"
    blocks = [b for b in blocks if groups.out_of_place(b, asked) is None]
    context_topics = {h.topic.name for h in topic_hits(context, topics)} if context else set()
    # what the sub-point asks stands before the list of what it should cover ('carry out a holistic assessment
    # covering mental health, physical health, substance use ...', s23 q02, spent): a topic its head names ranks as
    # one cue word stronger than a topic named only in that list (the physical health block took the assessment part)
    head = head_of(text)
    head_topics = {h.topic.name for h in topic_hits(head, topics)} if head != text else set()
    by_id = {b.block_id: b for b in blocks}
    want = set(tokens(text))
    scored: dict[str, float] = {}
    named: dict[str, bool] = {}  # a standard the text names, one of the block's tags: the same for every topic hit
    for rank, h in enumerate(hits):
        listed = [b for b in h.topic.blocks if b in by_id]
        extra = [b.block_id for b in blocks if b.block_id not in listed and h.topic.name in block_topics(b, topics)]
        for pos, bid in enumerate(listed + extra):
            b = by_id[bid]
            shared = len(want & set(tokens(" ".join([b.title] + list(b.tags)))))
            # the first block of every matched topic before the second of any
            score = h.weight * 100 - min(rank, 5) * 5 - pos * 30 + shared * 4
            if h.topic.name in context_topics:
                score += 6
            if h.topic.name in head_topics:
                score += 100
            if bid not in named:
                named[bid] = named_in(b, text)
            if named[bid]:
                score += NAMED_TAG
            if bid not in scored or score > scored[bid]:
                scored[bid] = score
    return sorted(((s, by_id[b]) for b, s in scored.items()), key=lambda x: (-x[0], x[1].block_id))


def indicators_for(text: str, topics: list[Topic] | None = None) -> list[str]:
    """The figures that fit ``text``: those of its main topic and of any topic it names with a cue
    of two or more words, most specific first (a one-word side match proves nothing for the part)."""
    out: list[str] = []
    for n, h in enumerate(topic_hits(text, topics)):
        if n and h.weight < 2:
            continue
        for i in h.topic.indicators:
            if i not in out:
                out.append(i)
    return out


def learning_for(text: str, topics: list[Topic] | None = None) -> list[str]:
    out: list[str] = []
    for h in topic_hits(text, topics):
        for x in h.topic.learning:
            if x not in out:
                out.append(x)
    return out


# ---------------------------------------------------------------- does this block answer this heading

_AMBIGUOUS = {
    # an acronym that means different things in different questions: read in the question's context
    "SAR": [(re.compile(r"safeguard|abuse|neglect|adults at risk|domestic", re.I), "Safeguarding Adults Review"),
            (re.compile(r"information governance|data|records|GDPR|privacy|confidential", re.I), "subject access request")],
    "DHR": [(re.compile(r".", re.S), "Domestic Homicide Review")],
}


def expand_acronyms(text: str, context: str = "") -> str:
    """``text`` with each ambiguous acronym written out as the question means it: 'SAR' is a
    Safeguarding Adults Review in a safeguarding question and a subject access request in an
    information governance one (the sub-point's own words first, then the question's)."""
    # the meaning depends only on the acronym (not on where it stands), so each is read once: reading
    # the whole text again for every occurrence made a long text quadratic
    meanings: dict[str, str | None] = {}

    def meaning_of(acronym: str) -> str | None:
        if acronym not in meanings:
            meanings[acronym] = None
            for where in (text, context):
                bare = re.sub(rf"\b{acronym}s?\b", " ", where or "")
                found = next((meaning for cue, meaning in _AMBIGUOUS[acronym] if cue.search(bare)), None)
                if found is not None:
                    meanings[acronym] = found
                    break
        return meanings[acronym]

    def spell(m: re.Match) -> str:
        meaning = meaning_of(m.group(1))
        return m.group(0) if meaning is None else meaning + (m.group(2) or "")

    return re.sub(r"\b(" + "|".join(_AMBIGUOUS) + r")(s)?\b", spell, text or "")


_HEAD_GENERIC_WORDS = """make making sure ensure ensuring manage managing provide providing deliver delivering work working
    use using way ways approach arrangements arrangement create creating carry carrying undertake take taking put place do
    how what who when where which staff people person service services support supporting current key first each own
    local new proposed overall specific clear one expect describe explain set give include detail details level levels
    process frequency format type types number numbers kind nature scope range role roles against model""".split()
METHOD_VERBS = {
    # a heading that starts with one of these asks for that kind of method whatever its object: 'Learning
    # from Safeguarding Adults Reviews' is answered by how we learn, not by the law on reviews
    "learn": "learn learning lessons", "train": "train training trained", "recruit": "recruit recruitment recruiting",
    "retain": "retain retention retaining", "supervise": "supervise supervision", "evaluate": "evaluate evaluation",
    "reward": "reward pay paid payment payments", "recognise": "recognise pay paid payment payments thank",
    "communicate": "communicate communication tell tells told inform informed message contact",
    "prioritise": "prioritise priority highest", "involve": "involve involvement involving involved",
    "test": "test testing tested exercise", "pay": "pay paid payment",
}
# 'Making the Service accessible to ...', 'Making the Hub welcoming for ...': a named place or service made so for
# someone (not 'Making a referral to ...')
_MAKE_FOR = re.compile(r"^\s*[Mm]aking\s+(?:(?:the|our|your)\s+)?(?:[A-Z][\w'-]*\s+)+[a-z][\w-]*\s+(?:to|for)\s+(?=\w)")
_HEAD_SPLIT = re.compile(r"\s(?:from|of|to|in|for|with|within|after|before|during|by|at|on|about|across|through|"
                         r"between|including|when|where|if|so|according|that|who|which)\b|[,;:(]", re.I)


def _stems(words) -> set[str]:
    return {stem(w) for w in words}


HEAD_GENERIC = _stems(_HEAD_GENERIC_WORDS) | set(_NOISE)
"""Words that never say what a heading is about ('approach', 'people', 'service', 'support')."""


_VERB_WORDS = """recognise record report identify respond follow maintain comply communicate achieve tell establish avoid
    keep measure share ensure develop reduce improve monitor review assess prevent protect act handle become choose
    implement meet engage embed escalate involve learn train recruit retain supervise evaluate reward pay test
    prioritise transfer mobilise mitigate submit return delete introduce evaluate happen happens go get mean look
    need want know see contribute evidence""".split()


def _nouns(text: str, generic: set[str]) -> set[str]:
    """The content stems of ``text`` that are not verbs (the verbs of a heading say what is done, not what about)."""
    kept = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if not _is_verb_form(w)]
    return {t for t in tokens(" ".join(kept)) if t not in generic and not t.endswith("ing")}


# two or more capitalised words in a row, not at the heading's start (a name: 'The Lantern', 'Linden House')
_NAME_RUN = re.compile(r"(?<=\S)(\s+)(?:[A-Z][\w'’-]*)(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*)+")
_WITH_PARTNERS = re.compile(r"^\s*[A-Za-z]+ing\s+(?:jointly\s+|together\s+)?with\s", re.I)


def head_terms(heading: str, *, strict: bool = True) -> set[str]:
    """What a heading is about, as the stems a block must use (any one of them): for a heading that
    starts with a method verb ('Learning from ...', 'Recognising and rewarding ...') that verb and
    its near words; otherwise the content words of its first phrase that says something
    ('Frequency and format of clinical supervision' -> supervision; 'Feedback from carers' ->
    feedback); empty when nothing does."""
    generic = set(HEAD_GENERIC)
    verbs = {stem(v): v for v in METHOD_VERBS}
    heading = without_dates((heading or "").replace("/", " "))  # 'clinical/professional supervision'; 'on 30 June 2027'
    if _WITH_PARTNERS.match(heading) and len(_NAME_RUN.findall(heading)) >= 2:
        # 'Working with The Lantern, Linden House and First Response' (s23 dev): a list of partners' names, which no
        # block uses, says nothing of which block fits; what the part asks is left to its topics (one name, 'Working
        # with the Thornbury and Wendle Lived Experience Network', s17 q10, still says what the part is about)
        heading = _NAME_RUN.sub(",", heading)
    lead = re.findall(r"[A-Za-z][A-Za-z'-]*", heading)
    run = []
    for w in lead:
        if w.lower() in ("and", "or"):
            continue
        if not w.lower().endswith("ing"):
            break
        run.append(w)
    method = [verbs[t] for w in run for t in tokens(w) if t in verbs]
    if set(method) == {"recognise"} and not re.search(
            r"\b(?:staff|colleagues|volunteers?|workers?|contributions?|achievements?|involvement|time|experts?|peers?)\b",
            heading, re.I):
        method = []  # 'Recognising and responding to self-harm' is about self-harm, not about thanking anyone
    clause = re.match(r"^\s*(?:[A-Za-z'-]+ing\s+(?:and\s+|or\s+)?)+(?=(?:that|whether|how|if)\s)", heading, re.I)
    if clause:
        # 'Checking that safeguarding practice is working' is about safeguarding practice (s18 q06: the data quality
        # check block came first, 'checks' in its title)
        method, heading = [], heading[clause.end():]
    sure = re.match(r"^\s*(?:making\s+sure|ensuring)\s+(?:that\s+)?(?=\S)", heading, re.I)
    if sure:
        # 'Making sure people on your caseload with a severe mental illness receive all six elements of their annual
        # physical health check': about what they receive, not only its first noun (s21 q06.1 read 'caseload' and took
        # the staffing block, leaving the SMI health check blocks out: 159 of its 500 words used)
        found = _nouns(re.split(r"[,;:]", heading[sure.end():])[0], generic)
        if found:
            return found
    if method:
        return {t for v in method for t in tokens(METHOD_VERBS[v])}

    def nouns(text: str) -> set[str]:
        # the verbs of a heading ('How staff will recognise, record and report ...') say what is done, not
        # what about; their nouns ('Recruitment', 'records') do
        kept = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if not _is_verb_form(w)]
        return {t for t in tokens(" ".join(kept)) if t not in generic and not t.endswith("ing")}

    if not strict:  # every content word of the heading ('Who ... is accountable for information governance')
        # but the words of a name it holds ('Keeping registration with the Northern Ireland Social Care Council')
        return without_names(nouns(heading), heading)
    made = _MAKE_FOR.match(heading)
    if made:
        # 'Making the Service accessible to groups who are under-represented ...' (s22 q01 (c)): what the service is
        # made ('accessible') and for whom ('groups') both say what the part is about; the first phrase alone kept
        # the easy-read and adjustments blocks and dropped targeted outreach to the groups
        whom = _HEAD_SPLIT.split(heading[made.end():])[0]
        found = nouns(heading[:made.end()]) | nouns(whom)
        if found:
            return found
    for seg in _HEAD_SPLIT.split(heading):
        found = nouns(seg)
        if found:
            return found
    return set()


def _is_verb_form(word: str) -> bool:
    w = word.lower()
    # the base form, the past participle ('be trained') and the gerund ('Monitoring of side-effects' is
    # about the side-effects); '-s' is left alone ('measures' is a noun)
    return any(w in (v, v + "d", v + "ed") for v in _VERB_WORDS) or (w.endswith("ing") and _gerund_of_verb(w))


def _gerund_of_verb(word: str) -> bool:
    return any(gerund(v) == word for v in _VERB_WORDS)


def in_question_topic(block, focus: set[str], topics: list[Topic]) -> bool:
    """True when the block belongs to a topic the whole question is about: the topic table places
    it there, or its title or tags hold one of that topic's cues ('Business continuity: losing a base'
    in a business continuity question)."""
    if block_topics(block, topics) & focus:
        return True
    head = set(tokens(" ".join([block.title] + list(block.tags))))
    return any(toks <= head for t in topics if t.name in focus for _, toks in t.cues)


def fits_heading(heading: str, block, *, strict: bool = True) -> bool:
    """True when the block speaks of what the heading is about (:func:`head_terms`; not ``strict``:
    of anything the heading names, used when no candidate speaks of its first phrase; a method verb
    is required either way)."""
    head = head_terms(heading, strict=strict)
    if not head:
        return True
    return bool(head & set(tokens(" ".join([block.title, " ".join(block.tags), block.body]))))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9{])")


def subject_fits(heading: str, block) -> bool:
    """True when the block's own subject (its title, tags and first sentence) speaks of what the heading is about
    (:func:`head_terms`), not only a later sentence of its body: 'Carrying out a strengths-based assessment' is met
    by an assessment block, not by a block on partners' risk information whose body says 'risk assessment' in
    passing (s24 q02 (a), spent). True when the heading names nothing a block could use."""
    head = head_terms(heading)
    if not head:
        return True
    first = _SENTENCE_END.split((block.body or "").strip(), maxsplit=1)[0]
    return bool(head & set(tokens(" ".join([block.title, " ".join(block.tags), first]))))


def title_subject(block) -> set[str]:
    """What a block's title is about: the stems of its nouns ('How referrals to and from partners are made' -> referral,
    partner; 'Involving families and carers' -> famili, carer; 'Medication concerns' -> medic, concern), not its verbs
    nor the words no heading is about (:data:`HEAD_GENERIC`)."""
    return _nouns((block.title or "").replace("/", " "), HEAD_GENERIC)


def own_subject(ask: str, block) -> bool:
    """True when the block's own subject (:func:`title_subject`, or a tag) shares a word with what ``ask`` names, or its
    title names no subject: 'Involving families and carers' is not about 'Involving people who use the service', nor
    'Medication concerns' about 'Helping people improve their physical health day to day' (issue 12, s25: a part
    whose first block another part took drifted to a block sharing only the topic). A test for a block a part takes
    second (its first taken by another part) or as padding, never for the block that answers it best."""
    subject = title_subject(block)
    # its tags name the same subject in other words ('payment' for 'Paying people for their involvement', 'IPS' for
    # employment support): a tag the ask uses keeps it too
    tagged = set(tokens(" ".join(getattr(block, "tags", []) or []))) - HEAD_GENERIC
    return not subject or bool((subject | tagged) & set(tokens(ask)))


_BEFORE_AFTER = re.compile(r"\b(before|after)\s+(?:(?:a|an|the|their|his|her|each)\s+)?([a-z]+)", re.I)


def when_clash(ask: str, block) -> bool:
    """True when the ask names one side of an event and the block's title the other side of the same event: 'after
    discharge' is not met by 'Handover before discharge' (s24 q04, spent: the handover block stood under the part on
    the days after); 'a house we run after a hospital stay' says nothing of 'before the person leaves'."""
    def sides(text: str) -> set[tuple[str, str]]:
        return {(w.lower(), stem(e.lower())) for w, e in _BEFORE_AFTER.findall(text or "")}

    asked, titled = sides(ask), sides(block.title)
    return bool(asked and titled) and not asked & titled and bool({e for _, e in asked} & {e for _, e in titled})


def library_words() -> set[str]:
    """Every word (stem) the shipped blocks use, in title, tags or text."""
    def build(_path, data: dict) -> set[str]:
        out: set[str] = set()
        for b in data.get("blocks") or []:
            out |= set(tokens(" ".join([str(b.get("title", "")), " ".join(b.get("tags") or []),
                                        str(b.get("body", ""))])))
        return out

    out: set[str] = set()
    for name in library_files():  # blocks.yaml, blocks_more.yaml, ...
        out |= locations.read_data_yaml("corpus", f"library/{name}", build) or set()
    return out
