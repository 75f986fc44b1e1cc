/* kedja-store-private.h — what the store's files share, and nothing else sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is split by responsibility: kedja-store.c opens the file and
 * owns the object, kedja-store-sql.c the connection's plumbing (statement
 * cache, transactions, errors, values), kedja-store-schema.c the
 * migrations, kedja-store-plans.c (saving, deleting, listing),
 * kedja-store-rows.c (a plan's rows) and kedja-store-load.c (reading them
 * back) the plans, kedja-store-directory.c the agency directory, the
 * settings and the log, kedja-store-import.c plans from partners' files, and
 * kedja-store-pseudonym.c the key of the pseudonyms.
 */
#pragma once

#include <sqlite3.h>

#include "kedja-store.h"

G_BEGIN_DECLS

/* 'Kedj' in the header of every Kedja file (PRAGMA application_id). */
#define KEDJA_STORE_APPLICATION_ID 0x4B65646A

struct _KedjaStore
{
  GObject     parent_instance;

  char       *path;
  char       *display_name;  /* @path for messages, in UTF-8 */
  sqlite3    *db;
  GHashTable *statements;    /* SQL text → sqlite3_stmt, prepared once */
};

/* A cached statement on loan. Its cleanup resets it and clears its bindings,
 * so that no early return can leave a read transaction open or a pointer
 * bound to freed memory. */
typedef sqlite3_stmt KedjaStoreStmt;

void            _kedja_store_stmt_release   (KedjaStoreStmt *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaStoreStmt, _kedja_store_stmt_release)

KedjaStoreStmt *_kedja_store_prepare        (KedjaStore     *self,
                                             const char     *sql,
                                             GError        **error);
gboolean        _kedja_store_step_done      (KedjaStore     *self,
                                             KedjaStoreStmt *stmt,
                                             GError        **error);
/* Steps once: TRUE with *@has_row set, or FALSE with @error set. */
gboolean        _kedja_store_step_row       (KedjaStore     *self,
                                             KedjaStoreStmt *stmt,
                                             gboolean       *has_row,
                                             GError        **error);
gboolean        _kedja_store_exec_script    (KedjaStore     *self,
                                             const char     *sql,
                                             GError        **error);
gboolean        _kedja_store_exec           (KedjaStore     *self,
                                             const char     *sql,
                                             GError        **error);

/* Write transactions start with BEGIN IMMEDIATE: the write lock is taken
 * (waiting up to the busy timeout) before anything is read, so that a
 * read-modify-write never fails half-way with "database is locked". Read
 * transactions give several queries one consistent snapshot. */
gboolean        _kedja_store_begin_write    (KedjaStore     *self,
                                             GError        **error);
gboolean        _kedja_store_begin_read     (KedjaStore     *self,
                                             GError        **error);
gboolean        _kedja_store_commit         (KedjaStore     *self,
                                             GError        **error);
void            _kedja_store_rollback       (KedjaStore     *self);

/* Turns the connection's last SQLite error into a KedjaStoreError with a
 * message that names the file. Always returns FALSE. */
gboolean        _kedja_store_fail_sqlite    (KedjaStore     *self,
                                             GError        **error);
gboolean        _kedja_store_fail_sqlite_db (sqlite3        *db,
                                             const char     *display_name,
                                             GError        **error);
gboolean        _kedja_store_fail_corrupt   (KedjaStore     *self,
                                             const char     *detail,
                                             GError        **error);
gboolean        _kedja_store_fail_too_new   (KedjaStore     *self,
                                             GError        **error);

/* Values: dates as "YYYY-MM-DD" or NULL, enums as their nicks, booleans as
 * 0/1. Strings are bound without a copy: they must outlive the step. */
void            _kedja_store_bind_text      (KedjaStoreStmt *stmt,
                                             int             column,
                                             const char     *text);
void            _kedja_store_bind_date      (KedjaStoreStmt *stmt,
                                             int             column,
                                             KedjaDate       date);
void            _kedja_store_bind_enum      (KedjaStoreStmt *stmt,
                                             int             column,
                                             GType           type,
                                             int             value);
void            _kedja_store_bind_int       (KedjaStoreStmt *stmt,
                                             int             column,
                                             gint64          value);
char           *_kedja_store_column_text    (KedjaStoreStmt *stmt,
                                             int             column);
const char     *_kedja_store_column_peek    (KedjaStoreStmt *stmt,
                                             int             column);
gboolean        _kedja_store_column_date    (KedjaStore     *self,
                                             KedjaStoreStmt *stmt,
                                             int             column,
                                             KedjaDate      *out_date,
                                             GError        **error);
