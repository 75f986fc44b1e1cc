/* kedja-timeline-draw.c — what the timeline's frames are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts that outlive a frame: fonts, a PangoLayout per step and per
 * label, the tiles of the bands' hatching, and the shapes every frame is
 * drawn with (bars, lines). Icons are made in kedja-timeline-icons.c, the
 * static layers (lanes, legend) in kedja-timeline-legend.c; a frame
 * (kedja-timeline-frame.c) places them. Laying out text is what costs,
 * and it is done once per plan and style, not per frame.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-draw-private.h"

/* Labels are few (day numbers, week numbers, month names, "8 days"); past
 * this many something is wrong, and the table starts again. */
#define MAX_LABELS 512

/* The cache and when it is stale ========================================== */

KedjaTimelineDrawCache *
_kedja_timeline_draw_cache_new (void)
{
  KedjaTimelineDrawCache *cache = g_new0 (KedjaTimelineDrawCache, 1);

  cache->texts = g_array_new (FALSE, TRUE, sizeof (StepText));
  for (int f = 0; f < N_FONTS; f++)
    cache->labels[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cache->ticks = g_array_new (FALSE, FALSE, sizeof (KedjaTimelineTick));
  cache->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  cache->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  cache->hosted = g_array_new (FALSE, FALSE, sizeof (HostedMark));
  cache->band_hosted = g_array_new (FALSE, TRUE, sizeof (gboolean));
  cache->beside = g_array_new (FALSE, FALSE, sizeof (Beside));
  return cache;
}

static void
clear_text_line (TextLine *line)
{
  g_clear_object (&line->full);
  g_clear_object (&line->fit);
}

static void
clear_step_texts (KedjaTimelineDrawCache *cache)
{
  for (guint i = 0; i < cache->texts->len; i++)
    {
      StepText *text = &g_array_index (cache->texts, StepText, i);
      clear_text_line (&text->title);
      clear_text_line (&text->agency);
    }
  g_array_set_size (cache->texts, 0);
}

static void
clear_nodes (KedjaTimelineDrawCache *cache)
{
  for (int i = 0; i < N_ICONS; i++)
    g_clear_object (&cache->icons[i]);
  for (int i = 0; i < KEDJA_TIMELINE_N_SEVERITIES; i++)
    g_clear_object (&cache->tiles[i]);
  g_clear_pointer (&cache->lanes, gsk_render_node_unref);
  g_clear_pointer (&cache->legend, gsk_render_node_unref);
  cache->legend_width = -1;
  g_clear_pointer (&cache->content, gsk_render_node_unref);
}

void
_kedja_timeline_draw_cache_clear_text (KedjaTimelineDrawCache *cache)
{
  if (cache == NULL)
    return;
  clear_step_texts (cache);
  for (int f = 0; f < N_FONTS; f++)
    {
      g_hash_table_remove_all (cache->labels[f]);
      g_clear_pointer (&cache->fonts[f], pango_font_description_free);
    }
  /* The lanes and the legend hold text too. */
  clear_nodes (cache);
}

void
_kedja_timeline_draw_cache_free (KedjaTimelineDrawCache *cache)
{
  if (cache == NULL)
    return;
  _kedja_timeline_draw_cache_clear_text (cache);
  for (int f = 0; f < N_FONTS; f++)
    g_hash_table_unref (cache->labels[f]);
  g_array_unref (cache->texts);
  g_array_unref (cache->ticks);
  g_array_unref (cache->visible);
  g_array_unref (cache->runs);
  g_array_unref (cache->hosted);
  g_array_unref (cache->band_hosted);
  g_array_unref (cache->beside);
  g_free (cache);
}

void
_kedja_timeline_draw_cache_validate (KedjaTimelineDrawCache   *cache,
                                     const KedjaTimelineScene *scene)
{
  guint pango_serial = pango_context_get_serial (scene->pango);

  if (!cache->valid || cache->pango != scene->pango || cache->pango_serial != pango_serial
      || cache->meeting_mode != scene->meeting_mode)
    {
      _kedja_timeline_draw_cache_clear_text (cache);
      cache->pango = scene->pango;
      cache->pango_serial = pango_serial;
      cache->meeting_mode = scene->meeting_mode;
      cache->plan_serial = scene->plan_serial;
      cache->layout_serial = scene->layout_serial;
      cache->dark = scene->palette->dark;
      cache->high_contrast = scene->palette->high_contrast;
      cache->valid = TRUE;
    }
  if (cache->plan_serial != scene->plan_serial)
    {
      /* Titles, agencies and the kinds in the legend came from the plan. */
      clear_step_texts (cache);
      g_clear_pointer (&cache->legend, gsk_render_node_unref);
      g_clear_pointer (&cache->content, gsk_render_node_unref);
      cache->legend_width = -1;
      cache->plan_serial = scene->plan_serial;
    }
  if (cache->dark != scene->palette->dark || cache->high_contrast != scene->palette->high_contrast)
    {
      clear_nodes (cache);
      cache->dark = scene->palette->dark;
      cache->high_contrast = scene->palette->high_contrast;
    }
  if (cache->layout_serial != scene->layout_serial)
    {
      g_clear_pointer (&cache->lanes, gsk_render_node_unref);
      g_clear_pointer (&cache->content, gsk_render_node_unref);
      cache->layout_serial = scene->layout_serial;
    }
}

/* Text ==================================================================== */

static const PangoFontDescription *
get_font (KedjaTimelineDrawCache   *cache,
          const KedjaTimelineScene *scene,
          FontRole                  role)
{
  /* Pixel sizes: normal, then meeting mode (read across a room). */
  static const struct {
    double      size[2];
    PangoWeight weight;
  } roles[N_FONTS] = {
    [FONT_TITLE] = { { 13, 19 }, PANGO_WEIGHT_SEMIBOLD },
    [FONT_AGENCY] = { { 11.5, 15 }, PANGO_WEIGHT_NORMAL },
    [FONT_LANE] = { { 14, 19 }, PANGO_WEIGHT_BOLD },
    [FONT_AXIS_MAJOR] = { { 12, 16 }, PANGO_WEIGHT_BOLD },
    [FONT_AXIS_MINOR] = { { 11, 14 }, PANGO_WEIGHT_NORMAL },
    [FONT_LEGEND] = { { 12, 15 }, PANGO_WEIGHT_NORMAL },
    [FONT_BAND] = { { 12, 16 }, PANGO_WEIGHT_BOLD },
  };

  if (cache->fonts[role] == NULL)
    {
      PangoFontDescription *font =
        pango_font_description_copy (pango_context_get_font_description (scene->pango));

      pango_font_description_set_absolute_size (font,
                                                roles[role].size[scene->meeting_mode] * PANGO_SCALE);
      pango_font_description_set_weight (font, roles[role].weight);
      cache->fonts[role] = font;
    }
  return cache->fonts[role];
}

static PangoLayout *
new_layout (KedjaTimelineDrawCache   *cache,
            const KedjaTimelineScene *scene,
            FontRole                  font,
            const char               *text)
{
  PangoLayout *layout = pango_layout_new (scene->pango);

  pango_layout_set_font_description (layout, get_font (cache, scene, font));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoLayout *
_kedja_timeline_draw_label (KedjaTimelineDrawCache   *cache,
                            const KedjaTimelineScene *scene,
                            FontRole                  font,
                            const char               *text)
{
  PangoLayout *layout = g_hash_table_lookup (cache->labels[font], text);

  if (layout == NULL)
    {
      if (g_hash_table_size (cache->labels[font]) >= MAX_LABELS)
        g_hash_table_remove_all (cache->labels[font]);
      layout = new_layout (cache, scene, font, text);
      g_hash_table_insert (cache->labels[font], g_strdup (text), layout);
    }
  return layout;
}

KedjaAgencyKind
_kedja_timeline_step_kind (const KedjaPlan *plan,
                           const KedjaStep *step)
{
  const KedjaAgency *agency = step->agency_id != NULL
                                ? kedja_plan_find_agency (plan, step->agency_id)
                                : NULL;

  if (agency == NULL || (guint) agency->kind >= KEDJA_TIMELINE_N_KINDS)
    return KEDJA_AGENCY_KIND_OTHER;
  return agency->kind;
}

static void
set_text_line (TextLine    *line,
               PangoLayout *layout)
{
  line->full = layout;
  pango_layout_get_pixel_size (layout, &line->width, &line->height);
}

PangoLayout *
_kedja_timeline_text_line_fit (TextLine *line,
                               double    room)
{
  int steps;

  if (line->width <= room)
    return line->full;

  steps = MAX (1, (int) (room / FIT_STEP));
  if (line->fit == NULL)
    {
      line->fit = pango_layout_copy (line->full);
      pango_layout_set_ellipsize (line->fit, PANGO_ELLIPSIZE_END);
    }
  if (line->fit_room != steps * FIT_STEP)
    {
      line->fit_room = steps * FIT_STEP;
      pango_layout_set_width (line->fit, line->fit_room * PANGO_SCALE);
    }
  return line->fit;
}

StepText *
_kedja_timeline_draw_step_text (KedjaTimelineDrawCache   *cache,
                                const KedjaTimelineScene *scene,
                                guint                     index)
{
  const KedjaStep *step;
  StepText *text;
  PangoLayout *title;
  const char *agency;
  g_autofree char *agency_line = NULL;

  g_assert (scene->plan != NULL && index < scene->plan->steps->len);

  if (cache->texts->len != scene->plan->steps->len)
    {
      clear_step_texts (cache);
      g_array_set_size (cache->texts, scene->plan->steps->len);
    }
  text = &g_array_index (cache->texts, StepText, index);
  if (text->title.full != NULL)
    return text;

  step = g_ptr_array_index (scene->plan->steps, index);
  text->kind = _kedja_timeline_step_kind (scene->plan, step);

  title = new_layout (cache, scene, FONT_TITLE,
                      step->title != NULL ? step->title : _("Untitled step"));
  if (step->status == KEDJA_STEP_STATUS_CANCELLED)
    {
      /* Struck through: a cancelled step is still there to be seen, but
       * no longer counts (the analysis ignores it). */
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (title, attrs);
      pango_attr_list_unref (attrs);
    }
  set_text_line (&text->title, title);

  agency = step->agency_id != NULL ? kedja_plan_get_agency_name (scene->plan, step->agency_id)
                                   : NULL;
  if (agency == NULL)
    agency = _("No responsible agency");
  /* Interrupted and cancelled say so in words too, not only by shape. */
  if (step->status == KEDJA_STEP_STATUS_INTERRUPTED || step->status == KEDJA_STEP_STATUS_CANCELLED)
    /* TRANSLATORS: under a step's title on the timeline: "Interrupted · Beroendekliniken" */
    agency_line = g_strdup_printf (C_("timeline", "%s · %s"),
                                   kedja_step_status_get_label (step->status), agency);
  else
    agency_line = g_strdup (agency);
  set_text_line (&text->agency, new_layout (cache, scene, FONT_AGENCY, agency_line));
  return text;
}

/* Helpers ================================================================= */

/* Cairo's ARGB32 is GDK_MEMORY_DEFAULT. */
GdkTexture *
_kedja_timeline_texture_for_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

void
_kedja_timeline_append_rect (GtkSnapshot   *snapshot,
                             const GdkRGBA *color,
                             double         x,
                             double         y,
                             double         width,
                             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

void
_kedja_timeline_append_node_at (GtkSnapshot   *snapshot,
                                GskRenderNode *node,
                                double         x,
                                double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

void
_kedja_timeline_append_layout_at (GtkSnapshot   *snapshot,
                                  PangoLayout   *layout,
                                  const GdkRGBA *color,
                                  double         x,
                                  double         y)
{
  gtk_snapshot_save (snapshot);
  /* Whole pixels: glyphs on fractional positions blur. */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Between two stripes, along x or y: the hatching repeats every twice
 * this along either axis. */
static double
hatch_spacing (KedjaSeverity severity)
{
  return severity == KEDJA_SEVERITY_NOTICE ? 14 : 9;
}

void
_kedja_timeline_append_hatch (GtkSnapshot           *snapshot,
                              const graphene_rect_t *rect,
                              KedjaSeverity          severity,
                              const GdkRGBA         *color,
                              gboolean               meeting_mode)
{
  /* How much of each period is stripe. */
  double spacing = hatch_spacing (severity);
  float duty = severity == KEDJA_SEVERITY_NOTICE ? 0.22f : 0.38f;
  GdkRGBA stripe = *color;
  double x = rect->origin.x, y = rect->origin.y;

  stripe.alpha = meeting_mode ? 0.7f : 0.5f;
  GskColorStop stops[] = {
    { 0.f, stripe }, { duty, stripe },
    { duty, { stripe.red, stripe.green, stripe.blue, 0.f } },
    { 1.f, { stripe.red, stripe.green, stripe.blue, 0.f } },
  };

  /* Rising stripes for critical and warning, falling for notice; critical
   * has both: a cross-hatch. */
  if (severity != KEDJA_SEVERITY_NOTICE)
    gtk_snapshot_append_repeating_linear_gradient (snapshot, rect,
                                                   &GRAPHENE_POINT_INIT (x, y),
                                                   &GRAPHENE_POINT_INIT (x + spacing, y + spacing),
                                                   stops, G_N_ELEMENTS (stops));
  if (severity != KEDJA_SEVERITY_WARNING)
    gtk_snapshot_append_repeating_linear_gradient (snapshot, rect,
                                                   &GRAPHENE_POINT_INIT (x + spacing, y),
                                                   &GRAPHENE_POINT_INIT (x, y + spacing),
                                                   stops, G_N_ELEMENTS (stops));
}

void
_kedja_timeline_append_band_fill (KedjaTimelineDrawCache   *cache,
                                  const KedjaTimelineScene *scene,
                                  GtkSnapshot              *snapshot,
                                  const graphene_rect_t    *rect,
                                  KedjaSeverity             severity)
{
  const KedjaTimelinePalette *p = scene->palette;
  double size = 2 * hatch_spacing (severity);

  /* Narrower than two periods, stripes cannot be told from a tint: the
   * band's edges and icon carry its severity there. */
  if (rect->size.width < 2 * size)
    {
      gtk_snapshot_append_color (snapshot, &p->severity_tint[severity], rect);
      return;
    }

  if (cache->tiles[severity] == NULL)
    {
      GtkSnapshot *tile = gtk_snapshot_new ();
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, size, size);
      g_autoptr(GskRenderNode) node = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;

      /* Opaque, the tint under the stripes, and a texture: the renderer
       * copies it along the band instead of drawing and blending. */
      gtk_snapshot_append_color (tile, &p->severity_tint[severity], &bounds);
      _kedja_timeline_append_hatch (tile, &bounds, severity, &p->severity[severity],
                                    scene->meeting_mode);
      node = gtk_snapshot_free_to_node (tile);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) size, (int) size);
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cache->tiles[severity] = _kedja_timeline_texture_for_surface (surface);
      cache->tile_size[severity] = size;
      cairo_surface_destroy (surface);
    }

  gtk_snapshot_push_repeat (snapshot, rect,
                            &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y, size, size));
  gtk_snapshot_append_texture (snapshot, cache->tiles[severity],
                               &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y, size, size));
  gtk_snapshot_pop (snapshot);
}

