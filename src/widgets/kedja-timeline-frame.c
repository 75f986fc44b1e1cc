/* kedja-timeline-frame.c — one frame of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Places what kedja-timeline-draw.c keeps. Only what can be seen is built:
 * the steps come from the layout's culling (a search, then the visible
 * ones), rows scrolled out of sight are skipped, and the level of detail
 * follows the width of a bar: from ~40 px its title (ellipsized to fit)
 * and rounded corners, from ~120 px its agency too; narrower, a square bar
 * with its title beside it when the row has room; below 3 px a sliver,
 * and slivers that touch in one row are merged into one run. Connectors
 * lose their arrow heads and ticks when a whole long chain is in view.
 * Every choice was measured (tests/widgets/bench-timeline.c): in GTK's
 * cairo renderer a frame costs what its nodes cost, ~1 µs a rectangle,
 * ~4 µs a line of text, ~6 µs a rounded clip.
 *
 * Layers, bottom to top: lanes (a cached node), grid, gap bands,
 * connectors, bars with their text and badges, marks on connectors and
 * bands, the today and marker lines, the focus ring; the legend below the
 * lanes; the axis on top, which stays put when the lanes scroll
 * vertically. Bands are drawn in kedja-timeline-bands.c, the grid, the
 * axis and its markers in kedja-timeline-axis.c.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-draw-private.h"

/* Level of detail, in pixels of bar width. */
#define LOD_MERGE_BELOW  3.0   /* slivers that touch become one run */
#define LOD_TITLE_FROM   40.0
/* A title cut to fit is drawn only with room for some five letters and
 * "…": "Be…" or "Åte…" says nothing, and a long chain seen whole had a
 * hundred of them (~8 µs of text each). A short title that fits whole is
 * always drawn. */
#define LOD_TEXT_ROOM    48.0
#define LOD_AGENCY_FROM  120.0 /* enough of an agency's name to know it */

/* Handovers =============================================================== */

/* Level of detail: below this zoom (months on the axis, a long chain at
 * once) a connector is its line only — solid or dashed still tells
 * confirmed from not — unless it is long enough for its marks to be seen
 * among hundreds of others. Below KEDJA_TIMELINE_ELBOW_BELOW_PX_PER_DAY
 * the line is an elbow, level and then upright. */
#define LOD_MARKS_FROM_PX_PER_DAY 2.0

