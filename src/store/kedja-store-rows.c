/* kedja-store-rows.c — writing a plan's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One INSERT per record, each a cached statement bound afresh: a bulk save
 * of 2,000 plans reuses a dozen prepared statements.
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include "kedja-store-private.h"

/* Children first, so that no delete has to cascade into a table that is
 * emptied anyway. */
static const char *const delete_parts_sql[] = {
  "DELETE FROM step_goals WHERE plan_id = ?1",
  "DELETE FROM handovers WHERE plan_id = ?1",
  "DELETE FROM meeting_attendees WHERE plan_id = ?1",
  "DELETE FROM steps WHERE plan_id = ?1",
  "DELETE FROM goals WHERE plan_id = ?1",
  "DELETE FROM meetings WHERE plan_id = ?1",
  "DELETE FROM participants WHERE plan_id = ?1",
  "DELETE FROM consents WHERE plan_id = ?1",
  "DELETE FROM ratings WHERE plan_id = ?1",
  "DELETE FROM plan_agencies WHERE plan_id = ?1",
};

static gboolean
run (KedjaStore     *self,
     KedjaStoreStmt *stmt,
     GError        **error)
{
  return _kedja_store_step_done (self, stmt, error);
}

gboolean
_kedja_store_upsert_client (KedjaStore        *self,
                            const KedjaClient *client,
                            GError           **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  stmt = _kedja_store_prepare (self,
                               "INSERT INTO clients (id, name, personal_number, "
                               "protected_identity, district, children_under_18, "
                               "relatives_involved, has_own_housing) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                               "personal_number = excluded.personal_number, "
                               "protected_identity = excluded.protected_identity, "
                               "district = excluded.district, "
                               "children_under_18 = excluded.children_under_18, "
                               "relatives_involved = excluded.relatives_involved, "
                               "has_own_housing = excluded.has_own_housing", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, client->id);
  /* The column is older than nameless clients: a person with a protected
   * identity may come from a partner without a name, and "" stands for
   * that (kedja-store-load.c reads it back as no name). */
  _kedja_store_bind_text (stmt, 2, client->name ? client->name : "");
  _kedja_store_bind_text (stmt, 3, client->personal_number);
  _kedja_store_bind_int (stmt, 4, client->protected_identity ? 1 : 0);
  _kedja_store_bind_text (stmt, 5, client->district);
  _kedja_store_bind_int (stmt, 6, client->children_under_18);
  _kedja_store_bind_int (stmt, 7, client->relatives_involved ? 1 : 0);
  _kedja_store_bind_int (stmt, 8, client->has_own_housing ? 1 : 0);
  return run (self, stmt, error);
}

/* ?1 id, ?2…?10 the plan's own fields. */
static void
bind_plan_fields (KedjaStoreStmt  *stmt,
                  const KedjaPlan *plan)
{
  _kedja_store_bind_text (stmt, 1, plan->id);
  _kedja_store_bind_enum (stmt, 2, KEDJA_TYPE_PLAN_STATUS, plan->status);
  _kedja_store_bind_text (stmt, 3, plan->title);
  _kedja_store_bind_date (stmt, 4, plan->created);
  _kedja_store_bind_text (stmt, 5, plan->client->id);
  _kedja_store_bind_text (stmt, 6, plan->own_goal);
  _kedja_store_bind_date (stmt, 7, plan->need_recorded);
  _kedja_store_bind_text (stmt, 8, plan->coordinating_agency_id);
  _kedja_store_bind_text (stmt, 9, plan->coordinator);
  _kedja_store_bind_date (stmt, 10, plan->follow_up);
}

/* A plan saved for the first time is revision 1; an imported one keeps the
 * revision its file gave it, so that export and import round-trip. */
