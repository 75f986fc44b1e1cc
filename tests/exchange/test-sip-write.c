/* test-sip-write.c — SIP XML 1.0 out: order, values, privacy, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer validates what it writes; these tests validate it again with
 * libxml2 and the schema file of the repository, in another way (a tree),
 * so that a mistake in the writer's own validation cannot hide one in its
 * output.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "kedja-core.h"
#include "kedja-export-policy.h"
#include "kedja-sip.h"
#include "kedja-test-lang.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

#define PLAN_ID    "51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42"
#define CLIENT_ID  "2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20"
#define CLINIC_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a01"
#define SOCIAL_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a02"
#define HOUSING_ID "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a03"
#define DETOX_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b01"
#define TREAT_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02"
#define FLAT_ID    "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03"
#define GOAL_ID    "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"

#define CLIENT_NAME     "Åsa Öberg"
#define CLIENT_NUMBER   "19811218-9876"
#define CLIENT_DISTRICT "Angered"
#define RELATIVE_NAME   "Bengt Öberg"

/* Helpers ============================================================== */

static KedjaSipWriteOptions
options_at (KedjaDate today)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 29, 8, 30, 0);
  KedjaSipWriteOptions options = { 0 };

  options.exported = g_date_time_to_unix (at);
  options.today = today;
  return options;
}

static GBytes *read_file (const char *path);

static xmlSchemaPtr
repository_schema (void)
{
  static xmlSchemaPtr schema;

  if (schema == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sip-1.0.xsd",
                                                     NULL);
      g_autoptr(GBytes) xsd = read_file (path);
      /* From memory: the exchange library refuses to load files by URL
       * once it is initialised, and that holds for this process too. */
      xmlSchemaParserCtxtPtr parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (xsd, NULL),
                                                                 (int) g_bytes_get_size (xsd));

      schema = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
      g_assert_nonnull (schema);
    }
  return schema;
}

/* Parses and validates a document as a tree, independently of the writer. */
static xmlDocPtr
parse_valid (const char *data,
             gsize       len)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) len, "export.xml", NULL, XML_PARSE_NONET);
  xmlSchemaValidCtxtPtr validator;

  g_assert_nonnull (doc);
  validator = xmlSchemaNewValidCtxt (repository_schema ());
  g_assert_cmpint (xmlSchemaValidateDoc (validator, doc), ==, 0);
  xmlSchemaFreeValidCtxt (validator);
  return doc;
}

static xmlDocPtr
parse_valid_bytes (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return parse_valid (data, len);
}

/* The string value of an XPath expression, with "s" bound to the SIP
 * namespace. */
static char *
xpath (xmlDocPtr   doc,
       const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  xmlChar *value;
  char *copy;

  xmlXPathRegisterNs (context, BAD_CAST "s", BAD_CAST "urn:kedja:sip:1");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  value = xmlXPathCastToString (result);
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return copy;
}

#define assert_xpath(doc, expression, expected) \
  G_STMT_START { \
    g_autofree char *value_ = xpath (doc, expression); \
    g_assert_cmpstr (value_, ==, expected); \
  } G_STMT_END

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static guint
count_occurrences (GBytes     *bytes,
                   const char *needle)
{
  gsize len, needle_len = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end = data + len;
  guint n = 0;

  for (const char *p = data; (p = memmem (p, end - p, needle, needle_len)) != NULL;
       p += needle_len)
    n++;
  return n;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kedja-sip-write-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
write_to_file (const char      *path,
               const KedjaPlan *plan,
               KedjaDate        today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaSipWriter) writer = NULL;
  KedjaSipWriteOptions options = options_at (today);

  writer = kedja_sip_writer_new (path, FALSE, &options, &error);
  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  kedja_sip_writer_finish (writer, &error);
  g_assert_no_error (error);
  return read_file (path);
}

/* Plans ================================================================ */

