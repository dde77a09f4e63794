"""s33 (issue 12 item 4): the coverage report claims no coverage a part does not have.

Five blind panels (s28-s32) marked parts 'Not' or 'Partly' for the buyer's own elements (partner sites named in the
question's facts, a meeting's time, a partner in a part's marker) where our coverage row read 'method only' or
'method + evidence'. Sentences and places here are invented for these tests.
"""

from __future__ import annotations

from evidencebot.compose import named
from evidencebot.compose import tender as T
from evidencebot.compose.questions import SubPoint

FACTS = """Greyhaven County Council and Wyke Valley Integrated Care Board
ITT reference: GCC-2027-04 - Adult Wellbeing Service
Lot 1: Wyke Valley

Context

- The Provider will run the service from the Tollgate Wellbeing Hub, 4 Ropery Street.
- The Provider will also deliver sessions at partner sites it does not run: the Wyke Lantern Café (run by Open Arms
  Wyke), Ferry Lane Surgery and Crane Park Family Hub.
- Every referral passes through a shared triage with the Wyke Valley Community Mental Health Team, meeting every
  working day at 09:30.
- Greyhaven County Council will join the daily shared triage with the Wyke Valley Community Mental Health Team.

Your response should include:

- what you will deliver at each partner site and how often;
- how you will take part in the daily shared triage with the CMHT.
"""

ASKS = [("a", "Delivering at each partner site. what you will deliver at each partner site and how often"),
        ("b", "Taking part in the daily shared triage. how you will take part in the daily shared triage with the CMHT")]


def test_the_facts_names_and_time_go_to_the_part_that_refers_to_them():
    got = {k: [e.text for e in v] for k, v in named.from_context(FACTS, ASKS).items()}
    # the partner sites the part says 'each partner site' of, split where a run joins two places
    assert "Ferry Lane Surgery" in got["a"] and "Crane Park Family Hub" in got["a"]
    assert "Wyke Lantern Café" in got["a"]  # the accented last word kept
    # the meeting's clock time to the triage part, with the team
    assert "09:30" in got["b"] and "Wyke Valley Community Mental Health Team" in got["b"]
    every = [x for v in got.values() for x in v]
    assert "Ropery Street" not in every  # an address is no element
    assert not any("Greyhaven" in x or "Integrated Care Board" in x for x in every)  # the buyer's header


def test_a_clock_time_is_said_only_as_written():
    time = named.Named("09:30", "time")
    assert named.said(time, "The duty worker joins the 09:30 triage call each working day.")
    assert not named.said(time, "The duty worker joins the triage call each working day.")
    assert not named.said(time, "Sessions run 109:30 to noon.")
    assert "the buyer sets 09:30 here: write" in named.gap_note([time])


def _row(status: str) -> T.CoverageRow:
    return T.CoverageRow("a", "Part", 100, 80, [1], "method: x", status)


def test_a_row_with_an_unsaid_element_leads_partly():
    rows = [_row("method + evidence; the buyer names Ferry Lane Surgery here: write what you will do with it"),
            _row("method only: no evidence found for this part; the buyer lists here, not in this part: how often "
                 "(write this)"),
            _row("method + evidence; the buyer's named partners said with approved pattern p: Ferry Lane Surgery"),
            _row("nothing in the library: write this part; the buyer names X here: write it")]
    T._partly(rows)
    assert rows[0].status.startswith(T.PARTLY + "method + evidence")
    assert rows[1].status.startswith(T.PARTLY + "method only")
    assert rows[2].status.startswith("method + evidence")  # every element said: covered
    assert rows[3].status.startswith("nothing in the library")  # already a gap


def _section(units, text="what you will deliver at Crane Park Family Hub, including how often each session runs"):
    point = SubPoint(key="a", text=text, label="Delivering at partner sites", budget=100)
    return T.Section(point=point, units=units)


def test_a_writers_marker_never_says_an_element():
    marker = T.Unit(text="[To write: Delivering at Crane Park Family Hub]", priority=1, refs=["todo:part"])
    assert "Crane Park" not in T._said_text([marker])
    inline = T.Unit(text="Staff meet weekly. [To confirm: Crane Park Family Hub]", priority=1, refs=["block:x"])
    assert T._said_text([inline]) == "Staff meet weekly."
    sec = _section([marker])
    status = T._named_status(sec, T._said_text(sec.kept_units()), [])
    assert "the buyer names Crane Park Family Hub here: write" in status


def test_a_listed_element_said_only_by_the_buyers_requirement_is_unmet():
    said_back = T.Unit(text="We will deliver sessions at Crane Park Family Hub and say how often each session runs.",
                       priority=1, refs=[f"block:{T.COMMITMENT}"])
    sec = _section([said_back])
    out = T._element_rows(sec, T._said_text(sec.kept_units()), [sec])
    assert "not in this part" in out and "said back in the buyer's words" in out
    method = T.Unit(text="Each session at the hub runs every Tuesday, and how often it runs is reviewed each quarter.",
                    priority=1, refs=["block:site-sessions"])
    sec = _section([said_back, method])
    out = T._element_rows(sec, T._said_text(sec.kept_units()), [sec])
    assert "said back in the buyer's words" not in out


STEP_QUESTION = """# Question 1: Access

Weighting: 10%. Maximum 400 words.

Context

- Every referral will be discussed at a shared triage with the community mental health team each working day.
- Where triage decides a person needs the community mental health team, the referral must be passed to it on the same working day.

Your response should include:

- how you will take part in the shared triage with the community mental health team;
- how you will meet the first-contact standard of 5 working days from referral.
"""


def test_a_step_time_held_to_the_buyers_is_listed_with_the_template_commitments(run, tmp_path):
    q = tmp_path / "q02.md"
    q.write_text(STEP_QUESTION, encoding="utf-8")
    result = run("assemble", "tender", "--question-file", str(q), "-o", str(tmp_path / "answer.md"))
    assert result.exit_code == 0, result.output
    listed = result.output.split("Written from a template on the buyer's terms", 1)
    assert len(listed) == 2, result.output
    assert f"({T.STEP_TEMPLATE}):" in listed[1]


def test_a_listed_element_is_met_only_when_its_head_is_said():
    element = "joint visits for care leavers"
    assert not T.element_met(element, "Each care leaver's personal adviser is called in the first week.")
    assert T.element_met(element, "The worker and the personal adviser make joint visits to each care leaver.")
    assert T.element_met("domestic abuse", "Staff ask about domestic abuse when the person is alone.")


def test_a_team_the_ask_names_in_lower_case_is_a_gap_until_said():
    ask = ("how you will meet people on release, working with the prison's in-reach team and your own team, and "
           "link them to the housing options team")
    teams = [e.text for e in named.lower_teams(ask)]
    assert teams == ["in-reach team", "housing options team"]
    in_reach = named.lower_teams(ask)[0]
    assert named.said(in_reach, "A worker meets the in-reach team each month.")
    assert not named.said(in_reach, "A worker meets the prison's team each month.")
    sec = _section([T.Unit(text="A worker meets each man before release.", priority=1, refs=["block:x"])], text=ask)
    assert "the buyer names in-reach team here: write" in T._named_status(sec, T._said_text(sec.kept_units()), [])
