/* test-timeline-layout-lanes.c — the timeline's lanes, rows, bars and culling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a plan's steps go: lanes in chain order, overlapping steps stacked
 * in rows, each bar's rectangle (actual dates over planned ones,
 * open-ended steps up to the horizon), and which items a view has to
 * draw. Conventions and helpers are in timeline-layout-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include <stdarg.h>

#include "timeline-layout-fixture.h"

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

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/layout/lanes/order", test_lanes_order);
  g_test_add_func ("/widgets/layout/lanes/empty-plan", test_lanes_empty_plan);
  g_test_add_func ("/widgets/layout/stacking/overlap", test_stacking_overlap);
  g_test_add_func ("/widgets/layout/stacking/touching", test_stacking_touching);
  g_test_add_func ("/widgets/layout/stacking/lanes-apart", test_stacking_lanes_apart);

  g_test_add_func ("/widgets/layout/bars/rect", test_bar_rect);
  g_test_add_func ("/widgets/layout/bars/open-ended", test_bar_open_ended);

  g_test_add_func ("/widgets/layout/cull/small", test_cull_small);
  g_test_add_func ("/widgets/layout/cull/many", test_cull_many);

  return g_test_run ();
}
