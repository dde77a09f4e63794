"""The buyer's named elements of a part, promises that say the ask back, and who does what (issue 12, session 30).

The s28 and s29 panels marked parts that left the buyer's own policy, teams, places and figures unsaid, promises that
were the ask said back ('We will decide when a visit needs two workers'), and a service the buyer says the Provider
delivers sent out to 'the local IPS service'. Every sentence and name here is written for this test."""

from __future__ import annotations

from evidencebot.compose import named
from evidencebot.compose.tender import assemble_tender

ASK_STANDARD = ("how you will meet the Fernleigh Borough Council Safe Visiting Standard for Funded Providers "
                "(version 4.1, March 2026), and how staff will check in where there is no signal")


def test_a_document_with_its_version_is_read_and_marked_required_by_the_ask():
    found = named.in_ask(ASK_STANDARD)
    docs = [e for e in found if e.kind == "document"]
    assert len(docs) == 1
    assert docs[0].text.endswith("(version 4.1, March 2026)")
    assert docs[0].required


def test_a_document_merely_mentioned_is_not_required():
    docs = [e for e in named.in_ask("how your plan reflects the Fernleigh Wellbeing Strategy 2025-2030")
            if e.kind == "document"]
    assert docs and not docs[0].required


def test_targets_kpis_and_proper_names_are_read_from_the_ask():
    ask = ("how you will lift the share of plans reviewed from 48% to the 75% target by June 2028, meet KPI 4, and "
           "work with the Dunmore Street Hub and the Ravelin Access Team")
    kinds = {(e.kind, e.text) for e in named.in_ask(ask)}
    assert ("kpi", "KPI 4") in kinds
    assert ("name", "Dunmore Street Hub") in kinds
    assert ("name", "Ravelin Access Team") in kinds
    assert any(k == "target" and "75%" in t and "June 2028" in t for k, t in kinds)


def test_said_needs_the_version_and_the_name_next_to_its_head():
    doc = next(e for e in named.in_ask(ASK_STANDARD) if e.kind == "document")
    assert named.said(doc, "We work to the Council's Safe Visiting Standard (version 4.1) on every visit.")
    assert not named.said(doc, "We work to the Council's Safe Visiting Standard on every visit.")
    assert not named.said(doc, "Staff follow our own lone visiting procedure.")


def test_a_target_is_said_only_with_its_figures():
    target = next(e for e in named.in_ask("how you will move from 48% to the 75% target by June 2028")
                  if e.kind == "target")
    assert named.said(target, "We plan a quarterly review towards 75% by June 2028, from 48% now.")
    assert not named.said(target, "We plan a quarterly review of the share of plans reviewed.")


def test_a_promise_that_only_says_the_ask_back_restates_it():
    ask = "how you will decide when a home visit needs a second worker"
    assert named.restates("We will decide when a home visit needs a second worker.", ask)


def test_a_promise_with_its_own_who_or_when_does_not_restate():
    ask = "how you will decide when a home visit needs a second worker"
    assert not named.restates("The team leader will decide before each first visit when a home visit needs a "
                              "second worker.", ask)
    assert not named.restates("We will decide within 3 days when a home visit needs a second worker.", ask)


def test_a_plain_commitment_to_follow_a_named_document_is_not_a_restatement():
    assert not named.restates("We will follow the Fernleigh Safe Visiting Standard v4.1.",
                              "how you will follow the Fernleigh Safe Visiting Standard v4.1")


BUYER = ("The Service must deliver Supported Employment Coaching (SEC) to fidelity. The Borough funds Kinfolk Care "
         "to run the Fernleigh Family Carers Centre, which carries out carers' assessments on the Borough's behalf.")


def test_the_buyers_who_does_what_is_read():
    found = named.duties(BUYER)
    assert any(d.by == "" and "SEC" in d.names for d in found)
    assert any(d.by == "Fernleigh Family Carers Centre" for d in found)


def test_sending_out_what_the_provider_delivers_itself_goes_against_the_buyer():
    found = named.duties(BUYER)
    assert named.who_does_what("People who want work are referred to the local SEC service within a week.", found)
    assert named.who_does_what("The SEC service reviews each coach's caseload every month.", found)
    assert not named.who_does_what("Our SEC coaches meet each person within a week of referral.", found)


def test_referring_to_another_body_for_what_a_named_body_does_goes_against_the_buyer():
    found = named.duties(BUYER)
    assert named.who_does_what("Carers are referred to the council's adult social care team for a carer's "
                               "assessment.", found)
    assert not named.who_does_what("Carers are referred to the Fernleigh Family Carers Centre for a carer's "
                                   "assessment.", found)


def test_gap_note_names_each_element_left_unsaid():
    els = named.in_ask("how you will use the Halden Outreach Bus and meet KPI 4")
    note = named.gap_note(els)
    assert "the buyer names Halden Outreach Bus here: write" in note
    assert "the buyer names KPI 4 here: write" in note


QUESTION = """Question 4: Keeping staff safe

Many visits are to isolated farms, and parts of Greyholt Fell have no mobile signal.

Describe how you will keep staff safe when working alone, including:

(a) how you will meet the Fernleigh Borough Council Safe Visiting Standard for Funded Providers (version 4.1, March 2026);
(b) how you will decide when a home visit needs a second worker.

Maximum 400 words.
"""


