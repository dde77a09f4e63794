"""The buyer's named requirements (issue 12, session 7): read from the question, listed in the
coverage with the part that mentions them or 'no block mentions it', used in matching."""

from __future__ import annotations

from evidencebot.compose import tender as T
from evidencebot.compose.requirements import mentions, read_requirements

OUTCOMES = (
    "Question 3.4 – Outcomes\n\nHow will you measure and report outcomes?\n\n"
    "Your response should cover: the outcome measures you will use; how you will achieve paired scores; and how "
    "you will submit data to the Mental Health Services Data Set (MHSDS).\n\nMax. 4,000 characters including spaces.\n"
    "Weighting: 10%\n\nGuidance for bidders: The Commissioners expect DIALOG and/or ReQoL-10 to be used as the primary "
    "PROM, and a plan to reach at least 50% of people discharged having a paired score by the end of Year 1. "
    "Evaluators will look for an understanding of the Data Quality Maturity Index.")


def _names(question, **kw):
    return [r.name for r in read_requirements(question, **kw)]


def test_measures_targets_and_indices_named_in_the_guidance_are_read():
    reqs = read_requirements(OUTCOMES)
    names = [r.name for r in reqs]
    assert "DIALOG or ReQoL-10" in names and "MHSDS" in names and "Data Quality Maturity Index" in names, names
    targets = [r for r in reqs if r.kind == "target"]
    assert len(targets) == 1 and "50%" in targets[0].name, names
    assert not any("10%" in n or "4,000" in n for n in names), names  # the weighting and the limit are not requirements


def test_routes_trainings_and_approaches_are_read_and_furniture_is_not():
    q = ("SECTION 3 – QUALITY QUESTIONS\n\nQ3.3 Risk\n\nDescribe the escalation process out of hours, including NHS 111 "
         "option 2. Your training programme should include the Oliver McGowan Mandatory Training on Learning "
         "Disability and Autism. Explain how you apply Think Family and refer to MARAC. Attach your plan as "
         "Appendix 4 (see Section 2.4 of the ITT). Maximum 750 words. Weighting: 10%")
    names = _names(q)
    assert any(n.startswith("NHS 111") and "2" in n for n in names), names
    assert any("Oliver McGowan" in n for n in names) and "Think Family" in names and "MARAC" in names, names
    assert not any(n.upper() == n and " " in n for n in names), names  # no shouted title
    assert not any(n.startswith(("Appendix", "Section", "ITT")) for n in names), names


def test_the_parties_are_not_requirements():
    q = "Describe how you will work with Riverside Borough Council and Harbour Lane Trust under the Care Act 2014."
    names = _names(q, known=["Riverside Borough Council", "Harbour Lane Trust"])
    assert names == ["Care Act 2014"], names


def test_either_alternative_meets_a_requirement_and_a_target_needs_its_figure():
    reqs = {r.name: r for r in read_requirements(OUTCOMES)}
    assert mentions(reqs["DIALOG or ReQoL-10"], "We use ReQoL-10 at every review.")
    assert not mentions(reqs["DIALOG or ReQoL-10"], "We use SWEMWBS at every review.")
    target = next(r for r in reqs.values() if r.kind == "target")
    assert mentions(target, "We plan for 50% paired by the end of the first year.")
    assert not mentions(target, "We plan for most people to be paired.")
    assert mentions(reqs["Data Quality Maturity Index"], "our DQMI score is reviewed monthly")


def test_the_answer_lists_each_requirement_with_the_part_that_mentions_it_or_says_none_does(demo_db, checker):
    a = T.assemble_tender(demo_db, OUTCOMES, period="2025-10..2026-09", checker=checker)
    listed = {r["name"]: r for r in a.requirements}
    assert set(listed) >= {"DIALOG or ReQoL-10", "MHSDS"}, listed
    for name, r in listed.items():
        req = next(x for x in read_requirements(OUTCOMES) if x.name == name)
        said = mentions(req, a.markdown)
        assert bool(r["part"]) == said, (name, r, said)  # never claims a mention the answer does not make
    table = a.coverage_table()
    assert "The buyer names" in table
    for name, r in listed.items():
        line = next(ln for ln in table.splitlines() if ln.startswith(f"- {name}:"))
        assert ("not in this answer" in line) == (not r["part"]), line


def test_a_block_that_names_the_required_measure_ranks_first(demo_db):
    from evidencebot.compose.questions import plan_question

    plan = plan_question(OUTCOMES)
    first = T.choose_methods(demo_db, plan)[plan.points[0].key].blocks[:1]
    text = " ".join(b.title + " " + " ".join(b.tags) + " " + b.body for b in first)
    assert first and ("DIALOG" in text or "ReQoL" in text or "{prom}" in text), [b.block_id for b in first]


def test_a_gap_names_what_the_buyer_asked_for():
    from evidencebot.compose.requirements import Requirement

    line = T.gap_note([Requirement(name="Op COURAGE", kind="name", sentence="")])
    assert line == "The buyer names Op COURAGE; no block mentions it."


