/* test-export-policy.c — what of a plan may leave: pseudonyms, protected
 * identity, phases and parts left out, consent exclusions read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kedja-core.h"
#include "kedja-export-policy.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

#define PLAN_ID    "51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42"
#define CLIENT_ID  "2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20"
#define CLINIC_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a01"
#define SOCIAL_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a02"
#define PSYCH_ID   "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a04"
#define DETOX_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b01"
#define TREAT_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02"
#define FLAT_ID    "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03"
#define PSYCH_STEP "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b04"
#define GOAL_ID    "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"
#define GOAL2_ID   "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c02"

#define KEY_A "0123456789abcdef0123456789abcdef"
#define KEY_B "fedcba9876543210fedcba9876543210"

/* A plan with one of every kind of record, a relative at the table and in
 * a meeting, and a psychiatric step linked to a goal. */
static KedjaPlan *
make_plan (void)
{
  KedjaClient *client = kedja_client_new (CLIENT_ID, "Åsa Öberg");
  KedjaPlan *plan;
  KedjaStep *step;
  KedjaMeeting *meeting;
  KedjaRating *rating;

  client->personal_number = g_strdup ("19811218-9876");
  client->district = g_strdup ("Angered");
  client->children_under_18 = 1;
  client->relatives_involved = TRUE;

  plan = kedja_plan_new (PLAN_ID, client, "SIP 2026");
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 8, 20);
  plan->own_goal = g_strdup ("Jag vill bo i en egen lägenhet");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");

  g_ptr_array_add (plan->agencies, kedja_agency_new (CLINIC_ID, "Beroendekliniken",
                                                     KEDJA_AGENCY_KIND_ADDICTION_CARE));
  g_ptr_array_add (plan->agencies, kedja_agency_new (SOCIAL_ID, "Socialtjänsten",
                                                     KEDJA_AGENCY_KIND_SOCIAL_SERVICES));
  g_ptr_array_add (plan->agencies, kedja_agency_new (PSYCH_ID, "Psykiatrin",
                                                     KEDJA_AGENCY_KIND_PSYCHIATRY));

  g_ptr_array_add (plan->goals, kedja_goal_new (GOAL_ID, KEDJA_DOMAIN_HOUSING, "Eget kontrakt"));
  g_ptr_array_add (plan->goals, kedja_goal_new (GOAL2_ID, KEDJA_DOMAIN_HEALTH, "Må bättre"));

  step = kedja_step_new (DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning");
  step->agency_id = g_strdup (CLINIC_ID);
  step->planned_start = D (2026, 9, 1);
  step->planned_end = D (2026, 9, 10);
  step->note = g_strdup ("Gick bra");
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (TREAT_ID, KEDJA_PHASE_TREATMENT, "Behandlingshem");
  step->agency_id = g_strdup (CLINIC_ID);
  step->planned_start = D (2026, 9, 11);
  step->planned_end = D (2026, 12, 4);
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL_ID));
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (FLAT_ID, KEDJA_PHASE_HOUSING, "Träningslägenhet");
  step->planned_start = D (2026, 12, 5);
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL_ID));
  g_ptr_array_add (plan->steps, step);

  step = kedja_step_new (PSYCH_STEP, KEDJA_PHASE_HEALTH, "Psykiatrisk uppföljning");
  step->agency_id = g_strdup (PSYCH_ID);
  step->planned_start = D (2026, 9, 5);
  step->note = g_strdup ("Medicinering ses över");
  g_ptr_array_add (step->goal_ids, g_strdup (GOAL2_ID));
  g_ptr_array_add (plan->steps, step);

  g_ptr_array_add (plan->handovers, kedja_handover_new (DETOX_ID, TREAT_ID, D (2026, 9, 10)));
  g_ptr_array_add (plan->handovers, kedja_handover_new (TREAT_ID, FLAT_ID, D (2026, 12, 4)));
  g_ptr_array_add (plan->handovers, kedja_handover_new (DETOX_ID, PSYCH_STEP, D (2026, 9, 5)));

  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa"));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, "Bengt Öberg"));
  g_ptr_array_add (plan->consents, kedja_consent_new (CLINIC_ID, D (2026, 8, 20),
                                                      KEDJA_CONSENT_FORM_WRITTEN));

  meeting = kedja_meeting_new (D (2026, 8, 20));
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, SOCIAL_ID, "Maria Lind"));
  g_ptr_array_add (meeting->attendees, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, "Åsa"));
  g_ptr_array_add (meeting->attendees,
                   kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, "Bengt Öberg"));
  g_ptr_array_add (plan->meetings, meeting);

  rating = kedja_rating_new (D (2026, 8, 20), KEDJA_DOMAIN_HOUSING, 3);
  rating->note = g_strdup ("Bor hos en kompis");
  g_ptr_array_add (plan->ratings, rating);
  return plan;
}

