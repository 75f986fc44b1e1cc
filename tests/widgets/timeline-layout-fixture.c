/* timeline-layout-fixture.c — plans, views and lane lookups for the timeline layout's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "timeline-layout-fixture.h"

/* Views =================================================================== */

KedjaTimelineMetrics
normal_metrics (void)
{
  KedjaTimelineMetrics metrics;

  kedja_timeline_metrics_init (&metrics, FALSE);
  return metrics;
}

KedjaTimelineView
make_view (double first_day,
           double px_per_day,
           double width)
{
  KedjaTimelineMetrics metrics = normal_metrics ();

  return (KedjaTimelineView) {
    .first_day = first_day,
    .px_per_day = px_per_day,
    .time_left = metrics.label_width,
    .width = width,
  };
}

/* Plans =================================================================== */

KedjaPlan *
new_plan (void)
{
  return kedja_plan_new ("plan-timeline-test", NULL, "Timeline test");
}

KedjaStep *
add_step (KedjaPlan  *plan,
          const char *id,
          KedjaPhase  phase,
          KedjaDate   start,
          KedjaDate   end)
{
  KedjaStep *step = kedja_step_new (id, phase, id ? id : "step");

  step->planned_start = start;
  step->planned_end = end;
  g_ptr_array_add (plan->steps, step);
  return step;
}

/* Items and lanes ========================================================= */

const KedjaTimelineItem *
item_of_step (const KedjaTimelineLayout *layout,
              guint                      index)
{
  int item = kedja_timeline_layout_find_step (layout, index);

  g_assert_cmpint (item, >=, 0);
  return kedja_timeline_layout_get_item (layout, (guint) item);
}

guint
item_index (const KedjaTimelineLayout *layout,
            guint                      index)
{
  int item = kedja_timeline_layout_find_step (layout, index);

  g_assert_cmpint (item, >=, 0);
  return (guint) item;
}

double
lane_y (const KedjaTimelineLayout *layout,
        KedjaPhase                 lane)
{
  double y;

  kedja_timeline_layout_get_lane (layout, lane, &y, NULL);
  return y;
}

double
lane_height (const KedjaTimelineLayout *layout,
             KedjaPhase                 lane)
{
  double height;

  kedja_timeline_layout_get_lane (layout, lane, NULL, &height);
  return height;
}

double
expected_lane_height (const KedjaTimelineMetrics *m,
                      guint                       rows)
{
  return 2 * m->lane_padding + rows * m->bar_height + (rows - 1) * m->row_gap;
}
