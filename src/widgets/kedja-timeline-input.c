/* kedja-timeline-input.c — the timeline under the mouse and the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pointer:
 *   drag a bar's body          move it by whole days (the gap bands follow)
 *   drag a bar's start or end  resize it, never past its other end: one
 *                              day is the shortest step
 *   drag anywhere else         pan (and in meeting mode or when not
 *                              editable, on a bar too)
 *   Escape during a drag       put the bar back, emit nothing
 *   double-click a bar         step-activated
 *   click a band, badge or     a popover with the finding's message, what
 *   handover                   to do, who should act and its quick action
 *   right-click a bar          the same for every finding of the step
 *   wheel / touchpad           pan: sideways in time; up and down too when
 *                              the lanes are taller than the widget, else
 *                              the vertical wheel pans time as well
 *   Ctrl+wheel, pinch          zoom around the pointer / the fingers
 *   hover                      tooltips, highlight, and the cursor: grab
 *                              on a bar, col-resize on its edges, pointer
 *                              on what opens a popover
 *
 * Keys (the step children of kedja-timeline-a11y.c hold the focus):
 *   Tab, Shift+Tab             next, previous step in chain order (by
 *                              start, lanes top to bottom); past the last
 *                              or first, out of the timeline
 *   Left, Right                previous, next step in chain order
 *   Up, Down                   the nearest step in the row above, below
 *   Home, End                  first, last step
 *   Enter, space               step-activated
 *   Menu, Shift+F10            the popover of the focused step's findings
 *   + (=), -                   zoom in, out around the focused step (or
 *                              the middle)
 *   0                          the whole plan
 *   Alt+Left, Alt+Right        move the focused step a day earlier, later
 *   Alt+Shift+Left, +Right     end it a day earlier, later
 * Each key press that edits emits step-edited once.
 *
 * Editing (drags of bars, Alt keys, quick actions) only when
 * _kedja_timeline_can_edit(): never in meeting mode. Panning, zooming,
 * focus, tooltips and popovers (without their buttons) always work.
 *
 * A drag snaps by whole days the pointer has travelled: less than a day's
 * width is no move at all, and nothing moves before the pointer passes
 * GTK's drag threshold, so that the slip of a click does not edit a care
 * plan. The gestures' logic is in functions that take coordinates
 * (_kedja_timeline_drag_begin_at() …), so tests can drive it without
 * synthesised events.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>

#include "kedja-timeline-input-private.h"
#include "kedja-timeline-step.h"

KedjaTimelineView
_kedja_timeline_input_view (KedjaTimeline *self)
{
  KedjaTimelineView view = self->view;

  view.width = gtk_widget_get_width (GTK_WIDGET (self));
  return view;
}

/* A rectangle in widget coordinates, cut to the widget: a band can be
 * years wide, and a tooltip or popover points at what can be seen. */
GdkRectangle
_kedja_timeline_visible_area (KedjaTimeline *self,
                              double         x,
                              double         y,
                              double         w,
                              double         h)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x1 = CLAMP (x, 0, width), x2 = CLAMP (x + w, 0, width);
  double y1 = CLAMP (y, 0, height), y2 = CLAMP (y + h, 0, height);

  return (GdkRectangle) { (int) floor (x1), (int) floor (y1), MAX (1, (int) ceil (x2 - x1)),
                          MAX (1, (int) ceil (y2 - y1)) };
}

