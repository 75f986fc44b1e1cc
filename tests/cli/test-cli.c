/* test-cli.c — kedja-cli as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary ($KEDJA_CLI) on a database of its own and
 * asserts what the user would see: the bytes on stdout, one line on stderr
 * when something is wrong, and the exit status.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-store.h"

#define DEMO_CLIENTS "50"
#define DEMO_SEED    "7"
#define DEMO_TODAY   "2026-11-29"

typedef struct {
  char *dir;
  char *db;      /* filled with the seed-7 demo */
  char *empty;   /* a path where no database exists yet */
} Fixture;

static Run *
run_demo (const char *db,
          const char *seed)
{
  return run_cli ("--database", db, "demo", "--clients", DEMO_CLIENTS, "--seed", seed,
                  "--today", DEMO_TODAY, NULL);
}

static KedjaDemoData *
expected_demo (void)
{
  return kedja_demo_generate (atoi (DEMO_CLIENTS), atoi (DEMO_SEED),
                              kedja_date_from_ymd (2026, 11, 29));
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(Run) run = NULL;

  fixture->dir = make_test_dir ();
  fixture->db = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->empty = g_build_filename (fixture->dir, "empty.db", NULL);

  run = run_demo (fixture->db, DEMO_SEED);
  assert_success (run);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->empty);
}

/* The generator's plan with @id; there must be one. */
static KedjaPlan *
find_plan (KedjaDemoData *data,
           const char    *id)
{
  for (guint i = 0; id != NULL && i < data->plans->len; i++)
    if (g_str_equal (((KedjaPlan *) g_ptr_array_index (data->plans, i))->id, id))
      return g_ptr_array_index (data->plans, i);
  g_error ("the output lists “%s”, which is no plan of the demo", id ? id : "(null)");
}

static const char *
shown_client (const KedjaPlan *plan)
{
  return plan->client->protected_identity ? "Protected identity" : plan->client->name;
}

/* Where a protected person lives is as secret as the name. */
static const char *
shown_district (const KedjaPlan *plan)
{
  return plan->client->protected_identity ? NULL : plan->client->district;
}

/* ----------------------------------------------------------------- tests */

static void
test_help (void)
{
  static const char *const commands[][3] = {
    { "demo", "--clients", "--today" },
    { "list", "--format", "--format" },
    { "show", "PLAN-ID", "--today" },
    { "check", "--all", "--fail-on" },
    { "report", "--by", "--setting" },
    { "bench", "gaps", "--sizes" },
  };
  g_autoptr(Run) run = run_cli ("--help", NULL);

  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "Usage:\n  kedja-cli [OPTION…] COMMAND"));
  g_assert_nonnull (strstr (run->out, "--database"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *listed = g_strdup_printf ("\n  %s  ", commands[i][0]);
      g_autoptr(Run) sub = run_cli (commands[i][0], "--help", NULL);

      g_assert_nonnull (strstr (run->out, listed));
      assert_success (sub);
      g_assert_true (g_str_has_prefix (sub->out, "Usage:\n  kedja-cli "));
      g_assert_nonnull (strstr (sub->out, commands[i][0]));
      g_assert_nonnull (strstr (sub->out, commands[i][1]));
      g_assert_nonnull (strstr (sub->out, commands[i][2]));
    }
}

static void
test_demo_summary (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(Run) run = run_demo (fixture->empty, "3");
  g_autofree char *expected = g_strdup_printf ("50 plans written to %s (seed 3, today 2026-11-29)\n",
                                               fixture->empty);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_true (g_file_test (fixture->empty, G_FILE_TEST_IS_REGULAR));
}

/* The same demo twice into one database would duplicate every plan: it is
 * refused, and says why. */
static void
test_demo_twice (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(Run) run = run_demo (fixture->db, DEMO_SEED);

  assert_fails (run, "--seed");
}

