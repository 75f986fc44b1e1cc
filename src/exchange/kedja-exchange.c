/* kedja-exchange.c — XML in and out of Kedja: shared parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 made safe once per process, files written so that nobody sees
 * half of one, the SIP schema compiled once, and libxml2's errors turned
 * into one line a person can act on.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "kedja-exchange-resources.h"
#include "kedja-exchange-xml.h"

#define SIP_SCHEMA_RESOURCE "/org/kedja/Kedja/exchange/sip-1.0.xsd"

G_DEFINE_QUARK (kedja-exchange-error-quark, kedja_exchange_error)

/* The folder whose files the entity loader may open, set only by the
 * thread that is compiling a schema from a file, and only while it does:
 * a document read at the same time in another thread still gets nothing. */
static GPrivate schema_folder = G_PRIVATE_INIT (g_free);

/* @url inside @folder, as a real path; %NULL when it is anywhere else, or
 * not a local file at all. */
static char *
path_inside_folder (const char *url,
                    const char *folder)
{
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;
  g_autofree char *parent = NULL;
  const char *scheme = g_uri_peek_scheme (url);

  if (scheme != NULL && !g_str_equal (scheme, "file"))
    return NULL;
  path = scheme ? g_filename_from_uri (url, NULL, NULL) : g_strdup (url);
  if (path == NULL || (real = realpath (path, NULL)) == NULL)
    return NULL;
  parent = g_path_get_dirname (real);
  if (!g_str_equal (parent, folder) || !g_file_test (real, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&real);
}

/* Every external entity, DTD, XInclude or schema import of every document
 * goes through here, and is refused: an exchange file needs nothing from
 * outside itself, and a file that asks for file:///etc/passwd must not
 * get it (XML_PARSE_NONET only stops the network). The one exception is a
 * schema's own imports while Kedja compiles it. */
static xmlParserInputPtr
load_entity_cb (const char      *url,
                const char      *id,
                xmlParserCtxtPtr ctxt)
{
  const char *folder = g_private_get (&schema_folder);

  if (folder != NULL && url != NULL && ctxt != NULL)
    {
      g_autofree char *path = path_inside_folder (url, folder);

      if (path != NULL)
        return xmlNewInputFromFile (ctxt, path);
    }

  g_debug ("Refused to load the external entity %s", url ? url : "(no URL)");
  return NULL;
}

void
kedja_exchange_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Fails loudly if the libxml2 we run with is not the one we were
       * built against (struct layouts differ between releases). */
      LIBXML_TEST_VERSION;
      xmlInitParser ();
      xmlSetExternalEntityLoader (load_entity_cb);
#ifdef LIBXML_CATALOG_ENABLED
      /* Catalogs map public ids to local files: none of that either. */
      xmlCatalogSetDefaults (XML_CATA_ALLOW_NONE);
#endif
      g_once_init_leave (&initialized, 1);
    }
}

static void
collect_schema_error_cb (void                              *data,
                         KEDJA_XML_ERROR_CONST xmlError    *error)
{
  GString *messages = data;
  g_autofree char *line = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || messages->len > 4000)
    return;
  line = _kedja_exchange_describe_error (error->file ? error->file : "", error);
  if (messages->len > 0)
    g_string_append (messages, "; ");
  g_string_append (messages, line);
}

static xmlSchemaPtr
compile_schema (xmlSchemaParserCtxtPtr  parser,
                const char             *what,
                GError                **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlSchemaPtr schema;

  if (parser == NULL)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("Could not read the schema %s"), what);
      return NULL;
    }

  xmlSchemaSetParserStructuredErrors (parser, collect_schema_error_cb, messages);
  schema = xmlSchemaParse (parser);
  if (schema == NULL)
    g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                 _("Could not compile the schema %s: %s"), what,
                 messages->len > 0 ? messages->str : _("no reason given"));
  return schema;
}