static KedjaStep *
step_at (const KedjaPlan *plan,
         guint            i)
{
  return g_ptr_array_index (plan->steps, i);
}

static KedjaParticipant *
participant_at (GPtrArray *people,
                guint      i)
{
  return g_ptr_array_index (people, i);
}

static KedjaMeeting *
first_meeting (const KedjaPlan *plan)
{
  return g_ptr_array_index (plan->meetings, 0);
}

static void
set_key (KedjaExportPolicy *policy,
         const char        *key)
{
  g_clear_pointer (&policy->pseudonym_key, g_bytes_unref);
  policy->pseudonym_key = g_bytes_new (key, strlen (key));
}

/* Every reference in @plan resolves inside it. */
static void
assert_references_resolve (const KedjaPlan *plan)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = step_at (plan, i);

      for (guint j = 0; j < step->goal_ids->len; j++)
        g_assert_nonnull (kedja_plan_find_goal (plan, g_ptr_array_index (step->goal_ids, j)));
      if (step->agency_id != NULL)
        g_assert_nonnull (kedja_plan_find_agency (plan, step->agency_id));
    }
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

      g_assert_nonnull (kedja_plan_find_step (plan, handover->from_step_id));
      g_assert_nonnull (kedja_plan_find_step (plan, handover->to_step_id));
    }
}

/* Tests ================================================================ */

static void
test_init_clear (void)
{
  KedjaExportPolicy policy;

  kedja_export_policy_init (&policy);
  g_assert_false (policy.pseudonymise);
  g_assert_null (policy.pseudonym_key);
  g_assert_cmpuint (policy.omit_phases, ==, 0);
  g_assert_cmpuint (policy.omit_parts, ==, 0);

  policy.pseudonymise = TRUE;
  set_key (&policy, KEY_A);
  policy.omit_parts = KEDJA_EXPORT_PART_NOTES;
  kedja_export_policy_clear (&policy);
  g_assert_false (policy.pseudonymise);
  g_assert_null (policy.pseudonym_key);
  g_assert_cmpuint (policy.omit_parts, ==, 0);
}

static void
test_pseudonym (void)
{
  g_autoptr(GBytes) key_a = g_bytes_new_static (KEY_A, strlen (KEY_A));
  g_autoptr(GBytes) key_b = g_bytes_new_static (KEY_B, strlen (KEY_B));
  g_autofree char *first = kedja_pseudonym_for_id (key_a, PLAN_ID);
  g_autofree char *again = kedja_pseudonym_for_id (key_a, PLAN_ID);
  g_autofree char *other_key = kedja_pseudonym_for_id (key_b, PLAN_ID);
  g_autofree char *other_id = kedja_pseudonym_for_id (key_a, CLIENT_ID);

  /* HMAC-SHA256 of the id under the key, its first 16 bytes with the
   * version and variant bits of a random UUID: computed independently
   * with Python's hmac module. */
  g_assert_cmpstr (first, ==, "23947a5c-5849-4c46-8334-455a0301488a");
  g_assert_true (g_uuid_string_is_valid (first));
  g_assert_cmpint (first[14], ==, '4');
  g_assert_nonnull (strchr ("89ab", first[19]));
  for (const char *p = first; *p; p++)
    g_assert_false (g_ascii_isupper (*p));

  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other_key);
  g_assert_cmpstr (first, !=, other_id);
  g_assert_cmpstr (first, !=, PLAN_ID);
}

