/* test-exchange-roundtrip.c — plans go out and come back the same; validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary on databases and files of its own. A
 * plan, and a city's 2,000 plans, go out as SIP files and come back into a
 * new database the same, and out again as the same bytes; `validate` says
 * which files are valid SIP or FHIR; the commands' help and bad arguments.
 * What import refuses is in test-exchange-refusals.c, consent in
 * test-exchange-consent.c, names and numbers in test-exchange-privacy.c.
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

/* ------------------------------------------------------------- helpers */

/* The sample plan with every field set (store-test-util.c), for a person
 * without a protected identity, so that everything can come back. SIP 1.0
 * has no place for a rating's note: the notes are left empty here and
 * tested on their own. */
static KedjaPlan *
full_plan (void)
{
  KedjaPlan *plan = test_plan_full ();

  plan->client->protected_identity = FALSE;
  for (guint i = 0; i < plan->ratings->len; i++)
    g_clear_pointer (&((KedjaRating *) g_ptr_array_index (plan->ratings, i))->note, g_free);
  return plan;
}

/* ---------------------------------------------------------- round trip */

static void
test_roundtrip (CliFixture   *f,
                gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = full_plan ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autofree char *first = path_in (f, "first.xml");
  g_autofree char *second = path_in (f, "second.xml");
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  g_autoptr(Run) again = NULL;
  g_autofree char *summary = NULL;

  save_plan (f->db, plan);
  g_assert_cmpint (plan->revision, ==, 1);

  out = export_plan (f->db, TEST_PLAN_ID, "sip", first, NULL);
  assert_success (out);
  g_assert_cmpuint (test_file_mode (first), ==, 0600);

  in = run_cli ("--database", f->empty, "import", first, NULL);
  assert_success (in);
  summary = g_strdup_printf ("%s: 1 plan imported (1 new, 0 replaced), 5 agencies added\n",
                             first);
  g_assert_cmpstr (in->out, ==, summary);

  loaded = load_plan (f->empty, TEST_PLAN_ID);
  g_assert_cmpstr (loaded->title, ==, "SIP för Åsa <&\"'> 🌱");
  g_assert_cmpstr (loaded->client->name, ==, "Åsa Öberg-Ängström 🌱");
  g_assert_cmpint (loaded->revision, ==, 1);
  g_assert_true (kedja_plan_equal (loaded, plan));

  /* From the new database, the same bytes. */
  again = export_plan (f->empty, TEST_PLAN_ID, "sip", second, NULL);
  assert_success (again);
  first_bytes = read_bytes (first);
  second_bytes = read_bytes (second);
  g_assert_cmpuint (g_bytes_get_size (first_bytes), ==, g_bytes_get_size (second_bytes));
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
}

/* A rating's note is the one thing SIP 1.0 cannot carry. */
static void
test_roundtrip_rating_note (CliFixture   *f,
                            gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = full_plan ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autofree char *file = path_in (f, "note.xml");
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  KedjaRating *rating = g_ptr_array_index (plan->ratings, 0);

  rating->note = g_strdup ("Bor hos en vän <tillfälligt>");
  save_plan (f->db, plan);
  out = export_plan (f->db, TEST_PLAN_ID, "sip", file, NULL);
  assert_success (out);
  in = run_cli ("--database", f->empty, "import", file, NULL);
  assert_success (in);

  loaded = load_plan (f->empty, TEST_PLAN_ID);
  g_assert_false (kedja_plan_equal (loaded, plan));
  g_clear_pointer (&rating->note, g_free);
  g_assert_true (kedja_plan_equal (loaded, plan));
}

/* A plan as a SIP file can hold it: no rating has a note (SIP 1.0 has no
 * place for one), and a protected person's plan as the export policy lets
 * it leave (its own tests are in tests/core/test-export-policy.c): no name,
 * number or district, and no free text that names them. */
