/* kedja-store.h — the SQLite file that holds plans, the directory and the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code in Kedja that speaks SQL. Every write is one transaction
 * that also writes its audit entry.
 */
#pragma once

#include <glib-object.h>

#include "kedja-analysis.h"
#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_STORE_ERROR (kedja_store_error_quark ())

typedef enum {
  KEDJA_STORE_ERROR_NOT_KEDJA,   /* a file that is not a Kedja database */
  KEDJA_STORE_ERROR_TOO_NEW,     /* made by a newer Kedja */
  KEDJA_STORE_ERROR_CORRUPT,     /* damaged */
  KEDJA_STORE_ERROR_CONFLICT,    /* someone else saved the plan since it was loaded */
  KEDJA_STORE_ERROR_NOT_FOUND,
  KEDJA_STORE_ERROR_INVALID,     /* the data breaks a rule of the model */
  KEDJA_STORE_ERROR_BUSY,        /* another program holds the file too long */
  KEDJA_STORE_ERROR_IO,          /* the file cannot be created, read or written */
  KEDJA_STORE_ERROR_FAILED,
} KedjaStoreError;

GQuark kedja_store_error_quark (void);

#define KEDJA_TYPE_STORE (kedja_store_get_type ())

G_DECLARE_FINAL_TYPE (KedjaStore, kedja_store, KEDJA, STORE, GObject)

/* A store is one connection to the file: use it from one thread at a time.
 * Two stores (windows, processes) on the same file are fine; revisions keep
 * them from overwriting each other's plans. Unref the store to close it. */

/* Opens @path, creating it (mode 0600) with the current schema if it does
 * not exist, and migrating an older Kedja file. Refuses, without changing a
 * byte, a file that is not a Kedja database, one from a newer Kedja, or a
 * damaged one. Missing parent folders are made with mode 0700. An empty
 * file, or an SQLite file with nothing in it, is made a new database. */
KedjaStore *kedja_store_open            (const char  *path,
                                         GError     **error);
const char *kedja_store_get_path        (KedjaStore  *self);
/* The default database: $XDG_DATA_HOME/kedja/kedja.db. */
char       *kedja_store_default_path    (void);

/* Plans. Loading gives the whole plan, with the directory entries it refers
 * to in plan->agencies: the entries plan->agencies held when it was saved,
 * in that order, as the directory has them now. The list (client name,
 * title, number of steps — cancelled ones included — …) and
 * load_all_plans() are sorted by client name as people sort
 * (g_utf8_collate()), then title. A missing plan is
 * KEDJA_STORE_ERROR_NOT_FOUND. */
GPtrArray  *kedja_store_list_plans      (KedjaStore  *self,
                                         GError     **error);  /* KedjaPlanSummary */
KedjaPlan  *kedja_store_load_plan       (KedjaStore  *self,
                                         const char  *plan_id,
                                         GError     **error);
GPtrArray  *kedja_store_load_all_plans  (KedjaStore  *self,
                                         GError     **error);  /* KedjaPlan */
/* Saves a plan that is valid (kedja_plan_validate()), else
 * KEDJA_STORE_ERROR_INVALID with the model's explanation. A plan with
 * revision 0 is new; otherwise the stored revision must still be
 * plan->revision, or the save fails with KEDJA_STORE_ERROR_CONFLICT and
 * nothing changes (also when someone deleted the plan meanwhile, or when a
 * new plan's id is taken). On success plan->revision is the new revision;
 * saving a plan identical to the stored one writes nothing and keeps its
 * revision. The client and plan->agencies are written to the shared client
 * and agency tables too (each logged when it changes). */
gboolean    kedja_store_save_plan       (KedjaStore  *self,
                                         KedjaPlan   *plan,
                                         GError     **error);
/* Saves many plans as one transaction: all or none (demo data, import).
 * On failure no plan's revision changes. */
gboolean    kedja_store_save_plans      (KedjaStore  *self,
                                         GPtrArray   *plans,
                                         GError     **error);
/* Saves directory entries and plans as one transaction, all or none: demo
 * data, an import. Either array may be %NULL. */
gboolean    kedja_store_save_all        (KedjaStore  *self,
                                         GPtrArray   *agencies,
                                         GPtrArray   *plans,
                                         GError     **error);
/* What an import did. */
typedef struct {
  guint added;             /* plans new to this database */
  guint replaced;          /* plans replaced by a newer revision (or --force) */
  guint agencies_matched;  /* agencies found in the directory */
  guint agencies_added;    /* agencies new to the directory */
} KedjaImportResult;

