"""A tiny service built by hand so that every figure a claim quotes is known.

Ten people (P01-P10), all referred on 2024-01-01 and still open.
Months run 2024-04 .. 2026-03 (FY 2024/25 and 2025/26); latest data 2026-03-10.

* Planned contacts: one per person on the 10th of every month. The number of
  DNAs is 2 in odd-numbered months and 1 in even ones, everyone else attends.
  So each month's DNA rate is 20% or 10% (alternating: pure common cause), and
    2025/26 Q2 (Jul, Aug, Sep 2025) = 2 + 1 + 2 = 5 of 30 = 16.67%
    2025/26 Q3 (Oct, Nov, Dec 2025) = 1 + 2 + 1 = 4 of 30 = 13.33%
    November 2025                   = 2 of 10 = 20%
* Escalations: one a month (P01), raised on the 5th at 09:00, reviewed after
  58, 60 or 62 hours (first/second/third month of each calendar quarter)
  before the service change of 2025-04-01, and after 18, 20 or 22 hours from it.
  Quarter medians: 60 h before, 20 h after. 12 months each side.
* Admissions: ten discharges in 2025/26 Q3 (P01-P10, discharged 2025-10-20 ..
  2025-10-29, planned); P01-P08 followed up one day later, P09-P10 five days
  later: follow-up within 72 hours = 8 of 10 = 80%.
  Two discharges in 2025/26 Q2 (P01, P02 on 2025-08-11), both followed up the
  next day: 2 of 2 = 100%.
* Crisis events: three in 2025/26 Q3 (P01, P02, P03), none elsewhere.
"""

from __future__ import annotations

import datetime as dt

MONTHS = [(2024 + (3 + i) // 12, (3 + i) % 12 + 1) for i in range(24)]  # 2024-04 .. 2026-03
CHANGE = "2025-04-01"


def build(db) -> None:
    people = [f"P{i:02d}" for i in range(1, 11)]
    db["people"].insert_all(
        {"person_id": p, "referral_date": "2024-01-01", "service": "Fixture"} for p in people
    )
    contacts, escalations = [], []
    for y, m in MONTHS:
        dnas = 2 if m % 2 else 1
        for i, p in enumerate(people):
            contacts.append({
                "contact_id": f"C{y}{m:02d}{p}", "person_id": p, "contact_at": f"{y}-{m:02d}-10T10:00",
                "kind": "planned", "mode": "face_to_face", "attendance": "dna" if i < dnas else "attended",
            })
        raised = dt.datetime(y, m, 5, 9, 0)
        base = 60 if f"{y}-{m:02d}-01" < CHANGE else 20
        hours = base + (-2, 0, 2)[(m - 1) % 3]
        escalations.append({
            "escalation_id": f"E{y}{m:02d}", "person_id": "P01", "raised_at": raised.isoformat(timespec="minutes"),
            "level": 2, "triggers": "sleep", "rationale": "agreed with the person",
            "reviewed_at": (raised + dt.timedelta(hours=hours)).isoformat(timespec="minutes"), "outcome": "resolved",
        })
    db["contacts"].insert_all(contacts)
    db["escalations"].insert_all(escalations)
    admissions = []
    for i, p in enumerate(people):
        out = dt.date(2025, 10, 20 + i)
        gap = 1 if i < 8 else 5
        admissions.append({
            "spell_id": f"S3{p}", "person_id": p, "admitted_on": (out - dt.timedelta(days=7)).isoformat(),
            "discharged_on": out.isoformat(), "discharge_type": "planned",
            "first_followup_at": (out + dt.timedelta(days=gap)).isoformat() + "T11:00",
            "housing_confirmed": 1, "engaged_within_14_days": 1, "handover_complete": 1,
        })
    for p in people[:2]:
        admissions.append({
            "spell_id": f"S2{p}", "person_id": p, "admitted_on": "2025-08-01", "discharged_on": "2025-08-11",
            "discharge_type": "planned", "first_followup_at": "2025-08-12T11:00",
            "housing_confirmed": 1, "engaged_within_14_days": 1, "handover_complete": 1,
        })
    db["admissions"].insert_all(admissions)
    db["crisis_events"].insert_all(
        {"event_id": f"X{p}", "person_id": p, "started_on": "2025-11-03", "setting": "crisis_team", "ended_on": "2025-11-04"}
        for p in people[:3]
    )
    db["service_changes"].insert(
        {"changed_on": CHANGE, "title": "Step-up trigger set introduced", "indicators": "escalation_review_hours"}
    )
