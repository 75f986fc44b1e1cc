/* test-fhir.c — plans as HL7 FHIR R4 Bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of case. /exchange/fhir/schema/… check Bundles against HL7's
 * own R4 schema, named by $KEDJA_FHIR_SCHEMA (tests/meson.build points it
 * at ../shared/fhir-r4/fhir-single.xsd), and are skipped when it is not
 * there. The rest read the Bundle back with libxml2 and XPath and assert
 * what a partner's system relies on; they need no schema.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-fhir.h"

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

#define KEDJA_CS "https://kedja.invalid/fhir/CodeSystem/"

/* Plans */

static KedjaAgency *
agency (KedjaPlan      *plan,
        const char     *id,
        const char     *name,
        KedjaAgencyKind kind)
{
  KedjaAgency *a = kedja_agency_new (id, name, kind);

  g_ptr_array_add (plan->agencies, a);
  return a;
}

static KedjaStep *
step (KedjaPlan       *plan,
      const char      *id,
      KedjaPhase       phase,
      const char      *title,
      const char      *agency_id,
      KedjaStepStatus  status,
      KedjaDate        start,
      KedjaDate        end)
{
  KedjaStep *s = kedja_step_new (id, phase, title);

  s->agency_id = g_strdup (agency_id);
  s->status = status;
  s->planned_start = start;
  s->planned_end = end;
  g_ptr_array_add (plan->steps, s);
  return s;
}

static void
participant (KedjaPlan  *plan,
             KedjaRole   role,
             const char *agency_id,
             const char *name)
{
  g_ptr_array_add (plan->participants, kedja_participant_new (role, agency_id, name));
}

static KedjaConsent *
consent (KedjaPlan       *plan,
         const char      *agency_id,
         KedjaDate        given,
         KedjaConsentForm form)
{
  KedjaConsent *c = kedja_consent_new (agency_id, given, form);

  g_ptr_array_add (plan->consents, c);
  return c;
}

static KedjaGoal *
goal (KedjaPlan      *plan,
      const char     *id,
      KedjaDomain     domain,
      const char     *statement,
      KedjaGoalStatus status)
{
  KedjaGoal *g = kedja_goal_new (id, domain, statement);

  g->status = status;
  g_ptr_array_add (plan->goals, g);
  return g;
}

/* Every field of the model set: a client with a personal identity number,
 * six agencies, every role, consents in force, withdrawn and expired,
 * goals of every status, a step of every status (one open-ended), KVÅ, KSI
 * and free-text codes, handovers confirmed and not. */
