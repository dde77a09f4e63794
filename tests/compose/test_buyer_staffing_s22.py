"""The buyer's minimum staffing and caseload caps read by their structure, in any layout (issue 12, session 22).

s21 q08 set them out as a table ('Role | Minimum staffing | Caseload cap', cells 'at least 14.0 WTE', 'no more than 25
people per 1.0 WTE'): no cap was read, so the workforce answer kept 'caseloads up to 55 people for each whole-time
recovery worker' under a heading about keeping within the caps (a firm contradiction). The sentences below are ours.
"""

import re

import pytest

from evidencebot.compose import buyer_scale as bs

TABLE_COLUMNS_REORDERED = """\
**Table 4.2: Staffing the service must keep**

| Caseload cap (per 1.0 WTE) | Post | WTE required | Notes |
|---|---|---|---|
| Holds no caseload | Operations Manager (named lead) | 1.0 | Single point of contact |
| 30 people | Recovery Worker | at least 11.0 | Community based |
| – | Clinical Lead: registered nurse or social worker, Band 7 | 1.0 WTE | Clinical governance |
| no more than 9 people | Mental Health Nurses | 3.5 WTE | Step-up cases |
"""

LIST_ITEMS = """\
The new service must be staffed as follows from the first day of the contract:

- Recovery workers: at least 16.0 WTE, each holding no more than 22 people
- Peer support workers – minimum 5.0 WTE; caseload of no more than 10 each
- Team Leader: 1.0 WTE (no caseload)
- 2.0 WTE housing advisers, with no more than 35 people per 1.0 WTE
"""

PROSE = ("The Council requires at least 12.5 WTE recovery workers, each with a caseload of no more than 28 people, and "
         "at least 4.0 WTE peer support workers, who may hold up to 14 people each. Employment specialists must be "
         "staffed at no fewer than 2 WTE. The current provider employs 9.0 WTE recovery workers. Peer support workers made "
         "up 6.5 WTE last year.")


def _rows(text):
    return {r.role: (r.wte, r.cap) for r in bs.staffing(text)}


def test_a_table_is_read_by_its_header_words_in_any_column_order():
    rows = _rows(TABLE_COLUMNS_REORDERED)
    assert rows["recovery worker"] == (11.0, 30.0)
    assert rows["mental health nurses"] == (3.5, 9.0)
    assert rows["operations manager"] == (1.0, None)  # '(named lead)' and 'Holds no caseload' read as no cap
    assert rows["clinical lead"] == (1.0, None)  # the cell's words after ':' are no part of the role


def test_list_items_give_each_role_its_own_minimum_and_cap():
    rows = _rows(LIST_ITEMS)
    assert rows["recovery workers"] == (16.0, 22.0)
    assert rows["peer support workers"] == (5.0, 10.0)  # the cap after ';' is the same item's
    assert rows["team leader"] == (1.0, None)
    assert rows["housing advisers"] == (2.0, 35.0)  # '35 people per 1.0 WTE': the WTE is what the cap is per


def test_prose_caps_go_with_the_role_of_their_own_clause():
    rows = _rows(PROSE)
    assert rows["recovery workers"] == (12.5, 28.0)
    assert rows["peer support workers"] == (4.0, 14.0)
    assert rows["employment specialists"] == (2.0, None)
    assert all(w not in (9.0, 6.5) for w, _ in rows.values())  # the staff now set no minimum


@pytest.mark.parametrize("text", [TABLE_COLUMNS_REORDERED, LIST_ITEMS, PROSE], ids=["table", "list", "prose"])
def test_every_layout_gives_the_minimums_and_a_cap_for_each_role(text):
    mins = {m.role: m.wte for m in bs.role_minimums(text)}
    caps = next(q.roles for q in bs.read(text) if q.kind == "caseload_cap")
    assert len(caps) >= 2 and all(n < 40 for _, n in caps), caps
    for role, (wte, _) in _rows(text).items():
        assert wte is None or mins.get(role) == wte, (role, mins)


def test_ours_above_the_caps_is_said_at_each_roles_cap_and_the_establishment_meets_every_minimum():
    profile = {"caseload": "up to 55 people for each whole-time recovery worker and up to 25 for each peer support "
                           "worker",
               "team_wte": "14.0 whole-time-equivalent posts: service manager 1.0, recovery workers 7.0 and peer "
                           "support workers 1.4"}
    out, notes = bs.adapt(profile, bs.read(LIST_ITEMS), other_buyer=True, minimums=bs.role_minimums(LIST_ITEMS))
    assert "55" not in out["caseload"] and "22 people for each recovery worker" in out["caseload"], out["caseload"]
    assert "10 for each peer support worker" in out["caseload"]
    # session 34: where the buyer sets out its establishment role by role, its roles are said apart from ours added
    assert out["team_wte"].startswith("25.0 whole-time-equivalent posts for this contract: the specification's "), \
        out["team_wte"]
    assert "each at or above its minimum" in out["team_wte"], out["team_wte"]
    roles = dict(re.findall(r"([a-z][a-z ]+?) (\d+\.\d)", out["team_wte"].split(":", 1)[1]))
    assert float(roles["recovery workers"]) >= 16.0 and float(roles["housing advisers"]) >= 2.0, roles


WORKFORCE_QUESTION = """\
# Question 5: Staffing

**Table 5.1: Minimum staffing and caseload caps**

| Role | Minimum staffing | Caseload cap |
|---|---|---|
| Operations Manager (named lead) | 1.0 WTE | Holds no caseload |
| Recovery workers | at least 12.0 WTE | no more than 20 people per 1.0 WTE |
| Peer support workers | at least 5.0 WTE | no more than 10 people per 1.0 WTE |
| Harlow House night workers | at least 6.0 WTE | key worker to no more than 3 residents |

Please describe:

(a) how you will recruit staff to meet the minimums in Table 5.1 before the service starts;

(b) how you will keep caseloads within the caps in Table 5.1.

Maximum 400 words.
"""


@pytest.fixture(scope="module")
def workforce(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    return assemble_tender(demo_db, WORKFORCE_QUESTION, checker=checker)


def test_the_workforce_answer_states_the_establishment_and_keeps_within_every_cap(workforce):
    text = workforce.markdown
    # session 34: the buyer's roles, each at or above its minimum, said apart from the roles our model adds
    team = re.search(r"whole-time-equivalent posts for this contract: the specification's \w+ roles, each at or above "
                     r"its minimum, (.+?)\.(?:\s|$)", text)
    assert team, text
    # a role named by its place takes its article ('the Harlow House night workers 6.0'; w23b)
    roles = {r: float(n) for r, n in re.findall(r"(?:^|, | and |\()(?:the )?([A-Za-z][A-Za-z ]+?) (\d+\.\d)(?!\d* WTE)",
                                                team.group(1))}
    assert roles.get("recovery workers", 0) >= 12.0 and roles.get("peer support workers", 0) >= 5.0, roles
    assert roles.get("Harlow House night workers", 0) >= 6.0, roles  # the place's name kept as the buyer writes it
    assert not re.search(r"\b(?:2[1-9]|[3-9]\d) (?:people )?for each (?:whole-time )?recovery worker", text), text
    assert "20 people for each recovery worker" in text and "10 for each peer support worker" in text, text
    assert workforce.checked and not workforce.findings, workforce.findings
