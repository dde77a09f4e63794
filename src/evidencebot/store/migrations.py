"""Numbered schema migrations (sqlite-utils 4 ``Migrations``).

Rules for this file:
* never edit a migration that has been released: add a new one;
* name them ``mNNN_what``; they run in the order they are defined;
* dates are ISO text (``YYYY-MM-DD``), date-times ``YYYY-MM-DDTHH:MM[:SS]``,
  booleans 0/1 integers, lists ``;``-separated text.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from evidencebot.store import audit

migrations = Migrations("evidencebot")

PEOPLE_FK = [("person_id", "people", "person_id")]


@migrations()
def m001_service_tables(db: Database) -> None:
    db.table("people").create(
        {
            "person_id": str,
            "service": str,
            "referral_date": str,
            "discharge_date": str,
            "age_band": str,
            "baseline_escalations_per_month": float,
            "housing_status": str,
        },
        pk="person_id",
        not_null={"referral_date"},
    )
    db.table("contacts").create(
        {
            "contact_id": str,
            "person_id": str,
            "contact_at": str,
            "kind": str,
            "mode": str,
            "attendance": str,
        },
        pk="contact_id",
        not_null={"person_id", "contact_at", "kind", "attendance"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("escalations").create(
        {
            "escalation_id": str,
            "person_id": str,
            "raised_at": str,
            "level": int,
            "triggers": str,
            "warning_signs": str,
            "action_taken": str,
            "rationale": str,
            "reviewed_at": str,
            "outcome": str,
        },
        pk="escalation_id",
        not_null={"person_id", "raised_at", "level"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("crisis_events").create(
        {
            "event_id": str,
            "person_id": str,
            "started_on": str,
            "setting": str,
            "ended_on": str,
        },
        pk="event_id",
        not_null={"person_id", "started_on", "setting"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("admissions").create(
        {
            "spell_id": str,
            "person_id": str,
            "admitted_on": str,
            "discharged_on": str,
            "discharge_type": str,
            "first_followup_at": str,
            "housing_confirmed": int,
            "engaged_within_14_days": int,
            "handover_complete": int,
        },
        pk="spell_id",
        not_null={"person_id", "admitted_on"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("crisis_plans").create(
        {
            "person_id": str,
            "created_on": str,
            "reviewed_on": str,
            "easy_read": int,
        },
        pk=("person_id", "created_on"),
        foreign_keys=PEOPLE_FK,
    )
    db.table("goals").create(
        {
            "goal_id": str,
            "person_id": str,
            "domain": str,
            "description": str,
            "set_on": str,
            "baseline_level": int,
            "weight": float,
        },
        pk="goal_id",
        not_null={"person_id", "domain", "set_on"},
        defaults={"baseline_level": -1, "weight": 1.0},
        foreign_keys=PEOPLE_FK,
    )
    db.table("goal_reviews").create(
        {"goal_id": str, "reviewed_on": str, "level": int},
        pk=("goal_id", "reviewed_on"),
        not_null={"level"},
        foreign_keys=[("goal_id", "goals", "goal_id")],
    )
    db.table("measures").create(
        {"person_id": str, "instrument": str, "measured_on": str, "score": float},
        pk=("person_id", "instrument", "measured_on"),
        not_null={"score"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("safeguarding").create(
        {
            "concern_id": str,
            "person_id": str,
            "concern_on": str,
            "referred_on": str,
            "multi_agency_plan": int,
            "outcome": str,
        },
        pk="concern_id",
        not_null={"concern_on"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("incidents").create(
        {
            "incident_id": str,
            "occurred_on": str,
            "type": str,
            "severity": str,
            "summary": str,
            "learning": str,
            "action": str,
            "owner": str,
            "due_on": str,
            "closed_on": str,
        },
        pk="incident_id",
        not_null={"occurred_on", "type"},
    )
    db.table("partner_comms").create(
        {
            "comm_id": str,
            "sent_on": str,
            "partner": str,
            "person_id": str,
            "purpose": str,
            "days_to_send": int,
        },
        pk="comm_id",
        not_null={"sent_on", "partner"},
        foreign_keys=PEOPLE_FK,
    )


@migrations()
def m002_stories_and_drafts(db: Database) -> None:
    db.table("stories").create(
        {
            "story_id": str,
            "title": str,
            "person_id": str,
            "domains": str,
            "goal_ids": str,
            "consent": str,
            "consent_date": str,
            "author": str,
            "approved_by": str,
            "approved_at": str,
            "status": str,
            "story_date": str,
            "context": str,
            "support_approach": str,
            "delivery": str,
            "evidence": str,
            "source": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="story_id",
        not_null={"title"},
        defaults={"consent": "none", "status": "draft"},
        foreign_keys=PEOPLE_FK,
    )
    db.table("stories").enable_fts(
        ["title", "domains", "context", "support_approach", "delivery", "evidence"],
        create_triggers=True,
        tokenize="porter",
    )
    db.table("drafts").create(
        {
            "draft_id": int,
            "kind": str,
            "title": str,
            "question": str,
            "word_limit": int,
            "period": str,
            "body": str,
            "status": str,
            "created_by": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="draft_id",
        not_null={"kind"},
        defaults={"status": "draft"},
    )
    db.table("draft_versions").create(
        {"draft_id": int, "version": int, "body": str, "saved_at": str, "saved_by": str},
        pk=("draft_id", "version"),
        foreign_keys=[("draft_id", "drafts", "draft_id")],
    )


@migrations()
def m003_service_context(db: Database) -> None:
    # A dated change to how the service works: SPC limits are recalculated here.
    db.table("service_changes").create(
        {
            "change_id": int,
            "changed_on": str,
            "title": str,
            "description": str,
            "indicators": str,  # ;-separated indicator ids, empty = all
        },
        pk="change_id",
        not_null={"changed_on", "title"},
    )
    db.table("targets").create(
        {"indicator_id": str, "target": float, "set_on": str, "source": str},
        pk="indicator_id",
        not_null={"target"},
    )


@migrations()
def m004_indexes(db: Database) -> None:
    for table, columns in [
        ("contacts", ["person_id", "contact_at"]),
        ("contacts", ["contact_at"]),
        ("escalations", ["person_id", "raised_at"]),
        ("escalations", ["raised_at"]),
        ("crisis_events", ["person_id", "started_on"]),
        ("crisis_events", ["started_on"]),
        ("admissions", ["person_id", "admitted_on"]),
        ("admissions", ["discharged_on"]),
        ("goals", ["person_id"]),
        ("measures", ["instrument", "person_id", "measured_on"]),
        ("safeguarding", ["concern_on"]),
        ("incidents", ["occurred_on"]),
        ("partner_comms", ["sent_on"]),
        ("people", ["referral_date"]),
        ("stories", ["person_id"]),
    ]:
        db.table(table).create_index(columns, if_not_exists=True)


@migrations()
def m005_bid_library(db: Database) -> None:
    # The bid library: earlier tender answers with how they scored.
    db.table("bids").create(
        {
            "bid_id": int,
            "question": str,
            "answer": str,
            "word_limit": int,
            "words": int,
            "period": str,
            "created_at": str,
            "review_date": str,  # re-check the answer's figures after this date
            "score": float,
            "max_score": float,
            "feedback": str,
            "outcome": str,  # e.g. won | lost | pending
        },
        pk="bid_id",
        not_null={"question", "answer"},
    )
    db.table("bids").enable_fts(["question", "answer"], create_triggers=True, tokenize="porter")
    # Contract-review variance notes: why a target was missed, who acts, by when.
    db.table("variance_notes").create(
        {
            "indicator_id": str,
            "period": str,
            "reason": str,
            "owner": str,
            "due_on": str,
            "created_at": str,
        },
        pk=("indicator_id", "period"),
    )


@migrations()
def m006_facts(db: Database) -> None:
    # Figures from outside the database (an ICB dashboard, a CQC rating) that a
    # bid may quote: a matching figure in a draft then counts as supported.
    db.table("facts").create(
        {
            "fact_id": int,
            "statement": str,
            "value": float,
            "unit": str,  # percent | per_100 | count | hours | days | score | text
            "indicator_id": str,
            "period": str,
            "source": str,
            "source_date": str,
            "review_by": str,  # after this date the fact is stale
            "created_at": str,
            "created_by": str,
        },
        pk="fact_id",
        not_null={"statement", "source", "source_date"},
    )


@migrations()
def m007_governance(db: Database) -> None:
    # Approval, consent history, export records and the audit log
    # (store/workflow.py and store/audit.py say how they are used).
    stories = db.table("stories")
    for column in ("submitted_by", "submitted_at", "consent_withdrawn_at", "consent_withdrawn_by"):
        if column not in stories.columns_dict:
            stories.add_column(column, str)
    drafts = db.table("drafts")
    for column in ("submitted_by", "submitted_at", "approved_by", "approved_at"):
        if column not in drafts.columns_dict:
            drafts.add_column(column, str)
    # Every consent given, changed or withdrawn, with who recorded it.
    db.table("story_consents").create(
        {
            "consent_id": int,
            "story_id": str,
            "consent": str,  # external | internal | none
            "consent_date": str,
            "event": str,  # recorded | withdrawn
            "recorded_at": str,
            "recorded_by": str,
            "note": str,
        },
        pk="consent_id",
        not_null={"story_id", "consent", "event", "recorded_at"},
    )
    db.table("story_consents").create_index(["story_id"])
    db.execute(
        "INSERT INTO story_consents (story_id, consent, consent_date, event, recorded_at, recorded_by, note) "
        "SELECT story_id, coalesce(consent, 'none'), consent_date, 'recorded', "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'm007_governance', "
        "'consent as held when the consent history began' FROM stories"
    )
    # Which documents used which stories (filled by every export).
    db.table("document_stories").create(
        {
            "id": int,
            "document": str,  # path or id of the exported document
            "kind": str,  # tender | review | story | ...
            "story_id": str,
            "exported_at": str,
            "exported_by": str,
        },
        pk="id",
        not_null={"document", "kind", "story_id", "exported_at"},
    )
    db.table("document_stories").create_index(["story_id"])
    from evidencebot.store import audit, workflow

    audit.create_log_table(db)
    workflow.install_triggers(db)  # before the audit triggers, so an edit is logged before its approval reset
    audit.install_triggers(db)


@migrations()
def m008_indicator_indexes(db: Database) -> None:
    # Covering indexes for the indicator queries (measured with
    # bench/metrics_bench.py: all indicators for a quarter of a 50,000-person,
    # 60-month service went from about 6 s to 1.6 s). The new contacts index
    # starts with (person_id, contact_at), so it replaces the m004 one.
    db.execute("DROP INDEX IF EXISTS idx_contacts_person_id_contact_at")
    for sql in (
        "CREATE INDEX IF NOT EXISTS idx_contacts_kind_attendance_at ON contacts(kind, attendance, contact_at, person_id)",
        "CREATE INDEX IF NOT EXISTS idx_contacts_person_at_kind ON contacts(person_id, contact_at, kind, attendance)",
        "CREATE INDEX IF NOT EXISTS idx_escalations_raised_reviewed ON escalations(raised_at, reviewed_at, person_id)",
        "CREATE INDEX IF NOT EXISTS idx_escalations_person_reviewed ON escalations(person_id, reviewed_at)",
        "CREATE INDEX IF NOT EXISTS idx_escalations_no_rationale ON escalations(raised_at) "
        "WHERE (rationale is null or trim(rationale) = '')",
        "CREATE INDEX IF NOT EXISTS idx_goal_reviews_reviewed_on ON goal_reviews(reviewed_on, goal_id, level)",
        "CREATE INDEX IF NOT EXISTS idx_partner_comms_sent_days ON partner_comms(sent_on, days_to_send)",
    ):
        db.execute(sql)


@migrations()
def m009_target_comparison(db: Database) -> None:
    # How a figure meets its target, as the contract words it: '>=' (at least),
    # '>' (more than), '<=' (at most) or '<' (less than). Empty: from the
    # indicator's direction ('>=' when higher is better, '<=' when lower is).
    db.table("targets").add_column("comparison", str)


PLAN_REVIEW_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS crisis_plans_review_insert AFTER INSERT ON crisis_plans
       WHEN coalesce(NEW.reviewed_on, '') <> ''
       BEGIN
         INSERT OR IGNORE INTO crisis_plan_reviews (person_id, created_on, reviewed_on)
         VALUES (NEW.person_id, NEW.created_on, NEW.reviewed_on);
       END""",
    """CREATE TRIGGER IF NOT EXISTS crisis_plans_review_update AFTER UPDATE OF reviewed_on ON crisis_plans
       WHEN coalesce(NEW.reviewed_on, '') <> ''
       BEGIN
         INSERT OR IGNORE INTO crisis_plan_reviews (person_id, created_on, reviewed_on)
         VALUES (NEW.person_id, NEW.created_on, NEW.reviewed_on);
       END""",
)
"""Every review date written to ``crisis_plans.reviewed_on`` (by an import or by
hand) is also kept in ``crisis_plan_reviews``, so the history is never lost."""


