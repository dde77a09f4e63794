"""Check ``learned_claim``: a small learned scorer over the parse, for claims the hand-written checks miss.

The hand-written checks catch the wording they were written from; a new writer's wording is caught
at about two thirds. This check reads the same things a reader does, as features of one sentence:

* the **word classes** of the vocabulary (``phrasebank/vocabulary.yaml``: causal verbs, provider
  agents, outcome terms, hedges, absolutes, money words ...) that its words and short phrases
  belong to, and its lemmas;
* the **structure**: every dependency arc as (head's classes, relation, dependent's classes), the
  main verb's classes, tense and modality, its subject's classes, negation;
* a few marks of the sentence (a figure, a percentage, a currency sign, "if", a question mark).

A logistic regression over these features gives the probability that the sentence claims more
than it shows; the weights and the threshold are data (``phrasebank/overclaim-scorer.json``),
trained by ``bench/train_overclaim_scorer.py`` on the development sets only and measured on each
writer's set left out (``bench/overclaim_loso.py``). The rule in ``overclaim.yaml``
(``overclaim.learned-claim``) defers to every other over-claim rule, so it reports only what
they do not, with its context filters (negated, hedged, aim, conditional, question) applied to
the sentence's main verb (hedged in :func:`check_learned`: the certain side of a counterfactual is no hedge). Its message names the features that weighed most, so a reader can see
why it fired.
"""

from __future__ import annotations

import contextlib
import math
import threading
from pathlib import Path
from typing import Iterator

from evidencebot.language.markdown import quote_spans
from evidencebot.language.overclaim.voice import others_speech
from evidencebot.language.overclaim.common import Candidate, Terms, _sents, _text, _toks, check
from evidencebot.language.overclaim.context import Context
from evidencebot.language.overclaim.words import W
from evidencebot.language.phrasebank import Rule, check_weights, load_weights
from evidencebot.locations import search_path

WEIGHTS_FILE = "overclaim-scorer.json"


class ClassIndex:
    """Word -> the vocabulary lists it is in; two- and three-word phrases -> theirs."""

    def __init__(self, vocabulary: dict, skip: frozenset[str] = frozenset()):
        words: dict[str, set[str]] = {}
        phrases: dict[str, set[str]] = {}
        for name, items in vocabulary.items():
            if name in skip or not isinstance(items, list):
                continue
            for item in items:
                if not isinstance(item, str):
                    continue
                key = item.lower().strip()
                n = key.count(" ") + 1
                if n == 1:
                    words.setdefault(key, set()).add(name)
                elif n <= 3:
                    phrases.setdefault(key, set()).add(name)
        self.words = {w: tuple(sorted(c)) for w, c in words.items()}
        self.phrases = {p: tuple(sorted(c)) for p, c in phrases.items()}
        #: the first word of every phrase (a position whose word is not one starts none)
        self.phrase_firsts = frozenset(p.split(" ", 1)[0] for p in self.phrases)


def _classes(index: ClassIndex, lower: str, lemma: str) -> tuple[str, ...]:
    a = index.words.get(lower, ())
    b = index.words.get(lemma, ()) if lemma != lower else ()
    if a and b:
        return tuple(sorted(set(a) | set(b)))
    return a or b


def _share(normalise: bool, groups) -> float:
    """With ``normalise``, the unit a feature shares among its words' classes (1 / the product of their counts)."""
    if not normalise:
        return 1.0
    n = 1
    for g in groups:
        n *= max(1, len(g))
    return 1.0 / n


