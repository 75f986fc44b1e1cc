/* kedja-store-load.c — reading whole plans back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One query per table whether one plan is loaded or all of them: loading
 * 2,000 plans is eleven scans in key order, not 22,000 little queries.
 * Rows come ordered by plan and position, so each is appended to its plan
 * in the order it was saved.
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-store-private.h"

typedef struct {
  KedjaStore *self;
  GPtrArray  *plans;    /* (element-type KedjaPlan) */
  GHashTable *by_id;    /* plan id → plan, borrowed from @plans */
  KedjaPlan  *last;     /* rows of one plan come together */
  KedjaStep  *last_step;
} Loader;

typedef gboolean (*ReadRowFunc) (Loader         *loader,
                                 KedjaPlan      *plan,
                                 KedjaStoreStmt *stmt,
                                 GError        **error);

typedef struct {
  const char *all_sql;  /* every plan's rows */
  const char *one_sql;  /* one plan's rows: ?1 is its id */
  ReadRowFunc read_row;
} PartQuery;

/* Column 0 of every part query is the plan id. */
#define PART(select, plan_column, order, func) \
  { select " ORDER BY " order, select " WHERE " plan_column " = ?1 ORDER BY " order, func }

static KedjaPlan *
find_plan (Loader     *loader,
           const char *plan_id)
{
  if (plan_id == NULL)
    return NULL;
  if (loader->last == NULL || !g_str_equal (loader->last->id, plan_id))
    {
      loader->last = g_hash_table_lookup (loader->by_id, plan_id);
      loader->last_step = NULL;
    }
  return loader->last;
}

static gboolean
read_date (Loader         *loader,
           KedjaStoreStmt *stmt,
           int             column,
           KedjaDate      *out_date,
           GError        **error)
{
  return _kedja_store_column_date (loader->self, stmt, column, out_date, error);
}

static gboolean
read_enum (Loader         *loader,
           KedjaStoreStmt *stmt,
           int             column,
           GType           type,
           int            *out_value,
           GError        **error)
{
  return _kedja_store_column_enum (loader->self, stmt, column, type, out_value, error);
}

/* Plans and their clients */

#define PLAN_SELECT \
  "SELECT p.id, p.revision, p.status, p.title, p.created, p.own_goal, p.need_recorded, " \
  "p.coordinating_agency_id, p.coordinator, p.follow_up, c.id, c.name, c.personal_number, " \
  "c.protected_identity, c.district, c.children_under_18, c.relatives_involved, " \
  "c.has_own_housing FROM plans p JOIN clients c ON c.id = p.client_id"

static gboolean
read_plan (Loader         *loader,
           KedjaStoreStmt *stmt,
           GError        **error)
{
  g_autoptr(KedjaPlan) plan = NULL;
  KedjaClient *client;
  const char *name;
  int status;
  gint64 children;

  /* "" is how the clients table keeps "no name" (a protected identity
   * known without one); only such a client can be without a name. */
  name = _kedja_store_column_peek (stmt, 11);
  client = kedja_client_new (_kedja_store_column_peek (stmt, 10),
                             name != NULL && *name != '\0' ? name : NULL);
  client->personal_number = _kedja_store_column_text (stmt, 12);
  client->protected_identity = sqlite3_column_int (stmt, 13) != 0;
  client->district = _kedja_store_column_text (stmt, 14);
  children = sqlite3_column_int64 (stmt, 15);
  client->children_under_18 = (guint) CLAMP (children, 0, G_MAXUINT);
  client->relatives_involved = sqlite3_column_int (stmt, 16) != 0;
  client->has_own_housing = sqlite3_column_int (stmt, 17) != 0;

  plan = kedja_plan_new (_kedja_store_column_peek (stmt, 0), client,
                         _kedja_store_column_peek (stmt, 3));
  plan->revision = sqlite3_column_int64 (stmt, 1);
  plan->own_goal = _kedja_store_column_text (stmt, 5);
  plan->coordinating_agency_id = _kedja_store_column_text (stmt, 7);
  plan->coordinator = _kedja_store_column_text (stmt, 8);
  if (!read_enum (loader, stmt, 2, KEDJA_TYPE_PLAN_STATUS, &status, error)
      || !read_date (loader, stmt, 4, &plan->created, error)
      || !read_date (loader, stmt, 6, &plan->need_recorded, error)
      || !read_date (loader, stmt, 9, &plan->follow_up, error))
    return FALSE;
  plan->status = status;

  g_hash_table_insert (loader->by_id, plan->id, plan);
  g_ptr_array_add (loader->plans, g_steal_pointer (&plan));
  return TRUE;
}

