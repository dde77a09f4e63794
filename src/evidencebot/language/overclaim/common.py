"""Shared helpers of the over-claim checks: tokens, subjects, term lists, the check registry."""

from __future__ import annotations

from collections import defaultdict

import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, TypeVar

from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule

if TYPE_CHECKING:
    from evidencebot.language.overclaim.context import Context

_T = TypeVar("_T")

# Inflected forms of the verbs in the vocabulary, for tokens the tagger got
# wrong ("Reduced hospital admissions" tagged as an adjective).


def verb_forms(lemma: str) -> list[str]:
    """Regular English inflections of a verb, plus the irregular ones above."""
    if lemma in W.irregular_verbs:
        return [lemma, *W.irregular_verbs[lemma]]
    forms = [lemma]
    if lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(tuple(W.sibilant_endings)):
        forms += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + "ing"]
    return forms


WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


_LAST: tuple = (None, None)


def _toks(doc) -> list:
    """The doc's tokens as a list, made once per doc (indexing a Doc builds a new Token
    object every time, which dominates the cost of the surface checks)."""
    global _LAST
    last = _LAST  # one atomic read: safe if another thread swaps it
    if last[0] is doc:
        return last[1]
    cached = doc.user_data.get("_evidencebot_toks")
    if cached is None:
        cached = list(doc)
        doc.user_data["_evidencebot_toks"] = cached
    _LAST = (doc, cached)
    return cached


def _text(doc) -> str:
    """``doc.text``, made once per doc (spaCy joins the tokens' texts on every call)."""
    cached = doc.user_data.get("_evidencebot_text")
    if cached is None:
        cached = doc.text
        doc.user_data["_evidencebot_text"] = cached
    return cached


def remember_text(doc, text: str) -> None:
    """Give :func:`_text` the doc's text when the caller holds it (the checker parses each block from
    its text): spaCy would join it from a Token per word. Only a text that ends where the doc's last
    token does is taken."""
    if "_evidencebot_text" not in doc.user_data and (
            len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text) or not len(doc) and not text):
        doc.user_data["_evidencebot_text"] = text


def _lower_text(doc) -> str:
    """``doc.text.lower()``, made once per doc."""
    cached = doc.user_data.get("_evidencebot_lower")
    if cached is None:
        cached = _text(doc).lower()
        doc.user_data["_evidencebot_lower"] = cached
    return cached


def _span_text(span) -> str:
    """``span.text`` cut from the doc's text made once (spaCy joins the span's tokens on every call)."""
    return _text(span.doc)[span.start_char:span.end_char]


def _sents(doc) -> list:
    cached = doc.user_data.get("_evidencebot_sents")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["_evidencebot_sents"] = cached
    return cached


def _sentence_of(token):
    """``token.sent`` read from the doc's sentences made once (:func:`_sents`): the same span, found by the
    token's index (spaCy's own walks the sentence both ways and makes two spans at every call; the checks ask
    for a token's sentence tens of thousands of times on a long document)."""
    doc = token.doc
    index = doc.user_data.get("_evidencebot_sent_of")
    if index is None:
        index = []
        for sent in _sents(doc):
            index.extend([sent] * (sent.end - sent.start))
        doc.user_data["_evidencebot_sent_of"] = index
    return index[token.i]


@contextmanager
def cached_sentences(doc):
    """While the block runs, ``token.sent`` on ``doc`` is a look-up (:func:`_sentence_of`, through spaCy's
    ``user_token_hooks``), unless the doc has a hook of its own; the hook and its index go at the end, so a doc
    shared with other callers (the parse cache, the pipeline's joined docs) is left as it came (review of perf27: a
    hook left installed read a stale index after a retokenize). A Span (not a Doc) is left alone."""
    hooks = getattr(doc, "user_token_hooks", None)
    ours = hooks is not None and "sent" not in hooks
    if ours:
        hooks["sent"] = _sentence_of
    try:
        yield
    finally:
        if ours:
            hooks.pop("sent", None)
            doc.user_data.pop("_evidencebot_sent_of", None)


@dataclass
class Candidate:
    rule: Rule
    start: int
    """token index"""
    end: int
    anchor: int
    """the token whose context (negation, hedges) decides"""
    message: str | None = None
    suggestions: list[str] | None = None


