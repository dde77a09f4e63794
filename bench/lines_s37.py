"""(s37) What reading lines costs the checker: a document checked cold (caches empty) by the over-claim and privacy
families, with the sentences parsed and the CPU seconds. Run it with the tree to measure on PYTHONPATH:

    PYTHONPATH=src python bench/lines_s37.py [FILE ...]      # default: README.md and docs/*.md (hard-wrapped prose)

Prints, per file: blocks, blocks over several lines, sentences parsed, findings per family, CPU seconds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as checker_module, markdown, pipeline

    files = [Path(a) for a in argv] or [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    check = checker_module.Checker(CheckerSettings(), ["overclaim", "privacy"])
    check.check_text("Warm up the model.")  # the model's load is not the cost measured
    total_cpu = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        blocks = markdown.extract_blocks(text, markup=markdown.markup_for(str(path)))
        several = sum(1 for b in blocks if "\n" in text[b.start:b.to_original(len(b.text) - 1)])
        checker_module.clear_cache()
        t = time.process_time()
        found = check.check_text(text, path=str(path))
        cpu = time.process_time() - t
        total_cpu += cpu
        parsed = len(pipeline._sentence_docs)
        fams = {fam: sum(1 for f in found if f.family == fam) for fam in ("overclaim", "privacy")}
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(blocks)} blocks, {several} over "
              f"several lines, {parsed} sentences parsed, findings {fams}, {cpu:.2f} s CPU")
    print(f"total {total_cpu:.2f} s CPU")


if __name__ == "__main__":
    main(sys.argv[1:])
