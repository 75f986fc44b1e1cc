/* kedja-store-plans.c — saving, deleting and listing plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save replaces the plan's row and all its parts in one transaction,
 * together with its audit entry. Revisions guard against lost updates: a
 * save names the revision it was loaded at, and fails if the file holds
 * another one by then (someone else saved in between).
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-store-private.h"

static const char *
title_of (const KedjaPlan *plan)
{
  return plan->title ? plan->title : "";
}

void
_kedja_stored_plan_clear (KedjaStoredPlan *stored)
{
  g_clear_pointer (&stored->client_id, g_free);
  g_clear_pointer (&stored->title, g_free);
}

gboolean
_kedja_store_read_stored (KedjaStore      *self,
                          const char      *plan_id,
                          KedjaStoredPlan *stored,
                          GError         **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  stmt = _kedja_store_prepare (self, "SELECT revision, client_id, title FROM plans WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, plan_id);
  if (!_kedja_store_step_row (self, stmt, &stored->exists, error))
    return FALSE;
  if (stored->exists)
    {
      stored->revision = sqlite3_column_int64 (stmt, 0);
      stored->client_id = _kedja_store_column_text (stmt, 1);
      stored->title = _kedja_store_column_text (stmt, 2);
    }
  return TRUE;
}

/* Removes the client unless a plan is still for them; the schema refuses
 * it otherwise, so the NOT EXISTS only keeps that from being an error. */
static gboolean
delete_client_if_orphaned (KedjaStore *self,
                           const char *client_id,
                           gboolean   *out_deleted,
                           GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  stmt = _kedja_store_prepare (self,
                               "DELETE FROM clients WHERE id = ?1 "
                               "AND NOT EXISTS (SELECT 1 FROM plans WHERE client_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, client_id);
  if (!_kedja_store_step_done (self, stmt, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/* Saving */

static gboolean
fail_conflict (KedjaStore            *self,
               const KedjaPlan       *plan,
               const KedjaStoredPlan *stored,
               GError               **error)
{
  if (plan->revision == 0)
    g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT,
                 _("The plan “%s” cannot be saved as a new plan: “%s” already holds a plan "
                   "with the same id (“%s”)."),
                 title_of (plan), self->display_name, stored->title ? stored->title : "");
  else if (!stored->exists)
    g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT,
                 _("The plan “%s” was deleted by someone else since you opened it. Your "
                   "changes have not been saved."), title_of (plan));
  else
    g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT,
                 _("The plan “%s” was changed by someone else since you opened it. Your "
                   "changes have not been saved: open the plan again to see theirs, then "
                   "make yours again."), title_of (plan));
  return FALSE;
}

/* One line for the log, without the client's name or number: the log is
 * read by more people than the plans are. */
char *
_kedja_store_describe_new_plan (const KedjaPlan *plan)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s”, %u step", "“%s”, %u steps",
                                       plan->steps->len),
                          title_of (plan), plan->steps->len);
}

char *
_kedja_store_describe_update (KedjaStore      *self,
                              const KedjaPlan *plan,
                              GError         **error)
{
  g_autoptr(GPtrArray) stored = _kedja_store_load_plans (self, plan->id, error);
  KedjaPlan *before;
  char *detail;

  if (stored == NULL)
    return NULL;
  g_assert (stored->len == 1);
  before = g_ptr_array_index (stored, 0);

  detail = kedja_plan_describe_changes (before, plan);
  /* Changes it has no words for (the creation date, the agencies the plan
   * lists but uses nowhere) still deserve a line. */
  if (*detail == '\0' && !kedja_plan_equal (before, plan))
    {
      g_free (detail);
      detail = g_strdup (_("Other details of the plan changed"));
    }
  return detail;
}

gboolean
_kedja_store_write_plan_locked (KedjaStore            *self,
                                const KedjaPlan       *plan,
                                const KedjaStoredPlan *stored,
                                gint64                 new_revision,
                                const char            *action,
                                const char            *detail,
                                GError               **error)
{
  /* The directory entries and the client first: the plan's rows refer to
   * them. */
  if (!_kedja_store_upsert_client (self, plan->client, error))
    return FALSE;
  for (guint i = 0; i < plan->agencies->len; i++)
    if (!_kedja_store_upsert_agency (self, g_ptr_array_index (plan->agencies, i), error))
      return FALSE;

  if (!stored->exists)
    {
      if (!_kedja_store_insert_plan_row (self, plan, new_revision, error))
        return FALSE;
    }
  else
    {
      gboolean updated;

      if (!_kedja_store_update_plan_row (self, plan, stored->revision, new_revision, &updated,
                                         error))
        return FALSE;
      if (!updated)
        return fail_conflict (self, plan, stored, error);
      if (!_kedja_store_delete_parts (self, plan->id, error))
        return FALSE;
    }

  if (!_kedja_store_insert_parts (self, plan, error))
    return FALSE;

  /* The plan may now be for someone else (a mistaken client fixed). */
  if (stored->client_id != NULL && !g_str_equal (stored->client_id, plan->client->id)
      && !delete_client_if_orphaned (self, stored->client_id, NULL, error))
    return FALSE;

  return _kedja_store_audit (self, action, "plan", plan->id, detail, error);
}

