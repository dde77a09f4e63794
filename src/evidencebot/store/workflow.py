"""Approval and consent: the rules a story (or a draft) follows before it leaves the service.

Status
------
``draft`` -> ``submitted`` -> ``approved``.

* :func:`submit_story` needs a title and all four parts; it records
  ``submitted_by`` / ``submitted_at`` (the settings user name, local time).
* :func:`approve_story` needs a submitted story and a **different person**
  from the one who submitted it (four eyes); it records ``approved_by`` /
  ``approved_at``. :func:`return_story` sends a submitted or approved story
  back to draft.
* **A change to the text withdraws the approval.** When the title, any of the
  four parts or the person of a submitted or approved story changes, a
  trigger (``workflow_story_text_changed``) puts it back to ``draft`` and
  clears the submission and approval, whichever code path made the change
  (the capture screen, an import, the command line). The one exception is an
  update that records a new approval at the same time (an imported story file
  with a new ``approved_at``). The audit log keeps the old approval.
  Drafts (tender answers, reviews) follow the same rules on their title,
  question and body (``workflow_draft_text_changed``).

Consent
-------
``external`` (may appear in documents sent outside), ``internal`` (internal
learning only) or ``none``. Every change of consent or its date, by any code
path, adds a row to ``story_consents`` (trigger ``workflow_story_consent_*``),
with who recorded it and when.

:func:`withdraw_consent` sets consent to ``none``, stamps
``consent_withdrawn_at`` / ``consent_withdrawn_by``, and returns the documents
that already used the story (from ``document_stories``) and the library
entries, drafts and tender answers that hold its text, verbatim or nearly
(:mod:`evidencebot.store.reach`), so that the person can be told and the
documents recalled. A library entry holding a withdrawn story is shown with
its text hidden. A withdrawn story never reaches a new
export, even if its consent column is later set to ``external`` by an edit:
only :func:`record_consent` (a deliberate new consent) clears the withdrawal.

Exports
-------
Exports choose stories with :func:`exportable_stories` (or the SQL condition
:data:`~evidencebot.store.stories.EXPORTABLE_SQL`): consent ``external`` AND status ``approved`` AND an
approver named AND consent not withdrawn AND none of the four parts empty (a
story with an empty part is never featured in a document). Every export calls
:func:`record_export` with the stories it used, before writing; it refuses
(:class:`ExportNotAllowed`, an ``InputError``) when one of them may not be
exported, and writes ``document_stories`` rows plus one audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from evidencebot.config import load_settings
from evidencebot.errors import ConfigError, InputError
from evidencebot.store import audit, reach
from evidencebot.store.stories import CONSENT_VALUES, EXPORTABLE_SQL, SECTIONS, STATUSES
from evidencebot.store.values import ValueProblem, parse_date

STORY_TEXT_FIELDS = ("title", *SECTIONS, "person_id")
DRAFT_TEXT_FIELDS = ("title", "question", "body")
BLOCK_TEXT_FIELDS = ("title", "body", "means", "tags")
PLACEHOLDER_TITLES = ("", "untitled story")

def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def _user(db: Database, user: str | None) -> str:
    if user is not None:
        name = " ".join(str(user).split())
        if not name:
            raise InputError("a user name cannot be empty")
        return name
    return audit.current_user(db)


# --------------------------------------------------------------------------
# Schema pieces (called from migration m007_governance)
# --------------------------------------------------------------------------


def install_triggers(db: Database) -> list[str]:
    """(Re)create the workflow triggers: consent history and approval reset."""
    conn = db.conn
    names = []

    def make(name: str, sql: str) -> None:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(sql)
        names.append(name)

    now = audit.NOW_SQL
    make(
        "workflow_story_consent_insert",
        "CREATE TRIGGER workflow_story_consent_insert AFTER INSERT ON stories BEGIN "
        "INSERT INTO story_consents (story_id, consent, consent_date, event, recorded_at, recorded_by) "
        f"VALUES (new.story_id, coalesce(new.consent, 'none'), new.consent_date, 'recorded', {now}, "
        "evidencebot_user()); END",
    )
    make(
        "workflow_story_consent_update",
        "CREATE TRIGGER workflow_story_consent_update AFTER UPDATE OF consent, consent_date, "
        "consent_withdrawn_at ON stories WHEN old.consent IS NOT new.consent "
        "OR old.consent_date IS NOT new.consent_date OR old.consent_withdrawn_at IS NOT new.consent_withdrawn_at "
        "BEGIN INSERT INTO story_consents (story_id, consent, consent_date, event, recorded_at, recorded_by) "
        "VALUES (new.story_id, coalesce(new.consent, 'none'), new.consent_date, "
        "CASE WHEN new.consent_withdrawn_at IS NOT NULL AND old.consent_withdrawn_at IS NULL "
        "THEN 'withdrawn' ELSE 'recorded' END, "
        f"{now}, evidencebot_user()); END",
    )
    if db["stories_fts"].exists():
        # The search index's update trigger (made by sqlite-utils in m002) fires on
        # every UPDATE. The approval reset below is an UPDATE made inside another
        # UPDATE; if the index trigger fired for it before firing for the outer
        # one it would delete index entries that are not there yet and corrupt
        # the index. Firing it only when an indexed column changes (the reset
        # changes none) makes the order irrelevant, and saves reindexing on
        # every status or consent change.
        cols = [r[1] for r in conn.execute("PRAGMA table_info(stories_fts)").fetchall()]
        quoted = ", ".join(f'"{c}"' for c in cols)
        differs = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in cols)
        make(
            "stories_au",
            f'CREATE TRIGGER "stories_au" AFTER UPDATE OF {quoted} ON "stories" WHEN {differs} BEGIN\n'
            f'  INSERT INTO "stories_fts" ("stories_fts", rowid, {quoted}) VALUES(\'delete\', old.rowid, '
            + ", ".join(f'old."{c}"' for c in cols) + ");\n"
            f'  INSERT INTO "stories_fts" (rowid, {quoted}) VALUES (new.rowid, '
            + ", ".join(f'new."{c}"' for c in cols) + ");\nEND",
        )
    changed = " OR ".join(f"old.[{c}] IS NOT new.[{c}]" for c in STORY_TEXT_FIELDS)
    make(
        "workflow_story_text_changed",
        f"CREATE TRIGGER workflow_story_text_changed AFTER UPDATE OF {', '.join(STORY_TEXT_FIELDS)} "
        f"ON stories WHEN old.status IN ('submitted', 'approved') AND ({changed}) "
        "AND new.approved_at IS old.approved_at "
        "BEGIN UPDATE stories SET status = 'draft', submitted_by = NULL, submitted_at = NULL, "
        "approved_by = NULL, approved_at = NULL WHERE rowid = new.rowid; END",
    )
    changed = " OR ".join(f"old.[{c}] IS NOT new.[{c}]" for c in DRAFT_TEXT_FIELDS)
    make(
        "workflow_draft_text_changed",
        f"CREATE TRIGGER workflow_draft_text_changed AFTER UPDATE OF {', '.join(DRAFT_TEXT_FIELDS)} "
        f"ON drafts WHEN old.status IN ('submitted', 'approved') AND ({changed}) "
        "AND new.approved_at IS old.approved_at "
        "BEGIN UPDATE drafts SET status = 'draft', submitted_by = NULL, submitted_at = NULL, "
        "approved_by = NULL, approved_at = NULL WHERE rowid = new.rowid; END",
    )
    if db["work_accounts"].exists():
        names += install_account_triggers(db)
    return names


EXPECTED_TRIGGERS = (
    "stories_au",
    "workflow_story_consent_insert",
    "workflow_story_consent_update",
    "workflow_story_text_changed",
    "workflow_draft_text_changed",
)
ACCOUNT_TRIGGERS = ("account_stories_insert", "account_stories_text", "account_stories_status",
                    "account_drafts_insert", "account_drafts_text", "account_drafts_status",
                    "account_answer_blocks_insert", "account_answer_blocks_text", "account_answer_blocks_status")
"""Triggers that record the computer account behind each writing, submitting and approving
action (migration m021); doctor expects them once ``work_accounts`` exists."""


QUOTED_WROTE = "'wrote'"


def install_account_triggers(db: Database) -> list[str]:
    """(Re)create the triggers filling ``work_accounts``: who (the computer account, see
    :func:`evidencebot.store.audit.os_account`, and the declared name) wrote, submitted and
    approved each story and draft, whichever code path made the change."""
    conn = db.conn
    now = audit.NOW_SQL
    names = []

    into = "INSERT INTO work_accounts (table_name, row_key, role, account, user, at)"

    def values(table: str, key: str, role: str) -> str:
        return f"'{table}', CAST({key} AS TEXT), {role}, evidencebot_account(), evidencebot_user(), {now}"

    tables = [("stories", "new.story_id", STORY_TEXT_FIELDS), ("drafts", "new.draft_id", DRAFT_TEXT_FIELDS)]
    if db["answer_blocks"].exists():
        tables.append(("answer_blocks", "new.block_id", BLOCK_TEXT_FIELDS))
    for table, key, fields in tables:
        changed = " OR ".join(f"old.[{c}] IS NOT new.[{c}]" for c in fields)
        sqls = {
            f"account_{table}_insert": (
                f"AFTER INSERT ON {table} BEGIN {into} VALUES ({values(table, key, QUOTED_WROTE)}); "
                f"{into} SELECT {values(table, key, 'new.status')} WHERE new.status IN ('submitted', 'approved'); "
                "END"),
            f"account_{table}_text": (
                f"AFTER UPDATE OF {', '.join(fields)} ON {table} WHEN {changed} "
                f"BEGIN {into} VALUES ({values(table, key, QUOTED_WROTE)}); END"),
            f"account_{table}_status": (
                f"AFTER UPDATE OF status ON {table} WHEN new.status IN ('submitted', 'approved') "
                f"AND old.status IS NOT new.status BEGIN {into} VALUES ({values(table, key, 'new.status')}); END"),
        }
        for name, body in sqls.items():
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            conn.execute(f"CREATE TRIGGER {name} {body}")
            names.append(name)
    return names


def _shared_account() -> bool:
    try:
        return bool(load_settings().governance.shared_account)
    except ConfigError:
        return False


def same_account_approval(db: Database, table: str, key, what: str, who: str) -> str | None:
    """Check, before an approval, that the computer account approving did not write or submit
    the item under another name. Raises :class:`InputError` (one line, saying why) when it did,
    unless ``[governance] shared_account = true``: then returns the account, and the caller
    records the approval as ``same-account`` in the audit log. None when the accounts differ
    (or, for an item written before migration m021, when nothing is known)."""
    if not db["work_accounts"].exists():
        return None
    account = audit.account_of(who)
    names = [r[0] for r in db.execute(
        "SELECT DISTINCT user FROM work_accounts WHERE table_name = ? AND row_key = ? "
        "AND role IN ('wrote', 'submitted') AND account = ? ORDER BY user", [table, str(key), account])
        if not same_person(r[0], who)]  # under your own name the names rule applies (submitter != approver)
    if not names:
        return None
    if _shared_account():
        return account
    raise InputError(
        f"{what} was written or submitted from this same computer account ({account}) under the name "
        f"{', '.join(n or '?' for n in names)}: approval needs a second person on their own account, whatever "
        "[user] name says (if your team shares one login, set [governance] shared_account = true in config.toml; "
        "such approvals are then marked in the audit log)")


def _note_same_account(db: Database, table: str, key, account: str | None, who: str) -> None:
    if account:
        audit.record(db, table=table, action="same-account", key=str(key),
                     changes={"approved_by": who, "account": account})


def approved_from_same_account(db: Database, table: str, key) -> bool:
    """True when the item's approval was recorded as made from the account that wrote or submitted it."""
    if not db["audit_log"].exists():
        return False
    return bool(db.execute("SELECT 1 FROM audit_log WHERE action = 'same-account' AND table_name = ? "
                           "AND row_key = ? LIMIT 1", [table, str(key)]).fetchone())


