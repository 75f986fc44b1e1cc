/* test-analysis-handovers.c — the gap analysis: handovers, and what follows a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person released before the next agency has taken over, handovers not
 * yet confirmed, care that ends with nothing after it, and treatment that
 * ends without a home to go to. The builder and the dates are explained in
 * analysis-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "analysis-fixture.h"

/* ------------------------------------------------------------------ */
/* 3. released-before-taken-over */

/* Detox 1–10 Sep, completed, handed over to a treatment home from 11 Sep.
 * @confirmed may be NONE. */
static KedjaPlan *
released_plan (KedjaDate       confirmed,
               KedjaStep     **out_detox,
               KedjaStep     **out_treatment,
               KedjaHandover **out_handover)
{
  KedjaPlan *plan = new_plan ();

  *out_detox = add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  (*out_detox)->status = KEDJA_STEP_STATUS_COMPLETED;
  *out_treatment = add_inpatient (plan, "Behandlingshem", D (2026, 9, 11), OPEN);
  *out_handover = add_handover (plan, *out_detox, *out_treatment, D (2026, 9, 10), confirmed);
  return plan;
}

static void
test_released (void)
{
  g_autoptr(KedjaPlan) unconfirmed = NULL;
  g_autoptr(KedjaPlan) on_last_day = NULL;
  g_autoptr(KedjaPlan) day_after = NULL;
  g_autoptr(KedjaPlan) days_later = NULL;
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *detox, *treatment;
  KedjaHandover *handover;

  /* Ended 10 Sep, nobody has confirmed by today: released 11–20 Sep. */
  unconfirmed = released_plan (NONE, &detox, &treatment, &handover);
  findings = analyse (unconfirmed);
  expect_total (findings, 2);
  expect_count (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER, 1);
  f = only (findings, KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 9, 11), TODAY);
  assert_steps (f, detox, treatment);
  g_assert_true (f->handover == handover);
  g_assert_cmpstr (f->actor_id, ==, HOME);
  g_clear_pointer (&findings, g_array_unref);

  /* Confirmed on the sender's last day: taken over in time. */
  on_last_day = released_plan (D (2026, 9, 10), &detox, &treatment, &handover);
  findings = analyse (on_last_day);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Confirmed the day after: released, but [11 Sep, 10 Sep] is empty. */
  day_after = released_plan (D (2026, 9, 11), &detox, &treatment, &handover);
  findings = analyse (day_after);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_no_interval (f);
  g_assert_true (f->handover == handover);
  g_assert_cmpstr (f->actor_id, ==, HOME);
  g_clear_pointer (&findings, g_array_unref);

  /* Confirmed 14 Sep: nobody held the person 11–13 Sep. */
  days_later = released_plan (D (2026, 9, 14), &detox, &treatment, &handover);
  findings = analyse (days_later);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER);
  assert_interval (f, D (2026, 9, 11), D (2026, 9, 13));
}

/* When has the sending step ended: its end before today, or its status. */
static void
test_released_edges (void)
{
  const struct {
    const char     *what;
    KedjaDate       end;
    KedjaStepStatus status;
    gboolean        released;
    KedjaDate       start;  /* of the interval; NONE: no interval */
    KedjaSeverity   unconfirmed;
  } cases[] = {
    /* Ends today and is still ongoing: not ended yet. The handover is
     * planned today: a warning. */
    { "ends today", D (2026, 9, 20), KEDJA_STEP_STATUS_ONGOING, FALSE, NONE, WARNING },
    /* Ended yesterday: released on today, 20–20 Sep. Planned yesterday,
     * unconfirmed: critical. */
    { "ended yesterday", D (2026, 9, 19), KEDJA_STEP_STATUS_ONGOING, TRUE, D (2026, 9, 20),
      CRITICAL },
    /* Interrupted: ended whatever the date says; [26 Sep, 20 Sep] is
     * empty, so no interval. Planned 25 Sep ≤ 27 Sep: a warning. */
    { "interrupted", D (2026, 9, 25), KEDJA_STEP_STATUS_INTERRUPTED, TRUE, NONE, WARNING },
    { "completed", D (2026, 9, 25), KEDJA_STEP_STATUS_COMPLETED, TRUE, NONE, WARNING },
    { "ongoing", D (2026, 9, 25), KEDJA_STEP_STATUS_ONGOING, FALSE, NONE, WARNING },
    { "booked", D (2026, 9, 25), KEDJA_STEP_STATUS_BOOKED, FALSE, NONE, WARNING },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) findings = NULL;
      KedjaStep *detox, *treatment;

      g_test_message ("%s", cases[c].what);
      detox = add_detox (plan, "Avgiftning", D (2026, 9, 10), cases[c].end);
      detox->status = cases[c].status;
      treatment = add_inpatient (plan, "Behandlingshem", cases[c].end + 1, OPEN);
      add_handover (plan, detox, treatment, cases[c].end, NONE);

      findings = analyse (plan);
      expect_total (findings, cases[c].released ? 2 : 1);
      g_assert_cmpint (only (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER)->severity, ==,
                       cases[c].unconfirmed);
      if (cases[c].released)
        {
          const KedjaFinding *f = only (findings, KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER);

          g_assert_cmpint (f->severity, ==, CRITICAL);
          if (cases[c].start == NONE)
            assert_no_interval (f);
          else
            assert_interval (f, cases[c].start, TODAY);
        }
    }
}

