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
    r"(?:\s+name)?\b"
    # 'Responses are evaluated anonymously', 'scored anonymously by the panel', 'the panel will evaluate responses
    # blind', 'evaluated on an anonymised basis' (s19: the brief's own wording was missed)
    r"|\b(?:responses?|answers?|submissions?|bids?|tenders?|questions?|panel|evaluators?)\b(?:[ \t]+[\w-]+){0,4}?[ \t]+"
    r"(?:evaluat|assess|mark|scor)\w*\s+(?:(?:the|all|each|every|quality|written)\s+)?(?:(?:responses?|answers?|submissions?"
    r"|bids?|questions?)\s+)?(?:anonymously|blind(?:ly)?\b|on\s+an?\s+(?:anonymi[sz]ed|anonymous|blind)\s+basis)"
    # 'The quality evaluation is anonymous', 'Evaluation of the quality questions will be anonymous'
    r"|\b(?:evaluation|assessment|marking|scoring)\s+(?:of\s+(?:the\s+|all\s+)?(?:quality\s+|written\s+)?(?:responses?|answers?"
    r"|questions?|submissions?|bids?|tenders?|method\s+statements?)\s+)?(?:is|are|will\s+be)\s+(?:fully\s+)?"
    r"(?:anonymous|anonymi[sz]ed|blind)\b"
    r"|\b(?:responses?|answers?|submissions?)\s+(?:must|should|shall|will)\s+be\s+(?:fully\s+)?anonymous\b"
    # 'must not include their organisation's name', 'must not contain anything that identifies you as the bidder',
    # 'Do not include any information that would identify your organisation'
    r"|\b(?:must|should|shall)\s+not\s+(?:\w+\s+){0,2}(?:identify|name|include|mention)\s+their\s+"
    r"(?:organisation|company|bidding\s+organisation)(?:'s)?(?:\s+name)?\b"
    r"|\b(?:must\s+not|should\s+not|shall\s+not|do\s+not|don't)\s+(?:contain|include)\s+(?:anything|any\s+(?:information|details?"
    r"|references?|content))\s+(?:that|which)\s+(?:would\s+|could\s+|might\s+|may\s+)?identif(?:y|ies)\s+(?:you|your|the\s+"
    r"(?:bidder|organisation|company|provider|supplier|tenderer))"
    r"|\bwithout\s+knowledge\s+of\s+(?:the\s+)?(?:bidder|supplier|provider|tenderer)(?:'s)?\s+identity\b"
    r"|\bremove\s+(?:all\s+|any\s+)?(?:references?\s+to|mention\s+of)\s+(?:the\s+|your\s+)?"
    r"(?:bidder|organisation|company|provider|supplier)(?:'s)?(?:\s+name)?\b",
    re.I)


_NAMES_ASKED = re.compile(
    # 'the named individuals who will lead the service', 'the names of your key staff', 'name the person who will
    # be the safeguarding lead', 'key personnel' (the buyer asks for people, so a blind-by-default body keeps them)
    r"\bnamed\s+(?:individuals?|persons?|people|staff|members?\s+of\s+staff)\b"
    r"|\bnames?\s+(?:and\s+roles?\s+)?of\s+(?:the\s+|your\s+|all\s+)?(?:key\s+|senior\s+|lead\s+)?"
    r"(?:individuals?|persons?|people|staff|personnel|managers?|leads?)\b"
    r"|\bname\s+(?:the\s+|your\s+)?(?:individuals?|persons?|people)\b"
    r"|\bkey\s+personnel\b",
    re.I)


def names_asked(text: str) -> bool:
    """The question asks for our people by name ('the named individuals who will lead the service'): the answer
    to submit keeps the profile's names, blind-by-default or not (an answer the buyer asked to be anonymous never
    does: :func:`asked` wins)."""
    return bool(_NAMES_ASKED.search(text or ""))


