/* kedja-window.h — the main window: the plans of one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kedja-application.h"
#include "kedja-store.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_WINDOW (kedja_window_get_type ())

G_DECLARE_FINAL_TYPE (KedjaWindow, kedja_window, KEDJA, WINDOW, AdwApplicationWindow)

/* @app may be %NULL (tests build windows without a running application). */
KedjaWindow *kedja_window_new          (KedjaApplication *app);
/* Opens the database at @path and lists its plans. On failure the window
 * shows why, in the store's words, and %FALSE is returned. */
gboolean     kedja_window_open_file    (KedjaWindow      *self,
                                        const char       *path);
/* Lists the plans of an already opened @store. */
gboolean     kedja_window_set_store    (KedjaWindow      *self,
                                        KedjaStore       *store);
KedjaStore  *kedja_window_get_store    (KedjaWindow      *self);
/* Opens the first listed plan (of the first screenful) whose chain has a
 * critical gap, else the first plan: what the demo starts with, so that
 * the timeline shows at once what Kedja is for. A real database opens no
 * plan by itself — the screen may be a projector with someone else's
 * client at the table. Returns %FALSE when there is no plan. */
gboolean     kedja_window_select_plan_with_gap (KedjaWindow *self);
/* Shows that @path cannot be used and why; the window holds no store. */
void         kedja_window_show_error   (KedjaWindow      *self,
                                        const char       *path,
                                        const GError     *error);
/* Shows a spinner and @message while something prepares @path. */
void         kedja_window_show_loading (KedjaWindow      *self,
                                        const char       *path,
                                        const char       *message);

G_END_DECLS
