"""The over-claim family: sentences that claim more than the evidence can show.

Rules live in ``phrasebank/overclaim.yaml`` and word lists in
``phrasebank/vocabulary.yaml``. Four engines evaluate them, each in one pass
over a parsed document:

* ``phrase`` rules: one :class:`spacy.matcher.PhraseMatcher` on lower-cased words;
* ``token`` rules: one :class:`spacy.matcher.Matcher`;
* ``dependency`` rules: one :class:`spacy.matcher.DependencyMatcher`;
* ``check`` rules: named parse-aware checks written in Python and configured
  by the rule's ``options`` (``causal_system_outcome``, ``absolute_outcome``,
  ``guarantee``, ``number_context``, ``small_denominator``, ``puffery``).

Every candidate match then goes through the rule's ``exceptions`` and its
``skip_when`` context filters (negated, hedged, aim, conditional, question,
future), which read the dependency parse: is the verb governed by "helped",
"aim to", "may"; is it negated; is it inside an "if" clause. Each match keeps
its rule, so every finding is explainable by its phrasebank record.

Quoted speech is not handled here: the checker drops over-claim findings inside
quotation marks and blockquotes (see :mod:`evidencebot.language.checker`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Callable, Iterable

from evidencebot.errors import ConfigError
from evidencebot.language.findings import Finding
from evidencebot.language.phrasebank import Phrasebank, Rule, load_phrasebank

FAMILY = "overclaim"

# Inflected forms of the verbs in the vocabulary, for tokens the tagger got
# wrong ("Reduced hospital admissions" tagged as an adjective).
IRREGULAR = {
    "cut": ["cut", "cuts", "cutting"],
    "drive": ["drove", "driven", "driving", "drives"],
    "bring": ["brought", "bringing", "brings"],
    "keep": ["kept", "keeping", "keeps"],
    "lead": ["led", "leading", "leads"],
    "mean": ["meant", "meaning", "means"],
    "stop": ["stopped", "stopping", "stops"],
    "wipe": ["wiped", "wiping", "wipes"],
    "show": ["showed", "shown", "showing", "shows"],
    "prove": ["proved", "proven", "proving", "proves"],
    "fall": ["fell", "fallen", "falling", "falls"],
    "rise": ["rose", "risen", "rising", "rises"],
    "grow": ["grew", "grown", "growing", "grows"],
    "go": ["went", "gone", "going", "goes"],
    "come": ["came", "coming", "comes"],
    "shrink": ["shrank", "shrunk", "shrinking", "shrinks"],
    "slash": ["slashed", "slashing", "slashes"],
    "drop": ["dropped", "dropping", "drops"],
    "slip": ["slipped", "slipping", "slips"],
    "plan": ["planned", "planning", "plans"],
    "admit": ["admitted", "admitting", "admits"],
    "readmit": ["readmitted", "readmitting", "readmits"],
    "commit": ["committed", "committing", "commits"],
    "avert": ["averted", "averting", "averts"],
    "save": ["saved", "saving", "saves"],
    "achieve": ["achieved", "achieving", "achieves"],
    "end": ["ended", "ending", "ends"],
}


def verb_forms(lemma: str) -> list[str]:
    """Regular English inflections of a verb, plus the irregular ones above."""
    if lemma in IRREGULAR:
        return [lemma, *IRREGULAR[lemma]]
    forms = [lemma]
    if lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + "ing"]
    return forms


WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
PROMISE_HEADS = {"certain", "sure", "bound", "guarantee", "guaranteed", "set"}
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "am"}
HAVE_FORMS = {"has", "have", "had", "having", "'ve", "’ve"}
FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
CLAUSE_BREAKS = {";", ":", "—", "–", "(", ")"}


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


def _sents(doc) -> list:
    cached = doc.user_data.get("_evidencebot_sents")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["_evidencebot_sents"] = cached
    return cached


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


# --- context: negation, hedges, aims, conditionals ----------------------------------

CLIMB_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "amod", "attr", "acomp", "oprd",
              "dobj", "nsubj", "nsubjpass", "csubj", "compound", "advmod", "npadvmod", "agent", "dative", "appos"}


class Context:
    """Questions about a token's clause, answered from the parse (and a little surface)."""

    def __init__(self, doc, vocab: Vocab):
        self.doc = doc
        self.v = vocab
        toks = _toks(doc)
        self.lower_set = {t.lower_ for t in toks}
        self.lemma_set = {t.lemma_.lower() for t in toks}
        self._hedge_phrase_hits: list[tuple[int, int]] | None = None
        self._neg_phrase_hits: list[tuple[int, int]] | None = None

    def chain(self, tok) -> list[tuple[object, bool]]:
        """The token and its governors: ``[(token, lexical)]``. ``lexical`` is False once
        the climb has passed a ``conj`` edge (then only shared auxiliaries count)."""
        out = [(tok, True)]
        lexical = True
        cur = tok
        for _ in range(8):
            dep = cur.dep_
            head = cur.head
            if head is cur or dep == "ROOT":
                break
            if dep == "conj":
                lexical = False
            elif dep not in CLIMB_DEPS:
                break
            out.append((head, lexical))
            cur = head
        return out

    def _phrase_hits(self, names: Iterable[str]) -> list[tuple[int, int]]:
        sent_text = self.doc.text.lower()
        hits = []
        for name in names:
            for phrase in self.v.data.get(name, []):
                start = 0
                while True:
                    i = sent_text.find(phrase, start)
                    if i == -1:
                        break
                    j = i + len(phrase)
                    if (i == 0 or not sent_text[i - 1].isalnum()) and (j >= len(sent_text) or not sent_text[j].isalnum()):
                        hits.append((i, j))
                    start = i + 1
        return hits

    def _before_in_sentence(self, hits, tok) -> bool:
        sent = tok.sent
        return any(sent.start_char <= s and e <= tok.idx for s, e in hits)

    def negated(self, tok) -> bool:
        negators = self.v.set("negators")
        for t, lexical in self.chain(tok):
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in negators):
                    if lexical or c.i > tok.i - 6:
                        return True
            if lexical and t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("no",) for c in t.children):
                return True
        # surface: "not", "n't", "never" just before the verb group
        T = _toks(tok.doc)
        for t in T[max(tok.sent.start, tok.i - 4):tok.i]:
            low = t.lower_.replace("’", "'")
            if low in ("not", "n't", "never", "nt") or low == "no" and t.i == tok.i - 1:
                return True
        if self._neg_phrase_hits is None:
            self._neg_phrase_hits = self._phrase_hits(["negation_phrases"])
        return self._before_in_sentence(self._neg_phrase_hits, tok)

    def hedged(self, tok) -> bool:
        v = self.v
        modals = v.set("hedge_modals")
        governors = v.set("hedge_governors")
        assertive = v.set("assertive_governors")
        adverbs = v.set("hedge_adverbs")
        for t, lexical in self.chain(tok):
            for c in t.children:
                if c.dep_ in ("aux", "auxpass") and c.lower_ in modals:
                    return True
                if lexical and c.dep_ == "advmod" and c.lower_ in adverbs:
                    return True
                if lexical and c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "part" for g in c.children):
                    return True
            if lexical and t is not tok:
                lemma = t.lemma_.lower()
                if lemma in assertive or t.lower_ in assertive:
                    continue
                if lemma in governors or t.lower_ in governors:
                    return True
        # surface, for misparsed verb groups: "helped to", "contributed to", "may have"
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 4) - 1, -1):
            t = tok.doc[j]
            if t.lower_ in modals or t.lower_ in adverbs:
                return True
            lemma = t.lemma_.lower()
            if (lemma in governors and lemma not in assertive and t.pos_ in ("VERB", "AUX", "ADJ")
                    and t.dep_ not in ("relcl", "acl", "amod", "compound")):
                return True
            if not (t.pos_ in ("AUX", "PART", "ADV") or t.lower_ in ("to", "have", "has", "had", "been")):
                break
        if self._hedge_phrase_hits is None:
            self._hedge_phrase_hits = self._phrase_hits(["hedge_phrases"])
        return self._before_in_sentence(self._hedge_phrase_hits, tok) or self._hedge_phrase_near(tok)

    def _hedge_phrase_near(self, tok) -> bool:
        # hedge phrases right after the verb group: "reduced admissions in part"
        sent = tok.sent
        return any(tok.idx <= s and e <= sent.end_char for s, e in self._hedge_phrase_hits
                   if self.doc.text[s:e].lower() in ("in part", "to some extent", "to a degree", "partly"))

    def aim(self, tok) -> bool:
        v = self.v
        aims = v.set("aim_governors")
        assertive = v.set("assertive_governors")
        if self.infinitive(tok):
            head = tok.head
            if head.lemma_.lower() in assertive or head.lower_ in assertive:
                return False
            if any(c.dep_ == "aux" and c.lower_ == "going" for c in head.children) or head.lower_ == "going":
                return False
            return True
        if tok.tag_ == "VBG" and tok.dep_ not in ("amod", "compound", "ROOT", "conj") and not any(
                c.dep_ in ("aux",) and c.lower_ in BE_FORMS for c in tok.children):
            prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
            if prev is None or prev.lower_ not in BE_FORMS:
                return True
        for t, lexical in self.chain(tok):
            if lexical and t is not tok and (t.lemma_.lower() in aims or t.lower_ in aims):
                return True
        return False

    @staticmethod
    def infinitive(tok) -> bool:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return bool(prev is not None and prev.lower_ == "to" and prev.tag_ == "TO" and tok.tag_ == "VB")

    def conditional(self, tok) -> bool:
        marks = self.v.set("conditional_marks")
        for t, lexical in self.chain(tok):
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ in marks:
                    return True
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
                return True
        sent = tok.sent
        first = sent[0] if sent[0].is_alpha else (sent[1] if len(sent) > 1 else sent[0])
        if first.lower_ in ("if", "unless", "whether", "provided", "assuming") and first.i < tok.i:
            # only inside the opening clause ("If we reduce X, ..."), not in the main clause
            return not any(t.text in (",", ";", "—") for t in tok.doc[first.i:tok.i])
        return False

    @staticmethod
    def question(tok) -> bool:
        sent = tok.sent
        return sent.text.rstrip().rstrip("\"'”’)").endswith("?")

    def future(self, tok) -> bool:
        if self.infinitive(tok) and tok.head.lemma_.lower() in PROMISE_HEADS:
            return True  # "is certain to cut", "is guaranteed to reduce", "is bound to end"
        for t, lexical in self.chain(tok):
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                    return True
            if t.lower_ == "going" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                return True
            if t is not tok and t.lemma_ in ("guarantee", "ensure", "promise"):
                return True
        for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]:
            if t.lower_ in FUTURE_AUX:
                return True
        return False

    def skip(self, tok, filters: Iterable[str]) -> bool:
        for name in filters:
            if getattr(self, name)(tok):
                return True
        return False


# --- helpers on tokens ---------------------------------------------------------------


def is_verbal(tok) -> bool:
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.tag_.startswith("VB"):
        return True
    return tok.tag_ in ("JJ", "NN", "NNS", "NNP") and tok.lower_.endswith("ed")


