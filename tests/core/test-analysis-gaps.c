/* test-analysis-gaps.c — the gap analysis: days without a step, and what counts as one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uncovered days and handover gaps at the edges of their thresholds, and
 * the definitions they rest on: actual dates, cancelled and open-ended
 * steps, and a long plan. The builder, the dates and the arithmetic of gap
 * days are explained in analysis-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "analysis-fixture.h"

/* ------------------------------------------------------------------ */
/* A clean chain */

/* detox → treatment → housing, handed over and confirmed in time: nothing
 * to say. The builder's plan must be clean, or every "no finding" below
 * would prove nothing. */
static void
test_clean_chain (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) empty = analyse (plan);
  g_autoptr(GArray) findings = NULL;
  KedjaStep *detox, *treatment, *flat;

  expect_total (empty, 0);

  detox = add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  treatment = add_inpatient (plan, "Behandlingshem", D (2026, 9, 11), D (2026, 12, 4));
  treatment->status = KEDJA_STEP_STATUS_ONGOING;
  flat = add_housing (plan, "Träningslägenhet", D (2026, 12, 5), OPEN);
  add_handover (plan, detox, treatment, D (2026, 9, 10), D (2026, 9, 10));
  /* Planned for 4 Dec, more than 7 days ahead: not yet a warning. */
  add_handover (plan, treatment, flat, D (2026, 12, 4), NONE);

  findings = analyse (plan);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* 1. uncovered-days */

static void
test_uncovered_days (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *detox, *treatment;

  detox = add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  treatment = add_inpatient (plan, "Behandlingshem", D (2026, 9, 19), OPEN);

  findings = analyse (plan);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  /* 19 − 10 − 1 = 8 days, 11–18 Sep, after a residential step: 8 > 7. */
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 18));
  g_assert_cmpuint (f->days, ==, 8);
  assert_steps (f, detox, treatment);
  g_assert_null (f->handover);
  g_assert_cmpstr (f->actor_id, ==, HOME);
}

/* Which step opens a gap and which one closes it, and runs of days that
 * end where the longest step ends, not the last one listed. */
static void
test_uncovered_days_which_steps (void)
{
  g_autoptr(KedjaPlan) tie = new_plan ();
  g_autoptr(KedjaPlan) nested = new_plan ();
  g_autoptr(KedjaPlan) two = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *detox, *job, *outpatient, *housing;

  /* Two steps end on 10 Sep: the outpatient one comes first in the plan,
   * but the residential one opens the gap. Two start on 20 Sep: the first
   * in plan order closes it (the employment step, listed before the
   * housing one although housing comes first in chain order). */
  add_outpatient (tie, "Öppenvård", D (2026, 9, 1), D (2026, 9, 10));
  detox = add_detox (tie, "Avgiftning", D (2026, 9, 5), D (2026, 9, 10));
  job = add_work (tie, "Arbetsträning", D (2026, 9, 20), OPEN);
  add_housing (tie, "Lägenhet", D (2026, 9, 20), OPEN);

  findings = analyse (tie);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  /* 20 − 10 − 1 = 9 days; residential and 9 > 7: critical (after the
   * outpatient step alone it would be a warning). */
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 19));
  g_assert_cmpuint (f->days, ==, 9);
  assert_steps (f, detox, job);
  g_assert_cmpstr (f->actor_id, ==, WORK);
  g_clear_pointer (&findings, g_array_unref);

  /* The detox ends inside the housing step: no gap until housing ends. */
  housing = add_housing (nested, "Boende", D (2026, 9, 1), D (2026, 9, 30));
  add_detox (nested, "Avgiftning", D (2026, 9, 5), D (2026, 9, 10));
  job = add_work (nested, "Arbetsträning", D (2026, 10, 5), OPEN);

  findings = analyse (nested);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  /* 1–4 Oct: 4 days after a housing step. */
  g_assert_cmpint (f->severity, ==, WARNING);
  assert_interval (f, D (2026, 10, 1), D (2026, 10, 4));
  g_assert_cmpuint (f->days, ==, 4);
  assert_steps (f, housing, job);
  g_clear_pointer (&findings, g_array_unref);

  /* Two gaps, each its own finding, in date order. */
  detox = add_detox (two, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  outpatient = add_outpatient (two, "Öppenvård", D (2026, 9, 13), D (2026, 9, 30));
  housing = add_housing (two, "Lägenhet", D (2026, 10, 4), OPEN);

  findings = analyse (two);
  expect_total (findings, 2);
  f = nth (findings, KEDJA_RULE_UNCOVERED_DAYS, 0);
  /* 11–12 Sep: 13 − 10 − 1 = 2 days after the detox, 2 ≤ 7. */
  g_assert_cmpint (f->severity, ==, WARNING);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 12));
  g_assert_cmpuint (f->days, ==, 2);
  assert_steps (f, detox, outpatient);
  f = nth (findings, KEDJA_RULE_UNCOVERED_DAYS, 1);
  /* 1–3 Oct: 4 − 30 − 1 = 3 days (counting from 30 Sep). */
  g_assert_cmpint (f->severity, ==, WARNING);
  assert_interval (f, D (2026, 10, 1), D (2026, 10, 3));
  g_assert_cmpuint (f->days, ==, 3);
  assert_steps (f, outpatient, housing);
}