gboolean        _kedja_store_column_enum    (KedjaStore     *self,
                                             KedjaStoreStmt *stmt,
                                             int             column,
                                             GType           type,
                                             int            *out_value,
                                             GError        **error);

/* Schema (kedja-store-schema.c). */
guint           _kedja_store_schema_version (void);
gboolean        _kedja_store_migrate        (KedjaStore     *self,
                                             GError        **error);

/* The audit log, written inside the caller's transaction. */
gboolean        _kedja_store_audit          (KedjaStore     *self,
                                             const char     *action,
                                             const char     *entity,
                                             const char     *entity_id,
                                             const char     *detail,
                                             GError        **error);
/* Reads the six columns id, name, kind, hsa_id, org_number, contact
 * starting at @first. */
KedjaAgency    *_kedja_store_read_agency    (KedjaStore     *self,
                                             KedjaStoreStmt *stmt,
                                             int             first,
                                             GError        **error);
/* Inserts or updates one directory entry, logging what changed; inside the
 * caller's write transaction. */
gboolean        _kedja_store_check_agency   (const KedjaAgency *agency,
                                             GError           **error);
gboolean        _kedja_store_upsert_agency  (KedjaStore        *self,
                                             const KedjaAgency *agency,
                                             GError           **error);

/* A plan's rows (kedja-store-rows.c), inside the caller's write
 * transaction. The insert writes @revision; the update writes
 * @new_revision and succeeds only while the stored revision is still
 * @stored_revision (*@out_updated tells). */
gboolean        _kedja_store_upsert_client   (KedjaStore        *self,
                                              const KedjaClient *client,
                                              GError           **error);
gboolean        _kedja_store_insert_plan_row (KedjaStore        *self,
                                              const KedjaPlan   *plan,
                                              gint64             revision,
                                              GError           **error);
gboolean        _kedja_store_update_plan_row (KedjaStore        *self,
                                              const KedjaPlan   *plan,
                                              gint64             stored_revision,
                                              gint64             new_revision,
                                              gboolean          *out_updated,
                                              GError           **error);
gboolean        _kedja_store_delete_parts    (KedjaStore        *self,
                                              const char        *plan_id,
                                              GError           **error);
gboolean        _kedja_store_insert_parts    (KedjaStore        *self,
                                              const KedjaPlan   *plan,
                                              GError           **error);

/* Writing a whole plan (kedja-store-plans.c), shared by saving and
 * importing, inside the caller's write transaction. */

/* What the file says about a plan before it is written. */
typedef struct {
  gboolean exists;
  gint64   revision;
  char    *client_id;
  char    *title;
} KedjaStoredPlan;

void            _kedja_stored_plan_clear    (KedjaStoredPlan *stored);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KedjaStoredPlan, _kedja_stored_plan_clear)

gboolean        _kedja_store_read_stored    (KedjaStore            *self,
                                             const char            *plan_id,
                                             KedjaStoredPlan       *stored,
                                             GError               **error);
/* The audit entry's detail for a new plan, and for @plan replacing the
 * stored version of it ("" when nothing changed). Neither names the client
 * or holds an identity number. */
char           *_kedja_store_describe_new_plan (const KedjaPlan    *plan);
char           *_kedja_store_describe_update   (KedjaStore         *self,
                                                const KedjaPlan    *plan,
                                                GError            **error);
/* Writes @plan as revision @new_revision: inserted when @stored says it is
 * not in the file, else replacing its parts. Writes its client and
 * plan->agencies first, removes a client no plan is for any more, and logs
 * @action with @detail. */
gboolean        _kedja_store_write_plan_locked (KedjaStore            *self,
                                                const KedjaPlan       *plan,
                                                const KedjaStoredPlan *stored,
                                                gint64                 new_revision,
                                                const char            *action,
                                                const char            *detail,
                                                GError               **error);

/* Settings that are not settings a person may read or change
 * (kedja_store_get_setting() and _set_setting() do not know them): the
 * pseudonym key. */
gboolean        _kedja_store_is_private_setting (const char        *key);

/* Loads plans inside the caller's transaction: one plan (@plan_id), or all
 * of them (%NULL), with a fixed number of queries either way. */
GPtrArray      *_kedja_store_load_plans     (KedjaStore     *self,
                                             const char     *plan_id,
                                             GError        **error);

/* Sorts @items by a name (as people sort them, g_utf8_collate()), then a
 * title, then the id: plans and summaries by client name and title,
 * agencies by name. */
void            _kedja_store_sort_by_name   (GPtrArray      *items,
                                             const char *  (*get_name) (gpointer item),
                                             const char *  (*get_title) (gpointer item),
                                             const char *  (*get_id) (gpointer item));

G_END_DECLS