static void
test_list_csv (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->db, "list", "--format", "csv", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  assert_success (run);
  g_assert_true (parse_csv (run->out, records));
  g_assert_cmpuint (records->len, ==, 51);
  g_assert_true (g_str_has_prefix (run->out, "id,client,district,status,steps,follow_up\r\n"));

  for (guint i = 1; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);
      KedjaPlan *plan;
      g_autofree char *steps = NULL, *follow_up = NULL;

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      plan = find_plan (demo, f[0]);
      g_assert_true (g_hash_table_add (seen, plan->id));
      steps = g_strdup_printf ("%u", plan->steps->len);
      follow_up = kedja_date_to_string (plan->follow_up);
      g_assert_cmpstr (f[1], ==, shown_client (plan));
      g_assert_cmpstr (f[2], ==, shown_district (plan) ? shown_district (plan) : "");
      g_assert_cmpstr (f[3], ==, kedja_enum_to_nick (KEDJA_TYPE_PLAN_STATUS, plan->status));
      g_assert_cmpstr (f[4], ==, steps);
      g_assert_cmpstr (f[5], ==, follow_up ? follow_up : "");
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);
}

static void
test_list_json (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->db, "list", "--format", "json", NULL);
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  g_autoptr(GPtrArray) rows = NULL;
  KedjaPlan *known = g_ptr_array_index (demo->plans, 0);
  gboolean found = FALSE;

  assert_success (run);
  rows = parse_json_rows (run->out);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 50);

  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      KedjaPlan *plan = find_plan (demo, json_string (row, "id"));
      g_autofree char *steps = NULL, *follow_up = NULL;

      g_assert_cmpuint (g_hash_table_size (row), ==, 6);
      steps = g_strdup_printf ("%u", plan->steps->len);
      follow_up = kedja_date_to_string (plan->follow_up);
      g_assert_cmpstr (json_string (row, "client"), ==, shown_client (plan));
      g_assert_cmpstr (json_string (row, "district"), ==, shown_district (plan));
      g_assert_cmpstr (json_string (row, "status"), ==,
                       kedja_enum_to_nick (KEDJA_TYPE_PLAN_STATUS, plan->status));
      g_assert_cmpstr (json_number_text (row, "steps"), ==, steps);
      g_assert_cmpstr (json_string (row, "follow_up"), ==, follow_up);
      found |= plan == known;
    }
  g_assert_true (found);
}

static void
test_list_text (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->db, "list", NULL);
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  g_auto(GStrv) lines = NULL;
  const char *client_column;

  assert_success (run);
  g_assert_true (g_str_has_suffix (run->out, "\n"));
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 52);  /* header, 50 rows, "" */

  g_assert_true (g_str_has_prefix (lines[0], "ID "));
  client_column = strstr (lines[0], "Client");
  g_assert_nonnull (client_column);
  for (const char *const *h = (const char *const[]) { "District", "Status", "Steps", "Follow-up", NULL };
       *h; h++)
    g_assert_nonnull (strstr (lines[0], *h));

  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *id = g_strndup (lines[i], 36);
      KedjaPlan *plan = find_plan (demo, id);

      /* Aligned: the client starts under its header. */
      g_assert_true (g_str_has_prefix (lines[i] + (client_column - lines[0]), shown_client (plan)));
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }
}

/* Same seed, same output, wherever it is written; another seed, other
 * data. */
static void
test_list_deterministic (Fixture      *fixture,
                         gconstpointer data)
{
  static const char *const formats[] = { "text", "csv", "json" };
  g_autofree char *again = g_build_filename (fixture->dir, "again.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(Run) demo_again = run_demo (again, DEMO_SEED);
  g_autoptr(Run) demo_other = run_demo (other, "8");

  assert_success (demo_again);
  assert_success (demo_other);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(Run) a = run_cli ("--database", fixture->db, "list", "--format", formats[i], NULL);
      g_autoptr(Run) b = run_cli ("--database", again, "list", "--format", formats[i], NULL);
      g_autoptr(Run) c = run_cli ("--database", other, "list", "--format", formats[i], NULL);

      assert_success (a);
      assert_success (b);
      assert_success (c);
      g_assert_cmpstr (a->out, ==, b->out);
      g_assert_cmpstr (a->out, !=, c->out);
    }
}