/* The thresholds of uncovered-days and handover-gap at their edges. The
 * sending step runs 1–10 Sep; the next one starts gap + 1 days later and
 * runs on. With the handover confirmed on the sender's last day, nothing
 * but the two gap rules can fire. */
typedef struct {
  const char      *what;
  KedjaPhase       phase;
  KedjaCareSetting setting;
  guint            gap;
  KedjaSeverity    severity;
} GapCase;

static const GapCase gap_cases[] = {
  { "detox, 1 day", KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, 1, WARNING },
  { "detox, 7 days", KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, 7, WARNING },
  { "detox, 8 days", KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, 8, CRITICAL },
  /* A detox step is residential whatever its setting. */
  { "outpatient detox, 8 days", KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_OUTPATIENT, 8, CRITICAL },
  { "inpatient treatment, 7 days", KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, 7,
    WARNING },
  { "inpatient treatment, 8 days", KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, 8,
    CRITICAL },
  { "outpatient treatment, 8 days", KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, 8,
    WARNING },
  { "outpatient treatment, 14 days", KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, 14,
    WARNING },
  { "outpatient treatment, 15 days", KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, 15,
    CRITICAL },
  /* Only treatment with setting="inpatient" is residential. */
  { "treatment without setting, 8 days", KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_NONE, 8,
    WARNING },
  { "housing, 14 days", KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, 14, WARNING },
  { "housing, 15 days", KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, 15, CRITICAL },
  { "housing, 30 days", KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, 30, CRITICAL },
  { "detox, no gap", KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, 0, WARNING },
  { "housing, no gap", KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, 0, WARNING },
};

static void
test_gap_severity (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (gap_cases); c++)
    for (guint with_handover = 0; with_handover <= 1; with_handover++)
      {
        const GapCase *gc = &gap_cases[c];
        g_autoptr(KedjaPlan) plan = new_plan ();
        g_autoptr(GArray) findings = NULL;
        KedjaDate end = D (2026, 9, 10);
        const char *agency = gc->phase == KEDJA_PHASE_HOUSING ? HOUSING : CLINIC;
        KedjaStep *sender, *receiver;
        KedjaHandover *handover = NULL;

        g_test_message ("%s, %s", gc->what, with_handover ? "handed over" : "no handover");
        /* Own housing: the inpatient cases are not about housing. */
        plan->client->has_own_housing = TRUE;
        sender = add_step (plan, gc->phase, gc->setting, "Insats före", agency,
                           D (2026, 9, 1), end);
        sender->status = KEDJA_STEP_STATUS_COMPLETED;
        receiver = add_work (plan, "Insats efter", end + gc->gap + 1, OPEN);
        if (with_handover)
          handover = add_handover (plan, sender, receiver, end, end);

        findings = analyse (plan);
        if (gc->gap == 0)
          {
            expect_total (findings, 0);
            continue;
          }
        expect_total (findings, with_handover ? 2 : 1);
        for (KedjaRule rule = KEDJA_RULE_UNCOVERED_DAYS;
             rule <= (with_handover ? KEDJA_RULE_HANDOVER_GAP : KEDJA_RULE_UNCOVERED_DAYS);
             rule++)
          {
            const KedjaFinding *f = only (findings, rule);

            g_assert_cmpint (f->severity, ==, gc->severity);
            assert_interval (f, end + 1, end + gc->gap);
            g_assert_cmpuint (f->days, ==, gc->gap);
            assert_steps (f, sender, receiver);
            g_assert_cmpstr (f->actor_id, ==, WORK);
            if (rule == KEDJA_RULE_HANDOVER_GAP)
              g_assert_true (f->handover == handover);
          }
      }
}

