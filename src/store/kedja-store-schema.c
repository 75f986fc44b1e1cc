/* kedja-store-schema.c — the tables, and the migrations that build them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file records in PRAGMA user_version how many migrations it has had.
 * Opening runs the missing ones, in one transaction, so a file from any
 * older Kedja keeps working. Never edit a migration that has been
 * released: files out there were made by it. Append a new one instead.
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include "kedja-store-private.h"

/* The allowed values of each enumeration, as the nicks of kedja-enums.h
 * (SIP-FORMAT.md). The CHECK constraints keep values that Kedja cannot read
 * back out of the file, whoever writes to it. */
/* Written as chains of "=" rather than "IN (…)": SQLite builds a
 * temporary index for an IN list every time an INSERT runs, which made
 * importing a city's plans twice as slow. */
#define ONE_OF_2(c, a, b) "(" c " = " a " OR " c " = " b ")"
#define ONE_OF_3(c, a, b, d) "(" c " = " a " OR " c " = " b " OR " c " = " d ")"
#define AGENCY_KINDS(c) \
  "(" c " = 'social-services' OR " c " = 'addiction-care' OR " c " = 'psychiatry' OR " \
  c " = 'primary-care' OR " c " = 'prison-probation' OR " c " = 'employment-service' OR " \
  c " = 'social-insurance' OR " c " = 'housing' OR " c " = 'civil-society' OR " \
  c " = 'other')"
#define ROLES(c) \
  "(" c " = 'coordinator' OR " c " = 'participant' OR " c " = 'client' OR " \
  c " = 'relative' OR " c " = 'peer-supporter')"
#define PHASES(c) \
  "(" c " = 'detox' OR " c " = 'treatment' OR " c " = 'housing' OR " c " = 'employment' OR " \
  c " = 'support' OR " c " = 'health')"
#define STEP_STATUSES(c) \
  "(" c " = 'planned' OR " c " = 'booked' OR " c " = 'ongoing' OR " c " = 'completed' OR " \
  c " = 'interrupted' OR " c " = 'cancelled')"
#define DOMAINS(c) \
  "(" c " = 'substance-use' OR " c " = 'housing' OR " c " = 'finances' OR " \
  c " = 'occupation' OR " c " = 'health' OR " c " = 'family' OR " c " = 'network' OR " \
  c " = 'crime-free' OR " c " = 'meaning')"
#define BOOLEAN(col) "INTEGER NOT NULL DEFAULT 0 CHECK " ONE_OF_2 (col, "0", "1")
/* Dates are "YYYY-MM-DD" text: readable with any SQLite tool, and they sort
 * as days do. NULL (no date) passes a CHECK. */
#define DATE(col) "TEXT CHECK (" col " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
/* Every part of a plan goes when its plan goes. */
#define PLAN_PART \
  "  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,\n" \
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"

/* Migration 1: the whole model. Parts of a plan keep their order in a
 * position column (the order people wrote them in is part of the plan) and
 * are clustered by plan (WITHOUT ROWID, primary key first by plan_id), so
 * that loading a plan or all of them reads each table in key order. Ids of
 * goals and steps are unique within their plan, as SIP-FORMAT.md says,
 * without assuming more of files made elsewhere. */
