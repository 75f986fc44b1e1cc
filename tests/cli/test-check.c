/* test-check.c — `kedja-cli check`, `report` and `bench` as a user runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The databases here are made by hand, plan by plan, each with one known
 * problem, so that every finding and every figure the CLI prints can be
 * asserted exactly — and the arithmetic behind the report's figures is
 * written next to the plans that make them.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-store.h"
#include "kedja-test-lang.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)
#define TODAY      D (2026, 10, 1)
#define TODAY_TEXT "2026-10-01"

#define SOCIAL_ID  "a9c1e7a0-51c3-4c1e-9d4e-000000000001"
#define CLINIC_ID  "a9c1e7a0-51c3-4c1e-9d4e-000000000002"
#define HOUSING_ID "a9c1e7a0-51c3-4c1e-9d4e-000000000003"
#define PEER_ID    "a9c1e7a0-51c3-4c1e-9d4e-000000000004"
#define NO_PLAN_ID "4b1d3c2a-0000-4000-8000-000000000000"

static const struct {
  const char     *id;
  const char     *name;
  KedjaAgencyKind kind;
} agencies[] = {
  { SOCIAL_ID, "Socialtjänsten Centrum", KEDJA_AGENCY_KIND_SOCIAL_SERVICES },
  { CLINIC_ID, "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE },
  { HOUSING_ID, "Boendeenheten", KEDJA_AGENCY_KIND_HOUSING },
  { PEER_ID, "Kamratföreningen 2603", KEDJA_AGENCY_KIND_CIVIL_SOCIETY },
};

/* ------------------------------------------------------- plans by hand */

static void
use_agency (KedjaPlan  *plan,
            const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (g_str_equal (agencies[i].id, id))
      {
        g_autoptr(KedjaAgency) agency = kedja_agency_new (id, agencies[i].name, agencies[i].kind);
        kedja_plan_add_agency (plan, agency);
        return;
      }
  g_assert_not_reached ();
}

/* A plan with nothing wrong in itself: coordinated, followed up, with the
 * client's own goal. The steps added decide the rest. */
static KedjaPlan *
new_plan (const char     *client,
          const char     *district,
          KedjaPlanStatus status,
          const char     *title)
{
  KedjaPlan *plan = kedja_plan_new (NULL, kedja_client_new (NULL, client), title);

  plan->status = status;
  plan->created = D (2026, 6, 1);
  plan->client->district = g_strdup (district);
  plan->own_goal = g_strdup ("Att ha ett eget hem och ett jobb");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 1);
  use_agency (plan, SOCIAL_ID);
  return plan;
}

/* A step as it stands on TODAY: done, going on or ahead. The need is
 * recorded five days before the first step, so no plan waits long. */
static KedjaStep *
add_step (KedjaPlan       *plan,
          KedjaPhase       phase,
          KedjaCareSetting setting,
          const char      *agency_id,
          const char      *title,
          KedjaDate        start,
          KedjaDate        end)
{
  KedjaStep *step = kedja_step_new (NULL, phase, title);

  step->setting = setting;
  step->agency_id = g_strdup (agency_id);
  step->planned_start = start;
  step->planned_end = end;
  if (end != KEDJA_DATE_NONE && end < TODAY)
    {
      step->status = KEDJA_STEP_STATUS_COMPLETED;
      step->actual_start = start;
      step->actual_end = end;
    }
  else if (start <= TODAY)
    {
      step->status = KEDJA_STEP_STATUS_ONGOING;
      step->actual_start = start;
    }
  else
    step->status = KEDJA_STEP_STATUS_BOOKED;
  use_agency (plan, agency_id);
  g_ptr_array_add (plan->steps, step);
  if (plan->need_recorded == KEDJA_DATE_NONE || start - 5 < plan->need_recorded)
    plan->need_recorded = start - 5;
  return step;
}

static void
add_consent (KedjaPlan  *plan,
             const char *agency_id)
{
  g_ptr_array_add (plan->consents,
                   kedja_consent_new (agency_id, D (2026, 6, 1), KEDJA_CONSENT_FORM_WRITTEN));
}

