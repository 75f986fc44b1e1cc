/* kedja-demo-records.c — the client and the records around a demo chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who the plan is for, and what a plan holds besides its steps: the goals
 * the steps serve, the people at the table, the consents that let the
 * agencies share, and the meetings where the person rates how things go.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

/* ------------------------------------------------------------ the client */

/* The person, and what about them shapes the chain: where they live,
 * prison or probation, opioids, psychiatric care. */
KedjaClient *
_kedja_demo_build_client (Builder *b)
{
  Rng *rng = &b->rng;
  g_autofree char *id = rng_uuid (rng);
  g_autofree char *name = NULL;
  KedjaClient *client;
  int year;

  b->woman = rng_chance (rng, 30);
  name = _kedja_demo_person_name (rng, b->woman);
  client = kedja_client_new (id, name);
  kedja_date_to_ymd (b->today, &year, NULL, NULL);
  /* Some have no Swedish number yet (newly arrived, EU citizens). */
  if (!rng_chance (rng, 2))
    client->personal_number = _kedja_demo_personal_number (rng, b->woman, year - 18);
  b->district = _kedja_demo_pick_district (rng);
  client->district = g_strdup (b->district->name);
  client->protected_identity = rng_chance (rng, 2);
  client->children_under_18 = rng_chance (rng, 20) ? (guint) rng_range (rng, 1, 3) : 0;
  client->relatives_involved = rng_chance (rng, 35);
  client->has_own_housing = rng_chance (rng, 30);

  b->social = A_SOCIAL + b->district->home;
  b->prison = rng_chance (rng, 12);
  b->opioids = rng_chance (rng, 10);
  b->psychiatric = rng_chance (rng, 25);
  return client;
}

/* ----------------------------------------------------------------- goals */

static KedjaGoal *
add_goal (Builder    *b,
          KedjaDomain domain,
          int         target)
{
  g_autofree char *id = rng_uuid (&b->rng);
  KedjaGoal *goal = kedja_goal_new (id, domain, _kedja_demo_goal_statement (&b->rng, domain));

  if (rng_chance (&b->rng, 80))
    goal->target = day (b, target);
  g_ptr_array_add (b->plan->goals, goal);
  return goal;
}

/* Goals in the domains the chain works on, plus the family when there are
 * children; each step is linked to the goal it serves. */
void
_kedja_demo_build_goals (Builder        *b,
                         KedjaPlanStatus status)
{
  KedjaGoal *by_domain[KEDJA_N_DOMAINS] = { NULL };
  gboolean wanted[KEDJA_N_DOMAINS] = { FALSE };
  KedjaClient *client = b->plan->client;
  int horizon = 0;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      if (!d->removed && !d->cancelled)
        {
          wanted[d->domain] = TRUE;
          horizon = MAX (horizon, d->open ? d->start + 365 : d->end);
        }
    }
  wanted[KEDJA_DOMAIN_SUBSTANCE_USE] = TRUE;
  /* Relatives' groups serve the network when there are no children. */
  wanted[KEDJA_DOMAIN_FAMILY] = client->children_under_18 > 0 && !(b->problems & P_CHILDREN);
  wanted[KEDJA_DOMAIN_FINANCES] = rng_chance (&b->rng, 30);
  wanted[KEDJA_DOMAIN_MEANING] = rng_chance (&b->rng, 20);

  for (guint d = 0; d < KEDJA_N_DOMAINS; d++)
    {
      KedjaGoal *goal;

      if (!wanted[d])
        continue;
      goal = add_goal (b, (KedjaDomain) d, rng_range (&b->rng, 90, MAX (91, horizon)));
      by_domain[d] = goal;
      if (goal->target != KEDJA_DATE_NONE && goal->target < b->today)
        goal->status = rng_chance (&b->rng, 60) ? KEDJA_GOAL_STATUS_REACHED
                       : rng_chance (&b->rng, 15) ? KEDJA_GOAL_STATUS_DROPPED
                       : KEDJA_GOAL_STATUS_ACTIVE;
      if (status == KEDJA_PLAN_STATUS_CLOSED && goal->status == KEDJA_GOAL_STATUS_ACTIVE)
        goal->status = rng_chance (&b->rng, 70) ? KEDJA_GOAL_STATUS_REACHED
                                                : KEDJA_GOAL_STATUS_DROPPED;
    }

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      KedjaGoal *goal = by_domain[d->domain];

      if (goal == NULL && d->domain == KEDJA_DOMAIN_FAMILY)
        goal = by_domain[KEDJA_DOMAIN_NETWORK] ? by_domain[KEDJA_DOMAIN_NETWORK]
                                               : by_domain[KEDJA_DOMAIN_SUBSTANCE_USE];
      if (goal != NULL)
        g_ptr_array_add (d->step->goal_ids, g_strdup (goal->id));
      if (d->step->phase == KEDJA_PHASE_EMPLOYMENT && by_domain[KEDJA_DOMAIN_FINANCES])
        g_ptr_array_add (d->step->goal_ids, g_strdup (by_domain[KEDJA_DOMAIN_FINANCES]->id));
    }
}