@migrations()
def m010_crisis_plan_reviews(db: Database) -> None:
    # crisis_plans keeps only a plan's latest review date; indicators that ask
    # "was the plan current at the end of month M" need every review. Each
    # existing plan's review date becomes its first history row.
    db.table("crisis_plan_reviews").create(
        {"person_id": str, "created_on": str, "reviewed_on": str},
        pk=("person_id", "created_on", "reviewed_on"),
        not_null={"person_id", "created_on", "reviewed_on"},
        foreign_keys=PEOPLE_FK,
    )
    db.execute(
        "INSERT OR IGNORE INTO crisis_plan_reviews (person_id, created_on, reviewed_on) "
        "SELECT person_id, created_on, reviewed_on FROM crisis_plans "
        "WHERE coalesce(reviewed_on, '') <> '' AND created_on IS NOT NULL"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_crisis_plan_reviews_reviewed "
               "ON crisis_plan_reviews(reviewed_on, person_id)")
    for sql in PLAN_REVIEW_TRIGGERS:
        db.execute(sql)


@migrations()
def m011_contract_review_inputs(db: Database) -> None:
    # What a contract review needs that the service records do not hold:
    # planned activity (contracted volumes), workforce and supervision figures,
    # and requests to the commissioner. Each row names its period by label
    # ('2026/27 Q2'); imported with `evidencebot import activity_plan|workforce|requests`.
    db.table("activity_plan").create(
        {"period": str, "measure": str, "planned": float, "source": str},
        pk=("period", "measure"),
        not_null={"planned"},
    )
    db.table("workforce").create(
        {"period": str, "measure": str, "value": float, "note": str},
        pk=("period", "measure"),
        not_null={"value"},
    )
    db.table("requests").create(
        {"request_id": str, "raised_on": str, "request": str, "background": str, "owner": str,
         "status": str},
        pk="request_id",
        not_null={"raised_on", "request"},
    )


