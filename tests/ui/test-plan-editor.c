/* test-plan-editor.c — the timeline's edits, saved, undone, refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor needs no window: each case edits a small plan with a known
 * gap through a KedjaPlanEditor, then reads the file back through a
 * second connection, as another window or another planner would see it.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "kedja-plan-editor.h"
#include "kedja-store.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

#define PLAN_ID      "3c0a7e52-5b1d-4f0e-9c7a-1e2d3f4a5b60"
#define SOCIAL_ID    "3c0a7e52-5b1d-4f0e-9c7a-1e2d3f4a5b61"
#define CLINIC_ID    "3c0a7e52-5b1d-4f0e-9c7a-1e2d3f4a5b62"
#define DETOX_ID     "3c0a7e52-5b1d-4f0e-9c7a-1e2d3f4a5b63"
#define TREATMENT_ID "3c0a7e52-5b1d-4f0e-9c7a-1e2d3f4a5b64"

typedef struct {
  char            *path;
  KedjaStore      *store;     /* the editor's connection */
  KedjaStore      *other;     /* another window's, or another planner's */
  KedjaPlanEditor *editor;
  GPtrArray       *messages;  /* (element-type utf8): what the toasts said */
  guint            n_plan_changes;
} Fixture;

/* Detox until 10 Sep, then nothing for 8 days, then a treatment home from
 * 19 Sep: the critical gap every SIP meeting is about. */
static KedjaPlan *
make_plan (void)
{
  KedjaClient *client = kedja_client_new (NULL, "Sara Lind");
  KedjaPlan *plan = kedja_plan_new (PLAN_ID, client, "SIP hösten 2026");
  KedjaStep *detox, *treatment;

  plan->status = KEDJA_PLAN_STATUS_ACTIVE;
  plan->created = D (2026, 8, 20);
  plan->need_recorded = D (2026, 8, 20);
  plan->follow_up = D (2026, 12, 1);
  plan->own_goal = g_strdup ("Jag vill ha ett eget hem");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  g_ptr_array_add (plan->agencies, kedja_agency_new (SOCIAL_ID, "Socialtjänsten Centrum",
                                                     KEDJA_AGENCY_KIND_SOCIAL_SERVICES));
  g_ptr_array_add (plan->agencies, kedja_agency_new (CLINIC_ID, "Beroendekliniken",
                                                     KEDJA_AGENCY_KIND_ADDICTION_CARE));

  detox = kedja_step_new (DETOX_ID, KEDJA_PHASE_DETOX, "Avgiftning");
  detox->setting = KEDJA_CARE_SETTING_INPATIENT;
  detox->agency_id = g_strdup (CLINIC_ID);
  detox->planned_start = D (2026, 9, 1);
  detox->planned_end = D (2026, 9, 10);
  g_ptr_array_add (plan->steps, detox);

  treatment = kedja_step_new (TREATMENT_ID, KEDJA_PHASE_TREATMENT, "Behandlingshem");
  treatment->setting = KEDJA_CARE_SETTING_INPATIENT;
  treatment->agency_id = g_strdup (CLINIC_ID);
  treatment->planned_start = D (2026, 9, 19);
  treatment->planned_end = D (2026, 12, 18);
  g_ptr_array_add (plan->steps, treatment);

  g_ptr_array_add (plan->handovers, kedja_handover_new (DETOX_ID, TREATMENT_ID, D (2026, 9, 10)));
  return plan;
}

static void
applied_cb (KedjaPlanEditor *editor,
            const char      *message,
            gboolean         undone,
            Fixture         *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (message));
}

static void
plan_changed_cb (KedjaPlanEditor *editor,
                 GParamSpec      *pspec,
                 Fixture         *fixture)
{
  fixture->n_plan_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kedja", NULL);
  g_autoptr(KedjaPlan) plan = make_plan ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (dir, g_get_tmp_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fixture->path = g_build_filename (dir, "editor.db", NULL);

  fixture->store = kedja_store_open (fixture->path, &error);
  g_assert_no_error (error);
  kedja_store_save_plan (fixture->store, plan, &error);
  g_assert_no_error (error);
  fixture->other = kedja_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->editor = kedja_plan_editor_new (fixture->store);
  g_signal_connect (fixture->editor, "applied", G_CALLBACK (applied_cb), fixture);
  g_signal_connect (fixture->editor, "notify::plan", G_CALLBACK (plan_changed_cb), fixture);
  kedja_plan_editor_open (fixture->editor, PLAN_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kedja_plan_editor_get_plan (fixture->editor)->revision, ==, 1);
  fixture->n_plan_changes = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->editor);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->other);
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  g_free (fixture->path);
}