static KedjaPlan *
as_sip_carries (const KedjaPlan *plan)
{
  KedjaExportPolicy policy;
  KedjaPlan *sent;

  kedja_export_policy_init (&policy);
  sent = kedja_plan_copy_for_export (plan, &policy);
  kedja_export_policy_clear (&policy);
  for (guint i = 0; i < sent->ratings->len; i++)
    g_clear_pointer (&((KedjaRating *) g_ptr_array_index (sent->ratings, i))->note, g_free);
  return sent;
}

static GPtrArray *
load_all (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (db, &error);
  GPtrArray *plans;

  g_assert_no_error (error);
  plans = kedja_store_load_all_plans (store, &error);
  g_assert_no_error (error);
  return plans;
}

/* A city's plans: out as one collection, into a new database, and the
 * same plans come back. */
static void
test_roundtrip_collection (CliFixture   *f,
                           gconstpointer data)
{
  g_autofree char *file = path_in (f, "all.xml");
  g_autofree char *again_file = path_in (f, "again.xml");
  g_autoptr(Run) demo = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  g_autoptr(Run) list_before = NULL;
  g_autoptr(Run) list_after = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  guint n_exports = 0;

  demo = run_cli ("--database", f->db, "demo", "--clients", "2000", "--seed", "11", "--today",
                  TODAY_TEXT, NULL);
  assert_success (demo);
  out = run_cli ("--database", f->db, "export", "--all", "--format", "sip", "-o", file,
                 "--today", TODAY_TEXT, NULL);
  assert_success (out);
  g_assert_cmpuint (test_file_mode (file), ==, 0600);

  /* One audit entry per plan. */
  audit = load_audit (f->db, NULL);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((KedjaAuditEntry *) g_ptr_array_index (audit, i))->action, "export"))
      n_exports++;
  g_assert_cmpuint (n_exports, ==, 2000);

  in = run_cli ("--database", f->empty, "import", file, NULL);
  assert_success (in);
  assert_contains (in->out, "2000 plans imported (2000 new, 0 replaced)");

  list_before = run_cli ("--database", f->db, "list", "--format", "csv", NULL);
  list_after = run_cli ("--database", f->empty, "list", "--format", "csv", NULL);
  assert_success (list_before);
  assert_success (list_after);
  g_assert_cmpstr (list_after->out, ==, list_before->out);

  before = load_all (f->db);
  after = load_all (f->empty);
  g_assert_cmpuint (after->len, ==, 2000);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < after->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (after, i);
      g_hash_table_insert (by_id, plan->id, plan);
    }
  for (guint i = 0; i < before->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (before, i);
      KedjaPlan *back = g_hash_table_lookup (by_id, plan->id);

      g_assert_nonnull (back);
      /* The demo has rating notes and protected identities. */
      g_autoptr(KedjaPlan) sent = as_sip_carries (plan);

      if (!kedja_plan_equal (sent, back))
        g_error ("the plan %s did not come back as it went out", plan->id);
    }

  /* And the new database writes the same collection. */
  again = run_cli ("--database", f->empty, "export", "--all", "--format", "sip", "-o",
                   again_file, "--today", TODAY_TEXT, NULL);
  assert_success (again);
  first_bytes = read_bytes (file);
  again_bytes = read_bytes (again_file);
  g_assert_true (g_bytes_equal (first_bytes, again_bytes));
}

/* ------------------------------------------------------------- options */

static void
test_bad_arguments (CliFixture   *f,
                    gconstpointer data)
{
  static const char *const cases[][8] = {
    { "export", "--format", "sip", NULL },
    { "export", "--all", "--plan", "x", "--format", "sip", "-o", "x.xml" },
    { "export", "--all", "--format", "fhir", "-o", "x.xml", NULL },
    { "export", "--all", "--format", "sip", NULL },
    { "export", "--plan", "x", "--format", "pdf", NULL },
    { "export", "--plan", "x", NULL },
    { "import", NULL },
    { "validate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Run) run = NULL;

      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, f->empty);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i]) && cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (char *) cases[i][j]);
      g_ptr_array_add (args, NULL);
      run = run_cli_argv ((const char *const *) args->pdata);
      assert_fails (run, NULL);
      /* Bad arguments never make a database. */
      g_assert_false (g_file_test (f->empty, G_FILE_TEST_EXISTS));
    }
}

