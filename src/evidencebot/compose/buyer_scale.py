"""The buyer's quantities, and our service profile's, in an answer for another service (issue 12).

The blind panels of sessions 9 to 12 found the same fault again and again: method blocks filled from the demo's
service profile stated our current service as the tender's. "Caseloads are up to 55 people for each whole-time
recovery worker" under a heading that repeats the buyer's cap of 30; "two locality team leaders" and "cover from
the other locality" against the buyer's four localities; "room for about 435 people" and "14.0 whole-time-equivalent
posts" against 2,150 people on open caseloads, 118 WTE employed and 104 staff who may transfer; "first contact
within 72 hours of discharge" against the buyer's 48 hours (s11 panel, contradictions 1-4).

:func:`read` finds the buyer's own quantity of each kind in ``scale`` of ``phrasebank/buyer_standards.yaml``
(a caseload cap, the people open, the staff employed now, the staff who may transfer under TUPE, the number of
localities, contact after a discharge) in the question and the rest of the tender's text. :func:`adapt` gives the
profile an answer fills its blocks from: where ours does not meet the buyer's, the buyer's figure (the answer
commits to "no more than 30 people for each practitioner, the specification's cap"); where the buyer states the
size of its service, none of our current team's size, capacity or locality split (the sentence that needs one is
left out); and :func:`frame_current` says what remains of our current service's size in an answer to another
buyer as our current practice ("In our current service, the funded establishment is ..."), never as this
contract's. Each change is a :class:`Adapted` row for the coverage and the compliance sheet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from evidencebot.compose.buyer_standards import _sentences
from evidencebot.compose.buyer_terms import _ours_wte, size_fields
from evidencebot.compose.consistency import caseloads
from evidencebot.compose.filters import load_phrasebank
from evidencebot.mentions import number_or_word

PHRASEBANK = "buyer_standards.yaml"



@dataclass
class Quantity:
    kind: str
    """A key of ``scale.kinds``: 'caseload_cap', 'open_caseload', 'workforce', 'tupe_staff', 'localities',
    'discharge_contact'."""
    value: float
    """The buyer's figure: people, WTE, staff, localities, or hours for a timescale."""
    words: str
    """The buyer's words matched ('no practitioner to hold a caseload above 30')."""
    sentence: str
    groups: dict = field(default_factory=dict)


@dataclass
class Adapted:
    kind: str
    label: str
    buyer: str
    ours: str
    action: str
    """What the answer does: 'committed to the buyer's ...', 'our current ... left out'."""


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK).get("scale") or {}


def read(text: str) -> list[Quantity]:
    """The buyer's quantity of each kind in ``text`` (the first stated), in the order of ``scale.kinds``."""
    kinds = _spec().get("kinds") or {}
    found: dict[str, Quantity] = {}
    for s in _sentences(text):
        for kind, spec in kinds.items():
            if kind in found:
                continue
            for pat in spec.get("patterns") or []:
                m = re.search(str(pat), s, re.I)
                if m is None:
                    continue
                # a kind without a figure (the buyer's forum, its KPI schedule, its measures) is there or not
                n = number_or_word(m.group("n")) if "n" in m.re.groupindex else 1.0
                if kind == "outcome_measures" and not _named_measures(s, spec):
                    continue
                if n:
                    groups = {k: " ".join(v.split()) for k, v in m.groupdict().items() if v}
                    if kind == "discharge_contact":
                        unit = groups.get("u", "hours").lower()
                        n = n if unit.startswith("hour") else n * (24 * 1.4 if "working" in unit else 24)
                    found[kind] = Quantity(kind, n, " ".join(m.group(0).split()), s, groups)
                    break
    return [found[k] for k in kinds if k in found]


