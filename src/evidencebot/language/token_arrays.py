"""(perf38, issue 15) A doc's tokens as plain Python lists, read once per doc and shared by the checks.

Reading an attribute of a spaCy token (``t.lower_``, ``t.dep_``, ``t.head.i``) makes a ``Token`` object when the
token is taken from the doc and then looks its string up in the vocabulary, every time it is asked. The checks
that walk every word of a doc (the two learned scorers, their units and gates) ask the same few attributes of the
same tokens again and again; :func:`arrays` reads them for the whole doc at once, from ``Doc.to_array`` (no
``Token`` made), into lists indexed by the token's position in the doc, kept in ``doc.user_data`` while the doc
lives. The strings are the ones spaCy's own attributes give (the same vocabulary look-up), so a check that reads
them finds what it found from the tokens.

A doc is never changed after the parse here (no retokenising), so the lists stay true for the doc's life.
"""

from __future__ import annotations

from typing import Any

_KEY = "_evidencebot_arrays"
_IOB = ("", "I", "O", "B")  # Token.ent_iob_ for the ENT_IOB values 0..3


class TokenArrays:
    """Per token of one doc (index = ``token.i``): its text, lower-case form, lemma in lower case, part of speech,
    tag, relation, head's index, entity IOB and type (as ``ent_iob_``/``ent_type_``), character offset, and the
    ``is_alpha``/``is_space``/``like_num`` flags."""

    __slots__ = ("text", "lower", "lemma", "pos", "tag", "dep", "head", "ent_iob", "ent_type", "idx",
                 "is_alpha", "is_space", "like_num")

    def __init__(self, doc: Any):
        from spacy.attrs import (  # (spaCy is loaded lazily: only a check of a parsed doc gets here)
            DEP,
            ENT_IOB,
            ENT_TYPE,
            HEAD,
            IDX,
            IS_ALPHA,
            IS_SPACE,
            LEMMA,
            LENGTH,
            LIKE_NUM,
            LOWER,
            POS,
            TAG,
        )

        strings = doc.vocab.strings
        n = len(doc)
        if not n:
            for slot in self.__slots__:
                setattr(self, slot, [])
            return
        # the string attributes (hashes) in one call, the numbers in another read as signed (HEAD is the head's offset
        # from the token, negative for a head before it); each column then becomes a list, a string column through a
        # table of its distinct values
        cols = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE]).T.tolist() + doc.to_array(
            [IDX, LENGTH, HEAD, ENT_IOB, IS_ALPHA, IS_SPACE, LIKE_NUM]).astype("int64").T.tolist()
        names: dict[int, str] = {}

        def column(values: list[int]) -> list[str]:
            for v in set(values).difference(names):
                names[v] = strings[v]
            return list(map(names.__getitem__, values))

        self.lower, lemma, self.pos, self.tag, self.dep, self.ent_type = (column(c) for c in cols[:6])
        lowered = {w: w.lower() for w in set(lemma)}
        self.lemma = list(map(lowered.__getitem__, lemma))
        idx, length, head = cols[6], cols[7], cols[8]
        # (the doc's text as the checker gave it, when it did: ``Doc.text`` makes a Token per word to join it)
        text = doc.user_data.get("_evidencebot_text") or doc.text
        self.idx = idx
        self.text = [text[a:a + k] for a, k in zip(idx, length)]
        self.head = [i + h for i, h in enumerate(head)]
        self.ent_iob = list(map(_IOB.__getitem__, cols[9]))
        self.is_alpha = list(map(bool, cols[10]))
        self.is_space = list(map(bool, cols[11]))
        self.like_num = list(map(bool, cols[12]))


def arrays(doc: Any) -> TokenArrays:
    """The doc's :class:`TokenArrays`, made on first asking and kept with the doc."""
    data = doc.user_data
    got = data.get(_KEY)
    if got is None:
        got = data[_KEY] = TokenArrays(doc)
    return got


def tokens(doc: Any) -> list:
    """The doc's tokens as a list, made once per doc (the list the over-claim checks keep: ``common._toks``)."""
    data = doc.user_data
    got = data.get("_evidencebot_toks")
    if got is None:
        got = data["_evidencebot_toks"] = list(doc)
    return got
