/* kedja-timeline-bands.c — every gap the analysis finds, impossible to miss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finding with an interval is a band across its lane: a tint, hatching
 * whose pattern says the severity (crossed: critical, one way: warning,
 * sparse the other way: notice), hard edges in the severity's colour where
 * the gap starts and ends, and an icon with the gap's length in days. A
 * mark that would land on a bar is pinned on that bar as a badge instead.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-draw-private.h"

/* Gap bands =============================================================== */

static const char *
band_label (const KedjaFinding *finding,
            char               *buf,
            gsize               size)
{
  if (finding->days == 0)
    return NULL;
  /* TRANSLATORS: the length of a gap, written in its band on the timeline */
  g_snprintf (buf, size, g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", finding->days),
              finding->days);
  return buf;
}

/* The band's hatching and edges; its marks come in a later layer. */
static void
draw_band (Frame *f,
           guint  i)
{
  const KedjaTimelineBand *band = kedja_timeline_layout_get_band (f->layout, i);
  const KedjaFinding *finding = &g_array_index (f->scene->findings, KedjaFinding, band->finding);
  KedjaSeverity severity = finding->severity;
  const GdkRGBA *color = &f->p->severity[severity];
  double x, y, w, h;

  kedja_timeline_layout_get_band_rect (f->layout, &f->view, i, &x, &y, &w, &h);
  if (!_kedja_frame_x_visible (f, x, x + w) || y > f->bottom || y + h < f->top)
    return;

  /* Hard edges: where the gap starts and ends is the point. Under the
   * fill, which is inset: two nodes, not three. */
  _kedja_timeline_append_rect (f->snapshot, color, x, y, w, h);
  if (w > 4)
    _kedja_timeline_append_band_fill (f->cache, f->scene, f->snapshot,
                                      &GRAPHENE_RECT_INIT (x + 2, y, w - 4, h), severity);
  if (f->scene->hover.kind == KEDJA_TIMELINE_HIT_BAND && f->scene->hover.index == i)
    {
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), 0);
      gtk_snapshot_append_border (f->snapshot, &outline, (float[4]) { 3, 3, 3, 3 },
                                  (GdkRGBA[4]) { *color, *color, *color, *color });
    }
}

/* Where a band's icon goes: at its start (kept in sight when the start
 * has scrolled away), or, when the band is too narrow to hold it, over its
 * middle — a warning or critical finding is marked however short it is.
 * FALSE: no icon (a narrow notice, or nothing of it in sight). */
static gboolean
band_icon_x (Frame               *f,
             const KedjaFinding  *finding,
             double               x,
             double               w,
             double              *icon_x,
             gboolean            *inside)
{
  double size = f->m->badge_size;

  *icon_x = MAX (x, f->view.time_left) + 6;
  *inside = *icon_x + size + 4 <= x + w;
  if (*inside)
    return TRUE;
  *icon_x = x + w / 2 - size / 2;
  return finding->severity != KEDJA_SEVERITY_NOTICE && _kedja_frame_x_visible (f, x + w / 2, x + w / 2);
}

/* The band's icon, and how long the gap is, beside the first row. */
static void
draw_band_marks (Frame *f,
                 guint  i)
{
  const KedjaTimelineBand *band = kedja_timeline_layout_get_band (f->layout, i);
  const KedjaFinding *finding = &g_array_index (f->scene->findings, KedjaFinding, band->finding);
  KedjaSeverity severity = finding->severity;
  double x, y, w, h, icon_x, middle, size = f->m->badge_size;
  gboolean inside;
  char buf[64];
  const char *text;

  kedja_timeline_layout_get_band_rect (f->layout, &f->view, i, &x, &y, &w, &h);
  if (!_kedja_frame_x_visible (f, x, x + w) || y > f->bottom || y + h < f->top
      || g_array_index (f->cache->band_hosted, gboolean, i)
      || !band_icon_x (f, finding, x, w, &icon_x, &inside))
    return;

  middle = y + f->m->lane_padding + f->m->bar_height / 2;
  _kedja_timeline_append_icon (f->cache, f->scene, f->snapshot, (IconKind) severity, icon_x,
                               middle - size / 2);
  if (!inside)
    return;

  text = band_label (finding, buf, sizeof buf);
  if (text != NULL)
    {
      PangoLayout *label = _kedja_timeline_draw_label (f->cache, f->scene, FONT_BAND, text);
      double lx = icon_x + size + 8;
      int lw, lh;
      GskRoundedRect pill;

      pango_layout_get_pixel_size (label, &lw, &lh);
      if (lx + lw + 8 > x + w)
        return;
      /* On a plain pill: text over stripes is hard to read. */
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (lx - 5, middle - lh / 2.0 - 2,
                                                                   lw + 10, lh + 4),
                                       (lh + 4) / 2.0f);
      gtk_snapshot_push_rounded_clip (f->snapshot, &pill);
      gtk_snapshot_append_color (f->snapshot, &f->p->background, &pill.bounds);
      gtk_snapshot_pop (f->snapshot);
      _kedja_timeline_append_layout_at (f->snapshot, label, &f->p->text, lx, middle - lh / 2.0);
    }
}

