"""A learned filter over the privacy name rule's candidates (issue 15: names that are not personal data).

The name rule (``privacy.person-name``) finds a candidate name five ways (a title and a surname, the
model's PERSON entity, a listed first name, a name by how the sentence uses it, lower case, ...), then
its hand-written filters drop the kinds of names that are not personal data they were written for. On
text by a writer nobody has read, what is left still holds officials in role, characters, titles of
works and organisations named after people. This filter reads each name that is left the way a reader
does, as features of the name in its sentence:

* where it came from (the source), how many words, the model's entity label for it;
* the word before it and its class (a courtesy, clinical, family or honour title; a public office; a
  determiner; a preposition of place), the word after it and its class (a place or organisation head
  noun such as House, Trust, CIC; a noun for a work; a group noun), a possessive and what follows it;
* an appositive after it or before it (", the Trust's chief nurse", "Imam ...") and the classes of
  its words (a public office, an official's head noun, a role word, a word for the people we support);
* quotation marks round it, capitalisation, membership of the first-name list;
* its place in the parse (its relation, an apposition's word classes), and what the name rule's own
  person tests say of it (the sentence uses it as a person, calls it "he" or "she", gives it an age,
  "who" or "her"); a candidate one of those ``guard_features`` marks is kept whatever its score.

(Word classes of the whole sentence and of the name's head word were tried as features too and left
out: over the independent writers' sets, left out one at a time, they cost recall for no precision.)

Word classes are the privacy rule's own lists in ``privacy.yaml`` (its name lists and
``person_context``), so a user who adds a word to a list changes the feature. A logistic regression
over these features gives the probability that the candidate is a person's name that is personal
data; a candidate below the threshold is dropped. The weights are data (``privacy-name-filter.json`` in a
phrasebank folder), trained by ``bench/train_privacy_filter.py`` on the spent privacy sets and measured by
``bench/privacy_loso.py`` on each independent writer's set left out. No weights file is shipped, so the filter
is off until one is put in the phrasebank (a user's folder first): on the writers' sets it removes false
alarms only by losing some names to flag, a trade for whoever turns it on (the test suite's weights are in
``tests/data/privacy_filter/``).
Only name candidates pass through it: identifiers (NHS numbers, phones, postcodes, dates of birth,
emails, local ids) and combinations never do.
"""

from __future__ import annotations

import math
import re
import threading
from pathlib import Path
from typing import Any

from evidencebot import locations
from evidencebot.language.phrasebank import check_weights, load_weights
from evidencebot.text import CLOSE_QUOTES, OPEN_QUOTES

WEIGHTS_FILE = "privacy-name-filter.json"
_override = threading.local()

_QUOTE_OPEN = frozenset(OPEN_QUOTES)
_QUOTE_CLOSE = frozenset(CLOSE_QUOTES)
_WORD_AFTER = re.compile(r"(['’]s\b|(?<=s)['’])?[ \t\u00a0]*([,(]?)[ \t\u00a0]*([A-Za-z][A-Za-z'’\-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’\-]*)(\.?)([ \t\u00a0]*[,(]?[ \t\u00a0]*)\Z")
_SEGMENT_END = re.compile(r"[,;:.!?()\n]")


_CLASSES = (
    ("title", "titles"), ("honour", "honour_titles"), ("office", "public_roles"), ("role", "role_words"),
    ("place", "place_words"), ("thing", "not_person_nouns"), ("thing_near", "not_person_context"),
    ("work", "work_nouns"), ("work_verb", "work_verbs"), ("group", "group_nouns"), ("official", "official_heads"),
    ("surname", "surname_words"),
)
"""(class, the privacy rule's word list it is made from): the classes a word is given for the name filter."""
_NOT_CLASSES = frozenset({"care_events", "care_passives", "care_event_leads", "passive_auxiliaries", "former_job_words",
                          "rota_slot_words", "rota_link_words", "author_participles", "idea_nouns",
                          "owned_idea_nouns", "named_thing_nouns", "apposition_person_nouns",
                          "staff_frame_words", "staff_frame_ties", "staff_frame_rules",
                          "staff_frame_columns", "place_columns", "lower_slot_before", "lower_slot_after",
                          "lower_slot_not_names", "lower_slot_not_name_endings", "role_mailbox_rules",
                          "origin_verbs", "place_name_links", "surname_particles_before_links",
                          "we_support_verbs", "continuous_person_verbs", "nickname_scopes"})
