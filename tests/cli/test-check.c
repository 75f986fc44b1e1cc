/* test-check.c — `kedja-cli check` as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database here is made by hand (see cli-test-util.h), plan by plan,
 * each with one known problem, so that every finding the CLI prints can be
 * asserted exactly, and compared with what the analysis says of the plan.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-store.h"
#include "kedja-test-lang.h"

#define NO_PLAN_ID "4b1d3c2a-0000-4000-8000-000000000000"

/* ------------------------------------------------------------- fixtures */

typedef struct {
  CliFixture base;       /* the folder, the database paths, the plans saved */
  /* The check database: one known problem each, on TODAY. */
  KedjaPlan *gap;        /* 8 days without help after detox: critical */
  KedjaStep *detox, *treatment;
  KedjaPlan *overlap;    /* two housing steps share 6 days: a notice */
  KedjaStep *housing1, *housing2;
  KedjaPlan *secret;     /* protected identity, no own goal: a warning */
  KedjaPlan *clean;      /* nothing to find */
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  cli_fixture_set_up (&f->base, data);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  cli_fixture_tear_down (&f->base, data);
}

static void
check_set_up (Fixture      *f,
              gconstpointer data)
{
  fixture_set_up (f, data);

  /* Detox ends 10 Sep; the treatment starts 19 Sep: 11–18 Sep, 8 days,
   * uncovered right after a residential step — more than 7. */
  f->gap = new_plan ("Anna Ek", "Centrum", KEDJA_PLAN_STATUS_ACTIVE, "SIP – glapp efter avgiftning");
  f->detox = add_step (f->gap, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID,
                       "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  f->treatment = add_step (f->gap, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID,
                           "Öppenvård", D (2026, 9, 19), KEDJA_DATE_NONE);
  add_consent (f->gap, CLINIC_ID);
  g_ptr_array_add (f->base.plans, f->gap);

  /* 10–15 Oct in both housing steps: 6 days of overlap. */
  f->overlap = new_plan ("Bo Berg", "Lundby", KEDJA_PLAN_STATUS_ACTIVE, "SIP – två boenden");
  f->housing1 = add_step (f->overlap, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID,
                          "Boendestöd", D (2026, 9, 1), D (2026, 10, 15));
  f->housing2 = add_step (f->overlap, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID,
                          "Träningslägenhet", D (2026, 10, 10), KEDJA_DATE_NONE);
  add_consent (f->overlap, HOUSING_ID);
  g_ptr_array_add (f->base.plans, f->overlap);

  f->secret = new_plan ("Hemlig Hemligsson", "Vrångö", KEDJA_PLAN_STATUS_ACTIVE, "SIP – skyddad");
  f->secret->client->protected_identity = TRUE;
  g_clear_pointer (&f->secret->own_goal, g_free);
  add_step (f->secret, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Boendestöd",
            D (2026, 9, 1), KEDJA_DATE_NONE);
  add_consent (f->secret, HOUSING_ID);
  g_ptr_array_add (f->base.plans, f->secret);

  f->clean = new_plan ("Dan Dahl", "Angered", KEDJA_PLAN_STATUS_ACTIVE, "SIP – utan avvikelser");
  add_step (f->clean, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Egen lägenhet",
            D (2026, 9, 1), KEDJA_DATE_NONE);
  add_consent (f->clean, HOUSING_ID);
  g_ptr_array_add (f->base.plans, f->clean);

  save_plans (f->base.db, f->base.plans);
}

/* ------------------------------------------------------------- helpers */

/* `kedja-cli --database DB check --today TODAY` and more arguments. */
static Run *
check (const Fixture *f,
       const char    *first,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, f->base.db);
  g_ptr_array_add (args, "check");
  g_ptr_array_add (args, "--today");
  g_ptr_array_add (args, TODAY_TEXT);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_cli_argv ((const char *const *) args->pdata);
}

static GPtrArray *
rows_of (const Run *run)
{
  GPtrArray *rows;

  g_assert_cmpint (run->status, !=, 2);
  g_assert_cmpstr (run->err, ==, "");
  rows = parse_json_rows (run->out);
  if (rows == NULL)
    g_error ("not the JSON expected: %s", run->out);
  return rows;
}

