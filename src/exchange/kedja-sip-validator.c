/* kedja-sip-validator.c — the schema check of a SIP document as it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validating a city's export takes about three times as long as writing it
 * (libxml2's schema validation is the cost, not the parsing). Reading the
 * file back afterwards would add the two; parsing the bytes as they are
 * produced, in a second thread, lets the two cores do them side by side.
 * The writer hands over blocks of bytes; the parser thread takes them in
 * order. A bounded queue keeps memory small when the writer is ahead.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "kedja-exchange-private.h"
#include "kedja-sip-writer-private.h"

/* How far the writer may run ahead of the parser: enough to smooth out
 * the two threads' pace, little to parse after the last byte is written. */
#define MAX_QUEUED_BYTES (1024 * 1024)
/* The push parser refuses to look ahead over more than 10 MB at once; feed
 * it in slices well below that. */
#define SLICE_BYTES (256 * 1024)

struct _KedjaSipValidator {
  char        *name;
  xmlSchemaPtr schema;
  gboolean     threaded;

  /* Touched only by the thread that parses. */
  xmlParserCtxtPtr parser;
  char            *problem;  /* the first one, described for a person */

  /* The hand-over between the writer and the parser. */
  GMutex   lock;
  GCond    changed;
  GQueue   chunks;       /* (element-type GBytes) */
  gsize    queued;       /* bytes in @chunks */
  gboolean closed;       /* no more chunks will come */
  GThread *thread;       /* %NULL when not threaded, or joined */
};