def _named_measures(sentence: str, spec: dict) -> list[str]:
    """The measures ``sentence`` names (``names``: how a measure is written -> its short name), in its order."""
    names = {str(k): str(v) for k, v in (spec.get("names") or {}).items()}
    if not names:
        return []
    pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")(?![\w-])", re.I)
    lower = {k.lower(): v for k, v in names.items()}
    return list(dict.fromkeys(lower[m.group(0).lower()] for m in pat.finditer(sentence)))


def _ours_per_worker(text: str) -> list[float]:
    """Our caseloads per worker, read by their structure (:func:`consistency.caseloads`)."""
    return [c.n for c in caseloads(text or "")]


def _ours_size(profile: dict, kind: str) -> float | None:
    if kind == "open_caseload":
        m = re.search(r"(\d[\d,]*)\s+people", profile.get("capacity") or "")
    else:  # the staff employed now, and the staff who may transfer: our whole establishment
        m = re.match(r"\s*(\d+(?:\.\d+)?)\s*(?:WTE|whole[- ]time)", profile.get("team_wte") or "", re.I)
    return float(m.group(1).replace(",", "")) if m else None


def _hours(text: str) -> float | None:
    m = re.search(r"\bwithin\s+(\w+(?:-\w+)?)\s+(hours|working\s+days|days)\b", text or "", re.I)
    n = number_or_word(m.group(1)) if m else None
    if n is None or m is None:
        return None
    unit = m.group(2).lower()
    return n if unit.startswith("hour") else n * (24 * 1.4 if "working" in unit else 24)


def _fill(template: str, q: Quantity, spec: dict) -> str:
    groups = dict(q.groups)
    groups.setdefault("role", str(spec.get("role") or "worker"))
    groups["role"] = groups["role"].strip().lower()
    if q.kind == "caseload_cap":
        groups["n"] = f"{q.value:g}"
    return template.format(**{k: groups.get(k, "") for k in re.findall(r"\{(\w+)\}", template)})


