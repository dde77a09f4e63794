"""Which of the buyer's named places are ours to run, and which target is which KPI's (issue 12, session 22).

s21 (contradictions 1 and 2, firm): the buyer said "The provider will run Ferncliffe House, ..." and five answers
called it a partner ("our named link with the Ferncliffe House: they attend its meetings"); and "The buyer's target
for people contacted within 72 hours of discharge is 90%" took KPI 8's figure from the same sentence (KPI 6 is 85%).
The sentences below are ours.
"""

from evidencebot.compose import buyer_standards as bst
from evidencebot.compose import tender_profile as tp

HEADED = """\
**Places the successful provider will run**

| Place | Address | Opening |
|---|---|---|
| Elmfield Step-Up House (6 beds) | 4 Elm Row | 24 hours a day |
| Quarry Lane Wellbeing Hub | Quarry Lane | Monday to Friday |

**Services run by partners (not part of this contract)**

- Harrowgate Safe Haven, run by Ouse Valley Mind, open 6pm to 11pm
- Millbrook Crisis House, run by the Trust
"""

PROSE = ("The provider will run Tolland House, Westby (5 rooms, staffed around the clock) and two hubs: Westby "
         "Wellbeing Hub (High Street) and Carrow Wellbeing Hub (Station Road). The provider does not run the Ashdown "
         "Crisis House, and will work with the Brackley Safe Haven.")


def _ours(text):
    return [n for n, _ in tp.base_names(text)]


def test_places_under_a_heading_that_says_the_provider_runs_them_are_ours_and_partners_are_not():
    ours = _ours(HEADED)
    assert "the Elmfield Step-Up House" in ours and "the Quarry Lane Wellbeing Hub" in ours, ours
    assert not any("Harrowgate" in n or "Millbrook" in n or n == "the Place" for n in ours), ours


def test_a_will_run_sentence_gives_every_place_it_lists_and_none_it_does_not_run():
    ours = _ours(PROSE)
    assert ours[:3] == ["the Tolland House", "the Westby Wellbeing Hub", "the Carrow Wellbeing Hub"], ours
    assert not any("Ashdown" in n or "Brackley" in n for n in ours), ours


def test_the_place_kind_is_read_from_the_heading_over_its_row():
    assert tp.place_kind("Elmfield Step-Up House", HEADED) == "run"
    assert tp.place_kind("Harrowgate Safe Haven", HEADED) == ""


def _targets(text):
    return {st.matter: st.text for st in bst.kpis(text)}


def test_two_targets_in_one_sentence_each_go_with_their_own_measure():
    text = ("Commissioners expect step-down referrals to be offered a place within 3 working days (target 80%, KPI 4), "
            "and follow-up contact within 72 hours of discharge from hospital (target 92%, KPI 7).")
    assert _targets(text).get("discharge_followup_72h") == "92%"


def test_a_kpi_table_target_is_the_same_rows_in_any_column_order():
    text = """\
| Target | Indicator | Source |
|---|---|---|
| 97% | Referrals screened within 1 working day | Case records |
| 88% | People contacted within 72 hours of discharge from an inpatient ward | Ward discharge to contact |
| 100% | Safeguarding concerns raised with the local authority within 1 working day | Log |
"""
    targets = _targets(text)
    assert targets.get("discharge_followup_72h") == "88%", targets
    assert targets.get("safeguarding_24h") == "100%", targets
