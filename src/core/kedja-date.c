/* kedja-date.c — calendar days without time of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kedja-date.h"
#include "kedja-error.h"

/* Days from 0001-01-01 to 1970-01-01, so that day 1 is 0001-01-01. */
#define DAYS_TO_UNIX_EPOCH 719162

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
kedja_date_days_in_month (int year,
                          int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

gboolean
kedja_date_valid_ymd (int year,
                      int month,
                      int day)
{
  return year >= 1 && year <= 9999
         && month >= 1 && month <= 12
         && day >= 1 && day <= kedja_date_days_in_month (year, month);
}

/* Days since 1970-01-01 of a proleptic Gregorian date: the civil-from-days
 * arithmetic on 400-year eras, exact for every year we accept. */
static gint64
days_from_civil (gint64 y,
                 unsigned m,
                 unsigned d)
{
  y -= m <= 2;
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned) (y - era * 400);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint64) doe - 719468;
}

KedjaDate
kedja_date_from_ymd (int year,
                     int month,
                     int day)
{
  if (!kedja_date_valid_ymd (year, month, day))
    return KEDJA_DATE_NONE;

  return (KedjaDate) (days_from_civil (year, month, day) + DAYS_TO_UNIX_EPOCH + 1);
}

void
kedja_date_to_ymd (KedjaDate date,
                   int      *year,
                   int      *month,
                   int      *day)
{
  g_return_if_fail (date > 0);

  gint64 z = (gint64) date - 1 - DAYS_TO_UNIX_EPOCH + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = (gint64) yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;

  if (year)
    *year = (int) (y + (m <= 2));
  if (month)
    *month = (int) m;
  if (day)
    *day = (int) d;
}

static int
digits (const char *p,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

gboolean
kedja_date_parse (const char *text,
                  KedjaDate  *out_date,
                  GError    **error)
{
  int year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || (year = digits (text, 4)) < 0
      || (month = digits (text + 5, 2)) < 0
      || (day = digits (text + 8, 2)) < 0)
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_DATE,
                   _("“%s” is not a date; write it as YYYY-MM-DD"),
                   text ? text : "");
      return FALSE;
    }

  if (!kedja_date_valid_ymd (year, month, day))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_DATE,
                   _("%s is not a day in the calendar"), text);
      return FALSE;
    }

  *out_date = kedja_date_from_ymd (year, month, day);
  return TRUE;
}

void
kedja_date_format (KedjaDate date,
                   char      buf[KEDJA_DATE_STRLEN])
{
  int y, m, d;

  if (date <= 0)
    {
      buf[0] = '\0';
      return;
    }

  kedja_date_to_ymd (date, &y, &m, &d);
  g_snprintf (buf, KEDJA_DATE_STRLEN, "%04d-%02d-%02d", y, m, d);
}

/* Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL for no date. */
char *
kedja_date_to_string (KedjaDate date)
{
  char buf[KEDJA_DATE_STRLEN];

  if (date == KEDJA_DATE_NONE)
    return NULL;
  kedja_date_format (date, buf);
  return g_strdup (buf);
}

const char *
kedja_date_get_month_abbreviation (int month)
{
  static const char *months[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"),
    NC_("month", "Apr"), NC_("month", "May"), NC_("month", "Jun"),
    NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"),
    NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]);
}

/* A day as people read it in the UI: "11 sep 2026". Month names are
 * translated, so Swedish users see Swedish abbreviations. */
char *
kedja_date_to_display (KedjaDate date)
{
  int y, m, d;

  if (date == KEDJA_DATE_NONE)
    return g_strdup ("");

  kedja_date_to_ymd (date, &y, &m, &d);
  /* TRANSLATORS: a day, its abbreviated month and the year: "11 Sep 2026" */
  return g_strdup_printf (C_("date", "%d %s %d"), d, kedja_date_get_month_abbreviation (m), y);
}

/* A day without its year, for messages about the weeks around today:
 * "11 Sep". */
char *
kedja_date_to_short_display (KedjaDate date)
{
  int y, m, d;

  if (date == KEDJA_DATE_NONE)
    return g_strdup ("");

  kedja_date_to_ymd (date, &y, &m, &d);
  /* TRANSLATORS: a day and its abbreviated month: "11 Sep" */
  return g_strdup_printf (C_("date", "%d %s"), d, kedja_date_get_month_abbreviation (m));
}

/* A run of days as short as it reads clearly: "11–18 Sep", "28 Aug – 3 Sep",
 * "28 Dec 2026 – 3 Jan 2027", "11 Sep" for one day, "from 11 Sep" when it
 * has no end. */
char *
kedja_date_range_to_display (KedjaDate start,
                             KedjaDate end)
{
  int sy, sm, sd, ey, em, ed;

  if (start == KEDJA_DATE_NONE)
    return g_strdup ("");
  if (end == KEDJA_DATE_NONE)
    {
      g_autofree char *from = kedja_date_to_short_display (start);
      /* TRANSLATORS: an interval without an end: "from 11 Sep" */
      return g_strdup_printf (C_("date range", "from %s"), from);
    }
  if (end <= start)
    return kedja_date_to_short_display (start);

  kedja_date_to_ymd (start, &sy, &sm, &sd);
  kedja_date_to_ymd (end, &ey, &em, &ed);
  if (sy != ey)
    {
      g_autofree char *a = kedja_date_to_display (start);
      g_autofree char *b = kedja_date_to_display (end);
      /* TRANSLATORS: days across a year's end: "28 Dec 2026 – 3 Jan 2027" */
      return g_strdup_printf (C_("date range", "%s – %s"), a, b);
    }
  if (sm != em)
    {
      g_autofree char *a = kedja_date_to_short_display (start);
      g_autofree char *b = kedja_date_to_short_display (end);
      return g_strdup_printf (C_("date range", "%s – %s"), a, b);
    }
  /* TRANSLATORS: days within one month: "11–18 Sep" */
  return g_strdup_printf (C_("date range", "%d–%d %s"), sd, ed, kedja_date_get_month_abbreviation (sm));
}

const char *
kedja_date_get_month_name (int month)
{
  static const char *names[] = {
    NC_("month name", "January"), NC_("month name", "February"),
    NC_("month name", "March"), NC_("month name", "April"),
    NC_("month name", "May"), NC_("month name", "June"),
    NC_("month name", "July"), NC_("month name", "August"),
    NC_("month name", "September"), NC_("month name", "October"),
    NC_("month name", "November"), NC_("month name", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month name", names[month - 1]);
}

/* KedjaDate counts days as GDate's Julian days do (day 1 is 0001-01-01),
 * so GDate can answer calendar questions about it. */
int
kedja_date_get_week (KedjaDate date)
{
  GDate gdate;

  g_return_val_if_fail (date > 0, 0);
  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, (guint32) date);
  return (int) g_date_get_iso8601_week_of_year (&gdate);
}

int
kedja_date_get_weekday (KedjaDate date)
{
  g_return_val_if_fail (date > 0, 0);
  /* 0001-01-01 was a Monday in the proleptic Gregorian calendar. */
  return (int) ((date - 1) % 7) + 1;
}

/* Today in the user's own time zone: the day on the wall calendar. */
KedjaDate
kedja_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return kedja_date_from_ymd (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now));
}