def _sentence_arrays(span, index: ClassIndex, spec: dict):
    """The per-token arrays both :func:`features` and :func:`scoring_features` read (one home, so the fast path
    cannot drift from the reference): tokens, lower forms, lemmas, relations, heads and children (positions within
    ``span``), vocabulary classes, and the positions that are part of an agent's name (a compound before one of the
    ``agent_lists`` words: their classes are cleared)."""
    doc = span.doc if hasattr(span, "doc") else span
    start = getattr(span, "start", 0)
    toks = _toks(doc)[start:start + len(span)]
    n_toks = len(toks)
    lowers = [t.lower_ for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    deps = [t.dep_ for t in toks]
    heads = [t.head.i - start for t in toks]
    children: list[list[int]] = [[] for _ in toks]
    for j, hj in enumerate(heads):
        if hj != j and 0 <= hj < n_toks:
            children[hj].append(j)
    classes = [_classes(index, lower, lemma) for lower, lemma in zip(lowers, lemmas)]
    agents = spec.get("agent_lists")
    named: set[int] = set()
    if agents:
        for j in range(n_toks):
            hj = heads[j]
            if deps[j] == "compound" and 0 <= hj < n_toks and any(c in agents for c in classes[hj]):
                classes[j] = ()
                named.add(j)
    return toks, lowers, lemmas, deps, heads, children, classes, named


def _structure(span, toks, lowers, lemmas, deps, heads, children, classes, named, index: ClassIndex,
               spec: dict) -> list[tuple[str, tuple[int, ...]]]:
    """(oc27, issue 15, m26's step 3) what the sentence's structure says of a claim, as feature names (value 1) and
    the positions behind each: three readings a reader makes before weighing the words.

    * **our role** (``x:role:``): how we stand to the main verb. ``subject`` (we, or a noun of ours, are its subject:
      "our hub cut admissions"), ``agent`` (the agent of a passive: "admissions were cut by our hub"), ``cause``
      (after an attribution cue: "the fall is down to our team", "thanks to the project, ..."), ``copula`` (the
      complement of "be": "the reason is our service"), ``mention`` (named elsewhere), ``none``;
    * **the outcome's scope** (``x:scope:``): a whole system's (``scope_system_lists``: admissions, A&E, the
      borough), a person's (``scope_person_lists``, or a personal pronoun), money (``scope_money_lists``), or
      ``none`` of these;
    * **evidence markers** (``x:ev:``): a base (a count out of a count, "n = 40": ``denom_re``), a period
      (``period_re``), a comparison (``baseline_re``), a named source (``evidence_source_lists``); ``none``.

    And their pairs and triple (``x:rs:``, ``x:re:``, ``x:rse:``), so the scorer can weigh "our service as the
    cause of a system's outcome with no source" apart from each part."""
    n_toks = len(toks)
    agents = frozenset(spec.get("agent_lists", ()))
    present: dict[str, list[int]] = {}
    for j, cls in enumerate(classes):
        for c in cls:
            present.setdefault(c, []).append(j)
    phrases = index.phrases
    firsts = index.phrase_firsts
    for n in (2, 3):
        for i in range(n_toks - n + 1):
            if lowers[i] not in firsts:
                continue
            for c in phrases.get(" ".join(lowers[i:i + n]), ()):
                present.setdefault(c, []).append(i)

    ours = [lowers[j] in W.provider_pronouns or j in named or any(c in agents for c in classes[j])
            for j in range(n_toks)]

    def subtree(j: int) -> list[int]:
        out, stack = [], [j]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(children[k])
        return out

    if not n_toks:
        return []
    root = next((j for j in range(n_toks) if deps[j] == "ROOT"), 0)
    role = "none"
    where: tuple[int, ...] = ()
    subject = next((c for c in children[root] if deps[c] in spec["subject_deps"]), None)
    cues = sorted(present.get("attribution_cues", ()))
    if subject is not None and any(ours[k] for k in subtree(subject)):
        role, where = "subject", (subject,)
    elif any(deps[j] == "agent" and any(ours[k] for k in subtree(j)) for j in range(n_toks)):
        role, where = "agent", tuple(j for j in range(n_toks) if deps[j] == "agent")
    elif cues and any(ours[k] for k in range(cues[0] + 1, n_toks)):
        role, where = "cause", (cues[0],)
    elif lemmas[root] in W.copulas:
        comp = [c for c in children[root] if deps[c] in W.copular_complement_deps]
        if any(ours[k] for c in comp for k in subtree(c)):
            role, where = "copula", tuple(comp)
    if role == "none" and any(ours):
        role, where = "mention", tuple(j for j in range(n_toks) if ours[j])

    scopes: list[tuple[str, tuple[int, ...]]] = []
    for scope, lists in (("system", "scope_system_lists"), ("person", "scope_person_lists"),
                         ("money", "scope_money_lists")):
        hits = [j for c in spec.get(lists, ()) for j in present.get(c, ())]
        if scope == "person":
            hits += [j for j in range(n_toks) if lowers[j] in W.individuals]
            if subject is not None and toks[subject].pos_ == "PROPN" and not ours[subject]:
                hits.append(subject)  # "Jane got a job ..."
        if hits:
            scopes.append((scope, tuple(hits)))
    if not scopes:
        scopes.append(("none", ()))

    text = span.text
    marks = []
    if W.denom_re.search(text):
        marks.append("base")
    if W.period_re.search(text):
        marks.append("period")
    if W.baseline_re.search(text):
        marks.append("comparison")
    if any(present.get(c) for c in spec.get("evidence_source_lists", ())):
        marks.append("source")
    evidence = "ev" if marks else "noev"
    got: list[tuple[str, tuple[int, ...]]] = [(f"x:role:{role}", where)]
    got.extend((f"x:ev:{m}", ()) for m in marks or ["none"])
    for scope, at in scopes:
        got.append((f"x:scope:{scope}", at))
        got.append((f"x:rs:{role}|{scope}", where + at))
        got.append((f"x:rse:{role}|{scope}|{evidence}", where + at))
    got.append((f"x:re:{role}|{evidence}", where))
    return got


def features(span, index: ClassIndex, spec: dict, trace: dict[str, set[int]] | None = None,
             weights: dict[str, float] | None = None) -> dict[str, float]:
    """The features of one sentence (a spaCy Span or Doc) as a name -> value mapping.

    ``spec`` is the ``features`` part of the weights file: which parts of speech give lemma
    features (``lemma_pos``), which relations give arcs (``arc_deps``), the relations that
    mark a subject (``subject_deps``), negation (``neg_deps``), modals (``modal_tags``).
    With ``normalise`` true, a word in several vocabulary classes shares one unit among them
    (a word in k classes gives each 1/k; an arc or a triple, the product over its words), so a
    word listed in many classes does not outweigh a word listed in one. ``trace``, when given,
    collects the sentence's word positions (within ``span``) behind each feature. ``weights``, when
    given (scoring, not training), keeps only the features that have a weight: the others add
    nothing to the score (about one in three of a sentence's features has none)."""
    out: dict[str, float] = {}
    normalise = bool(spec.get("normalise"))
    get = out.get

    if trace is None:
        if weights is None:
            def put(name: str, value: float, *where: int) -> None:
                if value > get(name, 0.0):
                    out[name] = value
        else:
            def put(name: str, value: float, *where: int) -> None:
                if name in weights and value > get(name, 0.0):
                    out[name] = value
    else:
        def put(name: str, value: float, *where: int) -> None:
            if weights is not None and name not in weights:
                return
            if value > get(name, 0.0):
                out[name] = value
            trace.setdefault(name, set()).update(where)

    def share(*groups: tuple[str, ...]) -> float:
        return _share(normalise, groups)

    lemma_pos = spec["lemma_pos"]
    arc_deps = spec["arc_deps"]
    subject_deps = spec["subject_deps"]
    neg_deps = spec["neg_deps"]
    modal_tags = spec["modal_tags"]
    object_deps = spec.get("object_deps", ())
    marks = spec["marks"]
    toks, lowers, lemmas, deps, heads, children, classes, named = _sentence_arrays(span, index, spec)
    n_toks = len(toks)
    keys: list[tuple[str, ...]] = []
    for j, (t, lower, lemma, cls) in enumerate(zip(toks, lowers, lemmas, classes)):
        pos = t.pos_
        keys.append(cls if cls else (f"p:{pos}",))
        if cls:
            v = share(cls)
            for c in cls:
                put(f"c:{c}", v, j)
        if pos in lemma_pos and j not in named:
            put(f"w:{lemma}", 1.0, j)
        if t.like_num:
            put("m:number", 1.0, j)
        elif lower in marks:
            put(f"m:{lower}", 1.0, j)
    phrases = index.phrases
    for n in (2, 3):
        for i in range(n_toks - n + 1):
            cls = phrases.get(" ".join(lowers[i:i + n]), ())
            if cls:
                v = share(cls)
                for c in cls:
                    put(f"c:{c}", v, *range(i, i + n))
    for j in range(n_toks):
        dep = deps[j]
        if dep == "ROOT":
            t = toks[j]
            v = share(keys[j])
            for k in keys[j]:
                put(f"r:{k}", v, j)
            put(f"r:tag:{t.tag_}", 1.0, j)
            subj: tuple[str, ...] = ()
            objs: tuple[str, ...] = ()
            sj = oj = j
            for cj in children[j]:
                cdep = deps[cj]
                if cdep in subject_deps:
                    subj, sj = keys[cj], cj
                    v = share(keys[cj])
                    for k in keys[cj]:
                        put(f"s:{k}", v, cj)
                    if cdep == "nsubjpass":
                        put("r:passive", 1.0, j)
                elif cdep in neg_deps:
                    put("r:negated", 1.0, cj)
                elif toks[cj].tag_ in modal_tags:
                    put(f"r:modal:{lowers[cj]}", 1.0, cj)
                elif cdep in object_deps:
                    objs, oj = keys[cj], cj
            if spec.get("triples"):
                value = share(subj, keys[j], objs)
                for sk in subj or ("-",):
                    for rk in keys[j]:
                        for ok in objs or ("-",):
                            put(f"t:{sk}|{rk}|{ok}", value, sj, j, oj)
            continue
        if dep not in arc_deps:
            continue
        hj = heads[j]
        if not 0 <= hj < n_toks:
            continue
        value = share(keys[hj], keys[j])
        for hk in keys[hj]:
            for ck in keys[j]:
                put(f"a:{hk}|{dep}|{ck}", value, hj, j)
    if spec.get("structure"):
        for name, where in _structure(span, toks, lowers, lemmas, deps, heads, children, classes, named, index,
                                      spec):
            put(name, 1.0, *where)
    return out


class _ScoringTables:
    """The weights file's feature names indexed by their parts, so :func:`scoring_features` builds a
    name only when the file has a weight for it (six in ten of the arcs a sentence has are not in it,
    and building their names was most of the scorer's time). Made once per weights file."""

    def __init__(self, weights: dict[str, float]):
        self.classes: dict[str, str] = {}  # class -> "c:class"
        self.lemmas: frozenset[str] = frozenset(n[2:] for n in weights if n.startswith("w:"))
        #: dep -> head key -> the child keys with a weight for "a:head|dep|child"
        self.arcs: dict[str, dict[str, frozenset[str]]] = {}
        #: False when an arc's name cannot be read back into its three parts (a key holding "|"):
        #: then the names are all built, as :func:`features` does
        self.exact = True
        arcs: dict[str, dict[str, set[str]]] = {}
        for name in weights:
            if name.startswith("c:"):
                self.classes[name[2:]] = name
            elif name.startswith("a:"):
                parts = name[2:].split("|")
                if len(parts) != 3:
                    self.exact = False
                    continue
                head, dep, child = parts
                arcs.setdefault(dep, {}).setdefault(head, set()).add(child)
        self.arcs = {dep: {h: frozenset(c) for h, c in heads.items()} for dep, heads in arcs.items()}


def _tables(model: dict) -> _ScoringTables:
    cached = model.get("_tables")
    if cached is None or cached[0] is not model["weights"]:
        cached = model["_tables"] = (model["weights"], _ScoringTables(model["weights"]))
    return cached[1]


def scoring_features(span, index: ClassIndex, model: dict) -> dict[str, float]:
    """``features(span, index, model["features"], weights=model["weights"])``, the same mapping in the
    same order, made faster for scoring: a name is built only when the weights file has it (see
    :class:`_ScoringTables`), and a position no vocabulary phrase starts at is not joined into phrases."""
    tables = _tables(model)
    spec = model["features"]
    weights = model["weights"]
    if not tables.exact:
        return features(span, index, spec, weights=weights)
    out: dict[str, float] = {}
    normalise = bool(spec.get("normalise"))
    get = out.get

    def put(name: str, value: float) -> None:
        if name in weights and value > get(name, 0.0):
            out[name] = value

    def share(*groups: tuple[str, ...]) -> float:
        return _share(normalise, groups)

    lemma_pos = spec["lemma_pos"]
    arc_deps = spec["arc_deps"]
    subject_deps = spec["subject_deps"]
    neg_deps = spec["neg_deps"]
    modal_tags = spec["modal_tags"]
    object_deps = spec.get("object_deps", ())
    marks = spec["marks"]
    toks, lowers, lemmas, deps, heads, children, classes, named = _sentence_arrays(span, index, spec)
    n_toks = len(toks)
    class_names = tables.classes
    weighted_lemmas = tables.lemmas
    keys: list[tuple[str, ...]] = []
    for j, (t, lower, lemma, cls) in enumerate(zip(toks, lowers, lemmas, classes)):
        pos = t.pos_
        keys.append(cls if cls else (f"p:{pos}",))
        if cls:
            v = share(cls)
            for c in cls:
                name = class_names.get(c)
                if name is not None and v > get(name, 0.0):
                    out[name] = v
        if pos in lemma_pos and j not in named and lemma in weighted_lemmas:
            put("w:" + lemma, 1.0)
        if t.like_num:
            put("m:number", 1.0)
        elif lower in marks:
            put(f"m:{lower}", 1.0)
    phrases = index.phrases
    firsts = index.phrase_firsts
    for n in (2, 3):
        for i in range(n_toks - n + 1):
            first = lowers[i]
            if first not in firsts and " " not in first:
                continue  # (no phrase of the index starts with this word)
            cls = phrases.get(" ".join(lowers[i:i + n]), ())
            if cls:
                v = share(cls)
                for c in cls:
                    name = class_names.get(c)
                    if name is not None and v > get(name, 0.0):
                        out[name] = v
    arcs = tables.arcs
    for j in range(n_toks):
        dep = deps[j]
        if dep == "ROOT":
            t = toks[j]
            v = share(keys[j])
            for k in keys[j]:
                put(f"r:{k}", v)
            put(f"r:tag:{t.tag_}", 1.0)
            subj: tuple[str, ...] = ()
            objs: tuple[str, ...] = ()
            for cj in children[j]:
                cdep = deps[cj]
                if cdep in subject_deps:
                    subj = keys[cj]
                    v = share(keys[cj])
                    for k in keys[cj]:
                        put(f"s:{k}", v)
                    if cdep == "nsubjpass":
                        put("r:passive", 1.0)
                elif cdep in neg_deps:
                    put("r:negated", 1.0)
                elif toks[cj].tag_ in modal_tags:
                    put(f"r:modal:{lowers[cj]}", 1.0)
                elif cdep in object_deps:
                    objs = keys[cj]
            if spec.get("triples"):
                value = share(subj, keys[j], objs)
                for sk in subj or ("-",):
                    for rk in keys[j]:
                        for ok in objs or ("-",):
                            put(f"t:{sk}|{rk}|{ok}", value)
            continue
        if dep not in arc_deps:
            continue
        hj = heads[j]
        if not 0 <= hj < n_toks:
            continue
        by_head = arcs.get(dep)
        if by_head is None:
            continue
        value = share(keys[hj], keys[j])
        for hk in keys[hj]:
            wanted = by_head.get(hk)
            if wanted is None:
                continue
            for ck in keys[j]:
                if ck in wanted:
                    name = f"a:{hk}|{dep}|{ck}"
                    if value > get(name, 0.0):
                        out[name] = value
    if spec.get("structure"):
        for name, _where in _structure(span, toks, lowers, lemmas, deps, heads, children, classes, named, index,
                                       spec):
            put(name, 1.0)
    return out


def model_key(dirs=None) -> tuple | None:
    """Which weights file :func:`load_model` reads, and its version (path, modification time)."""
    for folder in (dirs if dirs is not None else search_path("phrasebank")):
        path = Path(folder) / WEIGHTS_FILE
        if path.is_file():
            return (str(path), path.stat().st_mtime_ns)
    return None


_pinned = threading.local()


@contextlib.contextmanager
def one_check() -> Iterator[None]:
    """Read the weights file once for the check inside (``Checker`` runs every block of one check
    call in it): :func:`check_learned` then takes that model instead of looking the file up and
    stat-ing it for every block (450 look-ups for a 20,000-word document). A file changed between two
    check calls is read by the second; calls nest (the inner one reads the file again)."""
    outer = getattr(_pinned, "model", None)
    _pinned.model = (load_model(),)
    try:
        yield
    finally:
        _pinned.model = outer


def current_model() -> dict | None:
    """The model pinned by :func:`one_check`, else :func:`load_model`'s."""
    pinned = getattr(_pinned, "model", None)
    return pinned[0] if pinned is not None else load_model()


def load_model(dirs=None) -> dict | None:
    """The weights file from the phrasebank search path (a user's file first), or None."""
    return load_weights(WEIGHTS_FILE, _validate, dirs)


def _validate(model, path: Path) -> None:
    need = check_weights(model, path)
    cal = model.get("calibration")
    need("calibration", cal is None or (isinstance(cal, list) and len(cal) == 2
                                        and all(isinstance(v, (int, float)) for v in cal) and cal[0] > 0),
         "two numbers [a, b] with a above 0, or left out")
    spec = model["features"]
    for field, value in spec.items():
        need(f"features.{field}", isinstance(value, (list, bool)), "a list of words or labels, or true/false")
    need("features.lemma_pos", "lemma_pos" in spec, "given")
    need("features.arc_deps", "arc_deps" in spec, "given")
    need("features.subject_deps", "subject_deps" in spec, "given")
    need("features.neg_deps", "neg_deps" in spec, "given")
    need("features.modal_tags", "modal_tags" in spec, "given")
    need("features.marks", "marks" in spec, "given")


def probability(model: dict, feats: dict[str, float]) -> float:
    """The share of over-claims among sentences scored like this one: the logistic of the bias
    plus the weights of the sentence's features, through the file's ``calibration`` (a, b) when
    it has one (fitted on sentences of writers the weights were not trained on)."""
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) * v for f, v in feats.items())
    cal = model.get("calibration")
    if cal:
        z = cal[0] * z + cal[1]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _index(model: dict, vocabulary: dict) -> ClassIndex:
    idx = model.get("_index")
    if idx is None or idx[0] is not vocabulary:
        idx = model["_index"] = (vocabulary, ClassIndex(vocabulary, frozenset(model["features"].get("skip_lists", ()))))
    return idx[1]


