/* kedja-timeline-export.c — the timeline on paper: PNG and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client takes a copy home, so the export is drawn by the same code as
 * the screen (kedja-timeline-frame.c), into a render node that cairo
 * replays onto an image or a PDF page: text stays text in the PDF. Paper
 * is always light and never in meeting mode, whatever the screen shows.
 *
 * A protected identity does not leave on paper either: the title line says
 * "Protected identity" instead of the name, and any title that names the
 * person (kedja-name-filter.c) is replaced by neutral words, as every
 * other export does. Files are written whole or not at all, readable by
 * their owner only (0600): they hold health information.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-draw-private.h"
#include "kedja-util.h"

/* The PNG's width when the widget has none yet, in pixels. */
#define PNG_FALLBACK_WIDTH 1600
/* A4 landscape in points, its margin, and the width the timeline is laid
 * out at before it is scaled onto the page (text ≈ 9 pt on paper). */
#define A4_WIDTH   841.89
#define A4_HEIGHT  595.28
#define PDF_MARGIN 28.0
#define PDF_LAYOUT_WIDTH 1120.0

/* The plan as it may leave: for a protected identity, a copy without
 * titles that name the person. */
static KedjaPlan *
plan_for_paper (const KedjaPlan *plan)
{
  g_autoptr(KedjaNameFilter) filter = NULL;
  KedjaPlan *copy;

  if (!plan->client->protected_identity)
    return kedja_plan_ref ((KedjaPlan *) plan);

  filter = kedja_name_filter_new (plan->client);
  copy = kedja_plan_copy (plan);
  if (kedja_name_filter_text (filter, copy->title) == NULL)
    g_clear_pointer (&copy->title, g_free);
  for (guint i = 0; i < copy->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (copy->steps, i);

      if (step->title != NULL && kedja_name_filter_text (filter, step->title) == NULL)
        {
          g_free (step->title);
          step->title = g_strdup (kedja_phase_get_label (step->phase));
        }
    }
  return copy;
}

static char *
format_title (const KedjaPlan *plan,
              KedjaDate        today)
{
  g_autofree char *date = kedja_date_to_display (today);
  const char *title = !kedja_str_is_blank (plan->title) ? plan->title : _("Coordinated individual plan");

  /* TRANSLATORS: the heading of a printed timeline: the plan's title, the
   * client's name (or "Protected identity") and the day it shows */
  return g_strdup_printf (_("%s · %s · as of %s"), title,
                          kedja_client_display_name (plan->client->name,
                                                     plan->client->protected_identity),
                          date);
}

