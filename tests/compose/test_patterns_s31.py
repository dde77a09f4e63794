"""Approved pattern blocks for the buyer's named partners, sites, groups and languages (issue 12, session 31).

Three blind panels marked parts that left the buyer's own named organisations, sites, groups and languages unsaid or
answered them with generic text. A pattern block is an approved method block with a role's slot, filled with the
elements of that role a part's ask names, in one sentence. Every sentence and name here is written for this test."""

from __future__ import annotations

import re

from evidencebot.compose import library, patterns
from evidencebot.compose.tender import assemble_tender, get_checker


def _block(ident: str, body: str, *, tags=("pattern",), title="A pattern", status="approved", approver="Second person",
           stale=False) -> library.Block:
    return library.Block(block_id=ident, title=title, body=body, means="", tags=list(tags), owner="First person",
                         source="test", status=status, approved_by=approver, last_reviewed="2026-01-01",
                         review_due="2025-01-01" if stale else "2027-12-01", stale=stale)


PARTNER = _block("p-general", "The service manager will meet {partner} every month to go through shared cases.",
                 tags=["pattern", "any ask", "work with"], title="Working with a named partner")
PARTNER_RISK = _block("p-risk", "When risk rises the recovery worker will phone {partner} the same day.",
                      tags=["pattern", "escalate", "risk", "crisis"], title="Escalating to a named team")
SITE = _block("s-sessions", "A recovery worker will run a weekly drop-in session at {site}.",
              tags=["pattern", "sessions", "drop-in"], title="Sessions at named sites")


def _roles(ask: str) -> dict[str, str]:
    return {e.said: e.role for e in patterns.elements(ask)}


def test_a_team_after_work_with_is_a_partner_and_keeps_the_buyers_article():
    assert _roles("how you will work with the Quarrymoor Access Team and Dellbrook Citizens Advice") == {
        "the Quarrymoor Access Team": "partner", "Dellbrook Citizens Advice": "partner"}


def test_sites_in_a_list_after_sessions_at_are_each_a_site():
    roles = _roles("how your drop-in sessions at Orrin House, Bexley Lane and St Ysolde's Court will work")
    assert roles == {"Orrin House": "site", "Bexley Lane": "site", "St Ysolde's Court": "site"}


def test_the_verb_decides_a_head_noun_of_two_roles():
    # a Partnership is a partner we work with, or a forum we contribute to
    assert _roles("how you will contribute to the Marlow Vale Suicide Prevention Partnership") == {
        "the Marlow Vale Suicide Prevention Partnership": "group"}
    assert _roles("how you will work with the Marlow Vale Transport Partnership") == {
        "the Marlow Vale Transport Partnership": "partner"}


def test_a_verb_that_gives_no_role_leaves_the_element_without_one():
    # a group we set up ourselves, an Act, and a place named only as where another team works: no role
    assert _roles("how you will set up and run a Lived Experience Steering Group") == {}
    assert _roles("how you will make referrals under section 42 of the Care Act 2014") == {}
    assert "Tolland Barracks" not in _roles("how you will work with the welfare officers at Tolland Barracks")


def test_languages_are_read_only_in_an_ask_about_language():
    assert _roles("how you will offer interpreting for people who speak Polish, Tigrinya or British Sign Language") \
        == {"Polish": "language", "Tigrinya": "language", "British Sign Language": "language"}
    assert _roles("how you will reach Polish and Somali residents") == {}


def test_one_sentence_per_role_names_the_elements_together():
    ask = "how you will work with the Quarrymoor Access Team and the Dellbrook Recovery Trust"
    out = patterns.write(ask, "", patterns.approved([PARTNER, SITE]), {})
    assert len(out) == 1
    assert out[0].sentence == ("The service manager will meet the Quarrymoor Access Team and the Dellbrook Recovery "
                               "Trust every month to go through shared cases.")
    assert [e.name for e in out[0].elements] == ["Quarrymoor Access Team", "Dellbrook Recovery Trust"]


def test_an_element_the_part_already_names_gets_no_second_sentence():
    ask = "how you will work with the Quarrymoor Access Team and the Dellbrook Recovery Trust"
    out = patterns.write(ask, "We meet the Quarrymoor Access Team weekly.", patterns.approved([PARTNER]), {})
    assert [e.name for e in out[0].elements] == ["Dellbrook Recovery Trust"]


def test_the_pattern_that_fits_the_ask_is_chosen():
    ask = "how you will escalate to the Quarrymoor Crisis Team when risk rises"
    out = patterns.write(ask, "", patterns.approved([PARTNER, PARTNER_RISK]), {})
    assert out[0].pattern.block_id == "p-risk"