BLOCK_TEXT_FIELDS = ("title", "body", "means", "tags")


@migrations()
def m012_answer_blocks(db: Database) -> None:
    # The approved method library: reusable answer blocks (compose/library.py),
    # with the four-eyes approval stories have, review dates and where used;
    # and the service profile that fills the blocks' placeholders.
    db.table("answer_blocks").create(
        {
            "block_id": str,
            "title": str,
            "body": str,  # method text; {placeholders} are filled from service_profile
            "means": str,  # optional: what this means for the people supported
            "tags": str,  # ;-separated topic tags
            "owner": str,
            "source": str,  # where it came from: a file, an earlier answer, 'written in the app'
            "status": str,  # draft | submitted | approved
            "submitted_by": str,
            "submitted_at": str,
            "approved_by": str,
            "approved_at": str,
            "last_reviewed": str,
            "review_due": str,  # past this date the block is stale: used only with a warning
            "created_at": str,
            "updated_at": str,
        },
        pk="block_id",
        not_null={"title", "body"},
        defaults={"status": "draft"},
    )
    conn = db.conn
    conn.execute(
        "CREATE VIRTUAL TABLE answer_blocks_fts USING fts5(title, tags, body, "
        "content='answer_blocks', content_rowid='rowid', tokenize='porter')"
    )
    cols = "title, tags, body"
    conn.execute(
        "CREATE TRIGGER answer_blocks_ai AFTER INSERT ON answer_blocks BEGIN "
        f"INSERT INTO answer_blocks_fts (rowid, {cols}) VALUES (new.rowid, new.title, new.tags, new.body); END"
    )
    conn.execute(
        "CREATE TRIGGER answer_blocks_ad AFTER DELETE ON answer_blocks BEGIN "
        f"INSERT INTO answer_blocks_fts (answer_blocks_fts, rowid, {cols}) "
        "VALUES ('delete', old.rowid, old.title, old.tags, old.body); END"
    )
    # fires only when an indexed column changes, so the approval reset below (an
    # update inside an update that changes none of them) never touches the index
    conn.execute(
        "CREATE TRIGGER answer_blocks_au AFTER UPDATE OF title, tags, body ON answer_blocks "
        "WHEN old.title IS NOT new.title OR old.tags IS NOT new.tags OR old.body IS NOT new.body BEGIN "
        f"INSERT INTO answer_blocks_fts (answer_blocks_fts, rowid, {cols}) "
        "VALUES ('delete', old.rowid, old.title, old.tags, old.body); "
        f"INSERT INTO answer_blocks_fts (rowid, {cols}) VALUES (new.rowid, new.title, new.tags, new.body); END"
    )
    changed = " OR ".join(f"old.[{c}] IS NOT new.[{c}]" for c in BLOCK_TEXT_FIELDS)
    conn.execute(
        f"CREATE TRIGGER workflow_block_text_changed AFTER UPDATE OF {', '.join(BLOCK_TEXT_FIELDS)} "
        f"ON answer_blocks WHEN old.status IN ('submitted', 'approved') AND ({changed}) "
        "AND new.approved_at IS old.approved_at "
        "BEGIN UPDATE answer_blocks SET status = 'draft', submitted_by = NULL, submitted_at = NULL, "
        "approved_by = NULL, approved_at = NULL WHERE rowid = new.rowid; END"
    )
    db.table("block_uses").create(
        {"use_id": int, "block_id": str, "used_in": str, "question": str, "used_at": str, "used_by": str},
        pk="use_id",
        not_null={"block_id", "used_in", "used_at"},
    )
    db.table("block_uses").create_index(["block_id"])
    db.table("service_profile").create({"field": str, "value": str, "updated_at": str}, pk="field")

    audit.install_triggers(db)


