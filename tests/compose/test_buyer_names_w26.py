"""The buyer's own names said right (issue 12, session 26; the s25 panel's faults): what kind of thing a name is (a
building or base, an organisation, a programme, a document) decides how we say it. Sentences written for these tests."""

from evidencebot.compose import commitments as C


def test_a_list_inside_a_documents_name_keeps_its_first_words():
    # (s25 panel: a protocol named from its second word on, the words before the comma lost)
    text = ("Moves out of the house follow the Bramley Step-Down Protocol v2.0 and, where money is a factor, the Debt, "
            "Benefits and Rent Arrears Pathway v3.1.")
    assert C.versioned_documents(text) == ["Bramley Step-Down Protocol v2.0", "Debt, Benefits and Rent Arrears Pathway v3.1"]


def test_two_documents_of_a_list_stay_two():
    assert C.versioned_documents("Staff follow the Lone Working Policy, the Bramley Missing Person Procedure v1.2.") == \
        ["Bramley Missing Person Procedure v1.2"]


def test_a_building_named_only_as_where_another_team_is_is_a_site_not_a_partner():
    from evidencebot.compose import buyer_terms as B

    text = ("Two recovery teams sit with the Trust's CMHTs: Westmarsh CMHT at Priory House, 2 Mill Lane; and Eastmarsh "
            "CMHT at the Tanner Street Health Centre. The crisis team works from the Ash Unit, Bramley Royal Hospital. "
            "Heron House, a 4-bed crisis house run by Bramley Mind, takes people in crisis; people also come from Heron "
            "House.")
    assert B.site_only("Priory House", text) and B.site_only("Tanner Street Health Centre", text)
    assert B.site_only("Bramley Royal Hospital", text)
    assert not B.site_only("Heron House", text)  # a service of its own, though people come 'from' it
    assert not B.site_only("Bramley Mind", text)  # no building


def test_a_body_the_buyer_says_what_it_is_is_named_where_our_block_speaks_of_it_generically():
    from evidencebot.compose import buyer_terms as B
    from evidencebot.compose.tender import _name_generic

    text = "Bridgeway Recovery, the county's commissioned drug and alcohol service, has hubs in two towns."
    described = B.described_as(text)
    assert described == [("county's commissioned drug and alcohol service", "Bridgeway Recovery")]
    units = [{"text": "We agree a plan with the local drug and alcohol service, and the local drug and alcohol "
                      "service joins reviews."}]
    _name_generic(units, described, set())
    assert units[0]["text"] == "We agree a plan with Bridgeway Recovery, and Bridgeway Recovery joins reviews."


def test_our_words_for_a_kind_of_place_become_the_one_the_buyer_names():
    from evidencebot.compose.tender import generic_phrase

    assert generic_phrase("The Beacon Safe Haven", "People can go to the local safe haven in the evening.") == \
        "the local safe haven"
    assert generic_phrase("Millbrook Housing Association", "We ask the local housing association first.") == \
        "the local housing association"
    assert generic_phrase("Millbrook Housing Association", "We ask the local council first.") == ""


def test_a_target_by_year_keeps_its_first_year_when_it_names_whom_it_counts():
    from evidencebot.compose import buyer_standards as S

    s = ("Bidders should say how they will reach a recorded goal score for at least 50% of people leaving in Year 1, "
         "rising to 60% in Year 2 and 70% from Year 3.")
    assert S._target_text(s) == "50% in Year 1, rising to 60% in Year 2 and 70% from Year 3"


def test_a_place_listed_with_its_article_is_the_tenders_place():
    from evidencebot.compose import tender_profile as P

    assert P.is_base("Bramley Learning College", "the Bramley Learning College") == "Bramley Learning College"
    assert P.is_base("Bramley Learning College", "The Bramley Learning College") == "Bramley Learning College"


def test_a_housing_association_the_buyer_names_is_a_partner():
    from evidencebot.compose import buyer_terms as B

    sentence = "how you will work with Bramley Borough Council Housing Services and Kestrel Housing Association;"
    assert B.local_kind("Kestrel Housing Association", sentence, {"bramley", "kestrel"}) == \
        ("partner", "Kestrel Housing Association")


def test_the_commissioners_target_said_to_the_buyer_is_their_figure_quoted(demo_db):
    from evidencebot.compose.tender import get_checker

    checker = get_checker(demo_db, external=True)
    said = "The commissioners' target for people contacted within 72 hours of discharge is 80%."
    assert not checker.check_text(said)
    # our own figure after it is still ours, and still checked
    assert checker.check_text(said[:-1] + ", and we reached 80% in 2026.")
