/* test-sip-read.c — SIP XML 1.0 in: the plans of valid files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A valid document must come back as the plan it describes, field by
 * field, from a file or from memory; a collection as its plans, each with
 * only its own; what the format leaves out with the format's defaults.
 * The files refused are in test-sip-refusals.c, and checking files
 * without importing them in test-sip-validate.c.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "kedja-core.h"
#include "kedja-sip.h"

#include "exchange-test-util.h"

/* Helpers ============================================================== */

static GPtrArray *
read_ok (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = kedja_sip_read_bytes (bytes, NAME, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plans);
  return plans;
}

/* The plan of files/plan-full.xml, built by hand from SIP-FORMAT.md. */
static KedjaPlan *
expected_full_plan (void)
{
  KedjaClient *client = kedja_client_new ("5e2a9c1d-7b3f-4a60-8d2e-1f4c6b8a9e22", "Åsa Öberg");
  KedjaPlan *plan;
  KedjaAgency *agency;
  KedjaConsent *consent;
  KedjaGoal *goal;
  KedjaStep *step;
  KedjaHandover *handover;
  KedjaMeeting *meeting;

  client->personal_number = g_strdup ("19811218-9876");
  client->district = g_strdup ("Angered");
  client->children_under_18 = 2;
  client->relatives_involved = TRUE;
  client->has_own_housing = TRUE;

  plan = kedja_plan_new ("3b8f6f7e-2c4a-4d7e-9a51-6c0e2d9b1a11", client,
                         "Åsas plan: <vård> & \"boende\" 'först' 🌱");
  plan->revision = 7;
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 1, 12);
  plan->own_goal = g_strdup ("Jag vill ha ett eget hem och ett jobb att gå till 🏠");
  plan->need_recorded = D (2026, 1, 5);
  plan->coordinating_agency_id = g_strdup ("soc");
  plan->coordinator = g_strdup ("Karin Lind");
  plan->follow_up = D (2026, 4, 1);

  agency = kedja_agency_new ("soc", "Socialtjänsten Angered", KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  agency->hsa_id = g_strdup ("SE2321000131-E000000000001");
  agency->org_number = g_strdup ("212000-1355");
  agency->contact = g_strdup ("031-365 00 00, angered@example.se");
  g_ptr_array_add (plan->agencies, agency);
  g_ptr_array_add (plan->agencies,
                   kedja_agency_new ("ber", "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE));
  g_ptr_array_add (plan->agencies,
                   kedja_agency_new ("bo", "Bostad först", KEDJA_AGENCY_KIND_HOUSING));
  g_ptr_array_add (plan->agencies, kedja_agency_new ("rf", "Återhämtningsföreningen",
                                                     KEDJA_AGENCY_KIND_CIVIL_SOCIETY));

  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, "soc", "Karin Lind"));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa Öberg"));
  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, NULL));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_PEER_SUPPORTER, "rf", "Jonas"));

  consent = kedja_consent_new ("ber", D (2026, 1, 12), KEDJA_CONSENT_FORM_WRITTEN);
  consent->expires = D (2027, 1, 12);
  consent->exclusion = g_strdup ("Inget om barnen");
  g_ptr_array_add (plan->consents, consent);
  consent = kedja_consent_new ("rf", D (2026, 1, 12), KEDJA_CONSENT_FORM_ORAL);
  consent->withdrawn = D (2026, 2, 1);
  g_ptr_array_add (plan->consents, consent);

  goal = kedja_goal_new ("g1", KEDJA_DOMAIN_HOUSING, "Eget boende");
  goal->target = D (2026, 12, 31);
  g_ptr_array_add (plan->goals, goal);
  goal = kedja_goal_new ("g2", KEDJA_DOMAIN_FAMILY, "Träffa barnen varje vecka");
  goal->status = KEDJA_GOAL_STATUS_REACHED;
  g_ptr_array_add (plan->goals, goal);

  step = kedja_step_new ("s1", KEDJA_PHASE_DETOX, "Avgiftning");
  step->status = KEDJA_STEP_STATUS_COMPLETED;
  step->agency_id = g_strdup ("ber");
  step->contact = g_strdup ("Dr. Nilsson");
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step->code = g_strdup ("DU011");
  step->planned_start = D (2026, 1, 15);
  step->planned_end = D (2026, 1, 25);
  step->actual_start = D (2026, 1, 16);
  step->actual_end = D (2026, 1, 24);
  g_ptr_array_add (step->goal_ids, g_strdup ("g1"));
  g_ptr_array_add (step->goal_ids, g_strdup ("g2"));
  step->note = g_strdup ("Gick bra; flyttade till öppenvården en dag tidigare.");
  g_ptr_array_add (plan->steps, step);

  /* Open-ended: no planned or actual end. */
  step = kedja_step_new ("s2", KEDJA_PHASE_TREATMENT, "Öppenvård");
  step->status = KEDJA_STEP_STATUS_ONGOING;
  step->agency_id = g_strdup ("ber");
  step->setting = KEDJA_CARE_SETTING_OUTPATIENT;
  step->planned_start = D (2026, 1, 25);
  step->actual_start = D (2026, 1, 25);
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new ("s3", KEDJA_PHASE_HOUSING, "Lägenhet");
  step->agency_id = g_strdup ("bo");
  step->planned_start = D (2026, 3, 1);
  g_ptr_array_add (plan->steps, step);

  handover = kedja_handover_new ("s1", "s2", D (2026, 1, 25));
  handover->meeting = D (2026, 1, 20);
  handover->confirmed = D (2026, 1, 24);
  handover->confirmed_by = g_strdup ("Dr. Nilsson");
  g_ptr_array_add (plan->handovers, handover);
  g_ptr_array_add (plan->handovers, kedja_handover_new ("s2", "s3", D (2026, 3, 1)));

  meeting = kedja_meeting_new (D (2026, 1, 12));
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, "soc", "Karin Lind"));
  g_ptr_array_add (meeting->attendees, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, NULL));
  g_ptr_array_add (plan->meetings, meeting);
  g_ptr_array_add (plan->meetings, kedja_meeting_new (D (2026, 2, 20)));

  g_ptr_array_add (plan->ratings, kedja_rating_new (D (2026, 1, 12), KEDJA_DOMAIN_HOUSING, 2));
  g_ptr_array_add (plan->ratings,
                   kedja_rating_new (D (2026, 2, 20), KEDJA_DOMAIN_SUBSTANCE_USE, 10));
  return plan;
}

