"""Does a placed block or story answer its part? P/R of "does not fit" on a labelled set (issue 12 item 4, s32).

    PYTHONPATH=src python bench/part_fit.py [tests/data/labelled/part_fit_s32.jsonl ...] [--show]

Several files are read as one set (s34: part_fit_s32.jsonl and part_fit_s34.jsonl). A row of kind 'template' is one
of the buyer's templates (corpus/library/buyer_blocks.yaml, the board-contact paragraph), judged by what the assembler
applies to a template it places under a part that does not name the buyer's thing (partfit.subject_misfit, s34).

Each row: a part's ask, a block or story id, and whether it fits (the panel's verdict, cited by sheet and line, or
the engineer's own). The predictor is the chain the assembler applies before keeping a block under a part
(askfit.misfit: situation, direction and, from s32, partfit; groups.block_misfit) and, for a story, askfit's
situation test and partfit.story_misfit. Run it with another tree's src on PYTHONPATH for a before figure."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

from evidencebot.compose import askfit, groups
from evidencebot.store.blocks import library_blocks

try:
    from evidencebot.compose import partfit
except ImportError:  # a tree before s32
    partfit = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent


def blocks() -> dict[str, SimpleNamespace]:
    return {str(s["id"]): SimpleNamespace(block_id=str(s["id"]), title=str(s["title"]), body=str(s["body"]),
                                          tags=[str(t) for t in s.get("tags") or []]) for s, _ in library_blocks()}


def stories() -> dict[str, tuple[str, str]]:
    out = {}
    for path in sorted((ROOT / "corpus" / "stories").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("\n---\n")
        title = next((ln.split(":", 1)[1].strip() for ln in head.splitlines() if ln.startswith("title:")), "")
        out[path.stem] = (title, body)
    return out


def templates() -> dict[str, SimpleNamespace]:
    from evidencebot.compose import buyer_terms
    return {b.block_id: b for b in buyer_terms.templates()}


def misfit(row: dict, lib: dict, tales: dict) -> str | None:
    ask = row["ask"]
    if row["kind"] == "template":
        b = templates()[row["id"]]
        judge = getattr(partfit, "subject_misfit", None)
        return judge(ask, b.title) if judge else None  # a tree before s34 places it wherever words are nearest
    if row["kind"] == "block":
        b = lib[row["id"]]
        # the assembler reads the groups test on the part's own text, without its part's title (s34 rows write the
        # part's title in brackets after the ask, as tender.situated does)
        own = re.sub(r"\s*\([^()]*\)$", "", ask) if row.get("set") == "s33" else ask
        return askfit.misfit(ask, b) or groups.block_misfit(own, b)  # the whole question is not in the row
    title, body = tales[row["id"]]
    context = body.split("##")[1] if "##" in body else body
    about = title + " " + " ".join(context.split()[:60])
    why = askfit.text_misfit(ask, about)
    if why is None and partfit is not None:
        why = partfit.story_misfit(ask, f"{title} {body}")
    return why


def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("--")] or [str(ROOT / "tests/data/labelled/part_fit_s32.jsonl")]
    rows = [json.loads(ln) for path in paths for ln in Path(path).read_text().splitlines() if ln.strip()]
    lib, tales = blocks(), stories()
    for label, chosen in (("all rows", rows), ("panel and lead rows only", [r for r in rows if not r["labelled_by"].startswith("fit")])):
        score(label, chosen, lib, tales, "--show" in argv and chosen is rows)


def score(label: str, rows: list[dict], lib: dict, tales: dict, show: bool) -> None:
    tp = fp = fn = tn = 0
    for row in rows:
        why = misfit(row, lib, tales)
        said, truth = why is not None, not row["fits"]
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
        tn += not said and not truth
        if show and said != truth:
            print(f"{'FP' if said else 'FN'} [{row['set']} {row['q']}] {row['ask'][:70]!r} / {row['id']}: {why}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"{label}: {len(rows)} rows, {tp + fn} do not fit; 'does not fit' P {p:.3f} R {r:.3f} "
          f"(tp {tp} fp {fp} fn {fn} tn {tn})")


if __name__ == "__main__":
    main(sys.argv[1:])
