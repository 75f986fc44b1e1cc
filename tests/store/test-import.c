/* test-import.c — plans from a partner's file, and the pseudonym key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "store-test-util.h"

#define SOURCE "från-partnern.xml"

/* Ids of the directory in the matching tests. */
#define DIR_SOCIAL_ID  "7c0d1e2f-0000-4000-8000-000000000001"
#define DIR_PSYCH_ID   "7c0d1e2f-0000-4000-8000-000000000002"
#define DIR_HOUSING_ID "7c0d1e2f-0000-4000-8000-000000000003"
#define DIR_CLINIC_ID  "7c0d1e2f-0000-4000-8000-000000000004"
#define FILE_NEW_ID    "7c0d1e2f-0000-4000-8000-000000000099"

/* Every row of every table, as text: "nothing changed" means this. */
static char *
snapshot (const char *path)
{
  static const char *const tables[] = {
    "clients", "agencies", "plans", "plan_agencies", "participants", "consents", "goals",
    "steps", "step_goals", "handovers", "meetings", "meeting_attendees", "ratings",
    "audit_log", "settings",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s|", text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static GPtrArray *
plans_of (KedjaPlan *first,
          ...)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  va_list ap;

  va_start (ap, first);
  for (KedjaPlan *plan = first; plan != NULL; plan = va_arg (ap, KedjaPlan *))
    g_ptr_array_add (plans, kedja_plan_ref (plan));
  va_end (ap);
  return plans;
}

static void
import_ok (KedjaStore        *store,
           GPtrArray         *plans,
           gboolean           force,
           KedjaImportResult *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_store_import_plans (store, plans, force, SOURCE, result, &error));
  g_assert_no_error (error);
}

