/* kedja-plan-list.h — every plan of the database, searchable and sortable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_PLAN_LIST (kedja_plan_list_get_type ())

G_DECLARE_FINAL_TYPE (KedjaPlanList, kedja_plan_list, KEDJA, PLAN_LIST, GtkWidget)

GtkWidget         *kedja_plan_list_new          (void);
/* Replaces the rows with @summaries (element-type KedjaPlanSummary), in one
 * change. @today decides which follow-ups are marked as overdue. */
void               kedja_plan_list_set_plans    (KedjaPlanList *self,
                                                 GPtrArray     *summaries,
                                                 KedjaDate      today);
guint              kedja_plan_list_get_n_plans  (KedjaPlanList *self);
/* The chosen plan, or %NULL; the "selected" property says when it changes. */
KedjaPlanSummary  *kedja_plan_list_get_selected (KedjaPlanList *self);
/* The rows as shown: filtered by the search, sorted by the column headers.
 * Right after kedja_plan_list_set_plans() only the first screenful is in
 * it, until that has been drawn. */
GtkSelectionModel *kedja_plan_list_get_model    (KedjaPlanList *self);
void               kedja_plan_list_focus_search (KedjaPlanList *self);

G_END_DECLS
