"""The over-claim engine: compiles the rules into matchers, runs them, applies exceptions and context."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Callable, Iterable

from evidencebot.errors import ConfigError
from evidencebot.language import pipeline
from evidencebot.language.findings import Finding

# the check modules register themselves with CHECKS when imported
from evidencebot.language.overclaim import (  # noqa: E402,F401,I001
    absolute,
    because,
    causal,
    caused,
    certainty,
    claims,
    comparison,
    counterfactual,
    credit,
    credit_owed,
    effect,
    ended,
    exclusive,
    generic,
    guarantee,
    learned,
    money,
    numbers,
    promise,
    proof,
    puffery,
    share,
    small_numbers,
    structure,
    universal,
)
from evidencebot.language.overclaim.common import (
    CHECKS,
    WHOLE_SENTENCE_CHECKS,
    Candidate,
    Terms,
    Vocab,
    _sents,
    _span_text,
    _split_hyphens,
    _text,
    _toks,
    cached_sentences,
    governing_verb,
    verb_forms,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Phrasebank, Rule, load_phrasebank
from evidencebot.text import CLOSE_QUOTES, OPEN_QUOTES, has_phrase, phrase_spans

FAMILY = "overclaim"


# --- the compiled family ----------------------------------------------------------------

#: a check's trigger (:func:`_trigger`): lower-case forms, lemmas, characters
Trigger = tuple[frozenset[str], frozenset[str], str]


@dataclass(frozen=True)
class CheckRun:
    """(perf35) One check rule as the engine runs it: the rule, its check function, and its trigger (None: the check
    runs on every doc)."""

    rule: Rule
    fn: Callable
    trigger: Trigger | None = None


class OverclaimRules:
    """Rules compiled into matchers for one spaCy vocabulary."""

    def __init__(self, bank: Phrasebank, nlp, family: str = FAMILY):
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        W.use(bank.grammar)
        self.bank = bank
        self.family = family
        self.rules = bank.family(family)
        self.vocab = Vocab(bank.vocabulary)
        self.phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.token = Matcher(nlp.vocab, validate=True)
        self.dependency = DependencyMatcher(nlp.vocab, validate=True)
        self.terms = PhraseMatcher(nlp.vocab, attr="LOWER")
        # token patterns that need some word (a LOWER, ORTH or LEMMA value on a token that
        # is not optional) each get a matcher of their own, run only on a doc that has one
        # of those words: the Matcher tries every pattern at every token otherwise
        self.gated: list[tuple[str, frozenset[str], object]] = []
        # per dependency pattern, the words each of its nodes needs (every node must match a token)
        self.dependency_needs: list[tuple[tuple[str, frozenset[str]], ...]] = []
        self.by_key: dict[str, Rule] = {}
        self.order = {r.id: n for n, r in enumerate(self.rules)}  # (which of two rules deferring to each other yields)
        #: (perf34, perf35) each check rule with its function and trigger: the check runs only on a doc with one of
        #: its trigger's words
        self.checks: list[CheckRun] = []
        # whole-sentence checks deferring to every rule (the learned scorer): run after the others,
        # only on the sentences none of them reported
        self.late: list[CheckRun] = []
        self._has = {"phrase": False, "token": False, "dependency": False}
        make_doc = nlp.make_doc
        gates: dict[tuple[str, frozenset[str]], object] = {}  # patterns needing the same words share one
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
                    for pat in general:
                        need = _required_words(pat)
                        if need is None or min(map(len, need[1])) <= 3:
                            # (a gate on a short word such as "the" or "in" opens on most docs:
                            # another matcher call would cost more than it saves)
                            self.token.add(key, _expand_small_first(pat))
                            self._has["token"] = True
                        else:
                            gated = gates.get(need)
                            if gated is None:
                                gated = gates[need] = Matcher(nlp.vocab, validate=True)
                                self.gated.append((need[0], need[1], gated))
                            gated.add(key, _expand_small_first(pat))
                elif rule.kind == "dependency":
                    self.dependency.add(key, rule.patterns)
                    self._has["dependency"] = True
                    for pat in rule.patterns:
                        # the words its nodes need ({LEMMA: make}, {LOWER: {IN: [never, always]}}): every
                        # node of a dependency pattern must match a token, so the matcher is run only on
                        # a doc that has a word of each node's list for some pattern (it costs a pass over
                        # the parse otherwise: a pattern's anchor alone, a verb, opened it on every doc)
                        self.dependency_needs.append(tuple(
                            need for need in (_required_words([node.get("RIGHT_ATTRS", {})]) for node in pat)
                            if need is not None))
                else:
                    fn = CHECKS[rule.check]
                    if rule.check in WHOLE_SENTENCE_CHECKS and f"{family}.*" in rule.defer_to:
                        self.late.append(CheckRun(rule, fn))
                    else:
                        self.checks.append(CheckRun(rule, fn, _trigger(rule)))
                    term_lists.update(W.check_terms.get(rule.check, ()))
                    for opt in W.term_list_options:
                        value = rule.options.get(opt)
                        if isinstance(value, str) and value != "any":
                            term_lists.add(value)
                        elif isinstance(value, list):
                            term_lists.update(x for x in value if isinstance(x, str))
            except (ValueError, KeyError) as exc:
                raise ConfigError(
                    f"{rule.source}: rule {rule.id}: field 'patterns': spaCy rejected a pattern: "
                    f"{str(exc).splitlines()[0][:300]}"
                ) from None
        self.term_lists = sorted(term_lists)
        if any(run.rule.check == "causal_system_outcome" for run in self.checks):
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
        with cached_sentences(doc):  # (token.sent a look-up while the checks run: the same spans, no walk per call)
            return self._find(doc)

    def _find(self, doc) -> list[Finding]:
        ctx = Context(doc, self.vocab, self.bank.context)
        strings = self._strings
        cands: list[Candidate] = []
        if self._has["phrase"]:
            for key, s, e in self.phrase(doc):
                rule = self.by_key[strings[key]]
                cands.append(Candidate(rule, s, e, _anchor(doc, s, e)))
        matchers = [self.token] if self._has["token"] else []
        for attr, words, gated in self.gated:
            if not words.isdisjoint(ctx.lower_set if attr == "lower" else ctx.lemma_set):
                matchers.append(gated)
        for matcher in matchers:
            # (the annotations the patterns read were checked when the rules were compiled)
            for key, s, e in matcher(doc, allow_missing=True):
                rule = self.by_key[strings[key]]
                cands.append(Candidate(rule, s, e, _anchor(doc, s, e)))
        if self._has["dependency"] and any(
                all(not words.isdisjoint(ctx.lower_set if attr == "lower" else ctx.lemma_set) for attr, words in needs)
                for needs in self.dependency_needs):
            for key, toks in self.dependency(doc):
                rule = self.by_key[strings[key]]
                s, e = min(toks), max(toks) + 1
                cands.append(Candidate(rule, s, e, toks[0]))
        terms = Terms(doc, self.terms, strings) if self.term_lists and (self.checks or self.late) else None
        for run in self.checks:
            if run.trigger is not None and not _admits(run.trigger, ctx):
                continue  # (perf34) none of the words the check needs: it cannot return anything here
            cands.extend(run.fn(run.rule, doc, ctx, terms))
        if not self.late:
            return self._finish(doc, ctx, cands)
        out = self._kept(doc, ctx, cands)
        ctx.claimed_spans = self._claimed_spans(out)
        ctx.claimed_sentences = self._claimed(doc, ctx.claimed_spans)
        late: list[Candidate] = []
        for run in self.late:
            late.extend(run.fn(run.rule, doc, ctx, terms))
        if late:
            out.extend(self._kept(doc, ctx, late))
            out.sort(key=lambda f: (f.start, -(f.end - f.start)))  # (stable: the order of one pass)
        return self._deferred(out)

    def _claimed_spans(self, found: list[Finding]) -> tuple[tuple[int, int], ...]:
        """Character spans of the findings whose rule does not defer to a late rule (the late rule's
        finding overlapping one would be dropped by ``defer_to``)."""
        late_ids = {run.rule.id for run in self.late}
        return tuple((f.start, f.end) for f in found if not (
            late_ids.intersection(self.by_key[f.rule].defer_to) or f"{self.family}.*" in self.by_key[f.rule].defer_to))

    @staticmethod
    def _claimed(doc, spans: tuple[tuple[int, int], ...]) -> frozenset[int]:
        """Token starts of the sentences one of ``spans`` overlaps (:meth:`_claimed_spans`: the findings whose rule
        does not defer to a late rule)."""
        if not spans:
            return frozenset()
        return frozenset(sent.start for sent in _sents(doc)
                         if any(a < sent.end_char and sent.start_char < b for a, b in spans))

    def _finish(self, doc, ctx: Context, cands: list[Candidate]) -> list[Finding]:
        return self._deferred(self._kept(doc, ctx, cands))

    def _kept(self, doc, ctx: Context, cands: list[Candidate]) -> list[Finding]:
        """The candidates that pass their rule's name, exception and context filters, one per span and rule."""
        out: list[Finding] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
        fragments = _figure_fragments(doc, self.vocab.set("figure_fragment_words")) if cands else ()
        titles = _titled_names(doc) if cands else ()
        for c in cands:
            rule = c.rule
            if fragments and any(s <= c.anchor < e for s, e in fragments):
                continue
            if titles and any(s <= c.start and c.end <= e or s < c.start < e for s, e in titles):
                # a name: 'the Riverside Zero Suicide Pledge' is a document a buyer names, not our claim; (o21) also
                # when the match runs on past the name from a word inside it ('the Zero Suicide Alliance training'),
                # not when it only opens with the name (a whole sentence read by the learned scorer)
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
        return out

    def _deferred(self, out: list[Finding]) -> list[Finding]:
        """``out`` without the findings whose rule leaves an overlapping match to another (``defer_to``)."""
        if any(r.defer_to for r in self.rules):
            # a rule with ``defer_to`` leaves overlapping matches to those rules (the
            # parse-read puffery check and the superlative phrases find the same words)
            # Two rules that defer to each other (both "overclaim.*": the learned scorer and an
            # opt-in structural rule) would both drop the sentence: the one defined later yields.
            order = self.order
            kept = []
            for f in out:
                defer = self.by_key[f.rule].defer_to
                if defer and any(_defers(defer, f, g) and g.start < f.end and f.start < g.end and not (
                        _defers(self.by_key[g.rule].defer_to, g, f) and order[g.rule] > order[f.rule])
                        for g in out):
                    continue
                kept.append(f)
            out = kept
        return out


