"""Indicator values stay cached while only the writer's records change, and are worked out again
when the outcome data change (:mod:`evidencebot.store.dataversion`, :mod:`evidencebot.metrics.indicators`)."""

from __future__ import annotations

import pytest

from evidencebot.metrics import indicators
from evidencebot.store.db import connect

PERIOD = "2026/27 Q2"
DNA = "dna_rate"


@pytest.fixture
def demo(demo_copy_factory):
    path = demo_copy_factory()
    database = connect(path)
    yield database, path
    database.close()


@pytest.fixture
def computed(count_computations):
    """Indicator ids in the order their measures were worked out (not taken from the cache)."""
    return count_computations()


def _contact(db, n: int, *, attendance: str = "dna", day: str = "2026-08-12T10:00") -> None:
    person = db.execute("select person_id from people order by person_id limit 1").fetchone()[0]
    with db.atomic():
        db["contacts"].insert({"contact_id": f"CTEST{n}", "person_id": person, "contact_at": day,
                               "kind": "planned", "mode": "phone", "attendance": attendance})


def test_saving_drafts_answers_and_library_use_keeps_indicator_values(demo, computed):
    from evidencebot.compose import library
    from evidencebot.store import drafts, tenders

    db, _ = demo
    first = indicators.compute(db, DNA, PERIOD)
    assert computed == [DNA]
    draft_id = drafts.write_draft(db, None, {"body": "Our DNA rate fell.", "title": "t"}, kind="tender")
    drafts.add_version(db, draft_id, "Our DNA rate fell.")
    tid = tenders.insert_tender(db, {"title": "T", "source_file": "x.docx", "source_kind": "docx",
                                     "imported_at": "2026-10-01T09:00:00"},
                                [{"position": 1, "ref": "1.1", "question": "How?", "word_limit": 100,
                                  "status": "not started"}])
    qid = tenders.question_rows(db, tid)[0]["id"]
    tenders.update_question(db, qid, {"answer": "An answer.", "status": "checked"})
    block = db.execute("select block_id from answer_blocks limit 1").fetchone()
    if block:
        library.record_use(db, [block[0]], "tender 1 question 1.1", "How?")
    assert db.execute("select count(*) from audit_log").fetchone()[0] > 0  # the audit trail was written too
    again = indicators.compute(db, DNA, PERIOD)
    assert computed == [DNA]  # not worked out again
    assert again.to_dict() == first.to_dict()


def test_an_outcome_write_on_the_same_connection_recomputes(demo, computed):
    db, _ = demo
    before = indicators.compute(db, DNA, PERIOD)
    _contact(db, 1)
    after = indicators.compute(db, DNA, PERIOD)
    assert computed == [DNA, DNA]
    assert after.numerator == before.numerator + 1
    assert after.denominator == before.denominator + 1


def test_a_commit_by_another_connection_recomputes(demo, computed):
    db, path = demo
    before = indicators.compute(db, DNA, PERIOD)
    other = connect(path)
    try:
        _contact(other, 2, attendance="attended")
    finally:
        other.close()
    after = indicators.compute(db, DNA, PERIOD)
    assert after.denominator == before.denominator + 1
    assert after.numerator == before.numerator


def test_values_read_inside_a_rolled_back_transaction_are_not_kept(demo):
    db, _ = demo
    before = indicators.compute(db, DNA, PERIOD)
    db.execute("BEGIN")
    db.execute("insert into contacts (contact_id, person_id, contact_at, kind, mode, attendance) "
               "select 'CTEST3', person_id, '2026-08-12T10:00', 'planned', 'phone', 'dna' from people limit 1")
    inside = indicators.compute(db, DNA, PERIOD)
    db.conn.rollback()
    after = indicators.compute(db, DNA, PERIOD)
    assert inside.numerator == before.numerator + 1
    assert after.to_dict() == before.to_dict()


def test_a_new_table_changes_the_version_and_is_watched(demo):
    from evidencebot.store.dataversion import data_version

    db, _ = demo
    start = data_version(db)
    db.execute("create table extra_outcomes (n integer)")
    moved = data_version(db)
    assert moved != start
    db["extra_outcomes"].insert({"n": 1})
    assert data_version(db) != moved  # a table made after the first reading counts as data too


def test_inside_and_outside_figures_are_worked_out_once_and_unchanged(demo, demo_copy_factory, computed):
    db, _ = demo
    outside = indicators.compute(db, DNA, PERIOD, external=True)
    inside = indicators.compute(db, DNA, PERIOD, external=False)
    assert computed == [DNA]
    # the same figures as each computed on its own, on fresh connections
    for external, got in ((True, outside), (False, inside)):
        fresh = connect(demo_copy_factory(name=f"fresh-{external}.db"))
        try:
            assert indicators.compute(fresh, DNA, PERIOD, external=external).to_dict() == got.to_dict()
        finally:
            fresh.close()


def test_the_evidence_checker_keeps_its_cache_over_a_draft_save(demo):
    from evidencebot.evidence.family import EvidenceFamily
    from evidencebot.store import drafts

    db, _ = demo
    family = EvidenceFamily(db)
    checker = family.checker()
    drafts.write_draft(db, None, {"body": "A draft."}, kind="tender")
    assert family.checker() is checker
    _contact(db, 4)
    assert family.checker() is not checker


def test_a_span_measures_the_same_alone_as_asked_with_others(demo):
    """What lets each span be cached on its own: for every indicator, the period, the comparison
    and the 24 months of the series give the same measures asked together, one by one, or
    with a different set of spans."""
    from evidencebot.metrics.catalogue import load_catalogue

    db, _ = demo
    checked = 0
    for ind in load_catalogue().values():
        fresh = [indicators._Context(db, None) for _ in range(3)]
        for ctx in fresh:
            ctx.followup_day0 = False
        period = indicators._resolve_period(PERIOD, fresh[0])
        compare = period.previous()
        main = indicators.Span(indicators._mi(period.start), indicators._mi(period.end), detail=True)
        other = indicators.Span(indicators._mi(compare.start), indicators._mi(compare.end), detail=True)
        series = indicators._series_spans(fresh[0], main.last, indicators.SERIES_MONTHS)
        compute = indicators.COMPUTE[ind.family or ind.id]
        together = compute(fresh[0], ind, [main, other, *series])
        alone = [compute(fresh[1], ind, [span])[0] for span in [main, other, *series]]
        assert together == alone, ind.id
        assert compute(fresh[2], ind, [other, *series[::3]]) == [together[1], *together[2::3]], ind.id
        checked += 1
    assert checked >= 20


def test_a_connection_without_the_triggers_counts_every_write():
    """A plain sqlite3 connection takes no attributes, so no triggers: every write moves the version."""
    import sqlite3

    from sqlite_utils import Database

    from evidencebot.store.dataversion import data_version

    db = Database(sqlite3.connect(":memory:"))
    db["drafts"].insert({"body": "x"})
    start = data_version(db)
    assert start[0] == "every write"
    db["drafts"].insert({"body": "y"})  # even a bookkeeping table
    assert data_version(db) != start