static GPtrArray *
rows_for_plan (GPtrArray  *rows,
               const char *plan_id)
{
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (json_string (g_ptr_array_index (rows, i), "plan"), plan_id))
      g_ptr_array_add (mine, g_ptr_array_index (rows, i));
  return mine;
}

static void
assert_steps (GHashTable *row,
              const char *first,
              const char *second)
{
  const char *const *steps = json_strings (row, "steps");
  const char *expected[3] = { NULL };
  guint n = 0;

  /* The step, then the next step, each only when there is one. */
  if (first)
    expected[n++] = first;
  if (second)
    expected[n++] = second;
  g_assert_cmpuint (g_strv_length ((char **) steps), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (steps[i], ==, expected[i]);
}

/* The row must say what the analysis says of @plan, in this process's
 * language: the CLI adds nothing of its own to the words. */
static void
assert_like_analysis (GHashTable      *row,
                      const KedjaPlan *plan,
                      guint            index)
{
  g_autoptr(GArray) findings = kedja_analyse (plan, NULL, TODAY);
  const KedjaFinding *finding;
  g_autofree char *message = NULL, *action = NULL, *actor = NULL;

  g_assert_cmpuint (index, <, findings->len);
  finding = &g_array_index (findings, KedjaFinding, index);
  message = kedja_finding_format_message (finding, plan);
  action = kedja_finding_format_action (finding, plan);
  actor = kedja_finding_format_actor (finding, plan);
  g_assert_cmpstr (json_string (row, "rule"), ==,
                   kedja_enum_to_nick (KEDJA_TYPE_RULE, finding->rule));
  g_assert_cmpstr (json_string (row, "message"), ==, message);
  g_assert_cmpstr (json_string (row, "action"), ==, action);
  g_assert_cmpstr (json_string (row, "actor"), ==, actor);
}

/* ---------------------------------------------------------------- check */

static void
test_check_json (Fixture      *f,
                 gconstpointer data)
{
  static const char *const keys[] = {
    "plan", "rule", "severity", "start", "end", "steps", "days", "agency", "agency_id",
    "message", "action", "actor",
  };
  g_autoptr(Run) run = check (f, "--format", "json", NULL);
  g_autoptr(GPtrArray) rows = rows_of (run);
  g_autoptr(GPtrArray) gap = NULL, overlap = NULL, secret = NULL, clean = NULL;
  GHashTable *row;

  assert_success (run);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_assert_cmpuint (g_hash_table_size (row), ==, G_N_ELEMENTS (keys));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (g_hash_table_contains (row, keys[k]));
    }

  /* 11–18 Sep after the detox at the clinic, which also starts the
   * treatment and so is who should act. */
  gap = rows_for_plan (rows, f->gap->id);
  g_assert_cmpuint (gap->len, ==, 1);
  row = g_ptr_array_index (gap, 0);
  g_assert_cmpstr (json_string (row, "rule"), ==, "uncovered-days");
  g_assert_cmpstr (json_string (row, "severity"), ==, "critical");
  g_assert_cmpstr (json_string (row, "start"), ==, "2026-09-11");
  g_assert_cmpstr (json_string (row, "end"), ==, "2026-09-18");
  g_assert_cmpstr (json_number_text (row, "days"), ==, "8");
  assert_steps (row, f->detox->id, f->treatment->id);
  g_assert_cmpstr (json_string (row, "agency"), ==, "Beroendekliniken");
  g_assert_cmpstr (json_string (row, "agency_id"), ==, CLINIC_ID);
  g_assert_cmpstr (json_string (row, "actor"), ==, "Beroendekliniken");
  g_assert_nonnull (strstr (json_string (row, "message"), "8 days"));
  assert_like_analysis (row, f->gap, 0);

  /* The overlap is 10–15 Oct, between the earlier and the later step;
   * no agency has to act, so the coordinator does. */
  overlap = rows_for_plan (rows, f->overlap->id);
  g_assert_cmpuint (overlap->len, ==, 1);
  row = g_ptr_array_index (overlap, 0);
  g_assert_cmpstr (json_string (row, "rule"), ==, "overlap");
  g_assert_cmpstr (json_string (row, "severity"), ==, "notice");
  g_assert_cmpstr (json_string (row, "start"), ==, "2026-10-10");
  g_assert_cmpstr (json_string (row, "end"), ==, "2026-10-15");
  g_assert_cmpstr (json_number_text (row, "days"), ==, "6");
  assert_steps (row, f->housing1->id, f->housing2->id);
  g_assert_cmpstr (json_string (row, "agency"), ==, "Boendeenheten");
  g_assert_cmpstr (json_string (row, "agency_id"), ==, HOUSING_ID);
  g_assert_cmpstr (json_string (row, "actor"), ==, "the coordinator, Maria Lind");
  assert_like_analysis (row, f->overlap, 0);

  /* A plan-wide finding: no days, no steps, no agency. */
  secret = rows_for_plan (rows, f->secret->id);
  g_assert_cmpuint (secret->len, ==, 1);
  row = g_ptr_array_index (secret, 0);
  g_assert_cmpstr (json_string (row, "rule"), ==, "own-goal-missing");
  g_assert_cmpstr (json_string (row, "severity"), ==, "warning");
  g_assert_null (json_string (row, "start"));
  g_assert_null (json_string (row, "end"));
  assert_steps (row, NULL, NULL);
  g_assert_null (json_string (row, "agency"));
  g_assert_null (json_string (row, "agency_id"));
  assert_like_analysis (row, f->secret, 0);

  clean = rows_for_plan (rows, f->clean->id);
  g_assert_cmpuint (clean->len, ==, 0);
  g_assert_null (strstr (run->out, "Hemlig"));
}