/* The plan as another connection reads it from the file. */
static KedjaPlan *
load_from_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KedjaPlan *plan = kedja_store_load_plan (fixture->other, PLAN_ID, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_step_dates (KedjaPlan  *plan,
                   const char *step_id,
                   KedjaDate   start,
                   KedjaDate   end)
{
  KedjaStep *step = kedja_plan_find_step (plan, step_id);

  g_assert_nonnull (step);
  g_assert_cmpint (kedja_step_get_start (step), ==, start);
  g_assert_cmpint (kedja_step_get_end (step), ==, end);
}

static guint
count_audit (Fixture    *fixture,
             const char *action,
             const char *detail_part)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = kedja_store_list_audit (fixture->other, PLAN_ID, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      KedjaAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, action) == 0
          && (detail_part == NULL || (entry->detail != NULL
                                      && strstr (entry->detail, detail_part) != NULL)))
        n++;
    }
  return n;
}

static gboolean
has_finding (KedjaPlan *plan,
             KedjaRule  rule)
{
  g_autoptr(GArray) findings = kedja_analyse (plan, NULL, D (2026, 8, 25));

  for (guint i = 0; i < findings->len; i++)
    if (g_array_index (findings, KedjaFinding, i).rule == rule)
      return TRUE;
  return FALSE;
}

/* Dragging the treatment home eight days earlier closes the gap, in the
 * file, as a new revision, with a line in the audit log. */
static void
test_move_step (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) before = load_from_file (fixture);
  g_autoptr(KedjaPlan) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (has_finding (before, KEDJA_RULE_UNCOVERED_DAYS));
  g_assert_cmpuint (count_audit (fixture, "update", NULL), ==, 0);

  g_assert_true (kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID,
                                              D (2026, 9, 11), D (2026, 12, 10), &error));
  g_assert_no_error (error);

  after = load_from_file (fixture);
  assert_step_dates (after, TREATMENT_ID, D (2026, 9, 11), D (2026, 12, 10));
  assert_step_dates (after, DETOX_ID, D (2026, 9, 1), D (2026, 9, 10));
  g_assert_cmpint (after->revision, ==, 2);
  g_assert_false (has_finding (after, KEDJA_RULE_UNCOVERED_DAYS));
  g_assert_cmpuint (count_audit (fixture, "update", "Behandlingshem"), ==, 1);

  /* What the timeline is given is what the file holds. */
  g_assert_true (kedja_plan_equal (kedja_plan_editor_get_plan (fixture->editor), after));
  g_assert_cmpuint (fixture->n_plan_changes, ==, 1);

  /* The toast, and the undo button's tooltip. */
  g_assert_cmpuint (fixture->messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->messages, 0), "Behandlingshem"));
  g_assert_true (kedja_plan_editor_get_can_undo (fixture->editor));
  g_assert_false (kedja_plan_editor_get_can_redo (fixture->editor));
  g_assert_cmpstr (kedja_plan_editor_get_undo_description (fixture->editor),
                   ==, "Move “Behandlingshem”");

  /* Dragging an end only is another kind of change. */
  g_assert_true (kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID,
                                              D (2026, 9, 11), D (2026, 12, 20), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kedja_plan_editor_get_undo_description (fixture->editor),
                   ==, "Change the dates of “Behandlingshem”");
}

