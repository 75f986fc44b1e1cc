/* test-timeline.c — the timeline realised, rendered, looked at and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on a virtual display (xvfb-run). Frames are rendered the way the
 * benchmark and MEASURING.md describe: the widget's render node through
 * gtk_widget_paintable_new(), drawn into a texture by GTK's cairo
 * renderer, then downloaded, so the pixels looked at are the ones the
 * widget produced. Nothing waits for a fixed time: the main loop is spun
 * until the window has drawn, with a bound.
 *
 * Expected positions come from the layout (kedja-timeline-layout.h), never
 * from numbers written here, and every expected date from the plan built
 * by hand in timeline-plans.c.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kedja-timeline-draw-private.h"
#include "timeline-plans.h"
#include "timeline-widget-fixture.h"

/* What the window shows of the timeline now, as pixels. */
typedef struct {
  guchar *data;
  gsize   stride;
  int     width;
  int     height;
} Pixels;

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pixels, pixels_clear)

static void
render (Fixture *fixture,
        Pixels  *pixels)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot;

  /* The paintable shows the widget's last drawn frame: draw one first. */
  wait_for_frame (fixture);
  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  gsk_renderer_unrealize (renderer);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, pixels->width);
  pixels->stride = pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

/* CAIRO_FORMAT_ARGB32 in native byte order; the frame is opaque. */
static void
pixel_at (const Pixels *pixels,
          int           x,
          int           y,
          int          *r,
          int          *g,
          int          *b)
{
  guint32 p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, pixels->width);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, pixels->height);
  memcpy (&p, pixels->data + y * pixels->stride + x * 4, sizeof p);
  *r = (p >> 16) & 0xff;
  *g = (p >> 8) & 0xff;
  *b = p & 0xff;
}

/* Red, not pink or orange-brown: the critical hatching in either style. */
static gboolean
is_red (const Pixels *pixels,
        int           x,
        int           y)
{
  int r, g, b;

  pixel_at (pixels, x, y, &r, &g, &b);
  return r >= 100 && r - g >= 50 && r - b >= 50;
}

/* The share of red pixels in [x1, x2) × [y1, y2), sampled every @step. */
static double
red_share (const Pixels *pixels,
           double        x1,
           double        x2,
           double        y1,
           double        y2,
           int           step)
{
  guint red = 0, all = 0;

  for (int y = (int) ceil (y1); y < (int) y2; y += step)
    for (int x = (int) ceil (x1); x < (int) x2; x += step)
      {
        red += is_red (pixels, x, y);
        all++;
      }
  g_assert_cmpuint (all, >, 0);
  return (double) red / all;
}

/* Tests ==================================================================== */

static void
test_renders_without_warnings (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_auto (Pixels) pixels = { NULL };
  int r, g, b;

  /* Every zoom, so that every level of detail and tick unit is drawn. */
  kedja_timeline_zoom_to_fit (fixture->timeline);
  render (fixture, &pixels);
  pixels_clear (&pixels);
  kedja_timeline_set_zoom (fixture->timeline, 40);
  render (fixture, &pixels);
  pixels_clear (&pixels);
  kedja_timeline_set_meeting_mode (fixture->timeline, TRUE);
  kedja_timeline_set_zoom (fixture->timeline, KEDJA_TIMELINE_MIN_PX_PER_DAY);
  render (fixture, &pixels);

  /* Nothing logged from realising the window to the last frame. */
  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
  /* Something was drawn: the last lane's background is there, not nothing. */
  {
    double y, h;

    kedja_timeline_layout_get_lane (_kedja_timeline_get_layout (fixture->timeline),
                                    KEDJA_PHASE_HEALTH, &y, &h);
    pixel_at (&pixels, pixels.width - 2, (int) (y + h / 2), &r, &g, &b);
    g_assert_cmpint (r + g + b, >, 0);
  }
}

