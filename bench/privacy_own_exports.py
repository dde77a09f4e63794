"""Our own generated exports as pass rows for the learned privacy check (p26, issue 15).

    PYTHONPATH=src python bench/privacy_own_exports.py --db /tmp/p26/demo.db --out tests/data/privacy_own_exports.jsonl

Builds, on a demo database (``evidencebot demo --db D``), the contract reviews and board summaries of every quarter
the data covers and tender answers to the spent question files (s20..s24), and writes their blocks (paragraphs and
tables, cut at blank lines, with a table's header kept above its rows) as pass rows: our own text must give the
checker no finding (bench/train_privacy_detail.py trains on them as set ``q_exports``, never left out). Run again
when the exports' shapes change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MAX_BLOCK = 1200
PER_DOC = 30


def blocks(markdown: str) -> list[str]:
    """The document's blocks (cut at blank lines), a long table cut into pieces of its header and a few rows."""
    out = []
    for block in markdown.split("\n\n"):
        block = block.strip()
        if len(block) < 12 or set(block) <= set("|-: \n"):
            continue
        lines = block.splitlines()
        if len(block) > MAX_BLOCK and lines[0].startswith("|"):
            head = lines[:2] if len(lines) > 1 and set(lines[1]) <= set("|-: ") else lines[:1]
            body = lines[len(head):]
            for k in range(0, len(body), 6):
                out.append("\n".join(head + body[k:k + 6]))
        else:
            out.append(block[:MAX_BLOCK])
    return out


def chosen(texts: list[str], n: int) -> list[str]:
    return sorted(set(texts), key=lambda t: hashlib.sha1(t.encode()).hexdigest())[:n]


def main(argv: list[str]) -> None:
    from evidencebot.assistant.board import board_summary
    from evidencebot.compose.review import assemble_review
    from evidencebot.metrics import periods
    from evidencebot.store.db import connect

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    db = connect(args.db)
    rows: list[dict] = []

    def add(source: str, markdown: str) -> None:
        for k, text in enumerate(chosen(blocks(markdown), PER_DOC)):
            rows.append({"id": f"{source}-{k}", "text": text, "label": "pass", "kind": "own_export", "spans": []})

    for label in ("2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2"):
        period = periods.parse_period(label)
        review = assemble_review(db, period)
        add(f"review-{label}", str(getattr(review, "markdown", review)))
        add(f"board-{label}", board_summary(db, period).markdown)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        for session in ("s20", "s21", "s22", "s23", "s24"):
            for q in sorted((ROOT / "tests" / "data" / "heldout" / session / "questions").glob("q0[1-2].md")):
                out = Path(tmp) / f"{session}-{q.stem}.md"
                subprocess.run([sys.executable, "-m", "evidencebot", "assemble", "tender", "--db", str(args.db),
                                "--question-file", str(q), "--force", "-o", str(out)], env=env, check=True,
                               capture_output=True)
                add(f"tender-{session}-{q.stem}", out.read_text(encoding="utf-8"))
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
