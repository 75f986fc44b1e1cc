/* kedja-timeline-legend.c — the timeline's static layers: lanes and the key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What does not move when the view scrolls, made once into render nodes:
 * the lanes with their labels (again when the layout or the width
 * changes) and the key to colours and marks below them (again when the
 * plan, the width or the style changes).
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-timeline-draw-private.h"

/* Lanes =================================================================== */

/* Lane backgrounds, separators and labels, in layout coordinates: they
 * change with the layout and the width, not with the view. */
GskRenderNode *
_kedja_timeline_draw_lanes (KedjaTimelineDrawCache   *cache,
                            const KedjaTimelineScene *scene)
{
  const KedjaTimelinePalette *p = scene->palette;
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (scene->layout);
  double width = scene->width;
  double top = m->axis_height, bottom = kedja_timeline_layout_get_height (scene->layout);
  GtkSnapshot *snapshot;

  if (cache->lanes != NULL && cache->lanes_width == width)
    return cache->lanes;
  g_clear_pointer (&cache->lanes, gsk_render_node_unref);

  snapshot = gtk_snapshot_new ();
  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    {
      double y, h;
      PangoLayout *label;
      int label_w, label_h;

      kedja_timeline_layout_get_lane (scene->layout, lane, &y, &h);
      _kedja_timeline_append_rect (snapshot, lane % 2 ? &p->lane_alt : &p->background,
                                   m->label_width, y, width - m->label_width, h);
      _kedja_timeline_append_rect (snapshot, &p->chrome, 0, y, m->label_width, h);
      _kedja_timeline_append_rect (snapshot, &p->separator, 0, y + h - 1, width, 1);

      /* The phase's name beside the first row of its lane. */
      label = _kedja_timeline_draw_label (cache, scene, FONT_LANE, kedja_phase_get_label (lane));
      pango_layout_set_width (label, (int) (m->label_width - 24) * PANGO_SCALE);
      pango_layout_set_wrap (label, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (label, &label_w, &label_h);
      _kedja_timeline_append_layout_at (snapshot, label, &p->text, 14,
                                        y + MAX (m->lane_padding,
                                                 m->lane_padding + (m->bar_height - label_h) / 2));
    }
  _kedja_timeline_append_rect (snapshot, &p->separator, m->label_width - 1, top, 1, bottom - top);

  cache->lanes = gtk_snapshot_free_to_node (snapshot);
  cache->lanes_width = width;
  return cache->lanes;
}

/* The legend ============================================================== */

typedef enum {
  KEY_KIND,
  KEY_PLANNED,
  KEY_ONGOING,
  KEY_INTERRUPTED,
  KEY_CANCELLED,
  KEY_CONFIRMED,
  KEY_UNCONFIRMED,
  KEY_SEVERITY,
  KEY_TODAY,
  KEY_FOLLOW_UP,
  KEY_MEETING,
} KeyKind;

typedef struct {
  KeyKind     key;
  int         value;   /* the kind or the severity */
  const char *label;
  gboolean    group;   /* first of a group: more room before it */
} Key;

static guint
collect_keys (const KedjaTimelineScene *scene,
              Key                      *keys,
              guint                     max)
{
  gboolean kinds[KEDJA_TIMELINE_N_KINDS] = { FALSE };
  guint n = 0;

#define ADD(k, v, l, g) G_STMT_START { if (n < max) keys[n++] = (Key) { k, v, l, g }; } G_STMT_END

  /* Only the agency kinds of this plan: a key of ten colours is not read. */
  for (guint i = 0; i < scene->plan->steps->len; i++)
    kinds[_kedja_timeline_step_kind (scene->plan, g_ptr_array_index (scene->plan->steps, i))] = TRUE;
  for (int k = 0; k < KEDJA_TIMELINE_N_KINDS; k++)
    if (kinds[k])
      ADD (KEY_KIND, k, kedja_agency_kind_get_label (k), n == 0);

  ADD (KEY_PLANNED, 0, _("Planned or booked"), TRUE);
  ADD (KEY_ONGOING, 0, _("Ongoing or completed"), FALSE);
  ADD (KEY_INTERRUPTED, 0, kedja_step_status_get_label (KEDJA_STEP_STATUS_INTERRUPTED), FALSE);
  ADD (KEY_CANCELLED, 0, kedja_step_status_get_label (KEDJA_STEP_STATUS_CANCELLED), FALSE);
  ADD (KEY_CONFIRMED, 0, _("Confirmed handover"), TRUE);
  ADD (KEY_UNCONFIRMED, 0, _("Unconfirmed handover"), FALSE);
  for (int s = KEDJA_SEVERITY_CRITICAL; s >= KEDJA_SEVERITY_NOTICE; s--)
    ADD (KEY_SEVERITY, s, kedja_severity_get_label (s), s == KEDJA_SEVERITY_CRITICAL);
  ADD (KEY_TODAY, 0, _("Today"), TRUE);
  ADD (KEY_FOLLOW_UP, 0, _("Follow-up"), FALSE);
  ADD (KEY_MEETING, 0, _("SIP meeting"), FALSE);
#undef ADD
  return n;
}

static void
draw_key (KedjaTimelineDrawCache   *cache,
          const KedjaTimelineScene *scene,
          GtkSnapshot              *snapshot,
          const Key                *key,
          double                    x,
          double                    y,
          double                    w,
          double                    h)
{
  const KedjaTimelinePalette *p = scene->palette;
  graphene_rect_t r = GRAPHENE_RECT_INIT (x, y, w, h);
  double mid = y + h / 2;

  switch (key->key)
    {
    case KEY_KIND:
      _kedja_timeline_append_bar (snapshot, p, key->value, KEDJA_STEP_STATUS_ONGOING, &r, FALSE,
                                  scene->meeting_mode, NULL);
      break;
    case KEY_PLANNED:
      _kedja_timeline_append_bar (snapshot, p, KEDJA_AGENCY_KIND_OTHER, KEDJA_STEP_STATUS_PLANNED,
                                  &r, FALSE, scene->meeting_mode, NULL);
      break;
    case KEY_ONGOING:
      _kedja_timeline_append_bar (snapshot, p, KEDJA_AGENCY_KIND_OTHER, KEDJA_STEP_STATUS_ONGOING,
                                  &r, FALSE, scene->meeting_mode, NULL);
      break;
    case KEY_INTERRUPTED:
      _kedja_timeline_append_bar (snapshot, p, KEDJA_AGENCY_KIND_OTHER,
                                  KEDJA_STEP_STATUS_INTERRUPTED, &r, FALSE, scene->meeting_mode, NULL);
      break;
    case KEY_CANCELLED:
      {
        GdkRGBA strike = _kedja_timeline_faded (&p->text, CANCELLED_ALPHA);

        _kedja_timeline_append_bar (snapshot, p, KEDJA_AGENCY_KIND_OTHER,
                                    KEDJA_STEP_STATUS_CANCELLED, &r, FALSE, scene->meeting_mode, NULL);
        _kedja_timeline_append_rect (snapshot, &strike, x + 3, mid - 0.75, w - 6, 1.5);
        break;
      }
    case KEY_CONFIRMED:
    case KEY_UNCONFIRMED:
      {
        double size = kedja_timeline_layout_get_metrics (scene->layout)->badge_size;

        _kedja_timeline_append_line (snapshot, &p->handover, x, mid, x + w, mid,
                                     scene->meeting_mode ? 3 : 2, key->key == KEY_UNCONFIRMED);
        if (key->key == KEY_CONFIRMED)
          _kedja_timeline_append_icon (cache, scene, snapshot, ICON_CHECK, x + w / 2 - size / 2,
                                       mid - size / 2);
        break;
      }
    case KEY_SEVERITY:
      _kedja_timeline_append_rect (snapshot, &p->severity_tint[key->value], x, y, w, h);
      _kedja_timeline_append_hatch (snapshot, &r, key->value, &p->severity[key->value],
                                    scene->meeting_mode);
      _kedja_timeline_append_rect (snapshot, &p->severity[key->value], x, y, 2, h);
      _kedja_timeline_append_rect (snapshot, &p->severity[key->value], x + w - 2, y, 2, h);
      break;
    case KEY_TODAY:
      _kedja_timeline_append_rect (snapshot, &p->today, x + w / 2 - 1, y - 2, 2, h + 4);
      break;
    case KEY_FOLLOW_UP:
      _kedja_timeline_append_icon (cache, scene, snapshot, ICON_FOLLOW_UP, x + w / 2, mid);
      break;
    case KEY_MEETING:
      _kedja_timeline_append_icon (cache, scene, snapshot, ICON_MEETING, x + w / 2, mid);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Lays the keys out in rows across @scene's width; draws them when
 * @snapshot is given. Returns the legend's height. */
static double
flow_legend (KedjaTimelineDrawCache   *cache,
             const KedjaTimelineScene *scene,
             GtkSnapshot              *snapshot)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (scene->layout);
  double pad = scene->meeting_mode ? 14 : 10;
  double swatch_w = scene->meeting_mode ? 34 : 26, swatch_h = scene->meeting_mode ? 18 : 14;
  double row_h = scene->meeting_mode ? 28 : 22;
  double x = m->label_width, y = pad, right = MAX (scene->width - pad, x + 200);
  Key keys[KEDJA_TIMELINE_N_KINDS + 16];
  guint n = collect_keys (scene, keys, G_N_ELEMENTS (keys));

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = _kedja_timeline_draw_label (cache, scene, FONT_LEGEND, keys[i].label);
      int label_w, label_h;
      double item_w;

      pango_layout_get_pixel_size (label, &label_w, &label_h);
      item_w = swatch_w + 8 + label_w;
      if (keys[i].group && x > m->label_width)
        x += pad * 2;
      if (x + item_w > right && x > m->label_width)
        {
          x = m->label_width;
          y += row_h;
        }
      if (snapshot != NULL)
        {
          draw_key (cache, scene, snapshot, &keys[i], x, y + (row_h - swatch_h) / 2, swatch_w,
                    swatch_h);
          _kedja_timeline_append_layout_at (snapshot, label, &scene->palette->text,
                                            x + swatch_w + 8, y + (row_h - label_h) / 2);
        }
      x += item_w + pad * 1.5;
    }
  return y + row_h + pad;
}

GskRenderNode *
_kedja_timeline_draw_legend (KedjaTimelineDrawCache   *cache,
                             const KedjaTimelineScene *scene)
{
  GtkSnapshot *snapshot;
  double height;

  if (cache->legend != NULL && cache->legend_width == scene->width)
    return cache->legend;
  g_clear_pointer (&cache->legend, gsk_render_node_unref);

  height = flow_legend (cache, scene, NULL);
  snapshot = gtk_snapshot_new ();
  _kedja_timeline_append_rect (snapshot, &scene->palette->chrome, 0, 0, scene->width, height);
  _kedja_timeline_append_rect (snapshot, &scene->palette->separator, 0, 0, scene->width, 1);
  {
    /* TRANSLATORS: the heading of the timeline's key to its colours and marks */
    PangoLayout *title = _kedja_timeline_draw_label (cache, scene, FONT_LANE, _("Key"));
    _kedja_timeline_append_layout_at (snapshot, title, &scene->palette->text, 14,
                                      scene->meeting_mode ? 14 : 10);
  }
  flow_legend (cache, scene, snapshot);

  cache->legend = gtk_snapshot_free_to_node (snapshot);
  cache->legend_width = scene->width;
  cache->legend_height = height;
  return cache->legend;
}

double
_kedja_timeline_legend_height (KedjaTimelineDrawCache   *cache,
                               const KedjaTimelineScene *scene)
{
  if (scene->layout == NULL || scene->plan == NULL)
    return 0;
  _kedja_timeline_draw_cache_validate (cache, scene);
  if (cache->legend != NULL && cache->legend_width == scene->width)
    return cache->legend_height;
  return flow_legend (cache, scene, NULL);
}
