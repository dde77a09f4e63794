-- table _sqlite_migrations on _sqlite_migrations
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

-- index idx__sqlite_migrations_migration_set_name on _sqlite_migrations
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

-- table people on people
CREATE TABLE "people" (
   "person_id" TEXT PRIMARY KEY,
   "service" TEXT,
   "referral_date" TEXT NOT NULL,
   "discharge_date" TEXT,
   "age_band" TEXT,
   "baseline_escalations_per_month" REAL,
   "housing_status" TEXT
);

-- index sqlite_autoindex_people_1 on people
None;

-- table contacts on contacts
CREATE TABLE "contacts" (
   "contact_id" TEXT PRIMARY KEY,
   "person_id" TEXT NOT NULL REFERENCES "people"("person_id"),
   "contact_at" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "mode" TEXT,
   "attendance" TEXT NOT NULL
);

-- index sqlite_autoindex_contacts_1 on contacts
None;

-- table escalations on escalations
CREATE TABLE "escalations" (
   "escalation_id" TEXT PRIMARY KEY,
   "person_id" TEXT NOT NULL REFERENCES "people"("person_id"),
   "raised_at" TEXT NOT NULL,
   "level" INTEGER NOT NULL,
   "triggers" TEXT,
   "warning_signs" TEXT,
   "action_taken" TEXT,
   "rationale" TEXT,
   "reviewed_at" TEXT,
   "outcome" TEXT
);

-- index sqlite_autoindex_escalations_1 on escalations
None;

-- table crisis_events on crisis_events
CREATE TABLE "crisis_events" (
   "event_id" TEXT PRIMARY KEY,
   "person_id" TEXT NOT NULL REFERENCES "people"("person_id"),
   "started_on" TEXT NOT NULL,
   "setting" TEXT NOT NULL,
   "ended_on" TEXT
);

-- index sqlite_autoindex_crisis_events_1 on crisis_events
None;

-- table admissions on admissions
CREATE TABLE "admissions" (
   "spell_id" TEXT PRIMARY KEY,
   "person_id" TEXT NOT NULL REFERENCES "people"("person_id"),
   "admitted_on" TEXT NOT NULL,
   "discharged_on" TEXT,
   "discharge_type" TEXT,
   "first_followup_at" TEXT,
   "housing_confirmed" INTEGER,
   "engaged_within_14_days" INTEGER,
   "handover_complete" INTEGER
);

-- index sqlite_autoindex_admissions_1 on admissions
None;

-- table crisis_plans on crisis_plans
CREATE TABLE "crisis_plans" (
   "person_id" TEXT REFERENCES "people"("person_id"),
   "created_on" TEXT,
   "reviewed_on" TEXT,
   "easy_read" INTEGER,
   PRIMARY KEY ("person_id", "created_on")
);

-- index sqlite_autoindex_crisis_plans_1 on crisis_plans
None;

-- table goals on goals
CREATE TABLE "goals" (
   "goal_id" TEXT PRIMARY KEY,
   "person_id" TEXT NOT NULL REFERENCES "people"("person_id"),
   "domain" TEXT NOT NULL,
   "description" TEXT,
   "set_on" TEXT NOT NULL,
   "baseline_level" INTEGER DEFAULT -1,
   "weight" REAL DEFAULT 1.0
);

-- index sqlite_autoindex_goals_1 on goals
None;

-- table goal_reviews on goal_reviews
CREATE TABLE "goal_reviews" (
   "goal_id" TEXT REFERENCES "goals"("goal_id"),
   "reviewed_on" TEXT,
   "level" INTEGER NOT NULL,
   PRIMARY KEY ("goal_id", "reviewed_on")
);

-- index sqlite_autoindex_goal_reviews_1 on goal_reviews
None;

-- table measures on measures
CREATE TABLE "measures" (
   "person_id" TEXT REFERENCES "people"("person_id"),
   "instrument" TEXT,
   "measured_on" TEXT,
   "score" REAL NOT NULL,
   PRIMARY KEY ("person_id", "instrument", "measured_on")
);

-- index sqlite_autoindex_measures_1 on measures
None;

-- table safeguarding on safeguarding
CREATE TABLE "safeguarding" (
   "concern_id" TEXT PRIMARY KEY,
   "person_id" TEXT REFERENCES "people"("person_id"),
   "concern_on" TEXT NOT NULL,
   "referred_on" TEXT,
   "multi_agency_plan" INTEGER,
   "outcome" TEXT
);

-- index sqlite_autoindex_safeguarding_1 on safeguarding
None;

-- table incidents on incidents
CREATE TABLE "incidents" (
   "incident_id" TEXT PRIMARY KEY,
   "occurred_on" TEXT NOT NULL,
   "type" TEXT NOT NULL,
   "severity" TEXT,
   "summary" TEXT,
   "learning" TEXT,
   "action" TEXT,
   "owner" TEXT,
   "due_on" TEXT,
   "closed_on" TEXT
);

-- index sqlite_autoindex_incidents_1 on incidents
None;

-- table partner_comms on partner_comms
CREATE TABLE "partner_comms" (
   "comm_id" TEXT PRIMARY KEY,
   "sent_on" TEXT NOT NULL,
   "partner" TEXT NOT NULL,
   "person_id" TEXT REFERENCES "people"("person_id"),
   "purpose" TEXT,
   "days_to_send" INTEGER
);

-- index sqlite_autoindex_partner_comms_1 on partner_comms
None;

-- table stories on stories
CREATE TABLE "stories" (
   "story_id" TEXT PRIMARY KEY,
   "title" TEXT NOT NULL,
   "person_id" TEXT REFERENCES "people"("person_id"),
   "domains" TEXT,
   "goal_ids" TEXT,
   "consent" TEXT DEFAULT 'none',
   "consent_date" TEXT,
   "author" TEXT,
   "approved_by" TEXT,
   "approved_at" TEXT,
   "status" TEXT DEFAULT 'draft',
   "story_date" TEXT,
   "context" TEXT,
   "support_approach" TEXT,
   "delivery" TEXT,
   "evidence" TEXT,
   "source" TEXT,
   "created_at" TEXT,
   "updated_at" TEXT
, "submitted_by" TEXT, "submitted_at" TEXT, "consent_withdrawn_at" TEXT, "consent_withdrawn_by" TEXT, "approved_elsewhere_by" TEXT, "approved_elsewhere_at" TEXT);

-- index sqlite_autoindex_stories_1 on stories
None;

-- table stories_fts on stories_fts
CREATE VIRTUAL TABLE "stories_fts" USING FTS5 (
    "title", "domains", "context", "support_approach", "delivery", "evidence",
    tokenize='porter',
    content="stories"
);

-- table stories_fts_data on stories_fts_data
CREATE TABLE 'stories_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table stories_fts_idx on stories_fts_idx
CREATE TABLE 'stories_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table stories_fts_docsize on stories_fts_docsize
CREATE TABLE 'stories_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table stories_fts_config on stories_fts_config
CREATE TABLE 'stories_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- trigger stories_ai on stories
CREATE TRIGGER "stories_ai" AFTER INSERT ON "stories" BEGIN
  INSERT INTO "stories_fts" (rowid, "title", "domains", "context", "support_approach", "delivery", "evidence") VALUES (new.rowid, new."title", new."domains", new."context", new."support_approach", new."delivery", new."evidence");
END;

-- trigger stories_ad on stories
CREATE TRIGGER "stories_ad" AFTER DELETE ON "stories" BEGIN
  INSERT INTO "stories_fts" ("stories_fts", rowid, "title", "domains", "context", "support_approach", "delivery", "evidence") VALUES('delete', old.rowid, old."title", old."domains", old."context", old."support_approach", old."delivery", old."evidence");
END;

-- table drafts on drafts
CREATE TABLE "drafts" (
   "draft_id" INTEGER PRIMARY KEY,
   "kind" TEXT NOT NULL,
   "title" TEXT,
   "question" TEXT,
   "word_limit" INTEGER,
   "period" TEXT,
   "body" TEXT,
   "status" TEXT DEFAULT 'draft',
   "created_by" TEXT,
   "created_at" TEXT,
   "updated_at" TEXT
, "submitted_by" TEXT, "submitted_at" TEXT, "approved_by" TEXT, "approved_at" TEXT);

-- table draft_versions on draft_versions
CREATE TABLE "draft_versions" (
   "draft_id" INTEGER REFERENCES "drafts"("draft_id"),
   "version" INTEGER,
   "body" TEXT,
   "saved_at" TEXT,
   "saved_by" TEXT,
   PRIMARY KEY ("draft_id", "version")
);

-- index sqlite_autoindex_draft_versions_1 on draft_versions
None;

-- table service_changes on service_changes
CREATE TABLE "service_changes" (
   "change_id" INTEGER PRIMARY KEY,
   "changed_on" TEXT NOT NULL,
   "title" TEXT NOT NULL,
   "description" TEXT,
   "indicators" TEXT
);

-- table targets on targets
CREATE TABLE "targets" (
   "indicator_id" TEXT PRIMARY KEY,
   "target" REAL NOT NULL,
   "set_on" TEXT,
   "source" TEXT
, "comparison" TEXT);

-- index sqlite_autoindex_targets_1 on targets
None;

-- index idx_contacts_contact_at on contacts
CREATE INDEX "idx_contacts_contact_at"
    ON "contacts" ("contact_at");

-- index idx_escalations_person_id_raised_at on escalations
CREATE INDEX "idx_escalations_person_id_raised_at"
    ON "escalations" ("person_id", "raised_at");

-- index idx_escalations_raised_at on escalations
CREATE INDEX "idx_escalations_raised_at"
    ON "escalations" ("raised_at");

-- index idx_crisis_events_person_id_started_on on crisis_events
CREATE INDEX "idx_crisis_events_person_id_started_on"
    ON "crisis_events" ("person_id", "started_on");

-- index idx_crisis_events_started_on on crisis_events
CREATE INDEX "idx_crisis_events_started_on"
    ON "crisis_events" ("started_on");

-- index idx_admissions_person_id_admitted_on on admissions
CREATE INDEX "idx_admissions_person_id_admitted_on"
    ON "admissions" ("person_id", "admitted_on");

-- index idx_admissions_discharged_on on admissions
CREATE INDEX "idx_admissions_discharged_on"
    ON "admissions" ("discharged_on");

-- index idx_goals_person_id on goals
CREATE INDEX "idx_goals_person_id"
    ON "goals" ("person_id");

-- index idx_measures_instrument_person_id_measured_on on measures
CREATE INDEX "idx_measures_instrument_person_id_measured_on"
    ON "measures" ("instrument", "person_id", "measured_on");

-- index idx_safeguarding_concern_on on safeguarding
CREATE INDEX "idx_safeguarding_concern_on"
    ON "safeguarding" ("concern_on");

-- index idx_incidents_occurred_on on incidents
CREATE INDEX "idx_incidents_occurred_on"
    ON "incidents" ("occurred_on");

-- index idx_partner_comms_sent_on on partner_comms
CREATE INDEX "idx_partner_comms_sent_on"
    ON "partner_comms" ("sent_on");

-- index idx_people_referral_date on people
CREATE INDEX "idx_people_referral_date"
    ON "people" ("referral_date");

-- index idx_stories_person_id on stories
CREATE INDEX "idx_stories_person_id"
    ON "stories" ("person_id");

-- table bids on bids
CREATE TABLE "bids" (
   "bid_id" INTEGER PRIMARY KEY,
   "question" TEXT NOT NULL,
   "answer" TEXT NOT NULL,
   "word_limit" INTEGER,
   "words" INTEGER,
   "period" TEXT,
   "created_at" TEXT,
   "review_date" TEXT,
   "score" REAL,
   "max_score" REAL,
   "feedback" TEXT,
   "outcome" TEXT
);

-- table bids_fts on bids_fts
CREATE VIRTUAL TABLE "bids_fts" USING FTS5 (
    "question", "answer",
    tokenize='porter',
    content="bids"
);