static KedjaPlan *
make_full_plan (void)
{
  KedjaClient *client = kedja_client_new (CLIENT_ID, "Åsa Öberg");
  KedjaPlan *plan;
  KedjaAgency *a;
  KedjaStep *s;
  KedjaConsent *c;
  KedjaHandover *h;
  KedjaMeeting *meeting;

  client->personal_number = g_strdup ("19811218-9876");
  client->district = g_strdup ("Angered");
  client->children_under_18 = 2;
  client->relatives_involved = TRUE;

  plan = kedja_plan_new (PLAN_ID, client, "SIP för Åsa");
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->revision = 3;
  plan->created = D (2026, 8, 20);
  plan->need_recorded = D (2026, 8, 15);
  plan->own_goal = g_strdup ("Jag vill bo i en egen lägenhet & träffa mina barn <3");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 10);

  a = agency (plan, SOCIAL_ID, "Socialtjänsten Angered", KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  a->org_number = g_strdup ("212000-1355");
  a->contact = g_strdup ("031-365 00 00, socialtjansten@angered.example");
  a = agency (plan, CLINIC_ID, "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE);
  a->hsa_id = g_strdup ("SE2321000131-E000000000001");
  agency (plan, HOME_ID, "Lövsta gård", KEDJA_AGENCY_KIND_OTHER);
  agency (plan, HOUSING_ID, "Bostadsbolaget", KEDJA_AGENCY_KIND_HOUSING);
  agency (plan, PEER_ID, "Solrosen", KEDJA_AGENCY_KIND_CIVIL_SOCIETY);
  agency (plan, WORK_ID, "Arbetsförmedlingen", KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE);

  participant (plan, KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind");
  participant (plan, KEDJA_ROLE_PARTICIPANT, CLINIC_ID, "Per Sund");
  participant (plan, KEDJA_ROLE_PARTICIPANT, HOUSING_ID, NULL);
  participant (plan, KEDJA_ROLE_CLIENT, NULL, "Åsa Öberg");
  participant (plan, KEDJA_ROLE_RELATIVE, NULL, "Bertil Öberg");
  participant (plan, KEDJA_ROLE_PEER_SUPPORTER, PEER_ID, NULL);

  c = consent (plan, CLINIC_ID, D (2026, 8, 20), KEDJA_CONSENT_FORM_WRITTEN);
  c->expires = D (2027, 8, 20);
  c->exclusion = g_strdup ("Inget om mina barn");
  c = consent (plan, HOME_ID, D (2026, 8, 20), KEDJA_CONSENT_FORM_ORAL);
  c->withdrawn = D (2026, 9, 15);
  c = consent (plan, HOUSING_ID, D (2025, 1, 1), KEDJA_CONSENT_FORM_WRITTEN);
  c->expires = D (2026, 1, 1);

  goal (plan, G_HOME_ID, KEDJA_DOMAIN_HOUSING, "Egen lägenhet", KEDJA_GOAL_STATUS_ACTIVE)
    ->target = D (2027, 6, 1);
  goal (plan, G_USE_ID, KEDJA_DOMAIN_SUBSTANCE_USE, "Inga återfall", KEDJA_GOAL_STATUS_REACHED);
  goal (plan, G_WORK_ID, KEDJA_DOMAIN_OCCUPATION, "Praktik", KEDJA_GOAL_STATUS_DROPPED);

  s = step (plan, DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning", CLINIC_ID,
            KEDJA_STEP_STATUS_COMPLETED, D (2026, 9, 1), D (2026, 9, 10));
  s->actual_start = D (2026, 9, 2);
  s->actual_end = D (2026, 9, 11);
  s->setting = KEDJA_CARE_SETTING_INPATIENT;
  s->code = g_strdup ("DV001");
  s->contact = g_strdup ("Per Sund");
  s->note = g_strdup ("Inskrivning via akuten");
  s = step (plan, TREAT_ID, KEDJA_PHASE_TREATMENT, "Behandlingshem", HOME_ID,
            KEDJA_STEP_STATUS_ONGOING, D (2026, 9, 12), D (2026, 12, 4));
  s->actual_start = D (2026, 9, 12);
  s->setting = KEDJA_CARE_SETTING_INPATIENT;
  s->code = g_strdup ("SAB.TB.ZZ");
  g_ptr_array_add (s->goal_ids, g_strdup (G_USE_ID));
  s = step (plan, FLAT_ID, KEDJA_PHASE_HOUSING, "Träningslägenhet", HOUSING_ID,
            KEDJA_STEP_STATUS_PLANNED, D (2026, 12, 5), KEDJA_DATE_NONE);
  g_ptr_array_add (s->goal_ids, g_strdup (G_HOME_ID));
  s = step (plan, JOB_ID, KEDJA_PHASE_EMPLOYMENT, "Arbetsträning", WORK_ID,
            KEDJA_STEP_STATUS_BOOKED, D (2027, 1, 10), D (2027, 3, 31));
  s->code = g_strdup ("arbetsträning (lokal kod)");
  g_ptr_array_add (s->goal_ids, g_strdup (G_WORK_ID));
  s = step (plan, GROUP_ID, KEDJA_PHASE_SUPPORT, "Kamratstödsgrupp", PEER_ID,
            KEDJA_STEP_STATUS_INTERRUPTED, D (2026, 9, 15), D (2026, 10, 15));
  s->actual_start = D (2026, 9, 15);
  s->actual_end = D (2026, 9, 30);
  s = step (plan, CHECK_ID, KEDJA_PHASE_HEALTH, "Hälsokontroll", NULL,
            KEDJA_STEP_STATUS_CANCELLED, D (2026, 8, 1), D (2026, 8, 1));
  s->code = g_strdup (" au120 ");

  h = kedja_handover_new (DETOX_ID, TREAT_ID, D (2026, 9, 11));
  h->meeting = D (2026, 9, 8);
  h->confirmed = D (2026, 9, 10);
  h->confirmed_by = g_strdup ("Eva Ek");
  g_ptr_array_add (plan->handovers, h);
  g_ptr_array_add (plan->handovers, kedja_handover_new (TREAT_ID, FLAT_ID, D (2026, 12, 4)));

  meeting = kedja_meeting_new (D (2026, 8, 20));
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  g_ptr_array_add (plan->meetings, meeting);
  g_ptr_array_add (plan->ratings, kedja_rating_new (D (2026, 9, 20), KEDJA_DOMAIN_HOUSING, 4));

  g_assert_true (kedja_plan_validate (plan, NULL));
  return plan;
}

#define PROTECTED_NAME     "Nora Kask"
#define PROTECTED_NUMBER   "19460101-1234"
#define PROTECTED_DISTRICT "Tynnered"

/* A protected identity, with the name, number and district also in the
 * free text that people write: the title, the own goal, a goal, a note, a
 * relative's name. */
static KedjaPlan *
make_protected_plan (void)
{
  KedjaClient *client = kedja_client_new ("7c0e4b1a-5d2f-4e8b-9a3c-1f6d8e2b4a70", PROTECTED_NAME);
  KedjaPlan *plan;
  KedjaStep *s;

  client->protected_identity = TRUE;
  client->personal_number = g_strdup (PROTECTED_NUMBER);
  client->district = g_strdup (PROTECTED_DISTRICT);

  plan = kedja_plan_new ("3b9d2f61-8e4a-4c7b-b5d0-9a1e6c3f2d80", client, "SIP för Nora");
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 9, 1);
  plan->own_goal = g_strdup ("Noras mål: att bo nära sin syster");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");

  agency (plan, SOCIAL_ID, "Socialtjänsten Västra Hisingen", KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  agency (plan, CLINIC_ID, "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE);
  participant (plan, KEDJA_ROLE_CLIENT, NULL, PROTECTED_NAME);
  participant (plan, KEDJA_ROLE_RELATIVE, NULL, "Lisa Kask");
  participant (plan, KEDJA_ROLE_PARTICIPANT, CLINIC_ID, "Per Sund");
  consent (plan, CLINIC_ID, D (2026, 9, 1), KEDJA_CONSENT_FORM_WRITTEN)
    ->exclusion = g_strdup ("Inget om tiden i Tynnered");

  goal (plan, G_HOME_ID, KEDJA_DOMAIN_HOUSING, "Flytta från tynnered", KEDJA_GOAL_STATUS_ACTIVE);
  goal (plan, G_USE_ID, KEDJA_DOMAIN_SUBSTANCE_USE, "Inga återfall", KEDJA_GOAL_STATUS_ACTIVE);

  s = step (plan, DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning", CLINIC_ID,
            KEDJA_STEP_STATUS_PLANNED, D (2026, 10, 5), D (2026, 10, 12));
  s->note = g_strdup ("Ta med 460101-1234 till inskrivningen");
  s = step (plan, TREAT_ID, KEDJA_PHASE_TREATMENT, "Öppenvård för Nora", CLINIC_ID,
            KEDJA_STEP_STATUS_PLANNED, D (2026, 10, 13), KEDJA_DATE_NONE);
  g_ptr_array_add (plan->handovers, kedja_handover_new (DETOX_ID, TREAT_ID, D (2026, 10, 12)));

  g_assert_true (kedja_plan_validate (plan, NULL));
  return plan;
}

/* The full plan with nobody holding the coordinating responsibility. */
static KedjaPlan *
make_plan_without_coordinator (void)
{
  KedjaPlan *plan = make_full_plan ();

  g_clear_pointer (&plan->coordinating_agency_id, g_free);
  g_clear_pointer (&plan->coordinator, g_free);
  g_ptr_array_remove_index (plan->participants, 0);
  return plan;
}

/* Ids as a SIP document written by another system gives them: short,
 * local to the document, and the same local id for a goal and a step. */
static KedjaPlan *
make_plan_with_local_ids (void)
{
  KedjaPlan *plan = kedja_plan_new (PLAN_ID, kedja_client_new (CLIENT_ID, "Åsa Öberg"),
                                    "SIP från annat system");
  KedjaStep *s;

  plan->created = D (2026, 8, 20);
  plan->coordinating_agency_id = g_strdup ("a1");
  agency (plan, "a1", "Socialtjänsten", KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  agency (plan, "a2", "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE);
  consent (plan, "a2", D (2026, 8, 20), KEDJA_CONSENT_FORM_WRITTEN);
  consent (plan, "a2", D (2026, 8, 20), KEDJA_CONSENT_FORM_ORAL);
  goal (plan, "x1", KEDJA_DOMAIN_HEALTH, "Må bättre", KEDJA_GOAL_STATUS_ACTIVE);
  s = step (plan, "x1", KEDJA_PHASE_DETOX, "Avgiftning", "a2",
            KEDJA_STEP_STATUS_PLANNED, D (2026, 9, 1), D (2026, 9, 10));
  g_ptr_array_add (s->goal_ids, g_strdup ("x1"));
  step (plan, "s2", KEDJA_PHASE_TREATMENT, "Öppenvård", "a2",
        KEDJA_STEP_STATUS_PLANNED, D (2026, 9, 11), D (2026, 12, 1));
  g_ptr_array_add (plan->handovers, kedja_handover_new ("x1", "s2", D (2026, 9, 10)));

  g_assert_true (kedja_plan_validate (plan, NULL));
  return plan;
}

static GBytes *
write_plan_on (const KedjaPlan *plan,
               KedjaDate        today)
{
  KedjaFhirWriteOptions options = { .exported = EXPORTED, .today = today };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = kedja_fhir_write_plan (plan, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GBytes *
write_plan (const KedjaPlan *plan)
{
  return write_plan_on (plan, TODAY);
}

/* The schema */

static const char *
schema_path (void)
{
  const char *path = g_getenv ("KEDJA_FHIR_SCHEMA");

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR) ? path : NULL;
}

/* Compiled once, by main (): it is 2.6 MB. It imports xml.xsd and
 * fhir-xhtml.xsd from its own folder, which libxml2 finds relative to the
 * file. */
static xmlSchemaPtr
fhir_schema (void)
{
  static xmlSchemaPtr schema;

  if (schema == NULL)
    {
      xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (schema_path ());

      schema = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
      g_assert_nonnull (schema);
    }
  return schema;
}

static gboolean
have_schema (void)
{
  if (schema_path () != NULL)
    return TRUE;
  g_test_skip ("the HL7 FHIR R4 schema is not beside the project: set KEDJA_FHIR_SCHEMA "
               "to the path of fhir-single.xsd (../shared/fhir-r4/)");
  return FALSE;
}

static void
collect_problem (void       *data,
                 xmlErrorPtr error)
{
  g_string_append_printf (data, "  line %d: %s", error->line, error->message);
}

/* TRUE when the schema accepts @bytes; otherwise @problems says why. */
static gboolean
schema_accepts (GBytes  *bytes,
                GString *problems)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "bundle.xml", NULL, XML_PARSE_NONET);
  xmlSchemaValidCtxtPtr validator;
  int rc;

  g_assert_nonnull (doc);
  validator = xmlSchemaNewValidCtxt (fhir_schema ());
  xmlSchemaSetValidStructuredErrors (validator, collect_problem, problems);
  rc = xmlSchemaValidateDoc (validator, doc);
  xmlSchemaFreeValidCtxt (validator);
  xmlFreeDoc (doc);
  return rc == 0;
}

static void
assert_schema_valid (GBytes *bytes)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  if (!schema_accepts (bytes, problems))
    {
      g_test_message ("The HL7 R4 schema refuses the Bundle:\n%s\n%.*s", problems->str,
                      (int) g_bytes_get_size (bytes),
                      (const char *) g_bytes_get_data (bytes, NULL));
      g_test_fail ();
    }
}

/* Reading a Bundle back */

typedef struct {
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
} Bundle;

static Bundle *
bundle_read (GBytes *bytes)
{
  Bundle *b = g_new0 (Bundle, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  b->doc = xmlReadMemory (data, (int) size, "bundle.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (b->doc);
  b->xpath = xmlXPathNewContext (b->doc);
  xmlXPathRegisterNs (b->xpath, BAD_CAST "f", BAD_CAST "http://hl7.org/fhir");
  return b;
}

static void
bundle_free (Bundle *b)
{
  xmlXPathFreeContext (b->xpath);
  xmlFreeDoc (b->doc);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bundle, bundle_free)

static xmlXPathObjectPtr
evaluate (Bundle     *b,
          const char *format,
          va_list     args) G_GNUC_PRINTF (2, 0);

static xmlXPathObjectPtr
evaluate (Bundle     *b,
          const char *format,
          va_list     args)
{
  g_autofree char *expression = g_strdup_vprintf (format, args);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, b->xpath);

  if (result == NULL)
    g_error ("bad XPath: %s", expression);
  return result;
}

/* The string value of an XPath expression ("" when nothing matches). */
static char *
xp (Bundle     *b,
    const char *format,
    ...) G_GNUC_PRINTF (2, 3);

static char *
xp (Bundle     *b,
    const char *format,
    ...)
{
  va_list args;
  xmlXPathObjectPtr result;
  xmlChar *value;
  char *copy;

  va_start (args, format);
  result = evaluate (b, format, args);
  va_end (args);
  value = xmlXPathCastToString (result);
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  xmlXPathFreeObject (result);
  return copy;
}

static int
xp_count (Bundle     *b,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static int
xp_count (Bundle     *b,
          const char *format,
          ...)
{
  va_list args;
  xmlXPathObjectPtr result;
  int n;

  va_start (args, format);
  result = evaluate (b, format, args);
  va_end (args);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

#define assert_xp(b, expected, ...)            \
  G_STMT_START {                               \
    g_autofree char *_v = xp (b, __VA_ARGS__); \
    g_assert_cmpstr (_v, ==, expected);        \
  } G_STMT_END

/* Every urn:uuid: reference names an entry of the Bundle, every fullUrl
 * is unique and its resource's id is its UUID; every handover names an
 * activity of the plan. */
static void
assert_references_resolve (Bundle *b)
{
  g_autoptr(GHashTable) urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int entries = xp_count (b, "/f:Bundle/f:entry");
  int references = xp_count (b, "//f:reference[@value]");
  int handovers = xp_count (b, "//f:extension[@url='" KEDJA_FHIR_HANDOVER_EXTENSION "']");

  g_assert_cmpint (entries, >, 0);
  for (int i = 1; i <= entries; i++)
    {
      char *url = xp (b, "/f:Bundle/f:entry[%d]/f:fullUrl/@value", i);
      g_autofree char *id = xp (b, "/f:Bundle/f:entry[%d]/f:resource/*/f:id/@value", i);

      g_assert_true (g_str_has_prefix (url, "urn:uuid:"));
      g_assert_true (g_uuid_string_is_valid (url + strlen ("urn:uuid:")));
      g_assert_cmpstr (url + strlen ("urn:uuid:"), ==, id);
      g_assert_true (g_hash_table_add (urls, url));
    }

  for (int i = 1; i <= references; i++)
    {
      g_autofree char *url = xp (b, "(//f:reference[@value])[%d]/@value", i);
      g_assert_true (g_hash_table_contains (urls, url));
    }

  for (int i = 1, n = xp_count (b, "//f:CarePlan/f:activity"); i <= n; i++)
    {
      char *id = xp (b, "//f:CarePlan/f:activity[%d]/@id", i);

      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_false (g_hash_table_contains (urls, id));
      g_assert_true (g_hash_table_add (activities, id));
    }
  for (int i = 1; i <= handovers; i++)
    {
      g_autofree char *to = xp (b, "(//f:extension[@url='" KEDJA_FHIR_HANDOVER_EXTENSION "'])[%d]"
                                   "/f:extension[@url='to']/f:valueString/@value", i);
      g_assert_true (g_hash_table_contains (activities, to));
    }
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_text, folded_needle) != NULL;
}

/* Schema cases */

static void
test_schema_full (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);

  /* A draft and a closed plan map their statuses differently. */
  for (KedjaPlanStatus status = KEDJA_PLAN_STATUS_DRAFT;
       status <= KEDJA_PLAN_STATUS_CLOSED; status++)
    {
      g_autoptr(GBytes) other = NULL;

      plan->status = status;
      other = write_plan (plan);
      assert_schema_valid (other);
    }
}

static void
test_schema_protected (void)
{
  g_autoptr(KedjaPlan) plan = make_protected_plan ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);
}

static void
test_schema_no_coordinator (void)
{
  g_autoptr(KedjaPlan) plan = make_plan_without_coordinator ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);
}

static void
test_schema_local_ids (void)
{
  g_autoptr(KedjaPlan) plan = make_plan_with_local_ids ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);
}

/* The smallest plan the model allows: no agencies, steps or goals, and no
 * timestamp. */
static void
test_schema_minimal (void)
{
  g_autoptr(KedjaPlan) plan = kedja_plan_new (PLAN_ID, kedja_client_new (CLIENT_ID, "Åsa"), "SIP");
  KedjaFhirWriteOptions options = { .exported = -1, .today = TODAY };
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  plan->created = D (2026, 8, 20);
  bytes = kedja_fhir_write_plan (plan, &options, NULL);
  g_assert_nonnull (bytes);
  assert_schema_valid (bytes);
}

static void
test_schema_demo (void)
{
  g_autoptr(KedjaDemoData) data = kedja_demo_generate (20, 1, TODAY);

  if (!have_schema ())
    return;
  g_assert_cmpuint (data->plans->len, ==, 20);
  for (guint i = 0; i < data->plans->len; i++)
    {
      g_autoptr(GBytes) bytes = write_plan (g_ptr_array_index (data->plans, i));
      assert_schema_valid (bytes);
    }
}

/* The check above can fail: a Bundle with its elements out of order, or a
 * code outside its value set, is refused. */
static void
test_schema_catches_invalid (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(Bundle) b = NULL;
  xmlNodePtr root, type;
  xmlChar *text = NULL;
  int size = 0;
  g_autoptr(GBytes) reordered = NULL;
  g_autofree char *bad_code = NULL;
  g_autoptr(GBytes) miscoded = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  g_assert_true (schema_accepts (bytes, problems));

  /* Bundle.type moved before Bundle.identifier. */
  b = bundle_read (bytes);
  root = xmlDocGetRootElement (b->doc);
  for (type = root->children; type != NULL; type = type->next)
    if (type->type == XML_ELEMENT_NODE && xmlStrEqual (type->name, BAD_CAST "type"))
      break;
  g_assert_nonnull (type);
  xmlUnlinkNode (type);
  xmlAddPrevSibling (xmlFirstElementChild (root), type);
  xmlDocDumpMemoryEnc (b->doc, &text, &size, "UTF-8");
  reordered = g_bytes_new (text, size);
  xmlFree (text);
  g_assert_false (schema_accepts (reordered, problems));

  /* A CarePlan intent that R4 does not have. */
  bad_code = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (bad_code, "<intent value=\"plan\"/>"));
  memcpy (strstr (bad_code, "<intent value=\"plan\"/>"), "<intent value=\"plot\"/>",
          strlen ("<intent value=\"plot\"/>"));
  miscoded = g_bytes_new (bad_code, strlen (bad_code));
  g_string_truncate (problems, 0);
  g_assert_false (schema_accepts (miscoded, problems));
  g_assert_nonnull (strstr (problems->str, "plot"));
}

