"""Blind evaluation read in the buyer's usual words (issue 12; s19 brief, s18 panel sheets, spent).

The s18 scorers marked "Blind evaluation breach: the bidder name is in the running header of every page; Q6 also
names an individual ('Priya Raman')". The anonymous mode existed, but was switched on only by 'evaluated blind',
'anonymised responses' or 'must not identify the bidder': the common 'Responses are evaluated anonymously' and its
kin left it off. Fails on before19 (each sentence below read as no request).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evidencebot.compose.anonymity import asked
from tests.compose.test_question_forms import _docx_text

ASKS = ["Responses are evaluated anonymously.", "Quality responses will be evaluated anonymously by the panel.",
        "The quality evaluation is anonymous.", "Evaluation of the quality questions will be anonymous.",
        "Bidders must not include their organisation's name, logo or staff names in their responses.",
        "Do not include any information that would identify your organisation.",
        "Answers will be marked anonymously.", "This question is evaluated on an anonymised basis.",
        "Your response must not contain anything that identifies you as the bidder.",
        "The panel will evaluate responses blind.", "Responses must be anonymous.",
        "Quality submissions are assessed without knowledge of the bidder's identity.",
        "Remove all references to your organisation name."]
# what a question says about people's anonymity, not the bidder's
NOT_ASKS = ["Feedback is collected anonymously.", "Staff can report concerns anonymously.",
            "Include an anonymised case study.", "We will provide anonymised employee liability information.",
            "People can give feedback through an anonymous survey.", "Case studies must be anonymised.",
            "Evaluators will assess how you will analyse anonymised data.",
            "Assessment of risk is anonymous where the person asks.", "Surveys are marked anonymously by staff."]


@pytest.mark.parametrize("sentence", ASKS)
def test_the_buyer_asks_for_blind_evaluation(sentence):
    assert asked(sentence)


@pytest.mark.parametrize("sentence", NOT_ASKS)
def test_anonymity_of_people_is_not_a_request_for_a_blind_answer(sentence):
    assert not asked(sentence)


def test_s18_safeguarding_answer_names_no_bidder_and_no_staff_member_when_evaluated_anonymously(demo_db, checker,
                                                                                              tmp_path):
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.compose.word import render_docx
    from evidencebot.store.blocks import get_profile

    q06 = Path(__file__).parents[1] / "data/heldout/s18/questions/q06.md"
    question = q06.read_text(encoding="utf-8").replace(
        "### Question", "Responses are evaluated anonymously.\n\n### Question", 1)
    answer = assemble_tender(demo_db, question, checker=checker)
    assert answer.anonymous
    path = tmp_path / "q06.docx"
    path.write_bytes(render_docx(answer.to_export()))
    text = _docx_text(path)
    profile = get_profile(demo_db)
    for name in (profile["provider"], "Harbour Lane", profile["service"], profile["safeguarding_lead"],
                 profile["service_manager"], profile["clinical_lead"]):
        assert name not in text, name
    assert "safeguarding lead" in text.lower() and len(text.split()) > 300  # the answer is there, by role
