/* test-report.c — the city's overview per district, computed directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans made in memory, with the figures worked out by hand next to them.
 * Today is 1 Oct 2026 throughout.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "kedja-core.h"
#include "kedja-report.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)
#define TODAY      D (2026, 10, 1)
#define SOCIAL_ID  "a9c1e7a0-51c3-4c1e-9d4e-000000000001"
#define CLINIC_ID  "a9c1e7a0-51c3-4c1e-9d4e-000000000002"

/* ------------------------------------------------------------- helpers */

/* An active plan that the analysis finds nothing wrong with until steps
 * are added: coordinated, followed up, with an own goal, and consent for
 * the clinic that runs every step. */
static KedjaPlan *
new_plan (const char     *district,
          KedjaPlanStatus status)
{
  KedjaPlan *plan = kedja_plan_new (NULL, kedja_client_new (NULL, "Testperson"), "SIP");
  g_autoptr(KedjaAgency) social = kedja_agency_new (SOCIAL_ID, "Socialtjänsten",
                                                    KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  g_autoptr(KedjaAgency) clinic = kedja_agency_new (CLINIC_ID, "Beroendekliniken",
                                                    KEDJA_AGENCY_KIND_ADDICTION_CARE);

  plan->status = status;
  plan->created = D (2026, 1, 1);
  plan->client->district = g_strdup (district);
  plan->own_goal = g_strdup ("Ett eget hem");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 1);
  kedja_plan_add_agency (plan, social);
  kedja_plan_add_agency (plan, clinic);
  g_ptr_array_add (plan->consents,
                   kedja_consent_new (CLINIC_ID, D (2026, 1, 1), KEDJA_CONSENT_FORM_WRITTEN));
  return plan;
}

static KedjaStep *
add_step (KedjaPlan       *plan,
          KedjaPhase       phase,
          KedjaCareSetting setting,
          KedjaDate        start,
          KedjaDate        end)
{
  KedjaStep *step = kedja_step_new (NULL, phase, "Insats");

  step->setting = setting;
  step->agency_id = g_strdup (CLINIC_ID);
  step->planned_start = start;
  step->planned_end = end;
  step->status = end != KEDJA_DATE_NONE && end < TODAY ? KEDJA_STEP_STATUS_COMPLETED
                 : start <= TODAY                      ? KEDJA_STEP_STATUS_ONGOING
                                                       : KEDJA_STEP_STATUS_BOOKED;
  g_ptr_array_add (plan->steps, step);
  if (plan->need_recorded == KEDJA_DATE_NONE || start - 1 < plan->need_recorded)
    plan->need_recorded = start - 1;
  return step;
}

static KedjaStep *
add_detox (KedjaPlan *plan,
           KedjaDate  start,
           KedjaDate  end)
{
  return add_step (plan, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, start, end);
}

/* Outpatient treatment: neither residential nor a gap of its own. */
static KedjaStep *
add_outpatient (KedjaPlan *plan,
                KedjaDate  start,
                KedjaDate  end)
{
  return add_step (plan, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, start, end);
}

static KedjaHandover *
add_handover (KedjaPlan       *plan,
              const KedjaStep *from,
              const KedjaStep *to,
              KedjaDate        confirmed)
{
  KedjaHandover *handover = kedja_handover_new (from->id, to->id, kedja_step_get_start (to));

  handover->confirmed = confirmed;
  g_ptr_array_add (plan->handovers, handover);
  return handover;
}

static GPtrArray *
new_plans (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
}

static const KedjaDistrictFigures *
row (const KedjaDistrictReport *report,
     guint                      i)
{
  g_assert_cmpuint (i, <, report->districts->len);
  return &g_array_index (report->districts, KedjaDistrictFigures, i);
}

static void
assert_stats (const KedjaReportStats *stats,
              guint                   n,
              double                  median,
              double                  p90)
{
  g_assert_cmpuint (stats->n, ==, n);
  if (n == 0)
    return;
  g_assert_cmpfloat (stats->median, ==, median);
  g_assert_cmpfloat (stats->p90, ==, p90);
}

