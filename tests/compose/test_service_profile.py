"""The service profile holds the facts panels ask for (named leads, WTE, provider status,
contract start, DSPT status, turnover), each stated once and used by the blocks (session 5)."""

from __future__ import annotations

from evidencebot.compose import tender as T
from evidencebot.compose.personnel import StaffAwareChecker, is_staff_name, staff_names
from evidencebot.store.blocks import PROFILE_FIELDS, get_profile, set_profile


def test_the_demo_profile_fills_every_field_and_the_blocks_use_them(demo_db):
    import re

    from evidencebot.compose import library as lib

    profile = get_profile(demo_db)
    assert set(PROFILE_FIELDS) <= set(profile), set(PROFILE_FIELDS) - set(profile)
    used = set()
    from evidencebot.compose import patterns

    # a pattern block's role slot ('{partner}') is filled with the buyer's named elements, not from the profile
    for b in patterns.ordinary(lib.list_blocks(demo_db, status="approved")):
        used |= set(re.findall(r"\{([a-z_]+)\}", b.body))
        text, missing = lib.fill(b.body, profile)
        assert not missing and "{" not in text, b.block_id
    assert {"service_manager", "safeguarding_lead", "caldicott_guardian", "team_wte", "contract_start",
            "dspt_status", "staff_turnover"} <= used


def test_named_questions_get_the_named_facts(demo_db):
    q = ("Please include:\n- the named individuals who will lead the service\n"
         "- your current Data Security and Protection Toolkit (DSPT) status\n"
         "- your team structure in whole time equivalents (WTE)\nMaximum 450 words.")
    answer = T.assemble_tender(demo_db, q)
    profile = get_profile(demo_db)
    for field in ("service_manager", "safeguarding_lead", "dspt_status"):
        assert profile[field] in answer.markdown, field
    assert profile["team_wte"].split(":")[0] in answer.markdown
    assert not answer.findings


def test_the_incumbent_never_writes_as_the_incoming_provider(demo_db):
    q = ("Mobilisation. Please cover: key milestones and dates; how you will transfer people currently "
         "supported without a break in their care; and how TUPE will apply. Maximum 600 words.")
    assert get_profile(demo_db)["provider_status"] == "incumbent"
    # our own commissioner's tender, as the bid team set it (a question naming no buyer claims no incumbency)
    answer = T.assemble_tender(demo_db, q, tender={"commissioner": get_profile(demo_db)["commissioner"]})
    text = answer.markdown.lower()
    assert "outgoing provider" not in text and "change of provider" not in text
    assert "current provider" in text and get_profile(demo_db)["contract_start"].lower() in text


def test_a_new_provider_gets_the_incoming_blocks(demo_copy):
    set_profile(demo_copy, {"provider_status": "new"})
    from evidencebot.compose import library as lib

    blocks = T.fits_provider(lib.list_blocks(demo_copy), get_profile(demo_copy))
    ids = {b.block_id for b in blocks}
    assert "caseload-transfer" in ids and "caseload-continuity-incumbent" not in ids


def test_only_the_profiles_staff_names_are_accepted():
    names = staff_names({"service_manager": "Dana Whitfield", "caldicott_guardian": "Dr Helen Achebe", "hours": "9-5"})
    assert names == ["Dana Whitfield", "Dr Helen Achebe"]
    assert is_staff_name("Dana Whitfield", names) and is_staff_name("Helen Achebe", names)
    assert not is_staff_name("Dana Smith", names) and not is_staff_name("Whitfield Dana", names)

    class Fake:
        def check_text(self, text, **kw):
            from evidencebot.language.findings import Finding

            return [Finding("privacy.person-name", "privacy", "error", "name", 0, 14, "Dana Whitfield"),
                    Finding("privacy.person-name", "privacy", "error", "name", 20, 30, "Jo Bloggs")]

    kept = StaffAwareChecker(Fake(), names).check_text("x")
    assert [f.match for f in kept] == ["Jo Bloggs"]


def test_check_with_the_database_accepts_named_staff_and_flags_others(demo_path, tmp_path):
    from click.testing import CliRunner

    from evidencebot.cli import cli

    draft = tmp_path / "a.md"
    draft.write_text("# A\n\nDana Whitfield is the service manager. We visited Jo Bloggs at home.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--db", str(demo_path), str(draft)])
    assert "Jo Bloggs" in result.output or "person-name" in result.output
    assert result.output.count("person-name") == 1, result.output


def test_the_editor_accepts_named_staff_as_check_with_the_database_does(demo_path, tmp_path):
    """The draft editor checks through ``assistant.checking.check(text, db_path)``: the same findings as
    ``evidencebot check --db`` on the same text (it flagged the profile's own staff before)."""
    import json

    from click.testing import CliRunner

    from evidencebot.assistant.checking import check
    from evidencebot.cli import cli
    from evidencebot.store.db import connect

    db = connect(demo_path)
    manager = get_profile(db)["service_manager"]
    db.close()
    text = f"{manager} is the service manager. We visited Jo Bloggs at home.\n"
    draft = tmp_path / "a.md"
    draft.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--db", str(demo_path), "--format", "json", str(draft)])
    by_cli = sorted((row["rule"], row["match"]) for row in json.loads(result.output))
    in_editor = sorted((f.rule, f.match) for f in check(text, db_path=demo_path).findings)
    assert in_editor == by_cli
    assert ("privacy.person-name", "Jo Bloggs") in in_editor
    assert not any(manager.split()[-1] in match for _, match in in_editor)
