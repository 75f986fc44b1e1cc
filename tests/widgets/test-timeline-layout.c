/* test-timeline-layout.c — the timeline's geometry, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected values follow the conventions of kedja-timeline-layout.h,
 * worked out by hand: time starts at x = label_width, day d covers
 * [x(d), x(d + 1)), a step from s to e covers [x(s), x(e + 1)). Where a
 * value depends on the metrics it is written with them, never copied from
 * the implementation.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "kedja-core.h"
#include "kedja-test-lang.h"
#include "kedja-timeline-layout.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

/* Exact in binary for every value used here; the looser one is for sums
 * of fractions that are not. */
#define EXACT 1e-9
#define CLOSE 1e-6

#define DETOX_ID  "step-detox"
#define TREAT_ID  "step-treatment"
#define CLINIC_ID "agency-clinic"
#define HOME_ID   "agency-home"

/* Helpers ================================================================= */

static KedjaTimelineMetrics
normal_metrics (void)
{
  KedjaTimelineMetrics metrics;

  kedja_timeline_metrics_init (&metrics, FALSE);
  return metrics;
}

static KedjaTimelineView
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

static KedjaPlan *
new_plan (void)
{
  return kedja_plan_new ("plan-timeline-test", NULL, "Timeline test");
}

static KedjaStep *
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

static const KedjaTimelineItem *
item_of_step (const KedjaTimelineLayout *layout,
              guint                      index)
{
  int item = kedja_timeline_layout_find_step (layout, index);

  g_assert_cmpint (item, >=, 0);
  return kedja_timeline_layout_get_item (layout, (guint) item);
}

static guint
item_index (const KedjaTimelineLayout *layout,
            guint                      index)
{
  int item = kedja_timeline_layout_find_step (layout, index);

  g_assert_cmpint (item, >=, 0);
  return (guint) item;
}

static double
lane_y (const KedjaTimelineLayout *layout,
        KedjaPhase                 lane)
{
  double y;

  kedja_timeline_layout_get_lane (layout, lane, &y, NULL);
  return y;
}

static double
lane_height (const KedjaTimelineLayout *layout,
             KedjaPhase                 lane)
{
  double height;

  kedja_timeline_layout_get_lane (layout, lane, NULL, &height);
  return height;
}

/* A lane holding @rows rows of bars, as the metrics describe it. */
static double
expected_lane_height (const KedjaTimelineMetrics *m,
                      guint                       rows)
{
  return 2 * m->lane_padding + rows * m->bar_height + (rows - 1) * m->row_gap;
}

static double
square (double v)
{
  return v * v;
}

/* Metrics ================================================================= */

static void
test_meeting_metrics (void)
{
  KedjaTimelineMetrics normal, meeting;
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) small = NULL;
  g_autoptr(KedjaTimelineLayout) large = NULL;

  kedja_timeline_metrics_init (&normal, FALSE);
  kedja_timeline_metrics_init (&meeting, TRUE);

  /* Larger text and bars for a projector. */
  g_assert_cmpfloat (meeting.bar_height, >, normal.bar_height);
  g_assert_cmpfloat (meeting.label_width, >, normal.label_width);
  g_assert_cmpfloat (meeting.axis_height, >, normal.axis_height);
  g_assert_cmpfloat (meeting.badge_size, >, normal.badge_size);
  g_assert_cmpfloat (meeting.lane_padding, >=, normal.lane_padding);
  g_assert_cmpfloat (meeting.row_gap, >=, normal.row_gap);
  g_assert_cmpfloat (normal.bar_height, >, 0);
  g_assert_cmpfloat (normal.edge_width, >, 0);

  add_step (plan, DETOX_ID, KEDJA_PHASE_DETOX, D (2026, 9, 1), D (2026, 9, 10));
  small = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &normal);
  large = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &meeting);

  g_assert_cmpfloat (kedja_timeline_layout_get_metrics (large)->bar_height, ==, meeting.bar_height);
  g_assert_cmpfloat (kedja_timeline_layout_get_metrics (small)->bar_height, ==, normal.bar_height);
  g_assert_cmpfloat (lane_height (large, KEDJA_PHASE_DETOX), >, lane_height (small, KEDJA_PHASE_DETOX));
  g_assert_cmpfloat (kedja_timeline_layout_get_height (large), >,
                     kedja_timeline_layout_get_height (small));
}

/* Days and pixels ========================================================= */

static void
test_x_for_date (void)
{
  KedjaTimelineView view;

  /* 40 px a day, scrolled a quarter day into 1 Sep. */
  view = make_view (D (2026, 9, 1) + 0.25, 40, 1000);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 9, 1)), 150, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 9, 2)), 190, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 9, 11)), 550, EXACT);

  /* Half a pixel a day: a year is 182.5 px. */
  view = make_view (D (2026, 1, 1), 0.5, 1000);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 1, 1)), 160, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 3, 1)), 189.5, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2027, 1, 1)), 342.5, EXACT);

  /* 6 px a day across the year end, half a day scrolled. */
  view = make_view (D (2026, 12, 28) + 0.5, 6, 1000);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 12, 28)), 157, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2027, 1, 1)), 181, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2027, 1, 2)), 187, EXACT);

  /* The widest zoom, three quarters into New Year's Eve. */
  view = make_view (D (2026, 12, 31) + 0.75, 160, 1000);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 12, 31)), 40, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2027, 1, 1)), 200, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2027, 1, 2)), 360, EXACT);
}

static void
test_date_at_x (void)
{
  KedjaTimelineView view;

  /* 1 Sep covers [150, 190): its last pixel is 189. */
  view = make_view (D (2026, 9, 1) + 0.25, 40, 1000);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 160), ==, D (2026, 9, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 150), ==, D (2026, 9, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 189), ==, D (2026, 9, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 189.999), ==, D (2026, 9, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 190), ==, D (2026, 9, 2));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 549), ==, D (2026, 9, 10));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 550), ==, D (2026, 9, 11));

  /* Two days a pixel: 1 Jan 2027 covers [342.5, 343). */
  view = make_view (D (2026, 1, 1), 0.5, 1000);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 342.4), ==, D (2026, 12, 31));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 342.5), ==, D (2027, 1, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 342.9), ==, D (2027, 1, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 343), ==, D (2027, 1, 2));

  /* 1 Jan 2027 covers [181, 187) at 6 px a day. */
  view = make_view (D (2026, 12, 28) + 0.5, 6, 1000);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 180), ==, D (2026, 12, 31));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 181), ==, D (2027, 1, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 186), ==, D (2027, 1, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 187), ==, D (2027, 1, 2));

  /* 1 Jan 2027 covers [200, 360) at 160 px a day. */
  view = make_view (D (2026, 12, 31) + 0.75, 160, 1000);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 199), ==, D (2026, 12, 31));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 200), ==, D (2027, 1, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 359), ==, D (2027, 1, 1));
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 360), ==, D (2027, 1, 2));
}

static const double zooms[] = { 0.5, 6, 40, 160 };
static const double scrolls[] = { 0, 0.1, 0.25, 0.37, 0.5, 0.9, 0.999 };

/* Every day from @first to @last, at every zoom and scroll: the day at a
 * column's first pixel and at its last one is that column's day. */
static void
check_round_trip (KedjaDate first,
                  KedjaDate last)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint s = 0; s < G_N_ELEMENTS (scrolls); s++)
      {
        KedjaTimelineView view = make_view (first - 5 + scrolls[s], zooms[z], 1000);
        /* The last pixel of a column, or inside it when a day is narrower. */
        double inset = zooms[z] >= 1 ? 1 : zooms[z] / 2;

        for (KedjaDate d = first; d <= last; d++)
          {
            double x = kedja_timeline_view_x_for_date (&view, d);
            double next = kedja_timeline_view_x_for_date (&view, d + 1);

            g_assert_cmpfloat_with_epsilon (next - x, zooms[z], CLOSE);
            g_assert_cmpint (kedja_timeline_view_date_at_x (&view, x), ==, d);
            g_assert_cmpint (kedja_timeline_view_date_at_x (&view, next - inset), ==, d);
          }
      }
}

