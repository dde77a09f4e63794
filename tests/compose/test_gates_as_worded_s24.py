"""The buyer's gates made in the buyer's words, and no visible substitution errors (issue 12, session 24).

The s23 panel (tests/data/heldout/s23/panel/scorer2.md, spent) applied gates after scoring content: a gate sentence
that dropped 'from the Service Commencement Date' and a plan for 'any post still vacant at go-live' was 'Not met as
worded'; 'Our mobilisation plan works back from the start on 1 April 2027' did not confirm the date can be achieved; a
rewrite of dates left 'by 15 March 2027 month'. The same sheet read '69.8 per 100 people for crisis events per 100
people', 'the commissioners is told' and a count word over a shorter list as carelessness. The buyers, names and
sentences below are ours.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from evidencebot.compose import gates, proofread
from evidencebot.compose.tender import COMMITMENT, Section, Unit

PERIOD = "2025-10..2026-09"


@pytest.mark.parametrize("sentence, ours", [
    # 'for this question' between the cap and 'unless'; 'can', confirmed as such
    ("Bids will not score above 2 for this question unless the Provider confirms that it can open the Birchfield hub "
     "by 3 May 2027.", "We confirm that we can open the Birchfield hub by 3 May 2027."),
    # a second statement of the bidder's, 'and that it accepts', in our voice
    ("Responses will not score above 3 unless the bidder confirms that it will take over the Quarry Lane lease and "
     "that it accepts that the lease ends in March 2030.",
     "We will take over the Quarry Lane lease, and we accept that the lease ends in March 2030."),
    # a statement about the service, not the bidder: said as the buyer wrote it
    ("Answers will not score above 3 unless the bidder states that no tenant will be evicted because of rent arrears "
     "held before the transfer.", "We confirm that no tenant will be evicted because of rent arrears held before the transfer."),
    # every qualifier kept, word for word
    ("Responses to 2.1 will not score above 2 unless the bidder confirms that it will keep every caseload under 20 at "
     "all times from the Service Commencement Date.",
     "We will keep every caseload under 20 at all times from the Service Commencement Date."),
])
def test_the_gate_is_said_in_the_buyers_words_with_every_qualifier(sentence, ours):
    read = gates.read(sentence)
    assert len(read) == 1, read
    assert gates.our_sentence(read[0]) == ours
    # a statement the answer must set out, not confirm, is no sentence of ours as it stands
    other = gates.read("Responses that do not explain how relapse plans are shared will not score above 2.")
    assert [gates.our_sentence(g) for g in other] == [""]


def _section(key: str, *texts: str) -> Section:
    return Section(point=SimpleNamespace(key=key, label=key), units=[Unit(text=t) for t in texts])


def _unit(text: str, paragraph: int) -> Unit:
    return Unit(text=text, priority=0, refs=[f"block:{COMMITMENT}"], paragraph=paragraph)


def test_a_gate_sentence_a_rewrite_corrupted_is_put_back_once_and_a_plan_for_a_shortfall_at_the_start_goes():
    gate = gates.read("Responses will not score above 2 unless the bidder confirms that it will staff the Elm Street "
                      "crisis line with two workers every night from the Service Commencement Date.")[0]
    gate.key, gate.commitment = "a", gates.our_sentence(gate)
    corrupted = "We will staff the Elm Street crisis line with two workers every night from 9 June 2027 night."
    sections = [_section("a", "Calls are answered by trained staff.", corrupted),
                _section("b", "Any shift still vacant at go-live is covered by agency staff.",
                         "We recruit from the local college.")]
    notes = gates.as_worded([gate], sections, _unit)
    kept = [u.text for s in sections for u in s.kept_units()]
    assert gate.commitment in kept and corrupted not in kept
    assert "Any shift still vacant at go-live is covered by agency staff." not in kept
    assert "We recruit from the local college." in kept
    assert any("undercuts" in n for n in notes["b"]), notes
    # said once: a second copy goes, and a part without any sentence near it gets the sentence
    sections = [_section("a", gate.commitment, "Calls are answered by trained staff.", gate.commitment)]
    gates.as_worded([gate], sections, _unit)
    assert [u.text for u in sections[0].kept_units()].count(gate.commitment) == 1
    sections = [_section("a", "Calls are answered by trained staff.")]
    gates.as_worded([gate], sections, _unit)
    assert gate.commitment in [u.text for u in sections[0].kept_units()]


@pytest.mark.parametrize("text, mended", [
    ("The rate was 41.2 per 1,000 people for admissions per 1,000 people last year.",
     "The rate was 41.2 per 1,000 people for admissions last year."),
    ("A plan is agreed and the trustees is told at the next board.",
     "A plan is agreed and the trustees are told at the next board."),
    ("A week before: The managers signs off the rota.", "A week before: The managers sign off the rota."),
    ("We follow four stages: we listen; we plan; and we review.", "We follow three stages: we listen; we plan; and we review."),
    ("We review it sooner when the trustees updates it.", "We review it sooner when the trustees update it."),
    # a template's 'by' before a date that already opens with it (s21 q10, spent: 'By by 30 November 2026')
    ("By by 31 May 2027 the rota is agreed with the the board.", "By 31 May 2027 the rota is agreed with the board."),
    # a template's 'the {named}' before a building's own name (s25 before-answers: 'agree with the Anchor House')
    ("We agree with the Kestrel House and the city's housing team how people move on.",
     "We agree with Kestrel House and the city's housing team how people move on."),
    ("The Linnet Court keeps two flats for step-down.", "Linnet Court keeps two flats for step-down."),
])
def test_the_proofreading_pass_mends_what_a_substitution_broke(text, mended):
    new, done = proofread.mend(text)
    assert new == mended
    assert done


@pytest.mark.parametrize("text", [
    "Progress against the targets is reported monthly.",  # the plural is no subject
    "The analysis is shared with the board.",  # a singular noun in -s
    "30 for each support worker and 12 for each nurse.",  # another figure between: a list, not a repeat
    "We follow three stages: we listen; we plan; and we review.",
    "Their teams were told at once.",
    # a year is no figure with a unit, and a clause said twice on purpose is no unit
    "From 1 May 2028 and how you will staff it and how you will fund it.",
    # a list apart by commas is not counted: its items hold 'or' and 'and'
    "The check has four parts: weight or body mass index, blood pressure, blood sugar and smoking.",
    "She had had no contact since May, and we said that that was too long.",  # doubled on purpose
    # a described name keeps its article, and so does a name before its own noun
    "We meet the Saltmarsh Crisis House staff weekly and the Kestrel House registered manager monthly.",
    "Referrals to the Kestrel House team go through the duty worker.",
])
def test_the_proofreading_pass_leaves_correct_text_alone(text):
    assert proofread.mend(text) == (text, [])


def test_a_date_before_a_noun_of_time_is_flagged_not_mended():
    assert proofread.flags("We send the return by 12 May 2027 month.") == [
        "'12 May 2027 month': a date where words were replaced"]
    assert proofread.flags("We send the return by 12 May 2027 each year.") == []


QUESTION = """Question 6 - Opening the service