def test_no_fitting_pattern_leaves_the_element_a_gap():
    # a group with only partner and site patterns approved; and a pattern that shares no word with the ask
    assert patterns.write("how you will contribute to the Orrin Forum", "", patterns.approved([PARTNER, SITE]), {}) == []
    assert patterns.write("how you will escalate to the Quarrymoor Crisis Team", "",
                          patterns.approved([_block("p-narrow", "We meet {partner} about debt.", tags=["debt"])]),
                          {}) == []


def test_an_unapproved_pattern_is_never_used_and_a_stale_one_only_when_no_fresh_one_fits():
    draft = _block("p-draft", "The team leader will call {partner} weekly.", tags=["any ask"], status="draft",
                   approver=None)
    ask = "how you will work with the Quarrymoor Access Team"
    assert patterns.write(ask, "", patterns.approved([draft]), {}) == []
    stale = _block("p-stale", "The team leader will call {partner} weekly.", tags=["any ask", "work"], stale=True)
    assert patterns.write(ask, "", patterns.approved([stale, PARTNER]), {})[0].pattern.block_id == "p-general"
    assert patterns.write(ask, "", patterns.approved([stale]), {})[0].pattern.block_id == "p-stale"


def test_pattern_blocks_are_never_placed_as_ordinary_blocks():
    assert patterns.ordinary([PARTNER, SITE, _block("plain", "The team meets weekly.")]) == [
        _block("plain", "The team meets weekly.")]


QUESTION = """Question 4: Working with other services (maximum 500 words)

Describe how you will work alongside other local services. Your answer should cover:
(a) how you will work with the Quarrymoor Access Team and Dellbrook Citizens Advice so that people are not passed
between services;
(b) how your drop-in sessions at Orrin House and St Ysolde's Court will work;
(c) how you will offer interpreting for people who speak Tigrinya or Dari.
"""


def test_an_answer_says_the_named_elements_with_approved_patterns_and_passes_the_checker(demo_db):
    ans = assemble_tender(demo_db, QUESTION)
    text = " ".join(ans.markdown.split())
    assert "{" not in text  # no pattern placed unfilled
    assert "Tigrinya or Dari" in text
    rows = " ".join(r.status for r in ans.coverage)
    # a site an ordinary block already names is not said twice; the other is said with the site pattern
    assert re.search(r"approved pattern pattern-site-[a-z-]+: (?:Orrin House, )?St Ysolde's Court", rows)
    assert re.search(r"drop-in sessions at (?:Orrin House and )?St Ysolde's Court", text)
    assert "approved pattern pattern-language-interpreting: Tigrinya, Dari" in rows
    assert {"pattern-language-interpreting"} <= set(ans.blocks)  # recorded where used
    assert not ans.findings
    assert not get_checker(demo_db, external=True).check_text(ans.markdown)


def test_a_stale_pattern_is_used_with_the_stale_warning(demo_copy):
    demo_copy.execute("update answer_blocks set review_due = '2020-01-01' where block_id like 'pattern-language-%'")
    ans = assemble_tender(demo_copy, QUESTION)
    assert "Tigrinya or Dari" in ans.markdown
    assert "stale pattern used: pattern-language-interpreting" in " ".join(r.status for r in ans.coverage)
    assert "pattern-language-interpreting" in {b.block_id for b in ans.stale}


def test_an_elements_words_spread_over_sentences_about_other_bodies_do_not_say_it():
    ask = "how you will take part in the Orrin Vale Mental Health Front Door with the Trust"
    said = ("We will work to the Joint Front Door Operating Protocol. We will meet the Orrin Vale Health Partnership. "
            "Staff link with the Community Mental Health Hub.")
    forum = _block("g-forum", "The service manager will attend each meeting of {group}.", tags=["take part"])
    out = patterns.write(ask, said, patterns.approved([forum]), {})
    assert [e.name for w in out for e in w.elements] == ["Orrin Vale Mental Health Front Door"]


def test_a_pattern_already_used_in_the_answer_or_bid_gives_way_to_another_that_fits():
    ask = "how you will work with the Quarrymoor Access Team and escalate to it when risk rises"
    found = patterns.approved([PARTNER, PARTNER_RISK])
    first = patterns.write(ask, "", found, {})[0].pattern.block_id
    again = patterns.write(ask, "", found, {}, avoid={first})[0].pattern.block_id
    assert first != again


def test_a_language_offer_the_interpreting_pattern_does_not_speak_of_stays_a_gap():
    interpreting = _block("l-interp", "For people who prefer {language}, the worker will book an interpreter.",
                          tags=["interpreting", "interpreter", "speak"], title="Interpreting")
    found = patterns.approved([interpreting])
    assert patterns.write("how you will achieve uptake of the Welsh-language offer", "", found, {}) == []
    assert patterns.write("how you will offer interpreting for people who speak Welsh", "", found, {})
