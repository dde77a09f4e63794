"""The buyer's nation, and terms of ours that hold in England only said to a buyer elsewhere (s33 panel, FIRM: 'Care
Act 2014 s42', 'Op COURAGE', 'Duty to Refer' and an interpreter for Welsh, all to a buyer in Wales)."""

from evidencebot.compose import nations

WELSH = ("Question 3 - Safeguarding and veterans\nMaximum 400 words\n\nThe Provider is commissioned by the Bryn Dwr "
         "health board and the Welsh Government's regional partnership. Safeguarding follows the Social Services and "
         "Well-being (Wales) Act 2014 and the Wales Safeguarding Procedures; learning comes from Adult Practice "
         "Reviews. Veterans are referred to Veterans' NHS Wales. The Provider must make the Active Offer and employ "
         "Welsh-speaking staff.\n\nDescribe:\n1. how you will raise a concern about an adult at risk;\n"
         "2. how you will support veterans.")
SCOTTISH = ("Question 2 - Capacity and consent\nMaximum 300 words\n\nThe Glenmuir HSCP commissions this service for "
            "adults. Staff apply the Adults with Incapacity (Scotland) Act 2000.\n\nDescribe how you will support "
            "decisions when a person may lack capacity.")
ENGLISH = ("Question 5 - Housing\nMaximum 300 words\n\nThe ICB and the borough council commission this service. "
           "Describe how you will help people at risk of losing their home.")


def test_the_nation_is_read_from_the_buyers_own_words_and_england_is_the_default():
    assert nations.read(WELSH)[0] == "Wales"
    assert nations.read(SCOTTISH) == ("Scotland", "HSCP")
    assert nations.read("The Northern Trust (an HSC Trust) commissions this.")[0] == "Northern Ireland"
    assert nations.read(ENGLISH) == ("England", "")
    assert "England" in nations.log_line("England", "") and "Wales" in nations.log_line("Wales", "Senedd")


def test_an_england_only_term_is_said_as_the_equivalent_the_welsh_buyer_names():
    ours = ("Concerns about an adult are passed to the council so that it can decide whether to make enquiries under "
            "section 42 of the Care Act 2014, and we take part in any Safeguarding Adults Review we are asked to join.")
    said = nations.rewrite(ours, "Wales", WELSH)
    assert "Care Act" not in said.text and "Social Services and Well-being (Wales) Act 2014" in said.text
    assert "Adult Practice Review" in said.text
    assert ("Op COURAGE", "Veterans' NHS Wales") in nations.rewrite(
        "We refer veterans to the NHS Op COURAGE service with their agreement.", "Wales", WELSH).swapped


def test_without_the_buyers_equivalent_the_clause_is_cut_or_the_sentence_left_out():
    cut = nations.rewrite("We refer a person to the housing authority under the Duty to Refer the same week.",
                          "Wales", WELSH)
    assert cut.text == "We refer a person to the housing authority the same week." and cut.cut == ["Duty to Refer"]
    gone = nations.rewrite("Staff may speak to our Freedom to Speak Up Guardian.", "Wales", WELSH)
    assert gone.text is None
    assert nations.note(gone.cut[0], "Wales") == ("England-only: Freedom to Speak Up; the buyer is in Wales: write the "
                                                  "Welsh arrangement")
    training = nations.rewrite("Training covers lone working, basic life support and the Oliver McGowan Mandatory "
                               "Training on Learning Disability and Autism.", "Wales", WELSH)
    assert training.text == "Training covers lone working and basic life support."


def test_law_of_england_and_wales_is_said_as_the_scottish_act_the_buyer_names():
    said = nations.rewrite("Workers follow the Mental Capacity Act 2005 when a decision is in doubt.", "Scotland",
                           SCOTTISH)
    assert said.text == "Workers follow the Adults with Incapacity (Scotland) Act 2000 when a decision is in doubt."
    # in Wales the same Act holds: unchanged
    assert nations.rewrite("Workers follow the Mental Capacity Act 2005.", "Wales", WELSH).text == \
        "Workers follow the Mental Capacity Act 2005."
    assert nations.note("the Mental Capacity Act 2005", "Scotland").startswith("England and Wales only:")


def test_no_interpreter_for_welsh_where_the_buyer_requires_welsh_speakers():
    assert nations.welsh_speakers_required(WELSH) and not nations.welsh_speakers_required(ENGLISH)
    alone = "For people who prefer to use Welsh, the worker will book a professional interpreter."
    assert nations.rewrite(alone, "Wales", WELSH, welsh=True).text is None
    listed = "Where a person prefers Welsh, Arabic or Polish, the worker books an interpreter."
    assert nations.rewrite(listed, "Wales", WELSH, welsh=True).text == \
        "Where a person prefers Arabic or Polish, the worker books an interpreter."
    # other languages keep their interpreter; without the requirement Welsh is left as it is
    assert nations.rewrite("An interpreter is booked for Arabic.", "Wales", WELSH, welsh=True).text == \
        "An interpreter is booked for Arabic."
    assert nations.rewrite(alone, "Wales", WELSH, welsh=False).text == alone


def test_an_english_buyer_gets_our_text_unchanged():
    ours = "We refer under the Duty to Refer and report to the local safeguarding children partnership."
    assert nations.rewrite(ours, "England", ENGLISH).text == ours


def test_an_assembled_welsh_answer_names_no_english_law_and_says_what_it_left_out(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, WELSH)
    assert answer.nation == "Wales"
    assert "Op COURAGE" not in answer.markdown and "Veterans' NHS Wales" in answer.markdown
    assert any(c["template"].startswith("the buyer's nation") for c in answer.commitments)  # to confirm
    scottish = assemble_tender(demo_db, SCOTTISH)
    assert scottish.nation == "Scotland" and "Mental Capacity Act" not in scottish.markdown
    english = assemble_tender(demo_db, ENGLISH)
    assert english.nation == "England" and "England-only" not in english.coverage_table()
