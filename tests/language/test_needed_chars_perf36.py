"""(perf36, issue 15) A privacy pattern every match of which holds a digit, an '@' or a capital (read from the
pattern's syntax tree: prefilter.needed_chars) is not run on a text without one; the runner skips it before its word
gate, which answers as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evidencebot import locations
from evidencebot.language.prefilter import CHAR_KINDS, lacks, needed_chars
from evidencebot.language.privacy import load_privacy_rules
from evidencebot.language.ruletest import example_spans

SHIPPED = locations.packaged_dir("phrasebank")


@pytest.mark.parametrize("source,flags,kinds", [
    (r"\d{3}", 0, {"digit"}),
    (r"[A-Z]\d", 0, {"capital", "digit"}),
    (r"[A-Z]{2}", re.I, set()),  # read case-blind: a lower-case text can match
    (r"(?-i:[A-Z])x", re.I, {"capital"}),
    (r"(?i:[A-Z])\d", 0, {"digit"}),
    (r"\w+@\w+", 0, {"at"}),
    (r"(?:\d|x)", 0, set()),  # one branch holds none
    (r"(?:\d|[0-9]a)", 0, {"digit"}),
    (r"a?\d*", 0, set()),  # may be repeated no times
    (r"[0-9@]", 0, set()),  # either kind, neither needed
    (r"(?=\d)x", 0, set()),  # a look-around holds nothing of the match
    (r"[^0-9]", 0, set()),
])
def test_needed_chars_is_what_every_match_holds(source, flags, kinds):
    assert needed_chars(re.compile(source, flags)) == frozenset(kinds)


def test_lacks_tests_each_kind_once_per_text():
    seen: dict[str, bool] = {}
    assert lacks("no figures here", frozenset({"digit"}), seen) and seen == {"digit": False}
    assert not lacks("Room 4", frozenset({"digit", "capital"}), {})
    assert lacks("mail me at home", frozenset({"at"}), {})


def _texts() -> list[str]:
    texts = [example_spans(e)[0] for r in load_privacy_rules([SHIPPED]) for k in ("flag", "pass") for e in r.examples[k]]
    labelled = Path(__file__).resolve().parents[1] / "data" / "labelled"
    for path in sorted(labelled.glob("privacy_*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


_STRIP = {"digit": lambda t: re.sub(r"\d", "", t), "at": lambda t: t.replace("@", ""),
          "capital": lambda t: re.sub(r"[A-Z]", "", t)}


def test_a_pattern_skipped_for_a_missing_kind_would_have_matched_nothing():
    """Every shipped pattern that needs a kind, run on every rule example and labelled privacy sentence with that kind
    taken out (and as written, where the text lacks it): no match. And the kinds are tested as the runner tests them."""
    rules = load_privacy_rules([SHIPPED])
    texts = _texts()
    needing = [(pat, needed_chars(pat.regex)) for r in rules for pat in r.patterns if needed_chars(pat.regex)]
    assert len(needing) > 50  # (most patterns need a digit or a capital)
    checked = 0
    for pat, kinds in needing:
        for kind in kinds:
            for text in texts:
                stripped = _STRIP[kind](text)
                assert not CHAR_KINDS[kind](stripped)
                assert pat.regex.search(stripped) is None, (pat.regex.pattern[:80], kind, stripped[:80])
                checked += 1
    assert checked > 10000
