"""Answers of one tender read together: one fact, one value; open actions never told as practice."""

from __future__ import annotations

import re

from evidencebot.compose import consistency as C
from evidencebot.compose import library as lib


def test_two_blocks_stating_different_review_intervals_are_flagged():
    found = C.check_answers([
        ("1.1", "The worker reviews the plan with the person at every 12-weekly review."),
        ("2.3", "Measures are completed at the start of support, at each three-monthly review and at discharge."),
    ])
    assert len(found) == 1 and found[0].kind == "fact"
    text = found[0].describe()
    assert "1.1: '12-weekly'" in text and "2.3: 'three-monthly'" in text
    assert text.startswith("how often each person's support is reviewed stated differently")


def test_the_same_interval_in_other_words_is_not_a_contradiction():
    assert not C.check_answers([
        ("1", "Goals are reviewed with the person every 12 weeks, and sooner when things change."),
        ("2", "Housing status is recorded at referral and at every 12-weekly review."),
        ("3", "A monthly quality and safety meeting reviews incidents."),
        ("4", "Training completion is reported to the monthly quality and safety meeting."),
    ])


def test_response_times_that_disagree_are_flagged_with_both_sentences():
    found = C.check_answers([
        ("A", "Out of hours, the crisis team shares any contact with us by the next working morning."),
        ("B", "The crisis team tells us the same day when someone we support contacts them."),
    ])
    assert [c.label for c in found] == ["when the crisis team tells us about a contact"]
    assert {s.ref for s in found[0].statements} == {"A", "B"}


def test_opening_hours_and_contract_meetings_stated_two_ways_are_flagged():
    # s10 panel (contradictions.md items 1 and 6): '8am to 8pm on weekdays' in one answer, the Hubs' own
    # '09:00-20:00 Monday to Friday' in another; a 'quarterly contract review' beside a 'monthly contract
    # management board'. Neither was read before: no fact named them
    found = C.check_answers([
        ("Q03", "The service is open 8am to 8pm on weekdays and 10am to 4pm at weekends."),
        ("Q01", "Each Hub is open 09:00–20:00 Monday to Friday, 10:00–16:00 Saturday."),
        ("Q08", "It is discussed at the quarterly contract review meeting with the commissioner."),
        ("Q09", "We present it at the monthly contract management board."),
    ])
    labels = sorted(c.label for c in found)
    assert labels == ["how often we meet the commissioner to review the contract",
                      "the service's opening hours on weekdays"], labels
    hours = next(c for c in found if c.label.startswith("the service's"))
    assert [(s.ref, s.key) for s in hours.statements] == [("Q03", (480, 1200)), ("Q01", (540, 1200))]
    # the same hours written another way, and Saturday's hours beside the weekday's, are no contradiction
    assert not C.check_answers([
        ("1", "Each Hub is open 09:00–20:00 Monday to Friday, 10:00–16:00 Saturday."),
        ("2", "The Hub is open 9am to 8pm on weekdays."),
        ("3", "On Saturdays the Hub is open 10am to 4pm."),
    ])
    assert C.hours("9 to 5") == C.hours("09:00-17:00") == (540, 1020)


def test_normalise_reads_timescales_in_one_unit():
    assert C.normalise("12-weekly") == C.normalise("every 12 weeks") == (84.0,)
    assert C.normalise("three-monthly") != C.normalise("12-weekly")
    assert C.normalise("quarterly") == C.normalise("every quarter")
    assert C.normalise("the same day") == (0.0,)
    assert C.normalise("two working days") < C.normalise("ten working days")


def test_number_words_are_the_shared_table():
    # session 13: consistency kept a number-word table of its own without 'fourteen' or 'forty' ('within fourteen
    # days' was read as one day) and read 'twenty-eight days' as eight; now evidencebot.text's number words
    assert C.normalise("within fourteen days") == C.normalise("every two weeks") == (14.0,)
    assert C.normalise("twenty-eight days") == C.normalise("within 28 days") == (28.0,)
    assert C.normalise("a quarter") == C.normalise("every quarter") == (91.3,)
    assert C._count("forty") == 40 and C._count("twenty-five") == C._count("twenty five") == 25
    assert C._count("a") == C._count("single") == 1 and C._count("several") is None


def test_an_open_action_told_as_current_practice_is_flagged_but_not_when_said_to_be_open(demo_copy):
    db = demo_copy
    db["incidents"].insert({"incident_id": "INC-T1", "type": "incident", "occurred_on": "2026-08-01",
                            "action": "Introduce a weekly welfare call for everyone on the waiting list.",
                            "due_on": "2026-12-01", "closed_on": None}, alter=True)
    db.conn.commit()
    found = C.check_answers([
        ("5.1", "Every week we make a welfare call to everyone on the waiting list."),
        ("5.2", "Agreed action: introduce a weekly welfare call for everyone on the waiting list (open, due December 2026)."),
    ], db=db)
    assert [(c.kind, c.statements[0].ref) for c in found] == [("open action", "5.1")]
    assert "still open" in found[0].describe()


