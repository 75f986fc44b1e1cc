/* kedja-fhir-xml.c — FHIR R4 datatypes as XML, for the FHIR writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each helper writes one datatype with its children in the order of the
 * datatype's complexType in HL7's fhir-single.xsd (Coding: system,
 * version, code, display; Reference: reference, type, identifier,
 * display; …), leaving out what it is not given.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-exchange.h"
#include "kedja-fhir-private.h"
#include "kedja-util.h"

void
_kedja_fhir_check (KedjaFhirXml *x,
                   int           rc)
{
  if (rc < 0 && x->error == NULL)
    x->error = g_error_new (KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                            /* TRANSLATORS: %s is a part of a plan: "the steps" */
                            _("Could not put the FHIR document together: libxml2 failed "
                              "while writing %s"), x->part);
}

void
_kedja_fhir_start (KedjaFhirXml *x,
                   const char   *name)
{
  if (x->error == NULL)
    _kedja_fhir_check (x, xmlTextWriterStartElement (x->xml, BAD_CAST name));
}

void
_kedja_fhir_end (KedjaFhirXml *x)
{
  if (x->error == NULL)
    _kedja_fhir_check (x, xmlTextWriterEndElement (x->xml));
}

void
_kedja_fhir_attribute (KedjaFhirXml *x,
                       const char   *name,
                       const char   *value)
{
  if (x->error == NULL)
    _kedja_fhir_check (x, xmlTextWriterWriteAttribute (x->xml, BAD_CAST name, BAD_CAST value));
}

/* XML 1.0 cannot carry most control characters at all, not even escaped,
 * and libxml2's writer would pass them through into a broken document. */
static gboolean
xml_can_carry (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

void
_kedja_fhir_primitive (KedjaFhirXml *x,
                       const char   *name,
                       const char   *value)
{
  if (x->error != NULL || value == NULL)
    return;
  if (!xml_can_carry (value))
    {
      x->error = g_error_new (KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID,
                              /* TRANSLATORS: %s is a part of a plan: "the steps" */
                              _("The plan cannot be written as FHIR: text in %s is not "
                                "valid UTF-8 or holds a control character"), x->part);
      return;
    }
  _kedja_fhir_start (x, name);
  _kedja_fhir_attribute (x, "value", value);
  _kedja_fhir_end (x);
}

/* FHIR strings must not be empty and should not start or end with white
 * space. */
void
_kedja_fhir_string (KedjaFhirXml *x,
                    const char   *name,
                    const char   *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed != '\0')
    _kedja_fhir_primitive (x, name, trimmed);
}

void
_kedja_fhir_date (KedjaFhirXml *x,
                  const char   *name,
                  KedjaDate     day)
{
  char text[KEDJA_DATE_STRLEN];

  if (day == KEDJA_DATE_NONE)
    return;
  kedja_date_format (day, text);
  _kedja_fhir_primitive (x, name, text);
}

void
_kedja_fhir_coding (KedjaFhirXml *x,
                    const char   *name,
                    const char   *system,
                    const char   *code,
                    const char   *display)
{
  _kedja_fhir_start (x, name);
  _kedja_fhir_primitive (x, "system", system);
  _kedja_fhir_primitive (x, "code", code);
  _kedja_fhir_primitive (x, "display", display);
  _kedja_fhir_end (x);
}

void
_kedja_fhir_concept (KedjaFhirXml *x,
                     const char   *name,
                     const char   *system,
                     const char   *code,
                     const char   *display)
{
  _kedja_fhir_start (x, name);
  _kedja_fhir_coding (x, "coding", system, code, display);
  _kedja_fhir_end (x);
}

/* Resources refer to each other by the fullUrl of their entry. */
void
_kedja_fhir_reference (KedjaFhirXml *x,
                       const char   *name,
                       const char   *uuid,
                       const char   *display)
{
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);

  _kedja_fhir_start (x, name);
  _kedja_fhir_primitive (x, "reference", urn);
  _kedja_fhir_string (x, "display", display);
  _kedja_fhir_end (x);
}

/* R4 allows a reference with no resource behind it: a display, typed
 * where the kind of person is known. */
void
_kedja_fhir_person (KedjaFhirXml *x,
                    const char   *name,
                    const char   *type,
                    const char   *display)
{
  _kedja_fhir_start (x, name);
  _kedja_fhir_primitive (x, "type", type);
  _kedja_fhir_string (x, "display", display);
  _kedja_fhir_end (x);
}

void
_kedja_fhir_identifier (KedjaFhirXml *x,
                        const char   *system,
                        const char   *value)
{
  _kedja_fhir_start (x, "identifier");
  _kedja_fhir_primitive (x, "use", "official");
  _kedja_fhir_primitive (x, "system", system);
  _kedja_fhir_primitive (x, "value", value);
  _kedja_fhir_end (x);
}

/* FHIR reads a date as a period's end as "including that day", which is
 * what Kedja means by an inclusive end. */
void
_kedja_fhir_period (KedjaFhirXml *x,
                    const char   *name,
                    KedjaDate     start,
                    KedjaDate     end)
{
  if (start == KEDJA_DATE_NONE && end == KEDJA_DATE_NONE)
    return;
  _kedja_fhir_start (x, name);
  _kedja_fhir_date (x, "start", start);
  _kedja_fhir_date (x, "end", end);
  _kedja_fhir_end (x);
}

void
_kedja_fhir_start_extension (KedjaFhirXml *x,
                             const char   *url)
{
  _kedja_fhir_start (x, "extension");
  _kedja_fhir_attribute (x, "url", url);
}

void
_kedja_fhir_extension_date (KedjaFhirXml *x,
                            const char   *url,
                            KedjaDate     day)
{
  if (day == KEDJA_DATE_NONE)
    return;
  _kedja_fhir_start_extension (x, url);
  _kedja_fhir_date (x, "valueDate", day);
  _kedja_fhir_end (x);
}

void
_kedja_fhir_extension_string (KedjaFhirXml *x,
                              const char   *url,
                              const char   *text)
{
  if (kedja_str_is_blank (text))
    return;
  _kedja_fhir_start_extension (x, url);
  _kedja_fhir_string (x, "valueString", text);
  _kedja_fhir_end (x);
}

void
_kedja_fhir_start_entry (KedjaFhirXml *x,
                         const char   *type,
                         const char   *uuid)
{
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);

  _kedja_fhir_start (x, "entry");
  _kedja_fhir_primitive (x, "fullUrl", urn);
  _kedja_fhir_start (x, "resource");
  _kedja_fhir_start (x, type);
  _kedja_fhir_primitive (x, "id", uuid);
}

void
_kedja_fhir_end_entry (KedjaFhirXml *x)
{
  _kedja_fhir_end (x);  /* the resource's own element */
  _kedja_fhir_end (x);  /* resource */
  _kedja_fhir_end (x);  /* entry */
}
