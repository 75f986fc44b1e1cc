/* test-plan.c — the plan as a whole: copies, validation, change lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kedja-core.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

#define CLINIC_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a01"
#define SOCIAL_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a02"
#define HOUSING_ID "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a03"
#define DETOX_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b01"
#define TREAT_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02"
#define FLAT_ID    "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03"
#define GOAL_ID    "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"

/* A small plan with one of every kind of record. */
static KedjaPlan *
make_plan (void)
{
  KedjaClient *client = kedja_client_new ("2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20", "Åsa Öberg");
  KedjaPlan *plan;
  KedjaAgency *agency;
  KedjaStep *step;
  KedjaConsent *consent;
  KedjaMeeting *meeting;
  KedjaGoal *goal;

  client->personal_number = g_strdup ("19811218-9876");
  client->district = g_strdup ("Angered");
  client->children_under_18 = 2;
  client->relatives_involved = TRUE;

  plan = kedja_plan_new ("51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42", client, "SIP för Åsa");
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 8, 20);
  plan->need_recorded = D (2026, 8, 15);
  plan->own_goal = g_strdup ("Jag vill bo i en egen lägenhet & träffa mina barn <3");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 10);

  g_ptr_array_add (plan->agencies, kedja_agency_new (CLINIC_ID, "Beroendekliniken",
                                                     KEDJA_AGENCY_KIND_ADDICTION_CARE));
  agency = kedja_agency_new (SOCIAL_ID, "Socialtjänsten Angered", KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  agency->contact = g_strdup ("031-365 00 00");
  g_ptr_array_add (plan->agencies, agency);
  g_ptr_array_add (plan->agencies, kedja_agency_new (HOUSING_ID, "Bostadsbolaget",
                                                     KEDJA_AGENCY_KIND_HOUSING));

  goal = kedja_goal_new (GOAL_ID, KEDJA_DOMAIN_FAMILY, "Träffa barnen varje vecka");
  goal->target = D (2027, 3, 1);
  g_ptr_array_add (plan->goals, goal);

  step = kedja_step_new (DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning");
  step->agency_id = g_strdup (CLINIC_ID);
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step->status = KEDJA_STEP_STATUS_COMPLETED;
  step->planned_start = D (2026, 9, 1);
  step->planned_end = D (2026, 9, 10);
  step->actual_start = D (2026, 9, 2);
  step->actual_end = D (2026, 9, 11);
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (TREAT_ID, KEDJA_PHASE_TREATMENT, "Behandlingshem");
  step->agency_id = g_strdup (CLINIC_ID);
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step->planned_start = D (2026, 9, 12);
  step->planned_end = D (2026, 12, 4);
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL_ID));
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (FLAT_ID, KEDJA_PHASE_HOUSING, "Träningslägenhet");
  step->agency_id = g_strdup (HOUSING_ID);
  step->planned_start = D (2026, 12, 5);
  g_ptr_array_add (plan->steps, step);

  g_ptr_array_add (plan->handovers, kedja_handover_new (DETOX_ID, TREAT_ID, D (2026, 9, 11)));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  consent = kedja_consent_new (CLINIC_ID, D (2026, 8, 20), KEDJA_CONSENT_FORM_WRITTEN);
  consent->exclusion = g_strdup ("Inget om tidigare domar");
  g_ptr_array_add (plan->consents, consent);
  meeting = kedja_meeting_new (D (2026, 8, 20));
  g_ptr_array_add (meeting->attendees, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa"));
  g_ptr_array_add (plan->meetings, meeting);
  g_ptr_array_add (plan->ratings, kedja_rating_new (D (2026, 8, 20), KEDJA_DOMAIN_HOUSING, 3));

  return plan;
}

static KedjaStep *
step_at (KedjaPlan *plan,
         guint      i)
{
  return g_ptr_array_index (plan->steps, i);
}

