/* analysis-fixture.h — a plan builder and assertions on findings for the analysis tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests of the gap analysis are written from DESIGN.md ("Gap
 * analysis") and the definitions at the end of SIP-FORMAT.md, not from the
 * engine: every expected value is worked out by hand, with the arithmetic
 * in a comment where it is not obvious. Each rule has a plan that triggers
 * it and one that just does not, at the edge of its threshold. Plans are
 * built by hand with the small builder below, and every one of them is a
 * valid plan.
 *
 * Dates: every case is analysed on TODAY, 2026-09-20. September has 30
 * days, August and October 31. Gap days between an end E and a start S are
 * S − E − 1; an interval [a, b] holds b − a + 1 days.
 */
#pragma once

#include "kedja-core.h"
#include "kedja-analysis.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

#define TODAY D (2026, 9, 20)
/* No end: the step runs on. */
#define OPEN  KEDJA_DATE_NONE
#define NONE  KEDJA_DATE_NONE

#define SOCIAL  "agency-social"   /* the coordinating agency */
#define CLINIC  "agency-clinic"   /* detox and outpatient treatment */
#define HOME    "agency-home"     /* inpatient treatment */
#define HOUSING "agency-housing"
#define WORK    "agency-work"
#define PSYCH   "agency-psych"    /* in the plan's directory, without consent */

#define CLINIC_NAME "Beroendekliniken"
#define HOME_NAME   "Behandlingshemmet Gården"
#define PSYCH_NAME  "Psykiatrimottagningen"

#define CRITICAL KEDJA_SEVERITY_CRITICAL
#define WARNING  KEDJA_SEVERITY_WARNING
#define NOTICE   KEDJA_SEVERITY_NOTICE

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* The plan builder */

/* A valid plan that gives no findings as long as nothing is added to it
 * (see analysis-fixture.c for what is in it). */
KedjaPlan          *new_plan             (void);

KedjaStep          *add_step             (KedjaPlan          *plan,
                                          KedjaPhase          phase,
                                          KedjaCareSetting    setting,
                                          const char         *title,
                                          const char         *agency_id,
                                          KedjaDate           start,
                                          KedjaDate           end);
/* Residential whatever its setting; at CLINIC. */
KedjaStep          *add_detox            (KedjaPlan          *plan,
                                          const char         *title,
                                          KedjaDate           start,
                                          KedjaDate           end);
/* Residential treatment, at HOME. */
KedjaStep          *add_inpatient        (KedjaPlan          *plan,
                                          const char         *title,
                                          KedjaDate           start,
                                          KedjaDate           end);
/* Treatment that is not residential, at CLINIC. */
KedjaStep          *add_outpatient       (KedjaPlan          *plan,
                                          const char         *title,
                                          KedjaDate           start,
                                          KedjaDate           end);
KedjaStep          *add_housing          (KedjaPlan          *plan,
                                          const char         *title,
                                          KedjaDate           start,
                                          KedjaDate           end);
KedjaStep          *add_work             (KedjaPlan          *plan,
                                          const char         *title,
                                          KedjaDate           start,
                                          KedjaDate           end);
/* A health step at PSYCH, from 1 Sep on: an agency without consent. */
KedjaStep          *add_psychiatry       (KedjaPlan          *plan,
                                          const char         *title);
/* Marks @step cancelled and returns it. */
KedjaStep          *cancel               (KedjaStep          *step);
/* @confirmed may be NONE: not confirmed. */
KedjaHandover      *add_handover         (KedjaPlan          *plan,
                                          const KedjaStep    *from,
                                          const KedjaStep    *to,
                                          KedjaDate           planned,
                                          KedjaDate           confirmed);
KedjaConsent       *add_consent          (KedjaPlan          *plan,
                                          const char         *agency_id,
                                          KedjaDate           given);
void                remove_consent       (KedjaPlan          *plan,
                                          const char         *agency_id);

/* The findings on TODAY of @plan, which must be valid; @settings NULL
 * means the defaults. */
GArray             *analyse_with         (const KedjaPlan             *plan,
                                          const KedjaAnalysisSettings *settings);
GArray             *analyse              (const KedjaPlan    *plan);

/* Inpatient treatment 1 Sep–31 Oct, outpatient aftercare from 1 Nov, client
 * without own housing. */
KedjaPlan          *treatment_plan       (KedjaStep         **out_treatment);
/* Findings of all three severities on different dates; see
 * analysis-fixture.c for its steps. */
KedjaPlan          *troubled_plan        (void);

/* ------------------------------------------------------------------ */
/* Looking at findings */

/* @text, or "-" for NULL. */
const char         *or_dash              (const char         *text);
/* The title of @step, or "(none)". */
const char         *title_of             (const KedjaStep    *step);
const char         *rule_id              (KedjaRule           rule);

/* The @n-th finding of @rule (from 0); fails when there are fewer. */
const KedjaFinding *nth                  (GArray             *findings,
                                          KedjaRule           rule,
                                          guint               n);
/* The one finding of @rule; fails unless there is exactly one. */
const KedjaFinding *only                 (GArray             *findings,
                                          KedjaRule           rule);
void                expect_count         (GArray             *findings,
                                          KedjaRule           rule,
                                          guint               expected);
void                expect_total         (GArray             *findings,
                                          guint               expected);

void                assert_interval      (const KedjaFinding *f,
                                          KedjaDate           start,
                                          KedjaDate           end);
void                assert_no_interval   (const KedjaFinding *f);
void                assert_steps         (const KedjaFinding *f,
                                          const KedjaStep    *step,
                                          const KedjaStep    *next_step);
/* Severity first, then the sort date, then the rule in enum order. */
void                assert_in_order      (GArray             *findings);
/* The same findings, field by field, in the same order. */
void                assert_same_findings (GArray             *a,
                                          GArray             *b);

G_END_DECLS