/* Content cases */

static void
test_patient (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);

  assert_xp (b, "collection", "/f:Bundle/f:type/@value");
  assert_xp (b, "urn:uuid:" PLAN_ID, "/f:Bundle/f:identifier/f:value/@value");
  assert_xp (b, "2026-09-21T14:13:20Z", "/f:Bundle/f:timestamp/@value");
  g_assert_cmpint (xp_count (b, "//f:Patient"), ==, 1);
  assert_xp (b, CLIENT_ID, "//f:Patient/f:id/@value");
  assert_xp (b, "http://electronichealth.se/identifier/personnummer",
             "//f:Patient/f:identifier/f:system/@value");
  assert_xp (b, "198112189876", "//f:Patient/f:identifier/f:value/@value");
  assert_xp (b, "Åsa Öberg", "//f:Patient/f:name/f:text/@value");
  assert_xp (b, "Angered", "//f:Patient/f:address/f:district/@value");
  assert_xp (b, "true", "//f:Patient/f:active/@value");
  g_assert_cmpint (xp_count (b, "//f:meta/f:security"), ==, 0);
  assert_references_resolve (b);
}

static void
test_coordination_number (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Bundle) b = NULL;

  g_free (plan->client->personal_number);
  plan->client->personal_number = g_strdup ("19701063-2342");
  bytes = write_plan (plan);
  b = bundle_read (bytes);
  assert_xp (b, "http://electronichealth.se/identifier/samordningsnummer",
             "//f:Patient/f:identifier/f:system/@value");
  assert_xp (b, "197010632342", "//f:Patient/f:identifier/f:value/@value");
}