/* Undo puts the old dates back as a new revision; redo reapplies. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID, D (2026, 9, 11), D (2026, 12, 10),
                               &error);
  g_assert_no_error (error);

  g_assert_true (kedja_plan_editor_undo (fixture->editor, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KedjaPlan) plan = load_from_file (fixture);

    assert_step_dates (plan, TREATMENT_ID, D (2026, 9, 19), D (2026, 12, 18));
    /* Forward, never back: the file keeps the history of what was done. */
    g_assert_cmpint (plan->revision, ==, 3);
    g_assert_true (has_finding (plan, KEDJA_RULE_UNCOVERED_DAYS));
  }
  g_assert_false (kedja_plan_editor_get_can_undo (fixture->editor));
  g_assert_true (kedja_plan_editor_get_can_redo (fixture->editor));
  g_assert_cmpstr (kedja_plan_editor_get_redo_description (fixture->editor),
                   ==, "Move “Behandlingshem”");
  g_assert_cmpstr (g_ptr_array_index (fixture->messages, 1), ==, "Undone: Move “Behandlingshem”");

  g_assert_true (kedja_plan_editor_redo (fixture->editor, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KedjaPlan) plan = load_from_file (fixture);

    assert_step_dates (plan, TREATMENT_ID, D (2026, 9, 11), D (2026, 12, 10));
    g_assert_cmpint (plan->revision, ==, 4);
    g_assert_true (kedja_plan_equal (kedja_plan_editor_get_plan (fixture->editor), plan));
  }
  g_assert_true (kedja_plan_editor_get_can_undo (fixture->editor));
  g_assert_false (kedja_plan_editor_get_can_redo (fixture->editor));
  g_assert_cmpuint (count_audit (fixture, "update", "Behandlingshem"), ==, 3);

  /* Nothing left to redo is said, not done. */
  g_assert_false (kedja_plan_editor_redo (fixture->editor, &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING);
  g_clear_error (&error);

  /* A new edit after an undo drops what was undone. */
  kedja_plan_editor_undo (fixture->editor, &error);
  g_assert_no_error (error);
  kedja_plan_editor_move_step (fixture->editor, DETOX_ID, D (2026, 9, 2), D (2026, 9, 11), &error);
  g_assert_no_error (error);
  g_assert_false (kedja_plan_editor_get_can_redo (fixture->editor));
  g_assert_cmpstr (kedja_plan_editor_get_undo_description (fixture->editor),
                   ==, "Move “Avgiftning”");
}

/* The quick action of a gap: a planned step of the gap's phase and days,
 * given to the coordinating agency. */
static void
test_add_bridging_step (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  KedjaStep *bridge = NULL;

  g_assert_true (kedja_plan_editor_add_bridging_step (fixture->editor, KEDJA_PHASE_TREATMENT,
                                                      D (2026, 9, 11), D (2026, 9, 18), &error));
  g_assert_no_error (error);

  plan = load_from_file (fixture);
  g_assert_cmpuint (plan->steps->len, ==, 3);
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);

      if (g_strcmp0 (step->id, DETOX_ID) != 0 && g_strcmp0 (step->id, TREATMENT_ID) != 0)
        bridge = step;
    }
  g_assert_nonnull (bridge);
  g_assert_cmpstr (bridge->title, ==, "Bridging step");
  g_assert_cmpint (bridge->phase, ==, KEDJA_PHASE_TREATMENT);
  g_assert_cmpint (bridge->status, ==, KEDJA_STEP_STATUS_PLANNED);
  g_assert_cmpint (bridge->planned_start, ==, D (2026, 9, 11));
  g_assert_cmpint (bridge->planned_end, ==, D (2026, 9, 18));
  g_assert_cmpstr (bridge->agency_id, ==, SOCIAL_ID);
  g_assert_cmpstr (bridge->contact, ==, "Maria Lind");
  g_assert_false (has_finding (plan, KEDJA_RULE_UNCOVERED_DAYS));
  g_assert_cmpint (plan->revision, ==, 2);

  /* Undone, the step is gone from the file again. */
  g_assert_cmpstr (kedja_plan_editor_get_undo_description (fixture->editor),
                   ==, "Add “Bridging step”");
  kedja_plan_editor_undo (fixture->editor, &error);
  g_assert_no_error (error);
  {
    g_autoptr(KedjaPlan) undone = load_from_file (fixture);

    g_assert_cmpuint (undone->steps->len, ==, 2);
    g_assert_true (has_finding (undone, KEDJA_RULE_UNCOVERED_DAYS));
  }
}