/* Names that need quoting, and a protected identity that must never show. */
static void
test_list_quoting_and_protection (Fixture      *fixture,
                                  gconstpointer data)
{
  static const char *const awkward = "Anna \"Nisse\", Berg\nLund";
  static const char *const hidden = "Hemlig Hemligsson, Gömd";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (fixture->empty, &error);
  g_autoptr(KedjaPlan) plain = NULL, secret = NULL;
  g_autoptr(Run) csv = NULL, json = NULL, text = NULL;
  g_auto(GStrv) text_lines = NULL;
  gboolean saw_awkward = FALSE, saw_protected = FALSE;

  g_assert_no_error (error);
  plain = kedja_plan_new (NULL, kedja_client_new (NULL, awkward), "SIP – citat, komma");
  plain->created = kedja_date_from_ymd (2026, 11, 1);
  secret = kedja_plan_new (NULL, kedja_client_new (NULL, hidden), "SIP – skyddad");
  secret->created = kedja_date_from_ymd (2026, 11, 1);
  secret->client->protected_identity = TRUE;
  secret->client->personal_number = g_strdup ("19811218-9876");
  g_assert_true (kedja_store_save_plan (store, plain, &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_save_plan (store, secret, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  csv = run_cli ("--database", fixture->empty, "list", "--format", "csv", NULL);
  json = run_cli ("--database", fixture->empty, "list", "--format", "json", NULL);
  text = run_cli ("--database", fixture->empty, "list", NULL);
  assert_success (csv);
  assert_success (json);
  assert_success (text);

  g_assert_nonnull (strstr (csv->out, ",\"Anna \"\"Nisse\"\", Berg\nLund\","));
  g_assert_true (parse_csv (csv->out, records));
  g_assert_cmpuint (records->len, ==, 3);
  for (guint i = 1; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);
      saw_awkward |= g_str_equal (f[1], awkward);
      saw_protected |= g_str_equal (f[1], "Protected identity");
      g_assert_cmpstr (f[2], ==, "");
      g_assert_cmpstr (f[5], ==, "");
    }
  g_assert_true (saw_awkward && saw_protected);

  g_assert_nonnull (strstr (json->out, "\"Anna \\\"Nisse\\\", Berg\\nLund\""));
  rows = parse_json_rows (json->out);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      g_assert_null (json_string (row, "district"));
      g_assert_null (json_string (row, "follow_up"));
    }

  /* One row stays one line on a terminal. */
  g_assert_nonnull (strstr (text->out, "Anna \"Nisse\", Berg Lund"));
  text_lines = g_strsplit (text->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (text_lines), ==, 4);
  g_assert_nonnull (strstr (text->out, "Protected identity"));

  for (const char *const *out = (const char *const[]) { csv->out, json->out, text->out, NULL };
       *out; out++)
    {
      g_assert_null (strstr (*out, "Hemlig"));
      g_assert_null (strstr (*out, "9876"));
    }
}

static KedjaPlan *
pick_plan (KedjaDemoData *demo,
           gboolean       protected_identity)
{
  /* One with handovers, to see them shown. */
  for (guint i = 0; i < demo->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (demo->plans, i);
      if (plan->client->protected_identity == protected_identity && plan->handovers->len > 0
          && plan->client->personal_number != NULL)
        return plan;
    }
  g_error ("the demo has no plan to show");
}

static void
test_show (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  KedjaPlan *plan = pick_plan (demo, FALSE);
  g_autoptr(Run) run = NULL;
  g_autofree char *masked = NULL;

  run = run_cli ("--database", fixture->db, "show", "--today", DEMO_TODAY, plan->id, NULL);
  assert_success (run);

  g_assert_true (g_str_has_prefix (run->out, plan->title));
  g_assert_nonnull (strstr (run->out, plan->id));
  g_assert_nonnull (strstr (run->out, plan->client->name));
  masked = g_strdup_printf ("%.8s-XXXX", plan->client->personal_number);
  g_assert_nonnull (strstr (run->out, masked));
  g_assert_null (strstr (run->out, plan->client->personal_number));
  g_assert_nonnull (strstr (run->out, plan->client->district));
  g_assert_nonnull (strstr (run->out, "Steps in chain order"));
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);
      g_assert_nonnull (strstr (run->out, step->title));
      g_assert_nonnull (strstr (run->out, kedja_phase_get_label (step->phase)));
    }
  g_assert_nonnull (strstr (run->out, "Handovers"));
  g_assert_nonnull (strstr (run->out, " → "));
  g_assert_nonnull (strstr (run->out, "Consents"));
  g_assert_nonnull (strstr (run->out, "Goals"));
  if (plan->own_goal)
    g_assert_nonnull (strstr (run->out, plan->own_goal));
}