@migrations()
def m013_tenders(db: Database) -> None:
    # Tenders imported from a buyer's questionnaire (cli/tender.py): the
    # compliance matrix is one row per question.
    db.table("tenders").create(
        {
            "tender_id": int,
            "title": str,
            "source_file": str,
            "source_kind": str,  # docx | xlsx
            "answer_column": str,  # xlsx: the header of the column answers go in
            "sheet": str,
            "imported_at": str,
            "imported_by": str,
        },
        pk="tender_id",
        not_null={"title", "source_file", "source_kind", "imported_at"},
    )
    db.table("tender_questions").create(
        {
            "id": int,
            "tender_id": int,
            "position": int,
            "ref": str,
            "question": str,
            "guidance": str,
            "word_limit": int,
            "char_limit": int,
            "page_limit": float,
            "limit_text": str,  # the limit as the buyer wrote it
            "weighting": float,
            "owner": str,
            "due_on": str,
            "status": str,  # not started | drafted | checked | needs work
            "answer": str,
            "words": int,
            "coverage": str,  # one line per sub-point: heading: status
            "row": int,  # xlsx: the question's row
            "drafted_at": str,
        },
        pk="id",
        not_null={"tender_id", "position", "ref", "question"},
        defaults={"status": "not started"},
        foreign_keys=[("tender_id", "tenders", "tender_id")],
    )
    db.table("tender_questions").create_index(["tender_id", "position"], unique=True)