static void
test_help (void)
{
  g_autoptr(Run) top = run_cli ("--help", NULL);
  g_autoptr(Run) export = run_cli ("export", "--help", NULL);
  g_autoptr(Run) import = run_cli ("import", "--help", NULL);
  g_autoptr(Run) validate = run_cli ("validate", "--help", NULL);

  assert_success (top);
  assert_contains (top->out, "\n  export  ");
  assert_contains (top->out, "\n  import  ");
  assert_contains (top->out, "\n  validate  ");
  assert_success (export);
  assert_contains (export->out, "0600");
  assert_contains (export->out, "--recipient");
  assert_success (import);
  assert_contains (import->out, "--force");
  assert_success (validate);
  assert_contains (validate->out, "--fhir-schema");
}

/* ------------------------------------------------------------ validate */

static void
test_validate (CliFixture   *f,
               gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = base_plan ();
  g_autofree char *good = path_in (f, "good.xml");
  g_autofree char *bad = path_in (f, "bad.xml");
  g_autofree char *empty = path_in (f, "empty.xml");
  g_autofree char *expected = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) valid = NULL;
  g_autoptr(Run) invalid = NULL;
  g_autoptr(Run) unusable = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *spoiled = NULL;

  save_plan (f->db, plan);
  out = export_plan (f->db, plan->id, "sip", good, NULL);
  assert_success (out);
  bytes = read_bytes (good);
  spoiled = replace_once (g_bytes_get_data (bytes, NULL), "</title>",
                          "</title><colour>red</colour>");
  write_bytes (bad, spoiled, -1);
  write_bytes (empty, "", 0);

  valid = run_cli ("validate", good, NULL);
  assert_success (valid);
  expected = g_strdup_printf ("%s: valid (SIP)\n", good);
  g_assert_cmpstr (valid->out, ==, expected);

  invalid = run_cli ("validate", good, bad, NULL);
  g_assert_cmpint (invalid->status, ==, 1);
  assert_contains (invalid->out, expected);
  assert_contains (invalid->out, "bad.xml:");
  assert_contains (invalid->out, "colour");
  assert_contains (invalid->out, "invalid (SIP)");

  unusable = run_cli ("validate", good, bad, empty, NULL);
  g_assert_cmpint (unusable->status, ==, 2);
  assert_contains (unusable->err, "empty.xml");

  /* Validation never opens a database. */
  g_assert_false (g_file_test (f->empty, G_FILE_TEST_EXISTS));
}

static void
test_validate_fhir (CliFixture   *f,
                    gconstpointer data)
{
  const char *schema = g_getenv ("KEDJA_FHIR_SCHEMA");
  g_autoptr(KedjaPlan) plan = full_plan ();
  g_autofree char *file = path_in (f, "bundle.xml");
  g_autofree char *expected = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) check = NULL;

  if (schema == NULL || !g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the HL7 FHIR R4 schemas are not there (KEDJA_FHIR_SCHEMA)");
      return;
    }

  save_plan (f->db, plan);
  out = export_plan (f->db, TEST_PLAN_ID, "fhir", file, NULL);
  assert_success (out);
  check = run_cli ("validate", file, NULL);
  assert_success (check);
  expected = g_strdup_printf ("%s: valid (FHIR)\n", file);
  g_assert_cmpstr (check->out, ==, expected);
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

  g_test_add_func ("/cli/exchange/help", test_help);
  ADD ("/cli/exchange/bad-arguments", test_bad_arguments);
  ADD ("/cli/exchange/roundtrip", test_roundtrip);
  ADD ("/cli/exchange/roundtrip/rating-note", test_roundtrip_rating_note);
  ADD ("/cli/exchange/roundtrip/collection", test_roundtrip_collection);
  ADD ("/cli/exchange/validate", test_validate);
  ADD ("/cli/exchange/validate/fhir", test_validate_fhir);

  return g_test_run ();
}
