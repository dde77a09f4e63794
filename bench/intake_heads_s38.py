"""Headings of the matched sub-points on every labelled question set, against the writers' headings (session 38,
issue 12 item 3): how many are close to the writer's (at least half the content words shared, bench/question_intake.py's
rule), longer than 12 words, or cut mid-phrase, for ``ParsedQuestion.headings`` (what bench/question_intake.py
measures) and for the heading printed over the answer's part (``make_heading(..., short=True)``).

    PYTHONPATH=src python bench/intake_heads_s38.py --dump FILE      # parse every set, write the pairs
    python bench/intake_heads_s38.py --stats FILE [--show]          # the figures (and, --show, headings that lost
                                                                     # closeness against the parsed heading)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from question_intake import cut_mid_phrase, match, overlap  # noqa: E402


def dump(path: str) -> None:
    from evidencebot.compose.questions import _weight, make_heading, mandated_headings, parse_question, point_heading
    from evidencebot.errors import EvidencebotError

    out = []
    for f in sorted((ROOT / "tests" / "data").rglob("questions_*.jsonl")):
        for line in open(f, encoding="utf-8"):
            if not line.strip():
                continue
            r = json.loads(line)
            try:
                q = parse_question(r["text"])
            except EvidencebotError:
                continue
            pred = [t for _, t in q.points]
            mand = mandated_headings(r["text"]) and len(pred) >= 2
            for i, j in match(pred, list(r["subpoints"])):
                if j >= len(r.get("headings") or []):
                    continue
                t = _weight(pred[i])[0]
                out.append({"set": f.name, "id": r["id"], "exp": r["headings"][j], "parsed": q.headings[i],
                            "printed": point_heading(t, make_heading(t, short=True), mand)[0], "text": t})
    Path(path).write_text(json.dumps(out), encoding="utf-8")


def stats(path: str, show: bool) -> None:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    for x in d:  # a dump made before the keys were named for what they hold
        x.setdefault("parsed", x.get("label", ""))
        x.setdefault("printed", x.get("short", ""))
    for k in ("parsed", "printed"):
        close = sum(overlap(x[k], x["exp"]) >= 0.5 for x in d)
        long_ = sum(len(x[k].split()) > 12 for x in d)
        cut = sum(cut_mid_phrase(x[k], x["text"]) for x in d)
        mean = sum(len(x[k].split()) for x in d) / max(1, len(d))
        print(f"{k}: matched {len(d)}, close to the writer's {close}, longer than 12 words {long_}, "
              f"cut mid-phrase {cut}, mean words {mean:.1f}")
    if show:
        for x in d:
            if overlap(x["printed"], x["exp"]) < 0.5 <= overlap(x["parsed"], x["exp"]):
                print(f"writer {x['exp']!r} | parsed {x['parsed']!r} | printed {x['printed']!r}")


if __name__ == "__main__":
    if "--dump" in sys.argv:
        dump(sys.argv[sys.argv.index("--dump") + 1])
    elif "--stats" in sys.argv:
        stats(sys.argv[sys.argv.index("--stats") + 1], "--show" in sys.argv)
    else:
        print(__doc__)