@migrations()
def m015_approved_elsewhere(db: Database) -> None:
    # An approval named in an imported story file was not recorded by this app:
    # kept as "approved elsewhere by NAME" until a colleague confirms it here.
    db.table("stories").add_column("approved_elsewhere_by", str)
    db.table("stories").add_column("approved_elsewhere_at", str)


@migrations()
def m016_audit_chain(db: Database) -> None:
    # The audit log becomes tamper-evident: each entry's hash chains to the one before.
    audit.ensure_functions(db)
    audit.install_chain(db)


@migrations()
def m018_draft_privacy_warnings(db: Database) -> None:
    # The editor says once that a draft holds personal data: recorded per draft, so "once" holds across
    # sessions (no text is kept here, only when the warning was given).
    db.execute("CREATE TABLE IF NOT EXISTS draft_privacy_warnings ("
               "draft_id INTEGER PRIMARY KEY REFERENCES drafts(draft_id) ON DELETE CASCADE, warned_at TEXT NOT NULL)")


@migrations()
def m021_work_accounts(db: Database) -> None:
    # The computer account behind each writing, submitting and approving action on stories,
    # drafts and answer blocks, so that renaming yourself in config.toml does not make you a
    # second person. (A database that ran this before blocks were included: doctor --fix adds
    # their three triggers.)
    from evidencebot.store import audit, workflow

    table = db.table("work_accounts")
    table.create(
        {"id": int, "table_name": str, "row_key": str, "role": str, "account": str, "user": str, "at": str},
        pk="id", not_null={"table_name", "row_key", "role", "account"},
    )
    table.create_index(["table_name", "row_key"])
    audit.ensure_functions(db)
    workflow.install_account_triggers(db)