static void
draw_connectors (Frame    *f,
                 gboolean  marks)
{
  guint n = kedja_timeline_layout_get_n_handovers (f->layout);
  double arrow = f->scene->meeting_mode ? 14 : 10, size = f->m->badge_size;
  gboolean marks_here = f->view.px_per_day >= LOD_MARKS_FROM_PX_PER_DAY;
  gboolean elbows = f->view.px_per_day < KEDJA_TIMELINE_ELBOW_BELOW_PX_PER_DAY;

  for (guint i = 0; i < n; i++)
    {
      double x1, y1, x2, y2, sx, sy, length, ux, uy;
      const KedjaHandover *handover =
        kedja_timeline_layout_get_handover (f->layout, &f->view, i, &x1, &y1, &x2, &y2);
      gboolean confirmed = handover->confirmed != KEDJA_DATE_NONE;
      gboolean hovered = f->scene->hover.kind == KEDJA_TIMELINE_HIT_HANDOVER
                         && f->scene->hover.index == i;
      double width = f->line_width + (hovered ? 1.5 : 0);

      if (!_kedja_frame_x_visible (f, MIN (x1, x2), MAX (x1, x2)) || MAX (y1, y2) < f->top
          || MIN (y1, y2) > f->bottom)
        continue;

      /* The last segment, from (sx, sy): the whole line, or an elbow's
       * upright part after its level one. */
      sx = x1;
      sy = y1;
      if (elbows && y1 != y2)
        {
          if (!marks)
            _kedja_timeline_append_line (f->snapshot, &f->p->handover, x1, y1, x2, y1, width,
                                         !confirmed);
          sx = x2;
        }
      length = hypot (x2 - sx, y2 - sy);
      ux = length > 0 ? (x2 - sx) / length : 1;
      uy = length > 0 ? (y2 - sy) / length : 0;

      if (!marks)
        {
          /* The line stops where the arrow head begins. */
          double head = length >= 2 * arrow && (marks_here || length >= 6 * arrow) ? arrow * 0.8 : 0;

          _kedja_timeline_append_line (f->snapshot, &f->p->handover, sx, sy, x2 - ux * head,
                                       y2 - uy * head, width, !confirmed);
          continue;
        }

      if (length < 1.5 * size && marks_here)
        {
          /* Two bars that meet: no room for a line, so the mark sits on
           * the joint's top edge — a small ✓, or a dashed joint when the
           * receiver has not confirmed. */
          double top = MIN (y1, y2) - f->m->bar_height / 2;

          if (confirmed)
            _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, ICON_CHECK_SMALL,
                                         x2 - size / 2, top - size / 2);
          else
            _kedja_timeline_append_line (f->snapshot, &f->p->handover, x2,
                                         top - KEDJA_TIMELINE_JOINT_OVERHANG, x2,
                                         top + f->m->bar_height + KEDJA_TIMELINE_JOINT_OVERHANG,
                                         f->line_width, TRUE);
          continue;
        }

      if (length >= 2 * arrow && (marks_here || length >= 6 * arrow))
        {
          double turn = atan2 (uy, ux) / (2 * G_PI) * N_ARROW_DIRECTIONS;
          int direction = ((int) lround (turn) % N_ARROW_DIRECTIONS + N_ARROW_DIRECTIONS)
                          % N_ARROW_DIRECTIONS;

          _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, ICON_ARROW + direction, x2,
                                       y2);
        }
      if (confirmed && length >= 1.5 * size && (marks_here || length >= 3 * size))
        _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, ICON_CHECK,
                                     (sx + x2) / 2 - size / 2, (sy + y2) / 2 - size / 2);
    }
}

/* Bars ==================================================================== */

static gboolean
is_filled (KedjaStepStatus status)
{
  return status == KEDJA_STEP_STATUS_ONGOING || status == KEDJA_STEP_STATUS_COMPLETED
         || status == KEDJA_STEP_STATUS_INTERRUPTED;
}

static void
flush_run (Frame     *f,
           const Run *run)
{
  const GdkRGBA *color = run->kind >= 0 ? &f->p->kind_fill[run->kind] : &f->p->text_dim;

  _kedja_timeline_append_rect (f->snapshot, color, run->x1, run->y, MAX (1.0, run->x2 - run->x1),
                               f->m->bar_height);
}

/* A sliver joins the run of its row when it touches it; otherwise the run
 * is drawn and a new one starts. */
static void
merge_sliver (Frame                   *f,
              const KedjaTimelineItem *item,
              KedjaAgencyKind          kind,
              double                   x,
              double                   w,
              double                   y)
{
  GArray *runs = f->cache->runs;

  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);

      if (run->lane != (int) item->lane || run->row != item->row)
        continue;
      if (x <= run->x2 + 1)
        {
          run->x2 = MAX (run->x2, x + w);
          if (run->kind != (int) kind)
            run->kind = -1;
          return;
        }
      flush_run (f, run);
      *run = (Run) { item->lane, item->row, x, x + w, y, kind };
      return;
    }
  g_array_append_val (runs, ((Run) { item->lane, item->row, x, x + w, y, kind }));
}