/* A plan with every field of the format set, and gaps for findings. */
static KedjaPlan *
make_full_plan (void)
{
  KedjaClient *client = kedja_client_new (CLIENT_ID, CLIENT_NAME);
  KedjaPlan *plan;
  KedjaAgency *agency;
  KedjaStep *step;
  KedjaConsent *consent;
  KedjaMeeting *meeting;
  KedjaGoal *goal;
  KedjaHandover *handover;
  KedjaRating *rating;

  client->personal_number = g_strdup (CLIENT_NUMBER);
  client->district = g_strdup (CLIENT_DISTRICT);
  client->children_under_18 = 2;
  client->relatives_involved = TRUE;
  client->has_own_housing = TRUE;

  plan = kedja_plan_new (PLAN_ID, client, "SIP 2026 – från avgiftning till egen bostad");
  plan->revision = 7;
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 8, 20);
  plan->need_recorded = D (2026, 7, 1);
  plan->own_goal = g_strdup ("Jag vill bo i en egen lägenhet och träffa mina barn");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 10);

  agency = kedja_agency_new (CLINIC_ID, "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE);
  agency->hsa_id = g_strdup ("SE2321000131-E000000000001");
  g_ptr_array_add (plan->agencies, agency);
  agency = kedja_agency_new (SOCIAL_ID, "Socialtjänsten Nordost", KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  agency->org_number = g_strdup ("212000-1355");
  agency->contact = g_strdup ("031-365 00 00");
  g_ptr_array_add (plan->agencies, agency);
  g_ptr_array_add (plan->agencies, kedja_agency_new (HOUSING_ID, "Bostadsbolaget",
                                                     KEDJA_AGENCY_KIND_HOUSING));

  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_PARTICIPANT, CLINIC_ID, "Olle Ek"));
  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa"));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, RELATIVE_NAME));

  consent = kedja_consent_new (CLINIC_ID, D (2026, 8, 20), KEDJA_CONSENT_FORM_WRITTEN);
  consent->expires = D (2027, 8, 20);
  consent->exclusion = g_strdup ("Inget om tidigare domar");
  g_ptr_array_add (plan->consents, consent);
  consent = kedja_consent_new (HOUSING_ID, D (2026, 8, 20), KEDJA_CONSENT_FORM_ORAL);
  consent->withdrawn = D (2026, 10, 1);
  g_ptr_array_add (plan->consents, consent);

  goal = kedja_goal_new (GOAL_ID, KEDJA_DOMAIN_HOUSING, "Eget förstahandskontrakt");
  goal->target = D (2027, 3, 1);
  g_ptr_array_add (plan->goals, goal);

  step = kedja_step_new (DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning");
  step->agency_id = g_strdup (CLINIC_ID);
  step->contact = g_strdup ("Olle Ek");
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step->code = g_strdup ("DU011");
  step->status = KEDJA_STEP_STATUS_COMPLETED;
  step->planned_start = D (2026, 9, 1);
  step->planned_end = D (2026, 9, 10);
  step->actual_start = D (2026, 9, 2);
  step->actual_end = D (2026, 9, 11);
  step->note = g_strdup ("Gick bra");
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (TREAT_ID, KEDJA_PHASE_TREATMENT, "Behandlingshem");
  step->agency_id = g_strdup (CLINIC_ID);
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step->status = KEDJA_STEP_STATUS_BOOKED;
  step->planned_start = D (2026, 9, 20);
  step->planned_end = D (2026, 12, 4);
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL_ID));
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (FLAT_ID, KEDJA_PHASE_HOUSING, "Träningslägenhet");
  step->planned_start = D (2026, 12, 5);
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL_ID));
  g_ptr_array_add (plan->steps, step);

  handover = kedja_handover_new (DETOX_ID, TREAT_ID, D (2026, 9, 11));
  handover->meeting = D (2026, 9, 8);
  handover->confirmed = D (2026, 9, 9);
  handover->confirmed_by = g_strdup ("Olle Ek");
  g_ptr_array_add (plan->handovers, handover);
  g_ptr_array_add (plan->handovers, kedja_handover_new (TREAT_ID, FLAT_ID, D (2026, 12, 4)));

  meeting = kedja_meeting_new (D (2026, 8, 20));
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  g_ptr_array_add (meeting->attendees, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa"));
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, RELATIVE_NAME));
  g_ptr_array_add (plan->meetings, meeting);

  rating = kedja_rating_new (D (2026, 8, 20), KEDJA_DOMAIN_HOUSING, 3);
  rating->note = g_strdup ("Bor hos en kompis");
  g_ptr_array_add (plan->ratings, rating);
  g_ptr_array_add (plan->ratings, kedja_rating_new (D (2026, 8, 20), KEDJA_DOMAIN_FAMILY, 5));

  return plan;
}

