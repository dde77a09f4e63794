"""Over-claim rules: behaviour beyond each rule's own examples.

The sentences below were written for these tests (none comes from the labelled
set or the seed articles). Each line is ``label <TAB> sentence``.
"""

from __future__ import annotations

import pytest

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker

REGRESSION = """
flag	Our peer navigators cut A&E attendances among frequent attenders by half.
flag	The crisis sanctuary has prevented hundreds of admissions since it opened.
flag	We have reduced out of area placements for young adults in the borough.
flag	Thanks to our street triage, fewer people are taken to A&E by the police.
flag	Bed days on the psychiatric wards fell because of our discharge team.
flag	The hub avoided 65 emergency admissions in its first year.
flag	Our intervention resulted in a sharp drop in crisis presentations.
flag	Since the hub opened, we have kept dozens of people out of A&E.
flag	Our crisis line is the reason A&E attendances fell last winter.
flag	Our work means fewer people end up being admitted to hospital.
flag	We prevented people being sectioned by getting to them earlier.
flag	Every tenant we supported last year kept their home and felt safer.
flag	All participants reported better sleep after the course.
flag	No one who attends the crisis café has needed an admission this year.
flag	Our clients always leave sessions feeling more hopeful.
flag	Not a single client has been readmitted since we started.
flag	Crisis admissions are now a thing of the past for our tenants.
flag	We met every contract target in 2024/25.
flag	100% of referrals were triaged within one working day.
flag	We guarantee that crisis admissions will fall in the first year.
flag	Our model will eliminate the need for out-of-area placements.
flag	We can assure commissioners that admissions will fall.
flag	Our service ensures that no one leaves hospital without a safe home.
flag	With our service in place, people will no longer end up in A&E.
flag	Admissions from the east locality will fall by a quarter in year one.
flag	We commit to zero out-of-area placements from year two.
flag	We are a sector-leading provider of crisis alternatives.
flag	We deliver the highest standard of care in the region.
flag	No other provider can match our local knowledge.
flag	Nobody knows the borough better than we do.
flag	Our data proves that the café keeps people out of hospital.
flag	Results confirm that peer support reduces loneliness.
flag	The evening service has undoubtedly reduced loneliness.
flag	It is obvious that the groups work.
flag	Attendance at review meetings rose by 45%.
flag	Unplanned contacts dropped 25% after we changed the rota.
flag	There was a threefold increase in self-referrals.
flag	Nine in ten people say they feel safer after using the café.
flag	Our tenancy sustainment rate is 94%.
flag	Our pilot with four people shows the model works.
flag	Two of our three pilot participants found work, a 67% employment rate.
flag	Four out of five people said the groups helped.
pass	We aim to reduce A&E attendances among people on our caseload.
pass	Our goal is that no one leaves hospital without a follow-up call.
pass	We will seek to cut readmissions by working with ward staff.
pass	Our work may have contributed to fewer admissions among the people we support.
pass	The fall in crisis presentations coincided with the new evening service.
pass	Earlier contact probably lowered the risk of readmission for some people.
pass	It is possible that the evening calls prevented some admissions.
pass	Crisis contacts among the 52 people on the caseload fell from 140 in Q1 to 96 in Q3 2025/26.
pass	Follow-up within 72 hours rose from 58% (n = 60) in Q1 to 74% (n = 66) in Q4.
pass	We supported 212 people in 2024/25, 58% of whom were women.
pass	There is no evidence that our work lowered admissions.
pass	We have not reduced repeat presentations, and we are reviewing why.
pass	Not all of the people we support improved, and two were readmitted.
pass	All staff receive supervision every month.
pass	Every new referral is screened by a senior practitioner.
pass	No one is discharged from the service without a plan.
pass	We never close a case without speaking to the person first.
pass	We always offer a follow-up call within two days.
pass	We cut the assessment form from twelve pages to four.
pass	We halved the paperwork needed for a referral.
pass	Our audit confirmed that all crisis plans had been reviewed.
pass	We ensure that everyone has a named worker.
pass	Without exception, every referral is triaged by a senior practitioner.
pass	Funding cuts reduced the number of beds across the county.
pass	The trust reduced admissions by opening a crisis assessment unit.
pass	She cut down on caffeine to help her sleep.
pass	He was admitted to hospital twice in 2023.
pass	The borough has the highest rate of detentions in the region.
pass	Our most experienced worker leads the group.
pass	The evaluation proved inconclusive.
pass	It is clear that more work is needed on discharge planning.
pass	Our ambition is to become the leading provider of peer support in the region.
pass	Eight of the nine people in the test group improved; the group is too small to say more.
pass	Both of her sons visited at the weekend.
pass	No one else was at home when the worker called.
pass	One carer said: "They stopped him going back into hospital."
pass	"This is the best service in the world," a member told us.
pass	The specification asks bidders to "demonstrate how the service will reduce admissions".
flag	Our befriending team is exceptional.
flag	We achieve remarkable outcomes for older people living alone.
flag	Our family service is the strongest in the county.
flag	The sanctuary is a pre-eminent example of peer-led care.
flag	Our advice line is a hallmark of good practice for the borough.
flag	We are the partner of choice for the three local hospices.
flag	Each and every young person we mentor now has a job or a college place.
flag	There have been no evictions among the tenants we support since 2022.
flag	We have never had a single readmission from the step-down flats.
flag	Across the board, our members leave sessions calmer.
flag	Older people who join our lunch club will feel less lonely.
flag	Our outreach will save lives across the borough.
flag	The programme is bound to improve wellbeing for every participant.
flag	We commit to eradicating homelessness among care leavers.
flag	Attendance has gone up 12 points.
flag	Our reach grew 3x.
flag	Use of the helpline is down a third.
flag	The two-person pilot proves the model is ready for county-wide use.
flag	1/2 of the pilot group (50%) returned to work.
pass	Three outstanding recommendations from the review are in hand.
pass	Our manager is leading the work on the new referral pathway.
pass	The council wants exceptional value from every contract it lets.
pass	Our largest group meets on Thursdays.
pass	Not a single deadline was met in the first quarter, and we have a recovery plan.
pass	Without exception, each new referral is checked by the duty senior.
pass	He has not had a single admission since he moved in.
pass	There were no crisis beds free in the county that night.
pass	People will be offered a named worker and a written plan.
pass	We will improve the way we share care plans with GPs.
pass	Some people will find the first group hard, so a peer worker sits with them.
pass	Our aim is that every tenant will feel settled within a month.
pass	We operate a zero tolerance policy towards abuse of staff.
pass	Sessions run twice a week in the library.
pass	Two of the three volunteers who applied asked for evening shifts.
"""

