/* kedja-store-directory.c — the agency directory, the settings and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-store-private.h"

/* The audit log */

gboolean
_kedja_store_audit (KedjaStore *self,
                    const char *action,
                    const char *entity,
                    const char *entity_id,
                    const char *detail,
                    GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  stmt = _kedja_store_prepare (self,
                               "INSERT INTO audit_log (at, os_user, action, entity, entity_id, "
                               "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, at);
  _kedja_store_bind_text (stmt, 2, g_get_user_name ());
  _kedja_store_bind_text (stmt, 3, action);
  _kedja_store_bind_text (stmt, 4, entity);
  _kedja_store_bind_text (stmt, 5, entity_id);
  /* An empty detail says nothing; keep it NULL like an absent one. */
  _kedja_store_bind_text (stmt, 6, detail && *detail ? detail : NULL);
  return _kedja_store_step_done (self, stmt, error);
}

GPtrArray *
kedja_store_list_audit (KedjaStore *self,
                        const char *entity_id,
                        GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#define AUDIT_SELECT "SELECT id, at, os_user, action, entity, entity_id, detail FROM audit_log"
  if (entity_id != NULL)
    stmt = _kedja_store_prepare (self, AUDIT_SELECT " WHERE entity_id = ?1 ORDER BY id", error);
  else
    stmt = _kedja_store_prepare (self, AUDIT_SELECT " ORDER BY id", error);
#undef AUDIT_SELECT
  if (stmt == NULL)
    return NULL;
  if (entity_id != NULL)
    _kedja_store_bind_text (stmt, 1, entity_id);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KedjaAuditEntry *entry = g_new0 (KedjaAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = _kedja_store_column_text (stmt, 1);
      entry->user = _kedja_store_column_text (stmt, 2);
      entry->action = _kedja_store_column_text (stmt, 3);
      entry->entity = _kedja_store_column_text (stmt, 4);
      entry->entity_id = _kedja_store_column_text (stmt, 5);
      entry->detail = _kedja_store_column_text (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _kedja_store_fail_sqlite (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gboolean
kedja_store_log (KedjaStore *self,
                 const char *action,
                 const char *entity,
                 const char *entity_id,
                 const char *detail,
                 GError    **error)
{
  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && *action != '\0', FALSE);
  g_return_val_if_fail (entity != NULL && *entity != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kedja_store_begin_write (self, error))
    return FALSE;
  if (!_kedja_store_audit (self, action, entity, entity_id, detail, error))
    {
      _kedja_store_rollback (self);
      return FALSE;
    }
  return _kedja_store_commit (self, error);
}

gboolean
kedja_store_log_many (KedjaStore *self,
                      const char *action,
                      const char *entity,
                      GPtrArray  *entity_ids,
                      GPtrArray  *details,
                      GError    **error)
{
  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && *action != '\0', FALSE);
  g_return_val_if_fail (entity != NULL && *entity != '\0', FALSE);
  g_return_val_if_fail (entity_ids != NULL && details != NULL, FALSE);
  g_return_val_if_fail (entity_ids->len == details->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kedja_store_begin_write (self, error))
    return FALSE;
  for (guint i = 0; i < entity_ids->len; i++)
    {
      if (!_kedja_store_audit (self, action, entity, g_ptr_array_index (entity_ids, i),
                               g_ptr_array_index (details, i), error))
        {
          _kedja_store_rollback (self);
          return FALSE;
        }
    }
  return _kedja_store_commit (self, error);
}

/* The agency directory */

KedjaAgency *
_kedja_store_read_agency (KedjaStore     *self,
                          KedjaStoreStmt *stmt,
                          int             first,
                          GError        **error)
{
  g_autoptr(KedjaAgency) agency = NULL;
  int kind;

  if (!_kedja_store_column_enum (self, stmt, first + 2, KEDJA_TYPE_AGENCY_KIND, &kind, error))
    return NULL;
  agency = kedja_agency_new (_kedja_store_column_peek (stmt, first),
                             _kedja_store_column_peek (stmt, first + 1), kind);
  agency->hsa_id = _kedja_store_column_text (stmt, first + 3);
  agency->org_number = _kedja_store_column_text (stmt, first + 4);
  agency->contact = _kedja_store_column_text (stmt, first + 5);
  return g_steal_pointer (&agency);
}

static const char *
agency_get_name (gpointer item)
{
  return ((KedjaAgency *) item)->name;
}

static const char *
agency_get_nothing (gpointer item)
{
  return NULL;
}

static const char *
agency_get_id (gpointer item)
{
  return ((KedjaAgency *) item)->id;
}

/* Returns: (transfer full) (element-type KedjaAgency): the directory, by name. */
GPtrArray *
kedja_store_list_agencies (KedjaStore *self,
                           GError    **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _kedja_store_prepare (self,
                               "SELECT id, name, kind, hsa_id, org_number, contact FROM agencies",
                               error);
  if (stmt == NULL)
    return NULL;

  agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_agency_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KedjaAgency *agency = _kedja_store_read_agency (self, stmt, 0, error);

      if (agency == NULL)
        return NULL;
      g_ptr_array_add (agencies, agency);
    }
  if (rc != SQLITE_DONE)
    {
      _kedja_store_fail_sqlite (self, error);
      return NULL;
    }

  _kedja_store_sort_by_name (agencies, agency_get_name, agency_get_nothing, agency_get_id);
  return g_steal_pointer (&agencies);
}

static void
describe_field (GString    *out,
                const char *field,
                const char *before,
                const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s → %s", field, before ? before : "–", after ? after : "–");
}

/* Contact details of an organisation, not of a person: they may be logged
 * in full. */
static char *
describe_agency_changes (const KedjaAgency *a,
                         const KedjaAgency *b)
{
  GString *out = g_string_new (NULL);

  describe_field (out, _("name"), a->name, b->name);
  describe_field (out, _("kind"), kedja_enum_to_nick (KEDJA_TYPE_AGENCY_KIND, a->kind),
                  kedja_enum_to_nick (KEDJA_TYPE_AGENCY_KIND, b->kind));
  describe_field (out, _("HSA-id"), a->hsa_id, b->hsa_id);
  describe_field (out, _("organisation number"), a->org_number, b->org_number);
  describe_field (out, _("contact"), a->contact, b->contact);
  return g_string_free (out, FALSE);
}

static gboolean
lookup_agency (KedjaStore   *self,
               const char   *id,
               KedjaAgency **out_agency,
               GError      **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  gboolean has_row;

  *out_agency = NULL;
  stmt = _kedja_store_prepare (self,
                               "SELECT id, name, kind, hsa_id, org_number, contact "
                               "FROM agencies WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, id);
  if (!_kedja_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  *out_agency = _kedja_store_read_agency (self, stmt, 0, error);
  return *out_agency != NULL;
}

gboolean
_kedja_store_upsert_agency (KedjaStore        *self,
                            const KedjaAgency *agency,
                            GError           **error)
{
  g_autoptr(KedjaAgency) stored = NULL;
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  g_autofree char *detail = NULL;

  if (!lookup_agency (self, agency->id, &stored, error))
    return FALSE;
  /* Plans carry copies of the entries they use; most saves change none. */
  if (stored != NULL && kedja_agency_equal (stored, agency))
    return TRUE;

  stmt = _kedja_store_prepare (self,
                               "INSERT INTO agencies (id, name, kind, hsa_id, org_number, contact) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                               "kind = excluded.kind, hsa_id = excluded.hsa_id, "
                               "org_number = excluded.org_number, contact = excluded.contact",
                               error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, agency->id);
  _kedja_store_bind_text (stmt, 2, agency->name);
  _kedja_store_bind_enum (stmt, 3, KEDJA_TYPE_AGENCY_KIND, agency->kind);
  _kedja_store_bind_text (stmt, 4, agency->hsa_id);
  _kedja_store_bind_text (stmt, 5, agency->org_number);
  _kedja_store_bind_text (stmt, 6, agency->contact);
  if (!_kedja_store_step_done (self, stmt, error))
    return FALSE;

  if (stored == NULL)
    return _kedja_store_audit (self, "create", "agency", agency->id, agency->name, error);
  detail = describe_agency_changes (stored, agency);
  return _kedja_store_audit (self, "update", "agency", agency->id, detail, error);
}

/* Checks an agency before the write lock is taken. */
gboolean
_kedja_store_check_agency (const KedjaAgency *agency,
                           GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kedja_agency_validate (agency, &local_error))
    return TRUE;
  g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
               _("The agency cannot be saved: %s"), local_error->message);
  return FALSE;
}

gboolean
kedja_store_save_agency (KedjaStore        *self,
                         const KedjaAgency *agency,
                         GError           **error)
{
  g_autoptr(GPtrArray) agencies = NULL;

  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  agencies = g_ptr_array_new ();
  g_ptr_array_add (agencies, (gpointer) agency);
  return kedja_store_save_all (self, agencies, NULL, error);
}

/* Settings */

static gboolean
lookup_setting (KedjaStore *self,
                const char *key,
                char      **out_value,
                GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  gboolean has_row = FALSE;

  /* The pseudonym key shares the table but is no setting: reading it here
   * would let it be printed, and changing it would log it. */
  if (!_kedja_store_is_private_setting (key))
    {
      stmt = _kedja_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      _kedja_store_bind_text (stmt, 1, key);
      if (!_kedja_store_step_row (self, stmt, &has_row, error))
        return FALSE;
    }
  if (!has_row)
    {
      /* Every key has a default, so an unknown one is a mistake in the
       * caller: refuse rather than invent a value. */
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND,
                   _("There is no setting “%s” in “%s”."), key, self->display_name);
      return FALSE;
    }
  *out_value = _kedja_store_column_text (stmt, 0);
  return TRUE;
}

char *
kedja_store_get_setting (KedjaStore *self,
                         const char *key,
                         GError    **error)
{
  char *value = NULL;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lookup_setting (self, key, &value, error))
    return NULL;
  return value;
}

