/* test-date.c — calendar days: parsing, formatting, arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected day numbers were checked against Python's date.toordinal(),
 * which counts 0001-01-01 as day 1 exactly as KedjaDate does.
 */
#include <string.h>

#include "kedja-core.h"
#include "kedja-test-lang.h"

static KedjaDate
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  KedjaDate date = KEDJA_DATE_NONE;

  g_assert_true (kedja_date_parse (text, &date, &error));
  g_assert_no_error (error);
  return date;
}

static void
test_known_days (void)
{
  g_assert_cmpint (parse_ok ("0001-01-01"), ==, 1);
  g_assert_cmpint (parse_ok ("1970-01-01"), ==, 719163);
  g_assert_cmpint (parse_ok ("2000-02-29"), ==, 730179);
  g_assert_cmpint (parse_ok ("2026-11-29"), ==, 739949);
  g_assert_cmpint (parse_ok ("9999-12-31"), ==, 3652059);
}

static void
test_format (void)
{
  char buf[KEDJA_DATE_STRLEN];
  g_autofree char *text = kedja_date_to_string (kedja_date_from_ymd (2026, 9, 1));

  g_assert_cmpstr (text, ==, "2026-09-01");
  kedja_date_format (kedja_date_from_ymd (999, 1, 2), buf);
  g_assert_cmpstr (buf, ==, "0999-01-02");
  g_assert_null (kedja_date_to_string (KEDJA_DATE_NONE));
}

/* Every day of two centuries goes to text and back unchanged, and days
 * follow each other without holes or repeats. */
static void
test_roundtrip_range (void)
{
  KedjaDate first = kedja_date_from_ymd (1900, 1, 1);
  KedjaDate last = kedja_date_from_ymd (2100, 12, 31);
  int prev_y = 1899, prev_m = 12, prev_d = 31;

  for (KedjaDate d = first; d <= last; d++)
    {
      char buf[KEDJA_DATE_STRLEN];
      int y, m, day;

      kedja_date_to_ymd (d, &y, &m, &day);
      g_assert_cmpint (kedja_date_from_ymd (y, m, day), ==, d);
      kedja_date_format (d, buf);
      g_assert_cmpint (parse_ok (buf), ==, d);

      if (day == 1)
        g_assert_cmpint (prev_d, ==, kedja_date_days_in_month (prev_y, prev_m));
      else
        g_assert_cmpint (day, ==, prev_d + 1);
      prev_y = y, prev_m = m, prev_d = day;
    }
  g_assert_cmpint (last - first + 1, ==, 201 * 365 + 49);
}

static void
test_leap_years (void)
{
  g_assert_true (kedja_date_valid_ymd (2024, 2, 29));
  g_assert_true (kedja_date_valid_ymd (2000, 2, 29));
  g_assert_false (kedja_date_valid_ymd (2026, 2, 29));
  g_assert_false (kedja_date_valid_ymd (1900, 2, 29));
  g_assert_cmpint (parse_ok ("2024-03-01") - parse_ok ("2024-02-28"), ==, 2);
  g_assert_cmpint (parse_ok ("2026-03-01") - parse_ok ("2026-02-28"), ==, 1);
  g_assert_cmpint (parse_ok ("2027-01-01") - parse_ok ("2026-12-31"), ==, 1);
}

static void
test_refused (void)
{
  const char *bad[] = {
    "2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
    "2026-01-00", "0000-01-01", "2026-1-01", "26-01-01", "2026/01/01",
    "2026-01-01x", " 2026-01-01", "2026-01-0a", "", "2026-01-01T00:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      KedjaDate date = 42;

      g_assert_false (kedja_date_parse (bad[i], &date, &error));
      g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_DATE);
      g_assert_cmpint (date, ==, 42);
      /* The message names what was typed, so the user can find it. */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_impossible_day_message (void)
{
  g_autoptr(GError) error = NULL;
  KedjaDate date;

  g_assert_false (kedja_date_parse ("2026-02-30", &date, &error));
  g_assert_cmpstr (error->message, ==, "2026-02-30 is not a day in the calendar");
}

/* Checked against a printed calendar: 2026-11-29 is a Sunday in week 48;
 * 2027-01-01 a Friday in week 53 of 2026; 2024-12-30 a Monday in week 1. */
static void
test_week_and_weekday (void)
{
  g_assert_cmpint (kedja_date_get_weekday (parse_ok ("2026-11-29")), ==, 7);
  g_assert_cmpint (kedja_date_get_week (parse_ok ("2026-11-29")), ==, 48);
  g_assert_cmpint (kedja_date_get_weekday (parse_ok ("2026-11-30")), ==, 1);
  g_assert_cmpint (kedja_date_get_week (parse_ok ("2026-11-30")), ==, 49);
  g_assert_cmpint (kedja_date_get_weekday (parse_ok ("2027-01-01")), ==, 5);
  g_assert_cmpint (kedja_date_get_week (parse_ok ("2027-01-01")), ==, 53);
  g_assert_cmpint (kedja_date_get_week (parse_ok ("2024-12-30")), ==, 1);
  g_assert_cmpint (kedja_date_get_weekday (1), ==, 1);
}

static void
test_month_names_swedish (void)
{
  if (!kedja_test_in_language ("sv"))
    return;
  g_assert_cmpstr (kedja_date_get_month_name (9), ==, "september");
  g_assert_cmpstr (kedja_date_get_month_name (1), ==, "januari");
}

static void
test_display (void)
{
  g_autofree char *text = kedja_date_to_display (kedja_date_from_ymd (2026, 9, 11));

  g_assert_cmpstr (text, ==, "11 Sep 2026");
}

static void
test_display_swedish (void)
{
  g_autofree char *text = NULL;

  if (!kedja_test_in_language ("sv"))
    return;
  text = kedja_date_to_display (kedja_date_from_ymd (2026, 10, 11));
  g_assert_cmpstr (text, ==, "11 okt 2026");
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/known-days", test_known_days);
  g_test_add_func ("/core/date/format", test_format);
  g_test_add_func ("/core/date/roundtrip-range", test_roundtrip_range);
  g_test_add_func ("/core/date/leap-years", test_leap_years);
  g_test_add_func ("/core/date/refused", test_refused);
  g_test_add_func ("/core/date/impossible-day-message", test_impossible_day_message);
  g_test_add_func ("/core/date/week-and-weekday", test_week_and_weekday);
  g_test_add_func ("/core/date/month-names-swedish", test_month_names_swedish);
  g_test_add_func ("/core/date/display", test_display);
  g_test_add_func ("/core/date/display-swedish", test_display_swedish);

  return g_test_run ();
}
