"""The establishment an answer offers is sized from the buyer's numbers, never our current team (issue 12, session 20).

s19's reader (tests/data/heldout/s19/panel/contradictions.md, spent: A19/B13): q08 says "The commissioners estimate the
service will need about 48 whole-time equivalent (WTE) staff" and "At least 20% of frontline posts must be peer support
roles", and asks for "your proposed staffing structure and skill mix, in WTE, for each locality"; the only structure our
answer gave was "In our current service, the funded establishment is 14.0 whole-time-equivalent posts ... peer support
workers 1.4" (about 17% of frontline). q01 names the localities and the caseload. The texts below are s19's, cut short.
"""

from __future__ import annotations

from evidencebot.compose import buyer_scale as bs
from evidencebot.compose.tender import assemble_tender

Q1 = """## Question 1 – Service Model and Access

### Background

There must be at least one community hub in each of the three localities: Wexmoor North, Wexmoor South and Tarnside.
The service expects around 1,150 referrals a year and an active caseload of about 620 people at any one time.

### Question

Describe your service model.
"""

Q8 = """## Question 8 – Workforce, Supervision and Lived-Experience Roles

### Background

The commissioners estimate the service will need about 48 whole-time equivalent (WTE) staff. At least 20% of frontline
posts must be peer support roles for people with lived experience of mental ill health.

### Question

Describe how you will recruit, develop and keep a skilled workforce for this service.

Your response should include:

- your proposed staffing structure and skill mix, in WTE, for each locality;
- your approach to staff wellbeing and retention.

Maximum 400 words.
"""

# our current team, as the demo's service profile states it (corpus/library/profile.yaml)
OURS = {
    "team_wte": "14.0 whole-time-equivalent posts: service manager 1.0, clinical leads 1.6 (two posts of 0.8), locality "
                "team leaders 2.0, recovery workers 7.0 (eight staff), peer support workers 1.4 (two staff), housing and "
                "money adviser 0.5 and data and quality officer 0.5",
    "capacity": "about 435 people at any one time: 7.0 WTE recovery workers at up to 55 each and two peer support workers "
                "at up to 25 each",
}


def test_our_roles_are_read_from_the_profile():
    assert bs.our_roles(OURS) == [("service manager", 1.0), ("clinical leads", 1.6), ("locality team leaders", 2.0),
                                  ("recovery workers", 7.0), ("peer support workers", 1.4),
                                  ("housing and money adviser", 0.5), ("data and quality officer", 0.5)]


def test_the_establishment_is_the_buyers_size_with_its_peer_share_and_localities():
    text = Q1 + Q8
    quantities = bs.read(text)
    est = bs.establishment(OURS, quantities, bs.locality_names(text))
    roles = dict(est.roles)
    assert est.total == 48.0 and round(sum(roles.values()), 1) == 48.0
    assert roles["service manager"] == 1.0  # one per service, however big
    frontline = roles["recovery workers"] + roles["peer support workers"] + roles["housing and money adviser"]
    assert roles["peer support workers"] / frontline >= 0.20  # the buyer's share, where ours is 1.4 of 8.9
    assert roles["clinical leads"] > 1.6 * 3 and roles["recovery workers"] > 7.0 * 3  # scaled, not our team
    assert [p for p, _ in est.by_locality] == ["Wexmoor North", "Wexmoor South", "Tarnside"]
    for role in ("recovery workers", "peer support workers", "clinical leads"):
        assert round(sum(dict(rs)[role] for _, rs in est.by_locality), 1) == roles[role]
    assert "48" in est.derived and "20%" in est.derived  # how it was derived, for the review copy


def test_without_a_workforce_figure_the_buyers_caseload_sizes_it():
    est = bs.establishment(OURS, bs.read(Q1), [])
    assert est.total == 20.0  # 14.0 WTE for our 435 people, scaled to the buyer's 620
    assert "620" in est.derived and not est.by_locality


def test_no_size_from_the_buyer_leaves_our_profile_alone():
    assert bs.establishment(OURS, bs.read("## Question 8\n\nDescribe your staffing structure.\n"), []) is None


def test_the_profile_the_blocks_fill_from_holds_this_contracts_establishment():
    text = Q1 + Q8
    out, notes = bs.adapt(dict(OURS), bs.read(text), other_buyer=True, localities=bs.locality_names(text))
    assert out["team_wte"].startswith("48.0 whole-time-equivalent posts for this contract: service manager 1.0")
    assert out["team_by_locality"].startswith("Wexmoor North: ")
    assert any(n.kind == "establishment" and "sized from the buyer's figures" in n.action for n in notes)


def test_the_answer_offers_the_buyers_establishment_not_our_current_team(demo_db, checker):
    answer = assemble_tender(demo_db, Q8, checker=checker, buyer_context=Q1)
    assert "48.0 whole-time-equivalent posts for this contract" in answer.markdown
    assert "14.0 whole-time-equivalent" not in answer.markdown
    assert "Wexmoor North: " in answer.markdown
    # the review copy says how it was derived, on the sentence that states it
    notes = [note for anchor, note in answer.to_export().writer_notes if "48.0 whole-time-equivalent" in (anchor or "")]
    assert notes and "sized from the buyer's figures" in notes[0] and "scaled by" in notes[0]


def test_the_team_holds_the_buyers_caseload_at_the_buyers_cap():
    """s17's reader: 'at least 260' people at no more than 18 each, where our 7.0 WTE recovery workers hold 126."""
    text = ("The service must hold an active caseload of at least 260 people at any one time. No recovery worker should "
            "hold a caseload of more than 18 people.")
    quantities = bs.read(text)
    assert {q.kind for q in quantities} >= {"open_caseload", "caseload_cap"}
    est = bs.establishment(OURS, quantities, [])
    assert dict(est.roles)["recovery workers"] >= 260 / 18
    assert "cap of 18" in est.derived
    out, _ = bs.adapt(dict(OURS), quantities, other_buyer=True)
    assert "whole-time-equivalent posts for this contract" in out["team_wte"]