def subject_of(tok):
    """The grammatical subject of a verb, inherited through conj/xcomp; None if none."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj", "expl"):
                return c
        if cur.dep_ in ("conj", "xcomp", "advcl", "acomp", "oprd") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return cur.head
        break
    return None


def agent_of(tok):
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # surface: "by our service" right after the verb
    doc = tok.doc
    for i in range(tok.i + 1, min(len(doc), tok.i + 3)):
        if doc[i].lower_ == "by":
            for j in range(i + 1, min(len(doc), i + 5)):
                if doc[j].pos_ in ("NOUN", "PROPN", "PRON"):
                    return doc[j]
            break
    return None


# --- the compiled family ----------------------------------------------------------------


class OverclaimRules:
    """Rules compiled into matchers for one spaCy vocabulary."""

    def __init__(self, bank: Phrasebank, nlp, family: str = FAMILY):
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        self.bank = bank
        self.family = family
        self.rules = bank.family(family)
        self.vocab = Vocab(bank.vocabulary)
        self.phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.token = Matcher(nlp.vocab, validate=True)
        self.dependency = DependencyMatcher(nlp.vocab, validate=True)
        self.terms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_key: dict[str, Rule] = {}
        self.checks: list[tuple[Rule, Callable]] = []
        self._has = {"phrase": False, "token": False, "dependency": False}
        make_doc = nlp.make_doc
        term_lists: set[str] = set()
        for rule in self.rules:
            key = rule.id
            self.by_key[key] = rule
            try:
                if rule.kind == "phrase":
                    self.phrase.add(key, [make_doc(p) for p in rule.patterns])
                    self._has["phrase"] = True
                elif rule.kind == "token":
                    exact, general = [], []
                    for pat in rule.patterns:
                        words = _exact_words(pat)
                        if words is not None:
                            exact.extend(words)
                        else:
                            general.extend(_expand_small_first(pat))
                    if exact:
                        from spacy.tokens import Doc

                        self.phrase.add(key, [Doc(nlp.vocab, words=w) for w in exact])
                        self._has["phrase"] = True
                    if general:
                        self.token.add(key, general)
                    self._has["token"] = True
                elif rule.kind == "dependency":
                    self.dependency.add(key, rule.patterns)
                    self._has["dependency"] = True
                else:
                    fn = CHECKS[rule.check]
                    self.checks.append((rule, fn))
                    term_lists.update(CHECK_TERMS.get(rule.check, ()))
                    for opt in ("objects", "places", "term_lists"):
                        value = rule.options.get(opt)
                        if isinstance(value, str):
                            term_lists.add(value)
                        elif isinstance(value, list):
                            term_lists.update(x for x in value if isinstance(x, str))
            except (ValueError, KeyError) as exc:
                raise ConfigError(
                    f"{rule.source}: rule {rule.id}: field 'patterns': spaCy rejected a pattern: "
                    f"{str(exc).splitlines()[0][:300]}"
                ) from None
        self.term_lists = sorted(term_lists)
        if any(rule.check == "causal_system_outcome" for rule, _ in self.checks):
            forms = []
            for phrase in bank.vocabulary.get("causal_multiword", []):
                first, _, rest = phrase.partition(" ")
                forms.extend(f"{f} {rest}".strip() for f in verb_forms(first))
            if forms:
                self.terms.add("_causal_multiword", [make_doc(p) for p in forms])
                self.term_lists.append("_causal_multiword")
        for name in self.term_lists:
            if name.startswith("_"):
                continue
            phrases = bank.vocabulary.get(name)
            if not isinstance(phrases, list):
                raise ConfigError(f"vocabulary list {name!r} (used by the over-claim checks) is missing")
            self.terms.add(name, [make_doc(p) for p in phrases])
        self._strings = nlp.vocab.strings

    # -- running -------------------------------------------------------------------

    def find(self, doc) -> list[Finding]:
        ctx = Context(doc, self.vocab)
        strings = self._strings
        cands: list[Candidate] = []
        if self._has["phrase"]:
            for key, s, e in self.phrase(doc):
                rule = self.by_key[strings[key]]
                cands.append(Candidate(rule, s, e, _anchor(doc, s, e)))
        if self._has["token"]:
            for key, s, e in self.token(doc):
                rule = self.by_key[strings[key]]
                cands.append(Candidate(rule, s, e, _anchor(doc, s, e)))
        if self._has["dependency"]:
            for key, toks in self.dependency(doc):
                rule = self.by_key[strings[key]]
                s, e = min(toks), max(toks) + 1
                cands.append(Candidate(rule, s, e, toks[0]))
        if self.checks:
            terms = Terms(doc, self.terms, strings) if self.term_lists else None
            for rule, fn in self.checks:
                cands.extend(fn(rule, doc, ctx, terms))
        return self._finish(doc, ctx, cands)

    def _finish(self, doc, ctx: Context, cands: list[Candidate]) -> list[Finding]:
        out: list[Finding] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
        fragments = _figure_fragments(doc, self.vocab.set("figure_fragment_words")) if cands else ()
        for c in cands:
            rule = c.rule
            if fragments and any(s <= c.anchor < e for s, e in fragments):
                continue
            anchor = doc[c.anchor]
            if rule.exceptions and _excepted(rule, doc, c, ctx):
                continue
            if rule.skip_when and ctx.skip(anchor, rule.skip_when):
                continue
            spans = taken.setdefault(rule.id, [])
            if any(c.start < e and s < c.end for s, e in spans):
                continue
            spans.append((c.start, c.end))
            span = doc[c.start:c.end]
            match = span.text
            message = (c.message or rule.message).replace("{match}", match)
            out.append(Finding(
                rule=rule.id, family=rule.family, severity=rule.severity, message=message,
                start=span.start_char, end=span.end_char, match=match,
                suggestions=list(c.suggestions if c.suggestions is not None else rule.suggestions),
            ))
        if any(r.options.get("defer_to") for r in self.rules if r.kind == "check"):
            # a rule with ``options.defer_to`` leaves overlapping matches to those rules
            # (the parse-read puffery check and the superlative phrases find the same words)
            kept = []
            for f in out:
                defer = self.by_key[f.rule].options.get("defer_to") or ()
                if defer and any(g.rule in defer and g.start < f.end and f.start < g.end for g in out):
                    continue
                kept.append(f)
            out = kept
        return out


def _figure_fragments(doc, words: frozenset[str]) -> list[tuple[int, int]]:
    """Token spans of sentences that are figures and nothing else.

    A table cell or a label such as "100%", "89% to 100%", "18.7 hours (95% CI
    15.6 to 20.2)" or "90% (met)" reports a number; it says nothing about what
    the service did, so it is not a claim. A sentence counts as such a fragment
    when it holds a number and every word in it is a unit or a statistics word
    (``figure_fragment_words`` in the vocabulary). "100% of people felt safer"
    or "100% success" have other words and are still read as claims.
    """
    out = []
    toks = _toks(doc)
    for sent in _sents(doc):
        has_number = False
        for tok in toks[sent.start:sent.end]:
            if tok.like_num or any(ch.isdigit() for ch in tok.text):
                has_number = True
                continue
            if tok.is_punct or tok.is_space or tok.text in ("%", "<", ">", "=", "±", "~"):
                continue
            if tok.lower_ not in words:
                break
        else:
            if has_number:
                out.append((sent.start, sent.end))
    return out


def _exact_words(pattern: list, limit: int = 400) -> list[list[str]] | None:
    """The word sequences a token pattern stands for, when it only uses exact lower-case
    words (``{LOWER: x}`` or ``{LOWER: {IN: [...]}}``, no operators): such patterns are
    run by the PhraseMatcher (a hash lookup per word) instead of the Matcher."""
    seqs: list[list[str]] = [[]]
    for tok in pattern:
        if set(tok) != {"LOWER"}:
            return None
        value = tok["LOWER"]
        if isinstance(value, str):
            options = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            options = [str(v) for v in value["IN"]]
        else:
            return None
        if any(o != o.lower() or not o or " " in o for o in options):
            return None
        # the tokenizer splits hyphenated words ("pre-eminent" -> pre - eminent): a
        # hyphenated word in a list stands for that sequence of tokens
        parts = [_split_hyphens(o) for o in options]
        seqs = [seq + part for seq in seqs for part in parts]
        if len(seqs) > limit:
            return None
    return seqs


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


def _expand_small_first(pattern: list, limit: int = 6) -> list[list]:
    """Split a pattern whose first token is a short ``{ATTR: {IN: [...]}}`` list into one
    pattern per value. The Matcher evaluates a set-membership test (a Python call) on
    every word for every pattern's first token; an exact value is compared in C. Long
    lists stay as they are: many more patterns would cost more than the test saves."""
    first = pattern[0]
    if len(first) != 1 or "OP" in first:
        return [pattern]
    (attr, value), = first.items()
    if attr not in ("LOWER", "LEMMA", "ORTH", "TEXT", "NORM") or not isinstance(value, dict):
        return [pattern]
    if set(value) != {"IN"} or not isinstance(value["IN"], list) or len(value["IN"]) > limit:
        return [pattern]
    return [[{attr: word}] + pattern[1:] for word in value["IN"]]


def _anchor(doc, s: int, e: int) -> int:
    """The token whose clause decides: a verb in the span, else the span's syntactic head."""
    for t in doc[s:e]:
        if t.pos_ in ("VERB", "AUX"):
            return t.i
    span = doc[s:e]
    root = span.root
    # climb to the governing verb (a booster's verb, an adjective's copula)
    cur = root
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            break
        cur = cur.head
    return cur.i


def _excepted(rule: Rule, doc, c: Candidate, ctx: Context) -> bool:
    span = doc[c.start:c.end]
    sent = span.sent
    text = sent.text.lower()
    base = sent.start_char
    ms, me = span.start_char - base, span.end_char - base
    root = span.root
    for exc in rule.exceptions:
        if isinstance(exc, str):
            phrase = exc.lower()
            start = 0
            while True:
                i = text.find(phrase, start)
                if i == -1:
                    break
                j = i + len(phrase)
                bounded = (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum())
                if bounded and i < me and ms < j:
                    return True
                start = i + 1
            continue
        key, words = next(iter(exc.items()))
        if key == "in_sentence":
            if any(_has_phrase(text, w.lower()) for w in words):
                return True
        elif key == "unless_in_sentence":
            if not any(_has_phrase(text, w.lower()) for w in words):
                return True
        elif key == "head":
            head = root.head
            if head.lemma_.lower() in words or head.lower_ in words:
                return True
        elif key == "followed_by":
            if c.end < len(doc) and doc[c.end].lower_ in words:
                return True
        elif key == "preceded_by":
            if c.start > 0 and doc[c.start - 1].lower_ in words:
                return True
        elif key == "pos":
            if root.pos_ in words or root.tag_ in words:
                return True
        elif key == "dep":
            if root.dep_ in words:
                return True
        elif key == "regex":
            if re.search(words, sent.text, re.IGNORECASE):
                return True
    return False


def _has_phrase(text: str, phrase: str) -> bool:
    start = 0
    while True:
        i = text.find(phrase, start)
        if i == -1:
            return False
        j = i + len(phrase)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            return True
        start = i + 1


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
CHECK_TERMS: dict[str, tuple[str, ...]] = {}


def check(name: str, terms: tuple[str, ...] = ()):
    def deco(fn):
        CHECKS[name] = fn
        CHECK_TERMS[name] = terms
        return fn
    return deco


OBJECT_GAP_POS = {"DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON", "PART", "SYM", "CCONJ", "PUNCT", "ADV"}
OBJECT_GAP_WORDS = {"of", "the", "a", "an", "number", "numbers", "rate", "rates", "level", "levels", "use",
                    "need", "risk", "likelihood", "%", "per", "cent", "percent", "-", "and", "or", "in",
                    "for", "on", "cost", "costs", "demand", "pressure", "rise", "growth", "increase",
                    "trend", "being", "been", "upward", "steady", "sharp", "continued", "so"}


def _object_term(doc, v, end_verb: int, terms: Terms, lists: list[str], window: int = 8):
    """A term from ``lists`` in the object of verb ``v``: first by the surface (a term within
    ``window`` words after the verb with only noun-phrase words between), then by the parse
    (a term whose path up to the verb passes only through object and prepositional links)."""
    limit = min(len(doc), end_verb + window, v.sent.end)
    for i in range(end_verb, limit):
        for name in lists:
            e = terms.at(name, i)
            if e is not None:
                return i, e
        t = doc[i]
        if t.is_punct and t.lower_ not in ("%", "-", "&"):
            break
        if t.lower_ in OBJECT_GAP_WORDS:
            continue
        if t.pos_ not in OBJECT_GAP_POS or (t.pos_ == "ADV" and t.lower_ not in ("down", "back")):
            if not (t.tag_ == "RP" or t.lower_ in ("down", "out", "away", "back", "up")):
                break
    allowed = {"dobj", "pobj", "prep", "compound", "amod", "conj", "cc", "appos", "nummod", "det",
               "prt", "pcomp", "nsubjpass", "npadvmod", "oprd", "dative", "poss", "nmod", "quantmod", "auxpass"}
    for name in lists:
        for s, e in terms.spans(name):
            if s < end_verb or s > v.i + 14:
                continue
            tok = doc[s:e].root
            cur = tok
            ok = False
            for _ in range(7):
                if cur.head is cur:
                    break
                if cur.dep_ not in allowed:
                    break
                if cur.head.i == v.i:
                    ok = cur.dep_ not in ("nsubj", "nsubjpass", "auxpass")
                    break
                cur = cur.head
            if ok:
                return s, e
    return None


def _is_provider(tok, vocab: Vocab) -> bool:
    """Could this subject be the provider (or part of it)? Anything but a known outside
    agent ("the lockdown", "the trust", "she") counts: in a bid, the subject of a causal
    verb is nearly always the bidder."""
    if tok is None:
        return False
    external = vocab.set("external_agents")
    if tok.lower_ in ("we", "our", "us", "ours"):
        return True
    if tok.lower_ in external or tok.lemma_.lower() in external:
        return any(t.lower_ in ("our", "we") for t in tok.subtree)
    if tok.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ", "VERB"):
        return True
    return _is_named_provider(tok, vocab)


def _is_named_provider(tok, vocab: Vocab) -> bool:
    if tok is None:
        return False
    agents = vocab.set("provider_agents")
    if tok.lower_ in agents or tok.lemma_.lower() in agents:
        return True
    for t in tok.subtree:
        if abs(t.i - tok.i) > 6:
            continue
        if t.lower_ in ("we", "our", "us", "ours"):
            return True
        if t.lemma_.lower() in agents and t.pos_ in ("NOUN", "PRON", "PROPN"):
            return True
    return tok.pos_ == "PROPN"


def _surface_subject(doc, v):
    """The nearest noun or pronoun before the verb in its clause (for misparsed verbs)."""
    skip_pos = {"AUX", "ADV", "PART"}
    for i in range(v.i - 1, max(v.sent.start, v.i - 6) - 1, -1):
        t = doc[i]
        if t.pos_ in skip_pos or t.lower_ in ("have", "has", "had", "been", "also", "successfully", "significantly"):
            continue
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
        return None
    return None


def _quantity_after(doc, i: int, limit: int = 6) -> bool:
    for t in doc[i:min(len(doc), i + limit)]:
        if t.like_num or t.lower_ in ("%", "half", "quarter", "third", "fifth", "tenth", "fewer", "less"):
            return True
    return False


