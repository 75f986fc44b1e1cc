/* test-analysis-plan.c — the gap analysis: plan-wide rules, and the order of findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is responsible and who coordinates, follow-up, consent, children,
 * the client's own goal, overlapping steps and long waits; then all
 * plan-wide rules at once, and the order findings come in. The builder and
 * the dates are explained in analysis-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "analysis-fixture.h"

/* ------------------------------------------------------------------ */
/* Looking at findings */

/* The rule ids of all findings, in the order given. */
static char *
rules_of (GArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (findings, KedjaFinding, i);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", rule_id (f->rule));
    }
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ */
/* 7. no-responsible */

static void
test_no_responsible (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *step;

  add_outpatient (plan, "Öppenvård", D (2026, 9, 1), OPEN);
  step = add_step (plan, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, "Stödboende", NULL,
                   D (2026, 9, 1), OPEN);

  findings = analyse (plan);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_NO_RESPONSIBLE);
  g_assert_cmpint (f->severity, ==, WARNING);
  assert_no_interval (f);
  g_assert_true (f->step == step);
  g_clear_pointer (&findings, g_array_unref);

  step->agency_id = g_strdup (HOUSING);
  findings = analyse (plan);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* 8. no-coordinator */

static void
test_no_coordinator (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;

  g_clear_pointer (&plan->coordinating_agency_id, g_free);
  findings = analyse (plan);
  f = only (findings, KEDJA_RULE_NO_COORDINATOR);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  assert_no_interval (f);
  g_assert_null (f->step);
  g_assert_null (f->next_step);
  /* Without a coordinating agency, the social services take part like any
   * other agency (as a participant) and need a consent of their own. */
  g_assert_cmpstr (only (findings, KEDJA_RULE_CONSENT_MISSING)->agency_id, ==, SOCIAL);
  expect_total (findings, 2);
  g_clear_pointer (&findings, g_array_unref);

  plan->coordinating_agency_id = g_strdup (SOCIAL);
  findings = analyse (plan);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* 9. follow-up-missing */

static void
test_follow_up_missing (void)
{
  const struct {
    const char     *what;
    KedjaPlanStatus status;
    KedjaDate       follow_up;
    gboolean        fires;
  } cases[] = {
    { "active, no date", KEDJA_PLAN_STATUS_ACTIVE, NONE, TRUE },
    { "active, yesterday", KEDJA_PLAN_STATUS_ACTIVE, D (2026, 9, 19), TRUE },
    { "active, long ago", KEDJA_PLAN_STATUS_ACTIVE, D (2026, 6, 1), TRUE },
    { "active, today", KEDJA_PLAN_STATUS_ACTIVE, D (2026, 9, 20), FALSE },
    { "active, tomorrow", KEDJA_PLAN_STATUS_ACTIVE, D (2026, 9, 21), FALSE },
    { "draft, no date", KEDJA_PLAN_STATUS_DRAFT, NONE, FALSE },
    { "draft, yesterday", KEDJA_PLAN_STATUS_DRAFT, D (2026, 9, 19), FALSE },
    { "closed, no date", KEDJA_PLAN_STATUS_CLOSED, NONE, FALSE },
    { "closed, yesterday", KEDJA_PLAN_STATUS_CLOSED, D (2026, 9, 19), FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) findings = NULL;

      g_test_message ("%s", cases[c].what);
      plan->status = cases[c].status;
      plan->follow_up = cases[c].follow_up;
      findings = analyse (plan);
      expect_total (findings, cases[c].fires ? 1 : 0);
      if (cases[c].fires)
        {
          const KedjaFinding *f = only (findings, KEDJA_RULE_FOLLOW_UP_MISSING);
          g_assert_cmpint (f->severity, ==, WARNING);
          g_assert_null (f->step);
        }
    }
}

/* ------------------------------------------------------------------ */
/* 10. consent-missing */

static void
test_consent_missing (void)
{
  g_autoptr(KedjaPlan) step = new_plan ();
  g_autoptr(KedjaPlan) many = new_plan ();
  g_autoptr(KedjaPlan) participant = new_plan ();
  g_autoptr(KedjaPlan) two = new_plan ();
  g_autoptr(KedjaPlan) coordinating = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;

  /* Responsible for a step. */
  add_psychiatry (step, "Psykiatrisk bedömning");
  findings = analyse (step);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_CONSENT_MISSING);
  g_assert_cmpint (f->severity, ==, CRITICAL);
  g_assert_cmpstr (f->agency_id, ==, PSYCH);
  g_clear_pointer (&findings, g_array_unref);

  /* Two steps and a seat at the table: still one finding for the agency. */
  add_psychiatry (many, "Psykiatrisk bedömning");
  add_psychiatry (many, "Läkemedelsuppföljning");
  g_ptr_array_add (many->participants,
                   kedja_participant_new (KEDJA_ROLE_PARTICIPANT, PSYCH, "Olle Ek"));
  findings = analyse (many);
  expect_total (findings, 1);
  g_assert_cmpstr (only (findings, KEDJA_RULE_CONSENT_MISSING)->agency_id, ==, PSYCH);
  g_clear_pointer (&findings, g_array_unref);

  /* A participant only. */
  g_ptr_array_add (participant->participants,
                   kedja_participant_new (KEDJA_ROLE_PARTICIPANT, PSYCH, "Olle Ek"));
  findings = analyse (participant);
  expect_total (findings, 1);
  g_assert_cmpstr (only (findings, KEDJA_RULE_CONSENT_MISSING)->agency_id, ==, PSYCH);
  g_clear_pointer (&findings, g_array_unref);

  /* Two agencies, one finding each. */
  add_psychiatry (two, "Psykiatrisk bedömning");
  add_outpatient (two, "Öppenvård", D (2026, 9, 1), OPEN);
  remove_consent (two, CLINIC);
  findings = analyse (two);
  expect_total (findings, 2);
  expect_count (findings, KEDJA_RULE_CONSENT_MISSING, 2);
  g_assert_cmpstr (nth (findings, KEDJA_RULE_CONSENT_MISSING, 0)->agency_id, !=,
                   nth (findings, KEDJA_RULE_CONSENT_MISSING, 1)->agency_id);
  for (guint i = 0; i < 2; i++)
    {
      const char *id = nth (findings, KEDJA_RULE_CONSENT_MISSING, i)->agency_id;
      g_assert_true (g_strcmp0 (id, PSYCH) == 0 || g_strcmp0 (id, CLINIC) == 0);
    }
  g_clear_pointer (&findings, g_array_unref);

  /* The coordinating agency needs no consent to itself, even with a step. */
  add_step (coordinating, KEDJA_PHASE_SUPPORT, KEDJA_CARE_SETTING_NONE, "Boendestöd", SOCIAL,
            D (2026, 9, 1), OPEN);
  findings = analyse (coordinating);
  expect_total (findings, 0);
}

