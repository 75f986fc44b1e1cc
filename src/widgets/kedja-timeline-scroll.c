/* kedja-timeline-scroll.c — the timeline's size, scrolling and zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkScrollable: the horizontal adjustment is time in pixels from the
 * plan's first day; the vertical one scrolls the lanes under an axis that
 * stays put. Scrolling and zooming change only the view (a small struct)
 * and never lay anything out again; they queue an allocation, which puts
 * the steps' children (kedja-timeline-a11y.c) over their bars.
 *
 * A plan fitted to the width stays fitted when the width changes, until
 * the user zooms or pans (self->fitted).
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>

#include "kedja-timeline-private.h"

/* Size ==================================================================== */

/* The lanes and, below them, the legend. */
static double
content_height (KedjaTimeline *self,
                double         width)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  const KedjaTimelineMetrics *m = &self->metrics;
  KedjaTimelineScene scene;
  double lanes;

  if (layout != NULL)
    lanes = kedja_timeline_layout_get_height (layout);
  else
    lanes = m->axis_height + KEDJA_N_PHASES * (2 * m->lane_padding + m->bar_height);

  _kedja_timeline_fill_scene (self, &scene, width, 0);
  return lanes + _kedja_timeline_legend_height (self->cache, &scene);
}

GtkSizeRequestMode
_kedja_timeline_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

void
_kedja_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);
  const KedjaTimelineMetrics *m = &self->metrics;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Time can always be scrolled; a few weeks must fit. */
      *minimum = (int) (m->label_width + 240);
      *natural = (int) (m->label_width + 960);
    }
  else
    {
      /* The axis and one lane at least: the rest can scroll vertically
       * (in a GtkScrolledWindow) or be cut off. */
      *minimum = (int) (m->axis_height + 2 * m->lane_padding + m->bar_height);
      *natural = (int) ceil (content_height (self, for_size > 0 ? for_size : m->label_width + 960));
      *natural = MAX (*natural, *minimum);
    }
}

void
_kedja_timeline_update_adjustments (KedjaTimeline *self)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  self->updating_adjustments = TRUE;

  if (self->hadjustment != NULL)
    {
      if (layout != NULL)
        {
          KedjaDate first, last;
          double page = MAX (0.0, width - self->view.time_left);
          double ppd = self->view.px_per_day;
          double value, span;

          /* The adjustment counts pixels from the plan's first day. Bounds
           * stretch to hold the view, so that zooming and scroll_to_date ()
           * are never undone by the adjustment clamping its value. */
          kedja_timeline_layout_get_span (layout, &first, &last);
          value = (self->view.first_day - first) * ppd;
          span = (last + 1 - first) * ppd;
          gtk_adjustment_configure (self->hadjustment, value, MIN (0.0, value),
                                    MAX (span, value + page), MAX (ppd, 8.0), page * 0.9, page);
        }
      else
        gtk_adjustment_configure (self->hadjustment, 0, 0, 0, 0, 0, 0);
    }

  if (self->vadjustment != NULL)
    {
      double content = content_height (self, width);
      double value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0.0,
                            MAX (0.0, content - height));

      gtk_adjustment_configure (self->vadjustment, value, 0, MAX (content, height),
                                self->metrics.bar_height, height * 0.9, height);
    }

  self->updating_adjustments = FALSE;
}

void
_kedja_timeline_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);
  gboolean resized = self->view.width != width;

  self->view.width = width;
  self->view.time_left = self->metrics.label_width;
  /* Fitted and not zoomed or panned since: a window that grew shows the
   * whole plan across it, not in its left part. */
  if ((self->fit_pending || (self->fitted && resized)) && self->shown.layout != NULL
      && width > self->view.time_left)
    kedja_timeline_zoom_to_fit (self);
  _kedja_timeline_update_adjustments (self);

  _kedja_timeline_allocate_steps (self);
  _kedja_timeline_allocate_input (self);
}

/* The view ================================================================ */

/* After any change of the view: the scrollbar follows, the zoom is
 * notified if it changed, and the picture is drawn again. */
static void
view_changed (KedjaTimeline *self,
              double         old_px_per_day)
{
  _kedja_timeline_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (self->view.px_per_day != old_px_per_day)
    _kedja_timeline_notify_zoom (self);
}

void
_kedja_timeline_zoom_at (KedjaTimeline *self,
                         double         x,
                         double         factor)
{
  double old = self->view.px_per_day;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  self->fit_pending = FALSE;
  self->fitted = FALSE;
  kedja_timeline_view_zoom_at (&self->view, x, factor);
  view_changed (self, old);
}

