/* test-directory.c — the agency directory, the settings and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>

#include "store-test-util.h"

#define OTHER_PERSONAL_NUMBER "19800101-1231"

static KedjaAuditEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  return g_ptr_array_index (entries, i);
}

static GPtrArray *
audit_of (KedjaStore *store,
          const char *entity_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = kedja_store_list_audit (store, entity_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static void
assert_entry (KedjaAuditEntry *entry,
              const char      *action,
              const char      *entity,
              const char      *entity_id)
{
  g_assert_cmpstr (entry->action, ==, action);
  g_assert_cmpstr (entry->entity, ==, entity);
  g_assert_cmpstr (entry->entity_id, ==, entity_id);
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       entry->at, 0, 0));
}

static void
save_agency_ok (KedjaStore  *store,
                KedjaAgency *agency)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_store_save_agency (store, agency, &error));
  g_assert_no_error (error);
}

static void
test_agency_directory (StoreFixture *f,
                       gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaAgency) clinic = kedja_agency_new (TEST_CLINIC_ID, "Mottagningen",
                                                    KEDJA_AGENCY_KIND_ADDICTION_CARE);
  g_autoptr(KedjaAgency) work = kedja_agency_new (TEST_UNUSED_ID, "Arbetsförmedlingen",
                                                  KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE);
  g_autoptr(KedjaAgency) nameless = kedja_agency_new (TEST_PEER_ID, "  ",
                                                      KEDJA_AGENCY_KIND_OTHER);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  clinic->contact = g_strdup ("031-10 00 00");
  clinic->hsa_id = g_strdup ("SE2321000131-E000000000001");
  save_agency_ok (store, clinic);
  save_agency_ok (store, work);

  list = kedja_store_list_agencies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (kedja_agency_equal (g_ptr_array_index (list, 0), work));
  g_assert_true (kedja_agency_equal (g_ptr_array_index (list, 1), clinic));
  g_clear_pointer (&list, g_ptr_array_unref);

  g_free (clinic->name);
  clinic->name = g_strdup ("Mottagning Nord");
  g_clear_pointer (&clinic->contact, g_free);
  clinic->org_number = g_strdup ("232100-0131");
  save_agency_ok (store, clinic);
  save_agency_ok (store, clinic);  /* no change, no entry */

  list = kedja_store_list_agencies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (kedja_agency_equal (g_ptr_array_index (list, 1), clinic));

  audit = audit_of (store, TEST_CLINIC_ID);
  g_assert_cmpuint (audit->len, ==, 2);
  assert_entry (entry_at (audit, 0), "create", "agency", TEST_CLINIC_ID);
  g_assert_cmpstr (entry_at (audit, 0)->detail, ==, "Mottagningen");
  assert_entry (entry_at (audit, 1), "update", "agency", TEST_CLINIC_ID);
  g_assert_cmpstr (entry_at (audit, 1)->detail, ==,
                   "name: Mottagningen → Mottagning Nord\n"
                   "organisation number: – → 232100-0131\n"
                   "contact: 031-10 00 00 → –");

  g_assert_false (kedja_store_save_agency (store, nameless, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM agencies"), ==, 2);
}

/* Plans show the directory as it is now: an entry edited in the directory
 * is edited in every plan that uses it. */
/* Directory entries and plans saved together: a bad plan keeps the new
 * entries out as well, and a good batch brings them all in. */
static void
test_save_all (StoreFixture *f,
               gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaAgency) work = kedja_agency_new (TEST_UNUSED_ID, "Arbetsförmedlingen",
                                                  KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE);
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KedjaPlan *bad;

  g_ptr_array_add (agencies, work);
  g_ptr_array_add (plans, test_plan_small ("Bo Ek", "SIP", 2));
  bad = test_plan_small ("Cia Ek", "SIP", 2);
  g_clear_pointer (&bad->title, g_free);
  g_ptr_array_add (plans, bad);

  g_assert_false (kedja_store_save_all (store, agencies, plans, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM agencies"), ==, 0);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM plans"), ==, 0);

  bad->title = g_strdup ("SIP");
  g_assert_true (kedja_store_save_all (store, agencies, plans, &error));
  g_assert_no_error (error);
  list = kedja_store_list_agencies (store, &error);
  g_assert_no_error (error);
  /* The entry no plan uses is there too, beside the plans' own agencies. */
  g_assert_true (kedja_agency_equal (g_ptr_array_index (list, 0), work));
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM plans"), ==, 2);
  g_assert_cmpint (bad->revision, ==, 1);
}

