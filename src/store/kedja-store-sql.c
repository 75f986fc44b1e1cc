/* kedja-store-sql.c — the connection's plumbing: statements, transactions, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kedja-store-private.h"

/* Statements */

void
_kedja_store_stmt_release (KedjaStoreStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Saving 2,000 plans runs the same dozen INSERTs tens of thousands of
 * times; preparing each once per connection keeps the parser out of it. */
KedjaStoreStmt *
_kedja_store_prepare (KedjaStore *self,
                      const char *sql,
                      GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
          != SQLITE_OK)
        {
          _kedja_store_fail_sqlite (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  /* The same SQL used twice at once would reset the outer use. */
  g_assert (!sqlite3_stmt_busy (stmt));
  return stmt;
}

gboolean
_kedja_store_step_done (KedjaStore     *self,
                        KedjaStoreStmt *stmt,
                        GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return _kedja_store_fail_sqlite (self, error);
}

gboolean
_kedja_store_step_row (KedjaStore     *self,
                       KedjaStoreStmt *stmt,
                       gboolean       *has_row,
                       GError        **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return _kedja_store_fail_sqlite (self, error);
}

/* Runs SQL that may hold several statements (a migration) or must not be
 * cached (a pragma), without a prepared statement. */
gboolean
_kedja_store_exec_script (KedjaStore *self,
                          const char *sql,
                          GError    **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  return _kedja_store_fail_sqlite (self, error);
}

gboolean
_kedja_store_exec (KedjaStore *self,
                   const char *sql,
                   GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = _kedja_store_prepare (self, sql, error);

  return stmt != NULL && _kedja_store_step_done (self, stmt, error);
}

/* Transactions */

gboolean
_kedja_store_begin_write (KedjaStore *self,
                          GError    **error)
{
  g_assert (sqlite3_get_autocommit (self->db));
  return _kedja_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_kedja_store_begin_read (KedjaStore *self,
                         GError    **error)
{
  g_assert (sqlite3_get_autocommit (self->db));
  return _kedja_store_exec (self, "BEGIN", error);
}

/* On failure the transaction is rolled back, so the caller only reports. */
gboolean
_kedja_store_commit (KedjaStore *self,
                     GError    **error)
{
  if (_kedja_store_exec (self, "COMMIT", error))
    return TRUE;
  _kedja_store_rollback (self);
  return FALSE;
}

void
_kedja_store_rollback (KedjaStore *self)
{
  /* SQLite may already have rolled back by itself (after SQLITE_FULL or an
   * I/O error); a second ROLLBACK would only add a confusing error. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Errors */

gboolean
_kedja_store_fail_sqlite_db (sqlite3    *db,
                             const char *name,
                             GError    **error)
{
  int code = db ? sqlite3_extended_errcode (db) : SQLITE_CANTOPEN;
  const char *reason = db ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_BUSY,
                   _("“%s” is in use by another Kedja window or program that has not let go "
                     "of it. Try again in a moment."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be used. Restore it from a backup, or ask "
                     "for technical support."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO,
                   _("The disk that holds “%s” is full. Make room on it and try again."), name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO,
                   _("“%s” cannot be changed: you may only read it. Ask for permission to "
                     "write to it, or work on a copy."), name);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO,
                   _("“%s” cannot be opened. Check that its folder exists and that you may "
                     "read and write there."), name);
      break;
    case SQLITE_IOERR:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
      /* TRANSLATORS: the second %s is SQLite's own, technical reason */
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO,
                   _("“%s” could not be read or written (%s). Check the disk, or ask for "
                     "technical support."), name, reason);
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID,
                   _("The change cannot be saved in “%s”: it breaks a rule of the database "
                     "(%s)."), name, reason);
      break;
    default:
      g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_FAILED,
                   _("Kedja could not use “%s” (%s)."), name, reason);
      break;
    }
  return FALSE;
}

gboolean
_kedja_store_fail_sqlite (KedjaStore *self,
                          GError    **error)
{
  return _kedja_store_fail_sqlite_db (self->db, self->display_name, error);
}

gboolean
_kedja_store_fail_corrupt (KedjaStore *self,
                           const char *detail,
                           GError    **error)
{
  /* TRANSLATORS: the second %s says what is wrong, in technical terms */
  g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s). Restore it from a backup, or ask for technical "
                 "support."), self->display_name, detail);
  return FALSE;
}