gboolean
_kedja_store_insert_plan_row (KedjaStore      *self,
                              const KedjaPlan *plan,
                              gint64           revision,
                              GError         **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  g_assert (revision >= 1);
  stmt = _kedja_store_prepare (self,
                               "INSERT INTO plans (id, revision, status, title, created, "
                               "client_id, own_goal, need_recorded, coordinating_agency_id, "
                               "coordinator, follow_up) "
                               "VALUES (?1, ?11, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_plan_fields (stmt, plan);
  _kedja_store_bind_int (stmt, 11, revision);
  return run (self, stmt, error);
}

/* The revision guard is in the WHERE clause itself, not only in the check
 * before it: the UPDATE is what cannot be fooled. */
gboolean
_kedja_store_update_plan_row (KedjaStore      *self,
                              const KedjaPlan *plan,
                              gint64           stored_revision,
                              gint64           new_revision,
                              gboolean        *out_updated,
                              GError         **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  g_assert (new_revision > stored_revision);
  stmt = _kedja_store_prepare (self,
                               "UPDATE plans SET revision = ?12, status = ?2, title = ?3, "
                               "created = ?4, client_id = ?5, own_goal = ?6, need_recorded = ?7, "
                               "coordinating_agency_id = ?8, coordinator = ?9, follow_up = ?10 "
                               "WHERE id = ?1 AND revision = ?11", error);
  if (stmt == NULL)
    return FALSE;
  bind_plan_fields (stmt, plan);
  _kedja_store_bind_int (stmt, 11, stored_revision);
  _kedja_store_bind_int (stmt, 12, new_revision);
  if (!run (self, stmt, error))
    return FALSE;
  *out_updated = sqlite3_changes (self->db) == 1;
  return TRUE;
}

gboolean
_kedja_store_delete_parts (KedjaStore *self,
                           const char *plan_id,
                           GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (delete_parts_sql); i++)
    {
      g_autoptr(KedjaStoreStmt) stmt = _kedja_store_prepare (self, delete_parts_sql[i], error);

      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 1, plan_id);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Every part statement starts with ?1 plan id and ?2 position. */
static KedjaStoreStmt *
prepare_part (KedjaStore      *self,
              const char      *sql,
              const KedjaPlan *plan,
              guint            position,
              GError         **error)
{
  KedjaStoreStmt *stmt = _kedja_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      _kedja_store_bind_text (stmt, 1, plan->id);
      _kedja_store_bind_int (stmt, 2, position);
    }
  return stmt;
}

