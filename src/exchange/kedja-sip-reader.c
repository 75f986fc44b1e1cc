/* kedja-sip-reader.c — SIP XML 1.0 in: documents from partner agencies to plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is read once, as a stream: the schema validates each element
 * as it arrives (kedja-exchange-stream.c) and the plans are built beside
 * it (kedja-sip-build.c), never as a tree. When a plan's </sip> has
 * passed, what a schema cannot say is checked (kedja-sip-checks.c). The
 * first problem refuses the whole document; the caller gets every plan or
 * none.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-sip.h"
#include "kedja-sip-reader-private.h"

/* Problems */

gboolean
_kedja_sip_reading_add (KedjaSipReading   *reading,
                        KedjaExchangeError code,
                        char              *message)
{
  g_autofree char *owned = message;

  /* One line, whatever a title quoted in it holds. */
  g_strdelimit (owned, "\r\n", ' ');
  reading->n_found++;
  if (reading->problems == NULL || code != KEDJA_EXCHANGE_ERROR_INVALID)
    {
      if (reading->error == NULL)
        reading->error = g_error_new_literal (KEDJA_EXCHANGE_ERROR, code, owned);
      return FALSE;
    }
  if (reading->problems->len < KEDJA_EXCHANGE_MAX_PROBLEMS)
    g_ptr_array_add (reading->problems, g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
take_stream_problems (KedjaSipReading *reading)
{
  GError *problem;

  while ((problem = _kedja_xml_stream_take_problem (reading->stream)) != NULL)
    {
      KedjaExchangeError code = problem->code;
      char *message = g_strdup (problem->message);

      g_error_free (problem);
      reading->spoiled = TRUE;
      if (!_kedja_sip_reading_add (reading, code, message))
        return FALSE;
    }
  return TRUE;
}

/* The root tells a SIP document from anything else, before the schema's
 * more puzzling "no matching global declaration". */
static gboolean
check_root (KedjaSipReading *reading)
{
  xmlTextReaderPtr xml = _kedja_xml_stream_get_reader (reading->stream);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (xml);
  const char *name = (const char *) xmlTextReaderConstLocalName (xml);
  g_autofree char *where = _kedja_sip_reading_where (reading, _kedja_sip_reading_line (reading));

  if (ns != NULL && g_str_equal (ns, KEDJA_SIP_NAMESPACE) && name != NULL
      && (g_str_equal (name, "sip") || g_str_equal (name, "sip-collection")))
    return TRUE;

  if (ns == NULL)
    return _kedja_sip_reading_add (reading, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                                   g_strdup_printf (_("%s: not a SIP document: the root element "
                                                      "<%s> has no namespace; SIP files start "
                                                      "with <sip> or <sip-collection> in %s"),
                                                    where, name ? name : "?",
                                                    KEDJA_SIP_NAMESPACE));
  return _kedja_sip_reading_add (reading, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                                 g_strdup_printf (_("%s: not a SIP document: the root element is "
                                                    "<%s> in %s; SIP files start with <sip> or "
                                                    "<sip-collection> in %s"),
                                                  where, name ? name : "?", ns,
                                                  KEDJA_SIP_NAMESPACE));
}

static GPtrArray *
read_stream (KedjaXmlStream  *stream,
             GPtrArray       *problems,
             KedjaSipPlanFunc each,
             gpointer         each_data,
             GError         **error)
{
  KedjaSipReading reading = { .each = each, .each_data = each_data };
  g_autoptr(KedjaSipBuilder) builder = NULL;
  xmlTextReaderPtr xml = _kedja_xml_stream_get_reader (stream);
  gboolean root_seen = FALSE;
  xmlSchemaPtr schema;

  if ((schema = _kedja_exchange_get_sip_schema (error)) == NULL
      || !_kedja_xml_stream_set_schema (stream, schema, error))
    return NULL;

  reading.stream = stream;
  reading.name = _kedja_xml_stream_get_name (stream);
  reading.problems = problems;
  builder = _kedja_sip_builder_new (&reading);

  while (_kedja_xml_stream_next (stream))
    {
      /* The root first: its problem explains the schema's, which the
       * parser, reading ahead, may have found while we are still on a
       * comment before it. */
      if (!root_seen)
        {
          if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
            continue;
          if (!check_root (&reading))
            break;
          root_seen = TRUE;
        }
      if (!take_stream_problems (&reading))
        break;
      /* After a problem nothing more is built (a spoiled plan would only
       * give problems that are not there); the schema reads on. */
      if (!reading.spoiled && !_kedja_sip_builder_node (builder) && reading.error != NULL)
        break;
    }
  if (reading.error == NULL)
    take_stream_problems (&reading);

  g_clear_pointer (&reading.plan, kedja_plan_unref);
  g_clear_pointer (&reading.lines, g_hash_table_unref);

  if (reading.error != NULL)
    {
      g_propagate_error (error, reading.error);
      return NULL;
    }
  if (reading.n_found > 0)
    return NULL;
  return _kedja_sip_builder_steal_plans (builder);
}

GPtrArray *
_kedja_sip_read_stream (KedjaXmlStream *stream,
                        GPtrArray      *problems,
                        GError        **error)
{
  return read_stream (stream, problems, NULL, NULL, error);
}

GPtrArray *
kedja_sip_read_file (const char *path,
                     GError    **error)
{
  g_autoptr(KedjaXmlStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = _kedja_xml_stream_new_for_file (path, error);
  return stream ? _kedja_sip_read_stream (stream, NULL, error) : NULL;
}

GPtrArray *
kedja_sip_read_bytes (GBytes     *data,
                      const char *name,
                      GError    **error)
{
  g_autoptr(KedjaXmlStream) stream = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = _kedja_xml_stream_new_for_bytes (data, name, error);
  return stream ? _kedja_sip_read_stream (stream, NULL, error) : NULL;
}

/**
 * kedja_sip_read_file_each:
 * @func: called with each plan (transfer full) as soon as it has been read
 *   and checked; returns %FALSE with its error set to stop reading
 *
 * Like kedja_sip_read_file(), but hands the plans over one at a time, so
 * that the caller can save one plan while the next is read. What @func was
 * given stays provisional until this returns %TRUE: a problem further on
 * refuses the whole document, and the caller must then undo it (an open
 * transaction rolled back).
 */
gboolean
kedja_sip_read_file_each (const char      *path,
                          KedjaSipPlanFunc func,
                          gpointer         user_data,
                          GError         **error)
{
  g_autoptr(KedjaXmlStream) stream = NULL;
  g_autoptr(GPtrArray) rest = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = _kedja_xml_stream_new_for_file (path, error);
  if (stream == NULL)
    return FALSE;
  rest = read_stream (stream, NULL, func, user_data, error);
  return rest != NULL;
}
