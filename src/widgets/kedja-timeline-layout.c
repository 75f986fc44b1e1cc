/* kedja-timeline-layout.c — where everything of a care chain goes on the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is arithmetic on days and pixels: no GTK, so the tests
 * and the benchmarks run without a display. A layout is made once per plan
 * (and again after each edit, which is cheap); the view — scroll position
 * and zoom — is a separate small struct, so scrolling and zooming never lay
 * anything out again.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "kedja-timeline-layout.h"

/* Days shown beyond the latest date a plan names, so that the end of the
 * chain (and what is missing after it) is not squeezed against the edge. */
#define HORIZON_MARGIN 14

typedef struct {
  const KedjaHandover *handover;
  guint                from_item;
  guint                to_item;
} Connector;

struct _KedjaTimelineLayout
{
  KedjaTimelineMetrics metrics;
  const KedjaPlan     *plan;
  GArray              *findings;
  KedjaDate            first;
  KedjaDate            horizon;

  GArray  *items;          /* KedjaTimelineItem, by start, then plan order */
  int     *item_of_step;   /* plan->steps->len entries: item or -1 */
  double  *max_end;        /* max end of items[0..i]: culling's search */
  double   lane_y[KEDJA_N_PHASES];
  double   lane_height[KEDJA_N_PHASES];
  double   height;

  GArray  *connectors;     /* Connector */
  GArray  *bands;          /* KedjaTimelineBand */
  GArray  *badges;         /* KedjaTimelineBadge */
};

/* Metrics ================================================================= */

void
kedja_timeline_metrics_init (KedjaTimelineMetrics *metrics,
                             gboolean              meeting_mode)
{
  g_return_if_fail (metrics != NULL);

  if (meeting_mode)
    *metrics = (KedjaTimelineMetrics) {
      .label_width = 200, .axis_height = 60, .bar_height = 52, .row_gap = 10,
      .lane_padding = 12, .edge_width = 0, .badge_size = 30,
    };
  else
    *metrics = (KedjaTimelineMetrics) {
      .label_width = 160, .axis_height = 48, .bar_height = 36, .row_gap = 6,
      .lane_padding = 8, .edge_width = 6, .badge_size = 22,
    };
}

/* Laying out a plan ======================================================= */

static void
widen (KedjaDate *first,
       KedjaDate *last,
       KedjaDate  date)
{
  if (date == KEDJA_DATE_NONE)
    return;
  if (*first == KEDJA_DATE_NONE || date < *first)
    *first = date;
  if (*last == KEDJA_DATE_NONE || date > *last)
    *last = date;
}

/* From the first date the plan names to a little after the last one,
 * today and the follow-up included: a step that runs on is drawn to there. */
static void
find_span (KedjaTimelineLayout *self,
           KedjaDate            today)
{
  const KedjaPlan *plan = self->plan;
  KedjaDate first = KEDJA_DATE_NONE, last = KEDJA_DATE_NONE;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      widen (&first, &last, kedja_step_get_start (step));
      widen (&first, &last, kedja_step_get_end (step));
    }
  widen (&first, &last, plan->need_recorded);
  widen (&first, &last, plan->follow_up);
  widen (&first, &last, today);
  for (guint i = 0; i < plan->meetings->len; i++)
    widen (&first, &last, ((KedjaMeeting *) g_ptr_array_index (plan->meetings, i))->date);
  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (self->findings, KedjaFinding, i);
      widen (&first, &last, f->start);
      widen (&first, &last, f->end);
    }

  self->first = first;
  self->horizon = last + HORIZON_MARGIN;
}

static int
compare_items (const void *pa,
               const void *pb)
{
  const KedjaTimelineItem *a = pa, *b = pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static void
collect_items (KedjaTimelineLayout *self)
{
  const KedjaPlan *plan = self->plan;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      KedjaTimelineItem item = { .step = step, .index = i, .lane = step->phase };

      item.start = kedja_step_get_start (step);
      if (item.start == KEDJA_DATE_NONE || (guint) step->phase >= KEDJA_N_PHASES)
        continue;  /* nowhere to draw it */
      item.end = kedja_step_get_end (step);
      item.open_ended = item.end == KEDJA_DATE_NONE;
      if (item.open_ended)
        item.end = MAX (self->horizon, item.start);
      else if (item.end < item.start)
        item.end = item.start;
      g_array_append_val (self->items, item);
    }
  g_array_sort (self->items, compare_items);

  self->item_of_step = g_new (int, MAX (plan->steps->len, 1));
  for (guint i = 0; i < plan->steps->len; i++)
    self->item_of_step[i] = -1;
  self->max_end = g_new (double, MAX (self->items->len, 1));
  for (guint i = 0; i < self->items->len; i++)
    {
      const KedjaTimelineItem *item = &g_array_index (self->items, KedjaTimelineItem, i);

      self->item_of_step[item->index] = (int) i;
      self->max_end[i] = MAX (i > 0 ? self->max_end[i - 1] : -G_MAXDOUBLE, (double) item->end);
    }
}