static void
test_organizations (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);

  g_assert_cmpint (xp_count (b, "//f:Organization"), ==, 6);
  assert_xp (b, "urn:oid:1.2.752.29.4.19",
             "//f:Organization[f:id/@value='" CLINIC_ID "']/f:identifier/f:system/@value");
  assert_xp (b, "SE2321000131-E000000000001",
             "//f:Organization[f:id/@value='" CLINIC_ID "']/f:identifier/f:value/@value");
  assert_xp (b, "urn:oid:2.5.4.97",
             "//f:Organization[f:id/@value='" SOCIAL_ID "']/f:identifier/f:system/@value");
  assert_xp (b, "2120001355",
             "//f:Organization[f:id/@value='" SOCIAL_ID "']/f:identifier/f:value/@value");
  assert_xp (b, KEDJA_CS "agency-kind",
             "//f:Organization[f:id/@value='" SOCIAL_ID "']/f:type/f:coding/f:system/@value");
  assert_xp (b, "social-services",
             "//f:Organization[f:id/@value='" SOCIAL_ID "']/f:type/f:coding/f:code/@value");
  assert_xp (b, "civil-society",
             "//f:Organization[f:id/@value='" PEER_ID "']/f:type/f:coding/f:code/@value");
  assert_xp (b, "Socialtjänsten Angered",
             "//f:Organization[f:id/@value='" SOCIAL_ID "']/f:name/@value");
  assert_xp (b, "031-365 00 00, socialtjansten@angered.example",
             "//f:Organization[f:id/@value='" SOCIAL_ID "']/f:telecom/f:value/@value");
  g_assert_cmpint (xp_count (b, "//f:Organization[f:id/@value='" HOME_ID "']/f:identifier"), ==, 0);
}

#define ROLE(code) "f:participant[f:role/f:coding[f:system/@value='" KEDJA_CS "care-team-role']" \
                   "/f:code/@value='" code "']"