@check("causal_system_outcome", terms=("system_outcome_terms", "system_places", "attribution_phrases"))
def causal_system_outcome(rule: Rule, doc, ctx: Context, terms: Terms) -> list[Candidate]:
    """A provider claiming to have caused a change in an outcome it does not control.

    Options: ``verbs`` (lemmas, default ``$causal_verbs``), ``objects`` (term list names,
    default ``[system_outcome_terms]``), ``mode``: ``claim`` (statements of fact) or
    ``future`` (promises with will/shall/going to), ``result_verbs``, ``attribution``.
    """
    v = ctx.v
    opts = rule.options
    mode = opts.get("mode", "claim")
    cache = rule.__dict__.setdefault("_derived", {})  # per-rule derived data (inflected forms)
    if "forms" not in cache:
        verbs_ = set(opts.get("verbs") or v.data.get("causal_verbs", []))
        forms_ = {}
        for lemma in verbs_:
            for f in verb_forms(lemma):
                forms_.setdefault(f, lemma)
        result_forms_ = {}
        for lemma in opts.get("result_verbs", []) or []:
            for f in verb_forms(lemma):
                result_forms_.setdefault(f, lemma)
        cache.update(verbs=verbs_, forms=forms_, result_forms=result_forms_)
    verbs, forms = cache["verbs"], cache["forms"]
    object_lists = opts.get("objects") or ["system_outcome_terms"]
    places = opts.get("places", "system_places")
    particle_verbs = v.data.get("causal_particle_verbs", {}) or {}
    counterfactual = v.set("counterfactual_verbs")
    result_forms = cache["result_forms"]
    decrease_nouns = v.set("decrease_nouns")
    decrease_adjs = v.set("decrease_adjectives")
    any_object = set(opts.get("any_object_verbs", []))
    process_nouns = v.set("process_nouns")
    if not any_object and not any(terms.any(n) for n in object_lists) and not terms.any(places):
        return []
    out: list[Candidate] = []

    def decide(tok, s: int, e: int, passive: bool, object_span) -> None:
        if ctx.question(tok) or ctx.negated(tok) or ctx.conditional(tok):
            return
        if ctx.hedged(tok):
            return
        future = ctx.future(tok)
        if mode == "claim" and future:
            return
        if mode == "future" and not future:
            return
        if ctx.aim(tok):
            return
        # who did it?
        if passive:
            agent = agent_of(tok)
            if agent is not None:
                if not _is_provider(agent, v):
                    return
            elif lemma_of(tok) not in counterfactual:
                return
        else:
            subj = subject_of(tok)
            if subj is None or tok.dep_ in ("amod", "compound", "acl"):
                subj = _surface_subject(doc, tok) or subj
            if subj is None:
                # a fragment: "Reduced admissions by 30%." claims only with a quantity
                if not (tok.i == tok.sent.start or doc[tok.i - 1].is_punct) or not _quantity_after(doc, object_span[1]):
                    if not future:
                        return
            elif subj.lower_ in ("it", "this", "that", "which") and subj.dep_ == "expl":
                return
            elif not _is_provider(subj, v):
                return
        out.append(Candidate(rule, s, e, tok.i))

    def lemma_of(tok):
        return forms.get(tok.lower_) or tok.lemma_.lower()

    def decide_prediction(tok) -> None:
        if ctx.question(tok) or ctx.negated(tok) or ctx.conditional(tok) or ctx.hedged(tok) or not ctx.future(tok):
            return
        if ctx.aim(tok) or _is_target(tok.sent):
            return
        out.append(Candidate(rule, tok.i, tok.i + 1, tok.i))

    multi = "_causal_multiword" if opts.get("multiword", True) else None
    if "cand" not in cache:
        multi_first = set()
        for phrase in v.data.get("causal_multiword", []):
            multi_first.update(verb_forms(phrase.split()[0]))
        cache["cand"] = frozenset(forms) | frozenset(result_forms) | multi_first | {"responsible"}
        cache["fall"] = frozenset(f for lemma in FALL_VERBS for f in verb_forms(lemma))
    cand = cache["cand"] | (cache["fall"] if mode == "future" else frozenset())
    lemma_cand = verbs | (FALL_VERBS if mode == "future" else set())
    scan = _toks(doc) if (ctx.lower_set & cand or ctx.lemma_set & lemma_cand) else ()
    for tok in scan:
        low = tok.lower_
        if low not in cand and tok.lemma_.lower() not in lemma_cand:
            continue
        if multi is not None:
            m_end = terms.at(multi, tok.i)
            if m_end is not None and is_verbal(tok):
                obj = _object_term(doc, tok, m_end, terms, object_lists, window=10)
                if obj is None and mode == "future":
                    obj = _future_object(doc, tok, m_end, terms, object_lists, places)
                    if obj is None and (forms.get(low) or tok.lemma_.lower()) in any_object | {"put", "wipe", "stamp", "do", "bring"}:
                        obj = _any_object(doc, tok, m_end, process_nouns)
                if obj is not None:
                    decide(tok, tok.i, m_end, False, obj)
                continue
        lemma = forms.get(low)
        if lemma is None and tok.lemma_.lower() in verbs and is_verbal(tok):
            lemma = tok.lemma_.lower()
        if lemma is not None and is_verbal(tok) and not (tok.tag_ in ("NN", "NNS") and low in ("cut", "cuts", "end", "ends", "stop", "stops", "drive", "drives", "lower", "halt", "free")):
            if tok.tag_ in ("JJR", "JJ") and low in ("lower", "free", "reverse"):
                continue
            end_verb = tok.i + 1
            particles = particle_verbs.get(lemma)
            if particles:
                nxt = doc[end_verb] if end_verb < len(doc) else None
                if nxt is not None and nxt.lower_ in particles:
                    end_verb += 1
                elif not any(c.dep_ in ("prt", "advmod") and c.lower_ in particles for c in tok.children) and not any(
                        t.lower_ in particles for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 9)]):
                    # "drive" and "bring" claim nothing without "down"
                    continue
            elif end_verb < len(doc) and doc[end_verb].tag_ == "RP" and not any(
                    terms.at(n, end_verb) is not None for n in object_lists):
                end_verb += 1
            obj = _object_term(doc, tok, end_verb, terms, object_lists)
            if obj is None and lemma in ("keep", "divert", "prevent", "stop", "avoid", "save"):
                obj = _place_object(doc, tok, terms, places, object_lists)
            if obj is None and mode == "future":
                obj = _future_object(doc, tok, end_verb, terms, object_lists, places)
                if obj is None and lemma in any_object:
                    obj = _any_object(doc, tok, end_verb, process_nouns)
            if obj is not None:
                decide(tok, tok.i, end_verb, False, obj)
                continue
            # passive: "admissions were reduced (by our service)"
            if tok.tag_ in ("VBN", "JJ", "VBD"):
                subj = next((c for c in tok.children if c.dep_ in ("nsubjpass",)), None)
                span = None
                if subj is not None:
                    for name in object_lists:
                        for s, e in terms.spans(name):
                            if s <= subj.i < e or any(s <= t.i < e for t in _head_words(subj)):
                                span = (s, e)
                                break
                elif tok.i >= 2 and doc[tok.i - 1].lower_ in BE_FORMS:
                    j = tok.i - 2
                    while j >= tok.sent.start and doc[j].lower_ in BE_FORMS | HAVE_FORMS | {"also", "then", "successfully"}:
                        j -= 1
                    for name in object_lists:
                        if terms.covers(name, j):
                            span = (j, j + 1)
                if span is not None:
                    if mode == "future" and agent_of(tok) is None and lemma not in counterfactual:
                        decide_prediction(tok)  # "relapse rates will be halved": a firm forecast
                    else:
                        decide(tok, tok.i, tok.i + 1, True, span)
                    continue
            # "40 admissions avoided", "with 300 bed days saved"
            if lemma in counterfactual and tok.i > 0 and any(terms.covers(n, tok.i - 1) for n in object_lists):
                if tok.dep_ in ("acl", "amod", "ROOT", "conj") or tok.tag_ in ("VBN", "VBD"):
                    decide_fragment = tok.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in tok.children)
                    if decide_fragment:
                        decide(tok, tok.i, tok.i + 1, True, (tok.i - 1, tok.i))
                        continue
        # a system outcome as the subject of "will fall", "will halve": a firm prediction
        if mode == "future" and tok.lemma_.lower() in FALL_VERBS and is_verbal(tok):
            # "admissions will fall", and the passive "relapse rates will be halved"
            subj = subject_of(tok) or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and any(terms.covers(n, t.i) for n in object_lists for t in _head_words(subj)):
                decide_prediction(tok)
                continue
        # result verbs: "led to a reduction in admissions", "achieved fewer admissions",
        # "is responsible for fewer detentions"
        rlemma = result_forms.get(low)
        if rlemma is None and low == "responsible" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "for" and result_forms:
            rlemma = "responsible"
        if rlemma is not None and (is_verbal(tok) or rlemma == "responsible"):
            hit = _result_object(doc, tok, terms, object_lists, decrease_nouns, decrease_adjs)
            if hit is not None:
                decide(tok, tok.i, hit, False, (tok.i, hit))
    # attribution: "admissions fell as a result of our service"
    if opts.get("attribution") and terms.any("attribution_phrases"):
        for s, e in terms.spans("attribution_phrases"):
            sent = doc[s].sent
            phrase = doc[s:e].text.lower()
            if phrase in ("the reason", "credit for"):
                # "our crisis line is the reason admissions fell": the provider comes first
                cs, _ = _clause(doc, s)
                after = doc[cs:s]
            else:
                after = doc[e:min(sent.end, e + 6)]
            if not any(t.lower_ in v.set("provider_agents") or t.lower_ in ("our", "we", "us") for t in after
                       if t.pos_ in ("PRON", "NOUN", "PROPN", "DET")):
                continue
            has_outcome = any(terms.covers(n, i) for n in object_lists for i in range(sent.start, sent.end))
            has_change = any(
                (t.lemma_.lower() in v.set("change_verbs") or t.lower_ in decrease_nouns or t.lower_ in decrease_adjs
                 or t.lower_ in forms)
                for t in sent
            )
            if has_outcome and has_change:
                anchor = next((t for t in sent if t.dep_ == "ROOT"), doc[s])
                if ctx.negated(anchor) or ctx.hedged(anchor) or ctx.conditional(anchor) or ctx.question(anchor):
                    continue
                if (mode == "future") != ctx.future(anchor):
                    continue
                if phrase in ("the reason", "credit for"):
                    out.append(Candidate(rule, s, e, anchor.i))
                else:
                    out.append(Candidate(rule, s, e + len([t for t in after[:4] if t.pos_ in ("PRON", "DET", "NOUN", "PROPN", "ADJ")]), anchor.i))
    return out


# Nouns whose modifier is the thing measured: "readmission rates", "admission numbers".
MEASURE_NOUNS = {"rate", "number", "level", "figure", "count", "total", "frequency", "volume", "incidence",
                 "length", "duration", "use", "time", "numbers", "rates", "levels", "figures"}


def _head_words(subj):
    """The subject's words that can carry its meaning: the subtree without modifiers of
    nouns that are not themselves the point. "crisis" in "crisis plans will be kept
    current" names the kind of plan, so the subject is the plans, not crises; "the
    number of admissions" keeps "admissions" (a prepositional object)."""
    out = []
    for t in subj.subtree:
        if (t is not subj and t.dep_ in ("compound", "amod", "nmod", "poss") and t.head.pos_ in ("NOUN", "PROPN")
                and t.head.lemma_.lower() not in MEASURE_NOUNS):
            continue
        out.append(t)
    return out


def _future_object(doc, v, end_verb: int, terms: Terms, object_lists, places: str):
    """A promise needs less: any outcome, problem or place term in the next words of the
    clause ("will stop people cycling back into hospital")."""
    limit = min(len(doc), end_verb + 9, v.sent.end)
    for i in range(end_verb, limit):
        t = doc[i]
        if t.text in (";", ":", "—") or (t.text == "," and i > end_verb + 1):
            break
        if terms.covers(places, i) or any(terms.covers(n, i) for n in object_lists):
            return i, i + 1
    return None


def _any_object(doc, v, end_verb: int, process_nouns):
    """The object of "will eliminate ...", "will put an end to ...": any noun that is not
    the provider's own paperwork or process."""
    for i in range(end_verb, min(len(doc), end_verb + 6, v.sent.end)):
        t = doc[i]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
            if t.lower_ in process_nouns or t.lemma_.lower() in process_nouns:
                return None
            return i, i + 1
        if t.is_punct and t.text not in ("-",):
            return None
    return None


def _place_object(doc, v, terms: Terms, places: str, object_lists):
    """"kept 30 people out of hospital", "prevented people from going to A&E"."""
    for c in v.children:
        if c.dep_ in ("prep", "advmod", "prt") and c.lower_ in ("out", "from", "away"):
            for t in c.subtree:
                if t.i - v.i > 12:
                    break
                if terms.covers(places, t.i) or any(terms.covers(n, t.i) for n in object_lists):
                    return t.i, t.i + 1
                if t.lemma_.lower() in ("admit", "readmit", "section", "detain", "hospitalise", "hospitalize"):
                    return t.i, t.i + 1
    # surface: "out of hospital" within a few words
    for i in range(v.i + 1, min(len(doc), v.i + 8, v.sent.end)):
        t = doc[i]
        if t.lower_ in ("out", "from", "away") and i + 1 < len(doc):
            for j in range(i + 1, min(len(doc), i + 5)):
                if terms.covers(places, j):
                    return j, j + 1
                if doc[j].lemma_.lower() in ("admit", "readmit", "section", "detain") and doc[j].tag_ == "VBN":
                    return j, j + 1
        if t.is_punct:
            break
    return None


def _result_object(doc, v, terms: Terms, object_lists, decrease_nouns, decrease_adjs):
    """End index of "a (30%) reduction in admissions" / "fewer admissions" after a result verb."""
    limit = min(len(doc), v.i + 14, v.sent.end)
    seen_change = False
    for i in range(v.i + 1, limit):
        t = doc[i]
        low = t.lower_
        if low in decrease_nouns or low in decrease_adjs:
            seen_change = True
            continue
        if any(terms.covers(n, i) for n in object_lists) or (seen_change and t.lemma_.lower() in SYSTEM_VERBS):
            return i + 1 if seen_change else None
        if t.is_punct and low not in ("%", "-"):
            return None
        if t.pos_ in ("VERB",) and not t.tag_ == "VBN" and not seen_change:
            return None
    return None


# Verbs that are system outcomes when something is "fewer people ... admitted".
SYSTEM_VERBS = {"admit", "readmit", "detain", "section", "hospitalise", "hospitalize", "convey"}


FALL_VERBS = {"fall", "drop", "decrease", "decline", "halve", "reduce", "shrink", "plummet", "disappear", "end", "stop", "cease"}
CATCH_VERBS = {"prevent", "catch", "spot", "identify", "pick", "resolve", "avoid", "manage", "miss", "fail", "lose",
               "detect", "address", "answer", "meet"}
ACHIEVE_VERBS = {"meet", "achieve", "exceed", "deliver", "hit", "succeed", "keep", "get", "surpass", "beat"}
CLAUSE_END_AFTER_COMMA = {"but", "so", "although", "though", "while", "whereas", "which", "yet", "and", "as"}


def _clause(doc, i: int) -> tuple[int, int]:
    """Token bounds of the clause around ``i`` (surface: punctuation and linking words)."""
    T = _toks(doc)
    sent = T[i].sent
    s0, s1 = sent.start, sent.end
    start = s0
    for j in range(i - 1, s0 - 1, -1):
        t = T[j]
        text = t.text
        if text in (";", ":", "—", "–", "(") or (text == "," and j < i - 1):
            start = j + 1
            break
        if text.lower() == "that" and t.dep_ == "mark":
            start = j + 1
            break
    end = s1
    for j in range(i + 1, s1):
        text = T[j].text
        if text in (";", ":", "—", "–", ")"):
            end = j
            break
        if text == "," and j + 1 < s1 and T[j + 1].lower_ in CLAUSE_END_AFTER_COMMA:
            end = j
            break
    return start, end


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _phrase_at(doc, i: int, phrases: frozenset, max_len: int = 5) -> int | None:
    """End of the longest phrase from ``phrases`` starting at token ``i``."""
    best = None
    words = []
    T = _toks(doc)
    for j in range(i, min(len(T), i + max_len)):
        words.append(T[j].lower_)
        joined = " ".join(words)
        if joined in phrases:
            best = j + 1
    return best


def _words_in(doc, s: int, e: int) -> tuple[set[str], str]:
    words = {t.lower_ for t in doc[s:e]} | {t.lemma_.lower() for t in doc[s:e]}
    text = " " + " ".join(t.lower_ for t in doc[s:e]) + " "
    return words, text


NOT_OUTCOME = re.compile(r" (?:better|best) (?:placed|suited|qualified|equipped|positioned|known) ")


