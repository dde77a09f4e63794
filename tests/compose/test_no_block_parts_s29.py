"""Parts left "nothing in the library" although the library holds a block that answers them (issue 12, session 29).

s28 q11 (iii) asked that people "receiving support from the current service on 30 June 2027 experience no break in
support": the library's continuity block and the topic's cues say "continuity", "currently supported" and "without a
break", so no topic matched and the part was dropped from the submitted answer. The causes were generic: a buyer's
wording of a thing the library words otherwise (phrasebank/paraphrases.yaml), a calendar date read as what a part is
about, a possessive read as a stem of its own, and a group of people named only in a list of details (or inside a
partner's name) holding a part to blocks that name that group."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import blockmatch, groups
from evidencebot.store.blocks import library_blocks

Q11_III = ("how you will make sure that people receiving support from the current service on 30 June 2027 experience "
           "no break in support, including how records will be transferred")


def _library():
    return [SimpleNamespace(block_id=str(s["id"]), title=str(s["title"]), tags=[str(t) for t in s.get("tags") or []],
                            body=str(s["body"])) for s, _ in library_blocks()]


def test_a_buyers_wording_is_read_in_the_librarys_words():
    assert blockmatch.in_library_words("they have no break in support") == "they have no break in without a break in support"
    assert blockmatch.in_library_words("people receiving support from the current service").endswith("currently supported")
    assert blockmatch.in_library_words("a person who does not attend").endswith("does not attend did not attend")
    # whole phrases only: 'no breakfast in' is not a break
    assert blockmatch.in_library_words("no breakfast in the house") == "no breakfast in the house"


def test_no_break_in_support_finds_the_caseload_transfer_topic_and_its_blocks():
    topics = {h.topic.name for h in blockmatch.topic_hits(Q11_III)}
    assert "caseload_transfer" in topics
    offered = [b.block_id for _, b in blockmatch.candidates(Q11_III, _library())]
    assert "caseload-transfer-by-risk" in offered


def test_a_date_never_says_what_a_heading_is_about():
    heading = "Making sure people receiving support from the current service on 30 June 2027 experience no break in support"
    terms = blockmatch.head_terms(heading)
    assert "june" not in terms and "2027" not in terms
    assert "break" in terms
    assert blockmatch.without_dates("start on 1 April 2027 and in May 2026").split() == ["start", "and", "in"]
    assert blockmatch.without_dates("we may 2 of them") == "we may 2 of them"  # 'may' without a year is not a month


def test_a_possessive_is_the_name_it_belongs_to():
    assert blockmatch.tokens("the ICB's target") == blockmatch.tokens("the ICB target")


def test_a_group_named_only_in_a_list_of_details_does_not_gate_the_part():
    assessment = ("how you will carry out a strengths-based assessment, including who carries it out, what it covers "
                  "(mental health, physical health, housing, money, work and learning, relationships, substance use and "
                  "risk) and how you will use information already held")
    assert groups.asked(assessment) == frozenset()
    risk = ("how you will assess, formulate and manage risk, including risk to the person, risk to others, and the risks "
            "of lone working in isolated villages")
    assert groups.asked(risk) == frozenset()
    assert groups.misfit(risk, "Each risk assessment is reviewed with the person every month.") is None
    # one detail to the next comma, and the ask goes on: the group after it is still asked about
    accessible = ("accessible to people whose first language is not English, including seasonal workers, and to "
                  "people with a learning disability")
    assert "people with a learning disability" in groups.asked(accessible)
    # the ask itself naming a group still gates
    assert groups.asked("how you will protect seasonal workers at risk of exploitation") == {"seasonal workers"}


def test_a_group_inside_a_partners_name_is_not_asked_about():
    ask = "how you will work with the Housing Options and Homelessness Service to avoid delayed discharges"
    assert groups.asked(ask) == frozenset()
    assert groups.asked("how you will support people who are homeless") != frozenset()