/* ------------------------------------------------------------------ */
/* 4. unconfirmed-handover */

static void
test_unconfirmed_handover (void)
{
  static const struct {
    const char   *what;
    int           offset;     /* planned date − today */
    gboolean      confirmed;
    gboolean      fires;
    KedjaSeverity severity;
  } cases[] = {
    { "passed yesterday", -1, FALSE, TRUE, CRITICAL },
    { "passed a month ago", -30, FALSE, TRUE, CRITICAL },
    { "today", 0, FALSE, TRUE, WARNING },
    { "in 7 days", 7, FALSE, TRUE, WARNING },
    { "in 8 days", 8, FALSE, FALSE, WARNING },
    { "passed, but confirmed", -1, TRUE, FALSE, WARNING },
    { "today, confirmed", 0, TRUE, FALSE, WARNING },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) findings = NULL;
      KedjaDate planned = TODAY + cases[c].offset;
      KedjaStep *detox, *treatment;
      KedjaHandover *handover;

      g_test_message ("%s", cases[c].what);
      /* The detox is still ongoing (ends 10 Oct): only the confirmation is
       * at stake, not a release. */
      detox = add_detox (plan, "Avgiftning", D (2026, 8, 15), D (2026, 10, 10));
      detox->status = KEDJA_STEP_STATUS_ONGOING;
      treatment = add_inpatient (plan, "Behandlingshem", D (2026, 10, 11), OPEN);
      handover = add_handover (plan, detox, treatment, planned,
                               cases[c].confirmed ? D (2026, 8, 16) : NONE);

      findings = analyse (plan);
      if (!cases[c].fires)
        {
          expect_total (findings, 0);
          continue;
        }
      expect_total (findings, 1);
      const KedjaFinding *f = only (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER);
      g_assert_cmpint (f->severity, ==, cases[c].severity);
      assert_interval (f, planned, planned);
      g_assert_true (f->handover == handover);
      assert_steps (f, detox, treatment);
    }
}

/* ------------------------------------------------------------------ */
/* 5. no-next-step */

static void
test_no_next_step (void)
{
  g_autoptr(KedjaPlan) detox_only = new_plan ();
  g_autoptr(KedjaPlan) outpatient_only = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *step;

  step = add_detox (detox_only, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  step->status = KEDJA_STEP_STATUS_COMPLETED;
  findings = analyse (detox_only);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_NO_NEXT_STEP);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_no_interval (f);
  g_assert_true (f->step == step);
  g_assert_null (f->actor_id);
  g_clear_pointer (&findings, g_array_unref);

  /* Outpatient treatment too (and no housing rule: it is not inpatient). */
  step = add_outpatient (outpatient_only, "Öppenvård", D (2026, 9, 1), D (2026, 10, 31));
  findings = analyse (outpatient_only);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_NO_NEXT_STEP);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  g_assert_true (f->step == step);
}