static void
test_copy_equal (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(KedjaPlan) copy = kedja_plan_copy (plan);

  g_assert_true (kedja_plan_equal (plan, copy));

  /* A change anywhere, however deep, makes them differ. */
  step_at (copy, 1)->planned_end++;
  g_assert_false (kedja_plan_equal (plan, copy));
  step_at (copy, 1)->planned_end--;
  g_ptr_array_add (step_at (copy, 2)->goal_ids, g_strdup (GOAL_ID));
  g_assert_false (kedja_plan_equal (plan, copy));
  g_ptr_array_remove_index (step_at (copy, 2)->goal_ids, 0);
  g_assert_true (kedja_plan_equal (plan, copy));
  copy->client->protected_identity = TRUE;
  g_assert_false (kedja_plan_equal (plan, copy));
  copy->client->protected_identity = FALSE;
  KedjaMeeting *meeting = g_ptr_array_index (copy->meetings, 0);
  KedjaParticipant *attendee = g_ptr_array_index (meeting->attendees, 0);
  attendee->role = KEDJA_ROLE_RELATIVE;
  g_assert_false (kedja_plan_equal (plan, copy));
}

static void
test_valid (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_plan_validate (plan, &error));
  g_assert_no_error (error);
}

/* Breaks @plan in one way and checks the refusal names the problem. */
static void
assert_invalid (KedjaPlan      *plan,
                KedjaModelError code,
                const char     *expected_text)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kedja_plan_validate (plan, &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, (int) code);
  if (strstr (error->message, expected_text) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected_text);
}

static void
test_end_before_start (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();

  step_at (plan, 1)->planned_end = D (2026, 9, 1);
  assert_invalid (plan, KEDJA_MODEL_ERROR_DATE_ORDER,
                  "Step “Behandlingshem” ends (2026-09-01) before it starts (2026-09-12)");
}

static void
test_actual_end_before_start (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();

  step_at (plan, 0)->actual_end = D (2026, 9, 1);
  assert_invalid (plan, KEDJA_MODEL_ERROR_DATE_ORDER, "Step “Avgiftning” ends (2026-09-01)");
}

static void
test_same_day_is_fine (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();

  /* Start and end are inclusive: a one-day step ends the day it starts. */
  step_at (plan, 1)->planned_end = step_at (plan, 1)->planned_start;
  g_assert_true (kedja_plan_validate (plan, NULL));
}

static void
test_dangling_references (void)
{
  g_autoptr(KedjaPlan) agency = make_plan ();
  g_autoptr(KedjaPlan) goal = make_plan ();
  g_autoptr(KedjaPlan) handover = make_plan ();
  g_autoptr(KedjaPlan) consent = make_plan ();
  g_autoptr(KedjaPlan) coordination = make_plan ();
  KedjaHandover *h;

  g_free (step_at (agency, 2)->agency_id);
  step_at (agency, 2)->agency_id = g_strdup ("no-such-agency");
  assert_invalid (agency, KEDJA_MODEL_ERROR_DANGLING_REFERENCE, "Step “Träningslägenhet”");

  g_ptr_array_add (step_at (goal, 0)->goal_ids, g_strdup ("no-such-goal"));
  assert_invalid (goal, KEDJA_MODEL_ERROR_DANGLING_REFERENCE, "no-such-goal");

  h = g_ptr_array_index (handover->handovers, 0);
  g_free (h->to_step_id);
  h->to_step_id = g_strdup ("no-such-step");
  assert_invalid (handover, KEDJA_MODEL_ERROR_DANGLING_REFERENCE, "Handover number 1");

  g_ptr_array_remove_index (consent->agencies, 0);
  g_ptr_array_set_size (consent->steps, 0);
  g_ptr_array_set_size (consent->handovers, 0);
  assert_invalid (consent, KEDJA_MODEL_ERROR_DANGLING_REFERENCE, "consent");

  g_free (coordination->coordinating_agency_id);
  coordination->coordinating_agency_id = g_strdup ("gone");
  assert_invalid (coordination, KEDJA_MODEL_ERROR_DANGLING_REFERENCE, "coordinating");
}

