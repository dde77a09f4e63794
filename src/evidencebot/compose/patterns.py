"""Approved pattern blocks: one sentence per role for the buyer's named elements of a part (issue 12, s31).

Three blind panels (s28, s29, s30) said the same of every answer: the buyer's own named partner organisations,
sites, community groups and languages in a part are answered generically or not at all. Session 30
(:mod:`evidencebot.compose.named`) reads them per part and shows each unsaid one as a gap in the coverage row. This
module writes the next step, from the approved library only:

* a *pattern block* is an ordinary method block (title, tags, owner, four-eyes approval, review dates, where used)
  whose body holds one role's slot: ``{partner}`` (an organisation or team we do not run), ``{site}`` (a place where
  we deliver), ``{group}`` (a community group, forum or panel we involve or take part in) or ``{language}`` (a
  community language). Approved once, it may be filled with any element of its role the buyer names;
  :func:`ordinary` keeps it out of ordinary block matching, where its slot would stand unfilled;
* :func:`elements` gives each named element of a part's ask its role by structure: the element's head noun ('Team',
  'House', 'Forum') and the ask's words before it or before the list that holds it ('work with', 'sessions at',
  'contribute to'); a language by its name in an ask that speaks of language. An element whose head and verb agree
  on no role has none (phrasebank ``pattern_roles.yaml``);
* :func:`best` picks, for a role, the approved pattern that fits the part's ask best (its title and tags against the
  ask's words), a fresh one before a stale one; none fits when no pattern of the role shares a word with the ask and
  none is written for any ask;
* :func:`write` writes ONE sentence per role naming all of the part's unsaid elements of that role together, with the
  who, when and how often of the pattern; an element with no fitting pattern stays an honest gap. A pattern's words
  that depend on how many elements it names are written '{one|many}' ('{at the site|at each site}'), said by the
  count (:func:`by_count`).

Nothing here says we already do a thing: the sentences are the approved pattern's future commitments, filled with the
buyer's names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from evidencebot.compose import library, partner_kinds
from evidencebot.compose import named as named_elements
from evidencebot.compose.filters import load_phrasebank

PHRASEBANK = "pattern_roles.yaml"
REF = "pattern"
"""The ref a pattern sentence's unit carries (with ``block:<id>`` and :func:`covered_ref`)."""
ANY_ASK = "any ask"
"""The tag of a pattern written to fit every ask of its role."""
JOIN_OR = "join with or"
"""The tag of a pattern whose slot names its elements as alternatives ('help from A or B'); else 'A and B', or the
role's own joiner (phrasebank)."""


@functools.cache
def _spec() -> dict:
    return load_phrasebank(PHRASEBANK)


def _roles() -> dict[str, dict]:
    return dict(_spec().get("roles") or {})


def _words(key: str) -> list[str]:
    return [str(w) for w in _spec().get(key) or []]


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def slots() -> dict[str, str]:
    """Each role's slot name -> the role."""
    return {str(spec.get("slot") or role): role for role, spec in _roles().items()}


def role_of(block) -> str | None:
    """The role whose slot ``block``'s body holds ('{partner}' -> 'partner'), or None: an ordinary block."""
    for slot, role in slots().items():
        if "{" + slot + "}" in (getattr(block, "body", "") or ""):
            return role
    return None


def is_pattern(block) -> bool:
    return role_of(block) is not None


def ordinary(blocks: list) -> list:
    """``blocks`` without the pattern blocks: a pattern is only ever placed filled, by :func:`write`."""
    return [b for b in blocks if not is_pattern(b)]


@dataclass(frozen=True)
class Pattern:
    block: library.Block
    role: str

    @property
    def block_id(self) -> str:
        return self.block.block_id


def approved(blocks: list) -> list[Pattern]:
    """The pattern blocks of ``blocks`` that may be used: approved by a second person (a draft or submitted pattern
    never is); a stale one is kept, flagged (:attr:`library.Block.stale`), and :func:`best` takes it last."""
    out = []
    for b in blocks:
        role = role_of(b)
        if role and b.approved:
            out.append(Pattern(b, role))
    return out


