/* test-fhir-content.c — what a plan's FHIR R4 Bundle says, read back with XPath
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Bundle is read back with libxml2 and XPath, and what a partner's
 * system relies on is asserted: the resources and their references, a
 * protected person left out, the same bytes every time. These cases need
 * no schema; test-fhir-schema.c checks the Bundles against HL7's.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "fhir-test-util.h"
#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-fhir.h"

#define KEDJA_CS "https://kedja.invalid/fhir/CodeSystem/"

/* Helpers */

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
