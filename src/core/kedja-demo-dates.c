/* kedja-demo-dates.c — a demo plan's chain placed in the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chain is laid out in days from its start (kedja-demo-chain.c); here
 * it gets its place in time relative to today, which depends on the
 * plan's status, and its steps and handovers get the dates and statuses
 * they would have today.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

int
_kedja_demo_chain_first_day (Builder *b)
{
  int first = G_MAXINT;

  for (guint i = 0; i < b->drafts->len; i++)
    first = MIN (first, draft_at (b, i)->start);
  return first;
}

/* The last day of the chain, far off when something runs on. */
static int
chain_last_day (Builder *b)
{
  int last = 0;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      if (!d->cancelled)
        last = MAX (last, d->open ? G_MAXINT / 2 : d->end);
    }
  return last;
}

/* A closed plan ends some months after the person has moved on from
 * treatment to housing or occupation. */
static int
closing_day (Builder *b)
{
  int last_care = 0, last_start = 0;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);

      if (d->step->phase == KEDJA_PHASE_DETOX || d->step->phase == KEDJA_PHASE_TREATMENT)
        last_care = MAX (last_care, d->end);
      if (d->step->phase == KEDJA_PHASE_HOUSING || d->step->phase == KEDJA_PHASE_EMPLOYMENT)
        last_start = MAX (last_start, d->start);
    }
  return MAX (last_care, last_start) + rng_range (&b->rng, 30, 200);
}

/* Places the chain in the calendar: a draft's chain begins soon, an active
 * one began up to eleven months ago and runs on past today, a closed one
 * ended weeks or months ago. */
void
_kedja_demo_place_in_time (Builder        *b,
                           KedjaPlanStatus status)
{
  Rng *rng = &b->rng;

  switch (status)
    {
    case KEDJA_PLAN_STATUS_DRAFT:
      b->base = b->today + rng_range (rng, 3, 28);
      break;

    case KEDJA_PLAN_STATUS_ACTIVE:
      {
        /* Began long enough ago to be under way, not so long ago that a
         * short chain would be over already. */
        int latest_start = chain_last_day (b) - 14;

        b->base = b->today - rng_range (rng, 5, CLAMP (latest_start, 5, 330));
      }
      break;

    case KEDJA_PLAN_STATUS_CLOSED:
    default:
      b->close = closing_day (b);
      b->base = b->today - rng_range (rng, 10, 150) - b->close;
      for (guint i = 0; i < b->drafts->len; i++)
        {
          Draft *d = draft_at (b, i);

          if (d->start > b->close)
            d->removed = TRUE;
          else if (d->open || d->end > b->close)
            {
              d->open = FALSE;
              d->end = b->close;
            }
        }
      break;
    }

  if (status == KEDJA_PLAN_STATUS_ACTIVE)
    {
      /* The chain must still be running: an end of the chain that has
       * passed is extended, as happens when the next step is not ready. */
      int today = b->today - b->base;

      for (guint i = 0; i < b->drafts->len; i++)
        {
          Draft *d = draft_at (b, i);
          gboolean hands_over = FALSE;

          if (d->open || d->end >= today + 14 || d->cancelled
              || (d->step->phase != KEDJA_PHASE_HOUSING
                  && d->step->phase != KEDJA_PHASE_EMPLOYMENT))
            continue;
          for (guint j = 0; j < b->links->len; j++)
            hands_over |= g_array_index (b->links, Link, j).from == i;
          if (!hands_over)
            d->end = today + rng_range (rng, 30, 200);
        }
    }

  /* The need is found some days before help starts, or, for the plans
   * that wait too long, months before. */
  b->need = _kedja_demo_chain_first_day (b)
            - ((b->problems & P_LONG_WAIT) ? rng_range (rng, 40, 120) : rng_range (rng, 3, 25));
}

