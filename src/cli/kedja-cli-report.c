/* kedja-cli-report.c — `kedja-cli report --by district`: the city's overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures come from kedja-report.c; this file only lays them out.
 * Text is a table for a city official (days, percentages, a total row and
 * a legend that says what each column means); CSV and JSON are for the
 * city's own statistics, with shares as numbers from 0 to 1 and null (or
 * an empty field) where there is nothing to measure. The city total is in
 * the text only: a program that wants it should not have to tell it apart
 * from a district, and medians cannot be summed from the rows.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kedja-cli.h"
#include "kedja-report.h"

enum {
  COL_DISTRICT,
  COL_ACTIVE,
  COL_CRITICAL,
  COL_DETOX_MEDIAN,
  COL_DETOX_P90,
  COL_RESIDENTIAL_MEDIAN,
  COL_RESIDENTIAL_P90,
  COL_HANDOVERS,
  COL_CONSENT,
  N_COLUMNS
};

/* ------------------------------------------------------------------ text */

/* Whole days as they are; a median between two days with its half. */
static char *
days_text (double days)
{
  if (days == (double) (guint64) days)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) days);
  return g_strdup_printf ("%.1f", days);
}

static char *
median_text (const KedjaReportStats *stats)
{
  return stats->n > 0 ? days_text (stats->median) : g_strdup ("–");
}

static char *
p90_text (const KedjaReportStats *stats)
{
  return stats->n > 0 ? days_text (stats->p90) : g_strdup ("–");
}

static char *
share_text (guint part,
            guint whole)
{
  double share;

  if (!kedja_report_share (part, whole, &share))
    return g_strdup ("–");
  /* TRANSLATORS: a share in per cent; Swedish puts a space before "%" */
  return g_strdup_printf (_("%.0f %%"), share * 100.0);
}

static void
text_cells (const KedjaDistrictFigures *figures,
            const char                 *name,
            char                       *cells[N_COLUMNS])
{
  cells[COL_DISTRICT] = g_strdup (name);
  cells[COL_ACTIVE] = g_strdup_printf ("%u", figures->active);
  cells[COL_CRITICAL] = g_strdup_printf ("%u", figures->critical);
  cells[COL_DETOX_MEDIAN] = median_text (&figures->detox_gap);
  cells[COL_DETOX_P90] = p90_text (&figures->detox_gap);
  cells[COL_RESIDENTIAL_MEDIAN] = median_text (&figures->residential_gap);
  cells[COL_RESIDENTIAL_P90] = p90_text (&figures->residential_gap);
  cells[COL_HANDOVERS] = share_text (figures->handovers_confirmed, figures->handovers_ended);
  cells[COL_CONSENT] = share_text (figures->consent_complete, figures->active);
}

static void
write_text (GString                   *out,
            const KedjaDistrictReport *report)
{
  const char *header[N_COLUMNS] = {
    _("District"),
    _("Active"),
    _("Critical"),
    _("Detox: median"),
    _("Detox: p90"),
    _("Residential: median"),
    _("Residential: p90"),
    _("Handovers confirmed"),
    _("Full consent"),
  };
  guint n_rows = report->districts->len + 1;
  g_autofree char **cells = g_new0 (char *, (gsize) (n_rows + 1) * N_COLUMNS);
  guint widths[N_COLUMNS], line_width = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      cells[c] = g_strdup (header[c]);
      widths[c] = kedja_cli_text_width (header[c]);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      const KedjaDistrictFigures *figures
        = r < report->districts->len
            ? &g_array_index (report->districts, KedjaDistrictFigures, r)
            : &report->total;
      const char *name = r < report->districts->len ? kedja_district_figures_get_name (figures)
                                                    : _("City total");

      text_cells (figures, name, cells + (r + 1) * N_COLUMNS);
    }
  for (guint i = 0; i < (n_rows + 1) * N_COLUMNS; i++)
    {
      guint width = kedja_cli_text_width (cells[i]);
      widths[i % N_COLUMNS] = MAX (widths[i % N_COLUMNS], width);
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    line_width += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < n_rows + 1; r++)
    {
      char **row = cells + r * N_COLUMNS;

      /* A rule above the total, which is no district. */
      if (r == n_rows)
        {
          for (guint i = 0; i < line_width; i++)
            g_string_append (out, "─");
          g_string_append_c (out, '\n');
        }
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          /* Names to the left, figures to the right (their headers too,
           * so each stands over its column): the last column is a figure,
           * so no line ends in blanks. */
          kedja_cli_append_padded (out, row[c], widths[c], c != COL_DISTRICT);
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  g_string_append (out, _("Active: active plans. Critical: active plans with at least one critical "
                          "finding.\n"
                          "Detox, Residential: days without help after a detox or an inpatient "
                          "treatment ends (median and 90th percentile; 0 when the next help "
                          "starts the day after).\n"
                          "Handovers confirmed: handovers confirmed by the day the sending step "
                          "ended, of those whose sending step has ended.\n"
                          "Full consent: active plans with consent in force for every agency that "
                          "takes part.\n"));

  for (guint i = 0; i < (n_rows + 1) * N_COLUMNS; i++)
    g_free (cells[i]);
}

/* ------------------------------------------------------------- CSV, JSON */

/* The shortest text that reads back as the same number, with a point
 * whatever the locale: "0.5", "0.6666666666666666", "3". */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

typedef void (*AppendNull) (GString *out);