# ---------------------------------------------------------------- the roles of a part's named elements


@dataclass(frozen=True)
class Element:
    """One named element of a part's ask with its role: ``name`` as the buyer writes it, ``said`` as our sentence
    says it ('the WPFT CRHTT', 'Haverleigh Citizens Advice': with 'the' only where the buyer's ask has it)."""

    name: str
    role: str
    said: str
    kind: str = partner_kinds.ORGANISATION
    """The kind of body it is (:func:`partner_kinds.kind_of`): a partner pattern is filled only with a kind it is
    written for (a risk handover with a clinical team)."""


def _head(name: str) -> str:
    words = name.replace("’", "'").split()
    last = words[-1] if words else ""
    return re.sub(r"'s$", "", last)


def _heads(role: str) -> set[str]:
    return {str(h).lower() for h in _roles().get(role, {}).get("heads") or []}


def _all_heads() -> set[str]:
    return {h for role in _roles() for h in _heads(role)}


def _split(name: str) -> list[str]:
    """A name the reader kept as one run split after a head noun of any role before 'and' ('Tanner Lane and St
    Brendan's Court' -> two names); 'Crisis Resolution and Home Treatment Team' stays one."""
    heads = _all_heads()
    out: list[list[str]] = [[]]
    for w in name.split():
        if w == "and" and out[-1] and _head(" ".join(out[-1])).lower() in heads:
            out.append([])
            continue
        out[-1].append(w)
    return [" ".join(x) for x in out if x]


@functools.cache
def _breaks() -> re.Pattern:
    return re.compile(rf"(?:{_alt(_words('clause_breaks'))})", re.I)


def _clause(before: str) -> str:
    """The ask's words before an element back to the last clause break; a list's commas and 'and' carry the verb
    before the list to each of its items, and an 'including' list takes the verb before it ('take part in
    multi-agency arrangements, including the Brackenford MARAC')."""
    hard = [m for m in _breaks().finditer(before) if m.group(0) != ","]
    clause = before[hard[-1].end():] if hard else before
    if hard and hard[-1].group(0).lower() in ("including", "("):
        prior = before[:hard[-1].start()]
        more = [m for m in _breaks().finditer(prior) if m.group(0) != ","]
        clause = (prior[more[-1].end():] if more else prior) + " " + clause
    return clause


def _cue(before: str) -> tuple[set[str], set[str]]:
    """(the roles whose verb is the last one of the ask's clause before an element, the roles for which that verb
    gives the role even with no head noun)."""
    clause = _clause(before)
    best: tuple[int, int, str] | None = None
    for spec in _roles().values():
        verbs = [str(v) for v in spec.get("verbs") or []]
        for m in re.finditer(rf"\b(?:{_alt(verbs)})\b", clause, re.I) if verbs else ():
            key = (m.end(), m.end() - m.start(), " ".join(m.group(0).lower().split()))
            best = key if best is None or key[:2] > best[:2] else best
    if best is None:
        return set(), set()
    verb = best[2]
    roles = {r for r, spec in _roles().items() if verb in {str(v).lower() for v in spec.get("verbs") or []}}
    alone = {r for r, spec in _roles().items() if verb in {str(v).lower() for v in spec.get("alone") or []}}
    return roles, alone


def _article(ask: str, start: int) -> str:
    return "the " if re.search(r"\bthe\s+$", ask[:start], re.I) else ""


def _languages(ask: str) -> list[Element]:
    spec = _roles().get("language") or {}
    names = [str(n) for n in spec.get("names") or []]
    cues = [str(c) for c in spec.get("cues") or []]
    if not names or not re.search(rf"\b(?:{_alt(cues)})\b", ask, re.I):
        return []
    out: list[Element] = []
    for m in re.finditer(rf"\b(?:{_alt(names)})\b", ask):
        if not any(e.name == m.group(0) for e in out):
            out.append(Element(m.group(0), "language", m.group(0)))
    return out


