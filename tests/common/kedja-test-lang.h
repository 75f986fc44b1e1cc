/* kedja-test-lang.h — run a test case in another UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib decides once per process whether to translate, from the language
 * in force at the first lookup; a test cannot switch language midway. So a
 * case that checks Swedish text runs itself again in a child process that
 * starts with LANGUAGE set, and the parent asserts that the child passed.
 */
#pragma once

#include <glib.h>

/* Returns TRUE in the child, where the caller makes its assertions. */
static inline gboolean
kedja_test_in_language (const char *language)
{
  if (g_test_subprocess ())
    return TRUE;

  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
  return FALSE;
}