def adapt(profile: dict, quantities: list[Quantity], *, other_buyer: bool,
          localities: list[str] | None = None, current: dict | None = None) -> tuple[dict, list[Adapted]]:
    """The profile to fill blocks from, given the buyer's ``quantities``, and what was changed. Ours is kept where
    it meets the buyer's (a caseload at or under the cap, a discharge contact as fast or faster). Where the buyer says
    how big the service is (the workforce it needs, the people open), the establishment the blocks state is this
    contract's (:func:`establishment`, by the buyer's ``localities`` when it names them), never our current team's:
    our roles and ratios are read from ``current`` (the service profile before any of the buyer's figures took a field
    out), else ``profile``."""
    spec = _spec()
    kinds = spec.get("kinds") or {}
    size = list(size_fields())
    out = dict(profile)
    notes: list[Adapted] = []

    def drop(fields) -> None:
        for f in (size if fields == "size" else list(fields or [])):
            out.pop(f, None)

    for q in quantities:
        k = kinds.get(q.kind) or {}
        label = str(k.get("label") or q.kind)
        if q.kind == "caseload_cap":
            per_worker = _ours_per_worker(profile.get("caseload") or "")
            if not per_worker or max(per_worker) <= q.value:
                continue
            for f, template in (k.get("fill") or {}).items():
                out[f] = _fill(str(template), q, k)
            drop(k.get("drop"))
            notes.append(Adapted(q.kind, label, q.words, profile.get("caseload") or "",
                                 f"committed to the buyer's cap of {q.value:g}; our current caseloads are higher: "
                                 "cost the establishment at the cap"))
        elif q.kind in ("open_caseload", "workforce", "tupe_staff", "establishment"):
            size_now = _ours_size(profile, q.kind)
            if size_now is not None and size_now >= q.value:
                continue
            if any(profile.get(f) for f in size):
                notes.append(Adapted(q.kind, label, q.words, (profile.get("capacity") if q.kind == "open_caseload"
                                                              else profile.get("team_wte")) or "",
                                     "our current team's size and capacity left out: write this contract's "
                                     "establishment from the buyer's figures"))
            drop(k.get("drop"))
        elif q.kind == "localities":
            ours_spec = k.get("ours") or {}
            m = re.search(str(ours_spec.get("pattern") or r"(?!)"), profile.get(str(ours_spec.get("field") or "area"))
                          or "", re.I)
            count = number_or_word(m.group("n")) if m else None
            if count is not None and count == q.value:
                continue
            notes.append(Adapted(q.kind, label, q.words, m.group(0) if m else "",
                                 "our current team by locality left out: write the team for the buyer's localities"))
            drop(k.get("drop"))
        elif q.kind == "discharge_contact":
            hours = _hours(profile.get("discharge_follow_up_standard") or "")
            if hours is None or hours <= q.value:
                continue
            for f, template in (k.get("fill") or {}).items():
                out[f] = _fill(str(template), q, k)
            notes.append(Adapted(q.kind, label, q.words, profile.get("discharge_follow_up_standard") or "",
                                 "committed to the buyer's timescale"))
        elif q.kind == "peer_share":
            total, peer = _ours_wte(profile, False), _ours_wte(profile, True)
            if not total or peer is None or 100 * peer / total >= q.value:
                continue
            notes.append(Adapted(q.kind, label, q.words, f"{100 * peer / total:.0f}% ({peer:g} of {total:g} WTE)",
                                 "our current team left out: write the establishment with the buyer's peer share"))
            drop(k.get("drop"))
        elif q.kind == "opening_hours":
            if " ".join((profile.get("hours") or "").split()) == q.groups.get("hours"):
                continue
            for f, template in (k.get("fill") or {}).items():
                out[f] = _fill(str(template), q, k)
            notes.append(Adapted(q.kind, label, q.groups.get("hours", q.words), profile.get("hours") or "",
                                 "the buyer's hours"))
        elif q.kind == "outcome_measures":
            f = str(k.get("field") or "prom")
            ours_m = _named_measures(profile.get(f) or "", k)
            buyer_m = _named_measures(q.sentence, k)
            if not ours_m or set(buyer_m) <= set(ours_m):
                continue
            where = re.search(str(k.get("where") or r"(?!)"), q.sentence, re.I)
            extra = [x for x in buyer_m if x not in ours_m]
            if buyer_m[0] in ours_m:  # ours is the buyer's core measure: with the buyer's others beside it
                out[f] = f"{profile[f]} (with {_and(extra)}" + (f" in {where.group('where')}" if where else "") + ")"
            else:
                out[f] = _and(buyer_m)
            notes.append(Adapted(q.kind, label, q.sentence, profile.get(f) or "",
                                 "committed to the buyer's measures: " + _and(buyer_m)))
    by = {q.kind: q for q in quantities}
    ours = current or profile
    holders = max((n for r, n in our_roles(ours) if not _in(r, (load_phrasebank(PHRASEBANK).get("establishment") or {})
                                                              .get("fixed"))), default=0.0)
    short_at_cap = ("open_caseload" in by and "caseload_cap" in by
                    and holders * by["caseload_cap"].value < by["open_caseload"].value)
    sized = by.get("establishment") or (by["open_caseload"] if "open_caseload" in by and (
        (_ours_size(ours, "open_caseload") or 0) < by["open_caseload"].value or short_at_cap) else None)
    est = establishment(ours, quantities, localities) if sized is not None else None
    if est is not None and sized is not None:
        out.update(establishment_fields(est))
        notes.append(Adapted("establishment", "this contract's establishment", sized.words,
                             ours.get("team_wte") or "", f"the establishment offered is sized from the buyer's "
                             f"figures, not our current team: {est.derived}; check it against the costed model"))
    stated = {q.kind for q in quantities}
    if other_buyer or "localities" in stated:
        # words that assume our own two localities ('cover from the other locality')
        for k in kinds.values():
            for f, words in (k.get("replace") or {}).items():
                if out.get(f):
                    for old, new in words.items():
                        out[f] = out[f].replace(str(old), str(new))
    return out, notes


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def swaps(quantities: list[Quantity]) -> list[tuple[re.Pattern, str]]:
    """(our words, the buyer's) for the buyer's own names of what our blocks name generically: the group our
    reports go to ('to the commissioner at each contract review' -> 'to the Lot 3 Quality and Performance Review
    Group'), where the KPIs are defined ('Schedule 4 Part C' -> 'Annex D, KPI Schedule')."""
    kinds = _spec().get("kinds") or {}
    out = []
    for q in quantities:
        for ours, theirs in (kinds.get(q.kind) or {}).get("swap") or []:
            fields = re.findall(r"\{(\w+)\}", str(theirs))
            if all(q.groups.get(f) for f in fields):
                out.append((_compiled(str(ours)), str(theirs).format(**{f: q.groups[f] for f in fields})))
    return out


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    """A swap's pattern (our words), compiled once however many answers and kinds use it."""
    return re.compile(pattern, re.I)


