/* kedja-test-spin.h — wait for a window without waiting for a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests on a virtual display spin the main loop until what the user would
 * see is there, with a bound on how long that may take, instead of
 * sleeping.
 */
#pragma once

#include <glib.h>

/* A few thousand turns of the main loop: plenty for a window to map and
 * draw, yet a hang still ends in a failed assertion instead of a timeout. */
#define MAX_ITERATIONS 3000

static inline gboolean
kedja_test_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until @cond holds. The 10 ms wake-up only makes sure
 * a blocking iteration returns so the bound is checked; it is not a wait. */
#define SPIN_UNTIL(cond)                                               \
  G_STMT_START {                                                       \
    guint wake_id_ = g_timeout_add (10, kedja_test_wake_cb, NULL);     \
    for (guint i_ = 0; i_ < MAX_ITERATIONS && !(cond); i_++)           \
      g_main_context_iteration (NULL, TRUE);                           \
    g_source_remove (wake_id_);                                        \
    g_assert_true (cond);                                              \
  } G_STMT_END
