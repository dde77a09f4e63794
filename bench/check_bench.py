"""Speed of the language checker (prints its numbers).

    python bench/check_bench.py [--words 20000] [--families overclaim,privacy] [--repeat 3] [--skip-cli] [--distinct]
                                [--enable RULE] [--disable overclaim.learned-claim]

1. Builds a Markdown document of about ``--words`` words from the phrasebank's
   rule examples and varied domain sentences (headings, lists, a table, quotes).
2. Times a bare ``nlp.pipe`` (every component, the NER too: the privacy family reads it) over
   the distinct sentences the checker parses (the same texts, the same batch size) and a
   cold-cache ``Checker.check_text`` over the document (which parses a sentence at a time,
   a repeated sentence once: ``--distinct`` builds a document with no sentence repeated),
   alternating ``--repeat`` times in the same run, so a load on the machine falls on both,
   and prints words/s for the best of each and the rule overhead (checker / bare - 1), by
   wall clock and by this process's CPU time (on a shared machine the CPU figure is the one
   to read). Until session 20 the bare run parsed the prose blocks whole, every repeat
   again: 1,675 sentences' worth against the checker's 1,430, which hid about 15% of the
   parse in the baseline; that figure is still printed, as "blocks".
   Since session 37 the cold check's own parse (``pipeline.pipe`` and the NER gate's
   ``pipeline._pipe_gated``, which the check calls) is timed inside it, so the checker's CPU
   after the parse (the cold check less its own parse: Markdown, joining the sentences'
   docs, every rule) is printed beside the bare parse's, each the median of the repeats,
   with their ratio: the rule overhead as the target means it. (The cold check's own parse
   is cheaper than the bare one, as the NER reads only the sentences that may hold a name,
   so "checker / bare - 1" understates the rules' share.)
3. Changes one paragraph and times the re-check (paragraph and sentence caches).
4. Times ``evidencebot check`` on one paragraph as a whole subprocess.

Targets: overhead <= 25%, re-check <= 50 ms, one-paragraph command <= 2.5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SUBJECTS = ["Our team", "The crisis café", "The step-down service", "Our peer workers", "The navigators",
            "The duty worker", "The recovery college", "Housing link workers", "The evening drop-in", "We"]
VERBS = ["supports", "visits", "reviews", "contacts", "works alongside", "refers", "meets", "calls", "helps",
         "plans with"]
OBJECTS = ["people leaving the ward", "carers who ring the line", "young adults on the caseload",
           "tenants in the step-down flats", "men aged 30 to 50", "people with a crisis plan", "families in the east locality",
           "people waiting for a first appointment"]
TAILS = ["within 72 hours of discharge.", "every week for the first month.", "using the agreed escalation prompt.",
         "and records the rationale in the escalation log.", "with the GP and the CMHT.",
         "in plain language, with an easy-read version.", "after each review meeting.",
         "between April and September 2025."]
FIGURES = ["DNAs fell from {a}% to {b}% of planned contacts between Q1 and Q4 2025/26.",
           "{k} of {n} people kept their tenancy for six months.",
           "Follow-up within 48 hours rose from {a}% (n = {n}) to {b}% (n = {n}).",
           "Crisis events per 100 people went from {a}.2 to {b}.8, within normal variation."]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.2:
        a, b = sorted(rng.sample(range(10, 90), 2), reverse=True)
        n = rng.randint(20, 200)
        return rng.choice(FIGURES).format(a=a, b=b, n=n, k=rng.randint(5, n))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"


def build_document(words: int, seed: int = 7, distinct: bool = False) -> str:
    from evidencebot import locations
    from evidencebot.language.phrasebank import load_phrasebank

    rng = random.Random(seed)
    bank = load_phrasebank(["overclaim"], dirs=[locations.packaged_dir("phrasebank")])
    examples = [e for r in bank.rules for e in r.examples["flag"] + r.examples["pass"]]
    parts: list[str] = ["---\ntitle: Benchmark tender answer\n---\n"]
    count = 0
    section = 0
    while count < words:
        section += 1
        parts.append(f"## Section {section}: how we evidence outcomes\n")
        for _ in range(rng.randint(3, 6)):
            sents = [sentence(rng) if rng.random() < 0.6 else rng.choice(examples) for _ in range(rng.randint(3, 7))]
            if distinct:  # no sentence repeated: the checker parses a repeated sentence once
                sents = [f"In part {section}.{k}, {s[0].lower()}{s[1:]}" for k, s in enumerate(sents)]
            para = " ".join(sents)
            parts.append(para + "\n")
            count += len(para.split())
        if section % 3 == 0:
            items = [f"- {sentence(rng)}" for _ in range(4)]
            parts.append("\n".join(items) + "\n")
            count += sum(len(i.split()) for i in items)
        if section % 5 == 0:
            parts.append("| indicator | value |\n|---|---|\n| follow-up within 72 hours | 79% (n = 42) |\n"
                         "| DNA rate | 13% of planned contacts |\n")
            parts.append('> "The café gave me somewhere to go at night," one member said.\n')
            parts.append("```\nexport --period 2025/26\n```\n")
            count += 30
    return "\n".join(parts)


@contextlib.contextmanager
def parse_timer(pipeline, spent: list[float]):
    """While open, the CPU this process spends inside ``pipeline.pipe`` and ``pipeline._pipe_gated`` (the parse a
    check makes, read by ``pipe_blocks`` from the module) is added to ``spent[0]``; a call inside another is
    counted once."""
    depth = [0]

    def timed(func):
        def run(*args, **kwargs):
            depth[0] += 1
            c = time.process_time()
            try:
                return list(func(*args, **kwargs))
            finally:
                depth[0] -= 1
                if not depth[0]:
                    spent[0] += time.process_time() - c
        return run

    saved = pipeline.pipe, pipeline._pipe_gated
    pipeline.pipe, pipeline._pipe_gated = timed(saved[0]), timed(saved[1])
    try:
        yield spent
    finally:
        pipeline.pipe, pipeline._pipe_gated = saved


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--families", default="overclaim,privacy")
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--distinct", action="store_true",
                    help="make every sentence of the document distinct (by default some repeat, as the "
                         "phrasebank examples are drawn with replacement, and a repeat is parsed once)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each timing (the best and the median are reported)")
    ap.add_argument("--enable", action="append", default=[],
                    help="an opt-in rule to switch on (e.g. overclaim.research-causal-claim)")
    ap.add_argument("--disable", action="append", default=[],
                    help="a rule (or family) to switch off (e.g. overclaim.learned-claim, shipped on)")
    args = ap.parse_args(argv)
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-bench-"))
    families = [f for f in args.families.split(",") if f]

    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as checker_mod
    from evidencebot.language import pipeline
    from evidencebot.language.markdown import extract_blocks

    text = build_document(args.words, distinct=args.distinct)
    n_words = len(text.split())
    nlp = pipeline.get_nlp()
    checker = checker_mod.Checker(settings=CheckerSettings(enabled_rules=list(args.enable),
                                                                 disabled_rules=list(args.disable)),
                                  families=families)
    specs = checker.specs()  # load rules before timing
    disable = pipeline.disabled_for(any(s.needs_ner for s, _ in specs))
    blocks = [b.text for b in extract_blocks(text)]
    sentences = [s for b in blocks for s in pipeline.sentence_pieces(b)]
    # warm-up: load the pipeline's lazy parts
    list(nlp.pipe(blocks[:20], batch_size=pipeline.BATCH_SIZE, disable=disable))
    checker.check_text("Our team reduced A&E attendances.")

    # Alternate bare and checker runs and keep the best of each: on a shared machine the
    # noise between two runs of the same thing is larger than the effect measured.
    # CPU time (this process) is printed too: on a loaded machine it moves far less than wall time.
    # The baseline parses what the checker must parse: each distinct sentence once (pipeline.pipe_blocks),
    # in batches of the same size, with the same components.
    distinct = list(dict.fromkeys(sentences))
    bares, fulls, bare_cpu, full_cpu, block_cpu, own_parse_cpu = [], [], [], [], [], []
    findings = []

    def bare() -> None:
        t, c = time.perf_counter(), time.process_time()
        list(nlp.pipe(distinct, batch_size=pipeline.SENTENCE_BATCH_SIZE, disable=disable))
        bares.append(time.perf_counter() - t)
        bare_cpu.append(time.process_time() - c)

    def check() -> list:
        checker_mod.clear_cache()
        spent = [0.0]
        with parse_timer(pipeline, spent):
            t, c = time.perf_counter(), time.process_time()
            found = checker.check_text(text, path="bench.md")
            fulls.append(time.perf_counter() - t)
            full_cpu.append(time.process_time() - c)
        own_parse_cpu.append(spent[0])
        return found

    for k in range(args.repeat):
        if k % 2:  # alternated, and the order swapped every round (a load that grows falls on both)
            findings = check()
            bare()
        else:
            bare()
            findings = check()
        c = time.process_time()
        list(nlp.pipe(blocks, batch_size=pipeline.BATCH_SIZE, disable=disable))
        block_cpu.append(time.process_time() - c)
    bare_best, full_best = min(bares), min(fulls)
    after_parse = [f - p for f, p in zip(full_cpu, own_parse_cpu)]
    med_bare, med_after = statistics.median(bare_cpu), statistics.median(after_parse)

    print(f"model: {pipeline.model_name()}  families: {', '.join(checker.families)}  skipped components: {disable or 'none'}"
          f"  enabled: {', '.join(args.enable) or 'defaults'}  disabled: {', '.join(args.disable) or 'none'}")
    print(f"document: {n_words} words, {len(blocks)} prose blocks, {len(sentences)} sentences "
          f"({len(set(sentences))} distinct), {len(findings)} findings")
    print(f"bare nlp.pipe, the {len(distinct)} distinct sentences: best {bare_best:.2f} s of {', '.join(f'{b:.2f}' for b in bares)}  "
          f"({n_words / bare_best:,.0f} words/s)")
    print(f"checker (cold cache): best {full_best:.2f} s of {', '.join(f'{b:.2f}' for b in fulls)}  "
          f"({n_words / full_best:,.0f} words/s)")
    print(f"rule overhead:        {full_best / bare_best - 1:+.1%}  (target <= +25%)")
    print(f"rule overhead, CPU:   {min(full_cpu) / min(bare_cpu) - 1:+.1%}  (best CPU {min(bare_cpu):.2f} s bare, "
          f"{min(full_cpu):.2f} s checker)")
    print(f"  (against nlp.pipe over the {len(blocks)} prose blocks whole, the baseline before session 20: "
          f"best CPU {min(block_cpu):.2f} s, overhead {min(full_cpu) / min(block_cpu) - 1:+.1%})")
    print(f"CPU, median of {args.repeat} alternated: bare parse {med_bare:.2f} s; checker after its parse "
          f"{med_after:.2f} s (cold check {statistics.median(full_cpu):.2f} s less its own parse "
          f"{statistics.median(own_parse_cpu):.2f} s); checker after parse / bare parse = {med_after / med_bare:.1%}"
          f"  (target <= 25%)")
    print("  per repeat (bare, after parse): " + ", ".join(f"{b:.2f}/{a:.2f}" for b, a in zip(bare_cpu, after_parse)))

    # re-check after one paragraph changed
    paragraphs = text.split("\n\n")
    # the prose paragraph nearest the middle (text added after a code fence or a table row
    # would change the Markdown around it, not one paragraph)
    prose = [i for i, p in enumerate(paragraphs) if p.strip() and not p.lstrip().startswith(("```", "|", "#", "-", ">"))]
    k = min(prose, key=lambda i: abs(i - len(paragraphs) // 2))
    times, cpus = [], []
    for attempt in range(5):
        changed = paragraphs[:]
        changed[k] = paragraphs[k] + f" The team added an extra review in week {attempt + 2}."
        doc2 = "\n\n".join(changed)
        t, c = time.perf_counter(), time.process_time()
        checker.check_text(doc2, path="bench.md")
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    print(f"re-check, one paragraph changed: median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms  (target <= 50 ms); CPU median {statistics.median(cpus) * 1000:.0f} ms")
    t = time.perf_counter()
    checker.check_text(doc2, path="bench.md")
    print(f"re-check, nothing changed: {(time.perf_counter() - t) * 1000:.0f} ms")

    if not args.skip_cli:
        para = "Our team reduced emergency admissions by a quarter, and every client achieved a better quality of life."
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as fh:
            fh.write(para + "\n")
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "evidencebot", "check", fh.name], capture_output=True, text=True, env=env)
            runs.append(time.perf_counter() - t)
        os.unlink(fh.name)
        print(f"evidencebot check, one paragraph (whole process): best {min(runs):.2f} s, "
              f"worst {max(runs):.2f} s, exit {proc.returncode}  (target <= 2.5 s)")


if __name__ == "__main__":
    main()
