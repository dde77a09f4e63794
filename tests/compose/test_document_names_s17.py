"""A buyer's named document inserted in our text reads as English (issue 12, session 17).

s16 q08 went out as 'We will work to the Reference the Kelderton Carers Strategy 2025–2030 as one of its partners'
(scorer 2: 'template errors'). The buyer templates write 'the {named}'; the named-document shapes of the s12-s16
questions (spent, development material) are each put through that frame here: a title takes 'the', a numbered
reference none ('Annex C', 'Schedule 4'), a section is said of its document, the buyer's instruction word is no part
of the name."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import commitments as C
from evidencebot.compose.buyer_terms import with_article
from evidencebot.compose.requirements import named_terms

# (as the buyer wrote it, as our sentence must say it after 'We will work to ')
SHAPES = [
    ("Reference the Kelderton Carers Strategy 2025–2030", "the Kelderton Carers Strategy 2025–2030"),  # s16 q08
    ("the Kelderton Multi-Agency Crisis Pathway Protocol (Annex C)",
     "the Kelderton Multi-Agency Crisis Pathway Protocol (Annex C)"),  # s16 q01
    ("Annex C", "Annex C"),
    ("Annex H", "Annex H"),  # s16 q12
    ("Schedule 4", "Schedule 4"),  # s16 q07
    ("Schedule 4C", "Schedule 4C"),
    ("Appendix 4", "Appendix 4"),
    ("Specification 3.7", "Specification 3.7"),  # s16 q08
    ("Specification, section 3.2", "section 3.2 of the Specification"),  # s16 q01
    ("Specification section 5", "section 5 of the Specification"),  # s16 q02
    ("Specification Section 7", "section 7 of the Specification"),
    ("the Social Value Commitment Schedule (Annex H)", "the Social Value Commitment Schedule (Annex H)"),
    ("the Wolds Suicide Prevention Strategy 2026–2030", "the Wolds Suicide Prevention Strategy 2026–2030"),
    ("Kelderton Right Care, Right Person Partnership Agreement (November 2024)",
     "the Kelderton Right Care, Right Person Partnership Agreement (November 2024)"),
    ("Refer to the Severnmoor Transitions Protocol", "the Severnmoor Transitions Protocol"),
    ("Using Annex H", "Annex H"),
]


@pytest.mark.parametrize("name, said", SHAPES)
def test_every_named_document_shape_reads_in_the_templates_frame(name, said):
    text = C.frame_names(f"We will work to the {with_article(name)} as one of its partners.")
    assert text == f"We will work to {said} as one of its partners."
    means = C.frame_names(f"Our part in the {with_article(name)} is agreed, written down and reported.")
    assert means == f"Our part in {said} is agreed, written down and reported."
    assert not re.search(r"\bthe\s+the\b|\bthe\s+(?:Reference|Refer|Using)\b", text, re.I)


def test_a_numbered_reference_used_before_its_noun_keeps_its_article():
    assert C.frame_names("We meet the Schedule 4 quality requirements.") == "We meet the Schedule 4 quality requirements."
    assert C.frame_names("We follow the Annex C protocol.") == "We follow the Annex C protocol."


def test_the_buyers_instruction_is_no_part_of_a_name_it_reads():
    names = named_terms("Describe who does what, when. Reference the Kelderton Carers Strategy 2025–2030 where relevant.")
    assert names and all(not n.startswith("Reference") for n in names)
    assert any(n.startswith("Kelderton Carers Strategy") for n in names)


def test_the_answer_says_the_buyers_strategy_in_a_grammatical_frame(demo_db):
    # s16 q08 (spent, development material): 'We will work to the Reference the Kelderton Carers Strategy 2025–2030'
    from pathlib import Path

    from evidencebot.compose.tender import assemble_tender

    q = (Path(__file__).parents[1] / "data/heldout/s16/questions/q08.md").read_text(encoding="utf-8")
    answer = assemble_tender(demo_db, q, today="2026-12-03")
    assert "the Reference" not in answer.markdown
    assert "the Kelderton Carers Strategy" in answer.markdown
    assert not any(r["name"].startswith("Reference") for r in answer.requirements)
