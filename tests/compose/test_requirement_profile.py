"""A buyer requirement with a number or a frequency, against our own service profile (review s10 item 6).

On 30df92a the demo answer to "no recovery worker may hold a caseload of more than 30 people" committed to it
("No recovery worker will hold a caseload of more than 30 people, as the specification sets.") in the part that
then said "Caseloads are up to 55 people for each whole-time recovery worker", and listed the buyer's 30 as "people
open at any one time ... met" against our whole-service capacity of about 435; "fortnightly one-to-one supervision"
was committed to beside "monthly one-to-one managerial supervision". Each test here fails on that code."""

from __future__ import annotations

from evidencebot import locations
from evidencebot.compose import buyer_standards, buyer_terms

CASELOAD_Q = """Question 5 - Workforce (weighting 15%)

The Commissioners require that no recovery worker may hold a caseload of more than 30 people. Describe how you will manage caseloads and staffing. Your answer should cover: your staffing structure and caseload sizes; and how you will allocate new referrals.
(max. 500 words)"""

SUPERVISION_Q = """Question 6 - Supporting staff (weighting 10%)

The Council expects every worker to receive fortnightly one-to-one supervision of at least 60 minutes. Describe how you will supervise and support your staff, including clinical supervision and reflective practice.
(max. 400 words)"""


def _profile() -> dict:
    return locations.read_data_yaml("corpus", "library/profile.yaml", lambda path, data: dict(data)) or {}


def _one(text: str):
    found = [st for st in buyer_standards.requirements(text) if st.kind == "requirement"]
    assert len(found) == 1, found
    return found[0]


def test_a_requirement_is_compared_with_the_profile_field_it_concerns():
    profile = _profile()
    assert buyer_standards.profile_conflict(_one(CASELOAD_Q), profile) == "up to 55 people for each whole-time recovery worker"
    assert buyer_standards.profile_conflict(_one(SUPERVISION_Q), profile).startswith("monthly one-to-one")
    assert buyer_standards.profile_conflict(_one("Your governance board must meet at least monthly."), profile) == \
        "every quarter"
    # ours meets these: nothing to confirm
    for agrees in ("No practitioner may hold a caseload of more than 60 people.",
                   "No peer support worker may hold a caseload of more than 30 people.",
                   "Every worker is to receive monthly one-to-one supervision of at least 60 minutes.",
                   "Your governance board must meet quarterly."):
        assert buyer_standards.profile_conflict(_one(agrees), profile) == "", agrees


def test_a_per_worker_ceiling_is_not_the_number_of_people_open():
    assert not [f for f in buyer_terms.read_figures(CASELOAD_Q) if f.what == "open"]
    assert [f.value for f in buyer_terms.read_figures("The service has a caseload of about 700 people.")] == [700.0]


def test_the_answer_commits_to_the_buyers_caseload_cap_and_writes_a_gap_for_supervision(demo_db):
    # session 13 (issue 12): a caseload cap below ours is committed to, and our 55 is said nowhere (the fill profile
    # takes the buyer's cap: compose/buyer_scale.py); why, with our current figure, is in the comparisons. A
    # supervision frequency that differs is still a gap naming both.
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, CASELOAD_Q, today="2026-12-02")
    text = answer.markdown
    assert "No recovery worker will hold a caseload of more than 30 people" in text
    assert "55" not in text and "[To confirm]" not in text
    assert not any(c["label"] == "people open at any one time" for c in answer.comparisons)
    row = next(c for c in answer.comparisons if c["label"] == "caseload per practitioner")
    assert "55" in row["ours"] and "committed to the buyer's cap of 30" in row["status"]
    assert not answer.findings and not answer.tender_clashes

    answer = assemble_tender(demo_db, SUPERVISION_Q, today="2026-12-02")
    assert "will have fortnightly one-to-one supervision" not in answer.markdown
    gap = next(line for line in answer.markdown.splitlines() if line.startswith("[To confirm]"))
    assert "fortnightly" in gap and "monthly one-to-one managerial supervision" in gap
    assert not answer.tender_clashes  # the gap note itself states nothing


def test_our_weaker_supervision_standard_goes_and_the_answer_is_consistent(demo_copy, tmp_path):
    # with no supervision standard in the profile the requirement is committed to, and the supervision block's
    # "Supervision is monthly and one-to-one" beside it is caught by the library's consistency check
    from click.testing import CliRunner

    from evidencebot.cli import cli
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.store.blocks import set_profile

    # session 17 (m1, review finding 11): our weaker standard never stays beside the buyer's anywhere in the answer,
    # so the supervision block's "Supervision is monthly and one-to-one" now goes and the answer no longer
    # contradicts itself; the command says it is consistent. (The consistency check itself is held by
    # test_the_consistency_facts_read_caseload_and_supervision_both_ways and tests/compose/test_consistency.py.)
    set_profile(demo_copy, {"supervision_standard": ""})
    answer = assemble_tender(demo_copy, SUPERVISION_Q, today="2026-12-02")
    assert "Every worker will have fortnightly one-to-one supervision" in answer.markdown
    assert "Supervision is monthly and one-to-one" not in answer.markdown
    assert not answer.tender_clashes
    path = demo_copy.conn.execute("PRAGMA database_list").fetchone()[2]
    qfile = tmp_path / "q10.txt"
    qfile.write_text(SUPERVISION_Q, encoding="utf-8")
    out = CliRunner().invoke(cli, ["assemble", "tender", "--question-file", str(qfile), "--db", path],
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "NOT consistent" not in out.output and "stated differently" not in out.output


def test_the_consistency_facts_read_caseload_and_supervision_both_ways():
    from evidencebot.compose import consistency

    found = consistency.check_answers([
        ("a", "No recovery worker will hold a caseload of more than 30 people. Caseloads are up to 55 people for each "
              "whole-time recovery worker."),
        ("b", "Every member of staff has monthly one-to-one managerial supervision with their team leader."),
        ("c", "Every worker will have fortnightly one-to-one supervision of at least 60 minutes."),
        ("d", "[To confirm] The buyer requires \"weekly one-to-one supervision\"; our profile gives \"monthly\"."),
    ])
    labels = sorted(c.label for c in found)
    # (session 18: the two caseload facts of facts.yaml are one, read by structure, under caseload_cap's label; the
    # label was 'the most people one whole-time recovery worker holds', the second fact's)
    assert labels == ["how often workers have one-to-one supervision", "the caseload limit for each recovery worker"]
    assert not any(s.ref == "d" for c in found for s in c.statements)
