"""Question intake, session 35 round 2: two question shapes that lost their sub-points (s35, spent)."""

from evidencebot.compose.questions import parse_question, split_question

LOCAL_PICTURE = """## Question 3 – Debt and Welfare Advice

Weighting: 6%

### Local picture

- Referrals to the county's debt advice line doubled between 2024 and 2026.
- The Citizens Advice office in the market town closed in March 2026.
- About one in four people on the CMHT caseload reported rent arrears last year.

### Question

Describe how you will help people manage debt and claim the benefits they are entitled to, and how you will work
with local advice agencies so that nobody waits more than two weeks for advice.
"""


def test_facts_under_a_local_picture_heading_are_context_not_sub_points():
    points = [t for _, t in parse_question(LOCAL_PICTURE).points]
    assert not any("doubled" in t or "closed in March" in t or "rent arrears" in t for t in points)
    assert any(t.lower().startswith("describe how you will help people manage debt") for t in points)
    assert any("local advice agencies" in t for t in points)


ELEMENTS = """## Question 5 – Employment and Volunteering

Weighting: 5%

Both elements are answered within one limit of 4,000 characters.

**Element A – Work.** How will you help people using the Service to find or keep paid work, including links with
Jobcentre Plus, support to talk to an employer about adjustments, and help after a job starts?

**Element B – Volunteering.** How will you open up volunteering to people using the Service, including roles
within the Service itself, placements with local charities, and expenses paid on the day?
"""


def test_each_bold_element_keeps_its_own_ask_and_items():
    context, points = split_question(ELEMENTS)
    texts = [t for _, t in points]
    assert any(t.startswith("How will you help people using the Service to find or keep paid work") for t in texts)
    assert any(t.startswith("How will you open up volunteering") for t in texts)
    assert any("Jobcentre Plus" in t for t in texts)  # the first element's items are asked, not context
    assert "Jobcentre Plus" not in context
    assert any("placements with local charities" in t for t in texts)
    assert not any(t.startswith("Element") or t.startswith("**") for t in texts)


def test_a_second_participle_after_the_place_is_done_too_not_left_behind():
    from evidencebot.compose.questions import make_heading
    head = make_heading("how you will make sure that tenancy risks are assessed at first contact and reviewed", short=True)
    assert head == "Assessing and reviewing tenancy risks at first contact"
    # before the place, as the regex read it already: not 'Sharing safety plans and updated after each visit'
    head = make_heading("how you will make sure that safety plans are shared and updated after each visit", short=True)
    assert head == "Sharing and updating safety plans after each visit"


def test_a_heading_never_stops_between_a_verb_and_the_particle_it_takes():
    from evidencebot.compose.questions import heading_fault
    source = "How will you encourage people in supported housing to look after their teeth and eyesight?"
    assert "particle" in heading_fault("Encouraging people in supported housing to look", source)
    assert heading_fault("Encouraging people in supported housing to look after their teeth", source) == ""
