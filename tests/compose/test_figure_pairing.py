"""The buyer's figures said of what their own clause measures, and our timescales never weaker than the buyer's
(issue 12, f16).

A contradiction reader found a population share restated as a referral figure, a number of one kind of specialist
restated as the whole workforce, a caseload ceiling per worker read as the people open in the service, and our
block's 'training in their first six months' beside a question that asks for twelve weeks. The questions here are
written for this test in another buyer's words (not a held-out set's)."""

from __future__ import annotations

import pytest

from evidencebot.compose import buyer_standards as S
from evidencebot.compose import buyer_terms as T
from evidencebot.compose import figure_clauses as fc

POPULATION = """E3 Fair access

Across Brackenfold, 21.4% of adults aged 18 and over are from Black, Asian, mixed or other minority ethnic groups,
rising to 38% in Easterby ward, yet these groups made up only 6.2% of referrals to the current service in 2025/26.
How will you widen access, and what targets do you propose? Your plan should also say how you will improve the
recording of ethnicity so that missing data falls below 5% by March 2029.

Maximum 500 words."""


def test_a_figure_is_paired_with_what_its_own_clause_measures():
    got = {f.text: f for f in fc.figures(
        "In 2025/26, 23.1% of residents were from Black, Asian and minority ethnic groups, but only 8% of referrals "
        "were for people from these groups.")}
    assert "resident" in got["23.1%"].measure and "referral" not in got["23.1%"].measure
    assert "referral" in got["8%"].measure
    wte = {f.text: f for f in fc.figures("The contract requires 18 WTE employment specialists and a team of 40 WTE.")}
    assert {"employment", "specialist"} <= wte["18 WTE"].measure
    turnover = fc.figures("Staff turnover was 24% in 2025/26 and must fall to 15% or below by the end of Year 2.")
    assert all("turnover" in f.measure for f in turnover)


def test_the_referral_baseline_is_the_referral_share_not_the_population_share():
    # before: the first percentage of the sentence (21.4%, a share of the adult population) was written as "the
    # buyer's current figure for referrals for people from Black, Asian, mixed or other minority ethnic groups",
    # and "missing data falls below 5%" as the buyer's target for those referrals
    kpi = next(st for st in S.kpis(POPULATION) if st.matter == "minority_referrals")
    assert kpi.baseline == "6.2%"
    assert kpi.text == ""


def test_one_roles_wte_is_no_workforce_minimum_and_the_buyers_staff_words_are_kept():
    # before: '18 WTE employment specialists' was read as the whole workforce ('a workforce of at least 18 WTE'), and
    # '54.0 WTE patient-facing staff' was said as 'a workforce of at least 54.0 WTE'
    text = ("The Authority requires a minimum of 18 WTE employment specialists. The Council also requires a minimum "
            "of 54.0 WTE patient-facing staff, of whom at least 9.0 WTE must be peer support workers.")
    got = {f.what: f.text for f in T.read_figures(text)}
    assert got["workforce"] == "54.0 WTE patient-facing staff"
    assert got["peer_workforce"] == "9.0 WTE peer support workers"
    assert not any("18" in f.text for f in T.read_figures("The Authority requires a minimum of 18 WTE employment "
                                                            "specialists."))


def test_a_caseload_ceiling_per_worker_is_not_the_people_open():
    # before: 'a maximum caseload of 30 people per full-time recovery worker' was read as 30 people open in the service
    text = ("Bidders must meet Section 7: supervision no less than monthly; a maximum caseload of 30 people per "
            "full-time recovery worker; and two staff on site whenever the haven is open.")
    assert not [f for f in T.read_figures(text) if f.what == "open"]
    assert [f.value for f in T.read_figures("The service has a caseload of around 1,150 people.") if f.what == "open"] \
        == [1150.0]


BUYER = ("C2 (d) The training all staff will complete in their first 12 weeks. Bidders should identify young people "
         "and begin planning with them from age 17. A first crisis plan must be agreed within 10 working days of "
         "first contact, and urgent referrals contacted within 4 hours.")


@pytest.mark.parametrize("ours, want, said", [
    ("All staff complete trauma-informed practice training in their first six months, and the clinical leads bring it "
     "into supervision.", "training in their first 12 weeks", ("six months", "12 weeks")),
    ("A recovery worker joins transition planning from the age of 17 and a half, with a joint meeting before they "
     "turn 18.", "planning from the age of 17,", ("age of 17 and a half", "age 17")),
    ("Each person writes a crisis plan with their recovery worker within four weeks of starting with the service.",
     "crisis plan with their recovery worker within 10 working days", ("four weeks", "10 working days")),
])
def test_our_weaker_timescale_or_later_age_is_said_as_the_buyers(ours, want, said):
    text, changed = fc.hold_to_buyer(ours, fc.standards(BUYER))
    assert want in text
    assert changed == [said]


@pytest.mark.parametrize("ours", [
    # routine first contact is not the urgent standard; a stricter one of ours stays; another thing's timescale stays
    "Our standard is a first contact within ten working days of referral.",
    "All staff complete the induction training in their first four weeks.",
    "A discharge summary goes to the person and their GP within five working days of the last contact.",
    # the buyer's own words, quoted, stay as they are
    "We will agree a first crisis plan within 10 working days of first contact with every person.",
])
def test_what_is_not_the_same_thing_or_not_weaker_is_left_as_it_is(ours):
    text, changed = fc.hold_to_buyer(ours, fc.standards(BUYER))
    assert (text, changed) == (" ".join(ours.split()), [])