# --------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------


def get_story(db: Database, story_id: str) -> dict:
    rows = list(db.query("SELECT * FROM stories WHERE story_id = ?", [story_id]))
    if not rows:
        raise InputError(f"no story with id '{story_id}' (see 'evidencebot stories list')")
    return rows[0]


def list_stories(db: Database, *, status: str | None = None, consent: str | None = None,
                 exportable: bool = False) -> list[dict]:
    where, args = [], []
    if status:
        if status not in STATUSES:
            raise InputError(f"unknown status '{status}' (known: {', '.join(STATUSES)})")
        where.append("s.status = ?")
        args.append(status)
    if consent:
        if consent not in CONSENT_VALUES:
            raise InputError(f"unknown consent '{consent}' (known: {', '.join(CONSENT_VALUES)})")
        where.append("s.consent = ?")
        args.append(consent)
    if exportable:
        where.append(f"({EXPORTABLE_SQL})")
    sql = "SELECT s.* FROM stories s"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY s.story_id"
    return list(db.query(sql, args))


def story_blockers(row: dict) -> list[str]:
    """Why a story may not appear in an external document (empty when it may)."""
    reasons = []
    if row.get("consent_withdrawn_at"):
        reasons.append(f"consent was withdrawn on {str(row['consent_withdrawn_at'])[:10]}")
    consent = row.get("consent") or "none"
    if consent != "external" and not row.get("consent_withdrawn_at"):
        reasons.append("no consent for external use" if consent == "none"
                       else f"consent is '{consent}' only, not external")
    empty = [heading for key, heading in SECTIONS.items() if not (row.get(key) or "").strip()]
    if empty:
        reasons.append(f"'{', '.join(empty)}' {'is' if len(empty) == 1 else 'are'} empty")
    status = row.get("status") or "draft"
    if status != "approved" and (row.get("approved_elsewhere_by") or "").strip():
        reasons.append(f"approved elsewhere by {row['approved_elsewhere_by']}: a colleague other than the author "
                       "must confirm the approval here")
    elif status != "approved":
        reasons.append(f"not approved (status: {status})")
    elif not (row.get("approved_by") or "").strip():
        reasons.append("approved, but nobody is named as the approver")
    return reasons


