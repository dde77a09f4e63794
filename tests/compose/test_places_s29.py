"""The buyer's named sites (compose/places.py, session 29): the sites the buyer says we will run are named where our
text says where we deliver, never given a partner's paragraph; partners' sites are never said as ours."""

import re

from evidencebot.compose import places

TENDER = """# Question 1 - Where the service runs

- The provider will run two hubs: The Larkfield Hub, 3 Tanner Row, Oakham city centre; and the Milbrook Wellbeing Hub, 41 Weir Lane, Milbrook.
- The provider will also hold sessions at partner sites that it does not run: the Open Door Café (run by Riverside Neighbours), Ferrygate Family Health Centre and Holm House.
- Hatton Lodge, an 8-bed step-up house, is run by Cresswell Care under a separate contract.
"""


def _sites():
    return places.read(TENDER)


def test_sites_we_run_and_partners_sites_are_told_apart():
    sites = _sites()
    assert [s.said for s in sites.run] == ["the Larkfield Hub", "the Milbrook Wellbeing Hub"]
    partner = {s.name for s in sites.partner}
    assert {"Open Door Café", "Ferrygate Family Health Centre", "Holm House", "Hatton Lodge"} <= partner
    assert not partner & {s.name for s in sites.run}


def test_a_table_with_a_run_by_column_and_a_heading_over_a_list():
    text = ("The Provider will run the following itself:\n\n| Facility | Location | Run by |\n|---|---|---|\n"
            "| Rowan Lodge step-up house | Dunmore | Provider |\n| Tarn House crisis house | Ebb | Lantern Trust |\n\n"
            "**Facilities run by partners (not part of this contract)**\n\n- Copse Clinic, Elm Road.\n")
    sites = places.read(text)
    assert [s.name for s in sites.run] == ["Rowan Lodge"]
    assert {s.name for s in sites.partner} == {"Tarn House", "Copse Clinic"}


def test_a_site_run_today_by_the_incumbent_is_still_ours_when_the_buyer_says_we_will_run_it():
    text = ("The Provider will run Hollin Lodge and the Quarry Wellbeing Hub. Hollin Lodge is currently run by Greave "
            "NHS Trust.")
    assert {s.name for s in places.read(text).run} == {"Hollin Lodge", "Quarry Wellbeing Hub"}


def test_kinds_of_place_are_not_named_sites():
    assert places.names_in("Referrals reach the Wellbeing Hub and the Safe Haven.") == []


def test_generic_place_words_are_said_with_the_hubs_we_run():
    sites = _sites()
    said = places.place("Peer support workers run weekly groups in each locality.", sites)
    assert said == ("Peer support workers run weekly groups at both the Larkfield Hub and the Milbrook Wellbeing Hub.")
    assert places.place("It goes on posters in each locality base and online.", sites) == (
        "It goes on posters at both the Larkfield Hub and the Milbrook Wellbeing Hub and online.")
    assert "the Larkfield Hub or the Milbrook Wellbeing Hub" in places.place(
        "Staff start and finish from the base nearest their home.", sites)


def test_place_words_not_about_where_we_deliver_stay_and_no_partner_site_is_ever_used():
    sites = _sites()
    for sentence in ("A named worker in every locality team is the first contact.",
                     "Every quarter the lead audits ten records in each locality."):
        assert places.place(sentence, sites) == sentence
    said = places.place("We hold a drop-in session at each base.", sites)
    assert not any(s.name in said for s in sites.partner)


def test_nothing_is_said_when_the_buyer_names_no_site_of_ours():
    sentence = "Peer support workers run weekly groups in each locality."
    assert places.place(sentence, places.read("Hatton Lodge is run by Cresswell Care.")) == sentence


def test_a_partner_sentence_naming_a_site_we_run_is_found():
    sites = _sites()
    assert places.partner_misuse("The service manager sets up an information sharing agreement with the Larkfield "
                                 "Hub.", sites) == "the Larkfield Hub"
    assert places.partner_misuse("We set up an information sharing agreement with the Open Door Café.", sites) == ""
    assert places.partner_misuse("Staff at the Larkfield Hub work with the CMHT.", sites) == ""


def test_the_coverage_word_names_the_sites_a_part_says_and_those_it_leaves_out():
    from evidencebot.compose.tender import _sites_status

    sites = _sites()
    status = _sites_status("Groups run at the Larkfield Hub.", "the role of peer workers in each of the two hubs", sites)
    assert "named here: the Larkfield Hub" in status
    assert "not named here: the Milbrook Wellbeing Hub" in status
    assert _sites_status("Nothing here.", "how you will train staff", sites) == ""


def test_an_answer_never_gives_a_hub_we_run_a_partners_paragraph_and_names_our_hubs(demo_db):
    from evidencebot.compose.tender import assemble_tender

    q = ("Question 1 - Service model\nMaximum 800 words\n\n"
         "The provider will run two hubs: The Larkfield Hub, 3 Tanner Row, Oakham; and the Milbrook Wellbeing Hub, "
         "41 Weir Lane, Milbrook.\n\nDescribe how you will work with the Larkfield Hub and partners so that "
         "referrals and information pass between services, and how peer support workers will run weekly groups.")
    answer = assemble_tender(demo_db, q)
    text = answer.markdown
    sites = places.read(q)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert not [s for s in re.split(r"(?<=[.!?])\s+", " ".join(lines)) if places.partner_misuse(s, sites)]
    assert "named link with the Larkfield Hub" not in text  # the partner block's wording, with the fix taken out
    assert "Larkfield Hub" in text
