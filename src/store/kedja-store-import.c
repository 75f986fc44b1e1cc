/* kedja-store-import.c — plans from a partner's file into the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import is one write transaction for every plan in the file: a partner
 * who sends ten plans and gets nine in would not know which one is missing.
 *
 * A partner's agencies are not ours. Each is matched to the directory, in
 * this order: the same id (a file we exported, coming back; only when the
 * id is a UUID, since other ids are unique within their file only), the
 * same HSA-id, the same organisation number, the same kind and name
 * (ignoring case); an agency nothing matches is added. A matched entry is used as the
 * directory has it: the directory is shared by everyone on this database,
 * and a file from elsewhere should not rewrite its contact details behind
 * their backs. The plan's references then point at the entries used.
 *
 * Revisions decide what replaces what. A new plan keeps the revision its
 * file carries, so that an export imported elsewhere and exported again is
 * the same file. A newer revision replaces the stored plan and takes the
 * file's number; a forced import of an older or equal one becomes one more
 * than the stored revision, so that every window that loaded the replaced
 * plan sees a conflict instead of overwriting it.
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-store-private.h"

/* The directory as the import sees it */

typedef struct {
  GPtrArray  *entries;        /* (element-type KedjaAgency): stored ones, then added ones */
  GHashTable *by_id;          /* id → entry */
  GHashTable *by_hsa_id;      /* normalised HSA-id → first entry with it */
  GHashTable *by_org_number;  /* normalised organisation number → first entry */
  GHashTable *by_name_kind;   /* kind and folded name → first entry */
  GHashTable *added;          /* ids added by this import (set) */
  GHashTable *matched;        /* ids of stored entries matched (set) */
} Directory;

static void
directory_clear (Directory *dir)
{
  g_clear_pointer (&dir->by_id, g_hash_table_unref);
  g_clear_pointer (&dir->by_hsa_id, g_hash_table_unref);
  g_clear_pointer (&dir->by_org_number, g_hash_table_unref);
  g_clear_pointer (&dir->by_name_kind, g_hash_table_unref);
  g_clear_pointer (&dir->added, g_hash_table_unref);
  g_clear_pointer (&dir->matched, g_hash_table_unref);
  g_clear_pointer (&dir->entries, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Directory, directory_clear)

/* HSA-ids are written in either case ("SE2321000131-E000000000001"). */
static char *
hsa_id_key (const char *hsa_id)
{
  g_autofree char *stripped = g_strstrip (g_strdup (hsa_id ? hsa_id : ""));

  return *stripped ? g_ascii_strup (stripped, -1) : NULL;
}

/* "212000-1355", "2120001355" and "16212000-1355" are one organisation:
 * only the digits count, and the century prefix 16 that some systems add
 * is dropped. */
static char *
org_number_key (const char *org_number)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = org_number; p != NULL && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len == 12 && g_str_has_prefix (digits->str, "16"))
    g_string_erase (digits, 0, 2);
  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* "Beroendekliniken Östra" and "BEROENDEKLINIKEN östra " are one name;
 * composed and decomposed Å too. */
static char *
name_kind_key (const KedjaAgency *agency)
{
  g_autofree char *stripped = g_strstrip (g_strdup (agency->name ? agency->name : ""));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = NULL;

  if (normal == NULL || *normal == '\0')
    return NULL;
  folded = g_utf8_casefold (normal, -1);
  return g_strdup_printf ("%d\x1f%s", (int) agency->kind, folded);
}

/* The first entry with a key keeps it: the directory is read in id order,
 * so the same file matches the same entry every time. */
static void
index_key (GHashTable  *table,
           char        *key,  /* (transfer full) (nullable) */
           KedjaAgency *agency)
{
  if (key == NULL)
    return;
  if (g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, agency);
}

static void
directory_index (Directory   *dir,
                 KedjaAgency *agency)
{
  g_hash_table_insert (dir->by_id, g_strdup (agency->id), agency);
  index_key (dir->by_hsa_id, hsa_id_key (agency->hsa_id), agency);
  index_key (dir->by_org_number, org_number_key (agency->org_number), agency);
  index_key (dir->by_name_kind, name_kind_key (agency), agency);
}

