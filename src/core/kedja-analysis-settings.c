/* kedja-analysis-settings.c — the thresholds of the gap analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The defaults follow the continuity-of-care measures of DESIGN.md: follow-up
 * within 7 days after withdrawal management or residential care (HEDIS FUI,
 * NQF #3312), within 14 days otherwise (Washington Circle).
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kedja-analysis.h"
#include "kedja-enum-types.h"
#include "kedja-error.h"

#define DEFAULT_OVERLAP_PHASES \
  ((1u << KEDJA_PHASE_DETOX) | (1u << KEDJA_PHASE_TREATMENT) | (1u << KEDJA_PHASE_HOUSING))

/* The most days a threshold can sensibly be: a year and a half. */
#define MAX_DAYS 550

typedef struct {
  const char *key;
  gsize       offset;
} DaysSetting;

static const DaysSetting days_settings[] = {
  { "gap-days-after-residential", G_STRUCT_OFFSET (KedjaAnalysisSettings, gap_days_after_residential) },
  { "gap-days", G_STRUCT_OFFSET (KedjaAnalysisSettings, gap_days) },
  { "handover-warning-days", G_STRUCT_OFFSET (KedjaAnalysisSettings, handover_warning_days) },
  { "long-wait-days", G_STRUCT_OFFSET (KedjaAnalysisSettings, long_wait_days) },
};

#define OVERLAP_KEY "overlap-phases"

void
kedja_analysis_settings_init (KedjaAnalysisSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->gap_days_after_residential = 7;
  settings->gap_days = 14;
  settings->handover_warning_days = 7;
  settings->long_wait_days = 30;
  settings->overlap_phases = DEFAULT_OVERLAP_PHASES;
}

const char * const *
kedja_analysis_settings_keys (void)
{
  static const char *keys[] = {
    "gap-days-after-residential", "gap-days", "handover-warning-days", "long-wait-days",
    OVERLAP_KEY, NULL,
  };
  return keys;
}

static guint *
days_field (KedjaAnalysisSettings *settings,
            const char            *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (days_settings); i++)
    if (g_str_equal (key, days_settings[i].key))
      return G_STRUCT_MEMBER_P (settings, days_settings[i].offset);
  return NULL;
}

static gboolean
parse_phases (const char *value,
              guint      *out_mask,
              GError    **error)
{
  g_auto(GStrv) words = g_strsplit_set (value, " ,", -1);
  guint mask = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      int phase;

      if (words[i][0] == '\0')
        continue;
      if (!kedja_enum_from_nick (KEDJA_TYPE_PHASE, words[i], &phase, &local_error))
        {
          g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_VALUE,
                       "%s: %s", OVERLAP_KEY, local_error->message);
          return FALSE;
        }
      mask |= 1u << phase;
    }
  *out_mask = mask;
  return TRUE;
}

gboolean
kedja_analysis_settings_set (KedjaAnalysisSettings *settings,
                             const char            *key,
                             const char            *value,
                             GError               **error)
{
  guint *field;
  guint64 days;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (g_str_equal (key, OVERLAP_KEY))
    return parse_phases (value, &settings->overlap_phases, error);

  field = days_field (settings, key);
  if (field == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv) kedja_analysis_settings_keys ());

      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_VALUE,
                   _("“%s” is not a setting of the analysis; the settings are: %s"), key, known);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (value, 10, 0, MAX_DAYS, &days, NULL))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_OUT_OF_RANGE,
                   _("%s must be a number of days from 0 to %d, not “%s”"), key, MAX_DAYS,
                   value);
      return FALSE;
    }
  *field = (guint) days;
  return TRUE;
}

/* Returns: (transfer full) (nullable): the value as the settings table
 * keeps it, or %NULL for an unknown key. */
char *
kedja_analysis_settings_get (const KedjaAnalysisSettings *settings,
                             const char                  *key)
{
  g_return_val_if_fail (settings != NULL && key != NULL, NULL);

  if (g_str_equal (key, OVERLAP_KEY))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (int phase = 0; phase < KEDJA_N_PHASES; phase++)
        {
          if (!(settings->overlap_phases & (1u << phase)))
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, kedja_enum_to_nick (KEDJA_TYPE_PHASE, phase));
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (days_settings); i++)
    if (g_str_equal (key, days_settings[i].key))
      return g_strdup_printf ("%u", G_STRUCT_MEMBER (guint, settings, days_settings[i].offset));
  return NULL;
}