static void
assert_plans_equal (const KedjaPlan *expected,
                    const KedjaPlan *actual)
{
  if (!kedja_plan_equal (expected, actual))
    {
      g_autofree char *changes = kedja_plan_describe_changes (expected, actual);

      g_error ("the plan read differs from the one expected:\n%s", changes);
    }
  g_assert_true (kedja_plan_equal (expected, actual));
}

/* Valid files ========================================================== */

static void
test_every_field (void)
{
  g_autofree char *path = fixture_path ("plan-full.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_file (path, &error);
  g_autoptr(KedjaPlan) expected = expected_full_plan ();

  g_assert_no_error (error);
  g_assert_nonnull (plans);
  g_assert_cmpuint (plans->len, ==, 1);
  assert_plans_equal (expected, g_ptr_array_index (plans, 0));
}

/* The same document from memory reads the same. */
static void
test_from_bytes (void)
{
  g_autofree char *xml = read_fixture ("plan-full.xml");
  g_autoptr(GPtrArray) plans = read_ok (xml);
  g_autoptr(KedjaPlan) expected = expected_full_plan ();

  g_assert_cmpuint (plans->len, ==, 1);
  assert_plans_equal (expected, g_ptr_array_index (plans, 0));
}

static void
test_collection (void)
{
  g_autofree char *path = fixture_path ("collection.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_file (path, &error);
  const char *titles[] = { "Plan ett", "Plan två", "Plan tre" };
  KedjaPlan *second;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (plans, i);

      g_assert_cmpstr (plan->title, ==, titles[i]);
      g_assert_cmpint (plan->revision, ==, i + 1);
    }

  /* Each plan has its own agencies and steps, none of another's. */
  second = g_ptr_array_index (plans, 1);
  g_assert_cmpint (second->status, ==, KEDJA_PLAN_STATUS_ACTIVE);
  g_assert_true (second->client->protected_identity);
  g_assert_null (second->client->name);
  g_assert_cmpuint (second->agencies->len, ==, 1);
  g_assert_cmpuint (second->steps->len, ==, 1);
  g_assert_cmpuint (((KedjaPlan *) g_ptr_array_index (plans, 0))->agencies->len, ==, 0);
  g_assert_cmpuint (((KedjaPlan *) g_ptr_array_index (plans, 2))->steps->len, ==, 0);
}

static void
test_empty_collection (void)
{
  g_autoptr(GPtrArray) plans =
    read_ok ("<sip-collection xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\"/>");

  g_assert_cmpuint (plans->len, ==, 0);
}

/* What the format leaves out has the format's defaults. */
static void
test_defaults (void)
{
  g_autoptr(GPtrArray) plans = read_ok (
    "<?xml version=\"1.0\"?>\n"
    "<sip xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\" revision=\"0\" status=\"draft\"\n"
    "     id=\"3b8f6f7e-2c4a-4d7e-9a51-6c0e2d9b1a11\" created=\" 2026-01-12 \">\n"
    "  <title>Ny plan</title>\n"
    "  <client id=\"5e2a9c1d-7b3f-4a60-8d2e-1f4c6b8a9e22\" protected-identity=\"1\"/>\n"
    "</sip>\n");
  KedjaPlan *plan = g_ptr_array_index (plans, 0);

  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (plan->revision, ==, 0);
  g_assert_cmpint (plan->created, ==, D (2026, 1, 12));
  g_assert_true (plan->client->protected_identity);
  g_assert_false (plan->client->has_own_housing);
  g_assert_false (plan->client->relatives_involved);
  g_assert_cmpuint (plan->client->children_under_18, ==, 0);
  g_assert_null (plan->client->name);
  g_assert_null (plan->own_goal);
  g_assert_null (plan->coordinating_agency_id);
  g_assert_cmpint (plan->follow_up, ==, KEDJA_DATE_NONE);
  g_assert_cmpuint (plan->steps->len, ==, 0);
}

/* Text may come in pieces: around a comment, in a CDATA section. */
static void
test_text_in_pieces (void)
{
  g_autoptr(GPtrArray) plans = read_ok (
    "<sip xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\" revision=\"0\" status=\"draft\"\n"
    "     id=\"3b8f6f7e-2c4a-4d7e-9a51-6c0e2d9b1a11\" created=\"2026-01-12\">\n"
    "  <title>Del<!-- a comment -->ad <![CDATA[<plan> & mer]]></title>\n"
    "  <client id=\"5e2a9c1d-7b3f-4a60-8d2e-1f4c6b8a9e22\" protected-identity=\"false\">\n"
    "    <name>  Åsa\n  Öberg </name>\n"
    "  </client>\n"
    "</sip>\n");
  KedjaPlan *plan = g_ptr_array_index (plans, 0);

  g_assert_cmpstr (plan->title, ==, "Delad <plan> & mer");
  /* A person's text is kept as written, blanks and all. */
  g_assert_cmpstr (plan->client->name, ==, "  Åsa\n  Öberg ");
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/sip-read/valid/every-field", test_every_field);
  g_test_add_func ("/exchange/sip-read/valid/from-bytes", test_from_bytes);
  g_test_add_func ("/exchange/sip-read/valid/collection", test_collection);
  g_test_add_func ("/exchange/sip-read/valid/empty-collection", test_empty_collection);
  g_test_add_func ("/exchange/sip-read/valid/defaults", test_defaults);
  g_test_add_func ("/exchange/sip-read/valid/text-in-pieces", test_text_in_pieces);

  return g_test_run ();
}