static void
check_gap_band (Fixture *fixture)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (fixture->timeline);
  KedjaTimelineView view = *_kedja_timeline_get_view (fixture->timeline);
  const KedjaTimelineShown *shown = _kedja_timeline_get_shown (fixture->timeline);
  const KedjaTimelineBand *band;
  const KedjaFinding *finding;
  g_auto (Pixels) pixels = { NULL };
  double bx, by, bw, bh, lane_y, lane_h, scroll_y, day_before, day_after, first_treatment;

  render (fixture, &pixels);

  /* The analysis found exactly the gap, and the layout put its band in the
   * treatment lane over 11–18 Sep. */
  g_assert_cmpuint (kedja_timeline_layout_get_n_bands (layout), ==, 1);
  band = kedja_timeline_layout_get_band (layout, 0);
  finding = &g_array_index (shown->findings, KedjaFinding, band->finding);
  g_assert_cmpint (finding->severity, ==, KEDJA_SEVERITY_CRITICAL);
  g_assert_cmpint (band->lane, ==, KEDJA_PHASE_TREATMENT);
  g_assert_cmpint (band->start, ==, TL_GAP_FIRST);
  g_assert_cmpint (band->end, ==, TL_GAP_LAST);

  view.width = pixels.width;
  scroll_y = _kedja_timeline_get_scroll_y (fixture->timeline);
  kedja_timeline_layout_get_band_rect (layout, &view, 0, &bx, &by, &bw, &bh);
  kedja_timeline_layout_get_lane (layout, KEDJA_PHASE_TREATMENT, &lane_y, &lane_h);
  by -= scroll_y;
  lane_y -= scroll_y;
  g_assert_cmpfloat_with_epsilon (bx, kedja_timeline_view_x_for_date (&view, TL_GAP_FIRST), 1e-6);
  g_assert_cmpfloat_with_epsilon (bw, 8 * view.px_per_day, 1e-6);
  g_assert_cmpfloat (bx, >, view.time_left + view.px_per_day);
  g_assert_cmpfloat (bx + bw + view.px_per_day, <, pixels.width);

  /* Inside: the hatching makes a clear share of the band red … */
  g_assert_cmpfloat (red_share (&pixels, bx + 2, bx + bw - 2, by + 2, by + bh - 2, 2), >=, 0.3);
  /* … and its edges are red from top to bottom, on the first and the last
   * day of the gap exactly. */
  g_assert_cmpfloat (red_share (&pixels, bx, bx + 1, by + 1, by + bh - 1, 1), >=, 0.9);
  g_assert_cmpfloat (red_share (&pixels, bx + bw - 1, bx + bw, by + 1, by + bh - 1, 1), >=, 0.9);

  /* Outside: no red at all in the treatment lane on the day before the
   * gap (10 Sep, the detox's last day) or the day after (19 Sep, the
   * treatment's first). */
  day_before = kedja_timeline_view_x_for_date (&view, TL_GAP_DETOX_END);
  day_after = kedja_timeline_view_x_for_date (&view, TL_GAP_TREATMENT);
  first_treatment = kedja_timeline_view_x_for_date (&view, TL_GAP_TREATMENT + 1);
  g_assert_cmpfloat_with_epsilon (day_before + view.px_per_day, bx, 1e-6);
  g_assert_cmpfloat_with_epsilon (day_after, bx + bw, 1e-6);
  g_assert_cmpfloat (red_share (&pixels, day_before, day_before + view.px_per_day - 1,
                                lane_y + 1, lane_y + lane_h - 1, 1), ==, 0.0);
  g_assert_cmpfloat (red_share (&pixels, day_after + 1, first_treatment,
                                lane_y + 1, lane_y + lane_h - 1, 1), ==, 0.0);
  /* Nor in the lane above (detox) over the gap's days. */
  {
    double detox_y, detox_h;

    kedja_timeline_layout_get_lane (layout, KEDJA_PHASE_DETOX, &detox_y, &detox_h);
    detox_y -= scroll_y;
    g_assert_cmpfloat (red_share (&pixels, bx + 2, bx + bw - 2, detox_y + 1,
                                  detox_y + detox_h - 1, 2), ==, 0.0);
  }
}

static void
test_gap_band_pixels (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->timeline));

  /* A view where one day is 20 px and the gap is well inside. */
  kedja_timeline_set_zoom (fixture->timeline, PX_PER_DAY);
  kedja_timeline_scroll_to_date (fixture->timeline, TL_GAP_FIRST - 6);
  g_assert_cmpfloat (kedja_timeline_get_zoom (fixture->timeline), ==, PX_PER_DAY);

  check_gap_band (fixture);
  g_assert_false (_kedja_timeline_get_palette (fixture->timeline)->dark);

  /* The same in the dark style, which the widget follows by itself. */
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  wait_for_frame (fixture);
  g_assert_true (_kedja_timeline_get_palette (fixture->timeline)->dark);
  check_gap_band (fixture);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
}

/* Zoomed out so far that the plan is drawn whole once and then only moved
 * (kedja-timeline-frame.c): the band is still exactly over the gap, and
 * after scrolling, over the gap where it went. */