static void
test_care_team (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);

  g_assert_cmpint (xp_count (b, "//f:CareTeam"), ==, 1);
  assert_xp (b, "active", "//f:CareTeam/f:status/@value");
  assert_xp (b, "urn:uuid:" CLIENT_ID, "//f:CareTeam/f:subject/f:reference/@value");
  /* The coordinating agency as coordinator, once, though the participants
   * list it too; its coordinator by name, on behalf of the agency. */
  g_assert_cmpint (xp_count (b, "//f:CareTeam/" ROLE ("coordinator")), ==, 1);
  assert_xp (b, "urn:uuid:" SOCIAL_ID,
             "//f:CareTeam/" ROLE ("coordinator") "/f:onBehalfOf/f:reference/@value");
  assert_xp (b, "Maria Lind", "//f:CareTeam/" ROLE ("coordinator") "/f:member/f:display/@value");
  assert_xp (b, "urn:uuid:" SOCIAL_ID, "//f:CareTeam/f:managingOrganization/f:reference/@value");
  g_assert_cmpint (xp_count (b, "//f:CareTeam/f:participant"), ==, 6);

  assert_xp (b, "Per Sund", "//f:CareTeam/" ROLE ("participant") "[1]/f:member/f:display/@value");
  assert_xp (b, "urn:uuid:" CLINIC_ID,
             "//f:CareTeam/" ROLE ("participant") "[1]/f:onBehalfOf/f:reference/@value");
  assert_xp (b, "urn:uuid:" HOUSING_ID,
             "//f:CareTeam/" ROLE ("participant") "[2]/f:member/f:reference/@value");
  assert_xp (b, "urn:uuid:" CLIENT_ID,
             "//f:CareTeam/" ROLE ("client") "/f:member/f:reference/@value");
  assert_xp (b, "RelatedPerson", "//f:CareTeam/" ROLE ("relative") "/f:member/f:type/@value");
  assert_xp (b, "Bertil Öberg", "//f:CareTeam/" ROLE ("relative") "/f:member/f:display/@value");
  assert_xp (b, "urn:uuid:" PEER_ID,
             "//f:CareTeam/" ROLE ("peer-supporter") "/f:member/f:reference/@value");

  /* The team follows the plan: proposed while a draft, inactive once closed. */
  plan->status = KEDJA_PLAN_STATUS_DRAFT;
  {
    g_autoptr(GBytes) draft = write_plan (plan);
    g_autoptr(Bundle) d = bundle_read (draft);
    assert_xp (d, "proposed", "//f:CareTeam/f:status/@value");
  }
  plan->status = KEDJA_PLAN_STATUS_CLOSED;
  {
    g_autoptr(GBytes) closed = write_plan (plan);
    g_autoptr(Bundle) c = bundle_read (closed);
    assert_xp (c, "inactive", "//f:CareTeam/f:status/@value");
  }
}

#define GOAL(id) "//f:Goal[f:id/@value='" id "']"

static void
test_goals (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);

  g_assert_cmpint (xp_count (b, "//f:Goal"), ==, 4);
  /* The client's own goal, in the client's words, expressed by the client. */
  g_assert_cmpint (xp_count (b, "//f:Goal[f:expressedBy]"), ==, 1);
  assert_xp (b, "urn:uuid:" CLIENT_ID, "//f:Goal/f:expressedBy/f:reference/@value");
  assert_xp (b, "Jag vill bo i en egen lägenhet & träffa mina barn <3",
             "//f:Goal[f:expressedBy]/f:description/f:text/@value");
  assert_xp (b, "active", "//f:Goal[f:expressedBy]/f:lifecycleStatus/@value");

  assert_xp (b, "active", GOAL (G_HOME_ID) "/f:lifecycleStatus/@value");
  assert_xp (b, "housing", GOAL (G_HOME_ID) "/f:category/f:coding/f:code/@value");
  assert_xp (b, KEDJA_CS "life-domain",
             GOAL (G_HOME_ID) "/f:category/f:coding/f:system/@value");
  assert_xp (b, "Egen lägenhet", GOAL (G_HOME_ID) "/f:description/f:text/@value");
  assert_xp (b, "2027-06-01", GOAL (G_HOME_ID) "/f:target/f:dueDate/@value");
  assert_xp (b, "urn:uuid:" CLIENT_ID, GOAL (G_HOME_ID) "/f:subject/f:reference/@value");
  assert_xp (b, "completed", GOAL (G_USE_ID) "/f:lifecycleStatus/@value");
  assert_xp (b, "achieved",
             GOAL (G_USE_ID) "/f:achievementStatus/f:coding/f:code/@value");
  g_assert_cmpint (xp_count (b, GOAL (G_USE_ID) "/f:target"), ==, 0);
  assert_xp (b, "cancelled", GOAL (G_WORK_ID) "/f:lifecycleStatus/@value");

  /* The CarePlan names them all, the own goal first. */
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:goal"), ==, 4);
  assert_xp (b, "urn:uuid:" G_HOME_ID, "//f:CarePlan/f:goal[2]/f:reference/@value");
}

#define CONSENT_FOR(id) \
  "//f:Consent[f:provision/f:actor/f:reference/f:reference/@value='urn:uuid:" id "']"

static void
test_consents (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);
  g_autoptr(GBytes) earlier_bytes = write_plan_on (plan, D (2026, 9, 1));
  g_autoptr(Bundle) earlier = bundle_read (earlier_bytes);

  g_assert_cmpint (xp_count (b, "//f:Consent"), ==, 3);
  /* On 2026-10-01: in force; withdrawn on 09-15; expired on 2026-01-01. */
  assert_xp (b, "active", CONSENT_FOR (CLINIC_ID) "/f:status/@value");
  assert_xp (b, "inactive", CONSENT_FOR (HOME_ID) "/f:status/@value");
  assert_xp (b, "inactive", CONSENT_FOR (HOUSING_ID) "/f:status/@value");
  /* On 2026-09-01 the withdrawal had not happened yet. */
  assert_xp (earlier, "active", CONSENT_FOR (CLINIC_ID) "/f:status/@value");
  assert_xp (earlier, "active", CONSENT_FOR (HOME_ID) "/f:status/@value");
  assert_xp (earlier, "inactive", CONSENT_FOR (HOUSING_ID) "/f:status/@value");

  assert_xp (b, "patient-privacy", CONSENT_FOR (CLINIC_ID) "/f:scope/f:coding/f:code/@value");
  assert_xp (b, "http://terminology.hl7.org/CodeSystem/consentscope",
             CONSENT_FOR (CLINIC_ID) "/f:scope/f:coding/f:system/@value");
  assert_xp (b, "59284-0", CONSENT_FOR (CLINIC_ID) "/f:category/f:coding/f:code/@value");
  assert_xp (b, "urn:uuid:" CLIENT_ID, CONSENT_FOR (CLINIC_ID) "/f:patient/f:reference/@value");
  assert_xp (b, "2026-08-20", CONSENT_FOR (CLINIC_ID) "/f:dateTime/@value");
  assert_xp (b, "urn:uuid:" SOCIAL_ID,
             CONSENT_FOR (CLINIC_ID) "/f:organization/f:reference/@value");
  assert_xp (b, "permit", CONSENT_FOR (CLINIC_ID) "/f:provision/f:type/@value");
  assert_xp (b, "2026-08-20", CONSENT_FOR (CLINIC_ID) "/f:provision/f:period/f:start/@value");
  assert_xp (b, "2027-08-20", CONSENT_FOR (CLINIC_ID) "/f:provision/f:period/f:end/@value");
  /* The exclusion is a deny rule inside the permit. */
  assert_xp (b, "deny", CONSENT_FOR (CLINIC_ID) "/f:provision/f:provision/f:type/@value");
  assert_xp (b, "Inget om mina barn",
             CONSENT_FOR (CLINIC_ID) "/f:provision/f:provision/f:code/f:text/@value");
  assert_xp (b, "OPTINR", CONSENT_FOR (CLINIC_ID) "/f:policyRule/f:coding/f:code/@value");
  assert_xp (b, "OPTIN", CONSENT_FOR (HOME_ID) "/f:policyRule/f:coding/f:code/@value");
  g_assert_cmpint (xp_count (b, CONSENT_FOR (HOME_ID) "/f:provision/f:provision"), ==, 0);
  assert_xp (b, "2026-09-15",
             CONSENT_FOR (HOME_ID) "/f:extension[@url='https://kedja.invalid/fhir/"
             "StructureDefinition/consent-withdrawn']/f:valueDate/@value");
  assert_xp (b, "oral",
             CONSENT_FOR (HOME_ID) "/f:extension[@url='https://kedja.invalid/fhir/"
             "StructureDefinition/consent-form']/f:valueCode/@value");
}

