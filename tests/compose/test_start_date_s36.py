"""The contract's start is not the first of a recurring series, and a milestone row may join the start to another step."""

from evidencebot.compose.tender_profile import read_facts


def test_first_annual_report_is_not_the_contract_start():
    text = ("Reporting. A yearly impact statement is due on 31 May every year, starting 31 May 2030. "
            "Quarterly returns follow the usual calendar.")
    assert "contract_start" not in read_facts(text)


def test_start_read_from_a_row_that_joins_the_transfer_to_the_service_start():
    table = ("| Step | Milestone | Date |\n|---|---|---|\n"
             "| 7 | Readiness check with the commissioners | Friday 2 February 2029 |\n"
             "| 8 | Staff transfer and service start | Thursday 1 March 2029 |\n")
    assert read_facts(table)["contract_start"].value == "1 March 2029"


def test_a_series_start_does_not_hide_the_real_start_later():
    text = ("Board papers are circulated each month, starting January 2029. "
            "The contract will commence on 1 March 2029.")
    assert read_facts(text)["contract_start"].value == "1 March 2029"


def test_row_of_another_thing_that_starts_is_still_not_the_contract_start():
    table = "| 3 | Recruitment campaign start | Monday 6 November 2028 |\n"
    assert "contract_start" not in read_facts(table)


# (s37, tuned on s37 q09) a start word naming another thing's date is not the contract start


def test_a_go_live_readiness_review_is_not_the_contract_start():
    text = ("Milestones must include a go-live readiness review with the commissioners in the week beginning "
            "5 February 2029. The contract will commence on 1 March 2029.")
    assert read_facts(text)["contract_start"].value == "1 March 2029"


def test_a_week_beginning_alone_is_not_a_start():
    text = "Staff briefings run in the week beginning 12 February 2029."
    assert "contract_start" not in read_facts(text)


def test_go_live_itself_is_still_the_start():
    assert read_facts("Go-live is expected on 1 March 2029.")["contract_start"].value == "1 March 2029"