/* ------------------------------------------------------------------ */
/* 2. handover-gap */

static void
test_handover_gap (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaPlan) covered = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *detox, *treatment;
  KedjaHandover *handover;

  detox = add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  treatment = add_inpatient (plan, "Behandlingshem", D (2026, 9, 19), OPEN);
  handover = add_handover (plan, detox, treatment, D (2026, 9, 10), D (2026, 9, 10));

  findings = analyse (plan);
  expect_total (findings, 2);
  expect_count (findings, KEDJA_RULE_UNCOVERED_DAYS, 1);
  f = only (findings, KEDJA_RULE_HANDOVER_GAP);
  /* 19 − 10 − 1 = 8 gap days after a detox: critical. */
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 18));
  g_assert_cmpuint (f->days, ==, 8);
  assert_steps (f, detox, treatment);
  g_assert_true (f->handover == handover);
  g_assert_cmpstr (f->actor_id, ==, HOME);
  g_clear_pointer (&findings, g_array_unref);

  /* The gap is between the two steps of the handover, even when another
   * step keeps the person covered meanwhile (no uncovered days). */
  add_housing (covered, "Lägenhet", D (2026, 9, 1), OPEN);
  detox = add_detox (covered, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  treatment = add_inpatient (covered, "Behandlingshem", D (2026, 9, 19), OPEN);
  handover = add_handover (covered, detox, treatment, D (2026, 9, 10), D (2026, 9, 10));

  findings = analyse (covered);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_HANDOVER_GAP);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 18));
  g_assert_cmpuint (f->days, ==, 8);
  g_assert_true (f->handover == handover);
}

