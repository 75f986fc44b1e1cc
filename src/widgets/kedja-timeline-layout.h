/* kedja-timeline-layout.h — where everything of a care chain goes on the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline's geometry, apart from drawing and without GTK, so that it
 * can be tested and measured without a display: days ⇄ x at any zoom, the
 * lane and row of every step, where handovers, gap bands and badges go,
 * which of them are visible, what is under the pointer, and the ticks of
 * the date axis.
 *
 * Coordinates are in the widget's pixels, y downwards. The axis runs along
 * the top (metrics.axis_height), the lane labels down the left
 * (metrics.label_width); time starts at x = label_width. Day d covers
 * [x(d), x(d + 1)); a step from s to e (inclusive) covers [x(s), x(e + 1)).
 */
#pragma once

#include <glib.h>

#include "kedja-core.h"

G_BEGIN_DECLS

/* What the pointer and the keyboard see, in pixels: normal and meeting
 * mode (kedja_timeline_metrics_init) differ only in these. */
typedef struct {
  double label_width;    /* lane labels on the left */
  double axis_height;    /* the date axis on top */
  double bar_height;
  double row_gap;        /* between stacked bars in one lane */
  double lane_padding;   /* above the first and below the last bar of a lane */
  double edge_width;     /* how far into a bar its start or end can be grabbed */
  double badge_size;
} KedjaTimelineMetrics;

void kedja_timeline_metrics_init (KedjaTimelineMetrics *metrics,
                                  gboolean              meeting_mode);

/* The visible span of time: which day is at the left edge of the time
 * area (fractional: scrolling is smooth), and how wide a day is. */
typedef struct {
  double first_day;    /* a KedjaDate with a fraction */
  double px_per_day;
  double time_left;    /* x where time starts (metrics.label_width) */
  double width;        /* the widget's width */
} KedjaTimelineView;

#define KEDJA_TIMELINE_MIN_PX_PER_DAY 0.25   /* about six years on a wide screen */
#define KEDJA_TIMELINE_MAX_PX_PER_DAY 160.0  /* a day wide enough for its name */

double    kedja_timeline_view_x_for_date (const KedjaTimelineView *view,
                                          KedjaDate                date);
/* The day under @x (whatever the zoom, the day whose column holds x). */
KedjaDate kedja_timeline_view_date_at_x  (const KedjaTimelineView *view,
                                          double                   x);
KedjaDate kedja_timeline_view_last_date  (const KedjaTimelineView *view);
/* Zooms by @factor keeping the day under @x where it is, within the
 * limits above. */
void      kedja_timeline_view_zoom_at    (KedjaTimelineView       *view,
                                          double                   x,
                                          double                   factor);
/* Shows @first to @last (inclusive) across the time area. */
void      kedja_timeline_view_fit        (KedjaTimelineView       *view,
                                          KedjaDate                first,
                                          KedjaDate                last);

/* One step on the timeline. */
typedef struct {
  const KedjaStep *step;       /* borrowed from the plan */
  guint            index;      /* in plan->steps */
  KedjaPhase       lane;
  guint            row;        /* within its lane, from 0 */
  KedjaDate        start;
  KedjaDate        end;        /* inclusive; the horizon for a step that runs on */
  gboolean         open_ended;
  int              n_badges;   /* findings without an interval on this step */
} KedjaTimelineItem;

/* A finding with an interval: a hatched band across its lane. */
typedef struct {
  guint      finding;          /* index in the findings given */
  int        lane;             /* a KedjaPhase, or -1 across every lane */
  KedjaDate  start;
  KedjaDate  end;              /* inclusive; the horizon when open */
} KedjaTimelineBand;

/* A finding without an interval: a badge on its step, or on the plan
 * (item == -1) in the corner above the lane labels. */
typedef struct {
  guint finding;
  int   item;
  guint slot;                  /* 0, 1, …: badges on one step sit side by side */
} KedjaTimelineBadge;

typedef struct _KedjaTimelineLayout KedjaTimelineLayout;

