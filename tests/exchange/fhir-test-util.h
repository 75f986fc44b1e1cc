/* fhir-test-util.h — plans, HL7's schema and XPath for the FHIR writer's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-fhir-schema.c checks Bundles against HL7's own R4 schema;
 * test-fhir-content.c reads them back with libxml2 and XPath. Both write
 * the same plans, made by hand here with fixed ids, so that a test can
 * find each record in the Bundle.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

#define TODAY    D (2026, 10, 1)
#define EXPORTED G_GINT64_CONSTANT (1790000000)  /* 2026-09-21T14:13:20Z */

#define PLAN_ID    "51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42"
#define CLIENT_ID  "2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20"
#define SOCIAL_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a01"
#define CLINIC_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a02"
#define HOME_ID    "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a03"
#define HOUSING_ID "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a04"
#define PEER_ID    "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a05"
#define WORK_ID    "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a06"
#define DETOX_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b01"
#define TREAT_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02"
#define FLAT_ID    "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03"
#define JOB_ID     "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b04"
#define GROUP_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b05"
#define CHECK_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b06"
#define G_HOME_ID  "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"
#define G_USE_ID   "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c02"
#define G_WORK_ID  "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c03"

#define PROTECTED_NAME     "Nora Kask"
#define PROTECTED_NUMBER   "19460101-1234"
#define PROTECTED_DISTRICT "Tynnered"

/* Plans: each helper adds a record to @plan, and returns it where a test
 * may want to set more of it. */

KedjaAgency   *agency                        (KedjaPlan       *plan,
                                              const char      *id,
                                              const char      *name,
                                              KedjaAgencyKind  kind);
KedjaStep     *step                          (KedjaPlan       *plan,
                                              const char      *id,
                                              KedjaPhase       phase,
                                              const char      *title,
                                              const char      *agency_id,
                                              KedjaStepStatus  status,
                                              KedjaDate        start,
                                              KedjaDate        end);
void           participant                   (KedjaPlan       *plan,
                                              KedjaRole        role,
                                              const char      *agency_id,
                                              const char      *name);
KedjaConsent  *consent                       (KedjaPlan       *plan,
                                              const char      *agency_id,
                                              KedjaDate        given,
                                              KedjaConsentForm form);
KedjaGoal     *goal                          (KedjaPlan       *plan,
                                              const char      *id,
                                              KedjaDomain      domain,
                                              const char      *statement,
                                              KedjaGoalStatus  status);

/* Every field of the model set (see fhir-test-util.c). */
KedjaPlan     *make_full_plan                (void);
/* A protected identity, named also in the free text people write. */
KedjaPlan     *make_protected_plan           (void);
/* The full plan with nobody holding the coordinating responsibility. */
KedjaPlan     *make_plan_without_coordinator (void);
/* Short ids, local to the document, as another system writes them. */
KedjaPlan     *make_plan_with_local_ids      (void);

/* The Bundle of @plan, exported at EXPORTED, on @today or TODAY; any
 * error fails the test. */
GBytes        *write_plan_on                 (const KedjaPlan *plan,
                                              KedjaDate        today);
GBytes        *write_plan                    (const KedjaPlan *plan);

/* The schema: $KEDJA_FHIR_SCHEMA, or NULL when that file is not there. */
const char    *schema_path                   (void);
/* Compiled on the first call, which must come before the exchange library
 * is used: from then on it refuses the schema's own imports. */
xmlSchemaPtr   fhir_schema                   (void);
/* TRUE when the schema is there; otherwise the test is skipped. */
gboolean       have_schema                   (void);
/* TRUE when the schema accepts @bytes; otherwise @problems says why. */
gboolean       schema_accepts                (GBytes          *bytes,
                                              GString         *problems);
void           assert_schema_valid           (GBytes          *bytes);

/* Reading a Bundle back, with the prefix f: for FHIR's namespace. */

typedef struct {
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
} Bundle;

Bundle        *bundle_read                   (GBytes          *bytes);
void           bundle_free                   (Bundle          *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bundle, bundle_free)

/* The string value of an XPath expression ("" when nothing matches). */
char          *xp                            (Bundle          *b,
                                              const char      *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* The number of nodes an XPath expression matches. */
int            xp_count                      (Bundle          *b,
                                              const char      *format,
                                              ...) G_GNUC_PRINTF (2, 3);

#define assert_xp(b, expected, ...)            \
  G_STMT_START {                               \
    g_autofree char *_v = xp (b, __VA_ARGS__); \
    g_assert_cmpstr (_v, ==, expected);        \
  } G_STMT_END

G_END_DECLS