static void
test_handover_gap_edges (void)
{
  g_autoptr(KedjaPlan) next_day = new_plan ();
  g_autoptr(KedjaPlan) early = new_plan ();
  g_autoptr(KedjaPlan) open_sender = new_plan ();
  g_autoptr(GArray) findings = NULL;
  KedjaStep *from, *to;

  /* The receiver starts the day after: gap 11 − 10 − 1 = 0. */
  from = add_detox (next_day, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  from->status = KEDJA_STEP_STATUS_COMPLETED;
  to = add_inpatient (next_day, "Behandlingshem", D (2026, 9, 11), OPEN);
  add_handover (next_day, from, to, D (2026, 9, 10), D (2026, 9, 10));
  findings = analyse (next_day);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* The receiver starts before the sender ends. */
  from = add_detox (early, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  from->status = KEDJA_STEP_STATUS_COMPLETED;
  to = add_inpatient (early, "Behandlingshem", D (2026, 9, 8), OPEN);
  add_handover (early, from, to, D (2026, 9, 10), D (2026, 9, 10));
  findings = analyse (early);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* A sender without an end leaves no gap. */
  from = add_outpatient (open_sender, "Öppenvård", D (2026, 9, 1), OPEN);
  to = add_housing (open_sender, "Lägenhet", D (2026, 10, 30), OPEN);
  add_handover (open_sender, from, to, D (2026, 10, 29), D (2026, 9, 20));
  findings = analyse (open_sender);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* Definitions */

/* Actual dates win over planned ones, in both directions. */
static void
test_actual_dates (void)
{
  g_autoptr(KedjaPlan) closes = new_plan ();
  g_autoptr(KedjaPlan) opens = new_plan ();
  g_autoptr(KedjaPlan) early = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *detox, *treatment;
  KedjaHandover *handover;

  /* Planned to end on 5 Sep, so 6–10 Sep look uncovered (5 days)… */
  detox = add_detox (closes, "Avgiftning", D (2026, 9, 1), D (2026, 9, 5));
  treatment = add_inpatient (closes, "Behandlingshem", D (2026, 9, 11), OPEN);
  findings = analyse (closes);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  assert_interval (f, D (2026, 9, 6), D (2026, 9, 10));
  g_assert_cmpuint (f->days, ==, 5);
  g_clear_pointer (&findings, g_array_unref);
  /* …but the stay went on until 10 Sep: no gap. */
  detox->actual_start = D (2026, 9, 1);
  detox->actual_end = D (2026, 9, 10);
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  findings = analyse (closes);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Planned to follow on 11 Sep: no gap… */
  detox = add_detox (opens, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  treatment = add_inpatient (opens, "Behandlingshem", D (2026, 9, 11), OPEN);
  findings = analyse (opens);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);
  /* …but the treatment actually started on 15 Sep: 11–14 Sep, 4 days,
   * after a detox, 4 ≤ 7: a warning. */
  treatment->actual_start = D (2026, 9, 15);
  treatment->status = KEDJA_STEP_STATUS_ONGOING;
  findings = analyse (opens);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  g_assert_cmpint (f->severity, ==, WARNING);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 14));
  g_assert_cmpuint (f->days, ==, 4);
  assert_steps (f, detox, treatment);
  g_clear_pointer (&findings, g_array_unref);

  /* Detox planned 1–25 Sep and handed over on 25 Sep: only the coming
   * handover is worth a warning (25 Sep ≤ 20 + 7)… */
  detox = add_detox (early, "Avgiftning", D (2026, 9, 1), D (2026, 9, 25));
  detox->status = KEDJA_STEP_STATUS_ONGOING;
  treatment = add_inpatient (early, "Behandlingshem", D (2026, 9, 26), OPEN);
  handover = add_handover (early, detox, treatment, D (2026, 9, 25), NONE);
  findings = analyse (early);
  expect_total (findings, 1);
  g_assert_cmpint (only (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER)->severity, ==, WARNING);
  g_clear_pointer (&findings, g_array_unref);
  /* …but the person walked out on 15 Sep. */
  detox->actual_start = D (2026, 9, 1);
  detox->actual_end = D (2026, 9, 15);
  detox->status = KEDJA_STEP_STATUS_INTERRUPTED;
  findings = analyse (early);
  expect_total (findings, 4);
  g_assert_cmpint (only (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER)->severity, ==, WARNING);
  /* Released 16 Sep until today. */
  f = only (findings, KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER);
  assert_interval (f, D (2026, 9, 16), TODAY);
  g_assert_true (f->handover == handover);
  /* 26 − 15 − 1 = 10 days after a detox: critical, for both gap rules. */
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 16), D (2026, 9, 25));
  g_assert_cmpuint (f->days, ==, 10);
  f = only (findings, KEDJA_RULE_HANDOVER_GAP);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  g_assert_cmpuint (f->days, ==, 10);
}

