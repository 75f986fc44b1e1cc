/* kedja-timeline-private.h — what the timeline's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KedjaTimeline is split by responsibility, as GNOME Text Editor splits
 * its window: kedja-timeline.c (the object, its properties, the plan),
 * kedja-timeline-scroll.c (size, GtkScrollable, zoom), kedja-timeline-state.c
 * (hover, focus, drags), kedja-timeline-draw.c with -icons, -legend,
 * -frame, -bands and -axis (the picture), kedja-timeline-export.c (PNG and
 * PDF), and, to come, kedja-timeline-input.c (pointer and keys) and
 * kedja-timeline-a11y.c (accessibility). They meet here.
 *
 * Coordinates. The layout's y runs from the axis down through the lanes;
 * when the timeline scrolls vertically (a vadjustment, in a
 * GtkScrolledWindow), the axis stays at the top and the lanes move under
 * it by scroll_y. _kedja_timeline_hit_test() takes widget coordinates and
 * does that translation; use it rather than the layout's hit test.
 */
#pragma once

#include "kedja-timeline.h"
#include "kedja-timeline-layout.h"
#include "kedja-timeline-palette.h"

G_BEGIN_DECLS

enum {
  KEDJA_TIMELINE_SIGNAL_STEP_ACTIVATED,
  KEDJA_TIMELINE_SIGNAL_STEP_EDITED,
  KEDJA_TIMELINE_SIGNAL_ADD_BRIDGING_STEP,
  KEDJA_TIMELINE_SIGNAL_CONFIRM_HANDOVER,
  KEDJA_TIMELINE_N_SIGNALS,
};

extern guint _kedja_timeline_signals[KEDJA_TIMELINE_N_SIGNALS];

typedef struct _KedjaTimelineDrawCache KedjaTimelineDrawCache;

/* A plan as it is being shown: the plan, its findings and its layout. */
typedef struct {
  KedjaPlan           *plan;
  GArray              *findings;   /* KedjaFinding, borrowing from plan */
  KedjaTimelineLayout *layout;
} KedjaTimelineShown;

struct _KedjaTimeline
{
  GtkWidget             parent_instance;

  KedjaTimelineShown    shown;          /* the plan given to set_plan () */
  KedjaAnalysisSettings settings;
  KedjaDate             today;
  guint                 plan_serial;    /* +1 when the plan's content changes */
  guint                 layout_serial;  /* +1 when any layout is made */

  KedjaTimelineMetrics  metrics;
  KedjaTimelineView     view;           /* x in widget coordinates */
  gboolean              fit_pending;    /* zoom_to_fit () before a width was known */

  gboolean              meeting_mode;
  gboolean              editable;

  GtkAdjustment        *hadjustment;
  GtkAdjustment        *vadjustment;
  guint                 hscroll_policy : 1;
  guint                 vscroll_policy : 1;
  guint                 updating_adjustments : 1;

  /* What the pointer and the keyboard are on. kedja-timeline-input.c keeps
   * these up to date through the setters below; the drawing shows them.
   * Steps are indices in plan->steps, so that they survive a new layout. */
  int                   hover_step;     /* -1: none */
  int                   focus_step;     /* -1: none */
  gboolean              show_focus;     /* the ring only when keys move focus */
  KedjaTimelineHit      hover;          /* a band, handover or badge; kind NONE otherwise */

  /* A bar being dragged: a copy of the plan with the step at its preview
   * dates, analysed and laid out again on every change, so that the gap
   * bands follow the bar. drag.plan is NULL when nothing is dragged. */
  struct {
    KedjaTimelineShown  preview;
    guint               step;
    KedjaDate           start;
    KedjaDate           end;
  } drag;

  KedjaTimelineDrawCache *cache;
  KedjaTimelinePalette    palette;
  guint                   n_frames;     /* snapshots taken; tests wait for one */
};

/* A zoom that shows weeks: the default before a plan is fitted. */
#define KEDJA_TIMELINE_DEFAULT_PX_PER_DAY 6.0

/* --- Between the timeline's own files --- */

/* kedja-timeline.c */
void               _kedja_timeline_shown_clear         (KedjaTimelineShown     *shown);
/* Analyses and lays out the plan of @shown again (it keeps its plan). */
void               _kedja_timeline_shown_update        (KedjaTimeline          *self,
                                                        KedjaTimelineShown     *shown);
void               _kedja_timeline_notify_zoom         (KedjaTimeline          *self);
/* kedja-timeline-scroll.c */
GtkSizeRequestMode _kedja_timeline_get_request_mode    (GtkWidget              *widget);
void               _kedja_timeline_measure             (GtkWidget              *widget,
                                                        GtkOrientation          orientation,
                                                        int                     for_size,
                                                        int                    *minimum,
                                                        int                    *natural,
                                                        int                    *minimum_baseline,
                                                        int                    *natural_baseline);
