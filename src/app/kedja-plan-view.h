/* kedja-plan-view.h — one plan, read-only: who, what and the care chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_PLAN_VIEW (kedja_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (KedjaPlanView, kedja_plan_view, KEDJA, PLAN_VIEW, GtkWidget)

GtkWidget *kedja_plan_view_new        (void);
/* Shows @plan, or "Select a plan" when it is %NULL. @today decides whether
 * the follow-up is overdue, so the view agrees with the list beside it. */
void       kedja_plan_view_set_plan   (KedjaPlanView *self,
                                       KedjaPlan     *plan,
                                       KedjaDate      today);
KedjaPlan *kedja_plan_view_get_plan   (KedjaPlanView *self);
/* Shows why a plan could not be loaded, in words for the user. */
void       kedja_plan_view_show_error (KedjaPlanView *self,
                                       const GError  *error);

G_END_DECLS
