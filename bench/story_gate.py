"""CPU of the story form's privacy check as a story part is typed (one check per key).

    python bench/story_gate.py

Types the last 300 characters of a ~700-character story part one key at a time and calls the
story gate (``story_capture.privacy_findings``) after each key, as the story form does; then
times the rules alone (``find_privacy`` without the model) on the same 300 texts, which is what
the gate ran a second time on every key until session 9.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    from evidencebot.assistant import story_capture
    from evidencebot.language.privacy import find_privacy

    path = ROOT / "tests" / "data" / "heldout" / "s8" / "overclaim_s8.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    story = " ".join(r["text"] for r in rows[:8])
    story_capture.privacy_findings(story)  # the model and the rules loaded
    typed = [story[:n] for n in range(len(story) - 300, len(story))]
    start = time.process_time()
    for text in typed:
        story_capture.privacy_findings(text)
    gate = time.process_time() - start
    start = time.process_time()
    for text in typed:
        find_privacy(text)
    rules = time.process_time() - start
    print(f"{len(story)}-character part, 300 keys: gate {gate:.2f} s CPU ({1000 * gate / 300:.1f} ms a key); "
          f"the rules alone on the same texts {rules:.2f} s CPU ({1000 * rules / 300:.1f} ms a key)")


if __name__ == "__main__":
    main()
