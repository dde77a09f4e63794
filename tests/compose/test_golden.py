"""Golden outputs on the fixed demo database.

Regenerate after an intended change with::

    EVIDENCEBOT_UPDATE_GOLDEN=1 python -m pytest tests/compose/test_golden.py

then read the diff before committing it: every changed line is a change in
what a commissioner would read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evidencebot.compose import export as X
from evidencebot.compose import review as R
from evidencebot.compose import tender as T

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("EVIDENCEBOT_UPDATE_GOLDEN") == "1"


def compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run with EVIDENCEBOT_UPDATE_GOLDEN=1 to create it")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        import difflib

        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"golden/{name}", tofile="assembled", n=1))
        pytest.fail(f"{name} differs from the golden file (EVIDENCEBOT_UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}")


@pytest.mark.parametrize(
    "qid, limit",
    [("q01-crisis-escalation", None), ("q03-outcomes-evidence", None), ("q04-engagement", 200)],
)
def test_tender_golden(demo_db, checker, questions, qid, limit):
    text, _ = questions[qid]
    answer = T.assemble_tender(demo_db, text, limit, period="2025-10..2026-09", checker=checker)
    suffix = f"-{limit}" if limit else ""
    doc = answer.to_export(charts=False)
    # what the panel reads, then its evidence appendix (a separate document)
    compare(f"tender-{qid}{suffix}.md", X.to_markdown(doc) + "\n" + X.to_markdown(doc, part="appendix"))


def test_review_golden(demo_db, checker):
    r = R.assemble_review(demo_db, "2026/27 Q2", checker=checker)
    compare("review-2026-27-Q2.md", X.to_markdown(r.to_export(charts=False)))
