"""Blocks lifted from another service type or another topic, placed under a part they do not answer.

    PYTHONPATH=src python bench/lifted_text.py [--sets s27,s28,s29,corpus] [--src PATH] [--db PATH] [--show] [--all]

The s28 and s29 blind panels (tests/data/heldout/s2[89]/panel) kept marking text that sits under a part it does not
answer: a crisis house's missing-resident procedure under 'rural access and people who missed checks' (physical
health), physical-health text under 'checking in where there is no signal' (lone working), an outreach paragraph under
'keeping people in work when the season ends' (IPS), a subject-access paragraph under safeguarding governance.

Each spent set's questions (``tests/data/heldout/<set>/questions/q*.md``) are drafted as ``tender draft --all`` drafts
one tender (one ``TenderShared``, the whole questionnaire as buyer context); ``corpus`` drafts each shipped example
question (``corpus/questions``) on its own. The source tree is ``--src`` (default this checkout's ``src``; give another
checkout's to measure it before a change). For every method block placed in a part (read from the coverage row) this
script judges, with its own matchers (not the assembler's code):

* *setting*: the block takes for granted a setting (``phrasebank/settings.yaml`` cues: the house, residents, a ward,
  ...) that neither the part nor its own question names (the tender may name it elsewhere: the crisis house of another
  question is not this question's setting);
* *ask*: the part's telling words (its own content words, less the question's frame, the words most of the
  question's parts share, and words said by more than 8% of the library's blocks: 'check', 'work', 'role') that the
  block's title, tags and text say: none of them is a suspect ('checking in where there is no signal' and the physical
  health block share only 'check').

Printed per question the suspect placements (with ``--show``) and the totals. A suspect is a candidate for reading,
not a verdict: bench/fit_s30.md says how many were judged truly wrong by reading them.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml
from setting_fit import _pattern, library  # one reader of the settings' phrase lists and of the library

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = "s27,s28,s29,corpus"

# the words of a question's frame and of every part (not what a part asks about); a bench's own list
FRAME = set("""
describe explain set out outline tell us how will would your you yours we our ours the and or of to in for with on at by
from into about this that these those their them they its it be is are was were been being have has had can could should
must may might what which who whom when where why whether including include includes such as also any each every all
other others own new more most some there than then so if not no yes service services provider providers people person
individuals individual staff team teams support supporting supported ensure ensuring make making use using used deliver
delivering delivery approach approaches arrangements arrangement way ways within across through between during after
before over under up down out one two three four five first second part answer question questions response please
including example examples evidence particular particularly effective effectively appropriate appropriately
""".split())


def stem(word: str) -> str:
    w = word.lower().strip("'’-")
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    return w[:6]


def content(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+", text or "")
    return {stem(w) for w in words if len(w) > 2 and w.lower() not in FRAME}


def load_settings(path: Path) -> list[dict]:
    out = []
    for name, spec in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("settings") or {}).items():
        if spec.get("scope") == "sentence":
            continue  # 'locality' runs through the library as the demo's own word for its patch: setting_fit counts it
        named = _pattern(spec.get("named_by"))
        extra = [str(p) for p in spec.get("named_by_patterns") or []]
        if named is not None and extra:
            named = re.compile("|".join([named.pattern] + [f"(?:{p})" for p in extra]), re.I)
        out.append({"name": str(name), "cues": _pattern(spec.get("cues")), "named": named})
    return out


def placed_ids(evidence: str) -> list[str]:
    ids = re.findall(r"method: ([^;|]*)", evidence)
    return [i.strip() for i in ids[0].split(",") if i.strip() and " " not in i.strip()] if ids else []


def question_sets(names: str) -> list[tuple[str, list[tuple[str, str]], bool]]:
    """(set name, [(qid, text)], one tender?) for each set named."""
    out = []
    for name in names.split(","):
        folder = ROOT / "corpus/questions" if name == "corpus" else ROOT / "tests/data/heldout" / name / "questions"
        files = sorted(folder.glob("[qQ][0-9]*.md"))
        texts = [(f.stem, re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S)) for f in files]
        out.append((name, texts, name != "corpus"))
    return out


COMMON_SHARE = 0.08
"""A word said by more than this share of the library's blocks ('check', 'work', 'role') tells no topic apart."""


