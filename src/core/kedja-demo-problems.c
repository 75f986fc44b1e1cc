/* kedja-demo-problems.c — the gaps some demo plans are given on purpose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About three plans in ten get one or more of the problems the field
 * describes (the Problem flags in kedja-demo-private.h), so the analysis
 * has something to find. They are chosen before anything else is drawn,
 * because the ones about dates shape how the chain is laid out
 * (kedja-demo-chain.c, kedja-demo-dates.c); the ones about records are
 * applied at the end, to a plan that was made sound.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

typedef struct {
  Problem problem;
  guint   weight;
} ProblemWeight;

/* About three plans in ten have something wrong, most often what the field
 * names first: days without help after detox and handovers nobody has
 * confirmed. */
guint
_kedja_demo_choose_problems (Builder        *b,
                             KedjaPlanStatus status)
{
  static const ProblemWeight weights[] = {
    { P_DETOX_GAP, 22 }, { P_UNCONFIRMED, 18 }, { P_NO_CONSENT, 14 }, { P_FOLLOW_UP, 14 },
    { P_NO_HOUSING, 8 }, { P_LONG_WAIT, 8 }, { P_NO_OWN_GOAL, 6 }, { P_OVERLAP, 5 },
    { P_CHILDREN, 12 }, { P_DEAD_END, 4 }, { P_NO_COORDINATOR, 2 },
  };
  KedjaClient *client = b->plan->client;
  guint problems = 0, n;

  if (!rng_chance (&b->rng, 32))
    return 0;

  n = rng_chance (&b->rng, 70) ? 1 : rng_chance (&b->rng, 80) ? 2 : 3;
  for (guint tries = 0; tries < 20 && n > 0; tries++)
    {
      guint total = 0, r;
      Problem p = 0;

      for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
        total += weights[i].weight;
      r = rng_below (&b->rng, total);
      for (guint i = 0; i < G_N_ELEMENTS (weights) && p == 0; i++)
        {
          if (r < weights[i].weight)
            p = weights[i].problem;
          else
            r -= weights[i].weight;
        }

      /* What cannot happen to this person or this kind of plan. */
      if ((p == P_NO_HOUSING && client->has_own_housing)
          || (p == P_DEAD_END && (problems & (P_NO_HOUSING | P_OVERLAP)))
          || ((p == P_NO_HOUSING || p == P_OVERLAP) && (problems & P_DEAD_END))
          || (p == P_CHILDREN && client->children_under_18 == 0)
          || (p == P_FOLLOW_UP && status != KEDJA_PLAN_STATUS_ACTIVE)
          || ((p == P_UNCONFIRMED || p == P_NO_CONSENT) && status == KEDJA_PLAN_STATUS_CLOSED)
          || (problems & p))
        continue;
      problems |= p;
      n--;
    }
  return problems;
}

static gboolean
is_participating (KedjaPlan  *plan,
                  const char *agency_id)
{
  for (guint i = 0; i < plan->steps->len; i++)
    if (g_strcmp0 (((KedjaStep *) g_ptr_array_index (plan->steps, i))->agency_id, agency_id) == 0)
      return TRUE;
  return FALSE;
}

/* The problems that are about records rather than dates, applied to a plan
 * that was made sound. */
void
_kedja_demo_apply_record_problems (Builder *b)
{
  KedjaPlan *plan = b->plan;
  Rng *rng = &b->rng;
  gboolean done = FALSE;

  if (b->problems & P_UNCONFIRMED)
    {
      /* The latest handover that is due within a week or has passed. */
      for (guint i = plan->handovers->len; i-- > 0 && !done;)
        {
          KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

          if (handover->planned <= b->today + 7)
            {
              handover->confirmed = KEDJA_DATE_NONE;
              g_clear_pointer (&handover->confirmed_by, g_free);
              done = TRUE;
            }
        }
      if (!done)
        b->problems |= P_NO_CONSENT;
    }

  if (b->problems & P_NO_CONSENT)
    {
      guint start = rng_below (rng, MAX (plan->consents->len, 1));

      for (guint k = 0; k < plan->consents->len; k++)
        {
          guint i = (start + k) % plan->consents->len;
          KedjaConsent *consent = g_ptr_array_index (plan->consents, i);

          if (!is_participating (plan, consent->agency_id) || consent->withdrawn != KEDJA_DATE_NONE)
            continue;
          switch (rng_below (rng, 4))
            {
            case 0:
              consent->withdrawn = later (consent->given, b->today - rng_range (rng, 1, 45));
              break;
            case 1:
              consent->expires = later (consent->given, b->today - rng_range (rng, 1, 45));
              if (consent->expires >= b->today)
                g_ptr_array_remove_index (plan->consents, i);
              break;
            default:
              g_ptr_array_remove_index (plan->consents, i);
              break;
            }
          break;
        }
    }

  if (b->problems & P_FOLLOW_UP)
    plan->follow_up = rng_chance (rng, 40) ? KEDJA_DATE_NONE
                                           : b->today - rng_range (rng, 1, 45);
  if (b->problems & P_NO_OWN_GOAL)
    g_clear_pointer (&plan->own_goal, g_free);
  if (b->problems & P_NO_COORDINATOR)
    {
      /* Nobody took the coordinating responsibility: social services sit
       * at the table as one participant among others, with a consent. */
      for (guint i = 0; i < plan->participants->len; i++)
        {
          KedjaParticipant *p = g_ptr_array_index (plan->participants, i);
          if (p->role == KEDJA_ROLE_COORDINATOR)
            p->role = KEDJA_ROLE_PARTICIPANT;
        }
      for (guint i = 0; i < plan->meetings->len; i++)
        {
          KedjaMeeting *m = g_ptr_array_index (plan->meetings, i);
          for (guint j = 0; j < m->attendees->len; j++)
            {
              KedjaParticipant *p = g_ptr_array_index (m->attendees, j);
              if (p->role == KEDJA_ROLE_COORDINATOR)
                p->role = KEDJA_ROLE_PARTICIPANT;
            }
        }
      g_ptr_array_add (plan->consents,
                       kedja_consent_new (plan->coordinating_agency_id, plan->created,
                                          KEDJA_CONSENT_FORM_WRITTEN));
      g_clear_pointer (&plan->coordinating_agency_id, g_free);
      g_clear_pointer (&plan->coordinator, g_free);
    }
}
