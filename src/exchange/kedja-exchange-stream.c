/* kedja-exchange-stream.c — reading a document from elsewhere, safely, as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One libxml2 text reader per document, never a tree: a city's collection
 * of plans passes through in a few megabytes. The reader gets its bytes
 * from us, so we count them, and it sees exactly the bytes of the file
 * (libxml2's own file input would quietly decompress a gzip file, a
 * bomb that no size check before parsing can see).
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kedja-exchange-xml.h"

/*
 * The parser options for untrusted input, each for a reason:
 *
 * - XML_PARSE_NONET: nothing from the network, whatever the document
 *   names. (It does not stop file:// — the entity loader installed by
 *   kedja_exchange_init() refuses those.)
 * - XML_PARSE_IGNORE_ENC, with "UTF-8" given to the reader: the format is
 *   UTF-8, so every file is read as UTF-8 whatever it declares. A file in
 *   another encoding fails on its first byte that is not UTF-8, and no
 *   hostile bytes ever reach iconv's converters.
 * - XML_PARSE_BIG_LINES: right line numbers in messages past line 65535,
 *   which a collection of a city's plans passes.
 * - XML_PARSE_NO_XXE (libxml2 2.13 and later): the parser itself refuses
 *   external entities too.
 *
 * And deliberately not: XML_PARSE_NOENT (substitutes entities: a local
 * file's content in the data, and entity bombs expanded), DTDLOAD (fetches
 * the external subset), DTDATTR (adds attributes from a DTD), DTDVALID
 * (needs the DTD loaded), XINCLUDE (pulls other files in), HUGE (lifts
 * libxml2's own limits on depth, text size and entity amplification).
 * A document with a DOCTYPE is refused outright anyway (see _next()).
 */
#if LIBXML_VERSION >= 21300
#define PARSE_OPTIONS \
  (XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES | XML_PARSE_NO_XXE)
#else
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES)
#endif

struct _KedjaXmlStream
{
  char                 *name;
  int                   fd;          /* -1 when reading bytes */
  GBytes               *bytes;
  gsize                 offset;      /* into @bytes */
  gsize                 consumed;    /* bytes handed to the parser */
  gsize                 max_bytes;
  guint                 max_depth;
  int                   read_errno;
  guint                 at_eof : 1;
  guint                 too_big : 1;
  guint                 saw_doctype : 1;
  guint                 failed : 1;    /* a problem that stops reading */
  guint                 finished : 1;  /* _next() returns FALSE from now on */
  guint                 n_problems;
  GQueue                problems;      /* (element-type GError) */
  xmlTextReaderPtr      reader;
  xmlSchemaValidCtxtPtr validation;
};

static void
queue_problem (KedjaXmlStream    *stream,
               KedjaExchangeError code,
               char              *message)
{
  g_autofree char *owned = message;

  if (code != KEDJA_EXCHANGE_ERROR_INVALID)
    stream->failed = TRUE;

  if (stream->n_problems == KEDJA_EXCHANGE_MAX_PROBLEMS)
    {
      g_free (owned);
      owned = g_strdup_printf (_("%s: stopped after %u problems"), stream->name,
                               KEDJA_EXCHANGE_MAX_PROBLEMS);
      stream->finished = TRUE;
    }
  else if (stream->n_problems > KEDJA_EXCHANGE_MAX_PROBLEMS)
    return;

  /* One line, whatever a value quoted in it holds. */
  g_strdelimit (owned, "\r\n", ' ');
  stream->n_problems++;
  g_queue_push_tail (&stream->problems,
                     g_error_new_literal (KEDJA_EXCHANGE_ERROR, code, owned));
}

/* Replaces whatever was queued by the one problem that explains it all:
 * a DOCTYPE, say, explains the schema's complaints about its entities. */
static void
refuse (KedjaXmlStream    *stream,
        KedjaExchangeError code,
        char              *message)
{
  g_queue_clear_full (&stream->problems, (GDestroyNotify) g_error_free);
  stream->n_problems = 0;
  queue_problem (stream, code, message);
  stream->finished = TRUE;
}

