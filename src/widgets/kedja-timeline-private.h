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
typedef struct _KedjaTimelineInput KedjaTimelineInput;

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

  /* Fitted to the width by zoom_to_fit () and not zoomed or panned since:
   * a new width fits the plan again, so that it fills a window that grew.
   * Any zoom or pan by the user (or the API) clears it. */
  gboolean                fitted;

  /* kedja-timeline-a11y.c: a KedjaTimelineStep child per step of the plan
   * given (by index in plan->steps; hidden for a step without a bar), and
   * the steps on the timeline in chain order (guint indices), which is
   * also the order of the children, for screen readers and Tab. */
  GPtrArray              *step_widgets;
  GArray                 *chain;

  /* kedja-timeline-input.c: gestures, keys, tooltips and the popover. */
  KedjaTimelineInput     *input;
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

/* --- kedja-timeline-a11y.c: a child widget per step --- */

void               _kedja_timeline_class_init_a11y     (GtkWidgetClass         *widget_class);
void               _kedja_timeline_init_a11y           (KedjaTimeline          *self);
void               _kedja_timeline_dispose_a11y        (KedjaTimeline          *self);
/* After set_plan (): a child per step, their names and descriptions, the
 * chain order, and focus kept on the step (by id) that had it. */
void               _kedja_timeline_sync_steps          (KedjaTimeline          *self);
/* From size_allocate: the children of the steps in view over their bars;
 * the others unmapped (set_child_visible (FALSE)). */
void               _kedja_timeline_allocate_steps      (KedjaTimeline          *self);
/* The child of step @step (an index in plan->steps), or NULL. */
GtkWidget         *_kedja_timeline_get_step_widget     (KedjaTimeline          *self,
                                                        guint                   step);
/* The step whose child has the keyboard focus, or -1. */
int                _kedja_timeline_get_focused_step    (KedjaTimeline          *self);
/* Gives the child of step @step the focus. @from_keys: the keyboard
 * moved it, so the step is scrolled into view and shows the focus ring;
 * a click neither scrolls nor shows a ring. */
gboolean           _kedja_timeline_focus_step          (KedjaTimeline          *self,
                                                        guint                   step,
                                                        gboolean                from_keys);
/* Chain order: by start, then lane top to bottom, then row. Each returns
 * a step index, or -1 when there is none. */
int                _kedja_timeline_chain_first         (KedjaTimeline          *self,
                                                        gboolean                in_view);
int                _kedja_timeline_chain_last          (KedjaTimeline          *self,
                                                        gboolean                in_view);
int                _kedja_timeline_chain_next          (KedjaTimeline          *self,
                                                        guint                   step,
                                                        int                     delta);
/* The nearest step in the row above (@delta -1) or below (+1). */
int                _kedja_timeline_step_beside         (KedjaTimeline          *self,
                                                        guint                   step,
                                                        int                     delta);
/* What a screen reader says for step @step of the plan given, and for a
 * bar's tooltip: phase, agency, dates, status and its findings. */
char              *_kedja_timeline_describe_step       (KedjaTimeline          *self,
                                                        guint                   step);

/* --- kedja-timeline-input.c: pointer, keys, tooltips, popover --- */

void               _kedja_timeline_class_init_input    (GtkWidgetClass         *widget_class);
void               _kedja_timeline_init_input          (KedjaTimeline          *self);
void               _kedja_timeline_dispose_input       (KedjaTimeline          *self);
/* From size_allocate: the popover follows its parent. */
void               _kedja_timeline_allocate_input      (KedjaTimeline          *self);
/* The plan, meeting mode or editability changed: a drag in progress is
 * dropped and the popover (made for the old plan) closed. */
void               _kedja_timeline_reset_input         (KedjaTimeline          *self);

/* What the gestures do, in widget coordinates, callable without events
 * (tests cannot synthesise them): a press at (@x, @y), the pointer @dx,
 * @dy away from it, and the release (@commit) or a cancel (Escape). */
void               _kedja_timeline_drag_begin_at       (KedjaTimeline          *self,
                                                        double                  x,
                                                        double                  y);
void               _kedja_timeline_drag_update_by      (KedjaTimeline          *self,
                                                        double                  dx,
                                                        double                  dy);
void               _kedja_timeline_drag_finish         (KedjaTimeline          *self,
                                                        gboolean                commit);
/* What a single click at (@x, @y) opens: the popover of the band, badge or
 * handover there, or NULL. A double click activates the bar there. */
GtkPopover        *_kedja_timeline_click_at            (KedjaTimeline          *self,
                                                        int                     n_press,
                                                        double                  x,
                                                        double                  y);
GtkPopover        *_kedja_timeline_get_popover         (KedjaTimeline          *self);
/* The key handler: TRUE when the timeline used the key. */
gboolean           _kedja_timeline_key_pressed         (KedjaTimeline          *self,
                                                        guint                   keyval,
                                                        GdkModifierType         state);
/* The tooltip's text (markup) at (@x, @y), or NULL. */
char              *_kedja_timeline_tooltip_markup_at   (KedjaTimeline          *self,
                                                        double                  x,
                                                        double                  y);

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