/* Writes @plan inside the caller's write transaction. *@out_revision is
 * its revision once committed; a plan that has not changed since it was
 * loaded is left alone (no new revision, nothing logged). */
static gboolean
save_locked (KedjaStore      *self,
             const KedjaPlan *plan,
             gint64          *out_revision,
             GError         **error)
{
  g_auto(KedjaStoredPlan) stored = { 0 };
  g_autofree char *detail = NULL;
  gboolean is_new = plan->revision == 0;
  gint64 new_revision = is_new ? 1 : plan->revision + 1;

  if (!_kedja_store_read_stored (self, plan->id, &stored, error))
    return FALSE;
  if (is_new ? stored.exists : (!stored.exists || stored.revision != plan->revision))
    return fail_conflict (self, plan, &stored, error);

  if (is_new)
    detail = _kedja_store_describe_new_plan (plan);
  else if ((detail = _kedja_store_describe_update (self, plan, error)) == NULL)
    return FALSE;
  else if (*detail == '\0')
    {
      *out_revision = plan->revision;
      return TRUE;
    }

  if (!_kedja_store_write_plan_locked (self, plan, &stored, new_revision,
                                       is_new ? "create" : "update", detail, error))
    return FALSE;
  *out_revision = new_revision;
  return TRUE;
}

static gboolean
validate (KedjaStore      *self,
          const KedjaPlan *plan,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kedja_plan_validate (plan, &local_error))
    return TRUE;
  /* TRANSLATORS: the second %s is what is wrong with the plan */
  g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
               _("The plan “%s” cannot be saved: %s"), title_of (plan), local_error->message);
  return FALSE;
}

/* @agencies: (nullable): directory entries to save with the plans
 * @plans: (nullable): plans to save
 *
 * One transaction: either every entry and plan is saved, or nothing is. */
gboolean
kedja_store_save_all (KedjaStore *self,
                      GPtrArray  *agencies,
                      GPtrArray  *plans,
                      GError    **error)
{
  g_autofree gint64 *revisions = NULL;
  guint n_plans = plans ? plans->len : 0;
  guint n_agencies = agencies ? agencies->len : 0;

  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Everything is checked before the write lock is taken: a bad plan
   * should not make other windows wait. */
  for (guint i = 0; i < n_agencies; i++)
    if (!_kedja_store_check_agency (g_ptr_array_index (agencies, i), error))
      return FALSE;
  for (guint i = 0; i < n_plans; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (plans, i);

      g_return_val_if_fail (plan != NULL, FALSE);
      if (!validate (self, plan, error))
        return FALSE;
    }

  revisions = g_new0 (gint64, MAX (n_plans, 1));
  if (!_kedja_store_begin_write (self, error))
    return FALSE;
  for (guint i = 0; i < n_agencies; i++)
    {
      if (!_kedja_store_upsert_agency (self, g_ptr_array_index (agencies, i), error))
        {
          _kedja_store_rollback (self);
          return FALSE;
        }
    }
  for (guint i = 0; i < n_plans; i++)
    {
      if (!save_locked (self, g_ptr_array_index (plans, i), &revisions[i], error))
        {
          _kedja_store_rollback (self);
          return FALSE;
        }
    }
  if (!_kedja_store_commit (self, error))
    return FALSE;

  /* Only now: a failed save must leave the caller's plans as they were,
   * so that it can be retried. */
  for (guint i = 0; i < n_plans; i++)
    ((KedjaPlan *) g_ptr_array_index (plans, i))->revision = revisions[i];
  return TRUE;
}

gboolean
kedja_store_save_plans (KedjaStore *self,
                        GPtrArray  *plans,
                        GError    **error)
{
  g_return_val_if_fail (plans != NULL, FALSE);

  return kedja_store_save_all (self, NULL, plans, error);
}

