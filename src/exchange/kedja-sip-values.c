/* kedja-sip-values.c — attribute and text values of a SIP document, as the model has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema has checked the form of every value before the reader asks
 * for it; parsing it again is the model's own check (kedja_date_parse(),
 * kedja_enum_from_nick()), so that a surprise becomes a problem with a
 * line, never a crash or a wrong plan.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-sip-reader-private.h"

char *
_kedja_sip_reading_where (KedjaSipReading *reading,
                          int              line)
{
  return g_strdup_printf ("%s:%d", reading->name, line);
}

int
_kedja_sip_reading_line (KedjaSipReading *reading)
{
  return _kedja_xml_stream_get_line (reading->stream);
}

static const char *
element_name (KedjaSipReading *reading)
{
  xmlTextReaderPtr xml = _kedja_xml_stream_get_reader (reading->stream);
  const char *name = (const char *) xmlTextReaderConstLocalName (xml);

  return name ? name : "?";
}

gboolean
_kedja_sip_reading_invalid (KedjaSipReading *reading,
                            char            *message)
{
  reading->spoiled = TRUE;
  return _kedja_sip_reading_add (reading, KEDJA_EXCHANGE_ERROR_INVALID, message);
}

void
_kedja_sip_reading_unexpected (KedjaSipReading *reading)
{
  g_autofree char *where = _kedja_sip_reading_where (reading, _kedja_sip_reading_line (reading));

  _kedja_sip_reading_invalid (reading, g_strdup_printf (_("%s: <%s> is not expected here"),
                                                        where, element_name (reading)));
}

/* Takes @model_error. Returns %FALSE. */
static gboolean
value_problem (KedjaSipReading *reading,
               const char      *attribute,
               GError          *model_error)
{
  g_autofree char *where = _kedja_sip_reading_where (reading, _kedja_sip_reading_line (reading));

  if (attribute != NULL)
    /* TRANSLATORS: "FILE:LINE: <planned start>: “2026-02-30” is not a day in the calendar" */
    _kedja_sip_reading_invalid (reading, g_strdup_printf (_("%s: <%s %s>: %s"), where,
                                                          element_name (reading), attribute,
                                                          model_error->message));
  else
    _kedja_sip_reading_invalid (reading, g_strdup_printf (_("%s: <%s>: %s"), where,
                                                          element_name (reading),
                                                          model_error->message));
  g_error_free (model_error);
  return FALSE;
}

char *
_kedja_sip_attribute (KedjaSipReading *reading,
                      const char      *name,
                      gboolean         required)
{
  char *value = _kedja_xml_stream_get_attribute (reading->stream, name);

  if (value == NULL && required)
    {
      g_autofree char *where = _kedja_sip_reading_where (reading,
                                                         _kedja_sip_reading_line (reading));

      _kedja_sip_reading_invalid (reading,
                                  g_strdup_printf (_("%s: <%s> lacks the attribute “%s”, which "
                                                     "is required"),
                                                   where, element_name (reading), name));
    }
  return value;
}

/* xs:date allows blanks around the date. */
gboolean
_kedja_sip_parse_date (KedjaSipReading *reading,
                       const char      *attribute,
                       char            *text,
                       KedjaDate       *out_date)
{
  GError *model_error = NULL;

  *out_date = KEDJA_DATE_NONE;
  if (text == NULL)
    return TRUE;
  if (!kedja_date_parse (g_strstrip (text), out_date, &model_error))
    return value_problem (reading, attribute, model_error);
  return TRUE;
}

gboolean
_kedja_sip_date_attribute (KedjaSipReading *reading,
                           const char      *name,
                           gboolean         required,
                           KedjaDate       *out_date)
{
  g_autofree char *text = _kedja_sip_attribute (reading, name, required);

  *out_date = KEDJA_DATE_NONE;
  if (required && text == NULL)
    return FALSE;
  return _kedja_sip_parse_date (reading, name, text, out_date);
}

gboolean
_kedja_sip_enum_attribute (KedjaSipReading *reading,
                           const char      *name,
                           GType            type,
                           gboolean         required,
                           int             *out_value)
{
  g_autofree char *text = _kedja_sip_attribute (reading, name, required);
  GError *model_error = NULL;

  if (text == NULL)
    return !required;
  if (!kedja_enum_from_nick (type, text, out_value, &model_error))
    return value_problem (reading, name, model_error);
  return TRUE;
}

/* xs:boolean: true, false, 1 or 0, blanks around allowed. */
gboolean
_kedja_sip_parse_boolean (KedjaSipReading *reading,
                          const char      *attribute,
                          char            *text,
                          gboolean        *out_value)
{
  const char *value = g_strstrip (text);

  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    *out_value = TRUE;
  else if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    *out_value = FALSE;
  else
    return value_problem (reading, attribute,
                          g_error_new (KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_VALUE,
                                       _("“%s” is not true or false"), value));
  return TRUE;
}

/* A non-negative xs:integer up to @max: digits, perhaps a plus sign and
 * leading zeros, blanks around allowed. */
gboolean
_kedja_sip_parse_number (KedjaSipReading *reading,
                         const char      *attribute,
                         char            *text,
                         guint64          max,
                         guint64         *out_value)
{
  const char *p = g_strstrip (text);
  guint64 value = 0;
  g_autofree char *shown_max = NULL;

  if (*p == '+')
    p++;
  for (const char *digit = p; *digit != '\0'; digit++)
    {
      if (!g_ascii_isdigit (*digit) || value > (max - (guint64) (*digit - '0')) / 10)
        goto bad;
      value = value * 10 + (guint64) (*digit - '0');
    }
  if (*p != '\0')
    {
      *out_value = value;
      return TRUE;
    }

bad:
  shown_max = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
  return value_problem (reading, attribute,
                        g_error_new (KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_OUT_OF_RANGE,
                                     _("“%s” is not a number from 0 to %s"), text, shown_max));
}
