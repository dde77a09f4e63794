"""Answers built from the library: a term named in the question's stem brings its block only into a
part that block answers, and a sentence that proposes something is not dropped as an open action."""

from __future__ import annotations

from evidencebot.compose import consistency as C
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question


def test_a_term_in_the_stem_brings_its_block_only_into_a_part_it_answers(demo_db):
    # session 6's q10: 'SECTION' brought a block saying "the record's consent section" under reporting,
    # and 'KPIs' the KPI block under supporting VCSE organisations
    q = "SECTION 6 – SOCIAL VALUE\n\nQ6.1 Social value (Weighting: 10%)\n\nIn line with the Procurement Act 2023, the Council's Social Value Policy and the NHS Provider Selection Regime key criteria, 10% of the overall score is allocated to social value. The Commissioners have selected two themes from the Social Value Model for this contract: Tackling economic inequality and Wellbeing.\n\nDescribe the additional social value you will deliver in Riverside through this contract, including how you will create employment and training opportunities for local people who face barriers to work, such as people with lived experience of mental ill health, and how you will support local VCSE organisations and community groups. You should also explain how you will measure and report delivery of your commitments each quarter, and what you will do if a commitment is not being met.\n\nCommitments must be specific, measurable, relevant to this contract and additional to the core service requirements. They will be included in the contract as KPIs and reviewed at quarterly contract meetings.\n\nEnter each commitment in the Social Value Commitments Template (Appendix 8), using the National TOMs measures where applicable (e.g. NT1: local direct employees (FTE) hired or retained on the contract). The template is not counted in the word limit.\n\n750 words maximum (excluding Appendix 8).\nGeneric statements about corporate social responsibility that are not specific to this contract will score no more than 1.\n"  # session 6's q10 (dev material)
    plan = plan_question(q, 750)
    chosen = T.choose_methods(demo_db, plan)
    ids = {b.block_id for m in chosen.values() for b in m.blocks}
    assert ids, "no part got a block"
    assert "carers-confidentiality" not in ids and "kpi-definitions" not in ids, ids


def test_a_term_in_the_stem_is_matched_as_a_word(demo_db):
    # session 6's q08 names 'INTs' in its stem: 'ints' inside 'complaints' brought the clinical
    # governance block under 'working with GP practices'
    q = 'Ref | Question | Guidance | Word limit | Weighting | Bidder response\nQ3.7 | Describe how you will work in partnership with primary care, the Integrated Neighbourhood Teams (INTs) and voluntary, community and social enterprise (VCSE) organisations in North and South Riverside so that people receive joined-up support. | Responses should explain: how you will work with GP practices and Primary Care Networks, including attendance at multidisciplinary team meetings; your role in the two Integrated Neighbourhood Teams as they develop from 2026/27; how you will work with local VCSE organisations, including any subcontracting or grant arrangements; and how you will share information and avoid duplicate assessments across partners. Letters of support from partners may be attached as Appendix 7 and are not counted in the word limit. | 600 words | 7% | [Bidder to complete]\n'  # session 6's q08 (dev material)
    plan = plan_question(q, 600)
    chosen = T.choose_methods(demo_db, plan)
    ids = {b.block_id for m in chosen.values() for b in m.blocks}
    assert "int-neighbourhood-teams" in ids and "clinical-governance-structure" not in ids, ids


def test_a_proposal_in_the_future_tense_is_not_told_as_current_practice():
    assert C.SAYS_OPEN.search("In the first two years we would introduce a person-held crisis plan.")
    assert C.SAYS_OPEN.search("Under the new contract we will offer a first contact within ten working days.")
    assert not C.SAYS_OPEN.search("Consent is checked again at every 12-weekly review.")
