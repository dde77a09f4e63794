"""Element-level drafting (issue 12, session 29): a sub-point that lists named elements ('including A, B and C',
'such as', ', and how you will ...') gets, for each element its chosen blocks leave unnamed, the approved block
written about it, in short when the part is tight; the coverage row says which block names each element and which
are still to write. On spent s28 q08 the coverage knew 'domestic abuse, exploitation, self-neglect' and 'MARAC,
Channel (Prevent) panels' were missing while the library held a block for each, and the panel marked them 'Not'."""

from __future__ import annotations

import dataclasses
import re

from evidencebot.compose import tender as T
from evidencebot.compose.questions import asked_elements
from evidencebot.compose.words import count_words

# written for this test: a buyer's two-part safeguarding question in the shape of s28 q08, not its words
QUESTION = """Question 5 - Keeping people safe

Maximum 420 words.

Tell us how your service will protect the adults it supports from harm. Please include:

a) how your workers will notice and report worries, including about domestic abuse, exploitation and self-neglect;
b) how you will work with other agencies, including the Eastmere MARAC and Channel (Prevent) panels.
"""


def test_elements_after_including_are_split_and_the_ask_after_them_is_one_more():
    """The list after 'including about ...' followed by ', and how you will ...' was read as one element, so no
    single element was ever looked for (s28 q08 b)."""
    assert asked_elements("how staff will notice worries, including about hoarding, debt and scams, and how you will "
                          "tell the council within a day") == ["hoarding", "debt", "scams",
                                                                "how you will tell the council within a day"]
    assert asked_elements("how you will help carers, such as young carers and older carers") == ["young carers",
                                                                                                 "older carers"]
    assert asked_elements("how you will keep records accurate") == []


def test_an_element_is_named_by_its_own_words_not_the_buyer_s_place():
    assert T.element_said("the Eastmere MARAC", "The worker refers to MARAC when the risk is high.")
    assert not T.element_said("the Eastmere MARAC", "The worker refers to the local risk conference.")
    assert not T.element_said("self-neglect", "Workers ask about domestic abuse at every review.")


def test_the_part_names_each_listed_element_from_its_own_block_within_the_limit(demo_db, checker):
    answer = T.assemble_tender(demo_db, QUESTION, period="2025-10..2026-09", checker=checker)
    assert answer.counts.words <= 420 and not answer.findings, (answer.counts.words, answer.findings)
    sections = re.split(r"^#+ ", answer.markdown, flags=re.M)
    a = next(s for s in sections if s.lower().startswith(("a)", "noticing")))
    b = next(s for s in sections if s.lower().startswith(("b)", "working")))
    for element in ("domestic abuse", "exploitation", "self-neglect"):
        assert element in a.lower(), (element, a)
    assert "MARAC" in b and "Channel" in b, b
    rows = {r.key: r for r in answer.coverage}
    # the coverage names the block that says each element, and nothing listed is left as 'not in this part'
    assert "met: domestic abuse (" in rows["a"].status and "self-neglect (" in rows["a"].status, rows["a"].status
    assert "not in this part" not in rows["a"].status, rows["a"].status
    assert "the Eastmere MARAC (" in rows["b"].status, rows["b"].status


def test_an_element_no_block_is_written_about_stays_to_write(demo_db, checker):
    question = QUESTION.replace("domestic abuse, exploitation and self-neglect", "domestic abuse and falconry permits")
    answer = T.assemble_tender(demo_db, question, period="2025-10..2026-09", checker=checker)
    row = next(r for r in answer.coverage if r.key == "a")
    assert "not in this part: falconry permits (write this)" in row.status, row.status
    assert "falconry" not in answer.markdown.lower()  # no block pretends to answer it


def test_a_tight_part_keeps_an_element_s_short_form_and_cuts_the_least_specific_text_first():
    """Of two sentences of equal priority, the one naming none of the listed elements goes first."""
    point = dataclasses.replace(T.plan_question("Describe how you will keep people safe.", 60).points[0],
                                text="how staff notice and report worries, including domestic abuse and self-neglect")
    units = [T.Unit(text="Our workers follow the safeguarding policy and record every concern on the day, and "
                         "the team leader reads the log each week.", priority=1, refs=["block:general"]),
             T.Unit(text="Workers ask about domestic abuse at the first visit when the person is seen alone.",
                    priority=1, refs=["block:da"]),
             T.Unit(text="Signs of self-neglect are talked through with the person and a team leader within two "
                         "working days.", priority=1, refs=["block:sn"])]
    sec = T.Section(point=point, units=units)
    T._fit_section(sec, count_words(units[1].text) + count_words(units[2].text))
    assert [u.kept for u in sec.units] == [False, True, True]


def test_the_coverage_says_which_block_names_each_element_and_where_the_others_are():
    plan = T.plan_question("Describe how you will keep people safe.", 200)
    base = plan.points[0]
    here = dataclasses.replace(base, key="a", label="Noticing worries",
                               text="how staff notice worries, including domestic abuse, hoarding and section 42 referrals")
    there = dataclasses.replace(base, key="b", label="Working with agencies", text="how you will work with agencies")
    a = T.Section(point=here, units=[T.Unit(text="Workers ask about domestic abuse at every review.",
                                            refs=["block:da-ask"])])
    b = T.Section(point=there, units=[T.Unit(text="We refer adults at risk for section 42 referrals to the council.",
                                             refs=["block:law"])])
    said = " ".join(u.text for u in a.kept_units())
    status = T._element_rows(a, said, [a, b])
    assert "met: domestic abuse (da-ask)" in status, status
    assert "section 42 referrals (said in 'Working with agencies': move or repeat it)" in status, status
    assert "hoarding (write this)" in status, status
