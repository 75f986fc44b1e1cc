/* bench-timeline.c — how long one timeline frame takes, in software
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The budget (DESIGN.md, "Budgets"): one frame, snapshot + render, of a
 * 300-step plan at 1920×1080 under 4 ms median at every zoom, the whole
 * plan at once included. Run as a meson benchmark on a virtual display:
 *
 *   xvfb-run -a meson test -C build --benchmark --verbose
 *
 * How (MEASURING.md, "Rendering"): the widget sits in a 1920×1080 window.
 * Each frame first scrolls the view by one pixel, so the content really
 * changes; then the widget's snapshot is taken into a new GtkSnapshot (the
 * widget's own snapshot function: gtk_widget_paintable_new() would hand
 * back the node the window drew last, which does not time the snapshot),
 * and its render nodes are rendered by GTK's software renderer
 * (gsk_cairo_renderer_new(), realized without a surface) into a texture
 * that is then downloaded. Snapshot, render and download are timed apart,
 * over FRAMES frames after WARM_UP unmeasured ones, and given as median
 * and 95th percentile; an empty widget of the same size is the baseline.
 *
 * The download is shown but not counted in a frame: the cairo renderer
 * draws into an image surface before gsk_renderer_render_texture()
 * returns (the work is done there, unlike with GL), and GTK 4.8's
 * gdk_texture_download() then converts every pixel — about 11 ms at
 * 1920×1080 here whatever the frame holds, as the empty baseline shows. A
 * window's frame has no such copy: the renderer draws into the window.
 *
 * Times are wall time on a shared machine: they drift 10–20 % from run to
 * run. This prints figures; it asserts nothing about them.
 */
#define G_LOG_DOMAIN "kedja-bench"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <gtk/gtk.h>

#include "kedja-timeline-private.h"
#include "timeline-plans.h"

#define WIDTH   1920
#define HEIGHT  1080
#define FRAMES  60
#define WARM_UP 5
#define MAX_ITERATIONS 3000
#define BENCH_TODAY TL_D (2026, 3, 2)

typedef struct {
  double snapshot[FRAMES];
  double render[FRAMES];
  double download[FRAMES];
  double total[FRAMES];
} Times;

static GskRenderer *renderer;
static guchar *download;

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* The measured widget asks for the frame's size itself: a window is
 * clamped to the screen, and xvfb-run's default screen is smaller than
 * 1920×1080. Figures for another size would not be the budget's. */
static void
spin_until_allocated (GtkWidget *widget)
{
  guint wake_id = g_timeout_add (10, wake_cb, NULL);

  gtk_widget_set_size_request (widget, WIDTH, HEIGHT);
  for (guint i = 0; i < MAX_ITERATIONS
                    && (gtk_widget_get_width (widget) != WIDTH
                        || gtk_widget_get_height (widget) != HEIGHT); i++)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_id);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (gtk_widget_get_width (widget) != WIDTH || gtk_widget_get_height (widget) != HEIGHT)
    g_error ("The widget got %d×%d, not %d×%d: run on a display that large, e.g. "
             "xvfb-run -a -s '-screen 0 1920x1080x24'", gtk_widget_get_width (widget),
             gtk_widget_get_height (widget), WIDTH, HEIGHT);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Median and 95th percentile (nearest rank), in place. */
