/* store-test-util.c — fixtures and sample plans for the store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "store-test-util.h"

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
store_fixture_set_up (StoreFixture *fixture,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kedja-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kedja.db", NULL);
}

void
store_fixture_tear_down (StoreFixture *fixture,
                         gconstpointer data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static KedjaAgency *
add_agency (KedjaPlan      *plan,
            const char     *id,
            const char     *name,
            KedjaAgencyKind kind)
{
  KedjaAgency *agency = kedja_agency_new (id, name, kind);

  g_ptr_array_add (plan->agencies, agency);
  return agency;
}

static KedjaStep *
add_step (KedjaPlan  *plan,
          const char *id,
          KedjaPhase  phase,
          const char *title,
          const char *agency_id,
          KedjaDate   start,
          KedjaDate   end)
{
  KedjaStep *step = kedja_step_new (id, phase, title);

  step->agency_id = g_strdup (agency_id);
  step->planned_start = start;
  step->planned_end = end;
  g_ptr_array_add (plan->steps, step);
  return step;
}

static KedjaParticipant *
add_person (GPtrArray  *people,
            KedjaRole   role,
            const char *agency_id,
            const char *name)
{
  KedjaParticipant *p = kedja_participant_new (role, agency_id, name);

  g_ptr_array_add (people, p);
  return p;
}

KedjaPlan *
test_plan_full (void)
{
  KedjaClient *client = kedja_client_new (TEST_CLIENT_ID, "Åsa Öberg-Ängström 🌱");
  KedjaPlan *plan;
  KedjaAgency *agency;
  KedjaStep *step;
  KedjaGoal *goal;
  KedjaConsent *consent;
  KedjaHandover *handover;
  KedjaMeeting *meeting;
  KedjaRating *rating;

  client->personal_number = g_strdup (TEST_PERSONAL_NUMBER);
  client->protected_identity = TRUE;
  client->district = g_strdup ("Västra Hisingen");
  client->children_under_18 = 2;
  client->relatives_involved = TRUE;
  client->has_own_housing = TRUE;

  plan = kedja_plan_new (TEST_PLAN_ID, client, "SIP för Åsa <&\"'> 🌱");
  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 8, 20);
  plan->own_goal = g_strdup ("Jag vill bo i en egen lägenhet & träffa mina barn <3 "
                             "\"varje vecka\" — 'på riktigt' 😊");
  plan->need_recorded = D (2026, 8, 15);
  plan->coordinating_agency_id = g_strdup (TEST_SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 10);

  agency = add_agency (plan, TEST_CLINIC_ID, "Beroendekliniken Östra",
                       KEDJA_AGENCY_KIND_ADDICTION_CARE);
  agency->hsa_id = g_strdup ("SE2321000131-E000000000001");
  agency->contact = g_strdup ("031-342 00 00, mottagning@example.se");
  agency = add_agency (plan, TEST_SOCIAL_ID, "Socialtjänsten Västra Hisingen",
                       KEDJA_AGENCY_KIND_SOCIAL_SERVICES);
  agency->org_number = g_strdup ("212000-1355");
  agency->contact = g_strdup ("Box 123, 417 05 Göteborg <växel>");
  add_agency (plan, TEST_HOUSING_ID, "Bostadsbolaget & Co", KEDJA_AGENCY_KIND_HOUSING);
  add_agency (plan, TEST_PEER_ID, "Länkarna Göteborg", KEDJA_AGENCY_KIND_CIVIL_SOCIETY);
  /* Listed by the plan but used by nothing in it. */
  add_agency (plan, TEST_UNUSED_ID, "Arbetsförmedlingen", KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE);

  add_person (plan->participants, KEDJA_ROLE_COORDINATOR, TEST_SOCIAL_ID, "Maria Lind");
  add_person (plan->participants, KEDJA_ROLE_CLIENT, NULL, "Åsa");
  add_person (plan->participants, KEDJA_ROLE_RELATIVE, NULL, "Örjan (pappa)");
  add_person (plan->participants, KEDJA_ROLE_PEER_SUPPORTER, TEST_PEER_ID, NULL);
  add_person (plan->participants, KEDJA_ROLE_PARTICIPANT, TEST_CLINIC_ID, "Dr. Ödman");

  consent = kedja_consent_new (TEST_CLINIC_ID, D (2026, 8, 20), KEDJA_CONSENT_FORM_WRITTEN);
  consent->expires = D (2027, 8, 20);
  consent->exclusion = g_strdup ("Inget om domar <före 2020> & \"skulder\"");
  g_ptr_array_add (plan->consents, consent);
  consent = kedja_consent_new (TEST_HOUSING_ID, D (2026, 8, 21), KEDJA_CONSENT_FORM_ORAL);
  consent->withdrawn = D (2026, 10, 1);
  g_ptr_array_add (plan->consents, consent);

  goal = kedja_goal_new ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01", KEDJA_DOMAIN_FAMILY,
                         "Träffa barnen varje vecka 👨‍👧");
  goal->target = D (2027, 3, 1);
  g_ptr_array_add (plan->goals, goal);
  goal = kedja_goal_new ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c02", KEDJA_DOMAIN_HOUSING,
                         "Eget kontrakt");
  goal->status = KEDJA_GOAL_STATUS_REACHED;
  g_ptr_array_add (plan->goals, goal);
  goal = kedja_goal_new ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c03", KEDJA_DOMAIN_SUBSTANCE_USE,
                         "Drogfri i ett år");
  goal->status = KEDJA_GOAL_STATUS_DROPPED;
  goal->target = D (2027, 9, 1);
  g_ptr_array_add (plan->goals, goal);

  step = add_step (plan, TEST_DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning", TEST_CLINIC_ID,
                   D (2026, 9, 1), D (2026, 9, 10));
  step->status = KEDJA_STEP_STATUS_COMPLETED;
  step->setting = KEDJA_CARE_SETTING_INPATIENT;
  step->contact = g_strdup ("Sköterska Åke");
  step->code = g_strdup ("DU011");
  step->actual_start = D (2026, 9, 2);
  step->actual_end = D (2026, 9, 11);
  step->note = g_strdup ("Abstinens <svår> & \"lång\"; 'ok' 💊");
  g_ptr_array_add (step->goal_ids, g_strdup ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c03"));

  step = add_step (plan, "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02", KEDJA_PHASE_TREATMENT,
                   "Öppenvårdsbehandling", TEST_CLINIC_ID, D (2026, 9, 12), D (2026, 12, 4));
  step->status = KEDJA_STEP_STATUS_ONGOING;
  step->setting = KEDJA_CARE_SETTING_OUTPATIENT;
  step->actual_start = D (2026, 9, 14);

  /* Open-ended, with two goals linked in a chosen order. */
  step = add_step (plan, "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03", KEDJA_PHASE_HOUSING,
                   "Träningslägenhet", TEST_HOUSING_ID, D (2026, 12, 5), KEDJA_DATE_NONE);
  step->status = KEDJA_STEP_STATUS_BOOKED;
  g_ptr_array_add (step->goal_ids, g_strdup ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c02"));
  g_ptr_array_add (step->goal_ids, g_strdup ("9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"));

  step = add_step (plan, "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b04", KEDJA_PHASE_EMPLOYMENT,
                   "Arbetsträning", NULL, D (2027, 1, 10), D (2027, 6, 30));
  step->status = KEDJA_STEP_STATUS_CANCELLED;

  step = add_step (plan, "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b05", KEDJA_PHASE_SUPPORT,
                   "Kamratstöd", TEST_PEER_ID, D (2026, 9, 2), KEDJA_DATE_NONE);
  step->status = KEDJA_STEP_STATUS_INTERRUPTED;
  step->note = g_strdup ("Träffas på torsdagar ☕");

  step = add_step (plan, "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b06", KEDJA_PHASE_HEALTH,
                   "Tandvård", NULL, D (2026, 10, 1), D (2026, 10, 1));

  handover = kedja_handover_new (TEST_DETOX_ID, "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02",
                                 D (2026, 9, 11));
  handover->meeting = D (2026, 9, 9);
  handover->confirmed = D (2026, 9, 10);
  handover->confirmed_by = g_strdup ("Kurator Öst");
  g_ptr_array_add (plan->handovers, handover);
  g_ptr_array_add (plan->handovers,
                   kedja_handover_new ("0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02",
                                       "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03", D (2026, 12, 4)));

  meeting = kedja_meeting_new (D (2026, 8, 20));
  add_person (meeting->attendees, KEDJA_ROLE_CLIENT, NULL, "Åsa");
  add_person (meeting->attendees, KEDJA_ROLE_COORDINATOR, TEST_SOCIAL_ID, "Maria Lind");
  add_person (meeting->attendees, KEDJA_ROLE_PARTICIPANT, TEST_CLINIC_ID, NULL);
  g_ptr_array_add (plan->meetings, meeting);
  /* A meeting nobody was recorded at still keeps its place. */
  g_ptr_array_add (plan->meetings, kedja_meeting_new (D (2026, 9, 15)));
  meeting = kedja_meeting_new (D (2026, 10, 20));
  add_person (meeting->attendees, KEDJA_ROLE_RELATIVE, NULL, "Örjan");
  add_person (meeting->attendees, KEDJA_ROLE_PEER_SUPPORTER, TEST_PEER_ID, "Kim");
  g_ptr_array_add (plan->meetings, meeting);

  rating = kedja_rating_new (D (2026, 8, 20), KEDJA_DOMAIN_HOUSING, 3);
  rating->note = g_strdup ("Bor hos en vän <tillfälligt> & oroar sig");
  g_ptr_array_add (plan->ratings, rating);
  g_ptr_array_add (plan->ratings, kedja_rating_new (D (2026, 8, 20), KEDJA_DOMAIN_NETWORK, 10));
  rating = kedja_rating_new (D (2026, 10, 20), KEDJA_DOMAIN_HOUSING, 1);
  rating->note = g_strdup ("😞");
  g_ptr_array_add (plan->ratings, rating);

  g_assert_true (kedja_plan_validate (plan, NULL));
  return plan;
}

KedjaPlan *
test_plan_small (const char *client_name,
                 const char *title,
                 guint       n_steps)
{
  KedjaPlan *plan = kedja_plan_new (NULL, kedja_client_new (NULL, client_name), title);
  KedjaAgency *agency = kedja_agency_new (TEST_SMALL_AGENCY_ID, "Mottagning Centrum",
                                          KEDJA_AGENCY_KIND_ADDICTION_CARE);

  plan->created = D (2026, 1, 5);
  g_ptr_array_add (plan->agencies, agency);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *step_title = g_strdup_printf ("Steg %u", i + 1);
      add_step (plan, NULL, KEDJA_PHASE_TREATMENT, step_title, TEST_SMALL_AGENCY_ID,
                D (2026, 2, 1) + 10 * i, D (2026, 2, 1) + 10 * i + 9);
    }
  return plan;
}

KedjaStore *
test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  KedjaStore *store = kedja_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A read-write connection, though it only reads: a read-only one cannot
 * clean up the -wal and -shm files of a WAL database when it closes. */
static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
test_query_int (const char *path,
                const char *sql)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
test_exec (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

int
test_exec_fails (const char *path,
                 const char *sql)
{
  sqlite3 *db = open_db (path);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_close (db);
  return rc;
}

GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
test_assert_file_is (const char *path,
                     GBytes     *expected)
{
  g_autoptr(GBytes) actual = test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (actual), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (actual, expected));
}

guint
test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}