/* The text says the same as the JSON, for people: grouped by plan, the
 * severity as a symbol and a word, the action and who takes it. */
static void
test_check_text (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(Run) json = check (f, "--format", "json", NULL);
  g_autoptr(Run) text = check (f, NULL);
  g_autoptr(GPtrArray) rows = rows_of (json);
  g_auto(GStrv) lines = NULL;
  guint n_lines;
  const char *gap_head, *overlap_head, *secret_head;

  assert_success (text);
  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      g_autofree char *action_line = g_strdup_printf ("→ %s (%s)", json_string (row, "action"),
                                               json_string (row, "actor"));

      g_assert_nonnull (strstr (text->out, json_string (row, "message")));
      g_assert_nonnull (strstr (text->out, action_line));
    }

  /* One heading per plan with findings, in the order of the names shown;
   * the protected person by the stand-in only. */
  gap_head = strstr (text->out, "Anna Ek – SIP – glapp efter avgiftning (plan ");
  overlap_head = strstr (text->out, "Bo Berg – SIP – två boenden (plan ");
  secret_head = strstr (text->out, "Protected identity – SIP – skyddad (plan ");
  g_assert_nonnull (gap_head);
  g_assert_nonnull (overlap_head);
  g_assert_nonnull (secret_head);
  g_assert_true (gap_head < overlap_head && overlap_head < secret_head);
  g_assert_nonnull (strstr (text->out, f->gap->id));
  g_assert_null (strstr (text->out, "Hemlig"));
  g_assert_null (strstr (text->out, "Vrångö"));
  g_assert_null (strstr (text->out, "Dan Dahl"));
  g_assert_null (strstr (text->out, f->clean->id));

  g_assert_nonnull (strstr (text->out, "\n  ✖ Critical  11–18 Sep  "));
  g_assert_nonnull (strstr (text->out, "\n  • Notice    10–15 Oct  "));
  g_assert_nonnull (strstr (text->out, "\n  ▲ Warning   "));

  lines = g_strsplit (text->out, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  g_assert_cmpstr (lines[n_lines - 2], ==,
                   "4 plans checked: 1 with critical findings, 1 with warnings but nothing "
                   "critical, 1 with notices only, 1 without findings.");
  for (guint i = 0; i < n_lines; i++)
    g_assert_false (g_str_has_suffix (lines[i], " "));
}