def _trigger(rule: Rule) -> Trigger | None:
    """(perf34, issue 15) The words a check rule cannot find anything without, from its ``trigger`` option: ``lower``
    and ``lemma`` name options of the rule whose words are needed as a token's lower-case form or lemma (the words
    the check itself tests first, so the trigger cannot drift from them), ``chars`` characters of the text (a digit,
    "%"). The check runs on a doc holding any of them; without a ``trigger`` it always runs."""
    spec = rule.options.get("trigger")
    if spec is None:
        return None
    if not isinstance(spec, dict) or not set(spec) <= W.trigger_keys:
        raise ConfigError(f"{rule.source}: rule {rule.id}: option 'trigger': a mapping of 'lower', 'lemma' "
                          "(names of the rule's options) and 'chars' (characters)")
    words: list[frozenset[str]] = []
    for attr in ("lower", "lemma"):
        found: set[str] = set()
        for name in spec.get(attr) or ():
            value = rule.options.get(name) if isinstance(name, str) and name != "trigger" else None
            if not isinstance(value, list):
                raise ConfigError(f"{rule.source}: rule {rule.id}: option 'trigger': {attr} names {name!r}, "
                                  "which is not a word list among the rule's options")
            for w in value:
                low = str(w).lower()
                found.add(low)
                # (perf35) a phrase or a hyphenated word ("turn around", "pre-eminent") is no single token: its first
                # word, a token of the doc wherever the phrase is, opens the trigger too
                first = _FIRST_WORD.match(low)
                if first is not None and first.end() < len(low):
                    found.add(first.group())
        words.append(frozenset(found))
    chars = "".join(str(c) for c in spec.get("chars") or ())
    return words[0], words[1], chars


