"""Say only what the number supports (issue 12, session 30).

Four ways a generated answer said a figure the buyer's text does not support: the buyer's own baseline rewritten to one
of its targets, a buyer's figure sentence printed with no figure in it, our routine first contact held to the buyer's
urgent timescale, and a go-live step written under a review dated months after go-live. The questions below are built
small for these tests.
"""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import buyer_facts, buyer_mobilisation, buyer_standards
from evidencebot.compose.tender import Section, Unit, _hold_to_buyer_facts

KPI_TABLE = """## Question 3 - Physical health

### Key performance indicators

| KPI | Measure | Target | Reporting |
|---|---|---|---|
| KPI 4 | People on the caseload supported to complete an annual physical health check | 80% from 1 April 2029 | Quarterly |

### Question

Describe how you will support people to have their annual physical health check.
"""

BASELINE = "The buyer's figure for the share who completed an annual physical health check is 49% (2024/25)."


def test_the_buyers_own_baseline_is_not_read_as_a_missed_target():
    facts = buyer_facts.read(KPI_TABLE)
    assert [(f.kind, f.value) for f in facts] == [("target", "80%")]
    # the buyer's figure for a measure is where things stand, not a target we said wrongly
    assert buyer_facts.check(BASELINE, facts) == []
    # a target of ours said against the buyer's is still held to it
    ours = "The buyer's target for people supported to complete an annual physical health check is 70%."
    assert [c.said for c in buyer_facts.check(ours, facts)] == ["70%"]


def test_the_sentence_giving_the_buyers_figure_is_never_rewritten(monkeypatch):
    # however a fact of the buyer's reads against it, the buyer's own figure said as the buyer's stays as it is;
    # a sentence of ours is still held to the fact
    target = buyer_facts.BuyerFact("target", "KPI 4", "80%", "KPI 4 ; annual physical health check ; 80%", "Q3")
    clash = buyer_facts.Clash(target, "49%", BASELINE, "answer", 0, 0, "80%")
    monkeypatch.setattr(buyer_facts, "hold", lambda text, facts: (text.replace("49%", "80%"), [clash]))
    theirs = Unit(text=BASELINE, refs=["buyer:figure"])
    ours = Unit(text="We expect 49% of people to have completed their check by the end of the first year.",
                refs=["block:physical-health"])
    sec = Section(point=SimpleNamespace(key="a", label="a"), units=[theirs, ours])
    _hold_to_buyer_facts([sec], [target])
    assert theirs.text == BASELINE and theirs.kept
    assert "80%" in ours.text


def test_a_measure_with_neither_a_target_nor_a_baseline_is_no_standard():
    # the sentence names the measure's matter, but its share is of the concerns' kinds, not of concerns dealt with in
    # time: there is no figure for the answer to say
    text = ("In 2024/25 the borough's safeguarding hub received 2,140 adult safeguarding concerns, of which 31% "
            "involved financial abuse.")
    assert [st for st in buyer_standards.kpis(text) if not st.text and not st.baseline] == []
    assert all(st.text or st.baseline for st in buyer_standards.read(text) if st.kind == "kpi")


def test_an_urgent_timescale_holds_only_the_clause_that_names_its_matter():
    urgent = buyer_standards.read("Urgent referrals must be contacted within 24 hours.")
    assert [st.matter for st in urgent] == ["urgent_contact"]
    ours = ("Each referral is screened by a duty lead within three working days, and we offer everyone accepted a first "
            "appointment within 10 working days of referral.")
    # session 36: screening every referral is its own act, never held to the buyer's urgent-contact time (s35 panel:
    # 'within 1 working day' in one answer, 'two working days' in another); a screening time of the buyer's holds it
    assert buyer_standards.hold(ours, urgent) == (ours, [])
    screening = buyer_standards.read("All referrals must be screened within 24 hours of receipt.")
    held, changed = buyer_standards.hold(ours, screening)
    # the routine first appointment beside it keeps its own time
    assert changed == [("within three working days", "within 24 hours")]
    assert "first appointment within 10 working days of referral" in held


def test_a_milestone_after_go_live_does_not_take_go_lives_steps():
    opening = set(buyer_mobilisation.steps("Service go-live"))
    assert opening  # the start has steps of its own
    for later in ("Review three months after go-live", "Post go-live review with commissioners",
                  "Check-in following the service start"):
        said = buyer_mobilisation.steps(later)
        assert said and not set(said) & opening, later
    # a review before the start keeps its own steps
    assert buyer_mobilisation.steps("Readiness review (go/no-go)") != buyer_mobilisation.steps("Post go-live review")
