/* kedja-demo.c — deterministic synthetic plans that look like the city
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demo data for trying Kedja, for screenshots, tests and benchmarks: the
 * city's agency directory and one plan per client, shaped like the care
 * chains the field describes (detox → treatment → housing → occupation, with
 * peer support and health care alongside) — and, in about three plans in
 * ten, with the gaps the field describes, so the analysis has something to
 * find.
 *
 * Every choice comes from our own PRNG (xoshiro256**, seeded through
 * splitmix64), never from GLib's, so the same arguments give the same data
 * on every GLib version. Each client draws from a stream of its own, so the
 * first N plans of a larger run are exactly the plans of a run with N
 * clients; the directory draws from a stream that does not depend on the
 * seed, so every demo run shares one directory and repeated runs into one
 * database reuse it.
 *
 * People, staff, numbers and addresses are made up. Agency names are the
 * city's real kinds of agencies and the real civil-society organisations of
 * GLOSSARY.md; treatment homes are invented. Codes are only shaped like KVÅ
 * and KSI codes and mean nothing.
 *
 * This file assembles a plan and holds the entry points; the parts of the
 * making live in the other kedja-demo-*.c files, listed in
 * kedja-demo-private.h.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

/* ------------------------------------------------------------ the plan */

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const Draft *x = a, *y = b;

  if (x->step->phase != y->step->phase)
    return x->step->phase < y->step->phase ? -1 : 1;
  return (x->start > y->start) - (x->start < y->start);
}

/* Plan @index of a run, from a stream of its own. Every part draws from
 * that one stream in turn, so the order of the calls below is part of the
 * output: reordering them changes every demo plan. */
static KedjaPlan *
build_plan (const Directory *dir,
            guint64          seed,
            guint            index,
            KedjaDate        today)
{
  Builder b = { 0 };
  g_autofree char *plan_id = NULL;
  KedjaClient *client;
  KedjaPlanStatus status;
  guint r;

  rng_init (&b.rng, seed, (guint64) index + 1);
  b.dir = dir;
  b.today = today;
  b.drafts = g_array_new (FALSE, TRUE, sizeof (Draft));
  b.links = g_array_new (FALSE, FALSE, sizeof (Link));

  plan_id = rng_uuid (&b.rng);
  client = _kedja_demo_build_client (&b);
  b.plan = kedja_plan_new (plan_id, client, NULL);

  r = rng_below (&b.rng, 100);
  status = r < 15 ? KEDJA_PLAN_STATUS_DRAFT
           : r < 85 ? KEDJA_PLAN_STATUS_ACTIVE : KEDJA_PLAN_STATUS_CLOSED;
  b.plan->status = status;
  b.problems = _kedja_demo_choose_problems (&b, status);

  _kedja_demo_build_chain (&b);
  _kedja_demo_place_in_time (&b, status);

  b.plan->need_recorded = day (&b, b.need);
  /* The plan is written between finding the need and the first step, so
   * every handover can be confirmed while the plan exists. */
  b.plan->created = earlier (earlier (today, day (&b, _kedja_demo_chain_first_day (&b))),
                             b.plan->need_recorded + rng_range (&b.rng, 0, 10));
  b.plan->title = _kedja_demo_plan_title (&b);
  b.plan->own_goal = _kedja_demo_own_goal (&b);

  /* Steps in chain order, which is how people read a plan. The links keep
   * pointing at the right drafts because they are renumbered below. */
  {
    g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (Draft), b.drafts->len);
    g_autofree guint *where = g_new (guint, b.drafts->len);

    g_array_append_vals (order, b.drafts->data, b.drafts->len);
    g_array_sort (order, compare_drafts);
    for (guint i = 0; i < order->len; i++)
      for (guint j = 0; j < b.drafts->len; j++)
        if (draft_at (&b, j)->step == g_array_index (order, Draft, i).step)
          where[j] = i;
    for (guint i = 0; i < b.links->len; i++)
      {
        Link *link = &g_array_index (b.links, Link, i);
        link->from = where[link->from];
        link->to = where[link->to];
      }
    g_array_set_size (b.drafts, 0);
    g_array_append_vals (b.drafts, order->data, order->len);
  }

  _kedja_demo_date_steps (&b, status);
  _kedja_demo_build_goals (&b, status);
  for (guint i = 0; i < b.drafts->len; i++)
    {
      Draft *d = draft_at (&b, i);

      if (d->removed)
        kedja_step_free (d->step);
      else
        g_ptr_array_add (b.plan->steps, d->step);
      d->step = d->removed ? NULL : d->step;
    }
  _kedja_demo_build_handovers (&b);
  _kedja_demo_build_participants (&b);
  _kedja_demo_build_consents (&b, status);
  _kedja_demo_build_meetings (&b, status);

  switch (status)
    {
    case KEDJA_PLAN_STATUS_ACTIVE:
      b.plan->follow_up = today + rng_range (&b.rng, 1, 75);
      break;
    case KEDJA_PLAN_STATUS_DRAFT:
      /* The first SIP meeting, once everyone has been invited. */
      b.plan->follow_up = rng_chance (&b.rng, 70) ? today + rng_range (&b.rng, 3, 21)
                                                  : KEDJA_DATE_NONE;
      break;
    case KEDJA_PLAN_STATUS_CLOSED:
    default:
      b.plan->follow_up = rng_chance (&b.rng, 40) ? day (&b, b.close) : KEDJA_DATE_NONE;
      break;
    }

  _kedja_demo_apply_record_problems (&b);

  g_array_unref (b.drafts);
  g_array_unref (b.links);
  return b.plan;
}

KedjaDemoData *
kedja_demo_generate (guint     n_clients,
                     guint64   seed,
                     KedjaDate today)
{
  KedjaDemoData *data;
  Directory dir = { { NULL } };

  g_return_val_if_fail (today != KEDJA_DATE_NONE, NULL);

  data = g_new0 (KedjaDemoData, 1);
  data->agencies = g_ptr_array_new_full (N_AGENCIES, (GDestroyNotify) kedja_agency_free);
  data->plans = g_ptr_array_new_full (n_clients, (GDestroyNotify) kedja_plan_unref);

  _kedja_demo_directory_init (&dir);
  for (guint i = 0; i < N_AGENCIES; i++)
    g_ptr_array_add (data->agencies, dir.agencies[i]);
  for (guint i = 0; i < n_clients; i++)
    g_ptr_array_add (data->plans, build_plan (&dir, seed, i, today));
  _kedja_demo_directory_clear (&dir);
  return data;
}

void
kedja_demo_data_free (KedjaDemoData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->agencies, g_ptr_array_unref);
  g_clear_pointer (&data->plans, g_ptr_array_unref);
  g_free (data);
}