static void
add_handover (KedjaPlan       *plan,
              const KedjaStep *from,
              const KedjaStep *to,
              KedjaDate        planned,
              KedjaDate        confirmed)
{
  KedjaHandover *handover = kedja_handover_new (from->id, to->id, planned);

  handover->confirmed = confirmed;
  if (confirmed != KEDJA_DATE_NONE)
    handover->confirmed_by = g_strdup ("Eva Holm");
  g_ptr_array_add (plan->handovers, handover);
}

static void
save_plans (const char *path,
            GPtrArray  *plans)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (kedja_store_save_plans (store, plans, &error));
  g_assert_no_error (error);
}

static void
set_setting (const char *path,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (kedja_store_set_setting (store, key, value, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------- fixtures */

typedef struct {
  char      *dir;
  char      *db;
  char      *empty;      /* a path where no database exists yet */
  GPtrArray *plans;      /* as saved */
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
  f->dir = make_test_dir ();
  f->db = g_build_filename (f->dir, "kedja.db", NULL);
  f->empty = g_build_filename (f->dir, "empty.db", NULL);
  f->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->empty);
  g_ptr_array_unref (f->plans);
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
  g_ptr_array_add (f->plans, f->gap);

  /* 10–15 Oct in both housing steps: 6 days of overlap. */
  f->overlap = new_plan ("Bo Berg", "Lundby", KEDJA_PLAN_STATUS_ACTIVE, "SIP – två boenden");
  f->housing1 = add_step (f->overlap, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID,
                          "Boendestöd", D (2026, 9, 1), D (2026, 10, 15));
  f->housing2 = add_step (f->overlap, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID,
                          "Träningslägenhet", D (2026, 10, 10), KEDJA_DATE_NONE);
  add_consent (f->overlap, HOUSING_ID);
  g_ptr_array_add (f->plans, f->overlap);

  f->secret = new_plan ("Hemlig Hemligsson", "Vrångö", KEDJA_PLAN_STATUS_ACTIVE, "SIP – skyddad");
  f->secret->client->protected_identity = TRUE;
  g_clear_pointer (&f->secret->own_goal, g_free);
  add_step (f->secret, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Boendestöd",
            D (2026, 9, 1), KEDJA_DATE_NONE);
  add_consent (f->secret, HOUSING_ID);
  g_ptr_array_add (f->plans, f->secret);

  f->clean = new_plan ("Dan Dahl", "Angered", KEDJA_PLAN_STATUS_ACTIVE, "SIP – utan avvikelser");
  add_step (f->clean, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Egen lägenhet",
            D (2026, 9, 1), KEDJA_DATE_NONE);
  add_consent (f->clean, HOUSING_ID);
  g_ptr_array_add (f->plans, f->clean);

  save_plans (f->db, f->plans);
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
  g_ptr_array_add (args, f->db);
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
      g_autofree char *todo = g_strdup_printf ("→ %s (%s)", json_string (row, "action"),
                                               json_string (row, "actor"));

      g_assert_nonnull (strstr (text->out, json_string (row, "message")));
      g_assert_nonnull (strstr (text->out, todo));
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

  set_setting (f->db, "gap-days-after-residential", "10");
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
  set_setting (f->db, "gap-days-after-residential", "en vecka");
  broken = check (f, f->gap->id, NULL);
  assert_fails (broken, "gap-days-after-residential");
}

static void
test_check_errors (Fixture      *f,
                   gconstpointer data)
{
  const char *db = f->db, *empty = f->empty;
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
    g_autoptr(KedjaStore) store = kedja_store_open (f->empty, &error);
    g_assert_no_error (error);
    g_assert_true (kedja_store_save_all (store, demo->agencies, demo->plans, &error));
    g_assert_no_error (error);
  }
  run = run_cli ("--database", f->empty, "check", "--today", TODAY_TEXT, "--format", "json", NULL);
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

/* --------------------------------------------------------------- report */

/*
 * Three districts and plans without one, on TODAY (1 Oct 2026), with the
 * figures worked out by hand. "Gap" is the days from a detox or inpatient
 * treatment step's end to the next step that starts (0 when a step covers
 * the day after). Handovers count when the sending step has ended;
 * "in time" means confirmed by the sender's last day.
 *
 * Angered — active 3 (the draft is not counted)
 *   A1 detox 1–10 Sep → treatment 11 Sep: gap 0; handover confirmed 10 Sep,
 *      in time; nothing found.
 *   A2 detox 1–10 Sep → treatment 14 Sep: gap 3; handover confirmed 12 Sep,
 *      late: released-before-taken-over, critical.
 *   A3 detox 1–10 Sep → inpatient treatment 19–25 Sep → housing 1 Oct:
 *      gaps 8 (detox) and 5 (residential); handover detox → treatment
 *      confirmed 5 Sep, in time; no consent for the housing agency:
 *      critical, and not full consent.
 *   A4 a draft with a 20-day gap after detox: left out.
 *   critical 2; detox gaps 0, 3, 8 → median 3, p90 the ⌈2.7⌉ = 3rd = 8;
 *   residential 5 → 5, 5; handovers 2 of 3 in time → 0.667 (67 %);
 *   full consent 2 of 3 → 0.667 (67 %).
 *
 * Centrum — active 2
 *   C1 detox 1–5 Aug → treatment 8–20 Aug → detox 25–30 Aug → housing
 *      2 Sep: detox gaps 2 (6–7 Aug) and 2 (31 Aug–1 Sep); warnings only.
 *   C2 housing from 1 Sep; nothing found.
 *   critical 0; detox gaps 2, 2 → median 2, p90 2; residential none (null);
 *   handovers none (null); full consent 2 of 2 → 1 (100 %).
 *
 * Lundby — active 3 (the closed plan is not counted)
 *   L1 detox 1–5 Sep and nothing after it: no-next-step, critical; the
 *      step followed by nothing is left out of the gaps.
 *   L2 inpatient treatment 1–31 Aug → housing 1 Sep: gap 0; handover never
 *      confirmed: critical.
 *   L3 inpatient treatment 1–20 Aug → housing 1 Sep: gap 11: critical;
 *      handover confirmed 15 Aug, in time.
 *   L4 closed, with a detox gap of 30 days: left out.
 *   critical 3; detox gaps none (null); residential 0, 11 → median 5.5,
 *   p90 the ⌈1.8⌉ = 2nd = 11; handovers 1 of 2 → 0.5 (50 %); full
 *   consent 3 of 3 → 1 (100 %).
 *
 * (no district) — active 2
 *   N1 detox 1–10 Sep with peer support from 5 Sep running on: gap 0.
 *   N2 protected identity living in Vrångö — counted here, since a
 *      district must not give a protected person away: detox 1–10 Sep →
 *      treatment 12 Sep: gap 1; no consent for the clinic: critical.
 *   critical 1; detox gaps 0, 1 → median 0.5, p90 the 2nd = 1; residential
 *   none; handovers none; full consent 1 of 2 → 0.5 (50 %).
 *
 * City total — active 10, critical 6; detox gaps 0 0 1 2 2 3 8 → median
 * the 4th = 2, p90 the ⌈6.3⌉ = 7th = 8; residential 0 5 11 → median 5,
 * p90 the 3rd = 11; handovers 3 of 5 → 60 %; full consent 8 of 10 → 80 %.
 */
static void
report_set_up (Fixture      *f,
               gconstpointer data)
{
  KedjaPlan *p;
  KedjaStep *a, *b;

  fixture_set_up (f, data);

  p = new_plan ("Ali Aziz", "Angered", KEDJA_PLAN_STATUS_ACTIVE, "A1");
  a = add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
                D (2026, 9, 1), D (2026, 9, 10));
  b = add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID, "Öppenvård",
                D (2026, 9, 11), KEDJA_DATE_NONE);
  add_handover (p, a, b, D (2026, 9, 11), D (2026, 9, 10));
  add_consent (p, CLINIC_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Alva Berg", "Angered", KEDJA_PLAN_STATUS_ACTIVE, "A2");
  a = add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
                D (2026, 9, 1), D (2026, 9, 10));
  b = add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID, "Öppenvård",
                D (2026, 9, 14), KEDJA_DATE_NONE);
  add_handover (p, a, b, D (2026, 9, 14), D (2026, 9, 12));
  add_consent (p, CLINIC_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Amir Ceylan", "Angered", KEDJA_PLAN_STATUS_ACTIVE, "A3");
  a = add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
                D (2026, 9, 1), D (2026, 9, 10));
  b = add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Behandlingshem",
                D (2026, 9, 19), D (2026, 9, 25));
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Träningslägenhet",
            D (2026, 10, 1), KEDJA_DATE_NONE);
  add_handover (p, a, b, D (2026, 9, 19), D (2026, 9, 5));
  add_consent (p, CLINIC_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Anja Dahl", "Angered", KEDJA_PLAN_STATUS_DRAFT, "A4");
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 9, 1), D (2026, 9, 10));
  add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID, "Öppenvård",
            D (2026, 10, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Cecilia Ek", "Centrum", KEDJA_PLAN_STATUS_ACTIVE, "C1");
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 8, 1), D (2026, 8, 5));
  add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID, "Öppenvård",
            D (2026, 8, 8), D (2026, 8, 20));
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Ny avgiftning",
            D (2026, 8, 25), D (2026, 8, 30));
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Boendestöd",
            D (2026, 9, 2), KEDJA_DATE_NONE);
  add_consent (p, CLINIC_ID);
  add_consent (p, HOUSING_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Carl Falk", "Centrum", KEDJA_PLAN_STATUS_ACTIVE, "C2");
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Egen lägenhet",
            D (2026, 9, 1), KEDJA_DATE_NONE);
  add_consent (p, HOUSING_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Lars Gran", "Lundby", KEDJA_PLAN_STATUS_ACTIVE, "L1");
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 9, 1), D (2026, 9, 5));
  add_consent (p, CLINIC_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Lena Holm", "Lundby", KEDJA_PLAN_STATUS_ACTIVE, "L2");
  a = add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID,
                "Behandlingshem", D (2026, 8, 1), D (2026, 8, 31));
  b = add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Träningslägenhet",
                D (2026, 9, 1), KEDJA_DATE_NONE);
  add_handover (p, a, b, D (2026, 9, 1), KEDJA_DATE_NONE);
  add_consent (p, CLINIC_ID);
  add_consent (p, HOUSING_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Lisa Ivarsson", "Lundby", KEDJA_PLAN_STATUS_ACTIVE, "L3");
  a = add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID,
                "Behandlingshem", D (2026, 8, 1), D (2026, 8, 20));
  b = add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, HOUSING_ID, "Träningslägenhet",
                D (2026, 9, 1), KEDJA_DATE_NONE);
  add_handover (p, a, b, D (2026, 9, 1), D (2026, 8, 15));
  add_consent (p, CLINIC_ID);
  add_consent (p, HOUSING_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Leo Jansson", "Lundby", KEDJA_PLAN_STATUS_CLOSED, "L4");
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 7, 1), D (2026, 7, 10));
  add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID, "Öppenvård",
            D (2026, 8, 10), D (2026, 9, 10));
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Nora Kvist", NULL, KEDJA_PLAN_STATUS_ACTIVE, "N1");
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 9, 1), D (2026, 9, 10));
  add_step (p, KEDJA_PHASE_SUPPORT, KEDJA_CARE_SETTING_NONE, PEER_ID, "Kamratstöd",
            D (2026, 9, 5), KEDJA_DATE_NONE);
  add_consent (p, CLINIC_ID);
  add_consent (p, PEER_ID);
  g_ptr_array_add (f->plans, p);

  p = new_plan ("Hemlig Hemligsson", "Vrångö", KEDJA_PLAN_STATUS_ACTIVE, "N2");
  p->client->protected_identity = TRUE;
  add_step (p, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 9, 1), D (2026, 9, 10));
  add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID, "Öppenvård",
            D (2026, 9, 12), KEDJA_DATE_NONE);
  g_ptr_array_add (f->plans, p);

  save_plans (f->db, f->plans);
}