_FIRST_WORD = re.compile(r"[^\s\-]+")


def _admits(trigger: Trigger, ctx: Context) -> bool:
    lower, lemma, chars = trigger
    if not lower.isdisjoint(ctx.lower_set) or not lemma.isdisjoint(ctx.lemma_set):
        return True
    if chars:
        text = _text(ctx.doc)
        return any(c in text for c in chars)
    return False


def _defers(defer: list[str], f: Finding, g: Finding) -> bool:
    """Does ``f`` (whose rule has ``defer``) leave its match to ``g``? ``family.*`` names every other rule."""
    return g.rule != f.rule and (g.rule in defer or f"{g.family}.*" in defer)


def _titled_names(doc) -> list[tuple[int, int]]:
    """Token spans of names written in capitals after 'the' (or 'its', 'their' ...): three or more
    capitalised words in a row, not at the start of a sentence, ending in a head noun such as Pledge or
    Protocol (``name_heads``) ('the Riverside Zero Suicide Pledge', 'the Easthaven Joint Crisis Care
    Protocol'). Such a name is the title of a document, pledge or service, quoted; the words in it are not
    a claim the writer makes. A run with a verb in it ('The Service Always Prevents Every Crisis') or in
    capitals throughout is a heading, and its words are read."""
    out = []
    toks = _toks(doc)
    for sent in _sents(doc):
        i = sent.start
        while i < sent.end:
            # a run opens after 'the', 'of' ... or at the start of the sentence ('Proven Pathways Employment
            # Partnership is ...': the words after the first are capitalised too)
            # (oc2, s34) or after any word in lower case inside the sentence ('completed Zero Suicide Alliance
            # training'): a capital there is a name's, not the sentence's
            prev = toks[i - 1] if i > sent.start else None
            if (prev is None or prev.lower_ in W.name_openers or prev.text.isalpha() and prev.text.islower()) and \
                    toks[i].text[:1].isupper():
                j = i
                while j < sent.end and (toks[j].text[:1].isupper() or toks[j].lower_ in W.name_joiners
                                        and j + 1 < sent.end and toks[j + 1].text[:1].isupper()):
                    j += 1
                end = j
                if j < sent.end and toks[j].lower_ in W.name_heads and toks[j].text.islower():
                    end = j + 1  # a head noun in lower case after the name ('the First Class Minds programme')
                while end > i and toks[end - 1].lower_ not in W.name_heads:
                    end -= 1  # the name ends at its head noun ('... Pledge'); a run without one is no name
                # two capitalised words within a sentence that the words after name as a scheme or body ('the
                # Guaranteed Roof scheme', 'Proven Path, a peer-led recovery group')
                two = j - i == 2 and i > sent.start and _named_after(toks, j, sent.end)
                if two and end <= i:
                    end = j
                # (oc2, s34) three or more such words that the words after name as a body ('Step Change Digital,
                # a Glasgow studio')
                if end <= i and j - i >= 3 and i > sent.start and _named_after(toks, j, sent.end):
                    end = j
                run = toks[i:end]
                words = [t.text for t in run if t.text.isalpha() and len(t.text) > 1]
                caps = sum(t.text[:1].isupper() for t in run)
                if ((caps >= 3 or two and caps == 2) and not all(w.isupper() for w in words)
                        and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in W.attributive_verb_tags for t in run)):
                    # (with its article: 'the Leading Minds Network' is matched from 'the')
                    out.append((i - 1 if i > sent.start and toks[i - 1].lower_ in W.articles else i, end))
                i = max(j, i + 1)
            else:
                i += 1
    return out