def _reasons(model: dict, sent, index: ClassIndex, n: int = 3) -> list[str]:
    """The sentence's own words that pushed its score up most, in sentence order (neighbours bound
    in one phrase, "our team", are shown together): what a reader can look at, not feature names."""
    trace: dict[str, set[int]] = {}
    feats = features(sent, index, model["features"], trace)
    weights = model["weights"]
    weight_of: dict[int, float] = {}
    for name, value in feats.items():
        w = weights.get(name, 0.0) * value
        where = trace.get(name)
        if w <= 0 or not where:
            continue
        for j in where:
            weight_of[j] = weight_of.get(j, 0.0) + w / len(where)
    toks = list(sent)
    # a word bound to its neighbour in one phrase ("our team", "not return", "has cut")
    bound = frozenset(model["features"].get("phrase_deps", ()))
    top = sorted(j for j, w in sorted(weight_of.items(), key=lambda jw: -jw[1])[:n]
                 if not toks[j].is_punct)
    phrases: list[list[int]] = []
    for j in top:
        prev = phrases[-1][-1] if phrases else -2
        if prev == j - 1 and (toks[j].head.i == toks[prev].i and toks[j].dep_ in bound
                              or toks[prev].head.i == toks[j].i and toks[prev].dep_ in bound):
            phrases[-1].append(j)  # "our team", "never returns": one phrase
        else:
            phrases.append([j])
    return ["\u201c" + " ".join(toks[j].text for j in p) + "\u201d" for p in phrases]


