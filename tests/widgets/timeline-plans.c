/* timeline-plans.c — plans for the timeline's tests, benchmark and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include "timeline-plans.h"

static const struct {
  const char     *id;
  const char     *name;
  KedjaAgencyKind kind;
} agencies[] = {
  { "agency-social", "Socialtjänsten Angered", KEDJA_AGENCY_KIND_SOCIAL_SERVICES },
  { "agency-clinic", "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE },
  { "agency-home", "Behandlingshemmet Gården", KEDJA_AGENCY_KIND_ADDICTION_CARE },
  { "agency-psych", "Psykiatrimottagningen Nordost", KEDJA_AGENCY_KIND_PSYCHIATRY },
  { "agency-primary", "Vårdcentralen Hjällbo", KEDJA_AGENCY_KIND_PRIMARY_CARE },
  { "agency-prison", "Frivården Göteborg", KEDJA_AGENCY_KIND_PRISON_PROBATION },
  { "agency-work", "Arbetsförmedlingen", KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE },
  { "agency-insurance", "Försäkringskassan", KEDJA_AGENCY_KIND_SOCIAL_INSURANCE },
  { "agency-housing", "Bostadsbolaget", KEDJA_AGENCY_KIND_HOUSING },
  { "agency-peer", "Kamratföreningen 2603", KEDJA_AGENCY_KIND_CIVIL_SOCIETY },
  { "agency-other", "Vägen ut! kooperativen", KEDJA_AGENCY_KIND_OTHER },
};

static KedjaPlan *
new_plan (const char *id,
          const char *title,
          KedjaDate   created)
{
  KedjaClient *client = kedja_client_new (NULL, "Åsa Öberg");
  KedjaPlan *plan;

  client->has_own_housing = TRUE;
  plan = kedja_plan_new (id, client, title);
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = created;
  plan->own_goal = g_strdup ("Jag vill ha ett eget liv utan droger");
  plan->coordinating_agency_id = g_strdup ("agency-social");
  plan->coordinator = g_strdup ("Maria Lind");
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    {
      g_ptr_array_add (plan->agencies,
                       kedja_agency_new (agencies[i].id, agencies[i].name, agencies[i].kind));
      g_ptr_array_add (plan->consents,
                       kedja_consent_new (agencies[i].id, created, KEDJA_CONSENT_FORM_WRITTEN));
    }
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, "agency-social", "Maria Lind"));
  return plan;
}

static KedjaStep *
add_step (KedjaPlan       *plan,
          KedjaPhase       phase,
          KedjaCareSetting setting,
          const char      *title,
          const char      *agency_id,
          KedjaDate        start,
          KedjaDate        end,
          KedjaStepStatus  status)
{
  KedjaStep *step = kedja_step_new (NULL, phase, title);

  step->setting = setting;
  step->agency_id = g_strdup (agency_id);
  step->planned_start = start;
  step->planned_end = end;
  step->status = status;
  g_ptr_array_add (plan->steps, step);
  return step;
}

KedjaPlan *
timeline_gap_plan (void)
{
  KedjaPlan *plan = new_plan ("7f3c2a10-5b8e-4d21-9c6f-0a1b2c3d4e5f", "SIP hösten 2026",
                              TL_D (2026, 8, 20));
  KedjaStep *home, *aftercare;

  plan->follow_up = TL_D (2026, 10, 15);
  add_step (plan, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, "Avgiftning",
            "agency-clinic", TL_D (2026, 9, 1), TL_GAP_DETOX_END, KEDJA_STEP_STATUS_BOOKED);
  home = add_step (plan, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_INPATIENT, "Behandlingshem",
                   "agency-home", TL_GAP_TREATMENT, TL_D (2026, 11, 30), KEDJA_STEP_STATUS_PLANNED);
  /* Aftercare that runs on, handed over from the treatment home (not yet
   * confirmed, but not due either): the treatment has a next step. */
  aftercare = add_step (plan, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, "Eftervård",
                        "agency-clinic", TL_D (2026, 12, 1), KEDJA_DATE_NONE,
                        KEDJA_STEP_STATUS_PLANNED);
  g_ptr_array_add (plan->handovers, kedja_handover_new (home->id, aftercare->id, TL_D (2026, 11, 30)));
  return plan;
}

/* The long plan ============================================================ */