def _named_after(toks, j: int, end: int) -> bool:
    """Do the words from ``j`` say that the capitalised words before them are a name: a head noun such as
    scheme or group after at most two lower-case nouns ('... Futures employment scheme', '... Pathways steering
    group'), or an apposition giving one (', a local family support charity')?"""
    for t in toks[j:min(end, j + 3)]:
        if not t.text.isalpha() or not t.text.islower():
            break
        if t.lower_ in W.name_heads:
            return True
    if j + 1 < end and toks[j].text == "," and toks[j + 1].lower_ in W.articles:
        for t in toks[j + 2:min(end, j + 8)]:
            if t.lower_ in W.name_heads and t.text.islower():
                return True
            if t.text in W.clause_breaks or t.text == ",":
                break
    return False


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
            if tok.is_punct or tok.is_space or tok.text in W.figure_symbols:
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


def _required_words(pattern: list) -> tuple[str, frozenset[str]] | None:
    """The words a token pattern cannot match without, as ``("lower" | "lemma", words)``
    (lower-cased: the doc's lower-case words or lemmas must include one of them), taken
    from the pattern's rarest-looking token that is not optional; None when every
    required token is open (a part of speech, a number, a shape)."""
    best: tuple[tuple, tuple[str, frozenset[str]]] | None = None
    for tok in pattern:
        if tok.get("OP") not in (None, "+", "1"):
            continue
        for attr, kind in (("LOWER", "lower"), ("ORTH", "lower"), ("LEMMA", "lemma")):
            value = tok.get(attr)
            if isinstance(value, str):
                words = frozenset([value.lower()])
            elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                words = frozenset(str(v).lower() for v in value["IN"])
            else:
                continue
            if not words or any(" " in w for w in words):
                continue
            # the rarest-looking words: a short word such as "the" or "be" is in most
            # sentences, so prefer the longest shortest word, then exact words over lemmas
            score = (min(map(len, words)), kind == "lower", -len(words))
            if best is None or score > best[0]:
                best = (score, (kind, words))
    return best[1] if best is not None else None


