/* kedja-window-private.h — the window's insides, for its own files and the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is split by responsibility (kedja-window.c: the database and
 * the plan shown; -edit.c: the timeline's edits, undo and what the user is
 * told about them; -export.c: paper copies), which share the struct below.
 * The _kedja_window_get_* functions hand out the window's insides so a test
 * can check what the user sees without guessing at widget trees.
 */
#pragma once

#include "kedja-plan-editor.h"
#include "kedja-plan-list.h"
#include "kedja-plan-view.h"
#include "kedja-window.h"

G_BEGIN_DECLS

struct _KedjaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkWidget            *header_bar;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  KedjaPlanList        *plan_list;
  KedjaPlanView        *plan_view;

  KedjaStore           *store;
  KedjaPlanEditor      *editor;
  KedjaDate             today;       /* what "overdue" is judged against */
  AdwToast             *toast;       /* the one shown, replaced by the next */
  gboolean              meeting_mode;
  gboolean              fullscreened_for_meeting;
  gboolean              show_plans;  /* the list beside the plan, outside meetings */
};

/* kedja-window-edit.c */
void           _kedja_window_class_init_edit     (GtkWidgetClass *widget_class);
void           _kedja_window_init_edit           (KedjaWindow    *self);
void           _kedja_window_update_history      (KedjaWindow    *self);
void           _kedja_window_show_toast          (KedjaWindow    *self,
                                                  AdwToast       *toast);

/* kedja-window-export.c */
void           _kedja_window_class_init_export   (GtkWidgetClass *widget_class);
/* Writes the chain shown to @path as a PDF (@pdf) or PNG image, the whole
 * plan or what is in view, and logs the export. */
gboolean       _kedja_window_export_image        (KedjaWindow    *self,
                                                  const char     *path,
                                                  gboolean        pdf,
                                                  gboolean        whole_plan,
                                                  GError        **error);

/* For the tests */
KedjaPlanList   *_kedja_window_get_plan_list       (KedjaWindow   *self);
KedjaPlanView   *_kedja_window_get_plan_view       (KedjaWindow   *self);
KedjaPlanEditor *_kedja_window_get_editor          (KedjaWindow   *self);
AdwStatusPage   *_kedja_window_get_error_page      (KedjaWindow   *self);
/* The title of the toast shown last, or %NULL. */
const char      *_kedja_window_get_toast_title     (KedjaWindow   *self);
/* "loading", "error", "empty" or "plans". */
const char      *_kedja_window_get_page            (KedjaWindow   *self);
GtkColumnView   *_kedja_plan_list_get_column_view  (KedjaPlanList *self);
GtkEditable     *_kedja_plan_list_get_search_entry (KedjaPlanList *self);
GtkListBox      *_kedja_plan_view_get_step_list    (KedjaPlanView *self);

G_END_DECLS
