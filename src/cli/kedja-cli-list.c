/* kedja-cli-list.c — `kedja-cli list`: one row per plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is for people (translated headers and statuses, aligned columns);
 * CSV and JSON are for programs (fixed keys, status nicks, UTF-8), and
 * only the stand-in for a protected identity is translated in them.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kedja-cli.h"

typedef struct {
  const char *id;
  const char *client;     /* the name, or the stand-in for a protected one */
  const char *district;   /* nullable */
  KedjaPlanStatus status;
  guint       n_steps;
  char        follow_up[KEDJA_DATE_STRLEN];  /* "" when none */
  char       *sort_key;
} Row;

static void
row_clear (gpointer data)
{
  g_free (((Row *) data)->sort_key);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;
  int by_name = strcmp (x->sort_key, y->sort_key);

  return by_name != 0 ? by_name : strcmp (x->id, y->id);
}

/* Ordered by what is shown: sorting by a protected client's real name
 * would let the row's place hint at the name. */
static GArray *
make_rows (GPtrArray *summaries)
{
  GArray *rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), summaries->len);

  g_array_set_clear_func (rows, row_clear);
  for (guint i = 0; i < summaries->len; i++)
    {
      KedjaPlanSummary *summary = g_ptr_array_index (summaries, i);
      gboolean protected = kedja_plan_summary_get_protected_identity (summary);
      Row row = { 0 };

      row.id = kedja_plan_summary_get_id (summary);
      row.client = kedja_client_display_name (kedja_plan_summary_get_client_name (summary),
                                              protected);
      row.district = kedja_client_display_district (kedja_plan_summary_get_district (summary),
                                                    protected);
      row.status = kedja_plan_summary_get_status (summary);
      row.n_steps = kedja_plan_summary_get_n_steps (summary);
      kedja_date_format (kedja_plan_summary_get_follow_up (summary), row.follow_up);
      row.sort_key = g_utf8_collate_key (row.client, -1);
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
  return rows;
}

enum { COL_ID, COL_CLIENT, COL_DISTRICT, COL_STATUS, COL_STEPS, COL_FOLLOW_UP, N_COLUMNS };

static void
text_cells (const Row  *row,
            const char *cells[N_COLUMNS],
            char        steps[16])
{
  g_snprintf (steps, 16, "%u", row->n_steps);
  cells[COL_ID] = row->id;
  cells[COL_CLIENT] = row->client;
  cells[COL_DISTRICT] = row->district ? row->district : "–";
  cells[COL_STATUS] = kedja_plan_status_get_label (row->status);
  cells[COL_STEPS] = steps;
  cells[COL_FOLLOW_UP] = row->follow_up[0] ? row->follow_up : "–";
}

static void
append_text_row (GString    *out,
                 const char *cells[N_COLUMNS],
                 const guint widths[N_COLUMNS])
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      gboolean last = c == N_COLUMNS - 1;

      if (c > 0)
        g_string_append (out, "  ");
      /* No padding after the last column: no trailing blanks. */
      kedja_cli_append_padded (out, cells[c], last ? 0 : widths[c], c == COL_STEPS);
    }
  g_string_append_c (out, '\n');
}

static void
write_text (GString *out,
            GArray  *rows)
{
  const char *header[N_COLUMNS] = {
    _("ID"), _("Client"), _("District"), _("Status"), _("Steps"), _("Follow-up"),
  };
  guint widths[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = kedja_cli_text_width (header[c]);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *cells[N_COLUMNS];
      char steps[16];

      text_cells (&g_array_index (rows, Row, i), cells, steps);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          guint width = kedja_cli_text_width (cells[c]);
          widths[c] = MAX (widths[c], width);
        }
    }

  append_text_row (out, header, widths);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *cells[N_COLUMNS];
      char steps[16];

      text_cells (&g_array_index (rows, Row, i), cells, steps);
      append_text_row (out, cells, widths);
    }
}

/* RFC 4180 asks for CRLF between records. */
static void
write_csv (GString *out,
           GArray  *rows)
{
  g_string_append (out, "id,client,district,status,steps,follow_up\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      kedja_cli_append_csv (out, row->id);
      g_string_append_c (out, ',');
      kedja_cli_append_csv (out, row->client);
      g_string_append_c (out, ',');
      kedja_cli_append_csv (out, row->district);
      g_string_append_c (out, ',');
      kedja_cli_append_csv (out, kedja_enum_to_nick (KEDJA_TYPE_PLAN_STATUS, row->status));
      g_string_append_printf (out, ",%u,%s\r\n", row->n_steps, row->follow_up);
    }
}

/* One object per line, so that the output is readable and diffable too. */
static void
write_json (GString *out,
            GArray  *rows)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_string_append (out, i == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ");
      kedja_cli_append_json (out, row->id);
      g_string_append (out, ", \"client\": ");
      kedja_cli_append_json (out, row->client);
      g_string_append (out, ", \"district\": ");
      kedja_cli_append_json (out, row->district);
      g_string_append (out, ", \"status\": ");
      kedja_cli_append_json (out, kedja_enum_to_nick (KEDJA_TYPE_PLAN_STATUS, row->status));
      g_string_append_printf (out, ", \"steps\": %u, \"follow_up\": ", row->n_steps);
      kedja_cli_append_json (out, row->follow_up[0] ? row->follow_up : NULL);
      g_string_append_c (out, '}');
    }
  g_string_append (out, rows->len > 0 ? "\n]\n" : "]\n");
}

int
kedja_cli_list (KedjaCli *cli,
                int       argc,
                char    **argv)
{
  g_autofree char *format_text = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  KedjaCliFormat format = KEDJA_CLI_FORMAT_TEXT;
  KedjaStore *store;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text, csv or json (default: text)"), N_("FORMAT") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc > 1)
    return kedja_cli_fail (_("list takes no arguments, but was given “%s”"), argv[1]);

  if (!kedja_cli_parse_format (format_text, &format, &error))
    return kedja_cli_fail_error (error);

  store = kedja_cli_get_store (cli, &error);
  if (store == NULL)
    return kedja_cli_fail_error (error);
  summaries = kedja_store_list_plans (store, &error);
  if (summaries == NULL)
    return kedja_cli_fail_error (error);

  rows = make_rows (summaries);
  out = g_string_sized_new (128 + 120 * rows->len);
  switch (format)
    {
    case KEDJA_CLI_FORMAT_CSV:
      write_csv (out, rows);
      break;
    case KEDJA_CLI_FORMAT_JSON:
      write_json (out, rows);
      break;
    case KEDJA_CLI_FORMAT_TEXT:
    default:
      write_text (out, rows);
      break;
    }
  return kedja_cli_write (out) ? KEDJA_CLI_EXIT_OK : KEDJA_CLI_EXIT_ERROR;
}