/* ---------------------------------------------------------------- people */

static void
use_agency (Builder *b,
            guint    agency)
{
  kedja_plan_add_agency (b->plan, b->dir->agencies[agency]);
}

/* Associations of people with their own experience of addiction or crime:
 * where a peer supporter comes from (not the relatives' groups). */
static gboolean
is_peer_association (guint agency)
{
  static const guint peers[] = {
    A_KAMRAT, A_KRIS, A_LANKARNA, A_NA, A_BASTA_VAST, A_SOLROSEN, A_GATANS_LAG,
    A_KVINNOKRAFT, A_RFHL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (peers); i++)
    if (peers[i] == agency)
      return TRUE;
  return FALSE;
}

/* Coordinator, one contact from each agency with a step, the client, and
 * sometimes a relative and a peer supporter. */
void
_kedja_demo_build_participants (Builder *b)
{
  KedjaPlan *plan = b->plan;
  KedjaClient *client = plan->client;
  Rng *rng = &b->rng;
  guint coordinating = b->social;

  /* Now and then the region holds the coordinating responsibility. */
  if (rng_chance (rng, 8))
    coordinating = b->psychiatric ? A_PSYCH_NORDOST + b->district->psych : A_ADDICTION_OPEN;

  use_agency (b, coordinating);
  plan->coordinating_agency_id = g_strdup (b->dir->agencies[coordinating]->id);
  plan->coordinator = g_strdup (_kedja_demo_staff (b, coordinating));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, plan->coordinating_agency_id,
                                          plan->coordinator));
  if (coordinating != b->social)
    {
      use_agency (b, b->social);
      g_ptr_array_add (plan->participants,
                       kedja_participant_new (KEDJA_ROLE_PARTICIPANT,
                                              b->dir->agencies[b->social]->id,
                                              _kedja_demo_staff (b, b->social)));
    }

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      gboolean known = FALSE;

      if (d->removed)
        continue;
      for (guint j = 0; j < plan->participants->len; j++)
        {
          KedjaParticipant *p = g_ptr_array_index (plan->participants, j);
          known |= g_strcmp0 (p->agency_id, d->step->agency_id) == 0;
        }
      use_agency (b, d->agency);
      if (!known && !d->cancelled)
        g_ptr_array_add (plan->participants,
                         kedja_participant_new (KEDJA_ROLE_PARTICIPANT, d->step->agency_id,
                                                d->step->contact));
    }

  if (b->prison && rng_chance (rng, 35))
    {
      use_agency (b, A_PRISON);
      g_ptr_array_add (plan->participants,
                       kedja_participant_new (KEDJA_ROLE_PARTICIPANT,
                                              b->dir->agencies[A_PRISON]->id,
                                              _kedja_demo_staff (b, A_PRISON)));
    }

  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, NULL));

  if (client->relatives_involved && rng_chance (rng, 75))
    {
      g_autofree char *who = _kedja_demo_relative (rng);

      g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, who));
    }

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);

      if (!d->removed && is_peer_association (d->agency) && rng_chance (rng, 45))
        {
          g_autofree char *name =
            _kedja_demo_person_name (rng, b->woman ? rng_chance (rng, 80) : rng_chance (rng, 20));
          g_ptr_array_add (plan->participants,
                           kedja_participant_new (KEDJA_ROLE_PEER_SUPPORTER, d->step->agency_id,
                                                  name));
          break;
        }
    }
}

/* Consent for every agency that takes part except the coordinating one,
 * given when the plan was made; some written, some oral, some for a year. */
