/* test-identity.c — personal identity and coordination numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Check digits were worked out by hand with the Luhn rule over YYMMDDNNN
 * (weights 2,1,2,…): 811218-987 → 6, 121212-121 → 2, 701063-234 → 2,
 * 460101-123 → 4, 810230-123 → 4, 261215-123 → 9, 000229-123 → 5,
 * 240229-123 → 7. 811218-9876 and 121212-1212 are the examples the Swedish
 * Tax Agency itself publishes.
 */
#include <string.h>

#include "kedja-core.h"

static KedjaDate today;

static char *
normalise_ok (const char *input)
{
  g_autoptr(GError) error = NULL;
  char *canonical = NULL;

  g_assert_true (kedja_personal_number_normalise (input, today, &canonical, &error));
  g_assert_no_error (error);
  g_assert_true (kedja_personal_number_validate (canonical, NULL));
  return canonical;
}

static GError *
normalise_fails (const char *input)
{
  GError *error = NULL;
  char *canonical = NULL;

  g_assert_false (kedja_personal_number_normalise (input, today, &canonical, &error));
  g_assert_null (canonical);
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_PERSONAL_NUMBER);
  return error;
}

static void
test_valid_forms (void)
{
  const char *forms[] = {
    "19811218-9876", "198112189876", "811218-9876", "8112189876",
    " 19811218-9876 ", "19811218+9876",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *canonical = normalise_ok (forms[i]);
      g_assert_cmpstr (canonical, ==, "19811218-9876");
    }
}

static void
test_bad_check_digit (void)
{
  g_autoptr(GError) error = normalise_fails ("19811218-9875");

  g_assert_nonnull (strstr (error->message, "check digit"));
  g_assert_false (kedja_personal_number_validate ("19811218-9875", NULL));
}

static void
test_impossible_date (void)
{
  /* The check digits are right; only the dates are wrong. */
  g_autoptr(GError) feb30 = normalise_fails ("19810230-1234");
  g_autoptr(GError) not_leap = normalise_fails ("19000229-1235");
  g_autofree char *leap = normalise_ok ("20000229-1235");
  g_autofree char *leap_short = normalise_ok ("240229-1237");

  g_assert_nonnull (strstr (feb30->message, "date of birth"));
  g_assert_nonnull (strstr (not_leap->message, "date of birth"));
  g_assert_cmpstr (leap, ==, "20000229-1235");
  g_assert_cmpstr (leap_short, ==, "20240229-1237");
}

static void
test_coordination_number (void)
{
  g_autofree char *canonical = normalise_ok ("701063-2342");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (canonical, ==, "19701063-2342");
  g_assert_true (kedja_personal_number_is_coordination (canonical));
  g_assert_cmpint (kedja_personal_number_get_birth_date (canonical), ==,
                   kedja_date_from_ymd (1970, 10, 3));
  g_assert_false (kedja_personal_number_is_coordination ("19811218-9876"));

  /* Day 92 would be the 32nd: no such day, whatever the check digit. */
  error = normalise_fails ("701092-1232");
  g_assert_nonnull (strstr (error->message, "date of birth"));
}

static void
test_century (void)
{
  g_autofree char *young = normalise_ok ("121212-1212");
  g_autofree char *old = normalise_ok ("121212+1212");
  g_autofree char *forties = normalise_ok ("460101-1234");
  g_autofree char *very_old = normalise_ok ("460101+1234");
  g_autofree char *not_yet = normalise_ok ("261215-1239");

  g_assert_cmpstr (young, ==, "20121212-1212");
  g_assert_cmpstr (old, ==, "19121212-1212");
  g_assert_cmpstr (forties, ==, "19460101-1234");
  g_assert_cmpstr (very_old, ==, "18460101-1234");
  /* 2026-12-15 is after today (2026-11-29), so the person was born in 1926. */
  g_assert_cmpstr (not_yet, ==, "19261215-1239");
}

static void
test_malformed (void)
{
  const char *bad[] = {
    "", "abc", "19811218_9876", "1981121-89876", "19811218-987",
    "19811218--9876", "811218-98761", "1981-12-18-9876", "19811218-98x6",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = normalise_fails (bad[i]);
      g_assert_nonnull (strstr (error->message, "YYYYMMDD-NNNN"));
    }
  g_assert_false (kedja_personal_number_validate ("811218-9876", NULL));
  g_assert_false (kedja_personal_number_validate ("19811218+9876", NULL));
  g_assert_cmpint (kedja_personal_number_get_birth_date ("nonsense"), ==, KEDJA_DATE_NONE);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  today = kedja_date_from_ymd (2026, 11, 29);

  g_test_add_func ("/core/identity/valid-forms", test_valid_forms);
  g_test_add_func ("/core/identity/bad-check-digit", test_bad_check_digit);
  g_test_add_func ("/core/identity/impossible-date", test_impossible_date);
  g_test_add_func ("/core/identity/coordination-number", test_coordination_number);
  g_test_add_func ("/core/identity/century", test_century);
  g_test_add_func ("/core/identity/malformed", test_malformed);

  return g_test_run ();
}
