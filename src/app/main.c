/* main.c — start the Kedja desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include "kedja-application.h"
#include "kedja-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KedjaApplication) app = NULL;

  /* Before anything prints or builds a label, so that the option help and
   * the first window are already in the user's language. */
  kedja_i18n_init ();

  app = kedja_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