typedef struct {
  const char *district;  /* NULL: no district */
  const char *active, *critical;
  const char *detox_median, *detox_p90, *residential_median, *residential_p90;
  double      handovers, consent;  /* < 0: null */
  /* The text row, cell by cell. */
  const char *text[9];
} Expected;

static const Expected expected_rows[] = {
  { "Angered", "3", "2", "3", "8", "5", "5", 2.0 / 3, 2.0 / 3,
    { "Angered", "3", "2", "3", "8", "5", "5", "67 %", "67 %" } },
  { "Centrum", "2", "0", "2", "2", NULL, NULL, -1, 1,
    { "Centrum", "2", "0", "2", "2", "–", "–", "–", "100 %" } },
  { "Lundby", "3", "3", NULL, NULL, "5.5", "11", 0.5, 1,
    { "Lundby", "3", "3", "–", "–", "5.5", "11", "50 %", "100 %" } },
  { NULL, "2", "1", "0.5", "1", NULL, NULL, -1, 0.5,
    { "(no district)", "2", "1", "0.5", "1", "–", "–", "–", "50 %" } },
};

static void
assert_figure (GHashTable *row,
               const char *key,
               const char *expected)
{
  double value;

  if (expected == NULL)
    g_assert_false (json_number (row, key, &value));
  else
    g_assert_cmpstr (json_number_text (row, key), ==, expected);
}