static void
test_pseudonymise (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(KedjaPlan) original = kedja_plan_copy (plan);
  g_autoptr(KedjaPlan) copy = NULL;
  g_autoptr(KedjaPlan) same = NULL;
  g_autoptr(KedjaPlan) other = NULL;
  g_autoptr(KedjaPlan) named = NULL;
  g_autofree char *plan_pseudonym = NULL;
  g_autofree char *detox_pseudonym = NULL;
  g_autofree char *goal_pseudonym = NULL;
  KedjaExportPolicy policy;

  kedja_export_policy_init (&policy);
  policy.pseudonymise = TRUE;
  set_key (&policy, KEY_A);
  copy = kedja_plan_copy_for_export (plan, &policy);

  /* The original is untouched. */
  g_assert_true (kedja_plan_equal (plan, original));

  /* Nothing that names the person. */
  g_assert_null (copy->client->name);
  g_assert_null (copy->client->personal_number);
  g_assert_null (copy->client->district);
  g_assert_null (participant_at (copy->participants, 1)->name);  /* the client */
  g_assert_null (participant_at (copy->participants, 2)->name);  /* the relative */
  g_assert_null (participant_at (first_meeting (copy)->attendees, 1)->name);
  g_assert_null (participant_at (first_meeting (copy)->attendees, 2)->name);
  /* The people of the agencies act in their work role and keep their names. */
  g_assert_cmpstr (participant_at (copy->participants, 0)->name, ==, "Maria Lind");
  /* The facts that are no identity stay. */
  g_assert_cmpuint (copy->client->children_under_18, ==, 1);
  g_assert_cmpuint (copy->steps->len, ==, 4);

  /* Every id of the person's records is its pseudonym; agencies keep theirs. */
  plan_pseudonym = kedja_pseudonym_for_id (policy.pseudonym_key, PLAN_ID);
  detox_pseudonym = kedja_pseudonym_for_id (policy.pseudonym_key, DETOX_ID);
  goal_pseudonym = kedja_pseudonym_for_id (policy.pseudonym_key, GOAL_ID);
  g_assert_cmpstr (copy->id, ==, plan_pseudonym);
  g_assert_true (g_uuid_string_is_valid (copy->client->id));
  g_assert_cmpstr (copy->client->id, !=, CLIENT_ID);
  g_assert_cmpstr (step_at (copy, 0)->id, ==, detox_pseudonym);
  g_assert_cmpstr (((KedjaGoal *) g_ptr_array_index (copy->goals, 0))->id, ==, goal_pseudonym);
  g_assert_cmpstr (g_ptr_array_index (step_at (copy, 1)->goal_ids, 0), ==, goal_pseudonym);
  g_assert_cmpstr (((KedjaHandover *) g_ptr_array_index (copy->handovers, 0))->from_step_id, ==,
                   detox_pseudonym);
  g_assert_cmpstr (step_at (copy, 0)->agency_id, ==, CLINIC_ID);
  g_assert_cmpstr (copy->coordinating_agency_id, ==, SOCIAL_ID);
  for (guint i = 0; i < copy->steps->len; i++)
    g_assert_null (kedja_plan_find_step (plan, step_at (copy, i)->id));
  assert_references_resolve (copy);

  /* kedja_plan_validate wants a name for a client without protected
   * identity; with one put back, nothing else in the copy is wrong. */
  named = kedja_plan_copy (copy);
  named->client->name = g_strdup ("Pseudonym");
  kedja_plan_validate (named, &error);
  g_assert_no_error (error);

  /* The same key gives the same pseudonyms every time; another key others. */
  same = kedja_plan_copy_for_export (plan, &policy);
  g_assert_true (kedja_plan_equal (copy, same));
  set_key (&policy, KEY_B);
  other = kedja_plan_copy_for_export (plan, &policy);
  g_assert_cmpstr (other->id, !=, copy->id);
  g_assert_cmpstr (step_at (other, 0)->id, !=, step_at (copy, 0)->id);
  assert_references_resolve (other);

  kedja_export_policy_clear (&policy);
}

