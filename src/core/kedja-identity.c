/* kedja-identity.c — Swedish personal identity and coordination numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kedja-error.h"
#include "kedja-identity.h"

#define COORDINATION_DAY_OFFSET 60

typedef struct {
  int  year;        /* four digits, or -1 when only two were given */
  int  yy;
  int  month;
  int  day;         /* as written: 61–91 for a coordination number */
  char separator;   /* '-', '+' or '\0' */
  char last4[5];
} Parts;

static int
read_digits (const char *p,
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

static gboolean
split (const char *text,
       Parts      *parts)
{
  size_t len = strlen (text);
  int n_date = (len == 13 || len == 12) ? 8 : (len == 11 || len == 10) ? 6 : 0;
  gboolean has_separator = (len == 13 || len == 11);
  const char *tail;

  if (n_date == 0)
    return FALSE;

  tail = text + n_date + (has_separator ? 1 : 0);
  parts->separator = has_separator ? text[n_date] : '\0';
  if (has_separator && parts->separator != '-' && parts->separator != '+')
    return FALSE;

  if (n_date == 8)
    {
      parts->year = read_digits (text, 4);
      parts->yy = parts->year % 100;
    }
  else
    {
      parts->year = -1;
      parts->yy = read_digits (text, 2);
    }
  parts->month = read_digits (text + n_date - 4, 2);
  parts->day = read_digits (text + n_date - 2, 2);
  if (parts->yy < 0 || parts->month < 0 || parts->day < 0 || read_digits (tail, 4) < 0)
    return FALSE;
  if (n_date == 8 && parts->year < 0)
    return FALSE;

  memcpy (parts->last4, tail, 4);
  parts->last4[4] = '\0';
  return TRUE;
}

static int
birth_day (const Parts *parts)
{
  return parts->day > COORDINATION_DAY_OFFSET ? parts->day - COORDINATION_DAY_OFFSET : parts->day;
}

/* The Luhn check over YYMMDDNNN must give the tenth digit. */
static gboolean
check_digit_ok (const Parts *parts)
{
  char ten[11];
  int sum = 0;

  g_snprintf (ten, sizeof ten, "%02d%02d%02d%s", parts->yy, parts->month,
              parts->day, parts->last4);
  for (int i = 0; i < 9; i++)
    {
      int d = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
  return (10 - sum % 10) % 10 == ten[9] - '0';
}

static gboolean
check_parts (const char  *shown,
             const Parts *parts,
             GError     **error)
{
  if (!kedja_date_valid_ymd (parts->year, parts->month, birth_day (parts)))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_PERSONAL_NUMBER,
                   _("The identity number %s has no valid date of birth"), shown);
      return FALSE;
    }
  if (!check_digit_ok (parts))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_PERSONAL_NUMBER,
                   _("The identity number %s has a wrong check digit; look for a mistyped digit"),
                   shown);
      return FALSE;
    }
  return TRUE;
}

static void
set_form_error (GError    **error,
                const char *shown)
{
  g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_PERSONAL_NUMBER,
               _("“%s” is not an identity number; write it as YYYYMMDD-NNNN"), shown);
}

/* The century for a 10-digit number: the latest year ending in @yy whose
 * birthday is not after @today; "+" means a hundred years before that. */
static int
infer_year (const Parts *parts,
            KedjaDate    today)
{
  int ty, tm, td, year;

  kedja_date_to_ymd (today, &ty, &tm, &td);
  year = ty - ((ty - parts->yy) % 100 + 100) % 100;
  if (year == ty && (parts->month > tm || (parts->month == tm && birth_day (parts) > td)))
    year -= 100;
  if (parts->separator == '+')
    year -= 100;
  return year;
}

gboolean
kedja_personal_number_normalise (const char *input,
                                 KedjaDate   today,
                                 char      **out_canonical,
                                 GError    **error)
{
  g_autofree char *text = NULL;
  Parts parts;

  g_return_val_if_fail (out_canonical != NULL, FALSE);
  g_return_val_if_fail (today != KEDJA_DATE_NONE, FALSE);

  text = g_strstrip (g_strdup (input ? input : ""));
  if (!split (text, &parts))
    {
      set_form_error (error, text);
      return FALSE;
    }

  if (parts.year < 0)
    parts.year = infer_year (&parts, today);

  if (!check_parts (text, &parts, error))
    return FALSE;

  *out_canonical = g_strdup_printf ("%04d%02d%02d-%s", parts.year, parts.month,
                                    parts.day, parts.last4);
  return TRUE;
}

gboolean
kedja_personal_number_validate (const char *canonical,
                                GError    **error)
{
  Parts parts;

  if (canonical == NULL || strlen (canonical) != 13 || !split (canonical, &parts)
      || parts.separator != '-')
    {
      set_form_error (error, canonical ? canonical : "");
      return FALSE;
    }
  return check_parts (canonical, &parts, error);
}

gboolean
kedja_personal_number_is_coordination (const char *canonical)
{
  Parts parts;

  return canonical != NULL && strlen (canonical) == 13 && split (canonical, &parts)
         && parts.day > COORDINATION_DAY_OFFSET;
}

KedjaDate
kedja_personal_number_get_birth_date (const char *canonical)
{
  Parts parts;

  if (canonical == NULL || strlen (canonical) != 13 || !split (canonical, &parts))
    return KEDJA_DATE_NONE;
  return kedja_date_from_ymd (parts.year, parts.month, birth_day (&parts));
}
