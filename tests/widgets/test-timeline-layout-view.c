/* test-timeline-layout-view.c — the timeline's metrics, days ⇄ pixels, zoom and axis ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view on its own: where a day lies at a zoom and scroll, and back,
 * across a year end and a leap day; zooming about a point and fitting a
 * span; the axis ticks for days, weeks and months, in English and in
 * Swedish. Conventions and helpers are in timeline-layout-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include <string.h>

#include "kedja-test-lang.h"
#include "timeline-layout-fixture.h"

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

  g_test_add_func ("/widgets/layout/ticks/days", test_ticks_days);
  g_test_add_func ("/widgets/layout/ticks/weeks", test_ticks_weeks);
  g_test_add_func ("/widgets/layout/ticks/months", test_ticks_months);
  g_test_add_func ("/widgets/layout/ticks/swedish", test_ticks_swedish);

  return g_test_run ();
}
