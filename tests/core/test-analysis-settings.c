/* test-analysis-settings.c — the gap analysis: rule ids and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names the analysis is known by outside the engine: its rule ids and
 * the keys of its settings, their defaults and text forms, and how each
 * threshold, moved, moves its rule's edge. The builder and the dates are
 * explained in analysis-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include <string.h>

#include "analysis-fixture.h"

#define PHASE_BIT(phase) (1u << (phase))

/* ------------------------------------------------------------------ */
/* The rule ids */

static void
test_rule_ids (void)
{
  /* Typed in from DESIGN.md, in the order of its table. */
  static const char *ids[] = {
    "uncovered-days", "handover-gap", "released-before-taken-over", "unconfirmed-handover",
    "no-next-step", "no-housing-after-treatment", "no-responsible", "no-coordinator",
    "follow-up-missing", "consent-missing", "children-not-addressed", "own-goal-missing",
    "overlap", "long-wait",
  };

  g_assert_cmpuint (G_N_ELEMENTS (ids), ==, KEDJA_N_RULES);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      int value = -1;

      g_assert_cmpstr (kedja_enum_to_nick (KEDJA_TYPE_RULE, (int) i), ==, ids[i]);
      g_assert_true (kedja_enum_from_nick (KEDJA_TYPE_RULE, ids[i], &value, NULL));
      g_assert_cmpint (value, ==, (int) i);
    }
}

/* ------------------------------------------------------------------ */
/* Settings */

static void
test_settings_defaults (void)
{
  static const char *keys[] = {
    "gap-days-after-residential", "gap-days", "handover-warning-days", "long-wait-days",
    "overlap-phases",
  };
  KedjaAnalysisSettings settings;
  const char * const *got;

  memset (&settings, 0xff, sizeof settings);
  kedja_analysis_settings_init (&settings);
  g_assert_cmpuint (settings.gap_days_after_residential, ==, 7);
  g_assert_cmpuint (settings.gap_days, ==, 14);
  g_assert_cmpuint (settings.handover_warning_days, ==, 7);
  g_assert_cmpuint (settings.long_wait_days, ==, 30);
  g_assert_cmpuint (settings.overlap_phases, ==,
                    PHASE_BIT (KEDJA_PHASE_DETOX) | PHASE_BIT (KEDJA_PHASE_TREATMENT)
                    | PHASE_BIT (KEDJA_PHASE_HOUSING));

  got = kedja_analysis_settings_keys ();
  g_assert_nonnull (got);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (got[i], ==, keys[i]);
}