def asked(text: str) -> bool:
    """The buyer asks for answers that do not identify the bidder ('must not identify the bidder', 'anonymised',
    'Do not name your organisation', 'evaluated blind')."""
    return bool(_ASKED.search(text or ""))


FACT = "blind_evaluation"
"""The tender's fact (stored at import) holding the buyer's sentence that asks for blind evaluation, wherever in
the questionnaire it stands (a section's introduction, not inside a question): every question of the tender is
then answered in anonymous mode."""


def asked_sentence(text: str) -> str:
    """The buyer's sentence that asks for blind evaluation ('' when none does), with the one after it when that
    one asks too ('Responses will be evaluated blind. Answers must not identify the bidder by name.')."""
    m = _ASKED.search(text or "")
    if not m:
        return ""
    start = max(text.rfind(". ", 0, m.start()) + 2 if text.rfind(". ", 0, m.start()) >= 0 else 0,
                text.rfind("\n", 0, m.start()) + 1)
    end = len(text)
    for stop in (". ", "\n"):
        k = text.find(stop, m.end())
        if k >= 0:
            end = min(end, k + 1)
    said = text[start:end].strip()
    more = re.match(r"\s*([^.\n]*\.)", text[end:])
    if more and _ASKED.search(more.group(1)):
        said += " " + more.group(1).strip()
    return said[:300]


_ORG_ENDS = re.compile(r"\s+(?:trust|cic|ltd|limited|plc|charity|group|foundation|association|partnership|llp|cio)\.?$",
                       re.I)


ROLES = {"service_manager": "service manager", "clinical_lead": "clinical lead", "safeguarding_lead": "safeguarding lead",
         "caldicott_guardian": "Caldicott guardian", "siro": "senior information risk owner"}
"""The service profile's named staff (:data:`evidencebot.compose.personnel.STAFF_FIELDS`) and the role each is said
by in an anonymous answer."""
KIND = "\x00kind"
"""The value of a provider's kind ('Trust', from 'Harbour Lane Trust') in :func:`names`: 'the Trust's' names us too."""


def names(profile: dict, *more: str) -> dict[str, str]:
    """The names that identify us, each with what stands in its place: the provider ('Harbour Lane Trust', and
    'Harbour Lane' without its legal form) as 'our organisation', the service ('Riverside Community Wellbeing
    Service') as 'our service'; ``more`` (the config's organisation) as the provider; the profile's named staff
    ('Dana Whitfield') by their role ('the service manager'); the provider's kind ('Trust') as :data:`KIND`."""
    out: dict[str, str] = {}
    for name in [profile.get("provider") or "", *more]:
        name = " ".join(str(name or "").split())
        if len(name) >= 3:
            out[name] = "our organisation"
            short = _ORG_ENDS.sub("", name)
            if short != name and len(short.split()) >= 2:
                out[short] = "our organisation"
            kind = _ORG_ENDS.search(name)
            if kind and kind.group(0).strip().rstrip(".").lower() in ("trust", "charity", "foundation", "association",
                                                                      "partnership", "group"):
                out[kind.group(0).strip().rstrip(".").capitalize()] = KIND
    service = " ".join(str(profile.get("service") or "").split())
    if len(service) >= 3 and service not in out:
        out[service] = "our service"
    for field_name, role in ROLES.items():
        person = " ".join(str(profile.get(field_name) or "").split())
        if len(person.split()) >= 2 and person not in out:
            out[person] = f"the {role}"
    return out


