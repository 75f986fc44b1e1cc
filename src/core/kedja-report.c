/* kedja-report.c — the city's overview, per district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The city wants the same help whether a person lives on Vrångö or in
 * Angered. These figures show where it is not: how long people wait after
 * detox and after a treatment home, whether handovers are confirmed before
 * the sender lets go, and whether the person's consent lets the agencies
 * talk to each other at all.
 *
 * Gap days here are counted per detox or inpatient treatment step rather
 * than per uncovered run as the analysis does, so that each stay gives one
 * figure: the days from its end to the next help that starts, and 0 when
 * some step already covers the day after.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kedja-report.h"
#include "kedja-util.h"

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

void
kedja_report_stats_compute (guint            *values,
                            guint             n,
                            KedjaReportStats *out_stats)
{
  g_return_if_fail (values != NULL || n == 0);
  g_return_if_fail (out_stats != NULL);

  memset (out_stats, 0, sizeof *out_stats);
  out_stats->n = n;
  if (n == 0)
    return;

  qsort (values, n, sizeof *values, compare_days);
  if (n % 2 == 1)
    out_stats->median = values[n / 2];
  else
    out_stats->median = (values[n / 2 - 1] + (double) values[n / 2]) / 2.0;
  /* ⌈0.9·n⌉ in whole numbers, so that no rounding of 0.9 moves the rank:
   * 10 values give the 9th, 11 the 10th. */
  out_stats->p90 = values[(9 * (guint64) n + 9) / 10 - 1];
}

gboolean
kedja_report_share (guint   part,
                    guint   whole,
                    double *out_share)
{
  g_return_val_if_fail (out_share != NULL, FALSE);

  if (whole == 0)
    return FALSE;
  *out_share = (double) part / whole;
  return TRUE;
}

const char *
kedja_district_figures_get_name (const KedjaDistrictFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NULL);

  return figures->district ? figures->district : _("(no district)");
}

/* ------------------------------------------------------------- gathering */

typedef struct {
  KedjaDistrictFigures figures;
  GArray              *detox;        /* guint: gap days after each detox */
  GArray              *residential;  /* guint: … after each inpatient treatment */
  char                *sort_key;
} Tally;

static Tally *
tally_new (const char *district)
{
  Tally *tally = g_new0 (Tally, 1);

  tally->figures.district = g_strdup (district);
  tally->detox = g_array_new (FALSE, FALSE, sizeof (guint));
  tally->residential = g_array_new (FALSE, FALSE, sizeof (guint));
  tally->sort_key = district ? g_utf8_collate_key (district, -1) : NULL;
  return tally;
}

static void
tally_free (Tally *tally)
{
  g_free (tally->figures.district);
  g_array_unref (tally->detox);
  g_array_unref (tally->residential);
  g_free (tally->sort_key);
  g_free (tally);
}

/* Hands the figures over, district name included, with the statistics. */
static KedjaDistrictFigures
tally_finish (Tally *tally)
{
  KedjaDistrictFigures figures = tally->figures;

  kedja_report_stats_compute ((guint *) tally->detox->data, tally->detox->len,
                              &figures.detox_gap);
  kedja_report_stats_compute ((guint *) tally->residential->data, tally->residential->len,
                              &figures.residential_gap);
  tally->figures.district = NULL;
  return figures;
}

static gboolean
is_cancelled (const KedjaStep *step)
{
  return step->status == KEDJA_STEP_STATUS_CANCELLED;
}

static gboolean
covers (const KedjaStep *step,
        KedjaDate        day)
{
  KedjaDate start = kedja_step_get_start (step), end = kedja_step_get_end (step);

  return start != KEDJA_DATE_NONE && start <= day && (end == KEDJA_DATE_NONE || end >= day);
}

/* The gap days after @step ends, or FALSE when nothing follows it at all
 * (that is the no-next-step rule's business, and a gap of "forever" would
 * make every median meaningless). */
static gboolean
gap_after (const KedjaPlan *plan,
           const KedjaStep *step,
           guint           *out_days)
{
  KedjaDate end = kedja_step_get_end (step), next = KEDJA_DATE_NONE;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *other = g_ptr_array_index (plan->steps, i);
      KedjaDate start = kedja_step_get_start (other);

      if (other == step || is_cancelled (other))
        continue;
      if (covers (other, end + 1))
        {
          *out_days = 0;
          return TRUE;
        }
      if (start > end && (next == KEDJA_DATE_NONE || start < next))
        next = start;
    }
  if (next == KEDJA_DATE_NONE)
    return FALSE;
  *out_days = (guint) (next - end - 1);
  return TRUE;
}

static void
add_day (GArray *to,
         guint   days)
{
  g_array_append_val (to, days);
}

static void
tally_gaps (const KedjaPlan *plan,
            Tally           *district,
            Tally           *total)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      gboolean detox = step->phase == KEDJA_PHASE_DETOX;
      gboolean residential = step->phase == KEDJA_PHASE_TREATMENT
                             && step->setting == KEDJA_CARE_SETTING_INPATIENT;
      guint days;

      if (is_cancelled (step) || !(detox || residential)
          || kedja_step_get_end (step) == KEDJA_DATE_NONE || !gap_after (plan, step, &days))
        continue;
      add_day (detox ? district->detox : district->residential, days);
      add_day (detox ? total->detox : total->residential, days);
    }
}