def test_a_requirement_is_found_however_the_block_words_it():
    reqs = {r.name: r for r in read_requirements(
        "Describe escalation out of hours, including NHS 111 option 2, referrals to MARAC and learning from "
        "Safeguarding Adults Reviews.")}
    route = next(r for n, r in reqs.items() if n.startswith("NHS 111"))
    assert mentions(route, "Out of hours, people call NHS 111 and choose option 2 for the crisis line.")
    assert not mentions(route, "Out of hours, people call NHS 111.")
    assert mentions(reqs["MARAC"], "we refer to the multi-agency risk assessment conference")
    assert mentions(reqs["Safeguarding Adults Reviews"], "the lead reads each Safeguarding Adults Review")


def test_an_acronym_is_not_met_by_any_words_that_happen_to_share_its_initials():
    reqs = {r.name: r for r in read_requirements(
        "Describe how you will learn from SARs, work with the local PCN and keep your DSPT status. "
        "Explain how you will report against the WPR.")}
    assert not mentions(reqs["SARs"], "Staff are required to read every policy.")
    assert not mentions(reqs["PCN"], "People can now refer themselves.")
    assert not mentions(reqs["DSPT"], "Data security policies temper every project.")
    assert not mentions(reqs["WPR"], "We plan reviews with people and their families.")
    assert mentions(reqs["SARs"], "the lead reads every SAR")  # the acronym itself still counts
    # the name with its capitals, for an acronym of four letters or more
    assert mentions(reqs["DSPT"], "Our Data Security and Protection Toolkit return is published each June.")
    assert not mentions(reqs["DSPT"], "our data security and protection toolkit return")


def test_an_acronym_is_met_by_the_expansion_the_buyer_gives():
    reqs = {r.name: r for r in read_requirements(
        "Describe how you will learn from Safeguarding Adults Reviews (SARs) and work with the Primary Care "
        "Network (PCN).")}
    assert mentions(reqs["SARs"], "the lead reads each safeguarding adults review")
    assert mentions(reqs["PCN"], "we meet the primary care network monthly")
    assert not mentions(reqs["PCN"], "People can now refer themselves.")


def test_a_target_needs_its_whole_figure_near_what_it_measures():
    target = next(r for r in read_requirements(OUTCOMES) if r.kind == "target")
    assert not mentions(target, "Occupancy was 150% of plan.")
    assert not mentions(target, "Half of staff (50%) are part-time.")
    assert not mentions(target, "We reached 50.5% paired scores.")
    assert mentions(target, "By the end of the first year, 50 % of people discharged will have a paired score.")


def test_a_possessive_name_is_read_whole_and_a_status_is_not_a_requirement():
    q = ("How you will respond to risks to children, including referrals to Riverside Children's Services. "
         "NB: a DSPT status of 'Standards Met' or above is a condition of contract award.")
    names = _names(q)
    assert "Riverside Children's Services" in names and "Riverside Children" not in names, names
    assert "Standards Met" not in names and "DSPT" in names, names


def test_an_ambiguous_acronym_is_met_by_what_it_means_in_this_question():
    safeguarding = {r.name: r for r in read_requirements("Describe how your safeguarding practice learns from SARs.")}
    assert mentions(safeguarding["SARs"], "the lead reads each Safeguarding Adults Review")
    assert not mentions(safeguarding["SARs"], "Staff are required to read every policy.")
    governance = {r.name: r for r in read_requirements("Describe how you handle each SAR under UK GDPR.")}
    assert mentions(governance["SAR"], "we answer a subject access request within a month")
    assert not mentions(governance["SAR"], "the lead reads each Safeguarding Adults Review")


def test_a_question_s_own_title_is_not_a_named_requirement():
    """'Workforce and Supervision: not in this answer' was listed for a question titled so (the bid writer's walk
    through, session 14): a title is the question's topic; its words, used as ordinary words in the question, name
    nothing the panel looks for. A title that names a thing (no ordinary use of its words, an acronym, a figure) is
    still read, and the same words in the question's body still count."""
    assert _names("4.1 Workforce and Supervision\nDescribe how you will recruit, train and supervise the workforce. "
                  "Your answer should cover: recruiting staff; and how often staff receive supervision.\n"
                  "Maximum 400 words. Weighting: 10%") == []
    assert _names("Q7 Waiting Times and Demand Management (Weighting 5%)\nHow will you manage demand and keep waiting "
                  "times down while people wait for support?\n300 words") == []
    assert _names("Q5 Think Family\nDescribe your approach to working with whole families.\n300 words") == ["Think Family"]
    assert _names("Q2 DIALOG+\nHow will you use DIALOG in care planning?\n300 words") == ["DIALOG"]
    assert "Safeguarding Adults Reviews" in _names("Q3.2 Safeguarding Adults Reviews\nHow do you learn from reviews? "
                                                   "Include how you use Safeguarding Adults Reviews.\n300 words")