def _unname(text: str, person: str, role: str) -> str:
    """A member of staff's name out of ``text``, the role said instead: 'chaired by the service manager, Dana
    Whitfield, reviews' -> 'chaired by the service manager reviews'; 'the Caldicott guardian (Dr Helen Achebe)' ->
    'the Caldicott guardian'; 'Dana Whitfield is the service manager' -> 'The service manager'; else 'the service
    manager' where the name stood."""
    words = person.split()
    if words[0].rstrip(".").lower() in ("dr", "mr", "mrs", "ms", "miss", "prof", "professor"):
        words = words[1:]  # 'Helen Achebe' without her title too
    n = r"(?:(?:dr|mr|mrs|ms|miss|prof|professor)\.?\s+)?" + r"\s+".join(re.escape(w) for w in words)
    r = r"\s+".join(re.escape(w) for w in role.split())
    text = re.sub(rf"\s*\(\s*{n}\s*\)", "", text, flags=re.I)  # 'guardian (Dr Helen Achebe)'

    def apposition(m: re.Match) -> str:
        # 'A meeting, chaired by the service manager, Dana Whitfield, reviews ...' keeps the comma that closes
        # its clause; 'The service manager, Dana Whitfield, reviews ...' loses both
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        return m.group(1) + (", " if text.count(",", start, m.start()) % 2 else " ")

    text = re.sub(rf"({r}),\s+{n}\s*,\s*", apposition, text, flags=re.I)  # 'the service manager, Dana Whitfield, ...'
    text = re.sub(rf"({r}),\s+{n}\b", r"\1", text, flags=re.I)  # '... chaired by the service manager, Dana Whitfield.'
    # 'X is the named safeguarding lead for ...: they advise' -> 'We have a named safeguarding lead for ...' (s22 q07)
    text = re.sub(rf"\b{n}\s+is\s+(?:the|its|our)\s+named\s+({r})\b", r"We have a named \1", text, flags=re.I)
    text = re.sub(rf"\b{n}\s+(?:is\s+)?(?=(?:the|its|our)\s+{r}\b)", "", text, flags=re.I)  # 'X is the service manager'
    text = re.sub(rf"\b{n}(?:'s|’s)", f"the {role}'s", text, flags=re.I)
    return re.sub(rf"\b{n}\b", f"the {role}", text, flags=re.I)


def _unkind(text: str, kind: str) -> str:
    """The provider's kind where it names us: "the Trust's finance director" -> "our finance director", "the
    Trust" -> "our organisation" (capitalised, as a name; 'the trust's' too; not 'the trust of people')."""
    k = re.escape(kind)
    the = r"\b[Tt]he\s+"
    text = re.sub(rf"{the}(?:{k}|{k.lower()})(?:'s|’s)(?=\s)", "our", text)
    # 'the Trust board' -> 'our board'
    text = re.sub(rf"{the}{k}\s+(?=(?:board|executive|directors?|chair|finance|governance|policy|policies|staff)\b)",
                  "our ", text)
    text = re.sub(rf"{the}{k.lower()}(?=\s+(?:who|which|that)\b)", "our organisation", text)  # 'a director of the trust who'
    return re.sub(rf"{the}{k}\b", "our organisation", text)


def anonymise(text: str, found: dict[str, str]) -> str:
    """``text`` with each name in ``found`` said as ours: "Harbour Lane Trust's board" -> "our board", "the
    Harbour Lane Trust governance board" -> "our governance board", "Harbour Lane Trust has" -> "Our organisation
    has", "within Harbour Lane Trust" -> "within our organisation"."""
    if not text:
        return text
    for name in sorted(found, key=len, reverse=True):
        plain = found[name]
        if plain == KIND:
            text = _unkind(text, name)
            continue
        if plain.startswith("the "):
            text = _unname(text, name, plain[4:])
            continue
        n = r"\s+".join(re.escape(w) for w in name.split())
        text = re.sub(rf"(?:\bthe\s+)?\b{n}(?:'s|’s)(?=\s)", "our", text, flags=re.I)
        text = re.sub(rf"\bthe\s+{n}\s+(?=[a-z])", "our ", text, flags=re.I) if plain == "our organisation" else text
        text = re.sub(rf"(?:\b(?:the|a|an)\s+)?\b{n}\b", plain, text, flags=re.I)
    # a sentence, heading or cell that now opens with 'our' opens with a capital
    return re.sub(r"(^|[.!?]\s+|\n\s*(?:#+\s+|[-*]\s+)?)(our|the)\b", lambda m: m.group(1) + m.group(2).capitalize(),
                  text)
