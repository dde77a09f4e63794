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


class EvidenceFamily:
    def __init__(self, db, *, external: bool = False, today=None):
        self.db = db
        self.external = external
        self.today = today
        self._checker: EvidenceChecker | None = None
        self._checker_version = None

    @property
    def version(self):
        from evidencebot.metrics.indicators import data_version

        return ("evidence", id(self.db), data_version(self.db), self.external, self.today)

    def checker(self) -> EvidenceChecker:
        version = self.version
        if self._checker is None or self._checker_version != version:
            # Facts and the latest data date are read when the checker is made.
            self._checker = EvidenceChecker(self.db, external=self.external, today=self.today)
            self._checker_version = version
        return self._checker

    def __call__(self, text: str, doc=None):
        return self.checker().check(text).findings

    def provenance(self, text: str, *, path: str = "-") -> list[Provenance]:
        """Every supported figure in a document (prose only), with offsets into ``text``."""
        from evidencebot.language.markdown import extract_blocks, markup_for

        out: list[Provenance] = []
        checker = self.checker()
        for block in extract_blocks(text, markup=markup_for(path)):
            if block.off or block.quote:
                continue
            for p in checker.check(block.text).provenance:
                p.start, p.end = block.span_to_original(p.start, p.end)
                out.append(p)
        return out