/* The parts */

static gboolean
read_agency_row (Loader         *loader,
                 KedjaPlan      *plan,
                 KedjaStoreStmt *stmt,
                 GError        **error)
{
  KedjaAgency *agency = _kedja_store_read_agency (loader->self, stmt, 1, error);

  if (agency == NULL)
    return FALSE;
  g_ptr_array_add (plan->agencies, agency);
  return TRUE;
}

/* role, agency_id, name from @first: a participant or a meeting attendee. */
static KedjaParticipant *
read_participant (Loader         *loader,
                  KedjaStoreStmt *stmt,
                  int             first,
                  GError        **error)
{
  int role;

  if (!read_enum (loader, stmt, first, KEDJA_TYPE_ROLE, &role, error))
    return NULL;
  return kedja_participant_new (role, _kedja_store_column_peek (stmt, first + 1),
                                _kedja_store_column_peek (stmt, first + 2));
}

static gboolean
read_participant_row (Loader         *loader,
                      KedjaPlan      *plan,
                      KedjaStoreStmt *stmt,
                      GError        **error)
{
  KedjaParticipant *participant = read_participant (loader, stmt, 1, error);

  if (participant == NULL)
    return FALSE;
  g_ptr_array_add (plan->participants, participant);
  return TRUE;
}

static gboolean
read_consent_row (Loader         *loader,
                  KedjaPlan      *plan,
                  KedjaStoreStmt *stmt,
                  GError        **error)
{
  g_autoptr(KedjaConsent) consent = NULL;
  KedjaDate given;
  int form;

  if (!read_date (loader, stmt, 2, &given, error)
      || !read_enum (loader, stmt, 3, KEDJA_TYPE_CONSENT_FORM, &form, error))
    return FALSE;
  consent = kedja_consent_new (_kedja_store_column_peek (stmt, 1), given, form);
  consent->exclusion = _kedja_store_column_text (stmt, 6);
  if (!read_date (loader, stmt, 4, &consent->expires, error)
      || !read_date (loader, stmt, 5, &consent->withdrawn, error))
    return FALSE;
  g_ptr_array_add (plan->consents, g_steal_pointer (&consent));
  return TRUE;
}

static gboolean
read_goal_row (Loader         *loader,
               KedjaPlan      *plan,
               KedjaStoreStmt *stmt,
               GError        **error)
{
  g_autoptr(KedjaGoal) goal = NULL;
  int domain, status;

  if (!read_enum (loader, stmt, 2, KEDJA_TYPE_DOMAIN, &domain, error)
      || !read_enum (loader, stmt, 5, KEDJA_TYPE_GOAL_STATUS, &status, error))
    return FALSE;
  goal = kedja_goal_new (_kedja_store_column_peek (stmt, 1), domain,
                         _kedja_store_column_peek (stmt, 3));
  goal->status = status;
  if (!read_date (loader, stmt, 4, &goal->target, error))
    return FALSE;
  g_ptr_array_add (plan->goals, g_steal_pointer (&goal));
  return TRUE;
}

static gboolean
read_step_row (Loader         *loader,
               KedjaPlan      *plan,
               KedjaStoreStmt *stmt,
               GError        **error)
{
  g_autoptr(KedjaStep) step = NULL;
  int phase, status, setting;

  if (!read_enum (loader, stmt, 2, KEDJA_TYPE_PHASE, &phase, error)
      || !read_enum (loader, stmt, 3, KEDJA_TYPE_STEP_STATUS, &status, error)
      || !read_enum (loader, stmt, 7, KEDJA_TYPE_CARE_SETTING, &setting, error))
    return FALSE;
  step = kedja_step_new (_kedja_store_column_peek (stmt, 1), phase,
                         _kedja_store_column_peek (stmt, 4));
  step->status = status;
  step->setting = setting;
  step->agency_id = _kedja_store_column_text (stmt, 5);
  step->contact = _kedja_store_column_text (stmt, 6);
  step->code = _kedja_store_column_text (stmt, 8);
  step->note = _kedja_store_column_text (stmt, 13);
  if (!read_date (loader, stmt, 9, &step->planned_start, error)
      || !read_date (loader, stmt, 10, &step->planned_end, error)
      || !read_date (loader, stmt, 11, &step->actual_start, error)
      || !read_date (loader, stmt, 12, &step->actual_end, error))
    return FALSE;
  g_ptr_array_add (plan->steps, g_steal_pointer (&step));
  return TRUE;
}

