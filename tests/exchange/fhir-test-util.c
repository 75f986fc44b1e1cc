/* fhir-test-util.c — plans, HL7's schema and XPath for the FHIR writer's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpathInternals.h>

#include "fhir-test-util.h"
#include "kedja-fhir.h"

/* Plans */

KedjaAgency *
agency (KedjaPlan      *plan,
        const char     *id,
        const char     *name,
        KedjaAgencyKind kind)
{
  KedjaAgency *a = kedja_agency_new (id, name, kind);

  g_ptr_array_add (plan->agencies, a);
  return a;
}

KedjaStep *
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

void
participant (KedjaPlan  *plan,
             KedjaRole   role,
             const char *agency_id,
             const char *name)
{
  g_ptr_array_add (plan->participants, kedja_participant_new (role, agency_id, name));
}

KedjaConsent *
consent (KedjaPlan       *plan,
         const char      *agency_id,
         KedjaDate        given,
         KedjaConsentForm form)
{
  KedjaConsent *c = kedja_consent_new (agency_id, given, form);

  g_ptr_array_add (plan->consents, c);
  return c;
}

KedjaGoal *
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
KedjaPlan *
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

/* A protected identity, with the name, number and district also in the
 * free text that people write: the title, the own goal, a goal, a note, a
 * relative's name. */
KedjaPlan *
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
KedjaPlan *
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
KedjaPlan *
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

GBytes *
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

GBytes *
write_plan (const KedjaPlan *plan)
{
  return write_plan_on (plan, TODAY);
}

/* The schema */

const char *
schema_path (void)
{
  const char *path = g_getenv ("KEDJA_FHIR_SCHEMA");

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR) ? path : NULL;
}

/* Compiled once, by main (): it is 2.6 MB. It imports xml.xsd and
 * fhir-xhtml.xsd from its own folder, which libxml2 finds relative to the
 * file. */
xmlSchemaPtr
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

gboolean
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
gboolean
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

void
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

Bundle *
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

void
bundle_free (Bundle *b)
{
  xmlXPathFreeContext (b->xpath);
  xmlFreeDoc (b->doc);
  g_free (b);
}

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

char *
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

int
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
