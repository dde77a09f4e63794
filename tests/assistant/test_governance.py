"""Submitting, approving, withdrawing consent and reading the audit log in the conversation
(no UI): the same core calls as the command line, errors as replies."""

from __future__ import annotations

import pytest

from evidencebot.assistant import exporting
from evidencebot.assistant.actions import help_markdown
from evidencebot.assistant.conversation import Conversation
from evidencebot.assistant.governance import audit_filters
from evidencebot.assistant.intents import parse
from evidencebot.errors import InputError
from evidencebot.store import workflow
from evidencebot.store.db import connect


def act_as(home, name: str) -> None:
    """The settings user name (``[user] name``): who the app is working for."""
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'[user]\nname = "{name}"\n', encoding="utf-8")


@pytest.fixture
def conversation(evidence_db_path, isolated_home):
    act_as(isolated_home, "Ana Writer")
    return Conversation(evidence_db_path)


@pytest.mark.parametrize("text, name, argument, body", [
    ("/submit S0001", "submit_story", "S0001", ""),
    ("submit story T04 for approval", "submit_story", "T04", ""),
    ("/approve T04", "approve_story", "T04", ""),
    ("please approve story S-001", "approve_story", "S-001", ""),
    ("approve T04", "approve_story", "T04", ""),
    ("/approve", "approve_story", "", ""),
    ("/withdraw T01 phoned the team", "withdraw_consent", "T01", "phoned the team"),
    ("withdraw consent for T01: phoned the team", "withdraw_consent", "T01", "phoned the team"),
    ("withdraw consent for story st13-tenancy-winter because the person asked", "withdraw_consent",
     "st13-tenancy-winter", "the person asked"),
    ("consent withdrawn for T02", "withdraw_consent", "T02", ""),
    ("/audit", "audit", "", ""),
    ("/log T01 5", "audit", "T01 5", ""),
    ("show the audit log", "audit", "", ""),
    ("audit log for story T01", "audit", "T01", ""),
    ("who changed story T01?", "audit", "T01", ""),
])
def test_governance_requests_are_recognised(text, name, argument, body):
    intent = parse(text)
    assert (intent.name, intent.argument, intent.body) == (name, argument, body)


@pytest.mark.parametrize("text, name", [
    ("approve the draft", "unknown"), ("find stories about housing", "stories"),
    ("check this: we reduced admissions", "check"), ("submit", "unknown"),
])
def test_other_requests_are_not_taken_for_governance(text, name):
    assert parse(text).name == name


def test_the_spacy_reader_reads_them_the_same_way():
    class Matcher:  # a stand-in: governance requests never reach the matcher
        def classify(self, text):
            raise AssertionError("the matcher was asked")

    intent = parse("withdraw consent for T01: phoned the team", Matcher())
    assert (intent.name, intent.argument, intent.source) == ("withdraw_consent", "T01", "spacy")


def test_help_lists_the_new_commands():
    text = help_markdown()
    for command in ("/submit", "/approve", "/withdraw", "/audit"):
        assert f"| `{command}" in text


def test_submit_then_approve_needs_a_second_person(conversation, evidence_db_path, isolated_home):
    asked = conversation.respond("/submit T04")
    assert asked.ok and asked.payload["confirm"]["command"] == "/submit T04 confirm"
    assert asked.markdown.startswith("Submit story `T04` “A step-down that was not yet approved” for approval?")
    db = connect(evidence_db_path)
    assert workflow.get_story(db, "T04")["status"] == "draft"  # nothing changes until confirmed
    db.close()
    reply = conversation.respond("yes")
    assert reply.ok and "is **submitted** by **Ana Writer**" in reply.markdown
    refused = conversation.respond("/approve T04")
    assert not refused.ok and "approval needs a second person" in refused.markdown
    assert "`/approve T04`" in refused.markdown and "Traceback" not in refused.markdown
    waiting = conversation.respond("/approve")
    assert "`T04` “A step-down that was not yet approved” · submitted by Ana Writer (yours" in waiting.markdown
    act_as(isolated_home, "Ben Approver")
    asked = conversation.respond("approve story T04")
    assert asked.ok and asked.payload["confirm"]["command"] == "/approve T04 confirm"
    assert asked.markdown.startswith("Approve story `T04` “A step-down that was not yet approved”?")
    db = connect(evidence_db_path)
    assert workflow.get_story(db, "T04")["status"] == "submitted"  # nothing changes until confirmed
    db.close()
    approved = conversation.respond("yes")
    assert approved.ok and "is **approved** by **Ben Approver**" in approved.markdown
    assert "may now be used in documents that leave the service" in approved.markdown
    db = connect(evidence_db_path)
    row = workflow.get_story(db, "T04")
    db.close()
    assert (row["status"], row["submitted_by"], row["approved_by"]) == ("approved", "Ana Writer", "Ben Approver")
    assert conversation.state.story_id == "T04"