/* Lays out @plan with its @findings (a GArray of KedjaFinding from
 * kedja_analyse (plan, …, today), or %NULL). Both are borrowed and must
 * outlive the layout; after an edit, make a new layout (it is cheap). */
KedjaTimelineLayout      *kedja_timeline_layout_new            (const KedjaPlan            *plan,
                                                                GArray                     *findings,
                                                                KedjaDate                   today,
                                                                const KedjaTimelineMetrics *metrics);
void                      kedja_timeline_layout_free           (KedjaTimelineLayout        *layout);

const KedjaTimelineMetrics *kedja_timeline_layout_get_metrics  (const KedjaTimelineLayout  *layout);
/* The days the plan spans: from the earliest date it names (a step, the
 * need recorded, a meeting, today, a finding) to its horizon, a little
 * beyond the latest such date. */
void                      kedja_timeline_layout_get_span       (const KedjaTimelineLayout  *layout,
                                                                KedjaDate                  *first,
                                                                KedjaDate                  *last);
double                    kedja_timeline_layout_get_height     (const KedjaTimelineLayout  *layout);

/* Lanes: one per phase, in chain order, always all of them. */
void                      kedja_timeline_layout_get_lane       (const KedjaTimelineLayout  *layout,
                                                                KedjaPhase                  lane,
                                                                double                     *y,
                                                                double                     *height);

guint                     kedja_timeline_layout_get_n_items    (const KedjaTimelineLayout  *layout);
const KedjaTimelineItem  *kedja_timeline_layout_get_item       (const KedjaTimelineLayout  *layout,
                                                                guint                       item);
/* The item of the step at @index in plan->steps, or -1. */
int                       kedja_timeline_layout_find_step      (const KedjaTimelineLayout  *layout,
                                                                guint                       index);
/* The bar of @item under @view (x may lie outside the widget). */
void                      kedja_timeline_layout_get_bar        (const KedjaTimelineLayout  *layout,
                                                                const KedjaTimelineView    *view,
                                                                guint                       item,
                                                                double                     *x,
                                                                double                     *y,
                                                                double                     *width,
                                                                double                     *height);

/* Handovers between two steps that are both on the timeline. */
guint                     kedja_timeline_layout_get_n_handovers (const KedjaTimelineLayout *layout);
/* The connector of handover @i (index into the layout's list): from the
 * end of its sending bar to the start of its receiving bar. */
const KedjaHandover      *kedja_timeline_layout_get_handover   (const KedjaTimelineLayout  *layout,
                                                                const KedjaTimelineView    *view,
                                                                guint                       i,
                                                                double                     *x1,
                                                                double                     *y1,
                                                                double                     *x2,
                                                                double                     *y2);

/* The lane a finding's band or action belongs in: that of the help that
 * should have been there (the next step's), else of the step concerned;
 * -1 for the plan as a whole. */
int                       kedja_timeline_finding_lane          (const KedjaFinding         *finding);
guint                     kedja_timeline_layout_get_n_bands    (const KedjaTimelineLayout  *layout);
const KedjaTimelineBand  *kedja_timeline_layout_get_band       (const KedjaTimelineLayout  *layout,
                                                                guint                       band);
void                      kedja_timeline_layout_get_band_rect  (const KedjaTimelineLayout  *layout,
                                                                const KedjaTimelineView    *view,
                                                                guint                       band,
                                                                double                     *x,
                                                                double                     *y,
                                                                double                     *width,
                                                                double                     *height);

/* Where badge @slot of @item goes (slots 0 … n_badges - 1 hold the item's
 * own badges). Added for the widget's drawing, which also pins the mark
 * of a gap band on the bar it lies over in the next free slot, so that
 * both agree with kedja_timeline_layout_get_badge_rect(). */
void                      kedja_timeline_layout_get_item_badge_rect (const KedjaTimelineLayout *layout,
                                                                     const KedjaTimelineView   *view,
                                                                     guint                      item,
                                                                     guint                      slot,
                                                                     double                    *x,
                                                                     double                    *y,
                                                                     double                    *size);

guint                     kedja_timeline_layout_get_n_badges   (const KedjaTimelineLayout  *layout);
const KedjaTimelineBadge *kedja_timeline_layout_get_badge      (const KedjaTimelineLayout  *layout,
                                                                guint                       badge);
