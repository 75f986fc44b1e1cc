/* test-window-timeline.c — the plan at the window's centre: its timeline, edits, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window with a real timeline on a small demo database. The timeline's
 * signals are emitted as a drag or a click on a popover's quick action
 * would emit them; what is checked is what the user then sees and what
 * the file then holds.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "kedja-plan-view.h"
#include "kedja-step-details.h"
#include "kedja-timeline.h"
#include "window-fixture.h"

/* A step with dates that can move three days later without breaking a
 * rule of the model. */
static KedjaStep *
find_movable_step (KedjaPlan *plan)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);

      if (kedja_step_get_start (step) != KEDJA_DATE_NONE)
        return step;
    }
  g_assert_not_reached ();
}

static KedjaDate
later (KedjaDate date,
       int       days)
{
  return date == KEDJA_DATE_NONE ? KEDJA_DATE_NONE : date + days;
}

static KedjaTimeline *
get_timeline (Fixture *fixture)
{
  return kedja_plan_view_get_timeline (_kedja_window_get_plan_view (fixture->window));
}

static gboolean
toast_mentions (Fixture    *fixture,
                const char *text)
{
  const char *title = _kedja_window_get_toast_title (fixture->window);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return title != NULL && strstr (title, escaped) != NULL;
}

/* The open toplevel of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The timeline gets the database's thresholds, not the defaults. */
static void
test_window_analysis_settings (Fixture       *fixture,
                               gconstpointer  user_data)
{
  KedjaPlanView *view = _kedja_window_get_plan_view (fixture->window);
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  kedja_store_set_setting (fixture->store, "gap-days", "10", &error);
  g_assert_no_error (error);
  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  g_assert_cmpuint (kedja_plan_view_get_analysis_settings (view)->gap_days, ==, 10);

  plan = select_plan (fixture, 0);
  g_assert_cmpstr (kedja_timeline_get_plan (get_timeline (fixture))->id, ==, plan->id);
}

/* A drag on the timeline is saved, said, and undone with the window's
 * action; the timeline shows the file's plan after each. */
static void
test_window_edit_and_undo (Fixture       *fixture,
                           gconstpointer  user_data)
{
  KedjaPlanEditor *editor = _kedja_window_get_editor (fixture->window);
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(KedjaPlan) moved = NULL;
  g_autoptr(KedjaPlan) undone = NULL;
  KedjaStep *step;
  KedjaDate start, end;
  g_autofree char *step_id = NULL;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  plan = select_plan (fixture, N_CLIENTS / 3);
  step = find_movable_step (plan);
  step_id = g_strdup (step->id);
  start = kedja_step_get_start (step);
  end = kedja_step_get_end (step);

  g_signal_emit_by_name (get_timeline (fixture), "step-edited", step_id, later (start, 3),
                         later (end, 3));

  moved = load_plan (fixture, plan->id);
  g_assert_cmpint (moved->revision, ==, plan->revision + 1);
  g_assert_cmpint (kedja_step_get_start (kedja_plan_find_step (moved, step_id)), ==,
                   later (start, 3));
  g_assert_cmpint (kedja_step_get_end (kedja_plan_find_step (moved, step_id)), ==,
                   later (end, 3));
  g_assert_cmpint (kedja_timeline_get_plan (get_timeline (fixture))->revision, ==,
                   moved->revision);
  g_assert_true (toast_mentions (fixture, step->title));
  g_assert_true (kedja_plan_editor_get_can_undo (editor));

  /* Ctrl+Z, or the toast's button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  undone = load_plan (fixture, plan->id);
  g_assert_cmpint (undone->revision, ==, plan->revision + 2);
  g_assert_cmpint (kedja_step_get_start (kedja_plan_find_step (undone, step_id)), ==, start);
  g_assert_cmpint (kedja_step_get_end (kedja_plan_find_step (undone, step_id)), ==, end);
  g_assert_cmpint (kedja_step_get_start (kedja_plan_find_step (
                     kedja_timeline_get_plan (get_timeline (fixture)), step_id)), ==, start);
  g_assert_true (g_str_has_prefix (_kedja_window_get_toast_title (fixture->window), "Undone: "));

  /* Another plan: nothing of the first one can be undone or redone. */
  g_assert_true (kedja_plan_editor_get_can_redo (editor));
  g_clear_pointer (&moved, kedja_plan_unref);
  moved = select_plan (fixture, N_CLIENTS / 3 + 1);
  g_assert_false (kedja_plan_editor_get_can_undo (editor));
  g_assert_false (kedja_plan_editor_get_can_redo (editor));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  {
    g_autoptr(KedjaPlan) first = load_plan (fixture, plan->id);

    g_assert_cmpint (first->revision, ==, plan->revision + 2);
  }
}