def common_words(blocks: dict[str, dict]) -> set[str]:
    df: dict[str, int] = {}
    for b in blocks.values():
        for w in content(" ".join([b.get("title", ""), *map(str, b.get("tags") or []), b.get("body", "")])):
            df[w] = df.get(w, 0) + 1
    return {w for w, n in df.items() if n > COMMON_SHARE * len(blocks)}


def judge(part: str, question: str, block: dict, table: list[dict], frame: set[str]) -> list[str]:
    """Why ``block`` looks lifted under ``part`` (its ask text) of ``question``: [] when it does not. ``frame``: the
    question's own frame words and the library's common words, which tell no topic apart."""
    why = []
    heads = " ".join([block.get("title", ""), *map(str, block.get("tags") or [])])
    said = f"{heads} {block.get('body', '')}"
    for s in table:
        if s["cues"] is not None and s["cues"].search(said) and not (s["named"] and s["named"].search(f"{part}\n{question}")):
            why.append(f"setting: {s['name']}")
    ask = content(part) - frame
    shared = ask & content(said)
    if ask and not shared:
        common = sorted(content(part) & content(said))
        why.append(f"ask: shares none of its {len(ask)} telling words {sorted(ask)[:6]}"
                   + (f" (only {', '.join(common[:4])})" if common else ""))
    return why


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=DEFAULT_SETS)
    ap.add_argument("--src", default=str(ROOT / "src"))
    ap.add_argument("--db")
    ap.add_argument("--show", action="store_true", help="print each suspect placement")
    ap.add_argument("--all", action="store_true", help="print every placement, suspect or not")
    args = ap.parse_args(argv)
    sys.path.insert(0, args.src)
    sys.path.insert(1, str(ROOT / "bench"))
    from evidencebot.compose.tender import TenderShared, assemble_tender
    from _demo import bench_database

    table = load_settings(ROOT / "phrasebank" / "settings.yaml")
    blocks = library(ROOT)
    common = common_words(blocks)
    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    started = time.perf_counter()
    keys = ("answers", "parts", "placed", "suspect", "setting", "ask", "gaps")
    tot = dict.fromkeys(keys, 0)
    for set_name, questions, one_tender in question_sets(args.sets):
        whole = "\n".join(t for _, t in questions)
        shared = TenderShared()
        n = dict.fromkeys(keys, 0)
        for qid, text in questions:
            try:
                ans = assemble_tender(db, text, None, shared=shared if one_tender else TenderShared(),
                                      buyer_context=whole if one_tender else text)
            except Exception as exc:  # a question the assembler refuses is reported, not counted
                print(f"  {set_name}/{qid}: not drafted ({exc})")
                continue
            n["answers"] += 1
            asks = {p.key: p.text for p in ans.plan.points}
            # the question's frame: words said in most of its parts (its topic, 'health check' in every part of q07)
            parts = [content(asks.get(r.key, r.label)) for r in ans.coverage]
            frame = {w for w in set().union(*parts) if sum(w in p for p in parts) >= max(2, len(parts) * 0.6)} \
                if len(parts) >= 3 else set()
            lines = []
            for row in ans.coverage:
                ids = placed_ids(row.evidence)
                if not ids:
                    n["gaps"] += 1
                n["parts"] += 1
                part = asks.get(row.key, row.label)
                for bid in ids:
                    b = blocks.get(bid)
                    if b is None or bid.startswith("buyer-"):
                        continue  # a template on the buyer's own terms
                    n["placed"] += 1
                    why = judge(part, text, b, table, frame | common)
                    if why:
                        n["suspect"] += 1
                        n["setting"] += any(w.startswith("setting") for w in why)
                        n["ask"] += any(w.startswith("ask") for w in why)
                    if (why and args.show) or args.all:
                        lines.append(f"    {'SUSPECT' if why else 'ok'} {row.label[:70]!r} <- {bid}: "
                                     f"{'; '.join(why) or '-'} | {' '.join(b.get('body', '').split())[:90]}")
            if lines:
                print(f"  {set_name}/{qid}")
                print("\n".join(lines))
        print(f"{set_name}: {n['answers']} answers, {n['parts']} parts ({n['gaps']} with no block), {n['placed']} blocks "
              f"placed; suspect {n['suspect']} (setting {n['setting']}, ask {n['ask']})")
        for k in keys:
            tot[k] += n[k]
    print(f"all: {tot['answers']} answers, {tot['parts']} parts ({tot['gaps']} with no block), {tot['placed']} blocks "
          f"placed; suspect {tot['suspect']} (setting {tot['setting']}, ask {tot['ask']}) "
          f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
