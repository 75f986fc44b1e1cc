/* kedja-timeline-icons.c — the timeline's marks: severities, checks, arrows, markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Severity is never colour alone: critical is an octagon, a warning a
 * triangle, a notice a circle, each with its own mark. Icons are drawn
 * with cairo once per style, size and scale, into textures.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>

#include "kedja-timeline-draw-private.h"

/* Icons =================================================================== */

static void
polygon (cairo_t      *cr,
         const double *points,
         int           n)
{
  cairo_move_to (cr, points[0], points[1]);
  for (int i = 1; i < n; i++)
    cairo_line_to (cr, points[2 * i], points[2 * i + 1]);
  cairo_close_path (cr);
}

/* An upright mark: "!" (bar over dot) or "i" (dot over bar). */
static void
mark (cairo_t       *cr,
      const GdkRGBA *color,
      double         cx,
      double         top,
      double         bottom,
      double         width,
      gboolean       info)
{
  double dot = width * 0.62;
  double bar_top = info ? top + 2.6 * dot : top;
  double bar_bottom = info ? bottom : bottom - 2.6 * dot;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, cx, bar_top + width / 2);
  cairo_line_to (cr, cx, bar_bottom - width / 2);
  cairo_stroke (cr);
  cairo_arc (cr, cx, info ? top + dot : bottom - dot, dot, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Fills the current path in @fill with a ring of @ring around it, so an
 * icon stays apart from whatever it sits on. */
static void
fill_ringed (cairo_t       *cr,
             const GdkRGBA *fill,
             const GdkRGBA *ring)
{
  gdk_cairo_set_source_rgba (cr, ring);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill (cr);
}

/* Icons are drawn once per style, size and scale into textures: a
 * texture is a copy for the renderer, a cairo node a replay of every
 * path, twice the cost, and the whole-plan view has hundreds of marks. */
static GdkTexture *
make_icon (IconKind                    icon,
           double                      s,
           int                         scale,
           gboolean                    meeting_mode,
           const KedjaTimelinePalette *p,
           graphene_rect_t            *bounds)
{
  double c = s / 2;
  double arrow = meeting_mode ? 14 : 10, marker = meeting_mode ? 8 : 6;
  cairo_surface_t *surface;
  GdkTexture *texture;
  int width, height;
  cairo_t *cr;

  *bounds = GRAPHENE_RECT_INIT (-1, -1, ceil (s) + 2, ceil (s) + 2);
  if (icon >= ICON_ARROW)
    *bounds = GRAPHENE_RECT_INIT (-arrow - 1, -arrow - 1, 2 * arrow + 2, 2 * arrow + 2);
  else if (icon == ICON_FOLLOW_UP || icon == ICON_MEETING)
    *bounds = GRAPHENE_RECT_INIT (-marker - 2, -marker - 2, 2 * marker + 4, 2 * marker + 4);

  width = (int) ceil (bounds->size.width * scale);
  height = (int) ceil (bounds->size.height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds->origin.x, -bounds->origin.y);

  if (icon >= ICON_ARROW)
    {
      double pts[] = { 0, 0, -arrow, -arrow / 2, -arrow, arrow / 2 };

      cairo_rotate (cr, (icon - ICON_ARROW) * 2 * G_PI / N_ARROW_DIRECTIONS);
      polygon (cr, pts, 3);
      gdk_cairo_set_source_rgba (cr, &p->handover);
      cairo_fill (cr);
    }
  else switch (icon)
    {
    case ICON_CRITICAL:
      {
        /* An octagon, like a stop sign. */
        double r = c - 1.5, pts[16];

        for (int i = 0; i < 8; i++)
          {
            double a = G_PI / 8 + i * G_PI / 4;
            pts[2 * i] = c + r * cos (a);
            pts[2 * i + 1] = c + r * sin (a);
          }
        polygon (cr, pts, 8);
        fill_ringed (cr, &p->severity[KEDJA_SEVERITY_CRITICAL], &p->background);
        mark (cr, &p->on_severity[KEDJA_SEVERITY_CRITICAL], c, s * 0.2, s * 0.8, s * 0.14, FALSE);
        break;
      }

    case ICON_WARNING:
      {
        double pts[] = { c, 1.5, s - 1, s - 2, 1, s - 2 };

        polygon (cr, pts, 3);
        fill_ringed (cr, &p->severity[KEDJA_SEVERITY_WARNING], &p->background);
        mark (cr, &p->on_severity[KEDJA_SEVERITY_WARNING], c, s * 0.33, s * 0.83, s * 0.13, FALSE);
        break;
      }

    case ICON_NOTICE:
      cairo_arc (cr, c, c, c - 1.5, 0, 2 * G_PI);
      fill_ringed (cr, &p->severity[KEDJA_SEVERITY_NOTICE], &p->background);
      mark (cr, &p->on_severity[KEDJA_SEVERITY_NOTICE], c, s * 0.2, s * 0.78, s * 0.14, TRUE);
      break;

    case ICON_CHECK:
    case ICON_CHECK_SMALL:
      {
        double r = s * (icon == ICON_CHECK ? 0.4 : 0.28);

        cairo_arc (cr, c, c, r, 0, 2 * G_PI);
        fill_ringed (cr, &p->confirmed, &p->background);
        gdk_cairo_set_source_rgba (cr, &p->on_confirmed);
        cairo_set_line_width (cr, MAX (2.0, r * 0.3));
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (cr, c - r * 0.5, c + r * 0.02);
        cairo_line_to (cr, c - r * 0.12, c + r * 0.4);
        cairo_line_to (cr, c + r * 0.52, c - r * 0.36);
        cairo_stroke (cr);
        break;
      }

    case ICON_FOLLOW_UP:
      {
        /* A diamond: the date the plan is looked at again. */
        double pts[] = { 0, -marker, marker, 0, 0, marker, -marker, 0 };

        polygon (cr, pts, 4);
        fill_ringed (cr, &p->marker, &p->chrome);
        break;
      }

    case ICON_MEETING:
      /* A ring: people around a table. */
      cairo_arc (cr, 0, 0, marker, 0, 2 * G_PI);
      fill_ringed (cr, &p->marker, &p->chrome);
      gdk_cairo_set_source_rgba (cr, &p->chrome);
      cairo_arc (cr, 0, 0, marker * 0.42, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case ICON_ARROW:
    case N_ICONS:
    default:
      g_assert_not_reached ();
    }
  cairo_destroy (cr);

  texture = _kedja_timeline_texture_for_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

void
_kedja_timeline_append_icon (KedjaTimelineDrawCache   *cache,
                             const KedjaTimelineScene *scene,
                             GtkSnapshot              *snapshot,
                             IconKind                  icon,
                             double                    x,
                             double                    y)
{
  double size = kedja_timeline_layout_get_metrics (scene->layout)->badge_size;
  int scale = MAX (1, scene->scale);
  const graphene_rect_t *b;

  if (cache->icon_size != size || cache->icon_scale != scale)
    {
      for (int i = 0; i < N_ICONS; i++)
        g_clear_object (&cache->icons[i]);
      cache->icon_size = size;
      cache->icon_scale = scale;
    }
  if (cache->icons[icon] == NULL)
    cache->icons[icon] = make_icon (icon, size, scale, scene->meeting_mode, scene->palette,
                                    &cache->icon_bounds[icon]);

  /* On whole pixels, or the texture is resampled and blurs. */
  b = &cache->icon_bounds[icon];
  gtk_snapshot_append_texture (snapshot, cache->icons[icon],
                               &GRAPHENE_RECT_INIT (round (x) + b->origin.x, round (y) + b->origin.y,
                                                    b->size.width, b->size.height));
}
