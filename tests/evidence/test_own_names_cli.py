"""`evidencebot check --db` on a review does not flag the product's own indicator titles and definitions
("'12 weeks' needs the period" inside "Transitions completed with planned support (12 weeks)"): the
exemption is the evidence family's, so the command line and the app agree."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.evidence.family import EvidenceFamily
from evidencebot.store.db import connect

from .fixture_claims import build

REVIEW = """# Contract review

| indicator | value |
|---|---|
| Transitions completed with planned support (12 weeks) | see the appendix |

Transitions completed with planned support (12 weeks) is in the table above.

Transitions completed with planned support were 95%.
"""


@pytest.fixture
def service_path(tmp_path):
    path = tmp_path / "service.db"
    db = connect(path)
    build(db)
    db.close()
    return path


def finding_on(text: str, words: str):
    from evidencebot.language.findings import Finding

    start = text.index(words)
    return Finding(rule="evidence.missing-period", family="evidence", severity="warning", message="",
                   start=start, end=start + len(words), match=words)


def test_words_inside_an_own_indicator_title_are_not_a_claim():
    from evidencebot.evidence.own_names import in_own_name

    title = "The table shows Transitions completed with planned support (12 weeks) by month."
    assert in_own_name(finding_on(title, "12 weeks"), title)
    prose = "We completed 12 weeks of planned support for most people."
    assert not in_own_name(finding_on(prose, "12 weeks"), prose)


def test_own_indicator_titles_are_not_flagged_by_check(service_path, tmp_path):
    draft = tmp_path / "review.md"
    draft.write_text(REVIEW)
    result = CliRunner().invoke(cli, ["check", str(draft), "--db", str(service_path), "--family", "evidence",
                                      "--format", "json"])
    findings = json.loads(result.output)
    assert not [f for f in findings if f["match"] == "12 weeks"]  # neither in the table (5) nor the prose (7)
    assert [f["line"] for f in findings if f["match"] == "95%"] == [9]  # a figure of ours is still checked
    db = connect(service_path)
    try:
        family = EvidenceFamily(db)(REVIEW)
    finally:
        db.close()
    assert not [f for f in family if f.match == "12 weeks"]