static void
test_round_trip_year_end (void)
{
  g_assert_cmpint (D (2027, 1, 1) - D (2026, 12, 31), ==, 1);
  check_round_trip (D (2026, 12, 20), D (2027, 1, 10));
}

static void
test_round_trip_leap_day (void)
{
  KedjaTimelineView view = make_view (D (2028, 2, 20) + 0.5, 40, 1000);

  g_assert_true (kedja_date_valid_ymd (2028, 2, 29));
  g_assert_cmpint (D (2028, 3, 1) - D (2028, 2, 28), ==, 2);
  /* 28 Feb to 1 Mar is two days wide in a leap year. */
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2028, 3, 1))
                                  - kedja_timeline_view_x_for_date (&view, D (2028, 2, 28)),
                                  80, EXACT);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, kedja_timeline_view_x_for_date (&view, D (2028, 2, 29)) + 39),
                   ==, D (2028, 2, 29));
  check_round_trip (D (2028, 2, 20), D (2028, 3, 10));
}

static void
test_last_date (void)
{
  /* 840 px of time at 40 px a day: exactly 21 days, 1 to 21 Sep. */
  KedjaTimelineView view = make_view (D (2026, 9, 1), 40, 1000);

  g_assert_cmpint (kedja_timeline_view_last_date (&view), ==, D (2026, 9, 21));

  /* Scrolled half a day, 22 Sep shows its first 20 px. */
  view.first_day += 0.5;
  g_assert_cmpint (kedja_timeline_view_last_date (&view), ==, D (2026, 9, 22));

  /* Two days a pixel: 840 px hold 1680 days. */
  view = make_view (D (2026, 1, 1), 0.5, 1000);
  g_assert_cmpint (kedja_timeline_view_last_date (&view), ==, D (2026, 1, 1) + 1679);
}

/* Zoom and fit ============================================================ */

static double
day_under (const KedjaTimelineView *view,
           double                   x)
{
  return view->first_day + (x - view->time_left) / view->px_per_day;
}

static void
test_zoom_at (void)
{
  KedjaTimelineView view = make_view (D (2026, 9, 1) + 0.3, 6, 1200);
  KedjaTimelineView unzoomed = view;
  double before = day_under (&view, 517);
  KedjaDate date = kedja_timeline_view_date_at_x (&view, 517);

  kedja_timeline_view_zoom_at (&view, 517, 2);
  g_assert_cmpfloat_with_epsilon (view.px_per_day, 12, EXACT);
  g_assert_cmpfloat_with_epsilon (day_under (&view, 517), before, CLOSE);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 517), ==, date);
  /* The day under the pointer is the only fixed point: elsewhere days move. */
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, 1100), <,
                   kedja_timeline_view_date_at_x (&unzoomed, 1100));

  kedja_timeline_view_zoom_at (&view, 517, 0.5);
  g_assert_cmpfloat_with_epsilon (view.px_per_day, 6, EXACT);
  g_assert_cmpfloat_with_epsilon (view.first_day, D (2026, 9, 1) + 0.3, CLOSE);

  /* At the left edge of the time area, the first day stays put. */
  kedja_timeline_view_zoom_at (&view, view.time_left, 4);
  g_assert_cmpfloat_with_epsilon (view.px_per_day, 24, EXACT);
  g_assert_cmpfloat_with_epsilon (view.first_day, D (2026, 9, 1) + 0.3, CLOSE);
}

static void
test_zoom_limits (void)
{
  KedjaTimelineView view = make_view (D (2026, 9, 1) + 0.3, 100, 1200);
  double before = day_under (&view, 700);
  double first;

  kedja_timeline_view_zoom_at (&view, 700, 4);
  g_assert_cmpfloat (view.px_per_day, ==, KEDJA_TIMELINE_MAX_PX_PER_DAY);
  g_assert_cmpfloat_with_epsilon (day_under (&view, 700), before, CLOSE);

  /* Zooming in further changes nothing. */
  first = view.first_day;
  kedja_timeline_view_zoom_at (&view, 300, 2);
  g_assert_cmpfloat (view.px_per_day, ==, KEDJA_TIMELINE_MAX_PX_PER_DAY);
  g_assert_cmpfloat_with_epsilon (view.first_day, first, CLOSE);

  view = make_view (D (2026, 9, 1), 0.5, 1200);
  before = day_under (&view, 900);
  kedja_timeline_view_zoom_at (&view, 900, 0.01);
  g_assert_cmpfloat (view.px_per_day, ==, KEDJA_TIMELINE_MIN_PX_PER_DAY);
  g_assert_cmpfloat_with_epsilon (day_under (&view, 900), before, CLOSE);
}

static void
test_fit (void)
{
  /* 840 px of time. */
  KedjaTimelineView view = make_view (D (2020, 1, 1), 3, 1000);

  /* 21 days: 40 px each, from the first pixel of time to the last. */
  kedja_timeline_view_fit (&view, D (2026, 9, 1), D (2026, 9, 21));
  g_assert_cmpfloat_with_epsilon (view.px_per_day, 40, EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 9, 1)), 160, CLOSE);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 9, 22)), 1000, CLOSE);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, view.time_left), ==, D (2026, 9, 1));
  g_assert_cmpint (kedja_timeline_view_last_date (&view), ==, D (2026, 9, 21));

  /* A year, at a zoom that is not a round number. */
  kedja_timeline_view_fit (&view, D (2026, 1, 1), D (2026, 12, 31));
  g_assert_cmpfloat_with_epsilon (view.px_per_day, 840.0 / 365, CLOSE);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2026, 1, 1)), 160, CLOSE);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_view_x_for_date (&view, D (2027, 1, 1)), 1000, CLOSE);
  g_assert_cmpint (kedja_timeline_view_date_at_x (&view, view.time_left), ==, D (2026, 1, 1));
  g_assert_cmpint (kedja_timeline_view_last_date (&view), ==, D (2026, 12, 31));

  /* Two days would be 420 px each: the zoom stops at its limit and both
   * days are still in sight. */
  kedja_timeline_view_fit (&view, D (2026, 9, 1), D (2026, 9, 2));
  g_assert_cmpfloat (view.px_per_day, ==, KEDJA_TIMELINE_MAX_PX_PER_DAY);
  g_assert_cmpfloat (kedja_timeline_view_x_for_date (&view, D (2026, 9, 1)), >=, view.time_left - CLOSE);
  g_assert_cmpfloat (kedja_timeline_view_x_for_date (&view, D (2026, 9, 3)), <=, view.width + CLOSE);

  /* Ten years would need less than the smallest zoom. */
  kedja_timeline_view_fit (&view, D (2020, 1, 1), D (2029, 12, 31));
  g_assert_cmpfloat (view.px_per_day, ==, KEDJA_TIMELINE_MIN_PX_PER_DAY);
}

/* Lanes and rows ========================================================== */

static void
check_lanes_in_order (const KedjaTimelineLayout *layout)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (layout);
  double y = m->axis_height;

  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    {
      /* Each lane starts where the one above it ends, in chain order. */
      g_assert_cmpfloat_with_epsilon (lane_y (layout, lane), y, EXACT);
      g_assert_cmpfloat (lane_height (layout, lane), >=, expected_lane_height (m, 1) - EXACT);
      y += lane_height (layout, lane);
    }
  g_assert_cmpfloat_with_epsilon (kedja_timeline_layout_get_height (layout), y, EXACT);
}

