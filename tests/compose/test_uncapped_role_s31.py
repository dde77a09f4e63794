"""A role the buyer names with no caseload cap holds no people in the establishment's arithmetic (issue 12, s31).

The s31 contradiction reader marked FIRM: the buyer's staffing table gave its carers' worker 'Not applicable' as a cap,
yet our establishment sentence counted that worker at the 20 set for peer support workers (the two names share
'support worker'), so the people the team could hold were over-stated. The buyer text here is written for this test.
"""

from evidencebot.compose import buyer_scale as bs

STAFFING = """\
About 300 people are open to the service at any one time.

| Role | Minimum WTE | Caseload cap per 1.0 WTE |
|---|---|---|
| Service Manager | 1.0 | Not applicable |
| Recovery Worker | 8.0 | 30 |
| Peer Support Worker | 3.0 | 15 |
| Family Support Worker | 1.0 | Not applicable |
"""

PROFILE = {"team_wte": "12.0 whole-time-equivalent posts: service manager 1.0, recovery workers 8.0, "
                       "peer support workers 2.0 and family support worker 1.0",
           "capacity": "up to 250 people at any one time"}


def _team(text: str) -> str:
    out, _ = bs.adapt(dict(PROFILE), bs.read(text), other_buyer=True, localities=[], current=PROFILE,
                      minimums=bs.role_minimums(text))
    return out.get("team_wte") or ""


def test_a_role_the_buyer_leaves_uncapped_takes_no_other_roles_cap():
    caps = [("Recovery Worker", 30.0), ("Peer Support Worker", 15.0)]
    assert bs._own_cap("Family Support Worker", caps) == 15.0  # (what happened: the nearest capped role's cap)
    assert bs._own_cap("Family Support Worker", caps, ["Family Support Worker", "Service Manager"]) is None
    assert bs._own_cap("peer support workers", caps, ["Family Support Worker"]) == 15.0


def test_the_establishment_arithmetic_leaves_the_uncapped_role_out():
    team = _team(STAFFING)
    assert "× 30" in team and "× 15" in team, team
    sums = team.split("hold up to")[1]
    assert "family support worker" not in sums.lower(), team
