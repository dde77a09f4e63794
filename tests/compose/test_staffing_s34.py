"""Staffing answers add up to the buyer's table (session 34, issue 12).

s33 q10, spent: a table column counting some of a row's posts ('Of which Welsh-speaking') and an ask naming them
('including the 6.0 WTE Welsh-speaking practitioners') became 6.0 more posts, and our own model's roles went in with
the buyer's without a word: 40.6 WTE against the buyer's 24.0, said as 'meeting every staffing minimum'.
"""

import re

from evidencebot.compose import buyer_scale as bs

OURS = {
    "team_wte": "14.0 whole-time-equivalent posts: service manager 1.0, clinical leads 1.6 (two posts of 0.8), locality "
                "team leaders 2.0, recovery workers 7.0 (eight staff), peer support workers 1.4 (two staff), housing and "
                "money adviser 0.5 and data and quality officer 0.5",
    "role_purposes": "clinical leads: clinical review and supervision; housing and money adviser: benefits and debt advice",
}

# a made-up buyer, shaped as s33 q10's table is: a subset column between the minimum and the cap
GLYN = """Table 4.2 sets the minimum staffing. The total minimum establishment is 21.0 WTE.

| Role | Minimum WTE | Of which bilingual (Level 3 or above) | Caseload cap per 1.0 WTE |
|---|---|---|---|
| Service Manager | 1.0 | Desirable | Not applicable |
| Community Practitioners | 12.0 | 4.0 | 30 |
| Family Link Workers | 3.0 | 1.0 | 20 |
| Peer Support Workers | 3.0 | Desirable | 15 |
| Intake Officers / Administrators | 2.0 | 1.0 | Not applicable |

Describe how you will recruit to Table 4.2, including the 5.0 WTE bilingual practitioners.
"""


def _roles(text):
    return {m.role: m.wte for m in bs.role_minimums(text)}


def test_posts_within_the_table_roles_are_not_more_roles():
    roles = _roles(GLYN)
    assert sum(roles.values()) == 21.0, roles
    assert not any("bilingual" in r for r in roles), roles


def test_a_subset_named_in_prose_is_not_a_post():
    text = ("The Service must have at least 10.0 WTE Wellbeing Practitioners, 4.0 WTE Peer Support Workers, "
            "2.0 WTE Team Leaders and 1.0 WTE Service Manager, and a minimum of 6.0 WTE Welsh-speaking practitioners.")
    roles = _roles(text)
    assert set(roles) == {"wellbeing practitioners", "peer support workers", "team leaders", "service manager"}, roles


def test_including_a_named_post_in_a_role_cell_is_within_that_role():
    """s22b q05: 'Peer Support Workers, including a named Peer Support Lead (1.0 WTE) | at least 6.0 WTE' was read as a
    seventh post of 1.0 beside the 6.0."""
    table = ("| Role | Minimum staffing | Caseload cap |\n|---|---|---|\n"
             "| Recovery Workers | at least 12.0 WTE | no more than 25 people per 1.0 WTE |\n"
             "| Peer Support Workers, including a named Peer Support Lead (1.0 WTE) | at least 6.0 WTE | 12 |\n")
    roles = _roles(table)
    assert roles == {"recovery workers": 12.0, "peer support workers": 6.0}, roles
    assert bs.subsets_text(bs.role_subsets(table)) == "of these posts, at least 1.0 WTE will be a named Peer Support Lead"


def test_a_subset_column_whose_header_says_wte_is_no_minimum():
    table = ("| Role | Of which island-based WTE | Minimum WTE |\n|---|---|---|\n"
             "| Outreach Workers | 2.0 | 6.0 |\n| Team Leader | 1.0 | 1.0 |\n")
    assert {r.role: r.wte for r in bs.staffing(table)} == {"outreach workers": 6.0, "team leader": 1.0}


def test_the_bidders_own_column_is_no_minimum():
    table = ("| Role | Your proposed WTE | Minimum WTE |\n|---|---|---|\n"
             "| Recovery Workers | 9.0 | 14.0 |\n| Service Manager | 1.0 | 1.0 |\n")
    assert {r.role: r.wte for r in bs.staffing(table)} == {"recovery workers": 14.0, "service manager": 1.0}


def test_subsets_said_as_part_of_the_posts():
    said = bs.subsets_text(bs.role_subsets(GLYN))
    assert said.startswith("of these posts, at least 5.0 WTE will be bilingual practitioners;"), said
    assert "4.0 WTE of the community practitioners" in said and "will be bilingual (Level 3 or above)" in said, said


def _establishment(text):
    out, _ = bs.adapt(dict(OURS), bs.read(text), other_buyer=True, current=OURS, minimums=bs.role_minimums(text),
                      subsets=bs.role_subsets(text))
    return out["team_wte"], out.get(bs.DIFFERS, "")


