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

from evidencebot.compose.filters import built_once, load_phrasebank
from evidencebot.compose.library import stem
from evidencebot.text import phrase_alternation

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
    confirming: bool = False
    """The buyer asks the bidder to confirm or state the statement ('unless the bidder states that no person will be
    refused ...'): a statement of fact about the service our answer makes in the buyer's words (:func:`our_sentence`)."""
    verbatim: bool = False
    """The buyer gives the statement itself, in quotation marks ('unless the response includes the following statement:
    "We confirm that ..."'): our answer makes it word for word, as quoted (s26: three gates of this shape unmade)."""
    modal: str = "will"
    """The bidder's verb of the statement: 'will', or 'can' ('confirms that it can achieve the Service Commencement
    Date of 1 April 2027': s23 q10, a plan that 'works back from the start' did not confirm it)."""

    @property
    def note(self) -> str:
        """How the coverage names it when the answer does not make it."""
        cap = (f" (the buyer scores an answer without it no more than {self.cap})" if self.cap and self.cap != "0"
               else " (the buyer scores an answer without it 0)" if self.cap == "0" else "")
        return f"the buyer's required statement is not made: {self.statement}{cap}: write it, or add an approved block"


def _patterns() -> dict[str, re.Pattern]:
    """The gate's patterns, built once per loaded ``gates.yaml`` (:func:`evidencebot.compose.filters.built_once`)."""
    data = load_phrasebank(PHRASEBANK) or {}
    return built_once(data, "gates.patterns", lambda: _make_patterns(data))


def _make_patterns(data: dict) -> dict[str, re.Pattern]:
    alt = {k: phrase_alternation(data.get(k)) for k in ("caps", "answers", "without", "unless", "asking", "confirming",
                                                   "no_mention", "bidder", "must", "naming", "leads")}
    cap = rf"(?P<cap>{alt['caps']})\s*(?P<n>\d+|zero|nil)?"
    # the part of the question the gate is on ('Responses to 6.1 will not score above 2 unless ...': the s24 dev buyer)
    # or its number straight after ('Question 8.1 will not score above 2 unless ...': s25 q08, the gate went unread)
    to = (r"(?:\s+(?:to|for|on)\s+(?:(?:part|question|section)\s+)?\(?[\w.]{1,6}\)?"
          r"|\s+\(?(?:[\w.]{0,5}\d[\w.]{0,5}|[a-z]|[ivx]{1,4})\)?)?")
    # the part named after the cap ('... will score 0 for Question 12.1', the s31 buyer's gate went unread)
    named = r"(?:\s+(?:for|in|on)\s+(?:this\s+(?:question|part|section)|(?:part|question|section)\s+\(?[\w.]{1,6}?\)?))?"
    return {
        # the part may be named after the cap as well ('Bidders will score 0 for Question 9 unless ...', the s31
        # buyer's 12.1 gate went unread), and a note's lead before it ('Please note that a bidder will score 0 ...')
        "unless": re.compile(rf"^(?:(?:{alt['leads']})\s*[:,]?\s+)?(?:all\s+|any\s+|an?\s+|the\s+)?(?:your\s+)?(?:{alt['answers']}){to}\s+"
                             rf"{cap}\s*(?:marks?|points?)?"
                             rf"{named}\s*,?\s*"
                             rf"(?:{alt['unless']})\s+(?P<rest>.+?)[.;]?$", re.I),
        "without": re.compile(rf"^(?:all\s+|any\s+|an?\s+|the\s+)?(?:{alt['answers']}){to}\s+(?:{alt['without']})\s+(?P<rest>.+?)\s*,?\s+"
                              rf"{cap}\s*(?:marks?|points?)?{named}[.;]?$", re.I),
        "must": re.compile(rf"^(?:(?:all\s+)?(?:{alt['answers']}|you)\s+)(?:{alt['must']})\s+(?P<rest>.+?)[.;]?$", re.I),
        "asking": re.compile(rf"^(?:{alt['asking']})\s+", re.I),
        # 'unless the Provider confirms that ...': the bidder named before the asking words
        "asker": re.compile(rf"^(?:{alt['bidder']})\s+(?=(?:{alt['asking']})\s)", re.I),
        "confirming": re.compile(rf"^(?:{alt['confirming']})\s+", re.I),
        "no_mention": re.compile(rf"^(?:{alt['no_mention']})\s+", re.I),
        "naming": re.compile(rf",?\s+and\s+(?:to\s+)?(?:{alt['naming']})\s+(?P<named>(?:the|a|an)\s+.+)$", re.I),
        "we_will": re.compile(rf"^(?:that\s+)?(?:{alt['bidder']}|we)\s+(?P<modal>will|would|shall|can)\s+(?P<what>.+)$", re.I),
        # '... and that it accepts that the transfer ...': a second statement of the bidder's, said in our voice
        # a subordinate clause opens: an 'its' after it is its own subject's ('... if any role falls below its minimum')
        "clause_opener": re.compile(rf"\b(?:{phrase_alternation(data.get('clause_openers'))})\b", re.I),
        "and_that": re.compile(rf",?\s+and\s+that\s+(?:{alt['bidder']})\s+(?P<verb>[a-z]+)\b", re.I),
    }