/* A small plan whose document is written out by hand below. */
static KedjaPlan *
make_small_plan (void)
{
  KedjaClient *client = kedja_client_new (CLIENT_ID, "Kim Berg");
  KedjaPlan *plan = kedja_plan_new (PLAN_ID, client, "SIP 2026 – boende");
  KedjaStep *step;

  plan->revision = 3;
  plan->status = KEDJA_PLAN_STATUS_DRAFT;
  plan->created = D (2026, 9, 1);
  plan->need_recorded = D (2026, 8, 25);
  plan->own_goal = g_strdup ("Jag vill ha ett eget hem");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 1);

  g_ptr_array_add (plan->agencies, kedja_agency_new (SOCIAL_ID, "Socialtjänsten Centrum",
                                                     KEDJA_AGENCY_KIND_SOCIAL_SERVICES));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, NULL));
  g_ptr_array_add (plan->goals, kedja_goal_new (GOAL_ID, KEDJA_DOMAIN_HOUSING, "Eget kontrakt"));

  step = kedja_step_new (FLAT_ID, KEDJA_PHASE_HOUSING, "Träningslägenhet");
  step->planned_start = D (2026, 10, 1);
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL_ID));
  g_ptr_array_add (plan->steps, step);

  KedjaRating *rating = kedja_rating_new (D (2026, 9, 1), KEDJA_DOMAIN_HOUSING, 4);
  rating->note = g_strdup ("Ingen plats i SIP 1.0");
  g_ptr_array_add (plan->ratings, rating);
  return plan;
}

/* Written by hand from SIP-FORMAT.md, element by element: the order of
 * the format, two-space indents, empty lists left out, the optional client
 * facts written. The findings are the analysis's on 29 Nov 2026: the wait
 * from 25 Aug to the step on 1 Oct is 37 days (over 30), and the step has
 * no responsible agency; both are warnings, the wait's date comes first. */
