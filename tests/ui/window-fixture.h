/* window-fixture.h — a window on a small demo database, and ways to look at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the window's test programs. They run under a virtual display
 * (xvfb-run, dbus-run-session). Nothing waits for a fixed time: the main
 * loop is spun until what the user would see is there, with a bound on how
 * long that may take.
 */
#pragma once

#include <adwaita.h>

#include "kedja-store.h"
#include "kedja-test-spin.h"
#include "kedja-window.h"
#include "kedja-window-private.h"

G_BEGIN_DECLS

#define N_CLIENTS 30
#define DEMO_SEED 20260302

typedef struct {
  char        *dir;
  char        *path;
  KedjaStore  *store;
  GPtrArray   *protected_names; /* (element-type utf8) */
  KedjaWindow *window;
} Fixture;

/* N_CLIENTS demo plans, some with a protected identity, in a database of
 * the test's own; a window presented, with no database yet. */
void               fixture_set_up           (Fixture       *fixture,
                                             gconstpointer  user_data);
void               fixture_tear_down        (Fixture       *fixture,
                                             gconstpointer  user_data);

/* Text the user can read: labels, and the inscriptions of list cells. */
void               collect_labels           (GtkWidget     *widget,
                                             GPtrArray     *labels);
const char        *get_text                 (GtkWidget     *widget);
gboolean           has_label_with_text      (GtkWidget     *root,
                                             const char    *text);
/* Fails if any label in the window, mapped or not, holds a protected name. */
void               assert_no_protected_name (Fixture       *fixture);

/* The plan list's rows as shown. */
GtkSelectionModel *get_model                (KedjaWindow   *window);
/* Selects the plan in row @position and waits until the view shows it.
 * Returns the plan as the file holds it. */
KedjaPlan         *select_plan              (Fixture       *fixture,
                                             guint          position);
/* Where the list shows the plan @plan_id. */
guint              find_position            (Fixture       *fixture,
                                             const char    *plan_id);
KedjaPlan         *load_plan                (Fixture       *fixture,
                                             const char    *plan_id);

G_END_DECLS
