/* kedja-cli.c — the command table, the entry point and shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kedja-cli [--database FILE] COMMAND [OPTION…]
 *
 * The global options are parsed in strict POSIX mode, so parsing stops at
 * the command's name and everything after it belongs to the command, which
 * parses it with a GOptionContext of its own.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "kedja-cli.h"

/* One row per command, in the order `kedja-cli --help` lists them. */
static const KedjaCliCommand commands[] = {
  { "demo", NULL, N_("Generate demo data: made-up clients and their plans"), kedja_cli_demo },
  { "list", NULL, N_("List the plans, one row per plan"), kedja_cli_list },
  { "show", N_("PLAN-ID"), N_("Show one plan in full"), kedja_cli_show },
  { "check", N_("[PLAN-ID]"), N_("Find the gaps in one plan, or in every plan when none is named"),
    kedja_cli_check },
  { "report", NULL, N_("Sum up the plans per district for the city"), kedja_cli_report },
  { "export", NULL, N_("Write plans as SIP XML or FHIR for a partner agency, with consent"),
    kedja_cli_export },
  { "import", N_("FILE…"), N_("Read plans from SIP XML files into the database"),
    kedja_cli_import },
  { "validate", N_("FILE…"), N_("Check SIP XML or FHIR files against their schema"),
    kedja_cli_validate },
  { "bench", N_("gaps"), N_("Measure how fast the gap analysis is, on demo data in memory"),
    kedja_cli_bench },
};

struct _KedjaCli {
  const KedjaCliCommand *command;   /* the one running */
  char                  *database;  /* nullable: the default database */
  KedjaStore            *store;     /* nullable until first used */
};

KedjaStore *
kedja_cli_get_store (KedjaCli *cli,
                     GError  **error)
{
  if (cli->store == NULL)
    {
      g_autofree char *path = cli->database ? g_strdup (cli->database)
                                            : kedja_store_default_path ();

      /* The store makes missing folders itself, privately. */
      cli->store = kedja_store_open (path, error);
    }
  return cli->store;
}

/* A reason on one line, whatever the message holds. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strchomp (line);
}

int
kedja_cli_fail (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = one_line (message);
  g_printerr ("kedja-cli: %s\n", line);
  return KEDJA_CLI_EXIT_ERROR;
}

int
kedja_cli_fail_error (const GError *error)
{
  return kedja_cli_fail ("%s", error->message);
}

gboolean
kedja_cli_parse_options (KedjaCli           *cli,
                         const GOptionEntry *entries,
                         int                *argc,
                         char             ***argv)
{
  const KedjaCliCommand *command = cli->command;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("kedja-cli %s", command->name);

  /* So that the usage line reads "kedja-cli show [OPTION…] PLAN-ID". */
  g_set_prgname (prgname);
  context = g_option_context_new (command->parameters ? _(command->parameters) : NULL);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      kedja_cli_fail_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
kedja_cli_parse_count (const char *option,
                       const char *text,
                       guint64     min,
                       guint64     max,
                       guint64    *out_value,
                       GError    **error)
{
  g_autofree char *low = NULL, *high = NULL;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, min, max, out_value, NULL))
    return TRUE;

  low = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
  high = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
  /* TRANSLATORS: "--clients must be a whole number from 1 to 100000, not “abc”" */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s must be a whole number from %s to %s, not “%s”"),
               option, low, high, text ? text : "");
  return FALSE;
}

gboolean
kedja_cli_parse_date (const char *option,
                      const char *text,
                      KedjaDate  *out_date,
                      GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kedja_date_parse (text, out_date, &local_error))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s",
               option, local_error->message);
  return FALSE;
}