static void
test_plan_uses_directory (StoreFixture *f,
                          gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KedjaAgency *clinic;

  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  list = kedja_store_list_agencies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, plan->agencies->len);

  clinic = kedja_agency_copy (kedja_plan_find_agency (plan, TEST_CLINIC_ID));
  g_free (clinic->contact);
  clinic->contact = g_strdup ("Nytt nummer: 031-99 99 99");
  save_agency_ok (store, clinic);

  loaded = kedja_store_load_plan (store, TEST_PLAN_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->revision, ==, 1);
  g_assert_true (kedja_agency_equal (kedja_plan_find_agency (loaded, TEST_CLINIC_ID), clinic));
  /* Still in the plan's own order. */
  g_assert_cmpstr (((KedjaAgency *) g_ptr_array_index (loaded->agencies, 0))->id, ==,
                   TEST_CLINIC_ID);
  kedja_agency_free (clinic);
}

static void
test_settings (StoreFixture *f,
               gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  char *missing;

  missing = kedja_store_get_setting (store, "gap-dayz", &error);
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);
  g_assert_false (kedja_store_set_setting (store, "gap-dayz", "3", &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM settings"), ==, 5);

  g_assert_true (kedja_store_set_setting (store, "gap-days", "21", &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_set_setting (store, "gap-days", "21", &error));
  g_assert_no_error (error);
  value = kedja_store_get_setting (store, "gap-days", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "21");

  audit = audit_of (store, NULL);
  g_assert_cmpuint (audit->len, ==, 1);
  assert_entry (entry_at (audit, 0), "update", "settings", "gap-days");
  g_assert_cmpstr (entry_at (audit, 0)->detail, ==, "gap-days: 14 → 21");
}

/* The thresholds every analysis on this database starts from. */
static void
test_analysis_settings (StoreFixture *f,
                        gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GError) error = NULL;
  KedjaAnalysisSettings settings, defaults;

  /* Fresh from the migration: what the analysis calls its defaults. */
  kedja_analysis_settings_init (&defaults);
  memset (&settings, 0xff, sizeof settings);
  g_assert_true (kedja_store_load_analysis_settings (store, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.gap_days_after_residential, ==, 7);
  g_assert_cmpuint (settings.gap_days, ==, 14);
  g_assert_cmpuint (settings.handover_warning_days, ==, 7);
  g_assert_cmpuint (settings.long_wait_days, ==, 30);
  g_assert_cmpuint (settings.overlap_phases, ==,
                    (1u << KEDJA_PHASE_DETOX) | (1u << KEDJA_PHASE_TREATMENT)
                    | (1u << KEDJA_PHASE_HOUSING));
  g_assert_cmpmem (&settings, sizeof settings, &defaults, sizeof defaults);

  /* A colleague's change is what the next analysis uses. */
  g_assert_true (kedja_store_set_setting (store, "gap-days", "21", &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_set_setting (store, "overlap-phases", "housing", &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_load_analysis_settings (store, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.gap_days, ==, 21);
  g_assert_cmpuint (settings.overlap_phases, ==, 1u << KEDJA_PHASE_HOUSING);
  g_assert_cmpuint (settings.gap_days_after_residential, ==, 7);

  /* The table takes any text; a value the analysis cannot use is refused
   * on loading, naming the key, and the caller's settings stay as they
   * were. */
  g_assert_true (kedja_store_set_setting (store, "long-wait-days", "a month", &error));
  g_assert_no_error (error);
  kedja_analysis_settings_init (&settings);
  g_assert_false (kedja_store_load_analysis_settings (store, &settings, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "long-wait-days"));
  g_assert_cmpmem (&settings, sizeof settings, &defaults, sizeof defaults);
}

static void
test_plan_history (StoreFixture *f,
                   gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) everything = NULL;
  g_autoptr(GError) error = NULL;
  KedjaStep *detox;

  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  detox = kedja_plan_find_step (plan, TEST_DETOX_ID);
  detox->planned_end = D (2026, 9, 12);
  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_delete_plan (store, TEST_PLAN_ID, &error));
  g_assert_no_error (error);

  audit = audit_of (store, TEST_PLAN_ID);
  g_assert_cmpuint (audit->len, ==, 3);
  assert_entry (entry_at (audit, 0), "create", "plan", TEST_PLAN_ID);
  g_assert_cmpstr (entry_at (audit, 0)->detail, ==, "“SIP för Åsa <&\"'> 🌱”, 6 steps");
  assert_entry (entry_at (audit, 1), "update", "plan", TEST_PLAN_ID);
  g_assert_cmpstr (entry_at (audit, 1)->detail, ==,
                   "Step “Avgiftning”: planned end: 2026-09-10 → 2026-09-12");
  assert_entry (entry_at (audit, 2), "delete", "plan", TEST_PLAN_ID);
  g_assert_true (g_str_has_prefix (entry_at (audit, 2)->detail, "“SIP för Åsa <&\"'> 🌱”"));
  g_assert_nonnull (strstr (entry_at (audit, 2)->detail, "client's record was removed"));
  g_assert_cmpint (entry_at (audit, 0)->id, <, entry_at (audit, 1)->id);
  g_assert_cmpint (entry_at (audit, 1)->id, <, entry_at (audit, 2)->id);

  /* The agencies the plan brought into the directory were logged too. */
  everything = audit_of (store, NULL);
  g_assert_cmpuint (everything->len, ==, 3 + plan->agencies->len);
  for (guint i = 0; i < everything->len; i++)
    if (g_str_equal (entry_at (everything, i)->entity, "agency"))
      g_assert_cmpstr (entry_at (everything, i)->action, ==, "create");
}

static gboolean
contains_digits_of (const char *detail,
                    const char *number)
{
  g_autofree char *digits = g_strdup (number);
  g_autofree char *short_form = NULL;

  g_strdelimit (digits, "-", '\0');
  /* "YYYYMMDD", "YYMMDD-NNNN" and "-NNNN" each give it away. */
  short_form = g_strdup (number + 2);
  return strstr (detail, digits) != NULL || strstr (detail, short_form) != NULL
         || strstr (detail, number + 8) != NULL;
}

static void
test_no_identity_numbers_in_log (StoreFixture *f,
                                 gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_personal_number_validate (OTHER_PERSONAL_NUMBER, NULL));
  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_free (plan->client->personal_number);
  plan->client->personal_number = g_strdup (OTHER_PERSONAL_NUMBER);
  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_delete_plan (store, TEST_PLAN_ID, &error));
  g_assert_no_error (error);

  audit = audit_of (store, NULL);
  g_assert_cmpuint (audit->len, >=, 3);
  for (guint i = 0; i < audit->len; i++)
    {
      const char *detail = entry_at (audit, i)->detail;

      if (detail == NULL)
        continue;
      g_assert_false (contains_digits_of (detail, TEST_PERSONAL_NUMBER));
      g_assert_false (contains_digits_of (detail, OTHER_PERSONAL_NUMBER));
    }
  /* The change itself is logged, without the numbers. */
  g_assert_cmpstr (entry_at (audit, audit->len - 2)->detail, ==,
                   "Client: identity number changed");
}

static void
test_log_entry (StoreFixture *f,
                gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_store_log (store, "export", "plan", TEST_PLAN_ID,
                                  "SIP XML till Beroendekliniken Östra", &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_log (store, "export", "plans", NULL, NULL, &error));
  g_assert_no_error (error);

  audit = audit_of (store, NULL);
  g_assert_cmpuint (audit->len, ==, 2);
  assert_entry (entry_at (audit, 0), "export", "plan", TEST_PLAN_ID);
  g_assert_cmpstr (entry_at (audit, 0)->detail, ==, "SIP XML till Beroendekliniken Östra");
  assert_entry (entry_at (audit, 1), "export", "plans", NULL);
  g_assert_null (entry_at (audit, 1)->detail);
}

/* History cannot be rewritten, not even by a slip in later code. */
static void
test_log_is_append_only (StoreFixture *f,
                         gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_store_log (store, "export", "plan", TEST_PLAN_ID, "SIP XML", &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_exec_fails (f->path, "UPDATE audit_log SET detail = 'nothing'") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_exec_fails (f->path, "DELETE FROM audit_log") & 0xff,
                   ==, SQLITE_CONSTRAINT);

  audit = audit_of (store, NULL);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (entry_at (audit, 0)->detail, ==, "SIP XML");
}

#define ADD(name, func) \
  g_test_add ("/store/" name, StoreFixture, NULL, store_fixture_set_up, func, \
              store_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("agency/directory", test_agency_directory);
  ADD ("agency/save-all", test_save_all);
  ADD ("agency/plan-uses-directory", test_plan_uses_directory);
  ADD ("settings", test_settings);
  ADD ("settings/analysis", test_analysis_settings);
  ADD ("audit/plan-history", test_plan_history);
  ADD ("audit/no-identity-numbers", test_no_identity_numbers_in_log);
  ADD ("audit/log", test_log_entry);
  ADD ("audit/append-only", test_log_is_append_only);

  return g_test_run ();
}
