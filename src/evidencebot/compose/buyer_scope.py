"""What the buyer says another party does is not offered as ours (issue 12; session 37, s36 panel FIRM #6-#8).

A buyer that puts services with another lot ('Money and debt advice, the weekly job club and community peer support
are delivered under Lot 1 ... by a separate provider. The Lot 2 provider refers people to Lot 1; it does not deliver
those services') reads our 'housing and money adviser ... for housing, benefits and debt advice' and 'such as peer
groups or debt advice, we subcontract to it' as offering what this lot may not deliver: :func:`elsewhere` reads those
services, and :func:`without_elsewhere` takes them out of our lists (a sentence that refers people to them keeps them).
A buyer that says national data flows through another body ('IPS activity is flowed to the Mental Health Services Data
Set (MHSDS) through the Trust') reads our 'submits our data to the Mental Health Services Data Set every month' as a
second route: :func:`data_route` reads the buyer's route and :func:`follow_route` says ours as it. Words:
phrasebank/buyer_scope.yaml.
"""

from __future__ import annotations

import functools
import re

from evidencebot.compose.filters import built_once, load_phrasebank
from evidencebot.text import sentences

PHRASEBANK = "buyer_scope.yaml"


def _spec() -> dict:
    """``buyer_scope.yaml``, the same dict until its file changes (a user's copy edited while the app runs is read)."""
    return load_phrasebank(PHRASEBANK) or {}


def _any(patterns) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns or []) or "(?!)", re.I)


def _buyer_sentences(text: str) -> list[str]:
    out = []
    for line in (text or "").splitlines():
        line = re.sub(r"^\s*(?:[-*•]|\(?[a-z0-9]{1,3}[.)])\s+", "", line)
        if line.strip():
            out.extend(sentences(line))
    return out


def elsewhere(buyer_text: str) -> tuple[str, ...]:
    """The services the buyer puts with another lot or provider, as our text would name them ('debt advice', 'job
    club', 'peer groups'), longest first; () when the buyer says none. (Review of s37: a tender answer asked three
    times for the same buyer's text; the last 8 texts' answers are kept, per loaded file.)"""
    return built_once(_spec(), "buyer_scope.elsewhere", lambda: functools.lru_cache(maxsize=8)(_elsewhere))(
        buyer_text or "")


def _elsewhere(buyer_text: str) -> tuple[str, ...]:
    spec = (_spec().get("elsewhere") or {})
    put, not_ours = _any(spec.get("put")), _any(spec.get("not_ours"))
    lead = {str(w).lower() for w in spec.get("lead") or []}
    said_as = {str(k).lower(): [str(v) for v in vs] for k, vs in (spec.get("said_as") or {}).items()}
    ss = _buyer_sentences(buyer_text)
    out: list[str] = []
    for i, s in enumerate(ss):
        m = put.search(s)
        if m is None or not (not_ours.search(s) or (i + 1 < len(ss) and not_ours.search(ss[i + 1]))):
            continue
        for item in re.split(r",\s+|\s+and\s+", s[:m.start()]):
            words = item.lower().split()
            while words and words[0] in lead:
                words = words[1:]
            if len(words) < 2:
                continue  # one word ('Money') names no service of its own
            name = " ".join(words)
            out.append(name)
            out += [a for key, aliases in said_as.items() if key in name for a in aliases]
    return tuple(sorted(dict.fromkeys(out), key=len, reverse=True))


def _service(name: str) -> str:
    return r"\s+".join(map(re.escape, name.split())) + r"(?!\s+workers?\b|\s+roles?\b)"


