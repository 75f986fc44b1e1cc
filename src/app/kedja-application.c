/* kedja-application.c — the Kedja desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the command line, decides which database a window opens, makes
 * the demo database on first use, and owns the application-wide actions.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kedja-application.h"
#include "kedja-demo.h"
#include "kedja-window.h"

/* A year of the city's clients with established substance abuse. */
#define DEMO_CLIENTS 2000
#define DEMO_SEED    1

struct _KedjaApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (KedjaApplication, kedja_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE instead of the default one"), N_("FILE") },
  { "demo", '\0', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open a demo database of invented clients, made on first use"), NULL },
  { "version", '\0', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static char *
get_demo_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "kedja", "demo.db", NULL);
}

/* The demo database is made in a file of its own and renamed into place
 * only when complete, so a run that is stopped half-way never leaves a
 * partial demo behind to be opened next time. */
static void
create_demo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *partial_wal = g_strconcat (partial, "-wal", NULL);
  g_autofree char *partial_shm = g_strconcat (partial, "-shm", NULL);
  g_autoptr(KedjaStore) store = NULL;
  g_autoptr(KedjaDemoData) data = NULL;
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();

  g_unlink (partial);
  g_unlink (partial_wal);
  g_unlink (partial_shm);

  store = kedja_store_open (partial, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = kedja_demo_generate (DEMO_CLIENTS, DEMO_SEED, kedja_date_today ());
  if (!kedja_store_save_all (store, data->agencies, data->plans, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Closing the last connection folds the write-ahead log into the file. */
  g_clear_object (&store);

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the demo database “%s”: %s"),
                               path, g_strerror (saved_errno));
      return;
    }

  g_debug ("Demo database of %u clients made in %.2f s", DEMO_CLIENTS,
           (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC);
  g_task_return_boolean (task, TRUE);
}

/* Invented clients: nobody's privacy is at stake, so the demo opens a
 * plan straight away — one with a gap, which is what Kedja is about. */
static void
open_demo_file (KedjaWindow *window,
                const char  *path)
{
  if (kedja_window_open_file (window, path))
    kedja_window_select_plan_with_gap (window);
}

static void
create_demo_done_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KedjaWindow) window = user_data;
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    kedja_window_show_error (window, path, error);
  else
    open_demo_file (window, path);
}

static void
open_demo (KedjaApplication *self,
           KedjaWindow      *window)
{
  g_autofree char *path = get_demo_path ();
  g_autoptr(GTask) task = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_demo_file (window, path);
      return;
    }

  /* Thousands of plans take a moment to write; the window stays alive and
   * says what it is doing meanwhile. */
  kedja_window_show_loading (window, path, _("Creating Demo Data…"));
  task = g_task_new (self, NULL, create_demo_done_cb, g_object_ref (window));
  g_task_set_source_tag (task, open_demo);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, create_demo_thread);
}

static int
kedja_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "kedja", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Everything else is for the primary instance's command_line(). */
  return -1;
}

static int
kedja_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  KedjaApplication *self = KEDJA_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *database = NULL;
  gboolean demo = FALSE;
  KedjaWindow *window;

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "demo", "b", &demo);

  if (database != NULL && demo)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Use either --database or --demo, not both."));
      return EXIT_FAILURE;
    }

  /* Started again without a file: bring the open window forward rather
   * than open the same database twice. */
  window = KEDJA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  if (window != NULL && database == NULL && !demo)
    {
      gtk_window_present (GTK_WINDOW (window));
      return EXIT_SUCCESS;
    }

  window = kedja_window_new (self);

  if (database != NULL)
    {
      /* Relative to where the command was typed, which for a second
       * instance is not our own working directory. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      g_autofree char *path = g_file_get_path (file);

      kedja_window_open_file (window, path);
    }
  else if (demo)
    {
      open_demo (self, window);
    }
  else
    {
      g_autofree char *path = kedja_store_default_path ();

      kedja_window_open_file (window, path);
    }

  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (application);
  const char *translators = _("translator-credits");
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Kedja"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Kedja developers"));
  adw_about_window_set_comments (about,
                                 _("Plan a person’s care chain across agencies, from detox "
                                   "through treatment to housing and work, together in the "
                                   "coordinated individual plan (SIP) meeting."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© The Kedja developers"));
  /* Untranslated, the string is its own msgid: no credits to show. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (about, translators);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL },
  { "about", about_action, NULL, NULL, NULL },
};

static void
kedja_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (kedja_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  /* Set here rather than as widget bindings so that the Keyboard Shortcuts
   * window, which reads the application's accelerators, shows them. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.search",
                                         search_accels);
}

static void
kedja_application_class_init (KedjaApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->startup = kedja_application_startup;
  application_class->handle_local_options = kedja_application_handle_local_options;
  application_class->command_line = kedja_application_command_line;
}

static void
kedja_application_init (KedjaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan care chains across agencies."));
}

KedjaApplication *
kedja_application_new (void)
{
  return g_object_new (KEDJA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/kedja/Kedja",
                       NULL);
}