def _has_signal(words: set[str], text: str, signals: frozenset) -> bool:
    if "better" in words or "best" in words:
        cleaned = NOT_OUTCOME.sub(" ", text)
        if cleaned != text:
            text = cleaned
            words = set(words) - {"better", "best", "well"} | set(cleaned.split())
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


@check("absolute_outcome")
def absolute_outcome(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Universal claims about outcomes or performance in the writer's own voice:
    "every client improved", "100% of people felt safer", "nobody has been readmitted",
    "people always leave calmer", "our workers have never once missed...",
    "in all cases ...", "unanimously". Absolutes about processes ("all staff complete
    training", "every referral is triaged", "we never turn anyone away") pass.

    The clause is read on the surface (the small English model often misparses these
    sentences): the quantified noun must be the subject (no finite verb before it in its
    clause) and the rest of the clause must carry an outcome word; a process verb as the
    main verb, a hedge, an aim, "not" before the quantifier, a condition or a question
    makes it pass."""
    v = ctx.v
    people = v.set("people_nouns")
    groups = v.set("group_nouns")
    dets = v.set("absolute_determiners")
    pronouns = v.set("absolute_pronouns")
    signals = v.set("outcome_signals")
    negatives = v.set("negative_outcome_words")
    process = v.set("process_verbs")
    outcome_verbs = v.set("outcome_verbs")
    provider = v.set("provider_agents")
    phrases = v.set("absolute_phrases")
    aims = v.set("aim_governors")
    out: list[Candidate] = []
    taken: set[int] = set()

    def skip(i: int, verb) -> bool:
        if i > 0 and doc[i - 1].lower_ in ("not", "almost", "nearly", "virtually", "practically", "if"):
            return True
        anchor = verb if verb is not None else doc[i]
        if _plainly_negated(ctx, anchor) or ctx.hedged(anchor) or ctx.conditional(anchor) or ctx.question(anchor):
            return True
        sent = doc[i].sent
        before = {t.lemma_.lower() for t in doc[sent.start:i]
                  if t.lemma_.lower() != "work" or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("to", "towards", "with"))}
        return bool(before & aims) or ctx.aim(anchor) and ctx.infinitive(anchor)

    def main_verb(s: int, e: int):
        verbs = [t for t in doc[s:e] if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl", "amod", "aux", "auxpass")
                 and t.tag_ != "VBG"]
        if not verbs:
            return None
        first = verbs[0]
        # "people referred to us said...", "nobody discharged into our flats has been...":
        # a participle right after the noun modifies it; the main verb comes later
        if first.i == s and first.tag_ in ("VBN", "VBD") and first.lower_.endswith("ed"):
            later = [t for t in doc[first.i + 1:e] if t.tag_ in FINITE_TAGS or t.dep_ in ("aux", "auxpass")]
            if later:
                rest = [t for t in verbs[1:] if t.i > later[0].i or t.i == later[0].i]
                if rest:
                    return rest[0]
                return next((t for t in doc[later[0].i:e] if t.pos_ == "VERB"), first)
        return first

    def outcome(s: int, e: int, negative: bool) -> bool:
        words, text = _words_in(doc, s, e)
        verb = main_verb(s, e)
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma in process and lemma not in outcome_verbs:
                return False
            if negative and lemma in process and _passive(verb) and not _has_signal(words, text, negatives):
                # "no one on the list was seen within the standard": a shortfall, not a result
                return False
        if _has_signal(words, text, signals):
            return True
        if negative and (_has_signal(words, text, negatives) or any(
                terms and terms.covers("system_outcome_terms", k) for k in range(s, e))):
            return True
        # "nobody has lost their tenancy", "every client has moved on": a universal result
        if verb is not None and verb.tag_ == "VBN" and any(t.lower_ in ("has", "have", "had") for t in doc[s:verb.i]):
            lemma = verb.lemma_.lower()
            return lemma not in process and lemma not in ("have", "be", "get", "receive", "give", "offer")
        return False

    T = _toks(doc)
    caveats = v.set("small_number_caveats")
    triggers = (dets | pronouns | v.set("absolute_adverbs") | {p.split()[0] for p in phrases}
                | {"no", "zero", "noone", "whole", "entire", "100", "100%", "never", "always", "invariably", "universally"})
    trigger_lemmas = {"work", "suit", "benefit", "help", "succeed", "fit"} | ACHIEVE_VERBS
    if not (ctx.lower_set & triggers or ctx.lemma_set & trigger_lemmas):
        return []
    for tok in T:
        i = tok.i
        if i in taken:
            continue
        low = tok.lower_
        if low not in triggers and tok.lemma_.lower() not in trigger_lemmas:
            continue
        cs, ce = _clause(doc, i)
        # -- phrases: "without exception", "in all cases", "unanimously", "never once"
        pe = _phrase_at(doc, i, phrases)
        if pe is not None:
            phrase = " ".join(t.lower_ for t in doc[i:pe])
            verb = main_verb(cs, ce)
            if phrase.startswith("not "):
                if ctx.hedged(verb or tok) or ctx.question(tok) or ctx.conditional(verb or tok):
                    continue
            elif skip(i, verb):
                continue
            words, text = _words_in(doc, tok.sent.start, tok.sent.end)
            perf = any(t.tag_ == "VBD" and t.dep_ not in ("amod", "acl", "relcl") for t in doc[cs:ce]) or (
                any(t.lower_ in ("has", "have", "had") for t in doc[cs:ce]) and any(t.tag_ == "VBN" for t in doc[cs:ce]))
            negative_phrase = phrase in ("not a single", "never once", "not once", "not one")
            emphatic = phrase in ("without exception", "in every case", "in all cases", "unanimously", "invariably",
                                  "each and every") or phrase in v.set("emphatic_absolute_phrases")
            process_main = verb is not None and verb.lemma_.lower() in process and verb.lemma_.lower() not in outcome_verbs
            if verb is None and any((t.lemma_.lower() in process or t.lower_ in process) and t.lemma_.lower() not in outcome_verbs
                                    for t in doc[pe:ce]) and not _has_signal(words, text, signals):
                continue  # misparsed "across the board, staff complete training": a process
            thing = next((t for t in doc[pe:min(ce, pe + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
            if negative_phrase and thing is not None and thing.lower_ in v.set("performance_nouns"):
                continue  # "not a single target was met": a shortfall admitted
            if (phrase in ("each and every", "every single", "without exception", "in every case", "in all cases")
                    or phrase in v.set("emphatic_absolute_phrases")) and (verb is not None and _present_routine(verb)
                    and not _past_or_perfect(verb)
                    and (thing is None or (thing.lemma_.lower() not in people and thing.lower_ not in people))
                    and not _has_signal(words, text, signals)):
                continue  # "each and every concern is discussed at the huddle": a process
            if phrase == "a thing of the past" or _has_signal(words, text, signals) or (emphatic and not process_main) or (
                    phrase in ("every single", "never once", "not once", "each and every", "without exception") and perf) or (
                    negative_phrase and perf) or (
                    negative_phrase and (words & negatives or any(
                        terms is not None and terms.covers("system_outcome_terms", k) for k in range(cs, ce)))):
                out.append(Candidate(rule, i, pe, (verb or tok).i))
                taken.update(range(i, pe))
            continue
        # -- "100%" with no count: "100% of referrals were seen within a day", "100% compliance"
        if (low == "100" and i + 1 < len(doc) and doc[i + 1].lower_ in ("%", "percent", "per")) or low == "100%":
            sent = tok.sent
            if not COUNT_RE.search(sent.text) and not _is_target(sent) and _quantified_noun(doc, tok, people) is None:
                verb = main_verb(cs, ce) or tok.head
                if not skip(i, verb):
                    end = i + 2 if low == "100" else i + 1
                    out.append(Candidate(rule, i, end, verb.i))
                    taken.update(range(i, end))
                continue
        # -- every/all + a thing, in a claim about what happened: "every referral has been
        #    seen within five days", "all targets were met"
        if low in dets and i + 1 < len(doc) and _quantified_noun(doc, tok, people) is None:
            j = i + 1
            while j < ce and doc[j].lower_ in ("of", "our", "the", "its", "their", "single", "these", "those"):
                j += 1
            while j + 1 < ce and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j].pos_ in ("NOUN", "PROPN", "ADJ"):
                j += 1
            nxt = doc[min(j, len(doc) - 1)]
            if nxt.pos_ == "NOUN" and not any(t.tag_ in FINITE_TAGS for t in doc[cs:i]):
                region = doc[nxt.i + 1:ce]
                perfect = any(t.lower_ in ("has", "have", "had") for t in region[:4]) and any(t.tag_ == "VBN" for t in region[:6])
                past_passive = any(t.lower_ in ("was", "were") for t in region[:3]) and any(t.tag_ == "VBN" for t in region[:5])
                achieved = any(t.lemma_.lower() in ("meet", "achieve", "exceed", "hit") for t in region)
                sourced = bool({t.lower_ for t in doc[tok.sent.start:cs]} & v.set("source_words"))
                if (perfect or past_passive) and (achieved or nxt.lower_ in v.set("performance_nouns")) and not sourced:
                    verb = main_verb(nxt.i + 1, ce)
                    if verb is not None and not skip(i, verb):
                        out.append(Candidate(rule, i, nxt.i + 1, verb.i))
                        taken.update(range(i, nxt.i + 1))
                        continue
        # -- no events: "there have been no readmissions", "we have not had a single
        #    eviction", "zero relapses among our tenants"
        ev = _no_event(doc, tok, cs, ce, negatives, people, provider, terms)
        if ev is not None:
            verb = ev[2]
            if low in ("not", "n't", "never"):
                # the "not" is the claim itself ("has not been one relapse")
                skipped = ctx.hedged(verb) or ctx.question(verb) or ctx.conditional(verb)
            else:
                skipped = skip(i, verb)
            if not skipped and not _has_caveat(doc, tok, caveats):
                out.append(Candidate(rule, i, ev[1], verb.i))
                taken.update(range(i, ev[1]))
                continue
        # -- quantified subjects
        noun = None
        negative = False
        if low in dets:
            noun = _quantified_noun(doc, tok, people)
            if noun is None and i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in ("them", "those", "us"):
                noun = doc[i + 2]
        elif low in ("whole", "entire") and i > 0 and doc[i - 1].lower_ == "the":
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            noun = nxt if nxt is not None and (nxt.lower_ in groups or nxt.lower_ in people) else None
        elif low in pronouns or low == "noone":
            noun = tok if low != "none" else _quantified_noun(doc, tok, people)
            negative = low in ("nobody", "none", "noone")
        elif low in ("no", "zero") and i + 1 < len(doc):
            noun = _quantified_noun(doc, tok, people)
            if noun is not None and noun.i > i + 3:
                noun = None
            negative = True
        elif (low == "100" and i + 1 < len(doc) and doc[i + 1].lower_ in ("%", "percent", "per")) or low == "100%":
            noun = _quantified_noun(doc, tok, people)
        if noun is not None:
            if _has_caveat(doc, tok, caveats):
                continue  # "all four people ..., but four is too small a number to generalise from"
            start = i - 1 if low in ("whole", "entire") else i
            # subject position: no finite verb earlier in the clause
            if any(t.tag_ in FINITE_TAGS for t in doc[cs:start]):
                continue
            verb = main_verb(noun.i + 1, ce) or _governing_verb(noun)
            if skip(start, verb):
                continue
            if outcome(noun.i + 1, ce, negative):
                out.append(Candidate(rule, start, noun.i + 1, (verb or tok).i))
                taken.update(range(start, noun.i + 1))
            continue
        # -- "works for all/everyone", "suits everybody", "benefits every client"
        if tok.lemma_.lower() in ("work", "suit", "benefit", "help", "succeed", "fit") and is_verbal(tok) and tok.tag_ != "VBG":
            j = i + 1
            if j < ce and doc[j].lower_ == "for":
                j += 1
            if j < ce and (doc[j].lower_ in ("everyone", "everybody", "anyone", "anybody") or (
                    doc[j].lower_ in ("all", "every") and (j + 1 >= ce or _quantified_noun(doc, doc[j], people) is not None
                                                           or doc[j + 1].is_punct))):
                if not skip(i, tok):
                    out.append(Candidate(rule, i, j + 1, i))
                    taken.update(range(i, j + 1))
                continue
        # -- "we met every target", "the team has hit all of its KPIs"
        if tok.lemma_.lower() in ACHIEVE_VERBS and is_verbal(tok) and tok.tag_ != "VBG":
            j = i + 1
            if j < ce and doc[j].lower_ in dets | {"100%"}:
                k = j + 1
                while k < ce and doc[k].lower_ in ("of", "our", "the", "its", "their", "single"):
                    k += 1
                while k + 1 < ce and doc[k + 1].pos_ == "NOUN":
                    k += 1
                if k < ce and doc[k].lower_ in v.set("performance_nouns") and not skip(i, tok):
                    out.append(Candidate(rule, i, k + 1, i))
                    taken.update(range(i, k + 1))
                    continue
        # -- never / always
        if low in ("always", "invariably") and tok.dep_ in ("advmod",) and any(
                t.lower_ in v.set("report_nouns") for t in doc[cs:i]) and any(
                t.lower_ in ("positive", "excellent", "glowing", "good", "outstanding", "great") for t in doc[i + 1:ce]):
            verb = tok.head
            if not skip(i, verb):
                out.append(Candidate(rule, i, i + 1, verb.i))
            continue
        if low in ("never", "always", "invariably", "universally") and tok.dep_ in ("advmod", "neg", "npadvmod", "ROOT", "dep") or low in ("never", "always"):
            verb = tok.head if is_verbal(tok.head) else None
            if verb is None:
                verb = next((t for t in doc[i + 1:ce] if is_verbal(t) and t.pos_ != "AUX"), None)
            if verb is None:
                continue
            subj = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or _surface_subject(doc, tok)
            if subj is None:
                continue
            slow = subj.lower_
            is_people = slow in ("everyone", "everybody", "nobody") or (
                subj.tag_ in ("NNS", "NNPS") and (subj.lemma_.lower() in people or slow in people))
            is_provider = slow in ("we", "us") or (slow in provider and slow not in ("this", "it", "that", "which")) or any(
                t.lower_ in ("our", "we") for t in subj.subtree)
            vlemma = verb.lemma_.lower()
            if not (is_people or is_provider):
                # "crises are always caught early", "concerns are never missed": performance
                if slow not in ("he", "she", "i", "you", "it", "this", "that") and subj.pos_ != "PROPN" and (
                        vlemma in ACHIEVE_VERBS | CATCH_VERBS) and not skip(i, verb):
                    out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider and low == "never" and vlemma in ("miss", "fail", "lose", "let") and not skip(i, verb):
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if skip(i, verb):
                continue
            if is_people and outcome(i + 1, ce, low == "never"):
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider and any(t.lower_ in FUTURE_AUX for t in doc[cs:i]) and outcome(i + 1, ce, low == "never"):
                # "we will never let anyone fall through the gaps"
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider and low == "always" and verb.lemma_.lower() in ACHIEVE_VERBS and not any(
                    t.lemma_.lower() in ("aim", "try", "seek", "strive") for t in doc[cs:ce]):
                # "we always meet our targets", "the team always gets it right"
                out.append(Candidate(rule, i, i + 1, verb.i))
                continue
            if is_provider:
                perf = any(t.lower_ in ("has", "have", "had") for t in doc[cs:i]) or verb.tag_ == "VBD"
                achieved = low == "never" or verb.lemma_.lower() in ACHIEVE_VERBS
                if perf and achieved and not any(t.lemma_.lower() in ("aim", "try", "seek") for t in doc[cs:ce]):
                    out.append(Candidate(rule, i, i + 1, verb.i))
    return out


def _passive(verb) -> bool:
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    T = _toks(verb.doc)
    return verb.tag_ == "VBN" and verb.i > 0 and T[verb.i - 1].lower_ in BE_FORMS


def _past_or_perfect(verb) -> bool:
    """The verb itself reports what happened: "were met", "has moved on", "improved"."""
    if verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "has", "have", "had", "been") for c in verb.children)


def _present_routine(verb) -> bool:
    """A present-tense statement of routine: "is discussed", "are reviewed", "meets"."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    T = _toks(verb.doc)
    return verb.tag_ == "VBN" and verb.i > 0 and T[verb.i - 1].lower_ in ("is", "are") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are") for c in verb.children)


def _has_caveat(doc, tok, caveats) -> bool:
    """The sentence says its numbers are too small to generalise from."""
    sent = tok.sent
    _, text = _words_in(doc, sent.start, sent.end)
    return any(f" {c} " in text for c in caveats)


NO_EVENT_HEADS_NOT = {"bed", "beds", "place", "places", "space", "spaces", "capacity", "data", "evidence", "record",
                      "records", "change", "changes", "difference", "reduction", "increase", "improvement", "wait",
                      "waiting", "list", "need", "plan", "plans", "option", "options", "service", "services", "funding",
                      "access", "support", "contact", "alternative", "cover", "staff"}
INDIVIDUALS = {"he", "she", "i", "him", "her", "his", "my", "you"}
INITIAL_RE = re.compile(r"^[A-Z]\.?$")


def _no_event(doc, tok, cs: int, ce: int, negatives, people, provider, terms):
    """``(start, end, verb)`` of "no <outcome event>" in a past or perfect clause about the
    service or its people: "there have been no readmissions", "we have not had a single
    eviction", "there has not been one relapse among the people we support", "zero
    relapses". A story about one person ("he has had no admissions since March"), beds
    or data that are missing ("there were no crisis beds") and present-tense facts pass."""
    T = _toks(doc)
    i = tok.i
    low = tok.lower_
    q_end = None
    if low in ("no", "zero"):
        q_end = i + 1
    elif low in ("not", "n't", "never"):
        # "has not been one relapse", "have never had a single eviction", "never been a readmission"
        k = i + 1
        while k < ce and (T[k].lower_ in ("been", "had", "seen", "recorded", "experienced", "once", "even")
                          or (k == i + 1 and T[k].tag_ in ("VBN", "VBD") and T[k].lower_ in negatives)):
            k += 1
        if k == i + 1 and low == "never":
            return None  # "never" straight before a noun or verb: handled as never/always
        if k + 1 < ce and T[k].lower_ == "a" and T[k + 1].lower_ == "single":
            q_end = k + 2
        elif k < ce and T[k].lower_ in ("one", "any", "a", "an"):
            q_end = k + 1
    if q_end is None or q_end >= ce:
        return None
    # the noun phrase after the quantifier, with "of ..." after a counting noun
    head = None
    for k in range(q_end, min(ce, q_end + 4)):
        t = T[k]
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
            if t.dep_ != "compound" and not (k + 1 < ce and T[k + 1].pos_ == "NOUN"):
                break
        elif head is not None or not (t.pos_ in ("ADJ", "NUM", "PUNCT") or t.text == "-"):
            break
    if head is None or head.lower_ in NO_EVENT_HEADS_NOT or head.lemma_.lower() in people or head.lower_ in people:
        return None
    end = head.i + 1
    if head.lower_ in ("incidents", "incident", "episodes", "episode", "cases", "case", "instances", "reports") and (
            end + 1 < ce and T[end].lower_ == "of"):
        end = min(ce, max(t.i for t in T[end].subtree) + 1, end + 6)
    # the event is the noun phrase, with a verb of loss in front of it ("not lost a single tenancy")
    ev0 = i + 1 if low in ("not", "n't", "never") else q_end
    words = {t.lower_ for t in T[ev0:end]} | {t.lemma_.lower() for t in T[ev0:end]}
    np_text = " " + " ".join(t.lower_ for t in T[ev0:end]) + " "
    event = _has_signal(words, np_text, negatives) or any(
        terms is not None and terms.covers("system_outcome_terms", k) for k in range(q_end, end))
    if not event:
        return None
    # a past or perfect clause: a claim about what happened
    clause = T[cs:ce]
    if not (any(t.tag_ in ("VBD", "VBN") for t in clause if t.i < q_end) or any(t.lower_ in ("has", "have", "had") for t in clause)):
        return None
    if any(t.lower_ in INDIVIDUALS for t in clause if t.i < i) or any(t.pos_ == "PROPN" and t.dep_ in ("nsubj",) for t in clause):
        return None
    # one person's story ("A. had no crisis presentation", "the client has had no admissions"):
    # a singular subject that is not the service
    first = next((t for t in clause if t.i < i and t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if first is None:
        first = next((t for t in clause if t.i < i and t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if first is not None and first.lower_ not in ("we", "there", "us") and first.tag_ in ("NN", "NNP") and not (
            first.lower_ in provider or first.lemma_.lower() in provider or first.lower_ in ("caseload", "cohort", "group", "scheme")):
        return None
    if first is not None and INITIAL_RE.match(first.text):
        return None
    sent = tok.sent
    about_us = any(t.lower_ in ("we", "our", "us", "ours") or t.lower_ in provider or t.lower_ in people or t.lemma_.lower() in people
                   for t in T[sent.start:sent.end] if t.pos_ in ("PRON", "NOUN", "DET", "PROPN"))
    if not about_us:
        return None
    verb = next((t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp", "advcl")), tok)
    start = i
    return start, end, verb


def _plainly_negated(ctx: Context, verb) -> bool:
    """Negated by "not"/"n't" on the verb or a governor ("we cannot promise that everyone...")."""
    for t, lexical in ctx.chain(verb):
        if any(c.dep_ == "neg" and c.lower_ in ("not", "n't", "nt") for c in t.children):
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
            if c.dep_ in ("dobj", "acomp", "attr", "oprd", "xcomp", "ccomp", "prep", "advmod", "prt",
                          "npadvmod", "dative", "agent"):
                pred_words.update(t.lower_ for t in c.subtree if t.i - verb.i < 12)
        if negative and (low in self.negative_events or lemma in self.negative_events):
            # "admitted", "readmitted", "sectioned", "relapsed": with nobody/none/never
            return True
        if lemma in ("be", "have", "become", "get") or verb.pos_ == "AUX":
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


def _governing_verb(noun):
    verb = _governing_verb_parse(noun)
    if verb is not None:
        return verb
    # misparsed "Everyone who completed the course recovered.": the first verb after
    # the noun's relative clause
    rel = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    if rel:
        for t in noun.doc[rel[0].i + 1:noun.sent.end]:
            if t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and t.dep_ not in ("amod", "relcl"):
                return t
    return None


def _governing_verb_parse(noun):
    cur = noun
    for _ in range(4):
        if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return cur.head
        if cur.dep_ in ("pobj", "prep", "compound", "amod", "nummod", "appos", "det", "nmod", "quantmod"):
            cur = cur.head
            continue
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        return None
    return None


@check("guarantee", terms=("system_outcome_terms", "problem_terms"))
def guarantee(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Promises of outcomes: "we guarantee", "we promise", "the ICB is assured of",
    "ensures that no one ...", "make certain that nobody is ever ...", "without fail".

    A hedge does not rescue a guarantee ("should guarantee", "expect to guarantee");
    negation does ("there is no guarantee", "we cannot promise"). A guarantee of a
    service standard (a call back within four hours, a named worker) is not an outcome
    promise: ``process_words`` lists the words that mark one.
    """
    v = ctx.v
    opts = rule.options
    verbs = set(opts.get("verbs", ["guarantee", "promise"]))
    verb_forms_ = {f for x in verbs for f in verb_forms(x)}
    assure_forms = {f for f in verb_forms("assure")} | {"reassured"}
    ensure_forms = {f for x in opts.get("ensure_verbs", ["ensure"]) for f in verb_forms(x)}
    process_words = set(w.lower() for w in opts.get("process_words", []))
    people = v.set("people_nouns")
    signals = v.set("outcome_signals")
    negatives = v.set("negative_outcome_words")
    process_verbs = v.set("process_verbs")
    outcome_verbs = v.set("outcome_verbs")
    out: list[Candidate] = []

    def outcome_in(s: int, e: int) -> bool:
        words, text = _words_in(doc, s, e)
        if _has_signal(words, text, signals) or words & negatives:
            return True
        return any(terms.covers("system_outcome_terms", k) or terms.covers("problem_terms", k) for k in range(s, e))

    if opts.get("future_outcomes", True):
        out.extend(_future_outcomes(rule, doc, ctx, terms, outcome_in))
    triggers = verb_forms_ | assure_forms | ensure_forms | {"make", "no", "zero", "without", "rest", "makes", "made", "making"}
    if not (ctx.lower_set & triggers or ctx.lemma_set & verbs):
        return out
    for tok in _toks(doc):
        low = tok.lower_
        if low not in triggers and tok.lemma_.lower() not in verbs:
            continue
        i = tok.i
        cs, ce = _clause(doc, i)
        if low in verb_forms_ or tok.lemma_.lower() in verbs:
            if _plainly_negated(ctx, tok) or ctx.negated(tok) or ctx.question(tok) or ctx.conditional(tok):
                continue
            if tok.pos_ == "NOUN" and not any(c.lower_ in ("our", "we", "a", "every", "100", "%") for c in doc[max(cs, i - 3):i]):
                continue  # "there is no guarantee", "the guarantee of confidentiality"
            words, _ = _words_in(doc, i + 1, ce)
            if process_words and (words & process_words) and not outcome_in(i + 1, ce):
                continue
            out.append(Candidate(rule, i, i + 1, i))
            continue
        if low in assure_forms or (low == "rest" and i + 1 < len(doc) and doc[i + 1].lower_ == "assured"):
            if ctx.negated(tok) or ctx.question(tok) or ctx.conditional(tok):
                continue
            if outcome_in(i + 1, ce):
                out.append(Candidate(rule, i, i + 1, i))
            continue
        ensure_end = None
        if low in ensure_forms:
            ensure_end = i + 1
        elif tok.lemma_.lower() == "make" and i + 1 < len(doc) and doc[i + 1].lower_ in ("sure", "certain"):
            ensure_end = i + 2
        if ensure_end is not None:
            if ctx.negated(tok) or ctx.hedged(tok) or ctx.conditional(tok) or ctx.question(tok):
                continue
            if ctx.aim(tok) and not ctx.future(tok):
                continue
            if any(t.lemma_.lower() in v.set("aim_governors") for t in doc[tok.sent.start:i]):
                continue
            span = doc[ensure_end:ce]
            lows = [t.lower_ for t in span]
            strong = any(w in ("always", "ever", "never") for w in lows)
            quant = None
            for t in span[:6]:
                if t.lower_ in ("nobody", "everyone", "everybody", "noone"):
                    quant = t
                    break
                if t.lower_ in ("no", "every", "all", "each") and _quantified_noun(doc, t, people) is not None:
                    quant = t
                    break
            if quant is None and not strong:
                continue
            if quant is None and process_words & {t.lower_ for t in span} and not outcome_in(ensure_end, ce):
                continue  # "the rota ensures that a manager is always on call": a process
            verb = next((t for t in span if t.pos_ == "VERB" and t.dep_ not in ("amod", "acl", "relcl")), None)
            if verb is not None and verb.lemma_.lower() in process_verbs and verb.lemma_.lower() not in outcome_verbs and not strong:
                continue
            negative_quant = quant is not None and quant.lower_ in ("no", "nobody", "noone")
            future_people = quant is not None and (ctx.future(tok) or any(t.lower_ in FUTURE_AUX for t in doc[tok.sent.start:i]))
            if strong or negative_quant or future_people or outcome_in(ensure_end, ce):
                out.append(Candidate(rule, i, ensure_end, i))
            continue
        if low == "no" and i >= 3 and [t.lower_ for t in doc[i - 3:i]] == ["there", "will", "be"]:
            if outcome_in(i + 1, ce) and not ctx.question(tok) and not (
                    {t.lemma_.lower() for t in doc[tok.sent.start:i]} & v.set("aim_governors")):
                out.append(Candidate(rule, i - 3, i + 1, i))
            continue
        if low == "no" and i + 1 < len(doc) and doc[i + 1].lower_ in ("longer", "more"):
            if any(t.lower_ in FUTURE_AUX for t in doc[cs:i]) and outcome_in(i + 2, ce) and not ctx.question(tok) and not (
                    {t.lemma_.lower() for t in doc[tok.sent.start:i]} & v.set("aim_governors")) and not ctx.hedged(tok.head):
                out.append(Candidate(rule, i, i + 2, i))
            continue
        if low == "zero" and i > 0:
            sent = tok.sent
            before = {t.lemma_.lower() for t in doc[sent.start:i]}
            if before & {"commit", "pledge", "promise", "guarantee", "deliver", "achieve", "will", "ensure"} and not (
                    before & (v.set("aim_governors") - {"commit"})) and not ctx.question(tok) and not ctx.negated(tok):
                end = i + 1
                while end < min(sent.end, i + 5) and doc[end].pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT") and doc[end].text not in (",", ".", ";"):
                    end += 1
                out.append(Candidate(rule, i, end, i))
            continue
        if low == "without" and i + 1 < len(doc) and doc[i + 1].lower_ == "fail":
            sent = tok.sent
            words, text = _words_in(doc, sent.start, sent.end)
            if ("will" in words or outcome_in(sent.start, sent.end) or "%" in words) and not ctx.question(tok):
                out.append(Candidate(rule, i, i + 2, i))
    return out


PROMISE_ADJECTIVES = {"certain", "bound", "sure"}
COMMIT_FORMS = {"commit", "commits", "committing"}
INDIVIDUAL_SUBJECTS = {"he", "she", "i", "you", "it", "this", "that", "they"}


def _future_outcomes(rule: Rule, doc, ctx: Context, terms, outcome_in) -> list[Candidate]:
    """Unhedged promises of results for people, read from the parse:

    * "will" + an outcome verb: "people who join the programme will recover", "our service
      will transform the lives of everyone it supports", "carers will feel less stressed
      after four sessions" (weak verbs such as feel, be, achieve need an outcome word);
    * "is certain to", "is bound to", "is sure to" + a verb, with an outcome in the clause:
      "recovery is certain to follow", "the intervention is bound to improve outcomes";
    * "commit to" + an ending verb on a problem: "we commit to eliminating waiting lists".

    Hedges, aims, targets, conditions, questions and negation make them pass, and so do
    processes ("people will be offered a review", "we will improve the referral form")."""
    v = ctx.v
    opts = rule.options
    strong = frozenset(opts.get("future_outcome_verbs") or v.set("future_outcome_verbs"))
    weak = frozenset(opts.get("future_weak_verbs") or v.set("future_weak_verbs"))
    objects = frozenset(opts.get("outcome_objects") or v.set("outcome_objects"))
    end_verbs = frozenset(opts.get("end_verbs", ["eliminate", "eradicate", "end", "abolish", "wipe", "stamp", "halve"]))
    people = v.set("people_nouns")
    provider = v.set("provider_agents")
    adjectives = v.set("outcome_adjectives")
    words_ = v.set("outcome_words")
    negatives = v.set("negative_outcome_words")
    process_verbs = v.set("process_verbs")
    process_nouns = v.set("process_nouns")
    aims = v.set("aim_governors")
    hedge_words = v.set("hedge_modals") | v.set("hedge_adverbs")
    T = _toks(doc)
    lows = ctx.lower_set
    if not (lows & (FUTURE_AUX | PROMISE_ADJECTIVES | COMMIT_FORMS | {"going"})):
        return []
    out: list[Candidate] = []

    def blocked(verb) -> bool:
        if ctx.question(verb) or ctx.conditional(verb) or ctx.negated(verb) or ctx.hedged(verb):
            return True
        if _is_target(verb.sent) or _has_caveat(doc, verb, v.set("small_number_caveats")):
            return True
        if any(t.lower_ in hedge_words for t in T[verb.sent.start:verb.sent.end]):
            return True  # "people will recover at different speeds, and some may need longer"
        sent = verb.sent
        before = {t.lemma_.lower() for t in T[sent.start:verb.i]}
        if before & aims or before & {"hope", "expect", "believe", "think", "anticipate"}:
            return True
        return ctx.aim(verb) and ctx.infinitive(verb)

    def subject_kind(verb) -> str | None:
        subj = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "dep" and verb.head is not verb:
            subj = subject_of(verb.head)  # misparsed "people referred to us will get well"
        if subj is None:
            return None
        low = subj.lower_
        if low in INDIVIDUAL_SUBJECTS or subj.pos_ == "PROPN":
            return None
        lemma = subj.lemma_.lower()
        if low in ("everyone", "everybody", "anyone", "anybody") or lemma in people or low in people:
            return "people"
        if low in objects or lemma in objects:
            return "outcome"
        if low in ("we", "us") or low in provider or lemma in provider or any(t.lower_ in ("our", "we") for t in subj.subtree):
            return "provider"
        return None

    def predicate(verb) -> tuple[set, str]:
        toks = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "mark", "advcl")
                for t in c.subtree if t.i > verb.i and t.i - verb.i < 12]
        toks.sort(key=lambda t: t.i)
        words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
        return words, " " + " ".join(t.lower_ for t in toks) + " "

    for tok in T:
        low = tok.lower_
        # -- "will recover", "will transform the lives of", "will feel safer"
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            lemma = tok.lemma_.lower()
            if lemma not in strong and lemma not in weak:
                continue
            kind = subject_kind(tok)
            if kind is None:
                continue
            words, text = predicate(tok)
            if lemma in weak:
                if kind not in ("people", "outcome"):
                    continue
                if lemma in process_verbs and lemma not in ("see", "leave", "keep", "return", "stay"):
                    continue
                if not (words & adjectives or words & words_ or _has_signal(words, text, negatives) or words & objects):
                    continue
            else:
                dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if dobj is not None:
                    sub = {t.lower_ for t in dobj.subtree} | {t.lemma_.lower() for t in dobj.subtree}
                    if not (sub & objects or sub & people or {"everyone", "everybody"} & sub):
                        continue  # "we will improve the referral form"
                elif kind == "provider":
                    continue
            if blocked(tok):
                continue
            aux = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ in FUTURE_AUX)
            out.append(Candidate(rule, min(aux.i, tok.i), tok.i + 1, tok.i))
            continue
        # -- "is certain to follow", "is bound to improve"
        if low in PROMISE_ADJECTIVES and tok.i + 2 < len(T) and T[tok.i + 1].lower_ == "to" and T[tok.i + 2].tag_ == "VB":
            verb = T[tok.i + 2]
            cs, ce = _clause(doc, tok.i)
            vl = verb.lemma_.lower()
            if vl not in strong and vl not in weak and vl not in end_verbs and vl not in v.set("causal_verbs"):
                continue  # "she is sure to ask about her benefits"
            if vl in ("be", "see", "get", "go", "find", "keep"):
                continue
            subj = subject_of(tok.head) if tok.head is not tok else None
            if subj is not None and (subj.lower_ in INDIVIDUAL_SUBJECTS or subj.pos_ == "PROPN"):
                continue
            if not outcome_in(cs, ce):
                continue
            if ctx.question(tok) or ctx.conditional(tok) or ctx.negated(tok) or _plainly_negated(ctx, tok.head):
                continue
            out.append(Candidate(rule, tok.i, tok.i + 3, tok.i))
            continue
        # -- "we commit to eliminating waiting lists"
        if low in COMMIT_FORMS and tok.pos_ == "VERB" and tok.i + 2 < len(T) and T[tok.i + 1].lower_ == "to":
            verb = T[tok.i + 2]
            if verb.lemma_.lower() not in end_verbs and verb.lower_ not in {f for x in end_verbs for f in verb_forms(x)}:
                continue
            obj = _any_object(doc, verb, verb.i + 1 + (1 if verb.i + 1 < len(T) and T[verb.i + 1].tag_ == "RP" else 0), process_nouns)
            if obj is None:
                continue
            if ctx.question(tok) or ctx.conditional(tok) or ctx.negated(tok):
                continue
            out.append(Candidate(rule, tok.i, verb.i + 1, tok.i))
    return out


COPULAS = {"be", "remain", "become"}
REPORTING = {"say", "describe", "tell", "write", "call", "rate", "praise", "comment", "judge", "grade", "find",
             "consider", "score", "inspect", "feel", "think", "mention", "report", "thank", "nominate", "award"}


@check("puffery")
def puffery(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Praise of the provider in its own voice, found from the parse rather than from
    fixed phrases:

    * a praise word (``adjectives``: exceptional, outstanding, transformational...) or an
      adverb + adjective ("exceptionally skilled") on something the provider offers or
      achieves (``targets``: service, team, support, results, track record...):
      "outstanding results", "an exceptional track record", "first-class support";
    * the same words, or a puffery noun ("a national exemplar", "a flagship service"),
      as the predicate of the provider: "our crisis team is exceptional", "our service
      is truly transformational";
    * a quality superlative as the predicate of the provider: "our team is the strongest
      in the sector", "our outcomes are the best of any provider", "our staff are the most
      dedicated professionals" (superlatives of size, need or plain fact, listed in
      ``not_quality``, pass: "our clients are the most isolated in the borough").

    "Outstanding actions", "in exceptional circumstances", a rating reported with its
    source ("judged outstanding by the CQC") and praise reported from someone else
    ("carers described the support as excellent") pass. A hedge does not rescue puffery.
    """
    v = ctx.v
    opts = rule.options
    adjs = frozenset(w.lower() for w in opts.get("adjectives", []))
    advs = frozenset(w.lower() for w in opts.get("adverbs", []))
    nouns = frozenset(w.lower() for w in opts.get("nouns", []))
    targets = frozenset(w.lower() for w in opts.get("targets", []))
    not_quality = frozenset(w.lower() for w in opts.get("not_quality", []))
    people = v.set("people_nouns")
    external = v.set("external_agents")
    T = _toks(doc)
    firsts = {w.split("-")[0] for w in adjs | nouns} | advs | {"most", "best", "finest", "greatest"}
    if not (ctx.lower_set & firsts or any(t.tag_ == "JJS" for t in T)):
        return []
    out: list[Candidate] = []
    taken: set[int] = set()

    def compound_at(i: int):
        """Lower-cased hyphenated word starting at ``i`` and the index of its last token."""
        j = i
        parts = [T[i].lower_]
        while (j + 2 < len(T) and T[j + 1].text == "-" and not T[j].whitespace_ and not T[j + 1].whitespace_
               and T[j + 2].is_alpha):
            parts += ["-", T[j + 2].lower_]
            j += 2
        return parts, j

    def provider_subject(verb) -> bool:
        subj = subject_of(verb)
        if subj is None:
            return False
        low = subj.lower_
        if low in ("we", "ours"):
            return True
        if low in people or subj.lemma_.lower() in people:
            return False
        if any(t.lower_ in ("our", "we", "us") for t in subj.subtree):
            return True
        return subj.pos_ in ("NOUN", "PROPN") and (low in targets or subj.lemma_.lower() in targets) and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "a", "an") for c in subj.children)

    def copula_of(tok):
        """The copula a predicate word hangs from ("is exceptional", "is a ... exemplar")."""
        cur = tok
        for _ in range(3):
            if cur.dep_ in ("acomp", "attr", "oprd") and cur.head.lemma_.lower() in COPULAS:
                return cur.head
            if cur.dep_ in ("conj", "amod", "advmod", "compound") and cur.head is not cur:
                cur = cur.head
                continue
            break
        return None

    def target_noun(last):
        """The target noun a word modifies ("outstanding results", "first-class support")."""
        cur = last
        for _ in range(3):
            if cur.dep_ not in ("amod", "compound", "nmod", "advmod", "conj") or cur.head is cur:
                break
            cur = cur.head
            if cur.pos_ in ("NOUN", "PROPN") and (cur.lower_ in targets or cur.lemma_.lower() in targets):
                return cur
        # surface, for misparses: the next noun within three words
        for k in range(last.i + 1, min(last.sent.end, last.i + 4)):
            t = T[k]
            if t.pos_ in ("NOUN", "PROPN"):
                if t.lower_ in targets or t.lemma_.lower() in targets:
                    # take the head of a compound ("track record")
                    while t.dep_ == "compound" and t.head.i > t.i and t.head.i < last.i + 5:
                        t = t.head
                    return t
                if t.dep_ != "compound":
                    return None
            elif not (t.pos_ in ("ADJ", "ADV", "PUNCT") or t.text == "-"):
                return None
        return None

    def reported(verb) -> bool:
        for t, _lex in ctx.chain(verb):
            if t.lemma_.lower() in REPORTING and t.pos_ == "VERB":
                return True
        return False

    def emit(s: int, e: int, anchor) -> None:
        if any(k in taken for k in range(s, e)):
            return
        if ctx.question(anchor) or ctx.conditional(anchor) or _plainly_negated(ctx, anchor) or ctx.negated(anchor):
            return
        if reported(anchor):
            return
        out.append(Candidate(rule, s, e, anchor.i))
        taken.update(range(s, e))

    for tok in T:
        i = tok.i
        if i in taken or (i > 0 and T[i - 1].text == "-" and not T[i - 1].whitespace_):
            continue
        low = tok.lower_
        # -- praise words and puffery nouns (hyphenated ones too)
        if low.split("-")[0] in firsts or low in advs:
            parts, j = compound_at(i)
            word = None
            for k in range(len(parts), 0, -2):
                cand = "".join(parts[:k])
                if cand in adjs or cand in nouns or cand in advs:
                    word, j = cand, i + k - 1
                    break
            if word is not None:
                last = T[j]
                if word in advs:
                    # "exceptionally skilled staff", "remarkably effective"
                    head = last.head if last.dep_ == "advmod" else (T[j + 1] if j + 1 < len(T) else last)
                    if head.pos_ != "ADJ":
                        continue
                    last = head
                    j = head.i
                is_noun = word in nouns and last.pos_ in ("NOUN", "PROPN")
                if word in nouns and not is_noun and word not in adjs:
                    continue
                cop = copula_of(last)
                if cop is not None and provider_subject(cop):
                    emit(i, j + 1, cop)
                    continue
                target = target_noun(last)
                if target is not None and not (is_noun and last.dep_ not in ("compound", "amod", "nmod")):
                    gov = _governing(target)
                    subj = subject_of(gov) if gov.pos_ in ("VERB", "AUX") else None
                    if subj is not None and subj.i < target.i and not any(t.lower_ in ("our", "we", "us") for t in target.subtree) and (
                            subj.lower_ in external or subj.lemma_.lower() in external or subj.pos_ == "PROPN"):
                        continue  # "the ICB has asked providers for innovative approaches"
                    emit(i, j + 1, gov)
                    continue
                continue
        # -- quality superlatives as the provider's predicate
        sup = None
        if tok.tag_ == "JJS" and low not in not_quality and low not in ("most", "least"):
            sup = (i, i + 1, tok)
        elif low == "most" and tok.dep_ in ("advmod", "amod", "attr", "acomp") and i + 1 < len(T):
            k = i + 1
            while k < min(len(T), i + 3) and T[k].pos_ == "ADV":
                k += 1
            adj = T[k] if k < len(T) else None
            if adj is not None and adj.pos_ in ("ADJ", "VERB") and adj.lower_ not in not_quality and adj.tag_ != "VBG":
                sup = (i, k + 1, adj)
        if sup is not None:
            s0, e0, word = sup
            if s0 == 0 or T[s0 - 1].lower_ not in ("the", "our", "ours", "its", "their"):
                # "the strongest", "our finest": a superlative with its determiner
                if not (s0 > 1 and T[s0 - 1].pos_ == "ADV" and T[s0 - 2].lower_ == "the"):
                    continue
            nxt = T[e0] if e0 < len(T) else None
            if nxt is not None and nxt.lower_ in ("placed", "suited", "positioned", "able", "possible", "interests",
                                                  "practice", "way", "time", "option", "thing", "day", "week",
                                                  "month", "year", "part", "bit", "place", "course", "we", "available"):
                continue
            cop = copula_of(word)
            if cop is None and word.dep_ in ("amod",) and word.head.dep_ in ("attr", "acomp"):
                cop = copula_of(word.head)
            if cop is not None and provider_subject(cop):
                emit(s0, e0, cop)
    return out


def _governing(tok):
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


@check("number_context")
def number_context(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Figures that cannot be checked as written (Vale's "conditional" idea: a figure
    implies its context).

    * A change figure ("fell by 30%", "down 35%", "a 40% reduction", "halved", "2.5 days
      shorter", "three times fewer", "rose to 95%") needs a baseline ("from X to Y",
      "compared with", "than", "against") and a period or a denominator.
    * A percentage on its own ("stands at 92%", "an 85% satisfaction rate") needs a
      denominator ("n = 120", "41 of 58", "of planned contacts").

    Targets, aims and forecasts, conditions, questions, shortfalls admitted ("only 42%",
    "against a target of 75%") and SPC verdicts pass. Options: ``change_needs`` and
    ``static_needs`` (lists of baseline/period/denominator groups; a figure passes when
    every group has one member present).
    """
    v = ctx.v
    opts = rule.options
    change_verbs = v.set("change_verbs") | frozenset(v.forms("change_verbs"))
    change_nouns = v.set("change_nouns")
    skip_words = v.set("figure_skip_words")
    change_needs = opts.get("change_needs", [["baseline"], ["period", "denominator"]])
    static_needs = opts.get("static_needs", [["denominator"]])
    out: list[Candidate] = []
    if not any(t.like_num or t.text.endswith("%") or (t.text[-1:] in "xX" and t.text[:1].isdigit()) for t in _toks(doc)) and not (
            ctx.lower_set & CHANGE_WORDS):
        return out
    for sent in _sents(doc):
        figures = _figures(doc, sent, change_verbs, change_nouns)
        if not figures:
            continue
        words, text = _words_in(doc, sent.start, sent.end)
        if words & skip_words or any(p in text for p in (" against a target", " we missed ", " missed the ", " missed our ", " short of ", " below target", " below our target",
                                                          " normal variation", " special cause", " special-cause",
                                                          " common cause", " common-cause", " did not ", " no change")):
            continue
        present = _figure_context(doc, sent)
        for s, e, anchor, kind in figures:
            needs = change_needs if kind == "change" else static_needs
            missing = [group for group in needs if not any(present[g] for g in group)]
            if not missing:
                continue
            a = doc[anchor]
            if ctx.conditional(a) or ctx.question(a) or ctx.future(a) or _is_target(sent):
                continue
            if ctx.aim(a) and a.tag_ != "VBG":
                continue
            if any(t.lower_ in v.set("hedge_modals") for t in doc[sent.start:s]):
                continue
            names = [" or ".join(group) for group in missing]
            message = rule.message.replace("{missing}", _and_list(["a " + n for n in names]))
            out.append(Candidate(rule, s, e, anchor, message=message))
            break
    return out


def _and_list(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


CHANGE_WORDS = {"halved", "doubled", "tripled", "trebled", "twice", "half", "third", "quarter", "fifth", "tenth",
                "twofold", "threefold", "fourfold", "fivefold", "tenfold", "halve", "double", "triple", "treble"}
TARGET_RE = re.compile(
    r"\btargets? (?:is|are|was|were|of|for|set|to)\b|\btarget(?:ed|ing)? (?:a|an)\b|\bour targets?\b(?! by)|"
    r"\b(?:trajectory|forecasts?|projected|objective|ambition|aspiration)\b|\bgoal (?:is|was|of|for)\b|"
    r"\baims? to\b|\bwe (?:aim|expect|plan|intend|hope|want)\b|\bexpected to\b|\bplanned to\b",
    re.IGNORECASE,
)


def _is_target(sent) -> bool:
    return bool(TARGET_RE.search(sent.text))


AMOUNT_WORDS = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "%", "per", "cent",
                "percent", "points", "point", "percentage", "a", "around", "about", "nearly", "almost", "over",
                "more", "than", "roughly", "some", "approximately", "up", "to"}
COMPARATIVES = {"fewer", "less", "more", "lower", "higher", "shorter", "longer", "faster", "quicker", "sooner",
                "greater", "smaller", "bigger"}


def _ci_level(doc, end: int) -> bool:
    """Is the percentage ending before token ``end`` the level of a confidence interval
    ("95% CI", "95% confidence interval")? That is not a figure about the service."""
    T = _toks(doc)
    return end < len(doc) and T[end].lower_ in ("ci", "cis", "confidence", "credible", "prediction", "interval",
                                                "intervals")


def _is_pct(doc, i: int) -> int | None:
    """End index of a percentage starting at token ``i`` ("30%", "30 per cent", "30 percent").
    The level of a confidence interval ("95% CI") is not counted."""
    T = _toks(doc)
    t = T[i]
    end = None
    if t.text.endswith("%") and any(ch.isdigit() for ch in t.text):
        end = i + 1
    elif not t.like_num:
        return None
    elif i + 1 < len(doc) and T[i + 1].lower_ in ("%", "percent"):
        end = i + 2
    elif i + 2 < len(doc) and T[i + 1].lower_ == "per" and T[i + 2].lower_ == "cent":
        end = i + 3
    if end is None or _ci_level(doc, end):
        return None
    return end


def _amount_after(doc, i: int, limit: int) -> int | None:
    """End of an amount ("30%", "a third", "40 minutes", "12 points") starting near ``i``."""
    T = _toks(doc)
    j = i
    seen = False
    while j < min(limit, i + 5):
        t = T[j]
        if t.like_num or t.lower_ in ("half", "third", "thirds", "quarter", "fifth", "tenth", "%"):
            seen = True
            j += 1
            continue
        if t.lower_ in AMOUNT_WORDS or (seen and t.pos_ == "NOUN" and j == i + 1 or seen and t.pos_ == "NOUN"):
            j += 1
            if seen and t.pos_ == "NOUN":
                break
            continue
        break
    return j if seen else None


def _figures(doc, sent, change_verbs, change_nouns) -> list[tuple[int, int, int, str]]:
    """Change figures and percentages in a sentence: ``(start, end, anchor, kind)``."""
    T = _toks(doc)
    out = []
    used: set[int] = set()
    end = sent.end
    from_to = _from_to_spans(doc, sent)
    for tok in T[sent.start:sent.end]:
        i = tok.i
        if i in used:
            continue
        low = tok.lower_
        lemma = tok.lemma_.lower()
        # "by 30%", "by a third", "by 40 minutes" after a change verb
        if low == "by":
            amt = _amount_after(doc, i + 1, end)
            verb = None
            for j in range(i - 1, max(sent.start, i - 5) - 1, -1):
                if T[j].lemma_.lower() in change_verbs or T[j].lower_ in change_verbs or T[j].lower_ in ("down", "up"):
                    verb = T[j]
                    break
            if amt is not None and verb is not None:
                out.append((verb.i, amt, verb.i, "change"))
                used.update(range(verb.i, amt))
            continue
        # "twice what it was", "double the rate", "half the number"
        if low in ("twice", "double", "treble", "triple", "half") and i + 2 < end and (
                T[i + 1].lower_ == "what" or (T[i + 1].lower_ == "the" and T[i + 2].lower_ in (
                    "number", "rate", "level", "levels", "amount", "proportion", "figure"))):
            out.append((i, i + 2, _anchor_verb(tok), "change"))
            used.update(range(i, i + 2))
            continue
        # "up a quarter", "down a third"
        if low in ("up", "down") and i + 2 < end and T[i + 1].lower_ == "a" and T[i + 2].lower_ in (
                "third", "quarter", "half", "fifth", "tenth") and i > sent.start and (
                T[i - 1].lower_ in BE_FORMS or T[i - 1].lemma_.lower() in change_verbs):
            out.append((i, i + 3, i, "change"))
            used.update(range(i, i + 3))
            continue
        # "up 20 points", "down 12 percentage points"
        if low in ("up", "down") and i + 2 < end and T[i + 1].like_num and T[i + 2].lower_ in ("points", "point", "percentage") and (
                i > sent.start and (T[i - 1].lemma_.lower() in change_verbs or T[i - 1].lower_ in BE_FORMS or T[i - 1].pos_ in ("NOUN", "PROPN", "VERB"))):
            stop = i + 3 + (1 if i + 3 < end and T[i + 3].lower_ in ("points", "point") else 0)
            out.append((i, stop, i, "change"))
            used.update(range(i, stop))
            continue
        # "cut in half", "climbed 30 points", "fell 12 percentage points"
        if lemma in change_verbs and tok.pos_ in ("VERB", "ADJ") and i + 2 < end:
            if T[i + 1].lower_ == "in" and T[i + 2].lower_ == "half":
                if any(c.dep_ == "dobj" for c in tok.children) or (i + 1 < end and T[i + 1].pos_ in ("DET", "NOUN", "PRON")):
                    continue  # "we cut the form in half": an action, like "we halved the paperwork"
                out.append((i, i + 3, i, "change"))
                used.update(range(i, i + 3))
                continue
            if T[i + 1].like_num and T[i + 2].lower_ in ("points", "point", "percentage") and not any(
                    a <= i + 1 < b for a, b in from_to):
                stop = i + 3 + (1 if i + 3 < end and T[i + 3].lower_ in ("points", "point") else 0)
                out.append((i, stop, i, "change"))
                used.update(range(i, stop))
                continue
        # "a 3x increase", "2.5x more referrals", "grew 2.5x"
        if MULTIPLE_RE.match(low) and i > sent.start and T[i - 1].lemma_.lower() in change_verbs:
            out.append((i - 1, i + 1, i - 1, "change"))
            used.update(range(i - 1, i + 1))
            continue
        if MULTIPLE_RE.match(low) and i + 1 < end and (T[i + 1].lower_ in change_nouns or T[i + 1].lower_ in COMPARATIVES):
            out.append((i, i + 2, _anchor_verb(T[i + 1]), "change"))
            used.update(range(i, i + 2))
            continue
        # "down 35%", "dropped 40%", "up 70%", "rose to 95%"
        if (lemma in change_verbs or low in ("down", "up")) and i + 1 < end:
            k = i + 1
            if T[k].lower_ == "to" and lemma in change_verbs:
                pe = _is_pct(doc, k + 1) if k + 1 < end else None
                if pe is not None and not any(a <= k + 1 < b for a, b in from_to):
                    out.append((i, pe, i, "change"))
                    used.update(range(i, pe))
                    continue
            pe = _is_pct(doc, k)
            if pe is not None and (low in ("down", "up") and (T[i - 1].lower_ in BE_FORMS or T[i - 1].pos_ in ("NOUN", "PROPN"))
                                   or lemma in change_verbs):
                out.append((i, pe, i, "change"))
                used.update(range(i, pe))
                continue
        # "a threefold increase", "twice as many", "half as many", "a fifth fewer"
        if low.endswith("fold") and low[:-4] in ("two", "three", "four", "five", "ten") or low in ("twice", "double") and i + 2 < end and T[i + 1].lower_ == "as" or (
                low in ("half", "third", "quarter", "fifth", "tenth") and i + 1 < end and T[i + 1].lower_ in COMPARATIVES | {"as"}):
            stop = min(end, i + 4)
            out.append((i, stop, _anchor_verb(tok), "change"))
            used.update(range(i, stop))
            continue
        # "waits dropped to nine days", "rose to 40 a month": a change with only its end point
        if lemma in change_verbs and tok.pos_ == "VERB" and i + 2 < end and T[i + 1].lower_ == "to" and T[i + 2].like_num and not any(
                a <= i + 2 < b for a, b in from_to):
            stop = i + 3 + (1 if i + 3 < end and T[i + 3].pos_ == "NOUN" else 0)
            out.append((i, stop, i, "change"))
            used.update(range(i, stop))
            continue
        # "nine in ten people", "4 in 5 carers": a rate with no count
        if (tok.like_num and i + 2 < end and T[i + 1].lower_ == "in" and T[i + 2].like_num
                and (_number(T[i + 2]) or 0) in (3, 4, 5, 10)):
            out.append((i, i + 3, _anchor_verb(tok), "static"))
            used.update(range(i, i + 3))
            continue
        # "halved", "doubled", "tripled"
        if lemma in ("halve", "double", "triple", "treble") and tok.pos_ == "VERB":
            if any(c.dep_ == "dobj" for c in tok.children):
                continue  # "we halved the paperwork": an action, not a reported figure
            out.append((i, i + 1, i, "change"))
            used.add(i)
            continue
        # "a 40% reduction", "30% fewer", "three times fewer", "2.5 days shorter"
        if tok.like_num:
            pe = _is_pct(doc, i)
            j = pe if pe is not None else i + 1
            if j < end and T[j].lower_ == "-":
                j += 1
            if j < end and pe is None and T[j].lower_ in ("times", "fold"):
                j += 1
                if T[j - 1].lower_ == "fold" and any(T[k].lemma_.lower() in change_verbs for k in range(max(sent.start, i - 3), i)):
                    out.append((i, j, i, "change"))
                    used.update(range(i, j))
                    continue
            elif j < end and pe is None and T[j].pos_ == "NOUN" and T[j].lower_ not in change_nouns:
                j += 1  # "2.5 days shorter", "40 minutes faster"
            if j < end and (T[j].lower_ in change_nouns or T[j].lower_ in COMPARATIVES):
                if not (T[j].lower_ in ("more", "less") and j + 1 < end and T[j + 1].lower_ == "than"):
                    out.append((i, j + 1, _anchor_verb(T[j]), "change"))
                    used.update(range(i, j + 1))
                    continue
            if pe is not None and not any(a <= i < b for a, b in from_to):
                out.append((i, pe, _anchor_verb(tok), "static"))
                used.update(range(i, pe))
                continue
    return out


MULTIPLE_RE = re.compile(r"^\d+(?:\.\d+)?x$")


def _from_to_spans(doc, sent) -> list[tuple[int, int]]:
    """Token spans of "from X to Y" with numbers on both sides."""
    T = _toks(doc)
    spans = []
    for t in T[sent.start:sent.end]:
        if t.lower_ in ("from", "between"):
            a = next((k for k in range(t.i + 1, min(sent.end, t.i + 4)) if T[k].like_num or T[k].text.rstrip("%").replace(".", "").isdigit()), None)
            if a is None:
                continue
            sep = next((k for k in range(a + 1, min(sent.end, a + 9)) if T[k].lower_ in ("to", "and")), None)
            if sep is None:
                continue
            b = next((k for k in range(sep + 1, min(sent.end, sep + 4)) if T[k].like_num or T[k].text.rstrip("%").replace(".", "").isdigit()), None)
            if b is not None:
                spans.append((t.i, b + 2))
    return spans


def _anchor_verb(tok):
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur.i
        cur = cur.head
    return cur.i


PERIOD_RE = re.compile(
    r"\b(?:(?:19|20)\d\d(?:/\d\d)?|q[1-4]|quarters?|years?|months?|weeks?|days|annual|annually|monthly|weekly|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"since|between|during|over the|in the (?:first|last|past|same)|period|baseline|winter|summer|spring|autumn)\b",
    re.IGNORECASE,
)
BASELINE_RE = re.compile(
    r"\bcompared (?:with|to)\b|\bversus\b|\bvs\.?\b|\bbaseline\b|\bagainst\b|\bthan (?:in|at|the|last|before|\d)|"
    r"\bup from\b|\bdown from\b|\bthe year before\b|\bthe previous\b|"
    r"\bon (?:last|the previous|the same) (?:year|quarter|month|period)\b|\bon (?:19|20)\d\d(?:/\d\d)?\b|\bfrom (?:a |an )?(?:baseline|low|high) of\b",
    re.IGNORECASE,
)
COUNT_RE = re.compile(
    r"\b\d[\d,]*\s+(?:of|out of)\s+(?:the\s+|our\s+|all\s+)?\d[\d,]*\b|\(\s*n\s*=\s*\d|\bn\s*=\s*\d|\bout of\s+\d|"
    r"\b(?:of|among|amongst|across|for|from)\s+(?:the\s+|our\s+|all\s+|these\s+)?\d[\d,]*\s+[a-z]+|\b\d[\d,]*\s*/\s*\d[\d,]*\b(?!/)",
    re.IGNORECASE,
)
DENOM_RE = re.compile(
    r"\b\d[\d,]*\s+(?:of|out of)\s+(?:the\s+|our\s+|all\s+)?\d[\d,]*\b|\(\s*n\s*=\s*\d|\bn\s*=\s*\d|\bper\s+\d|"
    r"\bbase\s+(?:of\s+)?(?:about\s+|around\s+|roughly\s+)?\d|"
    r"\bout of\s+\d|\b(?:of|among|amongst|across|for|from)\s+(?:the\s+|our\s+|all\s+|these\s+)?\d[\d,]*\s+\w+|"
    r"\(\s*\d[\d,]*\s+(?:and\s+\d[\d,]*\s+)?[a-z]+|\b\d[\d,]*\s*/\s*\d[\d,]*\b(?!/)|"
    r"%\s+of\s+(?:all\s+|the\s+|our\s+)?(?:[a-z-]+\s+){0,2}(?:contacts|appointments|sessions|reviews|goals|referrals|"
    r"discharges|cases|plans|calls|visits|assessments|escalations|actions|incidents|episodes|contacts|records|returns|responses|surveys)\b",
    re.IGNORECASE,
)


def _figure_context(doc, sent) -> dict[str, bool]:
    text = sent.text
    return {
        "baseline": bool(_from_to_spans(doc, sent)) or bool(BASELINE_RE.search(text)),
        "period": bool(PERIOD_RE.search(text)),
        "denominator": bool(DENOM_RE.search(text)),
    }


FRACTION_TOKEN_RE = re.compile(r"^(\d{1,2})/(\d{1,2})$")
SMALL_FRACTION_RE = re.compile(
    r"(?P<pct>\d{1,3}(?:\.\d+)?\s?%)\s*\(?\s*(?:(?P<k>\d+)\s*(?:of|out of|/)\s*(?P<n>\d+)|n\s*=\s*(?P<n2>\d+))",
    re.IGNORECASE,
)
FRACTION_PCT_RE = re.compile(
    r"(?:(?P<k>\d+)\s*(?:of|out of|/)\s*(?P<n>\d+)|n\s*=\s*(?P<n2>\d+))\s*\)?\s*\(?\s*(?P<pct>\d{1,3}(?:\.\d+)?\s?%)",
    re.IGNORECASE,
)


@check("small_denominator")
def small_denominator(rule: Rule, doc, ctx: Context, terms) -> list[Candidate]:
    """Results from a handful of people presented as a rate or generalised:
    "100% (2 of 2)", "67% (n = 3)", "from three to one, a 67% fall", "our pilot with six
    people proves the model works".

    A sentence is flagged when it counts fewer than ``max_n`` people (or cases, surveys)
    and also gives a percentage or a generalising word ("shows", "proves", "works",
    "across the county"), outside quotation marks. A sentence that says the numbers are
    too small to generalise from ("with so few people", "an early signal only") passes.
    """
    T = _toks(doc)
    from evidencebot.language.markdown import quote_spans

    v = ctx.v
    opts = rule.options
    max_n = int(opts.get("max_n", 10))
    groups = v.set("small_group_nouns") | v.set("people_nouns")
    containers = {"cohort", "group", "pilot", "trial", "test", "sample", "study", "project"}
    general = frozenset(w.lower() for w in opts.get("generalising", [])) or v.set("generalising_phrases")
    outcome_signals = v.set("outcome_signals")
    caveats = frozenset(w.lower() for w in opts.get("caveats", [])) or v.set("small_number_caveats")
    out: list[Candidate] = []
    if not any(t.like_num or t.text.endswith("%") for t in _toks(doc)) and not ctx.lower_set & {
            "both", "handful", "single", "couple", "few", "small", "tiny"}:
        return out
    text = doc.text
    quotes = quote_spans(text)

    def quoted(t) -> bool:
        return any(a <= t.idx < b for a, b in quotes)

    # explicit "67% (n = 3)", "100% (2 of 2)", "3/4 (75%)"
    explicit: set[int] = set()
    for regex in (SMALL_FRACTION_RE, FRACTION_PCT_RE):
        for m in regex.finditer(text):
            n = int(m.group("n") or m.group("n2"))
            if n >= max_n or n == 0:
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or quoted(span[0]):
                continue
            sent_words, sent_text = _words_in(doc, span.sent.start, span.sent.end)
            if _has_signal(sent_words, sent_text, caveats):
                continue
            out.append(Candidate(rule, span.start, span.end, _anchor_verb(span.root)))
            explicit.add(span.sent.start)
    for sent in _sents(doc):
        if sent.start in explicit:
            continue
        counts: list[tuple[int, int]] = []
        fractions: list[tuple[int, int]] = []
        for t in T[sent.start:sent.end]:
            if quoted(t):
                continue
            # "our small pilot", "a small sample", "a very small group"
            if t.lower_ in ("small", "tiny") and t.i + 1 < sent.end and T[t.i + 1].lower_ in containers | {"number", "numbers", "cohort"}:
                counts.append((t.i, t.i + 2))
                continue
            if t.lower_ == "few" and t.i > sent.start and T[t.i - 1].lower_ == "a" and t.i + 1 < sent.end and (
                    T[t.i + 1].lower_ in groups or T[t.i + 1].lemma_.lower() in groups):
                counts.append((t.i - 1, t.i + 2))
                continue
            # "both participants", "a handful of people", "a single service user"
            if t.lower_ in ("both", "handful", "single", "couple") and t.i + 1 < sent.end:
                k = t.i + 1
                while k < min(sent.end, t.i + 4) and T[k].lower_ in ("of", "the", "our", "these", "those", "them"):
                    k += 1
                if k < sent.end and (T[k].lower_ in groups or T[k].lemma_.lower() in groups) or (
                        t.lower_ == "both" and T[t.i + 1].lower_ == "of"):
                    counts.append((t.i, min(k + 1, sent.end)))
                    continue
            # "2/3 of pilot participants", "3/4 carers": a fraction of a few written as one token
            fm = FRACTION_TOKEN_RE.match(t.text)
            if fm is not None and not quoted(t):
                k_, n_ = int(fm.group(1)), int(fm.group(2))
                after = T[t.i + 1] if t.i + 1 < sent.end else None
                if 0 < n_ < max_n and k_ <= n_ and after is not None and (
                        after.lower_ == "of" or after.lower_ in groups or after.lemma_.lower() in groups or after.text == "("):
                    counts.append((t.i, t.i + 1))
                    fractions.append((t.i, t.i + 1))
                continue
            value = _number(t)
            if value is None or value >= max_n or quoted(t):
                continue
            i = t.i
            nxt = [T[k] for k in range(i + 1, min(sent.end, i + 4))]
            # "three of the four people", "2 out of 2", "4 out of 5 carers": a rate over a few
            left = [T[k].lower_ for k in range(max(sent.start, i - 4), i)]
            if left and (left[-1] == "of" or left[-2:] == ["out", "of"] or left[-2:] == ["of", "the"]):
                k0 = i - (2 if left[-1] != "of" or left[-2:] == ["out", "of"] else 1)
                if left[-2:] == ["out", "of"]:
                    k0 = i - 3
                elif left[-2:] == ["of", "the"]:
                    k0 = i - 3
                else:
                    k0 = i - 2
                numerator = T[k0] if k0 >= sent.start else None
                after = next((n for n in nxt if n.pos_ in ("NOUN", "PROPN")), None)
                noun_ok = after is None or after.lower_ in groups or after.lemma_.lower() in groups or not nxt or nxt[0].is_punct
                if numerator is not None and _number(numerator) is not None and noun_ok and (
                        after is None or after.i <= i + 3):
                    counts.append((numerator.i, i + 1))
                    fractions.append((numerator.i, i + 1))
                    continue
            # "three young people", "five service users", "one person", "four members",
            # "a four-person pilot"
            for k, n in enumerate(nxt):
                if n.lower_ in groups or n.lemma_.lower() in groups:
                    counts.append((i, n.i + 1))
                    break
                if n.text == "-" and k == 0:
                    continue
                if n.pos_ not in ("ADJ", "NOUN", "PROPN") or n.lower_ in ("of", "and", "to"):
                    break
            else:
                pass
            if counts and counts[-1][0] == i:
                continue
            # "a cohort of four", "with five", "from three to one"
            prev = T[i - 1] if i > sent.start else None
            prev2 = T[i - 2] if i - 1 > sent.start else None
            if prev is not None and prev.lower_ in ("=", "n=") or (prev is not None and prev2 is not None and prev.lower_ == "="
                                                                    and prev2.lower_ == "n"):
                counts.append((i, i + 1))
                fractions.append((i, i + 1))
            elif prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ in containers:
                counts.append((prev2.i, i + 1))
            elif prev is not None and prev.lower_ in ("from", "to") and not _in_interval(T, i, sent.start) and any(
                    (_number(T[k]) or max_n) < max_n for k in range(max(sent.start, i - 4), min(sent.end, i + 5)) if k != i):
                counts.append((i, i + 1))
            elif value in (1, 2) and t.lower_ in ("two",) and i + 2 < sent.end and T[i + 1].lower_ == "out":
                counts.append((i, i + 1))
        if not counts:
            continue
        words, stext = _words_in(doc, sent.start, sent.end)
        if _has_signal(words, stext, caveats):
            continue
        pct = any((tok.text.endswith("%") or tok.lower_ in ("%", "percent", "halved", "doubled", "tripled", "trebled",
                                                             "half", "thirds", "quarters", "rate")
                   or (tok.lower_ == "cent" and T[tok.i - 1].lower_ == "per"))
                  and not quoted(tok) and not _ci_level(doc, tok.i + 1) for tok in sent)
        unquoted = [tok for tok in sent if not quoted(tok)]
        u_words = {tok.lower_ for tok in unquoted} | {tok.lemma_.lower() for tok in unquoted if tok.pos_ == "VERB"}
        u_text = " " + " ".join(tok.lower_ for tok in unquoted) + " "
        generalises = _has_signal(u_words, u_text, general)
        if fractions and not (pct or generalises) and not (
                _has_signal(u_words, u_text, outcome_signals) or _has_signal(u_words, u_text, v.set("negative_outcome_words"))):
            continue  # "two of the four tenants asked for help with bills": a count, not a result
        if not (pct or generalises or fractions):
            continue
        s0, e0 = counts[0]
        anchor = T[s0]
        if ctx.question(anchor):
            continue
        if any(tok.dep_ == "neg" or tok.lower_ in ("not", "n't") for tok in unquoted) and not pct:
            continue
        out.append(Candidate(rule, s0, e0, _anchor_verb(anchor)))
    return out


def _in_interval(T, i: int, start: int) -> bool:
    """Is token ``i`` a bound of a confidence interval or range ("95% CI 1 to 3 days")?"""
    return any(T[k].lower_ in ("ci", "interval", "range", "iqr", "counts", "values", "scores", "numbers")
               for k in range(max(start, i - 5), i))


def _number(tok) -> int | None:
    low = tok.lower_.replace(",", "")
    # isdecimal(), not isdigit(): superscripts and circled digits ("²", "①") are
    # digits to isdigit() but int() cannot read them.
    if low.isdecimal():
        try:
            return int(low)
        except ValueError:
            return None
    return NUM_WORDS.get(low)


# --- entry points ----------------------------------------------------------------------------

_compiled: dict[tuple, OverclaimRules] = {}
_lock = threading.Lock()


def check_names() -> list[str]:
    return sorted(CHECKS)


def load_overclaim_rules(*, disabled: Iterable[str] = (), nlp=None) -> OverclaimRules:
    """Load and compile the over-claim rules (cached while the files are unchanged)."""
    from evidencebot.language.pipeline import get_nlp

    nlp = nlp or get_nlp()
    bank = load_phrasebank([FAMILY], disabled=disabled, checks={FAMILY: CHECKS})
    key = (id(nlp), tuple(id(r) for r in bank.active))
    with _lock:
        compiled = _compiled.get(key)
        if compiled is None:
            compiled = OverclaimRules(bank, nlp)
            if len(_compiled) > 8:
                _compiled.clear()
            _compiled[key] = compiled
    return compiled


def find_overclaim(text: str, doc=None, rules: OverclaimRules | None = None) -> list[Finding]:
    """Over-claim findings in ``text`` (offsets into ``text``; quotes are not skipped here)."""
    from evidencebot.language.pipeline import parse

    rules = rules or load_overclaim_rules()
    if doc is None:
        doc = parse(text, disable=["ner"])
    return rules.find(doc)