gboolean
kedja_store_save_plan (KedjaStore *self,
                       KedjaPlan  *plan,
                       GError    **error)
{
  g_autoptr(GPtrArray) plans = NULL;

  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plans = g_ptr_array_new ();
  g_ptr_array_add (plans, plan);
  return kedja_store_save_plans (self, plans, error);
}

/* Deleting */

static gboolean
delete_locked (KedjaStore *self,
               const char *plan_id,
               GError    **error)
{
  g_auto(KedjaStoredPlan) stored = { 0 };
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  g_autofree char *detail = NULL;
  gboolean client_deleted = FALSE;

  if (!_kedja_store_read_stored (self, plan_id, &stored, error))
    return FALSE;
  if (!stored.exists)
    {
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with the id %s in “%s”. Someone may have deleted it "
                     "already."), plan_id, self->display_name);
      return FALSE;
    }

  /* The parts follow through ON DELETE CASCADE. */
  stmt = _kedja_store_prepare (self, "DELETE FROM plans WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, plan_id);
  if (!_kedja_store_step_done (self, stmt, error)
      || !delete_client_if_orphaned (self, stored.client_id, &client_deleted, error))
    return FALSE;

  if (client_deleted)
    detail = g_strdup_printf (_("“%s”\nThe client's record was removed too: no other plan "
                                "is for them"), stored.title);
  else
    detail = g_strdup_printf ("“%s”", stored.title);
  return _kedja_store_audit (self, "delete", "plan", plan_id, detail, error);
}

gboolean
kedja_store_delete_plan (KedjaStore *self,
                         const char *plan_id,
                         GError    **error)
{
  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kedja_store_begin_write (self, error))
    return FALSE;
  if (!delete_locked (self, plan_id, error))
    {
      _kedja_store_rollback (self);
      return FALSE;
    }
  return _kedja_store_commit (self, error);
}

/* Listing */

static const char *
summary_get_client_name (gpointer item)
{
  /* A protected client's place in the list must not hint at the name: they
   * all sort together, by id. */
  if (kedja_plan_summary_get_protected_identity (item))
    return NULL;
  return kedja_plan_summary_get_client_name (item);
}

static const char *
summary_get_title (gpointer item)
{
  /* Titles often carry the client's name too. */
  if (kedja_plan_summary_get_protected_identity (item))
    return NULL;
  return kedja_plan_summary_get_title (item);
}

static const char *
summary_get_id (gpointer item)
{
  return kedja_plan_summary_get_id (item);
}

/* Returns: (transfer full) (element-type KedjaPlanSummary): every plan, by
 * client name, then title. */
GPtrArray *
kedja_store_list_plans (KedjaStore *self,
                        GError    **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One query, so the list is one snapshot. Every step counts, cancelled
   * ones too: the number says how big the plan is. */
  stmt = _kedja_store_prepare (self,
                               "SELECT p.id, p.title, c.name, c.protected_identity, c.district, "
                               "p.status, p.revision, "
                               "(SELECT count(*) FROM steps s WHERE s.plan_id = p.id), "
                               "p.follow_up "
                               "FROM plans p JOIN clients c ON c.id = p.client_id", error);
  if (stmt == NULL)
    return NULL;

  summaries = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KedjaPlanSummaryFields fields = { 0 };
      int status;

      fields.id = _kedja_store_column_peek (stmt, 0);
      fields.title = _kedja_store_column_peek (stmt, 1);
      fields.client_name = _kedja_store_column_peek (stmt, 2);
      fields.protected_identity = sqlite3_column_int (stmt, 3) != 0;
      fields.district = _kedja_store_column_peek (stmt, 4);
      fields.revision = sqlite3_column_int64 (stmt, 6);
      fields.n_steps = (guint) sqlite3_column_int64 (stmt, 7);
      if (!_kedja_store_column_enum (self, stmt, 5, KEDJA_TYPE_PLAN_STATUS, &status, error)
          || !_kedja_store_column_date (self, stmt, 8, &fields.follow_up, error))
        return NULL;
      fields.status = status;
      g_ptr_array_add (summaries, kedja_plan_summary_new (&fields));
    }
  if (rc != SQLITE_DONE)
    {
      _kedja_store_fail_sqlite (self, error);
      return NULL;
    }

  _kedja_store_sort_by_name (summaries, summary_get_client_name, summary_get_title,
                             summary_get_id);
  return g_steal_pointer (&summaries);
}
