"""The buyer's role minimums said back beside our establishment add nothing (session 33 merge: once the privacy
check stopped flagging the role titles, the commitment listing them crowded the caseload caps out of the part)."""

from evidencebot.compose import buyer_scale as bs

ASK = ("The Council expects a minimum establishment of 12.0 WTE, made up of: 1.0 WTE Service Manager; "
       "8.0 WTE Recovery Workers; 3.0 WTE Peer Support Workers (minimum).")


def test_every_role_at_or_above_its_minimum_is_stated():
    ours = "The funded establishment is 13.0 posts: service manager 1.0, recovery workers 9.0, peer support workers 3.0."
    assert bs.minimums_stated(bs.role_minimums(ASK), ours)


def test_a_role_below_its_minimum_or_missing_is_not():
    fewer = "The funded establishment is 12.0 posts: service manager 1.0, recovery workers 7.0, peer support workers 4.0."
    assert not bs.minimums_stated(bs.role_minimums(ASK), fewer)
    missing = "The funded establishment is 12.0 posts: service manager 1.0, recovery workers 11.0."
    assert not bs.minimums_stated(bs.role_minimums(ASK), missing)


def test_no_minimums_is_never_said():
    assert not bs.minimums_stated([], "service manager 1.0")


def test_a_role_cell_naming_two_posts_with_a_slash_is_one_role_of_the_table():
    """s33 q10's 'Referral Coordinators / Administrators | 2.0' was read by neither reader, so an answer said it met
    every staffing minimum with no administrators (a FIRM contradiction for the panel)."""
    table = ("| Role | Minimum WTE | Caseload cap |\n|---|---|---|\n| Team Leader | 1.0 | 10 |\n"
             "| Bookings Officers / Receptionists | 3.0 | Not applicable |\n")
    roles = {r.role: r.wte for r in bs.staffing(table)}
    assert roles.get("bookings officers / receptionists") == 3.0, roles
    assert {m.role: m.wte for m in bs.role_minimums(table)}.get("bookings officers / receptionists") == 3.0