/* Parse errors of the reader, and the schema's validity errors. */
static void
collect_error_cb (void                           *data,
                  KEDJA_XML_ERROR_CONST xmlError *error)
{
  KedjaXmlStream *stream = data;
  KedjaExchangeError code = KEDJA_EXCHANGE_ERROR_UNUSABLE;

  if (error == NULL || error->level <= XML_ERR_WARNING)
    return;

  if (error->domain == XML_FROM_SCHEMASV)
    code = KEDJA_EXCHANGE_ERROR_INVALID;
  else if (error->domain == XML_FROM_PARSER && error->ctxt != NULL)
    {
      xmlParserCtxtPtr ctxt = error->ctxt;

      /* Read ahead, the parser may choke on a DOCTYPE's entities before
       * the reader ever hands us the DOCTYPE: the DOCTYPE is the problem. */
      if (ctxt->myDoc != NULL && (ctxt->myDoc->intSubset != NULL
                                  || ctxt->myDoc->extSubset != NULL))
        stream->saw_doctype = TRUE;

      /* Failing only once all input is in means the document ended too
       * early: what libxml2 says then ("expected '>'", "Extra content at
       * the end of the document") would send a person looking in the
       * wrong place. */
      if (error->level == XML_ERR_FATAL && stream->at_eof)
        switch (ctxt->instate)
          {
          case XML_PARSER_START:
          case XML_PARSER_MISC:
          case XML_PARSER_PROLOG:
            queue_problem (stream, code,
                           g_strdup_printf (_("%s:%d: the file holds no XML document"),
                                            stream->name, error->line));
            return;
          case XML_PARSER_EPILOG:
          case XML_PARSER_EOF:
            break;
          default:
            queue_problem (stream, code,
                           g_strdup_printf (_("%s:%d: the document stops before its end; the "
                                              "file may have been cut off"),
                                            stream->name, error->line));
            return;
          }
    }

  queue_problem (stream, code, _kedja_exchange_describe_error (stream->name, error));
}

/* libxml2 prints some complaints of the schema validator ("Unimplemented
 * block") through its generic handler, straight to stderr. */
static void
ignore_generic_error_cb (void       *data,
                         const char *format,
                         ...)
{
}

/* libxml2 2.9 cannot be given a structured error handler on a reader that
 * validates against a schema: it hands the handler the schema's SAX plug
 * where it should hand the parser context, and parse errors are lost or
 * crash (an empty file crashed it here). Parse errors are taken from the
 * thread's own handler instead, set only while libxml2 runs for us. */
static void
begin_parsing (KedjaXmlStream *stream)
{
  xmlSetStructuredErrorFunc (stream, collect_error_cb);
  xmlSetGenericErrorFunc (stream, ignore_generic_error_cb);
}

static void
end_parsing (void)
{
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
}

static int
account_read (KedjaXmlStream *stream,
              gsize           n)
{
  if (n == 0)
    {
      stream->at_eof = TRUE;
      return 0;
    }
  /* The size was checked before parsing; this catches a file that grows
   * while it is read. */
  stream->consumed += n;
  if (stream->consumed > stream->max_bytes)
    {
      stream->too_big = TRUE;
      return -1;
    }
  return (int) n;
}

static int
read_fd_cb (void *data,
            char *buffer,
            int   length)
{
  KedjaXmlStream *stream = data;
  gssize n;

  do
    n = read (stream->fd, buffer, (gsize) MAX (length, 0));
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      stream->read_errno = errno;
      return -1;
    }
  return account_read (stream, (gsize) n);
}

static int
read_bytes_cb (void *data,
               char *buffer,
               int   length)
{
  KedjaXmlStream *stream = data;
  gsize size;
  const char *bytes = g_bytes_get_data (stream->bytes, &size);
  gsize n = MIN ((gsize) MAX (length, 0), size - stream->offset);

  if (n > 0)
    memcpy (buffer, bytes + stream->offset, n);
  stream->offset += n;
  return account_read (stream, n);
}