static void
test_confirm_handover (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  KedjaDate today = kedja_date_today ();
  KedjaHandover *handover;
  const char *expected_name = g_get_real_name ();

  if (g_str_equal (expected_name, "Unknown") || *expected_name == '\0')
    expected_name = g_get_user_name ();
  g_assert_cmpint (kedja_plan_editor_get_today (fixture->editor), ==, today);

  g_assert_true (kedja_plan_editor_confirm_handover (fixture->editor, DETOX_ID, TREATMENT_ID,
                                                     &error));
  g_assert_no_error (error);

  plan = load_from_file (fixture);
  handover = g_ptr_array_index (plan->handovers, 0);
  g_assert_cmpint (handover->confirmed, ==, today);
  g_assert_cmpstr (handover->confirmed_by, ==, expected_name);
  g_assert_cmpint (plan->revision, ==, 2);
  g_assert_cmpstr (kedja_plan_editor_get_undo_description (fixture->editor),
                   ==, "Confirm the handover to “Behandlingshem”");

  /* Confirming again keeps the first confirmation, and saves nothing. */
  kedja_plan_editor_set_today (fixture->editor, today + 1);
  g_assert_true (kedja_plan_editor_confirm_handover (fixture->editor, DETOX_ID, TREATMENT_ID,
                                                     &error));
  g_assert_no_error (error);
  {
    g_autoptr(KedjaPlan) again = load_from_file (fixture);

    g_assert_cmpint (again->revision, ==, 2);
    g_assert_cmpint (((KedjaHandover *) g_ptr_array_index (again->handovers, 0))->confirmed,
                     ==, today);
  }

  /* A handover that is not there is said to be gone. */
  g_assert_false (kedja_plan_editor_confirm_handover (fixture->editor, TREATMENT_ID, DETOX_ID,
                                                      &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DANGLING_REFERENCE);
}

/* Someone else saved the plan after it was opened: the edit is refused,
 * their edit stays, and the editor shows their version. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) theirs = load_from_file (fixture);
  g_autoptr(KedjaPlan) after = NULL;
  g_autoptr(GError) error = NULL;
  KedjaPlan *shown;

  /* A first edit of our own, so there is something that could be undone. */
  kedja_plan_editor_move_step (fixture->editor, DETOX_ID, D (2026, 9, 2), D (2026, 9, 11), &error);
  g_assert_no_error (error);
  g_assert_true (kedja_plan_editor_get_can_undo (fixture->editor));
  fixture->n_plan_changes = 0;

  g_clear_pointer (&theirs, kedja_plan_unref);
  theirs = load_from_file (fixture);
  g_free (kedja_plan_find_step (theirs, TREATMENT_ID)->note);
  kedja_plan_find_step (theirs, TREATMENT_ID)->note = g_strdup ("Plats bekräftad per telefon");
  kedja_plan_find_step (theirs, TREATMENT_ID)->planned_start = D (2026, 9, 15);
  kedja_store_save_plan (fixture->other, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (theirs->revision, ==, 3);

  g_assert_false (kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID,
                                               D (2026, 9, 12), D (2026, 12, 11), &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Their edit is intact in the file. */
  after = load_from_file (fixture);
  g_assert_cmpint (after->revision, ==, 3);
  assert_step_dates (after, TREATMENT_ID, D (2026, 9, 15), D (2026, 12, 18));
  g_assert_cmpstr (kedja_plan_find_step (after, TREATMENT_ID)->note, ==,
                   "Plats bekräftad per telefon");

  /* The editor shows their version, and cannot undo into it. */
  shown = kedja_plan_editor_get_plan (fixture->editor);
  g_assert_nonnull (shown);
  g_assert_true (kedja_plan_equal (shown, after));
  g_assert_cmpuint (fixture->n_plan_changes, ==, 1);
  g_assert_false (kedja_plan_editor_get_can_undo (fixture->editor));
  g_assert_cmpuint (fixture->messages->len, ==, 1);

  /* From their version, editing works again. */
  g_assert_true (kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID,
                                              D (2026, 9, 12), D (2026, 12, 15), &error));
  g_assert_no_error (error);
  {
    g_autoptr(KedjaPlan) plan = load_from_file (fixture);

    assert_step_dates (plan, TREATMENT_ID, D (2026, 9, 12), D (2026, 12, 15));
    g_assert_cmpstr (kedja_plan_find_step (plan, TREATMENT_ID)->note, ==,
                     "Plats bekräftad per telefon");
    g_assert_cmpint (plan->revision, ==, 4);
  }
}

/* Undo is a save too, and is refused the same way. */
static void
test_undo_conflict (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) theirs = NULL;
  g_autoptr(KedjaPlan) after = NULL;
  g_autoptr(GError) error = NULL;

  kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID, D (2026, 9, 11), D (2026, 12, 10),
                               &error);
  g_assert_no_error (error);

  theirs = load_from_file (fixture);
  theirs->follow_up = D (2026, 11, 20);
  kedja_store_save_plan (fixture->other, theirs, &error);
  g_assert_no_error (error);

  g_assert_false (kedja_plan_editor_undo (fixture->editor, &error));
  g_assert_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);

  after = load_from_file (fixture);
  g_assert_cmpint (after->follow_up, ==, D (2026, 11, 20));
  assert_step_dates (after, TREATMENT_ID, D (2026, 9, 11), D (2026, 12, 10));
  g_assert_true (kedja_plan_equal (kedja_plan_editor_get_plan (fixture->editor), after));
  g_assert_false (kedja_plan_editor_get_can_undo (fixture->editor));
  g_assert_false (kedja_plan_editor_get_can_redo (fixture->editor));
}