"""person_context lists that are phrases read by the staff-in-role check (privacy.py, ``_care_event``), not word
classes: auxiliaries such as "was" and "has" would give most words around a name a class the shipped weights
never saw. (s31) The same for the rota slot's words (privacy.py ``_off_rota``): "and", "to", "evening" in them would
change the classes of most sentences for the learned checks; and for the words of a cited thinker
(``author_participles``, ``idea_nouns``). (s33) And a table's place column headers (``place_columns``: "town",
"area"), read by privacy.py's place-column check only. (pv34) And the lower-case name slot's words and the role
mailbox rules, read by privacy.py's ``lower_name_slot`` and ``_off_role_mailbox`` only. (pv35) And the verbs of
travelling from a place and the link words of Gaelic, Irish and Welsh place names, read by ``home_of_people`` and
``linked_place_name`` only ("an", "y", "come" as classes would move the learned checks' scores)."""


def _class_index(names) -> dict[str, tuple[str, ...]]:
    """Word (case-folded) -> the privacy rule's lists it is in, made once per loaded rule."""
    cached = names.__dict__.get("_filter_classes")
    if cached is not None:
        return cached
    index: dict[str, set[str]] = {}

    def add(label: str, words) -> None:
        for w in words:
            if isinstance(w, str):
                index.setdefault(w.casefold(), set()).add(label)

    for label, attribute in _CLASSES:
        add(label, getattr(names, attribute))
    for label, words in names.context.items():
        if label not in _NOT_CLASSES:
            add(label, words)
    out = {w: tuple(sorted(c)) for w, c in index.items()}
    names.__dict__["_filter_classes"] = out
    return out


def _cls(index: dict, word: str) -> tuple[str, ...]:
    return index.get(word.casefold(), ())