Target
_kedja_timeline_target_at (KedjaTimeline *self,
                           double         x,
                           double         y)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  KedjaTimelineView view = _kedja_timeline_input_view (self);
  double scroll_y = _kedja_timeline_get_scroll_y (self);
  Target target = { TARGET_NONE };
  double tx, ty, tw, th;

  target.hit = _kedja_timeline_hit_test (self, x, y);
  if (layout == NULL)
    return target;

  switch (target.hit.kind)
    {
    case KEDJA_TIMELINE_HIT_BAR:
    case KEDJA_TIMELINE_HIT_BAR_START:
    case KEDJA_TIMELINE_HIT_BAR_END:
      {
        /* A band's mark pinned on the bar is the band's, as it looks. */
        int band = y >= self->metrics.axis_height
                     ? _kedja_timeline_draw_cache_hosted_band_at (self->cache, layout,
                                                                  self->layout_serial, &view, x,
                                                                  y + scroll_y)
                     : -1;

        if (band >= 0)
          {
            target.kind = TARGET_BAND;
            target.index = (guint) band;
            target.hit.kind = KEDJA_TIMELINE_HIT_BAND;
            target.hit.index = (guint) band;
            kedja_timeline_layout_get_band_rect (layout, &view, band, &tx, &ty, &tw, &th);
          }
        else
          {
            target.kind = TARGET_STEP;
            target.index = kedja_timeline_layout_get_item (layout, target.hit.index)->index;
            kedja_timeline_layout_get_bar (layout, &view, target.hit.index, &tx, &ty, &tw, &th);
          }
        target.area = _kedja_timeline_visible_area (self, tx, ty - scroll_y, tw, th);
        break;
      }
    case KEDJA_TIMELINE_HIT_BAND:
      target.kind = TARGET_BAND;
      target.index = target.hit.index;
      kedja_timeline_layout_get_band_rect (layout, &view, target.index, &tx, &ty, &tw, &th);
      target.area = _kedja_timeline_visible_area (self, tx, ty - scroll_y, tw, th);
      break;
    case KEDJA_TIMELINE_HIT_BADGE:
      {
        const KedjaTimelineBadge *badge = kedja_timeline_layout_get_badge (layout, target.hit.index);
        double size;

        target.kind = TARGET_BADGE;
        target.index = target.hit.index;
        kedja_timeline_layout_get_badge_rect (layout, &view, target.index, &tx, &ty, &size);
        /* The plan's own badges sit above the lanes and do not scroll. */
        if (badge->item >= 0)
          ty -= scroll_y;
        target.area = _kedja_timeline_visible_area (self, tx, ty, size, size);
        break;
      }
    case KEDJA_TIMELINE_HIT_HANDOVER:
      {
        double x1, y1, x2, y2;

        target.kind = TARGET_HANDOVER;
        target.index = target.hit.index;
        kedja_timeline_layout_get_handover (layout, &view, target.index, &x1, &y1, &x2, &y2);
        target.area = _kedja_timeline_visible_area (self, MIN (x1, x2) - 4,
                                                    MIN (y1, y2) - 4 - scroll_y,
                                                    fabs (x2 - x1) + 8, fabs (y2 - y1) + 8);
        break;
      }
    case KEDJA_TIMELINE_HIT_NONE:
    case KEDJA_TIMELINE_HIT_LANE:
    case KEDJA_TIMELINE_HIT_AXIS:
    default:
      break;
    }
  return target;
}

/* The cursor ============================================================== */

