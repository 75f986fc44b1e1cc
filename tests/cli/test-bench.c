/* test-bench.c — `kedja-cli bench` as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark makes its own demo plans and touches no database; what it
 * measured is checked against the same plans made here.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-demo.h"

/* The benchmark's table: no timings asserted (they are not repeatable),
 * only that it measured what it says, and that no database took part. */
static void
test_bench (CliFixture   *f,
            gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", f->empty, "bench", "gaps", "--sizes", "30,12",
                                "--repeat", "3", "--seed", "5", "--today", "2026-11-29", NULL);
  g_auto(GStrv) lines = NULL;
  guint sizes[] = { 30, 12 };

  assert_success (run);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Gap analysis, median of 3 runs (seed 5, today 2026-11-29)");
  g_assert_nonnull (strstr (lines[1], "Plans"));
  g_assert_nonnull (strstr (lines[1], "Median ms"));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(KedjaDemoData) demo = kedja_demo_generate (sizes[i], 5, D (2026, 11, 29));
      g_auto(GStrv) cells = g_regex_split_simple (" +", g_strstrip (lines[2 + i]), 0, 0);
      g_autofree char *plans = g_strdup_printf ("%u", sizes[i]);
      g_autofree char *steps = NULL, *findings = NULL;
      guint n_steps = 0, n_findings = 0;

      for (guint p = 0; p < demo->plans->len; p++)
        {
          KedjaPlan *plan = g_ptr_array_index (demo->plans, p);
          g_autoptr(GArray) found = kedja_analyse (plan, NULL, D (2026, 11, 29));

          n_steps += plan->steps->len;
          n_findings += found->len;
        }
      steps = g_strdup_printf ("%u", n_steps);
      findings = g_strdup_printf ("%u", n_findings);
      g_assert_cmpuint (g_strv_length (cells), ==, 5);
      g_assert_cmpstr (cells[0], ==, plans);
      g_assert_cmpstr (cells[1], ==, steps);
      g_assert_cmpstr (cells[2], ==, findings);
    }
  g_assert_true (g_str_has_prefix (lines[4], "30 plans against 12: "));
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_false (g_file_test (f->empty, G_FILE_TEST_EXISTS));
}

static void
test_bench_errors (CliFixture   *f,
                   gconstpointer data)
{
  const char *empty = f->empty;
  struct {
    const char *args[9];
    const char *mentions;
  } cases[] = {
    { { "--database", empty, "bench", NULL }, "gaps" },
    { { "--database", empty, "bench", "frames", NULL }, "frames" },
    { { "--database", empty, "bench", "gaps", "more", NULL }, "more" },
    { { "--database", empty, "bench", "gaps", "--sizes", "0", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--sizes", "", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--sizes", "10,,20", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--sizes", "2000000", NULL }, "--sizes" },
    { { "--database", empty, "bench", "gaps", "--repeat", "0", NULL }, "--repeat" },
    { { "--database", empty, "bench", "gaps", "--seed", "x", NULL }, "--seed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli_argv (cases[i].args);

      g_test_message ("case %u: %s", i, run->err);
      assert_fails (run, cases[i].mentions);
    }
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, set_up, func) \
  g_test_add (path, CliFixture, NULL, set_up, func, cli_fixture_tear_down)

  ADD ("/cli/bench/table", cli_fixture_set_up, test_bench);
  ADD ("/cli/bench/errors", cli_fixture_set_up, test_bench_errors);

#undef ADD
  return g_test_run ();
}