def is_exportable(row: dict) -> bool:
    return not story_blockers(row)


def exportable_stories(db: Database) -> list[dict]:
    """Stories that may appear in an external document, newest first."""
    return list(db.query(
        f"SELECT s.* FROM stories s WHERE {EXPORTABLE_SQL} "
        "ORDER BY coalesce(s.story_date, '') DESC, s.story_id"
    ))


def match_exportable_stories(db: Database, match: str) -> list[dict]:
    """Stories that may appear in an external document matching the FTS5 expression ``match``, best
    first (bm25, then id), each with its ``rank``; none when there is no story search index."""
    if not db["stories_fts"].exists():
        return []
    return list(db.query(
        f"SELECT s.*, bm25(stories_fts) AS rank FROM stories_fts JOIN stories s ON s.rowid = stories_fts.rowid "
        f"WHERE stories_fts MATCH :q AND {EXPORTABLE_SQL} ORDER BY rank, s.story_id", {"q": match}))


def missing_parts(row: dict) -> list[str]:
    """What a story still needs before it can be submitted ("a title", "'Context'" ...)."""
    missing = []
    if (row.get("title") or "").strip().lower() in PLACEHOLDER_TITLES:
        missing.append("a title")
    for key, heading in SECTIONS.items():
        if not (row.get(key) or "").strip():
            missing.append(f"'{heading}'")
    return missing


