/* kedja-store.c — the SQLite file that holds plans, the directory and the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening is careful: a file that is not ours, comes from a newer Kedja or
 * is damaged must come out of a failed open exactly as it went in, because
 * it may be someone's only copy. So everything that could write (WAL mode,
 * migrations) waits until reads alone have shown the file is a Kedja file
 * this version understands.
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kedja-store-private.h"

/* Another program holding the write lock gets this long before the user
 * is told the file is busy. */
#define BUSY_TIMEOUT_MS 5000

/* The first 100 bytes of an SQLite file. */
#define SQLITE_HEADER_SIZE     100
#define SQLITE_MAGIC           "SQLite format 3"
#define HEADER_APPLICATION_ID  68

G_DEFINE_QUARK (kedja-store-error-quark, kedja_store_error)

G_DEFINE_FINAL_TYPE (KedjaStore, kedja_store, G_TYPE_OBJECT)

static void
kedja_store_finalize (GObject *object)
{
  KedjaStore *self = KEDJA_STORE (object);

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_critical ("Could not close %s: %s", self->display_name, sqlite3_errmsg (self->db));
  self->db = NULL;
  g_free (self->path);
  g_free (self->display_name);

  G_OBJECT_CLASS (kedja_store_parent_class)->finalize (object);
}

static void
kedja_store_class_init (KedjaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kedja_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kedja_store_init (KedjaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Refusals */

static gboolean
fail_not_kedja (const char *name,
                GError    **error)
{
  g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_KEDJA,
               _("“%s” is not a Kedja database. It has not been changed; choose another "
                 "file."), name);
  return FALSE;
}

gboolean
_kedja_store_fail_too_new (KedjaStore *self,
                           GError    **error)
{
  g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_TOO_NEW,
               _("“%s” was made by a newer version of Kedja. It has not been changed; "
                 "update Kedja to open it."), self->display_name);
  return FALSE;
}

/* Takes @message (already translated and filled in). */
static gboolean
fail_io (char    *message,
         GError **error)
{
  g_set_error_literal (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO, message);
  g_free (message);
  return FALSE;
}

/* Opening, step by step */

/* Creates the file ourselves, so that it is born 0600: SQLite would make it
 * 0644 (less the umask), and gives its -wal and -shm files the mode of the
 * database. O_EXCL keeps us from taking over a file made in the meantime. */
static gboolean
create_if_missing (const char *path,
                   const char *name,
                   gboolean   *out_created,
                   GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *out_created = FALSE;
  /* Only missing folders are made, and private: the file holds people's
   * care plans. Existing folders keep their mode. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail_io (g_strdup_printf (_("The folder for “%s” cannot be created: %s"),
                                     name, g_strerror (errno)), error);

  fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      *out_created = TRUE;
      return TRUE;
    }
  if (errno == EEXIST)
    return TRUE;
  return fail_io (g_strdup_printf (_("“%s” cannot be created: %s"),
                                   name, g_strerror (errno)), error);
}

/* Reads the header with plain read(2), before SQLite sees the file, so that
 * text files are refused without SQLite trying to make sense of them (and
 * a damaged Kedja file, whose header is SQLite's, is told apart from a file
 * that was never a database). */
static gboolean
read_header (const char *path,
             const char *name,
             gboolean   *out_empty,
             guint32    *out_application_id,
             GError    **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  struct stat st;
  gsize n = 0;
  int fd;

  *out_empty = FALSE;
  *out_application_id = 0;

  /* O_NONBLOCK: a FIFO given as the path must not hang the open. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return fail_io (g_strdup_printf (_("“%s” cannot be read: %s"),
                                     name, g_strerror (errno)), error);
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      close (fd);
      return fail_io (g_strdup_printf (_("“%s” cannot be read: %s"),
                                       name, g_strerror (saved_errno)), error);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return fail_not_kedja (name, error);
    }
  if (st.st_size == 0)
    {
      /* An empty file is a new database waiting to be made. */
      close (fd);
      *out_empty = TRUE;
      return TRUE;
    }

  while (n < sizeof header)
    {
      gssize r = read (fd, header + n, sizeof header - n);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved_errno = errno;
          close (fd);
          return fail_io (g_strdup_printf (_("“%s” cannot be read: %s"),
                                           name, g_strerror (saved_errno)), error);
        }
      if (r == 0)
        break;
      n += (gsize) r;
    }
  close (fd);

  if (n < sizeof SQLITE_MAGIC || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    return fail_not_kedja (name, error);
  if (n < sizeof header)
    {
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: it ends too early. It has not been changed; restore it "
                     "from a backup."), name);
      return FALSE;
    }

  *out_application_id = ((guint32) header[HEADER_APPLICATION_ID] << 24)
                        | ((guint32) header[HEADER_APPLICATION_ID + 1] << 16)
                        | ((guint32) header[HEADER_APPLICATION_ID + 2] << 8)
                        | (guint32) header[HEADER_APPLICATION_ID + 3];
  return TRUE;
}

