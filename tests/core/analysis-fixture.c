/* analysis-fixture.c — the plan builder and the assertions on findings of the analysis tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "analysis-fixture.h"

#define PLAN_ID   "51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42"
#define CLIENT_ID "2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20"

/* ------------------------------------------------------------------ */
/* The plan builder */

/*
 * A plan that gives no findings as long as nothing is added to it: active,
 * with the client's own goal, a coordinating agency and coordinator, a
 * follow-up next month, no children, no date of need, and a consent in
 * force for every agency except the psychiatric clinic (which takes no part
 * until a test makes it). The client has no own housing.
 */
KedjaPlan *
new_plan (void)
{
  static const struct {
    const char     *id;
    const char     *name;
    KedjaAgencyKind kind;
    gboolean        consent;
  } agencies[] = {
    { SOCIAL, "Socialtjänsten Angered", KEDJA_AGENCY_KIND_SOCIAL_SERVICES, FALSE },
    { CLINIC, CLINIC_NAME, KEDJA_AGENCY_KIND_ADDICTION_CARE, TRUE },
    { HOME, HOME_NAME, KEDJA_AGENCY_KIND_ADDICTION_CARE, TRUE },
    { HOUSING, "Bostadsbolaget", KEDJA_AGENCY_KIND_HOUSING, TRUE },
    { WORK, "Arbetsförmedlingen", KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE, TRUE },
    { PSYCH, PSYCH_NAME, KEDJA_AGENCY_KIND_PSYCHIATRY, FALSE },
  };
  KedjaClient *client = kedja_client_new (CLIENT_ID, "Åsa Öberg");
  KedjaPlan *plan = kedja_plan_new (PLAN_ID, client, "SIP för Åsa");

  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 8, 1);
  plan->own_goal = g_strdup ("Jag vill ha ett eget boende och ett jobb");
  plan->coordinating_agency_id = g_strdup (SOCIAL);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = TODAY + 30;

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    {
      g_ptr_array_add (plan->agencies,
                       kedja_agency_new (agencies[i].id, agencies[i].name, agencies[i].kind));
      if (agencies[i].consent)
        g_ptr_array_add (plan->consents,
                         kedja_consent_new (agencies[i].id, D (2026, 8, 1),
                                            KEDJA_CONSENT_FORM_WRITTEN));
    }

  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL, "Maria Lind"));
  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa"));
  return plan;
}

KedjaStep *
add_step (KedjaPlan       *plan,
          KedjaPhase       phase,
          KedjaCareSetting setting,
          const char      *title,
          const char      *agency_id,
          KedjaDate        start,
          KedjaDate        end)
{
  KedjaStep *step = kedja_step_new (NULL, phase, title);

  step->setting = setting;
  step->agency_id = g_strdup (agency_id);
  step->planned_start = start;
  step->planned_end = end;
  step->status = KEDJA_STEP_STATUS_PLANNED;
  g_ptr_array_add (plan->steps, step);
  return step;
}

/* Residential whatever its setting. */
KedjaStep *
add_detox (KedjaPlan  *plan,
           const char *title,
           KedjaDate   start,
           KedjaDate   end)
{
  return add_step (plan, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, title, CLINIC, start, end);
}

/* Residential. */
KedjaStep *
add_inpatient (KedjaPlan  *plan,
               const char *title,
               KedjaDate   start,
               KedjaDate   end)
{
  return add_step (plan, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, title, HOME,
                   start, end);
}

/* Not residential. */
KedjaStep *
add_outpatient (KedjaPlan  *plan,
                const char *title,
                KedjaDate   start,
                KedjaDate   end)
{
  return add_step (plan, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, title, CLINIC,
                   start, end);
}

KedjaStep *
add_housing (KedjaPlan  *plan,
             const char *title,
             KedjaDate   start,
             KedjaDate   end)
{
  return add_step (plan, KEDJA_PHASE_HOUSING, KEDJA_CARE_SETTING_NONE, title, HOUSING, start, end);
}

KedjaStep *
add_work (KedjaPlan  *plan,
          const char *title,
          KedjaDate   start,
          KedjaDate   end)
{
  return add_step (plan, KEDJA_PHASE_EMPLOYMENT, KEDJA_CARE_SETTING_NONE, title, WORK, start, end);
}

KedjaStep *
cancel (KedjaStep *step)
{
  step->status = KEDJA_STEP_STATUS_CANCELLED;
  return step;
}

/* @confirmed may be NONE: not confirmed. */
KedjaHandover *
add_handover (KedjaPlan       *plan,
              const KedjaStep *from,
              const KedjaStep *to,
              KedjaDate        planned,
              KedjaDate        confirmed)
{
  KedjaHandover *handover = kedja_handover_new (from->id, to->id, planned);

  handover->confirmed = confirmed;
  if (confirmed != KEDJA_DATE_NONE)
    handover->confirmed_by = g_strdup ("Karin Berg");
  g_ptr_array_add (plan->handovers, handover);
  return handover;
}

