"""check --db on a claimed fall in crisis events (issue 14, item 7): the claim is read
against crisis events per 100 (not another indicator's percentage), a wrong size of
change is answered with the change the data show, and never called supported beside it."""

from __future__ import annotations

import pytest

from evidencebot.evidence.verify import check_evidence


@pytest.fixture(scope="module")
def demo(tmp_path_factory, default_demo):
    import shutil

    from evidencebot.store.db import connect

    db = connect(shutil.copyfile(default_demo, tmp_path_factory.mktemp("verify14") / "demo.db"))  # the run's build
    yield db
    db.close()


def test_a_wrong_fall_in_crisis_events_is_matched_to_crisis_events(demo):
    report = check_evidence(demo, "Crisis events fell by 40% between 2025/26 Q2 and 2026/27 Q2.")
    [mismatch] = [f for f in report.findings if f.rule == "evidence.figure-mismatch"]
    assert "Crisis events per 100" in mismatch.message and "a fall of" in mismatch.message
    assert "72 hours" not in mismatch.message
    assert not [f for f in report.findings if f.rule == "evidence.change-supported"]


def test_a_step_at_the_service_change_supports_a_claimed_fall(demo):
    report = check_evidence(demo, "The median time from escalation to clinical review fell between "
                                  "2024/25 Q4 and 2026/27 Q2, from 58 hours to 22 hours.")
    rules = [f.rule for f in report.findings]
    assert "evidence.change-within-noise" not in rules
