"""How much of the service model each model/access part of drafted answers describes (issue 12, session 27).

    PYTHONPATH=src python bench/service_model_parts.py QDIR ANSWERS [--prefix s26_]

QDIR holds the questions (qNN.md), ANSWERS the drafted answers (``<prefix>qNN.md``, as ``evidencebot assemble tender
-o`` writes them). A model/access part is a sub-point of the question's plan (:func:`plan_question`) that asks for an aspect of
the service model (the cues of ``phrasebank/service_model.yaml``, :func:`service_model.asks`), found in the answer by
its heading (the section whose heading shares the most words with the part's label; none when no heading shares half:
a part with nothing under it has no heading). For each, it counts:

- comp: the components the buyer says we run (:func:`service_model.read`) named in the part;
- named: the buyer's places named in the part (our components, partners', CMHTs and their bases, outreach sites);
- steps: journey steps (numbered paragraphs);
- hours: hours ranges said ('08:00–20:00', '10am to 4pm');
and for the whole answer the same counts, and 'boiler': sentences saying we will run a place 'ourselves from the
first day' (the boilerplate every panel since s22 marked down).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from evidencebot.compose import service_model
from evidencebot.compose.questions import plan_question

HOURS = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[–-]|to)\s*\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:am|pm)\s+to\s+\d{1,2}\s*(?:am|pm)\b"
                   r"|\b24/7\b|\b24\s+hours\s+a\s+day\b", re.I)
STEP = re.compile(r"(?m)^\s*\d\.\s+\S")
BOILER = re.compile(r"\bourselves\s+from\s+the\s+first\s+day\b", re.I)


def sections(text: str) -> list[tuple[str, str]]:
    out, head, body = [], "", []
    for line in text.splitlines():
        if line.startswith("## "):
            out.append((head, "\n".join(body)))
            head, body = line[3:].strip(), []
        elif not line.startswith("# "):
            body.append(line)
    out.append((head, "\n".join(body)))
    return [(h, b) for h, b in out if h or b.strip()]


def names(model: service_model.Model) -> tuple[list[str], list[str]]:
    ours = [c.short or c.name for c in model.ours()]
    places = ours + [c.short or c.name for c in model.partners() if c.proper]
    for loc in model.localities:
        places += [loc.cmht] + ([loc.base] if loc.base else [])
        places += [re.sub(r"^.*?\bat\s+", "", o) for o in loc.outreach]
    return ours, list(dict.fromkeys(p for p in places if p))


def strip(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower())


def count(text: str, ours: list[str], places: list[str]) -> dict[str, int]:
    low = text.lower()
    return {"comp": sum(strip(n) in low for n in ours), "named": sum(strip(n) in low for n in places),
            "steps": len(STEP.findall(text)), "hours": len(HOURS.findall(text)), "boiler": len(BOILER.findall(text))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("qdir", type=Path)
    ap.add_argument("answers", type=Path)
    ap.add_argument("--prefix", default="")
    a = ap.parse_args(argv)
    rows = []
    total = {"parts": 0, "comp": 0, "named": 0, "steps": 0, "hours": 0, "boiler": 0}
    for answer in sorted(a.answers.glob(f"{a.prefix}q[0-9][0-9].md")):
        question = a.qdir / answer.name[len(a.prefix):]
        if not question.exists():
            continue
        model = service_model.read(question.read_text(encoding="utf-8"))
        ours, places = names(model)
        text = answer.read_text(encoding="utf-8")
        whole = count(text, ours, places)
        found = sections(text)
        parts = []
        scored = [p for p in plan_question(question.read_text(encoding="utf-8")).points if p.kind != "confirm"]
        for n, point in enumerate(scored):
            if not service_model.asks(point.text):
                continue
            want = set(re.findall(r"[a-z0-9]+", point.label.lower()))
            best = max(found, key=lambda s: len(want & set(re.findall(r"[a-z0-9]+", s[0].lower()))), default=("", ""))
            near = len(want & set(re.findall(r"[a-z0-9]+", best[0].lower())))
            body = best[1] if want and near * 2 >= len(want) else ""
            keyed = [b for h, b in found if h.startswith(f"{point.key})")]
            if keyed and not body:
                body = keyed[0]  # a lettered part whose label was cut from its heading ('a)')
            if not body and n == 0 and found and not found[0][0]:
                body = found[0][1]  # the first part's heading cut or dropped: the text before the first heading
            parts.append((point.label, body))
        for head, body in parts:
            c = count(body, ours, places)
            rows.append(f"| {answer.name} | {head[:60]} | {c['comp']}/{len(ours)} | {c['named']}/{len(places)} | "
                        f"{c['steps']} | {c['hours']} |")
            total["parts"] += 1
            for k in ("comp", "named", "steps", "hours"):
                total[k] += c[k]
        total["boiler"] += whole["boiler"]
        rows.append(f"| {answer.name} | (whole answer) | {whole['comp']}/{len(ours)} | {whole['named']}/{len(places)} | "
                    f"{whole['steps']} | {whole['hours']} | boiler {whole['boiler']} |")
    print("| answer | model/access part | comp named | buyer places named | journey steps | hours said |")
    print("|---|---|---:|---:|---:|---:|")
    print("\n".join(rows))
    print(f"\nmodel/access parts: {total['parts']}; in them: components {total['comp']}, places {total['named']}, "
          f"steps {total['steps']}, hours {total['hours']}; 'ourselves from the first day' in the answers: "
          f"{total['boiler']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
