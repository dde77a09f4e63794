"""Blind evaluation: an answer that names no bidder (issue 12, s13 panel item 5).

Some buyers evaluate quality answers blind: "Responses must not identify the bidder", "anonymised responses". The
s13 panel found our name in every page header and in the body of such an answer. In anonymous mode (``--anonymous``
on ``assemble tender`` and ``tender export``, and on its own when the question asks for it: :func:`asked`) the
Word header and the document's author name no organisation, and the body says "our organisation" / "our service"
where the service profile's names stood (:func:`anonymise`).
"""

from __future__ import annotations

import re

_ASKED = re.compile(
    # 'anonymised responses', 'Answers must be anonymised' (not 'anonymised employee liability information')
    r"\banonymi[sz]ed\s+(?:responses?|answers?|submissions?|bids?|evaluation|marking|scoring|quality\s+responses?)\b"
    r"|\b(?:responses?|answers?|submissions?|bids?)\s+(?:\w+\s+){0,4}(?:be\s+)?(?:fully\s+)?anonymi[sz]ed\b"
    r"|\banonymous(?:ly)?\s+(?:evaluat|assess|mark|scor)\w*"
    r"|\bblind(?:ly)?[\s-]+(?:evaluat|assess|mark|scor|review)\w*"
    r"|\b(?:evaluated|assessed|marked|scored)\s+blind(?:ly)?\b"
    r"|\b(?:must|should|shall|may)\s+not\s+(?:\w+\s+){0,2}(?:identify|name|reveal|disclose|mention|include)\s+(?:the\s+|your\s+)?"
    r"(?:bidder|bidding\s+organisation|organisation|company|provider|supplier|tenderer|applicant)(?:'s)?(?:\s+name)?\b"
    r"|\b(?:do\s+not|don't|never)\s+(?:\w+\s+){0,1}(?:identify|name|reveal|mention|include)\s+(?:the\s+|your\s+)?"
    r"(?:bidder|bidding\s+organisation|organisation|company|provider|supplier|tenderer|applicant)(?:'s)?(?:\s+name)?\b"
    r"|\bwithout\s+(?:naming|identifying)\s+(?:the\s+|your\s+)?(?:bidder|organisation|company|provider|supplier)\b"
    r"|\b(?:organisation|company|bidder|provider|supplier)(?:'s)?\s+names?\s+(?:must|should|shall)\s+not\b"
    r"|\bno\s+(?:reference\s+to|mention\s+of)\s+(?:the\s+|your\s+)?(?:bidder|organisation|company|provider|supplier)(?:'s)?"
    r"(?:\s+name)?\b",
    re.I)


def asked(text: str) -> bool:
    """The buyer asks for answers that do not identify the bidder ('must not identify the bidder', 'anonymised',
    'Do not name your organisation', 'evaluated blind')."""
    return bool(_ASKED.search(text or ""))


_ORG_ENDS = re.compile(r"\s+(?:trust|cic|ltd|limited|plc|charity|group|foundation|association|partnership|llp|cio)\.?$",
                       re.I)


def names(profile: dict, *more: str) -> dict[str, str]:
    """The names that identify us, each with what stands in its place: the provider ('Harbour Lane Trust', and
    'Harbour Lane' without its legal form) as 'our organisation', the service ('Riverside Community Wellbeing
    Service') as 'our service'; ``more`` (the config's organisation) as the provider."""
    out: dict[str, str] = {}
    for name in [profile.get("provider") or "", *more]:
        name = " ".join(str(name or "").split())
        if len(name) >= 3:
            out[name] = "our organisation"
            short = _ORG_ENDS.sub("", name)
            if short != name and len(short.split()) >= 2:
                out[short] = "our organisation"
    service = " ".join(str(profile.get("service") or "").split())
    if len(service) >= 3 and service not in out:
        out[service] = "our service"
    return out


def anonymise(text: str, found: dict[str, str]) -> str:
    """``text`` with each name in ``found`` said as ours: "Harbour Lane Trust's board" -> "our board", "the
    Harbour Lane Trust governance board" -> "our governance board", "Harbour Lane Trust has" -> "Our organisation
    has", "within Harbour Lane Trust" -> "within our organisation"."""
    if not text:
        return text
    for name in sorted(found, key=len, reverse=True):
        plain = found[name]
        n = r"\s+".join(re.escape(w) for w in name.split())
        text = re.sub(rf"(?:\bthe\s+)?\b{n}(?:'s|’s)(?=\s)", "our", text, flags=re.I)
        text = re.sub(rf"\bthe\s+{n}\s+(?=[a-z])", "our ", text, flags=re.I) if plain == "our organisation" else text
        text = re.sub(rf"(?:\b(?:the|a|an)\s+)?\b{n}\b", plain, text, flags=re.I)
    # a sentence, heading or cell that now opens with 'our' opens with a capital
    return re.sub(r"(^|[.!?]\s+|\n\s*(?:#+\s+|[-*]\s+)?)(our)\b", lambda m: m.group(1) + "Our", text)