def elements(ask: str, *, not_ours: tuple[str, ...] = ()) -> list[Element]:
    """The named elements of ``ask`` (:func:`named.in_ask`: names of teams, bases, places, groups) that have a role,
    each with it, in the ask's order, then its languages. ``not_ours``: names of sites the buyer says we run (a pattern
    for someone else's site or team never speaks of them)."""
    text = " ".join(ask.split())
    roles = _roles()
    never = {str(w).lower() for w in _spec().get("not_heads") or []}
    langs = _languages(text)
    out: list[Element] = []
    for e in named_elements.in_ask(text):
        if e.kind != "name":
            continue
        for name in _split(e.text):
            if any(lang.name.lower() in name.lower() for lang in langs):
                continue
            start = text.find(name)
            if start < 0 or re.search(r"\d", _head(name)):
                continue  # not in the ask as one run, or a dated thing ('the Care Act 2014')
            # the words of its name the reader left before it ('the Lindenbridge 24/7 Mental Health Crisis Line',
            # "the Trust's three CMHTs"): back to the ask's 'the'
            lead = re.search(rf"\b[Tt]he\s+((?:(?:[A-Z][\w'’]*|\d[\w/]*|{_alt(_words('number_words'))})\s+)+)$",
                             text[:start])
            if lead and not re.search(r"\bthe\s+$", text[:start], re.I):
                start -= len(lead.group(1))
                name = text[start:start + len(lead.group(1))] + name
            # a kind word after the name belongs to it ("the Council's Housing Options service")
            after = re.match(r"\s+([a-z]+)\b", text[start + len(name):])
            if after and after.group(1) in _all_heads():
                name = f"{name} {after.group(1)}"
            head = _head(name).lower()
            if head in never or any(name.lower() == o.lower() or name.lower() in o.lower() for o in not_ours):
                continue
            single_acronym = len(name.split()) == 1 and name.isupper()
            by_verb, alone = _cue(text[:start])
            chosen = next((role for role in roles if role in by_verb and (
                head in _heads(role) or role in alone and not single_acronym and head not in _all_heads())), None)
            kind = partner_kinds.kind_of(name)
            if chosen == "partner" and kind in (partner_kinds.POPULATION, partner_kinds.OVERSIGHT):
                continue  # a group of people, or a body that buys, commissions or inspects: no partner (session 36)
            if chosen == "partner" and kind == partner_kinds.REPRESENTATIVE:
                chosen = partner_kinds.representative_role()  # the Patient and Client Council is involved, not handed care
            if chosen and not any(x.name == name for x in out):
                out.append(Element(name, chosen, _article(text, start) + name, kind))
    return out + langs


# ---------------------------------------------------------------- the best-fitting approved pattern


def _stems(text: str) -> set[str]:
    empty = {w.lower() for w in _words("fit_empty")}
    return {library.stem(w) for w in library.terms(text) if w.lower() not in empty}


def fit(pattern: Pattern, ask: str) -> float:
    """How well ``pattern`` fits a part's ask: the ask's content words its title and tags share (the elements' own
    names left out), and a half for a pattern written for any ask of its role."""
    words = _stems(" ".join([pattern.block.title, " ".join(t for t in pattern.block.tags if t not in (ANY_ASK, JOIN_OR))]))
    shared = len(_stems(ask) & words)
    return shared + (0.5 if ANY_ASK in pattern.block.tags else 0.0)


def best(patterns: list[Pattern], role: str, ask: str, avoid=()) -> Pattern | None:
    """The approved pattern of ``role`` that fits ``ask`` best (a fresh one before a stale one; one not yet used in
    the answer or the bid (``avoid``: block ids) before one that is, so that two parts do not read as one sentence
    with the names swapped; then the better fit; then by id), or None when none of the role fits at all."""
    fitting = [(fit(p, ask), p) for p in patterns if p.role == role]
    fitting = [(f, p) for f, p in fitting if f > 0]
    if not fitting:
        return None
    return min(fitting, key=lambda fp: (fp[1].block.stale, fp[1].block_id in avoid, -fp[0], fp[1].block_id))[1]


# ---------------------------------------------------------------- one sentence per role


