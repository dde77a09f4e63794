"""A tiny community mental health service built by hand, row by row.

Every expected indicator value in ``test_indicators.py`` is worked out from
these rows by hand, so keep the two in step: change a row here and redo the
arithmetic there.

The reporting period used throughout is 2025-Q1 (1 January - 31 March 2025,
90 days); the comparison period is 2024-Q4. The latest data date is
2025-09-30 (contact K47), so every follow-up window of a Q1 discharge has
closed. 2025-01-01 is a Wednesday.

People (referral -> discharge, baseline escalations per month)::

    P01 2024-01-10 -> open        2.0
    P02 2024-03-01 -> 2025-01-01  1.0   discharged ON the period start: on the Q1 caseload
    P03 2024-06-15 -> open        0.3
    P04 2024-09-01 -> 2024-12-31  -     discharged the day before Q1: not on it
    P05 2025-03-31 -> open        1.0   referred ON the period end: on the Q1 caseload
    P06 2025-04-01 -> open        -     referred after Q1
    P07 2023-05-01 -> open        0.0   zero baseline
    P08 2024-11-20 -> 2025-02-15  0.6
    P09 2024-02-01 -> open        None
    P10 2024-07-01 -> 2025-06-30  1.5
    P11 2024-01-01 -> 2024-09-30  -     on neither Q4 nor Q1
    P12 2024-12-01 -> open        2.0
"""

from __future__ import annotations

PEOPLE = [
    # person_id, referral_date, discharge_date, baseline_escalations_per_month
    ("P01", "2024-01-10", None, 2.0),
    ("P02", "2024-03-01", "2025-01-01", 1.0),
    ("P03", "2024-06-15", None, 0.3),
    ("P04", "2024-09-01", "2024-12-31", None),
    ("P05", "2025-03-31", None, 1.0),
    ("P06", "2025-04-01", None, None),
    ("P07", "2023-05-01", None, 0.0),
    ("P08", "2024-11-20", "2025-02-15", 0.6),
    ("P09", "2024-02-01", None, None),
    ("P10", "2024-07-01", "2025-06-30", 1.5),
    ("P11", "2024-01-01", "2024-09-30", None),
    ("P12", "2024-12-01", None, 2.0),
]

CONTACTS = [
    # contact_id, person_id, contact_at, kind, attendance
    # --- 2024-Q4
    ("K01", "P01", "2024-10-20T10:00", "planned", "attended"),
    ("K02", "P04", "2024-11-05T10:00", "planned", "dna"),
    ("K03", "P12", "2024-12-10T10:00", "planned", "attended"),
    ("K04", "P02", "2024-12-22T10:00", "review", "attended"),
    # --- 2025-Q1
    ("K10", "P12", "2025-01-08T10:00", "review", "attended"),
    ("K11", "P01", "2025-01-04T10:00", "step_up", "attended"),  # S1
    ("K12", "P01", "2025-01-15T10:00", "planned", "attended"),
    ("K13", "P03", "2025-01-25T10:00", "planned", "attended"),
    ("K14", "P10", "2025-02-03T10:00", "planned", "attended"),  # the day before P10's last 8 weeks
    ("K15", "P12", "2025-02-08T10:00", "planned", "cancelled_by_service"),
    ("K16", "P03", "2025-02-09T14:00", "step_up", "attended"),  # S2
    ("K17", "P03", "2025-02-10T10:00", "planned", "cancelled_by_person"),
    ("K18", "P03", "2025-02-12T14:00", "review", "attended"),  # exactly 72 h after S2
    ("K19", "P01", "2025-02-20T10:00", "planned", "attended"),
    ("K20", "P09", "2025-02-25T10:00", "planned", "attended"),
    ("K21", "P08", "2025-02-01T12:00", "step_up", "cancelled_by_service"),  # not a step-up
    ("K22", "P03", "2025-03-01T10:00", "planned", "late"),  # arrived late but seen
    ("K23", "P12", "2025-03-01T08:00", "step_up", "dna"),  # S3: still a step-up
    ("K24", "P12", "2025-03-04T08:01", "review", "attended"),  # 72 h and 1 minute after S3
    ("K25", "P09", "2025-03-10T10:00", "planned", "dna"),
    ("K26", "P12", "2025-03-15T10:00", "planned", "dna"),
    ("K27", "P01", "2025-03-20T10:00", "planned", "attended"),
    ("K28", "P01", "2025-03-25T10:00", "review", "dna"),
    ("K29", "P07", "2025-03-28T10:00", "planned", "attended"),
    ("K30", "P09", "2025-03-30T12:00", "step_up", "attended"),  # S5
    ("K31", "P05", "2025-03-31T15:00", "unplanned", "attended"),
    # unplanned contacts for the case-review patterns
    ("U01", "P07", "2025-01-15T09:00", "unplanned", "attended"),
    ("U02", "P07", "2025-03-10T09:00", "unplanned", "attended"),
    ("U03", "P07", "2025-03-17T09:00", "unplanned", "attended"),
    ("U04", "P07", "2025-03-24T09:00", "unplanned", "attended"),
    ("U10", "P09", "2024-12-15T09:00", "unplanned", "attended"),
    ("U11", "P09", "2024-12-28T09:00", "unplanned", "attended"),
    ("U12", "P09", "2025-01-10T09:00", "unplanned", "attended"),
    ("U13", "P09", "2025-01-24T09:00", "unplanned", "attended"),
    ("U14", "P09", "2025-02-07T09:00", "unplanned", "attended"),
    ("U15", "P09", "2025-02-21T09:00", "unplanned", "attended"),
    ("U16", "P09", "2025-03-05T09:00", "unplanned", "attended"),
    ("U17", "P09", "2025-03-12T09:00", "unplanned", "attended"),
    ("U18", "P09", "2025-03-19T09:00", "unplanned", "attended"),
    # --- after the period
    ("K40", "P09", "2025-04-01T10:00", "planned", "dna"),
    ("K41", "P10", "2025-04-02T11:00", "review", "attended"),
    ("K42", "P03", "2025-04-10T10:00", "planned", "attended"),
    ("K43", "P01", "2025-04-20T10:00", "planned", "attended"),
    ("K44", "P09", "2025-05-01T10:00", "planned", "attended"),
    ("K45", "P10", "2025-05-10T10:00", "planned", "attended"),
    ("K46", "P10", "2025-06-22T10:00", "planned", "attended"),  # day 83 after A5
    ("K47", "P01", "2025-09-30T10:00", "planned", "attended"),  # the latest data date
]