static void
set_cursor (KedjaTimeline *self,
            const char    *name)
{
  if (self->input->cursor == name)
    return;
  self->input->cursor = name;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static const char *
cursor_for_drag (KedjaTimelineInput *in)
{
  switch (in->mode)
    {
    case DRAG_MOVE:
    case DRAG_PAN:
      return in->moved ? "grabbing" : NULL;
    case DRAG_RESIZE_START:
    case DRAG_RESIZE_END:
      return "col-resize";
    case DRAG_NONE:
    case DRAG_CANCELLED:
    default:
      return NULL;
    }
}

/* Hover: the highlight, and a cursor that says what a drag or a click
 * would do there. */
static void
update_hover (KedjaTimeline *self)
{
  KedjaTimelineInput *in = self->input;
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  gboolean editable = _kedja_timeline_can_edit (self);
  const char *cursor = NULL;
  Target target;

  if (in->mode != DRAG_NONE)
    {
      set_cursor (self, cursor_for_drag (in));
      return;
    }
  if (!in->pointer_inside || layout == NULL)
    {
      _kedja_timeline_set_hover (self, -1, NULL);
      set_cursor (self, NULL);
      return;
    }

  target = _kedja_timeline_target_at (self, in->pointer_x, in->pointer_y);
  switch (target.kind)
    {
    case TARGET_STEP:
      _kedja_timeline_set_hover (self, (int) target.index, NULL);
      if (editable && target.hit.kind == KEDJA_TIMELINE_HIT_BAR_START)
        cursor = "col-resize";
      else if (editable && target.hit.kind == KEDJA_TIMELINE_HIT_BAR_END)
        /* A step that runs on has no end to drag: it moves. */
        cursor = kedja_timeline_layout_get_item (layout, target.hit.index)->open_ended ? "grab"
                                                                                     : "col-resize";
      else if (editable)
        cursor = "grab";
      break;
    case TARGET_BAND:
    case TARGET_BADGE:
    case TARGET_HANDOVER:
      _kedja_timeline_set_hover (self, -1, &target.hit);
      cursor = "pointer";
      break;
    case TARGET_NONE:
    default:
      _kedja_timeline_set_hover (self, -1, NULL);
      break;
    }
  set_cursor (self, cursor);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KedjaTimeline            *self)
{
  self->input->pointer_x = x;
  self->input->pointer_y = y;
  self->input->pointer_inside = TRUE;
  update_hover (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          KedjaTimeline            *self)
{
  self->input->pointer_inside = FALSE;
  update_hover (self);
}

/* Dragging ================================================================ */

static gboolean
is_edit_drag (DragMode mode)
{
  return mode == DRAG_MOVE || mode == DRAG_RESIZE_START || mode == DRAG_RESIZE_END;
}

static double
drag_threshold (KedjaTimeline *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold,
                NULL);
  return MAX (threshold, 1);
}

void
_kedja_timeline_drag_begin_at (KedjaTimeline *self,
                               double         x,
                               double         y)
{
  KedjaTimelineInput *in = self->input;
  const KedjaTimelineLayout *layout;
  KedjaTimelineHit hit;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  _kedja_timeline_end_drag (self, FALSE);
  layout = _kedja_timeline_get_layout (self);
  hit = _kedja_timeline_hit_test (self, x, y);

  in->mode = DRAG_PAN;
  in->moved = FALSE;
  in->last_dx = in->last_dy = 0;
  if (layout != NULL && _kedja_timeline_can_edit (self)
      && (hit.kind == KEDJA_TIMELINE_HIT_BAR || hit.kind == KEDJA_TIMELINE_HIT_BAR_START
          || hit.kind == KEDJA_TIMELINE_HIT_BAR_END))
    {
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (layout, hit.index);

      in->step = item->index;
      in->start = kedja_step_get_start (item->step);
      in->end = kedja_step_get_end (item->step);
      if (hit.kind == KEDJA_TIMELINE_HIT_BAR_START)
        in->mode = DRAG_RESIZE_START;
      else if (hit.kind == KEDJA_TIMELINE_HIT_BAR_END && in->end != KEDJA_DATE_NONE)
        in->mode = DRAG_RESIZE_END;
      else
        in->mode = DRAG_MOVE;
    }
}

void
_kedja_timeline_drag_update_by (KedjaTimeline *self,
                                double         dx,
                                double         dy)
{
  KedjaTimelineInput *in = self->input;
  KedjaDate days, start = in->start, end = in->end;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  if (in->mode == DRAG_NONE || in->mode == DRAG_CANCELLED)
    return;
  if (!in->moved)
    {
      double threshold = drag_threshold (self);

      if (fabs (dx) < threshold && fabs (dy) < threshold)
        return;
      in->moved = TRUE;
    }

  if (in->mode == DRAG_PAN)
    {
      /* The content follows the pointer: time the other way. */
      _kedja_timeline_scroll_by (self, -(dx - in->last_dx), -(dy - in->last_dy));
      in->last_dx = dx;
      in->last_dy = dy;
      return;
    }

  /* Whole days travelled, towards zero: less than a day is no move. */
  days = (KedjaDate) trunc (dx / self->view.px_per_day);
  switch (in->mode)
    {
    case DRAG_MOVE:
      start = in->start + days;
      if (in->end != KEDJA_DATE_NONE)
        end = in->end + days;
      break;
    case DRAG_RESIZE_START:
      start = in->end != KEDJA_DATE_NONE ? MIN (in->start + days, in->end) : in->start + days;
      break;
    case DRAG_RESIZE_END:
      end = MAX (in->end + days, in->start);
      break;
    case DRAG_NONE:
    case DRAG_PAN:
    case DRAG_CANCELLED:
    default:
      g_assert_not_reached ();
    }
  if (start <= KEDJA_DATE_NONE)
    return;  /* before the first day there is */

  /* The copy of the plan is made at the first real change, not for every
   * click on a bar. */
  if (!_kedja_timeline_is_dragging (self))
    {
      if (start == in->start && end == in->end)
        return;
      _kedja_timeline_begin_drag (self, in->step);
    }
  _kedja_timeline_update_drag (self, start, end);
}

void
_kedja_timeline_drag_finish (KedjaTimeline *self,
                             gboolean       commit)
{
  KedjaTimelineInput *in = self->input;
  DragMode mode = in->mode;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  /* Cleared first: step-edited may give the timeline a new plan at once. */
  in->mode = DRAG_NONE;
  in->moved = FALSE;
  if (is_edit_drag (mode))
    _kedja_timeline_end_drag (self, commit);
  update_hover (self);
}

/* Escape: the bar goes back where it was and nothing is emitted; the
 * rest of the drag, until the button is released, does nothing. */
gboolean
_kedja_timeline_cancel_drag (KedjaTimeline *self)
{
  KedjaTimelineInput *in = self->input;

  if (in->mode == DRAG_NONE || in->mode == DRAG_CANCELLED)
    return FALSE;
  in->mode = DRAG_CANCELLED;
  _kedja_timeline_end_drag (self, FALSE);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (in->drag));
  update_hover (self);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KedjaTimeline  *self)
{
  Target target = _kedja_timeline_target_at (self, x, y);

  /* A press gives the focus, as a click on any control does, but no ring
   * and no scrolling: the bar is under the pointer. */
  if (target.kind == TARGET_STEP)
    _kedja_timeline_focus_step (self, target.index, FALSE);
  else if (!gtk_widget_has_focus (GTK_WIDGET (self))
           && _kedja_timeline_get_focused_step (self) < 0)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  _kedja_timeline_drag_begin_at (self, x, y);
  update_hover (self);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KedjaTimeline  *self)
{
  gboolean moved = self->input->moved;

  _kedja_timeline_drag_update_by (self, dx, dy);
  /* A drag, not a click: no popover at the release. */
  if (!moved && self->input->moved)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  update_hover (self);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KedjaTimeline  *self)
{
  _kedja_timeline_drag_update_by (self, dx, dy);
  _kedja_timeline_drag_finish (self, TRUE);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KedjaTimeline    *self)
{
  _kedja_timeline_drag_finish (self, FALSE);
}

