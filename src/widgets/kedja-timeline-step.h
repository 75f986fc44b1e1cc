/* kedja-timeline-step.h — one step of the timeline as an accessible object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KEDJA_TYPE_TIMELINE_STEP (kedja_timeline_step_get_type ())

G_DECLARE_FINAL_TYPE (KedjaTimelineStep, kedja_timeline_step, KEDJA, TIMELINE_STEP, GtkWidget)

/*
 * A child of KedjaTimeline for each step it shows. It draws nothing and
 * takes no pointer events — the timeline draws the bar and handles the
 * mouse — but it is focusable and accessible: in GTK 4.8 only widgets can
 * be accessible objects, so a screen reader walks the chain through these,
 * and keyboard focus moves between them (kedja-timeline-a11y.c). The
 * timeline allocates one over its bar while the bar can be seen.
 */

GtkWidget  *kedja_timeline_step_new             (guint              index);

/* The step's place in plan->steps. */
guint       kedja_timeline_step_get_index       (KedjaTimelineStep *self);
void        kedja_timeline_step_set_index       (KedjaTimelineStep *self,
                                                 guint              index);

/* The step's id, so that focus can follow it when the plan changes. */
const char *kedja_timeline_step_get_step_id     (KedjaTimelineStep *self);
void        kedja_timeline_step_set_step_id     (KedjaTimelineStep *self,
                                                 const char        *step_id);

/* The accessible name and description, given to GTK only when they
 * change (an edit gives the timeline a whole new plan). The getters return
 * what was given, whether or not an assistive technology is listening. */
void        kedja_timeline_step_set_text        (KedjaTimelineStep *self,
                                                 const char        *label,
                                                 const char        *description);
const char *kedja_timeline_step_get_label       (KedjaTimelineStep *self);
const char *kedja_timeline_step_get_description (KedjaTimelineStep *self);

G_END_DECLS