def _expand_small_first(pattern: list, limit: int = 6) -> list[list]:
    """Split a pattern whose first token is a short ``{ATTR: {IN: [...]}}`` list into one
    pattern per value. The Matcher evaluates a set-membership test (a Python call) on
    every word for every pattern's first token; an exact value is compared in C. Long
    lists stay as they are: many more patterns would cost more than the test saves."""
    first = pattern[0]
    if len(first) != 1 or "OP" in first:
        return [pattern]
    (attr, value), = first.items()
    if attr not in W.matcher_text_attrs or not isinstance(value, dict):
        return [pattern]
    if set(value) != {"IN"} or not isinstance(value["IN"], list) or len(value["IN"]) > limit:
        return [pattern]
    return [[{attr: word}] + pattern[1:] for word in value["IN"]]


def _anchor(doc, s: int, e: int) -> int:
    """The token whose clause decides: a verb in the span, else the span's syntactic head."""
    for t in doc[s:e]:
        if t.pos_ in ("VERB", "AUX"):
            return t.i
    # climb to the governing verb (a booster's verb, an adjective's copula)
    return governing_verb(doc[s:e].root, steps=3).i


def _excepted(rule: Rule, doc, c: Candidate, ctx: Context) -> bool:
    span = doc[c.start:c.end]
    sent = span.sent
    sent_text = _span_text(sent)
    text = sent_text.lower()
    base = sent.start_char
    ms, me = span.start_char - base, span.end_char - base
    root = span.root
    for exc in rule.exceptions:
        if isinstance(exc, str):
            if any(i < me and ms < j for i, j in phrase_spans(text, exc.lower())):
                return True
            continue
        key, words = next(iter(exc.items()))
        if key == "in_sentence":
            if any(has_phrase(text, w.lower()) for w in words):
                return True
        elif key == "unless_in_sentence":
            if not any(has_phrase(text, w.lower()) for w in words):
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
            if re.search(words, sent_text, re.IGNORECASE):
                return True
        elif key == "names_a_grade":
            if _names_a_grade(sent_text, ms, me, words, sent):
                return True
        elif key == "clause_about":
            if _clause_about(doc, c, words):
                return True
    return False


def _clause_about(doc, c: Candidate, spec: dict) -> bool:
    """The certainty word is about a shortcoming, a need, a risk or our own obligation (``spec['words']``, lemmas or
    lower-case forms): the clause it is certain of (the word's governing verb, or a clause that verb frames: "it is
    clear that ...", "there is no doubt (that) ...") has one of them as its verb, its subject, its complement or its
    object, or as a modifier of those. A clause whose verb is one of ``spec['claims']`` (a causal verb: "clearly our
    hub cut the risk of relapse") is a claim, never excepted."""
    words = {w.lower() for w in spec.get("words", ())}
    claim_verbs = {w.lower() for w in spec.get("claims", ())}
    span = doc[c.start:c.end]
    verb = doc[_anchor(doc, c.start, c.end)]
    clauses = [verb]
    # the clause the frame is certain of: one the frame's verb or its words govern ("it is clear that ...", "there is
    # no doubt (that) ...", "we are in no doubt that ..."), or the one the frame hangs from ("We are sure of one
    # thing: we need ...", "Be in no doubt: ..."; "Demand is, without question, outstripping the hours we have")
    for head in [verb, *span]:
        clauses += [t for t in head.children if t.dep_ in W.certain_framed_deps and t.i >= c.end and t not in clauses]
    for low in (verb, span.root):
        if low.head.i != low.i and low.head.pos_ in ("VERB", "AUX") and low.head not in clauses \
                and (low.head.i >= c.end or low.dep_ in W.certain_frame_links):
            clauses.append(low.head)
    found = False
    for v in clauses:
        inside = c.start <= v.i < c.end
        if inside and v.pos_ not in ("VERB", "AUX"):
            continue
        if v.lemma_.lower() in claim_verbs or v.lower_ in claim_verbs:
            return False
        if any(a.lower_ in W.counterfactual_modals for a in v.subtree if a.i < v.i):
            return False  # "she would have lost her job, no question": the certain side of a counterfactual
        parts = [] if inside else [v]  # the frame's own words ("Need we say more?") say nothing of the clause
        parts += [t for t in v.children if t.dep_ in W.certain_clause_parts and not (c.start <= t.i < c.end)]
        # "there were missed opportunities": the subject is the complement of the existential
        parts += [g for t in list(parts) if t.dep_ in W.certain_existential_deps for g in t.children
                  if g.dep_ in W.certain_complement_deps]
        # "our recording has to improve": an obligation, like "needs to"
        if v.lemma_ == "have" and any(t.dep_ == "xcomp" and any(a.lower_ == "to" for a in t.children)
                                      for t in v.children):
            found = True
        mods = [m for t in parts for m in t.children
                if m.dep_ in W.certain_part_modifiers and not (c.start <= m.i < c.end)]
        # a modifier's own modifier: "far too long", "too many young people"
        mods += [m for t in mods for m in t.children
                 if m.dep_ in W.certain_part_modifiers and not (c.start <= m.i < c.end)]
        for t in parts + mods:
            if t.lemma_.lower() in claim_verbs and t.pos_ == "VERB":
                return False
            if t.lemma_.lower() in words or t.lower_ in words:
                found = True
    return found


