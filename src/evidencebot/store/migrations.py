"""Numbered schema migrations (sqlite-utils 4 ``Migrations``).

Rules for this file:
* never edit a migration that has been released: add a new one;
* name them ``mNNN_what``; they run in the order they are defined;
* dates are ISO text (``YYYY-MM-DD``), date-times ``YYYY-MM-DDTHH:MM[:SS]``,
  booleans 0/1 integers, lists ``;``-separated text;
* declare a new table with :func:`create_tables` (one compact line per table, ``store/declare.py``);
* the schema a fresh database gets is pinned, byte for byte, by ``tests/store/test_schema_golden.py``:
  after adding a migration, regenerate ``tests/data/golden/schema.txt`` as that test says, and read the diff.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any, Callable

from sqlite_utils import Database, Migrations

from evidencebot.errors import InputError
from evidencebot.store import audit, declare, workflow
from evidencebot.store.backup import main_file, pre_migration_backup

migrations = Migrations("evidencebot")

TYPES: dict[str | None, type] = {None: str, "int": int, "float": float}


def create_tables(db: Database, spec: str) -> None:
    """Create the tables ``spec`` declares (``store.declare``: ``name[:int|:float][*][!][>table][=default]``),
    in its order, as sqlite-utils' ``Table.create`` would."""
    for name, columns in declare.tables(spec):
        options: dict[str, Any] = {}
        for column in columns:
            kind = TYPES[column.type]
            if column.required:
                options.setdefault("not_null", set()).add(column.name)
            if column.refers:
                options.setdefault("foreign_keys", []).append((column.name, column.refers, column.name))
            if column.default is not None:
                options.setdefault("defaults", {})[column.name] = kind(column.default)
        pk = [column.name for column in columns if column.key]
        types = {column.name: TYPES[column.type] for column in columns}
        db.table(name).create(types, pk=pk[0] if len(pk) == 1 else tuple(pk), **options)


@migrations()
def m001_service_tables(db: Database) -> None:
    create_tables(db, """
        people  person_id*  service  referral_date!  discharge_date  age_band
                baseline_escalations_per_month:float  housing_status
        contacts  contact_id*  person_id!>people  contact_at!  kind!  mode  attendance!
        escalations  escalation_id*  person_id!>people  raised_at!  level:int!  triggers  warning_signs
                     action_taken  rationale  reviewed_at  outcome
        crisis_events  event_id*  person_id!>people  started_on!  setting!  ended_on
        admissions  spell_id*  person_id!>people  admitted_on!  discharged_on  discharge_type  first_followup_at
                    housing_confirmed:int  engaged_within_14_days:int  handover_complete:int
        crisis_plans  person_id*>people  created_on*  reviewed_on  easy_read:int
        goals  goal_id*  person_id!>people  domain!  description  set_on!  baseline_level:int=-1  weight:float=1.0
        goal_reviews  goal_id*>goals  reviewed_on*  level:int!
        measures  person_id*>people  instrument*  measured_on*  score:float!
        safeguarding  concern_id*  person_id>people  concern_on!  referred_on  multi_agency_plan:int  outcome
        incidents  incident_id*  occurred_on!  type!  severity  summary  learning  action  owner  due_on  closed_on
        partner_comms  comm_id*  sent_on!  partner!  person_id>people  purpose  days_to_send:int
    """)


@migrations()
def m002_stories_and_drafts(db: Database) -> None:
    create_tables(db, """
        stories  story_id*  title!  person_id>people  domains  goal_ids  consent=none  consent_date  author
                 approved_by  approved_at  status=draft  story_date  context  support_approach  delivery
                 evidence  source  created_at  updated_at
    """)
    db.table("stories").enable_fts(
        ["title", "domains", "context", "support_approach", "delivery", "evidence"],
        create_triggers=True,
        tokenize="porter",
    )
    create_tables(db, """
        drafts  draft_id:int*  kind!  title  question  word_limit:int  period  body  status=draft  created_by
                created_at  updated_at
        draft_versions  draft_id:int*>drafts  version:int*  body  saved_at  saved_by
    """)