static void
test_check_csv (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(Run) csv = check (f, "--format", "csv", NULL);
  g_autoptr(Run) json = check (f, "--format", "json", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) rows = rows_of (json);
  g_autofree char *steps = NULL;

  assert_success (csv);
  g_assert_true (g_str_has_prefix (csv->out,
                                   "plan,rule,severity,start,end,steps,agency,message,action,actor\r\n"));
  g_assert_true (parse_csv (csv->out, records));
  g_assert_cmpuint (records->len, ==, 1 + rows->len);

  /* Row for row what the JSON says, in the same order. */
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (records, i + 1);
      GHashTable *row = g_ptr_array_index (rows, i);
      g_autofree char *joined = g_strjoinv (" ", (char **) json_strings (row, "steps"));
      const char *expected[] = {
        json_string (row, "plan"), json_string (row, "rule"), json_string (row, "severity"),
        json_string (row, "start"), json_string (row, "end"), joined, json_string (row, "agency"),
        json_string (row, "message"), json_string (row, "action"), json_string (row, "actor"),
      };

      g_assert_cmpuint (g_strv_length (fields), ==, G_N_ELEMENTS (expected));
      for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
        g_assert_cmpstr (fields[c], ==, expected[c] ? expected[c] : "");
    }
  steps = g_strconcat (",", f->detox->id, " ", f->treatment->id, ",", NULL);
  g_assert_nonnull (strstr (csv->out, steps));
}

static void
test_check_one_plan (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(Run) text = check (f, f->overlap->id, NULL);
  g_autoptr(Run) clean = check (f, f->clean->id, NULL);
  g_autoptr(Run) all = check (f, "--all", "--format", "json", NULL);
  g_autoptr(Run) implicit = check (f, "--format", "json", NULL);

  assert_success (text);
  g_assert_nonnull (strstr (text->out, "Bo Berg"));
  g_assert_null (strstr (text->out, "Anna Ek"));
  g_assert_true (g_str_has_suffix (text->out,
                                   "\n1 plan checked: 0 with critical findings, 0 with warnings "
                                   "but nothing critical, 1 with notices only, 0 without "
                                   "findings.\n"));

  /* Nothing found: only the summary. */
  assert_success (clean);
  g_assert_cmpstr (clean->out, ==,
                   "1 plan checked: 0 with critical findings, 0 with warnings but nothing "
                   "critical, 0 with notices only, 1 without findings.\n");

  /* --all is what no plan id means. */
  assert_success (all);
  g_assert_cmpstr (all->out, ==, implicit->out);
}

static void
test_check_fail_on (Fixture      *f,
                    gconstpointer data)
{
  struct {
    const char *plan;
    const char *fail_on;
    int         status;
  } cases[] = {
    { NULL, "critical", 3 },            /* the detox gap */
    { NULL, "warning", 3 },
    { f->gap->id, "critical", 3 },
    { f->gap->id, "warning", 3 },
    { f->secret->id, "critical", 0 },   /* a warning only */
    { f->secret->id, "warning", 3 },
    { f->overlap->id, "critical", 0 },  /* a notice only */
    { f->overlap->id, "warning", 0 },
    { f->clean->id, "warning", 0 },
    { f->gap->id, NULL, 0 },            /* without --fail-on, findings are no failure */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[6] = { NULL };
      guint n = 0;
      g_autoptr(Run) run = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      args[n++] = "--format";
      args[n++] = "json";
      if (cases[i].fail_on)
        {
          args[n++] = "--fail-on";
          args[n++] = cases[i].fail_on;
        }
      if (cases[i].plan)
        args[n++] = cases[i].plan;
      run = check (f, args[0], args[1], args[2], args[3], args[4], NULL);
      g_test_message ("case %u", i);
      g_assert_cmpint (run->status, ==, cases[i].status);
      /* The findings are written whatever the status. */
      rows = rows_of (run);
      g_assert_cmpuint (rows->len, ==, cases[i].plan == f->clean->id ? 0 : cases[i].plan ? 1 : 3);
    }
}

/* A threshold from the command line beats the database's, and the
 * database's beats the default. */
