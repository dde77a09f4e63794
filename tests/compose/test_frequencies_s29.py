"""How often we do a recurring thing is never less often than the buyer asks for the same thing (s28 panel, FIRM: our
mobilisation updates 'every two weeks' against a milestone row's 'weekly mobilisation reports'; one street shift 'each
week' against 'at least two joint street outreach sessions a week')."""

from evidencebot.compose import frequencies

ROW = "| M3 | Named mobilisation lead and weekly mobilisation reports in place | 9 April 2027 |"
OUTREACH = ("The provider must run at least one in-reach session a week at St Wilfrid's House, and at least two joint "
            "street outreach sessions a week with the Street Outreach Team.")


def test_the_buyer_frequency_in_a_table_row_is_read_with_what_it_is_of():
    (f,) = frequencies.read_buyer("| No. | Milestone | Date |\n|---|---|---|\n" + ROW)
    assert (f.text, f.count, f.days) == ("weekly", 1.0, 7.0)
    assert "report" in f.kinds and "mobilisation" in f.names


def test_a_minimum_count_a_week_is_read_as_so_many_times_a_week():
    found = {f.text: f for f in frequencies.read_buyer(OUTREACH)}
    street = found["two joint street outreach sessions a week"]
    assert street.count == 2 and street.days == 7 and {"street", "outreach"} <= street.names
    assert found["one in-reach session a week"].count == 1


def test_a_ceiling_is_not_a_minimum_to_hold_ours_to():
    assert frequencies.read_buyer("Carers' meetings should be held no more than monthly.") == []


def test_every_two_weeks_becomes_every_week_keeping_its_form():
    theirs = frequencies.read_buyer(ROW)
    text, held = frequencies.hold("Progress against the milestones is reported to the commissioner every two weeks "
                                  "until go-live.", theirs, "Our mobilisation plan uses the buyer's milestones.")
    assert text == "Progress against the milestones is reported to the commissioner every week until go-live."
    assert held == [("every two weeks", "weekly")]


def test_an_adverb_stays_an_adverb():
    text, held = frequencies.hold("Mobilisation reports go to the commissioners fortnightly.",
                                  frequencies.read_buyer(ROW))
    assert text == "Mobilisation reports go to the commissioners weekly."
    assert held == [("fortnightly", "weekly")]


def test_fewer_sessions_than_the_buyers_minimum_are_raised_to_it():
    theirs = frequencies.read_buyer(OUTREACH)
    text, held = frequencies.hold("A recovery worker joins the council's rough sleeping outreach team on a street "
                                  "shift each week.", theirs)
    assert text.endswith("on a street shift twice a week.")
    assert held == [("each week", "two joint street outreach sessions a week")]
    text, _ = frequencies.hold("We run one joint street outreach session a week.", theirs)
    assert text == "We run two joint street outreach sessions a week."


def test_a_report_of_another_thing_is_not_held_even_in_a_mobilisation_paragraph():
    theirs = frequencies.read_buyer(ROW)
    said = "Quarterly performance reports go to the commissioner once the service has started."
    assert frequencies.hold(said, theirs, "During mobilisation we agree the reports.") == (said, [])
    # a report that names nothing the buyer names it with is not the buyer's mobilisation report
    plain = "The team leader reports to the service manager every month."
    assert frequencies.hold(plain, theirs) == (plain, [])


def test_the_name_of_one_thing_in_a_sentence_is_not_lent_to_another_frequency_in_it():
    theirs = frequencies.read_buyer(OUTREACH)
    text, held = frequencies.hold("A worker joins the street outreach team on a shift each week and holds a weekly "
                                  "session at the main hostel.", theirs)
    assert "a weekly session at the main hostel" in text
    assert held == [("each week", "two joint street outreach sessions a week")]


def test_as_often_or_more_often_than_the_buyer_is_left_alone():
    theirs = frequencies.read_buyer(ROW)
    for said in ("Mobilisation reports go to the commissioner weekly.",
                 "The mobilisation lead sends a mobilisation report twice a week."):
        assert frequencies.hold(said, theirs) == (said, [])


def test_an_assembled_mobilisation_answer_reports_as_often_as_the_milestone_row_asks(demo_db):
    from evidencebot.compose.tender import assemble_tender

    q = ("Question 11 - Mobilisation\nMaximum 600 words\n\nThe provider must meet these milestones.\n\n"
         "| No. | Milestone | Date |\n|---|---|---|\n| M1 | Contract signed | 26 March 2027 |\n" + ROW + "\n"
         "| M4 | Service start | 1 July 2027 |\n\nPlease set out how you will mobilise the service to meet each "
         "milestone, who will lead mobilisation, and how you will report progress to the commissioners.")
    answer = assemble_tender(demo_db, q)
    sentences = [s for s in answer.markdown.replace("\n", " ").split(". ") if "mobilisation" in s.lower()
                 or "update" in s.lower() or "report" in s.lower()]
    assert not [s for s in sentences if "every two weeks" in s and ("update" in s or "report" in s)]
    assert "the buyer's weekly said where our method text says every two weeks" in str(answer.coverage)