@migrations()
def m003_service_context(db: Database) -> None:
    # A dated change to how the service works: SPC limits are recalculated here.
    create_tables(db, """
        service_changes  change_id:int*  changed_on!  title!  description
                         indicators  # ;-separated indicator ids, empty = all
        targets  indicator_id*  target:float!  set_on  source
    """)


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
    create_tables(db, """
        bids  bid_id:int*  question!  answer!  word_limit:int  words:int  period  created_at
              review_date  # re-check the answer's figures after this date
              score:float  max_score:float  feedback
              outcome  # e.g. won | lost | pending
    """)
    db.table("bids").enable_fts(["question", "answer"], create_triggers=True, tokenize="porter")
    # Contract-review variance notes: why a target was missed, who acts, by when.
    create_tables(db, "variance_notes  indicator_id*  period*  reason  owner  due_on  created_at")


@migrations()
def m006_facts(db: Database) -> None:
    # Figures from outside the database (an ICB dashboard, a CQC rating) that a
    # bid may quote: a matching figure in a draft then counts as supported.
    create_tables(db, """
        facts  fact_id:int*  statement!  value:float
               unit  # percent | per_100 | count | hours | days | score | text
               indicator_id  period  source!  source_date!
               review_by  # after this date the fact is stale
               created_at  created_by
    """)


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
    create_tables(db, """
        story_consents  consent_id:int*  story_id!
                        consent!  # external | internal | none
                        consent_date
                        event!  # recorded | withdrawn
                        recorded_at!  recorded_by  note
    """)
    db.table("story_consents").create_index(["story_id"])
    db.execute(
        "INSERT INTO story_consents (story_id, consent, consent_date, event, recorded_at, recorded_by, note) "
        "SELECT story_id, coalesce(consent, 'none'), consent_date, 'recorded', "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'm007_governance', "
        "'consent as held when the consent history began' FROM stories"
    )
    # Which documents used which stories (filled by every export).
    create_tables(db, """
        document_stories  id:int*
                          document!  # path or id of the exported document
                          kind!  # tender | review | story | ...
                          story_id!  exported_at!  exported_by
    """)
    db.table("document_stories").create_index(["story_id"])
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
    create_tables(db, "crisis_plan_reviews  person_id*!>people  created_on*!  reviewed_on*!")
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
    create_tables(db, """
        activity_plan  period*  measure*  planned:float!  source
        workforce  period*  measure*  value:float!  note
        requests  request_id*  raised_on!  request!  background  owner  status
    """)


BLOCK_TEXT_FIELDS = ("title", "body", "means", "tags")


@migrations()
def m012_answer_blocks(db: Database) -> None:
    # The approved method library: reusable answer blocks (compose/library.py),
    # with the four-eyes approval stories have, review dates and where used;
    # and the service profile that fills the blocks' placeholders.
    create_tables(db, """
        answer_blocks  block_id*  title!
                       body!  # method text; {placeholders} are filled from service_profile
                       means  # optional: what this means for the people supported
                       tags  # ;-separated topic tags
                       owner
                       source  # where it came from: a file, an earlier answer, 'written in the app'
                       status=draft  # draft | submitted | approved
                       submitted_by  submitted_at  approved_by  approved_at  last_reviewed
                       review_due  # past this date the block is stale: used only with a warning
                       created_at  updated_at
    """)
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
    create_tables(db, "block_uses  use_id:int*  block_id!  used_in!  question  used_at!  used_by")
    db.table("block_uses").create_index(["block_id"])
    create_tables(db, "service_profile  field*  value  updated_at")

    audit.install_triggers(db)


@migrations()
def m013_tenders(db: Database) -> None:
    # Tenders imported from a buyer's questionnaire (cli/tender.py): the
    # compliance matrix is one row per question.
    create_tables(db, """
        tenders  tender_id:int*  title!  source_file!
                 source_kind!  # docx | xlsx
                 answer_column  # xlsx: the header of the column answers go in
                 sheet  imported_at!  imported_by
        tender_questions  id:int*  tender_id:int!>tenders  position:int!  ref!  question!  guidance  word_limit:int
                          char_limit:int  page_limit:float
                          limit_text  # the limit as the buyer wrote it
                          weighting:float  owner  due_on
                          status='not started'  # not started | drafted | checked | needs work
                          answer  words:int
                          coverage  # one line per sub-point: heading: status
                          row:int  # xlsx: the question's row
                          drafted_at
    """)
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
    create_tables(db, "work_accounts  id:int*  table_name!  row_key!  role!  account!  user  at")
    table = db.table("work_accounts")
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
    create_tables(db, """
        tender_facts  tender_id:int*!>tenders  field*!  value!  source!  quote  updated_at  updated_by
    """)