static gboolean
directory_load (KedjaStore *self,
                Directory  *dir,
                GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  int rc;

  dir->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_agency_free);
  dir->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dir->by_hsa_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dir->by_org_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dir->by_name_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dir->added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dir->matched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _kedja_store_prepare (self,
                               "SELECT id, name, kind, hsa_id, org_number, contact "
                               "FROM agencies ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KedjaAgency *agency = _kedja_store_read_agency (self, stmt, 0, error);

      if (agency == NULL)
        return FALSE;
      g_ptr_array_add (dir->entries, agency);
      directory_index (dir, agency);
    }
  if (rc != SQLITE_DONE)
    return _kedja_store_fail_sqlite (self, error);
  return TRUE;
}

static KedjaAgency *
lookup_key (GHashTable *table,
            char       *key)  /* (transfer full) (nullable) */
{
  KedjaAgency *found = key ? g_hash_table_lookup (table, key) : NULL;

  g_free (key);
  return found;
}

static KedjaAgency *
directory_match (Directory         *dir,
                 const KedjaAgency *agency)
{
  KedjaAgency *found;

  /* Only a UUID is the same agency everywhere: other ids ("a1") are
   * unique within their file, and may be another agency's here. */
  if ((g_uuid_string_is_valid (agency->id)
       && (found = g_hash_table_lookup (dir->by_id, agency->id)) != NULL)
      || (found = lookup_key (dir->by_hsa_id, hsa_id_key (agency->hsa_id))) != NULL
      || (found = lookup_key (dir->by_org_number, org_number_key (agency->org_number))) != NULL)
    return found;
  return lookup_key (dir->by_name_kind, name_kind_key (agency));
}

/* A new entry keeps the file's id when it is a UUID nobody uses, so that
 * the plan can go back to the partner with the ids they know; other ids
 * ("a1", as a partner's own system may number them) are only unique
 * within their file and get a UUID of their own. */
static KedjaAgency *
directory_add (KedjaStore        *self,
               Directory         *dir,
               const KedjaAgency *agency,
               GError           **error)
{
  g_autoptr(KedjaAgency) added = kedja_agency_copy (agency);
  KedjaAgency *entry;

  if (!g_uuid_string_is_valid (added->id) || g_hash_table_contains (dir->by_id, added->id))
    {
      g_free (added->id);
      added->id = g_uuid_string_random ();
    }
  /* Logged as a new directory entry, like one made by hand. */
  if (!_kedja_store_upsert_agency (self, added, error))
    return NULL;

  entry = g_steal_pointer (&added);
  g_ptr_array_add (dir->entries, entry);
  directory_index (dir, entry);
  g_hash_table_add (dir->added, g_strdup (entry->id));
  return entry;
}

/* Remapping a plan onto the directory */

static void
remap_id (GHashTable *map,
          char      **id)
{
  const char *to;

  if (*id == NULL)
    return;
  to = g_hash_table_lookup (map, *id);
  /* kedja_plan_validate() has made sure that every reference resolves. */
  g_assert (to != NULL);
  if (!g_str_equal (to, *id))
    {
      g_free (*id);
      *id = g_strdup (to);
    }
}

static void
remap_people (GHashTable *map,
              GPtrArray  *people)
{
  for (guint i = 0; i < people->len; i++)
    remap_id (map, &((KedjaParticipant *) g_ptr_array_index (people, i))->agency_id);
}