def features(finder: Any, start: int, end: int, source: str, spec: dict) -> dict[str, float]:
    """The features of the name candidate ``text[start:end]`` found by ``source`` (a
    :class:`~evidencebot.language.privacy._NameFinder` gives the text, tokens and word lists)."""
    out: dict[str, float] = {}
    text, names = finder.text, finder.names
    index = _class_index(names)
    title_classes: dict = spec.get("title_classes", {})
    value = text[start:end]
    words = value.split()
    out[f"src:{source}"] = 1.0
    out[f"n:{min(len(words), 3)}"] = 1.0
    # the title's class (inside the span or right before it)
    title = ""
    if words and words[0].rstrip(".") in names.titles:
        title = words[0].rstrip(".")
        words = words[1:]
    before = text[max(0, start - 60):start]
    wb = _WORD_BEFORE.search(before)
    if not title and wb and not wb.group(3).strip() and (wb.group(1) in names.titles or wb.group(1) in names.honour_titles):
        title = wb.group(1)
    if title:
        kind = next((k for k, ws in title_classes.items() if title in ws), "other")
        out[f"title:{kind}"] = 1.0
    core = [w for w in words if w[:1].isalpha()]
    if core:
        first = core[0].strip("'’")
        if first in names.first_names and first not in names.ambiguous:
            out["first:listed"] = 1.0
        elif first in names.ambiguous:
            out["first:ambiguous"] = 1.0
        else:
            out["first:unlisted"] = 1.0
        if any(w.isupper() and len(w) > 1 for w in core):
            out["cap:upper"] = 1.0
        if any(not w[:1].isupper() for w in core):
            out["cap:lower"] = 1.0
        if any(not w.isascii() for w in core):
            out["cap:nonascii"] = 1.0
    # the model's entity label for the name's last word
    last = finder._tok_at(end - 1)
    # what the sentence says of the name's first word: a person (it speaks, is visited, has a mum, is named
    # as one), an age or "who" after the name
    at = start
    if title and words:
        at = text.find(words[0], start + len(title), end)
    head_word = finder._tok_at(max(at, start))
    if head_word is not None and head_word.token is not None:
        if finder.personal_context(head_word):
            out["ctx:personal"] = 1.0
        if last is not None and finder.age_or_who_after(last):
            out["ctx:age_or_who"] = 1.0
        if last is not None and last.token is not None:
            t = last.token
            if finder.referred_to_as_he_or_she(t):
                out["ctx:he_or_she"] = 1.0
            if finder.own_pronoun_in_clause(t):
                out["ctx:own_pronoun"] = 1.0
            if finder.described_as_person(t):
                out["ctx:described"] = 1.0
        if re.match(r"[ \t\u00a0]*,?[ \t\u00a0]*who\b", text[end:end + 12]):
            out["ctx:who"] = 1.0
    out[f"ent:{(last.ent if last is not None and last.ent else 'none')}"] = 1.0
    # the word before, its class
    if wb:
        w = wb.group(1)
        sep = wb.group(3).strip()
        if sep:
            out[f"prev_sep:{sep[:1]}"] = 1.0
        else:
            for c in _cls(index, w):
                out[f"prev:c:{c}"] = 1.0
            if w.lower() in spec.get("prev_words", ()):
                out[f"prev:w:{w.lower()}"] = 1.0
            if w[:1].isupper() and not _cls(index, w):
                out["prev:cap"] = 1.0
    seg_start = max((m.end() for m in _SEGMENT_END.finditer(before)), default=0)
    if not before[seg_start:].strip() and not re.search(r"\w", before):
        out["pos:first"] = 1.0
    # quotation marks round the name (or round the phrase holding it)
    lq = before.rstrip(" \t")[-1:] if before.rstrip(" \t") else ""
    rq = text[end:end + 1]
    if lq in _QUOTE_OPEN and rq in _QUOTE_CLOSE | {","}:
        out["quoted:tight"] = 1.0
    else:
        line = text[max(0, start - 60):start]
        opens = sum(line.count(q) for q in "\u201c\u2018\"") - sum(line.count(q) for q in "\u201d\"")
        if "\u201c" in line and "\u201d" not in line[line.rfind("\u201c"):] or opens % 2 == 1:
            out["quoted:inside"] = 1.0
    # the word after, its class; a possessive and what follows it
    wa = _WORD_AFTER.match(text, end)
    if wa:
        possessive, sep, w = wa.group(1), wa.group(2), wa.group(3)
        lead = "poss" if possessive else ("sep" if sep else "next")
        cls = _cls(index, w)
        for c in cls:
            out[f"{lead}:c:{c}"] = 1.0
        if not cls:
            out[f"{lead}:{'cap' if w[:1].isupper() else 'low'}"] = 1.0
        if lead == "next" and w.lower() in spec.get("next_words", ()):
            out[f"next:w:{w.lower()}"] = 1.0
    # an appositive or a phrase in brackets after the name: its words' classes
    after = text[end:end + 100]
    m = re.match(r"[ \t\u00a0]*[,(–—-][ \t\u00a0]*([^,;.!?()\n]{2,80})", after)
    if m:
        seg = re.findall(r"[A-Za-z][A-Za-z'’\-]*", m.group(1))[:8]
        for w in seg:
            for c in _cls(index, w):
                out[f"appos:c:{c}"] = 1.0
        if seg and seg[0].lower() in names.context.get("determiners", ()):
            out["appos:det"] = 1.0
        if any(re.fullmatch(r"\d{1,2}", x) for x in m.group(1).split()[:2]):
            out["appos:age"] = 1.0
    # a phrase before the name ending in a comma ("The Trust's chief nurse, ..."): its words' classes
    line = re.split(r"[;:!?()\n]|\.(?=\s)", before)[-1]
    if line.rstrip().endswith(","):
        seg = re.findall(r"[A-Za-z][A-Za-z'’\-]*", line.rstrip()[:-1].split(",")[-1])[-6:]
        for w in seg:
            for c in _cls(index, w):
                out[f"pre_appos:c:{c}"] = 1.0
    # the parse: the name's relation and its head's classes; the sentence's word classes
    tok = last.token if last is not None else None
    if tok is not None:
        t = tok
        while t.dep_ in ("compound", "flat") and t.head is not t and t.head.idx < end:
            t = t.head
        if t.idx >= end and t.dep_ != "ROOT":
            out["parse:modifies"] = 1.0  # the name modifies a noun after it
        out[f"dep:{t.dep_}"] = 1.0
        for c in t.children:
            if c.dep_ == "appos":
                for cc in _cls(index, c.lemma_):
                    out[f"appos_dep:c:{cc}"] = 1.0
    return out