static void
assert_refused (KedjaAnalysisSettings *settings,
                const char            *key,
                const char            *value)
{
  g_autoptr(GError) error = NULL;
  KedjaAnalysisSettings before = *settings;

  g_test_message ("refuse %s = “%s”", key, value);
  g_assert_false (kedja_analysis_settings_set (settings, key, value, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  /* Nothing changed. */
  g_assert_cmpint (memcmp (&before, settings, sizeof before), ==, 0);
}

static void
test_settings_set (void)
{
  KedjaAnalysisSettings settings;
  g_autoptr(GError) error = NULL;

  kedja_analysis_settings_init (&settings);
  g_assert_true (kedja_analysis_settings_set (&settings, "gap-days", "20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.gap_days, ==, 20);
  g_assert_cmpuint (settings.gap_days_after_residential, ==, 7);

  g_assert_true (kedja_analysis_settings_set (&settings, "long-wait-days", "60", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.long_wait_days, ==, 60);

  assert_refused (&settings, "gap-days", "abc");
  assert_refused (&settings, "gap-days", "-1");
  assert_refused (&settings, "gap-days", "12x");
  assert_refused (&settings, "gap-days", "");
  assert_refused (&settings, "handover-warning-days", "1.5");
  assert_refused (&settings, "gap_days", "20");
  assert_refused (&settings, "no-such-key", "20");
  assert_refused (&settings, "overlap-phases", "detox sleeping");
  g_assert_cmpuint (settings.gap_days, ==, 20);

  g_assert_true (kedja_analysis_settings_set (&settings, "overlap-phases", "employment", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.overlap_phases, ==, PHASE_BIT (KEDJA_PHASE_EMPLOYMENT));
}

static void
test_settings_roundtrip (void)
{
  static const struct {
    const char *key;
    const char *fresh;   /* its text in the defaults */
    const char *other;   /* another value to carry over */
  } cases[] = {
    { "gap-days-after-residential", "7", "3" },
    { "gap-days", "14", "20" },
    { "handover-warning-days", "7", "10" },
    { "long-wait-days", "30", "60" },
    { "overlap-phases", "detox treatment housing", "housing employment" },
  };
  KedjaAnalysisSettings defaults, custom, copy;

  kedja_analysis_settings_init (&defaults);
  kedja_analysis_settings_init (&custom);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kedja_analysis_settings_get (&defaults, cases[i].key);

      g_assert_cmpstr (text, ==, cases[i].fresh);
      g_assert_true (kedja_analysis_settings_set (&custom, cases[i].key, cases[i].other, NULL));
    }
  g_assert_cmpuint (custom.overlap_phases, ==,
                    PHASE_BIT (KEDJA_PHASE_HOUSING) | PHASE_BIT (KEDJA_PHASE_EMPLOYMENT));

  /* Every key's text form, read back into the defaults, gives the value. */
  kedja_analysis_settings_init (&copy);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kedja_analysis_settings_get (&custom, cases[i].key);

      g_assert_nonnull (text);
      g_assert_true (kedja_analysis_settings_set (&copy, cases[i].key, text, NULL));
    }
  g_assert_cmpuint (copy.gap_days_after_residential, ==, 3);
  g_assert_cmpuint (copy.gap_days, ==, 20);
  g_assert_cmpuint (copy.handover_warning_days, ==, 10);
  g_assert_cmpuint (copy.long_wait_days, ==, 60);
  g_assert_cmpuint (copy.overlap_phases, ==, custom.overlap_phases);
}

/* Each threshold, moved, moves its rule's edge. */
static void
test_settings_thresholds (void)
{
  KedjaAnalysisSettings defaults, settings;

  kedja_analysis_settings_init (&defaults);

  /* NULL means the defaults. */
  {
    g_autoptr(KedjaPlan) plan = troubled_plan ();
    g_autoptr(GArray) with_null = analyse_with (plan, NULL);
    g_autoptr(GArray) with_defaults = analyse_with (plan, &defaults);

    assert_same_findings (with_null, with_defaults);
  }

  /* gap-days 20: after outpatient treatment ending 10 Sep, a next step on
   * 26 Sep (15 days) is critical by default and a warning now; 20 days (from
   * 1 Oct) is still a warning, 21 (from 2 Oct) critical. */
  {
    const struct { KedjaDate start; guint days; KedjaSeverity severity; } cases[] = {
      { D (2026, 9, 26), 15, WARNING },
      { D (2026, 10, 1), 20, WARNING },
      { D (2026, 10, 2), 21, CRITICAL },
    };

    settings = defaults;
    g_assert_true (kedja_analysis_settings_set (&settings, "gap-days", "20", NULL));
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(KedjaPlan) plan = new_plan ();
        g_autoptr(GArray) by_default = NULL;
        g_autoptr(GArray) findings = NULL;
        const KedjaFinding *f;

        add_outpatient (plan, "Öppenvård", D (2026, 9, 1), D (2026, 9, 10));
        add_work (plan, "Arbetsträning", cases[c].start, OPEN);
        by_default = analyse (plan);
        g_assert_cmpint (only (by_default, KEDJA_RULE_UNCOVERED_DAYS)->severity, ==, CRITICAL);
        findings = analyse_with (plan, &settings);
        expect_total (findings, 1);
        f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
        g_assert_cmpuint (f->days, ==, cases[c].days);
        g_assert_cmpint (f->severity, ==, cases[c].severity);
      }
  }

  /* gap-days-after-residential 3: 4 days after a detox become critical. */
  {
    g_autoptr(KedjaPlan) plan = new_plan ();
    g_autoptr(GArray) by_default = NULL;
    g_autoptr(GArray) findings = NULL;

    settings = defaults;
    settings.gap_days_after_residential = 3;
    add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
    add_work (plan, "Arbetsträning", D (2026, 9, 15), OPEN);
    by_default = analyse (plan);
    g_assert_cmpint (only (by_default, KEDJA_RULE_UNCOVERED_DAYS)->severity, ==, WARNING);
    findings = analyse_with (plan, &settings);
    g_assert_cmpuint (only (findings, KEDJA_RULE_UNCOVERED_DAYS)->days, ==, 4);
    g_assert_cmpint (only (findings, KEDJA_RULE_UNCOVERED_DAYS)->severity, ==, CRITICAL);
  }

  /* handover-warning-days 10: a handover in 10 days warns, in 11 does not;
   * by default neither does. */
  for (int offset = 10; offset <= 11; offset++)
    {
      g_autoptr(KedjaPlan) plan = new_plan ();
      g_autoptr(GArray) by_default = NULL;
      g_autoptr(GArray) findings = NULL;
      KedjaStep *detox, *treatment;

      settings = defaults;
      settings.handover_warning_days = 10;
      detox = add_detox (plan, "Avgiftning", D (2026, 8, 15), D (2026, 10, 10));
      detox->status = KEDJA_STEP_STATUS_ONGOING;
      treatment = add_inpatient (plan, "Behandlingshem", D (2026, 10, 11), OPEN);
      add_handover (plan, detox, treatment, TODAY + offset, NONE);
      by_default = analyse (plan);
      expect_total (by_default, 0);
      findings = analyse_with (plan, &settings);
      if (offset == 10)
        g_assert_cmpint (only (findings, KEDJA_RULE_UNCONFIRMED_HANDOVER)->severity, ==, WARNING);
      else
        expect_total (findings, 0);
    }

  /* long-wait-days 60: 31 days are fine now; 2 Jul → 1 Sep is 29 + 31 + 1
   * = 61 days, 3 Jul → 1 Sep is 60. */
  {
    const struct { KedjaDate need; guint days; } cases[] = {
      { D (2026, 8, 1), 0 },
      { D (2026, 7, 3), 0 },
      { D (2026, 7, 2), 61 },
    };

    settings = defaults;
    settings.long_wait_days = 60;
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(KedjaPlan) plan = new_plan ();
        g_autoptr(GArray) findings = NULL;

        plan->need_recorded = cases[c].need;
        add_outpatient (plan, "Öppenvård", D (2026, 9, 1), OPEN);
        findings = analyse_with (plan, &settings);
        expect_total (findings, cases[c].days > 0 ? 1 : 0);
        if (cases[c].days > 0)
          g_assert_cmpuint (only (findings, KEDJA_RULE_LONG_WAIT)->days, ==, cases[c].days);
      }
  }

  /* overlap-phases "employment": employment steps overlap, housing not. */
  {
    g_autoptr(KedjaPlan) plan = new_plan ();
    g_autoptr(GArray) by_default = NULL;
    g_autoptr(GArray) findings = NULL;
    const KedjaFinding *f;

    settings = defaults;
    g_assert_true (kedja_analysis_settings_set (&settings, "overlap-phases", "employment", NULL));
    add_work (plan, "Arbetsträning", D (2026, 9, 1), D (2026, 12, 31));
    add_work (plan, "Studier", D (2026, 10, 1), D (2026, 11, 30));
    add_housing (plan, "Lägenhet A", D (2026, 9, 1), OPEN);
    add_housing (plan, "Lägenhet B", D (2026, 10, 1), OPEN);
    by_default = analyse (plan);
    expect_total (by_default, 1);
    g_assert_cmpstr (only (by_default, KEDJA_RULE_OVERLAP)->step->title, ==, "Lägenhet A");
    findings = analyse_with (plan, &settings);
    expect_total (findings, 1);
    f = only (findings, KEDJA_RULE_OVERLAP);
    /* 1 Oct–30 Nov: 31 + 30 = 61 days. */
    assert_interval (f, D (2026, 10, 1), D (2026, 11, 30));
    g_assert_cmpuint (f->days, ==, 61);
    g_assert_cmpstr (title_of (f->step), ==, "Arbetsträning");
  }
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/rule-ids", test_rule_ids);
  g_test_add_func ("/core/analysis/settings/defaults", test_settings_defaults);
  g_test_add_func ("/core/analysis/settings/set", test_settings_set);
  g_test_add_func ("/core/analysis/settings/roundtrip", test_settings_roundtrip);
  g_test_add_func ("/core/analysis/settings/thresholds", test_settings_thresholds);

  return g_test_run ();
}
