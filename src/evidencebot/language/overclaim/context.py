"""Context filters (``skip_when``): negation, hedges, aims, conditionals, questions, futures."""

from __future__ import annotations

from typing import Iterable

from evidencebot.language.overclaim.common import Vocab, _toks
from evidencebot.language.overclaim.words import W

# --- context: negation, hedges, aims, conditionals ----------------------------------



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
            elif dep not in W.climb_deps:
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
                if c.dep_ == "neg" or (c.dep_ in W.advmod_det_preconj and c.lower_ in negators):
                    if lexical or c.i > tok.i - 6:
                        return True
            if lexical and t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("no",) for c in t.children):
                return True
        # surface: "not", "n't", "never" just before the verb group
        T = _toks(tok.doc)
        for t in T[max(tok.sent.start, tok.i - 4):tok.i]:
            low = t.lower_.replace("’", "'")
            if low in W.negation_words_surface or low == "no" and t.i == tok.i - 1:
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
            if (lemma in governors and lemma not in assertive and t.pos_ in W.verb_aux_adj
                    and t.dep_ not in W.relcl_acl_amod_etc):
                return True
            if not (t.pos_ in W.aux_part_adv or t.lower_ in W.verb_group_words):
                break
        if self._hedge_phrase_hits is None:
            self._hedge_phrase_hits = self._phrase_hits(["hedge_phrases"])
        return self._before_in_sentence(self._hedge_phrase_hits, tok) or self._hedge_phrase_near(tok)

    def _hedge_phrase_near(self, tok) -> bool:
        # hedge phrases right after the verb group: "reduced admissions in part"
        sent = tok.sent
        return any(tok.idx <= s and e <= sent.end_char for s, e in self._hedge_phrase_hits
                   if self.doc.text[s:e].lower() in W.partial_hedges)

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
        if tok.tag_ == "VBG" and tok.dep_ not in W.amod_compound_root_etc and not any(
                c.dep_ in ("aux",) and c.lower_ in W.be_forms for c in tok.children):
            prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
            if prev is None or prev.lower_ not in W.be_forms:
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
        if first.lower_ in W.conditional_openers and first.i < tok.i:
            # only inside the opening clause ("If we reduce X, ..."), not in the main clause
            return not any(t.text in W.clause_commas for t in tok.doc[first.i:tok.i])
        return False

    @staticmethod
    def question(tok) -> bool:
        sent = tok.sent
        return sent.text.rstrip().rstrip("\"'”’)").endswith("?")

    def future(self, tok) -> bool:
        if self.infinitive(tok) and tok.head.lemma_.lower() in W.promise_heads:
            return True  # "is certain to cut", "is guaranteed to reduce", "is bound to end"
        for t, lexical in self.chain(tok):
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in W.future_aux:
                    return True
            if t.lower_ == "going" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                return True
            if t is not tok and t.lemma_ in W.promise_verbs:
                return True
        for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]:
            if t.lower_ in W.future_aux:
                return True
        return False

    def skip(self, tok, filters: Iterable[str]) -> bool:
        for name in filters:
            if getattr(self, name)(tok):
                return True
        return False