def _is_clause(root, finite: frozenset[str], subject_deps: frozenset[str]) -> bool:
    """A main verb that is finite itself or through its auxiliary, or a base form with a subject
    (the tagger reads "families stop arguing" as base "stop")."""
    if root.tag_ in finite:
        return True
    has_subject = False
    for c in root.children:
        if c.dep_ in ("aux", "auxpass") and c.tag_ in finite:
            return True
        has_subject = has_subject or c.dep_ in subject_deps
    return has_subject and root.tag_ == "VB"


def _is_definition(sent, finite: frozenset[str], max_label: int) -> bool:
    """A term and its gloss ("ReQoL-10: Recovering Quality of Life, a questionnaire ...; a higher score
    is better", "PHQ-9 — a nine-item scale"): the sentence opens with a label of at most ``max_label``
    words and no finite verb, then a label mark, and the gloss up to its first ``;`` has no finite verb
    of its own (only ones in a relative clause: "... a drop-in where people can talk", read by the
    tagger's relative words, not by the parse, which hangs "Funder report: the scheme has generated
    £2.3m" off "report" as a relative). A gloss opening with a base verb is an instruction. A definition
    says what a word means, not what happened: "Outcome 3: fewer people return to A&E" and "Key
    result: people recover faster" are clauses after the label, and are scored."""
    toks = list(sent)
    mark = next((j for j, t in enumerate(toks[:max_label + 1]) if t.text in W.label_marks), None)
    if not mark or any(t.tag_ in finite for t in toks[:mark]):
        return False
    gloss = toks[mark + 1:]
    if not gloss or gloss[0].tag_ in W.imperative_tags:
        return False  # "Social post: come and see ...": an instruction, not a gloss
    relative = False
    for t in gloss:
        if t.text in W.gloss_end_marks:
            break
        if t.tag_ in W.relative_clause_tags:
            relative = True  # what follows, to the next mark, is the relative's
        elif t.is_punct:
            relative = False
        elif t.tag_ in finite and not relative:
            return False
    return True