def probability(model: dict, feats: dict[str, float]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) * v for f, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(dirs=None) -> dict | None:
    """The weights file from the phrasebank search path (a user's file first), or None.
    A model set by :func:`use_model` (the training bench) wins."""
    pinned = getattr(_override, "model", None)
    if pinned is not None:
        return pinned[0]
    return load_weights(WEIGHTS_FILE, validate, dirs)


def weights_paths() -> list[Path]:
    """Where :func:`load_model` looks for the weights file, the user's folder first (whether or not it exists yet):
    the privacy rules count these files as their own, so adding, changing or removing one loads the rules again."""
    return [Path(locations.user_dir("phrasebank")) / WEIGHTS_FILE,
            Path(locations.packaged_dir("phrasebank")) / WEIGHTS_FILE]


def model_for(names: Any) -> dict | None:
    """:func:`load_model`, looked up once per loaded rule set (``names`` is the name rule's word lists, made once
    per load), None included: the lookup (a search path, then a stat per folder) would otherwise run for every
    paragraph with a name candidate. A model set by :func:`use_model` still wins."""
    pinned = getattr(_override, "model", None)
    if pinned is not None:
        return pinned[0]
    cached = names.__dict__.get("_filter_model")
    if cached is None:
        cached = (load_model(),)
        names.__dict__["_filter_model"] = cached
    return cached[0]


def use_model(model: dict | None) -> None:
    """Set the model :func:`load_model` returns in this thread (None: read the file again); for benches."""
    _override.model = None if model is None else (model,)


def validate(model: Any, path: Path) -> None:
    need = check_weights(model, path, zero_threshold=True)
    spec = model["features"]
    for field in ("prev_words", "next_words", "guard_features"):
        need(f"features.{field}", isinstance(spec.get(field, []), list)
             and all(isinstance(w, str) for w in spec.get(field, [])), "a list of words")
    tc = spec.get("title_classes", {})
    need("features.title_classes", isinstance(tc, dict) and all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in tc.values()),
         "a mapping of class names to lists of titles")


def keep(finder: Any, spans: list[tuple[int, int, str]], model: dict | None = None) -> list[tuple[int, int]]:
    """The candidate spans ``(start, end, source)`` the model keeps (all of them without a model)."""
    if model is None:
        model = model_for(finder.names)
    if model is None:
        return [(s, e) for s, e, _ in spans]
    threshold = model["threshold"]
    spec = model["features"]
    out = []
    guard = spec.get("guard_features", ())
    for s, e, source in spans:
        feats = features(finder, s, e, source, spec)
        if any(g in feats for g in guard) or probability(model, feats) >= threshold:
            out.append((s, e))
    return out
