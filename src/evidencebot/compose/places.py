"""The buyer's named sites: those the provider will run and those partners run (issue 12, session 29).

Blind panels on s27 and s28 marked our answers down for never naming the buyer's sites ('Neither bid names either hub
(Foundry, Eastbrook) anywhere in q07-q12'; 'weekly groups in each locality' where the buyer names the hubs we will
run), and for a partner's paragraph about a hub we run ('an information sharing agreement with the Foundry Hub').

:func:`read` reads from the buyer's text which named sites the provider will run ('The provider will run two hubs:
The Foundry Hub, ...; and the Eastbrook Wellbeing Hub, ...'; items under 'Facilities the Provider will run') and
which are partners' ('partner sites that it does not run: ...', '..., run by Island Minds', items under 'run by
partners'); a site said to be ours anywhere is ours (the incumbent's today: 'currently run by KMFT'). :func:`place`
says our generic place words with the sites we run where a sentence is about where we deliver (groups, sessions,
drop-ins: ``said_at`` in ``phrasebank/places.yaml``), never naming a partner's site or one the buyer did not name.
:func:`partner_misuse` finds a sentence written for a partner relationship that names a site we run. The words are
in ``phrasebank/places.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidencebot.compose import site_roles, tender_profile
from evidencebot.compose.filters import built_once, join_and, load_phrasebank

PHRASEBANK = "places.yaml"


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _re(key: str) -> re.Pattern:
    """The pattern ``key`` of ``places.yaml``, case-blind, compiled once per loaded file (perf36)."""
    spec = _spec()
    return built_once(spec, f"places.re.{key}", lambda: re.compile(str(spec.get(key) or r"(?!x)x"), re.I))


def _words(key: str) -> list[str]:
    return [str(w) for w in _spec().get(key) or []]


@dataclass(frozen=True)
class Site:
    name: str
    """Its name without an article ('Foundry Hub', 'Sunbridge House')."""
    the: bool = False
    """Whether the buyer writes it with 'the' ('the Foundry Hub'; 'Sunbridge House' without)."""

    @property
    def said(self) -> str:
        """How our text names it mid-sentence."""
        return f"the {self.name}" if self.the else self.name

    @property
    def head(self) -> str:
        return self.name.split()[-1]


@dataclass
class Sites:
    run: list[Site] = field(default_factory=list)
    partner: list[Site] = field(default_factory=list)

    def delivery(self) -> list[Site]:
        """The sites we run where people come to groups, sessions and drop-ins (hubs, centres, a college)."""
        heads = _lower_words("delivery_heads")
        return [s for s in self.run if s.head.lower() in heads]


def _name_re() -> re.Pattern:
    return built_once(_spec(), "places.name_re", _make_name_re)


def _lower_words(key: str) -> frozenset[str]:
    """The list ``key`` of ``places.yaml`` in lower case, built once per loaded file."""
    return built_once(_spec(), f"places.lower.{key}", lambda: frozenset(w.lower() for w in _words(key)))


def _make_name_re() -> re.Pattern:
    heads = "|".join(re.escape(h) for h in _words("site_heads")) or r"(?!x)x"
    # site_roles' name shape, without its Gaelic letter or its 'y'/'on' joins, the fewest words first
    name = site_roles.headed_name(heads, word=r"(?:St\.?|[A-Z][\w'’-]*)", joins=r"of\s+|and\s+", shortest=True)
    return re.compile(rf"(?<![\w'’-]){name}(?![\w'’-])")


def _clean(name: str) -> str:
    # (read per call, as every list of this module is: a user's places.yaml edited while the app runs is read)
    return site_roles.without_lead(name, _lower_words("lead_words"))


def names_in(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each named site in ``text``: two words or more ending with a site's word ('Foundry Hub'),
    not made only of generic words ('the Wellbeing Hub', 'Safe Haven')."""
    generic = _lower_words("generic_words")
    out = []
    for m in _name_re().finditer(text or ""):
        name = _clean(m.group(0))
        if " and " in name:  # two sites in one list ('Ashworth Library Community Rooms and Cotterdale Family Hub')
            last = name.rsplit(" and ", 1)[1]
            if len(last.split()) >= 2 and {w.lower() for w in last.split()} - generic:
                name = last
        if len(name.split()) < 2 or site_roles.generic(name, generic):
            continue
        out.append((name, m.end() - len(name), m.end()))
    return out


def _side(clause: str) -> bool | None:
    if _re("partner_cue").search(clause):
        return False
    if _re("run_cue").search(clause):
        return True
    return None


