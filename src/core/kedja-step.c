/* kedja-step.c — one intervention (insats) in a care chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kedja-step.h"
#include "kedja-util.h"

G_DEFINE_BOXED_TYPE (KedjaStep, kedja_step, kedja_step_copy, kedja_step_free)

/* @id: (nullable): %NULL gives the step a new UUID */
KedjaStep *
kedja_step_new (const char *id,
                KedjaPhase  phase,
                const char *title)
{
  KedjaStep *step = g_new0 (KedjaStep, 1);

  step->id = id ? g_strdup (id) : g_uuid_string_random ();
  step->phase = phase;
  step->title = g_strdup (title);
  step->goal_ids = g_ptr_array_new_with_free_func (g_free);
  return step;
}

KedjaStep *
kedja_step_copy (const KedjaStep *step)
{
  KedjaStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_memdup2 (step, sizeof *step);
  copy->id = g_strdup (step->id);
  copy->title = g_strdup (step->title);
  copy->agency_id = g_strdup (step->agency_id);
  copy->contact = g_strdup (step->contact);
  copy->code = g_strdup (step->code);
  copy->note = g_strdup (step->note);
  copy->goal_ids = kedja_strv_array_copy (step->goal_ids);
  return copy;
}

void
kedja_step_free (KedjaStep *step)
{
  if (step == NULL)
    return;
  g_free (step->id);
  g_free (step->title);
  g_free (step->agency_id);
  g_free (step->contact);
  g_free (step->code);
  g_free (step->note);
  g_clear_pointer (&step->goal_ids, g_ptr_array_unref);
  g_free (step);
}

gboolean
kedja_step_equal (const KedjaStep *a,
                  const KedjaStep *b)
{
  return g_strcmp0 (a->id, b->id) == 0
         && a->phase == b->phase
         && a->status == b->status
         && g_strcmp0 (a->title, b->title) == 0
         && g_strcmp0 (a->agency_id, b->agency_id) == 0
         && g_strcmp0 (a->contact, b->contact) == 0
         && a->setting == b->setting
         && g_strcmp0 (a->code, b->code) == 0
         && a->planned_start == b->planned_start
         && a->planned_end == b->planned_end
         && a->actual_start == b->actual_start
         && a->actual_end == b->actual_end
         && kedja_strv_array_equal (a->goal_ids, b->goal_ids)
         && g_strcmp0 (a->note, b->note) == 0;
}

KedjaDate
kedja_step_get_start (const KedjaStep *step)
{
  return step->actual_start != KEDJA_DATE_NONE ? step->actual_start : step->planned_start;
}

KedjaDate
kedja_step_get_end (const KedjaStep *step)
{
  return step->actual_end != KEDJA_DATE_NONE ? step->actual_end : step->planned_end;
}

void
kedja_step_move (KedjaStep *step,
                 KedjaDate  start,
                 KedjaDate  end)
{
  g_return_if_fail (step != NULL);
  g_return_if_fail (start != KEDJA_DATE_NONE);
  g_return_if_fail (end == KEDJA_DATE_NONE || end >= start);

  if (step->actual_start != KEDJA_DATE_NONE)
    {
      step->actual_start = start;
      /* A step still going on has no actual end: its planned end moves. */
      if (step->actual_end != KEDJA_DATE_NONE)
        step->actual_end = end;
      else
        step->planned_end = end;
      /* Moved back before what was planned: the plan's start follows, or
       * the planned dates would end before they begin. */
      if (step->planned_end != KEDJA_DATE_NONE && step->planned_end < step->planned_start)
        step->planned_start = start;
    }
  else
    {
      step->planned_start = start;
      step->planned_end = end;
    }
}