static void
assert_share (GHashTable *row,
              const char *key,
              double      expected)
{
  double value = -1;

  if (expected < 0)
    g_assert_false (json_number (row, key, &value));
  else
    {
      g_assert_true (json_number (row, key, &value));
      g_assert_cmpfloat_with_epsilon (value, expected, 1e-12);
    }
}

static void
test_report_json (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", f->db, "report", "--by", "district", "--today",
                                TODAY_TEXT, "--format", "json", NULL);
  g_autoptr(GPtrArray) rows = NULL;

  assert_success (run);
  rows = parse_json_rows (run->out);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected_rows));
  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      const Expected *e = &expected_rows[i];

      g_test_message ("row %u", i);
      g_assert_cmpuint (g_hash_table_size (row), ==, 9);
      g_assert_cmpstr (json_string (row, "district"), ==, e->district);
      g_assert_cmpstr (json_number_text (row, "active"), ==, e->active);
      g_assert_cmpstr (json_number_text (row, "critical"), ==, e->critical);
      assert_figure (row, "detox_gap_median", e->detox_median);
      assert_figure (row, "detox_gap_p90", e->detox_p90);
      assert_figure (row, "residential_gap_median", e->residential_median);
      assert_figure (row, "residential_gap_p90", e->residential_p90);
      assert_share (row, "handovers_confirmed_share", e->handovers);
      assert_share (row, "consent_share", e->consent);
    }
  /* Where a protected person lives stays unsaid, even in a count. */
  g_assert_null (strstr (run->out, "Vrångö"));
}

