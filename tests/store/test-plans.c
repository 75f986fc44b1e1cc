/* test-plans.c — saving, loading, listing and deleting plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "store-test-util.h"

/* Every table that holds parts of a plan, by its plan_id column. */
static const char *const part_tables[] = {
  "plan_agencies", "participants", "consents", "goals", "steps", "step_goals", "handovers",
  "meetings", "meeting_attendees", "ratings",
};

static gint64
count_rows (const char *path,
            const char *table,
            const char *column,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = '%s'",
                                          table, column, id);
  return test_query_int (path, sql);
}

static void
save_ok (KedjaStore *store,
         KedjaPlan  *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
}

static KedjaPlan *
load_ok (KedjaStore *store,
         const char *id)
{
  g_autoptr(GError) error = NULL;
  KedjaPlan *plan = kedja_store_load_plan (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static KedjaStep *
step_at (KedjaPlan *plan,
         guint      i)
{
  return g_ptr_array_index (plan->steps, i);
}

static void
test_roundtrip (StoreFixture *f,
                gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) expected = kedja_plan_copy (plan);
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autoptr(KedjaPlan) reloaded = NULL;
  KedjaParticipant *first;

  g_assert_cmpint (plan->revision, ==, 0);
  save_ok (store, plan);
  g_assert_cmpint (plan->revision, ==, 1);

  loaded = load_ok (store, TEST_PLAN_ID);
  expected->revision = 1;
  /* A few fields spelled out, so that a failure says where. */
  g_assert_cmpstr (loaded->title, ==, "SIP för Åsa <&\"'> 🌱");
  g_assert_cmpstr (loaded->client->name, ==, "Åsa Öberg-Ängström 🌱");
  g_assert_cmpstr (loaded->client->personal_number, ==, TEST_PERSONAL_NUMBER);
  g_assert_true (loaded->client->protected_identity);
  g_assert_cmpuint (loaded->client->children_under_18, ==, 2);
  g_assert_cmpuint (loaded->agencies->len, ==, 5);
  g_assert_cmpuint (loaded->steps->len, ==, 6);
  g_assert_cmpint (step_at (loaded, 2)->planned_end, ==, KEDJA_DATE_NONE);
  g_assert_cmpint (step_at (loaded, 0)->actual_end, ==, D (2026, 9, 11));
  g_assert_cmpuint (step_at (loaded, 2)->goal_ids->len, ==, 2);
  g_assert_cmpstr (step_at (loaded, 0)->note, ==, "Abstinens <svår> & \"lång\"; 'ok' 💊");
  g_assert_true (kedja_plan_equal (loaded, expected));

  /* Edit everywhere, reorder, remove, and save again. */
  step_at (loaded, 0)->planned_end = D (2026, 9, 12);
  g_ptr_array_add (step_at (loaded, 1)->goal_ids,
                   g_strdup ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"));
  g_ptr_array_remove_index (loaded->ratings, 1);
  first = g_ptr_array_steal_index (loaded->participants, 0);
  g_ptr_array_add (loaded->participants, first);
  g_ptr_array_remove_index (loaded->handovers, 1);
  g_ptr_array_remove_index (loaded->steps, 5);
  g_clear_pointer (&loaded->client->personal_number, g_free);
  loaded->client->has_own_housing = FALSE;
  loaded->status = KEDJA_PLAN_STATUS_CLOSED;
  save_ok (store, loaded);
  g_assert_cmpint (loaded->revision, ==, 2);

  reloaded = load_ok (store, TEST_PLAN_ID);
  g_assert_cmpint (reloaded->revision, ==, 2);
  g_assert_cmpint (step_at (reloaded, 0)->planned_end, ==, D (2026, 9, 12));
  g_assert_cmpuint (reloaded->steps->len, ==, 5);
  g_assert_null (reloaded->client->personal_number);
  g_assert_true (kedja_plan_equal (reloaded, loaded));
  g_assert_false (kedja_plan_equal (reloaded, expected));
}

/* The schema's CHECK lists must take every value of every enumeration,
 * and the nicks must come back as the same values. */
static void
test_every_value (StoreFixture *f,
                  gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (KEDJA_TYPE_AGENCY_KIND);
  g_autoptr(GEnumClass) roles = g_type_class_ref (KEDJA_TYPE_ROLE);
  g_autoptr(GEnumClass) phases = g_type_class_ref (KEDJA_TYPE_PHASE);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (KEDJA_TYPE_STEP_STATUS);
  g_autoptr(GEnumClass) domains = g_type_class_ref (KEDJA_TYPE_DOMAIN);
  g_autoptr(GEnumClass) goal_statuses = g_type_class_ref (KEDJA_TYPE_GOAL_STATUS);
  g_autoptr(GEnumClass) forms = g_type_class_ref (KEDJA_TYPE_CONSENT_FORM);
  g_autoptr(GEnumClass) plan_statuses = g_type_class_ref (KEDJA_TYPE_PLAN_STATUS);
  g_autoptr(GEnumClass) settings = g_type_class_ref (KEDJA_TYPE_CARE_SETTING);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  g_autoptr(GError) error = NULL;

  for (guint p = 0; p < plan_statuses->n_values; p++)
    {
      KedjaPlan *plan = kedja_plan_new (NULL, kedja_client_new (NULL, "Alla Värden"), "Alla");
      KedjaMeeting *meeting = kedja_meeting_new (D (2026, 3, 1));

      plan->created = D (2026, 3, 1);
      plan->status = plan_statuses->values[p].value;
      for (guint i = 0; i < kinds->n_values; i++)
        {
          g_autofree char *id = g_strdup_printf ("agency-%u", i);
          g_ptr_array_add (plan->agencies, kedja_agency_new (id, kinds->values[i].value_nick,
                                                             kinds->values[i].value));
        }
      for (guint i = 0; i < roles->n_values; i++)
        {
          g_ptr_array_add (plan->participants,
                           kedja_participant_new (roles->values[i].value, "agency-0", NULL));
          g_ptr_array_add (meeting->attendees,
                           kedja_participant_new (roles->values[i].value, NULL, "x"));
        }
      g_ptr_array_add (plan->meetings, meeting);
      for (guint i = 0; i < forms->n_values; i++)
        g_ptr_array_add (plan->consents, kedja_consent_new ("agency-1", D (2026, 3, 1),
                                                            forms->values[i].value));
      for (guint i = 0; i < domains->n_values; i++)
        {
          g_autofree char *id = g_strdup_printf ("goal-%u", i);
          KedjaGoal *goal = kedja_goal_new (id, domains->values[i].value, "Mål");

          goal->status = goal_statuses->values[i % goal_statuses->n_values].value;
          g_ptr_array_add (plan->goals, goal);
          g_ptr_array_add (plan->ratings, kedja_rating_new (D (2026, 3, 1),
                                                            domains->values[i].value, i + 1));
        }
      for (guint i = 0; i < phases->n_values * statuses->n_values; i++)
        {
          KedjaStep *step = kedja_step_new (NULL, phases->values[i % phases->n_values].value,
                                            "Steg");

          step->status = statuses->values[i / phases->n_values].value;
          step->planned_start = D (2026, 3, 1);
          if (step->phase == KEDJA_PHASE_DETOX || step->phase == KEDJA_PHASE_TREATMENT)
            step->setting = settings->values[i % settings->n_values].value;
          g_ptr_array_add (plan->steps, step);
        }
      g_ptr_array_add (plans, plan);
    }

  g_assert_true (kedja_store_save_plans (store, plans, &error));
  g_assert_no_error (error);
  for (guint p = 0; p < plans->len; p++)
    {
      KedjaPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(KedjaPlan) loaded = load_ok (store, plan->id);

      g_assert_true (kedja_plan_equal (loaded, plan));
    }
}

static void
test_list (StoreFixture *f,
           gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) bo = test_plan_small ("Bo Ek", "SIP", 3);
  g_autoptr(KedjaPlan) anna_b = test_plan_small ("Anna Berg", "B-plan", 0);
  g_autoptr(KedjaPlan) anna_a = NULL;
  g_autoptr(KedjaPlan) cecilia = test_plan_small ("Cecilia Öst", "Samordnad plan", 1);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KedjaPlanSummary *row;
  guint a_row, b_row;

  bo->status = KEDJA_PLAN_STATUS_ACTIVE;
  bo->client->district = g_strdup ("Angered");
  bo->follow_up = D (2026, 6, 1);
  step_at (bo, 1)->status = KEDJA_STEP_STATUS_CANCELLED;
  anna_b->client->protected_identity = TRUE;
  /* A second plan for the same person. */
  anna_a = test_plan_small ("Anna Berg", "A-plan", 2);
  kedja_client_free (anna_a->client);
  anna_a->client = kedja_client_copy (anna_b->client);
  anna_a->status = KEDJA_PLAN_STATUS_CLOSED;

  save_ok (store, cecilia);
  save_ok (store, bo);
  save_ok (store, anna_b);
  save_ok (store, anna_a);
  save_ok (store, bo);  /* unchanged: stays at revision 1 */
  step_at (cecilia, 0)->contact = g_strdup ("Eva");
  save_ok (store, cecilia);

  list = kedja_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);

  /* Protected clients come first, ordered by plan id alone: neither their
   * name nor a title (which may hold the name) decides where they stand. */
  a_row = g_strcmp0 (anna_a->id, anna_b->id) < 0 ? 0 : 1;
  b_row = 1 - a_row;
  row = g_ptr_array_index (list, b_row);
  g_assert_cmpstr (kedja_plan_summary_get_id (row), ==, anna_b->id);
  g_assert_cmpstr (kedja_plan_summary_get_title (row), ==, "B-plan");
  row = g_ptr_array_index (list, 2);
  g_assert_cmpstr (kedja_plan_summary_get_client_name (row), ==, "Bo Ek");
  row = g_ptr_array_index (list, 3);
  g_assert_cmpstr (kedja_plan_summary_get_client_name (row), ==, "Cecilia Öst");
  g_assert_cmpstr (kedja_plan_summary_get_title (row), ==, "Samordnad plan");

  row = g_ptr_array_index (list, a_row);
  g_assert_cmpstr (kedja_plan_summary_get_id (row), ==, anna_a->id);
  g_assert_cmpstr (kedja_plan_summary_get_client_name (row), ==, "Anna Berg");
  g_assert_cmpint (kedja_plan_summary_get_status (row), ==, KEDJA_PLAN_STATUS_CLOSED);
  g_assert_true (kedja_plan_summary_get_protected_identity (row));
  g_assert_cmpuint (kedja_plan_summary_get_n_steps (row), ==, 2);
  g_assert_cmpint (kedja_plan_summary_get_follow_up (row), ==, KEDJA_DATE_NONE);
  g_assert_null (kedja_plan_summary_get_district (row));

  row = g_ptr_array_index (list, b_row);
  g_assert_cmpuint (kedja_plan_summary_get_n_steps (row), ==, 0);
  g_assert_cmpint (kedja_plan_summary_get_status (row), ==, KEDJA_PLAN_STATUS_DRAFT);

  row = g_ptr_array_index (list, 2);
  g_assert_cmpstr (kedja_plan_summary_get_id (row), ==, bo->id);
  g_assert_cmpstr (kedja_plan_summary_get_district (row), ==, "Angered");
  g_assert_cmpint (kedja_plan_summary_get_status (row), ==, KEDJA_PLAN_STATUS_ACTIVE);
  g_assert_false (kedja_plan_summary_get_protected_identity (row));
  g_assert_cmpuint (kedja_plan_summary_get_n_steps (row), ==, 3);  /* the cancelled one too */
  g_assert_cmpint (kedja_plan_summary_get_follow_up (row), ==, D (2026, 6, 1));
  g_assert_cmpint (kedja_plan_summary_get_revision (row), ==, 1);

  row = g_ptr_array_index (list, 3);
  g_assert_cmpint (kedja_plan_summary_get_revision (row), ==, 2);
  g_assert_cmpuint (kedja_plan_summary_get_n_steps (row), ==, 1);
}