static void
test_gap_band_scrolled_whole (Fixture       *fixture,
                              gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;

  kedja_timeline_set_zoom (timeline, 8);
  kedja_timeline_scroll_to_date (timeline, TL_GAP_FIRST - 14);
  check_gap_band (fixture);
  g_assert_nonnull (timeline->cache->content);

  /* Two days later, then eleven pixels back: whole pixels at any rate. */
  _kedja_timeline_scroll_by (timeline, 16, 0);
  check_gap_band (fixture);
  _kedja_timeline_scroll_by (timeline, -11, 0);
  g_assert_cmpfloat (_kedja_timeline_get_view (timeline)->first_day, ==,
                     TL_GAP_FIRST - 14 + 5 / 8.0);
  {
    /* The band's edges now fall inside pixels: its middle is still red and
     * the days around it are not. */
    const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (timeline);
    KedjaTimelineView view = fixture_view (fixture);
    g_auto (Pixels) pixels = { NULL };
    double bx, by, bw, bh, scroll_y = _kedja_timeline_get_scroll_y (timeline);

    render (fixture, &pixels);
    kedja_timeline_layout_get_band_rect (layout, &view, 0, &bx, &by, &bw, &bh);
    by -= scroll_y;
    g_assert_cmpfloat (red_share (&pixels, bx + 2, bx + bw - 2, by + 2, by + bh - 2, 2), >=, 0.3);
    g_assert_cmpfloat (red_share (&pixels, bx - 6, bx - 2, by + 2, by + bh - 2, 1), ==, 0.0);
    g_assert_cmpfloat (red_share (&pixels, bx + bw + 2, bx + bw + 6, by + 2, by + bh - 2, 1),
                       ==, 0.0);
  }
  g_assert_nonnull (timeline->cache->content);
  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
}

typedef struct {
  guint     n_calls;
  char     *step_id;
  KedjaDate start;
  KedjaDate end;
} Edited;

static void
step_edited_cb (KedjaTimeline *timeline,
                const char    *step_id,
                int            start,
                int            end,
                Edited        *edited)
{
  edited->n_calls++;
  g_free (edited->step_id);
  edited->step_id = g_strdup (step_id);
  edited->start = start;
  edited->end = end;
}

static void
test_scrolled (Fixture       *fixture,
               gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  const KedjaTimelineLayout *layout;
  const KedjaTimelineMetrics *m;
  KedjaTimelineView view;
  KedjaTimelineHit hit;
  double bx, by, bw, bh, height;

  kedja_timeline_set_zoom (timeline, PX_PER_DAY);
  kedja_timeline_scroll_to_date (timeline, TL_GAP_FIRST - 6);
  layout = _kedja_timeline_get_layout (timeline);
  m = kedja_timeline_layout_get_metrics (layout);
  height = gtk_widget_get_height (GTK_WIDGET (timeline));

  /* Too short for every lane: the vertical adjustment covers the lanes
   * and the key below them. */
  g_assert_nonnull (vadjustment);
  g_assert_cmpfloat (height, <, kedja_timeline_layout_get_height (layout));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     kedja_timeline_layout_get_height (layout));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_page_size (vadjustment), height, 1e-6);

  /* Scrolled down by the first lane: the band is where the layout says,
   * less the scroll, under an axis that stays put. */
  gtk_adjustment_set_value (vadjustment, m->bar_height);
  g_assert_cmpfloat (_kedja_timeline_get_scroll_y (timeline), ==, m->bar_height);
  check_gap_band (fixture);

  /* What the pointer is on goes through the same translation. */
  view = *_kedja_timeline_get_view (timeline);
  view.width = gtk_widget_get_width (GTK_WIDGET (timeline));
  kedja_timeline_layout_get_band_rect (layout, &view, 0, &bx, &by, &bw, &bh);
  hit = _kedja_timeline_hit_test (timeline, bx + bw / 2, by + bh - 4 - m->bar_height);
  g_assert_cmpint (hit.kind, ==, KEDJA_TIMELINE_HIT_BAND);
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_cmpint (hit.date, >=, TL_GAP_FIRST);
  g_assert_cmpint (hit.date, <=, TL_GAP_LAST);
  /* On the axis, the lanes scrolled under it do not count. */
  hit = _kedja_timeline_hit_test (timeline, bx + bw / 2, m->axis_height / 2);
  g_assert_cmpint (hit.kind, ==, KEDJA_TIMELINE_HIT_AXIS);
  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
}

