"""Dates of personal events, read from the parse (the ``event_date`` kind of privacy rule).

A date is personal data when the sentence ties it to a care or life event of one person: "He was admitted
to the ward on 4 February 2024", "my husband died on 11 March", "Release date for this man is 17/07/2025".
A contract's, a meeting's or a report's date, a period, and an event of a group ("eleven people were
admitted") are not. The structure is the parse's; every word it looks for is the rule's (``events:`` in
``phrasebank/privacy.yaml``), so a user file may extend the lists.

How one date is read (:func:`personal_event`):

1. its *governor*: from the date's head word up the tree (through prepositions, nouns and numbers) to the
   first word that is an event (``verbs`` by lemma, ``nouns``) or a clause's head. A clause head that is no
   event still governs an event noun that is its subject or object ("Eviction *took place* on ...", "She
   has a court hearing on ..."), or, for a copula, one inside its subject ("Release date for this man *is*
   17/07/2025");
2. *whose* event: an event verb's subject or object (its passive subject: "Her son was sectioned"; the
   clause it joins when it has none: "admitted on 3 May and discharged on 9 May"); an event noun's owner
   ("his discharge", "the release of Mr Hale", "date for this man"), else its clause's subject;
3. a person is a personal pronoun (he, she, I), a singular word for a person or a relative ("this man",
   "her son"; a plural one only with its owner: "my parents"), or a name (a PERSON entity, a title before
   a proper noun). Where the event has no subject, owner or object at all ("Arrived at Heathrow on
   28.10.2024 with only the clothes she was wearing"), a person anywhere in the sentence is whose it is.

Without a parse no date is reported: the rule needs the structure.
"""

from __future__ import annotations

from dataclasses import dataclass

