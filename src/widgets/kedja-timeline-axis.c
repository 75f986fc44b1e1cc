/* kedja-timeline-axis.c — the date axis, the grid, today and the markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticks come from kedja_timeline_view_ticks(): days, ISO weeks or months,
 * with the larger unit on the top row. Their labels are laid out once
 * (there are few: day and week numbers, month names) and kept.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-draw-private.h"

/* Grid ==================================================================== */

void
_kedja_frame_grid (Frame *f)
{
  GArray *ticks = f->cache->ticks;
  double top = f->m->axis_height, height = kedja_timeline_layout_get_height (f->layout) - top;
  gboolean days = kedja_timeline_view_tick_unit (&f->view) == KEDJA_TIMELINE_TICKS_DAYS;

  for (guint i = 0; i < ticks->len; i++)
    {
      const KedjaTimelineTick *tick = &g_array_index (ticks, KedjaTimelineTick, i);

      /* Weekends, when days can be told apart. */
      if (days && kedja_date_get_weekday (tick->date) >= 6)
        _kedja_timeline_append_rect (f->snapshot, &f->p->weekend, tick->x, top,
                                     f->view.px_per_day, height);
      _kedja_timeline_append_rect (f->snapshot, tick->major ? &f->p->grid_major : &f->p->grid,
                                   floor (tick->x), top, 1, height);
    }
}

/* Today and markers ======================================================= */

/* A thin faint line through the lanes: the marker on the axis says what
 * it is. (Dotted, it cost ten times as much to draw.) */
static void
draw_marker_line (Frame         *f,
                  const GdkRGBA *color,
                  double         x,
                  double         top,
                  double         bottom)
{
  if (_kedja_frame_x_visible (f, x, x + 1))
    _kedja_timeline_append_rect (f->snapshot, color, floor (x), top, 1, bottom - top);
}

void
_kedja_frame_day_lines (Frame *f)
{
  const KedjaPlan *plan = f->scene->plan;
  double top = f->m->axis_height, bottom = kedja_timeline_layout_get_height (f->layout);
  GdkRGBA marker = f->p->marker;
  double x;

  marker.alpha = 0.55f;
  if (plan->follow_up != KEDJA_DATE_NONE)
    draw_marker_line (f, &marker, _kedja_frame_day_middle (f, plan->follow_up), top, bottom);
  for (guint i = 0; i < plan->meetings->len; i++)
    draw_marker_line (f, &marker,
                      _kedja_frame_day_middle (f, ((KedjaMeeting *) g_ptr_array_index (plan->meetings, i))->date),
                      top, bottom);

  x = _kedja_frame_day_middle (f, f->scene->today);
  if (_kedja_frame_x_visible (f, x - 1, x + 1))
    _kedja_timeline_append_rect (f->snapshot, &f->p->today, x - 1, top, 2, bottom - top);
}

/* The axis ================================================================ */

/* "Today" on a pill in the axis's bottom row, on the today line and kept
 * inside the time area; FALSE when today is out of sight. */
static gboolean
today_pill (Frame           *f,
            graphene_rect_t *pill,
            PangoLayout    **label)
{
  double x = _kedja_frame_day_middle (f, f->scene->today), row = f->m->axis_height / 2;
  int lw, lh;
  double w, left;

  if (!_kedja_frame_x_visible (f, x, x))
    return FALSE;
  *label = _kedja_timeline_draw_label (f->cache, f->scene, FONT_BAND, _("Today"));
  pango_layout_get_pixel_size (*label, &lw, &lh);
  w = lw + 14;
  left = CLAMP (x - w / 2, f->view.time_left + 2, f->view.width - w - 2);
  *pill = GRAPHENE_RECT_INIT (left, row + (row - lh - 4) / 2, w, lh + 4);
  return TRUE;
}