def refuse_resubmission(row: dict) -> None:
    """``InputError`` when the story is already submitted or approved (only a draft can be submitted)."""
    status = row.get("status") or "draft"
    if status == "submitted":
        raise InputError(f"story {row['story_id']} is already submitted (by {row.get('submitted_by') or 'someone'}); "
                         "it now needs approval by someone else")
    if status == "approved":
        raise InputError(f"story {row['story_id']} is already approved (by {row.get('approved_by')})")


def submit_story(db: Database, story_id: str, *, user: str | None = None) -> dict:
    """draft -> submitted. Needs a title and all four parts."""
    who = _user(db, user)
    with db.atomic():
        row = get_story(db, story_id)
        refuse_resubmission(row)
        missing = missing_parts(row)
        if missing:
            raise InputError(f"story {story_id} cannot be submitted yet: it needs {', '.join(missing)}")
        db.execute(
            "UPDATE stories SET status = 'submitted', submitted_by = ?, submitted_at = ? WHERE story_id = ?",
            [who, _now(), story_id],
        )
    return get_story(db, story_id)


def same_person(a: str | None, b: str | None) -> bool:
    """True when two names are the same person's (case and spacing ignored); False if either is blank."""
    a, b = " ".join(str(a or "").split()).casefold(), " ".join(str(b or "").split()).casefold()
    return bool(a) and a == b


