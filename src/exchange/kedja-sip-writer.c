/* kedja-sip-writer.c — SIP XML 1.0 out: one plan, or a city's plans as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes of the document (kedja-sip-document.c) go two ways at once:
 * to a temporary file beside the target, and through the schema
 * (kedja-sip-validator.c). Only a complete, valid document is renamed into
 * place; anything else removes the temporary file.
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

#include "kedja-exchange-private.h"
#include "kedja-sip-writer-private.h"

/* Bytes are passed on in blocks of this size: few system calls and few
 * hand-overs to the validating thread. */
#define BLOCK_BYTES (64 * 1024)

/* Where the bytes go. libxml2 reports a failed write only as -1; the
 * errno kept here lets the error say why. */
typedef struct {
  int                fd;         /* -1 when the document stays in memory */
  GByteArray        *block;      /* bytes not yet passed on */
  KedjaSipValidator *validator;  /* nullable in memory: validated at the end */
  int                error_code; /* errno of the first failed write; 0 when none */
} Sink;

typedef enum {
  WRITER_OPEN,
  WRITER_FAILED,
  WRITER_DONE,
} WriterState;

struct _KedjaSipWriter {
  KedjaSipDocument doc;
  Sink             sink;
  char            *path;
  char            *shown_path;  /* for messages */
  char            *tmp_path;    /* %NULL once renamed into place or removed */
  gboolean         collection;
  guint            n_plans;
  WriterState      state;
};

/* The sink ============================================================= */

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Passes the block on: to the file and to the validator. */
static gboolean
sink_flush (Sink *sink)
{
  g_autoptr(GBytes) bytes = NULL;

  if (sink->fd < 0 || sink->block->len == 0)
    return sink->error_code == 0;

  if (sink->error_code == 0 && !write_all (sink->fd, sink->block->data, sink->block->len))
    sink->error_code = errno;
  if (sink->error_code != 0)
    {
      g_byte_array_set_size (sink->block, 0);
      return FALSE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&sink->block));
  _kedja_sip_validator_feed (sink->validator, bytes);
  sink->block = g_byte_array_sized_new (BLOCK_BYTES + 8192);
  return TRUE;
}

static int
sink_write_cb (void       *data,
               const char *buffer,
               int         len)
{
  Sink *sink = data;

  if (sink->error_code != 0)
    return -1;
  g_byte_array_append (sink->block, (const guint8 *) buffer, (guint) len);
  if (sink->fd >= 0 && sink->block->len >= BLOCK_BYTES && !sink_flush (sink))
    return -1;
  return len;
}

static xmlOutputBufferPtr
sink_output (Sink *sink)
{
  return xmlOutputBufferCreateIO (sink_write_cb, NULL, sink, NULL);
}

/* What went wrong in writing, if anything. */
static gboolean
check_written (KedjaSipDocument *doc,
               Sink             *sink,
               const char       *shown,
               GError          **error)
{
  if (sink->error_code != 0)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO,
                   _("Could not write “%s”: %s"), shown, g_strerror (sink->error_code));
      return FALSE;
    }
  if (doc->broken)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("Could not write “%s”: the XML writer failed"), shown);
      return FALSE;
    }
  return TRUE;
}

/* The file writer ====================================================== */

static void
discard (KedjaSipWriter *writer)
{
  /* The document first: freeing it may still flush into the sink. */
  _kedja_sip_document_clear (&writer->doc);
  g_clear_pointer (&writer->sink.validator, _kedja_sip_validator_free);
  if (writer->sink.fd >= 0)
    {
      close (writer->sink.fd);
      writer->sink.fd = -1;
    }
  if (writer->tmp_path != NULL)
    {
      g_unlink (writer->tmp_path);
      g_clear_pointer (&writer->tmp_path, g_free);
    }
}

static gboolean
fail (KedjaSipWriter *writer)
{
  discard (writer);
  writer->state = WRITER_FAILED;
  return FALSE;
}

static gboolean
fail_io (KedjaSipWriter *writer,
         int             saved_errno,
         GError        **error)
{
  g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO,
               _("Could not write “%s”: %s"), writer->shown_path, g_strerror (saved_errno));
  return fail (writer);
}

