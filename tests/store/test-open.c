/* test-open.c — making, migrating and refusing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "kedja-store-private.h"
#include "store-test-util.h"

#define APPLICATION_ID 0x4B65646A

static const char *const tables[] = {
  "agencies", "audit_log", "clients", "consents", "goals", "handovers", "meeting_attendees",
  "meetings", "participants", "plan_agencies", "plans", "ratings", "settings", "step_goals",
  "steps",
};

static void
assert_is_current_kedja_file (const char *path)
{
  g_assert_cmpint (test_query_int (path, "PRAGMA application_id"), ==, APPLICATION_ID);
  g_assert_cmpint (test_query_int (path, "PRAGMA user_version"), ==,
                   _kedja_store_schema_version ());
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                              "WHERE type = 'table' AND name = '%s'", tables[i]);
      g_assert_cmpint (test_query_int (path, sql), ==, 1);
    }
}

static void
assert_no_siblings (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sibling = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (sibling, G_FILE_TEST_EXISTS));
    }
}

/* Makes a Kedja file holding the sample plan, closed. */
static void
make_kedja_file (const char *path)
{
  g_autoptr(KedjaStore) store = test_store_open (path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(GError) error = NULL;

  kedja_store_save_plan (store, plan, &error);
  g_assert_no_error (error);
}

/* Opening @path must fail with @code, name the file, and change nothing. */
static void
assert_refused (const char     *path,
                KedjaStoreError code)
{
  g_autoptr(GBytes) before = test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = NULL;
  g_autofree char *name = g_filename_display_name (path);

  store = kedja_store_open (path, &error);
  g_assert_error (error, KEDJA_STORE_ERROR, (int) code);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, name));

  test_assert_file_is (path, before);
  assert_no_siblings (path);
}

static void
test_new_file (StoreFixture *f,
               gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  struct {
    const char *key;
    const char *value;
  } defaults[] = {
    { "gap-days-after-residential", "7" },
    { "gap-days", "14" },
    { "handover-warning-days", "7" },
    { "long-wait-days", "30" },
    { "overlap-phases", "detox treatment housing" },
  };

  g_assert_cmpstr (kedja_store_get_path (store), ==, f->path);
  assert_is_current_kedja_file (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autofree char *got = kedja_store_get_setting (store, defaults[i].key, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, defaults[i].value);
    }
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM settings"), ==,
                   G_N_ELEMENTS (defaults));

  plans = kedja_store_load_all_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 0);
  g_assert_true (kedja_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

static void
test_wal_mode (StoreFixture *f,
               gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GBytes) header = NULL;
  const guint8 *bytes;

  /* WAL mode is kept in the file: bytes 18 and 19 of the header are 2. */
  g_clear_object (&store);
  header = test_read_file (f->path);
  bytes = g_bytes_get_data (header, NULL);
  g_assert_cmpuint (g_bytes_get_size (header), >=, 100);
  g_assert_cmpuint (bytes[18], ==, 2);
  g_assert_cmpuint (bytes[19], ==, 2);
}

/* The file and its WAL companions are the owner's alone, whatever the
 * umask; folders made for it too. */