static void
draw_bar_text (Frame          *f,
               StepText       *text,
               guint           item,
               gboolean        filled,
               gboolean        cancelled,
               double          x,
               double          y,
               double          w,
               double          h)
{
  double pad = f->scene->meeting_mode ? 10 : 8;
  double left = x + pad, right = MIN (x + w, f->view.width) - pad / 2;
  guint badges = _kedja_frame_n_badges_on (f, item, kedja_timeline_layout_get_item (f->layout, item));
  GdkRGBA title_color, agency_color;
  gboolean two_lines;
  double ty;

  if (badges > 0)
    {
      double bx, by, size;

      kedja_timeline_layout_get_item_badge_rect (f->layout, &f->view, item, badges - 1, &bx, &by,
                                                 &size);
      left = bx + size + pad / 2;
    }
  /* The title stays in sight while the bar's start is scrolled away. */
  left = MAX (left, f->view.time_left + pad);
  if (right - left < LOD_TEXT_ROOM && right - left < text->title.width)
    return;

  two_lines = w >= LOD_AGENCY_FROM && right - left >= 40
              && text->title.height + text->agency.height <= h;
  ty = y + (h - text->title.height - (two_lines ? text->agency.height : 0)) / 2;

  title_color = filled ? f->p->on_fill : f->p->text;
  agency_color = filled ? f->p->on_fill : f->p->text_dim;
  if (cancelled)
    /* Faint as its bar: it no longer counts (and says so, struck). */
    title_color.alpha = agency_color.alpha = CANCELLED_ALPHA + 0.15f;

  /* What does not fit ends in "…", laid out for this room once. */
  _kedja_timeline_append_layout_at (f->snapshot,
                                    _kedja_timeline_text_line_fit (&text->title, right - left),
                                    &title_color, left, ty);
  if (two_lines)
    _kedja_timeline_append_layout_at (f->snapshot,
                                      _kedja_timeline_text_line_fit (&text->agency, right - left),
                                      &agency_color, left, ty + text->title.height);
}

static void
draw_bar (Frame                   *f,
          guint                    i,
          const KedjaTimelineItem *item,
          double                   x,
          double                   y,
          double                   w,
          double                   h)
{
  StepText *text = _kedja_timeline_draw_step_text (f->cache, f->scene, item->index);
  KedjaStepStatus status = item->step->status;
  gboolean cancelled = status == KEDJA_STEP_STATUS_CANCELLED;
  gboolean dragged = f->scene->ghost != NULL && (int) item->index == f->scene->ghost_step;
  gboolean hovered = (int) item->index == f->scene->hover_step;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, w, h);
  double pad = f->scene->meeting_mode ? 10 : 8;

  if (w < LOD_MERGE_BELOW)
    {
      merge_sliver (f, item, text->kind, x, w, y);
      return;
    }

  if (dragged)
    {
      GskRoundedRect outline;

      /* Lifted off the page while it moves. */
      gsk_rounded_rect_init_from_rect (&outline, &rect, 6);
      gtk_snapshot_append_outset_shadow (f->snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.35f }, 0,
                                         2, 0, 8);
    }
  _kedja_timeline_append_bar (f->snapshot, f->p, text->kind, status, &rect, item->open_ended,
                              f->scene->meeting_mode, hovered || dragged ? &f->p->hover : NULL);
  if (w < LOD_TITLE_FROM)
    return;
  /* A short bar whose title would lose its end: the title may go beside
   * it whole, once the next bar in the row shows whether there is room
   * (draw_beside ()); a bar with its agency in it keeps both inside. */
  if (w < LOD_AGENCY_FROM && text->title.width > w - 2 * pad)
    {
      Beside beside = { item->lane, item->row, item->index, x + w, y, cancelled, TRUE, i, x, w,
                        is_filled (status) };

      g_array_append_val (f->cache->beside, beside);
      return;
    }
  draw_bar_text (f, text, i, is_filled (status), cancelled, x, y, w, h);
}

/* Where a dragged bar was, so the move can be judged. */
static void
draw_ghost (Frame *f)
{
  const KedjaTimelineScene *s = f->scene;
  int item = s->ghost != NULL ? kedja_timeline_layout_find_step (s->ghost, s->ghost_step) : -1;
  double x, y, w, h;
  GskRoundedRect outline;
  GdkRGBA c = f->p->text_dim;

  if (item < 0)
    return;
  kedja_timeline_layout_get_bar (s->ghost, &f->view, item, &x, &y, &w, &h);
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), MIN (6, w / 2));
  c.alpha = 0.6f;
  gtk_snapshot_append_border (f->snapshot, &outline, (float[4]) { 1.5f, 1.5f, 1.5f, 1.5f },
                              (GdkRGBA[4]) { c, c, c, c });
}