/* A protected identity loses what names the person even without
 * pseudonyms, and a pseudonymised copy of it validates as it is. */
static void
test_protected_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(KedjaPlan) copy = NULL;
  g_autoptr(KedjaPlan) pseudonymised = NULL;
  KedjaExportPolicy policy;

  plan->client->protected_identity = TRUE;
  kedja_export_policy_init (&policy);
  copy = kedja_plan_copy_for_export (plan, &policy);

  g_assert_null (copy->client->name);
  g_assert_null (copy->client->personal_number);
  g_assert_null (copy->client->district);
  g_assert_null (participant_at (copy->participants, 2)->name);
  g_assert_null (participant_at (first_meeting (copy)->attendees, 2)->name);
  g_assert_true (copy->client->protected_identity);
  g_assert_cmpstr (copy->id, ==, PLAN_ID);  /* ids stay: no pseudonyms asked for */
  kedja_plan_validate (copy, &error);
  g_assert_no_error (error);

  policy.pseudonymise = TRUE;
  set_key (&policy, KEY_A);
  pseudonymised = kedja_plan_copy_for_export (plan, &policy);
  g_assert_cmpstr (pseudonymised->id, !=, PLAN_ID);
  kedja_plan_validate (pseudonymised, &error);
  g_assert_no_error (error);
  kedja_export_policy_clear (&policy);
}

static void
test_omit_phases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(KedjaPlan) copy = NULL;
  KedjaExportPolicy policy;

  kedja_export_policy_init (&policy);
  policy.omit_phases = 1u << KEDJA_PHASE_HEALTH | 1u << KEDJA_PHASE_DETOX;
  copy = kedja_plan_copy_for_export (plan, &policy);

  g_assert_cmpuint (copy->steps->len, ==, 2);
  g_assert_cmpstr (step_at (copy, 0)->id, ==, TREAT_ID);
  g_assert_cmpstr (step_at (copy, 1)->id, ==, FLAT_ID);
  /* Only the handover between the steps that stay is left. */
  g_assert_cmpuint (copy->handovers->len, ==, 1);
  g_assert_cmpstr (((KedjaHandover *) g_ptr_array_index (copy->handovers, 0))->from_step_id, ==,
                   TREAT_ID);
  /* The goals stay; only the left-out steps' links went with them. */
  g_assert_cmpuint (copy->goals->len, ==, 2);
  assert_references_resolve (copy);
  kedja_plan_validate (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->steps->len, ==, 4);
}

static void
test_omit_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(KedjaPlan) copy = NULL;
  KedjaExportPolicy policy;

  kedja_export_policy_init (&policy);
  policy.omit_parts = KEDJA_EXPORT_PART_NOTES | KEDJA_EXPORT_PART_RATINGS
                      | KEDJA_EXPORT_PART_RELATIVES | KEDJA_EXPORT_PART_GOALS;
  copy = kedja_plan_copy_for_export (plan, &policy);

  for (guint i = 0; i < copy->steps->len; i++)
    {
      g_assert_null (step_at (copy, i)->note);
      g_assert_cmpuint (step_at (copy, i)->goal_ids->len, ==, 0);
    }
  g_assert_cmpuint (copy->ratings->len, ==, 0);
  g_assert_cmpuint (copy->goals->len, ==, 0);
  g_assert_cmpuint (copy->participants->len, ==, 2);
  g_assert_cmpuint (first_meeting (copy)->attendees->len, ==, 2);
  for (guint i = 0; i < copy->participants->len; i++)
    g_assert_cmpint (participant_at (copy->participants, i)->role, !=, KEDJA_ROLE_RELATIVE);
  /* Not asked for: the own goal and the meetings stay, and so do the
   * client's own words and name (no protection, no pseudonyms). */
  g_assert_nonnull (copy->own_goal);
  g_assert_cmpuint (copy->meetings->len, ==, 1);
  g_assert_cmpstr (copy->client->name, ==, "Åsa Öberg");
  kedja_plan_validate (copy, &error);
  g_assert_no_error (error);

  g_clear_pointer (&copy, kedja_plan_unref);
  policy.omit_parts = KEDJA_EXPORT_PART_OWN_GOAL | KEDJA_EXPORT_PART_MEETINGS;
  copy = kedja_plan_copy_for_export (plan, &policy);
  g_assert_null (copy->own_goal);
  g_assert_cmpuint (copy->meetings->len, ==, 0);
  g_assert_cmpuint (copy->goals->len, ==, 2);
  g_assert_cmpuint (copy->ratings->len, ==, 1);
  g_assert_nonnull (step_at (copy, 0)->note);
}