CASES = [tuple(line.split("\t", 1)) for line in REGRESSION.strip().splitlines()]


@pytest.fixture(scope="module")
def checker(checker_factory):
    return checker_factory("overclaim")


@pytest.mark.parametrize("label, sentence", CASES, ids=[f"{lab}:{s[:45]}" for lab, s in CASES])
def test_regression_sentences(checker, label, sentence):
    findings = checker.check_text(sentence)
    if label == "flag":
        assert findings, f"should flag: {sentence}"
    else:
        assert not findings, f"should pass: {sentence}; got {[(f.rule, f.match) for f in findings]}"


def test_causal_finding_points_at_the_verb_with_suggestions(checker):
    text = "In 2024/25 our navigators drove down A&E attendances."
    f = next(f for f in checker.check_text(text) if f.rule == "overclaim.causal-system-outcome")
    assert f.match == "drove down" and f.severity == "error"
    assert "contributed to a reduction in" in f.suggestions
    assert "'drove down'" in f.message


def test_number_message_says_what_is_missing(checker):
    f = next(f for f in checker.check_text("DNAs fell by 30%.") if f.rule == "overclaim.unsupported-change")
    assert "a baseline" in f.message and f.severity == "warning"
    f2 = next(f for f in checker.check_text("Housing confirmed at discharge stands at 92%.")
              if f.rule == "overclaim.unsupported-change")
    assert "a denominator" in f2.message