def _is_wh_form(sent) -> bool:
    """A sentence opening with a wh-word that hangs on its main verb ("Why families leave our service
    stronger", "How we cut waiting times"): a question or a heading put as one, not a statement.
    "How we work changes lives" and "When families leave, they are stronger" open with a wh-word of
    a clause inside the sentence, and are scored; so is "Whatever the need, our support keeps people
    out of crisis" (a determiner, not a question word)."""
    first = sent[0]
    return first.tag_ in W.wh_question_tags and first.head.i == sent.root.i


def _is_none_there(sent) -> bool:
    """A sentence that says there was none of something ("There were no crisis beds free in the county
    that night", "There have been no changes to the staffing model this year"): an existential "be" with
    "no" on its noun, no modal ("There will be no readmissions ..." is a promise) and no clause after
    the noun or the verb ("There is no doubt that ..." is a booster). It states a count of zero; when
    the none is one of our outcomes ("There have been no suicides on our caseload since ...") the
    absolute rule reads it. Over the 3,462 labelled over-claim sentences this form holds 7, all careful."""
    root = sent.root
    if root.lemma_.lower() != "be":
        return False
    kids = list(root.children)
    if not any(c.dep_ == "expl" for c in kids) or any(c.tag_ == "MD" for c in kids):
        return False
    if any(c.dep_ in W.none_there_clause_deps for c in kids):
        return False
    for c in kids:
        if c.dep_ in W.none_there_noun_deps and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return not any(d.dep_ in W.none_there_clause_deps for d in c.children)
    return False


