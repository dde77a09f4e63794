"""What the user wants: a typed message becomes an :class:`Intent`.

Three readers, one result:

* **Slash commands** (``/indicators 2025/26 Q3 safety``) are exact and always
  available.
* **spaCy matchers** (:class:`IntentMatcher`): a ``Matcher`` of lemma patterns
  for the kind of request ("find ... stories", "how are we doing") and a
  ``PhraseMatcher`` on lower-case text for indicator and topic terms from the
  phrasebank (``indicator_terms.yaml``, ``question_terms.yaml``). Used once
  the language model has loaded.
* **Regular expressions** (:func:`classify_regex`): the same decisions from
  word patterns, used while the model is still loading (or if it fails).

The slots (period, domains, indicators, word limit, the text to check, the
question to answer) are read by the same code whichever reader chose the
intent, so both paths agree on the details. Requests that carry text or a
story id of their own (check, draft; submit, approve, withdraw consent, the
audit log) are read by regular expressions first, whichever reader is active.

Nothing here touches the database or the UI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from evidencebot.compose.questions import load_topics, match_topics
from evidencebot.evidence.extract import indicator_terms
from evidencebot.mentions import find_period
from evidencebot.metrics.catalogue import load_catalogue
from evidencebot.text import PatternTable

INTENTS = (
    "help", "summary", "indicators", "stories", "draft", "check", "review",
    "new_story", "export", "evidence", "editor", "clear", "unknown", "empty",
    "submit_story", "approve_story", "withdraw_consent", "audit",
    "consent", "undo", "confirm", "board", "open_file", "use_story", "tender",
)
DOMAINS = ("safety", "stability", "experience")
EXPORT_FORMATS = {"word": "docx", "docx": "docx", "html": "html", "web": "html",
                  "markdown": "md", "md": "md"}

# --------------------------------------------------------------------- result


@dataclass
class Intent:
    """A recognised request, with everything read from the message."""

    name: str
    text: str
    source: str = "regex"
    """``slash``, ``spacy`` or ``regex``: which reader decided."""
    period: str | None = None
    """The period as written ("this quarter", "2025/26 Q3"), not yet resolved."""
    domains: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    """Indicator ids named directly (phrasebank terms or the catalogue id)."""
    topics: list[str] = field(default_factory=list)
    """Question-vocabulary topics found (``crisis``, ``step_down`` ...)."""
    query: str = ""
    """Story search words."""
    consent: str | None = None
    status: str | None = None
    question: str = ""
    word_limit: int | None = None
    body: str = ""
    """The text to check."""
    format: str | None = None
    argument: str = ""
    """Anything else a slash command was given."""
    confirmed: bool = False
    """A change to consent or approval, confirmed (``/approve ID confirm``, or "yes" to the question)."""


# --------------------------------------------------------------------- periods

# A period asked for ("indicators for 2025/26 Q3", "last 6 months"): evidencebot.mentions.find_period.

# --------------------------------------------------------------------- words

_P = PatternTable(yaml.safe_load(Path(__file__).with_name("intent_patterns.yaml").read_text(encoding="utf-8")))
"""The regular expressions that read a message, by what they read (``_P.check``, ``_P.draft`` ...):
``assistant/intent_patterns.yaml``."""
_POLITE = _P.parts["POLITE"]


# Plain words that name indicators, beyond the phrasebank's indicator terms.
INDICATOR_ALIASES: dict[str, tuple[str, ...]] = {
    r"follow[\s-]?ups?(?:\s+after\s+discharge)?|followed\s+up": ("followup_48h", "followup_72h"),
    r"re-?admissions?|re-?admitted": ("readmission_30d",),
    r"dnas?|did\s+not\s+attend|missed\s+(?:appointments|contacts)": ("dna_rate",),
    r"step[\s-]?ups?": ("step_up_rate", "review_72h"),
    r"goal\s+attainment|gas(?:\s+t-?score)?": ("gas_t", "goals_met"),
    r"reliable\s+(?:improvement|change)": ("reliable_improvement",),
    r"housing\s+(?:confirmed|at\s+discharge)": ("housing_confirmed",),
    r"handovers?": ("handover_complete",),
    r"crisis\s+plans?": ("crisis_plan_current",),
    r"safeguarding": ("safeguarding_timely",),
    r"disengage(?:ment|d)": ("disengagement",),
    r"partner\s+comm(?:unication)?s?": ("partner_comms_timely",),
    r"incident\s+actions?": ("actions_closed_on_time",),
    r"escalation[\s-]+to[\s-]+review|review\s+times?": ("escalation_review_hours",),
}
_ALIAS_RES = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), ids) for p, ids in INDICATOR_ALIASES.items()]


# --------------------------------------------------------------------- vocabulary


# A broken phrasebank or catalogue raises ConfigError (naming the file) to the conversation, which answers
# with it; nothing is cached until the files load, so a fix takes effect with the next message.


@lru_cache(maxsize=1)
def _topics():
    return load_topics()


def _indicator_term_patterns():
    return indicator_terms()


@lru_cache(maxsize=1)
def _catalogue_ids() -> tuple[str, ...]:
    return tuple(load_catalogue())


def _ordered(items) -> list[str]:
    return list(dict.fromkeys(items))


def vocabulary_hits(text: str) -> tuple[list[str], list[str]]:
    """Indicator ids and topic names named in ``text`` (regular expressions)."""
    ids: list[str] = []
    for pattern, ident, _term in _indicator_term_patterns():
        if pattern.search(text):
            ids.append(ident)
    for pattern, alias_ids in _ALIAS_RES:
        if pattern.search(text):
            ids.extend(alias_ids)
    for ident in _catalogue_ids():
        if re.search(rf"(?<![\w.]){re.escape(ident)}(?![\w])", text):
            ids.append(ident)
    topics = []
    table = _topics()
    if table:
        topics = match_topics(text, table, limit=3)
    return _ordered(ids), topics


# --------------------------------------------------------------------- slots


def read_word_limit(text: str) -> tuple[str, int | None]:
    """Take a trailing "in 500 words" off ``text``; return (rest, limit)."""
    m = _P.word_limit.search(text)
    if m:
        return text[: m.start()].rstrip(" ,;:-("), int(m.group("n").replace(",", ""))
    return text, None


def _fill_common(intent: Intent, text: str) -> Intent:
    period, _span = find_period(text)
    intent.period = period
    intent.domains = _ordered(d.lower() for d in _P.domain.findall(text))
    return intent


def _fill_stories(intent: Intent, text: str) -> Intent:
    _fill_common(intent, text)
    low = text.lower()
    if re.search(r"\b(?:with\s+(?:external\s+)?consent|consented|external)\b", low):
        intent.consent = "external"
    if re.search(r"\bapproved\b", low):
        intent.status = "approved"
    m = _P.story_query.search(text)
    query = m.group("q") if m else ""
    _period, span = find_period(text)
    if span:  # the words as typed: find_period may have written them out ("Jul-Sep 2026")
        query = query.replace(text[span[0]:span[1]], " ")
    query = _P.query_noise.sub(" ", query)
    query = re.sub(r"\bconsent\b", " ", query, flags=re.I)
    query = re.sub(r"[?!.]+\s*$", "", query)
    query = " ".join(query.split())
    lead = re.compile(r"^(?:about|on|mentioning|with|involving|regarding|for|of|that|and)\s+", re.I)
    while lead.match(query):
        query = lead.sub("", query, count=1)
    if span:  # the word that led to the period ("housing from Jul-Sep 2026")
        query = re.sub(r"\s+(?:from|in|for|during|over|between|since)$", "", query, flags=re.I)
    intent.query = query
    return intent


def _fill_indicators(intent: Intent, text: str, ids=None, topics=None) -> Intent:
    _fill_common(intent, text)
    if ids is None or topics is None:
        found_ids, found_topics = vocabulary_hits(text)
        ids = found_ids if ids is None else ids
        topics = found_topics if topics is None else topics
    intent.indicators = list(ids)
    intent.topics = list(topics)
    return intent


def _fill_export(intent: Intent, text: str) -> Intent:
    m = _P.format.search(text)
    intent.format = EXPORT_FORMATS[m.group(1).lower()] if m else None
    if intent.format in (None, "docx") and re.search(r"\bcomments?\b", text, re.I):
        intent.format = "comments"  # a draft opened from Word, back to Word with its findings as comments
    return intent


def _board_intent(text: str) -> Intent | None:
    """A summary for the board: read first, whichever reader is active ("summary" alone means the database)."""
    if _P.board.search(text):
        return _fill_common(Intent("board", text), text)
    return None


def _body_intent(text: str) -> Intent | None:
    """Check and draft requests carry text of their own: read them first."""
    m = _P.open_file.match(text)
    if m:
        return Intent("open_file", text, argument=m.group("path"))
    m = _P.check.match(text)
    if m and not _P.review.match(text.split(":", 1)[0]):
        return Intent("check", text, body=m.group("body").strip())
    if _P.check_draft.match(text):
        return Intent("check", text, body="")
    m = _P.draft.match(text) or _P.draft_loose.match(text)
    if m and not _P.review.search(text.split(":", 1)[0]):
        question, limit = read_word_limit(m.group("q").strip())
        return Intent("draft", text, question=question.strip().strip('"“”'), word_limit=limit)
    return None


# --------------------------------------------------------------------- governance

_STORY_ID = _P.parts["STORY_ID"]
"""A story id: a letter first and a digit somewhere (``S0001``, ``T01``, ``S-001``, ``st13-tenancy-winter``)."""


def _tender_intent(text: str) -> Intent | None:
    """A tender request in plain English, read as ``/tender ...`` reads it (``argument``: 'import FILE', 'status',
    'draft REF', 'draft all', 'export FILE')."""
    m = _P.tender_import.match(text)
    if m:
        return Intent("tender", text, argument=f"import {m.group('path')}")
    if _P.tender_status.match(text):
        return Intent("tender", text, argument="status")
    m = _P.tender_draft.match(text)
    if m:
        return Intent("tender", text, argument=f"draft {m.group('ref') or 'all'}")
    if _P.tender_keep.match(text):
        return Intent("tender", text, argument="keep")
    m = _P.tender_export.match(text)
    if m:
        return Intent("tender", text, argument=f"export {m.group('path') or ''}".strip())
    return None


def _governance_intent(text: str) -> Intent | None:
    """Requests about a story's approval and consent, and the audit log, name a
    story: read them first, by one set of patterns whichever reader is active."""
    if _P.confirm.match(text):
        return Intent("confirm", text)
    if _P.undo.match(text):
        return Intent("undo", text)
    m = re.match(rf"^\s*{_POLITE}use\s+(?:the\s+)?story\s+{_STORY_ID}(?:\s+in\s+(?:the|my)\s+(?:draft|answer))?\s*[.!]*\s*$",
                 text, re.I)
    if m:
        return Intent("use_story", text, argument=m.group("id"))
    m = _P.consent.match(text)
    if m:
        return Intent("consent", text, argument=m.group("id"), consent=m.group("consent").lower())
    m = _P.submit.match(text)
    if m:
        return Intent("submit_story", text, argument=m.group("id"))
    m = _P.approve.match(text)
    if m:
        return Intent("approve_story", text, argument=m.group("id"))
    m = _P.withdraw.match(text)
    if m:
        ident = m.group("id") or m.group("id2")
        note = (m.group("note") if m.group("id") else m.group("note2")) or ""
        return Intent("withdraw_consent", text, argument=ident, body=note.strip())
    m = _P.audit.match(text)
    if m:
        if m.group("id3"):
            return Intent("audit", text, argument=m.group("id3"))
        rest = re.sub(r"[?!.]+\s*$", "", m.group("rest") or "")
        words = [w for w in rest.replace(",", " ").split() if not _P.audit_noise.match(w)]
        return Intent("audit", text, argument=" ".join(words))
    return None


# --------------------------------------------------------------------- slash commands

SLASH_COMMANDS: dict[str, tuple[str, str, str]] = {
    # command: (intent, arguments, what it does)
    "help": ("help", "", "what you can ask, with examples"),
    "summary": ("summary", "", "what the database holds"),
    "indicators": ("indicators", "[period] [domain/indicator ...]", "indicator table with SPC verdicts"),
    "stories": ("stories", "[words]", "search outcome stories (full text, best first)"),
    "draft": ("draft", "<question> [in N words]", "plan and assemble a tender answer"),
    "check": ("check", "[text]", "check text (or the open draft) for over-claiming and personal data"),
    "review": ("review", "[period]", "contract-review narrative for a period"),
    "board": ("board", "[period]", "one-page board summary: key indicators, missed targets, risks, actions"),
    "story": ("new_story", "[id]", "capture an outcome story (saved as you type)"),
    "export": ("export", "[md/html/docx]", "export the draft or a story"),
    "submit": ("submit_story", "[story id]", "submit a finished story for approval (asks you to confirm)"),
    "approve": ("approve_story", "[story id]", "approve a story someone else submitted"),
    "withdraw": ("withdraw_consent", "[story id] [note]",
                 "consent withdrawn: keep the story out of exports, list the documents that used it"),
    "consent": ("consent", "[story id] [external/internal/none]",
                "record the consent the person gave (asks you to confirm)"),
    "undo": ("undo", "", "undo the last consent or approval change (until the next export)"),
    "use": ("use_story", "story <id>", "put an excerpt of an approved story into the draft, at the sub-point you are in"),
    "audit": ("audit", "[story id/table/action] [N]", "the audit log: who changed what, newest first"),
    "evidence": ("evidence", "", "open the evidence browser: indicators, SPC charts, stories"),
    "editor": ("editor", "", "open the draft editor"),
    "open": ("open_file", "<file.docx/.md/.txt>",
             "open a Word, Markdown or text draft in the editor, checked (the file is not changed)"),
    "tender": ("tender", "import <file>/status/draft <ref or all>/keep/export <file>",
               "a buyer's questionnaire: import it, the compliance matrix, draft and check answers, the response out"),
    "clear": ("clear", "", "clear the conversation"),
}
SLASH_ALIASES = {"h": "help", "?": "help", "ind": "indicators", "i": "indicators", "s": "stories",
                 "search": "stories", "new": "story", "newstory": "story", "e": "evidence",
                 "ed": "editor", "x": "export", "r": "review", "log": "audit"}


def parse_slash(text: str) -> Intent:
    head, _, rest = text[1:].partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = more + (" " + rest if rest else "")
    command = SLASH_ALIASES.get(head.lower(), head.lower())
    if command not in SLASH_COMMANDS:
        return Intent("unknown", text, source="slash", argument=command)
    name = SLASH_COMMANDS[command][0]
    rest = rest.strip()
    intent = Intent(name, text, source="slash", argument=rest)
    if name == "indicators":
        _fill_indicators(intent, rest)
    elif name == "stories":
        intent.query = rest
        intent.domains = _ordered(d.lower() for d in _P.domain.findall(rest))
        if intent.domains:
            intent.query = " ".join(_P.domain.sub(" ", rest).split())
    elif name == "draft":
        intent.question, intent.word_limit = read_word_limit(rest)
        intent.question = intent.question.strip()
    elif name == "check":
        intent.body = rest
    elif name in ("review", "board"):
        intent.period = rest or None
    elif name == "use_story":
        words = rest.split()
        intent.argument = words[-1] if words else ""
    elif name == "export":
        _fill_export(intent, rest)
    elif name in ("submit_story", "approve_story", "withdraw_consent", "consent"):
        ident, _, note = rest.partition(" ")
        intent.argument = ident.strip()
        note = note.strip()
        if re.match(r"(?i)confirm(?:ed)?\b", note):
            intent.confirmed = True
            note = note.split(None, 1)[1] if len(note.split(None, 1)) > 1 else ""
        if name == "withdraw_consent":
            intent.body = note
        elif name == "consent":
            intent.consent = note.split()[0].lower() if note.split() else None
    return intent


# --------------------------------------------------------------------- the regex reader


def classify_regex(text: str) -> Intent:
    """Decide the intent from word patterns (no language model needed)."""
    if _P.clear.match(text):
        return Intent("clear", text)
    if _P.help.search(text):
        return Intent("help", text)
    if _P.summary.match(text):
        return Intent("summary", text)
    if _P.evidence.match(text):
        return Intent("evidence", text)
    if _P.editor.match(text):
        return Intent("editor", text)
    if _P.new_story.search(text) and not re.search(r"\b(?:find|search|look\s+for|list)\b", text, re.I):
        return Intent("new_story", text)
    if _P.stories.search(text):
        return _fill_stories(Intent("stories", text), text)
    if _P.review.search(text):
        return _fill_common(Intent("review", text), text)
    if _P.export.search(text):
        return _fill_export(Intent("export", text), text)
    ids, topics = vocabulary_hits(text)
    if ids or topics or _P.domain.search(text) or (_P.indicator_words.search(text) and find_period(text)[0]):
        return _fill_indicators(Intent("indicators", text), text, ids, topics)
    if _P.indicator_words.search(text) and re.search(r"\b(?:indicators?|metrics?|kpis?|performance|how\s+are\s+we)\b", text, re.I):
        return _fill_indicators(Intent("indicators", text), text, ids, topics)
    return Intent("unknown", text)


def parse(text: str, matcher: "IntentMatcher | None" = None) -> Intent:
    """Read one message. ``matcher`` (spaCy) is used when given."""
    text = (text or "").strip()
    if not text:
        return Intent("empty", "")
    if text.startswith("/"):
        return parse_slash(text)
    tender = _tender_intent(text)
    if tender is not None:
        tender.source = "spacy" if matcher is not None else "regex"
        return tender
    governance = _governance_intent(text)
    if governance is not None:
        governance.source = "spacy" if matcher is not None else "regex"
        return governance
    board = _board_intent(text)
    if board is not None:
        board.source = "spacy" if matcher is not None else "regex"
        return board
    body = _body_intent(text)
    if body is not None:
        body.source = "spacy" if matcher is not None else "regex"
        return body
    if matcher is not None:
        return matcher.classify(text)
    return classify_regex(text)


# --------------------------------------------------------------------- the spaCy reader


def _term_tokens(nlp, term: str) -> list[dict]:
    """A token pattern for a phrasebank term; a trailing ``*`` matches any ending."""
    wild = term.endswith("*")
    words = [t.text.lower() for t in nlp.make_doc(term.rstrip("*").strip())]
    pattern: list[dict] = [{"LOWER": w} for w in words]
    if wild and pattern:
        pattern[-1] = {"LOWER": {"REGEX": f"^{re.escape(words[-1])}"}}
    return pattern


class IntentMatcher:
    """spaCy matchers over the loaded pipeline (built once the model is ready).

    Kind-of-request patterns use lemmas, so "finding stories", "found a story"
    and "find stories" are one request; the phrasebank's indicator and topic
    terms are matched on lower-case tokens.
    """

    KIND_PATTERNS: dict[str, list[list[dict]]] = {
        "HELP": [
            [{"LEMMA": "help"}],
            [{"LOWER": "what"}, {"LOWER": "can"}, {"LOWER": {"IN": ["you", "i"]}}, {"LEMMA": {"IN": ["do", "ask"]}}],
            [{"LEMMA": {"IN": ["command", "example"]}, "OP": "+"}, {"IS_PUNCT": True, "OP": "*"}],
        ],
        "SUMMARY": [
            [{"LEMMA": {"IN": ["summary", "overview"]}}],
            [{"LOWER": "what"}, {"LEMMA": "be"}, {"LOWER": "in"}, {"LOWER": {"IN": ["the", "my", "our"]}},
             {"LEMMA": {"IN": ["database", "data"]}}],
        ],
        "NEW_STORY": [
            [{"LEMMA": {"IN": ["new", "capture", "record", "add", "start", "write", "begin", "create", "log", "another"]}},
             {"LOWER": {"IN": ["a", "an", "new", "my", "another", "outcome", "case"]}, "OP": "{0,2}"},
             {"LEMMA": "story"}],
            [{"LEMMA": "continue"}, {"LOWER": {"IN": ["the", "my", "last"]}, "OP": "{0,2}"}, {"LEMMA": "story"}],
        ],
        "FIND_STORIES": [
            [{"LEMMA": {"IN": ["find", "search", "show", "list", "look", "get", "any", "which", "browse", "give"]}},
             {"OP": "{0,6}"}, {"LEMMA": "story"}],
            [{"LEMMA": "story"}, {"LOWER": {"IN": ["about", "on", "mentioning", "with", "involving", "regarding"]}}],
        ],
        "REVIEW": [
            [{"LOWER": "contract"}, {"ORTH": "-", "OP": "?"}, {"LEMMA": "review"}],
            [{"LOWER": {"IN": ["quarterly", "annual", "monitoring", "commissioner"]}},
             {"LEMMA": {"IN": ["review", "report", "return"]}}],
            [{"LEMMA": "review"}, {"LEMMA": {"IN": ["narrative", "report", "document"]}}],
        ],
        "EXPORT": [
            [{"LEMMA": "export"}],
            [{"LEMMA": "save"}, {"LOWER": {"IN": ["it", "this"]}, "OP": "?"},
             {"LOWER": {"IN": ["as", "to", "in"]}}, {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
             {"LOWER": {"IN": ["word", "docx", "html", "markdown", "md"]}}],
        ],
        "EVIDENCE": [[{"LEMMA": {"IN": ["open", "show", "go"]}}, {"LOWER": "to", "OP": "?"},
                      {"LOWER": "the", "OP": "?"}, {"LOWER": "evidence"},
                      {"LOWER": {"IN": ["screen", "view", "browser", "tab"]}, "OP": "?"}, {"IS_PUNCT": True, "OP": "*"}]],
        "EDITOR": [[{"LEMMA": {"IN": ["open", "show", "go"]}}, {"LOWER": "to", "OP": "?"},
                    {"LOWER": {"IN": ["the", "my"]}, "OP": "?"}, {"LOWER": "draft", "OP": "?"}, {"LOWER": "editor"}]],
        "INDICATORS": [
            [{"LOWER": "how"}, {"LEMMA": {"IN": ["be", "do"]}}, {"LOWER": {"IN": ["we", "the"]}},
             {"LOWER": "service", "OP": "?"}, {"LEMMA": {"IN": ["do", "perform", "get"]}}],
            [{"LEMMA": {"IN": ["indicator", "metric", "kpi", "performance", "figure", "spc", "trend"]}}],
            [{"LEMMA": "show"}],
        ],
        "CLEAR": [[{"LOWER": {"IN": ["clear", "cls"]}}, {"LOWER": {"IN": ["the", "chat", "screen"]}, "OP": "*"}]],
    }

    def __init__(self, nlp):
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.kinds = Matcher(nlp.vocab, validate=True)
        for label, patterns in self.KIND_PATTERNS.items():
            self.kinds.add(label, patterns)
        self.terms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.wild = Matcher(nlp.vocab, validate=True)
        phrases: dict[str, list[str]] = {}
        for _pattern, ident, term in _indicator_term_patterns():
            phrases.setdefault(f"IND:{ident}", []).append(term)
        for ident in _catalogue_ids():
            phrases.setdefault(f"IND:{ident}", []).append(ident)
        for name, topic in _topics().items():
            for term in topic.terms:
                if term.endswith("*"):
                    self.wild.add(f"TOPIC:{name}", [_term_tokens(nlp, term)])
                else:
                    phrases.setdefault(f"TOPIC:{name}", []).append(term)
        for label, terms in phrases.items():
            self.terms.add(label, list(nlp.tokenizer.pipe(terms)))
        for d in DOMAINS:
            self.terms.add(f"DOMAIN:{d}", [nlp.make_doc(d)])

    def doc(self, text: str):
        # The tagger, attribute ruler and lemmatizer give lemmas; parse and NER are not needed.
        skip = [p for p in ("parser", "ner") if p in self.nlp.pipe_names]
        return self.nlp(text, disable=skip)

    def labels(self, text: str) -> tuple[set[str], list[str], list[str], list[str]]:
        """(request kinds, indicator ids, topics, domains) found in ``text``."""
        doc = self.doc(text)
        vocab = self.nlp.vocab.strings
        kinds = {vocab[m] for m, _s, _e in self.kinds(doc)}
        ids: list[str] = []
        topic_hits: dict[str, int] = {}
        domains: list[str] = []
        for m, _s, _e in list(self.terms(doc)) + list(self.wild(doc)):
            label = vocab[m]
            kind, _, value = label.partition(":")
            if kind == "IND":
                ids.append(value)
            elif kind == "TOPIC":
                topic_hits[value] = topic_hits.get(value, 0) + 1
            elif kind == "DOMAIN":
                domains.append(value)
        for pattern, alias_ids in _ALIAS_RES:  # plain aliases have no phrasebank entry
            if pattern.search(text):
                ids.extend(alias_ids)
        order = list(_topics())
        topics = sorted(topic_hits, key=lambda t: (-topic_hits[t], order.index(t) if t in order else 99))[:3]
        return kinds, _ordered(ids), topics, _ordered(domains)

    def classify(self, text: str) -> Intent:
        kinds, ids, topics, domains = self.labels(text)
        intent: Intent
        if "CLEAR" in kinds and len(text.split()) <= 3:
            intent = Intent("clear", text)
        elif "HELP" in kinds:
            intent = Intent("help", text)
        elif "SUMMARY" in kinds and not (ids or topics):
            intent = Intent("summary", text)
        elif "EVIDENCE" in kinds:
            intent = Intent("evidence", text)
        elif "EDITOR" in kinds:
            intent = Intent("editor", text)
        elif "NEW_STORY" in kinds and not re.search(r"\b(?:find|search|look|list)\w*\b", text, re.I):
            intent = Intent("new_story", text)
        elif "FIND_STORIES" in kinds:
            intent = _fill_stories(Intent("stories", text), text)
        elif "REVIEW" in kinds:
            intent = _fill_common(Intent("review", text), text)
        elif "EXPORT" in kinds:
            intent = _fill_export(Intent("export", text), text)
        elif ids or topics or domains or ("INDICATORS" in kinds and (find_period(text)[0] or "show" not in text.lower())):
            intent = _fill_indicators(Intent("indicators", text), text, ids, topics)
        else:
            intent = Intent("unknown", text)
        intent.source = "spacy"
        return intent