def test_approving_a_story_without_external_consent_says_it_still_cannot_be_used(conversation, isolated_home):
    conversation.respond("/submit T06 confirm")
    act_as(isolated_home, "Ben Approver")
    reply = conversation.respond("/approve T06 confirm")
    assert reply.ok and "still may not be used externally: no consent for external use" in reply.markdown


def test_submit_lists_drafts_and_refusals_are_replies(conversation):
    listing = conversation.respond("/submit")
    assert not listing.ok and "`T04`" in listing.markdown and "ready to submit" in listing.markdown
    unknown = conversation.respond("/submit nope1")
    assert not unknown.ok and "no story with id 'nope1'" in unknown.markdown
    draft = conversation.respond("/approve T06")
    assert not draft.ok and "submit it first" in draft.markdown


def test_withdrawing_consent_lists_the_documents_that_used_the_story(conversation, evidence_db_path, tmp_path):
    db = connect(evidence_db_path)
    exporting.export_story(db, "T01", tmp_path / "t01.docx")
    db.close()
    asked = conversation.respond("withdraw consent for T01: phoned the team")
    assert asked.payload["confirm"]["command"] == "/withdraw T01 confirm phoned the team"
    assert "it was used in 1 document" in asked.markdown
    reply = conversation.respond("yes")
    assert reply.ok and reply.intent == "withdraw_consent"
    md = reply.markdown
    assert md.startswith("### Consent withdrawn for `T01` “Leaving hospital with a key already in hand”")
    assert "Recorded by **Ana Writer**" in md and "Note: “phoned the team”" in md
    assert "**It was already used in 1 document:**" in md
    assert "**t01.docx** · story, exported" in md and f"`{tmp_path / 't01.docx'}`" in md
    assert reply.payload["documents"] == [str((tmp_path / "t01.docx").absolute())]
    # the story is out of every future export
    db = connect(evidence_db_path)
    try:
        assert "T01" not in [r["story_id"] for r in workflow.exportable_stories(db)]
        with pytest.raises(exporting.ExportRefused, match="consent was withdrawn"):
            exporting.export_story(db, "T01", tmp_path / "again.md")
        history = workflow.consent_history(db, "T01")
        assert history[-1]["event"] == "withdrawn" and history[-1]["note"] == "phoned the team"
    finally:
        db.close()
    again = conversation.respond("/withdraw T01")
    assert not again.ok and "already withdrawn" in again.markdown


def test_withdrawing_an_unused_story_says_no_document_used_it(conversation):
    reply = conversation.respond("/withdraw T02 confirm")
    assert reply.ok and "No document has used it." in reply.markdown


def test_the_audit_log_in_the_chat(conversation):
    conversation.respond("/submit T04 confirm")
    conversation.respond("/withdraw T02 confirm form returned")
    reply = conversation.respond("show the audit log")
    assert reply.ok and reply.intent == "audit"
    md = reply.markdown
    assert "| when (UTC) | who | what | changes |" in md
    assert "| Ana Writer | consent-withdrawn stories `T02` | consent: external -> none; documents: 0 |" in md
    assert "update stories `T04` | status: draft -> submitted" in md
    one = conversation.respond("/audit T04 1")
    assert one.payload["entries"] == 1 and "### Audit log — `T04`" in one.markdown
    exports = conversation.respond("/audit exports")
    assert exports.ok and exports.markdown == "No audit entries — `export`."
    bad = conversation.respond("/audit what?!")
    assert not bad.ok and "is not a story id" in bad.markdown


def test_audit_filters():
    assert audit_filters("") == {"limit": 20}
    assert audit_filters("for story T01 5") == {"limit": 5, "key": "T01"}
    assert audit_filters("stories since 2026-01-01") == {"limit": 20, "table": "stories", "since": "2026-01-01"}
    assert audit_filters("withdrawals") == {"limit": 20, "action": "consent-withdrawn"}
    with pytest.raises(InputError, match="one story id"):
        audit_filters("T01 T02")
    with pytest.raises(InputError, match="1 or more"):
        audit_filters("0")