def read(text: str) -> Sites:
    """The named sites the buyer's ``text`` says the provider will run, and those it says partners run."""
    ours: dict[str, Site] = {}
    theirs: dict[str, Site] = {}
    text = text or ""
    heading_side: bool | None = None
    run_col = -1
    for line in text.splitlines():
        body = line.strip()
        if not body:
            continue
        row = body.startswith("|")
        item = row or re.match(r"^(?:[-•]|\*(?!\*)|\d{1,2}[.)])\s+", body)
        if row:
            cells = [c.replace("*", "").strip() for c in body.strip("|").split("|")]
            if any(tender_profile.run_by_column(c) for c in cells):
                run_col = next(n for n, c in enumerate(cells) if tender_profile.run_by_column(c))
                continue
        else:
            run_col = -1
        if not item:
            heading_side = (False if _re("partners_heading").search(body) else True if _re("ours_heading").search(body)
                            else None)
        row_side: bool | None = None
        if row and 0 <= run_col < len(cells) and cells[run_col] and not re.fullmatch(r"[-:\s]*", cells[run_col]):
            row_side = tender_profile.ours_cell(cells[run_col])
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z*])", body):
            side: bool | None = row_side if row_side is not None else heading_side if item else None
            for clause in sentence.split(";"):
                said = _side(clause)
                side = said if said is not None and row_side is None else side
                last = -1
                for name, start, end in names_in(clause):
                    between = clause[last:start] if last >= 0 else ""
                    last = end
                    if re.fullmatch(r"\s*(?:\(|\bat\b)\s*(?:the\s+)?", between, re.I) or (
                            re.fullmatch(r"\s*,\s*", between) and _re("address_after").match(clause[end:])):
                        continue  # the building or address of the site before it ('Saltmarsh Wellbeing Hub (The
                        # Quayside Centre)', 'The Quayside Wellbeing Hub, Customs House')
                    after = clause[end:]
                    mine = side
                    if _re("run_by_other").search(after) or re.match(r"\s*\([^()]*\b(?:run|managed)\s+by\b", after):
                        if not re.match(r"\s*,?\s*\(?\s*(?:is\s+)?currently\b", after):
                            mine = False
                    if _re("partner_site").search(name) or _re("cmht_base").search(clause[:start]):
                        mine = False
                    if mine is None:
                        continue
                    (ours if mine else theirs).setdefault(name.lower(), Site(name))
    for key in list(theirs):
        if key in ours:
            del theirs[key]
    return Sites(run=[_article(s, text) for s in ours.values()], partner=[_article(s, text) for s in theirs.values()])


def _article(site: Site, text: str) -> Site:
    """The site with 'the' when its kind takes one ('the Kingsford Wellbeing Hub'), else when the buyer writes it so
    at least as often as without ('Sunbridge House'), a sentence's start aside; never before a saint's name."""
    if re.match(r"St\.?\s", site.name):
        return Site(site.name)
    if site.head in _words("the_heads"):
        return Site(site.name, the=True)
    with_the = len(re.findall(r"\bthe\s+" + re.escape(site.name) + r"\b", text, re.I))
    alone = len(re.findall(r"(?<!\bthe\s)(?<!\bThe\s)(?<![\w'’])" + re.escape(site.name) + r"\b", text))
    return Site(site.name, the=with_the >= max(1, alone))


def _each(sites: list[Site]) -> str:
    names = [s.said for s in sites]
    return names[0] if len(names) == 1 else f"both {names[0]} and {names[1]}" if len(names) == 2 else \
        "each of " + join_and(names)


def _any(sites: list[Site]) -> str:
    names = [s.said for s in sites]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def place(sentence: str, sites: Sites) -> str:
    """``sentence`` with our generic place words ('weekly groups in each locality', 'a drop-in session at each base',
    'from our bases') said with the sites we run where people come ('weekly groups at both the Foundry Hub and the
    Eastbrook Wellbeing Hub'); unchanged when the buyer names no such site of ours, or when it already names one."""
    where = sites.delivery()
    if not where or any(s.name.lower() in (sentence or "").lower() for s in sites.run + sites.partner):
        return sentence
    values = {"each": _each(where), "all": join_and([s.said for s in where]), "any": _any(where)}
    out = sentence
    for entry in _spec().get("said_at") or []:
        pat = re.compile(str(entry.get("match") or r"(?!x)x"), re.I)
        said = str(entry.get("said") or "")

        def fill(m: re.Match, said: str = said) -> str:
            return said.format(what=m.groupdict().get("what") or "", **values)

        out = pat.sub(fill, out, count=1)
        if out != sentence:
            break
    return out


def named(text: str, sites: list[Site]) -> list[Site]:
    """The sites of ``sites`` that ``text`` names."""
    low = (text or "").lower()
    return [s for s in sites if re.search(r"(?<![\w'’])" + re.escape(s.name.lower()) + r"(?![\w'’])", low)]


def partner_misuse(sentence: str, sites: Sites) -> str:
    """The site we run that ``sentence`` treats as a partner ('an information sharing agreement with the Foundry
    Hub'), or ''."""
    for m in _re("partner_link").finditer(sentence or ""):
        after = sentence[m.end():m.end() + 60]
        for s in sites.run:
            if re.match(r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?" + re.escape(s.name) + r"(?![\w'’])", after, re.I):
                return s.said
    return ""


def asks_where(text: str) -> bool:
    """Whether an ask is about where the service is delivered ('in each of the two hubs', 'your bases')."""
    return bool(_re("asks_where").search(text or ""))


def sites_with(sites: "Sites", found: "list[site_roles.Place]") -> "Sites":
    """:class:`Sites` (the sites we run and the partners') with this reader's roles over it: a place it reads
    as ours is a site we run and never a partner's; one it reads as another's (a partner's, the buyer's) is never a
    site we run."""
    ours = {p.key for p in found if p.role == "ours"}
    others = {p.key for p in found if p.role != "ours"}
    run = [s for s in sites.run if site_roles.key(s.name) not in others]
    have = {site_roles.key(s.name) for s in run}
    for p in found:
        if p.role == "ours" and p.key not in have:
            run.append(Site(p.name, the=p.name.split()[-1] in _the_heads()))
            have.add(p.key)
    partner = [s for s in sites.partner if site_roles.key(s.name) not in ours]
    return Sites(run=run, partner=partner)


def _the_heads() -> set[str]:
    return set(_words("the_heads"))