static KedjaHandover *
find_unconfirmed_handover (KedjaPlan *plan)
{
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

      if (handover->confirmed == KEDJA_DATE_NONE)
        return handover;
    }
  return NULL;
}

/* The quick actions of the timeline's popovers are saved too. */
static void
test_window_quick_actions (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GListModel *model;
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(KedjaPlan) after = NULL;
  KedjaHandover *handover = NULL;
  KedjaDate today = kedja_date_today ();
  guint n_steps, n_confirmed = 0;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  model = G_LIST_MODEL (get_model (fixture->window));

  /* The first plan in the list with a handover nobody has confirmed. */
  for (guint i = 0; i < g_list_model_get_n_items (model) && handover == NULL; i++)
    {
      g_autoptr(KedjaPlanSummary) summary = g_list_model_get_item (model, i);
      g_autoptr(KedjaPlan) candidate = load_plan (fixture, kedja_plan_summary_get_id (summary));

      if (find_unconfirmed_handover (candidate) != NULL)
        {
          plan = select_plan (fixture, i);
          handover = find_unconfirmed_handover (plan);
        }
    }
  g_assert_nonnull (handover);
  n_steps = plan->steps->len;

  g_signal_emit_by_name (get_timeline (fixture), "confirm-handover",
                         handover->from_step_id, handover->to_step_id);
  after = load_plan (fixture, plan->id);
  for (guint k = 0; k < after->handovers->len; k++)
    {
      KedjaHandover *saved = g_ptr_array_index (after->handovers, k);

      if (g_strcmp0 (saved->from_step_id, handover->from_step_id) == 0
          && g_strcmp0 (saved->to_step_id, handover->to_step_id) == 0)
        {
          g_assert_cmpint (saved->confirmed, ==, today);
          g_assert_nonnull (saved->confirmed_by);
          n_confirmed++;
        }
    }
  g_assert_cmpuint (n_confirmed, ==, 1);
  g_assert_cmpint (after->revision, ==, plan->revision + 1);
  g_assert_true (toast_mentions (fixture, "confirmed"));

  g_signal_emit_by_name (get_timeline (fixture), "add-bridging-step", KEDJA_PHASE_HOUSING,
                         (int) today + 1, (int) today + 10);
  g_clear_pointer (&after, kedja_plan_unref);
  after = load_plan (fixture, plan->id);
  g_assert_cmpuint (after->steps->len, ==, n_steps + 1);
  g_assert_cmpint (((KedjaStep *) g_ptr_array_index (after->steps, n_steps))->phase, ==,
                   KEDJA_PHASE_HOUSING);
  g_assert_cmpint (((KedjaStep *) g_ptr_array_index (after->steps, n_steps))->planned_start, ==,
                   today + 1);
  g_assert_cmpuint (kedja_timeline_get_plan (get_timeline (fixture))->steps->len, ==, n_steps + 1);
  g_assert_true (toast_mentions (fixture, "Bridging step"));
}

/* Someone else saved the plan since it was opened: the drag is refused in
 * a dialog, their plan is kept and shown. */