static void
test_duplicate_ids (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();

  g_free (step_at (plan, 2)->id);
  step_at (plan, 2)->id = g_strdup (TREAT_ID);
  assert_invalid (plan, KEDJA_MODEL_ERROR_DUPLICATE_ID, TREAT_ID);
}

static void
test_handover_to_itself (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  KedjaHandover *h = g_ptr_array_index (plan->handovers, 0);

  g_free (h->to_step_id);
  h->to_step_id = g_strdup (DETOX_ID);
  assert_invalid (plan, KEDJA_MODEL_ERROR_INVALID_VALUE, "to itself");
}

static void
test_ratings (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  KedjaRating *rating = g_ptr_array_index (plan->ratings, 0);

  rating->value = 1;
  g_assert_true (kedja_plan_validate (plan, NULL));
  rating->value = 10;
  g_assert_true (kedja_plan_validate (plan, NULL));
  rating->value = 11;
  assert_invalid (plan, KEDJA_MODEL_ERROR_OUT_OF_RANGE, "is 11; a rating is from 1 to 10");
  rating->value = 0;
  assert_invalid (plan, KEDJA_MODEL_ERROR_OUT_OF_RANGE, "is 0");
}

static void
test_required_fields (void)
{
  g_autoptr(KedjaPlan) title = make_plan ();
  g_autoptr(KedjaPlan) name = make_plan ();
  g_autoptr(KedjaPlan) step_title = make_plan ();
  g_autoptr(KedjaPlan) start = make_plan ();
  g_autoptr(KedjaPlan) id = make_plan ();

  g_free (title->title);
  title->title = g_strdup ("   ");
  assert_invalid (title, KEDJA_MODEL_ERROR_MISSING, "no title");

  /* Without a name is how protected identities and pseudonymised plans
   * arrive from partners. */
  g_clear_pointer (&name->client->name, g_free);
  g_assert_true (kedja_plan_validate (name, NULL));

  g_clear_pointer (&step_at (step_title, 1)->title, g_free);
  assert_invalid (step_title, KEDJA_MODEL_ERROR_MISSING, "Step number 2 has no title");

  step_at (start, 2)->planned_start = KEDJA_DATE_NONE;
  assert_invalid (start, KEDJA_MODEL_ERROR_MISSING, "no planned start");

  g_free (id->id);
  id->id = g_strdup ("plan-1");
  assert_invalid (id, KEDJA_MODEL_ERROR_MISSING, "UUID");
}

static void
test_agencies (void)
{
  g_autoptr(KedjaPlan) kind = make_plan ();
  g_autoptr(KedjaPlan) name = make_plan ();
  KedjaAgency *agency;

  agency = g_ptr_array_index (kind->agencies, 2);
  agency->kind = 42;
  assert_invalid (kind, KEDJA_MODEL_ERROR_INVALID_VALUE,
                  "The agency “Bostadsbolaget” has no valid kind");

  agency = g_ptr_array_index (name->agencies, 0);
  g_free (agency->name);
  agency->name = g_strdup (" ");
  assert_invalid (name, KEDJA_MODEL_ERROR_MISSING, "An agency has no name");
}

