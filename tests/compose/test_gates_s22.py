"""The buyer's scoring gates, parts that answer and no empty headings (issue 12, session 22; s21 panel, spent).

The s21 blind panel (mean 1.67 of 5) capped an answer at 2 because it never said who holds clinical responsibility
when a person is stepped up ('Responses that do not set out ... will not score above 2'), read a heading with nothing
under it as an unanswered sub-point, read the buyer's guidance made into a heading, and lost a question's parts to
its scoring descriptors. The questions here are written for these tests, with other buyers and wordings.
"""

from __future__ import annotations

import re

from evidencebot.compose import gaps, gates
from evidencebot.compose.questions import plan_question

PERIOD = "2025-10..2026-09"

# wording 1: 'will not score above N unless ... confirm that the Bidder will ...', after a lettered list
UNLESS = """Question 3 - Short stays

(a) Explain how you will run admissions to the Alder Court step-up flat, including how a referral is decided.

(b) Describe how you will plan each person's move back home.

Responses will not score above 2 unless they confirm that the Bidder will accept admissions to Alder Court between 9am and 9pm every day.

Maximum 500 words.
"""

# wording 2: 'Answers that do not set out X will not score above N', a wh-statement the library must say
WITHOUT = """4.1 Escalation

Please describe:
- how staff spot that a person is becoming unwell between visits;
- how you will work with the home treatment team when a person is stepped up.

Answers that do not set out who holds clinical responsibility during a step-up will not score above 2.

(maximum 400 words)
"""

# wording 3: 'Bidders must confirm ...', with a 'scored 0' gate naming the buyer's protocol
MUST = """Q5 Workforce plan. Word limit: 400.

Describe how you will recruit peer workers, and how you will supervise them.

Bidders must confirm that they will meet every staffing minimum in Schedule 2. Answers that make no reference to the Oakfield Supervision Standard v2 will be scored 0.
"""


def _parts(markdown: str) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in re.finditer(r"(?m)^## (.+)\n((?:(?!^## ).*\n?)*)", markdown)}


def test_gate_sentences_are_read_as_required_statements_in_three_wordings():
    said = [(g.statement, g.cap, g.will) for g in gates.read(UNLESS)]
    assert said == [("accept admissions to Alder Court between 9am and 9pm every day", "2",
                     "accept admissions to Alder Court between 9am and 9pm every day")]
    said = [(g.statement, g.cap, g.will) for g in gates.read(WITHOUT)]
    assert said == [("who holds clinical responsibility during a step-up", "2", "")]
    said = [(g.statement, g.cap, g.will) for g in gates.read(MUST)]
    assert said == [("meet every staffing minimum in Schedule 2", "", "meet every staffing minimum in Schedule 2"),
                    ("the Oakfield Supervision Standard v2", "0", "")]
    # a prohibition is no statement to make ('Responses that rely on ... will not score above 2'), nor is a cap on
    # a manner of writing without a negation
    assert gates.read("Responses that rely on risk scoring tools will not score above 2.") == []


def test_each_gate_is_placed_in_the_part_whose_words_it_shares_and_a_statement_is_made_in_one_place():
    plan = plan_question(UNLESS)
    assert [(g.key, g.statement[:20]) for g in plan.gates] == [("a", "accept admissions to")]
    plan = plan_question(WITHOUT)
    gate = plan.gates[0]
    assert gate.key == plan.points[1].key  # the step-up part, not the early warning one
    assert gates.made(gate, "During a step-up, clinical responsibility is held by the care coordinator.")
    # its words scattered over a part do not make it
    assert not gates.made(gate, "Clinical notes are kept. We review people weekly. Our step-up offer is flexible. "
                                "The responsibility for rotas is the manager's. Staff hold a caseload.")


def test_a_confirming_gate_is_committed_to_in_its_part_and_one_not_made_is_named(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, UNLESS, period=PERIOD, checker=checker)
    assert not answer.findings
    first = next(iter(_parts(answer.markdown).values()))
    assert "We will accept admissions to Alder Court between 9am and 9pm every day." in first, answer.markdown
    assert answer.gates == [{"statement": "accept admissions to Alder Court between 9am and 9pm every day", "cap": "2",
                             "part": answer.plan.points[0].label, "made": True}]
    assert "made in '" in answer.coverage_table()
    answer = assemble_tender(demo_db, MUST, period=PERIOD, checker=checker)
    missing = [g["statement"] for g in answer.gates if not g["made"]]
    assert "the Oakfield Supervision Standard v2" in missing  # no block names the buyer's standard
    assert "NOT MADE" in answer.coverage_table()
    assert "required statement not made" in answer.summary_line()
    assert "We will meet every staffing minimum in Schedule 2." in answer.markdown


