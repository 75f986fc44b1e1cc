/* kedja-exchange-validate.c — checking a file against its schema, without importing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For `kedja-cli validate` and for partners who want to know what is wrong
 * with a file: every problem, one line each, not only the first.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-sip-reader-private.h"

/* Reads up to the root element; its namespace says what the file is. */
static gboolean
detect_kind (const char        *path,
             KedjaDocumentKind *out_kind,
             GError           **error)
{
  g_autoptr(KedjaXmlStream) stream = _kedja_xml_stream_new_for_file (path, error);
  xmlTextReaderPtr reader;
  const char *ns, *name;
  g_autofree char *where = NULL;

  if (stream == NULL)
    return FALSE;

  reader = _kedja_xml_stream_get_reader (stream);
  do
    {
      if (!_kedja_xml_stream_next (stream))
        {
          GError *problem = _kedja_xml_stream_take_problem (stream);

          if (problem == NULL)
            problem = g_error_new (KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                                   _("%s: the file holds no XML document"),
                                   _kedja_xml_stream_get_name (stream));
          g_propagate_error (error, problem);
          return FALSE;
        }
    }
  while (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT);

  /* Problems the parser found reading ahead come out in the full pass. */
  ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  name = (const char *) xmlTextReaderConstLocalName (reader);
  if (g_strcmp0 (ns, KEDJA_SIP_NAMESPACE) == 0)
    *out_kind = KEDJA_DOCUMENT_SIP;
  else if (g_strcmp0 (ns, KEDJA_FHIR_NAMESPACE) == 0)
    *out_kind = KEDJA_DOCUMENT_FHIR;
  else
    {
      where = g_strdup_printf ("%s:%d", _kedja_xml_stream_get_name (stream),
                               _kedja_xml_stream_get_line (stream));
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("%s: the root element <%s> (namespace “%s”) is neither SIP (%s) nor "
                     "FHIR (%s)"),
                   where, name ? name : "?", ns ? ns : "", KEDJA_SIP_NAMESPACE,
                   KEDJA_FHIR_NAMESPACE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_fhir (const char *path,
               const char *fhir_schema_path,
               GPtrArray  *problems,
               GError    **error)
{
  /* Declared first, freed last: the stream validates against it. */
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(KedjaXmlStream) stream = NULL;
  gboolean valid = TRUE;
  GError *problem;

  if (fhir_schema_path == NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("%s is a FHIR document; checking it needs the HL7 FHIR R4 schema "
                     "(fhir-single.xsd), which Kedja does not ship"),
                   shown);
      return FALSE;
    }

  /* Compiled for this file and freed after: it takes some 70 ms here,
   * but holds some 20 MB that the app need not keep. */
  if ((schema = _kedja_exchange_compile_schema_file (fhir_schema_path, error)) == NULL
      || (stream = _kedja_xml_stream_new_for_file (path, error)) == NULL
      || !_kedja_xml_stream_set_schema (stream, schema, error))
    return FALSE;

  for (;;)
    {
      gboolean more = _kedja_xml_stream_next (stream);

      while ((problem = _kedja_xml_stream_take_problem (stream)) != NULL)
        {
          if (problem->code != KEDJA_EXCHANGE_ERROR_INVALID)
            {
              g_propagate_error (error, problem);
              return FALSE;
            }
          valid = FALSE;
          g_ptr_array_add (problems, g_strdup (problem->message));
          g_error_free (problem);
        }
      if (!more)
        break;
    }
  return valid;
}

gboolean
kedja_exchange_validate_file (const char        *path,
                              const char        *fhir_schema_path,
                              KedjaDocumentKind *out_kind,
                              GPtrArray         *problems,
                              GError           **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(KedjaXmlStream) stream = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_UNKNOWN;
  gboolean valid;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func (g_free);

  valid = detect_kind (path, &kind, error);
  if (out_kind != NULL)
    *out_kind = kind;
  if (!valid)
    return FALSE;

  if (kind == KEDJA_DOCUMENT_FHIR)
    return validate_fhir (path, fhir_schema_path, problems, error);

  /* SIP: the reader itself, in the mode that collects every problem. */
  stream = _kedja_xml_stream_new_for_file (path, error);
  if (stream == NULL)
    return FALSE;
  plans = _kedja_sip_read_stream (stream, problems, error);
  return plans != NULL;
}
