/* kedja-cli.h — what the commands of kedja-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding a command: write kedja-cli-NAME.c with one run function, declare
 * it below, add a row to the table in kedja-cli.c and the file to
 * meson.build. Nothing else needs to know.
 */
#pragma once

#include <glib.h>

#include "kedja-store.h"

G_BEGIN_DECLS

/* Exit statuses: 0 when the command did what was asked, 2 when it could
 * not (bad arguments, unreadable database, unknown plan, a file that is
 * no document at all), 3 when `check --fail-on` found what it was told to
 * fail on, 4 when an export was refused for want of the client's consent.
 * 1 is only what import and validate say of a file they read and refused
 * (invalid, or not newer than the plan in the database), as diff and grep
 * use it; no other command returns it, so that a script never takes a
 * shell's or a crashing helper's 1 for "findings". */
#define KEDJA_CLI_EXIT_OK         0
#define KEDJA_CLI_EXIT_REFUSED    1
#define KEDJA_CLI_EXIT_ERROR      2
#define KEDJA_CLI_EXIT_FINDINGS   3
#define KEDJA_CLI_EXIT_NO_CONSENT 4

typedef struct _KedjaCli KedjaCli;

/* @argv[0] is the command's name; the rest are its own arguments. Returns
 * the exit status. */
typedef int (*KedjaCliRunFunc) (KedjaCli *cli,
                                int       argc,
                                char    **argv);

typedef struct {
  const char     *name;
  const char     *parameters; /* N_(): after the options in usage, or NULL */
  const char     *summary;    /* N_(): one line in `kedja-cli --help` */
  KedjaCliRunFunc run;
} KedjaCliCommand;

/* The database, opened on first use so that `--help` and bad arguments
 * never create or touch one. Owned by @cli. */
KedjaStore *kedja_cli_get_store       (KedjaCli              *cli,
                                       GError               **error);

/* Parses the running command's options with a GOptionContext of its own,
 * so that `kedja-cli COMMAND --help` works for every command. On a bad
 * option it prints the error and returns FALSE. */
gboolean    kedja_cli_parse_options   (KedjaCli              *cli,
                                       const GOptionEntry    *entries,
                                       int                   *argc,
                                       char                ***argv);

/* Prints "kedja-cli: REASON" as one line on stderr; returns
 * KEDJA_CLI_EXIT_ERROR so that callers can `return kedja_cli_fail (…)`. */
int         kedja_cli_fail            (const char            *format,
                                       ...) G_GNUC_PRINTF (1, 2);
int         kedja_cli_fail_error      (const GError          *error);

/* Option values that need checking beyond what GOptionContext does. The
 * error names the option. */
gboolean    kedja_cli_parse_count     (const char            *option,
                                       const char            *text,
                                       guint64                min,
                                       guint64                max,
                                       guint64               *out_value,
                                       GError               **error);
gboolean    kedja_cli_parse_date      (const char            *option,
                                       const char            *text,
                                       KedjaDate             *out_date,
                                       GError               **error);

/* The output formats every listing command offers. */
typedef enum {
  KEDJA_CLI_FORMAT_TEXT,
  KEDJA_CLI_FORMAT_CSV,
  KEDJA_CLI_FORMAT_JSON,
} KedjaCliFormat;

/* Parses --format; %NULL is text. */
gboolean    kedja_cli_parse_format    (const char            *text,
                                       KedjaCliFormat        *out_format,
                                       GError               **error);

/* The analysis settings of a command with --setting KEY=VALUE options:
 * check_settings() refuses a bad one before the database is opened (so
 * bad arguments never create a file); load_settings() then reads the
 * database's settings and puts the overrides on top. @overrides may be
 * %NULL. */
gboolean    kedja_cli_check_settings  (char                 **overrides,
                                       GError               **error);
gboolean    kedja_cli_load_settings   (KedjaCli              *cli,
                                       char                 **overrides,
                                       KedjaAnalysisSettings *settings,
                                       GError               **error);

/* Text helpers for the output formats. */
void        kedja_cli_append_csv      (GString               *out,
                                       const char            *field);
void        kedja_cli_append_json     (GString               *out,
                                       const char            *text);
void        kedja_cli_append_padded   (GString               *out,
                                       const char            *text,
                                       guint                  width,
                                       gboolean               right);
guint       kedja_cli_text_width      (const char            *text);
/* Writes @out to stdout; FALSE (and a message) if it could not. */
gboolean    kedja_cli_write           (GString               *out);

/* The commands. */
int kedja_cli_demo (KedjaCli *cli, int argc, char **argv);
int kedja_cli_list (KedjaCli *cli, int argc, char **argv);
int kedja_cli_show (KedjaCli *cli, int argc, char **argv);
int kedja_cli_check (KedjaCli *cli, int argc, char **argv);
int kedja_cli_report (KedjaCli *cli, int argc, char **argv);
int kedja_cli_bench (KedjaCli *cli, int argc, char **argv);
int kedja_cli_export (KedjaCli *cli, int argc, char **argv);
int kedja_cli_import (KedjaCli *cli, int argc, char **argv);
int kedja_cli_validate (KedjaCli *cli, int argc, char **argv);

G_END_DECLS
