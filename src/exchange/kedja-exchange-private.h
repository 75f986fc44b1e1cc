/* kedja-exchange-private.h — shared inside libkedja-exchange only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "kedja-exchange.h"

G_BEGIN_DECLS

#define KEDJA_SIP_NAMESPACE  "urn:kedja:sip:1"
#define KEDJA_FHIR_NAMESPACE "http://hl7.org/fhir"

/* The most a document may be, and the deepest its elements may nest: a
 * city's plans are tens of megabytes and SIP nests six levels deep. */
#define KEDJA_EXCHANGE_MAX_BYTES (512 * 1024 * 1024)
#define KEDJA_EXCHANGE_MAX_DEPTH 32

/* The SIP schema, compiled once from the resource and kept. */
xmlSchemaPtr _kedja_exchange_get_sip_schema   (GError        **error);

/* One line for a libxml2 error: "NAME:LINE: message", translated where
 * Kedja has its own words for it. */
char        *_kedja_exchange_describe_error   (const char     *name,
                                               const xmlError *error);

/* Validates a file that was just written against the SIP schema, as a
 * stream (never as a tree). On failure @error says why, naming the line. */
gboolean     _kedja_exchange_validate_sip_file (const char    *path,
                                                GError       **error);

/* A hidden file 0600 beside @path, for writing and then renaming into
 * place. Returns its descriptor, or -1 with @error set. */
int          _kedja_exchange_open_beside       (const char    *path,
                                                char         **out_tmp_path,
                                                GError       **error);

G_END_DECLS
