/* kedja-report.h — the city's overview: does help depend on the district?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures a city official follows per district, computed from plans, the
 * analysis settings and "today" — no SQL, no display — so that the CLI, a
 * future window and the tests compute them the same way.
 */
#pragma once

#include <glib.h>

#include "kedja-analysis.h"
#include "kedja-date.h"
#include "kedja-plan.h"

G_BEGIN_DECLS

/* The middle and the 90th percentile of a set of whole days. */
typedef struct {
  guint  n;       /* how many values; the figures below mean nothing at 0 */
  double median;  /* the middle value, or the mean of the two middle ones */
  double p90;     /* nearest rank: the value at position ⌈0.9·n⌉ ascending */
} KedjaReportStats;

/* Sorts @values (ascending) and summarises them. */
void kedja_report_stats_compute (guint            *values,
                                 guint             n,
                                 KedjaReportStats *out_stats);

/* One row of the overview: a district, or the whole city. Only active
 * plans are counted; a district whose plans are all drafts or closed still
 * has a row, with zero active plans. */
typedef struct {
  char            *district;          /* NULL: plans without a district
                                       * (and, in the total, the city) */
  guint            active;            /* active plans */
  guint            critical;          /* … with at least one critical finding */
  KedjaReportStats detox_gap;         /* gap days after a detox step */
  KedjaReportStats residential_gap;   /* … after an inpatient treatment step */
  guint            handovers_ended;   /* handovers whose sender has ended */
  guint            handovers_confirmed; /* … confirmed by the sender's end */
  guint            consent_complete;  /* active plans with consent for every
                                       * participating agency */
} KedjaDistrictFigures;

typedef struct {
  GArray              *districts;  /* (element-type KedjaDistrictFigures):
                                    * by name (g_utf8_collate()), the row
                                    * without a district last */
  KedjaDistrictFigures total;      /* the whole city, computed from all the
                                    * values (not from the rows) */
} KedjaDistrictReport;

/* The overview of @plans (KedjaPlan) on @today. @settings may be NULL for
 * the defaults. A client with protected identity is counted under "no
 * district": the district tells where a person lives, and a small district
 * with one such person would give it away. */
KedjaDistrictReport *kedja_report_by_district   (GPtrArray                   *plans,
                                                 const KedjaAnalysisSettings *settings,
                                                 KedjaDate                    today);
void                 kedja_district_report_free (KedjaDistrictReport         *report);

/* The name to show for a row: the district, or a translated "(no
 * district)". */
const char          *kedja_district_figures_get_name (const KedjaDistrictFigures *figures);

/* @part out of @whole, 0..1; FALSE when @whole is 0 (nothing to share). */
gboolean             kedja_report_share          (guint                        part,
                                                  guint                        whole,
                                                  double                      *out_share);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaDistrictReport, kedja_district_report_free)

G_END_DECLS
