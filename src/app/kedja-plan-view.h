/* kedja-plan-view.h — one plan: who, what, and the care chain as a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kedja-core.h"
#include "kedja-timeline.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_PLAN_VIEW (kedja_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (KedjaPlanView, kedja_plan_view, KEDJA, PLAN_VIEW, GtkWidget)

/*
 * Signal "step-activated" (step_id): the planner opened a step, on the
 * timeline or in the list. The timeline's edit signals are the timeline's
 * own (kedja_plan_view_get_timeline ()).
 */

GtkWidget     *kedja_plan_view_new                   (void);
/* Shows @plan, or "Select a plan" when it is %NULL. @today decides whether
 * the follow-up is overdue, so the view agrees with the list beside it, and
 * what the timeline's analysis judges against. The same plan again (by id,
 * after an edit) keeps the view where it was. */
void           kedja_plan_view_set_plan              (KedjaPlanView               *self,
                                                      KedjaPlan                   *plan,
                                                      KedjaDate                    today);
KedjaPlan     *kedja_plan_view_get_plan              (KedjaPlanView               *self);
/* The database's thresholds for the timeline's gap analysis; %NULL: the
 * defaults. */
void           kedja_plan_view_set_analysis_settings (KedjaPlanView               *self,
                                                      const KedjaAnalysisSettings *settings);
const KedjaAnalysisSettings *
               kedja_plan_view_get_analysis_settings (KedjaPlanView               *self);
/* Shows why a plan could not be loaded, in words for the user. */
void           kedja_plan_view_show_error            (KedjaPlanView               *self,
                                                      const GError                *error);
KedjaTimeline *kedja_plan_view_get_timeline          (KedjaPlanView               *self);
/* The timeline large and read-only, the editing buttons hidden. */
void           kedja_plan_view_set_meeting_mode      (KedjaPlanView               *self,
                                                      gboolean                     meeting_mode);
gboolean       kedja_plan_view_get_meeting_mode      (KedjaPlanView               *self);
/* What undo and redo would do (%NULL: nothing), for their tooltips. */
void           kedja_plan_view_set_history           (KedjaPlanView               *self,
                                                      const char                  *undo_description,
                                                      const char                  *redo_description);

G_END_DECLS