def _is_reported(sent, quotes: list[tuple[int, int]]) -> bool:
    """Someone's words in quotation marks, given by a reporting verb or as the whole clause ("'I feel so
    much stronger now,' one mother told us", "Members describe the café as 'the place that keeps me
    going'"): the claim, if any, is theirs, and the checker leaves quoted speech alone."""
    start = sent.start_char
    inside = [(s, e) for s, e in quotes if start <= s < sent.end_char]
    if not inside:
        return False
    root = sent.root
    return root.lemma_.lower() in W.reporting or any(s <= root.idx < e for s, e in inside)


def _ours(tok, agents: frozenset[str]) -> bool:
    """Does the phrase under ``tok`` name us ("our service", "we", "the team")?"""
    return any(t.lower_ in W.provider_pronouns or t.lemma_.lower() in agents for t in tok.subtree)


def _said_by_some(sent, agents: frozenset[str]) -> bool:
    """Some people's account, not in quotation marks: the main verb is a verb of saying with a clause after
    it and a subject that counts only some of the people ("Some women tell us they left the programme feeling
    more confident"). What a part of them report is theirs, and says it is a part; "Carers tell us their stress
    has eased" and "Commissioners have told us the haven has rewritten the rules" are scored (the writers of the
    fresh sets read such reports as our claim)."""
    root = sent.root
    if root.lemma_.lower() not in W.reporting or not any(c.dep_ in W.reported_clause_deps for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ in W.nsubj_nsubjpass_csubj_expl), None)
    return subj is not None and not _ours(subj, agents) and any(
        c.dep_ == "det" and c.lower_ in W.some_words for c in subj.children)


def _our_commitment(sent) -> bool:
    """Our commitment to act, said as what we will do ("We will bring missed first appointments below 10% within 18
    months of go-live", "We will offer each carer a review of their plan every 6 months"): the main verb with a future
    auxiliary ("will", "shall") and "we" as its subject. A tender's undertaking is not a claim of what happened; an
    outcome promised in these words ("We will end readmissions") is the promise and guarantee rules', which this rule
    defers to. Over every labelled over-claim set (session 25's tw1-tw4 included) 91 sentences that the rules leave to
    this one have this form: 90 passes and one flag, none scored over the threshold by m22's weights or m25's refit
    (bench/overclaim_m25.md)."""
    root = sent.root
    kids = list(root.children)
    return any(c.dep_ == "aux" and c.lower_ in W.future_aux for c in kids) and any(
        c.dep_ == "nsubj" and c.lower_ in W.provider_pronouns for c in kids)


def _counterfactual(part) -> bool:
    """The certain side of a counterfactual: a main verb with "would" ("'d") after a condition that says what did not
    happen or what was not there ("If our worker hadn't challenged the notice, the family would have been evicted",
    "Had we not stepped in, Dave would have lost his flat", "Without the drop-in, six of our regulars would be back
    on the ward"): the condition is a clause of the main verb with a negation in it, or a phrase on it opening with
    "without" ("in the absence of", "but for"). Its "would" is no hedge: the scorer reads it (the hedged context
    filter leaves the rest of the scorer's hedges, "might have", "could", as they were)."""
    root = part.root
    kids = list(root.children)
    if not any(c.tag_ == "MD" and c.lower_ in W.counterfactual_modals for c in kids):
        return False
    for c in kids:
        if c.dep_ == "advcl" and any(t.lower_ in W.counterfactual_negators for t in c.subtree):
            return True
        if c.dep_ == "prep" and (c.lower_ in W.counterfactual_preps
                                 or any(t.lower_ in W.counterfactual_preps for t in c.children)):
            return True
    return False


def _done_by_others(sent, agents: frozenset[str], people: frozenset[str]) -> bool:
    """A passive whose agent is someone else ("Her eviction was stopped by the court despite our advocacy"):
    the sentence gives the outcome's cause, and it is neither us nor the people we support ("Relapse was
    avoided by each of the clients ..." is scored)."""
    root = sent.root
    if not any(c.dep_ == "auxpass" for c in root.children):
        return False
    agent = next((c for c in root.children if c.dep_ == "agent"), None)
    return agent is not None and not _ours(agent, agents) and not any(
        t.lemma_.lower() in people or t.lower_ in people for t in agent.subtree)