static const char expected_small[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<sip xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\" id=\"" PLAN_ID "\" revision=\"3\""
  " status=\"draft\" created=\"2026-09-01\" exported=\"2026-11-29T08:30:00Z\" language=\"en\">\n"
  "  <title>SIP 2026 – boende</title>\n"
  "  <client id=\"" CLIENT_ID "\" protected-identity=\"false\" has-own-housing=\"false\">\n"
  "    <name>Kim Berg</name>\n"
  "    <children-under-18>0</children-under-18>\n"
  "    <relatives-involved>false</relatives-involved>\n"
  "  </client>\n"
  "  <own-goal>Jag vill ha ett eget hem</own-goal>\n"
  "  <need-recorded>2026-08-25</need-recorded>\n"
  "  <agencies>\n"
  "    <agency id=\"" SOCIAL_ID "\" kind=\"social-services\">\n"
  "      <name>Socialtjänsten Centrum</name>\n"
  "    </agency>\n"
  "  </agencies>\n"
  "  <coordination agency=\"" SOCIAL_ID "\" coordinator=\"Maria Lind\"/>\n"
  "  <participants>\n"
  "    <participant role=\"coordinator\" agency=\"" SOCIAL_ID "\" name=\"Maria Lind\"/>\n"
  "    <participant role=\"client\"/>\n"
  "  </participants>\n"
  "  <goals>\n"
  "    <goal id=\"" GOAL_ID "\" domain=\"housing\" status=\"active\">Eget kontrakt</goal>\n"
  "  </goals>\n"
  "  <steps>\n"
  "    <step id=\"" FLAT_ID "\" phase=\"housing\" status=\"planned\">\n"
  "      <title>Träningslägenhet</title>\n"
  "      <planned start=\"2026-10-01\"/>\n"
  "      <goal-ref goal=\"" GOAL_ID "\"/>\n"
  "    </step>\n"
  "  </steps>\n"
  "  <follow-up date=\"2026-12-01\"/>\n"
  "  <ratings>\n"
  "    <rating date=\"2026-09-01\" domain=\"housing\" value=\"4\"/>\n"
  "  </ratings>\n"
  "  <findings>\n"
  "    <finding rule=\"long-wait\" severity=\"warning\" start=\"2026-08-25\" end=\"2026-09-30\""
  " steps=\"" FLAT_ID "\">37 days from the need being recorded to the first step"
  " (25 Aug – 30 Sep)</finding>\n"
  "    <finding rule=\"no-responsible\" severity=\"warning\" steps=\"" FLAT_ID "\">"
  "No agency is responsible for the step “Träningslägenhet”</finding>\n"
  "  </findings>\n"
  "</sip>\n";

/* Tests ================================================================ */

static void
test_full_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;

  kedja_plan_validate (plan, &error);
  g_assert_no_error (error);

  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_no_error (error);
  doc = parse_valid_bytes (bytes);

  /* Every element and attribute of the format is there, with its value. */
  assert_xpath (doc, "string(/s:sip/@revision)", "7");
  assert_xpath (doc, "string(/s:sip/@status)", "active");
  assert_xpath (doc, "string(/s:sip/@created)", "2026-08-20");
  assert_xpath (doc, "string(/s:sip/@exported)", "2026-11-29T08:30:00Z");
  assert_xpath (doc, "string(/s:sip/s:client/@has-own-housing)", "true");
  assert_xpath (doc, "string(/s:sip/s:client/s:name)", CLIENT_NAME);
  assert_xpath (doc, "string(/s:sip/s:client/s:personal-number)", CLIENT_NUMBER);
  assert_xpath (doc, "string(/s:sip/s:client/s:district)", CLIENT_DISTRICT);
  assert_xpath (doc, "string(/s:sip/s:client/s:children-under-18)", "2");
  assert_xpath (doc, "string(/s:sip/s:client/s:relatives-involved)", "true");
  assert_xpath (doc, "string(/s:sip/s:need-recorded)", "2026-07-01");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[1]/@hsa-id)", "SE2321000131-E000000000001");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[2]/@org-number)", "212000-1355");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[2]/s:contact)", "031-365 00 00");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[3]/@kind)", "housing");
  assert_xpath (doc, "string(/s:sip/s:coordination/@coordinator)", "Maria Lind");
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[4]/@role)", "relative");
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[4]/@name)", RELATIVE_NAME);
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[1]/@expires)", "2027-08-20");
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[1]/s:exclusion)", "Inget om tidigare domar");
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[2]/@form)", "oral");
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[2]/@withdrawn)", "2026-10-01");
  assert_xpath (doc, "string(/s:sip/s:goals/s:goal/@target)", "2027-03-01");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@setting)", "inpatient");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@code)", "DU011");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@contact)", "Olle Ek");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/s:actual/@end)", "2026-09-11");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/s:note)", "Gick bra");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[2]/s:goal-ref/@goal)", GOAL_ID);
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[3]/s:planned/@start)", "2026-12-05");
  assert_xpath (doc, "count(/s:sip/s:steps/s:step[3]/s:planned/@end)", "0");
  assert_xpath (doc, "count(/s:sip/s:steps/s:step[3]/s:actual)", "0");
  assert_xpath (doc, "string(/s:sip/s:handovers/s:handover[1]/@confirmed-by)", "Olle Ek");
  assert_xpath (doc, "string(/s:sip/s:handovers/s:handover[1]/@meeting)", "2026-09-08");
  assert_xpath (doc, "string(/s:sip/s:follow-up/@date)", "2026-12-10");
  assert_xpath (doc, "count(/s:sip/s:meetings/s:meeting/s:attendee)", "3");
  assert_xpath (doc, "count(/s:sip/s:ratings/s:rating)", "2");

  /* The findings: the handover gap between the detox and the treatment
   * (8 days after a residential step: critical) names both steps. */
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='handover-gap']/@severity)",
                "critical");
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='handover-gap']/@steps)",
                DETOX_ID " " TREAT_ID);
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='handover-gap']/@start)",
                "2026-09-12");
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='no-responsible']/@steps)",
                FLAT_ID);

  /* The rating's note has no place in SIP 1.0. */
  g_assert_false (bytes_contain (bytes, "Bor hos en kompis"));
  xmlFreeDoc (doc);
}