-- table bids_fts_data on bids_fts_data
CREATE TABLE 'bids_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table bids_fts_idx on bids_fts_idx
CREATE TABLE 'bids_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table bids_fts_docsize on bids_fts_docsize
CREATE TABLE 'bids_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table bids_fts_config on bids_fts_config
CREATE TABLE 'bids_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- trigger bids_ai on bids
CREATE TRIGGER "bids_ai" AFTER INSERT ON "bids" BEGIN
  INSERT INTO "bids_fts" (rowid, "question", "answer") VALUES (new.rowid, new."question", new."answer");
END;

-- trigger bids_ad on bids
CREATE TRIGGER "bids_ad" AFTER DELETE ON "bids" BEGIN
  INSERT INTO "bids_fts" ("bids_fts", rowid, "question", "answer") VALUES('delete', old.rowid, old."question", old."answer");
END;

-- trigger bids_au on bids
CREATE TRIGGER "bids_au" AFTER UPDATE ON "bids" BEGIN
  INSERT INTO "bids_fts" ("bids_fts", rowid, "question", "answer") VALUES('delete', old.rowid, old."question", old."answer");
  INSERT INTO "bids_fts" (rowid, "question", "answer") VALUES (new.rowid, new."question", new."answer");
END;

-- table variance_notes on variance_notes
CREATE TABLE "variance_notes" (
   "indicator_id" TEXT,
   "period" TEXT,
   "reason" TEXT,
   "owner" TEXT,
   "due_on" TEXT,
   "created_at" TEXT, "action" TEXT, "recovery_on" TEXT,
   PRIMARY KEY ("indicator_id", "period")
);

-- index sqlite_autoindex_variance_notes_1 on variance_notes
None;

-- table facts on facts
CREATE TABLE "facts" (
   "fact_id" INTEGER PRIMARY KEY,
   "statement" TEXT NOT NULL,
   "value" REAL,
   "unit" TEXT,
   "indicator_id" TEXT,
   "period" TEXT,
   "source" TEXT NOT NULL,
   "source_date" TEXT NOT NULL,
   "review_by" TEXT,
   "created_at" TEXT,
   "created_by" TEXT
);

-- table story_consents on story_consents
CREATE TABLE "story_consents" (
   "consent_id" INTEGER PRIMARY KEY,
   "story_id" TEXT NOT NULL,
   "consent" TEXT NOT NULL,
   "consent_date" TEXT,
   "event" TEXT NOT NULL,
   "recorded_at" TEXT NOT NULL,
   "recorded_by" TEXT,
   "note" TEXT
);

-- index idx_story_consents_story_id on story_consents
CREATE INDEX "idx_story_consents_story_id"
    ON "story_consents" ("story_id");

-- table document_stories on document_stories
CREATE TABLE "document_stories" (
   "id" INTEGER PRIMARY KEY,
   "document" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "story_id" TEXT NOT NULL,
   "exported_at" TEXT NOT NULL,
   "exported_by" TEXT
);

-- index idx_document_stories_story_id on document_stories
CREATE INDEX "idx_document_stories_story_id"
    ON "document_stories" ("story_id");

-- table audit_log on audit_log
CREATE TABLE audit_log (
            audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_key TEXT,
            action TEXT NOT NULL,
            changes TEXT
        );

-- table sqlite_sequence on sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- index idx_audit_log_at on audit_log
CREATE INDEX idx_audit_log_at ON audit_log (at);

-- index idx_audit_log_table_at on audit_log
CREATE INDEX idx_audit_log_table_at ON audit_log (table_name, at);

-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END;

-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END;

-- trigger workflow_story_consent_insert on stories
CREATE TRIGGER workflow_story_consent_insert AFTER INSERT ON stories BEGIN INSERT INTO story_consents (story_id, consent, consent_date, event, recorded_at, recorded_by) VALUES (new.story_id, coalesce(new.consent, 'none'), new.consent_date, 'recorded', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user()); END;

-- trigger workflow_story_consent_update on stories
CREATE TRIGGER workflow_story_consent_update AFTER UPDATE OF consent, consent_date, consent_withdrawn_at ON stories WHEN old.consent IS NOT new.consent OR old.consent_date IS NOT new.consent_date OR old.consent_withdrawn_at IS NOT new.consent_withdrawn_at BEGIN INSERT INTO story_consents (story_id, consent, consent_date, event, recorded_at, recorded_by) VALUES (new.story_id, coalesce(new.consent, 'none'), new.consent_date, CASE WHEN new.consent_withdrawn_at IS NOT NULL AND old.consent_withdrawn_at IS NULL THEN 'withdrawn' ELSE 'recorded' END, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user()); END;

-- trigger stories_au on stories
CREATE TRIGGER "stories_au" AFTER UPDATE OF "title", "domains", "context", "support_approach", "delivery", "evidence" ON "stories" WHEN old."title" IS NOT new."title" OR old."domains" IS NOT new."domains" OR old."context" IS NOT new."context" OR old."support_approach" IS NOT new."support_approach" OR old."delivery" IS NOT new."delivery" OR old."evidence" IS NOT new."evidence" BEGIN
  INSERT INTO "stories_fts" ("stories_fts", rowid, "title", "domains", "context", "support_approach", "delivery", "evidence") VALUES('delete', old.rowid, old."title", old."domains", old."context", old."support_approach", old."delivery", old."evidence");
  INSERT INTO "stories_fts" (rowid, "title", "domains", "context", "support_approach", "delivery", "evidence") VALUES (new.rowid, new."title", new."domains", new."context", new."support_approach", new."delivery", new."evidence");
END;

-- trigger workflow_story_text_changed on stories
CREATE TRIGGER workflow_story_text_changed AFTER UPDATE OF title, context, support_approach, delivery, evidence, person_id ON stories WHEN old.status IN ('submitted', 'approved') AND (old.[title] IS NOT new.[title] OR old.[context] IS NOT new.[context] OR old.[support_approach] IS NOT new.[support_approach] OR old.[delivery] IS NOT new.[delivery] OR old.[evidence] IS NOT new.[evidence] OR old.[person_id] IS NOT new.[person_id]) AND new.approved_at IS old.approved_at BEGIN UPDATE stories SET status = 'draft', submitted_by = NULL, submitted_at = NULL, approved_by = NULL, approved_at = NULL WHERE rowid = new.rowid; END;

-- trigger workflow_draft_text_changed on drafts
CREATE TRIGGER workflow_draft_text_changed AFTER UPDATE OF title, question, body ON drafts WHEN old.status IN ('submitted', 'approved') AND (old.[title] IS NOT new.[title] OR old.[question] IS NOT new.[question] OR old.[body] IS NOT new.[body]) AND new.approved_at IS old.approved_at BEGIN UPDATE drafts SET status = 'draft', submitted_by = NULL, submitted_at = NULL, approved_by = NULL, approved_at = NULL WHERE rowid = new.rowid; END;

-- index idx_contacts_kind_attendance_at on contacts
CREATE INDEX idx_contacts_kind_attendance_at ON contacts(kind, attendance, contact_at, person_id);

-- index idx_contacts_person_at_kind on contacts
CREATE INDEX idx_contacts_person_at_kind ON contacts(person_id, contact_at, kind, attendance);

-- index idx_escalations_raised_reviewed on escalations
CREATE INDEX idx_escalations_raised_reviewed ON escalations(raised_at, reviewed_at, person_id);

-- index idx_escalations_person_reviewed on escalations
CREATE INDEX idx_escalations_person_reviewed ON escalations(person_id, reviewed_at);

-- index idx_escalations_no_rationale on escalations
CREATE INDEX idx_escalations_no_rationale ON escalations(raised_at) WHERE (rationale is null or trim(rationale) = '');

-- index idx_goal_reviews_reviewed_on on goal_reviews
CREATE INDEX idx_goal_reviews_reviewed_on ON goal_reviews(reviewed_on, goal_id, level);

-- index idx_partner_comms_sent_days on partner_comms
CREATE INDEX idx_partner_comms_sent_days ON partner_comms(sent_on, days_to_send);

-- table crisis_plan_reviews on crisis_plan_reviews
CREATE TABLE "crisis_plan_reviews" (
   "person_id" TEXT NOT NULL REFERENCES "people"("person_id"),
   "created_on" TEXT NOT NULL,
   "reviewed_on" TEXT NOT NULL,
   PRIMARY KEY ("person_id", "created_on", "reviewed_on")
);

-- index sqlite_autoindex_crisis_plan_reviews_1 on crisis_plan_reviews
None;

-- index idx_crisis_plan_reviews_reviewed on crisis_plan_reviews
CREATE INDEX idx_crisis_plan_reviews_reviewed ON crisis_plan_reviews(reviewed_on, person_id);

-- trigger crisis_plans_review_insert on crisis_plans
CREATE TRIGGER crisis_plans_review_insert AFTER INSERT ON crisis_plans
       WHEN coalesce(NEW.reviewed_on, '') <> ''
       BEGIN
         INSERT OR IGNORE INTO crisis_plan_reviews (person_id, created_on, reviewed_on)
         VALUES (NEW.person_id, NEW.created_on, NEW.reviewed_on);
       END;

-- trigger crisis_plans_review_update on crisis_plans
CREATE TRIGGER crisis_plans_review_update AFTER UPDATE OF reviewed_on ON crisis_plans
       WHEN coalesce(NEW.reviewed_on, '') <> ''
       BEGIN
         INSERT OR IGNORE INTO crisis_plan_reviews (person_id, created_on, reviewed_on)
         VALUES (NEW.person_id, NEW.created_on, NEW.reviewed_on);
       END;

-- table activity_plan on activity_plan
CREATE TABLE "activity_plan" (
   "period" TEXT,
   "measure" TEXT,
   "planned" REAL NOT NULL,
   "source" TEXT,
   PRIMARY KEY ("period", "measure")
);

-- index sqlite_autoindex_activity_plan_1 on activity_plan
None;

-- table workforce on workforce
CREATE TABLE "workforce" (
   "period" TEXT,
   "measure" TEXT,
   "value" REAL NOT NULL,
   "note" TEXT,
   PRIMARY KEY ("period", "measure")
);

-- index sqlite_autoindex_workforce_1 on workforce
None;

-- table requests on requests
CREATE TABLE "requests" (
   "request_id" TEXT PRIMARY KEY,
   "raised_on" TEXT NOT NULL,
   "request" TEXT NOT NULL,
   "background" TEXT,
   "owner" TEXT,
   "status" TEXT
);

-- index sqlite_autoindex_requests_1 on requests
None;

-- table answer_blocks on answer_blocks
CREATE TABLE "answer_blocks" (
   "block_id" TEXT PRIMARY KEY,
   "title" TEXT NOT NULL,
   "body" TEXT NOT NULL,
   "means" TEXT,
   "tags" TEXT,
   "owner" TEXT,
   "source" TEXT,
   "status" TEXT DEFAULT 'draft',
   "submitted_by" TEXT,
   "submitted_at" TEXT,
   "approved_by" TEXT,
   "approved_at" TEXT,
   "last_reviewed" TEXT,
   "review_due" TEXT,
   "created_at" TEXT,
   "updated_at" TEXT
);

-- index sqlite_autoindex_answer_blocks_1 on answer_blocks
None;

-- table answer_blocks_fts on answer_blocks_fts
CREATE VIRTUAL TABLE answer_blocks_fts USING fts5(title, tags, body, content='answer_blocks', content_rowid='rowid', tokenize='porter');

-- table answer_blocks_fts_data on answer_blocks_fts_data
CREATE TABLE 'answer_blocks_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table answer_blocks_fts_idx on answer_blocks_fts_idx
CREATE TABLE 'answer_blocks_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table answer_blocks_fts_docsize on answer_blocks_fts_docsize
CREATE TABLE 'answer_blocks_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table answer_blocks_fts_config on answer_blocks_fts_config
CREATE TABLE 'answer_blocks_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- trigger answer_blocks_ai on answer_blocks
CREATE TRIGGER answer_blocks_ai AFTER INSERT ON answer_blocks BEGIN INSERT INTO answer_blocks_fts (rowid, title, tags, body) VALUES (new.rowid, new.title, new.tags, new.body); END;