/* A cancelled step causes nothing. */
static void
test_cancelled_never_causes (void)
{
  g_autoptr(KedjaPlan) overlap = new_plan ();
  g_autoptr(KedjaPlan) after_end = new_plan ();
  g_autoptr(KedjaPlan) consent = new_plan ();
  g_autoptr(KedjaPlan) handovers = new_plan ();
  g_autoptr(GArray) findings = NULL;
  KedjaStep *detox, *treatment, *other, *first;

  /* Would overlap the flat. */
  add_housing (overlap, "Lägenhet", D (2026, 9, 1), OPEN);
  cancel (add_housing (overlap, "Korttidsboende", D (2026, 9, 10), D (2026, 9, 20)));
  findings = analyse (overlap);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* A detox after the last step, with nobody responsible: it would leave
   * 1–9 Oct uncovered, lack an agency and a next step. */
  add_housing (after_end, "Lägenhet", D (2026, 9, 1), D (2026, 9, 30));
  cancel (add_step (after_end, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, "Avgiftning",
                    NULL, D (2026, 10, 10), D (2026, 10, 20)));
  findings = analyse (after_end);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* An agency whose only step is cancelled takes no part. */
  cancel (add_psychiatry (consent, "Psykiatrisk bedömning"));
  findings = analyse (consent);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Handovers from or to cancelled steps are ignored: the first would be
   * released, unconfirmed and 14 days long; the second too, from a detox
   * that would also make the chain start on 1 Aug. */
  detox = add_detox (handovers, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  treatment = add_inpatient (handovers, "Behandlingshem", D (2026, 9, 11), OPEN);
  add_handover (handovers, detox, treatment, D (2026, 9, 10), D (2026, 9, 10));
  other = cancel (add_inpatient (handovers, "Annat behandlingshem", D (2026, 9, 25), OPEN));
  add_handover (handovers, detox, other, D (2026, 9, 10), NONE);
  first = cancel (add_detox (handovers, "Första avgiftningen", D (2026, 8, 1), D (2026, 8, 5)));
  add_handover (handovers, first, treatment, D (2026, 8, 5), NONE);
  findings = analyse (handovers);
  expect_total (findings, 0);
}

/* A cancelled step hides nothing. */
static void
test_cancelled_never_hides (void)
{
  g_autoptr(KedjaPlan) bridge = new_plan ();
  g_autoptr(KedjaPlan) housing = NULL;
  g_autoptr(KedjaPlan) next = new_plan ();
  g_autoptr(KedjaPlan) wait = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *detox, *treatment, *cancelled;

  /* A cancelled bridging step in the middle of the gap does not cover it,
   * nor is it the step after it. */
  detox = add_detox (bridge, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  cancel (add_step (bridge, KEDJA_PHASE_SUPPORT, KEDJA_CARE_SETTING_NONE, "Stödsamtal", CLINIC,
                    D (2026, 9, 11), D (2026, 9, 18)));
  treatment = add_inpatient (bridge, "Behandlingshem", D (2026, 9, 19), OPEN);
  findings = analyse (bridge);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 18));
  g_assert_cmpuint (f->days, ==, 8);
  assert_steps (f, detox, treatment);
  g_clear_pointer (&findings, g_array_unref);

  /* A cancelled flat is no home to go to. */
  housing = treatment_plan (&treatment);
  cancel (add_housing (housing, "Lägenhet", D (2026, 11, 1), OPEN));
  findings = analyse (housing);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT);
  assert_no_interval (f);
  assert_steps (f, treatment, NULL);
  g_clear_pointer (&findings, g_array_unref);

  /* A handover to a cancelled step is no next step. */
  detox = add_detox (next, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  cancelled = cancel (add_inpatient (next, "Behandlingshem", D (2026, 9, 11), OPEN));
  add_handover (next, detox, cancelled, D (2026, 9, 10), D (2026, 9, 10));
  findings = analyse (next);
  expect_total (findings, 1);
  g_assert_true (only (findings, KEDJA_RULE_NO_NEXT_STEP)->step == detox);
  g_clear_pointer (&findings, g_array_unref);

  /* A cancelled early start does not end the wait: 1 Aug → 2 Sep is 32
   * days. */
  wait->need_recorded = D (2026, 8, 1);
  cancel (add_outpatient (wait, "Väntelistegrupp", D (2026, 8, 5), OPEN));
  add_outpatient (wait, "Öppenvård", D (2026, 9, 2), OPEN);
  findings = analyse (wait);
  expect_total (findings, 1);
  g_assert_cmpuint (only (findings, KEDJA_RULE_LONG_WAIT)->days, ==, 32);
}

