"""Benchmark: what the reader gets. The demo's documents in Word, converted to PDF and counted.

    python bench/documents_bench.py [--people 400] [--db PATH] [--keep FOLDER]

Builds the demo service (default size) in a temporary folder unless --db is
given, then writes, in house style (the shipped Word template, organisation
"Demo Community Support" in the header):

1. the 500-word answer to corpus/questions/q01-crisis-escalation.md (the
   answer only), its evidence appendix and its compliance sheet;
2. the contract review for the last complete quarter: the narrative alone (no
   evidence appendix) and the whole document.

Each Word file is converted to PDF with LibreOffice (``soffice``) when it is
installed, and its A4 page count printed. Targets: answer <= 2 pages, review
narrative <= 12 pages. Every generated document's text is then checked with
``evidencebot check --db`` (error, warning and suggestion counts printed).
With --keep the files (and PDFs) are left in FOLDER to look at.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ANSWER_PAGES = 2
NARRATIVE_PAGES = 12
ORG = "Demo Community Support"


def question(name: str) -> tuple[str, int]:
    from evidencebot import locations

    text = (locations.packaged_dir("corpus") / "questions" / f"{name}.md").read_text(encoding="utf-8")
    limit = int(re.search(r"^word_limit:\s*(\d+)", text, re.M).group(1))
    return re.sub(r"\A---.*?---\n", "", text, flags=re.S), limit


def pdf_pages(docx: Path, outdir: Path, profile: Path) -> tuple[int, str] | None:
    """(pages, page size) of the PDF LibreOffice makes from ``docx``; None without LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = outdir / (docx.stem + ".pdf")
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    size = "?"
    if box:
        w, h = float(box.group(1)), float(box.group(2))
        size = "A4" if abs(w - 595.3) < 2 and abs(h - 841.9) < 2 else f"{w:.0f}x{h:.0f} pt"
    return pages, size


def check_counts(path: Path, db_path: Path) -> dict[str, int]:
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-m", "evidencebot", "check", "--db", str(db_path), "--format", "json",
                          str(path)], capture_output=True, text=True, env=env, timeout=600)
    if out.returncode not in (0, 1):
        raise SystemExit(f"check failed on {path}: {out.stderr.strip()}")
    rows = json.loads(out.stdout)
    return {s: sum(1 for r in rows if r["severity"] == s) for s in ("error", "warning", "suggestion")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--db", help="use this database instead of building the demo")
    parser.add_argument("--keep", help="write the documents to this folder (kept)")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    home = Path(tmp.name) / "home"
    os.environ["EVIDENCEBOT_HOME"] = str(home)
    from evidencebot import locations

    (locations.config_dir() / "config.toml").write_text(f'[documents]\norganisation = "{ORG}"\n',
                                                         encoding="utf-8")
    from evidencebot.store.db import connect

    if args.db:
        db_path = Path(args.db)
        db = connect(db_path)
    else:
        from evidencebot.store.demo import build_demo

        db_path = Path(tmp.name) / "demo.db"
        db = connect(db_path)
        build_demo(db, people=args.people)
    out = Path(args.keep) if args.keep else Path(tmp.name) / "out"
    out.mkdir(parents=True, exist_ok=True)

    from evidencebot.compose import export
    from evidencebot.compose.review import assemble_review
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.compose.word import render_docx

    text, limit = question("q01-crisis-escalation")
    t0 = time.perf_counter()
    answer = assemble_tender(db, text, limit)
    doc = answer.to_export()
    for p in (out / "answer.docx", *export.companion_paths(doc, out / "answer.docx").values()):
        p.unlink(missing_ok=True)
    export.write(doc, out / "answer.docx")
    t1 = time.perf_counter()
    review = assemble_review(db, None).to_export()
    (out / "review-narrative.docx").write_bytes(render_docx(review, appendix=False))
    (out / "review.docx").write_bytes(render_docx(review))
    t2 = time.perf_counter()
    print(f"answer: {answer.counts.words} words of {limit}; assembled and written (3 files) in {t1 - t0:.2f} s")
    print(f"review: {review.title}; narrative and whole document written in {t2 - t1:.2f} s")

    files = [("answer", out / "answer.docx", ANSWER_PAGES),
             ("answer evidence appendix", out / "answer-evidence.docx", None),
             ("review narrative (no appendix)", out / "review-narrative.docx", NARRATIVE_PAGES),
             ("review with appendix", out / "review.docx", None)]
    profile = Path(tmp.name) / "lo-profile"
    ok = True
    for label, path, target in files:
        counted = pdf_pages(path, out, profile)
        if counted is None:
            print("LibreOffice (soffice) is not installed: no page counts")
            break
        pages, size = counted
        verdict = "" if target is None else (f"  (target <= {target}: {'ok' if pages <= target else 'OVER'})")
        ok = ok and (target is None or pages <= target)
        print(f"{label:32s} {pages:3d} pages, {size}{verdict}")
    for _label, path, _ in files:
        c = check_counts(path, db_path)
        print(f"check --db {path.name:28s} {c['error']} errors, {c['warning']} warnings, "
              f"{c['suggestion']} suggestions")
    db.close()
    if args.keep:
        print(f"documents kept in {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
