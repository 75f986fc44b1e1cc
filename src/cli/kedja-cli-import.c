/* kedja-cli-import.c — `kedja-cli import FILE…`: plans in from SIP XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file is one transaction: all its plans go in, or none do, and a bad
 * file does not keep the good ones after it out (each says for itself what
 * happened, one line per file). The exit status is the worst of them: 0
 * when every file was imported, 1 when a file was read and refused
 * (invalid, unsafe, or a plan not newer than the one in the database), 2
 * when a file could not be read as a document at all, or the arguments or
 * the database were wrong.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-cli.h"
#include "kedja-sip.h"

/* What a failed file means for the exit status. */
static int
status_of (const GError *error)
{
  if (error->domain == KEDJA_EXCHANGE_ERROR)
    return error->code == KEDJA_EXCHANGE_ERROR_INVALID
           || error->code == KEDJA_EXCHANGE_ERROR_UNSAFE ? KEDJA_CLI_EXIT_REFUSED
                                                          : KEDJA_CLI_EXIT_ERROR;
  if (error->domain == KEDJA_STORE_ERROR)
    return error->code == KEDJA_STORE_ERROR_CONFLICT
           || error->code == KEDJA_STORE_ERROR_INVALID ? KEDJA_CLI_EXIT_REFUSED
                                                        : KEDJA_CLI_EXIT_ERROR;
  return KEDJA_CLI_EXIT_ERROR;
}

static void
say_imported (const char              *name,
              const KedjaImportResult *result)
{
  guint n = result->added + result->replaced;
  g_autofree char *plans = NULL;
  g_autofree char *agencies = NULL;

  /* TRANSLATORS: the start of "plans.xml: 3 plans imported (1 new, 2 replaced), …" */
  plans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan imported (%u new, %u replaced)",
                                        "%u plans imported (%u new, %u replaced)", n),
                           n, result->added, result->replaced);
  /* TRANSLATORS: the end of "plans.xml: 3 plans imported (…), 2 agencies added" */
  agencies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agency added",
                                           "%u agencies added", result->agencies_added),
                              result->agencies_added);
  g_print ("%s: %s, %s\n", name, plans, agencies);
}

static int
import_file (KedjaStore *store,
             const char *path,
             gboolean    force)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  KedjaImportResult result;

  /* The reader's and the store's messages already name the file. */
  plans = kedja_sip_read_file (path, &error);
  if (plans == NULL)
    {
      kedja_cli_fail_error (error);
      return status_of (error);
    }
  if (!kedja_store_import_plans (store, plans, force, name, &result, &error))
    {
      if (g_error_matches (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT))
        kedja_cli_fail (_("%s Use --force to replace it anyway."), error->message);
      else
        kedja_cli_fail_error (error);
      return status_of (error);
    }
  say_imported (name, &result);
  return KEDJA_CLI_EXIT_OK;
}

int
kedja_cli_import (KedjaCli *cli,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  KedjaStore *store;
  int status = KEDJA_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace a plan even when the file’s revision is not newer than the database’s"),
      NULL },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc < 2)
    return kedja_cli_fail (_("import needs at least one FILE"));

  store = kedja_cli_get_store (cli, &error);
  if (store == NULL)
    return kedja_cli_fail_error (error);

  for (int i = 1; i < argc; i++)
    {
      /* Not inside MAX(), which would run it twice. */
      int file_status = import_file (store, argv[i], force);

      status = MAX (status, file_status);
    }
  return status;
}
