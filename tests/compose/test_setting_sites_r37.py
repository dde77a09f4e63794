"""(review, session 37) settings.named_for reads the sites the provider will run as the tender's other callers do
(places' sites with site_roles' roles over them): a house of ours given by a label and a sentence after it ('Service
base: Tobar House ... will be run by the Provider', the s34 form places alone does not read) ties the tender's
sentences about it to every question, as a house we run named in running text always did."""

from __future__ import annotations

from evidencebot.compose import places, settings, site_roles

BUYER = ("- **Service base:** Tobar House, 2 Quay Street. The building is leased from the Council and will be run by "
         "the Provider.\n"
         "- Tobar House offers crisis beds for up to seven nights.\n")
QUESTION = "Question 4 - Physical health\nDescribe how you will support the physical health of the people you support."
HOUSE = "crisis or residential house"


def test_the_label_form_base_is_ours_to_site_roles_and_missed_by_places_alone():
    whole = f"{QUESTION}\n{BUYER}"
    assert "Tobar House" not in {s.name for s in places.read(whole).run}
    assert {p.name: p.role for p in site_roles.read(whole)}.get("Tobar House") == "ours"


def test_a_house_we_run_given_by_a_label_names_its_setting_for_every_question():
    assert HOUSE in settings.named(f"{QUESTION}\n{BUYER}")
    assert HOUSE in settings.named_for(QUESTION, BUYER)


def test_a_partners_house_still_names_its_setting_for_the_question_naming_it_only():
    buyer = ("- **Partner site (not run by the Provider):** Lantern House, run by Haven Minds.\n"
             "- Lantern House offers crisis beds for up to seven nights.\n")
    assert HOUSE not in settings.named_for(QUESTION, buyer)
    assert HOUSE in settings.named_for(QUESTION + " Include how you will work with Lantern House.", buyer)
