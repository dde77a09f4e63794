"""A learned recall check for private details the privacy rules never listed (issue 15).

The privacy rules catch the wording they were written from; on sets by a writer nobody has read, recall
stays near 0.80 while every spent set rises. This check reads a sentence (or a line: a table row, an entry
of a handover list, a line of a signature block) the way a reader does, as features of that stretch:

* the **word classes** of its words, from the privacy rule's own lists (``privacy.yaml``: the name rule's
  lists and ``person_context``), and its lemmas (proper nouns are given by class and shape, not spelled);
* the **structure**: every dependency arc as (head's class, relation, dependent's class), a class being a
  word class or else the part of speech;
* **shapes**: digit groups, letters mixed with digits, capitalised words not at the start, words in
  capitals, ``@`` handles, listed first names, the model's entities;
* the **line**: a ``Name:`` label opening it (and the label's classes), a table row, a list entry, a
  dash after the opening words, a text of several lines.

A logistic regression over these gives the probability that the stretch holds a person's private detail;
the weights and the threshold are data (``privacy-detail-scorer.json`` in a phrasebank folder), trained by
``bench/train_privacy_detail.py`` on the spent privacy sets and measured there with each set left out. The
rule (``privacy.learned-private-detail``, kind ``learned``) reports a stretch no other finding touches as its own;
(p27) a stretch another rule's finding touches is reported once, over the union of both, beside that finding
(``privacy._absorb_learned``). Without a weights file, or without a parse, it finds nothing.

Shipped ON since p25b (bench/privacy_p25.md): a stretch with no sign of a person (:func:`has_person_sign`) is not
scored, which keeps our own reference lines, headers and form labels out of it and saves the features' cost, and
the weights are trained with our own documents' shapes as pass rows (buyer references, question headers, form
labels, compliance-table rows) and features for them (``doc_words``, a reference code's shape, a blank to fill in).
Left out one set at a time, recall rises on every fresh set with precision level or higher, and no older set
loses more than one pass row.

(p26, bench/privacy_p26.md) With ``features.context`` in the weights file a stretch is also read with the lines that
label it (:func:`context_features`: a label alone on the line above, a table's or CSV export's header, a record's
title line, a row's shape, initials with a date, a message thread's stamped lines), for records pasted over several
lines; the weights are trained with our own exports (contract reviews, board summaries, tender answers) as pass rows.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from pathlib import Path
from typing import Any, Iterator

from evidencebot import locations
from evidencebot.language.phrasebank import check_weights, load_weights
from evidencebot.language.privacy_filter import _class_index, probability

WEIGHTS_FILE = "privacy-detail-scorer.json"
_override = threading.local()

_LINE_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]*)?([A-Za-z][A-Za-z'’ \-]{0,30}?)[ \t]*:[ \t]*\S")
_DASH_ENTRY = re.compile(r"[ \t]*(?:[-*•][ \t]*)?[A-Za-z][\w'’.\-]*(?:[ \t,]+[A-Za-z][\w'’.\-]*){0,2}[ \t]+[–—\-][ \t]+\S")
_BULLET = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+")
_TRIM = " \t\u00a0.,;:!?()[]-–—|*•\"'“”‘’"
# (p25b) our own documents' shapes: a blank to fill in ("[ ]", "_____", "{{ name }}", "<name>") and a document
# reference code (parts joined by "/" or "-", one a year, one in capitals: "LBH/MH/2027/014", "HMBC-CH-2026-117")
_BLANK = re.compile(r"\[[ \t]*\]|_{3,}|\.{4,}|\{\{[^}]*\}\}|<[a-z_ ]{2,30}>")
_REF_PART = re.compile(r"[/\-]")
_YEAR_PART = re.compile(r"(?:19|20)\d\d")


def units(text: str, doc) -> Iterator[tuple[int, int, list]]:
    """The stretches the check scores: each sentence of ``doc`` cut at line breaks, as (start, end, tokens),
    trimmed of spaces and punctuation at either end; stretches with no word are left out."""
    for sent in doc.sents:
        s0, e0 = sent.start_char, sent.end_char
        sent_toks: list | None = None  # (the sentence's tokens and their offsets, read once, not once per line)
        starts: list[int] = []
        pos = s0
        while pos < e0:
            nl = text.find("\n", pos, e0)
            end = e0 if nl < 0 else nl
            a, b = pos, end
            while a < b and text[a] in _TRIM:
                a += 1
            while b > a and text[b - 1] in _TRIM:
                b -= 1
            if b > a:
                if sent_toks is None:
                    sent_toks = list(sent)
                    starts = [t.idx for t in sent_toks]
                toks = [t for t in sent_toks[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
                        if not t.is_space]
                if any(t.is_alpha or t.like_num for t in toks):
                    yield a, b, toks
            pos = end + 1


_spec_sets: dict[int, tuple[dict, tuple, tuple[frozenset[str], frozenset[str], frozenset[str] | None]]] = {}


def _sets(spec: dict) -> tuple[frozenset[str], frozenset[str], frozenset[str] | None]:
    """The weights file's ``arc_deps``, ``doc_words`` and ``gate_classes`` as sets, made once per ``features`` spec
    (were list scans per token and a ``set`` per stretch); keyed by the spec's id, the spec kept beside its entry
    and its lists compared, so a spec changed in place (a training bench) is read again."""
    lists = (spec.get("arc_deps"), spec.get("doc_words"), spec.get("gate_classes"))
    entry = _spec_sets.get(id(spec))
    if entry is None or entry[0] is not spec or entry[1] != lists:
        arc_deps, doc_words, gate = lists
        found = (frozenset(arc_deps or ()), frozenset(doc_words or ()), None if gate is None else frozenset(gate))
        entry = _spec_sets[id(spec)] = (spec, tuple(list(x) if isinstance(x, list) else x for x in lists), found)
    return entry[2]


def _line_of(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a:] if b < 0 else text[a:b]


# (p26) a record written over several lines: the line a stretch is on is read with the lines that label it
_LABEL_ONLY = re.compile(r"[ \t]*(?:[-*•][ \t]*)?([A-Za-z][A-Za-z'’ ()/\-]{0,40}?)[ \t]*:[ \t]*\Z")
_CELL_SEP = re.compile(r"[|\t]|,(?=\S)")
_CELL_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of letters
_DATE_LIKE = re.compile(r"(?<![\d/.:-])(?:\d{1,2}[./-]\d{1,2}(?:[./-](?:19|20)?\d\d)?|(?:19|20)\d\d-\d\d-\d\d)(?![\d/.:-])")
_TIME_LIKE = re.compile(r"(?<!\d)[0-2]?\d[:.][0-5]\d(?![\d/.:-])")
_DIGIT_GROUP = re.compile(r"(?<![\w/.-])\d{3,}(?:[ -]\d{3,})*(?![\w/.-])")
_CAP_WORD = re.compile(r"(?<![\w'’])[A-ZÀ-Þ][a-zß-ÿ'’\-]+")
# initials: "A.M.K.", "A. K."; in capitals without stops ("AMK") only with a date close after ("AMK 30/06/2001")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.[ ]?){2,4}(?!\w)|(?<![\w.])[A-Z]{2,3}(?=[ ,(]{1,3}(?:[a-zA-Z.]{0,6}[ :]{1,2})?\d{1,2}[./-]\d{1,2})")
_STAMP_LINE = re.compile(r"[ \t]*(?:\[)?(?:[A-Za-z]{3,9}\.?,?[ \t]+)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?[ \t]+)?"
                         r"[0-2]?\d[:.][0-5]\d(?:[ \t]*[ap]m)?\]?[ \t]*[-–—:,]")
_FROM_LINE = re.compile(r"[ \t]*(?:from|to|sent|subject)[ \t]*:", re.I)


def _lines_above(text: str, start: int, most: int = 12) -> list[str]:
    """The lines of ``text`` above the one ``start`` is on, nearest first, up to the blank line before it (at most
    ``most``: a table's header further up is not looked for, which keeps a long table's cost linear)."""
    a = text.rfind("\n", 0, start)
    out: list[str] = []
    while a > 0 and len(out) < most:
        b = text.rfind("\n", 0, a)
        line = text[b + 1:a]
        if not line.strip():
            break
        out.append(line)
        a = b
    return out


@functools.lru_cache(maxsize=16)
def _stamped_lines(text: str) -> int:
    """How many lines of ``text`` open with a time stamp (a message thread's lines), worked out once per text."""
    return sum(1 for ln in text.splitlines() if _STAMP_LINE.match(ln))


def _cells(line: str) -> int:
    return len(_CELL_SEP.findall(line))



def _put_words(put, where: str, text: str, index: dict) -> None:
    """The words of a labelling line (the label above, a table's header, the record's title) as features, each with its
    word classes: '<where>:w:<word>' and '<where>:c:<class>'."""
    for w in _CELL_WORD.findall(text):
        w = w.lower()
        put(f"{where}:w:{w}")
        for c in index.get(w, ()):
            put(f"{where}:c:{c}")

def context_features(text: str, start: int, end: int, line: str, index: dict, put) -> None:
    """(p26) Features of a stretch read with the lines above it and as a record's row: a label alone on the line
    above ("Name of person referred:" with the name on the next line) and its words; a table's or a CSV export's
    header (the first line of the run of lines with as many cells) and its words; the first line of a record
    written over several lines (a handover's ward, a rota's week, an export's title) and its words; a row's shape
    (a capitalised word, a digit group and a date in one line), initials with a date, a message thread's lines
    (a time stamp opening the line, "From:")."""
    stretch = text[start:end]
    dates = _DATE_LIKE.findall(stretch)
    if dates:
        put("sh:date")
    if _TIME_LIKE.search(stretch):
        put("sh:time")
    if _CAP_WORD.search(line) and _DIGIT_GROUP.search(line) and _DATE_LIKE.search(line):
        put("row:cap_digits_date")
    if _INITIALS.search(stretch):
        put("sh:initials")
        if dates:
            put("sh:initials_date")
    if _FROM_LINE.match(line):
        put("msg:from")
    if _STAMP_LINE.match(line):
        put("msg:stamp")
    if "\n" not in text:
        return
    above = _lines_above(text, start)
    if _stamped_lines(text) >= 2:
        put("msg:thread")
    if above:
        m = _LABEL_ONLY.match(above[0])
        if m and len(m.group(1).split()) <= 6:
            put("prev:label")
            _put_words(put, "prev", m.group(1), index)
        n = _cells(line)
        header = None
        if n >= 2:
            for ln in above:
                if _cells(ln) != n:
                    break
                if not set(ln.strip()) <= set("|-: \t"):
                    header = ln
            if header is not None:
                put("hdr:row")
                _put_words(put, "hdr", header, index)
        title = text[:text.find("\n")]
        if title.strip() and title != line and title != header:
            put("title:below")
            _put_words(put, "title", title, index)


def features(text: str, start: int, end: int, toks: list, names: Any, spec: dict,
             weights: dict | None = None) -> dict[str, float]:
    """The features of ``text[start:end]`` (its tokens ``toks`` from the parse), as name -> value. ``names`` is the
    privacy name rule's word lists (:class:`~evidencebot.language.privacy.NameLists`); ``spec`` the weights file's
    ``features`` settings (``arc_deps``: the relations that give arcs). With ``weights``, only features that have
    a weight are kept (scoring)."""
    out: dict[str, float] = {}

    def put(name: str) -> None:
        if weights is None or name in weights:
            out[name] = 1.0

    index = _class_index(names)
    arc_deps, doc_word_set, _gate = _sets(spec)
    first_names, ambiguous = names.first_names, names.ambiguous
    where = {t.i: j for j, t in enumerate(toks)}
    keys: list[tuple[str, ...]] = []
    n_cap_mid = n_caps = 0
    digit_run = 0
    for j, t in enumerate(toks):
        word = t.text
        lower = t.lower_
        cls = index.get(lower, ()) or index.get(t.lemma_.lower(), ())
        proper = t.pos_ == "PROPN" or (word[:1].isupper() and j > 0 and not cls)
        if word[:1].isupper() and word[1:].islower() and word in first_names and word not in ambiguous:
            cls = cls + ("first_name",)
        key = cls if cls else ((f"p:{t.pos_}",))
        keys.append(key)
        for c in cls:
            put(f"c:{c}")
        if t.is_alpha and not proper:
            put(f"w:{t.lemma_.lower()}")
        if t.ent_iob_ == "B":
            put(f"e:{t.ent_type_}")
        if word.isalpha() and word.isupper() and len(word) > 1:
            n_caps += 1
        elif j > 0 and word[:1].isupper() and word[1:2].islower():
            n_cap_mid += 1
        if "@" in word:
            put("sh:handle" if word.startswith("@") else "sh:at")
        if not word.isalpha() and any(ch.isdigit() for ch in word):  # (a word of letters has no digit)
            digit_run += 1
            if any(ch.isalpha() for ch in word):
                put("sh:alnum")
            digits = sum(ch.isdigit() for ch in word)
            put(f"sh:digits{min(digits, 8)}")
        else:
            if digit_run >= 2:
                put(f"sh:digit_groups{min(digit_run, 4)}")
            digit_run = 0
    if digit_run >= 2:
        put(f"sh:digit_groups{min(digit_run, 4)}")
    if doc_word_set:
        for t in toks:
            if t.lower_ in doc_word_set:
                put(f"d:{t.lower_}")
            parts = _REF_PART.split(t.text)
            if len(parts) >= 3 and any(_YEAR_PART.fullmatch(x) for x in parts) \
                    and any(x.isalpha() and x.isupper() for x in parts):
                put("sh:ref_code")
        if _BLANK.search(text, start, end):
            put("sh:blank")
    put(f"sh:cap_mid{min(n_cap_mid, 3)}")
    if n_caps:
        put(f"sh:caps{min(n_caps, 2)}")
    put(f"n:{min(len(toks) // 5, 6)}")
    for j, t in enumerate(toks):
        dep = t.dep_
        if dep == "ROOT":
            for k in keys[j]:
                put(f"r:{k}")
            continue
        if dep not in arc_deps:
            continue
        hj = where.get(t.head.i)
        if hj is None:
            continue
        for hk in keys[hj]:
            for ck in keys[j]:
                put(f"a:{hk}|{dep}|{ck}")
    # the line the stretch is on
    line = _line_of(text, start)
    if "\n" in text:
        put("line:several")
    if "|" in line or "\t" in line:
        put("line:table")
    if _BULLET.match(line):
        put("line:bullet")
    m = _LINE_LABEL.match(line)
    if m and len(m.group(1).split()) <= 4:
        put("line:label")
        for w in m.group(1).split():
            for c in index.get(w.lower(), ()):
                put(f"label:c:{c}")
            put(f"label:w:{w.lower()}")
    elif _DASH_ENTRY.match(line):
        put("line:dash_entry")
    if spec.get("context"):
        context_features(text, start, end, line, index, put)
    return out


# a word of a period, no sign of a person: a month's short name, a quarter, a financial year ('Board summary: Jul-Sep
# 2026 (2026/27 Q2)', our own board summary's heading, scored 0.97 when 'Jul', 'Sep', 'Q2' and '2026/27' were signs)
_PERIOD_WORD = re.compile(r"(?i)(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?|january|february|march|july|"
                          r"september|october|november|december|q[1-4]|(?:19|20)\d\d[/-](?:\d\d|(?:19|20)\d\d)")


def has_person_sign(toks: list, names: Any, spec: dict) -> bool:
    """Whether a stretch shows any sign of a person, read by structure before it is scored (a stretch with none is
    not scored: it cannot hold a person's detail, and skipping it saves the features' cost). A sign is a name
    candidate (a proper noun, a PERSON entity, a listed first name), a word of one of the weights file's
    ``gate_classes`` (the privacy rules' person words, pronouns, titles, kin), a first-person singular pronoun, or
    an identifier-shaped token (an ``@``, letters mixed with digits, three or more digits that are not a year); a word
    of a period (a month's short name, a quarter, a financial year) is none.
    Without ``gate_classes`` in the spec every stretch is scored."""
    wanted = _sets(spec)[2]
    if wanted is None:
        return True
    index = _class_index(names)
    first_names, ambiguous = names.first_names, names.ambiguous
    for t in toks:
        word = t.text
        if _PERIOD_WORD.fullmatch(word):
            continue
        if t.pos_ == "PROPN" or t.ent_type_ == "PERSON":
            return True
        if wanted.intersection(index.get(t.lower_, ())):
            return True
        if word in first_names and word not in ambiguous:
            return True
        if t.pos_ == "PRON" and "1" in t.morph.get("Person") and "Sing" in t.morph.get("Number"):
            return True
        if "@" in word:
            return True
        digits = 0 if word.isalpha() else sum(ch.isdigit() for ch in word)  # (a word of letters has no digit)
        if digits and (any(ch.isalpha() for ch in word) or (digits >= 3 and not _YEAR_PART.fullmatch(word))):
            return True
    return False


def load_model(dirs=None) -> dict | None:
    """The weights file from the phrasebank search path (a user's file first), or None. A model set by
    :func:`use_model` (tests, the training bench) wins."""
    pinned = getattr(_override, "model", None)
    if pinned is not None:
        return pinned[0]
    return load_weights(WEIGHTS_FILE, validate, dirs)


def model_for(names: Any) -> dict | None:
    """:func:`load_model`, looked up once per loaded rule set (``names``, the name rule's word lists, is made once per
    load, and a changed weights file loads the rules again); a model set by :func:`use_model` still wins."""
    pinned = getattr(_override, "model", None)
    if pinned is not None:
        return pinned[0]
    cached = names.__dict__.get("_detail_model")
    if cached is None:
        cached = names.__dict__["_detail_model"] = (load_model(),)
    return cached[0]


def use_model(model: dict | None) -> None:
    """Set the model this thread's check reads (None: read the weights file again); for tests and benches."""
    _override.model = None if model is None else (model,)


def weights_paths() -> list[Path]:
    """Where :func:`load_model` looks, the user's folder first (the privacy rules count these files as their own)."""
    return [Path(locations.user_dir("phrasebank")) / WEIGHTS_FILE,
            Path(locations.packaged_dir("phrasebank")) / WEIGHTS_FILE]


def validate(model: Any, path: Path) -> None:
    need = check_weights(model, path)
    spec = model["features"]
    need("features.arc_deps", isinstance(spec.get("arc_deps"), list)
         and all(isinstance(d, str) for d in spec["arc_deps"]), "a list of dependency labels")
    words = spec.get("doc_words", [])
    need("features.doc_words", isinstance(words, list) and all(isinstance(w, str) for w in words),
         "a list of lower-case words, or left out")
    need("features.context", isinstance(spec.get("context", False), bool), "true, false or left out")
    gate = spec.get("gate_classes", [])
    need("features.gate_classes", isinstance(gate, list) and all(isinstance(c, str) for c in gate),
         "a list of the privacy rules' word classes, or left out")




def spans(text: str, doc, names: Any, model: dict | None = None) -> list[tuple[int, int, float]]:
    """The stretches of ``text`` whose score reaches the threshold, as (start, end, score). (p27) A stretch another
    rule's finding overlaps is reported once over both, beside that finding (privacy._absorb_learned): "Volunteer
    driver [Ken Maddox] is away for chemo" gives the name and the check's warning on the whole line, where before only
    the parts the name left were scored, each on its own, and a row's detail beside a found name was often lost. None without a model or a
    parse."""
    if doc is None or names is None:
        return []
    if model is None:
        model = model_for(names)
    if model is None:
        return []
    limit = model["threshold"]
    spec, weights = model["features"], model["weights"]
    out = []
    for a, b, toks in units(text, doc):
        if not has_person_sign(toks, names, spec):
            continue
        p = probability(model, features(text, a, b, toks, names, spec, weights))
        if p >= limit:
            out.append((a, b, p))
    return out