def test_severity_policy(checker):
    def severity(text, rule):
        return next(f.severity for f in checker.check_text(text) if f.rule == rule)

    assert severity("We guarantee recovery for everyone.", "overclaim.guarantee") == "error"
    assert severity("Every client improved their wellbeing.", "overclaim.absolute") == "error"
    assert severity("The model is proven to cut relapse.", "overclaim.proof") == "warning"
    assert severity("Our support is world-class.", "overclaim.superlative") == "suggestion"
    assert severity("Undoubtedly, the groups help.", "overclaim.booster") == "suggestion"


def test_puffery_defers_to_the_superlative_phrases(checker):
    """The parse-read puffery check and the superlative phrase list find the same words in
    "first-class support": the user sees one finding, from the phrase rule."""
    findings = checker.check_text("Tenants receive first-class support from day one.")
    assert [f.rule for f in findings] == ["overclaim.superlative"]
    assert findings[0].match == "first-class"
    assert [f.rule for f in checker.check_text("Our crisis team is exceptional.")] == ["overclaim.puffery"]


def test_hyphenated_words_in_lists_match_split_tokens():
    from evidencebot.language.overclaim import _exact_words

    seqs = _exact_words([{"LOWER": {"IN": ["pre-eminent", "foremost"]}}])
    assert ["pre", "-", "eminent"] in seqs and ["foremost"] in seqs


def test_find_overclaim_api_on_plain_text():
    from evidencebot.language.overclaim import find_overclaim

    text = "Our team reduced readmissions."
    findings = find_overclaim(text)
    assert [f.rule for f in findings] == ["overclaim.causal-system-outcome"]
    assert text[findings[0].start:findings[0].end] == "reduced"


def test_vocabulary_drives_the_causal_check(isolated_home):
    from evidencebot import locations
    from evidencebot.language.phrasebank import clear_cache

    text = "Our team reduced respite stays."
    assert not Checker(settings=CheckerSettings(), families=["overclaim"]).check_text(text)
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocabulary-local.yaml").write_text("system_outcome_terms: [respite stays]\n", encoding="utf-8")
    clear_cache()
    try:
        findings = Checker(settings=CheckerSettings(), families=["overclaim"]).check_text(text)
        assert [f.rule for f in findings] == ["overclaim.causal-system-outcome"]
    finally:
        (folder / "vocabulary-local.yaml").unlink()
        clear_cache()


def test_a_dependency_rule_from_a_user_file(isolated_home):
    """The DependencyMatcher engine: a user rule flags "we <verb> ... commissioners" shapes."""
    from evidencebot import locations
    from evidencebot.language.phrasebank import clear_cache

    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overclaim-local.yaml").write_text(
        """
rules:
  - id: overclaim.we-delighted
    severity: suggestion
    kind: dependency
    message: "'{match}' tells the reader how to feel."
    patterns:
      - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: delight}}
        - {LEFT_ID: verb, REL_OP: ">", RIGHT_ID: object, RIGHT_ATTRS: {LOWER: commissioners}}
    examples:
      flag: [Our results will delight commissioners.]
      pass: [Commissioners asked for the results.]
""", encoding="utf-8")
    clear_cache()
    try:
        checker = Checker(settings=CheckerSettings(), families=["overclaim"])
        found = [f for f in checker.check_text("Our results will delight commissioners.") if f.rule == "overclaim.we-delighted"]
        assert [f.match for f in found] == ["delight commissioners"]
        assert not [f for f in checker.check_text("Commissioners asked for the results.") if f.rule == "overclaim.we-delighted"]
    finally:
        (folder / "overclaim-local.yaml").unlink()
        clear_cache()


@pytest.mark.parametrize("cell", ["100%", "89% to 100%", "90% (met)", "95% CI 49% to 97%", "18.7 hours", "100% (n = 12)"])
def test_a_figure_on_its_own_is_not_a_claim(checker, cell):
    table = f"| Indicator | This quarter |\n|---|---|\n| Step-ups reviewed within 72 hours | {cell} |\n"
    assert [f.rule for f in checker.check_text(table) if f.family == "overclaim"] == []
    assert [f.rule for f in checker.check_text(cell) if f.family == "overclaim"] == []


@pytest.mark.parametrize("text", ["100% of people felt safer.", "| 100% success |", "100% of referrals seen within a day"])
def test_a_figure_with_words_is_still_read(checker, text):
    assert "overclaim.absolute" in [f.rule for f in checker.check_text(text)]