ESCALATIONS = [
    # escalation_id, person_id, raised_at, reviewed_at, rationale, triggers
    ("X1", "P01", "2025-01-04T09:00", "2025-01-05T09:00", "Sleep worse; agreed plan", "sleep"),  # 24 h
    ("X2", "P01", "2025-01-18T10:00", "2025-01-18T16:00", "", "sleep;housing"),  # 6 h
    ("X3", "P03", "2025-02-08T08:00", "2025-02-09T12:00", "   ", "benefits"),  # 28 h
    ("X4", "P12", "2025-02-20T12:00", None, "Housing notice served", "housing"),  # not reviewed
    ("X5", "P08", "2025-02-03T09:30", "2025-02-03T21:30", "Crisis referral made", "housing"),  # 12 h
    ("X6", "P09", "2025-03-15T10:00", "2025-03-16T22:00", "Medication change", "medication"),  # 36 h
    ("X9", "P08", "2025-02-10T10:00", "2025-02-10T20:00", "Second escalation", "other"),  # 10 h
    # 2024-Q4
    ("X7", "P01", "2024-11-10T10:00", "2024-11-12T10:00", "Sleep", "sleep"),  # 48 h
    ("X8", "P12", "2024-12-15T10:00", "2024-12-15T14:00", "Housing", "housing"),  # 4 h
]

CRISIS_EVENTS = [
    # event_id, person_id, started_on, ended_on, setting
    ("E1", "P01", "2025-01-05", "2025-01-07", "a_and_e"),  # 2 days
    ("E2", "P01", "2025-01-20", "2025-01-20", "crisis_line"),  # 0 days
    ("E3", "P03", "2025-02-10", "2025-02-14", "crisis_team"),  # 4 days
    ("E4", "P08", "2025-02-01", "2025-02-02", "police_s136"),  # 1 day
    ("E5", "P12", "2025-03-30", "2025-04-03", "crisis_house"),  # ends after Q1
    ("E6", "P09", "2024-12-31", "2025-01-03", "a_and_e"),  # starts in Q4, ends in Q1: 3 days
    ("E7", "P04", "2024-11-10", "2024-11-12", "ambulance"),
    ("E8", "P01", "2024-10-15", "2024-10-16", "a_and_e"),
    ("E9", "P03", "2025-03-31", None, "a_and_e"),  # starts on the period end, still open
]