static gboolean
query_int (KedjaStore *self,
           const char *sql,
           gint64     *out_value,
           GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = _kedja_store_prepare (self, sql, error);
  gboolean has_row;

  if (stmt == NULL || !_kedja_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  *out_value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Reads, through SQLite, what decides whether we may touch the file. The
 * header read before is not enough on its own: in WAL mode the newest
 * header may still be in the -wal file. Reading the schema also finds a
 * damaged schema or a truncated file (SQLite compares the page count in the
 * header with the file's size). */
static gboolean
check_contents (KedjaStore *self,
                GError    **error)
{
  gint64 application_id, version, n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error)
      || !query_int (self, "PRAGMA user_version", &version, error)
      || !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id != KEDJA_STORE_APPLICATION_ID)
    {
      /* An SQLite file with nothing in it: made by `sqlite3 file`, or by
       * a Kedja that crashed before its first commit. Nothing to lose;
       * the migrations make it a Kedja file. */
      if (application_id == 0 && version == 0 && n_objects == 0)
        return TRUE;
      return fail_not_kedja (self->display_name, error);
    }
  if (version > (gint64) _kedja_store_schema_version ())
    return _kedja_store_fail_too_new (self, error);
  return TRUE;
}

/* Per connection: none of these are stored in the file (except WAL mode,
 * which is set once and stays). */
static gboolean
configure_connection (KedjaStore *self,
                      GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  gboolean has_row;

  stmt = _kedja_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL || !_kedja_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  /* A file system without shared memory keeps the rollback journal, which
   * is as safe, only slower with two windows open. */
  if (!has_row || g_ascii_strcasecmp (_kedja_store_column_peek (stmt, 0), "wal") != 0)
    g_message ("%s is not in WAL mode", self->display_name);

  /* FULL: WAL with NORMAL survives a crash, but may lose the last commits
   * on a power cut; DESIGN.md allows no lost edit. */
  return _kedja_store_exec_script (self, "PRAGMA synchronous = FULL", error)
         && _kedja_store_exec_script (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean
open_connection (KedjaStore *self,
                 GError    **error)
{
  /* No SQLITE_OPEN_CREATE: the file exists by now, made with our mode. */
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      _kedja_store_fail_sqlite_db (self->db, self->display_name, error);
      /* A failed open still gives a handle, which must be closed. */
      sqlite3_close (self->db);
      self->db = NULL;
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Files come from elsewhere too: do not let one's schema (triggers,
   * views) call functions with side effects, or corrupt itself via SQL. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  return TRUE;
}

KedjaStore *
kedja_store_open (const char *path,
                  GError    **error)
{
  g_autoptr(KedjaStore) self = NULL;
  gboolean is_new, empty;
  guint32 application_id;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KEDJA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);

  if (!create_if_missing (path, self->display_name, &is_new, error))
    return NULL;
  if (!is_new)
    {
      if (!read_header (path, self->display_name, &empty, &application_id, error))
        return NULL;
      /* Another program's database: no need to ask SQLite to find out. */
      if (!empty && application_id != 0 && application_id != KEDJA_STORE_APPLICATION_ID)
        {
          fail_not_kedja (self->display_name, error);
          return NULL;
        }
      is_new = empty;
    }

  if (!open_connection (self, error))
    return NULL;
  if (!is_new && !check_contents (self, error))
    return NULL;

  if (!configure_connection (self, error) || !_kedja_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
kedja_store_get_path (KedjaStore *self)
{
  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);

  return self->path;
}

char *
kedja_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kedja", "kedja.db", NULL);
}

/* Integrity */

static gboolean
collect_problems (KedjaStore *self,
                  const char *sql,
                  gboolean    ok_row,
                  GString    *problems,
                  GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = _kedja_store_prepare (self, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *first = _kedja_store_column_peek (stmt, 0);

      /* integrity_check says "ok" when all is well. */
      if (ok_row && g_strcmp0 (first, "ok") == 0)
        continue;
      /* Enough to recognise the damage; the rest only makes the message long. */
      if (n++ >= 3)
        continue;
      if (problems->len > 0)
        g_string_append (problems, "; ");
      if (ok_row)
        g_string_append (problems, first ? first : "?");
      else
        g_string_append_printf (problems, "%s → %s", first ? first : "?",
                                _kedja_store_column_peek (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return _kedja_store_fail_sqlite (self, error);
  return TRUE;
}

/**
 * kedja_store_check_integrity:
 *
 * Reads the whole file and checks SQLite's structures and every reference
 * between rows. Slow on a big file (it reads every page): for a "check the
 * database" command and tests, not for every open.
 *
 * Returns: %TRUE when the file is sound; else %KEDJA_STORE_ERROR_CORRUPT
 * with the first problems found.
 */
gboolean
kedja_store_check_integrity (KedjaStore *self,
                             GError    **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (KEDJA_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kedja_store_begin_read (self, error))
    return FALSE;
  ok = collect_problems (self, "PRAGMA integrity_check", TRUE, problems, error)
       && collect_problems (self, "PRAGMA foreign_key_check", FALSE, problems, error);
  _kedja_store_rollback (self);
  if (!ok)
    return FALSE;

  if (problems->len > 0)
    return _kedja_store_fail_corrupt (self, problems->str, error);
  return TRUE;
}