static void
test_private_modes (StoreFixture *f,
                    gconstpointer data)
{
  g_autofree char *outer = g_build_filename (f->dir, "privat", NULL);
  g_autofree char *inner = g_build_filename (outer, "kedja", NULL);
  g_autofree char *path = g_build_filename (inner, "kedja.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(KedjaStore) store = NULL;
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  store = test_store_open (path);
  kedja_store_save_plan (store, plan, &error);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpuint (test_file_mode (outer), ==, 0700);
  g_assert_cmpuint (test_file_mode (inner), ==, 0700);
  g_assert_cmpuint (test_file_mode (path), ==, 0600);
  /* Checked while the store is open: SQLite removes them on close. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (test_file_mode (shm), ==, 0600);
}

static void
test_existing_folder_keeps_its_mode (StoreFixture *f,
                                     gconstpointer data)
{
  g_autoptr(KedjaStore) store = NULL;

  g_assert_cmpint (g_chmod (f->dir, 0750), ==, 0);
  store = test_store_open (f->path);
  g_assert_cmpuint (test_file_mode (f->dir), ==, 0750);
}

static void
test_reopen (StoreFixture *f,
             gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(KedjaStore) store = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  store = test_store_open (f->path);
  kedja_store_save_plan (store, plan, &error);
  g_assert_no_error (error);
  kedja_store_set_setting (store, "gap-days", "21", &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_no_siblings (f->path);

  store = test_store_open (f->path);
  assert_is_current_kedja_file (f->path);
  loaded = kedja_store_load_plan (store, TEST_PLAN_ID, &error);
  g_assert_no_error (error);
  g_assert_true (kedja_plan_equal (loaded, plan));
  value = kedja_store_get_setting (store, "gap-days", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "21");
  audit = kedja_store_list_audit (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1 + 5 + 1);  /* plan, its five agencies, setting */
}

static void
test_empty_file_is_new (StoreFixture *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = NULL;

  g_file_set_contents (f->path, "", 0, &error);
  g_assert_no_error (error);
  store = test_store_open (f->path);
  assert_is_current_kedja_file (f->path);
}

/* What `sqlite3 file` leaves behind, or a Kedja that died before its first
 * commit: a database with nothing in it. */
static void
test_blank_database_is_new (StoreFixture *f,
                            gconstpointer data)
{
  g_autoptr(KedjaStore) store = NULL;

  test_exec (f->path, "CREATE TABLE t (x); DROP TABLE t;");
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  store = test_store_open (f->path);
  assert_is_current_kedja_file (f->path);
}

static void
test_too_new (StoreFixture *f,
              gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u",
                                          _kedja_store_schema_version () + 1);

  make_kedja_file (f->path);
  test_exec (f->path, sql);
  assert_refused (f->path, KEDJA_STORE_ERROR_TOO_NEW);
}

static void
test_plain_text (StoreFixture *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->path, "Det här är en anteckning, ingen databas.\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (f->path, KEDJA_STORE_ERROR_NOT_KEDJA);
}

static void
test_short_text (StoreFixture *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->path, "SQL", -1, &error);
  g_assert_no_error (error);
  assert_refused (f->path, KEDJA_STORE_ERROR_NOT_KEDJA);
}

