"""`evidencebot check --db`: the evidence family beside over-claim and privacy."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.evidence.family import EvidenceFamily
from evidencebot.language.checker import Checker
from evidencebot.store.db import connect

from .fixture_claims import build

DRAFT = """# Follow-up after discharge

In 2025/26 Q3, 8 of 10 discharges were followed up within 72 hours.

In 2025/26 Q3, 95% of discharges were followed up within 72 hours (n = 10).

```
In 2025/26 Q3, 50% of discharges were followed up within 72 hours.
```
"""


@pytest.fixture
def service_path(tmp_path):
    path = tmp_path / "service.db"
    db = connect(path)
    build(db)
    db.close()
    return path


def test_figures_are_checked_and_the_appendix_lists_supported_ones(service_path, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT)
    result = CliRunner().invoke(cli, ["check", str(draft), "--db", str(service_path), "--provenance", "--format", "json"])
    assert result.exit_code == 1, result.output  # the 95% is an error-level mismatch
    data = json.loads(result.output)
    mismatches = [f for f in data["findings"] if f["rule"] == "evidence.figure-mismatch"]
    assert [(m["line"], m["match"]) for m in mismatches] == [(5, "95%")]  # the fenced 50% is code, not prose
    assert "8 of 10" in mismatches[0]["message"]
    [prov] = data["provenance"]
    assert (prov["line"], prov["indicator"], prov["numerator"], prov["denominator"], prov["period"]) == (
        3, "followup_72h", 8, 10, "2025/26 Q3")
    assert prov["definition"]


def test_without_db_no_evidence_findings(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT)
    result = CliRunner().invoke(cli, ["check", str(draft), "--format", "json"])
    assert all(not f["rule"].startswith("evidence.") for f in json.loads(result.output))
    result = CliRunner().invoke(cli, ["check", str(draft), "--family", "evidence"])
    assert result.exit_code == 2 and "needs a database" in result.output


def test_evidence_family_only(service_path, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Our service is the best in the region. In 2025/26 Q3, 95% of discharges were followed up within 72 hours.\n")
    result = CliRunner().invoke(cli, ["check", str(draft), "--db", str(service_path), "--family", "evidence", "--format", "json"])
    assert {f["family"] for f in json.loads(result.output)} == {"evidence"}


def test_cache_refreshes_when_the_data_change(service_path):
    db = connect(service_path)
    checker = Checker(families=[], extra={"evidence": EvidenceFamily(db)})
    text = "In 2025/26 Q3, 9 of 11 discharges were followed up within 72 hours."
    assert [f.rule for f in checker.check_text(text)] == ["evidence.figure-mismatch"]
    # Record an eleventh discharge, followed up on day 1: now 9 of 11 is true.
    db["admissions"].insert({
        "spell_id": "S3X", "person_id": "P01", "admitted_on": "2025-11-01", "discharged_on": "2025-11-10",
        "discharge_type": "planned", "first_followup_at": "2025-11-11T10:00",
    })
    assert checker.check_text(text) == []