def test_a_part_left_to_write_is_not_printed_as_a_heading_alone():
    body = ("## Answered part\n\nWe do this.\n\n## Part still to write\n\n[To write: the rota]\n\n"
            "## Another answered part\n\nWe do that.\n")
    clean = gaps.strip_writer_markers(body)
    assert "Part still to write" not in clean and "[To write" not in clean
    assert "## Answered part" in clean and "## Another answered part" in clean
    # a heading over text that stays is kept
    assert "## Mixed" in gaps.strip_writer_markers("## Mixed\n\n[To write: x]\n\nSome text.\n")


def test_scoring_descriptors_and_guidance_on_how_to_write_are_never_sub_points():
    question = """Question 2: Co-production

(a) Describe how you will involve people in designing the service.

(b) Explain how you will pay people for their time.

Bidders should describe what will happen and who will do it, rather than restating the specification.

**How we will mark this**

- **5** – Involvement is specific, paid and runs through the service.
- **3** – Involvement is described but limited.
- **1** – Generic statements only.

Maximum 400 words.
"""
    plan = plan_question(question)
    assert [p.key for p in plan.points] == ["a", "b"], [(p.key, p.label) for p in plan.points]
    assert not any("restating" in p.text or "Involvement is" in p.text for p in plan.points)


def test_a_table_of_questions_after_a_table_of_the_buyers_figures_is_read_row_by_row():
    question = """# Question 8: Staffing

| Role | Minimum | Notes |
|---|---|---|
| Team leader | 1.0 WTE | Named lead |
| Support workers | at least 6.0 WTE | Community based |
| Peer workers | at least 2.0 WTE | Paid roles |

## Questions

| Ref | Question | Guidance | Word limit | Weighting |
|---|---|---|---|---|
| 8a | Describe the team you will have in place on day one. | Include a structure chart. | 300 words | 3% |
| 8b | How will you keep vacancies below 10%? | Tell us about agency use. | 300 words | 3% |
"""
    plan = plan_question(question)
    labels = [p.label for p in plan.points]
    assert not any("|" in label for label in labels), labels
    assert any(label.startswith("Team you will have in place") for label in labels), labels
    assert any("vacancies below 10%" in p.text for p in plan.points), labels


def test_a_heading_is_never_made_from_a_later_clause_passive():
    from evidencebot.compose.questions import make_heading

    # s21 q06.1 came out 'Following you will make sure ...' (the passive of the second clause read over the first)
    assert make_heading("Describe how you will make sure every tenant gets a home visit, and how missed visits will "
                        "be followed up.") == "Making sure every tenant gets a home visit"
    assert make_heading("how complaints will be recorded and answered") == "Recording and answering complaints"
    # every verb of a run kept parallel, the last too, when the list does not know it (s22 q08: 'Recruiting,
    # retaining and deploy staff')
    assert make_heading("how you will hire, retain and deploy staff to meet Schedule 4") == \
        "Hiring, retaining and deploying staff to meet Schedule 4"
    assert make_heading("how you will vet, induct and redeploy volunteers") == "Vetting, inducting and redeploying volunteers"


def test_numbered_parts_each_with_its_own_limit_are_each_read_and_budgeted():
    from evidencebot.compose.questions import plan_question

    # s21 q06 read 6.1's 500 and 6.2's 300 as one limit of 500 (6.1 used 197 of its 500 words); s22 dev q04 lost
    # its second part's list entirely
    headed = """# Question 7: Housing and money

This question is in two parts, scored separately.

## 7.1 Housing

Describe how you will help people:

(i) keep their tenancy when they are unwell;

(ii) find a home when they leave hospital.

Maximum 300 words.

## 7.2 Money

Describe how you will help people:

(i) claim the benefits they are owed;

(ii) deal with debt.

Maximum 200 words.
"""
    plan = plan_question(headed)
    assert plan.word_limit == 500
    assert [(p.part, p.part_limit) for p in plan.points] == [("7.1", 300)] * 2 + [("7.2", 200)] * 2
    assert any("debt" in p.text for p in plan.points)
    bold = ("**3.1** Describe how you will run the drop-in.\n(maximum 250 words) Weighting: 3%\n\n"
            "**3.2** Describe how you will train volunteers.\n(maximum 150 words) Weighting: 2%\n")
    plan = plan_question(bold)
    assert plan.word_limit == 400 and [p.part_limit for p in plan.points] == [250, 150]