void               _kedja_timeline_size_allocate       (GtkWidget              *widget,
                                                        int                     width,
                                                        int                     height,
                                                        int                     baseline);
void               _kedja_timeline_update_adjustments  (KedjaTimeline          *self);
void               _kedja_timeline_set_adjustment      (KedjaTimeline          *self,
                                                        GtkOrientation          orientation,
                                                        GtkAdjustment          *adjustment,
                                                        GParamSpec             *pspec);
void               _kedja_timeline_clear_adjustments   (KedjaTimeline          *self);

/* --- For input, accessibility, drawing and tests --- */

/* The layout, findings and plan on screen: the drag preview while a bar is
 * dragged, else those of the plan given. NULL without a plan. */
const KedjaTimelineShown  *_kedja_timeline_get_shown       (KedjaTimeline          *self);
const KedjaTimelineLayout *_kedja_timeline_get_layout      (KedjaTimeline          *self);
const KedjaTimelineView   *_kedja_timeline_get_view        (KedjaTimeline          *self);
double                     _kedja_timeline_get_scroll_y    (KedjaTimeline          *self);
/* Editing is on: editable and not in meeting mode. */
gboolean                   _kedja_timeline_can_edit        (KedjaTimeline          *self);
/* What is under (@x, @y) in widget coordinates. */
KedjaTimelineHit           _kedja_timeline_hit_test        (KedjaTimeline          *self,
                                                            double                  x,
                                                            double                  y);
/* Zooms by @factor keeping the day under @x where it is. */
void                       _kedja_timeline_zoom_at         (KedjaTimeline          *self,
                                                            double                  x,
                                                            double                  factor);
/* Pans by @dx pixels (positive: later) and @dy (positive: down). */
void                       _kedja_timeline_scroll_by       (KedjaTimeline          *self,
                                                            double                  dx,
                                                            double                  dy);
void                       _kedja_timeline_set_hover       (KedjaTimeline          *self,
                                                            int                     step,
                                                            const KedjaTimelineHit *hit);
void                       _kedja_timeline_set_focus_step  (KedjaTimeline          *self,
                                                            int                     step,
                                                            gboolean                show_ring);
/* Dragging: begin on step @step (an index in plan->steps), update with its
 * new dates as often as the pointer moves, end by emitting step-edited
 * (@commit, and only if the dates changed) or by dropping the preview. */
void                       _kedja_timeline_begin_drag      (KedjaTimeline          *self,
                                                            guint                   step);
void                       _kedja_timeline_update_drag     (KedjaTimeline          *self,
                                                            KedjaDate               start,
                                                            KedjaDate               end);
void                       _kedja_timeline_end_drag        (KedjaTimeline          *self,
                                                            gboolean                commit);
gboolean                   _kedja_timeline_is_dragging     (KedjaTimeline          *self);
/* The palette for the widget's current style (follows the CSS colour). */
const KedjaTimelinePalette *_kedja_timeline_get_palette    (KedjaTimeline          *self);

/* --- kedja-timeline-draw.c and its neighbours: the picture --- */

/* Everything one picture needs; the widget fills it from itself, the
 * export for a page. */
typedef struct {
  const KedjaPlan             *plan;
  GArray                      *findings;
  const KedjaTimelineLayout   *layout;
  const KedjaTimelineLayout   *ghost;        /* nullable: where a dragged bar was */
  int                          ghost_step;
  KedjaTimelineView            view;
  double                       width;
  double                       height;
  double                       scroll_y;
  const KedjaTimelinePalette  *palette;
  gboolean                     meeting_mode;
  KedjaDate                    today;
  guint                        plan_serial;
  guint                        layout_serial;
  PangoContext                *pango;
  int                          scale;        /* device pixels per pixel, for icons */
  int                          hover_step;
  int                          focus_step;
  gboolean                     show_focus;
  KedjaTimelineHit             hover;
} KedjaTimelineScene;

/* The scene as the widget would draw it at @width × @height
 * (kedja-timeline.c). */
void                    _kedja_timeline_fill_scene            (KedjaTimeline            *self,
                                                               KedjaTimelineScene       *scene,
                                                               double                    width,
                                                               double                    height);

KedjaTimelineDrawCache *_kedja_timeline_draw_cache_new        (void);
void                    _kedja_timeline_draw_cache_free       (KedjaTimelineDrawCache   *cache);
/* Forgets text layouts (fonts changed); render nodes follow by themselves. */
void                    _kedja_timeline_draw_cache_clear_text (KedjaTimelineDrawCache   *cache);
void                    _kedja_timeline_draw                  (KedjaTimelineDrawCache   *cache,
                                                               const KedjaTimelineScene *scene,
                                                               GtkSnapshot              *snapshot);
/* The legend's height below the lanes at @width. */
double                  _kedja_timeline_legend_height         (KedjaTimelineDrawCache   *cache,
                                                               const KedjaTimelineScene *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaTimelineDrawCache, _kedja_timeline_draw_cache_free)

G_END_DECLS