/* Imports plans read from a partner's file, all in one transaction: a
 * problem with any of them changes nothing. Each plan's agencies are
 * matched to the directory — by id, HSA-id or organisation number, else
 * by name and kind — or added, and the plan's references follow the match.
 * A plan whose id is new is added with the revision it carries; one that
 * exists is replaced when the file's revision is newer, and refused with
 * KEDJA_STORE_ERROR_CONFLICT when it is the same or older, unless @force.
 * Every plan imported gets an audit entry naming @source. */
gboolean    kedja_store_import_plans    (KedjaStore        *self,
                                         GPtrArray         *plans,
                                         gboolean           force,
                                         const char        *source,
                                         KedjaImportResult *result,
                                         GError           **error);
/* The same, for plans that arrive one at a time (see kedja-store-import.c). */
typedef struct _KedjaStoreImport KedjaStoreImport;

KedjaStoreImport *kedja_store_import_begin  (KedjaStore        *self,
                                             gboolean           force,
                                             const char        *source,
                                             GError           **error);
gboolean          kedja_store_import_add    (KedjaStoreImport  *import,
                                             const KedjaPlan   *plan,
                                             GError           **error);
gboolean          kedja_store_import_commit (KedjaStoreImport  *import,
                                             KedjaImportResult *result,
                                             GError           **error);
void              kedja_store_import_abort  (KedjaStoreImport  *import);

/* The key of this database's stable pseudonyms (made on first use, kept in
 * the settings table, never exported). */
GBytes     *kedja_store_get_pseudonym_key (KedjaStore      *self,
                                           GError         **error);
/* Deletes the plan with all its parts, and its client when no other plan
 * is for the same person. */
gboolean    kedja_store_delete_plan     (KedjaStore  *self,
                                         const char  *plan_id,
                                         GError     **error);

/* The shared agency directory. */
GPtrArray  *kedja_store_list_agencies   (KedjaStore  *self,
                                         GError     **error);  /* KedjaAgency */
gboolean    kedja_store_save_agency     (KedjaStore  *self,
                                         const KedjaAgency *agency,
                                         GError     **error);

/* The audit log, oldest first; @entity_id %NULL for all of it. Entries are
 * never changed or removed. Details never hold identity numbers. */
GPtrArray  *kedja_store_list_audit      (KedjaStore  *self,
                                         const char  *entity_id,
                                         GError     **error);  /* KedjaAuditEntry */
/* Records something that left or touched the data without changing a row,
 * such as an export. */
gboolean    kedja_store_log             (KedjaStore  *self,
                                         const char  *action,
                                         const char  *entity,
                                         const char  *entity_id,
                                         const char  *detail,
                                         GError     **error);
/* The same for many entities at once, as one transaction, all or none:
 * an export of a city's plans logs one entry per plan without waiting for
 * the disk once per plan. @entity_ids and @details (utf8) are as long. */
gboolean    kedja_store_log_many        (KedjaStore  *self,
                                         const char  *action,
                                         const char  *entity,
                                         GPtrArray   *entity_ids,
                                         GPtrArray   *details,
                                         GError     **error);

/* Settings shared by everyone on this database (analysis thresholds). Each
 * key has a default put there by the migrations; an unknown key is
 * KEDJA_STORE_ERROR_NOT_FOUND, for getting and for setting. */
char       *kedja_store_get_setting     (KedjaStore  *self,
                                         const char  *key,
                                         GError     **error);
gboolean    kedja_store_set_setting     (KedjaStore  *self,
                                         const char  *key,
                                         const char  *value,
                                         GError     **error);
/* The analysis thresholds of this database: the defaults, then every key
 * of kedja_analysis_settings_keys() as the settings table has it. A stored
 * value the analysis cannot use is KEDJA_STORE_ERROR_INVALID, naming the
 * key; @settings is then left as it was. */
gboolean    kedja_store_load_analysis_settings (KedjaStore            *self,
                                                KedjaAnalysisSettings *settings,
                                                GError               **error);

/* Reads the whole file and checks SQLite's structures and every reference
 * between rows; KEDJA_STORE_ERROR_CORRUPT names the first problems. It reads
 * every page, so it is for a "check the database" command and for tests,
 * not for every open. */
gboolean    kedja_store_check_integrity (KedjaStore  *self,
                                         GError     **error);

G_END_DECLS