/* Whether a gap band lies under any of the rectangle: text there needs a
 * ground of its own (a rectangle more for each of some hundred titles
 * otherwise). */
static gboolean
band_under (Frame  *f,
            double  x,
            double  y,
            double  w,
            double  h)
{
  guint n = kedja_timeline_layout_get_n_bands (f->layout);

  for (guint i = 0; i < n; i++)
    {
      double bx, by, bw, bh;

      kedja_timeline_layout_get_band_rect (f->layout, &f->view, i, &bx, &by, &bw, &bh);
      if (bx < x + w && x < bx + bw && by < y + h && y < by + bh)
        return TRUE;
    }
  return FALSE;
}

/* The title of a bar too narrow for it, beside the bar, in the room up
 * to @room_end: a detox of a week is the start of the chain and must be
 * named at any zoom where its name fits beside it. */
static void
draw_beside (Frame        *f,
             const Beside *beside,
             double        room_end)
{
  StepText *text = _kedja_timeline_draw_step_text (f->cache, f->scene, beside->step);
  double pad = f->scene->meeting_mode ? 6 : 4;
  double room = MIN (room_end, f->view.width) - beside->x - 2 * pad;
  PangoLayout *layout;
  GdkRGBA color = f->p->text;
  int w, h;

  if (beside->inside)
    {
      /* Whole beside its bar, or else ellipsized in it as usual. */
      if (room < text->title.width || beside->x + pad < f->view.time_left)
        {
          draw_bar_text (f, text, beside->item, beside->filled, beside->cancelled, beside->bar_x,
                         beside->y, beside->bar_w, f->m->bar_height);
          return;
        }
    }
  else if ((room < LOD_TEXT_ROOM && room < text->title.width)
           || beside->x + pad < f->view.time_left)
    return;
  layout = _kedja_timeline_text_line_fit (&text->title, room);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (beside->cancelled)
    color.alpha = CANCELLED_ALPHA + 0.15f;
  /* On the lane's colour where a band lies under it, to be read. */
  if (band_under (f, beside->x + pad / 2, beside->y, w + pad, f->m->bar_height))
    _kedja_timeline_append_rect (f->snapshot, &f->p->background, beside->x + pad / 2,
                                 beside->y + (f->m->bar_height - h) / 2, w + pad, h);
  _kedja_timeline_append_layout_at (f->snapshot, layout, &color, beside->x + pad,
                                    beside->y + (f->m->bar_height - h) / 2);
}

/* A bar ends the room of the narrow bar before it in its row. */
static void
end_beside (Frame                   *f,
            const KedjaTimelineItem *item,
            double                   x)
{
  GArray *beside = f->cache->beside;

  for (guint b = 0; b < beside->len; b++)
    {
      Beside *pending = &g_array_index (beside, Beside, b);

      if (pending->lane == (int) item->lane && pending->row == item->row)
        {
          draw_beside (f, pending, x);
          g_array_remove_index_fast (beside, b);
          return;
        }
    }
}

static void
draw_bars (Frame *f)
{
  GArray *visible = f->cache->visible;

  g_array_set_size (f->cache->runs, 0);
  g_array_set_size (f->cache->beside, 0);

  for (guint v = 0; v < visible->len; v++)
    {
      guint i = g_array_index (visible, guint, v);
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (f->layout, i);
      double x, y, w, h;

      kedja_timeline_layout_get_bar (f->layout, &f->view, i, &x, &y, &w, &h);
      if (y > f->bottom || y + h < f->top)
        continue;  /* a row scrolled out of sight */
      end_beside (f, item, x);
      draw_bar (f, i, item, x, y, w, h);
      if (w >= LOD_MERGE_BELOW && w < LOD_TITLE_FROM)
        {
          Beside beside = { item->lane, item->row, item->index, x + w, y,
                            item->step->status == KEDJA_STEP_STATUS_CANCELLED, FALSE };
          g_array_append_val (f->cache->beside, beside);
        }
    }
  for (guint b = 0; b < f->cache->beside->len; b++)
    draw_beside (f, &g_array_index (f->cache->beside, Beside, b), f->view.width);
  for (guint r = 0; r < f->cache->runs->len; r++)
    flush_run (f, &g_array_index (f->cache->runs, Run, r));
}