static gboolean
remap_agencies (KedjaStore *self,
                Directory  *dir,
                KedjaPlan  *plan,
                GError    **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) used = NULL;

  used = g_ptr_array_new_full (plan->agencies->len, (GDestroyNotify) kedja_agency_free);
  for (guint i = 0; i < plan->agencies->len; i++)
    {
      const KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);
      KedjaAgency *entry = directory_match (dir, agency);
      gboolean listed = FALSE;

      if (entry == NULL && (entry = directory_add (self, dir, agency, error)) == NULL)
        return FALSE;
      if (!g_hash_table_contains (dir->added, entry->id))
        g_hash_table_add (dir->matched, g_strdup (entry->id));
      /* Borrowed from @dir, which outlives @map. */
      g_hash_table_insert (map, agency->id, entry->id);

      /* Two of the file's agencies may be one of ours (the same HSA-id
       * under two names): the plan lists it once. */
      for (guint j = 0; j < used->len && !listed; j++)
        listed = g_str_equal (((KedjaAgency *) g_ptr_array_index (used, j))->id, entry->id);
      if (!listed)
        g_ptr_array_add (used, kedja_agency_copy (entry));
    }

  remap_id (map, &plan->coordinating_agency_id);
  remap_people (map, plan->participants);
  for (guint i = 0; i < plan->consents->len; i++)
    remap_id (map, &((KedjaConsent *) g_ptr_array_index (plan->consents, i))->agency_id);
  for (guint i = 0; i < plan->steps->len; i++)
    remap_id (map, &((KedjaStep *) g_ptr_array_index (plan->steps, i))->agency_id);
  for (guint i = 0; i < plan->meetings->len; i++)
    remap_people (map, ((KedjaMeeting *) g_ptr_array_index (plan->meetings, i))->attendees);

  /* Only now: @map borrows the file's ids from the old entries. */
  g_clear_pointer (&map, g_hash_table_unref);
  g_ptr_array_unref (plan->agencies);
  plan->agencies = g_steal_pointer (&used);
  return TRUE;
}

/* The client */

/* A protected identity leaves Kedja without name, number or district, so
 * a file that comes back lacks them: that is no request to erase ours. And
 * an identity protected here stays protected whatever a file says, since
 * a partner may not know. */
static gboolean
keep_protected_identity (KedjaStore  *self,
                         KedjaClient *client,
                         GError     **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  gboolean has_row;
  const char *name;

  stmt = _kedja_store_prepare (self,
                               "SELECT name, personal_number, protected_identity, district "
                               "FROM clients WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, client->id);
  if (!_kedja_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  if (!has_row || !(client->protected_identity || sqlite3_column_int (stmt, 2) != 0))
    return TRUE;

  client->protected_identity = TRUE;
  name = _kedja_store_column_peek (stmt, 0);
  if ((client->name == NULL || *client->name == '\0') && name != NULL && *name != '\0')
    {
      g_free (client->name);
      client->name = g_strdup (name);
    }
  if (client->personal_number == NULL)
    client->personal_number = _kedja_store_column_text (stmt, 1);
  if (client->district == NULL)
    client->district = _kedja_store_column_text (stmt, 3);
  return TRUE;
}

/* One plan */

static const char *
title_of (const KedjaPlan *plan)
{
  return plan->title ? plan->title : "";
}

static char *
revision_text (gint64 revision)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, revision);
}

static gboolean
fail_not_newer (KedjaStore            *self,
                const KedjaPlan       *plan,
                const KedjaStoredPlan *stored,
                const char            *source,
                GError               **error)
{
  g_autofree char *theirs = revision_text (plan->revision);
  g_autofree char *ours = revision_text (stored->revision);

  /* A title often holds the person's name: not for a protected identity. */
  if (plan->client->protected_identity)
    g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT,
                 _("The plan %s in “%s” is revision %s, but “%s” already holds revision %s of "
                   "it: only a newer revision replaces a plan. Nothing was imported."),
                 plan->id, source, theirs, self->display_name, ours);
  else
    g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT,
                 /* TRANSLATORS: "The plan “SIP för Åsa” (ID) in “plans.xml” is revision 3,
                  * but “kedja.db” already holds revision 4 of it …" */
                 _("The plan “%s” (%s) in “%s” is revision %s, but “%s” already holds "
                   "revision %s of it: only a newer revision replaces a plan. Nothing was "
                   "imported."),
                 title_of (plan), plan->id, source, theirs, self->display_name, ours);
  return FALSE;
}