static void
test_full_plan_file (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) from_file = write_to_file (path, plan, D (2026, 11, 29));
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) from_memory = kedja_sip_write_plan (plan, &options, NULL);

  xmlFreeDoc (parse_valid_bytes (from_file));
  /* The file and the memory writer write the same document. */
  g_assert_true (g_bytes_equal (from_file, from_memory));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_expected_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) bytes = kedja_sip_write_plan (plan, &options, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==, expected_small);
}

static void
test_deterministic (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) first = kedja_sip_write_plan (plan, &options, NULL);
  g_autoptr(GBytes) second = kedja_sip_write_plan (plan, &options, NULL);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) file1 = write_to_file (path, plan, D (2026, 11, 29));
  g_autoptr(GBytes) file2 = write_to_file (path, plan, D (2026, 11, 29));

  g_assert_nonnull (first);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (file1, file2));

  /* With "exported" left out, the export time is no difference either. */
  options.exported = -1;
  g_autoptr(GBytes) third = kedja_sip_write_plan (plan, &options, NULL);
  g_assert_false (bytes_contain (third, "exported="));
  remove_tree (dir);
}

static void
test_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plans.xml", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(KedjaSipWriter) writer = kedja_sip_writer_new (path, TRUE, &options, &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *ids[] = { "00000000-0000-4000-8000-000000000001",
                        "00000000-0000-4000-8000-000000000002",
                        "00000000-0000-4000-8000-000000000003" };
  xmlDocPtr doc;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(KedjaPlan) plan = i == 1 ? make_small_plan () : make_full_plan ();

      g_free (plan->id);
      plan->id = g_strdup (ids[i]);
      kedja_sip_writer_add (writer, plan, &error);
      g_assert_no_error (error);
    }
  /* Nothing is at the path until the document is complete and valid. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  kedja_sip_writer_finish (writer, &error);
  g_assert_no_error (error);

  bytes = read_file (path);
  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "local-name(/*)", "sip-collection");
  assert_xpath (doc, "string(/s:sip-collection/@format-version)", "1.0");
  assert_xpath (doc, "string(/s:sip-collection/@exported)", "2026-11-29T08:30:00Z");
  assert_xpath (doc, "count(/s:sip-collection/s:sip)", "3");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *expression = g_strdup_printf ("string(/s:sip-collection/s:sip[%u]/@id)",
                                                     i + 1);
      assert_xpath (doc, expression, ids[i]);
    }
  /* The namespace is declared once, on the root. */
  g_assert_cmpuint (count_occurrences (bytes, "xmlns="), ==, 1);
  xmlFreeDoc (doc);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* Markup characters and characters outside the BMP come back as they went
 * in, in text and in attributes. */
static void
test_escaping (void)
{
  static const char tricky[] = "Kim \"K\" O'Hara <&> 🙂";
  static const char lines[] = "Rad ett\nrad två\ttabb";
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  KedjaParticipant *coordinator = g_ptr_array_index (plan->participants, 0);
  KedjaStep *detox = g_ptr_array_index (plan->steps, 0);
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;

  g_free (plan->client->name);
  plan->client->name = g_strdup (tricky);
  g_free (plan->title);
  plan->title = g_strdup (tricky);
  g_free (coordinator->name);
  coordinator->name = g_strdup (tricky);
  g_free (detox->contact);
  detox->contact = g_strdup (lines);
  g_free (detox->note);
  detox->note = g_strdup (lines);

  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_no_error (error);
  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "string(/s:sip/s:title)", tricky);
  assert_xpath (doc, "string(/s:sip/s:client/s:name)", tricky);
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[1]/@name)", tricky);
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@contact)", lines);
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/s:note)", lines);
  g_assert_false (bytes_contain (bytes, "<&>"));
  g_assert_true (bytes_contain (bytes, "🙂"));  /* as UTF-8, not as a character reference */
  xmlFreeDoc (doc);
}