/* Badges on steps, over their bars. */
static void
draw_step_badges (Frame *f)
{
  guint n = kedja_timeline_layout_get_n_badges (f->layout);

  for (guint b = 0; b < n; b++)
    {
      const KedjaTimelineBadge *badge = kedja_timeline_layout_get_badge (f->layout, b);
      const KedjaFinding *finding = &g_array_index (f->scene->findings, KedjaFinding, badge->finding);
      double x, y, size;

      if (badge->item < 0)
        continue;
      kedja_timeline_layout_get_badge_rect (f->layout, &f->view, b, &x, &y, &size);
      if (!_kedja_frame_x_visible (f, x, x + size) || y > f->bottom || y + size < f->top)
        continue;
      _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, (IconKind) finding->severity,
                                   x, y);
    }

  for (guint m = 0; m < f->cache->hosted->len; m++)
    {
      const HostedMark *mark = &g_array_index (f->cache->hosted, HostedMark, m);
      double x, y, size;

      kedja_timeline_layout_get_item_badge_rect (f->layout, &f->view, mark->item, mark->slot, &x,
                                                 &y, &size);
      if (_kedja_frame_x_visible (f, x, x + size))
        _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, (IconKind) mark->severity,
                                     x, y);
    }
}

static void
draw_focus (Frame *f)
{
  const KedjaTimelineScene *s = f->scene;
  int item = s->show_focus && s->focus_step >= 0
               ? kedja_timeline_layout_find_step (f->layout, s->focus_step)
               : -1;
  double x, y, w, h;
  GskRoundedRect ring;
  const GdkRGBA *c = &f->p->focus;

  if (item < 0)
    return;
  kedja_timeline_layout_get_bar (f->layout, &f->view, item, &x, &y, &w, &h);
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x - 4, y - 4, w + 8, h + 8), 9);
  gtk_snapshot_append_border (f->snapshot, &ring, (float[4]) { 2.5f, 2.5f, 2.5f, 2.5f },
                              (GdkRGBA[4]) { *c, *c, *c, *c });
}

/* The steps' layers: bands, connectors, bars with their text and badges,
 * and the marks on connectors and bands, for what @f can see. */
static void
draw_content (Frame *f)
{
  g_array_set_size (f->cache->visible, 0);
  kedja_timeline_layout_visible_items (f->layout, &f->view, f->cache->visible);
  _kedja_frame_host_band_marks (f);

  _kedja_frame_bands (f);
  _kedja_frame_band_marks (f, FALSE);
  draw_connectors (f, FALSE);
  draw_ghost (f);
  draw_bars (f);
  draw_step_badges (f);
  draw_connectors (f, TRUE);
  _kedja_frame_band_marks (f, TRUE);
}

/* A plan at most this many widths of the time area wide is drawn whole
 * once and then only moved while it scrolls: seen whole, every step is in
 * view, and its layers were most of a frame's snapshot. Wider plans are
 * drawn by what can be seen, so that a frame costs what is visible. */
#define CONTENT_CACHE_SCREENS 2.0

