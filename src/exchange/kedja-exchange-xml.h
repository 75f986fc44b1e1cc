/* kedja-exchange-xml.h — libxml2 as the exchange layer uses it, inside libkedja-exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document from elsewhere is read through a KedjaXmlStream: a
 * libxml2 text reader over bytes that the stream itself hands to the
 * parser (so it counts them and nothing is decompressed behind its back),
 * with the options chosen for untrusted input, an optional schema that
 * validates the document as it streams in, and its problems collected as
 * one line each, "NAME:LINE: what is wrong".
 */
#pragma once

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "kedja-exchange-private.h"

G_BEGIN_DECLS

/* libxml2 has no g_autoptr support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)

/* libxml2 2.12 made the error passed to handlers const. */
#if LIBXML_VERSION >= 21200
#define KEDJA_XML_ERROR_CONST const
#else
#define KEDJA_XML_ERROR_CONST
#endif

/* After this many problems a document is not worth reading further: the
 * list would only grow with a hostile file. */
#define KEDJA_EXCHANGE_MAX_PROBLEMS 200

typedef struct _KedjaXmlStream KedjaXmlStream;

/* Opens @path for reading. A file that is missing, not a regular file,
 * empty or larger than the limit is refused here, before any parsing. */
KedjaXmlStream  *_kedja_xml_stream_new_for_file  (const char      *path,
                                                  GError         **error);
/* @name: what messages call the document (a file name, or "document") */
KedjaXmlStream  *_kedja_xml_stream_new_for_bytes (GBytes          *data,
                                                  const char      *name,
                                                  GError         **error);
void             _kedja_xml_stream_free          (KedjaXmlStream  *stream);

/* Validates the document against @schema as it is read. Call before the
 * first _kedja_xml_stream_next(); @schema must outlive the stream. */
gboolean         _kedja_xml_stream_set_schema    (KedjaXmlStream  *stream,
                                                  xmlSchemaPtr     schema,
                                                  GError         **error);

/* Moves to the next node. Returns %FALSE at the end of the document or
 * when it cannot be read further (a problem of code UNUSABLE or UNSAFE is
 * then queued). A schema problem (code INVALID) is queued without
 * stopping. The stream refuses a DOCTYPE, elements nested deeper than the
 * limit and more bytes than the limit; and it never ends without a
 * problem on a document the parser or the schema did not accept. */
gboolean         _kedja_xml_stream_next          (KedjaXmlStream  *stream);
/* Returns: (transfer full) (nullable): the oldest problem not yet taken,
 * its message "NAME:LINE: what is wrong". */
GError          *_kedja_xml_stream_take_problem  (KedjaXmlStream  *stream);

xmlTextReaderPtr _kedja_xml_stream_get_reader    (KedjaXmlStream  *stream);
const char      *_kedja_xml_stream_get_name      (KedjaXmlStream  *stream);
/* The line of the current node (where its start tag ends). */
int              _kedja_xml_stream_get_line      (KedjaXmlStream  *stream);
/* Returns: (transfer full) (nullable): the value of an unqualified
 * attribute of the current element. */
char            *_kedja_xml_stream_get_attribute (KedjaXmlStream  *stream,
                                                  const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaXmlStream, _kedja_xml_stream_free)

/* Compiles the XSD at @path; its imports (xs:import, xs:include) are
 * loaded only from the folder @path is in, and only while compiling. */
xmlSchemaPtr     _kedja_exchange_compile_schema_file (const char  *path,
                                                      GError     **error);

/* The limits in force: KEDJA_EXCHANGE_MAX_BYTES and _MAX_DEPTH unless a
 * test set others. */
gsize            _kedja_exchange_get_max_bytes   (void);
guint            _kedja_exchange_get_max_depth   (void);

/* For tests only: other limits than KEDJA_EXCHANGE_MAX_BYTES and
 * KEDJA_EXCHANGE_MAX_DEPTH (0 restores the default), so that the limits
 * can be tested without half a gigabyte. */
void             _kedja_exchange_set_limits      (gsize            max_bytes,
                                                  guint            max_depth);

G_END_DECLS
