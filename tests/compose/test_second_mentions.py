"""A long name is said once per part of an answer in full, then by a short form (issue 12; lead, s20).

Session 20's answers named "the Brackenford and Moorvale SMI Physical Health Check Pathway" four times in three
sentences and the joint buyer's 13-word name three times in one paragraph; s19 q10 (spent) did the same with
"Wexmoor County Council and NHS Wexmoor and Tarnside Integrated Care Board". Fails on before20 (no module, and the
s19 q10 answer repeats the buyer's name within a paragraph).
"""

from __future__ import annotations

import collections
from pathlib import Path
from types import SimpleNamespace

from evidencebot.compose import repeats

PATHWAY = "Northfold and Emberley SMI Physical Health Check Pathway"
BUYER = "Northfold City Council and NHS Northfold and Emberley Integrated Care Board"


def test_later_mentions_in_a_paragraph_use_the_short_form():
    said = repeats.shorten_paragraph([
        f"We will work to the {PATHWAY} from the first day.",
        f"Every worker is briefed on the {PATHWAY} at induction.",
        f"Where our procedures and the {PATHWAY} differ, we follow the {PATHWAY} and change ours.",
        f"We report to {BUYER} each quarter. {BUYER} agrees the measures.",
        "NHS Northfold and Emberley Integrated Care Board funds it; NHS Northfold and Emberley Integrated Care Board "
        "reviews it.",
        "The Step-Up and Escalation Protocol v3.2 applies. The Step-Up and Escalation Protocol v3.2 says so."])
    assert said[0] == f"We will work to the {PATHWAY} from the first day."
    assert said[1] == "Every worker is briefed on the pathway at induction."
    assert said[2] == "Where our procedures and the pathway differ, we follow the pathway and change ours."
    assert said[3] == f"We report to {BUYER} each quarter. The commissioners agrees the measures."
    assert said[4].endswith("; the ICB reviews it.")
    assert said[5] == "The Step-Up and Escalation Protocol v3.2 applies. The protocol says so."


def test_short_names_and_other_paragraphs_are_left_alone():
    text = "We meet the Crisis Line Policy. We follow the Crisis Line Policy."  # three words: short enough already
    assert repeats.shorten_paragraph([text]) == [text]
    assert repeats.shorten_paragraph([f"We follow the {PATHWAY}."]) == [f"We follow the {PATHWAY}."]


def test_the_first_kept_sentence_of_a_paragraph_names_in_full_after_the_one_before_it_is_dropped():
    units = [SimpleNamespace(text=f"We follow the {PATHWAY}."), SimpleNamespace(text=f"Staff learn the {PATHWAY}.")]
    repeats.apply([units])
    assert units[1].text == "Staff learn the pathway."
    repeats.apply([units[1:]])  # the trimmer dropped the first sentence
    assert units[1].text == f"Staff learn the {PATHWAY}."


def test_an_assembled_answer_names_the_buyer_once_per_part(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    q10 = Path(__file__).parents[1] / "data/heldout/s19/questions/q10.md"
    answer = assemble_tender(demo_db, q10.read_text(encoding="utf-8"), checker=checker)
    shortened = 0
    for part in answer.markdown.split("\n## "):  # the text under each heading
        said = collections.Counter(" ".join(n.split()).lower() for _, _, n, _ in repeats.mentions(part))
        assert not [n for n, k in said.items() if k > 1], part
        shortened += "the commissioners" in part.lower() and bool(said)
    assert shortened, "the buyer's name is said again in a paragraph, by its short form"