static void
test_lanes_order (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineMetrics m = normal_metrics ();

  /* Steps given out of chain order; only two lanes have any. */
  add_step (plan, "housing", KEDJA_PHASE_HOUSING, D (2026, 10, 1), D (2026, 12, 1));
  add_step (plan, "health", KEDJA_PHASE_HEALTH, D (2026, 9, 1), KEDJA_DATE_NONE);
  add_step (plan, "detox", KEDJA_PHASE_DETOX, D (2026, 9, 1), D (2026, 9, 10));
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &m);

  check_lanes_in_order (layout);
  g_assert_cmpfloat (lane_y (layout, KEDJA_PHASE_DETOX), <, lane_y (layout, KEDJA_PHASE_TREATMENT));
  g_assert_cmpfloat (lane_y (layout, KEDJA_PHASE_TREATMENT), <, lane_y (layout, KEDJA_PHASE_HOUSING));
  g_assert_cmpfloat (lane_y (layout, KEDJA_PHASE_HOUSING), <, lane_y (layout, KEDJA_PHASE_EMPLOYMENT));
  g_assert_cmpfloat (lane_y (layout, KEDJA_PHASE_EMPLOYMENT), <, lane_y (layout, KEDJA_PHASE_SUPPORT));
  g_assert_cmpfloat (lane_y (layout, KEDJA_PHASE_SUPPORT), <, lane_y (layout, KEDJA_PHASE_HEALTH));

  /* One row each, empty or not. */
  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    g_assert_cmpfloat_with_epsilon (lane_height (layout, lane), expected_lane_height (&m, 1), EXACT);

  g_assert_cmpuint (kedja_timeline_layout_get_n_items (layout), ==, 3);
  g_assert_cmpint (item_of_step (layout, 0)->lane, ==, KEDJA_PHASE_HOUSING);
  g_assert_cmpint (item_of_step (layout, 1)->lane, ==, KEDJA_PHASE_HEALTH);
  g_assert_cmpint (item_of_step (layout, 2)->lane, ==, KEDJA_PHASE_DETOX);
}

static void
test_lanes_empty_plan (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  KedjaTimelineMetrics meeting;
  g_autoptr(KedjaTimelineLayout) layout = NULL;

  kedja_timeline_metrics_init (&meeting, TRUE);
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &meeting);

  g_assert_cmpuint (kedja_timeline_layout_get_n_items (layout), ==, 0);
  check_lanes_in_order (layout);
  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    g_assert_cmpfloat_with_epsilon (lane_height (layout, lane), expected_lane_height (&meeting, 1), EXACT);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_layout_get_height (layout),
                                  meeting.axis_height + KEDJA_N_PHASES * expected_lane_height (&meeting, 1),
                                  EXACT);
}

static void
test_stacking_overlap (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineMetrics m = normal_metrics ();

  add_step (plan, "a", KEDJA_PHASE_TREATMENT, D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, "b", KEDJA_PHASE_TREATMENT, D (2026, 9, 5), D (2026, 9, 20));
  add_step (plan, "c", KEDJA_PHASE_TREATMENT, D (2026, 9, 8), D (2026, 9, 15));
  /* Starts the day after "a" ends, while "b" and "c" still run. */
  add_step (plan, "d", KEDJA_PHASE_TREATMENT, D (2026, 9, 11), D (2026, 9, 25));
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &m);

  g_assert_cmpuint (item_of_step (layout, 0)->row, ==, 0);
  g_assert_cmpuint (item_of_step (layout, 1)->row, ==, 1);
  g_assert_cmpuint (item_of_step (layout, 2)->row, ==, 2);
  g_assert_cmpuint (item_of_step (layout, 3)->row, ==, 0);

  /* Three rows in the treatment lane, one in the others. */
  g_assert_cmpfloat_with_epsilon (lane_height (layout, KEDJA_PHASE_TREATMENT),
                                  2 * m.lane_padding + 3 * m.bar_height + 2 * m.row_gap, EXACT);
  g_assert_cmpfloat_with_epsilon (lane_height (layout, KEDJA_PHASE_DETOX), expected_lane_height (&m, 1), EXACT);
  g_assert_cmpfloat_with_epsilon (lane_height (layout, KEDJA_PHASE_HOUSING), expected_lane_height (&m, 1), EXACT);
  check_lanes_in_order (layout);
}

static void
test_stacking_touching (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineMetrics m = normal_metrics ();

  add_step (plan, "flat", KEDJA_PHASE_HOUSING, D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, "home", KEDJA_PHASE_HOUSING, D (2026, 9, 11), D (2026, 9, 30));
  /* Sharing a single day is an overlap. */
  add_step (plan, "work", KEDJA_PHASE_EMPLOYMENT, D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, "study", KEDJA_PHASE_EMPLOYMENT, D (2026, 9, 10), D (2026, 9, 30));
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &m);

  g_assert_cmpuint (item_of_step (layout, 0)->row, ==, 0);
  g_assert_cmpuint (item_of_step (layout, 1)->row, ==, 0);
  g_assert_cmpfloat_with_epsilon (lane_height (layout, KEDJA_PHASE_HOUSING), expected_lane_height (&m, 1), EXACT);

  g_assert_cmpuint (item_of_step (layout, 2)->row, ==, 0);
  g_assert_cmpuint (item_of_step (layout, 3)->row, ==, 1);
  g_assert_cmpfloat_with_epsilon (lane_height (layout, KEDJA_PHASE_EMPLOYMENT), expected_lane_height (&m, 2), EXACT);
}

static void
test_stacking_lanes_apart (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineView view = make_view (D (2026, 8, 25), 6, 1200);
  KedjaTimelineMetrics m = normal_metrics ();
  guint n;

  /* The same days in every lane, twice in treatment. */
  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    add_step (plan, NULL, lane, D (2026, 9, 1), D (2026, 9, 30));
  add_step (plan, NULL, KEDJA_PHASE_TREATMENT, D (2026, 9, 1), D (2026, 9, 30));
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &m);

  for (int lane = 0; lane < KEDJA_N_PHASES; lane++)
    {
      g_assert_cmpint (item_of_step (layout, lane)->lane, ==, lane);
      g_assert_cmpuint (item_of_step (layout, lane)->row, ==, 0);
    }
  g_assert_cmpuint (item_of_step (layout, KEDJA_N_PHASES)->row, ==, 1);

  /* No two bars share a pixel row: each lies inside its own lane. */
  n = kedja_timeline_layout_get_n_items (layout);
  for (guint i = 0; i < n; i++)
    {
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (layout, i);
      double y, h;

      kedja_timeline_layout_get_bar (layout, &view, i, NULL, &y, NULL, &h);
      g_assert_cmpfloat (y, >=, lane_y (layout, item->lane));
      g_assert_cmpfloat (y + h, <=, lane_y (layout, item->lane) + lane_height (layout, item->lane));
      for (guint j = i + 1; j < n; j++)
        {
          double y2, h2;

          kedja_timeline_layout_get_bar (layout, &view, j, NULL, &y2, NULL, &h2);
          g_assert_true (y + h <= y2 || y2 + h2 <= y);
        }
    }
}

/* Bars ==================================================================== */

