"""Score the over-claim checker on claim strength (prints its numbers).

    python bench/claim_strength.py [--csv PATH] [--rules causal|all|RULE,RULE...]

Data: ``pubmed_claims.csv`` (default; 3,061 PubMed conclusion sentences, Yu et al.
2019) or ``press_release_claims.csv`` (2,076 press-release sentences, Yu et al.,
COLING 2020) from ``shared/data/claim-strength/``, labelled 0 no claim,
1 correlational, 2 conditional causal ("may reduce"), 3 direct causal. They are read
from the shared folder and never copied into this repository. They measure; rules
are not tuned to their wording.

Two figures are printed:

* **as shipped**: the domain rules, whose agent must be the provider ("we", "our
  team") and whose outcome must be a health, social, system or financial one;
  research prose has neither, so this mostly shows the rules stay quiet;
* **structure**: the same ``causal_claim`` check with ``agents: any`` and
  ``outcomes: any`` (any subject, any object): the shipped opt-in rule
  ``overclaim.research-causal-claim`` (``phrasebank/overclaim-research.yaml``),
  switched on for this run, which measures the structure itself: a causal verb from the shipped verb classes with a subject
  and an object, not hedged, negated, conditional, an aim or a question.

Positive class: label 3 (an unhedged, direct causal claim). A sentence is predicted
positive when the checker reports a finding of a "causal kind" rule: by default the
causal, promise, guarantee and proof rules (``--rules causal``, listed below);
``--rules all`` counts any over-claim finding.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _default_csv() -> Path:
    """``shared/data/claim-strength/pubmed_claims.csv`` in the nearest folder above that has it."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared/data/claim-strength/pubmed_claims.csv"
        if candidate.exists():
            return candidate
    return Path("/work/shared/data/claim-strength/pubmed_claims.csv")


DEFAULT_CSV = _default_csv()
# The structure rule: the shipped opt-in rule (phrasebank/overclaim-research.yaml), the
# causal_claim check with any agent and any outcome, switched on for this run.
STRUCTURE_RULE = "overclaim.research-causal-claim"

CAUSAL_RULES = (
    "overclaim.causal-system-outcome",
    "overclaim.promised-outcome",
    "overclaim.eliminated",
    "overclaim.guarantee",
    "overclaim.proof",
    "overclaim.data-confirms",
    "overclaim.sole-credit",
    "overclaim.causal-outcome",
    "overclaim.attribution",
    "overclaim.promised-person-outcome",
    "overclaim.makes-people-better",
)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV, help=f"default: {DEFAULT_CSV}")
    ap.add_argument("--rules", default="causal", help="causal (default), all, or a comma-separated list of rule ids")
    args = ap.parse_args(argv)
    if not args.csv.exists():
        sys.exit(f"error: {args.csv}: not found (give --csv PATH)")
    home = Path(tempfile.mkdtemp(prefix="evidencebot-bench-"))
    os.environ["EVIDENCEBOT_HOME"] = str(home)

    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    with args.csv.open(encoding="utf-8", newline="") as fh:
        rows = [(r["sentence"], int(r["label"])) for r in csv.DictReader(fh)]
    if args.rules == "all":
        wanted = None
    elif args.rules == "causal":
        wanted = set(CAUSAL_RULES)
    else:
        wanted = {r.strip() for r in args.rules.split(",") if r.strip()}
    checker = Checker(settings=CheckerSettings(enabled_rules=[STRUCTURE_RULE]), families=["overclaim"])
    t = time.perf_counter()
    results = checker.check_many([(text, "sentence.txt") for text, _ in rows])
    elapsed = time.perf_counter() - t

    print(f"claim strength: {len(rows)} sentences from {args.csv.name}; positive = label 3 (direct causal), "
          f"{sum(1 for _, lab in rows if lab == 3)} sentences")
    _score("as shipped", rows, results, wanted)
    _score("structure", rows, results, {STRUCTURE_RULE})
    print(f"time: {elapsed:.1f} s ({len(rows) / elapsed:.0f} sentences/s)")


def _score(title, rows, results, wanted) -> None:
    tp = fp = fn = tn = 0
    by_label = Counter()
    hits_by_label = Counter()
    rule_hits = Counter()
    for (_text, label), findings in zip(rows, results):
        mine = [f for f in findings if (wanted is None and f.rule != STRUCTURE_RULE) or (wanted and f.rule in wanted)]
        predicted = bool(mine)
        gold = label == 3
        by_label[label] += 1
        if predicted:
            hits_by_label[label] += 1
            for rule in {f.rule for f in mine}:
                rule_hits[(rule, gold)] += 1
        tp += predicted and gold
        fp += predicted and not gold
        fn += (not predicted) and gold
        tn += (not predicted) and not gold
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\n{title}: rules counted: {'all over-claim rules' if wanted is None else ', '.join(sorted(wanted))}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp={tp} fp={fp} fn={fn} tn={tn})")
    print("flagged share by label: " + ", ".join(
        f"{lab}: {hits_by_label[lab]}/{by_label[lab]} ({hits_by_label[lab] / by_label[lab]:.1%})" for lab in sorted(by_label)))
    print("findings by rule (on label 3 / other labels): " + ", ".join(
        f"{rule.split('.', 1)[1]} {rule_hits[(rule, True)]}/{rule_hits[(rule, False)]}"
        for rule in sorted({r for r, _ in rule_hits})))


if __name__ == "__main__":
    main()