static void
test_open_ended (void)
{
  g_autoptr(KedjaPlan) covers = new_plan ();
  g_autoptr(KedjaPlan) after = new_plan ();
  g_autoptr(KedjaPlan) one_open = new_plan ();
  g_autoptr(KedjaPlan) both_open = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *a, *b;

  /* A flat from 1 Sep on covers every day after it: no gap between the
   * detox and the treatment, the detox has a step covering its next day,
   * and the treatment ends into housing. */
  add_housing (covers, "Lägenhet", D (2026, 9, 1), OPEN);
  add_detox (covers, "Avgiftning", D (2026, 9, 5), D (2026, 9, 10));
  add_inpatient (covers, "Behandlingshem", D (2026, 10, 1), D (2026, 10, 31));
  findings = analyse (covers);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Nothing is uncovered after an open-ended step, however far apart the
   * later steps are. */
  add_outpatient (after, "Öppenvård", D (2026, 9, 1), OPEN);
  add_work (after, "Arbetsträning", D (2026, 9, 5), D (2026, 9, 10));
  add_housing (after, "Lägenhet", D (2026, 12, 1), D (2026, 12, 31));
  findings = analyse (after);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Overlap with an open-ended step ends where the other one ends:
   * 1–31 Oct, 31 days. */
  a = add_housing (one_open, "Lägenhet A", D (2026, 9, 1), OPEN);
  b = add_housing (one_open, "Lägenhet B", D (2026, 10, 1), D (2026, 10, 31));
  findings = analyse (one_open);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_OVERLAP);
  assert_interval (f, D (2026, 10, 1), D (2026, 10, 31));
  g_assert_cmpuint (f->days, ==, 31);
  assert_steps (f, a, b);
  g_clear_pointer (&findings, g_array_unref);

  /* Both open-ended: the overlap runs on too. */
  a = add_housing (both_open, "Lägenhet A", D (2026, 9, 1), OPEN);
  b = add_housing (both_open, "Lägenhet B", D (2026, 10, 1), OPEN);
  findings = analyse (both_open);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_OVERLAP);
  assert_interval (f, D (2026, 10, 1), OPEN);
  assert_steps (f, a, b);
}

/* 500 steps of ten days each, end to end, with a three-day break after
 * every tenth: 49 gaps (after steps 10, 20, …, 490; step 500 is the last). */
static void
test_many_steps (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) findings = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_step_free);
  KedjaDate start = D (2020, 1, 1);
  guint gaps = 0;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *title = g_strdup_printf ("Arbetsträning %u", i + 1);
      KedjaStep *step = kedja_step_new (NULL, KEDJA_PHASE_EMPLOYMENT, title);

      step->agency_id = g_strdup (WORK);
      step->planned_start = start;
      step->planned_end = start + 9;
      g_ptr_array_add (steps, step);
      start += 10;
      if (i % 10 == 9 && i < 499)
        {
          start += 3;
          gaps++;
        }
    }
  g_assert_cmpuint (gaps, ==, 49);
  /* Into the plan last-first: the analysis must not rely on plan order. */
  while (steps->len > 0)
    g_ptr_array_add (plan->steps, g_ptr_array_steal_index (steps, steps->len - 1));

  findings = analyse (plan);
  expect_total (findings, 49);
  assert_in_order (findings);
  for (guint k = 0; k < 49; k++)
    {
      const KedjaFinding *f = &g_array_index (findings, KedjaFinding, k);
      /* The (k+1)-th gap follows step number 10(k+1): 10(k+1) steps of
       * ten days and k earlier breaks of three lie before the gap. */
      KedjaDate gap_start = D (2020, 1, 1) + 100 * (k + 1) + 3 * k;
      g_autofree char *before = g_strdup_printf ("Arbetsträning %u", 10 * (k + 1));
      g_autofree char *after = g_strdup_printf ("Arbetsträning %u", 10 * (k + 1) + 1);

      g_assert_cmpint (f->rule, ==, KEDJA_RULE_UNCOVERED_DAYS);
      g_assert_cmpint (f->severity, ==, WARNING);
      assert_interval (f, gap_start, gap_start + 2);
      g_assert_cmpuint (f->days, ==, 3);
      g_assert_cmpstr (title_of (f->step), ==, before);
      g_assert_cmpstr (title_of (f->next_step), ==, after);
    }
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/clean-chain", test_clean_chain);
  g_test_add_func ("/core/analysis/uncovered-days", test_uncovered_days);
  g_test_add_func ("/core/analysis/uncovered-days/which-steps", test_uncovered_days_which_steps);
  g_test_add_func ("/core/analysis/gap-severity", test_gap_severity);
  g_test_add_func ("/core/analysis/handover-gap", test_handover_gap);
  g_test_add_func ("/core/analysis/handover-gap/edges", test_handover_gap_edges);
  g_test_add_func ("/core/analysis/actual-dates", test_actual_dates);
  g_test_add_func ("/core/analysis/cancelled/never-causes", test_cancelled_never_causes);
  g_test_add_func ("/core/analysis/cancelled/never-hides", test_cancelled_never_hides);
  g_test_add_func ("/core/analysis/open-ended", test_open_ended);
  g_test_add_func ("/core/analysis/many-steps", test_many_steps);

  return g_test_run ();
}