static void
test_bar_rect (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineMetrics m = normal_metrics ();
  /* 1 Sep at 160 + 2.5 × 40 = 260. */
  KedjaTimelineView view = make_view (D (2026, 8, 29) + 0.5, 40, 1200);
  const KedjaTimelineItem *item;
  KedjaStep *step;
  double x, y, w, h;
  double treatment_y;

  add_step (plan, DETOX_ID, KEDJA_PHASE_DETOX, D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, "t1", KEDJA_PHASE_TREATMENT, D (2026, 9, 11), D (2026, 9, 20));
  add_step (plan, "t2", KEDJA_PHASE_TREATMENT, D (2026, 9, 15), D (2026, 9, 15));
  /* Moved: the actual dates are the ones drawn. */
  step = add_step (plan, "late", KEDJA_PHASE_HOUSING, D (2026, 9, 1), D (2026, 9, 30));
  step->actual_start = D (2026, 9, 3);
  step->actual_end = D (2026, 9, 4);
  /* Never dated: not on the timeline. */
  add_step (plan, "undated", KEDJA_PHASE_SUPPORT, KEDJA_DATE_NONE, KEDJA_DATE_NONE);
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), &m);

  g_assert_cmpuint (kedja_timeline_layout_get_n_items (layout), ==, 4);
  g_assert_cmpint (kedja_timeline_layout_find_step (layout, 4), ==, -1);
  g_assert_cmpint (kedja_timeline_layout_find_step (layout, 99), ==, -1);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (item_of_step (layout, i)->index, ==, i);
      g_assert_true (item_of_step (layout, i)->step == g_ptr_array_index (plan->steps, i));
    }

  kedja_timeline_layout_get_bar (layout, &view, item_index (layout, 0), &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 260, EXACT);
  g_assert_cmpfloat_with_epsilon (w, 400, EXACT);
  g_assert_cmpfloat_with_epsilon (y, m.axis_height + m.lane_padding, EXACT);
  g_assert_cmpfloat_with_epsilon (h, m.bar_height, EXACT);

  treatment_y = m.axis_height + expected_lane_height (&m, 1);
  kedja_timeline_layout_get_bar (layout, &view, item_index (layout, 1), &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 660, EXACT);
  g_assert_cmpfloat_with_epsilon (w, 400, EXACT);
  g_assert_cmpfloat_with_epsilon (y, treatment_y + m.lane_padding, EXACT);

  /* A one-day step in the second row. */
  kedja_timeline_layout_get_bar (layout, &view, item_index (layout, 2), &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 820, EXACT);
  g_assert_cmpfloat_with_epsilon (w, 40, EXACT);
  g_assert_cmpfloat_with_epsilon (y, treatment_y + m.lane_padding + m.bar_height + m.row_gap, EXACT);
  g_assert_cmpfloat_with_epsilon (h, m.bar_height, EXACT);

  item = item_of_step (layout, 3);
  g_assert_cmpint (item->start, ==, D (2026, 9, 3));
  g_assert_cmpint (item->end, ==, D (2026, 9, 4));
  g_assert_false (item->open_ended);
  kedja_timeline_layout_get_bar (layout, &view, item_index (layout, 3), &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 340, EXACT);
  g_assert_cmpfloat_with_epsilon (w, 80, EXACT);
  g_assert_cmpfloat_with_epsilon (y, treatment_y + expected_lane_height (&m, 2) + m.lane_padding, EXACT);

  /* Scrolling moves bars sideways only; bars may lie off the widget. */
  view = make_view (D (2026, 9, 21), 6, 1200);
  kedja_timeline_layout_get_bar (layout, &view, item_index (layout, 0), &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 160 - 20 * 6, EXACT);
  g_assert_cmpfloat_with_epsilon (w, 60, EXACT);
  g_assert_cmpfloat_with_epsilon (y, m.axis_height + m.lane_padding, EXACT);
}

static void
test_bar_open_ended (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineView view = make_view (D (2026, 8, 30), 2, 1200);
  const KedjaTimelineItem *item;
  KedjaDate first, last;
  double x, w;

  plan->follow_up = D (2026, 12, 10);
  add_step (plan, DETOX_ID, KEDJA_PHASE_DETOX, D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, "flat", KEDJA_PHASE_HOUSING, D (2026, 9, 11), KEDJA_DATE_NONE);
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 20), NULL);

  /* The horizon lies beyond the latest date the plan names. */
  kedja_timeline_layout_get_span (layout, &first, &last);
  g_assert_cmpint (first, ==, D (2026, 9, 1));
  g_assert_cmpint (last, >, D (2026, 12, 10));

  item = item_of_step (layout, 1);
  g_assert_true (item->open_ended);
  g_assert_cmpint (item->start, ==, D (2026, 9, 11));
  g_assert_cmpint (item->end, ==, last);
  g_assert_false (item_of_step (layout, 0)->open_ended);

  kedja_timeline_layout_get_bar (layout, &view, item_index (layout, 1), &x, NULL, &w, NULL);
  g_assert_cmpfloat_with_epsilon (x, kedja_timeline_view_x_for_date (&view, D (2026, 9, 11)), EXACT);
  g_assert_cmpfloat_with_epsilon (x + w, kedja_timeline_view_x_for_date (&view, last + 1), EXACT);
}

/* Hit testing ============================================================= */

/* Detox 1–10 Sep, inpatient treatment 19 Sep–15 Oct, a confirmed handover
 * between them: an 8-day gap after the detox, 11–18 Sep, and a treatment
 * after which nothing follows (badges on it). */
typedef struct {
  KedjaPlan           *plan;
  GArray              *findings;
  KedjaTimelineLayout *layout;
  KedjaTimelineView    view;
  guint                detox;
  guint                treatment;
} GapFixture;

static void
gap_fixture_set_up (GapFixture    *fixture,
                    gconstpointer  data)
{
  KedjaPlan *plan = new_plan ();
  KedjaStep *step;
  KedjaHandover *handover;
  KedjaDate today = D (2026, 9, 5);

  plan->coordinating_agency_id = g_strdup (CLINIC_ID);
  plan->follow_up = D (2026, 11, 1);
  g_ptr_array_add (plan->agencies, kedja_agency_new (CLINIC_ID, "Beroendekliniken",
                                                     KEDJA_AGENCY_KIND_ADDICTION_CARE));
  g_ptr_array_add (plan->agencies, kedja_agency_new (HOME_ID, "Behandlingshemmet",
                                                     KEDJA_AGENCY_KIND_ADDICTION_CARE));
  g_ptr_array_add (plan->consents, kedja_consent_new (HOME_ID, D (2026, 8, 20),
                                                      KEDJA_CONSENT_FORM_WRITTEN));

  step = add_step (plan, DETOX_ID, KEDJA_PHASE_DETOX, D (2026, 9, 1), D (2026, 9, 10));
  step->agency_id = g_strdup (CLINIC_ID);
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step = add_step (plan, TREAT_ID, KEDJA_PHASE_TREATMENT, D (2026, 9, 19), D (2026, 10, 15));
  step->agency_id = g_strdup (HOME_ID);
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  handover = kedja_handover_new (DETOX_ID, TREAT_ID, D (2026, 9, 10));
  handover->confirmed = today;
  g_ptr_array_add (plan->handovers, handover);

  fixture->plan = plan;
  fixture->findings = kedja_analyse (plan, NULL, today);
  fixture->layout = kedja_timeline_layout_new (plan, fixture->findings, today, NULL);
  /* 1 Sep at x = 280, a day 40 px. */
  fixture->view = make_view (D (2026, 8, 29), 40, 1920);
  fixture->detox = item_index (fixture->layout, 0);
  fixture->treatment = item_index (fixture->layout, 1);
}

static void
gap_fixture_tear_down (GapFixture    *fixture,
                       gconstpointer  data)
{
  kedja_timeline_layout_free (fixture->layout);
  g_array_unref (fixture->findings);
  kedja_plan_unref (fixture->plan);
}

static double
x_of (const GapFixture *fixture,
      KedjaDate         date)
{
  return kedja_timeline_view_x_for_date (&fixture->view, date);
}

static KedjaTimelineHit
hit (const GapFixture *fixture,
     double            x,
     double            y)
{
  return kedja_timeline_layout_hit_test (fixture->layout, &fixture->view, x, y);
}

static void
assert_hit (const GapFixture     *fixture,
            double                x,
            double                y,
            KedjaTimelineHitKind  kind,
            guint                 index)
{
  KedjaTimelineHit result = hit (fixture, x, y);

  g_assert_cmpint (result.kind, ==, kind);
  if (kind != KEDJA_TIMELINE_HIT_NONE && kind != KEDJA_TIMELINE_HIT_AXIS)
    g_assert_cmpuint (result.index, ==, index);
  g_assert_cmpint (result.date, ==, kedja_timeline_view_date_at_x (&fixture->view, x));
}

/* Middle of @item's bar, vertically. */
static double
bar_middle (const GapFixture *fixture,
            guint             item)
{
  double y, h;

  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, item, NULL, &y, NULL, &h);
  return y + h / 2;
}

static void
test_hit_bar_body (GapFixture    *fixture,
                   gconstpointer  data)
{
  double detox_y = bar_middle (fixture, fixture->detox);
  double treatment_y = bar_middle (fixture, fixture->treatment);

  assert_hit (fixture, x_of (fixture, D (2026, 9, 5)) + 3, detox_y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);
  assert_hit (fixture, x_of (fixture, D (2026, 10, 1)), treatment_y, KEDJA_TIMELINE_HIT_BAR, fixture->treatment);
  /* The same x in the treatment lane, above the treatment's bar, is not on it. */
  assert_hit (fixture, x_of (fixture, D (2026, 10, 1)),
              lane_y (fixture->layout, KEDJA_PHASE_TREATMENT) + 1,
              KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_TREATMENT);
  /* The day after the detox, in its lane, is not on it either. */
  assert_hit (fixture, x_of (fixture, D (2026, 9, 11)) + 20, detox_y - 15,
              KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_DETOX);
}