#define ACTIVITY(id) "//f:CarePlan/f:activity[@id='" id "']/f:detail"

static void
test_care_plan (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);
  g_autofree char *care_team = xp (b, "concat('urn:uuid:', //f:CareTeam/f:id/@value)");

  g_assert_cmpint (xp_count (b, "//f:CarePlan"), ==, 1);
  assert_xp (b, PLAN_ID, "//f:CarePlan/f:id/@value");
  assert_xp (b, "urn:uuid:" PLAN_ID, "//f:CarePlan/f:identifier/f:value/@value");
  assert_xp (b, "active", "//f:CarePlan/f:status/@value");
  assert_xp (b, "plan", "//f:CarePlan/f:intent/@value");
  assert_xp (b, "SIP för Åsa", "//f:CarePlan/f:title/@value");
  assert_xp (b, "urn:uuid:" CLIENT_ID, "//f:CarePlan/f:subject/f:reference/@value");
  /* From the detox's actual start; the open-ended flat leaves the end
   * open, and the cancelled check-up in August counts for nothing. */
  assert_xp (b, "2026-09-02", "//f:CarePlan/f:period/f:start/@value");
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:period/f:end"), ==, 0);
  assert_xp (b, "2026-08-20", "//f:CarePlan/f:created/@value");
  assert_xp (b, "urn:uuid:" SOCIAL_ID, "//f:CarePlan/f:author/f:reference/@value");
  assert_xp (b, care_team, "//f:CarePlan/f:careTeam/f:reference/@value");
  assert_xp (b, "2026-12-10", "//f:CarePlan/f:extension[@url='https://kedja.invalid/fhir/"
             "StructureDefinition/follow-up']/f:valueDate/@value");
  assert_xp (b, "3", "//f:CarePlan/f:extension[@url='https://kedja.invalid/fhir/"
             "StructureDefinition/plan-revision']/f:valuePositiveInt/@value");

  /* One activity per step, in the plan's order. */
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:activity"), ==, (int) plan->steps->len);
  assert_xp (b, DETOX_ID, "//f:CarePlan/f:activity[1]/@id");
  assert_xp (b, CHECK_ID, "//f:CarePlan/f:activity[6]/@id");

  assert_xp (b, "completed", ACTIVITY (DETOX_ID) "/f:status/@value");
  assert_xp (b, "in-progress", ACTIVITY (TREAT_ID) "/f:status/@value");
  assert_xp (b, "not-started", ACTIVITY (FLAT_ID) "/f:status/@value");
  assert_xp (b, "scheduled", ACTIVITY (JOB_ID) "/f:status/@value");
  assert_xp (b, "stopped", ACTIVITY (GROUP_ID) "/f:status/@value");
  assert_xp (b, "cancelled", ACTIVITY (CHECK_ID) "/f:status/@value");

  /* Actual dates where given, else planned; no end for an open end. */
  assert_xp (b, "2026-09-02", ACTIVITY (DETOX_ID) "/f:scheduledPeriod/f:start/@value");
  assert_xp (b, "2026-09-11", ACTIVITY (DETOX_ID) "/f:scheduledPeriod/f:end/@value");
  assert_xp (b, "2026-09-12", ACTIVITY (TREAT_ID) "/f:scheduledPeriod/f:start/@value");
  assert_xp (b, "2026-12-04", ACTIVITY (TREAT_ID) "/f:scheduledPeriod/f:end/@value");
  assert_xp (b, "2026-12-05", ACTIVITY (FLAT_ID) "/f:scheduledPeriod/f:start/@value");
  g_assert_cmpint (xp_count (b, ACTIVITY (FLAT_ID) "/f:scheduledPeriod/f:end"), ==, 0);
  assert_xp (b, "2026-09-30", ACTIVITY (GROUP_ID) "/f:scheduledPeriod/f:end/@value");

  assert_xp (b, KEDJA_CS "kva", ACTIVITY (DETOX_ID) "/f:code/f:coding/f:system/@value");
  assert_xp (b, "DV001", ACTIVITY (DETOX_ID) "/f:code/f:coding/f:code/@value");
  assert_xp (b, KEDJA_CS "ksi", ACTIVITY (TREAT_ID) "/f:code/f:coding/f:system/@value");
  assert_xp (b, "SAB.TB.ZZ", ACTIVITY (TREAT_ID) "/f:code/f:coding/f:code/@value");
  assert_xp (b, "arbetsträning (lokal kod)", ACTIVITY (JOB_ID) "/f:code/f:text/@value");
  g_assert_cmpint (xp_count (b, ACTIVITY (JOB_ID) "/f:code/f:coding"), ==, 0);
  assert_xp (b, "AU120", ACTIVITY (CHECK_ID) "/f:code/f:coding/f:code/@value");
  g_assert_cmpint (xp_count (b, ACTIVITY (FLAT_ID) "/f:code"), ==, 0);

  assert_xp (b, "urn:uuid:" G_USE_ID, ACTIVITY (TREAT_ID) "/f:goal/f:reference/@value");
  assert_xp (b, "urn:uuid:" CLINIC_ID, ACTIVITY (DETOX_ID) "/f:performer[1]/f:reference/@value");
  assert_xp (b, "Per Sund", ACTIVITY (DETOX_ID) "/f:performer[2]/f:display/@value");
  g_assert_cmpint (xp_count (b, ACTIVITY (CHECK_ID) "/f:performer"), ==, 0);
  assert_xp (b, "Avgiftning", ACTIVITY (DETOX_ID) "/f:description/@value");
  assert_xp (b, "Inskrivning via akuten",
             "//f:CarePlan/f:activity[@id='" DETOX_ID "']/f:progress/f:text/@value");
  assert_xp (b, "detox", ACTIVITY (DETOX_ID) "/f:extension[@url='https://kedja.invalid/fhir/"
             "StructureDefinition/care-chain-phase']/f:valueCoding/f:code/@value");
  assert_xp (b, "IMP", ACTIVITY (DETOX_ID) "/f:extension[@url='https://kedja.invalid/fhir/"
             "StructureDefinition/care-setting']/f:valueCoding/f:code/@value");
  assert_references_resolve (b);

  plan->status = KEDJA_PLAN_STATUS_CLOSED;
  {
    g_autoptr(GBytes) closed = write_plan (plan);
    g_autoptr(Bundle) c = bundle_read (closed);
    assert_xp (c, "completed", "//f:CarePlan/f:status/@value");
  }
}

#define HANDOVER "/f:extension[@url='" KEDJA_FHIR_HANDOVER_EXTENSION "']"
#define SUB(name) "/f:extension[@url='" name "']"

