/* kedja-fhir-private.h — the FHIR writer's parts, inside libkedja-exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kedja-fhir-writer.c maps a plan to resources; it writes them with the
 * datatype helpers of kedja-fhir-xml.c, names them with the ids of
 * kedja-fhir-ids.c and, for a client with a protected identity, lets free
 * text leave only through kedja_name_filter_text().
 */
#pragma once

#include <libxml/xmlwriter.h>

#include "kedja-core.h"

G_BEGIN_DECLS

/* Writing FHIR XML (kedja-fhir-xml.c). FHIR XML puts every primitive in a
 * value attribute, and the R4 schema is a strict sequence everywhere: the
 * caller writes children in the order of their complexType. After the
 * first failure, in @error, nothing more is written, so a writer can go on
 * calling and look once at the end. */
typedef struct {
  xmlTextWriterPtr xml;
  const char      *part;   /* what is being written, for messages: "the steps" */
  GError          *error;
} KedjaFhirXml;

void     _kedja_fhir_check            (KedjaFhirXml *x,
                                       int           rc);
void     _kedja_fhir_start            (KedjaFhirXml *x,
                                       const char   *name);
void     _kedja_fhir_end              (KedjaFhirXml *x);
void     _kedja_fhir_attribute        (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *value);
/* @value: (nullable): %NULL writes nothing. Text XML cannot carry (not
 * UTF-8, control characters) is an error of code INVALID. */
void     _kedja_fhir_primitive        (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *value);
/* Text people wrote: trimmed; blank or %NULL writes nothing. */
void     _kedja_fhir_string           (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *text);
/* KEDJA_DATE_NONE writes nothing. */
void     _kedja_fhir_date             (KedjaFhirXml *x,
                                       const char   *name,
                                       KedjaDate     day);
void     _kedja_fhir_coding           (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *system,
                                       const char   *code,
                                       const char   *display);
/* A CodeableConcept of one coding. */
void     _kedja_fhir_concept          (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *system,
                                       const char   *code,
                                       const char   *display);
/* A Reference to the entry whose fullUrl is urn:uuid:@uuid. */
void     _kedja_fhir_reference        (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *uuid,
                                       const char   *display);
/* A Reference to someone known only by name, typed when @type is given. */
void     _kedja_fhir_person           (KedjaFhirXml *x,
                                       const char   *name,
                                       const char   *type,
                                       const char   *display);
/* An official Identifier. */
void     _kedja_fhir_identifier       (KedjaFhirXml *x,
                                       const char   *system,
                                       const char   *value);
/* Whole days, both inclusive; nothing when neither end is given. */
void     _kedja_fhir_period           (KedjaFhirXml *x,
                                       const char   *name,
                                       KedjaDate     start,
                                       KedjaDate     end);
/* Opens an extension; the caller writes its value or sub-extensions and
 * ends it. */
void     _kedja_fhir_start_extension  (KedjaFhirXml *x,
                                       const char   *url);
void     _kedja_fhir_extension_date   (KedjaFhirXml *x,
                                       const char   *url,
                                       KedjaDate     day);
void     _kedja_fhir_extension_string (KedjaFhirXml *x,
                                       const char   *url,
                                       const char   *text);
/* Opens entry, its fullUrl, resource, the resource's element and its id;
 * _kedja_fhir_end_entry() closes the three elements. */
void     _kedja_fhir_start_entry      (KedjaFhirXml *x,
                                       const char   *type,
                                       const char   *uuid);
void     _kedja_fhir_end_entry        (KedjaFhirXml *x);

/* Resource ids (kedja-fhir-ids.c): every resource and every activity of
 * one plan's Bundle, handed out at once and unique within it. */
typedef struct _KedjaFhirIds KedjaFhirIds;

KedjaFhirIds *_kedja_fhir_ids_new     (const KedjaPlan *plan);
void          _kedja_fhir_ids_free    (KedjaFhirIds    *ids);
/* @kind: "plan", "client", "agency", "goal", "step", "care-team" or
 * "own-goal" (the last two with @model_id ""). */
const char   *_kedja_fhir_ids_get     (KedjaFhirIds    *ids,
                                       const char      *kind,
                                       const char      *model_id);
/* The id of the consent at @index in plan->consents. */
const char   *_kedja_fhir_ids_consent (KedjaFhirIds    *ids,
                                       guint            index);
/* A name-based UUID (RFC 4122 version 5) of @name in the namespace
 * @namespace_uuid. */
char         *_kedja_fhir_derive_uuid (const char      *namespace_uuid,
                                       const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaFhirIds, _kedja_fhir_ids_free)

G_END_DECLS