void
_kedja_timeline_append_line (GtkSnapshot   *snapshot,
                             const GdkRGBA *color,
                             double         x1,
                             double         y1,
                             double         x2,
                             double         y2,
                             double         width,
                             gboolean       dashed)
{
  double length = hypot (x2 - x1, y2 - y1);
  graphene_rect_t rect;

  if (length < 0.5)
    return;

  if (x1 == x2 || y1 == y2)
    {
      /* Upright or level (marker lines): no turned frame, which makes a
       * gradient some twenty times dearer to draw. */
      gboolean upright = x1 == x2;
      double x = MIN (x1, x2), y = MIN (y1, y2), period = width * 4;
      GskColorStop stops[] = {
        { 0.f, *color }, { 0.6f, *color },
        { 0.6f, { color->red, color->green, color->blue, 0.f } },
        { 1.f, { color->red, color->green, color->blue, 0.f } },
      };

      rect = upright ? GRAPHENE_RECT_INIT (x - width / 2, y, width, length)
                     : GRAPHENE_RECT_INIT (x, y - width / 2, length, width);
      if (!dashed)
        gtk_snapshot_append_color (snapshot, color, &rect);
      else
        gtk_snapshot_append_repeating_linear_gradient (snapshot, &rect, &GRAPHENE_POINT_INIT (x, y),
                                                       &GRAPHENE_POINT_INIT (upright ? x : x + period,
                                                                             upright ? y + period : y),
                                                       stops, G_N_ELEMENTS (stops));
      return;
    }

  /* Straight segments along the x axis of a turned frame: one node for
   * a solid line, one repeating gradient for a dashed one. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x1, y1));
  gtk_snapshot_rotate (snapshot, atan2 (y2 - y1, x2 - x1) * 180 / G_PI);
  rect = GRAPHENE_RECT_INIT (0, -width / 2, length, width);
  if (dashed)
    {
      double period = width * 4;
      GskColorStop stops[] = {
        { 0.f, *color }, { 0.6f, *color },
        { 0.6f, { color->red, color->green, color->blue, 0.f } },
        { 1.f, { color->red, color->green, color->blue, 0.f } },
      };
      gtk_snapshot_append_repeating_linear_gradient (snapshot, &rect, &GRAPHENE_POINT_INIT (0, 0),
                                                     &GRAPHENE_POINT_INIT (period, 0),
                                                     stops, G_N_ELEMENTS (stops));
    }
  else
    gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_restore (snapshot);
}

/* Level of detail: rounded corners (a clip and a border, ~13 µs in the
 * cairo renderer) only on bars wide enough for a title, where they are
 * seen; a square bar is a few colour rectangles (~1 µs each), and the
 * whole-plan view of a long chain is hundreds of short bars. */
#define LOD_SQUARE_BELOW 40.0

/* The bar's colours inside its shape (the caller clips to it): the fill,
 * or the outline's colour with the fill laid over it, inset. The inside's
 * corners are cut by a pixel or two so the outline keeps its width round
 * rounded corners. A clip and three rectangles cost half what a clip and
 * a border node do. */
static void
append_body (GtkSnapshot           *snapshot,
             const graphene_rect_t *r,
             const GdkRGBA         *fill,
             const GdkRGBA         *line,
             float                  o,
             float                  corner,
             gboolean               outlined,
             gboolean               open_right)
{
  float x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;
  float right = open_right ? 0 : o, inside = w - o - right;
  float strip = inside - corner - (open_right ? 0 : corner);

  if (!outlined)
    {
      gtk_snapshot_append_color (snapshot, fill, r);
      return;
    }
  gtk_snapshot_append_color (snapshot, line, r);
  _kedja_timeline_append_rect (snapshot, fill, x + o, y + o + corner, inside, h - 2 * o - 2 * corner);
  if (corner > 0)
    {
      _kedja_timeline_append_rect (snapshot, fill, x + o + corner, y + o, strip, corner);
      _kedja_timeline_append_rect (snapshot, fill, x + o + corner, y + h - o - corner, strip, corner);
    }
}

/* Two slanted cuts near the end, in the background's colour: the step
 * was broken off. Inside the bar's clip. */
static void
append_cut (GtkSnapshot                *snapshot,
            const KedjaTimelinePalette *p,
            const graphene_rect_t      *r)
{
  for (int i = 0; i < 2; i++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (r->origin.x + r->size.width - 13 + 6 * i,
                                                    r->origin.y + r->size.height / 2));
      gtk_snapshot_rotate (snapshot, 20);
      gtk_snapshot_append_color (snapshot, &p->background,
                                 &GRAPHENE_RECT_INIT (-1.25f, -r->size.height, 2.5f,
                                                      2 * r->size.height));
      gtk_snapshot_restore (snapshot);
    }
}