@migrations()
def m027_declarations(db: Database) -> None:
    # The organisation's declarations (issue 12): what the provider has recorded it can confirm in a
    # buyer's Pass/Fail part (its safeguarding policies and their approval and review dates, its named
    # safeguarding leads and their training levels, DBS checks before starting work, ...), one row per
    # topic of phrasebank/confirmations.yaml. A "Yes" is given only from a row here.
    create_tables(db, """
        declarations  topic*!  statement!  evidence  approved_by  approved_on  reviewed_on  updated_at  updated_by
    """)
    audit.install_triggers(db)


@migrations()
def m028_block_scope(db: Database) -> None:
    # A block written in the app to fill a gap of a drafted answer (issue 12 items 3 and 6): ``ask`` is the part's ask
    # it was written for (a later draft of that ask takes it), ``buyer`` the buyer whose tender it was written for
    # (preferred in that buyer's answers and never used in another buyer's until someone marks it general: '').
    blocks = db.table("answer_blocks")
    blocks.add_column("ask", str)
    blocks.add_column("buyer", str)
    audit.install_triggers(db)


MIGRATION_WAIT_MS = 300_000
"""How long a process that finds the database being upgraded by another waits for it (the other may be applying a
long migration on a busy machine) before it says the database is busy. Longer than an ordinary write's busy
timeout (:data:`evidencebot.store.db.BUSY_TIMEOUT_MS`): a migration holds the write lock for all its steps."""


on_wait: Callable[[str], None] | None = None
"""Set by a face to tell the user that an upgrade waits for another process (the command line prints a line on
stderr); nothing is logged (tests/governance/test_file_safety.py)."""


def _waiting_for_upgrade(path) -> None:
    """Called once when another process holds the write lock of a database this one is about to upgrade."""
    if on_wait is not None:
        on_wait(f"{path}: another program (another evidencebot upgrading it?) is writing to it: waiting for it")


def _begin_migration(db: Database) -> None:
    """``BEGIN IMMEDIATE`` for the migrations. Another process's write lock (another evidencebot upgrading the same
    file, on a busy machine for longer than an ordinary write's busy timeout) is waited for, up to
    :data:`MIGRATION_WAIT_MS` (saying so once, :data:`on_wait`); then :class:`InputError` says the database is busy
    (never a traceback)."""
    conn = db.conn
    deadline = time.monotonic() + MIGRATION_WAIT_MS / 1000
    said = False
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")  # each try waits the connection's own busy timeout
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            where = main_file(conn) or "the database"
            if time.monotonic() >= deadline:
                raise InputError(
                    f"{where}: the database is busy: another program (another evidencebot upgrading it?) kept it "
                    f"locked for more than {MIGRATION_WAIT_MS / 1000:g} s ({exc}); nothing was changed, try again"
                ) from None
            if not said:
                _waiting_for_upgrade(where)
                said = True
            time.sleep(0.05)  # a connection with no busy timeout would otherwise spin


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
        saved = pre_migration_backup(db, pending)
    conn = db.conn
    own = not conn.in_transaction
    if own:
        _begin_migration(db)  # a second process upgrading at the same time waits here for the first
    try:
        pending = [m.name for m in migrations.pending(db)]
        if pending:
            migrations.apply(db)
            if db["audit_log"].exists():
                audit.record(db, table="_sqlite_migrations", action="migrate", key=pending[-1],
                             changes={"applied": pending, "backup": saved.name if saved else None})
    except BaseException:
        if own and conn.in_transaction:
            conn.rollback()
        raise
    if own:
        conn.execute("COMMIT")
    return pending