gboolean
kedja_cli_parse_format (const char     *text,
                        KedjaCliFormat *out_format,
                        GError        **error)
{
  if (text == NULL || g_str_equal (text, "text"))
    *out_format = KEDJA_CLI_FORMAT_TEXT;
  else if (g_str_equal (text, "csv"))
    *out_format = KEDJA_CLI_FORMAT_CSV;
  else if (g_str_equal (text, "json"))
    *out_format = KEDJA_CLI_FORMAT_JSON;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format: “%s” is not one of: text, csv, json"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_settings (KedjaAnalysisSettings *settings,
                char                 **overrides,
                GError               **error)
{
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;
      const char *equals = strchr (overrides[i], '=');

      if (equals == NULL || equals == overrides[i])
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* TRANSLATORS: KEY=VALUE is literal; "gap-days=10" is an example */
                       _("--setting: “%s” is not KEY=VALUE, such as gap-days=10"), overrides[i]);
          return FALSE;
        }
      key = g_strndup (overrides[i], equals - overrides[i]);
      if (!kedja_analysis_settings_set (settings, key, equals + 1, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--setting: %s",
                       local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
kedja_cli_check_settings (char  **overrides,
                          GError **error)
{
  KedjaAnalysisSettings scratch;

  kedja_analysis_settings_init (&scratch);
  return apply_settings (&scratch, overrides, error);
}

gboolean
kedja_cli_load_settings (KedjaCli              *cli,
                         char                 **overrides,
                         KedjaAnalysisSettings *settings,
                         GError               **error)
{
  KedjaStore *store = kedja_cli_get_store (cli, error);

  if (store == NULL || !kedja_store_load_analysis_settings (store, settings, error))
    return FALSE;
  return apply_settings (settings, overrides, error);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * quotes inside are doubled. */
void
kedja_cli_append_csv (GString    *out,
                      const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A JSON string (RFC 8259), or null. UTF-8 passes through unchanged; what
 * is not valid UTF-8 is repaired first, since JSON must be. */
void
kedja_cli_append_json (GString    *out,
                       const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* Columns on a terminal: wide characters take two, combining marks none. */
guint
kedja_cli_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Pads to @width columns; control characters (a line break in a name)
 * become spaces so that one row stays one line. */
void
kedja_cli_append_padded (GString    *out,
                         const char *text,
                         guint       width,
                         gboolean    right)
{
  g_autofree char *clean = g_strdup (text ? text : "");
  guint have;

  for (char *p = clean; *p; p++)
    if ((unsigned char) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  have = kedja_cli_text_width (clean);

  if (right)
    for (guint i = have; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, clean);
  if (!right)
    for (guint i = have; i < width; i++)
      g_string_append_c (out, ' ');
}

/* The bytes as they are: CSV and JSON are UTF-8 whatever the locale. */
gboolean
kedja_cli_write (GString *out)
{
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      kedja_cli_fail (_("The output cannot be written: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s", (int) width, commands[i].name,
                            _(commands[i].summary));
  return g_string_free (text, FALSE);
}

static const KedjaCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *default_path = NULL;
  const KedjaCliCommand *command;
  KedjaCli cli = { NULL, NULL, NULL };
  gboolean version = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli.database,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { NULL }
  };

  kedja_i18n_init ();
  g_set_prgname ("kedja-cli");

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_strict_posix (context, TRUE);
  summary = describe_commands ();
  g_option_context_set_summary (context, summary);
  default_path = kedja_store_default_path ();
  description = g_strdup_printf (_("Without --database, the database is %s.\n"
                                   "Run “kedja-cli COMMAND --help” for a command’s options."),
                                 default_path);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kedja_cli_fail_error (error);
  if (version)
    {
      g_print ("kedja-cli %s\n", PACKAGE_VERSION);
      return KEDJA_CLI_EXIT_OK;
    }
  if (argc < 2)
    return kedja_cli_fail (_("No command given; run “kedja-cli --help” to see the commands"));

  command = find_command (argv[1]);
  if (command == NULL)
    return kedja_cli_fail (_("“%s” is not a command; run “kedja-cli --help” to see the commands"),
                           argv[1]);

  cli.command = command;
  status = command->run (&cli, argc - 1, argv + 1);

  g_clear_object (&cli.store);
  g_free (cli.database);
  return status;
}