typedef struct {
  const char *exclusion;
  gboolean    understood;
  guint       phases;
  guint       parts;
  const char *unrecognised;
} Exclusion;

#define PHASE(p) (1u << KEDJA_PHASE_##p)

static void
test_exclusions (void)
{
  static const Exclusion cases[] = {
    { "Inget om psykiatrin eller mina skattningar", TRUE, PHASE (HEALTH),
      KEDJA_EXPORT_PART_RATINGS, NULL },
    /* Criminal record is no part of a plan: nothing to leave out, and the
     * user must be told. */
    { "Inget om tidigare domar", FALSE, 0, 0, "Inget om tidigare domar" },
    { "Inget om psykiatrin eller tidigare domar", FALSE, PHASE (HEALTH), 0, "tidigare domar" },
    { "INGET OM ANHÖRIGA, MÖTEN OCH ANTECKNINGAR", TRUE, 0,
      KEDJA_EXPORT_PART_RELATIVES | KEDJA_EXPORT_PART_MEETINGS | KEDJA_EXPORT_PART_NOTES, NULL },
    /* "ö" written as "o" and a combining diaeresis. */
    { "anho\xcc\x88riga", TRUE, 0, KEDJA_EXPORT_PART_RELATIVES, NULL },
    { "Mitt eget mål", TRUE, 0, KEDJA_EXPORT_PART_OWN_GOAL, NULL },
    { "Målen", TRUE, 0, KEDJA_EXPORT_PART_GOALS, NULL },
    { "avgiftningen; behandlingshemmet / boendet", TRUE,
      PHASE (DETOX) | PHASE (TREATMENT) | PHASE (HOUSING), 0, NULL },
    { "Sysselsättning, arbetsträning", TRUE, PHASE (EMPLOYMENT), 0, NULL },
    { "stöd och nätverk", TRUE, PHASE (SUPPORT), 0, NULL },
    { "LARO och somatisk vård", TRUE, PHASE (HEALTH), 0, NULL },
    { "Nothing about my psychiatric care, my ratings or my own goal", TRUE, PHASE (HEALTH),
      KEDJA_EXPORT_PART_RATINGS | KEDJA_EXPORT_PART_OWN_GOAL, NULL },
    { "no notes, relatives or meetings", TRUE, 0,
      KEDJA_EXPORT_PART_NOTES | KEDJA_EXPORT_PART_RELATIVES | KEDJA_EXPORT_PART_MEETINGS, NULL },
    { "detox, treatment, housing, work, support, health", TRUE,
      PHASE (DETOX) | PHASE (TREATMENT) | PHASE (HOUSING) | PHASE (EMPLOYMENT)
      | PHASE (SUPPORT) | PHASE (HEALTH), 0, NULL },
    { "goals", TRUE, 0, KEDJA_EXPORT_PART_GOALS, NULL },
    { "Min ekonomi, och skulder", FALSE, 0, 0, "Min ekonomi, skulder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Exclusion *c = &cases[i];
      g_autofree char *unrecognised = NULL;
      KedjaExportPolicy policy;

      g_test_message ("%s", c->exclusion);
      kedja_export_policy_init (&policy);
      g_assert_cmpint (kedja_export_policy_add_exclusion (&policy, c->exclusion, &unrecognised),
                       ==, c->understood);
      g_assert_cmpuint (policy.omit_phases, ==, c->phases);
      g_assert_cmpuint (policy.omit_parts, ==, c->parts);
      g_assert_cmpstr (unrecognised, ==, c->unrecognised);
      kedja_export_policy_clear (&policy);
    }
}

/* Exclusions add up: every consent's exclusion for the recipient. */
static void
test_exclusions_add_up (void)
{
  KedjaExportPolicy policy;

  kedja_export_policy_init (&policy);
  g_assert_true (kedja_export_policy_add_exclusion (&policy, "psykiatrin", NULL));
  g_assert_true (kedja_export_policy_add_exclusion (&policy, "skattningarna", NULL));
  g_assert_false (kedja_export_policy_add_exclusion (&policy, "domarna", NULL));
  g_assert_cmpuint (policy.omit_phases, ==, PHASE (HEALTH));
  g_assert_cmpuint (policy.omit_parts, ==, KEDJA_EXPORT_PART_RATINGS);
  kedja_export_policy_clear (&policy);
}

/* Free text that names a protected or pseudonymised client does not leave,
 * whatever field it is in; required text gets a neutral word. */
static void
test_named_text (void)
{
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(KedjaPlan) copy = NULL;
  KedjaExportPolicy policy;
  KedjaStep *detox, *flat;
  KedjaGoal *goal;

  g_free (plan->title);
  plan->title = g_strdup ("SIP för Åsa");
  detox = g_ptr_array_index (plan->steps, 0);
  g_free (detox->note);
  detox->note = g_strdup ("Åsas mamma ringde, 811218-9876 stämmer");
  flat = g_ptr_array_index (plan->steps, 2);
  g_free (flat->title);
  flat->title = g_strdup ("Träningslägenhet i Angered");
  goal = g_ptr_array_index (plan->goals, 0);
  g_free (goal->statement);
  goal->statement = g_strdup ("Träffa familjen Öberg");
  plan->client->protected_identity = TRUE;

  kedja_export_policy_init (&policy);
  copy = kedja_plan_copy_for_export (plan, &policy);

  g_assert_cmpstr (copy->title, ==, "Coordinated individual plan");
  g_assert_null (((KedjaStep *) g_ptr_array_index (copy->steps, 0))->note);
  g_assert_cmpstr (((KedjaStep *) g_ptr_array_index (copy->steps, 2))->title, ==, "Housing");
  g_assert_cmpstr (((KedjaGoal *) g_ptr_array_index (copy->goals, 0))->statement, ==, "Housing");
  /* What names nobody stays: a whole word must match, "Boende" is not "Bo". */
  g_assert_cmpstr (((KedjaStep *) g_ptr_array_index (copy->steps, 1))->title, ==,
                   "Behandlingshem");
  g_assert_cmpstr (((KedjaStep *) g_ptr_array_index (copy->steps, 3))->note, ==,
                   "Medicinering ses över");
  g_assert_cmpstr (copy->own_goal, ==, "Jag vill bo i en egen lägenhet");
  g_assert_true (kedja_plan_validate (copy, NULL));

  /* The original is untouched; without protection nothing is dropped. */
  g_assert_cmpstr (plan->title, ==, "SIP för Åsa");
  plan->client->protected_identity = FALSE;
  g_clear_pointer (&copy, kedja_plan_unref);
  copy = kedja_plan_copy_for_export (plan, &policy);
  g_assert_cmpstr (copy->title, ==, "SIP för Åsa");
  kedja_export_policy_clear (&policy);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/export-policy/init-clear", test_init_clear);
  g_test_add_func ("/core/export-policy/pseudonym", test_pseudonym);
  g_test_add_func ("/core/export-policy/pseudonymise", test_pseudonymise);
  g_test_add_func ("/core/export-policy/protected-identity", test_protected_identity);
  g_test_add_func ("/core/export-policy/named-text", test_named_text);
  g_test_add_func ("/core/export-policy/omit-phases", test_omit_phases);
  g_test_add_func ("/core/export-policy/omit-parts", test_omit_parts);
  g_test_add_func ("/core/export-policy/exclusions", test_exclusions);
  g_test_add_func ("/core/export-policy/exclusions-add-up", test_exclusions_add_up);

  return g_test_run ();
}