static void
assert_no_identity (GBytes *bytes)
{
  g_assert_false (bytes_contain (bytes, CLIENT_NAME));
  g_assert_false (bytes_contain (bytes, "Åsa"));
  g_assert_false (bytes_contain (bytes, CLIENT_NUMBER));
  g_assert_false (bytes_contain (bytes, "9876"));
  g_assert_false (bytes_contain (bytes, CLIENT_DISTRICT));
  g_assert_false (bytes_contain (bytes, RELATIVE_NAME));
}

/* The writer leaves the person out by itself, whatever the plan holds and
 * without any export policy. */
static void
test_protected_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) from_file = NULL;
  xmlDocPtr doc;

  plan->client->protected_identity = TRUE;
  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_no_error (error);
  assert_no_identity (bytes);

  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "string(/s:sip/s:client/@protected-identity)", "true");
  assert_xpath (doc, "count(/s:sip/s:client/*)", "2");
  /* The people from the agencies keep their names; the roles stay. */
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[1]/@name)", "Maria Lind");
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[4]/@role)", "relative");
  assert_xpath (doc, "count(/s:sip/s:participants/s:participant[4]/@name)", "0");
  xmlFreeDoc (doc);

  from_file = write_to_file (path, plan, D (2026, 11, 29));
  assert_no_identity (from_file);
  remove_tree (dir);
}

static void
test_pseudonymised (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(KedjaPlan) copy = NULL;
  g_autofree char *plan_pseudonym = NULL;
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  KedjaExportPolicy policy;
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;

  kedja_export_policy_init (&policy);
  policy.pseudonymise = TRUE;
  policy.pseudonym_key = g_bytes_new_static ("a key of the database, 32 bytes", 32);
  copy = kedja_plan_copy_for_export (plan, &policy);
  plan_pseudonym = kedja_pseudonym_for_id (policy.pseudonym_key, PLAN_ID);

  bytes = kedja_sip_write_plan (copy, &options, &error);
  g_assert_no_error (error);
  assert_no_identity (bytes);
  g_assert_false (bytes_contain (bytes, PLAN_ID));
  g_assert_false (bytes_contain (bytes, DETOX_ID));
  g_assert_false (bytes_contain (bytes, GOAL_ID));

  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "string(/s:sip/@id)", plan_pseudonym);
  assert_xpath (doc, "count(/s:sip/s:client/s:name)", "0");
  /* References still meet: the handover gap names the pseudonymised steps. */
  assert_xpath (doc,
                "count(/s:sip/s:steps/s:step[@id = /s:sip/s:handovers/s:handover[1]/@from])", "1");
  assert_xpath (doc,
                "count(/s:sip/s:goals/s:goal[@id = /s:sip/s:steps/s:step[2]/s:goal-ref/@goal])",
                "1");
  xmlFreeDoc (doc);
  kedja_export_policy_clear (&policy);
}

/* The findings are Swedish for a Swedish user, and the document says so. */
static void
test_swedish (void)
{
  if (kedja_test_in_language ("sv"))
    {
      g_autoptr(KedjaPlan) plan = make_small_plan ();
      KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
      g_autoptr(GBytes) first = kedja_sip_write_plan (plan, &options, NULL);
      g_autoptr(GBytes) second = kedja_sip_write_plan (plan, &options, NULL);

      g_assert_nonnull (first);
      g_assert_true (bytes_contain (first, " language=\"sv\">"));
      g_assert_true (bytes_contain (first, ">Ingen huvudman ansvarar för insatsen ”Träningslägenhet”<"));
      g_assert_true (bytes_contain (first, ">37 dagar från att behovet registrerades till första insatsen"));
      g_assert_true (g_bytes_equal (first, second));
      xmlFreeDoc (parse_valid_bytes (first));
    }
}