-- trigger answer_blocks_ad on answer_blocks
CREATE TRIGGER answer_blocks_ad AFTER DELETE ON answer_blocks BEGIN INSERT INTO answer_blocks_fts (answer_blocks_fts, rowid, title, tags, body) VALUES ('delete', old.rowid, old.title, old.tags, old.body); END;

-- trigger answer_blocks_au on answer_blocks
CREATE TRIGGER answer_blocks_au AFTER UPDATE OF title, tags, body ON answer_blocks WHEN old.title IS NOT new.title OR old.tags IS NOT new.tags OR old.body IS NOT new.body BEGIN INSERT INTO answer_blocks_fts (answer_blocks_fts, rowid, title, tags, body) VALUES ('delete', old.rowid, old.title, old.tags, old.body); INSERT INTO answer_blocks_fts (rowid, title, tags, body) VALUES (new.rowid, new.title, new.tags, new.body); END;

-- trigger workflow_block_text_changed on answer_blocks
CREATE TRIGGER workflow_block_text_changed AFTER UPDATE OF title, body, means, tags ON answer_blocks WHEN old.status IN ('submitted', 'approved') AND (old.[title] IS NOT new.[title] OR old.[body] IS NOT new.[body] OR old.[means] IS NOT new.[means] OR old.[tags] IS NOT new.[tags]) AND new.approved_at IS old.approved_at BEGIN UPDATE answer_blocks SET status = 'draft', submitted_by = NULL, submitted_at = NULL, approved_by = NULL, approved_at = NULL WHERE rowid = new.rowid; END;

-- table block_uses on block_uses
CREATE TABLE "block_uses" (
   "use_id" INTEGER PRIMARY KEY,
   "block_id" TEXT NOT NULL,
   "used_in" TEXT NOT NULL,
   "question" TEXT,
   "used_at" TEXT NOT NULL,
   "used_by" TEXT
);

-- index idx_block_uses_block_id on block_uses
CREATE INDEX "idx_block_uses_block_id"
    ON "block_uses" ("block_id");

-- table service_profile on service_profile
CREATE TABLE "service_profile" (
   "field" TEXT PRIMARY KEY,
   "value" TEXT,
   "updated_at" TEXT
);

-- index sqlite_autoindex_service_profile_1 on service_profile
None;

-- table tenders on tenders
CREATE TABLE "tenders" (
   "tender_id" INTEGER PRIMARY KEY,
   "title" TEXT NOT NULL,
   "source_file" TEXT NOT NULL,
   "source_kind" TEXT NOT NULL,
   "answer_column" TEXT,
   "sheet" TEXT,
   "imported_at" TEXT NOT NULL,
   "imported_by" TEXT
);

-- table tender_questions on tender_questions
CREATE TABLE "tender_questions" (
   "id" INTEGER PRIMARY KEY,
   "tender_id" INTEGER NOT NULL REFERENCES "tenders"("tender_id"),
   "position" INTEGER NOT NULL,
   "ref" TEXT NOT NULL,
   "question" TEXT NOT NULL,
   "guidance" TEXT,
   "word_limit" INTEGER,
   "char_limit" INTEGER,
   "page_limit" REAL,
   "limit_text" TEXT,
   "weighting" REAL,
   "owner" TEXT,
   "due_on" TEXT,
   "status" TEXT DEFAULT 'not started',
   "answer" TEXT,
   "words" INTEGER,
   "coverage" TEXT,
   "row" INTEGER,
   "drafted_at" TEXT
);

-- index idx_tender_questions_tender_id_position on tender_questions
CREATE UNIQUE INDEX "idx_tender_questions_tender_id_position"
    ON "tender_questions" ("tender_id", "position");

-- table audit_chain on audit_chain
CREATE TABLE audit_chain (audit_id INTEGER PRIMARY KEY, hash TEXT NOT NULL);

-- trigger audit_log_chain on audit_log
CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN INSERT INTO audit_chain (audit_id, hash) VALUES (NEW.audit_id, evidencebot_audit_hash((SELECT hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1), NEW.audit_id, NEW.at, NEW.user, NEW.table_name, NEW.row_key, NEW.action, NEW.changes)); END;

-- trigger audit_chain_no_update on audit_chain
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END;

-- trigger audit_chain_no_delete on audit_chain
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END;

-- table draft_privacy_warnings on draft_privacy_warnings
CREATE TABLE draft_privacy_warnings (draft_id INTEGER PRIMARY KEY REFERENCES drafts(draft_id) ON DELETE CASCADE, warned_at TEXT NOT NULL);

-- table work_accounts on work_accounts
CREATE TABLE "work_accounts" (
   "id" INTEGER PRIMARY KEY,
   "table_name" TEXT NOT NULL,
   "row_key" TEXT NOT NULL,
   "role" TEXT NOT NULL,
   "account" TEXT NOT NULL,
   "user" TEXT,
   "at" TEXT
);

-- index idx_work_accounts_table_name_row_key on work_accounts
CREATE INDEX "idx_work_accounts_table_name_row_key"
    ON "work_accounts" ("table_name", "row_key");

-- trigger account_stories_insert on stories
CREATE TRIGGER account_stories_insert AFTER INSERT ON stories BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('stories', CAST(new.story_id AS TEXT), 'wrote', evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); INSERT INTO work_accounts (table_name, row_key, role, account, user, at) SELECT 'stories', CAST(new.story_id AS TEXT), new.status, evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE new.status IN ('submitted', 'approved'); END;