@pytest.mark.parametrize("text", [
    "The figure was 1 day (95% CI 1 to 1 day), similar to last year.",
    "The value is the mean T across those people, with a Student-t 95% interval.",
    "Counts are rounded to the nearest 5 and counts of 1 to 4 are shown as <5.",
])
def test_interval_levels_and_ranges_are_not_figures(checker, text):
    assert [f.rule for f in checker.check_text(text) if f.family == "overclaim"] == []


def test_a_base_is_a_denominator(checker):
    assert "overclaim.unsupported-change" in [f.rule for f in checker.check_text("Our goal completion rate is 81%.")]
    assert checker.check_text("Our goal completion rate is 81% (base about 40).") == []
    assert checker.check_text("Our goal completion rate is 81% (base 40).") == []


def test_a_context_answer_does_not_depend_on_which_check_asked_first():
    """A governor chain cached from one Token object for a word is used for another object of the
    same word: "feel" must not count as its own hedging governor (it did when another check had
    walked the parse first, so "Nine out of ten people who use our service feel better" lost its
    finding once the effect reading ran before the proportion rule)."""
    from evidencebot.language.overclaim.engine import load_overclaim_rules
    from evidencebot.language.overclaim.context import Context
    from evidencebot.language.pipeline import parse

    rules = load_overclaim_rules()
    doc = parse("Nine out of ten people who use our service feel better.", disable=["ner"])
    fresh = Context(doc, rules.vocab, rules.bank.context)
    first = fresh.hedged(doc[9])
    walked = Context(doc, rules.vocab, rules.bank.context)
    walked.chain(doc[9])  # another Token object for "feel" fills the chain cache first
    assert walked.hedged(doc[9]) == first
    assert any(f.rule == "overclaim.baseless-proportion" for f in rules.find(doc))


