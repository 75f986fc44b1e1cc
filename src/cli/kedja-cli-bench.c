/* kedja-cli-bench.c — `kedja-cli bench gaps`: how fast the gap analysis is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The budget in DESIGN.md: 20,000 plans (≈ 200,000 steps) in under 50 ms,
 * and linear. This measures exactly that loop — what the report and a
 * whole-city check do — on demo plans made in memory, so no database, disk
 * or SQLite takes part in the figure, and none is opened or created.
 *
 * Wall time drifts 10–20 % between runs on this kind of machine
 * (MEASURING.md), so every size is timed several times and the median
 * reported; the generated plans are the same for the same seed, so two
 * runs of the command measure the same work.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "kedja-cli.h"
#include "kedja-demo.h"

#define DEFAULT_SIZES  "2000,20000,200000"
#define DEFAULT_REPEAT 5
/* 200,000 plans take a few GB; a million is as far as a 24 GB machine
 * should be asked to go. */
#define MAX_SIZE       1000000
#define MAX_REPEAT     1000

typedef struct {
  guint   plans;
  guint64 steps;
  guint64 findings;
  double  median_ms;
} Result;

static gboolean
parse_sizes (const char *text,
             GArray     *sizes,
             GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  /* An empty list is refused like an empty number. */
  for (guint i = 0; parts[i] != NULL || i == 0; i++)
    {
      guint64 size;
      guint value;

      if (!kedja_cli_parse_count ("--sizes", parts[i] ? g_strstrip (parts[i]) : "", 1, MAX_SIZE,
                                  &size, error))
        return FALSE;
      value = (guint) size;
      g_array_append_val (sizes, value);
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Times the analysis of every plan, @repeat times, with one findings array
 * reused throughout, as a caller going through a city's plans would. */
static void
measure (GPtrArray                   *plans,
         const KedjaAnalysisSettings *settings,
         KedjaDate                    today,
         guint                        repeat,
         Result                      *result)
{
  g_autoptr(GArray) findings = g_array_sized_new (FALSE, FALSE, sizeof (KedjaFinding), 64);
  g_autofree double *times = g_new (double, repeat);

  result->plans = plans->len;
  result->steps = 0;
  for (guint i = 0; i < plans->len; i++)
    result->steps += ((KedjaPlan *) g_ptr_array_index (plans, i))->steps->len;

  for (guint r = 0; r < repeat; r++)
    {
      guint64 found = 0;
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < plans->len; i++)
        {
          g_array_set_size (findings, 0);
          kedja_analyse_into (g_ptr_array_index (plans, i), settings, today, findings);
          found += findings->len;
        }
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      /* The same plans give the same findings every time. */
      result->findings = found;
    }

  qsort (times, repeat, sizeof *times, compare_doubles);
  result->median_ms = repeat % 2 == 1 ? times[repeat / 2]
                                      : (times[repeat / 2 - 1] + times[repeat / 2]) / 2.0;
}

static void
append_row (GString           *out,
            const char *const  cells[5])
{
  for (guint c = 0; c < 5; c++)
    {
      if (c > 0)
        g_string_append (out, "  ");
      kedja_cli_append_padded (out, cells[c], 12, TRUE);
    }
  g_string_append_c (out, '\n');
}

static void
append_result (GString      *out,
               const Result *result)
{
  g_autofree char *plans = g_strdup_printf ("%u", result->plans);
  g_autofree char *steps = g_strdup_printf ("%" G_GUINT64_FORMAT, result->steps);
  g_autofree char *findings = g_strdup_printf ("%" G_GUINT64_FORMAT, result->findings);
  g_autofree char *ms = g_strdup_printf ("%.2f", result->median_ms);
  g_autofree char *rate = result->median_ms > 0
                            ? g_strdup_printf ("%.0f", result->steps / (result->median_ms / 1000.0))
                            : g_strdup ("–");
  const char *cells[5] = { plans, steps, findings, ms, rate };

  append_row (out, cells);
}

int
kedja_cli_bench (KedjaCli *cli,
                 int       argc,
                 char    **argv)
{
  g_autofree char *sizes_text = NULL, *repeat_text = NULL, *seed_text = NULL, *today_text = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char today_shown[KEDJA_DATE_STRLEN];
  g_autofree char *seed_shown = NULL;
  guint64 repeat = DEFAULT_REPEAT, seed = 1;
  KedjaAnalysisSettings settings;
  KedjaDate today;
  GOptionEntry entries[] = {
    { "sizes", 'n', 0, G_OPTION_ARG_STRING, &sizes_text,
      N_("How many plans to analyse, one size after the other (default: 2000,20000,200000)"),
      N_("N,N,…") },
    { "repeat", 'r', 0, G_OPTION_ARG_STRING, &repeat_text,
      N_("Time each size this many times and report the median (default: 5)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the demo generator (default: 1)"), N_("S") },
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the plans are built around and judged on (default: today)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  const char *header[5] = {
    _("Plans"), _("Steps"), _("Findings"), _("Median ms"), _("Steps/s"),
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc < 2)
    return kedja_cli_fail (_("bench needs to know what to measure: gaps"));
  if (!g_str_equal (argv[1], "gaps"))
    return kedja_cli_fail (_("bench: “%s” is not one of: gaps"), argv[1]);
  if (argc > 2)
    return kedja_cli_fail (_("bench takes one benchmark, but was also given “%s”"), argv[2]);

  today = kedja_date_today ();
  if (!parse_sizes (sizes_text ? sizes_text : DEFAULT_SIZES, sizes, &error)
      || (repeat_text != NULL
          && !kedja_cli_parse_count ("--repeat", repeat_text, 1, MAX_REPEAT, &repeat, &error))
      || (seed_text != NULL
          && !kedja_cli_parse_count ("--seed", seed_text, 0, G_MAXUINT64, &seed, &error))
      || (today_text != NULL && !kedja_cli_parse_date ("--today", today_text, &today, &error)))
    return kedja_cli_fail_error (error);

  /* The defaults, not a database's: the figure must not depend on which
   * file happened to be the default one. */
  kedja_analysis_settings_init (&settings);

  seed_shown = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  kedja_date_format (today, today_shown);
  /* TRANSLATORS: "Gap analysis, median of 5 runs (seed 1, today 2026-11-29)" */
  g_string_append_printf (out, ngettext ("Gap analysis, median of %u run (seed %s, today %s)",
                                         "Gap analysis, median of %u runs (seed %s, today %s)",
                                         (gulong) repeat),
                          (guint) repeat, seed_shown, today_shown);
  g_string_append_c (out, '\n');
  append_row (out, header);
  /* Each line as soon as it is measured: the large sizes take a while. */
  if (!kedja_cli_write (out))
    return KEDJA_CLI_EXIT_ERROR;

  for (guint i = 0; i < sizes->len; i++)
    {
      /* Only one size's plans in memory at a time: 200,000 take gigabytes. */
      g_autoptr(KedjaDemoData) data = kedja_demo_generate (g_array_index (sizes, guint, i), seed,
                                                           today);
      Result result;

      measure (data->plans, &settings, today, (guint) repeat, &result);
      g_array_append_val (results, result);
      g_clear_pointer (&data, kedja_demo_data_free);

      g_string_truncate (out, 0);
      append_result (out, &result);
      if (!kedja_cli_write (out))
        return KEDJA_CLI_EXIT_ERROR;
    }

  /* Linear means the time grows as the steps do: the two largest sizes
   * side by side say it at a glance. */
  if (results->len >= 2)
    {
      const Result *large = NULL, *second = NULL;

      for (guint i = 0; i < results->len; i++)
        {
          const Result *r = &g_array_index (results, Result, i);

          if (large == NULL || r->plans > large->plans)
            {
              second = large;
              large = r;
            }
          else if (second == NULL || r->plans > second->plans)
            second = r;
        }
      g_string_truncate (out, 0);
      if (second->median_ms > 0 && second->steps > 0)
        /* TRANSLATORS: "200000 plans against 20000: 10.0 × the steps, 10.4 × the time" */
        g_string_append_printf (out, _("%u plans against %u: %.1f × the steps, %.1f × the time"),
                                large->plans, second->plans, (double) large->steps / second->steps,
                                large->median_ms / second->median_ms);
      else
        g_string_append_printf (out, _("%u plans against %u: too fast to compare"), large->plans,
                                second->plans);
      g_string_append_c (out, '\n');
      if (!kedja_cli_write (out))
        return KEDJA_CLI_EXIT_ERROR;
    }
  return KEDJA_CLI_EXIT_OK;
}