static void
assert_text_row (const char        *line,
                 const char *const  cells[9])
{
  g_auto(GStrv) got = g_regex_split_simple ("  +", line, 0, 0);

  g_test_message ("row: %s", line);
  g_assert_cmpuint (g_strv_length (got), ==, 9);
  for (guint c = 0; c < 9; c++)
    g_assert_cmpstr (got[c], ==, cells[c]);
}

static void
test_report_text (Fixture      *f,
                  gconstpointer data)
{
  static const char *const total[9] = { "City total", "10", "6", "2", "8", "5", "11", "60 %", "80 %" };
  g_autoptr(Run) run = run_cli ("--database", f->db, "report", "--today", TODAY_TEXT, NULL);
  g_auto(GStrv) lines = NULL;
  const char *active_header;
  guint n;

  assert_success (run);
  lines = g_strsplit (run->out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 7);

  /* A header, one row per district in order, a rule, the city. */
  g_assert_true (g_str_has_prefix (lines[0], "District "));
  for (const char *const *h = (const char *const[]) { "Active", "Critical", "Detox: median",
                                                      "Detox: p90", "Residential: median",
                                                      "Residential: p90", "Handovers confirmed",
                                                      "Full consent", NULL };
       *h; h++)
    g_assert_nonnull (strstr (lines[0], *h));
  for (guint i = 0; i < G_N_ELEMENTS (expected_rows); i++)
    assert_text_row (lines[1 + i], expected_rows[i].text);
  g_assert_true (g_str_has_prefix (lines[5], "───"));
  assert_text_row (lines[6], total);

  /* Figures right-aligned under their headers: every row ends where the
   * header ends, and the active count ends under "Active". */
  active_header = strstr (lines[0], "Active");
  for (guint i = 1; i <= 6; i++)
    {
      g_assert_cmpuint (g_utf8_strlen (lines[i], -1), ==, g_utf8_strlen (lines[0], -1));
      if (i != 5)
        g_assert_true (g_ascii_isdigit (lines[i][active_header - lines[0] + strlen ("Active") - 1]));
    }
  g_assert_null (strstr (run->out, "Vrångö"));
  g_assert_null (strstr (run->out, "Hemlig"));
}

