"""Our age ranges start no lower than the buyer's service: 'young people aged 16 to 25' is not said for a service
for adults 18 and over (s28 panel, FIRM)."""

from evidencebot.compose import ages


def test_the_buyer_floor_is_read_from_the_ways_buyers_write_it():
    assert ages.floor("The Lot 2 Service is the adult (18 and over) community service.") == 18
    assert ages.floor("A service for adults aged 18+ living in the borough.") == 18
    assert ages.floor("The service supports people aged 16 and over.") == 16
    assert ages.floor("Referrals from 2,000 people a year.") is None


def test_a_range_starting_below_the_floor_is_lifted_to_it():
    said = "For young people aged 16 to 25 a recovery worker is the named worker."
    assert ages.lift(said, 18) == "For young people aged 18 to 25 a recovery worker is the named worker."
    assert ages.lift("people aged 16–25", 18) == "people aged 18–25"


def test_ranges_already_inside_the_service_and_text_without_a_floor_stay():
    assert ages.lift("men aged 18 to 34", 18) == "men aged 18 to 34"
    assert ages.lift("children aged 5 to 11 in the family", 18) == "children aged 5 to 11 in the family"
    assert ages.lift("young people aged 16 to 25", None) == "young people aged 16 to 25"


def test_an_assembled_answer_for_an_adult_service_says_no_age_below_its_floor(demo_db):
    from evidencebot.compose.tender import assemble_tender

    q = ("Question 4 - Young adults\nMaximum 500 words\n\nThe Service is for adults (18 and over). Describe how the "
         "offer differs for young people: how you will reach young people not in education, training and employment, "
         "and how you will adapt times, venues and digital options for young adults.")
    answer = assemble_tender(demo_db, q)
    text = answer.markdown
    assert "young-people-16-25" in str(answer.coverage)  # the block written for a 16-25 offer is placed
    assert "aged 16" not in text and "16 to 25" not in text
