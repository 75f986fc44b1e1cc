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

#include <gio/gio.h>
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

/* The file is read in a thread of its own while the plans it has given
 * so far are saved, inside one transaction that only commits once the
 * whole file has been read and checked: a city's file takes the time of
 * the slower of the two, not of both. */
typedef struct {
  const char  *path;
  GAsyncQueue *plans;   /* KedjaPlan, then &end_of_file */
  gint         stop;    /* set when saving failed: read no further */
  GError      *error;   /* why reading failed */
} Reading;

static char end_of_file;

static gboolean
hand_over_cb (KedjaPlan *plan,
              gpointer   user_data,
              GError   **error)
{
  Reading *reading = user_data;

  if (g_atomic_int_get (&reading->stop))
    {
      kedja_plan_unref (plan);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  g_async_queue_push (reading->plans, plan);
  return TRUE;
}

static gpointer
read_thread (gpointer data)
{
  Reading *reading = data;

  kedja_sip_read_file_each (reading->path, hand_over_cb, reading, &reading->error);
  g_async_queue_push (reading->plans, &end_of_file);
  return NULL;
}

static int
fail_file (const GError *error)
{
  if (g_error_matches (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT))
    kedja_cli_fail (_("%s Use --force to replace it anyway."), error->message);
  else
    kedja_cli_fail_error (error);
  return status_of (error);
}

static int
import_file (KedjaStore *store,
             const char *path,
             gboolean    force)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  Reading reading = { .path = path };
  KedjaStoreImport *import;
  KedjaImportResult result;
  GThread *thread;
  gpointer item;

  import = kedja_store_import_begin (store, force, name, &error);
  if (import == NULL)
    return fail_file (error);

  reading.plans = g_async_queue_new ();
  thread = g_thread_new ("kedja-read", read_thread, &reading);
  while ((item = g_async_queue_pop (reading.plans)) != &end_of_file)
    {
      if (error == NULL && !kedja_store_import_add (import, item, &error))
        g_atomic_int_set (&reading.stop, 1);
      kedja_plan_unref (item);
    }
  g_thread_join (thread);
  g_async_queue_unref (reading.plans);

  /* The reader's and the store's messages already name the file. When
   * saving failed, the reader was only told to stop. */
  if (error == NULL && reading.error != NULL)
    error = g_steal_pointer (&reading.error);
  g_clear_error (&reading.error);
  if (error != NULL)
    {
      kedja_store_import_abort (import);
      return fail_file (error);
    }
  if (!kedja_store_import_commit (import, &result, &error))
    return fail_file (error);

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