class Vocab:
    """The vocabulary lists as Python sets, plus derived forms."""

    def __init__(self, data: dict):
        self.data = data

    def set(self, name: str) -> frozenset[str]:
        cache = self.__dict__.setdefault("_sets", {})
        if name not in cache:
            value = self.data.get(name, [])
            if isinstance(value, dict):
                value = list(value)
            cache[name] = frozenset(v.lower() for v in value)
        return cache[name]

    def memo(self, key: str, build: Callable[[], _T]) -> _T:
        """A set (or a tuple of sets) a check builds from these lists, its rule's options and the grammar words, built
        once per vocabulary (one loaded phrasebank); a key built from a rule's options names the rule."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = build()
        return cache[key]

    def forms(self, name: str) -> dict[str, str]:
        """Inflected form -> lemma for a list of verb lemmas."""
        cache = self.__dict__.setdefault("_forms", {})
        if name not in cache:
            out = {}
            for lemma in self.data.get(name, []):
                for form in verb_forms(lemma):
                    out.setdefault(form, lemma)
            cache[name] = out
        return cache[name]


# --- helpers on tokens ---------------------------------------------------------------


def is_verbal(tok) -> bool:
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.tag_.startswith("VB"):
        return True
    return tok.tag_ in W.jj_nn_nns_etc and tok.lower_.endswith("ed")


def word_in(tok, words) -> bool:
    """The token's lower-case form or its lemma is one of ``words``."""
    return tok.lower_ in words or tok.lemma_.lower() in words


def blocked(ctx, tok, future_ok: bool = False, negated_ok: bool = False) -> bool:
    """Questions, negations (unless ``negated_ok``), conditionals, aims and (unless ``future_ok``: statements only)
    futures never claim; each check decides about hedges itself (``hedged``, or only ``speculative``). ``ctx`` is the
    sentence reader (:class:`evidencebot.language.overclaim.context.Context`). One gate for the claim, counterfactual
    and universal-efficacy checks."""
    return (ctx.question(tok) or (not negated_ok and ctx.negated(tok)) or ctx.conditional(tok) or ctx.aim(tok)
            or (not future_ok and ctx.future(tok)))


def denied(np, words=None) -> bool:
    """Whether a determiner of ``words`` (by default "no": ``W.no_one_words``) denies the noun phrase headed by
    ``np``: "no approach", "no single model" ("neither" too where a check's own words name it)."""
    words = W.no_one_words if words is None else words
    return any(c.dep_ == "det" and c.lower_ in words for c in np.children)