/* Overlapping steps of a lane go in rows: each takes the first row that is
 * free by its start (interval partitioning over items already in start
 * order, so the fewest rows that can hold them). */
static void
stack_rows (KedjaTimelineLayout *self)
{
  GArray *row_ends[KEDJA_N_PHASES];
  const KedjaTimelineMetrics *m = &self->metrics;
  double y = m->axis_height;

  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    row_ends[lane] = g_array_new (FALSE, FALSE, sizeof (KedjaDate));

  for (guint i = 0; i < self->items->len; i++)
    {
      KedjaTimelineItem *item = &g_array_index (self->items, KedjaTimelineItem, i);
      GArray *ends = row_ends[item->lane];
      guint row = 0;

      while (row < ends->len && g_array_index (ends, KedjaDate, row) >= item->start)
        row++;
      if (row == ends->len)
        g_array_append_val (ends, item->end);
      else
        g_array_index (ends, KedjaDate, row) = item->end;
      item->row = row;
    }

  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    {
      guint rows = MAX (1, row_ends[lane]->len);

      self->lane_y[lane] = y;
      self->lane_height[lane] = 2 * m->lane_padding + rows * m->bar_height
                                + (rows - 1) * m->row_gap;
      y += self->lane_height[lane];
      g_array_unref (row_ends[lane]);
    }
  self->height = y;
}

static void
collect_connectors (KedjaTimelineLayout *self)
{
  const KedjaPlan *plan = self->plan;
  g_autoptr(GHashTable) step_items = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->items->len; i++)
    {
      const KedjaTimelineItem *item = &g_array_index (self->items, KedjaTimelineItem, i);
      g_hash_table_insert (step_items, item->step->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);
      guint from = handover->from_step_id
                     ? GPOINTER_TO_UINT (g_hash_table_lookup (step_items, handover->from_step_id))
                     : 0;
      guint to = handover->to_step_id
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (step_items, handover->to_step_id))
                   : 0;
      Connector connector = { handover, from - 1, to - 1 };

      if (from != 0 && to != 0)
        g_array_append_val (self->connectors, connector);
    }
}

int
kedja_timeline_finding_lane (const KedjaFinding *finding)
{
  if (finding->next_step != NULL)
    return finding->next_step->phase;
  if (finding->step != NULL)
    return finding->step->phase;
  return -1;
}

static void
collect_findings (KedjaTimelineLayout *self)
{
  const KedjaPlan *plan = self->plan;
  guint plan_badges = 0;
  g_autofree guint *step_badges = g_new0 (guint, MAX (plan->steps->len, 1));

  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (self->findings, KedjaFinding, i);

      if (f->start != KEDJA_DATE_NONE)
        {
          KedjaTimelineBand band = {
            .finding = i,
            .lane = kedja_timeline_finding_lane (f),
            .start = f->start,
            .end = f->end != KEDJA_DATE_NONE ? MAX (f->end, f->start) : self->horizon,
          };
          g_array_append_val (self->bands, band);
          continue;
        }

      KedjaTimelineBadge badge = { .finding = i, .item = -1 };
      if (f->step != NULL)
        {
          /* The step's place in plan->steps: the finding holds its pointer. */
          for (guint s = 0; s < plan->steps->len; s++)
            if (g_ptr_array_index (plan->steps, s) == f->step)
              {
                badge.item = self->item_of_step[s];
                if (badge.item >= 0)
                  badge.slot = step_badges[s]++;
                break;
              }
        }
      if (badge.item < 0)
        badge.slot = plan_badges++;
      else
        g_array_index (self->items, KedjaTimelineItem, badge.item).n_badges++;
      g_array_append_val (self->badges, badge);
    }
}

