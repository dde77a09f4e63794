"""A capitalised document name is a name, not a promised outcome (session 27, oc27, issue 15).

"We will follow the <area> Transfer of Care and Discharge Policy" was read by the guarantee rule as a promised
outcome ('follow' is one of its outcome verbs: "recovery will follow") because the name holds words that are
outcomes ("Recovery", "Discharge", "Care"). Following a named document is a process, with or without a version.
Sentences written for this test.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported as _rules


@pytest.mark.parametrize("text", [
    "We will follow the Pellbridge Transfer of Care and Discharge Policy v4.2 for the life of the contract.",
    "We will follow the Pellbridge Transfer of Care and Discharge Policy.",
    "We will follow the Norfield Recovery and Wellbeing Policy.",
    "We will follow the Adult Mental Health Recovery Pathway v3.0 from the first day.",
    "We will follow the NHS Safe Discharge and Recovery Protocol (2025).",
])
def test_following_a_named_document_is_no_promised_outcome(overclaim_checker, text):
    assert not _rules(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    # the same verbs with an outcome, or a name that ends on one, stay promises
    "Everyone who joins the group will recover.",
    "We will transform the Mental Health Outcomes of Norfield residents.",
])
def test_a_promised_outcome_is_still_flagged(overclaim_checker, text):
    assert _rules(overclaim_checker, text), text
