"""Issue 18, defect 6 (second half): changing ``[user] name`` in config.toml
let the same person approve their own story. The app now records the
computer (OS) account behind every writing, submitting and approving action;
an approval from the account that wrote or submitted the story is refused,
whatever name the settings give, unless ``[governance] shared_account = true``
says the team shares one login (then the approval is recorded as "same
account" in the audit log and ``doctor`` reports it). The first tests failed
on the code before.

The test suite fakes one account per declared name (tests/conftest.py,
``accounts_follow_names``) so that tests acting as two people in one process
keep working; the tests here put the real account back.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot.store import audit, workflow
from evidencebot.store.search import save_story_draft

from .conftest import FOUR_PARTS


@pytest.fixture
def real_account(monkeypatch):
    """The account is the real OS account, whatever name the settings give."""
    monkeypatch.setattr(audit, "account_of", lambda user: audit.os_account())


def config(home, name, *, shared=None):
    folder = home / "config"
    folder.mkdir(parents=True, exist_ok=True)
    text = f'[user]\nname = "{name}"\n'
    if shared is not None:
        text += f"\n[governance]\nshared_account = {'true' if shared else 'false'}\n"
    (folder / "config.toml").write_text(text, encoding="utf-8")


@pytest.fixture
def submitted(tmp_path, isolated_home, real_account):
    """S0001 written and submitted by Ana Writer (config name), in a database file."""
    from evidencebot.cli import cli

    path = tmp_path / "svc.db"
    config(isolated_home, "Ana Writer")
    from evidencebot.store.db import connect

    db = connect(path)
    save_story_draft(db, "S0001", FOUR_PARTS)
    db.close()
    result = CliRunner().invoke(cli, ["stories", "submit", "S0001", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_renaming_yourself_does_not_let_you_approve_your_own_story(submitted, isolated_home):
    from evidencebot.cli import cli
    from evidencebot.store.db import connect

    config(isolated_home, "Ben Approver")  # the same person, a new name
    result = CliRunner().invoke(cli, ["stories", "approve", "S0001", "--db", str(submitted)])
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    assert "same computer account" in lines[0] and "shared_account" in lines[0]
    db = connect(submitted)
    row = workflow.get_story(db, "S0001")
    assert row["status"] == "submitted" and not row["approved_by"]
    db.close()


def test_a_shared_account_approval_is_allowed_recorded_and_reported(submitted, isolated_home):
    from evidencebot.cli import cli
    from evidencebot.store.db import connect

    config(isolated_home, "Ben Approver", shared=True)
    runner = CliRunner()
    result = runner.invoke(cli, ["stories", "approve", "S0001", "--db", str(submitted)])
    assert result.exit_code == 0, result.output
    assert "same computer account" in result.output  # said, not hidden
    db = connect(submitted)
    assert workflow.get_story(db, "S0001")["approved_by"] == "Ben Approver"
    entries = [e for e in audit.recent(db, table="stories", limit=None) if e.action == "same-account"]
    assert entries and entries[0].key == "S0001"
    db.close()
    doctor = runner.invoke(cli, ["doctor", "--db", str(submitted)])
    assert "same account" in doctor.output and "S0001" in doctor.output


def test_the_writer_cannot_approve_what_a_colleague_submitted(tmp_path, monkeypatch):
    """Ana's account wrote the story, Ben's submitted it: Ana's account cannot approve it under any name."""
    from evidencebot.store.db import connect

    acting = {"account": "ana-login"}
    monkeypatch.setattr(audit, "account_of", lambda user: acting["account"])
    db = connect(tmp_path / "a.db", user="Ana Writer")
    save_story_draft(db, "S0001", FOUR_PARTS)
    acting["account"] = "ben-login"
    audit.set_user(db, "Ben Approver")
    workflow.submit_story(db, "S0001")
    acting["account"] = "ana-login"
    audit.set_user(db, "Cara Other")
    with pytest.raises(Exception, match="same computer account"):
        workflow.approve_story(db, "S0001")
    acting["account"] = "dev-login"
    audit.set_user(db, "Dev Colleague")
    assert workflow.approve_story(db, "S0001")["approved_by"] == "Dev Colleague"
    db.close()


def test_drafts_follow_the_same_rule(tmp_path, real_account):
    from evidencebot.store.db import connect

    db = connect(tmp_path / "d.db", user="Ana Writer")
    draft_id = db["drafts"].insert({"kind": "tender", "title": "Answer", "body": "Some text.",
                                    "created_by": "Ana Writer"}).last_pk
    workflow.submit_draft(db, draft_id)
    audit.set_user(db, "Ben Approver")
    with pytest.raises(Exception, match="same computer account"):
        workflow.approve_draft(db, draft_id)
    db.close()


def test_the_account_is_the_kernel_uid_not_the_environment(monkeypatch):
    import os

    before = audit.os_account()
    monkeypatch.setenv("USER", "someone-else")
    monkeypatch.setenv("LOGNAME", "someone-else")
    assert audit.os_account() == before
    if hasattr(os, "getuid"):
        assert f"uid {os.getuid()}" in before


def test_answer_blocks_follow_the_same_rule(tmp_path, isolated_home, real_account):
    """The method library's four eyes: a block submitted as Ana cannot be approved by the same account as Ben."""
    from evidencebot.compose import library
    from evidencebot.errors import InputError
    from evidencebot.store.db import connect

    db = connect(tmp_path / "b.db", user="Ana Writer")
    block = library.add_block(db, "Weekly visits", "We visit each person every week and agree the next step.")
    library.submit_block(db, block)
    audit.set_user(db, "Ben Approver")
    with pytest.raises(InputError, match="same computer account"):
        library.approve_block(db, block)
    assert library.get_block(db, block).status == "submitted"
    db.close()