static void
test_drag_preview (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaStep *detox = g_ptr_array_index (fixture->plan->steps, 0);
  KedjaDate start = kedja_step_get_start (detox);
  Edited edited = { 0 };
  const KedjaTimelineBand *band;

  g_assert_cmpint (detox->phase, ==, KEDJA_PHASE_DETOX);
  g_signal_connect (timeline, "step-edited", G_CALLBACK (step_edited_cb), &edited);

  /* Dragging the detox three days later: the preview's gap shrinks to
   * 14–18 Sep while the plan given stays as it was. */
  _kedja_timeline_begin_drag (timeline, 0);
  _kedja_timeline_update_drag (timeline, start + 3, TL_GAP_DETOX_END + 3);
  g_assert_true (_kedja_timeline_is_dragging (timeline));
  band = kedja_timeline_layout_get_band (_kedja_timeline_get_layout (timeline), 0);
  g_assert_cmpint (band->start, ==, TL_GAP_FIRST + 3);
  g_assert_cmpint (band->end, ==, TL_GAP_LAST);
  g_assert_cmpint (kedja_step_get_end (detox), ==, TL_GAP_DETOX_END);
  wait_for_frame (fixture);

  /* Dropped: no signal, and the plan's own layout again. */
  _kedja_timeline_end_drag (timeline, FALSE);
  g_assert_false (_kedja_timeline_is_dragging (timeline));
  g_assert_cmpuint (edited.n_calls, ==, 0);
  band = kedja_timeline_layout_get_band (_kedja_timeline_get_layout (timeline), 0);
  g_assert_cmpint (band->start, ==, TL_GAP_FIRST);

  /* Committed: one step-edited with the step's id and its new dates. */
  _kedja_timeline_begin_drag (timeline, 0);
  _kedja_timeline_update_drag (timeline, start + 3, TL_GAP_DETOX_END + 3);
  _kedja_timeline_end_drag (timeline, TRUE);
  g_assert_cmpuint (edited.n_calls, ==, 1);
  g_assert_cmpstr (edited.step_id, ==, detox->id);
  g_assert_cmpint (edited.start, ==, start + 3);
  g_assert_cmpint (edited.end, ==, TL_GAP_DETOX_END + 3);

  /* Moved and moved back: nothing to apply. */
  _kedja_timeline_begin_drag (timeline, 0);
  _kedja_timeline_update_drag (timeline, start + 1, TL_GAP_DETOX_END + 1);
  _kedja_timeline_update_drag (timeline, start, TL_GAP_DETOX_END);
  _kedja_timeline_end_drag (timeline, TRUE);
  g_assert_cmpuint (edited.n_calls, ==, 1);

  g_signal_handlers_disconnect_by_func (timeline, step_edited_cb, &edited);
  g_free (edited.step_id);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  guint zoom_notes = 0, meeting_notes = 0;
  const KedjaTimelineView *view = _kedja_timeline_get_view (timeline);
  KedjaDate first;
  double old_first;

  g_signal_connect (timeline, "notify::zoom", G_CALLBACK (count_notify_cb), &zoom_notes);
  g_signal_connect (timeline, "notify::meeting-mode", G_CALLBACK (count_notify_cb), &meeting_notes);

  /* Notified on a change only. */
  kedja_timeline_set_zoom (timeline, 10);
  kedja_timeline_set_zoom (timeline, 10);
  g_assert_cmpuint (zoom_notes, ==, 1);
  g_assert_cmpfloat (kedja_timeline_get_zoom (timeline), ==, 10);
  kedja_timeline_set_zoom (timeline, 1e6);
  g_assert_cmpfloat (kedja_timeline_get_zoom (timeline), ==, KEDJA_TIMELINE_MAX_PX_PER_DAY);

  /* Meeting mode: bigger, and editing off whatever "editable" says. */
  g_assert_true (_kedja_timeline_can_edit (timeline));
  kedja_timeline_set_meeting_mode (timeline, TRUE);
  kedja_timeline_set_meeting_mode (timeline, TRUE);
  g_assert_cmpuint (meeting_notes, ==, 1);
  g_assert_true (kedja_timeline_get_editable (timeline));
  g_assert_false (_kedja_timeline_can_edit (timeline));
  g_assert_cmpfloat (kedja_timeline_layout_get_metrics (_kedja_timeline_get_layout (timeline))->bar_height,
                     >, 36);
  kedja_timeline_set_meeting_mode (timeline, FALSE);

  /* The horizontal adjustment is time in pixels from the plan's first day. */
  g_assert_nonnull (hadjustment);
  kedja_timeline_set_zoom (timeline, 10);
  kedja_timeline_scroll_to_date (timeline, TL_GAP_FIRST);
  kedja_timeline_layout_get_span (_kedja_timeline_get_layout (timeline), &first, NULL);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment),
                                  (TL_GAP_FIRST - first) * 10.0, 1e-6);
  old_first = view->first_day;
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) - 50);
  g_assert_cmpfloat_with_epsilon (view->first_day, old_first - 5, 1e-6);

  /* The whole plan fits the width. */
  kedja_timeline_zoom_to_fit (timeline);
  {
    KedjaDate last;
    kedja_timeline_layout_get_span (_kedja_timeline_get_layout (timeline), &first, &last);
    g_assert_cmpint (kedja_timeline_view_date_at_x (view, view->time_left), <=, first);
    g_assert_cmpint (kedja_timeline_view_last_date (view), >=, last);
  }

  /* The plan as a property. */
  {
    g_autoptr(KedjaPlan) got = NULL;
    g_object_get (timeline, "plan", &got, NULL);
    g_assert_true (got == fixture->plan);
  }
  g_signal_handlers_disconnect_by_func (timeline, count_notify_cb, &zoom_notes);
  g_signal_handlers_disconnect_by_func (timeline, count_notify_cb, &meeting_notes);
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 0);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kedja-timeline-XXXXXX", &error);
  g_autofree char *png = NULL, *visible_png = NULL, *pdf = NULL, *missing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  double lanes = kedja_timeline_layout_get_height (_kedja_timeline_get_layout (timeline));
  gsize length;

  g_assert_no_error (error);
  png = g_build_filename (dir, "timeline.png", NULL);
  visible_png = g_build_filename (dir, "visible.png", NULL);
  pdf = g_build_filename (dir, "timeline.pdf", NULL);

  /* The whole plan: as wide as the widget, tall enough for the lanes, the
   * legend and a title line. */
  g_assert_true (kedja_timeline_export_png (timeline, png, TRUE, &error));
  g_assert_no_error (error);
  assert_private_file (png);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, WINDOW_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), >, lanes + 40);
  g_assert_cmpint (gdk_texture_get_height (texture), <, lanes + 400);

  /* Written again: replaced whole, still private. */
  g_assert_true (kedja_timeline_export_png (timeline, png, TRUE, &error));
  g_assert_no_error (error);
  assert_private_file (png);

  kedja_timeline_set_zoom (timeline, PX_PER_DAY);
  kedja_timeline_scroll_to_date (timeline, TL_GAP_FIRST - 6);
  g_assert_true (kedja_timeline_export_png (timeline, visible_png, FALSE, &error));
  g_assert_no_error (error);
  assert_private_file (visible_png);

  g_assert_true (kedja_timeline_export_pdf (timeline, pdf, TRUE, &error));
  g_assert_no_error (error);
  assert_private_file (pdf);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 5);
  g_assert_true (memcmp (contents, "%PDF-", 5) == 0);

  /* Where no file can be: a clear error naming it, and nothing written. */
  missing = g_build_filename (dir, "no-such-folder", "timeline.pdf", NULL);
  g_assert_false (kedja_timeline_export_pdf (timeline, missing, TRUE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* No plan, no paper. */
  kedja_timeline_set_plan (timeline, NULL, NULL, KEDJA_DATE_NONE);
  g_assert_false (kedja_timeline_export_png (timeline, png, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (png), ==, 0);
  g_assert_cmpint (g_remove (visible_png), ==, 0);
  g_assert_cmpint (g_remove (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  timeline_fixture_init (&argc, &argv);

  g_test_add ("/widgets/timeline/renders-without-warnings", Fixture, NULL, fixture_set_up,
              test_renders_without_warnings, fixture_tear_down);
  g_test_add ("/widgets/timeline/gap-band-pixels", Fixture, NULL, fixture_set_up,
              test_gap_band_pixels, fixture_tear_down);
  g_test_add ("/widgets/timeline/gap-band-scrolled-whole", Fixture, NULL, fixture_set_up,
              test_gap_band_scrolled_whole, fixture_tear_down);
  g_test_add ("/widgets/timeline/scrolled", Fixture, NULL, fixture_set_up_scrolled,
              test_scrolled, fixture_tear_down);
  g_test_add ("/widgets/timeline/drag-preview", Fixture, NULL, fixture_set_up,
              test_drag_preview, fixture_tear_down);
  g_test_add ("/widgets/timeline/properties", Fixture, NULL, fixture_set_up,
              test_properties, fixture_tear_down);
  g_test_add ("/widgets/timeline/export", Fixture, NULL, fixture_set_up,
              test_export, fixture_tear_down);

  return g_test_run ();
}
