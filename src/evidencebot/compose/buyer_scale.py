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

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from evidencebot.compose.buyer_standards import _sentences
from evidencebot.compose.buyer_terms import _ours_wte, size_fields
from evidencebot.compose.consistency import caseloads
from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.library import stem
from evidencebot.compose.tender_profile import place_name_at_start
from evidencebot.mentions import NUMBER_OR_WORD_VALUES, number_or_word
from evidencebot.text import line_sentences, table_cells

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
    roles: list = field(default_factory=list)
    """A caseload cap: [(role as the buyer names it, cap)] for each role its sentence caps ('25 per Recovery Worker and
    12 per Registered Mental Health Practitioner'); empty when it caps no role by name."""


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
    """The buyer's quantity of each kind in ``text`` (the first stated), in the order of ``scale.kinds``. A caseload cap
    that names a cap for each of several roles is read before a cap that names none, wherever each stands, so that
    every answer of a tender (each reads its own question first) states the same caps."""
    kinds = _spec().get("kinds") or {}
    found: dict[str, Quantity] = {}
    for s in _sentences(text):
        for kind, spec in kinds.items():
            if kind in found and not (kind == "caseload_cap" and len(found[kind].roles) < 2):
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
                    caps = role_caps(s) if kind == "caseload_cap" else []
                    if kind in found and len(caps) < 2:
                        break  # a second cap naming no more roles than the first: the first stands
                    groups = {k: " ".join(v.split()) for k, v in m.groupdict().items() if v}
                    if kind == "discharge_contact":
                        unit = groups.get("u", "hours").lower()
                        n = n if unit.startswith("hour") else n * (24 * 1.4 if "working" in unit else 24)
                    found[kind] = Quantity(kind, n, " ".join(m.group(0).split()), s, groups, caps)
                    break
    if "caseload_cap" in kinds and len(found["caseload_cap"].roles if "caseload_cap" in found else []) < 2:
        # a cap for each role in the buyer's staffing table, list or prose (s21 q08's Table 8.1: 'Recovery workers |
        # at least 14.0 WTE | no more than 25 people per 1.0 WTE'): the first role's cap is the cap
        capped = [(r.role, r.cap) for r in staffing(text) if r.cap is not None]
        if capped and (len(capped) >= 2 or "caseload_cap" not in found):
            row = next(r for r in staffing(text) if r.cap is not None)
            found["caseload_cap"] = Quantity("caseload_cap", capped[0][1], row.words, row.words,
                                             {"role": _singular_role(capped[0][0])}, capped)
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


DIFFERS = "_establishment_differs"
"""The key of :func:`adapt`'s profile that holds the establishment's sentence on where it differs from the buyer's
(no block's placeholder: the answer sets it beside the sentence that states the establishment)."""