static void
test_window_conflict (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(KedjaPlan) theirs = NULL;
  g_autoptr(KedjaPlan) after = NULL;
  g_autoptr(KedjaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  KedjaStep *step;
  AdwMessageDialog *dialog;
  KedjaPlan *shown;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  plan = select_plan (fixture, 2);
  step = find_movable_step (plan);

  other = kedja_store_open (fixture->path, &error);
  g_assert_no_error (error);
  theirs = kedja_store_load_plan (other, plan->id, &error);
  g_assert_no_error (error);
  g_free (theirs->coordinator);
  theirs->coordinator = g_strdup ("Someone Else");
  kedja_store_save_plan (other, theirs, &error);
  g_assert_no_error (error);

  g_signal_emit_by_name (get_timeline (fixture), "step-edited", step->id,
                         later (kedja_step_get_start (step), 5),
                         later (kedja_step_get_end (step), 5));

  after = load_plan (fixture, plan->id);
  g_assert_cmpint (after->revision, ==, theirs->revision);
  g_assert_cmpstr (after->coordinator, ==, "Someone Else");
  g_assert_cmpint (kedja_step_get_start (kedja_plan_find_step (after, step->id)), ==,
                   kedja_step_get_start (step));

  shown = kedja_timeline_get_plan (get_timeline (fixture));
  g_assert_cmpint (shown->revision, ==, theirs->revision);
  g_assert_cmpstr (shown->coordinator, ==, "Someone Else");
  g_assert_cmpstr (kedja_plan_view_get_plan (_kedja_window_get_plan_view (fixture->window))->coordinator,
                   ==, "Someone Else");

  SPIN_UNTIL ((dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Someone Else Changed This Plan");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "changed by someone else"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (kedja_plan_editor_get_can_undo (_kedja_window_get_editor (fixture->window)));
}

/* On a projector: large, read-only, no list of other clients; and back. */
static void
test_window_meeting_mode (Fixture       *fixture,
                          gconstpointer  user_data)
{
  KedjaTimeline *timeline = get_timeline (fixture);
  GtkWidget *list = GTK_WIDGET (_kedja_window_get_plan_list (fixture->window));
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(KedjaPlan) after = NULL;
  gboolean meeting_mode = FALSE;
  KedjaStep *step;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  plan = select_plan (fixture, 1);
  step = find_movable_step (plan);
  g_assert_true (gtk_widget_get_visible (list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.meeting-mode",
                                             NULL));
  g_object_get (fixture->window, "meeting-mode", &meeting_mode, NULL);
  g_assert_true (meeting_mode);
  g_assert_true (kedja_timeline_get_meeting_mode (timeline));
  g_assert_false (kedja_timeline_get_editable (timeline));
  g_assert_false (gtk_widget_get_visible (list));
  assert_no_protected_name (fixture);

  /* Nothing is saved in meeting mode, whatever the timeline says. */
  g_signal_emit_by_name (timeline, "step-edited", step->id, later (kedja_step_get_start (step), 2),
                         later (kedja_step_get_end (step), 2));
  after = load_plan (fixture, plan->id);
  g_assert_cmpint (after->revision, ==, plan->revision);

  /* Escape leaves it, as F11 and Ctrl+M do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.leave-meeting-mode", NULL));
  g_object_get (fixture->window, "meeting-mode", &meeting_mode, NULL);
  g_assert_false (meeting_mode);
  g_assert_false (kedja_timeline_get_meeting_mode (timeline));
  g_assert_true (kedja_timeline_get_editable (timeline));
  g_assert_true (gtk_widget_get_visible (list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.meeting-mode",
                                             NULL));
  g_assert_true (kedja_timeline_get_meeting_mode (timeline));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.meeting-mode",
                                             NULL));
  g_assert_false (kedja_timeline_get_meeting_mode (timeline));
}

/* F9 gives the chain the whole width while planning, still editable; the
 * meeting mode does not bring the list back when it ends. */
static void
test_window_hide_plans (Fixture       *fixture,
                        gconstpointer  user_data)
{
  KedjaTimeline *timeline = get_timeline (fixture);
  GtkWidget *list = GTK_WIDGET (_kedja_window_get_plan_list (fixture->window));
  g_autoptr(KedjaPlan) plan = NULL;
  int width_beside_list;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  plan = select_plan (fixture, 5);
  SPIN_UNTIL (gtk_widget_get_width (GTK_WIDGET (timeline)) > 0);
  width_beside_list = gtk_widget_get_width (GTK_WIDGET (timeline));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-plans",
                                             NULL));
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_true (kedja_timeline_get_editable (timeline));
  SPIN_UNTIL (gtk_widget_get_width (GTK_WIDGET (timeline)) > width_beside_list);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.meeting-mode", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.meeting-mode", NULL);
  g_assert_false (gtk_widget_get_visible (list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-plans",
                                             NULL));
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpstr (kedja_timeline_get_plan (timeline)->id, ==, plan->id);
}

/* Opening a step shows what it is in words. */
static void
test_window_step_details (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = NULL;
  KedjaStep *step;
  GtkWindow *details;
  const char *agency;

  /* Titles and names are people's own words, shown as they are typed,
   * never read as markup. */
  summaries = kedja_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  plan_id = g_strdup (kedja_plan_summary_get_id (g_ptr_array_index (summaries, 3)));
  plan = load_plan (fixture, plan_id);
  step = find_movable_step (plan);
  g_free (step->title);
  step->title = g_strdup ("Boende & stöd <Nord>");
  g_free (step->contact);
  step->contact = g_strdup ("Kim <kim@example.se> & Co");
  kedja_store_save_plan (fixture->store, plan, &error);
  g_assert_no_error (error);
  g_clear_pointer (&plan, kedja_plan_unref);

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  plan = select_plan (fixture, find_position (fixture, plan_id));
  step = find_movable_step (plan);
  g_assert_cmpstr (step->title, ==, "Boende & stöd <Nord>");

  g_signal_emit_by_name (get_timeline (fixture), "step-activated", step->id);
  SPIN_UNTIL ((details = find_toplevel (KEDJA_TYPE_STEP_DETAILS)) != NULL
              && gtk_widget_get_mapped (GTK_WIDGET (details)));
  g_assert_true (gtk_window_get_transient_for (details) == GTK_WINDOW (fixture->window));
  g_assert_true (has_label_with_text (GTK_WIDGET (details), step->title));
  g_assert_true (has_label_with_text (GTK_WIDGET (details),
                                      kedja_step_status_get_label (step->status)));
  agency = step->agency_id != NULL ? kedja_plan_get_agency_name (plan, step->agency_id) : NULL;
  if (agency != NULL)
    g_assert_true (has_label_with_text (GTK_WIDGET (details), agency));
  g_assert_true (has_label_with_text (GTK_WIDGET (details), "Kim <kim@example.se> & Co"));
  gtk_window_destroy (details);
}

static guint
count_exports (Fixture    *fixture,
               const char *plan_id,
               const char *detail)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = kedja_store_list_audit (fixture->store, plan_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      KedjaAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, "export") == 0 && g_strcmp0 (entry->detail, detail) == 0)
        n++;
    }
  return n;
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  GStatBuf buf;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  /* Only its owner can read a copy of a person's plan. */
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

