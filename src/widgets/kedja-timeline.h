/* kedja-timeline.h — a person's care chain as a timeline with its gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_TIMELINE (kedja_timeline_get_type ())

G_DECLARE_FINAL_TYPE (KedjaTimeline, kedja_timeline, KEDJA, TIMELINE, GtkWidget)

/*
 * KedjaTimeline draws one plan: a lane per phase, a bar per step, handovers
 * as connectors, every finding of the gap analysis as a hatched band or a
 * badge, today's line and the follow-up and meeting markers. It implements
 * GtkScrollable (horizontally: time).
 *
 * It never changes the plan it is given. Edits are signals; the app applies
 * them through the store (with undo) and gives the timeline the new plan:
 *
 *   step-activated (step_id)                  double-click or Enter on a step
 *   step-edited (step_id, start, end)         a bar moved or resized, in whole
 *                                             days (see kedja_step_move ())
 *   add-bridging-step (phase, start, end)     the quick action of a gap
 *   confirm-handover (from_step_id, to_step_id)
 *                                             the quick action of a handover
 */

GtkWidget  *kedja_timeline_new               (void);

/* The plan shown, or %NULL. The timeline keeps a reference and analyses it
 * with @settings (NULL: the defaults) as on @today. */
void        kedja_timeline_set_plan          (KedjaTimeline               *self,
                                              KedjaPlan                   *plan,
                                              const KedjaAnalysisSettings *settings,
                                              KedjaDate                    today);
KedjaPlan  *kedja_timeline_get_plan          (KedjaTimeline               *self);

/* Larger text and bars, higher contrast, editing off: for a projector. */
void        kedja_timeline_set_meeting_mode  (KedjaTimeline               *self,
                                              gboolean                     meeting_mode);
gboolean    kedja_timeline_get_meeting_mode  (KedjaTimeline               *self);

void        kedja_timeline_set_editable      (KedjaTimeline               *self,
                                              gboolean                     editable);
gboolean    kedja_timeline_get_editable      (KedjaTimeline               *self);

/* Zoom: pixels per day, kept within the layout's limits. */
void        kedja_timeline_set_zoom          (KedjaTimeline               *self,
                                              double                       px_per_day);
double      kedja_timeline_get_zoom          (KedjaTimeline               *self);
/* The whole plan across the width. */
void        kedja_timeline_zoom_to_fit       (KedjaTimeline               *self);
/* Scrolls so that @date is at the left edge of the time area. */
void        kedja_timeline_scroll_to_date    (KedjaTimeline               *self,
                                              KedjaDate                    date);

/* Paper copies for the client: the visible span, or the whole plan. */
gboolean    kedja_timeline_export_png        (KedjaTimeline               *self,
                                              const char                  *path,
                                              gboolean                     whole_plan,
                                              GError                     **error);
gboolean    kedja_timeline_export_pdf        (KedjaTimeline               *self,
                                              const char                  *path,
                                              gboolean                     whole_plan,
                                              GError                     **error);

G_END_DECLS
