"""A block or story placed under a part answers what the part is about, not only its topic (issue 12 item 4, s32).

The s31 panel and the lead's reading found blocks lifted into parts by a shared topic word while the coverage row
called the part covered: a block for seasonal workers in shared houses under 'Reaching seasonal workers on holiday
parks', the SMI health-check recall block under 'Helping people register with a GP', the safe haven's operating block
under 'run sessions at Seaview Medical Centre', a benefits-sanction story under 'Making payments without affecting
members' welfare benefits', the Gypsy, Roma and Traveller engagement block under a breakdown of outcome data by
locality, age, sex ... and Gypsy, Roma or Traveller identity. Each now goes, and the part shows its honest gap."""

from __future__ import annotations

from evidencebot.compose import groups, library, partfit
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question


def _block(db, block_id):
    return next(b for b in library.list_blocks(db, status="approved") if b.block_id == block_id)


def test_the_head_of_an_ask_stops_at_its_first_detail_or_clause():
    assert partfit.head("Describe how you will reach seasonal workers on holiday parks, including outside standard "
                        "working hours") == "reach seasonal workers on holiday parks"
    assert partfit.head("Making payments without affecting members' welfare benefits") == "Making payments"


def test_another_place_under_the_same_group_does_not_answer(demo_db):
    hmo = _block(demo_db, "seasonal-workers-shared-houses")
    why = partfit.misfit("Reaching seasonal workers on holiday parks", hmo)
    assert why == ("seasonal-workers-shared-houses is about shared houses; the part asks about holiday parks")
    # the same block answers the place it was written for
    assert partfit.misfit("Reaching seasonal workers living in shared houses", hmo) is None


def test_another_activity_under_the_same_topic_words_does_not_answer(demo_db):
    checks = _block(demo_db, "health-check-recall-list")
    assert "registering with a GP" in (partfit.misfit("Helping people register with a GP", checks) or "")
    assert partfit.misfit("Supporting people with SMI to take up their annual physical health check", checks) is None


def test_another_service_is_not_our_sessions_at_a_surgery(demo_db):
    haven = _block(demo_db, "safe-haven-we-run")
    assert partfit.misfit("Running sessions at Seaview Medical Centre", haven) is not None
    assert partfit.misfit("Running a safe haven as an alternative to A&E", haven) is None


def test_a_named_partner_is_not_answered_by_a_block_about_other_partners(demo_db):
    plans = _block(demo_db, "plans-shared-care-coordinator-gp")
    assert "Tideway Recovery" in (partfit.misfit("Working with Tideway Recovery", plans) or "")
    assert partfit.misfit("Working with GP practices", plans) is None


def test_a_named_measure_must_be_named(demo_db):
    results = _block(demo_db, "outcome-results-in-supervision")
    ask = "Using the UCLA 3-item Loneliness Scale results to review each person's support"
    assert "UCLA" in (partfit.misfit(ask, results) or "")
    assert partfit.misfit("Using outcome results with the person", results) is None


def test_a_story_must_speak_of_the_activity_or_example_asked_for():
    sanction = "Keeping calm through a benefits sanction. A. received a letter stopping part of their benefits."
    assert partfit.story_misfit("Making payments without affecting members' welfare benefits", sanction)
    assert partfit.story_misfit("How the group will influence decisions, with at least one example of a change you "
                                "have made elsewhere because of co-production",
                                "Sorting out a medication gap: the GP moved the prescription") is not None
    assert partfit.story_misfit("Supporting people with debt and benefits", sanction) is None


def test_breakdown_dimensions_are_not_the_groups_a_part_asks_about():
    ask = ("Breaking down outcome data by locality, age, sex, ethnicity, veteran status and Gypsy, Roma or Traveller "
           "identity")
    assert groups.asked(ask) == frozenset()
    assert groups.asked("Building trust with Gypsy, Roma and Traveller communities")