@pytest.mark.parametrize("sentence", [
    "Had our team not stepped in, Mo would have been back in hospital within the week.",
    "The lower rate of evictions on the estate, which our tenancy advisers achieved, speaks for itself.",
    "Because our peer worker rang him every evening, Lee never went back into crisis.",
    "The majority of people we support move on to paid work.",
])
def test_the_clause_level_readings_flag_claims_in_unmodelled_shapes(checker, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert rules & {"overclaim.effect-claim", "overclaim.baseless-share"}, rules


@pytest.mark.parametrize("sentence", [
    "Had the grant not come through, we would have closed the café on Sundays.",
    "The fall in evictions on the estate coincided with our advisers' first year; we cannot say they caused it.",
    "Most of the people we support are referred by their GP.",
    "We treat the drop in arrears as a reason to keep measuring, not as a result.",
])
def test_the_clause_level_readings_leave_careful_text_alone(checker, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert not rules & {"overclaim.effect-claim", "overclaim.baseless-share"}, rules


@pytest.mark.parametrize("sentence", [
    "Our Service Guarantees Zero Harm To Every Client.",
    "How Our Service Guarantees Zero Harm",
    "OUR SERVICE GUARANTEES ZERO HARM TO EVERY CLIENT.",
    "Why The Service Always Prevents Every Crisis",
])
def test_a_claim_in_a_title_case_or_capitals_heading_is_still_read(checker, sentence):
    """Review s8 item 1: a run of capitalised words is a quoted name only when it ends in a name's head
    noun (Pledge, Protocol ...), holds no verb and is not in capitals throughout."""
    assert [f for f in checker.check_text(sentence) if f.family == "overclaim"], sentence


def test_a_claim_we_were_able_to_make_is_read(checker):
    """'were able to prevent' is a claim, not a hedge ('able' is an assertive governor). This was a flag example
    of overclaim.causal-system-outcome until o17; it moved here because test_rule_examples puts each suggestion in
    its flag examples' place, and 'contributed to a reduction in' after 'able to' is no sentence ('We were able to
    contributed to ...'), which the retrained scorer read as a claim (the grammatical 'We were able to contribute to a
    reduction in ...' passes)."""
    sentence = "We were able to prevent hospital admissions for most people on the caseload."
    assert "overclaim.causal-system-outcome" in {f.rule for f in checker.check_text(sentence)}


@pytest.mark.parametrize("sentence", [
    "We will sign up to the Riverside Zero Suicide Pledge in the first month of the contract.",
    "Our crisis team will work to the Easthaven Joint Crisis Care Protocol from day one.",
])
def test_a_quoted_name_ending_in_its_head_noun_still_passes(checker, sentence):
    assert not [f for f in checker.check_text(sentence) if f.family == "overclaim"], sentence


# issue 15 (o17): two capitalised words within a sentence, named as a scheme or body by the words after them
# (a head noun, or an apposition giving one), are a name: each of these gave a proof or guarantee finding on
# the session's starting commit (own wordings; the fresh sets' false alarms were of this shape)
@pytest.mark.parametrize("sentence", [
    "Tenants can ask to join the Guaranteed Homes tenancy scheme run by the housing association.",
    "Two of our volunteers sit on the Proven Roots steering group.",
    "Families were signposted to Proven Steps, a local family support charity.",
])
def test_a_two_word_capitalised_name_of_a_scheme_or_body_passes(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


@pytest.mark.parametrize("sentence", [
    "The Guaranteed Homes scheme is proven to end homelessness.",
    "Our approach is Proven Effective, a claim we stand by.",
])
def test_a_claim_beside_or_in_a_two_word_name_is_still_read(checker, sentence):
    assert [f for f in checker.check_text(sentence) if f.family == "overclaim"], sentence


# issue 15 (o15): a person's difficulty said to have ended, the service its implied cause (agentless
# passive or inchoative); own wordings, none in a labelled set. The first three gave no finding on c3c87f8.
@pytest.mark.parametrize("sentence", [
    "His compulsive checking was finally conquered during the months he spent with our OCD group.",
    "Priya's stammer melted away once she enrolled in the confidence course.",
    "Ade's voices subsided after the first few workshops.",
    "Our money mentors brought an end to the family's spiral of payday loans.",
])
def test_a_difficulty_ended_through_us_is_a_claim(checker, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert rules, sentence


@pytest.mark.parametrize("sentence", [
    "His compulsive checking eased over the winter, and he told us his new job had helped.",
    "The boiler fault was put right after the second visit from our caretaker.",
    "Priya's stammer did not go away during the course, and the tutor adapted the sessions.",
    "Her eviction was stopped by the court despite our advocacy.",
    "His application was approved within a week of the workshop.",
])
def test_an_ending_that_is_not_ours_or_not_a_difficulty_passes(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


# issue 15 (o15): an outcome promised for everyone, a harm promised for no one, and a whole system said to be
# remade (a frame noun, or an agentless passive whose adverbial names us). Own wordings; the existential ("there
# will be no relapses") and the new-era frame gave no finding on c3c87f8, the other three were already read by
# older rules and guard the new checks' reach.
@pytest.mark.parametrize("sentence", [
    "Every refugee family we resettle will move into secure housing within the year.",
    "There will be no relapses among the women who finish our detox programme.",
    "Not a single veteran on our books will slip through the cracks.",
    "Our alliance ushered in a new era for children's mental health across the county.",
    "Since our hub opened, out-of-hours support in the borough has been rebuilt from the ground up.",
])
def test_a_promise_for_all_or_a_system_remade_is_a_claim(checker, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert rules, sentence


@pytest.mark.parametrize("sentence", [
    "Every refugee family we resettle will be offered a housing adviser in the first week.",
    "There will be no fee for the parents' evening.",
    "Our aim is that every veteran on our books will have a named worker.",
    "Our alliance marked its tenth anniversary with an open day across the county.",
    "Since our hub opened, our own rota has been rebuilt from the ground up.",
])
def test_a_promised_process_or_our_own_change_passes(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


# issue 15 (o15): money with its unit glued to the number and a benefit noun with 'cost' before it; own wordings
# (the first gave no finding on c3c87f8; the second guards the split '1.4m').
@pytest.mark.parametrize("sentence", [
    "Cost savings to the ambulance trust reached 750k in the second year of our service.",
    "Our tenancy team delivered cost avoidance for the council of 1.4m over two years.",
])
def test_money_without_a_pound_sign_is_read(checker, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert rules, sentence


# and careful sentences that were false alarms on c3c87f8 (scope is not size; a person's plan is paperwork; a
# process promised to everyone is a process)
@pytest.mark.parametrize("sentence", [
    "Our link workers are one small part of a broader change in how the city supports carers.",
    "Her drinking carried on through the winter, and we rewrote her support plan with her.",
    "We will ensure every family has a named worker and a call within two days.",
])
def test_scope_a_persons_plan_and_a_process_for_all_pass(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


# issue 15 (o17): an estimate or our view of a saving is still a saving with no method: each of these gave no
# finding on the session's starting commit (own wordings); a modal, a method or our own costs still pass
@pytest.mark.parametrize("sentence", [
    "We estimate that the crisis flat saved the trust over £400,000 last year in avoided admissions.",
    "In our view the befriending line saves local GPs £60,000 a year.",
])
def test_an_estimated_saving_with_no_method_is_a_money_claim(checker, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert rules & {"overclaim.money-return", "overclaim.money-claim"}, (sentence, rules)


@pytest.mark.parametrize("sentence", [
    "We might have saved the council some money, but we have not costed it.",
    "Using the council's published unit costs, we estimate the avoided bed nights are worth about £90,000.",
    "We estimate the service cost £250,000 to run in 2025/26.",
])
def test_a_modal_a_method_or_our_own_cost_is_not_a_money_claim(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


# issue 15 (o17): a percentage in brackets after the count it restates ("41 of them (71%)"), and the units of a
# number written in words ("thirty-four"), are not figures without a base nor a small count: each of these gave an
# unsupported-change or small-denominator finding on the session's starting commit (own wordings)
@pytest.mark.parametrize("sentence", [
    "Of the 71 tenants we supported in 2025, 64 of them (90%) still held their tenancy at twelve months.",
    "The line took 412 calls in the winter; 88 callers (21%) were put through to the crisis team.",
    "Twenty-one of the thirty-four carers who took a break in October (62%) returned the questionnaire.",
])
def test_a_share_restating_its_count_or_a_number_in_words_passes(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


@pytest.mark.parametrize("sentence", [
    "Satisfaction with the service stands at 97 per cent.",
    "Employment doubled this quarter, from two people to four.",
])
def test_a_share_or_a_small_count_with_nothing_to_check_it_is_still_read(checker, sentence):
    assert [f for f in checker.check_text(sentence) if f.family == "overclaim"], sentence


# issue 15 (o17): a question that puts a claim as its answer ('surely', 'what other provider ...', 'is it any
# surprise that ...') is read as the claim; a plain question still passes. Own wordings; each of the first two
# gave no finding on the session's starting commit
@pytest.mark.parametrize("sentence", [
    "What other provider in the region has cut readmissions as much as ours?",
    "Is it any surprise that admissions fell once our crisis house opened?",
])
def test_a_rhetorical_question_is_read_as_its_claim(checker, sentence):
    assert [f for f in checker.check_text(sentence) if f.family == "overclaim"], sentence


@pytest.mark.parametrize("sentence", [
    "Did the crisis house reduce admissions in its first year?",
    "Is the café the reason fewer people went to A&E? We cannot say.",
])
def test_a_plain_question_still_passes(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


# issue 15 (o25): a certainty word whose clause is about a shortcoming, a need, a risk or our own obligation is not an
# over-claim; the same word over an outcome we claim, or over the certain side of a counterfactual, still is. Own
# wordings (the rule examples hold more)
@pytest.mark.parametrize("sentence", [
    "It is clear that our waiting times for a first visit are still too long.",
    "There is no doubt that the Tuesday group needs a second facilitator.",
    "Without question, the outcome returns we hold for 2024 are patchy.",
    "Undeniably, our night cover is stretched.",
])
def test_certainty_about_a_shortcoming_or_a_need_passes(checker, sentence):
    found = [(f.rule, f.match) for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


@pytest.mark.parametrize("sentence", [
    "It is clear that our service cut admissions across the borough.",
    "Undoubtedly, without our mentors he would have gone back to prison.",
    "There is no doubt that the drop-in keeps people well.",
])
def test_certainty_about_an_outcome_we_claim_still_flags(checker, sentence):
    assert [f for f in checker.check_text(sentence) if f.family == "overclaim"], sentence