def imported_approval_problem(approved_by: str | None, *, author: str | None = None,
                              submitted_by: str | None = None) -> str | None:
    """Why an approval claimed by an imported story does not meet the rule
    :func:`approve_story` applies (None when it does).

    The approver must be named and must not be the person who submitted the
    story. A story file names no submitter: its ``author`` is taken as the
    person who put it forward, and so is the submitter already on record
    when the story is in the database.
    """
    if not (approved_by or "").strip():
        return "the story is marked approved, but nobody is named as the approver (approved_by)"
    if same_person(approved_by, author):
        return "the approver is also the author: approval needs a second person"
    if same_person(approved_by, submitted_by):
        return "the approver also submitted the story: approval needs a second person"
    return None


def refuse_approval(row: dict, what: str, who: str, *, submit_hint: str = "", second_hint: str = "") -> None:
    """The four-eyes rule every approval (story, draft, answer block) shares: refuse one already approved,
    one not submitted, and one submitted by ``who``. ``what`` names the item ("story S0001")."""
    status = row.get("status") or "draft"
    if status == "approved":
        raise InputError(f"{what} is already approved (by {row.get('approved_by')})")
    if status != "submitted":
        raise InputError(f"{what} is a draft: submit it first{submit_hint}")
    if same_person(row.get("submitted_by"), who):
        raise InputError(f"{what} was submitted by {who}: approval needs a second person{second_hint}")


_KEYS = {"stories": "story_id", "drafts": "draft_id", "answer_blocks": "block_id"}


def record_approval(db: Database, table: str, key, what: str, who: str) -> None:
    """Mark the item approved by ``who`` now, after the computer-account check (:func:`same_account_approval`),
    noting in the audit log an approval from a shared account. Call inside the caller's transaction."""
    shared = same_account_approval(db, table, key, what, who)
    db.execute(f"UPDATE {table} SET status = 'approved', approved_by = ?, approved_at = ? WHERE {_KEYS[table]} = ?",
               [who, _now(), key])
    _note_same_account(db, table, key, shared, who)


def approve_story(db: Database, story_id: str, *, user: str | None = None) -> dict:
    """submitted -> approved, by someone other than the person who submitted it."""
    who = _user(db, user)
    with db.atomic():
        row = get_story(db, story_id)
        refuse_approval(row, f"story {story_id}", who, submit_hint=f" ('evidencebot stories submit {story_id}')",
                        second_hint=" (a colleague runs 'evidencebot stories approve')")
        missing = missing_parts(row)
        if missing:
            raise InputError(f"story {story_id} cannot be approved: it needs {', '.join(missing)}")
        record_approval(db, "stories", story_id, f"story {story_id}", who)
    return get_story(db, story_id)


def return_story(db: Database, story_id: str, *, user: str | None = None) -> dict:
    """Send a submitted or approved story back to draft (approval cleared)."""
    _user(db, user)
    with db.atomic():
        row = get_story(db, story_id)
        if (row.get("status") or "draft") == "draft":
            raise InputError(f"story {story_id} is already a draft")
        db.execute(
            "UPDATE stories SET status = 'draft', submitted_by = NULL, submitted_at = NULL, "
            "approved_by = NULL, approved_at = NULL WHERE story_id = ?",
            [story_id],
        )
    return get_story(db, story_id)


def _consent_date(text: str | None) -> str:
    if text is None or not str(text).strip():
        return dt.date.today().isoformat()

    try:
        day = parse_date(str(text).strip())
    except ValueProblem as exc:
        raise InputError(f"consent date {text!r}: {exc}") from None
    if day > dt.date.today().isoformat():
        raise InputError(f"consent date {day} is in the future")
    return day