# s22 (spent): 'A response will not score above 2 unless it includes a clear statement that the Bidder will ...' was
# not read at all (a leading article), nor 'Bidders who do not confirm ...'; and a commitment that kept the document
# without its version, or lost the meeting, counted as made (q03 scored 1). Written for these tests, other buyers.
ARTICLE = ("A response will not score above 2 unless it includes a clear statement that the Bidder will follow the "
           "Marlow Vale Discharge Protocol v1.4 and attend the fortnightly Marlow Vale Flow Huddle.")
WHO = "Bidders who do not confirm that they will keep every post in Table 3B filled will not score above 1."
ZERO = ("A submission that does not confirm that the Bidder will send its Ofsted notification by 2 March 2028 will be "
        "scored 0.")
ROLE = ("An answer will not score above 3 unless the Bidder confirms that it will adopt the Kessock Adult Protection "
        "Procedures (version 2.0) from the Start Date and name the role that will act as Designated Officer.")


def test_gates_with_an_article_who_do_not_or_a_named_role_are_read_each_element_kept():
    assert [(g.will, g.cap) for g in gates.read(ARTICLE)] == [(
        "follow the Marlow Vale Discharge Protocol v1.4 and attend the fortnightly Marlow Vale Flow Huddle", "2")]
    assert [(g.will, g.cap) for g in gates.read(WHO)] == [("keep every post in Table 3B filled", "1")]
    assert [(g.will, g.cap) for g in gates.read(ZERO)] == [("send our Ofsted notification by 2 March 2028", "0")]
    said = [(g.statement, g.will) for g in gates.read(ROLE)]
    assert said == [("adopt the Kessock Adult Protection Procedures (version 2.0) from the Start Date",
                     "adopt the Kessock Adult Protection Procedures (version 2.0) from the Start Date"),
                    ("the role that will act as Designated Officer", "")]
    gate = gates.read(ARTICLE)[0]
    assert {"v1.4", "fortnightly", "Marlow Vale Flow Huddle"} <= set(gates.elements(gate.statement))
    # the protocol without its version, or without the huddle, is not the statement made in full
    assert gates.missing(gate, "We will follow the Marlow Vale Discharge Protocol and attend the fortnightly Marlow "
                               "Vale Flow Huddle.") == ["v1.4"]
    assert not gates.made(gate, "We will follow the Marlow Vale Discharge Protocol v1.4 and attend its meetings.")
    assert gates.made(gate, "We will follow the Marlow Vale Discharge Protocol v1.4 and attend the fortnightly Marlow "
                            "Vale Flow Huddle.")
    assert gates.made(gates.read(ZERO)[0], "We will send our Ofsted notification by 2 March 2028.")


def _staff_table(header: str, role: str) -> str:
    return f"""Table 5 - Staffing for the Service

| Role | {header} | Caseload cap |
|---|---|---|
| Kestrel Lodge Support Workers | at least 9.0 WTE | none held |
| {role} | 6.5 | no more than 25 people per 1.0 WTE |
| Total | 16.5 | |
"""


def test_a_staffing_table_headed_as_minimums_gives_every_role_and_its_roles_are_ours_not_partners():
    from evidencebot.compose import buyer_scale

    # s22 q08 (spent): 'Alder Court Support Workers', a row of Table 8.1, was written as a partner 'we work with'
    for header, role in (("Minimum establishment", "Wellbeing Coaches"), ("Minimum WTE", "Recovery Workers"),
                         ("Required FTE", "Community Navigators")):
        text = _staff_table(header, role)
        assert [(r.role.lower(), r.wte) for r in buyer_scale.role_minimums(text)] == [
            ("kestrel lodge support workers", 9.0), (role.lower(), 6.5)], header
        roles = buyer_scale.staff_roles(text)
        assert buyer_scale.is_role("the Kestrel Lodge Support Workers", roles)
        assert not buyer_scale.is_role("the Kestrel Lodge Residents Forum", roles)