KedjaSipWriter *
kedja_sip_writer_new (const char                 *path,
                      gboolean                    collection,
                      const KedjaSipWriteOptions *options,
                      GError                    **error)
{
  g_autoptr(KedjaSipWriter) writer = NULL;
  g_autofree char *shown_base = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kedja_exchange_init ();

  writer = g_new0 (KedjaSipWriter, 1);
  writer->sink.fd = -1;
  writer->sink.block = g_byte_array_sized_new (BLOCK_BYTES + 8192);
  writer->path = g_strdup (path);
  writer->shown_path = g_filename_display_name (path);
  writer->collection = collection;
  writer->state = WRITER_FAILED;

  writer->sink.fd = _kedja_exchange_open_beside (path, &writer->tmp_path, error);
  if (writer->sink.fd < 0)
    return NULL;

  /* The validator's lines name the file as the user will know it. */
  shown_base = g_filename_display_basename (path);
  writer->sink.validator = _kedja_sip_validator_new (shown_base, TRUE, error);
  if (writer->sink.validator == NULL
      || !_kedja_sip_document_init (&writer->doc, sink_output (&writer->sink), options, error))
    return NULL;

  if (collection)
    _kedja_sip_document_start_collection (&writer->doc);
  if (!check_written (&writer->doc, &writer->sink, writer->shown_path, error))
    return NULL;

  writer->state = WRITER_OPEN;
  return g_steal_pointer (&writer);
}

static gboolean
check_open (KedjaSipWriter *writer,
            GError        **error)
{
  if (writer->state == WRITER_OPEN)
    return TRUE;
  if (writer->state == WRITER_DONE)
    g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                 _("The export to “%s” is already finished"), writer->shown_path);
  else
    g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                 _("The export to “%s” has already failed"), writer->shown_path);
  return FALSE;
}

gboolean
kedja_sip_writer_add (KedjaSipWriter  *writer,
                      const KedjaPlan *plan,
                      GError         **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (writer, error))
    return FALSE;
  if (!writer->collection && writer->n_plans > 0)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("A SIP document holds one plan; export several as a collection"));
      return fail (writer);
    }

  _kedja_sip_document_write_plan (&writer->doc, plan, !writer->collection);
  writer->n_plans++;
  if (!check_written (&writer->doc, &writer->sink, writer->shown_path, error))
    return fail (writer);
  return TRUE;
}

gboolean
kedja_sip_writer_finish (KedjaSipWriter *writer,
                         GError        **error)
{
  int fd;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (writer, error))
    return FALSE;
  if (!writer->collection && writer->n_plans == 0)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("No plan was given to export to “%s”"), writer->shown_path);
      return fail (writer);
    }

  _kedja_sip_document_end (&writer->doc);
  sink_flush (&writer->sink);
  if (!check_written (&writer->doc, &writer->sink, writer->shown_path, error))
    return fail (writer);

  /* On disk before it gets its name: after a crash the file at the path
   * is the old one or the whole new one, never a truncated one. The sync
   * runs while the validator parses the last blocks. */
  if (fsync (writer->sink.fd) != 0)
    return fail_io (writer, errno, error);

  /* The validator has seen every byte the file has. */
  if (!_kedja_sip_validator_finish (writer->sink.validator, error))
    {
      g_prefix_error (error, _("The export does not follow SIP 1.0, so “%s” was not written: "),
                      writer->shown_path);
      return fail (writer);
    }

  fd = writer->sink.fd;
  writer->sink.fd = -1;
  if (close (fd) != 0 || g_rename (writer->tmp_path, writer->path) != 0)
    return fail_io (writer, errno, error);
  g_clear_pointer (&writer->tmp_path, g_free);
  writer->state = WRITER_DONE;
  discard (writer);
  return TRUE;
}

void
kedja_sip_writer_free (KedjaSipWriter *writer)
{
  if (writer == NULL)
    return;
  discard (writer);
  g_clear_pointer (&writer->sink.block, g_byte_array_unref);
  g_free (writer->path);
  g_free (writer->shown_path);
  g_free (writer->tmp_path);
  g_free (writer);
}

/* One plan in memory =================================================== */

GBytes *
kedja_sip_write_plan (const KedjaPlan            *plan,
                      const KedjaSipWriteOptions *options,
                      GError                    **error)
{
  g_autoptr(KedjaSipValidator) validator = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KedjaSipDocument doc;
  Sink sink = { -1, NULL, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kedja_exchange_init ();

  /* One plan is a few kilobytes: no thread, the whole document at once. */
  validator = _kedja_sip_validator_new (NULL, FALSE, error);
  if (validator == NULL)
    return NULL;

  sink.block = g_byte_array_sized_new (16 * 1024);
  ok = _kedja_sip_document_init (&doc, sink_output (&sink), options, error);
  if (ok)
    {
      _kedja_sip_document_write_plan (&doc, plan, TRUE);
      _kedja_sip_document_end (&doc);
      ok = check_written (&doc, &sink, _("the export"), error);
    }
  _kedja_sip_document_clear (&doc);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&sink.block));
  if (!ok)
    return NULL;

  _kedja_sip_validator_feed (validator, bytes);
  if (!_kedja_sip_validator_finish (validator, error))
    {
      g_prefix_error (error, _("The export does not follow SIP 1.0, so it was not made: "));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}
