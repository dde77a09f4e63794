"""Question intake, session 36: shapes the spent sets' writers label one way across several sets (an example asked
for by count, an example's own follow-up, marks out of a stated total)."""

from evidencebot.compose.questions import parse_question, read_limits

COUNTED_EXAMPLE = """Question 7: Involving people who use the service

Word limit: 600 words

Tell us:
- how you will recruit and pay members of a service user reference group;
- how the group will review the service's quarterly figures.

Bidders should give at least one example of a rota, leaflet or policy that a service user group rewrote in a
service they run, and say what changed as a result.
"""


def points(text: str) -> list[str]:
    return [t for _, t in parse_question(text).points]


def test_an_example_asked_for_by_count_is_a_sub_point_with_its_follow_up():
    got = points(COUNTED_EXAMPLE)
    example = [t for t in got if "at least one example" in t]
    assert len(example) == 1, got
    # what changed is asked of that example: it stays with it, not a sub-point of its own
    assert "what changed" in example[0]
    assert not any(t.lower().startswith("what changed") for t in got)
    assert len(got) == 3


def test_an_example_keeps_what_it_taught_but_a_new_ask_after_it_is_split():
    kept = points("How will you run the evening drop-in?\n\nBidders should give examples of late opening they "
                  "have run before and say what they learned from it.\n")
    assert any("examples of late opening" in t and "learned from it" in t for t in kept), kept
    split = points("How will you run the evening drop-in?\n\nBidders should give examples of partners they work "
                   "with and say how they will avoid repeating what those partners already offer.\n")
    assert any("examples of partners" in t and "avoid" not in t for t in split), split
    assert any(t.startswith("how they will avoid") or t.startswith("how you will avoid") for t in split), split


def test_raw_marks_become_a_percentage_only_when_their_total_is_stated():
    assert read_limits("Marks available: 30. The technical questionnaire carries 600 marks in total.").weighting == 5
    assert read_limits("This question is worth 45 marks out of the 900 marks available in the evaluation.").weighting == 5
    assert read_limits("Marks available: 24 (of 300 quality marks)\nMaximum 800 words").weighting == 8
    # no total stated: marks stay marks
    assert read_limits("This question is worth 12 marks.").weighting == 12
    # a small total is the question's own parts', not the evaluation's
    assert read_limits("Each part carries 10 marks; 20 marks in total.").weighting == 10


def test_numbered_parts_weightings_are_added_and_a_part_number_is_no_weighting():
    # the first part's number (7.1) was read as the weighting
    assert read_limits("Weighting: 7.1 – 3%, 7.2 – 4%\n\n7.1 Describe ...\n7.2 Explain ...").weighting == 7
    assert read_limits("This question has two parts: 4.1 (weighting 5%, maximum 600 words) and 4.2 (weighting 3%, "
                       "maximum 300 words).").weighting == 8


PART_LEFTOVERS = """Question 9 – Housing and move-on

**Part A — Tenancy support**

Describe how you will help people keep their tenancy.

Part A: Maximum 300 words.

**Part B — Working with the council**

Explain how you will work with the council's housing team when someone is about to lose their home.

Part B: Maximum 400 words.

Weighting: Part A 2%; Part B 4%.
"""

SCOPED_WEIGHT = """Question 4 – Records

Part B – Record keeping (scored)

Weighting: 6% (Part B only)
Part B: maximum 600 words

Describe how you will keep records up to date and how people can see what is written about them.
"""

LENGTH_LABEL = """Method Statement 3 – Transport
The Contractor will explain how people who do not drive will get to groups.
Length: up to 1 page. Weight: 3%
"""


def test_a_part_label_or_a_limit_label_left_over_is_no_sub_point():
    for text in (PART_LEFTOVERS, SCOPED_WEIGHT, LENGTH_LABEL):
        got = points(text)
        assert not any(t.strip("(). :%").lower() in {"part b only", "part b 4", "length"} for t in got), got
    assert any("lose their home" in t for t in points(PART_LEFTOVERS))
    assert any("records up to date" in t for t in points(SCOPED_WEIGHT))
    assert any("do not drive" in t for t in points(LENGTH_LABEL))


def test_a_length_label_and_a_portal_text_box_are_read_as_limits():
    assert read_limits("Describe your approach.\nMaximum response length: 900 words.").words == 900
    assert read_limits("Describe your approach.\nMaximum Length: 2500 (characters)").chars == 2500
    assert read_limits("Question 8 – Training [Text box, 1500 characters]").chars == 1500
    assert read_limits("Q12 [Free text – 2,750 characters]").chars == 2750
    # a length in pages stays pages
    assert read_limits("Length: up to 2 pages.").pages == 2