def _ours(what: str, opener: re.Pattern) -> str:
    """The bidder's 'its' as our 'our', up to the first subordinate clause: after it, 'its' belongs to that clause's
    subject ('... and will tell the commissioners if any role falls below its minimum': s25 q08, the role's)."""
    m = opener.search(what)
    cut = m.start() if m else len(what)
    return re.sub(r"\bits\b", "our", what[:cut]) + what[cut:]


_QUOTED = re.compile(r"(?:^|[:,]|\bstatement)\s*[\"“](?P<q>[^\"”]{12,})[\"”]\s*\.?$")
"""A statement the buyer quotes at the end of its gate ('... includes the following statement: "We confirm ..."')."""


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*(])|\s*\|\s*|\n\s*\n|\n(?=\s*(?:[-*#>]|\(?\w{1,3}[.)]\s))|\n(?=[^\n]*\|)"
                       r"|<br\s*/?>|\u2022")
"""Where a sentence ends: its full stop, a table's cell, a blank line, a line opening a list item, heading or row (a
line wrapped inside a sentence is not an end: 'the minimum staffing\nestablishment in Table 5')."""


_TITLE_LINE = re.compile(r"^[ \t]*(?:q(?:uestion)?\.?[ \t]*)?[A-Z]?\d{1,2}(?:\.\d{1,2})*[a-z]?\b[^.!?\n]*\n(?=[ \t]*[A-Z])", re.I)
"""A question's numbered title on a line of its own ('Q3.4 Data protection', 'Question 10 – Vetting'): no part of the
sentence on the next line, which opens a sentence of its own."""


def _sentences(text: str) -> list[str]:
    out = []
    for s in (x for piece in _SENTENCE.split(text or "") for x in _TITLE_LINE.split(piece or "", maxsplit=1)):
        s = re.sub(r"[*_]{1,2}", "", s).strip(" -\u2013\u2022\t")
        s = re.sub(r"^[A-Z][\w ]{0,30}:\s+(?=\w)", "", s)  # 'Scoring note: responses that do not ...'
        if s:
            out.append(" ".join(s.split()))
    return out


_ITEM = re.compile(r"(?:^|[;:]\s*(?:and\s+|or\s+)?|\s)\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s+")
"""A list item's marker inside a sentence ('...: (a) how ...; and (b) confirmation that ...')."""


def _CONFIRMING_PART() -> re.Pattern:
    """A sub-point's words of confirming at its start (``gates.yaml`` ``confirming_parts``), built once per loaded file."""
    data = load_phrasebank(PHRASEBANK) or {}
    return built_once(data, "gates.confirming_part", lambda: re.compile(
        rf"^\W*(?:{phrase_alternation(data.get('confirming_parts'))})\b\s*", re.I))


def _is_cap(clause: str) -> bool:
    p = _patterns()
    return bool(p["unless"].match(clause) or p["without"].match(clause))


def cap_clause(text: str) -> int | None:
    """Where a sentence's scoring clause after a semicolon starts ('Confirm that every member of staff ... before
    starting work; responses that do not confirm this will not score above 2': the ask and its gate in one sentence,
    session 35), None when it has none."""
    for m in re.finditer(r";\s+", text or ""):
        if _is_cap(text[m.end():].strip().rstrip(".")):
            return m.start()
    return None


def _clauses(question: str) -> list[str]:
    """The question's sentences, an ask and the gate after it in one sentence ('...; responses that do not confirm
    this will not score above 2') read as two."""
    out = []
    for s in _sentences(question):
        at = cap_clause(s)
        out += [s[:at].strip(), s[at + 1:].strip()] if at is not None else [s]
    return out


def read(question: str) -> list[Gate]:
    """The statements the question's scoring gates require, in its order, each once."""
    p = _patterns()
    out: list[Gate] = []
    before = ""
    for s in _clauses(question):
        prev, before = before, s
        m = p["unless"].match(s) or p["without"].match(s)
        must = None if m else p["must"].match(s)
        found = m or must
        if found is None:
            continue
        rest = p["asker"].sub("", found.group("rest").strip(" ,"), count=1)
        # the score after the cap words, or ending them ('will be scored 0')
        n = (m.group("n") or m.group("cap").split()[-1]).lower() if m else ""
        n = n if re.fullmatch(r"\d+|zero|nil", n) else ""
        cap = "0" if n in ("zero", "nil") else n
        quoted = _QUOTED.search(rest)
        if quoted:  # the statement itself, quoted: said as written
            statement = " ".join(quoted.group("q").split())
            if not any(g.statement == statement for g in out):
                out.append(Gate(sentence=s, statement=statement, cap=cap, confirming=True, verbatim=True))
            continue
        confirming = bool(must) or bool(p["confirming"].match(rest))
        rest = p["asking"].sub("", p["no_mention"].sub("", rest, count=1), count=1).strip(" ,")
        # 'confirm in their response that all staff ...' (s30 q06): where it is said is not what is said
        rest = re.sub(r"^in\s+(?:their|its|your|the)\s+(?:response|answer|submission|bid|tender)\s*,?\s+(?=that\b)", "",
                      rest, flags=re.I)
        rest = re.sub(r"^that\s+", "", rest, flags=re.I) if confirming else rest
        if prev and rest.lower() in _pointers() and out and out[-1].sentence == prev:
            # 'Bidders must confirm that every member of staff ... . Responses that do not confirm this will not score
            # above 2.' (s29 q03): the sentence before is the gate already; this one gives its cap
            out[-1].cap = out[-1].cap or cap
            continue
        if prev and rest.lower() in _pointers():
            # 'Every person ... must have a written crisis and safety plan within 4 weeks ... . Responses that do not
            # confirm this will not score above 2.' (s32 q08: the statement was 'this'): the sentence before, as what
            # will be so
            # a list run into one sentence ('Your response should cover: (a) how ...; and (b) confirmation that every
            # member of staff ... before starting work.', a question typed on one line in the app): its last item
            items = _ITEM.split(prev)
            rest = items[-1] if len(items) > 1 and items[-1].strip() else prev
            rest = re.sub(r"\b(?:must|shall|should)\s+(?=[a-z])", "will ", rest.rstrip(" .;"), count=1)
            # 'Confirm that every member of staff ... will be a PVG scheme member ...; responses that do not confirm
            # this ...', '... (b) confirmation that every member ...' (session 35): what is confirmed, without the
            # asking words
            plain = re.sub(r"^please\s+", "", rest, flags=re.I)
            asked = _CONFIRMING_PART().sub("", plain, count=1)
            asked = p["confirming"].sub("", plain, count=1) if asked == plain else asked
            if asked != plain:
                rest, confirming = re.sub(r"^that\s+", "", asked.strip(), flags=re.I), True
        will = p["we_will"].match(rest)
        what = will.group("what").strip(" ,.") if will else ""
        what = _ours(what, p["clause_opener"])  # 'the Bidder will submit its application': ours
        what = p["and_that"].sub(lambda v: ", and we " + _our_verb(v.group("verb")), what) if what else ""
        what = _bidder_as_us(what)
        named = p["naming"].search(what) if what else None
        if named:  # '... and name the role that will act as Safeguarding Lead': a statement of its own
            what = what[:named.start()].strip(" ,.")
        rest = what or rest
        if not rest or any(g.statement == rest for g in out):
            continue
        if rest.rstrip().endswith(":") and len(rest.split()) <= 2:
            continue  # 'Bidders must confirm that:' over a list: the list's items are the statements, not its lead-in
        modal = will.group("modal").lower() if will else "will"
        out.append(Gate(sentence=s, statement=rest, cap=cap, will=what, confirming=confirming,
                        modal="can" if modal == "can" else "will"))
        if named:
            out.append(Gate(sentence=s, statement=named.group("named").strip(" ,."), cap=cap))
    return out


def _pointers() -> frozenset[str]:
    """The words that point back to the sentence before ('this', 'this requirement'): ``gates.yaml`` ``pointers``."""
    data = load_phrasebank(PHRASEBANK) or {}
    return built_once(data, "gates.pointers", lambda: frozenset(str(w).lower() for w in data.get("pointers") or []))


_IT_ACTS = re.compile(r"\bit\s+(?P<verb>cannot|can|will|would|does|did|is|has|was)\b")
_CLAUSE_VERB = re.compile(r"(?<=,\s)(?P<verb>[a-z]+[^su\W]s)(?=\s+(?:the|a|an|our|its|their|any|each|every)\b)")


def _bidder_as_us(what: str) -> str:
    """The bidder's statement in our voice past its first verb: 'it' acting is us, and a verb of the bidder's that opens
    a later clause is ours ('meet every milestone in Table 10.1 or, for any milestone it cannot meet, states the
    alternative date' -> '... we cannot meet, state the alternative date': s26 q10, found after its measurement)."""
    if not what:
        return what
    what = _IT_ACTS.sub(lambda m: "we " + _our_verb(m.group("verb")), what)
    return _CLAUSE_VERB.sub(lambda m: _our_verb(m.group("verb")), what) if re.search(r"\bwe\s", what) else what


def _our_verb(verb: str) -> str:
    """The bidder's verb said by us ('accepts' -> 'accept', 'has' -> 'have'; 'will' stays)."""
    irregular = (load_phrasebank(PHRASEBANK) or {}).get("third_person") or {}
    low = verb.lower()
    if low in irregular:
        return str(irregular[low])
    return verb[:-1] if re.search(r"[^su]s$", low) else verb


_CLAUSE = re.compile(r"^(?:[A-Z][\w'’-]*|no|the|all|every|each|any)\b.*?\s(?:will|can|shall)\s+(?:not\s+|always\s+)?[a-z]")
"""A statement that is a whole clause with its own subject and verb ('no person will be refused a service ...', 'the
full service, including Willow Court ..., will be operating on 1 April 2027', 'Alder Court will accept ...')."""


def _common_subject(statement: str) -> bool:
    """A clause whose subject is a common noun in lower case, a thing of the service ('access to the service will not
    depend on a diagnosis of autism or ADHD': s32 q05, confirmed by the buyer's gate, never made), not a thing to set
    out ('how the team will ...', 'who will hold ...': ``phrasebank/gates.yaml`` ``not_subjects``)."""
    first = re.match(r"[a-z][\w'’-]*", statement or "")
    if not first:
        return False
    data = load_phrasebank(PHRASEBANK) or {}
    others = built_once(data, "gates.not_subjects", lambda: frozenset(str(w).lower() for w in data.get("not_subjects") or []))
    if first.group(0) in others:
        return False
    return bool(re.match(r"^[a-z][\w'’-]*(?:\s+[\w'’-]+){0,9}?\s+(?:will|can|shall)\s+(?:not\s+|always\s+)?[a-z]",
                         statement))


# an act named as a noun, in lower case, with what it is of or at after it ('attendance at', 'membership of',
# 'compliance with', 'registration with')
_NOMINAL = re.compile(r"^[a-z]+(?:ance|ence|ment|tion|sion|ship)\s+(?:at|of|with|to|in|for|on)\s+\S")


def our_sentence(gate: Gate) -> str:
    """The sentence our answer makes the gate's statement with, in the buyer's words and every qualifier it wrote
    ('We will meet every minimum in Table 6A from the Service Commencement Date.'), '' when the statement is not ours
    to say as it stands (a thing to set out: 'who holds clinical responsibility ...')."""
    if gate.verbatim:
        return _sentence_end(gate.statement)
    if gate.will:
        said = f"We {gate.modal} {gate.will}"
        if gate.modal == "can":  # the buyer asked us to confirm that it can be done: we confirm it (s23 q10)
            said = f"We confirm that we can {gate.will}"
        return _sentence_end(said)
    if gate.confirming and _NOMINAL.match(gate.statement):
        # the buyer names the act as a noun ('confirm attendance at all four weekly reviews on the days stated'):
        # confirmed as written ('We confirm attendance at ...'; s36 q01 left it unmade, capping the answer at 2)
        return _sentence_end("We confirm " + gate.statement)
    if not (_CLAUSE.match(gate.statement) or gate.confirming and _common_subject(gate.statement)):
        return ""
    if gate.confirming:  # confirmed in the first person, the buyer's words kept ('We confirm that no person will ...')
        said = re.sub(r"^(The|No|All|Every|Each|Any)\b(?=\s+[a-z])", lambda m: m.group(1).lower(), gate.statement)
        return _sentence_end("We confirm that " + said)
    if re.match(r"^(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s+will\s+(?!not\b)[a-z]", gate.statement):
        return _sentence_end(gate.statement)  # a named place of the contract: we run it (the s23 dev buyer)
    return ""


def _sentence_end(text: str) -> str:
    text = " ".join(text.split()).rstrip(" ,;:.")
    return text[:1].upper() + text[1:] + "." if text else ""


def _generic() -> frozenset[str]:
    data = load_phrasebank(PHRASEBANK) or {}
    return built_once(data, "gates.generic", lambda: frozenset(str(w).lower() for w in data.get("generic") or []))


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


def confirming_part(gate: Gate, point_text: str) -> bool:
    """The sub-point is the gate's confirmation itself: it opens with a word of confirming (``gates.yaml``
    ``confirming_parts``: 'confirmation that ...', 'confirm that ...') and its words are mostly the statement's (it asks
    for nothing else). A gate on a part that asks for method ('who holds clinical responsibility ...') is not one."""
    opener = _CONFIRMING_PART().match(point_text or "")
    if not opener:
        return False
    rest = _content(point_text[opener.end():])
    return bool(rest) and len(rest & _content(gate.statement)) / len(rest) >= 0.6


def subject_text(gate: Gate) -> str:
    """The words of the statement that say what it is about: those after the verb that ends its subject ('all staff
    and volunteers in regulated work will | be PVG scheme members before starting work'); the whole statement when
    it has no such verb."""
    data = load_phrasebank(PHRASEBANK) or {}
    verbs = built_once(data, "gates.statement_verbs", lambda: re.compile(
        rf"\b(?:{phrase_alternation(data.get('statement_verbs'))})\b", re.I))
    m = verbs.search(gate.statement or "")
    rest = gate.statement[m.end():].strip() if m else ""
    return rest if _content(rest) else gate.statement


def share(gate: Gate, text: str) -> float:
    """The share of the gate's statement's content words ``text`` says."""
    want = _content(gate.statement)
    return len(want & _content(text)) / len(want) if want else 0.0


def within(text: str, statement: str) -> bool:
    """Most of ``text``'s content words are the statement's: it says little the statement does not."""
    return share(Gate(sentence=text, statement=text), statement) >= 0.5


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
    out: list[str] = []
    for rx in (_VERSION, _DATE, _NUMBERED, _NAME, _ACRONYM, _FIGURE, _words_re("frequencies")):
        for m in rx.finditer(statement or ""):
            found = re.sub(r"^(?:The|A|An)\s+", "", m.group(0).strip())
            if found and not any(found.lower() in e.lower() for e in out):
                out.append(found)
    return out


def _words_re(key: str) -> re.Pattern:
    """``\\b(?:<the list key of gates.yaml as an alternation>)\\b``, case-blind, built once per loaded file."""
    data = load_phrasebank(PHRASEBANK) or {}
    return built_once(data, f"gates.words.{key}", lambda: re.compile(rf"\b(?:{phrase_alternation(data.get(key))})\b", re.I))


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


def _from_start(statement: str) -> bool:
    """The statement holds from the contract's start: 'from the Service Commencement Date', 'from 1 April 2027'."""
    data = load_phrasebank(PHRASEBANK) or {}
    return bool(re.search(rf"\b(?:{phrase_alternation(data.get('from_start'))})\b|\bfrom\s+\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\b",
                          statement or "", re.I))


def undercuts(gate: Gate, sentence: str) -> bool:
    """Our ``sentence`` plans for a shortfall at the start the gate's statement holds from ('any post still vacant at
    go-live is named in that report' against 'meet every minimum ... from the Service Commencement Date')."""
    if not (gate.commitment and _from_start(gate.statement)):
        return False
    short = _words_re("shortfall").search(sentence or "")
    start = _words_re("start").search(sentence or "")
    return bool(short and start)


def said(text: str) -> str:
    """``text`` as compared for a gate's sentence: no Markdown emphasis, straight apostrophes, one space, lower case."""
    return " ".join(re.sub(r"[*_]", "", text or "").replace("’", "'").split()).lower()


def _to_top(sec, unit) -> bool:
    """The gate's sentence ``unit`` opens its part: the part's first sentence already, it stays; else it becomes a
    paragraph of its own before the first, unless a later sentence leans on it (its ``parent``: moved, they would read
    apart). True when it was moved (the answer is laid out again: s34 q07's PVG confirmation, already in its part,
    was moved here but the text already laid out still showed it last)."""
    kept = [u for u in sec.units if u.kept]
    first = min((u.paragraph for u in kept), default=0)
    if kept and kept[0] is unit and unit.paragraph == first:
        return False
    index = sec.units.index(unit)
    if any(u.parent == index and u.kept for u in sec.units) or unit.parent is not None:
        return False
    unit.paragraph = first - 1
    # first in the list too: the checker finds each unit in the answer in list order (tender._locate), and a unit laid
    # out before its place in the list is not found, so a finding in it could not be fixed (s26 q10, found in session 28)
    before = list(sec.units)
    order = [unit] + [u for u in before if u is not unit]
    at = {id(u): i for i, u in enumerate(order)}
    for u in order:
        if u.parent is not None:
            u.parent = at[id(before[u.parent])]
    sec.units[:] = order
    return True


def as_worded(gates_: list[Gate], sections: list, make_unit) -> dict[str, list[str]]:
    """Each gate's sentence (:func:`our_sentence`, set as ``commitment``) stands in its part word for word, once, after
    every rewrite of the part's text (s23 q11: a rewrite of dates made the gate 'by 15 March 2027 month'; s22 q10:
    a milestone row stood for it): the part's sentence saying most of it is put back to it, or, when none does, the
    sentence is added; either way it opens the part (:func:`_to_top`); a second copy goes; and our sentences that plan for a shortfall
    at the start the gate holds from go (:func:`undercuts`). ``sections``: the answer's parts (``point.key``,
    ``units`` with ``text``, ``kept``, ``short``, ``full``; ``drop(index, why)``); ``make_unit(text, paragraph)`` makes a unit. Returns
    what was done, for the writer, per part key."""
    notes: dict[str, list[str]] = {}
    for g in gates_:
        sec = next((s for s in sections if s.point.key == g.key), None) if g.commitment else None
        if sec is None:
            continue
        want = said(g.commitment)
        done = notes.setdefault(sec.point.key, [])
        holding = [u for u in sec.units if u.kept and want in said(u.text)]
        if not holding:
            # a marker for the writer ('[To write: Meeting Table 6A]') stays: the gate's sentence goes beside it
            ranked = sorted((u for u in sec.units if u.kept and not u.text.lstrip().startswith("[")),
                            key=lambda u: -share(g, u.text))
            best = ranked[0] if ranked and share(g, ranked[0].text) >= 0.5 and len(ranked[0].text) < 2 * len(
                g.commitment) + 80 else None
            if best is not None:
                done.append(f"the buyer's gate said as worded: '{best.text}' -> '{g.commitment}'")
                best.text, best.short, best.full = g.commitment, None, None
                holding = [best]
            else:
                # a paragraph of its own that opens the part (s27 q11: the panel looks for the gate first, and capped
                # an answer whose confirmation it could not find)
                first = min((u.paragraph for u in sec.units if u.kept), default=0)
                sec.units.append(make_unit(g.commitment, first))
                holding = [sec.units[-1]]
                done.append(f"the buyer's gate said as worded: added '{g.commitment}'")
        if _to_top(sec, holding[0]) and not done:
            done.append(f"the buyer's gate opens its part: '{g.commitment}'")
        for u in holding[1:]:
            if said(u.text) == want:
                sec.drop(sec.units.index(u), "said once: the buyer's gate")
        for s in sections:
            for i, u in enumerate(s.units):
                if u.kept and u not in holding and undercuts(g, u.text):
                    s.drop(i, "undercuts the buyer's gate")
                    notes.setdefault(s.point.key, []).append(
                        f"dropped, it undercuts the gate '{g.commitment}': '{u.text}'")
    return {k: v for k, v in notes.items() if v}