KedjaConsent *
add_consent (KedjaPlan  *plan,
             const char *agency_id,
             KedjaDate   given)
{
  KedjaConsent *consent = kedja_consent_new (agency_id, given, KEDJA_CONSENT_FORM_ORAL);

  g_ptr_array_add (plan->consents, consent);
  return consent;
}

void
remove_consent (KedjaPlan  *plan,
                const char *agency_id)
{
  for (guint i = plan->consents->len; i > 0; i--)
    {
      KedjaConsent *consent = g_ptr_array_index (plan->consents, i - 1);
      if (g_strcmp0 (consent->agency_id, agency_id) == 0)
        g_ptr_array_remove_index (plan->consents, i - 1);
    }
}

KedjaStep *
add_psychiatry (KedjaPlan  *plan,
                const char *title)
{
  return add_step (plan, KEDJA_PHASE_HEALTH, KEDJA_CARE_SETTING_NONE, title, PSYCH,
                   D (2026, 9, 1), OPEN);
}

static void
assert_valid (const KedjaPlan *plan)
{
  g_autoptr(GError) error = NULL;

  kedja_plan_validate (plan, &error);
  g_assert_no_error (error);
}

GArray *
analyse_with (const KedjaPlan             *plan,
              const KedjaAnalysisSettings *settings)
{
  GArray *findings;

  assert_valid (plan);
  findings = kedja_analyse (plan, settings, TODAY);
  g_assert_nonnull (findings);
  g_assert_cmpuint (g_array_get_element_size (findings), ==, sizeof (KedjaFinding));
  return findings;
}

GArray *
analyse (const KedjaPlan *plan)
{
  return analyse_with (plan, NULL);
}

/* ------------------------------------------------------------------ */
/* Plans that several files start from */

/* Inpatient treatment 1 Sep–31 Oct, outpatient aftercare from 1 Nov (so
 * that something continues), client without own housing. */
KedjaPlan *
treatment_plan (KedjaStep **out_treatment)
{
  KedjaPlan *plan = new_plan ();

  *out_treatment = add_inpatient (plan, "Behandlingshem", D (2026, 9, 1), D (2026, 10, 31));
  add_outpatient (plan, "Eftervård", D (2026, 11, 1), OPEN);
  return plan;
}

/*
 * One plan with findings of all three severities, on different dates:
 *   Avgiftning          detox 1–10 Sep, completed, handed over unconfirmed
 *                       on 10 Sep to
 *   Behandlingshem      inpatient 19 Sep–31 Oct, then nothing, no housing
 *   Abstinensbehandling outpatient detox 8–9 Sep (overlaps Avgiftning)
 *   Stödsamtal          support 1–5 Sep, no agency
 * and no follow-up date.
 */
KedjaPlan *
troubled_plan (void)
{
  KedjaPlan *plan = new_plan ();
  KedjaStep *detox, *treatment, *second;

  detox = add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  detox->status = KEDJA_STEP_STATUS_COMPLETED;
  treatment = add_inpatient (plan, "Behandlingshem", D (2026, 9, 19), D (2026, 10, 31));
  treatment->status = KEDJA_STEP_STATUS_BOOKED;
  second = add_step (plan, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_OUTPATIENT,
                     "Abstinensbehandling", CLINIC, D (2026, 9, 8), D (2026, 9, 9));
  second->status = KEDJA_STEP_STATUS_COMPLETED;
  add_step (plan, KEDJA_PHASE_SUPPORT, KEDJA_CARE_SETTING_NONE, "Stödsamtal", NULL,
            D (2026, 9, 1), D (2026, 9, 5));
  add_handover (plan, detox, treatment, D (2026, 9, 10), NONE);
  plan->follow_up = NONE;
  return plan;
}

/* ------------------------------------------------------------------ */
/* Looking at findings */

const char *
or_dash (const char *text)
{
  return text != NULL ? text : "-";
}

const char *
title_of (const KedjaStep *step)
{
  return step != NULL ? step->title : "(none)";
}

const char *
rule_id (KedjaRule rule)
{
  return or_dash (kedja_enum_to_nick (KEDJA_TYPE_RULE, rule));
}

/* All findings, one a line, for failure messages. */
static char *
describe (GArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (findings, KedjaFinding, i);
      char start[KEDJA_DATE_STRLEN], end[KEDJA_DATE_STRLEN];

      kedja_date_format (f->start, start);
      kedja_date_format (f->end, end);
      g_string_append_printf (text,
                              "\n  %s %s [%s..%s] days=%u step=%s next=%s agency=%s actor=%s",
                              or_dash (kedja_enum_to_nick (KEDJA_TYPE_SEVERITY, f->severity)),
                              rule_id (f->rule), start, end, f->days, title_of (f->step),
                              title_of (f->next_step), or_dash (f->agency_id),
                              or_dash (f->actor_id));
    }
  if (findings->len == 0)
    g_string_append (text, " (none)");
  return g_string_free (text, FALSE);
}