@dataclass
class ConsentChange:
    story: dict
    previous: str
    documents: list[dict]
    """Documents that used the story (filled when external consent was lost)."""

    @property
    def lost_external(self) -> bool:
        return self.previous == "external" and not is_exportable(self.story)


def record_consent(db: Database, story_id: str, consent: str, *, date: str | None = None,
                   note: str | None = None, user: str | None = None) -> ConsentChange:
    """Record the consent the person has given (a new consent clears an earlier withdrawal).

    Going from ``external`` to anything else counts as a withdrawal of
    external consent: the withdrawal is stamped and the documents that used
    the story are returned.
    """
    consent = (consent or "").strip().lower()
    if consent not in CONSENT_VALUES:
        raise InputError(f"unknown consent '{consent}' (known: {', '.join(CONSENT_VALUES)})")
    day = _consent_date(date)
    who = _user(db, user)
    with db.atomic():
        row = get_story(db, story_id)
        previous = row.get("consent") or "none"
        if previous == "external" and consent != "external":
            withdrawn = (_now(), who)
        elif consent == "none" and row.get("consent_withdrawn_at"):
            withdrawn = (row["consent_withdrawn_at"], row.get("consent_withdrawn_by"))
        else:
            withdrawn = (None, None)
        db.execute(
            "UPDATE stories SET consent = ?, consent_date = ?, consent_withdrawn_at = ?, consent_withdrawn_by = ? "
            "WHERE story_id = ?",
            [consent, day, withdrawn[0], withdrawn[1], story_id],
        )
        _note_last_consent(db, story_id, note)
        docs = documents_reached(db, story_id) if previous == "external" and consent != "external" else []
        if docs or (previous == "external" and consent != "external"):
            audit.record(db, table="stories", action="consent-withdrawn", key=story_id,
                         changes={"consent": [previous, consent], "documents": len(docs)})
    return ConsentChange(get_story(db, story_id), previous, docs)


def withdraw_consent(db: Database, story_id: str, *, note: str | None = None,
                     user: str | None = None) -> ConsentChange:
    """The person withdrew consent: no future export uses the story.

    Returns the documents that already used it, so they can be recalled.
    """
    who = _user(db, user)
    with db.atomic():
        row = get_story(db, story_id)
        previous = row.get("consent") or "none"
        if row.get("consent_withdrawn_at") and previous == "none":
            raise InputError(f"consent for story {story_id} was already withdrawn on "
                             f"{str(row['consent_withdrawn_at'])[:10]}")
        db.execute(
            "UPDATE stories SET consent = 'none', consent_date = ?, consent_withdrawn_at = ?, "
            "consent_withdrawn_by = ? WHERE story_id = ?",
            [dt.date.today().isoformat(), _now(), who, story_id],
        )
        _note_last_consent(db, story_id, note)
        docs = documents_reached(db, story_id)
        audit.record(db, table="stories", action="consent-withdrawn", key=story_id,
                     changes={"consent": [previous, "none"], "documents": len(docs)})
    return ConsentChange(get_story(db, story_id), previous, docs)


def _note_last_consent(db: Database, story_id: str, note: str | None) -> None:
    if note and note.strip():
        db.execute(
            "UPDATE story_consents SET note = ? WHERE consent_id = "
            "(SELECT max(consent_id) FROM story_consents WHERE story_id = ?)",
            [note.strip(), story_id],
        )


def consent_history(db: Database, story_id: str) -> list[dict]:
    return list(db.query(
        "SELECT consent, consent_date, event, recorded_at, recorded_by, note FROM story_consents "
        "WHERE story_id = ? ORDER BY consent_id", [story_id]))


# --------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------


class ExportNotAllowed(InputError):
    """An export would use stories that may not leave the service; ``reasons`` says why, one per story."""

    def __init__(self, document: str, reasons: list[str]):
        self.document = document
        self.reasons = reasons
        what = "nothing was printed" if document == "stdout" else f"{Path(document).name} was not exported"
        super().__init__(f"{what}: it would use stories that may not leave the service: " + " | ".join(reasons))


