/* kedja-exchange.h — XML in and out of Kedja: SIP 1.0 and FHIR R4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code in Kedja that touches XML. It turns plans into documents
 * and documents into plans; the caller (the CLI or the app) saves them
 * with the store.
 */
#pragma once

#include <glib.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_EXCHANGE_ERROR (kedja_exchange_error_quark ())

typedef enum {
  KEDJA_EXCHANGE_ERROR_UNUSABLE,  /* cannot be read as a document at all: missing, empty,
                                   * not XML, too large, or of an unknown kind */
  KEDJA_EXCHANGE_ERROR_UNSAFE,    /* a DOCTYPE or entity declarations: refused unread */
  KEDJA_EXCHANGE_ERROR_INVALID,   /* breaks the schema or a rule of the format */
  KEDJA_EXCHANGE_ERROR_IO,        /* cannot be written */
  KEDJA_EXCHANGE_ERROR_FAILED,
} KedjaExchangeError;

GQuark kedja_exchange_error_quark (void);

typedef enum {
  KEDJA_DOCUMENT_UNKNOWN,
  KEDJA_DOCUMENT_SIP,   /* root sip or sip-collection in urn:kedja:sip:1 */
  KEDJA_DOCUMENT_FHIR,  /* root in http://hl7.org/fhir */
} KedjaDocumentKind;

/* Makes libxml2 safe for files from elsewhere, once per process: no
 * network, no external entities or DTDs from anywhere. Every entry point
 * of this library calls it; calling it again does nothing. */
void     kedja_exchange_init          (void);

/* Writes @data to @path as a new file readable by its owner only (0600),
 * through a temporary file in the same folder that is renamed into place
 * once complete, so a reader never sees half a file. */
gboolean kedja_exchange_write_file    (const char  *path,
                                       GBytes      *data,
                                       GError     **error);

/* Checks a file against its schema without importing it. The kind is found
 * from the root element's namespace. SIP files are checked against the
 * bundled schema and the rules a schema cannot state; FHIR files against
 * the HL7 schema at @fhir_schema_path (%NULL: FHIR files are unusable, with
 * a message that says why).
 *
 * Returns %TRUE when valid. When the file is invalid, returns %FALSE with
 * one line per problem in @problems ("FILE:LINE: what is wrong"); when it
 * cannot be read at all, returns %FALSE with @error set. */
gboolean kedja_exchange_validate_file (const char        *path,
                                       const char        *fhir_schema_path,
                                       KedjaDocumentKind *out_kind,
                                       GPtrArray         *problems,
                                       GError           **error);

G_END_DECLS