/* "In force today": given ≤ today, not withdrawn ≤ today, not expired
 * before today. */
static void
test_consent_missing_edges (void)
{
  const struct {
    const char *what;
    KedjaDate   given;
    KedjaDate   expires;
    KedjaDate   withdrawn;
    gboolean    fires;
  } cases[] = {
    { "given long ago", D (2026, 8, 1), NONE, NONE, FALSE },
    { "given today", D (2026, 9, 20), NONE, NONE, FALSE },
    { "given tomorrow", D (2026, 9, 21), NONE, NONE, TRUE },
    { "withdrawn today", D (2026, 8, 1), NONE, D (2026, 9, 20), TRUE },
    { "withdrawn tomorrow", D (2026, 8, 1), NONE, D (2026, 9, 21), FALSE },
    { "withdrawn yesterday", D (2026, 8, 1), NONE, D (2026, 9, 19), TRUE },
    { "expires today", D (2026, 8, 1), D (2026, 9, 20), NONE, FALSE },
    { "expired yesterday", D (2026, 8, 1), D (2026, 9, 19), NONE, TRUE },
    { "expires tomorrow", D (2026, 8, 1), D (2026, 9, 21), NONE, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) findings = NULL;
      KedjaConsent *consent;

      g_test_message ("%s", cases[c].what);
      add_psychiatry (plan, "Psykiatrisk bedömning");
      consent = add_consent (plan, PSYCH, cases[c].given);
      consent->expires = cases[c].expires;
      consent->withdrawn = cases[c].withdrawn;
      /* The helper of the model agrees with the table. */
      g_assert_cmpint (kedja_consent_in_force (consent, TODAY), ==, !cases[c].fires);

      findings = analyse (plan);
      expect_total (findings, cases[c].fires ? 1 : 0);
      if (cases[c].fires)
        g_assert_cmpstr (only (findings, KEDJA_RULE_CONSENT_MISSING)->agency_id, ==, PSYCH);
    }

  /* An expired consent and a new one in force. */
  {
    g_autoptr(KedjaPlan) plan = new_plan ();
    g_autoptr(GArray) findings = NULL;

    add_psychiatry (plan, "Psykiatrisk bedömning");
    add_consent (plan, PSYCH, D (2026, 3, 1))->expires = D (2026, 8, 31);
    add_consent (plan, PSYCH, D (2026, 9, 1));
    findings = analyse (plan);
    expect_total (findings, 0);
  }
}

