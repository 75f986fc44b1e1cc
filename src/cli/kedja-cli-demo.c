/* kedja-cli-demo.c — `kedja-cli demo`: fill a database with demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-cli.h"
#include "kedja-demo.h"

#define DEFAULT_CLIENTS 200
/* A city has about 2,000 clients a year; a hundred thousand is a stress
 * test, and more would only fill the memory. */
#define MAX_CLIENTS 100000

int
kedja_cli_demo (KedjaCli *cli,
                int       argc,
                char    **argv)
{
  g_autofree char *clients_text = NULL, *seed_text = NULL, *today_text = NULL;
  g_autoptr(KedjaDemoData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *seed_shown = NULL;
  char today_shown[KEDJA_DATE_STRLEN];
  guint64 n_clients = DEFAULT_CLIENTS, seed = 1;
  KedjaDate today;
  KedjaStore *store;
  GOptionEntry entries[] = {
    { "clients", 'n', 0, G_OPTION_ARG_STRING, &clients_text,
      N_("How many clients to make up, one plan each (default: 200)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the generator: the same seed gives the same data (default: 1)"), N_("S") },
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the plans are built around (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc > 1)
    return kedja_cli_fail (_("demo takes no arguments, but was given “%s”"), argv[1]);

  today = kedja_date_today ();
  if ((clients_text != NULL
       && !kedja_cli_parse_count ("--clients", clients_text, 1, MAX_CLIENTS, &n_clients, &error))
      || (seed_text != NULL
          && !kedja_cli_parse_count ("--seed", seed_text, 0, G_MAXUINT64, &seed, &error))
      || (today_text != NULL && !kedja_cli_parse_date ("--today", today_text, &today, &error)))
    return kedja_cli_fail_error (error);

  /* Everything is checked before the database is opened or created. */
  data = kedja_demo_generate ((guint) n_clients, seed, today);

  store = kedja_cli_get_store (cli, &error);
  if (store == NULL)
    return kedja_cli_fail_error (error);

  /* The directory and every plan, with its client, in one transaction:
   * all or nothing. */
  if (!kedja_store_save_all (store, data->agencies, data->plans, &error))
    {
      if (g_error_matches (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT))
        return kedja_cli_fail (_("The database already holds these demo plans; use another --seed "
                                 "or another database"));
      return kedja_cli_fail_error (error);
    }

  seed_shown = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  kedja_date_format (today, today_shown);
  out = g_string_new (NULL);
  /* TRANSLATORS: "200 plans written to /home/anna/kedja.db (seed 1, today 2026-11-29)" */
  g_string_append_printf (out, ngettext ("%u plan written to %s (seed %s, today %s)",
                                         "%u plans written to %s (seed %s, today %s)",
                                         data->plans->len),
                          data->plans->len, kedja_store_get_path (store), seed_shown, today_shown);
  g_string_append_c (out, '\n');
  return kedja_cli_write (out) ? KEDJA_CLI_EXIT_OK : KEDJA_CLI_EXIT_ERROR;
}