def subject_of(tok):
    """The grammatical subject of a verb, inherited through conj/xcomp; None if none."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in W.nsubj_csubj_expl:
                return c
        if cur.dep_ in W.conj_xcomp_advcl_etc and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return cur.head
        break
    return None


HYPHEN_RE = re.compile(r"(?<=\w)-(?=\w)")


def _split_hyphens(word: str) -> list[str]:
    """``"pre-eminent"`` -> ``["pre", "-", "eminent"]`` (how spaCy tokenizes it)."""
    if "-" not in word or word == "-":
        return [word]
    out: list[str] = []
    for k, piece in enumerate(HYPHEN_RE.split(word)):
        if k:
            out.append("-")
        out.append(piece)
    return out


class Terms:
    """Where the vocabulary term lists occur in a doc (one PhraseMatcher pass)."""

    def __init__(self, doc, matcher, strings):
        self.starts: dict[str, dict[int, int]] = {}
        for key, s, e in matcher(doc):
            name = strings[key]
            d = self.starts.setdefault(name, {})
            if e > d.get(s, -1):
                d[s] = e
        # token index -> covering end, per list
        self.cover: dict[str, dict[int, int]] = {}
        for name, d in self.starts.items():
            cov = {}
            for s, e in d.items():
                for i in range(s, e):
                    cov[i] = max(cov.get(i, 0), e)
            self.cover[name] = cov

    def at(self, name: str, i: int) -> int | None:
        """End of a term of ``name`` starting at token ``i``."""
        return self.starts.get(name, {}).get(i)

    def covers(self, name: str, i: int) -> bool:
        return i in self.cover.get(name, {})

    def any(self, name: str) -> bool:
        return bool(self.starts.get(name))

    def spans(self, name: str) -> list[tuple[int, int]]:
        return sorted(self.starts.get(name, {}).items())


# --- the named checks ----------------------------------------------------------------------

CHECKS: dict[str, Callable] = {}


#: Checks whose candidates are whole sentences (the learned scorer). When such a rule defers to every
#: rule of its family, the engine runs it last; in a sentence another rule has reported
#: (``Context.claimed_sentences``) it scores only the clauses no finding overlaps (``Context.claimed_spans``):
#: it defers by span, not by sentence.
WHOLE_SENTENCE_CHECKS: set[str] = set()


def check(name: str, whole_sentence: bool = False):
    """Register a check under ``name``; the term lists it reads are ``check_terms`` in ``grammar.yaml``."""

    def deco(fn):
        CHECKS[name] = fn
        if whole_sentence:
            WHOLE_SENTENCE_CHECKS.add(name)
        return fn
    return deco


def _surface_subject(doc, v):
    """The nearest noun or pronoun before the verb in its clause (for misparsed verbs)."""
    skip_pos = W.aux_adv_part
    for i in range(v.i - 1, max(v.sent.start, v.i - 6) - 1, -1):
        t = doc[i]
        if t.pos_ in skip_pos or t.lower_ in W.surface_subject_skip:
            continue
        if t.pos_ in W.noun_propn_pron:
            return t
        return None
    return None


# Verbs that are system outcomes when something is "fewer people ... admitted".




def _clause(doc, i: int) -> tuple[int, int]:
    """Token bounds of the clause around ``i`` (surface: punctuation and linking words)."""
    T = _toks(doc)
    sent = T[i].sent
    s0, s1 = sent.start, sent.end
    start = s0
    for j in range(i - 1, s0 - 1, -1):
        t = T[j]
        text = t.text
        if text in W.clause_start_marks or (text == "," and j < i - 1):
            start = j + 1
            break
        if text.lower() == "that" and t.dep_ == "mark":
            start = j + 1
            break
    end = s1
    for j in range(i + 1, s1):
        text = T[j].text
        if text in W.clause_end_marks:
            end = j
            break
        if text == "," and j + 1 < s1 and T[j + 1].lower_ in W.clause_end_after_comma:
            end = j
            break
    return start, end


def names_period(tok) -> bool:
    """(oc2, s36) A modifier of a unit of time ("working" in "the next working day"): part of a time, not an outcome."""
    return tok.dep_ in W.period_modifier_deps and tok.head.lemma_.lower() in W.period_units


def _words_in(doc, s: int, e: int) -> tuple[set[str], str]:
    words = {t.lower_ for t in doc[s:e]} | {t.lemma_.lower() for t in doc[s:e]}
    text = " " + " ".join(t.lower_ for t in doc[s:e]) + " "
    return words, text




def _has_signal(words: set[str], text: str, signals: frozenset) -> bool:
    if "better" in words or "best" in words:
        cleaned = W.not_outcome.sub(" ", text)
        if cleaned != text:
            text = cleaned
            words = set(words) - W.better_words | set(cleaned.split())
    for sig in signals:
        if " " in sig:
            if f" {sig} " in text:
                return True
        elif sig in words:
            return True
        elif "-" in sig and f" {_spaced(sig)} " in text:
            return True  # "self-harm" is three tokens: self - harm
    return False


_SPACED: dict[str, str] = {}


def _spaced(word: str) -> str:
    out = _SPACED.get(word)
    if out is None:
        out = _SPACED[word] = " ".join(_split_hyphens(word))
    return out


def _has_caveat(doc, tok, caveats) -> bool:
    """The sentence says its numbers are too small to generalise from."""
    sent = tok.sent
    _, text = _words_in(doc, sent.start, sent.end)
    return any(f" {c} " in text for c in caveats)


def _plainly_negated(ctx: Context, verb) -> bool:
    """Negated by "not"/"n't" on the verb or a governor ("we cannot promise that everyone...")."""
    for t, _lexical in ctx.chain(verb):
        if any(c.dep_ == "neg" and c.lower_ in W.negation_particles for c in t.children):
            return True
    return False


class _OutcomeWords:
    """Is a predicate about people's outcomes (not the service's processes)?"""

    def __init__(self, v: Vocab):
        self.outcome_verbs = v.set("outcome_verbs")
        self.process_verbs = v.set("process_verbs")
        self.words = v.set("outcome_words")
        self.adjectives = v.set("outcome_adjectives")
        self.negative_events = v.set("negative_outcome_words")
        self.weak = v.set("weak_outcome_verbs")

    def outcome(self, verb, *, negative: bool = False, strict: bool = False) -> bool:
        lemma = verb.lemma_.lower()
        low = verb.lower_
        pred_words = set()
        for c in verb.children:
            if c.dep_ in W.dobj_acomp_attr_etc:
                pred_words.update(t.lower_ for t in c.subtree if t.i - verb.i < 12)
        if negative and (low in self.negative_events or lemma in self.negative_events):
            # "admitted", "readmitted", "sectioned", "relapsed": with nobody/none/never
            return True
        if lemma in W.light_verbs or verb.pos_ == "AUX":
            if pred_words & self.adjectives:
                return True
            return negative and bool(pred_words & self.negative_events)
        if lemma in self.process_verbs and lemma not in self.outcome_verbs:
            return False
        if lemma in self.outcome_verbs:
            if lemma in self.weak:
                return bool(pred_words & self.words) or (negative and bool(pred_words & self.negative_events))
            return True
        if strict:
            return False
        return bool(pred_words & self.adjectives) and lemma not in self.process_verbs


def _quantified_noun(doc, q, people, after_of: bool = False):
    """The people noun a quantifier applies to (within a few words)."""
    limit = min(len(doc), q.i + 7, q.sent.end)
    for i in range(q.i + 1, limit):
        t = doc[i]
        if t.lemma_.lower() in people or t.lower_ in people:
            # "people" in "service users": take the last noun of a compound
            j = i
            while j + 1 < limit and doc[j + 1].dep_ == "compound" or (j + 1 < limit and doc[j + 1].lower_ in people and doc[j].dep_ == "compound"):
                j += 1
            return doc[j]
        if t.is_punct and t.lower_ not in ("%",):
            return None
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG"):
            return None
    if q.head is not q and (q.head.lemma_.lower() in people or q.head.lower_ in people):
        return q.head
    return None




def _is_target(sent) -> bool:
    return bool(W.target_re.search(_span_text(sent)))




def _ci_level(doc, end: int) -> bool:
    """Is the percentage ending before token ``end`` the level of a confidence interval
    ("95% CI", "95% confidence interval")? That is not a figure about the service."""
    T = _toks(doc)
    return end < len(doc) and T[end].lower_ in W.interval_words


def governing_verb(tok, steps: int = 4):
    """The nearest verb at or above ``tok`` (at most ``steps`` heads up; the last token reached otherwise)."""
    cur = tok
    for _ in range(steps):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:  # a verb, or the root
            return cur
        cur = cur.head
    return cur


def _anchor_verb(tok):
    return governing_verb(tok).i


def _number(tok) -> int | None:
    """The whole number a token counts ("12", "twelve"); None for other tokens and for a time
    of day ("8" in "8pm", "from 8 am")."""
    if tok.lower_.isdecimal() and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in W.clock_words:
        return None
    low = tok.lower_.replace(",", "")
    # isdecimal(), not isdigit(): superscripts and circled digits ("²", "①") are
    # digits to isdigit() but int() cannot read them.
    if low.isdecimal():
        try:
            return int(low)
        except ValueError:
            return None
    return W.number_words.get(low)


def option_words(value) -> frozenset[str]:
    """A rule option's word list, lower-cased ("any" or nothing: no words)."""
    if value in (None, "any"):
        return frozenset()
    return frozenset(str(v).lower() for v in value)


def all_option_words(o: dict) -> dict:
    """Every list option of a rule as a word set under its own name (an option the rule leaves out: no words): the
    settings builder the checks that read their options as word sets share."""
    return defaultdict(frozenset, {k: option_words(v) for k, v in o.items() if isinstance(v, (list, tuple))})


def derived(rule, build) -> dict:
    """Data a check derives from its rule's options, built once per rule and kept on the rule."""
    cache = rule.__dict__.setdefault("_derived", {})
    if not cache:
        cache.update(build(rule.options))
    return cache
