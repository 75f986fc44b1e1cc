/* test-crash.c — a process killed in the middle of saving loses nothing committed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child saves plans in a loop and reports each plan (and revision) once
 * its commit has returned. The parent lets it run for a random number of
 * reports, kills it with SIGKILL wherever it happens to be, then checks that
 * the file is sound and that every reported save is there. This proves
 * crash safety, not power-loss durability: the page cache survives a
 * killed process.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib-unix.h>

#include "store-test-util.h"

#define N_ROUNDS    50
#define MAX_REPORTS 20
/* "UUID REVISION\n": well under PIPE_BUF, so each report is written whole. */
#define REPORT_SIZE 64

static void
report (int         fd,
        const char *line)
{
  gsize length = strlen (line);
  gssize written;

  do
    written = write (fd, line, length);
  while (written < 0 && errno == EINTR);
  if (written != (gssize) length)
    _exit (3);
}

G_GNUC_NORETURN static void
fail (int     fd,
      GError *error)
{
  g_autofree char *line = g_strdup_printf ("ERR %s\n", error->message);

  report (fd, line);
  _exit (2);
}

/* Runs in the child until it is killed. A fresh connection: one inherited
 * through fork() must never be used. */
G_GNUC_NORETURN static void
child_main (const char *path,
            int         fd,
            guint       round)
{
  g_autoptr(GError) error = NULL;
  KedjaStore *store;
  char line[REPORT_SIZE];

  /* The child inherits the parent's random state, so every child would
   * make the same "random" plan ids. */
  g_random_set_seed (0x4b656400 + round);

  store = kedja_store_open (path, &error);
  if (store == NULL)
    fail (fd, error);

  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("Klient %u-%u", round, i);
      KedjaPlan *plan = test_plan_small (name, "SIP", 1 + i % 3);

      /* A new plan, then an update of it: both kinds of transaction. */
      for (guint pass = 0; pass < 2; pass++)
        {
          if (pass == 1)
            plan->follow_up = D (2026, 6, 1) + (KedjaDate) i;
          if (!kedja_store_save_plan (store, plan, &error))
            fail (fd, error);
          g_snprintf (line, sizeof line, "%s %" G_GINT64_FORMAT "\n", plan->id, plan->revision);
          report (fd, line);
        }
      kedja_plan_unref (plan);
    }
}

/* Reads until at least @wanted whole lines have come, and returns them all
 * (the child may have sent more in the meantime). */
static char **
read_reports (int   fd,
              guint wanted)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint lines = 0;
  char buf[4096];

  while (lines < wanted)
    {
      gssize n = read (fd, buf, sizeof buf);

      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        g_error ("The child stopped by itself after: %s", text->str);
      g_assert_cmpint (n, >, 0);
      for (gssize i = 0; i < n; i++)
        lines += buf[i] == '\n';
      g_string_append_len (text, buf, n);
    }

  /* Only whole lines: a report cut by the read is not lost, only late. */
  g_string_truncate (text, strrchr (text->str, '\n') - text->str);
  return g_strsplit (text->str, "\n", -1);
}

static void
check_file (const char *path,
            GHashTable *saved)
{
  g_autoptr(KedjaStore) store = test_store_open (path);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id, revision;

  g_assert_true (kedja_store_check_integrity (store, &error));
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &id, &revision))
    {
      g_autoptr(KedjaPlan) plan = kedja_store_load_plan (store, id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (plan->revision, >=, GPOINTER_TO_INT (revision));
      g_assert_true (kedja_plan_validate (plan, NULL));
    }
}

static void
test_kill_while_saving (StoreFixture *f,
                        gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KedjaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_reports = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(GHashTable) this_round = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
      g_auto(GStrv) lines = NULL;
      guint wanted = g_rand_int_range (rand, 1, MAX_REPORTS + 1);
      int fds[2], status;
      pid_t pid;

      g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
      g_assert_no_error (error);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (f->path, fds[1], round);
        }
      close (fds[1]);

      lines = read_reports (fds[0], wanted);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (fds[0]);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);
          gpointer old_revision;
          int revision;

          if (g_str_has_prefix (lines[i], "ERR "))
            g_error ("The child could not save: %s", lines[i] + 4);
          g_assert_cmpuint (g_strv_length (fields), ==, 2);
          g_assert_true (g_uuid_string_is_valid (fields[0]));
          revision = atoi (fields[1]);
          g_assert_true (revision == 1 || revision == 2);

          if (!g_hash_table_lookup_extended (all, fields[0], NULL, &old_revision)
              || GPOINTER_TO_INT (old_revision) < revision)
            g_hash_table_insert (all, g_strdup (fields[0]), GINT_TO_POINTER (revision));
          g_hash_table_insert (this_round, g_strdup (fields[0]), GINT_TO_POINTER (revision));
          n_reports++;
        }

      /* This round's reports, against the file as the kill left it. */
      check_file (f->path, this_round);
    }

  g_assert_cmpuint (n_reports, >=, N_ROUNDS);

  /* At the end, every report of every round, in one load. */
  store = test_store_open (f->path);
  plans = kedja_store_load_all_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >=, g_hash_table_size (all));
  for (guint i = 0; i < plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (plans, i);
      gpointer revision;

      if (g_hash_table_lookup_extended (all, plan->id, NULL, &revision))
        {
          g_assert_cmpint (plan->revision, >=, GPOINTER_TO_INT (revision));
          g_hash_table_remove (all, plan->id);
        }
    }
  g_assert_cmpuint (g_hash_table_size (all), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/crash/kill-while-saving", StoreFixture, NULL, store_fixture_set_up,
              test_kill_while_saving, store_fixture_tear_down);

  return g_test_run ();
}
