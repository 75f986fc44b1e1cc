/* kedja-fhir.h — a plan as an HL7 FHIR R4 XML Bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For regional health-care partners whose systems speak FHIR: a Bundle of
 * type collection with the Patient, an Organization per agency, a CareTeam,
 * Goals, Consents and the CarePlan whose activities are the steps. The
 * mapping is documented in docs/fhir-mapping.md.
 */
#pragma once

#include <glib.h>

#include "kedja-core.h"
#include "kedja-exchange.h"

G_BEGIN_DECLS

/* The extension that carries a handover, which FHIR has no element for. */
#define KEDJA_FHIR_HANDOVER_EXTENSION "https://kedja.invalid/fhir/StructureDefinition/handover"

typedef struct {
  gint64    exported;  /* Bundle.timestamp, UTC; negative leaves it out */
  KedjaDate today;     /* the day consents are judged on (active or not) */
} KedjaFhirWriteOptions;

/* The Bundle for one plan. A client with a protected identity is written
 * without name, identity number or district, whatever the caller asks. */
GBytes *kedja_fhir_write_plan (const KedjaPlan             *plan,
                               const KedjaFhirWriteOptions *options,
                               GError                     **error);

G_END_DECLS