static void
summarise (double *values,
           double *median,
           double *p95)
{
  qsort (values, FRAMES, sizeof (double), compare_doubles);
  *median = (values[(FRAMES - 1) / 2] + values[FRAMES / 2]) / 2;
  *p95 = values[(int) ceil (0.95 * FRAMES) - 1];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
one_frame (GtkWidget *widget,
           double    *snapshot_ms,
           double    *render_ms,
           double    *download_ms)
{
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;
  double t0, t1, t2, t3;

  if (KEDJA_IS_TIMELINE (widget))
    _kedja_timeline_scroll_by (KEDJA_TIMELINE (widget), 1, 0);

  t0 = now_ms ();
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  t1 = now_ms ();
  if (node == NULL)
    {
      /* Nothing drawn: render an empty frame of the same size. */
      node = gsk_container_node_new (NULL, 0);
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  t2 = now_ms ();
  gdk_texture_download (texture, download, WIDTH * 4);
  t3 = now_ms ();

  g_object_unref (texture);
  gsk_render_node_unref (node);
  *snapshot_ms = t1 - t0;
  *render_ms = t2 - t1;
  *download_ms = t3 - t2;
}

static void
measure (GtkWidget  *widget,
         const char *plan_name,
         const char *zoom_name,
         guint       visible)
{
  Times times;
  double s_med, s_p95, r_med, r_p95, d_med, d_p95, t_med, t_p95, ignored;
  double ppd = KEDJA_IS_TIMELINE (widget) ? kedja_timeline_get_zoom (KEDJA_TIMELINE (widget)) : 0;

  for (int i = 0; i < WARM_UP; i++)
    one_frame (widget, &ignored, &ignored, &ignored);
  for (int i = 0; i < FRAMES; i++)
    {
      one_frame (widget, &times.snapshot[i], &times.render[i], &times.download[i]);
      times.total[i] = times.snapshot[i] + times.render[i];
    }
  summarise (times.snapshot, &s_med, &s_p95);
  summarise (times.render, &r_med, &r_p95);
  summarise (times.download, &d_med, &d_p95);
  summarise (times.total, &t_med, &t_p95);

  g_print ("| %-12s | %-5s | %6.2f | %7u | %5.2f / %5.2f | %5.2f / %5.2f | **%5.2f** / %5.2f | %5.2f / %5.2f |\n",
           plan_name, zoom_name, ppd, visible, s_med, s_p95, r_med, r_p95, t_med, t_p95, d_med,
           d_p95);
}

static guint
count_visible (KedjaTimeline *timeline)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (timeline);
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));
  KedjaTimelineView view = *_kedja_timeline_get_view (timeline);

  /* In the middle of the measured frames. */
  view.first_day += FRAMES / 2.0 / view.px_per_day;
  kedja_timeline_layout_visible_items (layout, &view, visible);
  return visible->len;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10, 100, 300 };
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *box, *empty, *timeline;

  kedja_i18n_init ();
  gtk_init ();

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("The cairo renderer: %s", error->message);
  download = g_malloc (WIDTH * 4 * HEIGHT);

  /* One window; the widget measured is its only child at 1920×1080. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_window_set_child (GTK_WINDOW (window), box);
  empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (empty, TRUE);
  gtk_box_append (GTK_BOX (box), empty);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_allocated (empty);

  g_print ("Timeline frames at %d×%d, GTK %u.%u.%u cairo renderer, %d frames (median / p95 ms)\n\n",
           gtk_widget_get_width (empty), gtk_widget_get_height (empty), gtk_get_major_version (),
           gtk_get_minor_version (), gtk_get_micro_version (), FRAMES);
  g_print ("| plan         | zoom  | px/day | visible | snapshot      | render        | snapshot + render | (download)    |\n");
  g_print ("|--------------|-------|--------|---------|---------------|---------------|-------------------|---------------|\n");
  measure (empty, "empty widget", "-", 0);

  gtk_box_remove (GTK_BOX (box), empty);
  timeline = kedja_timeline_new ();
  gtk_widget_set_vexpand (timeline, TRUE);
  gtk_box_append (GTK_BOX (box), timeline);
  spin_until_allocated (timeline);
  measure (timeline, "no plan", "-", 0);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(KedjaPlan) plan = timeline_long_plan (sizes[s], 20260302, BENCH_TODAY);
      g_autofree char *name = g_strdup_printf ("%u steps", sizes[s]);
      static const struct {
        const char *name;
        double      px_per_day;   /* 0: the whole plan */
      } zooms[] = { { "days", 40 }, { "weeks", 6 }, { "whole", 0 } };

      kedja_timeline_set_plan (KEDJA_TIMELINE (timeline), plan, NULL, BENCH_TODAY);
      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          if (zooms[z].px_per_day > 0)
            {
              kedja_timeline_set_zoom (KEDJA_TIMELINE (timeline), zooms[z].px_per_day);
              /* Around today, where the chain is at its thickest. */
              kedja_timeline_scroll_to_date (KEDJA_TIMELINE (timeline),
                                             BENCH_TODAY - (KedjaDate) (WIDTH / 2 / zooms[z].px_per_day));
            }
          else
            kedja_timeline_zoom_to_fit (KEDJA_TIMELINE (timeline));
          measure (timeline, name, zooms[z].name, count_visible (KEDJA_TIMELINE (timeline)));
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  g_free (download);
  return 0;
}