def _their_situation(sent, agents: frozenset[str], people: frozenset[str], change: frozenset[str]) -> bool:
    """(story32) A description of the person's own situation before support, as a story's "Context" part asks for
    it ("She had been out of work for a year and rang the duty line most nights", "When support began, the person
    was sleeping on a friend's sofa", "Before referral, M. had been admitted twice"): the main verb's subject is the
    person supported (a third-person pronoun, "the person", a pseudonym's initial), every verb of the sentence is
    past or past perfect (none present, future or modal), nothing in it names us as an agent (a subject, a passive's
    agent, "we", "our") but a clause saying when support began, and nothing says a change or a comparison ("fewer", "no longer", "now", "fell"). It says what was so, with
    no agent of ours and no link to us: no claim. "Since joining us he has not been admitted once" (present perfect,
    "us"), "Thanks to our visits, she no longer goes to A&E" and "Within a month of starting with us, the person was
    back at work" ("us") are scored."""
    root = sent.root
    kids = list(root.children)
    if not (root.tag_ in W.situation_past_tags or any(
            c.dep_ in W.own_aux_deps and c.tag_ in W.situation_past_tags for c in kids)):
        return False
    subj = next((c for c in kids if c.dep_ in W.own_subject_deps), None)
    if subj is None or not _the_person(subj, people):
        return False
    when: set[int] = set()
    for t in sent:
        if t.dep_ in W.situation_time_deps and (
                t.lower_ in W.situation_time_marks
                or any(c.dep_ in W.situation_mark_deps and c.lower_ in W.situation_time_marks for c in t.children)):
            when.update(c.i for c in t.subtree)
    for t in sent:
        if t.tag_ in W.situation_not_past_tags or t.tag_ in W.comparison_tags:
            return False
        if t.lower_ in W.situation_change_words or t.lower_ in change or t.lemma_.lower() in change:
            return False
        if t.i not in when and (t.lower_ in W.provider_pronouns or t.lemma_.lower() in agents and _an_agent(t)):
            return False
    return True


def _a_view_reported(sent, agents: frozenset[str]) -> bool:
    """(story32) Our staff's view reported in the present, the staff named bare ("Staff say the drop in evictions was
    driven by our tenancy coaches", "Staff think the move has probably made the service easier to find"): a verb of
    saying or thinking in the present with a clause after it, whose subject is one of our agent nouns with no
    determiner, possessor or other word on it (not "we", not "our staff", not "staff and parents"). Over every
    labelled over-claim set this form holds four sentences, all passes; a view reported by the people we support or
    by others ("Families tell us the service changed their lives") is scored as before (writers read those as our
    claim). The claim rules still read the reported words."""
    root = sent.root
    if root.lemma_.lower() not in W.reporting or root.tag_ not in W.situation_not_past_tags:
        return False
    if not any(c.dep_ in W.reported_clause_deps for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ in W.own_subject_deps), None)
    return subj is not None and subj.tag_ in W.bare_group_tags and subj.lemma_.lower() in agents and not any(
        c.dep_ in W.bare_group_not_deps for c in subj.children)


def _our_own_superlative(sent, agents: frozenset[str], plain: frozenset[str], claim_words: frozenset[str]) -> bool:
    """(oc33) A superlative that picks one of our own staff, rooms or times out of the rest of ours, and says nothing
    else ("Our most experienced worker leads the group", "Winter is usually our busiest period", "The largest room is
    used for the Tuesday group"): every superlative in the sentence (an adjective in -est, or "most" on an adjective)
    sits on a noun owned by "our" (the set it ranks is ours), or is a plain superlative of size, time or place on a
    noun that is not one of our agents, with "the"; the noun has no phrase or clause that gives it a wider set ("in
    the county", "of any provider", "you will find anywhere") and is not said of us as a predicate ("we are the
    busiest service"); and the sentence has no comparison and no outcome, change, cause or boast word. It ranks our
    own things among themselves, which no reader can take as a claim against others or an outcome. A superlative with
    a scope ("the most experienced crisis practitioners in the county"), a predicate ("Ours is the most experienced
    team") or an outcome ("our most experienced worker halved readmissions") is scored as before; the superlative
    rules read them too."""
    sups = [t for t in sent if t.tag_ in W.superlative_tags]
    if not sups:
        return False
    for t in sent:
        if t.tag_ in W.comparison_tags or t.lower_ in claim_words or t.lemma_.lower() in claim_words:
            return False
    for t in sups:
        adj = t
        if t.tag_ in W.adverb_superlative_tags:  # "most" on an adjective ("most experienced")
            adj = t.head
            if t.dep_ != "advmod" or adj.pos_ != "ADJ":
                return False
        elif t.lower_ in W.own_superlative_quantifiers:
            return False  # "most people", "least time": a quantity
        noun = adj.head
        if adj.dep_ != "amod" or noun.pos_ != "NOUN" or noun.dep_ == "poss":
            return False  # (a noun that owns another, "the latest residents' survey", is not the one ranked)
        kids = list(noun.children)
        if any(c.dep_ in W.superlative_scope_deps for c in kids):
            return False
        owners = [c for c in kids if c.dep_ == "poss"]
        if owners:
            if not all(o.lower_ in W.own_superlative_owners for o in owners):
                return False
        elif not (t is adj and t.lower_ in plain and noun.lemma_.lower() not in agents
                  and any(c.dep_ == "det" and c.lower_ in W.own_superlative_dets for c in kids)):
            return False
        if noun.dep_ in W.predicate_noun_deps and any(
                c.dep_ in W.own_subject_deps and (c.lower_ in W.provider_pronouns or c.lemma_.lower() in agents)
                for c in noun.head.children):
            return False  # "we are our busiest on Fridays", "ours is the ..."
    return True