def without_elsewhere(text: str, services: tuple[str, ...]) -> str:
    """``text`` (ours) without the ``services`` another lot delivers in its lists: 'for housing, benefits and debt
    advice' -> 'for housing and benefits advice'; ', such as peer groups or debt advice,' goes when every example is
    another lot's. A mention after 'refer' (our onward referral) stays."""
    if not services or not text:
        return text
    out = text
    for name in services:
        svc = _service(name)
        words = name.split()
        if not re.search(rf"\b{svc}", out, re.I):
            continue
        # 'such as A or B' (examples of what we would deliver or subcontract): the other lot's examples go
        for m in list(re.finditer(r",?\s+such\s+as\s+(?P<items>[^,.;:]+)(?P<end>,?)", out, re.I))[::-1]:
            items = [x for x in re.split(r",\s+|\s+(?:or|and)\s+", m.group("items")) if x.strip()]
            keep = [x for x in items if not any(re.fullmatch(r"(?:an?\s+|the\s+)?" + _service(n), x.strip(), re.I)
                                                for n in services)]
            if len(keep) == len(items):
                continue
            said = "" if not keep else " such as " + (" or ".join(keep) if len(keep) <= 2 else
                                                       ", ".join(keep[:-1]) + " or " + keep[-1])
            lead = "," if m.group(0).startswith(",") and keep else ""
            out = out[:m.start()] + lead + said + (m.group("end") if keep or not m.group(0).startswith(",") else
                                                    ("," if m.group("end") else "")) + out[m.end():]
        if len(words) == 2:
            mod, head = map(re.escape, words)
            # 'housing, benefits and debt advice' -> 'housing and benefits advice'; 'benefits and debt advice' ->
            # 'benefits advice' (not after 'refer': our onward referral)
            out = re.sub(rf"(?<!refers to )(?<!refer to )\b(\w+),\s+(\w+)\s+and\s+{mod}\s+{head}\b",
                         rf"\1 and \2 {words[1]}", out, flags=re.I)
            out = re.sub(rf"(?<!refers to )(?<!refer to )\b(\w+)\s+and\s+{mod}\s+{head}\b(?!\s+workers?\b)",
                         rf"\1 {words[1]}", out, flags=re.I)
    return out


def data_route(buyer_text: str) -> dict[str, str]:
    """{'via': who the buyer says submits the national data set ('the Trust'), 'by': when our extract is due (' by the
    5th working day of each month', or '')}; {} when the buyer says no route."""
    spec = _spec().get("data_route") or {}
    flat = " ".join((buyer_text or "").split())
    for p in spec.get("buyer") or []:
        m = re.search(str(p), flat, re.I)
        if m:
            by = m.groupdict().get("by") or ""
            return {"via": m.group("via"), "by": f" {by}" if by else ""}
    return {}


def follow_route(text: str, route: dict[str, str]) -> str:
    """``text`` (ours) with each sentence part saying we submit the national data set ourselves said as the buyer's
    route ('sends our monthly data extract for the Mental Health Services Data Set to the Trust by the 5th working
    day of each month')."""
    if not route or not text:
        return text
    for rule in (_spec().get("data_route") or {}).get("ours") or []:
        says = str(rule.get("says") or "").format(via=route["via"], by=route.get("by", ""))
        text = re.sub(str(rule.get("find")), says.replace("\\", r"\\"), text, flags=re.I)
    return text


def defined(buyer_text: str) -> dict[str, str]:
    """{the buyer's defined short name: the body's full name} for the kinds of body in ``heads`` ('the Trust':
    'Morrow Vale Partnership NHS Foundation Trust'), the first definition of each; {} when it defines none."""
    spec = _spec().get("defined") or {}
    heads = {str(h) for h in spec.get("heads") or []}
    out: dict[str, str] = {}
    for m in re.finditer(str(spec.get("define") or "(?!)"), " ".join((buyer_text or "").split())):
        short = " ".join(m.group("short").split())
        if m.group("head") in heads and short.split()[-1] == m.group("head") and short not in out:
            out[short] = re.sub(r"^(?:the|The)\s+", "", " ".join(m.group("full").split()))
    return out


