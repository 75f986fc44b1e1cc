/* test-exchange-consent.c — nothing leaves for a recipient without the client's consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary on databases and files of its own.
 * Nothing may leave for a recipient without consent in force, nor without
 * an audit entry; what the consent excludes stays behind.
 *
 * SOURCE_DATE_EPOCH is set for the whole program (EXPORT_EPOCH), so that
 * two exports with the same --today are byte for byte equal.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-store.h"
#include "store-test-util.h"

/* ------------------------------------------------------------- consent */

/* The plan of the consent tests: a health step the client may want kept
 * from the clinic, with the clinic responsible for the rest. */
static KedjaPlan *
consent_plan (void)
{
  KedjaPlan *plan = base_plan ();

  add_step (plan, KEDJA_PHASE_HEALTH, KEDJA_CARE_SETTING_NONE, CLINIC_ID,
            "Psykiatrisk bedömning", D (2026, 10, 5), D (2026, 10, 5));
  /* base_plan's consent for the clinic is the tests' to set. */
  g_ptr_array_set_size (plan->consents, 0);
  return plan;
}

static KedjaConsent *
clinic_consent (KedjaPlan *plan)
{
  KedjaConsent *consent = kedja_consent_new (CLINIC_ID, D (2026, 6, 1),
                                             KEDJA_CONSENT_FORM_WRITTEN);

  g_ptr_array_add (plan->consents, consent);
  return consent;
}

static void
check_refused_for_consent (CliFixture *f,
                           KedjaPlan  *plan,
                           const char *reason)
{
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autoptr(Run) run = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  assert_refused (run, 4, "Beroendekliniken");
  assert_contains (run->err, reason);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* The attempt is logged. */
  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "export-refused");
  assert_contains (last->detail, "Beroendekliniken");
}

static void
test_consent_missing (CliFixture   *f,
                      gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();

  check_refused_for_consent (f, plan, "no consent");
}

static void
test_consent_withdrawn (CliFixture   *f,
                        gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();

  clinic_consent (plan)->withdrawn = TODAY - 1;
  check_refused_for_consent (f, plan, "withdrew");
}

static void
test_consent_expired (CliFixture   *f,
                      gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();

  clinic_consent (plan)->expires = TODAY - 1;
  check_refused_for_consent (f, plan, "expired");
}

/* A collection goes whole or not at all. */
static void
test_consent_collection (CliFixture   *f,
                         gconstpointer data)
{
  g_autoptr(KedjaPlan) with = consent_plan ();
  g_autoptr(KedjaPlan) without = consent_plan ();
  g_autofree char *file = path_in (f, "all.xml");
  g_autoptr(Run) run = NULL;

  clinic_consent (with);
  save_plan (f->db, with);
  save_plan (f->db, without);
  run = run_cli ("--database", f->db, "export", "--all", "--format", "sip", "-o", file,
                 "--recipient", CLINIC_ID, "--today", TODAY_TEXT, NULL);
  assert_refused (run, 4, "1 of 2 plans");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
test_consent_in_force (CliFixture   *f,
                       gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autoptr(Run) run = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KedjaAuditEntry *last;

  clinic_consent (plan);
  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  assert_success (run);
  g_assert_cmpuint (test_file_mode (file), ==, 0600);
  bytes = read_bytes (file);
  g_assert_true (bytes_contain (bytes, "Psykiatrisk bedömning"));

  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "export");
  g_assert_cmpstr (last->entity, ==, "plan");
  assert_contains (last->detail, "SIP XML 1.0");
  assert_contains (last->detail, "Beroendekliniken");
  assert_contains (last->detail, CLINIC_ID);
  assert_contains (last->detail, "to-clinic.xml");
  assert_contains (last->detail, "Not pseudonymised");
}

static void
test_consent_exclusion (CliFixture   *f,
                        gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autofree char *health_id = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  clinic_consent (plan)->exclusion = g_strdup ("Inget om psykiatrin");
  health_id = g_strdup (step_id (plan, 2));
  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  assert_success (run);

  bytes = read_bytes (file);
  g_assert_true (bytes_contain (bytes, "Avgiftning"));
  assert_absent (bytes, "excluded step", "Psykiatrisk bedömning");
  assert_absent (bytes, "excluded step's id", health_id);
  assert_absent (bytes, "excluded phase", "phase=\"health\"");

  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  assert_contains (last->detail, "health");
}

static void
test_consent_exclusion_unrecognised (CliFixture   *f,
                                     gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autoptr(Run) run = NULL;

  clinic_consent (plan)->exclusion = g_strdup ("Inget om rättegången");
  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_contains (run->err, "The consent for Beroendekliniken excludes “");
  assert_contains (run->err, "rättegången");
  assert_contains (run->err, "check the file before sending it");
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
}

/* ----------------------------------------------------------------- main */

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", EXPORT_EPOCH, TRUE);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)

  ADD ("/cli/exchange/consent/missing", test_consent_missing);
  ADD ("/cli/exchange/consent/withdrawn", test_consent_withdrawn);
  ADD ("/cli/exchange/consent/expired", test_consent_expired);
  ADD ("/cli/exchange/consent/collection", test_consent_collection);
  ADD ("/cli/exchange/consent/in-force", test_consent_in_force);
  ADD ("/cli/exchange/consent/exclusion", test_consent_exclusion);
  ADD ("/cli/exchange/consent/exclusion-unrecognised", test_consent_exclusion_unrecognised);

  return g_test_run ();
}