static KedjaPlan *
load_ok (KedjaStore *store,
         const char *id)
{
  g_autoptr(GError) error = NULL;
  KedjaPlan *plan = kedja_store_load_plan (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* The last audit entry, which must be about @entity_id. */
static KedjaAuditEntry *
last_audit (KedjaStore *store,
            const char *entity_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = kedja_store_list_audit (store, entity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  return g_ptr_array_steal_index (entries, entries->len - 1);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

/* An unprotected person: the full sample plan's client is protected. */
static KedjaPlan *
full_plan (gint64 revision)
{
  KedjaPlan *plan = test_plan_full ();

  plan->client->protected_identity = FALSE;
  plan->revision = revision;
  return plan;
}

static void
test_new_keeps_revision (StoreFixture *f,
                         gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = full_plan (7);
  g_autoptr(KedjaPlan) before = kedja_plan_copy (plan);
  g_autoptr(GPtrArray) plans = plans_of (plan, NULL);
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(KedjaAuditEntry) entry = NULL;
  KedjaImportResult result;

  import_ok (store, plans, FALSE, &result);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.replaced, ==, 0);
  g_assert_cmpuint (result.agencies_added, ==, 5);
  g_assert_cmpuint (result.agencies_matched, ==, 0);

  loaded = load_ok (store, TEST_PLAN_ID);
  g_assert_cmpint (loaded->revision, ==, 7);
  g_assert_true (kedja_plan_equal (loaded, plan));
  /* The caller's plans are left as they were. */
  g_assert_true (kedja_plan_equal (plan, before));

  entry = last_audit (store, TEST_PLAN_ID);
  g_assert_cmpstr (entry->action, ==, "import");
  g_assert_cmpstr (entry->entity, ==, "plan");
  assert_contains (entry->detail, SOURCE);
  assert_contains (entry->detail, "7");
  /* The log holds no identity number and no client name. */
  g_assert_null (strstr (entry->detail, TEST_PERSONAL_NUMBER));
  g_assert_null (strstr (entry->detail, "Öberg"));
}

static void
test_newer_replaces (StoreFixture *f,
                     gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = full_plan (0);
  g_autoptr(KedjaPlan) newer = NULL;
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KedjaAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  KedjaImportResult result;

  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan->revision, ==, 1);

  newer = kedja_plan_copy (plan);
  newer->revision = 4;
  g_free (newer->coordinator);
  newer->coordinator = g_strdup ("Karin Öst");
  plans = plans_of (newer, NULL);
  import_ok (store, plans, FALSE, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.replaced, ==, 1);
  g_assert_cmpuint (result.agencies_matched, ==, 5);
  g_assert_cmpuint (result.agencies_added, ==, 0);

  loaded = load_ok (store, TEST_PLAN_ID);
  g_assert_cmpint (loaded->revision, ==, 4);
  g_assert_true (kedja_plan_equal (loaded, newer));

  entry = last_audit (store, TEST_PLAN_ID);
  g_assert_cmpstr (entry->action, ==, "import");
  assert_contains (entry->detail, SOURCE);
  assert_contains (entry->detail, "1 → 4");
  assert_contains (entry->detail, "Maria Lind → Karin Öst");
}

/* A newer revision with nothing else changed still takes the number. */
static void
test_newer_same_content (StoreFixture *f,
                         gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = full_plan (2);
  g_autoptr(GPtrArray) plans = plans_of (plan, NULL);
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(KedjaAuditEntry) entry = NULL;

  import_ok (store, plans, FALSE, NULL);
  plan->revision = 3;
  import_ok (store, plans, FALSE, NULL);
  loaded = load_ok (store, TEST_PLAN_ID);
  g_assert_cmpint (loaded->revision, ==, 3);
  entry = last_audit (store, TEST_PLAN_ID);
  assert_contains (entry->detail, "2 → 3");
}

static void
check_not_newer (StoreFixture *f,
                 gint64        file_revision)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = full_plan (3);
  g_autoptr(KedjaPlan) fresh_a = test_plan_small ("Anna Berg", "Ny plan A", 2);
  g_autoptr(KedjaPlan) fresh_b = test_plan_small ("Bo Ek", "Ny plan B", 1);
  g_autoptr(KedjaPlan) changed = NULL;
  g_autoptr(GPtrArray) plans = plans_of (plan, NULL);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *theirs = g_strdup_printf ("revision %" G_GINT64_FORMAT, file_revision);
  KedjaImportResult result = { 9, 9, 9, 9 };

  import_ok (store, plans, FALSE, NULL);
  before = snapshot (f->path);

  /* A bad plan between two good ones: the good ones stay out too. */
  changed = kedja_plan_copy (plan);
  changed->revision = file_revision;
  g_free (changed->title);
  changed->title = g_strdup ("Ändrad titel");
  batch = plans_of (fresh_a, changed, fresh_b, NULL);
  g_assert_false (kedja_store_import_plans (store, batch, FALSE, SOURCE, &result, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  assert_contains (error->message, "Ändrad titel");
  assert_contains (error->message, TEST_PLAN_ID);
  assert_contains (error->message, SOURCE);
  assert_contains (error->message, theirs);
  assert_contains (error->message, "revision 3");
  g_assert_cmpuint (result.added + result.replaced, ==, 0);

  after = snapshot (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_same_refused (StoreFixture *f,
                   gconstpointer data)
{
  check_not_newer (f, 3);
}

static void
test_older_refused (StoreFixture *f,
                    gconstpointer data)
{
  check_not_newer (f, 2);
}

static void
test_force (StoreFixture *f,
            gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = full_plan (5);
  g_autoptr(KedjaPlan) older = NULL;
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(GPtrArray) plans = plans_of (plan, NULL);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(KedjaAuditEntry) entry = NULL;
  KedjaImportResult result;

  import_ok (store, plans, FALSE, NULL);
  older = kedja_plan_copy (plan);
  older->revision = 2;
  g_ptr_array_remove_index (older->steps, 5);
  batch = plans_of (older, NULL);
  import_ok (store, batch, TRUE, &result);
  g_assert_cmpuint (result.replaced, ==, 1);

  /* One more than the stored revision: a window that loaded revision 5
   * must see a conflict, not overwrite the import. */
  loaded = load_ok (store, TEST_PLAN_ID);
  g_assert_cmpint (loaded->revision, ==, 6);
  g_assert_cmpuint (loaded->steps->len, ==, 5);
  older->revision = 6;
  g_assert_true (kedja_plan_equal (loaded, older));

  entry = last_audit (store, TEST_PLAN_ID);
  g_assert_cmpstr (entry->action, ==, "import");
  assert_contains (entry->detail, "forced");
  assert_contains (entry->detail, "5 → 6");
  assert_contains (entry->detail, "revision 2");
  assert_contains (entry->detail, "Tandvård");
}

static void
save_directory (KedjaStore *store)
{
  g_autoptr(KedjaAgency) social = kedja_agency_new (DIR_SOCIAL_ID, "Socialtjänsten Centrum",
                                                    KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  g_autoptr(KedjaAgency) psych = kedja_agency_new (DIR_PSYCH_ID, "Psykiatrimottagningen",
                                                   KEDJA_AGENCY_KIND_PSYCHIATRY);
  g_autoptr(KedjaAgency) housing = kedja_agency_new (DIR_HOUSING_ID, "Bostadsbolaget",
                                                     KEDJA_AGENCY_KIND_HOUSING);
  g_autoptr(KedjaAgency) clinic = kedja_agency_new (DIR_CLINIC_ID, "Beroendekliniken Östra",
                                                    KEDJA_AGENCY_KIND_ADDICTION_CARE);
  /* An id that is no UUID, as a plan saved from elsewhere may have. */
  g_autoptr(KedjaAgency) odd = kedja_agency_new ("a2", "Något helt annat", KEDJA_AGENCY_KIND_OTHER);
  g_autoptr(GError) error = NULL;

  psych->hsa_id = g_strdup ("SE2321000131-E000000000011");
  housing->org_number = g_strdup ("556000-0001");
  housing->contact = g_strdup ("Vår egen kontaktuppgift");
  g_assert_true (kedja_store_save_agency (store, social, &error)
                 && kedja_store_save_agency (store, psych, &error)
                 && kedja_store_save_agency (store, housing, &error)
                 && kedja_store_save_agency (store, clinic, &error)
                 && kedja_store_save_agency (store, odd, &error));
  g_assert_no_error (error);
}

static KedjaAgency *
file_agency (KedjaPlan      *plan,
             const char     *id,
             const char     *name,
             KedjaAgencyKind kind)
{
  KedjaAgency *agency = kedja_agency_new (id, name, kind);

  g_ptr_array_add (plan->agencies, agency);
  return agency;
}

static KedjaStep *
file_step (KedjaPlan  *plan,
           const char *agency_id)
{
  KedjaStep *step = kedja_step_new (NULL, KEDJA_PHASE_TREATMENT, "Behandling");

  step->agency_id = g_strdup (agency_id);
  step->planned_start = D (2026, 3, 1);
  g_ptr_array_add (plan->steps, step);
  return step;
}

/* A partner's plan that names each directory entry in its own way, and
 * two agencies the directory does not have. */
static KedjaPlan *
partner_plan (const char *client_name)
{
  KedjaPlan *plan = kedja_plan_new (NULL, kedja_client_new (NULL, client_name), "Från partnern");
  KedjaMeeting *meeting = kedja_meeting_new (D (2026, 2, 20));

  plan->created = D (2026, 2, 1);
  plan->revision = 1;
  /* By id (their name for it is out of date). */
  file_agency (plan, DIR_SOCIAL_ID, "Socialtjänsten (gamla namnet)",
               KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  /* By HSA-id, written in lower case; not by its id, which is no UUID
   * and in the directory is another agency's. */
  file_agency (plan, "a2", "Psyk", KEDJA_AGENCY_KIND_PSYCHIATRY)->hsa_id =
    g_strdup (" se2321000131-e000000000011 ");
  /* By organisation number, without the dash but with the prefix 16. */
  file_agency (plan, "5b0c7a52-1111-4111-8111-000000000003", "Bostäder AB",
               KEDJA_AGENCY_KIND_HOUSING)->org_number = g_strdup ("165560000001");
  /* By kind and name, in other case. */
  file_agency (plan, "a4", "BEROENDEKLINIKEN ÖSTRA", KEDJA_AGENCY_KIND_ADDICTION_CARE);
  /* The same name as a directory entry but another kind: a new agency,
   * and its id ("a5") is no UUID. */
  file_agency (plan, "a5", "Beroendekliniken Östra", KEDJA_AGENCY_KIND_PSYCHIATRY);
  /* New, with a UUID nobody uses: it keeps it. */
  file_agency (plan, FILE_NEW_ID, "Kamratföreningen", KEDJA_AGENCY_KIND_CIVIL_SOCIETY);

  plan->coordinating_agency_id = g_strdup (DIR_SOCIAL_ID);
  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_PARTICIPANT, "a2", NULL));
  g_ptr_array_add (plan->consents, kedja_consent_new ("5b0c7a52-1111-4111-8111-000000000003",
                                                      D (2026, 2, 1), KEDJA_CONSENT_FORM_ORAL));
  file_step (plan, "a4");
  file_step (plan, "a5");
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_PEER_SUPPORTER, FILE_NEW_ID, "Kim"));
  g_ptr_array_add (plan->meetings, meeting);
  g_assert_true (kedja_plan_validate (plan, NULL));
  return plan;
}

static const char *
agency_id_at (KedjaPlan *plan,
              guint      i)
{
  return ((KedjaAgency *) g_ptr_array_index (plan->agencies, i))->id;
}

static void
test_agency_matching (StoreFixture *f,
                      gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) first = partner_plan ("Anna Berg");
  g_autoptr(KedjaPlan) second = partner_plan ("Bo Ek");
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(KedjaPlan) loaded_second = NULL;
  g_autoptr(GPtrArray) plans = plans_of (first, second, NULL);
  g_autoptr(GPtrArray) directory = NULL;
  g_autoptr(GError) error = NULL;
  KedjaImportResult result;
  KedjaAgency *housing = NULL;
  const char *added_id;
  KedjaMeeting *meeting;

  save_directory (store);
  import_ok (store, plans, FALSE, &result);
  g_assert_cmpuint (result.added, ==, 2);
  /* The second plan's agencies are those of the first: "a5" is matched
   * to the entry the first plan added, not added again. */
  g_assert_cmpuint (result.agencies_matched, ==, 4);
  g_assert_cmpuint (result.agencies_added, ==, 2);

  loaded = load_ok (store, first->id);
  g_assert_cmpuint (loaded->agencies->len, ==, 6);
  g_assert_cmpstr (agency_id_at (loaded, 0), ==, DIR_SOCIAL_ID);
  g_assert_cmpstr (agency_id_at (loaded, 1), ==, DIR_PSYCH_ID);
  g_assert_cmpstr (agency_id_at (loaded, 2), ==, DIR_HOUSING_ID);
  g_assert_cmpstr (agency_id_at (loaded, 3), ==, DIR_CLINIC_ID);
  added_id = agency_id_at (loaded, 4);
  g_assert_true (g_uuid_string_is_valid (added_id));
  g_assert_cmpstr (agency_id_at (loaded, 5), ==, FILE_NEW_ID);

  /* Matched entries are used as the directory has them. */
  g_assert_cmpstr (((KedjaAgency *) g_ptr_array_index (loaded->agencies, 0))->name, ==,
                   "Socialtjänsten Centrum");

  /* Every reference follows. */
  g_assert_cmpstr (loaded->coordinating_agency_id, ==, DIR_SOCIAL_ID);
  g_assert_cmpstr (((KedjaParticipant *) g_ptr_array_index (loaded->participants, 0))->agency_id,
                   ==, DIR_PSYCH_ID);
  g_assert_cmpstr (((KedjaConsent *) g_ptr_array_index (loaded->consents, 0))->agency_id, ==,
                   DIR_HOUSING_ID);
  g_assert_cmpstr (((KedjaStep *) g_ptr_array_index (loaded->steps, 0))->agency_id, ==,
                   DIR_CLINIC_ID);
  g_assert_cmpstr (((KedjaStep *) g_ptr_array_index (loaded->steps, 1))->agency_id, ==,
                   added_id);
  meeting = g_ptr_array_index (loaded->meetings, 0);
  g_assert_cmpstr (((KedjaParticipant *) g_ptr_array_index (meeting->attendees, 0))->agency_id,
                   ==, FILE_NEW_ID);

  loaded_second = load_ok (store, second->id);
  g_assert_cmpstr (agency_id_at (loaded_second, 4), ==, added_id);

  /* The directory: five entries as they were, and two new ones. */
  directory = kedja_store_list_agencies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (directory->len, ==, 7);
  for (guint i = 0; i < directory->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (directory, i);
      if (g_str_equal (agency->id, DIR_HOUSING_ID))
        housing = agency;
    }
  g_assert_nonnull (housing);
  g_assert_cmpstr (housing->name, ==, "Bostadsbolaget");
  g_assert_cmpstr (housing->contact, ==, "Vår egen kontaktuppgift");
}

/* Two of the file's agencies that are one of ours become one entry. */
static void
test_agency_merged (StoreFixture *f,
                    gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = kedja_plan_new (NULL, kedja_client_new (NULL, "Cecilia Öst"),
                                              "Dubbel");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KedjaPlan) loaded = NULL;

  save_directory (store);
  plan->created = D (2026, 2, 1);
  file_agency (plan, "x1", "Psykiatrin", KEDJA_AGENCY_KIND_PSYCHIATRY)->hsa_id =
    g_strdup ("SE2321000131-E000000000011");
  file_agency (plan, "x2", "Psykiatrimottagningen", KEDJA_AGENCY_KIND_PSYCHIATRY);
  file_step (plan, "x1");
  file_step (plan, "x2");
  plans = plans_of (plan, NULL);
  import_ok (store, plans, FALSE, NULL);

  loaded = load_ok (store, plan->id);
  g_assert_cmpuint (loaded->agencies->len, ==, 1);
  g_assert_cmpstr (agency_id_at (loaded, 0), ==, DIR_PSYCH_ID);
  g_assert_cmpstr (((KedjaStep *) g_ptr_array_index (loaded->steps, 1))->agency_id, ==,
                   DIR_PSYCH_ID);
}

static void
test_invalid_changes_nothing (StoreFixture *f,
                              gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) good = test_plan_small ("Anna Berg", "Bra", 1);
  g_autoptr(KedjaPlan) bad = test_plan_small ("Bo Ek", "Dålig", 1);
  g_autoptr(GPtrArray) plans = plans_of (good, bad, NULL);
  g_autoptr(GPtrArray) twice = plans_of (good, good, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KedjaStep *step;

  before = snapshot (f->path);
  step = g_ptr_array_index (bad->steps, 0);
  g_free (step->agency_id);
  step->agency_id = g_strdup ("ingen-sådan");
  g_assert_false (kedja_store_import_plans (store, plans, FALSE, SOURCE, NULL, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID);
  assert_contains (error->message, "Dålig");
  assert_contains (error->message, SOURCE);
  g_clear_error (&error);

  g_assert_false (kedja_store_import_plans (store, twice, TRUE, SOURCE, NULL, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID);
  assert_contains (error->message, good->id);

  after = snapshot (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* A protected identity comes back from a partner without name or number
 * (Kedja never sends them): that does not erase ours, nor the protection. */
static void
test_protected_identity_kept (StoreFixture *f,
                              gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) back = NULL;
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);

  back = kedja_plan_copy (plan);
  back->revision = 2;
  g_clear_pointer (&back->client->name, g_free);
  g_clear_pointer (&back->client->personal_number, g_free);
  g_clear_pointer (&back->client->district, g_free);
  back->client->children_under_18 = 3;
  plans = plans_of (back, NULL);
  import_ok (store, plans, FALSE, NULL);

  loaded = load_ok (store, TEST_PLAN_ID);
  g_assert_true (loaded->client->protected_identity);
  g_assert_cmpstr (loaded->client->name, ==, "Åsa Öberg-Ängström 🌱");
  g_assert_cmpstr (loaded->client->personal_number, ==, TEST_PERSONAL_NUMBER);
  g_assert_cmpstr (loaded->client->district, ==, "Västra Hisingen");
  g_assert_cmpuint (loaded->client->children_under_18, ==, 3);

  /* A file that says the person is not protected does not lift it. */
  g_clear_pointer (&back->client->name, g_free);
  back->client->name = g_strdup ("Åsa Ö");
  back->client->protected_identity = FALSE;
  back->revision = 3;
  import_ok (store, plans, FALSE, NULL);
  g_clear_pointer (&loaded, kedja_plan_unref);
  loaded = load_ok (store, TEST_PLAN_ID);
  g_assert_true (loaded->client->protected_identity);
  g_assert_cmpstr (loaded->client->name, ==, "Åsa Ö");
}

/* A person new to this database who comes without a name. */
static void
test_protected_without_name (StoreFixture *f,
                             gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_small (NULL, "Skyddad", 2);
  g_autoptr(GPtrArray) plans = plans_of (plan, NULL);
  g_autoptr(KedjaPlan) loaded = NULL;

  plan->client->protected_identity = TRUE;
  plan->revision = 4;
  import_ok (store, plans, FALSE, NULL);
  loaded = load_ok (store, plan->id);
  g_assert_null (loaded->client->name);
  g_assert_true (kedja_plan_equal (loaded, plan));
}

static void
test_pseudonym_key (StoreFixture *f,
                    gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaStore) reopened = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) after_reopen = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *hex = NULL;
  const guint8 *bytes;
  gsize size;
  gboolean all_zero = TRUE;

  key = kedja_store_get_pseudonym_key (store, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (key, &size);
  g_assert_cmpuint (size, ==, 32);
  for (gsize i = 0; i < size; i++)
    all_zero = all_zero && bytes[i] == 0;
  g_assert_false (all_zero);

  again = kedja_store_get_pseudonym_key (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (key, again));
  g_clear_object (&store);

  reopened = test_store_open (f->path);
  after_reopen = kedja_store_get_pseudonym_key (reopened, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (key, after_reopen));

  /* No setting by that name for anyone to print or change. */
  value = kedja_store_get_setting (reopened, "pseudonym-key", &error);
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND);
  g_assert_null (value);
  g_clear_error (&error);
  g_assert_false (kedja_store_set_setting (reopened, "pseudonym-key", "00", &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  for (guint i = 0; kedja_analysis_settings_keys ()[i] != NULL; i++)
    g_assert_cmpstr (kedja_analysis_settings_keys ()[i], !=, "pseudonym-key");

  /* Its making is logged once, without the value. */
  hex = g_malloc (2 * size + 1);
  for (gsize i = 0; i < size; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", bytes[i]);
  audit = kedja_store_list_audit (reopened, "pseudonym-key", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM audit_log WHERE "
                                            "instr(lower(coalesce(detail, '')), "
                                            "(SELECT value FROM settings "
                                            "WHERE key = 'pseudonym-key')) > 0"), ==, 0);
  g_assert_cmpint (test_query_int (f->path, "SELECT length(value) FROM settings "
                                            "WHERE key = 'pseudonym-key'"), ==, 64);
}

/* Two databases, two keys. */
static void
test_pseudonym_key_per_database (StoreFixture *f,
                                 gconstpointer data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaStore) other = test_store_open (other_path);
  g_autoptr(GBytes) key = kedja_store_get_pseudonym_key (store, NULL);
  g_autoptr(GBytes) other_key = kedja_store_get_pseudonym_key (other, NULL);

  g_assert_nonnull (key);
  g_assert_nonnull (other_key);
  g_assert_false (g_bytes_equal (key, other_key));
}

#define ADD(name, func) \
  g_test_add ("/store/import/" name, StoreFixture, NULL, store_fixture_set_up, func, \
              store_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("new-keeps-revision", test_new_keeps_revision);
  ADD ("newer-replaces", test_newer_replaces);
  ADD ("newer-same-content", test_newer_same_content);
  ADD ("same-refused", test_same_refused);
  ADD ("older-refused", test_older_refused);
  ADD ("force", test_force);
  ADD ("agency-matching", test_agency_matching);
  ADD ("agency-merged", test_agency_merged);
  ADD ("invalid-changes-nothing", test_invalid_changes_nothing);
  ADD ("protected-identity-kept", test_protected_identity_kept);
  ADD ("protected-without-name", test_protected_without_name);
  g_test_add ("/store/pseudonym-key/stable", StoreFixture, NULL, store_fixture_set_up,
              test_pseudonym_key, store_fixture_tear_down);
  g_test_add ("/store/pseudonym-key/per-database", StoreFixture, NULL, store_fixture_set_up,
              test_pseudonym_key_per_database, store_fixture_tear_down);

  return g_test_run ();
}