/* Turns laid-out days into planned and actual dates and statuses as they
 * stand today: what has begun has an actual start, what has ended an actual
 * end, and plans were not always kept to the day. */
void
_kedja_demo_date_steps (Builder        *b,
                        KedjaPlanStatus status)
{
  Rng *rng = &b->rng;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      KedjaStep *step = d->step;
      KedjaDate s = day (b, d->start);
      KedjaDate e = d->open ? KEDJA_DATE_NONE : day (b, d->end);

      if (d->removed)
        continue;

      step->planned_start = s;
      step->planned_end = e;
      if (d->cancelled)
        {
          step->status = KEDJA_STEP_STATUS_CANCELLED;
          continue;
        }

      if (s > b->today)
        {
          step->status = s - b->today <= 21 && rng_chance (rng, 60)
                           ? KEDJA_STEP_STATUS_BOOKED : KEDJA_STEP_STATUS_PLANNED;
          continue;
        }

      step->actual_start = s;
      if (rng_chance (rng, 25))
        step->planned_start = s + rng_range (rng, 1, 4) * (rng_chance (rng, 50) ? 1 : -1);

      if (e != KEDJA_DATE_NONE && e < b->today)
        {
          step->actual_end = e;
          step->status = KEDJA_STEP_STATUS_COMPLETED;
          if (rng_chance (rng, 20))
            step->planned_end = e + rng_range (rng, -5, 5);
          /* Some leave early: treatment broken off in a closed plan, or a
           * support group the person stopped going to. */
          if ((status == KEDJA_PLAN_STATUS_CLOSED && step->phase == KEDJA_PHASE_TREATMENT
               && rng_chance (rng, 12))
              || (step->phase == KEDJA_PHASE_SUPPORT && rng_chance (rng, 10)))
            {
              step->status = KEDJA_STEP_STATUS_INTERRUPTED;
              step->planned_end = e + rng_range (rng, 10, 40);
            }
        }
      else
        step->status = KEDJA_STEP_STATUS_ONGOING;

      if (step->planned_end != KEDJA_DATE_NONE && step->planned_end < step->planned_start)
        step->planned_end = step->planned_start;
    }
}

/* ------------------------------------------------------------- handovers */

/* The receiving agency confirms before the sending step ends and never
 * after today; far-off handovers are confirmed only sometimes. */
void
_kedja_demo_build_handovers (Builder *b)
{
  KedjaDate created = b->plan->created;

  for (guint i = 0; i < b->links->len; i++)
    {
      Link *link = &g_array_index (b->links, Link, i);
      Draft *from = draft_at (b, link->from);
      Draft *to = draft_at (b, link->to);
      KedjaDate from_end, confirm;
      KedjaHandover *handover;

      if (from->removed || to->removed)
        continue;

      from_end = kedja_step_get_end (from->step);
      handover = kedja_handover_new (from->step->id, to->step->id,
                                     kedja_step_get_start (to->step));
      confirm = MIN (from_end != KEDJA_DATE_NONE ? from_end : b->today, b->today)
                - rng_range (&b->rng, 0, 4);
      confirm = MAX (confirm, created);
      /* Due soon: confirmed. Months away: seldom confirmed yet. */
      if (handover->planned <= b->today + 7
          || rng_chance (&b->rng, handover->planned <= b->today + 60 ? 60 : 15))
        {
          handover->confirmed = confirm;
          handover->confirmed_by = g_strdup (to->step->contact);
        }
      /* The receiver takes over at the handover meeting, so it comes
       * first when the handover is confirmed. */
      if (rng_chance (&b->rng, 70))
        {
          KedjaDate meeting = handover->planned - rng_range (&b->rng, 1, 10);

          if (handover->confirmed != KEDJA_DATE_NONE)
            meeting = earlier (meeting, handover->confirmed - rng_range (&b->rng, 0, 2));
          handover->meeting = later (created, meeting);
        }
      g_ptr_array_add (b->plan->handovers, handover);
    }
}
