"""(oc38, issue 15) Attribution and money claims that kept missing on fresh sets, read by structure:

* caused-change: a changed outcome as the subject, with a service given as its cause by a phrase or clause of
  cause on the verb ("... came down as a result of ...", "... owing to ...", "... because our ... did ..."), a
  passive of causing, changing or linking ("were produced by", "has been reduced by", "can be credited to"), a verb
  of origin ("came from", "follow from"), a verb of showing the service's effect ("reflects the success of"), or
  the credit for a change that belongs to us;
* money-claim: a multiple of the money put in ("five times its grant", "three times what they spend", "three times
  that"), an amount something is worth to someone else, and a service that covers its own costs.

Every sentence here is new (written for these tests, not taken from a dev or held-out set).
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported

CAUSED = "overclaim.caused-change"
MONEY = "overclaim.money-claim"


@pytest.mark.parametrize("text,rule", [
    ("Falls among the residents of Hazel Court dropped as a direct result of our balance classes.", CAUSED),
    ("Anxiety scores in the Year 10 group improved over the term owing to the allotment project.", CAUSED),
    ("Missed hospital appointments dropped because our drivers took people to them.", CAUSED),
    ("Complaints from neighbours went down because our tenancy officers visited each flat.", CAUSED),
    ("Lower use of seclusion on Rowan Ward was brought about by the sensory workshops.", CAUSED),
    ("Loneliness among the widowers has been reduced by the Thursday walking group.",
     (CAUSED, "overclaim.causal-outcome")),
    ("Shorter stays on the acute ward were caused by the Homeward Bound scheme.", (CAUSED, "overclaim.attribution")),
    ("Fewer repeat visits to the emergency department came from our frequent attender service.",
     (CAUSED, "overclaim.attribution")),
    ("The fall in school exclusions across the valley reflects the impact of our family mentors.", CAUSED),
    ("Quicker discharges from Elm Ward follow from our bridging team's home visits.", CAUSED),
    ("Most of the credit for the shorter waiting list belongs to the duty team we set up.",
     (CAUSED, "overclaim.credit-claim")),
    ("Much of the drop in repeat referrals can be credited to the peer callers we trained.", CAUSED),
    ("Every grant-maker who backs the toy library gets back four times what it puts in.", MONEY),
    ("Our debt clinic brings in roughly seven times its grant in unclaimed benefits.", MONEY),
    ("The warm hub costs £9,000 a year and saves the health centre three times that in appointments.", MONEY),
    ("The men's group is worth £40,000 a year to the practice in consultations it no longer needs.", MONEY),
    ("After eighteen months the recovery house more than covers its costs through fewer admissions.", MONEY),
])
def test_a_claim_of_these_kinds_is_flagged(text, rule, overclaim_checker):
    # (a rule that another reports first defers to it: either is the claim read)
    wanted = {rule} if isinstance(rule, str) else set(rule)
    assert rules_reported(overclaim_checker, text) & wanted, rules_reported(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    # a cause that is a problem, an outside event or someone else's; a person, not a figure
    "Attendance at the choir dropped because of the rail strike.",
    "Referrals fell over the summer owing to the school holidays.",
    "Waiting times went up because of staff sickness in March.",
    "Our Saturday sessions were cut by the county council in the spring.",
    "Maureen came back to the choir because of the new evening time.",
    # shared credit, a hedge, a denial
    "Anxiety scores improved over the term, partly owing to the allotment project.",
    "Anxiety scores may have improved owing to the allotment project.",
    "Loneliness among the widowers was not reduced by the walking group.",
    # a passive with no change; a draft withdrawn
    "The newsletters were delivered by our volunteers on Sunday.",
    "A line about 'transformed lives' in an earlier draft was taken out because we could not back it up.",
    # multiples, worth and costs that are no claim of return
    "We run twice as many groups as we did in 2022.",
    "The hall is worth booking early in December.",
    "The raffle takings cover the cost of the Christmas lunch.",
])
def test_a_near_miss_passes(text, overclaim_checker):
    assert not rules_reported(overclaim_checker, text) & {CAUSED, MONEY}, rules_reported(overclaim_checker, text)