static void
test_load_all (StoreFixture *f,
               gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (plans, test_plan_full ());
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Klient %02u", 40 - i);
      g_ptr_array_add (plans, test_plan_small (name, "SIP", i % 7));
    }
  g_assert_true (kedja_store_save_plans (store, plans, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (plans, i);
      g_assert_cmpint (plan->revision, ==, 1);
      g_hash_table_insert (by_id, plan->id, plan);
    }

  loaded = kedja_store_load_all_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, plans->len);
  for (guint i = 0; i < loaded->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (loaded, i);
      KedjaPlan *saved = g_hash_table_lookup (by_id, plan->id);

      g_assert_nonnull (saved);
      g_assert_true (kedja_plan_equal (plan, saved));
      /* In the order of the plan list: Åsa first, as her identity is
       * protected, then Klient 01 … 40. */
      if (i == 0)
        g_assert_true (plan->client->protected_identity);
      else
        {
          g_autofree char *name = g_strdup_printf ("Klient %02u", i);
          g_assert_cmpstr (plan->client->name, ==, name);
        }
    }
}

static void
test_delete (StoreFixture *f,
             gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) second = test_plan_small ("Åsa Öberg-Ängström 🌱", "Uppföljning", 2);
  g_autoptr(KedjaPlan) other = test_plan_full ();
  g_autoptr(KedjaPlan) gone = NULL;
  g_autoptr(GError) error = NULL;

  /* A second plan for the same client, and an unrelated one with the same
   * parts (ids of steps and goals are only unique within a plan). */
  kedja_client_free (second->client);
  second->client = kedja_client_copy (plan->client);
  g_free (other->id);
  other->id = g_uuid_string_random ();
  g_free (other->client->id);
  other->client->id = g_uuid_string_random ();
  save_ok (store, plan);
  save_ok (store, second);
  save_ok (store, other);

  for (guint i = 0; i < G_N_ELEMENTS (part_tables); i++)
    {
      g_assert_cmpint (count_rows (f->path, part_tables[i], "plan_id", plan->id), >, 0);
      g_assert_cmpint (count_rows (f->path, part_tables[i], "plan_id", other->id), >, 0);
    }

  g_assert_true (kedja_store_delete_plan (store, plan->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "plans", "id", plan->id), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (part_tables); i++)
    g_assert_cmpint (count_rows (f->path, part_tables[i], "plan_id", plan->id), ==, 0);
  /* The client still has a plan; the directory is shared and stays. */
  g_assert_cmpint (count_rows (f->path, "clients", "id", TEST_CLIENT_ID), ==, 1);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM agencies"), ==, 6);

  gone = kedja_store_load_plan (store, plan->id, &error);
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_assert_false (kedja_store_delete_plan (store, plan->id, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The last plan for the client takes the client with it. */
  g_assert_true (kedja_store_delete_plan (store, second->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "clients", "id", TEST_CLIENT_ID), ==, 0);

  /* The unrelated plan is whole. */
  for (guint i = 0; i < G_N_ELEMENTS (part_tables); i++)
    g_assert_cmpint (count_rows (f->path, part_tables[i], "plan_id", other->id), >, 0);
  gone = load_ok (store, other->id);
  g_assert_true (kedja_plan_equal (gone, other));
}

static void
test_client_replaced (StoreFixture *f,
                      gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_small ("Fel Person", "SIP", 1);
  g_autofree char *old_id = NULL;

  save_ok (store, plan);
  old_id = g_strdup (plan->client->id);
  kedja_client_free (plan->client);
  plan->client = kedja_client_new (NULL, "Rätt Person");
  save_ok (store, plan);

  g_assert_cmpint (count_rows (f->path, "clients", "id", old_id), ==, 0);
  g_assert_cmpint (count_rows (f->path, "clients", "id", plan->client->id), ==, 1);
}

/* Two windows (or two programs) on the same file edit the same plan. */
static void
test_conflict (StoreFixture *f,
               gconstpointer data)
{
  g_autoptr(KedjaStore) first = test_store_open (f->path);
  g_autoptr(KedjaStore) second = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) mine = NULL;
  g_autoptr(KedjaPlan) theirs = NULL;
  g_autoptr(KedjaPlan) now = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (first, plan);
  mine = load_ok (first, TEST_PLAN_ID);
  theirs = load_ok (second, TEST_PLAN_ID);

  g_free (mine->title);
  mine->title = g_strdup ("Första handläggarens titel");
  save_ok (first, mine);
  g_assert_cmpint (mine->revision, ==, 2);

  g_free (theirs->coordinator);
  theirs->coordinator = g_strdup ("Andra handläggaren");
  g_assert_false (kedja_store_save_plan (second, theirs, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "someone else"));
  g_clear_error (&error);
  g_assert_cmpint (theirs->revision, ==, 1);

  now = load_ok (second, TEST_PLAN_ID);
  g_assert_cmpint (now->revision, ==, 2);
  g_assert_cmpstr (now->title, ==, "Första handläggarens titel");
  g_assert_cmpstr (now->coordinator, ==, "Maria Lind");
  g_assert_true (kedja_plan_equal (now, mine));

  /* Reloaded, the second one's edit goes through. */
  g_free (now->coordinator);
  now->coordinator = g_strdup ("Andra handläggaren");
  save_ok (second, now);
  g_assert_cmpint (now->revision, ==, 3);
}