def record_export(db: Database, document: str | Path, kind: str, story_ids, *, text: str | None = None) -> int:
    """Record that ``document`` (a path, an id or ``stdout``) of ``kind`` used ``story_ids``.

    ``text``: the document's text. Stories it holds, verbatim or nearly
    (:func:`evidencebot.store.reach.stories_in`), count as used too, so a pasted
    or lightly edited copy of a story that may not leave the service is refused
    like a named one (and a later withdrawal lists the document).

    Call it **before** writing the document. Refuses with
    :class:`ExportNotAllowed` (an :class:`InputError`; nothing recorded) when
    any of the stories may not be exported. Returns the number of stories
    recorded. :func:`evidencebot.compose.export.write_recorded` records and
    writes a file as one step (both or neither).
    """
    document = str(document)
    if not document.strip():
        raise InputError("record_export needs the document's path or id")
    ids = list(dict.fromkeys(str(s) for s in (story_ids or [])))
    if text:
        ids += [row["story_id"] for row, _ in reach.stories_in(db, text) if row["story_id"] not in ids]
    who = audit.current_user(db)
    now = _now()
    with db.atomic():
        refused = []
        for sid in ids:
            rows = list(db.query("SELECT * FROM stories WHERE story_id = ?", [sid]))
            if not rows:
                refused.append(f"story {sid} does not exist")
                continue
            reasons = story_blockers(rows[0])
            if reasons:
                refused.append(f"story {sid}: {'; '.join(reasons)}")
        if refused:
            raise ExportNotAllowed(document, refused)
        db.conn.executemany(
            "INSERT INTO document_stories (document, kind, story_id, exported_at, exported_by) VALUES (?, ?, ?, ?, ?)",
            [(document, kind, sid, now, who) for sid in ids],
        )
        audit.record(db, table="document_stories", action="export", key=Path(document).name,
                     changes={"kind": kind, "stories": ids})
    return len(ids)


def documents_reached(db: Database, story_id: str) -> list[dict]:
    """Everything a withdrawal reaches: the documents exported with the story
    (:func:`documents_using`), then the library entries, drafts and tender
    answers that hold its text, verbatim or nearly
    (:func:`evidencebot.store.reach.holders`; these rows have ``found``)."""
    return documents_using(db, story_id) + reach.holders(db, story_id)


def documents_using(db: Database, story_id: str) -> list[dict]:
    """Documents that used a story, oldest first."""
    if not db["document_stories"].exists():
        return []
    return list(db.query(
        "SELECT document, kind, exported_at, exported_by FROM document_stories WHERE story_id = ? "
        "ORDER BY exported_at, id", [story_id]))


# --------------------------------------------------------------------------
# Drafts (tender answers, reviews): the same status rules, no consent
# --------------------------------------------------------------------------


def get_draft(db: Database, draft_id: int) -> dict:
    rows = list(db.query("SELECT * FROM drafts WHERE draft_id = ?", [int(draft_id)]))
    if not rows:
        raise InputError(f"no draft number {draft_id}")
    return rows[0]


def submit_draft(db: Database, draft_id: int, *, user: str | None = None) -> dict:
    who = _user(db, user)
    with db.atomic():
        row = get_draft(db, draft_id)
        status = row.get("status") or "draft"
        if status != "draft":
            raise InputError(f"draft {draft_id} is already {status}")
        if not (row.get("body") or "").strip():
            raise InputError(f"draft {draft_id} is empty: write it before submitting it")
        db.execute("UPDATE drafts SET status = 'submitted', submitted_by = ?, submitted_at = ? WHERE draft_id = ?",
                   [who, _now(), int(draft_id)])
    return get_draft(db, draft_id)


def approve_draft(db: Database, draft_id: int, *, user: str | None = None) -> dict:
    who = _user(db, user)
    with db.atomic():
        row = get_draft(db, draft_id)
        refuse_approval(row, f"draft {draft_id}", who)
        record_approval(db, "drafts", int(draft_id), f"draft {draft_id}", who)
    return get_draft(db, draft_id)


def draft_is_approved(row: dict) -> bool:
    return (row.get("status") == "approved") and bool((row.get("approved_by") or "").strip())