@migrations()
def m023_variance_note_action(db: Database) -> None:
    # A variance note says the cause (``reason``), the action and when the measure
    # is expected to be back on target, separately, so the review can say which of
    # them is known. Existing notes keep their text as the reason.
    notes = db.table("variance_notes")
    notes.add_column("action", str)
    notes.add_column("recovery_on", str)


@migrations()
def m026_tender_facts(db: Database) -> None:
    # A tender's own facts (issue 12): the buyer, the area, the service as the buyer names it,
    # the contract start and length, and whether we are the incumbent or a new provider. Read
    # from the questionnaire at import (``quote``: the buyer's words it was read from) or set by
    # the bid team (``source`` 'set'); they fill the answers' placeholders over the service profile.
    db.table("tender_facts").create(
        {"tender_id": int, "field": str, "value": str, "source": str, "quote": str,
         "updated_at": str, "updated_by": str},
        pk=("tender_id", "field"),
        not_null={"tender_id", "field", "value", "source"},
        foreign_keys=[("tender_id", "tenders", "tender_id")],
    )


@migrations()
def m027_declarations(db: Database) -> None:
    # The organisation's declarations (issue 12): what the provider has recorded it can confirm in a
    # buyer's Pass/Fail part (its safeguarding policies and their approval and review dates, its named
    # safeguarding leads and their training levels, DBS checks before starting work, ...), one row per
    # topic of phrasebank/confirmations.yaml. A "Yes" is given only from a row here.
    from evidencebot.store import audit

    db.table("declarations").create(
        {"topic": str, "statement": str, "evidence": str, "approved_by": str, "approved_on": str,
         "reviewed_on": str, "updated_at": str, "updated_by": str},
        pk="topic",
        not_null={"topic", "statement"},
    )
    audit.install_triggers(db)


def migrate(db: Database, *, backup: bool = True) -> list[str]:
    """Apply pending migrations; return the names applied.

    An existing, non-empty file database is first copied to the backups
    folder (``store.backup.pre_migration_backup``; the last few are kept);
    when that copy fails nothing is changed. The migrations then run under
    one write lock (``BEGIN IMMEDIATE``), and the pending list is read again
    inside it, so two processes opening an old database at once do not both
    apply the same migration.
    """
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        return []
    saved = None
    if backup:
        from evidencebot.store.backup import pre_migration_backup

        saved = pre_migration_backup(db, pending)
    conn = db.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        pending = [m.name for m in migrations.pending(db)]
        if pending:
            migrations.apply(db)
            if db["audit_log"].exists():
                from evidencebot.store import audit

                audit.record(db, table="_sqlite_migrations", action="migrate", key=pending[-1],
                             changes={"applied": pending, "backup": saved.name if saved else None})
    except BaseException:
        if own and conn.in_transaction:
            conn.rollback()
        raise
    if own:
        conn.execute("COMMIT")
    return pending
