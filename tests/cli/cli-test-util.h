/* cli-test-util.h — running kedja-cli, reading what it writes, and plans to give it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI's tests run the real binary ($KEDJA_CLI) and read its output
 * with parsers of their own that are stricter than the formats need to
 * be: a CSV or JSON text that merely looks right fails.
 *
 * The databases of the check and report tests are made by hand, plan by
 * plan, each with one known problem, so that every finding and every
 * figure the CLI prints can be asserted exactly.
 */
#pragma once

#include <glib.h>

#include "kedja-core.h"

G_BEGIN_DECLS

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

void        run_free        (Run        *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Runs kedja-cli with the NULL-terminated arguments, in this process's
 * environment. */
Run        *run_cli         (const char *first,
                             ...) G_GNUC_NULL_TERMINATED;
/* Same, with @argv (NULL-terminated, without the program). */
Run        *run_cli_argv    (const char *const *argv);

void        assert_success  (const Run  *run);
/* What every failure looks like: status 2, nothing on stdout, one line
 * "kedja-cli: …" on stderr that mentions @expected_part (unless NULL). */
void        assert_fails    (const Run  *run,
                             const char *expected_part);

/* A private folder, and its removal with everything in it. */
char       *make_test_dir   (void);
void        remove_tree     (const char *path);

/* Splits RFC 4180 text (CRLF between records) into records of fields
 * (GStrv); FALSE if it is not CSV. */
gboolean    parse_csv       (const char *text,
                             GPtrArray  *records);

/*
 * JSON: the whole text must be one array of flat objects whose members
 * are strings, numbers, null or arrays of strings (RFC 8259 syntax, no
 * duplicate keys, valid UTF-8). Each object is a GHashTable from key to
 * JsonValue.
 */
typedef enum {
  JSON_NULL,
  JSON_STRING,
  JSON_NUMBER,
  JSON_STRINGS,  /* an array of strings */
} JsonType;

typedef struct {
  JsonType type;
  char    *text;   /* the string, or the number as written */
  GStrv    items;  /* JSON_STRINGS */
} JsonValue;

GPtrArray  *parse_json_rows (const char *text);

/* Member @key of @row, which must be there and of the type asked for. A
 * string member may be null: then NULL is returned. */
const char *json_string     (GHashTable *row,
                             const char *key);
const char *json_number_text (GHashTable *row,
                              const char *key);
/* A number, or null (then @out_value is untouched and FALSE returned). */
gboolean    json_number     (GHashTable *row,
                             const char *key,
                             double     *out_value);
const char *const *json_strings (GHashTable *row,
                                 const char *key);

/*
 * Plans made by hand, as they stand on TODAY, at the agencies below (see
 * cli-test-util.c for their names). Every plan is coordinated by SOCIAL_ID.
 */
#define D(y, m, d) kedja_date_from_ymd (y, m, d)
#define TODAY      D (2026, 10, 1)
#define TODAY_TEXT "2026-10-01"

#define SOCIAL_ID  "a9c1e7a0-51c3-4c1e-9d4e-000000000001"
#define CLINIC_ID  "a9c1e7a0-51c3-4c1e-9d4e-000000000002"
#define HOUSING_ID "a9c1e7a0-51c3-4c1e-9d4e-000000000003"
#define PEER_ID    "a9c1e7a0-51c3-4c1e-9d4e-000000000004"

/* A plan with nothing wrong in itself: coordinated, followed up, with the
 * client's own goal. The steps added decide the rest. @district may be
 * NULL. */
KedjaPlan  *new_plan        (const char      *client,
                             const char      *district,
                             KedjaPlanStatus  status,
                             const char      *title);
/* A step as it stands on TODAY: done, going on or ahead. The need is
 * recorded five days before the first step, so no plan waits long. */
KedjaStep  *add_step        (KedjaPlan       *plan,
                             KedjaPhase       phase,
                             KedjaCareSetting setting,
                             const char      *agency_id,
                             const char      *title,
                             KedjaDate        start,
                             KedjaDate        end);
/* Written consent for @agency_id, given 1 Jun 2026. */
void        add_consent     (KedjaPlan       *plan,
                             const char      *agency_id);

/* Opens the database at @path (creating it) and saves @plans, or sets a
 * setting; any error fails the test. */
void        save_plans      (const char      *path,
                             GPtrArray       *plans);
void        set_setting     (const char      *path,
                             const char      *key,
                             const char      *value);

/* A private folder per test, removed with everything in it afterwards. */
typedef struct {
  char      *dir;
  char      *db;     /* dir/kedja.db, not created */
  char      *empty;  /* a path where no database exists yet */
  GPtrArray *plans;  /* of KedjaPlan, as saved */
} CliFixture;

void        cli_fixture_set_up    (CliFixture    *f,
                                   gconstpointer  data);
void        cli_fixture_tear_down (CliFixture    *f,
                                   gconstpointer  data);

/*
 * Export, import and validate (test-exchange-*.c), in a CliFixture's
 * folder; these are in cli-test-util-exchange.c.
 */

/* SOURCE_DATE_EPOCH for the whole program, so that two exports with the
 * same --today are byte for byte equal. 2026-09-21T14:13:20Z: any fixed
 * moment will do. */
#define EXPORT_EPOCH "1790000000"

/* @name in the fixture's folder. */
char       *path_in         (CliFixture *f,
                             const char *name);
/* The whole file, or the file made of @length bytes of @data (-1: up to
 * its nul); any error fails the test. */
GBytes     *read_bytes      (const char *path);
void        write_bytes     (const char *path,
                             const char *data,
                             gssize      length);

/* Whether the bytes, which need not be text, hold @needle. */
gboolean    bytes_contain   (GBytes     *bytes,
                             const char *needle);
/* Fails the test, naming @what, when @bytes hold @needle. */
void        assert_absent   (GBytes     *bytes,
                             const char *what,
                             const char *needle);
void        assert_contains (const char *text,
                             const char *part);
/* One line on stderr, "kedja-cli: …" that mentions @part (unless NULL),
 * nothing on stdout, status @status (or any failure when @status is -1). */
void        assert_refused  (const Run  *run,
                             int         status,
                             const char *part);

/* The database at @db (created if need be): @plan saved in it, one plan
 * loaded from it, its audit log (of @entity_id, or all of it when NULL). */
void        save_plan       (const char *db,
                             KedjaPlan  *plan);
KedjaPlan  *load_plan       (const char *db,
                             const char *id);
GPtrArray  *load_audit      (const char *db,
                             const char *entity_id);

/* `kedja-cli --database @db export --plan @plan_id --format @format
 * --today TODAY_TEXT [-o @output]` and more arguments, NULL-terminated;
 * without @output, the export goes to standard output. */
Run        *export_plan     (const char *db,
                             const char *plan_id,
                             const char *format,
                             const char *output,
                             ...) G_GNUC_NULL_TERMINATED;

/* A small plan, Bo Ek's, with two steps at the clinic and consent for it:
 * the refusal tests spoil its file one way each. */
KedjaPlan  *base_plan       (void);
/* @text with the first @from replaced by @to; fails the test if there is
 * none. */
char       *replace_once    (const char *text,
                             const char *from,
                             const char *to);
/* The id of step @i of @plan. */
char       *step_id         (KedjaPlan  *plan,
                             guint       i);

G_END_DECLS
