"""The ``evidence`` family: the checker's rules that need the database.

:class:`EvidenceFamily` binds :class:`~evidencebot.evidence.verify.EvidenceChecker`
to one database so that :class:`~evidencebot.language.checker.Checker` can run
it beside over-claim and privacy::

    checker = Checker(extra={"evidence": EvidenceFamily(db)})

Its ``version`` includes the database's data version, so the checker's
paragraph cache is refreshed as soon as the data change, and kept while they
do not (re-checking an unchanged draft costs nothing).
"""

from __future__ import annotations

from evidencebot.evidence.verify import EvidenceChecker, Provenance
from evidencebot.language.findings import Finding
from evidencebot.language.markdown import extract_blocks, markup_for
from evidencebot.metrics.indicators import data_version
from evidencebot.store import reach
from evidencebot.store.workflow import story_blockers


class EvidenceFamily:
    def __init__(self, db, *, external: bool = False, today=None):
        self.db = db
        self.external = external
        self.today = today
        self._checker: EvidenceChecker | None = None
        self._checker_version = None

    @property
    def version(self):
        return ("evidence", id(self.db), data_version(self.db), self.external, self.today)

    def checker(self) -> EvidenceChecker:
        version = self.version
        if self._checker is None or self._checker_version != version:
            # Facts and the latest data date are read when the checker is made.
            self._checker = EvidenceChecker(self.db, external=self.external, today=self.today)
            self._checker_version = version
        return self._checker

    def __call__(self, text: str, doc=None):
        return self.checker().check(text).findings + self.story_findings(text)

    def story_findings(self, text: str) -> list:
        """``evidence.story-not-cleared``: the text holds a story (verbatim or nearly, see
        :mod:`evidencebot.store.reach`) whose consent was withdrawn, or, in a draft for outside
        the service (``external``), one that may not leave it. An export of the draft is refused
        for the same reason; this finding says so while the draft is written."""
        out = []
        for row, held in reach.stories_in(self.db, text):
            why = story_blockers(row)
            if not why or not (row.get("consent_withdrawn_at") or self.external):
                continue
            where = reach.span(reach.own_runs(self.db, row["story_id"]), text)
            if where is None:  # found by its title
                at = " ".join(text.split()).casefold().find(" ".join(str(row.get("title") or "").split()).casefold())
                where = (max(at, 0), max(at, 0) + len(str(row.get("title") or ""))) if at >= 0 else (0, len(text))
            start, end = where
            out.append(Finding(
                rule="evidence.story-not-cleared", family="evidence", severity="error",
                message=(f"This holds story {row['story_id']} “{row.get('title')}” ({held.describe()}), which may "
                         f"not be used outside the service: {'; '.join(why)}. An export of this draft is refused; "
                         "take the story's words out."),
                start=start, end=end, match=text[start:end][:200]))
        return out

    def provenance(self, text: str, *, path: str = "-") -> list[Provenance]:
        """Every supported figure in a document (prose only), with offsets into ``text``."""
        out: list[Provenance] = []
        checker = self.checker()
        for block in extract_blocks(text, markup=markup_for(path)):
            if block.off or block.quote:
                continue
            for p in checker.check(block.text).provenance:
                p.start, p.end = block.span_to_original(p.start, p.end)
                out.append(p)
        return out