void
_kedja_demo_build_consents (Builder        *b,
                            KedjaPlanStatus status)
{
  KedjaPlan *plan = b->plan;
  Rng *rng = &b->rng;

  for (guint i = 0; i < plan->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);
      KedjaConsent *consent;
      KedjaDate given;

      if (g_strcmp0 (agency->id, plan->coordinating_agency_id) == 0)
        continue;

      given = earlier (plan->created + rng_range (rng, 0, 7), b->today);
      consent = kedja_consent_new (agency->id, given,
                                   rng_chance (rng, 75) ? KEDJA_CONSENT_FORM_WRITTEN
                                                        : KEDJA_CONSENT_FORM_ORAL);
      /* A closed plan's consents ran "until further notice". */
      if (status != KEDJA_PLAN_STATUS_CLOSED && rng_chance (rng, 30))
        consent->expires = later (given + 365, b->today + rng_range (rng, 14, 200));
      if (rng_chance (rng, 12))
        consent->exclusion = g_strdup (_kedja_demo_consent_exclusion (rng));
      g_ptr_array_add (plan->consents, consent);
    }

  /* The person may withdraw consent for an agency that no longer takes
   * part: it stays on record, and nothing is shared with it. */
  if (status == KEDJA_PLAN_STATUS_ACTIVE && rng_chance (rng, 4)
      && kedja_plan_find_agency (plan, b->dir->agencies[A_INSURANCE]->id) == NULL)
    {
      KedjaConsent *consent;

      use_agency (b, A_INSURANCE);
      consent = kedja_consent_new (b->dir->agencies[A_INSURANCE]->id, plan->created,
                                   KEDJA_CONSENT_FORM_WRITTEN);
      consent->withdrawn = later (plan->created, b->today - rng_range (rng, 1, 60));
      g_ptr_array_add (plan->consents, consent);
    }
}

/* ------------------------------------------------- meetings and ratings */

void
_kedja_demo_build_meetings (Builder        *b,
                            KedjaPlanStatus status)
{
  KedjaPlan *plan = b->plan;
  Rng *rng = &b->rng;
  KedjaDate last = status == KEDJA_PLAN_STATUS_CLOSED ? day (b, b->close) : b->today;
  guint value[KEDJA_N_DOMAINS];
  gboolean rated[KEDJA_N_DOMAINS] = { FALSE };

  if (status == KEDJA_PLAN_STATUS_DRAFT)
    return;

  rated[KEDJA_DOMAIN_SUBSTANCE_USE] = TRUE;
  for (guint i = 0; i < plan->goals->len; i++)
    rated[((KedjaGoal *) g_ptr_array_index (plan->goals, i))->domain] = TRUE;
  for (guint d = 0; d < KEDJA_N_DOMAINS; d++)
    value[d] = (guint) rng_range (rng, 2, 5);

  for (KedjaDate when = plan->created + rng_range (rng, 3, 14);
       when <= last && plan->meetings->len < 8;
       when += rng_range (rng, 56, 100))
    {
      KedjaMeeting *meeting = kedja_meeting_new (when);

      for (guint i = 0; i < plan->participants->len; i++)
        {
          KedjaParticipant *p = g_ptr_array_index (plan->participants, i);

          /* The coordinator and the client are nearly always there; the
           * others when their part of the chain is on the agenda. */
          if (p->role == KEDJA_ROLE_COORDINATOR
              || (p->role == KEDJA_ROLE_CLIENT && rng_chance (rng, 92))
              || rng_chance (rng, 55))
            g_ptr_array_add (meeting->attendees, kedja_participant_copy (p));
        }
      g_ptr_array_add (plan->meetings, meeting);

      /* The person rates each domain; mostly better over time, not always. */
      for (guint d = 0; d < KEDJA_N_DOMAINS; d++)
        {
          KedjaRating *rating;
          int next;

          if (!rated[d])
            continue;
          rating = kedja_rating_new (when, (KedjaDomain) d, value[d]);
          if (rng_chance (rng, 4))
            rating->note = g_strdup (d == KEDJA_DOMAIN_SUBSTANCE_USE
                                     ? "Ett kort återfall, men tog kontakt själv"
                                     : "Går åt rätt håll");
          g_ptr_array_add (plan->ratings, rating);
          /* Drawn before CLAMP, which evaluates its argument more than once. */
          next = (int) value[d] + rng_range (rng, -1, 2);
          value[d] = (guint) CLAMP (next, 1, 10);
        }
    }
}
