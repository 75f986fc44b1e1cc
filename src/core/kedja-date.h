/* kedja-date.h — calendar days without time of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A calendar day, counted from 0001-01-01 (day 1), as in the proleptic
 * Gregorian calendar. Plans hold days, not instants: a day stored in
 * Stockholm is the same day read in Tokyo, so nothing here knows a time zone.
 * Zero means "no date", so a zero-filled struct has no dates set.
 */
typedef gint32 KedjaDate;

#define KEDJA_DATE_NONE   ((KedjaDate) 0)
/* "YYYY-MM-DD" plus the terminating NUL. */
#define KEDJA_DATE_STRLEN 11

gboolean  kedja_date_valid_ymd    (int         year,
                                   int         month,
                                   int         day);
KedjaDate kedja_date_from_ymd     (int         year,
                                   int         month,
                                   int         day);
void      kedja_date_to_ymd       (KedjaDate   date,
                                   int        *year,
                                   int        *month,
                                   int        *day);
gboolean  kedja_date_parse        (const char *text,
                                   KedjaDate  *out_date,
                                   GError    **error);
void      kedja_date_format       (KedjaDate   date,
                                   char        buf[KEDJA_DATE_STRLEN]);
char     *kedja_date_to_string    (KedjaDate   date);
char     *kedja_date_to_display   (KedjaDate   date);
char     *kedja_date_range_to_display (KedjaDate start,
                                       KedjaDate end);
char     *kedja_date_to_short_display (KedjaDate date);
KedjaDate kedja_date_today        (void);
/* The month's short and full names, translated ("sep", "september"). */
const char *kedja_date_get_month_abbreviation (int month);
const char *kedja_date_get_month_name (int       month);
/* The ISO 8601 week number, as Swedish calendars show it. */
int       kedja_date_get_week      (KedjaDate date);
/* 1 = Monday … 7 = Sunday. */
int       kedja_date_get_weekday   (KedjaDate date);
int       kedja_date_days_in_month (int        year,
                                    int        month);

G_END_DECLS
