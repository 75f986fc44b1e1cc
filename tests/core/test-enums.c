/* test-enums.c — every SIP enumeration value to text and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected nicks are typed in from SIP-FORMAT.md, not taken from the
 * code, so a renamed enum value that would change the file format fails.
 */
#include <string.h>

#include "kedja-core.h"
#include "kedja-test-lang.h"

typedef struct {
  GType (*get_type) (void);
  const char *nicks[12];
} EnumCase;

static const EnumCase cases[] = {
  { kedja_plan_status_get_type, { "draft", "active", "closed" } },
  { kedja_agency_kind_get_type, { "social-services", "addiction-care", "psychiatry",
                                  "primary-care", "prison-probation", "employment-service",
                                  "social-insurance", "housing", "civil-society", "other" } },
  { kedja_role_get_type, { "coordinator", "participant", "client", "relative",
                           "peer-supporter" } },
  { kedja_phase_get_type, { "detox", "treatment", "housing", "employment", "support",
                            "health" } },
  { kedja_step_status_get_type, { "planned", "booked", "ongoing", "completed",
                                  "interrupted", "cancelled" } },
  { kedja_domain_get_type, { "substance-use", "housing", "finances", "occupation", "health",
                             "family", "network", "crime-free", "meaning" } },
  { kedja_goal_status_get_type, { "active", "reached", "dropped" } },
  { kedja_consent_form_get_type, { "written", "oral" } },
  { kedja_severity_get_type, { "notice", "warning", "critical" } },
};

static void
test_roundtrip (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GType type = cases[c].get_type ();
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      guint n = 0;

      for (; cases[c].nicks[n] != NULL; n++)
        {
          const char *nick = cases[c].nicks[n];
          int value = -1;

          g_assert_true (kedja_enum_from_nick (type, nick, &value, NULL));
          g_assert_cmpstr (kedja_enum_to_nick (type, value), ==, nick);
        }
      /* No value exists that the format does not name. */
      g_assert_cmpuint (klass->n_values, ==, n);
    }
}

/* Chain order is the order of the lanes and of SIP-FORMAT.md. */
static void
test_phase_order (void)
{
  int detox = -1, health = -1;

  g_assert_true (kedja_enum_from_nick (KEDJA_TYPE_PHASE, "detox", &detox, NULL));
  g_assert_true (kedja_enum_from_nick (KEDJA_TYPE_PHASE, "health", &health, NULL));
  g_assert_cmpint (detox, ==, 0);
  g_assert_cmpint (health, ==, KEDJA_N_PHASES - 1);
}

static void
test_care_setting (void)
{
  int value = -1;

  g_assert_true (kedja_enum_from_nick (KEDJA_TYPE_CARE_SETTING, "inpatient", &value, NULL));
  g_assert_cmpint (value, ==, KEDJA_CARE_SETTING_INPATIENT);
  g_assert_true (kedja_enum_from_nick (KEDJA_TYPE_CARE_SETTING, "outpatient", &value, NULL));
  g_assert_cmpint (value, ==, KEDJA_CARE_SETTING_OUTPATIENT);
  /* "Not given" is the absence of the attribute, never a value in a file. */
  g_assert_false (kedja_enum_from_nick (KEDJA_TYPE_CARE_SETTING, "none", &value, NULL));
  g_assert_null (kedja_enum_to_nick (KEDJA_TYPE_CARE_SETTING, KEDJA_CARE_SETTING_NONE));
}

static void
test_unknown (void)
{
  const char *bad[] = { "Detox", "avgiftning", "", " detox", "detox ", "peer_supporter" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int value = 77;

      g_assert_false (kedja_enum_from_nick (KEDJA_TYPE_PHASE, bad[i], &value, &error));
      g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_VALUE);
      g_assert_cmpint (value, ==, 77);
      /* The message lists what is allowed. */
      g_assert_nonnull (strstr (error->message, "detox, treatment, housing"));
    }
  g_assert_null (kedja_enum_to_nick (KEDJA_TYPE_PHASE, 99));
}

static void
test_labels (void)
{
  g_assert_cmpstr (kedja_phase_get_label (KEDJA_PHASE_SUPPORT), ==, "Support and network");
  g_assert_cmpstr (kedja_agency_kind_get_label (KEDJA_AGENCY_KIND_PRISON_PROBATION), ==,
                   "Prison and probation service");
  g_assert_cmpstr (kedja_step_status_get_label (99), ==, "?");
}

static void
test_labels_swedish (void)
{
  const char *detox, *plan_active, *goal_active;

  if (!kedja_test_in_language ("sv"))
    return;
  detox = kedja_phase_get_label (KEDJA_PHASE_DETOX);
  plan_active = kedja_plan_status_get_label (KEDJA_PLAN_STATUS_ACTIVE);
  goal_active = kedja_goal_status_get_label (KEDJA_GOAL_STATUS_ACTIVE);

  g_assert_cmpstr (detox, ==, "Avgiftning");
  /* One English word, two Swedish ones: a plan is "aktiv", a goal "aktivt". */
  g_assert_cmpstr (plan_active, ==, "Aktiv");
  g_assert_cmpstr (goal_active, ==, "Aktivt");
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enums/roundtrip", test_roundtrip);
  g_test_add_func ("/core/enums/phase-order", test_phase_order);
  g_test_add_func ("/core/enums/care-setting", test_care_setting);
  g_test_add_func ("/core/enums/unknown", test_unknown);
  g_test_add_func ("/core/enums/labels", test_labels);
  g_test_add_func ("/core/enums/labels-swedish", test_labels_swedish);

  return g_test_run ();
}