/* A plan the store refuses is not saved; the editor shows the file's plan
 * again, and what could be undone before still can. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) after = NULL;
  g_autoptr(GError) error = NULL;

  kedja_plan_editor_move_step (fixture->editor, DETOX_ID, D (2026, 9, 2), D (2026, 9, 11), &error);
  g_assert_no_error (error);

  g_assert_false (kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID,
                                               D (2026, 9, 20), D (2026, 9, 19), &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DATE_ORDER);
  g_clear_error (&error);

  g_assert_false (kedja_plan_editor_move_step (fixture->editor, "no-such-step",
                                               D (2026, 9, 20), D (2026, 9, 29), &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  /* The same dates again change nothing and leave no trace. */
  g_assert_true (kedja_plan_editor_move_step (fixture->editor, TREATMENT_ID,
                                              D (2026, 9, 19), D (2026, 12, 18), &error));
  g_assert_no_error (error);

  after = load_from_file (fixture);
  g_assert_cmpint (after->revision, ==, 2);
  assert_step_dates (after, TREATMENT_ID, D (2026, 9, 19), D (2026, 12, 18));
  g_assert_cmpstr (kedja_plan_editor_get_undo_description (fixture->editor),
                   ==, "Move “Avgiftning”");
  g_assert_cmpuint (fixture->messages->len, ==, 1);
}

/* Another plan, or another database, starts with an empty history. */
static void
test_history_per_plan (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  kedja_plan_editor_move_step (fixture->editor, DETOX_ID, D (2026, 9, 2), D (2026, 9, 11), &error);
  g_assert_no_error (error);
  kedja_plan_editor_undo (fixture->editor, &error);
  g_assert_no_error (error);
  g_assert_true (kedja_plan_editor_get_can_redo (fixture->editor));

  kedja_plan_editor_open (fixture->editor, PLAN_ID, &error);
  g_assert_no_error (error);
  g_assert_false (kedja_plan_editor_get_can_undo (fixture->editor));
  g_assert_false (kedja_plan_editor_get_can_redo (fixture->editor));

  kedja_plan_editor_move_step (fixture->editor, DETOX_ID, D (2026, 9, 2), D (2026, 9, 11), &error);
  g_assert_no_error (error);
  kedja_plan_editor_set_store (fixture->editor, fixture->other);
  g_assert_null (kedja_plan_editor_get_plan (fixture->editor));
  g_assert_false (kedja_plan_editor_get_can_undo (fixture->editor));

  g_assert_false (kedja_plan_editor_move_step (fixture->editor, DETOX_ID,
                                               D (2026, 9, 3), D (2026, 9, 12), &error));
  g_assert_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/plan-editor/move-step", test_move_step);
  ADD ("/ui/plan-editor/undo-redo", test_undo_redo);
  ADD ("/ui/plan-editor/add-bridging-step", test_add_bridging_step);
  ADD ("/ui/plan-editor/confirm-handover", test_confirm_handover);
  ADD ("/ui/plan-editor/conflict", test_conflict);
  ADD ("/ui/plan-editor/undo-conflict", test_undo_conflict);
  ADD ("/ui/plan-editor/refused", test_refused);
  ADD ("/ui/plan-editor/history-per-plan", test_history_per_plan);

#undef ADD

  return g_test_run ();
}