void
_kedja_frame_bands (Frame *f)
{
  guint n = kedja_timeline_layout_get_n_bands (f->layout);

  /* Findings come critical first: drawn in reverse, critical ends on top. */
  for (guint i = n; i > 0; i--)
    draw_band (f, i - 1);
}

/* Marks of warnings and critical findings go over the bars and connectors:
 * they must not be missed. A notice's stay under the bars, whose text
 * matters more than an overlap of a few days. */
void
_kedja_frame_band_marks (Frame    *f,
                         gboolean  over_bars)
{
  guint n = kedja_timeline_layout_get_n_bands (f->layout);

  for (guint i = n; i > 0; i--)
    {
      const KedjaTimelineBand *band = kedja_timeline_layout_get_band (f->layout, i - 1);
      KedjaSeverity severity = g_array_index (f->scene->findings, KedjaFinding,
                                              band->finding).severity;

      if ((severity != KEDJA_SEVERITY_NOTICE) == over_bars)
        draw_band_marks (f, i - 1);
    }
}

/* Where a warning's or critical finding's mark would sit (the start of its
 * band, first row) a bar may lie: a handover released before it was taken
 * over spans the receiving step. The mark then goes on that bar as a
 * badge, after its own, and its title moves along: nothing is hidden. */
void
_kedja_frame_host_band_marks (Frame *f)
{
  guint n = kedja_timeline_layout_get_n_bands (f->layout);
  GArray *visible = f->cache->visible;
  double size = f->m->badge_size;

  g_array_set_size (f->cache->hosted, 0);
  g_array_set_size (f->cache->band_hosted, 0);
  g_array_set_size (f->cache->band_hosted, n);

  for (guint i = 0; i < n; i++)
    {
      const KedjaTimelineBand *band = kedja_timeline_layout_get_band (f->layout, i);
      const KedjaFinding *finding = &g_array_index (f->scene->findings, KedjaFinding, band->finding);
      double x, y, w, h, spot_x, spot_y;
      gboolean inside;

      if (finding->severity == KEDJA_SEVERITY_NOTICE || band->lane < 0)
        continue;
      kedja_timeline_layout_get_band_rect (f->layout, &f->view, i, &x, &y, &w, &h);
      if (!_kedja_frame_x_visible (f, x, x + w) || !band_icon_x (f, finding, x, w, &spot_x, &inside))
        continue;
      spot_x += size / 2;
      spot_y = y + f->m->lane_padding + f->m->bar_height / 2;

      for (guint v = 0; v < visible->len; v++)
        {
          guint item = g_array_index (visible, guint, v);
          const KedjaTimelineItem *it = kedja_timeline_layout_get_item (f->layout, item);
          double bx, by, bw, bh;
          HostedMark mark = { item, it->n_badges, finding->severity, i };

          if ((int) it->lane != band->lane)
            continue;
          kedja_timeline_layout_get_bar (f->layout, &f->view, item, &bx, &by, &bw, &bh);
          if (spot_x < bx || spot_x >= bx + bw || spot_y < by || spot_y >= by + bh)
            continue;

          for (guint m = 0; m < f->cache->hosted->len; m++)
            mark.slot += g_array_index (f->cache->hosted, HostedMark, m).item == item;
          g_array_append_val (f->cache->hosted, mark);
          g_array_index (f->cache->band_hosted, gboolean, i) = TRUE;
          break;
        }
    }
}

/* How many badges @item carries: its own and those pinned on it. */
guint
_kedja_frame_n_badges_on (Frame                   *f,
                          guint                    item,
                          const KedjaTimelineItem *it)
{
  guint n = it->n_badges;

  for (guint m = 0; m < f->cache->hosted->len; m++)
    n += g_array_index (f->cache->hosted, HostedMark, m).item == item;
  return n;
}

/* For the pointer (kedja-timeline-input.c): which pinned mark is under it,
 * as the last frame placed them. */
int
_kedja_timeline_draw_cache_hosted_band_at (KedjaTimelineDrawCache    *cache,
                                           const KedjaTimelineLayout *layout,
                                           guint                      layout_serial,
                                           const KedjaTimelineView   *view,
                                           double                     x,
                                           double                     y)
{
  guint n_items = kedja_timeline_layout_get_n_items (layout);

  if (!cache->valid || cache->layout_serial != layout_serial)
    return -1;

  for (guint m = 0; m < cache->hosted->len; m++)
    {
      const HostedMark *mark = &g_array_index (cache->hosted, HostedMark, m);
      double bx, by, size;

      if (mark->item >= n_items || mark->band >= kedja_timeline_layout_get_n_bands (layout))
        continue;
      kedja_timeline_layout_get_item_badge_rect (layout, view, mark->item, mark->slot, &bx, &by,
                                                 &size);
      if (x >= bx && x < bx + size && y >= by && y < by + size)
        return (int) mark->band;
    }
  return -1;
}
