/* kedja-timeline-input-private.h — what the timeline's input files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kedja-timeline-input.c has the pointer (gestures, hover, scrolling),
 * kedja-timeline-keys.c the keyboard and focus, kedja-timeline-popover.c
 * the tooltips and the finding popover. They share the state below.
 */
#pragma once

#include "kedja-timeline-draw-private.h"

G_BEGIN_DECLS

/* As the app's zoom buttons (kedja-plan-view.c). */
#define ZOOM_STEP 1.5
/* Per notch of a wheel with Ctrl, and per pixel of a touchpad. */
#define WHEEL_ZOOM_STEP 1.25
#define SURFACE_ZOOM_STEP 1.01

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RESIZE_START,
  DRAG_RESIZE_END,
  DRAG_CANCELLED,     /* Escape: the rest of this drag does nothing */
} DragMode;

struct _KedjaTimelineInput
{
  GtkGesture         *drag;
  GtkGesture         *click;
  GtkGesture         *zoom;
  GtkEventController *motion;
  GtkEventController *scroll;
  GtkEventController *key;

  DragMode            mode;
  gboolean            moved;        /* past the drag threshold */
  guint               step;         /* the bar dragged, an index in plan->steps */
  KedjaDate           start;        /* its dates when the drag began */
  KedjaDate           end;
  double              last_dx;      /* of a pan, what has been applied */
  double              last_dy;

  double              pointer_x;
  double              pointer_y;
  gboolean            pointer_inside;
  const char         *cursor;       /* a static string, compared by pointer */

  double              pinch_px_per_day;

  GtkWidget          *popover;
};

/* What is under the pointer, as a person sees it ========================= */

typedef enum {
  TARGET_NONE,
  TARGET_STEP,       /* index: in plan->steps */
  TARGET_BAND,       /* index: band (also its mark pinned on a bar) */
  TARGET_BADGE,      /* index: badge */
  TARGET_HANDOVER,   /* index: the layout's handover */
} TargetKind;

typedef struct {
  TargetKind       kind;
  guint            index;
  KedjaTimelineHit hit;
  GdkRectangle     area;    /* in widget coordinates, within the widget */
} Target;

/* The view as the pointer sees it: the widget's own width. */
KedjaTimelineView  _kedja_timeline_input_view        (KedjaTimeline *self);
/* A rectangle in widget coordinates, cut to the widget. */
GdkRectangle       _kedja_timeline_visible_area      (KedjaTimeline *self,
                                                      double         x,
                                                      double         y,
                                                      double         w,
                                                      double         h);
/* What is at (@x, @y) in widget coordinates, and where it is. */
Target             _kedja_timeline_target_at         (KedjaTimeline *self,
                                                      double         x,
                                                      double         y);
/* Escape during a drag: the bar goes back; FALSE when nothing was dragged. */
gboolean           _kedja_timeline_cancel_drag       (KedjaTimeline *self);

/* kedja-timeline-popover.c */
GtkPopover        *_kedja_timeline_popover_for_step  (KedjaTimeline *self,
                                                      guint          step_index);
gboolean           _kedja_timeline_query_tooltip     (GtkWidget     *widget,
                                                      int            x,
                                                      int            y,
                                                      gboolean       keyboard_mode,
                                                      GtkTooltip    *tooltip);

/* kedja-timeline-keys.c: GtkWidgetClass.focus */
gboolean           _kedja_timeline_focus             (GtkWidget        *widget,
                                                      GtkDirectionType  direction);

G_END_DECLS