static void
test_hit_bar_edges (GapFixture    *fixture,
                    gconstpointer  data)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (fixture->layout);
  double y = bar_middle (fixture, fixture->detox);
  double left = x_of (fixture, D (2026, 9, 1));
  double right = x_of (fixture, D (2026, 9, 11));

  g_assert_cmpint (kedja_timeline_layout_get_item (fixture->layout, fixture->detox)->n_badges, ==, 0);
  g_assert_cmpfloat (right - left, >=, 3 * m->edge_width);

  assert_hit (fixture, left, y, KEDJA_TIMELINE_HIT_BAR_START, fixture->detox);
  assert_hit (fixture, left + m->edge_width / 2, y, KEDJA_TIMELINE_HIT_BAR_START, fixture->detox);
  assert_hit (fixture, left + m->edge_width * 1.5, y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);
  assert_hit (fixture, right - m->edge_width * 1.5, y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);
  assert_hit (fixture, right - m->edge_width / 2, y, KEDJA_TIMELINE_HIT_BAR_END, fixture->detox);
  assert_hit (fixture, right - 0.01, y, KEDJA_TIMELINE_HIT_BAR_END, fixture->detox);
  /* Just left of the bar is the day before it. */
  assert_hit (fixture, left - 1, y, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_DETOX);
}

static void
test_hit_narrow_bar (GapFixture    *fixture,
                     gconstpointer  data)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (fixture->layout);
  double y = bar_middle (fixture, fixture->detox);
  double x, w;

  /* Ten days narrower than three edges: the whole bar is its body. */
  fixture->view.px_per_day = 2.5 * m->edge_width / 10;
  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, fixture->detox, &x, NULL, &w, NULL);
  g_assert_cmpfloat (w, <, 3 * m->edge_width);
  assert_hit (fixture, x + 1, y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);
  assert_hit (fixture, x + w / 2, y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);
  assert_hit (fixture, x + w - 1, y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);

  /* A little wider than three edges: both edges again. */
  fixture->view.px_per_day = 3.5 * m->edge_width / 10;
  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, fixture->detox, &x, NULL, &w, NULL);
  g_assert_cmpfloat (w, >, 3 * m->edge_width);
  assert_hit (fixture, x + 1, y, KEDJA_TIMELINE_HIT_BAR_START, fixture->detox);
  assert_hit (fixture, x + w / 2, y, KEDJA_TIMELINE_HIT_BAR, fixture->detox);
  assert_hit (fixture, x + w - 1, y, KEDJA_TIMELINE_HIT_BAR_END, fixture->detox);
}

static void
test_hit_handover (GapFixture    *fixture,
                   gconstpointer  data)
{
  const KedjaHandover *handover;
  double x1, y1, x2, y2, bar_y, bar_h;
  double dx, dy, length, nx, ny;

  g_assert_cmpuint (kedja_timeline_layout_get_n_handovers (fixture->layout), ==, 1);
  handover = kedja_timeline_layout_get_handover (fixture->layout, &fixture->view, 0, &x1, &y1, &x2, &y2);
  g_assert_true (handover == g_ptr_array_index (fixture->plan->handovers, 0));

  /* From the detox bar's end to the treatment bar's start. */
  g_assert_cmpfloat_with_epsilon (x1, x_of (fixture, D (2026, 9, 11)), EXACT);
  g_assert_cmpfloat_with_epsilon (x2, x_of (fixture, D (2026, 9, 19)), EXACT);
  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, fixture->detox, NULL, &bar_y, NULL, &bar_h);
  g_assert_cmpfloat (y1, >=, bar_y);
  g_assert_cmpfloat (y1, <=, bar_y + bar_h);
  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, fixture->treatment, NULL, &bar_y, NULL, &bar_h);
  g_assert_cmpfloat (y2, >=, bar_y);
  g_assert_cmpfloat (y2, <=, bar_y + bar_h);

  /* On the segment, at its middle and a quarter of the way. */
  assert_hit (fixture, (x1 + x2) / 2, (y1 + y2) / 2, KEDJA_TIMELINE_HIT_HANDOVER, 0);
  assert_hit (fixture, x1 + (x2 - x1) / 4, y1 + (y2 - y1) / 4, KEDJA_TIMELINE_HIT_HANDOVER, 0);

  /* 10 px off the middle, square to the segment: no longer on it. */
  dx = x2 - x1;
  dy = y2 - y1;
  length = sqrt (square (dx) + square (dy));
  nx = -dy / length * 10;
  ny = dx / length * 10;
  g_assert_cmpint (hit (fixture, (x1 + x2) / 2 + nx, (y1 + y2) / 2 + ny).kind, !=, KEDJA_TIMELINE_HIT_HANDOVER);
  g_assert_cmpint (hit (fixture, (x1 + x2) / 2 - nx, (y1 + y2) / 2 - ny).kind, !=, KEDJA_TIMELINE_HIT_HANDOVER);
}

/* The band of the uncovered days after the detox. */
static guint
find_gap_band (const GapFixture *fixture)
{
  guint n = kedja_timeline_layout_get_n_bands (fixture->layout);

  for (guint i = 0; i < n; i++)
    {
      const KedjaTimelineBand *band = kedja_timeline_layout_get_band (fixture->layout, i);
      const KedjaFinding *finding = &g_array_index (fixture->findings, KedjaFinding, band->finding);

      if (finding->rule == KEDJA_RULE_UNCOVERED_DAYS)
        return i;
    }
  g_assert_not_reached ();
}

/* How far (@x, @y) is from the handover's connector. */
static double
distance_to_handover (const GapFixture *fixture,
                      double            x,
                      double            y)
{
  double x1, y1, x2, y2, t, dx, dy;

  kedja_timeline_layout_get_handover (fixture->layout, &fixture->view, 0, &x1, &y1, &x2, &y2);
  dx = x2 - x1;
  dy = y2 - y1;
  t = CLAMP (((x - x1) * dx + (y - y1) * dy) / (square (dx) + square (dy)), 0.0, 1.0);
  /* Squared is enough to compare with 10 px. */
  return square (x - (x1 + t * dx)) + square (y - (y1 + t * dy));
}

static void
test_hit_gap_band (GapFixture    *fixture,
                   gconstpointer  data)
{
  guint i = find_gap_band (fixture);
  const KedjaTimelineBand *band = kedja_timeline_layout_get_band (fixture->layout, i);
  const KedjaFinding *finding = &g_array_index (fixture->findings, KedjaFinding, band->finding);
  double top = lane_y (fixture->layout, KEDJA_PHASE_TREATMENT);
  double bottom = top + lane_height (fixture->layout, KEDJA_PHASE_TREATMENT);
  double x, y, w, h, inside_y, below_bar;
  KedjaTimelineHit result;

  g_assert_cmpint (finding->severity, ==, KEDJA_SEVERITY_CRITICAL);
  g_assert_cmpuint (finding->days, ==, 8);
  g_assert_cmpint (band->lane, ==, KEDJA_PHASE_TREATMENT);
  g_assert_cmpint (band->start, ==, D (2026, 9, 11));
  g_assert_cmpint (band->end, ==, D (2026, 9, 18));

  /* Across the treatment lane, 8 days × 40 px from 11 Sep. */
  kedja_timeline_layout_get_band_rect (fixture->layout, &fixture->view, i, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 160 + 13 * 40, EXACT);
  g_assert_cmpfloat_with_epsilon (w, 8 * 40, EXACT);
  g_assert_cmpfloat_with_epsilon (y, top, EXACT);
  g_assert_cmpfloat_with_epsilon (h, bottom - top, EXACT);

  /* Low in the lane, below any bar and far from the connector. */
  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, fixture->treatment, NULL, &y, NULL, &h);
  below_bar = y + h;
  inside_y = (below_bar + bottom) / 2;
  g_assert_cmpfloat (below_bar, <, inside_y);
  g_assert_cmpfloat (inside_y, <, bottom);
  for (KedjaDate d = D (2026, 9, 10); d <= D (2026, 9, 19); d++)
    g_assert_cmpfloat (distance_to_handover (fixture, x_of (fixture, d), inside_y), >, 100);

  /* First and last pixel of the band, and its middle: on it. Any band
   * of those days will do (the handover's gap covers them too). */
  for (int k = 0; k < 3; k++)
    {
      double px = k == 0 ? x_of (fixture, D (2026, 9, 11))
                  : k == 1 ? x_of (fixture, D (2026, 9, 15))
                  : x_of (fixture, D (2026, 9, 19)) - 1;

      result = hit (fixture, px, inside_y);
      g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_BAND);
      band = kedja_timeline_layout_get_band (fixture->layout, result.index);
      g_assert_cmpint (band->lane, ==, KEDJA_PHASE_TREATMENT);
      g_assert_cmpint (band->start, ==, D (2026, 9, 11));
      g_assert_cmpint (band->end, ==, D (2026, 9, 18));
    }

  /* Just outside, on each side: the empty lane. */
  assert_hit (fixture, x_of (fixture, D (2026, 9, 11)) - 1, inside_y, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_TREATMENT);
  assert_hit (fixture, x_of (fixture, D (2026, 9, 19)), inside_y, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_TREATMENT);
  /* Just above, in the detox lane, and just below, in the housing lane. */
  g_assert_cmpfloat (distance_to_handover (fixture, x_of (fixture, D (2026, 9, 11)) + 10, top - 1), >, 100);
  assert_hit (fixture, x_of (fixture, D (2026, 9, 11)) + 10, top - 1, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_DETOX);
  assert_hit (fixture, x_of (fixture, D (2026, 9, 15)), bottom, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_HOUSING);
}

