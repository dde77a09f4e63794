"""The buyer's local facts said inside our method text (issue 12, session 24).

Every blind panel of s22-s24 found our method generic: the blocks said 'the council's housing options team and the
housing associations in the area' where the buyer had named its district teams and housing associations, 'the house'
where it had named its step-up/step-down house, and no maximum stay where it had set one. :func:`read` reads those
facts from the whole questionnaire once (a fact in one question holds for the lot) into profile fields
(``local_*``); :func:`say` puts them in place of a block's generic phrase when the block is filled. What the buyer
does not state is not read, and the block keeps its own words. The patterns live in ``phrasebank/buyer_local.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter

from evidencebot.compose import buyer_facts
from evidencebot.compose.filters import join_and, load_phrasebank

PHRASEBANK = "buyer_local.yaml"
PREFIX = "local_"


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _pattern(text: str, spec: dict) -> re.Pattern:
    return re.compile(str(text).replace("{name}", str(spec.get("name") or "")))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text or "") if s.strip()]


def _house(text: str, spec: dict) -> str:
    reads = spec.get("reads") or {}
    not_house = re.compile(str(reads.get("not_house") or r"(?!x)x"), re.I)
    found: Counter = Counter()
    for p in reads.get("house") or []:
        for m in _pattern(p, spec).finditer(text):
            name = " ".join(m.group("name").split())
            if not not_house.search(name):
                found[name] += 1
    return found.most_common(1)[0][0] if found else ""


def _housing(text: str, spec: dict) -> list[str]:
    reads = spec.get("reads") or {}
    cue = re.compile(str(reads.get("housing_sentence") or r"(?!x)x"), re.I)
    item = _pattern(reads.get("housing_item") or r"(?!x)x", spec)
    for s in _sentences(text):
        if not cue.search(s):
            continue
        items: list[str] = []
        for m in item.finditer(s):
            x = " ".join(m.group(0).split())
            x = re.sub(r"^The\b", "the", x)
            if x.lower() not in {i.lower() for i in items}:
                items.append(x)
        if len(items) >= 2:
            return items
    return []


def _hubs(text: str, spec: dict) -> str:
    reads, said = spec.get("reads") or {}, spec.get("hubs_said") or {}
    m = re.search(str(reads.get("hubs_list") or r"(?!x)x"), text or "")
    if m:
        return str(said.get("list") or "{list}").format(list=" ".join(m.group("list").split()))
    generic = re.compile(str(reads.get("hub_generic") or r"(?!x)x"))
    names: list[str] = []
    for m in re.finditer(str(reads.get("hub_name") or r"(?!x)x"), text or ""):
        name = re.sub(r"^The\s+", "", " ".join(m.group("name").split()))
        kind = re.search(str(reads.get("hub_kind") or "."), name)
        if kind and not generic.search(name) and name not in names:
            names.append(name)
    if len(names) >= 2:
        return str(said.get("names") or "{names}").format(names=join_and(names))
    return str(said.get("one") or "{name}").format(name=names[0]) if names else ""


def _number(text: str, patterns, theirs: str = "") -> tuple[str, str] | None:
    """The first of the buyer's numbers one of ``patterns`` reads in ``text``, as (the number as written, its unit):
    ('2,400', ''), ('4', 'hours'); None when none states it. ``theirs``: a pattern naming a partner's team; a number in
    a sentence that names one is the partner's (the crisis team's referrals), not our service's."""
    other = re.compile(theirs, re.I) if theirs else None
    for p in patterns or []:
        for m in re.finditer(str(p), text or "", re.I):
            start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), text.rfind("|", 0, m.start()))
            end = min([i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
            if other is not None and other.search(text[start + 1:end]):
                continue
            unit = (m.groupdict().get("unit") or "").lower()
            return m.group("n"), " ".join(unit.split())
    return None


def _numbers(text: str, spec: dict) -> dict[str, str]:
    """The buyer's volumes, response times, review cycle and opening hours as fields (``referrals``: '2,400';
    ``urgent``: '4 hours'; ``review``: '3 months' with ``review_adj``: '3-monthly'; ``hours``: the buyer's hours)."""
    out: dict[str, str] = {}
    theirs = str(spec.get("not_our_number") or "")
    for field, patterns in (spec.get("numbers") or {}).items():
        found = _number(text, patterns, theirs)
        if not found:
            continue
        n, unit = found
        if unit and n == "1":
            unit = unit.rstrip("s")
        out[field] = f"{n} {unit}".strip()
        if field == "review" and unit:
            out["review_adj"] = f"{n}-{unit.rstrip('s')}ly"
    hours = [f.value for f in buyer_facts.hours_facts(text or "")] or _hours_said(text, spec)
    if hours:
        out["hours"] = hours[0]
    return out


def _hours_said(text: str, spec: dict) -> list[str]:
    """The hours the buyer gives under a label ('Operating hours.') or of its teams ('The Community Recovery Teams
    operate ...'), as written: the first such statement whose ranges have days."""
    for p in spec.get("hours_said") or []:
        for m in re.finditer(str(p), text or ""):
            for s in _sentences(m.group("rest")):
                hours, lo, hi = buyer_facts.read_hours(s)
                hours.pop("unsaid", None)
                if hours:
                    return [s[lo:hi]]
    return []


def read(text: str) -> dict[str, str]:
    """The buyer's local facts in ``text`` (the whole questionnaire), as profile fields ``local_*``; a fact the text
    does not state is not there."""
    spec = _spec()
    reads = spec.get("reads") or {}
    out: dict[str, str] = {}
    house = _house(text, spec)
    if house:
        out["house"] = house
    hubs = _hubs(text, spec)
    if hubs:
        out["hubs"] = hubs
    housing = _housing(text, spec)
    if housing:
        out["housing"] = join_and(housing)
        options = [i for i in housing if re.search(str(reads.get("options_item") or r"(?!x)x"), i, re.I)]
        if options:
            out["housing_options"] = options[0]
    m = re.search(str(reads.get("max_stay") or r"(?!x)x"), text or "", re.I)
    if m:
        out["max_stay"], out["extended"] = m.group("n"), m.group("m")
        who = " ".join((m.group("who") or m.group("who2") or "").split())
        out["extender"] = ("the " + who if who and not who.lower().startswith("the ") else who) or "the commissioner"
    if "max_stay" not in out:
        m = re.search(str(reads.get("max_stay_alone") or r"(?!x)x"), text or "", re.I)
        if m:
            out["max_stay"] = m.group("n")
    m = re.search(str(reads.get("return_window") or r"(?!x)x"), text or "", re.I) \
        or re.search(str(reads.get("return_window_also") or r"(?!x)x"), text or "", re.I)
    if m:
        out["return_window"] = m.group("n")
    out.update(_numbers(text, spec))
    cmhts: list[str] = []
    for m in _pattern(reads.get("cmht") or r"(?!x)x", spec).finditer(text or ""):
        name = str(spec.get("cmht_name") or "{name}").format(name=" ".join(m.group("name").split()))
        if name not in cmhts:
            cmhts.append(name)
    if len(cmhts) >= 2:
        out["cmhts"] = join_and(cmhts)
    return {PREFIX + k: v for k, v in out.items()}


def say(text: str, profile: dict) -> str:
    """``text`` (a filled block) with each generic phrase the buyer has stated a fact for replaced by that fact (the
    first match of each), read from ``profile``'s ``local_*`` fields (:func:`read`); otherwise unchanged."""
    if not text or not any(k.startswith(PREFIX) for k in profile):
        return text
    local = {k[len(PREFIX):]: v for k, v in profile.items() if k.startswith(PREFIX) and v}
    done: set[str] = set()
    for rule in _spec().get("says") or []:
        groups = set(str(rule.get("group") or "").split())
        if str(rule.get("needs") or "") not in local or groups & done:
            continue
        try:
            said = str(rule.get("text") or "").format(**local)
        except KeyError:
            continue
        text, n = re.subn(str(rule.get("generic") or r"(?!x)x"), said.replace("\\", "\\\\"), text, count=1)
        if n:
            done |= groups
    return text