/* The log's line: where the plan came from, which revision it is now,
 * and what changed (without the client's name or number). */
static char *
describe_import (KedjaStore            *self,
                 KedjaPlan             *plan,
                 const KedjaStoredPlan *stored,
                 gint64                 new_revision,
                 const char            *source,
                 GError               **error)
{
  g_autofree char *after = revision_text (new_revision);
  g_autofree char *before = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *in_file = NULL;
  gint64 file_revision = plan->revision;

  if (!stored->exists)
    {
      changes = _kedja_store_describe_new_plan (plan);
      return g_strdup_printf (_("From “%s”, a new plan at revision %s: %s"), source, after,
                              changes);
    }

  /* Compared as if at the stored revision: the number alone is no change
   * of content, and is said separately. */
  plan->revision = stored->revision;
  changes = _kedja_store_describe_update (self, plan, error);
  plan->revision = file_revision;
  if (changes == NULL)
    return NULL;
  before = revision_text (stored->revision);
  if (file_revision > stored->revision)
    return g_strdup_printf (_("From “%s”: revision %s → %s\n%s"), source, before, after,
                            *changes ? changes : _("Nothing else changed"));
  in_file = revision_text (file_revision);
  return g_strdup_printf (_("From “%s”, forced: revision %s → %s, although the file holds "
                            "revision %s\n%s"), source, before, after, in_file,
                          *changes ? changes : _("Nothing else changed"));
}

static gboolean
import_one (KedjaStore        *self,
            Directory         *dir,
            const KedjaPlan   *original,
            gboolean           force,
            const char        *source,
            KedjaImportResult *result,
            GError           **error)
{
  g_autoptr(KedjaPlan) plan = kedja_plan_copy (original);
  g_auto(KedjaStoredPlan) stored = { 0 };
  g_autofree char *detail = NULL;
  gint64 new_revision;

  if (!remap_agencies (self, dir, plan, error)
      || !keep_protected_identity (self, plan->client, error)
      || !_kedja_store_read_stored (self, plan->id, &stored, error))
    return FALSE;

  if (!stored.exists)
    new_revision = MAX (plan->revision, 1);
  else if (plan->revision > stored.revision)
    new_revision = plan->revision;
  else if (force)
    new_revision = stored.revision + 1;
  else
    return fail_not_newer (self, plan, &stored, source, error);

  detail = describe_import (self, plan, &stored, new_revision, source, error);
  if (detail == NULL
      || !_kedja_store_write_plan_locked (self, plan, &stored, new_revision, "import", detail,
                                          error))
    return FALSE;

  if (stored.exists)
    result->replaced++;
  else
    result->added++;
  return TRUE;
}

static gboolean
check_plan (const KedjaPlan *plan,
            GHashTable      *ids,
            const char      *source,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (plan != NULL, FALSE);

  if (!kedja_plan_validate (plan, &local_error))
    {
      /* TRANSLATORS: the last %s is what is wrong with the plan */
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
                   _("The plan “%s” in “%s” cannot be imported: %s"), title_of (plan),
                   source, local_error->message);
      return FALSE;
    }
  if (plan->revision < 0)
    {
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
                   _("The plan “%s” in “%s” cannot be imported: its revision is not a "
                     "positive number"), title_of (plan), source);
      return FALSE;
    }
  /* The second copy would be refused as "not newer" or, forced, replace
   * the first: neither is what the sender meant. */
  if (!g_hash_table_add (ids, g_strdup (plan->id)))
    {
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
                   _("“%s” holds the plan %s twice. Nothing was imported."), source,
                   plan->id);
      return FALSE;
    }
  return TRUE;
}

/* An import under way: one transaction, open from begin to commit. */
struct _KedjaStoreImport
{
  KedjaStore       *store;
  Directory         dir;
  gboolean          force;
  char             *source;
  GHashTable       *ids;      /* plan ids seen so far */
  KedjaImportResult done;
  gboolean          open;     /* the transaction is still open */
};

