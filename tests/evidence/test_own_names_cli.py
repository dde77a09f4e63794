"""`evidencebot check --db` on a review does not flag the product's own indicator titles and definitions
("'12 weeks' needs the period" inside "Transitions completed with planned support (12 weeks)"): the
exemption is the verifier's own (evidence/verify.py ``_in_name``), so the command line and the app agree."""

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