static void
test_other_application (StoreFixture *f,
                        gconstpointer data)
{
  /* Application id 0, as most SQLite files have. */
  test_exec (f->path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hej');");
  assert_refused (f->path, KEDJA_STORE_ERROR_NOT_KEDJA);
}

static void
test_other_application_id (StoreFixture *f,
                           gconstpointer data)
{
  test_exec (f->path, "PRAGMA application_id = 305419896; CREATE TABLE t (x);");
  assert_refused (f->path, KEDJA_STORE_ERROR_NOT_KEDJA);
}

static void
test_other_application_in_wal_mode (StoreFixture *f,
                                    gconstpointer data)
{
  test_exec (f->path, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (f->path, KEDJA_STORE_ERROR_NOT_KEDJA);
}

static void
overwrite (const char *path,
           gsize       offset,
           const char *bytes,
           gsize       length)
{
  g_autoptr(GBytes) contents = test_read_file (path);
  g_autoptr(GError) error = NULL;
  gsize size = g_bytes_get_size (contents);
  g_autofree char *data = g_memdup2 (g_bytes_get_data (contents, NULL), size);

  g_assert_cmpuint (offset + length, <=, size);
  memcpy (data + offset, bytes, length);
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

/* Damage to the text of the schema: SQLite cannot parse the tables. */
static void
test_corrupt_schema_text (StoreFixture *f,
                          gconstpointer data)
{
  g_autoptr(GBytes) contents = NULL;
  const char *bytes, *found;
  gsize size;

  make_kedja_file (f->path);
  contents = test_read_file (f->path);
  bytes = g_bytes_get_data (contents, &size);
  found = memmem (bytes, size, "CREATE TABLE plans", strlen ("CREATE TABLE plans"));
  g_assert_nonnull (found);
  overwrite (f->path, found - bytes + 7, "\xff\xfe#!@", 5);

  assert_refused (f->path, KEDJA_STORE_ERROR_CORRUPT);
}

/* Damage to page 1's b-tree header, the root of the schema. */
static void
test_corrupt_page_one (StoreFixture *f,
                       gconstpointer data)
{
  make_kedja_file (f->path);
  overwrite (f->path, 100, "\x42\x42\x42\x42\x42\x42\x42\x42", 8);
  assert_refused (f->path, KEDJA_STORE_ERROR_CORRUPT);
}

static void
truncate_file (const char *path,
               gsize       length)
{
  g_autoptr(GBytes) contents = test_read_file (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (length, <, g_bytes_get_size (contents));
  g_file_set_contents (path, g_bytes_get_data (contents, NULL), length, &error);
  g_assert_no_error (error);
}

static void
test_truncated (StoreFixture *f,
                gconstpointer data)
{
  gint64 page_size, page_count;

  make_kedja_file (f->path);
  page_size = test_query_int (f->path, "PRAGMA page_size");
  page_count = test_query_int (f->path, "PRAGMA page_count");
  g_assert_cmpint (page_count, >, 4);
  truncate_file (f->path, page_size * (page_count / 2));
  assert_refused (f->path, KEDJA_STORE_ERROR_CORRUPT);
}

static void
test_truncated_in_header (StoreFixture *f,
                          gconstpointer data)
{
  make_kedja_file (f->path);
  truncate_file (f->path, 60);
  assert_refused (f->path, KEDJA_STORE_ERROR_CORRUPT);
}

static void
test_not_a_file (StoreFixture *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  store = kedja_store_open (f->path, &error);
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_KEDJA);
  g_assert_null (store);
}

static void
test_folder_cannot_be_made (StoreFixture *f,
                            gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "fil", NULL);
  g_autofree char *path = g_build_filename (blocker, "kedja.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = NULL;

  /* A file where the folder should be. */
  g_file_set_contents (blocker, "x", 1, &error);
  g_assert_no_error (error);
  store = kedja_store_open (path, &error);
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO);
  g_assert_null (store);
}

static void
test_default_path (void)
{
  g_autofree char *path = kedja_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "kedja", "kedja.db",
                                                NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(KedjaStore) store = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  store = test_store_open (path);
  g_assert_cmpuint (test_file_mode (dir), ==, 0700);
  g_assert_cmpuint (test_file_mode (path), ==, 0600);
}

static void
test_integrity_check (StoreFixture *f,
                      gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(GError) error = NULL;

  kedja_store_save_plan (store, plan, &error);
  g_assert_no_error (error);
  g_assert_true (kedja_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* A row that refers to no plan, written past the store (foreign keys
   * are off in a plain connection). */
  test_exec (f->path, "INSERT INTO ratings (plan_id, position, date, domain, value) "
                      "VALUES ('no-such-plan', 0, '2026-01-01', 'housing', 5)");
  g_assert_false (kedja_store_check_integrity (store, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "ratings"));
}

#define ADD(name, func) \
  g_test_add ("/store/open/" name, StoreFixture, NULL, store_fixture_set_up, func, \
              store_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("new-file", test_new_file);
  ADD ("wal-mode", test_wal_mode);
  ADD ("private-modes", test_private_modes);
  ADD ("existing-folder-keeps-its-mode", test_existing_folder_keeps_its_mode);
  ADD ("reopen", test_reopen);
  ADD ("empty-file-is-new", test_empty_file_is_new);
  ADD ("blank-database-is-new", test_blank_database_is_new);
  ADD ("refuse/too-new", test_too_new);
  ADD ("refuse/plain-text", test_plain_text);
  ADD ("refuse/short-text", test_short_text);
  ADD ("refuse/other-application", test_other_application);
  ADD ("refuse/other-application-id", test_other_application_id);
  ADD ("refuse/other-application-wal", test_other_application_in_wal_mode);
  ADD ("refuse/corrupt-schema-text", test_corrupt_schema_text);
  ADD ("refuse/corrupt-page-one", test_corrupt_page_one);
  ADD ("refuse/truncated", test_truncated);
  ADD ("refuse/truncated-in-header", test_truncated_in_header);
  ADD ("refuse/not-a-file", test_not_a_file);
  ADD ("refuse/folder-cannot-be-made", test_folder_cannot_be_made);
  ADD ("integrity-check", test_integrity_check);
  g_test_add_func ("/store/open/default-path", test_default_path);

  return g_test_run ();
}
