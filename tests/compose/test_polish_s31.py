"""Small defects a blind panel read in drafted answers (issue 12, session 31), each fixed by structure.

1. a pattern's words that depend on how many places it names ('at each site') are said by the count;
2. a section's label on a line of its own ('Context') is never read into the name of the sentence below it;
3. trimming never keeps a block's follow-up sentence whose lead it dropped;
4. a filled pattern sentence is method text: it sits with the part's method, before its 'what it means' line.

Every sentence and name here is written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import buyer_facts, library, patterns
from evidencebot.compose.questions import SubPoint
from evidencebot.compose.tender import Section, Unit, _fit_section, _method_paragraph, _refill


def _pattern(body: str) -> patterns.Pattern:
    block = library.Block(block_id="s-visit", title="Visits at named sites", body=body, means="",
                          tags=["pattern", "any ask", "visits"], owner="First person", source="test",
                          status="approved", approved_by="Second person", last_reviewed="2026-01-01",
                          review_due="2027-12-01", stale=False)
    return patterns.approved([block])[0]


VISITS = _pattern("A peer support worker will hold visits at {site} every fortnight, {in that place|in each place}.")


def test_a_pattern_naming_one_place_says_it_in_the_singular():
    out = patterns.write("how your visits at Larchmere House will run", "", [VISITS], {})
    assert out[0].sentence == ("A peer support worker will hold visits at Larchmere House every fortnight, "
                               "in that place.")


def test_a_pattern_naming_two_places_keeps_each():
    out = patterns.write("how your visits at Larchmere House and Dunnock Lodge will run", "", [VISITS], {})
    assert out[0].sentence.endswith("at Larchmere House and Dunnock Lodge every fortnight, in each place.")


def test_the_library_site_pattern_has_no_plural_wording_for_one_place(demo_db):
    # the approved library's own site patterns: any wording of 'each' over the slot is written as a count choice
    for b in library.list_blocks(demo_db):
        if patterns.role_of(b) == "site":
            one = patterns.by_count(b.body, 1)
            assert "each place" not in one and "each site" not in one, b.block_id


def test_a_label_line_over_a_paragraph_stays_out_of_the_name_below_it():
    text = ("Background\nHollin Vale Carers Hub carries out carers' assessments under the Care Act 2014 on behalf of "
            "the Council.\n")
    lines = buyer_facts.buyer_lines(text)
    assert lines and lines[0][1].startswith("Hollin Vale Carers Hub")
    names = [f.data[0] for f in buyer_facts.read(text) if f.kind == "assessor"]
    assert names == ["Hollin Vale Carers Hub"]


def _block_section(texts: list[str], budget_words: int) -> Section:
    units = [Unit(t, priority=2, refs=["block:b1"], parent=None if i == 0 else 0) for i, t in enumerate(texts)]
    units[0].priority = 1
    return Section(point=SubPoint("p", "how reviews are shared", "Reviews", budget=budget_words), units=units)


LEAD = "After each review the worker writes a short summary with the person."
TIMED = "The summary goes to the person's GP and their housing officer within three working days."
CHECK = "The team leader checks each quarter that summaries went out on time."
NEW = "The person can ask for a copy in large print."


def test_a_check_on_a_timescale_goes_when_the_sentence_stating_the_timescale_goes():
    sec = _block_section([LEAD, TIMED, CHECK, NEW], 0)
    budget = sum(u.words for u in sec.units) - sec.units[1].words  # room for all but one sentence
    sec.units[2].priority = sec.units[3].priority = 1  # the later sentences outrank it: the timed one is cut first
    _fit_section(sec, budget)
    kept = [u.text for u in sec.kept_units()]
    assert TIMED not in kept
    assert CHECK not in kept  # never left checking a timescale the part no longer states
    assert LEAD in kept and NEW in kept


def test_a_sentence_pointing_back_goes_with_the_one_before_it_and_never_returns_alone():
    back = "They are kept with the plan in the shared record."
    sec = _block_section([LEAD, TIMED, back, NEW], 0)
    sec.units[3].priority = 1
    budget = sum(u.words for u in sec.units) - sec.units[1].words
    _fit_section(sec, budget)
    kept = [u.text for u in sec.kept_units()]
    assert TIMED not in kept and back not in kept
    # words given back later bring the follow-up back only with its lead
    sec.point.limit = None
    _refill([sec], sum(u.words for u in sec.kept_units()) + sec.units[2].words)
    assert not sec.units[2].kept or sec.units[1].kept


def test_a_follow_up_that_stands_alone_is_still_trimmed_on_its_own():
    sec = _block_section([LEAD, TIMED, NEW], 0)
    sec.units[2].priority = 1
    _fit_section(sec, sum(u.words for u in sec.units) - sec.units[1].words)
    assert [u.text for u in sec.kept_units()] == [LEAD, NEW]


def test_the_pattern_sentence_joins_the_method_paragraph_before_the_what_it_means_line():
    means = "The aim is that reviews are known to everyone involved."
    units = [Unit(LEAD, priority=1, refs=["block:b1"], paragraph=0),
             Unit(TIMED, priority=2, refs=["block:b1"], parent=0, paragraph=0),
             Unit("Our records show most summaries were sent.", priority=2, refs=["ind:x"], paragraph=1),
             Unit(means, priority=1, refs=["block:b1"], paragraph=2)]
    sec = Section(point=SubPoint("p", "how reviews are shared", "Reviews"), units=units,
                  evidence={"blocks": SimpleNamespace(means={"text": means, "block": "b1"})})
    assert _method_paragraph(sec) == 0
    sec.units.append(Unit(NEW, priority=1, refs=["block:s-visit", patterns.REF], paragraph=_method_paragraph(sec)))
    paras = sec.paragraphs()
    assert paras[0].endswith(NEW) and paras[-1] == means


def test_a_part_with_no_method_text_puts_the_pattern_sentence_in_a_paragraph_of_its_own():
    sec = Section(point=SubPoint("p", "how reviews are shared", "Reviews"),
                  units=[Unit("[To write: Reviews]", priority=1, refs=["todo:part"], paragraph=0)])
    assert _method_paragraph(sec) == 1