/* The stream closes its file itself, once. */
static int
close_cb (void *data)
{
  return 0;
}

static KedjaXmlStream *
stream_new (const char *name)
{
  KedjaXmlStream *stream = g_new0 (KedjaXmlStream, 1);

  kedja_exchange_init ();

  stream->name = g_strdup (name);
  stream->fd = -1;
  stream->max_bytes = _kedja_exchange_get_max_bytes ();
  stream->max_depth = _kedja_exchange_get_max_depth ();
  g_queue_init (&stream->problems);
  return stream;
}

static gboolean
check_size (KedjaXmlStream *stream,
            guint64         size,
            GError        **error)
{
  if (size == 0)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("%s: the file is empty"), stream->name);
      return FALSE;
    }
  if (size > stream->max_bytes)
    {
      g_autofree char *shown = g_format_size (size);
      g_autofree char *limit = g_format_size (stream->max_bytes);

      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("%s: the file is %s; Kedja reads exchange files of at most %s"),
                   stream->name, shown, limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_reader (KedjaXmlStream      *stream,
              xmlInputReadCallback read_cb,
              GError             **error)
{
  begin_parsing (stream);
  stream->reader = xmlReaderForIO (read_cb, close_cb, stream, stream->name, "UTF-8",
                                   PARSE_OPTIONS);
  end_parsing ();

  if (stream->reader == NULL)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("%s: the file could not be read as XML"), stream->name);
      return FALSE;
    }
  return TRUE;
}

KedjaXmlStream *
_kedja_xml_stream_new_for_file (const char *path,
                                GError    **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autoptr(KedjaXmlStream) stream = stream_new (shown);
  struct stat info;

  /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
   * below as not a regular file. */
  stream->fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (stream->fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("Could not open “%s”: %s"), shown, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (stream->fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   _("%s: not a regular file"), shown);
      return NULL;
    }
  if (!check_size (stream, (guint64) info.st_size, error)
      || !start_reader (stream, read_fd_cb, error))
    return NULL;
  return g_steal_pointer (&stream);
}

KedjaXmlStream *
_kedja_xml_stream_new_for_bytes (GBytes     *data,
                                 const char *name,
                                 GError    **error)
{
  g_autoptr(KedjaXmlStream) stream = stream_new (name ? name : _("document"));

  stream->bytes = g_bytes_ref (data);
  if (!check_size (stream, g_bytes_get_size (data), error)
      || !start_reader (stream, read_bytes_cb, error))
    return NULL;
  return g_steal_pointer (&stream);
}

void
_kedja_xml_stream_free (KedjaXmlStream *stream)
{
  if (stream == NULL)
    return;
  /* The reader first: it holds the validation context's SAX plug. */
  g_clear_pointer (&stream->reader, xmlFreeTextReader);
  g_clear_pointer (&stream->validation, xmlSchemaFreeValidCtxt);
  g_queue_clear_full (&stream->problems, (GDestroyNotify) g_error_free);
  g_clear_pointer (&stream->bytes, g_bytes_unref);
  if (stream->fd >= 0)
    close (stream->fd);
  g_free (stream->name);
  g_free (stream);
}

gboolean
_kedja_xml_stream_set_schema (KedjaXmlStream *stream,
                              xmlSchemaPtr    schema,
                              GError        **error)
{
  g_return_val_if_fail (stream->validation == NULL, FALSE);

  stream->validation = xmlSchemaNewValidCtxt (schema);
  if (stream->validation == NULL
      || xmlTextReaderSchemaValidateCtxt (stream->reader, stream->validation, 0) != 0)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("%s: could not prepare the schema validation"), stream->name);
      return FALSE;
    }
  /* After plugging in: the reader would otherwise point the validator's
   * errors at its own handlers. */
  xmlSchemaSetValidStructuredErrors (stream->validation, collect_error_cb, stream);
  return TRUE;
}

