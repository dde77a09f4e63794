"""Every part of every answer on the spent question sets: method text on its topic, an honest gap, or a loose block.

    python bench/part_topics.py [--db PATH] [--sets s8,s9,...] [--show]

Each question file of the spent held-out sets (``tests/data/heldout/sN/questions/q*.md``) is planned as
``assemble tender`` plans it (a question whose limit cannot be read gets 600 words, as ``--words`` would) and its
method blocks chosen (:func:`evidencebot.compose.tender.choose_methods`). Each part is then one of:

- *placeholder*: no block, the answer says "[To write: ...]";
- *on topic*: every placed block shares the part's topic, that is (1) the part's words name a topic of the topic
  table (``corpus/library/topics.yaml``: :func:`blockmatch.topic_hits`) by a cue of two or more words, or by the
  longest cue matched (a one-word side match, 'families' in "Roma and Traveller families", does not count when a
  longer cue matched), and the block belongs to one of those topics (:func:`blockmatch.block_topics`: listed by
  the topic, or a cue of it in the block's title or tags), or (2) a word of what the heading is about
  (:func:`blockmatch.head_terms`: its method verb, or the content words of its first phrase) is in the block's
  title or tags;
- *off topic*: some placed block passes neither test (text under a heading it does not answer).

Per set the counts are printed; ``--show`` lists every placeholder and off-topic block with its heading. Builds a
small demo unless ``--db`` names one (the blocks are those of the database, so rebuild it after editing
``corpus/library/blocks.yaml``).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "data" / "heldout"
SETS = ["s8", "s9", "s10", "s11", "s12", "s13"]


def on_topic(point, block, topics) -> bool:
    """True when ``block`` shares the part's topic (see the module's header)."""
    from evidencebot.compose import blockmatch

    hits = blockmatch.topic_hits(point.text, topics)
    top = max((h.weight for h in hits), default=0)
    # a side match on one word ('families' in 'Roma and Traveller families') does not decide the topic when a
    # longer cue matched
    own = {h.topic.name for h in hits if h.weight >= 2 or h.weight == top}
    if own & blockmatch.block_topics(block, topics):
        return True
    head = blockmatch.head_terms(point.label)
    return bool(head & set(blockmatch.tokens(" ".join([block.title] + list(block.tags)))))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--show", action="store_true", help="list every placeholder and off-topic block")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import blockmatch
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question
    from evidencebot.errors import InputError

    from _demo import bench_database

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    topics = blockmatch.load_topics()
    total = {"parts": 0, "placeholder": 0, "on": 0, "off": 0, "off_blocks": 0}
    for name in args.sets.split(","):
        counts = dict.fromkeys(total, 0)
        for file in sorted((HELDOUT / name / "questions").glob("q*.md")):
            text = re.sub(r"\A---.*?---\n", "", file.read_text(encoding="utf-8"), flags=re.S)
            try:
                plan = plan_question(text)
            except InputError:
                plan = plan_question(text, 600)
            methods = T.choose_methods(db, plan)
            # judged as matching reads the part (session 18: an acronym the buyer defines is read by its full name
            # where the part's own words name no topic, 'Working with TWLEN')
            for point in T._read_in_context(plan).points:
                counts["parts"] += 1
                blocks = methods[point.key].blocks
                if not blocks:
                    counts["placeholder"] += 1
                    if args.show:
                        print(f"  {name} {file.stem} [To write] {point.label[:90]!r}")
                    continue
                wrong = [b for b in blocks if not on_topic(point, b, topics)]
                counts["off" if wrong else "on"] += 1
                counts["off_blocks"] += len(wrong)
                if args.show:
                    for b in wrong:
                        print(f"  {name} {file.stem} OFF {point.label[:70]!r} <- {b.block_id} ({b.title[:50]})")
        for k in total:
            total[k] += counts[k]
        print(f"{name}: {counts['parts']} parts: on topic {counts['on']}, placeholder {counts['placeholder']}, "
              f"off topic {counts['off']} ({counts['off_blocks']} blocks)")
    print(f"all: {total['parts']} parts: on topic {total['on']}, placeholder {total['placeholder']}, "
          f"off topic {total['off']} ({total['off_blocks']} blocks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
