/* window-fixture.c — a window on a small demo database, and ways to look at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "kedja-demo.h"
#include "window-fixture.h"

/* Every PROTECT_EVERY-th client gets a protected identity. */
#define PROTECT_EVERY 7

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(KedjaDemoData) demo = NULL;
  g_autoptr(GError) error = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own data directory,
   * removed afterwards; make sure it did before writing anything. */
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_get_tmp_dir ()));
  fixture->dir = g_build_filename (g_get_user_data_dir (), "kedja", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);

  fixture->store = kedja_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  demo = kedja_demo_generate (N_CLIENTS, DEMO_SEED, kedja_date_from_ymd (2026, 3, 2));
  g_assert_cmpuint (demo->plans->len, ==, N_CLIENTS);

  /* Protect some clients whatever the generator chose, so the test always
   * has names that must not be seen. */
  fixture->protected_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < demo->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (demo->plans, i);

      if (i % PROTECT_EVERY == 1)
        plan->client->protected_identity = TRUE;
      if (plan->client->protected_identity)
        g_ptr_array_add (fixture->protected_names, g_strdup (plan->client->name));
    }
  g_assert_cmpuint (fixture->protected_names->len, >, 0);

  kedja_store_save_plans (fixture->store, demo->plans, &error);
  g_assert_no_error (error);

  fixture->window = kedja_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->protected_names, g_ptr_array_unref);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Text the user can read: labels, and the inscriptions of list cells. */
void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

const char *
get_text (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return gtk_label_get_label (GTK_LABEL (widget));
}

gboolean
has_label_with_text (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (get_text (g_ptr_array_index (labels, i)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every label in the window, mapped or not: a recycled row that still holds
 * a name would be a leak waiting for the next scroll. */
void
assert_no_protected_name (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (fixture->window), labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = get_text (g_ptr_array_index (labels, i));

      for (guint j = 0; j < fixture->protected_names->len; j++)
        {
          const char *name = g_ptr_array_index (fixture->protected_names, j);

          if (text != NULL && strstr (text, name) != NULL)
            g_error ("The protected name “%s” is shown in the label “%s”", name, text);
        }
    }
}

GtkSelectionModel *
get_model (KedjaWindow *window)
{
  return kedja_plan_list_get_model (_kedja_window_get_plan_list (window));
}


/* Selects the plan in row @position and waits until the view shows it.
 * Returns the plan as the file holds it. */
KedjaPlan *
select_plan (Fixture *fixture,
             guint    position)
{
  GtkSelectionModel *selection = get_model (fixture->window);
  KedjaPlanView *view = _kedja_window_get_plan_view (fixture->window);
  g_autoptr(KedjaPlanSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  KedjaPlan *plan, *shown;

  summary = g_list_model_get_item (G_LIST_MODEL (selection), position);
  g_assert_nonnull (summary);
  plan = kedja_store_load_plan (fixture->store, kedja_plan_summary_get_id (summary), &error);
  g_assert_no_error (error);

  gtk_selection_model_select_item (selection, position, TRUE);
  SPIN_UNTIL ((shown = kedja_plan_view_get_plan (view)) != NULL
              && g_strcmp0 (shown->id, plan->id) == 0);
  return plan;
}

/* Where the list shows the plan @plan_id. */
guint
find_position (Fixture    *fixture,
               const char *plan_id)
{
  GListModel *model = G_LIST_MODEL (get_model (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KedjaPlanSummary) summary = g_list_model_get_item (model, i);

      if (g_strcmp0 (kedja_plan_summary_get_id (summary), plan_id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

KedjaPlan *
load_plan (Fixture    *fixture,
           const char *plan_id)
{
  g_autoptr(GError) error = NULL;
  KedjaPlan *plan = kedja_store_load_plan (fixture->store, plan_id, &error);

  g_assert_no_error (error);
  return plan;
}
