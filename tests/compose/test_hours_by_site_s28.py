"""Opening hours are compared place by place: two hubs open at different hours do not contradict each other, one hub
given two sets of hours does (s28 q01 was stopped as inconsistent for the first)."""

from evidencebot.compose.consistency import check_answers

TWO_HUBS = ("## Opening the hubs\n\nThe Millrace Hub will be open as a minimum Monday to Friday 09:00–20:00 and Saturday "
            "10:00–16:00.\n\nThe Tanyard Wellbeing Hub will be open as a minimum Monday to Friday 09:00–17:00.\n")


def _hours(found):
    return [c for c in found if c.kind == "fact" and "hours" in c.label.lower()]


def test_two_sites_with_their_own_hours_are_not_a_contradiction():
    assert _hours(check_answers([("Q1", TWO_HUBS)])) == []


def test_one_site_given_two_sets_of_hours_is_still_a_contradiction():
    other = "## Hubs\n\nThe Millrace Hub will be open Monday to Friday 08:00–18:00.\n"
    found = _hours(check_answers([("Q1", TWO_HUBS), ("Q5", other)]))
    assert found and all("Millrace" in s.sentence for c in found for s in c.statements)