xmlSchemaPtr
_kedja_exchange_compile_schema_file (const char  *path,
                                     GError     **error)
{
  g_autofree char *real = NULL;
  g_autoptr(xmlSchemaParserCtxt) parser = NULL;
  xmlSchemaPtr schema;

  kedja_exchange_init ();

  real = realpath (path, NULL);
  if (real == NULL || !g_file_test (real, G_FILE_TEST_IS_REGULAR))
    {
      int saved_errno = real ? ENOENT : errno;

      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("Could not read the schema %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  /* The schema and its imports are read through the entity loader, which
   * opens this one folder for this thread until the schema is compiled. */
  g_private_replace (&schema_folder, g_path_get_dirname (real));
  parser = xmlSchemaNewParserCtxt (real);
  schema = compile_schema (parser, path, error);
  g_private_replace (&schema_folder, NULL);
  return schema;
}

typedef struct {
  xmlSchemaPtr schema;
  GError      *error;
} CompiledSchema;

static gpointer
compile_sip_schema (gpointer data)
{
  CompiledSchema *compiled = g_new0 (CompiledSchema, 1);
  g_autoptr(GBytes) xsd = NULL;
  g_autoptr(xmlSchemaParserCtxt) parser = NULL;
  gsize size;
  const char *text;

  kedja_exchange_init ();

  /* Through the resource itself, not the global registry: naming it is
   * what makes the linker take the resource out of the static library. */
  xsd = g_resource_lookup_data (kedja_exchange_get_resource (), SIP_SCHEMA_RESOURCE,
                                G_RESOURCE_LOOKUP_FLAGS_NONE, &compiled->error);
  if (xsd == NULL)
    return compiled;

  text = g_bytes_get_data (xsd, &size);
  parser = xmlSchemaNewMemParserCtxt (text, (int) size);
  compiled->schema = compile_schema (parser, "sip-1.0.xsd", &compiled->error);
  return compiled;
}

/* Compiled once and kept for the life of the process: a compiled schema
 * is only read while validating, so threads may share it. */
xmlSchemaPtr
_kedja_exchange_get_sip_schema (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  CompiledSchema *compiled = g_once (&once, compile_sip_schema, NULL);

  if (compiled->schema == NULL)
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("The SIP schema cannot be used: %s"), compiled->error->message);
      return NULL;
    }
  return compiled->schema;
}

/* Test hook: the limits, as atomics so that a test changing them is never
 * half seen by a reader in another thread. */
static gsize max_bytes_override;
static guint max_depth_override;

void
_kedja_exchange_set_limits (gsize max_bytes,
                            guint max_depth)
{
  g_atomic_pointer_set (&max_bytes_override, max_bytes);
  g_atomic_int_set (&max_depth_override, max_depth);
}

gsize
_kedja_exchange_get_max_bytes (void)
{
  gsize bytes = g_atomic_pointer_get (&max_bytes_override);

  return bytes ? bytes : KEDJA_EXCHANGE_MAX_BYTES;
}

guint
_kedja_exchange_get_max_depth (void)
{
  guint depth = g_atomic_int_get (&max_depth_override);

  return depth ? depth : KEDJA_EXCHANGE_MAX_DEPTH;
}

/* Writing files */

static gboolean
set_io_error (GError    **error,
              const char *path,
              int         saved_errno)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO,
               _("Could not write “%s”: %s"), shown, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = EIO;
          return FALSE;
        }
      data += written;
      size -= (gsize) written;
    }
  return TRUE;
}

/* Makes the rename itself durable; a folder that cannot be synced (some
 * network file systems) still has the complete file. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A new, hidden file beside @path, readable by its owner only (0600,
 * whatever the umask: plans are personal data). Beside, so that renaming
 * it into place stays on one file system and is atomic; hidden, so that a
 * file chooser or a partner's pickup script does not take half a file.
 * Returns its descriptor, or -1 with @error set. */
int
_kedja_exchange_open_beside (const char *path,
                             char      **out_tmp_path,
                             GError    **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  int fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return -1;
    }
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp_path);
      set_io_error (error, path, saved_errno);
      return -1;
    }
  *out_tmp_path = g_steal_pointer (&tmp_path);
  return fd;
}

gboolean
kedja_exchange_write_file (const char *path,
                           GBytes     *data,
                           GError    **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *bytes;
  gsize size;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = _kedja_exchange_open_beside (path, &tmp_path, error);
  if (fd < 0)
    return FALSE;
  folder = g_path_get_dirname (path);

  bytes = g_bytes_get_data (data, &size);
  if (!write_all (fd, bytes, size) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp_path);
      return set_io_error (error, path, saved_errno);
    }
  if (close (fd) != 0 || g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_io_error (error, path, saved_errno);
    }

  sync_folder (folder);
  return TRUE;
}