static void
test_handovers (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);

  g_assert_cmpint (xp_count (b, "//f:extension[@url='" KEDJA_FHIR_HANDOVER_EXTENSION "']"), ==, 2);
  /* On the sending step's activity, naming the receiving one. */
  g_assert_cmpint (xp_count (b, ACTIVITY (DETOX_ID) HANDOVER), ==, 1);
  assert_xp (b, TREAT_ID, ACTIVITY (DETOX_ID) HANDOVER SUB ("to") "/f:valueString/@value");
  assert_xp (b, "urn:uuid:" HOME_ID,
             ACTIVITY (DETOX_ID) HANDOVER SUB ("receiver") "/f:valueReference/f:reference/@value");
  assert_xp (b, "2026-09-11", ACTIVITY (DETOX_ID) HANDOVER SUB ("planned") "/f:valueDate/@value");
  assert_xp (b, "2026-09-08", ACTIVITY (DETOX_ID) HANDOVER SUB ("meeting") "/f:valueDate/@value");
  assert_xp (b, "2026-09-10", ACTIVITY (DETOX_ID) HANDOVER SUB ("confirmed") "/f:valueDate/@value");
  assert_xp (b, "Eva Ek", ACTIVITY (DETOX_ID) HANDOVER SUB ("confirmedBy") "/f:valueString/@value");

  /* Not confirmed yet: no confirmation, no meeting. */
  assert_xp (b, FLAT_ID, ACTIVITY (TREAT_ID) HANDOVER SUB ("to") "/f:valueString/@value");
  g_assert_cmpint (xp_count (b, ACTIVITY (TREAT_ID) HANDOVER SUB ("confirmed")), ==, 0);
  g_assert_cmpint (xp_count (b, ACTIVITY (TREAT_ID) HANDOVER SUB ("meeting")), ==, 0);
  g_assert_cmpint (xp_count (b, ACTIVITY (FLAT_ID) HANDOVER), ==, 0);
}

static void
test_open_ended (void)
{
  g_autoptr(KedjaPlan) plan = kedja_plan_new (PLAN_ID, kedja_client_new (CLIENT_ID, "Åsa"), "SIP");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Bundle) b = NULL;

  plan->created = D (2026, 8, 20);
  agency (plan, HOUSING_ID, "Bostadsbolaget", KEDJA_AGENCY_KIND_HOUSING);
  step (plan, FLAT_ID, KEDJA_PHASE_HOUSING, "Boendestöd", HOUSING_ID,
        KEDJA_STEP_STATUS_ONGOING, D (2026, 9, 1), KEDJA_DATE_NONE);
  bytes = write_plan (plan);
  b = bundle_read (bytes);

  assert_xp (b, "2026-09-01", "//f:CarePlan/f:period/f:start/@value");
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:period/f:end"), ==, 0);
  assert_xp (b, "2026-09-01", ACTIVITY (FLAT_ID) "/f:scheduledPeriod/f:start/@value");
  g_assert_cmpint (xp_count (b, ACTIVITY (FLAT_ID) "/f:scheduledPeriod/f:end"), ==, 0);

  /* Once it has an end, the plan has one too. */
  ((KedjaStep *) g_ptr_array_index (plan->steps, 0))->planned_end = D (2027, 2, 28);
  {
    g_autoptr(GBytes) ended = write_plan (plan);
    g_autoptr(Bundle) e = bundle_read (ended);
    assert_xp (e, "2027-02-28", "//f:CarePlan/f:period/f:end/@value");
  }
}

static void
test_protected_identity (void)
{
  g_autoptr(KedjaPlan) plan = make_protected_plan ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);
  const char * const never[] = {
    "Nora", "Kask", "19460101", "460101-1234", "4601011234", PROTECTED_DISTRICT, "Lisa",
  };

  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (bytes_contain (bytes, never[i]))
      {
        g_test_message ("The Bundle of a protected client holds “%s”:\n%.*s", never[i],
                        (int) g_bytes_get_size (bytes),
                        (const char *) g_bytes_get_data (bytes, NULL));
        g_test_fail ();
      }

  g_assert_cmpint (xp_count (b, "//f:Patient"), ==, 1);
  g_assert_cmpint (xp_count (b, "//f:Patient/f:identifier"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:Patient/f:name"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:Patient/f:address"), ==, 0);
  assert_xp (b, "R", "//f:Patient/f:meta/f:security/f:code/@value");
  assert_xp (b, "R", "/f:Bundle/f:meta/f:security/f:code/@value");

  /* What names her is left out; the rest of the plan still goes. */
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:title"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:Goal[f:expressedBy]"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:goal"), ==, 2);
  assert_xp (b, "housing", GOAL (G_HOME_ID) "/f:description/f:coding/f:code/@value");
  assert_xp (b, "Inga återfall", GOAL (G_USE_ID) "/f:description/f:text/@value");
  assert_xp (b, "Avgiftning", ACTIVITY (DETOX_ID) "/f:description/@value");
  g_assert_cmpint (xp_count (b, "//f:activity[@id='" DETOX_ID "']/f:progress"), ==, 0);
  g_assert_cmpint (xp_count (b, ACTIVITY (TREAT_ID) "/f:description"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:CareTeam/" ROLE ("relative") "/f:member"), ==, 0);
  assert_xp (b, "Per Sund", "//f:CareTeam/" ROLE ("participant") "/f:member/f:display/@value");
  assert_xp (b, "Maria Lind", "//f:CareTeam/" ROLE ("coordinator") "/f:member/f:display/@value");
  /* An exclusion that names her district still denies, without saying what. */
  assert_xp (b, "deny", "//f:Consent/f:provision/f:provision/f:type/@value");
  g_assert_cmpint (xp_count (b, "//f:Consent/f:provision/f:provision/f:code"), ==, 0);
  assert_xp (b, TREAT_ID, ACTIVITY (DETOX_ID) HANDOVER SUB ("to") "/f:valueString/@value");
  assert_references_resolve (b);
}

/* A word that merely starts like her name is not her name. */
static void
test_protected_whole_words (void)
{
  g_autoptr(KedjaPlan) plan = make_protected_plan ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Bundle) b = NULL;

  g_free (plan->client->name);
  plan->client->name = g_strdup ("Bo Ek");
  g_free (plan->title);
  plan->title = g_strdup ("Boende och ekonomi");
  bytes = write_plan (plan);
  b = bundle_read (bytes);
  assert_xp (b, "Boende och ekonomi", "//f:CarePlan/f:title/@value");
}