static void
test_bad_identity_number (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(GError) error = NULL;

  g_free (plan->client->personal_number);
  plan->client->personal_number = g_strdup ("19811218-9875");
  g_assert_false (kedja_plan_validate (plan, &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_PERSONAL_NUMBER);
}

static void
test_setting_only_for_care (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();

  step_at (plan, 2)->setting = KEDJA_CARE_SETTING_OUTPATIENT;
  assert_invalid (plan, KEDJA_MODEL_ERROR_INVALID_VALUE, "Step “Träningslägenhet” is not detox");
}

static void
test_consent_dates (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  KedjaConsent *consent = g_ptr_array_index (plan->consents, 0);

  consent->expires = D (2026, 8, 19);
  assert_invalid (plan, KEDJA_MODEL_ERROR_DATE_ORDER, "consent for “Beroendekliniken”");
}

/* Actual dates win over planned ones, each on its own. */
static void
test_step_dates (void)
{
  g_autoptr(KedjaStep) step = kedja_step_new (NULL, KEDJA_PHASE_DETOX, "Avgiftning");

  g_assert_true (g_uuid_string_is_valid (step->id));
  step->planned_start = D (2026, 9, 1);
  g_assert_cmpint (kedja_step_get_start (step), ==, D (2026, 9, 1));
  g_assert_cmpint (kedja_step_get_end (step), ==, KEDJA_DATE_NONE);
  step->planned_end = D (2026, 9, 10);
  step->actual_start = D (2026, 9, 3);
  g_assert_cmpint (kedja_step_get_start (step), ==, D (2026, 9, 3));
  g_assert_cmpint (kedja_step_get_end (step), ==, D (2026, 9, 10));
  step->actual_end = D (2026, 9, 8);
  g_assert_cmpint (kedja_step_get_end (step), ==, D (2026, 9, 8));
}

/* A drag on the timeline moves what the step has: planned dates before it
 * starts, actual ones once it has. */
static void
test_step_move (void)
{
  g_autoptr(KedjaStep) planned = kedja_step_new (NULL, KEDJA_PHASE_TREATMENT, "Behandling");
  g_autoptr(KedjaStep) ongoing = kedja_step_new (NULL, KEDJA_PHASE_TREATMENT, "Behandling");
  g_autoptr(KedjaStep) done = kedja_step_new (NULL, KEDJA_PHASE_DETOX, "Avgiftning");

  planned->planned_start = D (2026, 9, 1);
  planned->planned_end = D (2026, 9, 30);
  kedja_step_move (planned, D (2026, 9, 3), D (2026, 10, 2));
  g_assert_cmpint (planned->planned_start, ==, D (2026, 9, 3));
  g_assert_cmpint (planned->planned_end, ==, D (2026, 10, 2));
  g_assert_cmpint (planned->actual_start, ==, KEDJA_DATE_NONE);

  ongoing->planned_start = D (2026, 9, 1);
  ongoing->planned_end = D (2026, 9, 30);
  ongoing->actual_start = D (2026, 9, 2);
  kedja_step_move (ongoing, D (2026, 9, 2), KEDJA_DATE_NONE);
  g_assert_cmpint (ongoing->actual_start, ==, D (2026, 9, 2));
  g_assert_cmpint (ongoing->planned_start, ==, D (2026, 9, 1));
  g_assert_cmpint (ongoing->planned_end, ==, KEDJA_DATE_NONE);
  g_assert_cmpint (kedja_step_get_end (ongoing), ==, KEDJA_DATE_NONE);

  /* Dragged back before its planned start: still a valid step. */
  ongoing->planned_end = D (2026, 9, 30);
  kedja_step_move (ongoing, D (2026, 7, 1), D (2026, 7, 29));
  g_assert_cmpint (ongoing->actual_start, ==, D (2026, 7, 1));
  g_assert_cmpint (ongoing->planned_end, ==, D (2026, 7, 29));
  g_assert_cmpint (ongoing->planned_start, ==, D (2026, 7, 1));

  done->planned_start = D (2026, 8, 1);
  done->planned_end = D (2026, 8, 10);
  done->actual_start = D (2026, 8, 2);
  done->actual_end = D (2026, 8, 11);
  kedja_step_move (done, D (2026, 8, 3), D (2026, 8, 12));
  g_assert_cmpint (kedja_step_get_start (done), ==, D (2026, 8, 3));
  g_assert_cmpint (kedja_step_get_end (done), ==, D (2026, 8, 12));
  g_assert_cmpint (done->planned_end, ==, D (2026, 8, 10));
}

static void
test_consent_in_force (void)
{
  KedjaDate today = D (2026, 11, 29);
  g_autoptr(KedjaConsent) consent = kedja_consent_new ("x", today, KEDJA_CONSENT_FORM_ORAL);

  g_assert_true (kedja_consent_in_force (consent, today));
  g_assert_false (kedja_consent_in_force (consent, today - 1));

  consent->withdrawn = today + 1;
  g_assert_true (kedja_consent_in_force (consent, today));
  consent->withdrawn = today;
  g_assert_false (kedja_consent_in_force (consent, today));
  consent->withdrawn = KEDJA_DATE_NONE;

  consent->expires = today;
  g_assert_true (kedja_consent_in_force (consent, today));
  g_assert_false (kedja_consent_in_force (consent, today + 1));
}

static void
test_describe_changes (void)
{
  g_autoptr(KedjaPlan) before = make_plan ();
  g_autoptr(KedjaPlan) after = kedja_plan_copy (before);
  g_autofree char *none = kedja_plan_describe_changes (before, after);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr (none, ==, "");

  step_at (after, 0)->planned_end = D (2026, 9, 12);
  g_ptr_array_remove_index (after->steps, 2);
  g_ptr_array_add (after->steps, kedja_step_new (NULL, KEDJA_PHASE_EMPLOYMENT, "Arbetsträning"));
  g_free (after->client->personal_number);
  after->client->personal_number = g_strdup ("19121212-1212");
  after->status = KEDJA_PLAN_STATUS_CLOSED;

  text = kedja_plan_describe_changes (before, after);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_strv_contains ((const char * const *) lines, "Status: active → closed"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "Client: identity number changed"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "Step “Avgiftning”: planned end: 2026-09-10 → 2026-09-12"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "Step added: “Arbetsträning”"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "Step removed: “Träningslägenhet”"));
  /* The identity numbers themselves never go into the log. */
  g_assert_null (strstr (text, "1212"));
  g_assert_null (strstr (text, "9876"));
}

