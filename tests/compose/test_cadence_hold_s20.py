"""The buyer's review schedules held to our text without garbling it or reaching the wrong matter (issue 12; lead, s20).

The s20 panel read "reviews each one every 12 weekseekseekseeks" in an answer about data sharing agreements: two of
the buyer's facts (the recovery plan's review "at least every 12 weeks", said in two questions) clashed with the same
words "every year", each replacement was made at offsets the first had moved, and the matter matched on one stem
('inform' from 'information governance' and 'inform reviews of the plan'). Fails on merge20 before this change.
"""

from __future__ import annotations

from evidencebot.compose import buyer_facts as bf

BUYER = ("Current targets are: initial assessment within 10 working days of referral (90%); and recovery plan reviewed "
         "at least every 12 weeks (95%).\n\n"
         "Describe how DIALOG and ReQoL-10 scores will be used to inform reviews of the plan at least every 12 weeks.\n\n"
         "KPI 4: recovery plan reviewed at least every 12 weeks – 95%")


def _facts():
    return [f for f in bf.read(bf.sources(BUYER)) if f.kind == "cadence"]


def test_one_replacement_where_two_facts_clash_with_the_same_words():
    ours = "Each recovery plan is reviewed with the person every year."
    out, clashes = bf.hold(ours, _facts())
    assert clashes, "our yearly review of the recovery plan misses the buyer's 12 weeks"
    assert out == "Each recovery plan is reviewed with the person every 12 weeks."


def test_a_review_of_another_matter_is_not_held_to_the_recovery_plans_schedule():
    ours = ("The head of information governance keeps a register of the agreements, reviews each one every year and "
            "signs any change with the partner before it takes effect.")
    assert bf.hold(ours, _facts()) == (ours, [])