static void
test_file_mode (void)
{
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;
  mode_t old = umask (022);

  bytes = write_to_file (path, plan, D (2026, 11, 29));
  umask (old);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  /* Only the file itself: no temporary file is left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* A plan the schema refuses (a title of blanks) is not written, and no
 * temporary file stays behind. */
static void
test_failed_finish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(KedjaSipWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_free (plan->title);
  plan->title = g_strdup ("   ");

  writer = kedja_sip_writer_new (path, FALSE, &options, &error);
  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* the temporary file */
  g_assert_false (kedja_sip_writer_finish (writer, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  /* The writer says so when it is used again. */
  g_assert_false (kedja_sip_writer_add (writer, plan, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED);
  g_clear_error (&error);

  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&writer, kedja_sip_writer_free);

  /* A control character is not even well-formed XML: in the middle of a
   * collection, after valid plans, it refuses the whole file. */
  writer = kedja_sip_writer_new (path, TRUE, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KedjaPlan) good = make_full_plan ();

      kedja_sip_writer_add (writer, good, &error);
      g_assert_no_error (error);
    }
  g_free (plan->title);
  plan->title = g_strdup ("Plan \001");
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_false (kedja_sip_writer_finish (writer, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

/* The last step, moving the file into place, fails when a folder already
 * has the name: the error names the file, and nothing is left over. */
static void
test_failed_rename (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(KedjaSipWriter) writer = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));

  writer = kedja_sip_writer_new (path, FALSE, &options, &error);
  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_false (kedja_sip_writer_finish (writer, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* only the folder */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  remove_tree (dir);
}

/* A writer freed before it finished takes its temporary file with it. */
static void
test_abandoned (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plans.xml", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  KedjaSipWriter *writer = kedja_sip_writer_new (path, TRUE, &options, &error);

  g_assert_no_error (error);
  kedja_sip_writer_add (writer, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  kedja_sip_writer_free (writer);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);

  /* A folder that does not exist gives an error at once, naming it. */
  writer = kedja_sip_writer_new ("/nonexistent-kedja-dir/plans.xml", TRUE, &options, &error);
  g_assert_null (writer);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-kedja-dir"));
}

static void
test_documented_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "examples",
                                                 "sip-example.xml", NULL);
  g_autoptr(GBytes) bytes = read_file (path);
  xmlDocPtr doc = parse_valid_bytes (bytes);

  /* It shows every element of the format. */
  static const char *const elements[] = {
    "title", "client", "name", "personal-number", "district", "children-under-18",
    "relatives-involved", "own-goal", "need-recorded", "agencies", "agency", "contact",
    "coordination", "participants", "participant", "consents", "consent", "exclusion",
    "goals", "goal", "steps", "step", "planned", "actual", "goal-ref", "note", "handovers",
    "handover", "follow-up", "meetings", "meeting", "attendee", "ratings", "rating",
    "findings", "finding",
  };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autofree char *expression = g_strdup_printf ("count(//s:%s) > 0", elements[i]);
      g_test_message ("element %s", elements[i]);
      assert_xpath (doc, expression, "true");
    }
  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The hand-written document is in English, the source language, whatever
   * the developer's own environment says; a child process for another
   * language keeps the LANGUAGE it was started with. */
  if (!g_test_subprocess ())
    g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kedja_i18n_init ();

  /* First: it sets LANGUAGE for its child process, which GLib dislikes
   * once other tests have started the validator's threads. */
  g_test_add_func ("/exchange/sip-write/swedish", test_swedish);
  g_test_add_func ("/exchange/sip-write/full-plan", test_full_plan);
  g_test_add_func ("/exchange/sip-write/full-plan-file", test_full_plan_file);
  g_test_add_func ("/exchange/sip-write/expected-document", test_expected_document);
  g_test_add_func ("/exchange/sip-write/deterministic", test_deterministic);
  g_test_add_func ("/exchange/sip-write/collection", test_collection);
  g_test_add_func ("/exchange/sip-write/escaping", test_escaping);
  g_test_add_func ("/exchange/sip-write/protected-identity", test_protected_identity);
  g_test_add_func ("/exchange/sip-write/pseudonymised", test_pseudonymised);
  g_test_add_func ("/exchange/sip-write/file-mode", test_file_mode);
  g_test_add_func ("/exchange/sip-write/failed-finish", test_failed_finish);
  g_test_add_func ("/exchange/sip-write/failed-rename", test_failed_rename);
  g_test_add_func ("/exchange/sip-write/abandoned", test_abandoned);
  g_test_add_func ("/exchange/sip-write/documented-example", test_documented_example);

  return g_test_run ();
}