def test_an_answer_commits_to_the_required_document_and_drops_the_ask_said_back(demo_db):
    ans = assemble_tender(demo_db, QUESTION)
    assert "We will follow the Fernleigh Borough Council Safe Visiting Standard for Funded Providers (version 4.1, " \
           "March 2026)" in ans.markdown
    assert "We will decide when a home visit needs a second worker." not in ans.markdown
    assert not ans.findings


class _Point:
    def __init__(self, label: str, text: str):
        self.kind, self.label, self.text, self.key = "scored", label, text, "a"


def _section(label: str, ask: str, sentences: list[str]):
    from evidencebot.compose.tender import Section, Unit
    return Section(point=_Point(label, ask), units=[Unit(text=s, refs=["block:x"], paragraph=i)
                                                     for i, s in enumerate(sentences)])


def test_the_assembler_leaves_out_a_said_back_promise_and_a_sentence_sending_out_what_we_deliver():
    from evidencebot.compose.tender import NAMED_RESTATES, NAMED_WHO, _buyer_named_elements, _named_status
    sec = _section("Deciding when a home visit needs a second worker",
                   "how you will decide when a home visit needs a second worker",
                   ["We will decide when a home visit needs a second worker.",
                    "People who want work are referred to the local SEC service within a week.",
                    "The team leader reads the risk summary before each first visit and books a second worker."])
    _buyer_named_elements([sec], BUYER, set())
    whys = [u.why for u in sec.units]
    assert whys[:3] == [NAMED_RESTATES, NAMED_WHO, ""]
    status = _named_status(sec, " ".join(u.text for u in sec.kept_units()), [])
    assert "the ask said back" in status and "sending elsewhere" in status


def test_a_gate_commitment_in_the_buyers_words_is_kept():
    from evidencebot.compose.tender import _buyer_named_elements
    said = "We will decide when a home visit needs a second worker."
    sec = _section("Deciding when a home visit needs a second worker",
                   "how you will decide when a home visit needs a second worker", [said])
    _buyer_named_elements([sec], "", {said})
    assert sec.units[0].kept


def test_the_coverage_row_names_an_element_the_part_leaves_unsaid():
    from evidencebot.compose.tender import _named_status
    sec = _section("Using the Halden Outreach Bus", "how you will use the Halden Outreach Bus in the villages",
                   ["Workers plan visits by area each week."])
    status = _named_status(sec, "Workers plan visits by area each week.", [])
    assert "the buyer names Halden Outreach Bus here: write" in status
    assert _named_status(sec, "The Halden Outreach Bus visits each village every four weeks.", []) == ""


def test_a_said_back_promise_with_the_buyers_figure_is_not_bare():
    assert named.bare("We will decide when a home visit needs a second worker.")
    assert not named.bare("We will contact each person leaving Greyholt House within 3 working days.")
    assert not named.bare("We will report progress to the Borough each quarter.")


def test_a_said_back_promise_with_a_figure_stays_and_the_row_asks_for_its_method():
    from evidencebot.compose.tender import _buyer_named_elements, _named_status
    said = "We will contact each person leaving Greyholt House within 3 working days."
    sec = _section("Contact after leaving Greyholt House",
                   "how you will contact each person leaving Greyholt House within 3 working days", [said])
    _buyer_named_elements([sec], "", set())
    assert sec.units[0].kept
    assert "said back with no method" in _named_status(sec, said, [])


def test_counting_carers_referred_is_not_sending_their_assessment_elsewhere():
    found = named.duties(BUYER)
    assert not named.who_does_what("The data officer counts carers offered an assessment and referred each quarter.",
                                   found)


def test_our_words_for_a_kind_of_team_are_said_as_the_buyer_names_it():
    team = named.Named("Ravelin CRHTT", "name")
    assert named.by_name("The worker phones the crisis team before the visit.", team) == \
        "The worker phones the Ravelin CRHTT before the visit."
    # 'a' speaks of any such team, and a name of another kind is left alone
    assert named.by_name("The worker phones a crisis team.", team) == "The worker phones a crisis team."
    assert named.by_name("The worker phones the crisis team.", named.Named("Dunmore Street Hub", "name")) == \
        "The worker phones the crisis team."


def test_a_plural_name_takes_the_plural_of_our_words():
    teams = named.Named("Ravelin CMHTs", "name")
    assert named.by_name("We meet the community mental health teams monthly.", teams) == \
        "We meet the Ravelin CMHTs monthly."


def test_the_assembler_names_the_asks_team_in_our_method_text():
    from evidencebot.compose.tender import _buyer_named_elements
    sec = _section("Working with the Ravelin CRHTT", "how you will work with the Ravelin CRHTT out of hours",
                   ["The duty worker calls the crisis team when a person's plan says so."])
    _buyer_named_elements([sec], "", set())
    assert sec.units[0].text == "The duty worker calls the Ravelin CRHTT when a person's plan says so."


def test_a_sentence_continuing_a_dropped_one_stays_when_it_stands_alone():
    from evidencebot.compose.tender import _buyer_named_elements
    sec = _section("Delivering SEC", "how you will deliver SEC to fidelity",
                   ["SEC for the people we support is delivered with the local SEC service.",
                    "Each coach holds no more than 20 people and joins the weekly team meeting.",
                    "It follows the fidelity scale."])
    sec.units[1].parent = 0
    sec.units[2].parent = 0
    _buyer_named_elements([sec], BUYER, set())
    assert [u.kept for u in sec.units] == [False, True, False]


def test_a_sentence_pointing_back_early_does_not_stand_alone():
    assert not named.stands_alone("The data officer reports these to the Borough each quarter.")
    assert named.stands_alone("Coaches spend most of their week out of the office with people and employers.")