static gboolean
insert_agencies (KedjaStore      *self,
                 const KedjaPlan *plan,
                 GError         **error)
{
  for (guint i = 0; i < plan->agencies->len; i++)
    {
      const KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO plan_agencies (plan_id, position, agency_id) "
                           "VALUES (?1, ?2, ?3)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 3, agency->id);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_participants (KedjaStore      *self,
                     const KedjaPlan *plan,
                     GError         **error)
{
  for (guint i = 0; i < plan->participants->len; i++)
    {
      const KedjaParticipant *p = g_ptr_array_index (plan->participants, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO participants (plan_id, position, role, agency_id, "
                           "name) VALUES (?1, ?2, ?3, ?4, ?5)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_enum (stmt, 3, KEDJA_TYPE_ROLE, p->role);
      _kedja_store_bind_text (stmt, 4, p->agency_id);
      _kedja_store_bind_text (stmt, 5, p->name);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_consents (KedjaStore      *self,
                 const KedjaPlan *plan,
                 GError         **error)
{
  for (guint i = 0; i < plan->consents->len; i++)
    {
      const KedjaConsent *c = g_ptr_array_index (plan->consents, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO consents (plan_id, position, agency_id, given, form, "
                           "expires, withdrawn, exclusion) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 3, c->agency_id);
      _kedja_store_bind_date (stmt, 4, c->given);
      _kedja_store_bind_enum (stmt, 5, KEDJA_TYPE_CONSENT_FORM, c->form);
      _kedja_store_bind_date (stmt, 6, c->expires);
      _kedja_store_bind_date (stmt, 7, c->withdrawn);
      _kedja_store_bind_text (stmt, 8, c->exclusion);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_goals (KedjaStore      *self,
              const KedjaPlan *plan,
              GError         **error)
{
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KedjaGoal *g = g_ptr_array_index (plan->goals, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO goals (plan_id, position, id, domain, statement, "
                           "target, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 3, g->id);
      _kedja_store_bind_enum (stmt, 4, KEDJA_TYPE_DOMAIN, g->domain);
      _kedja_store_bind_text (stmt, 5, g->statement);
      _kedja_store_bind_date (stmt, 6, g->target);
      _kedja_store_bind_enum (stmt, 7, KEDJA_TYPE_GOAL_STATUS, g->status);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_step_goals (KedjaStore      *self,
                   const KedjaPlan *plan,
                   const KedjaStep *step,
                   GError         **error)
{
  for (guint i = 0; i < step->goal_ids->len; i++)
    {
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = _kedja_store_prepare (self, "INSERT INTO step_goals (plan_id, step_id, position, "
                                   "goal_id) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 1, plan->id);
      _kedja_store_bind_text (stmt, 2, step->id);
      _kedja_store_bind_int (stmt, 3, i);
      _kedja_store_bind_text (stmt, 4, g_ptr_array_index (step->goal_ids, i));
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_steps (KedjaStore      *self,
              const KedjaPlan *plan,
              GError         **error)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *s = g_ptr_array_index (plan->steps, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO steps (plan_id, position, id, phase, status, title, "
                           "agency_id, contact, setting, code, planned_start, planned_end, "
                           "actual_start, actual_end, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                           "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 3, s->id);
      _kedja_store_bind_enum (stmt, 4, KEDJA_TYPE_PHASE, s->phase);
      _kedja_store_bind_enum (stmt, 5, KEDJA_TYPE_STEP_STATUS, s->status);
      _kedja_store_bind_text (stmt, 6, s->title);
      _kedja_store_bind_text (stmt, 7, s->agency_id);
      _kedja_store_bind_text (stmt, 8, s->contact);
      _kedja_store_bind_enum (stmt, 9, KEDJA_TYPE_CARE_SETTING, s->setting);
      _kedja_store_bind_text (stmt, 10, s->code);
      _kedja_store_bind_date (stmt, 11, s->planned_start);
      _kedja_store_bind_date (stmt, 12, s->planned_end);
      _kedja_store_bind_date (stmt, 13, s->actual_start);
      _kedja_store_bind_date (stmt, 14, s->actual_end);
      _kedja_store_bind_text (stmt, 15, s->note);
      if (!run (self, stmt, error))
        return FALSE;
    }

  /* The links need every step and goal in place. */
  for (guint i = 0; i < plan->steps->len; i++)
    if (!insert_step_goals (self, plan, g_ptr_array_index (plan->steps, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_handovers (KedjaStore      *self,
                  const KedjaPlan *plan,
                  GError         **error)
{
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *h = g_ptr_array_index (plan->handovers, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO handovers (plan_id, position, from_step_id, "
                           "to_step_id, planned, meeting, confirmed, confirmed_by) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 3, h->from_step_id);
      _kedja_store_bind_text (stmt, 4, h->to_step_id);
      _kedja_store_bind_date (stmt, 5, h->planned);
      _kedja_store_bind_date (stmt, 6, h->meeting);
      _kedja_store_bind_date (stmt, 7, h->confirmed);
      _kedja_store_bind_text (stmt, 8, h->confirmed_by);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_attendees (KedjaStore         *self,
                  const KedjaPlan    *plan,
                  const KedjaMeeting *meeting,
                  guint               meeting_position,
                  GError            **error)
{
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      const KedjaParticipant *p = g_ptr_array_index (meeting->attendees, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = _kedja_store_prepare (self, "INSERT INTO meeting_attendees (plan_id, "
                                   "meeting_position, position, role, agency_id, name) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 1, plan->id);
      _kedja_store_bind_int (stmt, 2, meeting_position);
      _kedja_store_bind_int (stmt, 3, i);
      _kedja_store_bind_enum (stmt, 4, KEDJA_TYPE_ROLE, p->role);
      _kedja_store_bind_text (stmt, 5, p->agency_id);
      _kedja_store_bind_text (stmt, 6, p->name);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_meetings (KedjaStore      *self,
                 const KedjaPlan *plan,
                 GError         **error)
{
  for (guint i = 0; i < plan->meetings->len; i++)
    {
      const KedjaMeeting *m = g_ptr_array_index (plan->meetings, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO meetings (plan_id, position, date) "
                           "VALUES (?1, ?2, ?3)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_date (stmt, 3, m->date);
      if (!run (self, stmt, error) || !insert_attendees (self, plan, m, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_ratings (KedjaStore      *self,
                const KedjaPlan *plan,
                GError         **error)
{
  for (guint i = 0; i < plan->ratings->len; i++)
    {
      const KedjaRating *r = g_ptr_array_index (plan->ratings, i);
      g_autoptr(KedjaStoreStmt) stmt = NULL;

      stmt = prepare_part (self, "INSERT INTO ratings (plan_id, position, date, domain, value, "
                           "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", plan, i, error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_date (stmt, 3, r->date);
      _kedja_store_bind_enum (stmt, 4, KEDJA_TYPE_DOMAIN, r->domain);
      _kedja_store_bind_int (stmt, 5, r->value);
      _kedja_store_bind_text (stmt, 6, r->note);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_kedja_store_insert_parts (KedjaStore      *self,
                           const KedjaPlan *plan,
                           GError         **error)
{
  return insert_agencies (self, plan, error)
         && insert_participants (self, plan, error)
         && insert_consents (self, plan, error)
         && insert_goals (self, plan, error)
         && insert_steps (self, plan, error)
         && insert_handovers (self, plan, error)
         && insert_meetings (self, plan, error)
         && insert_ratings (self, plan, error);
}
