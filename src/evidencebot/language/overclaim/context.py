"""Context filters (``skip_when``): negation, hedges, aims, conditionals, questions, futures.

The filters are data: ``phrasebank/context.yaml`` holds ConText-style records
(trigger, category, direction, scope; see that file). A rule's ``skip_when:
[hedged]`` drops a match when any record of the category ``hedged`` applies to
the match's anchor word. This module holds only the scopes: how to look for a
trigger in the dependency parse (dependents and governors of the target) or on
the surface (a window of words, the verb group, the sentence).
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from evidencebot.language.markdown import quote_spans
from evidencebot.language.overclaim.common import Vocab, _span_text, _text, _toks, subject_of
from evidencebot.language.overclaim.voice import spoken_by_us
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import ContextRecord, norm_word


def word_sets(doc) -> tuple[set[str], set[str]]:
    """``({t.lower_ for t in doc}, {t.lemma_.lower() for t in doc})``, read from the doc's arrays: each
    distinct word's string is looked up once, and no spaCy Token is made per word."""
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return set(), set()
    strings = doc.vocab.strings
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T.tolist()
    return {strings[h] for h in set(lowers)}, {strings[h].lower() for h in set(lemmas)}


@functools.lru_cache(maxsize=256)
def _trigger_regex(trigger: tuple[str, ...]) -> re.Pattern:
    """(o22) One search for a record's trigger phrases, word-bounded as :func:`evidencebot.text.phrase_spans` bounds
    them (no letter or digit either side), shortest first at each place (group 1 is the phrase). A lookahead: every
    place a phrase starts is found, overlapping ones too (was a ``str.find`` loop per phrase, a hundred phrases for
    some records, per doc)."""
    alts = "|".join(re.escape(p) for p in sorted(set(trigger), key=len))
    return re.compile(rf"(?=(?<![^\W_])({alts})(?![^\W_]))")


