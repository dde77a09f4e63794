"""One home for the list-item marker (s20 cleanup, second reading of s19): buyer_facts, commitments and library
each held their own regex for '- ', '• ', '1. ', '(a) '; now each asks evidencebot.text.list_marker for the form
it needs. Fails on before20 (no list_marker; the three modules still hold their own bullet classes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evidencebot.text import BULLETS, list_marker

SRC = Path(__file__).parents[2] / "src" / "evidencebot"


@pytest.mark.parametrize("bullets, numbers, line, item", [
    (BULLETS, None, "- Staff must hold DBS checks.", "Staff must hold DBS checks."),
    (BULLETS, None, "  • Staff must hold DBS checks.", "Staff must hold DBS checks."),
    (BULLETS, None, "1. Staff must", "1. Staff must"),  # no numbers asked for
    (BULLETS, None, "-5 degrees", "-5 degrees"),  # a minus sign is not a bullet: a space must follow
    (BULLETS + "–", None, "– Staff must", "Staff must"),
    (BULLETS, None, "– Staff must", "– Staff must"),
    (BULLETS, "digits", "12) We review", "We review"),
    (BULLETS, "digits", "(a) We review", "(a) We review"),
    (BULLETS, "labels", "(a) We review", "We review"),
    (BULLETS, "labels", "iv) We review", "We review"),
    (BULLETS, "labels", "(12) We review", "We review"),
    (BULLETS, "labels", "abcde) We review", "abcde) We review"),  # five letters are a word, not a label
    ("", "labels", "- We review", "- We review"),  # no bullets asked for
])
def test_the_marker_takes_the_forms_asked_for(bullets, numbers, line, item):
    assert list_marker(bullets, numbers).sub("", line) == item


def test_a_form_that_is_not_known_or_no_form_at_all_is_an_error():
    with pytest.raises(ValueError):
        list_marker(numbers="roman")
    with pytest.raises(ValueError):
        list_marker("", None)


def test_the_three_readers_of_lists_strip_markers_through_the_one_home():
    from evidencebot.compose import commitments
    from evidencebot.compose.buyer_facts import buyer_lines
    from evidencebot.compose.library import split_answers

    assert [s for _, s in buyer_lines("(a) Staff must hold DBS checks.\n- The provider must report monthly.")] == [
        "Staff must hold DBS checks.", "The provider must report monthly."]
    [(title, body)] = split_answers("## Method\n\n1. We review every plan each month with the person and family.\n"
                                    "- We audit five case files a month for the quality of practice.\n")
    assert body.startswith("We review") and " - " not in body and "1." not in body
    assert commitments._LIST_MARK is list_marker(BULLETS + "–")
    assert commitments.from_statement("- All frontline staff must complete safeguarding training every year.") == \
        commitments.from_statement("All frontline staff must complete safeguarding training every year.") != ""
    q = ("The provider must maintain the following minimum staffing establishment:\n- a registered manager;\n"
         "(b) two support workers on every shift.\nDescribe your approach.")
    assert commitments.context_sentences(q, []) == [
        "The provider must maintain the following minimum staffing establishment: a registered manager; two support "
        "workers on every shift", "Describe your approach."]
    for name in ("compose/buyer_facts.py", "compose/commitments.py", "compose/library.py"):
        source = (SRC / name).read_text(encoding="utf-8")
        # no bullet character class of their own: '[-*•]', '[-•*–]' ...
        assert not re.search(r"\[-[*•–]{1,3}\]|\[[*•]-", source), name


def test_table_cells_is_the_one_row_splitter_the_buyer_readers_share():
    from evidencebot.text import table_cells

    assert table_cells("| Role |  2.0   WTE | Cap |") == ["Role", "2.0 WTE", "Cap"]
    assert table_cells("| a |") is not table_cells("| a |")  # a fresh list each call: callers may change it
    for name in ("compose/buyer_kpis.py", "compose/buyer_scale.py", "compose/buyer_standards.py",
                 "compose/service_model.py"):
        source = (SRC / name).read_text(encoding="utf-8")
        assert '.strip().strip("|").split("|")' not in source, name
