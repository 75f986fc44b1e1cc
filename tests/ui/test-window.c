/* test-window.c — the main window, built on a real database and looked at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a virtual display (xvfb-run, dbus-run-session). Nothing here
 * waits for a fixed time: the main loop is spun until what the user would
 * see is there, with a bound on how long that may take. The fixture is in
 * window-fixture.c; the timeline's edits are tested in
 * test-window-timeline.c.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "kedja-demo.h"
#include "kedja-plan-view.h"
#include "kedja-step-details.h"
#include "kedja-step-row.h"
#include "kedja-timeline.h"
#include "window-fixture.h"

/* The topmost mapped client cell, by where it is drawn. */
static GtkWidget *
get_top_client_cell (KedjaWindow *window,
                      guint       *n_mapped)
{
  KedjaPlanList *list = _kedja_window_get_plan_list (window);
  GtkWidget *view = GTK_WIDGET (_kedja_plan_list_get_column_view (list));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *top = NULL;
  float top_y = G_MAXFLOAT;

  *n_mapped = 0;
  collect_labels (view, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      graphene_point_t point;

      if (!gtk_widget_has_css_class (label, "kedja-client") || !gtk_widget_get_mapped (label))
        continue;
      if (!gtk_widget_compute_point (label, view, &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;

      (*n_mapped)++;
      if (point.y < top_y)
        {
          top_y = point.y;
          top = label;
        }
    }
  return top;
}

/* A search entry reports a change only after a typing pause; say it at
 * once so that the list is filtered when this returns. */
static void
set_search (KedjaWindow *window,
            const char  *text)
{
  GtkEditable *search = _kedja_plan_list_get_search_entry (_kedja_window_get_plan_list (window));

  gtk_editable_set_text (search, text);
  g_signal_emit_by_name (search, "search-changed");
}

static const char *
get_expected_client_text (KedjaPlanSummary *summary)
{
  if (kedja_plan_summary_get_protected_identity (summary))
    return g_dgettext (GETTEXT_PACKAGE, "Protected identity");
  return kedja_plan_summary_get_client_name (summary);
}

static guint
count_step_rows (KedjaWindow *window)
{
  GtkListBox *list = _kedja_plan_view_get_step_list (_kedja_window_get_plan_view (window));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KEDJA_IS_STEP_ROW (child))
        n++;
    }
  return n;
}

static void
test_window_lists_plans (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GListModel *model;
  g_autoptr(KedjaPlanSummary) first = NULL;
  GtkWidget *top;
  guint n_mapped = 0;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  g_assert_cmpstr (_kedja_window_get_page (fixture->window), ==, "plans");

  model = G_LIST_MODEL (get_model (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CLIENTS);

  /* Wait until the rows are really there on screen. */
  SPIN_UNTIL ((top = get_top_client_cell (fixture->window, &n_mapped)) != NULL &&
              gtk_widget_get_width (top) > 0);
  g_assert_cmpuint (n_mapped, >, 1);

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (get_text (top), ==, get_expected_client_text (first));

  /* Nothing is opened until the user chooses. */
  g_assert_null (kedja_plan_view_get_plan (_kedja_window_get_plan_view (fixture->window)));
  assert_no_protected_name (fixture);
}

static void
test_window_select_plan (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkSelectionModel *selection;
  g_autoptr(KedjaPlanSummary) summary = NULL;
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  KedjaPlanView *view = _kedja_window_get_plan_view (fixture->window);
  KedjaTimeline *timeline;
  guint chosen = N_CLIENTS / 2;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  selection = get_model (fixture->window);
  summary = g_list_model_get_item (G_LIST_MODEL (selection), chosen);

  plan = kedja_store_load_plan (fixture->store, kedja_plan_summary_get_id (summary), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->steps->len, >, 0);
  g_assert_cmpuint (plan->steps->len, ==, kedja_plan_summary_get_n_steps (summary));

  gtk_selection_model_select_item (selection, chosen, TRUE);
  SPIN_UNTIL (count_step_rows (fixture->window) == plan->steps->len);

  g_assert_nonnull (kedja_plan_view_get_plan (view));
  g_assert_cmpstr (kedja_plan_view_get_plan (view)->id, ==, plan->id);
  g_assert_true (has_label_with_text (GTK_WIDGET (view),
                                      ((KedjaStep *) g_ptr_array_index (plan->steps, 0))->title));
  g_assert_true (has_label_with_text (GTK_WIDGET (view), plan->title));

  /* The chain is drawn by the timeline, at the centre of the view. */
  timeline = kedja_plan_view_get_timeline (view);
  g_assert_nonnull (kedja_timeline_get_plan (timeline));
  g_assert_cmpstr (kedja_timeline_get_plan (timeline)->id, ==, plan->id);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (timeline))
              && gtk_widget_get_width (GTK_WIDGET (timeline)) > 0);
  g_assert_true (kedja_timeline_get_editable (timeline));
  g_assert_false (kedja_timeline_get_meeting_mode (timeline));

  /* Unselecting empties the view again. */
  gtk_selection_model_unselect_item (selection, chosen);
  SPIN_UNTIL (count_step_rows (fixture->window) == 0);
  g_assert_null (kedja_plan_view_get_plan (view));
  g_assert_null (kedja_timeline_get_plan (timeline));
}