static const char migration_1[] =
  "CREATE TABLE clients (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  personal_number TEXT,\n"
  "  protected_identity " BOOLEAN ("protected_identity") ",\n"
  "  district TEXT,\n"
  "  children_under_18 INTEGER NOT NULL DEFAULT 0 CHECK (children_under_18 >= 0),\n"
  "  relatives_involved " BOOLEAN ("relatives_involved") ",\n"
  "  has_own_housing " BOOLEAN ("has_own_housing") "\n"
  ");\n"

  "CREATE TABLE agencies (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK " AGENCY_KINDS ("kind") ",\n"
  "  hsa_id TEXT,\n"
  "  org_number TEXT,\n"
  "  contact TEXT\n"
  ");\n"

  "CREATE TABLE plans (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  revision INTEGER NOT NULL CHECK (revision >= 1),\n"
  "  status TEXT NOT NULL CHECK " ONE_OF_3 ("status", "'draft'", "'active'", "'closed'") ",\n"
  "  title TEXT NOT NULL,\n"
  "  created " DATE ("created") " NOT NULL,\n"
  /* No cascade: the store removes a client itself once no plan is for them. */
  "  client_id TEXT NOT NULL REFERENCES clients (id),\n"
  "  own_goal TEXT,\n"
  "  need_recorded " DATE ("need_recorded") ",\n"
  "  coordinating_agency_id TEXT REFERENCES agencies (id),\n"
  "  coordinator TEXT,\n"
  "  follow_up " DATE ("follow_up") "\n"
  ");\n"
  "CREATE INDEX plans_client ON plans (client_id);\n"

  /* The directory entries a plan holds (plan->agencies), in its order. */
  "CREATE TABLE plan_agencies (\n"
  PLAN_PART
  "  agency_id TEXT NOT NULL REFERENCES agencies (id),\n"
  "  PRIMARY KEY (plan_id, position),\n"
  "  UNIQUE (plan_id, agency_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX plan_agencies_agency ON plan_agencies (agency_id);\n"

  "CREATE TABLE participants (\n"
  PLAN_PART
  "  role TEXT NOT NULL CHECK " ROLES ("role") ",\n"
  "  agency_id TEXT REFERENCES agencies (id),\n"
  "  name TEXT,\n"
  "  PRIMARY KEY (plan_id, position)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE consents (\n"
  PLAN_PART
  "  agency_id TEXT NOT NULL REFERENCES agencies (id),\n"
  "  given " DATE ("given") " NOT NULL,\n"
  "  form TEXT NOT NULL CHECK " ONE_OF_2 ("form", "'written'", "'oral'") ",\n"
  "  expires " DATE ("expires") ",\n"
  "  withdrawn " DATE ("withdrawn") ",\n"
  "  exclusion TEXT,\n"
  "  PRIMARY KEY (plan_id, position)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE goals (\n"
  PLAN_PART
  "  id TEXT NOT NULL,\n"
  "  domain TEXT NOT NULL CHECK " DOMAINS ("domain") ",\n"
  "  statement TEXT NOT NULL,\n"
  "  target " DATE ("target") ",\n"
  "  status TEXT NOT NULL CHECK " ONE_OF_3 ("status", "'active'", "'reached'", "'dropped'") ",\n"
  "  PRIMARY KEY (plan_id, position),\n"
  "  UNIQUE (plan_id, id)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE steps (\n"
  PLAN_PART
  "  id TEXT NOT NULL,\n"
  "  phase TEXT NOT NULL CHECK " PHASES ("phase") ",\n"
  "  status TEXT NOT NULL CHECK " STEP_STATUSES ("status") ",\n"
  "  title TEXT NOT NULL,\n"
  "  agency_id TEXT REFERENCES agencies (id),\n"
  "  contact TEXT,\n"
  "  setting TEXT CHECK " ONE_OF_2 ("setting", "'inpatient'", "'outpatient'") ",\n"
  "  code TEXT,\n"
  "  planned_start " DATE ("planned_start") " NOT NULL,\n"
  "  planned_end " DATE ("planned_end") ",\n"
  "  actual_start " DATE ("actual_start") ",\n"
  "  actual_end " DATE ("actual_end") ",\n"
  "  note TEXT,\n"
  "  PRIMARY KEY (plan_id, position),\n"
  "  UNIQUE (plan_id, id)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE step_goals (\n"
  "  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,\n"
  "  step_id TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  goal_id TEXT NOT NULL,\n"
  "  PRIMARY KEY (plan_id, step_id, position),\n"
  "  FOREIGN KEY (plan_id, step_id) REFERENCES steps (plan_id, id) ON DELETE CASCADE,\n"
  "  FOREIGN KEY (plan_id, goal_id) REFERENCES goals (plan_id, id) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE handovers (\n"
  PLAN_PART
  "  from_step_id TEXT NOT NULL,\n"
  "  to_step_id TEXT NOT NULL,\n"
  "  planned " DATE ("planned") " NOT NULL,\n"
  "  meeting " DATE ("meeting") ",\n"
  "  confirmed " DATE ("confirmed") ",\n"
  "  confirmed_by TEXT,\n"
  "  PRIMARY KEY (plan_id, position),\n"
  "  FOREIGN KEY (plan_id, from_step_id) REFERENCES steps (plan_id, id) ON DELETE CASCADE,\n"
  "  FOREIGN KEY (plan_id, to_step_id) REFERENCES steps (plan_id, id) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE meetings (\n"
  PLAN_PART
  "  date " DATE ("date") " NOT NULL,\n"
  "  PRIMARY KEY (plan_id, position)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE meeting_attendees (\n"
  "  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,\n"
  "  meeting_position INTEGER NOT NULL,\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  role TEXT NOT NULL CHECK " ROLES ("role") ",\n"
  "  agency_id TEXT REFERENCES agencies (id),\n"
  "  name TEXT,\n"
  "  PRIMARY KEY (plan_id, meeting_position, position),\n"
  "  FOREIGN KEY (plan_id, meeting_position) REFERENCES meetings (plan_id, position)\n"
  "    ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE ratings (\n"
  PLAN_PART
  "  date " DATE ("date") " NOT NULL,\n"
  "  domain TEXT NOT NULL CHECK " DOMAINS ("domain") ",\n"
  "  value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 10),\n"
  "  note TEXT,\n"
  "  PRIMARY KEY (plan_id, position)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE audit_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  os_user TEXT NOT NULL,\n"
  "  action TEXT NOT NULL,\n"
  "  entity TEXT NOT NULL,\n"
  "  entity_id TEXT,\n"
  "  detail TEXT\n"
  ");\n"
  "CREATE INDEX audit_log_entity ON audit_log (entity_id);\n"
  /* The log is written, never rewritten: a slip in later code must not be
   * able to edit history. */
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;\n"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;\n"

  "CREATE TABLE settings (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  /* The gap analysis's thresholds (DESIGN.md): 7 days after residential
   * care (HEDIS FUI, NQF #3312), 14 otherwise (Washington Circle). */
  "INSERT INTO settings (key, value) VALUES\n"
  "  ('gap-days-after-residential', '7'),\n"
  "  ('gap-days', '14'),\n"
  "  ('handover-warning-days', '7'),\n"
  "  ('long-wait-days', '30'),\n"
  "  ('overlap-phases', 'detox treatment housing');\n";

/* Migration N+1 goes here; user_version N means "had the first N". */
static const char *const migrations[] = {
  migration_1,
};

guint
_kedja_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
read_user_version (KedjaStore *self,
                   gint64     *out_version,
                   GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = _kedja_store_prepare (self, "PRAGMA user_version", error);
  gboolean has_row;

  if (stmt == NULL || !_kedja_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  *out_version = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
migrate_locked (KedjaStore *self,
                GError    **error)
{
  guint latest = _kedja_store_schema_version ();
  gint64 version;

  /* Read again under the write lock: another process may have migrated
   * the file while this one waited. */
  if (!read_user_version (self, &version, error))
    return FALSE;
  if (version > latest)
    return _kedja_store_fail_too_new (self, error);

  for (guint i = (guint) version; i < latest; i++)
    {
      g_debug ("Migrating %s to version %u", self->display_name, i + 1);
      if (!_kedja_store_exec_script (self, migrations[i], error))
        return FALSE;
    }

  /* Both header fields are written in the same transaction as the tables:
   * a crash leaves either an empty file or a complete one. */
  if (version == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                              KEDJA_STORE_APPLICATION_ID);
      if (!_kedja_store_exec_script (self, sql, error))
        return FALSE;
    }

  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", latest);
  return _kedja_store_exec_script (self, sql, error);
}

gboolean
_kedja_store_migrate (KedjaStore *self,
                      GError    **error)
{
  gint64 version;

  /* Most opens find nothing to do; they need no write lock for that. */
  if (!read_user_version (self, &version, error))
    return FALSE;
  if (version == (gint64) _kedja_store_schema_version ())
    return TRUE;
  if (version > (gint64) _kedja_store_schema_version ())
    return _kedja_store_fail_too_new (self, error);

  if (!_kedja_store_begin_write (self, error))
    return FALSE;
  if (!migrate_locked (self, error))
    {
      _kedja_store_rollback (self);
      return FALSE;
    }
  return _kedja_store_commit (self, error);
}
