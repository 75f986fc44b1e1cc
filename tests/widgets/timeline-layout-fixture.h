/* timeline-layout-fixture.h — plans, views and lane lookups for the timeline layout's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected values follow the conventions of kedja-timeline-layout.h,
 * worked out by hand: time starts at x = label_width, day d covers
 * [x(d), x(d + 1)), a step from s to e covers [x(s), x(e + 1)). Where a
 * value depends on the metrics it is written with them, never copied from
 * the implementation.
 */
#pragma once

#include "kedja-core.h"
#include "kedja-timeline-layout.h"

G_BEGIN_DECLS

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

/* Exact in binary for every value used here; the looser one is for sums
 * of fractions that are not. */
#define EXACT 1e-9
#define CLOSE 1e-6

#define DETOX_ID "step-detox"

/* The metrics without meeting mode. */
KedjaTimelineMetrics     normal_metrics       (void);
/* A view @width px wide whose time starts at the normal label width. */
KedjaTimelineView        make_view            (double                      first_day,
                                               double                      px_per_day,
                                               double                      width);

/* An empty plan, with neither client nor steps. */
KedjaPlan               *new_plan             (void);
/* Appends a step titled @id (or "step" when @id is NULL) and returns it. */
KedjaStep               *add_step             (KedjaPlan                  *plan,
                                               const char                 *id,
                                               KedjaPhase                  phase,
                                               KedjaDate                   start,
                                               KedjaDate                   end);

/* The item of the plan's step at @index, which must be on the timeline. */
const KedjaTimelineItem *item_of_step         (const KedjaTimelineLayout  *layout,
                                               guint                       index);
guint                    item_index           (const KedjaTimelineLayout  *layout,
                                               guint                       index);

double                   lane_y               (const KedjaTimelineLayout  *layout,
                                               KedjaPhase                  lane);
double                   lane_height          (const KedjaTimelineLayout  *layout,
                                               KedjaPhase                  lane);
/* A lane holding @rows rows of bars, as the metrics describe it. */
double                   expected_lane_height (const KedjaTimelineMetrics *m,
                                               guint                       rows);

G_END_DECLS
