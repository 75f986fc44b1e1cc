/* cli-test-util.h — running kedja-cli and reading what it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI's tests run the real binary ($KEDJA_CLI) and read its output
 * with parsers of their own that are stricter than the formats need to
 * be: a CSV or JSON text that merely looks right fails.
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