def rewrite(text: str, pairs: list[tuple[re.Pattern, str]]) -> str:
    """``text`` with our words in ``pairs`` said in the buyer's."""
    for pat, theirs in pairs:
        text = pat.sub(theirs.replace("\\", "\\\\"), text)  # the buyer's words as they are, no group references
    return text


def swapped(quantities: list[Quantity], texts: list[str]) -> list[Adapted]:
    """A comparison row for each swap that changed one of ``texts``."""
    kinds = _spec().get("kinds") or {}
    out = []
    for q in quantities:
        pairs = swaps([q])
        if pairs and any(rewrite(t, pairs) != t for t in texts):
            spec = kinds.get(q.kind) or {}
            out.append(Adapted(q.kind, str(spec.get("label") or q.kind), q.words, str(spec.get("was") or ""),
                               "said in the buyer's words"))
    return out


_LOWER_FIRST = {"the", "caseloads", "caseload", "each", "our", "a", "an", "by", "this", "it", "we", "at", "staff",
                "there"}


def current_framer(profile: dict, filled: dict) -> Callable[[str], str]:
    """:func:`frame_current` for every method sentence of one answer: what the answer filled from our own profile
    (``current_fields`` with ``filled[f] == profile[f]``) is worked out once, not once per sentence."""
    spec = _spec()
    opening = str(spec.get("current_opening") or "In our current service, ")
    values = [filled[f].lower() for f in spec.get("current_fields") or [] if len(filled.get(f) or "") >= 12
              and filled.get(f) == profile.get(f)]

    def frame(text: str) -> str:
        if not values or _CURRENT.search(text):
            return text
        low = text.lower()
        if not any(v in low for v in values):
            return text
        first = text.split(" ", 1)[0]
        body = text[:1].lower() + text[1:] if first.lower() in _LOWER_FIRST else text
        return opening + body

    return frame


_CURRENT = re.compile(r"\bcurrent(?:ly)?\b|\btoday\b|\bat present\b", re.I)


def frame_current(text: str, profile: dict, filled: dict) -> str:
    """``text`` (a method sentence) opened as our current practice when it states a value of ``current_fields``
    that the answer filled from our own profile (``filled[f] == profile[f]``): 'In our current service, the funded
    establishment is 14.0 whole-time-equivalent posts ...'. A sentence already about the current service, or
    filled with the buyer's figure instead, is returned as it is. (One answer's sentences: :func:`current_framer`.)"""
    return current_framer(profile, filled)(text)


# ---------------------------------------------------------------- the establishment this contract needs

@dataclass
class Establishment:
    """The establishment an answer offers: our roles, in the ratios of our current team, scaled to the buyer's size."""
    total: float
    roles: list[tuple[str, float]]
    """(role as our profile names it, WTE), in our profile's order."""
    by_locality: list[tuple[str, list[tuple[str, float]]]]
    """(locality, its roles) for each locality the buyer names; empty when it names none."""
    across: list[tuple[str, float]]
    """The roles that work across every locality."""
    derived: str
    """How it was derived, for the review copy."""