def test_the_shipped_library_states_each_fact_one_way(demo_db):
    profile = lib.get_profile(demo_db)
    answers = [(b.block_id, lib.fill(b.body + " " + b.means, profile)[0]) for b in lib.list_blocks(demo_db)]
    said = C.statements(answers)
    assert {"care_review", "safeguarding_referral", "crisis_team_notice", "complaint_reply"} <= set(said)
    assert not C.check_answers(answers), [c.describe() for c in C.check_answers(answers)]


def test_an_answer_against_the_buyers_own_hours_and_meetings_is_flagged():
    # s10 panel (contradictions.md items 1 and 6), buyer against answer: nothing read the buyer's text before
    from evidencebot.compose.consistency import against_buyer

    questions = [("Q03", "Describe what Hub staff will do during Hub opening hours (09:00–20:00 Monday to Friday, "
                         "10:00–16:00 Saturday)."),
                 ("Q09", "How will you present performance at the monthly Contract Management Board?")]
    answers = [("Q03", "The service is open 8am to 8pm on weekdays and 10am to 4pm at weekends."),
               ("Q08", "It is discussed at the quarterly contract review meeting with the commissioner."),
               ("Q10", "Each Hub is open 9am to 8pm on weekdays.")]
    found = against_buyer(answers, questions)
    assert sorted((c.label, [s.ref for s in c.statements]) for c in found) == [
        ("how often we meet the commissioner to review the contract (the buyer's, against ours)", ["the buyer's Q09", "Q08"]),
        ("the service's opening hours on weekdays (the buyer's, against ours)", ["the buyer's Q03", "Q03"])]
    # the buyer's text giving the fact two ways (the incumbent's hours beside the Hubs') is not held against anyone
    two = [("Q01", "The current service is open 9am to 5pm on weekdays. The Hubs will be open 9am to 8pm on weekdays.")]
    assert not against_buyer(answers, two)


def test_the_buyers_facts_are_read_with_the_facts_given_and_gap_markers_state_nothing():
    # session 13: tender_store.contradictions read facts.yaml once for both checks (against_buyer loaded it again)
    from evidencebot.compose.consistency import against_buyer
    from evidencebot.compose.gaps import MARKERS

    fact = C.Fact("visits", "home visits", [re.compile(r"visited (?P<v>\w+)", re.I)], kind="time")
    found = against_buyer([("Q2", "People are visited weekly.")], [("Q1", "People must be visited monthly.")],
                          facts=[fact])
    assert [(c.label, [s.value for s in c.statements]) for c in found] == [
        ("home visits (the buyer's, against ours)", ["monthly", "weekly"])]
    # every gap marker (gaps.MARKERS), with or without its heading, is a note to the writer, not a statement
    for marker in MARKERS:
        for text in (f"[{marker}: Visits] People are visited monthly.", f"[{marker}] People are visited monthly."):
            assert not C.statements([("Q3", text)], [fact]), text


def test_a_morning_start_with_an_afternoon_end_unmarked_is_the_afternoon():
    # '9am to 5' was read as 09:00 to 05:00 (an end before the start): only '9 to 5' with neither marked was moved
    assert C.hours("9am to 5") == C.hours("9 to 5pm") == (540, 1020)
    assert C.hours("22:00 to 02:00") == (1320, 120)  # overnight in 24-hour times stays as written


def test_a_time_inside_the_stated_limit_meets_it_and_is_no_contradiction():
    # a commitment 'within 1 working day' and the practice 'the same working day' agree: the practice meets the
    # limit. A longer practice, or two limits, still disagree
    limit = ("Q7", "Every safeguarding concern about an adult is referred to adult social care within 1 working day.")
    same_day = ("Q7", "A concern that meets the threshold is raised with adult social care the same working day.")
    assert not C.check_answers([limit, same_day])
    later = ("Q3", "Safeguarding concerns are reported to the council's team within 3 working days of being raised.")
    found = C.check_answers([limit, later])
    assert [c.label for c in found] == ["time to refer a safeguarding concern about an adult to adult social care"]
    assert sorted(s.value for s in found[0].statements) == ["within 1 working day", "within 3 working days"]
    # the buyer's limit against our shorter practice is met; against our longer one it is not
    buyer = [("q07.md", "Safeguarding concerns must be referred to adult social care within 1 working day.")]
    assert not C.against_buyer([same_day], buyer)
    assert C.against_buyer([later], buyer)