/* Scrolling and zooming =================================================== */

static gboolean
needs_vertical_scroll (KedjaTimeline *self)
{
  GtkAdjustment *v = self->vadjustment;

  return v != NULL
         && gtk_adjustment_get_upper (v) - gtk_adjustment_get_lower (v)
              > gtk_adjustment_get_page_size (v) + 0.5;
}

/* Wheels give notches, touchpads pixels. A notch scrolls as
 * GtkScrolledWindow's do (the page to the power of two thirds). The lanes
 * scroll vertically when they are taller than the widget; otherwise a
 * plain wheel, which only turns up and down, pans time. */
static gboolean
scroll (KedjaTimeline   *self,
        double           dx,
        double           dy,
        GdkModifierType  state,
        gboolean         wheel)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double page_x = pow (MAX (1.0, width - self->view.time_left), 2.0 / 3.0);
  double page_y = pow (MAX (1.0, height - self->metrics.axis_height), 2.0 / 3.0);
  double px, py;

  if (state & GDK_CONTROL_MASK)
    {
      double amount = dy != 0 ? dy : dx;
      double x = self->input->pointer_inside ? self->input->pointer_x
                                             : (self->view.time_left + width) / 2;

      if (amount != 0)
        _kedja_timeline_zoom_at (self, MAX (x, self->view.time_left),
                                 pow (wheel ? WHEEL_ZOOM_STEP : SURFACE_ZOOM_STEP, -amount));
      return TRUE;
    }

  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  px = wheel ? dx * page_x : dx;
  py = wheel ? dy * page_y : dy;
  if (!needs_vertical_scroll (self))
    {
      px += wheel ? dy * page_x : dy;
      py = 0;
    }

  if (py != 0)
    {
      GtkAdjustment *v = self->vadjustment;
      double value = gtk_adjustment_get_value (v);
      double limit = py < 0 ? gtk_adjustment_get_lower (v)
                            : gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v);

      /* At the end of the lanes, a page around the timeline may scroll. */
      if (px == 0 && fabs (value - limit) < 0.5)
        return FALSE;
      gtk_adjustment_set_value (v, value + py);
    }
  if (px != 0)
    _kedja_timeline_scroll_by (self, px, 0);
  return px != 0 || py != 0;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KedjaTimeline            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  return scroll (self, dx, dy, state,
                 gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL);
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KedjaTimeline    *self)
{
  self->input->pinch_px_per_day = self->view.px_per_day;
  /* Two fingers zoom; the one that started a drag does not drag on. */
  _kedja_timeline_cancel_drag (self);
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        KedjaTimeline  *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y) || scale <= 0)
    return;
  _kedja_timeline_zoom_at (self, MAX (x, self->view.time_left),
                           self->input->pinch_px_per_day * scale / self->view.px_per_day);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  KedjaTimeline   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_SECONDARY && n_press == 1)
    {
      Target target = _kedja_timeline_target_at (self, x, y);

      if (target.kind == TARGET_STEP)
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          _kedja_timeline_focus_step (self, target.index, FALSE);
          _kedja_timeline_popover_for_step (self, target.index);
        }
      else if (target.kind != TARGET_NONE)
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          _kedja_timeline_click_at (self, 1, x, y);
        }
    }
  else if (button == GDK_BUTTON_PRIMARY && n_press == 2)
    _kedja_timeline_click_at (self, 2, x, y);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   KedjaTimeline   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* At the release, so that a drag that starts on a band pans instead. */
  if (button == GDK_BUTTON_PRIMARY && n_press == 1)
    _kedja_timeline_click_at (self, 1, x, y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KedjaTimeline         *self)
{
  return _kedja_timeline_key_pressed (self, keyval, state);
}

