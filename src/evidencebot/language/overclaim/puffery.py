"""Check ``puffery``: praise of the provider read from the parse."""

from __future__ import annotations

from evidencebot.language.overclaim.common import (
    Candidate,
    _plainly_negated,
    _toks,
    check,
    derived,
    governing_verb,
    subject_of,
)
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule


def _settings(rule: Rule) -> dict:
    def build(o: dict) -> dict:
        out = {name: frozenset(w.lower() for w in o.get(key, [])) for name, key in (
            ("adjs", "adjectives"), ("advs", "adverbs"), ("nouns", "nouns"), ("targets", "targets"),
            ("not_quality", "not_quality"))}
        out["firsts"] = frozenset({w.split("-")[0] for w in out["adjs"] | out["nouns"]} | out["advs"])
        return out

    return derived(rule, build)


def _in_a_name(T, i: int, j: int) -> bool:
    """The praise word at ``i``..``j`` is a word of a capitalised name: it and the word after it are capitalised, one
    of them read as a proper noun, and no possessive of ours stands before it ('we work from Beacon House', 'the
    Flagship Centre on Quay Street'). A model that read the buyer's 'Beacon House' as praise dropped the sentence
    naming our base (s26 q01); 'Our Outstanding Peer Mentors are ...' is our praise in capitals (s27 review)."""
    nxt = T[j + 1] if j + 1 < len(T) else None
    if i > 0 and T[i - 1].lower_ in W.possessive_determiners:
        return False
    return (nxt is not None and T[i].text[:1].isupper() and nxt.text[:1].isupper() and nxt.is_alpha
            and "PROPN" in (T[i].pos_, nxt.pos_))


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
    st = _settings(rule)
    adjs, advs, nouns, targets, not_quality = st["adjs"], st["advs"], st["nouns"], st["targets"], st["not_quality"]
    own_firsts, top = st["firsts"], W.top_superlatives
    people = v.set("people_nouns")
    external = v.set("external_agents")
    T = _toks(doc)
    if not (ctx.lower_set & own_firsts or ctx.lower_set & top or any(t.tag_ == "JJS" for t in T)):
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
        if any(t.lower_ in W.provider_pronouns_short for t in subj.subtree):
            return True
        return subj.pos_ in ("NOUN", "PROPN") and (low in targets or subj.lemma_.lower() in targets) and any(
            c.dep_ == "det" and c.lower_ in W.articles for c in subj.children)

    def copula_of(tok):
        """The copula a predicate word hangs from ("is exceptional", "is a ... exemplar")."""
        cur = tok
        for _ in range(3):
            if cur.dep_ in W.acomp_attr_oprd and cur.head.lemma_.lower() in W.copulas:
                return cur.head
            if cur.dep_ in W.conj_amod_advmod_etc and cur.head is not cur:
                cur = cur.head
                continue
            break
        return None

    def target_noun(last):
        """The target noun a word modifies ("outstanding results", "first-class support")."""
        cur = last
        for _ in range(3):
            if cur.dep_ not in W.amod_compound_nmod_etc or cur.head is cur:
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
            elif not (t.pos_ in W.adj_adv_punct or t.text == "-"):
                return None
        return None

    def reported(verb) -> bool:
        for t, _lex in ctx.chain(verb):
            if t.lemma_.lower() in W.reporting and t.pos_ == "VERB":
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
        first = low.split("-")[0]
        if first in own_firsts or first in top or low in advs:
            parts, j = compound_at(i)
            word = None
            for k in range(len(parts), 0, -2):
                cand = "".join(parts[:k])
                if cand in adjs or cand in nouns or cand in advs:
                    word, j = cand, i + k - 1
                    break
            if word is not None and _in_a_name(T, i, j):
                continue  # 'Beacon House', 'Flagship Centre': a building's or a programme's name, not praise
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
                if target is not None and not (is_noun and last.dep_ not in W.compound_amod_nmod):
                    gov = governing_verb(target)
                    subj = subject_of(gov) if gov.pos_ in ("VERB", "AUX") else None
                    if subj is not None and subj.i < target.i and not any(t.lower_ in W.provider_pronouns_short for t in target.subtree) and (
                            subj.lower_ in external or subj.lemma_.lower() in external or subj.pos_ == "PROPN"):
                        continue  # "the ICB has asked providers for innovative approaches"
                    emit(i, j + 1, gov)
                    continue
                continue
        # -- quality superlatives as the provider's predicate
        sup = None
        if tok.tag_ == "JJS" and low not in not_quality and low not in ("most", "least"):
            sup = (i, i + 1, tok)
        elif low == "most" and tok.dep_ in W.advmod_amod_attr_etc and i + 1 < len(T):
            k = i + 1
            while k < min(len(T), i + 3) and T[k].pos_ == "ADV":
                k += 1
            adj = T[k] if k < len(T) else None
            if adj is not None and adj.pos_ in ("ADJ", "VERB") and adj.lower_ not in not_quality and adj.tag_ != "VBG":
                sup = (i, k + 1, adj)
        if sup is not None:
            s0, e0, word = sup
            if s0 == 0 or T[s0 - 1].lower_ not in W.possessive_determiners:
                # "the strongest", "our finest": a superlative with its determiner
                if not (s0 > 1 and T[s0 - 1].pos_ == "ADV" and T[s0 - 2].lower_ == "the"):
                    continue
            nxt = T[e0] if e0 < len(T) else None
            if nxt is not None and nxt.lower_ in W.not_quality_words:
                continue
            cop = copula_of(word)
            if cop is None and word.dep_ in ("amod",) and word.head.dep_ in ("attr", "acomp"):
                cop = copula_of(word.head)
            if cop is not None and provider_subject(cop):
                emit(s0, e0, cop)
    return out