static void
append_stats (GString                *out,
              const KedjaReportStats *stats,
              const char             *separator,
              AppendNull              append_null)
{
  if (stats->n > 0)
    append_number (out, stats->median);
  else
    append_null (out);
  g_string_append (out, separator);
  if (stats->n > 0)
    append_number (out, stats->p90);
  else
    append_null (out);
}

static void
append_share (GString   *out,
              guint      part,
              guint      whole,
              AppendNull append_null)
{
  double share;

  if (kedja_report_share (part, whole, &share))
    append_number (out, share);
  else
    append_null (out);
}

static void
append_csv_null (GString *out)
{
}

static void
append_json_null (GString *out)
{
  g_string_append (out, "null");
}

/* RFC 4180 asks for CRLF between records. */
static void
write_csv (GString                   *out,
           const KedjaDistrictReport *report)
{
  g_string_append (out, "district,active,critical,detox_gap_median,detox_gap_p90,"
                        "residential_gap_median,residential_gap_p90,"
                        "handovers_confirmed_share,consent_share\r\n");
  for (guint i = 0; i < report->districts->len; i++)
    {
      const KedjaDistrictFigures *f = &g_array_index (report->districts, KedjaDistrictFigures, i);

      kedja_cli_append_csv (out, f->district);
      g_string_append_printf (out, ",%u,%u,", f->active, f->critical);
      append_stats (out, &f->detox_gap, ",", append_csv_null);
      g_string_append_c (out, ',');
      append_stats (out, &f->residential_gap, ",", append_csv_null);
      g_string_append_c (out, ',');
      append_share (out, f->handovers_confirmed, f->handovers_ended, append_csv_null);
      g_string_append_c (out, ',');
      append_share (out, f->consent_complete, f->active, append_csv_null);
      g_string_append (out, "\r\n");
    }
}

/* One district per line; plans without a district have "district": null. */
static void
write_json (GString                   *out,
            const KedjaDistrictReport *report)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < report->districts->len; i++)
    {
      const KedjaDistrictFigures *f = &g_array_index (report->districts, KedjaDistrictFigures, i);

      g_string_append (out, i == 0 ? "\n  {\"district\": " : ",\n  {\"district\": ");
      kedja_cli_append_json (out, f->district);
      g_string_append_printf (out, ", \"active\": %u, \"critical\": %u", f->active, f->critical);
      g_string_append (out, ", \"detox_gap_median\": ");
      append_stats (out, &f->detox_gap, ", \"detox_gap_p90\": ", append_json_null);
      g_string_append (out, ", \"residential_gap_median\": ");
      append_stats (out, &f->residential_gap, ", \"residential_gap_p90\": ", append_json_null);
      g_string_append (out, ", \"handovers_confirmed_share\": ");
      append_share (out, f->handovers_confirmed, f->handovers_ended, append_json_null);
      g_string_append (out, ", \"consent_share\": ");
      append_share (out, f->consent_complete, f->active, append_json_null);
      g_string_append_c (out, '}');
    }
  g_string_append (out, report->districts->len > 0 ? "\n]\n" : "]\n");
}

/* ------------------------------------------------------------ the command */

int
kedja_cli_report (KedjaCli *cli,
                  int       argc,
                  char    **argv)
{
  g_autofree char *by = NULL, *today_text = NULL, *format_text = NULL;
  g_auto(GStrv) overrides = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KedjaDistrictReport) report = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  KedjaCliFormat format = KEDJA_CLI_FORMAT_TEXT;
  KedjaAnalysisSettings settings;
  KedjaStore *store;
  KedjaDate today;
  GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      N_("What to sum up by: district (the default, and the only one so far)"), N_("WHAT") },
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the plans as on this day (default: today)"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text, csv or json (default: text)"), N_("FORMAT") },
    { "setting", 0, 0, G_OPTION_ARG_STRING_ARRAY, &overrides,
      N_("Use this threshold instead of the database’s, such as gap-days=10 (repeatable)"),
      N_("KEY=VALUE") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc > 1)
    return kedja_cli_fail (_("report takes no arguments, but was given “%s”"), argv[1]);
  if (by != NULL && !g_str_equal (by, "district"))
    return kedja_cli_fail (_("--by: “%s” is not one of: district"), by);

  /* Everything is checked before the database is opened or created. */
  today = kedja_date_today ();
  if (!kedja_cli_parse_format (format_text, &format, &error)
      || (today_text != NULL && !kedja_cli_parse_date ("--today", today_text, &today, &error))
      || !kedja_cli_check_settings (overrides, &error))
    return kedja_cli_fail_error (error);

  store = kedja_cli_get_store (cli, &error);
  if (store == NULL)
    return kedja_cli_fail_error (error);
  kedja_analysis_settings_init (&settings);
  if (!kedja_cli_load_settings (cli, overrides, &settings, &error))
    return kedja_cli_fail_error (error);
  plans = kedja_store_load_all_plans (store, &error);
  if (plans == NULL)
    return kedja_cli_fail_error (error);

  report = kedja_report_by_district (plans, &settings, today);
  out = g_string_sized_new (1024);
  switch (format)
    {
    case KEDJA_CLI_FORMAT_CSV:
      write_csv (out, report);
      break;
    case KEDJA_CLI_FORMAT_JSON:
      write_json (out, report);
      break;
    case KEDJA_CLI_FORMAT_TEXT:
    default:
      write_text (out, report);
      break;
    }
  return kedja_cli_write (out) ? KEDJA_CLI_EXIT_OK : KEDJA_CLI_EXIT_ERROR;
}
