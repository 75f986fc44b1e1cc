/* kedja-timeline-state.c — what the pointer and the keyboard are on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hooks for kedja-timeline-input.c: hover, keyboard focus and a bar
 * being dragged, kept here and shown by the drawing. A drag works on a
 * copy of the plan, analysed and laid out again at every step, so the gap
 * bands follow the bar; only its end emits an edit.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include "kedja-timeline-private.h"

/* Hover and focus ========================================================= */

void
_kedja_timeline_set_hover (KedjaTimeline          *self,
                           int                     step,
                           const KedjaTimelineHit *hit)
{
  KedjaTimelineHit none = { KEDJA_TIMELINE_HIT_NONE, 0, KEDJA_DATE_NONE };

  if (hit == NULL)
    hit = &none;
  if (self->hover_step == step && self->hover.kind == hit->kind && self->hover.index == hit->index)
    return;
  self->hover_step = step;
  self->hover = *hit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_kedja_timeline_set_focus_step (KedjaTimeline *self,
                                int            step,
                                gboolean       show_ring)
{
  if (self->focus_step == step && self->show_focus == show_ring)
    return;
  self->focus_step = step;
  self->show_focus = show_ring;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Dragging ================================================================ */

gboolean
_kedja_timeline_is_dragging (KedjaTimeline *self)
{
  return self->drag.preview.plan != NULL;
}

void
_kedja_timeline_begin_drag (KedjaTimeline *self,
                            guint          step)
{
  const KedjaStep *original;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));
  g_return_if_fail (self->shown.plan != NULL && step < self->shown.plan->steps->len);

  _kedja_timeline_end_drag (self, FALSE);

  original = g_ptr_array_index (self->shown.plan->steps, step);
  self->drag.step = step;
  self->drag.start = kedja_step_get_start (original);
  self->drag.end = kedja_step_get_end (original);
  /* A copy, so that the plan the app gave is never changed. */
  self->drag.preview.plan = kedja_plan_copy (self->shown.plan);
  _kedja_timeline_shown_update (self, &self->drag.preview);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_kedja_timeline_update_drag (KedjaTimeline *self,
                             KedjaDate      start,
                             KedjaDate      end)
{
  KedjaStep *step;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));
  g_return_if_fail (start != KEDJA_DATE_NONE && (end == KEDJA_DATE_NONE || end >= start));

  if (!_kedja_timeline_is_dragging (self) || (start == self->drag.start && end == self->drag.end))
    return;

  step = g_ptr_array_index (self->drag.preview.plan->steps, self->drag.step);
  kedja_step_move (step, start, end);
  self->drag.start = start;
  self->drag.end = end;
  _kedja_timeline_shown_update (self, &self->drag.preview);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_kedja_timeline_end_drag (KedjaTimeline *self,
                          gboolean       commit)
{
  const KedjaStep *original;
  gboolean changed;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  if (!_kedja_timeline_is_dragging (self))
    return;

  original = g_ptr_array_index (self->shown.plan->steps, self->drag.step);
  changed = kedja_step_get_start (original) != self->drag.start
            || kedja_step_get_end (original) != self->drag.end;
  _kedja_timeline_shown_clear (&self->drag.preview);
  self->layout_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (commit && changed)
    g_signal_emit (self, _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_STEP_EDITED], 0,
                   original->id, (int) self->drag.start, (int) self->drag.end);
}