/* A protected identity shows as such: neither name nor number. */
static void
test_show_protected (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (fixture->empty, &error);
  g_autoptr(KedjaPlan) plan = kedja_plan_new (NULL, kedja_client_new (NULL, "Hemlig Hemligsson"),
                                              "SIP – skyddad");
  g_autoptr(Run) run = NULL;

  g_assert_no_error (error);
  plan->created = kedja_date_from_ymd (2026, 11, 1);
  plan->client->protected_identity = TRUE;
  plan->client->personal_number = g_strdup ("19811218-9876");
  plan->client->district = g_strdup ("Vrångö");
  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run = run_cli ("--database", fixture->empty, "show", plan->id, NULL);
  assert_success (run);
  g_assert_nonnull (strstr (run->out, "Protected identity"));
  g_assert_null (strstr (run->out, "Hemlig"));
  g_assert_null (strstr (run->out, "19811218"));
  g_assert_null (strstr (run->out, "Vrångö"));
}

static void
test_errors (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "kedja.db", NULL);
  const char *db = fixture->db, *empty = fixture->empty;
  struct {
    const char *args[8];
    const char *mentions;
  } cases[] = {
    { { "frobnicate", NULL }, "frobnicate" },
    { { NULL }, "command" },
    { { "--bogus", "list", NULL }, "--bogus" },
    { { "--database", empty, "demo", "--clients", "abc", NULL }, "--clients" },
    { { "--database", empty, "demo", "--clients", "0", NULL }, "--clients" },
    { { "--database", empty, "demo", "--clients", "-3", NULL }, "--clients" },
    { { "--database", empty, "demo", "--seed", "x1", NULL }, "--seed" },
    { { "--database", empty, "demo", "--today", "2026-02-30", NULL }, "2026-02-30" },
    { { "--database", empty, "demo", "--today", "29/11/2026", NULL }, "YYYY-MM-DD" },
    { { "--database", empty, "demo", "extra", NULL }, "extra" },
    { { "--database", empty, "list", "--format", "xml", NULL }, "xml" },
    { { "--database", empty, "list", "--colour", NULL }, "--colour" },
    { { "--database", db, "show", NULL }, "id" },
    { { "--database", db, "show", "4b1d3c2a-0000-4000-8000-000000000000", NULL },
      "4b1d3c2a-0000-4000-8000-000000000000" },
    { { "--database", db, "show", "a", "b", NULL }, "“b”" },
    { { "--database", under_file, "list", NULL }, NULL },
  };

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *a = cases[i].args;
      g_autoptr(Run) run = run_cli_argv (a);

      g_test_message ("case %u: %s", i, run->err);
      assert_fails (run, cases[i].mentions);
    }

  /* Bad arguments are caught before a database is created. */
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
}

/* A file that is not a Kedja database is refused with the store's words,
 * and left as it was. */
static void
test_not_a_database (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  g_autoptr(Run) run = NULL;

  g_assert_true (g_file_set_contents (file, "Inköpslista: mjölk\n", -1, NULL));
  run = run_cli ("--database", file, "list", NULL);
  assert_fails (run, NULL);
  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "Inköpslista: mjölk\n");
}

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/help", test_help);
  ADD ("/cli/demo/summary", test_demo_summary);
  ADD ("/cli/demo/twice", test_demo_twice);
  ADD ("/cli/list/csv", test_list_csv);
  ADD ("/cli/list/json", test_list_json);
  ADD ("/cli/list/text", test_list_text);
  ADD ("/cli/list/deterministic", test_list_deterministic);
  ADD ("/cli/list/quoting-and-protection", test_list_quoting_and_protection);
  ADD ("/cli/show/plan", test_show);
  ADD ("/cli/show/protected", test_show_protected);
  ADD ("/cli/errors", test_errors);
  ADD ("/cli/not-a-database", test_not_a_database);

#undef ADD
  return g_test_run ();
}