def test_a_drafted_answer_says_the_buyers_training_timescale_and_tells_the_writer(demo_db):
    from evidencebot.compose.tender import assemble_tender

    question = """Question 5.2 - Workforce and training (500 words)

Describe your workforce plan. Your answer should cover:
(a) how you will recruit and retain staff;
(b) the training all staff will complete in their first 12 weeks, including trauma-informed practice."""
    answer = assemble_tender(demo_db, question, 500)
    body = answer.markdown
    assert "first six months" not in body  # before: the trauma-informed block's 'in their first six months'
    assert "trauma-informed practice training" in body  # the block is chosen: the assertions below are not vacuous
    assert "trauma-informed practice training in their first 12 weeks" in body
    assert any("the buyer's 12 weeks said where our method text says six months" in r.status
               for r in answer.coverage)
    assert not answer.findings


def test_how_often_in_the_first_weeks_is_no_deadline():
    # 'at least two contacts a week in the first two weeks' says how often, not by when: the buyer's 72 hours to first
    # contact does not replace it (s8 q03 and s11 q06 drafts, found by bench/figure_pairing.py)
    theirs = fc.standards("The provider must make contact within 72 hours of discharge.")
    ours = ("After the first contact, the recovery worker makes at least two contacts a week in the first two weeks, "
            "then one a week.")
    assert fc.hold_to_buyer(ours, theirs) == (ours, [])


def test_one_subject_given_two_timescales_in_one_answer_is_counted():
    answer = ("## Housing\n\nThe housing and money adviser sees every person whose housing is at risk within ten working "
              "days of it being identified.\n\nWhen a person tells us their home is at risk, the housing and money "
              "adviser meets them within five working days.\n")
    # the buyer's own '5 working days' for another thing does not hide our two timescales for one (before: every figure
    # of the same value as one of the buyer's was skipped)
    question = "Complaints must be acknowledged within 5 working days. Describe your housing support."
    assert len(fc.two_ways(answer, question)) == 1


def test_the_workforce_template_says_the_buyers_staff_words():
    # before: 'The specification asks for a workforce of at least 54 WTE' for the buyer's '54.0 WTE patient-facing staff'
    figs = T.read_figures("The Commissioners require a minimum of 54.0 WTE patient-facing staff, of whom at least 9.0 "
                          "WTE must be peer support workers.")
    values = T.template_values(T.compare(figs, {"team_wte": "14.0 WTE"}), figs, {"team_wte": "14.0 WTE"}, {})
    assert values["buyer_wte"] == "54 WTE patient-facing staff, including at least 9 WTE peer support workers"


def test_the_bench_counts_a_buyer_figure_said_of_another_measure():
    question = ("Across Brackenfold, 4.1% of the adult population are Black, Black British or of mixed heritage, but only "
                "2.3% of referrals. The Service Specification sets a minimum staffing level of 42 WTE across the Lot.")
    wrong = ("The buyer's current figure for referrals for people from Black, Asian, mixed or other minority ethnic groups "
             "is 4.1% (2025/26).\n\nThe specification asks for a workforce of at least 42 WTE.\n\n"
             "Our own targets are that 4.1% of our volunteers come from the area.")
    pairs = fc.restated(question, wrong)
    assert [(p.figure.text, p.right) for p in pairs] == [("4.1%", False), ("42 WTE", True)]
    right = "The buyer's current figure for referrals for people from these groups is 2.3% (2025/26)."
    assert [p.right for p in fc.restated(question, right)] == [True]


def test_a_kpi_column_for_a_period_is_said_by_its_end_and_onwards_as_from():
    # before: 'Year 1: Oct 2030–Mar 2031' was said 'by October 2030' and 'Year 3 onwards' as 'in Year 3' (s14 q10's
    # trajectory restated with the wrong date, contradiction A14)
    from evidencebot.compose import buyer_kpis as K

    table = """| Ref | Indicator | Baseline 2027/28 | Year 1: Apr–Sep 2030 | Year 1: Oct 2030–Mar 2031 | Year 2 (2031/32) | Year 3 onwards |
|---|---|---|---|---|---|---|
| KPI1 | Referrals seen within 15 working days | 41% | 55% | 70% | 85% | 90% |"""
    row = K.read(table)[0]
    assert row.steps == [("55%", "by September 2030"), ("70%", "by March 2031"), ("85%", "in Year 2"),
                         ("90%", "from Year 3")]


def test_our_month_is_longer_than_the_buyers_thirty_days():
    # session 17: the figure pairing counted a month as 30 days (the consistency check 30.4, the metrics 30.4375), so
    # 'within one month' met the buyer's 'within 30 days'; a 31-day month does not, so the buyer's standard is said
    buyer = fc.standards("A first crisis plan must be agreed within 30 days of first contact.")
    ours = "Each person agrees a crisis plan with their worker within one month of first contact."
    text, changed = fc.hold_to_buyer(ours, buyer)
    assert changed == [("one month", "30 days")]
    assert "within 30 days of first contact" in text


def test_a_sentence_is_parsed_once_and_only_its_figures_are_kept(monkeypatch):
    # session 17: figure_clauses kept an lru_cache(4096) of whole spaCy Docs for the app's lifetime; now it keeps the
    # figures read from them (frozen, so callers share them safely) and parses a sentence once
    import dataclasses

    parsed = []
    real = fc._doc

    def counting(sentence):
        parsed.append(sentence)
        return real(sentence)

    monkeypatch.setattr(fc, "_doc", counting)
    sentence = "Urgent referrals are contacted within 4 hours by a crisis worker (session 17, figure cache)."
    first, again = fc.figures(sentence), fc.figures(sentence)
    assert parsed == [sentence]
    assert first == again and [f.days for f in first] == [4 / 24]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[0].value = 5.0  # type: ignore[misc]