def _names_a_grade(text: str, start: int, end: int, spec, sent=None) -> bool:
    """The words are the name of a grade on someone's scale, not our praise. ``spec`` is the nouns a grade name stands
    next to, or a mapping: ``near`` (those nouns), ``scales`` (words that name a scale, a regulator or a rating: 'CQC',
    'fidelity', 'rating of') and ``own`` (subjects that are the provider: 'we', 'our', 'the service').

    Quoted and next to a near noun, it is a grade name ('an "Exemplary" rating', 'a CQC rating of "Outstanding"').
    Capitalised and unquoted (not the sentence's first word), it is one only when the sentence also names a scale
    ('the Exemplary fidelity grade'); and when the subject is ours, only when a scale's name follows it ('we will
    reach the Exemplary fidelity grade'): 'Our team provides an Outstanding level of care' is praise (review s16
    finding 5), as is 'Our exemplary service' (neither quoted nor capitalised)."""
    if isinstance(spec, dict):
        words = {str(w).lower() for w in spec.get("near") or ()}
        scales = [str(w).lower() for w in spec.get("scales") or ()]
        own = [str(w).lower() for w in spec.get("own") or ()]
    else:  # the plain list of nouns: the capitalised form is not read as a grade without a scale named
        words, scales, own = {str(w).lower() for w in spec}, [], []
    before, after = text[:start].rstrip(), text[end:].lstrip()
    quoted = bool(before) and before[-1] in OPEN_QUOTES and bool(after) and after[0] in CLOSE_QUOTES
    capitalised = text[start:start + 1].isupper() and bool(before.strip(OPEN_QUOTES + " "))
    if not (quoted or capitalised):
        return False
    if quoted:
        before, after = before[:-1], after[1:]
    nxt = re.findall(r"[A-Za-z]+", after)[:3]
    prev = re.findall(r"[A-Za-z]+", before)[-3:]
    if not any(w.lower() in words for w in nxt + prev):
        return False
    if quoted:
        return True
    lowered = text.lower()
    if not any(has_phrase(lowered, s) for s in scales):
        return False
    if sent is not None and _subject_is_ours(sent, own):
        return any(w.lower() in scales for w in nxt[:2])
    return True


def _subject_is_ours(sent, own: list[str]) -> bool:
    """A subject of the sentence is the provider: its words up to its head are one of ``own`` ('we', 'the service')
    or begin with one ('our team')."""
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass"):
            said = " ".join(w.lower_ for w in t.doc[t.left_edge.i:t.i + 1])
            if any(said == o or said.startswith(o + " ") for o in own):
                return True
    return False


# --- entry points ----------------------------------------------------------------------------

_compiled: dict[tuple, OverclaimRules] = {}
_lock = threading.Lock()


def check_names() -> list[str]:
    return sorted(CHECKS)


def load_overclaim_rules(*, disabled: Iterable[str] = (), enabled: Iterable[str] = (), nlp=None) -> OverclaimRules:
    """Load and compile the over-claim rules (cached while the files are unchanged);
    ``enabled`` switches on opt-in rules."""
    nlp = nlp or pipeline.get_nlp()
    bank = load_phrasebank([FAMILY], disabled=disabled, enabled=enabled, checks={FAMILY: CHECKS})
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
    rules = rules or load_overclaim_rules()
    if doc is None:
        doc = pipeline.parse(text, disable=["ner"])
    return rules.find(doc)