static void
test_conflict_new_plan_with_existing_id (StoreFixture *f,
                                         gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(KedjaPlan) again = test_plan_full ();
  g_autoptr(KedjaPlan) stored = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (store, plan);
  g_free (again->title);
  again->title = g_strdup ("Importerad igen");
  g_assert_false (kedja_store_save_plan (store, again, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  g_assert_cmpint (again->revision, ==, 0);

  stored = load_ok (store, TEST_PLAN_ID);
  g_assert_true (kedja_plan_equal (stored, plan));
}

static void
test_conflict_deleted (StoreFixture *f,
                       gconstpointer data)
{
  g_autoptr(KedjaStore) first = test_store_open (f->path);
  g_autoptr(KedjaStore) second = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_small ("Dan Ek", "SIP", 2);
  g_autoptr(GError) error = NULL;

  save_ok (first, plan);
  g_assert_true (kedja_store_delete_plan (second, plan->id, &error));
  g_assert_no_error (error);

  plan->follow_up = D (2026, 5, 5);
  g_assert_false (kedja_store_save_plan (first, plan, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  g_assert_cmpint (count_rows (f->path, "plans", "id", plan->id), ==, 0);
}

static void
test_invalid (StoreFixture *f,
              gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "plans", "clients", "agencies", "steps", "audit_log" };

  step_at (plan, 1)->planned_end = step_at (plan, 1)->planned_start - 1;
  g_assert_false (kedja_store_save_plan (store, plan, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_INVALID);
  /* The model's own explanation, naming the step. */
  g_assert_nonnull (strstr (error->message, "Öppenvårdsbehandling"));
  g_assert_cmpint (plan->revision, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_assert_cmpint (test_query_int (f->path, sql), ==, 0);
    }
}

/* save_plans is all or nothing: one stale plan keeps every other one out. */
static void
test_save_plans_atomic (StoreFixture *f,
                        gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) stale = test_plan_small ("Eva Al", "SIP", 1);
  g_autoptr(KedjaPlan) fresh = test_plan_small ("Fia Bok", "SIP", 2);
  g_autoptr(KedjaPlan) edited = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  save_ok (store, stale);
  edited = load_ok (store, stale->id);
  save_ok (store, edited);  /* unchanged: no new revision */
  edited->coordinator = g_strdup ("Gun");
  save_ok (store, edited);  /* revision 2 */
  g_assert_cmpint (edited->revision, ==, 2);

  stale->coordinator = g_strdup ("Hans");
  g_ptr_array_add (batch, fresh);
  g_ptr_array_add (batch, stale);
  g_assert_false (kedja_store_save_plans (store, batch, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (fresh->revision, ==, 0);
  g_assert_cmpint (stale->revision, ==, 1);
  g_assert_cmpint (count_rows (f->path, "plans", "id", fresh->id), ==, 0);
  g_assert_cmpint (count_rows (f->path, "clients", "id", fresh->client->id), ==, 0);
  g_assert_cmpint (count_rows (f->path, "audit_log", "entity_id", fresh->id), ==, 0);

  /* Retried without the stale one, the same plan object goes in. */
  g_ptr_array_remove_index (batch, 1);
  g_ptr_array_add (batch, edited);
  edited->follow_up = D (2026, 9, 1);
  g_assert_true (kedja_store_save_plans (store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fresh->revision, ==, 1);
  g_assert_cmpint (edited->revision, ==, 3);
}

static void
test_unchanged_save_writes_nothing (StoreFixture *f,
                                    gconstpointer data)
{
  g_autoptr(KedjaStore) store = test_store_open (f->path);
  g_autoptr(KedjaPlan) plan = test_plan_full ();
  gint64 audit_rows;

  save_ok (store, plan);
  audit_rows = test_query_int (f->path, "SELECT count(*) FROM audit_log");
  save_ok (store, plan);
  g_assert_cmpint (plan->revision, ==, 1);
  g_assert_cmpint (test_query_int (f->path, "SELECT count(*) FROM audit_log"), ==, audit_rows);
  g_assert_cmpint (count_rows (f->path, "plans", "revision", "1"), ==, 1);
}

#define ADD(name, func) \
  g_test_add ("/store/plan/" name, StoreFixture, NULL, store_fixture_set_up, func, \
              store_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("roundtrip", test_roundtrip);
  ADD ("every-value", test_every_value);
  ADD ("list", test_list);
  ADD ("load-all", test_load_all);
  ADD ("delete", test_delete);
  ADD ("client-replaced", test_client_replaced);
  ADD ("conflict", test_conflict);
  ADD ("conflict/new-plan-with-existing-id", test_conflict_new_plan_with_existing_id);
  ADD ("conflict/deleted", test_conflict_deleted);
  ADD ("invalid", test_invalid);
  ADD ("save-plans-atomic", test_save_plans_atomic);
  ADD ("unchanged-save-writes-nothing", test_unchanged_save_writes_nothing);

  return g_test_run ();
}