static void
test_display_protected (void)
{
  g_assert_cmpstr (kedja_client_display_name ("Åsa Öberg", FALSE), ==, "Åsa Öberg");
  g_assert_cmpstr (kedja_client_display_name ("Åsa Öberg", TRUE), ==, "Protected identity");
  g_assert_cmpstr (kedja_client_display_name (NULL, FALSE), ==, "No name");
  g_assert_cmpstr (kedja_client_display_name (" ", FALSE), ==, "No name");
  g_assert_cmpstr (kedja_client_display_name (NULL, TRUE), ==, "Protected identity");
  g_assert_cmpstr (kedja_client_display_district ("Angered", FALSE), ==, "Angered");
  g_assert_null (kedja_client_display_district ("Angered", TRUE));
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/plan/copy-equal", test_copy_equal);
  g_test_add_func ("/core/plan/valid", test_valid);
  g_test_add_func ("/core/plan/invalid/end-before-start", test_end_before_start);
  g_test_add_func ("/core/plan/invalid/actual-end-before-start", test_actual_end_before_start);
  g_test_add_func ("/core/plan/one-day-step", test_same_day_is_fine);
  g_test_add_func ("/core/plan/invalid/dangling-references", test_dangling_references);
  g_test_add_func ("/core/plan/invalid/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/core/plan/invalid/handover-to-itself", test_handover_to_itself);
  g_test_add_func ("/core/plan/invalid/ratings", test_ratings);
  g_test_add_func ("/core/plan/invalid/required-fields", test_required_fields);
  g_test_add_func ("/core/plan/invalid/agencies", test_agencies);
  g_test_add_func ("/core/plan/invalid/identity-number", test_bad_identity_number);
  g_test_add_func ("/core/plan/invalid/setting", test_setting_only_for_care);
  g_test_add_func ("/core/plan/invalid/consent-dates", test_consent_dates);
  g_test_add_func ("/core/plan/step-dates", test_step_dates);
  g_test_add_func ("/core/plan/step-move", test_step_move);
  g_test_add_func ("/core/plan/consent-in-force", test_consent_in_force);
  g_test_add_func ("/core/plan/describe-changes", test_describe_changes);
  g_test_add_func ("/core/plan/display-protected", test_display_protected);

  return g_test_run ();
}
