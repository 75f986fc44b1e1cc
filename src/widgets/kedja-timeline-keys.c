/* kedja-timeline-keys.c — the timeline from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are listed in kedja-timeline-input.c. The focus is on the
 * steps' children (kedja-timeline-a11y.c); these move it along the chain,
 * open a step, zoom around it and move it by days.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include "kedja-timeline-input-private.h"

/* Keys ==================================================================== */

static void
zoom_around (KedjaTimeline *self,
             double         factor,
             int            step)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double x = (self->view.time_left + width) / 2;
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  int item = step >= 0 && layout != NULL ? kedja_timeline_layout_find_step (layout, step) : -1;

  if (item >= 0)
    {
      KedjaTimelineView view = _kedja_timeline_input_view (self);
      double bx, by, bw, bh;

      /* The step in focus stays where the eye is. */
      kedja_timeline_layout_get_bar (layout, &view, item, &bx, &by, &bw, &bh);
      if (bx + bw > self->view.time_left && bx < width)
        x = CLAMP (bx + bw / 2, self->view.time_left, width);
    }
  _kedja_timeline_zoom_at (self, x, factor);
}

static void
activate_step (KedjaTimeline *self,
               int            step)
{
  if (step < 0 || self->shown.plan == NULL)
    return;
  g_signal_emit (self, _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_STEP_ACTIVATED], 0,
                 ((const KedjaStep *) g_ptr_array_index (self->shown.plan->steps, step))->id);
}

/* Alt+Left/Right (@end_only: with Shift). One signal per key press; the
 * app answers with the new plan and the focus stays on the step. */
static gboolean
edit_by_key (KedjaTimeline *self,
             int            step_index,
             int            days,
             gboolean       end_only)
{
  const KedjaStep *step;
  KedjaDate start, end;
  g_autofree char *id = NULL;

  if (!_kedja_timeline_can_edit (self) || step_index < 0 || self->input->mode != DRAG_NONE)
    return FALSE;

  step = g_ptr_array_index (self->shown.plan->steps, step_index);
  start = kedja_step_get_start (step);
  end = kedja_step_get_end (step);
  if (end_only)
    {
      /* A step that runs on has no end to move; one day is the least. */
      if (end == KEDJA_DATE_NONE || end + days < start)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        }
      end += days;
    }
  else
    {
      if (start + days <= KEDJA_DATE_NONE)
        return TRUE;
      start += days;
      if (end != KEDJA_DATE_NONE)
        end += days;
    }

  id = g_strdup (step->id);
  g_signal_emit (self, _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_STEP_EDITED], 0, id,
                 (int) start, (int) end);

  /* Wherever the step went, it stays in view. */
  step_index = _kedja_timeline_get_focused_step (self);
  if (step_index >= 0)
    _kedja_timeline_focus_step (self, step_index, TRUE);
  return TRUE;
}

static gboolean
move_focus (KedjaTimeline *self,
            int            focused,
            guint          keyval)
{
  int target = -1;

  if (self->chain->len == 0)
    {
      /* Nothing to move between: Left and Right pan a little. */
      double page = gtk_widget_get_width (GTK_WIDGET (self)) - self->view.time_left;

      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
        _kedja_timeline_scroll_by (self, -page / 10, 0);
      else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
        _kedja_timeline_scroll_by (self, page / 10, 0);
      else
        return FALSE;
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = _kedja_timeline_chain_first (self, FALSE);
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = _kedja_timeline_chain_last (self, FALSE);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = focused >= 0 ? _kedja_timeline_chain_next (self, focused, -1)
                            : _kedja_timeline_chain_first (self, TRUE);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = focused >= 0 ? _kedja_timeline_chain_next (self, focused, 1)
                            : _kedja_timeline_chain_first (self, TRUE);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = focused >= 0 ? _kedja_timeline_step_beside (self, focused, -1)
                            : _kedja_timeline_chain_first (self, TRUE);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = focused >= 0 ? _kedja_timeline_step_beside (self, focused, 1)
                            : _kedja_timeline_chain_first (self, TRUE);
      break;
    default:
      return FALSE;
    }
  /* At either end the focus stays: arrows never leave the chain. */
  if (target < 0)
    target = focused;
  if (target >= 0)
    _kedja_timeline_focus_step (self, target, TRUE);
  return TRUE;
}

gboolean
_kedja_timeline_key_pressed (KedjaTimeline   *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  KedjaTimelineInput *in = self->input;
  gboolean ctrl, alt, shift;
  int focused;

  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), FALSE);

  state &= gtk_accelerator_get_default_mod_mask ();
  ctrl = (state & GDK_CONTROL_MASK) != 0;
  alt = (state & GDK_ALT_MASK) != 0;
  shift = (state & GDK_SHIFT_MASK) != 0;

  if (keyval == GDK_KEY_Escape)
    return !ctrl && !alt && _kedja_timeline_cancel_drag (self);
  /* The popover has its own keys. */
  if (in->popover != NULL && gtk_widget_get_visible (in->popover))
    return FALSE;
  if (ctrl)
    return FALSE;

  focused = _kedja_timeline_get_focused_step (self);

  if (alt)
    {
      switch (keyval)
        {
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          return edit_by_key (self, focused, -1, shift);
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          return edit_by_key (self, focused, 1, shift);
        default:
          return FALSE;
        }
    }

  switch (keyval)
    {
    /* "+" is Shift+= on many keyboards: Shift does not matter here. */
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_around (self, ZOOM_STEP, focused);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_around (self, 1 / ZOOM_STEP, focused);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      kedja_timeline_zoom_to_fit (self);
      return TRUE;
    case GDK_KEY_F10:
      if (!shift || focused < 0)
        return FALSE;
      _kedja_timeline_popover_for_step (self, focused);
      return TRUE;
    case GDK_KEY_Menu:
      if (focused < 0)
        return FALSE;
      _kedja_timeline_popover_for_step (self, focused);
      return TRUE;
    default:
      break;
    }

  if (shift)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (focused < 0)
        return FALSE;
      activate_step (self, focused);
      return TRUE;
    default:
      return move_focus (self, focused, keyval);
    }
}

/* Tab and Shift+Tab walk the steps in chain order, then leave. Entering,
 * the focus goes to the first (or, backwards, the last) step in view, not
 * to one scrolled far away; the timeline itself takes it only when it has
 * no steps, so that its zoom and pan keys still work. */
gboolean
_kedja_timeline_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);
  GtkWidget *popover = self->input->popover;
  int focused = _kedja_timeline_get_focused_step (self);
  gboolean self_focused = gtk_widget_is_focus (widget);
  int target = -1;

  if (popover != NULL && gtk_widget_get_focus_child (widget) == popover)
    return gtk_widget_child_focus (popover, direction);

  if (self->chain->len == 0)
    {
      if (self_focused || focused >= 0)
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (focused >= 0)
        target = _kedja_timeline_chain_next (self, focused, 1);
      else
        target = _kedja_timeline_chain_first (self, TRUE);
      break;
    case GTK_DIR_TAB_BACKWARD:
      if (focused >= 0)
        target = _kedja_timeline_chain_next (self, focused, -1);
      else if (!self_focused)
        target = _kedja_timeline_chain_last (self, TRUE);
      break;
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    default:
      /* Arrows inside are the key handler's; these come from outside. */
      if (focused < 0)
        target = _kedja_timeline_chain_first (self, TRUE);
      break;
    }
  if (target < 0)
    return FALSE;
  return _kedja_timeline_focus_step (self, target, TRUE);
}