void
_kedja_timeline_scroll_by (KedjaTimeline *self,
                           double         dx,
                           double         dy)
{
  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  self->fit_pending = FALSE;
  self->fitted = FALSE;
  self->view.first_day += dx / self->view.px_per_day;
  if (dy != 0 && self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
  view_changed (self, self->view.px_per_day);
}

static void
hadjustment_value_changed_cb (GtkAdjustment *adjustment,
                              KedjaTimeline *self)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  KedjaDate first;

  if (self->updating_adjustments || layout == NULL)
    return;

  kedja_timeline_layout_get_span (layout, &first, NULL);
  self->fit_pending = FALSE;
  self->fitted = FALSE;
  self->view.first_day = first + gtk_adjustment_get_value (adjustment) / self->view.px_per_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
vadjustment_value_changed_cb (GtkAdjustment *adjustment,
                              KedjaTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (KedjaTimeline  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GCallback       value_changed,
                GParamSpec     *pspec)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, value_changed, self);
      g_clear_object (slot);
    }
  /* GtkScrollable: NULL asks for an adjustment of our own. */
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", value_changed, self);

  _kedja_timeline_update_adjustments (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
_kedja_timeline_set_adjustment (KedjaTimeline  *self,
                                GtkOrientation  orientation,
                                GtkAdjustment  *adjustment,
                                GParamSpec     *pspec)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    set_adjustment (self, &self->hadjustment, adjustment,
                    G_CALLBACK (hadjustment_value_changed_cb), pspec);
  else
    set_adjustment (self, &self->vadjustment, adjustment,
                    G_CALLBACK (vadjustment_value_changed_cb), pspec);
}

void
_kedja_timeline_clear_adjustments (KedjaTimeline *self)
{
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, hadjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, vadjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
}

/* Hit testing ============================================================= */

KedjaTimelineHit
_kedja_timeline_hit_test (KedjaTimeline *self,
                          double         x,
                          double         y)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  KedjaTimelineView view = self->view;

  if (layout == NULL)
    return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_NONE, 0, KEDJA_DATE_NONE };

  /* The axis stays put; the lanes under it are scrolled by scroll_y. */
  view.width = gtk_widget_get_width (GTK_WIDGET (self));
  if (y >= self->metrics.axis_height)
    y += _kedja_timeline_get_scroll_y (self);
  return kedja_timeline_layout_hit_test (layout, &view, x, y);
}

/* Public API: zoom and scrolling ========================================= */

/* Keeps the day in the middle of the time area where it is, as a zoom
 * button or key would. */
void
kedja_timeline_set_zoom (KedjaTimeline *self,
                         double         px_per_day)
{
  double middle, old;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));
  g_return_if_fail (px_per_day > 0);

  px_per_day = CLAMP (px_per_day, KEDJA_TIMELINE_MIN_PX_PER_DAY, KEDJA_TIMELINE_MAX_PX_PER_DAY);
  if (px_per_day == self->view.px_per_day)
    return;

  old = self->view.px_per_day;
  middle = self->view.width > self->view.time_left
             ? (self->view.time_left + self->view.width) / 2
             : self->view.time_left;
  self->fit_pending = FALSE;
  self->fitted = FALSE;
  kedja_timeline_view_zoom_at (&self->view, middle, px_per_day / old);
  /* Exactly what was asked for, not old × (new / old). */
  self->view.px_per_day = px_per_day;
  view_changed (self, old);
}

double
kedja_timeline_get_zoom (KedjaTimeline *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), KEDJA_TIMELINE_DEFAULT_PX_PER_DAY);

  return self->view.px_per_day;
}

void
kedja_timeline_zoom_to_fit (KedjaTimeline *self)
{
  KedjaDate first, last;
  double old = self->view.px_per_day;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  if (self->shown.layout == NULL || self->view.width <= self->view.time_left)
    {
      /* No plan or no width yet: fit as soon as there are both. */
      self->fit_pending = TRUE;
      return;
    }

  self->fit_pending = FALSE;
  self->fitted = TRUE;
  kedja_timeline_layout_get_span (self->shown.layout, &first, &last);
  kedja_timeline_view_fit (&self->view, first, last);
  view_changed (self, old);
}

void
kedja_timeline_scroll_to_date (KedjaTimeline *self,
                               KedjaDate      date)
{
  g_return_if_fail (KEDJA_IS_TIMELINE (self));
  g_return_if_fail (date != KEDJA_DATE_NONE);

  self->fit_pending = FALSE;
  self->fitted = FALSE;
  self->view.first_day = date;
  view_changed (self, self->view.px_per_day);
}