static gboolean
set_setting_locked (KedjaStore *self,
                    const char *key,
                    const char *value,
                    GError    **error)
{
  g_autofree char *old = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(KedjaStoreStmt) stmt = NULL;

  if (!lookup_setting (self, key, &old, error))
    return FALSE;
  if (g_str_equal (old, value))
    return TRUE;

  stmt = _kedja_store_prepare (self, "UPDATE settings SET value = ?2 WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, key);
  _kedja_store_bind_text (stmt, 2, value);
  if (!_kedja_store_step_done (self, stmt, error))
    return FALSE;

  detail = g_strdup_printf ("%s: %s → %s", key, old, value);
  return _kedja_store_audit (self, "update", "settings", key, detail, error);
}

gboolean
kedja_store_set_setting (KedjaStore *self,
                         const char *key,
                         const char *value,
                         GError    **error)
{
  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kedja_store_begin_write (self, error))
    return FALSE;
  if (!set_setting_locked (self, key, value, error))
    {
      _kedja_store_rollback (self);
      return FALSE;
    }
  return _kedja_store_commit (self, error);
}

/* Reads every key in one transaction, so that a colleague changing two
 * thresholds at once is seen before or after, never half-way. */
static gboolean
load_analysis_settings_locked (KedjaStore            *self,
                               KedjaAnalysisSettings *settings,
                               GError               **error)
{
  const char *const *keys = kedja_analysis_settings_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!lookup_setting (self, keys[i], &value, error))
        return FALSE;
      if (!kedja_analysis_settings_set (settings, keys[i], value, &local_error))
        {
          g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
                       /* TRANSLATORS: "The setting “gap-days” in “kedja.db” cannot be used: …" */
                       _("The setting “%s” in “%s” cannot be used: %s"), keys[i],
                       self->display_name, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
kedja_store_load_analysis_settings (KedjaStore            *self,
                                    KedjaAnalysisSettings *settings,
                                    GError               **error)
{
  KedjaAnalysisSettings loaded;
  gboolean ok;

  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Into a copy, so that a bad value leaves the caller's settings whole. */
  kedja_analysis_settings_init (&loaded);
  if (!_kedja_store_begin_read (self, error))
    return FALSE;
  ok = load_analysis_settings_locked (self, &loaded, error);
  _kedja_store_rollback (self);
  if (ok)
    *settings = loaded;
  return ok;
}