/* Describing libxml2's errors */

/* "{urn:kedja:sip:1}step" → "step" */
static char *
local_name (const char *qname,
            gsize       length)
{
  const char *brace = memchr (qname, '}', length);

  if (length > 0 && qname[0] == '{' && brace != NULL)
    return g_strndup (brace + 1, length - (gsize) (brace + 1 - qname));
  return g_strndup (qname, length);
}

/* The schema validator's messages start "Element 'QNAME', attribute
 * 'NAME': " before what is wrong; splits that off. */
static const char *
split_schema_message (const char *message,
                      char      **element,
                      char      **attribute)
{
  static const char element_prefix[] = "Element '";
  static const char attribute_prefix[] = ", attribute '";
  const char *p = message;
  const char *end;

  if (!g_str_has_prefix (p, element_prefix)
      || (end = strchr (p + strlen (element_prefix), '\'')) == NULL)
    return message;

  p += strlen (element_prefix);
  *element = local_name (p, (gsize) (end - p));
  p = end + 1;
  if (g_str_has_prefix (p, attribute_prefix)
      && (end = strchr (p + strlen (attribute_prefix), '\'')) != NULL)
    {
      p += strlen (attribute_prefix);
      *attribute = local_name (p, (gsize) (end - p));
      p = end + 1;
    }
  end = strstr (p, ": ");
  return end ? end + 2 : p;
}

/* libxml2's detail without namespace names in braces and without its
 * trailing newline. */
static char *
clean_detail (const char *detail)
{
  GString *clean = g_string_new (NULL);

  for (const char *p = detail; *p != '\0'; p++)
    {
      const char *close;

      if (*p == '{' && (close = strchr (p, '}')) != NULL
          && strcspn (p, " '\n") > (gsize) (close - p))
        {
          p = close;
          continue;
        }
      g_string_append_c (clean, *p == '\n' ? ' ' : *p);
    }
  while (clean->len > 0 && g_ascii_isspace (clean->str[clean->len - 1]))
    g_string_truncate (clean, clean->len - 1);
  return g_string_free (clean, FALSE);
}

/* The first 'quoted' word of @text. */
static char *
first_quoted (const char *text)
{
  const char *start = strchr (text, '\'');
  const char *end = start ? strchr (start + 1, '\'') : NULL;

  return end ? g_strndup (start + 1, (gsize) (end - start - 1)) : NULL;
}

/* "( a, b )" at the end of "… Expected is ( a, b )." as "a, b". */
static char *
expected_elements (const char *detail)
{
  const char *open = strstr (detail, "( ");
  const char *close = open ? strstr (open, " )") : NULL;

  return close ? g_strndup (open + 2, (gsize) (close - open - 2)) : g_strdup ("?");
}