/* A paper copy leaves the program: it is written, private, and logged. */
static void
test_window_export (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "kedja.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "kedja.png", NULL);
  g_autofree char *pdf_detail = g_strdup_printf ("format=pdf file=%s span=whole", pdf);
  g_autofree char *png_detail = g_strdup_printf ("format=png file=%s span=visible", png);
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  plan = select_plan (fixture, 4);
  SPIN_UNTIL (gtk_widget_get_width (GTK_WIDGET (get_timeline (fixture))) > 0);

  g_assert_true (_kedja_window_export_image (fixture->window, pdf, TRUE, TRUE, &error));
  g_assert_no_error (error);
  assert_file_starts_with (pdf, "%PDF", 4);
  g_assert_cmpuint (count_exports (fixture, plan->id, pdf_detail), ==, 1);

  g_assert_true (_kedja_window_export_image (fixture->window, png, FALSE, FALSE, &error));
  g_assert_no_error (error);
  assert_file_starts_with (png, "\x89PNG", 4);
  g_assert_cmpuint (count_exports (fixture, plan->id, png_detail), ==, 1);
}

/* The demo opens a plan with a gap, so its first screen shows what Kedja
 * is for. */
static void
test_window_demo_opens_gap (Fixture       *fixture,
                            gconstpointer  user_data)
{
  KedjaPlanView *view = _kedja_window_get_plan_view (fixture->window);
  g_autoptr(GArray) findings = NULL;
  KedjaPlan *shown;
  gboolean has_band = FALSE;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  g_assert_true (kedja_window_select_plan_with_gap (fixture->window));
  SPIN_UNTIL ((shown = kedja_plan_view_get_plan (view)) != NULL);
  g_assert_true (kedja_timeline_get_plan (get_timeline (fixture)) == shown);

  findings = kedja_analyse (shown, kedja_plan_view_get_analysis_settings (view),
                            kedja_date_today ());
  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (findings, KedjaFinding, i);

      has_band |= finding->severity == KEDJA_SEVERITY_CRITICAL && finding->start != KEDJA_DATE_NONE;
    }
  g_assert_true (has_band);
  assert_no_protected_name (fixture);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  /* GTK and libadwaita read the system's settings schemas once, here,
   * before the isolated directories below hide them. */
  gtk_init ();
  adw_init ();
  /* Icons are told apart by their MIME type: keep the system's MIME
   * database in sight of the isolated directories. */
  g_content_type_set_mime_dirs (NULL);
  /* Not gtk_test_init(): it ignores its options, and without
   * G_TEST_OPTION_ISOLATE_DIRS the databases would land in the real home. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/window/timeline/analysis-settings", test_window_analysis_settings);
  ADD ("/ui/window/timeline/edit-and-undo", test_window_edit_and_undo);
  ADD ("/ui/window/timeline/quick-actions", test_window_quick_actions);
  ADD ("/ui/window/timeline/conflict", test_window_conflict);
  ADD ("/ui/window/timeline/meeting-mode", test_window_meeting_mode);
  ADD ("/ui/window/timeline/hide-plans", test_window_hide_plans);
  ADD ("/ui/window/timeline/step-details", test_window_step_details);
  ADD ("/ui/window/timeline/export", test_window_export);
  ADD ("/ui/window/timeline/demo-opens-gap", test_window_demo_opens_gap);

#undef ADD

  return g_test_run ();
}
