"""A story is checked as `evidencebot check` checks a file (both families); personal data or an
empty part blocks submit and approve (chat and command line); the approver sees every finding;
a story with an empty part is never featured; consent changes are confirmed and undoable."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot.assistant.conversation import Conversation
from evidencebot.assistant.story_capture import check_story, submit_problems
from evidencebot.store import workflow
from evidencebot.store.db import connect
from evidencebot.store.search import save_story_draft

PARTS = {
    "title": "Back to the allotment",
    "context": "She moved to 14 Elm Road, Leeds LS6 2AB in March and stopped going out.",
    "support_approach": "A weekly plan agreed with her, with early warning signs written down.",
    "delivery": "Weekly visits; a check-in call after each GP appointment.",
    "evidence": "Our support eliminated her crisis admissions.",
}


def act_as(home, name: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'[user]\nname = "{name}"\n', encoding="utf-8")


@pytest.fixture
def story(evidence_db_path, isolated_home):
    act_as(isolated_home, "Ana Writer")
    db = connect(evidence_db_path)
    save_story_draft(db, "S0100", PARTS)
    db.close()
    return "S0100"


def test_the_story_checks_find_both_families_as_check_does():
    found = check_story(PARTS)
    privacy = {f.match for f in found["context"] if f.family == "privacy"}
    # an address with its postcode is one finding (privacy.full-address); (p27) the learned check's warning on the
    # sentence it scores over its threshold is reported over the address, beside it
    assert privacy == {"14 Elm Road, Leeds LS6 2AB",
                       "She moved to 14 Elm Road, Leeds LS6 2AB in March and stopped going out"}
    assert any(f.family == "overclaim" and f.match == "eliminated" for f in found["evidence"])
    problems = submit_problems({**PARTS, "delivery": " "})
    assert "Day-to-day delivery is empty" in problems
    assert any("“14 Elm Road, Leeds LS6 2AB” — personal data" in p for p in problems)


def test_personal_data_blocks_submit_in_the_chat_and_the_command_line(story, evidence_db_path):
    from evidencebot.cli import cli

    conversation = Conversation(evidence_db_path)
    reply = conversation.respond(f"/submit {story}")
    assert not reply.ok and "cannot be submitted yet" in reply.markdown and "14 Elm Road" in reply.markdown
    result = CliRunner().invoke(cli, ["stories", "submit", story, "--db", str(evidence_db_path)])
    assert result.exit_code == 2 and "LS6 2AB" in result.output
    db = connect(evidence_db_path)
    assert workflow.get_story(db, story)["status"] == "draft"
    save_story_draft(db, story, {"context": "She had stopped going out after a move in March."})
    db.close()
    assert conversation.respond(f"/submit {story}").payload["confirm"]["command"] == f"/submit {story} confirm"
    assert conversation.respond("yes").ok


def test_the_approver_sees_every_finding_and_personal_data_blocks_approval(story, evidence_db_path, isolated_home):
    conversation = Conversation(evidence_db_path)
    db = connect(evidence_db_path)
    save_story_draft(db, story, {"context": "She had stopped going out after a move in March."})
    db.close()
    assert conversation.respond(f"/submit {story} confirm").ok
    act_as(isolated_home, "Ben Approver")
    asked = conversation.respond(f"/approve {story}")
    assert asked.payload["confirm"]["command"] == f"/approve {story} confirm"
    assert "**The checker found" in asked.markdown and "“eliminated” — over-claiming" in asked.markdown
    # personal data added after submission: the text change resets it to draft, and approval is refused
    db = connect(evidence_db_path)
    db.execute("update stories set status = 'submitted', submitted_by = 'Ana Writer' where story_id = ?", [story])
    db.execute("update stories set delivery = 'Visits to 14 Elm Road' where story_id = ?", [story])
    db.execute("update stories set status = 'submitted', submitted_by = 'Ana Writer' where story_id = ?", [story])
    db.conn.commit()
    db.close()
    refused = conversation.respond(f"/approve {story} confirm")
    assert not refused.ok and "cannot be approved while it has" in refused.markdown and "14 Elm Road" in refused.markdown


def test_consent_needs_confirmation_and_undo_puts_it_back(evidence_db_path, isolated_home):
    act_as(isolated_home, "Ana Writer")
    conversation = Conversation(evidence_db_path)
    asked = conversation.respond("set consent for T06 to external")
    assert asked.markdown.startswith("Change the consent of story T06 “Stories without consent stay in the service” "
                                     "from none to external?")
    other = conversation.respond("/audit")  # any other message drops the question
    assert other.ok
    assert not conversation.respond("yes").ok
    conversation.respond("/consent T06 external")
    done = conversation.respond("yes")
    assert done.ok and "is now **external** (was none)" in done.markdown and "/undo" in done.markdown
    db = connect(evidence_db_path)
    assert workflow.get_story(db, "T06")["consent"] == "external"
    db.close()
    undone = conversation.respond("/undo")
    assert undone.ok and "back to none" in undone.markdown
    db = connect(evidence_db_path)
    assert workflow.get_story(db, "T06")["consent"] == "none"
    actions = [r[0] for r in db.execute("select action from audit_log where row_key = 'T06' order by audit_id")]
    db.close()
    assert actions[-1] == "undo"
    assert not conversation.respond("/undo").ok  # nothing left to undo


def test_a_story_with_an_empty_part_is_never_featured(evidence_db_path):
    from evidencebot.compose.gather import external_stories as exportable_stories

    db = connect(evidence_db_path)
    try:
        assert "T02" in [r["story_id"] for r in exportable_stories(db)]
        db.execute("update stories set context = '' where story_id = 'T02'")
        db.execute("update stories set status = 'approved', approved_by = 'Service manager', "
                   "approved_at = '2026-01-01' where story_id = 'T02'")
        db.conn.commit()
        assert "T02" not in [r["story_id"] for r in exportable_stories(db)]
        assert "'Context' is empty" in workflow.story_blockers(workflow.get_story(db, "T02"))
    finally:
        db.close()


# Names the rules find only with the language model's parse (a lower-case first name, an unusual
# full name): the story gate used the rules without the model and let them through.
NEEDS_THE_MODEL = ["i visited sarah at home and she seemed brighter.",
                   "emma williams has missed three sessions in a row."]


@pytest.mark.parametrize("sentence", NEEDS_THE_MODEL)
def test_the_story_gate_reports_the_personal_data_check_reports(sentence):
    from evidencebot.assistant.checking import check
    from evidencebot.assistant.story_capture import privacy_findings

    by_check = [(f.rule, f.start, f.end) for f in check(sentence).findings if f.family == "privacy"]
    assert by_check, "the sentence should hold a name check finds"
    assert [(f.rule, f.start, f.end) for f in privacy_findings(sentence)] == by_check
    problems = submit_problems({**PARTS, "context": sentence})
    assert any("personal data" in p and check(sentence).findings[0].match in p for p in problems)


def test_a_lower_case_name_blocks_submit_and_approval(story, evidence_db_path, isolated_home):
    from evidencebot.cli import cli

    db = connect(evidence_db_path)
    save_story_draft(db, story, {"context": "i visited sarah at home and she seemed brighter."})
    db.close()
    result = CliRunner().invoke(cli, ["stories", "submit", story, "--db", str(evidence_db_path)])
    assert result.exit_code == 2 and "sarah" in result.output
    db = connect(evidence_db_path)
    db.execute("update stories set status = 'submitted', submitted_by = 'Ana Writer' where story_id = ?", [story])
    db.conn.commit()
    db.close()
    act_as(isolated_home, "Ben Approver")
    refused = Conversation(evidence_db_path).respond(f"/approve {story} confirm")
    assert not refused.ok and "cannot be approved while it has" in refused.markdown and "sarah" in refused.markdown


GATED = "I visited Sarah Jones at 12 High Street, her NHS number is 943 476 5919."


@pytest.mark.parametrize("text", [
    "<!-- evidencebot off -->\n\n" + GATED,
    "<!-- evidencebot privacy=no -->\n\n" + GATED,
    "<div>" + GATED + "</div>",
])
def test_the_story_gate_cannot_be_switched_off_by_the_text(text):
    """The gate runs every privacy rule on the plain text: an inline switch or HTML around the
    words does not hide the personal data from it (review s8 item 2)."""
    from evidencebot.assistant.story_capture import privacy_findings

    rules = {f.rule for f in privacy_findings(text)}
    assert {"privacy.person-name", "privacy.street-address", "privacy.nhs-number"} <= rules
    assert any("personal data" in p for p in submit_problems({**PARTS, "context": text}))


def test_the_story_gate_ignores_the_users_disabled_rules(monkeypatch):
    """A user may switch privacy rules off for ``check``, not for the story gate (review s8 item 2)."""
    from evidencebot.assistant import checking
    from evidencebot.assistant.story_capture import privacy_findings
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    monkeypatch.setattr(checking, "_checker", Checker(CheckerSettings(disabled_rules=["privacy"])))
    assert not [f for f in checking.check(GATED).findings if f.family == "privacy"]
    rules = {f.rule for f in privacy_findings(GATED)}
    assert {"privacy.person-name", "privacy.street-address", "privacy.nhs-number"} <= rules


def test_the_story_form_s_check_path_finds_issue_15_s_new_privacy_kinds():
    """The story form runs check's checker (check_part) and its submit gate (privacy_findings): a labelled
    local id in a new format and a person singled out without a name are found there as by `check`."""
    row = {**PARTS, "context": "Case no. 77-1902-B - dad has asked that contact go through his solicitor.",
           "delivery": "One mum, a 29-year-old Roma mother of five in Hartcliffe, was evicted twice last year."}
    found = check_story(row)
    # (p25b) the learned check, shipped on, also reads the detail beside the id as a family's private matter
    # (p27) over the whole sentence, the id's finding beside it
    assert sorted((f.rule, f.match) for f in found["context"] if f.family == "privacy") == [
        ("privacy.learned-private-detail", "Case no. 77-1902-B - dad has asked that contact go through his solicitor"),
        ("privacy.local-patient-id", "77-1902-B")]
    assert {f.rule for f in found["delivery"] if f.family == "privacy"} - {
        "privacy.learned-private-detail"} == {"privacy.singling-out"}  # (p27) the check's warning beside it
    problems = submit_problems(row)
    assert any("77-1902-B" in p for p in problems) and any("Roma mother of five" in p for p in problems)


# p18 (issue 15): the kinds of personal data found this session, one sentence each; the story form (check_part and
# its submit gate), the draft editor (assistant.checking.check, which the editor screen calls) and `evidencebot
# check` must report the same privacy findings for each
P18_KINDS = [
    "He was admitted to the ward on 4 March 2025 after the overdose.",
    "The only deaf Estonian saddlemaker in Dentdale has started at the woodwork group.",
    "Welfare check at 11 Cromer Terrace, Spennymoor - the curtains were shut.",
    "The Nowaks' eldest daughter has been referred to the eating disorder team.",
    "'Chalky' turned up at the hostel again, said he has lost his phone.",
    "P.J. missed her depot and the pharmacy rang us.",
]


@pytest.mark.parametrize("sentence", P18_KINDS)
def test_the_story_form_the_editor_and_check_find_the_same_personal_data(sentence, tmp_path):
    import json

    from evidencebot.assistant.checking import check
    from evidencebot.assistant.story_capture import check_part, privacy_findings
    from evidencebot.cli import cli

    def spans(findings):
        return sorted((f.rule, f.start, f.end) for f in findings if f.family == "privacy")

    by_editor = spans(check(sentence).findings)
    assert by_editor, f"the checker should find personal data in {sentence!r}"
    assert spans(check_part(sentence)) == by_editor
    assert spans(privacy_findings(sentence)) == by_editor
    path = tmp_path / "draft.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    rows = [r for r in json.loads(result.output) if r["family"] == "privacy"]
    assert sorted((r["rule"], r["column"] - 1, r["end_column"]) for r in rows) == by_editor  # (1-based, end inclusive)
    assert submit_problems({**PARTS, "context": sentence})


def test_a_context_part_describing_the_persons_situation_has_no_over_claim_but_a_claim_in_the_story_does():
    """(story32) The Context part asks what was happening for the person when support began: the person's situation
    in the past, with no agent of ours and no change, is no claim (the learned scorer read these over its threshold);
    a claim written in the evidence part is still reported."""
    parts = {
        "title": "Finding a routine again",
        "context": ("The person had lost two jobs in a year and spent most weekends in bed. "
                    "He had been out of work since the factory closed and most of his savings had gone."),
        "support_approach": "A plan agreed with him: a GP, a weekly walk and a budget he could keep to.",
        "delivery": "A visit each Thursday and a call on Monday mornings.",
        "evidence": "After we started visiting, he stopped going to A&E altogether.",
    }
    found = check_story(parts)
    assert not [f for f in found["context"] if f.family == "overclaim"]
    assert "overclaim.learned-claim" in [f.rule for f in found["evidence"] if f.family == "overclaim"]
