"""The contract start read from a milestone table's own row (session 34, issue 12).

s34 q11 (spent): the answer's plan 'works back from the start on 3 April 2028', the day a TUPE consultation began,
while the table's 'Service start (first session at the base)' row said 1 July 2028: its date lay more than 60
characters after 'start', and 'begins' in another milestone's row was read as the contract's start.
"""

from evidencebot.compose import tender_profile as tp

TABLE = """Mobilisation milestones are fixed:

| Ref | Milestone | Date |
|---|---|---|
| A1 | Mobilisation start meeting with the partnership | week commencing 9 October 2028 |
| A2 | Staff consultation about the transfer begins | Monday 6 November 2028 |
| A3 | Service start (first evening session at the new community base on the harbour front) | Monday 5 February 2029 |
| A4 | Post-start review with the partnership | Friday 4 May 2029 |
"""


def test_the_start_is_the_service_start_row_however_long_its_words():
    assert [d for d, _ in tp._start_dates(TABLE)] == ["5 February 2029"]
    assert tp.read_facts(TABLE)["contract_start"].value == "5 February 2029"


def test_a_start_in_a_sentence_and_fully_operating_on_a_date():
    text = "The new contract starts on 1 March 2029. Mobilisation will be fully operating on 1 March 2029."
    assert [d for d, _ in tp._start_dates(text)] == ["1 March 2029", "1 March 2029"]