-- trigger account_stories_text on stories
CREATE TRIGGER account_stories_text AFTER UPDATE OF title, context, support_approach, delivery, evidence, person_id ON stories WHEN old.[title] IS NOT new.[title] OR old.[context] IS NOT new.[context] OR old.[support_approach] IS NOT new.[support_approach] OR old.[delivery] IS NOT new.[delivery] OR old.[evidence] IS NOT new.[evidence] OR old.[person_id] IS NOT new.[person_id] BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('stories', CAST(new.story_id AS TEXT), 'wrote', evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;

-- trigger account_stories_status on stories
CREATE TRIGGER account_stories_status AFTER UPDATE OF status ON stories WHEN new.status IN ('submitted', 'approved') AND old.status IS NOT new.status BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('stories', CAST(new.story_id AS TEXT), new.status, evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;

-- trigger account_drafts_insert on drafts
CREATE TRIGGER account_drafts_insert AFTER INSERT ON drafts BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('drafts', CAST(new.draft_id AS TEXT), 'wrote', evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); INSERT INTO work_accounts (table_name, row_key, role, account, user, at) SELECT 'drafts', CAST(new.draft_id AS TEXT), new.status, evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE new.status IN ('submitted', 'approved'); END;

-- trigger account_drafts_text on drafts
CREATE TRIGGER account_drafts_text AFTER UPDATE OF title, question, body ON drafts WHEN old.[title] IS NOT new.[title] OR old.[question] IS NOT new.[question] OR old.[body] IS NOT new.[body] BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('drafts', CAST(new.draft_id AS TEXT), 'wrote', evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;

-- trigger account_drafts_status on drafts
CREATE TRIGGER account_drafts_status AFTER UPDATE OF status ON drafts WHEN new.status IN ('submitted', 'approved') AND old.status IS NOT new.status BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('drafts', CAST(new.draft_id AS TEXT), new.status, evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;

-- trigger account_answer_blocks_insert on answer_blocks
CREATE TRIGGER account_answer_blocks_insert AFTER INSERT ON answer_blocks BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('answer_blocks', CAST(new.block_id AS TEXT), 'wrote', evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); INSERT INTO work_accounts (table_name, row_key, role, account, user, at) SELECT 'answer_blocks', CAST(new.block_id AS TEXT), new.status, evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE new.status IN ('submitted', 'approved'); END;

-- trigger account_answer_blocks_text on answer_blocks
CREATE TRIGGER account_answer_blocks_text AFTER UPDATE OF title, body, means, tags ON answer_blocks WHEN old.[title] IS NOT new.[title] OR old.[body] IS NOT new.[body] OR old.[means] IS NOT new.[means] OR old.[tags] IS NOT new.[tags] BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('answer_blocks', CAST(new.block_id AS TEXT), 'wrote', evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;

-- trigger account_answer_blocks_status on answer_blocks
CREATE TRIGGER account_answer_blocks_status AFTER UPDATE OF status ON answer_blocks WHEN new.status IN ('submitted', 'approved') AND old.status IS NOT new.status BEGIN INSERT INTO work_accounts (table_name, row_key, role, account, user, at) VALUES ('answer_blocks', CAST(new.block_id AS TEXT), new.status, evidencebot_account(), evidencebot_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;

-- table tender_facts on tender_facts
CREATE TABLE "tender_facts" (
   "tender_id" INTEGER NOT NULL REFERENCES "tenders"("tender_id"),
   "field" TEXT NOT NULL,
   "value" TEXT NOT NULL,
   "source" TEXT NOT NULL,
   "quote" TEXT,
   "updated_at" TEXT,
   "updated_by" TEXT,
   PRIMARY KEY ("tender_id", "field")
);

-- index sqlite_autoindex_tender_facts_1 on tender_facts
None;

-- table declarations on declarations
CREATE TABLE "declarations" (
   "topic" TEXT PRIMARY KEY NOT NULL,
   "statement" TEXT NOT NULL,
   "evidence" TEXT,
   "approved_by" TEXT,
   "approved_on" TEXT,
   "reviewed_on" TEXT,
   "updated_at" TEXT,
   "updated_by" TEXT
);

-- index sqlite_autoindex_declarations_1 on declarations
None;

-- trigger audit_stories_insert on stories
CREATE TRIGGER "audit_stories_insert" AFTER INSERT ON "stories" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'stories', coalesce(CAST(new."story_id" AS TEXT), ''), 'insert', evidencebot_audit_diff('stories', NULL, json_object('story_id', CASE typeof(new."story_id") WHEN 'blob' THEN 'blob of ' || length(new."story_id") || ' bytes' ELSE new."story_id" END, 'title', CASE typeof(new."title") WHEN 'blob' THEN 'blob of ' || length(new."title") || ' bytes' ELSE new."title" END, 'person_id', CASE typeof(new."person_id") WHEN 'blob' THEN 'blob of ' || length(new."person_id") || ' bytes' ELSE new."person_id" END, 'domains', CASE typeof(new."domains") WHEN 'blob' THEN 'blob of ' || length(new."domains") || ' bytes' ELSE new."domains" END, 'goal_ids', CASE typeof(new."goal_ids") WHEN 'blob' THEN 'blob of ' || length(new."goal_ids") || ' bytes' ELSE new."goal_ids" END, 'consent', CASE typeof(new."consent") WHEN 'blob' THEN 'blob of ' || length(new."consent") || ' bytes' ELSE new."consent" END, 'consent_date', CASE typeof(new."consent_date") WHEN 'blob' THEN 'blob of ' || length(new."consent_date") || ' bytes' ELSE new."consent_date" END, 'author', CASE typeof(new."author") WHEN 'blob' THEN 'blob of ' || length(new."author") || ' bytes' ELSE new."author" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_at', CASE typeof(new."approved_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_at") || ' bytes' ELSE new."approved_at" END, 'status', CASE typeof(new."status") WHEN 'blob' THEN 'blob of ' || length(new."status") || ' bytes' ELSE new."status" END, 'story_date', CASE typeof(new."story_date") WHEN 'blob' THEN 'blob of ' || length(new."story_date") || ' bytes' ELSE new."story_date" END, 'context', CASE typeof(new."context") WHEN 'blob' THEN 'blob of ' || length(new."context") || ' bytes' ELSE new."context" END, 'support_approach', CASE typeof(new."support_approach") WHEN 'blob' THEN 'blob of ' || length(new."support_approach") || ' bytes' ELSE new."support_approach" END, 'delivery', CASE typeof(new."delivery") WHEN 'blob' THEN 'blob of ' || length(new."delivery") || ' bytes' ELSE new."delivery" END, 'evidence', CASE typeof(new."evidence") WHEN 'blob' THEN 'blob of ' || length(new."evidence") || ' bytes' ELSE new."evidence" END, 'source', CASE typeof(new."source") WHEN 'blob' THEN 'blob of ' || length(new."source") || ' bytes' ELSE new."source" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END, 'submitted_by', CASE typeof(new."submitted_by") WHEN 'blob' THEN 'blob of ' || length(new."submitted_by") || ' bytes' ELSE new."submitted_by" END, 'submitted_at', CASE typeof(new."submitted_at") WHEN 'blob' THEN 'blob of ' || length(new."submitted_at") || ' bytes' ELSE new."submitted_at" END, 'consent_withdrawn_at', CASE typeof(new."consent_withdrawn_at") WHEN 'blob' THEN 'blob of ' || length(new."consent_withdrawn_at") || ' bytes' ELSE new."consent_withdrawn_at" END, 'consent_withdrawn_by', CASE typeof(new."consent_withdrawn_by") WHEN 'blob' THEN 'blob of ' || length(new."consent_withdrawn_by") || ' bytes' ELSE new."consent_withdrawn_by" END, 'approved_elsewhere_by', CASE typeof(new."approved_elsewhere_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_elsewhere_by") || ' bytes' ELSE new."approved_elsewhere_by" END, 'approved_elsewhere_at', CASE typeof(new."approved_elsewhere_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_elsewhere_at") || ' bytes' ELSE new."approved_elsewhere_at" END))); END;

-- trigger audit_stories_update on stories
CREATE TRIGGER "audit_stories_update" AFTER UPDATE ON "stories" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'stories', coalesce(CAST(new."story_id" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('stories', json_object('story_id', CASE typeof(old."story_id") WHEN 'blob' THEN 'blob of ' || length(old."story_id") || ' bytes' ELSE old."story_id" END, 'title', CASE typeof(old."title") WHEN 'blob' THEN 'blob of ' || length(old."title") || ' bytes' ELSE old."title" END, 'person_id', CASE typeof(old."person_id") WHEN 'blob' THEN 'blob of ' || length(old."person_id") || ' bytes' ELSE old."person_id" END, 'domains', CASE typeof(old."domains") WHEN 'blob' THEN 'blob of ' || length(old."domains") || ' bytes' ELSE old."domains" END, 'goal_ids', CASE typeof(old."goal_ids") WHEN 'blob' THEN 'blob of ' || length(old."goal_ids") || ' bytes' ELSE old."goal_ids" END, 'consent', CASE typeof(old."consent") WHEN 'blob' THEN 'blob of ' || length(old."consent") || ' bytes' ELSE old."consent" END, 'consent_date', CASE typeof(old."consent_date") WHEN 'blob' THEN 'blob of ' || length(old."consent_date") || ' bytes' ELSE old."consent_date" END, 'author', CASE typeof(old."author") WHEN 'blob' THEN 'blob of ' || length(old."author") || ' bytes' ELSE old."author" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_at', CASE typeof(old."approved_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_at") || ' bytes' ELSE old."approved_at" END, 'status', CASE typeof(old."status") WHEN 'blob' THEN 'blob of ' || length(old."status") || ' bytes' ELSE old."status" END, 'story_date', CASE typeof(old."story_date") WHEN 'blob' THEN 'blob of ' || length(old."story_date") || ' bytes' ELSE old."story_date" END, 'context', CASE typeof(old."context") WHEN 'blob' THEN 'blob of ' || length(old."context") || ' bytes' ELSE old."context" END, 'support_approach', CASE typeof(old."support_approach") WHEN 'blob' THEN 'blob of ' || length(old."support_approach") || ' bytes' ELSE old."support_approach" END, 'delivery', CASE typeof(old."delivery") WHEN 'blob' THEN 'blob of ' || length(old."delivery") || ' bytes' ELSE old."delivery" END, 'evidence', CASE typeof(old."evidence") WHEN 'blob' THEN 'blob of ' || length(old."evidence") || ' bytes' ELSE old."evidence" END, 'source', CASE typeof(old."source") WHEN 'blob' THEN 'blob of ' || length(old."source") || ' bytes' ELSE old."source" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END, 'submitted_by', CASE typeof(old."submitted_by") WHEN 'blob' THEN 'blob of ' || length(old."submitted_by") || ' bytes' ELSE old."submitted_by" END, 'submitted_at', CASE typeof(old."submitted_at") WHEN 'blob' THEN 'blob of ' || length(old."submitted_at") || ' bytes' ELSE old."submitted_at" END, 'consent_withdrawn_at', CASE typeof(old."consent_withdrawn_at") WHEN 'blob' THEN 'blob of ' || length(old."consent_withdrawn_at") || ' bytes' ELSE old."consent_withdrawn_at" END, 'consent_withdrawn_by', CASE typeof(old."consent_withdrawn_by") WHEN 'blob' THEN 'blob of ' || length(old."consent_withdrawn_by") || ' bytes' ELSE old."consent_withdrawn_by" END, 'approved_elsewhere_by', CASE typeof(old."approved_elsewhere_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_elsewhere_by") || ' bytes' ELSE old."approved_elsewhere_by" END, 'approved_elsewhere_at', CASE typeof(old."approved_elsewhere_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_elsewhere_at") || ' bytes' ELSE old."approved_elsewhere_at" END), json_object('story_id', CASE typeof(new."story_id") WHEN 'blob' THEN 'blob of ' || length(new."story_id") || ' bytes' ELSE new."story_id" END, 'title', CASE typeof(new."title") WHEN 'blob' THEN 'blob of ' || length(new."title") || ' bytes' ELSE new."title" END, 'person_id', CASE typeof(new."person_id") WHEN 'blob' THEN 'blob of ' || length(new."person_id") || ' bytes' ELSE new."person_id" END, 'domains', CASE typeof(new."domains") WHEN 'blob' THEN 'blob of ' || length(new."domains") || ' bytes' ELSE new."domains" END, 'goal_ids', CASE typeof(new."goal_ids") WHEN 'blob' THEN 'blob of ' || length(new."goal_ids") || ' bytes' ELSE new."goal_ids" END, 'consent', CASE typeof(new."consent") WHEN 'blob' THEN 'blob of ' || length(new."consent") || ' bytes' ELSE new."consent" END, 'consent_date', CASE typeof(new."consent_date") WHEN 'blob' THEN 'blob of ' || length(new."consent_date") || ' bytes' ELSE new."consent_date" END, 'author', CASE typeof(new."author") WHEN 'blob' THEN 'blob of ' || length(new."author") || ' bytes' ELSE new."author" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_at', CASE typeof(new."approved_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_at") || ' bytes' ELSE new."approved_at" END, 'status', CASE typeof(new."status") WHEN 'blob' THEN 'blob of ' || length(new."status") || ' bytes' ELSE new."status" END, 'story_date', CASE typeof(new."story_date") WHEN 'blob' THEN 'blob of ' || length(new."story_date") || ' bytes' ELSE new."story_date" END, 'context', CASE typeof(new."context") WHEN 'blob' THEN 'blob of ' || length(new."context") || ' bytes' ELSE new."context" END, 'support_approach', CASE typeof(new."support_approach") WHEN 'blob' THEN 'blob of ' || length(new."support_approach") || ' bytes' ELSE new."support_approach" END, 'delivery', CASE typeof(new."delivery") WHEN 'blob' THEN 'blob of ' || length(new."delivery") || ' bytes' ELSE new."delivery" END, 'evidence', CASE typeof(new."evidence") WHEN 'blob' THEN 'blob of ' || length(new."evidence") || ' bytes' ELSE new."evidence" END, 'source', CASE typeof(new."source") WHEN 'blob' THEN 'blob of ' || length(new."source") || ' bytes' ELSE new."source" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END, 'submitted_by', CASE typeof(new."submitted_by") WHEN 'blob' THEN 'blob of ' || length(new."submitted_by") || ' bytes' ELSE new."submitted_by" END, 'submitted_at', CASE typeof(new."submitted_at") WHEN 'blob' THEN 'blob of ' || length(new."submitted_at") || ' bytes' ELSE new."submitted_at" END, 'consent_withdrawn_at', CASE typeof(new."consent_withdrawn_at") WHEN 'blob' THEN 'blob of ' || length(new."consent_withdrawn_at") || ' bytes' ELSE new."consent_withdrawn_at" END, 'consent_withdrawn_by', CASE typeof(new."consent_withdrawn_by") WHEN 'blob' THEN 'blob of ' || length(new."consent_withdrawn_by") || ' bytes' ELSE new."consent_withdrawn_by" END, 'approved_elsewhere_by', CASE typeof(new."approved_elsewhere_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_elsewhere_by") || ' bytes' ELSE new."approved_elsewhere_by" END, 'approved_elsewhere_at', CASE typeof(new."approved_elsewhere_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_elsewhere_at") || ' bytes' ELSE new."approved_elsewhere_at" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_stories_delete on stories
CREATE TRIGGER "audit_stories_delete" AFTER DELETE ON "stories" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'stories', coalesce(CAST(old."story_id" AS TEXT), ''), 'delete', evidencebot_audit_diff('stories', json_object('story_id', CASE typeof(old."story_id") WHEN 'blob' THEN 'blob of ' || length(old."story_id") || ' bytes' ELSE old."story_id" END, 'title', CASE typeof(old."title") WHEN 'blob' THEN 'blob of ' || length(old."title") || ' bytes' ELSE old."title" END, 'person_id', CASE typeof(old."person_id") WHEN 'blob' THEN 'blob of ' || length(old."person_id") || ' bytes' ELSE old."person_id" END, 'domains', CASE typeof(old."domains") WHEN 'blob' THEN 'blob of ' || length(old."domains") || ' bytes' ELSE old."domains" END, 'goal_ids', CASE typeof(old."goal_ids") WHEN 'blob' THEN 'blob of ' || length(old."goal_ids") || ' bytes' ELSE old."goal_ids" END, 'consent', CASE typeof(old."consent") WHEN 'blob' THEN 'blob of ' || length(old."consent") || ' bytes' ELSE old."consent" END, 'consent_date', CASE typeof(old."consent_date") WHEN 'blob' THEN 'blob of ' || length(old."consent_date") || ' bytes' ELSE old."consent_date" END, 'author', CASE typeof(old."author") WHEN 'blob' THEN 'blob of ' || length(old."author") || ' bytes' ELSE old."author" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_at', CASE typeof(old."approved_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_at") || ' bytes' ELSE old."approved_at" END, 'status', CASE typeof(old."status") WHEN 'blob' THEN 'blob of ' || length(old."status") || ' bytes' ELSE old."status" END, 'story_date', CASE typeof(old."story_date") WHEN 'blob' THEN 'blob of ' || length(old."story_date") || ' bytes' ELSE old."story_date" END, 'context', CASE typeof(old."context") WHEN 'blob' THEN 'blob of ' || length(old."context") || ' bytes' ELSE old."context" END, 'support_approach', CASE typeof(old."support_approach") WHEN 'blob' THEN 'blob of ' || length(old."support_approach") || ' bytes' ELSE old."support_approach" END, 'delivery', CASE typeof(old."delivery") WHEN 'blob' THEN 'blob of ' || length(old."delivery") || ' bytes' ELSE old."delivery" END, 'evidence', CASE typeof(old."evidence") WHEN 'blob' THEN 'blob of ' || length(old."evidence") || ' bytes' ELSE old."evidence" END, 'source', CASE typeof(old."source") WHEN 'blob' THEN 'blob of ' || length(old."source") || ' bytes' ELSE old."source" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END, 'submitted_by', CASE typeof(old."submitted_by") WHEN 'blob' THEN 'blob of ' || length(old."submitted_by") || ' bytes' ELSE old."submitted_by" END, 'submitted_at', CASE typeof(old."submitted_at") WHEN 'blob' THEN 'blob of ' || length(old."submitted_at") || ' bytes' ELSE old."submitted_at" END, 'consent_withdrawn_at', CASE typeof(old."consent_withdrawn_at") WHEN 'blob' THEN 'blob of ' || length(old."consent_withdrawn_at") || ' bytes' ELSE old."consent_withdrawn_at" END, 'consent_withdrawn_by', CASE typeof(old."consent_withdrawn_by") WHEN 'blob' THEN 'blob of ' || length(old."consent_withdrawn_by") || ' bytes' ELSE old."consent_withdrawn_by" END, 'approved_elsewhere_by', CASE typeof(old."approved_elsewhere_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_elsewhere_by") || ' bytes' ELSE old."approved_elsewhere_by" END, 'approved_elsewhere_at', CASE typeof(old."approved_elsewhere_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_elsewhere_at") || ' bytes' ELSE old."approved_elsewhere_at" END), NULL)); END;

-- trigger audit_drafts_insert on drafts
CREATE TRIGGER "audit_drafts_insert" AFTER INSERT ON "drafts" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'drafts', coalesce(CAST(new."draft_id" AS TEXT), ''), 'insert', evidencebot_audit_diff('drafts', NULL, json_object('draft_id', CASE typeof(new."draft_id") WHEN 'blob' THEN 'blob of ' || length(new."draft_id") || ' bytes' ELSE new."draft_id" END, 'kind', CASE typeof(new."kind") WHEN 'blob' THEN 'blob of ' || length(new."kind") || ' bytes' ELSE new."kind" END, 'title', CASE typeof(new."title") WHEN 'blob' THEN 'blob of ' || length(new."title") || ' bytes' ELSE new."title" END, 'question', CASE typeof(new."question") WHEN 'blob' THEN 'blob of ' || length(new."question") || ' bytes' ELSE new."question" END, 'word_limit', CASE typeof(new."word_limit") WHEN 'blob' THEN 'blob of ' || length(new."word_limit") || ' bytes' ELSE new."word_limit" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'body', CASE typeof(new."body") WHEN 'blob' THEN 'blob of ' || length(new."body") || ' bytes' ELSE new."body" END, 'status', CASE typeof(new."status") WHEN 'blob' THEN 'blob of ' || length(new."status") || ' bytes' ELSE new."status" END, 'created_by', CASE typeof(new."created_by") WHEN 'blob' THEN 'blob of ' || length(new."created_by") || ' bytes' ELSE new."created_by" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END, 'submitted_by', CASE typeof(new."submitted_by") WHEN 'blob' THEN 'blob of ' || length(new."submitted_by") || ' bytes' ELSE new."submitted_by" END, 'submitted_at', CASE typeof(new."submitted_at") WHEN 'blob' THEN 'blob of ' || length(new."submitted_at") || ' bytes' ELSE new."submitted_at" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_at', CASE typeof(new."approved_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_at") || ' bytes' ELSE new."approved_at" END))); END;

-- trigger audit_drafts_update on drafts
CREATE TRIGGER "audit_drafts_update" AFTER UPDATE ON "drafts" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'drafts', coalesce(CAST(new."draft_id" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('drafts', json_object('draft_id', CASE typeof(old."draft_id") WHEN 'blob' THEN 'blob of ' || length(old."draft_id") || ' bytes' ELSE old."draft_id" END, 'kind', CASE typeof(old."kind") WHEN 'blob' THEN 'blob of ' || length(old."kind") || ' bytes' ELSE old."kind" END, 'title', CASE typeof(old."title") WHEN 'blob' THEN 'blob of ' || length(old."title") || ' bytes' ELSE old."title" END, 'question', CASE typeof(old."question") WHEN 'blob' THEN 'blob of ' || length(old."question") || ' bytes' ELSE old."question" END, 'word_limit', CASE typeof(old."word_limit") WHEN 'blob' THEN 'blob of ' || length(old."word_limit") || ' bytes' ELSE old."word_limit" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'body', CASE typeof(old."body") WHEN 'blob' THEN 'blob of ' || length(old."body") || ' bytes' ELSE old."body" END, 'status', CASE typeof(old."status") WHEN 'blob' THEN 'blob of ' || length(old."status") || ' bytes' ELSE old."status" END, 'created_by', CASE typeof(old."created_by") WHEN 'blob' THEN 'blob of ' || length(old."created_by") || ' bytes' ELSE old."created_by" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END, 'submitted_by', CASE typeof(old."submitted_by") WHEN 'blob' THEN 'blob of ' || length(old."submitted_by") || ' bytes' ELSE old."submitted_by" END, 'submitted_at', CASE typeof(old."submitted_at") WHEN 'blob' THEN 'blob of ' || length(old."submitted_at") || ' bytes' ELSE old."submitted_at" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_at', CASE typeof(old."approved_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_at") || ' bytes' ELSE old."approved_at" END), json_object('draft_id', CASE typeof(new."draft_id") WHEN 'blob' THEN 'blob of ' || length(new."draft_id") || ' bytes' ELSE new."draft_id" END, 'kind', CASE typeof(new."kind") WHEN 'blob' THEN 'blob of ' || length(new."kind") || ' bytes' ELSE new."kind" END, 'title', CASE typeof(new."title") WHEN 'blob' THEN 'blob of ' || length(new."title") || ' bytes' ELSE new."title" END, 'question', CASE typeof(new."question") WHEN 'blob' THEN 'blob of ' || length(new."question") || ' bytes' ELSE new."question" END, 'word_limit', CASE typeof(new."word_limit") WHEN 'blob' THEN 'blob of ' || length(new."word_limit") || ' bytes' ELSE new."word_limit" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'body', CASE typeof(new."body") WHEN 'blob' THEN 'blob of ' || length(new."body") || ' bytes' ELSE new."body" END, 'status', CASE typeof(new."status") WHEN 'blob' THEN 'blob of ' || length(new."status") || ' bytes' ELSE new."status" END, 'created_by', CASE typeof(new."created_by") WHEN 'blob' THEN 'blob of ' || length(new."created_by") || ' bytes' ELSE new."created_by" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END, 'submitted_by', CASE typeof(new."submitted_by") WHEN 'blob' THEN 'blob of ' || length(new."submitted_by") || ' bytes' ELSE new."submitted_by" END, 'submitted_at', CASE typeof(new."submitted_at") WHEN 'blob' THEN 'blob of ' || length(new."submitted_at") || ' bytes' ELSE new."submitted_at" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_at', CASE typeof(new."approved_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_at") || ' bytes' ELSE new."approved_at" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_drafts_delete on drafts
CREATE TRIGGER "audit_drafts_delete" AFTER DELETE ON "drafts" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'drafts', coalesce(CAST(old."draft_id" AS TEXT), ''), 'delete', evidencebot_audit_diff('drafts', json_object('draft_id', CASE typeof(old."draft_id") WHEN 'blob' THEN 'blob of ' || length(old."draft_id") || ' bytes' ELSE old."draft_id" END, 'kind', CASE typeof(old."kind") WHEN 'blob' THEN 'blob of ' || length(old."kind") || ' bytes' ELSE old."kind" END, 'title', CASE typeof(old."title") WHEN 'blob' THEN 'blob of ' || length(old."title") || ' bytes' ELSE old."title" END, 'question', CASE typeof(old."question") WHEN 'blob' THEN 'blob of ' || length(old."question") || ' bytes' ELSE old."question" END, 'word_limit', CASE typeof(old."word_limit") WHEN 'blob' THEN 'blob of ' || length(old."word_limit") || ' bytes' ELSE old."word_limit" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'body', CASE typeof(old."body") WHEN 'blob' THEN 'blob of ' || length(old."body") || ' bytes' ELSE old."body" END, 'status', CASE typeof(old."status") WHEN 'blob' THEN 'blob of ' || length(old."status") || ' bytes' ELSE old."status" END, 'created_by', CASE typeof(old."created_by") WHEN 'blob' THEN 'blob of ' || length(old."created_by") || ' bytes' ELSE old."created_by" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END, 'submitted_by', CASE typeof(old."submitted_by") WHEN 'blob' THEN 'blob of ' || length(old."submitted_by") || ' bytes' ELSE old."submitted_by" END, 'submitted_at', CASE typeof(old."submitted_at") WHEN 'blob' THEN 'blob of ' || length(old."submitted_at") || ' bytes' ELSE old."submitted_at" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_at', CASE typeof(old."approved_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_at") || ' bytes' ELSE old."approved_at" END), NULL)); END;

-- trigger audit_draft_versions_insert on draft_versions
CREATE TRIGGER "audit_draft_versions_insert" AFTER INSERT ON "draft_versions" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'draft_versions', coalesce(CAST(new."draft_id" AS TEXT), '') || '/' || coalesce(CAST(new."version" AS TEXT), ''), 'insert', evidencebot_audit_diff('draft_versions', NULL, json_object('draft_id', CASE typeof(new."draft_id") WHEN 'blob' THEN 'blob of ' || length(new."draft_id") || ' bytes' ELSE new."draft_id" END, 'version', CASE typeof(new."version") WHEN 'blob' THEN 'blob of ' || length(new."version") || ' bytes' ELSE new."version" END, 'body', CASE typeof(new."body") WHEN 'blob' THEN 'blob of ' || length(new."body") || ' bytes' ELSE new."body" END, 'saved_at', CASE typeof(new."saved_at") WHEN 'blob' THEN 'blob of ' || length(new."saved_at") || ' bytes' ELSE new."saved_at" END, 'saved_by', CASE typeof(new."saved_by") WHEN 'blob' THEN 'blob of ' || length(new."saved_by") || ' bytes' ELSE new."saved_by" END))); END;

-- trigger audit_draft_versions_update on draft_versions
CREATE TRIGGER "audit_draft_versions_update" AFTER UPDATE ON "draft_versions" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'draft_versions', coalesce(CAST(new."draft_id" AS TEXT), '') || '/' || coalesce(CAST(new."version" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('draft_versions', json_object('draft_id', CASE typeof(old."draft_id") WHEN 'blob' THEN 'blob of ' || length(old."draft_id") || ' bytes' ELSE old."draft_id" END, 'version', CASE typeof(old."version") WHEN 'blob' THEN 'blob of ' || length(old."version") || ' bytes' ELSE old."version" END, 'body', CASE typeof(old."body") WHEN 'blob' THEN 'blob of ' || length(old."body") || ' bytes' ELSE old."body" END, 'saved_at', CASE typeof(old."saved_at") WHEN 'blob' THEN 'blob of ' || length(old."saved_at") || ' bytes' ELSE old."saved_at" END, 'saved_by', CASE typeof(old."saved_by") WHEN 'blob' THEN 'blob of ' || length(old."saved_by") || ' bytes' ELSE old."saved_by" END), json_object('draft_id', CASE typeof(new."draft_id") WHEN 'blob' THEN 'blob of ' || length(new."draft_id") || ' bytes' ELSE new."draft_id" END, 'version', CASE typeof(new."version") WHEN 'blob' THEN 'blob of ' || length(new."version") || ' bytes' ELSE new."version" END, 'body', CASE typeof(new."body") WHEN 'blob' THEN 'blob of ' || length(new."body") || ' bytes' ELSE new."body" END, 'saved_at', CASE typeof(new."saved_at") WHEN 'blob' THEN 'blob of ' || length(new."saved_at") || ' bytes' ELSE new."saved_at" END, 'saved_by', CASE typeof(new."saved_by") WHEN 'blob' THEN 'blob of ' || length(new."saved_by") || ' bytes' ELSE new."saved_by" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_draft_versions_delete on draft_versions
CREATE TRIGGER "audit_draft_versions_delete" AFTER DELETE ON "draft_versions" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'draft_versions', coalesce(CAST(old."draft_id" AS TEXT), '') || '/' || coalesce(CAST(old."version" AS TEXT), ''), 'delete', evidencebot_audit_diff('draft_versions', json_object('draft_id', CASE typeof(old."draft_id") WHEN 'blob' THEN 'blob of ' || length(old."draft_id") || ' bytes' ELSE old."draft_id" END, 'version', CASE typeof(old."version") WHEN 'blob' THEN 'blob of ' || length(old."version") || ' bytes' ELSE old."version" END, 'body', CASE typeof(old."body") WHEN 'blob' THEN 'blob of ' || length(old."body") || ' bytes' ELSE old."body" END, 'saved_at', CASE typeof(old."saved_at") WHEN 'blob' THEN 'blob of ' || length(old."saved_at") || ' bytes' ELSE old."saved_at" END, 'saved_by', CASE typeof(old."saved_by") WHEN 'blob' THEN 'blob of ' || length(old."saved_by") || ' bytes' ELSE old."saved_by" END), NULL)); END;

-- trigger audit_facts_insert on facts
CREATE TRIGGER "audit_facts_insert" AFTER INSERT ON "facts" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'facts', coalesce(CAST(new."fact_id" AS TEXT), ''), 'insert', evidencebot_audit_diff('facts', NULL, json_object('fact_id', CASE typeof(new."fact_id") WHEN 'blob' THEN 'blob of ' || length(new."fact_id") || ' bytes' ELSE new."fact_id" END, 'statement', CASE typeof(new."statement") WHEN 'blob' THEN 'blob of ' || length(new."statement") || ' bytes' ELSE new."statement" END, 'value', CASE typeof(new."value") WHEN 'blob' THEN 'blob of ' || length(new."value") || ' bytes' ELSE new."value" END, 'unit', CASE typeof(new."unit") WHEN 'blob' THEN 'blob of ' || length(new."unit") || ' bytes' ELSE new."unit" END, 'indicator_id', CASE typeof(new."indicator_id") WHEN 'blob' THEN 'blob of ' || length(new."indicator_id") || ' bytes' ELSE new."indicator_id" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'source', CASE typeof(new."source") WHEN 'blob' THEN 'blob of ' || length(new."source") || ' bytes' ELSE new."source" END, 'source_date', CASE typeof(new."source_date") WHEN 'blob' THEN 'blob of ' || length(new."source_date") || ' bytes' ELSE new."source_date" END, 'review_by', CASE typeof(new."review_by") WHEN 'blob' THEN 'blob of ' || length(new."review_by") || ' bytes' ELSE new."review_by" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'created_by', CASE typeof(new."created_by") WHEN 'blob' THEN 'blob of ' || length(new."created_by") || ' bytes' ELSE new."created_by" END))); END;

-- trigger audit_facts_update on facts
CREATE TRIGGER "audit_facts_update" AFTER UPDATE ON "facts" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'facts', coalesce(CAST(new."fact_id" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('facts', json_object('fact_id', CASE typeof(old."fact_id") WHEN 'blob' THEN 'blob of ' || length(old."fact_id") || ' bytes' ELSE old."fact_id" END, 'statement', CASE typeof(old."statement") WHEN 'blob' THEN 'blob of ' || length(old."statement") || ' bytes' ELSE old."statement" END, 'value', CASE typeof(old."value") WHEN 'blob' THEN 'blob of ' || length(old."value") || ' bytes' ELSE old."value" END, 'unit', CASE typeof(old."unit") WHEN 'blob' THEN 'blob of ' || length(old."unit") || ' bytes' ELSE old."unit" END, 'indicator_id', CASE typeof(old."indicator_id") WHEN 'blob' THEN 'blob of ' || length(old."indicator_id") || ' bytes' ELSE old."indicator_id" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'source', CASE typeof(old."source") WHEN 'blob' THEN 'blob of ' || length(old."source") || ' bytes' ELSE old."source" END, 'source_date', CASE typeof(old."source_date") WHEN 'blob' THEN 'blob of ' || length(old."source_date") || ' bytes' ELSE old."source_date" END, 'review_by', CASE typeof(old."review_by") WHEN 'blob' THEN 'blob of ' || length(old."review_by") || ' bytes' ELSE old."review_by" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'created_by', CASE typeof(old."created_by") WHEN 'blob' THEN 'blob of ' || length(old."created_by") || ' bytes' ELSE old."created_by" END), json_object('fact_id', CASE typeof(new."fact_id") WHEN 'blob' THEN 'blob of ' || length(new."fact_id") || ' bytes' ELSE new."fact_id" END, 'statement', CASE typeof(new."statement") WHEN 'blob' THEN 'blob of ' || length(new."statement") || ' bytes' ELSE new."statement" END, 'value', CASE typeof(new."value") WHEN 'blob' THEN 'blob of ' || length(new."value") || ' bytes' ELSE new."value" END, 'unit', CASE typeof(new."unit") WHEN 'blob' THEN 'blob of ' || length(new."unit") || ' bytes' ELSE new."unit" END, 'indicator_id', CASE typeof(new."indicator_id") WHEN 'blob' THEN 'blob of ' || length(new."indicator_id") || ' bytes' ELSE new."indicator_id" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'source', CASE typeof(new."source") WHEN 'blob' THEN 'blob of ' || length(new."source") || ' bytes' ELSE new."source" END, 'source_date', CASE typeof(new."source_date") WHEN 'blob' THEN 'blob of ' || length(new."source_date") || ' bytes' ELSE new."source_date" END, 'review_by', CASE typeof(new."review_by") WHEN 'blob' THEN 'blob of ' || length(new."review_by") || ' bytes' ELSE new."review_by" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'created_by', CASE typeof(new."created_by") WHEN 'blob' THEN 'blob of ' || length(new."created_by") || ' bytes' ELSE new."created_by" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_facts_delete on facts
CREATE TRIGGER "audit_facts_delete" AFTER DELETE ON "facts" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'facts', coalesce(CAST(old."fact_id" AS TEXT), ''), 'delete', evidencebot_audit_diff('facts', json_object('fact_id', CASE typeof(old."fact_id") WHEN 'blob' THEN 'blob of ' || length(old."fact_id") || ' bytes' ELSE old."fact_id" END, 'statement', CASE typeof(old."statement") WHEN 'blob' THEN 'blob of ' || length(old."statement") || ' bytes' ELSE old."statement" END, 'value', CASE typeof(old."value") WHEN 'blob' THEN 'blob of ' || length(old."value") || ' bytes' ELSE old."value" END, 'unit', CASE typeof(old."unit") WHEN 'blob' THEN 'blob of ' || length(old."unit") || ' bytes' ELSE old."unit" END, 'indicator_id', CASE typeof(old."indicator_id") WHEN 'blob' THEN 'blob of ' || length(old."indicator_id") || ' bytes' ELSE old."indicator_id" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'source', CASE typeof(old."source") WHEN 'blob' THEN 'blob of ' || length(old."source") || ' bytes' ELSE old."source" END, 'source_date', CASE typeof(old."source_date") WHEN 'blob' THEN 'blob of ' || length(old."source_date") || ' bytes' ELSE old."source_date" END, 'review_by', CASE typeof(old."review_by") WHEN 'blob' THEN 'blob of ' || length(old."review_by") || ' bytes' ELSE old."review_by" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'created_by', CASE typeof(old."created_by") WHEN 'blob' THEN 'blob of ' || length(old."created_by") || ' bytes' ELSE old."created_by" END), NULL)); END;

-- trigger audit_bids_insert on bids
CREATE TRIGGER "audit_bids_insert" AFTER INSERT ON "bids" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'bids', coalesce(CAST(new."bid_id" AS TEXT), ''), 'insert', evidencebot_audit_diff('bids', NULL, json_object('bid_id', CASE typeof(new."bid_id") WHEN 'blob' THEN 'blob of ' || length(new."bid_id") || ' bytes' ELSE new."bid_id" END, 'question', CASE typeof(new."question") WHEN 'blob' THEN 'blob of ' || length(new."question") || ' bytes' ELSE new."question" END, 'answer', CASE typeof(new."answer") WHEN 'blob' THEN 'blob of ' || length(new."answer") || ' bytes' ELSE new."answer" END, 'word_limit', CASE typeof(new."word_limit") WHEN 'blob' THEN 'blob of ' || length(new."word_limit") || ' bytes' ELSE new."word_limit" END, 'words', CASE typeof(new."words") WHEN 'blob' THEN 'blob of ' || length(new."words") || ' bytes' ELSE new."words" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'review_date', CASE typeof(new."review_date") WHEN 'blob' THEN 'blob of ' || length(new."review_date") || ' bytes' ELSE new."review_date" END, 'score', CASE typeof(new."score") WHEN 'blob' THEN 'blob of ' || length(new."score") || ' bytes' ELSE new."score" END, 'max_score', CASE typeof(new."max_score") WHEN 'blob' THEN 'blob of ' || length(new."max_score") || ' bytes' ELSE new."max_score" END, 'feedback', CASE typeof(new."feedback") WHEN 'blob' THEN 'blob of ' || length(new."feedback") || ' bytes' ELSE new."feedback" END, 'outcome', CASE typeof(new."outcome") WHEN 'blob' THEN 'blob of ' || length(new."outcome") || ' bytes' ELSE new."outcome" END))); END;

-- trigger audit_bids_update on bids
CREATE TRIGGER "audit_bids_update" AFTER UPDATE ON "bids" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'bids', coalesce(CAST(new."bid_id" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('bids', json_object('bid_id', CASE typeof(old."bid_id") WHEN 'blob' THEN 'blob of ' || length(old."bid_id") || ' bytes' ELSE old."bid_id" END, 'question', CASE typeof(old."question") WHEN 'blob' THEN 'blob of ' || length(old."question") || ' bytes' ELSE old."question" END, 'answer', CASE typeof(old."answer") WHEN 'blob' THEN 'blob of ' || length(old."answer") || ' bytes' ELSE old."answer" END, 'word_limit', CASE typeof(old."word_limit") WHEN 'blob' THEN 'blob of ' || length(old."word_limit") || ' bytes' ELSE old."word_limit" END, 'words', CASE typeof(old."words") WHEN 'blob' THEN 'blob of ' || length(old."words") || ' bytes' ELSE old."words" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'review_date', CASE typeof(old."review_date") WHEN 'blob' THEN 'blob of ' || length(old."review_date") || ' bytes' ELSE old."review_date" END, 'score', CASE typeof(old."score") WHEN 'blob' THEN 'blob of ' || length(old."score") || ' bytes' ELSE old."score" END, 'max_score', CASE typeof(old."max_score") WHEN 'blob' THEN 'blob of ' || length(old."max_score") || ' bytes' ELSE old."max_score" END, 'feedback', CASE typeof(old."feedback") WHEN 'blob' THEN 'blob of ' || length(old."feedback") || ' bytes' ELSE old."feedback" END, 'outcome', CASE typeof(old."outcome") WHEN 'blob' THEN 'blob of ' || length(old."outcome") || ' bytes' ELSE old."outcome" END), json_object('bid_id', CASE typeof(new."bid_id") WHEN 'blob' THEN 'blob of ' || length(new."bid_id") || ' bytes' ELSE new."bid_id" END, 'question', CASE typeof(new."question") WHEN 'blob' THEN 'blob of ' || length(new."question") || ' bytes' ELSE new."question" END, 'answer', CASE typeof(new."answer") WHEN 'blob' THEN 'blob of ' || length(new."answer") || ' bytes' ELSE new."answer" END, 'word_limit', CASE typeof(new."word_limit") WHEN 'blob' THEN 'blob of ' || length(new."word_limit") || ' bytes' ELSE new."word_limit" END, 'words', CASE typeof(new."words") WHEN 'blob' THEN 'blob of ' || length(new."words") || ' bytes' ELSE new."words" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'review_date', CASE typeof(new."review_date") WHEN 'blob' THEN 'blob of ' || length(new."review_date") || ' bytes' ELSE new."review_date" END, 'score', CASE typeof(new."score") WHEN 'blob' THEN 'blob of ' || length(new."score") || ' bytes' ELSE new."score" END, 'max_score', CASE typeof(new."max_score") WHEN 'blob' THEN 'blob of ' || length(new."max_score") || ' bytes' ELSE new."max_score" END, 'feedback', CASE typeof(new."feedback") WHEN 'blob' THEN 'blob of ' || length(new."feedback") || ' bytes' ELSE new."feedback" END, 'outcome', CASE typeof(new."outcome") WHEN 'blob' THEN 'blob of ' || length(new."outcome") || ' bytes' ELSE new."outcome" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_bids_delete on bids
CREATE TRIGGER "audit_bids_delete" AFTER DELETE ON "bids" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'bids', coalesce(CAST(old."bid_id" AS TEXT), ''), 'delete', evidencebot_audit_diff('bids', json_object('bid_id', CASE typeof(old."bid_id") WHEN 'blob' THEN 'blob of ' || length(old."bid_id") || ' bytes' ELSE old."bid_id" END, 'question', CASE typeof(old."question") WHEN 'blob' THEN 'blob of ' || length(old."question") || ' bytes' ELSE old."question" END, 'answer', CASE typeof(old."answer") WHEN 'blob' THEN 'blob of ' || length(old."answer") || ' bytes' ELSE old."answer" END, 'word_limit', CASE typeof(old."word_limit") WHEN 'blob' THEN 'blob of ' || length(old."word_limit") || ' bytes' ELSE old."word_limit" END, 'words', CASE typeof(old."words") WHEN 'blob' THEN 'blob of ' || length(old."words") || ' bytes' ELSE old."words" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'review_date', CASE typeof(old."review_date") WHEN 'blob' THEN 'blob of ' || length(old."review_date") || ' bytes' ELSE old."review_date" END, 'score', CASE typeof(old."score") WHEN 'blob' THEN 'blob of ' || length(old."score") || ' bytes' ELSE old."score" END, 'max_score', CASE typeof(old."max_score") WHEN 'blob' THEN 'blob of ' || length(old."max_score") || ' bytes' ELSE old."max_score" END, 'feedback', CASE typeof(old."feedback") WHEN 'blob' THEN 'blob of ' || length(old."feedback") || ' bytes' ELSE old."feedback" END, 'outcome', CASE typeof(old."outcome") WHEN 'blob' THEN 'blob of ' || length(old."outcome") || ' bytes' ELSE old."outcome" END), NULL)); END;

-- trigger audit_variance_notes_insert on variance_notes
CREATE TRIGGER "audit_variance_notes_insert" AFTER INSERT ON "variance_notes" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'variance_notes', coalesce(CAST(new."indicator_id" AS TEXT), '') || '/' || coalesce(CAST(new."period" AS TEXT), ''), 'insert', evidencebot_audit_diff('variance_notes', NULL, json_object('indicator_id', CASE typeof(new."indicator_id") WHEN 'blob' THEN 'blob of ' || length(new."indicator_id") || ' bytes' ELSE new."indicator_id" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'reason', CASE typeof(new."reason") WHEN 'blob' THEN 'blob of ' || length(new."reason") || ' bytes' ELSE new."reason" END, 'owner', CASE typeof(new."owner") WHEN 'blob' THEN 'blob of ' || length(new."owner") || ' bytes' ELSE new."owner" END, 'due_on', CASE typeof(new."due_on") WHEN 'blob' THEN 'blob of ' || length(new."due_on") || ' bytes' ELSE new."due_on" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'action', CASE typeof(new."action") WHEN 'blob' THEN 'blob of ' || length(new."action") || ' bytes' ELSE new."action" END, 'recovery_on', CASE typeof(new."recovery_on") WHEN 'blob' THEN 'blob of ' || length(new."recovery_on") || ' bytes' ELSE new."recovery_on" END))); END;

-- trigger audit_variance_notes_update on variance_notes
CREATE TRIGGER "audit_variance_notes_update" AFTER UPDATE ON "variance_notes" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'variance_notes', coalesce(CAST(new."indicator_id" AS TEXT), '') || '/' || coalesce(CAST(new."period" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('variance_notes', json_object('indicator_id', CASE typeof(old."indicator_id") WHEN 'blob' THEN 'blob of ' || length(old."indicator_id") || ' bytes' ELSE old."indicator_id" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'reason', CASE typeof(old."reason") WHEN 'blob' THEN 'blob of ' || length(old."reason") || ' bytes' ELSE old."reason" END, 'owner', CASE typeof(old."owner") WHEN 'blob' THEN 'blob of ' || length(old."owner") || ' bytes' ELSE old."owner" END, 'due_on', CASE typeof(old."due_on") WHEN 'blob' THEN 'blob of ' || length(old."due_on") || ' bytes' ELSE old."due_on" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'action', CASE typeof(old."action") WHEN 'blob' THEN 'blob of ' || length(old."action") || ' bytes' ELSE old."action" END, 'recovery_on', CASE typeof(old."recovery_on") WHEN 'blob' THEN 'blob of ' || length(old."recovery_on") || ' bytes' ELSE old."recovery_on" END), json_object('indicator_id', CASE typeof(new."indicator_id") WHEN 'blob' THEN 'blob of ' || length(new."indicator_id") || ' bytes' ELSE new."indicator_id" END, 'period', CASE typeof(new."period") WHEN 'blob' THEN 'blob of ' || length(new."period") || ' bytes' ELSE new."period" END, 'reason', CASE typeof(new."reason") WHEN 'blob' THEN 'blob of ' || length(new."reason") || ' bytes' ELSE new."reason" END, 'owner', CASE typeof(new."owner") WHEN 'blob' THEN 'blob of ' || length(new."owner") || ' bytes' ELSE new."owner" END, 'due_on', CASE typeof(new."due_on") WHEN 'blob' THEN 'blob of ' || length(new."due_on") || ' bytes' ELSE new."due_on" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'action', CASE typeof(new."action") WHEN 'blob' THEN 'blob of ' || length(new."action") || ' bytes' ELSE new."action" END, 'recovery_on', CASE typeof(new."recovery_on") WHEN 'blob' THEN 'blob of ' || length(new."recovery_on") || ' bytes' ELSE new."recovery_on" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_variance_notes_delete on variance_notes
CREATE TRIGGER "audit_variance_notes_delete" AFTER DELETE ON "variance_notes" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'variance_notes', coalesce(CAST(old."indicator_id" AS TEXT), '') || '/' || coalesce(CAST(old."period" AS TEXT), ''), 'delete', evidencebot_audit_diff('variance_notes', json_object('indicator_id', CASE typeof(old."indicator_id") WHEN 'blob' THEN 'blob of ' || length(old."indicator_id") || ' bytes' ELSE old."indicator_id" END, 'period', CASE typeof(old."period") WHEN 'blob' THEN 'blob of ' || length(old."period") || ' bytes' ELSE old."period" END, 'reason', CASE typeof(old."reason") WHEN 'blob' THEN 'blob of ' || length(old."reason") || ' bytes' ELSE old."reason" END, 'owner', CASE typeof(old."owner") WHEN 'blob' THEN 'blob of ' || length(old."owner") || ' bytes' ELSE old."owner" END, 'due_on', CASE typeof(old."due_on") WHEN 'blob' THEN 'blob of ' || length(old."due_on") || ' bytes' ELSE old."due_on" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'action', CASE typeof(old."action") WHEN 'blob' THEN 'blob of ' || length(old."action") || ' bytes' ELSE old."action" END, 'recovery_on', CASE typeof(old."recovery_on") WHEN 'blob' THEN 'blob of ' || length(old."recovery_on") || ' bytes' ELSE old."recovery_on" END), NULL)); END;

-- trigger audit_answer_blocks_insert on answer_blocks
CREATE TRIGGER "audit_answer_blocks_insert" AFTER INSERT ON "answer_blocks" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'answer_blocks', coalesce(CAST(new."block_id" AS TEXT), ''), 'insert', evidencebot_audit_diff('answer_blocks', NULL, json_object('block_id', CASE typeof(new."block_id") WHEN 'blob' THEN 'blob of ' || length(new."block_id") || ' bytes' ELSE new."block_id" END, 'title', CASE typeof(new."title") WHEN 'blob' THEN 'blob of ' || length(new."title") || ' bytes' ELSE new."title" END, 'body', CASE typeof(new."body") WHEN 'blob' THEN 'blob of ' || length(new."body") || ' bytes' ELSE new."body" END, 'means', CASE typeof(new."means") WHEN 'blob' THEN 'blob of ' || length(new."means") || ' bytes' ELSE new."means" END, 'tags', CASE typeof(new."tags") WHEN 'blob' THEN 'blob of ' || length(new."tags") || ' bytes' ELSE new."tags" END, 'owner', CASE typeof(new."owner") WHEN 'blob' THEN 'blob of ' || length(new."owner") || ' bytes' ELSE new."owner" END, 'source', CASE typeof(new."source") WHEN 'blob' THEN 'blob of ' || length(new."source") || ' bytes' ELSE new."source" END, 'status', CASE typeof(new."status") WHEN 'blob' THEN 'blob of ' || length(new."status") || ' bytes' ELSE new."status" END, 'submitted_by', CASE typeof(new."submitted_by") WHEN 'blob' THEN 'blob of ' || length(new."submitted_by") || ' bytes' ELSE new."submitted_by" END, 'submitted_at', CASE typeof(new."submitted_at") WHEN 'blob' THEN 'blob of ' || length(new."submitted_at") || ' bytes' ELSE new."submitted_at" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_at', CASE typeof(new."approved_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_at") || ' bytes' ELSE new."approved_at" END, 'last_reviewed', CASE typeof(new."last_reviewed") WHEN 'blob' THEN 'blob of ' || length(new."last_reviewed") || ' bytes' ELSE new."last_reviewed" END, 'review_due', CASE typeof(new."review_due") WHEN 'blob' THEN 'blob of ' || length(new."review_due") || ' bytes' ELSE new."review_due" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END))); END;

-- trigger audit_answer_blocks_update on answer_blocks
CREATE TRIGGER "audit_answer_blocks_update" AFTER UPDATE ON "answer_blocks" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'answer_blocks', coalesce(CAST(new."block_id" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('answer_blocks', json_object('block_id', CASE typeof(old."block_id") WHEN 'blob' THEN 'blob of ' || length(old."block_id") || ' bytes' ELSE old."block_id" END, 'title', CASE typeof(old."title") WHEN 'blob' THEN 'blob of ' || length(old."title") || ' bytes' ELSE old."title" END, 'body', CASE typeof(old."body") WHEN 'blob' THEN 'blob of ' || length(old."body") || ' bytes' ELSE old."body" END, 'means', CASE typeof(old."means") WHEN 'blob' THEN 'blob of ' || length(old."means") || ' bytes' ELSE old."means" END, 'tags', CASE typeof(old."tags") WHEN 'blob' THEN 'blob of ' || length(old."tags") || ' bytes' ELSE old."tags" END, 'owner', CASE typeof(old."owner") WHEN 'blob' THEN 'blob of ' || length(old."owner") || ' bytes' ELSE old."owner" END, 'source', CASE typeof(old."source") WHEN 'blob' THEN 'blob of ' || length(old."source") || ' bytes' ELSE old."source" END, 'status', CASE typeof(old."status") WHEN 'blob' THEN 'blob of ' || length(old."status") || ' bytes' ELSE old."status" END, 'submitted_by', CASE typeof(old."submitted_by") WHEN 'blob' THEN 'blob of ' || length(old."submitted_by") || ' bytes' ELSE old."submitted_by" END, 'submitted_at', CASE typeof(old."submitted_at") WHEN 'blob' THEN 'blob of ' || length(old."submitted_at") || ' bytes' ELSE old."submitted_at" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_at', CASE typeof(old."approved_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_at") || ' bytes' ELSE old."approved_at" END, 'last_reviewed', CASE typeof(old."last_reviewed") WHEN 'blob' THEN 'blob of ' || length(old."last_reviewed") || ' bytes' ELSE old."last_reviewed" END, 'review_due', CASE typeof(old."review_due") WHEN 'blob' THEN 'blob of ' || length(old."review_due") || ' bytes' ELSE old."review_due" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END), json_object('block_id', CASE typeof(new."block_id") WHEN 'blob' THEN 'blob of ' || length(new."block_id") || ' bytes' ELSE new."block_id" END, 'title', CASE typeof(new."title") WHEN 'blob' THEN 'blob of ' || length(new."title") || ' bytes' ELSE new."title" END, 'body', CASE typeof(new."body") WHEN 'blob' THEN 'blob of ' || length(new."body") || ' bytes' ELSE new."body" END, 'means', CASE typeof(new."means") WHEN 'blob' THEN 'blob of ' || length(new."means") || ' bytes' ELSE new."means" END, 'tags', CASE typeof(new."tags") WHEN 'blob' THEN 'blob of ' || length(new."tags") || ' bytes' ELSE new."tags" END, 'owner', CASE typeof(new."owner") WHEN 'blob' THEN 'blob of ' || length(new."owner") || ' bytes' ELSE new."owner" END, 'source', CASE typeof(new."source") WHEN 'blob' THEN 'blob of ' || length(new."source") || ' bytes' ELSE new."source" END, 'status', CASE typeof(new."status") WHEN 'blob' THEN 'blob of ' || length(new."status") || ' bytes' ELSE new."status" END, 'submitted_by', CASE typeof(new."submitted_by") WHEN 'blob' THEN 'blob of ' || length(new."submitted_by") || ' bytes' ELSE new."submitted_by" END, 'submitted_at', CASE typeof(new."submitted_at") WHEN 'blob' THEN 'blob of ' || length(new."submitted_at") || ' bytes' ELSE new."submitted_at" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_at', CASE typeof(new."approved_at") WHEN 'blob' THEN 'blob of ' || length(new."approved_at") || ' bytes' ELSE new."approved_at" END, 'last_reviewed', CASE typeof(new."last_reviewed") WHEN 'blob' THEN 'blob of ' || length(new."last_reviewed") || ' bytes' ELSE new."last_reviewed" END, 'review_due', CASE typeof(new."review_due") WHEN 'blob' THEN 'blob of ' || length(new."review_due") || ' bytes' ELSE new."review_due" END, 'created_at', CASE typeof(new."created_at") WHEN 'blob' THEN 'blob of ' || length(new."created_at") || ' bytes' ELSE new."created_at" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_answer_blocks_delete on answer_blocks
CREATE TRIGGER "audit_answer_blocks_delete" AFTER DELETE ON "answer_blocks" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'answer_blocks', coalesce(CAST(old."block_id" AS TEXT), ''), 'delete', evidencebot_audit_diff('answer_blocks', json_object('block_id', CASE typeof(old."block_id") WHEN 'blob' THEN 'blob of ' || length(old."block_id") || ' bytes' ELSE old."block_id" END, 'title', CASE typeof(old."title") WHEN 'blob' THEN 'blob of ' || length(old."title") || ' bytes' ELSE old."title" END, 'body', CASE typeof(old."body") WHEN 'blob' THEN 'blob of ' || length(old."body") || ' bytes' ELSE old."body" END, 'means', CASE typeof(old."means") WHEN 'blob' THEN 'blob of ' || length(old."means") || ' bytes' ELSE old."means" END, 'tags', CASE typeof(old."tags") WHEN 'blob' THEN 'blob of ' || length(old."tags") || ' bytes' ELSE old."tags" END, 'owner', CASE typeof(old."owner") WHEN 'blob' THEN 'blob of ' || length(old."owner") || ' bytes' ELSE old."owner" END, 'source', CASE typeof(old."source") WHEN 'blob' THEN 'blob of ' || length(old."source") || ' bytes' ELSE old."source" END, 'status', CASE typeof(old."status") WHEN 'blob' THEN 'blob of ' || length(old."status") || ' bytes' ELSE old."status" END, 'submitted_by', CASE typeof(old."submitted_by") WHEN 'blob' THEN 'blob of ' || length(old."submitted_by") || ' bytes' ELSE old."submitted_by" END, 'submitted_at', CASE typeof(old."submitted_at") WHEN 'blob' THEN 'blob of ' || length(old."submitted_at") || ' bytes' ELSE old."submitted_at" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_at', CASE typeof(old."approved_at") WHEN 'blob' THEN 'blob of ' || length(old."approved_at") || ' bytes' ELSE old."approved_at" END, 'last_reviewed', CASE typeof(old."last_reviewed") WHEN 'blob' THEN 'blob of ' || length(old."last_reviewed") || ' bytes' ELSE old."last_reviewed" END, 'review_due', CASE typeof(old."review_due") WHEN 'blob' THEN 'blob of ' || length(old."review_due") || ' bytes' ELSE old."review_due" END, 'created_at', CASE typeof(old."created_at") WHEN 'blob' THEN 'blob of ' || length(old."created_at") || ' bytes' ELSE old."created_at" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END), NULL)); END;

-- trigger audit_service_profile_insert on service_profile
CREATE TRIGGER "audit_service_profile_insert" AFTER INSERT ON "service_profile" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'service_profile', coalesce(CAST(new."field" AS TEXT), ''), 'insert', evidencebot_audit_diff('service_profile', NULL, json_object('field', CASE typeof(new."field") WHEN 'blob' THEN 'blob of ' || length(new."field") || ' bytes' ELSE new."field" END, 'value', CASE typeof(new."value") WHEN 'blob' THEN 'blob of ' || length(new."value") || ' bytes' ELSE new."value" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END))); END;

-- trigger audit_service_profile_update on service_profile
CREATE TRIGGER "audit_service_profile_update" AFTER UPDATE ON "service_profile" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'service_profile', coalesce(CAST(new."field" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('service_profile', json_object('field', CASE typeof(old."field") WHEN 'blob' THEN 'blob of ' || length(old."field") || ' bytes' ELSE old."field" END, 'value', CASE typeof(old."value") WHEN 'blob' THEN 'blob of ' || length(old."value") || ' bytes' ELSE old."value" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END), json_object('field', CASE typeof(new."field") WHEN 'blob' THEN 'blob of ' || length(new."field") || ' bytes' ELSE new."field" END, 'value', CASE typeof(new."value") WHEN 'blob' THEN 'blob of ' || length(new."value") || ' bytes' ELSE new."value" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_service_profile_delete on service_profile
CREATE TRIGGER "audit_service_profile_delete" AFTER DELETE ON "service_profile" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'service_profile', coalesce(CAST(old."field" AS TEXT), ''), 'delete', evidencebot_audit_diff('service_profile', json_object('field', CASE typeof(old."field") WHEN 'blob' THEN 'blob of ' || length(old."field") || ' bytes' ELSE old."field" END, 'value', CASE typeof(old."value") WHEN 'blob' THEN 'blob of ' || length(old."value") || ' bytes' ELSE old."value" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END), NULL)); END;

-- trigger audit_declarations_insert on declarations
CREATE TRIGGER "audit_declarations_insert" AFTER INSERT ON "declarations" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'declarations', coalesce(CAST(new."topic" AS TEXT), ''), 'insert', evidencebot_audit_diff('declarations', NULL, json_object('topic', CASE typeof(new."topic") WHEN 'blob' THEN 'blob of ' || length(new."topic") || ' bytes' ELSE new."topic" END, 'statement', CASE typeof(new."statement") WHEN 'blob' THEN 'blob of ' || length(new."statement") || ' bytes' ELSE new."statement" END, 'evidence', CASE typeof(new."evidence") WHEN 'blob' THEN 'blob of ' || length(new."evidence") || ' bytes' ELSE new."evidence" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_on', CASE typeof(new."approved_on") WHEN 'blob' THEN 'blob of ' || length(new."approved_on") || ' bytes' ELSE new."approved_on" END, 'reviewed_on', CASE typeof(new."reviewed_on") WHEN 'blob' THEN 'blob of ' || length(new."reviewed_on") || ' bytes' ELSE new."reviewed_on" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END, 'updated_by', CASE typeof(new."updated_by") WHEN 'blob' THEN 'blob of ' || length(new."updated_by") || ' bytes' ELSE new."updated_by" END))); END;

-- trigger audit_declarations_update on declarations
CREATE TRIGGER "audit_declarations_update" AFTER UPDATE ON "declarations" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'declarations', coalesce(CAST(new."topic" AS TEXT), ''), 'update', d FROM (SELECT evidencebot_audit_diff('declarations', json_object('topic', CASE typeof(old."topic") WHEN 'blob' THEN 'blob of ' || length(old."topic") || ' bytes' ELSE old."topic" END, 'statement', CASE typeof(old."statement") WHEN 'blob' THEN 'blob of ' || length(old."statement") || ' bytes' ELSE old."statement" END, 'evidence', CASE typeof(old."evidence") WHEN 'blob' THEN 'blob of ' || length(old."evidence") || ' bytes' ELSE old."evidence" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_on', CASE typeof(old."approved_on") WHEN 'blob' THEN 'blob of ' || length(old."approved_on") || ' bytes' ELSE old."approved_on" END, 'reviewed_on', CASE typeof(old."reviewed_on") WHEN 'blob' THEN 'blob of ' || length(old."reviewed_on") || ' bytes' ELSE old."reviewed_on" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END, 'updated_by', CASE typeof(old."updated_by") WHEN 'blob' THEN 'blob of ' || length(old."updated_by") || ' bytes' ELSE old."updated_by" END), json_object('topic', CASE typeof(new."topic") WHEN 'blob' THEN 'blob of ' || length(new."topic") || ' bytes' ELSE new."topic" END, 'statement', CASE typeof(new."statement") WHEN 'blob' THEN 'blob of ' || length(new."statement") || ' bytes' ELSE new."statement" END, 'evidence', CASE typeof(new."evidence") WHEN 'blob' THEN 'blob of ' || length(new."evidence") || ' bytes' ELSE new."evidence" END, 'approved_by', CASE typeof(new."approved_by") WHEN 'blob' THEN 'blob of ' || length(new."approved_by") || ' bytes' ELSE new."approved_by" END, 'approved_on', CASE typeof(new."approved_on") WHEN 'blob' THEN 'blob of ' || length(new."approved_on") || ' bytes' ELSE new."approved_on" END, 'reviewed_on', CASE typeof(new."reviewed_on") WHEN 'blob' THEN 'blob of ' || length(new."reviewed_on") || ' bytes' ELSE new."reviewed_on" END, 'updated_at', CASE typeof(new."updated_at") WHEN 'blob' THEN 'blob of ' || length(new."updated_at") || ' bytes' ELSE new."updated_at" END, 'updated_by', CASE typeof(new."updated_by") WHEN 'blob' THEN 'blob of ' || length(new."updated_by") || ' bytes' ELSE new."updated_by" END)) AS d) WHERE d IS NOT NULL; END;

-- trigger audit_declarations_delete on declarations
CREATE TRIGGER "audit_declarations_delete" AFTER DELETE ON "declarations" BEGIN INSERT INTO audit_log (at, user, table_name, row_key, action, changes) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), evidencebot_user(), 'declarations', coalesce(CAST(old."topic" AS TEXT), ''), 'delete', evidencebot_audit_diff('declarations', json_object('topic', CASE typeof(old."topic") WHEN 'blob' THEN 'blob of ' || length(old."topic") || ' bytes' ELSE old."topic" END, 'statement', CASE typeof(old."statement") WHEN 'blob' THEN 'blob of ' || length(old."statement") || ' bytes' ELSE old."statement" END, 'evidence', CASE typeof(old."evidence") WHEN 'blob' THEN 'blob of ' || length(old."evidence") || ' bytes' ELSE old."evidence" END, 'approved_by', CASE typeof(old."approved_by") WHEN 'blob' THEN 'blob of ' || length(old."approved_by") || ' bytes' ELSE old."approved_by" END, 'approved_on', CASE typeof(old."approved_on") WHEN 'blob' THEN 'blob of ' || length(old."approved_on") || ' bytes' ELSE old."approved_on" END, 'reviewed_on', CASE typeof(old."reviewed_on") WHEN 'blob' THEN 'blob of ' || length(old."reviewed_on") || ' bytes' ELSE old."reviewed_on" END, 'updated_at', CASE typeof(old."updated_at") WHEN 'blob' THEN 'blob of ' || length(old."updated_at") || ' bytes' ELSE old."updated_at" END, 'updated_by', CASE typeof(old."updated_by") WHEN 'blob' THEN 'blob of ' || length(old."updated_by") || ' bytes' ELSE old."updated_by" END), NULL)); END;