/* ------------------------------------------------------------------ */
/* 11. children-not-addressed */

static void
test_children_not_addressed (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) findings = NULL;
  KedjaGoal *family;

  plan->client->children_under_18 = 2;
  findings = analyse (plan);
  expect_total (findings, 1);
  g_assert_cmpint (only (findings, KEDJA_RULE_CHILDREN_NOT_ADDRESSED)->severity, ==, WARNING);
  g_clear_pointer (&findings, g_array_unref);

  /* Goals in other domains do not address the children. */
  g_ptr_array_add (plan->goals, kedja_goal_new (NULL, KEDJA_DOMAIN_HOUSING, "Eget boende"));
  g_ptr_array_add (plan->goals, kedja_goal_new (NULL, KEDJA_DOMAIN_NETWORK, "Nya vänner"));
  findings = analyse (plan);
  expect_total (findings, 1);
  expect_count (findings, KEDJA_RULE_CHILDREN_NOT_ADDRESSED, 1);
  g_clear_pointer (&findings, g_array_unref);

  /* A family goal, whatever its status, does. */
  family = kedja_goal_new (NULL, KEDJA_DOMAIN_FAMILY, "Träffa barnen varje vecka");
  family->status = KEDJA_GOAL_STATUS_DROPPED;
  g_ptr_array_add (plan->goals, family);
  findings = analyse (plan);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* No children, no goal needed. */
  g_ptr_array_set_size (plan->goals, 0);
  plan->client->children_under_18 = 0;
  findings = analyse (plan);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* 12. own-goal-missing */

static void
test_own_goal_missing (void)
{
  const char *missing[] = { NULL, "", "   ", " \t\n" };

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) findings = NULL;

      g_free (plan->own_goal);
      plan->own_goal = g_strdup (missing[i]);
      findings = analyse (plan);
      expect_total (findings, 1);
      g_assert_cmpint (only (findings, KEDJA_RULE_OWN_GOAL_MISSING)->severity, ==, WARNING);
    }

  {
    g_autoptr(KedjaPlan) plan = new_plan ();
    g_autoptr(GArray) findings = NULL;

    g_free (plan->own_goal);
    plan->own_goal = g_strdup ("Må bra");
    findings = analyse (plan);
    expect_total (findings, 0);
  }
}

/* ------------------------------------------------------------------ */
/* 13. overlap */

static void
test_overlap (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaPlan) treatment = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;
  KedjaStep *a, *b;

  /* Listed later-first: "step" is the one that starts first, not the
   * first in the plan. */
  b = add_housing (plan, "Lägenhet B", D (2026, 9, 20), D (2026, 10, 31));
  a = add_housing (plan, "Lägenhet A", D (2026, 9, 1), D (2026, 9, 30));
  findings = analyse (plan);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_OVERLAP);
  g_assert_cmpint (f->severity, ==, NOTICE);
  /* 20–30 Sep: 30 − 20 + 1 = 11 days. */
  assert_interval (f, D (2026, 9, 20), D (2026, 9, 30));
  g_assert_cmpuint (f->days, ==, 11);
  assert_steps (f, a, b);
  g_clear_pointer (&findings, g_array_unref);

  /* Inpatient and outpatient treatment at once; the client has a home, so
   * the housing rule is out of the way. */
  treatment->client->has_own_housing = TRUE;
  a = add_inpatient (treatment, "Behandlingshem", D (2026, 9, 1), D (2026, 9, 30));
  b = add_outpatient (treatment, "Öppenvård", D (2026, 9, 25), OPEN);
  findings = analyse (treatment);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_OVERLAP);
  /* 25–30 Sep: 6 days. */
  assert_interval (f, D (2026, 9, 25), D (2026, 9, 30));
  g_assert_cmpuint (f->days, ==, 6);
  assert_steps (f, a, b);
}