static void
test_report_csv (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", f->db, "report", "--by", "district", "--today",
                                TODAY_TEXT, "--format", "csv", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  assert_success (run);
  g_assert_true (parse_csv (run->out, records));
  g_assert_cmpuint (records->len, ==, 1 + G_N_ELEMENTS (expected_rows));
  g_assert_true (g_str_has_prefix (run->out,
                                   "district,active,critical,detox_gap_median,detox_gap_p90,"
                                   "residential_gap_median,residential_gap_p90,"
                                   "handovers_confirmed_share,consent_share\r\n"));
  g_assert_nonnull (strstr (run->out, "\r\nAngered,3,2,3,8,5,5,0.6666666666666666,0.6666666666666666\r\n"));
  g_assert_nonnull (strstr (run->out, "\r\nCentrum,2,0,2,2,,,,1\r\n"));
  g_assert_nonnull (strstr (run->out, "\r\nLundby,3,3,,,5.5,11,0.5,1\r\n"));
  g_assert_true (g_str_has_suffix (run->out, "\r\n,2,1,0.5,1,,,,0.5\r\n"));
}

/* The database's thresholds count, and --setting beats them. With no gap
 * days allowed at all, Centrum's C1 (gaps of 2, 4 and 2 days, warnings
 * by default) turns critical; nothing else changes, since every other plan
 * with a gap is critical already or has none. */
static void
test_report_settings (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(Run) from_db = NULL, overridden = NULL, broken = NULL;
  g_autoptr(GPtrArray) strict_rows = NULL, default_rows = NULL;

  set_setting (f->db, "gap-days", "0");
  from_db = run_cli ("--database", f->db, "report", "--today", TODAY_TEXT, "--format", "json",
                     NULL);
  assert_success (from_db);
  strict_rows = parse_json_rows (from_db->out);
  g_assert_nonnull (strict_rows);
  g_assert_cmpstr (json_string (g_ptr_array_index (strict_rows, 1), "district"), ==, "Centrum");
  g_assert_cmpstr (json_number_text (g_ptr_array_index (strict_rows, 1), "critical"), ==, "1");
  g_assert_cmpstr (json_number_text (g_ptr_array_index (strict_rows, 0), "critical"), ==, "2");
  g_assert_cmpstr (json_number_text (g_ptr_array_index (strict_rows, 2), "critical"), ==, "3");
  g_assert_cmpstr (json_number_text (g_ptr_array_index (strict_rows, 3), "critical"), ==, "1");

  overridden = run_cli ("--database", f->db, "report", "--today", TODAY_TEXT, "--format", "json",
                        "--setting", "gap-days=14", NULL);
  assert_success (overridden);
  default_rows = parse_json_rows (overridden->out);
  g_assert_nonnull (default_rows);
  g_assert_cmpstr (json_number_text (g_ptr_array_index (default_rows, 1), "critical"), ==, "0");

  set_setting (f->db, "gap-days", "many");
  broken = run_cli ("--database", f->db, "report", "--today", TODAY_TEXT, NULL);
  assert_fails (broken, "gap-days");
}

