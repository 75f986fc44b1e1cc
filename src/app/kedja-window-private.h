/* kedja-window-private.h — what the ui tests look at inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not for the application's own use: these hand out the window's insides
 * so a test can check what the user sees without guessing at widget trees.
 */
#pragma once

#include "kedja-plan-list.h"
#include "kedja-plan-view.h"
#include "kedja-window.h"

G_BEGIN_DECLS

KedjaPlanList *_kedja_window_get_plan_list       (KedjaWindow   *self);
KedjaPlanView *_kedja_window_get_plan_view       (KedjaWindow   *self);
AdwStatusPage *_kedja_window_get_error_page      (KedjaWindow   *self);
/* "loading", "error", "empty" or "plans". */
const char    *_kedja_window_get_page            (KedjaWindow   *self);
GtkColumnView *_kedja_plan_list_get_column_view  (KedjaPlanList *self);
GtkEditable   *_kedja_plan_list_get_search_entry (KedjaPlanList *self);
GtkListBox    *_kedja_plan_view_get_step_list    (KedjaPlanView *self);

G_END_DECLS