static gboolean
append_cached_content (Frame *f)
{
  KedjaTimelineDrawCache *cache = f->cache;
  const KedjaTimelineScene *s = f->scene;
  KedjaDate first, last;
  double room = f->view.width - f->view.time_left, dx;

  kedja_timeline_layout_get_span (f->layout, &first, &last);
  /* A drag shows a preview of its own, layout by layout. */
  if (s->ghost != NULL || room <= 0
      || (last + 1 - first) * f->view.px_per_day > CONTENT_CACHE_SCREENS * room)
    {
      g_clear_pointer (&cache->content, gsk_render_node_unref);
      return FALSE;
    }

  if (cache->content == NULL || cache->content_px_per_day != f->view.px_per_day
      || cache->content_plan_serial != s->plan_serial
      || cache->content_layout_serial != s->layout_serial || cache->content_scale != s->scale
      || cache->content_hover_step != s->hover_step
      || cache->content_hover.kind != s->hover.kind
      || cache->content_hover.index != s->hover.index)
    {
      /* The whole plan, every row, from a view that starts at its first
       * day and holds all of it. */
      Frame whole = *f;

      whole.view.first_day = first;
      whole.view.width = f->view.time_left + (last + 2 - first) * f->view.px_per_day;
      whole.top = -G_MAXDOUBLE;
      whole.bottom = G_MAXDOUBLE;
      whole.snapshot = gtk_snapshot_new ();
      draw_content (&whole);

      g_clear_pointer (&cache->content, gsk_render_node_unref);
      cache->content = gtk_snapshot_free_to_node (whole.snapshot);
      cache->content_first_day = first;
      cache->content_px_per_day = f->view.px_per_day;
      cache->content_plan_serial = s->plan_serial;
      cache->content_layout_serial = s->layout_serial;
      cache->content_scale = s->scale;
      cache->content_hover_step = s->hover_step;
      cache->content_hover = s->hover;
      if (cache->content == NULL)
        return TRUE;  /* nothing to draw */
    }
  else if (cache->content == NULL)
    return TRUE;

  /* Scrolled since: moved by whole device pixels, so text stays sharp. */
  dx = (cache->content_first_day - f->view.first_day) * f->view.px_per_day;
  dx = round (dx * MAX (s->scale, 1)) / MAX (s->scale, 1);
  _kedja_timeline_append_node_at (f->snapshot, cache->content, dx, 0);
  return TRUE;
}

/* A frame ================================================================= */

void
_kedja_timeline_draw (KedjaTimelineDrawCache   *cache,
                      const KedjaTimelineScene *scene,
                      GtkSnapshot              *snapshot)
{
  Frame f = { cache, scene, scene->palette };
  double height;

  if (scene->layout == NULL || scene->width <= 0 || scene->height <= 0)
    {
      _kedja_timeline_append_rect (snapshot, &scene->palette->background, 0, 0, scene->width,
                                   scene->height);
      return;
    }

  _kedja_timeline_draw_cache_validate (cache, scene);
  f.layout = scene->layout;
  f.m = kedja_timeline_layout_get_metrics (scene->layout);
  f.snapshot = snapshot;
  f.view = scene->view;
  f.view.width = scene->width;
  f.top = scene->scroll_y + f.m->axis_height;
  f.bottom = scene->scroll_y + scene->height;
  f.line_width = scene->meeting_mode ? 3 : 2;
  height = kedja_timeline_layout_get_height (f.layout);

  g_array_set_size (cache->ticks, 0);
  kedja_timeline_view_ticks (&f.view, cache->ticks);

  /* The lanes, scrolled vertically under the axis. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, f.m->axis_height, scene->width,
                                                         MAX (0, scene->height - f.m->axis_height)));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, -scene->scroll_y));

  gtk_snapshot_append_node (snapshot, _kedja_timeline_draw_lanes (cache, scene));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (f.view.time_left, f.m->axis_height,
                                                         scene->width - f.view.time_left,
                                                         height - f.m->axis_height));

  _kedja_frame_grid (&f);
  if (!append_cached_content (&f))
    draw_content (&f);
  _kedja_frame_day_lines (&f);
  draw_focus (&f);
  gtk_snapshot_pop (snapshot);

  _kedja_timeline_append_node_at (snapshot, _kedja_timeline_draw_legend (cache, scene), 0, height);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  _kedja_frame_axis (&f);
}