static void
test_hit_badge (GapFixture    *fixture,
                gconstpointer  data)
{
  guint n = kedja_timeline_layout_get_n_badges (fixture->layout);
  const KedjaTimelineItem *treatment = kedja_timeline_layout_get_item (fixture->layout, fixture->treatment);
  guint on_treatment = 0;

  /* Nothing continues after the treatment: findings without days, on it. */
  g_assert_cmpint (treatment->n_badges, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      const KedjaTimelineBadge *badge = kedja_timeline_layout_get_badge (fixture->layout, i);
      const KedjaFinding *finding = &g_array_index (fixture->findings, KedjaFinding, badge->finding);
      KedjaTimelineHit result;
      double x, y, size;

      g_assert_cmpint (finding->start, ==, KEDJA_DATE_NONE);
      if (badge->item >= 0)
        g_assert_true (finding->step == kedja_timeline_layout_get_item (fixture->layout, badge->item)->step);
      if (badge->item == (int) fixture->treatment)
        on_treatment++;

      kedja_timeline_layout_get_badge_rect (fixture->layout, &fixture->view, i, &x, &y, &size);
      g_assert_cmpfloat (size, ==, kedja_timeline_layout_get_metrics (fixture->layout)->badge_size);
      result = hit (fixture, x + size / 2, y + size / 2);
      g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_BADGE);
      g_assert_cmpuint (result.index, ==, i);
    }
  g_assert_cmpuint (on_treatment, ==, (guint) treatment->n_badges);
}

static void
test_hit_axis (GapFixture    *fixture,
               gconstpointer  data)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (fixture->layout);
  KedjaTimelineHit result = hit (fixture, x_of (fixture, D (2026, 9, 5)) + 3, m->axis_height / 2);

  g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_AXIS);
  g_assert_cmpint (result.date, ==, D (2026, 9, 5));
  /* Just below the axis is the first lane. */
  assert_hit (fixture, x_of (fixture, D (2026, 9, 30)), m->axis_height, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_DETOX);
}

static void
test_hit_empty_lane (GapFixture    *fixture,
                     gconstpointer  data)
{
  double y = lane_y (fixture->layout, KEDJA_PHASE_EMPLOYMENT) + lane_height (fixture->layout, KEDJA_PHASE_EMPLOYMENT) / 2;
  KedjaTimelineHit result = hit (fixture, x_of (fixture, D (2026, 9, 5)) + 3, y);

  g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_LANE);
  g_assert_cmpuint (result.index, ==, KEDJA_PHASE_EMPLOYMENT);
  g_assert_cmpint (result.date, ==, D (2026, 9, 5));

  y = lane_y (fixture->layout, KEDJA_PHASE_HEALTH) + 1;
  assert_hit (fixture, 1900, y, KEDJA_TIMELINE_HIT_LANE, KEDJA_PHASE_HEALTH);
  /* Below the last lane there is nothing. */
  result = hit (fixture, 700, kedja_timeline_layout_get_height (fixture->layout) + 1);
  g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_NONE);
}

static void
test_hit_label_column (GapFixture    *fixture,
                       gconstpointer  data)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (fixture->layout);
  KedjaTimelineHit result;

  /* Left of the time area, level with the detox bar and with an empty lane:
   * neither a bar nor a lane, and no day. */
  fixture->view.first_day = D (2026, 9, 5);
  g_assert_cmpfloat (x_of (fixture, D (2026, 9, 1)), <, m->label_width);
  result = hit (fixture, m->label_width / 2, bar_middle (fixture, fixture->detox));
  g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_NONE);
  g_assert_cmpint (result.date, ==, KEDJA_DATE_NONE);
  result = hit (fixture, m->label_width - 1, lane_y (fixture->layout, KEDJA_PHASE_SUPPORT) + 5);
  g_assert_cmpint (result.kind, ==, KEDJA_TIMELINE_HIT_NONE);
  g_assert_cmpint (result.date, ==, KEDJA_DATE_NONE);
  /* The first pixel of time is on the bar again. */
  result = hit (fixture, m->label_width, bar_middle (fixture, fixture->detox));
  g_assert_cmpint (result.kind, !=, KEDJA_TIMELINE_HIT_NONE);
  g_assert_cmpint (result.date, ==, D (2026, 9, 5));
}

/* Culling ================================================================= */

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The visible items are exactly those whose days meet the visible days,
 * each once, in start order. Returns how many there are. */
static guint
check_culling (const KedjaTimelineLayout *layout,
               const KedjaTimelineView   *view)
{
  KedjaDate first = kedja_timeline_view_date_at_x (view, view->time_left);
  KedjaDate last = kedja_timeline_view_last_date (view);
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));

  kedja_timeline_layout_visible_items (layout, view, visible);

  for (guint i = 0; i < kedja_timeline_layout_get_n_items (layout); i++)
    {
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (layout, i);

      if (item->start <= last && item->end >= first)
        g_array_append_val (expected, i);
    }

  for (guint v = 1; v < visible->len; v++)
    g_assert_cmpint (kedja_timeline_layout_get_item (layout, g_array_index (visible, guint, v - 1))->start, <=,
                     kedja_timeline_layout_get_item (layout, g_array_index (visible, guint, v))->start);

  sorted = g_array_copy (visible);
  g_array_sort (sorted, compare_uint);
  g_assert_cmpuint (sorted->len, ==, expected->len);
  for (guint v = 0; v < sorted->len; v++)
    g_assert_cmpuint (g_array_index (sorted, guint, v), ==, g_array_index (expected, guint, v));
  return visible->len;
}

/* Asserts that the visible items are the steps at the plan indices given,
 * in that order, ending with -1. */
static void
assert_visible (const KedjaTimelineLayout *layout,
                const KedjaTimelineView   *view,
                ...)
{
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));
  va_list args;
  guint n = 0;
  int index;

  kedja_timeline_layout_visible_items (layout, view, visible);
  va_start (args, view);
  while ((index = va_arg (args, int)) >= 0)
    {
      g_assert_cmpuint (n, <, visible->len);
      g_assert_cmpuint (g_array_index (visible, guint, n), ==, item_index (layout, (guint) index));
      n++;
    }
  va_end (args);
  g_assert_cmpuint (visible->len, ==, n);
  check_culling (layout, view);
}