static void
draw_tick_labels (Frame *f)
{
  GArray *ticks = f->cache->ticks;
  KedjaTimelineTickUnit unit = kedja_timeline_view_tick_unit (&f->view);
  double axis = f->m->axis_height, row = axis / 2;
  double minor_end = -G_MAXDOUBLE, first_major = G_MAXDOUBLE;
  graphene_rect_t pill = GRAPHENE_RECT_INIT (-1, 0, 0, 0);
  PangoLayout *today = NULL;
  char leading[48];

  today_pill (f, &pill, &today);

  for (guint i = 0; i < ticks->len; i++)
    {
      const KedjaTimelineTick *tick = &g_array_index (ticks, KedjaTimelineTick, i);
      const char *minor = NULL;

      _kedja_timeline_append_rect (f->snapshot, tick->major ? &f->p->grid_major : &f->p->separator,
                                   floor (tick->x), tick->major ? 0 : axis - 6, 1,
                                   tick->major ? axis : 6);

      if (tick->major && tick->label[0] != '\0')
        {
          PangoLayout *label = _kedja_timeline_draw_label (f->cache, f->scene, FONT_AXIS_MAJOR,
                                                           tick->label);
          int lw, lh;

          pango_layout_get_pixel_size (label, &lw, &lh);
          _kedja_timeline_append_layout_at (f->snapshot, label, &f->p->text, tick->x + 5,
                                            (row - lh) / 2 + 2);
          if (tick->x >= f->view.time_left)
            first_major = MIN (first_major, tick->x);
        }

      /* The bottom row: days, weeks or months; a major tick's own too. */
      if (!tick->major)
        minor = tick->label[0] != '\0' ? tick->label : NULL;
      else if (unit == KEDJA_TIMELINE_TICKS_DAYS)
        minor = "1";
      else if (unit == KEDJA_TIMELINE_TICKS_MONTHS)
        {
          int y, m, d;
          kedja_date_to_ymd (tick->date, &y, &m, &d);
          minor = kedja_date_get_month_abbreviation (m);
        }
      if (minor != NULL)
        {
          PangoLayout *label = _kedja_timeline_draw_label (f->cache, f->scene, FONT_AXIS_MINOR,
                                                           minor);
          int lw, lh;
          double lx;

          pango_layout_get_pixel_size (label, &lw, &lh);
          lx = unit == KEDJA_TIMELINE_TICKS_DAYS ? tick->x + (f->view.px_per_day - lw) / 2
                                                 : tick->x + 4;
          if (lx < minor_end + 4)
            continue;  /* no room beside the last one */
          if (lx < pill.origin.x + pill.size.width + 2 && lx + lw > pill.origin.x - 2)
            continue;  /* under the "Today" pill */
          _kedja_timeline_append_layout_at (f->snapshot, label, &f->p->text_dim, lx,
                                            row + (row - lh) / 2 - 1);
          minor_end = lx + lw;
        }
    }

  /* What month (year) the left edge is in, up to the next major label. */
  kedja_timeline_view_leading_label (&f->view, leading, sizeof leading);
  {
    PangoLayout *label = _kedja_timeline_draw_label (f->cache, f->scene, FONT_AXIS_MAJOR, leading);
    double right = MIN (first_major, f->view.width) - 6;
    double lx = f->view.time_left + 5;
    int lw, lh;

    pango_layout_get_pixel_size (label, &lw, &lh);
    if (lx + lw <= right)
      _kedja_timeline_append_layout_at (f->snapshot, label, &f->p->text, lx, (row - lh) / 2 + 2);
  }
}

static void
draw_axis_markers (Frame *f)
{
  const KedjaPlan *plan = f->scene->plan;
  double axis = f->m->axis_height;
  double x = _kedja_frame_day_middle (f, f->scene->today);
  graphene_rect_t rect;
  PangoLayout *label;

  /* On the line between axis and lanes, in the lanes' top padding. */
  if (plan->follow_up != KEDJA_DATE_NONE)
    _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, ICON_FOLLOW_UP,
                                 _kedja_frame_day_middle (f, plan->follow_up), axis);
  for (guint i = 0; i < plan->meetings->len; i++)
    _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, ICON_MEETING,
                                 _kedja_frame_day_middle (f, ((KedjaMeeting *) g_ptr_array_index (plan->meetings,
                                                                                     i))->date),
                                 axis);

  if (today_pill (f, &rect, &label))
    {
      GskRoundedRect pill;
      double bottom = rect.origin.y + rect.size.height;

      _kedja_timeline_append_rect (f->snapshot, &f->p->today, x - 1, bottom, 2, axis - bottom);
      gsk_rounded_rect_init_from_rect (&pill, &rect, rect.size.height / 2);
      gtk_snapshot_push_rounded_clip (f->snapshot, &pill);
      gtk_snapshot_append_color (f->snapshot, &f->p->today, &rect);
      gtk_snapshot_pop (f->snapshot);
      _kedja_timeline_append_layout_at (f->snapshot, label, &f->p->on_today, rect.origin.x + 7,
                                        rect.origin.y + 2);
    }
}

void
_kedja_frame_axis (Frame *f)
{
  double axis = f->m->axis_height, width = f->view.width;
  guint n = kedja_timeline_layout_get_n_badges (f->layout);

  _kedja_timeline_append_rect (f->snapshot, &f->p->chrome, 0, 0, width, axis);
  _kedja_timeline_append_rect (f->snapshot, &f->p->separator, 0, axis - 1, width, 1);
  _kedja_timeline_append_rect (f->snapshot, &f->p->separator, f->m->label_width - 1, 0, 1, axis);

  /* The markers reach into the lanes' padding: clip to the time area and
   * a little below the axis. */
  gtk_snapshot_push_clip (f->snapshot, &GRAPHENE_RECT_INIT (f->view.time_left, 0,
                                                            width - f->view.time_left,
                                                            axis + f->m->lane_padding));
  draw_tick_labels (f);
  draw_axis_markers (f);
  gtk_snapshot_pop (f->snapshot);

  /* The plan's own badges, in the corner above the lane labels. */
  for (guint b = 0; b < n; b++)
    {
      const KedjaTimelineBadge *badge = kedja_timeline_layout_get_badge (f->layout, b);
      const KedjaFinding *finding = &g_array_index (f->scene->findings, KedjaFinding, badge->finding);
      double x, y, size;

      if (badge->item >= 0)
        continue;
      kedja_timeline_layout_get_badge_rect (f->layout, &f->view, b, &x, &y, &size);
      _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, (IconKind) finding->severity,
                                   x, y);
    }
}