static void
import_free (KedjaStoreImport *import)
{
  if (import->open)
    _kedja_store_rollback (import->store);
  directory_clear (&import->dir);
  g_clear_pointer (&import->ids, g_hash_table_unref);
  g_free (import->source);
  g_clear_object (&import->store);
  g_free (import);
}

/**
 * kedja_store_import_begin:
 * @force: replace stored plans even with an older or the same revision
 * @source: (nullable): the file's name, for the log and the messages
 *
 * Starts an import of plans that arrive one at a time, as a partner's file
 * is read: each goes in with kedja_store_import_add(), and none of them
 * counts until kedja_store_import_commit(). Saving one plan while the next
 * is read lets a city's file go in at the speed of the slower of the two.
 *
 * Returns: (transfer full) (nullable): the import, holding the write lock
 */
KedjaStoreImport *
kedja_store_import_begin (KedjaStore *self,
                          gboolean    force,
                          const char *source,
                          GError    **error)
{
  KedjaStoreImport *import;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kedja_store_begin_write (self, error))
    return NULL;

  import = g_new0 (KedjaStoreImport, 1);
  import->store = g_object_ref (self);
  import->force = force;
  import->source = g_strdup (source ? source : _("an unnamed file"));
  import->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->open = TRUE;
  /* The directory is read under the write lock: an agency added by
   * someone else a moment ago is matched, not added twice. */
  if (!directory_load (self, &import->dir, error))
    {
      import_free (import);
      return NULL;
    }
  return import;
}

/* Adds one plan (which is not changed). On failure the import is over:
 * nothing of it will be saved, and only kedja_store_import_abort() is left
 * to call. */
gboolean
kedja_store_import_add (KedjaStoreImport *import,
                        const KedjaPlan  *plan,
                        GError          **error)
{
  g_return_val_if_fail (import != NULL && plan != NULL, FALSE);
  g_return_val_if_fail (import->open, FALSE);

  if (check_plan (plan, import->ids, import->source, error)
      && import_one (import->store, &import->dir, plan, import->force, import->source,
                     &import->done, error))
    return TRUE;

  _kedja_store_rollback (import->store);
  import->open = FALSE;
  return FALSE;
}

/* Commits what was added and frees @import. */
gboolean
kedja_store_import_commit (KedjaStoreImport  *import,
                           KedjaImportResult *result,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (import->open, FALSE);

  ok = _kedja_store_commit (import->store, error);
  import->open = FALSE;
  if (ok && result != NULL)
    {
      *result = import->done;
      result->agencies_matched = g_hash_table_size (import->dir.matched);
      result->agencies_added = g_hash_table_size (import->dir.added);
    }
  import_free (import);
  return ok;
}

/* Undoes everything added and frees @import. */
void
kedja_store_import_abort (KedjaStoreImport *import)
{
  if (import != NULL)
    import_free (import);
}

/**
 * kedja_store_import_plans:
 * @plans: (element-type KedjaPlan): the plans read from one file; they are
 *   not changed
 * @force: replace stored plans even with an older or the same revision
 * @source: (nullable): the file's name, for the log and the messages
 * @result: (out caller-allocates) (optional): what was done
 *
 * Returns: %TRUE when every plan was imported; else nothing changed.
 */
gboolean
kedja_store_import_plans (KedjaStore        *self,
                          GPtrArray         *plans,
                          gboolean           force,
                          const char        *source,
                          KedjaImportResult *result,
                          GError           **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KedjaStoreImport *import;

  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (plans != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (result != NULL)
    *result = (KedjaImportResult) { 0 };
  /* Every plan is checked before the write lock is taken, so that a bad
   * file never makes another window wait. */
  for (guint i = 0; i < plans->len; i++)
    if (!check_plan (g_ptr_array_index (plans, i), ids,
                     source ? source : _("an unnamed file"), error))
      return FALSE;

  import = kedja_store_import_begin (self, force, source, error);
  if (import == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    if (!kedja_store_import_add (import, g_ptr_array_index (plans, i), error))
      {
        kedja_store_import_abort (import);
        return FALSE;
      }
  return kedja_store_import_commit (import, result, error);
}