static const struct {
  double      share;       /* of the steps */
  const char *titles[3];
  const char *agencies[2];
  KedjaCareSetting setting;
} phases[KEDJA_N_PHASES] = {
  [KEDJA_PHASE_DETOX] = { 0.10, { "Avgiftning", "Abstinensbehandling", "Akut avgiftning" },
                          { "agency-clinic", "agency-clinic" }, KEDJA_CARE_SETTING_INPATIENT },
  [KEDJA_PHASE_TREATMENT] = { 0.20, { "Behandlingshem", "Öppenvård tolvsteg", "Återfallsprevention" },
                              { "agency-home", "agency-clinic" }, KEDJA_CARE_SETTING_OUTPATIENT },
  [KEDJA_PHASE_HOUSING] = { 0.15, { "Träningslägenhet", "Boendestöd", "Försökslägenhet" },
                            { "agency-housing", "agency-social" }, KEDJA_CARE_SETTING_NONE },
  [KEDJA_PHASE_EMPLOYMENT] = { 0.20, { "Arbetsträning", "Studier på Komvux", "Praktikplats" },
                               { "agency-work", "agency-insurance" }, KEDJA_CARE_SETTING_NONE },
  [KEDJA_PHASE_SUPPORT] = { 0.20, { "Kamratstöd", "Anhörigstöd", "Recoverygrupp" },
                            { "agency-peer", "agency-other" }, KEDJA_CARE_SETTING_NONE },
  [KEDJA_PHASE_HEALTH] = { 0.15, { "LARO", "Psykiatrisk uppföljning", "Hälsosamtal" },
                           { "agency-psych", "agency-primary" }, KEDJA_CARE_SETTING_NONE },
};

static KedjaStepStatus
status_by (GRand     *rand,
           KedjaDate  start,
           KedjaDate  end,
           KedjaDate  today)
{
  int r = g_rand_int_range (rand, 0, 100);

  if (r < 3)
    return KEDJA_STEP_STATUS_CANCELLED;
  if (end < today)
    return r < 12 ? KEDJA_STEP_STATUS_INTERRUPTED : KEDJA_STEP_STATUS_COMPLETED;
  if (start <= today)
    return KEDJA_STEP_STATUS_ONGOING;
  return r < 50 ? KEDJA_STEP_STATUS_BOOKED : KEDJA_STEP_STATUS_PLANNED;
}

KedjaPlan *
timeline_long_plan (guint     n_steps,
                    guint32   seed,
                    KedjaDate today)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint years = MAX (1, n_steps / 50);
  KedjaDate first = today - (KedjaDate) (years * 365) / 2;
  KedjaDate last = first + (KedjaDate) years * 365;
  KedjaPlan *plan = new_plan ("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a", "Vårdkedja över flera år",
                              first - 30);
  guint made = 0;

  plan->need_recorded = first - 10;
  plan->follow_up = today + 30;
  for (int m = 0; m < (int) years * 2; m++)
    g_ptr_array_add (plan->meetings, kedja_meeting_new (first + m * 182));

  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    {
      guint count = lane == KEDJA_N_PHASES - 1
                      ? n_steps - made
                      : MAX (1, (guint) (n_steps * phases[lane].share + 0.5));
      double mean = (double) (last - first) / MAX (count, 1);
      KedjaDate cursor = first + g_rand_int_range (rand, 0, (int) MAX (2, mean / 2));
      const KedjaStep *previous = NULL;

      count = MIN (count, n_steps - made);
      for (guint i = 0; i < count; i++)
        {
          KedjaDate start = cursor, end;
          int length = (int) (mean * g_rand_double_range (rand, 0.45, 1.05)) + 1;
          int r = g_rand_int_range (rand, 0, 100);
          KedjaStep *step;

          end = start + MAX (1, length) - 1;
          step = add_step (plan, lane, phases[lane].setting,
                           phases[lane].titles[g_rand_int_range (rand, 0, 3)],
                           phases[lane].agencies[g_rand_int_range (rand, 0, 2)], start, end,
                           status_by (rand, start, end, today));
          if (lane == KEDJA_PHASE_TREATMENT && r < 30)
            step->setting = KEDJA_CARE_SETTING_INPATIENT;
          made++;

          /* Along the chain: handovers in the past were confirmed but
           * for a few (the failures the analysis is there to find);
           * those to come mostly not yet. */
          if (previous != NULL && r < 60)
            {
              KedjaDate planned = kedja_step_get_end (previous);
              KedjaHandover *handover = kedja_handover_new (previous->id, step->id, planned);

              if (planned < today ? g_rand_int_range (rand, 0, 100) >= 4 : r < 15)
                handover->confirmed = MIN (planned, today) - 2;
              g_ptr_array_add (plan->handovers, handover);
            }
          previous = step;

          /* Mostly the next one starts the day after; some overlap a few
           * days, some leave a gap of one to four weeks. */
          if (r < 60)
            cursor = end + 1;
          else if (r < 85)
            cursor = end - g_rand_int_range (rand, 1, 8);
          else
            cursor = end + g_rand_int_range (rand, 8, 30);
        }
    }
  return plan;
}