typedef struct {
  GskRenderNode *node;
  double         width;
  double         height;
  char          *title;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->node, gsk_render_node_unref);
  g_clear_pointer (&picture->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

/* The title line and the timeline, @width wide, as tall as they need. */
static gboolean
make_picture (KedjaTimeline *self,
              gboolean       whole_plan,
              double         width,
              int            scale,
              Picture       *picture,
              GError       **error)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GArray) findings = NULL;
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  g_autoptr(KedjaTimelineDrawCache) cache = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  KedjaTimelineMetrics metrics;
  KedjaTimelinePalette palette;
  KedjaTimelineScene scene;
  KedjaDate first, last;
  GtkSnapshot *snapshot;
  double heading_height;
  int heading_w, heading_h;

  if (self->shown.plan == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no plan to export."));
      return FALSE;
    }

  plan = plan_for_paper (self->shown.plan);
  findings = kedja_analyse (plan, &self->settings, self->today);
  kedja_timeline_metrics_init (&metrics, FALSE);
  layout = kedja_timeline_layout_new (plan, findings, self->today, &metrics);
  kedja_timeline_palette_init (&palette, FALSE, FALSE);
  cache = _kedja_timeline_draw_cache_new ();

  scene = (KedjaTimelineScene) {
    .plan = plan,
    .findings = findings,
    .layout = layout,
    .ghost_step = -1,
    .view = { .time_left = metrics.label_width, .width = width, .px_per_day = 1 },
    .width = width,
    .palette = &palette,
    .today = self->today,
    .pango = gtk_widget_get_pango_context (GTK_WIDGET (self)),
    .scale = scale,
    .hover_step = -1,
    .focus_step = -1,
  };

  /* The span on screen, or the whole plan; either across the width. */
  kedja_timeline_layout_get_span (layout, &first, &last);
  if (!whole_plan && self->view.width > self->view.time_left)
    {
      first = kedja_timeline_view_date_at_x (&self->view, self->view.time_left);
      last = kedja_timeline_view_last_date (&self->view);
    }
  kedja_timeline_view_fit (&scene.view, first, last);

  picture->title = format_title (plan, self->today);
  heading = pango_layout_new (scene.pango);
  font = pango_font_description_copy (pango_context_get_font_description (scene.pango));
  pango_font_description_set_absolute_size (font, 18 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (heading, font);
  pango_layout_set_text (heading, picture->title, -1);
  pango_layout_set_width (heading, (int) (width - 28) * PANGO_SCALE);
  pango_layout_set_ellipsize (heading, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (heading, &heading_w, &heading_h);
  heading_height = heading_h + 24;

  scene.height = kedja_timeline_layout_get_height (layout)
                 + _kedja_timeline_legend_height (cache, &scene);

  snapshot = gtk_snapshot_new ();
  _kedja_timeline_append_rect (snapshot, &palette.background, 0, 0, width, heading_height);
  _kedja_timeline_append_layout_at (snapshot, heading, &palette.text, 14, 12);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, heading_height));
  _kedja_timeline_draw (cache, &scene, snapshot);

  picture->node = gtk_snapshot_free_to_node (snapshot);
  picture->width = width;
  picture->height = ceil (heading_height + scene.height);
  return TRUE;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Whole or not at all, and for the owner's eyes only. */
static gboolean
save (const char  *path,
      GByteArray  *bytes,
      GError     **error)
{
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* TRANSLATORS: followed by the reason, e.g. "Permission denied" */
      g_prefix_error (error, _("Could not save the timeline as “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* TRANSLATORS: the reason comes from the drawing library, in English */
               _("Could not draw the timeline for export: %s"), cairo_status_to_string (status));
  return FALSE;
}

/**
 * kedja_timeline_export_png:
 *
 * Writes the visible span (or the whole plan) as a PNG as wide as the
 * widget (1600 pixels before it has a width), as tall as the lanes, the
 * legend and a title line need. The file is created with mode 0600.
 */
gboolean
kedja_timeline_export_png (KedjaTimeline  *self,
                           const char     *path,
                           gboolean        whole_plan,
                           GError        **error)
{
  g_auto (Picture) picture = { NULL };
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width;

  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width < 600)
    width = PNG_FALLBACK_WIDTH;
  if (!make_picture (self, whole_plan, width, 1, &picture, error))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) picture.width,
                                        (int) picture.height);
  cr = cairo_create (surface);
  gsk_render_node_draw (picture.node, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  bytes = g_byte_array_new ();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  cairo_surface_destroy (surface);

  return check_cairo (status, error) && save (path, bytes, error);
}

/**
 * kedja_timeline_export_pdf:
 *
 * Writes the visible span (or the whole plan) on one A4 page in landscape,
 * scaled to fit. The file is created with mode 0600.
 */
gboolean
kedja_timeline_export_pdf (KedjaTimeline  *self,
                           const char     *path,
                           gboolean        whole_plan,
                           GError        **error)
{
  g_auto (Picture) picture = { NULL };
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale, room_w = A4_WIDTH - 2 * PDF_MARGIN, room_h = A4_HEIGHT - 2 * PDF_MARGIN;

  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Icons are pictures: fine enough for paper at three times the pixels. */
  if (!make_picture (self, whole_plan, PDF_LAYOUT_WIDTH, 3, &picture, error))
    return FALSE;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, picture.title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kedja");

  /* Fit the page: by width, unless a tall plan needs it smaller. */
  scale = MIN (room_w / picture.width, room_h / picture.height);
  cr = cairo_create (surface);
  cairo_translate (cr, PDF_MARGIN + (room_w - picture.width * scale) / 2, PDF_MARGIN);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (picture.node, cr);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (status, error) && save (path, bytes, error);
}