/* ------------------------------------------------------------ the tests */

/* Median: the middle value, or the mean of the two middle ones. p90: the
 * nearest rank, the value at position ⌈0.9·n⌉ in ascending order. */
static void
test_percentiles (void)
{
  KedjaReportStats stats;
  guint none[1] = { 0 };
  guint one[] = { 4 };
  guint two[] = { 9, 2 };                /* mean of 2 and 9; p90 the 2nd */
  guint three[] = { 5, 1, 3 };           /* p90 the ⌈2.7⌉ = 3rd */
  guint ten[] = { 7, 10, 1, 3, 9, 2, 8, 4, 6, 5 };  /* p90 the 9th, not the 10th */
  guint eleven[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 60 };  /* ⌈9.9⌉ = 10th */
  guint twenty[20];                      /* ⌈18⌉ = the 18th exactly */

  kedja_report_stats_compute (none, 0, &stats);
  g_assert_cmpuint (stats.n, ==, 0);

  kedja_report_stats_compute (one, 1, &stats);
  assert_stats (&stats, 1, 4, 4);

  kedja_report_stats_compute (two, 2, &stats);
  assert_stats (&stats, 2, 5.5, 9);

  kedja_report_stats_compute (three, 3, &stats);
  assert_stats (&stats, 3, 3, 5);

  kedja_report_stats_compute (ten, 10, &stats);
  assert_stats (&stats, 10, 5.5, 9);

  kedja_report_stats_compute (eleven, 11, &stats);
  assert_stats (&stats, 11, 0, 30);

  for (guint i = 0; i < 20; i++)
    twenty[i] = 20 - i;  /* 20 … 1 */
  kedja_report_stats_compute (twenty, 20, &stats);
  assert_stats (&stats, 20, 10.5, 18);
}

static void
test_share (void)
{
  double share = -1;

  g_assert_false (kedja_report_share (0, 0, &share));
  g_assert_cmpfloat (share, ==, -1);
  g_assert_true (kedja_report_share (2, 3, &share));
  g_assert_cmpfloat_with_epsilon (share, 2.0 / 3, 1e-12);
  g_assert_true (kedja_report_share (0, 4, &share));
  g_assert_cmpfloat (share, ==, 0);
}

/*
 * Gaps after detox and after inpatient treatment, one plan each:
 *   detox 1–10 Sep, outpatient 11 Sep →                          0
 *   detox 1–10 Sep, outpatient 14 Sep →                          3
 *   detox 1–10 Sep, nothing after at all →              left out
 *   detox 1–10 Sep, a cancelled step 11 Sep, outpatient 20 Sep → 9
 *   detox 1–10 Sep, outpatient 2–9 Sep (ends first), housing 15 Sep → 4
 *   detox 1–10 Sep, health care 1 Aug running on →               0
 *   detox 1 Sep with no end →                            left out
 *   inpatient treatment 1–20 Aug, housing 25 Aug → residential   4
 *   outpatient treatment 1–20 Aug, housing 25 Aug →      not residential
 * Detox: 0 0 3 4 9 → median 3, p90 ⌈4.5⌉ = 5th = 9. Residential: 4.
 */
