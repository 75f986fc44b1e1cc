/* test-report-command.c — `kedja-cli report` as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database here is made by hand (see cli-test-util.h): three districts
 * and plans without one, each plan with a known problem or none, so that
 * every figure the report prints can be asserted exactly — and the
 * arithmetic behind the figures is written next to the plans that make
 * them.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "kedja-core.h"

/* ------------------------------------------------------- plans by hand */

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

/* ------------------------------------------------------------- fixtures */

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
report_set_up (CliFixture   *f,
               gconstpointer data)
{
  KedjaPlan *p;
  KedjaStep *a, *b;

  cli_fixture_set_up (f, data);

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

/* --------------------------------------------------------------- report */

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
test_report_json (CliFixture   *f,
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
test_report_text (CliFixture   *f,
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
test_report_csv (CliFixture   *f,
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
test_report_settings (CliFixture   *f,
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
test_report_errors (CliFixture   *f,
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

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, set_up, func) \
  g_test_add (path, CliFixture, NULL, set_up, func, cli_fixture_tear_down)

  ADD ("/cli/report/json", report_set_up, test_report_json);
  ADD ("/cli/report/text", report_set_up, test_report_text);
  ADD ("/cli/report/csv", report_set_up, test_report_csv);
  ADD ("/cli/report/settings", report_set_up, test_report_settings);
  ADD ("/cli/report/errors", cli_fixture_set_up, test_report_errors);

#undef ADD
  return g_test_run ();
}