_ROLE = re.compile(r"^\s*(?:and\s+)?(?P<role>[a-z][a-z '-]*?)\s+(?P<n>\d+(?:\.\d+)?)\b")


def our_roles(profile: dict) -> list[tuple[str, float]]:
    """(role, WTE) of our current team (the profile's ``team_wte``: '14.0 whole-time-equivalent posts: service manager
    1.0, clinical leads 1.6 (two posts of 0.8), ... and data and quality officer 0.5')."""
    text = profile.get("team_wte") or ""
    _, _, body = text.partition(":")
    body = re.sub(r"\([^)]*\)", "", body)
    out = []
    for item in re.split(r",\s*|(?<=\d)\s+and\s+", body):
        m = _ROLE.match(item)
        if m:
            out.append((" ".join(m.group("role").split()), float(m.group("n"))))
    return out


def _tenth(x: float) -> float:
    return round(x + 1e-9, 1)


def _in(role: str, names) -> bool:
    return role.lower() in {str(n).lower() for n in names or []}


def _spread(total: float, n: int) -> list[float]:
    """``total`` in ``n`` shares of a tenth of a WTE, the first ones a tenth larger where it does not divide."""
    tenths = int(round(total * 10))
    base, extra = divmod(tenths, n)
    return [(base + (1 if i < extra else 0)) / 10 for i in range(n)]


def _capacity(profile: dict) -> float | None:
    m = re.search(r"(\d[\d,]*)\s+people", profile.get("capacity") or "")
    return float(m.group(1).replace(",", "")) if m else None