def join(names: list[str], last: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {last} " + names[-1]


@dataclass(frozen=True)
class Written:
    """The sentence :func:`write` wrote for one role of a part: the pattern it filled and the elements it names."""

    role: str
    pattern: Pattern
    elements: tuple[Element, ...]
    sentence: str


_BY_COUNT = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
"""A pattern's words that depend on how many elements fill its slot: '{at the site|at each site}' (one | more)."""


def by_count(body: str, n: int) -> str:
    """``body`` with each '{one|many}' choice said for ``n`` elements: a sentence naming one place never says 'in
    each place'."""
    return _BY_COUNT.sub(lambda m: m.group(1) if n == 1 else m.group(2), body)


def fill(pattern: Pattern, found: list[Element], profile: dict[str, str]) -> str:
    """``pattern``'s body with its slot said as the elements together and its '{one|many}' choices by their count,
    then the profile's placeholders filled."""
    spec = _roles().get(pattern.role, {})
    slot = str(spec.get("slot") or pattern.role)
    joiner = "or" if JOIN_OR in pattern.block.tags else str(spec.get("joiner") or "and")
    said = join([e.said for e in found], joiner)
    body = by_count(" ".join(pattern.block.body.split()), len(found)).replace("{" + slot + "}", said)
    text, _ = library.fill(body, profile)
    return text


def write(ask: str, said: str, patterns: list[Pattern], profile: dict[str, str], *,
          not_ours: tuple[str, ...] = (), avoid=()) -> list[Written]:
    """For a part with ``ask`` whose text so far is ``said``: one sentence per role naming together every element of
    that role the ask names and the text leaves unsaid, from the best-fitting approved pattern of the role. A role with
    no fitting pattern gets none (its elements stay gaps in the coverage row)."""
    # said within one sentence: the words of 'the Haverleigh Mental Health Front Door' spread over a part's sentences
    # about other bodies ('the Joint Front Door Operating Protocol', 'the Haverleigh Health and Care Partnership') do
    # not say it
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(said.split()))
    unsaid = [e for e in elements(ask, not_ours=not_ours)
              if not any(named_elements.said(named_elements.Named(e.name, "name"), x) for x in sentences)]
    out: list[Written] = []
    for role in dict.fromkeys(e.role for e in unsaid):
        mine = [e for e in unsaid if e.role == role]
        if role != "partner":
            pattern = best(patterns, role, ask, avoid)
            if pattern is not None:
                out.append(Written(role, pattern, tuple(mine), fill(pattern, mine, profile)))
            continue
        # a partner pattern is filled with the kinds of body it is written for (session 36: a risk handover with a
        # clinical team, never a representative body): each kind of the part's partners gets the best pattern that
        # takes it, and partners that share a pattern share its sentence
        chosen: dict[str, tuple[Pattern, list[Element]]] = {}
        for kind in dict.fromkeys(e.kind for e in mine):
            pattern = best([p for p in patterns if kind in partner_kinds.kinds_for(p.block.tags)], role, ask, avoid)
            if pattern is None:
                continue
            chosen.setdefault(pattern.block_id, (pattern, []))[1].extend(e for e in mine if e.kind == kind)
        for pattern, found in chosen.values():
            out.append(Written(role, pattern, tuple(found), fill(pattern, found, profile)))
    return out


def covered_ref(written: Written) -> str:
    """The ref that records, on the unit, which elements the pattern covered: 'pattern:<role>:<A>|<B>'."""
    return f"{REF}:{written.role}:" + "|".join(e.name for e in written.elements)


def note(units, stale_ids: set[str]) -> str:
    """The coverage row's words for the pattern sentences a part keeps: which approved pattern named which of the
    buyer's elements, and a stale pattern's warning."""
    out = ""
    for u in units:
        refs = [r for r in u.refs if r.startswith(REF + ":")]
        ident = next((r.split(":", 1)[1] for r in u.refs if r.startswith("block:")), "")
        for r in refs:
            role, names = r.split(":", 2)[1:]
            out += f"; the buyer's named {role}s said with approved pattern {ident}: " + ", ".join(names.split("|"))
            if ident in stale_ids:
                out += f" (stale pattern used: {ident} is past its review date)"
    return out
