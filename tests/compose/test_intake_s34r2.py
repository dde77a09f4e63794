"""Question intake, session 34 round 2 (issue 12 item 1), and the mobilisation block a new provider uses.

The question texts are written for these tests (a made-up coastal county), not copied from any buyer.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from evidencebot.compose.questions import parse_question
from evidencebot.compose.tender_profile import _P

ROOT = Path(__file__).resolve().parents[2]


def _texts(question: str) -> list[str]:
    return [t for _, t in parse_question(question).points]


def test_a_guidance_ask_about_how_duties_work_for_a_named_group_is_asked():
    text = (
        "Describe how you will keep adults at risk safe. Your response should include:\n\n"
        "- how staff will spot neglect and report it on the same day;\n"
        "- how you will train every new worker within 8 weeks.\n\n"
        "Bidders should describe how these duties work in practice for night staff, who may be working alone "
        "when a worry comes up.\n")
    texts = _texts(text)
    assert any("night staff" in t for t in texts)
    assert len(texts) == 3


def test_in_practice_with_nothing_named_after_it_is_still_how_to_write():
    text = (
        "Describe how you will keep adults at risk safe. Your response should include:\n\n"
        "- how staff will spot neglect and report it on the same day;\n"
        "- how you will train every new worker within 8 weeks.\n\n"
        "Bidders should describe what will happen in practice, for example who meets and how often.\n")
    assert not any("in practice" in t for t in _texts(text))


def test_helping_people_do_one_thing_and_another_is_one_ask():
    text = (
        "(a) Describe how you will spot money worries early.\n\n"
        "(b) Describe how you will help people stay in their flat and avoid falling into debt, including work with "
        "letting agents and benefits advice.\n")
    texts = _texts(text)
    assert len(texts) == 2
    assert "avoid falling into debt" in texts[1] and "stay in their flat" in texts[1]


def test_a_second_ask_naming_a_body_the_list_never_names_is_asked():
    text = (
        "Describe how you will reach older men who live alone, and how you will work with the Westmere Loneliness "
        "Action Network. Your answer should cover:\n\n"
        "- where you will meet older men, including clubs and allotments;\n"
        "- how staff will ask about low mood and respond; and\n"
        "- how you will support men after a bereavement.\n")
    texts = _texts(text)
    assert any("Westmere Loneliness Action Network" in t for t in texts)
    assert len(texts) == 4


def test_a_second_ask_the_list_spells_out_is_not_added():
    text = (
        "Describe how you will notice early signs of relapse, and how you will work with crisis teams when it "
        "happens. Please address:\n\n"
        "(i) how warning signs will be agreed with each person and written in their plan;\n"
        "(ii) how you will work with the crisis team, including joint reviews;\n"
        "(iii) how you will learn from repeat crises.\n")
    assert len(_texts(text)) == 3


def test_the_registration_contingency_block_does_not_write_as_the_current_provider():
    blocks = yaml.safe_load((ROOT / "corpus" / "library" / "blocks_more.yaml").read_text(encoding="utf-8"))
    items = blocks["blocks"] if isinstance(blocks, dict) else blocks
    body = next(b["body"] for b in items if b.get("id") == "cqc-registration-mobilisation")
    # the block is used by a provider that would be new: the provider leaving the service is the outgoing one
    assert "outgoing provider" in body
    assert _P.as_incumbent.search(" ".join(body.split())) is None


def test_a_confirmed_will_is_headed_by_what_is_done():
    from evidencebot.compose.questions import make_heading
    head = make_heading("confirm that you will pay the Foundation Living Wage to every care worker on the contract, "
                        "including agency staff", short=True)
    assert head.startswith("Paying the Foundation Living Wage")
    assert not head.lower().startswith("that you will")


def test_a_confirmation_of_two_wills_is_headed_by_the_first():
    from evidencebot.compose.questions import make_heading
    head = make_heading("that you will follow the county's joint safeguarding procedures, and will attend the "
                        "case meetings when invited")
    assert head == "Following the county's joint safeguarding procedures"


def test_a_second_gerund_keeps_its_with_phrase():
    from evidencebot.compose.questions import make_heading
    head = make_heading("how you will spot rent problems early and work with the Tenancy Sustainment and Lettings "
                        "Team, including a joint visit", short=True)
    assert not head.endswith("and working")