static void
test_window_protected_identity (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char *label = g_dgettext (GETTEXT_PACKAGE, "Protected identity");
  KedjaPlanView *view = _kedja_window_get_plan_view (fixture->window);
  GtkSelectionModel *selection;
  GListModel *model;
  guint n_mapped = 0;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  selection = get_model (fixture->window);
  model = G_LIST_MODEL (selection);

  /* The label stands in for the name in searches too: searching for it
   * shows exactly the protected clients, so every one gets a row. */
  set_search (fixture->window, label);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->protected_names->len);
  SPIN_UNTIL (get_top_client_cell (fixture->window, &n_mapped) != NULL &&
              n_mapped == fixture->protected_names->len);
  assert_no_protected_name (fixture);

  /* Opening each protected plan shows no name either. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KedjaPlanSummary) summary = g_list_model_get_item (model, i);
      KedjaPlan *shown;

      g_assert_true (kedja_plan_summary_get_protected_identity (summary));
      gtk_selection_model_select_item (selection, i, TRUE);
      SPIN_UNTIL ((shown = kedja_plan_view_get_plan (view)) != NULL &&
                  g_strcmp0 (shown->id, kedja_plan_summary_get_id (summary)) == 0);
      g_assert_true (has_label_with_text (GTK_WIDGET (view), label));
      assert_no_protected_name (fixture);
    }

  /* A protected person's name finds nobody protected. */
  for (guint j = 0; j < fixture->protected_names->len; j++)
    {
      set_search (fixture->window, g_ptr_array_index (fixture->protected_names, j));
      g_assert_cmpuint (g_list_model_get_n_items (model), <, N_CLIENTS);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(KedjaPlanSummary) summary = g_list_model_get_item (model, i);

          g_assert_false (kedja_plan_summary_get_protected_identity (summary));
        }
      assert_no_protected_name (fixture);
    }

  set_search (fixture->window, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CLIENTS);
}

static void
test_window_search (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GListModel *model;
  g_autoptr(KedjaPlanSummary) some = NULL;
  const char *district;
  guint expected = 0;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kedja_window_set_store (fixture->window, fixture->store));
  model = G_LIST_MODEL (get_model (fixture->window));

  summaries = kedja_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);

  /* Pick an unprotected client's district and count who lives there. */
  for (guint i = 0; i < summaries->len && some == NULL; i++)
    {
      KedjaPlanSummary *summary = g_ptr_array_index (summaries, i);

      if (!kedja_plan_summary_get_protected_identity (summary) &&
          kedja_plan_summary_get_district (summary) != NULL)
        some = g_object_ref (summary);
    }
  g_assert_nonnull (some);
  district = kedja_plan_summary_get_district (some);
  for (guint i = 0; i < summaries->len; i++)
    {
      KedjaPlanSummary *summary = g_ptr_array_index (summaries, i);

      if (!kedja_plan_summary_get_protected_identity (summary) &&
          g_strcmp0 (kedja_plan_summary_get_district (summary), district) == 0)
        expected++;
    }

  /* Districts are matched word by word from the start, as typed. */
  set_search (fixture->window, district);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, N_CLIENTS);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, expected);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KedjaPlanSummary) summary = g_list_model_get_item (model, i);

      g_assert_false (kedja_plan_summary_get_protected_identity (summary));
    }

  set_search (fixture->window, "zzzz-nobody-has-this-name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  set_search (fixture->window, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CLIENTS);
}