static void
test_report_errors (Fixture      *f,
                    gconstpointer data)
{
  const char *empty = f->empty;
  struct {
    const char *args[9];
    const char *mentions;
  } cases[] = {
    { { "--database", empty, "report", "--by", "agency", NULL }, "agency" },
    { { "--database", empty, "report", "--by", "", NULL }, "--by" },
    { { "--database", empty, "report", "--format", "html", NULL }, "html" },
    { { "--database", empty, "report", "--today", "1 Oct", NULL }, "--today" },
    { { "--database", empty, "report", "--setting", "gap-days=x", NULL }, "gap-days" },
    { { "--database", empty, "report", "district", NULL }, "district" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli_argv (cases[i].args);

      g_test_message ("case %u: %s", i, run->err);
      assert_fails (run, cases[i].mentions);
    }
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
}

/* ---------------------------------------------------------------- bench */

/* The benchmark's table: no timings asserted (they are not repeatable),
 * only that it measured what it says, and that no database took part. */
static void
test_bench (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", f->empty, "bench", "gaps", "--sizes", "30,12",
                                "--repeat", "3", "--seed", "5", "--today", "2026-11-29", NULL);
  g_auto(GStrv) lines = NULL;
  guint sizes[] = { 30, 12 };

  assert_success (run);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Gap analysis, median of 3 runs (seed 5, today 2026-11-29)");
  g_assert_nonnull (strstr (lines[1], "Plans"));
  g_assert_nonnull (strstr (lines[1], "Median ms"));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(KedjaDemoData) demo = kedja_demo_generate (sizes[i], 5, D (2026, 11, 29));
      g_auto(GStrv) cells = g_regex_split_simple (" +", g_strstrip (lines[2 + i]), 0, 0);
      g_autofree char *plans = g_strdup_printf ("%u", sizes[i]);
      g_autofree char *steps = NULL, *findings = NULL;
      guint n_steps = 0, n_findings = 0;

      for (guint p = 0; p < demo->plans->len; p++)
        {
          KedjaPlan *plan = g_ptr_array_index (demo->plans, p);
          g_autoptr(GArray) found = kedja_analyse (plan, NULL, D (2026, 11, 29));

          n_steps += plan->steps->len;
          n_findings += found->len;
        }
      steps = g_strdup_printf ("%u", n_steps);
      findings = g_strdup_printf ("%u", n_findings);
      g_assert_cmpuint (g_strv_length (cells), ==, 5);
      g_assert_cmpstr (cells[0], ==, plans);
      g_assert_cmpstr (cells[1], ==, steps);
      g_assert_cmpstr (cells[2], ==, findings);
    }
  g_assert_true (g_str_has_prefix (lines[4], "30 plans against 12: "));
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_false (g_file_test (f->empty, G_FILE_TEST_EXISTS));
}

static void
test_bench_errors (Fixture      *f,
                   gconstpointer data)
{
  const char *empty = f->empty;
  struct {
    const char *args[9];
    const char *mentions;
  } cases[] = {
    { { "--database", empty, "bench", NULL }, "gaps" },
    { { "--database", empty, "bench", "frames", NULL }, "frames" },
    { { "--database", empty, "bench", "gaps", "more", NULL }, "more" },
    { { "--database", empty, "bench", "gaps", "--sizes", "0", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--sizes", "", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--sizes", "10,,20", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--sizes", "2000000", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--repeat", "0", NULL }, "--repeat" },
    { { "--database", empty, "bench", "gaps", "--seed", "x", NULL }, "--seed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli_argv (cases[i].args);

      g_test_message ("case %u: %s", i, run->err);
      assert_fails (run, cases[i].mentions);
    }
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
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
  ADD ("/cli/report/json", report_set_up, test_report_json);
  ADD ("/cli/report/text", report_set_up, test_report_text);
  ADD ("/cli/report/csv", report_set_up, test_report_csv);
  ADD ("/cli/report/settings", report_set_up, test_report_settings);
  ADD ("/cli/report/errors", fixture_set_up, test_report_errors);
  ADD ("/cli/bench/table", fixture_set_up, test_bench);
  ADD ("/cli/bench/errors", fixture_set_up, test_bench_errors);

#undef ADD
  return g_test_run ();
}
