/* test-timeline-layout-hits.c — what lies under a point of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hit testing on one plan with a gap, a handover and badges: bar bodies
 * and their draggable edges, narrow bars, the handover's connector, the
 * gap's band, badges, the axis, empty lanes and the label column.
 * Conventions and helpers are in timeline-layout-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include <math.h>

#include "timeline-layout-fixture.h"

#define TREAT_ID  "step-treatment"
#define CLINIC_ID "agency-clinic"
#define HOME_ID   "agency-home"

static double
square (double v)
{
  return v * v;
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

/* Zoomed far out the handover is an elbow: level from the detox's end at
 * its middle, then upright at the treatment's start. The slanted line
 * between the same ends is no longer the handover's. */
static void
test_hit_elbow_handover (GapFixture    *fixture,
                         gconstpointer  data)
{
  double x1, y1, x2, y2;

  fixture->view.px_per_day = KEDJA_TIMELINE_ELBOW_BELOW_PX_PER_DAY * 0.95;
  kedja_timeline_layout_get_handover (fixture->layout, &fixture->view, 0, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x1, x_of (fixture, D (2026, 9, 11)), EXACT);
  g_assert_cmpfloat_with_epsilon (x2, x_of (fixture, D (2026, 9, 19)), EXACT);
  /* Eight days apart: further than a connector's reach from either part. */
  g_assert_cmpfloat (x2 - x1, >, 14);
  g_assert_cmpfloat (y2 - y1, >, 14);

  assert_hit (fixture, (x1 + x2) / 2, y1, KEDJA_TIMELINE_HIT_HANDOVER, 0);
  assert_hit (fixture, (x1 + x2) / 2, y1 + 3, KEDJA_TIMELINE_HIT_HANDOVER, 0);
  assert_hit (fixture, x2, (y1 + y2) / 2, KEDJA_TIMELINE_HIT_HANDOVER, 0);
  assert_hit (fixture, x2 - 3, y1 + (y2 - y1) / 4, KEDJA_TIMELINE_HIT_HANDOVER, 0);
  g_assert_cmpint (hit (fixture, (x1 + x2) / 2, (y1 + y2) / 2).kind, !=,
                   KEDJA_TIMELINE_HIT_HANDOVER);

  /* At the threshold it is slanted again. */
  fixture->view.px_per_day = KEDJA_TIMELINE_ELBOW_BELOW_PX_PER_DAY;
  kedja_timeline_layout_get_handover (fixture->layout, &fixture->view, 0, &x1, &y1, &x2, &y2);
  assert_hit (fixture, (x1 + x2) / 2, (y1 + y2) / 2, KEDJA_TIMELINE_HIT_HANDOVER, 0);
  g_assert_cmpint (hit (fixture, x2, (y1 + y2) / 2).kind, !=, KEDJA_TIMELINE_HIT_HANDOVER);
}

/* Two bars that meet in one lane (treatment 19 Sep–15 Oct, aftercare from
 * 16 Oct): the handover has no length, and its mark crosses the joint. The
 * bars keep their edges; above and below them the joint is the
 * handover's. */
static void
test_hit_joint_handover (GapFixture    *fixture,
                         gconstpointer  data)
{
  const KedjaTimelineMetrics *m = kedja_timeline_layout_get_metrics (fixture->layout);
  KedjaStep *aftercare;
  double x1, y1, x2, y2, bar_y, bar_h, joint;
  guint after_item;

  aftercare = add_step (fixture->plan, "step-aftercare", KEDJA_PHASE_TREATMENT, D (2026, 10, 16),
                        KEDJA_DATE_NONE);
  aftercare->agency_id = g_strdup (CLINIC_ID);
  g_ptr_array_add (fixture->plan->handovers,
                   kedja_handover_new (TREAT_ID, "step-aftercare", D (2026, 10, 15)));
  kedja_timeline_layout_free (fixture->layout);
  fixture->layout = kedja_timeline_layout_new (fixture->plan, fixture->findings, D (2026, 9, 5),
                                               NULL);
  fixture->view.first_day = D (2026, 10, 10);
  after_item = item_index (fixture->layout, 2);

  g_assert_cmpuint (kedja_timeline_layout_get_n_handovers (fixture->layout), ==, 2);
  kedja_timeline_layout_get_handover (fixture->layout, &fixture->view, 1, &x1, &y1, &x2, &y2);
  joint = x_of (fixture, D (2026, 10, 16));
  g_assert_cmpfloat_with_epsilon (x1, joint, EXACT);
  g_assert_cmpfloat_with_epsilon (x2, joint, EXACT);
  g_assert_cmpfloat_with_epsilon (y1, y2, EXACT);
  kedja_timeline_layout_get_bar (fixture->layout, &fixture->view, after_item, NULL, &bar_y, NULL,
                                 &bar_h);

  /* On the bars: their edges, for resizing. */
  assert_hit (fixture, joint - 1, y1, KEDJA_TIMELINE_HIT_BAR_END, fixture->treatment);
  assert_hit (fixture, joint + 1, y1, KEDJA_TIMELINE_HIT_BAR_START, after_item);
  /* Just above and just below them, on the mark: the handover. */
  assert_hit (fixture, joint, bar_y - 2, KEDJA_TIMELINE_HIT_HANDOVER, 1);
  assert_hit (fixture, joint + 3, bar_y + bar_h + 2, KEDJA_TIMELINE_HIT_HANDOVER, 1);
  /* Beyond the mark's reach: not. */
  g_assert_cmpint (hit (fixture, joint, bar_y - KEDJA_TIMELINE_JOINT_OVERHANG - 6).kind, !=,
                   KEDJA_TIMELINE_HIT_HANDOVER);
  g_assert_cmpint (hit (fixture, joint + 8, bar_y - 2).kind, !=, KEDJA_TIMELINE_HIT_HANDOVER);
  g_assert_cmpfloat (m->row_gap + m->lane_padding, >, KEDJA_TIMELINE_JOINT_OVERHANG);
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

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD_HIT_TEST(name, func) \
  g_test_add ("/widgets/layout/hit/" name, GapFixture, NULL, \
              gap_fixture_set_up, func, gap_fixture_tear_down)
  ADD_HIT_TEST ("bar-body", test_hit_bar_body);
  ADD_HIT_TEST ("bar-edges", test_hit_bar_edges);
  ADD_HIT_TEST ("narrow-bar", test_hit_narrow_bar);
  ADD_HIT_TEST ("handover", test_hit_handover);
  ADD_HIT_TEST ("joint-handover", test_hit_joint_handover);
  ADD_HIT_TEST ("elbow-handover", test_hit_elbow_handover);
  ADD_HIT_TEST ("gap-band", test_hit_gap_band);
  ADD_HIT_TEST ("badge", test_hit_badge);
  ADD_HIT_TEST ("axis", test_hit_axis);
  ADD_HIT_TEST ("empty-lane", test_hit_empty_lane);
  ADD_HIT_TEST ("label-column", test_hit_label_column);
#undef ADD_HIT_TEST

  return g_test_run ();
}
