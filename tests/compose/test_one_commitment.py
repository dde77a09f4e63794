"""One commitment per requirement per answer (issue 12, session 18).

A buyer requirement was committed to twice in one part: the context commitment "We will meet the requirement of the
Council for every worker to receive fortnightly ..." beside the requirement's template "Every worker will have
fortnightly ... as the specification sets".
"""

from __future__ import annotations

import re

PERIOD = "2025-10..2026-09"

QUESTION = ("## Question 4: Supervision and caseloads\n\nThe Council requires every worker to receive fortnightly "
            "one-to-one supervision of at least 60 minutes, and no recovery worker to hold a caseload of more than 30 "
            "people.\n\nPlease describe:\n\n1. How staff will be supervised and supported.\n2. How you will manage "
            "caseloads.\n\nMaximum 600 words.")


def test_a_requirement_the_answer_commits_to_is_committed_to_once(demo_copy):
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.store.blocks import set_profile

    # our supervision meets the buyer's: the requirement's template commits to it (no gap)
    set_profile(demo_copy, {"supervision_standard": "fortnightly one-to-one supervision of at least 60 minutes with "
                                                    "their team leader and monthly clinical supervision"})
    text = assemble_tender(demo_copy, QUESTION, period=PERIOD, check=False).markdown
    assert re.search(r"fortnightly one-to-one supervision of at least 60 minutes", text)
    said = [s for s in re.split(r"(?<=[.!?])\s+", text) if "fortnightly one-to-one supervision of at least 60" in s]
    assert len(said) == 1, said
    caps = [s for s in re.split(r"(?<=[.!?])\s+", text) if "caseload of more than 30" in s]
    assert len(caps) == 1, caps


def test_a_commitment_is_said_elsewhere_only_when_every_checkable_thing_of_it_is():
    from evidencebot.compose.commitments import Commitment, committed_elsewhere

    c = Commitment("We will meet the requirement ...", "The Council requires every worker to receive fortnightly "
                   "one-to-one supervision of at least 60 minutes.", "context")
    assert committed_elsewhere(c, ["fortnightly one-to-one supervision of at least 60 minutes"])
    assert not committed_elsewhere(c, ["monthly one-to-one supervision of at least 60 minutes"])
    assert not committed_elsewhere(Commitment("x", "The Council requires a named worker.", "context"), ["a named worker"])