KedjaTimelineLayout *
kedja_timeline_layout_new (const KedjaPlan            *plan,
                           GArray                     *findings,
                           KedjaDate                   today,
                           const KedjaTimelineMetrics *metrics)
{
  KedjaTimelineLayout *self;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (today != KEDJA_DATE_NONE, NULL);
  g_return_val_if_fail (findings == NULL
                        || g_array_get_element_size (findings) == sizeof (KedjaFinding), NULL);

  self = g_new0 (KedjaTimelineLayout, 1);
  self->plan = plan;
  self->findings = findings;
  if (metrics != NULL)
    self->metrics = *metrics;
  else
    kedja_timeline_metrics_init (&self->metrics, FALSE);
  self->items = g_array_new (FALSE, FALSE, sizeof (KedjaTimelineItem));
  self->connectors = g_array_new (FALSE, FALSE, sizeof (Connector));
  self->bands = g_array_new (FALSE, FALSE, sizeof (KedjaTimelineBand));
  self->badges = g_array_new (FALSE, FALSE, sizeof (KedjaTimelineBadge));

  find_span (self, today);
  collect_items (self);
  stack_rows (self);
  collect_connectors (self);
  collect_findings (self);
  return self;
}

void
kedja_timeline_layout_free (KedjaTimelineLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_array_unref (self->connectors);
  g_array_unref (self->bands);
  g_array_unref (self->badges);
  g_free (self->item_of_step);
  g_free (self->max_end);
  g_free (self);
}

/* Questions about a layout ================================================ */

const KedjaTimelineMetrics *
kedja_timeline_layout_get_metrics (const KedjaTimelineLayout *self)
{
  return &self->metrics;
}

void
kedja_timeline_layout_get_span (const KedjaTimelineLayout *self,
                                KedjaDate                 *first,
                                KedjaDate                 *last)
{
  if (first)
    *first = self->first;
  if (last)
    *last = self->horizon;
}

double
kedja_timeline_layout_get_height (const KedjaTimelineLayout *self)
{
  return self->height;
}

void
kedja_timeline_layout_get_lane (const KedjaTimelineLayout *self,
                                KedjaPhase                 lane,
                                double                    *y,
                                double                    *height)
{
  g_return_if_fail ((guint) lane < KEDJA_N_PHASES);

  if (y)
    *y = self->lane_y[lane];
  if (height)
    *height = self->lane_height[lane];
}

guint
kedja_timeline_layout_get_n_items (const KedjaTimelineLayout *self)
{
  return self->items->len;
}

const KedjaTimelineItem *
kedja_timeline_layout_get_item (const KedjaTimelineLayout *self,
                                guint                      item)
{
  g_return_val_if_fail (item < self->items->len, NULL);
  return &g_array_index (self->items, KedjaTimelineItem, item);
}

int
kedja_timeline_layout_find_step (const KedjaTimelineLayout *self,
                                 guint                      index)
{
  if (index >= self->plan->steps->len)
    return -1;
  return self->item_of_step[index];
}

void
kedja_timeline_layout_get_bar (const KedjaTimelineLayout *self,
                               const KedjaTimelineView   *view,
                               guint                      item,
                               double                    *x,
                               double                    *y,
                               double                    *width,
                               double                    *height)
{
  const KedjaTimelineItem *it = kedja_timeline_layout_get_item (self, item);
  const KedjaTimelineMetrics *m = &self->metrics;
  double left;

  g_return_if_fail (it != NULL);

  left = kedja_timeline_view_x_for_date (view, it->start);
  if (x)
    *x = left;
  if (width)
    *width = kedja_timeline_view_x_for_date (view, it->end + 1) - left;
  if (y)
    *y = self->lane_y[it->lane] + m->lane_padding + it->row * (m->bar_height + m->row_gap);
  if (height)
    *height = m->bar_height;
}

guint
kedja_timeline_layout_get_n_handovers (const KedjaTimelineLayout *self)
{
  return self->connectors->len;
}

static void
bar_middle_y (const KedjaTimelineLayout *self,
              const KedjaTimelineView   *view,
              guint                      item,
              double                    *left,
              double                    *right,
              double                    *middle)
{
  double x, y, w, h;

  kedja_timeline_layout_get_bar (self, view, item, &x, &y, &w, &h);
  *left = x;
  *right = x + w;
  *middle = y + h / 2;
}

const KedjaHandover *
kedja_timeline_layout_get_handover (const KedjaTimelineLayout *self,
                                    const KedjaTimelineView   *view,
                                    guint                      i,
                                    double                    *x1,
                                    double                    *y1,
                                    double                    *x2,
                                    double                    *y2)
{
  const Connector *c;
  double left, right, middle;

  g_return_val_if_fail (i < self->connectors->len, NULL);
  c = &g_array_index (self->connectors, Connector, i);

  bar_middle_y (self, view, c->from_item, &left, &right, &middle);
  if (x1)
    *x1 = right;
  if (y1)
    *y1 = middle;
  bar_middle_y (self, view, c->to_item, &left, &right, &middle);
  if (x2)
    *x2 = left;
  if (y2)
    *y2 = middle;
  return c->handover;
}

