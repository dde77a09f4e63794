"""Question intake that keeps every ask (session-10 review, /work/coord/s10/review.md findings 4, 7, 8, 12, 13):
lists under labels that look like context, Part A / Part B questions, per-part word limits."""

from __future__ import annotations

from evidencebot.compose.questions import split_question


def _texts(question: str) -> list[str]:
    return [t for _, t in split_question(question)[1]]


def test_questions_under_an_information_or_background_label_are_asks_not_facts():
    """Review finding 4: 'Information sharing:' and 'Background checks and vetting:' over questions were read as
    context labels and their questions thrown away (2 of 4 sub-points kept); the next group's label was glued to
    the item before it ('... consent to share? Joint working')."""
    assert _texts("Partnership working. Please answer both parts.\n"
                  "Information sharing:\n"
                  "- How will you share information with the crisis team and GPs?\n"
                  "- How will you record consent to share?\n"
                  "Joint working:\n"
                  "- How will you hold joint reviews with the CMHT?\n"
                  "- Who will attend the monthly interface meeting?") == [
        "How will you share information with the crisis team and GPs?",
        "How will you record consent to share?",
        "How will you hold joint reviews with the CMHT?",
        "Who will attend the monthly interface meeting?"]
    assert _texts("Safer recruitment. Describe your recruitment process.\n"
                  "Background checks and vetting:\n"
                  "- how you carry out enhanced DBS checks and how often they are renewed\n"
                  "- how you check references and employment gaps\n"
                  "Retention:\n"
                  "- how you will keep staff turnover below 15%\n"
                  "- how you will support staff wellbeing") == [
        "how you carry out enhanced DBS checks and how often they are renewed",
        "how you check references and employment gaps",
        "how you will keep staff turnover below 15%",
        "how you will support staff wellbeing"]


def test_facts_under_a_background_label_beside_asks_stay_context():
    """The label still makes statements context (f3c4d45's case), only not questions."""
    assert _texts("Background information:\n"
                  "- The service received 1,200 referrals last year.\n"
                  "- About 40% of people referred were living in temporary accommodation.\n"
                  "Please address:\n"
                  "1. How you will manage demand\n"
                  "2. How you will support people with housing") == [
        "How you will manage demand", "How you will support people with housing"]