def _an_agent(tok) -> bool:
    """(story32) A noun of ours that acts in the sentence: the subject of a verb ("the worker found her a room"), or
    the agent of a passive ("she was housed by the team"). A service named as a place or a thing in the person's
    history ("rang the crisis line", "had been out of work") is not an agent."""
    if tok.dep_ in W.own_subject_deps:
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.dep_ == "agent"


def _the_person(subj, people: frozenset[str]) -> bool:
    """(story32) Does ``subj`` name the person supported: a third-person pronoun ("she", "they"), a noun of the people
    we support with a definite determiner ("the person", "the client"), or a pseudonym's initial ("M.", "J")?"""
    if subj.lower_ in W.situation_subject_pronouns:
        return True
    if subj.lemma_.lower() in people:
        return any(c.dep_ == "det" and c.lower_ in W.situation_subject_dets for c in subj.children)
    letters = subj.text.rstrip(".")
    return subj.pos_ == "PROPN" and len(letters) == 1 and letters.isupper()


@check("learned_claim", whole_sentence=True)
def check_learned(rule: Rule, doc, ctx: Context, terms: Terms | None) -> list[Candidate]:
    model = current_model()
    if model is None:
        return []
    threshold = float(rule.options.get("threshold", model["threshold"]))
    index = _index(model, ctx.v.data)
    out: list[Candidate] = []
    finite = frozenset(model["features"].get("finite_tags", ()))
    subject_deps = frozenset(model["features"]["subject_deps"])
    max_label = int(rule.options.get("definition_label_words", 0))
    quotes: list[tuple[int, int]] | None = None
    claimed = ctx.claimed_sentences
    agents = ctx.v.set("claim_agents")
    people = ctx.v.set("claim_people")
    # (built once per vocabulary, not per document: perf34)
    change = ctx.v.memo("learned:change", lambda: ctx.v.set("claim_change_words") | ctx.v.set("change_nouns"))
    plain = ctx.v.set("plain_superlatives")
    own_claim_words = ctx.v.memo("learned:own_claim_words", lambda: frozenset(
        w for name in W.own_superlative_claim_lists for w in ctx.v.set(name)))
    for sent in _sents(doc):
        if len(sent) < 4:
            continue
        parts = [sent]
        if sent.start in claimed:
            # a sentence another rule reported: this rule defers to that finding, so only a clause of its
            # own that no finding overlaps is scored ("Our support turned her life around and saved the NHS
            # thousands": the money finding is one claim, the clause before it another)
            parts = [c for c in _clauses(sent) if len(c) >= 4 and not any(
                a < c.end_char and c.start_char < b for a, b in ctx.claimed_spans)]
            if not parts:
                continue
        else:
            # (m26) each clause conjoined to the main verb is scored as well as the sentence, so a careful
            # clause does not hide a bold one ("We are careful with figures, but the fall in A&E visits is
            # down to our team")
            parts.extend(c for c in _clauses(sent)[1:] if len(c) >= 4)
        if finite and not _is_clause(sent.root, finite, subject_deps):
            continue  # a heading or a label, not a clause: nothing is claimed without a finite verb
        # (perf34, issue 15) the score first: a sentence none of whose parts reaches the threshold gives no finding
        # whatever the filters below say (they only drop sentences), so they are asked only of the few that do
        scored = []
        for part in parts:
            p = probability(model, scoring_features(part, index, model))
            if p >= threshold:
                scored.append((part, p))
        if not scored:
            continue
        if max_label and _is_definition(sent, finite, max_label):
            continue  # a term and what it means (a glossary line), not a claim
        if _is_wh_form(sent) or _is_none_there(sent):
            continue
        if quotes is None:
            quotes = others_speech(_text(doc), quote_spans(_text(doc)))  # (oc28) our leads' quotes are scored
        if quotes and _is_reported(sent, quotes):
            continue
        if _said_by_some(sent, agents) or _done_by_others(sent, agents, people) or _our_commitment(sent):
            continue
        if _their_situation(sent, agents, people, change):
            continue
        if _a_view_reported(sent, agents):
            continue
        if _our_own_superlative(sent, agents, plain, own_claim_words):
            continue
        for part, p in scored:
            if ctx.hedged(part.root) and not _counterfactual(part):
                continue  # (the rule's hedged filter, but for the certain side of a counterfactual)
            why = ", ".join(_reasons(model, part, index)) or "the sentence as a whole"
            message = rule.message.replace("{score}", f"{p:.2f}").replace("{why}", why)
            out.append(Candidate(rule, part.start, part.end, part.root.i, message=message))
    return out


def _clauses(sent) -> list:
    """The sentence cut before each verb conjoined to its main verb ("Our support stopped her calls | and
    saved the NHS thousands"): spans in order, each with its own verb (the "and" goes with the clause after it)."""
    root = sent.root
    cuts = []
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > root.i:
            cut = c.left_edge.i
            prev = cut - 1
            if prev > root.i and sent.doc[prev].dep_ == "cc" and sent.doc[prev].head.i == root.i:
                cut = prev
            if prev - 1 > root.i and sent.doc[prev].is_punct and sent.doc[prev - 1].dep_ == "cc":
                cut = prev - 1
            cuts.append(cut)
    if not cuts:
        return [sent]
    bounds = [sent.start, *sorted(set(cuts)), sent.end]
    doc = sent.doc
    return [doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
