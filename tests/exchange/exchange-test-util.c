/* exchange-test-util.c — fixtures, temporary files and plans shared by the SIP tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "exchange-test-util.h"

/* Documents to read ==================================================== */

char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "exchange", "files", name, NULL);
}

char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

void
assert_contains (const char *text,
                 const char *fragment)
{
  if (strstr (text, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", text, fragment);
  g_assert_nonnull (strstr (text, fragment));
}

char *
write_temp (const char *contents)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("kedja-validate-XXXXXX.xml", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_steal_pointer (&path);
}

/* Documents written ==================================================== */

KedjaSipWriteOptions
options_at (KedjaDate today)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 29, 8, 30, 0);
  KedjaSipWriteOptions options = { 0 };

  options.exported = g_date_time_to_unix (at);
  options.today = today;
  return options;
}

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

xmlDocPtr
parse_valid_bytes (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return parse_valid (data, len);
}

char *
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

gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return memmem (data, len, needle, strlen (needle)) != NULL;
}

GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

void
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

char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kedja-sip-write-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

GBytes *
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

KedjaPlan *
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

KedjaPlan *
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
