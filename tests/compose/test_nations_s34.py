"""Regulators, disclosure checks and registers of one nation said to a buyer in another (issue 12, s34: to a
Scottish partnership our text said 'CQC registration' and 'an enhanced DBS check'), and 'housing options', a name
Scottish councils use as English ones do."""

from evidencebot.compose import nations

# a small Scottish question and a small Northern Irish one, written for these tests
SCOTS = ("Question 4 - Workforce and registration\nMaximum 350 words\n\nLochbrae Health and Social Care Partnership "
         "funds a recovery hub. The service is registered with the Care Inspectorate; every worker is a member of the "
         "PVG scheme and registered with the SSSC. Homeless people are referred to the council's Housing Options "
         "service.\n\nDescribe how you will recruit staff and keep the service registered.")
NI = ("Question 3 - Safer staffing\nMaximum 300 words\n\nThe Southfield HSC Trust commissions a day support service "
      "registered with the RQIA. Workers need an AccessNI check and NISCC registration before they start.\n\n"
      "Describe your recruitment checks.")
SCOTS_BARE = ("Question 1 - Staffing\nMaximum 200 words\n\nThe Kinloch HSCP funds this service.\n\nDescribe your "
              "recruitment.")


def test_the_regulator_is_the_one_the_scottish_or_northern_irish_buyer_names():
    ours = "CQC registration is tracked weekly, and the CQC's checks finish before the start date."
    scots = nations.rewrite(ours, "Scotland", SCOTS)
    assert scots.text == ("Care Inspectorate registration is tracked weekly, and the Care Inspectorate's checks "
                          "finish before the start date.")
    assert nations.rewrite(ours, "Northern Ireland", NI).text == (
        "RQIA registration is tracked weekly, and the RQIA's checks finish before the start date.")
    # England's regulator is kept for an English buyer
    assert nations.rewrite(ours, "England", "The ICB commissions this.").text == ours


def test_a_dbs_check_is_pvg_membership_in_scotland_and_an_accessni_check_in_northern_ireland():
    ours = "Before anyone starts we complete an enhanced DBS check, two references and a right to work check."
    assert nations.rewrite(ours, "Scotland", SCOTS).text == (
        "Before anyone starts we complete PVG scheme membership, two references and a right to work check.")
    assert nations.rewrite(ours, "Northern Ireland", NI).text == (
        "Before anyone starts we complete an enhanced AccessNI check, two references and a right to work check.")
    # the DBS holds in Wales: unchanged
    assert nations.rewrite(ours, "Wales", "Welsh Government").text == ours
    assert nations.note("a DBS check", "Scotland").startswith("England and Wales only:")


def test_without_the_buyers_own_name_for_it_the_sentence_is_left_for_the_writer():
    said = nations.rewrite("Our registered manager answers any CQC query within two days.", "Scotland", SCOTS_BARE)
    assert said.text is None and said.cut == ["the CQC"]
    assert nations.rewrite("We submit to the MHSDS each month.", "Northern Ireland", NI).text is None
    # a clause that the sentence stands without is cut instead
    fields = nations.rewrite("The record holds consent, and the contract's reporting and MHSDS fields are in its "
                             "forms.", "Scotland", SCOTS)
    assert fields.text == "The record holds consent, and the contract's reporting fields are in its forms."


def test_housing_options_holds_in_scotland_but_not_in_northern_ireland():
    ours = "We go with the person to the council's housing options team."
    assert nations.rewrite(ours, "Scotland", SCOTS).text == ours
    housing = next(t for t in nations.terms() if t.label == "housing options")
    assert "Scotland" in housing.applies and "Northern Ireland" not in housing.applies


def test_the_buyers_nation_is_read_for_both_questions():
    assert nations.read(SCOTS)[0] == "Scotland" and nations.read(NI)[0] == "Northern Ireland"


def test_an_assembled_scottish_answer_names_neither_the_cqc_nor_the_dbs(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, SCOTS)
    assert answer.nation == "Scotland"
    assert "CQC" not in answer.markdown and "DBS" not in answer.markdown


def test_englands_safeguarding_bodies_are_the_scottish_buyers_own_or_cut():
    """s34 panel: 'the local safeguarding adults board's guidance' and 'local safeguarding partnership procedures'
    said to a Scottish partnership, which has adult protection committees and national child protection guidance."""
    buyer = ("Glenmorie HSCP. Concerns about a child are handled under the National Guidance for Child Protection in "
             "Scotland 2021, and the Glenmorie Adult Protection Committee publishes learning reviews.")
    ours = "Concerns are raised in line with local safeguarding partnership procedures."
    assert nations.rewrite(ours, "Scotland", buyer).text == (
        "Concerns are raised in line with the National Guidance for Child Protection in Scotland.")
    board = "We follow the local safeguarding adults board's self-neglect guidance."
    assert "adult protection committee" in nations.rewrite(board, "Scotland", buyer).text
    assert nations.rewrite(board, "England", "The ICB commissions this.").text == board
    # no equivalent named by the buyer: the term is not written to it
    cut = nations.rewrite(board, "Scotland", SCOTS_BARE).text
    assert cut is None or "safeguarding adults board" not in cut