EVENT_LISTS = ("verbs", "nouns", "occur_verbs", "pronouns", "persons", "titles", "labels", "label_words")
"""The word lists of an ``event_date`` rule's ``events`` field (lower case; verbs and nouns as lemmas)."""

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_OBJECTS = frozenset({"dobj", "obj"})
_OWNER_PREPOSITIONS = frozenset({"of", "for"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADJ"})
# dependencies a clause without a subject of its own takes its subject through ("was sectioned": the
# acomp's; "admitted ... and discharged": the first conjunct's)
_SHARED_SUBJECT = frozenset({"conj", "acomp", "xcomp", "auxpass"})
_MAX_STEPS = 6
_PAST_TAGS = frozenset({"VBN", "VBD"})
_BARE_NOT = frozenset({"det", "poss", "nummod", "amod"})  # "the/his/two/first eviction": not a note's bare noun
_CLAUSE_BREAKS = frozenset({";", ":"})
_DATE_LEADS = frozenset({"on", "the"})
_RELATIVE_TAGS = frozenset({"WP"})
_NAMELESS_ENTS = frozenset({"", "PERSON"})
_GLUE_POS = frozenset({"PUNCT", "SYM"})


@dataclass(frozen=True)
class EventWords:
    verbs: frozenset
    nouns: frozenset
    occur_verbs: frozenset
    pronouns: frozenset
    persons: frozenset
    titles: frozenset
    labels: frozenset = frozenset()
    label_words: frozenset = frozenset()

    @classmethod
    def from_lists(cls, lists: dict) -> "EventWords":
        return cls(**{name: frozenset(w.lower() for w in lists.get(name, ())) for name in EVENT_LISTS})


def _forms(token) -> tuple[str, ...]:
    """The token's lemma and lower-case form, and the form without a past ending (the model tags
    "sectioned" in "was sectioned" as an adjective, whose lemma is itself)."""
    low = token.lower_
    out = [token.lemma_.lower(), low]
    for ending in ("ed", "d"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            out.append(low[: -len(ending)])
    if low.endswith("ed") and len(low) > 5 and low[-3] == low[-4]:
        out.append(low[:-3])  # a doubled consonant: "readmitted", "committed"
    return tuple(out)


def _is_event(token, words: EventWords) -> str:
    """"verb" or "noun" when ``token`` is an event word of that kind, else ""."""
    forms = _forms(token)
    if token.pos_ in ("VERB", "ADJ", "AUX") and any(f in words.verbs for f in forms):
        return "verb"
    if token.pos_ in ("NOUN", "PROPN") and any(f in words.nouns for f in forms):
        return "noun"
    if _opens_sentence(token) and token.pos_ not in ("VERB", "AUX") and token.lower_ in words.nouns:
        return "noun"  # a note's opening event noun, whatever the tagger made of it ("Overdose on 03/08/23")
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("csubj", "compound") and any(f in words.verbs for f in forms):
        return "noun"  # "Release date for this man is ..." (the model reads "Release" as a verb or a compound)
    return ""


def is_person(token, words: EventWords, skip=frozenset()) -> bool:
    """One person: a personal pronoun, a singular word for a person or relative (a plural one with its
    owner), a name; not a counted group ("eleven people")."""
    if token.i in skip:
        return False
    low = token.lower_
    if low in words.pronouns:
        return True
    children = list(token.children)
    if any(c.dep_ == "nummod" for c in children):
        return False
    if any(f in words.persons for f in _forms(token)[:2]):
        owned = any(c.dep_ == "poss" for c in children)
        return token.tag_ not in _PLURAL_TAGS or owned
    if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
        return True
    if token.tag_ in _RELATIVE_TAGS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
        return is_person(token.head.head, words, skip)  # "The young man ... who was detained on ..."
    if token.pos_ == "PROPN":
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text.rstrip(".").lower() in words.titles:
            return True
    return False


def _person_in(tokens, words: EventWords, skip) -> bool:
    """A person among ``tokens`` or what they own or are joined to ("Mr Vance's daughter", "her son")."""
    for t in tokens:
        if is_person(t, words, skip):
            return True
        if any(is_person(c, words, skip) for c in t.children if c.dep_ in ("poss", "conj", "appos")):
            return True
    return False


def _named(token) -> bool:
    """(p20) A proper noun the model gave no entity (or a person's) as an event verb's subject: a first name
    it did not know ("Ana ... was discharged ... on 30 April"); not an organisation, a place or a ward."""
    return (token.pos_ == "PROPN" and token.ent_type_ in _NAMELESS_ENTS and token.text[:1].isupper()
            and not any(c.dep_ == "compound" for c in token.children))


def _subjects(head) -> list:
    """The subject(s) of a clause head, or of the clause it shares a subject with."""
    cur = head
    for _ in range(3):
        found = [c for c in cur.children if c.dep_ in _SUBJECTS]
        if found or cur.dep_ not in _SHARED_SUBJECT or cur.head.i == cur.i:
            return found
        cur = cur.head
    return []


def _owners(noun) -> list:
    """Whose an event noun is: its possessor or the object of its "of"/"for" ("the release of Mr Hale")."""
    out = [c for c in noun.children if c.dep_ == "poss"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _OWNER_PREPOSITIONS:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _opens_sentence(token) -> bool:
    return token.i == token.sent.start


def _note_event(event, kind: str) -> bool:
    """An event in a case note's shorthand, whose person is the one the note is about and is never named:
    a past event verb with no subject anywhere in its clause ("Admitted 12/10/2023 under section 3",
    "discharged from Ward 4 on 29.02.24", "Released from prison on 11 April; first appointment ..."), or a
    bare singular event noun opening the sentence ("Eviction took place on ...", "Overdose on 03/08/23").
    A participle before a clause with a subject ("Moved to new premises on 2 May, the cafe ...") is that
    subject's event, and a plural ("Admissions peaked on ...") is a group's."""
    if kind == "noun":
        return (_opens_sentence(event) and event.tag_ not in _PLURAL_TAGS
                and not any(c.dep_ in _BARE_NOT for c in event.children))
    if event.tag_ not in _PAST_TAGS:
        return False
    cur = event
    for _ in range(_MAX_STEPS):
        if any(c.dep_ in _SUBJECTS for c in cur.children):
            return False
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return True
        if cur.dep_ in ("advcl", "ccomp"):
            # a clause of its own when a semicolon or a colon stands between it and its head
            lo, hi = sorted((cur.i, cur.head.i))
            return any(t.text in _CLAUSE_BREAKS for t in cur.doc[lo:hi])
        if cur.dep_ != "conj":
            return False
        cur = cur.head
    return False


def _opening_event(span, words: EventWords) -> bool:
    """A note that opens with a past event verb right before the date, when the parse tied the date to
    nothing ("Sectioned 4/5/24, transferred to the PICU", read as a compound): the verb is the date's."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start and doc[i].lower_ in _DATE_LEADS:
        i -= 1
    if i < span.sent.start or not _opens_sentence(doc[i]) or not (doc[i].lower_.endswith("ed") or doc[i].tag_ in _PAST_TAGS):
        return False
    return any(f in words.verbs for f in _forms(doc[i]))


def _labelled(span, words: EventWords) -> bool:
    """(p20) A record's label before the date, from the sentence's start: "Date of admission: 03/02/2025",
    "DOA 3.2.25", "D/C: 28-11-24", "Discharge date - 4 May". The label is its words (an abbreviation in
    ``labels``, a singular event noun or a past event verb, joined by ``label_words`` and punctuation) and
    nothing else: "Date of meeting:" has no event, "Report period:" neither. The person is the record's."""
    doc = span.doc
    before = doc[span.sent.start:span.start]
    if not 0 < len(before) <= 6:
        return False
    joined = "".join(t.text_with_ws for t in before).strip().rstrip(":-–— ").lower()
    if joined in words.labels:
        return True
    event = False
    for t in before:
        low = t.lower_
        if t.pos_ in _GLUE_POS or low in words.label_words:
            continue
        if low in words.labels or (low in words.nouns and t.tag_ not in _PLURAL_TAGS):
            event = True
            continue
        return False
    return event


def _event_in(tokens, words: EventWords):
    return next((t for t in tokens if _is_event(t, words)), None)


def personal_event(doc, start: int, end: int, words: EventWords) -> bool:
    """Whether the date at ``[start, end)`` of ``doc``'s text is tied by its sentence to one person's event."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    inside = {t.i for t in span}
    root = span.root
    cur = root
    event, kind = None, ""
    for _ in range(_MAX_STEPS):
        head = cur.head
        if head.i == cur.i:
            break
        if head.i in inside:
            cur = head
            continue
        kind = _is_event(head, words)
        if kind:
            event = head
            break
        if head.pos_ in _CLAUSE_POS:
            # a clause head that is no event: an event noun as its subject or object ("Eviction took place",
            # "She has a court hearing"), or inside a copula's subject ("Release date for this man is ...")
            cands = [c for c in head.children if (c.dep_ in _SUBJECTS or c.dep_ in _OBJECTS) and c.i not in inside]
            direct = _event_in(cands, words)
            if direct is None and head.lemma_.lower() in words.occur_verbs:
                for c in cands:
                    if c.dep_ in _SUBJECTS:
                        direct = _event_in(c.subtree, words)
                        if direct is not None:
                            break
            if direct is None:
                # (p20) an event word as the copula's complement: "She is due at court on 17/06/2025"
                event = next((c for c in head.children if c.dep_ == "acomp" and _is_event(c, words) == "verb"), None)
                if event is not None:
                    kind = "verb"
                    break
                return _opening_event(span, words) or _labelled(span, words)
            event, kind = direct, "noun"
            if _owners(direct):
                return _person_in(_owners(direct), words, inside)
            # no owner: the person named in the subject's phrase ("date for this man"), else the clause's
            # subject ("She has a court hearing"), else anyone in the sentence
            holder = next((c for c in cands if c.dep_ in _SUBJECTS), None)
            if holder is not None and any(t.i == direct.i for t in holder.subtree):
                others = [t for t in holder.subtree if t.i != direct.i]
                if _person_in(others, words, inside):
                    return True
                if len(others) and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in others):
                    return False
            subjects = [c for c in _subjects(head) if not any(t.i == direct.i for t in c.subtree)]
            if subjects:
                return _person_in(subjects, words, inside)
            return _note_event(direct, "noun") or _person_in(head.sent, words, inside)
        cur = head
    if event is None:
        return _opening_event(span, words) or _labelled(span, words)
    if kind == "verb":
        subjects = [c for c in _subjects(event) if c.i not in inside]
        objects = [c for c in event.children if c.dep_ in _OBJECTS and c.i not in inside]
        if _person_in(subjects + objects, words, inside) or any(_named(c) for c in subjects):
            return True
        if subjects and not all(_is_event(c, words) == "noun" for c in subjects):
            return False
        # (p20) an event noun as the subject ("First appointment missed 2/12"): its owner's, else the note's
        owners = [o for c in subjects for o in _owners(c)]
        if owners:
            return _person_in(owners, words, inside)
        # (p20) an object that is no person is a place or a thing ("Attended A&E 08.06"): the event is still
        # the note's person's when nothing else says whose it is; not an instruction ("see its note (by 31
        # December)", "attend the forum on 3 May")
        if event.tag_ == "VB" and not subjects:
            return False
        parties = []
    else:
        parties = _owners(event)
    if parties:
        return _person_in(parties, words, inside)
    if kind == "noun" and event.dep_ in _SUBJECTS | _OBJECTS and event.head.pos_ in _CLAUSE_POS:
        subjects = [c for c in _subjects(event.head) if c.i != event.i]
        if subjects:
            return _person_in(subjects, words, inside)
    return _note_event(event, kind) or _person_in(event.sent, words, inside)
