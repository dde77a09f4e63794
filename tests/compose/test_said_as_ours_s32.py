"""Session 32 (issue 12, after the s32 panel, spent): the buyer's words said back as ours, and headings cut.

* A gate asking us to confirm a statement whose subject is a thing of the service in lower case ('access to the
  service will not depend on a diagnosis ...') was never made; one pointing back with 'this' had 'this' as its
  statement.
* A buyer's bullet about the Provider said as ours kept the Provider's 'it' ('sites it does not run') and its
  'also' opened the part.
* Headings cut before the clause that said whom they were about, or inside a clause before its verb.
"""

from types import SimpleNamespace

from evidencebot.compose import commitments, gates, proofread, questions
from evidencebot.compose.tender import assemble_tender


def _gate(question: str) -> gates.Gate:
    found = gates.read(question)
    assert len(found) == 1, found
    return found[0]


def test_a_confirmed_statement_about_a_thing_of_the_service_is_made_as_ours():
    g = _gate("Responses to 3.1 that do not confirm that entry to the programme will not require a GP letter will "
              "not score above 2.")
    assert g.confirming
    assert gates.our_sentence(g) == "We confirm that entry to the programme will not require a GP letter."


def test_a_statement_to_set_out_in_lower_case_is_still_not_ours_to_confirm():
    for statement in ("how the team will share records with the GP", "who will hold the key on weekends"):
        assert gates.our_sentence(gates.Gate(sentence="", statement=statement, confirming=True)) == "", statement


def test_a_gate_that_says_this_confirms_the_sentence_before_it():
    g = _gate("Each carer must be offered a carer's assessment within 10 working days. Answers that do not confirm "
              "this will not score above 1.")
    assert g.statement == "Each carer will be offered a carer's assessment within 10 working days"
    assert gates.our_sentence(g) == ("We confirm that each carer will be offered a carer's assessment within 10 "
                                     "working days.")


def test_the_providers_it_is_ours_when_its_sentence_is_said_as_ours():
    said = [c.text for c in commitments.fallback(
        "The Provider will run weekly groups at two libraries it does not manage and at the clinic it leases.")]
    assert said and "libraries we do not manage" in said[0] and "clinic we lease" in said[0], said
    # an 'it' that is something else stays
    assert commitments._provider_it("review the plan when it changes") == "review the plan when it changes"


def _unit(text, paragraph):
    return SimpleNamespace(text=text, short=None, full=None, kept=True, paragraph=paragraph)


def test_also_goes_from_a_parts_first_sentence_and_stays_after_another():
    first = _unit("We will also hold drop-in sessions at the library every Tuesday.", 0)
    later = _unit("We will also keep a waiting list for the group.", 1)
    sec = SimpleNamespace(point=SimpleNamespace(key="a"), units=[first, later], kept_units=lambda: [first, later])
    proofread.mend_sections([sec])
    assert first.text == "We will hold drop-in sessions at the library every Tuesday."
    assert later.text == "We will also keep a waiting list for the group."
    assert proofread.without_leading_also("Also, we visit each ward.") == "We visit each ward."


def test_a_heading_is_not_cut_from_the_clause_that_says_which_people():
    h = questions.make_heading("what support you will give to people who cannot or will not attend the hub in "
                               "person during the week", short=True)
    assert not h.lower().endswith("to people"), h


def test_a_heading_keeps_the_verb_of_the_clause_it_makes_sure_of():
    ask = ("How will you make sure that no tenant housed under the scheme is evicted for rent arrears without first "
           "meeting the housing officer who placed them?")
    h = questions.make_heading(ask, short=True)
    assert "evicted for rent arrears" in h, h


def test_the_bidders_they_in_a_guidance_heading_is_ours():
    h = questions.make_heading("Bidders should give examples of outreach work they have delivered before and say "
                               "what changed as a result.", short=True)
    assert "they" not in h.split() and "you have delivered" in h, h
    h = questions.make_heading("Bidders should describe how carers will be supported when they have finished caring.",
                               short=True)
    assert "you" not in h.split(), h


def test_this_after_a_gate_sentence_gives_that_gate_its_cap_and_is_no_gate_of_its_own():
    found = gates.read("Bidders must confirm that every volunteer will have a DBS check before starting. Responses "
                       "that do not confirm this will not score above 1.")
    assert [g.statement for g in found] == ["every volunteer will have a DBS check before starting"]
    assert found[0].cap == "1"


def test_where_the_confirmation_is_to_be_made_is_not_part_of_it():
    g = _gate("Bidders that do not confirm in their response that every site will be step-free from 1 May 2028 will "
              "score 0 for this question.")
    assert g.statement == "every site will be step-free from 1 May 2028"
    assert gates.our_sentence(g) == "We confirm that every site will be step-free from 1 May 2028."


def test_a_guidance_ask_of_the_bidders_says_their_they_as_the_bidders_own():
    plan = questions.plan_question(
        "Question 4: Carers\n\nHow will you support carers of people on the caseload?\n\nBidders should give examples "
        "of carer groups they have run in the past and say what they changed as a result.\n")
    text = " ".join(pt.text for pt in plan.points)
    assert "they have run" not in text and "you have run" in text, text


_GATED = """Question 3: Access

Please describe how people will reach the service. Your answer should address:

(a) how people can refer themselves;

(b) how you will work with the memory assessment service while people wait.

Responses to 3 that do not confirm that access to the service will not depend on a dementia diagnosis will not score
above 2.

Limit: 500 words.
"""


def test_the_gate_made_as_our_sentence_is_listed_to_confirm_before_submission(demo_db, checker):
    answer = assemble_tender(demo_db, _GATED, checker=checker)
    said = "We confirm that access to the service will not depend on a dementia diagnosis."
    assert said in answer.markdown
    assert any(c["text"] == said and c["template"] == "the buyer's required statement" for c in answer.commitments)