/* Links come ordered by step id, so the step found for one row usually
 * serves the next ones too. */
static gboolean
read_step_goal_row (Loader         *loader,
                    KedjaPlan      *plan,
                    KedjaStoreStmt *stmt,
                    GError        **error)
{
  const char *step_id = _kedja_store_column_peek (stmt, 1);

  if (loader->last_step == NULL || g_strcmp0 (loader->last_step->id, step_id) != 0)
    loader->last_step = kedja_plan_find_step (plan, step_id);
  if (loader->last_step == NULL)
    return _kedja_store_fail_corrupt (loader->self, "step_goals.step_id", error);
  g_ptr_array_add (loader->last_step->goal_ids, _kedja_store_column_text (stmt, 2));
  return TRUE;
}

static gboolean
read_handover_row (Loader         *loader,
                   KedjaPlan      *plan,
                   KedjaStoreStmt *stmt,
                   GError        **error)
{
  g_autoptr(KedjaHandover) handover = NULL;
  KedjaDate planned;

  if (!read_date (loader, stmt, 3, &planned, error))
    return FALSE;
  handover = kedja_handover_new (_kedja_store_column_peek (stmt, 1),
                                 _kedja_store_column_peek (stmt, 2), planned);
  handover->confirmed_by = _kedja_store_column_text (stmt, 6);
  if (!read_date (loader, stmt, 4, &handover->meeting, error)
      || !read_date (loader, stmt, 5, &handover->confirmed, error))
    return FALSE;
  g_ptr_array_add (plan->handovers, g_steal_pointer (&handover));
  return TRUE;
}

/* Attendees find their meeting by position, so positions must be 0, 1, 2…
 * as the store writes them. */
static gboolean
read_meeting_row (Loader         *loader,
                  KedjaPlan      *plan,
                  KedjaStoreStmt *stmt,
                  GError        **error)
{
  KedjaDate date;

  if (sqlite3_column_int64 (stmt, 1) != plan->meetings->len)
    return _kedja_store_fail_corrupt (loader->self, "meetings.position", error);
  if (!read_date (loader, stmt, 2, &date, error))
    return FALSE;
  g_ptr_array_add (plan->meetings, kedja_meeting_new (date));
  return TRUE;
}

static gboolean
read_attendee_row (Loader         *loader,
                   KedjaPlan      *plan,
                   KedjaStoreStmt *stmt,
                   GError        **error)
{
  gint64 position = sqlite3_column_int64 (stmt, 1);
  KedjaParticipant *attendee;
  KedjaMeeting *meeting;

  if (position < 0 || position >= plan->meetings->len)
    return _kedja_store_fail_corrupt (loader->self, "meeting_attendees.meeting_position", error);
  attendee = read_participant (loader, stmt, 2, error);
  if (attendee == NULL)
    return FALSE;
  meeting = g_ptr_array_index (plan->meetings, position);
  g_ptr_array_add (meeting->attendees, attendee);
  return TRUE;
}

static gboolean
read_rating_row (Loader         *loader,
                 KedjaPlan      *plan,
                 KedjaStoreStmt *stmt,
                 GError        **error)
{
  g_autoptr(KedjaRating) rating = NULL;
  KedjaDate date;
  int domain;

  if (!read_date (loader, stmt, 1, &date, error)
      || !read_enum (loader, stmt, 2, KEDJA_TYPE_DOMAIN, &domain, error))
    return FALSE;
  rating = kedja_rating_new (date, domain, (guint) CLAMP (sqlite3_column_int (stmt, 3), 0, 10));
  rating->note = _kedja_store_column_text (stmt, 4);
  g_ptr_array_add (plan->ratings, g_steal_pointer (&rating));
  return TRUE;
}

/* In dependency order: goals before the links to them, steps before
 * their links, meetings before their attendees. */
