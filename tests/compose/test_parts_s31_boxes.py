"""Numbered parts whose limit and weighting sit on lines of their own under the part's title ('8.1 Volunteering'
/ 'Character limit: 2,500 characters including spaces' / 'Weighting: 3%'), each answered in its own text box
(issue 12, session 31). Each such part is read on its own with its own character limit; a how-ask that ends
'including any X or Y lending' keeps its ask and its alternatives together; and the drafted part stays inside its
own box. The question text is invented for these tests."""

from __future__ import annotations

from evidencebot.compose.questions import CHARS_PER_WORD, parse_question, plan_question

_TWO_BOXES = """Question 8: Volunteers and transport

Question 8 is in two parts. Each part goes into its own box on the portal.

8.1 Volunteering
Character limit: 2,500 characters including spaces
Weighting: 3%

The district has a volunteer centre in the market hall and around 300 registered volunteers.

Please tell us:
(a) how you will recruit volunteers with lived experience of mental ill health;
(b) how you will train and supervise them; and
(c) how you will thank them and count the hours they give.

8.2 Getting to appointments
Character limit: 2,000 characters including spaces
Weighting: 2%

Buses run twice a day to the hill villages and there is no train.

Please describe how you will make sure that people without a car can reach their appointments, and how you will help people who cannot pay their fares, including any bus pass or taxi voucher.
"""


def test_each_part_with_its_limit_on_its_own_lines_is_read_apart():
    plan = plan_question(_TWO_BOXES)
    by_part = {p.part: (p.part_limit, p.part_chars) for p in plan.points}
    assert by_part == {"8.1": (2500 // CHARS_PER_WORD, 2500), "8.2": (2000 // CHARS_PER_WORD, 2000)}
    assert [p.part for p in plan.points] == ["8.1"] * 3 + ["8.2"] * 2
    for label, (words, _) in by_part.items():
        assert sum(p.budget for p in plan.points if p.part == label) <= words


def test_a_how_ask_keeps_its_pair_of_alternatives_whole():
    points = [t for _, t in parse_question(_TWO_BOXES).points]
    assert "how you will help people who cannot pay their fares, including any bus pass or taxi voucher" in points
    assert not any(t.strip(" .") in ("any bus pass", "taxi voucher") for t in points)
    assert any(t.startswith("Please describe how you will make sure that people without a car") for t in points)


def test_a_list_of_three_after_a_how_ask_is_not_held_by_this_rule():
    # only a pair of short alternatives joined by 'or' is kept inside the ask; a longer list is read as before
    text = ("Describe how you will support carers, including respite, peer groups and advice. Describe how you "
            "will help people who cannot pay their fares, including any bus pass or taxi voucher.")
    points = [t for _, t in parse_question(text).points]
    assert any(t.rstrip(".").endswith("how you will help people who cannot pay their fares, including any bus pass or "
                                      "taxi voucher") for t in points)
    assert not any(t == "how you will support carers, including respite, peer groups and advice" for t in points)


_SMALL_BOXES = _TWO_BOXES.replace("2,500 characters", "900 characters").replace("2,000 characters", "700 characters")


def _box(markdown: str, ref: str, after: str | None) -> str:
    start = markdown.index(f"## {ref} ")
    end = markdown.index(f"## {after} ") if after else len(markdown)
    return markdown[start:end].strip()


def test_each_drafted_part_fits_its_own_box(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, _SMALL_BOXES, checker=checker)
    assert len(_box(answer.markdown, "8.1", "8.2")) <= 900
    assert len(_box(answer.markdown, "8.2", None)) <= 700


def test_a_part_is_cut_to_its_characters_whatever_its_words_come_to(demo_db, checker, monkeypatch):
    # words far shorter than the drafted ones (3 characters a word) give the part more words than its box holds:
    # the part is still cut to its own characters
    from evidencebot.compose import questions
    from evidencebot.compose.tender import assemble_tender

    monkeypatch.setattr(questions, "CHARS_PER_WORD", 3)
    text = _SMALL_BOXES.replace("Buses run twice a day", "Buses run only twice a day")  # not the cached reading
    plan = questions.plan_question(text)
    assert {p.part_limit for p in plan.points} == {300, 233}
    answer = assemble_tender(demo_db, text, checker=checker)
    assert len(_box(answer.markdown, "8.1", "8.2")) <= 900
    assert len(_box(answer.markdown, "8.2", None)) <= 700