static void
test_cull_small (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  KedjaTimelineView view;

  add_step (plan, "a", KEDJA_PHASE_DETOX, D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, "b", KEDJA_PHASE_TREATMENT, D (2026, 9, 11), D (2026, 9, 20));
  add_step (plan, "c", KEDJA_PHASE_HOUSING, D (2026, 9, 21), KEDJA_DATE_NONE);
  add_step (plan, "d", KEDJA_PHASE_HEALTH, D (2026, 8, 1), D (2026, 12, 31));
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 9, 5), NULL);

  /* 10 days, 11–20 Sep. */
  view = make_view (D (2026, 9, 11), 40, 560);
  assert_visible (layout, &view, 3, 1, -1);
  /* A sliver of 10 Sep shows at the left. */
  view.first_day = D (2026, 9, 11) - 0.001;
  assert_visible (layout, &view, 3, 0, 1, -1);
  /* Half of 21 Sep shows at the right. */
  view.first_day = D (2026, 9, 11) + 0.5;
  assert_visible (layout, &view, 3, 1, 2, -1);
  /* Before everything, and long after the horizon. */
  view.first_day = D (2026, 1, 1);
  assert_visible (layout, &view, -1);
  view.first_day = D (2028, 1, 1);
  assert_visible (layout, &view, -1);
  /* The whole plan. */
  view = make_view (D (2026, 7, 1), 0.5, 1000);
  assert_visible (layout, &view, 3, 0, 1, 2, -1);
}

static guint32
next_random (guint32 *state)
{
  /* A fixed linear congruential generator: the same plan everywhere. */
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

static void
test_cull_many (void)
{
  g_autoptr(KedjaPlan) plan = new_plan ();
  g_autoptr(KedjaTimelineLayout) layout = NULL;
  static const double cull_zooms[] = { 0.25, 1, 6, 40, 160 };
  static const double widths[] = { 400, 1920 };
  guint32 state = 20260911;
  KedjaDate first, last;
  guint n, partial = 0, empty = 0, views = 0;

  for (guint i = 0; i < 500; i++)
    {
      KedjaDate start = D (2026, 1, 1) + (KedjaDate) (next_random (&state) % 730);
      KedjaDate end = start + (KedjaDate) (next_random (&state) % 90);
      KedjaStep *step;

      if (next_random (&state) % 10 == 0)
        end = KEDJA_DATE_NONE;
      step = add_step (plan, NULL, next_random (&state) % KEDJA_N_PHASES, start, end);
      if (next_random (&state) % 7 == 0)
        step->actual_start = start + (KedjaDate) (next_random (&state) % 5);
    }
  add_step (plan, NULL, KEDJA_PHASE_SUPPORT, KEDJA_DATE_NONE, D (2026, 5, 1));
  layout = kedja_timeline_layout_new (plan, NULL, D (2026, 6, 1), NULL);
  n = kedja_timeline_layout_get_n_items (layout);
  g_assert_cmpuint (n, ==, 500);
  g_assert_cmpint (kedja_timeline_layout_find_step (layout, 500), ==, -1);

  kedja_timeline_layout_get_span (layout, &first, &last);
  for (guint z = 0; z < G_N_ELEMENTS (cull_zooms); z++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint k = 0; k <= 60; k++)
        {
          /* From before the first step to past the horizon, with ever
           * different fractions of a day. */
          double from = first - 40 + k * (last - first + 80) / 60.0 + (k * 0.37 - (int) (k * 0.37));
          KedjaTimelineView view = make_view (from, cull_zooms[z], widths[w]);
          guint visible = check_culling (layout, &view);

          views++;
          if (visible == 0)
            empty++;
          else if (visible < n)
            partial++;
        }

  /* Views right beside an item: one pixel's fraction decides. */
  for (guint i = 0; i < n; i += 7)
    {
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (layout, i);
      KedjaTimelineView view = make_view (item->end + 1, 40, 1000);

      check_culling (layout, &view);
      view.first_day = item->end + 1 - 0.01;
      check_culling (layout, &view);
      /* 21 days, the last the day before the item starts, then a view
       * whose last pixel is in its first day. */
      view.first_day = item->start - 21;
      check_culling (layout, &view);
      view.first_day = item->start - 20.5;
      check_culling (layout, &view);
      views += 4;
    }

  /* The views tried the cases that matter. */
  g_assert_cmpuint (partial, >, views / 4);
  g_assert_cmpuint (empty, >, 0);
}

/* Axis ticks ============================================================== */

static GArray *
ticks_for (const KedjaTimelineView *view)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (KedjaTimelineTick));

  kedja_timeline_view_ticks (view, ticks);
  /* Each on its day, in order, within the visible days. */
  for (guint i = 0; i < ticks->len; i++)
    {
      const KedjaTimelineTick *tick = &g_array_index (ticks, KedjaTimelineTick, i);

      g_assert_cmpfloat_with_epsilon (tick->x, kedja_timeline_view_x_for_date (view, tick->date), EXACT);
      g_assert_cmpint (tick->date, >=, kedja_timeline_view_date_at_x (view, view->time_left));
      g_assert_cmpint (tick->date, <=, kedja_timeline_view_last_date (view));
      if (i > 0)
        g_assert_cmpint (tick->date, >, g_array_index (ticks, KedjaTimelineTick, i - 1).date);
    }
  return ticks;
}

static const KedjaTimelineTick *
tick_at (GArray *ticks,
         guint   i)
{
  g_assert_cmpuint (i, <, ticks->len);
  return &g_array_index (ticks, KedjaTimelineTick, i);
}

static void
assert_month_label (const KedjaTimelineTick *tick,
                    int                      month,
                    const char              *year)
{
  g_assert_true (tick->major);
  g_assert_nonnull (strstr (tick->label, kedja_date_get_month_name (month)));
  g_assert_nonnull (strstr (tick->label, year));
}

static void
test_ticks_days (void)
{
  /* 20 days of 40 px, 25 Aug to 13 Sep. */
  KedjaTimelineView view = make_view (D (2026, 8, 25), 40, 960);
  g_autoptr(GArray) ticks = NULL;

  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_DAYS);
  ticks = ticks_for (&view);
  g_assert_cmpuint (ticks->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      const KedjaTimelineTick *tick = tick_at (ticks, i);

      g_assert_cmpint (tick->date, ==, D (2026, 8, 25) + (KedjaDate) i);
      g_assert_cmpint (tick->major, ==, tick->date == D (2026, 9, 1));
    }
  g_assert_cmpfloat_with_epsilon (tick_at (ticks, 0)->x, view.time_left, EXACT);
  assert_month_label (tick_at (ticks, 7), 9, "2026");
  g_assert_cmpstr (tick_at (ticks, 7)->label, ==, "September 2026");

  /* Across the year end at the widest zoom. */
  view = make_view (D (2026, 12, 30) + 0.5, KEDJA_TIMELINE_MAX_PX_PER_DAY, 1000);
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_DAYS);
  g_clear_pointer (&ticks, g_array_unref);
  ticks = ticks_for (&view);
  /* 840 px from half into 30 Dec: 30 Dec to 4 Jan. */
  g_assert_cmpuint (ticks->len, ==, 6);
  for (guint i = 0; i < ticks->len; i++)
    g_assert_cmpint (tick_at (ticks, i)->major, ==, i == 2);
  g_assert_cmpint (tick_at (ticks, 2)->date, ==, D (2027, 1, 1));
  assert_month_label (tick_at (ticks, 2), 1, "2027");
}

typedef struct {
  KedjaDate   date;
  const char *week;   /* NULL: a month's major tick */
  int         month;
  const char *year;
} ExpectedTick;

static void
assert_ticks (const KedjaTimelineView *view,
              const ExpectedTick      *expected,
              guint                    n)
{
  g_autoptr(GArray) ticks = ticks_for (view);

  g_assert_cmpuint (ticks->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const KedjaTimelineTick *tick = tick_at (ticks, i);

      g_assert_cmpint (tick->date, ==, expected[i].date);
      if (expected[i].week)
        {
          g_assert_false (tick->major);
          g_assert_cmpint (kedja_date_get_weekday (tick->date), ==, 1);
          g_assert_cmpstr (tick->label, ==, expected[i].week);
        }
      else
        assert_month_label (tick, expected[i].month, expected[i].year);
    }
}

