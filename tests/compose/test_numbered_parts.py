"""One reader of a question's numbered parts and their own word limits (questions.numbered_parts), used by both
read_limits (the answer's limit) and plan_question (each part held to its own); and two intake shapes that recur
in the spent sets' misses (session 23). Sentences written for these tests."""

from __future__ import annotations

import pytest

from evidencebot.compose.questions import numbered_parts, parse_question, plan_question, read_limits


def _parts(text: str) -> list[tuple[str, int]]:
    return [(p.label, p.limit) for p in numbered_parts(text)[0]]


@pytest.mark.parametrize("text, parts, total", [
    # bold references, each part's limit on the line after it
    ("**3.1** Describe how you will welcome new volunteers to the befriending scheme.\n(maximum 400 words)\n"
     "**3.2** Explain how you will keep volunteers safe when they visit people at home.\n(maximum 250 words)",
     [("3.1", 400), ("3.2", 250)], 650),
    # Markdown headings with the limit in brackets, under a total said of the whole
    ("This question has two parts, each with its own word limit (700 words in total).\n\n## 2.1 Premises (maximum "
     "300 words)\nDescribe the rooms you will use for group sessions and how you will make them accessible.\n\n## "
     "2.2 Transport (maximum 400 words)\nExplain how people living in outlying villages will reach the sessions.",
     [("2.1", 300), ("2.2", 400)], 700),
    # a limit for each part is no total; the one said of the whole is
    ("Each part has its own limit: 350 words max per part (700 words in total).\n"
     "**5.1** Describe your outreach to allotment groups. (Maximum 350 words)\n"
     "**5.2** Explain how you will record what people tell you. (Maximum 350 words)",
     [("5.1", 350), ("5.2", 350)], 700),
    # titled parts whose limits are listed on one line before them
    ("Part A: max. 600 words. Part B: max. 300 words.\nPart A – Opening the café\nDescribe how you will run the "
     "peer café.\nPart B – Closing the old drop-in\nExplain how you will tell current visitors about the change.",
     [("Part A", 600), ("Part B", 300)], 900),
    # an item that only asks for an attachment is no part
    ("Q8 Induction. Weighting 5%.\n8.1 Induction plan: what new staff will do in their first week and first month. "
     "Max 200 words.\n8.2 Buddying: how new staff are paired with experienced colleagues. Max 150 words.\n8.3 "
     "Attach the induction checklist as Appendix 8A. Not scored.",
     [("8.1", 200), ("8.2", 150)], 350),
])
def test_every_numbered_part_shape_is_read_once(text, parts, total):
    assert _parts(text) == parts
    assert read_limits(text).words == total
    plan = plan_question(text)
    assert plan.word_limit == total
    assert {(p.part, p.part_limit) for p in plan.points} == set(parts)


def test_the_overall_limit_wins_over_the_headings_own():
    text = ("Use the three headings below. Indicative limits apply to each; the overall maximum is 900 words.\n"
            "- Premises (max. 300 words) – where sessions will run\n- Staffing (max. 300 words) – who will run them\n"
            "- Transport (max. 300 words) – how people will get there")
    assert read_limits(text).words == 900


def test_a_part_without_a_limit_of_its_own_means_no_parts_are_guessed():
    text = ("4.1 Describe your referral route. Maximum 300 words.\n4.2 Explain how you will follow up missed "
            "appointments.\nThe whole answer must not exceed 800 words.")
    assert numbered_parts(text) == ((), None)
    assert read_limits(text).words == 800


def test_examples_after_such_as_are_not_cut_from_the_list_they_sit_in():
    text = ("Describe how you will support people leaving prison. Include how you will meet people before release, "
            "how your link workers will work with probation, and how you will handle risks such as relapse, "
            "debt and isolation in the first month. Maximum 600 words.")
    pts = [t for _, t in parse_question(text).points]
    assert len(pts) == 3, pts
    assert pts[0].startswith("how you will meet people before release"), pts
    assert pts[-1].endswith("isolation in the first month"), pts


def test_a_lead_in_ask_spelt_out_by_guidance_sentences_is_their_frame():
    """The spent sets' writers (s16 q11, s18 q09, s19 q06, s20 q09, s9 fresh f9-06) label only the guidance's asks."""
    text = ("Describe how you will work with local schools.\nResponses should explain how you will agree referral "
            "routes with each school.\nResponses should also describe how you will share safeguarding concerns with "
            "the designated lead.\nMaximum 500 words.")
    pts = [t for _, t in parse_question(text).points]
    assert len(pts) == 2, pts
    assert not any(p.startswith("Describe how you will work with local schools") for p in pts), pts


def test_a_lead_in_ask_beside_a_mixed_include_list_stays_asked():
    text = ("Explain how you will make the garden project welcoming to older men. Include your approach to "
            "publicity, how you will use the referral data, and the changes you will make to opening times. "
            "Maximum 400 words.")
    pts = [t for _, t in parse_question(text).points]
    assert len(pts) == 4, pts


def test_one_including_how_qualifies_a_listed_ask_and_two_are_asks_of_their_own():
    """The labelled majority (8 of 14 spent questions): one 'including how you will X' after a how-ask stays with it."""
    one = ("Your response should cover:\n- how you will run the weekly drop-in, including how you will staff it on bank "
           "holidays\n- how you will publicise the drop-in to people who have never used a service\nMaximum 500 words.")
    pts = [t for _, t in parse_question(one).points]
    assert len(pts) == 2, pts
    two = ("Your response should cover:\n- how you will run the weekly drop-in, including how you will staff it on bank "
           "holidays and how you will keep it open in the snow\n- how you will publicise the drop-in to people who have "
           "never used a service\nMaximum 500 words.")
    pts = [t for _, t in parse_question(two).points]
    assert len(pts) == 4, pts
