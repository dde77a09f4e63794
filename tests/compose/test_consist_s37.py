"""Session 37 (issue 12): our answers follow the buyer where it times an act, defines 'the Trust', puts services with
another lot and routes the national data set (s36 panel, FIRM #2, #3, #6, #7, #8). Questions and names written here."""

from __future__ import annotations

from evidencebot.compose import buyer_scope, buyer_standards, tender

JOB_SEARCH_Q = ("(b) Describe how you will make sure people begin job search within 21 days of referral, and how each "
                "specialist will make 5 employer contacts a week.")

LOTS = ("Benefits casework, the weekly wellbeing cafe and tenancy befriending are delivered under Lot 3 (Community "
        "Offer) by a separate provider. The Lot 1 provider refers people to Lot 3; it does not deliver those services.")

OWN_LOT = "Benefits casework and tenancy befriending are delivered under Lot 1 as part of this contract."

ROUTE = ("All activity is submitted to the Mental Health Services Data Set (MHSDS) through the Board, and the provider "
         "must send its monthly data extract to the Board by the 3rd working day of each month.")

DEFINED = ('- Workers sit with the Eastvale Community Health NHS Trust ("the Trust") memory and community teams.\n'
           "- Northgate Hospitals NHS Foundation Trust employs about 6,000 people in the borough.")


def test_a_later_clock_is_held_to_the_buyers_from_referral():
    standards = buyer_standards.read(JOB_SEARCH_Q)
    assert any(st.matter == "job_search" and st.days == 21 for st in standards)
    ours = "Each specialist joins the team meeting and begins job search with the person within three weeks of the first appointment."
    held, changed = buyer_standards.hold(ours, standards)
    assert "within 21 days of referral" in held and "first appointment" not in held, held
    assert changed


def test_ours_from_referral_and_faster_stays():
    standards = buyer_standards.read(JOB_SEARCH_Q)
    ours = "The specialist starts job search with the person within two weeks of referral."
    assert buyer_standards.hold(ours, standards) == (ours, [])


def test_ours_from_referral_and_slower_takes_the_buyers_figure():
    standards = buyer_standards.read(JOB_SEARCH_Q)
    held, _ = buyer_standards.hold("The specialist starts job search within six weeks of referral.", standards)
    assert "within 21 days of referral" in held, held


def test_another_lots_services_are_read_only_when_they_are_anothers():
    got = buyer_scope.elsewhere(LOTS)
    assert "benefits casework" in got and "tenancy befriending" in got
    assert buyer_scope.elsewhere(OWN_LOT) == ()


def test_a_role_and_an_example_lose_another_lots_service_but_a_referral_keeps_it():
    services = buyer_scope.elsewhere(LOTS)
    role = "A welfare adviser (1.0 WTE, for housing, tenancy and benefits casework) sees people at the hub."
    assert buyer_scope.without_elsewhere(role, services) == \
        "A welfare adviser (1.0 WTE, for housing and tenancy casework) sees people at the hub."
    sub = ("Where a local charity is better placed to deliver part of the service, such as a walking group or benefits "
           "casework, we subcontract to it.")
    out = buyer_scope.without_elsewhere(sub, services)
    assert "benefits casework" not in out and "such as a walking group," in out, out
    every = "Where a charity is better placed to deliver part of the service, such as tenancy befriending, we subcontract to it."
    assert buyer_scope.without_elsewhere(every, services) == \
        "Where a charity is better placed to deliver part of the service, we subcontract to it."
    refer = "The worker helps with forms and refers to local benefits casework when needed."
    assert buyer_scope.without_elsewhere(refer, services) == refer


def test_our_data_submission_follows_the_buyers_route():
    route = buyer_scope.data_route(ROUTE)
    assert route == {"via": "the Board", "by": " by the 3rd working day of each month"}
    ours = ("The data officer submits our data to the Mental Health Services Data Set every month in the primary "
            "submission window, and uses the refresh window the following month to correct and complete it.")
    out = buyer_scope.follow_route(ours, route)
    assert "submits" not in out and "to the Board by the 3rd working day of each month" in out, out
    assert buyer_scope.follow_route(ours, buyer_scope.data_route("Data are submitted monthly.")) == ours


def test_the_trust_is_the_body_the_buyer_defines():
    defs = buyer_scope.defined(DEFINED)
    assert defs == {"the Trust": "Eastvale Community Health NHS Trust"}
    ours = ("Where the local NHS trust agrees, our workers read the trust's record. Workers earn the trust of the "
            "people they support.")
    out = buyer_scope.as_defined(ours, defs)
    assert out.startswith("Where the Trust agrees, our workers read the Trust's record.")
    assert "earn the trust of the people" in out


def test_the_tender_pass_changes_units_and_role_purposes():
    units = [{"text": "Where the local NHS trust agrees, our workers read the trust's record."},
             {"text": "Monthly activity data is submitted to the Mental Health Services Data Set."}]

    class Method:
        pass
    m = Method()
    m.units = units
    tender._buyer_scope({"p": m}, "\n".join([LOTS, ROUTE, DEFINED]))
    assert units[0]["text"] == "Where the Trust agrees, our workers read the Trust's record."
    assert "sent to the Board by the 3rd working day" in units[1]["text"]
    profile = {"role_purposes": "welfare adviser: housing, tenancy and benefits casework"}
    assert tender._scoped_purposes(profile, LOTS)["role_purposes"] == "welfare adviser: housing and tenancy casework"
    assert tender._scoped_purposes(profile, OWN_LOT) is profile