/* Values */

void
_kedja_store_bind_text (KedjaStoreStmt *stmt,
                        int             column,
                        const char     *text)
{
  /* NULL binds SQL NULL, which is what an absent optional text is. */
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

void
_kedja_store_bind_date (KedjaStoreStmt *stmt,
                        int             column,
                        KedjaDate       date)
{
  char buf[KEDJA_DATE_STRLEN];

  if (date == KEDJA_DATE_NONE)
    {
      sqlite3_bind_null (stmt, column);
      return;
    }
  kedja_date_format (date, buf);
  sqlite3_bind_text (stmt, column, buf, -1, SQLITE_TRANSIENT);
}

/* A value without a nick (KEDJA_CARE_SETTING_NONE, or garbage) binds NULL:
 * the column's NOT NULL or CHECK constraint then decides. */
void
_kedja_store_bind_enum (KedjaStoreStmt *stmt,
                        int             column,
                        GType           type,
                        int             value)
{
  _kedja_store_bind_text (stmt, column, kedja_enum_to_nick (type, value));
}

void
_kedja_store_bind_int (KedjaStoreStmt *stmt,
                       int             column,
                       gint64          value)
{
  sqlite3_bind_int64 (stmt, column, value);
}

char *
_kedja_store_column_text (KedjaStoreStmt *stmt,
                          int             column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

const char *
_kedja_store_column_peek (KedjaStoreStmt *stmt,
                          int             column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_kedja_store_column_date (KedjaStore     *self,
                          KedjaStoreStmt *stmt,
                          int             column,
                          KedjaDate      *out_date,
                          GError        **error)
{
  const char *text = _kedja_store_column_peek (stmt, column);

  *out_date = KEDJA_DATE_NONE;
  if (text == NULL)
    return TRUE;
  if (kedja_date_parse (text, out_date, NULL))
    return TRUE;

  g_autofree char *detail = g_strdup_printf ("%s = “%s”", sqlite3_column_name (stmt, column),
                                             text);
  return _kedja_store_fail_corrupt (self, detail, error);
}

/* A NULL column gives the enum's 0 for optional values (the care setting's
 * NONE); the schema keeps NULL out of the required ones. */
gboolean
_kedja_store_column_enum (KedjaStore     *self,
                          KedjaStoreStmt *stmt,
                          int             column,
                          GType           type,
                          int            *out_value,
                          GError        **error)
{
  const char *nick = _kedja_store_column_peek (stmt, column);

  *out_value = 0;
  if (nick == NULL || kedja_enum_from_nick (type, nick, out_value, NULL))
    return TRUE;

  g_autofree char *detail = g_strdup_printf ("%s = “%s”", sqlite3_column_name (stmt, column),
                                             nick);
  return _kedja_store_fail_corrupt (self, detail, error);
}

/* Sorting */

typedef struct {
  char       *name_key;
  char       *title_key;
  const char *id;
  gpointer    item;
} SortEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const SortEntry *x = a, *y = b;
  int cmp;

  if ((cmp = strcmp (x->name_key, y->name_key)) != 0)
    return cmp;
  if ((cmp = strcmp (x->title_key, y->title_key)) != 0)
    return cmp;
  return g_strcmp0 (x->id, y->id);
}

void
_kedja_store_sort_by_name (GPtrArray   *items,
                           const char *(*get_name) (gpointer item),
                           const char *(*get_title) (gpointer item),
                           const char *(*get_id) (gpointer item))
{
  g_autofree SortEntry *entries = g_new (SortEntry, items->len);

  /* Collation keys once per item, rather than g_utf8_collate() (which
   * normalises both strings) on every comparison. */
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      const char *name = get_name (item);
      const char *title = get_title (item);

      entries[i].name_key = g_utf8_collate_key (name ? name : "", -1);
      entries[i].title_key = g_utf8_collate_key (title ? title : "", -1);
      entries[i].id = get_id (item);
      entries[i].item = item;
    }

  if (items->len > 1)
    qsort (entries, items->len, sizeof *entries, compare_entries);

  for (guint i = 0; i < items->len; i++)
    {
      items->pdata[i] = entries[i].item;
      g_free (entries[i].name_key);
      g_free (entries[i].title_key);
    }
}