ADMISSIONS = [
    # spell_id, person_id, admitted_on, discharged_on, discharge_type, first_followup_at,
    # housing_confirmed, engaged_within_14_days, handover_complete
    ("A1", "P01", "2024-12-20", "2025-01-10", "planned", "2025-01-12T10:00", 1, 1, 1),  # day 2
    ("A2", "P03", "2025-01-02", "2025-01-20", "planned", "2025-01-23T09:00", 0, 1, 1),  # day 3
    ("A3", "P08", "2025-02-01", "2025-02-05", "unplanned", "2025-02-05T16:00", None, 0, 0),  # day 0
    ("A4", "P09", "2025-02-10", "2025-02-20", "planned", "2025-02-25T10:00", 1, None, 1),  # day 5
    ("A5", "P10", "2025-03-01", "2025-03-31", "planned", "2025-04-02T11:00", 1, 1, 1),  # day 2, last day of Q1
    ("A6", "P12", "2025-01-05", "2025-01-15", "transfer", None, 0, 0, 0),  # excluded
    ("A7", "P07", "2025-02-01", "2025-02-28", "death", None, 0, 0, 0),  # excluded
    ("A9", "P02", "2024-12-01", "2024-12-20", "planned", "2024-12-22T10:00", 1, 1, 0),  # Q4
    ("A10", "P01", "2025-02-08", "2025-02-12", "planned", "2025-02-13T10:00", 1, 1, 1),  # day 29 after A1
    ("A11", "P03", "2025-02-19", "2025-03-05", "unplanned", None, 0, 0, 0),  # day 30 after A2
]

CRISIS_PLANS = [
    # person_id, created_on, reviewed_on
    ("P01", "2024-06-01", "2024-12-15"),
    ("P03", "2024-08-01", None),
    ("P05", "2025-03-31", None),
    ("P07", "2023-06-01", "2024-09-30"),  # reviewed the day before the 6-month window
    ("P09", "2024-10-01", None),  # created on the window's first day
    ("P12", "2025-04-05", None),  # created after the period end
    ("P02", "2025-01-10", None),
]

GOALS = [
    # goal_id, person_id, weight
    ("GL1", "P01", 1.0),
    ("GL2", "P01", 1.0),
    ("GL3", "P03", 2.0),
    ("GL4", "P09", 1.0),
    ("GL5", "P12", 1.0),
    ("GL6", "P12", 1.0),
]

GOAL_REVIEWS = [
    # goal_id, reviewed_on, level
    ("GL1", "2025-01-10", -1),
    ("GL1", "2025-03-10", 1),  # the latest GL1 review in Q1
    ("GL2", "2025-02-01", 0),
    ("GL3", "2025-02-15", -2),
    ("GL3", "2025-04-10", 2),  # after Q1
    ("GL4", "2024-12-20", 0),  # Q4 only
    ("GL5", "2025-03-31", 2),
    ("GL6", "2025-01-20", -1),
]

MEASURES = [
    # person_id, instrument, measured_on, score
    ("P01", "SWEMWBS", "2024-06-01", 17),  # raw total 17 = metric 16.88
    ("P01", "SWEMWBS", "2025-02-01", 21),  # raw total 21 = metric 19.25
    ("P03", "SWEMWBS", "2024-10-01", 14.75),
    ("P03", "SWEMWBS", "2025-01-15", 18.59),
    ("P03", "SWEMWBS", "2025-03-20", 20.73),
    ("P09", "SWEMWBS", "2025-01-05", 19.98),
    ("P09", "SWEMWBS", "2025-01-25", 25.03),  # only 20 days after the baseline
    ("P12", "SWEMWBS", "2024-12-01", 23.21),
    ("P12", "SWEMWBS", "2025-03-01", 19.98),
    ("P10", "SWEMWBS", "2024-12-20", 16.36),
    ("P10", "SWEMWBS", "2025-04-15", 18.59),
    ("P07", "SWEMWBS", "2024-05-01", 12.40),
    ("P07", "SWEMWBS", "2024-11-01", 17.43),
    ("P08", "PHQ-9", "2024-11-25", 18),
    ("P08", "PHQ-9", "2025-02-10", 11),
    ("P02", "PHQ-9", "2024-05-01", 12),
    ("P02", "PHQ-9", "2025-01-01", 7),
]

SAFEGUARDING = [
    # concern_id, person_id, concern_on, referred_on
    ("G1", "P01", "2025-01-03", "2025-01-06"),  # Friday -> Monday
    ("G2", "P03", "2025-01-04", "2025-01-07"),  # Saturday -> Tuesday
    ("G3", "P09", "2025-02-12", "2025-02-12"),  # same day
    ("G4", "P12", "2025-03-20", None),  # never referred
    ("G5", "P10", "2025-03-31", "2025-04-01"),  # Monday -> Tuesday
]

PARTNER_COMMS = [
    # comm_id, sent_on, partner, days_to_send
    ("C1", "2025-01-05", "gp", 1),
    ("C2", "2025-02-10", "housing", 2),
    ("C3", "2025-02-11", "gp", 3),
    ("C4", "2025-03-30", "cmht", None),
    ("C5", "2024-11-01", "gp", 0),
]