static void
test_overlap_edges (void)
{
  g_autoptr(KedjaPlan) touching = new_plan ();
  g_autoptr(KedjaPlan) same_day = new_plan ();
  g_autoptr(KedjaPlan) employment = new_plan ();
  g_autoptr(KedjaPlan) phases = new_plan ();
  g_autoptr(GArray) findings = NULL;
  const KedjaFinding *f;

  /* One ends on 30 Sep, the other starts on 1 Oct. */
  add_housing (touching, "Lägenhet A", D (2026, 9, 1), D (2026, 9, 30));
  add_housing (touching, "Lägenhet B", D (2026, 10, 1), D (2026, 10, 31));
  findings = analyse (touching);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Moving day: both on 30 Sep. */
  add_housing (same_day, "Lägenhet A", D (2026, 9, 1), D (2026, 9, 30));
  add_housing (same_day, "Lägenhet B", D (2026, 9, 30), D (2026, 10, 31));
  findings = analyse (same_day);
  expect_total (findings, 1);
  f = only (findings, KEDJA_RULE_OVERLAP);
  assert_interval (f, D (2026, 9, 30), D (2026, 9, 30));
  g_assert_cmpuint (f->days, ==, 1);
  g_clear_pointer (&findings, g_array_unref);

  /* Employment is not among the default phases: work training and studies
   * may well run side by side. */
  add_work (employment, "Arbetsträning", D (2026, 9, 1), D (2026, 12, 31));
  add_work (employment, "Studier", D (2026, 10, 1), D (2026, 11, 30));
  findings = analyse (employment);
  expect_total (findings, 0);
  g_clear_pointer (&findings, g_array_unref);

  /* Different phases never overlap each other. */
  add_detox (phases, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  add_outpatient (phases, "Öppenvård", D (2026, 9, 5), OPEN);
  add_housing (phases, "Lägenhet", D (2026, 9, 1), OPEN);
  findings = analyse (phases);
  expect_total (findings, 0);
}

/* ------------------------------------------------------------------ */
/* 14. long-wait */

static void
test_long_wait (void)
{
  const struct {
    const char *what;
    KedjaDate   need;
    gboolean    with_steps;
    guint       days;  /* 0: no finding */
  } cases[] = {
    /* First step 1 Sep: 1 Aug → 1 Sep is 31 days. */
    { "31 days", D (2026, 8, 1), TRUE, 31 },
    { "30 days", D (2026, 8, 2), TRUE, 0 },
    { "no need recorded", NONE, TRUE, 0 },
    /* No step at all: counted to today, 20 Aug → 20 Sep is 31 days. */
    { "no steps, 31 days", D (2026, 8, 20), FALSE, 31 },
    { "no steps, 30 days", D (2026, 8, 21), FALSE, 0 },
    { "no steps, no need recorded", NONE, FALSE, 0 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) findings = NULL;

      g_test_message ("%s", cases[c].what);
      plan->need_recorded = cases[c].need;
      if (cases[c].with_steps)
        {
          /* Listed first but starting later: the first step is the earliest. */
          add_housing (plan, "Lägenhet", D (2026, 10, 1), OPEN);
          add_outpatient (plan, "Öppenvård", D (2026, 9, 1), OPEN);
        }
      findings = analyse (plan);
      expect_total (findings, cases[c].days > 0 ? 1 : 0);
      if (cases[c].days > 0)
        {
          const KedjaFinding *f = only (findings, KEDJA_RULE_LONG_WAIT);
          g_assert_cmpint (f->severity, ==, WARNING);
          g_assert_cmpuint (f->days, ==, cases[c].days);
        }
    }
}

/* ------------------------------------------------------------------ */
/* All plan-wide rules at once */

/* Without steps only the plan-wide rules speak (and nothing crashes). */
static void
test_no_steps (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(GArray) findings = NULL;
  g_autofree char *rules = NULL;

  g_clear_pointer (&plan->coordinating_agency_id, g_free);
  g_clear_pointer (&plan->own_goal, g_free);
  plan->follow_up = NONE;
  plan->client->children_under_18 = 1;
  /* 1 Aug → 20 Sep: 31 + 19 = 50 days. */
  plan->need_recorded = D (2026, 8, 1);
  g_ptr_array_set_size (plan->participants, 0);
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_PARTICIPANT, PSYCH, "Olle Ek"));

  findings = analyse (plan);
  rules = rules_of (findings);
  /* Critical first, then warnings; all plan-wide, so in rule order (the
   * long wait last whether or not it has a date of its own). */
  g_assert_cmpstr (rules, ==,
                   "no-coordinator consent-missing follow-up-missing children-not-addressed "
                   "own-goal-missing long-wait");
  g_assert_cmpstr (only (findings, KEDJA_RULE_CONSENT_MISSING)->agency_id, ==, PSYCH);
  g_assert_cmpuint (only (findings, KEDJA_RULE_LONG_WAIT)->days, ==, 50);
  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (findings, KedjaFinding, i);
      g_assert_null (f->step);
      g_assert_null (f->next_step);
      g_assert_null (f->handover);
    }
}