static void
finish (KedjaXmlStream *stream,
        int             status)
{
  stream->finished = TRUE;

  /* Never end quietly on a document that was not accepted. */
  if (stream->n_problems > 0)
    return;
  if (status < 0)
    queue_problem (stream, KEDJA_EXCHANGE_ERROR_UNUSABLE,
                   g_strdup_printf (_("%s:%d: the file could not be read as XML"),
                                    stream->name,
                                    xmlTextReaderGetParserLineNumber (stream->reader)));
  else if (stream->validation != NULL && xmlTextReaderIsValid (stream->reader) != 1)
    queue_problem (stream, KEDJA_EXCHANGE_ERROR_INVALID,
                   g_strdup_printf (_("%s: the document does not follow its schema"),
                                    stream->name));
}

gboolean
_kedja_xml_stream_next (KedjaXmlStream *stream)
{
  int status;

  if (stream->finished)
    return FALSE;

  begin_parsing (stream);
  status = xmlTextReaderRead (stream->reader);
  end_parsing ();

  if (status == 1)
    {
      xmlNodePtr node = xmlTextReaderCurrentNode (stream->reader);

      /* The parser reads ahead of the node we are on: a comment before
       * the DOCTYPE comes out after the DOCTYPE's entities were parsed,
       * and the document already knows it has one. */
      if (xmlTextReaderNodeType (stream->reader) == XML_READER_TYPE_DOCUMENT_TYPE
          || (node != NULL && node->doc != NULL
              && (node->doc->intSubset != NULL || node->doc->extSubset != NULL)))
        stream->saw_doctype = TRUE;
    }

  if (stream->saw_doctype)
    /* An internal subset can declare entities that expand a thousandfold
     * or name local files; no exchange file has one, so none is read. */
    refuse (stream, KEDJA_EXCHANGE_ERROR_UNSAFE,
            g_strdup_printf (_("%s: the document has a DOCTYPE, which exchange files never "
                               "have; it was not read"),
                             stream->name));
  else if (stream->too_big)
    {
      g_autofree char *limit = g_format_size (stream->max_bytes);

      refuse (stream, KEDJA_EXCHANGE_ERROR_UNUSABLE,
              g_strdup_printf (_("%s: the file is larger than %s, the most Kedja reads"),
                               stream->name, limit));
    }
  else if (stream->read_errno != 0)
    refuse (stream, KEDJA_EXCHANGE_ERROR_UNUSABLE,
            g_strdup_printf (_("%s: could not read the file: %s"), stream->name,
                             g_strerror (stream->read_errno)));
  else if (stream->failed || status != 1)
    finish (stream, status);
  else if (xmlTextReaderNodeType (stream->reader) == XML_READER_TYPE_ELEMENT
           && (guint) xmlTextReaderDepth (stream->reader) >= stream->max_depth)
    refuse (stream, KEDJA_EXCHANGE_ERROR_UNUSABLE,
            g_strdup_printf (_("%s:%d: the elements nest deeper than %u levels"),
                             stream->name, _kedja_xml_stream_get_line (stream),
                             stream->max_depth));

  return !stream->finished;
}

GError *
_kedja_xml_stream_take_problem (KedjaXmlStream *stream)
{
  return g_queue_pop_head (&stream->problems);
}

xmlTextReaderPtr
_kedja_xml_stream_get_reader (KedjaXmlStream *stream)
{
  return stream->reader;
}

const char *
_kedja_xml_stream_get_name (KedjaXmlStream *stream)
{
  return stream->name;
}

int
_kedja_xml_stream_get_line (KedjaXmlStream *stream)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (stream->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0 || line > G_MAXINT)
    return xmlTextReaderGetParserLineNumber (stream->reader);
  return (int) line;
}

char *
_kedja_xml_stream_get_attribute (KedjaXmlStream *stream,
                                 const char     *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (stream->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}