static void
test_no_coordinator (void)
{
  g_autoptr(KedjaPlan) plan = make_plan_without_coordinator ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);

  g_assert_cmpint (xp_count (b, "//f:CareTeam/" ROLE ("coordinator")), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:CareTeam/f:managingOrganization"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:CareTeam/f:participant"), ==, 5);
  g_assert_cmpint (xp_count (b, "//f:CarePlan/f:author"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:Consent/f:organization"), ==, 0);
  g_assert_cmpint (xp_count (b, "//f:Consent"), ==, 3);
  assert_references_resolve (b);
}

static void
test_local_ids (void)
{
  g_autoptr(KedjaPlan) plan = make_plan_with_local_ids ();
  g_autoptr(GBytes) bytes = write_plan (plan);
  g_autoptr(GBytes) again = write_plan (plan);
  g_autoptr(Bundle) b = bundle_read (bytes);
  g_autofree char *goal_id = xp (b, "//f:Goal/f:id/@value");
  g_autofree char *step_id = xp (b, "//f:CarePlan/f:activity[1]/@id");
  g_autofree char *consent_1 = xp (b, "(//f:Consent)[1]/f:id/@value");
  g_autofree char *consent_2 = xp (b, "(//f:Consent)[2]/f:id/@value");

  /* UUIDs, one per record, the same every time. */
  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_true (g_uuid_string_is_valid (goal_id));
  g_assert_true (g_uuid_string_is_valid (step_id));
  g_assert_cmpstr (goal_id, !=, step_id);
  g_assert_cmpstr (consent_1, !=, consent_2);
  assert_xp (b, goal_id,
             "substring-after(//f:activity[1]/f:detail/f:goal/f:reference/@value, 'urn:uuid:')");
  assert_references_resolve (b);

  /* A record whose UUID another record already has gets one of its own. */
  {
    g_autoptr(KedjaPlan) clash = make_full_plan ();
    g_autoptr(GBytes) clash_bytes = NULL;
    g_autoptr(Bundle) c = NULL;
    KedjaGoal *g = g_ptr_array_index (clash->goals, 0);
    KedjaStep *flat = g_ptr_array_index (clash->steps, 2);

    g_free (g->id);
    g->id = g_strdup (DETOX_ID);
    g_ptr_array_remove_index (flat->goal_ids, 0);
    g_ptr_array_add (flat->goal_ids, g_strdup (DETOX_ID));
    g_assert_true (kedja_plan_validate (clash, NULL));
    clash_bytes = write_plan (clash);
    c = bundle_read (clash_bytes);
    assert_xp (c, DETOX_ID, "(//f:Goal)[2]/f:id/@value");
    assert_xp (c, "false", "//f:CarePlan/f:activity[1]/@id = '" DETOX_ID "'");
    assert_references_resolve (c);
  }
}

static void
test_deterministic (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(KedjaPlan) copy = kedja_plan_copy (plan);
  g_autoptr(GBytes) first = write_plan (plan);
  g_autoptr(GBytes) second = write_plan (plan);
  g_autoptr(GBytes) of_copy = write_plan (copy);
  KedjaFhirWriteOptions untimed = { .exported = -1, .today = TODAY };
  g_autoptr(GBytes) without_time = kedja_fhir_write_plan (plan, &untimed, NULL);
  g_autoptr(Bundle) b = bundle_read (without_time);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (first, of_copy));
  g_assert_cmpint (xp_count (b, "/f:Bundle/f:timestamp"), ==, 0);
  g_assert_false (g_bytes_equal (first, without_time));
}

static void
test_demo (void)
{
  g_autoptr(KedjaDemoData) data = kedja_demo_generate (20, 1, TODAY);
  g_autoptr(KedjaDemoData) again = kedja_demo_generate (20, 1, TODAY);

  for (guint i = 0; i < data->plans->len; i++)
    {
      const KedjaPlan *plan = g_ptr_array_index (data->plans, i);
      g_autoptr(GBytes) bytes = write_plan (plan);
      g_autoptr(GBytes) same = write_plan (g_ptr_array_index (again->plans, i));
      g_autoptr(Bundle) b = bundle_read (bytes);

      g_assert_true (g_bytes_equal (bytes, same));
      g_assert_cmpint (xp_count (b, "//f:CarePlan/f:activity"), ==, (int) plan->steps->len);
      g_assert_cmpint (xp_count (b, "//f:Organization"), ==, (int) plan->agencies->len);
      g_assert_cmpint (xp_count (b, "//f:Consent"), ==, (int) plan->consents->len);
      g_assert_cmpint (xp_count (b, "//f:extension[@url='" KEDJA_FHIR_HANDOVER_EXTENSION "']"),
                       ==, (int) plan->handovers->len);
      g_assert_cmpint (xp_count (b, "//f:CareTeam/" ROLE ("coordinator")), ==,
                       plan->coordinating_agency_id != NULL ? 1 : 0);
      if (plan->client->protected_identity)
        {
          g_assert_cmpint (xp_count (b, "//f:Patient/f:name | //f:Patient/f:identifier"), ==, 0);
          if (plan->client->name != NULL)
            g_assert_false (bytes_contain (bytes, plan->client->name));
        }
      else
        assert_xp (b, plan->client->name, "//f:Patient/f:name/f:text/@value");
      assert_references_resolve (b);
    }
}

static void
test_refuses_invalid_plan (void)
{
  KedjaFhirWriteOptions options = { .exported = -1, .today = TODAY };
  g_autoptr(KedjaPlan) untitled = make_full_plan ();
  g_autoptr(KedjaPlan) control = make_full_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) control_error = NULL;
  KedjaStep *s = g_ptr_array_index (control->steps, 1);

  g_clear_pointer (&untitled->title, g_free);
  g_assert_null (kedja_fhir_write_plan (untitled, &options, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);

  /* XML cannot carry a control character, escaped or not. */
  g_free (s->title);
  s->title = g_strdup ("Behandling\001hem");
  g_assert_null (kedja_fhir_write_plan (control, &options, &control_error));
  g_assert_error (control_error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  /* Before anything is written: once the exchange library is in use it
   * refuses every external load, this schema's own imports included. */
  if (schema_path () != NULL)
    fhir_schema ();

  g_test_add_func ("/exchange/fhir/schema/full-plan", test_schema_full);
  g_test_add_func ("/exchange/fhir/schema/protected-identity", test_schema_protected);
  g_test_add_func ("/exchange/fhir/schema/no-coordinator", test_schema_no_coordinator);
  g_test_add_func ("/exchange/fhir/schema/local-ids", test_schema_local_ids);
  g_test_add_func ("/exchange/fhir/schema/minimal", test_schema_minimal);
  g_test_add_func ("/exchange/fhir/schema/demo", test_schema_demo);
  g_test_add_func ("/exchange/fhir/schema/catches-invalid", test_schema_catches_invalid);
  g_test_add_func ("/exchange/fhir/patient", test_patient);
  g_test_add_func ("/exchange/fhir/patient/coordination-number", test_coordination_number);
  g_test_add_func ("/exchange/fhir/organizations", test_organizations);
  g_test_add_func ("/exchange/fhir/care-team", test_care_team);
  g_test_add_func ("/exchange/fhir/goals", test_goals);
  g_test_add_func ("/exchange/fhir/consents", test_consents);
  g_test_add_func ("/exchange/fhir/care-plan", test_care_plan);
  g_test_add_func ("/exchange/fhir/handovers", test_handovers);
  g_test_add_func ("/exchange/fhir/open-ended", test_open_ended);
  g_test_add_func ("/exchange/fhir/protected-identity", test_protected_identity);
  g_test_add_func ("/exchange/fhir/protected-identity/whole-words", test_protected_whole_words);
  g_test_add_func ("/exchange/fhir/no-coordinator", test_no_coordinator);
  g_test_add_func ("/exchange/fhir/local-ids", test_local_ids);
  g_test_add_func ("/exchange/fhir/deterministic", test_deterministic);
  g_test_add_func ("/exchange/fhir/demo", test_demo);
  g_test_add_func ("/exchange/fhir/refuses-invalid-plan", test_refuses_invalid_plan);

  return g_test_run ();
}