static void
test_ticks_weeks (void)
{
  /* 70 days of 6 px, 20 Aug to 28 Oct. */
  KedjaTimelineView view = make_view (D (2026, 8, 20), 6, 580);
  const ExpectedTick autumn[] = {
    { D (2026, 8, 24), "w. 35" }, { D (2026, 8, 31), "w. 36" },
    { D (2026, 9, 1), NULL, 9, "2026" },
    { D (2026, 9, 7), "w. 37" }, { D (2026, 9, 14), "w. 38" },
    { D (2026, 9, 21), "w. 39" }, { D (2026, 9, 28), "w. 40" },
    { D (2026, 10, 1), NULL, 10, "2026" },
    { D (2026, 10, 5), "w. 41" }, { D (2026, 10, 12), "w. 42" },
    { D (2026, 10, 19), "w. 43" }, { D (2026, 10, 26), "w. 44" },
  };
  /* 2026 has 53 ISO weeks; 4 Jan 2027 begins week 1. */
  const ExpectedTick year_end[] = {
    { D (2026, 12, 21), "w. 52" }, { D (2026, 12, 28), "w. 53" },
    { D (2027, 1, 1), NULL, 1, "2027" },
    { D (2027, 1, 4), "w. 1" },
  };
  /* 1 Mar 2027 is a Monday: the month's tick, not the week's. */
  const ExpectedTick monday_first[] = {
    { D (2027, 3, 1), NULL, 3, "2027" },
    { D (2027, 3, 8), "w. 10" },
  };

  g_assert_cmpint (kedja_date_get_weekday (D (2026, 9, 7)), ==, 1);
  g_assert_cmpint (kedja_date_get_week (D (2026, 9, 7)), ==, 37);
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_WEEKS);
  assert_ticks (&view, autumn, G_N_ELEMENTS (autumn));

  view = make_view (D (2026, 12, 20), 6, 160 + 21 * 6);
  assert_ticks (&view, year_end, G_N_ELEMENTS (year_end));

  view = make_view (D (2027, 2, 25), 6, 160 + 14 * 6);
  assert_ticks (&view, monday_first, G_N_ELEMENTS (monday_first));
}

static void
test_ticks_months (void)
{
  /* 400 days of 1 px, 15 Jul 2026 to 18 Aug 2027. */
  KedjaTimelineView view = make_view (D (2026, 7, 15), 1, 560);
  g_autoptr(GArray) ticks = NULL;
  int year = 2026, month = 8;

  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_MONTHS);
  ticks = ticks_for (&view);
  g_assert_cmpuint (ticks->len, ==, 13);
  for (guint i = 0; i < ticks->len; i++)
    {
      const KedjaTimelineTick *tick = tick_at (ticks, i);

      g_assert_cmpint (tick->date, ==, D (year, month, 1));
      g_assert_cmpint (tick->major, ==, month == 1);
      if (++month > 12)
        month = 1, year++;
    }
  g_assert_cmpint (tick_at (ticks, 5)->date, ==, D (2027, 1, 1));
  g_assert_cmpstr (tick_at (ticks, 5)->label, ==, "2027");

  /* Zoomed out as far as it goes: nine years, a major every January,
   * the first on 1 Jan 2025 (half a day of it in sight). */
  view = make_view (D (2025, 1, 1) + 0.5, KEDJA_TIMELINE_MIN_PX_PER_DAY, 1000);
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_MONTHS);
  g_clear_pointer (&ticks, g_array_unref);
  ticks = ticks_for (&view);
  year = 2025, month = 1;
  g_assert_cmpuint (ticks->len, >, 100);
  for (guint i = 0; i < ticks->len; i++)
    {
      const KedjaTimelineTick *tick = tick_at (ticks, i);
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_assert_cmpint (tick->date, ==, D (year, month, 1));
      g_assert_cmpint (tick->major, ==, month == 1);
      if (tick->major)
        g_assert_cmpstr (tick->label, ==, label);
      if (++month > 12)
        month = 1, year++;
    }

  /* The zoom decides the unit. */
  view.px_per_day = KEDJA_TIMELINE_MAX_PX_PER_DAY;
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_DAYS);
  view.px_per_day = 40;
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_DAYS);
  view.px_per_day = 6;
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_WEEKS);
  view.px_per_day = 1;
  g_assert_cmpint (kedja_timeline_view_tick_unit (&view), ==, KEDJA_TIMELINE_TICKS_MONTHS);
}

static void
test_ticks_swedish (void)
{
  KedjaTimelineView view;
  g_autoptr(GArray) ticks = NULL;
  const KedjaTimelineTick *tick;

  if (!kedja_test_in_language ("sv"))
    return;

  view = make_view (D (2026, 8, 25), 40, 960);
  ticks = ticks_for (&view);
  tick = tick_at (ticks, 7);
  g_assert_cmpint (tick->date, ==, D (2026, 9, 1));
  g_assert_true (tick->major);
  g_assert_cmpstr (tick->label, ==, "september 2026");

  view = make_view (D (2026, 8, 20), 6, 580);
  g_clear_pointer (&ticks, g_array_unref);
  ticks = ticks_for (&view);
  tick = tick_at (ticks, 3);
  g_assert_cmpint (tick->date, ==, D (2026, 9, 7));
  g_assert_cmpstr (tick->label, ==, "v. 37");
  g_assert_cmpstr (tick_at (ticks, 2)->label, ==, "september 2026");
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/layout/metrics/meeting-mode", test_meeting_metrics);

  g_test_add_func ("/widgets/layout/view/x-for-date", test_x_for_date);
  g_test_add_func ("/widgets/layout/view/date-at-x", test_date_at_x);
  g_test_add_func ("/widgets/layout/view/round-trip-year-end", test_round_trip_year_end);
  g_test_add_func ("/widgets/layout/view/round-trip-leap-day", test_round_trip_leap_day);
  g_test_add_func ("/widgets/layout/view/last-date", test_last_date);
  g_test_add_func ("/widgets/layout/view/zoom-at", test_zoom_at);
  g_test_add_func ("/widgets/layout/view/zoom-limits", test_zoom_limits);
  g_test_add_func ("/widgets/layout/view/fit", test_fit);

  g_test_add_func ("/widgets/layout/lanes/order", test_lanes_order);
  g_test_add_func ("/widgets/layout/lanes/empty-plan", test_lanes_empty_plan);
  g_test_add_func ("/widgets/layout/stacking/overlap", test_stacking_overlap);
  g_test_add_func ("/widgets/layout/stacking/touching", test_stacking_touching);
  g_test_add_func ("/widgets/layout/stacking/lanes-apart", test_stacking_lanes_apart);

  g_test_add_func ("/widgets/layout/bars/rect", test_bar_rect);
  g_test_add_func ("/widgets/layout/bars/open-ended", test_bar_open_ended);

#define ADD_HIT_TEST(name, func) \
  g_test_add ("/widgets/layout/hit/" name, GapFixture, NULL, \
              gap_fixture_set_up, func, gap_fixture_tear_down)
  ADD_HIT_TEST ("bar-body", test_hit_bar_body);
  ADD_HIT_TEST ("bar-edges", test_hit_bar_edges);
  ADD_HIT_TEST ("narrow-bar", test_hit_narrow_bar);
  ADD_HIT_TEST ("handover", test_hit_handover);
  ADD_HIT_TEST ("gap-band", test_hit_gap_band);
  ADD_HIT_TEST ("badge", test_hit_badge);
  ADD_HIT_TEST ("axis", test_hit_axis);
  ADD_HIT_TEST ("empty-lane", test_hit_empty_lane);
  ADD_HIT_TEST ("label-column", test_hit_label_column);
#undef ADD_HIT_TEST

  g_test_add_func ("/widgets/layout/cull/small", test_cull_small);
  g_test_add_func ("/widgets/layout/cull/many", test_cull_many);

  g_test_add_func ("/widgets/layout/ticks/days", test_ticks_days);
  g_test_add_func ("/widgets/layout/ticks/weeks", test_ticks_weeks);
  g_test_add_func ("/widgets/layout/ticks/months", test_ticks_months);
  g_test_add_func ("/widgets/layout/ticks/swedish", test_ticks_swedish);

  return g_test_run ();
}