INCIDENTS = [
    # incident_id, occurred_on, due_on, closed_on
    ("I1", "2025-01-02", "2025-01-31", "2025-01-31"),
    ("I2", "2025-01-20", "2025-02-28", "2025-03-02"),
    ("I3", "2025-02-01", "2025-03-15", None),
    ("I4", "2025-02-10", "2025-03-31", "2025-03-01"),
]


def build_service(db) -> None:
    """Insert the hand-built service into a migrated, empty database."""
    db["people"].insert_all(
        {"person_id": p, "service": "Fixture", "referral_date": r, "discharge_date": d,
         "baseline_escalations_per_month": b}
        for p, r, d, b in PEOPLE
    )
    db["contacts"].insert_all(
        {"contact_id": c, "person_id": p, "contact_at": at, "kind": k, "mode": "face_to_face",
         "attendance": a}
        for c, p, at, k, a in CONTACTS
    )
    db["escalations"].insert_all(
        {"escalation_id": e, "person_id": p, "raised_at": raised, "level": 2, "triggers": trig,
         "rationale": why, "reviewed_at": reviewed}
        for e, p, raised, reviewed, why, trig in ESCALATIONS
    )
    db["crisis_events"].insert_all(
        {"event_id": e, "person_id": p, "started_on": s, "ended_on": f, "setting": where}
        for e, p, s, f, where in CRISIS_EVENTS
    )
    db["admissions"].insert_all(
        {"spell_id": a, "person_id": p, "admitted_on": adm, "discharged_on": dis, "discharge_type": t,
         "first_followup_at": f, "housing_confirmed": h, "engaged_within_14_days": e,
         "handover_complete": ho}
        for a, p, adm, dis, t, f, h, e, ho in ADMISSIONS
    )
    db["crisis_plans"].insert_all(
        {"person_id": p, "created_on": c, "reviewed_on": r, "easy_read": 0} for p, c, r in CRISIS_PLANS
    )
    db["goals"].insert_all(
        {"goal_id": g, "person_id": p, "domain": "daily living", "set_on": "2024-06-01", "weight": w}
        for g, p, w in GOALS
    )
    db["goal_reviews"].insert_all(
        {"goal_id": g, "reviewed_on": d, "level": lv} for g, d, lv in GOAL_REVIEWS
    )
    db["measures"].insert_all(
        {"person_id": p, "instrument": i, "measured_on": d, "score": s} for p, i, d, s in MEASURES
    )
    db["safeguarding"].insert_all(
        {"concern_id": c, "person_id": p, "concern_on": on, "referred_on": ref} for c, p, on, ref in SAFEGUARDING
    )
    db["partner_comms"].insert_all(
        {"comm_id": c, "sent_on": s, "partner": who, "days_to_send": d} for c, s, who, d in PARTNER_COMMS
    )
    db["incidents"].insert_all(
        {"incident_id": i, "occurred_on": o, "type": "incident", "action": "Review the plan",
         "owner": "Team lead", "due_on": due, "closed_on": closed}
        for i, o, due, closed in INCIDENTS
    )


# ------------------------------------------------------------------ SPC series

SPC_DNA_BEFORE = [6, 7, 5] * 4
"""DNAs out of 20 planned contacts a month, January-December 2023 (30%, 35%, 25%, ...)."""
SPC_DNA_AFTER = [5, 4] * 6
"""January-December 2024, after the service change on 2024-01-01 (25%, 20%, ...)."""
SPC_CHANGE_ON = "2024-01-01"


def build_spc_service(db, *, with_change: bool = True) -> None:
    """24 months of planned contacts for one person, 20 a month, whose DNA rate
    drops when a service change takes effect on 2024-01-01."""
    db["people"].insert({"person_id": "S01", "referral_date": "2022-12-01", "service": "SPC"})
    rows = []
    for index, dnas in enumerate(SPC_DNA_BEFORE + SPC_DNA_AFTER):
        year, month = 2023 + index // 12, index % 12 + 1
        for day in range(1, 21):
            rows.append({
                "contact_id": f"S{year}{month:02d}{day:02d}",
                "person_id": "S01",
                "contact_at": f"{year}-{month:02d}-{day:02d}T10:00",
                "kind": "planned",
                "attendance": "dna" if day <= dnas else "attended",
            })
    # the data reach the last day of December 2024, so December is a complete month
    # (a cancelled contact: not part of the DNA rate)
    rows.append({"contact_id": "S20241231", "person_id": "S01", "contact_at": "2024-12-31T10:00",
                 "kind": "planned", "attendance": "cancelled_by_service"})
    db["contacts"].insert_all(rows)
    if with_change:
        db["service_changes"].insert(
            {"changed_on": SPC_CHANGE_ON, "title": "Reminder texts introduced", "indicators": "dna_rate"}
        )