def _listed(text):
    body = re.sub(r"\d+\.\d WTE", "", text.split(";")[0].split(":", 1)[1])
    return [(r.strip(), float(n)) for r, n in re.findall(r"(?:^|[,(]|\band)\s*(?:the\s+)?([a-z][a-z /'-]*?)\s+(\d+\.\d)\b",
                                                         body)]


def test_our_roles_are_said_as_added_to_the_buyers_and_the_parts_add_up():
    team, beside = _establishment(GLYN)
    total = float(team.split()[0])
    theirs, ours = re.findall(r"(\d+\.\d) WTE \(", team)
    assert abs(float(theirs) + float(ours) - total) < 0.05, team
    listed = _listed(team)
    assert abs(sum(n for _, n in listed) - total) < 0.05, (listed, team)
    # every role of the buyer's at its minimum or above, and ours after the words that say they are added
    for role, wte in _roles(GLYN).items():
        assert any(bs.same_role(role, r) and n >= wte for r, n in listed), (role, team)
    added = team.split("roles our model of care adds", 1)
    assert len(added) == 2 and "recovery workers 7.0" in added[1] and "recovery workers" not in added[0], team
    assert "bilingual practitioners" not in added[0].split("(", 1)[1], team  # no subset in the posts
    assert ". Of these posts, at least 5.0 WTE will be bilingual" in team, team
    assert "adds" in beside and "recovery workers" in beside, beside


def test_a_few_minimums_keep_the_establishment_as_it_was():
    """A buyer that sets a minimum or two sets out no establishment: our team is not 'added' to anything."""
    text = "The provider must employ at least 3.0 WTE Peer Support Workers."
    team, beside = _establishment(text)
    assert "adds" not in team and "peer support workers 3.0" in team, team


def test_a_minimum_cell_giving_some_of_its_posts_is_said_as_a_subset():
    """s27 q09: 'at least 18.0 WTE, of whom at least 4.0 WTE based in the South and West' was never said."""
    table = ("| Role | Minimum establishment | Caseload cap |\n|---|---|---|\n"
             "| Support Workers | at least 9.0 WTE, of whom at least 3.0 WTE based on the islands | 20 |\n")
    assert _roles(table) == {"support workers": 9.0}
    assert bs.subsets_text(bs.role_subsets(table)) == (
        "of these posts, at least 3.0 WTE of the support workers will be based on the islands")


def test_a_role_with_a_level_in_its_name_is_read():
    """s34 q10 (spent): 'DBI Level 2 Practitioner | 3.0' was dropped (a digit in the role's cell), so the answer left
    out 3.0 WTE of the buyer's posts and still said it met every minimum."""
    table = ("| Role | Minimum WTE | Caseload cap |\n|---|---|---|\n"
             "| Team Leader | 1.0 | 5 |\n| Band 6 Community Nurse | 2.5 | 20 |\n")
    assert _roles(table) == {"team leader": 1.0, "band 6 community nurse": 2.5}


def test_one_role_in_two_rows_told_apart_by_the_buyers_brackets():
    """s34 q10 (spent): 'Wellbeing Practitioner (mainland)' and '(island-based)' were read as one role, so the 2.0
    island posts and their own cap were lost."""
    table = ("| Role | Minimum WTE | Caseload cap |\n|---|---|---|\n"
             "| Support Worker (north coast) | 4.0 | 20 |\n| Support Worker (Isle of Rhum team) | 1.5 | 12 |\n"
             "| Service Manager (named lead) | 1.0 | n/a |\n")
    rows = {r.role: (r.wte, r.cap) for r in bs.staffing(table)}
    assert rows == {"north coast support worker": (4.0, 20.0), "Isle of Rhum team support worker": (1.5, 12.0),
                    "service manager": (1.0, None)}, rows
    assert sum(_roles(table).values()) == 6.5


def test_a_designated_or_bilingual_post_beside_other_roles_is_a_post():
    """Review, session 34: 'Designated' and 'Bilingual' read as a quality of some holders made these posts subsets of
    nothing, and the establishment lost them."""
    text = ("The provider must employ a minimum of 1.0 WTE Service Manager, 1.0 WTE Designated Safeguarding Lead, "
            "6.0 WTE Recovery Workers and 3.0 WTE Bilingual Support Workers.")
    assert sum(_roles(text).values()) == 11.0, _roles(text)


def test_a_cap_header_that_mentions_including_is_still_a_cap():
    """Review, session 34: 'Caseload cap (including bank staff)' was taken for a column counting some of the posts."""
    table = ("| Role | Minimum WTE | Caseload cap (including bank staff) |\n|---|---|---|\n"
             "| Recovery Worker | 8.0 | 25 |\n")
    assert [(r.role, r.wte, r.cap) for r in bs.staffing(table)] == [("recovery worker", 8.0, 25.0)]
    assert bs.role_subsets(table) == []
