"""Which column a questionnaire's header cell names: reference, question, guidance, limit, weighting or answer.

Read by the Word and Excel questionnaire readers (:mod:`evidencebot.compose.questionnaire`) and by a table pasted
into a question (:mod:`evidencebot.compose.questions`), so both read a header row the same way.
"""

from __future__ import annotations

import re

_HEAD = {
    "ref": re.compile(r"^\s*(?:ref(?:erence)?|no\.?|number|#|q(?:uestion)?\s*(?:no\.?|number|ref)|section|id|item)\s*$", re.I),
    "question": re.compile(r"\b(?:question|requirement|criteri(?:on|a)|method\s+statement)s?\b", re.I),
    "guidance": re.compile(r"\b(?:guidance|notes?|looking\s+for|evaluation|help|further\s+information)\b", re.I),
    "limit": re.compile(r"\b(?:limit|max(?:imum)?\.?|words?|characters?|pages?|length)\b", re.I),
    "weighting": re.compile(r"\b(?:weight(?:ing)?|%|marks?|score)\b", re.I),
    "answer": re.compile(r"\b(?:answer|response|bidder|supplier|provider)s?\b", re.I),
}
_ORDER = ("answer", "ref", "weighting", "limit", "guidance", "question")
"""Which header wins when one cell names several (e.g. 'Question number' is a ref)."""


def column_kind(header: str) -> str | None:
    """What a header cell names: 'ref', 'question', 'guidance', 'limit', 'weighting' or 'answer' (None when
    none of them)."""
    text = " ".join(str(header or "").split())
    # a note in brackets does not name the column: 'Question (max 500 words)' is the question
    text = " ".join(re.sub(r"\([^)]*\)", " ", text).split()) or text
    if not text:
        return None
    if _HEAD["ref"].match(text):
        return "ref"
    for key in _ORDER:
        if key == "ref":
            continue
        if _HEAD[key].search(text):
            # the word after the answer noun says what the column holds ('Response limit', 'Response guidance');
            # a limit or note after that ('Supplier response - 1000 words max', 'Supplier notes / response') does not
            noun = re.search(r"\b(?:answer|response)s?\b\s*", text, re.I)
            if key == "answer" and not re.search(r"\bto\b", text, re.I) and (
                    _HEAD["limit"].match(text) or noun and _HEAD["limit"].match(text, noun.end())):
                return "limit"  # 'Response limit', 'Max answer length': the limit, not where the answer goes
            if key == "answer" and _HEAD["guidance"].search(text) and \
                    not re.match(r"(?i)(?:your\s+|the\s+)?(?:answer|response)", text) and \
                    (not noun or _HEAD["guidance"].match(text, noun.end())):
                return "guidance"  # 'Guidance for bidders', 'Notes to suppliers': help for the bidder
            if key == "question" and re.search(r"\b(?:no\.?|number|ref)\b", text, re.I):
                return "ref"
            if key == "limit" and _HEAD["question"].search(text) and not re.search(r"limit|max", text, re.I):
                continue
            return key
    return None


_NAMES_LIMIT = re.compile(r"(?i)\b(?:words?|char(?:acter)?s?|pages?|sides?|length|weight(?:ing)?|marks?)\b|"
                          r"^\s*(?:(?:response|answer|word)\s+)?(?:limit|max(?:imum)?\.?|score)\s*$")


def names_limit(header: str) -> bool:
    """A header cell of a table in a question's text that says its column holds a limit (of words, characters,
    pages or sides) or a weighting: 'Max words', 'Word limit', 'Limit', 'Weighting', 'Marks'. Narrower than
    :func:`column_kind`'s 'limit' and 'weighting', which read a questionnaire's own columns: there 'Maximum' or
    'Score' in any header is the limit or the weighting, while in a buyer's table of facts 'Maximum active caseload
    per 1.0 WTE' is a cap and 'Baseline score' a measure (s35 q11: '2' was read as a word limit and '3' as pages
    from a staffing table whose header says 'Maximum active caseload')."""
    return bool(_NAMES_LIMIT.search(" ".join(str(header or "").split())))


def header_columns(cells: list[str]) -> dict[str, int]:
    """The column of each kind a header row names ({} when it names no question column)."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        kind = column_kind(cell)
        if kind and kind not in cols:
            cols[kind] = i
    return cols if "question" in cols else {}