static void
test_gaps (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL;
  KedjaPlan *p;
  KedjaStep *cancelled;

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (p, D (2026, 9, 11), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (p, D (2026, 9, 14), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  cancelled = add_outpatient (p, D (2026, 9, 11), KEDJA_DATE_NONE);
  cancelled->status = KEDJA_STEP_STATUS_CANCELLED;
  add_outpatient (p, D (2026, 9, 20), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (p, D (2026, 9, 2), D (2026, 9, 9));
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 9, 15), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_step (p, KEDJA_PHASE_HEALTH, KEDJA_CARE_SETTING_NONE, D (2026, 8, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_step (p, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, D (2026, 8, 1), D (2026, 8, 20));
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 8, 25), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_outpatient (p, D (2026, 8, 1), D (2026, 8, 20));
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 8, 25), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  report = kedja_report_by_district (plans, NULL, TODAY);
  g_assert_cmpuint (report->districts->len, ==, 1);
  g_assert_cmpstr (row (report, 0)->district, ==, "Angered");
  g_assert_cmpuint (row (report, 0)->active, ==, 9);
  assert_stats (&row (report, 0)->detox_gap, 5, 3, 9);
  assert_stats (&row (report, 0)->residential_gap, 1, 4, 4);
  assert_stats (&report->total.detox_gap, 5, 3, 9);
}

/* Ten plans with gaps of 1 to 10 days after detox: the p90 is the 9th
 * value, 9, and the median 5.5. */
static void
test_gaps_ten (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL;

  for (guint days = 1; days <= 10; days++)
    {
      KedjaPlan *p = new_plan ("Lundby", KEDJA_PLAN_STATUS_ACTIVE);

      add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
      add_outpatient (p, D (2026, 9, 10) + days + 1, KEDJA_DATE_NONE);
      g_ptr_array_add (plans, p);
    }
  report = kedja_report_by_district (plans, NULL, TODAY);
  assert_stats (&row (report, 0)->detox_gap, 10, 5.5, 9);
  g_assert_cmpuint (row (report, 0)->residential_gap.n, ==, 0);
}

/* Drafts are not help yet and closed plans are history: neither counts,
 * but a district with only those still has its row, with nothing in it. */
static void
test_only_active (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL;
  KedjaPlan *p;

  /* Gap 5 after detox, no coordinator: critical — but a draft. */
  p = new_plan ("Centrum", KEDJA_PLAN_STATUS_DRAFT);
  g_clear_pointer (&p->coordinating_agency_id, g_free);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (p, D (2026, 9, 16), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Centrum", KEDJA_PLAN_STATUS_CLOSED);
  add_detox (p, D (2026, 3, 1), D (2026, 3, 10));
  add_outpatient (p, D (2026, 3, 20), D (2026, 6, 1));
  g_ptr_array_add (plans, p);

  /* One active plan elsewhere: gap 2, nothing critical. */
  p = new_plan ("Angered", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (p, D (2026, 9, 13), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  report = kedja_report_by_district (plans, NULL, TODAY);
  g_assert_cmpuint (report->districts->len, ==, 2);
  g_assert_cmpstr (row (report, 1)->district, ==, "Centrum");
  g_assert_cmpuint (row (report, 1)->active, ==, 0);
  g_assert_cmpuint (row (report, 1)->critical, ==, 0);
  g_assert_cmpuint (row (report, 1)->detox_gap.n, ==, 0);
  g_assert_cmpuint (row (report, 1)->handovers_ended, ==, 0);

  g_assert_cmpuint (report->total.active, ==, 1);
  g_assert_cmpuint (report->total.critical, ==, 0);
  assert_stats (&report->total.detox_gap, 1, 2, 2);
  g_assert_cmpuint (report->total.consent_complete, ==, 1);
}

/* No district, a blank one and a protected person's all go under "(no
 * district)", which comes after the districts, which come in the order
 * people sort names. */
static void
test_no_district (void)
{
  static const char *const districts[] = { "Östra Göteborg", NULL, "Centrum", "  ", "Angered",
                                            "Vrångö" };
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      KedjaPlan *p = new_plan (districts[i], KEDJA_PLAN_STATUS_ACTIVE);

      p->client->protected_identity = i == G_N_ELEMENTS (districts) - 1;
      add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 9, 1), KEDJA_DATE_NONE);
      g_ptr_array_add (plans, p);
    }

  report = kedja_report_by_district (plans, NULL, TODAY);
  g_assert_cmpuint (report->districts->len, ==, 4);
  g_assert_cmpstr (row (report, 0)->district, ==, "Angered");
  g_assert_cmpstr (row (report, 1)->district, ==, "Centrum");
  g_assert_cmpstr (row (report, 2)->district, ==, "Östra Göteborg");
  g_assert_null (row (report, 3)->district);
  g_assert_cmpstr (kedja_district_figures_get_name (row (report, 3)), ==, "(no district)");
  g_assert_cmpstr (kedja_district_figures_get_name (row (report, 0)), ==, "Angered");
  /* Nobody, a blank and the protected person of Vrångö. */
  g_assert_cmpuint (row (report, 3)->active, ==, 3);
  g_assert_cmpuint (report->total.active, ==, 6);
}

/*
 * Handovers, one plan each, the sending step ending 10 Sep unless said:
 *   confirmed 10 Sep, the last day →                    ended, in time
 *   confirmed 11 Sep →                                  ended, late
 *   never confirmed →                                   ended, late
 *   sender ends 5 Oct, after today, not confirmed →     not ended: left out
 *   sender ends 5 Oct but is marked completed, confirmed 1 Oct → ended, in time
 *   receiving step cancelled →                          left out
 *   sending step cancelled →                            left out
 * 2 of 4 in time.
 */
static void
test_handovers (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL;
  const KedjaDate confirmations[] = { D (2026, 9, 10), D (2026, 9, 11), KEDJA_DATE_NONE };
  KedjaPlan *p;
  KedjaStep *from, *to;

  for (guint i = 0; i < G_N_ELEMENTS (confirmations); i++)
    {
      p = new_plan ("Lundby", KEDJA_PLAN_STATUS_ACTIVE);
      from = add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
      to = add_outpatient (p, D (2026, 9, 11), KEDJA_DATE_NONE);
      add_handover (p, from, to, confirmations[i]);
      g_ptr_array_add (plans, p);
    }

  p = new_plan ("Lundby", KEDJA_PLAN_STATUS_ACTIVE);
  from = add_detox (p, D (2026, 9, 25), D (2026, 10, 5));
  to = add_outpatient (p, D (2026, 10, 6), KEDJA_DATE_NONE);
  add_handover (p, from, to, KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Lundby", KEDJA_PLAN_STATUS_ACTIVE);
  from = add_detox (p, D (2026, 9, 25), D (2026, 10, 5));
  from->status = KEDJA_STEP_STATUS_COMPLETED;
  to = add_outpatient (p, D (2026, 10, 6), KEDJA_DATE_NONE);
  add_handover (p, from, to, D (2026, 10, 1));
  g_ptr_array_add (plans, p);

  p = new_plan ("Lundby", KEDJA_PLAN_STATUS_ACTIVE);
  from = add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  to = add_outpatient (p, D (2026, 9, 11), KEDJA_DATE_NONE);
  to->status = KEDJA_STEP_STATUS_CANCELLED;
  add_handover (p, from, to, KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Lundby", KEDJA_PLAN_STATUS_ACTIVE);
  from = add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  from->status = KEDJA_STEP_STATUS_CANCELLED;
  to = add_outpatient (p, D (2026, 9, 11), KEDJA_DATE_NONE);
  add_handover (p, from, to, KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  report = kedja_report_by_district (plans, NULL, TODAY);
  g_assert_cmpuint (row (report, 0)->handovers_ended, ==, 4);
  g_assert_cmpuint (row (report, 0)->handovers_confirmed, ==, 2);
  g_assert_cmpuint (report->total.handovers_ended, ==, 4);
  g_assert_cmpuint (report->total.handovers_confirmed, ==, 2);
}

/*
 * Critical plans and full consent come from the analysis:
 *   a plan with nothing wrong →                      neither critical nor short of consent
 *   no consent for the clinic that runs its step →   critical, consent missing
 *   no coordinator →                                 critical, consent complete
 *   only a warning (no own goal) →                   not critical
 * With the settings passed in, a 10-day gap after detox is critical
 * by default and not with 14 days allowed.
 */
static void
test_critical_and_consent (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL, lenient = NULL;
  KedjaAnalysisSettings settings;
  KedjaPlan *p;

  p = new_plan ("Majorna-Linné", KEDJA_PLAN_STATUS_ACTIVE);
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 9, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Majorna-Linné", KEDJA_PLAN_STATUS_ACTIVE);
  g_ptr_array_set_size (p->consents, 0);
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 9, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Majorna-Linné", KEDJA_PLAN_STATUS_ACTIVE);
  g_clear_pointer (&p->coordinating_agency_id, g_free);
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 9, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Majorna-Linné", KEDJA_PLAN_STATUS_ACTIVE);
  g_clear_pointer (&p->own_goal, g_free);
  add_step (p, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, D (2026, 9, 1), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  p = new_plan ("Majorna-Linné", KEDJA_PLAN_STATUS_ACTIVE);
  add_detox (p, D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (p, D (2026, 9, 21), KEDJA_DATE_NONE);
  g_ptr_array_add (plans, p);

  report = kedja_report_by_district (plans, NULL, TODAY);
  g_assert_cmpuint (row (report, 0)->active, ==, 5);
  g_assert_cmpuint (row (report, 0)->critical, ==, 3);
  g_assert_cmpuint (row (report, 0)->consent_complete, ==, 4);

  kedja_analysis_settings_init (&settings);
  settings.gap_days_after_residential = 14;
  lenient = kedja_report_by_district (plans, &settings, TODAY);
  g_assert_cmpuint (row (lenient, 0)->critical, ==, 2);
  assert_stats (&row (lenient, 0)->detox_gap, 1, 10, 10);
}

/* The city's median is the median of every value, not of the districts'
 * medians: 0 0 0 | 10 20 → per district 0 and 15, for the city 0. */
static void
test_total (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = NULL;
  const struct {
    const char *district;
    guint       gap;
  } cases[] = {
    { "Askim-Frölunda-Högsbo", 0 }, { "Askim-Frölunda-Högsbo", 0 }, { "Askim-Frölunda-Högsbo", 0 },
    { "Västra Hisingen", 10 }, { "Västra Hisingen", 20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KedjaPlan *p = new_plan (cases[i].district, KEDJA_PLAN_STATUS_ACTIVE);

      add_detox (p, D (2026, 8, 1), D (2026, 8, 10));
      add_outpatient (p, D (2026, 8, 10) + cases[i].gap + 1, KEDJA_DATE_NONE);
      g_ptr_array_add (plans, p);
    }
  report = kedja_report_by_district (plans, NULL, TODAY);
  assert_stats (&row (report, 0)->detox_gap, 3, 0, 0);
  assert_stats (&row (report, 1)->detox_gap, 2, 15, 20);
  assert_stats (&report->total.detox_gap, 5, 0, 20);
  g_assert_cmpuint (report->total.active, ==, 5);
  g_assert_cmpuint (report->total.critical, ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) plans = new_plans ();
  g_autoptr(KedjaDistrictReport) report = kedja_report_by_district (plans, NULL, TODAY);
  double share;

  g_assert_cmpuint (report->districts->len, ==, 0);
  g_assert_cmpuint (report->total.active, ==, 0);
  g_assert_cmpuint (report->total.detox_gap.n, ==, 0);
  g_assert_false (kedja_report_share (report->total.consent_complete, report->total.active, &share));
}

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/report/percentiles", test_percentiles);
  g_test_add_func ("/core/report/share", test_share);
  g_test_add_func ("/core/report/gaps", test_gaps);
  g_test_add_func ("/core/report/gaps-ten", test_gaps_ten);
  g_test_add_func ("/core/report/only-active", test_only_active);
  g_test_add_func ("/core/report/no-district", test_no_district);
  g_test_add_func ("/core/report/handovers", test_handovers);
  g_test_add_func ("/core/report/critical-and-consent", test_critical_and_consent);
  g_test_add_func ("/core/report/total", test_total);
  g_test_add_func ("/core/report/empty", test_empty);

  return g_test_run ();
}
