/* kedja-sip-writer-private.h — the parts of the SIP writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kedja-sip-document.c turns plans into elements, kedja-sip-validator.c
 * checks the bytes against the schema as they are written, and
 * kedja-sip-writer.c puts them together into files and memory.
 */
#pragma once

#include <libxml/xmlwriter.h>

#include "kedja-sip.h"

G_BEGIN_DECLS

/* The elements of SIP 1.0 as they are written: one document. */
typedef struct {
  xmlTextWriterPtr      xml;
  gboolean              broken;  /* some libxml2 call failed */
  KedjaDate             today;
  KedjaAnalysisSettings settings;
  char                  exported[sizeof "YYYY-MM-DDThh:mm:ssZ"];  /* "" to leave out */
  char                  language[16];                              /* "" to leave out */
  GArray               *findings;  /* (element-type KedjaFinding): reused for every plan */
  GString              *scratch;
} KedjaSipDocument;

/* Starts a document on @out (taken over: freed with the document). Fails
 * only for an export time SIP cannot hold. */
gboolean _kedja_sip_document_init             (KedjaSipDocument           *doc,
                                               xmlOutputBufferPtr          out,
                                               const KedjaSipWriteOptions *options,
                                               GError                    **error);
void     _kedja_sip_document_start_collection (KedjaSipDocument           *doc);
/* @root: the plan is the document's root (declares the namespace). */
void     _kedja_sip_document_write_plan       (KedjaSipDocument           *doc,
                                               const KedjaPlan            *plan,
                                               gboolean                    root);
/* Closes what is open and flushes the output. */
void     _kedja_sip_document_end              (KedjaSipDocument           *doc);
void     _kedja_sip_document_clear            (KedjaSipDocument           *doc);

/*
 * Checks a document against the SIP schema while it is being written: the
 * bytes go through a push parser with the schema's validation plugged in
 * (xmlSchemaSAXPlug), so nothing is read back and no tree is built. With
 * @threaded the parsing runs in a thread of its own beside the writing;
 * otherwise it all happens in _kedja_sip_validator_finish().
 */
typedef struct _KedjaSipValidator KedjaSipValidator;

/* @name: (nullable): how errors name the document ("plans.xml:12: …");
 * %NULL for a document that has no name */
KedjaSipValidator *_kedja_sip_validator_new    (const char        *name,
                                                gboolean           threaded,
                                                GError           **error);
/* Hands over the next bytes of the document; may wait while the parser
 * catches up, so that memory stays bounded. */
void               _kedja_sip_validator_feed   (KedjaSipValidator *validator,
                                                GBytes            *chunk);
/* The document is complete: %TRUE when it is valid, else %FALSE with
 * @error naming the first problem (KEDJA_EXCHANGE_ERROR_INVALID). */
gboolean           _kedja_sip_validator_finish (KedjaSipValidator *validator,
                                                GError           **error);
void               _kedja_sip_validator_free   (KedjaSipValidator *validator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaSipValidator, _kedja_sip_validator_free)

G_END_DECLS
