/* test-sip-write-files.c — SIP XML 1.0 out: the file, put in place whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file writer writes beside its path and moves the file into place only
 * once the document is complete and valid: readable by its owner alone,
 * and with nothing left behind when it fails, is abandoned, or cannot
 * move the file into place.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "kedja-core.h"
#include "kedja-sip.h"

#include "exchange-test-util.h"

static void
test_file_mode (void)
{
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;
  mode_t old = umask (022);

  bytes = write_to_file (path, plan, D (2026, 11, 29));
  umask (old);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  /* Only the file itself: no temporary file is left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* A plan the schema refuses (a title of blanks) is not written, and no
 * temporary file stays behind. */
static void
test_failed_finish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(KedjaSipWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_free (plan->title);
  plan->title = g_strdup ("   ");

  writer = kedja_sip_writer_new (path, FALSE, &options, &error);
  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* the temporary file */
  g_assert_false (kedja_sip_writer_finish (writer, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  /* The writer says so when it is used again. */
  g_assert_false (kedja_sip_writer_add (writer, plan, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED);
  g_clear_error (&error);

  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&writer, kedja_sip_writer_free);

  /* A control character is not even well-formed XML: in the middle of a
   * collection, after valid plans, it refuses the whole file. */
  writer = kedja_sip_writer_new (path, TRUE, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KedjaPlan) good = make_full_plan ();

      kedja_sip_writer_add (writer, good, &error);
      g_assert_no_error (error);
    }
  g_free (plan->title);
  plan->title = g_strdup ("Plan \001");
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_false (kedja_sip_writer_finish (writer, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

/* The last step, moving the file into place, fails when a folder already
 * has the name: the error names the file, and nothing is left over. */
static void
test_failed_rename (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(KedjaSipWriter) writer = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));

  writer = kedja_sip_writer_new (path, FALSE, &options, &error);
  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_false (kedja_sip_writer_finish (writer, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* only the folder */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  remove_tree (dir);
}

/* A writer freed before it finished takes its temporary file with it. */
static void
test_abandoned (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plans.xml", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  KedjaSipWriter *writer = kedja_sip_writer_new (path, TRUE, &options, &error);

  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  kedja_sip_writer_free (writer);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);

  /* A folder that does not exist gives an error at once, naming it. */
  writer = kedja_sip_writer_new ("/nonexistent-kedja-dir/plans.xml", TRUE, &options, &error);
  g_assert_null (writer);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-kedja-dir"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The documents are in English, the source language, whatever the
   * developer's own environment says (as in test-sip-write.c). */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kedja_i18n_init ();

  g_test_add_func ("/exchange/sip-write/file-mode", test_file_mode);
  g_test_add_func ("/exchange/sip-write/failed-finish", test_failed_finish);
  g_test_add_func ("/exchange/sip-write/failed-rename", test_failed_rename);
  g_test_add_func ("/exchange/sip-write/abandoned", test_abandoned);

  return g_test_run ();
}
