"""One tender, answers that agree with each other and with the buyer (issue 12, session 36).

The s35 panel found a block's partner placeholder filled with a group of people and with a representative body, one
act (screening a referral) given the buyer's urgent-contact time in one answer and our own in another, a crisis plan
written later than the buyer's own time for the plan, and law of Great Britain written to a Northern Ireland buyer.
Every name, question and sentence here is written for this test."""

from __future__ import annotations

from evidencebot.compose import buyer_standards, buyer_terms, library, nations, partner_kinds, patterns


def _block(ident: str, body: str, tags: list[str], title: str) -> library.Block:
    return library.Block(block_id=ident, title=title, body=body, means="", tags=tags, owner="First person",
                         source="test", status="approved", approved_by="Second person", last_reviewed="2026-01-01",
                         review_due="2027-12-01", stale=False)


AGREEMENT = _block("p-agree", "The service manager will sign a working agreement with {partner} before go-live.",
                   ["pattern", "any ask", "work with"], "Working with a named partner")
HANDOVER = _block("p-hand", "When risk rises the recovery worker will hand the person's care to {partner} the same day.",
                  ["pattern", "escalate", "handover", "risk"], "Handing over to a named team when risk rises")
INVOLVE = _block("g-involve", "The service manager will meet {group} every quarter to hear what people say.",
                 ["pattern", "any ask", "involve"], "Involving a named group")


# ---------------------------------------------------------------- (1) a name of the kind the block is written for


def test_a_name_is_read_as_the_kind_of_body_its_words_say():
    assert partner_kinds.kind_of("Estonian and Latvian workers") == partner_kinds.POPULATION
    assert partner_kinds.kind_of("the Fernhollow Patient and Client Council") == partner_kinds.REPRESENTATIVE
    assert partner_kinds.kind_of("Healthwatch Fernhollow") == partner_kinds.REPRESENTATIVE
    assert partner_kinds.kind_of("Fernhollow Borough Council") == partner_kinds.OVERSIGHT
    assert partner_kinds.kind_of("the Regional Procurement and Supplies Service") == partner_kinds.OVERSIGHT
    assert partner_kinds.kind_of("the Fernhollow Home Treatment Team") == partner_kinds.CLINICAL
    assert partner_kinds.kind_of("Gorsebrook CMHT") == partner_kinds.CLINICAL
    # a team of a council, and a service named after its owner, are partners to agree a way of working with
    assert partner_kinds.kind_of("Fernhollow Borough Council tenancy team") == partner_kinds.ORGANISATION
    assert partner_kinds.kind_of("the Council's Tenancy Sustainment Service") == partner_kinds.ORGANISATION
    assert partner_kinds.kind_of("Gorsebrook Credit Union") == partner_kinds.ORGANISATION


def test_a_risk_handover_is_never_written_to_a_representative_body():
    ask = ("how you will escalate concerns when risk rises, and how you will work with the Fernhollow Patient and "
           "Client Council")
    out = patterns.write(ask, "", patterns.approved([AGREEMENT, HANDOVER, INVOLVE]), {})
    text = " ".join(w.sentence for w in out)
    assert "hand the person's care to the Fernhollow Patient" not in text
    assert "working agreement with the Fernhollow Patient" not in text
    # it is involved and heard, with the pattern written for a group
    assert "will meet the Fernhollow Patient and Client Council every quarter" in text


def test_a_risk_handover_takes_a_clinical_team_and_an_organisation_gets_the_working_agreement():
    ask = ("how you will escalate to the Gorsebrook Home Treatment Team and work with Gorsebrook Credit Union when a "
           "person's risk rises")
    out = {w.pattern.block_id: [e.name for e in w.elements]
           for w in patterns.write(ask, "", patterns.approved([AGREEMENT, HANDOVER]), {})}
    assert out["p-hand"] == ["Gorsebrook Home Treatment Team"]
    assert out["p-agree"] == ["Gorsebrook Credit Union"]


def test_with_no_pattern_for_its_kind_a_name_stays_a_gap():
    # only the handover pattern is approved: an organisation gets no sentence (the coverage row names it)
    ask = "how you will escalate to Gorsebrook Credit Union when risk rises"
    assert patterns.write(ask, "", patterns.approved([HANDOVER]), {}) == []
    # a council that commissions the service is no partner for either pattern
    ask = "how you will work with Fernhollow Borough Council and escalate to it when risk rises"
    assert patterns.write(ask, "", patterns.approved([AGREEMENT, HANDOVER]), {}) == []