guint
kedja_timeline_layout_get_n_bands (const KedjaTimelineLayout *self)
{
  return self->bands->len;
}

const KedjaTimelineBand *
kedja_timeline_layout_get_band (const KedjaTimelineLayout *self,
                                guint                      band)
{
  g_return_val_if_fail (band < self->bands->len, NULL);
  return &g_array_index (self->bands, KedjaTimelineBand, band);
}

void
kedja_timeline_layout_get_band_rect (const KedjaTimelineLayout *self,
                                     const KedjaTimelineView   *view,
                                     guint                      band,
                                     double                    *x,
                                     double                    *y,
                                     double                    *width,
                                     double                    *height)
{
  const KedjaTimelineBand *b = kedja_timeline_layout_get_band (self, band);
  double left, top, bottom;

  g_return_if_fail (b != NULL);

  left = kedja_timeline_view_x_for_date (view, b->start);
  if (b->lane < 0)
    {
      top = self->metrics.axis_height;
      bottom = self->height;
    }
  else
    {
      top = self->lane_y[b->lane];
      bottom = top + self->lane_height[b->lane];
    }
  if (x)
    *x = left;
  if (width)
    *width = kedja_timeline_view_x_for_date (view, b->end + 1) - left;
  if (y)
    *y = top;
  if (height)
    *height = bottom - top;
}

guint
kedja_timeline_layout_get_n_badges (const KedjaTimelineLayout *self)
{
  return self->badges->len;
}

const KedjaTimelineBadge *
kedja_timeline_layout_get_badge (const KedjaTimelineLayout *self,
                                 guint                      badge)
{
  g_return_val_if_fail (badge < self->badges->len, NULL);
  return &g_array_index (self->badges, KedjaTimelineBadge, badge);
}

/* A step's badges sit inside its bar, at its start, before its title. */
void
kedja_timeline_layout_get_item_badge_rect (const KedjaTimelineLayout *self,
                                           const KedjaTimelineView   *view,
                                           guint                      item,
                                           guint                      slot,
                                           double                    *x,
                                           double                    *y,
                                           double                    *size)
{
  const KedjaTimelineMetrics *m = &self->metrics;
  double gap = m->badge_size / 8;
  double bar_x, bar_y, bar_w, bar_h;

  g_return_if_fail (item < self->items->len);

  kedja_timeline_layout_get_bar (self, view, item, &bar_x, &bar_y, &bar_w, &bar_h);
  if (x)
    *x = bar_x + gap * 2 + slot * (m->badge_size + gap);
  if (y)
    *y = bar_y + (bar_h - m->badge_size) / 2;
  if (size)
    *size = m->badge_size;
}

/* The plan's own badges sit in the corner above the lane labels. */
void
kedja_timeline_layout_get_badge_rect (const KedjaTimelineLayout *self,
                                      const KedjaTimelineView   *view,
                                      guint                      badge,
                                      double                    *x,
                                      double                    *y,
                                      double                    *size)
{
  const KedjaTimelineBadge *b = kedja_timeline_layout_get_badge (self, badge);
  const KedjaTimelineMetrics *m = &self->metrics;
  double gap = m->badge_size / 8;

  g_return_if_fail (b != NULL);

  if (b->item >= 0)
    {
      kedja_timeline_layout_get_item_badge_rect (self, view, b->item, b->slot, x, y, size);
      return;
    }
  if (x)
    *x = gap * 2 + b->slot * (m->badge_size + gap);
  if (y)
    *y = (m->axis_height - m->badge_size) / 2;
  if (size)
    *size = m->badge_size;
}

/* Culling: items are in start order and max_end[i] is the latest end among
 * the first i + 1, so the first item that can reach the view is found by a
 * binary search; the scan stops at the first item starting after it. */
void
kedja_timeline_layout_visible_items (const KedjaTimelineLayout *self,
                                     const KedjaTimelineView   *view,
                                     GArray                    *out)
{
  KedjaDate first = kedja_timeline_view_date_at_x (view, view->time_left);
  KedjaDate last = kedja_timeline_view_last_date (view);
  guint lo = 0, hi = self->items->len;

  g_return_if_fail (out != NULL && g_array_get_element_size (out) == sizeof (guint));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->max_end[mid] < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < self->items->len; i++)
    {
      const KedjaTimelineItem *item = &g_array_index (self->items, KedjaTimelineItem, i);

      if (item->start > last)
        break;
      if (item->end >= first)
        g_array_append_val (out, i);
    }
}

