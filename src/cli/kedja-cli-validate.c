/* kedja-cli-validate.c — `kedja-cli validate FILE…`: check files, change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a partner who wants to know whether Kedja will take a file, and for
 * checking an export before it is sent. Never opens the database. One line
 * per valid file; every problem of an invalid one, one per line, as
 * "FILE:LINE: what is wrong", then a line that sums it up. The exit status
 * is the worst of them: 0 all valid, 1 some invalid, 2 some could not be
 * read at all (or bad arguments).
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-cli.h"
#include "kedja-exchange.h"

static const char *
kind_name (KedjaDocumentKind kind)
{
  switch (kind)
    {
    case KEDJA_DOCUMENT_SIP:
      return "SIP";
    case KEDJA_DOCUMENT_FHIR:
      return "FHIR";
    case KEDJA_DOCUMENT_UNKNOWN:
    default:
      return "?";
    }
}

static int
validate_file (const char *path,
               const char *fhir_schema)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_UNKNOWN;

  if (kedja_exchange_validate_file (path, fhir_schema, &kind, problems, &error))
    {
      g_string_append_printf (out, _("%s: valid (%s)\n"), name, kind_name (kind));
      return kedja_cli_write (out) ? KEDJA_CLI_EXIT_OK : KEDJA_CLI_EXIT_ERROR;
    }
  if (error != NULL)
    return kedja_cli_fail_error (error);

  /* Each problem on its own line, however the message was worded. */
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (problems, i));

      g_strdelimit (line, "\r\n", ' ');
      g_string_append_printf (out, "%s\n", g_strchomp (line));
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: invalid (%s), %u problem\n",
                                            "%s: invalid (%s), %u problems\n", problems->len),
                          name, kind_name (kind), problems->len);
  if (!kedja_cli_write (out))
    return KEDJA_CLI_EXIT_ERROR;
  return KEDJA_CLI_EXIT_REFUSED;
}

int
kedja_cli_validate (KedjaCli *cli,
                    int       argc,
                    char    **argv)
{
  g_autofree char *fhir_schema = NULL;
  int status = KEDJA_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "fhir-schema", 0, 0, G_OPTION_ARG_FILENAME, &fhir_schema,
      N_("The HL7 FHIR R4 schema (fhir-single.xsd) to check FHIR files against (default: "
         "$KEDJA_FHIR_SCHEMA)"), N_("XSD") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc < 2)
    return kedja_cli_fail (_("validate needs at least one FILE"));
  /* Kedja does not ship HL7's schemas; where they are is the user's
   * setting, once, in the environment. */
  if (fhir_schema == NULL && g_getenv ("KEDJA_FHIR_SCHEMA") != NULL
      && *g_getenv ("KEDJA_FHIR_SCHEMA") != '\0')
    fhir_schema = g_strdup (g_getenv ("KEDJA_FHIR_SCHEMA"));

  for (int i = 1; i < argc; i++)
    {
      /* Not inside MAX(), which would run it twice. */
      int file_status = validate_file (argv[i], fhir_schema);

      status = MAX (status, file_status);
    }
  return status;
}