static gboolean
has_ended (const KedjaStep *step,
           KedjaDate        today)
{
  KedjaDate end = kedja_step_get_end (step);

  return (end != KEDJA_DATE_NONE && end < today) || step->status == KEDJA_STEP_STATUS_COMPLETED
         || step->status == KEDJA_STEP_STATUS_INTERRUPTED;
}

static void
tally_handovers (const KedjaPlan *plan,
                 KedjaDate        today,
                 Tally           *district,
                 Tally           *total)
{
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);
      const KedjaStep *from = kedja_plan_find_step (plan, handover->from_step_id);
      const KedjaStep *to = kedja_plan_find_step (plan, handover->to_step_id);
      KedjaDate end;
      gboolean confirmed;

      if (from == NULL || to == NULL || is_cancelled (from) || is_cancelled (to)
          || !has_ended (from, today))
        continue;
      /* A step marked completed without an end date has no day to be late
       * against: any confirmation counts. */
      end = kedja_step_get_end (from);
      confirmed = handover->confirmed != KEDJA_DATE_NONE
                  && (end == KEDJA_DATE_NONE || handover->confirmed <= end);
      district->figures.handovers_ended++;
      total->figures.handovers_ended++;
      district->figures.handovers_confirmed += confirmed;
      total->figures.handovers_confirmed += confirmed;
    }
}

static void
tally_findings (GArray *findings,
                Tally  *district,
                Tally  *total)
{
  gboolean critical = FALSE, consent_missing = FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (findings, KedjaFinding, i);

      critical |= finding->severity == KEDJA_SEVERITY_CRITICAL;
      consent_missing |= finding->rule == KEDJA_RULE_CONSENT_MISSING;
    }
  district->figures.critical += critical;
  total->figures.critical += critical;
  district->figures.consent_complete += !consent_missing;
  total->figures.consent_complete += !consent_missing;
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *x = *(Tally **) a, *y = *(Tally **) b;
  int by_key;

  /* "(no district)" is not a district: it goes last, not wherever its
   * parenthesis happens to sort. */
  if (x->sort_key == NULL || y->sort_key == NULL)
    return (x->sort_key == NULL) - (y->sort_key == NULL);
  by_key = strcmp (x->sort_key, y->sort_key);
  return by_key != 0 ? by_key : strcmp (x->figures.district, y->figures.district);
}

static const char *
plan_district (const KedjaPlan *plan)
{
  const char *district = kedja_client_display_district (plan->client->district,
                                                        plan->client->protected_identity);

  return kedja_str_is_blank (district) ? NULL : district;
}

KedjaDistrictReport *
kedja_report_by_district (GPtrArray                   *plans,
                          const KedjaAnalysisSettings *settings,
                          KedjaDate                    today)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  g_autoptr(GArray) findings = g_array_new (FALSE, FALSE, sizeof (KedjaFinding));
  Tally *total = tally_new (NULL), *nowhere = NULL;
  KedjaAnalysisSettings defaults;
  KedjaDistrictReport *report;

  g_return_val_if_fail (plans != NULL, NULL);

  if (settings == NULL)
    {
      kedja_analysis_settings_init (&defaults);
      settings = &defaults;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      const KedjaPlan *plan = g_ptr_array_index (plans, i);
      const char *name = plan_district (plan);
      Tally *district;

      if (name == NULL)
        {
          if (nowhere == NULL)
            g_ptr_array_add (tallies, nowhere = tally_new (NULL));
          district = nowhere;
        }
      else if ((district = g_hash_table_lookup (by_name, name)) == NULL)
        {
          district = tally_new (name);
          g_ptr_array_add (tallies, district);
          g_hash_table_insert (by_name, district->figures.district, district);
        }

      /* Drafts are not yet help, and closed plans are history: the
       * district keeps its row, but only what is going on now counts. */
      if (plan->status != KEDJA_PLAN_STATUS_ACTIVE)
        continue;
      district->figures.active++;
      total->figures.active++;

      g_array_set_size (findings, 0);
      kedja_analyse_into (plan, settings, today, findings);
      tally_findings (findings, district, total);
      tally_gaps (plan, district, total);
      tally_handovers (plan, today, district, total);
    }

  g_ptr_array_sort (tallies, compare_tallies);
  report = g_new0 (KedjaDistrictReport, 1);
  report->districts = g_array_sized_new (FALSE, TRUE, sizeof (KedjaDistrictFigures),
                                         tallies->len);
  for (guint i = 0; i < tallies->len; i++)
    {
      KedjaDistrictFigures figures = tally_finish (g_ptr_array_index (tallies, i));
      g_array_append_val (report->districts, figures);
    }
  report->total = tally_finish (total);
  tally_free (total);
  return report;
}

void
kedja_district_report_free (KedjaDistrictReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < report->districts->len; i++)
    g_free (g_array_index (report->districts, KedjaDistrictFigures, i).district);
  g_array_unref (report->districts);
  g_free (report->total.district);
  g_free (report);
}