def test_a_workforce_question_takes_its_staffing_blocks_makes_its_gate_and_writes_no_role_as_a_partner(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    question = _staff_table("Minimum establishment", "Recovery Workers") + """
Describe how you will run a safe and stable workforce:

(a) how you will hire, retain and deploy staff to meet Table 5, including how you will cover vacancies, sickness
and annual leave without breaching the caseload caps;

(b) how you will keep staffing at Kestrel Lodge safe at night.

A response will not score above 1 unless the Bidder states that it will maintain at least the minimum staffing
establishment in Table 5 from 1 June 2028 for the life of the contract.

Maximum 600 words.
"""
    answer = assemble_tender(demo_db, question, period=PERIOD, checker=checker)
    assert not answer.findings
    parts = _parts(answer.markdown)
    first = next(iter(parts))
    assert first.startswith("a) Hiring, retaining and deploying staff"), list(parts)
    assert "We will maintain at least the minimum staffing establishment in Table 5 from 1 June 2028" in parts[first]
    assert len(parts[first].split()) > 40  # the recruitment block, not only our commitment
    # the establishment that meets every minimum is stated where the gate requires it, role by role
    assert re.search(r"Kestrel Lodge support workers 9\.0|recovery workers \d+\.\d", parts[first], re.I), parts[first]
    assert [g["made"] for g in answer.gates] == [True]
    assert not re.search(r"work with the Kestrel Lodge Support Workers|link with the Kestrel Lodge Support Workers",
                         answer.markdown, re.I), answer.markdown


def test_our_own_timing_of_a_step_the_buyer_dates_yields_to_the_buyers_date():
    from evidencebot.compose import buyer_mobilisation

    # s22 q10 (spent, FIRM): a block's 'within four weeks of award we send the measures letter' against the buyer's
    # '11 January 2027 | Measures letter sent'; three layouts of the buyer's milestones, other steps and dates
    for layout in ("| 3 February 2028 | Staff consultation letter issued to the outgoing provider |",
                   "3 February 2028: staff consultation letter issued to the outgoing provider",
                   "**3 February 2028** - Staff consultation letter issued to the outgoing provider"):
        dates = buyer_mobilisation.dated("| Date | Milestone |\n|---|---|\n| 9 October 2027 | Contract signed |\n"
                                         + layout + "\n")
        assert (dates[-1][0], dates[-1][1].lower()) == ("3 February 2028", "staff consultation letter issued to the outgoing provider"), layout
        text, moved = buyer_mobilisation.hold_to_dates(
            "Within six weeks of contract award we issue our staff consultation letter. It lists every change.", dates)
        assert text == "By 3 February 2028 we issue our staff consultation letter. It lists every change."
        assert moved == [("Within six weeks of contract award", "3 February 2028")]
        # a step the buyer does not date keeps our timing
        same = "Within two weeks of award we hold our first governance meeting."
        assert buyer_mobilisation.hold_to_dates(same, dates) == (same, [])


def test_a_gate_on_a_numbered_or_lettered_part_is_read_and_its_later_its_stays_with_its_own_subject():
    """s25 q08 (spent): 'Question 8.1 will not score above 2 unless ...' went unread and the panel capped the answer at
    2; a gate's 'its' after a clause opens ('if any post falls below its minimum') is that subject's, not ours."""
    numbered = ("Section 5.2 will not score above 2 unless the Provider states that it will fill every post in Table 5B "
                "from the Service Commencement Date and will tell the Council within 10 working days if any team drops "
                "below its agreed establishment.")
    [gate] = gates.read(numbered)
    assert gate.cap == "2"
    assert gates.our_sentence(gate) == (
        "We will fill every post in Table 5B from the Service Commencement Date and will tell the Council within 10 "
        "working days if any team drops below its agreed establishment.")
    [lettered] = gates.read("Part C will not score above 1 unless the Bidder confirms that it will publish its "
                            "carers' charter within 3 months.")
    assert gates.our_sentence(lettered) == "We will publish our carers' charter within 3 months."
    assert gates.read("Part of the score rests on how clearly you describe the model.") == []


def test_a_gate_that_quotes_its_statement_is_made_word_for_word_and_a_later_clause_of_the_bidders_is_ours():
    """s26 (found after its held-out measurement): three gates gave the statement in quotation marks ('unless the
    response includes the following statement: "We confirm ..."') and none was made; a fourth's 'for any milestone it
    cannot meet, states the alternative date' was said in the third person."""
    quoted = ('Part 4 will not score above 2 unless the response includes the following statement: "We confirm that '
              'the Beech Unit will take step-down referrals from 09:00 to 19:00 on weekdays."')
    [gate] = gates.read(quoted)
    assert gate.cap == "2" and gates.our_sentence(gate) == (
        "We confirm that the Beech Unit will take step-down referrals from 09:00 to 19:00 on weekdays.")
    [staffed] = gates.read('This question will not score above 1 unless the response states: "Every post in Table 3 '
                           'will be filled by the go-live date."')
    assert gates.our_sentence(staffed) == "Every post in Table 3 will be filled by the go-live date."
    [late] = gates.read("Responses will not score above 2 unless they confirm that the Bidder will open every hub by "
                        "June 2027 or, for any hub it cannot open, gives the reason and a new date.")
    assert gates.our_sentence(late) == ("We will open every hub by June 2027 or, for any hub we cannot open, give the "
                                        "reason and a new date.")