def test_the_parts_show_their_honest_gap_not_a_lifted_block(demo_db):
    q = ("5.3 Seasonal workers (maximum 300 words)\n\nAbout 3,000 seasonal workers live and work on holiday parks "
         "between March and October. Many are not registered with a GP.\n\nDescribe how you will reach seasonal "
         "workers on holiday parks, including outside standard working hours, and how you will help people "
         "register with a GP.")
    plan = plan_question(q, 300)
    methods = T.choose_methods(demo_db, plan, today="2026-10-01")
    placed = {b.block_id for m in methods.values() for b in m.blocks}
    assert not {"seasonal-workers-shared-houses", "health-check-recall-list"} & placed, placed
    left = " ".join(w for m in methods.values() for w in m.left_out)
    assert "holiday parks" in left and "registering with a GP" in left, left


def test_a_head_that_opens_a_list_of_activities_does_not_hold_every_block_to_its_first(demo_db):
    # 'Recruiting, training, supervising and supporting peer support workers': a supervision block answers the part
    # though it never says 'recruit'
    ask = "Recruiting, training, supervising and supporting peer support workers"
    assert partfit.listed(ask)
    supervision = type("B", (), {"block_id": "x", "title": "Supervision for peer support workers", "tags": [],
                                 "body": "Each peer support worker has monthly supervision with a clinical lead."})()
    assert partfit.misfit(ask, supervision) is None
    assert partfit.misfit("Checking in when working alone", supervision) is not None


def test_an_activity_word_inside_a_name_asks_for_nothing(demo_db):
    # 'the Vale Outreach Van' is a van, not outreach; 'Keeping staff safe' is not keeping staff in post
    lone = _block(demo_db, "lone-working")
    assert partfit.misfit("Keeping staff safe when working alone in the Ambrey Vale and on the Vale Outreach Van",
                          lone) is None


def test_a_list_of_verbs_or_of_what_else_is_asked_is_a_list():
    assert partfit.listed("how you will recruit, train, supervise and offer career progression to peer support workers")
    assert partfit.listed("Recruiting the Lived Experience Panel, paid, supported and given real influence")
    assert not partfit.listed("Breaking down outcome data by locality, age, sex and ethnicity")
    assert not partfit.listed("reach seasonal workers on holiday parks, including outside standard working hours")


def test_a_prom_placeholder_may_be_the_measure_asked_for(demo_db):
    # the profile's outcome measure fills {prom}: a block written with it answers 'Collecting ReQoL-10 and DIALOG'
    # (s29 q10), never a loneliness scale that is no PROM
    plan = type("B", (), {"block_id": "x", "title": "Paired scores", "tags": [],
                          "body": "Each person completes {prom} at the start and at each review."})()
    assert partfit.misfit("Collecting ReQoL-10 and DIALOG with each person", plan) is None
    assert partfit.misfit("Using the UCLA 3-item Loneliness Scale results to review support", plan) is not None


def test_pay_under_recruiting_and_retaining_is_not_held_to_say_recruit(demo_db):
    # s28 panel (scorer2 line 54): the Real Living Wage read as part of recruitment and retention
    assert partfit.misfit("Recruiting and retaining staff", _block(demo_db, "real-living-wage")) is None
    # involving people who use the service in recruiting is co-production as well as recruiting
    assert partfit.misfit("Involving people who use the Service in recruiting staff",
                          _block(demo_db, "service-design-coproduction")) is None


def test_a_block_naming_no_measure_may_describe_collecting_the_one_asked_for(demo_db):
    assert partfit.misfit("Collecting ReQoL-10 and DIALOG with each person", _block(demo_db, "paired-scores-plan")) is None


def test_lived_experience_names_who_not_an_activity(demo_db):
    ask = "how sessional peer workers and volunteers with lived experience will be paid at least the Real Living Wage"
    assert partfit.misfit(ask, _block(demo_db, "real-living-wage")) is None