/* ------------------------------------------------------------------ */
/* Order */

static void
test_order (void)
{
  g_autoptr(KedjaPlan) plan = troubled_plan ();
  g_autoptr(GArray) first = analyse (plan);
  g_autoptr(GArray) second = analyse (plan);
  g_autoptr(GArray) appended = g_array_new (FALSE, TRUE, sizeof (KedjaFinding));
  g_autoptr(GArray) tail = g_array_new (FALSE, TRUE, sizeof (KedjaFinding));
  g_autofree char *rules = rules_of (first);
  KedjaFinding sentinel = { 0 };

  /*
   * Critical:  unconfirmed-handover       10 Sep (its planned date)
   *            uncovered-days             11 Sep  (rule 1)
   *            handover-gap               11 Sep  (rule 2)
   *            released-before-taken-over 11 Sep  (rule 3)
   *            no-next-step               19 Sep  (no interval: the
   *            no-housing-after-treatment 19 Sep   treatment's start)
   * Warning:   follow-up-missing          plan-wide, 0
   *            no-responsible             1 Sep (the support step's start)
   * Notice:    overlap                    8 Sep
   */
  g_assert_cmpstr (rules, ==,
                   "unconfirmed-handover uncovered-days handover-gap released-before-taken-over "
                   "no-next-step no-housing-after-treatment follow-up-missing no-responsible "
                   "overlap");
  assert_in_order (first);

  /* The same plan gives the same findings, field by field. */
  assert_same_findings (first, second);

  /* _into appends and leaves what was there. */
  sentinel.rule = KEDJA_RULE_LONG_WAIT;
  sentinel.days = 4711;
  g_array_append_val (appended, sentinel);
  kedja_analyse_into (plan, NULL, TODAY, appended);
  g_assert_cmpuint (appended->len, ==, first->len + 1);
  g_assert_cmpint (g_array_index (appended, KedjaFinding, 0).rule, ==, KEDJA_RULE_LONG_WAIT);
  g_assert_cmpuint (g_array_index (appended, KedjaFinding, 0).days, ==, 4711);
  g_array_append_vals (tail, &g_array_index (appended, KedjaFinding, 1), first->len);
  assert_same_findings (first, tail);
}

static void
test_sort_date (void)
{
  g_autoptr(KedjaPlan) plan = troubled_plan ();
  g_autoptr(GArray) findings = analyse (plan);

  /* An interval: its start. */
  g_assert_cmpint (kedja_finding_get_sort_date (only (findings, KEDJA_RULE_UNCOVERED_DAYS)), ==,
                   D (2026, 9, 11));
  g_assert_cmpint (kedja_finding_get_sort_date (only (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER)),
                   ==, D (2026, 9, 10));
  /* No interval: the step's start. */
  g_assert_cmpint (kedja_finding_get_sort_date (only (findings, KEDJA_RULE_NO_NEXT_STEP)), ==,
                   D (2026, 9, 19));
  g_assert_cmpint (kedja_finding_get_sort_date (only (findings, KEDJA_RULE_NO_RESPONSIBLE)), ==,
                   D (2026, 9, 1));
  /* Plan-wide: 0. */
  g_assert_cmpint (kedja_finding_get_sort_date (only (findings, KEDJA_RULE_FOLLOW_UP_MISSING)),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/no-responsible", test_no_responsible);
  g_test_add_func ("/core/analysis/no-coordinator", test_no_coordinator);
  g_test_add_func ("/core/analysis/follow-up-missing", test_follow_up_missing);
  g_test_add_func ("/core/analysis/consent-missing", test_consent_missing);
  g_test_add_func ("/core/analysis/consent-missing/edges", test_consent_missing_edges);
  g_test_add_func ("/core/analysis/children-not-addressed", test_children_not_addressed);
  g_test_add_func ("/core/analysis/own-goal-missing", test_own_goal_missing);
  g_test_add_func ("/core/analysis/overlap", test_overlap);
  g_test_add_func ("/core/analysis/overlap/edges", test_overlap_edges);
  g_test_add_func ("/core/analysis/long-wait", test_long_wait);
  g_test_add_func ("/core/analysis/no-steps", test_no_steps);
  g_test_add_func ("/core/analysis/order", test_order);
  g_test_add_func ("/core/analysis/sort-date", test_sort_date);

  return g_test_run ();
}