def establishment(profile: dict, quantities: list[Quantity], localities: list[str] | None = None) -> Establishment | None:
    """This contract's establishment when the buyer says how big the service is: the workforce it needs
    (``establishment``), else the people open at once (``open_caseload``, over our capacity); our roles in their
    current ratios scaled to it (the ``fixed`` roles, one per service, kept), the peer share raised to the buyer's
    (``peer_share``, of the ``frontline`` roles) from the recovery workers, in tenths of a WTE that add up to the
    total; by the buyer's ``localities`` when it names them. None when the buyer gives no size or our profile has no
    roles to scale."""
    spec = load_phrasebank(PHRASEBANK).get("establishment") or {}
    roles = our_roles(profile)
    ours = sum(n for _, n in roles)
    if not roles or ours <= 0:
        return None
    by = {q.kind: q for q in quantities}
    fixed = sum(n for r, n in roles if _in(r, spec.get("fixed")))
    holders = max((n for r, n in roles if not _in(r, spec.get("fixed"))), default=0.0)  # the caseload holders
    # the caseload holders the buyer's people need at the buyer's cap (s17: 260 people at no more than 18 each need
    # 14.4 WTE, where our 7.0 WTE hold 126): the team is never smaller than that
    need = (by["open_caseload"].value / by["caseload_cap"].value
            if "open_caseload" in by and "caseload_cap" in by and by["caseload_cap"].value else None)
    at_cap = (fixed + (ours - fixed) * need / holders) if need and holders else None
    if "establishment" in by:
        target, why = by["establishment"].value, f"the buyer's '{by['establishment'].words}'"
    elif "open_caseload" in by and (_capacity(profile) or at_cap):
        capacity = _capacity(profile)
        by_capacity = ours * by["open_caseload"].value / capacity if capacity else 0.0
        target = _tenth(max(by_capacity, at_cap or 0.0))
        why = (f"the buyer's open caseload of {by['open_caseload'].value:,.0f} people over our current capacity of "
               f"{capacity or 0:,.0f} at {ours:g} WTE" if by_capacity >= (at_cap or 0.0) else
               f"the buyer's open caseload of {by['open_caseload'].value:,.0f} people at its cap of "
               f"{by['caseload_cap'].value:g} each ({need:.1f} WTE holding caseloads)")
    else:
        return None
    factor = (target - fixed) / (ours - fixed) if ours > fixed else 0.0
    sized = [(r, n if _in(r, spec.get("fixed")) else _tenth(n * factor)) for r, n in roles]
    notes = [f"sized to {why}: our roles in our current ratios ({ours:g} WTE) scaled by {factor:.2f}"
             + (", the service manager kept at one post" if fixed else "")]
    peer_i = next((i for i, (r, _) in enumerate(sized) if _in(r, spec.get("peer"))), None)
    big = max((i for i, (r, _) in enumerate(sized) if not _in(r, spec.get("fixed"))), key=lambda i: sized[i][1])
    share = by.get("peer_share")
    if share is not None and peer_i is not None and peer_i != big:
        frontline = sum(n for r, n in sized if _in(r, spec.get("frontline")))
        need = -(-int(round(share.value * frontline * 10, 6)) // 100) / 10  # the share of frontline WTE, rounded up
        if sized[peer_i][1] < need:
            notes.append(f"peer support raised to {need:g} WTE from {sized[peer_i][1]:g} for the buyer's "
                         f"'{share.words}' ({need / frontline:.0%} of {frontline:g} frontline WTE), from the "
                         f"{sized[big][0]}")
            sized[big] = (sized[big][0], _tenth(sized[big][1] - (need - sized[peer_i][1])))
            sized[peer_i] = (sized[peer_i][0], need)
    rest = _tenth(target - sum(n for _, n in sized))
    if rest:
        sized[big] = (sized[big][0], _tenth(sized[big][1] + rest))
    if need and sized[big][1] + 1e-9 < need:
        notes.append(f"at the buyer's cap of {by['caseload_cap'].value:g}, its {by['open_caseload'].value:,.0f} people "
                     f"need {need:.1f} WTE {sized[big][0]}; this establishment has {sized[big][1]:g}: cost the gap")
    places = [p for p in (localities or []) if p]
    by_loc, across = [], list(sized)
    if len(places) > 1:
        local = [(r, n) for r, n in sized if _in(r, spec.get("locality"))]
        across = [(r, n) for r, n in sized if not _in(r, spec.get("locality"))]
        shares = {r: _spread(n, len(places)) for r, n in local}
        by_loc = [(p, [(r, shares[r][i]) for r, _ in local]) for i, p in enumerate(places)]
        notes.append(f"the locality roles split evenly across the buyer's {len(places)} localities")
    return Establishment(_tenth(sum(n for _, n in sized)), sized, by_loc, across, "; ".join(notes))


def _roles_text(roles: list[tuple[str, float]]) -> str:
    items = [f"{r} {n:.1f}" for r, n in roles if n > 0]
    return _and(items) if items else ""


def establishment_fields(est: Establishment) -> dict[str, str]:
    """The profile fields the blocks fill with this contract's establishment (``team_wte``, ``team_by_locality``)."""
    out = {"team_wte": f"{est.total:.1f} whole-time-equivalent posts for this contract: {_roles_text(est.roles)}"}
    if est.by_locality:
        parts = [f"{p}: {_roles_text(rs)}" for p, rs in est.by_locality]
        if est.across:
            parts.append(f"across all {len(est.by_locality)} localities: {_roles_text(est.across)}")
        out["team_by_locality"] = "; ".join(parts)
    return out


def locality_names(text: str) -> list[str]:
    """The localities the buyer names after a count ('each of the three localities: Wexmoor North, Wexmoor South and
    Tarnside'), in its order; none when it names none."""
    pat = (load_phrasebank(PHRASEBANK).get("establishment") or {}).get("localities")
    m = re.search(str(pat), text or "") if pat else None
    if not m:
        return []
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("names").strip())
    return [" ".join(n.split()) for n in names if n.strip() and n.strip()[0].isupper() and len(n.split()) <= 4]
