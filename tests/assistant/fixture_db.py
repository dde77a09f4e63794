"""A fixed evidence base for the assistant and app tests.

The demo service (fixed seed, fixed end month, 120 people) with the corpus
stories replaced by six stories written here, so tests do not move when the
shipped example stories are edited.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STORIES = [
    {
        "story_id": "T01", "title": "Leaving hospital with a key already in hand", "domains": "stability",
        "consent": "external", "status": "approved", "approved_by": "Service manager",
        "story_date": "2025-05-06",
        "context": "M. had spent five weeks on an acute ward and their tenancy ended during the admission.",
        "support_approach": "The step-down team agreed a handover with the ward and worked with the housing "
                            "options officer on a supported tenancy before discharge.",
        "delivery": "A worker met M. at the flat the morning after discharge and visited twice a week "
                    "through the twelve-week step-down period.",
        "evidence": "Housing was confirmed on the day of discharge; M. attended every planned contact "
                    "and was not readmitted within 30 days.",
    },
    {
        "story_id": "T02", "title": "Keeping a tenancy through a hard winter", "domains": "stability;safety",
        "consent": "external", "status": "approved", "approved_by": "Service manager",
        "story_date": "2025-12-10",
        "context": "J. was at risk of losing their tenancy after rent arrears built up over the autumn.",
        "support_approach": "The worker logged a housing trigger and agreed early warning signs with J.",
        "delivery": "Weekly check-ins, a joint call with the landlord and help with a benefits claim.",
        "evidence": "Escalations fell below J.'s onboarding baseline and the tenancy was kept.",
    },
    {
        "story_id": "T03", "title": "Sleep as the first warning sign", "domains": "safety",
        "consent": "external", "status": "approved", "approved_by": "Team leader",
        "story_date": "2025-09-01",
        "context": "K. described poor sleep as the first sign that things were getting worse.",
        "support_approach": "The crisis plan named sleep as an early warning sign with agreed responses.",
        "delivery": "Step-up contacts within a day when K. reported three poor nights in a row.",
        "evidence": "Crisis presentations were less frequent than in the year before support began.",
    },
    {
        "story_id": "T04", "title": "A step-down that was not yet approved", "domains": "stability",
        "consent": "external", "status": "draft",
        "story_date": "2026-02-01",
        "context": "R. moved from a crisis house to a hostel while waiting for housing.",
        "support_approach": "Daily contact in the first week after the step-down.",
        "delivery": "The worker coordinated with the hostel and the community mental health team.",
        "evidence": "R. engaged within 14 days of discharge.",
    },
    {
        "story_id": "T05", "title": "A story kept for internal learning", "domains": "experience",
        "consent": "internal", "status": "approved", "approved_by": "Service manager",
        "story_date": "2026-03-03",
        "context": "E. found weekly contact intrusive and missed most planned appointments.",
        "support_approach": "The team offered text check-ins instead of visits.",
        "delivery": "Contact moved to a fortnightly call at a time E. chose.",
        "evidence": "Engagement improved for a while, then E. asked to close the case.",
    },
    {
        "story_id": "T06", "title": "Stories without consent stay in the service", "domains": "safety",
        "consent": "none", "status": "draft",
        "story_date": "2026-04-04",
        "context": "L. was no longer managing at home and the landlord raised concerns.",
        "support_approach": "A gentle plan agreed with L. and the GP.",
        "delivery": "Visits with a cleaner arranged through social care.",
        "evidence": "The flat was safe again after six weeks.",
    },
]


def build(path: Path, demo: Path) -> Path:
    """The evidence base: a copy of the shared ``demo`` build (120 people, 24 months to 2026-09,
    seed 20260924) with the stories replaced by the fixed ones above."""
    from evidencebot.store.db import connect

    shutil.copyfile(demo, path)
    db = connect(path)
    try:
        with db.atomic():
            db.execute("delete from stories")
            for story in STORIES:
                row = {"source": "tests", "created_at": story["story_date"] + "T09:00:00",
                       "updated_at": story["story_date"] + "T09:00:00", **story}
                db["stories"].insert(row)
    finally:
        db.close()
    return path


def copy_of(template: Path, folder: Path, name: str = "evidence.db") -> Path:
    target = folder / name
    shutil.copyfile(template, target)
    return target