void
_kedja_timeline_append_bar (GtkSnapshot                *snapshot,
                            const KedjaTimelinePalette *p,
                            KedjaAgencyKind             kind,
                            KedjaStepStatus             status,
                            const graphene_rect_t      *r,
                            gboolean                    open_ended,
                            gboolean                    meeting_mode,
                            const GdkRGBA              *overlay)
{
  gboolean filled = status == KEDJA_STEP_STATUS_ONGOING || status == KEDJA_STEP_STATUS_COMPLETED
                    || status == KEDJA_STEP_STATUS_INTERRUPTED;
  gboolean cut = status == KEDJA_STEP_STATUS_INTERRUPTED && r->size.width >= 24;
  /* Planned bars are outlines; in the dark style filled ones get a light
   * edge too, or they would sink into the background. */
  gboolean outlined = !filled || p->dark;
  /* Faint colours rather than an opacity node, which renders offscreen. */
  float alpha = status == KEDJA_STEP_STATUS_CANCELLED ? CANCELLED_ALPHA : 1.f;
  GdkRGBA fill = _kedja_timeline_faded (filled ? &p->kind_fill[kind] : &p->kind_tint[kind], alpha);
  GdkRGBA line = _kedja_timeline_faded (&p->kind_line[kind], alpha);
  float w = r->size.width, h = r->size.height;
  float o = !filled ? (meeting_mode ? 3.f : 2.f) : 1.f;
  gboolean open_right = open_ended && !filled;

  if (w < 4)
    {
      gtk_snapshot_append_color (snapshot, filled ? &fill : &line, r);
      return;
    }
  if (alpha < 1.f && outlined)
    {
      /* Laid over the outline's colour, a faint inside would let it
       * through: use the lane's colour, faint, over the faint outline. */
      fill = _kedja_timeline_faded (filled ? &p->kind_fill[kind] : &p->kind_tint[kind], 1.f);
      fill = (GdkRGBA) { fill.red + (p->background.red - fill.red) * (1 - alpha),
                         fill.green + (p->background.green - fill.green) * (1 - alpha),
                         fill.blue + (p->background.blue - fill.blue) * (1 - alpha), 1.f };
    }

  if (w < LOD_SQUARE_BELOW && !cut)
    {
      append_body (snapshot, r, &fill, &line, MIN (o, 1.5f), 0, outlined, open_right);
      if (overlay != NULL)
        gtk_snapshot_append_color (snapshot, overlay, r);
      return;
    }

  if (w < LOD_SQUARE_BELOW)
    gtk_snapshot_push_clip (snapshot, r);
  else
    {
      float radius = MIN (6.f, MIN (w, h) / 2);
      graphene_size_t round = { radius, radius }, square = { 0, 0 };
      GskRoundedRect outline;

      /* A square right end: the step was cut short, or it runs on. */
      gsk_rounded_rect_init (&outline, r, &round, cut || open_ended ? &square : &round,
                             cut || open_ended ? &square : &round, &round);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
    }

  append_body (snapshot, r, &fill, &line, o, w < LOD_SQUARE_BELOW ? 0 : MIN (2.f, o), outlined,
               open_right);
  if (open_ended && filled && w > 48)
    {
      /* Fading into the future. */
      float fade = MIN (32.f, w / 4), x = r->origin.x;

      gtk_snapshot_append_linear_gradient (snapshot,
                                           &GRAPHENE_RECT_INIT (x + w - fade, r->origin.y, fade, h),
                                           &GRAPHENE_POINT_INIT (x + w - fade, 0),
                                           &GRAPHENE_POINT_INIT (x + w, 0),
                                           (GskColorStop[]) {
                                             { 0.f, fill }, { 1.f, _kedja_timeline_faded (&p->kind_tint[kind], alpha) } },
                                           2);
    }
  if (cut)
    append_cut (snapshot, p, r);
  if (overlay != NULL)
    gtk_snapshot_append_color (snapshot, overlay, r);
  gtk_snapshot_pop (snapshot);
}