/* The list starts with a screenful and takes in the rest once drawn. */
static void
test_window_long_list (void)
{
  const guint n_clients = 130;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kedja", NULL);
  g_autofree char *path = g_build_filename (dir, "long.db", NULL);
  g_autoptr(KedjaDemoData) demo = NULL;
  g_autoptr(KedjaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  KedjaWindow *window;

  g_assert_true (g_str_has_prefix (dir, g_get_tmp_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = kedja_store_open (path, &error);
  g_assert_no_error (error);
  demo = kedja_demo_generate (n_clients, DEMO_SEED, kedja_date_from_ymd (2026, 3, 2));
  kedja_store_save_plans (store, demo->plans, &error);
  g_assert_no_error (error);

  window = kedja_window_new (NULL);
  g_assert_true (kedja_window_set_store (window, store));
  model = G_LIST_MODEL (get_model (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_clients);

  gtk_window_present (GTK_WINDOW (window));
  SPIN_UNTIL (g_list_model_get_n_items (model) == n_clients);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_not_kedja (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kedja", NULL);
  g_autofree char *path = g_build_filename (dir, "shopping-list.db", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) error = NULL;
  KedjaStore *store;
  KedjaWindow *window;

  g_assert_true (g_str_has_prefix (dir, g_get_tmp_dir ()));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 200; i++)
    g_string_append (content, "Milk, bread, coffee. This is not a database.\n");
  g_file_set_contents (path, content->str, content->len, &error);
  g_assert_no_error (error);

  /* What the store itself says about the file is what the user must read. */
  store = kedja_store_open (path, &expected);
  g_assert_null (store);
  g_assert_error (expected, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_NOT_KEDJA);

  window = kedja_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (kedja_window_open_file (window, path));
  g_assert_cmpstr (_kedja_window_get_page (window), ==, "error");
  g_assert_null (kedja_window_get_store (window));

  escaped = g_markup_escape_text (expected->message, -1);
  g_assert_cmpstr (adw_status_page_get_description (_kedja_window_get_error_page (window)),
                   ==, escaped);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (_kedja_window_get_error_page (window))));

  /* And the file is left as it was. */
  g_file_get_contents (path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, content->str);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_empty (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kedja", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  KedjaWindow *window;

  g_assert_true (g_str_has_prefix (dir, g_get_tmp_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  window = kedja_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kedja_window_open_file (window, path));
  g_assert_cmpstr (_kedja_window_get_page (window), ==, "empty");
  g_assert_nonnull (kedja_window_get_store (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_model (window))),
                    ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* .ui mistakes show only at run time, so build every one of them. */
static void
build_ui_resources (const char *dir,
                    guint      *n_built)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      const char *data;
      const char *template;

      if (g_str_has_suffix (names[i], "/"))
        {
          build_ui_resources (path, n_built);
          continue;
        }
      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      g_test_message ("Building %s", path);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, NULL);

      template = strstr (data, "<template class=\"");
      if (template != NULL)
        {
          const char *start = template + strlen ("<template class=\"");
          g_autofree char *class_name = g_strndup (start, strcspn (start, "\""));
          GType type = g_type_from_name (class_name);
          GObject *object;

          g_assert_true (type != G_TYPE_INVALID);
          /* A template with a mistake is a critical, fatal in tests. */
          object = g_object_new (type, NULL);
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          else
            g_object_unref (g_object_ref_sink (object));
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();
          GSList *objects;

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);
          objects = gtk_builder_get_objects (builder);
          for (GSList *l = objects; l != NULL; l = l->next)
            {
              if (GTK_IS_WINDOW (l->data))
                gtk_window_destroy (GTK_WINDOW (l->data));
            }
          g_slist_free (objects);
        }
      (*n_built)++;
    }
}

static void
test_templates_build (void)
{
  guint n_built = 0;

  /* The types a template names must exist before it is read. */
  g_type_ensure (KEDJA_TYPE_WINDOW);
  g_type_ensure (KEDJA_TYPE_PLAN_LIST);
  g_type_ensure (KEDJA_TYPE_PLAN_VIEW);
  g_type_ensure (KEDJA_TYPE_STEP_ROW);
  g_type_ensure (KEDJA_TYPE_STEP_DETAILS);
  g_type_ensure (KEDJA_TYPE_TIMELINE);

  build_ui_resources ("/org/kedja/Kedja/", &n_built);
  g_assert_cmpuint (n_built, >=, 6);
}

/* The window's own icons are SVG; without an SVG loader on the machine the
 * empty states would show a broken-image sign. Draw each one and look for
 * ink. */
static void
test_icons_draw (void)
{
  const char *paths[] = {
    "/org/kedja/Kedja/icons/scalable/apps/org.kedja.Kedja.svg",
    "/org/kedja/Kedja/icons/symbolic/apps/org.kedja.Kedja-symbolic.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_resource (paths[i]);
      int width = gdk_texture_get_width (texture);
      int height = gdk_texture_get_height (texture);
      g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
      guint opaque = 0;

      g_assert_cmpint (width, >=, 16);
      gdk_texture_download (texture, pixels, (gsize) width * 4);
      for (gsize p = 0; p < (gsize) width * height; p++)
        opaque += pixels[p * 4 + 3] > 128;
      /* A chain of links covers a good part of its square, not all of it. */
      g_assert_cmpuint (opaque, >, (guint) (width * height / 10));
      g_assert_cmpuint (opaque, <, (guint) (width * height));
    }
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

  g_test_add_func ("/ui/templates/build", test_templates_build);
  g_test_add_func ("/ui/icons/draw", test_icons_draw);
  g_test_add ("/ui/window/lists-plans", Fixture, NULL,
              fixture_set_up, test_window_lists_plans, fixture_tear_down);
  g_test_add ("/ui/window/select-plan", Fixture, NULL,
              fixture_set_up, test_window_select_plan, fixture_tear_down);
  g_test_add ("/ui/window/protected-identity", Fixture, NULL,
              fixture_set_up, test_window_protected_identity, fixture_tear_down);
  g_test_add ("/ui/window/search", Fixture, NULL,
              fixture_set_up, test_window_search, fixture_tear_down);
  g_test_add_func ("/ui/window/long-list", test_window_long_list);
  g_test_add_func ("/ui/window/not-kedja", test_window_not_kedja);
  g_test_add_func ("/ui/window/empty", test_window_empty);

  return g_test_run ();
}
