/* test-exchange-privacy.c — no protected or pseudonymised person's name in an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary on databases and files of its own. A
 * pseudonymised export, or a protected person's, must not hold the
 * person's name or number in its bytes, in SIP or FHIR, in a file or on
 * standard output, nor in the audit log.
 *
 * SOURCE_DATE_EPOCH is set for the whole program (EXPORT_EPOCH), so that
 * two exports with the same --today are byte for byte equal.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-store.h"
#include "store-test-util.h"

/* ------------------------------------------------------------- privacy */

#define SECRET_NAME   "Åsa Öberg-Ängström"
#define SECRET_NUMBER "19121212-1212"

/* Every way the number could be written. */
static void
assert_no_identity (GBytes     *bytes,
                    gboolean    name_too)
{
  static const char *const numbers[] = {
    SECRET_NUMBER, "191212121212", "121212-1212", "1212121212", "121212+1212",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    assert_absent (bytes, "identity number", numbers[i]);
  if (name_too)
    {
      assert_absent (bytes, "name", SECRET_NAME);
      assert_absent (bytes, "surname", "Öberg-Ängström");
      assert_absent (bytes, "district", "Gårdsten");
      assert_absent (bytes, "relative's name", "Örjan");
    }
}

/* The full sample plan, whose client sits at the table by first name and
 * has a relative there; as @protected says. */
static KedjaPlan *
secret_plan (gboolean protected)
{
  KedjaPlan *plan = test_plan_full ();

  g_free (plan->client->name);
  plan->client->name = g_strdup (SECRET_NAME);
  g_free (plan->client->district);
  plan->client->district = g_strdup ("Gårdsten");
  plan->client->protected_identity = protected;
  g_free (plan->title);
  plan->title = g_strdup ("Samordnad plan");
  return plan;
}

static GBytes *
export_bytes (CliFixture *f,
              const char *id,
              const char *format,
              gboolean    pseudonymise)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.xml", format, pseudonymise ? "pseudo" : "plain");
  g_autofree char *file = path_in (f, name);
  g_autoptr(Run) run = NULL;

  run = export_plan (f->db, id, format, file, pseudonymise ? "--pseudonymise" : NULL, NULL);
  assert_success (run);
  return read_bytes (file);
}

/* A FHIR file without the person's name or number must still be what HL7's
 * schema allows, where the schema is there to ask. */
static void
assert_fhir_valid (CliFixture *f,
                   const char *name)
{
  const char *schema = g_getenv ("KEDJA_FHIR_SCHEMA");
  g_autofree char *file = path_in (f, name);
  g_autoptr(Run) check = NULL;

  if (schema == NULL || !g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    return;
  check = run_cli ("validate", file, NULL);
  assert_success (check);
  assert_contains (check->out, ": valid (FHIR)");
}

static void
check_pseudonymised (CliFixture *f,
                     const char *format)
{
  g_autoptr(KedjaPlan) plan = secret_plan (FALSE);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  /* Unprotected and not pseudonymised, the name does go out: the test
   * looks for the right bytes. */
  plain = export_bytes (f, TEST_PLAN_ID, format, FALSE);
  g_assert_true (bytes_contain (plain, SECRET_NAME));
  g_assert_true (bytes_contain (plain, "191212121212") || bytes_contain (plain, SECRET_NUMBER));

  bytes = export_bytes (f, TEST_PLAN_ID, format, TRUE);
  assert_no_identity (bytes, TRUE);
  assert_absent (bytes, "client id", TEST_CLIENT_ID);
  assert_absent (bytes, "plan id", TEST_PLAN_ID);

  /* Stable: the same pseudonyms the next time. */
  again = export_bytes (f, TEST_PLAN_ID, format, TRUE);
  g_assert_true (g_bytes_equal (bytes, again));
  if (g_str_equal (format, "fhir"))
    assert_fhir_valid (f, "fhir-pseudo.xml");

  audit = load_audit (f->db, TEST_PLAN_ID);
  last = g_ptr_array_index (audit, audit->len - 1);
  assert_contains (last->detail, "\nPseudonymised\n");
}

static void
test_privacy_pseudonymise_sip (CliFixture   *f,
                               gconstpointer data)
{
  check_pseudonymised (f, "sip");
}

static void
test_privacy_pseudonymise_fhir (CliFixture   *f,
                                gconstpointer data)
{
  check_pseudonymised (f, "fhir");
}

static void
test_privacy_protected (CliFixture   *f,
                        gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = secret_plan (TRUE);
  g_autoptr(GBytes) sip = NULL;
  g_autoptr(GBytes) fhir = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  save_plan (f->db, plan);
  sip = export_bytes (f, TEST_PLAN_ID, "sip", FALSE);
  assert_no_identity (sip, TRUE);
  fhir = export_bytes (f, TEST_PLAN_ID, "fhir", FALSE);
  assert_no_identity (fhir, TRUE);
  assert_fhir_valid (f, "fhir-plain.xml");

  /* Nor does the log name the person. */
  audit = load_audit (f->db, NULL);
  for (guint i = 0; i < audit->len; i++)
    {
      KedjaAuditEntry *entry = g_ptr_array_index (audit, i);
      g_assert_null (entry->detail ? strstr (entry->detail, SECRET_NUMBER) : NULL);
    }
}

/* Standard output is an export like any other: logged, and private. */
static void
test_stdout (CliFixture   *f,
             gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = secret_plan (TRUE);
  g_autoptr(Run) run = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  run = export_plan (f->db, TEST_PLAN_ID, "sip", NULL, NULL);
  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "<?xml"));
  bytes = g_bytes_new (run->out, strlen (run->out));
  assert_no_identity (bytes, TRUE);

  audit = load_audit (f->db, TEST_PLAN_ID);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "export");
  assert_contains (last->detail, "No recipient");
  assert_contains (last->detail, "standard output");
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

  ADD ("/cli/exchange/privacy/pseudonymise/sip", test_privacy_pseudonymise_sip);
  ADD ("/cli/exchange/privacy/protected", test_privacy_protected);
  ADD ("/cli/exchange/stdout", test_stdout);
  ADD ("/cli/exchange/privacy/pseudonymise/fhir", test_privacy_pseudonymise_fhir);

  return g_test_run ();
}