void                      kedja_timeline_layout_get_badge_rect (const KedjaTimelineLayout  *layout,
                                                                const KedjaTimelineView    *view,
                                                                guint                       badge,
                                                                double                     *x,
                                                                double                     *y,
                                                                double                     *size);

/* Culling: the items whose bars meet the view, in start order, appended
 * to @out (a GArray of guint). Costs a search and the visible items, not
 * a pass over every step. */
void                      kedja_timeline_layout_visible_items  (const KedjaTimelineLayout  *layout,
                                                                const KedjaTimelineView    *view,
                                                                GArray                     *out);

typedef enum {
  KEDJA_TIMELINE_HIT_NONE,
  KEDJA_TIMELINE_HIT_BAR,        /* index: item */
  KEDJA_TIMELINE_HIT_BAR_START,  /* index: item; its start edge */
  KEDJA_TIMELINE_HIT_BAR_END,    /* index: item; its end edge */
  KEDJA_TIMELINE_HIT_BADGE,      /* index: badge */
  KEDJA_TIMELINE_HIT_HANDOVER,   /* index: handover */
  KEDJA_TIMELINE_HIT_BAND,       /* index: band */
  KEDJA_TIMELINE_HIT_LANE,       /* index: KedjaPhase, on the empty part of a lane */
  KEDJA_TIMELINE_HIT_AXIS,       /* on the date axis */
} KedjaTimelineHitKind;

typedef struct {
  KedjaTimelineHitKind kind;
  guint                index;
  KedjaDate            date;     /* the day under the point (NONE left of the time area) */
} KedjaTimelineHit;

/* A handover between two bars that meet (shorter than 1.5 badges) is
 * drawn across the joint, this far above and below the bars, and can be
 * picked up there. */
#define KEDJA_TIMELINE_JOINT_OVERHANG 4.0

/* Below this zoom (months on the axis) a handover is drawn, and hit,
 * as an elbow: level from the sender's end to below or above the
 * receiver's start, then upright into it. A software renderer draws such
 * lines several times faster than slanted ones, and hundreds of them are
 * in view. */
#define KEDJA_TIMELINE_ELBOW_BELOW_PX_PER_DAY 3.0

/* What is under (@x, @y): badges first, then a bar's edges, its body,
 * handover connectors, gap bands, the lane. */
KedjaTimelineHit          kedja_timeline_layout_hit_test       (const KedjaTimelineLayout  *layout,
                                                                const KedjaTimelineView    *view,
                                                                double                      x,
                                                                double                      y);

/* The axis's ticks for @view: days when a day is wide, weeks (Mondays)
 * when a week is, months otherwise, with a major tick and its label where
 * the next larger unit starts. Labels are translated (Swedish month names
 * under LANGUAGE=sv). */
typedef enum {
  KEDJA_TIMELINE_TICKS_DAYS,
  KEDJA_TIMELINE_TICKS_WEEKS,
  KEDJA_TIMELINE_TICKS_MONTHS,
} KedjaTimelineTickUnit;

typedef struct {
  KedjaDate date;
  double    x;
  gboolean  major;
  char      label[48];
} KedjaTimelineTick;

KedjaTimelineTickUnit     kedja_timeline_view_tick_unit        (const KedjaTimelineView    *view);
/* Appends the ticks between the view's edges to @out (a GArray of
 * KedjaTimelineTick). */
void                      kedja_timeline_view_ticks            (const KedjaTimelineView    *view,
                                                                GArray                     *out);
/* The label of the major unit that holds the first visible day ("september
 * 2026" when ticks are days or weeks, "2026" when they are months), for
 * the start of the axis: the major tick of that unit has scrolled out of
 * sight. Added for the widget's drawing, so that the label is made in the
 * one place that formats the axis. */
void                      kedja_timeline_view_leading_label    (const KedjaTimelineView    *view,
                                                                char                       *buf,
                                                                gsize                       size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaTimelineLayout, kedja_timeline_layout_free)

G_END_DECLS