static void
test_check_settings (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(Run) stricter = check (f, "--format", "json", "--fail-on", "critical", "--setting",
                                   "gap-days-after-residential=10", f->gap->id, NULL);
  g_autoptr(Run) from_db = NULL, overridden = NULL, broken = NULL;
  g_autoptr(GPtrArray) rows = rows_of (stricter);
  GHashTable *row;

  /* 8 days after a residential step is within 10, and within 14. */
  g_assert_cmpint (stricter->status, ==, 0);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (json_string (row, "rule"), ==, "uncovered-days");
  g_assert_cmpstr (json_string (row, "severity"), ==, "warning");
  g_assert_cmpstr (json_string (row, "start"), ==, "2026-09-11");

  set_setting (f->base.db, "gap-days-after-residential", "10");
  from_db = check (f, "--format", "json", "--fail-on", "critical", f->gap->id, NULL);
  g_assert_cmpint (from_db->status, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of (from_db);
  g_assert_cmpstr (json_string (g_ptr_array_index (rows, 0), "severity"), ==, "warning");

  /* Two --setting options, the last of a key winning like any option. */
  overridden = check (f, "--format", "json", "--fail-on", "critical", "--setting", "gap-days=20",
                      "--setting", "gap-days-after-residential=7", f->gap->id, NULL);
  g_assert_cmpint (overridden->status, ==, 3);

  /* A value in the database the analysis cannot use is an error that
   * names the key, not a silent default. */
  set_setting (f->base.db, "gap-days-after-residential", "en vecka");
  broken = check (f, f->gap->id, NULL);
  assert_fails (broken, "gap-days-after-residential");
}

static void
test_check_errors (Fixture      *f,
                   gconstpointer data)
{
  const char *db = f->base.db, *empty = f->base.empty;
  struct {
    const char *args[9];
    const char *mentions;
  } cases[] = {
    { { "--database", empty, "check", "--fail-on", "notice", NULL }, "notice" },
    { { "--database", empty, "check", "--fail-on", "Critical", NULL }, "--fail-on" },
    { { "--database", empty, "check", "--format", "xml", NULL }, "xml" },
    { { "--database", empty, "check", "--setting", "gap-days", NULL }, "gap-days" },
    { { "--database", empty, "check", "--setting", "=3", NULL }, "--setting" },
    { { "--database", empty, "check", "--setting", "gap-dayz=3", NULL }, "gap-dayz" },
    { { "--database", empty, "check", "--setting", "gap-days=two", NULL }, "two" },
    { { "--database", empty, "check", "--setting", "gap-days=-1", NULL }, "gap-days" },
    { { "--database", empty, "check", "--setting", "overlap-phases=sleep", NULL }, "sleep" },
    { { "--database", empty, "check", "--today", "2026-02-30", NULL }, "2026-02-30" },
    { { "--database", empty, "check", "--all", NO_PLAN_ID, NULL }, "--all" },
    { { "--database", empty, "check", "a", "b", NULL }, "“b”" },
    { { "--database", empty, "check", "--colour", NULL }, "--colour" },
    { { "--database", db, "check", NO_PLAN_ID, NULL }, NO_PLAN_ID },
    { { "--database", db, "check", "--fail-on", "critical", NO_PLAN_ID, NULL }, NO_PLAN_ID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli_argv (cases[i].args);

      g_test_message ("case %u: %s", i, run->err);
      assert_fails (run, cases[i].mentions);
    }
  /* Bad arguments are caught before a database is created. */
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
}

/* Every finding of a city's worth of demo plans comes out, as the
 * analysis has it, in the same order. */
static void
test_check_demo (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(KedjaDemoData) demo = kedja_demo_generate (60, 11, TODAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint expected = 0, i = 0;

  {
    g_autoptr(KedjaStore) store = kedja_store_open (f->base.empty, &error);
    g_assert_no_error (error);
    g_assert_true (kedja_store_save_all (store, demo->agencies, demo->plans, &error));
    g_assert_no_error (error);
  }
  run = run_cli ("--database", f->base.empty, "check", "--today", TODAY_TEXT, "--format", "json", NULL);
  assert_success (run);
  rows = rows_of (run);

  while (i < rows->len)
    {
      const char *plan_id = json_string (g_ptr_array_index (rows, i), "plan");
      KedjaPlan *plan = NULL;
      g_autoptr(GArray) findings = NULL;

      for (guint p = 0; p < demo->plans->len && plan == NULL; p++)
        if (g_str_equal (((KedjaPlan *) g_ptr_array_index (demo->plans, p))->id, plan_id))
          plan = g_ptr_array_index (demo->plans, p);
      if (plan == NULL)
        g_error ("the output lists “%s”, which is no plan of the demo", plan_id);
      /* Each plan's findings together, once. */
      g_assert_true (g_hash_table_add (seen, plan->id));

      findings = kedja_analyse (plan, NULL, TODAY);
      for (guint k = 0; k < findings->len; k++, i++)
        {
          GHashTable *row = g_ptr_array_index (rows, i);
          const KedjaFinding *finding = &g_array_index (findings, KedjaFinding, k);
          g_autofree char *start = kedja_date_to_string (finding->start);
          g_autofree char *end = kedja_date_to_string (finding->end);

          g_assert_cmpuint (i, <, rows->len);
          g_assert_cmpstr (json_string (row, "plan"), ==, plan->id);
          g_assert_cmpstr (json_string (row, "severity"), ==,
                           kedja_enum_to_nick (KEDJA_TYPE_SEVERITY, finding->severity));
          g_assert_cmpstr (json_string (row, "start"), ==, start);
          g_assert_cmpstr (json_string (row, "end"), ==, end);
          assert_steps (row, finding->step ? finding->step->id : NULL,
                        finding->next_step ? finding->next_step->id : NULL);
          assert_like_analysis (row, plan, k);
        }
    }
  for (guint p = 0; p < demo->plans->len; p++)
    {
      g_autoptr(GArray) findings = kedja_analyse (g_ptr_array_index (demo->plans, p), NULL, TODAY);
      expected += findings->len;
    }
  g_assert_cmpuint (rows->len, ==, expected);
  g_assert_cmpuint (expected, >, 0);
}

/* The user's language throughout, except the ids meant for programs. */
static void
test_check_swedish (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(Run) json = NULL, text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* The child sets LANGUAGE for itself and for the CLI it runs. */
  if (!kedja_test_in_language ("sv"))
    return;

  json = check (f, "--format", "json", NULL);
  text = check (f, NULL);
  assert_success (json);
  assert_success (text);
  rows = rows_of (json);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      const char *plan_id = json_string (row, "plan");
      const KedjaPlan *plan = g_str_equal (plan_id, f->gap->id)       ? f->gap
                              : g_str_equal (plan_id, f->overlap->id) ? f->overlap
                                                                      : f->secret;

      /* Messages as the analysis words them in Swedish. */
      assert_like_analysis (row, plan, 0);
      g_assert_nonnull (strstr (text->out, json_string (row, "message")));
    }
  /* Ids stay ids. */
  g_assert_nonnull (strstr (json->out, "\"severity\": \"critical\""));
  g_assert_nonnull (strstr (text->out, "✖ Kritisk"));
  g_assert_nonnull (strstr (text->out, "▲ Varning"));
  g_assert_nonnull (strstr (text->out, "• Notering"));
  g_assert_nonnull (strstr (text->out, "Skyddad identitet"));
  g_assert_null (strstr (text->out, "Critical"));
  g_assert_null (strstr (text->out, "Protected identity"));
}

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, set_up, func) \
  g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)

  ADD ("/cli/check/json", check_set_up, test_check_json);
  ADD ("/cli/check/text", check_set_up, test_check_text);
  ADD ("/cli/check/csv", check_set_up, test_check_csv);
  ADD ("/cli/check/one-plan", check_set_up, test_check_one_plan);
  ADD ("/cli/check/fail-on", check_set_up, test_check_fail_on);
  ADD ("/cli/check/settings", check_set_up, test_check_settings);
  ADD ("/cli/check/errors", check_set_up, test_check_errors);
  ADD ("/cli/check/demo", fixture_set_up, test_check_demo);
  ADD ("/cli/check/swedish", check_set_up, test_check_swedish);

#undef ADD
  return g_test_run ();
}