def adapt(profile: dict, quantities: list[Quantity], *, other_buyer: bool,
          localities: list[str] | None = None, current: dict | None = None,
          minimums: list[RoleMinimum] | None = None,
          subsets: list[Subset] | None = None, roles: RoleMap | None = None) -> tuple[dict, list[Adapted]]:
    """The profile to fill blocks from, given the buyer's ``quantities``, and what was changed. Ours is kept where
    it meets the buyer's (a caseload at or under the cap, a discharge contact as fast or faster). Where the buyer says
    how big the service is (the workforce it needs, the people open), the establishment the blocks state is this
    contract's (:func:`establishment`, by the buyer's ``localities`` when it names them), never our current team's:
    our roles and ratios are read from ``current`` (the service profile before any of the buyer's figures took a field
    out), else ``profile``. The buyer's role ``minimums`` (:func:`role_minimums`) are met by that establishment, with
    or without a size (then our current team is raised to them), and a caseload cap the buyer sets for each role is
    said for each role. The buyer's posts within its roles (``subsets``, :func:`role_subsets`) are said as such. A role of
    ours the buyer names by another title of its kind (``roles``, :func:`role_map`: our recovery workers as its Wellbeing
    Practitioners) meets that role's minimum, never added beside it (session 35)."""
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
            if len(q.roles) > 1:
                # ours over the buyer's cap for the same role ('55 for each whole-time recovery worker' against '25 per
                # Recovery Worker'), or over every cap when the buyer caps none of our roles by name
                over = [c for c in caseloads(profile.get("caseload") or "")
                        if (cap_for(c.role, q.roles) or max(n for _, n in q.roles)) < c.n]
                if not over:
                    continue
            elif not per_worker or max(per_worker) <= q.value:
                continue
            for f, template in (k.get("fill") or {}).items():
                out[f] = _fill(str(template), q, k)
            if len(q.roles) > 1:  # '25 per Recovery Worker and 12 per Registered Mental Health Practitioner': each cap
                out["caseload"] = str(_establishment_spec().get("role_caps_fill") or "{caps}").format(
                    caps=caps_text(q.roles))
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
    carry: float | None = None
    holders = max((n for r, n in our_roles(ours) if not _in(r, (load_phrasebank(PHRASEBANK).get("establishment") or {})
                                                              .get("fixed"))), default=0.0)
    short_at_cap = ("open_caseload" in by and "caseload_cap" in by
                    and holders * by["caseload_cap"].value < by["open_caseload"].value)
    sized = by.get("establishment") or (by["open_caseload"] if "open_caseload" in by and (
        (_ours_size(ours, "open_caseload") or 0) < by["open_caseload"].value or short_at_cap) else None)
    if sized is not None and sized is by.get("open_caseload") and "caseload_cap" in by and minimums:
        # the buyer's minimums at its own caps already hold its people (s22: 24.0 WTE Recovery Workers at 30, 5.0 Senior
        # Recovery Practitioners at 20, ... hold 950): the establishment is the minimums, whether or not an answer's
        # text gives the people open (the CLI, reading the tender's other questions, sized 89.2 WTE where the question
        # alone gave 65.1)
        caps = list(by["caseload_cap"].roles)
        if caps and sum(m.wte * (cap_for(m.role, caps) or 0.0) for m in minimums) >= by["open_caseload"].value:
            sized = None
            carry = by["open_caseload"].value if len(caps) > 1 else None  # the arithmetic said, nothing raised
        elif len(caps) > 1 and any(cap_for(m.role, caps) for m in minimums):
            # a cap for each role beside a minimum for each (s27 q09, FIRM: 18.0 recovery workers at 20, 6.0 registered
            # practitioners at 12, ... held 626 of the 650 people open): the minimums, with the capped role that holds
            # most raised until the roles at their caps hold the buyer's people (:func:`establishment`'s ``carry``),
            # never our current ratios scaled by the first row's cap (87.4 WTE, 15.5 team leaders)
            sized, carry = None, by["open_caseload"].value
    # the buyer's role minimums our current team does not meet ('8.0 WTE Peer Support Workers', 'a dedicated Carers
    # Lead'): this contract's establishment meets them, even where the buyer gives no size
    short = [m for m in minimums or [] if not any(same_role(m.role, r) and n + 1e-9 >= m.wte for r, n in our_roles(ours))]
    est = establishment(ours, quantities if sized is not None else [q for q in quantities if q.kind == "caseload_cap"],
                        localities, minimums, carry=carry, kinds=roles.say if roles else None) \
        if sized is not None or short or carry else None
    if est is not None and subsets:
        est.within = subsets_text(subsets)
    if est is not None:
        out.update(establishment_fields(est))
        if sized is None:  # our current team's shape and capacity, not this contract's
            drop([f for f in size if f not in establishment_fields(est)])
        if est.differs:
            out[DIFFERS] = est.differs
        words = (sized.words if sized is not None else by["open_caseload"].words if carry
                 else "; ".join(m.words for m in short))
        notes.append(Adapted("establishment", "this contract's establishment", words,
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
    buyer_total: float | None = None
    """The buyer's establishment in WTE, when it states one."""
    differs: str = ""
    """The plain sentence that says where it differs from the buyer's establishment, and why (:func:`differs`)."""
    meets: bool = False
    """Every role minimum the buyer sets is met (a role of ours of the same name at or above it): the establishment's
    own words say so (``establishment.meets_fill``), role by role."""
    carries: str = ""
    """The arithmetic of the people the roles the buyer caps hold at its caps, against the people it says are open
    (``establishment.carries``), said in the establishment's own sentence so that a panel can check it (s27 #5)."""
    added: list[tuple[str, float]] = field(default_factory=list)
    """The roles of ours the buyer's establishment does not list, when it lists one role by role (:func:`_whole`): the
    establishment's own words say them as added to the buyer's (session 34: s33 q10 put our model's 14.6 WTE in with
    the buyer's 24.0 and called the lot 'meeting every staffing minimum')."""
    within: str = ""
    """The buyer's posts within its roles ('of these posts, at least 6.0 WTE will be Welsh-speaking practitioners'):
    :func:`subsets_text`."""


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


def establishment(profile: dict, quantities: list[Quantity], localities: list[str] | None = None,
                  minimums: list[RoleMinimum] | None = None, carry: float | None = None,
                  kinds: dict[str, str] | None = None) -> Establishment | None:
    """This contract's establishment when the buyer says how big the service is: the workforce it needs
    (``establishment``), else the people open at once (``open_caseload``, over our capacity); our roles in their
    current ratios scaled to it (the ``fixed`` roles, one per service, kept), the peer share raised to the buyer's
    (``peer_share``, of the ``frontline`` roles) from the recovery workers, in tenths of a WTE that add up to the
    total; each of the buyer's role ``minimums`` met (:func:`_meet`); by the buyer's ``localities`` when it names them.
    With role minimums and no size, our current team is the base they are met from. None when the buyer gives no size
    and no minimum, or our profile has no roles to scale."""
    spec = load_phrasebank(PHRASEBANK).get("establishment") or {}
    roles = our_roles(profile)
    ours = sum(n for _, n in roles)
    if not roles or ours <= 0:
        return None
    minimums = list(minimums or [])
    # a lead the buyer names as one post ('a Clinical Lead (1.0 WTE)') is ours unscaled, as the service manager is:
    # never 'clinical leads 7.7' beside the buyer's one Clinical Lead (s22 q08, contradictions)
    single = [m.role for m in minimums if m.wte <= 1.0 and not m.role.rstrip().lower().endswith("s")]
    spec = dict(spec, fixed=list(spec.get("fixed") or []) + [r for r, _ in roles if any(same_role(x, r) for x in single)])
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
    elif minimums:
        target, why = ours, "our current team"
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
        peers = -(-int(round(share.value * frontline * 10, 6)) // 100) / 10  # the share of frontline WTE, rounded up
        if sized[peer_i][1] < peers:
            notes.append(f"peer support raised to {peers:g} WTE from {sized[peer_i][1]:g} for the buyer's "
                         f"'{share.words}' ({peers / frontline:.0%} of {frontline:g} frontline WTE), from the "
                         f"{sized[big][0]}")
            sized[big] = (sized[big][0], _tenth(sized[big][1] - (peers - sized[peer_i][1])))
            sized[peer_i] = (sized[peer_i][0], peers)
    rest = _tenth(target - sum(n for _, n in sized))
    if rest:
        sized[big] = (sized[big][0], _tenth(sized[big][1] + rest))
    cap = by.get("caseload_cap")
    caps = list(cap.roles) if cap is not None else []
    names: dict[int, str] = {}
    if minimums:
        sized, names, met = _meet(sized, roles, minimums, spec, big, target,
                                  by["open_caseload"].value if "open_caseload" in by else None, cap, kinds)
        notes += met
    held_at_caps = ""
    if carry and caps:
        capped_roles = {_role_stems(r) for r, _ in caps}
        uncapped = [m.role for m in minimums or [] if _role_stems(m.role) not in capped_roles]
        sized, held_at_caps, raised = _carry(sized, names, caps, carry, uncapped)
        notes += raised
    if need is not None and cap is not None:
        # the people the other roles the buyer caps hold ('12 per Registered Mental Health Practitioner') are not the
        # biggest role's to hold
        held = sum(n * (cap_for(names.get(i, r), caps) or 0.0) for i, (r, n) in enumerate(sized) if i != big) if caps else 0.0
        mine = cap_for(names.get(big, sized[big][0]), caps) if caps else cap.value
        need = max(0.0, (by["open_caseload"].value - held) / (mine or cap.value))
    if need and sized[big][1] + 1e-9 < need:
        notes.append(f"at the buyer's cap of {cap.value if cap else 0:g}, its {by['open_caseload'].value:,.0f} people "
                     f"need {need:.1f} WTE {sized[big][0]}; this establishment has {sized[big][1]:g}: cost the gap")
    places = [p for p in (localities or []) if p]
    by_loc, across = [], list(sized)
    if len(places) > 1:
        local = [(r, n) for r, n in sized if _in(r, spec.get("locality"))]
        across = [(r, n) for r, n in sized if not _in(r, spec.get("locality"))]
        shares = {r: _spread(n, len(places)) for r, n in local}
        by_loc = [(p, [(r, shares[r][i]) for r, _ in local]) for i, p in enumerate(places)]
        notes.append(f"the locality roles split evenly across the buyer's {len(places)} localities")
    if names:  # the buyer's names for the roles it sets a minimum for ('team leaders' for our 'locality team leaders')
        said = {sized[i][0]: name for i, name in names.items()}
        sized = [(said.get(r, r), n) for r, n in sized]
        by_loc = [(p, [(said.get(r, r), n) for r, n in rs]) for p, rs in by_loc]
        across = [(said.get(r, r), n) for r, n in across]
    total = _tenth(sum(n for _, n in sized))
    buyer_total = by["establishment"].value if "establishment" in by else None
    meets = bool(minimums) and all(any(same_role(m.role, r) and n + 1e-9 >= m.wte for r, n in sized) for m in minimums)
    beside = differs(sized, minimums, total, buyer_total, profile) if minimums else ""
    added = [(r, n) for r, n in sized if n > 0 and not any(same_role(m.role, r) for m in minimums)] \
        if minimums and _whole(minimums, buyer_total) else []
    # the establishment's own words say it meets the minimums when the sentence beside it only lists them again (a
    # repeat of its figures, which the answer may leave out: the roles would stand with no word of the minimums), or
    # when they set the buyer's roles apart from the roles we add
    return Establishment(total, sized, by_loc, across, "; ".join(notes), buyer_total=buyer_total, differs=beside,
                         meets=meets and (beside == _minimums_sentence(minimums) or bool(added)), carries=held_at_caps,
                         added=added)


def _carry(sized: list[tuple[str, float]], names: dict[int, str], caps: list[tuple[str, float]], people: float,
           uncapped: Sequence[str] = ()) -> tuple[list[tuple[str, float]], str, list[str]]:
    """``sized`` with the capped role that holds most at its cap raised, in tenths of a WTE, until the roles at the
    buyer's caps hold its ``people`` open at once (WTE times cap, summed over the roles it caps); with the sentence that
    gives that arithmetic (``establishment.carries``) and a note for the review copy."""
    out = list(sized)
    capped = [(i, c) for i, (r, _) in enumerate(out) if (c := _own_cap(names.get(i, r), caps, uncapped))]
    if not capped:
        return out, "", []
    notes = []
    held = sum(out[i][1] * c for i, c in capped)
    if held + 1e-9 < people:
        i, c = max(capped, key=lambda ic: (out[ic[0]][1] * ic[1], ic[1]))
        add = -(-int(round((people - held) / c * 1000)) // 100) / 10  # tenths, rounded up
        notes.append(f"{out[i][0]} raised to {_tenth(out[i][1] + add):g} WTE from {out[i][1]:g}: at the buyer's caps "
                     f"the roles held {held:,.0f} of its {people:,.0f} people open at once")
        out[i] = (out[i][0], _tenth(out[i][1] + add))
        held = sum(out[i][1] * c for i, c in capped)
    sums = _and([f"{names.get(i, out[i][0])} {out[i][1]:.1f} × {c:g}" for i, c in capped])
    spec = _establishment_spec()
    said = str(spec.get("carries") or "").format(held=f"{held:,.0f}", sums=sums, people=f"{people:,.0f}")
    return out, said, notes


def _meet(sized: list[tuple[str, float]], current: list[tuple[str, float]], minimums: list[RoleMinimum], spec: dict,
          big: int, target: float, open_people: float | None, cap: Quantity | None,
          kinds: dict[str, str] | None = None) -> tuple[list[tuple[str, float]], dict[int, str], list[str]]:
    """``sized`` with each of the buyer's role minimums met: our role of the same name (:func:`same_role`) raised to
    it, a role we do not have added at it; the WTE that puts on is taken back, where it can be, from what our other
    roles hold above their floor (a role the buyer sets: its minimum; ours alone: our current team's WTE; the biggest:
    the people it must hold at the buyer's cap), so that the total stays the buyer's. Returns (the roles, {index: the
    buyer's name for a role of ours it names otherwise}, notes for the review copy)."""
    tenths = [int(round(n * 10)) for _, n in sized]
    matched: dict[int, RoleMinimum] = {}
    # the closest pairs first (s21 q08: 'Ferncliffe House support workers' took our peer support workers before the
    # buyer's 'Peer support workers' could, which were then added a second time); the same matches whichever answer
    # of the tender reads them
    pairs = [(_closeness(m.role, r), m.role, i, m) for m in minimums for i, (r, _) in enumerate(sized)
             if same_role(m.role, r)]
    # then a role of ours the buyer calls by another title of its kind (session 35: our recovery workers are its
    # Wellbeing Practitioners, never added beside them), its largest row first ('(mainland)' before '(island-based)')
    for i, (r, _) in enumerate(sized):
        title = (kinds or {}).get(_singular(r.lower()))
        pairs += [(-1000 + int(round(m.wte * 10)), m.role, i, m) for m in minimums
                  if title and not same_role(m.role, r) and same_role(m.role, title)]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, _, i, m in pairs:
        if i not in matched and m not in matched.values():
            matched[i] = m
    notes = []
    out = [r for r, _ in sized]
    floors = []
    for i, (r, n) in enumerate(sized):
        kept = _in(r, spec.get("fixed"))
        if kept and i not in matched:
            floors.append(tenths[i])
        elif i in matched:
            want = int(round(matched[i].wte * 10))
            if tenths[i] < want:
                # a kept role too (s27 q09, FIRM after the measurement: our data officer 0.5 was named the buyer's
                # 'Data and Performance Officer', one post at 1.0, and kept at 0.5 beside 'every minimum met')
                notes.append(f"{r} raised to {matched[i].wte:g} WTE from {n:g} for the buyer's '{matched[i].words}'")
                tenths[i] = want
            floors.append(tenths[i] if kept else want)  # a kept role above the minimum stays as it is
        else:
            floors.append(min(tenths[i], int(round(current[i][1] * 10))))
    added = sorted((m for m in minimums if m not in matched.values()), key=lambda m: (-m.wte, m.role))
    for m in added:
        out.append(m.role)
        tenths.append(int(round(m.wte * 10)))
        floors.append(tenths[-1])
        notes.append(f"{m.role} {m.wte:g} WTE added for the buyer's '{m.words}'" + (" (one post)" if m.named else ""))
    if open_people is not None and cap is not None:
        caps = list(cap.roles)
        held = sum(floors[j] / 10 * (cap_for(out[j], caps) or 0.0) for j in range(len(out)) if j != big) if caps else 0.0
        mine = (cap_for(out[big], caps) if caps else None) or cap.value
        if mine:
            floors[big] = max(floors[big], min(tenths[big], -(-int(round((open_people - held) / mine * 100)) // 10)))
    over = sum(tenths) - int(round(target * 10))
    taken = 0
    while over > 0:
        spare = [(tenths[i] - floors[i], i) for i in range(len(out)) if tenths[i] > floors[i]]
        if not spare:
            break
        _, i = max(spare)
        tenths[i] -= 1
        over -= 1
        taken += 1
    if taken:
        notes.append(f"{taken / 10:g} WTE of that taken from the roles above their floor, to keep the buyer's total")
    if over > 0:
        notes.append(f"the total is {over / 10:g} WTE above the buyer's {target:g} WTE: cost it")
    names = {i: m.role for i, m in matched.items() if _role_stems(m.role) != _role_stems(sized[i][0])}
    return [(r, t / 10) for r, t in zip(out, tenths)], names, notes


def _purposes(profile: dict) -> dict[str, str]:
    """What each role of ours is for, from the service profile's ``role_purposes`` ('clinical leads: clinical review
    of step-ups and clinical supervision; housing and money adviser: housing and money advice')."""
    out = {}
    for part in re.split(r";\s*", profile.get("role_purposes") or ""):
        role, _, what = part.partition(":")
        if role.strip() and what.strip():
            out[role.strip().lower()] = what.strip().rstrip(".")
    return out


def differs(roles: list[tuple[str, float]], minimums: list[RoleMinimum], total: float, buyer_total: float | None,
            profile: dict) -> str:
    """The one plain sentence an answer gives beside the establishment it offers: where it differs from the buyer's,
    and why (``establishment.differs`` in the phrasebank). When the buyer sets out its establishment role by role (four
    roles or more, or most of its total), our roles it does not list are said with what each is for (the profile's
    ``role_purposes``), and its roles we staff above its figure; else the minimums it sets are said as met."""
    spec = (_establishment_spec().get("differs") or {})
    if not _whole(minimums, buyer_total):
        return _minimums_sentence(minimums)
    # the buyer's table totals its minimums when it states no total of its own (s28-s33: a 'Total' row, or none)
    buyer_total = buyer_total if buyer_total is not None else _tenth(sum(m.wte for m in minimums))
    why = _purposes(profile)
    extras, above = [], []
    for r, n in roles:
        theirs = [m for m in minimums if same_role(m.role, r)]
        if not theirs:
            what = why.get(r.lower()) or why.get(_singular_role(r).lower())
            extras.append(f"{r} ({n:.1f} WTE" + (f", for {what})" if what else ")"))
        elif n > max(m.wte for m in theirs) + 1e-9:
            above.append(f"{r} at {n:.1f} WTE against the specification's {max(m.wte for m in theirs):.1f}")
    kind = "both" if extras and above else "extras" if extras else "above" if above else "same"
    return str(spec.get(kind) or "").format(extras=_and(extras) if extras else "", above=_and(above) if above else "",
                                            total=f"{total:.1f}", buyer_total=f"{buyer_total:.1f}")


def _whole(minimums: list[RoleMinimum], buyer_total: float | None) -> bool:
    """The buyer sets out its establishment role by role (four roles or more, or most of the total it states), not a
    minimum or two: the roles of ours it does not list are additions to it, and said so."""
    listed = sum(m.wte for m in minimums)
    return len(minimums) >= 4 or (buyer_total is not None and listed >= 0.75 * buyer_total)


def _minimums_sentence(minimums: list[RoleMinimum]) -> str:
    mins = _and([f"{m.role} {m.wte:.1f} WTE" for m in sorted(minimums, key=lambda m: (-m.wte, m.role))])
    return str((_establishment_spec().get("differs") or {}).get("minimums") or "").format(mins=mins)


def _roles_text(roles: list[tuple[str, float]]) -> str:
    kept = [(r, n) for r, n in roles if n > 0]
    # a figure just before a role named by its place ('practitioners 2.0, Alder Court House manager') reads as a
    # street address ('2.0, Alder Court'; s22 q08's establishment was cut by the privacy check): the role named by its
    # place takes its article, as a writer would, rather than one figure of the list taking a stray unit ('2.0 WTE,')
    # (a role opening with an initialism is no place: 'DBI Level 2 Practitioner 3.0', never 'the DBI ...'; s34 q10)
    items = [("the " if i and r[:1].isupper() and not _initialism(r.split()[0]) else "") + f"{r} {n:.1f}"
             for i, (r, n) in enumerate(kept)]
    return _and(items) if items else ""


def _initialism(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def minimums_stated(minimums: list[RoleMinimum], text: str) -> bool:
    """``text`` states a post count of at least the buyer's minimum for every role of ``minimums``, in the form
    :func:`_roles_text` writes our establishment ('peer support workers 6.0'): the buyer's role minimums said back
    beside it add nothing (session 33: the commitment listing them crowded the caseload caps out of the part)."""
    if not minimums:
        return False
    for m in minimums:
        found = re.search(rf"\b{re.escape(m.role)}\s+(\d+(?:\.\d+)?)\b", text, re.I)
        if not found or float(found.group(1)) < m.wte:
            return False
    return True


def establishment_fields(est: Establishment) -> dict[str, str]:
    """The profile fields the blocks fill with this contract's establishment (``team_wte``, ``team_by_locality``)."""
    spec = _establishment_spec()
    if est.added:
        # the buyer's roles and the roles we add, each with its sum, adding up to the total (session 34)
        theirs = [(r, n) for r, n in est.roles if (r, n) not in est.added]
        roles = str(spec.get("split_fill") or "{theirs}; {ours}").format(
            n=_count_word(len(theirs)) + (" role" if len(theirs) == 1 else " roles"), meets=str(spec.get("split_meets") or "") if est.meets else "",
            theirs_wte=f"{_tenth(sum(n for _, n in theirs)):.1f}", theirs=_roles_text(theirs),
            ours_wte=f"{_tenth(sum(n for _, n in est.added)):.1f}", ours=_roles_text(est.added))
        head = f"{est.total:.1f} whole-time-equivalent posts for this contract: {roles}"
    else:
        how = str(spec.get("meets_fill") or "") if est.meets else ""
        head = f"{est.total:.1f} whole-time-equivalent posts for this contract{how}: {_roles_text(est.roles)}"
    # the posts within the buyer's roles in a sentence of their own after the roles and what they hold (the one
    # sentence ran past 100 words in s33 q10's rendered answer)
    within = f". {est.within[:1].upper()}{est.within[1:]}" if est.within else ""
    out = {"team_wte": head + (f"; {est.carries}" if est.carries else "") + within}
    if est.by_locality:
        parts = [f"{p}: {_roles_text(rs)}" for p, rs in est.by_locality]
        if est.across:
            parts.append(f"across all {len(est.by_locality)} localities: {_roles_text(est.across)}")
        out["team_by_locality"] = "; ".join(parts)
    return out


def _count_word(n: int) -> str:
    """'seven' for 7, up to twelve; the figure above."""
    return _count_words().get(n, str(n)) if n <= 12 else str(n)


@functools.lru_cache(maxsize=1)
def _count_words() -> dict[int, str]:
    """{7: 'seven', ...}, built once (it was built again on every call; s34 re-read)."""
    return {int(v): w for w, v in NUMBER_OR_WORD_VALUES.items() if float(v).is_integer() and "-" not in w}


def locality_names(text: str) -> list[str]:
    """The localities the buyer names after a count ('each of the three localities: Wexmoor North, Wexmoor South and
    Tarnside'), in its order; none when it names none."""
    pat = (load_phrasebank(PHRASEBANK).get("establishment") or {}).get("localities")
    m = re.search(str(pat), text or "") if pat else None
    if not m:
        return []
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("names").strip())
    return [" ".join(n.split()) for n in names if n.strip() and n.strip()[0].isupper() and len(n.split()) <= 4]


# ---------------------------------------------------------------- the buyer's roles: minimums and caseload caps


def _establishment_spec() -> dict:
    return load_phrasebank(PHRASEBANK).get("establishment") or {}


@functools.lru_cache(maxsize=8)
def _role_pattern(heads: tuple[str, ...]) -> str:
    """A role by its structure: up to five words (and 'and' between them) ending in a role's head word."""
    alts = "|".join(re.escape(h).replace(r"\-", "[- ]?") for h in sorted(heads, key=len, reverse=True))
    return rf"(?:[A-Za-z][\w'’-]*\s+(?:and\s+)?){{0,5}}?(?:{alts})(?:s|es)?\b"


def _role_re() -> str:
    return _role_pattern(tuple(str(h) for h in _establishment_spec().get("role_heads") or []))


def role_name(words: str) -> str:
    """A role as the answer writes it: lower case but for initialisms ('IPS employment specialists') and the name of
    a place it opens with ('Ferncliffe House support workers'), no article."""
    out = []
    place = len(place_name_at_start(words).split())
    split = " ".join((words or "").split()).split()
    # a role the buyer writes partly in lower case ('Willow Court support staff'): its capitalised words are a name,
    # kept as written (dev s24 q06 said 'willow court support staff'); a role in title case is lowered whole
    named = any(w[:1].islower() for w in split if w.lower() not in ("and", "of", "the", "a", "an", "for"))
    for i, w in enumerate(split):
        # a grade or level before its number keeps its capital ('DBI Level 2 Practitioner', s34 q10 said 'level 2')
        graded = w[:1].isupper() and i + 1 < len(split) and split[i + 1][:1].isdigit() and i > 0
        out.append(w if sum(c.isupper() for c in w) >= 2 or i < place or graded or (named and w[:1].isupper() and i)
                   or (named and i == 0 and len(split) > 1 and split[1][:1].isupper()
                                                          and w.lower() not in ("the", "a", "an")) else w.lower())
    while out and out[0] in ("a", "an", "the", "of"):
        out = out[1:]
    return " ".join(out)


def _role_stems(role: str) -> tuple[str, frozenset]:
    """(head, the other words), as stems: 'Administration and Data Officers' -> ('officer', {administration, data})."""
    words = [w for w in re.findall(r"[a-z][a-z'’-]*", (role or "").lower()) if w not in ("and", "of", "the", "a", "an")]
    if not words:
        return "", frozenset()
    head = words[-1]
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return stem(head), frozenset(stem(w) for w in words[:-1])


def same_role(a: str, b: str) -> bool:
    """Two names of one role: the same head word, and the other words of one are the other's, or they share one
    ('Team Leaders' and 'locality team leaders'; 'Administration and Data Officers' and 'data and quality officer'),
    never two leads of different things ('Carers Lead', 'clinical lead')."""
    ha, ma = _role_stems(a)
    hb, mb = _role_stems(b)
    if ha and ha != hb and {ha, hb} == {stem("lead"), stem("manager")} and ma and ma == mb:
        return True  # the one post that runs a thing, by either head: 'Service Lead' and 'service manager' (s22 q08)
    if not ha or ha != hb:
        return False
    return ma <= mb or mb <= ma or bool(ma & mb)


def closeness(a: str, b: str) -> int:
    """How close two names of one role are (:func:`same_role`): higher is closer, 100 for the same words."""
    return _closeness(a, b)


def _closeness(a: str, b: str) -> int:
    ha, ma = _role_stems(a)
    hb, mb = _role_stems(b)
    return 100 if ma == mb else 10 * len(ma & mb) - len(ma ^ mb)


@dataclass
class RoleMinimum:
    role: str
    """The buyer's name for the role, as the answer writes it ('peer support workers', 'carers lead')."""
    wte: float
    words: str
    """The buyer's words matched ('8.0 WTE Peer Support Workers')."""
    sentence: str
    named: bool = False
    """Named without a figure ('a dedicated Carers Lead'): one post."""


def staff_roles(text: str) -> frozenset[tuple[str, frozenset]]:
    """The roles the buyer sets a minimum for (:func:`role_minimums`: a staffing table's rows, a list, prose), as
    :func:`is_role` compares them."""
    return frozenset(_role_stems(r.role) for r in role_minimums(text))


def is_role(name: str, roles: frozenset[tuple[str, frozenset]]) -> bool:
    """``name`` ('the Alder Court Support Workers') is one of the buyer's staff roles (:func:`staff_roles`): our own
    staff group in this contract, never a partner we work with (s22 q08, spent: 'We will work with the Alder Court
    Support Workers ... our named link attends its meetings', FIRM)."""
    head, words = _role_stems(re.sub(r"^(?:the|a|an)\s+", "", name or "", flags=re.I))
    if (head, words) in roles:
        return True
    # the team of a staff group the buyer sets: 'the Alder Court team' beside its 'Alder Court support workers' and
    # 'Alder Court registered mental health nurses' (s23 dev q08: the staff who transfer to us, written as a partner)
    return head == stem("team") and bool(words) and any(words <= theirs for _, theirs in roles)


def role_minimums(text: str) -> list[RoleMinimum]:
    """The buyer's minimum WTE for each role it names in ``text`` ('8.0 WTE Peer Support Workers (minimum)', 'at least
    2 WTE employment specialists', 'Carers Lead: 1.0 WTE', 'a dedicated Physical Health Lead'), one per role (the
    largest, wherever it is stated, so that every answer of a tender reads the same), in the order first stated. A
    sentence about staff now (the incumbent's, those who transfer) states none."""
    spec = _establishment_spec().get("role_minimum") or {}
    role = _role_re()
    nots = [str(w) for w in spec.get("not") or []]
    per = re.compile(r"\b(?:" + "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in spec.get("per") or ["(?!)"])
                     + r")\s*$", re.I)
    found: dict[tuple, RoleMinimum] = {}
    # a table's rows are read whole (its cells are sentences of their own below)
    rows = [line for line in (text or "").splitlines() if line.count("|") >= 2]
    for s in rows + list(_sentences(text)):
        is_row = s in rows
        s = re.sub(r"\*\*|__", "", s)  # a role in bold ('A **Lived Experience Lead** (1.0 WTE)': s26 q08, unread)
        if any(re.search(rf"\b{re.escape(w)}\b", s, re.I) for w in nots):
            continue
        hits: list[tuple[int, RoleMinimum]] = []
        for kind in (("row",) if is_row else ("patterns", "first", "named")):
            for pat in spec.get(kind) or []:
                for m in re.finditer(str(pat).replace("{role}", role), s, re.I | re.M):
                    if kind != "named" and per.search(s[:m.start()]):
                        continue  # '25 people per 1.0 WTE recovery worker': a caseload's unit, not a post
                    name = role_name(re.sub(r"\s*\([^)]*\)?\s*$", "", m.group("role")))
                    if not name or _is_subset(s, m.start(), m.group("role")):
                        continue  # 'including the 6.0 WTE Welsh-speaking practitioners': posts of the roles above
                    wte = float(m.group("n")) if kind != "named" else 1.0
                    hits.append((m.start(), RoleMinimum(name, wte, " ".join(m.group(0).split()), s, kind == "named")))
        for _, r in sorted(hits, key=lambda h: h[0]):
            key = _role_stems(r.role)
            was = found.get(key)
            if was is None:
                found[key] = r
            elif r.wte > was.wte and not r.named:
                found[key] = RoleMinimum(was.role, r.wte, r.words, r.sentence)
    # the roles of a table read by its columns, a list's items, prose that names the role first (s21 q08: 'Service
    # Manager (named lead) | 1.0 WTE', 'Clinical Lead: registered mental health nurse ... | at least 1.0 WTE')
    for row in staffing(text):
        key = _role_stems(row.role)
        was = found.get(key)
        if row.wte is None:
            continue
        if was is None:
            found[key] = RoleMinimum(row.role, row.wte, row.words, row.words)
        elif row.wte > was.wte:
            found[key] = RoleMinimum(was.role, row.wte, row.words, row.words)
    return list(found.values())


def _subset_spec() -> dict:
    return _establishment_spec().get("subset") or {}


def _subset_markers() -> str:
    """The alternation of ``establishment.subset.markers`` ('including', 'of which', ...), each word gap any spaces:
    built once per list (it was built again for every match; review, session 34)."""
    return _markers_alt(tuple(str(w) for w in _subset_spec().get("markers") or []))


@functools.lru_cache(maxsize=8)
def _markers_alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _is_subset(sentence: str, at: int, role: str) -> bool:
    """The posts a buyer's words name at ``at`` of ``sentence`` are some of the posts of its roles, not more posts: after
    a word that takes a part of what comes before ('Peer Support Workers, including a named Peer Support Lead (1.0
    WTE)', 'including the 6.0 WTE Welsh-speaking practitioners'), or a role named by a quality of some of its holders
    ('6.0 WTE Welsh-speaking practitioners', 'bilingual support workers'): ``establishment.subset`` in the phrasebank.
    Session 34 (s33 q10): 6.0 WTE Welsh-speaking practitioners were added to the establishment as a role of their own,
    40.6 WTE against the buyer's 24.0."""
    spec = _subset_spec()
    markers = _subset_markers()
    if markers and re.search(rf"\b(?:{markers})\s+(?:the\s+|a\s+|an\s+|at\s+least\s+)?$", sentence[:at], re.I):
        return True
    first = re.sub(r"^(?:the|a|an|one)\s+", "", " ".join((role or "").split()).lower())
    quality = next((str(q).lower() for q in spec.get("qualifiers") or [] if first.startswith(str(q).lower() + " ")), "")
    if not quality:
        return False
    # posts named by a quality of some of their holders are a subset only of a role the sentence names too ('10.0 WTE
    # Wellbeing Practitioners ... 6.0 WTE Welsh-speaking practitioners'); alone, or beside other roles only ('3.0 WTE
    # Bilingual Support Workers' beside recovery workers), they are a role of their own (review, session 34)
    base = first[len(quality):].strip()
    own = sentence.find(role, at)
    own_end = own + len(role) if own >= 0 else at
    return any((m.end() <= at or m.start() >= own_end) and same_role(base, m.group(0))
               for m in re.finditer(_role_re(), sentence, re.I))


@dataclass
class Subset:
    """Posts the buyer requires within its roles ('6.0 WTE Welsh-speaking practitioners', a column 'Of which
    Welsh-speaking'): said as part of the establishment, never added to it."""
    words: str
    """As the answer says it: 'at least 6.0 WTE will be Welsh-speaking practitioners'."""
    wte: float
    role: str = ""
    """The buyer's role the posts are of, for a column's cell; '' for words that name none."""
    quality: str = ""
    """What the column's posts are, from its header without its subset word ('Welsh-speaking (Level 3 or above)')."""


def role_subsets(text: str) -> list[Subset]:
    """The posts the buyer requires within its roles, in its order: its words (:func:`_is_subset`: 'including the 6.0
    WTE Welsh-speaking practitioners'), each once, then a staffing table's subset column, cell by cell ('| Wellbeing
    Practitioners | 10.0 | 3.0 |' under 'Of which Welsh-speaking (Level 3 or above)')."""
    out: list[Subset] = []
    said: set[str] = set()
    role = _role_re()
    pats = [str(p).replace("{role}", role) for p in (_establishment_spec().get("role_minimum") or {}).get("patterns") or []]
    for s in _sentences(text):
        s = re.sub(r"\*\*|__", "", s)
        for pat in pats:
            for m in re.finditer(pat, s, re.I):
                if not _is_subset(s, m.start(), m.group("role")):
                    continue
                words = re.sub(r"^(?:the|a|an|one)\s+", "", " ".join(m.group("role").split()), flags=re.I)
                words = re.sub(r"\s*\([^)]*\)?\s*$", "", words)
                if words.lower() in said:
                    continue
                said.add(words.lower())
                if re.fullmatch(r"(?:a|an|one)\s+", s[m.start():m.start("role")], re.I):
                    words = ("an " if words[:1].lower() in "aeiou" else "a ") + words  # 'a named Peer Support Lead'
                out.append(Subset(f"at least {float(m.group('n')):.1f} WTE will be {words}", float(m.group("n"))))
    # a minimum cell that gives some of its posts ('at least 18.0 WTE, of whom at least 4.0 WTE based in the South and
    # West', s27 q09)
    markers = _subset_markers()
    for r in _table_staffing(text) if markers else []:
        part = re.search(rf"\b(?:{markers})\s+(?:at\s+least\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:WTE|FTE)\s+(?P<what>[^;|]+?)\s*(?:[;|]|$)",
                         r.words, re.I)
        if part and f"{r.role} {part.group('what')}".lower() not in said:
            said.add(f"{r.role} {part.group('what')}".lower())
            out.append(Subset(f"at least {float(part.group('n')):.1f} WTE of the {r.role} will be {part.group('what')}",
                              float(part.group("n"))))
    for row_role, wte, quality in dict.fromkeys(_table_subsets(text)):  # a table read twice (the tender's whole text)
        out.append(Subset(f"{wte:.1f} WTE of the {row_role}", wte, row_role, quality))
    return out


def subsets_text(subsets: list[Subset]) -> str:
    """The establishment's clause on the buyer's posts within its roles: 'of these posts, at least 6.0 WTE will be
    Welsh-speaking practitioners; by role, 2.0 WTE of the senior wellbeing practitioners and 3.0 WTE of the wellbeing
    practitioners will be Welsh-speaking (Level 3 or above)'."""
    said = [x.words for x in subsets if not x.role]
    parts = [_and(said)] if said else []
    for quality in dict.fromkeys(x.quality for x in subsets if x.role):
        cells = [x.words for x in subsets if x.role and x.quality == quality]
        parts.append(("by role, " if said else "") + f"{_and(cells)} will be {quality}")
    return ("of these posts, " + "; ".join(parts)) if parts else ""


def role_caps(sentence: str) -> list[tuple[str, float]]:
    """The caseload cap for each role a buyer's sentence names ('Maximum caseload of 25 per Recovery Worker and 12 per
    Registered Mental Health Practitioner' -> [('recovery worker', 25), ('registered mental health practitioner', 12)])."""
    pat = str(_establishment_spec().get("role_cap") or r"(?!)").replace("{role}", _role_re())
    return [(role_name(m.group("role")), float(m.group("n"))) for m in re.finditer(pat, sentence or "", re.I)]


def cap_for(role: str, caps: list[tuple[str, float]]) -> float | None:
    """The lowest of the buyer's caps for ``role`` (ours: 'practitioner', 'recovery worker'), None when it caps none."""
    fits = [n for r, n in caps if same_role(r, role)]
    return min(fits) if fits else None


def _own_cap(role: str, caps: list[tuple[str, float]], uncapped: Sequence[str] = ()) -> float | None:
    """The buyer's cap for the role it names closest to ``role`` (s21: 'peer support workers' take the cap of 12 set for
    'Peer support workers', not the 4 set for 'Ferncliffe House support workers', which :func:`same_role` also
    matches); None when it caps none, or when a role the buyer names with no cap is closer (s31: its 'Carers Support
    Worker' row says 'Not applicable', and the carers support worker had taken the 20 set for 'Peer Support Worker')."""
    fits = [(_closeness(r, role), -n, n) for r, n in caps if same_role(r, role)]
    if not fits:
        return None
    best = max(fits)
    if any(same_role(u, role) and _closeness(u, role) > best[0] for u in uncapped):
        return None
    return best[2]


def caps_text(caps: list[tuple[str, float]]) -> str:
    """'25 people for each recovery worker and 12 for each registered mental health practitioner'."""
    items = [f"{n:g}{' people' if i == 0 else ''} for each {_singular_role(r)}" for i, (r, n) in enumerate(caps)]
    return _and(items)


def _singular_role(role: str) -> str:
    """One of a role the buyer names in the plural, its capitals kept: 'Health and Wellbeing Coaches' -> 'Health and
    Wellbeing Coach' (s26 q08 said 'coache': the plural's '-es' after ch, sh, s, x or z goes whole)."""
    words = role.split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss") and not words[-1].isupper():
        last = words[-1]
        words[-1] = last[:-2] if re.search(r"(?:ch|sh|ss|x|z)es$", last) else last[:-1]
    return " ".join(words)


def hold_caps(text: str, caps: list[tuple[str, float]]) -> tuple[str, list[tuple[str, str]]]:
    """``text`` (ours) with each caseload it gives a role the buyer caps, above the buyer's cap for that role, said at
    the buyer's cap ('up to 25 people for each practitioner' against the buyer's '12 per Registered Mental Health
    Practitioner' -> 'up to 12 people ...'); [(ours, the buyer's)] as written. A lower one of ours is kept."""
    if not caps or not text:
        return text, []
    changed = []
    out = text
    for c in caseloads(text):
        cap = cap_for(c.role, caps)
        if cap is None or c.n <= cap:
            continue
        at = out.find(c.text)
        if at < 0:
            continue
        words = _number_words(c.n)
        seg = re.sub(rf"(?<![\w.])(?:{words})(?![\w.])", f"{cap:g}", c.text, count=1, flags=re.I)
        if seg == c.text:
            continue
        out = out[:at] + seg + out[at + len(c.text):]
        changed.append((c.text, seg))
    return out, changed


def _number_words(n: float) -> str:
    """The ways ``n`` may be written in a caseload: '55', '55.0', 'fifty-five'."""
    forms = [f"{n:g}", f"{n:.1f}"] + [re.escape(w).replace(r"\-", "[- ]") for w, v in NUMBER_OR_WORD_VALUES.items()
                                      if v == n]
    return "|".join(dict.fromkeys(forms))


# ---------------------------------------------------------------- the buyer's staffing, read by its structure


@dataclass
class StaffRow:
    """One role of the buyer's minimum staffing, as its table row, list item or clause gives it."""
    role: str
    """As the answer writes it ('recovery workers', 'clinical lead')."""
    wte: float | None
    """Its minimum WTE; None when the buyer sets none (a cap alone)."""
    cap: float | None
    """The people one whole-time worker of the role may hold at most; None when it caps none."""
    words: str
    """The buyer's row, item or clause as read."""
    title: str = ""
    """The role as the buyer writes it, its capitals kept and its brackets left off ('DBI Level 2 Practitioner',
    'Wellbeing Practitioner' for both '(mainland)' and '(island-based)'): the name an answer that speaks in the buyer's
    roles uses (session 35)."""
    variant: bool = False
    """One of two or more rows of one role that the buyer's brackets tell apart, not its main row ('(island-based)'
    beside '(mainland)', the smaller)."""


def _staffing_spec() -> dict:
    return _establishment_spec().get("staffing") or {}



def _column_kind(header: str, columns: dict) -> str:
    """The kind of a table column by its header's words ('Caseload cap' -> 'cap', 'Minimum staffing' -> 'minimum',
    'Role' -> 'role'), the first kind of ``columns`` whose words it has; '' for none."""
    low = " ".join(re.findall(r"[a-z][a-z-]*", header.lower()))
    for kind, words in columns.items():
        # a column that counts some of its row's posts says so first ('Of which Welsh-speaking WTE'); the words
        # further in qualify another kind's column ('Caseload cap (including bank staff)' is a cap)
        at = "^" if kind == "subset" else r"\b"
        if any(re.search(rf"{at}{re.escape(str(w))}\b", low) for w in words or []):
            return str(kind)
    return ""


def _role_cell(cell: str, column: bool = False) -> str:
    """The role a cell, list item or clause opens with, up to the first of ``role_ends`` ('Clinical Lead: registered
    mental health nurse ...' -> 'clinical lead'); '' when what is left does not end in a role's head word, unless
    ``column``: a cell of a column the buyer heads as the roles ('Role', 'Post') names one whatever its head word
    ('Recovery Coaches'), but a total row."""
    ends = str(_staffing_spec().get("role_ends") or r"(?!)")
    whole = " ".join((cell or "").replace("*", "").split())
    # a list of groups inside the role's own name stays whole: 'Gypsy, Roma and Traveller Outreach Worker' (s26 q08
    # was read as 'gypsy'), when the whole cell is a role and nothing follows its head word
    groups = re.fullmatch(r"[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)+,?\s+and\s+(?P<last>[A-Z][\w'’ -]*)", whole)
    listed = groups is not None and (column or bool(re.fullmatch(_role_re(), groups.group("last"), re.I)))
    head = whole if listed else re.split(ends, whole, maxsplit=1)[0].strip()
    # ('Referral Coordinators / Administrators': one post of either name, s33 q10)
    # a grade or level inside the name is part of it ('DBI Level 2 Practitioner', s34 q10 was dropped)
    named = column and re.fullmatch(r"[A-Za-z][A-Za-z0-9'’ /-]*", head or "") and len(head.split()) <= 6 and not re.match(
        r"(?i)(?:sub-?)?totals?\b", head)
    if not head or len(head.split()) > 8 or not (listed or named or re.fullmatch(_role_re(), head, re.I)):
        return ""
    return head if listed else role_name(head)  # the groups a name lists keep the buyer's capitals


def _wte_in(cell: str, bare: bool = False) -> float | None:
    m = re.search(r"(?P<n>\d+(?:\.\d+)?)\s*(?:WTE|FTE|whole[- ]time)", cell or "", re.I)
    if m is None and bare:  # a column headed 'WTE': its figure alone
        m = re.match(r"\s*(?:at\s+least\s+|minimum\s+(?:of\s+)?)?(?P<n>\d+(?:\.\d+)?)\b(?!\s*%)", cell or "", re.I)
    return float(m.group("n")) if m else None


def _cap_in(words: str, cell: bool = False) -> float | None:
    """A caseload cap in ``words``: in a cap column's ``cell``, its first figure that is not a WTE; in an item or a
    clause, a figure of people said as a cap ('no more than 25 people', 'a caseload of 25')."""
    spec = _staffing_spec()
    if cell and any(re.search(rf"\b{re.escape(str(w))}\b", words or "", re.I) for w in spec.get("no_caseload") or []):
        return None
    m = re.search(str(spec.get("cap_cell" if cell else "cap") or r"(?!)"), words or "", re.I)
    return float(m.group("n")) if m else None


def _staff_tables(text: str):
    """(column kinds, header cells, body rows' cells) of each table of ``text`` whose header names a minimum or a cap
    column (:func:`_column_kind`), each table split once for all its readers (:func:`role_subsets` split every table
    twice, and :func:`role_minimums` again; s34 re-read)."""
    return _staff_tables_of(text or "", id(_staffing_spec()))


@functools.lru_cache(maxsize=8)
def _staff_tables_of(text: str, _spec: int) -> tuple:
    return tuple(_split_staff_tables(text))


def _split_staff_tables(text: str):
    columns = _staffing_spec().get("columns") or {}
    lines = (text or "").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].count("|") < 2:
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].count("|") >= 2:
            block.append(lines[i])
            i += 1
        heads = table_cells(block[0])
        kinds = [_column_kind(h, columns) for h in heads]
        if not {"minimum", "cap"} & set(kinds):
            continue
        rows = [(table_cells(line), line) for line in block[1:]]
        yield kinds, heads, [(c, line) for c, line in rows if not all(re.fullmatch(r":?-+:?", x) for x in c if x)]


def _table_staffing(text: str) -> list[StaffRow]:
    """The rows of each table of ``text`` whose header names a role column and a minimum or cap column (in any order:
    'Role | Minimum staffing | Caseload cap', 'Caseload cap | Post | WTE'). A column that qualifies the row ('Of which
    Welsh-speaking', 'Your proposed WTE', 'Band') is no minimum, whatever its header's other words."""
    out: list[StaffRow] = []
    for kinds, _, rows in _staff_tables(text):
        role_at = kinds.index("role") if "role" in kinds else 0
        mins = [j for j, k in enumerate(kinds) if k == "minimum"]
        caps = [j for j, k in enumerate(kinds) if k == "cap"]
        named = [_role_cell(cells[role_at], column="role" in kinds) if len(cells) > role_at else ""
                 for cells, _ in rows]
        read: list[StaffRow] = []
        for (cells, line), role in zip(rows, named):
            if not role:
                continue
            shared = sum(_role_stems(other) == _role_stems(role) for other in named) > 1
            title = _title_cell(cells[role_at])
            if shared:
                role = _qualified(cells[role_at], role)
            wte = next((w for j in mins if j < len(cells) for w in [_wte_in(cells[j], bare=True)] if w is not None), None)
            cap = next((c for j in caps if j < len(cells) for c in [_cap_in(cells[j], cell=True)] if c is not None), None)
            if wte is not None or cap is not None:
                read.append(StaffRow(role, wte, cap, " ".join(line.split()), title))
        # of the rows of one role the buyer's brackets tell apart, the largest is the main one; the others its variants
        for r in read:
            same = [o for o in read if o.title and o.title.lower() == r.title.lower()]
            main = max(same, key=lambda o: o.wte or 0.0) if len(same) > 1 else r
            r.variant = main is not r
        out += read
    return out


def _title_cell(cell: str) -> str:
    """A role cell as the buyer writes it, up to its first bracket or ``role_ends`` ('Wellbeing Practitioner
    (island-based)' -> 'Wellbeing Practitioner'; '**Team Leader**' -> 'Team Leader')."""
    whole = " ".join((cell or "").replace("*", "").split())
    head = re.split(str(_staffing_spec().get("role_ends") or r"(?!)"), whole, maxsplit=1)[0].strip()
    return re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.I)


def _qualified(cell: str, role: str) -> str:
    """The role of a row whose role another row of its table shares, with the words the buyer puts in brackets after
    it, which tell the two apart ('Wellbeing Practitioner (island-based)' -> 'island-based wellbeing practitioner',
    beside '(mainland)': s34 q10 read both as one role and lost the island posts); the role alone when it has none."""
    m = re.search(r"\(\s*(?P<q>[A-Za-z][A-Za-z'’ -]{0,30}?)\s*\)\s*$", " ".join((cell or "").replace("*", "").split()))
    if m is None or len(m.group("q").split()) > 4:
        return role
    words = m.group("q").split()
    # a place's name keeps its capitals ('Isle of Skye team'); a plain quality is lowered ('Mainland' -> 'mainland')
    named = any(w[:1].isupper() for w in words[1:])
    return f"{m.group('q') if named else m.group('q').lower()} {role}"


def _table_subsets(text: str) -> list[tuple[str, float, str]]:
    """(role, WTE, what the posts are) for each figure in a staffing table's subset column ('Of which Welsh-speaking
    (Level 3 or above)': '| Wellbeing Practitioners | 10.0 | 3.0 |' -> ('wellbeing practitioners', 3.0, 'Welsh-speaking
    (Level 3 or above)')); a cell with no figure ('Desirable') names none."""
    markers = _subset_markers()
    out = []
    for kinds, heads, rows in _staff_tables(text):
        role_at = kinds.index("role") if "role" in kinds else 0
        for j, k in enumerate(kinds):
            if k != "subset":
                continue
            quality = re.sub(rf"^\s*(?:{markers})\s+" if markers else r"(?!)", "", heads[j], flags=re.I).strip()
            quality = re.sub(r"\s*\b(?:WTE|FTE)\b\s*", " ", quality).strip() or heads[j]
            for cells, _ in rows:
                if len(cells) <= max(j, role_at):
                    continue
                role = _role_cell(cells[role_at], column="role" in kinds)
                wte = _wte_in(cells[j], bare=True)
                if role and wte:
                    out.append((role, wte, quality))
    return out


_ITEM = re.compile(r"^\s*(?:[-•▪*]|\d{1,2}[.)]|\(?[a-z]{1,3}\))\s+(?P<body>.+)$")


def _written_staffing(text: str) -> list[StaffRow]:
    """The roles of list items and prose: an item or a ';' clause that opens with a role then its minimum
    ('- Recovery workers: at least 14.0 WTE, each holding no more than 25 people'), and a clause that gives a minimum
    then the role ('at least 6.0 WTE peer support workers, with caseloads of no more than 12'); the cap is read from
    the words of that role only, up to the next role's minimum."""
    spec = _establishment_spec().get("role_minimum") or {}
    first = str(_staffing_spec().get("role_first") or r"(?!)").replace("{role}", _role_re())
    after = [str(p).replace("{role}", _role_re()) for p in spec.get("patterns") or []]
    per = re.compile(r"\b(?:" + "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in spec.get("per") or ["(?!)"])
                     + r")\s*$", re.I)
    pieces: list[str] = []
    for line in (text or "").splitlines():
        if line.count("|") >= 2:
            continue  # a table's row: read by its columns
        item = _ITEM.match(line)
        # a list item is read whole ('Peer support workers – minimum 5.0 WTE; caseload of no more than 10 each'), a
        # line of prose sentence by sentence; each role's words run up to the next role's minimum
        pieces += [item.group("body")] if item else [p for p in line_sentences(line) if p.strip()]
    nots = [str(w) for w in spec.get("not") or []]
    out = []
    for s in pieces:
        s = s.strip(" *")
        if any(re.search(rf"\b{re.escape(w)}\b", s, re.I) for w in nots):
            continue  # staff now (the incumbent's, those who transfer), anywhere in the sentence or item
        hits: list[tuple[int, int, str, float]] = []
        m = re.match(first, s, re.I)
        titles: dict[int, str] = {}
        if m:
            role = _role_cell(m.group("role"))
            if role:
                hits.append((m.start(), m.end(), role, float(m.group("n"))))
                titles[m.start()] = _title_cell(m.group("role"))
        for pat in after:
            for m in re.finditer(pat, s, re.I):
                if per.search(s[:m.start()]) or any(a <= m.start() < b for a, b, _, _ in hits) or _is_subset(
                        s, m.start(), m.group("role")):
                    continue
                role = role_name(re.sub(r"\s*\([^)]*\)?\s*$", "", m.group("role")))
                if role:
                    hits.append((m.start(), m.end(), role, float(m.group("n"))))
                    titles[m.start()] = _title_cell(re.sub(r"\s*\([^)]*\)?\s*$", "", m.group("role")))
        hits.sort()
        for k, (a, b, role, wte) in enumerate(hits):
            upto = hits[k + 1][0] if k + 1 < len(hits) else len(s)
            out.append(StaffRow(role, wte, _cap_in(s[b:upto]), " ".join(s[a:upto].split()).rstrip(" ,;."),
                                titles.get(a, "")))
    return out


def staffing(text: str) -> list[StaffRow]:
    """The buyer's minimum staffing and caseload caps, role by role, whatever their layout: a table (its columns found
    by their header words, in any order), list items, prose (``establishment.staffing`` in the phrasebank). One row
    per role (the first read, a table's before a list's); a row about staff now (the incumbent's, those who transfer)
    is none. Read once per text (:func:`role_minimums` and the answer's role map read the same tender; session 35)."""
    return [dataclasses.replace(r) for r in _staffing_of(text or "", id(_establishment_spec()))]


@functools.lru_cache(maxsize=8)
def _staffing_of(text: str, _spec: int) -> tuple[StaffRow, ...]:
    return tuple(_read_staffing(text))


def _read_staffing(text: str) -> list[StaffRow]:
    nots = [str(w) for w in (_establishment_spec().get("role_minimum") or {}).get("not") or []]
    found: dict[tuple, StaffRow] = {}
    # a sentence that caps several roles at once ('Maximum caseload of 25 per Recovery Worker and 12 per Registered
    # Mental Health Practitioner'): each role's cap, with its minimum when the buyer sets one elsewhere
    said = [StaffRow(role, None, n, s) for s in _sentences(text) for role, n in role_caps(s)]
    for r in _table_staffing(text) + _written_staffing(text) + said:
        if any(re.search(rf"\b{re.escape(w)}\b", r.words, re.I) for w in nots):
            continue
        key = _role_stems(r.role)
        was = found.get(key)
        if was is None:
            found[key] = r
        else:  # the same role said twice: what either says
            found[key] = StaffRow(was.role, was.wte if was.wte is not None else r.wte,
                                  was.cap if was.cap is not None else r.cap, was.words, was.title or r.title, was.variant)
    return list(found.values())


# ---------------------------------------------------------------- the buyer's roles in our text (session 35)

# The s34 blind panel, FIRM "throughout" both bids: where the buyer sets its establishment role by role, our answers
# still spoke of our model's roles ('a duty recovery worker and a peer support worker, with a clinical lead on site',
# 'locality team leaders', 'our housing and money adviser'), so the method read as written for another contract and
# the buyer's rota rule ('one of them a Team Leader or Wellbeing Practitioner') was broken. Each role is of a kind
# (``role_kinds`` in the phrasebank); our role is said in the buyer's title of its kind where the buyer has one (or one
# main one), and one of a kind the buyer has none of is named to the writer.


@dataclass
class RoleMap:
    """How an answer says our roles to this buyer."""
    say: dict[str, str] = field(default_factory=dict)
    """Our role (singular, as our library writes it) -> the buyer's title (singular, as the buyer writes it)."""
    absent: list[str] = field(default_factory=list)
    """Our roles of a kind the buyer's establishment has none of ('clinical lead', 'data and quality officer')."""
    why: dict[str, str] = field(default_factory=dict)
    """Our role -> how its title was found, for the review copy."""

    def plain(self) -> "RoleMap":
        """The same map with each title in lower case but its initialisms, a grade before its number and a place it
        opens with ('DBI Level 2 practitioner'): a title in capitals the privacy check reads as a person's name ('A
        Team Leader, or a named deputy, ...' was cut from s34 q01) is said as a common noun."""
        return RoleMap({k: _lowered(v) for k, v in self.say.items()}, list(self.absent), dict(self.why))


def _lowered(title: str) -> str:
    words = title.split()
    place = len(place_name_at_start(title).split())
    return " ".join(w if i < place or _initialism(w) or (i + 1 < len(words) and words[i + 1][:1].isdigit())
                    else w.lower() for i, w in enumerate(words))


NO_LOCALITIES = "the buyer names no localities"
"""Why our role lost its locality word (:func:`role_map`): said silently, no row of the compliance sheet."""


def _role_kinds() -> dict:
    return load_phrasebank(PHRASEBANK).get("role_kinds") or {}


def _words(name: str) -> list[str]:
    words = re.findall(r"[a-z0-9][a-z0-9'’-]*", (name or "").lower().replace("’", "'"))
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # 'practitioners' -> 'practitioner', 'leads' -> 'lead'
    return words


def role_kind(name: str) -> str:
    """The kind of a role (``role_kinds``): the kind of the longest head its name ends with, or holds as a phrase of
    two words or more ('Young Men's Outreach Worker' -> 'practitioner', 'Peer Support Worker' -> 'peer', 'Registered
    Mental Health Practitioner' -> 'clinician'); '' for none."""
    words = _words(name)
    best: tuple[int, int, str] = (0, 0, "")
    for order, (kind, spec) in enumerate(_role_kinds().items()):
        for head in (spec or {}).get("heads") or []:
            h = _words(str(head))
            n = len(h)
            ends = words[-n:] == h
            holds = n >= 2 and any(words[i:i + n] == h for i in range(len(words) - n + 1))
            if (ends or holds) and (n, -order) > best[:2]:
                best = (n, -order, str(kind))
    return best[2]


def _plural(title: str) -> str:
    words = title.split()
    if not words or words[-1].isupper() or not words[-1][-1:].isalpha():
        return title
    last = words[-1]
    if re.search(r"(?:ch|sh|s|x|z)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


def _singular(role: str) -> str:
    return " ".join(role.split()[:-1] + [_singular_role(role.split()[-1])]) if role.split() else role


def our_role_words(profile: dict) -> list[str]:
    """Our library's role words, singular, lower case: each kind's ``ours`` and our profile's roles (``team_wte``)."""
    out = [str(w).lower() for spec in _role_kinds().values() for w in (spec or {}).get("ours") or []]
    out += [_singular(r.lower()) for r, _ in our_roles(profile)]
    return list(dict.fromkeys(out))


def profile_role_map(profile: dict) -> dict[str, str]:
    """The writer's own map of our roles to the buyer's titles, from the service profile's ``role_map`` ('recovery
    worker = Wellbeing Practitioner; clinical lead = Senior Practitioner'; '->' or ':' too)."""
    out = {}
    for part in re.split(r"[;\n]", str(profile.get("role_map") or "")):
        m = re.fullmatch(r"\s*(?P<ours>[^=:>]+?)\s*(?:->|=|:)\s*(?P<theirs>.+?)\s*", part)
        if m:
            out[_singular(" ".join(m.group("ours").lower().split()))] = _singular(" ".join(m.group("theirs").split()))
    return out


def _as_title(title: str) -> str:
    """The buyer's title of one post as running text says it: singular; in title case as the buyer writes it ('Team
    Leader', 'DBI Level 2 Practitioner'), but a cell in sentence case ('Recovery workers', 'Administrator') is the
    role's common name, lowered ('recovery worker'), an initialism or a place kept."""
    one = _singular_role(" ".join((title or "").split()))
    words = one.split()
    small = ("and", "of", "the", "for", "a", "an", "in", "with", "to", "or")
    rest = [w for w in words[1:] if w.lower() not in small]
    if words and words[0][:1].isupper() and not _initialism(words[0]) and not place_name_at_start(one) \
            and all(w[:1].islower() for w in rest):
        return " ".join([words[0].lower()] + words[1:])
    return one


def sets_establishment(rows: Sequence[StaffRow]) -> bool:
    """The buyer sets its establishment role by role: four roles or more with a minimum (:func:`_whole`'s rule)."""
    return len({_role_stems(r.title or r.role) for r in rows if r.wte is not None}) >= 4


def role_map(rows: Sequence[StaffRow], profile: dict, *, localities: bool = True) -> RoleMap:
    """How our roles are said to a buyer whose staffing is ``rows`` (:func:`staffing`, read once by the caller). Where
    the buyer sets its establishment role by role (:func:`sets_establishment`): our role is said as the buyer's role of
    the same name (its capitals), else as the buyer's one role of its kind, or its main one (the title that holds more
    than half of the kind's posts; a row the buyer's brackets tell apart is the same title); a role of a kind the buyer
    has none of is ``absent``. The service profile's ``role_map`` overrides both. Where the buyer names no localities
    (``localities`` False), our role named by our locality structure ('locality team leader') loses that word."""
    out = RoleMap()
    own = profile_role_map(profile)
    ours = our_role_words(profile)
    sets = sets_establishment(rows)
    # posts named by a quality of some of a role's holders ('Welsh-speaking practitioners') are within the buyer's roles,
    # no role of their own
    quality = tuple(str(q).lower() + " " for q in _subset_spec().get("qualifiers") or [])
    staffed = [r for r in rows if r.wte is not None and (r.title or r.role)
               and not (r.title or r.role).lower().startswith(quality)]
    for role in ours:
        if role in own:
            out.say[role], out.why[role] = own[role], "the service profile's role_map"
            continue
        if not sets:
            continue
        named = [r for r in staffed if same_role(r.title or r.role, role) and not r.variant
                 and role_kind(r.title or r.role) == role_kind(role)]  # never 'Carers Support Worker' for our peers
        if named:
            best = max(named, key=lambda r: (_closeness(r.title or r.role, role), r.wte or 0.0))
            out.say[role], out.why[role] = _as_title(best.title or best.role), "the buyer's role of the same name"
            continue
        kind = role_kind(role)
        if not kind:
            continue
        mine = [r for r in staffed if role_kind(r.title or r.role) == kind]
        if not mine:
            out.absent.append(role)
            continue
        by_title: dict[str, float] = {}
        for r in mine:
            t = r.title or r.role
            key = next((k for k in by_title if k.lower() == t.lower()), t)
            by_title[key] = by_title.get(key, 0.0) + (r.wte or 0.0)
        main, most = max(by_title.items(), key=lambda kv: kv[1])
        if len(by_title) == 1 or most > 0.5 * sum(by_title.values()):
            out.say[role] = _as_title(main)
            out.why[role] = (f"the buyer's {'only' if len(by_title) == 1 else 'main'} role of its kind ({kind})")
    if not localities:
        loc = [str(w).lower() for w in load_phrasebank(PHRASEBANK).get("locality_words") or []]
        for role in ours:
            plain = " ".join(w for w in role.split() if w not in loc)
            if plain != role and role not in out.say:
                out.say[role], out.why[role] = plain, NO_LOCALITIES
                if plain in out.absent and role in out.absent:
                    out.absent.remove(role)  # named to the writer as its plain role
    return out


def role_form(role: str) -> str:
    """A regex for our role word in running text, singular or plural, its word gaps any spaces."""
    words = role.split()
    last = re.escape(words[-1])
    return r"\s+".join([re.escape(w) for w in words[:-1]] + [rf"{last}(?P<pl>s|es)?"])


@functools.lru_cache(maxsize=32)
def _speak_re(keys: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(f"(?P<r{i}>{role_form(k).replace('(?P<pl>', f'(?P<pl{i}>')})"
                    for i, k in enumerate(keys))
    return re.compile(rf"(?<![\w-])(?:(?P<art>\b[Aa]n?)\s+)?(?:{alts})(?![\w-])", re.I)


_CURRENT_SERVICE = re.compile(r"\bour current (?:service|team)\b|\bin our current\b", re.I)


def speak_roles(text: str, rmap: RoleMap) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each of our role words said as the buyer's title (:func:`role_map`), plural for plural, 'a' or
    'an' before it as the title needs, no article added; a sentence about our current service, or one that states an
    establishment's posts, is left as it is. Returns the text and [(our role, the buyer's title)] for each change."""
    if not rmap.say or not text:
        return text, []
    keys = tuple(sorted(rmap.say, key=lambda k: (-len(k), k)))
    pat = _speak_re(keys)
    changed: list[tuple[str, str]] = []

    def one(m: re.Match) -> str:
        i = next(j for j in range(len(keys)) if m.group(f"r{j}"))
        title = rmap.say[keys[i]]
        said = _plural(title) if m.group(f"pl{i}") else title
        if len(said) > len(m.group(f"r{i}")) and m.string[max(0, m.end() - len(said)):m.end()].lower() == said.lower():
            return m.group(0)  # the buyer's title already ('Senior Recovery Worker' for our 'recovery worker')
        ours = m.group(f"r{i}")
        if ours[:1].isupper() and said[:1].islower():
            said = said[:1].upper() + said[1:]
        art = m.group("art")
        if art:
            an = (bool(re.match(r"[aeiou]", said, re.I)) and not re.match(r"(?i)(?:u[^aeiou]\w*[aeiou]|eu|one)", said)) \
                or bool(re.match(r"[AEFHILMNORSX][A-Z]", said))  # 'an Outreach ...', 'an SSSC ...'; 'a Unit ...' 
            art = (art[0] + "n") if an else art[0]
            said = f"{art} {said}"
        if said != m.group(0):
            changed.append((keys[i], title))
        return said

    out = []
    for piece in re.split(r"(?<=[.!?])(\s+)", text):
        if piece.isspace() or _CURRENT_SERVICE.search(piece) or re.search(r"whole-time-equivalent posts", piece):
            out.append(piece)
            continue
        out.append(pat.sub(one, piece))
    return "".join(out), changed


def roles_absent_in(text: str, rmap: RoleMap) -> list[str]:
    """Our roles of ``rmap.absent`` that ``text`` names, each once, in our words."""
    if not rmap.absent or not text:
        return []
    return [r for r in rmap.absent if re.search(rf"(?<![\w-]){role_form(r)}(?![\w-])", text, re.I)]


def locality_said(text: str) -> list[str]:
    """Our locality structure's words in ``text`` ('each locality', 'the other locality'), each once."""
    loc = [str(w) for w in load_phrasebank(PHRASEBANK).get("locality_words") or []]
    if not loc or not text:
        return []
    alt = "|".join(re.escape(w) for w in sorted(loc, key=len, reverse=True))
    return list(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in re.finditer(
        rf"\b(?:(?:each|every|another|other|both|the|two|all|across)\s+(?:\w+\s+)?)?(?:{alt})\b", text, re.I)))


@dataclass
class RotaRule:
    """Who the buyer says must be on site at certain times: one of ``roles`` (as it writes them) during ``when``."""
    roles: list[str]
    when: list[str]
    """The ``rota_rule.when`` groups its sentence names ('weekend')."""
    sentence: str


def _rota_spec() -> dict:
    return load_phrasebank(PHRASEBANK).get("rota_rule") or {}


def _when(sentence: str) -> list[str]:
    low = " ".join((sentence or "").lower().split())
    return [str(g) for g, words in (_rota_spec().get("when") or {}).items()
            if any(re.search(rf"\b{re.escape(str(w))}\b", low) for w in words or [])]


def rota_rules(text: str) -> list[RotaRule]:
    """The buyer's rules on who must be on site when ('one of them a Team Leader or Wellbeing Practitioner, must be on
    site at Tobar House during all Saturday opening hours'), each once."""
    spec = _rota_spec()
    pat, where = str(spec.get("one_of") or r"(?!)"), [str(w) for w in spec.get("where") or []]
    out: list[RotaRule] = []
    for s in _sentences(text):
        s = " ".join(re.sub(r"\*\*|__", "", s).split())
        if not any(re.search(rf"\b{re.escape(w)}\b", s, re.I) for w in where):
            continue
        when = _when(s)
        m = re.search(pat, s)
        if not m or not when:
            continue
        roles = [re.sub(r"^(?:a|an)\s+", "", r.strip()) for r in re.split(r"\s+or\s+", m.group("roles"))]
        if roles and not any(r.sentence == s for r in out):
            out.append(RotaRule(roles, when, s))
    return out


def breaks_rota(sentence: str, rule: RotaRule) -> bool:
    """``sentence`` (ours) says who covers the times ``rule`` is about and names staff roles, none of them one of the
    rule's (s34: 'each weekend session has a duty recovery worker and a peer support worker, with a clinical lead on
    site or on call', against 'one of them a Team Leader or Wellbeing Practitioner')."""
    if not set(_when(sentence)) & set(rule.when):
        return False
    if any(re.search(rf"(?<![\w-]){role_form(r.lower())}(?![\w-])", sentence or "", re.I) for r in rule.roles):
        return False
    named = [m.group(0) for m in re.finditer(_role_re(), sentence or "", re.I)]
    named = [n for n in named if role_kind(n)]
    return bool(named) and not any(same_role(n, r) for n in named for r in rule.roles)
