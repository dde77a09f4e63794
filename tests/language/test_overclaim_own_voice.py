"""(oc28) A quote given to one of our leads by the job before the name is the provider speaking, so the over-claim
checks read it; other people's quoted words (a client's, a partner's) stay theirs and are left alone."""

from __future__ import annotations

import pytest

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker
from evidencebot.language.overclaim.voice import spoken_by_us


@pytest.fixture(scope="module")
def checker():
    return Checker(settings=CheckerSettings(), families=["overclaim"])


@pytest.mark.parametrize("text", [
    "'Our recovery café stops people ending up on the ward, full stop,' said manager Tasha Greer.",
    "'The drop in detentions across Eastmoor is down to what our outreach workers do every night,' said "
    "service director Owen Blake.",
    "Our founder Mina Sarr said: 'Our befriending scheme ends loneliness for older men in the valley.'",
    "'Our crisis team has cut A&E admissions across the county,' said manager Tasha Greer.",
])
def test_a_lead_quoted_by_job_is_our_claim(checker, text):
    assert any(f.family == "overclaim" for f in checker.check_text(text)), text


@pytest.mark.parametrize("text", [
    "'The group stops me ending up on the ward,' said one member who has come since March.",
    "'Our befriending scheme ends loneliness for older men in the valley,' said one man who joined in May.",
    "'Our crisis team has cut A&E admissions across the county,' said Tasha Greer, whose father uses it.",
    "A ward manager at the general hospital said, 'Your workers always stop people going back in.'",
    "'The drop in detentions is down to what your outreach workers do,' said director of public health Dr Iqbal.",
    "'I hope we have played a part, alongside the GPs and the council,' said manager Tasha Greer.",
])
def test_other_people_quoted_stay_theirs_and_hedged_leads_pass(checker, text):
    assert not [f for f in checker.check_text(text) if f.family == "overclaim"], text


def test_the_speaker_is_read_from_the_job_before_the_name():
    text = "'We fixed it,' said manager Tasha Greer. 'We fixed it,' said Tasha, who uses the service."
    first, second = (0, len("'We fixed it,'")), (text.index("'We", 5), text.index("'We", 5) + len("'We fixed it,'"))
    assert spoken_by_us(text, first) and not spoken_by_us(text, second)