static guint
count_rule (GArray   *findings,
            KedjaRule rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_array_index (findings, KedjaFinding, i).rule == rule)
      n++;
  return n;
}

/* The @nth finding of @rule (from 0), or NULL. */
static const KedjaFinding *
nth_finding (GArray   *findings,
             KedjaRule rule,
             guint     nth)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (findings, KedjaFinding, i);
      if (f->rule == rule && nth-- == 0)
        return f;
    }
  return NULL;
}

/* The @nth finding of @rule; fails when there are fewer. */
const KedjaFinding *
nth (GArray   *findings,
     KedjaRule rule,
     guint     n)
{
  const KedjaFinding *f = nth_finding (findings, rule, n);

  if (f == NULL)
    {
      g_autofree char *all = describe (findings);
      g_error ("no %s finding number %u:%s", rule_id (rule), n + 1, all);
    }
  return f;
}

void
expect_count (GArray   *findings,
              KedjaRule rule,
              guint     expected)
{
  guint n = count_rule (findings, rule);

  if (n != expected)
    {
      g_autofree char *all = describe (findings);
      g_error ("expected %u %s finding(s), found %u:%s", expected, rule_id (rule), n, all);
    }
}

void
expect_total (GArray *findings,
              guint   expected)
{
  if (findings->len != expected)
    {
      g_autofree char *all = describe (findings);
      g_error ("expected %u finding(s) in all, found %u:%s", expected, findings->len, all);
    }
}

/* The one finding of @rule; fails unless there is exactly one. */
const KedjaFinding *
only (GArray   *findings,
      KedjaRule rule)
{
  const KedjaFinding *f;

  expect_count (findings, rule, 1);
  f = nth_finding (findings, rule, 0);
  if (f == NULL)
    g_error ("no %s finding", rule_id (rule));
  return f;
}

void
assert_interval (const KedjaFinding *f,
                 KedjaDate           start,
                 KedjaDate           end)
{
  char got_start[KEDJA_DATE_STRLEN], got_end[KEDJA_DATE_STRLEN];
  char want_start[KEDJA_DATE_STRLEN], want_end[KEDJA_DATE_STRLEN];

  kedja_date_format (f->start, got_start);
  kedja_date_format (f->end, got_end);
  kedja_date_format (start, want_start);
  kedja_date_format (end, want_end);
  g_assert_cmpstr (got_start, ==, want_start);
  g_assert_cmpstr (got_end, ==, want_end);
}

void
assert_no_interval (const KedjaFinding *f)
{
  char got[KEDJA_DATE_STRLEN];

  kedja_date_format (f->start, got);
  g_assert_cmpstr (got, ==, "");
}

void
assert_steps (const KedjaFinding *f,
              const KedjaStep    *step,
              const KedjaStep    *next_step)
{
  g_assert_cmpstr (title_of (f->step), ==, title_of (step));
  g_assert_true (f->step == step);
  g_assert_cmpstr (title_of (f->next_step), ==, title_of (next_step));
  g_assert_true (f->next_step == next_step);
}

/* Severity first (critical before warning before notice), then the sort
 * date, then the rule in enum order. */
void
assert_in_order (GArray *findings)
{
  for (guint i = 1; i < findings->len; i++)
    {
      const KedjaFinding *a = &g_array_index (findings, KedjaFinding, i - 1);
      const KedjaFinding *b = &g_array_index (findings, KedjaFinding, i);
      KedjaDate da = kedja_finding_get_sort_date (a);
      KedjaDate db = kedja_finding_get_sort_date (b);
      gboolean ok = a->severity > b->severity
                    || (a->severity == b->severity
                        && (da < db || (da == db && a->rule <= b->rule)));

      if (!ok)
        {
          g_autofree char *all = describe (findings);
          g_error ("findings %u and %u are out of order:%s", i - 1, i, all);
        }
    }
}

void
assert_same_findings (GArray *a,
                      GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const KedjaFinding *x = &g_array_index (a, KedjaFinding, i);
      const KedjaFinding *y = &g_array_index (b, KedjaFinding, i);

      g_assert_cmpint (x->rule, ==, y->rule);
      g_assert_cmpint (x->severity, ==, y->severity);
      g_assert_cmpint (x->start, ==, y->start);
      g_assert_cmpint (x->end, ==, y->end);
      g_assert_true (x->step == y->step);
      g_assert_true (x->next_step == y->next_step);
      g_assert_true (x->handover == y->handover);
      g_assert_cmpstr (x->agency_id, ==, y->agency_id);
      g_assert_cmpstr (x->actor_id, ==, y->actor_id);
      g_assert_cmpuint (x->days, ==, y->days);
    }
}