/* Hit testing ============================================================= */

static gboolean
inside (double px,
        double py,
        double x,
        double y,
        double w,
        double h)
{
  return px >= x && px < x + w && py >= y && py < y + h;
}

/* How far (@px, @py) is from the segment (x1, y1)–(x2, y2). */
static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / length2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

/* A connector can be picked up this close to its line. */
#define HANDOVER_REACH 5.0

KedjaTimelineHit
kedja_timeline_layout_hit_test (const KedjaTimelineLayout *self,
                                const KedjaTimelineView   *view,
                                double                     x,
                                double                     y)
{
  const KedjaTimelineMetrics *m = &self->metrics;
  KedjaTimelineHit hit = { KEDJA_TIMELINE_HIT_NONE, 0, KEDJA_DATE_NONE };
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));

  if (x >= view->time_left)
    hit.date = kedja_timeline_view_date_at_x (view, x);

  for (guint i = 0; i < self->badges->len; i++)
    {
      double bx, by, size;

      kedja_timeline_layout_get_badge_rect (self, view, i, &bx, &by, &size);
      if (inside (x, y, bx, by, size, size))
        return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_BADGE, i, hit.date };
    }

  /* Bars: the one drawn last (latest in start order) is on top. */
  kedja_timeline_layout_visible_items (self, view, visible);
  for (guint v = visible->len; v > 0; v--)
    {
      guint i = g_array_index (visible, guint, v - 1);
      double bx, by, bw, bh;

      kedja_timeline_layout_get_bar (self, view, i, &bx, &by, &bw, &bh);
      if (!inside (x, y, bx, by, bw, bh) || x < view->time_left)
        continue;
      /* Edges only where the bar is wide enough to keep a middle. */
      if (m->edge_width > 0 && bw >= 3 * m->edge_width)
        {
          if (x < bx + m->edge_width)
            return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_BAR_START, i, hit.date };
          if (x >= bx + bw - m->edge_width)
            return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_BAR_END, i, hit.date };
        }
      return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_BAR, i, hit.date };
    }

  if (x >= view->time_left)
    {
      for (guint i = 0; i < self->connectors->len; i++)
        {
          double x1, y1, x2, y2;

          kedja_timeline_layout_get_handover (self, view, i, &x1, &y1, &x2, &y2);
          /* Two bars that meet have their mark across the joint, from
           * above the bars to below them (kedja-timeline-frame.c): what
           * is not bar there is the handover's. */
          if (hypot (x2 - x1, y2 - y1) < 1.5 * m->badge_size)
            {
              double top = MIN (y1, y2), bottom = MAX (y1, y2);

              y1 = top - m->bar_height / 2 - KEDJA_TIMELINE_JOINT_OVERHANG;
              y2 = bottom + m->bar_height / 2 + KEDJA_TIMELINE_JOINT_OVERHANG;
              x1 = x2;
            }
          else if (view->px_per_day < KEDJA_TIMELINE_ELBOW_BELOW_PX_PER_DAY && y1 != y2)
            {
              /* Zoomed far out, an elbow: its level part, then (below)
               * its upright one. */
              if (distance_to_segment (x, y, x1, y1, x2, y1) <= HANDOVER_REACH)
                return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_HANDOVER, i, hit.date };
              x1 = x2;
            }
          if (distance_to_segment (x, y, x1, y1, x2, y2) <= HANDOVER_REACH)
            return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_HANDOVER, i, hit.date };
        }

      for (guint i = 0; i < self->bands->len; i++)
        {
          double bx, by, bw, bh;

          kedja_timeline_layout_get_band_rect (self, view, i, &bx, &by, &bw, &bh);
          if (inside (x, y, bx, by, bw, bh))
            return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_BAND, i, hit.date };
        }
    }

  if (y < m->axis_height)
    {
      if (x >= view->time_left)
        hit.kind = KEDJA_TIMELINE_HIT_AXIS;
      return hit;
    }
  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    if (y >= self->lane_y[lane] && y < self->lane_y[lane] + self->lane_height[lane])
      {
        if (x >= view->time_left)
          return (KedjaTimelineHit) { KEDJA_TIMELINE_HIT_LANE, lane, hit.date };
        break;
      }
  return hit;
}