def as_defined(text: str, defs: dict[str, str]) -> str:
    """``text`` (ours) with the body the buyer defines said by its defined name: 'the local NHS trust' and 'the trust'
    -> 'the Trust' (one body for 'the Trust' in every answer, never another of its kind named elsewhere)."""
    if not defs or not text:
        return text
    spec = _spec().get("defined") or {}
    between = str(spec.get("between") or "")
    stop = "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in spec.get("not_after") or []) or "(?!)"
    for short in defs:
        head = short.split()[-1]
        for first, said in (("The|Our", "The"), ("the|our", "the")):
            text = re.sub(rf"\b(?:{first})\s+local\s+{between}{head.lower()}\b(?![\w-])", f"{said} {head}", text)
        text = re.sub(rf"\b([Tt]he)\s+{head.lower()}\b(?![\w-])(?!\s+(?:{stop})\b)", rf"\1 {head}", text)
    return text


# ---------------------------------------------------------------- another lot's services (session 38, s37 q10)


def other_lot(buyer_text: str) -> dict[str, object]:
    """{'lot': the lot the buyer procures apart ('Lot 2'), 'words': a pattern of what our text says its services in
    ('drugs?|alcohol|harm reduction|...')}; {} when the buyer names none (``other_lot`` of the phrasebank)."""
    spec = _spec().get("other_lot") or {}
    flat = " ".join((buyer_text or "").split())
    for p in spec.get("buyer") or []:
        m = re.search(str(p), flat, re.I)
        if not m:
            continue
        services = m.group("services").lower()
        said = [w for key, words in (spec.get("subjects") or {}).items() if str(key).lower() in services
                for w in words or []]
        if said:
            return {"lot": " ".join(m.group("lot").split()), "words": "|".join(dict.fromkeys(str(w) for w in said))}
    return {}


def _offer(other: dict) -> re.Pattern:
    spec = _spec().get("other_lot") or {}
    return re.compile(str(spec.get("offer") or "(?!)").replace("{SUBJECT}", str(other.get("words") or "(?!)")), re.I)


def offers(text: str, other: dict) -> bool:
    """Whether ``text`` (ours) offers a service of the ``other`` lot ('Recovery workers give harm reduction advice'):
    a clause of it that offers one, not an onward referral or a review shared with that lot's provider."""
    if not other or not text:
        return False
    offer = _offer(other)
    not_offer = _any([(_spec().get("other_lot") or {}).get("not_offer") or "(?!)"])
    return any(offer.search(c) and not not_offer.search(c) for c in _clauses(text))


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r",\s+and\s+|;\s+", sentence or "") if c.strip()]


def without_other_lot(text: str, other: dict) -> str:
    """``text`` (ours) without the clauses that offer a service of the ``other`` lot: 'Recovery workers give harm
    reduction advice in line with the drug and alcohol service's guidance, and the two services review shared cases
    together every month.' -> 'The two services review shared cases together every month.'; '' when every clause
    offers one."""
    if not offers(text, other):
        return text
    out = []
    for sentence in sentences(text):
        kept = [c.strip() for c in _clauses(sentence) if not offers(c, other)]
        if not kept:
            continue
        said = ", and ".join(kept) if ", and " in sentence else "; ".join(kept)
        said = said[:1].upper() + said[1:]
        out.append(said if said.rstrip().endswith((".", "!", "?")) else said.rstrip(" ,;") + ".")
    return " ".join(out)


def confirms_none_of(point_text: str) -> str:
    """The lot a confirmation asks us to say our offer holds no element of ('Confirm that your Lot 1 offer contains no
    element of the Lot 2 services' -> 'Lot 2'), '' for any other statement."""
    m = re.search(str((_spec().get("other_lot") or {}).get("confirm") or "(?!)"), " ".join((point_text or "").split()),
                  re.I)
    return " ".join((m.group("lot") or m.group("lot2") or "").split()) if m else ""