/* Each of the three ways something continues is enough on its own. */
static void
test_no_next_step_edges (void)
{
  g_autoptr(KedjaPlan) later = new_plan ();
  g_autoptr(KedjaPlan) covering = new_plan ();
  g_autoptr(KedjaPlan) handed_over = new_plan ();
  g_autoptr(KedjaPlan) not_care = new_plan ();
  g_autoptr(KedjaPlan) runs_on = new_plan ();
  g_autoptr(GArray) findings = NULL;
  KedjaStep *detox, *outpatient;

  /* A step starting later (with a gap, which is another rule's concern). */
  add_detox (later, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  add_work (later, "Arbetsträning", D (2026, 9, 30), OPEN);
  findings = analyse (later);
  expect_count (findings, KEDJA_RULE_NO_NEXT_STEP, 0);
  expect_count (findings, KEDJA_RULE_UNCOVERED_DAYS, 1);
  g_clear_pointer (&findings, g_array_unref);

  /* A step covering exactly the day after, and ending then. */
  add_detox (covering, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  add_housing (covering, "Jourboende", D (2026, 9, 11), D (2026, 9, 11));
  findings = analyse (covering);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Only an outgoing handover: the receiving step started during the
   * detox and ends with it, so only the receiver lacks a next step. */
  detox = add_detox (handed_over, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  outpatient = add_outpatient (handed_over, "Öppenvård", D (2026, 9, 5), D (2026, 9, 10));
  add_handover (handed_over, detox, outpatient, D (2026, 9, 5), D (2026, 9, 5));
  findings = analyse (handed_over);
  expect_total (findings, 1);
  g_assert_true (only (findings, KEDJA_RULE_NO_NEXT_STEP)->step == outpatient);
  g_clear_pointer (&findings, g_array_unref);

  /* Housing and employment steps may end without a successor. */
  add_housing (not_care, "Lägenhet", D (2026, 9, 1), D (2026, 9, 30));
  add_work (not_care, "Arbetsträning", D (2026, 9, 1), D (2026, 9, 30));
  findings = analyse (not_care);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Without an end nothing ends. */
  add_outpatient (runs_on, "Öppenvård", D (2026, 9, 1), OPEN);
  add_detox (runs_on, "Avgiftning", D (2026, 9, 1), OPEN);
  findings = analyse (runs_on);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* 6. no-housing-after-treatment */

static void
test_no_housing (void)
{
  g_autoptr(KedjaPlan) nothing = NULL;
  g_autoptr(KedjaPlan) later = NULL;
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *treatment, *flat;

  nothing = treatment_plan (&treatment);
  findings = analyse (nothing);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_no_interval (f);
  assert_steps (f, treatment, NULL);
  g_clear_pointer (&findings, g_array_unref);

  /* Housing from 10 Nov: homeless 1–9 Nov. */
  later = treatment_plan (&treatment);
  flat = add_housing (later, "Lägenhet", D (2026, 11, 10), OPEN);
  findings = analyse (later);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_interval (f, D (2026, 11, 1), D (2026, 11, 9));
  assert_steps (f, treatment, flat);
}

static void
test_no_housing_edges (void)
{
  g_autoptr(KedjaPlan) next_day = NULL;
  g_autoptr(KedjaPlan) already = NULL;
  g_autoptr(KedjaPlan) ends_with = NULL;
  g_autoptr(KedjaPlan) own = NULL;
  g_autoptr(KedjaPlan) outpatient = new_plan ();
  g_autoptr(KedjaPlan) detox = new_plan ();
  g_autoptr(GArray) findings = NULL;
  KedjaStep *treatment;

  /* Housing from the day after: none. */
  next_day = treatment_plan (&treatment);
  add_housing (next_day, "Lägenhet", D (2026, 11, 1), OPEN);
  findings = analyse (next_day);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Housing that began before and runs on: none. */
  already = treatment_plan (&treatment);
  add_housing (already, "Lägenhet", D (2026, 10, 1), OPEN);
  findings = analyse (already);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Housing that ends with the treatment does not cover 1 Nov; it does not
   * start later either, so there is no interval. */
  ends_with = treatment_plan (&treatment);
  add_housing (ends_with, "Lägenhet", D (2026, 10, 1), D (2026, 10, 31));
  findings = analyse (ends_with);
  expect_total (findings, 1);
  assert_no_interval (only (findings, KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT));
  g_clear_pointer (&findings, g_array_unref);

  /* The client has a home to go back to. */
  own = treatment_plan (&treatment);
  own->client->has_own_housing = TRUE;
  findings = analyse (own);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Outpatient treatment is not residential. */
  add_outpatient (outpatient, "Öppenvård", D (2026, 9, 1), D (2026, 10, 31));
  add_outpatient (outpatient, "Eftervård", D (2026, 11, 1), OPEN);
  findings = analyse (outpatient);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Detox is residential, but this rule is about treatment. */
  add_detox (detox, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (detox, "Öppenvård", D (2026, 9, 11), OPEN);
  findings = analyse (detox);
  expect_total (findings, 0);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/released-before-taken-over", test_released);
  g_test_add_func ("/core/analysis/released-before-taken-over/edges", test_released_edges);
  g_test_add_func ("/core/analysis/unconfirmed-handover", test_unconfirmed_handover);
  g_test_add_func ("/core/analysis/no-next-step", test_no_next_step);
  g_test_add_func ("/core/analysis/no-next-step/edges", test_no_next_step_edges);
  g_test_add_func ("/core/analysis/no-housing-after-treatment", test_no_housing);
  g_test_add_func ("/core/analysis/no-housing-after-treatment/edges", test_no_housing_edges);

  return g_test_run ();
}