Describe how you will mobilise the Fernhill recovery service, including recruitment and the transfer of records.

Bids will not score above 2 for this question unless the Bidder confirms that it can achieve the service start date of 2 June 2027.

Maximum 400 words.
"""


def test_the_assembled_answer_confirms_the_gate_as_worded_once(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, QUESTION, period=PERIOD, checker=checker)
    said = "We confirm that we can achieve the service start date of 2 June 2027."
    assert len(re.findall(re.escape(said), answer.markdown)) == 1, answer.markdown
    assert [g["made"] for g in answer.gates] == [True]
    assert not answer.findings


def test_a_count_over_a_list_shorter_before_the_part_was_made_says_the_items_kept():
    from evidencebot.compose import repeats

    said = ["The register starts with four risks.", "Late rotas: we plan a month ahead.", "Staff leaving: early recruitment.",
            "Phones not ready: numbers kept.", "Each risk has an owner."]
    units = [Unit(text=t, refs=["block:r"]) for t in said]  # one of its four items was never made a unit
    repeats.counts_agree(units)
    assert units[0].text == "The register starts with three risks."
    assert repeats.count_mismatches(" ".join(u.text for u in units)) == []


def test_a_commitment_saying_the_gate_in_other_words_gives_way_only_when_it_says_little_else():
    gate = "keep every caseload under 20 at all times from the Service Commencement Date"
    assert gates.within("We will keep caseloads under 20 at all times.", gate)
    assert not gates.within("We will keep caseloads under 20 by recruiting early in Eastholme and Brackwater, with a "
                            "relief pool of trained bank workers.", gate)


@pytest.mark.parametrize("sentence, undercut", [
    ("Any role unfilled at the start of the contract is covered by bank staff.", True),
    ("If any vacancies remain on day one, we cover them from our relief pool.", True),
    ("Vacant posts are reviewed at the start of each week.", False),  # no shortfall at the contract's start
    ("We advertise every vacant post within two weeks.", False),
])
def test_a_plan_for_a_shortfall_at_the_start_undercuts_a_gate_held_from_the_start(sentence, undercut):
    gate = gates.read("Responses will not score above 2 unless the bidder confirms that it will meet every minimum in "
                      "Table 2 from the Service Commencement Date.")[0]
    gate.commitment = gates.our_sentence(gate)
    assert gates.undercuts(gate, sentence) is undercut
    # a gate that does not hold from the start is not undercut by it
    later = gates.read("Responses will not score above 2 unless the bidder confirms that it will meet every minimum "
                       "in Table 2 by the end of Contract Year 1.")[0]
    later.commitment = gates.our_sentence(later)
    assert not gates.undercuts(later, sentence)