static const PartQuery parts[] = {
  PART ("SELECT pa.plan_id, a.id, a.name, a.kind, a.hsa_id, a.org_number, a.contact "
        "FROM plan_agencies pa JOIN agencies a ON a.id = pa.agency_id",
        "pa.plan_id", "pa.plan_id, pa.position", read_agency_row),
  PART ("SELECT plan_id, role, agency_id, name FROM participants",
        "plan_id", "plan_id, position", read_participant_row),
  PART ("SELECT plan_id, agency_id, given, form, expires, withdrawn, exclusion FROM consents",
        "plan_id", "plan_id, position", read_consent_row),
  PART ("SELECT plan_id, id, domain, statement, target, status FROM goals",
        "plan_id", "plan_id, position", read_goal_row),
  PART ("SELECT plan_id, id, phase, status, title, agency_id, contact, setting, code, "
        "planned_start, planned_end, actual_start, actual_end, note FROM steps",
        "plan_id", "plan_id, position", read_step_row),
  PART ("SELECT plan_id, step_id, goal_id FROM step_goals",
        "plan_id", "plan_id, step_id, position", read_step_goal_row),
  PART ("SELECT plan_id, from_step_id, to_step_id, planned, meeting, confirmed, confirmed_by "
        "FROM handovers",
        "plan_id", "plan_id, position", read_handover_row),
  PART ("SELECT plan_id, position, date FROM meetings",
        "plan_id", "plan_id, position", read_meeting_row),
  PART ("SELECT plan_id, meeting_position, role, agency_id, name FROM meeting_attendees",
        "plan_id", "plan_id, meeting_position, position", read_attendee_row),
  PART ("SELECT plan_id, date, domain, value, note FROM ratings",
        "plan_id", "plan_id, position", read_rating_row),
};

static gboolean
run_query (Loader            *loader,
           const char        *sql,
           const char        *plan_id,
           ReadRowFunc        read_row,
           GError           **error)
{
  g_autoptr(KedjaStoreStmt) stmt = _kedja_store_prepare (loader->self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (plan_id != NULL)
    _kedja_store_bind_text (stmt, 1, plan_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (read_row == NULL)
        {
          if (!read_plan (loader, stmt, error))
            return FALSE;
          continue;
        }

      /* The foreign keys make every row's plan exist. */
      KedjaPlan *plan = find_plan (loader, _kedja_store_column_peek (stmt, 0));
      if (plan != NULL && !read_row (loader, plan, stmt, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _kedja_store_fail_sqlite (loader->self, error);
  return TRUE;
}

/* Returns: (transfer full) (element-type KedjaPlan): in no particular order;
 * empty when @plan_id is not there. */
GPtrArray *
_kedja_store_load_plans (KedjaStore *self,
                         const char *plan_id,
                         GError    **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  Loader loader = { self, plans, by_id, NULL, NULL };

  if (!run_query (&loader, plan_id ? PLAN_SELECT " WHERE p.id = ?1" : PLAN_SELECT,
                  plan_id, NULL, error))
    return NULL;
  if (plans->len == 0)
    return g_steal_pointer (&plans);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const PartQuery *part = &parts[i];

      loader.last = NULL;
      loader.last_step = NULL;
      if (!run_query (&loader, plan_id ? part->one_sql : part->all_sql, plan_id,
                      part->read_row, error))
        return NULL;
    }
  return g_steal_pointer (&plans);
}

KedjaPlan *
kedja_store_load_plan (KedjaStore *self,
                       const char *plan_id,
                       GError    **error)
{
  g_autoptr(GPtrArray) plans = NULL;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One snapshot for all the queries: another process saving meanwhile
   * must not give us its steps with our goals. */
  if (!_kedja_store_begin_read (self, error))
    return NULL;
  plans = _kedja_store_load_plans (self, plan_id, error);
  _kedja_store_rollback (self);
  if (plans == NULL)
    return NULL;

  if (plans->len == 0)
    {
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with the id %s in “%s”. Someone may have deleted it."),
                   plan_id, self->display_name);
      return NULL;
    }
  return kedja_plan_ref (g_ptr_array_index (plans, 0));
}

static const char *
plan_get_client_name (gpointer item)
{
  KedjaClient *client = ((KedjaPlan *) item)->client;

  /* The same order as kedja_store_list_plans(): protected clients by id. */
  return client->protected_identity ? NULL : client->name;
}

static const char *
plan_get_title (gpointer item)
{
  KedjaPlan *plan = item;

  return plan->client->protected_identity ? NULL : plan->title;
}

static const char *
plan_get_id (gpointer item)
{
  return ((KedjaPlan *) item)->id;
}

/* Returns: (transfer full) (element-type KedjaPlan): every plan, in the
 * order of kedja_store_list_plans(). */
GPtrArray *
kedja_store_load_all_plans (KedjaStore *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) plans = NULL;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kedja_store_begin_read (self, error))
    return NULL;
  plans = _kedja_store_load_plans (self, NULL, error);
  _kedja_store_rollback (self);
  if (plans == NULL)
    return NULL;

  _kedja_store_sort_by_name (plans, plan_get_client_name, plan_get_title, plan_get_id);
  return g_steal_pointer (&plans);
}