static void
problem_cb (void       *data,
            xmlErrorPtr error)
{
  KedjaSipValidator *validator = data;

  if (validator->problem != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  validator->problem = _kedja_exchange_describe_error (validator->name, error);
}

/* Where the schema's errors are: the parser's current line. */
static int
locate_cb (void          *data,
           const char   **file,
           unsigned long *line)
{
  KedjaSipValidator *validator = data;
  xmlParserCtxtPtr parser = validator->parser;

  if (file != NULL)
    *file = NULL;
  if (line != NULL)
    *line = parser != NULL && parser->input != NULL ? (unsigned long) parser->input->line : 0;
  return 0;
}

static GBytes *
next_chunk (KedjaSipValidator *validator)
{
  GBytes *chunk;

  g_mutex_lock (&validator->lock);
  while (g_queue_is_empty (&validator->chunks) && !validator->closed)
    g_cond_wait (&validator->changed, &validator->lock);
  chunk = g_queue_pop_head (&validator->chunks);
  if (chunk != NULL)
    validator->queued -= g_bytes_get_size (chunk);
  g_cond_broadcast (&validator->changed);
  g_mutex_unlock (&validator->lock);
  return chunk;
}

/* Runs in the thread that parses: the error handler for the parser's own
 * errors is per thread in libxml2, so it is set here, and put back after. */
static void
parse_all (KedjaSipValidator *validator)
{
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  void *old_data = xmlStructuredErrorContext;
  xmlSchemaValidCtxtPtr schema_check;
  xmlSchemaSAXPlugPtr plug = NULL;
  /* No callbacks of our own: the plug adds the schema's. They must live
   * until the plug is pulled, which writes them back. */
  xmlSAXHandler events;
  xmlSAXHandlerPtr sax = &events;
  void *sax_data = NULL;
  GBytes *chunk;

  xmlSetStructuredErrorFunc (validator, problem_cb);
  memset (&events, 0, sizeof events);
  events.initialized = XML_SAX2_MAGIC;

  schema_check = xmlSchemaNewValidCtxt (validator->schema);
  if (schema_check != NULL)
    {
      xmlSchemaSetValidStructuredErrors (schema_check, problem_cb, validator);
      xmlSchemaValidateSetLocator (schema_check, locate_cb, validator);
      plug = xmlSchemaSAXPlug (schema_check, &sax, &sax_data);
    }
  if (plug != NULL)
    validator->parser = xmlCreatePushParserCtxt (sax, sax_data, NULL, 0, validator->name);
  if (validator->parser != NULL)
    {
      /* Our own output: no DTD, no entities; never the network. */
      xmlCtxtUseOptions (validator->parser, XML_PARSE_NONET);
      validator->parser->linenumbers = 1;
    }
  else if (validator->problem == NULL)
    validator->problem = g_strdup (_("Could not start the schema validation"));

  /* After a problem the rest is only drained, so the writer never waits
   * for a parser that has stopped. */
  while ((chunk = next_chunk (validator)) != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (chunk, &size);

      for (gsize done = 0; done < size && validator->problem == NULL;)
        {
          int slice = (int) MIN (size - done, SLICE_BYTES);

          xmlParseChunk (validator->parser, data + done, slice, 0);
          done += (gsize) slice;
        }
      g_bytes_unref (chunk);
    }

  if (validator->problem == NULL)
    {
      xmlParseChunk (validator->parser, NULL, 0, 1);
      /* Every error has gone through problem_cb; these catch one that did
       * not say what it was. */
      if (validator->problem == NULL
          && (!validator->parser->wellFormed || xmlSchemaIsValid (schema_check) != 1))
        validator->problem = g_strdup_printf (_("%s: the schema refused the document"),
                                              validator->name ? validator->name
                                                              : _("document"));
    }

  if (plug != NULL)
    xmlSchemaSAXUnplug (plug);
  g_clear_pointer (&validator->parser, xmlFreeParserCtxt);
  g_clear_pointer (&schema_check, xmlSchemaFreeValidCtxt);
  xmlSetStructuredErrorFunc (old_data, old_handler);
}

static gpointer
parse_thread (gpointer data)
{
  parse_all (data);
  return NULL;
}

KedjaSipValidator *
_kedja_sip_validator_new (const char *name,
                          gboolean    threaded,
                          GError    **error)
{
  KedjaSipValidator *validator;
  xmlSchemaPtr schema = _kedja_exchange_get_sip_schema (error);

  if (schema == NULL)
    return NULL;

  validator = g_new0 (KedjaSipValidator, 1);
  validator->name = g_strdup (name);
  validator->schema = schema;
  validator->threaded = threaded;
  g_mutex_init (&validator->lock);
  g_cond_init (&validator->changed);
  g_queue_init (&validator->chunks);

  if (threaded)
    {
      validator->thread = g_thread_try_new ("kedja-sip-validate", parse_thread, validator, error);
      if (validator->thread == NULL)
        {
          _kedja_sip_validator_free (validator);
          return NULL;
        }
    }
  return validator;
}

void
_kedja_sip_validator_feed (KedjaSipValidator *validator,
                           GBytes            *chunk)
{
  g_mutex_lock (&validator->lock);
  g_assert (!validator->closed);
  while (validator->threaded && validator->queued > MAX_QUEUED_BYTES)
    g_cond_wait (&validator->changed, &validator->lock);
  g_queue_push_tail (&validator->chunks, g_bytes_ref (chunk));
  validator->queued += g_bytes_get_size (chunk);
  g_cond_broadcast (&validator->changed);
  g_mutex_unlock (&validator->lock);
}

static void
close_and_wait (KedjaSipValidator *validator)
{
  g_mutex_lock (&validator->lock);
  validator->closed = TRUE;
  g_cond_broadcast (&validator->changed);
  g_mutex_unlock (&validator->lock);

  if (validator->thread != NULL)
    g_thread_join (g_steal_pointer (&validator->thread));
}

gboolean
_kedja_sip_validator_finish (KedjaSipValidator *validator,
                             GError           **error)
{
  g_return_val_if_fail (validator != NULL, FALSE);

  if (validator->threaded)
    close_and_wait (validator);
  else
    {
      validator->closed = TRUE;
      parse_all (validator);
    }

  if (validator->problem == NULL)
    return TRUE;
  g_set_error_literal (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID,
                       validator->problem);
  return FALSE;
}

void
_kedja_sip_validator_free (KedjaSipValidator *validator)
{
  if (validator == NULL)
    return;

  /* A document abandoned half-way: the parser thread drains and stops. */
  if (validator->thread != NULL)
    close_and_wait (validator);
  g_queue_clear_full (&validator->chunks, (GDestroyNotify) g_bytes_unref);
  g_mutex_clear (&validator->lock);
  g_cond_clear (&validator->changed);
  g_free (validator->problem);
  g_free (validator->name);
  g_free (validator);
}