def test_a_group_of_people_is_never_the_buyers_named_partner():
    sentence = ("Around a third of the night-shift staff at the packing plant are Estonian and Latvian workers, many "
                "of whom we will work with.")
    assert buyer_terms.local_kind("Estonian and Latvian", sentence, {"estonian", "latvian"}) is None
    # a capitalised service of workers the buyer asks us to work with still is one
    assert buyer_terms.local_kind("Gorsebrook Link Workers", "How will you work with the Gorsebrook Link Workers?",
                                  {"gorsebrook"}) == ("partner", "Gorsebrook Link Workers")


# ---------------------------------------------------------------- (2) one timescale per act, the buyer's for that act


def test_screening_is_not_given_the_buyers_urgent_contact_time():
    tender = ("Question 2. Urgent referrals must receive first contact within 4 hours. Question 7. Describe how you "
              "will report on access.")
    standards = buyer_standards.read(tender)
    ours = "A duty lead screens each referral within two working days, and calls the referrer when it is declined."
    assert buyer_standards.hold(ours, standards) == (ours, [])
    assert not any(buyer_standards.weaker(ours, st) for st in standards)


def test_a_screening_time_of_the_buyers_is_said_in_every_answer_of_the_tender():
    tender = "The provider must ensure that all referrals are screened within one working day of receipt."
    standards = buyer_standards.read(tender)
    first = "A duty lead screens each referral within two working days."
    second = "Referrals are screened by a duty lead within three working days, and urgent ones the same day."
    one, _ = buyer_standards.hold(first, standards)
    two, _ = buyer_standards.hold(second, standards)
    assert "within one working day" in one and "within one working day" in two


def test_our_crisis_plan_is_written_within_the_buyers_time_for_the_safety_plan():
    tender = ("The Board expects every person with an identified risk to have a written safety plan, agreed with them, "
              "within 15 working days of first contact.")
    standards = buyer_standards.read(tender)
    ours = "Each person writes a crisis plan with their recovery worker within six weeks of starting with us."
    held, changed = buyer_standards.hold(ours, standards)
    assert changed and "within 15 working days" in held and "six weeks" not in held
    # the buyer's sentence is echoed as it stands: no template of ours restates its plan in other words
    assert [buyer_standards.hold_only(st) for st in standards if st.kind == "timescale"] == [True]
    # a review of the plan is no writing of it
    review = "Each person's safety plan is reviewed with them at every 12-weekly review."
    assert buyer_standards.hold(review, standards) == (review, [])


# ---------------------------------------------------------------- (3) the law of the buyer's nation


_NI = ("Fernhollow Health and Social Care Trust. The provider must meet the Trust's Section 75 duties. Joint work with "
       "the Northern Ireland Housing Executive is expected.")


def test_great_britain_equality_law_is_said_as_section_75_to_a_northern_ireland_buyer():
    nation, _ = nations.read(_NI)
    assert nation == "Northern Ireland"
    said = nations.rewrite("We meet our duties under the Equality Act 2010 through an impact assessment.", nation, _NI)
    assert said.text == "We meet our duties under Section 75 of the Northern Ireland Act 1998 through an impact assessment."
    # in Scotland the Act holds
    same = "We meet our duties under the Equality Act 2010 through an impact assessment."
    assert nations.rewrite(same, "Scotland", "Scottish Government").text == same


def test_englands_homelessness_test_and_housing_authority_are_not_written_to_northern_ireland():
    ours = "Where a person may lose their home within 56 days, we refer them to the local housing authority that week."
    said = nations.rewrite(ours, "Northern Ireland", _NI)
    assert said.text == "Where a person may lose their home, we refer them to the Northern Ireland Housing Executive that week."
    # a Welsh buyer has the same 56-day test
    assert "within 56 days" in (nations.rewrite(ours, "Wales", "Welsh Government").text or "")


def test_england_only_standards_and_duties_are_cut_for_other_nations():
    ais = "We record each person's communication needs in line with the Accessible Information Standard."
    assert nations.rewrite(ais, "Wales", "").text == "We record each person's communication needs."
    prevent = "Every worker completes Prevent awareness training at induction."
    assert nations.rewrite(prevent, "Northern Ireland", _NI).text is None
    assert nations.rewrite(prevent, "Scotland", "").text == prevent