static char *
describe_schema_error (const char     *where,
                       const xmlError *error)
{
  g_autofree char *element = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *value = NULL;
  const char *rest;

  rest = split_schema_message (error->message ? error->message : "", &element, &attribute);
  detail = clean_detail (rest);
  if (element == NULL)
    element = g_strdup ("?");

  switch (error->code)
    {
    case XML_SCHEMAV_ELEMENT_CONTENT:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
      {
        g_autofree char *expected = expected_elements (detail);

        if (g_str_has_prefix (detail, "Missing child"))
          /* TRANSLATORS: "FILE:LINE: <client> is missing an element (expected: name)" */
          return g_strdup_printf (_("%s: <%s> is missing an element (expected: %s)"),
                                  where, element, expected);
        if (strstr (detail, "Expected is") != NULL)
          return g_strdup_printf (_("%s: <%s> is not expected here (expected: %s)"),
                                  where, element, expected);
        return g_strdup_printf (_("%s: <%s> is not expected here"), where, element);
      }

    case XML_SCHEMAV_CVC_TYPE_3_1_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
      return g_strdup_printf (_("%s: <%s> may not have the attribute “%s”"),
                              where, element, attribute ? attribute : "?");

    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
      value = first_quoted (detail);
      return g_strdup_printf (_("%s: <%s> lacks the attribute “%s”, which is required"),
                              where, element, value ? value : "?");

    case XML_SCHEMAV_CVC_ELT_1:
      return g_strdup_printf (_("%s: <%s> is not a root element this format knows"),
                              where, element);

    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
      return g_strdup_printf (_("%s: <%s> must be empty"), where, element);

    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
      return g_strdup_printf (_("%s: <%s> may not contain text"), where, element);

    case XML_SCHEMAV_CVC_TYPE_3_1_2:
      return g_strdup_printf (_("%s: <%s> may not contain elements"), where, element);

    default:
      break;
    }

  /* A value of the wrong type. A date gets words of its own: 2026-02-30
   * looks right to a person until they are told why it is not. */
  value = first_quoted (detail);
  if (value != NULL && strstr (detail, "atomic type 'Date'") != NULL)
    {
      if (attribute != NULL)
        return g_strdup_printf (_("%s: the date “%s” in the attribute “%s” of <%s> is not "
                                  "a day in the calendar (dates are written YYYY-MM-DD)"),
                                where, value, attribute, element);
      return g_strdup_printf (_("%s: the date “%s” in <%s> is not a day in the calendar "
                                "(dates are written YYYY-MM-DD)"),
                              where, value, element);
    }
  if (attribute != NULL)
    return g_strdup_printf (_("%s: the attribute “%s” of <%s> has a value that is not "
                              "allowed: %s"),
                            where, attribute, element, detail);
  return g_strdup_printf (_("%s: <%s> has a value that is not allowed: %s"),
                          where, element, detail);
}

static char *
describe_parser_error (const char     *where,
                       const xmlError *error)
{
  g_autofree char *detail = clean_detail (error->message ? error->message : "");

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup_printf (_("%s: the file holds no XML document"), where);

    case XML_ERR_DOCUMENT_END:
      return g_strdup_printf (_("%s: there is more after the end of the document"), where);

    case XML_ERR_INVALID_CHAR:
      if (!g_str_has_prefix (detail, "Input is not proper UTF-8"))
        break;
      G_GNUC_FALLTHROUGH;
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return g_strdup_printf (_("%s: the file is not valid UTF-8 text; exchange files are "
                                "always UTF-8"),
                              where);

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
      return g_strdup_printf (_("%s: the document uses entities, which exchange files never "
                                "do"),
                              where);

    default:
      break;
    }

  return g_strdup_printf (_("%s: the file is not well-formed XML: %s"), where, detail);
}

char *
_kedja_exchange_describe_error (const char     *name,
                                const xmlError *error)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (name == NULL || *name == '\0')
    name = error->file ? error->file : _("document");
  where = error->line > 0 ? g_strdup_printf ("%s:%d", name, error->line) : g_strdup (name);

  switch (error->domain)
    {
    case XML_FROM_SCHEMASV:
      return describe_schema_error (where, error);

    case XML_FROM_PARSER:
    case XML_FROM_IO:
    case XML_FROM_NAMESPACE:
    case XML_FROM_I18N:
      return describe_parser_error (where, error);

    default:
      {
        g_autofree char *detail = clean_detail (error->message ? error->message : "");

        return g_strdup_printf ("%s: %s", where, detail);
      }
    }
}

gboolean
_kedja_exchange_validate_sip_file (const char *path,
                                   GError    **error)
{
  g_autoptr(KedjaXmlStream) stream = NULL;
  xmlSchemaPtr schema;
  GError *problem = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((schema = _kedja_exchange_get_sip_schema (error)) == NULL
      || (stream = _kedja_xml_stream_new_for_file (path, error)) == NULL
      || !_kedja_xml_stream_set_schema (stream, schema, error))
    return FALSE;

  /* The stream stops on what cannot be read and queues what breaks the
   * schema; the first of either is the answer. */
  while (_kedja_xml_stream_next (stream))
    {
      if ((problem = _kedja_xml_stream_take_problem (stream)) != NULL)
        break;
    }
  if (problem == NULL)
    problem = _kedja_xml_stream_take_problem (stream);
  if (problem != NULL)
    {
      g_propagate_error (error, problem);
      return FALSE;
    }
  return TRUE;
}
