"""Questions in numbered parts answered part by part, and headings that are short names in the buyer's words
(issue 12, session 28: the s27 panel read Q4.1/4.2 with no part headings and no limit of each part, the buyer's
guidance pasted as a heading, and 24 headings over twelve words)."""

from __future__ import annotations

import re

from evidencebot.compose import questions as Q
from evidencebot.compose.questions import make_heading as _made


def make_heading(text: str) -> str:
    """The heading printed over a part (SubPoint.heading), not the longer label blocks are matched by."""
    return _made(text, short=True)

TWO_PARTS = """## Question 7 – Leaving the crisis house

This question has two parts, each scored on its own. Weighting: 8% in total (7.1: 5%; 7.2: 3%).

Birch House offers stays of up to 14 nights. Where a person's tenancy is at risk or they have nowhere to go, the
council's housing team must be involved in move-on planning from the first week of the stay.

### 7.1 Planning the move on (maximum 400 words)

Describe how you will plan each person's move on from Birch House, including how you will agree the plan with the
person and how you will arrange a settled place to live.

### 7.2 After the stay (maximum 250 words)

Explain how you will keep in touch with each person in the four weeks after they leave Birch House, and what you will
do if they stop replying.
"""


def _words(heading: str) -> int:
    return len(re.findall(r"[\w'’-]+", heading))


def test_a_requirement_stated_above_numbered_parts_joins_the_part_it_is_about_after_that_part_s_own_asks():
    """A sub-point read from the text above '### 7.1' sat in no part, so the whole question lost its parts: no part
    headings and no limit of each part (s27 q04). It now goes into the part whose words it shares (moving on and
    housing: 7.1), after 7.1's own asks, and the parts keep the buyer's order."""
    items = [("p1", "Where a person's tenancy is at risk or they have nowhere to go, the council's housing team must be "
                    "involved in move-on planning from the first week of the stay."),
             ("p2", "Describe how you will plan each person's move on from Birch House"),
             ("p3", "how you will arrange a settled place to live"),
             ("p4", "Explain how you will keep in touch with each person in the four weeks after they leave Birch House")]
    groups = Q._numbered_groups(TWO_PARTS, items)
    assert [g[:2] for g in groups] == [("7.1", 400)] * 3 + [("7.2", 250)]
    ordered, placed = Q._parts_in_order(TWO_PARTS, items, groups)
    assert [k for k, _ in ordered] == ["p2", "p3", "p1", "p4"]
    assert [g[0] for g in placed] == ["7.1", "7.1", "7.1", "7.2"]


def test_a_requirement_sharing_no_words_with_any_part_still_leaves_the_parts_unguessed():
    items = [("p1", "Quarterly invoices go to the finance office."),
             ("p2", "Describe how you will plan each person's move on from Birch House"),
             ("p3", "Explain how you will keep in touch with each person in the four weeks after they leave Birch House")]
    assert Q._numbered_groups(TWO_PARTS, items) is None


def test_the_answer_to_a_question_in_numbered_parts_is_written_under_each_part_s_number_within_its_limit(demo_db, checker):
    from evidencebot.compose import tender as T

    answer = T.assemble_tender(demo_db, TWO_PARTS, period="2025-10..2026-09", checker=checker)
    lines = answer.markdown.splitlines()
    part_heads = [x for x in lines if x.startswith("## ")]
    assert part_heads == ["## 7.1 Planning the move on", "## 7.2 After the stay"], part_heads
    start, second = lines.index(part_heads[0]), lines.index(part_heads[1])
    assert any(x.startswith("### ") for x in lines[start:second]) and any(x.startswith("### ") for x in lines[second:])
    words = [len(re.findall(r"\S+", " ".join(x.lstrip("#") for x in chunk)))
             for chunk in (lines[start:second], lines[second:])]
    assert words[0] <= 400 and 0 < words[1] <= 250, words


def test_guidance_joined_on_with_and_say_or_and_should_is_not_the_heading():
    """s27 q01: 'Outreach venues they will use and say on which days they will attend, and should show how ...' was a
    heading: an order to the bidder pasted in."""
    h = make_heading("Bidders should name the drop-in venues they will use and say on which days they will attend, "
                     "and should show how this fits the Rural Access Plan.")
    assert "drop-in venues" in h.lower()
    assert not re.search(r"(?i)\b(?:say|should|show|bidders?)\b", h), h


def test_a_requirement_made_a_heading_is_said_as_what_is_done_not_as_the_buyer_s_must():
    h = make_heading("Where a person has no settled home, the council's housing team and, for its tenants, Larchfield "
                     "Homes must be involved in move-on planning from the first week of the stay.")
    assert h.startswith("Involving the council's housing team and Larchfield Homes"), h
    assert "must" not in h and _words(h) <= 10


def test_headings_over_ten_words_are_brought_within_ten_at_a_phrase_boundary():
    made = {
        "how you will work with the ward team and the community teams to plan the return home of people admitted out "
        "of area, from admission to the day they get home": "Planning the return home of people admitted out of area",
        "how you will make sure every person leaving the crisis house or the ward is contacted within three days":
            "Contacting every person leaving the crisis house or the ward",
        "what you will do when a person misses two planned contacts in a row without telling us":
            "When a person misses two planned contacts in a row",
    }
    for text, want in made.items():
        assert make_heading(text) == want
        assert _words(make_heading(text)) <= 10


def test_a_ten_word_cut_that_keeps_only_the_ask_prints_the_heading_whole_up_to_twelve():
    # session 38 (intake38): 'Meeting the duty to refer' keeps three content words and drops what the duty is;
    # the buyer's eleven words are printed whole (a heading of more than twelve words is still cut)
    h = make_heading("how you will meet the duty to refer under the Homelessness Reduction Act 2017")
    assert h == "Meeting the duty to refer under the Homelessness Reduction Act 2017"
    assert 10 < _words(h) <= 12


def test_a_list_is_never_cut_to_its_first_items_to_make_a_heading_short():
    """Cutting at a comma of a list ('How the hub, the two spokes') or inside a range ('9am to 7pm, Monday') names
    less than the buyer asked: the heading stays whole when no phrase boundary leaves it within ten words."""
    h = make_heading("how the hub, the two spokes and the crisis house will operate as one service across the three "
                     "localities")
    assert "the crisis house" in h
    h = make_heading("how you will deliver the opening hours of 9am to 7pm, Monday to Saturday, and 10am to 2pm on "
                     "Sundays and bank holidays")
    assert not h.endswith(("Monday", "9am"))


KEYED_PARTS = """## Question 6 – Physical health

**6.1** Describe how you will make sure people on your caseload receive an annual physical health check with their GP
practice. (Maximum 300 words)

**6.2** Describe how you will support people to stop smoking. (Maximum 200 words)
"""


def test_a_part_answered_under_one_heading_that_carries_its_number_gets_no_second_heading(demo_db, checker):
    """'**6.1** Describe ...' / '**6.2** ...' gives one sub-point a part, keyed with the part's number: its heading
    ('6.1) Making sure ...') is the part's, so no bare '## 6.1' goes above it."""
    from evidencebot.compose import tender as T

    answer = T.assemble_tender(demo_db, KEYED_PARTS, period="2025-10..2026-09", checker=checker)
    heads = [x for x in answer.markdown.splitlines() if x.startswith("#")]
    assert [h.split()[1] for h in heads if h.startswith("## ")] == ["6.1)", "6.2)"], heads
    assert not any(h.startswith("### ") for h in heads), heads