/* Set-up ================================================================== */

void
_kedja_timeline_reset_input (KedjaTimeline *self)
{
  KedjaTimelineInput *in = self->input;

  if (in == NULL)
    return;
  if (in->mode != DRAG_NONE)
    {
      in->mode = DRAG_NONE;
      in->moved = FALSE;
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (in->drag));
    }
  if (in->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (in->popover));
}

void
_kedja_timeline_allocate_input (KedjaTimeline *self)
{
  if (self->input->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->input->popover));
}

void
_kedja_timeline_class_init_input (GtkWidgetClass *widget_class)
{
  widget_class->focus = _kedja_timeline_focus;
  widget_class->query_tooltip = _kedja_timeline_query_tooltip;
}

void
_kedja_timeline_init_input (KedjaTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  KedjaTimelineInput *in = g_new0 (KedjaTimelineInput, 1);

  self->input = in;

  in->drag = gtk_gesture_drag_new ();
  g_signal_connect (in->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (in->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (in->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (in->drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (in->drag));

  in->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (in->click), 0);
  g_signal_connect (in->click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (in->click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (in->click));

  in->zoom = gtk_gesture_zoom_new ();
  g_signal_connect (in->zoom, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (in->zoom, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (in->zoom));

  in->motion = gtk_event_controller_motion_new ();
  g_signal_connect (in->motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (in->motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (in->motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, in->motion);

  in->scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (in->scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, in->scroll);

  in->key = gtk_event_controller_key_new ();
  g_signal_connect (in->key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, in->key);

  gtk_widget_set_has_tooltip (widget, TRUE);
}

void
_kedja_timeline_dispose_input (KedjaTimeline *self)
{
  KedjaTimelineInput *in = self->input;

  if (in == NULL)
    return;
  if (in->popover != NULL)
    gtk_widget_unparent (g_steal_pointer (&in->popover));
  /* The controllers belong to the widget; taken off, they call nothing
   * more that would find the state gone. */
  gtk_widget_remove_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (in->drag));
  gtk_widget_remove_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (in->click));
  gtk_widget_remove_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (in->zoom));
  gtk_widget_remove_controller (GTK_WIDGET (self), in->motion);
  gtk_widget_remove_controller (GTK_WIDGET (self), in->scroll);
  gtk_widget_remove_controller (GTK_WIDGET (self), in->key);
  g_clear_pointer (&self->input, g_free);
}

