/* kedja-analysis.h — the gap analysis: where the chain lets go of a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function of a plan, the settings and "today". It implements the
 * fourteen rules of DESIGN.md ("Gap analysis") with their definitions:
 * actual dates win over planned ones, start and end are inclusive days, a
 * step without an end runs on, cancelled steps are ignored by every rule.
 */
#pragma once

#include <glib.h>

#include "kedja-date.h"
#include "kedja-enums.h"
#include "kedja-plan.h"

G_BEGIN_DECLS

/* The thresholds, shared by everyone on one database through its settings
 * table (keys in brackets) and overridable per call. */
typedef struct {
  guint gap_days_after_residential;  /* [gap-days-after-residential] 7 */
  guint gap_days;                    /* [gap-days] 14 */
  guint handover_warning_days;       /* [handover-warning-days] 7 */
  guint long_wait_days;              /* [long-wait-days] 30 */
  guint overlap_phases;              /* [overlap-phases] "detox treatment housing":
                                      * a bit (1 << KedjaPhase) per phase */
} KedjaAnalysisSettings;

void                kedja_analysis_settings_init    (KedjaAnalysisSettings       *settings);
/* The keys above, in a fixed order, NULL-terminated. */
const char * const *kedja_analysis_settings_keys    (void);
/* Sets one threshold from its text form, as kept in the settings table;
 * refuses an unknown key or a value that is not a whole number of days
 * (or a list of phases). */
gboolean            kedja_analysis_settings_set     (KedjaAnalysisSettings       *settings,
                                                     const char                  *key,
                                                     const char                  *value,
                                                     GError                     **error);
char               *kedja_analysis_settings_get     (const KedjaAnalysisSettings *settings,
                                                     const char                  *key);

/*
 * One problem found in a plan. The pointers borrow from the plan analysed:
 * a finding lives as long as that plan. The text a person reads (message,
 * action, who acts) is made from it on demand by the functions below, in
 * the user's language, so that the analysis itself allocates nothing per
 * finding and can run over a city's plans at once.
 */
typedef struct {
  KedjaRule            rule;
  KedjaSeverity        severity;
  /* The days the finding covers, both inclusive, for the timeline. start
   * is NONE when the finding has no interval (shown as a badge on its step,
   * or on the plan); end is NONE when the interval is open-ended. */
  KedjaDate            start;
  KedjaDate            end;
  const KedjaStep     *step;       /* nullable: the step concerned; the
                                    * sending one for a handover */
  const KedjaStep     *next_step;  /* nullable: the receiving, following or
                                    * overlapping step */
  const KedjaHandover *handover;   /* nullable */
  const char          *agency_id;  /* nullable: the agency concerned (consent) */
  const char          *actor_id;   /* nullable: the agency that should act;
                                    * NULL means the coordinator */
  guint                days;       /* days of gap, wait or overlap, where the
                                    * rule counts days; else 0 */
} KedjaFinding;

/* Appends the findings of @plan to @findings (a GArray of KedjaFinding),
 * in a stable order: severity (critical first), then date, then rule. */
void     kedja_analyse_into            (const KedjaPlan             *plan,
                                        const KedjaAnalysisSettings *settings,
                                        KedjaDate                    today,
                                        GArray                      *findings);
/* The findings of @plan in a new array. @settings may be NULL for the
 * defaults. */
GArray  *kedja_analyse                 (const KedjaPlan             *plan,
                                        const KedjaAnalysisSettings *settings,
                                        KedjaDate                    today);

/* The date that orders a finding: its start, else its step's start, else
 * 0 for plan-wide findings (which come first in their severity). */
KedjaDate kedja_finding_get_sort_date  (const KedjaFinding          *finding);

/* One line in plain words that names the steps, agencies and days: "8 days
 * without any step after the detox at Beroendekliniken (11–18 Sep)". */
char     *kedja_finding_format_message (const KedjaFinding          *finding,
                                        const KedjaPlan             *plan);
/* What to do about it: "Book the start of the treatment by 11 Sep, or add
 * a bridging step". */
char     *kedja_finding_format_action  (const KedjaFinding          *finding,
                                        const KedjaPlan             *plan);
/* Who should act: the agency's name, or the coordinator (by name when the
 * plan names one). */
char     *kedja_finding_format_actor   (const KedjaFinding          *finding,
                                        const KedjaPlan             *plan);

G_END_DECLS