class Context:
    """Questions about a token's clause, answered by the context records."""

    def __init__(self, doc, vocab: Vocab, records: Iterable[ContextRecord] = ()):
        self.doc = doc
        self.v = vocab
        self.lower_set, self.lemma_set = word_sets(doc)
        self.by_category: dict[str, list[ContextRecord]] = {}
        words = None
        for rec in records:
            if rec.trigger and rec.scope in W.context_token_scopes:
                # (o22) a record whose scope needs a trigger token cannot apply to a doc with no trigger word in
                # it: it is not tried (was a fifth of the time of the skip_when filters on the bench document)
                if words is None:
                    words = {norm_word(w) for w in self.lower_set} | self.lemma_set
                if rec.words.isdisjoint(words) and not any(p[0] in words for p in rec.phrases):
                    continue
            self.by_category.setdefault(rec.category, []).append(rec)
        self._memo: dict[tuple[str, int], bool] = {}
        self._chains: dict[int, list] = {}
        self._hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        # (a record's ``unless`` words, sentence start) -> whether they are in the sentence
        self._unless: dict[tuple[tuple[str, ...], int], bool] = {}
        self._words: dict[int, list[str]] = {}  # sentence start -> its words (:meth:`_sentence_words`)
        self._lower: str | None = None  # the doc's text in lower case, curly apostrophes straight
        #: token starts of the sentences another rule has reported (set by the engine before it runs
        #: a whole-sentence check that defers to every rule: see ``common.WHOLE_SENTENCE_CHECKS``)
        self.claimed_sentences: frozenset[int] = frozenset()
        #: the character spans of those findings (a claim of its own in another clause of a reported
        #: sentence is still scored: the whole-sentence check defers by span, not by sentence)
        self.claimed_spans: tuple[tuple[int, int], ...] = ()

    # -- structure -------------------------------------------------------------------

    def chain(self, tok) -> list[tuple[object, bool]]:
        """The token and its governors: ``[(token, lexical)]``. ``lexical`` is False once
        the climb has passed a ``conj`` edge (then only shared auxiliaries count)."""
        cached = self._chains.get(tok.i)
        if cached is not None:
            return cached
        out = [(tok, True)]
        lexical = True
        cur = tok
        for _ in range(8):
            dep = cur.dep_
            head = cur.head
            if head is cur or dep == "ROOT":
                break
            if dep == "conj":
                if self._contrasted(cur, head):
                    break  # (o22) "X may have played a part, but the fall is thanks to us": a clause of its own
                lexical = False
                if self._own_tense(cur):
                    # (m26) "Staff may have helped, and our service transformed outcomes": a conjunct with its
                    # own subject and its own tense shares nothing of the verb before it (its modal, its "not"),
                    # only what governs both ("It is possible that staff helped and the service ...")
                    cur = head
                    continue
            elif dep not in W.climb_deps:
                break
            if dep == "ccomp" and (self._presented(cur, head) or self._felt(cur, head)):
                break
            out.append((head, lexical))
            cur = head
        self._chains[tok.i] = out
        return out

    @staticmethod
    def _contrasted(conj, head) -> bool:
        """(o22) A conjunct with a subject of its own set against the clause before it by a word of contrast ("...,
        but the fall in evictions is thanks to our team"): what governs that clause (a modal, a negation) is not
        shared with it."""
        return any(c.dep_ == "cc" and c.i < conj.i and norm_word(c.text) in W.contrast_words for c in head.children) \
            and any(c.dep_ in W.own_subject_deps for c in conj.children)

    @staticmethod
    def _own_tense(conj) -> bool:
        """(m26) A conjunct with a subject of its own and a finite verb or an auxiliary of its own."""
        return any(c.dep_ in W.own_subject_deps for c in conj.children) and (
            conj.tag_ in W.finite_tags or any(c.dep_ in W.own_aux_deps for c in conj.children))

    @staticmethod
    def _felt(clause, adjective) -> bool:
        """(oc2, s36) A clause with its own subject under an adjective of feeling ("members should be proud that the
        union alone won ...", "we are glad that ..."): the feeling takes the clause as true; a modal on the feeling
        ("should be proud") does not hedge it, unless the feeling is negated."""
        return adjective.lemma_.lower() in W.factive_adjectives and any(
            c.dep_ in W.own_subject_deps for c in clause.children) and not any(
            c.dep_ == "neg" for t in (adjective, adjective.head) for c in t.children)

    @staticmethod
    def _presented(clause, verb) -> bool:
        """A clause with its own subject that a verb of presenting puts to the reader ("is asked
        to note that our team ...", "we would highlight that ..."): a statement of its own, not
        under the presenting verb's modality, unless that verb is negated."""
        return (verb.lemma_.lower() in W.presenting_verbs
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
                and not any(c.dep_ == "neg" for c in verb.children))

    @staticmethod
    def infinitive(tok) -> bool:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return bool(prev is not None and prev.lower_ == "to" and prev.tag_ == "TO" and tok.tag_ == "VB")

    # -- the categories -----------------------------------------------------------------

    def is_in(self, category: str, tok) -> bool:
        key = (category, tok.i)
        hit = self._memo.get(key)
        if hit is None:
            hit = any(self._applies(rec, tok) for rec in self.by_category.get(category, ()))
            self._memo[key] = hit
        return hit

    def negated(self, tok) -> bool:
        return self.is_in("negated", tok)

    def hedged(self, tok) -> bool:
        return self.is_in("hedged", tok)

    def speculative(self, tok) -> bool:
        return self.is_in("speculative", tok)

    def aim(self, tok) -> bool:
        return self.is_in("aim", tok)

    def conditional(self, tok) -> bool:
        return self.is_in("conditional", tok)

    def question(self, tok) -> bool:
        return self.is_in("question", tok)

    def future(self, tok) -> bool:
        return self.is_in("future", tok)

    def cautioned(self, tok) -> bool:
        return self.is_in("cautioned", tok)

    def disclaimed(self, tok) -> bool:
        return self.is_in("disclaimed", tok)

    def skip(self, tok, filters: Iterable[str]) -> bool:
        return any(self.is_in(name, tok) for name in filters)

    def records_applying(self, tok) -> list[ContextRecord]:
        """Every record that applies to ``tok`` (for ``evidencebot rules explain``)."""
        return [r for recs in self.by_category.values() for r in recs if self._applies(r, tok)]

    # -- the scopes -----------------------------------------------------------------------

    def _applies(self, rec: ContextRecord, tok) -> bool:
        if rec.unless:
            sent = tok.sent
            key = (rec.unless, sent.start)  # (records with the same words share the answer)
            hit = self._unless.get(key)
            if hit is None:
                hit = self._unless[key] = rec.unless_hit(sent, self._sentence_words(sent))
            if hit:
                return False
        return getattr(self, "_scope_" + rec.scope)(rec, tok)

    def _sentence_words(self, sent) -> list[str] | None:
        """The words of a sentence of this doc as :func:`norm_word` gives them, made once per sentence (records with
        different ``unless`` words read the same sentence); None for a sentence of another doc."""
        if sent.doc is not self.doc:
            return None
        words = self._words.get(sent.start)
        if words is None:
            words = self._words[sent.start] = [norm_word(t.text) for t in _toks(self.doc)[sent.start:sent.end]]
        return words

    def _scope_dependents(self, rec, tok) -> bool:
        for t, lexical in self.chain(tok):
            if rec.lexical and not lexical:
                continue
            for c in t.children:
                if not rec.filters_ok(c) or not rec.word_hit(c):
                    continue
                if rec.direction == "forward" and c.i > tok.i or rec.direction == "backward" and c.i < tok.i:
                    continue
                if lexical or not rec.nonlexical_within or c.i > tok.i - rec.nonlexical_within:
                    return True
        return False

    def _scope_governors(self, rec, tok) -> bool:
        for t, lexical in self.chain(tok):
            if t.i == tok.i or not (lexical or rec.nonlexical):
                continue
            if rec.exclude and (norm_word(t.text) in rec.exclude or t.lemma_.lower() in rec.exclude):
                continue
            if rec.word_hit(t) and (not rec.pos or t.pos_ in rec.pos):
                if rec.limits and self._own_voice(rec, t):
                    continue
                return True
        return False

    @staticmethod
    def _own_voice(rec, verb) -> bool:
        """(o22) A verb of saying in the writer's own voice (``limits``: the subjects that are the writer: "we are proud
        to say ...", "I can tell you ..."), or an infinitive with no subject ("Proud to say the improvement ... was
        driven by our model"): what follows is asserted, not reported. (oc28) So is a quote given to one of our
        leads by the job before the name ("'...,' said manager Lisa Brennan": :mod:`.voice`)."""
        if _quoted_lead(verb.sent):
            return True
        subj = subject_of(verb)
        if subj is not None:
            return norm_word(subj.text) in rec.limits
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

    def _scope_denied_governor(self, rec, tok) -> bool:
        """(o21) A verb of saying, suggesting or concluding (a trigger) that governs the target and is denied: a
        "not" on it ("we are not suggesting that ...", "I will not ... tell you that ..."), or a subject that is
        nobody or nothing (``limits``: "no one should conclude that ...", "nothing here should be read as saying
        ...", "neither analysis has established that ..."). The target's own negation is not a denial of it:
        "learners do not relapse" is the claim itself."""
        for t, _lexical in self.chain(tok):
            if t.i == tok.i or not rec.word_hit(t):
                continue
            if any(c.dep_ == "neg" for c in t.children) or (
                    t.dep_ == "xcomp" and any(c.dep_ == "neg" for c in t.head.children)):
                return True  # (and "I am not going to tell you that ...", "we do not want to suggest ...")
            subj = subject_of(t)
            if subj is not None and (norm_word(subj.text) in rec.limits or any(
                    c.dep_ in W.denial_subject_deps and norm_word(c.text) in rec.limits for c in subj.children)):
                return True
        return False

    def _scope_chain(self, rec, tok) -> bool:
        return any(rec.word_hit(t) and rec.filters_ok(t) for t, _lexical in self.chain(tok))

    def _scope_window(self, rec, tok) -> bool:
        sent = tok.sent
        T = _toks(tok.doc)
        if rec.direction in ("forward", "bidirectional"):
            if any(rec.word_hit(t) and rec.filters_ok(t) for t in T[max(sent.start, tok.i - rec.size):tok.i]):
                return True
        if rec.direction in ("backward", "bidirectional"):
            if any(rec.word_hit(t) and rec.filters_ok(t) for t in T[tok.i + 1:min(sent.end, tok.i + 1 + rec.size)]):
                return True
        return False

    def _scope_verb_group(self, rec, tok) -> bool:
        T = _toks(tok.doc)
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - rec.size) - 1, -1):
            t = T[j]
            if rec.word_hit(t) and rec.filters_ok(t):
                return True
            if not (t.pos_ in W.aux_part_adv or t.lower_ in W.verb_group_words):
                break
        return False

    def _phrase_spans(self, rec) -> list[tuple[int, int]]:
        """Character spans of the record's triggers in the doc (word-bounded), once per doc: at each place a trigger
        starts, the shortest one there (what the scopes ask, a trigger inside a stretch of the sentence, a longer
        trigger from the same place can only fail when the shortest passes)."""
        hits = self._hits.get(rec.trigger)  # (records with the same triggers share the spans)
        if hits is None:
            if self._lower is None:
                self._lower = _text(self.doc).lower().replace("\u2019", "'")
            hits = [m.span(1) for m in _trigger_regex(rec.trigger).finditer(self._lower)]
            self._hits[rec.trigger] = hits
        return hits

    def _scope_sentence(self, rec, tok) -> bool:
        sent = tok.sent
        for s, e in self._phrase_spans(rec):
            if rec.direction != "backward" and sent.start_char <= s and e <= tok.idx:
                if rec.limits and self._conceded(rec, tok, s) or (
                        rec.category in W.subject_scoped_categories and self._in_subject(tok, s, e)):
                    continue
                return True
            if rec.direction != "forward" and tok.idx <= s and e <= sent.end_char:
                return True
        return False

    @staticmethod
    def _in_subject(tok, start: int, end: int) -> bool:
        """(o22) Is the trigger inside the target's own subject ("Keeping patients in the community rather than in
        hospital saved the trust £3 million")? There a negation qualifies what the subject names, not the claim made of
        it (a caution there still limits the claim: "Rates based on fewer than ten mothers ..."); (o23) so does a hedge
        ("The debt advice we provide alongside counselling lifts families out of crisis": what we provide alongside
        something, not credit shared with someone). The categories read so: ``subject_scoped_categories``."""
        for c in tok.children:
            if c.dep_ in W.own_subject_deps or c.dep_ == "csubj":
                if c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge.text):
                    return True
        return False

    def _conceded(self, rec, tok, start: int) -> bool:
        """(o22) A trigger before the target that the sentence concedes and then sets aside (``limits``: the words
        of concession and contrast): inside a clause opened by one ("Although housing is only one part of the
        picture, the fall in evictions was brought about by our team") that the target is not in, or before one
        that stands between it and the target ("Other services played a part, but the fall is thanks to us")."""
        T = _toks(self.doc)
        sent = tok.sent
        at = next((t for t in T[sent.start:tok.i] if t.idx <= start < t.idx + len(t.text) + 1), None)
        if at is None:
            return False
        if any(norm_word(t.text) in rec.limits and t.dep_ in W.concession_deps for t in T[at.i + 1:tok.i]):
            return True  # "..., but" between them
        for t in T[sent.start:at.i]:
            if norm_word(t.text) in rec.limits and t.dep_ == "mark":
                clause = t.head
                if clause.left_edge.i <= at.i <= clause.right_edge.i and not (
                        clause.left_edge.i <= tok.i <= clause.right_edge.i):
                    return True
        return False

    def _scope_opening_clause(self, rec, tok) -> bool:
        sent = tok.sent
        first = sent[0] if sent[0].is_alpha else (sent[1] if len(sent) > 1 else sent[0])
        if first.i < tok.i and rec.word_hit(first):
            return not any(t.text in W.clause_commas for t in tok.doc[first.i:tok.i])
        return False

    def _scope_sentence_end(self, rec, tok) -> bool:
        text = _span_text(tok.sent).rstrip().rstrip("\"'\u201d\u2019)")
        return any(text.endswith(t) for t in rec.trigger)

    def _scope_infinitive(self, rec, tok) -> bool:
        if not self.infinitive(tok):
            return False
        head = tok.head
        if rec.trigger and not rec.word_hit(head):
            return False
        if rec.exclude:
            words = {norm_word(head.text), head.lemma_.lower()} | {c.lower_ for c in head.children if c.dep_ == "aux"}
            if words & rec.exclude:
                return False
        return True

    def _scope_subject(self, rec, tok) -> bool:
        """The subject of the target (or of a word governing it) is, or is determined by, a trigger:
        "**no** provider can promise", "**nobody** can guarantee"."""
        for t, lexical in self.chain(tok):
            if not lexical:
                break
            subj = subject_of(t)
            if subj is None:
                continue
            if rec.exclude and any(norm_word(c.text) in rec.exclude for c in subj.subtree):
                return False
            if rec.word_hit(subj) or any(c.dep_ in W.subject_negator_deps and rec.word_hit(c) for c in subj.children):
                return True
        return False

    def _scope_limited_clause(self, rec, tok) -> bool:
        """Another clause of the target's sentence says that what it shows is limited: a verb of
        showing or telling (a trigger) that is negated or whose object or modifier is one of
        ``limits`` ("a difference of two people tells us very little", "this does not show that
        the groups work", "which proves nothing"), and whose subject is not one of ``exclude``
        (people: "staff did not tell the family" is an event, not a caution)."""
        sent = tok.sent
        for t in sent:
            if t.pos_ not in ("VERB", "AUX") or not rec.word_hit(t):
                continue
            if rec.direction == "forward" and t.i > tok.i or rec.direction == "backward" and t.i < tok.i:
                continue
            limited = any(c.dep_ == "neg" for c in t.children) or any(
                norm_word(c.text) in rec.limits and c.dep_ not in ("nsubj", "nsubjpass") for c in t.children)
            if not limited:
                continue
            subj = subject_of(t)
            if subj is not None and (norm_word(subj.text) in rec.exclude or subj.lemma_.lower() in rec.exclude):
                continue
            if self._clause_about_us(t):
                continue  # "..., but that does not mean we are complacent": about us, not the evidence
            return True
        return False

    @staticmethod
    def _clause_about_us(verb) -> bool:
        """The clause the verb says or shows is about the writer or reader: its subject is, or is
        owned by, a first- or second-person pronoun ("does not mean we are complacent", "does
        not mean our work is finished")."""
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                for w in (subj, *(c for c in subj.children if c.dep_ == "poss")):
                    if w.pos_ == "PRON" and set(w.morph.get("Person")) & {"1", "2"}:
                        return True
        return False

    def _scope_gerund(self, rec, tok) -> bool:
        if tok.tag_ != "VBG" or (rec.not_dep and tok.dep_ in rec.not_dep):
            return False
        if any(c.dep_ == "aux" and c.lower_ in rec.exclude for c in tok.children):
            return False
        prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
        return prev is None or prev.lower_ not in rec.exclude


def _quoted_lead(sent) -> bool:
    """(oc28) Does ``sent`` hold a quote in our own voice (:func:`evidencebot.language.overclaim.voice.spoken_by_us`)?"""
    text = sent.text
    if not any(ch in text for ch in "'‘\"“"):
        return False
    return any(spoken_by_us(text, q) for q in quote_spans(text))
